// The config builder (demo-site/builder.html, issue 5): an owner fills the form, sees each problem next to
// its field, watches the real widget in the preview, copies the script tag, and that tag pasted into a blank
// page shows the same widget. axe-core finds nothing on the builder in Russian and in English.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { contactLinks } from './widget.mjs';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA, as in a11y.spec.mjs. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.use({ reducedMotion: 'reduce' });

// find
const department = (page, index) => page.locator('fieldset.department').nth(index);
const contact = (page, departmentIndex, index) => department(page, departmentIndex).locator('fieldset.contact').nth(index);
const snippetBox = (page) => page.getByTestId('snippet');
const preview = (page) => page.frameLocator('[data-testid=preview]');

/** The error line a control points to with aria-describedby (the builder's "problem next to the field"). */
async function errorOf(control) {
  const ids = ((await control.getAttribute('aria-describedby')) || '').split(/\s+/).filter((id) => id.endsWith('-error'));
  return ids.length ? control.page().locator(`[id="${ids[0]}"]`) : null;
}

// act
async function openBuilder(page, lang) {
  await page.goto(`/demo-site/builder.html?lang=${lang}`);
  await expect(page.locator('body[data-ready=true]')).toBeAttached();
}

/** Opens the widget drawn in `scope` (the preview frame or a page) and reads what a visitor sees. */
async function widgetAsSeen(scope) {
  const launcher = scope.getByTestId('cw-launcher');
  await expect(launcher).toBeVisible();
  const look = await launcher.evaluate((button) => ({
    text: button.textContent.trim(),
    label: button.getAttribute('aria-label'),
    background: getComputedStyle(button).backgroundColor,
  }));
  await launcher.click();
  await expect(scope.getByTestId('cw-panel')).toBeVisible();
  return { ...look, title: (await scope.getByTestId('cw-panel').locator('h2').first().textContent()).trim(), links: await contactLinks(scope) };
}

// check
async function expectAxeClean(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  expect(results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) }))).toEqual([]);
  // The scan saw the form, not an empty page.
  expect(results.passes.length).toBeGreaterThan(10);
}

test('an owner builds a configuration, fixes a bad phone, and the pasted tag shows the preview’s widget', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await openBuilder(page, 'ru');

  // Quotes, an ampersand and markup in a name: the tag's attribute escaping must carry them as text.
  const company = 'Северный ветер & "Co\'s" <b>';
  await page.getByLabel('Название компании').fill(company);
  // One department with a phone and a telegram: remove the example's second department and its e-mail.
  await department(page, 1).getByTestId('remove-department').click();
  await expect(page.locator('fieldset.department')).toHaveCount(1);
  await department(page, 0).getByTestId('department-name').fill('Отдел продаж');
  await contact(page, 0, 1).getByTestId('remove-contact').click();
  await expect(department(page, 0).locator('fieldset.contact')).toHaveCount(2);
  await expect(contact(page, 0, 1).getByTestId('contact-type')).toHaveValue('telegram');
  await contact(page, 0, 1).getByTestId('contact-username').fill('@severny_veter');
  // Too light an accent: the reader's contrast warning is shown beside the colour field. (The light
  // scheme only: with "auto" the accent is also judged as text on the dark panel.)
  await page.getByLabel('Цветовая схема').selectOption('light');
  const accent = page.getByTestId('accent');
  await accent.fill('#ffff66');
  await expect(accent).toHaveAttribute('aria-invalid', 'true');
  await expect(await errorOf(accent)).toContainText('4.5:1');
  await accent.fill('#7b1fa2');
  await expect(accent).not.toHaveAttribute('aria-invalid', 'true');

  // A letter in the number: the reader's message appears next to that field, and only there.
  const number = contact(page, 0, 0).getByTestId('contact-number');
  await number.fill('8 (812) 55A-01-02');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  const error = await errorOf(number);
  await expect(error).toBeVisible();
  await expect(error).toContainText('phone number');
  await expect(page.getByTestId('problem-list')).not.toContainText('departments[0].contacts[0].number');

  await number.fill('8 (812) 555-01-02');
  await expect(number).not.toHaveAttribute('aria-invalid', 'true');
  expect(await errorOf(number)).toBeNull();
  await expect(snippetBox(page)).toHaveValue(/8 \(812\) 555-01-02/);
  await expect(snippetBox(page)).toHaveValue(/severny_veter.*#7b1fa2|#7b1fa2.*severny_veter/);

  // The preview is the real widget with the entered contacts.
  const previewed = await widgetAsSeen(preview(page));
  expect(previewed.title).toBe(company);
  expect(previewed.background).toBe('rgb(123, 31, 162)'); // #7b1fa2, the chosen accent
  expect(previewed.links).toEqual([
    { channel: 'phone', href: 'tel:+78125550102', text: expect.stringContaining('+7 812 555-01-02') },
    { channel: 'telegram', href: 'https://t.me/severny_veter', text: expect.stringContaining('@severny_veter') },
  ]);

  // Copy: the clipboard holds exactly the tag the page shows, and the copy is announced.
  await page.getByTestId('copy-snippet').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Тег script скопирован.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await snippetBox(page).inputValue());
  expect(copied).toMatch(/^<script src="http:\/\/127\.0\.0\.1:\d+\/widget\/contact-widget\.js" data-config='[^']*' defer><\/script>$/);
  await page.getByTestId('copy-json').click();
  await expect(page.getByTestId('copy-status')).toHaveText('JSON скопирован.');
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toMatchObject({
    company, theme: { accent: '#7b1fa2' },
  });

  // Pasted into a blank page on another path of the same origin: the same widget.
  const blank = await context.newPage();
  await blank.route('**/owner-blank-page.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html><body>${copied}</body></html>`,
  }));
  await blank.goto('/owner-blank-page.html');
  expect(await widgetAsSeen(blank)).toEqual(previewed);
  expect(consoleErrors).toEqual([]);
});

test('switching the language keeps what the owner entered and relabels the form', async ({ page }) => {
  await openBuilder(page, 'ru');
  await page.getByLabel('Название компании').fill('Мой бизнес');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact widget builder');
  await expect(page.getByLabel('Company name')).toHaveValue('Мой бизнес');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

for (const lang of ['ru', 'en']) {
  test(`axe-core finds no violations on the builder in ${lang}, with a problem shown`, async ({ page }) => {
    await openBuilder(page, lang);
    // A field with a problem (aria-invalid, its message) is part of what is scanned.
    const number = contact(page, 0, 0).getByTestId('contact-number');
    await number.fill('12ab');
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(preview(page).getByTestId('cw-launcher')).toBeVisible();
    await expectAxeClean(page);
  });
}
