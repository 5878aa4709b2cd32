import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTokens } from '../../src/engines/token-estimate.js';
import { parseDocument } from '../../src/markdown/document.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { corpusFolder, hasCorpus } from '../helpers/corpus.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';
import { markdownFacts, resolveUrl, type MarkdownFacts } from '../helpers/markdown-facts.js';
import { countTerm, protectedTerms } from '../helpers/protected-terms.js';
import {
  startOpenaiServer,
  type OpenaiRecordedRequest,
  type OpenaiServer,
  type OpenaiServerFaults,
} from '../servers/openai-server.js';

const fixture = join(fixturesRoot, 'cli-translate-openai');
const apiKey = 'sk-proj-test-8c3e61f0a9d2';
/** The engine's batch limits (src/engines/openai-options.ts defaults). */
const batchTexts = 40;
const batchTokens = 1000;

let server: OpenaiServer;
beforeAll(async () => {
  server = await startOpenaiServer({ apiKey });
});
afterAll(async () => {
  await server.close();
});

const env = () => ({ OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: server.url, OPENAI_MODEL: '' });

/** Runs the CLI with the server misbehaving as told; the chat requests it made, in order. */
async function translate(project: string, args: readonly string[], faults: OpenaiServerFaults = {}) {
  const before = server.requests.length;
  server.setFaults(faults);
  try {
    const result = await runCliHere(
      'translate',
      ['--engine', 'openai', '--model', 'test-model', ...args],
      project,
      env(),
    );
    const sent = server.requests.slice(before).filter((request) => request.path === '/v1/chat/completions');
    return { ...result, sent };
  } finally {
    server.setFaults({});
  }
}

const filesOf = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

/** Requests the plan needs at the least: by segment count, or by tokens, whichever binds. */
function idealRequests(source: string): number {
  const texts = [
    ...new Set(
      parseDocument(source)
        .allUnits.filter((unit) => unit.prose)
        .map((unit) => unit.tagged),
    ),
  ];
  const tokens = texts.reduce((sum, text) => sum + estimateTokens(text), 0);
  return Math.max(Math.ceil(texts.length / batchTexts), Math.ceil(tokens / batchTokens));
}

/**
 * Inline code, links and strong/emphasis with a letter right against them: `word\`code\``, where
 * the source had a space. A translation that glues a boundary raises the count.
 */
function gluedBoundaries(markdown: string): number {
  let glued = 0;
  visit(parseMarkdown(markdown), (node) => {
    if (!['inlineCode', 'link', 'strong', 'emphasis'].includes(node.type)) return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    if (/\p{L}/u.test(markdown.charAt(start - 1)) || /\p{L}/u.test(markdown.charAt(end))) glued += 1;
  });
  return glued;
}

const keyNowhere = (
  project: string,
  result: { stdout: string; stderr: string },
  sent: OpenaiRecordedRequest[],
) => {
  for (const text of [
    result.stdout,
    result.stderr,
    ...filesOf(project),
    ...sent.map((request) => request.body),
  ])
    expect(text).not.toContain(apiKey);
};

