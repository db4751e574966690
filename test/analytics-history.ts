/**
 * A known moderation history written straight to the database, for tests that assert exact
 * figures. The range of interest is 2026-09-01 … 2026-09-14 (UTC); P0 and P15 lie outside it (P0's
 * referral is sent inside it). Expected figures are worked out by hand in `stats.test.ts` from
 * the table below, not by re-running the queries' logic.
 *
 * post  platform  lang cat         ingested      outcome              author      page
 * P0    facebook  en   small_boat  08-25 10:00   referral_candidate   oldboat     fb oldboats
 * P1    facebook  en   small_boat  09-01 10:00   referral_candidate   boatman     fb ukboats
 * P2    facebook  en   small_boat  09-01 11:00   referral_candidate   Boatman     fb UKBoats (same)
 * P3    facebook  fr   lorry*      09-02 09:00   review               camion      fb groups/calais
 * P4    telegram  ar   small_boat  09-02 10:00   referral_candidate   @bahr       tg bahr_uk
 * P5    telegram  ar   small_boat  09-03 10:00   referral_candidate   bahr        tg bahr_uk
 * P6    telegram  en   documents   09-08 09:00   review               docs        tg docs_fast
 * P7    tiktok    en   small_boat  09-08 10:00   referral_candidate   crossing    –
 * P8    tiktok    fr   lorry       09-09 10:00   review               routier     –
 * P9    facebook  en   small_boat  09-10 10:00   dismissed            newsdesk    fb bbcnews
 * P10   telegram  ar   documents   09-10 11:00   dismissed            warn        tg warnings
 * P11   tiktok    en   small_boat  09-11 10:00   dismissed            ngo         –
 * P12   facebook  en   (P1's)      09-12 10:00   duplicate of P1      boatman2    fb ukboats2
 * P13   telegram  ar   –           09-13 10:00   pending              newguy      tg newchan
 * P14   telegram  ar   (P10's)     09-12 12:00   duplicate of P10     warn2       tg warnings2
 * P15   facebook  en   small_boat  09-20 10:00   referral_candidate   late        fb late
 * P16   tiktok    en   lorry       09-13 12:00   referral_candidate   lorrydriver –
 * P17   facebook  en   small_boat  09-15 10:00   referral_candidate   failing     fb failing
 * P18   telegram  ar   small_boat  09-16 10:00   review               held        tg held_chan
 * P19   tiktok    en   lorry       09-16 12:00   referral_candidate   waiting     –
 * P20   x         en   none        09-17 10:00   review               nodelivery  –
 * (* P3 has two classifications: small_boat from model v0, then lorry from v1; the latest counts.)
 * Classified posts are routed one minute after ingest, and their review items created then.
 *
 * Referrals (hours from sending to removal):
 * R0  P0  sent 09-02 00:00, ack 01:00, actioned 04:00, offline 06:00       → removed 4 h
 * R1  P1  sent 09-01 14:00, ack 15:00, actioned 16:00                      → removed 2 h
 * R3  P3  sent 09-02 12:00, declined 09-03 12:00, still online             → declined
 * R4  P4  sent 09-02 12:00, seen offline 20:00 before any decision         → removed 8 h
 * R5  P5  sent 09-04 00:00, ack 02:00, declined 10:00, offline 09-05 00:00,
 *         reappeared 09-06 (offlineAt cleared; the audit trail keeps it)   → removed 24 h, declined
 * R7  P7  sent 09-08 12:00, ack 13:00, actioned 09-10 08:00                → removed 44 h
 * R15 P15 sent 09-20 (outside), RQ P16 automated, queued, never sent.
 *
 * What became of the confirmations of 09-15 … 09-21 (the second week; none of it touches the
 * first two): P15 referred (R15 sent), P17 delivery failed (R17 `failed` after 5 attempts), P18
 * awaiting delivery (R18 `queued`, held for telegram's action day), P19 awaiting delivery (no
 * referral row yet), P20 not referable (x takes no referrals: delivery `none`; R20 stays `queued`).
 * Delivery modes: facebook and tiktok webhook, telegram export, x none.
 *
 * Decisions: reviewer A: P1 confirm, P2 reject, P5 escalate, P6 needs_translation, P8 reject;
 * reviewer B: P3, P4, P7 confirm (and P15 on 09-20); lead C: P5 confirm, P8 reverse; P0 by A on 08-25;
 * P17 by A on 09-15, P18 and P19 by B on 09-16, P20 by A on 09-17.
 */
