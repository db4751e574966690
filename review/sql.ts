/**
 * Review items as one SQL statement: the items chosen by `where` and a sort (a keyset page or one
 * id), each with its post, latest classification, re-upload count, near-duplicate (with the
 * earlier post's item and last decision) and network, as flat rows mapped straight to the view.
 *
 * Why not Prisma's nested include: at 150,000 items the page query itself takes ~1 ms in
 * PostgreSQL, but the include built nested JSONB for every item (Post, Platform ×2,
 * Classification, NearDuplicate → Post → ReviewItem → Decision, NetworkMember → Network) that the
 * client then parsed, re-typed and mapped again, plus a second round trip for the re-upload counts:
 * most of a list request's CPU, in both processes. Here the page is chosen first (`LIMIT` inside
 * the subquery, served by the (status, …, priority) and (status, createdAt) indexes) and only its
 * rows are joined.
 */
import { Prisma, type PoolDb } from '../core/db/index.ts';
import type { ReviewStatus } from '../generated/prisma/enums.ts';
import type { ReviewItemView, Signal } from './review-list.ts';

/** One flat row of {@link selectItems}; null columns where a relation is absent; times as ISO 8601 text. */
type ItemRow = Pick<
  ReviewItemView,
  'id' | 'status' | 'priority' | 'score' | 'referralCandidate' | 'language' | 'category' | 'platform' | 'createdAt' | 'updatedAt' | 'decidedAt'
> & {
  postId: string;
  claimedBy: string | null;
  leaseExpiresAt: string | null;
  duplicates: number;
  postText: string;
  postUrl: string;
  postPlatform: string;
  postAuthor: string | null;
  postLanguage: string | null;
  postedAt: string | null;
  ingestedAt: string;
  clsModelVersion: string | null;
  clsScore: number | null;
  clsCategory: string | null;
  clsLanguage: string | null;
  clsLanguageTag: string | null;
  clsSignals: unknown;
  clsCreatedAt: string | null;
  ndEarlierPostId: string | null;
  ndSimilarity: number | null;
  ndItemId: string | null;
  ndItemStatus: ReviewStatus | null;
  ndAction: string | null;
  ndReasonCode: string | null;
  ndActor: string | null;
  ndDecidedAt: string | null;
  networkId: string | null;
  networkSize: number | null;
  networkVouched: number | null;
};

/** The queue's orders: `priority` most urgent first, `oldest` first routed first; ids break ties. */
const ORDER = {
  priority: (t: Prisma.Sql) => Prisma.sql`${t}.priority DESC, ${t}.id ASC`,
  oldest: (t: Prisma.Sql) => Prisma.sql`${t}."createdAt" ASC, ${t}.id ASC`,
} as const;

