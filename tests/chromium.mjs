// Debian's Chromium as the end-to-end tests and the benchmarks launch it, defined once so that the
// figures and the tests describe the same browser. Never a downloaded browser: CHROME_PATH when set
// (chrome-launcher's convention), else /usr/bin/chromium.

/** The Chromium executable. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** No sandbox (root in CI), no GPU, and no background traffic: this machine's network is closed. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