describe('translate --engine openai (the official openai client against a local OpenAI-compatible server)', () => {
  it('translates in one request, keeps code, URLs and names, records the model, and never shows the key', async () => {
    const project = tempProject(fixture);
    const result = await translate(project, ['--lang', 'fr']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.sent.map((request) => [request.segments, request.responseFormat])).toEqual([
      [9, 'json_schema'],
    ]);
    const tokens = result.sent.reduce(
      (sum, request) => sum + request.promptTokens + request.completionTokens,
      0,
    );
    expect(result.stdout).toContain(
      `9 sent in 1 requests (406 characters, ${tokens.toLocaleString('en')} tokens)`,
    );
    expect(result.stdout).toMatch(/kept in source {2}characters sent {2}tokens\nfr .* 0 +406 +[\d,]+\n$/);
    expectFile(
      join(fixture, 'expected', 'README.fr.md'),
      readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8'),
    );
    const memory = readFileSync(join(project, 'locales', 'fr.po'), 'utf8');
    expect(memory.match(/#\. readme-i18n: engine=openai model=test-model date=\S+ sum=\w+/g)).toHaveLength(9);
    keyNowhere(project, result, result.sent);
  });

  it('repairs, asks again or keeps in the source every segment a misbehaving server spoils, and says which', async () => {
    const project = tempProject(fixture);
    const faults = { tooManyRequests: 3, retryAfterSeconds: 1, codeFences: 1, omitKeys: 1, dropTags: 6 };
    const result = await translate(project, ['--lang', 'fr', '--concurrency', '1'], faults);
    expect(result.sent.map((request) => [request.status, request.segments])).toEqual([
      [429, 9],
      [429, 9],
      [429, 9],
      [200, 9],
      [200, 1],
      [200, 1],
      [200, 1],
      [200, 1],
    ]);
    expect(result.stderr).toMatch(
      /^ {2}fr: line 7 kept its source text: it lost <x id="\d+"\/>; keep every tag of the source exactly once\n$/,
    );
    expect(result.status).toBe(1);
    // Every HTTP request counts, the 429s and the segments asked for again included.
    expect(result.stdout).toMatch(/9 sent in 8 requests \(406 characters, [\d,]+ tokens\)/);
    expectFile(
      join(fixture, 'expected', 'README.fr.faults.md'),
      readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8'),
    );
    keyNowhere(project, result, result.sent);
  });

  it('fails in bounded time with a clear message when the server is silent', async () => {
    const project = tempProject(fixture);
    const result = await translate(project, ['--lang', 'fr', '--timeout', '1'], { delayMs: 10_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^readme-i18n: the OpenAI-compatible server at http:\/\/127\.0\.0\.1:\d+\/v1 did not answer within 1 s while translating 9 segments from en into fr with test-model\./,
    );
    expect(result.sent).toHaveLength(1);
    expect(existsSync(join(project, 'locales', 'README.fr.md'))).toBe(false);
  });

  it('with --dry-run estimates the tokens, and sends and writes nothing', async () => {
    const project = tempProject(fixture);
    const result = await translate(project, ['--lang', 'fr', '--dry-run']);
    expect(result.stdout).toMatch(
      /^fr: locales\/README\.fr\.md — would send 9 units \(\d+ characters, ~[\d,]+ tokens\) in 1 requests; 0 from memory\n$/,
    );
    expect(result.sent).toEqual([]);
    expect(existsSync(join(project, 'locales'))).toBe(false);
  });

  it('without a model, stops with exit 2 and says how to name one', async () => {
    const project = tempProject(fixture);
    const result = await runCliHere('translate', ['--engine', 'openai', '--lang', 'fr'], project, env());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^readme-i18n: --engine openai needs a model: pass --model/);
  });
});

describe.skipIf(!hasCorpus)('lpic-305-300.md into French with --engine openai', () => {
  const source = hasCorpus ? readFileSync(join(corpusFolder, 'lpic-305-300.md'), 'utf8') : '';

  async function translateCorpus(faults: OpenaiServerFaults) {
    const project = tempProject();
    copyFileSync(join(corpusFolder, 'lpic-305-300.md'), join(project, 'README.md'));
    const result = await translate(project, ['--lang', 'fr', '--no-switcher'], faults);
    const output = readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8');
    return { project, result, output };
  }

  /** What the source holds, read once for both tests: each reading parses 240 KB of Markdown. */
  let sourceSide: { facts: MarkdownFacts; terms: Set<string>; glued: number; ideal: number } | undefined;
  function ofSource() {
    sourceSide ??= {
      facts: markdownFacts(source),
      terms: protectedTerms(source),
      glued: gluedBoundaries(source),
      ideal: idealRequests(source),
    };
    return sourceSide;
  }

  function expectFaithful(output: string) {
    const { facts: before, terms, glued } = ofSource();
    const after = markdownFacts(output);
    expect(after.code).toEqual(before.code);
    expect(after.inlineCode).toEqual(before.inlineCode);
    const targets = (urls: readonly string[], folder: string) =>
      urls.map((url) => (url.startsWith('#') ? '#' : resolveUrl(url, folder)));
    expect(targets(after.urls, 'locales')).toEqual(targets(before.urls, '.'));
    expect([...terms].filter((term) => countTerm(output, term) < countTerm(source, term))).toEqual([]);
    expect(gluedBoundaries(output)).toBeLessThanOrEqual(glued);
  }

  it('keeps every code block, inline code, URL and name, in at most 1.2× the ideal number of requests', async () => {
    const { project, result, output } = await translateCorpus({});
    expect(result.status).toBe(0);
    expect(output).not.toBe(source);
    expectFaithful(output);
    const { ideal } = ofSource();
    expect(result.sent.every((request) => request.status === 200)).toBe(true);
    expect(result.sent.length).toBeLessThanOrEqual(Math.ceil(ideal * 1.2));
    keyNowhere(project, result, result.sent);
  }, 300_000);

  it('repairs, asks again or reports every segment a misbehaving server spoils, and keeps the rest faithful', async () => {
    const faults = { tooManyRequests: 3, codeFences: 4, omitKeys: 4, dropTags: 12, untranslated: 3 };
    const { project, result, output } = await translateCorpus(faults);
    expectFaithful(output);
    const kept = [...result.stderr.matchAll(/^ {2}fr: line \d+ kept its source text: (.*)$/gm)].map(
      (match) => match[1],
    );
    // A segment is kept in its source only when asked twice and spoilt twice: the faults allow few.
    expect(kept.length).toBeLessThanOrEqual(faults.dropTags / 2);
    expect(result.status).toBe(kept.length > 0 ? 1 : 0);
    const retried = result.sent.filter((request) => request.status === 200 && request.segments === 1).length;
    const batches = result.sent.filter((request) => request.segments > 1 && request.status === 200).length;
    expect(result.sent.filter((request) => request.status === 429)).toHaveLength(3);
    // Every extra request is a 429 or a segment asked for again alone; the batches are as many as without faults.
    expect(batches).toBeLessThanOrEqual(Math.ceil(ofSource().ideal * 1.2));
    expect(retried).toBeLessThanOrEqual(faults.omitKeys + faults.dropTags + faults.untranslated + 1);
    keyNowhere(project, result, result.sent);
  }, 300_000);
});
