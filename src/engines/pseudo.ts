import { mapTaggedText } from '../tagged-text.js';
import type { Engine, TranslateResult } from './engine.js';

const accented: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** The padding that makes pseudo text about 30 % longer; a middle dot means nothing to Markdown. */
const pad = '·';

/**
 * Pseudo-localises one text run: accents every ASCII letter and lengthens the run by about 30 %,
 * keeping its leading and trailing white space so nothing is glued to the markup around it.
 */
export function pseudoLocalize(text: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (!/[A-Za-z]/.test(core)) return text;
  const letters = core.replace(/[A-Za-z]/g, (letter) => accented[letter] ?? letter);
  return lead + letters + pad.repeat(Math.ceil(core.length * 0.3)) + trail;
}

/** Deterministic pseudo-localisation that keeps every tag: untranslated text stands out at a glance. */
export function createPseudoEngine(): Engine {
  return {
    name: 'pseudo',
    limits: { maxTexts: 1000, maxBytes: 1 << 20 },
    handlesTags: true,
    async translate(texts): Promise<TranslateResult> {
      return { texts: texts.map((text) => mapTaggedText(text, pseudoLocalize)), billedChars: 0 };
    },
    async supports() {
      return true;
    },
  };
}
