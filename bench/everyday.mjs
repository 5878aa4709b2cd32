// The everyday path (issue 14): how long a command takes to start, and a run with nothing to do, against
// floors measured in the same run. Every command runs the built CLI (`npm run build` first) as a user would.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { median, writeSection } from './sections.mjs';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'readme-i18n.js');
const runs = 5;

/** Wall time (ms, median of `runs`) and peak RSS (MiB, largest seen) of `node args` in `cwd`. */
function measure(args, cwd = root) {
  const walls = [];
  let peak = 0;
  for (let run = 0; run < runs; run++) {
    const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], {
      cwd,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
    const [seconds, kilobytes] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    walls.push(seconds * 1000);
    peak = Math.max(peak, kilobytes / 1024);
  }
  return { ms: median(walls), mib: peak };
}

const load = loadavg()[0];
const floor = measure(['-e', '1']);
const version = measure([bin, '--version']);
const help = measure([bin, '--help']);
const translateHelp = measure([bin, 'translate', '--help']);

const rows = [];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
function row(goal, measured, limit, ratio, met) {
  rows.push(`| ${goal} | ${measured} | ${limit} | ${ratio} | ${met ? 'yes' : 'no'} |`);
  console.log(`${goal}: ${measured} (${ratio}; goal ${limit}) ${met ? 'met' : 'NOT met'}`);
}
for (const [name, figure] of [
  ['`--version`', version],
  ['`--help`', help],
  ['`translate --help`', translateHelp],
]) {
  const ratio = figure.ms / floor.ms;
  row(
    `${name} starts and ends`,
    `${seconds(figure.ms)}, ${figure.mib.toFixed(0)} MiB`,
    '≤ 3× `node -e 1`',
    `${ratio.toFixed(1)}× (${seconds(floor.ms)})`,
    ratio <= 3,
  );
}

writeSection(
  'Everyday path',
  `Each goal of the everyday path against its floor measured in the same run: median of ${runs} runs of the
built CLI (\`node bin/readme-i18n.js\`), peak memory from GNU time. Produced by \`node bench/everyday.mjs\`.

| goal | measured | limit | ratio (floor) | met |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

Load average ${load.toFixed(1)} when it started (2 cores shared with other work: figures vary with it). Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
);
