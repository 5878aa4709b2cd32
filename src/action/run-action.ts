import { relative, sep } from 'node:path';
import { ReadmeI18nError, UsageError } from '../errors.js';
import type { LanguageReport } from '../pipeline/translate.js';
import { resolveTranslateOptions } from '../pipeline/translate-options.js';
import { createGitHubClient, type GitHubClient } from '../publish/github-client.js';
import { gitHubTargetFromEnv, type GitHubTarget } from '../publish/github-env.js';
import { explainRequestError } from '../publish/explain-request-error.js';
import { jobSummary } from '../publish/job-summary.js';
import { publishRelease } from '../publish/publish-release.js';
import { repositoryBlobUrl } from '../render/repository-links.js';
import { actionSettings, type ActionSettings } from './action-settings.js';
import { CommitStep } from './commit-step.js';
import { gitEnvWithToken } from './git.js';
import { defaultHandoverDir, handOver, languageFiles, takeOver } from './handover.js';
import { readActionInputs, type ActionInputs } from './inputs.js';
import { renderStep, translateStep, type RenderedSite, type TranslatedLanguage } from './pipeline-steps.js';
import { checkRunner } from './runner-checks.js';
import { runnerFor, type Runner } from './workflow-commands.js';

export interface ActionContext {
  /** The runner's environment: `INPUT_*`, `GITHUB_*`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The checked-out repository (default: the current folder). */
  readonly cwd?: string;
  /** Where annotations and local-run output go (default: standard output). */
  readonly write?: (text: string) => void;
  /** A ready GitHub client (default: one made from the token and `GITHUB_API_URL`). */
  readonly client?: GitHubClient;
}

export interface ActionResult {
  readonly changedFiles: string[];
  readonly releaseUrl: string | undefined;
  readonly pullRequestUrl: string | undefined;
  /** Why translation was skipped, if it was. */
  readonly skipped: string | undefined;
}

/** What a run found out, for the outputs and the job summary, whether it finished or not. */
interface RunState {
  languages: TranslatedLanguage[];
  releaseUrl: string | undefined;
  skipped: string | undefined;
  handedOver: string[];
  handoverDir: string | undefined;
}

/**
 * Translate, save the translations and memories (commit, or hand over to the publish job), render,
 * release, save the site; then the outputs and the job summary, also when a step failed. What was
 * paid for is saved before anything that may fail after it, and again if translation itself fails
 * half-way, so that the next run sends nothing twice.
 */
export async function runAction(context: ActionContext): Promise<ActionResult> {
  const cwd = context.cwd ?? process.cwd();
  const runner = runnerFor(context.env, context.write);
  const inputs = readActionInputs(context.env);
  const settings = await actionSettings(cwd, inputs, context.env);
  if (inputs.steps === 'translate' && inputs.commit !== 'none') {
    throw new UsageError(
      `steps: translate hands its files to the publish job (output handover-dir) and commits nothing; ` +
        `set commit: ${inputs.commit} on the job with steps: publish`,
    );
  }
  let target: GitHubTarget | undefined;
  let client = context.client;
  const github = (): { target: GitHubTarget; client: GitHubClient } => {
    target ??= gitHubTargetFromEnv({ ...context.env, GITHUB_TOKEN: inputs.githubToken });
    client ??= createGitHubClient({ token: target.token, apiUrl: target.apiUrl, warn: runner.notice });
    return { target, client };
  };
  const serverUrl = (context.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const committer = new CommitStep({
    cwd,
    mode: inputs.commit,
    branch: inputs.branch,
    token: inputs.githubToken,
    gitEnv: gitEnvWithToken(inputs.githubToken, serverUrl),
    github: () => {
      const made = github();
      return { client: made.client, owner: made.target.owner, repo: made.target.repo };
    },
    dryRun: inputs.dryRun,
  });
  const state: RunState = {
    languages: [],
    releaseUrl: undefined,
    skipped: skipReason(settings.translate.engine, inputs),
    handedOver: [],
    handoverDir: undefined,
  };
  let failure: unknown;
  try {
    await runSteps({ env: context.env, cwd, runner, inputs, settings, committer, state, github });
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    const files = [...new Set([...committer.files, ...state.handedOver])].sort();
    await runner.setOutput('changed-files', files.join('\n'));
    await runner.setOutput('release-url', state.releaseUrl ?? '');
    await runner.setOutput('pull-request-url', committer.url ?? '');
    await runner.setOutput('handover-dir', state.handoverDir ?? '');
    await runner.setOutput(
      'units-sent',
      String(state.languages.reduce((sum, language) => sum + language.translated, 0)),
    );
    await runner.appendSummary(
      jobSummary({
        languages: state.languages,
        releaseUrl: state.releaseUrl,
        pullRequestUrl: committer.url,
        skipped: state.skipped,
        fileBase: fileBase(context.env),
        failure: failure === undefined ? undefined : messageOf(failure, context.env),
        dryRun: inputs.dryRun,
      }),
    );
  }
  return {
    changedFiles: [...new Set([...committer.files, ...state.handedOver])].sort(),
    releaseUrl: state.releaseUrl,
    pullRequestUrl: committer.url,
    skipped: state.skipped,
  };
}

interface StepContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly runner: Runner;
  readonly inputs: ActionInputs;
  readonly settings: ActionSettings;
  readonly committer: CommitStep;
  readonly state: RunState;
  readonly github: () => { target: GitHubTarget; client: GitHubClient };
}

