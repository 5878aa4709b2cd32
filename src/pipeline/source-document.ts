import type { ParsedDocument } from '../markdown/document.js';

/** A source of the run, read and parsed once for every language. */
export interface SourceDocument {
  /** Its path relative to the repository root, in POSIX form. */
  readonly path: string;
  readonly document: ParsedDocument;
  /** The files its switcher links: itself and each of its translations. */
  readonly languages: ReadonlyArray<{ readonly lang: string; readonly path: string }>;
}
