import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'terms-changes');
const expected = (name: string) => join(fixture, 'expected', name);
const authKey = 'test-key-7c2e4a91:fx';

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
const write = (folder: string, file: string, text: string) => writeFileSync(join(folder, file), text);
const edit = (folder: string, file: string, from: string, to: string) => {
  const text = read(folder, file);
  expect(text).toContain(from);
  write(folder, file, text.replace(from, to));
};
const config = (terms: string, glossary = '') =>
  `languages: [es]\nengine: deepl\nswitcher: false\n${glossary}${terms}`;

/** What a `--json` report line says was sent. */
function report(stdout: string) {
  if (stdout === '') return undefined;
  const { unitsSent, requests, charsBilled } = JSON.parse(stdout) as Record<string, number>;
  return { unitsSent, requests, charsBilled };
}

/** The PO entry whose msgstr is `translation`, from its first comment to its msgstr, its day replaced. */
const entryOf = (po: string, translation: string) =>
  po
    .split('\n\n')
    .find((block) => block.includes(`msgstr "${translation}"`))
    ?.replace(/date=\d{4}-\d\d-\d\d/, 'date=(day)')
    .replace(/\n?$/, '\n');

const handEdit = [
  'THE MANAGER KEEPS THE STATE OF THE Enjambre.',
  'El gestor guarda el estado del Enjambre.',
] as const;

