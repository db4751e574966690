/**
 * Shadow runs: a candidate scored beside the live model on real traffic, before anyone promotes it.
 * `model shadow VERSION` marks it; classify workers pick it up with their live-model poll
 * (workers/live-detector.ts), score each batch's posts with it too after the batch committed, and
 * write one `ShadowComparison` per post. Only the live model routes; the shadow changes nothing
 * but the report. It costs a second detector pass per post, so run one while it is needed.
 */
import { appendAudit } from '../core/audit.ts';
import { join, sql, type Db, type PoolDb } from '../core/db/index.ts';
import type { Detector } from '../detector/detector.ts';
import type { DetectorResult } from '../detector/types.ts';
import { selectModel, selectShadowVersion, setShadowRow } from './sql.ts';
import { RegistryError } from './store.ts';

export function shadowVersion(db: Db): Promise<string | null> {
  return selectShadowVersion(db);
}

/** Marks `version` as the shadow (replacing any other), or stops shadowing with null. */
export async function setShadow(db: PoolDb, version: string | null, actor: string): Promise<{ previous: string | null }> {
  return db.transaction(async (tx) => {
    const previous = await selectShadowVersion(tx);
    if (version !== null) {
      const row = await selectModel(tx, version);
      if (!row) throw new RegistryError(`model ${version} is not in the registry`, 'not_found');
      if (row.status === 'live') throw new RegistryError(`model ${version} is live: a shadow runs a candidate beside it`, 'conflict');
    } else if (previous === null) {
      throw new RegistryError('no model is running in shadow');
    }
    await setShadowRow(tx, version);
    await appendAudit(tx, {
      actor,
      action: version ? 'model.shadow' : 'model.shadow_stop',
      subjectType: 'detector_model',
      subjectId: version ?? previous!,
      before: { shadow: previous },
      after: { shadow: version },
    });
    return { previous };
  });
}

export interface ShadowPost {
  id: string;
  text: string;
  language: string | null;
}

/** Scores the posts with the shadow and records both models' results (idempotent per post and version). */
export async function recordShadow(
  db: PoolDb,
  shadow: Detector,
  posts: readonly ShadowPost[],
  live: readonly DetectorResult[],
): Promise<number> {
  if (posts.length === 0) return 0;
  const mine = shadow.classify(posts.map((p) => ({ id: p.id, text: p.text, lang: p.language })));
  const rows = posts.map((p, i) => {
    const l = live[i]!;
    const s = mine[i]!;
    return sql`(${p.id}::uuid, ${shadow.version}, ${l.modelVersion}, ${p.language ?? l.lang}, ${l.score}, ${s.score},
      ${l.decision}::"Verdict", ${s.decision}::"Verdict")`;
  });
  return db.execute`
    INSERT INTO "ShadowComparison" ("postId", "shadowVersion", "liveVersion", language, "liveScore", "shadowScore", "liveDecision", "shadowDecision")
    VALUES ${join(rows)}
    ON CONFLICT DO NOTHING`;
}

export interface ShadowReport {
  version: string;
  compared: number;
  /** Posts per (live decision, shadow decision). */
  pairs: { live: string; shadow: string; posts: number }[];
  /** Per language: posts compared and those the two models decided differently. */
  languages: { language: string; compared: number; disagreed: number }[];
}

export async function shadowReport(db: PoolDb, version: string): Promise<ShadowReport> {
  const pairs = await db.prisma.shadowComparison.groupBy({
    by: ['liveDecision', 'shadowDecision'],
    where: { shadowVersion: version },
    _count: { _all: true },
  });
  const langs = await db.query<{ language: string; compared: bigint; disagreed: bigint }>`
    SELECT language, count(*) AS compared, count(*) FILTER (WHERE "liveDecision" <> "shadowDecision") AS disagreed
    FROM "ShadowComparison" WHERE "shadowVersion" = ${version} GROUP BY language ORDER BY language`;
  return {
    version,
    compared: pairs.reduce((n, p) => n + p._count._all, 0),
    pairs: pairs.map((p) => ({ live: p.liveDecision, shadow: p.shadowDecision, posts: p._count._all })).sort((a, b) => b.posts - a.posts),
    languages: langs.map((l) => ({ language: l.language, compared: Number(l.compared), disagreed: Number(l.disagreed) })),
  };
}
