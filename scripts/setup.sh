#!/usr/bin/env bash
# Installs what building and testing the widget need, only where it is missing, and says what it does.
# Idempotent: a second run changes nothing. Nothing is downloaded but from the package registries
# (rustup's dist server, crates.io, npm, Debian), so a prebuilt-binary outage cannot break it.
#
#   scripts/setup.sh            tools to build and run the product
#   scripts/setup.sh --browser  the same plus Debian's chromium and chromium-driver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
else
  say "Rust target wasm32-unknown-unknown: present"
fi
# The test suite's formatting and lint checks (part of rustup's default profile, not of the minimal one).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the Rust component $component"
    rustup component add "$component"
  fi
done

# The CLI must match the wasm-bindgen crate exactly, or the generated glue does not fit the wasm.
source scripts/wasm-bindgen-versions.sh
if [[ "$wasm_bindgen_installed" != "$wasm_bindgen_locked" ]]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_locked (found: ${wasm_bindgen_installed:-none}); this compiles for a few minutes"
  # Not --locked: the CLI's own lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_locked"
else
  say "wasm-bindgen-cli $wasm_bindgen_locked: present"
fi

# npm ci reinstalls from scratch; only do it when node_modules does not match the committed lock file.
if ! npm ls --depth=0 >/dev/null 2>&1; then
  say "installing npm packages from package-lock.json (binaryen's wasm-opt, Playwright)"
  npm ci --no-fund --no-audit
else
  say "npm packages: present"
fi

if $want_browser; then
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get install -y chromium chromium-driver \
      || { $sudo_cmd apt-get update && $sudo_cmd apt-get install -y chromium chromium-driver; }
  else
    say "chromium and chromium-driver: present ($(/usr/bin/chromium --version 2>/dev/null | tr -d '\n'))"
  fi
fi
