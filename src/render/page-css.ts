/**
 * Our stylesheet, after github-markdown-css. Screen: GitHub's column width. Print: code wraps
 * instead of being cut at the margin, headings stay with what follows, table headers repeat on
 * each page (github-markdown-css makes tables `display: block`, which would stop that), and the
 * fonts named cover Latin, CJK, Arabic and emoji with the Debian Noto packages. Page numbers and
 * the title are CSS page-margin boxes: Chrome prints them faster than its header and footer templates.
 */
const marginBox =
  'font: 8px "Noto Sans", "Noto Sans CJK JP", "Noto Naskh Arabic", sans-serif, "Noto Color Emoji"; color: #59636e;';

export const pageCss = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; }
.markdown-body {
  box-sizing: border-box; min-width: 200px; max-width: 980px; margin: 0 auto; padding: 32px 45px;
  font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "Noto Sans CJK JP", "Noto Sans Arabic",
    "Noto Naskh Arabic", "Noto Sans Hebrew", sans-serif, "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji";
}
.markdown-body pre, .markdown-body code, .markdown-body kbd, .markdown-body samp {
  font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", monospace, "Noto Sans CJK JP", "Noto Color Emoji";
}
.readme-i18n-switcher {
  max-width: 980px; margin: 0 auto; padding: 12px 45px 0; box-sizing: border-box;
  font: 14px -apple-system, "Segoe UI", "Noto Sans", sans-serif, "Noto Sans CJK JP", "Noto Naskh Arabic", "Noto Color Emoji";
}
.readme-i18n-switcher a { color: #0969da; }
.readme-i18n-image-alt { font-style: italic; color: #59636e; }
.readme-i18n-diagram img { max-width: 100%; height: auto; }
.markdown-body .markdown-alert { padding: 0.5rem 1rem; margin-bottom: 16px; border-inline-start: 0.25em solid #d1d9e0; }
.markdown-body .markdown-alert-title { display: flex; align-items: center; font-weight: 600; line-height: 1; margin-bottom: 4px; }
.markdown-body .markdown-alert-title .octicon { margin-inline-end: 8px; fill: currentColor; }
.markdown-body .markdown-alert-note { border-inline-start-color: #0969da; }
.markdown-body .markdown-alert-note .markdown-alert-title { color: #0969da; }
.markdown-body .markdown-alert-tip { border-inline-start-color: #1a7f37; }
.markdown-body .markdown-alert-tip .markdown-alert-title { color: #1a7f37; }
.markdown-body .markdown-alert-important { border-inline-start-color: #8250df; }
.markdown-body .markdown-alert-important .markdown-alert-title { color: #8250df; }
.markdown-body .markdown-alert-warning { border-inline-start-color: #9a6700; }
.markdown-body .markdown-alert-warning .markdown-alert-title { color: #9a6700; }
.markdown-body .markdown-alert-caution { border-inline-start-color: #d1242f; }
.markdown-body .markdown-alert-caution .markdown-alert-title { color: #d1242f; }
[dir="rtl"] .markdown-body pre, [dir="rtl"] .markdown-body code { direction: ltr; text-align: left; unicode-bidi: isolate; }
/* Formulas read left to right in every language. */
[dir="rtl"] .markdown-body .katex { direction: ltr; unicode-bidi: isolate; }
/* Paper: the page number on every page, and the title (set per document) at the top. */
@page {
  size: A4;
  margin: 16mm 14mm;
  @top-center { ${marginBox} }
  @bottom-center { content: counter(page) " / " counter(pages); ${marginBox} }
}
@media print {
  .readme-i18n-switcher { display: none; }
  .markdown-body { max-width: none; padding: 0; font-size: 11pt; }
  .markdown-body pre, .markdown-body pre code {
    white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; overflow: visible;
  }
  .markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4, .markdown-body h5, .markdown-body h6 {
    break-after: avoid; page-break-after: avoid; break-inside: avoid;
  }
  .markdown-body table { display: table; width: auto; overflow: visible; }
  .markdown-body thead { display: table-header-group; }
  .markdown-body tr, .markdown-body img, .markdown-body .readme-i18n-diagram { break-inside: avoid; }
}
`;
