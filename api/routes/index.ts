/**
 * Every documented route group, mounted on one OpenAPIHono so their schemas merge into a single
 * /openapi.json. `createApp` mounts this; operational endpoints (metrics, admin) sit beside it.
 */
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.ts';
import { router } from '../openapi.ts';
import { auditRoutes } from './audit.ts';
import { addDocs } from './docs.ts';
import { healthRoutes } from './health.ts';
import { platformReferralRoutes } from './platform-referrals.ts';
import { postsRoutes } from './posts.ts';
import { reviewClaimRoutes } from './review-claims.ts';
import { reviewDecisionRoutes } from './review-decisions.ts';
import { reviewItemsRoutes } from './review-items.ts';

export const REVIEW_MAX_BODY_BYTES = 256 * 1024;

export function documentedRoutes() {
  const app = router();
  // Review bodies are small (a bulk decision of 500 ids is ~20 KB); refuse anything far bigger early.
  app.use(
    '/v1/review/*',
    bodyLimit({
      maxSize: REVIEW_MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `request body exceeds ${REVIEW_MAX_BODY_BYTES} bytes`);
      },
    }),
  );
  app.route('/', healthRoutes());
  app.route('/', postsRoutes());
  app.route('/', reviewItemsRoutes());
  app.route('/', reviewClaimRoutes());
  app.route('/', reviewDecisionRoutes());
  app.route('/', auditRoutes());
  app.route('/', platformReferralRoutes());
  addDocs(app);
  return app;
}
