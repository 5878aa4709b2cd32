import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Socket } from 'node:net';
import { EngineError } from '../errors.js';

/**
 * One long-lived Apertium pipeline for one direction, run in null-flush mode: each segment written
 * with a NUL after it is answered with its translation and a NUL, in order. Segments may be
 * written ahead of their answers; the answers are matched to them first in, first out.
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
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting: Waiting[] = [];
  #chunks: Buffer[] = [];
  #stderr = '';
  #timer: NodeJS.Timeout | undefined;
  #ended = false;
  #sequence = 0;
  readonly #exited: Promise<void>;

  constructor(options: PipelineOptions) {
    this.#options = options;
    // Its own process group, so that ending it ends every program of the pipeline at once.
    this.#child = spawn(
      'bash',
      ['-c', options.script, `apertium-${options.direction}`, options.generatorFlag, ''],
      {
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, LC_ALL: 'C.UTF-8' },
      },
    );
    this.#exited = new Promise((resolve) => this.#child.once('close', () => resolve()));
    this.#child.stdout.on('data', (data: Buffer) => this.#receive(data));
    this.#child.stderr.on('data', (data: Buffer) => {
      this.#stderr = (this.#stderr + data.toString('utf8')).slice(-2000);
    });
    // A write after the pipeline died fails with EPIPE; the exit handler reports it.
    this.#child.stdin.on('error', () => undefined);
    this.#child.on('error', (error) =>
      this.#fail(new PipelineDiedError(`Apertium ${options.direction} could not start: ${error.message}`)),
    );
    this.#child.on('exit', (code, signal) => {
      const how = signal === null ? `exit code ${String(code)}` : `signal ${signal}`;
      const report = (): void => {
        const detail = this.#stderr.trim() === '' ? '' : `: ${this.#stderr.trim()}`;
        this.#fail(new PipelineDiedError(`Apertium ${options.direction} stopped (${how})${detail}`));
      };
      // Let what the programs said reach the message; programs still holding stderr cannot delay it long.
      if (this.#child.stderr.readableEnded) return report();
      const fallback = setTimeout(report, 100);
      this.#child.stderr.once('end', () => {
        clearTimeout(fallback);
        report();
      });
    });
    // A forgotten close() must not keep Node running; a waiting segment's timer keeps it alive.
    this.#child.unref();
    for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr]) {
      if (stream instanceof Socket) stream.unref();
    }
  }

  /** Whether the pipeline still runs and accepts segments. */
  get alive(): boolean {
    return !this.#ended;
  }

  /** The process id of the pipeline's shell, which leads its process group. */
  get pid(): number | undefined {
    return this.#child.pid;
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
      this.#child.stdin.write(`${segment.replace(/\0/g, '')}${marker}\0`);
    });
  }

  /** Ends every program of the pipeline and waits (briefly) until they are gone. */
  async close(): Promise<void> {
    this.#fail(new PipelineDiedError(`Apertium ${this.#options.direction} was closed`));
    // This timer is ref'd on purpose: the child's handles are not, and an awaited close() must
    // keep Node running until it resolves.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), 2000);
    });
    const outcome = await Promise.race([this.#exited, grace]);
    clearTimeout(timer);
    if (outcome === 'late') this.#killGroup();
  }

  #receive(data: Buffer): void {
    let start = 0;
    let nul = data.indexOf(0, start);
    while (nul !== -1) {
      this.#chunks.push(data.subarray(start, nul));
      const answer = Buffer.concat(this.#chunks).toString('utf8');
      this.#chunks = [];
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
      start = nul + 1;
      nul = data.indexOf(0, start);
    }
    if (start < data.length) this.#chunks.push(data.subarray(start));
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
      this.#killGroup();
    }, unitTimeoutMs);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Marks the pipeline ended and rejects every waiting segment: the first with `error`. */
  #fail(error: EngineError): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#stopTimer();
    const waiting = this.#waiting.splice(0);
    waiting.forEach((entry, index) =>
      entry.reject(
        index === 0
          ? error
          : new PipelineDiedError(`Apertium ${this.#options.direction} stopped before this unit`),
      ),
    );
    // The shell may be gone while programs of its pipeline still run: end them all.
    this.#killGroup();
  }

  #killGroup(): void {
    const pid = this.#child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
