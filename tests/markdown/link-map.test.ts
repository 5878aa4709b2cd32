import { describe, expect, it } from 'vitest';
import { createLinkMap } from '../../src/markdown/link-map.js';

// README.md and docs/usage.md, translated into locales/README.de.md and docs/locales/usage.de.md.
const links = createLinkMap({
  sourceSlugs: ['many-files', 'install'],
  outputSlugs: ['viele-dateien', 'installation'],
  anchors: new Set(['readme-top']),
  sourcePath: 'README.md',
  outputPath: 'locales/README.de.md',
  counterparts: new Map([
    ['README.md', 'locales/README.de.md'],
    ['docs/usage.md', 'docs/locales/usage.de.md'],
  ]),
  slugs: new Map([
    [
      'docs/usage.md',
      { sourceSlugs: ['usage', 'options', 'options-1'], outputSlugs: ['nutzung', 'optionen', 'optionen-1'] },
    ],
  ]),
});

describe('createLinkMap', () => {
  it.each([
    ['#install', '#installation'],
    ['#readme-top', '#readme-top'],
    ['#Install', '#installation'],
    ['#unknown', '#unknown'],
    ['docs/usage.md', '../docs/locales/usage.de.md'],
    ['docs/usage.md#options', '../docs/locales/usage.de.md#optionen'],
    ['docs/usage.md#options-1', '../docs/locales/usage.de.md#optionen-1'],
    ['docs/usage.md?plain=1#options', '../docs/locales/usage.de.md?plain=1#optionen'],
    ['docs/usage.md#not-a-heading', '../docs/locales/usage.de.md#not-a-heading'],
    // The file's link to itself (the "English" badge) keeps pointing at the source, fragment and all.
    ['README.md#install', '../README.md#install'],
    ['https://example.com/usage.md#options', 'https://example.com/usage.md#options'],
  ])('writes %s as %s in the translation, and reads it back', (source, output) => {
    expect(links.toOutput(source)).toBe(output);
    if (!source.startsWith('#I')) expect(links.toSource(output)).toBe(source);
  });

  it('compares links into other translations without their fragment', () => {
    expect(links.comparable('../docs/locales/usage.de.md#optionen')).toBe('../docs/locales/usage.de.md');
    expect(links.comparable('#installation')).toBe('#installation');
    expect(links.comparable('../README.md#install')).toBe('../README.md#install');
    expect(links.comparable('https://example.com/#x')).toBe('https://example.com/#x');
  });
});
