/**
 * Contact points' statements: classify's per-batch lookup of known and benign contacts, and the
 * benign list a lead keeps (known-contacts.ts and benign.ts hold the rules).
 */
import { NOW_UTC, type Db } from '../../core/db/index.ts';

/** A contact of the batch that is benign, or belongs to a live network with a vouched-for post. */
export interface KnownOrBenignRow {
  key: string;
  networkId: string | null;
  vouchedCount: number | null;
  benign: boolean;
}

/** Which of `keys` (distinct) are benign or belong to a network with a vouched-for post, in one read. */
export function selectKnownOrBenignContacts(tx: Db, keys: readonly string[]): Promise<KnownOrBenignRow[]> {
  return tx.query<KnownOrBenignRow>`
    SELECT k.key, e."networkId"::text AS "networkId", n."vouchedCount", (b.key IS NOT NULL) AS benign
    FROM unnest(${keys}::text[]) AS k(key)
    LEFT JOIN "NetworkEntity" e ON e.key = k.key
    LEFT JOIN "Network" n ON n.id = e."networkId"
    LEFT JOIN "BenignContact" b ON b.key = k.key
    WHERE b.key IS NOT NULL OR n."vouchedCount" > 0`;
}

export interface BenignContactRow {
  key: string;
  note: string;
  createdBy: string;
  createdAt: Date;
}

export async function selectBenignContact(tx: Db, key: string): Promise<BenignContactRow | undefined> {
  return (await tx.query<BenignContactRow>`SELECT key, note, "createdBy", "createdAt" FROM "BenignContact" WHERE key = ${key}`)[0];
}

/** Marks `key` benign, or replaces the note when it is already (the first marker and time stay). */
export async function upsertBenignContact(tx: Db, c: { key: string; note: string; actor: string }): Promise<BenignContactRow> {
  const [row] = await tx.query<BenignContactRow>`
      INSERT INTO "BenignContact" (key, note, "createdBy", "createdAt") VALUES (${c.key}, ${c.note}, ${c.actor}, ${NOW_UTC})
      ON CONFLICT (key) DO UPDATE SET note = excluded.note
      RETURNING key, note, "createdBy", "createdAt"`;
  return row!;
}

/** Unmarks `key`; the row removed, or undefined when it was not benign. */
export async function deleteBenignContact(tx: Db, key: string): Promise<BenignContactRow | undefined> {
  const [row] =
    await tx.query<BenignContactRow>`DELETE FROM "BenignContact" WHERE key = ${key} RETURNING key, note, "createdBy", "createdAt"`;
  return row;
}

/** Every benign contact, by key. */
export function selectBenignContacts(db: Db): Promise<BenignContactRow[]> {
  return db.query<BenignContactRow>`SELECT key, note, "createdBy", "createdAt" FROM "BenignContact" ORDER BY key ASC`;
}

/** Which of `keys` are benign. */
export async function selectBenignKeys(db: Db, keys: readonly string[]): Promise<string[]> {
  return (await db.query<{ key: string }>`SELECT key FROM "BenignContact" WHERE key = ANY(${keys}::text[])`).map((r) => r.key);
}
