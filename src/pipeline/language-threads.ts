import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  EngineError,
  InputError,
  InterruptedError,
  QuotaExceededError,
  ReadmeI18nError,
  UsageError,
} from '../errors.js';
import type { SourceFile } from './source-document.js';
import type { BatchEvent, LanguageReport, WaitEvent } from './translate-language.js';
import type { ResolvedTranslateOptions } from './translate-options.js';

/** What a language thread is started with. */
export interface WorkerInput {
  readonly files: readonly SourceFile[];
  readonly options: ResolvedTranslateOptions;
  /** The engine's name: each thread starts its own. */
  readonly engine: string;
}

export type ToWorker =
  | { readonly type: 'translate'; readonly lang: string; readonly index: number }
  | { readonly type: 'abort' }
  | { readonly type: 'close' };

export type FromWorker =
  | { readonly type: 'batch'; readonly event: BatchEvent }
  | { readonly type: 'wait'; readonly event: WaitEvent }
  | { readonly type: 'report'; readonly index: number; readonly report: LanguageReport }
  | {
      readonly type: 'done';
      readonly index: number;
      readonly error?: {
        readonly name: string;
        readonly message: string;
        readonly stack?: string | undefined;
        readonly exitCode?: number | undefined;
        readonly file?: string | undefined;
        readonly retryable?: boolean | undefined;
      };
    };

/**
 * Engines whose work is done on this machine, in this process (pseudo, identity) or in programs it
 * starts (Apertium): their languages are spread over threads, one per core. DeepL and OpenAI wait on
 * a server and share one limit of requests in flight: their languages stay in the main thread.
 */
const localEngines = new Set(['pseudo', 'identity', 'apertium']);

const workerFile = new URL('./language-worker.js', import.meta.url);

/**
 * How many threads the languages of a run are spread over: one per core, at most one per language
 * and `--concurrency`; 0 (the main thread only) for one language, a remote engine, a dry run, or
 * when the program runs from its TypeScript sources (under a test runner: no compiled worker).
 */
export function languageThreads(
  languages: number,
  engine: string,
  options: ResolvedTranslateOptions,
): number {
  if (languages < 2 || options.dryRun || !localEngines.has(engine)) return 0;
  if (!existsSync(fileURLToPath(workerFile))) return 0;
  const threads = Math.min(languages, availableParallelism(), options.concurrency);
  return threads < 2 ? 0 : threads;
}

export interface ThreadedLanguages {
  readonly input: WorkerInput;
  readonly threads: number;
  /** The languages to translate, with their index in the run. */
  readonly languages: ReadonlyArray<{ readonly lang: string; readonly index: number }>;
  readonly onBatch?: ((event: BatchEvent) => void) | undefined;
  readonly onWait?: ((event: WaitEvent) => void) | undefined;
  readonly onReport: (index: number, report: LanguageReport) => void;
  /** Called once per language given, when it is done: with its error, or `skipped` when it was not started (after a failure or a stop). */
  readonly onDone: (index: number, outcome: { error: unknown } | 'skipped' | undefined) => void;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Translates languages in `threads` worker threads, each taking the next language when done with
 * one; no language starts after one failed or the run was stopped (a stop is passed on to every
 * thread, which saves what it has). Resolves once every thread has closed its engine and ended.
 */
export async function translateInThreads(run: ThreadedLanguages): Promise<void> {
  const queue = [...run.languages];
  let stopped = false;
  const workers = Array.from(
    { length: run.threads },
    () => new Worker(workerFile, { workerData: run.input }),
  );
  const abort = () => {
    for (const worker of workers) worker.postMessage({ type: 'abort' } satisfies ToWorker);
  };
  run.signal?.addEventListener('abort', abort, { once: true });
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            let current: number | undefined;
            const next = () => {
              const item = stopped || run.signal?.aborted === true ? undefined : queue.shift();
              current = item?.index;
              if (item !== undefined) {
                worker.postMessage({
                  type: 'translate',
                  lang: item.lang,
                  index: item.index,
                } satisfies ToWorker);
              } else {
                worker.postMessage({ type: 'close' } satisfies ToWorker);
              }
            };
            worker.on('message', (message: FromWorker) => {
              if (message.type === 'batch') run.onBatch?.(message.event);
              else if (message.type === 'wait') run.onWait?.(message.event);
              else if (message.type === 'report') run.onReport(message.index, message.report);
              else {
                current = undefined;
                if (message.error !== undefined) stopped = true;
                run.onDone(
                  message.index,
                  message.error === undefined ? undefined : { error: errorOf(message.error) },
                );
                next();
              }
            });
            // A thread that dies (out of memory) fails the language it had.
            worker.on('error', (error) => {
              stopped = true;
              if (current !== undefined) run.onDone(current, { error });
              current = undefined;
            });
            worker.on('exit', () => resolve());
            next();
          }),
      ),
    );
  } finally {
    run.signal?.removeEventListener('abort', abort);
    // Languages never started: told as such, so that their reports' order still holds.
    for (const item of queue) run.onDone(item.index, 'skipped');
  }
}

/** The error a thread reported, as the class the rest of the program knows (exit code and all). */
function errorOf(described: NonNullable<Extract<FromWorker, { type: 'done' }>['error']>): Error {
  const { name, message, exitCode } = described;
  let error: Error;
  if (name === 'InterruptedError') error = new InterruptedError(message);
  else if (name === 'QuotaExceededError') error = new QuotaExceededError(message);
  else if (name === 'UsageError') error = new UsageError(message);
  else if (name === 'InputError') error = new InputError(message, { file: described.file });
  else if (name === 'EngineError') error = new EngineError(message, { retryable: described.retryable });
  else if (exitCode !== undefined) error = new ReadmeI18nError(message, { exitCode });
  else error = new Error(message);
  if (described.stack !== undefined) error.stack = described.stack;
  return error;
}
