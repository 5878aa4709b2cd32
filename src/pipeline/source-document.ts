import type { ParsedDocument } from '../markdown/document.js';

/** A source of the run as read, once for every language. */
export interface SourceFile {
  /** Its path relative to the repository root, in POSIX form. */
  readonly path: string;
  /** Its text as read. */
  readonly text: string;
  /** The files its switcher links: itself and each of its translations. */
  readonly languages: ReadonlyArray<{ readonly lang: string; readonly path: string }>;
}

/** A source of the run, parsed once for every language that has something to do. */
export interface SourceDocument extends SourceFile {
  readonly document: ParsedDocument;
}
