/**
 * Renders the configuration's documentation from the one place it is written: the `.describe()`
 * texts and defaults of core/config.ts's env schema. `npm run docs:config` (scripts/config-docs.ts)
 * writes the results; core/config-docs.test.ts fails when the committed files drift from them.
 */
import type { z } from 'zod';
import { envSchema } from './config.ts';

/** The file that holds the configuration table, between these markers. */
export const CONFIG_TABLE_FILE = 'README.md';
export const CONFIG_TABLE_START = '<!-- config:start -->';
export const CONFIG_TABLE_END = '<!-- config:end -->';
export const ENV_EXAMPLE_FILE = '.env.example';

/** Headings for the table and `.env.example`; every variable belongs to exactly one (the test checks). */
export const CONFIG_GROUPS: ReadonlyArray<{ title: string; variables: readonly string[] }> = [
  { title: 'Process', variables: ['NODE_ENV', 'LOG_LEVEL', 'DATA_DIR'] },
  { title: 'Redis and PostgreSQL', variables: ['REDIS_URL', 'QUEUE_PREFIX', 'DATABASE_URL', 'DATABASE_MIGRATION_URL', 'DB_POOL_SIZE'] },
  {
    title: 'API',
    variables: ['API_HOST', 'API_PORT', 'PORT', 'API_KEY_CACHE_MS', 'SESSION_HOURS', 'TRUST_PROXY', 'API_INGEST_MAX_BODY_BYTES'],
  },
  {
    title: 'Workers and jobs',
    variables: [
      'INGEST_CONCURRENCY',
      'CLASSIFY_CONCURRENCY',
      'WORKER_LOCK_MS',
      'WORKER_STALLED_INTERVAL_MS',
      'CLASSIFY_BATCH_BUDGET_MS',
      'RECOVER_PENDING_AFTER_MS',
      'RECOVER_PENDING_EVERY_MS',
      'STATS_FOLD_EVERY_MS',
    ],
  },
  {
    title: 'Detector and models',
    variables: ['REFER_THRESHOLD', 'REVIEW_THRESHOLD', 'TIDEWATCH_MODEL', 'MODEL_POLL_MS', 'MODEL_PROMOTE_MARGIN'],
  },
  { title: 'Review', variables: ['PRIORITY_HALF_LIFE_HOURS', 'REVIEW_LEASE_SECONDS', 'REVIEW_UNDO_SECONDS', 'REVIEW_COUNTS_CACHE_MS'] },
  {
    title: 'Referrals (referrals/README.md)',
    variables: [
      'NOTICE_LEGAL_GROUND',
      'NOTICE_JURISDICTION',
      'NOTIFIER_NAME',
      'NOTIFIER_EMAIL',
      'TRUSTED_FLAGGER_ID',
      'PUBLIC_URL',
      'SECRETS_KEY',
      'EVIDENCE_CAPTURE',
      'EVIDENCE_DIR',
      'CHROMIUM_PATH',
      'EXPORT_DIR',
      'REFER_ATTEMPTS',
      'REFER_BACKOFF_MS',
      'LIVENESS_SCHEDULE',
      'FETCH_ALLOW_HOSTS',
    ],
  },
  { title: 'Retention', variables: ['RETENTION_DISMISSED_DAYS'] },
  {
    title: 'Abuse limits (docs/api.md)',
    variables: [
      'RATE_LIMIT',
      'RATE_LIMIT_WINDOW_SECONDS',
      'RATE_LIMIT_ADMIN',
      'RATE_LIMIT_LEAD',
      'RATE_LIMIT_REVIEWER',
      'RATE_LIMIT_ANALYST',
      'RATE_LIMIT_PLATFORM',
      'RATE_LIMIT_INGEST',
      'RATE_LIMIT_ANONYMOUS',
      'RATE_LIMIT_SIGN_IN_FAILURES',
      'RATE_LIMIT_TRUST_PROXY',
    ],
  },
];

