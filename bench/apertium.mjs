/**
 * Apertium engine throughput on real prose: every line of ../shared/corpus/lpic-305-300.md that
 * has a letter, sent as plain text (XML-escaped, no tags) through the real Debian pipelines, in
 * batches of 50 (the engine's limit), one batch after another and then 4 at once.
 *
 * Measures wall time, segments per second, the first answer (pipeline start included), the peak
 * RSS of the Node process and the peak RSS of the Apertium pipeline (all its programs, summed from
 * /proc). Prints a Markdown table and writes it into docs/benchmarks.md under `## Apertium` (only
 * that section). The TypeScript sources are bundled on the fly with esbuild.
 *
 *   node bench/apertium.mjs
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBundled } from './bundle.mjs';

const root = new URL('..', import.meta.url).pathname;
const corpusFile = join(root, '..', 'shared', 'corpus', 'lpic-305-300.md');
const batchSize = 50;

if (!existsSync(corpusFile)) {
  console.log(
    `Apertium benchmark skipped: ${corpusFile} does not exist (it does in CI and development sessions).`,
  );
  process.exit(0);
}
if (!existsSync('/usr/share/apertium/modes/eng-spa.mode')) {
  console.log(
    'Apertium benchmark skipped: install the pairs with sudo apt-get install apertium-eng-spa apertium-eng-cat',
  );
  process.exit(0);
}

const bundle = await importBundled('apertium', {
  engine: 'src/engines/apertium.ts',
  tagged: 'src/tagged-text.ts',
  write: 'src/atomic-write.ts',
});
try {
  const { createApertiumEngine } = bundle.modules.engine;
  const { escapeXml } = bundle.modules.tagged;
  const { writeFileAtomic } = bundle.modules.write;

  const lines = readFileSync(corpusFile, 'utf8')
    .split(/\r?\n/)
    .filter((line) => /\p{L}/u.test(line))
    .map((line) => escapeXml(line));
  const chars = lines.reduce((sum, line) => sum + line.length, 0);

  const loadBefore = loadavg()[0] ?? 0;
  const rows = [];
  for (const to of ['es', 'ca']) {
    for (const concurrency of [1, 4]) rows.push(await run(createApertiumEngine, lines, to, concurrency));
  }
  const table = [
    `Apertium engine alone over the ${lines.length} lines of \`lpic-305-300.md\` that have a letter ` +
      `(${chars} characters, plain text, no tags), batches of ${batchSize}, one pipeline per direction.`,
    '',
    '| direction | batches at once | segments | first answer (ms) | wall (ms) | segments/s | characters/s | Node peak RSS (MiB) | pipeline peak RSS (MiB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.direction} | ${r.concurrency} | ${r.segments} | ${r.first} | ${r.wall} | ${r.perSecond} | ${r.charsPerSecond} | ${r.nodeRss} | ${r.pipelineRss} |`,
    ),
    '',
    `Load average ${loadBefore.toFixed(1)} when it started (2 cores shared with other work: figures vary with it). ` +
      `Node ${process.version}, apertium ${packageVersion('apertium')}, apertium-eng-spa ${packageVersion('apertium-eng-spa')}, ` +
      `apertium-eng-cat ${packageVersion('apertium-eng-cat')}, ${new Date().toISOString().slice(0, 10)}. ` +
      'Run with `node bench/apertium.mjs`.',
  ].join('\n');
  console.log(table);
  const file = join(root, 'docs/benchmarks.md');
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  await writeFileAtomic(file, replaceSection(current, '## Apertium', table));
} finally {
  await bundle.dispose();
}

async function run(createApertiumEngine, lines, to, concurrency) {
  const engine = createApertiumEngine();
  const direction = `en→${to}`;
  let pipelineRss = 0;
  const sampler = setInterval(() => {
    pipelineRss = Math.max(pipelineRss, pipelineRssKiB());
  }, 50);
  try {
    const batches = [];
    for (let i = 0; i < lines.length; i += batchSize) batches.push(lines.slice(i, i + batchSize));
    const started = performance.now();
    let first = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batches.length) {
          const batch = batches[next++];
          const result = await engine.translate(batch, { from: 'en', to });
          if (first === 0) first = Math.round(performance.now() - started);
          if (result.texts.length !== batch.length) throw new Error('lost texts');
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const chars = lines.reduce((sum, line) => sum + line.length, 0);
    return {
      direction,
      concurrency,
      segments: lines.length,
      first,
      wall: Math.round(seconds * 1000),
      perSecond: Math.round(lines.length / seconds),
      charsPerSecond: Math.round(chars / seconds),
      nodeRss: Math.round(process.resourceUsage().maxRSS / 1024),
      pipelineRss: Math.round(pipelineRss / 1024),
    };
  } finally {
    clearInterval(sampler);
    await engine.close();
  }
}

/** The RSS (KiB) of every process in the process groups of the Apertium shells this process started. */
function pipelineRssKiB() {
  const processes = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      processes.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]), rss });
    } catch {
      // Gone while we looked.
    }
  }
  const shells = processes.filter((p) => p.ppid === process.pid).map((p) => p.pid);
  return processes.filter((p) => shells.includes(p.pgid)).reduce((sum, p) => sum + p.rss, 0);
}

function packageVersion(name) {
  try {
    const status = readFileSync('/var/lib/dpkg/status', 'utf8');
    const block = status.split('\n\n').find((entry) => entry.startsWith(`Package: ${name}\n`));
    return /\nVersion: (.+)/.exec(block ?? '')?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function replaceSection(markdown, heading, body) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  const section = [heading, '', body, ''];
  if (start < 0) return `${markdown.trimEnd()}\n\n${section.join('\n')}`;
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  return [...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n').replace(/\n*$/, '\n');
}
