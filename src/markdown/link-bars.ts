/**
 * Navigation bars and lists of links or badges: links, images and HTML `<a>` elements separated only
 * by separator text (`·`, `|`, `•`, `/`, dashes, commas, white space, their entities). Each element
 * of such a bar is a unit of its own and the separators stay outside every unit, so no engine can
 * move a separator into a link or swap two links. Prose that holds several links has words between
 * them and is never a bar.
 */

const separatorEntity =
  '&(?:middot|centerdot|CenterDot|bull|bullet|vert|verbar|VerticalLine|mid|mdash|ndash|dash|hyphen|sol|comma|nbsp|emsp|ensp|thinsp' +
  '|#(?:183|8226|124|47|45|44|160|8211|8212|8194|8195|8201)|#[xX](?:[bB]7|2022|7[cC]|2[fF]|2[dD]|2[cC]|[aA]0|2013|2014|2002|2003|2009));';
const separatorText = new RegExp(
  `^(?:[\\s\\u00a0\\u2002\\u2003\\u2009·|•/,\\-–—]|\\\\[|/,\\-]|${separatorEntity})*$`,
  'u',
);

/** Whether source text only separates the items of a bar. */
export function isSeparatorText(text: string): boolean {
  return separatorText.test(text);
}

/** One item of a run of inline content: a link-like element, separator text, a line break, or anything else. */
export interface BarItem {
  readonly kind: 'element' | 'separator' | 'break' | 'other';
  /** For an element: whether its text has a letter. */
  readonly prose?: boolean;
}

/** Items `[from, to)` of a run: a bar, whose elements are units of their own, or the rest, one unit. */
export interface BarPart {
  readonly bar: boolean;
  readonly from: number;
  readonly to: number;
}

/**
 * Splits a run of items at its line breaks; a line of at least two elements, only separators between
 * them and some text in one, is a bar. Returns undefined when the run has no bar (it stays one unit);
 * otherwise the bars and, between them, the other lines joined, their edge breaks and separators left
 * out.
 */
export function splitBars(items: readonly BarItem[]): BarPart[] | undefined {
  const lines: BarPart[] = [];
  let from = 0;
  for (let index = 0; index <= items.length; index++) {
    if (index < items.length && items[index]?.kind !== 'break') continue;
    lines.push({ bar: isBar(items.slice(from, index)), from, to: index });
    from = index + 1;
  }
  if (!lines.some((line) => line.bar)) return undefined;
  const parts: BarPart[] = [];
  for (const line of lines) {
    const previous = parts.at(-1);
    if (!line.bar && previous && !previous.bar) parts[parts.length - 1] = { ...previous, to: line.to };
    else parts.push(line);
  }
  return parts.flatMap((part) => {
    if (part.bar) return [part];
    let { from: first, to: last } = part;
    const edge = (index: number) => items[index]?.kind === 'break' || items[index]?.kind === 'separator';
    while (first < last && edge(first)) first++;
    while (last > first && edge(last - 1)) last--;
    return first < last ? [{ bar: false, from: first, to: last }] : [];
  });
}

function isBar(line: readonly BarItem[]): boolean {
  const elements = line.filter((item) => item.kind === 'element');
  return (
    elements.length >= 2 &&
    elements.some((item) => item.prose) &&
    line.every((item) => item.kind === 'element' || item.kind === 'separator')
  );
}
