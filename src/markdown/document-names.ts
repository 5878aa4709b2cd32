import type { Nodes, Root, Table } from 'mdast';
import { isEnglishWord } from './english-words.js';
import { addressWords } from './link-names.js';
import { namesLexicon } from './names-lexicon.js';
import { childrenRange, nodeRange } from './node-range.js';
import { eachNode, plainText } from './tree-walk.js';
import type { Range } from './unit.js';

/** Why a name is kept, as `readme-i18n terms` prints it. */
export type NameReason =
  | 'glossary'
  | 'terms setting'
  | 'written as code'
  | 'shell command'
  | 'path in link text'
  | 'known name (simple-icons)'
  | 'known name (linguist)'
  | 'capitalised mid-sentence'
  | 'not an English word'
  | 'multi-word name'
  | 'expansion of an acronym'
  | 'item of a list of names'
  | 'file name as alt text'
  | 'name column of a table'
  | 'named by a link address'
  | 'badge of a known name'
  | 'linked profile or repository';

/** A name kept where the document writes it, and there only. */
export interface PlacedName extends Range {
  readonly reason: NameReason;
}

export interface DocumentNames {
  /** Names kept wherever the prose writes them exactly so, with why. */
  readonly names: ReadonlyMap<string, NameReason>;
  /**
   * Names kept at one place of the source only, by source offset of their first character: a word
   * that names an API in a table of links (`Cats`) and is the ordinary word in the prose around it.
   */
  readonly placed: ReadonlyMap<number, PlacedName>;
  /** Single-token inline code, with how often. */
  readonly exact: ReadonlyMap<string, number>;
  /** Commands of inline code and shell blocks (their first word), with how often the code runs each. */
  readonly commands: ReadonlyMap<string, number>;
  /** Every word of inline code and of shell commands, lower case. */
  readonly codeWords: ReadonlySet<string>;
  /** Capitalised words of inline code and shell commands, as written (`grep Seccomp`). */
  readonly capitalisedInCode: ReadonlySet<string>;
  /** Capitalised words the prose writes mid-sentence (English sources only). */
  readonly midSentence: ReadonlySet<string>;
  /** The inline code and shell commands, lower case, one a line. */
  readonly codeText: string;
  /** Hyphenated or underscored words of code, as written (`fast-check` of `npm install fast-check`). */
  readonly joinedInCode: ReadonlySet<string>;
}

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

/** Proper nouns that are ordinary prose in every language: months, weekdays, languages, countries. */
let everydayNames: Set<string> | undefined;
const everydayStems = new Set<string>();

function isEverydayName(word: string): boolean {
  if (!everydayNames) {
    const names = new Set<string>();
    // The twelve months, and the seven weekdays of their first twelve days.
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2024, month, 1 + month));
      names.add(date.toLocaleString('en', { month: 'long', timeZone: 'UTC' }));
      names.add(
        new Date(Date.UTC(2024, 0, 1 + month)).toLocaleString('en', { weekday: 'long', timeZone: 'UTC' }),
      );
    }
    // Their short forms too (`Sep`, `Tue`), as dates and changelogs write them.
    for (const name of [...names]) names.add(name.slice(0, 3));
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const regions = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    const languages = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
    for (const first of letters)
      for (const second of letters) {
        for (const name of [regions.of(first + second), languages.of((first + second).toLowerCase())])
          if (name)
            for (const word of name.split(/[\s,()]+/)) if (/^\p{Lu}\p{Ll}+$/u.test(word)) names.add(word);
      }
    everydayNames = names;
    for (const name of names)
      for (const cut of [0, 1, 2])
        if (name.length - cut >= 4) everydayStems.add(name.slice(0, name.length - cut));
  }
  if (everydayNames.has(word)) return true;
  // A people or its adjective (`Peruvian`, `Mexican`, `Chinese`, `Swedish`): a place or language less
  // its last two letters at most, then a suffix of nationality.
  if (!/(?:an|ese|ish|i)$/u.test(word)) return false;
  for (let length = 4; length < word.length; length++)
    if (everydayStems.has(word.slice(0, length))) return true;
  return false;
}

/**
 * Words the document writes as code: single-token inline code (with how often), the commands of
 * inline code and shell blocks, and every word of both.
 */
function collectCode(
  tree: Root,
): Pick<
  DocumentNames,
  'exact' | 'commands' | 'codeWords' | 'capitalisedInCode' | 'codeText' | 'joinedInCode'
> {
  const exact = new Map<string, number>();
  const commands = new Map<string, number>();
  const run = (command: string) => commands.set(command, (commands.get(command) ?? 0) + 1);
  const codeWords = new Set<string>();
  const capitalisedInCode = new Set<string>();
  const lines: string[] = [];
  const joinedInCode = new Set<string>();
  // Words of code, path segments included (`libvirt` of `/etc/libvirt/`), but not the parts of URLs.
  const addWords = (text: string) => {
    lines.push(text.toLowerCase());
    const withoutUrls = text.replace(/\b[a-z][\w+.-]*:\/\/\S*/giu, ' ');
    // Not an option (`--save-dev`), whose dashes lead; nor a phrase of English words written as code
    // (`capitalised mid-sentence`, a label the prose quotes).
    const phrase =
      /\s/u.test(text.trim()) &&
      [...text.matchAll(/\p{L}+/gu)].every(([word]) => isEnglishWord(word.toLowerCase()));
    if (!phrase)
      for (const match of withoutUrls.matchAll(
        /(?<![\p{L}\p{N}_-])[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)+(?![\p{L}\p{N}_-])/gu,
      ))
        joinedInCode.add(match[0]);
    for (const match of withoutUrls.matchAll(
      /(?<![\p{L}\p{N}_.$=-])\p{L}[\p{L}\p{N}]{2,}(?![\p{L}\p{N}_])/gu,
    )) {
      codeWords.add(match[0].toLowerCase());
      // An argument (`grep Seccomp`), not a line of prose in a code block (`Hypervisor`).
      if (capitalised(match[0]) && match.index > 0) capitalisedInCode.add(match[0]);
    }
  };
  eachNode(tree, (node) => {
    if (node.type === 'inlineCode') {
      if (/^[^\s]{2,}$/u.test(node.value)) exact.set(node.value, (exact.get(node.value) ?? 0) + 1);
      // `vagrant up` names the command `vagrant`, which the prose calls Vagrant.
      else run(node.value.trim().split(/\s+/)[0] ?? '');
      addWords(node.value);
    }
    if (node.type === 'code' && shellLanguages.has((node.lang ?? '').toLowerCase())) {
      // Unlabelled code is often output or prose: only its prompted lines (`$ cmd`) are commands.
      const prompted = !node.lang;
      for (const line of node.value.split('\n')) {
        if (/^\s*#/.test(line) || (prompted && !/^\s*[$>]\s/.test(line))) continue;
        const command = line.replace(/^\s*(?:[$>]\s+)?(?:sudo\s+)?/, '');
        const first = command.split(/\s+/)[0] ?? '';
        if (/^[a-z][\w.-]{2,}$/.test(first)) run(first);
        addWords(command);
      }
    }
  });
  return { exact, commands, codeWords, capitalisedInCode, codeText: lines.join('\n'), joinedInCode };
}

interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Whether a word of the same sentence comes before it. */
  readonly mid: boolean;
}

