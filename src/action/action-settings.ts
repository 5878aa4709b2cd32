import { loadSettings } from '../config/load-settings.js';
import { renderSourcesOf, translateOptionsOf } from '../config/step-options.js';
import { UsageError } from '../errors.js';
import type { TranslateOptions } from '../pipeline/translate-options.js';
import type { ActionInputs } from './inputs.js';

/** What one run of the Action does, its inputs over the repository's configuration file. */
export interface ActionSettings {
  /** The options of the translate step (the pipeline applies its own defaults under them). */
  readonly translate: TranslateOptions;
  readonly render: {
    readonly html: boolean;
    readonly pdf: boolean;
    /** Site folder, relative to the repository (default: `docs`). */
    readonly siteDir: string;
    readonly allowRemote: boolean | undefined;
    /** Every source translated, with where its translations are: one page per source and language. */
    readonly sources: ReadonlyArray<{ readonly source: string; readonly pattern: string }>;
    readonly sourceLang: string | undefined;
  };
  /** Release tag, or undefined for no release. */
  readonly releaseTag: string | undefined;
  readonly release: {
    readonly prerelease: boolean | undefined;
    readonly makeLatest: 'true' | 'false' | 'legacy' | undefined;
    readonly targetCommitish: string | undefined;
  };
  /** PDFs attached to the release when none was rendered in this run (default: `<site>/pdf/*.pdf`). */
  readonly releaseAssets: string;
  readonly draft: boolean | undefined;
}

/**
 * Each setting from the input when it is given, else from `readme-i18n.config.*` (and the
 * `README_I18N_*` variables), else the Action's default: engine `deepl`, render `html,pdf`, site
 * `docs`, no release. Languages must come from one or the other.
 */
export async function actionSettings(
  cwd: string,
  inputs: ActionInputs,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ActionSettings> {
  const { settings, file } = await loadSettings(
    cwd,
    {
      langs: inputs.languages,
      sources: inputs.source === undefined ? undefined : [inputs.source],
      from: inputs.sourceLanguage,
      engine: inputs.engine,
      out: inputs.output,
    },
    env,
  );
  if ((settings.langs ?? []).length === 0) {
    throw new UsageError(
      "no languages to translate into: set the input 'languages', e.g.\n  with:\n    languages: fr,es\n" +
        `or \`languages: [fr, es]\` in ${file ?? 'readme-i18n.config.yml'}`,
    );
  }
  const render = settings.render ?? {};
  const chosen = inputs.render ?? { html: render.html ?? true, pdf: render.pdf ?? true };
  const siteDir = inputs.siteDir ?? render.out ?? 'docs';
  return {
    translate: {
      ...translateOptionsOf(settings),
      cwd,
      engine: settings.engine ?? 'deepl',
      ...(inputs.model === undefined ? {} : { model: inputs.model }),
      // The published translations link to each other unless the configuration says otherwise.
      switcher: settings.switcher ?? true,
    },
    render: {
      html: chosen.html,
      pdf: chosen.pdf,
      siteDir,
      allowRemote: render.allowRemote,
      sources: await renderSourcesOf(cwd, settings),
      sourceLang: settings.from,
    },
    releaseTag: inputs.releaseTag ?? settings.release?.tag,
    release: {
      prerelease: inputs.prerelease,
      makeLatest: inputs.makeLatest,
      targetCommitish: inputs.targetCommitish,
    },
    releaseAssets: settings.release?.assets ?? `${siteDir}/pdf/*.pdf`,
    // The Action publishes what it drafted unless told to leave it a draft.
    draft: inputs.draft ?? settings.release?.draft ?? false,
  };
}
