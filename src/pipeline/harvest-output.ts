import { readFile } from 'node:fs/promises';
import { parseDocument, type DocumentOptions, type ParsedDocument } from '../markdown/document.js';
import { createLinkMap, mapUnitLinks, type LinkMap } from '../markdown/link-map.js';
import type { Unit } from '../markdown/unit.js';
import { harvest } from '../memory/harvest.js';
import { inferSourceChanges } from '../memory/source-changes.js';
import type { TranslationMemory } from '../memory/translation-memory.js';

export interface HarvestPaths {
  /** The output file on disk. */
  readonly file: string;
  /** Source and output paths relative to the repository root, in POSIX form. */
  readonly sourcePath: string;
  readonly outputPath: string;
  /** Other sources and their outputs, as the output's links were written with them. */
  readonly counterparts?: ReadonlyMap<string, string>;
}

/**
 * Teaches the memory what changed since the last run: units a person edited in the translated README
 * become human translations (an empty or rebuilt memory takes them all back), and a human translation
 * whose source was edited is carried over for review. Returns warnings to show.
 */
export async function harvestOutput(
  document: ParsedDocument,
  memory: TranslationMemory,
  paths: HarvestPaths,
  options: DocumentOptions,
): Promise<string[]> {
  const previous = memory
    .entries()
    .filter((entry) => !entry.obsolete)
    .map((entry) => entry.source);
  const warnings = await harvestEdits(document, memory, paths, options);
  const current = document.allUnits.map((unit) => unit.source);
  for (const change of inferSourceChanges(previous, current))
    memory.carryOver(change.oldSource, change.newSource);
  return warnings;
}

async function harvestEdits(
  document: ParsedDocument,
  memory: TranslationMemory,
  paths: HarvestPaths,
  options: DocumentOptions,
): Promise<string[]> {
  let raw: string;
  try {
    raw = await readFile(paths.file, 'utf8');
  } catch {
    return [];
  }
  const output = parseDocument(raw, options);
  if (output.blocks.length !== document.blocks.length) {
    return [
      `${paths.outputPath} was not read back for edits made by hand: it has ${output.blocks.length} blocks of text ` +
        `where ${paths.sourcePath} has ${document.blocks.length}; make such edits in the PO file, or keep the structure of the source`,
    ];
  }
  const links = createLinkMap({
    sourceSlugs: document.slugs,
    outputSlugs: output.slugs,
    anchors: document.anchors,
    sourcePath: paths.sourcePath,
    outputPath: paths.outputPath,
    counterparts: paths.counterparts,
  });
  // Blocks pair up by position whatever the translation made of them; units are the blocks with prose.
  const position = new Map(document.blocks.map((block, index) => [key(block), index]));
  const translated = document.allUnits.map((unit) => {
    const block = output.blocks[position.get(key(unit)) ?? -1];
    const written = block ? output.text.slice(block.range.start, block.range.end) : '';
    const stored = memory.entry(unit.source)?.translation;
    if (stored !== undefined && (stored === written || isAsWritten(stored, written, links))) {
      return { source: stored };
    }
    return { source: mapUnitLinks(written, links.toSource) };
  });
  const result = harvest(document.allUnits, translated, memory, {
    file: paths.outputPath,
    recover: memory.setAside !== undefined || memory.entries().length === 0,
  });
  for (const edit of result.edits) memory.markHuman(edit.source, edit.translation);
  for (const found of result.recovered)
    memory.record(found.source, found.translation, { origin: 'engine:recovered' });
  return [...result.warnings];
}

/**
 * Whether the output shows the stored translation as the tool writes it. The anchors of other
 * translated files move when their translations change: links into them that differ only in the
 * `#fragment` are not edits.
 */
function isAsWritten(stored: string, written: string, links: LinkMap): boolean {
  const output = mapUnitLinks(stored, links.toOutput);
  if (output === written) return true;
  return mapUnitLinks(output, links.comparable) === mapUnitLinks(written, links.comparable);
}

function key(unit: Unit): string {
  return `${unit.kind}:${unit.range.start}:${unit.range.end}`;
}
