// How the widget loads on demanding host pages (issue 6): a strict Content Security Policy with Trusted
// Types, pages where WebAssembly cannot run (the loader's plain-link fallback), and what a visitor
// downloads before showing any interest in `load: "interaction"` mode, and what idle time does in the default
// `load: "idle"` mode.
import { test, expect } from '@playwright/test';
import {
  launcher, panel, fallbackPanel, fallbackLinks, openCallbackForm, fillCallbackForm, submitCallbackForm, uniquePhone,
  collectCspViolations, collectConsoleErrors, recordRequests, overrideLoadMode, saveScreenshot,
} from './widget.mjs';

/** The content-hashed wasm's URL. */
const WASM_FILE = /\/widget\/contact-widget-[0-9a-f]{10}\.wasm$/;

/** A readable list of violations for a failure message. */
const describe = (violations) => violations.map((v) => `${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}${v.sample ? ` «${v.sample}»` : ''}`).join('\n');

test('on a strict-CSP page with Trusted Types the widget opens and sends a callback request with 0 violations', async ({ page }) => {
  const violations = await collectCspViolations(page);
  const errors = collectConsoleErrors(page);
  const phone = uniquePhone();
  await page.goto('/demo-site/strict-csp.html');
  // The page carries the issue's policy, Trusted Types included (the next test shows it is enforced).
  expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content))
    .toContain("require-trusted-types-for 'script'");

  const openedAt = await openCallbackForm(page, 'sales');
  await fillCallbackForm(page, { phone: phone.typed, name: 'Вера Строгая' });
  await submitCallbackForm(page, openedAt);
  await expect(page.getByTestId('cw-success')).toContainText(/Заявка принята, номер CB-\d{6}/);
  await saveScreenshot(page, 'strict-csp-callback-sent');

  const seen = await violations();
  expect(seen, `CSP violations:\n${describe(seen)}`).toEqual([]);
  expect(errors.filter((text) => /Content Security Policy|Trusted Type/i.test(text))).toEqual([]);
});

test('the strict-CSP page enforces its policy and Trusted Types, and the listener hears both', async ({ page }) => {
  // Guards the test above against passing because the policy was not in force or nobody listened.
  const violations = await collectCspViolations(page);
  await page.goto('/demo-site/strict-csp.html');
  const htmlSinkRefused = await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = '/demo-site/favicon.svg'; // img-src allows data: only
    document.body.append(image);
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>markup</b>');
      return false;
    } catch (error) {
      return error instanceof TypeError;
    }
  });
  expect(htmlSinkRefused, 'an HTML sink throws under require-trusted-types-for').toBe(true);
  await expect.poll(async () => (await violations()).map((v) => v.directive).sort())
    .toEqual(['img-src', 'require-trusted-types-for']);
});

// The demo configuration (demo-site/contact.json) as the fallback must list it, written out by hand: the
// labels are "action: text" from the core's messages, the hrefs the links panel.spec.mjs expects.
const SUBJECT_SALES = '%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D0%BE%20%D1%82%D1%83%D1%80%D0%B5';
const BODY_SALES = '%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%21%20%D0%A5%D0%BE%D1%87%D1%83%20'
  + '%D0%BF%D0%BE%D0%B4%D0%BE%D0%B1%D1%80%D0%B0%D1%82%D1%8C%20%D1%82%D1%83%D1%80.%0D%0A%D0%9D%D0%B0%D0%BF%D1%80%D0%B0'
  + '%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5%3A%0D%0A%D0%94%D0%B0%D1%82%D1%8B%3A%0D%0A%D0%A1%D0%BA%D0%BE%D0%BB%D1%8C%D0%BA'
  + '%D0%BE%20%D1%87%D0%B5%D0%BB%D0%BE%D0%B2%D0%B5%D0%BA%3A';
const WHATSAPP_TEXT = '%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%21%20'
  + '%D0%A5%D0%BE%D1%87%D1%83%20%D0%BF%D0%BE%D0%B4%D0%BE%D0%B1%D1%80%D0%B0%D1%82%D1%8C%20%D1%82%D1%83%D1%80.';
