/**
 * DeepL and kept names (issue 12, method in docs/notes/deepl.md): is a name better hidden in an
 * empty tag, or visible to the engine but untranslatable? Takes the units of the corpus that hold at
 * least one kept name and translates each three ways:
 *
 *   A  as the engine sends it now: every name an empty `<x id="N"/>`;
 *   B  the name visible inside its tag, `<x id="N">Docker</x>`, with `ignore_tags=x`;
 *   C  the name as plain text, with a glossary mapping each name to itself.
 *
 * Everything else is what the engine sends (XML tags v2, `<g>` not splitting, one sentence unit
 * per text). Counts per language and variant: names that come back byte-identical, tag sets the
 * pipeline accepts (`hasSameTags`), outputs that differ from A once the names are back, billed
 * characters. Prints the table, writes it under its own heading of docs/benchmarks.md, and writes
 * the first units of each language side by side (source, A, B, C) for a speaker to judge the
 * grammar around the names.
 *
 *   DEEPL_AUTH_KEY=… node bench/deepl-names.mjs [--langs de,fr] [--units 300] [--sample 50]
 *     [--files a.md,b.md] [--benchmarks docs/benchmarks.md] [--samples bench/.out/deepl-names]
 *
 * DEEPL_SERVER_URL points it at another server (the test server in tests/servers/deepl-server.ts).
 * It bills about three times the units' characters per language (the default 300 units: about 75,000
 * characters per language); the key is never printed. The glossary of variant C is created for the
 * run and deleted after it.
 */
import deepl from 'deepl-node';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importBundled } from './bundle.mjs';
import { corpusFolder, writeSection } from './sections.mjs';

const title = 'DeepL: names hidden or visible (issue 12)';
const root = new URL('..', import.meta.url).pathname;

const { values: flags } = parseArgs({
  options: {
    langs: { type: 'string', default: 'de,fr' },
    units: { type: 'string', default: '300' },
    sample: { type: 'string', default: '50' },
    files: { type: 'string' },
    benchmarks: { type: 'string', default: join(root, 'docs', 'benchmarks.md') },
    samples: { type: 'string', default: join(root, 'bench', '.out', 'deepl-names') },
  },
});

const authKey = process.env.DEEPL_AUTH_KEY?.trim();
const serverUrl = process.env.DEEPL_SERVER_URL?.trim() || undefined;
if (!authKey) {
  console.log(
    'deepl-names: skipped, DEEPL_AUTH_KEY is not set (a DeepL API key; DEEPL_SERVER_URL for another server)',
  );
  process.exit(0);
}

const langs = flags.langs
  .split(',')
  .map((lang) => lang.trim())
  .filter(Boolean);
const wantedUnits = Number(flags.units);
const sampleSize = Number(flags.sample);
const files = flags.files
  ? flags.files.split(',').map((file) => resolve(file.trim()))
  : ['lpic-305-300.md', 'public-apis.md'].map((file) => join(corpusFolder, file));

