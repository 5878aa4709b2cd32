/** One language's figures for the job summary. */
export interface SummaryLanguage {
  readonly lang: string;
  /** The translated file, relative to the repository. */
  readonly file: string;
  readonly units: number;
  /** Units sent to the engine this run. */
  readonly translated: number;
  /** Units found in the translation memory (machine entries). */
  readonly fromMemory: number;
  /** Units a person translated or corrected; undefined when not known. */
  readonly byHand: number | undefined;
  readonly charactersBilled: number;
  /** The PDF's name, when one was made. */
  readonly pdf: string | undefined;
  /** Every PDF of the language, one per source of the site, `pdf` first (default: `pdf` alone). */
  readonly pdfs?: readonly string[] | undefined;
}

export interface SummaryInput {
  readonly languages: readonly SummaryLanguage[];
  /** Web address of the files, e.g. `https://github.com/o/r/blob/<sha>` (default: plain names). */
  readonly fileBase?: string;
  readonly releaseUrl?: string;
  readonly pullRequestUrl?: string;
  /** Why translation was skipped, when it was. */
  readonly skipped?: string | undefined;
  /** Why the run failed, when it did: the summary is written all the same. */
  readonly failure?: string | undefined;
  /** A dry run: the figures say what would have been sent. */
  readonly dryRun?: boolean;
}

/** The Markdown of the job summary: a row per language, then links. */
export function jobSummary(input: SummaryInput): string {
  const lines = [
    input.dryRun ? '## readme-i18n (dry run: nothing sent, released or committed)' : '## readme-i18n',
    '',
  ];
  if (input.failure !== undefined) {
    lines.push(
      '> [!CAUTION]',
      ...`The run failed: ${input.failure}`.split('\n').map((line) => `> ${line}`),
      '',
    );
  }
  if (input.skipped !== undefined) lines.push(`> [!NOTE]`, `> Translation skipped: ${input.skipped}`, '');
  if (input.languages.length > 0) {
    lines.push(
      '| Language | File | Units | Translated | From memory | By hand | Characters billed | PDF |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const language of input.languages) {
      const file =
        input.fileBase === undefined
          ? `\`${language.file}\``
          : `[${language.file}](${input.fileBase}/${language.file})`;
      lines.push(
        `| ${language.lang} | ${file} | ${language.units} | ${language.translated} | ${language.fromMemory} | ` +
          `${language.byHand ?? '—'} | ${language.charactersBilled} | ${pdfCells(language, input.releaseUrl)} |`,
      );
    }
    lines.push('');
  }
  if (input.releaseUrl !== undefined) lines.push(`Release: ${input.releaseUrl}`, '');
  if (input.pullRequestUrl !== undefined) lines.push(`Pull request: ${input.pullRequestUrl}`, '');
  return `${lines.join('\n')}\n`;
}

/** The language's PDFs, each linked to its download when attached to a release. */
function pdfCells(language: SummaryLanguage, releaseUrl: string | undefined): string {
  const pdfs = language.pdfs ?? (language.pdf === undefined ? [] : [language.pdf]);
  return pdfs.length === 0 ? '—' : pdfs.map((pdf) => pdfCell(pdf, releaseUrl)).join(' · ');
}

/** The PDF's name, linked to its download when it was attached to a release. */
function pdfCell(pdf: string | undefined, releaseUrl: string | undefined): string {
  if (pdf === undefined) return '—';
  if (releaseUrl === undefined || !releaseUrl.includes('/releases/tag/')) return pdf;
  return `[${pdf}](${releaseUrl.replace('/releases/tag/', '/releases/download/')}/${encodeURIComponent(pdf)})`;
}