export interface ConfigVariable {
  name: string;
  /** The schema's default as the environment would spell it; undefined when the variable is optional. */
  defaultValue: string | undefined;
  description: string;
}

/** Every variable of the env schema, in schema order, with its default and `.describe()` text. */
export function configVariables(): ConfigVariable[] {
  return Object.entries(envSchema.shape).map(([name, schema]) => {
    const field = schema as z.ZodType;
    const def = field._zod.def as { type: string; defaultValue?: unknown };
    if (!field.description) throw new Error(`${name} has no .describe() text in core/config.ts`);
    const defaultValue = def.type === 'default' ? String(def.defaultValue) : undefined;
    return { name, defaultValue, description: field.description };
  });
}

/** The variables by group, in the groups' order; throws when the groups and the schema disagree. */
export function groupedVariables(): Array<{ title: string; variables: ConfigVariable[] }> {
  const byName = new Map(configVariables().map((v) => [v.name, v]));
  const seen = new Set<string>();
  const groups = CONFIG_GROUPS.map(({ title, variables }) => ({
    title,
    variables: variables.map((name) => {
      const v = byName.get(name);
      if (!v) throw new Error(`CONFIG_GROUPS names ${name}, which core/config.ts's env schema does not have`);
      if (seen.has(name)) throw new Error(`CONFIG_GROUPS names ${name} twice`);
      seen.add(name);
      return v;
    }),
  }));
  const missing = [...byName.keys()].filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`CONFIG_GROUPS does not place ${missing.join(', ')} (core/config-docs.ts)`);
  return groups;
}

/** The markdown table written between the markers: one heading row per group, then its variables. */
export function renderConfigTable(): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const lines = ['| variable | default | meaning |', '| --- | --- | --- |'];
  for (const group of groupedVariables()) {
    lines.push(`| **${cell(group.title)}** | | |`);
    for (const v of group.variables) {
      const shown = v.defaultValue === undefined ? '*(unset)*' : v.defaultValue === '' ? '*(empty)*' : `\`${cell(v.defaultValue)}\``;
      lines.push(`| \`${v.name}\` | ${shown} | ${cell(v.description)} |`);
    }
  }
  return lines.join('\n');
}

/** Wraps a description into `# ` comment lines of at most `width` characters. */
function commentLines(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/)) {
    if (line.length > 1 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

/** The whole of `.env.example`: defaults set, optional variables commented out, descriptions as comments. */
export function renderEnvExample(): string {
  const out = [
    '# Tidewatch configuration, written by `npm run docs:config` from core/config.ts (edit the .describe() texts there).',
    '# Every variable is optional; the values shown are the defaults, and commented-out variables are unset by default.',
    '# Copy to .env (git-ignored) and load it with your process manager or `set -a; . ./.env`.',
  ];
  for (const group of groupedVariables()) {
    out.push('', `# --- ${group.title} ---`);
    for (const v of group.variables) {
      out.push(...commentLines(v.description));
      out.push(v.defaultValue === undefined ? `# ${v.name}=` : `${v.name}=${v.defaultValue}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** `text` with what lies between the config markers replaced by `table`; throws when a marker is missing. */
export function spliceConfigTable(text: string, table: string): string {
  const start = text.indexOf(CONFIG_TABLE_START);
  const end = text.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start) throw new Error(`${CONFIG_TABLE_FILE} lacks the ${CONFIG_TABLE_START} … ${CONFIG_TABLE_END} markers`);
  return `${text.slice(0, start + CONFIG_TABLE_START.length)}\n${table}\n${text.slice(end)}`;
}

/** The first line where two texts differ (1-based), with both versions, or undefined when they are equal. */
export function firstDifference(committed: string, expected: string): { line: number; committed: string; expected: string } | undefined {
  const a = committed.split('\n');
  const b = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, committed: a[i] ?? '(end of file)', expected: b[i] ?? '(end of file)' };
  }
  return undefined;
}
