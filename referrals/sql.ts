/**
 * The referral domain's statements (referrals, action-day batches), all through the one door.
 * Writes that must commit with their audit event take the transaction's `Db`.
 */
import { v7 as uuidv7 } from 'uuid';
import { join, NOW_UTC, raw, sql, type Db, type Sql } from '../core/db/index.ts';
import type { ReferralStatus } from '../generated/prisma/enums.ts';
import { referralOutcomesWhere } from '../analytics/facts.ts';

/** Columns a lifecycle move may set beside the status (the rest never change after creation). */
export interface ReferralChanges {
  notice?: unknown;
  evidence?: unknown;
  outcome?: unknown;
  infoRequest?: unknown;
  ticketId?: string | null;
  lastError?: string | null;
  sentAt?: Date | null;
  acknowledgedAt?: Date | null;
  decidedAt?: Date | null;
  offlineAt?: Date | null;
  reappearedAt?: Date | null;
  lastCheckedAt?: Date | null;
  livenessChecks?: number;
  /** One more delivery attempt (`attempts = attempts + 1`). */
  attempts?: { increment: number };
}

const JSON_COLUMNS = new Set(['notice', 'evidence', 'outcome', 'infoRequest']);
const TIME_COLUMNS = new Set(['sentAt', 'acknowledgedAt', 'decidedAt', 'offlineAt', 'reappearedAt', 'lastCheckedAt']);
const TEXT_COLUMNS = new Set(['ticketId', 'lastError']);

/** `SET` assignments for `changes`; keys outside {@link ReferralChanges} are refused, not ignored. */
function assignments(changes: ReferralChanges): Sql[] {
  const out: Sql[] = [sql`"updatedAt" = ${NOW_UTC}`];
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const column = raw(`"${key}"`);
    if (key === 'attempts') out.push(sql`attempts = attempts + ${(value as { increment: number }).increment}::int`);
    else if (key === 'livenessChecks') out.push(sql`${column} = ${value as number}::int`);
    else if (JSON_COLUMNS.has(key)) out.push(sql`${column} = ${value === null ? null : JSON.stringify(value)}::jsonb`);
    else if (TIME_COLUMNS.has(key)) out.push(sql`${column} = ${value as Date | null}::timestamp(3)`);
    else if (TEXT_COLUMNS.has(key)) out.push(sql`${column} = ${value as string | null}`);
    else throw new Error(`referral column ${key}: not settable by a lifecycle move`);
  }
  return out;
}

/** The status, locked until the transaction ends (so a concurrent move waits, then sees the new one). */
export async function lockReferralStatus(tx: Db, id: string): Promise<ReferralStatus | undefined> {
  const [row] = await tx.query<{ status: ReferralStatus }>`SELECT status::text AS status FROM "Referral" WHERE id = ${id}::uuid FOR UPDATE`;
  return row?.status;
}

/** Sets the status and `changes` if the referral is still `from`; returns whether it was. */
export async function moveReferral(
  tx: Db,
  id: string,
  from: ReferralStatus,
  to: ReferralStatus,
  changes: ReferralChanges = {},
): Promise<boolean> {
  const set = [sql`status = ${to}::"ReferralStatus"`, ...assignments(changes)];
  return (await tx.execute`UPDATE "Referral" SET ${join(set, ', ')} WHERE id = ${id}::uuid AND status = ${from}::"ReferralStatus"`) === 1;
}

/** Sets `changes` without a status move. */
export async function updateReferral(db: Db, id: string, changes: ReferralChanges): Promise<void> {
  const set = assignments(changes);
  await db.execute`UPDATE "Referral" SET ${join(set, ', ')} WHERE id = ${id}::uuid`;
}

export interface NewReferral {
  postId: string;
  platformId: number;
  automated: boolean;
  idempotencyKey: string;
  batchId?: string | null;
  /** Waits for the platform's next action day instead of being delivered. */
  heldForActionDay?: boolean;
}

