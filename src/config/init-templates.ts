/** What `readme-i18n init` puts in the files it writes. */
export interface InitChoices {
  readonly source: string;
  readonly langs: readonly string[];
  readonly engine: 'deepl' | 'apertium';
  /** The branch whose pushes run the workflow. */
  readonly branch: string;
  /** The Debian packages of the Apertium pairs the languages need (engine `apertium`). */
  readonly apertiumPackages?: readonly string[];
  /** The Action as `owner/name@<commit SHA>` (default: `actionReference`, a tag to pin). */
  readonly action?: string;
}

export const initConfigFile = 'readme-i18n.config.yaml';
export const initWorkflowFile = '.github/workflows/readme-i18n.yml';

/**
 * Where apt keeps the packages the workflow and the Action install, under the runner's home: the
 * folder the workflow's `actions/cache` step restores and saves (the Action's own installs use it
 * too, `aptArchiveDir` in src/action/runner-checks.ts).
 */
export const aptCacheFolder = '.cache/readme-i18n/apt';

/** The Action's repository on GitHub. */
export const actionRepository = 'readme-i18n/readme-i18n';

/** The Action's release tag, written when no commit is given to pin it to (see `pinInstructions`). */
export const actionReference = `${actionRepository}@v1`;

/** A reference pinned to a full commit SHA, as `owner/name@<40 hex digits>`. */
export const pinnedActionPattern = /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/;

/** How to pin the Action to the commit of its tag, the exact commands. */
export function pinInstructions(workflowFile: string): string {
  return (
    `pin the Action to a commit (a tag can be moved): run\n` +
    `  git ls-remote https://github.com/${actionRepository} 'refs/tags/v1^{}' refs/tags/v1\n` +
    `and in ${workflowFile} replace \`${actionReference}\` with \`${actionRepository}@<the SHA it prints first> # v1\`, ` +
    `or run \`readme-i18n init --force --action ${actionRepository}@<SHA>\``
  );
}

/**
 * The configuration, every key explained. Keys left to their defaults are commented-out examples
 * (a line `# key: value`); uncommented, each is valid, which a test checks.
 */
export function configTemplate(choices: InitChoices): string {
  return `# readme-i18n configuration, written by \`readme-i18n init\`.
# Every key is optional. README_I18N_LANGUAGES and README_I18N_ENGINE in the environment
# override this file, and command-line flags override both.

# The Markdown files to translate (file names or globs).
sources:
  - ${yamlScalar(choices.source)}

# The languages to translate into: ISO 639 codes (fr, ast), with a region or script if needed (pt-BR, zh-Hans).
languages:
${choices.langs.map((lang) => `  - ${lang}`).join('\n')}

# The engine. deepl needs DEEPL_AUTH_KEY; openai needs OPENAI_API_KEY and a model; apertium runs
# offline and needs one Apertium pair per language (\`readme-i18n doctor\` names the package);
# pseudo and identity are for testing.
engine: ${choices.engine}

# The openai engine's model (it reads OPENAI_API_KEY, and OPENAI_BASE_URL for another
# OpenAI-compatible server such as Ollama).
# model: gpt-4o-mini

# Longest wait for one answer of the engine, in seconds.
# timeout: 60

# The language the sources are written in.
# from: en

# DeepL only, how formal each language is (default, more or less).
# formality:
#   fr: more

# Terms never translated, such as product names. Words the README writes as code are kept anyway.
# glossary:
#   - MyProduct

# Fixed translations of terms, per language.
# terms:
#   pull request:
#     fr: demande de fusion

# Where translations go: {lang} is the language, {name} the source file's name without .md.
# out: locales/{name}.{lang}.md

# The translation memory, one PO file per language, so that unchanged text is not sent again.
# memory: locales/{lang}.po

# Front-matter keys whose values are translated.
# frontMatter:
#   - title

# Set to false to leave out the links to the other languages at the top of each translation.
# switcher: false

# Most requests to the engine in flight at once.
# concurrency: 2

# How \`readme-i18n render\` publishes each language as a web page and a PDF.
# render:
#   out: site
#   html: true
#   pdf: true
#   allowRemote: false

# How \`readme-i18n release\` attaches the rendered files to a GitHub Release.
# release:
#   tag: docs-latest
#   assets: site/**/*
#   draft: false
`;
}

