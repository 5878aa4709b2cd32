import { ReadmeI18nError } from '../errors.js';
import { createGitHubClient, type GitHubClient } from '../publish/github-client.js';
import { gitHubTargetFromEnv, type GitHubTarget } from '../publish/github-env.js';
import { explainRequestError } from '../publish/explain-request-error.js';
import { jobSummary } from '../publish/job-summary.js';
import { publishRelease } from '../publish/publish-release.js';
import { changedFiles } from './changed-files.js';
import { actionSettings } from './action-settings.js';
import { readActionInputs } from './inputs.js';
import { openPullRequest } from './open-pull-request.js';
import { ownedPaths, renderStep, translateStep, type TranslatedLanguage } from './pipeline-steps.js';
import { pushCommit } from './push-commit.js';
import { runnerFor } from './workflow-commands.js';

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

/** Translate, render, release, commit; then the outputs and the job summary. */
export async function runAction(context: ActionContext): Promise<ActionResult> {
  const cwd = context.cwd ?? process.cwd();
  const runner = runnerFor(context.env, context.write);
  const inputs = readActionInputs(context.env);
  const settings = await actionSettings(cwd, inputs, context.env);
  const skipped = skipReason(settings.translate.engine, inputs.deeplKey);
  let languages: TranslatedLanguage[] = [];
  if (skipped === undefined) {
    // The engines read the key from the environment; the runner masks it as a secret.
    if (settings.translate.engine === 'deepl') process.env.DEEPL_AUTH_KEY = inputs.deeplKey;
    languages = await translateStep(settings);
  } else {
    runner.notice(`translation skipped: ${skipped}`);
  }
  const site =
    settings.render.html || settings.render.pdf
      ? await renderStep(cwd, settings)
      : { pdfs: new Map<string, string>() };
  languages = languages.map((language) => ({
    ...language,
    pdf: site.pdfs.get(language.lang)?.split('/').pop(),
  }));

  let target: GitHubTarget | undefined;
  let client = context.client;
  const github = (): { target: GitHubTarget; client: GitHubClient } => {
    target ??= gitHubTargetFromEnv({ ...context.env, GITHUB_TOKEN: inputs.githubToken });
    client ??= createGitHubClient({ token: target.token, apiUrl: target.apiUrl, warn: runner.notice });
    return { target, client };
  };

  let releaseUrl: string | undefined;
  if (settings.releaseTag !== undefined) {
    const { target: releaseTarget, client: releaseClient } = github();
    const report = await publishRelease({
      target: releaseTarget,
      client: releaseClient,
      cwd,
      tag: settings.releaseTag,
      assets: site.pdfs.size > 0 ? [...site.pdfs.values()] : [settings.releaseAssets],
      draft: settings.draft,
      languages: languages.length > 0 ? languages : undefined,
    });
    releaseUrl = report.url;
  }

  const files = await changedFiles(cwd, ownedPaths(settings, languages));
  let pullRequestUrl: string | undefined;
  if (files.length > 0 && inputs.commit === 'push') {
    await pushCommit(cwd, files, inputs.githubToken);
  } else if (files.length > 0 && inputs.commit === 'pull-request') {
    const { target: prTarget, client: prClient } = github();
    pullRequestUrl = await openPullRequest({
      cwd,
      files,
      client: prClient,
      owner: prTarget.owner,
      repo: prTarget.repo,
      branch: inputs.branch,
      token: inputs.githubToken,
      title: 'Update README translations',
      body: pullRequestBody(languages),
    });
  }

  await runner.setOutput('changed-files', files.join('\n'));
  await runner.setOutput('release-url', releaseUrl ?? '');
  await runner.setOutput('pull-request-url', pullRequestUrl ?? '');
  await runner.appendSummary(
    jobSummary({ languages, releaseUrl, pullRequestUrl, skipped, fileBase: fileBase(context.env) }),
  );
  return { changedFiles: files, releaseUrl, pullRequestUrl, skipped };
}

/** Runs the Action and turns a failure into an error annotation; resolves to the exit code. */
export async function runActionMain(context: ActionContext): Promise<number> {
  try {
    await runAction(context);
    return 0;
  } catch (caught) {
    const error = explainRequestError(caught, context.env.GITHUB_REPOSITORY ?? 'this repository');
    const message = error instanceof Error ? error.message : String(error);
    runnerFor(context.env, context.write).error(
      error instanceof ReadmeI18nError
        ? message
        : `unexpected error: ${error instanceof Error ? (error.stack ?? message) : message}`,
    );
    return error instanceof ReadmeI18nError ? error.exitCode : 1;
  }
}

function skipReason(engine: string | undefined, deeplKey: string): string | undefined {
  if (engine !== 'deepl' || deeplKey !== '') return undefined;
  return (
    'no DeepL key (a run from a fork, or the secret is not set). To translate, pass it from a secret: ' +
    '`deepl-key: ${{ secrets.DEEPL_AUTH_KEY }}`'
  );
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
  return `${server}/${repository}/blob/${ref}`;
}
