// Accessibility on the demo page (WCAG 2.2 AA): axe-core finds nothing in any view of the widget, in Russian
// and in English, and a visitor with only a keyboard reaches every contact and sends the callback form.
//
// The widget lives in the open shadow root of <contact-widget>. axe-core analyses open shadow DOM, and every
// scan checks that it did: the rules that passed must name nodes inside the shadow root, else the scan saw
// nothing and "0 violations" would mean nothing.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  launcher, panel, openPanel, openCallbackForm, fillCallbackForm, submitCallbackForm, phoneField,
  uniquePhone, MIN_FILL_MS, hoursToggle, weekTable, serveDemoIn,
} from './widget.mjs';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the bar. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const LOCALES = ['ru', 'en'];

// Animations off (the panel fades in): axe must not measure contrast halfway through the fade.
test.use({ reducedMotion: 'reduce' });

// find
/** The focused element, followed into shadow roots, described for assertions: `index` is its position in its
 * root, which tells apart elements that look alike (the three "order a callback" buttons). */
async function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return { tag: 'body', inDialog: false };
    const root = element.getRootNode();
    return {
      tag: element.tagName.toLowerCase(),
      testid: element.dataset.testid ?? null,
      href: element.getAttribute('href'),
      text: element.textContent.replace(/\s+/g, ' ').trim(),
      inDialog: Boolean(element.closest('[role=dialog]')),
      inWidget: root !== document,
      index: [...root.querySelectorAll('*')].indexOf(element),
    };
  });
}

/** What keyboard focus can land on in the open dialog, as the browser sees it: visible links and enabled
 * controls, in document order. */
async function focusableInDialog(page) {
  return panel(page).evaluate((dialog) => {
    const root = dialog.getRootNode();
    return [...dialog.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
      .filter((element) => element.tabIndex >= 0 && !element.disabled && element.checkVisibility())
      .map((element) => ({
        tag: element.tagName.toLowerCase(),
        href: element.getAttribute('href'),
        index: [...root.querySelectorAll('*')].indexOf(element),
      }));
  });
}

// act
/** Runs axe-core on the widget (the <contact-widget> host and its shadow tree) with the WCAG AA rules. */
function scanWidget(page) {
  return new AxeBuilder({ page }).withTags(WCAG_AA).include('contact-widget').analyze();
}

/** Presses Tab (or Shift+Tab) until `wanted` holds for the focused element, asserting on every step that focus
 * stayed inside the dialog; returns the element. */
async function tabUntil(page, wanted, { shift = false, limit = 40 } = {}) {
  for (let step = 1; step <= limit; step += 1) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    expect(now.inDialog, `focus after ${step} presses is inside the dialog: ${JSON.stringify(now)}`).toBe(true);
    if (wanted(now)) return now;
  }
  throw new Error(`no focusable element matched within ${limit} presses`);
}

// check
/** No violations, listed readably when there are some. */
function expectNoViolations(results, view) {
  const found = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({ target: node.target, summary: node.failureSummary })),
  }));
  expect(found, `axe-core violations in ${view}`).toEqual([]);
}

/** The nodes inside the widget's shadow root (axe names them with a path of selectors, host first) for which
 * `rule` passed: proof that axe looked inside. */
function passedInside(results, rule) {
  const passed = results.passes.find((result) => result.id === rule);
  return (passed?.nodes ?? []).filter((node) => Array.isArray(node.target[0]) && node.target[0][0] === 'contact-widget');
}

