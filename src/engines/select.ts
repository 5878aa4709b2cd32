import { UsageError } from '../errors.js';
import { engineNames } from './engine-names.js';
import { createApertiumEngine } from './apertium.js';
import { listApertiumDirections, missingDirectionError } from './apertium-directions.js';
import { deeplEngineFromEnv } from './deepl-from-env.js';
import type { DeeplGlossarySpec } from './deepl-glossary.js';
import type { DeeplFormality } from './deepl-options.js';
import type { Engine } from './engine.js';
import { createIdentityEngine } from './identity.js';
import { openaiEngineFromEnv } from './openai-from-env.js';
import { createPseudoEngine } from './pseudo.js';
import { shown } from '../shown-value.js';

export { engineNames } from './engine-names.js';

export interface EngineContext {
  readonly from: string;
  readonly langs: readonly string[];
  /** Where `DEEPL_AUTH_KEY` and `DEEPL_SERVER_URL` are read (default: the process environment). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly concurrency?: number;
  readonly formality?: Readonly<Record<string, DeeplFormality>>;
  /** The project's glossary, synced to the DeepL account by name and sent with each request (DeepL only). */
  readonly glossary?: DeeplGlossarySpec | undefined;
  /** The model, for `openai` (else `OPENAI_MODEL`). */
  readonly model?: string | undefined;
  /** Longest wait for one answer, in milliseconds (default: the engine's, 60 s). */
  readonly timeoutMs?: number | undefined;
}

/**
 * The engine named by `--engine`; without a name, DeepL when `DEEPL_AUTH_KEY` is set, else Apertium
 * when every direction is installed, else an error that names both ways forward.
 */
export async function createEngine(name: string | undefined, context: EngineContext): Promise<Engine> {
  const env = context.env ?? process.env;
  const deeplOptions = {
    concurrency: context.concurrency,
    formality: context.formality,
    requestTimeoutMs: context.timeoutMs,
    ...(context.glossary === undefined ? {} : { glossary: context.glossary }),
  };
  switch (name) {
    case 'identity':
      return createIdentityEngine();
    case 'pseudo':
      return createPseudoEngine();
    case 'deepl': {
      const engine = deeplEngineFromEnv(env, deeplOptions);
      if (!engine) {
        throw new UsageError(
          '--engine deepl needs a DeepL API key: set DEEPL_AUTH_KEY (and DEEPL_SERVER_URL for a proxy)',
        );
      }
      return engine;
    }
    case 'openai':
      return openaiEngineFromEnv(env, {
        model: context.model,
        concurrency: context.concurrency,
        timeoutMs: context.timeoutMs,
      });
    case 'apertium':
      return apertiumFor(context, undefined);
    case undefined: {
      const deepl = deeplEngineFromEnv(env, deeplOptions);
      return deepl ?? apertiumFor(context, 'set DEEPL_AUTH_KEY to translate with DeepL, or');
    }
    default:
      throw new UsageError(
        `unknown engine '${shown(name)}' in --engine; choose one of: ${engineNames.join(', ')}`,
      );
  }
}

/** Apertium, once every direction the run needs is known to be installed. */
async function apertiumFor(context: EngineContext, alternative: string | undefined): Promise<Engine> {
  const engine = createApertiumEngine();
  for (const lang of context.langs) {
    if (await engine.supports?.(context.from, lang)) continue;
    await engine.close?.();
    const error = missingDirectionError(context.from, lang, await listApertiumDirections());
    if (!alternative) throw error;
    throw new UsageError(
      `no translation engine for ${context.from} → ${lang}: ${alternative} ${lowerFirst(error.message)}`,
    );
  }
  return engine;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
