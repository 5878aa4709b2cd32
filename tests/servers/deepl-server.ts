import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A DeepL-compatible HTTP server for tests: real HTTP on 127.0.0.1, a port the OS picks.
 *
 * What it does with text: `POST /v2/translate` (form or JSON body) "translates" each text by
 * upper-casing every run of text (`translate` option to change that), never the tags when
 * `tag_handling=xml`; text inside elements named in `ignore_tags` is left as it is. Without tag
 * handling the whole text, tags included, is upper-cased, as a real engine would mangle them. With a
 * `glossary_id`, each source term of that glossary's dictionary for the pair (a whole word, same
 * case) becomes its target, as written in the dictionary.
 * Each text bills its length in characters (code points).
 *
 * Also served: `GET /v2/usage`, `GET /v2/languages?type=source|target`, and the v3 multilingual
 * glossaries (`/v3/glossaries`, `/{id}`, `/{id}/entries`, `/{id}/dictionaries`).
 *
 * Faults (see `DeeplServerFaults`) apply to `/v2/translate` only, so that setup calls such as
 * language lists do not use them up. Every request is recorded in `requests`.
 */
export interface DeeplServerOptions {
  /** The key clients must send as `Authorization: DeepL-Auth-Key <key>` (default: any key). */
  readonly authKey?: string;
  /** Replaces each run of text; default upper-cases it. */
  readonly translate?: (text: string, targetLang: string) => string;
  /** Monthly character limit reported by `/v2/usage` (default 500 000). */
  readonly characterLimit?: number;
  readonly faults?: DeeplServerFaults;
}

export interface DeeplServerFaults {
  /** Answer the next N translate requests with 429 Too Many Requests. */
  readonly tooManyRequests?: number;
  /** Answer the next N translate requests with `serverErrorStatus`. */
  readonly serverErrors?: number;
  /** Status of `serverErrors` (default 503). */
  readonly serverErrorStatus?: number;
  /** Answer 456 Quota Exceeded to a translate request that would bill past this many characters in all. */
  readonly quotaCharacters?: number;
  /** Wait this long before answering any request. */
  readonly delayMs?: number;
  /** Destroy the connection of the next N translate requests without answering. */
  readonly dropConnections?: number;
  /** Send the headers and half the body of the next N translate answers, then cut the connection. */
  readonly cutBodies?: number;
  /** Remove the white space right before every tag (`foo <x/>` → `foo<x/>`). */
  readonly dropSpaceBeforeTag?: boolean;
  /** Reverse the order of the `<x/>` tags within each text. */
  readonly reorderTags?: boolean;
  /** Move punctuation that follows a closing tag inside it (`</g>.` → `.</g>`). */
  readonly punctuationIntoTag?: boolean;
  /** Drop the first `<x/>` tag of each text. */
  readonly dropTag?: boolean;
  /** Write the first `<x/>` tag of each text twice. */
  readonly duplicateTag?: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** Size of the request body in bytes. */
  readonly bodyBytes: number;
  /** Number of `text` values (translate requests), else 0. */
  readonly texts: number;
  /** The `text` values themselves, in order: what would be billed. */
  readonly textValues: readonly string[];
  /** Whether an `Authorization` header was sent (its value is never recorded). */
  readonly hasAuth: boolean;
  /** Body and query parameters except `text`; repeated names keep their last value. */
  readonly params: Readonly<Record<string, string>>;
  /** The status the server answered, or 0 for a dropped connection. */
  status: number;
}

export interface DeeplServer {
  /** Base URL to pass as `serverUrl`, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Every request so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Replaces the fault switches (counters restart from the given values). */
  setFaults(faults: DeeplServerFaults): void;
  /** Characters billed so far. */
  readonly billedCharacters: number;
  /** The most translate requests that were in progress at once. */
  readonly peakConcurrency: number;
  /** Stored glossaries, by id. */
  readonly glossaries: ReadonlyMap<string, StoredGlossary>;
  close(): Promise<void>;
}

export interface StoredGlossary {
  readonly name: string;
  readonly creationTime: string;
  readonly dictionaries: ReadonlyArray<{ sourceLang: string; targetLang: string; entries: string }>;
}

interface Language {
  readonly language: string;
  readonly name: string;
  readonly supports_formality?: boolean;
}

