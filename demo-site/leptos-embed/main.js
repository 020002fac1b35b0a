// Starts the Leptos app: the wasm-bindgen glue (scripts/build-embed.sh, `--target web`) instantiates the
// wasm, whose `#[wasm_bindgen(start)]` function mounts the page.
import init from './pkg/leptos_embed_demo.js';

init({ module_or_path: new URL('./pkg/leptos_embed_demo_bg.wasm', import.meta.url) })
  .catch((error) => console.error('[leptos-embed-demo] could not start:', error));
