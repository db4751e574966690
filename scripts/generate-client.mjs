#!/usr/bin/env node
// Generates the Prisma client into generated/prisma. `prisma generate` does not need the native
// schema engine, but the Prisma 7 CLI tries to download one unless told where an engine file is;
// pointing it at any existing file (here: this script) keeps it offline.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const res = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env, cwd: fileURLToPath(new URL('..', import.meta.url)) });
process.exit(res.status ?? 1);
