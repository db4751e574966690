/**
 * The referral notice: what a platform receives about one post. Its shape follows EU DSA
 * Art. 16(2) — (a) a substantiated explanation of why the content is illegal, (b) the exact URL
 * and identifiers, (c) the notifier's name and email, (d) a good-faith statement — so a platform
 * can treat it as a valid notice without asking back. It is written for the person who acts on
 * it: a one-line summary, the post's text, the cues in words with English glosses, and links to
 * download the evidence. Where a field has an equivalent in the DSA Transparency Database
 * statement-of-reasons vocabulary (decision_ground, category, category_specification,
 * content_language, automated_detection, source_type, puid) the same names and values are used,
 * so platforms can copy them into their own statements of reasons. The schema is
 * `referrals/notice.schema.json`, served at `$schema`; tests validate built notices against it.
 */
import type { Config } from '../core/config.ts';
import type { Signal } from '../detector/types.ts';
import { distinctSignalWords, type SignalWords } from '../detector/signal-words.ts';

/** Where the API serves the notice schema (api/routes/notice-schema.ts); `$schema` is this under PUBLIC_URL. */
export const NOTICE_SCHEMA_PATH = '/v1/schemas/notice/v1.json';
export const noticeSchemaUrl = (publicUrl: string) => `${publicUrl}${NOTICE_SCHEMA_PATH}`;

/**
 * The DSA Transparency Database has no keyword for migrant smuggling, and smuggling is not
 * trafficking (consent to the journey; no exploitation on arrival). So: the category for
 * organised-crime risks to public security, `KEYWORD_OTHER`, and the words in
 * `category_specification_other` (referrals/README.md says why).
 */
export const DSA_CATEGORY = 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY';
export const DSA_KEYWORDS = ['KEYWORD_OTHER'] as const;
export const DSA_KEYWORD_OTHER =
  'Migrant smuggling: offering, for payment, to facilitate unauthorised entry into or transit across a country (not human trafficking)';

/** Art. 16(2)(d): the statement is fixed text so every notice carries the same commitment. */
export const GOOD_FAITH_STATEMENT =
  'The notifier states a bona fide belief that the information and allegations contained in this notice are accurate and complete.';

/** What a notice cites of a signal; the gloss lets a platform reviewer who does not read the language see what fired. */
export type NoticeSignal = Pick<Signal, 'type' | 'value' | 'start' | 'end' | 'gloss'>;

/** Who sends notices and where this API is reached; `Config['notice']` or a part of it. */
export type NoticeSettings = Pick<
  Config['notice'],
  'legalGround' | 'jurisdiction' | 'notifierName' | 'notifierEmail' | 'trustedFlaggerId'
> & {
  publicUrl?: string;
};

