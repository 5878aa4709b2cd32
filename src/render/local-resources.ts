import type { Element, ElementContent, Root } from 'hast';
import { resolve } from 'node:path';
import { visit } from 'unist-util-visit';

/** How the page being built turns the Markdown file's references into URLs that work from `docs/`. */
export interface ResourceResolver {
  /** Folder of the Markdown file: relative references resolve against it. */
  readonly markdownDir: string;
  /** Repository root: `/images/x.png` resolves against it, as on GitHub. */
  readonly root: string;
  /** Whether remote (http/https) images are kept; otherwise they are shown as their alt text. */
  readonly allowRemote: boolean;
  /** The page-relative URL of a local image (copied or embedded), or undefined when the file is missing. */
  image(file: string): Promise<string | undefined>;
  /** The page-relative URL for a link to a local file (another language's page, or the file itself). */
  link(file: string, fragment: string): string;
}

const scheme = /^[a-z][a-z\d+.-]*:/i;

/** Whether `url` points into the repository rather than at a site, a fragment or a scheme. */
export function isLocalReference(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !url.startsWith('//') && !scheme.test(url);
}

/** Splits `a/b.md?x#frag` into the decoded file path and the fragment (with its `#`). */
export function localPath(url: string, resolver: ResourceResolver): { file: string; fragment: string } {
  const hashAt = url.indexOf('#');
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).replace(/\?.*$/, '');
  let decoded = pathPart;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    // A malformed escape is kept as written; the file simply will not be found.
  }
  const file = decoded.startsWith('/')
    ? resolve(resolver.root, `.${decoded}`)
    : resolve(resolver.markdownDir, decoded);
  return { file, fragment };
}

/** Rewrites images and links for the rendered site, and hides remote images unless allowed. */
export function rehypeLocalResources(resolver: ResourceResolver) {
  return async (tree: Root): Promise<undefined> => {
    const images: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img') images.push(node);
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string' && isLocalReference(href)) {
        const { file, fragment } = localPath(href, resolver);
        node.properties = { ...node.properties, href: resolver.link(file, fragment) };
      }
    });
    const urls = new Map<Element, string | undefined>();
    for (const image of images) {
      const src = typeof image.properties['src'] === 'string' ? image.properties['src'] : '';
      let url: string | undefined;
      if (isLocalReference(src)) url = await resolver.image(localPath(src, resolver).file);
      else if (resolver.allowRemote && /^https?:\/\//i.test(src)) url = src;
      urls.set(image, url);
    }
    const replace = <T extends Root['children'][number]>(child: T): Array<T | ElementContent> => {
      if (child.type !== 'element') return [child];
      // A <picture> source is dropped: its <img> fallback is resolved (or hidden) like any image.
      if (child.tagName === 'source') return [];
      if (child.tagName !== 'img') return [child];
      const url = urls.get(child);
      return url === undefined
        ? altText(child)
        : [{ ...child, properties: { ...child.properties, src: url } }];
    };
    visit(tree, (node) => {
      if (node.type === 'root') node.children = node.children.flatMap(replace);
      else if (node.type === 'element')
        node.children = node.children.flatMap((child) => replace(child) as ElementContent[]);
    });
    return undefined;
  };
}

function altText(image: Element): ElementContent[] {
  const alt = image.properties['alt'];
  if (typeof alt !== 'string' || alt === '') return [];
  return [
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['readme-i18n-image-alt'] },
      children: [{ type: 'text', value: alt }],
    },
  ];
}