// A full stop, a line break, or a spaced dash, bar or dot (`Live Editor – Prototype instantly`,
// `[Docker](…) · [Read the guide](…)`).
const sentenceEnd = /[.!?:;]\s|\n|\s[-–—|·•]\s/u;

/** The words of one block, sentence by sentence. */
function sentences(text: string): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  let last = 0;
  let seenWord = false;
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)) {
    const between = text.slice(last, match.index);
    if (sentenceEnd.test(between) || /[.!?:;]$|\s[-–—|·•]$/.test(between)) {
      if (current.length > 0) out.push(current);
      current = [];
      seenWord = false;
    }
    const word = match[0].replace(/['’]s?$/u, '');
    current.push({ word, start: match.index, end: match.index + word.length, mid: seenWord });
    // Numbers (`351.1 Virtualization`) and a lone capital (`[X] Create`) do not start the sentence,
    // nor does code (`` `<` Less than ``), which is no word.
    if (/\p{Ll}/u.test(word)) seenWord = true;
    last = match.index + match[0].length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Every longer word capitalised: a heading or label in title case, where capitals say nothing. */
function isTitleCase(tokens: readonly Token[]): boolean {
  // Names (`Harbor, Artifactory, GitHub`) are capitalised anyway: only the other words tell.
  const long = tokens.filter(
    (token) =>
      token.word.length >= 4 &&
      /^\p{L}/u.test(token.word) &&
      isEnglishWord(token.word.toLowerCase()) &&
      !namesLexicon().sourceOf(token.word),
  );
  const upper = long.filter((token) => /^\p{Lu}/u.test(token.word)).length;
  return long.length >= 2 && upper === long.length;
}

/** Words of grammar that a title-cased run may start or end with but no name does (`The Xen Project`). */
const grammarWords = new Set(
  'a an the this that these those its our your their my his her what which who how why when where is are was were be does do did uses use using each every some any all and or but nor of for in on at to by from with as into via vs'.split(
    ' ',
  ),
);

const capitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word);
const nameShaped = (word: string) => capitalised(word) || /^\p{Lu}{2,}\p{Ll}*$|\p{Ll}\p{Lu}/u.test(word);

/**
 * The names a document writes, from its own evidence (code, commands, paths in link text, capitals in
 * the middle of a sentence) and the names lexicon. English heuristics apply to English sources only.
 */
export function findDocumentNames(
  tree: Root,
  options: { glossary?: readonly string[]; terms?: readonly string[]; english: boolean },
): DocumentNames {
  const code = collectCode(tree);
  const names = new Map<string, NameReason>();
  const add = (name: string, reason: NameReason) => {
    if (!names.has(name)) names.set(name, reason);
  };
  for (const term of options.glossary ?? []) add(term, 'glossary');
  for (const term of options.terms ?? []) add(term, 'terms setting');
  const placed = new Map<number, PlacedName>();
  const place = (range: Range, reason: NameReason) => {
    if (!placed.has(range.start)) placed.set(range.start, { ...range, reason });
  };
  const lexicon = namesLexicon();
  const midSentence = new Set<string>();

  const definitions = new Map<string, string>();
  eachNode(tree, (node) => {
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node.url);
  });
  const blocks: Nodes[] = [];
  // Sites the document links to by name (`katacontainers` of katacontainers.io); words of link texts that
  // their own address spells (`Grub` of `[GNU Grub Bootloader](…/software/grub/)`); lower-case link
  // texts that start their site's name (`[kata](https://katacontainers.io/)`), which are names too.
  // A site named by a word that starts its name is named in any case; otherwise as the link writes it.
  const sites = new Map<string, readonly string[] | 'any'>();
  const spelledByAddress = new Map<string, string[]>();
  const namedBySite = new Map<string, string[]>();
  const lowerNames = new Set<string>();
  eachNode(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') blocks.push(node);
    // `[socks-proxy-agent][]`, defined as `…/node-socks-proxy-agent`: a reference names its page too.
    if (node.type === 'linkReference' && node.children.length > 0) {
      const url = definitions.get(node.identifier);
      const text = plainText(node).trim();
      if (url !== undefined && namesLinkedPage(url, text)) add(text, 'linked profile or repository');
    }
    if (node.type === 'link' && node.children.length > 0) {
      // `[configs/network](configs/network/)`: a path, whatever its words mean.
      const text = plainText(node).trim();
      if (/^[\w.~-]+(?:\/[\w.-]+)+\/?$/u.test(text)) add(text, 'path in link text');
      else if (namesLinkedPage(node.url, text)) add(text, 'linked profile or repository');
      const address = addressWords(node.url);
      const words = [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
      // A folder spells a name where it spells one word of the text: a slug (`/best-practices/`,
      // `/network/drivers`) spells the title, names or not.
      const inFolders = new Set(words.filter((word) => address.folders.has(word)));
      for (const word of words) {
        const bySite = address.site.has(word);
        if (bySite || (inFolders.size === 1 && inFolders.has(word)))
          spelledByAddress.set(word, [...(spelledByAddress.get(word) ?? []), text]);
        if (bySite) namedBySite.set(word, [...(namedBySite.get(word) ?? []), text]);
      }
      // A site is named by the text of a link to it: `[Distro Watch](https://distrowatch.com/)`, or
      // `[kata](https://katacontainers.io/)`, a word that starts its name.
      const site = address.name;
      // `[Quillo's Margin Notes](https://margin.quillo.example/)`: a word of no dictionary that is
      // its link's site is a name.
      for (const match of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu))
        if (
          address.site.has(match[0].toLowerCase()) &&
          options.english &&
          !englishLike(match[0].toLowerCase())
        )
          add(match[0], 'named by a link address');
      if (site !== undefined && text.toLowerCase().replace(/[\s-]+/gu, '') === site.replace(/-/gu, ''))
        sites.set(site, [...(sites.get(site) ?? []), text]);
      if (site !== undefined && /^\p{Ll}{3,}$/u.test(text) && site.startsWith(text) && site !== text) {
        sites.set(site, 'any');
        lowerNames.add(text);
        add(text, 'named by a link address');
      }
    }
    // `![Next][Next.js]`: a badge whose alt text starts its reference's label, a known name, is
    // that name's badge; kept there only (`Next` elsewhere is the ordinary word).
    if (
      node.type === 'imageReference' &&
      node.alt &&
      /^\p{L}+$/u.test(node.alt) &&
      node.label !== undefined &&
      node.label !== null &&
      node.label.startsWith(node.alt) &&
      /^[^\p{L}\p{N}\s]/u.test(node.label.slice(node.alt.length)) &&
      lexicon.sourceOf(node.label) !== undefined
    ) {
      const start = nodeRange(node).start + 2;
      place({ start, end: start + node.alt.length }, 'badge of a known name');
      return;
    }
    // `<a href="https://github.com/nzakas">… Nicholas C. Zakas</a>` in a table of people.
    if (node.type === 'html')
      for (const [, url = '', inner = ''] of node.value.matchAll(
        /<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/giu,
      )) {
        const lines = inner
          .split(/<[^>]*>|\n/u)
          .map((line) => line.trim())
          .filter((line) => line !== '');
        if (lines.length === 1 && namesLinkedPage(url, (lines[0] as string).replace(/\s+/gu, ' ')))
          add(lines[0] as string, 'linked profile or repository');
      }
    if ((node.type === 'image' || node.type === 'imageReference') && node.alt) {
      const source = lexicon.sourceOf(node.alt);
      // `![swarm-nodes](images/swarm-nodes.png)`: a file name written as alt text, not prose.
      if (/^[\p{Ll}\p{N}]+(?:[-_][\p{Ll}\p{N}]+)+$/u.test(node.alt)) add(node.alt, 'file name as alt text');
      // `![React][React.js]`: an image whose alt text is a brand is its logo or badge.
      else if (source !== undefined)
        add(node.alt, source === 'linguist' ? 'known name (linguist)' : 'known name (simple-icons)');
      else blocks.push({ type: 'paragraph', children: [{ type: 'text', value: node.alt }] });
    }
    if (node.type === 'table') addNameColumn(node, add, place, options.english);
  });

  const known = (word: string): NameReason | undefined => {
    const source = lexicon.sourceOf(word);
    const lower = word.toLowerCase();
    if (source && (!options.english || !isEnglishWord(lower)))
      return source === 'linguist' ? 'known name (linguist)' : 'known name (simple-icons)';
    return undefined;
  };

  const texts = blocks.map((block) => plainText(block));

  const lowerProse = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(/(?<![\p{L}\p{N}_./-])\p{Ll}+(?![\p{L}\p{N}_/.+-])/gu))
      lowerProse.add(match[0]);
  // Every word the prose writes in lower case, `inline.` at the end of a sentence too.
  const lowerWords = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(/(?<![\p{L}\p{N}_./-])\p{Ll}+(?![\p{L}\p{N}_/+-]|\.[\p{L}\p{N}])/gu))
      lowerWords.add(match[0]);
  const capitalisedCounts = new Map<string, number>();
  for (const text of texts)
    for (const match of text.matchAll(/(?<![\p{L}\p{N}_./-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}_/.+-])/gu))
      capitalisedCounts.set(match[0], (capitalisedCounts.get(match[0]) ?? 0) + 1);
  const split = texts.map((text) =>
    sentences(text).map((tokens) => ({ tokens, titleCase: options.english && isTitleCase(tokens) })),
  );
  for (const [at, text] of texts.entries()) {
    const parts = split[at] ?? [];
    const alone = parts.length === 1 && parts[0]?.tokens.length === 1;
    for (const { tokens, titleCase } of parts) {
      for (const [index, token] of tokens.entries()) {
        // `Kata containers`, `Font Awesome` in a document that links to katacontainers.io,
        // fontawesome.com: capitalised words that spell the name of a site it links to.
        if (capitalised(token.word) || /^\p{Lu}{2,}/u.test(token.word)) {
          const site = siteSpelled(text, tokens, index, sites);
          if (site !== undefined) add(site, 'named by a link address');
        }
        // Known names of two words or more: `Red Hat`, `Docker Compose`.
        for (const phrase of lexicon.phrasesByFirstWord.get(token.word) ?? []) {
          const after = text.charAt(token.start + phrase.length);
          if (text.startsWith(phrase, token.start) && !/[\p{L}\p{N}]/u.test(after)) {
            add(phrase, known(phrase) ?? 'known name (simple-icons)');
            break;
          }
        }
        const reason = known(token.word);
        if (reason) add(token.word, reason);
        // `webpack`, `codecov`: a brand written in lower case, as its makers do, where no English word
        // nor one derived from it (`serverless`).
        const lowered = /^\p{Ll}[\p{Ll}\p{N}]+$/u.test(token.word)
          ? lexicon.sourceOfLowerCase(token.word)
          : undefined;
        if (lowered !== undefined && !reason && options.english && !englishLike(token.word, false))
          add(token.word, lowered === 'linguist' ? 'known name (linguist)' : 'known name (simple-icons)');
        if (!options.english || !capitalised(token.word) || isEverydayName(token.word)) continue;
        const lower = token.word.toLowerCase();
        // `Seccomp` at the start of a heading, in a document that runs `grep Seccomp`: a word of no
        // dictionary that the code writes is a name at the start of a sentence too (a compound of
        // dictionary words, as `Seccomp` looks, only where the code writes it capitalised; English
        // derivations such as `grep Virtualization` stay prose).
        if (
          !token.mid &&
          ((code.codeWords.has(lower) && !englishLike(lower)) ||
            (code.capitalisedInCode.has(token.word) && !englishLike(lower, false)))
        )
          add(token.word, 'written as code');
        // `Zorblax watches folders. Zorblax is fast.`: a word of no dictionary, nor derived or compounded
        // from one, that the prose writes capitalised twice or more and never in lower case is a name at
        // the start of a sentence too (`Inline math`, `Emoji shortcodes` are jargon the list lacks).
        else if (
          !token.mid &&
          !englishLike(lower) &&
          !lowerWords.has(lower) &&
          (capitalisedCounts.get(token.word) ?? 0) >= 2
        )
          add(token.word, 'not an English word');
        if (token.mid && !titleCase) {
          midSentence.add(token.word);
          // `Type 1 hypervisors` in a text that also writes `type`: a capitalised word, not a name.
          // (A word of no dictionary written both ways, `Buildah` and `buildah`, is a name both ways.)
          if (
            lowerProse.has(lower) &&
            !lowerNames.has(lower) &&
            !lexicon.sourceOf(token.word) &&
            englishLike(lower)
          )
            continue;
          if (isEnglishWord(lower) && !lexicon.sourceOf(token.word) && !names.has(token.word)) {
            if (labelOrTitle(text, tokens, token, names) || inListOfWords(text, tokens, token, names))
              continue;
          }
          add(token.word, isEnglishWord(lower) ? 'capitalised mid-sentence' : 'not an English word');
        } else if (token.mid && titleCase && !englishLike(lower) && /^\p{Lu}\p{Ll}+$/u.test(token.word)) {
          // In a title-cased heading capitals say nothing, but a capitalised word of no dictionary is
          // a name: `Podman, Buildah, Skopeo, OpenVZ, crun & Kata containers`.
          add(token.word, 'not an English word');
        } else if (alone && code.commands.has(lower)) {
          // A table cell, heading or link that is the one word `Vagrant`, in a document that runs `vagrant`.
          add(token.word, 'shell command');
        }
      }
    }
  }
  // Whether the text of a link that holds `phrase` has the word in its address (`named`: in its site's name).
  const spelled = (token: Token, phrase: string) =>
    (spelledByAddress.get(token.word.toLowerCase()) ?? []).some((text) => text.includes(phrase));
  const named = (token: Token, phrase: string) =>
    (namedBySite.get(token.word.toLowerCase()) ?? []).some((text) => text.includes(phrase));
  // Whether a word of a title (`GNU Grub Bootloader`) says by itself that it belongs to a name: a
  // name, capitals, no dictionary word, a word of the code or of its link's address.
  const evidence = (token: Token, phrase: string) => {
    const lower = token.word.toLowerCase();
    return (
      names.has(token.word) ||
      /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(token.word) ||
      lexicon.sourceOf(token.word) !== undefined ||
      code.commands.has(lower) ||
      // `Docker Swarm` where the code runs `docker swarm init`; not `Swarm Key` for a `--key` option.
      codeSpells(code.codeText, phrase) ||
      spelled(token, phrase) ||
      !englishLike(lower)
    );
  };
  // A plural noun the prose also writes in lower case (`prices`; not `Jails`, written only so).
  const commonPlural = (word: string) => isCommonPlural(word) && lowerProse.has(word.toLowerCase());
  if (options.english) {
    for (const [at, text] of texts.entries())
      for (const { tokens, titleCase } of split[at] ?? []) {
        addRuns(text, tokens, names, add, { evidence, spelled, named, commonPlural }, titleCase);
        if (titleCase) addListItems(text, tokens, add);
        addListOfNames(text, tokens, names, code.codeWords, add, commonPlural);
      }
    for (const text of texts) addExpansions(text, midSentence, add);
  }

  return { names, placed, ...code, midSentence };
}

