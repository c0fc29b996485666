/**
 * Structured logs (pino). Secrets and customer text never reach them: auth headers are redacted
 * and requests are logged by route without their query string (tRPC puts input there).
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tandem-server' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { method?: string; url?: string; id?: string }) => ({
          method: req.method,
          path: (req.url ?? '').split('?')[0],
        }),
      },
    },
    destination,
  );
}
