import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifyLanguage, languageTag, textScript } from './detect.ts';
import { romanisedCounts, romanisedLanguage } from './romanised.ts';

/** Realistic romanised posts (written for this test), as typed on phones. */
const ROMANISED: Record<'fa' | 'ar' | 'ckb' | 'ps', string[]> = {
  fa: [
    'salam, ghayegh amade baraye Italia in hafte, pool nadari? ghest ham mishe, payam bede',
    'dadash az Izmir ta Yunan ba qayeq jadid, tazmini, faghat khanevade. shomare dar pv',
    'bacha ha rah-e Turkiye baz ast, az Nimroz ta Van ba motar, paisa pesh-e sarraf mimane. tamas begiren',
  ],
  ar: [
    '7arga mn sfax l lampedusa, flouka jdida w moteur, 3andi blayess, li bgha ykalemni inbox ya5i',
    "l'bateau ykhraj ghodwa mn Zouara, el flous 3and el dameen, kalemni whatsapp",
    'yalla shabab safra 3al yunan, el markeb kbeer mesh balam, el masari ba3d ma twsal',
  ],
  ckb: [
    'rega bo Italia ba yaxt la Turkiyawa, 7000 euro, mndal niwa, kasek pewisti haya pm bka',
    'kaka lori haya la Almanyawa bo Inglistan, shofer kurda, 2 kas bas, para la sarafi dabe',
    'xezan pesh hamu kas, ba belem la darya, zor asana, peywandi bkan',
  ],
  ps: [
    'Greece ta lar khlasa da, Turkey na pa kishtai, paisay da hawaladar sara tar rasedo pore',
    'yaw kaptan pakar de che kishtai chalawi, safar ye muft de, pa Peshawar ke zamung sarraf',
    'Italy ta kaar pa bagh ke, visa zamung zimma da, paisey wrusta, pa comment ke lik',
  ],
};

/** Posts that must keep their language: English, French, Turkish, Albanian, Vietnamese, Kurmanji. */
const NEGATIVES: [string, string][] = [
  ['en', 'Safe boat to UK this week, 100% guaranteed, DM me for the price'],
  ['en', 'Police in Calais say the smugglers charged families thousands for a place in the dinghy'],
  ['en', 'p4ss4ge to the UK t0n1ght, s3cure b0at, call n0w'],
  ['fr', "Passage garanti vers l'Angleterre en bateau, départ cette semaine, contactez-moi"],
  ['fr', 'p4ss4ge v3rs l Angleterre ch4que nuit, prix 1500 €, sérieux seulement'],
  ['tr', "Sofya'dan kalkan TIR'da yer var, 2 kişilik, ödeme Viyana'da"],
  ['tr', 'Yunanistana garantili geçiş, bu hafta hava güzel, iletişim için yazın'],
  ['sq', 'rruga e sigurt pa det, pa stres. zbritje për familje, na shkruani'],
  ['sq', 'Kalim i sigurt për në Itali me varkë, çmim i mirë, na kontaktoni në WhatsApp'],
  ['vi', 'Đi Anh an toàn bằng xe tải, bao đậu, liên hệ ngay'],
  ['kmr', 'Ez dikarim te bibim Brîtanyayê bi qeyikê, heye ji bo te, garantî'],
  ['kmr', 'em ji Tirkiye diçin Yewnanistane bi qeyike, ki dixwaze bila bi me re biaxive'],
];

describe('romanised language identification', () => {
  for (const [lang, posts] of Object.entries(ROMANISED)) {
    it(`${lang}-Latn: base language ${lang}, script Latn`, () => {
      for (const t of posts) {
        expect(identifyLanguage(t), t).toEqual({ lang, script: 'Latn' });
        expect(romanisedLanguage(t), t).toBe(lang);
      }
    });
  }

  it('leaves English, French, Turkish, Albanian, Vietnamese and Kurmanji posts alone', () => {
    for (const [lang, t] of NEGATIVES) {
      expect(romanisedLanguage(t), t).toBeNull();
      expect(identifyLanguage(t).lang, t).toBe(lang);
    }
  });

  it('reads Arabizi letter digits, but not leet, numbers with units or handles', () => {
    expect(romanisedCounts('7arga ya5i 3and').markers.ar).toBe(6); // three digit words, each also listed
    expect(romanisedCounts('b0at p4ss 3rd 24h 5k ali1995').markers.ar).toBe(0);
    expect(romanisedCounts('v3rs l4 m3r').markers.ar).toBe(0); // 4 marks the post as leet
  });

  it('does not count a Turkish suffix after an apostrophe as a word', () => {
    expect(romanisedCounts("Letonya'da Sofya'da").markers.ps).toBe(0);
    expect(romanisedCounts('da da').markers.ps).toBe(2);
  });

  it('tags the script only when it is not the usual one', () => {
    expect(languageTag('fa', 'Latn')).toBe('fa-Latn');
    expect(languageTag('fa', 'Arab')).toBe('fa');
    expect(languageTag('kmr', 'Latn')).toBe('kmr');
    expect(languageTag('en', null)).toBe('en');
    expect(languageTag('und', 'Latn')).toBe('und');
    expect(textScript('سلام salam دوست')).toBe('Arab');
    expect(textScript('🚤 +44')).toBeNull();
  });

  it('terminates and stays in range on arbitrary text', () => {
    const word = fc.oneof(
      fc.constantFrom('7arga', 'ghayegh', 'rêga', 'ŞİŞ', "l'", '’da', 'x\u0301', '🚤', '\ud800'),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (ws) => {
        const t = ws.join(' ');
        const c = romanisedCounts(t);
        expect(c.common).toBeLessThanOrEqual(c.words);
        const l = romanisedLanguage(t);
        expect(l === null || ['fa', 'ar', 'ckb', 'ps'].includes(l)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
