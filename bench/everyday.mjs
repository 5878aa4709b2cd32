// The everyday path (issue 14): how long a command takes to start, and a run with nothing to do, against
// floors measured in the same run. Every command runs the built CLI (`npm run build` first) as a user would.
// `node bench/everyday.mjs --check` measures only the floor and the `check` rows, and replaces only those rows.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { corpusFolder, median, writeSection } from './sections.mjs';
import { benchFolder } from './temp-folder.mjs';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'readme-i18n.js');
const runs = 5;
const checkOnly = process.argv.includes('--check');

/**
 * Wall time (ms, median of `count` runs), peak RSS (MiB, largest seen) and CPU time over wall time (%,
 * median: above 100 when more than one core worked) of `node args` in `cwd`, and
 * the median of the number the command printed last on standard error, if any. `status`: its exit code.
 */
function measure(args, cwd = root, count = runs, status = 0) {
  const walls = [];
  const printed = [];
  const cpus = [];
  let peak = 0;
  for (let run = 0; run < count; run++) {
    const result = spawnSync('/usr/bin/time', ['-f', '%e %M %P', process.execPath, ...args], {
      cwd,
      encoding: 'utf8',
    });
    if (result.status !== status) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
    const lines = result.stderr.trim().split('\n');
    const [seconds, kilobytes, cpu] = lines.at(-1).replace('%', '').split(' ').map(Number);
    if (lines.length > 1) printed.push(Number(lines.at(-2)));
    walls.push(seconds * 1000);
    peak = Math.max(peak, kilobytes / 1024);
    cpus.push(cpu);
  }
  return {
    ms: median(walls),
    mib: peak,
    cpu: median(cpus),
    printed: printed.length > 0 ? median(printed) : undefined,
  };
}

const rows = [];
let floor;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const load = loadavg()[0];

/** A row of the table, with the load average of the minute its figures were taken in. */
function row(goal, measured, limit, ratio, met) {
  const state = met === undefined ? '—' : met ? 'yes' : 'no';
  const now = loadavg()[0].toFixed(1);
  rows.push(`| ${goal} | ${measured} | ${limit} | ${ratio} | ${state} | ${now} |`);
  console.log(`${goal}: ${measured} (${ratio}; goal ${limit}) ${state}, load ${now}`);
}
for (const [name, args] of checkOnly
  ? []
  : [
      ['`--version`', ['--version']],
      ['`--help`', ['--help']],
      ['`translate --help`', ['translate', '--help']],
    ]) {
  floor ??= measure(['-e', '1']);
  const figure = measure([bin, ...args]);
  const ratio = figure.ms / floor.ms;
  row(
    `${name} starts and ends`,
    `${seconds(figure.ms)}, ${figure.mib.toFixed(0)} MiB`,
    '≤ 3× `node -e 1`',
    `${ratio.toFixed(1)}× (${seconds(floor.ms)})`,
    ratio <= 3,
  );
}

// A run with nothing to do, on lpic-305-300.md, against one parse of it by our parser in a process.
const corpusFile = join(corpusFolder, 'lpic-305-300.md');
if (existsSync(corpusFile)) {
  const scratch = benchFolder('everyday');
  const project = scratch.path;
  try {
    copyFileSync(corpusFile, join(project, 'README.md'));
    execFileSync('git', ['init', '-q'], { cwd: project });
    const langs = ['fr', 'de', 'es'];
    const first = checkOnly
      ? undefined
      : measure([bin, 'translate', '--engine', 'pseudo', '--lang', 'fr', '--quiet'], project, 1);
    execFileSync(
      process.execPath,
      [bin, 'translate', '--engine', 'pseudo', '--lang', langs.join(','), '--quiet'],
      { cwd: project },
    );
    const parseScript = `import { readFileSync } from 'node:fs';
      const { parseDocument } = await import(${JSON.stringify(join(root, 'build', 'markdown', 'document.js'))});
      const started = performance.now();
      parseDocument(readFileSync('README.md', 'utf8'));
      process.stderr.write(String(performance.now() - started) + "\\n");`;
    const parse = measure(['--input-type=module', '-e', parseScript], project);
    const parseFloor = `one parse in a process: ${seconds(parse.ms)}, of which the parse ${seconds(parse.printed ?? 0)}`;
    const po = join(project, 'locales', 'fr.po');
    if (!checkOnly) everydayRows(project, parse, parseFloor, po, langs);
    checkRows(project, parse, parseFloor, po);
    if (!checkOnly) sideBySideRows(first);
  } finally {
    scratch.remove();
  }
} else {
  console.log(`corpus folder ${corpusFolder} absent: only the start-up figures`);
}

