import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError, UsageError } from '../../src/errors.js';
import { createApertiumEngine, listApertiumDirections } from '../../src/engines/apertium.js';
import { parseTagged } from '../../src/tagged-text.js';
import { fixturesRoot, updating } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const execFileAsync = promisify(execFile);

/** Real Apertium with Debian's apertium-eng-spa and apertium-eng-cat; skipped, saying so, without. */
const hasApertium = ['eng-spa', 'eng-cat'].every((mode) =>
  existsSync(`/usr/share/apertium/modes/${mode}.mode`),
);
if (!hasApertium) {
  console.warn(
    'Apertium tests skipped: install apertium-eng-spa and apertium-eng-cat (sudo apt-get install apertium-eng-spa apertium-eng-cat)',
  );
}

interface SentenceCase {
  readonly from: string;
  readonly to: string;
  readonly source: string;
  readonly expected: string;
}

/** Recorded from apertium 3.8.3, apertium-eng-spa 0.8.1, apertium-eng-cat 1.0.1 (Debian). */
const casesFile = join(fixturesRoot, 'apertium-sentences', 'cases.json');
const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as SentenceCase[];

/**
 * The shells (process group leaders) of the Apertium pipelines this test process started for
 * `direction`, leaving out those in `known`: one a pipeline (its first part where it was cut around
 * its tagger, as eng-spa's is), or with `parts`, every part.
 */
function pipelineShells(direction: string, known: readonly number[] = [], parts = false): number[] {
  const shells: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      // A pipeline's bash is named `apertium-eng-spa`; every part's command line names the pair's folder.
      const named = parts
        ? command.includes(`apertium-${direction}`)
        : command.split('\0')[3] === `apertium-${direction}`;
      const mine = parent === process.pid && named;
      if (mine && !known.includes(Number(entry))) shells.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return shells;
}

