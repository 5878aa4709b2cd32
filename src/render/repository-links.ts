import { isAbsolute, relative, sep } from 'node:path';

/**
 * The web address of a repository file a page links to when the file is not part of the site: a
 * link such as `../../vagrant/Vagrantfile` works on GitHub but not on GitHub Pages, which serves only
 * the site's folder. `repositoryUrl` is where the repository's files are shown, such as
 * `https://github.com/owner/repo/blob/main` (GitHub sends a folder's `blob` address on to its `tree`).
 * Undefined for a file inside the site, outside the repository, or without `repositoryUrl`.
 */
export function repositoryFileUrl(
  file: string,
  root: string,
  siteDir: string,
  repositoryUrl: string | undefined,
): string | undefined {
  if (repositoryUrl === undefined) return undefined;
  const inSite = relative(siteDir, file);
  if (inSite === '' || (!inSite.startsWith('..') && !isAbsolute(inSite))) return undefined;
  const inRepository = relative(root, file);
  if (inRepository.startsWith('..') || isAbsolute(inRepository)) return undefined;
  const path = inRepository.split(sep).map(encodeURIComponent).join('/');
  return path === ''
    ? repositoryUrl.replace(/\/blob\/[^/]+$/, '')
    : `${repositoryUrl.replace(/\/+$/, '')}/${path}`;
}

/** Where the files of a repository at a ref are shown: `https://github.com/o/r` and `main` → `https://github.com/o/r/blob/main`. */
export function repositoryBlobUrl(repository: string, ref: string): string {
  return `${repository.replace(/\/+$/, '')}/blob/${ref.split('/').map(encodeURIComponent).join('/')}`;
}