describe('a changed `terms:` or `glossary:` updates exactly the units that keep its words (DeepL test server)', () => {
  let server: DeeplServer;
  beforeAll(async () => {
    server = await startDeeplServer({ authKey });
  });
  afterAll(async () => {
    await server.close();
  });
  const env = () => ({
    DEEPL_AUTH_KEY: authKey,
    DEEPL_SERVER_URL: server.url,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
  });
  /** What each translate request of a run sent, text by text. */
  const sentSince = (from: number): string[][] =>
    server.requests
      .slice(from)
      .filter((request) => request.path === '/v2/translate')
      .map((request) => [...request.textValues]);
  const translate = async (folder: string, args: readonly string[] = []) => {
    const from = server.requests.length;
    const result = await runCliHere('translate', ['--json', ...args], folder, env());
    return { ...result, sent: sentSince(from), report: report(result.stdout) };
  };

  it('rewrites a reworded term itself (nothing sent), sends only the units a new glossary word is in, and keeps a hand edit with a warning', async () => {
    const folder = tempProject(fixture);
    const first = await translate(folder);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.sent.map((texts) => texts.length)).toEqual([10]);
    expectFile(expected('1-enjambre.md'), read(folder, 'locales/README.es.md'));
    expect(read(folder, 'locales/es.po')).toContain(
      '"X-Readme-I18n-Terms: {\\"terms\\":{\\"Swarm\\":\\"Enjambre\\"}}\\n"\n',
    );

    // Another translation of the term, and a paragraph corrected by hand in the output.
    write(folder, 'readme-i18n.config.yaml', config('terms:\n  Swarm: { es: Colmena }\n'));
    edit(folder, 'locales/README.es.md', ...handEdit);
    const reworded = await translate(folder);
    expect(reworded.status).toBe(0);
    expect(reworded.sent).toEqual([]);
    expect(reworded.report).toEqual({ unitsSent: 0, requests: 0, charsBilled: 0 });
    expect(reworded.stderr).toBe(
      'readme-i18n: warning: README.md:5: terms: now writes "Colmena" for "Swarm" (was "Enjambre"); the translation by hand of this unit is kept as it is: change it in locales/README.es.md or locales/es.po\n',
    );
    expectFile(expected('2-colmena.md'), read(folder, 'locales/README.es.md'));
    expect(read(folder, 'locales/es.po')).toContain(
      '"X-Readme-I18n-Terms: {\\"terms\\":{\\"Swarm\\":\\"Colmena\\"}}\\n"\n',
    );
    // Told once, and noted in the entry for whoever reviews it later.
    const humanNote = '#. readme-i18n: human date=(day) sum=be2ceee22a50\n';
    const colmenaNote =
      '# readme-i18n: terms: now writes "Colmena" for "Swarm" (was "Enjambre"); this translation by hand was kept as it is\n';
    expect(entryOf(read(folder, 'locales/es.po'), handEdit[1])).toBe(
      `${colmenaNote}#: README.md:5\n${humanNote}msgid "The manager keeps the state of the Swarm."\nmsgstr "${handEdit[1]}"\n`,
    );

    // A glossary word the engine translated: only the paragraph that has it is sent again.
    write(
      folder,
      'readme-i18n.config.yaml',
      config('terms:\n  Swarm: { es: Colmena }\n', 'glossary: [ship]\n'),
    );
    const added = await translate(folder);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.report).toEqual({ unitsSent: 1, requests: 1, charsBilled: 83 });
    expect(added.sent).toEqual([
      ['Charts are deployed with <x id="1"/>, and the helm of the <x id="2"/> is elsewhere.'],
    ]);
    expectFile(expected('3-ship.md'), read(folder, 'locales/README.es.md'));

    // The term dropped from `terms:`: still a name, now written as the source writes it.
    write(folder, 'readme-i18n.config.yaml', config('', 'glossary: [ship]\n'));
    const dropped = await translate(folder);
    expect(dropped.status).toBe(0);
    expect(dropped.sent).toEqual([]);
    expect(dropped.stderr).toBe(
      'readme-i18n: warning: README.md:5: terms: no longer translates "Swarm" (was "Colmena"); the translation by hand of this unit is kept as it is: change it in locales/README.es.md or locales/es.po\n',
    );
    expectFile(expected('4-dropped.md'), read(folder, 'locales/README.es.md'));
    expect(read(folder, 'locales/es.po')).toContain(
      '"X-Readme-I18n-Terms: {\\"glossary\\":[\\"ship\\"]}\\n"\n',
    );
    expect(entryOf(read(folder, 'locales/es.po'), handEdit[1])).toBe(
      `${colmenaNote}# readme-i18n: terms: no longer translates "Swarm" (was "Colmena"); this translation by hand was kept as it is\n` +
        `#: README.md:5\n${humanNote}msgid "The manager keeps the state of the Swarm."\nmsgstr "${handEdit[1]}"\n`,
    );

    // Settled: the next run sends and says nothing.
    const again = await translate(folder);
    expect([again.status, again.stderr, again.sent]).toEqual([0, '', []]);
    expect(read(folder, 'locales/README.es.md')).toBe(readFileSync(expected('4-dropped.md'), 'utf8'));
  });

  it('a run stopped by the quota keeps the rewritten units, and the next sends only what is left, to the same bytes', async () => {
    const folder = tempProject(fixture);
    expect((await translate(folder)).status).toBe(0);
    write(
      folder,
      'readme-i18n.config.yaml',
      config('terms:\n  Swarm: { es: Colmena }\n', 'glossary: [ship]\n'),
    );
    server.setFaults({ quotaCharacters: server.billedCharacters });
    const stopped = await translate(folder);
    server.setFaults({});
    expect(stopped.status).toBe(1);
    expect(stopped.sent).toEqual([
      ['Charts are deployed with <x id="1"/>, and the helm of the <x id="2"/> is elsewhere.'],
    ]);
    // The rewritten units are saved; the header still names the old settings.
    const memory = read(folder, 'locales/es.po');
    expect(memory).toContain('msgstr "SCALE THE Colmena WITH ONE COMMAND, THEN CHECK THE Colmena AGAIN."');
    expect(memory).toContain('"X-Readme-I18n-Terms: {\\"terms\\":{\\"Swarm\\":\\"Enjambre\\"}}\\n"\n');
    const resumed = await translate(folder);
    expect(resumed.stderr).toBe('');
    expect(resumed.sent).toEqual([
      ['Charts are deployed with <x id="1"/>, and the helm of the <x id="2"/> is elsewhere.'],
    ]);
    expect(read(folder, 'locales/README.es.md')).toBe(
      readFileSync(expected('3-ship.md'), 'utf8').replace(
        handEdit[1],
        'THE MANAGER KEEPS THE STATE OF THE Colmena.',
      ),
    );
  });
});

