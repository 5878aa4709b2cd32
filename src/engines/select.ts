import { UsageError } from '../errors.js';
import type { Engine } from './engine.js';
import { createIdentityEngine } from './identity.js';
import { createPseudoEngine } from './pseudo.js';

export const engineNames = ['identity', 'pseudo'] as const;

/** Creates the engine named by `--engine`. */
export async function createEngine(name: string): Promise<Engine> {
  switch (name) {
    case 'identity':
      return createIdentityEngine();
    case 'pseudo':
      return createPseudoEngine();
    default:
      throw new UsageError(`unknown engine '${name}' in --engine; choose one of: ${engineNames.join(', ')}`);
  }
}
