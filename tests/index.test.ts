import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exposes the public API, and only it', () => {
  expect(Object.keys(api).sort()).toEqual([
    'EngineError',
    'InputError',
    'QuotaExceededError',
    'ReadmeI18nError',
    'TranslationMemory',
    'UsageError',
    'configSchema',
    'createApertiumEngine',
    'createDeeplEngine',
    'createEngine',
    'createIdentityEngine',
    'createPseudoEngine',
    'deeplEngineFromEnv',
    'engineNames',
    'estimateBilledCharacters',
    'gitHubTargetFromEnv',
    'listApertiumDirections',
    'loadConfig',
    'loadMemory',
    'loadSettings',
    'parseDocument',
    'parseTagged',
    'pseudoLocalize',
    'publishRelease',
    'renderDocument',
    'renderSite',
    'repairTags',
    'runCheck',
    'runDoctor',
    'runTranslate',
    'serializeTagged',
    'withMemoryLock',
  ]);
});
