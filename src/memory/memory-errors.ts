import { ReadmeI18nError } from '../errors.js';

/** Another run holds a memory file's lock past the wait: exit 1, nothing written. */
export class MemoryLockedError extends ReadmeI18nError {
  readonly file: string;

  constructor(message: string, options: { file: string; cause?: unknown }) {
    super(message, { cause: options.cause, exitCode: 1 });
    this.file = options.file;
  }
}

/** A caller broke the memory's contract (an empty source is the PO header, not a unit). */
export class MemoryUsageError extends ReadmeI18nError {}
