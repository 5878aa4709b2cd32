import escapeStringRegexp from 'escape-string-regexp';
import type { Root } from 'mdast';
import {
  capitalize,
  findDocumentNames,
  shouted,
  uiLabelSpans,
  type NameReason,
  type PlacedName,
} from './names/index.js';
import { englishLike } from './names/english-like.js';
import { isCommandWord } from './command-words.js';
import { emojiSequences } from './emoji.js';
import { isEnglishPrefix, isEnglishWord } from './english-words.js';
import { namesLexicon } from './names-lexicon.js';
import { slashPairs } from './slash-pairs.js';
import { eachNode } from './tree-walk.js';
import type { Protector } from './unit-builder.js';

export interface TermOptions {
  /** Terms that are never translated, such as product names (default: none). */
  readonly glossary?: readonly string[];
  /** Terms with a fixed translation per language (the `terms` setting): kept as they are in the text. */
  readonly terms?: readonly string[];
  /** The language the source is written in (default `en`): English heuristics apply to English only. */
  readonly language?: string;
  /**
   * The source whose names a translation keeps: a translated file read back is protected as its
   * source was, not by what its own words suggest (default: the document itself).
   */
  readonly namesFrom?: Root;
}

/** Why a span is kept: a name's reason, or the shape that made it code. */
export type TermReason =
  | NameReason
  | 'URL'
  | 'character reference'
  | 'emoji shortcode'
  | 'emoji sequence'
  | 'path'
  | 'tagged reference'
  | 'file name'
  | 'dotted identifier'
  | 'version'
  | 'hyphenated or underscored identifier'
  | 'CamelCase'
  | 'ALL-CAPS name'
  | 'letters and digits'
  | 'quoted code string'
  | 'mention'
  | 'index expression'
  | 'key=value'
  | 'type in braces'
  | 'names joined by a slash'
  | 'manual page'
  | 'DOI'
  | 'UI label';

export interface FoundTerm {
  readonly start: number;
  readonly end: number;
  readonly reason: TermReason;
}

/**
 * Finds the kept spans of a line of prose, with why each is kept, in order and not overlapping.
 * `offset`, where the line starts in the document's source, finds the names kept at one place only.
 */
export type TermFinder = (line: string, offset?: number) => readonly FoundTerm[];

/**
 * Prose uses per code use from which an English word written as code is taken as the ordinary word:
 * a word of inline code (`body`, `text`) as soon as the prose uses it as often; a command, which the
 * prose names bare (`as in render notes.md`), only where the prose uses it far more often.
 */
const ordinaryRatio = 1;
const commandRatio = 3;

