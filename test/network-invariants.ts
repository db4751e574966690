/**
 * What networks must look like whatever order the classify processes added posts in: the live
 * networks partition the member posts exactly as the connected components of "shares a contact
 * point" do, every entity sits in its posts' network, and each network's counts are its rows'.
 * Returns the problems found (empty when all hold).
 */
import type { PoolDb } from '../core/db/index.ts';

export async function networkProblems(db: PoolDb): Promise<string[]> {
  const problems: string[] = [];
  const q = async <T>(sql: string) => (await db.prisma.$queryRawUnsafe(sql)) as T[];
  const count = async (what: string, sql: string) => {
    const n = Number((await q<{ n: number }>(sql))[0]!.n);
    if (n) problems.push(`${n} ${what}`);
  };
  await count(
    'members or entities in a merged network',
    `SELECT (SELECT count(*) FROM "NetworkMember" m JOIN "Network" n ON n.id = m."networkId" WHERE n."mergedIntoId" IS NOT NULL)
          + (SELECT count(*) FROM "NetworkEntity" e JOIN "Network" n ON n.id = e."networkId" WHERE n."mergedIntoId" IS NOT NULL) AS n`,
  );
  await count(
    'live networks whose postCount or entityCount is not their rows',
    `SELECT count(*) AS n FROM "Network" n WHERE n."mergedIntoId" IS NULL AND (
       n."postCount" <> (SELECT count(*) FROM "NetworkMember" m WHERE m."networkId" = n.id)
       OR n."entityCount" <> (SELECT count(*) FROM "NetworkEntity" e WHERE e."networkId" = n.id))`,
  );
  await count(
    'posts in review with contact points but no network, or dismissed posts in one',
    `SELECT count(*) AS n FROM "Post" p WHERE
       (p.outcome IN ('review', 'referral_candidate') AND EXISTS (SELECT 1 FROM "PostEntity" pe WHERE pe."postId" = p.id)
         AND NOT EXISTS (SELECT 1 FROM "NetworkMember" m WHERE m."postId" = p.id))
       OR (p.outcome = 'dismissed' AND EXISTS (SELECT 1 FROM "NetworkMember" m WHERE m."postId" = p.id))`,
  );
  await count(
    'post entities in another network than their post',
    `SELECT count(*) AS n FROM "PostEntity" pe JOIN "NetworkMember" m ON m."postId" = pe."postId"
       JOIN "NetworkEntity" e ON e.key = pe."entityKey" WHERE e."networkId" <> m."networkId"`,
  );

  // The partition itself: connected components over shared entities, computed here.
  const links = await q<{ postId: string; entityKey: string }>(
    `SELECT pe."postId"::text AS "postId", pe."entityKey" FROM "PostEntity" pe JOIN "NetworkMember" m ON m."postId" = pe."postId"`,
  );
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const l of links) {
    const a = find(`p:${l.postId}`);
    const b = find(`e:${l.entityKey}`);
    if (a !== b) parent.set(a, b);
  }
  const members = await q<{ postId: string; networkId: string }>(
    `SELECT "postId"::text AS "postId", "networkId"::text AS "networkId" FROM "NetworkMember"`,
  );
  const networkOfComponent = new Map<string, string>();
  const componentOfNetwork = new Map<string, string>();
  let split = 0;
  for (const m of members) {
    const c = find(`p:${m.postId}`);
    if ((networkOfComponent.get(c) ?? m.networkId) !== m.networkId || (componentOfNetwork.get(m.networkId) ?? c) !== c) split += 1;
    networkOfComponent.set(c, m.networkId);
    componentOfNetwork.set(m.networkId, c);
  }
  if (split) problems.push(`${split} members whose network is not their connected component`);
  return problems;
}
