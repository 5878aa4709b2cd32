import { UsageError } from '../errors.js';
import { normalizeLanguage } from '../language-tag.js';
import { shown } from '../shown-value.js';

export interface TranslateOptions {
  /** Folder that paths are relative to (default: the current folder). */
  readonly cwd?: string;
  /** Markdown files or globs to translate (default: `README.md`). */
  readonly sources?: readonly string[];
  /** The source language (default: `en`). */
  readonly from?: string;
  /** Target languages, at least one. */
  readonly langs: readonly string[];
  /** Engine name (default: DeepL when `DEEPL_AUTH_KEY` is set, else Apertium). */
  readonly engine?: string | undefined;
  /** The model, for the `openai` engine (default: `OPENAI_MODEL`; there is no built-in one). */
  readonly model?: string | undefined;
  /** Longest wait for one answer of the engine, in milliseconds (default: 60 000). */
  readonly timeoutMs?: number;
  /**
   * Output path pattern: `{lang}` the language, `{name}` the source's file name without `.md`, `{dir}`
   * its folder (default: `{dir}/locales/{name}.{lang}.md`, so `README.md` → `locales/README.fr.md`).
   */
  readonly out?: string;
  /** Formality per target language, where the engine supports it (default: none). */
  readonly formality?: Readonly<Record<string, 'default' | 'more' | 'less'>>;
  /** Whether outputs carry a language switcher (default: true). */
  readonly switcher?: boolean;
  /** Largest source accepted, in bytes (default: 5 MB). */
  readonly maxSizeBytes?: number;
  /** Requests in flight at once (default: 4). */
  readonly concurrency?: number;
  /** Terms never translated (default: none). */
  readonly glossary?: readonly string[];
  /** Terms with a fixed translation per target language: `{ 'pull request': { fr: 'demande de fusion' } }`. */
  readonly terms?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Top-level front-matter keys whose values are translated (default: none). */
  readonly frontMatter?: readonly string[];
  /** Translation memory path pattern, `{lang}` standing for the language (default: `locales/{lang}.po`). */
  readonly memory?: string;
  /** Drop memory entries the source no longer has, instead of keeping them obsolete (default: false). */
  readonly prune?: boolean;
  /**
   * Send again the units an engine translated: all of them (`true`), or only those of the engine so
   * named (`'apertium'`); a person's translation never (default: false).
   */
  readonly retranslate?: boolean | string;
  /** Count what would be sent, send and write nothing (default: false). */
  readonly dryRun?: boolean;
  /**
   * Allow sources, outputs and memories outside the repository (default: false: such a path, or one
   * whose symbolic links lead out of it, is refused). Never from a configuration file.
   */
  readonly allowOutsideRepo?: boolean;
}

export type ResolvedTranslateOptions = Required<Omit<TranslateOptions, 'engine' | 'model'>> &
  Pick<TranslateOptions, 'engine' | 'model'>;

export const defaultTimeoutMs = 60_000;

/** Where translations go unless told: `README.md` → `locales/README.fr.md`, `docs/usage.md` → `docs/locales/usage.fr.md`. */
export const defaultOutPattern = '{dir}/locales/{name}.{lang}.md';

export const defaultMaxSizeBytes = 5_000_000;

/**
 * Applies the defaults, stated here once, and checks what was given. `languagesRequired: false` is
 * for commands that only read the sources (`readme-i18n terms`).
 */
export function resolveTranslateOptions(
  options: TranslateOptions,
  { languagesRequired = true }: { readonly languagesRequired?: boolean } = {},
): ResolvedTranslateOptions {
  const out = options.out ?? defaultOutPattern;
  if (!out.includes('{lang}')) {
    throw new UsageError(
      `--out '${shown(out)}' must contain {lang}, for example --out 'locales/README.{lang}.md'`,
    );
  }
  const sources = options.sources?.length ? options.sources : ['README.md'];
  if ((sources.length > 1 || sources.some((source) => /[*?[{]/.test(source))) && !out.includes('{name}')) {
    throw new UsageError(
      `--out '${shown(out)}' must contain {name} when several files are translated, for example --out '{dir}/locales/{name}.{lang}.md'`,
    );
  }
  if (options.langs.length === 0 && languagesRequired) {
    throw new UsageError(
      'no target language: pass --lang (for example --lang fr,es), set README_I18N_LANGUAGES, ' +
        'or add `languages:` to readme-i18n.config.yaml (`readme-i18n init` writes one)',
    );
  }
  const memory = options.memory ?? 'locales/{lang}.po';
  if (!memory.includes('{lang}')) {
    throw new UsageError(
      `--memory '${shown(memory)}' must contain {lang}, for example --memory 'locales/{lang}.po'`,
    );
  }
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError(`--concurrency must be a whole number of at least 1, not ${concurrency}`);
  }
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 1000) {
    throw new UsageError(`--timeout takes a number of seconds of at least 1, not ${timeoutMs / 1000}`);
  }
  const maxSizeBytes = options.maxSizeBytes ?? defaultMaxSizeBytes;
  if (!Number.isFinite(maxSizeBytes) || maxSizeBytes <= 0)
    throw new UsageError(`--max-size must be a positive number of bytes`);
  const from = normalizeLanguage(options.from ?? 'en', '--from');
  const langs = options.langs.map((lang) => normalizeLanguage(lang));
  if (langs.includes(from)) {
    throw new UsageError(
      `--lang ${from} is the source language (--from ${from}): the source is already in it; ` +
        `leave ${from} out of --lang, or set --from to the language the source is written in`,
    );
  }
  return {
    cwd: options.cwd ?? process.cwd(),
    sources,
    from,
    langs,
    engine: options.engine,
    model: options.model,
    timeoutMs,
    out,
    switcher: options.switcher ?? true,
    maxSizeBytes,
    concurrency,
    glossary: options.glossary ?? [],
    terms: options.terms ?? {},
    formality: options.formality ?? {},
    frontMatter: options.frontMatter ?? [],
    memory,
    prune: options.prune ?? false,
    retranslate: options.retranslate ?? false,
    dryRun: options.dryRun ?? false,
    allowOutsideRepo: options.allowOutsideRepo ?? false,
  };
}
