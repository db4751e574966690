/**
 * The fold: takes the posts the triggers marked (`StatsDirtyPost`), recomputes their facts, and
 * moves the rollup cells by the difference: minus each old fact, plus each new one. Counts and
 * histograms are additive, so they move exactly; a sketch cannot forget a value, so where a fact
 * with an account or page went away (an undone confirmation, a delivery stage that moved on, a
 * new category) the sketches of that day and stage are rebuilt from the facts.
 *
 * One batch is one transaction (a fold killed midway leaves the marks and the cells as they
 * were), and one fold runs at a time (a transaction-scoped advisory lock), so two processes never
 * fold the same post at once.
 */
import { sql, type Db, type PoolDb } from '../../core/db/index.ts';
import { cellsOf, FUNNEL_STAGES, keyOf, type CellKey, type FactRow } from './cells.ts';
import { addHistogram, toJson, type Histogram } from './histogram.ts';
import { FACT_COLUMNS, insertPostFacts } from './post-facts.ts';
import { addEntry, emptyRegisters, encode, mergeInto } from './sketch.ts';

/** The advisory lock the fold and a rebuild hold (an arbitrary constant: "tw-stats"). */
export const FOLD_LOCK = 0x74777374;

export interface FoldOptions {
  /** Posts per transaction (default 2,000). */
  batchPosts?: number;
  /** Stop after this many batches (default: until nothing is marked). */
  maxBatches?: number;
  /** Wait for another process's fold to finish instead of returning `busy` (default false). */
  wait?: boolean;
}

export interface FoldResult {
  posts: number;
  batches: number;
  /** True when another process held the fold lock, so this one did nothing. */
  busy: boolean;
}

interface Delta {
  cell: CellKey;
  posts: number;
  hist: Histogram;
  accounts: number[];
  pages: number[];
}

/** Folds marked posts, batch by batch, until none are left (or `maxBatches`). */
export async function foldStats(db: PoolDb, opts: FoldOptions = {}): Promise<FoldResult> {
  const batchPosts = opts.batchPosts ?? 2_000;
  let posts = 0;
  let batches = 0;
  while (batches < (opts.maxBatches ?? Infinity)) {
    const n = await db.transaction((tx) => foldBatch(tx, batchPosts, opts.wait ?? false), { statementTimeoutMs: 120_000 });
    if (n === null) return { posts, batches, busy: true };
    if (n === 0) break;
    posts += n;
    batches++;
  }
  return { posts, batches, busy: false };
}

