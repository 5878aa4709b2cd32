import { createIdentityEngine } from '../../src/engines/identity.js';
import { createPseudoEngine } from '../../src/engines/pseudo.js';
import type { Engine } from '../../src/engines/engine.js';
import {
  parseDocument,
  renderDocument,
  type DocumentOptions,
  type RenderOptions,
} from '../../src/markdown/document.js';

/**
 * Translates a whole document in memory with a real engine: the pipeline minus the files. A test
 * that reads the same document itself passes it parsed (`parseDocument(raw, options)`), once.
 */
export async function translateText(
  raw: string,
  engine: Engine,
  render: RenderOptions,
  options: DocumentOptions = {},
  document = parseDocument(raw, options),
): Promise<ReturnType<typeof renderDocument>> {
  const unique = [...new Set(document.allUnits.map((unit) => unit.tagged))];
  const { texts } = await engine.translate(unique, { from: 'en', to: 'fr' });
  const translations = new Map(unique.map((text, index) => [text, texts[index] as string]));
  return renderDocument(
    document,
    (unit) => ({ tagged: translations.get(unit.tagged) ?? unit.tagged }),
    render,
  );
}

export const identity = createIdentityEngine();
export const pseudo = createPseudoEngine();
export const sameFolder: RenderOptions = { sourcePath: 'README.md', outputPath: 'README.md' };
export const localesFrench: RenderOptions = {
  sourcePath: 'README.md',
  outputPath: 'locales/README.fr.md',
  switcher: [
    { lang: 'en', href: '../README.md' },
    { lang: 'fr', href: undefined },
  ],
};
