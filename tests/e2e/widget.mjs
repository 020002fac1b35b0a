// Page object for the contact widget, split into find / act / check helpers.
// Playwright's locators pierce the widget's open shadow root, so tests address elements by data-testid.
import { expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// find
export const launcher = (page) => page.getByTestId('cw-launcher');
export const panel = (page) => page.getByTestId('cw-panel');
export const contacts = (page) => page.getByTestId('cw-contact');
export const department = (page, id) => page.getByTestId(`cw-dept-${id}`);

/** Every contact link as { channel, href, text }, in document order. */
export async function contactLinks(scope) {
  return scope.getByTestId('cw-contact').evaluateAll((links) =>
    links.map((a) => ({
      channel: a.dataset.channel,
      href: a.getAttribute('href'),
      text: a.textContent.replace(/\s+/g, ' ').trim(),
    })),
  );
}

// act
export async function openPanel(page) {
  await expect(launcher(page)).toBeVisible();
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
}

/** Records console errors from the page so a test can assert on exactly what the widget logged. */
export function collectConsoleErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Where tests write screenshots: `artifacts/screenshots/` at the repository root, whatever the working directory.
 * Tests never write under `docs/`: scripts/update-doc-screenshots.sh copies chosen ones there on purpose. */
export const SCREENSHOT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'artifacts', 'screenshots');

/** Saves a screenshot as `artifacts/screenshots/<name>.png` (kept by CI as a test artifact); returns its path. */
export async function saveScreenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// check
/** Asserts that every visible interactive element of the widget is at least 44×44 CSS px. */
export async function expectTapTargetsAtLeast44px(page) {
  // Boxes are read once the panel's entrance has finished: while it slides in, its transform can put a
  // 44 px button at 43.99999 px.
  await page.getByTestId('cw-panel').evaluate((panel) => Promise.all(panel.getAnimations({ subtree: true }).map((animation) => animation.finished)));
  const targets = page.locator('[data-testid=cw-panel] a, [data-testid=cw-panel] button, [data-testid=cw-launcher]');
  const count = await targets.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const target = targets.nth(i);
    if (!(await target.isVisible())) continue;
    const box = await target.boundingBox();
    expect.soft(box.height, `height of ${await target.getAttribute('data-testid')} #${i}`).toBeGreaterThanOrEqual(44);
    expect.soft(box.width, `width of ${await target.getAttribute('data-testid')} #${i}`).toBeGreaterThanOrEqual(44);
  }
}

// Callback form (tests/e2e/callback.spec.mjs)
// find
export const callbackOpen = (page, departmentId) => department(page, departmentId).getByTestId('cw-callback-open');
export const phoneField = (page) => page.getByTestId('cw-phone');
export const nameField = (page) => page.getByTestId('cw-name');
export const submitButton = (page) => page.getByTestId('cw-submit');
/** "Заявка отправлена, номер …" where the visitor sees it: in the form that saved the request, or above the contacts
 * (the contacts view keeps its own copy while hidden behind the form). */
export const sentNotice = (page) => page.getByTestId('cw-sent').filter({ visible: true });

/** The server's `min_fill_seconds` in tests/e2e/server.toml, plus a margin: a form sent sooner is quarantined. */
export const MIN_FILL_MS = 1_500;

/** A Russian mobile number no other test uses, as a visitor types it (`8 9xx …`) and as it is stored (`+79xx…`),
 * so the server's one-lead-per-phone-per-10-minutes rule never merges two tests' requests. */
export function uniquePhone() {
  const digits = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return {
    typed: `8 (9${digits.slice(0, 2)}) ${digits.slice(2, 5)}-${digits.slice(5, 7)}-${digits.slice(7)}`,
    e164: `+79${digits}`,
  };
}

// act
/** Opens the panel, then the callback form from a department; returns when the form was opened (for MIN_FILL_MS). */
export async function openCallbackForm(page, departmentId = 'sales') {
  await openPanel(page);
  await callbackOpen(page, departmentId).click();
  await expect(phoneField(page)).toBeVisible();
  return Date.now();
}

