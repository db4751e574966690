/**
 * Hostile input cannot make the detector super-linear (issue #17, point 6). A post is at most
 * 20,000 characters, but "1 1 1 …" of that length once took 0.7 s to classify (the letter-spacing
 * rewrite rescanned the run from every token), and 30 such posts held a worker past its job lock.
 *
 * Property: for adversarial texts (spaced digits and letters, separators, digit groups and runs,
 * emoji, combining marks, zero-width characters, mixed scripts, entity look-alikes) of up to
 * 20,000 characters, classify's time per character stays within FACTOR of ordinary corpus text of
 * the same length, timed in the same run. classify covers every stage: folding, word rewriting,
 * tokens, language ID, lexicons, entities (regexes, libphonenumber), hashing and the model.
 *
 * Timing on a shared machine: CPU time, not wall time; each side is warmed up, then timed REPS
 * times, interleaved, and the fastest of each is compared; a case over FACTOR is timed again
 * with more repetitions before it fails. Every repetition gets fresh text from the same generator
 * (a new seed), so caches (phone numbers, clusters, tokens) cannot hide the first-sight cost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDetector, MAX_TEXT_CHARS } from './index.ts';
import { readSplit } from './model/corpus.ts';
import { mulberry32 } from './model/random.ts';

const detector = await loadDetector();

/** Allowed ratio of adversarial to ordinary time per character (measured: at most about 1.5). */
const FACTOR = 5;
const REPS = 7;
const RETRY_REPS = 11;
const MIN_LENGTH = 5_000;

const sample = <T>(items: readonly T[]) => fc.constantFrom(...items);
const LETTERS = [...'abcdegijlnostuxyzаоеіρνωσΣİıăêđسلا'];
const DIGITS = [...'0123456789٠٣۴'];
const MARKS = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i)).concat([
  '\u0591',
  '\u05b0',
  '\u064b',
  '\u0670',
  '\u20d0',
]);
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufe0f', '\u202e', '\u061c'];
const EMOJI = ['🚤', '⛵', '😀', '🇬🇧', '🇫🇷', '🇿🇿', '👨‍👩‍👧', '💶', '📞', '✈️', '\ud83d'];

/** One piece of an adversarial text; a text is pieces drawn at random from a small set of them. */
const piece = fc.oneof(
  // "g u a r d", "b.0.a.t", "1 1 1", "a-b-c", "x/y/z": single characters and a separator.
  fc.tuple(fc.oneof(sample(LETTERS), sample(DIGITS)), sample([' ', '.', '-', '_', '/', '*', '·', '', '. '])).map(([c, s]) => c + s),
  // Digit groups and runs: "111 ", "1,000", "0770", phone and price look-alikes.
  fc
    .tuple(fc.array(sample(DIGITS), { minLength: 1, maxLength: 4 }), sample([' ', ',', '.', '', '\u00a0', '-', ') (']))
    .map(([d, s]) => d.join('') + s),
  // Emoji runs, flags, joiners.
  sample(EMOJI),
  // A base letter and combining marks (up to 40), or marks alone (unbounded runs when repeated).
  fc
    .tuple(fc.option(sample(LETTERS), { nil: '' }), fc.array(sample(MARKS), { minLength: 1, maxLength: 40 }))
    .map(([b, m]) => b + m.join('')),
  // Zero-width and bidi controls, alone or inside a word.
  fc.tuple(sample(LETTERS), sample(INVISIBLE)).map(([c, z]) => c + z),
  // Mixed-script words (homoglyph, leet and repeat rewriting).
  fc.array(fc.oneof(sample(LETTERS), sample(['0', '1', '3', '@', '$'])), { minLength: 1, maxLength: 12 }).map((w) => w.join('') + ' '),
  // Entity look-alikes: handles, messenger links, currencies, prefixes.
  sample([
    '@abcd',
    '@x_y.z ',
    't.me/',
    'wa.me/',
    'wa.me/44',
    'viber://chat?number=',
    '+44',
    '00',
    '€',
    '£ ',
    ' k',
    ' euro',
    'http://',
    '.',
    '@',
    '$',
  ]),
  // Long runs of one character: what a pattern may retry from each position of.
  fc
    .tuple(sample(['.', ',', '-', '_', '/', ' ', '1', 'a', '@', '€', '\u0301', '\u200d', '🚤']), fc.integer({ min: 10, max: 5_000 }))
    .map(([c, k]) => c.repeat(k)),
);

