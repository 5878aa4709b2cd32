import type { Nodes, Table } from 'mdast';
import { isEnglishWord } from '../english-words.js';
import { siteName } from '../link-names.js';
import { eachNode, plainText } from '../tree-walk.js';
import { derivedWord, englishLike } from './english-like.js';
import { isEverydayName, isTimeZoneCity } from './everyday-names.js';
import type { AddName } from './types.js';

/**
 * The lower-case names an address spells: its site's name and its folders (file names say nothing),
 * each whole, and split at hyphens (`geolocation` of `/ip-geolocation-api`) unless `whole`.
 */
function addressNames(url: string, whole: boolean): string[] {
  const site = siteName(url);
  const path = /^https?:\/\/[^/?#]+([^?#]*)/iu.exec(url)?.[1] ?? '';
  const folders = path
    .toLowerCase()
    .split('/')
    .filter((folder) => /^[\p{L}\p{N}-]+$/u.test(folder));
  const names = [...(site === undefined ? [] : [site]), ...folders];
  return whole ? names : names.flatMap((name) => [name, ...name.split('-')]);
}

/** Whether `name` is `word`, or `word` with an English word before or after it (`itsmarta`, `gurbaninow`). */
function spells(name: string, word: string): boolean {
  const at = name.indexOf(word);
  if (at === -1) return false;
  const affix = (part: string) => part === '' || (part.length >= 2 && isEnglishWord(part));
  return affix(name.slice(0, at)) && affix(name.slice(at + word.length));
}

/** The web addresses of the links a node holds. */
function linkAddresses(node: Nodes): string[] {
  const urls: string[] = [];
  eachNode(node, (each) => {
    if (each.type === 'link' && /^https?:\/\//iu.test(each.url)) urls.push(each.url);
  });
  return urls;
}

/**
 * A row of a table speaks of what its link points to: a capitalised word of no dictionary that the
 * row's link address spells is that site's name, wherever the row writes it (`| [Wikipedia](https://www.mediawiki.org/…)
 * | Mediawiki Encyclopedia |`, `| [Brazilian Vehicles](…/fipe/) | … - Fipe |`). A word no dictionary
 * holds may start the site's name or a folder (`Gurbani` of `…/GurbaniNow/api`), and one no
 * dictionary explains (nor derived nor compounded) may stand anywhere in it (`Marta` of
 * `itsmarta.com`); a dictionary word says nothing (`| [Weather
 * API](https://weather.example/) | Weather forecasts |`), nor a place (`Atlanta` of `atlanta.gov`).
 */
export function addLinkedRowNames(table: Table, add: AddName): void {
  for (const row of table.children.slice(1)) {
    const urls = row.children.flatMap(linkAddresses);
    if (urls.length === 0) continue;
    // Read once per row, not per word: the names its addresses spell, whole or also split at hyphens.
    const spelled = new Map<boolean, string[]>();
    const namesOf = (whole: boolean) => {
      let names = spelled.get(whole);
      if (names === undefined) spelled.set(whole, (names = urls.flatMap((url) => addressNames(url, whole))));
      return names;
    };
    for (const cell of row.children) {
      for (const match of plainText(cell).matchAll(
        /(?<![\p{L}\p{N}_.-])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}_.-])/gu,
      )) {
        const word = match[0];
        const lower = word.toLowerCase();
        if (isEnglishWord(lower) || derivedWord(lower) || isEverydayName(word) || isTimeZoneCity(word))
          continue;
        // A compound of English words (`Mediawiki`, `Geolocation`) only where the site's name or a
        // whole folder spells it (not `geolocation` of `/ip-geolocation-api`).
        const names = namesOf(englishLike(lower));
        if (names.some((name) => spells(name, lower))) add(word, 'named by a link address');
      }
    }
  }
}
