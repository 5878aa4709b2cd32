import * as z from 'zod';
import { engineNames } from '../engines/engine-names.js';
import { isLanguageTag } from '../language-tag.js';

/**
 * The configuration file, as written: every key optional, unknown keys refused. Defaults are not
 * stated here; the pipeline applies them (src/pipeline/translate-options.ts). Each `error` text is
 * what the user reads after the offending value, so it says what was expected.
 */

const languageExpected = 'expected BCP 47 tags such as fr, pt-BR, ast';

const languageCode = z
  .string({ error: `${languageExpected}, written as a string` })
  .refine(isLanguageTag, { error: `is not a language code; ${languageExpected}` });

const text = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });

const textList = (what: string) => z.array(text(what), { error: `expected a list of ${what}` });

const flag = z.boolean({ error: 'expected true or false' });

/** A record keyed by language code: the keys are checked as codes too. */
function byLanguage<T extends z.ZodType>(value: T, expected: string) {
  return z.record(
    z.string().refine(isLanguageTag, { error: `is not a language code; ${languageExpected}` }),
    value,
    {
      error: `expected a mapping of language code to ${expected}`,
    },
  );
}

const formality = z.enum(['default', 'more', 'less'], {
  error: "expected one of 'default', 'more', 'less'",
});

const pattern = (example: string) =>
  text(`a path pattern containing {lang}, such as ${example}`).refine((value) => value.includes('{lang}'), {
    error: `does not contain {lang}; expected a path pattern such as ${example}`,
  });

export const renderSchema = z.strictObject(
  {
    /** Folder the HTML and PDF files go to. */
    out: text('a folder, such as site').optional(),
    html: flag.optional(),
    pdf: flag.optional(),
    /** Whether pages may load images and styles from the network. */
    allowRemote: flag.optional(),
  },
  { error: 'expected a mapping with the keys out, html, pdf, allowRemote' },
);

export const releaseSchema = z.strictObject(
  {
    /** Tag of the GitHub Release, such as `docs-latest`. */
    tag: text('a tag name, such as docs-latest').optional(),
    /** Files attached to the release, as a glob. */
    assets: text('a glob, such as site/**/*.pdf').optional(),
    draft: flag.optional(),
  },
  { error: 'expected a mapping with the keys tag, assets, draft' },
);

export const configSchema = z.strictObject(
  {
    sources: textList('file names or globs, such as README.md').optional(),
    from: languageCode.optional(),
    languages: z
      .array(languageCode, { error: 'expected a list of language codes such as [fr, pt-BR]' })
      .optional(),
    engine: z
      .enum(engineNames, { error: `is not an engine; expected one of ${engineNames.join(', ')}` })
      .optional(),
    /** The model of the `openai` engine, such as gpt-4o-mini or llama3.1:8b. */
    model: text('a model name, such as gpt-4o-mini').optional(),
    /** Longest wait for one answer of the engine, in seconds. */
    timeout: z
      .number({ error: 'expected a number of seconds of at least 1' })
      .min(1, { error: 'is not allowed; expected a number of seconds of at least 1' })
      .optional(),
    formality: byLanguage(formality, "'default', 'more' or 'less'").optional(),
    glossary: textList('terms never translated, such as Vagrant').optional(),
    terms: z
      .record(z.string(), byLanguage(text('a translation'), 'its translation'), {
        error: 'expected a mapping of term to { language code: translation }',
      })
      .optional(),
    out: pattern('locales/README.{lang}.md').optional(),
    memory: pattern('locales/{lang}.po').optional(),
    frontMatter: textList('front-matter keys, such as title').optional(),
    switcher: flag.optional(),
    concurrency: z
      .number({ error: 'expected a whole number of at least 1' })
      .int({ error: 'is not allowed; expected a whole number of at least 1' })
      .min(1, { error: 'is not allowed; expected a whole number of at least 1' })
      .optional(),
    render: renderSchema.optional(),
    release: releaseSchema.optional(),
  },
  { error: 'expected a mapping of settings, such as { languages: [fr, es] }' },
);

/** What a configuration file says, checked. */
export type Config = z.infer<typeof configSchema>;

/** The keys a configuration may have, for messages about unknown ones. */
export const configKeys: readonly string[] = Object.keys(configSchema.shape);
