// Render benchmark: HTML + PDF of lpic-305-300.md by readme-i18n against md-to-pdf (same Chromium,
// same run, alternating), then the cost of each added language when all share one browser.
// Run after `npm run build`: `node bench/render.mjs [--runs 3]`. Writes the `## Render` section.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mdToPdf } from 'md-to-pdf';
import { browserArgs } from '../build/render/launch-browser.js';
import { findBrowser } from '../build/render/find-browser.js';
import { renderSite } from '../build/render/render-site.js';
import { corpusFolder, median, writeSection } from './sections.mjs';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag === -1 ? 3 : Number(process.argv[runsFlag + 1]);
const source = join(corpusFolder, 'lpic-305-300.md');
if (!existsSync(source)) {
  console.log(`render benchmark skipped: ${source} not found`);
  process.exit(0);
}

const root = await mkdtemp(join(tmpdir(), 'bench-render-'));
const extra = ['fr', 'de', 'es'];
try {
  await copyFile(source, join(root, 'README.md'));
  await mkdir(join(root, 'locales'));
  // Added languages of the same size as the source: what a real translation costs to render.
  for (const lang of extra) await copyFile(source, join(root, `locales/README.${lang}.md`));
  const executablePath = findBrowser();

  const ours = async () => {
    const start = performance.now();
    await renderSite({ root, langs: [], outDir: 'out-ours' });
    return performance.now() - start;
  };
  const theirs = async () => {
    const start = performance.now();
    await mdToPdf(
      { path: join(root, 'README.md') },
      { dest: join(root, 'out-md-to-pdf.pdf'), launch_options: { executablePath, args: browserArgs() } },
    );
    return performance.now() - start;
  };
  // One warm-up each, then alternate so both see the same machine load.
  await ours();
  await theirs();
  const oursTimes = [];
  const theirTimes = [];
  for (let run = 0; run < runs; run++) {
    oursTimes.push(await ours());
    theirTimes.push(await theirs());
  }
  const a = median(oursTimes);
  const b = median(theirTimes);

  const languageRows = [];
  let previous;
  for (let count = 0; count <= extra.length; count++) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      await renderSite({ root, langs: extra.slice(0, count), outDir: `out-${count}` });
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
    '(md-to-pdf given the same `launch_options`). readme-i18n writes the HTML page and the PDF (outline, tagged, page numbers,',
    'internal links, Mermaid drawn); md-to-pdf writes its PDF. Goal: at most 0.5×. Produced by `node bench/render.mjs`.',
    '',
    '| input | readme-i18n (HTML + PDF) | md-to-pdf (PDF) | ratio |',
    '| --- | --- | --- | --- |',
    `| lpic-305-300.md | ${(a / 1000).toFixed(2)} s | ${(b / 1000).toFixed(2)} s | ${(a / b).toFixed(2)}× |`,
    '',
    `Goal met: ${a / b <= 0.5 ? 'yes' : 'no'}. Load average when the run ended: ${loadavg()[0].toFixed(1)} on 2 cores (other`,
    'work was running on the machine), so the absolute times are noisy; the ratio compares runs taken side by side.',
    '',
    'Each added language (a full-size copy of lpic-305-300.md), all sharing one browser, PDFs printed two at a time:',
    '',
    '| languages | HTML + PDF, total | added by the last language |',
    '| --- | --- | --- |',
    ...languageRows,
  ].join('\n');
  console.log(body);
  writeSection('Render', body);
} finally {
  await rm(root, { recursive: true, force: true });
}
