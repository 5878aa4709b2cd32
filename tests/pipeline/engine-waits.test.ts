import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTranslate } from '../../src/pipeline/translate.js';
import type { WaitEvent } from '../../src/pipeline/translate-language.js';
import { tempProject } from '../helpers/cli.js';
import { startOpenaiServer, type OpenaiServer } from '../servers/openai-server.js';

let server: OpenaiServer;
const saved = { ...process.env };
beforeAll(async () => {
  server = await startOpenaiServer();
  process.env.OPENAI_BASE_URL = server.url;
  process.env.OPENAI_API_KEY = '';
});
afterAll(async () => {
  process.env = saved;
  await server.close();
});

describe('a run waiting on a slow engine', () => {
  it('says so every few seconds while the request is out, then finishes', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'README.md'), '# Title\n\nA paragraph to translate slowly.\n');
    server.setFaults({ delayMs: 5600 });
    const waits: WaitEvent[] = [];
    try {
      const result = await runTranslate(
        { cwd: project, langs: ['fr'], engine: 'openai', model: 'test-model', switcher: false },
        { onWait: (event) => waits.push(event) },
      );
      expect(result.languages.map((report) => [report.lang, report.unitsSent, report.keptSource])).toEqual([
        ['fr', 2, 0],
      ]);
    } finally {
      server.setFaults({});
    }
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(
      waits.every((event) => event.lang === 'fr' && event.file === 'README.md' && event.waitedMs > 0),
    ).toBe(true);
  });
});
