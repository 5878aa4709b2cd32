import { describe, expect, it } from 'vitest';
import { deformat, escapeStreamText } from '../../src/engines/apertium-deformat.js';
import { findDirection, missingDirectionError } from '../../src/engines/apertium-directions.js';
import {
  candidateDirections,
  debianPackageFor,
  parseLanguage,
} from '../../src/engines/apertium-languages.js';
import { reformat, reformatPositional } from '../../src/engines/apertium-reformat.js';
import { repairCaseAfterTags } from '../../src/engines/apertium-case.js';
import { repairSpacing } from '../../src/engines/apertium-repair.js';
import { parseStream } from '../../src/engines/apertium-stream.js';

/** The stream format both ways, without running Apertium: answers are written by hand. */
describe('deformat', () => {
  it('escapes every character the stream format gives a meaning to', () => {
    expect(escapeStreamText('[a] b\\c @d /e ^f $g <h> {i} *j #k ~l ~~ m')).toBe(
      '\\[a\\] b\\\\c \\@d \\/e \\^f \\$g \\<h\\> \\{i\\} \\*j \\#k [~]l [~~] m',
    );
  });

  it('drops NUL, which would end the segment', () => {
    expect(escapeStreamText('a\0b')).toBe('ab');
  });

  it('sends x tags as superblanks and words inside g with word-bound blanks', () => {
    const segment = deformat(
      'Run <x id="1"/> on <g id="2">the <g id="3">big</g> &amp; red</g> host.',
      'wordbound',
    );
    expect(segment.stream).toBe(
      'Run [<x id="1"/>] on [[g:2]]the[[/]] [[g:2,3]]big[[/]] [<s id="0"/>] [[g:2]]red[[/]] host.[]',
    );
    expect(segment.wordboundIds).toEqual([2, 3]);
    expect([...segment.enclosing]).toEqual([
      ['x1', []],
      ['g2', []],
      ['g3', [2]],
      ['s0', [2]],
    ]);
    expect([...segment.symbols]).toEqual([[0, '&']]);
  });

  it('sends each run of words inside a g in one word-bound blank, so multiwords still match', () => {
    expect(deformat('<g id="1">Getting started\nnow</g>  <g id="2"> due to </g>', 'wordbound').stream).toBe(
      '[[g:1]]Getting started\nnow[[/]]   [[g:2]]due to[[/]] []',
    );
  });

  it('gives a word a glued tag rides on a blank of its own', () => {
    expect(deformat('<g id="1">the big dog<x id="2"/></g>', 'wordbound').stream).toBe(
      '[[g:1]]the big[[/]] [[g:1; xa:2]]dog[[/]][]',
    );
  });

  it('sends symbols inside a g, which Apertium reads as blank, as superblanks of their own', () => {
    const segment = deformat('<g id="1">Explore the docs »</g> «x» <g id="2">a~b</g>', 'wordbound');
    expect(segment.stream).toBe(
      '[[g:1]]Explore the docs[[/]] [<s id="0"/>] «x» [[g:2]]a[[/]][<s id="1"/>][[g:2]]b[[/]][]',
    );
    expect([...segment.symbols]).toEqual([
      [0, '»'],
      [1, '~'],
    ]);
  });

  it('sends a g without letters whole, as one superblank', () => {
    const segment = deformat('See <g id="1"><x id="2"/> [1]</g> now', 'wordbound');
    expect(segment.stream).toBe('See [<g id="1"><x id="2"/> \\[1\\]</g>] now[]');
    expect(segment.wordboundIds).toEqual([]);
  });

  it('sends g tags as superblanks in positional mode', () => {
    expect(deformat('A <g id="1">big ~ house</g>.', 'positional').stream).toBe(
      'A [<g id="1">]big [~] house[</g>].[]',
    );
  });
});

describe('glued x tags', () => {
  it('ride on the word they are glued to, on one side only', () => {
    const segment = deformat(
      'big<x id="1"/><x id="2"/> dog, <x id="3"/>cat <g id="4">red.<x id="5"/></g>',
      'wordbound',
    );
    expect(segment.stream).toBe('[[xa:1,2]]big[[/]] dog, [[xb:3]]cat[[/]] [[g:4]]red.[[/]][<x id="5"/>][]');
    // Not on a mark: transfer may fold a moved word into the blank of a `.`.
    expect([...segment.attachedIds]).toEqual([1, 2, 3]);
  });

  it('stay positional with space on both sides or a word on both sides', () => {
    const segment = deformat('a <x id="1"/> b The<x id="2"/>house', 'wordbound');
    expect(segment.stream).toBe('a [<x id="1"/>] b The[<x id="2"/>]house[]');
    expect(segment.attachedIds.size).toBe(0);
  });

  it('come back once, after the last piece or before the first piece of their word', () => {
    const source = 'big<x id="1"/> dog, <x id="3"/>cat';
    const segment = deformat(source, 'wordbound');
    const answer = parseStream('[[xb:3]]Gato[[/]][[xb:3]],[[/]] perro [[xa:1]]grande[[/]][]');
    expect(reformat(answer, segment, source)).toBe('<x id="3"/>Gato, perro grande<x id="1"/>');
  });

  it('make the unit go positional when their word is gone', () => {
    const source = 'I<x id="1"/> know';
    expect(reformat(parseStream('Sé[]'), deformat(source, 'wordbound'), source)).toBeUndefined();
  });
});

