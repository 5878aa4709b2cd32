import type { Root } from 'mdast';
import { posix } from 'node:path';
import { decodeFragment } from './anchors.js';
import { applyEdits, findDestinations } from './destinations.js';
import { parseMarkdown } from './parse.js';
import { isRelativeUrl, rebaseUrl } from './relative-url.js';

/** How destinations change between the source and one output. */
export interface LinkMap {
  /** A destination as the source writes it, as the output must write it. */
  readonly toOutput: (url: string) => string;
  /** A destination as the output writes it, as the source would (to read back human edits). */
  readonly toSource: (url: string) => string;
}

export interface LinkMapInput {
  /** Heading anchors of the source and of the output, in document order. */
  readonly sourceSlugs: readonly string[];
  readonly outputSlugs: readonly string[];
  /** Anchors the document sets itself (`<a id>`): never remapped. */
  readonly anchors: ReadonlySet<string>;
  /** Paths relative to the repository root, in POSIX form. */
  readonly sourcePath: string;
  readonly outputPath: string;
  /**
   * Other files translated into the same language: a link to one of them (by its repository path)
   * points to its translation instead (default: none).
   */
  readonly counterparts?: ReadonlyMap<string, string>;
}

function indexOf(slugs: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  slugs.forEach((slug, position) => {
    if (!index.has(slug)) index.set(slug, position);
  });
  return index;
}

/**
 * `#fragment` links to a heading follow the heading's translated anchor; relative links are rebased
 * for the other file's folder. A destination that needs no change is returned as it was written.
 */
export function createLinkMap(input: LinkMapInput): LinkMap {
  const sourceDir = posix.dirname(input.sourcePath);
  const outputDir = posix.dirname(input.outputPath);
  // A link of a file to itself (a language badge "English") keeps pointing at the source.
  const forward = new Map([...(input.counterparts ?? [])].filter(([source]) => source !== input.sourcePath));
  const backward = new Map([...forward].map(([source, output]) => [output, source]));
  const mapper = (
    from: readonly string[],
    to: readonly string[],
    fromDir: string,
    toDir: string,
    targets: ReadonlyMap<string, string>,
  ) => {
    const positions = indexOf(from);
    return (url: string): string => {
      if (url.startsWith('#')) {
        const fragment = decodeFragment(url.slice(1));
        if (input.anchors.has(fragment)) return url;
        const position = positions.get(fragment) ?? positions.get(fragment.toLowerCase());
        const target = position === undefined ? undefined : to[position];
        return position !== undefined && target !== undefined && target !== from[position]
          ? `#${target}`
          : url;
      }
      if (!isRelativeUrl(url)) return url;
      const counterpart = counterpartOf(url, fromDir, targets);
      if (counterpart !== undefined) return relativeUrl(toDir, counterpart.path) + counterpart.rest;
      return fromDir !== toDir ? rebaseUrl(url, fromDir, toDir) : url;
    };
  };
  return {
    toOutput: mapper(input.sourceSlugs, input.outputSlugs, sourceDir, outputDir, forward),
    toSource: mapper(input.outputSlugs, input.sourceSlugs, outputDir, sourceDir, backward),
  };
}

/** The repository path a relative link points to, when it is one of `targets`, mapped. */
function counterpartOf(
  url: string,
  fromDir: string,
  targets: ReadonlyMap<string, string>,
): { path: string; rest: string } | undefined {
  if (targets.size === 0) return undefined;
  const split = /[?#]/.exec(url);
  const path = split ? url.slice(0, split.index) : url;
  if (path === '') return undefined;
  const target = posix.normalize(posix.join(fromDir, safeDecode(path)));
  const mapped = targets.get(target);
  return mapped === undefined ? undefined : { path: mapped, rest: split ? url.slice(split.index) : '' };
}

function relativeUrl(fromDir: string, path: string): string {
  return encodeURI(posix.relative(fromDir, path) || posix.basename(path));
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Rewrites every destination of a parsed text with `map`, leaving every other byte as it is. */
export function mapLinks(text: string, tree: Root, map: (url: string) => string): string {
  const edits = findDestinations(text, tree).flatMap((destination) => {
    const url = map(destination.url);
    return url === destination.url ? [] : [{ range: destination.range, text: url }];
  });
  return applyEdits(text, edits);
}

/** The same for one unit's Markdown, read on its own. */
export function mapUnitLinks(markdown: string, map: (url: string) => string): string {
  return /\]\(|\]:|href|src/.test(markdown) ? mapLinks(markdown, parseMarkdown(markdown), map) : markdown;
}
