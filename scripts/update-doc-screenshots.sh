#!/usr/bin/env bash
# Copies chosen screenshots from artifacts/screenshots/ (where the end-to-end tests write them, on every run)
# into docs/screenshots/ (what README.md shows), on purpose and only here: tests never write under docs/.
#
#   scripts/update-doc-screenshots.sh          copy from the artifacts of the last test run
#   scripts/update-doc-screenshots.sh --run    first run tests/e2e/screens.spec.mjs to take fresh ones
#                                              (extra arguments go to playwright, e.g. -c my.config.mjs)
#
# Fails, copying nothing, if any chosen screenshot is missing. Review `git diff --stat docs/` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34m[doc-screenshots]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[doc-screenshots]\033[0m %s\n' "$*" >&2; exit 1; }

# docs/screenshots/<name>  <-  artifacts/screenshots/<name> (written by tests/e2e/screens.spec.mjs)
CHOSEN=(
  "panel-desktop.png  ru-panel-1280x800.png"   # README: the open panel on the demo page
  "hours-view.png     ru-hours-1280x800.png"   # README: a visitor in Yekaterinburg, the company in Moscow
)

if [[ "${1:-}" == --run ]]; then
  shift
  say "npx playwright test tests/e2e/screens.spec.mjs $*"
  npx playwright test tests/e2e/screens.spec.mjs "$@"
fi

for pair in "${CHOSEN[@]}"; do
  read -r _ source <<<"$pair"
  [[ -f "artifacts/screenshots/$source" ]] \
    || die "artifacts/screenshots/$source is missing: run the end-to-end tests first (or pass --run)"
done

mkdir -p docs/screenshots
for pair in "${CHOSEN[@]}"; do
  read -r target source <<<"$pair"
  cp "artifacts/screenshots/$source" "docs/screenshots/$target"
  say "docs/screenshots/$target <- artifacts/screenshots/$source"
done

# Every image README.md links to must exist.
missing=0
while read -r image; do
  [[ -f "$image" ]] || { printf 'README.md links to a missing image: %s\n' "$image" >&2; missing=1; }
done < <(grep -o '](docs/screenshots/[^)]*)' README.md | sed 's/^](//; s/)$//')
(( missing == 0 )) || die "README.md links to missing screenshots"
