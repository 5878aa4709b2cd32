// The public API of readme-i18n: re-exports only; each piece lives in its own module.
export { ReadmeI18nError, UsageError, InputError, EngineError, QuotaExceededError } from './errors.js';
export { parseTagged, serializeTagged, type TaggedToken } from './tagged-text.js';

export {
  parseDocument,
  renderDocument,
  type DocumentOptions,
  type ParsedDocument,
  type RenderOptions as DocumentRenderOptions,
  type RenderedDocument,
  type UnitTranslation,
  type KeptSource,
} from './markdown/document.js';
export type { Unit, UnitKind } from './markdown/unit.js';

export type {
  Engine,
  EngineLimits,
  TranslateRequest,
  TranslateResult as EngineResult,
} from './engines/engine.js';
export { createEngine, engineNames } from './engines/select.js';
export { createIdentityEngine } from './engines/identity.js';
export { createPseudoEngine, pseudoLocalize } from './engines/pseudo.js';
export {
  createDeeplEngine,
  estimateBilledCharacters,
  type DeeplEngine,
  type DeeplUsage,
} from './engines/deepl.js';
export { deeplEngineFromEnv } from './engines/deepl-from-env.js';
export {
  createApertiumEngine,
  listApertiumDirections,
  type ApertiumEngineOptions,
} from './engines/apertium.js';

export { loadMemory } from './memory/load-memory.js';
export { TranslationMemory } from './memory/translation-memory.js';
export type { MemoryEntry, Origin } from './memory/entry.js';
export { withMemoryLock } from './memory/lock.js';

export {
  runTranslate,
  type TranslateEvents,
  type TranslateResult,
  type LanguageReport,
} from './pipeline/translate.js';
export type { TranslateOptions } from './pipeline/translate-options.js';
export { runCheck, type CheckReport } from './pipeline/check.js';
export { repairTags } from './pipeline/repair-tags.js';

export { renderSite, type RenderOptions, type RenderReport } from './render/render-site.js';

export { publishRelease, type PublishReleaseOptions, type PublishReport } from './publish/publish-release.js';
export { gitHubTargetFromEnv, type GitHubTarget } from './publish/github-env.js';

export { loadConfig } from './config/load-config.js';
export { loadSettings } from './config/load-settings.js';
export { configSchema, type Config } from './config/schema.js';
export { runDoctor, type DoctorOptions } from './config/checks/run-doctor.js';
