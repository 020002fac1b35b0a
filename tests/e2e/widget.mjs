// Page object for the contact widget, split into find / act / check helpers.
// Playwright's locators pierce the widget's open shadow root, so tests address elements by data-testid.
import { expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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

/** Saves a screenshot under artifacts/screenshots/ (kept by CI as a test artifact). */
export async function saveScreenshot(page, name) {
  const dir = path.join('artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

// check
/** Asserts that every visible interactive element of the widget is at least 44×44 CSS px. */
export async function expectTapTargetsAtLeast44px(page) {
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

/** Serves /contact.json to `page` with `"load": mode`, the rest as the server has it. */
export async function overrideLoadMode(page, mode) {
  await page.route('**/contact.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), load: mode } });
  });
}
