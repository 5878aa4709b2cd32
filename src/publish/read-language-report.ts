import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../errors.js';
import type { LanguageStatus } from './release-notes.js';

const reportLine = z.object({
  lang: z.string().min(1),
  units: z.number().int().nonnegative(),
  keptSource: z.number().int().nonnegative(),
});

/**
 * Reads what `readme-i18n translate --json` printed (one JSON object per language and line) into
 * the completeness figures of the release notes.
 */
export async function readLanguageReport(file: string): Promise<LanguageStatus[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the language report ${file}: ${(error as Error).message}`, {
      file,
      cause: error,
    });
  }
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      const result = reportLine.safeParse(parsed);
      if (!result.success) {
        throw new InputError(
          `${file}:${number} is not a line of \`readme-i18n translate --json\` output ` +
            '(expected {"lang":"fr","units":40,"keptSource":0,...}); regenerate it with translate --json',
          { file },
        );
      }
      return { lang: result.data.lang, units: result.data.units, keptSource: result.data.keptSource };
    });
}
