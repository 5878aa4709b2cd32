import type { Range, Unit } from './unit.js';

/** Renders a unit's translation; `renderRange` renders a placeholder's source range with nested units. */
export type UnitRenderer = (unit: Unit, renderRange: (range: Range) => string) => string;

/** Renders `range` of `text` with the units among `candidates` that lie inside it replaced by `render`. */
export function renderRange(
  text: string,
  range: Range,
  candidates: readonly Unit[],
  render: UnitRenderer,
): string {
  let out = '';
  let position = range.start;
  for (const unit of candidates) {
    if (unit.range.start < position || unit.range.end > range.end) continue;
    out +=
      text.slice(position, unit.range.start) +
      render(unit, (inner) => renderRange(text, inner, unit.nested, render));
    position = unit.range.end;
  }
  return out + text.slice(position, range.end);
}

/**
 * Splice, never re-serialise: the output is `text` with each unit's range replaced by what `render`
 * gives for it, and every other byte untouched.
 */
export function spliceUnits(text: string, units: readonly Unit[], render: UnitRenderer): string {
  const ordered = [...units].sort((a, b) => a.range.start - b.range.start);
  return renderRange(text, { start: 0, end: text.length }, ordered, render);
}

/** One unit as `render` gives it, its nested units rendered the same way. */
export function renderOne(text: string, unit: Unit, render: UnitRenderer): string {
  return renderRange(text, unit.range, [unit], render);
}
