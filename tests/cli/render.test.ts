import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { fixturesRoot } from '../helpers/fixtures.js';

describe('readme-i18n render (real Chromium)', () => {
  it('says what is ahead, prints a line per page as it is written, and says which PDFs were already up to date', async () => {
    const project = tempProject(join(fixturesRoot, 'render-site'));
    const first = await runCliHere('readme-i18n', ['render', '--pdf'], project);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const line = (lang: string, state: string) =>
      new RegExp(`^${lang}: docs/pdf/README\\.${lang}\\.pdf \\(PDF \\d+ KiB${state}\\)$`);
    // What is ahead comes first, before Chromium has printed anything.
    const [ahead, ...pageLines] = first.stdout.trim().split('\n');
    expect(ahead).toBe('rendering 3 languages: 3 PDFs to print…');
    const lines = pageLines.sort();
    expect(lines).toEqual([
      expect.stringMatching(line('ar', '')),
      expect.stringMatching(line('en', '')),
      expect.stringMatching(line('ja', '')),
    ]);

    // Nothing changed: no Chromium is needed, and the output says so.
    const again = await runCliHere('readme-i18n', ['render', '--pdf'], project, {
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome',
    });
    expect(again.status).toBe(0);
    expect(again.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(line('en', ', unchanged')),
      expect.stringMatching(line('ar', ', unchanged')),
      expect.stringMatching(line('ja', ', unchanged')),
    ]);
  });
});
