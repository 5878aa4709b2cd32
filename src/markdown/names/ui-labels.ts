// A step of a menu or tab path: capitalised words (`Actions`, `Pull Requests`), no verb that leads to it
// (`Open Settings → …`); a step before another may join one more word (`Secrets and variables`).
const word = String.raw`(?!(?:Open|Go|Click|Select|Choose|Navigate|Press|Tap|Use|Visit|Then)\b)\p{Lu}[\p{L}\p{N}-]*`;
const step = String.raw`${word}(?: ${word}){0,3}`;
const separator = String.raw` (?:>|→|›|»|->|&gt;) `;
// `Actions > Release`, `Settings → Secrets and variables → Actions`, `File › Preferences`.
const menuPath = new RegExp(
  String.raw`(?<![\p{L}\p{N}_-])${step}(?:${separator}${step}(?: (?:and|or|&|of|for) [\p{L}\p{N}-]+)?(?=${separator}))*${separator}${step}(?![\p{L}\p{N}_-])`,
  'gu',
);

// What a menu path's separator and a quoted label need somewhere in the line.
const separatorSign = /[>→›»]/u;
const quoteSign = /['‘"“]/u;

// A short quoted phrase: `'Run workflow'`, `"Save"`, `“Re-run failed jobs”`.
const quoted = /(?<![\p{L}\p{N}])(['‘"“])(\p{L}[^'‘’"“”\n]{0,40}?)(['’"”])(?![\p{L}\p{N}])/gu;
const closing: Readonly<Record<string, string>> = { "'": "'", '‘': '’', '"': '"', '“': '”' };
// What tells a quoted phrase is a label of the screen: a verb that acts on it before
// (`Press the green 'Run workflow'`), a control after (`'Release type' dropdown`), or `in the … UI`.
const actedOn =
  /\b(?:click|clicking|press|pressing|tap|select|selecting|choose|pick|hit|go to|open|use|check|uncheck|toggle|enable|disable)(?: on)?(?: the)?(?: [\p{Ll}-]+)? $/iu;
const control =
  /^(?: [\p{Ll}-]+)? (?:button|dropdown|drop-down|menu|tab|link|option|field|checkbox|check box|dialog|toggle|switch|icon|panel|setting)s?(?![\p{L}\p{N}])|^ in the (?:[\p{L}\p{N}-]+ ){0,2}UI(?![\p{L}\p{N}])/u;

/**
 * Labels of a program's screens, which a reader looks for as the program writes them (GitHub's are
 * in English whatever the reader's language): a menu or tab path (`[Actions > Release]`), and a
 * quoted label of up to five words that a verb acts on or a control's name follows (`Go to the
 * 'Run workflow' dropdown`, `Select 'patch' in the 'Release type' dropdown`, `use 'Re-run failed jobs'`).
 * English sources only. Returns [start, end) spans; a label's quotes stay outside.
 */
export function uiLabelSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // Most lines have no separator nor quote: the patterns are not tried on them.
  if (separatorSign.test(line))
    for (const match of line.matchAll(menuPath)) spans.push([match.index, match.index + match[0].length]);
  if (!quoteSign.test(line)) return spans;
  for (const match of line.matchAll(quoted)) {
    const [whole, open = '', label = ''] = match;
    if (whole.at(-1) !== closing[open]) continue;
    if (label.trim() !== label || label.split(' ').length > 5) continue;
    const end = match.index + whole.length;
    if (!actedOn.test(line.slice(0, match.index)) && !control.test(line.slice(end))) continue;
    spans.push([match.index + open.length, end - 1]);
  }
  return spans;
}
