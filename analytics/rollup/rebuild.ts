/**
 * `tidewatch stats rebuild`: the rollups recomputed from the records, for a new deployment, after
 * a change of definitions, or to check them. Holds the fold's lock (folds wait), forgets the marks
 * already committed (their changes are read now), recomputes every post's facts in chunks, then
 * the cells of every level with one grouping-sets pass and the sketches day by day. Marks written
 * meanwhile stay for the next fold. One transaction: killed midway, the old rollups stand.
 */
import { sql, type PoolDb } from '../../core/db/index.ts';
import { FUNNEL_STAGES } from './cells.ts';
import { FOLD_LOCK, rebuildSketches } from './fold.ts';
import { insertPostFacts } from './post-facts.ts';

export interface RebuildResult {
  posts: number;
  facts: number;
  cells: number;
  seconds: number;
}

const level = (col: string, any: string) => sql([`CASE WHEN GROUPING("${col}") = 1 THEN ${any} ELSE "${col}" END`]);
const GROUPING_SETS = sql`GROUPING SETS (
  (day, stage, actor), (day, stage, actor, "platformId"), (day, stage, actor, language), (day, stage, actor, category),
  (day, stage, actor, "platformId", language), (day, stage, actor, "platformId", category), (day, stage, actor, language, category),
  (day, stage, actor, "platformId", language, category))`;

export async function rebuildStats(db: PoolDb, opts: { chunkPosts?: number; log?: (msg: string) => void } = {}): Promise<RebuildResult> {
  const t0 = performance.now();
  const chunk = opts.chunkPosts ?? 20_000;
  return db.transaction(
    async (tx) => {
      await tx.query`SELECT pg_advisory_xact_lock(${FOLD_LOCK})`;
      await tx.execute`DELETE FROM "StatsDirtyPost"`;
      await tx.execute`TRUNCATE "StatsPostFact", "StatsCell"`;
      let after = '00000000-0000-0000-0000-000000000000';
      let posts = 0;
      let facts = 0;
      for (;;) {
        const ids = (
          await tx.query<{ id: string }>`SELECT id::text AS id FROM "Post" WHERE id > ${after}::uuid ORDER BY id LIMIT ${chunk}`
        ).map((r) => r.id);
        if (!ids.length) break;
        facts += await tx.execute(insertPostFacts(ids, false));
        posts += ids.length;
        after = ids[ids.length - 1]!;
        opts.log?.(`facts of ${posts.toLocaleString('en')} posts`);
      }
      const cells = await tx.execute`
        INSERT INTO "StatsCell" (day, stage, "platformId", language, category, actor, posts)
        SELECT day, stage, ${level('platformId', '0')}, ${level('language', `'*'`)}, ${level('category', `'*'`)}, actor, count(*)::int
        FROM "StatsPostFact" GROUP BY ${GROUPING_SETS}`;
      await tx.execute`
        UPDATE "StatsCell" c SET hist = h.hist
        FROM (
          SELECT day, stage, p, l, cat, actor, jsonb_object_agg(bin, n) AS hist FROM (
            SELECT day, stage, actor, ${level('platformId', '0')} AS p, ${level('language', `'*'`)} AS l, ${level('category', `'*'`)} AS cat,
              "hoursBin" AS bin, count(*)::int AS n
            FROM "StatsPostFact" WHERE "hoursBin" IS NOT NULL
            GROUP BY GROUPING SETS (
              (day, stage, actor, "hoursBin"), (day, stage, actor, "platformId", "hoursBin"), (day, stage, actor, language, "hoursBin"),
              (day, stage, actor, category, "hoursBin"), (day, stage, actor, "platformId", language, "hoursBin"),
              (day, stage, actor, "platformId", category, "hoursBin"), (day, stage, actor, language, category, "hoursBin"),
              (day, stage, actor, "platformId", language, category, "hoursBin"))
          ) b GROUP BY day, stage, p, l, cat, actor
        ) h
        WHERE (c.day, c.stage, c."platformId", c.language, c.category, c.actor) = (h.day, h.stage, h.p, h.l, h.cat, h.actor)`;
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
