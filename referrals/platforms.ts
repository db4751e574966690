/**
 * Per-platform referral settings (delivery mode, webhook URL, signing secret, auto-refer opt-in,
 * "content unavailable" patterns, holding confirmations for action days), as `tidewatch platforms` manages them. The signing secret is
 * sealed before storage (referrals/secrets.ts) and never returned by `listPlatforms`: only
 * whether one is set.
 */
import type { PoolDb } from '../core/db/index.ts';
import { DomainError, type ErrorKind } from '../core/errors.ts';
import { DeliveryMode } from '../generated/prisma/enums.ts';
import { generateSigningSecret, isSigningSecret, sealSecret } from './secrets.ts';

export const DELIVERY_MODES = Object.freeze(Object.values(DeliveryMode));

/** Platform settings the operator gave that cannot be saved as they are. */
export class PlatformError extends DomainError {
  override readonly name = 'PlatformError';
  constructor(message: string, kind: ErrorKind = 'bad_request') {
    super(kind, message);
  }
}

export interface PlatformSettings {
  displayName?: string;
  deliveryMode?: DeliveryMode;
  webhookUrl?: string | null;
  /** A `whsec_…` secret, or `generate` for a fresh one (returned once). */
  signingSecret?: string | null;
  autoRefer?: boolean;
  offlinePatterns?: string[];
  /** Confirmations wait for the next action day instead of being delivered at once. */
  holdForActionDay?: boolean;
}

function check(s: PlatformSettings): void {
  if (s.webhookUrl && !/^https?:\/\//.test(s.webhookUrl)) throw new PlatformError(`--webhook-url must be an http(s) URL`);
  if (s.signingSecret && s.signingSecret !== 'generate' && !isSigningSecret(s.signingSecret))
    throw new PlatformError('--signing-secret must look like whsec_<base64>, or be "generate"');
  for (const p of s.offlinePatterns ?? []) {
    try {
      new RegExp(p, 'i');
    } catch {
      throw new PlatformError(`--offline-pattern ${p} is not a valid regular expression`);
    }
  }
}

/** Creates or updates; returns the new plaintext secret only when one was generated. */
export async function upsertPlatform(
  db: PoolDb,
  name: string,
  s: PlatformSettings,
  secretsKey: string | undefined,
  create: boolean,
): Promise<{ generatedSecret?: string }> {
  if (!/^[a-z0-9_-]{1,32}$/.test(name)) throw new PlatformError('platform name must be 1–32 lower-case letters, digits, _ or -');
  check(s);
  const generatedSecret = s.signingSecret === 'generate' ? generateSigningSecret() : undefined;
  const secret = generatedSecret ?? s.signingSecret;
  const data = {
    ...(s.displayName !== undefined ? { displayName: s.displayName } : {}),
    ...(s.deliveryMode !== undefined ? { deliveryMode: s.deliveryMode } : {}),
    ...(s.webhookUrl !== undefined ? { webhookUrl: s.webhookUrl } : {}),
    ...(secret !== undefined ? { signingSecret: secret === null ? null : sealSecret(secret, secretsKey) } : {}),
    ...(s.autoRefer !== undefined ? { autoRefer: s.autoRefer } : {}),
    ...(s.offlinePatterns !== undefined ? { offlinePatterns: s.offlinePatterns } : {}),
    ...(s.holdForActionDay !== undefined ? { holdForActionDay: s.holdForActionDay } : {}),
  };
  const existing = await db.prisma.platform.findUnique({ where: { name } });
  if (create && existing) throw new PlatformError(`platform ${name} exists; use platforms update`, 'conflict');
  if (!create && !existing) throw new PlatformError(`no platform ${name}; use platforms add`, 'not_found');
  const after = existing
    ? await db.prisma.platform.update({ where: { name }, data })
    : await db.prisma.platform.create({ data: { name, displayName: s.displayName ?? name, ...data } });
  if (after.deliveryMode === 'webhook' && !after.webhookUrl)
    throw new PlatformError(`platform ${name} delivers by webhook but has no --webhook-url (saved; set one before referrals go out)`);
  return generatedSecret ? { generatedSecret } : {};
}

export async function listPlatforms(db: PoolDb) {
  const rows = await db.prisma.platform.findMany({ orderBy: { name: 'asc' } });
  return rows.map((p) => ({
    name: p.name,
    displayName: p.displayName,
    deliveryMode: p.deliveryMode,
    webhookUrl: p.webhookUrl,
    signingSecret: p.signingSecret ? 'set' : 'none',
    autoRefer: p.autoRefer,
    offlinePatterns: p.offlinePatterns,
    holdForActionDay: p.holdForActionDay,
  }));
}
