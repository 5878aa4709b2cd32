/**
 * Apertium starts a sentence after a superblank: `<x id="1"/> is a hypervisor` (a protected term
 * as subject) comes back as `<x id="1"/> Es un hipervisor`, and a list item that opens with a linked
 * name, `<g id="1"><x id="2"/></g> for handing over`, as `… Para entregar`. Where the source has a
 * lower-case word right after an `<x/>` or a `</g>` (or after a label's dash or colon there: `` `target` - the
 * file ``), the word after that tag in the translation gets
 * a lower-case first letter again (`Es` → `es`), unless it looks like an acronym, a name written in
 * capitals, or a word the source itself writes capitalised (a name the translation moved there).
 */
export function repairCaseAfterTags(source: string, translation: string): string {
  const lowerAfter = new Set<string>();
  for (const { id, end } of tagEnds(source))
    if (afterTag.exec(source.slice(end))?.[2]?.match(/^\p{Ll}/u)) lowerAfter.add(id);
  if (lowerAfter.size === 0) return translation;
  let repaired = '';
  let copied = 0;
  for (const { id, end } of tagEnds(translation)) {
    if (!lowerAfter.has(id)) continue;
    const word = /^(\s*(?:[-–—:]\s+)?)(\p{Lu})((?:\p{Ll}[\p{L}\p{N}]*)?)(?![\p{L}\p{N}])/u.exec(
      translation.slice(end),
    );
    if (word === null) continue;
    const [, space, letter, rest] = word as unknown as [string, string, string, string];
    if (new RegExp(`(?<![\\p{L}\\p{N}])${letter}${rest}(?![\\p{L}\\p{N}])`, 'u').test(source)) continue;
    const at = end + space.length;
    repaired += translation.slice(copied, at) + letter.toLowerCase();
    copied = at + letter.length;
  }
  return repaired + translation.slice(copied);
}

/** What follows a tag: a space, maybe a dash or colon of a label (`` `target` - the file ``), then a letter. */
const afterTag = /^(\s*(?:[-–—:]\s+)?)(\p{L})/u;

/** Where each tag ends, named by its id: `x1` after `<x id="1"/>`, `g2` after the `</g>` of `<g id="2">`. */
function tagEnds(text: string): Array<{ id: string; end: number }> {
  const ends: Array<{ id: string; end: number }> = [];
  const open: string[] = [];
  for (const match of text.matchAll(/<x id="(\d+)"\/>|<g id="(\d+)">|<\/g>/gu)) {
    const end = match.index + match[0].length;
    if (match[1] !== undefined) ends.push({ id: `x${match[1]}`, end });
    else if (match[2] !== undefined) open.push(match[2]);
    else {
      const id = open.pop();
      if (id !== undefined) ends.push({ id: `g${id}`, end });
    }
  }
  return ends;
}