import { foldStats } from '../analytics/rollup/fold.ts';
import { createApiKey } from '../api/auth/keys.ts';
import type { PoolDb } from '../core/db/index.ts';
import { postIdFor } from '../core/post-input.ts';
import type { DecisionAction, PostOutcome, ReviewStatus } from '../generated/prisma/enums.ts';

interface PostSpec {
  n: number;
  platform: string;
  lang: string;
  cats: string[];
  at: string;
  outcome: PostOutcome;
  author: string;
  url: string;
  dupOf?: number;
  item?: ReviewStatus;
}

export const t = (s: string) => new Date(`2026-${s.replace(' ', 'T')}:00.000Z`);

export const POSTS: PostSpec[] = [
  {
    n: 0,
    platform: 'facebook',
    lang: 'en',
    cats: ['small_boat'],
    at: '08-25 10:00',
    outcome: 'referral_candidate',
    author: 'oldboat',
    url: 'https://www.facebook.com/oldboats/posts/100',
    item: 'confirmed',
  },
  {
    n: 1,
    platform: 'facebook',
    lang: 'en',
    cats: ['small_boat'],
    at: '09-01 10:00',
    outcome: 'referral_candidate',
    author: 'boatman',
    url: 'https://www.facebook.com/ukboats/posts/101',
    item: 'confirmed',
  },
  {
    n: 2,
    platform: 'facebook',
    lang: 'en',
    cats: ['small_boat'],
    at: '09-01 11:00',
    outcome: 'referral_candidate',
    author: 'Boatman',
    url: 'https://m.facebook.com/UKBoats/posts/102',
    item: 'rejected',
  },
  {
    n: 3,
    platform: 'facebook',
    lang: 'fr',
    cats: ['small_boat', 'lorry'],
    at: '09-02 09:00',
    outcome: 'review',
    author: 'camion',
    url: 'https://www.facebook.com/groups/calais/posts/103',
    item: 'confirmed',
  },
  {
    n: 4,
    platform: 'telegram',
    lang: 'ar',
    cats: ['small_boat'],
    at: '09-02 10:00',
    outcome: 'referral_candidate',
    author: '@bahr',
    url: 'https://t.me/bahr_uk/104',
    item: 'confirmed',
  },
  {
    n: 5,
    platform: 'telegram',
    lang: 'ar',
    cats: ['small_boat'],
    at: '09-03 10:00',
    outcome: 'referral_candidate',
    author: 'bahr',
    url: 'https://t.me/s/bahr_uk/105',
    item: 'confirmed',
  },
  {
    n: 6,
    platform: 'telegram',
    lang: 'en',
    cats: ['documents'],
    at: '09-08 09:00',
    outcome: 'review',
    author: 'docs',
    url: 'https://t.me/docs_fast/106',
    item: 'needs_translation',
  },
  {
    n: 7,
    platform: 'tiktok',
    lang: 'en',
    cats: ['small_boat'],
    at: '09-08 10:00',
    outcome: 'referral_candidate',
    author: 'crossing',
    url: 'https://www.tiktok.com/@crossing/video/107',
    item: 'confirmed',
  },
  {
    n: 8,
    platform: 'tiktok',
    lang: 'fr',
    cats: ['lorry'],
    at: '09-09 10:00',
    outcome: 'review',
    author: 'routier',
    url: 'https://www.tiktok.com/@routier/video/108',
    item: 'open',
  },
  {
    n: 9,
    platform: 'facebook',
    lang: 'en',
    cats: ['small_boat'],
    at: '09-10 10:00',
    outcome: 'dismissed',
    author: 'newsdesk',
    url: 'https://www.facebook.com/bbcnews/posts/109',
  },
  {
    n: 10,
    platform: 'telegram',
    lang: 'ar',
    cats: ['documents'],
    at: '09-10 11:00',
    outcome: 'dismissed',
    author: 'warn',
    url: 'https://t.me/warnings/110',
  },
  {
    n: 11,
    platform: 'tiktok',
    lang: 'en',
    cats: ['small_boat'],
    at: '09-11 10:00',
    outcome: 'dismissed',
    author: 'ngo',
    url: 'https://www.tiktok.com/@ngo/video/111',
  },
  {
    n: 12,
    platform: 'facebook',
    lang: 'en',
    cats: [],
    at: '09-12 10:00',
    outcome: 'duplicate',
    dupOf: 1,
    author: 'boatman2',
    url: 'https://www.facebook.com/ukboats2/posts/112',
  },
  {
    n: 13,
    platform: 'telegram',
    lang: 'ar',
    cats: [],
    at: '09-13 10:00',
    outcome: 'pending',
    author: 'newguy',
    url: 'https://t.me/newchan/113',
  },
  {
    n: 14,
    platform: 'telegram',
    lang: 'ar',
    cats: [],
    at: '09-12 12:00',
    outcome: 'duplicate',
    dupOf: 10,
    author: 'warn2',
    url: 'https://t.me/warnings2/114',
  },
  {
    n: 15,
    platform: 'facebook',
    lang: 'en',
    cats: ['small_boat'],
    at: '09-20 10:00',
    outcome: 'referral_candidate',
    author: 'late',
    url: 'https://www.facebook.com/late/posts/115',
    item: 'confirmed',
  },
  {
    n: 16,
    platform: 'tiktok',
    lang: 'en',
    cats: ['lorry'],
    at: '09-13 12:00',
    outcome: 'referral_candidate',
    author: 'lorrydriver',
    url: 'https://www.tiktok.com/@lorrydriver/video/116',
    item: 'open',
  },
  {
    n: 17,
    platform: 'facebook',
    lang: 'en',
    cats: ['small_boat'],
    at: '09-15 10:00',
    outcome: 'referral_candidate',
    author: 'failing',
    url: 'https://www.facebook.com/failing/posts/117',
    item: 'confirmed',
  },
  {
    n: 18,
    platform: 'telegram',
    lang: 'ar',
    cats: ['small_boat'],
    at: '09-16 10:00',
    outcome: 'review',
    author: 'held',
    url: 'https://t.me/held_chan/118',
    item: 'confirmed',
  },
  {
    n: 19,
    platform: 'tiktok',
    lang: 'en',
    cats: ['lorry'],
    at: '09-16 12:00',
    outcome: 'referral_candidate',
    author: 'waiting',
    url: 'https://www.tiktok.com/@waiting/video/119',
    item: 'confirmed',
  },
  {
    n: 20,
    platform: 'x',
    lang: 'en',
    cats: ['none'],
    at: '09-17 10:00',
    outcome: 'review',
    author: 'nodelivery',
    url: 'https://x.com/nodelivery/status/120',
    item: 'confirmed',
  },
];

