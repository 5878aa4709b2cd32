import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { checkMarkdownBytes } from '../markdown/markdown-bytes.js';

/**
 * Reads a Markdown source as UTF-8 text. A missing file, one over `maxBytes`, or bytes that are not
 * UTF-8 are input errors that name the file, the place and the fix.
 */
export async function readSource(file: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new InputError(`${file} is not a file; pass a Markdown file with --source`, { file });
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `cannot read ${file}: no such file; pass the Markdown file to translate with --source`,
      { file, cause: error },
    );
  }
  if (size > maxBytes) {
    throw new InputError(
      `${file} is ${size.toLocaleString('en')} bytes, over the limit of ${maxBytes.toLocaleString('en')}; ` +
        'raise it with --max-size if this file is really meant to be translated',
      { file },
    );
  }
  const bytes = await readFile(file);
  checkMarkdownBytes(file, bytes, 'pass a Markdown file with --source');
  const text = bytes.toString('utf8');
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') {
    const what = content === '' ? 'is empty' : 'holds nothing but white space';
    throw new InputError(
      `${file} ${what}: there is nothing to translate, and nothing was written; write the file first`,
      {
        file,
      },
    );
  }
  return text;
}