const FALLBACK_LINKS = [
  { department: 'Продажи', label: 'Позвонить: +7 495 123-45-67', note: 'многоканальный', href: 'tel:+74951234567' },
  { department: 'Продажи', label: 'Позвонить: +7 800 123-45-67', note: 'бесплатно по России', href: 'tel:+78001234567' },
  {
    department: 'Продажи', label: 'Написать на почту: sales@yuzhny-veter.example', note: null,
    href: `mailto:sales@yuzhny-veter.example?subject=${SUBJECT_SALES}&body=${BODY_SALES}`,
  },
  { department: 'Продажи', label: 'Написать в WhatsApp: +7 916 123-45-67', note: null, href: `https://wa.me/79161234567?text=${WHATSAPP_TEXT}` },
  { department: 'Продажи', label: 'Написать в Telegram: @yuzhny_veter', note: null, href: 'https://t.me/yuzhny_veter' },
  { department: 'Продажи', label: 'Написать в Viber: +7 916 123-45-67', note: null, href: 'viber://chat?number=%2B79161234567' },
  { department: 'Продажи', label: 'Написать в MAX: max.ru/yuzhny_veter', note: null, href: 'https://max.ru/yuzhny_veter' },
  { department: 'Сервис', label: 'Позвонить: +7 495 123-45-68, доб. 204', note: 'круглосуточно', href: 'tel:+74951234568,204' },
  {
    department: 'Сервис', label: 'Написать на почту: service@yuzhny-veter.example', note: null,
    href: 'mailto:service@yuzhny-veter.example?subject=%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D0%BF%D0%BE%20'
      + '%D0%B7%D0%B0%D0%B1%D1%80%D0%BE%D0%BD%D0%B8%D1%80%D0%BE%D0%B2%D0%B0%D0%BD%D0%BD%D0%BE%D0%B9%20%D0%BF%D0%BE%D0%B5%D0%B7%D0%B4%D0%BA%D0%B5',
  },
  { department: 'Сервис', label: 'Написать во ВКонтакте: yuzhny_veter', note: null, href: 'https://vk.me/yuzhny_veter' },
  {
    department: 'Сервис', label: 'Отправить SMS: +7 916 123-45-68', note: null,
    href: 'sms:+79161234568?body=%D0%9D%D0%BE%D0%BC%D0%B5%D1%80%20%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7%D0%B0%3A%20',
  },
  { department: 'Бухгалтерия', label: 'Позвонить: +7 495 123-45-69', note: 'счета, акты, сверки', href: 'tel:+74951234569' },
  {
    department: 'Бухгалтерия', label: 'Написать на почту: buh@yuzhny-veter.example', note: null,
    href: 'mailto:buh@yuzhny-veter.example?subject=%D0%A1%D1%87%D1%91%D1%82%20%D0%B8%20%D0%B7%D0%B0%D0%BA%D1%80%D1%8B%D0%B2%D0%B0'
      + '%D1%8E%D1%89%D0%B8%D0%B5%20%D0%B4%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82%D1%8B',
  },
];

/** Taps the launcher and asserts that the fallback lists exactly the demo configuration's links within 2 s. */
async function expectFallbackWithin2s(page) {
  await expect(launcher(page)).toBeVisible();
  const tappedAt = Date.now();
  await launcher(page).click();
  await expect(fallbackPanel(page)).toBeVisible({ timeout: 2_000 });
  await expect(fallbackPanel(page).getByTestId('cw-fallback-link')).toHaveCount(FALLBACK_LINKS.length, { timeout: 2_000 - (Date.now() - tappedAt) });
  expect(Date.now() - tappedAt, 'tap → links (ms)').toBeLessThan(2_000);
  expect(await fallbackLinks(page)).toEqual(FALLBACK_LINKS);
  await expect(page.getByRole('dialog', { name: 'Южный ветер' })).toBeVisible();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
  // Messenger web links open beside the page, as in the wasm panel.
  await expect(fallbackPanel(page).locator('a[href^="https://t.me/"]')).toHaveAttribute('rel', 'noopener noreferrer');
}

for (const load of ['idle', 'interaction']) {
  test(`where the CSP forbids WebAssembly, a tap lists every contact as a plain link within 2 s (load: ${load})`, async ({ page }) => {
    const violations = await collectCspViolations(page);
    if (load !== 'idle') await overrideLoadMode(page, load);
    await page.goto('/demo-site/no-wasm.html');
    await expectFallbackWithin2s(page);
    // The wasm panel never appeared; the only violation is the refused WebAssembly compilation.
    await expect(page.getByTestId('cw-panel')).toHaveCount(0);
    const seen = await violations();
    expect(seen.map((v) => v.directive), describe(seen)).toEqual(['script-src']);
    expect(seen[0].blocked).toBe('wasm-eval');
    await saveScreenshot(page, `no-wasm-fallback-${load}`);
  });
}

