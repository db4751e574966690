/**
 * Input and offline expectations for test/scale-out.test.ts: corpus posts with exact re-uploads,
 * seed adverts a reviewer confirms, and near-duplicates of those seeds; each post's expected
 * outcome worked out in the test process from the detector and the near-duplicate rule alone,
 * without Redis, PostgreSQL or any worker, so several worker processes must land on the same.
 */
import type { PostInput } from '../core/post-input.ts';
import type { Detector } from '../detector/detector.ts';
import { NEAR_DUPLICATE_MIN_SIMILARITY, signatureOf, similarity, type Signature } from '../networks/near-duplicate.ts';
import { routeByScore, type RoutedOutcome } from '../workers/route.ts';
import { corpusRows } from './corpus-rows.ts';

/** Corpus posts avoid telegram: its automated referrals are kept to the near-duplicates of confirmed seeds. */
const CORPUS_PLATFORMS = ['facebook', 'instagram', 'tiktok', 'x', 'youtube', 'snapchat'] as const;
/** The platform the test opts in to automated referral. */
export const AUTO_REFER_PLATFORM = 'telegram';

const PLACES = ['Calais', 'Dunkirk', 'Boulogne', 'Gravelines', 'Le Havre', 'Cherbourg', 'Ostend', 'Zeebrugge', 'Dieppe', 'Wimereux'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'weekend', 'tonight', 'tomorrow'];

/**
 * Adverts a reviewer confirms before the run. Their contact points appear nowhere in the corpus,
 * so confirming them (which makes their contacts known) changes no corpus post's route.
 */
export function seedPosts(n: number): PostInput[] {
  return Array.from({ length: n }, (_, k) => ({
    platform: 'facebook',
    platformPostId: `seed-${k}`,
    url: `https://example.org/facebook/seed-${k}`,
    text:
      `Small boat to the UK leaving ${DAYS[k % DAYS.length]} from ${PLACES[k % PLACES.length]}, guaranteed crossing, ` +
      `${1100 + 50 * k} euro each, life jackets included, no papers needed, call or WhatsApp +44 7911 402${String(k).padStart(3, '0')}, ` +
      `ask for boatlink_tw${k}`,
    lang: 'en',
  }));
}

/** A re-upload of a seed with another price and a word more: a near-duplicate, not an exact one. */
function variantOf(seed: PostInput, tag: string, v: number): PostInput {
  return {
    platform: AUTO_REFER_PLATFORM,
    platformPostId: `${tag}-${seed.platformPostId}-variant-${v}`,
    url: `https://example.org/telegram/${tag}-${seed.platformPostId}-variant-${v}`,
    text: `${seed.text.replace(/(\d+) euro/, (_, p: string) => `${Number(p) + 10 * (v + 1)} euro`)} ${['hurry', 'last places', 'DM now'][v % 3]}`,
    lang: v % 2 ? null : 'en',
  };
}

/**
 * `n` corpus posts from `offset` on, tagged `tag`, a third without a language; every 20th re-uploads
 * the post before it unchanged and every 20th from the 10th upper-cased with punctuation added (a
 * `duplicate` by content hash, except where lower-casing does not undo upper-casing: Turkish İ comes
 * back as i + U+0307, so those are new content); then two near-duplicates of each seed on the auto-referring platform,
 * the `round`-th pair of them (each round's differ from the others').
 */
export function batchPosts(tag: string, n: number, offset: number, seeds: readonly PostInput[], round: number): PostInput[] {
  const rows = corpusRows();
  const out: PostInput[] = [];
  for (let i = 0; i < n; i++) {
    const r = rows[(offset + i) % rows.length]!;
    const platform = CORPUS_PLATFORMS[i % CORPUS_PLATFORMS.length]!;
    const previous = out.at(-1)?.text;
    let text = `${r.text} #${tag}-${i}`;
    if (previous && i % 20 === 19) text = previous;
    else if (previous && i % 20 === 9) text = `${previous.toUpperCase()} !!`;
    out.push({
      platform,
      platformPostId: `${tag}-${i}`,
      url: `https://example.org/${platform}/${tag}-${i}`,
      text,
      lang: i % 3 === 0 ? null : r.lang,
    });
  }
  seeds.forEach((s) => out.push(variantOf(s, tag, 2 * round), variantOf(s, tag, 2 * round + 1)));
  return out;
}

export interface Expected {
  outcome: RoutedOutcome;
  score: number;
  decision: string;
  /** Near-duplicate of a confirmed seed (so a referral candidate whatever its score). */
  nearConfirmed: boolean;
}

/**
 * What classify must decide for `post` if it is the one of its content that gets classified: the
 * detector's score and route, or referral candidate when it nearly duplicates a confirmed post
 * (shares an LSH band key with it at or above the similarity threshold, as near-duplicate-store.ts decides).
 */
export function expectedOf(detector: Detector, confirmed: readonly Signature[], post: PostInput): Expected {
  const r = detector.classify([{ id: post.platformPostId, text: post.text, lang: post.lang ?? null }])[0]!;
  const sig = signatureOf(post.text);
  const nearConfirmed = confirmed.some(
    (c) => c.bands.some((b) => sig.bands.includes(b)) && similarity(sig.minhash, c.minhash) >= NEAR_DUPLICATE_MIN_SIMILARITY,
  );
  return {
    outcome: nearConfirmed ? 'referral_candidate' : routeByScore(r.score, detector.thresholds),
    score: r.score,
    decision: r.decision,
    nearConfirmed,
  };
}
