import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';

// cmark's pathological inputs, at sizes that keep the suite fast (bench/pathological.mjs runs them
// at 100–200 KB): each is translated with the identity engine, so the output must be the input, or
// refused with exit 2 and a message naming the construct and its line.
const identityRun = ['--engine', 'identity', '--lang', 'fr', '--no-switcher', '--out', '{name}.{lang}.md'];

async function translate(markdown: string) {
  const project = tempProject();
  writeFileSync(join(project, 'README.md'), markdown);
  const result = await runCliHere('translate', [...identityRun, '--quiet'], project);
  return { ...result, output: () => readFileSync(join(project, 'README.fr.md'), 'utf8') };
}

async function expectIdentity(markdown: string): Promise<void> {
  const result = await translate(markdown);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.output() === markdown).toBe(true);
}

async function expectRefused(markdown: string, message: string): Promise<void> {
  const result = await translate(markdown);
  expect(result.stderr).toBe(`readme-i18n: README.md: ${message}\n`);
  expect(result.status).toBe(2);
}

const tooManyDelimiters = (count: string) =>
  `the paragraph at line 1 has more than 1,000 \`*\`, \`_\` or \`~\` (${count} by line 1): the Markdown parser matches each against the earlier ones, in time that grows with the square of their number; split the paragraph, or escape them as \`\\*\``;
const tooManyBrackets = (count: string) =>
  `the paragraph at line 1 has more than 1,000 \`[\` or \`]\` (${count} by line 1): the Markdown parser matches each against the earlier ones, in time that grows with the square of their number; split the paragraph, or escape them as \`\\[\``;
const nestedTooDeep = (line: number, depth: string) =>
  `line ${line} nests blockquotes and lists ${depth} deep (\`>\`, \`-\` or \`1.\` markers), more than the 32 accepted: the Markdown parser slows down with the square of that nesting; nest less`;

describe('pathological Markdown', () => {
  it('refuses nested brackets', async () => {
    await expectRefused(`${'['.repeat(2000)}a${']'.repeat(2000)}\n`, tooManyBrackets('4,000'));
  });

  it('refuses `a**b` repeated', async () => {
    await expectRefused(`${'a**b'.repeat(1000)}\n`, tooManyDelimiters('2,000'));
  });

  it('refuses `*a_ ` repeated', async () => {
    await expectRefused(`${'*a_ '.repeat(1000)}\n`, tooManyDelimiters('2,000'));
  });

  it('refuses nested `*` and nested strong and emphasis', async () => {
    await expectRefused(`${'*'.repeat(2031)}a${'*'.repeat(2031)}\n`, tooManyDelimiters('4,062'));
    await expectRefused(`${'**_'.repeat(400)}a${'_**'.repeat(400)}\n`, tooManyDelimiters('2,400'));
  });

  it('refuses 20,000 nested blockquote markers, and `- ` or `1. ` 2,031 times on one line', async () => {
    await expectRefused(`${'>'.repeat(20_000)} a\n`, nestedTooDeep(1, '20,000'));
    await expectRefused(`${'>'.repeat(4062)} a\n`, nestedTooDeep(1, '4,062'));
    await expectRefused(`${'- '.repeat(2031)}a\n`, nestedTooDeep(1, '2,031'));
    await expectRefused(`intro\n\n${'1. '.repeat(2031)}a\n`, nestedTooDeep(3, '2,031'));
  });

  it('translates nesting up to the limits', async () => {
    await expectIdentity(`${'>'.repeat(32)} a\n${'> '.repeat(16)}${'- '.repeat(16)}b\n`);
    await expectIdentity(`${'**_'.repeat(160)}a${'_**'.repeat(160)}\n`);
    await expectIdentity(`${'['.repeat(250)}a${']'.repeat(250)}\n`);
    await expectIdentity(`${'a**b'.repeat(250)}\n\n${'*a_ '.repeat(250)}\n`);
  });

  it('translates 2,000 list items', async () => {
    await expectIdentity(
      '- x\n'.repeat(1000) + Array.from({ length: 1000 }, (_, index) => `- x${index}\n`).join(''),
    );
  });

  it('translates a 500-row table with emphasis and links in every row', async () => {
    const rows = Array.from({ length: 500 }, (_, index) => `| **c${index}** | [d${index}](#d) |\n`);
    await expectIdentity(`| a | b |\n| - | - |\n${rows.join('')}`);
  });

  it('translates 1,000 reference definitions with titles, and the same heading 1,000 times', async () => {
    const definitions = Array.from(
      { length: 1000 },
      (_, index) => `[l${index}]: /u${index} "Title ${index}"\n`,
    );
    await expectIdentity(`See [l1] and [l999].\n\n${definitions.join('')}`);
    await expectIdentity('# Same\n\n[to the last](#same-999)\n\n'.repeat(1000));
  });

  it('leaves fenced code out of the counts', async () => {
    await expectIdentity(`\`\`\`json\n${'[[], {"a_b": "*"}],\n'.repeat(600)}\`\`\`\n`);
  });
});
