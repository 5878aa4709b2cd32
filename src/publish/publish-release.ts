import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { UsageError } from '../errors.js';
import { findRepository, repositoryPath } from '../repository-paths.js';
import { shown } from '../shown-value.js';
import { explainRequestError } from './explain-request-error.js';
import { ensureRelease, finishRelease, type ReleaseAction } from './ensure-release.js';
import { createGitHubClient, type GitHubClient } from './github-client.js';
import type { GitHubTarget } from './github-env.js';
import { releaseNotes, type LanguageStatus } from './release-notes.js';
import { syncAssets, type AssetChanges, type AssetFile } from './sync-assets.js';

export interface PublishReleaseOptions {
  readonly target: GitHubTarget;
  /** The release's tag, e.g. `v1.2.0`. */
  readonly tag: string;
  /** Glob patterns of files to attach, relative to `cwd` (default: `['docs/pdf/*.pdf']`). */
  readonly assets?: readonly string[];
  /** Folder the patterns are relative to (default: the process's). */
  readonly cwd?: string;
  /**
   * true: leave the release a draft; false: publish it, an earlier draft too (default: a release
   * created now is published once its assets are attached, an earlier draft stays one). A release
   * is always created as a draft first: an immutable release takes no assets once published.
   */
  readonly draft?: boolean | undefined;
  /** Mark a release created now as a pre-release (default: false). */
  readonly prerelease?: boolean | undefined;
  /** Whether the release published now becomes the latest: `true`, `false`, `legacy` (default: GitHub's). */
  readonly makeLatest?: 'true' | 'false' | 'legacy' | undefined;
  /** What a tag created now points at: a branch or a commit (default: GitHub's, the default branch). */
  readonly targetCommitish?: string | undefined;
  /** Look and report, change nothing (default: false). */
  readonly dryRun?: boolean;
  /** Completeness of each language for the notes (default: languages read from the PDF names). */
  readonly languages?: readonly LanguageStatus[];
  /** A ready client, e.g. with test settings (default: one made from `target`). */
  readonly client?: GitHubClient;
  /** Allow assets outside the repository (default: false: refused, symbolic links followed). */
  readonly allowOutsideRepo?: boolean | undefined;
}

export interface PublishReport extends AssetChanges {
  readonly tag: string;
  /** The release's web page; undefined in a dry run that would create it. */
  readonly url: string | undefined;
  readonly release: ReleaseAction;
  readonly dryRun: boolean;
}

/** What a release would attach, found without asking GitHub: the tag and the assets' names. */
export interface OfflineReleasePlan {
  readonly tag: string;
  /** Names of the assets, as they would be attached. */
  readonly assets: string[];
}

/**
 * The tag checked and the assets found and checked, as `publishRelease` would, with no request to
 * GitHub: for a dry run without a token, which cannot tell what the release already holds.
 */
export async function planRelease(
  options: Pick<PublishReleaseOptions, 'tag' | 'assets' | 'cwd' | 'allowOutsideRepo'>,
): Promise<OfflineReleasePlan> {
  checkTag(options.tag);
  const files = await readAssetFiles(
    options.cwd ?? process.cwd(),
    options.assets ?? ['docs/pdf/*.pdf'],
    options.allowOutsideRepo,
  );
  return { tag: options.tag, assets: files.map((file) => file.name) };
}

function checkTag(tag: string): void {
  if (!/^[^\s~^:?*[\\]+$/.test(tag)) {
    throw new UsageError(`'${shown(tag)}' is not a valid tag name; give one such as --tag v1.2.0`);
  }
}

/** Creates or updates the release for a tag and makes its assets match the given files. */
export async function publishRelease(options: PublishReleaseOptions): Promise<PublishReport> {
  const { target } = options;
  const cwd = options.cwd ?? process.cwd();
  const dryRun = options.dryRun ?? false;
  checkTag(options.tag);
  const files = await readAssetFiles(cwd, options.assets ?? ['docs/pdf/*.pdf'], options.allowOutsideRepo);
  const languages: readonly LanguageStatus[] =
    options.languages ?? files.map((file) => ({ lang: languageOf(file.name) }));
  // Each language's PDFs (one per source of the site), the one named first.
  const pdfsOf = (lang: string, first: string | undefined): string[] => {
    const names = files.filter((file) => languageOf(file.name) === lang).map((file) => file.name);
    return first === undefined ? names : [first, ...names.filter((name) => name !== first)];
  };
  const withPdfs: LanguageStatus[] = [
    ...languages.map((language) => {
      const pdfs = pdfsOf(language.lang, language.pdf);
      return { ...language, pdf: pdfs[0], pdfs };
    }),
    // PDFs of languages without figures, such as the source's, still get a row.
    ...[...new Set(files.map((file) => languageOf(file.name)))]
      .filter((lang) => !languages.some((language) => language.lang === lang))
      .map((lang) => {
        const pdfs = pdfsOf(lang, undefined);
        return { lang, pdf: pdfs[0], pdfs };
      }),
  ];
  const downloadBase = `${target.serverUrl}/${target.owner}/${target.repo}/releases/download/${encodeURIComponent(options.tag)}`;
  const client = options.client ?? createGitHubClient({ token: target.token, apiUrl: target.apiUrl });
  const repo = { owner: target.owner, repo: target.repo };
  try {
    const { release, action } = await ensureRelease(client, repo, {
      tag: options.tag,
      notes: (previous) => releaseNotes(previous, withPdfs, downloadBase),
      prerelease: options.prerelease,
      targetCommitish: options.targetCommitish,
      dryRun,
    });
    const changes = await syncAssets(client, repo, release, files, dryRun);
    const finished =
      release === undefined || dryRun
        ? release
        : await finishRelease(client, repo, release, {
            draft: options.draft,
            createdNow: action === 'created',
            makeLatest: options.makeLatest,
          });
    return { tag: options.tag, url: finished?.html_url, release: action, dryRun, ...changes };
  } catch (error) {
    throw explainRequestError(error, `${target.owner}/${target.repo}`);
  }
}

async function readAssetFiles(
  cwd: string,
  patterns: readonly string[],
  allowOutsideRepo: boolean | undefined,
): Promise<AssetFile[]> {
  const paths = (await glob([...patterns], { cwd, onlyFiles: true })).sort();
  if (paths.length === 0) {
    throw new UsageError(
      `no file in ${cwd} matches --assets ${patterns.map((pattern) => `'${pattern}'`).join(' ')}; ` +
        'make the PDFs first (readme-i18n render --pdf) or point --assets at them',
    );
  }
  const byName = new Map<string, string>();
  for (const path of paths) {
    const name = basename(path);
    const other = byName.get(name);
    if (other !== undefined) {
      throw new UsageError(
        `${other} and ${path} would both be the asset ${name}; narrow --assets to one of them`,
      );
    }
    byName.set(name, path);
  }
  // Each file checked before any is read: a PDF linked to a secret is never uploaded.
  const repository = await findRepository(cwd, { allowOutside: allowOutsideRepo });
  for (const path of byName.values())
    await repositoryPath(repository, path, '--assets (release.assets: in the configuration)', { from: cwd });
  return Promise.all(
    [...byName].map(async ([name, path]) => ({
      name,
      bytes: new Uint8Array(await readFile(resolve(cwd, path))),
    })),
  );
}

/** `README.fr.pdf` → `fr`; `guide.pt-BR.pdf` → `pt-BR`; a name without a language part → itself. */
function languageOf(name: string): string {
  const parts = name.split('.');
  return parts.length >= 3 ? (parts[parts.length - 2] as string) : name;
}
