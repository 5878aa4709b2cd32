import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EngineError, UsageError } from '../errors.js';
import { deformat, type DeformattedSegment } from './apertium-deformat.js';
import {
  defaultModesDir,
  findDirection,
  listApertiumDirections,
  missingDirectionError,
  type ResolvedDirection,
} from './apertium-directions.js';
import { ApertiumPipeline, PipelineDiedError } from './apertium-pipeline.js';
import { checkTaggerSplit, splitAtHmmTagger, type TaggerSplit } from './apertium-tagger-stage.js';
import { reformat, reformatPositional } from './apertium-reformat.js';
import { repairCaseAfterTags } from './apertium-case.js';
import { repairSpacing } from './apertium-repair.js';
import { parseStream } from './apertium-stream.js';
import type { Engine, TranslateRequest, TranslateResult } from './engine.js';

export { listApertiumDirections } from './apertium-directions.js';

export interface ApertiumEngineOptions {
  /** Most milliseconds one unit may take before the engine gives up on it (default: `30000`). */
  readonly unitTimeoutMs?: number;
  /** Folder of the `*.mode` files (default: `/usr/share/apertium/modes`). */
  readonly modesDir?: string;
  /** Whether unknown words come back marked with `*` (default: `false`). */
  readonly markUnknown?: boolean;
}

const execFileAsync = promisify(execFile);

/**
 * The offline engine: Debian's Apertium pairs, one long-lived null-flush pipeline per direction,
 * each unit sent as one segment with its tags protected as Apertium blanks (see
 * `apertium-deformat.ts`). A pipeline that dies is restarted and the batch resent once.
 */
export function createApertiumEngine(options: ApertiumEngineOptions = {}): Engine {
  const unitTimeoutMs = options.unitTimeoutMs ?? 30_000;
  const modesDir = options.modesDir ?? defaultModesDir;
  const generatorFlag = options.markUnknown === true ? '-g' : '-n';
  if (!Number.isFinite(unitTimeoutMs) || unitTimeoutMs <= 0) {
    throw new UsageError(
      `Apertium's unitTimeoutMs must be a positive number of milliseconds, got ${String(unitTimeoutMs)}; for example { unitTimeoutMs: 30000 }.`,
    );
  }
  const pipelines = new Map<string, ApertiumPipeline>();
  const scripts = new Map<string, Promise<{ script: string; split: TaggerSplit | undefined }>>();
  let installed: Promise<string[]> | undefined;

  const resolve = async (from: string, to: string): Promise<ResolvedDirection | undefined> => {
    installed ??= listApertiumDirections(modesDir);
    return findDirection(from, to, await installed, modesDir);
  };

  const pipelineFor = async (direction: ResolvedDirection): Promise<ApertiumPipeline> => {
    const running = pipelines.get(direction.name);
    if (running?.alive) return running;
    if (!scripts.has(direction.name)) scripts.set(direction.name, pipelineScript(direction, generatorFlag));
    const { script, split } = await (scripts.get(direction.name) as Promise<{
      script: string;
      split: TaggerSplit | undefined;
    }>);
    const again = pipelines.get(direction.name);
    if (again?.alive) return again;
    const pipeline = new ApertiumPipeline({
      direction: direction.name,
      script,
      generatorFlag,
      unitTimeoutMs,
      split,
    });
    pipelines.set(direction.name, pipeline);
    return pipeline;
  };

  const translateOnce = async (
    texts: readonly string[],
    direction: ResolvedDirection,
    to: string,
  ): Promise<string[]> => {
    const pipeline = await pipelineFor(direction);
    const segments = texts.map((text) => deformat(text, 'wordbound'));
    // All segments go in at once: every program of the pipeline works while the next is read.
    const answers = await Promise.all(segments.map((segment) => pipeline.translate(segment.stream)));
    return Promise.all(
      texts.map(async (text, index) => {
        const rebuilt = reformat(
          parseStream(answers[index] as string),
          segments[index] as DeformattedSegment,
          text,
        );
        const tagged = rebuilt ?? (await translatePositional(pipeline, text));
        return repairCaseAfterTags(text, repairSpacing(text, tagged, to));
      }),
    );
  };

  return {
    name: 'apertium',
    limits: { maxTexts: 50, maxBytes: 64 * 1024 },
    handlesTags: true,
    async translate(texts: readonly string[], request: TranslateRequest): Promise<TranslateResult> {
      const direction = await resolve(request.from, request.to);
      if (direction === undefined)
        throw missingDirectionError(request.from, request.to, (await installed) ?? []);
      if (texts.length === 0) return { texts: [], billedChars: 0 };
      try {
        return { texts: await translateOnce(texts, direction, request.to), billedChars: 0 };
      } catch (error) {
        if (!(error instanceof PipelineDiedError)) throw error;
        // The pipeline died under this batch (killed, out of memory): one fresh start, then give up.
        try {
          return { texts: await translateOnce(texts, direction, request.to), billedChars: 0 };
        } catch (again) {
          if (!(again instanceof PipelineDiedError)) throw again;
          throw new EngineError(
            `Apertium ${direction.name} failed twice on the same batch: ${(again as Error).message}`,
            { cause: again },
          );
        }
      }
    },
    async supports(from: string, to: string): Promise<boolean> {
      return (await resolve(from, to)) !== undefined;
    },
    async close(): Promise<void> {
      const running = [...pipelines.values()];
      pipelines.clear();
      await Promise.all(running.map((pipeline) => pipeline.close()));
    },
  };
}

async function translatePositional(pipeline: ApertiumPipeline, text: string): Promise<string> {
  const segment = deformat(text, 'positional');
  return reformatPositional(parseStream(await pipeline.translate(segment.stream)));
}

/**
 * The null-flush pipeline of a mode, and its cut around an HMM tagger where it has one, so that
 * each segment is translated as if alone (see `apertium-tagger-stage.ts`).
 */
async function pipelineScript(
  direction: ResolvedDirection,
  generatorFlag: '-n' | '-g',
): Promise<{ script: string; split: TaggerSplit | undefined }> {
  const script = await nullFlushScript(direction);
  return { script, split: await checkTaggerSplit(splitAtHmmTagger(script), [generatorFlag, '']) };
}

/** The null-flush pipeline of a mode, as `apertium -z` runs it (see docs/notes/apertium.md). */
async function nullFlushScript(direction: ResolvedDirection): Promise<string> {
  try {
    const { stdout } = await execFileAsync('apertium-wblank-mode', ['-z', direction.modeFile], {
      encoding: 'utf8',
    });
    if (stdout.trim() === '') throw new Error('it printed nothing');
    return stdout;
  } catch (error) {
    throw new EngineError(
      `Could not read the Apertium pipeline of ${direction.modeFile} with apertium-wblank-mode (${(error as Error).message}). ` +
        'Reinstall Apertium: sudo apt-get install --reinstall apertium',
      { cause: error },
    );
  }
}
