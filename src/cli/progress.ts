/** Per-language progress on standard error: a live line on a terminal, nothing in between otherwise. */
export interface Progress {
  readonly batch: (event: {
    lang: string;
    done: number;
    total: number;
    units: number;
    chars: number;
  }) => void;
  readonly clear: () => void;
}

const width = 24;

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  const live = enabled && stream.isTTY === true;
  const started = new Map<string, number>();
  let drawn = false;
  return {
    batch({ lang, done, total, units, chars }) {
      if (!live) return;
      const start = started.get(lang) ?? performance.now();
      started.set(lang, start);
      const elapsed = (performance.now() - start) / 1000;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const left = done > 0 ? (elapsed / done) * (total - done) : 0;
      stream.write(
        `\r${lang} ▕${'█'.repeat(filled)}${'░'.repeat(width - filled)}▏ ${done}/${total} requests · ${units} units · ` +
          `${chars.toLocaleString('en')} chars · ${elapsed.toFixed(1)} s, ~${left.toFixed(0)} s left\x1b[K`,
      );
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
