import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixturesRoot } from '../helpers/fixtures.js';
import { workflowViolations } from './workflow-rules.js';

const root = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>;
};

describe.each(['basic', 'inferred'])('the workflow `readme-i18n init` writes (%s)', (name) => {
  const text = readFileSync(join(fixturesRoot, 'config-init', name, 'expected', 'readme-i18n.yml'), 'utf8');
  const workflow = parse(text) as {
    jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
  };
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((candidate) => candidate.uses?.startsWith('readme-i18n/'));

  it('gives the Action only inputs it declares, and every required one', () => {
    const given = Object.keys(step?.with ?? {});
    expect(given.filter((input) => !(input in action.inputs))).toEqual([]);
    const required = Object.entries(action.inputs)
      .filter(([, input]) => input.required === true)
      .map(([input]) => input);
    expect(required.filter((input) => !given.includes(input))).toEqual([]);
  });

  it('follows the house rules for workflows', () => {
    // The Action's own reference is a placeholder tag until it is published.
    expect(
      workflowViolations(text).filter((violation) => !violation.includes('readme-i18n/readme-i18n@v1')),
    ).toEqual([]);
  });
});
