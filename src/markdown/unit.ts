import type { TaggedToken } from '../tagged-text.js';

/** A half-open range of source offsets. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * What a unit is, which decides how its translation is checked: Markdown prose is re-parsed, HTML
 * text is escaped as HTML, plain text (alt, titles) only has its delimiters escaped, and an HTML
 * attribute's value (`alt="…"`, `title="…"`) its quote and ampersands.
 */
export type UnitKind =
  'paragraph' | 'heading' | 'tableCell' | 'html' | 'alt' | 'title' | 'attribute' | 'frontMatter';

export interface Group {
  readonly open: Range;
  readonly close: Range;
  /** `emphasis`, `strong`, `delete`, `link` or `html`: emphasis-like groups need flanking checks. */
  readonly type: string;
  /**
   * A reference link's label as the source writes it (`foo` of `[text][foo]`, `[foo][]` or `[foo]`).
   * With `shortcut`, the text is the label (`[foo]`, `[foo][]`): see `closeReference`.
   */
  readonly reference?: { readonly label: string; readonly shortcut: boolean };
}

/** One block of prose to translate, and everything needed to put its translation back. */
export interface Unit {
  readonly kind: UnitKind;
  /** The source range the translation replaces. */
  readonly range: Range;
  /** One-based line of the unit's start, for reports and references. */
  readonly line: number;
  /** The unit as engines receive it. */
  readonly tokens: readonly TaggedToken[];
  readonly tagged: string;
  /** The unit's Markdown source, line prefixes taken out: the translation memory's key. */
  readonly source: string;
  /** Verbatim placeholders: `<x id>` is restored from this source range. */
  readonly xs: ReadonlyMap<number, Range>;
  readonly groups: ReadonlyMap<number, Group>;
  /** The exact bytes of each line break of the source (ending plus container prefix such as `> `). */
  readonly breaks: readonly string[];
  /** The labels of the reference links and images in the unit (`foo` of `[text][foo]`, `![foo]`). */
  readonly references: readonly string[];
  /** Units inside this unit's placeholders (an image's alt text, a link's title). */
  readonly nested: readonly Unit[];
  /**
   * Whether the unit has anything to translate. A block without prose (a heading that is only
   * `XAPI`) is never sent, but still counts when a translated file is matched against its source.
   */
  readonly prose: boolean;
}
