import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/markdown/document.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { corpusFolder, hasCorpus } from '../helpers/corpus.js';
import { fixturesRoot } from '../helpers/fixtures.js';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';

const authKey = 'memory-test-key:fx';
const accents: Record<string, string> = { a: 'à', e: 'é', i: 'î', o: 'ô', u: 'û' };
const root = join(import.meta.dirname, '..', '..');

const documents: Array<[string, string]> = [
  ['the project fixture', join(fixturesRoot, 'memory-runs', 'README.md')],
];
if (hasCorpus) documents.push(['lpic-305-300.md', join(corpusFolder, 'lpic-305-300.md')]);

describe.each(documents)('translation memory with DeepL and the real CLI, on %s', (_name, sourceFile) => {
  let server: DeeplServer;
  beforeAll(async () => {
    // Accented vowels: a translation that keeps the case and the words of its source, as a real one would.
    server = await startDeeplServer({
      authKey,
      translate: (text) => text.replace(/[aeiou]/g, (vowel) => accents[vowel] ?? vowel),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const env = () => ({ DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url });
  const translateCalls = () => server.requests.filter((request) => request.path === '/v2/translate');

  /** Runs `translate --lang fr` and returns what it sent. */
  async function translate(project: string, flags: readonly string[] = []) {
    const before = translateCalls().length;
    const result = await runCliHere('translate', ['--lang', 'fr', ...flags], project, env());
    const calls = translateCalls().slice(before);
    return {
      ...result,
      sent: calls.filter((call) => call.status === 200).flatMap((call) => call.textValues),
      calls,
    };
  }

  function project(): string {
    const folder = tempProject();
    copyFileSync(sourceFile, join(folder, 'README.md'));
    return folder;
  }

  const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
  const unitsOf = (text: string) => parseDocument(text).allUnits;

  // A corpus file takes seconds to parse and to translate: the source's units and its first
  // translation are made once for the tests that start from them.
  const source = readFileSync(sourceFile, 'utf8');
  let sourceDocument: ReturnType<typeof parseDocument> | undefined;
  const parsedSource = () => (sourceDocument ??= parseDocument(source));
  const unitsOfSource = () => parsedSource().allUnits;
  const uniqueTaggedOfSource = () => [...new Set(unitsOfSource().map((unit) => unit.tagged))].sort();
  let translatedOnce: Promise<{ folder: string; first: Awaited<ReturnType<typeof translate>> }> | undefined;

  /** A project as the first `translate --lang fr` left it, in a folder of its own; and what that run did. */
  async function translatedProject() {
    translatedOnce ??= (async () => {
      const folder = project();
      return { folder, first: await translate(folder) };
    })();
    const { folder, first } = await translatedOnce;
    expect(first.status).toBe(0);
    const copy = tempProject();
    cpSync(folder, copy, { recursive: true, preserveTimestamps: true });
    return { folder: copy, first };
  }

  it('sends every unit once, then nothing on a second run, leaving every file byte-identical', async () => {
    const { folder, first } = await translatedProject();
    expect(first.status).toBe(0);
    expect([...first.sent].sort()).toEqual(uniqueTaggedOfSource());
    const files = ['locales/README.fr.md', 'locales/fr.po'].map((file) => read(folder, file));
    execFileSync('msgfmt', ['--check', '-o', '/dev/null', join(folder, 'locales', 'fr.po')]);
    const second = await translate(folder);
    expect(second.status).toBe(0);
    expect(second.calls).toEqual([]);
    expect(['locales/README.fr.md', 'locales/fr.po'].map((file) => read(folder, file))).toEqual(files);
  });

  it('sends exactly the edited paragraph, then exactly an inserted one', async () => {
    const { folder } = await translatedProject();
    const paragraphs = unitsOfSource().filter(
      (unit) => unit.kind === 'paragraph' && unit.nested.length === 0,
    );
    const target = paragraphs[Math.floor(paragraphs.length / 2)];
    if (!target) throw new Error('no paragraph to edit');
    const edited = `${source.slice(0, target.range.end)} Edited by the test.${source.slice(target.range.end)}`;
    writeFileSync(join(folder, 'README.md'), edited);
    const afterEdit = await translate(folder);
    expect(afterEdit.status).toBe(0);
    expect(afterEdit.sent).toEqual(
      unitsOf(edited)
        .filter((unit) => unit.source.endsWith('Edited by the test.'))
        .map((unit) => unit.tagged),
    );

    const firstHeading = edited.indexOf('\n#');
    const inserted = `${edited.slice(0, firstHeading)}\n\nA brand new paragraph near the top.\n${edited.slice(firstHeading)}`;
    writeFileSync(join(folder, 'README.md'), inserted);
    const afterInsert = await translate(folder);
    expect(afterInsert.status).toBe(0);
    expect(afterInsert.sent).toEqual(['A brand new paragraph near the top.']);
  });

  it('keeps a translation edited by hand in README.fr.md, and carries it over as previous when its source changes', async () => {
    const { folder } = await translatedProject();
    const output = read(folder, 'locales/README.fr.md');
    const sourceUnits = unitsOfSource();
    // The output read as the tool reads it: with its source's names, so unit N is the source's unit N.
    const outputUnits = parseDocument(output, { namesFrom: parsedSource().tree }).allUnits;
    const index = sourceUnits.findIndex(
      (unit) =>
        unit.kind === 'paragraph' &&
        unit.xs.size === 0 &&
        unit.groups.size === 0 &&
        !unit.source.includes('\n'),
    );
    const [sourceUnit, outputUnit] = [sourceUnits[index], outputUnits[index]];
    if (!sourceUnit || !outputUnit) throw new Error('no plain paragraph to edit');
    const human = 'Une traduction revue à la main.';
    writeFileSync(
      join(folder, 'locales', 'README.fr.md'),
      output.slice(0, outputUnit.range.start) + human + output.slice(outputUnit.range.end),
    );
    const rerun = await translate(folder);
    expect(rerun.status).toBe(0);
    expect(rerun.calls).toEqual([]);
    expect(read(folder, 'locales/README.fr.md')).toContain(human);
    expect(read(folder, 'locales/fr.po')).toContain(`#. readme-i18n: human`);

    const changed = `${source.slice(0, sourceUnit.range.end)} And more.${source.slice(sourceUnit.range.end)}`;
    writeFileSync(join(folder, 'README.md'), changed);
    const afterChange = await translate(folder);
    expect(afterChange.status).toBe(0);
    expect(afterChange.sent).toEqual([`${sourceUnit.tagged} And more.`]);
    const po = read(folder, 'locales/fr.po');
    expect(po).toContain(`#| msgid "${sourceUnit.source}"`);
    const entry = po.split('\n\n').find((block) => block.includes(`msgid "${sourceUnit.source} And more."`));
    expect(entry).toMatch(/#, fuzzy/);
    execFileSync('msgfmt', ['--check', '-o', '/dev/null', join(folder, 'locales', 'fr.po')]);
  });

  it('after a quota stop at about 40 %, the rerun sends exactly the remaining units', async () => {
    const folder = project();
    const all = uniqueTaggedOfSource();
    const total = all.reduce((sum, text) => sum + text.length, 0);
    // The server counts what it billed since it started: the quota ends 40 % of this document later.
    server.setFaults({ quotaCharacters: server.billedCharacters + Math.floor(total * 0.4) });
    const stopped = await translate(folder, ['--concurrency', '1']).finally(() => server.setFaults({}));
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toMatch(/quota exhausted after \d+ of \d+ units/);
    expect(stopped.sent.length).toBeGreaterThan(0);
    expect(existsSync(join(folder, 'locales', 'README.fr.md'))).toBe(false);
    execFileSync('msgfmt', ['--check', '-o', '/dev/null', join(folder, 'locales', 'fr.po')]);
    const rerun = await translate(folder);
    expect(rerun.status).toBe(0);
    expect(rerun.sent.filter((text) => stopped.sent.includes(text))).toEqual([]);
    expect([...stopped.sent, ...rerun.sent].sort()).toEqual(all);
  });

  it('killed in the middle, leaves a valid memory and whole outputs, and the rerun sends no finished unit again', async () => {
    const folder = project();
    server.setFaults({ delayMs: 150 });
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'translate.js'), '--lang', 'fr', '--concurrency', '1'],
      {
        cwd: folder,
        env: { ...process.env, ...env() },
        stdio: 'ignore',
      },
    );
    const done = new Promise((resolve) => child.on('exit', resolve));
    const memoryFile = join(folder, 'locales', 'fr.po');
    // Kill once the memory holds a first batch; bounded: the run itself ends within the test's time.
    for (let tries = 0; tries < 600 && !existsSync(memoryFile); tries++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    child.kill('SIGKILL');
    await done;
    server.setFaults({});
    execFileSync('msgfmt', ['--check', '-o', '/dev/null', memoryFile]);
    expect(existsSync(join(folder, 'locales', 'README.fr.md'))).toBe(false);
    const remembered = new Set(
      unitsOfSource()
        .filter((unit) => read(folder, 'locales/fr.po').includes(`msgid ${JSON.stringify(unit.source)}`))
        .map((unit) => unit.tagged),
    );
    expect(remembered.size).toBeGreaterThan(0);
    const rerun = await translate(folder);
    expect(rerun.status).toBe(0);
    expect(rerun.sent.filter((text) => remembered.has(text))).toEqual([]);
  });
});
