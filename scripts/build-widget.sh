#!/usr/bin/env bash
# Builds the browser widget into dist/widget/ (served by server-stub under /widget/):
#   contact-widget.js              the loader site owners include (short cache: it names the rest)
#   contact-widget-<hash>.css|js|wasm  stylesheet, wasm-bindgen glue, wasm (cacheable forever)
# each with .br and .gz siblings, then prints the size table (bench/size-budget.mjs checks the budgets).
# Needs the tools scripts/setup.sh installs: the wasm32 target, wasm-bindgen-cli matching Cargo.lock,
# and npm's binaryen (wasm-opt 132; Debian's older binaryen breaks externref tables in browsers).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;34m[build-widget]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[build-widget]\033[0m %s\n' "$*" >&2; exit 1; }

wasm_opt=node_modules/.bin/wasm-opt
source scripts/wasm-bindgen-versions.sh
installed=$wasm_bindgen_installed
[[ "$installed" == "$wasm_bindgen_locked" ]] || die "wasm-bindgen CLI ${installed:-missing}, Cargo.lock wants $wasm_bindgen_locked: run scripts/setup.sh"
[[ -x "$wasm_opt" ]] || die "$wasm_opt is missing: run scripts/setup.sh (npm ci)"
command -v node >/dev/null || die "node is missing"

say "cargo build -p contact-widget --release --target wasm32-unknown-unknown"
# JSON messages on stdout (diagnostics still rendered on stderr) name contact-core's build-script output
# folder, where build.rs wrote the loader's launcher texts from widget/core/locales/*.toml.
core_out=$(cargo build -p contact-widget --release --target wasm32-unknown-unknown --message-format=json-render-diagnostics |
  node -e 'let out = ""; require("readline").createInterface({ input: process.stdin }).on("line", (line) => {
    const message = JSON.parse(line);
    if (message.reason === "build-script-executed" && /[/#]contact-core[@#]/.test(message.package_id)) out = message.out_dir;
  }).on("close", () => console.log(out));')
[[ -f "$core_out/loader-locales.json" ]] || die "contact-core's build script wrote no loader-locales.json (out dir: ${core_out:-unknown})"

work=$(mktemp -d "${TMPDIR:-/tmp}/contact-widget-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
say "wasm-bindgen $installed --target web --no-typescript --out-dir $work"
wasm-bindgen --target web --no-typescript --out-name contact-widget --out-dir "$work" \
  target/wasm32-unknown-unknown/release/contact_widget.wasm

# Flags chosen by the brotli size of the result, which is what visitors download (issue 6):
#   --one-caller-inline-max-function-size=15  inlining big functions into their only caller makes the
#       binary a little smaller raw but ~10 KB larger after brotli (the monomorphised copies stop
#       looking alike); 15 was the smallest of 0..1000 measured
#   --converge                 repeats -Oz while it still shrinks the module
#   --low-memory-unused        lets binaryen fold pointer offsets: the first KiB is the far end of the
#       stack (the first MiB, growing down; data start at 1 MiB), reached only by an overflowed stack
#   --strip-producers --strip-target-features  metadata no browser reads
# WASM_OPT_EXTRA adds flags for analysis only, e.g. `-g` keeps function names for a CPU profile.
wasm_opt_flags=(${WASM_OPT_EXTRA:-} -Oz --converge --one-caller-inline-max-function-size=15 --low-memory-unused
  --strip-producers --strip-target-features)
say "$wasm_opt ${wasm_opt_flags[*]} ($($wasm_opt --version))"
before=$(stat -c %s "$work/contact-widget_bg.wasm")
"$wasm_opt" "${wasm_opt_flags[@]}" "$work/contact-widget_bg.wasm" -o "$work/contact-widget_bg.wasm"
say "wasm: $before bytes -> $(stat -c %s "$work/contact-widget_bg.wasm") bytes"

say "node scripts/dist.mjs: hashing, compressing and writing dist/widget/"
node scripts/dist.mjs \
  --wasm "$work/contact-widget_bg.wasm" \
  --glue "$work/contact-widget.js" \
  --css widget/style/widget.css \
  --loader widget/loader/contact-widget.js \
  --locales "$core_out/loader-locales.json" \
  --out dist/widget
