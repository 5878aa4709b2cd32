import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { pageCss } from './page-css.js';
import { sanitizeSvg } from './sanitize-svg.js';

const require = createRequire(import.meta.url);

/** Images a page may show from the repository; anything else stays a link. */
const imageTypes = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif', '.bmp', '.ico']);

/**
 * The `assets/` folder of the site: stylesheets, KaTeX fonts, and a copy of each local image under
 * a content-hashed name, so the site works from the output folder alone and images shared by
 * several languages are written once.
 */
export class SiteAssets {
  readonly dir: string;
  private readonly images = new Map<string, Promise<string | undefined>>();
  private readonly missing = new Set<string>();
  private readonly unsafe = new Set<string>();
  /** Every file of `assets/` by its path inside it, kept in memory to serve the PDF pages. */
  private readonly files = new Map<string, Uint8Array | string>();
  private readonly written = new Set<string>();

  constructor(outDir: string) {
    this.dir = join(outDir, 'assets');
  }

  /** A file of `assets/` by its path inside it (`img/…`, `katex/fonts/…`). */
  file(name: string): Uint8Array | string | undefined {
    return this.files.get(name);
  }

  /** Adds a file the site's pages use (a drawn diagram), written with the rest. */
  add(name: string, data: Uint8Array | string): void {
    this.files.set(name, data);
  }

  /** Writes the assets under the output folder; KaTeX's only when a page shows math. */
  writeAll(withMath: boolean): Promise<void> {
    return this.writeWhere((name) => withMath || !name.startsWith('katex/'));
  }

  /** Writes only the drawn diagrams: a run of PDFs alone keeps them for the next run too. */
  writeDiagrams(): Promise<void> {
    return this.writeWhere((name) => name.startsWith('diagrams/'));
  }

  private async writeWhere(wanted: (name: string) => boolean): Promise<void> {
    for (const [name, data] of this.files) {
      if (!wanted(name)) continue;
      await writeFileAtomic(join(this.dir, name), data);
      this.written.add(join(this.dir, name));
    }
  }

  /** The image's path inside `assets/`, or undefined (and remembered) when it is missing or not an image. */
  image(file: string): Promise<string | undefined> {
    let copied = this.images.get(file);
    if (copied === undefined) {
      copied = this.copyImage(file);
      this.images.set(file, copied);
    }
    return copied;
  }

  /** The files of `assets/` this run wrote, as absolute paths. */
  writtenFiles(): string[] {
    return [...this.written];
  }

  /** Every local image the pages referenced, found or not, as absolute paths. */
  imageFiles(): string[] {
    return [...this.images.keys()].sort();
  }

  /** SVG images that could not be made inert, so were not published (shown as their alt text). */
  unsafeImages(): string[] {
    return [...this.unsafe].sort();
  }

  /** Local images referenced but not found, for the report. */
  missingImages(): string[] {
    return [...this.missing].sort();
  }

  /**
   * Loads the stylesheets: GitHub's light theme whatever the reader's setting (it is also what
   * prints), ours, and KaTeX's with its fonts.
   */
  async addStylesheets(): Promise<void> {
    this.files.set(
      'github-markdown.css',
      await readFile(require.resolve('github-markdown-css/github-markdown-light.css')),
    );
    this.files.set('readme-i18n.css', pageCss);
    const katexDist = dirname(require.resolve('katex/dist/katex.min.css'));
    this.files.set('katex/katex.min.css', await readFile(join(katexDist, 'katex.min.css')));
    for (const font of await readdir(join(katexDist, 'fonts'))) {
      if (font.endsWith('.woff2'))
        this.files.set(`katex/fonts/${font}`, await readFile(join(katexDist, 'fonts', font)));
    }
  }

  private async copyImage(file: string): Promise<string | undefined> {
    if (!imageTypes.has(extname(file).toLowerCase())) return undefined;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      this.missing.add(file);
      return undefined;
    }
    if (extname(file).toLowerCase() === '.svg') {
      // Published with the site, an SVG can be opened on its own: only an inert one is.
      const safe = sanitizeSvg(bytes.toString('utf8'));
      if (safe === undefined) {
        this.unsafe.add(file);
        return undefined;
      }
      bytes = Buffer.from(safe);
    }
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const name = `img/${hash}-${basename(file).replace(/[^\w.-]/g, '_')}`;
    this.files.set(name, bytes);
    return name;
  }
}
