/**
 * Server-side browser sessions for the pages (/review, /networks, /analytics, /admin/queues).
 *
 * Signing in with an API key creates a `Session` row bound to that key; the cookie carries only a
 * random 256-bit token, and the database keeps only its SHA-256 (like keys: a fast hash is enough
 * for a random secret of that size). Each page request looks the token up joined to its key, so
 * an expired session, a deleted one (sign-out, an admin's `sessions end`) or one whose key was
 * revoked stops working on the next request: sessions are not cached (pages are a few requests a
 * minute per person, so one indexed read each is cheap), unlike bearer keys (api/auth/key-cache.ts).
 * Tokens and keys are never logged; sessions are named by their non-secret `id`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../../core/audit.ts';
import type { Db, PoolDb } from '../../core/db/index.ts';
import { DomainError, type ErrorKind } from '../../core/errors.ts';
import type { Principal, Role } from './keys.ts';
import { deleteSession, insertSession } from './sql.ts';

/** `lastSeenAt` is written at most this often per session, not on every request. */
export const LAST_SEEN_EVERY_MS = 60_000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A session operation refused: a session id that cannot be one. */
export class SessionError extends DomainError {
  override readonly name = 'SessionError';
  constructor(message: string, kind: ErrorKind = 'bad_request') {
    super(kind, message);
  }
}

export interface StartedSession {
  id: string;
  /** Goes in the cookie only; never stored. */
  token: string;
  expiresAt: Date;
}

/** Opens a session for a verified key; also deletes every expired session (so none linger). */
export async function createSession(db: PoolDb, principal: Principal, ttlMs: number, now = new Date()): Promise<StartedSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await purgeExpiredSessions(db, now);
  const id = await db.transaction(async (tx) => {
    const session = { tokenHash: hashToken(token), apiKeyId: principal.keyId, createdAt: now, lastSeenAt: now, expiresAt };
    const created = await insertSession(tx, session);
    const after = { apiKeyId: principal.keyId, expiresAt };
    await appendAudit(tx, { actor: principal.keyId, action: 'session.start', subjectType: 'session', subjectId: created, after });
    return created;
  });
  return { id, token, expiresAt };
}

/**
 * The principal behind a cookie's token: undefined when the token is malformed, unknown, expired,
 * or its key revoked. Refreshes `lastSeenAt` when it is older than LAST_SEEN_EVERY_MS.
 */
export async function findSession(
  db: PoolDb,
  token: string,
  now = new Date(),
): Promise<{ sessionId: string; principal: Principal } | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const row = await db.prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { apiKey: { include: { platform: { select: { name: true } } } } },
  });
  if (!row || row.expiresAt <= now || row.apiKey.revokedAt) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS) {
    await db.prisma.session.updateMany({
      where: { id: row.id, lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_EVERY_MS) } },
      data: { lastSeenAt: now },
    });
  }
  const k = row.apiKey;
  return {
    sessionId: row.id,
    principal: { keyId: k.id, name: k.name, role: k.role, platform: k.platform?.name ?? null, platformId: k.platformId },
  };
}

/** Sign-out: deletes the session the token names (nothing if none). */
export async function deleteSessionByToken(db: PoolDb, token: string): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) return;
  await db.prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export interface SessionListing {
  id: string;
  keyId: string;
  keyName: string;
  role: Role;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Live sessions (not expired, key not revoked), newest first. */
export async function listSessions(db: PoolDb, now = new Date()): Promise<SessionListing[]> {
  const rows = await db.prisma.session.findMany({
    where: { expiresAt: { gt: now }, apiKey: { revokedAt: null } },
    orderBy: { createdAt: 'desc' },
    include: { apiKey: { select: { name: true, role: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    keyId: r.apiKeyId,
    keyName: r.apiKey.name,
    role: r.apiKey.role,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    expiresAt: r.expiresAt,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An admin ends a session by id; false when there is none. Audited. */
export async function endSessionById(db: Db, id: string, actor: string): Promise<boolean> {
  if (!UUID.test(id)) throw new SessionError(`session id "${id}" is not a UUID (see \`tidewatch sessions list\`)`);
  return db.transaction(async (tx) => {
    if (!(await deleteSession(tx, id))) return false;
    await appendAudit(tx, { actor, action: 'session.end', subjectType: 'session', subjectId: id });
    return true;
  });
}

/** Deletes sessions past their expiry or of revoked keys (both already refused); returns how many. */
export async function purgeExpiredSessions(db: PoolDb, now = new Date()): Promise<number> {
  const res = await db.prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { apiKey: { revokedAt: { not: null } } }] },
  });
  return res.count;
}
