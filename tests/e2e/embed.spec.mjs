// The Leptos embedding example (demo-site/leptos-embed/, built by scripts/build-embed.sh): a separate Leptos app
// that renders the widget's <ContactWidget/> component with its own launcher, in its own DOM (no shadow root,
// no loader script). It must show the same working widget as the script tag does.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { launcher, panel, contactLinks, department, collectConsoleErrors } from './widget.mjs';

const PAGE = '/demo-site/leptos-embed/';

// The example's configuration (demo-site/leptos-embed/contact.json), as links.
const SHOP_LINKS = [
  { channel: 'phone', href: 'tel:+78435550123' },
  { channel: 'email', href: 'mailto:shop@volga-cycles.example?subject=Order%20question' },
  { channel: 'telegram', href: 'https://t.me/volga_cycles' },
];

test.use({ reducedMotion: 'reduce' });

test('the Leptos app renders its own page and the widget component, which opens on the configured links', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(PAGE);
  // The app's own content: the wasm ran and mounted the page.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bicycles, repairs and fitting in Kazan');
  await expect(launcher(page)).toBeVisible();
  await expect(launcher(page)).toHaveText('Contact us');
  // The widget's stylesheet is linked and applies: the launcher is the widget's pill, not a bare button.
  expect(await launcher(page).evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(11, 87, 208)');
  await expect(panel(page)).toBeHidden();

  await launcher(page).click();
  const dialog = page.getByRole('dialog', { name: 'Volga Cycles' });
  await expect(dialog).toBeVisible();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');
  const links = await contactLinks(department(page, 'shop'));
  expect(links.map(({ channel, href }) => ({ channel, href }))).toEqual(SHOP_LINKS);
  await expect(dialog.getByRole('link', { name: /\+7 843 555-01-23/ })).toHaveAttribute('href', 'tel:+78435550123');
  // The hours come through the exported IntlZones: a status line in the configured language.
  await expect(page.getByTestId('cw-hours-status').first()).toHaveText(/^(Open|Closed)/);
  // The dialog sits above the launcher, inside the viewport.
  const box = await panel(page).boundingBox();
  const button = await launcher(page).boundingBox();
  expect(box.y + box.height).toBeLessThanOrEqual(button.y);
  expect(box.y).toBeGreaterThanOrEqual(0);

  // Escape closes and gives focus back to the app's own launcher.
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();
  await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  expect(errors).toEqual([]);
});

test('the embedded widget has no axe-core violations when open', async ({ page }) => {
  await page.goto(PAGE);
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .include('.shop-support')
    .analyze();
  expect(results.violations.map((violation) => [violation.id, violation.nodes.map((node) => node.target)])).toEqual([]);
  const linkNames = results.passes.find((result) => result.id === 'link-name');
  expect(linkNames?.nodes).toHaveLength(await panel(page).getByTestId('cw-contact').count());
});
