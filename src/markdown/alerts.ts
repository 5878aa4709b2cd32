import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** GitHub's five alerts (`> [!NOTE]` …), in GitHub's order. */
export const alertTypes = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type AlertType = (typeof alertTypes)[number];

/** The title GitHub shows for each alert: the text translated, per language, as an ordinary unit. */
export const englishAlertTitles: Readonly<Record<AlertType, string>> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};

const marker = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i;

/**
 * The alerts of a parsed Markdown tree, each type once with the line of its first use: blockquotes
 * whose first line is a marker alone, as GitHub reads them (never one in a code block).
 */
export function alertsIn(tree: Root): Array<{ readonly type: AlertType; readonly line: number }> {
  const found = new Map<AlertType, number>();
  visit(tree, 'blockquote', (quote) => {
    const paragraph = quote.children[0];
    const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
    const match = first?.type === 'text' ? marker.exec(first.value) : null;
    if (match === null) return;
    const type = (match[1] as string).toLowerCase() as AlertType;
    if (!found.has(type)) found.set(type, quote.position?.start.line ?? 1);
  });
  return alertTypes
    .filter((type) => found.has(type))
    .map((type) => ({ type, line: found.get(type) as number }));
}

/** Whether a Markdown text may hold an alert (a quick test before parsing or reading anything). */
export function mayHoldAlert(markdown: string): boolean {
  return /^[ \t>]*>[ \t]*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/im.test(markdown);
}
