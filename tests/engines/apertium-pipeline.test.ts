import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../../src/errors.js';
import { ApertiumPipeline, PipelineDiedError } from '../../src/engines/apertium-pipeline.js';
import { splitAtHmmTagger } from '../../src/engines/apertium-tagger-stage.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The null-flush protocol of the pipeline, with small bash programs standing in for Apertium's
 * where Apertium cannot be made to misbehave on purpose (answering twice, never, or dying).
 */
const echo = `while IFS= read -r -d '' segment; do printf '%s\\0' "$segment"; done`;

function pipeline(script: string, unitTimeoutMs = 10_000): ApertiumPipeline {
  return new ApertiumPipeline({ direction: 'test', script, generatorFlag: '-n', unitTimeoutMs });
}

describe('ApertiumPipeline', () => {
  it('matches each answer to its segment and hides the sync marker', async () => {
    const running = pipeline(echo);
    try {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, index) => running.translate(`segment ${index}`)),
      );
      expect(answers).toEqual(Array.from({ length: 100 }, (_, index) => `segment ${index}`));
    } finally {
      await running.close();
    }
  });

  it('drops a pipeline whose answers get out of step', async () => {
    const running = pipeline(`while IFS= read -r -d '' segment; do printf 'one\\0%s\\0' "$segment"; done`);
    try {
      const failure = await running.translate('a').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PipelineDiedError);
      expect((failure as Error).message).toBe('Apertium test answered out of step; it is restarted');
      expect(running.alive).toBe(false);
    } finally {
      await running.close();
    }
  });

  it('gives up on a unit after the time limit', async () => {
    const running = pipeline('cat > /dev/null', 200);
    try {
      const failure = await running.translate('a').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(EngineError);
      expect(failure).not.toBeInstanceOf(PipelineDiedError);
      expect((failure as Error).message).toBe(
        'Apertium test gave no answer to a unit within 200 ms; the pipeline is restarted for the next unit. ' +
          'Raise the time limit (unitTimeoutMs) for very long units, or split the unit.',
      );
      expect(running.alive).toBe(false);
    } finally {
      await running.close();
    }
  });

  it('reports a pipeline that stops, with what it said', async () => {
    const running = pipeline('echo "no such mode" >&2; exit 3');
    try {
      const failure = await running.translate('a').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PipelineDiedError);
      expect((failure as Error).message).toBe('Apertium test stopped (exit code 3): no such mode');
      await expect(running.translate('b')).rejects.toThrow('Apertium test is not running');
    } finally {
      await running.close();
    }
  });

  describe('with an HMM tagger that keeps state from one segment to the next', () => {
    // Numbers the segments it has seen since it started, and says (on stderr, in the middle of the
    // record, as apertium-tagger -d does) that its state changed on a segment with CHANGE in it.
    const tagger = [
      '#!/bin/bash',
      'seen=0',
      "while IFS= read -r -d '' segment; do",
      '  seen=$((seen + 1))',
      '  printf "%s" "${segment:0:2}"',
      '  if [[ $segment == *CHANGE* ]]; then',
      `    printf "Error: A new ambiguity class was found. \\nRetraining the tagger is necessary so as to take it into account.\\nWord 'CHANGE'.\\nNew ambiguity class: {A,B}\\n" >&2`,
      '  fi',
      '  printf "%s %d\\0" "${segment:2}" "$seen"',
      'done',
    ].join('\n');
    let folder = '';
    const path = process.env.PATH;
    beforeAll(() => {
      folder = tempDir('apertium-tagger-');
      writeFileSync(join(folder, 'apertium-tagger'), `${tagger}\n`);
      chmodSync(join(folder, 'apertium-tagger'), 0o755);
      process.env.PATH = `${folder}:${path ?? ''}`;
    });
    afterAll(() => {
      process.env.PATH = path;
    });

    it('tags the segments after a state change with a fresh tagger, as if each were alone', async () => {
      const script = "cat | apertium-tagger -z -g $2 'model.prob' | cat";
      const running = new ApertiumPipeline({
        direction: 'test',
        script,
        generatorFlag: '-n',
        unitTimeoutMs: 10_000,
        split: splitAtHmmTagger(script),
      });
      try {
        const segments = ['one', 'two', 'a CHANGE', 'three', 'four', 'CHANGE again', 'five'];
        // All written at once: those the old tagger had read ahead go to the new one again.
        const answers = await Promise.all(segments.map((segment) => running.translate(segment)));
        expect(answers).toEqual([
          'one 1',
          'two 2',
          'a CHANGE 3',
          'three 1',
          'four 2',
          'CHANGE again 3',
          'five 1',
        ]);
      } finally {
        await running.close();
      }
    });
  });
});
