/**
 * The referral notice: what a platform receives about one post. Its shape follows EU DSA
 * Art. 16(2) — (a) a substantiated explanation of why the content is illegal, (b) the exact URL
 * and identifiers, (c) the notifier's name and email, (d) a good-faith statement — so a platform
 * can treat it as a valid notice without asking back. Where a field has an equivalent in the DSA
 * Transparency Database statement-of-reasons vocabulary (decision_ground, category,
 * content_language, automated_detection, source_type, puid) the same names and values are used,
 * so platforms can copy them into their own statements of reasons. The schema is
 * `referrals/notice.schema.json`; tests validate built notices against it.
 */
import type { Config } from '../core/config.ts';
import type { Signal } from '../detector/types.ts';

export const NOTICE_SCHEMA_ID = 'https://tidewatch.invalid/schemas/notice/v1.json';

/** Art. 16(2)(d): the statement is fixed text so every notice carries the same commitment. */
export const GOOD_FAITH_STATEMENT =
  'The notifier states a bona fide belief that the information and allegations contained in this notice are accurate and complete.';

/** What a notice cites of a signal; the gloss lets a platform reviewer who does not read the language see what fired. */
export type NoticeSignal = Pick<Signal, 'type' | 'value' | 'start' | 'end' | 'gloss'>;

/** `concept:transport "بلم" (boat (Iranian slang for an inflatable dinghy))`; no gloss (entities, old rows): without it. */
function cue(s: NoticeSignal): string {
  const gloss = typeof s.gloss === 'string' && s.gloss.trim() !== '' ? ` (${s.gloss})` : '';
  return `${s.type} "${s.value}"${gloss}`;
}

export interface EvidenceSummary {
  capturedAt: string;
  finalUrl: string | null;
  httpStatus: number | null;
  screenshotSha256: string | null;
  htmlSha256: string | null;
  error: string | null;
}

export interface NoticeInput {
  referral: { id: string; idempotencyKey: string; automated: boolean; createdAt: Date };
  platform: { name: string };
  post: {
    url: string;
    platformPostId: string;
    authorHandle: string | null;
    text: string;
    textSha256: string;
    language: string | null;
    postedAt: Date | null;
  };
  classification: { category: string; score: number; modelVersion: string; signals: NoticeSignal[] } | null;
  evidence: EvidenceSummary | null;
  /** Other platform post ids carrying the same content on this platform (re-uploads). */
  duplicates?: string[];
}

export type Notice = ReturnType<typeof buildNotice>;

/** Our detector categories, in words a platform's reviewer understands. */
const CATEGORY_WORDS: Record<string, string> = {
  boat_crossing: 'irregular small-boat sea crossings',
  lorry: 'concealment in lorries',
  flight_documents: 'flights on false or fraudulently obtained documents',
  land_route: 'irregular land-route border crossings',
  job_lure: 'irregular entry disguised as job offers',
  recruitment: 'recruitment into a smuggling operation',
};

function explanation(input: NoticeInput, legalGround: string): string {
  const c = input.classification;
  const what = CATEGORY_WORDS[c?.category ?? ''] ?? 'irregular entry into another country';
  const cues = [...new Set((c?.signals ?? []).map(cue))].slice(0, 12);
  return [
    `The content advertises migrant-smuggling services (${what}) for payment, which is unlawful under ${legalGround}.`,
    cues.length ? `Indicators in the text: ${cues.join('; ')}.` : '',
    input.referral.automated
      ? 'It was identified by automated detection above the referral threshold; no human has reviewed it.'
      : 'It was identified by automated detection and confirmed by a human reviewer.',
  ]
    .filter(Boolean)
    .join(' ');
}

export function buildNotice(input: NoticeInput, cfg: Config['notice'], now = new Date()) {
  const trusted = cfg.trustedFlaggerId !== undefined;
  const c = input.classification;
  return {
    $schema: NOTICE_SCHEMA_ID,
    noticeId: input.referral.id,
    /** Also the webhook-id: a platform dedupes retries and repeated flags on it. */
    idempotencyKey: input.referral.idempotencyKey,
    issuedAt: now.toISOString(),
    notifier: {
      name: cfg.notifierName,
      email: cfg.notifierEmail,
      trustedFlaggerId: cfg.trustedFlaggerId ?? null,
      source_type: trusted ? ('SOURCE_TRUSTED_FLAGGER' as const) : ('SOURCE_ARTICLE_16' as const),
    },
    content: {
      url: input.post.url,
      platform: input.platform.name,
      /** DSA "platform unique identifier" of the content. */
      puid: input.post.platformPostId,
      accountId: input.post.authorHandle,
      duplicatePuids: input.duplicates ?? [],
      content_type: ['CONTENT_TYPE_TEXT'] as string[],
      content_language: input.post.language,
      postedAt: input.post.postedAt?.toISOString() ?? null,
      textSha256: input.post.textSha256,
    },
    illegality: {
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' as const,
      legalGround: cfg.legalGround,
      jurisdiction: cfg.jurisdiction,
      explanation: explanation(input, cfg.legalGround),
    },
    classification: {
      category: 'STATEMENT_CATEGORY_VIOLENCE' as const,
      category_specification: ['KEYWORD_HUMAN_TRAFFICKING'] as string[],
      detectorCategory: c?.category ?? null,
      score: c?.score ?? null,
      modelVersion: c?.modelVersion ?? null,
      signals: c?.signals ?? [],
      /** DSA automated_detection: whether the content was found by automated means. */
      automated_detection: c !== null,
      /** Whether a person confirmed it before it was sent. */
      humanReviewed: !input.referral.automated,
    },
    evidence: input.evidence,
    goodFaithStatement: GOOD_FAITH_STATEMENT,
  };
}
