import { describe, expect, it } from 'vitest';
import { parseJsonText, parseYamlText } from '../../src/config/parse-config-text.js';

function messageOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a syntax error');
}

const jsonAdvice =
  'Fix the syntax there; JSON allows no comments or trailing commas (use readme-i18n.config.yaml for comments).';

describe('parseJsonText', () => {
  it.each([
    // Node 20 states no position for these two; the line and column are found anyway.
    ['{\n  "languages": }', `c.json:2:16: not valid JSON (Unexpected token '}'). ${jsonAdvice}`],
    ['{"engine": tru}', `c.json:1:15: not valid JSON (Unexpected token '}'). ${jsonAdvice}`],
    ['{\n  "a": 1,\n}', `c.json:3:1: not valid JSON (Expected double-quoted property name). ${jsonAdvice}`],
    ['{"a" 1}', `c.json:1:6: not valid JSON (Expected ':' after property name). ${jsonAdvice}`],
    ['', `c.json:1:1: not valid JSON (Unexpected end of JSON input). ${jsonAdvice}`],
    [
      '{\n "languages": ["fr",\n  "es"\n',
      `c.json:4:1: not valid JSON (Expected ',' or ']' after array element). ${jsonAdvice}`,
    ],
  ])('%j', (text, expected) => {
    expect(messageOf(() => parseJsonText(text, 'c.json'))).toBe(expected);
  });

  it('parses valid JSON', () => {
    expect(parseJsonText('{"languages": ["fr"]}', 'c.json')).toEqual({ languages: ['fr'] });
  });
});

describe('parseYamlText', () => {
  it.each([
    ['a: 1\na: 2\n', 'c.yaml:2:1: not valid YAML (Map keys must be unique). Fix the syntax there.'],
    ["languages: ['fr\n", "c.yaml:2:1: not valid YAML (Missing closing 'quote). Fix the syntax there."],
  ])('%j', (text, expected) => {
    expect(messageOf(() => parseYamlText(text, 'c.yaml'))).toBe(expected);
  });

  it('parses YAML with comments, and an empty file as null', () => {
    expect(parseYamlText('# why\nlanguages: [fr] # and why\n', 'c.yaml')).toEqual({ languages: ['fr'] });
    expect(parseYamlText('', 'c.yaml')).toBeNull();
  });
});
