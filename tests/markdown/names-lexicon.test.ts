import { describe, expect, it } from 'vitest';
import { namesLexicon } from '../../src/markdown/names-lexicon.js';
import { isGivenName, isPartOfPersonName } from '../../src/markdown/people-names.js';

describe('the names lexicon', () => {
  it('knows brand titles, language names and the brands simple-icons removed', () => {
    const lexicon = namesLexicon();
    expect(lexicon.sourceOf('Docker')).toBe('simple-icons');
    expect(lexicon.sourceOf('Dockerfile')).toBe('linguist');
    // Removed from simple-icons, kept hidden in Iconify's copy of the set, by slug.
    for (const name of ['Windows', 'Slack', 'Microsoft', 'LinkedIn', 'Microsoft Teams', 'Visual Studio Code'])
      expect(lexicon.sourceOf(name), name).toBe('simple-icons');
  });

  it('takes a removed brand written as its title only', () => {
    const lexicon = namesLexicon();
    expect(lexicon.sourceOf('windows')).toBeUndefined();
    expect(lexicon.sourceOf('visual studio Code')).toBeUndefined();
  });
});

describe("people's names", () => {
  it('knows given names and the parts of people’s names', () => {
    expect(['Paul', 'Tyler', 'Andrew', 'Christian'].filter(isGivenName)).toEqual([
      'Paul',
      'Tyler',
      'Andrew',
      'Christian',
    ]);
    expect(['Miller', 'Long', 'Rhyne', 'Paul'].filter(isPartOfPersonName)).toEqual([
      'Miller',
      'Long',
      'Rhyne',
      'Paul',
    ]);
    expect(['Docker', 'Programming', 'paul'].filter(isGivenName)).toEqual([]);
    expect(['Programming', 'Themes', 'miller'].filter(isPartOfPersonName)).toEqual([]);
  });
});
