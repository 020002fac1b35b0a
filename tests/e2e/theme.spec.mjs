// Fitting the widget to a site (issue 5), asserted as a visitor sees it: the accent and the text colour
// chosen for it, the dark scheme, the icon-only launcher, pages where the widget stays away, and the
// launcher stepping aside while a phone visitor scrolls. All on demo-site/theme.html, which has the
// strict CSP of strict-csp.html: every colour arrives through CSSOM, so no test here may see a violation.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { launcher, panel, openPanel, collectCspViolations, collectConsoleErrors } from './widget.mjs';

const PAGE = '/demo-site/theme.html';

/** A small valid configuration with `extra` merged in at the top level. */
const config = (extra) => ({
  company: 'Ателье «Мята»',
  locale: 'ru',
  departments: [{ id: 'studio', name: 'Ателье', contacts: [{ type: 'phone', number: '8 (495) 765-43-21' }] }],
  callback: { endpoint: '/api/v1/callbacks' },
  ...extra,
});

// act
/** Opens the theme page with `configuration` (the page's own script keeps a configuration set before it). */
async function openWith(page, configuration) {
  await page.addInitScript((value) => { window.ContactWidgetConfig = value; }, configuration);
  await page.goto(PAGE);
}

// find
/** Computed colours of `locator`'s element: { background, color }. */
const colours = (locator) => locator.evaluate((node) => {
  const style = getComputedStyle(node);
  return { background: style.backgroundColor, color: style.color };
});

/** The launcher's box relative to the viewport, and whether it is inside it. */
async function launcherPlace(page) {
  const box = await launcher(page).boundingBox();
  const height = page.viewportSize().height;
  return { inView: box !== null && box.y < height && box.y + box.height > 0, width: Math.round(box?.width ?? 0) };
}