const bundle = await importBundled('deepl-names', {
  document: 'src/markdown/document.ts',
  terms: 'src/markdown/terms.ts',
  names: 'src/pipeline/names-to-keep.ts',
  repair: 'src/pipeline/repair-tags.ts',
  glossary: 'src/engines/deepl-glossary.ts',
  tagged: 'src/tagged-text.ts',
  engine: 'src/engines/deepl.ts',
});
const client = new deepl.DeepLClient(authKey, {
  sendPlatformInfo: false,
  ...(serverUrl === undefined ? {} : { serverUrl }),
});
/** Variant C's glossary of each file. */
const glossaries = new Map();
try {
  const { parseDocument } = bundle.modules.document;
  const { createTermFinder } = bundle.modules.terms;
  const { keptNameOf } = bundle.modules.names;
  const { hasSameTags } = bundle.modules.repair;
  const { syncGlossary } = bundle.modules.glossary;
  const { escapeXml, unescapeXml } = bundle.modules.tagged;

  // 1. The units that hold at least one kept name, evenly spaced over the files.
  const candidates = [];
  for (const file of files) {
    const document = parseDocument(await readFile(file, 'utf8'), { language: 'en' });
    const find = createTermFinder(document.tree, { language: 'en' });
    for (const unit of document.allUnits) {
      const spans = new Map();
      const names = new Map();
      for (const [id, range] of unit.xs) {
        const slice = document.text.slice(range.start, range.end);
        spans.set(id, slice);
        if (keptNameOf(slice, range.start, find) !== undefined) names.set(id, slice);
      }
      if (names.size > 0)
        candidates.push({ file: basename(file), line: unit.line, tagged: unit.tagged, spans, names });
    }
  }
  const units =
    candidates.length <= wantedUnits
      ? candidates
      : Array.from(
          { length: wantedUnits },
          (_, i) => candidates[Math.floor((i * candidates.length) / wantedUnits)],
        );
  const nameCount = units.reduce((sum, unit) => sum + unit.names.size, 0);

  // 2. The three texts of each unit.
  const nameTag = /<x id="(\d+)"\/>/g;
  const variants = {
    A: (unit) => unit.tagged,
    B: (unit) =>
      unit.tagged.replace(nameTag, (tag, id) =>
        unit.names.has(Number(id)) ? `<x id="${id}">${escapeXml(unit.names.get(Number(id)))}</x>` : tag,
      ),
    C: (unit) =>
      unit.tagged.replace(nameTag, (tag, id) =>
        unit.names.has(Number(id)) ? escapeXml(unit.names.get(Number(id))) : tag,
      ),
  };

  // The glossaries of variant C, one per file as a project has one: each of its names to itself,
  // in every language of the run.
  for (const file of new Set(units.map((unit) => unit.file))) {
    const synced = await syncGlossary(
      client,
      {
        name: `readme-i18n bench: deepl-names ${file}`,
        sourceLanguage: 'en',
        targetLanguages: langs,
        doNotTranslate: [
          ...new Set(units.filter((unit) => unit.file === file).flatMap((unit) => [...unit.names.values()])),
        ],
      },
      (request) => request(),
    );
    if (synced !== undefined) glossaries.set(file, synced.glossaryId);
  }

  // The engine's own request options, so that variant A is exactly what `translate` sends.
  const options = bundle.modules.engine.taggedTextOptions;
  const translateAll = async (texts, lang, extra = {}) => {
    const results = [];
    for (let start = 0; start < texts.length; start += 50) {
      const batch = texts.slice(start, start + 50);
      results.push(...(await client.translateText(batch, 'en', lang, { ...options, ...extra })));
    }
    return results;
  };

  /** Variant C, each file's units with that file's glossary, in the order of `chosen`. */
  async function translateByFile(chosen, lang) {
    const results = [];
    for (const file of new Set(chosen.map((unit) => unit.file))) {
      const indexes = chosen.flatMap((unit, index) => (unit.file === file ? [index] : []));
      const glossary = glossaries.get(file);
      const out = await translateAll(
        indexes.map((index) => variants.C(chosen[index])),
        lang,
        glossary === undefined ? {} : { glossary },
      );
      indexes.forEach((index, at) => (results[index] = out[at]));
    }
    return results;
  }

  // 3. Translate, count, and keep the texts for the sample.
  const rows = [];
  await mkdir(flags.samples, { recursive: true });
  for (const lang of langs) {
    const outputs = {};
    for (const [variant, textOf] of Object.entries(variants)) {
      const results =
        variant === 'C' ? await translateByFile(units, lang) : await translateAll(units.map(textOf), lang);
      outputs[variant] = results.map((result) => result.text);
      const billed = results.reduce((sum, result) => sum + (result.billedCharacters ?? 0), 0);
      rows.push({ lang, variant, billed, ...counts(variant, units, outputs[variant]) });
    }
    const readable = Object.fromEntries(
      Object.entries(outputs).map(([variant, texts]) => [
        variant,
        texts.map((text, index) => restore(text, units[index])),
      ]),
    );
    for (const row of rows.filter((row) => row.lang === lang))
      row.differs = readable[row.variant].filter((text, index) => text !== readable.A[index]).length;
    await writeFile(join(flags.samples, `${lang}.md`), sampleText(lang, readable));
  }

  const table = [
    `${units.length} units that hold at least one kept name (of ${candidates.length} in ${files.map((file) => basename(file)).join(', ')}, evenly spaced), ${nameCount} names in all, translated from en three ways by ${serverUrl === undefined ? 'DeepL' : 'the server at DEEPL_SERVER_URL'}: (A) each name an empty \`<x id="N"/>\`, as the engine sends it; (B) the name inside its tag, \`<x id="N">Docker</x>\`, \`ignore_tags=x\`; (C) the name as plain text with a glossary mapping it to itself (one glossary per file, as a project has one).`,
    '',
    '| language | variant | names byte-identical | tag sets accepted | differs from A | billed characters |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.lang} | ${row.variant} | ${row.kept} of ${nameCount} | ${row.accepted} of ${units.length} | ${row.differs} | ${row.billed} |`,
    ),
    '',
    `"Differs from A": the output, names and code put back, is not A's. Whether the article, gender or word order around a name is right needs a speaker: the first ${Math.min(sampleSize, units.length)} units of each language, side by side, are in \`${relativeToRoot(flags.samples)}/<lang>.md\`. Use B or C for DeepL only if it keeps every name and fixes grammar in clearly more units than it breaks (docs/notes/deepl.md).`,
    '',
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Run with \`DEEPL_AUTH_KEY=… node bench/deepl-names.mjs\`.`,
  ].join('\n');
  console.log(table);
  writeSection(title, table, flags.benchmarks);

  function counts(variant, chosen, texts) {
    let kept = 0;
    let accepted = 0;
    chosen.forEach((unit, index) => {
      const text = texts[index] ?? '';
      if (variant === 'A') {
        for (const id of unit.names.keys()) if (text.split(`<x id="${id}"/>`).length === 2) kept += 1;
        if (hasSameTags(unit.tagged, text)) accepted += 1;
      } else if (variant === 'B') {
        for (const [id, name] of unit.names)
          if (text.split(`<x id="${id}">${escapeXml(name)}</x>`).length === 2) kept += 1;
        const collapsed = text.replace(/<x id="(\d+)">[^<]*<\/x>/g, '<x id="$1"/>');
        if (hasSameTags(unit.tagged, collapsed)) accepted += 1;
      } else {
        const plain = unescapeXml(text.replace(/<[^>]+>/g, ' '));
        const wanted = new Map();
        for (const name of unit.names.values()) wanted.set(name, (wanted.get(name) ?? 0) + 1);
        for (const [name, times] of wanted) kept += Math.min(times, occurrences(plain, name));
        if (hasSameTags(variants.C(unit), text)) accepted += 1;
      }
    });
    return { kept, accepted };
  }

  /** An output as a reader sees it: every placeholder's source text back, formatting tags dropped. */
  function restore(text, unit) {
    return unescapeXml(
      text
        .replace(/<x id="(\d+)">([^<]*)<\/x>/g, (_, id, inside) =>
          escapeXml(unit.spans.get(Number(id)) ?? unescapeXml(inside)),
        )
        .replace(nameTag, (tag, id) => escapeXml(unit.spans.get(Number(id)) ?? tag))
        .replace(/<\/?g(?: id="\d+")?>/g, ''),
    );
  }

  function sampleText(lang, readable) {
    const lines = [`# DeepL names, ${lang}: source, then variants A, B, C`, ''];
    units.slice(0, sampleSize).forEach((unit, index) => {
      lines.push(`## ${unit.file}:${unit.line}`, '');
      lines.push(`- source: ${restore(unit.tagged, unit)}`);
      for (const variant of ['A', 'B', 'C']) lines.push(`- ${variant}: ${readable[variant][index]}`);
      lines.push('');
    });
    return lines.join('\n');
  }
} finally {
  for (const id of glossaries.values()) await client.deleteMultilingualGlossary(id).catch(() => undefined);
  await bundle.dispose();
}

function occurrences(text, word) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'gu'))?.length ?? 0;
}

function relativeToRoot(path) {
  const full = resolve(path);
  return full.startsWith(root) ? full.slice(root.length) : full;
}
