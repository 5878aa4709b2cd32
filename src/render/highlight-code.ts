import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { loadGrammar, scopeByFlag, scopeNeeds } from './grammar-index.js';

type CreateStarryNight = typeof import('@wooorm/starry-night').createStarryNight;
type StarryNight = Awaited<ReturnType<CreateStarryNight>>;
type Grammar = Parameters<CreateStarryNight>[0][number];

/**
 * starry-night's engine without its grammars: its package entry imports all ~600 of them (seconds),
 * so the engine is loaded from its own file, and each grammar only when a code block uses it. A
 * bundle (where the package is inlined and cannot be resolved) falls back to the entry.
 */
async function loadEngine(): Promise<CreateStarryNight> {
  try {
    const entry = import.meta.resolve('@wooorm/starry-night');
    const engine = (await import(new URL('lib/index.js', entry).href)) as {
      createStarryNight: CreateStarryNight;
    };
    return engine.createStarryNight;
  } catch {
    return (await import('@wooorm/starry-night')).createStarryNight;
  }
}

// The regex engine loads once per process; grammars are added as pages need them.
let starryNight: Promise<StarryNight> | undefined;
const registered = new Set<string>();

/** Starts loading the engine now (while the browser starts), for the first code block to find it ready. */
export function warmHighlighter(): void {
  starryNight ??= loadEngine().then((create) => create([]));
}

/** The scope for a fence flag (`Dockerfile`, `tf`, `ps1`), if GitHub highlights that language. */
export function flagScope(flag: string): string | undefined {
  return scopeByFlag.get(flag.toLowerCase());
}

/** Registers `scopes` and every grammar they embed, each once. */
async function ensureGrammars(highlighter: StarryNight, scopes: readonly string[]): Promise<void> {
  const wanted: string[] = [];
  const queue = [...scopes];
  for (let scope = queue.pop(); scope !== undefined; scope = queue.pop()) {
    if (registered.has(scope) || wanted.includes(scope) || !loadGrammar.has(scope)) continue;
    wanted.push(scope);
    queue.push(...(scopeNeeds.get(scope) ?? []));
  }
  if (wanted.length === 0) return;
  for (const scope of wanted) registered.add(scope);
  const grammars = await Promise.all(
    wanted.map(async (scope) => (await loadGrammar.get(scope)?.())?.default),
  );
  await highlighter.register(grammars.filter((grammar) => grammar !== undefined) as Grammar[]);
}

/** The `language-x` of a `code` element, if any. */
export function codeLanguage(code: Element): string | undefined {
  const classes = code.properties['className'];
  if (!Array.isArray(classes)) return undefined;
  const flag = classes.map(String).find((name) => name.startsWith('language-'));
  return flag?.slice('language-'.length);
}

/**
 * Highlights fenced code with GitHub's own grammars (`pl-*` classes that github-markdown-css styles),
 * every language GitHub highlights, each grammar loaded when a block first needs it.
 */
export function rehypeHighlightCode() {
  return async (tree: Root): Promise<undefined> => {
    const blocks: Array<{ code: Element; scope: string }> = [];
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const language = codeLanguage(node);
      if (language === undefined || language === 'mermaid' || language === 'math') return;
      const scope = flagScope(language);
      if (scope !== undefined) blocks.push({ code: node, scope });
    });
    if (blocks.length === 0) return undefined;
    warmHighlighter();
    const highlighter = await (starryNight as Promise<StarryNight>);
    await ensureGrammars(
      highlighter,
      blocks.map((block) => block.scope),
    );
    for (const { code, scope } of blocks) {
      code.children = highlighter.highlight(toString(code), scope).children as ElementContent[];
    }
    return undefined;
  };
}
