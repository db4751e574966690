/**
 * The near-duplicate scan against real Postgres, for signatures this process has not seen (stored
 * by another worker or before a restart) and for a cached signature that no longer fits its id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolate, type Isolated } from '../test/isolation.ts';
import { seedReviewItems } from '../test/review-fixtures.ts';
import { minhashBytes, signatureOf } from './near-duplicate.ts';
import { findNearDuplicates, indexConfirmedPost, saveNearDuplicates } from './near-duplicate-store.ts';
import { BAND_CANDIDATES_MAX, selectBandMatches } from './sql/near-duplicates.ts';

const advert = 'Boat to UK this week, 100% guaranteed, 1500€ per person, kids half price. WhatsApp +44 7911 123456';
const lorry = 'Lorry to Germany from Calais, hidden and safe, 2000€, call Telegram @safe_trip_de any time';
// Texts of their own for the tests that store signatures, so no test finds another's posts.
const flight = 'Flight to Italy with a real passport, 3000€, papers ready in one week, DM @docs_fast_it';
const van = 'Van to Belgium every Friday night, 800€ cash, no checks on this route, WhatsApp +32 470 12 34 56';
const ferry = 'Ferry seats to Dover hidden in a camper van, 1800€, leaving Dunkirk every Tuesday, Signal +33 6 12 34 56 78';

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
    await iso.db
      .execute`INSERT INTO "PostSignature" ("postId", minhash) VALUES (${postId}::uuid, decode(${minhashBytes(sig.minhash).toString('hex')}, 'hex'))`;
    await iso.db.execute`INSERT INTO "NearDuplicateBand" (band, "postId") SELECT unnest(${Array.from(sig.bands)}::int[]), ${postId}::uuid`;
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
    const [row] = await iso.db.query<{ hex: string }>`
      SELECT encode(string_agg(int4send(u.v), ''::bytea ORDER BY u.o), 'hex') AS hex FROM unnest(${Array.from(minhash)}::int[]) WITH ORDINALITY AS u(v, o)`;
    expect(row!.hex).toBe(minhashBytes(minhash).toString('hex'));
  });

  const bandRows = async (postId: string) =>
    (await iso.db.query<{ band: number }>`SELECT band FROM "NearDuplicateBand" WHERE "postId" = ${postId}::uuid ORDER BY band`).map(
      (r) => r.band,
    );
  const distinctSorted = (bands: ArrayLike<number>) => [...new Set(Array.from(bands))].sort((x, y) => x - y);

  it('stores a signature under a post id whose earlier post left band rows behind, and matches nothing against them', async () => {
    const [reused] = (await seedReviewItems(iso.db, [{}])).map((s) => s.postId);
    // A post deleted with its signature leaves its band rows (they have no foreign key); the id
    // comes back with the same text, so every band key collides with a stale row but one.
    const sig = signatureOf(flight);
    await iso.db
      .execute`INSERT INTO "NearDuplicateBand" (band, "postId") SELECT unnest(${Array.from(sig.bands).slice(1)}::int[]), ${reused}::uuid`;
    const scan = await findNearDuplicates(iso.db, [{ id: reused!, text: flight, ingestedAt: new Date() }]);
    expect([...scan.matches.values()].map((m) => m.earlierPostId)).not.toContain(reused);
    expect(scan.ownBands?.get(reused!)?.size).toBe(distinctSorted(sig.bands.slice(1)).length);
    await iso.db.transaction((tx) => saveNearDuplicates(tx, scan, () => true));
    expect(await bandRows(reused!)).toEqual(distinctSorted(sig.bands));
    const [stored] = await iso.db.query<{ n: number }>`SELECT count(*)::int AS n FROM "PostSignature" WHERE "postId" = ${reused}::uuid`;
    expect(stored!.n).toBe(1);
  });

  it('writes each band key of a post once, and nothing on a second save of the same post', async () => {
    const [post] = (await seedReviewItems(iso.db, [{}])).map((s) => s.postId);
    const { minhash, bands } = signatureOf(van);
    // Two bands of one post hashing to the same key (a 32-bit collision: rare, not impossible).
    const colliding = Int32Array.from(bands);
    colliding[3] = colliding[7]!;
    const scan = { signatures: new Map([[post!, { minhash, bands: colliding }]]), matches: new Map() };
    await iso.db.transaction((tx) => saveNearDuplicates(tx, scan, () => true));
    await iso.db.transaction((tx) => saveNearDuplicates(tx, scan, () => true));
    expect(await bandRows(post!)).toEqual(distinctSorted(colliding));
  });

  it("compares a re-upload with its cluster's representative, not every copy; a confirmed copy is found too", async () => {
    const [first, copy1, copy2] = (await seedReviewItems(iso.db, [{}, {}, {}])).map((s) => s.postId);
    const save = async (id: string, text: string) => {
      const scan = await findNearDuplicates(iso.db, [{ id, text, ingestedAt: new Date() }]);
      await iso.db.transaction((tx) => saveNearDuplicates(tx, scan, () => true));
      return scan;
    };
    await save(first!, ferry);
    expect([...(await save(copy1!, `${ferry}!`)).matches.values()]).toMatchObject([{ earlierPostId: first, confirmed: false }]);
    // The copy is linked and keeps its signature, but gets no band rows: the next copy meets the first post only.
    expect(await bandRows(copy1!)).toEqual([]);
    expect([...(await save(copy2!, `${ferry}!!`)).matches.values()]).toMatchObject([{ earlierPostId: first }]);
    expect(await bandRows(copy2!)).toEqual([]);
    // A reviewer confirms a copy (review/decisions.ts calls indexConfirmedPost): a later re-upload
    // is linked to it, confirmed, and so goes to referral candidate.
    await iso.db.execute`UPDATE "ReviewItem" SET status = 'confirmed' WHERE "postId" = ${copy1}::uuid`;
    await iso.db.transaction((tx) => indexConfirmedPost(tx, copy1!));
    expect(await bandRows(copy1!)).toEqual(distinctSorted(signatureOf(`${ferry}!`).bands));
    expect([...(await scan(`${ferry}?`)).matches.values()]).toMatchObject([{ earlierPostId: copy1, confirmed: true }]);
  });

  it('reads at most BAND_CANDIDATES_MAX posts per band key', async () => {
    const key = 0x5eed_cafe;
    await iso.db.execute`
      INSERT INTO "NearDuplicateBand" (band, "postId") SELECT ${key}::int, gen_random_uuid() FROM generate_series(1, ${BAND_CANDIDATES_MAX + 10})`;
    expect(await selectBandMatches(iso.db, [key])).toHaveLength(BAND_CANDIDATES_MAX);
    expect(await selectBandMatches(iso.db, [key, key + 1])).toHaveLength(BAND_CANDIDATES_MAX);
  });

  it('does not trust a cached signature whose band keys are not the stored ones', async () => {
    await storeElsewhere(stored[1]!, lorry);
    // This process believes stored[1] is the advert (its own insert is a no-op: the row exists).
    const again = { signatures: new Map([[stored[1]!, signatureOf(advert)]]), matches: new Map() };
    await iso.db.transaction((tx) => saveNearDuplicates(tx, again, () => true));
    const { matches } = await scan(lorry.replace('any time', 'anytime'));
    expect([...matches.values()]).toMatchObject([{ earlierPostId: stored[1] }]);
    expect((await scan('Nothing like either of them: a ferry timetable for Dover')).matches.size).toBe(0);
  });
});