export interface History {
  /** Post ids by their number in the table above. */
  posts: Map<number, string>;
  reviewers: { A: string; B: string; C: string };
}

const minute = 60_000;

/** Writes the history into `db` (an isolated test database with platforms seeded). */
export async function seedHistory(db: PoolDb): Promise<History> {
  const platforms = new Map((await db.prisma.platform.findMany()).map((p) => [p.name, p.id]));
  const posts = new Map<number, string>();
  const keyId = async (role: 'reviewer' | 'lead', name: string) =>
    (await createApiKey(db, { role, name, createdBy: 'test' })).key.split('_')[1]!;
  const reviewers = {
    A: await keyId('reviewer', 'Reviewer A'),
    B: await keyId('reviewer', 'Reviewer B'),
    C: await keyId('lead', 'Lead C'),
  };

  const modes = { facebook: 'webhook', tiktok: 'webhook', telegram: 'export', x: 'none' } as const;
  for (const [name, deliveryMode] of Object.entries(modes)) await db.prisma.platform.update({ where: { name }, data: { deliveryMode } });

  for (const p of POSTS) {
    const id = postIdFor(p.platform, `hist-${p.n}`);
    posts.set(p.n, id);
    const ingestedAt = t(p.at);
    const routed = p.outcome !== 'pending' && p.outcome !== 'duplicate';
    const routedAt = routed ? new Date(ingestedAt.getTime() + minute) : null;
    await db.prisma.post.create({
      data: {
        id,
        platformId: platforms.get(p.platform)!,
        platformPostId: `hist-${p.n}`,
        url: p.url,
        authorHandle: p.author,
        text: `Post ${p.n}: boat to UK, WhatsApp +44 7700 900${String(p.n).padStart(3, '0')}`,
        language: p.lang,
        postedAt: ingestedAt,
        ingestedAt,
        contentHash: `hist-hash-${p.dupOf ?? p.n}`,
        duplicateOfId: p.dupOf === undefined ? null : posts.get(p.dupOf)!,
        outcome: p.outcome,
        routedAt,
      },
    });
    for (const [i, category] of p.cats.entries()) {
      await db.prisma.classification.create({
        data: {
          postId: id,
          modelVersion: `v${i}`,
          score: p.outcome === 'dismissed' ? 0.1 : 0.8,
          decision: p.outcome === 'dismissed' ? 'dismiss' : p.outcome === 'review' ? 'review' : 'refer',
          category,
          language: p.lang,
          signals: [{ type: 'phone', value: `+44 7700 900${String(p.n).padStart(3, '0')}`, start: 30, end: 47 }],
          createdAt: new Date(ingestedAt.getTime() + (i + 1) * 1_000),
        },
      });
    }
    if (p.item) {
      await db.prisma.reviewItem.create({
        data: {
          postId: id,
          status: p.item,
          priority: 1,
          score: 0.8,
          referralCandidate: p.outcome === 'referral_candidate',
          platformId: platforms.get(p.platform)!,
          language: p.lang,
          category: p.cats.at(-1)!,
          createdAt: routedAt!,
        },
      });
    }
  }

  const decisions: [number, keyof History['reviewers'], DecisionAction, string][] = [
    [0, 'A', 'confirm', '08-25 12:00'],
    [1, 'A', 'confirm', '09-01 12:00'],
    [2, 'A', 'reject', '09-01 12:30'],
    [3, 'B', 'confirm', '09-02 11:00'],
    [4, 'B', 'confirm', '09-02 11:30'],
    [5, 'A', 'escalate', '09-03 12:00'],
    [5, 'C', 'confirm', '09-03 20:00'],
    [6, 'A', 'needs_translation', '09-08 10:00'],
    [7, 'B', 'confirm', '09-08 11:00'],
    [8, 'A', 'reject', '09-09 11:00'],
    [8, 'C', 'reverse', '09-09 15:00'],
    [15, 'B', 'confirm', '09-20 11:00'],
    [17, 'A', 'confirm', '09-15 11:00'],
    [18, 'B', 'confirm', '09-16 11:00'],
    [19, 'B', 'confirm', '09-16 13:00'],
    [20, 'A', 'confirm', '09-17 11:00'],
  ];
  for (const [n, who, action, at] of decisions) {
    const item = await db.prisma.reviewItem.findUniqueOrThrow({ where: { postId: posts.get(n)! }, select: { id: true } });
    await db.prisma.decision.create({
      data: { reviewItemId: item.id, postId: posts.get(n)!, actor: reviewers[who], action, reasonCode: 'test', createdAt: t(at) },
    });
  }

  type Ev = [string, string];
  const referrals: {
    n: number;
    status: string;
    sent?: string;
    ack?: string;
    decided?: string;
    offline?: string;
    reappeared?: string;
    automated?: boolean;
    attempts?: number;
    lastError?: string;
    audit: Ev[];
  }[] = [
    {
      n: 0,
      status: 'confirmed_offline',
      sent: '09-02 00:00',
      ack: '09-02 01:00',
      decided: '09-02 04:00',
      offline: '09-02 06:00',
      audit: [
        ['referral.actioned', '09-02 04:00'],
        ['referral.confirmed_offline', '09-02 06:00'],
      ],
    },
    {
      n: 1,
      status: 'actioned',
      sent: '09-01 14:00',
      ack: '09-01 15:00',
      decided: '09-01 16:00',
      audit: [['referral.actioned', '09-01 16:00']],
    },
    {
      n: 3,
      status: 'still_online',
      sent: '09-02 12:00',
      decided: '09-03 12:00',
      audit: [
        ['referral.declined', '09-03 12:00'],
        ['referral.still_online', '09-03 13:00'],
      ],
    },
    { n: 4, status: 'sent', sent: '09-02 12:00', offline: '09-02 20:00', audit: [['referral.offline', '09-02 20:00']] },
    {
      n: 5,
      status: 'reappeared',
      sent: '09-04 00:00',
      ack: '09-04 02:00',
      decided: '09-04 10:00',
      reappeared: '09-06 00:00',
      audit: [
        ['referral.declined', '09-04 10:00'],
        ['referral.confirmed_offline', '09-05 00:00'],
        ['referral.reappeared', '09-06 00:00'],
      ],
    },
    {
      n: 7,
      status: 'actioned',
      sent: '09-08 12:00',
      ack: '09-08 13:00',
      decided: '09-10 08:00',
      audit: [['referral.actioned', '09-10 08:00']],
    },
    {
      n: 15,
      status: 'actioned',
      sent: '09-20 12:00',
      ack: '09-20 13:00',
      decided: '09-20 14:00',
      audit: [['referral.actioned', '09-20 14:00']],
    },
    { n: 16, status: 'queued', automated: true, audit: [] },
    { n: 17, status: 'failed', attempts: 5, lastError: 'HTTP 500 from the webhook', audit: [['referral.failed', '09-15 13:00']] },
    { n: 18, status: 'queued', audit: [] },
    { n: 20, status: 'queued', audit: [] },
  ];
  const opt = (s: string | undefined) => (s ? t(s) : null);
  for (const r of referrals) {
    const postId = posts.get(r.n)!;
    const platformId = platforms.get(POSTS.find((p) => p.n === r.n)!.platform)!;
    const row = await db.prisma.referral.create({
      data: {
        postId,
        platformId,
        status: r.status as 'sent',
        idempotencyKey: `${platformId}:${postId}`,
        automated: r.automated ?? false,
        attempts: r.attempts ?? 0,
        lastError: r.lastError ?? null,
        sentAt: opt(r.sent),
        acknowledgedAt: opt(r.ack),
        decidedAt: opt(r.decided),
        offlineAt: opt(r.offline),
        reappearedAt: opt(r.reappeared),
      },
    });
    for (const [action, at] of r.audit) {
      await db.prisma.auditEvent.create({ data: { actor: 'test', action, subjectType: 'referral', subjectId: row.id, createdAt: t(at) } });
    }
  }
  // The analytics read rollups: fold what the writes above marked, as the workers would.
  await foldStats(db, { wait: true });
  return { posts, reviewers };
}
