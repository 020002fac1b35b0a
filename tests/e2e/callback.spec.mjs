// The callback form end to end: the demo page's widget posting to the real server-stub, requests checked in
// the server's own database through its CLI (`callbacks list --json`), including the ways a request can fail
// to arrive: offline, a server killed mid-submission, the same waiting request resent by several pages.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import {
  panel, callbackOpen, phoneField, nameField, submitButton, openPanel, openCallbackForm, fillCallbackForm, submitCallbackForm,
  uniquePhone, storedFor, outboxEntries, startOwnServer, saveScreenshot, collectConsoleErrors, sentNotice,
  expectTapTargetsAtLeast44px,
} from './widget.mjs';

const SAVED_ON_DEVICE =
  'Заявка сохранена на этом устройстве, но ещё не отправлена. Отправим, как только появится связь.';
const PROMISE = 'Перезвоним в течение 15 минут';
const CONSENT_VERSION = '2026-11'; // demo-site/contact.json

/** A zone where it is now between 09:00 and 21:00, found at run time. These tests run on the real clock, and the
 * promise is honest: "Сервис" works round the clock, but a visitor in their night (22:00–08:00) is promised the
 * morning instead of "within 15 minutes" (promise.spec.mjs covers that on a fixed clock). */
const DAYTIME_ZONE = ['Europe/Moscow', 'Asia/Vladivostok', 'Pacific/Auckland', 'Asia/Kolkata', 'Europe/London',
  'America/New_York', 'America/Los_Angeles'].find((zone) => {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return hour >= 9 && hour < 21;
});

test.use({ timezoneId: DAYTIME_ZONE, viewport: { width: 360, height: 740 } });

/** Collects the idempotency keys of the callback POSTs a browser context makes (`request`: every attempt) or gets
 * answered (`response`: attempts that reached a server). */
function recordPosts(context, event = 'request') {
  const keys = [];
  context.on(event, (item) => {
    const request = event === 'response' ? item.request() : item;
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/callbacks')) {
      keys.push(JSON.parse(request.postData()).idempotencyKey);
    }
  });
  return keys;
}

test('a filled form is stored once with every field, and the visitor sees its number and the promise', async ({ page, baseURL }) => {
  const errors = collectConsoleErrors(page);
  const phone = uniquePhone();
  await page.goto('/');
  // Opened from "Сервис", so that department is preselected.
  const openedAt = await openCallbackForm(page, 'service');
  await expect(page.getByTestId('cw-department')).toHaveValue('service');
  await expect(phoneField(page)).toBeFocused();
  await expect(phoneField(page)).toHaveAttribute('type', 'tel');
  await expect(phoneField(page)).toHaveAttribute('autocomplete', 'tel');
  await expect(phoneField(page)).toHaveAttribute('inputmode', 'tel');
  expect(await phoneField(page).evaluate((input) => parseFloat(getComputedStyle(input).fontSize))).toBeGreaterThanOrEqual(16);
  await expect(page.getByTestId('cw-consent')).not.toBeChecked();
  await expect(page.getByTestId('cw-policy')).toHaveAttribute('href', '/demo-site/privacy.html');
  await expectTapTargetsAtLeast44px(page);

  await fillCallbackForm(page, { phone: phone.typed, name: 'Анна Тестова', topic: 'Горящие туры' });
  await expect(page.getByTestId('cw-topic').filter({ hasText: 'Горящие туры' })).toHaveAttribute('aria-pressed', 'true');
  await saveScreenshot(page, 'callback-form-360x740');
  await submitCallbackForm(page, openedAt);

  const success = page.getByTestId('cw-success');
  await expect(success).toContainText(/Заявка принята, номер CB-\d{6}/);
  await expect(page.getByTestId('cw-promise')).toHaveText(PROMISE);
  const number = (await success.textContent()).match(/CB-\d{6}/)[0];
  await saveScreenshot(page, 'callback-success-360x740');

  const stored = storedFor(phone.e164);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    id: number,
    phone: phone.e164,
    name: 'Анна Тестова',
    department: 'service',
    topic: 'Горящие туры',
    visitorZone: DAYTIME_ZONE,
    locale: 'ru',
    quarantine: null,
    consent: { version: CONSENT_VERSION },
  });
  expect(stored[0].pageUrl).toBe(new URL('/', baseURL).href);
  expect(await outboxEntries(page)).toEqual({});
  expect(errors).toEqual([]);
});