/** The no-op translate and render rows (proof kept, then removed for a full run). */
function everydayRows(project, parse, parseFloor, po, langs) {
  const noop = measure([bin, 'translate', '--engine', 'pseudo', '--lang', 'fr'], project);
  const noopAll = measure([bin, 'translate', '--engine', 'pseudo', '--lang', langs.join(',')], project);
  const perLanguage = (noopAll.ms - noop.ms) / (langs.length - 1);
  row(
    'no-op `translate --lang fr`, lpic-305-300.md',
    `${seconds(noop.ms)}, ${noop.mib.toFixed(0)} MiB`,
    '≤ 0.5 s and ≤ 1.5× one parse',
    `${(noop.ms / parse.ms).toFixed(2)}× (${parseFloor})`,
    noop.ms <= 500 && noop.ms <= 1.5 * parse.ms,
  );
  row(
    `no-op \`translate --lang ${langs.join(',')}\`: each language after the first`,
    `${seconds(noopAll.ms)} in all, ${seconds(Math.max(perLanguage, 0))} per added language`,
    '≤ 0.5 s per language',
    '—',
    perLanguage <= 500,
  );
  // render, once in full, then again with nothing changed: the proof kept in the site folder holds.
  const pages = langs.length + 1;
  const firstRender = measure([bin, 'render'], project, 1);
  const noopRender = measure([bin, 'render'], project);
  // Without the proof (the header field removed): a full run over unchanged files, once.
  writeFileSync(po, readFileSync(po, 'utf8').replace(/^"X-Readme-I18n-State: [^]*?\\n"\n/m, ''));
  const full = measure([bin, 'translate', '--engine', 'pseudo', '--lang', 'fr'], project, 1);
  row(
    'the same without the proof in the PO header (a full run, for comparison)',
    `${seconds(full.ms)}, ${full.mib.toFixed(0)} MiB`,
    '—',
    `${(full.ms / parse.ms).toFixed(2)}× (${parseFloor})`,
    undefined,
  );
  row(
    `no-op \`render\` (HTML and PDF, ${pages} pages: source and ${langs.join(', ')}), lpic-305-300.md`,
    `${seconds(noopRender.ms)} in all, ${seconds(noopRender.ms / pages)} per language, ${noopRender.mib.toFixed(0)} MiB`,
    '≤ 0.5 s per language',
    `first render: ${seconds(firstRender.ms)}, ${firstRender.mib.toFixed(0)} MiB`,
    noopRender.ms / pages <= 500,
  );
  // translate again: the proof back in the PO header for the check rows.
  execFileSync(process.execPath, [bin, 'translate', '--engine', 'pseudo', '--lang', 'fr', '--quiet'], {
    cwd: project,
  });
}

