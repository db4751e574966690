// Builds the Tidewatch labelled multilingual corpus (samples/corpus/{train,validation,test}.jsonl)
// and the demo feed (samples/posts.jsonl). Deterministic: run `npx tsx samples/corpus/build-corpus.ts`.
// All texts are synthetic, written for this project; phone numbers are fictional (see README.md).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CATEGORIES,
  LANGS,
  NEG_KINDS,
  type Category,
  type Kind,
  type Lang,
  type LangPack,
  type NegKind,
  type Platform,
} from './phrases/types.ts';
import { chance, composeAdvert, composeNegative, mulberry32, shuffle, weighted, type Rng } from './compose.ts';
import { obfuscate } from './obfuscate.ts';
import { dedupKey, NearDupIndex } from './dedup.ts';
import { buildDemoPosts } from './demo-posts.ts';
import { selfCheck } from './selfcheck.ts';
import { composeShort, SHORT_TARGET, type ShortKind } from './compose-short.ts';
import { en } from './phrases/en.ts';
import { fr } from './phrases/fr.ts';
import { ar } from './phrases/ar.ts';
import { ckb } from './phrases/ckb.ts';
import { kmr } from './phrases/kmr.ts';
import { fa } from './phrases/fa.ts';
import { ps } from './phrases/ps.ts';
import { sq } from './phrases/sq.ts';
import { vi } from './phrases/vi.ts';
import { tr } from './phrases/tr.ts';

export const SEED = 20260917;
export const PACKS: Record<Lang, LangPack> = { en, fr, ar, ckb, kmr, fa, ps, sq, vi, tr };
const HERE = dirname(fileURLToPath(import.meta.url));
const AD_TARGET = 182;
const NEG_TARGET = 184;
const CAT_WEIGHT: Record<Category, number> = {
  boat_crossing: 0.3,
  lorry: 0.17,
  flight_documents: 0.18,
  land_route: 0.12,
  job_lure: 0.12,
  recruitment: 0.11,
};
const AD_PLATFORM: Record<Platform, number> = { facebook: 30, tiktok: 24, telegram: 20, instagram: 13, x: 5, youtube: 4, snapchat: 4 };
const NEG_PLATFORM: Record<Platform, number> = { facebook: 30, x: 18, instagram: 15, tiktok: 15, youtube: 10, telegram: 9, snapchat: 3 };

export type RowKind = Kind | 'seeker' | 'document_service' | 'ambiguous';
export interface Row {
  id: string;
  text: string;
  label: 0 | 1;
  lang: Lang;
  category: Category | 'none';
  kind: RowKind;
  obfuscated: boolean;
  platform: Platform;
  /** Genuinely ambiguous short post (label = best guess); trained towards the review band. */
  ambiguous?: true;
}
interface Draft extends Omit<Row, 'id'> {
  group: string;
}

