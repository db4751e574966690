/**
 * Platform signing secrets. Standard Webhooks secrets look like `whsec_<base64 of 24–64 random
 * bytes>`. We need the plaintext to sign outgoing notices and verify incoming status reports, so
 * we cannot store a hash; instead, when SECRETS_KEY is configured, the secret is sealed with
 * AES-256-GCM before it reaches the database, so a database dump alone does not leak it. Without
 * SECRETS_KEY it is stored as given — and, either way, never printed or logged after creation.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const SEALED = 'enc:v1:';

export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function isSigningSecret(s: string): boolean {
  return /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/.test(s);
}

/** The raw HMAC key bytes of a `whsec_` secret (the part after the prefix, base64-decoded). */
export function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

const keyOf = (secretsKey: string) => createHash('sha256').update(secretsKey, 'utf8').digest();

export function sealSecret(secret: string, secretsKey: string | undefined): string {
  if (!secretsKey) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretsKey), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${SEALED}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
}

export function openSecret(stored: string, secretsKey: string | undefined): string {
  if (!stored.startsWith(SEALED)) return stored;
  if (!secretsKey) throw new Error('a platform signing secret is encrypted but SECRETS_KEY is not set');
  const [iv, tag, body] = stored.slice(SEALED.length).split(':') as [string, string, string];
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secretsKey), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}
