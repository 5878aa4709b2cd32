/**
 * A tokenizer-free estimate of how many tokens a language model counts for a text: about four
 * characters of ASCII to a token, about one per character elsewhere (accented letters, CJK, emoji
 * take one or more tokens each in the common BPE vocabularies). It errs high, so that batches sized
 * by it fit the model.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const char of text) {
    if (char.charCodeAt(0) < 128) ascii += 1;
    else other += 1;
  }
  return Math.ceil(ascii / 4 + other);
}