interface Case {
  pieces: string[];
  seed: number;
  length: number;
  lang: string | null;
}

const hostileCase: fc.Arbitrary<Case> = fc.record({
  pieces: fc.array(piece, { minLength: 1, maxLength: 6 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  length: fc.integer({ min: MIN_LENGTH, max: MAX_TEXT_CHARS }),
  lang: sample([null, 'en', 'ar']),
});

/** `length` characters of pieces drawn with the seed (never whitespace only: that is rejected). */
function hostileText(c: Case, seed: number): string {
  const rand = mulberry32(seed);
  const parts: string[] = [];
  for (let n = 0; n < c.length;) {
    const p = c.pieces[Math.floor(rand() * c.pieces.length)]!;
    parts.push(p);
    n += p.length;
  }
  const text = parts.join('').slice(0, c.length);
  return /\S/.test(text) ? text : `x${text.slice(1)}`;
}

const corpus = readSplit('test').map((p) => p.text);

/** `length` characters of corpus posts, from post `offset` on. */
function ordinaryText(offset: number, length: number): string {
  const parts: string[] = [];
  for (let n = 0, i = offset; n < length; i++) {
    const p = corpus[i % corpus.length]!;
    parts.push(p);
    n += p.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

/** CPU time of one classify (ms): on a shared machine, wall time also counts waiting for a core. */
function timeClassify(text: string, lang: string | null): number {
  const start = process.cpuUsage();
  detector.classify([{ id: 'p', text, lang }]);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Fastest hostile time over fastest ordinary time, for texts of the case's length. */
function ratio(c: Case, reps: number): number {
  timeClassify(hostileText(c, c.seed), c.lang);
  timeClassify(ordinaryText(c.seed, c.length), c.lang);
  let hostile = Infinity;
  let ordinary = Infinity;
  for (let r = 1; r <= reps; r++) {
    hostile = Math.min(hostile, timeClassify(hostileText(c, c.seed + r), c.lang));
    ordinary = Math.min(ordinary, timeClassify(ordinaryText(c.seed + r * 97, c.length), c.lang));
  }
  return hostile / ordinary;
}

/** The shapes that were super-linear or slow, first (all but the link numbers failed on the old code). */
const KNOWN: Case[] = [
  { pieces: ['1 '], seed: 1, length: MAX_TEXT_CHARS, lang: null }, // letter-spacing rewrite
  { pieces: ['a ', '1 '], seed: 2, length: MAX_TEXT_CHARS, lang: 'en' },
  { pieces: ['111 '], seed: 3, length: MAX_TEXT_CHARS, lang: null }, // price regex backtracking
  { pieces: ['\u0301\u0316', '\u0316\u0301', '\u0327\u0301'], seed: 4, length: MAX_TEXT_CHARS, lang: null }, // NFKC mark reordering
  { pieces: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], seed: 5, length: MAX_TEXT_CHARS, lang: null }, // libphonenumber
  { pieces: ['wa.me/44', ' 0', '5', '7', '9', '1', '2', '3', '4'], seed: 6, length: MAX_TEXT_CHARS, lang: null }, // link numbers
  { pieces: [`t.me/${'.'.repeat(5_000)}x `], seed: 7, length: MAX_TEXT_CHARS, lang: null }, // a link's trailing-dots regex
];

describe('detector time on hostile input', () => {
  it(`stays within ${FACTOR}× ordinary text per character, up to ${MAX_TEXT_CHARS} characters`, () => {
    const worst: { ratio: number; c?: Case } = { ratio: 0 };
    fc.assert(
      fc.property(hostileCase, (c) => {
        let r = ratio(c, REPS);
        // One slow round on a loaded machine is not a super-linear detector: time it again (not
        // when it is far over, which load does not explain).
        if (r > FACTOR && r < 3 * FACTOR) r = Math.min(r, ratio(c, RETRY_REPS));
        if (r > worst.ratio) Object.assign(worst, { ratio: r, c });
        expect(r, `${JSON.stringify(c.pieces).slice(0, 200)} × ${c.length} chars, lang ${c.lang}`).toBeLessThanOrEqual(FACTOR);
      }),
      // No shrinking: every shrink step would re-time a slow case, and the case is printed anyway.
      { numRuns: 40, endOnFailure: true, examples: KNOWN.map((c) => [c]) },
    );
    console.log(`worst ratio ${worst.ratio.toFixed(2)} for ${JSON.stringify(worst.c?.pieces).slice(0, 200)} (${worst.c?.length} chars)`);
  });
});