test('an invalid phone is explained under the field in Russian, nothing is sent and the input is kept', async ({ page }) => {
  const posts = recordPosts(page.context());
  await page.goto('/');
  const openedAt = await openCallbackForm(page);
  await fillCallbackForm(page, { phone: '8 916 12', name: 'Борис Ошибкин', consent: false });
  await submitCallbackForm(page, openedAt);

  await expect(page.getByTestId('cw-phone-error')).toHaveText('В номере телефона не хватает цифр');
  await expect(page.getByTestId('cw-consent-error')).toHaveText('Нужно согласие на обработку персональных данных');
  await expect(phoneField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(phoneField(page)).toHaveAttribute('aria-describedby', 'cw-phone-error');
  await expect(page.getByTestId('cw-phone-error')).toHaveAttribute('aria-live', 'polite');
  await expect(phoneField(page)).toBeFocused();
  await expect(phoneField(page)).toHaveValue('8 916 12');
  await expect(nameField(page)).toHaveValue('Борис Ошибкин');
  await saveScreenshot(page, 'callback-error-360x740');

  // Letters are refused with their own message; fixing one problem leaves the other in place.
  await phoneField(page).fill('8 916 CALL-NOW');
  await page.getByTestId('cw-consent').check();
  await submitButton(page).click();
  await expect(page.getByTestId('cw-phone-error')).toHaveText('Номер телефона может содержать только цифры');
  await expect(page.getByTestId('cw-consent-error')).toHaveText('');
  await expect(page.getByTestId('cw-consent')).toHaveAttribute('aria-invalid', 'false');
  await expect(nameField(page)).toHaveValue('Борис Ошибкин');

  expect(posts).toEqual([]);
  expect(await outboxEntries(page)).toEqual({});
});

test('offline, the request is saved on the device, then sent once when the browser is back online', async ({ page, context }) => {
  const phone = uniquePhone();
  await page.goto('/');
  const openedAt = await openCallbackForm(page);
  await fillCallbackForm(page, { phone: phone.typed, name: 'Вера Офлайн' });
  await context.setOffline(true);
  await submitCallbackForm(page, openedAt);

  const saved = page.getByTestId('cw-saved-offline');
  await expect(saved).toContainText(SAVED_ON_DEVICE);
  // The department's phone and messenger links are offered right there.
  const links = await saved.getByTestId('cw-contact').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  expect(links).toContain('tel:+74951234567');
  expect(links).toContain('https://t.me/yuzhny_veter');
  expect(links.filter((href) => href.startsWith('mailto:'))).toEqual([]);
  await saveScreenshot(page, 'callback-saved-offline-360x740');
  const waiting = Object.values(await outboxEntries(page));
  expect(waiting).toHaveLength(1);
  expect(waiting[0]).toContain(`"phone":"${phone.typed}"`);
  expect(storedFor(phone.e164)).toEqual([]);

  await context.setOffline(false);
  await expect(sentNotice(page)).toContainText(/Заявка отправлена, номер CB-\d{6}/);
  await expect(saved).toHaveCount(0);
  const stored = storedFor(phone.e164);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ name: 'Вера Офлайн', department: 'sales', quarantine: null });
  await expect(sentNotice(page)).toContainText(stored[0].id);
  expect(await outboxEntries(page)).toEqual({});
});

test('a form opened offline is delivered as a lead, not quarantined: its fill-time token is fetched before delivery', async ({ page, context }) => {
  const phone = uniquePhone();
  await page.goto('/');
  // The widget is loaded online; the connection drops before the visitor opens the form, so the form
  // gets no fill-time token and the request is saved without one.
  await openPanel(page);
  await context.setOffline(true);
  await callbackOpen(page, 'sales').click();
  const openedAt = Date.now();
  await fillCallbackForm(page, { phone: phone.typed });
  await submitCallbackForm(page, openedAt);
  await expect(page.getByTestId('cw-saved-offline')).toContainText(SAVED_ON_DEVICE);
  const waiting = Object.values(await outboxEntries(page));
  expect(waiting).toHaveLength(1);
  expect(waiting[0]).not.toContain('formToken');

  await context.setOffline(false);
  await expect(sentNotice(page)).toContainText(/Заявка отправлена, номер CB-\d{6}/);
  const stored = storedFor(phone.e164);
  expect(stored).toHaveLength(1);
  expect(stored[0].quarantine).toBeNull();
});

test('a server killed with SIGKILL while the visitor submits gets the request once it is back', async ({ page }) => {
  test.setTimeout(90_000);
  const port = 18091;
  const dataDir = 'target/e2e-data-killed';
  fs.rmSync(dataDir, { recursive: true, force: true });
  let server = await startOwnServer({ port, dataDir });
  try {
    const phone = uniquePhone();
    await page.goto(`http://127.0.0.1:${port}/`);
    const openedAt = await openCallbackForm(page);
    await fillCallbackForm(page, { phone: phone.typed, name: 'Глеб Рестартов' });
    // The request is on its way when the server dies: it reaches a closed port.
    await page.route('**/api/v1/callbacks', async (route) => {
      server.child.kill('SIGKILL');
      await server.exited;
      await route.continue();
    }, { times: 1 });
    await submitCallbackForm(page, openedAt);
    await expect(page.getByTestId('cw-saved-offline')).toContainText(SAVED_ON_DEVICE);
    expect(server.child.signalCode).toBe('SIGKILL');
    expect(storedFor(phone.e164, dataDir)).toEqual([]);

    server = await startOwnServer({ port, dataDir });
    // Resent by the backoff timer (5 s after the failure), with no action from the visitor.
    await expect(sentNotice(page)).toContainText(/Заявка отправлена, номер CB-\d{6}/, { timeout: 30_000 });
    const stored = storedFor(phone.e164, dataDir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: 'Глеб Рестартов', quarantine: null });
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
  }
});