/** The workflow that runs the Action when a source or the configuration changes. */
export function workflowTemplate(choices: InitChoices): string {
  const pinned = choices.action !== undefined && pinnedActionPattern.test(choices.action);
  const uses = pinned
    ? `${choices.action}`
    : `${actionReference} # pin to a commit: see the note at the top of this file`;
  const apertium =
    choices.engine === 'apertium'
      ? `      # The apertium engine runs on the runner: the program and one pair per language, installed from
      # the cached packages (apt-get update only when the runner's package lists are out of date).
      - name: Install Apertium
        run: |
          archives="$HOME/${aptCacheFolder}"
          mkdir -p "$archives/partial"
          install_packages() {
            sudo apt-get install -y -qq --no-install-recommends -o Dir::Cache::Archives="$archives" \\
              -o APT::Keep-Downloaded-Packages=true ${['apertium', ...(choices.apertiumPackages ?? [])].join(' ')}
          }
          install_packages || { sudo apt-get update -qq && install_packages; }
          sudo chown -R "$(id -u):$(id -g)" "$archives"
`
      : '';
  const key =
    choices.engine === 'deepl'
      ? `          deepl-key: \${{ secrets.DEEPL_AUTH_KEY }}
`
      : '';
  return `# Translates ${choices.source} with readme-i18n whenever it changes on ${choices.branch}, renders each
# language as a web page and a PDF, and proposes the result as one pull request.
# Written by \`readme-i18n init\`.${
    choices.engine === 'deepl'
      ? `
# The DeepL key comes from the repository secret DEEPL_AUTH_KEY
# (Settings > Secrets and variables > Actions).`
      : ''
  }
# commit: pull-request needs the repository setting Settings > Actions > General > Workflow
# permissions > "Allow GitHub Actions to create and approve pull requests".${
    pinned
      ? ''
      : `
# Pin the Action to a commit, as a tag can be moved: \`git ls-remote https://github.com/${actionRepository} 'refs/tags/v1^{}' refs/tags/v1\`
# prints it; write it as ${actionRepository}@<SHA> # v1.`
  }
name: readme-i18n

on:
  push:
    branches: [${choices.branch}]
    paths:
      - ${yamlScalar(choices.source)}
      - ${initConfigFile}
  workflow_dispatch:

# Least privilege: nothing by default; the job may write the repository's contents and pull requests.
permissions: {}

# One run at a time per branch: a newer push waits instead of racing on the same files.
concurrency:
  group: readme-i18n-\${{ github.ref }}
  cancel-in-progress: false

jobs:
  translate:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    permissions:
      contents: write # commit the translations and publish releases
      pull-requests: write # commit: pull-request opens one pull request
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          persist-credentials: false # the Action pushes with its github-token
      # The fonts (and Apertium packages) apt downloaded in an earlier run, so that this one installs
      # them without downloading them again; saved after the job when the key is new.
      - uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5
        with:
          path: ~/${aptCacheFolder}
          key: readme-i18n-apt-\${{ runner.os }}-\${{ hashFiles('${initWorkflowFile}', '${initConfigFile}') }}
          restore-keys: readme-i18n-apt-\${{ runner.os }}-
${apertium}      - uses: ${uses}
        with:
          # Languages, engine and sources come from ${initConfigFile}; an input given here would win.
${key}          commit: pull-request
`;
}

/** A plain YAML scalar when it is safe to write one, else a quoted one. */
function yamlScalar(value: string): string {
  return /^[\w][\w./-]*$/.test(value) ? value : JSON.stringify(value);
}
