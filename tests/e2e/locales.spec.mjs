// Languages are files: a Ukrainian page (<html lang="uk">, no `locale` in the configuration) gets the
// Ukrainian launcher and panel from widget/core/locales/uk.toml, and the owner's `texts` replace shipped
// texts in the loader's launcher and in the wasm panel.
import { test, expect } from '@playwright/test';
import { launcher, panel, openPanel, callbackOpen, submitButton, collectConsoleErrors, hoursToggle } from './widget.mjs';

const PAGE = '/demo-site/uk.html';

// find
const closeButton = (page) => panel(page).getByTestId('cw-close');

// act
/** Adds the owner's `texts` to the page's configuration. Call before `page.goto`. */
async function withOwnerTexts(page, texts) {
  await page.route('**/demo-site/uk.json', async (route) => {
    const response = await route.fetch();
    const config = await response.json();
    await route.fulfill({ response, json: { ...config, texts: { ...config.texts, ...texts } } });
  });
}

test('a Ukrainian page without a configured locale shows a Ukrainian launcher and panel', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(PAGE);
  await expect(launcher(page)).toHaveAttribute('aria-label', "Зв'язатися");

  await openPanel(page);
  await expect(panel(page)).toHaveAttribute('lang', 'uk');
  await expect(closeButton(page)).toHaveAttribute('aria-label', 'Закрити');
  await expect(callbackOpen(page, 'sales')).toHaveText('Замовити дзвінок');
  await expect(panel(page)).toContainText('за вашим часом');
  expect(errors).toEqual([]);
});

test('the owner\'s texts from the configuration replace the shipped ones in the panel', async ({ page }) => {
  await page.goto(PAGE);
  await openPanel(page);
  await expect(hoursToggle(page)).toHaveText('Коли ми працюємо');
  await callbackOpen(page, 'sales').click();
  await expect(submitButton(page)).toHaveText('Чекаю на дзвінок');
});

test('the owner\'s launcher text is used by the loader before the wasm arrives', async ({ page }) => {
  await withOwnerTexts(page, { uk: { launcher: 'Напишіть нам', 'callback.submit': 'Чекаю на дзвінок' } });
  await page.goto(PAGE);
  await expect(launcher(page)).toHaveAttribute('aria-label', 'Напишіть нам');
});

test('an override with other placeholders is reported to the console and the shipped text stays', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await withOwnerTexts(page, { uk: { 'hours.disclosure': 'Коли ми працюємо', 'hours.minutes.few': '{count} хв' } });
  await page.goto(PAGE);
  await openPanel(page);
  await expect.poll(() => errors.join('\n')).toContain('texts.uk.hours.minutes.few: the text must keep the placeholders [{n}]');
});
