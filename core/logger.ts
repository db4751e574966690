import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const SECRET_FIELDS = ['authorization', 'apiKey', 'key', 'secret', 'signingSecret', 'password', 'cookie'];

/**
 * Structured JSON logs. Credentials are redacted by path so that a careless `log.info({ req })`
 * cannot leak them.
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
        'redisUrl',
        'databaseUrl',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
