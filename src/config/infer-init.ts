import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isLanguageTag } from '../language-tag.js';

export interface InferredInit {
  /** The README to translate: `README.md`, else the first file named like a README. */
  readonly source: string;
  /** Languages of translations already in `locales/` (`README.fr.md` → fr); empty when none. */
  readonly langs: readonly string[];
  readonly engine: 'deepl' | 'apertium';
  /** The branch checked out in `.git/HEAD`, else `main`. */
  readonly branch: string;
}

/** Everything `init` can find out without asking. */
export async function inferInit(
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<InferredInit> {
  const names = await listNames(cwd);
  const readme = names.includes('README.md')
    ? 'README.md'
    : (names.filter((name) => /^readme\.(md|markdown)$/i.test(name)).sort()[0] ?? 'README.md');
  const stem = readme.replace(/\.[^.]+$/, '');
  const langs = (await listNames(join(cwd, 'locales')))
    .map((name) => new RegExp(`^${escape(stem)}\\.([^.]+)\\.md$`).exec(name)?.[1])
    .filter((lang): lang is string => lang !== undefined && isLanguageTag(lang))
    .sort();
  return {
    source: readme,
    langs,
    engine: env.DEEPL_AUTH_KEY?.trim() ? 'deepl' : 'apertium',
    branch: await currentBranch(cwd),
  };
}

async function listNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch {
    return [];
  }
}

async function currentBranch(cwd: string): Promise<string> {
  try {
    const head = await readFile(join(cwd, '.git', 'HEAD'), 'utf8');
    return /^ref: refs\/heads\/(\S+)/.exec(head)?.[1] ?? 'main';
  } catch {
    return 'main';
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