/** A DateTime column (UTC without a zone, millisecond precision) as JavaScript's toISOString() writes it. */
const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Up to `limit` items matching `where` (SQL over "ReviewItem"), in `sort` order. */
export async function selectItems(
  db: PoolDb | Db,
  page: {
    where: Prisma.Sql;
    sort: keyof typeof ORDER;
    limit: number;
    /** The best plan does not depend on the values bound into `where` (review/filters.ts planFitsAnyValues). */
    planFitsAnyValues?: boolean;
  },
): Promise<ItemRow[]> {
  const order = ORDER[page.sort];
  // Where the plan fits any values, it is made once per connection (queryPrepared's genericPlan):
  // left to choose, PostgreSQL planned this statement on every execution, ~1.5 ms on a 2-core
  // machine, about as long as running it, since a keyset condition (`priority <= $n`) always
  // looks cheaper in a custom plan, though the plan is the same index scan. There the limit is
  // written into the text, so the generic plan knows how few rows are wanted (page sizes are few,
  // so are the variants). Elsewhere it stays bound: with a literal limit PostgreSQL itself comes
  // to prefer a generic plan after five executions, the very plan that is slow for rare values.
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new RangeError(`selectItems: limit must be a positive integer, got ${page.limit}`);
  const generic = page.planFitsAnyValues === true;
  const limit = generic ? Prisma.raw(String(page.limit)) : Prisma.sql`${page.limit}`;
  const r = (column: string) => Prisma.raw(`r."${column}"`);
  // Ids and enums are cast to text so the driver hands back plain strings.
  // To-one lookups are scalar subqueries or LATERAL … LIMIT 1 blocks rather than joins: each is
  // planned on its own, which took planning from ~1.0 to ~0.6 ms (as much as running it).
  const query = Prisma.sql`
    SELECT r.id::text AS id, r."postId"::text AS "postId", r.status::text AS status, r.priority, r.score, r."referralCandidate",
      r.language, r.category, (SELECT name FROM "Platform" WHERE id = r."platformId") AS platform,
      ${iso(r('createdAt'))} AS "createdAt", ${iso(r('updatedAt'))} AS "updatedAt",
      ${iso(r('decidedAt'))} AS "decidedAt", r."claimedBy", ${iso(r('leaseExpiresAt'))} AS "leaseExpiresAt",
      (SELECT count(*)::int FROM "Post" d WHERE d."duplicateOfId" = r."postId") AS duplicates,
      p.text AS "postText", p.url AS "postUrl", (SELECT name FROM "Platform" WHERE id = p."platformId") AS "postPlatform",
      p."authorHandle" AS "postAuthor", p.language AS "postLanguage",
      ${iso(Prisma.raw('p."postedAt"'))} AS "postedAt", ${iso(Prisma.raw('p."ingestedAt"'))} AS "ingestedAt",
      c."modelVersion" AS "clsModelVersion", c.score AS "clsScore", c.category AS "clsCategory", c.language AS "clsLanguage", c."languageTag" AS "clsLanguageTag",
      c.signals AS "clsSignals", ${iso(Prisma.raw('c."createdAt"'))} AS "clsCreatedAt",
      nd."ndEarlierPostId", nd."ndSimilarity", nd."ndItemId", nd."ndItemStatus", nd."ndAction", nd."ndReasonCode", nd."ndActor", nd."ndDecidedAt",
      net."networkId", net."networkSize", net."networkVouched"
    FROM (SELECT * FROM "ReviewItem" i WHERE ${page.where} ORDER BY ${order(Prisma.raw('i'))} LIMIT ${limit}) r
    JOIN "Post" p ON p.id = r."postId"
    LEFT JOIN LATERAL (
      SELECT "modelVersion", score, category, language, "languageTag", signals, "createdAt" FROM "Classification"
      WHERE "postId" = r."postId" ORDER BY "createdAt" DESC LIMIT 1
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT nd."earlierPostId"::text AS "ndEarlierPostId", nd.similarity AS "ndSimilarity", ei.id::text AS "ndItemId",
        ei.status::text AS "ndItemStatus", ed.action::text AS "ndAction", ed."reasonCode" AS "ndReasonCode", ed.actor AS "ndActor",
        ${iso(Prisma.raw('ed."createdAt"'))} AS "ndDecidedAt"
      FROM "NearDuplicate" nd
      LEFT JOIN "ReviewItem" ei ON ei."postId" = nd."earlierPostId"
      LEFT JOIN LATERAL (
        SELECT action, "reasonCode", actor, "createdAt" FROM "Decision" WHERE "reviewItemId" = ei.id ORDER BY "createdAt" DESC LIMIT 1
      ) ed ON true
      WHERE nd."postId" = r."postId" LIMIT 1
    ) nd ON true
    LEFT JOIN LATERAL (
      SELECT n.id::text AS "networkId", n."postCount" AS "networkSize", n."vouchedCount" AS "networkVouched"
      FROM "NetworkMember" nm JOIN "Network" n ON n.id = nm."networkId" WHERE nm."postId" = r."postId" LIMIT 1
    ) net ON true
    ORDER BY ${order(Prisma.raw('r'))}`;
  // The filters present and the page size decide the text, so at most a few hundred prepared
  // variants. Every column reads the same through pg as through Prisma here: text, numbers,
  // booleans, times formatted above.
  return db.query<ItemRow>(query, { genericPlan: generic });
}

/** A row as the API shows it; `now` decides whether a claim's lease is still live. */
export function itemView(r: ItemRow, now: Date): ReviewItemView {
  const live = r.claimedBy && r.leaseExpiresAt && Date.parse(r.leaseExpiresAt) > now.getTime();
  return {
    id: r.id,
    status: r.status,
    priority: r.priority,
    score: r.score,
    referralCandidate: r.referralCandidate,
    language: r.language,
    category: r.category,
    platform: r.platform,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    decidedAt: r.decidedAt,
    claim: live ? { holder: r.claimedBy!, leaseExpiresAt: r.leaseExpiresAt! } : null,
    duplicates: r.duplicates,
    nearDuplicateOf:
      r.ndEarlierPostId === null
        ? null
        : {
            postId: r.ndEarlierPostId,
            similarity: r.ndSimilarity!,
            reviewItemId: r.ndItemId,
            status: r.ndItemStatus,
            decision: r.ndAction === null ? null : { action: r.ndAction, reasonCode: r.ndReasonCode!, actor: r.ndActor!, decidedAt: r.ndDecidedAt! },
          },
    network: r.networkId === null ? null : { id: r.networkId, size: r.networkSize!, vouched: r.networkVouched! },
    post: {
      id: r.postId,
      text: r.postText,
      url: r.postUrl,
      platform: r.postPlatform,
      author: r.postAuthor,
      language: r.postLanguage,
      postedAt: r.postedAt,
      ingestedAt: r.ingestedAt,
    },
    classification:
      r.clsModelVersion === null
        ? null
        : {
            modelVersion: r.clsModelVersion,
            score: r.clsScore!,
            category: r.clsCategory!,
            language: r.clsLanguage!,
            languageTag: r.clsLanguageTag ?? r.clsLanguage!,
            signals: Array.isArray(r.clsSignals) ? (r.clsSignals as Signal[]) : [],
            createdAt: r.clsCreatedAt!,
          },
  };
}