/** One batch; null when another fold holds the lock. */
async function foldBatch(tx: Db, batchPosts: number, wait: boolean): Promise<number | null> {
  const [lock] = wait
    ? await tx.query<{ ok: boolean }>`SELECT true AS ok FROM pg_advisory_xact_lock(${FOLD_LOCK})`
    : await tx.query<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS ok`;
  if (!lock!.ok) return null;
  // Compiling these plans (their estimates run high) costs more than running them.
  await tx.execute`SET LOCAL jit = off`;
  // A post is marked by every statement that touches it: take marks, not posts, a few per post.
  const marks = await tx.query<{ postId: string }>`
    DELETE FROM "StatsDirtyPost" WHERE id IN (SELECT id FROM "StatsDirtyPost" ORDER BY id LIMIT ${batchPosts * 4})
    RETURNING "postId"::text AS "postId"`;
  const postIds = [...new Set(marks.map((m) => m.postId))];
  if (!postIds.length) return 0;
  const old = await tx.query<FactRow>`DELETE FROM "StatsPostFact" WHERE "postId" = ANY(${postIds}::uuid[]) RETURNING ${FACT_COLUMNS}`;
  const fresh = await tx.query<FactRow>(insertPostFacts({ postIds }));
  const { deltas, resketch } = differences(old, fresh);
  await applyDeltas(tx, deltas);
  await rebuildSketches(tx, resketch);
  return postIds.length;
}

/** The cells' changes, and the (day, stage) pairs whose sketches lost a value. */
function differences(old: FactRow[], fresh: FactRow[]) {
  const deltas = new Map<string, Delta>();
  const add = (f: FactRow, sign: 1 | -1) => {
    for (const cell of cellsOf(f)) {
      const k = keyOf(cell);
      let d = deltas.get(k);
      if (!d) deltas.set(k, (d = { cell, posts: 0, hist: new Map(), accounts: [], pages: [] }));
      d.posts += sign;
      if (f.hoursBin !== null) addHistogram(d.hist, new Map([[f.hoursBin, 1]]), sign);
      if (sign > 0 && f.account !== null) d.accounts.push(f.account);
      if (sign > 0 && f.page !== null) d.pages.push(f.page);
    }
  };
  for (const f of old) add(f, -1);
  for (const f of fresh) add(f, 1);
  // An old fact's account or page is kept when a new fact of the post has it in the same finest cell.
  const kept = new Set(fresh.flatMap((f) => [`${keyOf(f)}|a${f.account}`, `${keyOf(f)}|p${f.page}`]));
  const resketch = new Map<string, { day: string; stage: string }>();
  for (const f of old) {
    if (!FUNNEL_STAGES.includes(f.stage)) continue;
    const lost = (f.account !== null && !kept.has(`${keyOf(f)}|a${f.account}`)) || (f.page !== null && !kept.has(`${keyOf(f)}|p${f.page}`));
    if (lost) resketch.set(`${f.day}|${f.stage}`, { day: f.day, stage: f.stage });
  }
  return { deltas: [...deltas.values()], resketch: [...resketch.values()] };
}

interface CellRow extends CellKey {
  posts: number;
  accounts: Buffer | null;
  pages: Buffer | null;
  hist: Record<string, number> | null;
}

const keyArrays = (cells: CellKey[]) => sql`
  SELECT * FROM unnest(${cells.map((c) => c.day)}::date[], ${cells.map((c) => c.stage)}::text[], ${cells.map((c) => c.platformId)}::int[],
    ${cells.map((c) => c.language)}::text[], ${cells.map((c) => c.category)}::text[], ${cells.map((c) => c.actor)}::text[])`;

const CELL_COLUMNS = sql`to_char(day, 'YYYY-MM-DD') AS day, stage, "platformId", language, category, actor, posts, accounts, pages, hist`;

async function applyDeltas(tx: Db, deltas: Delta[]): Promise<void> {
  const moved = deltas.filter((d) => d.posts !== 0 || d.hist.size || d.accounts.length || d.pages.length);
  if (!moved.length) return;
  const cells = moved.map((d) => d.cell);
  const current = await tx.query<CellRow>`
    SELECT ${CELL_COLUMNS} FROM "StatsCell"
    WHERE (day, stage, "platformId", language, category, actor) IN (${keyArrays(cells)})
    FOR UPDATE`;
  const byKey = new Map(current.map((r) => [keyOf(r), r]));
  const rows = moved.map((d) => {
    const was = byKey.get(keyOf(d.cell));
    const hist: Histogram = new Map();
    addHistogram(hist, was?.hist);
    addHistogram(hist, d.hist);
    const sketch = (stored: Buffer | null | undefined, entries: number[]) => {
      if (!entries.length) return stored ?? null;
      const regs = emptyRegisters();
      mergeInto(regs, stored);
      for (const e of entries) addEntry(regs, e);
      return encode(regs);
    };
    return {
      ...d.cell,
      posts: (was?.posts ?? 0) + d.posts,
      accounts: sketch(was?.accounts, d.accounts),
      pages: sketch(was?.pages, d.pages),
      hist: toJson(hist),
    };
  });
  await writeCells(tx, rows);
}

/** Upserts cells; a cell left with no posts is deleted. */
export async function writeCells(tx: Db, rows: CellRow[]): Promise<void> {
  const live = rows.filter((r) => r.posts !== 0);
  const gone = rows.filter((r) => r.posts === 0);
  if (gone.length)
    await tx.execute`DELETE FROM "StatsCell" WHERE (day, stage, "platformId", language, category, actor) IN (${keyArrays(gone)})`;
  if (!live.length) return;
  await tx.execute`
    INSERT INTO "StatsCell" (day, stage, "platformId", language, category, actor, posts, accounts, pages, hist)
    SELECT day, stage, "platformId", language, category, actor, posts, accounts, pages, hist::jsonb
    FROM unnest(${live.map((c) => c.day)}::date[], ${live.map((c) => c.stage)}::text[], ${live.map((c) => c.platformId)}::int[],
      ${live.map((c) => c.language)}::text[], ${live.map((c) => c.category)}::text[], ${live.map((c) => c.actor)}::text[],
      ${live.map((r) => r.posts)}::int[], ${live.map((r) => r.accounts)}::bytea[], ${live.map((r) => r.pages)}::bytea[],
      ${live.map((r) => (r.hist ? JSON.stringify(r.hist) : null))}::text[])
      AS v(day, stage, "platformId", language, category, actor, posts, accounts, pages, hist)
    ON CONFLICT (day, stage, "platformId", language, category, actor)
    DO UPDATE SET posts = EXCLUDED.posts, accounts = EXCLUDED.accounts, pages = EXCLUDED.pages, hist = EXCLUDED.hist`;
}

/** Recomputes the account and page sketches of every cell of these (day, stage) pairs from the facts. */
export async function rebuildSketches(tx: Db, pairs: { day: string; stage: string }[]): Promise<void> {
  if (!pairs.length) return;
  const days = pairs.map((p) => p.day);
  const stages = pairs.map((p) => p.stage);
  // Registers at the finest level from SQL; the seven coarser levels are merged from them here.
  const finest = await tx.query<CellKey & { kind: 'a' | 'p'; entries: number[] }>`
    WITH f AS (
      SELECT day, stage, "platformId", language, category, k.kind, k.e
      FROM "StatsPostFact" CROSS JOIN LATERAL (VALUES ('a', account), ('p', page)) k(kind, e)
      WHERE (day, stage) IN (SELECT * FROM unnest(${days}::date[], ${stages}::text[])) AND k.e IS NOT NULL
    )
    SELECT to_char(day, 'YYYY-MM-DD') AS day, stage, "platformId", language, category, '' AS actor, kind,
      array_agg((reg << 5) | rank) AS entries
    FROM (SELECT day, stage, "platformId", language, category, kind, e >> 5 AS reg, max(e & 31) AS rank FROM f
      GROUP BY day, stage, "platformId", language, category, kind, e >> 5) r
    GROUP BY day, stage, "platformId", language, category, kind`;
  const registers = new Map<string, { cell: CellKey; a: Uint8Array | null; p: Uint8Array | null }>();
  for (const r of finest) {
    for (const cell of cellsOf(r)) {
      const k = keyOf(cell);
      const s = registers.get(k) ?? { cell, a: null, p: null };
      const reg = (s[r.kind] ??= emptyRegisters());
      for (const e of r.entries) addEntry(reg, e);
      registers.set(k, s);
    }
  }
  const sketches = [...registers.values()].map((s) => ({
    cell: s.cell,
    accounts: s.a && encode(s.a),
    pages: s.p && encode(s.p),
  }));
  await tx.execute`
    UPDATE "StatsCell" SET accounts = NULL, pages = NULL
    WHERE (day, stage) IN (SELECT * FROM unnest(${days}::date[], ${stages}::text[])) AND actor = ''`;
  const list = sketches;
  if (!list.length) return;
  await tx.execute`
    UPDATE "StatsCell" c SET accounts = v.accounts, pages = v.pages
    FROM unnest(${list.map((s) => s.cell.day)}::date[], ${list.map((s) => s.cell.stage)}::text[], ${list.map((s) => s.cell.platformId)}::int[],
      ${list.map((s) => s.cell.language)}::text[], ${list.map((s) => s.cell.category)}::text[],
      ${list.map((s) => s.accounts)}::bytea[], ${list.map((s) => s.pages)}::bytea[])
      AS v(day, stage, "platformId", language, category, accounts, pages)
    WHERE (c.day, c.stage, c."platformId", c.language, c.category, c.actor) = (v.day, v.stage, v."platformId", v.language, v.category, '')`;
}
