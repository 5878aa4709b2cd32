import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';

// A run killed (SIGKILL) in the middle of writing an output leaves its temporary file beside it;
// the next run removes it and writes the output whole. Real child processes: the kill is the point.
const root = join(import.meta.dirname, '..', '..');
const preload = join(import.meta.dirname, 'children', 'stop-before-flush.mjs');

/**
 * Runs the CLI until it is about to flush a file matching `stopAt` (its temporary file written in
 * full, not yet renamed), then kills it with SIGKILL. Returns the temporary file's name.
 */
async function killWhileWriting(args: readonly string[], cwd: string, stopAt: RegExp): Promise<string> {
  const child = spawn(process.execPath, ['--import', preload, join(root, 'bin', 'readme-i18n.js'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', READMEI18N_TEST_STOP_AT: stopAt.source },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('close', (_code, signal) => resolve(signal)),
  );
  let stderr = '';
  try {
    const path = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const stopped = /^stopped before flushing (.+)$/m.exec(stderr);
        if (stopped) resolve(stopped[1] ?? '');
      });
      void exited.then(() => reject(new Error(`the run ended before the write: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    return path.slice(path.lastIndexOf('/') + 1);
  } finally {
    child.kill('SIGKILL');
  }
}

/** A temporary name of ours (src/temporary-files.ts) for `file`. */
const ours = (file: string) =>
  new RegExp(`^\\.${file.replaceAll('.', '\\.')}\\.(?:\\d+\\.)?[0-9a-f]{12}\\.tmp$`);

describe('a run killed while writing an output', () => {
  it('translate: the next run removes the temporary output, keeps other files, and writes the output whole', async () => {
    const project = (): string => {
      const folder = tempProject();
      writeFileSync(join(folder, 'README.md'), '# Title\n\nSome text, and [a link](https://example.org).\n');
      return folder;
    };
    const args = ['translate', '--lang', 'es', '--engine', 'pseudo'];
    const expected = project();
    expect((await runCli('readme-i18n', args, expected)).status).toBe(0);

    const folder = project();
    const left = await killWhileWriting(args, folder, /\/locales\/\.README\.es\.md\./);
    expect(left).toMatch(ours('README.es.md'));
    const locales = join(folder, 'locales');
    expect(readdirSync(locales)).toContain(left);
    // Not ours to remove: other names, the temporary of another output, and one a live run writes
    // (this test's process); an older version's, naming no pid, goes under the memory's lock.
    const kept = [
      '.README.es.md.backup.tmp',
      '.README.fr.md.0123456789ab.tmp',
      `.README.es.md.${process.pid}.0123456789ab.tmp`,
    ];
    for (const name of [...kept, '.README.es.md.ba9876543210.tmp']) writeFileSync(join(locales, name), 'x');

    const rerun = await runCli('readme-i18n', args, folder);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(readdirSync(locales).sort()).toEqual([...kept, 'README.es.md', 'es.po'].sort());
    expect(readFileSync(join(locales, 'README.es.md'), 'utf8')).toBe(
      readFileSync(join(expected, 'locales', 'README.es.md'), 'utf8'),
    );
  });

  it('render: the next run removes the temporary PDF, keeps other files, and prints the PDF whole', async () => {
    const project = (): string => {
      const folder = tempProject();
      writeFileSync(join(folder, 'README.md'), '# Title\n\nSome text.\n');
      mkdirSync(join(folder, 'locales'));
      writeFileSync(join(folder, 'locales', 'README.es.md'), '# Título\n\nUn texto.\n');
      return folder;
    };
    const args = ['render', '--pdf'];
    const expected = project();
    expect((await runCli('readme-i18n', args, expected)).status).toBe(0);

    const folder = project();
    const left = await killWhileWriting(args, folder, /\/docs\/pdf\/\.README\.es\.pdf\./);
    expect(left).toMatch(ours('README.es.pdf'));
    const pdfs = join(folder, 'docs', 'pdf');
    expect(readdirSync(pdfs)).toContain(left);
    // Render takes no lock: an older version's temporary, naming no pid, could be a live run's.
    const kept = [
      '.README.es.pdf.backup.tmp',
      '.README.es.pdf.ba9876543210.tmp',
      `.README.es.pdf.${process.pid}.0123456789ab.tmp`,
    ];
    for (const name of kept) writeFileSync(join(pdfs, name), 'x');

    const rerun = await runCli('readme-i18n', args, folder);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(readdirSync(pdfs).sort()).toEqual([...kept, 'README.es.pdf', 'README.en.pdf'].sort());
    for (const name of ['README.es.pdf', 'README.en.pdf']) {
      expect(
        readFileSync(join(pdfs, name)).equals(readFileSync(join(expected, 'docs', 'pdf', name))),
        name,
      ).toBe(true);
    }
  });
});
