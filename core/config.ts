/**
 * The one place where configuration is read from the environment. Every other module receives a
 * typed `Config`; nothing else touches `process.env`, so what Tidewatch can be told is listed here
 * (and in `.env.example`).
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const unit = z.coerce.number().min(0).max(1);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    QUEUE_PREFIX: z.string().regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only').default('tidewatch'),
    API_HOST: z.string().min(1).default('127.0.0.1'),
    API_PORT: port.default(3000),
    REFER_THRESHOLD: unit.optional(),
    REVIEW_THRESHOLD: unit.optional(),
    INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    CLASSIFY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PRIORITY_HALF_LIFE_HOURS: z.coerce.number().positive().default(24),
    TIDEWATCH_MODEL: z.string().regex(/^[\w.-]+$/, 'a model version such as ngram-1df9f5d9d84b').optional(),
    REVIEW_LEASE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    NOTICE_LEGAL_GROUND: z.string().min(1).default('UK: Immigration Act 1971 s.25 / Nationality and Borders Act 2022 s.41 (facilitating unlawful immigration); EU: Directive 2002/90/EC'),
    NOTICE_JURISDICTION: z.string().min(2).max(16).default('GB'),
    NOTIFIER_NAME: z.string().min(1).default('Tidewatch operator'),
    NOTIFIER_EMAIL: z.email().default('referrals@tidewatch.invalid'),
    TRUSTED_FLAGGER_ID: z.string().min(1).optional(),
    SECRETS_KEY: z.string().min(16, 'at least 16 characters').optional(),
    EVIDENCE_DIR: z.string().min(1).default('./.data/evidence'),
    EVIDENCE_CAPTURE: z.enum(['on', 'off']).default('on'),
    EXPORT_DIR: z.string().min(1).default('./.data/exports'),
    LIVENESS_SCHEDULE: z.string().regex(/^\s*\d+[smhd](\*\d+)?(\s*,\s*\d+[smhd](\*\d+)?)*\s*$/, 'comma-separated durations like 1h,6h,1d*14').default('1h,6h,24h,72h,1d*14'),
    REFER_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    REFER_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(1_000),
  })
  .refine((e) => e.REFER_THRESHOLD === undefined || e.REVIEW_THRESHOLD === undefined || e.REVIEW_THRESHOLD <= e.REFER_THRESHOLD, {
    message: 'REVIEW_THRESHOLD must not exceed REFER_THRESHOLD',
    path: ['REVIEW_THRESHOLD'],
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  redisUrl: string;
  /** Whether REDIS_URL was given explicitly (the demo starts a private Redis otherwise). */
  redisUrlExplicit: boolean;
  /** Unset means: run an embedded PostgreSQL (PGlite) under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  queuePrefix: string;
  api: { host: string; port: number };
  /** Overrides for the thresholds stored with the detector's model version. */
  thresholds: { refer: number | undefined; review: number | undefined };
  ingestConcurrency: number;
  classifyConcurrency: number;
  dbPoolSize: number;
  priorityHalfLifeHours: number;
  /** Detector version to load; unset: the one models/current.json names. */
  modelVersion: string | undefined;
  /** How long a reviewer's claim on an item lasts unless renewed (claiming again renews it). */
  reviewLeaseSeconds: number;
  /** Who sends notices and on what legal ground (DSA Art. 16(2)); see referrals/notice.ts. */
  notice: { legalGround: string; jurisdiction: string; notifierName: string; notifierEmail: string; trustedFlaggerId: string | undefined };
  /** Encrypts platform signing secrets at rest; unset: stored as given (never printed). */
  secretsKey: string | undefined;
  evidence: { dir: string; capture: boolean };
  exportDir: string;
  /** Re-check delays for referred URLs, e.g. `1h,6h,24h,72h,1d*14` (referrals/liveness-schedule.ts). */
  livenessSchedule: string;
  /** Delivery attempts before a referral is dead-lettered (`failed`), and the first backoff. */
  refer: { attempts: number; backoffMs: number };
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
    dataDir: e.DATA_DIR,
    queuePrefix: e.QUEUE_PREFIX,
    api: { host: e.API_HOST, port: e.API_PORT },
    thresholds: { refer: e.REFER_THRESHOLD, review: e.REVIEW_THRESHOLD },
    ingestConcurrency: e.INGEST_CONCURRENCY,
    classifyConcurrency: e.CLASSIFY_CONCURRENCY,
    dbPoolSize: e.DB_POOL_SIZE,
    priorityHalfLifeHours: e.PRIORITY_HALF_LIFE_HOURS,
    modelVersion: e.TIDEWATCH_MODEL,
    reviewLeaseSeconds: e.REVIEW_LEASE_SECONDS,
    notice: {
      legalGround: e.NOTICE_LEGAL_GROUND,
      jurisdiction: e.NOTICE_JURISDICTION,
      notifierName: e.NOTIFIER_NAME,
      notifierEmail: e.NOTIFIER_EMAIL,
      trustedFlaggerId: e.TRUSTED_FLAGGER_ID,
    },
    secretsKey: e.SECRETS_KEY,
    evidence: { dir: e.EVIDENCE_DIR, capture: e.EVIDENCE_CAPTURE === 'on' },
    exportDir: e.EXPORT_DIR,
    livenessSchedule: e.LIVENESS_SCHEDULE,
    refer: { attempts: e.REFER_ATTEMPTS, backoffMs: e.REFER_BACKOFF_MS },
  };
}
