import { ok, problem, type CheckResult } from './check.js';

const name = 'Node.js';

/** Whether `version` (`20.20.2`) satisfies the `engines.node` range of package.json (`>=20.19`). */
export function checkNode(version: string, required: string): CheckResult {
  const minimum = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(required);
  const have = version.replace(/^v/, '').split('.').map(Number);
  if (minimum === null) return ok(name, `${version} (package.json states no minimum version)`);
  const want = [minimum[1], minimum[2], minimum[3]].map((part) => Number(part ?? 0));
  for (let index = 0; index < 3; index++) {
    const a = have[index] ?? 0;
    const b = want[index] ?? 0;
    if (a > b) break;
    if (a < b) {
      return problem(name, `${version} is too old: readme-i18n needs ${required}`, [
        'nvm install 20 && nvm use 20   # or install Node.js 20 LTS from https://nodejs.org',
      ]);
    }
  }
  return ok(name, `${version} (needs ${required})`);
}
