import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { describe, expect, it } from 'vitest';
import { indexWordList, isEnglishPrefix, isEnglishWord, listHas } from '../../src/markdown/english-words.js';

/** What the index stands for: the list's lines as a set. */
function setHas(list: string, word: string): boolean {
  return new Set(list.split('\n')).has(word);
}

describe('the English word list', () => {
  it('indexed, says of every word what a set of its lines says', () => {
    const letter = fc.constantFrom('a', 'b', 'é', '-', '\n');
    const word = fc.string({ unit: letter, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { maxLength: 20 }), (words, asked) => {
        const list = words.join('\n');
        const index = indexWordList(list);
        if (index === undefined) return;
        for (const each of [...words, ...asked, ...list.split('\n')])
          expect(listHas(index, each), JSON.stringify({ list, each })).toBe(setHas(list, each));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a list whose words of the same first three letters are apart', () => {
    expect(indexWordList('abc\nabd\nabcd')).toBeUndefined();
    expect(indexWordList('ab\nabc\nab')).toBeUndefined();
    expect(indexWordList('abcd\nabce\nabd')).toBeDefined();
  });

  it('indexes the real list and finds each of its words, and no others', () => {
    const list = readFileSync(wordListPath, 'utf8');
    const index = indexWordList(list);
    expect(index).toBeDefined();
    const words = list.split('\n');
    expect(words.filter((word) => !listHas(index!, word))).toEqual([]);
    for (const word of ['qemu', 'img', 'xen', 'manlil', 'zzzsa', 'well-known', '', 'a\nb'])
      expect(isEnglishWord(word), word).toBe(setHas(list, word));
    expect(isEnglishWord('known')).toBe(true);
    expect(isEnglishWord('manlily')).toBe(true);
  });

  it('tells prefixes of many English words from names that start a few', () => {
    const list = readFileSync(wordListPath, 'utf8').split('\n');
    // As many words as the list has made of the start and another English word of three letters or more.
    const made = (start: string) =>
      list.filter(
        (word) =>
          word.startsWith(start) &&
          word.length - start.length >= 3 &&
          isEnglishWord(word.slice(start.length)),
      ).length;
    for (const start of ['multi', 'non', 'anti', 'hyper', 'redis', 'xen', 'kube', 'qemu', 'ab'])
      expect(isEnglishPrefix(start), start).toBe(start.length >= 3 && made(start) >= 50);
    expect(['multi', 'non', 'anti'].every(isEnglishPrefix)).toBe(true);
    expect(['redis', 'xen', 'kube'].some(isEnglishPrefix)).toBe(false);
  });
});