test('without WebAssembly in the browser, the fallback lists the links and the wasm is never downloaded', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  const requests = recordRequests(page);
  await page.goto('/');
  await expectFallbackWithin2s(page);
  const widgetCode = requests.filter((url) => /\/widget\/contact-widget-[0-9a-f]+\.(js|wasm)$/.test(url));
  expect(widgetCode).toEqual([]);
});

test('the fallback closes on Escape and from its button, giving focus back to the launcher, and the launcher toggles it', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('/');
  await launcher(page).click();
  await expect(fallbackPanel(page)).toBeVisible();
  await expect(fallbackPanel(page).getByTestId('cw-close')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(fallbackPanel(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');

  await launcher(page).click();
  await expect(fallbackPanel(page)).toBeVisible();
  await fallbackPanel(page).getByTestId('cw-close').click();
  await expect(fallbackPanel(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();

  await launcher(page).click();
  await expect(fallbackPanel(page)).toBeVisible();
  await launcher(page).click();
  await expect(fallbackPanel(page)).toBeHidden();
});

test('on a network too slow for the wasm, a tap lists the plain links after 1.5 s, and the panel takes over once they are closed', async ({ page }) => {
  await overrideLoadMode(page, 'interaction');
  // The glue and the wasm take 5 s to arrive; everything else is served at once.
  let releaseCode;
  const codeHeld = new Promise((resolve) => { releaseCode = resolve; });
  await page.route(/\/widget\/contact-widget-[0-9a-f]{10}\.(js|wasm)$/, async (route) => {
    await Promise.race([codeHeld, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await route.continue();
  });
  await page.goto('/');
  await expect(launcher(page)).toBeVisible();
  const tappedAt = Date.now();
  await launcher(page).click();
  await expect(launcher(page)).toHaveAttribute('aria-busy', 'true');
  await expect(fallbackPanel(page)).toBeVisible({ timeout: 3_000 });
  expect(Date.now() - tappedAt, 'tap → links (ms)').toBeGreaterThanOrEqual(1_400);
  expect(await fallbackLinks(page)).toEqual(FALLBACK_LINKS);
  await expect(launcher(page)).toHaveAttribute('aria-busy', 'false');

  // The code arrives while the links are open: they stay, the panel waits closed behind them.
  releaseCode();
  await expect(panel(page)).toBeAttached();
  await page.waitForTimeout(300);
  await expect(fallbackPanel(page)).toBeVisible();
  await expect(panel(page)).toBeHidden();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');

  // Closed, the links give way: the next tap opens the panel, and only one dialog is left.
  await page.keyboard.press('Escape');
  await expect(launcher(page)).toBeFocused();
  await expect(fallbackPanel(page)).toHaveCount(0);
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).locator('[data-testid=cw-contact]')).toHaveCount(13);
  await expect(page.locator('[role=dialog]')).toHaveCount(1);
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
});

test('the fallback is not fetched where the wasm runs, not even after the slow-start delay of a cold tap', async ({ page }) => {
  await overrideLoadMode(page, 'interaction');
  const errors = collectConsoleErrors(page);
  const requests = recordRequests(page);
  await page.goto('/');
  await launcher(page).click();
  await expect(page.getByTestId('cw-panel')).toBeVisible();
  await page.waitForTimeout(2_000);
  await expect(fallbackPanel(page)).toHaveCount(0);
  expect(requests.filter((url) => url.includes('fallback.json'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('in "interaction" mode only the loader, its stylesheet and the configuration load before the launcher is hovered', async ({ page }) => {
  await overrideLoadMode(page, 'interaction');
  const requests = recordRequests(page);
  const widgetRequests = () => requests
    .map((url) => new URL(url))
    .filter((url) => url.pathname.startsWith('/widget/') || url.pathname === '/contact.json')
    .map((url) => url.pathname.replace(/-[0-9a-f]{10}\./, '-<hash>.'));

  await page.goto('/');
  await expect(launcher(page)).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(2_000);
  // The stylesheet draws the launcher; the glue, the wasm and the fallback wait for intent.
  expect(widgetRequests()).toEqual(['/widget/contact-widget.js', '/contact.json', '/widget/contact-widget-<hash>.css']);

  // Intent fetches the glue and the wasm side by side, in either order, and starts the loader again as
  // the worker that warms ICU during the download (its script comes from the HTTP cache).
  await launcher(page).hover();
  await expect.poll(() => widgetRequests().sort()).toEqual([
    '/contact.json', '/widget/contact-widget-<hash>.css', '/widget/contact-widget-<hash>.js',
    '/widget/contact-widget-<hash>.wasm', '/widget/contact-widget.js', '/widget/contact-widget.js',
  ]);
});

test('the widget requests nothing but its loader before the host page has painted its content', async ({ page }) => {
  await page.goto('/');
  await expect(launcher(page)).toBeVisible();
  await expect.poll(async () => (await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name)))
    .some((name) => WASM_FILE.test(name))).toBe(true);
  const { firstPaint, widgetRequests } = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    widgetRequests: performance.getEntriesByType('resource')
      .filter((entry) => /\/(widget\/contact-widget-|contact\.json)/.test(entry.name))
      .map((entry) => ({ path: new URL(entry.name).pathname, start: Math.round(entry.startTime) })),
  }));
  expect(firstPaint, 'the page reported its first contentful paint').toBeGreaterThan(0);
  // The configuration, the stylesheet, the glue and the wasm: all requested after the page painted.
  expect(widgetRequests.map((request) => request.path.replace(/-[0-9a-f]{10}\./, '-<hash>.')).sort()).toEqual([
    '/contact.json', '/widget/contact-widget-<hash>.css', '/widget/contact-widget-<hash>.js', '/widget/contact-widget-<hash>.wasm',
  ]);
  for (const request of widgetRequests) {
    expect(request.start, `${request.path} requested at ${request.start} ms, first paint at ${Math.round(firstPaint)} ms`)
      .toBeGreaterThanOrEqual(firstPaint);
  }
});

test('in "idle" mode the wasm is downloaded once the page has loaded, and the widget is built once the visitor engages with the page', async ({ page }) => {
  const requests = recordRequests(page);
  const wasmRequested = () => requests.some((url) => WASM_FILE.test(url));
  await page.goto('/');
  await expect(launcher(page)).toBeVisible();
  await expect.poll(wasmRequested).toBe(true);
  await page.waitForLoadState('networkidle');
  // Downloaded and compiled off the main thread; nothing instantiated, nothing drawn, while nobody engages.
  await page.waitForTimeout(1_000);
  await expect(panel(page)).toHaveCount(0);

  // A scroll is a sign of engagement: idle time mounts the panel and builds every contact, still hidden.
  await page.mouse.wheel(0, 400);
  await expect(panel(page)).toBeAttached();
  await expect(panel(page)).toBeHidden();
  const contacts = panel(page).locator('[data-testid=cw-contact]');
  await expect(contacts).toHaveCount(13);
  await expect(contacts.first()).toBeHidden();
  await page.mouse.wheel(0, -400);
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  await expect(contacts.first()).toBeVisible();
  await expect(contacts).toHaveCount(13);
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
});

test('in "eager" mode the widget is rehearsed in the worker and built in short steps without waiting for the visitor, and a tap opens it', async ({ page }) => {
  await overrideLoadMode(page, 'eager');
  await page.goto('/');
  // No input at all: the panel is mounted and every contact built, still hidden.
  const contacts = panel(page).locator('[data-testid=cw-contact]');
  await expect(contacts).toHaveCount(13);
  await expect(panel(page)).toBeHidden();
  const steps = await page.evaluate(() => ({
    compiledAhead: performance.getEntriesByName('contact-widget: compiled ahead', 'mark').map((mark) => mark.startTime),
    read: performance.getEntriesByName('contact-widget: read', 'measure').map((measure) => measure.startTime),
    builds: performance.getEntriesByName('contact-widget: build', 'measure').length,
  }));
  expect(steps.compiledAhead).toHaveLength(1);
  expect(steps.read).toHaveLength(1);
  expect(steps.read[0]).toBeGreaterThan(steps.compiledAhead[0]);
  // One part per task, not the whole panel in the task that mounts it.
  expect(steps.builds).toBeGreaterThan(1);

  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  await expect(contacts.first()).toBeVisible();
});

for (const [name, connection] of [['asks to save data', { saveData: true, effectiveType: '4g' }], ['is on 2G', { saveData: false, effectiveType: '2g' }]]) {
  test(`a visitor whose browser ${name} downloads the wasm only on intent, and a tap still opens the panel`, async ({ page }) => {
    await page.addInitScript((value) => {
      Object.defineProperty(Navigator.prototype, 'connection', { get: () => value, configurable: true });
    }, connection);
    const requests = recordRequests(page);
    const wasmRequested = () => requests.some((url) => WASM_FILE.test(url));
    await page.goto('/');
    await expect(launcher(page)).toBeVisible();
    await page.waitForLoadState('networkidle');
    // Idle time and engagement, which prefetch and prepare the widget for everyone else, fetch nothing.
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(1_500);
    expect(wasmRequested()).toBe(false);
    await expect(panel(page)).toHaveCount(0);

    await page.mouse.wheel(0, -400);
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    expect(wasmRequested()).toBe(true);
  });
}

test('on the strict-CSP page, the worker warms ICU and rehearses the widget once the wasm is compiled, and engaging builds the hidden panel, with 0 violations', async ({ page }) => {
  const violations = await collectCspViolations(page);
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await page.goto('/demo-site/strict-csp.html');
  await page.waitForLoadState('networkidle');
  // The loader itself, same-origin here, is the worker, its URL passed through a Trusted Types policy;
  // it needs no engagement (it runs off the page's main thread), the panel does.
  await expect.poll(() => workers).toEqual(['/widget/contact-widget.js']);
  await expect(panel(page)).toHaveCount(0);
  await page.mouse.wheel(0, 100);
  await expect(panel(page).locator('[data-testid=cw-contact]').first()).toBeAttached();
  await expect(panel(page)).toBeHidden();
  expect(workers).toEqual(['/widget/contact-widget.js']);
  // The worker's rehearsal on the page's module ran to its end before the page read the configuration.
  const steps = await page.evaluate(() => ({
    compiledAhead: performance.getEntriesByName('contact-widget: compiled ahead', 'mark').map((mark) => mark.startTime),
    read: performance.getEntriesByName('contact-widget: read', 'measure').map((measure) => measure.startTime),
  }));
  expect(steps.compiledAhead).toHaveLength(1);
  expect(steps.read).toHaveLength(1);
  expect(steps.read[0]).toBeGreaterThan(steps.compiledAhead[0]);
  const seen = await violations();
  expect(seen, `CSP violations:\n${describe(seen)}`).toEqual([]);
});

// The rehearsal mounts the panel, opens it and its callback form (which fetches a fill-time token) and
// closes it, reading the page's configuration, in the worker's own instance: the page must hear none
// of it, and the visitor's first tap must be the first open the page hears of.
for (const [where, url, reports] of [
  ['the demo page', '/', 0],
  ['a page whose configuration has problems', '/demo-site/bad-config.html', 1],
]) {
  test(`the worker rehearses the widget unseen on ${where}: no event, request or message of its own reaches the page`, async ({ page }) => {
    await page.addInitScript(() => {
      window.__widgetEvents = [];
      for (const type of ['open', 'close']) {
        addEventListener(type, (event) => {
          if (event.target.localName === 'contact-widget') window.__widgetEvents.push(type);
        }, true);
      }
    });
    const errors = collectConsoleErrors(page);
    const workerMessages = [];
    page.on('worker', (worker) => worker.on('console', (message) => workerMessages.push(message.text())));
    const apiRequests = [];
    page.context().on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) apiRequests.push(pathname);
    });
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('contact-widget: compiled ahead', 'mark').length)).toBe(1);
    await page.mouse.wheel(0, 100);
    await expect(panel(page).locator('[data-testid=cw-contact]').first()).toBeAttached();
    expect(await page.evaluate(() => window.__widgetEvents)).toEqual([]);
    await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(apiRequests).toEqual([]);
    expect(workerMessages).toEqual([]);
    expect(errors.filter((text) => text.includes('contact-widget'))).toHaveLength(reports);

    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
    expect(await page.evaluate(() => window.__widgetEvents)).toEqual(['open']);
  });
}

test('the first tap builds what idle time has not: a tap before any engagement opens the whole panel', async ({ page }) => {
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await expect(panel(page)).toHaveCount(0);
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).locator('[data-testid=cw-contact]')).toHaveCount(13);
});

test('a server that sends the wasm with another content type still gets a working widget after idle prefetch', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.route(WASM_FILE, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  const wasmServed = page.waitForResponse(/\.wasm$/);
  await page.goto('/');
  expect((await wasmServed).headers()['content-type']).toBe('application/octet-stream');
  await page.waitForLoadState('networkidle');
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  await expect(fallbackPanel(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});
