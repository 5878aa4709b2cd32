import { EngineError } from '../errors.js';
import { readTaggerRecord, type TaggerSplit } from './apertium-tagger-stage.js';
import { NullFlushProcess } from './null-flush-process.js';

/**
 * One long-lived Apertium pipeline for one direction, run in null-flush mode: each segment written
 * with a NUL after it is answered with its translation and a NUL, in order. Segments may be
 * written ahead of their answers; the answers are matched to them first in, first out. A pipeline
 * with an HMM tagger runs in three parts, so that a new tagger can take over whenever the running
 * one changed state (see `apertium-tagger-stage.ts`): each segment is translated as if alone.
 */
export interface PipelineOptions {
  /** The direction, for messages (`eng-spa`). */
  readonly direction: string;
  /** The shell pipeline `apertium-wblank-mode -z <mode file>` prints; `$1` is the generator flag. */
  readonly script: string;
  /** Generator flag: `-n` leaves unknown words unmarked, `-g` marks them with `*`. */
  readonly generatorFlag: '-n' | '-g';
  /** Most milliseconds one segment may take once it is next in line. */
  readonly unitTimeoutMs: number;
  /** `script` cut around its HMM tagger, to run in three parts (`checkTaggerSplit`); else whole. */
  readonly split?: TaggerSplit | undefined;
}

/** The pipeline ended while segments were waiting: the caller may start a new one and resend. */
export class PipelineDiedError extends EngineError {
  constructor(message: string) {
    super(message, { retryable: true });
  }
}

interface Waiting {
  /** The superblank sent at the end of the segment, which must come back in its answer. */
  readonly marker: string;
  readonly resolve: (answer: string) => void;
  readonly reject: (error: Error) => void;
}

export class ApertiumPipeline {
  readonly #options: PipelineOptions;
  readonly #waiting: Waiting[] = [];
  /** The whole pipeline, or the stages before its tagger when it has an HMM tagger. */
  readonly #front: NullFlushProcess;
  /** The tagger and the stages after it, when the pipeline was cut around its HMM tagger. */
  readonly #split: { tagger: NullFlushProcess; readonly back: NullFlushProcess } | undefined;
  /** What the front wrote that the running tagger has not answered yet, in order. */
  readonly #untagged: Buffer[] = [];
  #timer: NodeJS.Timeout | undefined;
  #ended = false;
  #sequence = 0;

  constructor(options: PipelineOptions) {
    this.#options = options;
    const stages = options.split;
    if (stages === undefined) {
      this.#front = this.#start(options.script, 'pipeline', (record) => this.#receive(record));
      this.#split = undefined;
      return;
    }
    this.#front = this.#start(stages.front, 'pipeline', (record) => {
      this.#untagged.push(record);
      this.#split?.tagger.write(record);
    });
    this.#split = {
      tagger: this.#startTagger(stages.tagger),
      back: this.#start(stages.back, 'transfer', (record) => this.#receive(record)),
    };
  }

  /** Whether the pipeline still runs and accepts segments. */
  get alive(): boolean {
    return !this.#ended;
  }

  /** Sends one segment (stream format, without NUL) and resolves to its answer. */
  translate(segment: string): Promise<string> {
    if (this.#ended)
      return Promise.reject(new PipelineDiedError(`Apertium ${this.#options.direction} is not running`));
    // A numbered superblank ends each segment: an answer without its own number means the
    // answers got out of step, and the pipeline is dropped rather than trusted.
    this.#sequence += 1;
    const marker = `[<sync n="${this.#sequence}"/>]`;
    return new Promise((resolve, reject) => {
      this.#waiting.push({ marker, resolve, reject });
      if (this.#waiting.length === 1) this.#startTimer();
      this.#front.write(`${segment.replace(/\0/g, '')}${marker}`);
    });
  }

  /** Ends every program of the pipeline and waits (briefly) until they are gone. */
  async close(): Promise<void> {
    this.#fail(new PipelineDiedError(`Apertium ${this.#options.direction} was closed`));
    // This timer is ref'd on purpose: the child's handles are not, and an awaited close() must
    // keep Node running until it resolves.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 2000);
    });
    await Promise.race([Promise.all(this.#processes().map((running) => running.exited)), grace]);
    clearTimeout(timer);
  }

  #start(script: string, part: string, onRecord: (record: Buffer) => void): NullFlushProcess {
    const { direction, generatorFlag } = this.#options;
    return new NullFlushProcess({
      script,
      // `apertium-eng-spa` for the whole pipeline or its first part, as `apertium` names it.
      name: part === 'pipeline' ? `apertium-${direction}` : `apertium-${direction} (${part})`,
      args: [generatorFlag, ''],
      onRecord,
      onEnd: (how) => this.#fail(new PipelineDiedError(`Apertium ${direction} ${how}`)),
    });
  }

  /** A fresh tagger, given what the last one left unanswered. */
  #startTagger(script: string): NullFlushProcess {
    const tagger = this.#start(script, 'tagger', (record) => {
      const { text, stateChanged } = readTaggerRecord(record.toString('utf8'));
      this.#untagged.shift();
      this.#split?.back.write(text);
      if (!stateChanged || this.#split === undefined) return;
      // What this tagger does from now on depends on this segment: the next ones go to a new one.
      tagger.kill();
      this.#split.tagger = this.#startTagger(script);
    });
    for (const record of this.#untagged) tagger.write(record);
    return tagger;
  }

  #processes(): NullFlushProcess[] {
    return this.#split === undefined ? [this.#front] : [this.#front, this.#split.tagger, this.#split.back];
  }

  #receive(record: Buffer): void {
    const answer = record.toString('utf8');
    const waiting = this.#waiting[0];
    const at = waiting === undefined ? -1 : answer.lastIndexOf(waiting.marker);
    if (waiting === undefined || at === -1) {
      this.#fail(
        new PipelineDiedError(`Apertium ${this.#options.direction} answered out of step; it is restarted`),
      );
      return;
    }
    this.#waiting.shift();
    this.#stopTimer();
    if (this.#waiting.length > 0) this.#startTimer();
    waiting.resolve(answer.slice(0, at) + answer.slice(at + waiting.marker.length));
  }

  #startTimer(): void {
    const { unitTimeoutMs, direction } = this.#options;
    this.#timer = setTimeout(() => {
      const error = new EngineError(
        `Apertium ${direction} gave no answer to a unit within ${unitTimeoutMs} ms; the pipeline is restarted for the next unit. ` +
          'Raise the time limit (unitTimeoutMs) for very long units, or split the unit.',
        { retryable: false },
      );
      this.#fail(error);
    }, unitTimeoutMs);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Marks the pipeline ended, ends its programs and rejects every waiting segment: the first with `error`. */
  #fail(error: EngineError): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#stopTimer();
    // A part may be gone while the others still run: end them all.
    for (const running of this.#processes()) running.kill();
    const waiting = this.#waiting.splice(0);
    waiting.forEach((entry, index) =>
      entry.reject(
        index === 0
          ? error
          : new PipelineDiedError(`Apertium ${this.#options.direction} stopped before this unit`),
      ),
    );
  }
}