export interface CreatedReferral {
  id: string;
  postId: string;
  platformId: number;
  status: ReferralStatus;
  automated: boolean;
  idempotencyKey: string;
}

/**
 * Inserts the referrals whose key is new (ids UUIDv7, as the schema's `@default(uuid(7))` makes them)
 * and returns those it inserted; a key that exists already is skipped, whoever holds it.
 */
export async function insertReferrals(tx: Db, rows: readonly NewReferral[]): Promise<CreatedReferral[]> {
  if (!rows.length) return [];
  const values = rows.map(
    (r) =>
      sql`(${uuidv7()}::uuid, ${r.postId}::uuid, ${r.platformId}::int, ${r.automated}, ${r.idempotencyKey}, ${r.batchId ?? null}::uuid, ${r.heldForActionDay ?? false}, ${NOW_UTC}, ${NOW_UTC})`,
  );
  return tx.query<CreatedReferral>`
    INSERT INTO "Referral" (id, "postId", "platformId", automated, "idempotencyKey", "batchId", "heldForActionDay", "createdAt", "updatedAt")
    VALUES ${join(values, ', ')}
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id::text AS id, "postId"::text AS "postId", "platformId", status::text AS status, automated, "idempotencyKey"`;
}

/** A new action-day batch; returns its id. */
export async function insertReferralBatch(tx: Db, b: { platformId: number; since: Date | null; createdBy: string }): Promise<string> {
  const id = uuidv7();
  await tx.execute`
    INSERT INTO "ReferralBatch" (id, "platformId", since, "createdBy", "createdAt")
    VALUES (${id}::uuid, ${b.platformId}::int, ${b.since}::timestamp(3), ${b.createdBy}, ${NOW_UTC})`;
  return id;
}

/** Of `keys`, those some referral already holds. */
export async function existingReferralKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.query<{
    key: string;
  }>`SELECT "idempotencyKey" AS key FROM "Referral" WHERE "idempotencyKey" = ANY(${keys}::text[])`;
  return new Set(rows.map((r) => r.key));
}

/**
 * Releases a platform's held referrals into action-day batch `batchId` (still `queued`, no longer
 * held) and returns them; one statement, so a confirmation arriving meanwhile is either in this
 * batch or waits for the next. `since` limits it to referrals created from then on.
 */
export async function releaseHeldReferrals(
  tx: Db,
  b: { platformId: number; batchId: string; since: Date | null },
): Promise<CreatedReferral[]> {
  return tx.query<CreatedReferral>`
    UPDATE "Referral" SET "heldForActionDay" = false, "batchId" = ${b.batchId}::uuid, "updatedAt" = ${NOW_UTC}
    WHERE "platformId" = ${b.platformId}::int AND "heldForActionDay" AND status = 'queued'
      AND (${b.since}::timestamp(3) IS NULL OR "createdAt" >= ${b.since}::timestamp(3))
    RETURNING id::text AS id, "postId"::text AS "postId", "platformId", status::text AS status, automated, "idempotencyKey"`;
}

export interface BatchOutcomes {
  sent: number;
  acknowledged: number;
  removed: number;
  declined: number;
  medianHoursToRemoval: number | null;
}

/**
 * What became of an action-day batch's sent referrals, counted exactly as the analytics count
 * them (analytics/facts.ts: removed = platform `actioned` or seen offline, whichever first).
 */
export async function batchOutcomes(db: Db, batchId: string): Promise<BatchOutcomes> {
  const [row] = await db.query<BatchOutcomes>`
    WITH ro AS (${referralOutcomesWhere(sql`r."batchId" = ${batchId}::uuid AND r."sentAt" IS NOT NULL`)})
    SELECT count(*)::int AS sent,
      count(*) FILTER (WHERE ro."acknowledgedAt" IS NOT NULL)::int AS acknowledged,
      count(*) FILTER (WHERE ro.removed_at IS NOT NULL)::int AS removed,
      count(*) FILTER (WHERE ro.decision = 'referral.declined')::int AS declined,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (ro.removed_at - ro."sentAt"))::float8 / 3600)
        FILTER (WHERE ro.removed_at IS NOT NULL) AS "medianHoursToRemoval"
    FROM ro`;
  return row!;
}

