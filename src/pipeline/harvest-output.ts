import { readFile } from 'node:fs/promises';
import { parseDocument, type DocumentOptions, type ParsedDocument } from '../markdown/document.js';
import { MarkdownLimitError } from '../markdown/parse-limits.js';
import { createLinkMap, mapUnitLinks, type LinkMap } from '../markdown/link-map.js';
import type { Unit } from '../markdown/unit.js';
import { editedInPo, shownBy } from '../memory/entry.js';
import { fingerprint } from '../memory/fingerprint.js';
import { reconcileUnit } from '../memory/reconcile.js';
import { inferSourceChanges } from '../memory/source-changes.js';
import type { TranslationMemory } from '../memory/translation-memory.js';
import { alignBlocks, type Alignment, type OutputBlock, type SourceBlock } from './align-blocks.js';
import { alignWritten, type WrittenBlock } from './align-written.js';
import { refuseTranslation } from './check-translation.js';
import { placeTableCells, type RowPlacement } from './table-rows.js';
import { writtenLayout } from './written-layout.js';

export interface HarvestPaths {
  /** The output file on disk. */
  readonly file: string;
  /** Source and output paths relative to the repository root, in POSIX form. */
  readonly sourcePath: string;
  readonly outputPath: string;
  /** The memory file as messages name it. */
  readonly memoryPath?: string;
  /** Other sources and their outputs, as the output's links were written with them. */
  readonly counterparts?: ReadonlyMap<string, string>;
}

/**
 * Teaches the memory what changed since the last run: units a person edited in the translated README
 * become human translations (an empty or rebuilt memory takes them all back), and a human translation
 * whose source was edited is carried over for review. Returns warnings to show.
 */
export async function harvestOutput(
  document: ParsedDocument,
  memory: TranslationMemory,
  paths: HarvestPaths,
  options: DocumentOptions,
): Promise<string[]> {
  const previous = memory
    .entries()
    .filter((entry) => !entry.obsolete)
    .map((entry) => entry.source);
  const { warnings, orphans } = await harvestEdits(document, memory, paths, options);
  const current = document.allUnits.map((unit) => unit.source);
  const carried = new Set<string>();
  for (const change of inferSourceChanges(previous, current)) {
    if (memory.carryOver(change.oldSource, change.newSource)) carried.add(change.oldSource);
  }
  const po = paths.memoryPath ?? 'the PO file';
  for (const { source, at } of orphans) {
    warnings.push(
      carried.has(source)
        ? `${at}: edited by hand, but its paragraph changed in ${paths.sourcePath} (msgid "${preview(source)}"); ` +
            `the edit is kept in ${po} as the previous translation beside the new text's, marked fuzzy for review`
        : `${at}: edited by hand, but ${paths.sourcePath} no longer has its paragraph (msgid "${preview(source)}"); ` +
            `the edit is kept in ${po} as an obsolete entry (#~), used again if the paragraph comes back`,
    );
  }
  return warnings;
}

/** An edit of a unit the source no longer has (removed or reworded): kept in the memory, and told. */
interface Orphan {
  readonly source: string;
  /** The edited block in the output, as `file:line`. */
  readonly at: string;
}

/**
 * Reads the output back: its blocks are aligned with the source's by what the tool wrote (see
 * `alignBlocks`), so edits survive blocks inserted, deleted or moved in the source; each block that
 * differs is reconciled with the memory (see `reconcileUnit`).
 */
