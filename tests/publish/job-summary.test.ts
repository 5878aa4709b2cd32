import { describe, expect, it } from 'vitest';
import { jobSummary } from '../../src/publish/job-summary.js';

describe('jobSummary', () => {
  it('gives a row per language with its figures, then the links', () => {
    expect(
      jobSummary({
        languages: [
          {
            lang: 'fr',
            file: 'locales/README.fr.md',
            units: 40,
            translated: 3,
            fromMemory: 35,
            byHand: 2,
            charactersBilled: 180,
            pdf: 'README.fr.pdf',
          },
          {
            lang: 'ja',
            file: 'locales/README.ja.md',
            units: 40,
            translated: 40,
            fromMemory: 0,
            byHand: undefined,
            charactersBilled: 2400,
            pdf: undefined,
          },
        ],
        fileBase: 'https://github.com/o/r/blob/main',
        releaseUrl: 'https://github.com/o/r/releases/tag/v1',
        pullRequestUrl: 'https://github.com/o/r/pull/7',
      }),
    ).toBe(
      [
        '## readme-i18n',
        '',
        '| Language | File | Units | Translated | From memory | By hand | Characters billed | PDF |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
        '| fr | [locales/README.fr.md](https://github.com/o/r/blob/main/locales/README.fr.md) | 40 | 3 | 35 | 2 | 180 | [README.fr.pdf](https://github.com/o/r/releases/download/v1/README.fr.pdf) |',
        '| ja | [locales/README.ja.md](https://github.com/o/r/blob/main/locales/README.ja.md) | 40 | 40 | 0 | — | 2400 | — |',
        '',
        'Release: https://github.com/o/r/releases/tag/v1',
        '',
        'Pull request: https://github.com/o/r/pull/7',
        '',
        '',
      ].join('\n'),
    );
  });

  it('links every PDF of a language, one per source of the site', () => {
    const summary = jobSummary({
      languages: [
        {
          lang: 'fr',
          file: 'locales/README.fr.md',
          units: 4,
          translated: 0,
          fromMemory: 4,
          byHand: 0,
          charactersBilled: 0,
          pdf: 'README.fr.pdf',
          pdfs: ['README.fr.pdf', 'usage.fr.pdf'],
        },
      ],
      releaseUrl: 'https://github.com/o/r/releases/tag/v1',
    });
    expect(summary.split('\n')[4]).toBe(
      '| fr | `locales/README.fr.md` | 4 | 0 | 4 | 0 | 0 | [README.fr.pdf](https://github.com/o/r/releases/download/v1/README.fr.pdf) · [usage.fr.pdf](https://github.com/o/r/releases/download/v1/usage.fr.pdf) |',
    );
  });

  it('says why translation was skipped', () => {
    expect(jobSummary({ languages: [], skipped: 'no DeepL key' })).toBe(
      '## readme-i18n\n\n> [!NOTE]\n> Translation skipped: no DeepL key\n\n',
    );
  });
});
