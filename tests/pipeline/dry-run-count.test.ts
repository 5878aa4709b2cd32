import fc from 'fast-check';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';

// Issue 16: `translate --dry-run` said "would send 19 units" where the run then sent 14. What a dry
// run counts for each file must be what the real run then sends for it.

interface Counted {
  readonly file: string;
  readonly unitsSent: number;
  readonly charsSent: number;
  readonly requests: number;
}

/** Per file, what `translate --json` reports as sent (or, with --dry-run, as what would be). */
async function counts(folder: string, sources: readonly string[], dryRun: boolean): Promise<Counted[]> {
  const args = ['--lang', 'en-XA', '--engine', 'pseudo', '--glossary', 'Vagrant', '--json'];
  const result = await runCliHere(
    'translate',
    [...args, '--source', sources.join(','), ...(dryRun ? ['--dry-run'] : [])],
    folder,
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Counted & { lang?: string })
    .filter((line) => line.lang !== undefined)
    .map(({ file, unitsSent, charsSent, requests }) => ({ file, unitsSent, charsSent, requests }));
}

const readme = [
  '# Vagrant',
  '',
  'Install the tool first.',
  '',
  'Install the tool first.',
  '',
  'Install  the tool',
  'first.',
  '',
  '**Vagrant**',
  '',
  '`npm install`',
  '',
  '- [Usage](docs/usage.md)',
  '- Run it.',
  '',
  '![Vagrant](logo.png "Run it.")',
  '',
  'Already translated once.',
  '',
].join('\n');

const usage = ['# Usage', '', 'Install the tool first.', '', 'Run it.', '', 'See the notes.', ''].join('\n');

describe('translate --dry-run', () => {
  it('counts, file by file, what the real run then sends: shared, repeated, kept and remembered units', async () => {
    const folder = tempProject();
    writeFileSync(join(folder, 'README.md'), readme);
    mkdirSync(join(folder, 'docs'));
    // A unit already in the memory is not sent.
    writeFileSync(join(folder, 'docs/usage.md'), 'Already translated once.\n');
    expect(await counts(folder, ['docs/usage.md'], false)).toEqual([
      { file: 'docs/locales/usage.en-XA.md', unitsSent: 1, charsSent: 24, requests: 1 },
    ]);
    writeFileSync(join(folder, 'docs/usage.md'), usage);

    const dryRun = await runCliHere(
      'translate',
      [
        '--lang',
        'en-XA',
        '--engine',
        'pseudo',
        '--glossary',
        'Vagrant',
        '--source',
        'README.md,docs/usage.md',
        '--dry-run',
      ],
      folder,
    );
    expect(dryRun.stdout).toBe(
      'en-XA: locales/README.en-XA.md — would send 4 units (73 characters) in 1 requests; 1 from memory\n' +
        'en-XA: docs/locales/usage.en-XA.md — would send 2 units (19 characters) in 1 requests; 2 from memory\n',
    );
    const counted = await counts(folder, ['README.md', 'docs/usage.md'], true);
    const sent = await counts(folder, ['README.md', 'docs/usage.md'], false);
    expect(sent).toEqual(counted);
    // A second run has nothing to send, and its dry run says so.
    expect(
      (await counts(folder, ['README.md', 'docs/usage.md'], true)).map((file) => file.unitsSent),
    ).toEqual([0, 0]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('counts what the real run sends, as a property over files sharing paragraphs and a memory filled in part', async () => {
    const pool = [
      'Install the tool first.',
      'Install  the tool\nfirst.',
      'Run it.',
      '**Vagrant**',
      'Vagrant',
      '`npm install`',
      'See [the notes](notes.md).',
      '![Run it.](logo.png)',
      '- Run it.\n- Stop it.',
      '> Run it.',
      '| a | b |\n| - | - |\n| Run it. | `x` |',
      '> [!NOTE]\n> Run it.',
      '> [!WARNING]\n> Stop it.',
    ];
    const file = fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 6 });
    const folder = tempProject();
    mkdirSync(join(folder, 'docs'));
    const names = ['README.md', 'docs/a.md', 'docs/b.md'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(file, { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        async (files, translatedBefore) => {
          rmSync(join(folder, 'locales'), { recursive: true, force: true });
          rmSync(join(folder, 'docs/locales'), { recursive: true, force: true });
          const sources = files.map((_, index) => names[index] as string);
          files.forEach((blocks, index) =>
            writeFileSync(
              join(folder, sources[index] as string),
              `# File ${index}\n\n${blocks.join('\n\n')}\n`,
            ),
          );
          const before = sources.filter((_, index) => translatedBefore[index]);
          if (before.length > 0 && before.length < sources.length) await counts(folder, before, false);
          const counted = await counts(folder, sources, true);
          expect(await counts(folder, sources, false)).toEqual(counted);
        },
      ),
      { numRuns: 25 },
    );
    rmSync(folder, { recursive: true, force: true });
  }, 120_000);
});
