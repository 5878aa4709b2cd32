import type { Range } from '../unit.js';
import type { AddName, NameReason, PlaceName, PlacedName } from './types.js';

/** The names found so far, and how the passes add to them. */
export interface FoundNames {
  readonly names: Map<string, NameReason>;
  readonly placed: Map<number, PlacedName>;
  readonly add: AddName;
  readonly place: PlaceName;
}

/** An empty set of names, with the glossary's and the `terms` setting's first. */
export function foundNames(glossary: readonly string[], terms: readonly string[]): FoundNames {
  const names = new Map<string, NameReason>();
  const add = (name: string, reason: NameReason) => {
    if (!names.has(name)) names.set(name, reason);
  };
  for (const term of glossary) add(term, 'glossary');
  for (const term of terms) add(term, 'terms setting');
  const placed = new Map<number, PlacedName>();
  const place = (range: Range, reason: NameReason) => {
    if (!placed.has(range.start)) placed.set(range.start, { ...range, reason });
  };
  return { names, placed, add, place };
}
