import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { OfflineReleasePlan, PublishReport } from '../publish/publish-release.js';

interface ReleaseFlags {
  tag?: string;
  assets?: string[];
  draft?: boolean;
  dryRun?: boolean;
  report?: string;
  allowOutsideRepo?: boolean;
}

/** `readme-i18n release`: the flags, parsed here; the work, done by `publishRelease`. */
export function registerRelease(program: Command): void {
  program
    .command('release')
    .description(
      'create or update the GitHub Release for a tag and attach the PDFs (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL from the environment)',
    )
    .option('--tag <tag>', 'the release tag, e.g. v1.2.0 (default: release.tag of the configuration)')
    .option(
      '--assets <glob>',
      "files to attach; repeat for more (default: 'docs/pdf/*.pdf')",
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--draft', 'create the release as a draft (an existing release keeps its state)')
    .option('--dry-run', 'show what would change, change nothing')
    .option('--report <file>', 'output of `readme-i18n translate --json`, for how complete each language is')
    .option('--allow-outside-repo', 'allow assets and the report outside the repository (default: refused)')
    .action(async (flags: ReleaseFlags) => {
      const [
        { loadSettings },
        { gitHubTargetFromEnv, offlineTargetFromEnv },
        { planRelease, publishRelease },
        { readLanguageReport },
        { findRepository, repositoryPath },
      ] = await Promise.all([
        import('../config/load-settings.js'),
        import('../publish/github-env.js'),
        import('../publish/publish-release.js'),
        import('../publish/read-language-report.js'),
        import('../repository-paths.js'),
      ]);
      // The configuration's `release` keys under the flags: defaults, file, environment, flags.
      const configured = (await loadSettings(process.cwd())).settings.release ?? {};
      const tag = flags.tag ?? configured.tag;
      if (tag === undefined) {
        throw new UsageError(
          'no release tag: pass --tag, for example --tag v1.2.0, or set release.tag in readme-i18n.config.yaml',
        );
      }
      const repository = await findRepository(process.cwd(), { allowOutside: flags.allowOutsideRepo });
      const report = flags.report;
      if (report !== undefined) await repositoryPath(repository, report, '--report', { from: process.cwd() });
      const assets = flags.assets ?? (configured.assets === undefined ? undefined : [configured.assets]);
      if (flags.dryRun === true && (process.env.GITHUB_TOKEN ?? '') === '') {
        // Without a token nothing can be looked up: say what a run would attach, ask GitHub nothing.
        if (report !== undefined) await readLanguageReport(report);
        const plan = await planRelease({ tag, assets, allowOutsideRepo: flags.allowOutsideRepo });
        printOfflinePlan(plan, offlineTargetFromEnv(process.env));
        return;
      }
      const target = gitHubTargetFromEnv(process.env);
      const published = await publishRelease({
        target,
        tag,
        assets,
        draft: flags.draft ?? configured.draft,
        dryRun: flags.dryRun,
        languages: report === undefined ? undefined : await readLanguageReport(report),
        allowOutsideRepo: flags.allowOutsideRepo,
      });
      printReport(published);
    });
}

function printReport(report: PublishReport): void {
  const would = report.dryRun ? 'would be ' : '';
  process.stdout.write(
    `release ${report.tag}: ${would}${report.release}${report.url ? ` ${report.url}` : ''}\n`,
  );
  const lines: Array<[string, string[]]> = [
    ['deleted (incomplete upload)', report.removedIncomplete],
    ['uploaded', report.uploaded],
    ['replaced', report.replaced],
    ['unchanged', report.unchanged],
  ];
  for (const [label, names] of lines) {
    if (names.length > 0) process.stdout.write(`  ${would}${label}: ${names.join(', ')}\n`);
  }
}

function printOfflinePlan(
  plan: OfflineReleasePlan,
  target: { repository: string | undefined; needs: string[] },
): void {
  const where = target.repository === undefined ? '' : ` in ${target.repository}`;
  process.stdout.write(
    `release ${plan.tag}${where}: not looked up (dry run without GITHUB_TOKEN: nothing was asked of GitHub)\n` +
      `  would create it, or update the notes of an existing one\n` +
      `  would upload, or replace where the bytes differ: ${plan.assets.join(', ')}\n` +
      `a real run needs ${target.needs.join(' and ')}\n`,
  );
}
