/**
 * The one place where configuration is read from the environment. Every other module receives a
 * typed `Config`; nothing else touches `process.env`, so what Tidewatch can be told is listed here
 * (and in `.env.example`).
 */
import { z } from 'zod';
import { parseAllowHosts, type AllowedHost } from './net/address-policy.ts';

const port = z.coerce.number().int().min(0).max(65_535);
const unit = z.coerce.number().min(0).max(1);
/** Requests per RATE_LIMIT_WINDOW_SECONDS. */
const rateLimit = z.coerce.number().int().min(1).max(100_000_000);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    QUEUE_PREFIX: z.string().regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only').default('tidewatch'),
    API_HOST: z.string().min(1).default('127.0.0.1'),
    API_PORT: port.optional(),
    /** The hosting platforms' convention (Heroku, Render, Cloud Run…); API_PORT wins when both are set. */
    PORT: port.optional(),
    REFER_THRESHOLD: unit.optional(),
    REVIEW_THRESHOLD: unit.optional(),
    INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    CLASSIFY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PRIORITY_HALF_LIFE_HOURS: z.coerce.number().positive().default(24),
    TIDEWATCH_MODEL: z.string().regex(/^[\w.-]+$/, 'a model version such as ngram-1df9f5d9d84b').optional(),
    MODEL_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(20_000),
    MODEL_PROMOTE_MARGIN: unit.default(0.01),
    REVIEW_LEASE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    REVIEW_COUNTS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    API_KEY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    SESSION_HOURS: z.coerce.number().positive().max(720).default(12),
    TRUST_PROXY: z.enum(['on', 'off']).default('off'),
    NOTICE_LEGAL_GROUND: z.string().min(1).default('UK: Immigration Act 1971 s.25 / Nationality and Borders Act 2022 s.41 (facilitating unlawful immigration); EU: Directive 2002/90/EC'),
    NOTICE_JURISDICTION: z.string().min(2).max(16).default('GB'),
    NOTIFIER_NAME: z.string().min(1).default('Tidewatch operator'),
    NOTIFIER_EMAIL: z.email().default('referrals@tidewatch.invalid'),
    TRUSTED_FLAGGER_ID: z.string().min(1).optional(),
    SECRETS_KEY: z.string().min(16, 'at least 16 characters').optional(),
    EVIDENCE_DIR: z.string().min(1).default('./.data/evidence'),
    EVIDENCE_CAPTURE: z.enum(['on', 'off']).default('on'),
    CHROMIUM_PATH: z.string().min(1).optional(),
    EXPORT_DIR: z.string().min(1).default('./.data/exports'),
    LIVENESS_SCHEDULE: z.string().regex(/^\s*(off|\d+[smhd](\*\d+)?(\s*,\s*\d+[smhd](\*\d+)?)*)\s*$/, 'comma-separated durations like 1h,6h,1d*14, or off').default('1h,6h,24h,72h,1d*14'),
    FETCH_ALLOW_HOSTS: z
      .string()
      .default('')
      .refine((s) => { try { parseAllowHosts(s); return true; } catch { return false; } }, 'comma-separated host or host:port entries, e.g. 127.0.0.1:8080,intranet.example'),
    REFER_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    REFER_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
    RETENTION_DISMISSED_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
    WORKER_LOCK_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    CLASSIFY_BATCH_BUDGET_MS: z.coerce.number().int().min(0).max(1_800_000).optional(),
    RECOVER_PENDING_AFTER_MS: z.coerce.number().int().min(0).max(30 * 86_400_000).default(2 * 3_600_000),
    RECOVER_PENDING_EVERY_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
    RATE_LIMIT: z.enum(['on', 'off']).default('on'),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    RATE_LIMIT_ADMIN: rateLimit.default(6_000),
    RATE_LIMIT_LEAD: rateLimit.default(1_200),
    RATE_LIMIT_REVIEWER: rateLimit.default(1_200),
    RATE_LIMIT_ANALYST: rateLimit.default(1_200),
    RATE_LIMIT_PLATFORM: rateLimit.default(3_000),
    RATE_LIMIT_INGEST: rateLimit.default(6_000),
    RATE_LIMIT_ANONYMOUS: rateLimit.default(300),
    RATE_LIMIT_SIGN_IN_FAILURES: rateLimit.default(10),
    RATE_LIMIT_TRUST_PROXY: z.enum(['on', 'off']).default('off'),
    API_INGEST_MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(1_073_741_824).default(16 * 1024 * 1024),
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

