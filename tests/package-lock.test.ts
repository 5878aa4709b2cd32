import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/** The lowest Node.js the README supports, and the npm it comes with. */
const node = '20.19.0';
const npm = '10.8.2';

interface LockedPackage {
  readonly version?: string;
  readonly engines?: Record<string, string> | string[];
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** The package `name` as Node resolves it from the folder `from` (a key of the lock's packages). */
function resolved(from: string, name: string): LockedPackage | undefined {
  let folder = from;
  for (;;) {
    const found = lock.packages[`${folder === '' ? '' : `${folder}/`}node_modules/${name}`];
    if (found !== undefined || folder === '') return found;
    const parent = folder.lastIndexOf('/node_modules/');
    folder = parent < 0 ? '' : folder.slice(0, parent);
  }
}

describe('package-lock.json', () => {
  it(`installs on Node ${node} with its npm ${npm}: no package's engines refuse them (npm ci prints no EBADENGINE)`, () => {
    const refused = Object.entries(lock.packages).flatMap(([path, locked]) => {
      const engines = Array.isArray(locked.engines) ? {} : (locked.engines ?? {});
      return Object.entries({ node, npm })
        .filter(([engine, version]) => {
          const range = engines[engine]?.replace(/\.\*/g, '');
          return range !== undefined && !semver.satisfies(version, range, { includePrerelease: true });
        })
        .map(([engine]) => `${path}@${locked.version}: ${engine} ${engines[engine]}`);
    });
    expect(refused).toEqual([]);
  });

  it('holds for each dependency a version in the range its dependent asks for (overrides included)', () => {
    const outside = Object.entries(lock.packages).flatMap(([path, locked]) =>
      Object.entries({ ...locked.dependencies, ...locked.optionalDependencies }).flatMap(([name, range]) => {
        const version = resolved(path, name)?.version;
        return version === undefined ||
          semver.validRange(range) === null ||
          semver.satisfies(version, range, { includePrerelease: true })
          ? []
          : [`${path || '(root)'} asks ${name} ${range}, gets ${version}`];
      }),
    );
    // The one exception, on purpose: content-type 3 (octokit's) needs Node 22; 1.0.5 parses the same.
    expect(outside).toEqual(['node_modules/@octokit/request asks content-type ^3.0.0, gets 1.0.5']);
  });
});
