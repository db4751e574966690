/**
 * Replay protection for signed platform callbacks. A signature and a fresh timestamp prove who
 * sent a request and when, but not that it is the first time: anyone who sees one signed request
 * could send it again within the timestamp tolerance. So each accepted `webhook-id` is remembered
 * in Redis (`SET NX EX`) for twice the tolerance, which covers every moment at which its
 * timestamp could still pass; a second request with the same id is refused with a 409 naming it.
 *
 * The id is only kept when the request succeeds: a report refused for a bad body, or lost to a
 * server error, can be sent again under the same id.
 */
import type { Context, Next } from 'hono';
import { TIMESTAMP_TOLERANCE_SECONDS } from '../../referrals/delivery/signature.ts';
import type { ApiEnv } from '../context.ts';
import { ApiError, badRequest } from '../errors.ts';

/** Long enough that a timestamp accepted at the edge of the window can no longer pass when the id is forgotten. */
export const WEBHOOK_ID_TTL_SECONDS = 2 * TIMESTAMP_TOLERANCE_SECONDS;

const WEBHOOK_ID = /^[\x21-\x7e]{1,256}$/;

/**
 * Runs `next` at most once per (platform, webhook-id) within the TTL. Call after the signature
 * has verified, so only the holder of the secret can use up an id.
 */
export async function oncePerWebhookId(c: Context<ApiEnv>, platformId: number, webhookId: string, next: Next): Promise<void> {
  if (!WEBHOOK_ID.test(webhookId)) throw badRequest('header webhook-id: must be 1–256 visible ASCII characters');
  const { redis, config } = c.var.ctx;
  const key = `${config.queuePrefix}:webhook-seen:${platformId}:${webhookId}`;
  const claimed = await redis.set(key, new Date().toISOString(), 'EX', WEBHOOK_ID_TTL_SECONDS, 'NX');
  if (claimed !== 'OK') {
    throw new ApiError(
      409,
      'conflict',
      `header webhook-id: ${webhookId} was already accepted; a replayed request is refused (sign each new report with a new webhook-id)`,
      {
        reason: 'replayed',
        webhookId,
      },
    );
  }
  let ok = false;
  try {
    await next();
    ok = c.res.status < 300;
  } finally {
    if (!ok) await redis.del(key);
  }
}
