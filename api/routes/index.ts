/**
 * Every documented route group, mounted on one OpenAPIHono so their schemas merge into a single
 * /openapi.json. `createApp` mounts this; operational endpoints (metrics, admin) sit beside it.
 */
import { limitBody, PLATFORM_MAX_BODY_BYTES, REVIEW_MAX_BODY_BYTES } from '../middleware/body-limit.ts';
import { router } from '../openapi.ts';
import { auditRoutes } from './audit.ts';
import { contactRoutes } from './contacts.ts';
import { addDocs } from './docs.ts';
import { healthRoutes } from './health.ts';
import { platformReferralRoutes } from './platform-referrals.ts';
import { referralOperationRoutes } from './referral-operations.ts';
import { networkRoutes } from './networks.ts';
import { noticeSchemaRoutes } from './notice-schema.ts';
import { postsRoutes } from './posts.ts';
import { reviewClaimRoutes } from './review-claims.ts';
import { reviewDecisionRoutes } from './review-decisions.ts';
import { reviewItemsRoutes } from './review-items.ts';
import { sessionRoutes } from './sessions.ts';
import { statsRoutes } from './stats.ts';

export function documentedRoutes() {
  const app = router();
  // Review and platform bodies are small; refuse anything far bigger early.
  app.use('/v1/review/*', limitBody(REVIEW_MAX_BODY_BYTES, '/v1/review routes'));
  app.use('/v1/contacts/*', limitBody(REVIEW_MAX_BODY_BYTES, '/v1/contacts routes'));
  // A bulk report (up to 500 updates, each with a reason of up to 2,000 characters) gets the review bodies' limit.
  const platformLimit = limitBody(PLATFORM_MAX_BODY_BYTES, 'platform reports');
  const bulkLimit = limitBody(REVIEW_MAX_BODY_BYTES * 4, 'bulk platform reports');
  app.use('/v1/platform/*', (c, next) => (c.req.path === '/v1/platform/referrals/status' ? bulkLimit(c, next) : platformLimit(c, next)));
  app.route('/', healthRoutes());
  app.route('/', noticeSchemaRoutes());
  app.route('/', postsRoutes());
  app.route('/', reviewItemsRoutes());
  app.route('/', reviewClaimRoutes());
  app.route('/', reviewDecisionRoutes());
  app.route('/', auditRoutes());
  app.route('/', platformReferralRoutes());
  app.route('/', referralOperationRoutes());
  app.route('/', networkRoutes());
  app.route('/', contactRoutes());
  app.route('/', statsRoutes());
  app.route('/', sessionRoutes());
  addDocs(app);
  return app;
}
