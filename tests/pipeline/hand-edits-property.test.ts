import fc from 'fast-check';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';

// Issue 11, as a property: random edits in the PO file, the Markdown output or both, then random
// changes of the source (sections deleted, inserted, moved, reworded), then a run: no human change
// whose source unit still exists is lost, and the Markdown's wins where both sides were edited.

interface Section {
  readonly id: number;
  readonly reworded: boolean;
}

const headingOf = (section: Section) => `Section ${section.id}`;
const paragraphOf = (section: Section) =>
  `Paragraph ${section.id} tells about item ${section.id}${section.reworded ? ', reworded' : ''}.`;
const render = (sections: readonly Section[]) =>
  sections.map((section) => `## ${headingOf(section)}\n\n${paragraphOf(section)}\n`).join('\n');

type Side = 'po' | 'md' | 'both';
type SourceChange =
  | { readonly type: 'delete'; readonly at: number }
  | { readonly type: 'insert'; readonly at: number }
  | { readonly type: 'move'; readonly from: number; readonly to: number }
  | { readonly type: 'reword'; readonly at: number };

const count = 5;
const edits = fc.array(
  fc.record({
    section: fc.nat({ max: count - 1 }),
    heading: fc.boolean(),
    side: fc.constantFrom<Side>('po', 'md', 'both'),
  }),
  { maxLength: 4 },
);
const changes = fc.array(
  fc.oneof(
    fc.record({ type: fc.constant('delete' as const), at: fc.nat({ max: 9 }) }),
    fc.record({ type: fc.constant('insert' as const), at: fc.nat({ max: 9 }) }),
    fc.record({ type: fc.constant('reword' as const), at: fc.nat({ max: 9 }) }),
  ),
  { maxLength: 3 },
);

function applyChanges(sections: readonly Section[], list: readonly SourceChange[]): Section[] {
  const out = [...sections];
  let next = 100;
  for (const change of list) {
    if (out.length === 0) break;
    if (change.type === 'delete') out.splice(change.at % out.length, 1);
    else if (change.type === 'insert')
      out.splice(change.at % (out.length + 1), 0, { id: next++, reworded: false });
    else if (change.type === 'move') {
      const [moved] = out.splice(change.from % out.length, 1);
      if (moved) out.splice(change.to % (out.length + 1), 0, moved);
    } else {
      const at = change.at % out.length;
      out[at] = { ...(out[at] as Section), reworded: true };
    }
  }
  return out;
}

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
const msgstrOf = (po: string, source: string) => {
  const match = new RegExp(`\\nmsgid ${escape(JSON.stringify(source))}\\nmsgstr (".*")\\n`).exec(po);
  if (!match) throw new Error(`no entry for ${source}`);
  return JSON.parse(match[1] as string) as string;
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('hand edits, as a property', () => {
  it('never loses a human change whose source unit still exists', async () => {
    const folder = tempProject();
    const translate = () => runCliHere('translate', ['--lang', 'es', '--engine', 'pseudo'], folder);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(edits, changes, async (editList, changeList) => {
        // Known limits (docs/notes/memory.md), left out here: sections that move (sibling headings
        // that differ by one character, each edited, can be paired crosswise; the fixture test
        // covers a move), and a unit edited in both places next to a deleted section (its Markdown
        // base is known only by fingerprint).
        fc.pre(
          !(
            editList.some((edit) => edit.side === 'both') &&
            changeList.some((change) => change.type === 'delete')
          ),
        );
        round += 1;
        const sections = Array.from({ length: count }, (_, id) => ({ id, reworded: false }));
        writeFileSync(join(folder, 'README.md'), render(sections));
        // A fresh memory and output for each case.
        rmSync(join(folder, 'locales'), { recursive: true, force: true });
        const first = await translate();
        expect(first.status, first.stderr).toBe(0);

        let po = read(folder, 'locales/es.po');
        let md = read(folder, 'locales/README.es.md');
        const expected = new Map<string, string>();
        for (const [index, edit] of editList.entries()) {
          const section = sections[edit.section] as Section;
          const source = edit.heading ? headingOf(section) : paragraphOf(section);
          if (expected.has(source)) continue;
          const machine = msgstrOf(po, source);
          const prefix = edit.heading ? '## ' : '';
          // A fix in each place, as different people would write them.
          const mdText = `${machine} (corregido ${round}.${index})`;
          const poText = `Revisado ${round}.${index}: ${machine}`;
          if (edit.side !== 'md') {
            po = po.replace(
              `msgid ${JSON.stringify(source)}\nmsgstr ${JSON.stringify(machine)}\n`,
              `msgid ${JSON.stringify(source)}\nmsgstr ${JSON.stringify(poText)}\n`,
            );
          }
          if (edit.side !== 'po') md = md.replace(`\n${prefix}${machine}\n`, `\n${prefix}${mdText}\n`);
          expected.set(source, edit.side === 'po' ? poText : mdText);
        }
        writeFileSync(join(folder, 'locales/es.po'), po);
        writeFileSync(join(folder, 'locales/README.es.md'), md);
        const changed = applyChanges(sections, changeList);
        writeFileSync(join(folder, 'README.md'), render(changed));

        const second = await translate();
        expect(second.status, second.stderr).toBe(0);
        const sources = new Set(changed.flatMap((section) => [headingOf(section), paragraphOf(section)]));
        const output = read(folder, 'locales/README.es.md');
        const memory = read(folder, 'locales/es.po');
        for (const [source, text] of expected) {
          if (!sources.has(source)) continue;
          expect(msgstrOf(memory, source), `${source} in the PO file`).toBe(text);
          expect(output, `${source} in the Markdown`).toContain(`${text}\n`);
        }
      }),
      { numRuns: 60 },
    );
  }, 300_000);
});
