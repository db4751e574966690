/**
 * Benign contacts: hotline, police and NGO numbers (and their handles and links) that warnings and
 * news quote next to smuggling vocabulary. A lead marks one with a note; from then on it never
 * raises a post as `known_contact` and never links a post into a network (classify reads the list
 * in its lookup, known-contacts.ts). Existing links are left as they are: posts already in a
 * network stay there (a reviewer has seen them in that context), only future links stop. Marking
 * and unmarking are audited.
 */
import { appendAudit } from '../core/audit.ts';
import type { Db } from '../core/db/index.ts';
import { DomainError } from '../core/errors.ts';
import { extractEntities } from '../detector/extract/index.ts';
import { entitiesOf } from './entities.ts';
import {
  deleteBenignContact,
  selectBenignContact,
  selectBenignContacts,
  selectBenignKeys,
  upsertBenignContact,
  type BenignContactRow,
} from './sql/contacts.ts';

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

const view = (r: BenignContactRow): BenignContact => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Marks a contact benign (or updates its note); returns the stored row. */
export async function addBenign(db: Db, contact: string, note: string, actor: string): Promise<BenignContact> {
  const key = contactKey(contact);
  const text = note.trim();
  if (!text || text.length > MAX_NOTE)
    throw new BenignContactError('bad_request', `note: must be 1–${MAX_NOTE} characters (say whose contact it is)`);
  return db.transaction(async (tx) => {
    const before = await selectBenignContact(tx, key);
    const after = view(await upsertBenignContact(tx, { key, note: text, actor }));
    const audit = { actor, action: 'contact.benign_add', subjectType: 'contact', subjectId: key } as const;
    await appendAudit(tx, { ...audit, before: before ? view(before) : undefined, after });
    return after;
  });
}

export async function listBenign(db: Db): Promise<BenignContact[]> {
  return (await selectBenignContacts(db)).map(view);
}

/** Which of `keys` are benign (for pages that show a button per contact). */
export async function benignKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  return new Set(await selectBenignKeys(db, keys));
}

/** Unmarks a contact: it counts and links again for posts classified from then on. */
export async function removeBenign(db: Db, contact: string, actor: string): Promise<BenignContact> {
  const key = contactKey(contact);
  return db.transaction(async (tx) => {
    const row = await deleteBenignContact(tx, key);
    if (!row) throw new BenignContactError('not_found', `contact ${key} is not marked benign`);
    await appendAudit(tx, { actor, action: 'contact.benign_remove', subjectType: 'contact', subjectId: key, before: view(row) });
    return view(row);
  });
}
