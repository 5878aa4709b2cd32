import { createHash } from 'node:crypto';

/**
 * A short fingerprint of a text (the first 12 hex digits of its SHA-256): what the memory writes as
 * `sum=` and `shown=`, enough to tell whether a text is still the one the tool wrote.
 */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}
