import type { Command } from 'commander';

export interface InitFlags {
  yes?: boolean;
  force?: boolean;
  lang?: string;
  action?: string;
}

/** `readme-i18n init`: writes a commented configuration and a workflow that runs the Action. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write readme-i18n.config.yaml and a GitHub workflow, inferring what can be inferred')
    .option('--lang <codes>', 'target languages, comma-separated (default: those in locales/, else es,fr)')
    .option('--yes', 'ask nothing, even on a terminal')
    .option('--force', 'overwrite the files init writes if they exist')
    .option(
      '--action <ref>',
      'the Action pinned to a commit, owner/name@<full SHA>, for the workflow (default: its v1 tag, with how to pin it)',
    )
    .action(async (flags: InitFlags) => {
      const { runInit } = await import('./run-init.js');
      await runInit(flags);
    });
}