async function harvestEdits(
  document: ParsedDocument,
  memory: TranslationMemory,
  paths: HarvestPaths,
  options: DocumentOptions,
): Promise<{ warnings: string[]; orphans: Orphan[] }> {
  let raw: string;
  try {
    raw = await readFile(paths.file, 'utf8');
  } catch {
    return { warnings: [], orphans: [] };
  }
  let output: ParsedDocument;
  try {
    output = parseDocument(raw, { ...options, namesFrom: document.tree });
  } catch (error) {
    if (!(error instanceof MarkdownLimitError)) throw error;
    return {
      warnings: [`${paths.outputPath} was not read back for edits made by hand: ${error.message}`],
      orphans: [],
    };
  }
  const links = createLinkMap({
    sourceSlugs: document.slugs,
    outputSlugs: output.slugs,
    anchors: document.anchors,
    sourcePath: paths.sourcePath,
    outputPath: paths.outputPath,
    counterparts: paths.counterparts,
  });
  const recover = memory.setAside !== undefined || memory.entries().length === 0;
  const textOf = (text: string, unit: Unit) => text.slice(unit.range.start, unit.range.end);
  const currentEntry = (unit: Unit) => {
    const entry = unit.prose ? memory.entry(unit.source) : undefined;
    return entry && !entry.obsolete && entry.translation !== '' ? entry : undefined;
  };
  const sourceBlocks: SourceBlock[] = document.blocks.map((unit) => {
    const entry = currentEntry(unit);
    if (entry === undefined) {
      // What the tool writes for a block without translation: its source.
      return {
        kind: unit.kind,
        keys: [fingerprint(textOf(document.text, unit))],
        pairable: unit.prose && recover,
      };
    }
    const shown = shownBy(entry);
    return {
      kind: unit.kind,
      keys: [fingerprint(entry.translation), shown],
      pairable: shown !== 'none' && !(entry.fuzzy && entry.origin === 'human'),
      // What the output shows, when the memory has it as text (not after an edit of the PO file).
      text: entry.shown === undefined && !editedInPo(entry) ? entry.translation : undefined,
    };
  });
  // Texts the tool wrote for any unit, here or in a deleted block: never taken for an edit.
  const known = new Set(sourceBlocks.flatMap((block) => block.keys));
  for (const entry of memory.entries()) {
    known.add(fingerprint(entry.translation));
    known.add(shownBy(entry));
  }
  const written = output.blocks.map((unit) => textOf(output.text, unit));
  const asSource = written.map((text) => mapUnitLinks(text, links.toSource));
  const outputBlocks: OutputBlock[] = output.blocks.map((unit, index) => {
    const keys = [fingerprint(written[index] as string), fingerprint(asSource[index] as string)];
    // A block without prose of its own is no edit (its alt texts and titles are blocks of their own).
    return {
      kind: unit.kind,
      keys,
      known: !unit.prose || keys.some((key) => known.has(key)),
      text: asSource[index],
    };
  });
  const inSource = new Set(document.allUnits.map((unit) => unit.source));
  const gone = memory
    .entries()
    .filter((entry) => !inSource.has(entry.source) && entry.translation !== '')
    .map((entry) => ({ text: entry.translation }));
  const linedSource = sourceBlocks.map((block, i) => ({ ...block, line: (document.blocks[i] as Unit).line }));
  const linedOutput = outputBlocks.map((block, j) => ({ ...block, line: (output.blocks[j] as Unit).line }));
  const placement = placeEdits(document, memory, paths.sourcePath, outputBlocks, {
    byRow: (edited, layout) =>
      placeTableCells(
        linedSource,
        document.blocks.map((unit) => unit.source),
        linedOutput,
        edited,
        layout,
      ),
    byContent: () => alignBlocks(sourceBlocks, outputBlocks, gone),
  });

  const warnings: string[] = [];
  const edits = new Map<string, string>();
  const where = (index: number) => `${paths.outputPath}:${output.blocks[index]?.line ?? 0}`;
  const reconcile = (source: string, j: number) => {
    const entry = memory.entry(source);
    const text = written[j] as string;
    const showsTranslation =
      entry !== undefined && (entry.translation === text || isAsWritten(entry.translation, text, links));
    return reconcileUnit(
      source,
      entry,
      { text: showsTranslation ? (entry?.translation ?? text) : (asSource[j] as string), showsTranslation },
      { recover },
    );
  };
  const conflictNote = (j: number, poText: string) =>
    `readme-i18n: conflict: ${where(j)} was edited too and wins; this entry's msgstr was ${JSON.stringify(poText)}`;
  for (const [unit, j] of placement.edits) {
    const outcome = reconcile(unit.source, j);
    if (outcome.kind === 'unchanged') continue;
    if (outcome.kind === 'recovered') {
      memory.record(unit.source, outcome.translation, { origin: 'engine:recovered' });
      continue;
    }
    const problem = refuseTranslation(unit, outcome.translation);
    if (problem !== undefined) {
      warnings.push(
        `${where(j)}: an edit made by hand is not taken: it ${problem}; the translation from ${paths.memoryPath ?? 'the PO file'} is written again`,
      );
      continue;
    }
    const earlier = edits.get(unit.source);
    if (earlier !== undefined) {
      if (earlier !== outcome.translation)
        warnings.push(
          `${where(j)}: repeats an earlier paragraph with a different edit; kept the first, edit ${paths.memoryPath ?? 'the PO file'} to choose`,
        );
      continue;
    }
    edits.set(unit.source, outcome.translation);
    if (outcome.kind === 'edited') {
      memory.markHuman(unit.source, outcome.translation);
      continue;
    }
    memory.markHuman(unit.source, outcome.translation, { comment: conflictNote(j, outcome.poText) });
    warnings.push(
      `${where(j)}: edited both there and in ${paths.memoryPath ?? 'the PO file'} (msgid "${preview(unit.source)}"); ` +
        `kept the Markdown's text, and the PO's as a comment of that entry: choose there, or edit the Markdown again`,
    );
  }
  // Its unit is gone: the edit is kept as that unit's human translation, which the new text of a
  // reworded paragraph gets for review (see `carryOver`), or which waits, obsolete, for its return.
  const orphans: Orphan[] = [];
  for (const [source, j] of placement.orphans) {
    const outcome = reconcile(source, j);
    if (outcome.kind !== 'edited' && outcome.kind !== 'conflict') continue;
    if (edits.has(source)) continue;
    edits.set(source, outcome.translation);
    memory.markHuman(
      source,
      outcome.translation,
      outcome.kind === 'conflict' ? { comment: conflictNote(j, outcome.poText) } : {},
    );
    orphans.push({ source, at: where(j) });
  }
  // One warning per line, with the count: the cells of a table row share their line.
  const unplacedAt = new Map<string, number>();
  for (const j of placement.unplaced) unplacedAt.set(where(j), (unplacedAt.get(where(j)) ?? 0) + 1);
  for (const [at, count] of unplacedAt) {
    const one = count === 1;
    warnings.push(
      `${at}: ${one ? 'a change' : `${count} changes`} made by hand could not be matched to a block of ${paths.sourcePath} ` +
        `(${one ? 'its' : 'their'} source changed, moved or was removed in the same run); ${one ? 'it is' : 'they are'} not kept: ` +
        `make ${one ? 'it' : 'them'} again, or in ${paths.memoryPath ?? 'the PO file'}`,
    );
  }
  return { warnings, orphans };
}