/** Fills the form as a visitor does; `consent` ticks the consent box. */
export async function fillCallbackForm(page, { phone, name, topic, consent = true }) {
  await phoneField(page).fill(phone);
  if (name !== undefined) await nameField(page).fill(name);
  if (topic !== undefined) await page.getByTestId('cw-topic').filter({ hasText: topic }).click();
  if (consent) await page.getByTestId('cw-consent').check();
}

/** Sends the form, first waiting out the server's minimum fill time counted from `openedAt`. */
export async function submitCallbackForm(page, openedAt) {
  const wait = openedAt + MIN_FILL_MS - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await submitButton(page).click();
}

/** Starts a server-stub of the tests' own on `port` with its own data directory (for tests that kill it). */
export async function startOwnServer({ port, dataDir }) {
  const child = spawn('target/debug/server-stub', ['--config', 'tests/e2e/server.toml', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await expect.poll(async () => {
    if (child.exitCode !== null) throw new Error(`server-stub exited with ${child.exitCode}: ${log}`);
    return fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.status, () => 0);
  }, { timeout: 15_000, message: `server-stub on port ${port} answers /healthz` }).toBe(200);
  return { child, exited };
}

// check
/** The requests stored by a server, read with its real CLI (`callbacks list --json`), as the site owner would. */
export function storedCallbacks(dataDir = 'target/e2e-data') {
  const json = execFileSync('target/debug/server-stub', ['--config', 'tests/e2e/server.toml', '--data-dir', dataDir, 'callbacks', 'list', '--json'], {
    encoding: 'utf8',
  });
  return JSON.parse(json);
}

/** The stored requests for one phone number (E.164). */
export const storedFor = (e164, dataDir) => storedCallbacks(dataDir).filter((callback) => callback.phone === e164);

/** The outbox entries (`contact-widget.outbox.<key>`) in a page's localStorage, as { key: value }. */
export async function outboxEntries(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((key) => key.startsWith('contact-widget.outbox.')).map((key) => [key, localStorage.getItem(key)]),
  ));
}

// Loading: strict CSP, the no-WebAssembly fallback, what is fetched when (tests/e2e/loading.spec.mjs)
// find
/** The fallback dialog the loader draws where the wasm cannot run. */
export const fallbackPanel = (page) => page.getByTestId('cw-fallback');

/** The fallback's links as { department, label, note, href }, in document order. */
export async function fallbackLinks(page) {
  return fallbackPanel(page).getByTestId('cw-fallback-link').evaluateAll((links) =>
    links.map((a) => ({
      department: a.closest('section').querySelector('h3').textContent,
      label: a.querySelector('.cw-text').textContent,
      note: a.querySelector('.cw-note')?.textContent ?? null,
      href: a.getAttribute('href'),
    })),
  );
}

// act
/**
 * Records every `securitypolicyviolation` event of the page from before its first script runs (CSP and
 * Trusted Types violations alike; init scripts are not subject to the page's policy). Call before
 * `page.goto`; the returned function reads what was recorded so far.
 */
export async function collectCspViolations(page) {
  await page.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__cwCspViolations', { value: seen });
    window.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        disposition: event.disposition,
      });
    }, true);
  });
  return () => page.evaluate(() => window.__cwCspViolations.slice());
}

/** Records the URL of every request the page makes, in order. */
export function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Serves /contact.json to `page` with the keys of `patch` replaced, the rest as the server has it. */
export async function patchDemoConfig(page, patch) {
  await page.route('**/contact.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), ...patch } });
  });
}

/** Serves /contact.json to `page` with `"load": mode`. */
export const overrideLoadMode = (page, mode) => patchDemoConfig(page, { load: mode });

