import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** The byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] as number;
    let length: number;
    let min: number;
    if (byte < 0x80) {
      index++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return index;
    if (index + length > bytes.length) return index;
    let codePoint = byte & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next] as number;
      if ((continuation & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (continuation & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += length;
  }
  return -1;
}

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
  const kind = binaryKind(bytes);
  if (kind !== undefined) {
    throw new InputError(`${file} is ${kind}, not a Markdown text file; pass a Markdown file with --source`, {
      file,
    });
  }
  const bom = utf16Bom(bytes);
  if (bom !== undefined) {
    throw new InputError(
      `${file} is UTF-16${bom} text (its first bytes are the byte order mark ${bom === 'LE' ? 'FF FE' : 'FE FF'}), ` +
        'not UTF-8: convert it with `iconv -f utf-16 -t utf-8`',
      { file },
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = bytes.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1;
    const utf16 = utf16Order(bytes);
    throw new InputError(
      `${file} is not text: byte ${nul} (line ${line}) is a NUL (0x00)` +
        (utf16
          ? `; it looks like UTF-16${utf16} without a byte order mark: convert it with \`iconv -f utf-16${utf16.toLowerCase()} -t utf-8\``
          : '; pass a Markdown file with --source'),
      { file },
    );
  }
  const invalid = findInvalidUtf8(bytes);
  if (invalid !== -1) {
    const before = bytes.subarray(0, invalid);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    throw new InputError(
      `${file} is not valid UTF-8: byte ${invalid} (line ${line}) is 0x${(bytes[invalid] as number).toString(16).padStart(2, '0')}; ` +
        'convert the file to UTF-8, for example with `iconv -f latin1 -t utf-8`',
      { file },
    );
  }
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

/** Files people pass by mistake, by their first bytes. */
const signatures: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

function binaryKind(bytes: Uint8Array): string | undefined {
  return signatures.find(([, magic]) => magic.every((byte, index) => bytes[index] === byte))?.[0];
}

/** `LE` or `BE` when the file opens with a UTF-16 byte order mark. */
function utf16Bom(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'BE';
  return undefined;
}

/** `LE` or `BE` when the NULs fall on every other byte, as in UTF-16 text that is mostly ASCII. */
function utf16Order(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2 === 0) even++;
      else odd++;
    }
  });
  const half = sample.length / 2;
  if (odd > half / 2 && even < odd / 8) return 'LE';
  if (even > half / 2 && odd < even / 8) return 'BE';
  return undefined;
}
