import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync } from 'node:zlib';

/**
 * Reads a data file of a package, or its Brotli-compressed copy `<file>.br` when the file itself
 * is absent: the Action's bundle ships its largest data files (the English word list, Mermaid's
 * chunks) compressed, to stay small. A file that is neither there is the original error.
 */
export async function readPackedFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const packed = await readFile(`${file}.br`).catch(() => undefined);
    if (packed === undefined) throw error;
    return brotliDecompressSync(packed);
  }
}

/** `readPackedFile`, synchronously. */
export function readPackedFileSync(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let packed: Buffer;
    try {
      packed = readFileSync(`${file}.br`);
    } catch {
      throw error;
    }
    return brotliDecompressSync(packed);
  }
}
