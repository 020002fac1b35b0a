# Sourced by scripts/setup.sh and the wasm build scripts (run from the repository root): the
# wasm-bindgen version Cargo.lock pins and the installed CLI's (empty when missing). They must be equal,
# or the glue the CLI generates does not fit the wasm the crate built.
wasm_bindgen_locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
wasm_bindgen_installed=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
