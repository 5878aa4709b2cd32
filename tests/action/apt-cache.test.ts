import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { aptArchiveDir, aptCommands } from '../../src/action/runner-checks.js';
import { workflowTemplate } from '../../src/config/init-templates.js';

type Step = { uses?: string; run?: string; with?: Record<string, string> };
const stepsOf = (text: string): Step[] =>
  Object.values((parse(text) as { jobs: Record<string, { steps: Step[] }> }).jobs).flatMap(
    (job) => job.steps,
  );

describe('apt packages cached between runs', () => {
  it('installs into the folder of the home that the cache step keeps, updating the lists only when needed', () => {
    const archives = aptArchiveDir({ HOME: '/home/runner' });
    expect(archives).toBe('/home/runner/.cache/readme-i18n/apt');
    expect(aptCommands(['fonts-noto-cjk', 'fonts-noto-core'], archives)).toEqual({
      install: [
        'apt-get',
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        '-o',
        'Dir::Cache::Archives=/home/runner/.cache/readme-i18n/apt',
        '-o',
        'APT::Keep-Downloaded-Packages=true',
        'fonts-noto-cjk',
        'fonts-noto-core',
      ],
      update: ['apt-get', 'update', '-qq'],
    });
  });

  it.each(['deepl', 'apertium'] as const)(
    'the workflow init writes (%s) restores and saves that folder before anything installs into it',
    (engine) => {
      const steps = stepsOf(
        workflowTemplate({
          source: 'README.md',
          langs: ['es', 'ja'],
          engine,
          branch: 'main',
          apertiumPackages: ['apertium-eng-spa'],
        }),
      );
      const cache = steps.findIndex((step) => step.uses?.startsWith('actions/cache@'));
      expect(steps[cache]?.with).toEqual({
        path: '~/.cache/readme-i18n/apt',
        key: "readme-i18n-apt-${{ runner.os }}-${{ hashFiles('.github/workflows/readme-i18n.yml', 'readme-i18n.config.yaml') }}",
        'restore-keys': 'readme-i18n-apt-${{ runner.os }}-',
      });
      // The cached folder is the Action's, under the runner's home.
      expect(aptArchiveDir({ HOME: '~' })).toBe(steps[cache]?.with?.path);
      const installs = steps.findIndex(
        (step) => step.run?.includes('apt-get install') || step.uses?.startsWith('readme-i18n/'),
      );
      expect(cache).toBeLessThan(installs);
      const apertium = steps.find((step) => step.run?.includes('apt-get install'));
      if (engine === 'apertium') expect(apertium?.run).toContain('-o Dir::Cache::Archives="$archives"');
      else expect(apertium).toBeUndefined();
    },
  );

  it("is in the repository's own workflow that runs the Action with a CJK language", () => {
    const ci = readFileSync(join(import.meta.dirname, '..', '..', '.github/workflows/ci.yml'), 'utf8');
    const steps = (parse(ci) as { jobs: { action: { steps: Step[] } } }).jobs.action.steps;
    const cache = steps.findIndex((step) => step.uses?.startsWith('actions/cache@'));
    expect(steps[cache]?.with?.path).toBe('~/.cache/readme-i18n/apt');
    expect(cache).toBeLessThan(steps.findIndex((step) => step.uses === './'));
  });
});
