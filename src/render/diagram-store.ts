import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SiteAssets } from './site-assets.js';

const require = createRequire(import.meta.url);

/** Mermaid refused a diagram's source: its message (`Parse error on line 2: …`). */
export interface DiagramError {
  readonly error: string;
}

/**
 * Draws Mermaid sources as SVG documents: an error for a source Mermaid refuses, undefined for one
 * that cannot be drawn (no browser).
 */
export type DrawDiagrams = (
  sources: readonly string[],
) => Promise<ReadonlyArray<string | DiagramError | undefined>>;

/** A diagram as a file of the site's `assets/` folder, with the size it is drawn at. */
export interface DiagramFile {
  /** Path inside `assets/`, such as `diagrams/3f2a….svg`. */
  readonly name: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/**
 * Each diagram once: named by a hash of its source and of the Mermaid version, kept in
 * `assets/diagrams/`, drawn once for every language that shows it, and on later runs read back
 * from the output folder instead of starting Mermaid again. `draw` is only called for diagrams
 * found nowhere, all of a page's at once.
 */
export class DiagramStore {
  /** Each diagram by file name: its SVG and size once drawn or read back, undefined if it cannot be used. */
  private readonly known = new Map<string, Promise<DrawnDiagram | DiagramError | undefined>>();
  private version: string | undefined;

  constructor(
    private readonly assets: SiteAssets,
    private readonly draw: DrawDiagrams,
  ) {}

  /** Diagrams that could not be drawn so far for want of a browser (their source stays in the page). */
  failed = 0;

  async files(sources: readonly string[]): Promise<Array<DiagramFile | DiagramError | undefined>> {
    const names = sources.map((source) => `diagrams/${this.key(source)}.svg`);
    const fresh = [...new Map(names.map((name, index) => [name, sources[index] as string]))].filter(
      ([name]) => !this.known.has(name),
    );
    const previous = fresh.map(([name]) => readInert(join(this.assets.dir, name)));
    // Once every earlier output is read, what is still missing is drawn in one call.
    let drawing: Promise<Map<string, DrawnDiagram | DiagramError | undefined>> | undefined;
    const drawMissing = (): Promise<Map<string, DrawnDiagram | DiagramError | undefined>> =>
      (drawing ??= Promise.all(previous).then(async (found) => {
        const missing = fresh.filter((_entry, index) => found[index] === undefined);
        const drawn = await this.draw(missing.map(([, source]) => source));
        return new Map(missing.map(([name], index) => [name, inert(drawn[index])]));
      }));
    fresh.forEach(([name], index) => {
      this.known.set(
        name,
        (previous[index] as Promise<string | undefined>).then(async (svg) =>
          svg === undefined ? (await drawMissing()).get(name) : withSize(svg),
        ),
      );
    });
    const diagrams = await Promise.all(names.map((name) => this.known.get(name)));
    return diagrams.map((diagram, index) => {
      const name = names[index] as string;
      if (diagram === undefined) {
        this.failed++;
        return undefined;
      }
      if ('error' in diagram) return diagram;
      this.assets.add(name, diagram.svg);
      return { name, width: diagram.width, height: diagram.height };
    });
  }

  private key(source: string): string {
    this.version ??= (require('mermaid/package.json') as { version: string }).version;
    return createHash('sha256').update(`mermaid ${this.version}\n${source}`).digest('hex').slice(0, 20);
  }
}

interface DrawnDiagram {
  readonly svg: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/**
 * A diagram an earlier run wrote, if it is there and is an inert SVG document. Only a regular file
 * is read: a symbolic link put in its place could lead anywhere.
 */
async function readInert(file: string): Promise<string | undefined> {
  if ((await lstat(file).catch(() => undefined))?.isFile() !== true) return undefined;
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text !== undefined && isInertSvg(text) ? text : undefined;
}

/** A drawn diagram with its size, if it is an inert SVG document; Mermaid's error as it is. */
function inert(svg: string | DiagramError | undefined): DrawnDiagram | DiagramError | undefined {
  if (typeof svg === 'object') return svg;
  return svg !== undefined && isInertSvg(svg) ? withSize(svg) : undefined;
}

/**
 * Whether an SVG document can neither run script nor fetch anything. A diagram is shown with
 * `<img>`, where neither could happen anyway, but its file is also published with the site, where a
 * reader can open it on its own. Mermaid (strict mode) writes none of these; a diagram that has
 * one is not used. Links (`click A "https://…"`) stay: they only navigate when clicked.
 */
export function isInertSvg(svg: string): boolean {
  if (!/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg)) return false;
  if (/<\s*(script|iframe|embed|object|handler|listener)\b/i.test(svg)) return false;
  if (/@import/i.test(svg) || /url\(\s*['"]?\s*(?!#|data:image\/)/i.test(svg)) return false;
  for (const tag of svg.matchAll(/<([a-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const [, name = '', attributes = ''] = tag;
    if (/\son[a-z]+\s*=/i.test(attributes)) return false;
    for (const match of attributes.matchAll(
      /\s(?:xlink:)?(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
    )) {
      const url = (match[1] ?? match[2] ?? match[3] ?? '').trim();
      const inside = url.startsWith('#') || /^data:image\/(png|jpeg|gif|webp);/i.test(url);
      const link = name.toLowerCase() === 'a' && /^(https?:|mailto:)/i.test(url);
      if (!inside && !link) return false;
    }
  }
  return true;
}

/** Width and height from the root `viewBox`: Mermaid writes `width="100%"`, which an `<img>` cannot size. */
function withSize(svg: string): DrawnDiagram {
  const match = /<svg[^>]*\sviewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(svg);
  if (!match) return { svg, width: undefined, height: undefined };
  return { svg, width: Math.ceil(Number(match[1])), height: Math.ceil(Number(match[2])) };
}
