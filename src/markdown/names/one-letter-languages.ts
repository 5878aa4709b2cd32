import { namesLexicon } from '../names-lexicon.js';
import type { FoundNames } from './found-names.js';
import type { Sentence } from './word-names.js';

// Another language after or before, as languages are compared or listed: `C (not Go)`, `C and Rust`, `R or Python`.
const languageAfter = /^(?: \((?:not|and|or|vs\.?) | and | or |, | vs\.? |\/| \/ )(\p{Lu}[\p{L}\p{N}+#]*)/u;
const languageBefore = /(\p{Lu}[\p{L}\p{N}+#]*)(?: and | or |, | vs\.? |\/| \/ )$/u;

/**
 * A one-letter language name (`C`, `R`, `D`) is the language where its sentence sets it beside
 * another language's name: `written in C (not Go)`, `bindings for Rust and C`. Elsewhere one letter
 * says too little (`Appendix C`, `Plan B`), and the names lexicon leaves such names out.
 */
export function addOneLetterLanguages(
  texts: readonly string[],
  split: ReadonlyArray<readonly Sentence[]>,
  found: FoundNames,
): void {
  const lexicon = namesLexicon();
  const language = (word: string | undefined) =>
    word !== undefined && word.length > 1 && lexicon.isLanguage(word);
  for (const [at, text] of texts.entries())
    for (const { tokens } of split[at] ?? [])
      for (const token of tokens) {
        if (!/^\p{Lu}$/u.test(token.word) || !lexicon.isLanguage(token.word) || found.names.has(token.word))
          continue;
        if (
          language(languageAfter.exec(text.slice(token.end))?.[1]) ||
          language(languageBefore.exec(text.slice(0, token.start))?.[1])
        )
          found.add(token.word, 'known name (linguist)');
      }
}
