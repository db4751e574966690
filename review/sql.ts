/**
 * The review domain's SQL: the listing (one statement per page or item, flat rows), the per-status
 * counts, and the statements claims and decisions run inside their transactions. Why one flat
 * statement rather than Prisma's nested include, and when its plan is generic: docs/database.md#review.
 */
import { v7 as uuidv7 } from 'uuid';
import { NOW_UTC, raw, sql, type Db, type Sql } from '../core/db/index.ts';
import type { DecisionAction, ReviewStatus } from '../generated/prisma/enums.ts';
import { filterSql, type QueueFilters, type Sort } from './filters.ts';

/** What the list shows of an item itself, as both the SQL row and the view carry it. */
export interface ItemSummary {
  id: string;
  status: ReviewStatus;
  priority: number;
  score: number;
  referralCandidate: boolean;
  language: string;
  category: string;
  platform: string;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

/** One flat row of {@link selectItems}; null columns where a relation is absent; times as ISO 8601 text. */
export interface ItemRow extends ItemSummary {
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
}

/** The queue's orders: `priority` most urgent first, `oldest` first routed first; ids break ties. */
const ORDER = {
  priority: (t: Sql) => sql`${t}.priority DESC, ${t}.id ASC`,
  oldest: (t: Sql) => sql`${t}."createdAt" ASC, ${t}.id ASC`,
} as const satisfies Record<Sort, (t: Sql) => Sql>;

/** A DateTime column (UTC without a zone, millisecond precision) as JavaScript's toISOString() writes it. */
const iso = (column: string) => sql`to_char(${raw(column)}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Up to `limit` items matching `where` (SQL over "ReviewItem"), in `sort` order. */
export async function selectItems(
  db: Db,
  page: {
    where: Sql;
    sort: Sort;
    limit: number;
    /** The best plan does not depend on the values bound into `where` (review/filters.ts planFitsAnyValues). */
    planFitsAnyValues?: boolean;
  },
): Promise<ItemRow[]> {
  const order = ORDER[page.sort];
  if (!Number.isInteger(page.limit) || page.limit < 1) {
    throw new RangeError(`selectItems: limit must be a positive integer, got ${page.limit}`);
  }
  // Where the plan fits any values it is made once per connection, with the limit written into the
  // text so the plan knows how few rows are wanted; elsewhere the limit stays bound (docs/database.md#review).
  const generic = page.planFitsAnyValues === true;
  const limit = generic ? raw(String(page.limit)) : sql`${page.limit}`;
  // Ids and enums are cast to text so the driver hands back plain strings. To-one lookups are
  // scalar subqueries or LATERAL … LIMIT 1 blocks rather than joins: each is planned on its own.
  const query = sql`
    SELECT r.id::text AS id, r."postId"::text AS "postId", r.status::text AS status, r.priority, r.score, r."referralCandidate",
      r.language, r.category, (SELECT name FROM "Platform" WHERE id = r."platformId") AS platform,
      ${iso('r."createdAt"')} AS "createdAt", ${iso('r."updatedAt"')} AS "updatedAt",
      ${iso('r."decidedAt"')} AS "decidedAt", r."claimedBy", ${iso('r."leaseExpiresAt"')} AS "leaseExpiresAt",
      (SELECT count(*)::int FROM "Post" d WHERE d."duplicateOfId" = r."postId") AS duplicates,
      p.text AS "postText", p.url AS "postUrl", (SELECT name FROM "Platform" WHERE id = p."platformId") AS "postPlatform",
      p."authorHandle" AS "postAuthor", p.language AS "postLanguage",
      ${iso('p."postedAt"')} AS "postedAt", ${iso('p."ingestedAt"')} AS "ingestedAt",
      c."modelVersion" AS "clsModelVersion", c.score AS "clsScore", c.category AS "clsCategory", c.language AS "clsLanguage",
      c."languageTag" AS "clsLanguageTag", c.signals AS "clsSignals", ${iso('c."createdAt"')} AS "clsCreatedAt",
      nd."ndEarlierPostId", nd."ndSimilarity", nd."ndItemId", nd."ndItemStatus", nd."ndAction", nd."ndReasonCode", nd."ndActor",
      nd."ndDecidedAt", net."networkId", net."networkSize", net."networkVouched"
    FROM (SELECT * FROM "ReviewItem" i WHERE ${page.where} ORDER BY ${order(raw('i'))} LIMIT ${limit}) r
    JOIN "Post" p ON p.id = r."postId"
    LEFT JOIN LATERAL (
      SELECT "modelVersion", score, category, language, "languageTag", signals, "createdAt" FROM "Classification"
      WHERE "postId" = r."postId" ORDER BY "createdAt" DESC LIMIT 1
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT nd."earlierPostId"::text AS "ndEarlierPostId", nd.similarity AS "ndSimilarity", ei.id::text AS "ndItemId",
        ei.status::text AS "ndItemStatus", ed.action::text AS "ndAction", ed."reasonCode" AS "ndReasonCode", ed.actor AS "ndActor",
        ${iso('ed."createdAt"')} AS "ndDecidedAt"
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
    ORDER BY ${order(raw('r'))}`;
  // The filters present and the page size decide the text, so at most a few hundred prepared variants.
  return db.query<ItemRow>(query, { genericPlan: generic });
}

/**
 * Items after the cursor's row `(v, id)` in sort order. The redundant `<=` / `>=` bound lets the
 * index scan start at the cursor instead of filtering every earlier row.
 */
export function afterCursor(sort: Sort, v: number | Date, id: string): Sql {
  if (sort === 'priority') return sql`priority <= ${v}::float8 AND (priority < ${v}::float8 OR id > ${id}::uuid)`;
  // Columns hold UTC without a zone (Prisma's DateTime).
  const at = sql`(${(v as Date).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return sql`"createdAt" >= ${at} AND ("createdAt" > ${at} OR id > ${id}::uuid)`;
}

/** Items per status under the filters (status itself ignored). */
export function countByStatus(db: Db, filters: QueueFilters): Promise<{ status: ReviewStatus; n: number }[]> {
  // One count per status, each an index range scan on (status, …) (GROUP BY status reads every item).
  return db.query<{ status: ReviewStatus; n: number }>`
    SELECT s::text AS status,
      (SELECT count(*)::int FROM "ReviewItem" WHERE status = s AND ${filterSql({ ...filters, status: undefined })}) AS n
    FROM unnest(enum_range(NULL::"ReviewStatus")) s`;
}

/** An item's claim state, row-locked until the transaction ends. */
export interface ItemLockRow {
  id: string;
  postId: string;
  status: ReviewStatus;
  claimedBy: string | null;
  leaseExpiresAt: Date | null;
  /** Whether the lease is live by the database clock. */
  leaseActive: boolean;
}

export async function selectItemForUpdate(tx: Db, id: string): Promise<ItemLockRow | undefined> {
  const [row] = await tx.query<ItemLockRow>`
    SELECT id::text AS id, "postId"::text AS "postId", status::text AS status, "claimedBy", "leaseExpiresAt",
           COALESCE("leaseExpiresAt" > ${NOW_UTC}, false) AS "leaseActive"
    FROM "ReviewItem" WHERE id = ${id}::uuid FOR UPDATE`;
  return row;
}

const leaseEnd = (seconds: number) => sql`${NOW_UTC} + make_interval(secs => ${seconds}::double precision)`;

/** Gives the item to `actor` for `leaseSeconds` by the database clock; returns when the lease ends. */
export async function setLease(tx: Db, id: string, actor: string, leaseSeconds: number): Promise<Date> {
  const [row] = await tx.query<{ leaseExpiresAt: Date }>`
    UPDATE "ReviewItem" SET "claimedBy" = ${actor}, "leaseExpiresAt" = ${leaseEnd(leaseSeconds)}, "updatedAt" = ${NOW_UTC}
    WHERE id = ${id}::uuid RETURNING "leaseExpiresAt"`;
  return row!.leaseExpiresAt;
}

export async function clearLease(tx: Db, id: string): Promise<void> {
  await tx.execute`UPDATE "ReviewItem" SET "claimedBy" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${NOW_UTC} WHERE id = ${id}::uuid`;
}

/**
 * Leases the first unclaimed (or lapsed) item under the filters in `sort` order, skipping rows
 * other transactions hold, so concurrent callers each get a different item without waiting.
 */
export async function leaseNextFree(
  tx: Db,
  actor: string,
  filters: QueueFilters,
  sort: Sort,
  leaseSeconds: number,
): Promise<{ id: string; prevHolder: string | null; leaseExpiresAt: Date } | undefined> {
  const [row] = await tx.query<{ id: string; prevHolder: string | null; leaseExpiresAt: Date }>`
    WITH picked AS (
      SELECT id, "claimedBy" AS "prevHolder" FROM "ReviewItem"
      WHERE ${filterSql(filters)} AND ("claimedBy" IS NULL OR "leaseExpiresAt" IS NULL OR "leaseExpiresAt" <= ${NOW_UTC})
      ORDER BY ${ORDER[sort](raw('"ReviewItem"'))}
      LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    UPDATE "ReviewItem" r
    SET "claimedBy" = ${actor}, "leaseExpiresAt" = ${leaseEnd(leaseSeconds)}, "updatedAt" = ${NOW_UTC}
    FROM picked WHERE r.id = picked.id
    RETURNING r.id::text AS id, picked."prevHolder", r."leaseExpiresAt"`;
  return row;
}

/** Moves the item to `status`, unclaimed; `decided` stamps (or, false, clears) `decidedAt`. */
export async function setItemStatus(tx: Db, id: string, status: ReviewStatus, decided: boolean): Promise<void> {
  await tx.execute`
    UPDATE "ReviewItem" SET status = ${status}::"ReviewStatus", "claimedBy" = NULL, "leaseExpiresAt" = NULL,
           "decidedAt" = ${decided ? NOW_UTC : null}, "updatedAt" = ${NOW_UTC}
    WHERE id = ${id}::uuid`;
}

export interface DecisionRow {
  reviewItemId: string;
  postId: string;
  actor: string;
  action: DecisionAction;
  reasonCode: string;
  note: string | null;
}

/** Records a decision; returns its id (a UUIDv7, as the schema's `@default(uuid(7))` made them). */
export async function insertDecision(tx: Db, d: DecisionRow): Promise<string> {
  const id = uuidv7();
  await tx.execute`
    INSERT INTO "Decision" (id, "reviewItemId", "postId", actor, action, "reasonCode", note, "createdAt")
    VALUES (${id}::uuid, ${d.reviewItemId}::uuid, ${d.postId}::uuid, ${d.actor}, ${d.action}::"DecisionAction", ${d.reasonCode}, ${d.note},
            ${NOW_UTC})`;
  return id;
}

export async function referralExists(tx: Db, postId: string): Promise<boolean> {
  const [row] = await tx.query<{ exists: boolean }>`SELECT EXISTS (SELECT 1 FROM "Referral" WHERE "postId" = ${postId}::uuid) AS exists`;
  return row!.exists;
}

/** Display names of API keys (claim holders, deciders, platform users) by key id. */
export async function selectKeyNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }>`SELECT id, name FROM "ApiKey" WHERE id = ANY(${[...ids]}::text[])`;
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Another post by the same author on the same platform, with its review item if it has one. */
export interface AuthorPostRow {
  postId: string;
  text: string;
  language: string | null;
  outcome: string;
  at: string;
  itemId: string | null;
  itemStatus: ReviewStatus | null;
}

/** The author's other posts on the post's platform, newest first (none when the author is unknown). */
export function selectAuthorPosts(db: Db, postId: string, limit: number): Promise<AuthorPostRow[]> {
  return db.query<AuthorPostRow>`
    SELECT o.id::text AS "postId", o.text, o.language, o.outcome::text AS outcome,
      ${iso('COALESCE(o."postedAt", o."ingestedAt")')} AS at, ri.id::text AS "itemId", ri.status::text AS "itemStatus"
    FROM "Post" p
    JOIN "Post" o ON o."platformId" = p."platformId" AND o."authorHandle" = p."authorHandle" AND o.id <> p.id
    LEFT JOIN "ReviewItem" ri ON ri."postId" = o.id
    WHERE p.id = ${postId}::uuid AND p."authorHandle" IS NOT NULL
    ORDER BY COALESCE(o."postedAt", o."ingestedAt") DESC, o.id DESC
    LIMIT ${limit}`;
}

/** The referral that carries this post's content to its platform (its own, or the canonical post's for a re-upload). */
export interface ReferralStateRow {
  id: string;
  status: string;
  platform: string;
  ticketId: string | null;
  lastError: string | null;
  attempts: number;
  outcome: unknown;
  evidence: unknown;
  createdAt: string;
  sentAt: string | null;
}

export async function selectPostReferral(db: Db, postId: string): Promise<ReferralStateRow | undefined> {
  const [row] = await db.query<ReferralStateRow>`
    SELECT r.id::text AS id, r.status::text AS status, pl.name AS platform, r."ticketId", r."lastError", r.attempts, r.outcome,
      r.evidence, ${iso('r."createdAt"')} AS "createdAt", ${iso('r."sentAt"')} AS "sentAt"
    FROM "Post" p JOIN "Referral" r ON r."postId" = p.id OR r."idempotencyKey" = p."platformId" || ':' || COALESCE(p."duplicateOfId", p.id)
    JOIN "Platform" pl ON pl.id = r."platformId"
    WHERE p.id = ${postId}::uuid ORDER BY r."createdAt" DESC LIMIT 1`;
  return row;
}

/** One step of a referral's life from its audit trail (the notice itself left out: it is large). */
export interface ReferralEventRow {
  actor: string;
  action: string;
  at: string;
  reason: string | null;
  ticketId: string | null;
  error: string | null;
}

export function selectReferralEvents(db: Db, referralId: string): Promise<ReferralEventRow[]> {
  return db.query<ReferralEventRow>`
    SELECT actor, action, ${iso('"createdAt"')} AS at,
      COALESCE(after->'outcome'->>'reason', after->>'reason') AS reason, after->>'ticketId' AS "ticketId", after->>'lastError' AS error
    FROM "AuditEvent" WHERE "subjectType" = 'referral' AND "subjectId" = ${referralId}
    ORDER BY "createdAt", id`;
}

/** The item's latest decision, with its age by the database clock (undo has a window). */
export interface LastDecisionRow {
  id: string;
  actor: string;
  action: DecisionAction;
  reasonCode: string;
  note: string | null;
  at: string;
  ageMs: number;
}

export async function selectLastDecision(db: Db, itemId: string): Promise<LastDecisionRow | undefined> {
  const [row] = await db.query<LastDecisionRow>`
    SELECT id::text AS id, actor, action::text AS action, "reasonCode", note, ${iso('"createdAt"')} AS at,
      (EXTRACT(EPOCH FROM (${NOW_UTC} - "createdAt")) * 1000)::float8 AS "ageMs"
    FROM "Decision" WHERE "reviewItemId" = ${itemId}::uuid ORDER BY "createdAt" DESC, id DESC LIMIT 1`;
  return row;
}

/** The item's state before its latest decision, as that decision's audit event recorded it. */
export async function selectDecisionBefore(tx: Db, itemId: string, decisionId: string): Promise<ReviewStatus | undefined> {
  const [row] = await tx.query<{ status: ReviewStatus }>`
    SELECT before->>'status' AS status FROM "AuditEvent"
    WHERE "subjectType" = 'review_item' AND "subjectId" = ${itemId} AND action = 'review.decision' AND after->>'decisionId' = ${decisionId}
    LIMIT 1`;
  return row?.status;
}

/** Queued referrals of a post created for a reviewer's confirmation, locked; undo deletes them before anything is sent. */
export function lockQueuedReferrals(tx: Db, postId: string): Promise<{ id: string; status: string; automated: boolean }[]> {
  return tx.query<{ id: string; status: string; automated: boolean }>`
    SELECT id::text AS id, status::text AS status, automated FROM "Referral" WHERE "postId" = ${postId}::uuid FOR UPDATE`;
}

export async function deleteReferral(tx: Db, id: string): Promise<void> {
  await tx.execute`DELETE FROM "Referral" WHERE id = ${id}::uuid`;
}

export async function selectItemPostId(db: Db, itemId: string): Promise<string | undefined> {
  const [row] = await db.query<{ postId: string }>`SELECT "postId"::text AS "postId" FROM "ReviewItem" WHERE id = ${itemId}::uuid`;
  return row?.postId;
}
