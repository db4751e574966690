/**
 * The facts of some posts, as `StatsPostFact` rows: every stage event (the same SQL as a raw
 * stats request, `facts.ts`, scoped to the posts instead of a date range), each removal's
 * time-to-removal bin, each decision by actor, and each review item that was a referral candidate
 * with its outcome so far; each with the post's platform, language and category, and the
 * HyperLogLog entries of its account and page where those count.
 */
import { empty, join, sql, type Sql } from '../../core/db/index.ts';
import { inPostSet, postDims, removalBin, STAGES, stageEvents, type PostSet } from '../facts.ts';
import { HOURS_BIN } from './histogram.ts';

export const FACT_COLUMNS = sql`to_char(day, 'YYYY-MM-DD') AS day, stage, "platformId", language, category, actor, "hoursBin", account, page`;

/** INSERT (… RETURNING, unless `returning` is false) the new facts of the posts; whatever facts they had must be deleted first. */
export function insertPostFacts(posts: PostSet, returning = true): Sql {
  const of = (col: Sql) => inPostSet(col, posts);
  const funnel = join(
    STAGES.map((s) => sql`${s}::text`),
    ', ',
  );
  return sql`
  INSERT INTO "StatsPostFact" ("postId", stage, day, "platformId", language, category, actor, "hoursBin", account, page)
  WITH ev AS MATERIALIZED (${stageEvents(posts)}),
  facts AS MATERIALIZED (
    SELECT stage, post_id, at, hours, ''::text AS actor FROM ev
    UNION ALL SELECT 'ttr:' || ${removalBin}, post_id, at, NULL, '' FROM ev WHERE stage = 'removed'
    UNION ALL SELECT 'decision:' || d.action::text, d."postId", d."createdAt", NULL, d.actor FROM "Decision" d WHERE ${of(sql`d."postId"`)}
    UNION ALL SELECT 'candidate', ri."postId", ri."createdAt", NULL, '' FROM "ReviewItem" ri
      WHERE ri."referralCandidate" AND ${of(sql`ri."postId"`)}
    UNION ALL SELECT 'candidate:' || ri.status::text, ri."postId", ri."createdAt", NULL, '' FROM "ReviewItem" ri
      WHERE ri."referralCandidate" AND ri.status IN ('confirmed', 'rejected') AND ${of(sql`ri."postId"`)}
  ),
  ${postDims(sql`SELECT post_id FROM facts`, sql`true`)}
  SELECT f.post_id, f.stage, f.at::date, pf.platform_id, pf.language, pf.category, f.actor,
    CASE WHEN f.stage = 'removed' THEN ${HOURS_BIN} END,
    CASE WHEN f.stage IN (${funnel}) THEN tidewatch_hll_entry(pf.account) END,
    CASE WHEN f.stage IN (${funnel}) THEN tidewatch_hll_entry(pf.page) END
  FROM facts f JOIN pf ON pf.id = f.post_id
  ${returning ? sql`RETURNING ${FACT_COLUMNS}` : empty}`;
}
