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

out=demo-site/leptos-embed/pkg
scripts/wasm-web-build.sh build-embed leptos-embed-demo "$out"
cp widget/style/widget.css "$out/widget.css"
say "wrote $out: $(du -sh "$out" | cut -f1) ($(stat -c %s "$out/leptos_embed_demo_bg.wasm") bytes of wasm, not optimised: a demo)"
