import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionInputs } from '../../src/action/inputs.js';
import { runnerFor } from '../../src/action/workflow-commands.js';
import { UsageError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('readActionInputs', () => {
  it('leaves unset what the configuration file may set, and resolves the rest', () => {
    expect(readActionInputs({ INPUT_LANGUAGES: ' fr, ES\nde ' })).toEqual({
      languages: ['fr', 'es', 'de'],
      engine: undefined,
      deeplKey: '',
      openaiKey: '',
      openaiBaseUrl: undefined,
      model: undefined,
      source: undefined,
      sourceLanguage: undefined,
      output: undefined,
      render: undefined,
      siteDir: undefined,
      commit: 'none',
      branch: 'readme-i18n/translations',
      releaseTag: undefined,
      draft: undefined,
      prerelease: undefined,
      makeLatest: undefined,
      targetCommitish: undefined,
      steps: 'all',
      handoverDir: undefined,
      dryRun: false,
      chromePath: undefined,
      installMissing: true,
      githubToken: '',
    });
    expect(readActionInputs({}).languages).toBeUndefined();
  });

  it('reads hyphenated names as the runner sets them', () => {
    const inputs = readActionInputs({
      INPUT_LANGUAGES: 'fr',
      'INPUT_DEEPL-KEY': 'k',
      'INPUT_RELEASE-TAG': 'v1',
      'INPUT_GITHUB-TOKEN': 't',
      INPUT_RENDER: 'none',
      INPUT_COMMIT: 'pull-request',
    });
    expect(inputs).toMatchObject({
      deeplKey: 'k',
      releaseTag: 'v1',
      githubToken: 't',
      render: { html: false, pdf: false },
      commit: 'pull-request',
    });
    expect(readActionInputs({ INPUT_LANGUAGES: 'fr', INPUT_RENDER: 'pdf' }).render).toEqual({
      html: false,
      pdf: true,
    });
  });

  it.each([
    [
      { INPUT_LANGUAGES: 'fr', INPUT_COMMIT: 'force' },
      "the input 'commit' must be one of push, pull-request, none, not 'force'",
    ],
    [{ INPUT_STEPS: 'render' }, "the input 'steps' must be one of all, translate, publish, not 'render'"],
    [{ 'INPUT_DRY-RUN': 'yes' }, "the input 'dry-run' must be true or false, not 'yes'"],
    [
      { 'INPUT_MAKE-LATEST': 'maybe' },
      "the input 'make-latest' must be one of true, false, legacy, not 'maybe'",
    ],
    [
      { INPUT_LANGUAGES: 'fr', INPUT_RENDER: 'html,epub' },
      "the input 'render' takes html, pdf, both (html,pdf) or none, not 'html,epub'",
    ],
  ])('refuses %o', (env, message) => {
    expect(() => readActionInputs(env)).toThrow(new UsageError(message));
  });
});

describe('runnerFor', () => {
  it('writes outputs and the summary to the runner files, and annotations escaped', async () => {
    const folder = tempDir('readme-i18n-runner-');
    let written = '';
    const runner = runnerFor(
      { GITHUB_OUTPUT: join(folder, 'out'), GITHUB_STEP_SUMMARY: join(folder, 'summary') },
      (text) => {
        written += text;
      },
    );
    await runner.setOutput('changed-files', 'a.md\nb.md');
    await runner.appendSummary('## hi\n');
    runner.notice('50% done\nnext');
    const output = await readFile(join(folder, 'out'), 'utf8');
    expect(output).toMatch(/^changed-files<<(readme-i18n-[0-9a-f]{16})\na\.md\nb\.md\n\1\n$/);
    expect(await readFile(join(folder, 'summary'), 'utf8')).toBe('## hi\n');
    expect(written).toBe('::notice title=readme-i18n::50%25 done%0Anext\n');
  });
});
