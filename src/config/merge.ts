import type { Config } from './schema.js';

/**
 * One layer of settings in the pipeline's names (`langs`, not `languages`). Every key is optional:
 * an absent key leaves the layer below in force, and the pipeline's defaults lie under them all.
 */
export interface Settings {
  readonly sources?: readonly string[];
  readonly from?: string;
  readonly langs?: readonly string[];
  readonly engine?: string;
  readonly model?: string;
  /** Seconds. */
  readonly timeout?: number;
  readonly formality?: Readonly<Record<string, 'default' | 'more' | 'less'>>;
  readonly glossary?: readonly string[];
  readonly terms?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly out?: string;
  readonly memory?: string;
  readonly frontMatter?: readonly string[];
  readonly switcher?: boolean;
  readonly concurrency?: number;
  readonly render?: Config['render'];
  readonly release?: Config['release'];
}

/** The configuration file as a layer: only `languages` is renamed. */
export function settingsFromConfig(config: Config): Settings {
  const { languages, ...rest } = config;
  return languages === undefined ? { ...rest } : { ...rest, langs: languages };
}

/**
 * Layers merged in the one documented order — file, then environment, then flags — each key taken
 * from the last layer that sets it; `render` and `release` merge key by key. Inputs are not changed.
 */
export function mergeLayers(...layers: readonly Settings[]): Settings {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      if (key === 'render' || key === 'release') {
        merged[key] = { ...(merged[key] as object | undefined), ...definedEntries(value as object) };
      } else {
        merged[key] = value;
      }
    }
  }
  return merged as Settings;
}

function definedEntries(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}
