import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { Socket } from 'node:net';

/**
 * One bash script run in null-flush mode, in its own process group: what it writes is cut into
 * records at each NUL. Part of an Apertium pipeline (see `apertium-pipeline.ts`).
 */
export interface NullFlushProcessOptions {
  /** The bash script; `$0` is `name`, `$1`… are `args`. */
  readonly script: string;
  /** Its `$0`, which `ps` shows. */
  readonly name: string;
  readonly args: readonly string[];
  /** Each record it writes, without the NUL. */
  readonly onRecord: (record: Buffer) => void;
  /** It could not start, or it ended by itself (never after `kill()`): how, and what it said. */
  readonly onEnd: (how: string) => void;
}

export class NullFlushProcess {
  readonly #options: NullFlushProcessOptions;
  readonly #child: ChildProcessWithoutNullStreams;
  #chunks: Buffer[] = [];
  #stderr = '';
  #killed = false;
  /** Resolves once the process and its pipes are closed. */
  readonly exited: Promise<void>;

  constructor(options: NullFlushProcessOptions) {
    this.#options = options;
    // Its own process group, so that ending it ends every program of its script at once.
    this.#child = spawn('bash', ['-c', options.script, options.name, ...options.args], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    });
    this.exited = new Promise((resolve) => this.#child.once('close', () => resolve()));
    this.#child.stdout.on('data', (data: Buffer) => this.#receive(data));
    this.#child.stderr.on('data', (data: Buffer) => {
      this.#stderr = (this.#stderr + data.toString('utf8')).slice(-2000);
    });
    // A write after the process died fails with EPIPE; the exit handler reports it.
    this.#child.stdin.on('error', () => undefined);
    this.#child.on('error', (error) => this.#end(`could not start: ${error.message}`));
    this.#child.on('exit', (code, signal) => {
      const how = `stopped (${signal === null ? `exit code ${String(code)}` : `signal ${signal}`})`;
      const report = (): void => {
        const said = this.#stderr.trim();
        this.#end(said === '' ? how : `${how}: ${said}`);
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

  /** Writes one record and its NUL. */
  write(record: string | Buffer): void {
    this.#child.stdin.write(typeof record === 'string' ? `${record}\0` : Buffer.concat([record, nul]));
  }

  /** Ends every program of its process group; nothing it still writes is reported. */
  kill(): void {
    this.#killed = true;
    const pid = this.#child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  #end(how: string): void {
    if (!this.#killed) this.#options.onEnd(how);
    this.#killed = true;
  }

  #receive(data: Buffer): void {
    let start = 0;
    let end = data.indexOf(0, start);
    while (end !== -1) {
      if (this.#killed) return;
      this.#chunks.push(data.subarray(start, end));
      const record = Buffer.concat(this.#chunks);
      this.#chunks = [];
      this.#options.onRecord(record);
      start = end + 1;
      end = data.indexOf(0, start);
    }
    if (start < data.length) this.#chunks.push(data.subarray(start));
  }
}

const nul = Buffer.from([0]);
