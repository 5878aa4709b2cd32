import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import {
  checkTaggerSplit,
  readTaggerRecord,
  splitAtHmmTagger,
} from '../../src/engines/apertium-tagger-stage.js';

// What `apertium-wblank-mode -z` prints for Debian's eng-spa and eng-cat (paths shortened).
const engSpa =
  "lt-proc -z '/p/eng-spa.automorf.bin' | apertium-wblank-attach | apertium-tagger -z -g $2 '/p/eng-spa.prob' | " +
  "apertium-pretransfer -z | apertium-transfer -z -b '/p/a|b.t1x' '/p/eng-spa.t1x.bin' | lt-proc -z $1 '/p/eng-spa.autogen.bin'\n";
const engCat =
  "lt-proc -z -w '/p/eng-cat.automorf.bin' | apertium-wblank-attach | cg-proc -z -w '/p/eng-cat.rlx.bin' | " +
  "apertium-tagger -z -gx '/p/eng-cat.prob' | apertium-pretransfer -z | lt-proc -z $1 '/p/eng-cat.autogen.bin'\n";

/** Word by word, what apertium-tagger 3.8.3 prints with `-d` when a word's ambiguity class is new. */
const newClass =
  "Error: A new ambiguity class was found. \nRetraining the tagger is necessary so as to take it into account.\nWord 'known'.\nNew ambiguity class: {ADJ,VLEXPP}\n";
const noCoarseTag =
  "Warning: There is not coarse tag for the fine tag 'x<foo>' of 'x<foo>'\n         This is because of an incomplete tagset definition or a dictionary error\n";
const zeroProbability = "Problem with word 'near' {ADV,ADJ}\n";

describe('splitAtHmmTagger', () => {
  it('cuts a pipeline around its HMM tagger, which then reports state changes on stdout', () => {
    expect(splitAtHmmTagger(engSpa)).toEqual({
      front: "lt-proc -z '/p/eng-spa.automorf.bin' | apertium-wblank-attach",
      tagger: "exec apertium-tagger -d -z -g $2 '/p/eng-spa.prob' 2>&1",
      back: "apertium-pretransfer -z | apertium-transfer -z -b '/p/a|b.t1x' '/p/eng-spa.t1x.bin' | lt-proc -z $1 '/p/eng-spa.autogen.bin'",
    });
  });

  it('leaves a perceptron tagger (-gx), which keeps no state, and a pipeline without a tagger whole', () => {
    expect(splitAtHmmTagger(engCat)).toBeUndefined();
    expect(splitAtHmmTagger("lt-proc -z 'a.bin' | lt-proc -z $1 'b.bin'")).toBeUndefined();
    expect(splitAtHmmTagger("apertium-tagger -z -g 'a.prob' | lt-proc -z $1 'b.bin'")).toBeUndefined();
  });
});

describe('readTaggerRecord', () => {
  it('takes out every message and says whether the tagger state changed', () => {
    expect(readTaggerRecord(`^An<det>$ ^open<adj>$ ${newClass}^known<adj>$[][]`)).toEqual({
      text: '^An<det>$ ^open<adj>$ ^known<adj>$[][]',
      stateChanged: true,
    });
    expect(readTaggerRecord(`^ne${zeroProbability}ar<adv>$ ${noCoarseTag}[]`)).toEqual({
      text: '^near<adv>$ []',
      stateChanged: false,
    });
    expect(readTaggerRecord('^Error<n><sg>$^:<sent>$ ^A<det>$ \\{new\\} ^class<n><sg>$[]')).toEqual({
      text: '^Error<n><sg>$^:<sent>$ ^A<det>$ \\{new\\} ^class<n><sg>$[]',
      stateChanged: false,
    });
  });

  it('gives back the record exactly, wherever stderr put the messages', () => {
    // Stream text as the tagger writes it: words, blanks, escapes, superblanks, line breaks.
    const piece = fc.constantFrom('^house<n><sg>$', ' ', '\n', '[<x id="1"/>]', '\\{', 'é', "'", '[[g:1]]');
    const message = fc.constantFrom(newClass, noCoarseTag, zeroProbability);
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), message), { maxLength: 4 }),
        (pieces, messages) => {
          const record = pieces.join('');
          // Each message whole, at a place of the record (the last place first, so places hold).
          const placed = messages
            .map(([at, text]) => ({ place: at % (record.length + 1), text }))
            .sort((a, b) => b.place - a.place);
          let noisy = record;
          for (const { place, text } of placed) noisy = noisy.slice(0, place) + text + noisy.slice(place);
          expect(readTaggerRecord(noisy)).toEqual({
            text: record,
            stateChanged: messages.some(([, text]) => text === newClass),
          });
        },
      ),
    );
  });
});

const pairs = '/usr/share/apertium';
const hasModels = [`${pairs}/apertium-eng-spa/eng-spa.prob`, `${pairs}/apertium-eng-cat/eng-cat.prob`].every(
  (model) => existsSync(model),
);

describe.skipIf(!hasModels)(
  'checkTaggerSplit, with the real models of apertium-eng-spa and apertium-eng-cat',
  () => {
    const script = (model: string) => `cat | apertium-tagger -z -g $2 '${model}' | cat`;

    it('keeps the cut of an HMM tagger', async () => {
      const split = splitAtHmmTagger(script(`${pairs}/apertium-eng-spa/eng-spa.prob`));
      expect(split).toBeDefined();
      expect(await checkTaggerSplit(split, ['-n', ''])).toBe(split);
    });

    it('leaves whole a pipeline whose plain -g tagger reads a perceptron model (pages of scores with -d)', async () => {
      const split = splitAtHmmTagger(script(`${pairs}/apertium-eng-cat/eng-cat.prob`));
      expect(split).toBeDefined();
      expect(await checkTaggerSplit(split, ['-n', ''])).toBeUndefined();
    });

    it('leaves whole a pipeline whose tagger does not start', async () => {
      const split = splitAtHmmTagger(script('/nonexistent/model.prob'));
      expect(await checkTaggerSplit(split, ['-n', ''])).toBeUndefined();
    });
  },
);
