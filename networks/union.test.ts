/**
 * The union step against real Postgres: redelivery changes nothing, and two workers merging the
 * same networks at the same moment end with one consistent network (the advisory lock).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../test/isolation.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { vouchForPost } from './known-contacts.ts';
import { addToNetworks, type NetworkMemberInput } from './union.ts';

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
const phone = (n: number) => ({ key: `phone:+4479111234${String(n).padStart(2, '0')}`, kind: 'phone' as const });
const handle = (h: string) => ({ key: `handle:@${h}`, kind: 'handle' as const });

describe('addToNetworks', () => {
  let iso: Isolated;
  let posts: string[];
  beforeAll(async () => {
    iso = await isolate();
    posts = (
      await seedReviewItems(
        iso.db,
        Array.from({ length: 8 }, () => ({})),
      )
    ).map((s) => s.postId);
  });
  afterAll(async () => iso?.cleanup());

  const add = (input: NetworkMemberInput[]) => iso.db.transaction((tx) => addToNetworks(tx, input));

  it('is idempotent: the same posts again change nothing', async () => {
    const input = [
      { postId: posts[0]!, seenAt: day(1), entities: [phone(1)] },
      { postId: posts[1]!, seenAt: day(2), entities: [phone(1), handle('one')] },
    ];
    expect(await add(input)).toEqual({ added: 2, created: 1, merged: 0, raised: 0 });
    expect(await add(input)).toEqual({ added: 0, created: 0, merged: 0, raised: 0 });
    const [n] = await iso.db.prisma.network.findMany();
    expect(n).toMatchObject({ postCount: 2, entityCount: 2, firstSeenAt: day(1), lastSeenAt: day(2), mergedIntoId: null });
    expect(await iso.db.prisma.postEntity.count()).toBe(3);
  });

  it('merges concurrently bridged networks into one, whatever the interleaving', async () => {
    await add([{ postId: posts[2]!, seenAt: day(3), entities: [handle('two')] }]);
    await add([{ postId: posts[3]!, seenAt: day(4), entities: [handle('three')] }]);
    expect(await iso.db.prisma.network.count({ where: { mergedIntoId: null } })).toBe(3);
    // Two workers at once: one bridges 1↔2, the other 2↔3.
    await Promise.all([
      add([{ postId: posts[4]!, seenAt: day(5), entities: [phone(1), handle('two')] }]),
      add([{ postId: posts[5]!, seenAt: day(6), entities: [handle('two'), handle('three')] }]),
    ]);
    const live = await iso.db.prisma.network.findMany({ where: { mergedIntoId: null } });
    expect(live).toHaveLength(1);
    const oldest = (await iso.db.prisma.network.findMany({ orderBy: { id: 'asc' } }))[0]!;
    expect(live[0]).toMatchObject({ id: oldest.id, postCount: 6, entityCount: 4, firstSeenAt: day(1), lastSeenAt: day(6) });
    expect(await iso.db.prisma.networkMember.count({ where: { networkId: oldest.id } })).toBe(6);
    expect(await iso.db.prisma.networkEntity.count({ where: { networkId: oldest.id } })).toBe(4);
    // Every merged-away network points straight at the live one.
    expect(await iso.db.prisma.network.count({ where: { mergedIntoId: oldest.id } })).toBe(2);
  });

  it('ignores posts without contact points', async () => {
    expect(await add([{ postId: posts[6]!, seenAt: day(7), entities: [] }])).toEqual({ added: 0, created: 0, merged: 0, raised: 0 });
    expect(await iso.db.prisma.networkMember.findUnique({ where: { postId: posts[6]! } })).toBeNull();
  });

  it('keeps referred/confirmed counts right across merges, even when a vouch races a merge', async () => {
    const [a, b, c] = (await seedReviewItems(iso.db, [{}, {}, {}])).map((s) => s.postId);
    await add([{ postId: a!, seenAt: day(8), entities: [handle('vouch_x')] }]);
    await add([{ postId: b!, seenAt: day(9), entities: [handle('vouch_y')] }]);
    const vouch = (postId: string) => iso.db.transaction((tx) => vouchForPost(tx, postId));
    await vouch(a!);
    await vouch(a!); // counted once
    const networkOf = async (postId: string) => (await iso.db.prisma.networkMember.findUniqueOrThrow({ where: { postId } })).networkId;
    expect((await iso.db.prisma.network.findUniqueOrThrow({ where: { id: await networkOf(a!) } })).vouchedCount).toBe(1);
    await Promise.all([vouch(b!), add([{ postId: c!, seenAt: day(10), entities: [handle('vouch_x'), handle('vouch_y')] }])]);
    const live = await networkOf(c!);
    expect([await networkOf(a!), await networkOf(b!)]).toEqual([live, live]);
    expect((await iso.db.prisma.network.findUniqueOrThrow({ where: { id: live } })).vouchedCount).toBe(2);
    expect(await iso.db.prisma.networkMember.count({ where: { networkId: live, vouched: true } })).toBe(2);
  });
});
