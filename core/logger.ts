import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const SECRET_FIELDS = [
  'authorization',
  'apiKey',
  'key',
  'secret',
  'signingSecret',
  'secretsKey',
  'password',
  'cookie',
  'redisUrl',
  'databaseUrl',
];

/**
 * Credentials by shape, scrubbed from every finished log line whatever field (or error message)
 * carries them: Tidewatch API keys (the public id is kept, so a line still says which key),
 * Standard Webhooks secrets, bearer tokens, and passwords in connection URLs.
 */
const SCRUB: [RegExp, string][] = [
  [/\b(tw_[a-z0-9]{8}_)[A-Za-z0-9_-]{32}/g, '$1[redacted]'],
  [/whsec_[A-Za-z0-9+/=]+/g, 'whsec_[redacted]'],
  [/(Bearer\s+)[^\s"\\]+/gi, '$1[redacted]'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s"\\]*:)[^@/?#\s"\\]+@/gi, '$1[redacted]@'],
];

export function scrubSecrets(line: string): string {
  let out = line;
  for (const [pattern, replacement] of SCRUB) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Structured JSON logs. Credentials are redacted by path so that a careless `log.info({ req })`
 * cannot leak them, and by shape (`scrubSecrets`) so that one inside a message or an error cannot
 * either.
 */
export function createLogger(level: string, name = 'tidewatch', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    redact: {
      // Top level and one level down (pino's `*` matches exactly one level).
      paths: [
        ...SECRET_FIELDS,
        ...SECRET_FIELDS.map((f) => `*.${f}`),
        '*.headers.authorization',
        '*.headers.cookie',
        'SECRETS_KEY',
        'DATABASE_URL',
        'REDIS_URL',
      ],
      censor: '[redacted]',
    },
    hooks: { streamWrite: scrubSecrets },
  };
  return destination ? pino(options, destination) : pino(options);
}
