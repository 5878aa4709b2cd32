import { posix } from 'node:path';

const scheme = /^[a-z][a-z\d+.-]*:/i;

/** Whether a destination points into the repository, relative to the file that holds it. */
export function isRelativeUrl(url: string): boolean {
  return (
    url !== '' && !scheme.test(url) && !url.startsWith('#') && !url.startsWith('/') && !url.startsWith('\\')
  );
}

/**
 * Rewrites a relative destination written in a file of `fromDir` for a file of `toDir`, both
 * relative to the repository root: `vagrant/up.ps1` becomes `../vagrant/up.ps1` in `locales/`.
 */
export function rebaseUrl(url: string, fromDir: string, toDir: string): string {
  const split = /[?#]/.exec(url);
  const path = split ? url.slice(0, split.index) : url;
  const rest = split ? url.slice(split.index) : '';
  if (path === '') return url;
  const target = posix.normalize(posix.join(fromDir, path));
  let rebased = posix.relative(toDir, target) || '.';
  if (path.endsWith('/') && !rebased.endsWith('/')) rebased += '/';
  return rebased + rest;
}
