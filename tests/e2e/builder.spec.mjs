// The config builder (demo-site/builder.html, issue 5): an owner fills the form, sees each problem next to
// its field, watches the real widget in the preview, copies the script tag, and that tag pasted into a blank
// page shows the same widget. The rest of the configuration (own texts, a department's own hours, several
// holidays, promises, analytics, placement) reaches the preview or the JSON, and its problems land at their
// inputs. axe-core finds nothing on the builder in Russian and in English.
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
const formSection = (page, id) => page.locator(`section[aria-labelledby="${id}-heading"]`);
/** One added row (a holiday period, a text override) of a form section. */
const row = (page, sectionId, index) => formSection(page, sectionId).locator('fieldset.row').nth(index);
/** The preview's frame, for reading the page's globals (the data layer) from inside it. */
const previewFrame = (page) => page.frames().find((frame) => frame.parentFrame() === page.mainFrame());
const jsonOf = async (page) => JSON.parse(await page.getByTestId('json').inputValue());

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

/** Adds a text override row in the texts section and fills it. */
async function overrideText(page, index, { lang, key, text }) {
  await formSection(page, 'texts').getByTestId('add-row').click();
  const added = row(page, 'texts', index);
  await expect(added.getByTestId('text-language')).toBeFocused();
  if (lang) await added.getByTestId('text-language').selectOption(lang);
  await added.getByTestId('text-key').selectOption(key);
  await added.getByTestId('text-value').fill(text);
  return added;
}

/** Gives department `index` its own week: every day `interval`. */
async function ownWeek(page, index, interval) {
  const own = department(page, index);
  await own.getByTestId('department-hours').selectOption('own');
  for (const field of await own.locator('fieldset.week input').all()) await field.fill(interval);
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
/** Types `value` into `control` and expects the reader's `message` beside it (a string is a part of it). */
async function expectProblemAt(control, value, message) {
  await control.fill(value);
  await expect(control).toHaveAttribute('aria-invalid', 'true');
  await expect(await errorOf(control)).toContainText(message);
}

/** Types `value` into `control` and expects no problem beside it. */
async function expectFineAt(control, value) {
  await control.fill(value);
  await expect(control).not.toHaveAttribute('aria-invalid', 'true');
}

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
  await expectProblemAt(accent, '#ffff66', '4.5:1');
  await expectFineAt(accent, '#7b1fa2');

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

test('own texts, a department’s own hours and analytics reach the preview, and the JSON names only what was chosen', async ({ page }) => {
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openBuilder(page, 'ru');
  // Untouched, the new settings write nothing: the copied tag stays short.
  const untouched = await jsonOf(page);
  for (const key of ['analytics', 'texts', 'placement', 'load']) expect(untouched).not.toHaveProperty(key);
  expect(untouched.hours).not.toHaveProperty('targets');
  expect(untouched.hours).not.toHaveProperty('quietHours');
  expect(untouched.callback).not.toHaveProperty('askName');
  expect(untouched.departments[1]).toEqual({ name: 'Бухгалтерия', contacts: [{ type: 'email', address: 'buh@yuzhny-veter.example' }] });

  // Accounting answers round the clock, on its own week.
  await department(page, 1).getByTestId('department-id').fill('buh');
  await ownWeek(page, 1, '00:00-24:00');
  // Events go to the site's own array and to a Metrica counter.
  await page.getByTestId('data-layer').selectOption('custom');
  await page.getByTestId('data-layer-name').fill('shopEvents');
  await page.getByTestId('metrika').fill('98765432');
  // Without a visible label the launcher's name is the `launcher` text, here the owner's own.
  await page.getByLabel('Надпись на кнопке').fill('');
  // The key list shows the shipped text, and the chosen key's shipped text is the box's placeholder.
  const launcherRow = await overrideText(page, 0, { key: 'launcher', text: 'Напишите нам' });
  await expect(launcherRow.getByTestId('text-value')).toHaveAttribute('placeholder', 'Связаться');
  const openRow = await overrideText(page, 1, { key: 'callback.open', text: 'Перезвоните мне скорее' });
  await expect(openRow.getByTestId('text-value')).toHaveAttribute('placeholder', 'Заказать звонок');
  await expect(openRow.getByTestId('text-key').locator('option[value="callback.open"]')).toHaveText('callback.open — Заказать звонок');

  // The JSON follows the form after a short pause; wait for its last change.
  await expect.poll(async () => (await jsonOf(page)).texts)
    .toEqual({ ru: { launcher: 'Напишите нам', 'callback.open': 'Перезвоните мне скорее' } });
  await expect(page.getByTestId('problem-count')).toHaveText(/^Ошибок нет/);
  const chosen = await jsonOf(page);
  expect(chosen.analytics).toEqual({ dataLayer: 'shopEvents', metrika: 98765432 });
  expect(chosen.departments[1].id).toBe('buh');
  expect(chosen.departments[1].hours).toEqual({ weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, ['00:00-24:00']])) });
  await expect(snippetBox(page)).toHaveValue(/"shopEvents"/);

  // The preview runs the latest tag once the launcher carries the owner's accessible name.
  const frame = preview(page);
  await expect(frame.getByTestId('cw-launcher')).toHaveAttribute('aria-label', 'Напишите нам');
  // The site's own array exists before the widget: its entries are kept and the widget's added.
  await previewFrame(page).evaluate(() => { window.shopEvents = [{ event: 'page_view' }]; });
  await frame.getByTestId('cw-launcher').click();
  await expect(frame.getByTestId('cw-panel')).toBeVisible();
  await expect(frame.getByTestId('cw-callback-open').first()).toHaveText('Перезвоните мне скорее');
  await expect(frame.getByTestId('cw-dept-buh').getByTestId('cw-hours-status')).toHaveText('Открыто круглосуточно');
  await expect.poll(() => previewFrame(page).evaluate(() => window.shopEvents))
    .toEqual([{ event: 'page_view' }, { event: 'contact_widget_open' }]);
  expect(pageErrors).toEqual([]);
});

