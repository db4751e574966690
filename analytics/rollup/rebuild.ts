/**
 * `tidewatch stats rebuild`: the rollups recomputed from the records, for a new deployment, after
 * a change of definitions, or to check them. Holds the fold's lock (folds wait), forgets the marks
 * already committed (their changes are read now), recomputes every post's facts in chunks, then
 * the cells of every level with one grouping-sets pass and the sketches day by day. Marks written
 * meanwhile stay for the next fold. One transaction: killed midway, the old rollups stand.
 */
import { raw, type PoolDb, type Sql } from '../../core/db/index.ts';
import { FUNNEL_STAGES } from './cells.ts';
import { FOLD_LOCK, rebuildSketches } from './fold.ts';
import { insertPostFacts } from './post-facts.ts';

export interface RebuildResult {
  posts: number;
  facts: number;
  cells: number;
  seconds: number;
}

/** A dimension as a cell stores it: the value, or "all" (0 / '*') where the grouping set rolled it up. */
const rolledUp = (col: string, any: string) => raw(`CASE WHEN GROUPING("${col}") = 1 THEN ${any} ELSE "${col}" END`);
const PLATFORM = rolledUp('platformId', '0');
const LANGUAGE = rolledUp('language', `'*'`);
const CATEGORY = rolledUp('category', `'*'`);

/** The eight levels of detail (cells.ts) as grouping sets, each with `extra` columns. */
function groupingSets(extra: string[] = []): Sql {
  const sets = [0, 1, 2, 3, 4, 5, 6, 7].map((m) => {
    const dims = ['"platformId"', 'language', 'category'].filter((_, i) => m & (1 << i));
    return `(${['day', 'stage', 'actor', ...dims, ...extra].join(', ')})`;
  });
  return raw(`GROUPING SETS (${sets.join(', ')})`);
}

export async function rebuildStats(db: PoolDb, opts: { log?: (msg: string) => void } = {}): Promise<RebuildResult> {
  const t0 = performance.now();
  return db.transaction(
    async (tx) => {
      await tx.query`SELECT pg_advisory_xact_lock(${FOLD_LOCK})`;
      // Compiling these plans (their estimates run high) costs more than running them.
      await tx.execute`SET LOCAL jit = off`;
      // The grouping-sets passes hash millions of facts: in memory, not in sort files.
      await tx.execute`SET LOCAL work_mem = '256MB'`;
      await tx.execute`DELETE FROM "StatsDirtyPost"`;
      await tx.execute`TRUNCATE "StatsPostFact", "StatsCell"`;
      // A day of ingest at a time, in the order the rows lie on disk.
      const [span] = await tx.query<{ first: Date | null; last: Date | null }>`
        SELECT date_trunc('day', min("ingestedAt")) AS first, max("ingestedAt") AS last FROM "Post"`;
      let facts = 0;
      for (let day = span?.first?.getTime(); day !== undefined && day <= span!.last!.getTime(); day += 86_400_000) {
        const ingested = { from: new Date(day), to: new Date(day + 86_400_000) };
        facts += await tx.execute(insertPostFacts({ ingested }, false));
        opts.log?.(
          `facts of posts ingested up to ${ingested.to.toISOString().slice(0, 10)}: ${facts.toLocaleString('en')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
        );
      }
      const [{ posts }] = (await tx.query<{ posts: number }>`SELECT count(*)::int AS posts FROM "Post"`) as [{ posts: number }];
      const cells = await tx.execute`
        INSERT INTO "StatsCell" (day, stage, "platformId", language, category, actor, posts)
        SELECT day, stage, ${PLATFORM}, ${LANGUAGE}, ${CATEGORY}, actor, count(*)::int
        FROM "StatsPostFact" GROUP BY ${groupingSets()}`;
      await tx.execute`
        UPDATE "StatsCell" c SET hist = h.hist
        FROM (
          SELECT day, stage, p, l, cat, actor, jsonb_object_agg(bin, n) AS hist FROM (
            SELECT day, stage, actor, ${PLATFORM} AS p, ${LANGUAGE} AS l, ${CATEGORY} AS cat, "hoursBin" AS bin, count(*)::int AS n
            FROM "StatsPostFact" WHERE "hoursBin" IS NOT NULL
            GROUP BY ${groupingSets(['"hoursBin"'])}
          ) b GROUP BY day, stage, p, l, cat, actor
        ) h
        WHERE (c.day, c.stage, c."platformId", c.language, c.category, c.actor) = (h.day, h.stage, h.p, h.l, h.cat, h.actor)`;
      opts.log?.(`cells (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      const days = await tx.query<{ day: string }>`
        SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM "StatsPostFact" WHERE account IS NOT NULL OR page IS NOT NULL ORDER BY 1`;
      for (const { day } of days)
        await rebuildSketches(
          tx,
          FUNNEL_STAGES.map((stage) => ({ day, stage })),
        );
      opts.log?.(`${cells.toLocaleString('en')} cells, sketches of ${days.length} days`);
      return { posts, facts, cells, seconds: (performance.now() - t0) / 1000 };
    },
    { statementTimeoutMs: 3_600_000 },
  );
}
