import { alertTypes, englishAlertTitles, mayHoldAlert } from '../markdown/alerts.js';
import { memoryPath } from '../memory/memory-path.js';
import { repositoryPath, type Repository } from '../repository-paths.js';
import type { RememberedTitles } from './alert-titles.js';

/**
 * The alert titles `translate` recorded in a language's memory (`locales/fr.po`), as the engine
 * wrote them or as a person corrected them; none when the page has no alert or there is no memory.
 */
export async function rememberedTitles(
  repository: Repository,
  template: string,
  lang: string,
  markdown: string,
): Promise<RememberedTitles> {
  if (!mayHoldAlert(markdown)) return {};
  const file = await repositoryPath(repository, memoryPath(template, lang), 'the memory (--memory)');
  // Loaded only for a page with an alert: a render with nothing to do reads no PO file.
  const { loadMemory } = await import('../memory/load-memory.js');
  const memory = await loadMemory(file.real, lang, { readOnly: true });
  const found: RememberedTitles = {};
  for (const type of alertTypes) {
    const entry = memory.entry(englishAlertTitles[type]);
    const text = memory.lookup(englishAlertTitles[type]);
    if (entry !== undefined && text !== undefined) found[type] = { text, byHand: entry.origin === 'human' };
  }
  return found;
}
