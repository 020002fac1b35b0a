#!/usr/bin/env bash
# Builds one small wasm page app for the browser: `cargo build -p CRATE --release` for wasm32, then
# `wasm-bindgen --target web` into OUT (emptied first), with the CLI at Cargo.lock's exact version.
# Shared by scripts/build-embed.sh and scripts/build-builder.sh; the widget itself has its own
# optimising build (scripts/build-widget.sh).
# Usage: scripts/wasm-web-build.sh TAG CRATE OUT   (TAG prefixes the log lines)
set -euo pipefail
cd "$(dirname "$0")/.."
tag=$1 crate=$2 out=$3
say() { printf '\033[1;34m[%s]\033[0m %s\n' "$tag" "$*"; }
die() { printf '\033[1;31m[%s]\033[0m %s\n' "$tag" "$*" >&2; exit 1; }

source scripts/wasm-bindgen-versions.sh
installed=$wasm_bindgen_installed
[[ "$installed" == "$wasm_bindgen_locked" ]] || die "wasm-bindgen CLI ${installed:-missing}, Cargo.lock wants $wasm_bindgen_locked: run scripts/setup.sh"

say "cargo build -p $crate --release --target wasm32-unknown-unknown"
cargo build -p "$crate" --release --target wasm32-unknown-unknown

say "wasm-bindgen $installed --target web --no-typescript --out-dir $out"
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "target/wasm32-unknown-unknown/release/${crate//-/_}.wasm"
