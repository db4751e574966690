/**
 * The statements keys and sessions run inside their transactions (each change commits with its
 * audit event). Plain reads stay on Prisma's model API in keys.ts and sessions.ts.
 */
import { v7 as uuidv7 } from 'uuid';
import { NOW_UTC, type Db } from '../../core/db/index.ts';
import type { ApiRole } from '../../generated/prisma/enums.ts';

export interface ApiKeyRow {
  id: string;
  name: string;
  role: ApiRole;
  platformId: number | null;
  createdAt: Date;
}

/** Stores a new key (only the hash of its secret); returns the row as listed, without the hash. */
export async function insertApiKey(
  tx: Db,
  k: { id: string; name: string; role: ApiRole; platformId: number | null; secretHash: string; createdBy: string },
): Promise<ApiKeyRow> {
  const [row] = await tx.query<ApiKeyRow>`
    INSERT INTO "ApiKey" (id, name, role, "platformId", "secretHash", "createdBy", "createdAt")
    VALUES (${k.id}, ${k.name}, ${k.role}::"ApiRole", ${k.platformId}::int, ${k.secretHash}, ${k.createdBy}, ${NOW_UTC})
    RETURNING id, name, role::text AS role, "platformId", "createdAt"`;
  return row!;
}

/** The key's revocation state, row-locked until the transaction ends. */
export async function selectKeyForUpdate(tx: Db, id: string): Promise<{ id: string; revokedAt: Date | null } | undefined> {
  const [row] = await tx.query<{ id: string; revokedAt: Date | null }>`SELECT id, "revokedAt" FROM "ApiKey" WHERE id = ${id} FOR UPDATE`;
  return row;
}

export async function setKeyRevoked(tx: Db, id: string, at: Date): Promise<Date> {
  const [row] = await tx.query<{ revokedAt: Date }>`UPDATE "ApiKey" SET "revokedAt" = ${at} WHERE id = ${id} RETURNING "revokedAt"`;
  return row!.revokedAt;
}

/** Opens a session row; returns its id (a UUIDv7, as the schema's `@default(uuid(7))` made them). */
export async function insertSession(
  tx: Db,
  s: { tokenHash: string; apiKeyId: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date },
): Promise<string> {
  const id = uuidv7();
  await tx.execute`
    INSERT INTO "Session" (id, "tokenHash", "apiKeyId", "createdAt", "lastSeenAt", "expiresAt")
    VALUES (${id}::uuid, ${s.tokenHash}, ${s.apiKeyId}, ${s.createdAt}, ${s.lastSeenAt}, ${s.expiresAt})`;
  return id;
}

/** Deletes the session with this id; false when there was none. */
export async function deleteSession(tx: Db, id: string): Promise<boolean> {
  return (await tx.execute`DELETE FROM "Session" WHERE id = ${id}::uuid`) > 0;
}
