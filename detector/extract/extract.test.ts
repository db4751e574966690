import { describe, expect, it } from 'vitest';
import { extractEntities } from './index.ts';
import { MAX_PHONE_CANDIDATES, parse } from './phones.ts';

const pick = (t: string, type: string, lang = 'en') =>
  extractEntities(t, { lang })
    .filter((s) => s.type === type)
    .map((s) => [s.value, t.slice(s.start, s.end)]);

describe('extractEntities', () => {
  it('+44 and +33 numbers in E.164', () => {
    expect(pick('Call +44 7911 123456 now', 'phone')).toEqual([['+447911123456', '+44 7911 123456']]);
    expect(pick('appel +33 6 12 34 56 78', 'phone', 'fr')).toEqual([['+33612345678', '+33 6 12 34 56 78']]);
    expect(pick('appel 06 12 34 56 78', 'phone', 'fr')).toEqual([['+33612345678', '06 12 34 56 78']]);
  });
  it('Arabic-Indic and Persian digits', () => {
    expect(pick('واتساب ٠٧٧٠١٢٣٤٥٦٧', 'phone', 'ar')).toEqual([['+9647701234567', '٠٧٧٠١٢٣٤٥٦٧']]);
    expect(pick('تماس ۰۹۱۲۳۴۵۶۷۸۹', 'phone', 'fa')).toEqual([['+989123456789', '۰۹۱۲۳۴۵۶۷۸۹']]);
  });
  it('spaced and dotted digits', () => {
    expect(pick('0 7 9 1 1 1 2 3 4 5 6', 'phone')).toEqual([['+447911123456', '0 7 9 1 1 1 2 3 4 5 6']]);
    expect(pick('06.12.34.56.78', 'phone', 'fr')).toEqual([['+33612345678', '06.12.34.56.78']]);
  });
  it('t.me and wa.me links, handles near a messenger word', () => {
    const t = 'wa.me/447911123456 or t.me/boss_uk, api.whatsapp.com/send?phone=33612345678';
    expect(pick(t, 'messenger')).toEqual([
      ['whatsapp:+447911123456', 'wa.me/447911123456'],
      ['telegram:@boss_uk', 't.me/boss_uk'],
      ['whatsapp:+33612345678', 'api.whatsapp.com/send?phone=33612345678'],
    ]);
    expect(pick('telegram @captain_boat', 'messenger')).toEqual([['telegram:@captain_boat', '@captain_boat']]);
    expect(pick('email me @ home @johnsmith', 'messenger')).toEqual([]);
    // The number inside the link is not reported twice.
    expect(pick(t, 'phone')).toEqual([]);
  });
  it('prices with currencies', () => {
    const t = 'Price 1500€ or £1,200, 2k euro, 1500e, ٢٠٠٠ یورو, 500 dinar, 3000 TL, 15 triệu, 200000 ALL, all 5 of us';
    expect(pick(t, 'price').map((p) => p[0])).toEqual([
      '1500 EUR',
      '1200 GBP',
      '2000 EUR',
      '1500 EUR',
      '2000 EUR',
      '500 IQD',
      '3000 TRY',
      '15000000 VND',
      '200000 ALL',
    ]);
  });
  it('routes in several languages', () => {
    expect(pick('Safe boat from Calais to Ｅngland', 'route').map((p) => p[0])).toEqual(['origin:calais', 'dest:uk']);
    expect(pick('بالقارب إلى بريطانيا من ليبيا', 'route', 'ar').map((p) => p[0])).toEqual(['dest:uk', 'origin:libya']);
    expect(pick('Yunanistan ve İtalya', 'route', 'tr').map((p) => p[0])).toEqual(['dest:greece', 'dest:italy']);
  });
  it('routes in inflected forms: Kurmanji oblique case, Albanian definite forms, Sorani spellings', () => {
    expect(pick('Kim dixwaze biçe Almanyayê, rêya Belarûsê, bi rêber', 'route', 'kmr').map((p) => p[0])).toEqual([
      'dest:germany',
      'via:belarus',
    ]);
    expect(pick('ji Lîbyayê heta Îtalyayê bi qeyikê', 'route', 'kmr').map((p) => p[0])).toEqual(['origin:libya', 'dest:italy']);
    expect(pick('Udhëtim për në Gjermaninë, nisja nga Greqinë', 'route', 'sq').map((p) => p[0])).toEqual(['dest:germany', 'dest:greece']);
    expect(pick('بچن بۆ ئەڵمانیا، ڕێگای بەلاڕووس', 'route', 'ckb').map((p) => p[0])).toEqual(['dest:germany', 'via:belarus']);
    // Sorani's ablative: لە دەنکەرکەوە, "from Dunkirk".
    expect(pick('گەشتی بەلەم بۆ ئینگلتەرا لە دەنکەرکەوە', 'route', 'ckb').map((p) => p[0])).toEqual(['dest:uk', 'origin:dunkirk']);
  });
  it('routes through the Balkans and eastern Europe', () => {
    expect(pick('Rruga për në Gjermani përmes Serbisë dhe Hungarisë', 'route', 'sq').map((p) => p[0])).toEqual([
      'dest:germany',
      'via:serbia',
      'via:hungary',
    ]);
    expect(pick("Bulgaristan ve Macaristan üzerinden Avusturya'ya", 'route', 'tr').map((p) => p[0])).toEqual([
      'via:bulgaria',
      'via:hungary',
      'dest:austria',
    ]);
    expect(pick('via Russia and Croatia to Austria', 'route', 'en').map((p) => p[0])).toEqual([
      'via:russia',
      'via:croatia',
      'dest:austria',
    ]);
    expect(pick('Nhận đưa người đi Đức qua Nga', 'route', 'vi').map((p) => p[0])).toEqual(['dest:germany', 'via:russia']);
  });
  it('routes across the Mediterranean, and slang', () => {
    expect(pick("Boza sûr depuis Nador vers l'Espagne", 'route', 'fr').map((p) => p[0])).toEqual(['origin:morocco', 'dest:spain']);
    expect(pick('تهريب من صبراتة الى ايطاليا', 'route', 'ar').map((p) => p[0])).toEqual(['origin:libya', 'dest:italy']);
    expect(pick('Need to get to Blighty? Rib from Gravelines', 'route', 'en').map((p) => p[0])).toEqual(['dest:uk']);
    // "Fas" is Morocco only in Turkish; "Meriç" alone is a Turkish given name, the river is "Meriç nehri".
    expect(pick('Fas üzerinden İspanya', 'route', 'tr').map((p) => p[0])).toEqual(['origin:morocco', 'dest:spain']);
    expect(pick('Meriç yarın geliyor', 'route', 'tr')).toEqual([]);
    expect(pick('Meriç nehrinden Yunanistan', 'route', 'tr').map((p) => p[0])).toEqual(['origin:evros', 'dest:greece']);
  });
  it('reads a national number by the country list it is given, whatever was parsed before', () => {
    // 07911 123456 is a UK mobile and an Iraqi one: the list's order decides, and a cached answer
    // for another list that starts with the same country must not leak in.
    expect(parse('07911123456', ['TR', 'GB'])?.e164).toBe('+447911123456');
    expect(parse('07911123456', ['TR', 'IQ'])?.e164).toBe('+9647911123456');
    expect(parse('07911123456', ['TR', 'GB'])?.e164).toBe('+447911123456');
  });

  it('parses at most MAX_PHONE_CANDIDATES distinct numbers per post; repeats of one count once', () => {
    const numbers = Array.from({ length: 20 }, (_, i) => `+44 7911 1234${String(i).padStart(2, '0')}`);
    expect(pick(numbers.join(', '), 'phone')).toHaveLength(MAX_PHONE_CANDIDATES);
    const repeated = [...Array<string>(20).fill(numbers[0]!), numbers[1]!].join(', ');
    expect(pick(repeated, 'phone').map((p) => p[0])).toEqual([...Array<string>(20).fill('+447911123400'), '+447911123401']);
  });
  it('possible but not valid numbers: extracted with valid=false where written as phone numbers', () => {
    const phones = (t: string, lang = 'en') => extractEntities(t, { lang }).filter((s) => s.type === 'phone');
    // +44 7700 900xxx is Ofcom's fictional range: libphonenumber calls it possible, not valid.
    expect(phones('WhatsApp +44 7700 900123 now')).toEqual([{ type: 'phone', value: '+447700900123', start: 9, end: 24, valid: false }]);
    expect(phones('call 0044 7700 900123')[0]).toMatchObject({ value: '+447700900123', valid: false });
    // National format: valid in any listed country wins (07700 900123 is an Iraqi mobile); valid
    // nowhere, it is read in the first country if possible there.
    expect(phones('call 07700 900123')[0]).toMatchObject({ value: '+9647700900123' });
    expect(parse('07700900123', ['GB'])).toEqual({ e164: '+447700900123', valid: false });
    expect(parse('7700900123', ['GB'])).toBeUndefined(); // no trunk prefix: could be anything
    expect(phones('+1 555 555 0123')[0]).toMatchObject({ value: '+15555550123', valid: false });
    // Valid numbers carry no flag (the CLI contract's signals stay as they were).
    expect(phones('Call +44 7911 123456')[0]).not.toHaveProperty('valid');
    expect(pick('wa.me/447700900123', 'messenger')).toEqual([['whatsapp:+447700900123', 'wa.me/447700900123']]);
  });
  it('prices, dates, ids and counts do not become possible-but-invalid phones', () => {
    for (const t of [
      'price 1500000 toman',
      '1 500 000 IRR',
      'on 12/05/2024 at 10:30',
      '2024-05-12',
      'ref 123456789012',
      'ISBN 9781234567897',
      'between 1000000 and 2000000',
      '12.05.2024 – 13.06.2025',
      '12-5-2024',
      'tel 12345',
      'id 0000000000',
      'account 0012345678',
      '3000 EUR per person, 20 people, 2 boats, 12 hours',
      '+20240512',
      'coords 36.8065, 10.1815',
    ])
      expect(phones(t), t).toEqual([]);
    // Known weak spot, older than the possible-number rule: a 9-digit id is a valid French number.
    expect(phones('order no. 987654321')).toEqual(['+33987654321']);
    function phones(t: string) {
      return extractEntities(t, { lang: 'en' })
        .filter((s) => s.type === 'phone')
        .map((s) => s.value);
    }
  });
  it('prices with up to six thousands groups', () => {
    expect(pick('1 000 000 000 000 000 000 EUR', 'price').map((p) => p[0])).toEqual(['1000000000000000000 EUR']);
    expect(pick('paid 12 500 € each', 'price').map((p) => p[0])).toEqual(['12500 EUR']);
  });
  it('empty text', () => {
    expect(extractEntities('')).toEqual([]);
  });
});
