import { alertsIn, englishAlertTitles } from '../markdown/alerts.js';
import type { ParsedDocument } from '../markdown/document.js';

/**
 * The alert titles a source shows (`Note` for `> [!NOTE]`…), each once with the line of its first
 * alert: translated as units of their own, kept in the memory like any unit, where a person can
 * correct them; the render titles each language's alerts with them. Only for an English source:
 * GitHub shows the English titles, whatever the README's language.
 */
export function alertTitleUnits(
  document: ParsedDocument,
  from: string,
): Array<{ readonly text: string; readonly line: number }> {
  if (from.split('-')[0]?.toLowerCase() !== 'en') return [];
  return alertsIn(document.tree).map(({ type, line }) => ({ text: englishAlertTitles[type], line }));
}
