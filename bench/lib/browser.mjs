// Debian's Chromium as every benchmark launches it, and the widget page helpers they share.
//
// Guarantees: no benchmark downloads a browser (the executable is always /usr/bin/chromium, or
// CHROME_PATH); the flags are the end-to-end suite's (playwright.config.mjs), so figures and tests
// describe the same browser.
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tests/chromium.mjs';

export { CHROMIUM_FLAGS, CHROMIUM_PATH };

/** Launches headless Chromium through Playwright. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** Whether a request URL belongs to the host page itself rather than to the widget. */
export function isHostPageRequest(url, origin) {
  const { pathname } = new URL(url, origin);
  return url.startsWith(origin) && (pathname === '/' || pathname === '/favicon.ico' || pathname.startsWith('/demo-site/'));
}
