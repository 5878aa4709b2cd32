/**
 * DeepL engine throughput against the test DeepL server answering every translate request after
 * 300 ms: wall time over the ideal (requests ÷ concurrency × 300 ms); the goal is at most 1.3×.
 *
 * Drives the engine itself with batches of 50 units and 4 workers (what the pipeline does), so it
 * runs before the pipeline exists. The TypeScript sources are bundled on the fly with esbuild.
 * Prints a Markdown table and writes it into docs/benchmarks.md under `## DeepL` (only that section).
 *
 *   node bench/deepl.mjs
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBundled } from './bundle.mjs';

const root = new URL('..', import.meta.url).pathname;
const delayMs = 300;
const batchSize = 50;
const concurrency = 4;
const goal = 1.3;

const bundle = await importBundled('deepl', {
  engine: 'src/engines/deepl.ts',
  server: 'tests/servers/deepl-server.ts',
  write: 'src/atomic-write.ts',
});
try {
  const { createDeeplEngine } = bundle.modules.engine;
  const { startDeeplServer } = bundle.modules.server;
  const { writeFileAtomic } = bundle.modules.write;

  const rows = [];
  for (const units of [200, 1000, 2000]) rows.push(await run(units, createDeeplEngine, startDeeplServer));
  const table = [
    `DeepL engine against the test server answering after ${delayMs} ms; batches of ${batchSize}, concurrency ${concurrency}; goal ≤ ${goal}× the ideal.`,
    '',
    '| units | requests | ideal (ms) | wall (ms) | wall ÷ ideal | peak in flight | goal met |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...rows.map(
      (r) =>
        `| ${r.units} | ${r.requests} | ${r.ideal} | ${r.wall} | ${r.ratio.toFixed(2)}× | ${r.peak} | ${r.ratio <= goal ? 'yes' : 'no'} |`,
    ),
    '',
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Run with \`node bench/deepl.mjs\`.`,
  ].join('\n');
  console.log(table);
  const file = join(root, 'docs/benchmarks.md');
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  await writeFileAtomic(file, replaceSection(current, '## DeepL', table));
  if (rows.some((r) => r.ratio > goal)) process.exitCode = 1;
} finally {
  await bundle.dispose();
}

async function run(unitCount, createDeeplEngine, startDeeplServer) {
  const server = await startDeeplServer({ faults: { delayMs } });
  try {
    const engine = createDeeplEngine({ authKey: 'bench:fx', serverUrl: server.url, concurrency });
    const units = Array.from(
      { length: unitCount },
      (_, i) => `Unit ${i}: run <x id="1"/> to build <g id="2">the project</g>, then read the docs.`,
    );
    const batches = [];
    for (let i = 0; i < units.length; i += batchSize) batches.push(units.slice(i, i + batchSize));
    // Warm the language lists, the connection and the code path, so that the timed part is steady translation.
    await engine.translate(['warm-up'], { from: 'en', to: 'fr' });
    const before = server.requests.filter((r) => r.path === '/v2/translate').length;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batches.length) {
          const batch = batches[next++];
          const result = await engine.translate(batch, { from: 'en', to: 'fr' });
          if (result.texts.length !== batch.length) throw new Error('lost texts');
        }
      }),
    );
    const wall = Math.round(performance.now() - started);
    const requests = server.requests.filter((r) => r.path === '/v2/translate').length - before;
    const ideal = Math.round((requests / concurrency) * delayMs);
    return { units: unitCount, requests, ideal, wall, ratio: wall / ideal, peak: server.peakConcurrency };
  } finally {
    await server.close();
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
