/**
 * English words that are also shell commands or keywords: a document that runs `make`, `type` or
 * `yes` still means the word when its prose writes it (`Type 1 hypervisors`, a table cell `Yes`).
 */
const commandWords = new Set(
  (
    'a an and are as at be by can case cat cd do done down echo else end file find fix for free from get go has head help ' +
    'here history how if in install is it kill less link list make man more move name new next no not now of off on ' +
    'open or out path print read run see set sort source start stop tail test that the then this time to top touch true ' +
    'false type up update use user wait watch what when which while who with yes you all any build clean copy create ' +
    'delete edit exit export import init load log mount note only pass push pull remove reset save show sleep split ' +
    'tree unset view write'
  ).split(' '),
);

/** Whether a lower-case word is an English word that is also a command (`make`, `yes`, `mount`). */
export function isCommandWord(word: string): boolean {
  return commandWords.has(word);
}
