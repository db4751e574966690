import { describe, expect, it } from 'vitest';
import { detectLanguage, toLanguage } from './index.ts';

const SAMPLES: Record<string, string[]> = {
  en: ['Safe boat to UK this week, 100% guaranteed, DM me', 'Police arrested two smugglers in Calais'],
  fr: ["Passage garanti vers l'Angleterre en bateau, contactez-moi", 'Départ cette semaine, places limitées'],
  ar: ['نستطيع نقلك بالقارب إلى بريطانيا بسعر مناسب', 'رحلة مضمونة الى ايطاليا، الدفع عند الوصول'],
  fa: ['من می توانم شما را با قایق به انگلستان ببرم، قیمت مناسب', 'سفر به ایتالیا با کشتی، تضمینی، تماس بگیرید'],
  ckb: ['دەتوانم بە بەلەم بتبەم بۆ بەریتانیا، نرخ گونجاوە', 'گەیاندن بۆ ئەڵمانیا بە لۆری، پارە لە کاتی گەیشتن'],
  ps: ['زه کولای شم تاسو په کښتۍ کې انګلستان ته یوسم', 'اروپا ته د تګ لپاره له موږ سره اړیکه ونیسئ'],
  kmr: [
    'Ez dikarim te bibim Brîtanyayê bi qeyikê, heye ji bo te',
    'Em ji Tirkiyê diçin Yewnanîstanê, kî dixwaze bila peywendiyê bi me re bike',
  ],
  sq: ['Mund t’ju çoj në Angli me varkë, çmim i mirë', 'Kalim i sigurt për në Itali, na kontaktoni në WhatsApp'],
  vi: ['Tôi có thể đưa bạn sang Anh bằng thuyền, giá tốt', 'Đi Anh an toàn, bao đậu, liên hệ ngay'],
  tr: ['Seni tekneyle İngiltereye götürebilirim, fiyat uygun', 'Yunanistana garantili geçiş, iletişim için yazın'],
};

describe('detectLanguage', () => {
  for (const [lang, texts] of Object.entries(SAMPLES)) {
    it(lang, () => {
      for (const t of texts) expect(detectLanguage(t)).toBe(lang);
    });
  }
  it('returns und for empty or letterless text', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('   ')).toBe('und');
    expect(detectLanguage('🚤🇬🇧 +44')).toBe('und');
  });
  it('maps caller codes', () => {
    expect(toLanguage('prs')).toBe('fa');
    expect(toLanguage('EN-gb')).toBe('en');
    expect(toLanguage(null)).toBe('und');
  });
});
