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

const JSON_COLUMNS = new Set(['notice', 'evidence', 'outcome']);
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