/**
 * Which unit each edited output block belongs to: first by the output's layout as the tool last
 * wrote it (whatever the source did since); then table cells by their row (`alignRows`: cells repeat,
 * which the layout cannot tell apart); then, for edits still not placed (no layout stored, blocks
 * added or split by hand), by `alignBlocks` against the source as it is now. Returns
 * `[unit, output index]` pairs in output order; edits the layout gives to a unit the source no longer
 * has, as `[its source, output index]`; and the edits placed nowhere.
 */
function placeEdits(
  document: ParsedDocument,
  memory: TranslationMemory,
  sourcePath: string,
  outputBlocks: readonly OutputBlock[],
  align: {
    readonly byRow: (edited: ReadonlySet<number>, layout: readonly WrittenBlock[]) => RowPlacement;
    readonly byContent: () => Alignment;
  },
): {
  edits: Array<readonly [Unit, number]>;
  orphans: Array<readonly [string, number]>;
  unplaced: number[];
} {
  const unitOf = new Map<string, Unit>();
  for (const unit of document.blocks)
    if (unit.prose && !unitOf.has(unit.source)) unitOf.set(unit.source, unit);
  const layout = writtenLayout(memory, sourcePath);
  const edits: Array<readonly [Unit, number]> = [];
  const orphans: Array<readonly [string, number]> = [];
  const unplaced: number[] = [];
  const done = new Set<number>();
  const edited = new Set(outputBlocks.flatMap((block, j) => (block.known ? [] : [j])));
  const left = () => [...edited].some((j) => !done.has(j));
  if (left()) {
    // Table cells in rows that other cells identify: by the rows (the layout's order within a line
    // is not the row's, and a cell that repeats has one reference per line).
    const rows = align.byRow(edited, layout);
    const place = (source: string, j: number) => {
      done.add(j);
      const unit = unitOf.get(source);
      if (unit === undefined) orphans.push([source, j]);
      else edits.push([unit, j]);
    };
    for (const [k, j] of alignWritten(layout, outputBlocks))
      if (!rows.decided(j)) place((layout[k] as WrittenBlock).source, j);
    for (const { source, j } of rows.placed) place(source, j);
    if (left()) {
      const alignment = align.byContent();
      const taken = new Set(edits.map(([unit]) => unit.source));
      for (const [i, j] of alignment.paired) {
        if (done.has(j)) continue;
        const unit = document.blocks[i] as Unit;
        // Its unit's block was placed by the layout or by its row: this one is no edit of it. Nor is
        // a table cell that its row leaves ambiguous (neighbours in a table are often another row's).
        if (taken.has(unit.source) || !rows.fits(i, j)) unplaced.push(j);
        else edits.push([unit, j]);
      }
      unplaced.push(...alignment.unplaced.filter((j) => !done.has(j)));
    }
  }
  edits.sort((a, b) => a[1] - b[1]);
  unplaced.sort((a, b) => a - b);
  return { edits, orphans, unplaced };
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/**
 * Whether the output shows the stored translation as the tool writes it. The anchors of other
 * translated files move when their translations change, and heading anchors move when the source
 * gains or loses headings: links that differ only in the `#fragment` are not edits.
 */
function isAsWritten(stored: string, written: string, links: LinkMap): boolean {
  const output = mapUnitLinks(stored, links.toOutput);
  if (output === written) return true;
  if (mapUnitLinks(output, links.comparable) === mapUnitLinks(written, links.comparable)) return true;
  const bare = (text: string) => mapUnitLinks(text, (url) => url.replace(/#.*$/s, ''));
  return bare(output) === bare(written);
}
