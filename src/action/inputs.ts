import { UsageError } from '../errors.js';
import { parseLanguageList } from '../language-tag.js';

export const commitModes = ['push', 'pull-request', 'none'] as const;
export type CommitMode = (typeof commitModes)[number];

export const stepChoices = ['all', 'translate', 'publish'] as const;
export type StepChoice = (typeof stepChoices)[number];

/**
 * The Action's inputs as given; `action.yml` documents them and states no defaults but the token's.
 * An input left empty is undefined here when the configuration file may set it instead (see
 * `action-settings.ts`, where those defaults are resolved).
 */
export interface ActionInputs {
  /** Target languages, e.g. `['fr', 'es']`. */
  readonly languages: string[] | undefined;
  /** Engine name. */
  readonly engine: string | undefined;
  /** DeepL API key (default: none: with engine `deepl`, translation is skipped with a notice). */
  readonly deeplKey: string;
  /** OpenAI (or compatible) API key, for engine `openai` (default: none). */
  readonly openaiKey: string;
  /** Root of an OpenAI-compatible API, for engine `openai` (default: OpenAI's). */
  readonly openaiBaseUrl: string | undefined;
  /** The model of engine `openai` (default: the configuration's `model`, else `OPENAI_MODEL`). */
  readonly model: string | undefined;
  /** Source Markdown file (default: the translate and render steps' own, `README.md`). */
  readonly source: string | undefined;
  /** Source language (default: the steps' own, `en`). */
  readonly sourceLanguage: string | undefined;
  /** Output pattern (default: the steps' own, `locales/README.{lang}.md` for `README.md`). */
  readonly output: string | undefined;
  /** What to render (`none` for nothing). */
  readonly render: { html: boolean; pdf: boolean } | undefined;
  /** Site folder. */
  readonly siteDir: string | undefined;
  /** What to do with changed files (default: `none`). */
  readonly commit: CommitMode;
  /** Branch of the pull request in `pull-request` mode (default: `readme-i18n/translations`). */
  readonly branch: string;
  /** Release tag. */
  readonly releaseTag: string | undefined;
  /** Leave the release a draft (default: the configuration's `release.draft`, else publish it). */
  readonly draft: boolean | undefined;
  /** Mark a release this run creates as a pre-release (default: false). */
  readonly prerelease: boolean | undefined;
  /** `true`, `false` or `legacy`, as GitHub's API takes it (default: GitHub's, `true`). */
  readonly makeLatest: 'true' | 'false' | 'legacy' | undefined;
  /** What a new tag points at (default: GitHub's, the default branch). */
  readonly targetCommitish: string | undefined;
  /** Which part of the work this run does (default: `all`). */
  readonly steps: StepChoice;
  /** Where `steps: translate` leaves its files and `steps: publish` takes them (default: `$RUNNER_TEMP/readme-i18n-handover`). */
  readonly handoverDir: string | undefined;
  /** Report what would be sent, rendered, released and committed; change nothing (default: false). */
  readonly dryRun: boolean;
  /** The Chrome or Chromium to print with (default: found, see render/find-browser.ts). */
  readonly chromePath: string | undefined;
  /** Install missing fonts and Apertium pairs with apt on a hosted runner (default: true). */
  readonly installMissing: boolean;
  readonly githubToken: string;
}

/** Reads `INPUT_<NAME>` as the runner sets them (upper case, spaces as underscores, hyphens kept). */
export function readActionInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const input = (name: string): string =>
    (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  const languages = input('languages')
    .split(/[\s,]+/)
    .filter((lang) => lang !== '');
  const render = input('render');
  const commit = oneOf('commit', input('commit') || 'none', commitModes);
  const makeLatest = input('make-latest');
  return {
    languages:
      languages.length > 0 ? parseLanguageList(languages.join(','), "the input 'languages'") : undefined,
    engine: input('engine') || undefined,
    deeplKey: input('deepl-key'),
    openaiKey: input('openai-key'),
    openaiBaseUrl: input('openai-base-url') || undefined,
    model: input('model') || undefined,
    source: input('source') || undefined,
    sourceLanguage: input('source-language') || undefined,
    output: input('output') || undefined,
    render: render === '' ? undefined : parseRender(render),
    siteDir: input('site-dir') || undefined,
    commit,
    branch: input('branch') || 'readme-i18n/translations',
    releaseTag: input('release-tag') || undefined,
    draft: parseBoolean('draft', input('draft')),
    prerelease: parseBoolean('prerelease', input('prerelease')),
    makeLatest:
      makeLatest === '' ? undefined : oneOf('make-latest', makeLatest, ['true', 'false', 'legacy'] as const),
    targetCommitish: input('target-commitish') || undefined,
    steps: oneOf('steps', input('steps') || 'all', stepChoices),
    handoverDir: input('handover-dir') || undefined,
    dryRun: parseBoolean('dry-run', input('dry-run')) ?? false,
    chromePath: input('chrome-path') || undefined,
    installMissing: parseBoolean('install-missing', input('install-missing')) ?? true,
    githubToken: input('github-token'),
  };
}

function oneOf<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`the input '${name}' must be one of ${choices.join(', ')}, not '${value}'`);
  }
  return value as T;
}

/** `true` or `false` as YAML 1.2 writes them (the runner passes inputs as strings); empty is unset. */
function parseBoolean(name: string, value: string): boolean | undefined {
  if (value === '') return undefined;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new UsageError(`the input '${name}' must be true or false, not '${value}'`);
}

function parseRender(value: string): { html: boolean; pdf: boolean } {
  const parts = value.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length === 1 && parts[0] === 'none') return { html: false, pdf: false };
  const unknown = parts.filter((part) => part !== 'html' && part !== 'pdf');
  if (unknown.length > 0) {
    throw new UsageError(`the input 'render' takes html, pdf, both (html,pdf) or none, not '${value}'`);
  }
  return { html: parts.includes('html'), pdf: parts.includes('pdf') };
}