async function runSteps(step: StepContext): Promise<void> {
  const { cwd, runner, inputs, settings, committer, state } = step;
  const resolved = resolveTranslateOptions(settings.translate);
  const translating = state.skipped === undefined;
  const publishing = inputs.steps !== 'translate';
  const rendering = publishing && (settings.render.html || settings.render.pdf) && !inputs.dryRun;
  const ownFiles = async (): Promise<string[]> =>
    (await Promise.all(resolved.langs.map((lang) => languageFiles(resolved, lang)))).flat();

  if (inputs.steps === 'publish') {
    const dir = inputs.handoverDir ?? defaultHandoverDir(step.env, cwd);
    await runner.group('Take over the translate jobs’ files', async () => {
      const { taken, ignored } = await takeOver(cwd, dir, new Set(await ownFiles()));
      runner.log(taken.length === 0 ? `nothing handed over in ${dir}` : `from ${dir}: ${taken.join(', ')}`);
      for (const file of ignored) {
        runner.warning(
          `ignored ${file} in the handover: it is no translation or memory of the languages configured`,
        );
      }
    });
  }

  await runner.group('Check the runner', async () => {
    const pdfLangs = rendering && settings.render.pdf ? [resolved.from, ...resolved.langs] : [];
    await checkRunner(
      {
        pdfLangs,
        apertium:
          translating && settings.translate.engine === 'apertium'
            ? { from: resolved.from, langs: resolved.langs }
            : undefined,
        browser: pdfLangs.length > 0 ? { explicit: inputs.chromePath } : undefined,
      },
      { install: inputs.installMissing, env: step.env, runner },
    );
    runner.log('fonts, Apertium pairs and browser: all there');
  });

  if (translating) {
    let translateFailure: unknown;
    try {
      await runner.group(inputs.dryRun ? 'Translate (dry run: nothing sent)' : 'Translate', async () => {
        // The engines read the key from the environment; the runner masks it as a secret.
        if (settings.translate.engine === 'deepl') process.env.DEEPL_AUTH_KEY = inputs.deeplKey;
        if (settings.translate.engine === 'openai') {
          if (inputs.openaiKey !== '') process.env.OPENAI_API_KEY = inputs.openaiKey;
          if (inputs.openaiBaseUrl !== undefined) process.env.OPENAI_BASE_URL = inputs.openaiBaseUrl;
        }
        state.languages = await translateStep(
          { ...settings, translate: { ...settings.translate, dryRun: inputs.dryRun } },
          (report) => annotateReport(runner, report),
        );
      });
    } catch (error) {
      translateFailure = error;
    }
    // A refused path or setting (exit 2) stops before anything is sent: there is nothing to keep,
    // and the files it names are not to be committed or handed over.
    if (translateFailure instanceof ReadmeI18nError && translateFailure.exitCode === 2)
      throw translateFailure;
    // Whatever was paid for, also before a failure (the memory records each batch), is kept.
    if (inputs.steps !== 'translate') {
      await runner
        .group('Save the translations and memories', async () => {
          await committer.save(await ownFiles(), pullRequestBody(state.languages));
        })
        .catch((error: unknown) => {
          if (translateFailure === undefined) throw error;
          runner.warning(`the translations done so far could not be saved: ${messageOf(error, step.env)}`);
        });
    }
    // A matrix job hands over what it paid for, also when it failed half-way.
    if (inputs.steps === 'translate') await handOverFiles(step, await ownFiles());
    if (translateFailure !== undefined) throw translateFailure;
  } else {
    runner.notice(`translation skipped: ${state.skipped}`);
  }
  if (inputs.steps === 'translate') return;

  let site: RenderedSite | undefined;
  if (rendering) {
    site = await runner.group('Render', async () => {
      const rendered = await renderStep(cwd, settings, {
        executablePath: inputs.chromePath,
        repositoryUrl: fileBase(step.env),
      });
      annotateRender(runner, rendered, settings, cwd);
      return rendered;
    });
    state.languages = state.languages.map((language) => ({
      ...language,
      pdf: site?.pdfsByLang.get(language.lang)?.[0]?.split('/').pop(),
      pdfs: site?.pdfsByLang.get(language.lang)?.map((pdf) => pdf.split('/').pop() ?? pdf),
    }));
  }

  let releaseFailure: unknown;
  if (settings.releaseTag !== undefined) {
    const tag = settings.releaseTag;
    await runner
      .group(inputs.dryRun ? `Release ${tag} (dry run)` : `Release ${tag}`, async () => {
        const { target, client } = step.github();
        const report = await publishRelease({
          target,
          client,
          cwd,
          tag,
          assets: site !== undefined && site.pdfs.length > 0 ? [...site.pdfs] : [settings.releaseAssets],
          draft: settings.draft,
          prerelease: settings.release.prerelease,
          makeLatest: settings.release.makeLatest,
          targetCommitish: settings.release.targetCommitish,
          dryRun: inputs.dryRun,
          languages: state.languages.length > 0 ? state.languages : undefined,
        });
        state.releaseUrl = report.url;
        runner.log(
          `release ${report.release}; uploaded ${report.uploaded.length + report.replaced.length}, unchanged ${report.unchanged.length}`,
        );
      })
      .catch((error: unknown) => {
        releaseFailure = error;
      });
  }

  // The site is saved even when the release failed: it was rendered, and the next run keeps it.
  if (site !== undefined) {
    await runner.group('Save the site', async () => {
      await committer.save([settings.render.siteDir], pullRequestBody(state.languages));
    });
  }
  if (releaseFailure !== undefined) throw releaseFailure;
}

