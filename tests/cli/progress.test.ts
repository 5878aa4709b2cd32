import { Writable } from 'node:stream';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { runTranslate } from '../../src/pipeline/translate.js';
import type { BatchEvent } from '../../src/pipeline/translate-language.js';
import { tempProject } from '../helpers/cli.js';

/** A standard error that collects what is written, a terminal or not. */
function stream(isTTY: boolean): { readonly out: NodeJS.WriteStream; readonly text: () => string } {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  out.isTTY = isTTY;
  return { out, text: () => text };
}

describe('translation progress', () => {
  it('names the file being translated on the live line of a terminal', () => {
    const terminal = stream(true);
    const progress = createProgress(terminal.out, true);
    progress.batch({ lang: 'fr', file: 'docs/usage.md', done: 1, total: 2, units: 3, chars: 1234 });
    const line = terminal.text();
    expect(
      line.startsWith(
        '\rfr docs/usage.md ▕████████████░░░░░░░░░░░░▏ 1/2 requests · 3 units · 1,234 chars · ',
      ),
    ).toBe(true);
    expect(line.endsWith(' s left\x1b[K')).toBe(true);
    progress.wait({ lang: 'fr', file: 'docs/\x1b[2Jusage.md', waitedMs: 5000 });
    expect(terminal.text().split('\r').at(-1)).toBe(
      "fr docs/\\x1b[2Jusage.md waiting for the engine's answer: 5 s\x1b[K",
    );
  });

  it('names the file in the log line of a long wait when standard error is not a terminal', () => {
    const log = stream(false);
    const progress = createProgress(log.out, true);
    progress.batch({ lang: 'fr', file: 'README.md', done: 1, total: 2, units: 3, chars: 10 });
    progress.wait({ lang: 'fr', file: 'README.md', waitedMs: 5000 });
    progress.wait({ lang: 'fr', file: 'README.md', waitedMs: 15_000 });
    expect(log.text()).toBe("readme-i18n: fr: README.md: still waiting for the engine's answer after 15 s\n");
  });

  it('is told by the pipeline which source each batch belongs to', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'README.md'), '# Title\n\nA paragraph.\n');
    mkdirSync(join(project, 'docs'));
    writeFileSync(join(project, 'docs', 'usage.md'), '# Usage\n\nRun it.\n');
    const batches: BatchEvent[] = [];
    await runTranslate(
      { cwd: project, sources: ['README.md', 'docs/usage.md'], langs: ['fr'], engine: 'pseudo' },
      { onBatch: (event) => batches.push(event) },
    );
    expect([...new Set(batches.map((event) => `${event.lang} ${event.file}`))]).toEqual([
      'fr README.md',
      'fr docs/usage.md',
    ]);
  });
});
