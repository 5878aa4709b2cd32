import type { OutputBlock, SourceBlock } from './align-blocks.js';
import type { WrittenBlock } from './align-written.js';

/**
 * Places edited table cells by their row. A table's cells repeat (`yes`, `no`, `✓`), so neither the
 * output's layout as written (one `#:` reference per unit and line) nor a pairing of blocks by
 * neighbours can tell which repeated cell an edit replaced once rows moved: an edit of `yes` went to
 * the `no` of a neighbouring row. A row is one line of cells; an edited cell belongs to the cell in
 * the same column of the source row that the output row shows, when the other cells say which row
 * that is.
 */

/** A block and the line it stands on. */
export interface Lined {
  readonly line: number;
}

interface Cell<T> {
  readonly index: number;
  readonly block: T;
}

/** Table cells grouped by line, in order: each group is one row. */
function rowsOf<T extends { readonly kind: string }>(
  blocks: ReadonlyArray<T & Lined>,
): Array<Array<Cell<T>>> {
  const rows = new Map<number, Array<Cell<T>>>();
  blocks.forEach((block, index) => {
    if (block.kind !== 'tableCell') return;
    const row = rows.get(block.line);
    if (row === undefined) rows.set(block.line, [{ index, block }]);
    else row.push({ index, block });
  });
  return [...rows.values()];
}

const shares = (a: readonly string[], b: readonly string[]) => a.some((key) => b.includes(key));

/** An edited cell's unit: a source block of the document, or a unit the source no longer has. */
export interface PlacedCell {
  /** The output block. */
  readonly j: number;
  /** The unit's source text. */
  readonly source: string;
}

export interface RowPlacement {
  /** Edited output cells and their units. */
  readonly placed: readonly PlacedCell[];
  /** Whether an output cell stands in a row that its other cells identify: the rows decide for it. */
  decided(j: number): boolean;
  /**
   * Whether a pair found otherwise (by content) may stand: never for a cell of a decided row (an edit
   * the rows left is ambiguous), and for a row whose cells were all edited, only with a cell in the
   * same column of a row of as many cells.
   */
  fits(i: number, j: number): boolean;
}

/**
 * Places the edited cells of output rows that other cells of the row identify, two ways, and keeps
 * an answer only where they agree:
 *
 * - by the output's layout as written (`written`, each unit with the lines of the source it stood on):
 *   the units an edited cell may be (see `writtenOptions`); one unit is the cell's, also when the
 *   source has lost it since; several are a check on the answer from the source;
 * - by the source as it is now: the rows of as many cells whose other cells show what the output's
 *   show (a key in common). The rows it may be: the same, or with a cell new in the source (not
 *   `pairable`: reworded since) where the output's shows what was written for a unit the source no
 *   longer has. When there is a row it is, and every row it may be has the same unit in an edited
 *   column, shown before (`pairable`), the edit is that unit's.
 */