/**
 * Whether a link's text names the page it points to: a person's or organisation's profile on GitHub,
 * GitLab or Codeberg written as their name (`[Nicholas C. Zakas](https://github.com/nzakas)`, `[fnx](…)`),
 * or a repository or npm package written as its own name (`[socks-proxy-agent](…/node-socks-proxy-agent)`).
 */
function namesLinkedPage(url: string, text: string): boolean {
  const match =
    /^https?:\/\/(?:www\.)?(?:(?:github\.com|gitlab\.com|codeberg\.org)\/([\w.-]+)(?:\/([\w.-]+))?|npmjs\.com\/package\/(?:@[\w.-]+\/)?([\w.-]+))\/?(?:[?#]\S*)?$/iu.exec(
      url,
    );
  if (match === null || !/^[\p{L}\p{N}][\p{L}\p{N} .'’&+-]{0,59}$/u.test(text)) return false;
  const [, owner, repository, npmPackage] = match;
  const key = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const written = key(text);
  const target = repository ?? npmPackage;
  if (target !== undefined)
    return (
      written.length >= 3 &&
      (written === key(target) || (written.length >= 6 && key(target).includes(written)))
    );
  // A profile: one word, or up to four capitalised words one of which no English word (a person's name).
  const words = text.split(' ');
  if (owner === undefined || words.length > 4) return false;
  if (words.length === 1) return /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(text);
  return (
    words.every((word) => /^\p{Lu}/u.test(word)) &&
    words.some((word) => /^\p{L}{2,}$/u.test(word) && !isEnglishWord(word.toLowerCase()))
  );
}

/**
 * A table whose first column is a link and nothing else in every row (three rows or more) lists
 * things by name, as lists of APIs, tools and libraries do: `| [Cat Facts](…) | Daily cat facts |`.
 * A name that is one dictionary word (`Cats`) and no known brand (as `Slack` is) is kept in its cell
 * only: kept everywhere, it would keep the same word in headings and prose (`### Cats`, `Cats sleep`).
 */
function addNameColumn(
  table: Table,
  add: (name: string, reason: NameReason) => void,
  place: (range: Range, reason: NameReason) => void,
  english: boolean,
): void {
  const rows = table.children.slice(1);
  if (rows.length < 3) return;
  const names: Array<{ text: string; range: Range }> = [];
  for (const row of rows) {
    const cell = row.children[0];
    const content = cell?.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    const link = content?.length === 1 ? content[0] : undefined;
    if (link?.type !== 'link' || !link.children.every((child) => child.type === 'text')) return;
    const text = plainText(link).trim();
    const range = childrenRange(link.children);
    if (text !== '' && !text.includes('\n') && range !== undefined) names.push({ text, range });
  }
  for (const { text, range } of names) {
    if (
      /^\p{L}+$/u.test(text) &&
      english &&
      isEnglishWord(text.toLowerCase()) &&
      !namesLexicon().sourceOf(text)
    )
      place(range, 'name column of a table');
    else add(text, 'name column of a table');
  }
}

/** `**Wilson Page** - [@wilsonpage](…)`: the block writes the run's words as one, a handle or a host. */
function spelledAsOne(text: string, words: readonly Token[]): boolean {
  const joined = words.map((token) => token.word.toLowerCase()).join('');
  return (
    words.length >= 2 &&
    new RegExp(`(?<![\\p{L}\\p{N}])${joined}(?![\\p{L}\\p{N}])`, 'u').test(text.toLowerCase())
  );
}

/** Whether the code writes a phrase's last two words together: `docker swarm`, `qemu-guest-agent`. */
function codeSpells(codeText: string, phrase: string): boolean {
  const words = phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .slice(-2);
  if (words.length < 2) return false;
  return codeText.includes(words.join(' ')) || codeText.includes(words.join('-'));
}

/** The words of a sentence that are words of a known name of several words (`Red Hat`). */
function phraseWords(text: string, tokens: readonly Token[]): Set<Token> {
  const lexicon = namesLexicon();
  const covered = new Set<Token>();
  for (const [at, token] of tokens.entries()) {
    const phrase = lexicon.phrasesByFirstWord
      .get(token.word)
      ?.find(
        (each) =>
          text.startsWith(each, token.start) && !/[\p{L}\p{N}]/u.test(text.charAt(token.start + each.length)),
      );
    if (phrase === undefined) continue;
    for (const next of tokens.slice(at)) if (next.end <= token.start + phrase.length) covered.add(next);
  }
  return covered;
}

/**
 * Two to four words from `tokens[index]`, one space apart, that spell a site the document links to
 * as a link names it (`Kata containers` → katacontainers.io, linked as `[kata](…)`; `Distro Watch`
 * → distrowatch.com, linked as `[Distro Watch](…)`; not `Zen quotes` where the link says `Zen Quotes`).
 */
function siteSpelled(
  text: string,
  tokens: readonly Token[],
  index: number,
  sites: ReadonlyMap<string, readonly string[] | 'any'>,
): string | undefined {
  let found: string | undefined;
  for (let count = 2; count <= 4 && index + count <= tokens.length; count++) {
    const words = tokens.slice(index, index + count);
    const last = words.at(-1) as Token;
    if (text.slice(words.at(-2)?.end, last.start) !== ' ') break;
    const phrase = text.slice(words[0]?.start, last.end);
    const lower = words.map((token) => token.word.toLowerCase());
    const named = sites.get(lower.join('')) ?? sites.get(lower.join('-'));
    if (named === 'any' || named?.includes(phrase)) found = phrase;
  }
  return found;
}

/**
 * In a title-cased sentence capitals say nothing, but an item of a comma-separated list that holds
 * two signs of a name (a known name, a word of a known multi-word name, CamelCase or capitals) is
 * one name: `Denodo, Red Hat JBoss Data Virtualization, IBM InfoSphere.`
 */
function addListItems(
  text: string,
  tokens: readonly Token[],
  add: (name: string, reason: NameReason) => void,
): void {
  const lexicon = namesLexicon();
  const covered = phraseWords(text, tokens);
  const strong = (token: Token) =>
    covered.has(token) ||
    lexicon.sourceOf(token.word) !== undefined ||
    /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(token.word);
  let run: Token[] = [];
  const flush = () => {
    const words = run;
    run = [];
    const first = words[0];
    const last = words.at(-1);
    if (first === undefined || last === undefined) return;
    const before = text.slice(0, first.start).trimEnd();
    const after = text.slice(last.end).trimStart();
    const opens = before === '' || /[,;(.!?:]$|(?:^|\s)(?:and|or|&)$/u.test(before);
    const closes = after === '' || /^(?:[,;.)]|(?:and|or|&)\s)/u.test(after);
    const listed = before.endsWith(',') || after.startsWith(',');
    if (!opens || !closes || !listed) return;
    const name = text.slice(first.start, last.end);
    if (words.length >= 2 && words.filter(strong).length >= 2 && !shoutedWords(text, words, new Map()))
      add(name, 'multi-word name');
    // `OpenShift, Rancher and Mesosphere`: a known brand alone in a list of names.
    const source = words.length === 1 ? lexicon.sourceOf(first.word) : undefined;
    if (source !== undefined)
      add(name, source === 'linguist' ? 'known name (linguist)' : 'known name (simple-icons)');
  };
  for (const token of tokens) {
    const previous = run.at(-1);
    if (!nameShaped(token.word) || (previous && text.slice(previous.end, token.start) !== ' ')) flush();
    if (nameShaped(token.word)) run.push(token);
  }
  flush();
}

const suffixes = [
  'izations',
  'ization',
  'isation',
  'ations',
  'ation',
  'ments',
  'ment',
  'ness',
  'ity',
  'ers',
  'er',
  'ing',
  'ed',
  'es',
  's',
  'ly',
  'able',
  'ible',
  'less',
  'ful',
];

const ySuffixes = ['iest', 'ier', 'ies', 'ied', 'ily'];

/**
 * A dictionary word, one with an English suffix (`virtualization`) or a compound of two
 * (`hypervisor`, `namespaces`), as jargon is; `buildah`, `skopeo` and `libvirt` are not.
 */
function englishLike(lower: string, compound = true): boolean {
  if (isEnglishWord(lower)) return true;
  // A contraction (`you'll`, `doesn't`, `we're`) is the word it contracts.
  const contracted = /^(\p{L}+?)(?:n['’]t|['’](?:ll|re|ve|d|m|t))$/u.exec(lower)?.[1];
  if (contracted !== undefined) return isEnglishWord(contracted) || isEnglishWord(`${contracted}n`);
  const derived =
    suffixes.some((suffix) => {
      const stem = lower.slice(0, -suffix.length);
      return lower.endsWith(suffix) && stem.length >= 3 && (isEnglishWord(stem) || isEnglishWord(`${stem}e`));
    }) ||
    // A `y` turned `i` before a suffix: `jiffier`, `comfiest`, `replies`.
    ySuffixes.some((suffix) => lower.endsWith(suffix) && isEnglishWord(`${lower.slice(0, -suffix.length)}y`));
  if (derived || !compound) return derived;
  // Compounds of two words of three letters or more: `hypervisor`, `runtime`, `filesystem`, `plugins`.
  for (let at = 3; at <= lower.length - 3; at++)
    if (isEnglishWord(lower.slice(0, at)) && englishLike(lower.slice(at), false)) return true;
  return false;
}

/**
 * Whether a capitalised dictionary word says nothing by its capital: a label before a number
 * (`Topic 351`, `Step 2`), the head or tail of a title (`University of Cambridge`, `Code of Conduct`), one word of
 * a run of capitalised words (`MIT License`, `Web Site`, `Getting Started`), which is a name as a
 * whole or not at all (see `addRuns`), or a word after a name written in lower case (`npm Installation`).
 */
function labelOrTitle(
  text: string,
  tokens: readonly Token[],
  token: Token,
  names: ReadonlyMap<string, NameReason>,
): boolean {
  const after = text.slice(token.end);
  if (/^ \d/u.test(after) || /^ of (?:the )?\p{Lu}/u.test(after)) return true;
  // `Code of Conduct`, `Terms of Service`: the tail of a title whose head is a capitalised word.
  const head = /(\p{Lu}\p{Ll}+) of (?:the )?$/u.exec(text.slice(0, token.start))?.[1];
  if (head !== undefined && isEnglishWord(head.toLowerCase()) && !names.has(head)) return true;
  const at = tokens.indexOf(token);
  const previous = tokens[at - 1];
  const next = tokens[at + 1];
  // `npm Installation`: a name written in lower case before a capitalised word is a title's head.
  const nameBefore = (word: string) => nameShaped(word) || (/^\p{Ll}/u.test(word) && names.has(word));
  return (
    (previous !== undefined && text.slice(previous.end, token.start) === ' ' && nameBefore(previous.word)) ||
    (next !== undefined && text.slice(token.end, next.start) === ' ' && nameShaped(next.word))
  );
}

/**
 * Whether a capitalised word is an item of a comma-separated list of three capitalised dictionary
 * words or more, none of them a name (`→ Build, Test, Deploy, Monitor`): capitals of a list of steps
 * or features, not of names.
 */
function inListOfWords(
  text: string,
  tokens: readonly Token[],
  token: Token,
  names: ReadonlyMap<string, NameReason>,
): boolean {
  const at = tokens.indexOf(token);
  const comma = (left: Token | undefined, right: Token | undefined) =>
    left !== undefined &&
    right !== undefined &&
    capitalised(left.word) &&
    capitalised(right.word) &&
    /^, ?$/u.test(text.slice(left.end, right.start));
  let first = at;
  while (comma(tokens[first - 1], tokens[first])) first--;
  let last = at;
  while (comma(tokens[last], tokens[last + 1])) last++;
  const items = tokens.slice(first, last + 1);
  return (
    items.length >= 3 &&
    items.every(
      (item) =>
        isEnglishWord(item.word.toLowerCase()) &&
        !names.has(item.word) &&
        namesLexicon().sourceOf(item.word) === undefined,
    )
  );
}

const shoutedLines = new Map<string, boolean>();

/**
 * A line written in capitals (a licence's `THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY…`):
 * five words in capitals or more, three in five of its words, seven in ten of them English.
 */
export function shouted(line: string): boolean {
  let known = shoutedLines.get(line);
  if (known !== undefined) return known;
  const words = line.match(/[\p{L}\p{N}]+/gu) ?? [];
  const caps = words.filter((each) => /^\p{Lu}{2,}$/u.test(each));
  const english = caps.filter((each) => isEnglishWord(each.toLowerCase()));
  known = caps.length >= 5 && caps.length >= words.length * 0.6 && english.length >= caps.length * 0.7;
  if (shoutedLines.size > 1000) shoutedLines.clear();
  shoutedLines.set(line, known);
  return known;
}

/** Words in capitals of a line written in capitals (`WITHOUT WARRANTY OF ANY KIND`): no name by their capitals. */
function shoutedWords(
  text: string,
  words: readonly Token[],
  names: ReadonlyMap<string, NameReason>,
): boolean {
  return (
    shouted(text) &&
    words.every(
      (token) =>
        /^\p{Lu}+$/u.test(token.word) &&
        !names.has(token.word) &&
        namesLexicon().sourceOf(token.word) === undefined,
    )
  );
}

/**
 * A run of capitalised words that holds a name is one name (`Docker Swarm`, `QEMU Guest Agent`,
 * `Open vSwitch`, `Red Hat Enterprise Linux`); a sentence's first word joins it only when it is a
 * name itself.
 */
function addRuns(
  text: string,
  tokens: readonly Token[],
  names: ReadonlyMap<string, NameReason>,
  add: (name: string, reason: NameReason) => void,
  clues: {
    evidence: (token: Token, phrase: string) => boolean;
    spelled: (token: Token, phrase: string) => boolean;
    named: (token: Token, phrase: string) => boolean;
    commonPlural: (word: string) => boolean;
  },
  titleCase: boolean,
): void {
  const covered = phraseWords(text, tokens);
  let run: Token[] = [];
  const flush = () => {
    let words = run;
    let handle = false;
    run = [];
    const first = words[0];
    if (first !== undefined && (!first.mid || titleCase)) {
      if (!leadsName(words, names)) {
        if (titleCase) return;
        words = words.slice(1);
      } else if (spelledAsOne(text, words)) {
        handle = true;
      } else if (titleCase || (tokens.indexOf(first) === 0 && tokens.length - words.length <= 2)) {
        // A title's capitals say nothing: its last words join the name only where they are names
        // themselves (`GNU Grub` of `GNU Grub Bootloader`; not `GNU Packages`, `Red Hat Site`). In a
        // title-cased sentence only the link's address tells. A title is the whole sentence, give or
        // take two words (`Docker Network Usage examples`), as a heading, a label or a link text is;
        // in `BSD Jails and Windows hosts are covered` or `A Docker Registry is…` capitals name.
        while (words.length > 1) {
          const last = words.at(-1) as Token;
          const phrase = text.slice(first.start, last.end);
          if (titleCase ? clues.spelled(last, phrase) : covered.has(last) || clues.evidence(last, phrase))
            break;
          words = words.slice(0, -1);
        }
        const all = text.slice(first.start, words.at(-1)?.end);
        if (titleCase && (words.length < 2 || !words.slice(1).every((token) => clues.spelled(token, all))))
          return;
      }
    }
    while (words.length > 0 && grammarWords.has(words[0]?.word.toLowerCase() ?? '')) words = words.slice(1);
    while (words.length > 0 && grammarWords.has(words.at(-1)?.word.toLowerCase() ?? ''))
      words = words.slice(0, -1);
    // `Bitcoin, Litecoin and Monero Prices`: the plural after the last item is the whole list's.
    const head = words.at(-1);
    if (
      words.length === 2 &&
      head !== undefined &&
      clues.commonPlural(head.word) &&
      !names.has(head.word) &&
      /,[^,]*(?:^|\s)(?:and|or|&)\s+$/u.test(text.slice(0, words[0]?.start))
    )
      return;
    if (words.length < 2) return;
    const holdsName =
      !shoutedWords(text, words, names) &&
      (handle ||
        words.some(
          (token) =>
            names.has(token.word) ||
            /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(token.word) ||
            clues.named(token, text.slice(words[0]?.start, words.at(-1)?.end)),
        ));
    const phrase = text.slice(words[0]?.start, words.at(-1)?.end);
    if (holdsName && !names.has(phrase)) add(phrase, 'multi-word name');
  };
  for (const token of tokens) {
    const previous = run.at(-1);
    // In a title, `On` and `With` are capitalised too, and part of no name: `Docker Engine On Ubuntu`.
    const shaped = nameShaped(token.word) && !(titleCase && grammarWords.has(token.word.toLowerCase()));
    // `Malven's Flexbox Cheatsheet`: a possessive that opens a title leads the run (in a sentence,
    // `GitHub's Timezones` is a name and a word).
    const between = previous === undefined ? ' ' : text.slice(previous.end, token.start);
    const joined = between === ' ' || (/^['’]s $/u.test(between) && tokens.indexOf(previous as Token) === 0);
    if (!shaped || !joined) flush();
    if (shaped) run.push(token);
  }
  flush();
}

/**
 * Whether a sentence's first word starts a multi-word name: a name of the document already, a word
 * of no dictionary (`Microsoft Remote Desktop Services`), a known brand written in capitals or
 * CamelCase (`GNU Tar`, `VMware Horizon`), or capitals before a known brand (`LXD Canonical`). Capitals
 * before dictionary words (`API Reference`, `LXD Installation`) may be a title, and are not.
 */
function leadsName(words: readonly Token[], names: ReadonlyMap<string, NameReason>): boolean {
  const first = words[0]?.word ?? '';
  // A word kept only because the code writes it describes what follows: `Tmpfs Mounts`, `Seccomp Profiles`.
  const reason = names.get(first);
  if (reason === 'written as code' || reason === 'shell command') return false;
  if (reason !== undefined || strongLead(first)) return true;
  const lexicon = namesLexicon();
  return (
    /^\p{Lu}{2,}$/u.test(first) &&
    words.slice(1).some((token) => lexicon.sourceOf(token.word) !== undefined && !isEnglishWord(token.word))
  );
}

/**
 * A word that names something wherever it stands: no dictionary word, or a brand in capitals or
 * CamelCase. With `compounds` off, a compound of two dictionary words (`Microsoft`) counts as no
 * dictionary word, as it does beside other names in a list; alone, it may be jargon (`Hypervisor`).
 */
function strongLead(word: string, compounds = true): boolean {
  if (capitalised(word) && !/\p{Ll}\p{Lu}/u.test(word))
    return !englishLike(word.toLowerCase(), compounds) && !isEverydayName(word);
  // A format's name (`HTTP Version`, `JSON Schema`) describes what follows; a brand's names it.
  return namesLexicon().sourceOf(word) === 'simple-icons' && /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(word);
}

interface ListItem {
  readonly words: readonly Token[];
  readonly text: string;
}

/**
 * The items of a list of names are names (`→ Compose, Swarm, Hub, Desktop UI, registries`;
 * `OpenShift, Rancher and Mesosphere DC/OS`): in a list of three items or more of capitalised
 * words, one of which is a name, an item is kept when it is one word the document writes as code
 * (`docker compose`) or of no dictionary, or several words led by a word that names something or
 * ending in capitals (`VMware Horizon`, `Mesosphere DC/OS`; not `HTTP Version`). An `and` followed by more of the list
 * joins its neighbours into one item (`Citrix Virtual Apps and Desktops, VMware Horizon`).
 */
function addListOfNames(
  text: string,
  tokens: readonly Token[],
  names: ReadonlyMap<string, NameReason>,
  codeWords: ReadonlySet<string>,
  add: (name: string, reason: NameReason) => void,
  commonPlural: (word: string) => boolean,
): void {
  const lexicon = namesLexicon();
  const signs = (token: Token) =>
    names.has(token.word) ||
    lexicon.sourceOf(token.word) !== undefined ||
    /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(token.word);
  const keep = (item: ListItem, others: readonly ListItem[], closing: boolean) => {
    const [first] = item.words;
    if (first === undefined || names.has(item.text)) return;
    // `Bitcoin, Litecoin and Ethereum Prices`: a plural common noun after the last item is the
    // head of the whole list, and no part of a name.
    const last = item.words.at(-1) as Token;
    if (closing && item.words.length === 2 && commonPlural(last.word) && !names.has(last.word)) return;
    if (!others.some((other) => names.has(other.text) || other.words.some(signs))) return;
    if (item.words.length === 1) {
      const lower = first.word.toLowerCase();
      if (first.mid && capitalised(first.word) && (codeWords.has(lower) || !englishLike(lower)))
        add(item.text, 'item of a list of names');
    } else if (item.words.some((token) => token.word === 'and')) {
      // `Citrix Virtual Apps and Desktops` (a name of several words before `and`), not `England and
      // Wales, Scotland and Northern Ireland`.
      const joined = item.words.findIndex((token) => token.word === 'and');
      if (joined >= 2 && strongLead(first.word, false)) add(item.text, 'item of a list of names');
    } else if (
      (first.mid || strongLead(first.word, false)) &&
      (strongLead(first.word, false) ||
        // A format's name describes what follows: `HTTP Version`, `YAML Files`.
        (names.has(first.word) && names.get(first.word) !== 'known name (linguist)') ||
        /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(item.words.at(-1)?.word ?? ''))
    )
      add(item.text, 'item of a list of names');
  };
  let list: ListItem[] = [];
  let item: Token[] = [];
  const endItem = () => {
    const first = item[0];
    const last = item.at(-1);
    if (first !== undefined && last !== undefined)
      list.push({ words: item, text: text.slice(first.start, last.end) });
    item = [];
  };
  const endList = () => {
    endItem();
    if (list.length >= 3)
      for (const [at, each] of list.entries()) {
        const previous = list[at - 1]?.words.at(-1);
        const before = previous === undefined ? '' : text.slice(previous.end, each.words[0]?.start);
        const closing = at === list.length - 1 && /(?:^|\s)(?:and|or|&)\s+$/u.test(before);
        keep(each, [...list.slice(0, at), ...list.slice(at + 1)], closing);
      }
    list = [];
  };
  let separated = false;
  for (const [at, token] of tokens.entries()) {
    const previous = tokens[at - 1];
    const between = previous === undefined ? '' : text.slice(previous.end, token.start);
    const next = tokens[at + 1];
    if (!nameShaped(token.word)) {
      const before = /^(?:,? )$/u.test(between) && item.length > 0;
      const after = next !== undefined && text.slice(token.end, next.start) === ' ' && nameShaped(next.word);
      // `Apps and Desktops, VMware`: an `and` with more of the list after it is part of an item.
      if (token.word === 'and' && before && after && between === ' ' && text.slice(next.end).startsWith(', '))
        item.push(token);
      else if ((token.word === 'and' || token.word === 'or') && before && after) {
        endItem();
        separated = true;
      } else endList();
      continue;
    }
    if (separated) item.push(token);
    else if (item.length > 0 && (between === ' ' || between === '/')) item.push(token);
    else if (item.length > 0 && /^(?:, ?|,? & )$/u.test(between)) {
      endItem();
      item.push(token);
    } else {
      endList();
      item.push(token);
    }
    separated = false;
  }
  endList();
}

/** A plural of an English noun, capitalised (`Prices`, `Wallets`) or not, and no known name. */
function isCommonPlural(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^\p{Lu}?\p{Ll}+s$/u.test(word) || !isEnglishWord(lower) || namesLexicon().sourceOf(word))
    return false;
  return isEnglishWord(lower.slice(0, -1)) || (lower.endsWith('es') && isEnglishWord(lower.slice(0, -2)));
}

/**
 * Capitalised words right before their acronym are the name the acronym stands for: `Amazon Web
 * Services (AWS)`, `GitHub Container Registry (GHCR)`, `HashiCorp Configuration Language (HCL)`.
 * Terms of the field are kept this way too (`Mandatory Access Control (MAC)`): with the acronym kept
 * in English, its expansion is the term's proper name, and a translated one would no longer spell it.
 */
function addExpansions(
  text: string,
  midSentence: ReadonlySet<string>,
  add: (name: string, reason: NameReason) => void,
): void {
  for (const match of text.matchAll(/ \((\p{Lu}[\p{Lu}\p{N}]{1,5})\)/gu)) {
    const acronym = match[1] as string;
    const words =
      /(?:[\p{Lu}][\p{L}\p{N}]* )*[\p{Lu}][\p{L}\p{N}]*$/u.exec(text.slice(0, match.index))?.[0].split(' ') ??
      [];
    for (let count = 2; count <= Math.min(words.length, acronym.length); count++) {
      const expansion = words.slice(-count);
      const initials = expansion.map((word) => word.charAt(0)).join('');
      const capitals = expansion.map((word) => word.replace(/[^\p{Lu}]/gu, '')).join('');
      if (initials === acronym || capitals === acronym) {
        // `Amazon Elastic Container Registry (ECR)`: a brand before the expansion belongs to it.
        const brand = words.at(-count - 1);
        if (brand !== undefined && (midSentence.has(brand) || strongLead(brand))) {
          expansion.unshift(brand);
          // The brand names its products by itself too: `Amazon` of `Template Amazon`.
          add(brand, midSentence.has(brand) ? 'capitalised mid-sentence' : 'not an English word');
        }
        add(expansion.join(' '), 'expansion of an acronym');
        break;
      }
    }
  }
}
