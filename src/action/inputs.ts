import { UsageError } from '../errors.js';
import { parseLanguageList } from '../language-tag.js';

export const commitModes = ['push', 'pull-request', 'none'] as const;
export type CommitMode = (typeof commitModes)[number];

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
  const commit = input('commit') || 'none';
  if (!(commitModes as readonly string[]).includes(commit)) {
    throw new UsageError(`the input 'commit' must be one of ${commitModes.join(', ')}, not '${commit}'`);
  }
  return {
    languages:
      languages.length > 0 ? parseLanguageList(languages.join(','), "the input 'languages'") : undefined,
    engine: input('engine') || undefined,
    deeplKey: input('deepl-key'),
    source: input('source') || undefined,
    sourceLanguage: input('source-language') || undefined,
    output: input('output') || undefined,
    render: render === '' ? undefined : parseRender(render),
    siteDir: input('site-dir') || undefined,
    commit: commit as CommitMode,
    branch: input('branch') || 'readme-i18n/translations',
    releaseTag: input('release-tag') || undefined,
    githubToken: input('github-token'),
  };
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
