import fc from 'fast-check';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';

// Table cells repeat (`yes`, `no`): an edit of one of them in the translated file must go to the
// unit of that cell, whatever the source's rows did since (moved, inserted, deleted, a first cell
// reworded), or be named; never to another unit (before src/pipeline/table-rows.ts, an edit of a
// `yes` went silently to a `no` of another row). With the source unchanged, every edit is kept.
// Pseudo engine, in process.

interface Row {
  readonly name: string;
  readonly cells: readonly string[];
}

const values = ['yes', 'no', 'partly'] as const;
const names = ['Install', 'Update', 'Remove', 'Purge', 'Build', 'Test'];
const header: Row = { name: 'Feature', cells: ['Linux', 'Windows', 'BSD'] };
const render = (rows: readonly Row[]) =>
  `# Matrix\n\n${[header, ...rows]
    .map(
      (row, index) =>
        `| ${[row.name, ...row.cells].join(' | ')} |${index === 0 ? '\n| --- | --- | --- | --- |' : ''}`,
    )
    .join('\n')}\n\nThe end.\n`;

const rowsArbitrary = fc.array(fc.array(fc.constantFrom(...values), { minLength: 3, maxLength: 3 }), {
  minLength: names.length,
  maxLength: names.length,
});
const editsArbitrary = fc.uniqueArray(
  fc.record({ row: fc.nat({ max: names.length - 1 }), column: fc.nat({ max: 3 }) }),
  { selector: (edit) => `${edit.row}:${edit.column}`, maxLength: 4 },
);
type Change =
  | { readonly type: 'move'; readonly from: number; readonly to: number }
  | { readonly type: 'insert'; readonly at: number; readonly cells: readonly string[] }
  | { readonly type: 'delete'; readonly at: number }
  | { readonly type: 'reword'; readonly at: number };
const changesArbitrary = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant('move' as const), from: fc.nat({ max: 9 }), to: fc.nat({ max: 9 }) }),
    fc.record({
      type: fc.constant('insert' as const),
      at: fc.nat({ max: 9 }),
      cells: fc.array(fc.constantFrom(...values), { minLength: 3, maxLength: 3 }),
    }),
    fc.record({ type: fc.constant('delete' as const), at: fc.nat({ max: 9 }) }),
    fc.record({ type: fc.constant('reword' as const), at: fc.nat({ max: 9 }) }),
  ),
  { maxLength: 4 },
);

function applyChanges(rows: readonly Row[], changes: readonly Change[]): Row[] {
  const out = [...rows];
  let next = 1;
  for (const change of changes) {
    if (change.type === 'move') {
      const [moved] = out.splice(change.from % out.length, 1);
      if (moved) out.splice(change.to % (out.length + 1), 0, moved);
    } else if (change.type === 'insert') {
      out.splice(change.at % (out.length + 1), 0, { name: `Extra ${next++}`, cells: change.cells });
    } else if (change.type === 'delete') {
      if (out.length > 1) out.splice(change.at % out.length, 1);
    } else {
      const at = change.at % out.length;
      const row = out[at] as Row;
      out[at] = { ...row, name: `${row.name} all` };
    }
  }
  return out;
}

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
/** Every msgstr of a msgid, in the current and obsolete entries. */
const msgstrsOf = (po: string, source: string) =>
  [
    ...po.matchAll(
      new RegExp(
        `\\n(?:#~ )?msgid ${JSON.stringify(source).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n(?:#~ )?msgstr (".*")\\n`,
        'g',
      ),
    ),
  ].map((match) => JSON.parse(match[1] as string) as string);

describe('edits of repeated table cells, as a property', () => {
  it('go to the unit of their cell or are named, never to another unit', async () => {
    const folder = tempProject();
    const translate = () => runCliHere('translate', ['--lang', 'es', '--engine', 'pseudo'], folder);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(rowsArbitrary, editsArbitrary, changesArbitrary, async (cells, edits, changes) => {
        round += 1;
        const rows = names.map((name, index) => ({ name, cells: cells[index] as string[] }));
        writeFileSync(join(folder, 'README.md'), render(rows));
        rmSync(join(folder, 'locales'), { recursive: true, force: true });
        const first = await translate();
        expect(first.status, first.stderr).toBe(0);

        // Each edit: one cell of the output's table, the row's line and the cell's source unit.
        const lines = read(folder, 'locales/README.es.md').split('\n');
        const firstRow = lines.findIndex((line) => line.startsWith('| ---')) + 1;
        const made: Array<{ unit: string; text: string; line: number }> = [];
        for (const [index, edit] of edits.entries()) {
          const at = firstRow + edit.row;
          const shown = (lines[at] as string).split(' | ');
          const text = `Editado ${round}.${index}`;
          shown[edit.column] = edit.column === 0 ? `| ${text}` : edit.column === 3 ? `${text} |` : text;
          lines[at] = shown.join(' | ');
          const row = rows[edit.row] as Row;
          made.push({
            unit: edit.column === 0 ? row.name : (row.cells[edit.column - 1] as string),
            text,
            line: at + 1,
          });
        }
        writeFileSync(join(folder, 'locales/README.es.md'), lines.join('\n'));
        writeFileSync(join(folder, 'README.md'), render(applyChanges(rows, changes)));

        const second = await translate();
        expect(second.status, second.stderr).toBe(0);
        const po = read(folder, 'locales/es.po').replace(/"\n(?:#~ )?"/g, '');
        for (const { unit, text, line } of made) {
          const named = second.stderr.includes(`locales/README.es.md:${line}: `);
          // The source unchanged, each edit is kept, unless another edit of the same unit differs.
          if (
            changes.length === 0 &&
            !second.stderr.includes(`locales/README.es.md:${line}: repeats an earlier paragraph`)
          )
            expect(msgstrsOf(po, unit), `the edit of ${unit} at line ${line}`).toContain(text);
          expect(msgstrsOf(po, unit).includes(text) || named, `the edit of ${unit} at line ${line}`).toBe(
            true,
          );
          // Never another unit's: no msgstr holds it but its own unit's (or a previous translation).
          const holders = [...po.matchAll(/\n(?:#~ )?msgid (".*")\n(?:#~ )?msgstr (".*")\n/g)]
            .filter((match) => JSON.parse(match[2] as string) === text)
            .map((match) => JSON.parse(match[1] as string) as string);
          expect(
            holders.filter((holder) => holder !== unit && !holder.startsWith(`${unit} `)),
            text,
          ).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 40) },
    );
  }, 300_000);
});
