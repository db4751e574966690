/**
 * Writes the API's OpenAPI document (what `/openapi.json` serves) to a file, or to stdout without
 * one, without starting the API or connecting to any service: `npm run lint` lints this file.
 * Usage: tsx scripts/openapi.ts [out.json]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openApiDocument } from '../api/routes/docs.ts';
import { documentedRoutes } from '../api/routes/index.ts';

const out = process.argv[2];
const json = `${JSON.stringify(openApiDocument(documentedRoutes()), null, 2)}\n`;
if (out) {
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, json);
} else process.stdout.write(json);
