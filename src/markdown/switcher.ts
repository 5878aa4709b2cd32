import { nativeName } from '../language-tag.js';
import type { Range } from './unit.js';

export const switcherStart = '<!-- readme-i18n:switcher:start -->';
export const switcherEnd = '<!-- readme-i18n:switcher:end -->';

export interface SwitcherLink {
  /** BCP 47 code such as `fr`. */
  readonly lang: string;
  /** Path from the file that shows the switcher, or undefined for the file itself. */
  readonly href: string | undefined;
}

/** The range of the switcher block, markers included, if the text has one. */
export function findSwitcher(text: string): Range | undefined {
  const start = text.indexOf(switcherStart);
  if (start === -1) return undefined;
  const end = text.indexOf(switcherEnd, start);
  if (end === -1) return undefined;
  return { start, end: end + switcherEnd.length };
}

export function renderSwitcher(links: readonly SwitcherLink[], eol: string): string {
  const items = links.map((link) =>
    link.href === undefined
      ? `**${nativeName(link.lang)}**`
      : `[${nativeName(link.lang)}](${encodeURI(link.href)})`,
  );
  return `${switcherStart}${eol}🌐 ${items.join(' · ')}${eol}${switcherEnd}`;
}

/**
 * Puts the switcher into `text`: in place of an existing block (never a second one), else at
 * `insertAt` (the start of the content, after any front matter), followed by a blank line.
 */
export function applySwitcher(text: string, switcher: string, eol: string, insertAt: number): string {
  const existing = findSwitcher(text);
  if (existing) return text.slice(0, existing.start) + switcher + text.slice(existing.end);
  return text.slice(0, insertAt) + switcher + eol + eol + text.slice(insertAt);
}
