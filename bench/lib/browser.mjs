// Debian's Chromium as every benchmark launches it, and the widget page helpers they share.
//
// Guarantees: no benchmark downloads a browser (the executable is always /usr/bin/chromium, or
// CHROME_PATH); the flags are the end-to-end suite's (playwright.config.mjs), so figures and tests
// describe the same browser; the load-mode override changes only the `load` field of the served
// configuration and leaves everything else as the site owner wrote it.
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tests/chromium.mjs';

export { CHROMIUM_FLAGS, CHROMIUM_PATH };

/** Launches headless Chromium through Playwright. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * Serves /contact.json with `"load": mode` for the pages of `context`, the configuration otherwise as
 * the server has it. Resolves (once the page has fetched it) to the server's own response, so size
 * reports count the real configuration rather than the rewritten one. Call `stop()` before measuring
 * anything timed: while a route is installed Playwright intercepts every request of the page.
 */
export async function overrideLoadMode(page, mode) {
  let resolveOriginal;
  const original = new Promise((resolve) => { resolveOriginal = resolve; });
  const pattern = '**/contact.json';
  const handler = async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    resolveOriginal({ body, headers: response.headers() });
    await route.fulfill({ response, body: JSON.stringify({ ...JSON.parse(body), load: mode }) });
  };
  await page.route(pattern, handler);
  return { original, stop: () => page.unroute(pattern, handler) };
}

/** Whether a request URL belongs to the host page itself rather than to the widget. */
export function isHostPageRequest(url, origin) {
  const { pathname } = new URL(url, origin);
  return url.startsWith(origin) && (pathname === '/' || pathname === '/favicon.ico' || pathname.startsWith('/demo-site/'));
}
