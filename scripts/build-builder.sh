#!/usr/bin/env bash
# Builds the config builder's validator (demo-site/builder/, crate config-builder): contact-core's
# configuration reader with the browser's time zones, as wasm. Writes demo-site/builder/pkg/:
#   config_builder.js, config_builder_bg.wasm   wasm-bindgen --target web output, loaded by builder.js
# server-stub serves it at /demo-site/builder/; the page is /demo-site/builder.html
# (tests/e2e/builder.spec.mjs opens it in Chromium).
# Needs what scripts/setup.sh installs: the wasm32 target and wasm-bindgen-cli matching Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34m[build-builder]\033[0m %s\n' "$*"; }

out=demo-site/builder/pkg
scripts/wasm-web-build.sh build-builder config-builder "$out"
say "wrote $out: $(du -sh "$out" | cut -f1) ($(stat -c %s "$out/config_builder_bg.wasm") bytes of wasm, not optimised: a tool page)"
