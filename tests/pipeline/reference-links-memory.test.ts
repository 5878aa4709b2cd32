import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/memory/fingerprint.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { fixturesRoot } from '../helpers/fixtures.js';

const input = join(fixturesRoot, 'field-shapes', 'reference-links', 'input.md');

describe('a memory written before reference links were kept', () => {
  it('check reports the machine translation that lost one, and translate sends that unit again', async () => {
    const project = tempProject();
    cpSync(input, join(project, 'README.md'));
    const first = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project);
    expect([first.status, first.stderr]).toEqual([0, '']);

    // As an older version wrote it: `[the FAQ]` translated as `[ţĥé· FAQ]`, a label no definition has,
    // with the fingerprint the tool writes, so the entry is still a machine's.
    const po = join(project, 'locales', 'fr.po');
    const text = readFileSync(po, 'utf8');
    const written = /msgstr ""\n("Šéé· \[ţĥé· FAQ\]\[the FAQ\][^\n]*\n"[^\n]*")\n/.exec(text)?.[1];
    expect(written).toBeDefined();
    const lines = (written as string).split('\n');
    const good = lines.map((line) => JSON.parse(line) as string).join('');
    const broken = good.replace('[ţĥé· FAQ][the FAQ]', '[ţĥé· FAQ]');
    writeFileSync(
      po,
      text
        .replace(
          written as string,
          lines.map((line) => line.replace('[ţĥé· FAQ][the FAQ]', '[ţĥé· FAQ]')).join('\n'),
        )
        .replace(`sum=${fingerprint(good)}`, `sum=${fingerprint(broken)}`),
    );

    const check = await runCliHere('readme-i18n', ['check', '--lang', 'fr'], project);
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain('line 8: See [the FAQ] for the');

    const again = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo', '--json'], project);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout.trim()).unitsSent).toBe(1);
    expect(readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8')).toContain(
      '> Šéé· [ţĥé· FAQ][the FAQ] ƒóŕ ţĥé···\n> [çóɱɱóñ ǫúéšţíóñš·····][common questions].',
    );
    const last = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo', '--json'], project);
    expect(JSON.parse(last.stdout.trim()).unitsSent).toBe(0);
  });
});
