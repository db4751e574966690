/**
 * Platform reports signed the Standard Webhooks way: when the platform has a signing secret, a
 * platform key's report must carry a valid signature over the exact body bytes, and each
 * webhook-id is accepted once (api/middleware/webhook-replay.ts). Shared by the single and the
 * bulk status routes.
 */
import type { Context, Next } from 'hono';
import type { ApiEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { oncePerWebhookId } from '../middleware/webhook-replay.ts';
import { verify } from '../../referrals/delivery/signature.ts';
import { openSecret } from '../../referrals/secrets.ts';

const MESSAGES = {
  missing_headers: 'platform requests must be signed: send webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks)',
  bad_timestamp: 'webhook-timestamp must be Unix seconds',
  stale_timestamp: 'webhook-timestamp is more than 5 minutes from now; re-sign the request',
  bad_signature: 'webhook-signature does not match the body signed with the platform’s secret',
} as const;

/** Verifies `raw` against the platform's secret (if it has one), then runs `next` once per webhook-id. */
export async function signedOnce(
  c: Context<ApiEnv>,
  platformId: number,
  signingSecret: string | null,
  raw: string,
  next: Next,
): Promise<void> {
  if (!signingSecret) return next();
  const secret = openSecret(signingSecret, c.var.ctx.config.secretsKey);
  const failure = verify(
    secret,
    { id: c.req.header('webhook-id'), timestamp: c.req.header('webhook-timestamp'), signature: c.req.header('webhook-signature') },
    raw,
  );
  if (failure) throw new ApiError(401, 'unauthorized', MESSAGES[failure], { reason: failure });
  return oncePerWebhookId(c, platformId, c.req.header('webhook-id')!, next);
}
