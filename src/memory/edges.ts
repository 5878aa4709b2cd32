/**
 * msgfmt refuses a translated entry whose msgid and msgstr do not both begin, and both end, with a
 * newline. Such a difference is an artefact of an engine, never meaning, so the translation takes
 * the source's edges.
 */
export function alignEdges(source: string, translation: string): string {
  const core = translation.replace(/^\n+/, '').replace(/\n+$/, '');
  // Only newlines is no translation at all; an empty msgstr is what PO calls untranslated.
  if (core === '') return '';
  const lead = source.startsWith('\n') ? '\n' : '';
  const trail = source.endsWith('\n') ? '\n' : '';
  return lead + core + trail;
}
