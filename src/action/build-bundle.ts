import { cp, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Files the bundled code reads at run time, found where it looks for them: `word-list` beside
 * itself (so beside the bundle), the rest through `require.resolve` or `import.meta.resolve` (so in the bundle's own
 * `node_modules`, as an Action is checked out without the project's).
 */
const runtimeFiles: ReadonlyArray<{ from: string; to: string }> = [
  { from: join(dirname(require.resolve('word-list')), 'words.txt'), to: 'words.txt' },
  ...packageFiles('github-markdown-css', ['license', 'github-markdown-light.css']),
  ...packageFiles('katex', ['LICENSE', 'dist/katex.min.css', 'dist/fonts']),
  ...packageFiles('mermaid', ['LICENSE', 'dist/mermaid.esm.min.mjs', 'dist/chunks/mermaid.esm.min']),
  // starry-night finds its WebAssembly through the package's resolved entry.
  ...packageFiles('vscode-oniguruma', ['LICENSE.txt', 'release/main.js', 'release/onig.wasm']),
];

function packageFiles(name: string, files: readonly string[]): Array<{ from: string; to: string }> {
  const root = dirname(require.resolve(`${name}/package.json`));
  return ['package.json', ...files].map((file) => ({
    from: join(root, file),
    to: join('node_modules', name, file),
  }));
}

/**
 * Bundles the Action's entry into `outDir/index.js` with the files it reads at run time. The same
 * sources always give the same bytes, so CI can rebuild it and compare it with the committed `dist/`.
 */
export async function buildActionBundle(outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(projectRoot, 'src/action/main.ts')],
    outfile: join(outDir, 'index.js'),
    // Paths in the bundle's comments are relative to this, whatever the caller's folder.
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  for (const file of runtimeFiles) {
    await cp(file.from, join(outDir, file.to), {
      recursive: true,
      errorOnExist: false,
      force: true,
      // Source maps are for debugging Mermaid, not for running it.
      filter: (source) => !source.endsWith('.map'),
    });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildActionBundle(resolve(process.argv[2] ?? join(projectRoot, 'dist')));
}
