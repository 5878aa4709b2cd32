import { UsageError } from '../errors.js';
import { normalizeLanguage } from '../pipeline/languages.js';

/** Whether `value` is a language code the pipeline accepts (`fr`, `pt-BR`, `zh-Hans`). */
export function isLanguageCode(value: string): boolean {
  try {
    normalizeLanguage(value);
    return true;
  } catch (error) {
    if (error instanceof UsageError) return false;
    throw error;
  }
}