async function handOverFiles(step: StepContext, files: readonly string[]): Promise<void> {
  const { inputs, cwd, state, runner } = step;
  const dir = inputs.handoverDir ?? defaultHandoverDir(step.env, cwd);
  state.handoverDir = dir;
  await runner.group('Hand over to the publish job', async () => {
    state.handedOver = inputs.dryRun ? [] : await handOver(cwd, files, dir);
    runner.log(`copied to ${dir}: ${state.handedOver.join(', ') || 'nothing'}`);
  });
}

/** Each unit kept in the source language and each problem met, as an annotation on its file and line. */
function annotateReport(runner: Runner, report: LanguageReport): void {
  for (const kept of report.kept) {
    runner.warning(`${report.lang}: kept its source text: ${kept.reason}`, {
      file: report.source,
      line: kept.line,
    });
  }
  for (const warning of report.warnings)
    runner.warning(`${report.lang}: ${warning}`, { file: report.file, line: 1 });
}

function annotateRender(runner: Runner, rendered: RenderedSite, settings: ActionSettings, cwd: string): void {
  const source = settings.render.sources[0]?.source ?? 'README.md';
  for (const image of rendered.report.missingImages) {
    runner.warning(`image ${image} is missing: the pages show its alt text`, { file: source, line: 1 });
  }
  for (const page of rendered.report.pages) {
    for (const refused of page.refused) {
      runner.warning(
        `${page.lang}: the PDF's request for ${refused} was refused (remote files need render.allowRemote: true)`,
        { file: relative(cwd, page.source).split(sep).join('/'), line: 1 },
      );
    }
  }
  if (rendered.report.diagramsAsSource > 0) {
    runner.warning(
      `${rendered.report.diagramsAsSource} Mermaid diagram(s) left as source: no browser drew them`,
      {
        file: source,
        line: 1,
      },
    );
  }
}

/** Runs the Action and turns a failure into an error annotation; resolves to the exit code. */
export async function runActionMain(context: ActionContext): Promise<number> {
  try {
    await runAction(context);
    return 0;
  } catch (caught) {
    const error = explainRequestError(caught, context.env.GITHUB_REPOSITORY ?? 'this repository');
    runnerFor(context.env, context.write).error(messageOf(error, context.env));
    return error instanceof ReadmeI18nError ? error.exitCode : 1;
  }
}

function messageOf(caught: unknown, env: Readonly<Record<string, string | undefined>>): string {
  const error = explainRequestError(caught, env.GITHUB_REPOSITORY ?? 'this repository');
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof ReadmeI18nError
    ? message
    : `unexpected error: ${error instanceof Error ? (error.stack ?? message) : message}`;
}

function skipReason(engine: string | undefined, inputs: ActionInputs): string | undefined {
  if (engine === 'deepl' && inputs.deeplKey === '') {
    return (
      'no DeepL key (a run from a fork, or the secret is not set). To translate, pass it from a secret: ' +
      '`deepl-key: ${{ secrets.DEEPL_AUTH_KEY }}`'
    );
  }
  // A key is needed unless another OpenAI-compatible server (Ollama, llama.cpp) is named.
  if (engine === 'openai' && inputs.openaiKey === '' && inputs.openaiBaseUrl === undefined) {
    return (
      'no OpenAI key (a run from a fork, or the secret is not set). To translate, pass it from a secret: ' +
      '`openai-key: ${{ secrets.OPENAI_API_KEY }}`'
    );
  }
  return undefined;
}

function pullRequestBody(languages: readonly TranslatedLanguage[]): string {
  const rows = languages.map(
    (language) =>
      `| ${language.lang} | ${language.units} | ${language.translated} | ${language.keptSource} |`,
  );
  return [
    'Translations updated by readme-i18n.',
    '',
    '| Language | Units | Sent to the engine | Kept in the source language |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

function fileBase(env: Readonly<Record<string, string | undefined>>): string | undefined {
  // The branch, not the commit: the translations are committed after this run's commit.
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = env;
  const ref = env.GITHUB_REF_NAME || env.GITHUB_SHA;
  if (!server || !repository || !ref) return undefined;
  return repositoryBlobUrl(`${server.replace(/\/+$/, '')}/${repository}`, ref);
}
