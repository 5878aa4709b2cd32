/**
 * The few error classes of readme-i18n. Every message says what failed, where, and how to fix it;
 * `exitCode` is what the CLI exits with.
 */
export class ReadmeI18nError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Bad flags or configuration: exit 2, nothing written. */
export class UsageError extends ReadmeI18nError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, exitCode: 2 });
  }
}

/** A source file that cannot be read or is not what it must be: exit 2, nothing written. */
export class InputError extends ReadmeI18nError {
  readonly file: string | undefined;

  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause, exitCode: 2 });
    this.file = options.file;
  }
}

/** A translation engine failed; `retryable` says whether trying again later may help. */
export class EngineError extends ReadmeI18nError {
  readonly retryable: boolean;

  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause, exitCode: 1 });
    this.retryable = options.retryable ?? false;
  }
}

/** The engine's quota is used up: the run stops cleanly with everything so far kept. */
export class QuotaExceededError extends EngineError {}

/** The run was stopped by SIGINT or SIGTERM after saving its work: exit 130, as a shell reports Ctrl-C. */
export class InterruptedError extends ReadmeI18nError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, exitCode: 130 });
  }
}
