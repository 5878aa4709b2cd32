import { spawn } from 'node:child_process';

/**
 * apertium-tagger's HMM (the `-g` tagger of eng-spa, spa-eng, cat-eng) carries state from one
 * segment to the next, null flush or not: when a word's ambiguity class is not in the model,
 * `find_similar_ambiguity_class` (apertium 3.8, tagger_utils.cc) writes its answer over the model's
 * open class, the tags it gives unknown words. From then on the same process tags some words
 * differently (`hardware-assisted` → `asistió` instead of `asistido`), so a segment's translation
 * would depend on what was sent before it. With `-d` the tagger says so each time, on stderr; run
 * with `2>&1`, that message lands inside the record of the segment that caused it, and the
 * pipeline starts a fresh tagger for the segments after it. Every segment is then tagged exactly as
 * by a tagger that saw nothing else. Apertium's other stages keep nothing from one segment to the
 * next (checked over every segment of the corpus, in three orders).
 */

/** A mode's pipeline cut around its HMM tagger: each part a bash script with the same `$1`, `$2`. */
export interface TaggerSplit {
  /** The stages before the tagger. */
  readonly front: string;
  /** The tagger, with `-d`, its messages on stdout. */
  readonly tagger: string;
  /** The stages after the tagger. */
  readonly back: string;
}

/** Cuts `script` (one line of `a | b | c`) around an HMM tagger stage; `undefined` if it has none. */
export function splitAtHmmTagger(script: string): TaggerSplit | undefined {
  const stages = splitStages(script.trim());
  const at = stages.findIndex(isHmmTagger);
  if (at <= 0 || at === stages.length - 1) return undefined;
  const tagger = (stages[at] as string).replace(/^apertium-tagger\s/, 'apertium-tagger -d ');
  return {
    front: stages.slice(0, at).join(' | '),
    tagger: `exec ${tagger} 2>&1`,
    back: stages.slice(at + 1).join(' | '),
  };
}

/**
 * `split`, if its tagger says nothing with `-d` but its own messages. A plain `-g` also reads a
 * perceptron model, which prints its scores with `-d` (pages of them): then the pipeline stays
 * whole. One word, ambiguous, through the tagger alone (`args` as the pipeline gets them).
 */
export async function checkTaggerSplit(
  split: TaggerSplit | undefined,
  args: readonly string[],
): Promise<TaggerSplit | undefined> {
  if (split === undefined) return undefined;
  const probe = '^x/x<n><sg>/x<vblex><inf>$[]';
  const output = await new Promise<string>((resolve) => {
    const child = spawn('bash', ['-c', split.tagger, 'apertium-tagger', ...args], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
      timeout: 10_000,
    });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.on('error', () => resolve(''));
    child.on('close', () => resolve(text));
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${probe}\0`);
  });
  const [record = '', ...rest] = output.split('\0');
  const tagged = /^\^x<[^$]*>\$\[\]$/.test(readTaggerRecord(record).text);
  return tagged && rest.every((other) => other === '') ? split : undefined;
}

/**
 * What apertium-tagger 3.8 says with `-d` in tagging mode, each message whole (stderr is
 * unbuffered, so a message can land anywhere in the record, even inside a word); the first means
 * its state changed.
 */
const stateChange =
  /Error: A new ambiguity class was found\. \nRetraining the tagger is necessary so as to take it into account\.\nWord '[^\n]*'\.\nNew ambiguity class: \{[^\n]*\}\n/g;
const otherMessages = [
  /Warning: There is not coarse tag for the fine tag '[^\n]*' of '[^\n]*'\n {9}This is because of an incomplete tagset definition or a dictionary error\n/g,
  /Problem with word '[^\n]*' \{[^\n]*\}\n/g,
  /Warning \(internal\): kIGNORE was returned while reading a word\nWord being read: [^\n]*\nDebug: [^\n]*\n/g,
];

/** A record of the tagger without its messages, and whether its state changed while tagging it. */
export function readTaggerRecord(record: string): { readonly text: string; readonly stateChanged: boolean } {
  let text = record.replace(stateChange, '');
  const stateChanged = text.length !== record.length;
  for (const message of otherMessages) text = text.replace(message, '');
  return { text, stateChanged };
}

/** `a | 'b|c' | d` → stages, not cutting inside quotes. */
function splitStages(script: string): string[] {
  const stages: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const char of script) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '|') {
      stages.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  stages.push(current.trim());
  return stages;
}

/**
 * `apertium-tagger -z -g …` without a model type (`-x` perceptron, `-w` sliding window, `-u`
 * unigram): the HMM, which Debian's plain `-g` pairs use. The perceptron keeps no such state and
 * prints pages with `-d`, so it is left in the pipeline as it is.
 */
function isHmmTagger(stage: string): boolean {
  const words = stage.split(/\s+/);
  if (words[0] !== 'apertium-tagger') return false;
  const options = words.slice(1).filter((word) => word.startsWith('-'));
  if (options.some((option) => option.startsWith('--'))) return false;
  const letters = options.map((option) => option.slice(1)).join('');
  return letters.includes('g') && !/[uwx]/.test(letters);
}
