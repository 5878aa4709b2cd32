import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDigest } from '../src/program-digest.js';
import { tempProject } from './helpers/cli.js';

describe('the digest of the program (part of the proof that a run has nothing to do)', () => {
  it('changes with a byte of code, a file added or renamed; not with declarations or other files', () => {
    const root = tempProject();
    mkdirSync(join(root, 'pipeline'));
    writeFileSync(join(root, 'main.js'), 'export const a = 1;\n');
    writeFileSync(join(root, 'pipeline', 'run.js'), 'export const b = 2;\n');
    const first = codeDigest(root);
    expect(codeDigest(root)).toBe(first);
    writeFileSync(join(root, 'main.d.ts'), 'export declare const a: number;\n');
    writeFileSync(join(root, 'main.js.map'), '{}');
    expect(codeDigest(root)).toBe(first);
    writeFileSync(join(root, 'pipeline', 'run.js'), 'export const b = 3;\n');
    const edited = codeDigest(root);
    expect(edited).not.toBe(first);
    renameSync(join(root, 'pipeline', 'run.js'), join(root, 'pipeline', 'walk.js'));
    const renamed = codeDigest(root);
    expect(renamed).not.toBe(edited);
    writeFileSync(join(root, 'pipeline', 'more.mjs'), '');
    expect(codeDigest(root)).not.toBe(renamed);
  });
});
