import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { titleToSlug } from 'simple-icons/sdk';

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
  /** Whether a name is a language's of GitHub Linguist, one-letter names too (`C`, `R`, `Go`). */
  readonly isLanguage: (name: string) => boolean;
}

let lexicon: NamesLexicon | undefined;

/**
 * Product, brand and language names from maintained data packages, read on first use:
 * `simple-icons` (3,400 brand titles and their aliases: Docker, Red Hat, Proxmox, Harbor), the brands
 * simple-icons has removed since (270, kept hidden in `@iconify-json/simple-icons` by their slugs:
 * Windows, Slack, Microsoft, LinkedIn) and `linguist-languages` (GitHub Linguist's 800 language and
 * format names: Python, Dockerfile, YAML).
 */
export function namesLexicon(): NamesLexicon {
  lexicon ??= loadLexicon();
  return lexicon;
}

function loadLexicon(): NamesLexicon {
  const names = new Map<string, LexiconSource>();
  const languages = new Set(linguistNames());
  for (const name of languages) if (usable(name)) names.set(name, 'linguist');
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
  const removed = removedBrandSlugs();
  const lowerCase = new Map<string, LexiconSource>();
  // Acronyms (`HTML`, `VM`) written in lower case are file types and jargon, not the brand.
  for (const [name, source] of names)
    if (!name.includes(' ') && name.length >= 4 && /\p{Ll}/u.test(name))
      lowerCase.set(name.toLowerCase(), source);
  // A brand simple-icons removed is looked up by its slug: made once per word, not per look-up.
  const removedSeen = new Map<string, LexiconSource | undefined>();
  const removedSource = (name: string) => {
    if (removedSeen.has(name)) return removedSeen.get(name);
    const source = removed.has(titleToSlug(name)) && titleShaped(name) ? 'simple-icons' : undefined;
    removedSeen.set(name, source);
    return source;
  };
  return {
    sourceOf: (name) => names.get(name) ?? removedSource(name),
    sourceOfLowerCase: (word) => lowerCase.get(word),
    phrasesByFirstWord: phrases,
    isLanguage: (name) => languages.has(name),
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
  return [...text.matchAll(/default as '((?:[^'\\]|\\.)+)'/g)].map((match) =>
    (match[1] as string).replace(/\\(.)/g, '$1'),
  );
}

/**
 * The slugs of the brands simple-icons has removed (a brand's request, a rename): Iconify's copy of
 * the set keeps each one, marked `"hidden": true`. Found by that mark, without parsing the 4.7 MB of
 * SVG paths around them.
 */
function removedBrandSlugs(): Set<string> {
  const bytes = readFileSync(require.resolve('@iconify-json/simple-icons/icons.json'));
  const slugs = new Set<string>();
  for (let at = bytes.indexOf('"hidden"'); at !== -1; at = bytes.indexOf('"hidden"', at + 1)) {
    if (!/^"hidden"\s*:\s*true/u.test(bytes.toString('latin1', at, at + 20))) continue;
    const open = bytes.lastIndexOf('{', at);
    const key = bytes.toString('latin1', Math.max(0, open - 100), open);
    const slug = /"([a-z\d]+)"\s*:\s*$/u.exec(key)?.[1];
    if (slug !== undefined) slugs.add(slug);
  }
  return slugs;
}

/** A name as a brand's title writes it: each word capitalised (`Windows`, `LinkedIn`, `Visual Studio Code`), two letters or more. */
function titleShaped(name: string): boolean {
  return name.length > 1 && /^\p{Lu}[\p{L}\p{N}+.&]*(?: \p{Lu}[\p{L}\p{N}+.&]*)*$/u.test(name);
}

/** One-letter names (`C`, `R`, `V`) and names of no letter are not worth a place in prose. */
function usable(name: string): boolean {
  return name.length > 1 && /\p{L}/u.test(name) && name.trim() === name;
}
