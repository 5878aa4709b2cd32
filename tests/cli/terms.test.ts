import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'cli-terms-list');
const namesOnly = join(fixturesRoot, 'cli-terms-blocks');

describe('readme-i18n terms', () => {
  it('lists each kept name with why and its first line, and writes nothing', async () => {
    const project = tempProject(fixture);
    const result = await runCliHere('readme-i18n', ['terms'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expectFile(join(fixture, 'expected', 'terms.txt'), result.stdout);
    expect(readdirSync(project).sort()).toEqual(['README.md', 'expected', 'readme-i18n.config.yaml']);
  });

  it('with --json prints one JSON line per name', async () => {
    const project = tempProject(fixture);
    const result = await runCliHere('readme-i18n', ['terms', '--json'], project);
    expect(result.status).toBe(0);
    expectFile(join(fixture, 'expected', 'terms.jsonl'), result.stdout);
  });

  it('follows --glossary as translate does', async () => {
    const project = tempProject(fixture);
    const result = await runCliHere('readme-i18n', ['terms', '--json', '--glossary', 'scripts'], project);
    expect(result.status).toBe(0);
    const names = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; reason: string });
    expect(names.find((kept) => kept.name === 'scripts')?.reason).toBe('glossary');
    expect(names.some((kept) => kept.name === 'nightly build')).toBe(false);
  });

  it('lists names in blocks made only of names, which are never sent: headings, cells, list items, alt text, bar links', async () => {
    const project = tempProject(namesOnly);
    const result = await runCliHere('readme-i18n', ['terms'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expectFile(join(namesOnly, 'expected', 'terms.txt'), result.stdout);
    const json = await runCliHere('readme-i18n', ['terms', '--json'], project);
    expect(json.status).toBe(0);
    expectFile(join(namesOnly, 'expected', 'terms.jsonl'), json.stdout);
  });
});
