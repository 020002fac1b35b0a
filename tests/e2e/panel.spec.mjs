// The contact panel as a visitor sees it on the demo page (index.html + demo-site/contact.json),
// on hostile host pages and with broken configurations.
import { test, expect } from '@playwright/test';
import {
  launcher, panel, department, contactLinks, openPanel, collectConsoleErrors, saveScreenshot,
  expectTapTargetsAtLeast44px,
} from './widget.mjs';

// The specification of the demo configuration's links. Expected encodings were computed independently
// (Python's urllib.parse.quote with the RFC 3986 unreserved set), not with the widget's own encoder.
const DEMO_LINKS = {
  sales: [
    { channel: 'phone', href: 'tel:+74951234567' },
    { channel: 'phone', href: 'tel:+78001234567' },
    {
      channel: 'email',
      href: 'mailto:sales@yuzhny-veter.example?subject=%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D0%BE%20%D1%82%D1%83%D1%80%D0%B5'
        + '&body=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%21%20%D0%A5%D0%BE%D1%87%D1%83%20'
        + '%D0%BF%D0%BE%D0%B4%D0%BE%D0%B1%D1%80%D0%B0%D1%82%D1%8C%20%D1%82%D1%83%D1%80.%0D%0A%D0%9D%D0%B0%D0%BF%D1%80%D0%B0'
        + '%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5%3A%0D%0A%D0%94%D0%B0%D1%82%D1%8B%3A%0D%0A%D0%A1%D0%BA%D0%BE%D0%BB%D1%8C%D0%BA'
        + '%D0%BE%20%D1%87%D0%B5%D0%BB%D0%BE%D0%B2%D0%B5%D0%BA%3A',
    },
    {
      channel: 'whatsapp',
      href: 'https://wa.me/79161234567?text=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%21%20'
        + '%D0%A5%D0%BE%D1%87%D1%83%20%D0%BF%D0%BE%D0%B4%D0%BE%D0%B1%D1%80%D0%B0%D1%82%D1%8C%20%D1%82%D1%83%D1%80.',
    },
    { channel: 'telegram', href: 'https://t.me/yuzhny_veter' },
    { channel: 'viber', href: 'viber://chat?number=%2B79161234567' },
    { channel: 'max', href: 'https://max.ru/yuzhny_veter' },
  ],
  service: [
    { channel: 'phone', href: 'tel:+74951234568,204' },
    {
      channel: 'email',
      href: 'mailto:service@yuzhny-veter.example?subject=%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D0%BF%D0%BE%20'
        + '%D0%B7%D0%B0%D0%B1%D1%80%D0%BE%D0%BD%D0%B8%D1%80%D0%BE%D0%B2%D0%B0%D0%BD%D0%BD%D0%BE%D0%B9%20%D0%BF%D0%BE%D0%B5%D0%B7%D0%B4%D0%BA%D0%B5',
    },
    { channel: 'vk', href: 'https://vk.me/yuzhny_veter' },
    { channel: 'sms', href: 'sms:+79161234568?body=%D0%9D%D0%BE%D0%BC%D0%B5%D1%80%20%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7%D0%B0%3A%20' },
  ],
  accounting: [
    { channel: 'phone', href: 'tel:+74951234569' },
    {
      channel: 'email',
      href: 'mailto:buh@yuzhny-veter.example?subject=%D0%A1%D1%87%D1%91%D1%82%20%D0%B8%20%D0%B7%D0%B0%D0%BA%D1%80%D1%8B%D0%B2%D0%B0'
        + '%D1%8E%D1%89%D0%B8%D0%B5%20%D0%B4%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82%D1%8B',
    },
  ],
};

