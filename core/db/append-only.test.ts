import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../../test/isolation.ts';

describe('AuditEvent is append-only in the database', () => {
  let iso: Isolated;
  beforeAll(async () => {
    iso = await isolate();
  });
  afterAll(async () => iso?.cleanup());

  it('accepts inserts and refuses updates, deletes and truncation', async () => {
    const e = await iso.db.prisma.auditEvent.create({
      data: { actor: 'key:1', action: 'claim', subjectType: 'review_item', subjectId: 'x' },
    });
    expect(await iso.db.prisma.auditEvent.count()).toBe(1);
    await expect(iso.db.prisma.auditEvent.update({ where: { id: e.id }, data: { actor: 'someone-else' } })).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(iso.db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only: DELETE/);
    await expect(iso.db.execute`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await iso.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ actor: 'key:1' });
  });
});
