/**
 * BCP 47 language tags to the names Apertium gives its translation directions (`eng-spa`,
 * `eng-cat_valencia`) and to the Debian package that installs a pair.
 */

/** ISO 639-1 to the ISO 639-3 codes Apertium's newer pairs use. */
const iso3: Readonly<Record<string, string>> = {
  af: 'afr',
  an: 'arg',
  ast: 'ast',
  be: 'bel',
  bg: 'bul',
  br: 'bre',
  ca: 'cat',
  da: 'dan',
  de: 'deu',
  en: 'eng',
  eo: 'epo',
  es: 'spa',
  eu: 'eus',
  fr: 'fra',
  frp: 'frp',
  gl: 'glg',
  hi: 'hin',
  hr: 'hbs',
  bs: 'hbs',
  sr: 'hbs',
  sh: 'hbs',
  id: 'ind',
  is: 'isl',
  it: 'ita',
  mk: 'mkd',
  ms: 'zlm',
  nb: 'nob',
  nn: 'nno',
  no: 'nor',
  nl: 'nld',
  oc: 'oci',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sc: 'srd',
  sl: 'slv',
  sv: 'swe',
  szl: 'szl',
  uk: 'ukr',
  ur: 'urd',
};

/**
 * Pair packages in Debian (from `apt-cache search '^apertium-'`, transitional dummies left out).
 * Each package installs both directions of its pair; older ones keep two-letter names.
 */
const debianPairPackages: readonly string[] = [
  'afr-nld',
  'arg-cat',
  'bel-rus',
  'br-fr',
  'cat-ita',
  'cat-srd',
  'dan-nor',
  'en-gl',
  'eng-cat',
  'eng-spa',
  'eo-ca',
  'eo-en',
  'eo-es',
  'eo-fr',
  'es-gl',
  'es-pt',
  'es-ro',
  'eu-en',
  'eu-es',
  'fr-es',
  'fra-cat',
  'fra-frp',
  'hbs-eng',
  'hbs-mkd',
  'hbs-slv',
  'ind-zlm',
  'isl-eng',
  'isl-swe',
  'mkd-bul',
  'mkd-eng',
  'nno-nob',
  'oc-ca',
  'oc-es',
  'oci-fra',
  'pol-szl',
  'por-cat',
  'pt-gl',
  'rus-ukr',
  'spa-arg',
  'spa-ast',
  'spa-cat',
  'spa-ita',
  'srd-ita',
  'swe-dan',
  'swe-nor',
  'urd-hin',
];

export interface ApertiumLanguage {
  /** The primary subtag as written, lower-cased (`en`, `ca`). */
  readonly code2: string;
  /** The ISO 639-3 code (`eng`, `cat`); the primary subtag itself when it is not known. */
  readonly code3: string;
  /** Variant-like subtags Apertium uses as mode suffixes (`valencia`, `US`), as written. */
  readonly variants: readonly string[];
}

/** Splits a BCP 47 tag (`ca-ES-valencia`, `en-US`, `pt_BR`) into what Apertium's names need. */
export function parseLanguage(tag: string): ApertiumLanguage {
  const [primary = '', ...rest] = tag.trim().split(/[-_]/);
  const code2 = primary.toLowerCase();
  const variants = rest.filter((subtag) => subtag.length > 0);
  return { code2, code3: iso3[code2] ?? code2, variants };
}

/**
 * The direction names to try, best first: the three-letter name with each variant of the target
 * (`eng-cat_valencia`), then without, then the two-letter name older pairs use (`en-gl`).
 */
export function candidateDirections(from: string, to: string): string[] {
  const source = parseLanguage(from);
  const target = parseLanguage(to);
  const names: string[] = [];
  for (const [a, b] of [
    [source.code3, target.code3],
    [source.code2, target.code2],
  ] as const) {
    for (const variant of target.variants) names.push(`${a}-${b}_${variant}`);
    names.push(`${a}-${b}`);
  }
  return [...new Set(names)];
}

/** The Debian package that provides `from`→`to`, or the `apertium-<from3>-<to3>` Debian would use. */
export function debianPackageFor(
  from: string,
  to: string,
): { readonly name: string; readonly known: boolean } {
  const source = parseLanguage(from);
  const target = parseLanguage(to);
  for (const [a, b] of [
    [source.code3, target.code3],
    [target.code3, source.code3],
    [source.code2, target.code2],
    [target.code2, source.code2],
  ] as const) {
    if (debianPairPackages.includes(`${a}-${b}`)) return { name: `apertium-${a}-${b}`, known: true };
  }
  return { name: `apertium-${source.code3}-${target.code3}`, known: false };
}