/** Whether any process of the process group `group` is still alive. */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting until ${what}`);
}

describe.skipIf(!hasApertium)('Apertium engine on the real Debian pairs', () => {
  const engine = createApertiumEngine();
  afterAll(async () => {
    await engine.close?.();
  });

  it('lists the installed directions as apertium -l does', async () => {
    const directions = await listApertiumDirections();
    expect(directions).toContain('eng-spa');
    expect(directions).toContain('spa-eng');
    expect(directions).toContain('eng-cat');
    expect(directions).toContain('eng-cat_valencia');
    expect(directions).toEqual([...directions].sort());
  });

  it('says which pairs it supports', async () => {
    expect(await engine.supports?.('en', 'es')).toBe(true);
    expect(await engine.supports?.('es', 'en')).toBe(true);
    expect(await engine.supports?.('en', 'ca')).toBe(true);
    expect(await engine.supports?.('en-GB', 'ca-ES-valencia')).toBe(true);
    expect(await engine.supports?.('en', 'fr')).toBe(false);
  });

  it('translates each recorded sentence byte for byte, tags in place', async () => {
    for (const to of ['es', 'ca']) {
      const mine = cases.filter((entry) => entry.to === to);
      const result = await engine.translate(
        mine.map((entry) => entry.source),
        { from: 'en', to },
      );
      expect(result.billedChars).toBe(0);
      if (updating) {
        const others = cases.filter((entry) => entry.to !== to);
        const fresh = mine.map((entry, index) => ({ ...entry, expected: result.texts[index] as string }));
        writeFileSync(casesFile, `${JSON.stringify([...others, ...fresh], null, 2)}\n`);
        continue;
      }
      expect(result.texts).toEqual(mine.map((entry) => entry.expected));
    }
  });

  it('keeps every tag of every recorded sentence, each once, well nested', async () => {
    for (const entry of cases) {
      const tags = (text: string): string[] =>
        parseTagged(text)
          .filter((token) => token.type !== 'text')
          .map((token) => `${token.type}${'id' in token ? token.id : ''}`)
          .sort();
      expect(tags(entry.expected)).toEqual(tags(entry.source));
      expect(parseTagged(entry.expected).some((token) => token.type === 'close' && token.id === -1)).toBe(
        false,
      );
    }
  });

  it('uses the variant a language tag names, and the reverse pair', async () => {
    const text = ['This is <g id="1">my</g> house.'];
    expect((await engine.translate(text, { from: 'en', to: 'ca' })).texts).toEqual([
      'Això és <g id="1">la meva</g> casa.',
    ]);
    expect((await engine.translate(text, { from: 'en', to: 'ca-ES-valencia' })).texts).toEqual([
      'Açò és <g id="1">la meua</g> casa.',
    ]);
    const back = await engine.translate(['La casa <g id="1">roja</g> es grande.'], { from: 'es', to: 'en' });
    expect(back.texts).toEqual(['The <g id="1">red</g> house is big.']);
  });

  it('leaves a tag glued to a mark beside the mark', async () => {
    const { texts } = await engine.translate(['It eases the configuration of <x id="1"/>.'], {
      from: 'en',
      to: 'ca',
    });
    expect(texts).toEqual(['Alleuja la configuració de <x id="1"/>.']);
  });

  it('still reads multiwords inside a g', async () => {
    const { texts } = await engine.translate(
      ['<g id="1">Getting Started</g>', 'It is <g id="2">due to</g> the rain.'],
      {
        from: 'en',
        to: 'es',
      },
    );
    // Word by word these would be "Cogiendo Empezado" and "previsto a".
    expect(texts).toEqual(['<g id="1">Empezando</g>', 'Es <g id="2">debido a</g> la lluvia.']);
  });

  it('keeps a tag glued to a word glued and a spaced tag spaced', async () => {
    const { texts } = await engine.translate(
      [
        'The<x id="1"/>house is red.',
        'The <x id="1"/> house is red.',
        'Read <g id="1">the</g>book.',
        'big<x id="2"/> dog',
      ],
      { from: 'en', to: 'es' },
    );
    expect(texts).toEqual([
      'La<x id="1"/>casa es roja.',
      'La <x id="1"/> casa es roja.',
      'Leído <g id="1">el</g>libro.',
      // The tag rides on its word: transfer moved "big" after "dog" and the tag with it.
      'Perro grande<x id="2"/>',
    ]);
  });

  it('brings back the characters Apertium gives a meaning to, and XML escapes', async () => {
    const source = 'Tom &amp; Jerry &lt;3 &gt; [x] a\\b @c *d #e ^f$ g/h {i} ~j ~~ k~l | + % " \'';
    const { texts } = await engine.translate([source, '&amp;', '\\', '^$', '[[/]]', '[]'], {
      from: 'en',
      to: 'es',
    });
    expect(texts).toEqual([
      'Tom &amp; Jerry &lt;3 &gt; [x] un\\b @c *d #e ^f$ g/h {i} ~j ~~ k~l | + % " \'',
      '&amp;',
      '\\',
      '^$',
      '[[/]]',
      '[]',
    ]);
  });

  it('marks unknown words only when asked to', async () => {
    const marking = createApertiumEngine({ markUnknown: true });
    try {
      const marked = await marking.translate(['The zzyzx house.'], { from: 'en', to: 'es' });
      const plain = await engine.translate(['The zzyzx house.'], { from: 'en', to: 'es' });
      expect(marked.texts).toEqual(['El *zzyzx casa.']);
      expect(plain.texts).toEqual(['El zzyzx casa.']);
    } finally {
      await marking.close?.();
    }
  });

  it('answers many segments in a row without ever shifting by one', async () => {
    const texts = Array.from({ length: 300 }, (_, index) =>
      index % 7 === 3 ? '   ' : index % 11 === 5 ? '' : `The house number ${index} is <g id="1">red</g>.`,
    );
    const batches = [];
    for (let start = 0; start < texts.length; start += 50) batches.push(texts.slice(start, start + 50));
    // Batches run at once on the same pipeline: answers must still go back to their own batch.
    const results = await Promise.all(
      batches.map((batch) => engine.translate(batch, { from: 'en', to: 'es' })),
    );
    const answers = results.flatMap((result) => result.texts);
    expect(answers).toEqual(
      texts.map((text, index) =>
        text.trim() === '' ? text : `El número de casa ${index} es <g id="1">rojo</g>.`,
      ),
    );
  });

  it('translates a unit the same whatever its pipeline translated before (a resumed run equals a clean one)', async () => {
    const own = createApertiumEngine();
    try {
      const request = { from: 'en', to: 'es' };
      const unit = 'Hardware-assisted virtualization needs a modern processor.';
      const expected = 'Hardware-asistido virtualization necesita un procesador moderno.';
      // `known` and `I` have ambiguity classes eng-spa's tagger model lacks; they used to change its
      // state for the rest of the process, and `needs` after them came back as `necesidades`.
      const before = ['Xen is an open-source hypervisor known for its flexibility.', 'I think it works.'];
      expect((await own.translate([unit], request)).texts).toEqual([expected]);
      expect((await own.translate([...before, unit], request)).texts[2]).toBe(expected);
      expect((await own.translate([unit, ...before, unit], request)).texts).toEqual([
        expected,
        'Xen Es un abierto-fuente hypervisor sabido para su flexibilidad.',
        'Pienso que obra.',
        expected,
      ]);
    } finally {
      await own.close?.();
    }
  });

  it('starts a new pipeline when the running one is killed', async () => {
    const others = pipelineShells('eng-cat');
    const own = createApertiumEngine();
    try {
      expect((await own.translate(['The house is red.'], { from: 'en', to: 'ca' })).texts).toEqual([
        'La casa és vermell.',
      ]);
      const before = pipelineShells('eng-cat', others);
      expect(before).toHaveLength(1);
      const shell = before[0] as number;
      process.kill(-shell, 'SIGKILL');
      await waitUntil(() => !groupAlive(shell), 'the killed pipeline is gone');
      expect((await own.translate(['The dog is big.'], { from: 'en', to: 'ca' })).texts).toEqual([
        'El gos és gran.',
      ]);
      const after = pipelineShells('eng-cat', others);
      expect(after).toHaveLength(1);
      expect(after[0]).not.toBe(shell);
    } finally {
      await own.close?.();
    }
  });

  it('resends a batch once when the pipeline dies under it', async () => {
    const others = pipelineShells('eng-spa');
    const own = createApertiumEngine();
    try {
      await own.translate(['Warm up.'], { from: 'en', to: 'es' });
      const [shell] = pipelineShells('eng-spa', others);
      expect(shell).toBeTypeOf('number');
      const texts = Array.from({ length: 50 }, (_, index) => `The dog number ${index} is big.`);
      const pending = own.translate(texts, { from: 'en', to: 'es' });
      process.kill(-(shell as number), 'SIGKILL');
      const { texts: answers } = await pending;
      expect(answers).toEqual(texts.map((_, index) => `El número de perro ${index} es grande.`));
      expect(pipelineShells('eng-spa', [...others, shell as number])).toHaveLength(1);
    } finally {
      await own.close?.();
    }
  });

  it('gives up on a unit that takes longer than the time limit, then works again', async () => {
    const others = pipelineShells('eng-spa', [], true);
    const hasty = createApertiumEngine({ unitTimeoutMs: 1 });
    try {
      // Starting a pipeline of a dozen programs alone takes far more than 1 ms.
      const failure = await hasty
        .translate(['The house is red.'], { from: 'en', to: 'es' })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(EngineError);
      expect((failure as EngineError).message).toBe(
        'Apertium eng-spa gave no answer to a unit within 1 ms; the pipeline is restarted for the next unit. ' +
          'Raise the time limit (unitTimeoutMs) for very long units, or split the unit.',
      );
      await waitUntil(
        () => pipelineShells('eng-spa', others, true).length === 0,
        'every part of the timed-out pipeline is gone',
      );
    } finally {
      await hasty.close?.();
    }
  });

  it('refuses a time limit that is not a positive number', () => {
    expect(() => createApertiumEngine({ unitTimeoutMs: 0 })).toThrow(UsageError);
  });

  it('names the package to install for a missing direction', async () => {
    const failure = await engine
      .translate(['Hello.'], { from: 'en', to: 'fr' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as UsageError).message).toContain(
      'Apertium cannot translate en → fr: direction eng-fra is not installed',
    );
    expect((failure as UsageError).message).toContain('sudo apt-get install apertium-eng-fra');
    const galician = await engine
      .translate(['Hello.'], { from: 'en', to: 'gl' })
      .catch((error: unknown) => error);
    expect((galician as UsageError).message).toContain(
      'Install it with:\n  sudo apt-get install apertium-en-gl',
    );
    expect((galician as UsageError).exitCode).toBe(2);
  });

  it('ends every program of its pipelines on close', async () => {
    const others = [...pipelineShells('eng-spa', [], true), ...pipelineShells('eng-cat', [], true)];
    const own = createApertiumEngine();
    await own.translate(['Hello.'], { from: 'en', to: 'es' });
    await own.translate(['Hello.'], { from: 'en', to: 'ca' });
    const shells = [...pipelineShells('eng-spa', others, true), ...pipelineShells('eng-cat', others, true)];
    // eng-spa in three parts (before, at and after its tagger), eng-cat whole.
    expect(shells).toHaveLength(4);
    await own.close?.();
    // SIGKILLed programs may take a moment to be reaped.
    await waitUntil(() => shells.every((shell) => !groupAlive(shell)), 'every pipeline is gone');
  });
});

describe.skipIf(!hasApertium)('Apertium engine in a bare Node process', () => {
  const scripts = {
    // A forgotten close() must not keep Node running.
    forgetful:
      "const engine = createApertiumEngine();\nconsole.log((await engine.translate(['The house.'], { from: 'en', to: 'es' })).texts[0]);\n",
    // An awaited close() must keep Node running until it resolves (exit code 13 otherwise).
    tidy:
      "const engine = createApertiumEngine();\nconsole.log((await engine.translate(['The house.'], { from: 'en', to: 'es' })).texts[0]);\n" +
      "await engine.close();\nconsole.log('closed');\n",
  };

  it.each(Object.entries(scripts))('exits by itself when the script is %s', async (name, body) => {
    const folder = tempDir('apertium-bare-');
    const entry = join(folder, `${name}.ts`);
    const engineModule = join(import.meta.dirname, '..', '..', 'src', 'engines', 'apertium.ts');
    writeFileSync(entry, `import { createApertiumEngine } from ${JSON.stringify(engineModule)};\n${body}`);
    const bundle = join(folder, `${name}.mjs`);
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    // Bounded: a process kept alive by the pipeline is killed after 20 s and the test fails.
    const { stdout } = await execFileAsync(process.execPath, [bundle], { timeout: 20_000 });
    expect(stdout).toBe(name === 'tidy' ? 'La casa.\nclosed\n' : 'La casa.\n');
  });
});

describe('listApertiumDirections', () => {
  it('reads the names of the mode files of a folder', async () => {
    const folder = join(fixturesRoot, 'apertium-modes');
    expect(await listApertiumDirections(folder)).toEqual(['eng-cat_valencia', 'eng-spa', 'spa-eng']);
  });

  it('finds no direction where there is no folder', async () => {
    expect(await listApertiumDirections(join(fixturesRoot, 'apertium-modes', 'missing'))).toEqual([]);
  });

  it('reports a missing pair without running anything when no pair is installed', async () => {
    const engine = createApertiumEngine({ modesDir: join(fixturesRoot, 'apertium-modes', 'missing') });
    const failure = await engine
      .translate(['Hello.'], { from: 'en', to: 'es' })
      .catch((error: unknown) => error);
    expect((failure as UsageError).message).toBe(
      'Apertium cannot translate en → es: direction eng-spa is not installed (installed: none). ' +
        'Install it with:\n  sudo apt-get install apertium-eng-spa',
    );
  });
});
