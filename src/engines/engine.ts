/**
 * The one interface every translation engine implements. An engine receives tagged units (see
 * `src/tagged-text.ts`) and must return each with the same tags; the pipeline validates and repairs.
 */
export interface EngineLimits {
  /** Most texts in one request. */
  readonly maxTexts: number;
  /** Most bytes (UTF-8) of text in one request. */
  readonly maxBytes: number;
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
}

export interface TranslateResult {
  /** One translation per input text, in order. */
  readonly texts: string[];
  /** Characters the provider bills for this request (0 for free engines). */
  readonly billedChars: number;
}

export interface Engine {
  readonly name: string;
  readonly limits: EngineLimits;
  /** Whether the engine keeps `<x/>` and `<g>` tags by itself. */
  readonly handlesTags: boolean;
  /** Translates one batch; the batch respects `limits`. */
  translate(texts: readonly string[], request: TranslateRequest): Promise<TranslateResult>;
  /** Whether the engine can translate from `from` to `to`. */
  supports?(from: string, to: string): Promise<boolean>;
  /** Frees processes or sockets; called once at the end of a run. */
  close?(): Promise<void>;
}
