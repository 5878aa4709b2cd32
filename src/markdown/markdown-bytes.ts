import { InputError } from '../errors.js';

/**
 * Checks that the bytes of a Markdown file are UTF-8 text: not a known binary format, not UTF-16
 * (with or without a byte order mark), no NUL byte, no invalid UTF-8 sequence. Each refusal is an
 * input error naming the file, the byte offset and line, and the fix; `notText` is the fix for a
 * file that is no text at all (which depends on how the file came to be read).
 */
export function checkMarkdownBytes(file: string, bytes: Uint8Array, notText: string): void {
  const kind = binaryKind(bytes);
  if (kind !== undefined) {
    throw new InputError(`${file} is ${kind}, not a Markdown text file; ${notText}`, { file });
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
    const utf16 = utf16Order(bytes);
    throw new InputError(
      `${file} is not text: byte ${nul} (line ${lineAt(bytes, nul)}) is a NUL (0x00)` +
        (utf16
          ? `; it looks like UTF-16${utf16} without a byte order mark: convert it with \`iconv -f utf-16${utf16.toLowerCase()} -t utf-8\``
          : `; ${notText}`),
      { file },
    );
  }
  const invalid = findInvalidUtf8(bytes);
  if (invalid !== -1) {
    throw new InputError(
      `${file} is not valid UTF-8: byte ${invalid} (line ${lineAt(bytes, invalid)}) is 0x${(bytes[invalid] as number).toString(16).padStart(2, '0')}; ` +
        'convert the file to UTF-8, for example with `iconv -f latin1 -t utf-8`',
      { file },
    );
  }
}

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

/** The 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  return bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
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
