import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Credentials are redacted by path so that a careless `log.info({ req })`
 * cannot leak them.
 */
export function createLogger(level: string, name = 'tidewatch'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        '*.authorization',
        '*.headers.authorization',
        '*.apiKey',
        '*.secret',
        '*.signingSecret',
        '*.password',
        'redisUrl',
        'databaseUrl',
      ],
      censor: '[redacted]',
    },
  });
}
