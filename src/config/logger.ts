import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'outside-in' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Secrets must never reach the logs, whatever a log call passes along.
    redact: ['req.headers.authorization', 'password', 'token', 'secret', '*.password', '*.token', '*.secret'],
  });
}