describe('a changed `terms:` with the pseudo engine: dry run, check, and --retranslate', () => {
  const run = (folder: string, bin: 'translate' | 'readme-i18n', args: readonly string[]) =>
    runCliHere(bin, args, folder);

  it('counts, reports and then sends only the unit a new glossary word is in; --retranslate writes the new text', async () => {
    const folder = tempProject(fixture);
    write(folder, 'readme-i18n.config.yaml', 'languages: [es]\nengine: pseudo\nswitcher: false\n');
    expect((await run(folder, 'translate', [])).status).toBe(0);
    write(
      folder,
      'readme-i18n.config.yaml',
      'languages: [es]\nengine: pseudo\nswitcher: false\nglossary: [ship]\nterms:\n  Swarm: { es: Enjambre }\n',
    );
    const dry = await run(folder, 'translate', ['--dry-run']);
    expect(dry.stdout).toBe(
      'es: locales/README.es.md — would send 1 units (83 characters) in 1 requests; 9 from memory\n',
    );
    const check = await run(folder, 'readme-i18n', ['check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(
      'es: 3 of 12 units have no current translation; run `readme-i18n translate --lang es`\n' +
        '  line 7: Charts are deployed with Helm, and the helm of the ship is elsewhere.\n' +
        '  line 13: Swarm\n' +
        '  line 17: Swarm\n' +
        'es: locales/README.es.md does not match the translation memory (edited by hand, or the source changed); run `readme-i18n translate --lang es`\n',
    );
    const real = await run(folder, 'translate', ['--json']);
    expect(report(real.stdout)).toEqual({ unitsSent: 1, requests: 1, charsBilled: 0 });
    expectFile(expected('pseudo-enjambre.md'), read(folder, 'locales/README.es.md'));
    expect((await run(folder, 'readme-i18n', ['check'])).status).toBe(0);

    // Sent again, a unit takes the engine's new text, not the one it replaces.
    const identity = await run(folder, 'translate', ['--engine', 'identity', '--retranslate']);
    expect(identity.status).toBe(0);
    expectFile(expected('identity-enjambre.md'), read(folder, 'locales/README.es.md'));
  });

  it('writes a term’s translation in blocks made only of kept words too, without sending them', async () => {
    const folder = tempProject();
    write(
      folder,
      'README.md',
      '# Swarm\n\n![Swarm](swarm.png)\n\n[Swarm](swarm.md) · [the guide](guide.md)\n\n| Swarm | Docker |\n| --- | --- |\n| Swarm, Docker | yes |\n',
    );
    write(
      folder,
      'readme-i18n.config.yaml',
      'languages: [es, fr]\nengine: pseudo\nswitcher: false\nterms:\n  Swarm: { es: Enjambre }\n',
    );
    const result = await run(folder, 'translate', ['--json']);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n').map(report)).toEqual([
      { unitsSent: 2, requests: 1, charsBilled: 0 },
      { unitsSent: 2, requests: 1, charsBilled: 0 },
    ]);
    expect(read(folder, 'locales/README.es.md')).toBe(
      '# Enjambre\n\n![Enjambre](../swarm.png)\n\n[Enjambre](../swarm.md) · [ţĥé ĝúíðé···](../guide.md)\n\n| Enjambre | Docker |\n| --- | --- |\n| Enjambre, Docker | ýéš· |\n',
    );
    // A language without a translation of the term keeps it as written.
    expect(read(folder, 'locales/README.fr.md')).toBe(
      '# Swarm\n\n![Swarm](../swarm.png)\n\n[Swarm](../swarm.md) · [ţĥé ĝúíðé···](../guide.md)\n\n| Swarm | Docker |\n| --- | --- |\n| Swarm, Docker | ýéš· |\n',
    );
    expect((await run(folder, 'readme-i18n', ['check'])).status).toBe(0);
  });
});
