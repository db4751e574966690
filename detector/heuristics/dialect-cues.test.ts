import { describe, expect, it } from 'vitest';
import { analyse } from './index.ts';
import { lexiconFiles, lexiconMatcher } from './lexicon.ts';
import { normalise } from '../normalise/normalise.ts';
import { tokenize } from './tokenize.ts';

/** Lexicon hits in a text as `surface → concept[.sub] → gloss`, the surface cut from the original text. */
function cues(text: string): string[] {
  const norm = normalise(text);
  const tokens = tokenize(norm.text);
  return lexiconMatcher()
    .match(tokens)
    .map((m) => {
      const start = norm.map[tokens.starts[m.from]!]!;
      const end = norm.ends[tokens.ends[m.to - 1]! - 1]!;
      const e = m.payload;
      return `${text.slice(start, end)} → ${e.concept}${e.sub ? `.${e.sub}` : ''} → ${e.gloss}`;
    });
}

const counterKinds = (text: string, lang: string) =>
  [
    ...new Set(
      analyse(text, lang)
        .signals.filter((s) => s.type.startsWith('counter:'))
        .map((s) => s.type),
    ),
  ].sort();

describe('dialect, slang and front cues (ar, fa, ckb, ps)', () => {
  it('every entry of the Arabic-script lexicons has a short English gloss', () => {
    const bad: string[] = [];
    for (const { name, file } of lexiconFiles()) {
      if (!['ar', 'fa', 'ckb', 'ps'].includes(file.lang) || file.script !== 'Arab') continue;
      for (const [concept, v] of Object.entries(file.concepts)) {
        const pairs = Array.isArray(v) ? v : Object.values(v).flat();
        for (const [term, gloss] of pairs) if (gloss.trim() === '' || gloss.length > 70) bad.push(`${name} ${concept} ${term}: "${gloss}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a Tunisian harga offer: boat, engine, calm sea, price and contact in dialect', () => {
    const text = 'عندي بوطي خارج الليلة من قليبية لطاليا، البحر راقد، موتور ياماها 40، السوم 5 ملاين، ابعثلي ميساج';
    const hits = cues(text);
    expect(hits).toEqual(
      expect.arrayContaining([
        'بوطي → transport.boat → boti: boat (Tunisian/Algerian slang for a harga boat)',
        'قليبية → transport.boat → Kelibia (Tunisian coast; boat departure point)',
        'لطاليا → destination → Italy (Maghrebi)',
        'البحر راقد → urgency → the sea is calm (Tunisian, lit. asleep)',
        'موتور ياماها → transport.boat → Yamaha motor (outboard engine)',
        'السوم → price → price (Maghrebi)',
        'ابعثلي → contact → send me (a message) (Maghrebi)',
        'ميساج → contact → message (Maghrebi, from French)',
      ]),
    );
    const a = analyse(text, 'ar');
    expect(a.category).toBe('boat_crossing');
    expect(a.heuristicScore).toBeGreaterThan(0.8);
  });

  it('the harga family of words is slang for a crossing, not a fire', () => {
    expect(cues('يا شباب نحرقو مع بعضنا، الحراقة كامل وصلو')).toEqual(
      expect.arrayContaining([
        'نحرقو → slang → we cross irregularly (Maghrebi harga)',
        'الحراقة → slang → harraga: those who cross irregularly (Maghrebi)',
      ]),
    );
    // Stems catch the inflected forms: plural harraga, Pashto oblique plural of "smuggler".
    expect(cues('حراقين بزاف')).toContain('حراقين → slang → harraga family: irregular crossers (Maghrebi)');
    expect(cues('د قاچاقبرانو سره')).toContain('قاچاقبرانو → slang → qachaqbar family: smuggler(s), any case ending');
  });

  it('Sorani typed on an Arabic keyboard (ه for ە) still matches', () => {
    expect(cues('بهلهم بۆ بهریتانیا')).toEqual([
      'بهلهم → transport.boat → boat (spelt with ه for ە)',
      'بهریتانیا → destination → Britain (spelt with ه for ە)',
    ]);
  });

  it('an Iranian "game" offer: no-water route, escrow with a sarraf, arrival photos', () => {
    const text = 'گیم ترکیه به یونان بدون آب، راه مطمئن، پول پیش صراف امانت، عکس رسیدن مسافرین در پیوی';
    expect(cues(text)).toEqual(
      expect.arrayContaining([
        'گیم → slang → "game": slang for a crossing attempt',
        'بدون آب → transport.land → "no water": a route with no sea crossing',
        'راه مطمئن → guarantee → reliable way (safe-route offer)',
        'پول پیش صراف → payment → money left with the sarraf (escrow)',
        'عکس رسیدن → guarantee → arrival photo (testimonial of a crossing)',
      ]),
    );
    expect(analyse(text, 'fa').heuristicScore).toBeGreaterThan(0.8);
  });

  it('a Sorani job front and a Pashto driver-recruitment front', () => {
    expect(cues('کار لە ئەڵمانیا، خانووی بەخۆڕایی، ڤیزا بێ چاوپێکەوتن، پارە لای سەراف')).toEqual(
      expect.arrayContaining([
        'کار لە ئەڵمانیا → job → work in Germany',
        'خانووی بەخۆڕایی → job → free housing',
        'بێ چاوپێکەوتن → documents → without interview (visa offer)',
        'پارە لای سەراف → payment → money left with the sarraf (escrow)',
      ]),
    );
    const ps = 'ډرایور ته اړتیا، فی مسافر ۲۰۰ یورو، اړیکه ونیسئ واټساپ';
    expect(cues(ps)).toEqual(
      expect.arrayContaining([
        'ډرایور ته اړتیا → recruit → driver needed (variant spelling)',
        "فی مسافر → recruit → per passenger (driver's pay)",
      ]),
    );
    expect(analyse(ps, 'ps').category).toBe('recruitment');
  });

  it('warnings and news that share the vocabulary fire counter cues and score low', () => {
    const offer = analyse('عندي بوطي خارج الليلة لطاليا، البحر راقد، السوم 5 ملاين، ابعثلي ميساج', 'ar').heuristicScore;
    const tn = 'لا للحرقة! الحرس البحري يعلن إحباط محاولة اجتياز الحدود البحرية خلسة وانتشال جثث، لا تسلموا فلوسكم للنصابين';
    expect(counterKinds(tn, 'ar')).toEqual(['counter:arrest', 'counter:death', 'counter:news', 'counter:police', 'counter:warning']);
    expect(cues(tn)).toEqual(
      expect.arrayContaining(['لا للحرقة → counter.warning → no to harga (prevention campaign)', 'للنصابين → counter.warning → scammers']),
    );
    expect(analyse(tn, 'ar').heuristicScore).toBeLessThan(0.1);
    expect(analyse(tn, 'ar').heuristicScore).toBeLessThan(offer);

    const fa = 'فریب نخورید! قاچاقچیان دروغ می گویند، گیم بدون آب وجود ندارد، به کلاهبردار پول ندهید';
    expect(counterKinds(fa, 'fa')).toEqual(['counter:warning']);
    expect(analyse(fa, 'fa').heuristicScore).toBeLessThan(0.1);
  });
});
