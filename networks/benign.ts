/**
 * Benign contacts: hotline, police and NGO numbers (and their handles and links) that warnings and
 * news quote next to smuggling vocabulary. A lead marks one with a note; from then on it never
 * raises a post as `known_contact` and never links a post into a network (classify reads the list
 * in its lookup, known-contacts.ts). Existing links are left as they are: posts already in a
 * network stay there (a reviewer has seen them in that context), only future links stop. Marking
 * and unmarking are audited.
 */
import { appendAudit } from '../core/audit.ts';
import type { Db, PoolDb } from '../core/db/index.ts';
import { DomainError } from '../core/errors.ts';
import { extractEntities } from '../detector/extract/index.ts';
import { entitiesOf } from './entities.ts';

export class BenignContactError extends DomainError {
  override readonly name = 'BenignContactError';
  declare readonly kind: 'bad_request' | 'not_found';
  constructor(kind: 'bad_request' | 'not_found', message: string) {
    super(kind, message);
  }
}

export interface BenignContact {
  key: string;
  note: string;
  createdBy: string;
  createdAt: string;
}

const KEY = /^(?:phone:\+\d{7,15}|handle:@[a-z][\w.]{3,31}|link:\S{3,300})$/;
const HANDLE = /^@[A-Za-z][\w.]{3,31}$/;
export const MAX_NOTE = 500;

/**
 * The entity key for a contact as a lead types it: a key (`phone:+44…`, `handle:@…`, `link:…`), a
 * phone number in any format the detector reads, `@handle`, or a messenger link.
 */
export function contactKey(input: string): string {
  const s = input.trim();
  if (/^(?:phone|handle|link):/.test(s)) {
    const key = s.startsWith('phone:') ? s : s.toLowerCase();
    if (!KEY.test(key)) throw new BenignContactError('bad_request', `contact: "${s.slice(0, 80)}" is not a well-formed entity key`);
    return key;
  }
  if (HANDLE.test(s)) return `handle:${s.toLowerCase()}`;
  const entities = s.length <= 300 ? entitiesOf(extractEntities(s), s) : [];
  if (entities.length !== 1) {
    throw new BenignContactError('bad_request', `contact: "${s.slice(0, 80)}" is not one phone number, @handle or messenger link`);
  }
  return entities[0]!.key;
}

type Row = { key: string; note: string; createdBy: string; createdAt: Date };
const view = (r: Row): BenignContact => ({ ...r, createdAt: r.createdAt.toISOString() });

const selectContact = async (tx: Db, key: string): Promise<Row | undefined> =>
  (await tx.query<Row>`SELECT key, note, "createdBy", "createdAt" FROM "BenignContact" WHERE key = ${key}`)[0];

/** Marks a contact benign (or updates its note); returns the stored row. */
export async function addBenign(db: PoolDb, contact: string, note: string, actor: string): Promise<BenignContact> {
  const key = contactKey(contact);
  const text = note.trim();
  if (!text || text.length > MAX_NOTE)
    throw new BenignContactError('bad_request', `note: must be 1–${MAX_NOTE} characters (say whose contact it is)`);
  return db.transaction(async (tx) => {
    const before = await selectContact(tx, key);
    const [row] = await tx.query<Row>`
      INSERT INTO "BenignContact" (key, note, "createdBy", "createdAt") VALUES (${key}, ${text}, ${actor}, now() AT TIME ZONE 'UTC')
      ON CONFLICT (key) DO UPDATE SET note = excluded.note
      RETURNING key, note, "createdBy", "createdAt"`;
    const after = view(row!);
    const audit = { actor, action: 'contact.benign_add', subjectType: 'contact', subjectId: key } as const;
    await appendAudit(tx, { ...audit, before: before ? view(before) : undefined, after });
    return after;
  });
}

export async function listBenign(db: PoolDb): Promise<BenignContact[]> {
  return (await db.prisma.benignContact.findMany({ orderBy: { key: 'asc' } })).map(view);
}

/** Which of `keys` are benign (for pages that show a button per contact). */
export async function benignKeys(db: PoolDb, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  return new Set((await db.prisma.benignContact.findMany({ where: { key: { in: [...keys] } }, select: { key: true } })).map((r) => r.key));
}

/** Unmarks a contact: it counts and links again for posts classified from then on. */
export async function removeBenign(db: PoolDb, contact: string, actor: string): Promise<BenignContact> {
  const key = contactKey(contact);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Row>`DELETE FROM "BenignContact" WHERE key = ${key} RETURNING key, note, "createdBy", "createdAt"`;
    if (!row) throw new BenignContactError('not_found', `contact ${key} is not marked benign`);
    await appendAudit(tx, { actor, action: 'contact.benign_remove', subjectType: 'contact', subjectId: key, before: view(row) });
    return view(row);
  });
}
