/**
 * `GET /v1/platform/referrals/{id}/evidence/{file}`: the captured screenshot or HTML of a referral,
 * for the referral's own platform key (another platform's referral answers 404) or an admin.
 * The HTML is served as a download in a sandbox, never rendered as a page of ours.
 */
import { createRoute } from '@hono/zod-openapi';
import { principalOf, secured } from '../auth/require-role.ts';
import { errors, router, z } from '../openapi.ts';
import { EVIDENCE_FILES, readEvidenceFile } from '../../referrals/evidence-files.ts';
import type { Context } from 'hono';
import type { ApiEnv } from '../context.ts';

const ROLES = ['admin', 'platform'] as const;

const evidenceRoute = createRoute({
  method: 'get',
  path: '/v1/platform/referrals/{id}/evidence/{file}',
  tags: ['platform'],
  summary: 'Download an evidence file of a referral (screenshot or captured HTML)',
  description: 'The file names a referral has are listed in its `evidenceFiles`. The SHA-256 of each file is in the notice’s evidence.',
  ...secured(...ROLES),
  request: { params: z.object({ id: z.string(), file: z.enum(EVIDENCE_FILES) }) },
  responses: {
    200: {
      description: 'The file',
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errors(400, 401, 403, 404),
  },
});

/** Sends an evidence file with headers that keep captured HTML from running as our page (also used by /platform). */
export function sendEvidence(c: Context<ApiEnv>, f: { bytes: Buffer; contentType: string; name: string }, referralId: string): Response {
  const inline = f.contentType === 'image/png';
  return c.body(new Uint8Array(f.bytes), 200, {
    'content-type': f.contentType,
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="referral-${referralId}-${f.name}"`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'private, no-store',
  });
}

export function platformEvidenceRoutes() {
  const app = router();
  app.openapi(evidenceRoute, async (c) => {
    const { id, file } = c.req.valid('param');
    const p = principalOf(c);
    const f = await readEvidenceFile(
      c.var.ctx.db,
      c.var.ctx.config.evidence.dir,
      id,
      file,
      p.role === 'admin' ? null : (p.platformId ?? -1),
    );
    return sendEvidence(c, f, id) as never;
  });
  return app;
}
