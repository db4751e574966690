import { describe, expect, it } from 'vitest';
import { analyse, FEATURE_NAMES } from './index.ts';

const fired = (t: string, lang?: string) =>
  Object.entries(analyse(t, lang).concepts)
    .filter(([, v]) => v > 0)
    .map(([k]) => k)
    .sort();

describe('analyse', () => {
  it('obfuscated variants match the same concepts as plain forms', () => {
    const plain = fired('guaranteed boat', 'en');
    expect(plain).toEqual(['guarantee', 'transport']);
    expect(fired('gu4r4nt33d b04t', 'en')).toEqual(plain);
    expect(fired('g u a r a n t e e d   b.o.a.t', 'en')).toEqual(plain);
    expect(fired('guаrаnteed bоаt', 'en')).toEqual(plain); // Cyrillic а о
    expect(fired('guaranteeeed booooat', 'en')).toEqual(plain);
    expect(fired('boat UK', 'en')).toEqual(fired('🚤🇬🇧', 'en'));
  });
  it('Arabic-Indic phone digits give the same phone as ASCII', () => {
    const a = analyse('واتساب ٠٧٧٠١٢٣٤٥٦٧', 'ar').entities.filter((e) => e.type === 'phone');
    const b = analyse('واتساب 07701234567', 'ar').entities.filter((e) => e.type === 'phone');
    expect(a.map((e) => e.value)).toEqual(b.map((e) => e.value));
    expect(a).toHaveLength(1);
  });
  it('co-occurrence beats lone words', () => {
    const lone = analyse('boat', 'en').heuristicScore;
    const guar = analyse('100% guaranteed', 'en').heuristicScore;
    const ad = analyse('Boat to UK this week, price 1500€, WhatsApp +44 7911 123456', 'en').heuristicScore;
    expect(ad).toBeGreaterThan(0.8);
    expect(lone).toBeLessThan(0.1);
    expect(guar).toBeLessThan(0.2);
  });
  it('news about arrests scores lower than an advert', () => {
    const news = analyse(
      'Police arrested smugglers in Calais who charged migrants 3000 euros for a boat crossing to England, the NCA said.',
      'en',
    );
    const ad = analyse('Safe boat from Calais to England, 3000 euros, 100% guaranteed, DM me on WhatsApp', 'en');
    expect(news.heuristicScore).toBeLessThan(ad.heuristicScore);
    expect(news.heuristicScore).toBeLessThan(0.3);
    expect(news.signals.some((s) => s.type.startsWith('counter:'))).toBe(true);
  });
  it('signals point into the original text', () => {
    const t = 'Gu4r4nt33d 🚤 to 🇬🇧!! wa.me/447911123456';
    const a = analyse(t, 'en');
    const byType = (ty: string) => a.signals.filter((s) => s.type === ty).map((s) => t.slice(s.start, s.end));
    expect(byType('concept:guarantee')).toEqual(['Gu4r4nt33d']);
    expect(byType('concept:transport')).toEqual(['🚤']);
    expect(byType('concept:destination')).toEqual(['🇬🇧']);
    expect(byType('messenger')).toEqual(['wa.me/447911123456']);
    expect(a.category).toBe('boat_crossing');
  });
  it("a lexicon signal carries its entry's English gloss; entities carry none", () => {
    const t = 'Kar li derve, xanî belaş, vîze bê hevpeyvîn. WhatsApp +44 7911 123456';
    const a = analyse(t, 'kmr');
    const cue = (value: string) => a.signals.find((s) => s.value === value);
    expect(cue('xanî belaş')).toMatchObject({ type: 'concept:job', gloss: 'free housing (job-front lure)' });
    expect(cue('bê hevpeyvîn')).toMatchObject({ type: 'concept:documents', gloss: 'without interview (fraudulent visa offer)' });
    expect(cue('WhatsApp')?.gloss).toBe('WhatsApp (messenger)');
    expect(a.signals.find((s) => s.type === 'phone')?.gloss).toBeUndefined();
    // Typed without diacritics, the same entry and gloss.
    expect(
      analyse('vize be hevpeyvin', 'kmr').signals.find((s) => s.type === 'concept:documents' && s.value === 'be hevpeyvin')?.gloss,
    ).toBe('without interview (fraudulent visa offer)');
  });
  it('works across languages and guesses categories', () => {
    expect(analyse('رحلة مضمونة بالقارب الى ايطاليا، السعر ٢٠٠٠ يورو، واتساب').heuristicScore).toBeGreaterThan(0.8);
    expect(analyse('گەرەنتی بە بەلەم بۆ بەریتانیا، نرخ ٢٠٠٠ یۆرۆ، پەیوەندی بکەن واتساپ').category).toBe('boat_crossing');
    expect(analyse('Đi Anh bằng xe container, bao đậu, trọn gói 15 triệu, liên hệ zalo').category).toBe('lorry');
    expect(analyse('İngiltereye tekneyle garantili geçiş, fiyat 2000 euro, whatsapp').heuristicScore).toBeGreaterThan(0.8);
  });
  it('empty and whitespace text', () => {
    for (const t of ['', '   \n\t']) {
      const a = analyse(t);
      expect(a.lang).toBe('und');
      expect(a.signals).toEqual([]);
      expect(a.category).toBe('none');
      expect(a.heuristicScore).toBeLessThan(0.05);
      expect(a.features).toHaveLength(FEATURE_NAMES.length);
    }
  });
});
