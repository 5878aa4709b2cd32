/**
 * The openai engine on lpic-305-300.md against the project's OpenAI-compatible test server, once
 * per language, through the whole pipeline (runTranslate): requests sent, the ideal for the batch
 * size (segments ÷ 40 or estimated tokens ÷ 1,000, whichever binds), tokens the server counted
 * (prompt and answer), the dry run's estimate, and segments kept in the source. Then the same for
 * French against a server that misbehaves (429 three times, code fences, left-out keys, lost tags).
 * Writes `## OpenAI engine` in docs/benchmarks.md (only that section). Skips without the corpus.
 *
 *   node bench/openai.mjs
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundled } from './bundle.mjs';
import { corpusFolder, writeSection } from './sections.mjs';
import { benchFolder } from './temp-folder.mjs';

const file = 'lpic-305-300.md';
const langs = ['fr', 'de', 'ja'];
const batchTexts = 40;
const batchTokens = 1000;
const faults = { tooManyRequests: 3, codeFences: 4, omitKeys: 4, dropTags: 12, untranslated: 3 };

if (!existsSync(join(corpusFolder, file))) {
  console.log(`openai: skipped, no ${file} in ${corpusFolder}`);
  process.exit(0);
}

const bundle = await importBundled('openai', {
  translate: 'src/pipeline/translate.ts',
  document: 'src/markdown/document.ts',
  tokens: 'src/engines/token-estimate.ts',
  server: 'tests/servers/openai-server.ts',
});
try {
  const { parseDocument } = bundle.modules.document;
  const { estimateTokens } = bundle.modules.tokens;

  const source = readFileSync(join(corpusFolder, file), 'utf8');
  const texts = [
    ...new Set(
      parseDocument(source)
        .allUnits.filter((unit) => unit.prose)
        .map((unit) => unit.tagged),
    ),
  ];
  const segmentTokens = texts.reduce((sum, text) => sum + estimateTokens(text), 0);
  const ideal = Math.max(Math.ceil(texts.length / batchTexts), Math.ceil(segmentTokens / batchTokens));

  const rows = [];
  for (const lang of langs) rows.push(await run(lang, {}));
  rows.push(await run('fr', faults));
  const table = [
    `\`translate --engine openai --model test-model\` on ${file} (${texts.length} unique segments, ~${segmentTokens.toLocaleString('en')} tokens of segments) against the test server (tests/servers/openai-server.ts, tokens counted as 4 characters each); batches of ${batchTexts} segments or ~${batchTokens.toLocaleString('en')} tokens, concurrency 4; ideal = ${ideal} requests; goal ≤ 1.2× the ideal.`,
    '',
    '| language | server | requests | ÷ ideal | 429s | asked again alone | prompt tokens | answer tokens | dry-run estimate | kept in source | exit |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.lang} | ${r.server} | ${r.requests} | ${(r.batches / ideal).toFixed(2)}× | ${r.rateLimited} | ${r.alone} | ${r.prompt.toLocaleString('en')} | ${r.answer.toLocaleString('en')} | ${r.estimate.toLocaleString('en')} | ${r.kept} | ${r.exit} |`,
    ),
    '',
    '"÷ ideal" counts the batch requests (more than one segment) answered; the retries of single segments and the 429s are counted apart.',
    '',
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Run with \`node bench/openai.mjs\`.`,
  ].join('\n');
  console.log(table);
  writeSection('OpenAI engine', table);
  if (rows.some((r) => r.batches > ideal * 1.2)) process.exitCode = 1;
} finally {
  await bundle.dispose();
}

async function run(lang, serverFaults) {
  const server = await bundle.modules.server.startOpenaiServer({ faults: serverFaults });
  const scratch = benchFolder('openai');
  const project = scratch.path;
  process.env.OPENAI_BASE_URL = server.url;
  process.env.OPENAI_API_KEY = 'sk-bench';
  try {
    copyFileSync(join(corpusFolder, file), join(project, 'README.md'));
    const options = { cwd: project, langs: [lang], engine: 'openai', model: 'test-model', switcher: false };
    const dry = await bundle.modules.translate.runTranslate({ ...options, dryRun: true });
    const result = await bundle.modules.translate.runTranslate(options);
    const chat = server.requests.filter((r) => r.path === '/v1/chat/completions');
    const answered = chat.filter((r) => r.status === 200);
    const kept = result.languages.reduce((sum, report) => sum + report.keptSource, 0);
    return {
      lang,
      server: Object.keys(serverFaults).length === 0 ? 'correct' : 'misbehaving',
      requests: chat.length,
      batches: answered.filter((r) => r.segments > 1).length,
      rateLimited: chat.filter((r) => r.status === 429).length,
      alone: answered.filter((r) => r.segments === 1).length,
      prompt: answered.reduce((sum, r) => sum + r.promptTokens, 0),
      answer: answered.reduce((sum, r) => sum + r.completionTokens, 0),
      estimate: dry.languages.reduce((sum, report) => sum + (report.tokensEstimate ?? 0), 0),
      kept,
      exit: kept > 0 ? 1 : 0,
    };
  } finally {
    await server.close();
    scratch.remove();
  }
}
