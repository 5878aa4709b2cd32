import { glob } from 'tinyglobby';
import { UsageError } from '../errors.js';
import { languageOfFile } from '../language-files.js';
import { outputPath } from './outputs.js';

const globCharacters = /[*?[{]/;

/**
 * The Markdown sources named by files and globs, relative to `cwd`, in order, each once. A glob
 * never picks up a translation this tool writes, nor anything under `node_modules`.
 */
export async function findSources(
  cwd: string,
  patterns: readonly string[],
  out: string,
  langs: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const pattern of patterns) {
    if (!globCharacters.test(pattern)) {
      found.push(pattern.split('\\').join('/'));
      continue;
    }
    const matches = (await glob(pattern, { cwd, onlyFiles: true, ignore: ['**/node_modules/**'] })).sort();
    const sources = matches.filter((match) => !isOutput(match, matches, out, langs));
    if (sources.length === 0) {
      throw new UsageError(
        `--source '${pattern}' matches no Markdown file in ${cwd}; check the pattern, for example 'docs/**/*.md'`,
      );
    }
    found.push(...sources);
  }
  return [...new Set(found)];
}

/** Is `file` the translation of another file of the list into any language, as `out` names translations? */
function isOutput(
  file: string,
  candidates: readonly string[],
  out: string,
  langs: readonly string[],
): boolean {
  return candidates.some(
    (source) =>
      source !== file &&
      (langs.some((lang) => outputPath(out, lang, source) === file) ||
        languageOfFile(outputPath(out, '{lang}', source), file) !== undefined),
  );
}
