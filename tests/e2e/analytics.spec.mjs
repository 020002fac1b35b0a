// The `analytics` option as a site's tag managers see it: every widget event also lands in the page's
// dataLayer (Google Tag Manager) and in Yandex Metrica's reachGoal, named contact_widget_<event>, with
// the event's details and never the visitor's phone number or name. A page without the Metrica tag, or
// with a broken data layer, loses nothing else. The demo's own contact.json with `analytics` added, on
// demo-site/theme.html (strict CSP).
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import {
  launcher, panel, contacts, openCallbackForm, fillCallbackForm, submitCallbackForm, uniquePhone, collectConsoleErrors,
} from './widget.mjs';

const COUNTER = 98765432;
const demoConfig = () => JSON.parse(fs.readFileSync('demo-site/contact.json', 'utf8'));

// act
/** Opens demo-site/theme.html with the demo configuration plus `analytics`; `metrikaTag` installs a
 * recording stand-in for Metrica's `ym` before the page runs, as the real tag's snippet would. */
async function openWithAnalytics(page, analytics, { metrikaTag = true, before } = {}) {
  await page.addInitScript(({ configuration, withTag }) => {
    window.ContactWidgetConfig = configuration;
    if (withTag) {
      window.ymCalls = [];
      window.ym = (...args) => window.ymCalls.push(args);
    }
  }, { configuration: { ...demoConfig(), analytics }, withTag: metrikaTag });
  if (before) await page.addInitScript(before);
  await page.goto('/demo-site/theme.html');
  await expect(launcher(page)).toBeVisible();
  // Link clicks stay on the page: the test is about what analytics hears, not about dialling.
  await page.evaluate(() => document.querySelector('contact-widget').shadowRoot.addEventListener('click', (event) => {
    if (event.target.closest('a')) event.preventDefault();
  }, true));
}

// find
const dataLayer = (page, name = 'dataLayer') => page.evaluate((n) => JSON.parse(JSON.stringify(window[n] || [])), name);
const ymCalls = (page) => page.evaluate(() => window.ymCalls);

test.use({ timezoneId: 'Europe/Moscow' });

test('each event is pushed to dataLayer and sent to Metrica as contact_widget_<event>, without the phone number', async ({ page }) => {
  const phone = uniquePhone();
  await openWithAnalytics(page, { dataLayer: true, metrika: COUNTER });

  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  await contacts(page).first().click();
  await page.getByTestId('cw-close').click();
  await expect(panel(page)).toBeHidden();
  const openedAt = await openCallbackForm(page, 'sales');
  await fillCallbackForm(page, { phone: phone.typed, name: 'Вера Метрикина' });
  await submitCallbackForm(page, openedAt);
  const number = (await page.getByTestId('cw-success').textContent()).match(/CB-\d{6}/)[0];

  const click = { channel: 'phone', department: 'Продажи' };
  await expect.poll(() => dataLayer(page)).toEqual([
    { event: 'contact_widget_open' },
    { event: 'contact_widget_channel_click', ...click },
    { event: 'contact_widget_close' },
    { event: 'contact_widget_open' },
    { event: 'contact_widget_callback_submitted', number },
  ]);
  expect(await ymCalls(page)).toEqual([
    [COUNTER, 'reachGoal', 'contact_widget_open', {}],
    [COUNTER, 'reachGoal', 'contact_widget_channel_click', click],
    [COUNTER, 'reachGoal', 'contact_widget_close', {}],
    [COUNTER, 'reachGoal', 'contact_widget_open', {}],
    [COUNTER, 'reachGoal', 'contact_widget_callback_submitted', { number }],
  ]);

  const everything = JSON.stringify([await dataLayer(page), await ymCalls(page)]);
  const digits = phone.e164.slice(2); // the number without +7, in any formatting
  expect(everything.replace(/\D/g, ' ')).not.toContain(digits);
  expect(everything).not.toContain('Метрикина');
});

test('a named data layer receives the events, and entries the page pushed itself stay in place', async ({ page }) => {
  await openWithAnalytics(page, { dataLayer: 'shopEvents' }, {
    before: () => { window.shopEvents = [{ event: 'page_ready' }]; },
  });
  await page.evaluate(() => window.ContactWidget.open());
  await expect(panel(page)).toBeVisible();
  await expect.poll(() => dataLayer(page, 'shopEvents')).toEqual([{ event: 'page_ready' }, { event: 'contact_widget_open' }]);
  // Without `metrika` nothing reaches ym, and without `dataLayer: true` the default layer is not created.
  expect(await ymCalls(page)).toEqual([]);
  expect(await page.evaluate(() => 'dataLayer' in window)).toBe(false);
});

test('without the Metrica tag and with a broken data layer the widget and ContactWidget.on still work', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await openWithAnalytics(page, { dataLayer: 'brokenLayer', metrika: COUNTER }, {
    metrikaTag: false,
    before: () => { window.brokenLayer = Object.freeze({}); },
  });
  await page.evaluate(() => {
    window.heard = [];
    window.ContactWidget.on('open', () => window.heard.push('open'));
  });
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.heard)).toEqual(['open']);
  expect(errors.filter((text) => text.startsWith('uncaught'))).toEqual([]);
  expect(errors.join('\n')).toContain('[contact-widget] could not push to brokenLayer');
});
