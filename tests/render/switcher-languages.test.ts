import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSite } from '../../src/render/render-site.js';
import { tempProject } from '../helpers/cli.js';

describe('switchers of a partial render', () => {
  it('list every language present, on the pages rendered now and on the source page', async () => {
    const root = tempProject();
    await mkdir(join(root, 'locales'));
    await writeFile(join(root, 'README.md'), '# Hello\n');
    for (const lang of ['ca-valencia', 'en-XA', 'es', 'fr'])
      await writeFile(join(root, 'locales', `README.${lang}.md`), `# ${lang}\n`);
    const report = await renderSite({ root, langs: ['en-XA', 'ca-valencia'], html: true });
    expect(report.pages.map((page) => page.lang)).toEqual(['en', 'en-XA', 'ca-valencia']);
    const nav = async (page: string): Promise<string[]> => {
      const html = await readFile(join(root, 'docs', page), 'utf8');
      const switcher = /<nav class="readme-i18n-switcher"[^]*?<\/nav>/.exec(html)?.[0] ?? '';
      return [...switcher.matchAll(/(?:hreflang|<strong) ?(?:="[^"]*" )?lang="([^"]+)"/g)].map(
        (match) => match[1] ?? '',
      );
    };
    const every = ['en', 'ca-valencia', 'en-XA', 'es', 'fr'];
    expect(await nav('index.html')).toEqual(every);
    expect(await nav('en-XA/index.html')).toEqual(every);
    expect(await nav('ca-valencia/index.html')).toEqual(every);
  });
});
