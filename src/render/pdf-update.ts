/** One bookmark: a heading's text, its level (1 for `h1`) and the element id it jumps to. */
export interface OutlineEntry {
  readonly title: string;
  readonly level: number;
  readonly target: string;
}

interface OutlineNode {
  readonly entry: OutlineEntry;
  readonly destination: string;
  readonly children: OutlineNode[];
}

export interface PdfUpdate {
  /** Headings to bookmark; each needs a named destination (a link to it) in the PDF. */
  readonly outline: readonly OutlineEntry[];
  /** What the PDF was printed from, recorded in its document information to tell later runs. */
  readonly key?: string | undefined;
  /** The document's language (BCP 47), written as the catalog's `/Lang`. */
  readonly lang?: string | undefined;
}

/**
 * Adds bookmarks (and the key it was printed from) to a PDF Chrome printed, as an incremental
 * update appended to the file: the original bytes stay as they are, and the new catalog points at
 * an outline whose items jump to Chrome's own named destinations (one per heading linked from the
 * page). Chrome can write an outline itself, but only from a tagged PDF, which doubles the time it
 * takes to print and writes right-to-left titles in visual order; here titles are the headings'
 * text, in logical order. Headings without a destination in the PDF (hidden ones) are left out.
 * A PDF without a classic cross-reference table is returned unchanged.
 */
export function appendPdfUpdate(pdf: Uint8Array, update: PdfUpdate): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const trailer = lastTrailer(text);
  if (trailer === undefined) return pdf;
  const bodies = new Map<number, string>();
  let size = trailer.size;
  const catalog = objectBody(text, trailer.root);
  const destinations = catalog === undefined ? undefined : namedDestinations(text, catalog);
  const roots = destinations === undefined ? [] : outlineTree(update.outline, destinations);
  if (catalog !== undefined && (roots.length > 0 || update.lang !== undefined)) {
    // The catalog again, with the outline shown when the PDF opens and the document's language.
    let entries = '';
    let kept = catalog;
    if (roots.length > 0) {
      entries += `\n/Outlines ${size} 0 R\n/PageMode /UseOutlines`;
      size = outlineObjects(roots, size, bodies);
      kept = kept.replace(/\/(Outlines\s+\d+\s+\d+\s+R|PageMode\s*\/\w+)/g, '');
    }
    if (update.lang !== undefined) {
      entries += `\n/Lang (${pdfLiteral(update.lang)})`;
      kept = kept.replace(/\/Lang\s*\([^)]*\)/g, '');
    }
    bodies.set(trailer.root, kept.replace(/>>\s*$/, `${entries}>>`));
  }
  let info = trailer.info;
  if (update.key !== undefined) {
    const previous = info === undefined ? undefined : objectBody(text, info);
    info ??= size++;
    const entries = (previous ?? '<<>>').replace(/\/ReadmeI18nKey\s*\([^)]*\)/g, '');
    bodies.set(info, entries.replace(/>>\s*$/, `\n/ReadmeI18nKey (${pdfLiteral(update.key)})>>`));
  }
  if (bodies.size === 0) return pdf;

  let appended = '\n';
  const offsets = new Map<number, number>();
  for (const [object, body] of [...bodies].sort(([a], [b]) => a - b)) {
    offsets.set(object, pdf.byteLength + appended.length);
    appended += `${object} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.byteLength + appended.length;
  appended += 'xref\n';
  // Subsections of consecutive object numbers.
  const sorted = [...offsets.keys()].sort((a, b) => a - b);
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && (sorted[end + 1] as number) === (sorted[end] as number) + 1) end++;
    appended += `${sorted[start] as number} ${end - start + 1}\n`;
    for (let index = start; index <= end; index++) {
      appended += `${String(offsets.get(sorted[index] as number)).padStart(10, '0')} 00000 n \n`;
    }
    start = end + 1;
  }
  const infoEntry = info === undefined ? '' : ` /Info ${info} 0 R`;
  appended += `trailer\n<</Size ${size} /Root ${trailer.root} 0 R${infoEntry}${trailer.id} /Prev ${trailer.startxref}>>\n`;
  appended += `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(appended, 'latin1')]);
}

/** The key a PDF was printed from, as `appendPdfUpdate` recorded it; undefined if there is none. */
export function pdfKey(pdf: Uint8Array): string | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const matches = [...text.matchAll(/\/ReadmeI18nKey\s*\(([\w.:-]*)\)/g)];
  return matches.at(-1)?.[1];
}

/** Only word characters and `.:-` are written, so the key needs no escaping inside `(…)`. */
function pdfLiteral(key: string): string {
  if (!/^[\w.:-]*$/.test(key)) throw new Error(`a PDF key must be made of word characters, not '${key}'`);
  return key;
}

