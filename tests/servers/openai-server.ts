import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat completions server for tests: real HTTP on 127.0.0.1, a port the OS
 * picks, bodies up to 4 MB, every timer cleared on `close()`.
 *
 * What it does: `POST /v1/chat/completions` reads the segments (the last user message, a JSON
 * object of id → tagged text) and answers a JSON object with the same keys, each text run
 * pseudo-translated word by word (vowels accented), never the tags,
 * nor the names listed in the system message's "Names to keep as written: …" line. `GET /v1/models`
 * lists `models`. Usage counts about four characters to a token.
 *
 * Faults (see `OpenaiServerFaults`) apply to chat completions only, and count down as served.
 * Every request is recorded in `requests`.
 */
export interface OpenaiServerOptions {
  /** The key clients must send as `Authorization: Bearer <key>` (default: any key, or none). */
  readonly apiKey?: string;
  /** The models served (default: `test-model`). */
  readonly models?: readonly string[];
  /** Refuse `response_format: json_schema` with a 400, as older servers do (default: false). */
  readonly noJsonSchema?: boolean;
  readonly faults?: OpenaiServerFaults;
}

export interface OpenaiServerFaults {
  /** Answer the next N requests 429 with `retry-after: retryAfterSeconds`. */
  readonly tooManyRequests?: number;
  readonly retryAfterSeconds?: number;
  /** Answer the next N requests 503. */
  readonly serverErrors?: number;
  /** Wait this long before answering each request. */
  readonly delayMs?: number;
  /** Send the headers and half the body of the next N answers, then cut the connection. */
  readonly cutBodies?: number;
  /** Wrap the next N answers in a code fence with a sentence before it. */
  readonly codeFences?: number;
  /** Leave the last key out of the next N answers (of more than one segment). */
  readonly omitKeys?: number;
  /** Drop the first `<x/>` with text on both sides, in the next N segments that have one. */
  readonly dropTags?: number;
  /** Hand the next N segments of four words or more back untranslated. */
  readonly untranslated?: number;
  /** Refuse, as a context-length error, any request whose segments take more than this many characters. */
  readonly contextChars?: number;
}

export interface OpenaiRecordedRequest {
  readonly path: string;
  readonly method: string;
  /** Segments in a chat completion request. */
  readonly segments: number;
  /** The request's body as sent (the key is never in a body). */
  readonly body: string;
  readonly hasAuth: boolean;
  /** `json_schema`, `json_object` or `none`. */
  readonly responseFormat: string;
  readonly promptTokens: number;
  completionTokens: number;
  status: number;
}

export interface OpenaiServer {
  /** Base URL to pass as `OPENAI_BASE_URL`, e.g. `http://127.0.0.1:40123/v1`. */
  readonly url: string;
  readonly requests: OpenaiRecordedRequest[];
  setFaults(faults: OpenaiServerFaults): void;
  /** The most chat completion requests in progress at once. */
  readonly peakConcurrency: number;
  close(): Promise<void>;
}

const maxBodyBytes = 4 * 1024 * 1024;

const accents: Record<string, string> = {
  a: 'à',
  e: 'é',
  i: 'ï',
  o: 'ô',
  u: 'ù',
  c: 'ç',
  n: 'ñ',
  A: 'À',
  E: 'É',
  I: 'Ï',
  O: 'Ô',
  U: 'Ù',
  C: 'Ç',
  N: 'Ñ',
};

