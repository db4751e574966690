/**
 * API keys: `tw_<id>_<secret>`. The id (8 characters, not secret) finds the row and names the key in
 * listings and in the audit trail; only a SHA-256 of the whole key is stored. The secret has 192
 * bits of entropy, so a fast hash is enough (no password stretching needed) and lookup is one
 * indexed read. The key is shown once, when created.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendAudit } from '../../core/audit.ts';
import type { Db, PoolDb } from '../../core/db/index.ts';
import { DomainError, type ErrorKind } from '../../core/errors.ts';
import { ApiRole } from '../../generated/prisma/enums.ts';
import { insertApiKey, selectKeyForUpdate, setKeyRevoked } from './sql.ts';

export const API_ROLES = Object.freeze(Object.values(ApiRole));
export type Role = ApiRole;

const KEY_PATTERN = /^tw_([a-z0-9]{8})_([A-Za-z0-9_-]{32})$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The authenticated caller, as handlers see it. */
export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  /** Platform name for `platform` keys. */
  platform: string | null;
  platformId: number | null;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function newId(): string {
  const bytes = randomBytes(8);
  return Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** Splits a presented key; undefined when it is not shaped like one of ours. */
export function parseKey(key: string): { id: string } | undefined {
  const m = KEY_PATTERN.exec(key);
  return m ? { id: m[1]! } : undefined;
}

/** A key operation refused: bad input (bad_request) or no such key or platform (not_found). */
export class KeyError extends DomainError {
  override readonly name = 'KeyError';
  constructor(message: string, kind: ErrorKind = 'bad_request') {
    super(kind, message);
  }
}

export interface CreatedKey {
  id: string;
  /** The full key: shown once, never stored. */
  key: string;
  role: Role;
  name: string;
  platform: string | null;
}

/** Creates a key (and its audit event, in one transaction). `platform` is required for, and only for, the platform role. */
export async function createApiKey(
  db: PoolDb,
  input: { role: Role; name: string; platform?: string | undefined; createdBy: string },
): Promise<CreatedKey> {
  if (!API_ROLES.includes(input.role)) throw new KeyError(`unknown role "${input.role}"; one of ${API_ROLES.join(', ')}`);
  if (!input.name.trim()) throw new KeyError('a key needs a name (who or what uses it)');
  if (input.role === 'platform' && !input.platform) throw new KeyError('a platform key needs --platform');
  if (input.role !== 'platform' && input.platform) throw new KeyError('--platform applies to platform keys only');
  let platformId: number | null = null;
  if (input.platform) {
    const p = await db.prisma.platform.findUnique({ where: { name: input.platform }, select: { id: true } });
    if (!p) throw new KeyError(`unknown platform "${input.platform}"`, 'not_found');
    platformId = p.id;
  }
  const id = newId();
  const key = `tw_${id}_${randomBytes(24).toString('base64url')}`;
  await db.transaction(async (tx) => {
    const row = await insertApiKey(tx, {
      id,
      name: input.name.trim(),
      role: input.role,
      platformId,
      secretHash: hashKey(key),
      createdBy: input.createdBy,
    });
    await appendAudit(tx, { actor: input.createdBy, action: 'key.create', subjectType: 'api_key', subjectId: id, after: row });
  });
  return { id, key, role: input.role, name: input.name.trim(), platform: input.platform ?? null };
}

export interface KeyListing {
  id: string;
  name: string;
  role: Role;
  platform: string | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
}

export async function listApiKeys(db: PoolDb): Promise<KeyListing[]> {
  const rows = await db.prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' }, include: { platform: { select: { name: true } } } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    platform: r.platform?.name ?? null,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    revokedAt: r.revokedAt,
  }));
}

/** Revokes a key (idempotent: revoking twice keeps the first time). Accepts `ID` or `tw_ID`. */
export async function revokeApiKey(db: Db, idOrPrefix: string, actor: string): Promise<{ id: string; revokedAt: Date; already: boolean }> {
  const id = idOrPrefix.replace(/^tw_/, '').split('_')[0]!;
  return db.transaction(async (tx) => {
    const row = await selectKeyForUpdate(tx, id);
    if (!row) throw new KeyError(`no key with id "${id}"`, 'not_found');
    if (row.revokedAt) return { id, revokedAt: row.revokedAt, already: true };
    const revokedAt = await setKeyRevoked(tx, id, new Date());
    const after = { revokedAt };
    await appendAudit(tx, { actor, action: 'key.revoke', subjectType: 'api_key', subjectId: id, before: { revokedAt: null }, after });
    return { id, revokedAt, already: false };
  });
}

/** Resolves a presented key to its principal; undefined for unknown, malformed, wrong or revoked keys. */
export async function authenticate(db: PoolDb, presented: string): Promise<Principal | undefined> {
  const parsed = parseKey(presented);
  if (!parsed) return undefined;
  const row = await db.prisma.apiKey.findUnique({ where: { id: parsed.id }, include: { platform: { select: { name: true } } } });
  if (!row || row.revokedAt) return undefined;
  const a = Buffer.from(row.secretHash, 'hex');
  const b = Buffer.from(hashKey(presented), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return { keyId: row.id, name: row.name, role: row.role, platform: row.platform?.name ?? null, platformId: row.platformId };
}