test('the same waiting request resent by several pages is stored once', async ({ page, context, browser }) => {
  const phone = uniquePhone();
  const answered = recordPosts(context, 'response');
  // A second tab of the same browser shares the outbox.
  const tab = await context.newPage();
  await tab.goto('/');
  await openPanel(tab);
  await page.goto('/');
  const openedAt = await openCallbackForm(page);
  await fillCallbackForm(page, { phone: phone.typed, name: 'Дарья Дубль' });
  await context.setOffline(true);
  await submitCallbackForm(page, openedAt);
  await expect(page.getByTestId('cw-saved-offline')).toContainText(SAVED_ON_DEVICE);
  const waiting = await outboxEntries(page);
  const [[storageKey, storedValue]] = Object.entries(waiting);
  const key = storageKey.replace('contact-widget.outbox.', '');

  // Another device state with the very same waiting request: a page there resends it on load, and knows
  // nothing of this browser's lease, so the server certainly receives the request more than once.
  const other = await browser.newContext({ timezoneId: DAYTIME_ZONE });
  const otherAnswered = recordPosts(other, 'response');
  await other.addInitScript(([name, value]) => localStorage.setItem(name, value), [storageKey, storedValue]);
  const otherPage = await other.newPage();
  try {
    await context.setOffline(false);
    await otherPage.goto('/');

    await expect(sentNotice(page)).toContainText(/Заявка отправлена, номер CB-\d{6}/);
    await openPanel(otherPage);
    await expect(sentNotice(otherPage)).toContainText(/Заявка отправлена, номер CB-\d{6}/);
    await expect(sentNotice(tab)).toContainText(/Заявка отправлена, номер CB-\d{6}/);

    const sends = [...answered, ...otherAnswered].filter((sent) => sent === key);
    expect(sends.length, 'answered sends by more than one page').toBeGreaterThanOrEqual(2);
    const stored = storedFor(phone.e164);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ idempotencyKey: key, name: 'Дарья Дубль', quarantine: null });
    for (const shown of [sentNotice(page), sentNotice(otherPage), sentNotice(tab)]) {
      await expect(shown).toContainText(stored[0].id);
    }
    expect(await outboxEntries(page)).toEqual({});
    expect(await outboxEntries(otherPage)).toEqual({});
  } finally {
    await other.close();
  }
});

test('once the panel has been opened, idle time builds the callback form, hidden and without its token; asking for it shows it and fetches one', async ({ page }) => {
  const tokenRequests = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/form-token')) tokenRequests.push(request.url());
  });
  await page.goto('/');
  await openPanel(page);
  // Nobody asked for the form: it is built in the background, hidden, and no fill-time token is taken.
  await expect(page.getByTestId('cw-form')).toBeAttached();
  await expect(page.getByTestId('cw-form')).toBeHidden();
  await expect(panel(page).getByTestId('cw-dept-sales')).toBeVisible();
  await expect(page.getByTestId('cw-close')).toBeFocused();
  expect(tokenRequests).toEqual([]);

  await callbackOpen(page, 'service').click();
  await expect(phoneField(page)).toBeVisible();
  await expect(phoneField(page)).toBeFocused();
  await expect(page.getByTestId('cw-department')).toHaveValue('service');
  await expect.poll(() => tokenRequests.length).toBe(1);
  await expect(page.getByTestId('cw-form')).toHaveCount(1);
});

test('going back shows the contacts, and the form opened again from another department keeps what was typed', async ({ page }) => {
  await page.goto('/');
  await openCallbackForm(page, 'sales');
  await expect(page.getByTestId('cw-department')).toHaveValue('sales');
  await phoneField(page).fill('8 916 000-00-00');
  await page.getByTestId('cw-back').click();
  await expect(phoneField(page)).toBeHidden();
  await expect(panel(page).getByTestId('cw-dept-sales')).toBeVisible();
  await expect(page.getByTestId('cw-close')).toBeFocused();
  // Tab stays inside the dialog: from the last visible control it wraps to the close button.
  await panel(page).getByTestId('cw-callback-open').last().focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('cw-close')).toBeFocused();

  await callbackOpen(page, 'accounting').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'callback-open-button-360x740');
  await callbackOpen(page, 'accounting').click();
  await expect(page.getByTestId('cw-department')).toHaveValue('accounting');
  await expect(phoneField(page)).toHaveValue('8 916 000-00-00');
  await expect(phoneField(page)).toBeFocused();
});
