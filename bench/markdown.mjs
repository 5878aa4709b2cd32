// Extract and splice with the identity engine, against @diplodoc/translation's extract and compose,
// on the same files in the same run. Goal: at most 0.5× its time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, compose } from '@diplodoc/translation';
import { parseDocument, renderDocument } from '../build/markdown/document.js';
import { corpusFolder, median, writeSection } from './sections.mjs';

const files = ['lpic-305-300.md', 'public-apis.md'];
const warmups = 2;
const runs = 7;

function time(task) {
  const samples = [];
  for (let run = 0; run < warmups + runs; run++) {
    const start = performance.now();
    const result = task();
    if (run >= warmups) samples.push(performance.now() - start);
    if (result === undefined) throw new Error('benchmark task returned nothing');
  }
  return median(samples);
}

if (!existsSync(corpusFolder)) {
  console.log(`markdown benchmark skipped: the corpus folder ${corpusFolder} does not exist`);
  process.exit(0);
}

const rows = [];
for (const name of files) {
  const markdown = readFileSync(join(corpusFolder, name), 'utf8');
  const ours = time(() => {
    const document = parseDocument(markdown);
    const out = renderDocument(document, (unit) => ({ tagged: unit.tagged }), {
      sourcePath: 'README.md',
      outputPath: 'README.md',
    });
    if (out.text !== markdown) throw new Error(`identity changed ${name}`);
    return out;
  });
  const theirs = time(() => {
    const { skeleton, xliff } = extract(markdown, {
      source: { language: 'en', locale: 'US' },
      target: { language: 'fr', locale: 'FR' },
    });
    return compose(skeleton, xliff, { useSource: true });
  });
  const units = parseDocument(markdown).allUnits.length;
  rows.push(
    `| ${name} | ${(markdown.length / 1024).toFixed(0)} KB | ${units} | ${ours.toFixed(0)} ms | ${theirs.toFixed(0)} ms | ${(ours / theirs).toFixed(2)}× |`,
  );
  console.log(
    `${name}: readme-i18n ${ours.toFixed(0)} ms, @diplodoc/translation ${theirs.toFixed(0)} ms, ratio ${(ours / theirs).toFixed(2)}`,
  );
}

writeSection(
  'Extract and splice',
  `Median of ${runs} runs after ${warmups} warm-ups: parse, extract units and splice them back with the identity engine
(readme-i18n), against \`@diplodoc/translation\` \`extract\` + \`compose\` (its skeleton and XLIFF, source kept) on the
same file in the same process. Goal: at most 0.5×. Produced by \`node bench/markdown.mjs\`.

| file | size | units | readme-i18n | @diplodoc/translation | ratio |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}`,
);
