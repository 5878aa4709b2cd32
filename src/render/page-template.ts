import { nativeName, textDirection } from '../language-tag.js';

export interface SwitcherEntry {
  readonly lang: string;
  /** URL of that language's page from this page; undefined for this page itself. */
  readonly href: string | undefined;
}

export interface PageTemplateInput {
  readonly lang: string;
  readonly title: string;
  readonly body: string;
  /** URL of the `assets/` folder from this page (`assets` or `../assets`). */
  readonly assets: string;
  readonly switcher: readonly SwitcherEntry[];
  /** URL of this language's PDF from this page, when one is made. */
  readonly pdf: string | undefined;
  readonly hasMath: boolean;
  readonly allowRemote: boolean;
  /** The variant printed to PDF: it also names the title for the top of each sheet. */
  readonly print?: boolean | undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The stylesheets of a page, as paths inside `assets/`, in the order they apply. */
export function pageStylesheets(hasMath: boolean): string[] {
  return ['github-markdown.css', ...(hasMath ? ['katex/katex.min.css'] : []), 'readme-i18n.css'];
}

/** Any text as a CSS string, safe inside a `<style>` element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The whole page. The Content-Security-Policy forbids every script and every fetch except the
 * site's own files (and remote images when they are allowed): a second lock behind sanitising.
 */
export function pageTemplate(input: PageTemplateInput): string {
  const images = input.allowRemote ? "'self' data: https:" : "'self' data:";
  const csp = `default-src 'none'; img-src ${images}; style-src 'self' 'unsafe-inline'; font-src 'self' data:; base-uri 'none'; form-action 'none'`;
  const links = input.switcher.map((entry) => {
    const name = escapeHtml(nativeName(entry.lang));
    const attributes = `lang="${escapeHtml(entry.lang)}" dir="${textDirection(entry.lang)}"`;
    return entry.href === undefined
      ? `<strong ${attributes}>${name}</strong>`
      : `<a href="${escapeHtml(entry.href)}" hreflang="${escapeHtml(entry.lang)}" ${attributes}>${name}</a>`;
  });
  if (input.pdf !== undefined) links.push(`<a href="${escapeHtml(input.pdf)}">PDF</a>`);
  const nav =
    links.length > 1
      ? `<nav class="readme-i18n-switcher" aria-label="Languages">🌐 ${links.join(' · ')}</nav>\n`
      : '';
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(input.lang)}" dir="${textDirection(input.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    ...pageStylesheets(input.hasMath).map(
      (sheet) => `<link rel="stylesheet" href="${escapeHtml(`${input.assets}/${sheet}`)}">`,
    ),
    // Printed only: the title at the top of each sheet (the published page carries no style element).
    ...(input.print ? [`<style>@page { @top-center { content: ${cssString(input.title)} } }</style>`] : []),
    '</head>',
    '<body>',
    `${nav}<article class="markdown-body">`,
    input.body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
