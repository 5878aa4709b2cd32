import { estimateTokens } from './token-estimate.js';
import { formatLanguageTag } from '../language-tag.js';

/**
 * The protocol with the model: one system message with the rules, one user message holding the
 * segments as a JSON object `{"<id>": "<tagged text>"}`; the answer is a JSON object with exactly the
 * same keys. Nothing here talks to a server.
 */
export interface PromptInput {
  readonly from: string;
  readonly to: string;
  /** Names to keep as written (glossary and protected terms). */
  readonly names: readonly string[];
  /** Terms the core writes in a fixed translation (source → translation), travelling as `<x/>` tags. */
  readonly terms?: ReadonlyMap<string, string> | undefined;
  /** The segments, by id. */
  readonly segments: Readonly<Record<string, string>>;
  /** Why the previous answer for these segments was refused, when they are asked for again. */
  readonly problem?: string | undefined;
}

export interface ChatMessage {
  readonly role: 'system' | 'user';
  readonly content: string;
}

/** `fr` → `French (fr)`; a code Intl does not know stays a code. */
export function describeLanguage(code: string): string {
  const canonical = formatLanguageTag(code);
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language' }).of(canonical);
  } catch {
    name = undefined;
  }
  return name === undefined || name === canonical ? canonical : `${name} (${canonical})`;
}

export function systemMessage(input: Omit<PromptInput, 'segments'>): string {
  const lines = [
    `You translate segments of a Markdown document from ${describeLanguage(input.from)} into ${describeLanguage(input.to)}.`,
    'The user sends a JSON object whose values are the segments. Answer with a JSON object that has exactly the same keys, each value the translation of that segment.',
    'Rules:',
    '- Keep every tag exactly as written, each once: <x id="N"/> stands for something that must not change (code, a link, a name); <g id="N">…</g> wraps words that you translate. Move a tag only where the grammar of the target language needs it; never add, drop or renumber one.',
    '- Keep &lt; &gt; and &amp; as they are, and keep line breaks and the spaces at the start and end of a segment.',
    '- Add no Markdown of your own (no *, _, `, #, links) and no HTML.',
    '- Translate every segment, even a short one; leave out no key and add none.',
    '- Answer with the JSON object only: no explanation, no code fence.',
  ];
  if (input.names.length > 0) {
    lines.push(`Names to keep as written, never translated: ${input.names.join(', ')}.`);
  }
  if (input.terms !== undefined && input.terms.size > 0) {
    const pairs = [...input.terms].map(([term, translation]) => `${term} → ${translation}`);
    lines.push(
      `Terms with a fixed translation, which some <x id="N"/> tags stand for and which will be written so in their place (make the words around them agree): ${pairs.join('; ')}.`,
    );
  }
  if (input.problem !== undefined) {
    lines.push(
      `Your previous answer for this segment was refused: ${input.problem}. Translate it again, following the rules.`,
    );
  }
  return lines.join('\n');
}

export function buildMessages(input: PromptInput): ChatMessage[] {
  return [
    { role: 'system', content: systemMessage(input) },
    { role: 'user', content: JSON.stringify(input.segments) },
  ];
}

/** A strict JSON schema for the answer: exactly the segment ids, each a string. */
export function answerSchema(ids: readonly string[]): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(ids.map((id) => [id, { type: 'string' }])),
    required: [...ids],
    additionalProperties: false,
  };
}

/** Tokens per message and around the answer that chat formats add. */
const overheadTokens = 12;
/** Answers run longer than their source (French by about 20 %, German more). */
const answerGrowth = 1.3;

/** Tokens one request would take, prompt and answer, for `--dry-run`. */
export function estimateRequestTokens(input: PromptInput): number {
  const prompt = buildMessages(input).reduce((sum, message) => sum + estimateTokens(message.content), 0);
  const answer = Math.ceil(estimateTokens(JSON.stringify(input.segments)) * answerGrowth);
  return prompt + answer + overheadTokens;
}
