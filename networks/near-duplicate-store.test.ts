/**
 * The near-duplicate scan against real Postgres, for signatures this process has not seen (stored
 * by another worker or before a restart) and for a cached signature that no longer fits its id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../test/isolation.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { minhashBytes, signatureOf } from './near-duplicate.ts';
import { findNearDuplicates, saveNearDuplicates } from './near-duplicate-store.ts';

const advert = 'Boat to UK this week, 100% guaranteed, 1500€ per person, kids half price. WhatsApp +44 7911 123456';
const lorry = 'Lorry to Germany from Calais, hidden and safe, 2000€, call Telegram @safe_trip_de any time';

describe('findNearDuplicates', () => {
  let iso: Isolated;
  let stored: string[];
  beforeAll(async () => {
    iso = await isolate();
    stored = (await seedReviewItems(iso.db, [{}, {}])).map((s) => s.postId);
  });
  afterAll(async () => iso?.cleanup());

  /** Writes a signature as another process would: straight to the tables, not through this module. */
  async function storeElsewhere(postId: string, text: string): Promise<void> {
    const sig = signatureOf(text);
    await iso.db.$executeRaw`INSERT INTO "PostSignature" ("postId", minhash) VALUES (${postId}::uuid, decode(${minhashBytes(sig.minhash).toString('hex')}, 'hex'))`;
    await iso.db.$executeRaw`INSERT INTO "NearDuplicateBand" (band, "postId") SELECT unnest(${Array.from(sig.bands)}::int[]), ${postId}::uuid`;
  }
  const scan = (text: string) => findNearDuplicates(iso.db, [{ id: crypto.randomUUID(), text, ingestedAt: new Date() }]);

  it('reads the minima of a stored post it has not signed, then serves them from its cache', async () => {
    await storeElsewhere(stored[0]!, advert);
    const edit = advert.replace('this week', 'this weekend');
    for (let pass = 0; pass < 2; pass++) {
      const { matches } = await scan(edit);
      const [match] = [...matches.values()];
      expect(match).toMatchObject({ earlierPostId: stored[0], confirmed: false });
      expect(match!.similarity).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('stores minima in the byte order the int[] → bytea migration wrote them (int4send)', async () => {
    const { minhash } = signatureOf(advert);
    const [row] = await iso.db.$queryRaw<{ hex: string }[]>`
      SELECT encode(string_agg(int4send(u.v), ''::bytea ORDER BY u.o), 'hex') AS hex FROM unnest(${Array.from(minhash)}::int[]) WITH ORDINALITY AS u(v, o)`;
    expect(row!.hex).toBe(minhashBytes(minhash).toString('hex'));
  });

  it('does not trust a cached signature whose band keys are not the stored ones', async () => {
    await storeElsewhere(stored[1]!, lorry);
    // This process believes stored[1] is the advert (its own insert is a no-op: the row exists).
    await iso.db.$transaction((tx) => saveNearDuplicates(tx, { signatures: new Map([[stored[1]!, signatureOf(advert)]]), matches: new Map() }, () => true));
    const { matches } = await scan(lorry.replace('any time', 'anytime'));
    expect([...matches.values()]).toMatchObject([{ earlierPostId: stored[1] }]);
    expect((await scan('Nothing like either of them: a ferry timetable for Dover')).matches.size).toBe(0);
  });
});
