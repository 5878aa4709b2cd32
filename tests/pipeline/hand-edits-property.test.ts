import fc from 'fast-check';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';

// Issue 11, as a property: random edits in the PO file, the Markdown output or both, then random
// changes of the source (sections deleted, inserted, moved, reworded), then a run: no human change
// whose source unit still exists is lost, and the Markdown's wins where both sides were edited; an
// edit of the Markdown whose unit is gone (deleted or reworded) stays in the PO file and is named
// with its file and line. The sections' headings differ by one character (`Section 1`,
// `Section 2`): an edit goes to its own unit or nowhere, never to a sibling.

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
    fc.record({ type: fc.constant('move' as const), from: fc.nat({ max: 9 }), to: fc.nat({ max: 9 }) }),
  ),
  { maxLength: 5 },
);

function applyChanges(sections: readonly Section[], list: readonly SourceChange[]): Section[] {
  const out = [...sections];
  let next = 100;
  for (const change of list) {
    if (change.type === 'delete') {
      // The source keeps a section: an empty README is refused.
      if (out.length > 1) out.splice(change.at % out.length, 1);
    } else if (change.type === 'insert')
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
        const editedInMarkdown = new Map<string, { block: string; text: string }>();
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
          if (edit.side !== 'po') {
            md = md.replace(`\n${prefix}${machine}\n`, `\n${prefix}${mdText}\n`);
            editedInMarkdown.set(source, { block: `\n${prefix}${mdText}\n`, text: mdText });
          }
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
        // PO lines folded by gettext-parser, joined again.
        const unfolded = memory.replace(/"\n(?:#~ )?"/g, '');
        for (const [source, { block, text }] of editedInMarkdown) {
          // An edit goes to its own unit or nowhere: never to another block.
          const shown = output.split(block.slice(1)).length - 1;
          expect(shown, `${source}'s edit in the Markdown`).toBe(sources.has(source) ? 1 : 0);
          if (sources.has(source)) continue;
          // Its unit is gone: the edit waits in the PO file (obsolete, or beside the reworded text), named.
          const line = md.slice(0, md.indexOf(block)).split('\n').length + 1;
          expect(second.stderr, `the edit of ${source} is named`).toContain(
            `readme-i18n: warning: locales/README.es.md:${line}: edited by hand, but `,
          );
          expect(unfolded, `the edit of ${source} is in the PO file`).toContain(JSON.stringify(text));
        }
        for (const [source, text] of expected) {
          if (!sources.has(source)) continue;
          expect(msgstrOf(memory, source), `${source} in the PO file`).toBe(text);
          expect(output, `${source} in the Markdown`).toContain(`${text}\n`);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 60) },
    );
  }, 300_000);
});