export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  redisUrl: string;
  /** Whether REDIS_URL was given explicitly (the demo starts a private Redis otherwise). */
  redisUrlExplicit: boolean;
  /** Unset means: run (or join) the embedded PostgreSQL server under `dataDir`/postgres. */
  databaseUrl: string | undefined;
  /**
   * DATABASE_MIGRATION_URL: the same database as the tables' owner, used only to migrate (and to
   * grant `tidewatch_runtime` its rights); unset: migrations use `databaseUrl`. See core/db/runtime-role.ts.
   */
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  queuePrefix: string;
  /** API_HOST (default 127.0.0.1) and API_PORT, else PORT (the hosting platforms' convention), else 3000. */
  api: { host: string; port: number };
  /** Overrides for the thresholds stored with the detector's model version. */
  thresholds: { refer: number | undefined; review: number | undefined };
  ingestConcurrency: number;
  classifyConcurrency: number;
  dbPoolSize: number;
  priorityHalfLifeHours: number;
  /** TIDEWATCH_MODEL: pins the detector version (workers then ignore promotions); unset: the registry's live version (model-registry/). */
  modelVersion: string | undefined;
  /**
   * The model registry (model-registry/): `pollMs` (MODEL_POLL_MS, default 20 000) is how often a
   * classify worker checks which version is live, so how soon it follows a promotion;
   * `promoteMargin` (MODEL_PROMOTE_MARGIN, default 0.01) how much worse than live a candidate may
   * be on the challenge set (absolute, per checked metric) before `model promote` refuses it.
   */
  modelRegistry: { pollMs: number; promoteMargin: number };
  /** How long a reviewer's claim on an item lasts unless renewed (claiming again renews it). */
  reviewLeaseSeconds: number;
  /** REVIEW_COUNTS_CACHE_MS (default 1,000; 0 = count on every request): how long a process reuses the review list's per-status counts (review/counts-cache.ts). */
  reviewCountsCacheMs: number;
  /** API_KEY_CACHE_MS (default 5,000; 0 = look the key up on every request): how long the API trusts a verified key (api/auth/key-cache.ts), so how long a revoked key keeps working in a running process. */
  apiKeyCacheMs: number;
  /** Browser sign-ins (api/auth/sessions.ts): SESSION_HOURS (default 12) until a session expires. */
  session: { ttlMs: number };
  /** TRUST_PROXY=on: believe the proxy's `X-Forwarded-Proto` when deciding that a request came over https (the session cookie is then `Secure`); default off. */
  trustProxy: boolean;
  /** Who sends notices and on what legal ground (DSA Art. 16(2)); see referrals/notice.ts. */
  notice: { legalGround: string; jurisdiction: string; notifierName: string; notifierEmail: string; trustedFlaggerId: string | undefined };
  /** Encrypts platform signing secrets at rest; unset: stored as given (never printed). */
  secretsKey: string | undefined;
  evidence: { dir: string; capture: boolean };
  /**
   * CHROMIUM_PATH: the browser for evidence capture (and the browser tests). Unset: /usr/bin/chromium
   * (`apt-get install chromium`), else a Playwright-managed Chromium where one is installed.
   */
  chromiumPath: string | undefined;
  exportDir: string;
  /** Re-check delays for referred URLs, e.g. `1h,6h,24h,72h,1d*14`, or `off` (referrals/liveness-schedule.ts). */
  livenessSchedule: string;
  /**
   * FETCH_ALLOW_HOSTS (default empty): hosts (`host` or `host:port`) that evidence capture, liveness
   * checks and webhooks may reach although their address is loopback, private or otherwise refused
   * (core/net/address-policy.ts), e.g. a platform's receiver on an internal network.
   */
  fetchAllowHosts: AllowedHost[];
  /** Delivery attempts before a referral is dead-lettered (`failed`), and the first backoff. */
  refer: { attempts: number; backoffMs: number };
  /**
   * Retention (retention/purge.ts): `dismissedDays` (RETENTION_DISMISSED_DAYS, default 90) is how
   * long after dismissal a post keeps its text and author; `tidewatch purge` blanks them after that.
   */
  retention: { dismissedDays: number };
  /**
   * BullMQ job leases. `lockMs` (WORKER_LOCK_MS, default 30 000): how long a job's lock lasts
   * without renewal, so how soon the job of a worker that died (SIGKILL, lost machine) goes to
   * another worker. `stalledIntervalMs` (WORKER_STALLED_INTERVAL_MS, default 30 000): how often
   * workers look for such jobs. Lower both to recover faster; keep `lockMs` well above the longest
   * event-loop stall (one detector batch), or live jobs are taken for dead ones.
   */
  worker: { lockMs: number; stalledIntervalMs: number };
  /**
   * CLASSIFY_BATCH_BUDGET_MS (default WORKER_LOCK_MS / 6, i.e. 5 000; below half the lock): how
   * long a classify job runs the detector; the posts it has not reached by then go to a later
   * job (workers/classify.ts), so no job outlives its lock however slow its posts are.
   */
  classifyBudgetMs: number;
  /**
   * The sweep for stranded posts (workers/recover-pending.ts): every `everyMs`
   * (RECOVER_PENDING_EVERY_MS, default 600 000; 0 turns it off), posts still pending
   * `pendingAfterMs` after they were received (RECOVER_PENDING_AFTER_MS, default 7 200 000) are
   * queued for classify again. Keep `pendingAfterMs` above the time a post can legitimately wait:
   * ingest and classify retries can each take ~34 min (JOB_DEFAULTS), plus any backlog.
   */
  recovery: { pendingAfterMs: number; everyMs: number };
  /**
   * Requests allowed per window, counted in Redis so the limit holds across API processes
   * (api/middleware/rate-limit.ts). Authenticated requests count per API key with their role's
   * limit; requests without a valid key count per client IP (`anonymous`).
   */
  rateLimit: {
    /** RATE_LIMIT=on|off (default on); benchmarks turn it off or raise the limits. */
    enabled: boolean;
    /** RATE_LIMIT_WINDOW_SECONDS, default 60. */
    windowSeconds: number;
    /**
     * RATE_LIMIT_<ROLE>: admin 6000, lead 1200, reviewer 1200, analyst 1200, platform 3000,
     * ingest 6000 requests per window (an ingest request carries up to 1,000 posts).
     */
    perRole: { admin: number; lead: number; reviewer: number; analyst: number; platform: number; ingest: number };
    /** RATE_LIMIT_ANONYMOUS, default 300 per window per client IP. */
    anonymous: number;
    /**
     * RATE_LIMIT_SIGN_IN_FAILURES, default 10 per window per client IP: failed sign-ins (an invalid
     * bearer key or session cookie, a wrong key in the sign-in form); past it, credentials from that
     * address are refused with 429 unchecked until the window ends.
     */
    signInFailures: number;
    /** RATE_LIMIT_TRUST_PROXY=on: the client IP is the last X-Forwarded-For hop (set by your proxy); default off (the socket address). */
    trustProxy: boolean;
  };
  /** Largest POST /v1/posts body (API_INGEST_MAX_BODY_BYTES, default 16 MiB); other routes have fixed, smaller limits. */
  ingestMaxBodyBytes: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
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
    queuePrefix: e.QUEUE_PREFIX,
    api: { host: e.API_HOST, port: e.API_PORT ?? e.PORT ?? 3000 },
    thresholds: { refer: e.REFER_THRESHOLD, review: e.REVIEW_THRESHOLD },
    ingestConcurrency: e.INGEST_CONCURRENCY,
    classifyConcurrency: e.CLASSIFY_CONCURRENCY,
    dbPoolSize: e.DB_POOL_SIZE,
    priorityHalfLifeHours: e.PRIORITY_HALF_LIFE_HOURS,
    modelVersion: e.TIDEWATCH_MODEL,
    modelRegistry: { pollMs: e.MODEL_POLL_MS, promoteMargin: e.MODEL_PROMOTE_MARGIN },
    reviewLeaseSeconds: e.REVIEW_LEASE_SECONDS,
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
