/** Longest value quoted in a message, in characters; the rest is counted, not shown. */
const longest = 200;

/**
 * A value from the configuration, the command line or a file, fit to be quoted in a message:
 * control characters (escape sequences that would drive the terminal) written as `\x1b`, `\n`, and
 * a huge value cut, with its length said.
 */
export function shown(value: string): string {
  const cut = value.length > longest ? value.slice(0, longest) : value;
  const escaped = escapeControls(cut);
  return cut === value ? escaped : `${escaped}… (${value.length.toLocaleString('en')} characters)`;
}

/**
 * The text with every control character but line breaks and tabs escaped: what may go to a terminal
 * whatever a message quotes.
 */
export function terminalSafe(text: string, options: { readonly keepLines?: boolean } = {}): string {
  const keep = options.keepLines ?? true;
  return text.replace(controls, (character) =>
    keep && (character === '\n' || character === '\t') ? character : escape(character),
  );
}

// C0 controls, DEL, C1 controls, and the bidirectional overrides that reorder what is shown.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeControls(text: string): string {
  return terminalSafe(text, { keepLines: false });
}

function escape(character: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const code = character.codePointAt(0) ?? 0;
  return (
    named[character] ??
    (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}
