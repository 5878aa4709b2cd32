import type { Command } from 'commander';
import { relative } from 'node:path';
import { UsageError } from '../errors.js';
import type { RenderedPage, RenderReport } from '../render/render-site.js';
import { handleInterruptions } from './interrupt.js';
import { renderRepositoryUrl } from './repository-url.js';
import { parseCount } from './settings.js';
import { shown } from '../shown-value.js';

interface RenderFlags {
  lang?: string;
  out?: string;
  html?: boolean;
  pdf?: boolean;
  source?: string;
  from?: string;
  pattern?: string;
  outPattern?: string;
  allowRemote?: boolean;
  pageTimeout?: string;
  concurrency?: string;
  name?: string;
  siteUrl?: string;
  allowOutsideRepo?: boolean;
  taggedPdf?: boolean;
  browser?: string;
  repoUrl?: string | false;
  ref?: string;
}

/** `readme-i18n render`: the flags, parsed here; the work, done by `renderSite`. */
export function registerRender(program: Command): void {
  program
    .command('render')
    .description(
      'render the README (and every other source configured) and its translations as web pages and PDFs, each linking to the others',
    )
    .option('--lang <codes>', 'languages to render, comma-separated (default: every file matching --pattern)')
    .option('--out <dir>', 'output folder (default: docs)')
    .option('--html', 'write the web pages (without --pdf: only them)')
    .option('--pdf', 'write the PDFs (without --html: only them)')
    .option(
      '--source <file>',
      'render only this source Markdown file (default: the configured sources, else README.md)',
    )
    .option('--from <code>', 'the source language (default: en)')
    .option(
      '--pattern <pattern>',
      "where translations are, {lang} for the code, {name} and {dir} the source's (default: the translate step's, '{dir}/locales/{name}.{lang}.md')",
    )
    .option('--out-pattern <pattern>', 'same as --pattern, named as in the translate command')
    .option('--allow-remote', 'fetch remote images such as badges (default: shown as their alt text)')
    .option('--page-timeout <ms>', 'time limit to load and print one page (default: 60000)')
    .option('--concurrency <n>', 'PDFs printed at once in the one browser (default: 2)')
    .option('--name <name>', 'base name of the PDFs, as in <name>.<lang>.pdf (default: the source file name)')
    .option('--site-url <url>', 'where the site is published, for links in the PDFs (default: none)')
    .option(
      '--allow-outside-repo',
      'allow the Markdown, images and site outside the repository (default: refused, symbolic links followed)',
    )
    .option('--tagged-pdf', 'tagged PDFs, structured for screen readers (about twice as slow to print)')
    .option(
      '--browser <path>',
      'the Chrome or Chromium to print with (default: PUPPETEER_EXECUTABLE_PATH, CHROME_BIN, else the one installed)',
    )
    .option(
      '--repo-url <url>',
      "the repository's web address, such as https://github.com/owner/repo: links to its files outside the site point there (default: the origin remote when it is on github.com)",
    )
    .option('--no-repo-url', 'keep links to repository files outside the site relative')
    .option('--ref <ref>', 'branch, tag or commit those links show (default: the checked-out branch)')
    .action(async (flags: RenderFlags) => {
      if (
        flags.pattern !== undefined &&
        flags.outPattern !== undefined &&
        flags.pattern !== flags.outPattern
      ) {
        throw new UsageError('--pattern and --out-pattern name the same thing; give one of them');
      }
      const [{ loadSettings }, { parseLanguageList }, { renderSite }, { renderSourcesOf }] =
        await Promise.all([
          import('../config/load-settings.js'),
          import('../language-tag.js'),
          import('../render/render-site.js'),
          import('../config/step-options.js'),
        ]);
      // The configuration under the flags: defaults, file, environment, flags.
      const cwd = process.cwd();
      const settings = (await loadSettings(cwd)).settings;
      const configured = settings.render ?? {};
      const pattern = flags.pattern ?? flags.outPattern;
      // One source when named, else every source the translate step translates.
      const sources = await renderSourcesOf(cwd, {
        ...settings,
        ...(flags.source === undefined ? {} : { sources: [flags.source] }),
        ...(pattern === undefined ? {} : { out: pattern }),
      });
      if (sources.length > 1 && pattern !== undefined && !pattern.includes('{name}')) {
        throw new UsageError(
          `--pattern '${shown(pattern)}' must contain {name} when several sources are rendered, as in '{dir}/locales/{name}.{lang}.md'; or pass --source <file> for one`,
        );
      }
      const chosen = flags.html === undefined && flags.pdf === undefined ? configured : flags;
      const interruption = handleInterruptions();
      const report = await renderSite({
        signal: interruption.signal,
        langs: flags.lang === undefined ? settings.langs : parseLanguageList(flags.lang),
        outDir: flags.out ?? configured.out,
        html: chosen.html,
        pdf: chosen.pdf,
        sources: sources.map((source, index) => ({ ...source, name: index === 0 ? flags.name : undefined })),
        sourceLang: flags.from ?? settings.from,
        allowRemote: flags.allowRemote ?? configured.allowRemote,
        pageTimeoutMs: parseCount(flags.pageTimeout, '--page-timeout'),
        concurrency: parseCount(flags.concurrency, '--concurrency'),
        siteUrl: flags.siteUrl,
        allowOutsideRepo: flags.allowOutsideRepo,
        taggedPdf: flags.taggedPdf,
        executablePath: flags.browser,
        memory: settings.memory,
        repositoryUrl: await renderRepositoryUrl(cwd, flags),
        // A line per page as soon as it is written: a long render shows its progress.
        onPage: (page) => printPage(page, flags.allowRemote ?? configured.allowRemote ?? false),
        // PDFs take seconds each: say what is ahead before the first is done.
        onStart: (plan) =>
          process.stdout.write(
            `rendering ${plan.languages} ${plan.languages === 1 ? 'language' : 'languages'}` +
              `${plan.sources > 1 ? ` of ${plan.sources} sources` : ''}: ` +
              `${plan.html ? 'HTML pages and ' : ''}${plan.pdfsToPrint} ${plan.pdfsToPrint === 1 ? 'PDF' : 'PDFs'} to print…\n`,
          ),
      }).finally(() => interruption.dispose());
      printReport(report);
    });
}