test.describe('the demo page', () => {
  test('opens a labelled dialog that lists every department with exactly the configured links', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await page.goto('/');
    await openPanel(page);

    const dialog = page.getByRole('dialog', { name: /Южный ветер/ });
    await expect(dialog).toBeVisible();
    await expect(launcher(page)).toHaveAttribute('aria-expanded', 'true');

    for (const [id, expected] of Object.entries(DEMO_LINKS)) {
      const links = await contactLinks(department(page, id));
      expect(links.map(({ channel, href }) => ({ channel, href })), `links of ${id}`).toEqual(expected);
    }
    await expect(department(page, 'sales')).toContainText('Продажи');
    await expect(department(page, 'sales')).toContainText('бесплатно по России');
    await expect(department(page, 'sales')).toContainText('+7 495 123-45-67');
    // The e-mail address is selectable text, not an image.
    await expect(department(page, 'accounting')).toContainText('buh@yuzhny-veter.example');
    // The configured display text wins over the formatted number.
    await expect(department(page, 'service')).toContainText('+7 495 123-45-68, доб. 204');
    expect(errors).toEqual([]);
  });

  test('makes no request to any third party', async ({ page }) => {
    const foreign = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1:')) foreign.push(request.url());
    });
    await page.goto('/');
    await openPanel(page);
    expect(foreign).toEqual([]);
  });

  test('closes on Escape and gives focus back to the launcher', async ({ page }) => {
    await page.goto('/');
    await openPanel(page);
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await expect(launcher(page)).toBeFocused();
    await expect(launcher(page)).toHaveAttribute('aria-expanded', 'false');
  });

  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    test(`is usable and photographed at ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/');
      await expect(launcher(page)).toBeVisible();
      await saveScreenshot(page, `launcher-${viewport.width}x${viewport.height}`);
      await openPanel(page);
      await expectTapTargetsAtLeast44px(page);
      const box = await panel(page).boundingBox();
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
      if (viewport.width < 600) {
        // A bottom sheet: the full width, anchored to the bottom edge.
        expect(box.width).toBeCloseTo(viewport.width, 0);
        expect(box.y + box.height).toBeCloseTo(viewport.height, 0);
      }
      await saveScreenshot(page, `panel-${viewport.width}x${viewport.height}`);
    });
  }
});

test('a host page with hostile CSS still shows a working widget', async ({ page }) => {
  await page.goto('/demo-site/hostile.html');
  const box = await launcher(page).boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await openPanel(page);
  const links = await contactLinks(department(page, 'sales'));
  expect(links[0].href).toBe('tel:+74951234567');
  const firstLink = department(page, 'sales').getByTestId('cw-contact').first();
  await expect(firstLink).toBeVisible();
  // The page's `a { font-size: 40px !important }` does not reach inside the widget.
  const fontSize = await firstLink.evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
  expect(fontSize).toBeLessThan(30);
  await expectTapTargetsAtLeast44px(page);
  await saveScreenshot(page, 'hostile-css-panel');
});

test('a javascript: link in the configuration is not rendered and is named in one console error', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/demo-site/bad-config.html');
  await openPanel(page);
  const links = await contactLinks(panel(page));
  expect(links.map((link) => link.href)).toEqual(['tel:+78125550102', 'mailto:orders@print.example']);
  const hrefs = await page.evaluate(() => {
    const root = document.querySelector('contact-widget')?.shadowRoot ?? document;
    return [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  });
  expect(hrefs.filter((href) => /script/i.test(href ?? ''))).toEqual([]);
  const widgetErrors = errors.filter((text) => text.includes('contact-widget'));
  expect(widgetErrors).toHaveLength(1);
  expect(widgetErrors[0]).toContain('departments[0].contacts[1].url');
  expect(widgetErrors[0]).toContain('departments[0].contacts[2].url');
  expect(widgetErrors[0]).toMatch(/javascript/i);
});

test('the script pasted twice yields one widget, placed and layered as configured', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/demo-site/inline-left.html');
  await expect(launcher(page)).toBeVisible();
  await expect(launcher(page)).toHaveCount(1);
  expect(await page.locator('contact-widget').count()).toBe(1);
  const box = await launcher(page).boundingBox();
  expect(box.x).toBeCloseTo(32, 0);
  expect(800 - (box.y + box.height)).toBeCloseTo(48, 0);
  const zIndex = await page.locator('contact-widget').evaluate((host) => getComputedStyle(host).zIndex);
  expect(zIndex).toBe('4242');
  await openPanel(page);
  await expect(page.getByRole('dialog', { name: /Оттиск/ })).toBeVisible();
  const links = await contactLinks(panel(page));
  expect(links.map((link) => link.href)).toEqual(['tel:+78125550102']);
});
