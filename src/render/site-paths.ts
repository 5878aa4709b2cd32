import { dirname, join, relative } from 'node:path';
import { refuseSameFile, repositoryPath, type Repository, type RepositoryPath } from '../repository-paths.js';
import type { SitePage } from './site-plan.js';

/** The settings that name the files of a render, as messages name them. */
export const siteSettings = {
  source: '--source (sources: in the configuration)',
  pattern: '--pattern (out: in the configuration)',
  out: '--out (render.out: in the configuration)',
} as const;

/** Folders of `assets/` the site writes into. */
const assetFolders = ['assets', 'assets/img', 'assets/diagrams', 'assets/katex', 'assets/katex/fonts'];

/**
 * Checks every file a render reads or writes, but the images (checked as each page names them),
 * before anything is read: inside the repository with symbolic links followed, a regular file or a
 * folder as expected, and no output over a Markdown file. Throws a UsageError (exit 2) naming the
 * setting and the path.
 */
export async function checkSitePaths(
  repository: Repository,
  outDir: string,
  pages: readonly SitePage[],
): Promise<void> {
  const at = (file: string, setting: string, kind: 'file' | 'folder' = 'file'): Promise<RepositoryPath> =>
    repositoryPath(repository, relative(repository.root, file) || '.', setting, { kind });
  const files: RepositoryPath[] = [];
  for (const page of pages)
    files.push(await at(page.markdownFile, page.isSource ? siteSettings.source : siteSettings.pattern));
  const folders = new Set([
    outDir,
    join(outDir, 'pdf'),
    ...assetFolders.map((folder) => join(outDir, folder)),
  ]);
  // Each folder from a page up to the output folder: `fr/docs/usage.html` writes into `fr/` and `fr/docs/`.
  for (const page of pages) {
    for (
      let folder = dirname(page.htmlFile);
      folder.startsWith(outDir) && folder !== outDir;
      folder = dirname(folder)
    )
      folders.add(folder);
  }
  for (const folder of folders) await at(folder, siteSettings.out, 'folder');
  for (const page of pages) {
    files.push(await at(page.htmlFile, siteSettings.out), await at(page.pdfFile, siteSettings.out));
  }
  refuseSameFile(files);
}