describe('parseStream', () => {
  it('reads text, escapes, superblanks and word-bound blanks apart', () => {
    expect(parseStream('La \\[casa\\] [<x id="1"/>] [[g:2]]roja[[/]][[g:2; g:3]]x\\@[[/]][]')).toEqual([
      { kind: 'text', text: 'La [casa] ' },
      { kind: 'blank', content: '<x id="1"/>' },
      { kind: 'text', text: ' ' },
      { kind: 'word', text: 'roja', ids: [2], before: [], after: [] },
      { kind: 'word', text: 'x@', ids: [2, 3], before: [], after: [] },
    ]);
  });

  it('unescapes a superblank', () => {
    expect(parseStream('[<g id="1">\\[1\\]</g>]')).toEqual([{ kind: 'blank', content: '<g id="1">[1]</g>' }]);
  });
});

describe('reformat', () => {
  const source = 'The <g id="1">red</g> <g id="2">house</g> and <x id="3"/>';
  const segment = deformat(source, 'wordbound');

  it('puts each g around its words where transfer moved them', () => {
    const answer = parseStream('La [[g:2]]casa[[/]] [[g:1]]roja[[/]] y [<x id="3"/>][]');
    expect(reformat(answer, segment, source)).toBe('La <g id="2">casa</g> <g id="1">roja</g> y <x id="3"/>');
  });

  it('puts back the space transfer dropped between a word and a moved word', () => {
    const answer = parseStream('La [[g:2]]casa[[/]][[g:1]]roja[[/]] y [<x id="3"/>][]');
    expect(reformat(answer, segment, source)).toBe('La <g id="2">casa</g> <g id="1">roja</g> y <x id="3"/>');
  });

  it('keeps a glue the source had', () => {
    const glued = 'x<g id="1">y</g>z';
    expect(reformat(parseStream('x[[g:1]]y[[/]]z[]'), deformat(glued, 'wordbound'), glued)).toBe(glued);
  });

  it('gives up when the words of two elements interleave, or an element lost every word', () => {
    expect(
      reformat(parseStream('[[g:1]]a[[/]] [[g:2]]b[[/]] [[g:1]]c[[/]][]'), segment, source),
    ).toBeUndefined();
    expect(reformat(parseStream('La [[g:2]]casa[[/]] y [<x id="3"/>][]'), segment, source)).toBeUndefined();
  });

  it('keeps a symbol inside its g, at the edge too', () => {
    const docs = '<g id="1">Explore the docs »</g>';
    const answer = parseStream('[[g:1]]Explorar[[/]] [[g:1]]el[[/]] [[g:1]]docs[[/]] [<s id="0"/>][]');
    expect(reformat(answer, deformat(docs, 'wordbound'), docs)).toBe('<g id="1">Explorar el docs »</g>');
  });

  it('joins a positional answer as it came', () => {
    expect(reformatPositional(parseStream('Un [<g id="1">]gran \\& [~] casa[</g>].[]'))).toBe(
      'Un <g id="1">gran &amp; ~ casa</g>.',
    );
  });
});

describe('repairSpacing', () => {
  it('gives the translation the white space of the source at both ends', () => {
    expect(repairSpacing('I know it ', ' Lo sé', 'es')).toBe('Lo sé ');
    expect(repairSpacing('  Two', 'Dos', 'es')).toBe('  Dos');
    expect(repairSpacing('   ', '', 'es')).toBe('   ');
  });

  it('removes the space eng-spa puts before sentence marks, unless the source had it', () => {
    expect(repairSpacing('This is a test.', 'Esto es una prueba .', 'es')).toBe('Esto es una prueba.');
    expect(repairSpacing('Ratio 1 : 2', 'Proporción 1 : 2', 'es')).toBe('Proporción 1 : 2');
    expect(repairSpacing('Weight: 6', 'Poids : 6', 'fr')).toBe('Poids : 6');
  });

  it('makes two spaces one unless the source has two in a row', () => {
    expect(repairSpacing('the <x id="1"/> command is', 'l\'ordre <x id="1"/>  és', 'ca')).toBe(
      'l\'ordre <x id="1"/> és',
    );
    expect(repairSpacing('a  b', 'a  b', 'ca')).toBe('a  b');
    expect(repairSpacing('line\n  two', 'línea\n  dos', 'es')).toBe('línea\n  dos');
  });
});

