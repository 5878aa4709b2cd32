#!/usr/bin/env bash
# From a fresh clone: install what readme-i18n needs, then translate this repository's own README
# offline (Apertium: Spanish and Catalan) and render every language as HTML and PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
export PUPPETEER_SKIP_DOWNLOAD=1

scripts/install-debian-packages.sh
npm ci --no-audit --no-fund
npm run dogfood

echo
echo "Done. Translations:  $(ls locales/README.*.md | tr '\n' ' ')"
echo "      Memories:      $(ls locales/*.po | tr '\n' ' ')"
echo "      Web pages:     docs/index.html $(ls docs/*/index.html 2>/dev/null | tr '\n' ' ')"
echo "      PDFs:          $(ls docs/pdf/*.pdf 2>/dev/null | tr '\n' ' ')"
echo "Run the tests with: npm test"
