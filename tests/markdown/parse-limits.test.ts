import { describe, expect, it } from 'vitest';
import { checkMarkdownLimits, MarkdownLimitError } from '../../src/markdown/parse-limits.js';

const lines = (count: number, line: string) => Array.from({ length: count }, () => line).join('\n');

function refusal(text: string): { line: number; message: string } | undefined {
  try {
    checkMarkdownLimits(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof MarkdownLimitError)) throw error;
    return { line: error.line, message: error.message.split(':')[0] ?? '' };
  }
}

describe('Markdown limits before parsing', () => {
  it('count a paragraph over all its lines, in a blockquote or continued lazily', () => {
    expect(refusal(`intro\n\n${lines(600, '> *a_ b')}\n`)).toEqual({
      line: 3,
      message: 'the paragraph at line 3 has more than 1,000 `*`, `_` or `~` (1,002 by line 503)',
    });
    expect(refusal(`text\n${lines(600, '[l]: *a_ b')}\n`)?.line).toBe(1);
    expect(refusal(`text\n${lines(600, '        *a_ b')}\n`)?.line).toBe(1);
  });

  it('count each table row, list item and run of definitions on its own', () => {
    expect(refusal(`| a | b |\n| - | :-: |\n${lines(2000, '| **x** | [y](#z) |')}\n`)).toBeUndefined();
    expect(refusal(`${lines(2000, '- **x** [y](#z)')}\n`)).toBeUndefined();
    expect(refusal(`${lines(2000, '[label]: /url "*title_*"')}\n`)).toBeUndefined();
  });

  it('leave fenced code out, but not what follows a fence less indented than it', () => {
    expect(refusal(`\`\`\`\n${lines(600, 'a_b[0]*c')}\n\`\`\`\n`)).toBeUndefined();
    expect(refusal(`- step\n     ~~~\n${lines(600, '     a_b[0]*c')}\n     ~~~\n`)).toBeUndefined();
    // Indented 4 after a line of text, it is that paragraph's text, not a fence.
    expect(refusal(`text\n    \`\`\`\n${lines(600, '    a_b[0]*c')}\n`)?.line).toBe(1);
    expect(refusal(`1. x\n\n   ~~~\n${lines(600, '   a_b[0]*c')}\n   ~~~\n`)).toBeUndefined();
    expect(refusal(`- x\n\n      \`\`\`\n${lines(600, '  a_b[0]*c')}\n`)?.line).toBe(4);
  });

  it('count nesting on one line only, up to 32', () => {
    expect(refusal(`${'> '.repeat(16)}${'1. '.repeat(16)}a\n`)).toBeUndefined();
    expect(refusal(`a\n${'>'.repeat(16)}${'* '.repeat(17)}a\n`)).toEqual({
      line: 2,
      message:
        'line 2 nests blockquotes and lists 33 deep (`>`, `-` or `1.` markers), more than the 32 accepted',
    });
    expect(refusal(lines(1000, `${'>'.repeat(32)} a`))).toBeUndefined();
  });
});
