import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { actionSettings } from '../../src/action/action-settings.js';
import { readActionInputs } from '../../src/action/inputs.js';
import { UsageError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

let cwd: string;

beforeEach(async () => {
  cwd = tempDir('readme-i18n-action-settings-');
});

const configured = [
  'sources: [docs/guide.md]',
  'languages: [de, ja]',
  'engine: apertium',
  'out: "{dir}/i18n/{name}.{lang}.md"',
  'glossary: [Vagrant]',
  'switcher: false',
  'render: { out: site, pdf: false, allowRemote: true }',
  'release: { tag: docs-latest, assets: "site/pdf/*.pdf", draft: true }',
  '',
].join('\n');

describe('actionSettings', () => {
  it('takes what the inputs leave unset from readme-i18n.config.yml', async () => {
    await writeFile(join(cwd, 'readme-i18n.config.yml'), configured);
    const settings = await actionSettings(cwd, readActionInputs({}), {});
    expect(settings.translate).toMatchObject({
      cwd,
      langs: ['de', 'ja'],
      sources: ['docs/guide.md'],
      engine: 'apertium',
      out: '{dir}/i18n/{name}.{lang}.md',
      glossary: ['Vagrant'],
      switcher: false,
    });
    expect(settings.render).toEqual({
      html: true,
      pdf: false,
      siteDir: 'site',
      allowRemote: true,
      sources: [{ source: 'docs/guide.md', pattern: 'docs/i18n/guide.{lang}.md' }],
      sourceLang: undefined,
    });
    expect([settings.releaseTag, settings.releaseAssets, settings.draft]).toEqual([
      'docs-latest',
      'site/pdf/*.pdf',
      true,
    ]);
  });

  it('lets every input given win over the file', async () => {
    await writeFile(join(cwd, 'readme-i18n.config.yml'), configured);
    const inputs = readActionInputs({
      INPUT_LANGUAGES: 'fr',
      INPUT_ENGINE: 'pseudo',
      INPUT_SOURCE: 'README.md',
      INPUT_RENDER: 'html,pdf',
      'INPUT_SITE-DIR': 'public',
      'INPUT_RELEASE-TAG': 'v2',
    });
    const settings = await actionSettings(cwd, inputs, {});
    expect(settings.translate).toMatchObject({ langs: ['fr'], engine: 'pseudo', sources: ['README.md'] });
    expect(settings.render).toMatchObject({
      html: true,
      pdf: true,
      siteDir: 'public',
      sources: [{ source: 'README.md', pattern: 'i18n/README.{lang}.md' }],
    });
    expect(settings.releaseTag).toBe('v2');
  });

  it('defaults without a file: DeepL, both outputs, docs/, no release, links between languages', async () => {
    const settings = await actionSettings(cwd, readActionInputs({ INPUT_LANGUAGES: 'fr' }), {});
    expect(settings.translate).toMatchObject({ langs: ['fr'], engine: 'deepl', switcher: true });
    expect(settings.render).toMatchObject({
      html: true,
      pdf: true,
      siteDir: 'docs',
      sources: [{ source: 'README.md', pattern: 'locales/README.{lang}.md' }],
    });
    expect([settings.releaseTag, settings.releaseAssets]).toEqual([undefined, 'docs/pdf/*.pdf']);
  });

  it('needs languages from the inputs or the file, and says where to put them', async () => {
    await expect(actionSettings(cwd, readActionInputs({}), {})).rejects.toThrow(
      new UsageError(
        "no languages to translate into: set the input 'languages', e.g.\n  with:\n    languages: fr,es\n" +
          'or `languages: [fr, es]` in readme-i18n.config.yml',
      ),
    );
    await writeFile(join(cwd, 'readme-i18n.config.json'), '{ "engine": "pseudo" }\n');
    await expect(actionSettings(cwd, readActionInputs({}), {})).rejects.toThrow(
      'or `languages: [fr, es]` in readme-i18n.config.json',
    );
  });
});
