// Bundles TypeScript modules of this project with esbuild and imports them, so a benchmark needs no
// build (tests/servers/ is not compiled by `npm run build`). The bundles live inside node_modules so
// that they resolve this project's packages; `dispose` removes them.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export async function importBundled(name, entryPoints) {
  const out = join(root, 'node_modules/.cache', `readme-i18n-bench-${name}`);
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(entryPoints).map(([key, path]) => [key, join(root, path)]),
    ),
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  const modules = {};
  for (const key of Object.keys(entryPoints)) modules[key] = await import(join(out, `${key}.mjs`));
  return { modules, dispose: () => rm(out, { recursive: true, force: true }) };
}
