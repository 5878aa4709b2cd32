import { ReadmeI18nError } from '../errors.js';

/** GitHub refused or failed a publishing step (exit 1); the message names the step and the fix. */
export class PublishError extends ReadmeI18nError {
  readonly status: number | undefined;

  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause, exitCode: 1 });
    this.status = options.status;
  }
}
