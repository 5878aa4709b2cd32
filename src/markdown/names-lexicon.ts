import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where a known name comes from, for `readme-i18n terms`. */
export type LexiconSource = 'simple-icons' | 'linguist';

export interface NamesLexicon {
  /** The source of a name written exactly so (`Docker`, `Red Hat`, `Node.js`), if it is known. */
  readonly sourceOf: (name: string) => LexiconSource | undefined;
  /** The source of a one-word name of four letters or more written in lower case (`webpack`, `codecov`). */
  readonly sourceOfLowerCase: (word: string) => LexiconSource | undefined;
  /** Known names of two words or more, by their first word (`Red` → `Red Hat`, `Red Hat Enterprise Linux`). */
  readonly phrasesByFirstWord: ReadonlyMap<string, readonly string[]>;
}

let lexicon: NamesLexicon | undefined;

/**
 * Product, brand and language names from two maintained data packages, read on first use:
 * `simple-icons` (3,400 brand titles and their aliases: Docker, Red Hat, Proxmox, Harbor) and
 * `linguist-languages` (GitHub Linguist's 800 language and format names: Python, Dockerfile, YAML).
 */
export function namesLexicon(): NamesLexicon {
  lexicon ??= loadLexicon();
  return lexicon;
}

function loadLexicon(): NamesLexicon {
  const names = new Map<string, LexiconSource>();
  for (const name of linguistNames()) names.set(name, 'linguist');
  for (const name of simpleIconsNames()) names.set(name, 'simple-icons');
  const phrases = new Map<string, string[]>();
  for (const name of names.keys()) {
    const words = name.split(' ');
    if (words.length < 2 || !words.every((word) => /^[\p{L}\p{N}][\p{L}\p{N}.+#'-]*$/u.test(word))) continue;
    const list = phrases.get(words[0] as string) ?? [];
    list.push(name);
    phrases.set(words[0] as string, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.length - a.length);
  const lowerCase = new Map<string, LexiconSource>();
  // Acronyms (`HTML`, `VM`) written in lower case are file types and jargon, not the brand.
  for (const [name, source] of names)
    if (!name.includes(' ') && name.length >= 4 && /\p{Ll}/u.test(name))
      lowerCase.set(name.toLowerCase(), source);
  return {
    sourceOf: (name) => names.get(name),
    sourceOfLowerCase: (word) => lowerCase.get(word),
    phrasesByFirstWord: phrases,
  };
}

interface IconData {
  readonly title: string;
  readonly aliases?: { readonly aka?: readonly string[] };
}

/** Brand titles and their "also known as" aliases; the SVG paths stay in the package. */
function simpleIconsNames(): string[] {
  const file = require.resolve('simple-icons/icons.json');
  const icons = JSON.parse(readFileSync(file, 'utf8')) as readonly IconData[];
  return icons.flatMap((icon) => [icon.title, ...(icon.aliases?.aka ?? [])]).filter(usable);
}

/**
 * Language names as the package's entry exports them (`export { default as 'C++' } from …`): one
 * small file, where importing the entry would load 800 modules.
 */
function linguistNames(): string[] {
  const entry = require.resolve('linguist-languages');
  const text = readFileSync(join(dirname(entry), 'index.js'), 'utf8');
  return [...text.matchAll(/default as '((?:[^'\\]|\\.)+)'/g)]
    .map((match) => (match[1] as string).replace(/\\(.)/g, '$1'))
    .filter(usable);
}

/** One-letter names (`C`, `R`, `V`) and names of no letter are not worth a place in prose. */
function usable(name: string): boolean {
  return name.length > 1 && /\p{L}/u.test(name) && name.trim() === name;
}
