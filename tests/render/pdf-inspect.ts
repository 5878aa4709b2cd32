import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Text of a PDF (or of one page) by poppler's pdftotext. */
export async function pdfText(
  file: string,
  options: { page?: number; layout?: boolean } = {},
): Promise<string> {
  const pages = options.page === undefined ? [] : ['-f', String(options.page), '-l', String(options.page)];
  const { stdout } = await run('pdftotext', [...pages, ...(options.layout ? ['-layout'] : []), file, '-'], {
    maxBuffer: 64 << 20,
  });
  return stdout;
}

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/** Fonts as `pdffonts` lists them. */
export async function pdfFonts(
  file: string,
): Promise<Array<{ name: string; type: string; embedded: boolean }>> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match =
        /^(\S+)\s+(.+?)\s+(Custom|Identity-H|WinAnsi|Builtin|MacRoman|Standard)\s+(yes|no)\s/.exec(line);
      return { name: match?.[1] ?? line, type: match?.[2] ?? '', embedded: match?.[4] === 'yes' };
    });
}

/** Names of the PDF's named destinations, by `pdfinfo -dests`. */
export async function pdfDestinations(file: string): Promise<string[]> {
  const { stdout } = await run('pdfinfo', ['-dests', file], { maxBuffer: 64 << 20 });
  return [...stdout.matchAll(/"(.*)"$/gm)].map((match) => match[1] ?? '');
}

/** Words with their boxes (`pdftotext -bbox`), for checking where text sits on the page. */
export async function pdfWords(
  file: string,
  page: number,
): Promise<Array<{ text: string; xMin: number; xMax: number; yMin: number }>> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  return [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: decodeEntities(m[4] ?? ''),
  }));
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * A reader for Chrome's PDFs, which keep their objects uncompressed: enough to walk the outline and
 * list link annotations without a PDF library.
 */
export class PdfObjects {
  private readonly objects = new Map<number, string>();
  readonly raw: string;

  constructor(bytes: Uint8Array) {
    this.raw = Buffer.from(bytes).toString('latin1');
    for (const match of this.raw.matchAll(/(?:^|\s)(\d+) 0 obj\s*([\s\S]*?)\bendobj/g)) {
      this.objects.set(Number(match[1]), match[2] ?? '');
    }
  }

  /** The outline as indented titles, in order: `['Title', '  Child', …]`. */
  outline(): string[] {
    const catalog = [...this.objects.values()].find((body) => /\/Type \/Catalog/.test(body)) ?? '';
    const root = this.ref(catalog, 'Outlines');
    if (root === undefined) return [];
    const titles: string[] = [];
    const walk = (first: number | undefined, depth: number): void => {
      for (let item = first, guard = 0; item !== undefined && guard < 10_000; guard++) {
        const body = this.objects.get(item) ?? '';
        titles.push(
          '  '.repeat(depth) +
            decodePdfString(/\/Title\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(body)?.[1] ?? ''),
        );
        walk(this.ref(body, 'First'), depth + 1);
        item = this.ref(body, 'Next');
      }
    };
    walk(this.ref(this.objects.get(root) ?? '', 'First'), 0);
    return titles;
  }

  /** Link annotations: the named destination of internal ones, the URI of external ones. */
  links(): Array<{ dest?: string; uri?: string }> {
    return [...this.objects.values()]
      .filter((body) => /\/Subtype \/Link/.test(body))
      .map((body) => {
        const dest = /\/Dest\s*\/([^\s/>\]]+)/.exec(body)?.[1];
        const uri = /\/URI\s*\(((?:\\.|[^\\)])*)\)/.exec(body)?.[1];
        return {
          ...(dest === undefined ? {} : { dest: decodeName(dest) }),
          ...(uri === undefined ? {} : { uri }),
        };
      });
  }

  private ref(body: string, key: string): number | undefined {
    const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body);
    return match ? Number(match[1]) : undefined;
  }
}

function decodeName(name: string): string {
  const bytes = Buffer.from(
    name.replace(/#([\da-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return bytes.toString('utf8');
}

function decodePdfString(token: string): string {
  if (token.startsWith('<')) {
    const bytes = Buffer.from(token.slice(1, -1).replace(/\s/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return token.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

interface QpdfOutlineItem {
  readonly title: string;
  readonly destpageposfrom1: number | null;
  readonly kids: readonly QpdfOutlineItem[];
}

/**
 * The outline as qpdf reads it (an independent PDF parser, which also follows incremental
 * updates): indented titles, each with the page it jumps to.
 */
export async function qpdfOutline(file: string): Promise<Array<{ title: string; page: number | null }>> {
  const { stdout } = await run('qpdf', ['--json', '--json-key=outlines', file], { maxBuffer: 64 << 20 });
  const items: Array<{ title: string; page: number | null }> = [];
  const walk = (list: readonly QpdfOutlineItem[], depth: number): void => {
    for (const item of list) {
      items.push({ title: '  '.repeat(depth) + item.title, page: item.destpageposfrom1 });
      walk(item.kids, depth + 1);
    }
  };
  walk((JSON.parse(stdout) as { outlines: QpdfOutlineItem[] }).outlines, 0);
  return items;
}

/** `qpdf --check`: the file's structure (cross-reference tables, trailers, streams) is sound. */
export async function qpdfCheck(file: string): Promise<string> {
  const { stdout } = await run('qpdf', ['--check', file], { maxBuffer: 64 << 20 });
  return stdout;
}