const show = (file: string): string => shown(relative(process.cwd(), file) || file);

function printPage(page: RenderedPage, allowRemote: boolean): void {
  const outputs = [page.html, page.pdf].filter((file): file is string => file !== undefined).map(show);
  const state = page.pdfUnchanged ? ', unchanged' : '';
  const size =
    page.pdfBytes === undefined
      ? page.unchanged
        ? ' (unchanged)'
        : ''
      : ` (PDF ${Math.round(page.pdfBytes / 1024)} KiB${state})`;
  process.stdout.write(`${page.lang}: ${outputs.join(', ')}${size}\n`);
  if (page.refused.length > 0) {
    process.stderr.write(
      allowRemote
        ? `  ${page.lang}: ${page.refused.length} remote image(s) could not be fetched (offline, unreachable, or a private address); ` +
            'they show as their alt text\n'
        : `  ${page.lang}: ${page.refused.length} request(s) refused (remote images need --allow-remote)\n`,
    );
  }
}

/** What concerns the whole site, after the pages. */
function printReport(report: RenderReport): void {
  for (const image of report.unsafeImages)
    process.stderr.write(`  SVG image not published, its script could not be removed: ${show(image)}\n`);
  for (const image of report.missingImages)
    process.stderr.write(`  missing image, shown as its alt text: ${show(image)}\n`);
  for (const error of report.diagramErrors) {
    const where = `${show(error.file)}${error.line === undefined ? '' : `:${error.line}`}`;
    process.stderr.write(
      `  ${where}: Mermaid diagram left as source: ${error.message}; fix its syntax (https://mermaid.live shows it)\n`,
    );
  }
  if (report.diagramsAsSource > 0) {
    process.stderr.write(
      `  ${report.diagramsAsSource} Mermaid diagram(s) left as source: no Chromium to draw them\n`,
    );
  }
}
