/** How complete one language's translation is, for the release notes. */
export interface LanguageStatus {
  readonly lang: string;
  /** Units in the source; 0 or absent when unknown. */
  readonly units?: number;
  /** Units that kept their source text (no translation). */
  readonly keptSource?: number;
  /** The PDF asset's name, when one is attached. */
  readonly pdf?: string;
  /** Every PDF asset of the language (one per source of the site), `pdf` first; the notes link each. */
  readonly pdfs?: readonly string[];
}

const start = '<!-- readme-i18n:languages -->';
const end = '<!-- /readme-i18n:languages -->';

/**
 * Puts the table of languages into `previous` notes between marker comments, keeping everything a
 * person wrote around it. An earlier table is merged, not replaced: the rows of the languages given
 * are rewritten, the rows of other languages (released by another run) kept.
 */
export function releaseNotes(
  previous: string,
  languages: readonly LanguageStatus[],
  downloadBase: string,
): string {
  const from = previous.indexOf(start);
  const to = previous.indexOf(end, from);
  const given = new Set(languages.map((language) => language.lang));
  const kept =
    from >= 0 && to >= 0
      ? tableRows(previous.slice(from + start.length, to)).filter((row) => !given.has(row.lang))
      : [];
  const rows = [
    ...languages.map((language) => ({ lang: language.lang, row: languageRow(language, downloadBase) })),
    ...kept,
  ].sort((a, b) => a.lang.localeCompare(b.lang));
  const table = [start, tableHeader, ...rows.map((row) => row.row), end].join('\n');
  if (from >= 0 && to >= 0) return previous.slice(0, from) + table + previous.slice(to + end.length);
  return previous.trim() === '' ? `${table}\n` : `${previous.trimEnd()}\n\n${table}\n`;
}

const tableHeader = ['| Language | Translated | PDF |', '| --- | --- | --- |'].join('\n');

function languageRow(language: LanguageStatus, downloadBase: string): string {
  const pdfs = language.pdfs ?? (language.pdf === undefined ? [] : [language.pdf]);
  return `| ${language.lang} | ${completeness(language)} | ${pdfLinks(pdfs, downloadBase)} |`;
}

/** The language rows of an earlier table, as they were written. */
function tableRows(table: string): Array<{ lang: string; row: string }> {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|') && !line.startsWith('| Language |') && !line.startsWith('| ---'))
    .map((row) => ({ lang: row.split('|')[1]?.trim() ?? '', row }))
    .filter((row) => row.lang !== '');
}

function completeness(language: LanguageStatus): string {
  if (language.units === undefined || language.units === 0) return '—';
  const translated = language.units - (language.keptSource ?? 0);
  const percent = Math.floor((translated / language.units) * 100);
  return `${percent} % (${translated}/${language.units} units)`;
}

function pdfLinks(names: readonly string[], downloadBase: string): string {
  if (names.length === 0) return '—';
  return names.map((name) => `[${name}](${downloadBase}/${encodeURIComponent(name)})`).join(' · ');
}
