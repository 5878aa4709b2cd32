import { readFile, rename } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { dayOf } from './entry.js';
import { parsePo, type PoContent } from './po-file.js';
import { TranslationMemory } from './translation-memory.js';

export interface LoadMemoryOptions {
  /** The clock, for dates in entries and headers (default: the system clock). */
  readonly now?: () => Date;
  /** Only read: a broken file stays where it is, and the memory is empty (default: false). */
  readonly readOnly?: boolean;
}

const empty: PoContent = { headers: [], entries: [], warnings: [] };

/**
 * Opens a language's memory. A missing file is an empty memory. A file that does not parse is
 * renamed aside to `<file>.broken-<timestamp>` and the memory starts empty, with a warning in
 * `warnings` (the caller decides how to show it; the pipeline rebuilds from the translated README).
 */
export async function loadMemory(
  file: string,
  lang: string,
  options: LoadMemoryOptions = {},
): Promise<TranslationMemory> {
  const now = options.now ?? (() => new Date());
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (isMissing(error))
      return new TranslationMemory({ file, lang, content: empty, written: undefined, now, warnings: [] });
    throw new InputError(
      `cannot read the translation memory ${file}: ${reason(error)}; check its permissions`,
      {
        file,
        cause: error,
      },
    );
  }
  try {
    // gettext-parser decodes by the file's declared charset; we always write UTF-8.
    const content = parsePo(bytes, file, dayOf(now()));
    const written = bytes.toString('utf8');
    return new TranslationMemory({ file, lang, content, written, now, warnings: content.warnings });
  } catch (error) {
    if (options.readOnly === true) {
      const warning = `${file} is not a valid PO file (${reason(error)}); run translate to set it aside and rebuild it`;
      return new TranslationMemory({
        file,
        lang,
        content: empty,
        written: undefined,
        now,
        warnings: [warning],
      });
    }
    const aside = `${file}.broken-${now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, aside);
    const warning =
      `${file} is not a valid PO file (${reason(error)}); moved it to ${aside} and started an empty memory, ` +
      `rebuilt from the translated README. Copy any translation you need from ${aside}, then delete it.`;
    return new TranslationMemory({
      file,
      lang,
      content: empty,
      written: undefined,
      now,
      warnings: [warning],
      setAside: aside,
    });
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
