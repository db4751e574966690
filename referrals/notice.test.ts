/**
 * The notice a platform receives names the cues that fired with their English glosses, so a
 * trust & safety reviewer who does not read the post's language sees what they mean.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
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

describe('referral notice cues', () => {
  it("carries each cue's English gloss in its signals and its explanation, and validates against the schema", () => {
    const notice = buildNotice(
      input([
        { type: 'concept:transport', value: 'بلم', start: 0, end: 3, gloss: 'boat (Iranian slang for an inflatable dinghy)' },
        { type: 'concept:destination', value: 'انگلیس', start: 7, end: 13, gloss: 'England / the UK' },
        { type: 'phone', value: '+447911123456', start: 21, end: 36 },
      ]),
      cfg,
    );
    expect(notice.classification.signals[0]).toMatchObject({ value: 'بلم', gloss: 'boat (Iranian slang for an inflatable dinghy)' });
    expect(notice.illegality.explanation).toContain('concept:transport "بلم" (boat (Iranian slang for an inflatable dinghy))');
    expect(notice.illegality.explanation).toContain('concept:destination "انگلیس" (England / the UK)');
    expect(notice.illegality.explanation).toContain('; phone "+447911123456".');
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
    expect(notice.illegality.explanation).toContain('Indicators in the text: concept:transport "بلم"; concept:destination "انگلیس".');
    expect(validateNotice(notice), JSON.stringify(validateNotice.errors)).toBe(true);
  });
});