// Spans that are never prose whatever the document: character references, emoji shortcodes, URLs.
// Each with a sign it cannot match without: a line without it is not searched.
const alwaysProtected: ReadonlyArray<[RegExp, TermReason, string]> = [
  [/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]+);/giu, 'character reference', '&'],
  [/:[a-z\d_+-]+:/gu, 'emoji shortcode', ':'],
  [/\b(?:https?|ftp):\/\/[^\s<>()]+[^\s<>().,;:!?'"]/giu, 'URL', '://'],
];

// A Markdown escape inside an identifier (`net\_admin`) is part of it.
const w = String.raw`(?:[\p{L}\p{N}]|\\?_)`;
const shapes = {
  path: /(?<![\p{L}\p{N}_./\\-])(?:~|\.{1,2})?\/[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]*)*/gu,
  windowsPath: /(?<![\p{L}\p{N}])[A-Za-z]:(?:\\{1,2}[^\\\s"'<>|*?`]+)+\\{0,2}/gu,
  // Words joined by a backslash, a path as Windows writes it (`meta-data\vendor-data`); a backslash
  // before a sign is a Markdown escape (`net\_admin`, `\*`), and no path.
  backslashed:
    /(?<![\p{L}\p{N}_.\\-])[\p{L}\p{N}][\p{L}\p{N}_.-]*(?:\\[\p{L}\p{N}][\p{L}\p{N}_.-]*)+(?<![.])(?![\p{L}\p{N}_\\])/gu,
  // An image or package and its tag, as registries name them: `acme/my-final-image:1.0`, `library/nginx:latest`.
  taggedReference:
    /(?<![\p{L}\p{N}_./:-])[\p{L}\p{N}][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}][\p{L}\p{N}_.-]*)+:[\p{L}\p{N}][\p{L}\p{N}_.-]*(?<![.])(?![\p{L}\p{N}_/])/gu,
  file: /(?<![\p{L}\p{N}_./-])[\p{L}\p{N}_-]{2,}(?:\.[a-z\d]{1,6})+(?![\p{L}\p{N}_/])/gu,
  // A dotfile with an extension or more: `.verb.md`, `.eslintrc.json`, `.env.local`.
  dotFile: /(?<![\p{L}\p{N}_./\\-])\.\p{L}[\p{L}\p{N}_-]*(?:\.[\p{L}\p{N}_-]+)+(?![\p{L}\p{N}_/])/gu,
  dotted: new RegExp(String.raw`(?<![\p{L}\p{N}_./\\-])\p{L}${w}*(?:\.${w}+)+\.?(?![\p{L}\p{N}_/])`, 'gu'),
  version: /(?<![\p{L}\p{N}_.-])v?\d+(?:\.(?:\d+|x|X|\*)){1,3}(?:[-+][\p{L}\p{N}.]+)?(?![\p{L}\p{N}_])/gu,
  hyphenated: new RegExp(String.raw`(?<![\p{L}\p{N}_\\-])${w}+(?:(?:-|\\?_)${w}+)+(?![\p{L}\p{N}_-])`, 'gu'),
  camel:
    /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{Ll}\p{N}]+\p{Lu}[\p{L}\p{N}]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\p{Lu}{2,}\p{Ll}+\p{Lu}?[\p{L}\p{N}]*)(?![\p{L}\p{N}])/gu,
  caps: /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}]+(?:[-_][\p{Lu}\p{N}]+)*s?(?![\p{L}\p{N}])/gu,
  // Capitals joined by slashes: `I/O`, `A/B`.
  slashedCaps: /(?<![\p{L}\p{N}/])\p{Lu}(?:\/\p{Lu})+(?![\p{L}\p{N}/])/gu,
  // Letters and digits in one word: `xenbr0`, `aarch64`, `audit2allow`, `Domain0`, `4Linux`.
  lettersAndDigits: /(?<![\p{L}\p{N}_.\\-])(?=\p{N}*\p{L})(?=\p{L}*\p{N})[\p{L}\p{N}]{2,}(?![\p{L}\p{N}_])/gu,
  quoted: /(?<=(?<!\\)")[^"\s]*[\\/{}_:][^"\s]*[^"\s\\](?=")/gu,
  // An identifier and its index, as configuration writes them: `vm.vmx["memsize"]`, `argv[1]`.
  indexed:
    /(?<![\p{L}\p{N}_.$])[\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*(?:\[(?:"[^"\s\]]*"|'[^'\s\]]*'|\d+)\])+/gu,
  // A setting and its value: `cap_net_raw=ep`, `bridge=xenbr0`.
  assignment: /(?<![\p{L}\p{N}_.=-])[\p{L}_][\p{L}\p{N}_.-]*=[\p{L}\p{N}_.:/+-]*[\p{L}\p{N}]/gu,
  // A method and its arguments, as API headings write them: `uuid.v3(name, namespace)`,
  // `axios#request(config)`, `.test(string)`, `.add(patterns: Array<string | Ignore>): this` (its
  // return type too where the text ends there, or two spaces later); a method alone after a space: `.matches`.
  call: /(?<![\p{L}\p{N}_.$#])(?:[\p{L}_$][\p{L}\p{N}_$]*)?(?:[.#][\p{L}_$][\p{L}\p{N}_$]*)+\([\p{L}\p{N}_$\s,.[\]{}|:?'"=*…<>&;-]{0,80}\)(?::[ \t]*[\p{L}_$][\p{L}\p{N}_$.<>&;[\]| ]*?[\p{L}\p{N}_$>;\]](?=[ \t]*$|[ \t]{2}))?/gu,
  method: /(?<=^|\s)\.[\p{L}_$][\p{L}\p{N}_$]*(?![\p{L}\p{N}_$.(])/gu,
  // A type in braces, as JSDoc and API lists write it: `{String|Array}`, `{Object}`,
  // `{function(Error, Buffer)}`, `{Array<string>}`, `{?number}`, `{String\|Array}` in a table cell;
  // words apart only after `,` or `:`.
  type: /(?<![\p{L}\p{N}_$\\{])\{[?!]?(?:\.{3})?[\p{L}_$*(](?:[\p{L}\p{N}_$.*|<>[\]()=?!#~-]|\\\||[,:;] ?)*\}(?!\})/gu,
  // A DOI, with its prefix or bare: `doi:10.1093/bioinformatics/btv557`, `10.1000/xyz123`.
  doi: /(?<![\p{L}\p{N}_./-])(?:doi: ?)?10\.\d{4,9}\/[^\s<>"'\]]*[^\s<>"'\].,;:!?)]/giu,
  // A manual page and its section: `gitignore(5)`, `git-config(1)`, `printf(3p)`.
  manPage: /(?<![\p{L}\p{N}_.$#-])[\p{L}_][\p{L}\p{N}_.-]*\([1-9][a-z]?\)(?![\p{L}\p{N}])/gu,
  // `@wilsonpage`, `@octokit/core`: a handle or a scoped package, never a word.
  mention: /(?<![\p{L}\p{N}_.@\\-])@[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?:\/[\p{L}\p{N}_.-]+)?/gu,
} as const;

/**
 * Is the hyphenated word a code shape (`qemu-img`, `x86_64`, `Hyper-V`, `XMLHttpRequest-2`) rather than
 * prose? In English, prose is made of English words, words derived or compounded from them and their
 * prefixes, capitalised or not (`well-known`, `multi-user`, `Non-Uniform`, `Copy-on-Write`); a compound
 * of short words is an identifier (`aa-genprof`).
 */
function isCodeLike(word: string, code: ReadonlySet<string>, english: boolean): boolean {
  if (/[\d_]/u.test(word) || code.has(word) || code.has(word.toLowerCase())) return true;
  const parts = word.split('-');
  // `HTML-escaped`, `JSON-encoded`: an acronym (kept as a name) before English words (translated).
  if (
    english &&
    /^\p{Lu}{2,}$/u.test(parts[0] ?? '') &&
    parts.slice(1).every((part) => /^\p{Ll}{2,}$/u.test(part) && englishLike(part, true, 4))
  )
    return false;
  if (parts.some((part) => /\p{Lu}/u.test(part.slice(1)) || /^\p{Lu}$/u.test(part))) return true;
  if (!english) return /\p{Lu}/u.test(word.slice(1));
  if (namesLexicon().sourceOf(word) !== undefined) return true;
  return parts.some((part) => {
    const lower = part.toLowerCase();
    return lower.length > 1 && !englishLike(lower, true, 4) && !isEnglishPrefix(lower);
  });
}

/**
 * ALL-CAPS prose rather than a name: a run of capitalised English words (`TABLE OF CONTENT`), one such
 * word of four letters or more before a colon (`NOTE:`, `WARNING!`), or any word of a line written in
 * capitals that is no known name; the rest (`API`, `README`) are names.
 */
function isCapsProse(line: string, start: number, end: number, names: ReadonlyMap<string, unknown>): boolean {
  const word = line.slice(start, end);
  const prose = (caps: string) =>
    /^\p{Lu}+$/u.test(caps) &&
    !names.has(caps) &&
    !namesLexicon().sourceOf(caps) &&
    isEnglishWord(caps.toLowerCase());
  if (shouted(line) && /^\p{Lu}+$/u.test(word) && !names.has(word) && !namesLexicon().sourceOf(word))
    return true;
  if (!prose(word)) return false;
  // `NOTE:` or `WARNING!` opening a line is a label.
  if (word.length >= 4 && /^[:!]/u.test(line.slice(end)) && !/[\p{L}\p{N}]/u.test(line.slice(0, start)))
    return true;
  const before = /(?:\p{Lu}+ )+$/u.exec(line.slice(0, start))?.[0].trim().split(' ') ?? [];
  const after = /^(?: \p{Lu}+(?![\p{L}\p{N}]))+/u.exec(line.slice(end))?.[0].trim().split(' ') ?? [];
  const run = [...before, word, ...after];
  return run.length >= 2 && run.every(prose);
}

/**
 * The do-not-translate spans of a document's prose, each with why: glossary terms, names the
 * document proves (code, commands, capitals mid-sentence, the names lexicon), and identifier shapes
 * (`qemu-img`, `/etc/xen`, `xl.cfg`, `vm.clone_directory`, `4.x`, `PSScriptAnalyzer`, `XAPI`).
 */
export function createTermFinder(document: Root, options: TermOptions = {}): TermFinder {
  const tree = options.namesFrom ?? document;
  const english = (options.language ?? 'en').toLowerCase().split('-')[0] === 'en';
  const found = findDocumentNames(tree, { glossary: options.glossary, terms: options.terms, english });
  const { exact, commands, names } = found;
  const inProse = proseCounts(
    found.names.size > 0 || exact.size > 0 || commands.size > 0 ? tree : undefined,
    new Set([...exact.keys(), ...commands.keys()]),
  );
  // An English word the document writes as code (`memory`, a configuration key) is the ordinary word
  // where the prose uses it as often as the code does, unless the prose names it (`install Vagrant`);
  // where the prose writes it capitalised mid-sentence in a title (`Remote Memory`, `Built-in Fetch`),
  // only three prose uses per code use tell (`fetch` stays the function); anything else written as code
  // is kept wherever it appears.
  const ordinaryWord = (word: string, inCode: number, ratio = ordinaryRatio, compound = false) =>
    english &&
    (compound || isEnglishWord(word.toLowerCase())) &&
    !names.has(capitalize(word)) &&
    (inProse.get(word) ?? 0) >=
      (found.midSentence.has(capitalize(word)) ? Math.max(ratio, commandRatio) : ratio) * inCode;
  const listed = new Map<string, TermReason>(names);
  // A lower-case compound of English words written as code (`namespace`, `filename`) is a word too,
  // unless the code writes it capitalised (`Minimatch`, a class) or it is a brand (`podman`).
  const ordinaryCode = new Set<string>();
  for (const [word, inCode] of exact) {
    const compound =
      /^\p{Ll}+$/u.test(word) &&
      !commands.has(word) &&
      !exact.has(capitalize(word)) &&
      namesLexicon().sourceOfLowerCase(word) === undefined &&
      englishLike(word);
    if (ordinaryWord(word, inCode, ordinaryRatio, compound)) ordinaryCode.add(word);
    else if ((!english || !isCommandWord(word.toLowerCase())) && !listed.has(word))
      listed.set(word, 'written as code');
  }
  // A command is kept as the code writes it, unless it is an English word the prose uses as such
  // (`version` of `version range`, a phrase in code). Capitalised, it is kept too when it is no English
  // word (`Qemu`), a known brand (`Git`), or when the prose names it mid-sentence (`install Vagrant`):
  // `Translate a README`, at the start of a sentence, is the verb.
  const brandCommands = new Set<string>();
  for (const [command, runs] of commands) {
    // Two letters are a command where they are no English word (`ip`, `xl`, `ls`; not `go`, `sh`).
    const short = /^[a-z]{2}$/.test(command) && !isEnglishWord(command);
    if ((!/^[a-z][\w.-]{2,}$/.test(command) && !short) || (english && isCommandWord(command))) continue;
    if (ordinaryWord(command, runs + (exact.get(command) ?? 0), commandRatio)) continue;
    if (!listed.has(command)) listed.set(command, 'shell command');
    const name = capitalize(command);
    // A known brand that the code runs is the brand capitalised (`**Option 2: Git**`, `Yarn`), but the
    // verb before an object (`Render the notes`, where the code runs `render`).
    const brand = english && isEnglishWord(command) && namesLexicon().sourceOf(name) !== undefined;
    if (brand && !listed.has(name)) brandCommands.add(name);
    if ((!english || !isEnglishWord(command) || found.midSentence.has(name) || brand) && !listed.has(name))
      listed.set(name, 'shell command');
  }
  // Every other word of code that is no English word (`libvirt` of `apt install libvirt-clients`).
  for (const word of found.codeWords) {
    if (!english || isEnglishWord(word) || isCommandWord(word) || ordinaryCode.has(word) || listed.has(word))
      continue;
    listed.set(word, 'written as code');
  }
  const findListed = listedMatcher(listed);
  // `fast-check` in prose where the code installs `fast-check`: a name, though both its words are English.
  const codeLike = new Set([...exact.keys(), ...commands.keys(), ...found.joinedInCode]);
  // Places are offsets of the tree the names come from: of no use in another document read back.
  const placed = options.namesFrom === undefined ? found.placed : new Map<number, PlacedName>();
  // In order: a line looks up the places inside it, not every word it has.
  const placedAt = [...placed.keys()].sort((a, b) => a - b);
  const shoutedPlaces = options.namesFrom === undefined ? found.shouted.places : new Set<number>();
  // `REMOVED in 3.x`, `is **NOT** used`, `DOESN'T`: English shouted, which the engine translates.
  const shoutedWord = (line: string, start: number, word: string, offset: number | undefined) =>
    found.shouted.words.has(word) ||
    (offset !== undefined && shoutedPlaces.has(offset + start)) ||
    (/^['’]T(?![\p{L}\p{N}])/u.test(line.slice(start + word.length)) &&
      !listed.has(word) &&
      englishLike(`${word.toLowerCase()}'t`, false));

  return (line, offset) => {
    const spans: FoundTerm[] = [];
    if (offset !== undefined)
      for (const at of placesWithin(placedAt, offset, offset + line.length)) {
        const name = placed.get(at);
        const start = at - offset;
        if (name !== undefined && startsPlace(line, start) && name.end <= offset + line.length)
          spans.push({ start, end: name.end - offset, reason: name.reason });
      }
    const add = (
      regex: RegExp,
      reason: TermReason | ((word: string) => TermReason),
      accept: (word: string, start: number) => boolean = () => true,
    ) => {
      for (const match of line.matchAll(regex)) {
        // A sentence's full stop after a path is not part of it: `see /etc/xen.`
        const word = match[0].replace(/\.+$/, '');
        if (word.length > 0 && accept(word, match.index))
          spans.push({
            start: match.index,
            end: match.index + word.length,
            reason: typeof reason === 'string' ? reason : reason(word),
          });
      }
    };
    for (const [start, end] of emojiSequences(line)) spans.push({ start, end, reason: 'emoji sequence' });
    for (const [regex, reason, sign] of alwaysProtected) if (line.includes(sign)) add(regex, reason);
    if (english)
      for (const [start, end] of uiLabelSpans(line)) spans.push({ start, end, reason: 'UI label' });
    for (const [start, end] of findListed(line)) {
      const word = line.slice(start, end);
      const reason = listed.get(word) ?? 'glossary';
      // `To translate your own repository`: after `to`, a command that is a dictionary word is the verb.
      if (english && commands.has(word) && isEnglishWord(word) && /\bto $/iu.test(line.slice(0, start)))
        continue;
      if (brandCommands.has(word) && objectAfter.test(line.slice(end))) continue;
      spans.push({ start, end, reason });
    }
    // A shape is searched for only in a line that holds a sign it cannot match without.
    const slash = line.includes('/');
    const dot = line.includes('.');
    const bracket = line.includes('(');
    if (slash) add(shapes.path, 'path', (word) => word.length > 1 && word !== '/');
    if (line.includes(':')) add(shapes.windowsPath, 'path');
    if (line.includes('\\')) add(shapes.backslashed, 'path');
    if (slash && line.includes(':')) add(shapes.taggedReference, 'tagged reference');
    if (line.includes('"')) add(shapes.quoted, 'quoted code string');
    if (line.includes('[')) add(shapes.indexed, 'index expression');
    if (line.includes('=')) add(shapes.assignment, 'key=value');
    if (line.includes('{')) add(shapes.type, 'type in braces');
    if (bracket) add(shapes.call, 'call signature');
    if (dot) add(shapes.method, 'call signature');
    if (line.includes('@')) add(shapes.mention, 'mention');
    if (bracket) add(shapes.manPage, 'manual page');
    if (line.includes('10.')) add(shapes.doi, 'DOI');
    if (dot) {
      add(shapes.dotFile, 'file name');
      add(shapes.file, 'file name', (word) => !/^\p{L}\.\p{L}/u.test(word) && /\p{L}/u.test(word));
      add(shapes.dotted, 'dotted identifier', (word) =>
        word.split('.').some((part) => part.replace(/\\/g, '').length > 1),
      );
      add(
        shapes.version,
        'version',
        (word) => /[.][\dxX*]+[.]|[xX*]$|^v/u.test(word) || /\.\d+\.\d+/u.test(word),
      );
    }
    add(shapes.hyphenated, 'hyphenated or underscored identifier', (word) =>
      isCodeLike(word.replace(/\\_/g, '_'), codeLike, english),
    );
    add(shapes.camel, 'CamelCase');
    if (slash) add(shapes.slashedCaps, 'ALL-CAPS name');
    // Not an ordinal (`1st`, `22nd`) nor a quantity with its unit (`5m`, `64GB`), which read as prose.
    add(
      shapes.lettersAndDigits,
      'letters and digits',
      (word) => !/^\d+(?:st|nd|rd|th|\p{L}{1,3})$/iu.test(word),
    );
    add(
      shapes.caps,
      'ALL-CAPS name',
      (word, start) =>
        !english ||
        !(isCapsProse(line, start, start + word.length, listed) || shoutedWord(line, start, word, offset)),
    );
    const merged = mergeSpans(spans);
    const pairs = slash ? slashPairs(line, merged) : [];
    if (pairs.length > 0)
      return withPossessives(
        line,
        mergeSpans([
          ...pairs.map((pair) => ({ ...pair, reason: 'names joined by a slash' as const })),
          ...merged,
        ]),
      );
    return withPossessives(line, merged);
  };
}

// What follows a verb rather than a name: its object (`Render the notes`, `Yarn your dependencies`).
const objectAfter =
  /^ (?:the|a|an|your|our|my|this|these|those|that|it|them|all|each|every|some|any)(?![\p{L}\p{N}])/iu;

/** Spans that are not names, which a following `'s` is not part of. */
const notNames = new Set<TermReason>([
  'URL',
  'character reference',
  'emoji shortcode',
  'emoji sequence',
  'path',
]);

/**
 * A name's possessive travels with it (`Docker's`, `Xen’s`): left outside the placeholder, an engine
 * reads `'s` as a word of its own (Apertium makes it `es`, "is").
 */
function withPossessives(line: string, spans: FoundTerm[]): FoundTerm[] {
  return spans.map((span) => {
    if (notNames.has(span.reason) || !/[\p{L}\p{N}]$/u.test(line.slice(span.start, span.end))) return span;
    const possessive = /^['’]s(?![\p{L}\p{N}_])/u.exec(line.slice(span.end));
    return possessive ? { ...span, end: span.end + possessive[0].length } : span;
  });
}

const wordStart = /(?<![\p{L}\p{N}_-])[\p{L}\p{N}]+/gu;
// Where a name kept at one place may start: a word, or anything after a space (`.ignores(`, `): boolean`).
const placeStart = /(?<![\p{L}\p{N}_-])[\p{L}\p{N}]|(?<!\S)\S/uy;

/** Whether a name kept at one place may start at `index` of the line (never inside a surrogate pair). */
function startsPlace(line: string, index: number): boolean {
  const unit = line.charCodeAt(index);
  if (unit >= 0xdc00 && unit <= 0xdfff && index > 0) {
    const before = line.charCodeAt(index - 1);
    if (before >= 0xd800 && before <= 0xdbff) return false;
  }
  placeStart.lastIndex = index;
  return placeStart.test(line);
}

/** The offsets of `sorted` from `from` (included) to `to` (excluded). */
function* placesWithin(sorted: readonly number[], from: number, to: number): Generator<number> {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  for (let at = low; at < sorted.length && (sorted[at] as number) < to; at++) yield sorted[at] as number;
}
const nameEnd = /[\p{L}\p{N}_-]/u;

/**
 * Whether a name may end here: not inside a longer word, but before an English word joined by a
 * hyphen (`Linux-based`, `Docker-like`): the name is kept and the word after it translated.
 */
function endsName(line: string, end: number): boolean {
  if (!nameEnd.test(line.charAt(end))) return true;
  const suffix = /^-(\p{Ll}{2,})(?![\p{L}\p{N}_-])/u.exec(line.slice(end))?.[1];
  return suffix !== undefined && isEnglishWord(suffix);
}

/**
 * Finds the listed names in a line, longest first where two start together. Names are looked up by
 * their first word, so a document with thousands of names costs a lookup per word of prose.
 */
function listedMatcher(listed: ReadonlyMap<string, unknown>): (line: string) => Array<[number, number]> {
  const byFirstWord = new Map<string, string[]>();
  const others: string[] = [];
  for (const name of listed.keys()) {
    const first = /^[\p{L}\p{N}]+/u.exec(name)?.[0];
    if (first === undefined) others.push(name);
    else byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), name]);
  }
  for (const names of byFirstWord.values()) names.sort((a, b) => b.length - a.length);
  const otherPattern =
    others.length === 0
      ? undefined
      : new RegExp(
          `(?<![\\p{L}\\p{N}_-])(?:${others
            .sort((a, b) => b.length - a.length)
            .map(escapeStringRegexp)
            .join('|')})(?![\\p{L}\\p{N}_-])`,
          'gu',
        );
  return (line) => {
    const found: Array<[number, number]> = [];
    if (byFirstWord.size > 0) {
      for (const match of line.matchAll(wordStart)) {
        const name = byFirstWord
          .get(match[0])
          ?.find((each) => line.startsWith(each, match.index) && endsName(line, match.index + each.length));
        if (name) found.push([match.index, match.index + name.length]);
      }
    }
    if (otherPattern)
      for (const match of line.matchAll(otherPattern))
        found.push([match.index, match.index + match[0].length]);
    return found;
  };
}

/** The do-not-translate spans of a line of prose, for the unit builder. */
export function createTermProtector(tree: Root, options: TermOptions = {}): Protector {
  const find = createTermFinder(tree, options);
  return (line, offset) => find(line, offset).map((term) => [term.start, term.end] as const);
}

/** How often the prose (text outside code) writes each of `words`, as written. */
function proseCounts(tree: Root | undefined, words: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  if (!tree || words.size === 0) return counts;
  eachNode(tree, (node) => {
    if (node.type !== 'text') return;
    for (const match of node.value.matchAll(/[\p{L}\p{N}_-]+/gu)) {
      if (words.has(match[0])) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    }
  });
  return counts;
}

/** Sorts spans and merges those that overlap, leftmost first; the first span's reason stands. */
function mergeSpans(spans: FoundTerm[]): FoundTerm[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: FoundTerm[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      if (span.end > last.end) merged[merged.length - 1] = { ...last, end: span.end };
    } else merged.push(span);
  }
  return merged;
}
