import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { readHeaderField, withHeaderField, withoutHeaderField } from '../../src/memory/po-header-field.js';
import { open } from './helpers.js';
import { tempDir } from '../helpers/temp-dir.js';

const text = [
  'msgid ""',
  'msgstr ""',
  '"Project-Id-Version: README\\n"',
  '"Language: fr\\n"',
  '"X-Generator: readme-i18n\\n"',
  '',
  '#: README.md:3',
  'msgid "Create Release"',
  'msgstr "Créer une version"',
  '',
].join('\n');

describe('one PO header field, in the text', () => {
  it('is added at the end of the header, read back, replaced and removed', async () => {
    const added = await withHeaderField(text, 'X-State', 'abc 1,2');
    expect(added).toBe(
      text.replace(
        '"X-Generator: readme-i18n\\n"\n',
        '"X-Generator: readme-i18n\\n"\n"X-State: abc 1,2\\n"\n',
      ),
    );
    expect(readHeaderField(added ?? '', 'X-State')).toBe('abc 1,2');
    const replaced = await withHeaderField(added ?? '', 'X-State', 'def');
    expect(readHeaderField(replaced ?? '', 'X-State')).toBe('def');
    expect(withoutHeaderField(replaced ?? '', 'X-State')).toBe(text);
    expect(readHeaderField(text, 'X-State')).toBeUndefined();
    expect(withoutHeaderField(text, 'X-State')).toBe(text);
  });

  it('gives nothing for a text without a header', async () => {
    const bare = 'msgid "a"\nmsgstr "b"\n';
    expect(readHeaderField(bare, 'X-State')).toBeUndefined();
    expect(await withHeaderField(bare, 'X-State', 'x')).toBeUndefined();
  });

  it('is written as the memory writes it: a memory loaded and saved again leaves the file as it was', async () => {
    const file = join(tempDir('readme-i18n-memory-'), 'fr.po');
    const memory = await open(file);
    memory.record('Create Release', 'Créer une version', { origin: 'human' });
    await memory.save();
    const value = `${'0123456789abcdef'.repeat(4)} README.md=2204,1972,3 docs/a%20b.md=1,1,0`;
    const written = (await withHeaderField(readFileSync(file, 'utf8'), 'X-Readme-I18n-State', value)) ?? '';
    expect(readHeaderField(written, 'X-Readme-I18n-State')).toBe(value);
    writeFileSync(file, written);
    expect(await (await open(file)).save()).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('reads what gettext-parser reads, for any value', async () => {
    const values = fc
      .string({ unit: 'grapheme', maxLength: 300 })
      .map((value) => value.replace(/\s+/g, ' ').trim());
    await fc.assert(
      fc.asyncProperty(values, async (value) => {
        const written = (await withHeaderField(text, 'X-State', value)) ?? '';
        expect(po.parse(written).headers['X-State']).toBe(value);
        expect(readHeaderField(written, 'X-State')).toBe(value);
        expect(withoutHeaderField(written, 'X-State')).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
