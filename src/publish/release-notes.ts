/** How complete one language's translation is, for the release notes. */
export interface LanguageStatus {
  readonly lang: string;
  /** Units in the source; 0 or absent when unknown. */
  readonly units?: number;
  /** Units that kept their source text (no translation). */
  readonly keptSource?: number;
  /** The PDF asset's name, when one is attached. */
  readonly pdf?: string;
}

const start = '<!-- readme-i18n:languages -->';
const end = '<!-- /readme-i18n:languages -->';

/**
 * Puts the table of languages into `previous` notes between marker comments, replacing an earlier
 * table and keeping everything a person wrote around it.
 */
export function releaseNotes(
  previous: string,
  languages: readonly LanguageStatus[],
  downloadBase: string,
): string {
  const table = [start, languageTable(languages, downloadBase), end].join('\n');
  const from = previous.indexOf(start);
  const to = previous.indexOf(end, from);
  if (from >= 0 && to >= 0) return previous.slice(0, from) + table + previous.slice(to + end.length);
  return previous.trim() === '' ? `${table}\n` : `${previous.trimEnd()}\n\n${table}\n`;
}

function languageTable(languages: readonly LanguageStatus[], downloadBase: string): string {
  const rows = [...languages]
    .sort((a, b) => a.lang.localeCompare(b.lang))
    .map(
      (language) =>
        `| ${language.lang} | ${completeness(language)} | ${pdfLink(language.pdf, downloadBase)} |`,
    );
  return ['| Language | Translated | PDF |', '| --- | --- | --- |', ...rows].join('\n');
}

function completeness(language: LanguageStatus): string {
  if (language.units === undefined || language.units === 0) return '—';
  const translated = language.units - (language.keptSource ?? 0);
  const percent = Math.floor((translated / language.units) * 100);
  return `${percent} % (${translated}/${language.units} units)`;
}

function pdfLink(name: string | undefined, downloadBase: string): string {
  if (name === undefined) return '—';
  return `[${name}](${downloadBase}/${encodeURIComponent(name)})`;
}
