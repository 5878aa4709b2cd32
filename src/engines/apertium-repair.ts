/**
 * Small, targeted fixes for what the installed Apertium pairs do to white space, applied to the
 * tagged translation with its tagged source beside it:
 * - the white space at both ends is the source's (a dropped subject pronoun leaves a leading space:
 *   `I know` → ` Sé`), so a unit never gets glued to, or pulled from, the markup around it;
 * - eng-spa's interchunk stage puts a space before sentence marks (`una prueba .`); a space before
 *   `.`, `,`, `;`, `:`, `!` or `?` is removed unless the source wrote one there itself or the target
 *   language spaces such marks (French: `Poids :`);
 * - a dropped or moved word leaves two spaces (`l'ordre <x/>  és`): runs of spaces become one
 *   unless the source itself has two spaces in a row.
 */
const marks = ['.', ',', ';', ':', '!', '?'] as const;

/** Languages whose typography puts a space before some marks. */
const spacedMarkLanguages = new Set(['fr', 'fra', 'br', 'bre']);

export function repairSpacing(source: string, translation: string, targetLanguage: string): string {
  let out = translation;
  const lead = /^\s*/.exec(source)?.[0] ?? '';
  const trail = /\s*$/.exec(source)?.[0] ?? '';
  // Words dropped or moved leave two spaces where the source had one.
  const core = /\S {2}/.test(source.trim()) ? out.trim() : out.trim().replace(/(\S) {2,}(?=\S)/g, '$1 ');
  if (source.trim() === '') out = source;
  else out = core === '' ? lead + trail : lead + core + trail;
  const primary = (targetLanguage.split(/[-_]/)[0] ?? '').toLowerCase();
  if (spacedMarkLanguages.has(primary)) return out;
  for (const mark of marks) {
    const spaced = new RegExp(`(\\S)[ \\t]+([${mark}])(?=\\s|$|<|&)`, 'g');
    if (new RegExp(spaced.source).test(source)) continue;
    out = out.replace(spaced, '$1$2');
  }
  return out;
}
