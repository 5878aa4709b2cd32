// `npm run bench`: every benchmark script of this folder in turn; each writes its section of docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
// Billed on a real account (about 150,000 DeepL characters): run only when named, `npm run bench deepl-names`.
const paid = ['deepl-names.mjs'];
const scripts = readdirSync(import.meta.dirname)
  .filter(
    (name) => name.endsWith('.mjs') && !['sections.mjs', 'bundle.mjs', 'temp-folder.mjs'].includes(name),
  )
  .filter((name) =>
    only.length === 0 ? !paid.includes(name) : only.some((wanted) => name.startsWith(wanted)),
  )
  .sort();
let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const result = spawnSync(process.execPath, [join(import.meta.dirname, script)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
