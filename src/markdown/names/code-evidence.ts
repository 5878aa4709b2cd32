import type { Root } from 'mdast';
import { isEnglishWord, isEverydayWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { eachNode } from '../tree-walk.js';
import { capitalised } from './tokens.js';
import type { CodeEvidence } from './types.js';

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

/**
 * Words the document writes as code: single-token inline code (with how often), the commands of
 * inline code and shell blocks, and every word of both.
 */
export function collectCode(tree: Root): CodeEvidence {
  const exact = new Map<string, number>();
  const commands = new Map<string, number>();
  const run = (command: string) => commands.set(command, (commands.get(command) ?? 0) + 1);
  const codeWords = new Set<string>();
  const capitalisedInCode = new Set<string>();
  const capsInCode = new Set<string>();
  const lines: string[] = [];
  const joinedInCode = new Set<string>();
  const spans: string[] = [];
  // Words of code, path segments included (`libvirt` of `/etc/libvirt/`), but not the parts of URLs.
  const addWords = (text: string) => {
    lines.push(text.toLowerCase());
    const withoutUrls = text.replace(/\b[a-z][\w+.-]*:\/\/\S*/giu, ' ');
    // Not an option (`--save-dev`), whose dashes lead; nor a phrase of English words written as code
    // (`capitalised mid-sentence`, a label the prose quotes).
    const phrase = /\s/u.test(text.trim()) && everyWordEnglish(text);
    if (!phrase)
      for (const match of withoutUrls.matchAll(
        /(?<![\p{L}\p{N}_-])[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)+(?![\p{L}\p{N}_-])/gu,
      ))
        joinedInCode.add(match[0]);
    // A dotfile's word counts (`gitignore` of `.gitignore`), an extension or a member does not (`fs.stat`).
    for (const match of withoutUrls.matchAll(
      /(?<![\p{L}\p{N}_$=-])(?<![\p{L}\p{N}_$)\]]\.)\p{L}[\p{L}\p{N}]{2,}(?![\p{L}\p{N}_])/gu,
    )) {
      codeWords.add(match[0].toLowerCase());
      // An argument (`grep Seccomp`), not a line of prose in a code block (`Hypervisor`).
      if (capitalised(match[0]) && match.index > 0) capitalisedInCode.add(match[0]);
      if (/^\p{Lu}+$/u.test(match[0])) capsInCode.add(match[0]);
    }
  };
  eachNode(tree, (node) => {
    if (node.type === 'inlineCode') {
      if (/^[^\s]{2,}$/u.test(node.value)) exact.set(node.value, (exact.get(node.value) ?? 0) + 1);
      // `vagrant up` names the command `vagrant`, which the prose calls Vagrant; a phrase of English
      // words (`since 7.0.0`, `capitalised mid-sentence`) is a label, not a command line.
      else if (!englishPhrase(node.value)) run(node.value.trim().split(/\s+/)[0] ?? '');
      else spans.push(node.value);
      addWords(node.value);
    }
    if (node.type === 'code' && shellLanguages.has((node.lang ?? '').toLowerCase())) {
      // Unlabelled code is often output or prose: only its prompted lines (`$ cmd`) are commands.
      const prompted = !node.lang;
      for (const line of node.value.split('\n')) {
        if (/^\s*#/.test(line) || (prompted && !/^\s*[$>]\s/.test(line))) continue;
        const command = line.replace(/^\s*(?:[$>]\s+)?(?:sudo\s+)?/, '');
        const first = command.split(/\s+/)[0] ?? '';
        // Two letters only where no English word: `xl list`, `ip addr` (not `go build`'s `go`).
        if (/^[a-z][\w.-]{2,}$/.test(first) || (/^[a-z]{2}$/.test(first) && !isEnglishWord(first)))
          run(first);
        addWords(command);
      }
    }
  });
  // A phrase's first word is a command all the same where shell code runs it or it is a brand no
  // everyday word names (`vagrant up`; not `known name`).
  for (const span of spans) {
    const first = span.trim().split(/\s+/)[0] ?? '';
    const brand = namesLexicon().sourceOfLowerCase(first) !== undefined && !isEverydayWord(first);
    if (commands.has(first) || brand) run(first);
  }
  return {
    exact,
    commands,
    codeWords,
    capitalisedInCode,
    capsInCode,
    codeText: lines.join('\n'),
    joinedInCode,
  };
}

/** Whether the code writes a phrase's last two words together: `docker swarm`, `qemu-guest-agent`. */
export function codeSpells(codeText: string, phrase: string): boolean {
  const words = phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .slice(-2);
  if (words.length < 2) return false;
  return codeText.includes(words.join(' ')) || codeText.includes(words.join('-'));
}

/**
 * Whether inline code of several words reads as English rather than a command line: a lower-case
 * first word, every word an English word or an acronym (`HTML pages`), no sign of a shell (`-f`, `/`,
 * `=`, `|`, `$`) but hyphens inside words (`mid-sentence`).
 */
function englishPhrase(code: string): boolean {
  const words = code.trim().split(/\s+/u);
  return (
    words.length > 1 &&
    /^\p{Ll}/u.test(words[0] ?? '') &&
    !/[-/=|$<>*~\\]/u.test(code.replace(/(?<=\p{L})-(?=\p{L})/gu, '')) &&
    everyWordEnglish(code, (word) => word === 'a' || /^\p{Lu}{2,}s?$/u.test(word))
  );
}

/** Whether every run of letters of `text` is an English word, or one `alsoAllowed` lets through. */
function everyWordEnglish(text: string, alsoAllowed: (word: string) => boolean = () => false): boolean {
  return [...text.matchAll(/\p{L}+/gu)].every(
    ([word]) => alsoAllowed(word) || isEnglishWord(word.toLowerCase()),
  );
}
