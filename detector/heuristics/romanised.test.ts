import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.ts';
import { lexiconFiles } from './lexicon.ts';

const conceptSignals = (t: string, lang?: string) =>
  analyse(t, lang).signals.filter((s) => s.type.startsWith('concept:') || s.type.startsWith('counter:'));

describe('romanised cues', () => {
  it('romanised lexicons exist for the four Arabic-script languages, in the glossed format', () => {
    const files = lexiconFiles().filter(({ name }) => name.endsWith('-Latn.json'));
    expect(files.map((f) => f.name)).toEqual(['ar-Latn.json', 'ckb-Latn.json', 'fa-Latn.json', 'ps-Latn.json']);
    for (const { name, file } of files) {
      expect(file.script, name).toBe('Latn');
      // Same concepts as the native file.
      const native = lexiconFiles().find((f) => f.name === `${file.lang}.json`)!.file;
      expect(Object.keys(file.concepts).sort(), name).toEqual(Object.keys(native.concepts).sort());
      for (const v of Object.values(file.concepts)) {
        for (const pairs of Array.isArray(v) ? [v] : Object.values(v))
          for (const [, gloss] of pairs) expect(gloss.length, name).toBeGreaterThan(0);
      }
    }
  });

  it('spelling variants of one cue match through the fold, with spans on the word as written', () => {
    for (const [t, lang, written] of [
      ['ghaiq amade, 2500 euro', 'fa', 'ghaiq'],
      ['gayegh ta Yunan', 'fa', 'Yunan'],
      ['ghayeqe jadid baraye Italia', 'fa', 'ghayeqe'],
      ['qachaqbar-e khub', 'fa', 'qachaqbar'],
      ['ghachaghbar e khub', 'fa', 'ghachaghbar'],
      ['el 7raga mn Sfax', 'ar', '7raga'],
      ['ana nhargou ghodwa', 'ar', 'nhargou'],
      ['bellemi nwe', 'ckb', 'bellemi'],
      ['QACHAKHCHY haya', 'ckb', 'QACHAKHCHY'],
      ['lerê qeyîk heye', 'kmr', 'qeyîk'],
      ['bi keshti ji Izmire, pere pishti gihishtine', 'kmr', 'keshti'], // keştî with ş typed as sh
      ['qachax e, ishev', 'kmr', 'ishev'], // îşev
    ] as const) {
      const s = conceptSignals(t, lang).find((x) => x.value === written);
      expect(s, `${t}: ${JSON.stringify(conceptSignals(t, lang))}`).toBeDefined();
      expect(t.slice(s!.start, s!.end)).toBe(written);
    }
  });

  it('Arabizi letter digits stay letters in romanised Arabic posts, and spans cover them', () => {
    const t = 'salam, 7arga mn Zouara l Lampedusa, flouka jdida, el flous 3and el dameen. ya5i kalemni';
    const a = analyse(t);
    expect(a.langTag).toBe('ar-Latn');
    expect(a.lang).toBe('ar');
    const words = a.signals.filter((s) => s.type.startsWith('concept:')).map((s) => t.slice(s.start, s.end));
    expect(words).toEqual(expect.arrayContaining(['7arga', 'Lampedusa', 'flouka', 'dameen', 'kalemni']));
    for (const s of a.signals) if (s.type.startsWith('concept:')) expect(t.slice(s.start, s.end)).toBe(s.value);
  });

  it('romanised adverts score well above their hard negatives', () => {
    const ad = analyse('ghayegh az Izmir be Yunan in hafte, tazmini, 1500 euro, payam bede pv').heuristicScore;
    const warning = analyse('hoshdar! ghachaghchi ha dorugh migan, ghayegh gharq shod, polis 3 nafar ro dastgir kard').heuristicScore;
    expect(ad).toBeGreaterThan(0.7);
    expect(warning).toBeLessThan(ad - 0.3);
  });

  it('romanised and folded cues do not fire in English, French, Turkish, Albanian or Vietnamese posts', () => {
    // Each word below is a romanised entry or folds onto one ("pul" → pool, "harka" → harga).
    const romanisedWords = [
      'pool',
      'pul',
      'hotel',
      'camion',
      'moteur',
      'game',
      'police',
      'harka',
      'harga',
      'pula',
      'taxi',
      'tamas',
      'marz',
    ];
    for (const [t, lang] of [
      ['pool party at the hotel this weekend, game night, taxi home, police were called', 'en'],
      ['le camion de la police est garé devant le moteur, taxi demain', 'fr'],
      ['harika bir gün, pul ve para konuştuk, otel ve taxi', 'tr'],
      ['pula e re, harka dhe kamion, taxi', 'sq'],
      ['xe tai camion di harga, taxi', 'vi'],
    ] as const) {
      const fired = conceptSignals(t, lang)
        .map((s) => s.value.toLowerCase())
        .filter((v) => romanisedWords.includes(v));
      // Only what a native lexicon lists (all are matched in every post) may fire.
      expect(
        fired.filter((v) => !isNativeCue(v, lang)),
        `${lang}: ${t}`,
      ).toEqual([]);
    }
    // Kurmanji posts fold only onto Kurmanji terms: "hevalê" (friend) is not Sorani "hewall" (news).
    expect(conceptSignals('hevalê min dibêje bi taksiyê biçim', 'kmr').map((s) => s.value)).not.toContain('hevalê');
    // The same words do fire in a romanised post.
    expect(conceptSignals('pul ro bede, harka ba ghayegh', 'fa').map((s) => s.value)).toEqual(expect.arrayContaining(['ghayegh']));
  });
});

/** Whether the word is a term of a native (not romanised) lexicon. */
function isNativeCue(word: string, _lang: string): boolean {
  return lexiconFiles()
    .filter(({ name }) => !name.endsWith('-Latn.json'))
    .some(({ file }) =>
      Object.values(file.concepts)
        .flatMap((v) => (Array.isArray(v) ? v : Object.values(v).flat()))
        .some(([term]) => term.toLowerCase() === word.toLowerCase()),
    );
}