export function placeTableCells(
  source: ReadonlyArray<SourceBlock & Lined>,
  sourceTexts: readonly string[],
  output: ReadonlyArray<OutputBlock & Lined>,
  /** Output blocks that show no text the tool wrote: edits. */
  edited: ReadonlySet<number>,
  written: readonly WrittenBlock[],
): RowPlacement {
  const sourceRows = rowsOf(source);
  const sourceKeys = new Set(source.flatMap((block) => block.keys));
  const lost = (cell: OutputBlock) => !cell.keys.some((key) => sourceKeys.has(key));
  const writtenLines = new Map<number, Set<string>>();
  const writtenKeys = new Map<string, Set<string>>();
  const linesOf = new Map<string, number[]>();
  for (const block of written) {
    if (block.line === undefined) continue;
    const own = linesOf.get(block.source);
    if (own === undefined) linesOf.set(block.source, [block.line]);
    else own.push(block.line);
    const line = writtenLines.get(block.line);
    if (line === undefined) writtenLines.set(block.line, new Set([block.source]));
    else line.add(block.source);
    for (const key of block.keys) {
      const units = writtenKeys.get(key);
      if (units === undefined) writtenKeys.set(key, new Set([block.source]));
      else units.add(block.source);
    }
  }
  const placed: PlacedCell[] = [];
  const decided = new Set<number>();
  const placeOf = new Map<number, { column: number; length: number }>();
  const sourcePlaceOf = new Map<number, { column: number; length: number }>();
  for (const row of sourceRows)
    row.forEach((cell, column) => sourcePlaceOf.set(cell.index, { column, length: row.length }));

  /** The written units a block shows (a key in common). */
  const unitsShown = (block: OutputBlock) =>
    new Set(block.keys.flatMap((key) => [...(writtenKeys.get(key) ?? [])]));
  /**
   * The written lines a line of the output may have been: each holds a unit of each block shown as
   * written, and misses no more units than the line has edits.
   */
  const linesFor = (blocks: readonly OutputBlock[], edits: number) => {
    const shown = blocks.map(unitsShown).filter((units) => units.size > 0);
    if (shown.length === 0) return undefined;
    // Only the lines of the block whose units stand on the fewest lines need a look.
    let rarest = shown[0] as ReadonlySet<string>;
    let fewest = Infinity;
    for (const units of shown) {
      let count = 0;
      for (const unit of units) count += linesOf.get(unit)?.length ?? 0;
      if (count < fewest) [rarest, fewest] = [units, count];
    }
    return [...new Set([...rarest].flatMap((unit) => linesOf.get(unit) ?? []))]
      .sort((a, b) => a - b)
      .flatMap((line) => {
        const units = writtenLines.get(line) ?? new Set<string>();
        const fits =
          shown.every((each) => [...each].some((unit) => units.has(unit))) &&
          [...units].filter((unit) => !shown.some((each) => each.has(unit))).length <= edits;
        return fits ? [[line, units] as const] : [];
      });
  };
  // The output's lines that one written line fits: bounds for the lines between them.
  const outputLines = new Map<number, OutputBlock[]>();
  const editsOn = new Map<number, number>();
  output.forEach((block, j) => {
    if (edited.has(j)) {
      editsOn.set(block.line, (editsOn.get(block.line) ?? 0) + 1);
      return;
    }
    const blocks = outputLines.get(block.line);
    if (blocks === undefined) outputLines.set(block.line, [block]);
    else blocks.push(block);
  });
  const identified: Array<readonly [number, number]> = [];
  for (const [line, blocks] of outputLines) {
    const lines = linesFor(blocks, editsOn.get(line) ?? 0);
    if (lines?.length === 1) identified.push([line, (lines[0] as [number, Set<string>])[0]]);
  }
  identified.sort((a, b) => a[0] - b[0]);

  for (const row of rowsOf(output)) {
    row.forEach((cell, column) => placeOf.set(cell.index, { column, length: row.length }));
    const columns = row.flatMap((cell, column) => (edited.has(cell.index) ? [column] : []));
    // An edit, and at least one cell to know the row by.
    if (columns.length === 0 || columns.length === row.length) continue;
    for (const column of columns) decided.add((row[column] as Cell<OutputBlock>).index);
    const { options, line } = writtenOptions(row, columns);
    const bySource = sourceUnits(row, columns, line);
    for (const [at, column] of columns.entries()) {
      const fromSource = bySource[at];
      let unit: string | undefined;
      if (options === undefined) unit = fromSource;
      else if (options !== 'ambiguous')
        unit =
          options.size === 1
            ? [...options][0]
            : fromSource !== undefined && options.has(fromSource)
              ? fromSource
              : undefined;
      if (unit !== undefined) placed.push({ j: (row[column] as Cell<OutputBlock>).index, source: unit });
    }
  }

  /**
   * The units the edited cells of a row may be, by the lines the row may have been as written (see
   * `linesFor`), between the lines that the nearest identified lines of the output above and below
   * were. With one edit and one unit missing, it is that one; else any unit of the line. Lines that
   * allow different units: `'ambiguous'`; no line, or no layout: `undefined`. With them, `line`: every
   * unit of the written line, where one line alone is left between those bounds.
   */
  function writtenOptions(
    row: ReadonlyArray<Cell<OutputBlock>>,
    columns: readonly number[],
  ): { options: ReadonlySet<string> | 'ambiguous' | undefined; line?: ReadonlySet<string> } {
    const outputLine = output[(row[0] as Cell<OutputBlock>).index]?.line ?? 0;
    const others = row.filter((_, column) => !columns.includes(column)).map((cell) => cell.block);
    const lines = linesFor(others, columns.length);
    if (lines === undefined || lines.length === 0) return { options: undefined };
    const above = identified.filter(([line]) => line < outputLine).at(-1);
    const below = identified.find(([line]) => line > outputLine);
    const between = atOffset(
      lines.filter(([line]) => line > (above?.[1] ?? -Infinity) && line < (below?.[1] ?? Infinity)),
      outputLine,
      above,
      below,
    );
    const shown = others.map(unitsShown);
    let options: ReadonlySet<string> | undefined;
    for (const [, units] of between) {
      const missing = [...units].filter((unit) => !shown.some((each) => each.has(unit)));
      const these = new Set(missing.length === 1 && columns.length === 1 ? missing : units);
      if (options === undefined) options = these;
      else if (options.size !== these.size || [...these].some((unit) => !options?.has(unit)))
        return { options: 'ambiguous' };
    }
    return { options: options ?? 'ambiguous', line: between.length === 1 ? between[0]?.[1] : undefined };
  }

  /**
   * Of several written lines a row may have been, the one as far from it as its nearest identified
   * rows above and below are from theirs (the output is the file as written, edited in place): two
   * rows of edited names between the same neighbours are told apart by where they stand.
   */
  function atOffset<T extends readonly [number, unknown]>(
    lines: readonly T[],
    outputLine: number,
    above: readonly [number, number] | undefined,
    below: readonly [number, number] | undefined,
  ): readonly T[] {
    if (lines.length < 2) return lines;
    const offsets = [above, below].flatMap((pair) => (pair === undefined ? [] : [pair[1] - pair[0]]));
    if (offsets.length === 0 || offsets.some((offset) => offset !== offsets[0])) return lines;
    const same = lines.filter(([line]) => line === outputLine + (offsets[0] as number));
    return same.length === 1 ? same : lines;
  }

  /**
   * The unit of each edited column of a row, by the source rows it is and may be: where the written
   * line it was is known, only the rows made of that line's units (or of cells reworded since, in a column not edited):
   * `| Install | yes |` with both cells edited is the row of `Install`, not any row of `yes`, and no
   * row at all once the row of `Install` is gone.
   */
  function sourceUnits(
    row: ReadonlyArray<Cell<OutputBlock>>,
    columns: readonly number[],
    line: ReadonlySet<string> | undefined,
  ): Array<string | undefined> {
    const fits = (candidate: ReadonlyArray<Cell<SourceBlock>>, changed: boolean) =>
      candidate.length === row.length &&
      candidate.every(({ block }, column) => {
        const cell = (row[column] as Cell<OutputBlock>).block;
        return (
          columns.includes(column) ||
          shares(block.keys, cell.keys) ||
          (changed && !block.pairable && cell.known && lost(cell))
        );
      });
    const writtenFrom = (candidate: ReadonlyArray<Cell<SourceBlock>>) =>
      candidate.every(
        ({ index, block }, column) =>
          line?.has(sourceTexts[index] as string) === true || (!block.pairable && !columns.includes(column)),
      );
    const rows = line === undefined ? sourceRows : sourceRows.filter(writtenFrom);
    const first = rows.find((candidate) => fits(candidate, false));
    if (first === undefined) return columns.map(() => undefined);
    const fitting = rows.filter((candidate) => fits(candidate, true));
    return columns.map((column) => {
      const own = first[column] as Cell<SourceBlock>;
      const text = sourceTexts[own.index];
      const agree = fitting.every(
        (candidate) => sourceTexts[(candidate[column] as Cell<SourceBlock>).index] === text,
      );
      return agree && own.block.pairable && own.block.kind === (row[column] as Cell<OutputBlock>).block.kind
        ? text
        : undefined;
    });
  }

  return {
    placed,
    decided: (j) => decided.has(j),
    fits(i, j) {
      const at = placeOf.get(j);
      const from = sourcePlaceOf.get(i);
      if (at === undefined || from === undefined) return at === from;
      return !decided.has(j) && at.column === from.column && at.length === from.length;
    },
  };
}
