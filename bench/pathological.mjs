// cmark-style pathological inputs at 1×, 2× and 4× size: each translated with the identity engine by
// the real CLI in a child process (output must equal input, or exit 2 with a message), its CPU time
// against one micromark parse of the same file, and how both grow. Linear is a ratio of 2.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSection } from './sections.mjs';
import { benchFolder } from './temp-folder.mjs';

const root = join(import.meta.dirname, '..');
const timeoutMs = 300_000;

const rows = (count, row) => Array.from({ length: count }, (_, index) => row(index)).join('');

/** name → [make(n), n at 1×]: 4× is 100–200 KB (the table and definitions are the sizes of the issue). */
const cases = {
  'nested brackets': [(n) => `${'['.repeat(n)}a${']'.repeat(n)}\n`, 25_000],
  '`a**b` repeated': [(n) => `${'a**b'.repeat(n)}\n`, 12_500],
  '`*a_ ` repeated': [(n) => `${'*a_ '.repeat(n)}\n`, 12_500],
  '`a_ ` repeated (closers, no openers)': [(n) => `${'a_ '.repeat(n)}\n`, 12_500],
  '`[a ` repeated (link openers, no closers)': [(n) => `${'[a '.repeat(n)}\n`, 12_500],
  '`[a](b` repeated (unclosed links)': [(n) => `${'[a](b'.repeat(n)}\n`, 8_000],
  'nested `*`': [(n) => `${'*'.repeat(n)}a${'*'.repeat(n)}\n`, 12_500],
  'nested strong and emphasis': [(n) => `${'**_'.repeat(n)}a${'_**'.repeat(n)}\n`, 4_000],
  'nested blockquote markers': [(n) => `${'>'.repeat(n)} a\n`, 5_000],
  '`- ` on one line': [(n) => `${'- '.repeat(n)}a\n`, 5_000],
  'list items': [(n) => '- x\n'.repeat(n), 12_500],
  'table rows': [(n) => `| a | b |\n| - | - |\n${rows(n, (i) => `| cell ${i} | text ${i} |\n`)}`, 1_250],
  'reference definitions': [
    (n) => `See [l1].\n\n${rows(n, (i) => `[l${i}]: /url/${i} "Title ${i}"\n`)}`,
    1_250,
  ],
  'the same heading': [(n) => '# Same\n\n'.repeat(n), 5_000],
  'backtick runs': [(n) => rows(n, (i) => `e${'`'.repeat(i + 1)}`) + '\n', 150],
  'unclosed `<!--`': [(n) => `</${'<!--'.repeat(n)}\n`, 12_500],
  'paragraphs with emphasis': [(n) => rows(n, (i) => `Some *text* and **more ${i}** [here](#x).\n\n`), 1_250],
};

/** In the child: one run of the CLI on the README.md of `folder`, then its CPU time and exit code. */
async function child(folder) {
  const { main: cli } = await import(join(root, 'build', 'cli', 'main.js'));
  process.chdir(folder);
  const args = [
    'translate',
    '--engine',
    'identity',
    '--lang',
    'fr',
    '--no-switcher',
    '--out',
    '{name}.{lang}.md',
  ];
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = (chunk) => ((stderr += String(chunk)), true);
  const started = process.cpuUsage();
  const status = await cli([...args, '--quiet']);
  const cpu = process.cpuUsage(started);
  process.stderr.write = write;
  process.stdout.write(JSON.stringify({ status, stderr, ms: (cpu.user + cpu.system) / 1000 }) + '\n');
}

/** In the child: one parse of `file` by remark (micromark), as readme-i18n configures it, unguarded. */
function parseOnly(file) {
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { readFileSync } from 'node:fs';
       import remarkFrontmatter from 'remark-frontmatter';
       import remarkGfm from 'remark-gfm';
       import remarkMath from 'remark-math';
       import remarkParse from 'remark-parse';
       import { unified } from 'unified';
       const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkMath);
       const text = readFileSync(${JSON.stringify(file)}, 'utf8');
       const started = process.cpuUsage();
       let failure = '';
       try { processor.parse(text); } catch (error) { failure = String(error).slice(0, 60); }
       const cpu = process.cpuUsage(started);
       console.log(JSON.stringify({ ms: (cpu.user + cpu.system) / 1000, failure }));`,
    ],
    { cwd: root, encoding: 'utf8', timeout: timeoutMs },
  );
  if (result.error || result.status !== 0) return { ms: undefined, failure: `over ${timeoutMs / 1000} s` };
  return JSON.parse(result.stdout);
}

function translate(text) {
  const scratch = benchFolder('pathological');
  const folder = scratch.path;
  try {
    writeFileSync(join(folder, 'README.md'), text);
    const result = spawnSync(process.execPath, [import.meta.filename, '--child', folder], {
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    if (result.error || result.status !== 0)
      return { ms: undefined, outcome: `no answer in ${timeoutMs / 1000} s`, parse: undefined };
    const run = JSON.parse(result.stdout);
    let outcome;
    if (run.status === 2) outcome = 'refused (exit 2)';
    else if (run.status !== 0) outcome = `exit ${run.status}: ${run.stderr.slice(0, 80)}`;
    else outcome = readFileSync(join(folder, 'README.fr.md'), 'utf8') === text ? 'identical' : 'CHANGED';
    // Only files the guard lets through are parsed alone: the others are what takes micromark minutes.
    const parse = run.status === 2 ? undefined : parseOnly(join(folder, 'README.md'));
    return { ms: run.ms, outcome, parse, message: run.stderr.trim() };
  } finally {
    scratch.remove();
  }
}

const format = (ms) =>
  ms === undefined ? '—' : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
const ratio = (a, b) => (a === undefined || b === undefined || a < 1 ? '—' : (b / a).toFixed(2));

function main() {
  const table = [];
  const messages = [];
  for (const [name, [make, base]] of Object.entries(cases)) {
    const runs = [1, 2, 4].map((scale) => {
      const text = make(base * scale);
      return { bytes: Buffer.byteLength(text), ...translate(text) };
    });
    const [one, two, four] = runs;
    const outcomes = [...new Set(runs.map((run) => run.outcome))].join(', ');
    const parse4 = four.parse?.ms;
    table.push(
      `| ${name} | ${(four.bytes / 1024).toFixed(0)} KB | ${outcomes} | ${runs.map((run) => format(run.ms)).join(' / ')} | ` +
        `${ratio(one.ms, two.ms)} / ${ratio(two.ms, four.ms)} | ${runs.map((run) => format(run.parse?.ms)).join(' / ')} | ` +
        `${parse4 === undefined ? '—' : `${(four.ms / parse4).toFixed(1)}×`} |`,
    );
    if (four.outcome.startsWith('refused'))
      messages.push(`- ${name}: ${four.message.replace(/^readme-i18n: /, '')}`);
    console.log(table.at(-1));
  }
  writeSection(
    'Pathological inputs',
    `cmark's pathological cases (and the issue's) at 1×, 2× and 4× size, the 4× size shown: \`translate --engine identity
--no-switcher --out '{name}.{lang}.md'\` in a child process, CPU time of the run (Node's start left out), against one
parse of the same file by remark/micromark alone. Growth is the time at 2× over 1×, and 4× over 2×: 2.00 is linear.
Inputs past the limits of \`src/markdown/parse-limits.ts\` are refused with exit 2 before parsing, in the same
fraction of a second at every size (the CLI's own loading; micromark alone takes minutes on the 4× sizes of those);
the others must come out byte-identical. "No answer" is the wall-clock limit of the run (300 s since, 120 s for the
figures below), reached under load. Unclosed \`<!--\` is micromark's own superlinear case that the limits do not cover yet.
Produced by \`node bench/pathological.mjs\` (Node ${process.version}, ${new Date().toISOString().slice(0, 10)};
2 cores shared with other work, so figures vary).

| case | 4× size | outcome | translate 1× / 2× / 4× | growth | parse 1× / 2× / 4× | translate ÷ parse at 4× |
| --- | ---: | --- | ---: | ---: | ---: | ---: |
${table.join('\n')}

Messages at 4×:

${messages.join('\n')}`,
  );
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else main();
