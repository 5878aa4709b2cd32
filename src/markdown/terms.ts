import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { isEnglishWord } from './english-words.js';
import type { Protector } from './unit-builder.js';

export interface TermOptions {
  /** Terms that are never translated, such as product names (default: none). */
  readonly glossary?: readonly string[];
}

/**
 * English words that are also shell commands or keywords: a document that runs `make` or `install`
 * still means the verb when it writes the word in prose.
 */
const commonWords = new Set(
  (
    'a an and are as at be by can case cat cd do done down echo else end file find fix for free from get go has head help ' +
    'here history how if in install is it kill less link list make man more move name new next no not now of off on ' +
    'open or out path print read run see set sort source start stop tail test that the then this time to top touch true ' +
    'false type up update use user wait watch what when which while who with yes you all any build clean copy create ' +
    'delete edit exit export import init load log mount note only pass push pull remove reset save show sleep split ' +
    'tree unset view write'
  ).split(' '),
);

/** Prose uses per code use from which an English word written as code is taken as the ordinary word. */
const ordinaryRatio = 3;

const shellLanguages = new Set([
  '',
  'sh',
  'bash',
  'shell',
  'console',
  'zsh',
  'fish',
  'powershell',
  'ps1',
  'ps',
  'cmd',
  'bat',
]);

// Spans that are never prose whatever the document: character references, emoji shortcodes, URLs.
const alwaysProtected = [
  /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]+);/giu,
  /:[a-z\d_+-]+:/gu,
  /\b(?:https?|ftp):\/\/[^\s<>()]+[^\s<>().,;:!?'"]/giu,
];

// Shapes of identifiers: paths, file names, command names with digits or underscores, CamelCase, ALL CAPS.
const codeShapes = [
  /(?<![\p{L}\p{N}_./-])(?:~|\.{1,2})?\/[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]*)*/gu,
  /(?<![\p{L}\p{N}_./-])[\p{L}\p{N}_-]{2,}(?:\.[a-z\d]{1,6})+(?![\p{L}\p{N}_/])/gu,
  /(?<![\p{L}\p{N}_-])[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)+(?![\p{L}\p{N}_-])/gu,
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{Ll}\p{N}]+\p{Lu}[\p{L}\p{N}]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*)(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}]+(?:[-_][\p{Lu}\p{N}]+)*s?(?![\p{L}\p{N}])/gu,
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Words the document writes as code: single-token inline code (with how often) and the commands of
 * shell blocks.
 */
function collectCodeWords(tree: Root): { exact: Map<string, number>; commands: Set<string> } {
  const exact = new Map<string, number>();
  const commands = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'inlineCode') {
      if (/^[^\s]{2,}$/u.test(node.value)) exact.set(node.value, (exact.get(node.value) ?? 0) + 1);
      // `vagrant up` names the command `vagrant`, which the prose calls Vagrant.
      else commands.add(node.value.trim().split(/\s+/)[0] ?? '');
    }
    if (node.type === 'code' && shellLanguages.has((node.lang ?? '').toLowerCase())) {
      // Unlabelled code is often output or prose: only its prompted lines (`$ cmd`) are commands.
      const prompted = !node.lang;
      for (const line of node.value.split('\n')) {
        if (/^\s*#/.test(line) || (prompted && !/^\s*[$>]\s/.test(line))) continue;
        const words = line.replace(/^\s*(?:[$>]\s+)?(?:sudo\s+)?/, '').split(/\s+/);
        const command = words[0] ?? '';
        if (/^[a-z][\w.-]{2,}$/.test(command)) commands.add(command);
      }
    }
  });
  return { exact, commands };
}

/** Text of a block with code, HTML and images as a neutral word, so they do not end a sentence. */
function blockText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'image') return ' x ';
  return 'children' in node ? node.children.map((child) => blockText(child)).join('') : '';
}

/**
 * Capitalised words the prose writes in the middle of a sentence (`install Vagrant first`): names,
 * not a verb that starts a sentence (`Translate a README`).
 */
