import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Config } from './schema.js';

/** The configuration files looked for, in this order. */
export const configFileNames = [
  'readme-i18n.config.json',
  'readme-i18n.config.yaml',
  'readme-i18n.config.yml',
] as const;

/** The key of package.json that may hold the configuration instead. */
export const packageJsonKey = 'readme-i18n';

export interface LoadedConfig {
  /** What the file says, checked; `{}` when there is no configuration. */
  readonly config: Config;
  /** The file it came from, relative to `cwd` (`package.json` for its key); undefined when none. */
  readonly file: string | undefined;
}

/**
 * Reads the configuration of the project in `cwd`: `readme-i18n.config.json`, `.yaml`, `.yml`, or
 * the `readme-i18n` key of package.json. More than one of them is a usage error naming them, as is
 * a syntax error (file, line, column) or a value the schema refuses (key path, value, expectation).
 * Returns only what the file says: defaults are the pipeline's.
 */
export async function loadConfig(cwd: string): Promise<LoadedConfig> {
  const found: { file: string; data: unknown; label: string }[] = [];
  for (const file of configFileNames) {
    const text = await readIfExists(join(cwd, file));
    if (text === undefined) continue;
    // The YAML parser and the schema are loaded only for a project that has a configuration.
    const { parseJsonText, parseYamlText } = await import('./parse-config-text.js');
    const data = file.endsWith('.json') ? parseJsonText(text, file) : parseYamlText(text, file);
    found.push({ file, data, label: file });
  }
  const fromPackage = await readPackageKey(cwd);
  if (fromPackage !== undefined) {
    found.push({ file: 'package.json', data: fromPackage, label: `package.json ("${packageJsonKey}" key)` });
  }
  if (found.length > 1) {
    const names = found.map((entry) => entry.label);
    throw new UsageError(
      `${names.join(' and ')} both configure readme-i18n; keep one of them and delete the other.`,
    );
  }
  const [only] = found;
  if (only === undefined) return { config: {}, file: undefined };
  // An empty YAML file is an empty configuration, not an error.
  const data = only.data ?? {};
  const { configKeys, configSchema, releaseSchema, renderSchema } = await import('./schema.js');
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const { describeIssues } = await import('./describe-issues.js');
    throw new UsageError(
      describeIssues(only.label, result.error.issues, data, {
        '': configKeys,
        render: Object.keys(renderSchema.shape),
        release: Object.keys(releaseSchema.shape),
      }),
    );
  }
  return { config: result.data, file: only.file };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    // A byte-order mark, as some Windows editors write, is not part of the JSON or YAML.
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${file} (${code ?? String(error)}); check its permissions.`);
  }
}

/** The `readme-i18n` key of package.json, or undefined when there is no file or no such key. */
async function readPackageKey(cwd: string): Promise<unknown> {
  const text = await readIfExists(join(cwd, 'package.json'));
  if (text === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    // The message that says where the syntax is wrong.
    manifest = (await import('./parse-config-text.js')).parseJsonText(text, 'package.json');
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return undefined;
  return (manifest as Record<string, unknown>)[packageJsonKey];
}
