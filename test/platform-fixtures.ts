/**
 * A referral already sent to a platform, written straight to the database, so tests of the
 * platform callback routes need neither the pipeline nor a fake receiver. And a request signed the
 * way a platform signs its status reports (with the off-the-shelf `standardwebhooks` library).
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { PoolDb } from '../core/db/index.ts';
import { seedReviewItems } from './review-fixtures.ts';

/** Creates `count` referrals in status `sent` on `platform`; returns their ids. */
export async function seedSentReferrals(db: PoolDb, platform: string, count = 1): Promise<string[]> {
  const { id: platformId } = await db.prisma.platform.findUniqueOrThrow({ where: { name: platform }, select: { id: true } });
  const items = await seedReviewItems(
    db,
    Array.from({ length: count }, () => ({ platform, status: 'confirmed' as const })),
  );
  const ids: string[] = [];
  for (const { postId } of items) {
    const r = await db.prisma.referral.create({
      data: { postId, platformId, status: 'sent', idempotencyKey: `${platformId}:${postId}`, sentAt: new Date() },
      select: { id: true },
    });
    ids.push(r.id);
  }
  return ids;
}

/** Standard Webhooks headers for `raw`, with a fresh webhook-id unless one is given. */
export function signedReport(secret: string, raw: string, opts: { webhookId?: string; at?: Date } = {}): Record<string, string> {
  const id = opts.webhookId ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, raw),
  };
}