/** The ticket id a referral holds already (from the webhook reply or an earlier report). */
export async function referralTicket(db: Db, id: string): Promise<string | null> {
  const [row] = await db.query<{ ticketId: string | null }>`SELECT "ticketId" FROM "Referral" WHERE id = ${id}::uuid`;
  return row?.ticketId ?? null;
}

/** One referral as the platform-facing list and page show it. */
export interface PlatformReferralRow {
  id: string;
  platformId: number;
  platform: string;
  status: ReferralStatus;
  automated: boolean;
  postId: string;
  url: string;
  platformPostId: string;
  /** The post text and language, for people reading the list (the API does not return them). */
  text: string;
  language: string | null;
  ticketId: string | null;
  outcome: unknown;
  notice: unknown;
  evidence: unknown;
  infoRequest: unknown;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
  decidedAt: Date | null;
  offlineAt: Date | null;
  reappearedAt: Date | null;
}

export interface PlatformReferralFilter {
  /** Undefined: every platform (admins). */
  platformId?: number | undefined;
  status?: ReferralStatus | undefined;
  /** Created at or after. */
  since?: Date | undefined;
  /** Created before. */
  until?: Date | undefined;
  /** Keyset position: the last row of the previous page. */
  after?: { createdAt: Date; id: string } | undefined;
  id?: string | undefined;
  limit: number;
}

/** Referrals newest first (createdAt, then id, both descending: a stable keyset order). */
export async function listPlatformReferrals(db: Db, f: PlatformReferralFilter): Promise<PlatformReferralRow[]> {
  const where: Sql[] = [sql`TRUE`];
  if (f.platformId !== undefined) where.push(sql`r."platformId" = ${f.platformId}::int`);
  if (f.status) where.push(sql`r.status = ${f.status}::"ReferralStatus"`);
  if (f.since) where.push(sql`r."createdAt" >= ${f.since}::timestamp(3)`);
  if (f.until) where.push(sql`r."createdAt" < ${f.until}::timestamp(3)`);
  if (f.id) where.push(sql`r.id = ${f.id}::uuid`);
  if (f.after) where.push(sql`(r."createdAt", r.id) < (${f.after.createdAt}::timestamp(3), ${f.after.id}::uuid)`);
  return db.query<PlatformReferralRow>`
    SELECT r.id::text AS id, r."platformId", pl.name AS platform, r.status::text AS status, r.automated,
           r."postId"::text AS "postId", p.url, p."platformPostId", p.text, p.language, r."ticketId", r.outcome, r.notice, r.evidence,
           r."infoRequest", r.attempts, r."lastError", r."createdAt", r."sentAt", r."acknowledgedAt",
           r."decidedAt", r."offlineAt", r."reappearedAt"
    FROM "Referral" r JOIN "Post" p ON p.id = r."postId" JOIN "Platform" pl ON pl.id = r."platformId"
    WHERE ${join(where, ' AND ')}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${f.limit}::int`;
}

/** A platform question waiting for a lead's answer. */
export interface OpenQuestionRow {
  id: string;
  platform: string;
  platformPostId: string;
  url: string;
  text: string;
  language: string | null;
  ticketId: string | null;
  infoRequest: { question: string; askedBy: string; askedAt: string } | null;
  updatedAt: Date;
}