const sourceLanguages: Language[] = [
  ['AR', 'Arabic'],
  ['BG', 'Bulgarian'],
  ['CS', 'Czech'],
  ['DA', 'Danish'],
  ['DE', 'German'],
  ['EL', 'Greek'],
  ['EN', 'English'],
  ['ES', 'Spanish'],
  ['ET', 'Estonian'],
  ['FI', 'Finnish'],
  ['FR', 'French'],
  ['HU', 'Hungarian'],
  ['ID', 'Indonesian'],
  ['IT', 'Italian'],
  ['JA', 'Japanese'],
  ['KO', 'Korean'],
  ['LT', 'Lithuanian'],
  ['LV', 'Latvian'],
  ['NB', 'Norwegian (Bokmål)'],
  ['NL', 'Dutch'],
  ['PL', 'Polish'],
  ['PT', 'Portuguese'],
  ['RO', 'Romanian'],
  ['RU', 'Russian'],
  ['SK', 'Slovak'],
  ['SL', 'Slovenian'],
  ['SV', 'Swedish'],
  ['TR', 'Turkish'],
  ['UK', 'Ukrainian'],
  ['ZH', 'Chinese'],
].map(([language = '', name = '']) => ({ language, name }));

const formal = new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'PT-BR', 'PT-PT', 'JA', 'RU']);

const targetLanguages: Language[] = [
  ...sourceLanguages.filter((entry) => !['EN', 'PT', 'ZH'].includes(entry.language)),
  { language: 'EN-GB', name: 'English (British)' },
  { language: 'EN-US', name: 'English (American)' },
  { language: 'PT-BR', name: 'Portuguese (Brazilian)' },
  { language: 'PT-PT', name: 'Portuguese (European)' },
  { language: 'ZH-HANS', name: 'Chinese (simplified)' },
  { language: 'ZH-HANT', name: 'Chinese (traditional)' },
].map((entry) => ({ ...entry, supports_formality: formal.has(entry.language) }));

interface Body {
  readonly params: Record<string, string>;
  readonly texts: string[];
}

