import OpenAI from 'openai';
import type { Engine, TranslateRequest, TranslateResult } from './engine.js';
import { checkSegment, readAnswer } from './openai-answer.js';
import {
  OpenaiTimeoutError,
  isContextLengthError,
  isRetryable,
  retryAfterMs,
  toEngineError,
  unsupportedParameter,
} from './openai-errors.js';
import { resolveOpenaiOptions, type OpenaiEngineOptions } from './openai-options.js';
import { answerSchema, buildMessages, estimateRequestTokens, type PromptInput } from './openai-prompt.js';
import { createLimiter, withRetry } from './retry.js';

/** Tokens the server counted, prompt and answer, over the engine's life. */
export interface OpenaiUsage {
  readonly requests: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface OpenaiEngine extends Engine {
  readonly model: string;
  /** Requests answered and tokens used so far. */
  usage(): OpenaiUsage;
  /** The models the server offers (`GET /models`), for `doctor`. */
  listModels(): Promise<string[]>;
}

/** How the answer's form is asked for: a JSON schema, any JSON object, or the prompt alone. */
type AnswerFormat = 'json_schema' | 'json_object' | 'none';

/** One segment of a batch: where it goes in the result, and its text. */
interface Segment {
  readonly index: number;
  readonly text: string;
}

/** What one `translate` call cost: HTTP requests (retries included) and tokens. */
interface Tally {
  requests: number;
  tokens: number;
}

/** A model's answer to one request: the JSON object, or why there is none to read. */
type Answer = { readonly values: Record<string, unknown> } | { readonly problem: string };

/**
 * Any OpenAI-compatible chat completions API (OpenAI, Azure, Ollama, llama.cpp, vLLM) through the
 * official SDK. Each request carries segments as a JSON object; every answer is checked, and a
 * segment that comes back wrong is asked for again alone, once, with what was wrong; after that it
 * keeps its source text and is reported. Temperature 0 and a seed, for answers that repeat.
 */
export function createOpenaiEngine(options: OpenaiEngineOptions): OpenaiEngine {
  const settings = resolveOpenaiOptions(options);
  const client = new OpenAI({
    apiKey: settings.apiKey,
    ...(settings.baseUrl === undefined ? {} : { baseURL: settings.baseUrl }),
    // Our retries honour retry-after and never retry a timeout; the SDK's would wait out a silent server.
    maxRetries: 0,
    // Ours (below) covers the body too and comes first; the SDK's only covers the headers.
    timeout: settings.timeoutMs + 1000,
  });
  const server = settings.baseUrl ?? 'https://api.openai.com/v1';
  const limit = createLimiter(settings.concurrency);
  const dropped = new Set<'seed' | 'temperature'>();
  let format: AnswerFormat = 'json_schema';
  let usage: OpenaiUsage = { requests: 0, promptTokens: 0, completionTokens: 0 };

  /** One HTTP request within the time allowed, aborted when it is up (body included). */
  async function complete(input: PromptInput, tally: Tally): Promise<OpenAI.Chat.Completions.ChatCompletion> {
    tally.requests += 1;
    const ids = Object.keys(input.segments);
    const responseFormat =
      format === 'json_schema'
        ? {
            response_format: {
              type: 'json_schema' as const,
              json_schema: { name: 'translations', strict: true, schema: answerSchema(ids) },
            },
          }
        : format === 'json_object'
          ? { response_format: { type: 'json_object' as const } }
          : {};
    const signal = AbortSignal.timeout(settings.timeoutMs);
    try {
      return await client.chat.completions.create(
        {
          model: settings.model,
          messages: buildMessages(input),
          ...(dropped.has('temperature') ? {} : { temperature: 0 }),
          ...(dropped.has('seed') ? {} : { seed: settings.seed }),
          ...responseFormat,
        },
        { signal },
      );
    } catch (error) {
      if (signal.aborted || error instanceof OpenAI.APIConnectionTimeoutError)
        throw new OpenaiTimeoutError(settings.timeoutMs);
      throw error;
    }
  }

  /** Asks for a batch, retrying 429/5xx/cut answers and stepping down what the server does not support. */
  async function ask(input: PromptInput, tally: Tally): Promise<Answer> {
    for (;;) {
      try {
        const completion = await limit(() =>
          withRetry(() => complete(input, tally), settings, isRetryable, retryAfterMs),
        );
        tally.tokens += completion.usage?.total_tokens ?? 0;
        usage = {
          requests: usage.requests + 1,
          promptTokens: usage.promptTokens + (completion.usage?.prompt_tokens ?? 0),
          completionTokens: usage.completionTokens + (completion.usage?.completion_tokens ?? 0),
        };
        const choice = completion.choices[0];
        const message = choice?.message;
        if (message?.refusal) return { problem: `the model refused: ${message.refusal}` };
        if (choice?.finish_reason === 'length')
          return { problem: 'the answer was cut off at the length limit' };
        const values = readAnswer(message?.content ?? '', Object.keys(input.segments));
        return values === undefined ? { problem: 'the answer is not a JSON object' } : { values };
      } catch (error) {
        const parameter = unsupportedParameter(error);
        if (parameter === 'response_format' && format !== 'none') {
          format = format === 'json_schema' ? 'json_object' : 'none';
          continue;
        }
        if ((parameter === 'seed' || parameter === 'temperature') && !dropped.has(parameter)) {
          dropped.add(parameter);
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * Translates segments into `out`; those that cannot be translated go into `failures`. A batch the
   * model's context cannot hold, or whose answer cannot be read, is split in two; a segment that
   * comes back wrong is asked for again alone, once, told what was wrong.
   */
  async function translateSegments(
    segments: readonly Segment[],
    request: TranslateRequest,
    out: string[],
    failures: Map<number, string>,
    tally: Tally,
    problem?: string,
  ): Promise<void> {
    const input: PromptInput = {
      from: request.from,
      to: request.to,
      names: request.names ?? request.glossary ?? [],
      terms: request.terms,
      segments: Object.fromEntries(segments.map((segment) => [String(segment.index), segment.text])),
      problem,
    };
    let answer: Answer;
    try {
      answer = await ask(input, tally);
    } catch (error) {
      if (!isContextLengthError(error)) throw error;
      answer = { problem: "the segment is longer than the model's context allows" };
      if (segments.length === 1) {
        failures.set(segments[0]?.index ?? 0, answer.problem);
        return;
      }
    }
    if ('problem' in answer) {
      if (segments.length > 1) {
        const half = Math.ceil(segments.length / 2);
        await Promise.all([
          translateSegments(segments.slice(0, half), request, out, failures, tally),
          translateSegments(segments.slice(half), request, out, failures, tally),
        ]);
        return;
      }
      const [only] = segments as [Segment];
      if (problem === undefined)
        return translateSegments(segments, request, out, failures, tally, answer.problem);
      failures.set(only.index, answer.problem);
      return;
    }
    const retries: Array<Promise<void>> = [];
    for (const segment of segments) {
      const verdict = checkSegment(segment.text, answer.values[String(segment.index)], request);
      if (verdict.ok) out[segment.index] = verdict.text;
      else if (problem === undefined)
        retries.push(translateSegments([segment], request, out, failures, tally, verdict.problem));
      else failures.set(segment.index, verdict.problem);
    }
    await Promise.all(retries);
  }

  return {
    name: 'openai',
    model: settings.model,
    limits: { maxTexts: settings.batchTexts, maxBytes: 1 << 20, maxTokens: settings.batchTokens },
    handlesTags: true,
    async translate(texts, request): Promise<TranslateResult> {
      const out = [...texts];
      const failures = new Map<number, string>();
      // Blank segments are not sent: they come back as they are.
      const segments = texts.flatMap((text, index) => (text.trim() === '' ? [] : [{ index, text }]));
      if (segments.length === 0) return { texts: out, billedChars: 0 };
      const what = `translating ${segments.length} segments from ${request.from} into ${request.to} with ${settings.model}`;
      const tally: Tally = { requests: 0, tokens: 0 };
      try {
        await translateSegments(segments, request, out, failures, tally);
      } catch (error) {
        throw toEngineError(error, what, server, settings.apiKey);
      }
      for (const index of failures.keys()) out[index] = texts[index] ?? '';
      return {
        texts: out,
        billedChars: 0,
        requests: tally.requests,
        tokens: tally.tokens,
        ...(failures.size > 0 ? { failures } : {}),
      };
    },
    estimateTokens(texts, request) {
      return estimateRequestTokens({
        from: request.from,
        to: request.to,
        names: request.names ?? request.glossary ?? [],
        terms: request.terms,
        segments: Object.fromEntries(texts.map((text, index) => [String(index), text])),
      });
    },
    async supports() {
      return true;
    },
    usage: () => usage,
    async listModels() {
      try {
        const models: string[] = [];
        for await (const model of client.models.list({ signal: AbortSignal.timeout(settings.timeoutMs) }))
          models.push(model.id);
        return models;
      } catch (error) {
        throw toEngineError(error, 'listing its models (GET /models)', server, settings.apiKey);
      }
    },
  };
}