/** Referrals in `needs_info`, oldest question first (the lead's queue). */
export async function listOpenQuestions(db: Db, limit = 200): Promise<OpenQuestionRow[]> {
  return db.query<OpenQuestionRow>`
    SELECT r.id::text AS id, pl.name AS platform, p."platformPostId", p.url, p.text, p.language, r."ticketId",
           r."infoRequest", r."updatedAt"
    FROM "Referral" r JOIN "Post" p ON p.id = r."postId" JOIN "Platform" pl ON pl.id = r."platformId"
    WHERE r.status = 'needs_info'::"ReferralStatus"
    ORDER BY r."updatedAt" ASC, r.id ASC
    LIMIT ${limit}::int`;
}

/** What answering a question needs to know: the open question and whether the platform had acknowledged. */
export async function questionState(
  db: Db,
  id: string,
): Promise<{ status: ReferralStatus; infoRequest: Record<string, unknown> | null; acknowledgedAt: Date | null } | undefined> {
  const [row] = await db.query<{ status: ReferralStatus; infoRequest: Record<string, unknown> | null; acknowledgedAt: Date | null }>`
    SELECT status::text AS status, "infoRequest", "acknowledgedAt" FROM "Referral" WHERE id = ${id}::uuid`;
  return row;
}

/** Failed referrals to send again: these ids, or every failed one of a platform (or of all). */
export async function failedReferralIds(
  db: Db,
  f: { ids?: readonly string[]; platformId?: number | undefined; status: ReferralStatus },
): Promise<string[]> {
  const where: Sql[] = [sql`status = ${f.status}::"ReferralStatus"`];
  if (f.ids?.length) where.push(sql`id = ANY(${f.ids}::uuid[])`);
  if (f.platformId !== undefined) where.push(sql`"platformId" = ${f.platformId}::int`);
  const rows = await db.query<{ id: string }>`SELECT id::text AS id FROM "Referral" WHERE ${join(where, ' AND ')} ORDER BY "createdAt"`;
  return rows.map((r) => r.id);
}

export async function referralStatus(db: Db, id: string): Promise<ReferralStatus | undefined> {
  const [row] = await db.query<{ status: ReferralStatus }>`SELECT status::text AS status FROM "Referral" WHERE id = ${id}::uuid`;
  return row?.status;
}

/** The platform of each referral id that exists (ids lower-cased). */
export async function referralPlatforms(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: string; platformId: number }>`
    SELECT id::text AS id, "platformId" FROM "Referral" WHERE id = ANY(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.platformId]));
}

/** The post and its latest classification behind a referral, for a person reading the notice. */
export interface ReferralPostRow {
  text: string;
  language: string | null;
  languageTag: string | null;
  authorHandle: string | null;
  postedAt: Date | null;
  category: string | null;
  score: number | null;
  signals: { type: string; value: string; start: number; end: number; gloss?: string }[] | null;
}

export async function referralPost(db: Db, referralId: string): Promise<ReferralPostRow | undefined> {
  const [row] = await db.query<ReferralPostRow>`
    SELECT p.text, p.language, c."languageTag", p."authorHandle", p."postedAt", c.category, c.score, c.signals
    FROM "Referral" r JOIN "Post" p ON p.id = r."postId"
    LEFT JOIN LATERAL (SELECT * FROM "Classification" WHERE "postId" = p.id ORDER BY "createdAt" DESC LIMIT 1) c ON TRUE
    WHERE r.id = ${referralId}::uuid`;
  return row;
}

/** A referral's audit trail, oldest first, with the acting key's name where the actor is a key. */
export async function referralHistory(
  db: Db,
  referralId: string,
): Promise<{ action: string; actor: string; actorName: string | null; after: Record<string, unknown> | null; createdAt: Date }[]> {
  return db.query`
    SELECT a.action, a.actor, k.name AS "actorName", a.after, a."createdAt"
    FROM "AuditEvent" a LEFT JOIN "ApiKey" k ON k.id = a.actor
    WHERE a."subjectType" = 'referral' AND a."subjectId" = ${referralId}
    ORDER BY a.id ASC`;
}
