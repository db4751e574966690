/**
 * Cost of the networks + near-duplicate step of classify (networks/classify-hook.ts) on this machine:
 * N corpus posts (bench-env corpusPosts: the corpus cycled with a serial, so every text recurs as
 * a near-duplicate and contact points recur across posts: a harsh case for both) are persisted and
 * classified in-process, then fed through findNearDuplicates + (saveNearDuplicates, addToNetworks)
 * in batches of 250, by W concurrent "workers" sharing one database. Prints posts/s of the step
 * alone, network figures and link counts. Not a test.
 *
 *   npx tsx bench/networks.ts [--posts 20000] [--workers 2]
 */
import { createDb } from '../core/db/index.ts';
import { contentHash } from '../core/content-hash.ts';
import { postIdFor } from '../core/post-input.ts';
import { loadDetector } from '../detector/index.ts';
import { findNearDuplicates, recordPostLinks } from '../networks/classify-hook.ts';
import { persistChunk } from '../workers/pipeline-sql.ts';
import { corpusPosts, createBenchDb } from './bench-env.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('--posts', 20_000);
const W = arg('--workers', 2);
const BATCH = 250;

const bench = await createBenchDb('networks');
const db = createDb(bench.url, W + 2);
try {
  const platforms = new Map((await db.prisma.platform.findMany()).map((p) => [p.name, p.id]));
  const input = corpusPosts(N, 'net');
  const now = new Date();
  const rows = input.map((p) => ({
    id: postIdFor(p.platform, p.platformPostId),
    platformId: platforms.get(p.platform)!,
    platformPostId: p.platformPostId,
    url: p.url,
    authorHandle: null,
    text: p.text,
    language: p.lang ?? null,
    postedAt: null,
    ingestedAt: now,
    source: null,
    contentHash: contentHash(p.text),
  }));
  for (let i = 0; i < rows.length; i += 1000) await persistChunk(db, rows.slice(i, i + 1000));
  const detector = await loadDetector();
  const results = detector.classify(rows.map((r) => ({ id: r.id, text: r.text, lang: r.language })));
  const byId = new Map(results.map((r) => [r.id, r]));
  // Route as classify would (no confirmed posts yet): by the model's thresholds.
  const outcomeOf = (id: string) => {
    const s = byId.get(id)!.score;
    return s >= detector.thresholds.refer ? 'referral_candidate' : s >= detector.thresholds.review ? 'review' : 'dismissed';
  };
  const batches: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += BATCH) batches.push(rows.slice(i, i + BATCH));

  let next = 0;
  let findMs = 0;
  let recordMs = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: W }, async () => {
      for (let b = next++; b < batches.length; b = next++) {
        const posts = batches[b]!;
        const f0 = performance.now();
        const near = await findNearDuplicates(db, posts);
        findMs += performance.now() - f0;
        const r0 = performance.now();
        await db.transaction(async (tx) =>
          recordPostLinks(
            tx,
            near,
            posts.map((p) => ({ id: p.id, outcome: outcomeOf(p.id) })),
            posts,
            (id) => byId.get(id)!.signals,
          ),
        );
        recordMs += performance.now() - r0;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const [figures] = await db.query<{ live: number; merged: number; members: number; largest: number; links: number; signatures: number }>`
    SELECT (SELECT count(*)::int FROM "Network" WHERE "mergedIntoId" IS NULL) AS live,
           (SELECT count(*)::int FROM "Network" WHERE "mergedIntoId" IS NOT NULL) AS merged,
           (SELECT count(*)::int FROM "NetworkMember") AS members,
           (SELECT COALESCE(max("postCount"), 0)::int FROM "Network" WHERE "mergedIntoId" IS NULL) AS largest,
           (SELECT count(*)::int FROM "NearDuplicate") AS links,
           (SELECT count(*)::int FROM "PostSignature") AS signatures`;
  console.log(`posts                 ${N} in ${batches.length} batches of ${BATCH}, ${W} workers`);
  console.log(`step alone            ${(N / seconds).toFixed(0)} posts/s (${seconds.toFixed(1)} s)`);
  console.log(`time per batch        find ${(findMs / batches.length).toFixed(1)} ms, record ${(recordMs / batches.length).toFixed(1)} ms`);
  console.log(
    `networks              ${figures!.live} live, ${figures!.merged} merged away, ${figures!.members} member posts, largest ${figures!.largest}`,
  );
  console.log(`near-duplicate links  ${figures!.links} (signatures stored: ${figures!.signatures})`);
} finally {
  await db.close();
  if (!process.env.KEEP) await bench.drop();
  else console.log(`kept ${bench.url}`);
}