/** `check --lang fr` with the proof, after a hand edit of the output, and without the proof. */
function checkRows(project, parse, parseFloor, po) {
  const check = measure([bin, 'check', '--lang', 'fr'], project);
  row(
    '`check --lang fr` after translate, lpic-305-300.md',
    `${seconds(check.ms)}, ${check.mib.toFixed(0)} MiB`,
    '≤ 1.5× one parse',
    `${(check.ms / parse.ms).toFixed(2)}× (${parseFloor})`,
    check.ms <= 1.5 * parse.ms,
  );
  // A hand edit in the output: the proof of the inputs still holds, the output's digest does not.
  appendFileSync(join(project, 'locales', 'README.fr.md'), '\n');
  const editedCheck = measure([bin, 'check', '--lang', 'fr'], project, runs, 1);
  row(
    '`check --lang fr` after a hand edit of the output',
    `${seconds(editedCheck.ms)}, ${editedCheck.mib.toFixed(0)} MiB`,
    '≤ 1.5× one parse',
    `${(editedCheck.ms / parse.ms).toFixed(2)}× (${parseFloor})`,
    editedCheck.ms <= 1.5 * parse.ms,
  );
  // Without the proof: check parses the source and renders the output from the memory.
  writeFileSync(po, readFileSync(po, 'utf8').replace(/^"X-Readme-I18n-State: [^]*?\\n"\n/m, ''));
  const fullCheck = measure([bin, 'check', '--lang', 'fr'], project, 3, 1);
  row(
    '`check --lang fr` without the proof in the PO header (a full check)',
    `${seconds(fullCheck.ms)}, ${fullCheck.mib.toFixed(0)} MiB`,
    '≤ 1.5× one parse',
    `${(fullCheck.ms / parse.ms).toFixed(2)}× (${parseFloor})`,
    fullCheck.ms <= 1.5 * parse.ms,
  );
}

/** Peak memory of a first translate, and languages side by side. */
function sideBySideRows(first) {
  row(
    'first `translate --engine pseudo --lang fr`, lpic-305-300.md: peak memory',
    `${first.mib.toFixed(0)} MiB, ${seconds(first.ms)}`,
    '≤ 250 MiB',
    '—',
    first.mib <= 250,
  );
  // Languages side by side: the cost of each language after the first, against one after the other.
  const added = (engine, many) => {
    const time = (langs, extra = []) => {
      const scratch = benchFolder(`${engine}-${langs.length}`);
      const folder = scratch.path;
      try {
        copyFileSync(corpusFile, join(folder, 'README.md'));
        execFileSync('git', ['init', '-q'], { cwd: folder });
        const args = ['translate', '--engine', engine, '--lang', langs.join(','), '--quiet', ...extra];
        return measure([bin, ...args], folder, 1);
      } finally {
        scratch.remove();
      }
    };
    const one = time(many.slice(0, 1));
    const together = time(many);
    const sequential = time(many, ['--concurrency', '1']);
    const perLanguage = (figure) => (figure.ms - one.ms) / (many.length - 1);
    row(
      `first \`translate --engine ${engine} --lang ${many.join(',')}\`: each language after the first`,
      `${seconds(together.ms)} in all, ${seconds(perLanguage(together))} per added language, ${together.mib.toFixed(0)} MiB, CPU ${together.cpu} % of one core`,
      'below one after the other',
      `${(perLanguage(together) / perLanguage(sequential)).toFixed(2)}× (one after the other, \`--concurrency 1\`: ${seconds(perLanguage(sequential))} per added language, CPU ${sequential.cpu} %; ${many[0]} alone: ${seconds(one.ms)})`,
      perLanguage(together) < perLanguage(sequential),
    );
  };
  added('pseudo', ['fr', 'de', 'es', 'it']);
  if (
    existsSync('/usr/share/apertium/modes/eng-cat.mode') &&
    existsSync('/usr/share/apertium/modes/eng-spa.mode')
  )
    added('apertium', ['es', 'ca']);
}

if (checkOnly) replaceRows('`check --lang fr`');
else
  writeSection(
    'Everyday path',
    `Each goal of the everyday path against its floor measured in the same run: median of ${runs} runs of the
built CLI (\`node bin/readme-i18n.js\`), peak memory from GNU time. Produced by \`node bench/everyday.mjs\`.

| goal | measured | limit | ratio (floor) | met | load |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Load average ${load.toFixed(1)} when it started; the last column is the 1-minute load average when each row was measured (2 cores shared with other work: figures vary with it). Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  );

/** Replaces the rows of the section's table whose goal starts with `prefix` by this run's, in place. */
function replaceRows(prefix) {
  const file = join(root, 'docs', 'benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const fresh = [...rows];
  const lines = text
    .split('\n')
    .map((line) => (line.startsWith(`| ${prefix}`) ? (fresh.shift() ?? line) : line));
  if (fresh.length > 0) throw new Error(`no row for ${fresh.length} of the figures in ${file}`);
  writeFileSync(file, lines.join('\n'));
}