export async function startDeeplServer(options: DeeplServerOptions = {}): Promise<DeeplServer> {
  const requests: RecordedRequest[] = [];
  const glossaries = new Map<string, StoredGlossary>();
  const translateText = options.translate ?? ((text: string) => text.toUpperCase());
  let faults = counters(options.faults ?? {});
  let billed = 0;
  let inFlight = 0;
  let peak = 0;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { message: String(error) });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = parseBody(raw, request.headers['content-type'], url.searchParams);
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      bodyBytes: raw.length,
      texts: body.texts.length,
      textValues: [...body.texts],
      hasAuth: request.headers.authorization !== undefined,
      params: body.params,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, payload?: unknown): void => {
      record.status = status;
      send(response, status, payload);
    };
    const isTranslate = record.method === 'POST' && url.pathname === '/v2/translate';
    if (isTranslate) {
      // In progress from arrival until the answer is sent (or the connection dropped).
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      response.once('close', () => (inFlight -= 1));
    }
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    const key = /^DeepL-Auth-Key (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (key === undefined || (options.authKey !== undefined && key !== options.authKey)) {
      return answer(403, { message: 'Wrong endpoint or invalid authentication key' });
    }
    if (isTranslate) return translate(body, response, answer, record);
    if (url.pathname === '/v2/usage') {
      return answer(200, { character_count: billed, character_limit: options.characterLimit ?? 500_000 });
    }
    if (url.pathname === '/v2/languages') {
      return answer(200, body.params.type === 'target' ? targetLanguages : sourceLanguages);
    }
    if (url.pathname.startsWith('/v3/glossaries')) return glossaryRoute(record.method, url, body, answer);
    answer(404, { message: 'Not found' });
  }

  function translate(
    body: Body,
    response: ServerResponse,
    answer: (status: number, payload?: unknown) => void,
    record: RecordedRequest,
  ): void {
    if (faults.dropConnections > 0) {
      faults.dropConnections -= 1;
      response.socket?.destroy();
      return;
    }
    if (faults.tooManyRequests > 0) {
      faults.tooManyRequests -= 1;
      return answer(429, { message: 'Too many requests' });
    }
    if (faults.serverErrors > 0) {
      faults.serverErrors -= 1;
      return answer(faults.serverErrorStatus, { message: 'Internal error' });
    }
    const target = (body.params.target_lang ?? '').toUpperCase();
    if (!targetLanguages.some((entry) => entry.language === target)) {
      return answer(400, { message: `Value for 'target_lang' not supported.` });
    }
    const formality = body.params.formality;
    if ((formality === 'more' || formality === 'less') && !formal.has(target)) {
      return answer(400, { message: `'formality' is not supported for given 'target_lang'.` });
    }
    if (body.texts.length === 0) return answer(400, { message: `Parameter 'text' not specified.` });
    const characters = body.texts.reduce((sum, text) => sum + [...text].length, 0);
    if (faults.quotaCharacters !== undefined && billed + characters > faults.quotaCharacters) {
      return answer(456, { message: 'Quota Exceeded' });
    }
    billed += characters;
    const xml = body.params.tag_handling === 'xml';
    const ignored = new Set((body.params.ignore_tags ?? '').split(',').filter(Boolean));
    const glossary = glossaryEntries(
      glossaries.get(body.params.glossary_id ?? ''),
      body.params.source_lang ?? '',
      target,
    );
    const translateRun = (run: string, lang: string) =>
      withGlossary(run, glossary, (rest) => translateText(rest, lang));
    const translations = body.texts.map((text) => ({
      detected_source_language: (body.params.source_lang ?? 'EN').toUpperCase(),
      text: xml
        ? mischief(
            translateXml(text, ignored, (run) => translateRun(run, target)),
            faults,
          )
        : translateRun(text, target),
      billed_characters: [...text].length,
    }));
    if (faults.cutBodies > 0) {
      faults.cutBodies -= 1;
      const json = JSON.stringify({ translations });
      record.status = 200;
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
      });
      response.write(json.slice(0, Math.floor(json.length / 2)));
      setTimeout(() => response.socket?.destroy(), 20).unref();
      return;
    }
    answer(200, { translations });
  }

  function glossaryRoute(
    method: string,
    url: URL,
    body: Body,
    answer: (status: number, payload?: unknown) => void,
  ): void {
    const [, , , id, part] = url.pathname.split('/');
    if (id === undefined) {
      if (method === 'GET')
        return answer(200, { glossaries: [...glossaries].map(([key, item]) => glossaryInfo(key, item)) });
      if (method !== 'POST') return answer(405, { message: 'Method not allowed' });
      const dictionaries = [];
      for (let index = 0; body.params[`dictionaries[${index}].source_lang`] !== undefined; index += 1) {
        dictionaries.push({
          sourceLang: body.params[`dictionaries[${index}].source_lang`] ?? '',
          targetLang: body.params[`dictionaries[${index}].target_lang`] ?? '',
          entries: body.params[`dictionaries[${index}].entries`] ?? '',
        });
      }
      const created = { name: body.params.name ?? '', creationTime: new Date(0).toISOString(), dictionaries };
      const newId = randomUUID();
      glossaries.set(newId, created);
      return answer(201, glossaryInfo(newId, created));
    }
    const glossary = glossaries.get(id);
    if (glossary === undefined) return answer(404, { message: 'Glossary not found' });
    const pair = (dictionary: { sourceLang: string; targetLang: string }): boolean =>
      dictionary.sourceLang.toLowerCase() === (body.params.source_lang ?? '').toLowerCase() &&
      dictionary.targetLang.toLowerCase() === (body.params.target_lang ?? '').toLowerCase();
    if (part === undefined && method === 'GET') return answer(200, glossaryInfo(id, glossary));
    if (part === undefined && method === 'DELETE') {
      glossaries.delete(id);
      return answer(204);
    }
    if (part === 'entries' && method === 'GET') {
      const found = glossary.dictionaries.filter(pair);
      if (found.length === 0) return answer(404, { message: 'Dictionary not found' });
      return answer(200, {
        dictionaries: found.map((d) => ({
          source_lang: d.sourceLang,
          target_lang: d.targetLang,
          entries: d.entries,
          entries_format: 'tsv',
        })),
      });
    }
    if (part === 'dictionaries' && method === 'PUT') {
      const dictionary = {
        sourceLang: body.params.source_lang ?? '',
        targetLang: body.params.target_lang ?? '',
        entries: body.params.entries ?? '',
      };
      glossaries.set(id, {
        ...glossary,
        dictionaries: [...glossary.dictionaries.filter((d) => !pair(d)), dictionary],
      });
      return answer(200, dictionaryInfo(dictionary));
    }
    if (part === 'dictionaries' && method === 'DELETE') {
      glossaries.set(id, { ...glossary, dictionaries: glossary.dictionaries.filter((d) => !pair(d)) });
      return answer(204);
    }
    answer(405, { message: 'Method not allowed' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setFaults(next) {
      faults = counters(next);
    },
    get billedCharacters() {
      return billed;
    },
    get peakConcurrency() {
      return peak;
    },
    glossaries,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

/** The fault switches with defaults filled in; the counters count down as faults are served. */
type Counters = {
  -readonly [K in keyof Omit<DeeplServerFaults, 'quotaCharacters'>]-?: NonNullable<DeeplServerFaults[K]>;
} & {
  quotaCharacters: number | undefined;
};

function counters(faults: DeeplServerFaults): Counters {
  return {
    tooManyRequests: faults.tooManyRequests ?? 0,
    serverErrors: faults.serverErrors ?? 0,
    serverErrorStatus: faults.serverErrorStatus ?? 503,
    quotaCharacters: faults.quotaCharacters,
    delayMs: faults.delayMs ?? 0,
    dropConnections: faults.dropConnections ?? 0,
    cutBodies: faults.cutBodies ?? 0,
    dropSpaceBeforeTag: faults.dropSpaceBeforeTag ?? false,
    reorderTags: faults.reorderTags ?? false,
    punctuationIntoTag: faults.punctuationIntoTag ?? false,
    dropTag: faults.dropTag ?? false,
    duplicateTag: faults.duplicateTag ?? false,
  };
}

function glossaryInfo(id: string, glossary: StoredGlossary): unknown {
  return {
    glossary_id: id,
    name: glossary.name,
    creation_time: glossary.creationTime,
    dictionaries: glossary.dictionaries.map(dictionaryInfo),
  };
}

function dictionaryInfo(dictionary: { sourceLang: string; targetLang: string; entries: string }): unknown {
  return {
    source_lang: dictionary.sourceLang,
    target_lang: dictionary.targetLang,
    entry_count: dictionary.entries.split('\n').filter((line) => line.trim() !== '').length,
  };
}

function send(response: ServerResponse, status: number, payload?: unknown): void {
  if (payload === undefined) {
    response.writeHead(status).end();
    return;
  }
  const json = JSON.stringify(payload);
  response
    .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
    .end(json);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined, query: URLSearchParams): Body {
  const params: Record<string, string> = {};
  const texts: string[] = [];
  for (const [name, value] of query) params[name] = value;
  if (contentType?.includes('application/json') === true) {
    const json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    for (const [name, value] of Object.entries(json)) {
      if (name === 'text' && Array.isArray(value)) texts.push(...value.map(String));
      else params[name] = Array.isArray(value) ? value.join(',') : String(value);
    }
  } else {
    for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) {
      if (name === 'text') texts.push(value);
      else params[name] = value;
    }
  }
  return { params, texts };
}

const xmlToken = /<\/?([A-Za-z_][\w.-]*)[^>]*?(\/?)>|[^<]+/g;

/** Translates the text runs of an XML fragment, leaving tags and ignored elements as they are. */
function translateXml(
  text: string,
  ignored: ReadonlySet<string>,
  translate: (run: string) => string,
): string {
  let depthIgnored = 0;
  let out = '';
  for (const match of text.matchAll(xmlToken)) {
    const [whole, name, selfClosing] = match;
    if (name === undefined) {
      out += depthIgnored > 0 ? whole : escape(translate(unescape(whole)));
      continue;
    }
    out += whole;
    if (!ignored.has(name) || selfClosing === '/') continue;
    depthIgnored += whole.startsWith('</') ? -1 : 1;
  }
  return out;
}

/** A glossary's entries for one language pair (DeepL dictionaries are not regional: `EN-GB` → `en`). */
function glossaryEntries(
  glossary: StoredGlossary | undefined,
  source: string,
  target: string,
): ReadonlyMap<string, string> {
  const primary = (code: string) => code.toLowerCase().split('-')[0];
  const dictionary = glossary?.dictionaries.find(
    (d) => primary(d.sourceLang) === primary(source) && primary(d.targetLang) === primary(target),
  );
  const entries = new Map<string, string>();
  for (const line of (dictionary?.entries ?? '').split('\n')) {
    const [from, to] = line.split('\t');
    if (from !== undefined && to !== undefined && from !== '') entries.set(from, to);
  }
  return entries;
}

/** A run translated, its glossary terms (whole words, longest first) written as the glossary says. */
function withGlossary(
  run: string,
  entries: ReadonlyMap<string, string>,
  translate: (text: string) => string,
): string {
  if (entries.size === 0) return translate(run);
  const words = [...entries.keys()]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  let out = '';
  let last = 0;
  for (const match of run.matchAll(pattern)) {
    if (match.index > last) out += translate(run.slice(last, match.index));
    out += entries.get(match[0]) ?? match[0];
    last = match.index + match[0].length;
  }
  return out + (last < run.length ? translate(run.slice(last)) : '');
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The known misbehaviours of machine translation around tags, on request. */
function mischief(text: string, faults: Counters): string {
  let out = text;
  const selfClosing = /<x\b[^>]*\/>/g;
  if (faults.reorderTags) {
    const tags = out.match(selfClosing) ?? [];
    let next = tags.length;
    out = out.replace(selfClosing, () => tags[--next] ?? '');
  }
  if (faults.dropTag) out = out.replace(/<x\b[^>]*\/>/, '');
  if (faults.duplicateTag) out = out.replace(/<x\b[^>]*\/>/, (tag) => tag + tag);
  if (faults.punctuationIntoTag) out = out.replace(/<\/([\w-]+)>([.,;:!?])/g, '$2</$1>');
  if (faults.dropSpaceBeforeTag) out = out.replace(/\s+(<[^>]+>)/g, '$1');
  return out;
}
