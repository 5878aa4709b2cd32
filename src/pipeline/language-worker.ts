import { parentPort, workerData } from 'node:worker_threads';
import type { Engine } from '../engines/engine.js';
import { createEngine } from '../engines/select.js';
import { parseSources } from './load-sources.js';
import type { FromWorker, ToWorker, WorkerInput } from './language-threads.js';
import type { SourceDocument } from './source-document.js';
import { translateLanguage } from './translate-language.js';

/**
 * A thread that translates the languages it is given, one after the other: it parses the sources
 * once, starts its own engine, and tells the main thread of each batch, wait and report as it comes.
 */
const port = parentPort;
if (port === null) throw new Error('language-worker.js runs as a worker thread');
const { files, options, engine: engineName } = workerData as WorkerInput;
const stop = new AbortController();
let sources: Promise<SourceDocument[]> | undefined;
let engine: Promise<Engine> | undefined;
const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') stop.abort();
  else if (message.type === 'close') void close();
  else void translate(message.lang, message.index);
});

async function translate(lang: string, index: number): Promise<void> {
  try {
    await translateLanguage({
      sources: await (sources ??= parseSources(files, options)),
      engine: await (engine ??= createEngine(engineName, {
        from: options.from,
        langs: options.langs,
        concurrency: options.concurrency,
        formality: options.formality,
        model: options.model,
        timeoutMs: options.timeoutMs,
      })),
      lang,
      options,
      onBatch: (event) => post({ type: 'batch', event }),
      onWait: (event) => post({ type: 'wait', event }),
      onReport: (report) => post({ type: 'report', index, report }),
      signal: stop.signal,
    });
    post({ type: 'done', index });
  } catch (error) {
    post({ type: 'done', index, error: describeError(error) });
  }
}

/** Closes the engine (Apertium's programs end with it), then ends the thread. */
async function close(): Promise<void> {
  await (await engine?.catch(() => undefined))?.close?.();
  process.exit(0);
}

function describeError(error: unknown): FromWorkerError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as Error & { exitCode?: number; file?: string; retryable?: boolean };
  return {
    name: error.constructor.name,
    message: error.message,
    stack: error.stack,
    exitCode: fields.exitCode,
    file: fields.file,
    retryable: fields.retryable,
  };
}

type FromWorkerError = Extract<FromWorker, { type: 'done' }>['error'] & object;