test.describe('theme', () => {
  let cspViolations;
  test.beforeEach(async ({ page }) => {
    cspViolations = await collectCspViolations(page);
  });
  test.afterEach(async () => {
    expect(await cspViolations()).toEqual([]);
  });

  // contact_core::theme's table: amber takes dark text, a deep green takes white.
  for (const [accent, background, text] of [
    ['#ffc107', 'rgb(255, 193, 7)', 'rgb(27, 28, 31)'],
    ['#2e7d32', 'rgb(46, 125, 50)', 'rgb(255, 255, 255)'],
  ]) {
    test(`the launcher is painted in the accent ${accent} with the text colour that contrasts more`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' }); // no colour transition mid-measurement
      await openWith(page, config({ launcherLabel: 'Написать нам', theme: { accent, scheme: 'light' } }));
      await expect(launcher(page)).toBeVisible();
      expect(await colours(launcher(page))).toEqual({ background, color: text });
      await launcher(page).hover();
      const launcherHover = await colours(launcher(page));
      // The panel's send button is the same pair once the wasm has drawn it, and the same hover shade:
      // the loader's copy of contact_core::theme agrees with the core.
      await openPanel(page);
      await page.getByTestId('cw-callback-open').first().click();
      await page.mouse.move(0, 0);
      expect(await colours(page.getByTestId('cw-submit'))).toEqual({ background, color: text });
      await page.getByTestId('cw-submit').hover();
      expect(await colours(page.getByTestId('cw-submit'))).toEqual(launcherHover);
      expect(launcherHover.background).not.toBe(background);
    });
  }

  test('a pale accent keeps its fill, and the panel shows it as text only in a shade that reads at 4.5:1', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await openWith(page, config({ theme: { accent: '#ffc107', scheme: 'light' } }));
    await openPanel(page);
    // contact_core::theme::readable_on(#ffc107, white) = #8c6a04 (4.5:1 or better on white).
    expect((await colours(page.getByTestId('cw-callback-open').first())).color).toBe('rgb(140, 106, 4)');
    // The site owner is told, with the ratio, in the one console message.
    await expect.poll(() => errors.join('\n')).toContain('theme.accent: as text on the light panel it reaches only 1.63:1');
  });

  test('the dark scheme darkens the open panel and lightens its accent text', async ({ page }) => {
    await openWith(page, config({ theme: { scheme: 'dark' } }));
    await openPanel(page);
    expect(await colours(panel(page))).toEqual({ background: 'rgb(32, 33, 36)', color: 'rgb(232, 234, 237)' });
    // The default blue on the dark panel: readable_on(#0b57d0, #202124) = #5489de.
    expect((await colours(page.getByTestId('cw-callback-open').first())).color).toBe('rgb(84, 137, 222)');
  });

  // The whole demo configuration (hours, holidays, topics, consent) in the dark, with pale and dark
  // accents: axe-core's colour-contrast rule (4.5:1) finds nothing in the contacts or the form.
  for (const accent of ['#ffc107', '#0b57d0']) {
    test(`axe-core finds no contrast problem in the dark panel with the accent ${accent}`, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const demo = JSON.parse(fs.readFileSync('demo-site/contact.json', 'utf8'));
      await openWith(page, { ...demo, theme: { accent, scheme: 'dark' } });
      await openPanel(page);
      const scan = () => new AxeBuilder({ page }).withTags(['wcag2aa']).include('contact-widget').analyze();
      const contrastProblems = (results) => {
        // Proof that axe measured text inside the shadow root, so that "none" means something.
        expect(results.passes.find((rule) => rule.id === 'color-contrast')?.nodes.length).toBeGreaterThan(5);
        return results.violations.filter((v) => v.id === 'color-contrast')
          .flatMap((v) => v.nodes.map((node) => `${node.target}: ${node.failureSummary}`));
      };
      expect(contrastProblems(await scan())).toEqual([]);
      await page.getByTestId('cw-callback-open').first().click();
      await expect(page.getByTestId('cw-phone')).toBeVisible();
      expect(contrastProblems(await scan())).toEqual([]);
    });
  }

  test('the automatic scheme follows the system setting, also when it changes', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openWith(page, config({}));
    await openPanel(page);
    expect((await colours(panel(page))).background).toBe('rgb(32, 33, 36)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => (await colours(panel(page))).background).toBe('rgb(255, 255, 255)');
  });

  test('a light scheme stays light on a dark system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openWith(page, config({ theme: { scheme: 'light' } }));
    await openPanel(page);
    expect((await colours(panel(page))).background).toBe('rgb(255, 255, 255)');
  });

  test('an icon-only launcher shows no text, keeps its label as its name and is at least 48x48', async ({ page }) => {
    await openWith(page, config({ launcherLabel: 'Написать нам', launcherStyle: 'icon' }));
    await expect(launcher(page)).toBeVisible();
    await expect(launcher(page)).toHaveAccessibleName('Написать нам');
    expect(await launcher(page).innerText()).toBe('');
    const box = await launcher(page).boundingBox();
    expect(box.width).toBeGreaterThanOrEqual(48);
    expect(box.height).toBeGreaterThanOrEqual(48);
  });

  for (const [patterns, shown] of [
    [['/checkout', '/demo-site/theme.html'], false],
    [['/demo-site/*'], false],
    [['/demo-site/theme'], true],
    [['/demo-site/themes/*', '/cart/*'], true],
  ]) {
    test(`with hideOnPaths ${JSON.stringify(patterns)} the launcher is ${shown ? 'shown' : 'not drawn'} on ${PAGE}`, async ({ page }) => {
      await openWith(page, config({ placement: { hideOnPaths: patterns } }));
      if (shown) {
        await expect(launcher(page)).toBeVisible();
      } else {
        await page.waitForLoadState('load');
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
        expect(await page.locator('contact-widget').count()).toBe(0);
        await expect(launcher(page)).toHaveCount(0);
      }
    });
  }

  test('in a single-page application hideOnPaths follows pushState and back: the widget starts, hides with its panel closed, and returns', async ({ page }) => {
    await openWith(page, config({ placement: { hideOnPaths: ['/demo-site/theme.html', '/checkout/*'] } }));
    await page.waitForLoadState('load');
    await expect(launcher(page)).toHaveCount(0);

    // The application shows its catalogue without a page load: the widget starts there.
    await page.evaluate(() => history.pushState({}, '', '/catalogue'));
    await expect(launcher(page)).toBeVisible();
    await openPanel(page);

    // On to the checkout: the panel closes and the launcher goes away, leaving nothing to tab into.
    await page.evaluate(() => history.pushState({}, '', '/checkout/pay'));
    await expect(launcher(page)).toBeHidden();
    await expect(panel(page)).toBeHidden();
    await expect(page.locator('contact-widget')).toHaveCount(1);

    // Back to the catalogue: the launcher returns, the panel stays closed until asked.
    await page.goBack();
    await expect(page).toHaveURL(/\/catalogue$/);
    await expect(launcher(page)).toBeVisible();
    await expect(panel(page)).toBeHidden();
    await launcher(page).click();
    await expect(panel(page)).toBeVisible();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  /** Makes the page long enough to scroll through, as an article would be. */
  async function lengthenPage(page) {
    await page.evaluate(() => {
      const filler = document.createElement('div');
      filler.style.setProperty('height', '3000px');
      document.querySelector('main').append(filler);
    });
  }
  const scrollBy = (page, dy) => page.evaluate((y) => window.scrollBy(0, y), dy);

  test('the launcher shrinks and slides out while scrolling down, and returns on scrolling up and at the end', async ({ page }) => {
    await openWith(page, config({ launcherLabel: 'Написать нам' }));
    await expect(launcher(page)).toBeVisible();
    await lengthenPage(page);
    const full = await launcherPlace(page);
    expect(full.inView).toBe(true);
    expect(full.width).toBeGreaterThan(100); // the label is shown at the top of the page

    for (let i = 0; i < 5; i += 1) await scrollBy(page, 120);
    await expect.poll(() => launcherPlace(page)).toMatchObject({ inView: false });

    await scrollBy(page, -200);
    await expect.poll(() => launcherPlace(page)).toEqual({ inView: true, width: 48 });
    await expect(launcher(page)).toHaveAccessibleName('Написать нам');

    await scrollBy(page, 300);
    await expect.poll(() => launcherPlace(page)).toMatchObject({ inView: false });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => launcherPlace(page)).toMatchObject({ inView: true });

    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => (await launcherPlace(page)).width).toBeGreaterThan(100);
  });

  test('with collapse "never" the launcher stays in place while scrolling down', async ({ page }) => {
    await openWith(page, config({ launcherLabel: 'Написать нам', placement: { collapse: 'never' } }));
    await expect(launcher(page)).toBeVisible();
    await lengthenPage(page);
    const before = await launcherPlace(page);
    for (let i = 0; i < 5; i += 1) await scrollBy(page, 120);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 400))));
    expect(await launcherPlace(page)).toEqual(before);
  });

  test('wider than 600 px the launcher keeps its place and label while scrolling; once narrower it collapses', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 740 });
    await openWith(page, config({ launcherLabel: 'Написать нам' }));
    await expect(launcher(page)).toBeVisible();
    await lengthenPage(page);
    const wide = await launcherPlace(page);
    for (let i = 0; i < 5; i += 1) await scrollBy(page, 120);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 400))));
    expect(await launcherPlace(page)).toEqual(wide);
    await expect(page.locator('contact-widget')).not.toHaveAttribute('data-compact');

    // The same page on a narrow screen: the next scroll down shrinks the launcher and slides it out.
    await page.setViewportSize({ width: 360, height: 740 });
    const narrow = await launcherPlace(page);
    for (let i = 0; i < 3; i += 1) await scrollBy(page, 120);
    await expect.poll(async () => (await launcherPlace(page)).width).toBeLessThan(narrow.width);
    await expect.poll(async () => (await launcherPlace(page)).inView).toBe(false);
  });

  test('offsetYMobile lifts the launcher above a cookie banner on narrow screens', async ({ page }) => {
    await openWith(page, config({ placement: { offsetY: 20, offsetYMobile: 120 } }));
    await expect(launcher(page)).toBeVisible();
    const box = await launcher(page).boundingBox();
    expect(Math.round(740 - (box.y + box.height))).toBe(120);
  });
});