describe('repairCaseAfterTags', () => {
  it('gives back the lower case of a word after an x tag that Apertium took for a sentence start', () => {
    expect(repairCaseAfterTags('<x id="1"/> is a hypervisor', '<x id="1"/> Es un hipervisor')).toBe(
      '<x id="1"/> es un hipervisor',
    );
  });

  it('leaves capitals the source had, acronyms, and other tags alone', () => {
    expect(repairCaseAfterTags('<x id="1"/> Spanish', '<x id="1"/> Español')).toBe('<x id="1"/> Español');
    expect(repairCaseAfterTags('<x id="1"/> is <x id="2"/> SQL', '<x id="1"/> Es <x id="2"/> SQL')).toBe(
      '<x id="1"/> es <x id="2"/> SQL',
    );
    expect(repairCaseAfterTags('<x id="1"/> uses it', '<x id="1"/> NASA lo usa')).toBe(
      '<x id="1"/> NASA lo usa',
    );
  });

  it('does the same after the dash or colon of a label that opens with code', () => {
    expect(repairCaseAfterTags('<x id="1"/> - the file to read', '<x id="1"/> - El archivo para leer')).toBe(
      '<x id="1"/> - el archivo para leer',
    );
    expect(repairCaseAfterTags('<x id="1"/>: the file', '<x id="1"/>: El archivo')).toBe(
      '<x id="1"/>: el archivo',
    );
    expect(repairCaseAfterTags('<x id="1"/> - The file', '<x id="1"/> - El archivo')).toBe(
      '<x id="1"/> - El archivo',
    );
  });

  it('does the same after a link or bold that holds only a name, opening a list item', () => {
    expect(
      repairCaseAfterTags(
        '<g id="1"><x id="2"/></g> and <g id="3"><x id="4"/></g> for inspiration.',
        '<g id="1"><x id="2"/></g> Y <g id="3"><x id="4"/></g> para inspiración.',
      ),
    ).toBe('<g id="1"><x id="2"/></g> y <g id="3"><x id="4"/></g> para inspiración.');
    expect(
      repairCaseAfterTags(
        '<g id="1"><x id="2"/></g> for <g id="3">reviving <x id="4"/></g>.',
        '<g id="1"><x id="2"/></g> Para <g id="3">revivir <x id="4"/></g>.',
      ),
    ).toBe('<g id="1"><x id="2"/></g> para <g id="3">revivir <x id="4"/></g>.');
  });

  it('keeps a capitalised word the source writes so, moved after the tag by the translation', () => {
    expect(repairCaseAfterTags('<g id="1">Mocha</g> runs on Node', '<g id="1">Mocha</g> Node corre')).toBe(
      '<g id="1">Mocha</g> Node corre',
    );
  });
});

describe('language names', () => {
  it('maps BCP 47 tags to ISO 639-3 codes and variants', () => {
    expect(parseLanguage('ca-ES-valencia')).toEqual({
      code2: 'ca',
      code3: 'cat',
      variants: ['ES', 'valencia'],
    });
    expect(parseLanguage('pt_BR')).toEqual({ code2: 'pt', code3: 'por', variants: ['BR'] });
    expect(
      ['en', 'es', 'ca', 'fr', 'pt', 'it', 'de', 'gl', 'oc', 'eo'].map((tag) => parseLanguage(tag).code3),
    ).toEqual(['eng', 'spa', 'cat', 'fra', 'por', 'ita', 'deu', 'glg', 'oci', 'epo']);
  });

  it('tries the variant of the target first, then the plain pair, then two-letter names', () => {
    expect(candidateDirections('en', 'ca-valencia')).toEqual([
      'eng-cat_valencia',
      'eng-cat',
      'en-ca_valencia',
      'en-ca',
    ]);
    expect(candidateDirections('en', 'es')).toEqual(['eng-spa', 'en-es']);
  });

  it('finds an installed direction and its mode file', () => {
    const installed = ['eng-cat', 'eng-cat_valencia', 'eng-spa', 'en-gl'];
    expect(findDirection('en', 'ca-ES-valencia', installed, '/modes')).toEqual({
      name: 'eng-cat_valencia',
      modeFile: '/modes/eng-cat_valencia.mode',
    });
    expect(findDirection('en-US', 'gl', installed, '/modes')?.name).toBe('en-gl');
    expect(findDirection('en', 'fr', installed, '/modes')).toBeUndefined();
  });

  it('names the Debian package of a pair in either direction and either naming', () => {
    expect(debianPackageFor('es', 'en')).toEqual({ name: 'apertium-eng-spa', known: true });
    expect(debianPackageFor('pt', 'es')).toEqual({ name: 'apertium-es-pt', known: true });
    expect(debianPackageFor('fr', 'oc')).toEqual({ name: 'apertium-oci-fra', known: true });
    expect(debianPackageFor('en', 'fr')).toEqual({ name: 'apertium-eng-fra', known: false });
  });

  it('says so plainly when Debian has no package for the pair', () => {
    expect(missingDirectionError('en', 'fr', ['eng-spa']).message).toBe(
      'Apertium cannot translate en → fr: direction eng-fra is not installed (installed: eng-spa). ' +
        'Debian has no package for this pair that readme-i18n knows of; if one exists it is installed with:\n' +
        "  sudo apt-get install apertium-eng-fra\n(`apt-cache search '^apertium-'` lists the pairs Debian packages)",
    );
  });
});