export interface EvidenceSummary {
  capturedAt: string;
  finalUrl: string | null;
  httpStatus: number | null;
  screenshotSha256: string | null;
  htmlSha256: string | null;
  error: string | null;
  /** The captured files the platform downloads with its own key, with the hash to check each against. */
  downloads?: { file: string; url: string; sha256: string | null }[];
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
  /** Evidence files stored for the referral (`screenshot.png`, `page.html`): each gets a download link. */
  evidenceFiles?: readonly string[];
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

const SUMMARY_KINDS = ['destination', 'origin', 'transit', 'price'];

/** The few cues that tell the story at a glance: route, price, then one way to get in touch. */
function keyCues(cues: SignalWords[]): string[] {
  const route = cues.filter((c) => SUMMARY_KINDS.includes(c.label));
  const contact = cues.find((c) => c.label === 'phone number' || c.label.endsWith(' contact'));
  return [...route.slice(0, 3), ...(contact ? [contact] : [])].map((c) => `${c.label} ${c.value}`.trim());
}

/** One line a platform moderator reads in ten seconds: what it is, the key facts, who checked it, what we ask. */
function summary(input: NoticeInput, cues: SignalWords[], jurisdiction: string): string {
  const what = CATEGORY_WORDS[input.classification?.category ?? ''] ?? 'irregular entry into another country';
  const facts = keyCues(cues);
  const checked = input.referral.automated ? 'found by automated detection, not yet checked by a person' : 'confirmed by a human reviewer';
  return `Migrant-smuggling advert on ${input.platform.name} offering ${what}${facts.length ? ` (${facts.join(', ')})` : ''}; ${checked}. Illegal under ${jurisdiction} law: please remove it.`;
}

function explanation(input: NoticeInput, cues: SignalWords[], legalGround: string): string {
  const c = input.classification;
  const what = CATEGORY_WORDS[c?.category ?? ''] ?? 'irregular entry into another country';
  const words = cues.slice(0, 12).map((w) => w.text);
  return [
    `The content advertises migrant-smuggling services (${what}) for payment, which is unlawful under ${legalGround}.`,
    words.length ? `Indicators in the text: ${words.join('; ')}.` : '',
    input.referral.automated
      ? 'It was identified by automated detection above the referral threshold; no human has reviewed it.'
      : 'It was identified by automated detection and confirmed by a human reviewer.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The evidence files a stored capture record holds, by their download names. */
export function storedEvidenceFiles(stored: unknown): string[] {
  const files = (stored as { files?: { screenshot?: unknown; html?: unknown } | null } | null)?.files;
  if (!files) return [];
  return [...(files.screenshot ? ['screenshot.png'] : []), ...(files.html ? ['page.html'] : [])];
}

/** Evidence download links under the platform API (the referral's own platform key fetches them). */
function withDownloads(evidence: EvidenceSummary | null, files: readonly string[], referralId: string, publicUrl: string) {
  if (!evidence) return null;
  const hashes: Record<string, string | null> = { 'screenshot.png': evidence.screenshotSha256, 'page.html': evidence.htmlSha256 };
  const downloads = files.map((file) => ({
    file,
    url: `${publicUrl}/v1/platform/referrals/${referralId}/evidence/${file}`,
    sha256: hashes[file] ?? null,
  }));
  return { ...evidence, downloads };
}

export function buildNotice(input: NoticeInput, cfg: NoticeSettings, now = new Date()) {
  const trusted = cfg.trustedFlaggerId !== undefined;
  const c = input.classification;
  const publicUrl = cfg.publicUrl ?? 'http://127.0.0.1:3000';
  const cues = distinctSignalWords(c?.signals ?? []);
  return {
    $schema: noticeSchemaUrl(publicUrl),
    noticeId: input.referral.id,
    /** Also the webhook-id: a platform dedupes retries and repeated flags on it. */
    idempotencyKey: input.referral.idempotencyKey,
    issuedAt: now.toISOString(),
    summary: summary(input, cues, cfg.jurisdiction),
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
      /** The post as we saw it, so the moderator need not open the link to read it. */
      text: input.post.text,
      textSha256: input.post.textSha256,
    },
    illegality: {
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' as const,
      legalGround: cfg.legalGround,
      jurisdiction: cfg.jurisdiction,
      explanation: explanation(input, cues, cfg.legalGround),
    },
    classification: {
      category: DSA_CATEGORY,
      category_specification: [...DSA_KEYWORDS] as string[],
      category_specification_other: DSA_KEYWORD_OTHER,
      detectorCategory: c?.category ?? null,
      score: c?.score ?? null,
      modelVersion: c?.modelVersion ?? null,
      /** The cues in words, each with its English gloss where the lexicon has one. */
      cues,
      /** The same cues as the detector records them (machine-readable, with UTF-16 spans). */
      signals: c?.signals ?? [],
      /** DSA automated_detection: whether the content was found by automated means. */
      automated_detection: c !== null,
      /** Whether a person confirmed it before it was sent. */
      humanReviewed: !input.referral.automated,
    },
    evidence: withDownloads(input.evidence, input.evidenceFiles ?? [], input.referral.id, publicUrl),
    goodFaithStatement: GOOD_FAITH_STATEMENT,
  };
}