/** Deterministic "French": each word of letters gets its vowels (and c, n) accented. */
export function pseudoFrench(text: string, keep: ReadonlySet<string>): string {
  return text.replace(/\p{L}[\p{L}\p{N}'’-]*/gu, (word) =>
    keep.has(word) || !/[A-Za-z]/.test(word)
      ? word
      : word.replace(/[aeioucnAEIOUCN]/g, (c) => accents[c] ?? c),
  );
}

const tagPattern = /(<x id="\d+"\/>|<g id="\d+">|<\/g>)/;

/** Pseudo-translates the text between tags (XML-escaped text stays escaped: entities are not words). */
function translateTagged(tagged: string, keep: ReadonlySet<string>): string {
  return tagged
    .split(tagPattern)
    .map((part) =>
      tagPattern.test(part)
        ? part
        : part.replace(/&[a-z]+;|[^&]+/g, (run) => (run.startsWith('&') ? run : pseudoFrench(run, keep))),
    )
    .join('');
}

interface ChatBody {
  readonly model?: string;
  readonly messages?: ReadonlyArray<{ role?: string; content?: unknown }>;
  readonly response_format?: { type?: string };
}

export async function startOpenaiServer(options: OpenaiServerOptions = {}): Promise<OpenaiServer> {
  const requests: OpenaiRecordedRequest[] = [];
  const models = options.models ?? ['test-model'];
  let faults = { ...(options.faults ?? {}) };
  let inFlight = 0;
  let peak = 0;
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  /** Takes one from a countdown fault; true when it applied. */
  const take = (name: keyof OpenaiServerFaults): boolean => {
    const left = (faults[name] as number | undefined) ?? 0;
    if (left <= 0) return false;
    faults = { ...faults, [name]: left - 1 };
    return true;
  };

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, { error: { message: String(error), type: 'server_error' } });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const record: OpenaiRecordedRequest = {
      path: url.pathname,
      method: request.method ?? 'GET',
      segments: 0,
      body: raw ?? '',
      hasAuth: request.headers.authorization !== undefined,
      responseFormat: 'none',
      promptTokens: Math.ceil((raw ?? '').length / 4),
      completionTokens: 0,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      send(response, status, payload, headers);
    };
    if (raw === undefined)
      return answer(413, { error: { message: 'Request body too large', type: 'invalid_request_error' } });
    const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (options.apiKey !== undefined && key !== options.apiKey) {
      return answer(401, {
        error: {
          message: 'Incorrect API key provided.',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      });
    }
    if (record.method === 'GET' && url.pathname === '/v1/models') {
      return answer(200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })),
      });
    }
    if (record.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
      return answer(404, {
        error: { message: `Unknown path ${url.pathname}`, type: 'invalid_request_error' },
      });
    }
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    response.once('close', () => (inFlight -= 1));
    const body = JSON.parse(raw) as ChatBody;
    const messages = body.messages ?? [];
    const system = String(messages.find((message) => message.role === 'system')?.content ?? '');
    const user = [...messages].reverse().find((message) => message.role === 'user');
    const segments = parseSegments(String(user?.content ?? '{}'));
    const ids = Object.keys(segments);
    (record as { segments: number }).segments = ids.length;
    const format = body.response_format?.type ?? 'none';
    (record as { responseFormat: string }).responseFormat = format;
    if ((faults.delayMs ?? 0) > 0) {
      await wait(faults.delayMs ?? 0);
      // A client that gave up meanwhile gets nothing, and takes no fault meant for a later request.
      if (response.destroyed || request.socket.destroyed) return;
    }
    if (!models.includes(body.model ?? '')) {
      return answer(404, {
        error: {
          message: `The model '${body.model}' does not exist`,
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      });
    }
    if (options.noJsonSchema === true && format === 'json_schema') {
      return answer(400, {
        error: {
          message: "Invalid value for 'response_format': json_schema is not supported",
          type: 'invalid_request_error',
          param: 'response_format',
        },
      });
    }
    if (take('tooManyRequests')) {
      return answer(
        429,
        { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
        { 'retry-after': String(faults.retryAfterSeconds ?? 0) },
      );
    }
    if (take('serverErrors'))
      return answer(503, { error: { message: 'The server is overloaded', type: 'server_error' } });
    const chars = Object.values(segments).reduce((sum, text) => sum + text.length, 0);
    if (faults.contextChars !== undefined && chars > faults.contextChars) {
      return answer(400, {
        error: {
          message: `This model's maximum context length is ${Math.ceil(faults.contextChars / 4)} tokens. However, your messages resulted in ${Math.ceil(chars / 4)} tokens.`,
          type: 'invalid_request_error',
          code: 'context_length_exceeded',
        },
      });
    }
    const names = /^Names to keep as written, never translated: (.*)\.$/m.exec(system)?.[1];
    const keep = new Set(names === undefined ? [] : names.split(', '));
    const translated: Record<string, string> = {};
    for (const id of ids) {
      const source = segments[id] ?? '';
      let text = translateTagged(source, keep);
      const middle = /(\S\s*)<x id="\d+"\/>(?=\s*\S)/;
      if (middle.test(text) && take('dropTags')) text = text.replace(middle, '$1');
      if ((source.match(/\p{L}{2,}/gu)?.length ?? 0) >= 4 && take('untranslated')) text = source;
      translated[id] = text;
    }
    if (ids.length > 1 && take('omitKeys')) delete translated[ids[ids.length - 1] ?? ''];
    let content = JSON.stringify(translated);
    if (take('codeFences'))
      content = `Here is the translation you asked for:\n\n\`\`\`json\n${content}\n\`\`\`\n`;
    record.completionTokens = Math.ceil(content.length / 4);
    const completion = {
      id: `chatcmpl-${requests.length}`,
      object: 'chat.completion',
      created: 0,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: record.promptTokens,
        completion_tokens: record.completionTokens,
        total_tokens: record.promptTokens + record.completionTokens,
      },
    };
    if (take('cutBodies')) {
      const json = JSON.stringify(completion);
      record.status = 200;
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
      });
      response.write(json.slice(0, Math.floor(json.length / 2)));
      await wait(20);
      response.socket?.destroy();
      return;
    }
    answer(200, completion);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setFaults(next) {
      faults = { ...next };
    },
    get peakConcurrency() {
      return peak;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

/** The user message's JSON object of segments; anything else is no segment. */
function parseSegments(content: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(content);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function send(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const json = JSON.stringify(payload);
  response
    .writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
      ...headers,
    })
    .end(json);
}

/** The body as text, or undefined past the size limit. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
