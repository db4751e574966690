/**
 * The audit trail: one append-only `AuditEvent` per change a person or a stage makes (claims,
 * decisions, key changes, referrals). Callers pass the transaction that makes the change, so an
 * event exists exactly when its change was committed.
 */
import { NOW_UTC, type Db, type PoolDb } from './db/index.ts';

export interface AuditEntry {
  /** An API key id, `cli:<user>` for the command line, or `system:<stage>` for a worker. */
  actor: string;
  /** `<subject>.<verb>`, e.g. `review.claim`, `key.revoke`, `referral.create`. */
  action: string;
  subjectType: 'review_item' | 'api_key' | 'referral' | 'referral_batch' | 'retention' | 'session' | 'contact' | 'detector_model';
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/** JSON text (Dates as ISO strings, undefined fields left out), or SQL NULL for nothing. */
function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Writes the event in `tx`, the transaction making the change (or, for a change of one statement, the pool). */
export async function appendAudit(tx: Db, e: AuditEntry): Promise<void> {
  await tx.execute`
    INSERT INTO "AuditEvent" (actor, action, "subjectType", "subjectId", before, after, "createdAt")
    VALUES (${e.actor}, ${e.action}, ${e.subjectType}, ${e.subjectId}, ${jsonText(e.before)}::jsonb, ${jsonText(e.after)}::jsonb,
            ${NOW_UTC})`;
}

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  /** Return events with an id below this (newest first). */
  beforeId?: bigint | undefined;
  limit: number;
}

export interface AuditView {
  id: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** Newest first, keyset-paginated on the id (which only grows). */
export async function listAudit(db: PoolDb, q: AuditQuery): Promise<{ events: AuditView[]; lastId: bigint | null; more: boolean }> {
  const rows = await db.prisma.auditEvent.findMany({
    where: {
      actor: q.actor,
      action: q.action,
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      createdAt: q.since || q.until ? { gte: q.since, lt: q.until } : undefined,
      id: q.beforeId !== undefined ? { lt: q.beforeId } : undefined,
    },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString() })),
    lastId: page.at(-1)?.id ?? null,
    more: rows.length > q.limit,
  };
}
