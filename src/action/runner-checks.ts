import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { aptCacheFolder } from '../config/init-templates.js';
import { checkApertium } from '../config/checks/apertium-check.js';
import { findExecutable } from '../config/checks/find-executable.js';
import { outputOf } from '../config/checks/run-command.js';
import { UsageError } from '../errors.js';
import { BrowserMissingError } from '../render/errors.js';
import { findBrowser } from '../render/find-browser.js';
import type { Runner } from './workflow-commands.js';

const run = promisify(execFile);

/** The Debian package with fonts for a language's script: CJK apart, Noto covers the rest. */
export function fontPackageFor(lang: string): string {
  return /^(ja|zh|ko)\b/i.test(lang) ? 'fonts-noto-cjk' : 'fonts-noto-core';
}

export interface RunnerNeeds {
  /** Languages printed as PDFs (the source's included): each needs a font for its script. */
  readonly pdfLangs: readonly string[];
  /** Apertium directions the translation needs, when Apertium is the engine. */
  readonly apertium: { readonly from: string; readonly langs: readonly string[] } | undefined;
  /** The browser the render needs (PDFs), with the `chrome-path` input. */
  readonly browser: { readonly explicit: string | undefined } | undefined;
}

interface Missing {
  readonly what: string;
  readonly pkg: string;
}

/** What the run needs and the machine lacks, each with the Debian package that provides it. */
async function findMissing(needs: RunnerNeeds): Promise<Missing[]> {
  const missing: Missing[] = [];
  if (needs.pdfLangs.length > 0) {
    const fcList = findExecutable('fc-list');
    for (const lang of needs.pdfLangs) {
      const primary = lang.split('-')[0]?.toLowerCase() ?? lang;
      const families =
        fcList === undefined ? undefined : await outputOf(fcList, [`:lang=${primary}`, 'family']);
      if (families === undefined || families.trim() === '') {
        missing.push({
          what: `a font for ${lang} (its PDF would show empty boxes)`,
          pkg: fontPackageFor(lang),
        });
      }
    }
    if (fcList === undefined) missing.push({ what: 'fontconfig', pkg: 'fontconfig' });
  }
  if (needs.apertium !== undefined) {
    const results = await checkApertium({ ...needs.apertium, required: true });
    for (const result of results.filter((candidate) => candidate.status === 'problem')) {
      const install = result.fixes.map((fix) => /^sudo apt-get install (\S+)$/.exec(fix)).find(Boolean);
      missing.push({
        what: `${result.name}: ${result.detail}`,
        pkg: install?.[1] ?? '',
      });
    }
  }
  return missing;
}

/**
 * Checks, before anything is sent to a paid engine, that the runner has what the run needs: a font
 * for each language printed, the Apertium pairs, a browser. On a GitHub-hosted runner (and with
 * `install` on) what is missing is installed with apt; anything still missing stops the run with
 * the exact fix.
 */
export async function checkRunner(
  needs: RunnerNeeds,
  options: { install: boolean; env: Readonly<Record<string, string | undefined>>; runner: Runner },
): Promise<void> {
  let missing = await findMissing(needs);
  const packages = [...new Set(missing.map((item) => item.pkg).filter((pkg) => pkg !== ''))].sort();
  const hosted = options.env.RUNNER_ENVIRONMENT === 'github-hosted' && options.env.RUNNER_OS === 'Linux';
  if (packages.length > 0 && options.install && hosted) {
    const archives = aptArchiveDir(options.env);
    options.runner.log(`installing ${packages.join(' ')} with apt (packages kept in ${archives})`);
    try {
      await aptInstall(packages, archives, options.runner);
      if (packages.some((pkg) => pkg.startsWith('fonts-')))
        await run('fc-cache', ['-f'], { timeout: 120_000 });
    } catch (error) {
      options.runner.warning(`apt-get install ${packages.join(' ')} failed: ${(error as Error).message}`);
    }
    missing = await findMissing(needs);
  }
  const browserMissing = needs.browser === undefined ? undefined : missingBrowser(needs.browser.explicit);
  if (missing.length === 0 && browserMissing === undefined) return;
  // A missing browser alone is its own error (exit 1), as in `readme-i18n render`.
  if (missing.length === 0 && browserMissing !== undefined) throw browserMissing;
  const still = [...new Set(missing.map((item) => item.pkg).filter((pkg) => pkg !== ''))].sort();
  const lines = [
    'this runner lacks what the run needs, so nothing was translated or sent:',
    ...missing.map((item) => `  - ${item.what}`),
    ...(browserMissing === undefined ? [] : [`  - ${browserMissing.message}`]),
  ];
  if (still.length > 0) {
    lines.push(
      'Install it in a step before this one:',
      '  - run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ' + still.join(' '),
    );
    if (!hosted)
      lines.push(
        '(this Action installs it by itself only on GitHub-hosted Linux runners, with install-missing: true)',
      );
  }
  throw new UsageError(lines.join('\n'));
}

/**
 * Where apt keeps the packages it downloads for the Action: a folder of the runner's home that an
 * `actions/cache` step before the Action restores and saves (README: "apt packages cached between
 * runs"), so that a later run installs the fonts and pairs without downloading them again.
 */
export function aptArchiveDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.HOME || homedir(), aptCacheFolder);
}

/**
 * The commands that install `packages` from (and into) the `archives` folder: an install from the
 * package lists the runner has (no download when every package is in the folder already), then, only
 * if that fails (lists out of date), `apt-get update` and the install again.
 */
export function aptCommands(
  packages: readonly string[],
  archives: string,
): { install: string[]; update: string[] } {
  return {
    install: [
      'apt-get',
      'install',
      '-y',
      '-qq',
      '--no-install-recommends',
      '-o',
      `Dir::Cache::Archives=${archives}`,
      '-o',
      'APT::Keep-Downloaded-Packages=true',
      ...packages,
    ],
    update: ['apt-get', 'update', '-qq'],
  };
}

async function aptInstall(packages: readonly string[], archives: string, runner: Runner): Promise<void> {
  const commands = aptCommands(packages, archives);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await mkdir(join(archives, 'partial'), { recursive: true });
  try {
    try {
      await run('sudo', commands.install, { timeout: 600_000, env });
    } catch {
      runner.log('the package lists are out of date: apt-get update, then install again');
      await run('sudo', commands.update, { timeout: 300_000 });
      await run('sudo', commands.install, { timeout: 600_000, env });
    }
  } finally {
    // apt writes as root; the cache step saves the folder after the job as the runner's user.
    const { uid, gid } = userInfo();
    await run('sudo', ['chown', '-R', `${uid}:${gid}`, archives], { timeout: 60_000 }).catch(() => undefined);
  }
}

function missingBrowser(explicit: string | undefined): BrowserMissingError | undefined {
  try {
    findBrowser(explicit, process.env, 'the input chrome-path');
    return undefined;
  } catch (error) {
    if (error instanceof BrowserMissingError) return error;
    throw error;
  }
}
