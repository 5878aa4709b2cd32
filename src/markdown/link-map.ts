import type { Root } from 'mdast';
import { posix } from 'node:path';
import { decodeFragment } from './anchors.js';
import { applyEdits, findDestinations, type Destination } from './destinations.js';
import { parseMarkdown } from './parse.js';
import { isRelativeUrl, rebaseUrl } from './relative-url.js';

/** How destinations change between the source and one output. */
export interface LinkMap {
  /** A destination as the source writes it, as the output must write it. */
  readonly toOutput: (url: string) => string;
  /** A destination as the output writes it, as the source would (to read back human edits). */
  readonly toSource: (url: string) => string;
  /**
   * A destination as the output writes it, without the `#fragment` of a link into another
   * translated file, whose anchors change when that file's translation does: two outputs that
   * differ only there say the same.
   */
  readonly comparable: (url: string) => string;
}

/** The heading anchors of a source, and of its translation, in document order. */
export interface FileSlugs {
  readonly sourceSlugs: readonly string[];
  readonly outputSlugs: readonly string[];
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
  readonly counterparts?: ReadonlyMap<string, string> | undefined;
  /**
   * Anchors of those files by source path: a link to one of their headings follows it to the
   * translated anchor (default: none, the fragment is kept as written).
   */
  readonly slugs?: ReadonlyMap<string, FileSlugs> | undefined;
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
  const slugs = input.slugs ?? new Map<string, FileSlugs>();
  const mapper = (
    from: readonly string[],
    to: readonly string[],
    fromDir: string,
    toDir: string,
    targets: ReadonlyMap<string, string>,
    direction: 'forward' | 'backward',
  ) => {
    const here = fragmentMapper(from, to, input.anchors);
    const there = new Map(
      [...slugs].map(([path, file]) => [
        path,
        direction === 'forward'
          ? fragmentMapper(file.sourceSlugs, file.outputSlugs)
          : fragmentMapper(file.outputSlugs, file.sourceSlugs),
      ]),
    );
    return (url: string): string => {
      if (url.startsWith('#')) return here(url);
      if (!isRelativeUrl(url)) return url;
      const counterpart = counterpartOf(url, fromDir, targets);
      if (counterpart !== undefined) {
        const hashAt = counterpart.rest.indexOf('#');
        const sourcePath = direction === 'forward' ? counterpart.target : counterpart.path;
        const follow = there.get(sourcePath);
        const rest =
          hashAt === -1 || follow === undefined
            ? counterpart.rest
            : counterpart.rest.slice(0, hashAt) + follow(counterpart.rest.slice(hashAt));
        return relativeUrl(toDir, counterpart.path) + rest;
      }
      return fromDir !== toDir ? rebaseUrl(url, fromDir, toDir) : url;
    };
  };
  return {
    toOutput: mapper(input.sourceSlugs, input.outputSlugs, sourceDir, outputDir, forward, 'forward'),
    toSource: mapper(input.outputSlugs, input.sourceSlugs, outputDir, sourceDir, backward, 'backward'),
    comparable: (url) => {
      const hashAt = url.indexOf('#');
      if (hashAt <= 0 || !isRelativeUrl(url)) return url;
      return counterpartOf(url, outputDir, backward) === undefined ? url : url.slice(0, hashAt);
    },
  };
}

/** `#fragment` → the anchor at the same position in `to`, when `from` has it and it differs. */
function fragmentMapper(
  from: readonly string[],
  to: readonly string[],
  anchors: ReadonlySet<string> = new Set(),
): (hash: string) => string {
  const positions = indexOf(from);
  return (hash) => {
    const fragment = decodeFragment(hash.slice(1));
    if (anchors.has(fragment)) return hash;
    const position = positions.get(fragment) ?? positions.get(fragment.toLowerCase());
    const target = position === undefined ? undefined : to[position];
    return position !== undefined && target !== undefined && target !== from[position] ? `#${target}` : hash;
  };
}

/** The repository path a relative link points to (`target`), when it is one of `targets`, mapped (`path`). */
function counterpartOf(
  url: string,
  fromDir: string,
  targets: ReadonlyMap<string, string>,
): { target: string; path: string; rest: string } | undefined {
  if (targets.size === 0) return undefined;
  const split = /[?#]/.exec(url);
  const path = split ? url.slice(0, split.index) : url;
  if (path === '') return undefined;
  const target = posix.normalize(posix.join(fromDir, safeDecode(path)));
  const mapped = targets.get(target);
  return mapped === undefined
    ? undefined
    : { target, path: mapped, rest: split ? url.slice(split.index) : '' };
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
  return mapDestinations(text, findDestinations(text, tree), map);
}

/** Rewrites these destinations of `text` with `map`, leaving every other byte as it is. */
export function mapDestinations(
  text: string,
  destinations: readonly Destination[],
  map: (url: string) => string,
): string {
  const edits = destinations.flatMap((destination) => {
    const url = map(destination.url);
    return url === destination.url ? [] : [{ range: destination.range, text: url }];
  });
  return applyEdits(text, edits);
}

/** The same for one unit's Markdown, read on its own. */
export function mapUnitLinks(markdown: string, map: (url: string) => string): string {
  return /\]\(|\]:|href|src/.test(markdown) ? mapLinks(markdown, parseMarkdown(markdown), map) : markdown;
}
