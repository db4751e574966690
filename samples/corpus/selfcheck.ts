// Self-check for the generated corpus and demo feed: re-reads the written files, prints counts
// (markdown tables pasted into README.md) and asserts the requirements of the corpus issue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, LANGS, NEG_KINDS, PLATFORMS } from './phrases/types.ts';
import { dedupKey, jaccard, tokens } from './dedup.ts';

interface R {
  id: string;
  text: string;
  label: number;
  lang: string;
  category: string;
  kind: string;
  obfuscated: boolean;
  platform: string;
  split: string;
  ambiguous?: boolean;
}
const SPLITS = ['train', 'validation', 'test'] as const;
const MARKERS: Record<string, RegExp> = {
  ckb: /[ێۆڕڵەھ]/,
  ps: /[ټډړښږځڅېۍ]/,
  kmr: /[êîûçşÊÎÛÇŞ]/,
  vi: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
  tr: /[ğışçöüİĞŞ]/,
  sq: /[ëçË]/,
  fa: /[پچژگک‌ی]/,
  ar: /[\u0621-\u064A]/,
  fr: /[éèàêçùôî]|\b(le|la|les|pour|avec)\b/i,
  en: /\b(the|to|and|for|in)\b/i,
};

function assert(cond: boolean, msg: string): void {
  if (!cond) throw new Error(`SELF-CHECK FAILED: ${msg}`);
  console.log(`  ok  ${msg}`);
}
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function selfCheck(dir: string): void {
  const rows: R[] = [];
  for (const sp of SPLITS) {
    readFileSync(join(dir, `${sp}.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .forEach((line, i) => {
        let o: R;
        try {
          o = JSON.parse(line) as R;
        } catch {
          throw new Error(`${sp}.jsonl line ${i + 1}: invalid JSON`);
        }
        rows.push({ ...o, split: sp });
      });
  }
  const n = rows.length;
  const cnt = (f: (r: R) => boolean) => rows.filter(f).length;
  console.log('\n### Per language\n');
  console.log(
    table(
      ['lang', 'adverts', 'negatives', 'obfuscated adverts', 'obfuscated negatives', 'total', 'script markers'],
      [
        ...LANGS.map((l) => {
          const mine = rows.filter((r) => r.lang === l);
          const m = mine.filter((r) => MARKERS[l]!.test(r.text)).length;
          return [
            l,
            cnt((r) => r.lang === l && r.label === 1),
            cnt((r) => r.lang === l && r.label === 0),
            cnt((r) => r.lang === l && r.label === 1 && r.obfuscated),
            cnt((r) => r.lang === l && r.label === 0 && r.obfuscated),
            mine.length,
            `${Math.round((100 * m) / mine.length)}%`,
          ];
        }),
        [
          '**all**',
          cnt((r) => r.label === 1),
          cnt((r) => r.label === 0),
          cnt((r) => r.label === 1 && r.obfuscated),
          cnt((r) => r.label === 0 && r.obfuscated),
          n,
          '',
        ],
      ],
    ),
  );
  console.log('\n### Per kind / category\n');
  console.log(
    table(
      ['kind', 'count'],
      ['advert', ...NEG_KINDS, 'seeker', 'document_service', 'ambiguous'].map((k) => [k, cnt((r) => r.kind === k)]),
    ),
  );
  console.log();
  console.log(
    table(
      ['category (adverts)', 'count'],
      CATEGORIES.map((c) => [c, cnt((r) => r.category === c)]),
    ),
  );
  console.log('\n### Per split\n');
  console.log(
    table(
      ['split', 'adverts', 'negatives', 'total', 'share'],
      SPLITS.map((s) => [
        s,
        cnt((r) => r.split === s && r.label === 1),
        cnt((r) => r.split === s && r.label === 0),
        cnt((r) => r.split === s),
        `${((100 * cnt((r) => r.split === s)) / n).toFixed(1)}%`,
      ]),
    ),
  );
  console.log('\n### Per platform\n');
  console.log(
    table(
      ['platform', 'adverts', 'negatives'],
      PLATFORMS.map((p) => [p, cnt((r) => r.platform === p && r.label === 1), cnt((r) => r.platform === p && r.label === 0)]),
    ),
  );

  console.log('\nAssertions:');
  assert(n >= 3000, `total ${n} >= 3000`);
  assert(
    LANGS.every((l) => cnt((r) => r.lang === l) >= 200),
    'every one of the 10 languages has >= 200 posts',
  );
  assert(new Set(rows.map((r) => r.lang)).size === 10, 'exactly the ten languages present');
  const negShare = cnt((r) => r.label === 0) / n;
  assert(negShare >= 0.4, `negatives ${(100 * negShare).toFixed(1)}% >= 40%`);
  const pos = cnt((r) => r.label === 1);
  const obf = cnt((r) => r.label === 1 && r.obfuscated) / pos;
  assert(obf >= 0.12 && obf <= 0.25, `obfuscated adverts ${(100 * obf).toFixed(1)}% of positives`);
  assert(cnt((r) => r.label === 0 && r.obfuscated) > 0, 'some obfuscated hard negatives');
  assert(
    rows.every(
      (r) =>
        (r.ambiguous === true) === (r.kind === 'ambiguous') &&
        (r.ambiguous
          ? r.category === 'none'
          : (r.label === 1) === (r.kind === 'advert') &&
            (r.label === 1 ? (CATEGORIES as readonly string[]).includes(r.category) : r.category === 'none')),
    ),
    'label 1 <=> kind advert (ambiguous posts aside); negatives and ambiguous posts have category none',
  );
  const amb = cnt((r) => r.ambiguous === true) / n;
  assert(amb > 0 && amb < 0.08, `ambiguous posts ${(100 * amb).toFixed(1)}% of all (a small minority)`);
  const clearNeg = cnt((r) => r.label === 0 && !r.ambiguous) / n;
  assert(clearNeg >= 0.4, `clear hard negatives ${(100 * clearNeg).toFixed(1)}% >= 40%`);
  assert(
    rows.every(
      (r) => (PLATFORMS as readonly string[]).includes(r.platform) && typeof r.obfuscated === 'boolean' && r.text.trim().length > 0,
    ),
    'platform/obfuscated/text valid',
  );
  assert(
    rows.every((r) => new RegExp(`^${r.lang}-\\d{4}$`).test(r.id)) && new Set(rows.map((r) => r.id)).size === n,
    'ids <lang>-<nnnn> and unique',
  );
  for (const s of SPLITS) {
    const share = cnt((r) => r.split === s) / n;
    const want = s === 'train' ? 0.7 : 0.15;
    assert(Math.abs(share - want) < 0.02, `${s} share ${(100 * share).toFixed(1)}% ~ ${100 * want}%`);
  }
  const keySplit = new Map<string, string>();
  let cross = 0;
  for (const r of rows) {
    const k = dedupKey(r.text);
    if (keySplit.has(k) && keySplit.get(k) !== r.split) cross++;
    keySplit.set(k, r.split);
  }
  assert(cross === 0, 'no duplicate (normalised) texts across splits');
  assert(new Set(rows.map((r) => r.text)).size === n, 'no exact duplicate texts at all');
  let near = 0;
  for (const l of LANGS) {
    const train = rows.filter((r) => r.lang === l && r.split === 'train' && !r.obfuscated).map((r) => tokens(r.text));
    for (const r of rows.filter((x) => x.lang === l && x.split !== 'train' && !x.obfuscated)) {
      const t = tokens(r.text);
      if (train.some((s) => jaccard(s, t) >= 0.8)) near++;
    }
  }
  assert(near === 0, `no near-duplicates (token Jaccard >= 0.8) between train and validation/test (found ${near})`);

  const posts = readFileSync(join(dir, '..', 'posts.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const texts = posts.map((p) => String(p.text));
  const reup = texts.length - new Set(texts).size;
  const testKeys = new Set(rows.filter((r) => r.split === 'test').map((r) => dedupKey(r.text)));
  console.log(
    `\nDemo posts: ${posts.length}, with lang: ${posts.filter((p) => 'lang' in p).length}, re-uploads: ${reup}, languages: ${new Set(posts.map((p) => p.lang).filter(Boolean)).size}`,
  );
  assert(posts.length >= 240, `posts.jsonl has ${posts.length} >= 240 posts`);
  assert(new Set(posts.map((p) => `${p.platform}:${p.platformPostId}`)).size === posts.length, 'platformPostId unique');
  assert(reup >= 3 && reup <= 4, `${reup} exact re-uploads`);
  assert(
    posts.every(
      (p) =>
        (PLATFORMS as readonly string[]).includes(String(p.platform)) &&
        String(p.url).startsWith('https://') &&
        String(p.url).includes(String(p.platformPostId).split('/').pop()!),
    ),
    'platform + url carry the id',
  );
  assert(
    posts.every((p) => {
      const t = String(p.postedAt);
      return /^2026-(09|10|11)-\d\dT/.test(t) && !Number.isNaN(Date.parse(t));
    }),
    'postedAt ISO 8601 within 2026-09..2026-11',
  );
  const lp = posts.filter((p) => !('lang' in p)).length / posts.length;
  assert(lp > 0.25 && lp < 0.42, `lang omitted on ${(100 * lp).toFixed(0)}% of posts`);
  assert(
    texts.every((t) => !testKeys.has(dedupKey(t))),
    'no demo post copied from the test split',
  );
  console.log('\nSelf-check passed.');
}
