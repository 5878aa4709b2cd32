import { terminalSafe } from '../shown-value.js';

/** Per-language progress on standard error, naming the file: a live line on a terminal, nothing in between otherwise. */
export interface Progress {
  readonly batch: (event: {
    lang: string;
    file: string;
    done: number;
    total: number;
    units: number;
    chars: number;
  }) => void;
  /** A request has waited `waitedMs` for the engine: said on the live line, or every 15 s in a log. */
  readonly wait: (event: { lang: string; file: string; waitedMs: number }) => void;
  readonly clear: () => void;
}

/** How often a log (not a terminal) hears that the engine is still silent. */
const logEveryMs = 15_000;

const width = 24;

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  const live = enabled && stream.isTTY === true;
  const started = new Map<string, number>();
  let drawn = false;
  const logged = new Map<string, number>();
  return {
    batch({ lang, file, done, total, units, chars }) {
      if (!live) return;
      const start = started.get(lang) ?? performance.now();
      started.set(lang, start);
      const elapsed = (performance.now() - start) / 1000;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const left = done > 0 ? (elapsed / done) * (total - done) : 0;
      stream.write(
        `\r${lang} ${terminalSafe(file, { keepLines: false })} ▕${'█'.repeat(filled)}${'░'.repeat(width - filled)}▏ ${done}/${total} requests · ${units} units · ` +
          `${chars.toLocaleString('en')} chars · ${elapsed.toFixed(1)} s, ~${left.toFixed(0)} s left\x1b[K`,
      );
      drawn = true;
    },
    wait({ lang, file, waitedMs }) {
      if (!enabled) return;
      const seconds = Math.round(waitedMs / 1000);
      if (live) {
        stream.write(
          `\r${lang} ${terminalSafe(file, { keepLines: false })} waiting for the engine's answer: ${seconds} s\x1b[K`,
        );
        drawn = true;
        return;
      }
      const step = Math.floor(waitedMs / logEveryMs);
      if (step < 1) logged.set(lang, 0);
      if (step < 1 || step <= (logged.get(lang) ?? 0)) return;
      logged.set(lang, step);
      stream.write(
        `readme-i18n: ${lang}: ${terminalSafe(file, { keepLines: false })}: still waiting for the engine's answer after ${seconds} s\n`,
      );
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
