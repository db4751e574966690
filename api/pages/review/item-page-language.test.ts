import { describe, expect, it } from 'vitest';
import type { ReviewItemView } from '../../../review/review-list.ts';
import { ItemPage } from './item-page.tsx';

function item(language: string, languageTag: string): ReviewItemView {
  const at = '2026-12-07T10:00:00.000Z';
  return {
    id: '0193a000-0000-7000-8000-000000000001',
    status: 'open',
    priority: 1,
    score: 0.8,
    referralCandidate: false,
    language,
    category: 'boat_crossing',
    platform: 'telegram',
    createdAt: at,
    updatedAt: at,
    decidedAt: null,
    claim: null,
    duplicates: 0,
    nearDuplicateOf: null,
    network: null,
    post: {
      id: '0193a000-0000-7000-8000-000000000002',
      text: 'ghayegh amade, pool nadari?',
      url: 'https://example.com/p/1',
      platform: 'telegram',
      author: null,
      language: null,
      postedAt: null,
      ingestedAt: at,
    },
    classification: {
      modelVersion: 'test',
      score: 0.8,
      category: 'boat_crossing',
      language,
      languageTag,
      signals: [{ type: 'concept:transport', value: 'ghayegh', start: 0, end: 7 }],
      createdAt: at,
    },
  };
}

const render = (v: ReviewItemView) => String(ItemPage({ who: 'rev', me: 'k-rev', item: v, lead: false, benign: new Set() }));

describe('review item page: language', () => {
  it('shows the script tag and a readable name for a romanised post', () => {
    const html = render(item('fa', 'fa-Latn'));
    expect(html).toContain('Persian (Latin letters) (fa-Latn)');
    expect(html).toMatch(/lang="fa-Latn"/);
  });
  it('shows the plain language when the script is the usual one', () => {
    const html = render(item('fa', 'fa'));
    expect(html).toContain('Persian (fa)');
    expect(html).not.toContain('Latin letters');
  });
});
