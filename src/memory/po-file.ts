import { po, type GetTextTranslations, type GetTextTranslationRecord } from 'gettext-parser';
import type { MemoryEntry } from './entry.js';
import { decodeEntry, encodeEntry } from './entry-codec.js';

/** A PO file's content as the memory sees it. */
export interface PoContent {
  /** Header fields in file order, kept so that fields set in a PO editor survive. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly entries: readonly MemoryEntry[];
  /** Things skipped while reading, for the caller to show. */
  readonly warnings: readonly string[];
}

/** Parses PO text; throws gettext-parser's error on text that is not PO. */
export function parsePo(text: string | Buffer, file: string, today: string): PoContent {
  const table = po.parse(text, { validation: true });
  const warnings: string[] = [];
  const entries: MemoryEntry[] = [];
  const read = (record: GetTextTranslationRecord | undefined, obsolete: boolean): void => {
    for (const [context, blocks] of Object.entries(record ?? {})) {
      for (const block of Object.values(blocks)) {
        if (context === '' && block.msgid === '') continue; // the header
        if (context !== '' || block.msgid_plural !== undefined) {
          warnings.push(
            `${file}: skipped the entry "${preview(block.msgid)}": readme-i18n writes no msgctxt or plural entries; remove it from the file`,
          );
          continue;
        }
        entries.push(decodeEntry(block, obsolete, today));
      }
    }
  };
  read(table.translations, false);
  read(table.obsolete, true);
  return { headers: Object.entries(table.headers), entries, warnings };
}

function preview(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/** Standard fields first, in gettext's order, so that every file looks alike. */
const headerOrder = [
  'Project-Id-Version',
  'PO-Revision-Date',
  'Last-Translator',
  'Language-Team',
  'Language',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Plural-Forms',
  'X-Generator',
];

export function orderHeaders(headers: ReadonlyMap<string, string>): Array<[string, string]> {
  const known = headerOrder
    .filter((key) => headers.has(key))
    .map((key): [string, string] => [key, headers.get(key) ?? '']);
  const others = [...headers].filter(([key]) => !headerOrder.includes(key));
  return [...known, ...others];
}

/** Compiled blocks by entry: entries are immutable, so a save after each batch only compiles what changed. */
const blocks = new WeakMap<MemoryEntry, string>();

/**
 * Serialises entries in the given order, obsolete ones at the end as gettext does. Each entry is
 * compiled on its own by gettext-parser and cached; the file is what `po.compile` gives for the
 * whole table (blocks joined by blank lines), in our order rather than object-key order, which
 * would put integer-like msgids first.
 */
export function compilePo(
  headers: ReadonlyArray<readonly [string, string]>,
  entries: readonly MemoryEntry[],
): string {
  const header = compileTable({ charset: 'utf-8', headers: Object.fromEntries(headers), translations: {} });
  const ordered = [
    ...entries.filter((entry) => !entry.obsolete),
    ...entries.filter((entry) => entry.obsolete),
  ];
  return [header.slice(0, -1), ...ordered.map(compileEntry)].join('\n\n') + '\n';
}

function compileEntry(entry: MemoryEntry): string {
  let block = blocks.get(entry);
  if (block === undefined) {
    const record = { '': { [entry.source]: encodeEntry(entry) } };
    const alone = compileTable(
      entry.obsolete
        ? { charset: 'utf-8', headers: {}, translations: {}, obsolete: record }
        : { charset: 'utf-8', headers: {}, translations: record },
    );
    // What follows the empty header block `msgid ""\nmsgstr ""` and its blank line.
    block = alone.slice(alone.indexOf('\n\n') + 2, -1);
    blocks.set(entry, block);
  }
  return block;
}

function compileTable(table: GetTextTranslations): string {
  return po.compile(table).toString('utf8');
}
