// Page object for the contact widget, split into find / act / check helpers.
// Playwright's locators pierce the widget's open shadow root, so tests address elements by data-testid.
import { expect } from '@playwright/test';
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
