/**
 * The characters Apertium's analysers read as words or punctuation, which keep a word-bound blank
 * through the pipeline (verified on eng-spa and eng-cat: letters, digits, `. , ; : ! ? ' ( ) - – ’
 * ¿ ¡ ·`). Any other character (`»`, `“`, `…`, `&`, `|`, `→`, emoji, `~`) is read as blank and
 * loses its word-bound blank, so it must not carry our tags.
 */
const wordLike = "\\p{L}\\p{N}\\p{M}.,;:!?'()\\-–’¿¡·";

/** A run of characters that are neither word-like nor white space. */
export const symbolRun = new RegExp(`([^${wordLike}\\s]+)`, 'u');

/**
 * Text that ends, or starts, with a letter or digit: what a glued `<x/>` may ride on. Not
 * punctuation: transfer can fold a moved word into the blank of a mark (`of [[xb:1]].` came back
 * as `[[xb:1]]de .[[/]]` from eng-cat).
 */
export const letterEnd = /[\p{L}\p{N}\p{M}]$/u;
export const letterStart = /^[\p{L}\p{N}\p{M}]/u;