// Views and layout as a visitor sees them (tests/e2e/screens.spec.mjs)
// find
export const hoursToggle = (page) => page.getByTestId('cw-hours').first().getByTestId('cw-hours-toggle');
export const weekTable = (page) => page.getByTestId('cw-hours').first().getByTestId('cw-week');
export const successMessage = (page) => page.getByTestId('cw-success');

// act
/** Serves the demo configuration in `locale` (the demo file fixes Russian). Call before `page.goto`. */
export async function serveDemoIn(page, locale) {
  if (locale !== 'ru') await patchDemoConfig(page, { locale });
}

/** Opens the panel and expands the company's week table. */
export async function openHoursView(page) {
  await openPanel(page);
  await hoursToggle(page).click();
  await expect(hoursToggle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(weekTable(page)).toBeVisible();
}

/** Opens the callback form and sends it with a too-short phone and no consent: the form shows its errors. */
export async function showCallbackFormErrors(page, departmentId = 'sales') {
  await openCallbackForm(page, departmentId);
  await fillCallbackForm(page, { phone: '12', consent: false });
  await submitButton(page).click();
  await expect(phoneField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('cw-phone-error')).not.toBeEmpty();
  await expect(page.getByTestId('cw-consent-error')).not.toBeEmpty();
}

/** Sends a filled callback form to the test's own server and waits for the success message. */
export async function sendCallbackForm(page, departmentId = 'service') {
  const openedAt = await openCallbackForm(page, departmentId);
  await fillCallbackForm(page, { phone: uniquePhone().typed });
  await submitCallbackForm(page, openedAt);
  await expect(successMessage(page)).toBeVisible();
}

/** Emulates the on-screen keyboard opening under a focused field: the viewport keeps its width and loses height,
 * as the visual viewport does (Chromium on Android resizes the layout viewport too, by default). */
export async function openOnScreenKeyboard(page, { height }) {
  const { width } = page.viewportSize();
  await page.setViewportSize({ width, height });
  // Let resize observers, media queries and any scroll-into-view settle over two frames.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// check
/**
 * Measures what a visitor would see as broken, inside the widget's shadow root, and returns it as plain data:
 *
 * - `viewport`: the layout viewport without scrollbars; `documentScroll`: the document's scrollWidth and clientWidth;
 * - `panel`: the open panel's box, or null when it is closed; `launcher`: the launcher's box, or null when hidden;
 * - `clipped`: the panel's scroll containers (any element with overflow other than visible) whose content is wider
 *   than their box, that is text cut off or scrollable sideways;
 * - `targets`: every visible interactive element (links, buttons, fields) with its size and whether it meets WCAG
 *   2.2 2.5.8 by size or by its spacing exception (a 24 px circle on its centre touches no other target);
 * - `covered`: panel controls that the launcher paints over (hit-tested where their boxes overlap).
 *
 * Visually hidden elements (1 px boxes, `aria-hidden`) are skipped: nobody sees them.
 */
export async function measureLayout(page) {
  return page.locator('contact-widget').evaluate((host) => {
    const root = host.shadowRoot;
    const box = (element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height, right: x + width, bottom: y + height };
    };
    const name = (element) => {
      const label = element.dataset.testid ?? (element.id || element.className || element.tagName.toLowerCase());
      const text = (element.getAttribute('aria-label') ?? element.textContent).replace(/\s+/g, ' ').trim().slice(0, 40);
      return text ? `${label} "${text}"` : label;
    };
    const seen = (element) => element.checkVisibility({ visibilityProperty: true })
      && !element.closest('[aria-hidden=true]')
      && element.getBoundingClientRect().width > 1 && element.getBoundingClientRect().height > 1;
    const panel = root.querySelector('[data-testid=cw-panel]');
    const launcher = root.querySelector('[data-testid=cw-launcher]');
    const panelOpen = Boolean(panel && seen(panel));
    const launcherShown = Boolean(launcher && seen(launcher));

    const clipped = panelOpen
      ? [panel, ...panel.querySelectorAll('*')]
        .filter((element) => seen(element))
        .filter((element) => {
          const style = getComputedStyle(element);
          return style.overflowX !== 'visible' || style.overflowY !== 'visible';
        })
        .filter((element) => element.scrollWidth > element.clientWidth)
        .map((element) => ({ name: name(element), scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }))
      : [];

    const interactive = 'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [tabindex]:not([tabindex^="-"])';
    const elements = [...root.querySelectorAll(interactive)].filter(seen);
    const boxes = elements.map(box);
    const RADIUS = 12;
    const circleTouchesBox = (cx, cy, b) => {
      const dx = Math.max(b.x - cx, 0, cx - b.right);
      const dy = Math.max(b.y - cy, 0, cy - b.bottom);
      return dx * dx + dy * dy < RADIUS * RADIUS;
    };
    const small = (b) => b.width < 24 || b.height < 24;
    const centre = (b) => [b.x + b.width / 2, b.y + b.height / 2];
    const targets = elements.map((element, i) => {
      const b = boxes[i];
      let meets24 = !small(b);
      if (!meets24) {
        const [cx, cy] = centre(b);
        meets24 = boxes.every((other, j) => {
          if (j === i) return true;
          if (circleTouchesBox(cx, cy, other)) return false;
          if (!small(other)) return true;
          const [ox, oy] = centre(other);
          return Math.hypot(cx - ox, cy - oy) >= 2 * RADIUS;
        });
      }
      return { name: name(element), tag: element.tagName.toLowerCase(), type: element.type ?? null, width: b.width, height: b.height, meets24 };
    });

    // The part of an element not cut off by the viewport or by a scrolling (clipping) ancestor.
    const visibleBox = (element) => {
      const b = box(element);
      let { x, y, right, bottom } = b;
      right = Math.min(right, document.documentElement.clientWidth);
      bottom = Math.min(bottom, window.innerHeight);
      x = Math.max(x, 0);
      y = Math.max(y, 0);
      for (let node = element.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = box(node);
        x = Math.max(x, clip.x);
        y = Math.max(y, clip.y);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
      }
      return { x, y, right, bottom };
    };

    const covered = [];
    if (panelOpen && launcherShown) {
      const l = box(launcher);
      for (const element of elements) {
        if (launcher.contains(element)) continue;
        // Only what the visitor could see of the control can be covered; the rest is scrolled away.
        const b = visibleBox(element);
        const x = Math.max(b.x, l.x);
        const y = Math.max(b.y, l.y);
        const right = Math.min(b.right, l.right);
        const bottom = Math.min(b.bottom, l.bottom);
        if (right <= x || bottom <= y) continue;
        const hit = root.elementFromPoint((x + right) / 2, (y + bottom) / 2);
        if (hit && launcher.contains(hit)) covered.push(name(element));
      }
    }

    const html = document.documentElement;
    return {
      viewport: { width: html.clientWidth, height: window.innerHeight },
      documentScroll: { scrollWidth: html.scrollWidth, clientWidth: html.clientWidth },
      panel: panelOpen ? box(panel) : null,
      launcher: launcherShown ? box(launcher) : null,
      clipped,
      targets,
      covered,
    };
  });
}

/** A box lies inside the viewport, to half a pixel (sub-pixel layout). */
function expectInside(boxToCheck, viewport, what) {
  expect.soft(boxToCheck.x, `${what}: left edge inside the viewport`).toBeGreaterThanOrEqual(-0.5);
  expect.soft(boxToCheck.y, `${what}: top edge inside the viewport`).toBeGreaterThanOrEqual(-0.5);
  expect.soft(boxToCheck.right, `${what}: right edge inside the viewport`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect.soft(boxToCheck.bottom, `${what}: bottom edge inside the viewport`).toBeLessThanOrEqual(viewport.height + 0.5);
}

/**
 * Fails (softly, so one test lists every breach) on what a visitor sees as a broken layout: the panel (or the closed
 * launcher) sticking out of the viewport, the document scrolling sideways, text of the panel cut off sideways,
 * interactive targets under WCAG 2.2 AA's 24×24 px (2.5.8, spacing exception included) or under `minTarget` px
 * (44 on phones, WCAG AAA 2.5.5; form checkboxes excepted, see below), the launcher painted over the panel's controls.
 * Returns the measurements.
 */
export async function expectUnbrokenLayout(page, { minTarget = 24 } = {}) {
  const layout = await measureLayout(page);
  const { viewport } = layout;
  expect.soft(layout.documentScroll.scrollWidth, 'the document does not scroll sideways')
    .toBeLessThanOrEqual(layout.documentScroll.clientWidth);
  if (layout.panel) expectInside(layout.panel, viewport, 'the panel');
  else if (layout.launcher) expectInside(layout.launcher, viewport, 'the launcher');
  expect.soft(layout.panel ?? layout.launcher, 'the panel or the launcher is shown').not.toBeNull();
  expect.soft(layout.clipped, 'scroll containers of the panel whose text is cut off sideways').toEqual([]);
  expect.soft(layout.targets.length, 'interactive targets found').toBeGreaterThan(0);
  expect.soft(layout.targets.filter((target) => !target.meets24), 'targets under 24×24 px without spacing (WCAG 2.5.8)')
    .toEqual([]);
  // A native checkbox keeps its platform size (22 px here) and its <label> is the large target beside it; it is held
  // to 2.5.8 (above) rather than to the 44 px bar.
  const underMin = layout.targets
    .filter((target) => target.type !== 'checkbox' && (target.width < minTarget - 0.01 || target.height < minTarget - 0.01));
  expect.soft(underMin, `targets under ${minTarget}×${minTarget} px`).toEqual([]);
  expect.soft(layout.covered, 'panel controls painted over by the launcher').toEqual([]);
  return layout;
}

/** The focused element inside the widget and the part of it a visitor can see: its box clipped by the viewport and
 * by every scrolling or clipping ancestor up to the shadow root. */
export async function focusedFieldVisibility(page) {
  return page.locator('contact-widget').evaluate((host) => {
    const element = host.shadowRoot.activeElement;
    if (!element) return null;
    const { x, y, width, height } = element.getBoundingClientRect();
    const own = { x, y, right: x + width, bottom: y + height };
    const visible = { x: 0, y: 0, right: document.documentElement.clientWidth, bottom: window.innerHeight };
    for (let node = element.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = node.getBoundingClientRect();
      visible.x = Math.max(visible.x, clip.x);
      visible.y = Math.max(visible.y, clip.y);
      visible.right = Math.min(visible.right, clip.right);
      visible.bottom = Math.min(visible.bottom, clip.bottom);
    }
    return { testid: element.dataset.testid ?? element.id, box: own, visible, viewportHeight: window.innerHeight };
  });
}

/** The focused field lies wholly in what the visitor sees (the viewport, less whatever its scrolling ancestors clip). */
export async function expectFocusedFieldVisible(page, what) {
  const seen = await focusedFieldVisibility(page);
  expect(seen, `${what}: a field of the widget has focus`).not.toBeNull();
  const { box: field, visible } = seen;
  expect.soft(field.y, `${what}: top of ${seen.testid} is visible (${JSON.stringify(seen)})`).toBeGreaterThanOrEqual(visible.y - 0.5);
  expect.soft(field.bottom, `${what}: bottom of ${seen.testid} is visible (${JSON.stringify(seen)})`).toBeLessThanOrEqual(visible.bottom + 0.5);
  expect.soft(field.x, `${what}: left of ${seen.testid} is visible`).toBeGreaterThanOrEqual(visible.x - 0.5);
  expect.soft(field.right, `${what}: right of ${seen.testid} is visible`).toBeLessThanOrEqual(visible.right + 0.5);
  return seen;
}
