/**
 * The pipeline's batch statements reach a batch's posts by id whatever the planner's statistics
 * say. The case that broke them: statistics taken while no post was pending (a quiet hour, or a
 * table too large for a backlog to trigger autovacuum's ANALYZE), then a backlog. With
 * `outcome = 'pending'` indexable, each statement read every pending post through the (outcome, …)
 * index to find the batch's. Rows read are counted in pg_stat_xact_user_tables, inside the
 * statement's own transaction, which is then rolled back.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db } from '../core/db/index.ts';
import { isolate, type Isolated } from '../test/isolation.ts';
import { sql } from '../test/services.ts';
import { classifyAndRoute, loadClassifyBatch, persistChunk, type PostRow, type RoutedRow } from './pipeline-sql.ts';

// Large enough that reading the whole table costs the planner more than a batch of lookups by id
// (on a few thousand rows a sequential scan is its fair choice, and as cheap).
const ROUTED = 100_000;
const BACKLOG = 50_000;
const BATCH = 100;

class Rollback extends Error {}

/** Post rows read (by index or sequentially) while `fn` runs, in a transaction rolled back after. */
async function postRowsRead(db: Isolated['db'], fn: (tx: Db) => Promise<unknown>): Promise<number> {
  let read = -1;
  await db
    .transaction(async (tx) => {
      await fn(tx);
      const [s] = await tx.query<{ n: number }>`
      SELECT (coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0))::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'Post'`;
      read = s!.n;
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return read;
}

describe('batch statements under statistics that say nothing is pending', () => {
  let iso: Isolated;
  let batch: string[];

  beforeAll(async () => {
    iso = await isolate();
    const run = (text: string) => sql(iso.databaseUrl, text);
    await run(`ALTER TABLE "Post" SET (autovacuum_enabled = false)`);
    await run(`INSERT INTO "Post" (id, "platformId", "platformPostId", url, text, "ingestedAt", "contentHash", outcome, "routedAt")
      SELECT gen_random_uuid(), 1, 'quiet-' || g, 'https://example.org/q/' || g, 'text ' || g, now(), md5('q' || g), 'dismissed', now()
      FROM generate_series(1, ${ROUTED}) g`);
    await run(`ANALYZE "Post"`);
    await run(`INSERT INTO "Post" (id, "platformId", "platformPostId", url, text, "ingestedAt", "contentHash")
      SELECT gen_random_uuid(), 1, 'spike-' || g, 'https://example.org/s/' || g, 'text ' || g, now(), md5('s' || g)
      FROM generate_series(1, ${BACKLOG}) g`);
    batch = (
      await sql<{ id: string }>(iso.databaseUrl, `SELECT id::text FROM "Post" WHERE outcome = 'pending' ORDER BY random() LIMIT ${BATCH}`)
    ).map((r) => r.id);
  });
  afterAll(async () => iso?.cleanup());

  it("classify's read of a batch reads the batch's posts, not the backlog", async () => {
    let pending = 0;
    const read = await postRowsRead(iso.db, async (tx) => (pending = (await loadClassifyBatch(tx, batch)).pending.length));
    expect(pending).toBe(BATCH);
    expect(read).toBeLessThanOrEqual(2 * BATCH);
  });

  it('routing a batch reads the batch, and routes each post once', async () => {
    const rows: RoutedRow[] = batch.map((postId) => ({
      postId,
      modelVersion: 'test',
      score: 0.1,
      decision: 'dismiss',
      category: 'none',
      detectedLanguage: 'en',
      languageTag: 'en',
      signals: [],
      outcome: 'dismissed',
      language: 'en',
      priority: 0,
      networkBoost: 0,
      platformId: 1,
    }));
    let routed = 0;
    const read = await postRowsRead(iso.db, async (tx) => (routed = (await classifyAndRoute(tx, rows)).length));
    expect(routed).toBe(BATCH);
    expect(read).toBeLessThanOrEqual(2 * BATCH);
  });

  it("ingest's duplicate check and pending read of a chunk read the chunk, not the backlog", async () => {
    const now = new Date();
    const rows: PostRow[] = Array.from({ length: BATCH }, (_, i) => ({
      id: randomUUID(),
      platformId: 1,
      platformPostId: `chunk-${i}`,
      url: `https://example.org/c/${i}`,
      authorHandle: null,
      text: `chunk text ${i}`,
      language: null,
      postedAt: null,
      ingestedAt: now,
      source: null,
      contentHash: `chunk-${i}`,
    }));
    let pending = 0;
    const read = await postRowsRead(iso.db, async (tx) => (pending = (await persistChunk(tx, rows, now)).pending.length));
    expect(pending).toBe(BATCH);
    // The insert's conflict checks are index probes too: a few reads a row, not the backlog.
    expect(read).toBeLessThanOrEqual(4 * BATCH);
  });
});