function generateLanguage(pack: LangPack, rng: Rng, index: NearDupIndex, globalKeys: Set<string>): Draft[] {
  const out: Draft[] = [];
  let g = 0;
  const push = (d: Omit<Draft, 'group' | 'lang' | 'platform'>, group: string) => {
    const key = dedupKey(d.text);
    if (globalKeys.has(key)) return false;
    globalKeys.add(key);
    out.push({ ...d, group, lang: pack.lang, platform: weighted(rng, d.label ? AD_PLATFORM : NEG_PLATFORM) });
    return true;
  };
  const ad = (category: Category, text: string, obfuscated: boolean, group: string) =>
    push({ text, label: 1, category, kind: 'advert', obfuscated }, group);
  const neg = (kind: NegKind, text: string, obfuscated: boolean, group: string) =>
    push({ text, label: 0, category: 'none', kind, obfuscated }, group);

  for (const [c, t] of pack.hand.ad) {
    index.add(t);
    ad(c, t, false, `h${g++}`);
  }
  for (const [c, t] of pack.hand.obf) {
    index.add(t);
    ad(c, t, true, `h${g++}`);
  }
  for (const [k, t] of pack.hand.neg) {
    index.add(t);
    neg(k, t, false, `h${g++}`);
  }

  for (const cat of CATEGORIES) {
    const have = out.filter((d) => d.category === cat).length;
    let need = Math.round(CAT_WEIGHT[cat] * AD_TARGET) - have;
    for (let tries = 0; need > 0 && tries < 400 * (need + 1); tries++) {
      const text = composeAdvert(rng, pack, cat);
      if (index.has(text)) continue;
      index.add(text);
      const group = `g${g++}`;
      const r = rng();
      if (r < 0.13) {
        if (ad(cat, obfuscate(rng, pack, text), true, group)) need--;
        continue;
      }
      if (!ad(cat, text, false, group)) continue;
      need--;
      if (r < 0.2 && need > 0 && ad(cat, obfuscate(rng, pack, text), true, group)) need--;
    }
    if (need > 0) console.warn(`[${pack.lang}] ${cat}: ${need} adverts short`);
  }

  const perKind = Math.ceil(NEG_TARGET / NEG_KINDS.length);
  for (const kind of NEG_KINDS) {
    let need = perKind - out.filter((d) => d.kind === kind).length;
    for (let tries = 0; need > 0 && tries < 400 * (need + 1); tries++) {
      const text = composeNegative(rng, pack, kind);
      if (index.has(text)) continue;
      index.add(text);
      const obf = chance(rng, 0.035);
      if (neg(kind, obf ? obfuscate(rng, pack, text) : text, obf, `g${g++}`)) need--;
    }
    if (need > 0) console.warn(`[${pack.lang}] ${kind}: ${need} negatives short`);
  }

  // Short posts: one-line adverts, seekers, document services, short job ads, ambiguous posts.
  for (const kind of Object.keys(SHORT_TARGET) as ShortKind[]) {
    let need = SHORT_TARGET[kind];
    for (let tries = 0; need > 0 && tries < 400 * (need + 1); tries++) {
      const d = composeShort(rng, pack, kind);
      if (index.has(d.text)) continue;
      index.add(d.text);
      const group = `s${g++}`;
      const obf = d.label === 1 && !d.ambiguous && chance(rng, 0.13);
      const text = obf ? obfuscate(rng, pack, d.text) : d.text;
      const ok = push(
        { text, label: d.label, category: d.category, kind: d.kind, obfuscated: obf, ...(d.ambiguous ? { ambiguous: true as const } : {}) },
        group,
      );
      if (ok) need--;
    }
    if (need > 0) console.warn(`[${pack.lang}] short ${kind}: ${need} short`);
  }
  return out;
}

export type Split = 'train' | 'validation' | 'test';
function split(rng: Rng, drafts: Draft[]): Map<Draft, Split> {
  const res = new Map<Draft, Split>();
  const strata = new Map<string, Map<string, Draft[]>>();
  for (const d of drafts) {
    const s = `${d.lang}|${d.label}`;
    if (!strata.has(s)) strata.set(s, new Map());
    const groups = strata.get(s)!;
    groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  }
  for (const groups of strata.values()) {
    const total = [...groups.values()].reduce((n, gr) => n + gr.length, 0);
    let seen = 0;
    for (const gr of shuffle(rng, [...groups.values()])) {
      const f = (seen + gr.length / 2) / total;
      const sp: Split = f < 0.7 ? 'train' : f < 0.85 ? 'validation' : 'test';
      for (const d of gr) res.set(d, sp);
      seen += gr.length;
    }
  }
  return res;
}

function main(): void {
  const rng = mulberry32(SEED);
  const globalKeys = new Set<string>();
  const indexes = new Map<Lang, NearDupIndex>();
  const drafts: Draft[] = [];
  for (const lang of LANGS) {
    const idx = new NearDupIndex();
    indexes.set(lang, idx);
    drafts.push(...generateLanguage(PACKS[lang], mulberry32(SEED ^ ((LANGS.indexOf(lang) + 1) * 7919)), idx, globalKeys));
  }
  const assignment = split(rng, drafts);
  const rows = new Map<Split, Row[]>([
    ['train', []],
    ['validation', []],
    ['test', []],
  ]);
  for (const lang of LANGS) {
    const mine = shuffle(
      rng,
      drafts.filter((d) => d.lang === lang),
    );
    mine.forEach((d, i) => {
      const { group: _g, ...rest } = d;
      rows.get(assignment.get(d)!)!.push({ id: `${lang}-${String(i + 1).padStart(4, '0')}`, ...rest });
    });
  }
  for (const [sp, list] of rows) {
    list.sort((a, b) => a.id.localeCompare(b.id));
    writeFileSync(join(HERE, `${sp}.jsonl`), list.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  const posts = buildDemoPosts(mulberry32(SEED + 1), PACKS, indexes);
  writeFileSync(join(HERE, '..', 'posts.jsonl'), posts.map((p) => JSON.stringify(p)).join('\n') + '\n');
  selfCheck(HERE);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