for (const locale of LOCALES) {
  test.describe(`axe-core in ${locale === 'ru' ? 'Russian' : 'English'}`, () => {
    test.beforeEach(async ({ page }) => {
      await serveDemoIn(page, locale);
    });

    test('finds no violation on the closed launcher', async ({ page }) => {
      await page.goto('/');
      await expect(launcher(page)).toBeVisible();
      // Focus is intent: the wasm mounts the (hidden) panel, the state a screen reader user tabbing to the
      // launcher meets.
      await launcher(page).focus();
      await expect(panel(page)).toBeAttached();
      await expect(panel(page)).toBeHidden();
      const results = await scanWidget(page);
      expectNoViolations(results, 'the closed launcher');
      expect(passedInside(results, 'button-name').map((node) => node.html)).toEqual([
        expect.stringContaining('data-testid="cw-launcher"'),
      ]);
    });

    test('finds no violation in the open panel', async ({ page }) => {
      await page.goto('/');
      await openPanel(page);
      await expect(panel(page)).toHaveAttribute('lang', locale);
      const results = await scanWidget(page);
      expectNoViolations(results, 'the open panel');
      const links = await panel(page).getByTestId('cw-contact').count();
      expect(links).toBeGreaterThan(0);
      expect(passedInside(results, 'link-name')).toHaveLength(links);
      expect(passedInside(results, 'color-contrast').length).toBeGreaterThan(links);
    });

    test.describe('for a visitor in Yekaterinburg', () => {
      test.use({ timezoneId: 'Asia/Yekaterinburg' });

      test('finds no violation in the hours view with the week table expanded', async ({ page }) => {
        // A visitor two hours ahead of the company, just before the New Year closure: the status line, the
        // holiday notice, the week table on the visitor's clock and the switch to the company's clock all show.
        await page.clock.setFixedTime(new Date('2026-12-28T15:00:00+05:00'));
        await page.goto('/');
        await openPanel(page);
        await hoursToggle(page).click();
        await expect(weekTable(page)).toBeVisible();
        await expect(page.getByTestId('cw-holiday').first()).toBeVisible();
        const results = await scanWidget(page);
        expectNoViolations(results, 'the hours view');
        const table = passedInside(results, 'color-contrast').filter((node) => /<t[dh]\b/.test(node.html));
        expect(table.length).toBeGreaterThanOrEqual(7);
      });
    });

    test('finds no violation in the callback form showing its errors', async ({ page }) => {
      await page.goto('/');
      await openCallbackForm(page, 'sales');
      await fillCallbackForm(page, { phone: '12', consent: false });
      await page.getByTestId('cw-submit').click();
      await expect(phoneField(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('cw-phone-error')).not.toBeEmpty();
      await expect(page.getByTestId('cw-consent-error')).not.toBeEmpty();
      const results = await scanWidget(page);
      expectNoViolations(results, 'the form with errors');
      const labelled = passedInside(results, 'label').map((node) => node.html);
      expect(labelled).toContainEqual(expect.stringContaining('id="cw-phone"'));
      expect(labelled).toContainEqual(expect.stringContaining('id="cw-consent"'));
      // (The consent error lies below the fold of the scrolling body, where axe does not measure contrast; it has
      // the phone error's colours.)
      const errors = passedInside(results, 'color-contrast').map((node) => node.html);
      expect(errors).toContainEqual(expect.stringContaining('id="cw-phone-error"'));
    });

    test('finds no violation in the success message after a real submission', async ({ page }) => {
      await page.goto('/');
      const openedAt = await openCallbackForm(page, 'service');
      await fillCallbackForm(page, { phone: uniquePhone().typed });
      await submitCallbackForm(page, openedAt);
      await expect(page.getByTestId('cw-success')).toBeVisible();
      const results = await scanWidget(page);
      expectNoViolations(results, 'the success message');
      const success = passedInside(results, 'color-contrast').filter((node) => node.html.includes('cw-outcome-title'));
      expect(success).toHaveLength(1);
    });
  });
}

test('a keyboard alone reaches every contact, sends the callback form and gets back to the launcher', async ({ page }) => {
  // Contact links only record their activation here: a test must not dial or open messengers.
  await page.addInitScript(() => {
    window.activated = [];
    window.addEventListener('click', (event) => {
      const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
      if (link) {
        window.activated.push(link.getAttribute('href'));
        event.preventDefault();
      }
    }, true);
  });
  await page.goto('/');
  await expect(launcher(page)).toBeVisible();

  // From the top of the page, Tab reaches the launcher (the widget comes last in the page's order).
  let reached = false;
  for (let step = 0; step < 30 && !reached; step += 1) {
    await page.keyboard.press('Tab');
    reached = (await focused(page)).testid === 'cw-launcher';
  }
  expect(reached, 'Tab reaches the launcher').toBe(true);
  await expect(launcher(page)).toBeFocused();

  // Enter opens the dialog and focus moves into it.
  await page.keyboard.press('Enter');
  await expect(panel(page)).toBeVisible();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(async () => (await focused(page)).inDialog, { message: 'focus moves into the dialog' }).toBe(true);
  const first = await focused(page);
  expect(first.testid).toBe('cw-close');

  // Tab visits every link and button once, activating each contact with Enter, and wraps to the first.
  const order = [first];
  for (let step = 1; ; step += 1) {
    expect(step, 'Tab comes back to the first element').toBeLessThan(60);
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.inDialog, `Tab #${step} keeps focus inside the dialog: ${JSON.stringify(now)}`).toBe(true);
    if (now.index === first.index) break;
    order.push(now);
    if (now.testid === 'cw-contact') {
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => window.activated.at(-1)), `Enter activates ${now.href}`).toBe(now.href);
      expect((await focused(page)).index, 'focus stays on the activated link').toBe(now.index);
    }
  }
  const expected = await focusableInDialog(page);
  expect(order.map((element) => element.index), 'focus order is document order, every focusable element once')
    .toEqual(expected.map((element) => element.index));
  const allHrefs = await panel(page).getByTestId('cw-contact').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const focusedHrefs = order.filter((element) => element.testid === 'cw-contact').map((element) => element.href);
  expect(new Set(focusedHrefs), 'every contact link is reached').toEqual(new Set(allHrefs));
  expect(await page.evaluate(() => window.activated)).toEqual(focusedHrefs);
  const callbackButtons = await panel(page).getByTestId('cw-callback-open').count();
  expect(order.filter((element) => element.testid === 'cw-callback-open')).toHaveLength(callbackButtons);

  // Shift+Tab on the first element wraps back to the last, and Tab from there to the first again.
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).index, 'Shift+Tab on the first element goes to the last').toBe(order.at(-1).index);
  await page.keyboard.press('Tab');
  expect((await focused(page)).index, 'Tab on the last element goes to the first').toBe(first.index);

  // The callback form, opened from "Продажи", filled and sent without a mouse.
  await tabUntil(page, (element) => element.testid === 'cw-callback-open');
  await page.keyboard.press('Enter');
  const openedAt = Date.now();
  await expect(phoneField(page)).toBeFocused();
  const phone = uniquePhone();
  await page.keyboard.type(phone.typed);
  await expect(phoneField(page)).toHaveValue(phone.typed);
  const topic = await tabUntil(page, (element) => element.testid === 'cw-topic');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cw-topic').filter({ hasText: topic.text })).toHaveAttribute('aria-pressed', 'true');
  await tabUntil(page, (element) => element.testid === 'cw-consent');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cw-consent')).toBeChecked();
  await tabUntil(page, (element) => element.testid === 'cw-submit');
  const wait = openedAt + MIN_FILL_MS - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cw-success')).toContainText(/Заявка принята, номер CB-\d{6}/);

  // Focus moves to the outcome; Tab from there still stays inside the dialog, both ways round.
  await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
  await page.keyboard.press('Tab');
  expect((await focused(page)).inDialog, 'Tab after the success message stays in the dialog').toBe(true);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).inDialog, 'Shift+Tab stays in the dialog').toBe(true);

  // Escape closes, and focus returns to the launcher.
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
});
