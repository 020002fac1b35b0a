#!/usr/bin/env bash
# Builds the Leptos embedding example (demo-site/leptos-embed/, crate leptos-embed-demo): a separate Leptos
# app that renders the widget's <ContactWidget/> component. Writes demo-site/leptos-embed/pkg/:
#   leptos_embed_demo.js, leptos_embed_demo_bg.wasm   wasm-bindgen --target web output, loaded by main.js
#   widget.css                                         the widget's stylesheet, which the page links
# server-stub serves it at /demo-site/leptos-embed/ (tests/e2e/embed.spec.mjs opens it in Chromium).
# Needs what scripts/setup.sh installs: the wasm32 target and wasm-bindgen-cli matching Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34m[build-embed]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[build-embed]\033[0m %s\n' "$*" >&2; exit 1; }

locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
installed=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
[[ "$installed" == "$locked" ]] || die "wasm-bindgen CLI ${installed:-missing}, Cargo.lock wants $locked: run scripts/setup.sh"

say "cargo build -p leptos-embed-demo --release --target wasm32-unknown-unknown"
cargo build -p leptos-embed-demo --release --target wasm32-unknown-unknown

out=demo-site/leptos-embed/pkg
say "wasm-bindgen $installed --target web --no-typescript --out-dir $out"
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/release/leptos_embed_demo.wasm
cp widget/style/widget.css "$out/widget.css"
say "wrote $out: $(du -sh "$out" | cut -f1) ($(stat -c %s "$out/leptos_embed_demo_bg.wasm") bytes of wasm, not optimised: a demo)"
