/**
 * Prisma's schema engine, run from its wasm build. The Prisma 7 CLI downloads a native engine on
 * every migrate command, which fails offline; the wasm build ships inside an npm package and talks
 * to Postgres through the same driver adapter as the client.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PoolConfig } from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { poolConfigFromUrl } from './url.ts';

// Node has WebAssembly as a global; @types/node 20 does not declare it.
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: unknown } }>;
}

let started: Promise<void> | undefined;

/**
 * The engine arms long timers (e.g. a 10 s timeout around the migrations advisory lock) and leaves
 * them pending after it finishes, which kept every CLI command alive 10 s after its work was done.
 * Its timers are unref'd: pending database I/O still keeps the process alive while it works.
 */
function withUnrefTimers(glue: object): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const [name, fn] of Object.entries(glue)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof fn === 'function') {
      imports[name] = (...args: unknown[]) => {
        const timer = fn(...args) as { unref?: () => void };
        timer.unref?.();
        return timer;
      };
    }
  }
  return imports;
}

/** Instantiates the wasm module once per process, wiring the JS glue as its imports. */
function startWasm(): Promise<void> {
  started ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = gluePath.replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm');
    const instance = await wasm.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': withUnrefTimers(bindings) });
    const exports = instance.instance.exports as { __wbindgen_start(): void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return started;
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
interface PgResult {
  fields: { dataTypeID: number }[];
}
const PG_CHAR = 18;
const PG_TEXT = 25;

/**
 * The engine describes a database by reading catalog columns of Postgres's internal one-byte
 * `"char"` type (relkind, contype, ...), which adapter-pg refuses as an unsupported column type.
 * Their values arrive from pg as strings anyway, so reporting them as text is exact.
 */
function readCharAsText(adapter: Adapter): Adapter {
  const target = adapter as unknown as { performIO(query: unknown): Promise<PgResult> };
  const performIO = target.performIO.bind(adapter);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    return result;
  };
  return adapter;
}

/**
 * adapter-pg with two repairs for the schema engine: `"char"` columns read as text (see above), and
 * the shadow database dropped after its pool is closed (adapter-pg drops it while its own pool
 * still holds a connection, which Postgres refuses as "being accessed by other users").
 */
class ShadowSafePg extends PrismaPg {
  readonly #config: PoolConfig;

  constructor(config: PoolConfig) {
    super(config);
    this.#config = config;
  }

  /** Every adapter handed to the engine; `free()` does not close them, `disposeAll` does. */
  readonly opened: Adapter[] = [];

  override async connect(): Promise<Adapter> {
    const adapter = readCharAsText(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  async disposeAll(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((a) => a.dispose().catch(() => undefined)));
  }

  override async connectToShadowDb(): Promise<Adapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = await this.connect();
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = readCharAsText(await new PrismaPg({ ...this.#config, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections. */
  close(): Promise<void>;
}

/**
 * Opens a schema engine on the database at `url`. The caller must `close()` it.
 * The pool is built from parsed fields, not the URL string: the adapter creates shadow databases
 * by overriding `database`, which a connection string would silently win over.
 */
export async function openSchemaEngine(url: string, schema: { path: string; content: string }): Promise<OpenEngine> {
  await startWasm();
  const pg = new ShadowSafePg({ ...poolConfigFromUrl(url), max: 1 });
  // The engine reports progress through this callback; migrations' own errors come back as exceptions.
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(pg),
  );
  return {
    engine,
    async close() {
      engine.free();
      await pg.disposeAll();
    },
  };
}
