// Every view of the widget photographed in Russian and in English on a phone (360×740), a phone held sideways
// (740×360), a laptop (1280×800) and the laptop zoomed to 200 % (640×400 CSS px), written to
// artifacts/screenshots/<lang>-<view>-<W>x<H>.png; and every photograph is also a layout check that fails on what a
// visitor would see as broken (see expectUnbrokenLayout in widget.mjs): the panel outside the viewport, sideways
// scrolling, text cut off, small tap targets, the launcher over the panel's controls. Then the on-screen keyboard,
// emulated by shrinking the viewport under a focused field, must never hide that field.
//
// The callback form is only ever sent to the test's own server-stub (the baseURL); every request is checked.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launcher, panel, openPanel, openHoursView, openCallbackForm, showCallbackFormErrors, sendCallbackForm, serveDemoIn,
  saveScreenshot, SCREENSHOT_DIR, expectUnbrokenLayout, openOnScreenKeyboard, expectFocusedFieldVisible,
} from './widget.mjs';

const LOCALES = [
  { lang: 'ru', browserLocale: 'ru-RU' },
  { lang: 'en', browserLocale: 'en-US' },
];

/** `phone`: a touch screen, where every target must reach 44×44 px (WCAG 2.5.5) and not only 24×24 (2.5.8).
 * 640×400 at scale 2 is the laptop's 1280×800 window zoomed to 200 % (WCAG 1.4.4): the same layout rules hold. */
const SIZES = [
  { width: 360, height: 740, phone: true },
  { width: 740, height: 360, phone: true },
  { width: 1280, height: 800, phone: false },
  { width: 640, height: 400, phone: false, deviceScaleFactor: 2 },
];

/** Each view: how a visitor gets there from a freshly loaded demo page. */
const VIEWS = [
  {
    view: 'launcher',
    show: async (page) => {
      await expect(launcher(page)).toBeVisible();
      // Idle time downloads the wasm but draws nothing more: photograph the launcher as it stays.
      await page.waitForLoadState('networkidle');
      await expect(panel(page)).toHaveCount(0);
    },
  },
  { view: 'panel', show: openPanel },
  { view: 'hours', show: openHoursView },
  { view: 'callback-form', show: (page) => openCallbackForm(page, 'sales') },
  { view: 'callback-errors', show: (page) => showCallbackFormErrors(page, 'sales') },
  { view: 'callback-success', show: (page) => sendCallbackForm(page, 'service') },
];

// A visitor two hours ahead of the company (both clocks shown, the longest texts) a few days before the New Year
// closure (the holiday notice shows too), on a Monday afternoon when the office is open. The clock stands still
// for the page only: the server measures fill time and answers on its own clock.
const NOW = '2026-12-28T15:00:00+05:00';
test.use({ timezoneId: 'Asia/Yekaterinburg', reducedMotion: 'reduce' });

/** Records requests that leave the test's own server; the test fails on any. */
function recordForeignRequests(page, baseURL) {
  const origin = new URL(baseURL).origin;
  const foreign = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) foreign.push(`${request.method()} ${request.url()}`);
  });
  return foreign;
}

for (const { lang, browserLocale } of LOCALES) {
  test.describe(`in ${lang === 'ru' ? 'Russian' : 'English'}`, () => {
    test.use({ locale: browserLocale });

    for (const { width, height, phone, deviceScaleFactor = 1 } of SIZES) {
      test.describe(`at ${width}×${height}`, () => {
        test.use({ viewport: { width, height }, deviceScaleFactor });

        for (const { view, show } of VIEWS) {
          test(`the ${view} view is photographed and its layout is not broken`, async ({ page, baseURL }) => {
            const foreign = recordForeignRequests(page, baseURL);
            await serveDemoIn(page, lang);
            await page.clock.setFixedTime(new Date(NOW));
            await page.goto('/');
            await show(page);
            if (view !== 'launcher') await expect(panel(page)).toHaveAttribute('lang', lang);
            // No hover highlight in the picture.
            await page.mouse.move(0, 0);
            await saveScreenshot(page, `${lang}-${view}-${width}x${height}`);
            await expectUnbrokenLayout(page, { minTarget: phone ? 44 : 24 });
            expect(foreign, 'requests outside the test server').toEqual([]);
          });
        }
      });
    }

    test.describe('on a phone whose on-screen keyboard opens', () => {
      test.use({ viewport: { width: 360, height: 740 } });

      for (const shrunk of [400, 340]) {
        test(`never hides the field being typed in when the viewport shrinks to 360×${shrunk}`, async ({ page }) => {
          await serveDemoIn(page, lang);
          await page.clock.setFixedTime(new Date(NOW));
          await page.goto('/');
          await openCallbackForm(page, 'sales');
          const fields = page.getByTestId('cw-form').locator('input:not([type=checkbox]):not([type=radio]):not([tabindex="-1"]), select, textarea');
          const count = await fields.count();
          expect(count, 'typed-in fields of the form').toBeGreaterThanOrEqual(2);
          for (let i = 0; i < count; i += 1) {
            const field = fields.nth(i);
            if (!(await field.isVisible())) continue;
            const what = `field #${i} (${await field.getAttribute('data-testid')}), keyboard open at 360×${shrunk}`;
            await page.setViewportSize({ width: 360, height: 740 });
            await field.focus();
            await expect(field).toBeFocused();
            await openOnScreenKeyboard(page, { height: shrunk });
            await expect(field).toBeFocused();
            await expectFocusedFieldVisible(page, what);
            // Typing goes on in the same place.
            if ((await field.evaluate((element) => element.tagName)) === 'INPUT') {
              await page.keyboard.type('7');
              await expectFocusedFieldVisible(page, `${what}, after typing`);
            }
          }
          await saveScreenshot(page, `${lang}-keyboard-open-360x${shrunk}`);
        });
      }
    });
  });
}

test('no test writes under docs/: screenshots go to artifacts/screenshots/ only', () => {
  // The suite used to overwrite docs/screenshots/hours-view.png on every run; scripts/update-doc-screenshots.sh
  // now copies chosen screenshots there on purpose.
  const dir = path.dirname(fileURLToPath(import.meta.url));
  expect(path.relative(path.join(dir, '..', '..', 'artifacts'), SCREENSHOT_DIR)).toBe('screenshots');
  const writers = fs.readdirSync(dir).filter((file) => file.endsWith('.mjs'))
    .flatMap((file) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n')
      .filter((line) => /fs\.\w+\(.*\bdocs\b/.test(line) || /screenshot\(\{\s*path:.*\bdocs\b/.test(line))
      .map((line) => `${file}: ${line.trim()}`));
  expect(writers).toEqual([]);
});
