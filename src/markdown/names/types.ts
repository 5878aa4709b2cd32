import type { Range } from '../unit.js';

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
  | 'linked profile or repository'
  | 'name written in another case'
  | 'word of a kept name'
  | 'known name in a link'
  | 'known name before a version'
  | "person's name"
  | 'branch named by its link'
  | 'product named without its maker'
  | 'call signature'
  | 'journal of a citation'
  | 'named by the word next to it';

/** A name kept where the document writes it, and there only. */
export interface PlacedName extends Range {
  readonly reason: NameReason;
}

/** Keeps a name wherever the prose writes it; the first reason given stays. */
export type AddName = (name: string, reason: NameReason) => void;

/** Keeps a name at one place of the source only; the first reason given stays. */
export type PlaceName = (range: Range, reason: NameReason) => void;

/** What the code of a document says: see `collectCode`. */
export interface CodeEvidence {
  /** Single-token inline code, with how often. */
  readonly exact: ReadonlyMap<string, number>;
  /** Commands of inline code and shell blocks (their first word), with how often the code runs each. */
  readonly commands: ReadonlyMap<string, number>;
  /** Every word of inline code and of shell commands, lower case. */
  readonly codeWords: ReadonlySet<string>;
  /** Capitalised words of inline code and shell commands, as written (`grep Seccomp`). */
  readonly capitalisedInCode: ReadonlySet<string>;
  /** Words in capitals of inline code and shell commands (`DEBUG=* node app`), as written. */
  readonly capsInCode: ReadonlySet<string>;
  /** The inline code and shell commands, lower case, one a line. */
  readonly codeText: string;
  /** Hyphenated or underscored words of code, as written (`fast-check` of `npm install fast-check`). */
  readonly joinedInCode: ReadonlySet<string>;
}

export interface DocumentNames extends CodeEvidence {
  /** Names kept wherever the prose writes them exactly so, with why. */
  readonly names: ReadonlyMap<string, NameReason>;
  /**
   * Names kept at one place of the source only, by source offset of their first character: a word
   * that names an API in a table of links (`Cats`) and is the ordinary word in the prose around it.
   */
  readonly placed: ReadonlyMap<number, PlacedName>;
  /** Capitalised words the prose writes mid-sentence (English sources only). */
  readonly midSentence: ReadonlySet<string>;
  /** English words written in capitals to shout them (English sources only): see `findShoutedWords`. */
  readonly shouted: ShoutedWords;
}

/** English words in capitals that are prose: everywhere, or at one place of the source. */
export interface ShoutedWords {
  /** Words in capitals that are the ordinary word wherever the prose writes them (`REMOVED`, `NOT`). */
  readonly words: ReadonlySet<string>;
  /** Source offsets of words in capitals emphasised in running prose (`is **NOT** used`). */
  readonly places: ReadonlySet<number>;
}
