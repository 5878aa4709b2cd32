// lpic-305-300.md to Spanish with Apertium, end to end through the CLI: wall time and peak memory of
// the first run (everything sent) and of a second run (everything from the translation memory).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFolder, writeSection } from './sections.mjs';
import { benchFolder } from './temp-folder.mjs';

const source = join(corpusFolder, 'lpic-305-300.md');
if (
  !existsSync(source) ||
  !existsSync('/usr/share/apertium/modes/eng-spa.mode') ||
  !existsSync('/usr/bin/time')
) {
  console.log(
    `Apertium end-to-end benchmark skipped: it needs ${source}, apertium-eng-spa and GNU time (/usr/bin/time)`,
  );
  process.exit(0);
}
const bin = join(import.meta.dirname, '..', 'bin', 'translate.js');

function run(folder) {
  const result = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, bin, '--lang', 'es', '--engine', 'apertium', '--json'],
    {
      cwd: folder,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`translate failed: ${result.stderr}`);
  const elapsed = /Elapsed \(wall clock\) time \([^)]*\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const seconds = elapsed
    ? Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3])
    : NaN;
  return {
    seconds,
    rssMiB: rss ? Number(rss[1]) / 1024 : NaN,
    report: JSON.parse(result.stdout.trim().split('\n')[0]),
  };
}

const scratch = benchFolder('apertium');
let first, second;
try {
  copyFileSync(source, join(scratch.path, 'README.md'));
  first = run(scratch.path);
  second = run(scratch.path);
} finally {
  scratch.remove();
}
const row = (name, { seconds, rssMiB, report }) =>
  `| ${name} | ${report.units} | ${report.unitsSent} | ${report.requests} | ${report.keptSource} | ${seconds.toFixed(1)} s | ${rssMiB.toFixed(0)} MiB |`;
const table = [
  '| run | units | sent | requests | kept in source | wall time | peak memory |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  row('first (all sent to Apertium)', first),
  row('second (all from memory)', second),
].join('\n');
console.log(table);
writeSection(
  'Translate end to end (Apertium)',
  `\`translate --lang es --engine apertium\` on \`lpic-305-300.md\` through the CLI, measured with GNU time
(peak memory: the largest process, Node or one of Apertium's). Produced by \`node bench/translate-apertium.mjs\`.

${table}`,
);
