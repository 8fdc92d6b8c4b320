// Structured JSON logs on stderr (stdout carries the ready line). Callers log identifiers,
// counts and reply codes; redaction below is a second line of defence for common content keys.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { service: 'phigate' },
      redact: { paths: ['subject', 'body', 'text', 'html', 'raw', 'content', '*.subject', '*.body', '*.raw', 'err.query', 'err.parameters'], censor: '[redacted]' },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
