import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { splitSourceText } from '../markdown/source-text.js';
import { findSwitcher, renderSwitcher } from '../markdown/switcher.js';
import { switcherLinks } from './outputs.js';
import type { SourceFile } from './source-document.js';

/**
 * A language added to a project is listed in the switchers of the translations already there: only
 * the switcher block of those files changes, nothing is translated, and a file without a switcher
 * (written with `--no-switcher`, or the block removed by hand) is left alone. Returns the files changed.
 */
export async function refreshSiblingSwitchers(
  cwd: string,
  sources: readonly SourceFile[],
  translated: readonly string[],
): Promise<string[]> {
  const changed: string[] = [];
  for (const source of sources) {
    for (const language of source.languages.slice(1)) {
      if (translated.includes(language.lang)) continue;
      const file = resolve(cwd, language.path);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      const block = text === undefined ? undefined : findSwitcher(text);
      if (text === undefined || block === undefined) continue;
      // The line ending the file mostly uses, as the switcher was first written with (and `check` expects).
      const { eol } = splitSourceText(text);
      const expected = renderSwitcher(switcherLinks(language.lang, source.languages), eol);
      if (text.slice(block.start, block.end) === expected) continue;
      await writeFileAtomic(file, text.slice(0, block.start) + expected + text.slice(block.end));
      changed.push(language.path);
    }
  }
  return changed;
}
