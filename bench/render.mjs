// Render benchmark: HTML + PDF of lpic-305-300.md by readme-i18n against md-to-pdf (same Chromium,
// same run, alternating), then the cost of each added language when all share one browser.
// Run after `npm run build`: `node bench/render.mjs [--runs 3]`. Writes the `## Render` section.
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mdToPdf } from 'md-to-pdf';
import { browserArgs } from '../build/render/launch-browser.js';
import { findBrowser } from '../build/render/find-browser.js';
import { renderSite } from '../build/render/render-site.js';
import { corpusFolder, median, writeSection } from './sections.mjs';
import { benchFolder } from './temp-folder.mjs';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag === -1 ? 3 : Number(process.argv[runsFlag + 1]);
const source = join(corpusFolder, 'lpic-305-300.md');
if (!existsSync(source)) {
  console.log(`render benchmark skipped: ${source} not found`);
  process.exit(0);
}

const scratch = benchFolder('render');
const root = scratch.path;
const extra = ['fr', 'de', 'es'];
try {
  await copyFile(source, join(root, 'README.md'));
  await mkdir(join(root, 'locales'));
  // Added languages of the same size as the source: what a real translation costs to render.
  for (const lang of extra) await copyFile(source, join(root, `locales/README.${lang}.md`));
  const executablePath = findBrowser();

  const timed = async (work) => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  let fresh = 0;
  // Cold: a new output folder, so nothing from an earlier run (diagrams, PDFs) is there to reuse.
  const cold = () => timed(() => renderSite({ root, langs: [], outDir: `out-cold-${fresh++}` }));
  // After an edit: one more paragraph in the README, same output folder (diagrams reused, PDF printed).
  let edits = 0;
  const edited = async () => {
    await appendFile(join(root, 'README.md'), `\nOne more paragraph, edit ${++edits}.\n`);
    return timed(() => renderSite({ root, langs: [], outDir: 'out-again' }));
  };
  // Unchanged: the same README and output folder again (the PDF is up to date, no browser starts).
  const unchanged = () => timed(() => renderSite({ root, langs: [], outDir: 'out-again' }));
  const theirs = () =>
    timed(() =>
      mdToPdf(
        { path: join(root, 'README.md') },
        { dest: join(root, 'out-md-to-pdf.pdf'), launch_options: { executablePath, args: browserArgs() } },
      ),
    );
  // One warm-up each, then alternate so every variant sees the same machine load.
  await cold();
  await edited();
  await theirs();
  const times = { cold: [], edited: [], unchanged: [], theirs: [] };
  for (let run = 0; run < runs; run++) {
    times.cold.push(await cold());
    times.theirs.push(await theirs());
    times.edited.push(await edited());
    times.unchanged.push(await unchanged());
  }
  const b = median(times.theirs);
  const row = (label, values) => {
    const a = median(values);
    return `| ${label} | ${(a / 1000).toFixed(2)} s | ${(b / 1000).toFixed(2)} s | ${(a / b).toFixed(2)}× | ${a / b <= 0.5 ? 'yes' : 'no'} |`;
  };

  const languageRows = [];
  let previous;
  for (let count = 0; count <= extra.length; count++) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      await renderSite({ root, langs: extra.slice(0, count), outDir: `out-${count}-${run}` });
      times.push(performance.now() - start);
    }
    const total = median(times);
    languageRows.push(
      `| ${count + 1} | ${(total / 1000).toFixed(2)} s | ${previous === undefined ? '—' : `${((total - previous) / 1000).toFixed(2)} s`} |`,
    );
    previous = total;
  }

  const body = [
    `Median of ${runs} runs after one warm-up, alternating the two tools in the same process; Chromium \`${executablePath}\` for both`,
    '(md-to-pdf given the same `launch_options`). readme-i18n writes the HTML page and the PDF (bookmarks, page numbers and',
    'title, internal links, Mermaid diagrams drawn); md-to-pdf writes its PDF (no diagrams, no bookmarks). A new browser for',
    'every run of either. Goal: at most 0.5×. Produced by `node bench/render.mjs`.',
    '',
    '| lpic-305-300.md | readme-i18n (HTML + PDF) | md-to-pdf (PDF) | ratio | ≤ 0.5× |',
    '| --- | --- | --- | --- | --- |',
    row('first run (empty output folder)', times.cold),
    row('after a one-paragraph edit', times.edited),
    row('unchanged', times.unchanged),
    '',
    `Load average when the run ended: ${loadavg()[0].toFixed(1)} on 2 cores (Chromium's processes count).`,
    'Where the time of a first run goes, and why 0.5× is out of reach for it here: docs/notes/render.md, "Known limits".',
    '',
    'Each added language (a full-size copy of lpic-305-300.md), empty output folder, one browser for all, PDFs printed two at a time:',
    '',
    '| languages | HTML + PDF, total | added by the last language |',
    '| --- | --- | --- |',
    ...languageRows,
  ].join('\n');
  console.log(body);
  writeSection('Render', body);
} finally {
  scratch.remove();
}
