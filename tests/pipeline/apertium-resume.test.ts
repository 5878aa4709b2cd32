import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { runTranslate } from '../../src/pipeline/translate.js';
import { tempProject } from '../helpers/cli.js';

// Issue 11: a unit's translation is independent of its batch, so a run interrupted and resumed
// writes the same bytes as a clean one. Real Apertium; eng-spa's HMM tagger used to carry state
// from one segment to the next (`known` and `I` changed it, then `needs` became `necesidades`).
const hasApertium = existsSync('/usr/share/apertium/modes/eng-spa.mode');
if (!hasApertium) {
  console.warn(
    'Apertium resume tests skipped: install apertium-eng-spa (sudo apt-get install apertium-eng-spa)',
  );
}

// The first unit of each request after the first is `Hardware-assisted…`: a resumed run sends it
// first to a new pipeline, a clean run after units that used to change the tagger.
const sentences = [
  'Hardware-assisted virtualization needs a modern processor.',
  'Xen is an open-source hypervisor known for its flexibility.',
  'I think it works on every machine.',
  'Modern hypervisors require more complex setup.',
  'It offers near-native performance for most workloads.',
];
/** 150 distinct paragraphs: three requests of 50 units. */
const readme = `${Array.from(
  { length: 150 },
  (_, index) => `Machine ${index + 1}. ${sentences[index % sentences.length] as string}`,
).join('\n\n')}\n`;

function project(): string {
  const folder = tempProject();
  writeFileSync(join(folder, 'README.md'), readme);
  return folder;
}

/** Translates to Spanish; with `stopAfter`, one request at a time, interrupted after that many. */
async function translate(folder: string, stopAfter?: number): Promise<void> {
  const controller = new AbortController();
  const run = runTranslate(
    { cwd: folder, langs: ['es'], engine: 'apertium', concurrency: stopAfter === undefined ? 4 : 1 },
    { onBatch: ({ done }) => done === stopAfter && controller.abort(), signal: controller.signal },
  );
  if (stopAfter === undefined) await run;
  else await expect(run).rejects.toBeInstanceOf(InterruptedError);
}

const output = (folder: string) => readFileSync(join(folder, 'locales', 'README.es.md'), 'utf8');

describe.skipIf(!hasApertium)('Apertium: a resumed run equals a clean one', () => {
  it('gives the same bytes whether interrupted after the first or the second request, or not at all', async () => {
    const clean = project();
    await translate(clean);
    expect(output(clean)).toContain(
      'Máquina 51. Hardware-asistido virtualization necesita un procesador moderno.',
    );
    for (const stopAfter of [1, 2]) {
      const resumed = project();
      await translate(resumed, stopAfter);
      await translate(resumed);
      expect(output(resumed)).toBe(output(clean));
    }
  });
});
