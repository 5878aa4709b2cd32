import { parse } from 'tldts';

/**
 * The name of the site an address belongs to, lower case: the label before its public suffix
 * (`katacontainers` of `katacontainers.io`, `gnu` of `www.gnu.org`), or the site a hosting
 * domain serves (`react-icons` of `react-icons.github.io`, from the Public Suffix List's private
 * section). Undefined for a relative address or an IP address.
 */
export function siteName(url: string): string | undefined {
  if (!/^https?:\/\//iu.test(url)) return undefined;
  const { domainWithoutSuffix, isIp } = parse(url, { allowPrivateDomains: true });
  return isIp || !domainWithoutSuffix ? undefined : domainWithoutSuffix.toLowerCase();
}

/** The words an address spells, lower case, each whole and split at hyphens (`react-icons`, `react`, `icons`). */
export interface AddressWords {
  /** The site's name as `siteName` gives it. */
  readonly name: string | undefined;
  /** The site's name (`katacontainers`, `malven` of flexbox.malven.co, `react-icons` of react-icons.github.io). */
  readonly site: ReadonlySet<string>;
  /** The names of its folders (`grub` of `/software/grub/`, `packer` of `/packer`); file names say nothing. */
  readonly folders: ReadonlySet<string>;
}

export function addressWords(url: string): AddressWords {
  let words = addressWordsOf.get(url);
  if (words === undefined) {
    words = readAddressWords(url);
    if (addressWordsOf.size >= 10_000) addressWordsOf.clear();
    addressWordsOf.set(url, words);
  }
  return words;
}

/** `addressWords`' answers: one link's address is read by several rules. */
const addressWordsOf = new Map<string, AddressWords>();

function readAddressWords(url: string): AddressWords {
  const site = new Set<string>();
  const folders = new Set<string>();
  const add = (words: Set<string>, part: string) => {
    if (!/^[a-z\d]+(?:-[a-z\d]+)*$/u.test(part)) return;
    words.add(part);
    for (const word of part.split('-')) words.add(word);
  };
  const name = siteName(url);
  if (name !== undefined) add(site, name);
  const path = /^https?:\/\/[^/?#]+([^?#]*)/iu.exec(url)?.[1] ?? '';
  for (const part of path.split('/')) add(folders, part);
  return { name, site, folders };
}
