import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { programDigest } from '../program-digest.js';

/**
 * The proof that a site is up to date: a digest of what its pages were made from (this program, the
 * options that change an output, each page's Markdown and each local image it showed), and the hash
 * of each file the run wrote. Kept in the output folder; a render whose inputs and outputs all
 * match it has nothing to do, and neither parses the Markdown nor starts a browser.
 */
export interface RenderState {
  readonly digest: string;
  /** Local images the pages referenced, relative to the root (missing ones too: they may appear). */
  readonly images: readonly string[];
  /** Each output written, relative to the output folder, and the SHA-256 of its bytes. */
  readonly outputs: Readonly<Record<string, string>>;
  /** What the run warned about, told again by a run that finds nothing changed (paths relative to the root). */
  readonly warnings: RenderWarnings;
}

export interface RenderWarnings {
  readonly missingImages: readonly string[];
  readonly unsafeImages: readonly string[];
  readonly diagramErrors: ReadonlyArray<{ file: string; line: number | undefined; message: string }>;
  /** Requests refused, by language. */
  readonly refused: Readonly<Record<string, readonly string[]>>;
}

export const renderStateFile = '.readme-i18n-render.json';

/** What, besides the Markdown and the images, decides the outputs. */
export type RenderSettings = Record<string, unknown>;

/** The digest of a render's inputs. */
export async function renderInputsDigest(
  root: string,
  settings: RenderSettings,
  markdown: readonly string[],
  images: readonly string[],
): Promise<string> {
  const hash = createHash('sha256');
  const add = (part: string | Uint8Array): void => {
    hash.update(String(part.length)).update(':').update(part);
  };
  add(await programDigest());
  add(JSON.stringify(settings));
  for (const text of markdown) add(text);
  for (const image of images) {
    add(image);
    add((await readIfExists(resolve(root, image))) ?? '\0missing');
  }
  return hash.digest('hex');
}

/** The state an earlier render left in the output folder, or undefined when none can be read. */
export async function readRenderState(outDir: string): Promise<RenderState | undefined> {
  const text = await readIfExists(join(outDir, renderStateFile));
  if (text === undefined) return undefined;
  try {
    const state = JSON.parse(text.toString('utf8')) as Partial<RenderState>;
    if (
      typeof state.digest !== 'string' ||
      !Array.isArray(state.images) ||
      !state.images.every((image) => typeof image === 'string') ||
      typeof state.outputs !== 'object' ||
      state.outputs === null ||
      typeof state.warnings !== 'object' ||
      state.warnings === null
    ) {
      return undefined;
    }
    return state as RenderState;
  } catch {
    return undefined;
  }
}

/** Whether every output the state names still has the bytes it was written with. */
export async function outputsUnchanged(outDir: string, state: RenderState): Promise<boolean> {
  for (const [name, sha] of Object.entries(state.outputs)) {
    const data = await readIfExists(join(outDir, name));
    if (data === undefined || sha256(data) !== sha) return false;
  }
  return true;
}

/** Records the state of a render that just wrote `outputs` (absolute paths inside the output folder). */
export async function writeRenderState(
  outDir: string,
  digest: string,
  images: readonly string[],
  outputs: readonly string[],
  warnings: RenderWarnings,
): Promise<void> {
  const hashes: Record<string, string> = {};
  for (const file of [...new Set(outputs)].sort()) {
    const data = await readIfExists(file);
    if (data !== undefined) hashes[relative(outDir, file).split('\\').join('/')] = sha256(data);
  }
  const state: RenderState = { digest, images, outputs: hashes, warnings };
  await writeFileAtomic(join(outDir, renderStateFile), `${JSON.stringify(state, null, 2)}\n`);
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}