/** Writes the outline's objects into `bodies`: its root as number `first`, then the items; returns the next free number. */
function outlineObjects(roots: readonly OutlineNode[], first: number, bodies: Map<number, string>): number {
  const numbers = new Map<OutlineNode, number>();
  let next = first + 1;
  const number = (node: OutlineNode): void => {
    numbers.set(node, next++);
    node.children.forEach(number);
  };
  roots.forEach(number);
  const describe = (siblings: readonly OutlineNode[], parent: number): void => {
    siblings.forEach((node, index) => {
      const self = numbers.get(node) as number;
      const previous = siblings[index - 1];
      const following = siblings[index + 1];
      const firstChild = node.children[0];
      const lastChild = node.children.at(-1);
      bodies.set(
        self,
        [
          `<</Title ${pdfTextString(node.entry.title)}`,
          `/Parent ${parent} 0 R`,
          previous ? `/Prev ${numbers.get(previous) as number} 0 R` : '',
          following ? `/Next ${numbers.get(following) as number} 0 R` : '',
          firstChild && lastChild
            ? `/First ${numbers.get(firstChild) as number} 0 R /Last ${numbers.get(lastChild) as number} 0 R /Count ${count(node.children)}`
            : '',
          `/Dest ${node.destination}>>`,
        ]
          .filter((part) => part !== '')
          .join('\n'),
      );
      describe(node.children, self);
    });
  };
  describe(roots, first);
  bodies.set(
    first,
    `<</Type /Outlines /First ${numbers.get(roots[0] as OutlineNode) as number} 0 R /Last ${
      numbers.get(roots.at(-1) as OutlineNode) as number
    } 0 R /Count ${count(roots)}>>`,
  );
  return next;
}

interface Trailer {
  readonly size: number;
  readonly root: number;
  readonly info: number | undefined;
  /** ` /ID […]`, carried over as written, or empty. */
  readonly id: string;
  readonly startxref: number;
}

function lastTrailer(text: string): Trailer | undefined {
  const trailerAt = text.lastIndexOf('trailer');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (trailerAt === -1 || !startxref) return undefined;
  const dictionary = /^trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(trailerAt))?.[1];
  const size = /\/Size\s+(\d+)/.exec(dictionary ?? '')?.[1];
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(dictionary ?? '')?.[1];
  if (dictionary === undefined || size === undefined || root === undefined) return undefined;
  const info = /\/Info\s+(\d+)\s+0\s+R/.exec(dictionary)?.[1];
  const id = /\/ID\s*\[[^\]]*\]/.exec(dictionary)?.[0];
  return {
    size: Number(size),
    root: Number(root),
    info: info === undefined ? undefined : Number(info),
    id: id === undefined ? '' : ` ${id}`,
    startxref: Number(startxref[1]),
  };
}

/** The dictionary of an object (`<<…>>`), from its last definition in the file. */
function objectBody(text: string, object: number): string | undefined {
  const matches = [
    ...text.matchAll(new RegExp(`(?:^|\\s)${object} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`, 'g')),
  ];
  return matches.at(-1)?.[1];
}

/** Chrome's named destinations (`/Dests` of the catalog): element id → destination array as written. */
function namedDestinations(text: string, catalog: string): Map<string, string> | undefined {
  const reference = /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const dictionary = reference === undefined ? undefined : objectBody(text, Number(reference));
  if (dictionary === undefined) return undefined;
  const destinations = new Map<string, string>();
  for (const match of dictionary.matchAll(/\/([^\s/[\]<>()]+)\s*(\[[^\]]*\])/g)) {
    destinations.set(decodeName(match[1] as string), match[2] as string);
  }
  return destinations;
}

/**
 * The element id a destination name stands for. Chrome names a destination after the fragment of
 * the links to it, percent-encoded as in a URL (`%EF%B8%8F-summary`), and the PDF name escapes
 * the `%` itself (`#25EF…`).
 */
function decodeName(name: string): string {
  const fragment = name.replace(/#([\da-f]{2})/gi, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Nests each heading under the nearest earlier heading of a smaller level. */
function outlineTree(entries: readonly OutlineEntry[], destinations: Map<string, string>): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const open: OutlineNode[] = [];
  for (const entry of entries) {
    const destination = destinations.get(entry.target);
    if (destination === undefined || entry.title === '') continue;
    const node = { entry, destination, children: [] };
    while (open.length > 0 && (open.at(-1) as OutlineNode).entry.level >= entry.level) open.pop();
    (open.length === 0 ? roots : (open.at(-1) as OutlineNode).children).push(node);
    open.push(node);
  }
  return roots;
}

/** Every item below, all shown open. */
function count(nodes: readonly OutlineNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + count(node.children), 0);
}

/** Any text as a PDF string: UTF-16BE with its byte-order mark, in hex. */
function pdfTextString(title: string): string {
  const utf16 = Buffer.from(`\uFEFF${title}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}
