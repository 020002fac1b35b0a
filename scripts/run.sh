#!/usr/bin/env bash
# Runs the product: builds the widget, the config builder and server-stub, then serves the demo
# travel-agency page, the demo-site pages (the config builder at /demo-site/builder.html), the built
# widget and the callback endpoint on http://127.0.0.1:8080, storing callback requests in an embedded
# SQLite file under data/ (created on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34m[run]\033[0m %s\n' "$*"; }

scripts/setup.sh
say "building the widget (wasm, release)"
scripts/build-widget.sh
say "building the config builder (served at /demo-site/builder.html)"
scripts/build-builder.sh
say "building server-stub"
cargo build --profile server -p server-stub
say "serving http://127.0.0.1:8080 (Ctrl-C stops); stored requests: target/server/server-stub --config server-stub/demo.toml callbacks list"
exec target/server/server-stub --config server-stub/demo.toml
