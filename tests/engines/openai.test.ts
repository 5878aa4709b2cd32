import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenaiEngine } from '../../src/engines/openai.js';
import { EngineError } from '../../src/errors.js';
import { repairTags } from '../../src/pipeline/repair-tags.js';
import {
  startOpenaiServer,
  type OpenaiRecordedRequest,
  type OpenaiServer,
  type OpenaiServerFaults,
} from '../servers/openai-server.js';

const apiKey = 'sk-test-4b1d9e77c0a2';
let server: OpenaiServer;
beforeAll(async () => {
  server = await startOpenaiServer({ apiKey });
});
afterAll(async () => {
  await server.close();
});

const engine = (options: { timeoutMs?: number; key?: string } = {}) =>
  createOpenaiEngine({
    apiKey: options.key ?? apiKey,
    baseUrl: server.url,
    model: 'test-model',
    initialBackoffMs: 1,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
const request = { from: 'en', to: 'fr', names: ['Vagrant'], repairTags };
const texts = [
  'Install the <g id="1">latest</g> release with <x id="2"/> and then run it.',
  'Read the <x id="1"/> file before you start the virtual machine.',
  ' Short one. ',
];
const clean = [
  'Ïñstàll thé <g id="1">làtést</g> réléàsé wïth <x id="2"/> àñd théñ rùñ ït.',
  'Réàd thé <x id="1"/> fïlé béfôré yôù stàrt thé vïrtùàl màçhïñé.',
  ' Shôrt ôñé. ',
];

/** Runs `work` with the server misbehaving as told; returns its result and the chat requests it made. */
async function withFaults<T>(
  faults: OpenaiServerFaults,
  work: () => Promise<T>,
): Promise<{ result: T; sent: OpenaiRecordedRequest[] }> {
  const before = server.requests.length;
  server.setFaults(faults);
  try {
    const result = await work();
    return { result, sent: server.requests.slice(before).filter((r) => r.path === '/v1/chat/completions') };
  } finally {
    server.setFaults({});
  }
}

const systemOf = (sent: OpenaiRecordedRequest | undefined): string =>
  String((JSON.parse(sent?.body ?? '{}') as { messages: Array<{ content: string }> }).messages[0]?.content);

describe('the openai engine against a local OpenAI-compatible server', () => {
  it('translates a batch in one request: a JSON schema, temperature 0, a seed, languages and names named', async () => {
    const { result, sent } = await withFaults({}, () => engine().translate(texts, request));
    expect(sent).toHaveLength(1);
    const tokens = (sent[0]?.promptTokens ?? 0) + (sent[0]?.completionTokens ?? 0);
    expect(result).toEqual({ texts: clean, billedChars: 0, requests: 1, tokens });
    expect(sent[0]?.responseFormat).toBe('json_schema');
    const body = JSON.parse(sent[0]?.body ?? '{}') as Record<string, unknown>;
    expect([body.model, body.temperature, body.seed]).toEqual(['test-model', 0, 1]);
    const system = systemOf(sent[0]);
    expect(system).toContain('from English (en) into French (fr)');
    expect(system).toContain('Names to keep as written, never translated: Vagrant.');
    expect(system).toContain('<x id="N"/>');
  });

  it('tells the model the fixed translations of the `terms:` setting that some placeholders stand for', async () => {
    const terms = new Map([['pull request', 'demande de fusion']]);
    const { sent } = await withFaults({}, () => engine().translate(texts, { ...request, terms }));
    expect(systemOf(sent[0])).toContain(
      'Terms with a fixed translation, which some <x id="N"/> tags stand for and which will be written so in their place (make the words around them agree): pull request → demande de fusion.',
    );
  });

  it('strips a preface and a code fence around the JSON, without asking again', async () => {
    const { result, sent } = await withFaults({ codeFences: 1 }, () => engine().translate(texts, request));
    expect(result.texts).toEqual(clean);
    expect(sent).toHaveLength(1);
  });

  it('asks again, alone and told why, for a segment the answer left out', async () => {
    const { result, sent } = await withFaults({ omitKeys: 1 }, () => engine().translate(texts, request));
    expect(result.texts).toEqual(clean);
    expect(sent.map((r) => r.segments)).toEqual([3, 1]);
    expect(systemOf(sent[1])).toContain(
      'Your previous answer for this segment was refused: the answer left this segment out.',
    );
  });

  it('asks again for a segment that lost a tag in the middle, then keeps its source and reports it', async () => {
    const once = await withFaults({ dropTags: 1 }, () => engine().translate(texts, request));
    expect(once.result.texts).toEqual(clean);
    expect(once.sent.map((r) => r.segments)).toEqual([3, 1]);
    expect(systemOf(once.sent[1])).toContain(
      'it lost <x id="2"/>; keep every tag of the source exactly once',
    );
    const twice = await withFaults({ dropTags: 2 }, () => engine().translate(texts.slice(0, 1), request));
    expect(twice.result.texts).toEqual(texts.slice(0, 1));
    expect(twice.sent.map((r) => r.segments)).toEqual([1, 1]);
    expect([...(twice.result.failures ?? [])]).toEqual([
      [0, 'it lost <x id="2"/>; keep every tag of the source exactly once'],
    ]);
  });

  it('asks again for a segment handed back untranslated', async () => {
    const { result, sent } = await withFaults({ untranslated: 1 }, () => engine().translate(texts, request));
    expect(result.texts).toEqual(clean);
    expect(sent.map((r) => r.segments)).toEqual([3, 1]);
  });

  it('waits out 429 three times as retry-after says, and 503s, and a body cut in the middle', async () => {
    for (const faults of [
      { tooManyRequests: 3, retryAfterSeconds: 0 },
      { serverErrors: 2 },
      { cutBodies: 1 },
    ] satisfies OpenaiServerFaults[]) {
      const { result, sent } = await withFaults(faults, () => engine().translate(texts, request));
      expect(result.texts).toEqual(clean);
      expect(sent).toHaveLength(1 + (faults.tooManyRequests ?? faults.serverErrors ?? faults.cutBodies ?? 0));
    }
  });

  it('splits a batch the context cannot hold, and reports a segment that alone is too long', async () => {
    const long = `${'A long sentence about virtual machines. '.repeat(10)}`;
    const { result, sent } = await withFaults({ contextChars: 150 }, () =>
      engine().translate([...texts, long], request),
    );
    expect(result.texts.slice(0, 3)).toEqual(clean);
    expect(result.texts[3]).toBe(long);
    expect([...(result.failures ?? [])]).toEqual([
      [3, "the segment is longer than the model's context allows"],
    ]);
    expect(sent.map((r) => r.segments)).toEqual([4, 2, 2, 1, 1]);
  });

  it('gives up on a silent server after the timeout, without asking again, with a clear message', async () => {
    const { result, sent } = await withFaults({ delayMs: 5000 }, () =>
      engine({ timeoutMs: 1000 })
        .translate(texts, request)
        .then(
          () => undefined,
          (error: unknown) => error,
        ),
    );
    expect(result).toBeInstanceOf(EngineError);
    expect((result as Error).message).toMatch(
      /^the OpenAI-compatible server at http:\/\/127\.0\.0\.1:\d+\/v1 did not answer within 1 s while translating 3 segments from en into fr with test-model\. .*--timeout <seconds>/,
    );
    expect(sent).toHaveLength(1);
  });

  it('never shows the key, even when the server refuses it', async () => {
    const wrong = 'sk-wrong-9f8e7d6c5b4a';
    const error = await engine({ key: wrong })
      .translate(texts, request)
      .then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
    expect(error?.message).toMatch(/refused the key .* \(HTTP 401\)\. Check OPENAI_API_KEY\.$/);
    expect(`${error?.message} ${error?.stack}`).not.toContain(wrong);
  });

  it('lists the models the server offers', async () => {
    expect(await engine().listModels()).toEqual(['test-model']);
  });
});

describe('the openai engine against a server without JSON schemas', () => {
  it('falls back to a JSON object answer once, then asks for that only', async () => {
    const old = await startOpenaiServer({ noJsonSchema: true });
    try {
      const translator = createOpenaiEngine({ baseUrl: old.url, model: 'test-model' });
      expect((await translator.translate(texts, request)).texts).toEqual(clean);
      expect((await translator.translate(texts, request)).texts).toEqual(clean);
      expect(old.requests.map((r) => [r.responseFormat, r.status])).toEqual([
        ['json_schema', 400],
        ['json_object', 200],
        ['json_object', 200],
      ]);
      expect(old.requests.every((r) => !r.body.includes('sk-'))).toBe(true);
    } finally {
      await old.close();
    }
  });
});
