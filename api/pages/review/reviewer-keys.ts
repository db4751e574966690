/**
 * What the review pages read from and write to the signed-in person's API key: the display names
 * of claim holders (claims store key ids) and the single-key shortcut preference.
 */
import type { PoolDb } from '../../../core/db/index.ts';

/** key id → key name, for the ids given (unknown ids are left out). */
export async function keyNames(db: PoolDb, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.prisma.apiKey.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Whether this key's person wants single-key shortcuts (on unless turned off). */
export async function shortcutsEnabled(db: PoolDb, keyId: string): Promise<boolean> {
  const row = await db.prisma.apiKey.findUnique({ where: { id: keyId }, select: { shortcutsEnabled: true } });
  return row?.shortcutsEnabled ?? true;
}

export async function setShortcutsEnabled(db: PoolDb, keyId: string, enabled: boolean): Promise<void> {
  await db.prisma.apiKey.update({ where: { id: keyId }, data: { shortcutsEnabled: enabled } });
}