test('a bad value in a new field is shown at that field, and each holiday period keeps its own problems', async ({ page }) => {
  await openBuilder(page, 'en');
  // A promise beyond its range; the default typed in is left out of the document.
  const minutes = page.getByLabel('While open, we call back within, minutes (1–1440)');
  await expectProblemAt(minutes, '5000', '5000 is out of range; use 1 to 1440');
  await expectFineAt(minutes, '30');
  expect((await jsonOf(page)).hours.targets).toEqual({ callbackMinutes: 30 });
  await minutes.fill('15');
  await expect.poll(async () => (await jsonOf(page)).hours).not.toHaveProperty('targets');

  // A second period whose end comes before its start: the message is at its "To", not the first period's.
  await formSection(page, 'hours').getByTestId('add-row').click();
  await expect(row(page, 'hours', 1).getByLabel('From')).toBeFocused();
  await row(page, 'hours', 1).getByLabel('From').fill('2027-05-10');
  const secondTo = row(page, 'hours', 1).getByLabel('To (inclusive)');
  await expectProblemAt(secondTo, '2027-05-01', 'is before `from`');
  await expect(row(page, 'hours', 0).getByLabel('To (inclusive)')).not.toHaveAttribute('aria-invalid', 'true');
  // A one-day special opening is written as a `date` with its own hours.
  await row(page, 'hours', 1).getByLabel('Closed all day').uncheck();
  await row(page, 'hours', 1).getByLabel(/^Hours on these days/).fill('11:00-15:00');
  await secondTo.fill('2027-05-10');
  await expect.poll(async () => (await jsonOf(page)).hours.overrides[1]).toEqual({ date: '2027-05-10', hours: ['11:00-15:00'] });
  // Removing the first period moves the second into its place, problems and all.
  await secondTo.fill('2027-05-01');
  await row(page, 'hours', 0).getByTestId('remove-row').click();
  await expect(row(page, 'hours', 0).getByLabel('To (inclusive)')).toHaveAttribute('aria-invalid', 'true');

  // A data layer name that is no global variable.
  await page.getByTestId('data-layer').selectOption('custom');
  await expectProblemAt(page.getByTestId('data-layer-name'), 'shop-events', 'is not a global variable name');

  // An override that drops its original's placeholder.
  const accepted = await overrideText(page, 0, { lang: 'en', key: 'callback.accepted', text: '' });
  const value = accepted.getByTestId('text-value');
  await expect(value).toHaveAttribute('placeholder', 'Request received, number {number}');
  await expectProblemAt(value, 'Thanks!', 'placeholders [{number}]');
  await expectFineAt(value, 'Thanks! Your request is {number}');
});

for (const lang of ['ru', 'en']) {
  test(`axe-core finds no violations on the builder in ${lang}, with a problem shown`, async ({ page }) => {
    await openBuilder(page, lang);
    // The added controls are part of what is scanned: a text override, a department's own week.
    await overrideText(page, 0, { key: 'callback.submit', text: lang === 'ru' ? 'Жду звонка' : 'Ring me' });
    await department(page, 0).getByTestId('department-hours').selectOption('own');
    await page.getByTestId('data-layer').selectOption('custom');
    // A field with a problem (aria-invalid, its message) is part of what is scanned.
    const number = contact(page, 0, 0).getByTestId('contact-number');
    await number.fill('12ab');
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    await expect(preview(page).getByTestId('cw-launcher')).toBeVisible();
    await expectAxeClean(page);
  });
}
