// Short posts for the corpus: one-line adverts, seekers asking for a way or a visa, legal document
// services, short driver/job adverts and genuinely ambiguous one-liners. They share the adverts'
// vocabulary (a destination, a boat or lorry, "DM", a phone number), so the detector must learn
// co-occurrence rather than "short post with a destination = advert". Deterministic given the Rng.
import type { Category, Lang, LangPack } from './phrases/types.ts';
import type { ShortPack } from './phrases/short-types.ts';
import { SHORT_LATIN } from './phrases/short-latin.ts';
import { SHORT_ARABIC } from './phrases/short-arabic.ts';
import { chance, fill, pick, type Rng } from './compose.ts';

export const SHORT: Record<Lang, ShortPack> = { ...SHORT_LATIN, ...SHORT_ARABIC };

export type ShortKind = 'short_ad' | 'seeker' | 'document_service' | 'driver_job' | 'ambiguous';

/** How many of each short kind to generate per language. */
export const SHORT_TARGET: Record<ShortKind, number> = { short_ad: 34, seeker: 30, document_service: 12, driver_job: 12, ambiguous: 20 };

const EMOJI_AD = ['🚤', '🚛', '✈️', '🇬🇧', '🇮🇹', '🇩🇪', '💶', '💷', '📲', '✅', '🔥'];
const EMOJI_NEG = ['🙏', '❓', '🤔', '📄', '✅', '📞'];

function join(rng: Rng, parts: string[]): string {
  const sep = pick(rng, [' ', ', ', ' - ', '. ', '\n', ' | ']);
  return parts.filter(Boolean).join(sep);
}

function decorate(rng: Rng, pack: LangPack, text: string, emoji: string[]): string {
  let t = text;
  if (chance(rng, 0.25)) t = `${pick(rng, emoji)} ${t}`;
  if (chance(rng, 0.2)) t = `${t} ${pick(rng, emoji)}`;
  if (pack.script === 'latin' && chance(rng, 0.2)) t = t.toLocaleLowerCase(pack.lang === 'tr' ? 'tr' : 'en');
  return t.trim();
}

export interface ShortDraft {
  text: string;
  label: 0 | 1;
  category: Category | 'none';
  kind: 'advert' | 'seeker' | 'document_service' | 'driver_job' | 'ambiguous';
  ambiguous: boolean;
}

export function composeShort(rng: Rng, pack: LangPack, kind: ShortKind): ShortDraft {
  const s = SHORT[pack.lang];
  const f = (t: string) => fill(rng, pack, t);
  switch (kind) {
    case 'short_ad': {
      const [cat, tpl] = pick(rng, s.ad);
      // at least one tail: a bare "boat to X" is ambiguous (see the ambiguous pool), not a clear advert
      const n = chance(rng, 0.6) ? 1 : 2;
      const tails: string[] = [];
      for (let i = 0; i < n; i++) {
        const t = pick(rng, s.adTail);
        if (!tails.includes(t)) tails.push(t);
      }
      return {
        text: decorate(rng, pack, join(rng, [f(tpl), ...tails.map(f)]), EMOJI_AD),
        label: 1,
        category: cat,
        kind: 'advert',
        ambiguous: false,
      };
    }
    case 'seeker': {
      const parts = [f(pick(rng, s.seeker))];
      if (chance(rng, 0.3)) parts.push(f(pick(rng, s.seeker)));
      parts.push(pick(rng, s.seekTail));
      return { text: decorate(rng, pack, join(rng, parts), EMOJI_NEG), label: 0, category: 'none', kind: 'seeker', ambiguous: false };
    }
    case 'document_service': {
      const parts = [f(pick(rng, s.docService))];
      if (chance(rng, 0.35)) parts.push(f(pick(rng, s.docService)));
      return {
        text: decorate(rng, pack, join(rng, parts), EMOJI_NEG),
        label: 0,
        category: 'none',
        kind: 'document_service',
        ambiguous: false,
      };
    }
    case 'driver_job': {
      const parts = [f(pick(rng, s.job))];
      if (chance(rng, 0.3)) parts.push(f(pick(rng, s.job)));
      return { text: decorate(rng, pack, join(rng, parts), EMOJI_NEG), label: 0, category: 'none', kind: 'driver_job', ambiguous: false };
    }
    case 'ambiguous': {
      const [label, tpl] = pick(rng, s.ambiguous);
      return {
        text: decorate(rng, pack, f(tpl), label ? EMOJI_AD : EMOJI_NEG),
        label,
        category: 'none',
        kind: 'ambiguous',
        ambiguous: true,
      };
    }
  }
}
