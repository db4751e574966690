// Demo feed for the pipeline (samples/posts.jsonl), in the ingest contract shape. Posts are freshly
// composed (not copied from any corpus split: each is checked against the corpus near-duplicate
// index), mixed adverts and hard negatives, plus a few exact re-uploads to show de-duplication.
import { CATEGORIES, LANGS, NEG_KINDS, PLATFORMS, type Lang, type LangPack, type Platform } from './phrases/types.ts';
import { chance, composeAdvert, composeNegative, handle, int, pick, shuffle, type Rng } from './compose.ts';
import { obfuscate } from './obfuscate.ts';
import type { NearDupIndex } from './dedup.ts';

export interface DemoPost {
  platform: Platform;
  platformPostId: string;
  url: string;
  text: string;
  author: string;
  postedAt: string;
  lang?: Lang;
}
const PER_LANG = 25;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const digits = (rng: Rng, n: number) => String(int(rng, 1, 9)) + Array.from({ length: n - 1 }, () => int(rng, 0, 9)).join('');
const code = (rng: Rng, n: number, alphabet = B64) => Array.from({ length: n }, () => pick(rng, [...alphabet])).join('');

function ident(rng: Rng, platform: Platform, author: string): { id: string; url: string } {
  switch (platform) {
    case 'facebook': {
      const id = digits(rng, 16);
      return { id, url: `https://www.facebook.com/${author}/posts/${id}` };
    }
    case 'instagram': {
      const id = code(rng, 11);
      return { id, url: `https://www.instagram.com/p/${id}/` };
    }
    case 'tiktok': {
      const id = '75' + digits(rng, 17);
      return { id, url: `https://www.tiktok.com/@${author}/video/${id}` };
    }
    case 'telegram': {
      const id = `${author}/${int(rng, 12, 9800)}`;
      return { id, url: `https://t.me/${id}` };
    }
    case 'x': {
      const id = '19' + digits(rng, 17);
      return { id, url: `https://x.com/${author}/status/${id}` };
    }
    case 'youtube': {
      const id = 'Ugkx' + code(rng, 32);
      return { id, url: `https://www.youtube.com/post/${id}` };
    }
    case 'snapchat': {
      const id = code(rng, 22);
      return { id, url: `https://www.snapchat.com/spotlight/${id}` };
    }
  }
}
const START = Date.parse('2026-09-01T00:00:00Z');
const END = Date.parse('2026-11-30T23:59:59Z');
const when = (rng: Rng) => new Date(START + Math.floor((rng() * (END - START)) / 1000) * 1000).toISOString();

export function buildDemoPosts(rng: Rng, packs: Record<Lang, LangPack>, indexes: Map<Lang, NearDupIndex>): DemoPost[] {
  const posts: DemoPost[] = [];
  const ids = new Set<string>();
  const make = (text: string, lang: Lang, platform: Platform, author = handle(rng).replace(/\./g, '_'), postedAt = when(rng)): DemoPost => {
    let id: { id: string; url: string };
    do id = ident(rng, platform, author);
    while (ids.has(id.id));
    ids.add(id.id);
    const p: DemoPost = { platform, platformPostId: id.id, url: id.url, text, author, postedAt };
    if (!chance(rng, 0.33)) p.lang = lang;
    return p;
  };
  for (const lang of LANGS) {
    const pack = packs[lang];
    const idx = indexes.get(lang)!;
    let made = 0;
    for (let tries = 0; made < PER_LANG && tries < 20000; tries++) {
      const advert = made % 2 === 0;
      let text = advert ? composeAdvert(rng, pack, pick(rng, CATEGORIES)) : composeNegative(rng, pack, pick(rng, NEG_KINDS));
      if (idx.has(text)) continue;
      idx.add(text);
      if (advert && chance(rng, 0.15)) text = obfuscate(rng, pack, text);
      posts.push(make(text, lang, pick(rng, PLATFORMS)));
      made++;
    }
  }
  shuffle(rng, posts);
  // exact re-uploads: same text, new post id (often a backup account on another platform)
  for (const orig of posts.slice(0, 4)) {
    const platform = chance(rng, 0.5) ? orig.platform : pick(rng, PLATFORMS);
    const copy = make(orig.text, orig.lang ?? 'en', platform, `${orig.author}${int(rng, 2, 9)}`);
    if (orig.lang) copy.lang = orig.lang;
    else delete copy.lang;
    posts.splice(int(rng, 5, posts.length), 0, copy);
  }
  posts.sort((a, b) => a.postedAt.localeCompare(b.postedAt));
  return posts;
}
