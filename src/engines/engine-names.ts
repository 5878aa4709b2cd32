import { UsageError } from '../errors.js';
import { shown } from '../shown-value.js';

export const engineNames = ['deepl', 'openai', 'apertium', 'pseudo', 'identity'] as const;

/** Refuses a name that is no engine, before any engine is loaded. */
export function checkEngineName(name: string | undefined): void {
  if (name !== undefined && !(engineNames as readonly string[]).includes(name)) {
    throw new UsageError(
      `unknown engine '${shown(name)}' in --engine; choose one of: ${engineNames.join(', ')}`,
    );
  }
}
