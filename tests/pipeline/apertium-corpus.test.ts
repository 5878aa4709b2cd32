import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTranslate } from '../../src/pipeline/translate.js';
import { tempProject } from '../helpers/cli.js';
import { countTerm, protectedTerms } from '../helpers/protected-terms.js';
import { corpusFolder, hasCorpus } from '../helpers/corpus.js';
import { expectedNames } from '../helpers/corpus-names.js';
import { markdownFacts, resolveUrl } from '../helpers/markdown-facts.js';

const options = { langs: ['es'], engine: 'apertium', switcher: false } as const;

/** Translated once for every test below, and only where the shared corpus is present. */
async function translateCorpus() {
  const project = tempProject();
  copyFileSync(join(corpusFolder, 'lpic-305-300.md'), join(project, 'README.md'));
  const {
    languages: [report],
  } = await runTranslate({ ...options, cwd: project });
  const source = readFileSync(join(project, 'README.md'), 'utf8');
  const output = readFileSync(join(project, 'locales', 'README.es.md'), 'utf8');
  return { report, source, output, before: markdownFacts(source), after: markdownFacts(output) };
}

describe.skipIf(!hasCorpus)('lpic-305-300.md to Spanish with the real Apertium', async () => {
  // The body of a skipped suite still runs to collect its tests: without the corpus, nothing is read.
  const { report, source, output, before, after } = hasCorpus
    ? await translateCorpus()
    : { report: undefined, source: '', output: '', before: markdownFacts(''), after: markdownFacts('') };

  it('translates nearly every unit', () => {
    // Blocks that are names alone (`* [Vagrant](…)`, a table cell `Docker Swarm`, `* [GNU Tar](…)`,
    // `Citrix Virtual Apps and Desktops, VMware Horizon, Microsoft Remote Desktop Services.`) are not
    // sent; each link of the header's navigation bar (Web Site - Code Page - Gitbook - …) is a unit,
    // and so is a title that ends in common words after a name (`* [GNU Packages](…)`, `Xen Summary`).
    // `/etc/cloud/ – Main Configuration Files` and `Eucalyptus - Componentes` are prose: after a spaced
    // dash a capital starts a clause, and says nothing of a name. `* [Unikraft](…/unikraft/unikraft)`
    // names the repository it links to, and is not sent; nor are lower-case tools alone (`##### vif`,
    // `| macvlan |`, `* [virtlogd](…)`), `Denodo, Red Hat JBoss…`, `* [Vagrant VMWare Utility](…)` in a
    // list of names, nor asciinema badges' alt text `asciicast`. Hyphenated English words in headings
    // (`Multi-Cloud`, `**Self-Hosted**:`) are sent, and so is a block whose one capitalised word is an
    // English word plus a suffix written once (`Internals`, `[Documentation]`), and so is the title
    // `📚 LEARNING LPIC-3 305-300`, whose `LEARNING` is English shouted. A product without its maker
    // (`#### 🤖 Guest Agent`, `* [Guest Agent](…)`), `* [Bugzila](https://bugzilla.kernel.org/)`,
    // two-letter commands as headings (`##### ⚙️ xl`, `##### 🌐 252.1 ip`) and a column of drivers
    // (`| windowsfilter |`) are names alone, and not sent. Common words of a title after a name are
    // sent, the name kept (`#### Docker Images`, `##### Vagrant Plugins`, `* [Packer Templates](…)`),
    // and so is an acronym's English compound (`* CLI-focused: `lxc-create`…`, the acronym kept).
    expect(report?.units).toBe(2048);
    // Units whose tags Apertium could not keep fall back to English and are reported, never broken.
    expect(report?.keptSource).toBeLessThan((report?.units ?? 0) * 0.05);
    expect(output).not.toBe(source);
  });

  it('writes the same bytes when interrupted and resumed (issue 11)', async () => {
    const project = tempProject();
    copyFileSync(join(corpusFolder, 'lpic-305-300.md'), join(project, 'README.md'));
    // Interrupted as Ctrl-C does, after the 12th of 37 requests (one at a time, so exactly 600 units are saved).
    const controller = new AbortController();
    await expect(
      runTranslate(
        { ...options, cwd: project, concurrency: 1 },
        { onBatch: ({ done }) => done === 12 && controller.abort(), signal: controller.signal },
      ),
    ).rejects.toThrow('es: interrupted; the 600 units translated by this run are saved in locales/es.po');
    const {
      languages: [resumed],
    } = await runTranslate({ ...options, cwd: project });
    expect(resumed?.unitsSent).toBe((report?.unitsSent ?? 0) - 600);
    expect(readFileSync(join(project, 'locales', 'README.es.md'), 'utf8')).toBe(output);
  });

  it('keeps every code block, inline code span and URL', () => {
    expect(after.code).toEqual(before.code);
    expect(after.inlineCode).toEqual(before.inlineCode);
    // Fragments follow the translated headings; every other target resolves to the same file or URL.
    const targets = (urls: readonly string[], folder: string) =>
      urls.map((url) => (url.startsWith('#') ? '#' : resolveUrl(url, folder)));
    expect(targets(after.urls, 'locales')).toEqual(targets(before.urls, '.'));
  });

  it('keeps every strong and emphasis node', () => {
    expect({ strong: after.counts.strong, emphasis: after.counts.emphasis }).toEqual({
      strong: before.counts.strong,
      emphasis: before.counts.emphasis,
    });
  });

  it('keeps every code-shaped identifier as often as the source has it', () => {
    const terms = protectedTerms(source);
    expect(terms.size).toBeGreaterThan(300);
    expect([...terms].filter((term) => countTerm(output, term) < countTerm(source, term))).toEqual([]);
  });

  it('keeps every name a maintainer expects (products, multi-word names, identifiers, paths)', () => {
    const names = expectedNames['lpic-305-300.md'] ?? [];
    expect(names.filter((name) => countTerm(output, name) < countTerm(source, name))).toEqual([]);
  });
});
