import type { Root } from 'mdast';
import { isEnglishWord } from '../english-words.js';
import { plainText, eachNode } from '../tree-walk.js';
import type { FoundNames } from './found-names.js';
import { unknownLower } from './lower-case-names.js';

// A cell's items: `btrfs / zfs`, `devicemapper (direct-lvm) / aufs`.
const itemSeparator = /\s*\/\s*|\s*\(\s*|\s*\)\s*|,\s*/u;

/** Whether a lower-case word is an identifier by its shape: digits, hyphens, dots, underscores, or no dictionary. */
const shapedName = (item: string) =>
  /^\p{Ll}[\p{Ll}\p{N}]*[\p{N}_.-][\p{Ll}\p{N}_.-]*$/u.test(item) || unknownLower(item);

/**
 * A first column of single lower-case words, two or more of them identifiers by their shape (`overlay2`,
 * `fuse-overlayfs`, `btrfs / zfs`), lists things by name, as a table of drivers or plugins does: its
 * other words are names too where no dictionary word, compounds and plurals' look-alikes included
 * (`devicemapper`, `windowsfilter`, `aufs`). A column with a capital or a phrase in it says nothing.
 */
export function addLowerCaseColumns(tree: Root, found: FoundNames): void {
  eachNode(tree, (node) => {
    if (node.type !== 'table') return;
    const rows = node.children.slice(1);
    if (rows.length < 3) return;
    const cells = rows.map((row) => (row.children[0] === undefined ? '' : plainText(row.children[0]).trim()));
    const items = cells.map((cell) => cell.split(itemSeparator).filter((item) => item !== ''));
    if (
      !items.every((each) => each.length > 0 && each.every((item) => /^\p{Ll}[\p{Ll}\p{N}_.-]*$/u.test(item)))
    )
      return;
    if (items.filter((each) => each.some(shapedName)).length < 2) return;
    for (const item of items.flat())
      if (/^\p{Ll}+$/u.test(item) && !isEnglishWord(item)) found.add(item, 'name column of a table');
  });
}
