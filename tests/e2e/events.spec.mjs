// The script-tag build's JavaScript API and events, asserted from a host page script: what a site's own
// code (analytics, its own buttons) can rely on. Events are DOM CustomEvents on the <contact-widget> host
// and calls of the handlers registered with ContactWidget.on; ContactWidget.open/close/openCallback drive
// the real widget against the real server.
import { test, expect } from '@playwright/test';
import {
  launcher, panel, phoneField, fillCallbackForm, submitCallbackForm, uniquePhone, contacts,
} from './widget.mjs';

const TYPES = ['open', 'close', 'channel_click', 'callback_submitted', 'callback_failed', 'callback_saved_offline'];

/** Subscribes like a host page would, both ways, and keeps every link click on the page. */
async function listenAsHostPage(page) {
  await expect(launcher(page)).toBeVisible();
  await page.evaluate((types) => {
    window.heard = [];
    const host = document.querySelector('contact-widget');
    for (const type of types) {
      host.addEventListener(type, (event) => window.heard.push(['dom', type, event.detail]));
      window.ContactWidget.on(type, (detail) => window.heard.push(['on', type, detail]));
    }
    // The test is about what the page hears, not about dialling: links do not navigate.
    host.shadowRoot.addEventListener('click', (event) => {
      if (event.target.closest('a')) event.preventDefault();
    }, true);
  }, TYPES);
}

const heard = (page) => page.evaluate(() => window.heard.splice(0));

test.use({ timezoneId: 'Europe/Moscow' });

test('the host page drives the widget through ContactWidget and hears each event on the host and through on()', async ({ page }) => {
  await page.goto('/');
  await listenAsHostPage(page);

  await page.evaluate(() => window.ContactWidget.open());
  await expect(panel(page)).toBeVisible();
  await expect.poll(() => heard(page)).toEqual([['dom', 'open', {}], ['on', 'open', {}]]);

  await contacts(page).first().click();
  expect(await heard(page)).toEqual([
    ['dom', 'channel_click', { channel: 'phone', department: 'Продажи' }],
    ['on', 'channel_click', { channel: 'phone', department: 'Продажи' }],
  ]);

  await page.evaluate(() => window.ContactWidget.close());
  await expect(panel(page)).toBeHidden();
  expect(await heard(page)).toEqual([['dom', 'close', {}], ['on', 'close', {}]]);

  // Opening the callback form of a department from the page's own button.
  await page.evaluate(() => window.ContactWidget.openCallback('service'));
  await expect(phoneField(page)).toBeVisible();
  await expect(page.getByTestId('cw-department')).toHaveValue('service');
  const openedAt = Date.now();
  await fillCallbackForm(page, { phone: uniquePhone().typed });
  await submitCallbackForm(page, openedAt);
  const number = (await page.getByTestId('cw-success').textContent()).match(/CB-\d{6}/)[0];
  const events = await heard(page);
  expect(events.filter(([, type]) => type !== 'open')).toEqual([
    ['dom', 'callback_submitted', { number }],
    ['on', 'callback_submitted', { number }],
  ]);
});

test('a request saved offline is told to the page as such, and a throwing handler harms nothing', async ({ page, context }) => {
  await page.goto('/');
  await listenAsHostPage(page);
  await page.evaluate(() => window.ContactWidget.openCallback());
  await expect(page.getByTestId('cw-department')).toHaveValue('sales');
  const openedAt = Date.now();
  await fillCallbackForm(page, { phone: uniquePhone().typed });
  await context.setOffline(true);
  await submitCallbackForm(page, openedAt);
  await expect(page.getByTestId('cw-saved-offline')).toBeVisible();
  const events = await heard(page);
  expect(events.filter(([, type]) => type.startsWith('callback'))).toEqual([
    ['dom', 'callback_saved_offline', {}],
    ['on', 'callback_saved_offline', {}],
  ]);
  await context.setOffline(false);

  // A handler that throws is reported and does not stop the others or the widget.
  await page.evaluate(() => window.ContactWidget.on('close', () => { throw new Error('host bug'); }));
  await page.evaluate(() => window.ContactWidget.close());
  await expect(panel(page)).toBeHidden();
  expect(await heard(page)).toEqual([['dom', 'close', {}], ['on', 'close', {}]]);
});
