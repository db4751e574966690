/**
 * Writes the configuration's documentation from core/config.ts's `.describe()` texts: the table in
 * README.md (between the config markers) and the whole of `.env.example`.
 * Usage: npm run docs:config
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_TABLE_FILE, ENV_EXAMPLE_FILE, renderConfigTable, renderEnvExample, spliceConfigTable } from '../core/config-docs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tableFile = path.join(root, CONFIG_TABLE_FILE);
await writeFile(tableFile, spliceConfigTable(await readFile(tableFile, 'utf8'), renderConfigTable()));
await writeFile(path.join(root, ENV_EXAMPLE_FILE), renderEnvExample());
console.log(`wrote ${CONFIG_TABLE_FILE} (configuration table) and ${ENV_EXAMPLE_FILE}`);
