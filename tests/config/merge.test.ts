import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../src/config/env.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { mergeLayers, settingsFromConfig, type Settings } from '../../src/config/merge.js';
import type { Config } from '../../src/config/schema.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('mergeLayers: file, then environment, then flags', () => {
  const file: Config = {
    languages: ['fr', 'es'],
    engine: 'apertium',
    switcher: false,
    render: { out: 'site', pdf: true },
    release: { draft: true },
  };

  it('renames languages to langs and keeps the rest as written', () => {
    expect(settingsFromConfig(file)).toEqual({
      langs: ['fr', 'es'],
      engine: 'apertium',
      switcher: false,
      render: { out: 'site', pdf: true },
      release: { draft: true },
    });
    expect(settingsFromConfig({})).toEqual({});
  });

  it('takes each key from the last layer that sets it; render and release merge key by key', () => {
    const env: Settings = { langs: ['de'], engine: 'deepl' };
    const flags: Settings = { engine: 'pseudo', out: undefined, render: { pdf: false, out: undefined } };
    expect(mergeLayers(settingsFromConfig(file), env, flags)).toEqual({
      langs: ['de'],
      engine: 'pseudo',
      switcher: false,
      render: { out: 'site', pdf: false },
      release: { draft: true },
    });
  });

  it('changes none of its inputs', () => {
    const layer: Settings = { render: { out: 'site' } };
    const copy = structuredClone(layer);
    mergeLayers(layer, { render: { pdf: true } });
    expect(layer).toEqual(copy);
  });
});

describe('settingsFromEnv', () => {
  it('reads README_I18N_LANGUAGES and README_I18N_ENGINE, ignoring empty ones', () => {
    expect(
      settingsFromEnv({ README_I18N_LANGUAGES: 'fr, pt_BR,fr', README_I18N_ENGINE: 'apertium' }),
    ).toEqual({
      langs: ['fr', 'pt-BR'],
      engine: 'apertium',
    });
    expect(settingsFromEnv({ README_I18N_LANGUAGES: ' ', README_I18N_ENGINE: '' })).toEqual({});
  });

  it('names the variable of a bad value', () => {
    expect(() => settingsFromEnv({ README_I18N_ENGINE: 'google' })).toThrow(
      "README_I18N_ENGINE='google' is not an engine; expected one of deepl, openai, apertium, pseudo, identity. " +
        'Fix it or unset it: unset README_I18N_ENGINE',
    );
    expect(() => settingsFromEnv({ README_I18N_LANGUAGES: 'fr,frx' })).toThrow(
      "unknown language code 'frx' in README_I18N_LANGUAGES",
    );
  });
});

describe('loadSettings', () => {
  it('reads the file of the project and layers the environment and the flags over it', async () => {
    const folder = tempDir('readme-i18n-settings-');
    writeFileSync(
      join(folder, 'readme-i18n.config.yaml'),
      'languages: [fr]\nengine: apertium\nconcurrency: 2\n',
    );
    expect(await loadSettings(folder, { concurrency: 3 }, { README_I18N_ENGINE: 'pseudo' })).toEqual({
      file: 'readme-i18n.config.yaml',
      settings: { langs: ['fr'], engine: 'pseudo', concurrency: 3 },
    });
  });
});
