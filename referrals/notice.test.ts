/**
 * The notice a platform receives is readable by a person: a one-line summary, the post's text,
 * the cues that fired in words with their English glosses (so a trust & safety reviewer who does
 * not read the post's language sees what they mean), the DSA category that fits migrant
 * smuggling, and download links for the evidence.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadConfig, placeholderSenderProblem } from '../core/config.ts';
import { noticesCsv } from './delivery/export.ts';
import { buildNotice, type NoticeInput } from './notice.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validateNotice = ajv.compile(JSON.parse(readFileSync(new URL('./notice.schema.json', import.meta.url), 'utf8')));

const cfg = {
  legalGround: 'Nationality and Borders Act 2022 s.25',
  jurisdiction: 'GB',
  notifierName: 'Tidewatch test',
  notifierEmail: 'notices@tidewatch.invalid',
  trustedFlaggerId: undefined,
  publicUrl: 'https://tidewatch.example.org',
};
const text = 'بلم به انگلیس، واتساپ +44 7911 123456';

function input(signals: NonNullable<NoticeInput['classification']>['signals']): NoticeInput {
  return {
    referral: {
      id: '0b6f5a3e-3f4e-4c55-9f0e-1d2c3b4a5f60',
      idempotencyKey: 'ref-1',
      automated: true,
      createdAt: new Date('2026-12-01T00:00:00Z'),
    },
    platform: { name: 'tiktok' },
    post: {
      url: 'https://platform.invalid/p/1',
      platformPostId: 'p1',
      authorHandle: null,
      text,
      textSha256: 'a'.repeat(64),
      language: 'fa',
      postedAt: null,
    },
    classification: { category: 'boat_crossing', score: 0.93, modelVersion: 'm1', signals },
    evidence: null,
  };
}

describe('referral notice for a person', () => {
  it('carries the text, a one-line summary and each cue in words with its English gloss, and validates against the schema', () => {
    const notice = buildNotice(
      input([
        { type: 'concept:transport', value: 'بلم', start: 0, end: 3, gloss: 'boat (Iranian slang for an inflatable dinghy)' },
        { type: 'route', value: 'dest:uk', start: 7, end: 13 },
        { type: 'concept:destination', value: 'انگلیس', start: 7, end: 13, gloss: 'England / the UK' },
        { type: 'price', value: '3500 USD', start: 14, end: 20 },
        { type: 'phone', value: '+447911123456', start: 21, end: 36 },
      ]),
      cfg,
    );
    expect(notice.content.text).toBe(text);
    expect(notice.classification.cues.map((c) => c.text)).toEqual([
      'transport: “بلم” (boat (Iranian slang for an inflatable dinghy))',
      'destination: UK',
      'destination word: “انگلیس” (England / the UK)',
      'price: 3,500 USD',
      'phone number: +447911123456',
    ]);
    // No internal codes where a person reads.
    expect(notice.illegality.explanation).not.toMatch(/concept:|dest:/);
    expect(notice.illegality.explanation).toContain('transport: “بلم” (boat (Iranian slang for an inflatable dinghy))');
    expect(notice.summary).toBe(
      'Migrant-smuggling advert on tiktok offering irregular small-boat sea crossings (destination UK, price 3,500 USD, phone number +447911123456); found by automated detection, not yet checked by a person. Illegal under GB law: please remove it.',
    );
    expect(notice.$schema).toBe('https://tidewatch.example.org/v1/schemas/notice/v1.json');
    expect(validateNotice(notice), JSON.stringify(validateNotice.errors)).toBe(true);
    // An export bundle's CSV, for platforms without an API, carries the same summary and text.
    const [header, row] = noticesCsv([notice]).trim().split('\r\n');
    expect(header!.split(',').slice(-2)).toEqual(['summary', 'text']);
    expect(row).toContain(notice.summary);
    expect(row).toContain(text);
  });

  it('names migrant smuggling under public security with KEYWORD_OTHER, never as human trafficking', () => {
    const notice = buildNotice(input([]), cfg);
    expect(notice.classification).toMatchObject({
      category: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
      category_specification: ['KEYWORD_OTHER'],
    });
    expect(notice.classification.category_specification_other).toMatch(/^Migrant smuggling/);
    expect(JSON.stringify(notice)).not.toContain('TRAFFICKING');
    expect(validateNotice(notice), JSON.stringify(validateNotice.errors)).toBe(true);
  });

  it('links each captured evidence file for download by the platform, with its hash', () => {
    const evidence = {
      capturedAt: '2026-12-01T00:01:00.000Z',
      finalUrl: 'https://platform.invalid/p/1',
      httpStatus: 200,
      screenshotSha256: 'b'.repeat(64),
      htmlSha256: 'c'.repeat(64),
      error: null,
    };
    const notice = buildNotice({ ...input([]), evidence, evidenceFiles: ['screenshot.png', 'page.html'] }, cfg);
    expect(notice.evidence?.downloads).toEqual([
      {
        file: 'screenshot.png',
        url: 'https://tidewatch.example.org/v1/platform/referrals/0b6f5a3e-3f4e-4c55-9f0e-1d2c3b4a5f60/evidence/screenshot.png',
        sha256: 'b'.repeat(64),
      },
      {
        file: 'page.html',
        url: 'https://tidewatch.example.org/v1/platform/referrals/0b6f5a3e-3f4e-4c55-9f0e-1d2c3b4a5f60/evidence/page.html',
        sha256: 'c'.repeat(64),
      },
    ]);
    expect(validateNotice(notice), JSON.stringify(validateNotice.errors)).toBe(true);
  });

  it('names cues stored before glosses existed (or with a malformed gloss) without one', () => {
    const notice = buildNotice(
      input([
        { type: 'concept:transport', value: 'بلم', start: 0, end: 3 },
        { type: 'concept:destination', value: 'انگلیس', start: 7, end: 13, gloss: ' ' },
      ]),
      cfg,
    );
    expect(notice.illegality.explanation).toContain('Indicators in the text: transport: “بلم”; destination word: “انگلیس”.');
    expect(validateNotice(notice), JSON.stringify(validateNotice.errors)).toBe(true);
  });
});

describe('the notifier', () => {
  it('is refused while it is the placeholder, naming the variable still unset, except in the demo', () => {
    const placeholder = loadConfig({}).notice;
    expect(placeholderSenderProblem(placeholder)).toMatch(/NOTIFIER_NAME .*and NOTIFIER_EMAIL/);
    expect(placeholderSenderProblem(loadConfig({ NOTIFIER_NAME: 'Border Watch NGO' }).notice)).toMatch(/set NOTIFIER_EMAIL/);
    expect(
      placeholderSenderProblem(loadConfig({ NOTIFIER_NAME: 'Border Watch NGO', NOTIFIER_EMAIL: 'desk@borderwatch.org' }).notice),
    ).toBeNull();
    expect(placeholderSenderProblem({ ...placeholder, placeholderSenderAllowed: true })).toBeNull();
  });
});
