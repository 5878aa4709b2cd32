/** Proper nouns that are ordinary prose in every language: months, weekdays, languages, countries. */
let everydayNames: Set<string> | undefined;
const everydayStems = new Set<string>();

function loadEverydayNames(): Set<string> {
  const names = new Set<string>();
  // The twelve months, and the seven weekdays of their first twelve days.
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2024, month, 1 + month));
    names.add(date.toLocaleString('en', { month: 'long', timeZone: 'UTC' }));
    names.add(
      new Date(Date.UTC(2024, 0, 1 + month)).toLocaleString('en', { weekday: 'long', timeZone: 'UTC' }),
    );
  }
  // Their short forms too (`Sep`, `Tue`), as dates and changelogs write them.
  for (const name of [...names]) names.add(name.slice(0, 3));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const regions = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const languages = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  for (const first of letters)
    for (const second of letters) {
      for (const name of [regions.of(first + second), languages.of((first + second).toLowerCase())])
        if (name)
          for (const word of name.split(/[\s,()]+/)) if (/^\p{Lu}\p{Ll}+$/u.test(word)) names.add(word);
    }
  for (const name of names)
    for (const cut of [0, 1, 2])
      if (name.length - cut >= 4) everydayStems.add(name.slice(0, name.length - cut));
  return names;
}

/** A month, a weekday, a country, a language, or a people (`Peruvian`): prose, not a name. */
export function isEverydayName(word: string): boolean {
  everydayNames ??= loadEverydayNames();
  if (everydayNames.has(word)) return true;
  // A people or its adjective (`Peruvian`, `Mexican`, `Chinese`, `Swedish`): a place or language less
  // its last two letters at most, then a suffix of nationality.
  if (!/(?:an|ese|ish|i)$/u.test(word)) return false;
  for (let length = 4; length < word.length; length++)
    if (everydayStems.has(word.slice(0, length))) return true;
  return false;
}

let timeZoneCities: Set<string> | undefined;

/**
 * A city that names a time zone (`Toronto` of `America/Toronto`, `Prague`, `Honolulu`): a place an
 * engine writes in its own language, whatever a link's address spells.
 */
export function isTimeZoneCity(word: string): boolean {
  timeZoneCities ??= new Set(
    Intl.supportedValuesOf('timeZone').flatMap((zone) => zone.split('/').slice(1).join('_').split('_')),
  );
  return timeZoneCities.has(word);
}
