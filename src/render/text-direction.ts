/** Languages written right to left; their pages get `dir="rtl"`. */
const rightToLeft = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

/** `rtl` for Arabic, Hebrew, Persian and the like (by primary subtag), else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return rightToLeft.has(primary) ? 'rtl' : 'ltr';
}
