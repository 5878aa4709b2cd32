import { isEnglishWord } from '../english-words.js';
import type { AddName } from './types.js';

/**
 * Whether a link's text names the page it points to: a person's or organisation's profile on GitHub,
 * GitLab or Codeberg written as their name (`[Nicholas C. Zakas](https://github.com/nzakas)`, `[fnx](…)`),
 * or a repository or npm package written as its own name (`[socks-proxy-agent](…/node-socks-proxy-agent)`).
 */
export function namesLinkedPage(url: string, text: string): boolean {
  const match =
    /^https?:\/\/(?:www\.)?(?:(?:github\.com|gitlab\.com|codeberg\.org)\/([\w.-]+)(?:\/([\w.-]+))?|npmjs\.com\/package\/(?:@[\w.-]+\/)?([\w.-]+))\/?(?:[?#]\S*)?$/iu.exec(
      url,
    );
  if (match === null || !/^[\p{L}\p{N}][\p{L}\p{N} .'’&+-]{0,59}$/u.test(text)) return false;
  const [, owner, repository, npmPackage] = match;
  const key = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const written = key(text);
  const target = repository ?? npmPackage;
  if (target !== undefined)
    return (
      written.length >= 3 &&
      (written === key(target) || (written.length >= 6 && key(target).includes(written)))
    );
  // A profile: one word, or up to four capitalised words one of which no English word nor the site's
  // name (a person's name; not `GitHub Profile`), or which spell the profile's handle
  // (`[Tyler Long](https://github.com/tylerlong)`).
  const words = text.split(' ');
  if (owner === undefined || words.length > 4) return false;
  const host = url.replace(/^https?:\/\/(?:www\.)?/iu, '').toLowerCase();
  if (words.length === 1) return /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(text);
  return (
    words.every((word) => /^\p{Lu}/u.test(word)) &&
    (written === key(owner) ||
      words.some(
        (word) =>
          /^\p{L}{2,}$/u.test(word) &&
          !isEnglishWord(word.toLowerCase()) &&
          !host.startsWith(`${word.toLowerCase()}.`),
      ))
  );
}

/** `<a href="https://github.com/nzakas">… Nicholas C. Zakas</a>` in a table of people. */
export function addHtmlLinkNames(html: string, add: AddName): void {
  for (const [, url = '', inner = ''] of html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/giu)) {
    const lines = inner
      .split(/<[^>]*>|\n/u)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length === 1 && namesLinkedPage(url, (lines[0] as string).replace(/\s+/gu, ' ')))
      add(lines[0] as string, 'linked profile or repository');
  }
}
