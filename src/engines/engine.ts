/**
 * The one interface every translation engine implements. An engine receives tagged units (see
 * `src/tagged-text.ts`) and must return each with the same tags; the pipeline validates and repairs.
 */
export interface EngineLimits {
  /** Most texts in one request. */
  readonly maxTexts: number;
  /** Most bytes (UTF-8) of text in one request. */
  readonly maxBytes: number;
  /** Most tokens of text in one request, as `estimateTokens` counts them, for engines billed by token. */
  readonly maxTokens?: number;
}

export interface TranslateRequest {
  /** Source language, a BCP 47 code such as `en`. */
  readonly from: string;
  /** Target language, a BCP 47 code such as `fr` or `pt-BR`. */
  readonly to: string;
  /** Terms that must come back untouched (already protected as `<x/>` tags by the core). */
  readonly glossary?: readonly string[];
  /** `more`, `less` or `default`, where the engine supports it. */
  readonly formality?: 'default' | 'more' | 'less';
  /**
   * Names the document keeps as written (the glossary and the terms the core protected), for engines
   * that take instructions. They travel as `<x/>` tags; the list tells a model what they are.
   */
  readonly names?: readonly string[];
  /**
   * Terms with a fixed translation in the target language (the `terms:` setting), source → translation.
   * They travel as `<x/>` tags and the core writes the translation in their place; engines that take
   * instructions are told, so that the words around them agree with it.
   */
  readonly terms?: ReadonlyMap<string, string>;
  /**
   * The pipeline's tag repair (`src/pipeline/repair-tags.ts`): the repaired translation, or undefined
   * when it cannot be repaired. Engines that can ask again use it to find the texts worth asking for.
   */
  readonly repairTags?: (source: string, translated: string) => string | undefined;
}

export interface TranslateResult {
  /** One translation per input text, in order. */
  readonly texts: string[];
  /**
   * Characters the provider reports it bills for this request (DeepL's `billedCharacters`); 0 or
   * absent for free engines and for providers that bill otherwise (by token).
   */
  readonly billedChars?: number;
  /**
   * Texts the engine could not translate, by index, with the reason: they keep their source text
   * and are reported (the run exits 1). Their entry in `texts` is the source text.
   */
  readonly failures?: ReadonlyMap<number, string>;
  /** HTTP requests made, retries included, where that is more than one (default: 1). */
  readonly requests?: number;
  /** Tokens the server counted, prompts and answers, for engines billed by token. */
  readonly tokens?: number;
}

export interface Engine {
  readonly name: string;
  /** The model, for engines that have several (recorded in the memory as `model=…`). */
  readonly model?: string;
  readonly limits: EngineLimits;
  /** Whether the engine keeps `<x/>` and `<g>` tags by itself. */
  readonly handlesTags: boolean;
  /** Translates one batch; the batch respects `limits`. */
  translate(texts: readonly string[], request: TranslateRequest): Promise<TranslateResult>;
  /** Whether the engine can translate from `from` to `to`. */
  supports?(from: string, to: string): Promise<boolean>;
  /** Tokens a batch would take, prompt and answer, for `translate --dry-run` (engines billed by token). */
  estimateTokens?(texts: readonly string[], request: TranslateRequest): number;
  /** Frees processes or sockets; called once at the end of a run. */
  close?(): Promise<void>;
}