function namesInProse(tree: Root): Set<string> {
  const names = new Set<string>();
  visit(tree, 'paragraph', (paragraph) => {
    for (const match of blockText(paragraph).matchAll(/(?<=[^\s.!?:"“«([]\s+)\p{Lu}[\p{Ll}\p{N}_.-]*/gu))
      names.add(match[0]);
  });
  return names;
}

/** How often the prose (text outside code) writes each of `words`, as written. */
function proseCounts(tree: Root, words: ReadonlyMap<string, number>): Map<string, number> {
  const counts = new Map<string, number>();
  if (words.size === 0) return counts;
  visit(tree, 'text', (node) => {
    for (const match of node.value.matchAll(/[\p{L}\p{N}_-]+/gu)) {
      if (words.has(match[0])) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    }
  });
  return counts;
}

/** Is the hyphenated word a code shape (`qemu-img`, `x86_64`) rather than prose such as `well-known`? */
function isCodeLike(word: string, code: Set<string>): boolean {
  if (/[\d_]/u.test(word) || /\p{Lu}/u.test(word.slice(1)) || code.has(word)) return true;
  return word
    .toLowerCase()
    .split('-')
    .some((part) => part.length > 1 && /^[a-z]+$/.test(part) && !isEnglishWord(part));
}

/**
 * The do-not-translate spans of a document: glossary terms, words the document also writes as code,
 * command and path shapes (`qemu-img`, `/etc/xen`, `xl.cfg`), CamelCase and ALL-CAPS names.
 */
export function createTermProtector(tree: Root, options: TermOptions = {}): Protector {
  const { exact, commands } = collectCodeWords(tree);
  const names = namesInProse(tree);
  const inProse = proseCounts(tree, exact);
  // An English word the document writes as code (`memory`, a configuration key) is the ordinary word
  // where the prose uses it far more often than the code does, unless the prose also names it
  // (`install Vagrant`); anything else written as code is kept wherever it appears.
  const ordinaryWord = (word: string, inCode: number) =>
    isEnglishWord(word.toLowerCase()) &&
    !names.has(capitalize(word)) &&
    (inProse.get(word) ?? 0) >= ordinaryRatio * inCode;
  const words = [
    ...(options.glossary ?? []),
    ...[...exact]
      .filter(([word, inCode]) => !commonWords.has(word.toLowerCase()) && !ordinaryWord(word, inCode))
      .map(([word]) => word),
  ];
  const listed =
    words.length === 0
      ? undefined
      : new RegExp(
          `(?<![\\p{L}\\p{N}_-])(?:${[...new Set(words)]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|')})(?![\\p{L}\\p{N}_-])`,
          'gu',
        );
  // A command is kept as the code writes it. Capitalised, it is kept too when it is no English word
  // (`Qemu`), or when the prose names it mid-sentence (`install Vagrant`): `Translate a README`, at
  // the start of a sentence, is the verb.
  const commandWords = new Set(
    [...commands]
      .filter((command) => /^[a-z][\w.-]{2,}$/.test(command) && !commonWords.has(command))
      .flatMap((command) => {
        const name = capitalize(command);
        return !isEnglishWord(command) || names.has(name) ? [command, name] : [command];
      }),
  );
  const codeLike = new Set([...exact.keys(), ...commands]);

  return (line) => {
    const spans: Array<[number, number]> = [];
    const add = (pattern: RegExp, accept: (word: string) => boolean = () => true) => {
      for (const match of line.matchAll(pattern)) {
        // A sentence's full stop after a path is not part of it: `see /etc/xen.`
        const word = match[0].replace(/\.+$/, '');
        if (word.length > 0 && accept(word)) spans.push([match.index, match.index + word.length]);
      }
    };
    for (const pattern of alwaysProtected) add(pattern);
    if (listed) add(listed);
    const [path, file, hyphenated, camel, caps] = codeShapes as [RegExp, RegExp, RegExp, RegExp, RegExp];
    add(path, (word) => word.length > 1 && word !== '/');
    add(file, (word) => !/^\p{L}\.\p{L}/u.test(word) && /\p{L}/u.test(word));
    add(hyphenated, (word) => isCodeLike(word, codeLike));
    add(camel);
    add(caps);
    if (commandWords.size > 0) {
      add(/[\p{L}\p{N}][\p{L}\p{N}_.-]*[\p{L}\p{N}]/gu, (word) => commandWords.has(word));
    }
    return mergeSpans(spans);
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Sorts spans and merges those that overlap, leftmost first. */
function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}
