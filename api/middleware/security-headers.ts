/**
 * Security headers on every answer: a Content-Security-Policy fitted to what each part serves,
 * framing refused (`frame-ancestors 'none'` and X-Frame-Options DENY), `nosniff`, a
 * Referrer-Policy, and HSTS when the request came over https.
 *
 * No policy allows inline script except by hash: the pages' one inline script and their styles
 * are fixed strings, hashed here once; Swagger UI's start-up script is a file (routes/docs.ts);
 * bull-board's page has only script files. The two vendor UIs set inline styles from their own
 * code, so they alone get `style-src 'unsafe-inline'` (styles cannot run code). Every policy
 * names only this origin: no font, script or image is fetched from anywhere else.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { ApiEnv } from '../context.ts';
import { CSS as ANALYTICS_CSS } from '../pages/analytics/page.tsx';
import { ITEM_SCRIPTS } from '../pages/review/item-scripts.ts';
import { CSS as PAGE_CSS, SCRIPT as PAGE_SCRIPT } from '../pages/review/layout.tsx';
import { cameOverHttps } from '../pages/session.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

const COMMON = { 'base-uri': "'none'", 'form-action': "'self'", 'frame-ancestors': "'none'" };

/** Swagger UI and bull-board: script files from this origin only; they set inline styles (which cannot run code). */
const VENDOR_UI = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  ...COMMON,
};

/** Content-Security-Policy per part of the site, by path prefix; the first match wins. */
export const POLICIES: [prefix: string, csp: string][] = [
  [
    '/admin/queues',
    policy({
      ...VENDOR_UI,
      'manifest-src': "'self'",
      // bull-board's page sets <base href> to its own path.
      'base-uri': "'self'",
    }),
  ],
  ['/docs', policy(VENDOR_UI)],
  ...['/review', '/networks', '/analytics'].map((prefix): [string, string] => [
    prefix,
    policy({
      'default-src': "'none'",
      'script-src': [PAGE_SCRIPT, ...ITEM_SCRIPTS].map(hash).join(' '),
      'style-src': `${hash(PAGE_CSS)} ${hash(ANALYTICS_CSS)}`,
      'img-src': "'self'",
      ...COMMON,
    }),
  ]),
];

/** JSON, metrics, /openapi.json: nothing to load, nothing to frame. */
const NOTHING = policy({ 'default-src': "'none'", 'frame-ancestors': "'none'" });

export function policyFor(path: string): string {
  return POLICIES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`))?.[1] ?? NOTHING;
}

export function securityHeaders(): MiddlewareHandler<ApiEnv> {
  const common = secureHeaders({
    xFrameOptions: 'DENY',
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on same-origin
    // form posts, and the CSRF check (hono/csrf) reads Origin.
    referrerPolicy: 'same-origin',
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await common(c, next);
    c.header('Content-Security-Policy', policyFor(c.req.path));
    if (cameOverHttps(c)) c.header('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
  };
}
