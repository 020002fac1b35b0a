// Working hours as visitors in other time zones see them, on the demo page: the Moscow office
// (Mon–Fri 10–19, Sat 11–16, closed 31 December – 8 January) with "Сервис" round the clock.
// Every test fixes the visitor's zone, language and clock before the page loads, and asserts the
// exact texts: the status line, the week table on both clocks, the New Year closure and the e-mail
// answer time, in Russian and in English.
import { test, expect } from '@playwright/test';
import { department, openPanel, collectConsoleErrors, saveScreenshot, expectTapTargetsAtLeast44px } from './widget.mjs';

// find
const companyHours = (page) => page.getByTestId('cw-hours').first();
const statusLine = (page) => companyHours(page).getByTestId('cw-hours-status');
const hoursToggle = (page) => companyHours(page).getByTestId('cw-hours-toggle');
const weekTable = (page) => companyHours(page).getByTestId('cw-week');
const zoneSwitch = (page) => companyHours(page).getByTestId('cw-zone-switch');
const holidayNotice = (page) => companyHours(page).getByTestId('cw-holiday');
const answerBy = (page, id) => department(page, id).getByTestId('cw-answer-by');

/** The week table as [date, hours] rows, in order. */
async function weekRows(page) {
  return weekTable(page).locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [row.querySelector('th').textContent.trim(), row.querySelector('td').textContent.trim()]));
}

// act
/** Serves the demo configuration with its language switched to English (the demo fixes Russian). */
async function serveDemoInEnglish(page) {
  await page.route('**/contact.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), locale: 'en' } });
  });
}

/** Loads the demo page with the browser's clock standing still at `instant`, and opens the panel. */
async function visitAt(page, instant) {
  await page.clock.setFixedTime(new Date(instant));
  await page.goto('/');
  await openPanel(page);
}

async function showWeek(page) {
  await hoursToggle(page).click();
  await expect(hoursToggle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(weekTable(page)).toBeVisible();
}

// check
async function expectWeek(page, caption, rows) {
  await expect(weekTable(page).locator('caption')).toHaveText(caption);
  expect(await weekRows(page)).toEqual(rows);
  // The first row is today, marked for assistive technology too.
  await expect(weekTable(page).locator('tbody tr').first()).toHaveAttribute('aria-current', 'date');
}

test.describe('a visitor in Yekaterinburg (+5, two hours ahead of Moscow) reading Russian', () => {
  test.use({ timezoneId: 'Asia/Yekaterinburg', locale: 'ru-RU' });

  test('on a weekday afternoon sees the office open until 21:00 with Moscow time beside it', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await visitAt(page, '2026-06-03T15:00:00+05:00');

    await expect(statusLine(page)).toHaveText('Открыто · до 21:00 по вашему времени (19:00 по Москве)');
    await expect(department(page, 'service').getByTestId('cw-hours-status')).toHaveText('Открыто круглосуточно');
    // Sales and accounting keep the company's hours: the summary at the top speaks for them.
    await expect(department(page, 'sales').getByTestId('cw-hours')).toHaveCount(0);
    await expect(answerBy(page, 'sales')).toHaveText(
      'Ответим в течение 1 рабочего дня: напишите сейчас — ответ завтра до 21:00 по вашему времени');
    await expect(holidayNotice(page)).toHaveCount(0);
    await expect(weekTable(page)).toBeHidden();

    await showWeek(page);
    await expectWeek(page, 'Часы работы по вашему времени', [
      ['ср, 3 июня', '12:00–21:00'],
      ['чт, 4 июня', '12:00–21:00'],
      ['пт, 5 июня', '12:00–21:00'],
      ['сб, 6 июня', '13:00–18:00'],
      ['вс, 7 июня', 'выходной'],
      ['пн, 8 июня', '12:00–21:00'],
      ['вт, 9 июня', '12:00–21:00'],
    ]);
    await expectTapTargetsAtLeast44px(page);
    await page.mouse.move(0, 0);
    await saveScreenshot(page, 'hours-yekaterinburg');

    await expect(zoneSwitch(page)).toHaveText('Показать по Москве');
    await zoneSwitch(page).click();
    await expectWeek(page, 'Часы работы по Москве', [
      ['ср, 3 июня', '10:00–19:00'],
      ['чт, 4 июня', '10:00–19:00'],
      ['пт, 5 июня', '10:00–19:00'],
      ['сб, 6 июня', '11:00–16:00'],
      ['вс, 7 июня', 'выходной'],
      ['пн, 8 июня', '10:00–19:00'],
      ['вт, 9 июня', '10:00–19:00'],
    ]);
    await expect(zoneSwitch(page)).toHaveText('Показать по вашему времени');
    await zoneSwitch(page).click();
    await expect(weekTable(page).locator('caption')).toHaveText('Часы работы по вашему времени');
    expect(errors).toEqual([]);
  });

  const statuses = [
    ['late at night: closed, opening tomorrow', '2026-06-03T23:30:00+05:00',
      'Закрыто · откроемся завтра в 12:00 по вашему времени (10:00 по Москве)'],
    ['early in the morning: closed, opening today', '2026-06-03T07:00:00+05:00',
      'Закрыто · откроемся сегодня в 12:00 по вашему времени (10:00 по Москве)'],
    ['on Saturday: the short day', '2026-06-06T14:00:00+05:00',
      'Открыто · до 18:00 по вашему времени (16:00 по Москве)'],
    ['on Saturday evening: closed until Monday', '2026-06-06T19:00:00+05:00',
      'Закрыто · откроемся в понедельник в 12:00 по вашему времени (10:00 по Москве)'],
    ['a minute before closing', '2026-06-03T20:59:00+05:00',
      'Открыто · закроемся через 1 минуту, в 21:00 по вашему времени (19:00 по Москве)'],
    ['two minutes before closing', '2026-06-03T20:58:00+05:00',
      'Открыто · закроемся через 2 минуты, в 21:00 по вашему времени (19:00 по Москве)'],
    ['five minutes before opening', '2026-06-03T11:55:00+05:00',
      'Закрыто · откроемся через 5 минут, в 12:00 по вашему времени (10:00 по Москве)'],
  ];
  for (const [when, instant, expected] of statuses) {
    test(`${when} reads "${expected}"`, async ({ page }) => {
      await visitAt(page, instant);
      await expect(statusLine(page)).toHaveText(expected);
    });
  }

  test('on Saturday evening is promised an e-mail answer by Monday evening', async ({ page }) => {
    await visitAt(page, '2026-06-06T19:00:00+05:00');
    await expect(answerBy(page, 'accounting')).toHaveText(
      'Ответим в течение 1 рабочего дня: напишите сейчас — ответ в понедельник до 21:00 по вашему времени');
  });

  test('during the New Year closure sees the holiday and the opening on 9 January', async ({ page }) => {
    await visitAt(page, '2027-01-01T12:00:00+05:00');
    await expect(holidayNotice(page)).toHaveText('Новогодние праздники 31 декабря – 8 января не работаем');
    await expect(statusLine(page)).toHaveText('Закрыто · откроемся 9 января в 13:00 по вашему времени (11:00 по Москве)');
    // The support line keeps working through the holidays.
    await expect(department(page, 'service').getByTestId('cw-hours-status')).toHaveText('Открыто круглосуточно');
    await showWeek(page);
    expect((await weekRows(page)).map(([, hours]) => hours)).toEqual(
      ['выходной', 'выходной', 'выходной', 'выходной', 'выходной', 'выходной', 'выходной']);
  });

  test('is told of the closure two weeks ahead', async ({ page }) => {
    await visitAt(page, '2026-12-18T15:00:00+05:00');
    await expect(holidayNotice(page)).toHaveText('Новогодние праздники 31 декабря – 8 января не работаем');
    await expect(statusLine(page)).toHaveText('Открыто · до 21:00 по вашему времени (19:00 по Москве)');
  });

  test('watches the status change at closing time while the panel stays open', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-06-03T20:58:30+05:00') });
    await page.goto('/');
    await openPanel(page);
    await expect(statusLine(page)).toHaveText('Открыто · закроемся через 2 минуты, в 21:00 по вашему времени (19:00 по Москве)');
    await page.clock.runFor('01:00');
    await expect(statusLine(page)).toHaveText('Открыто · закроемся через 1 минуту, в 21:00 по вашему времени (19:00 по Москве)');
    await page.clock.runFor('01:00');
    await expect(statusLine(page)).toHaveText('Закрыто · откроемся завтра в 12:00 по вашему времени (10:00 по Москве)');
  });
});

test.describe('a visitor in Vladivostok (+10, seven hours ahead of Moscow) reading Russian', () => {
  test.use({ timezoneId: 'Asia/Vladivostok', locale: 'ru-RU' });

  test('sees Moscow days split across the local midnight onto the right dates', async ({ page }) => {
    await visitAt(page, '2026-06-01T12:00:00+10:00');
    await expect(statusLine(page)).toHaveText('Закрыто · откроемся сегодня в 17:00 по вашему времени (10:00 по Москве)');
    await showWeek(page);
    await expectWeek(page, 'Часы работы по вашему времени', [
      ['пн, 1 июня', '17:00–24:00'],
      ['вт, 2 июня', '00:00–02:00, 17:00–24:00'],
      ['ср, 3 июня', '00:00–02:00, 17:00–24:00'],
      ['чт, 4 июня', '00:00–02:00, 17:00–24:00'],
      ['пт, 5 июня', '00:00–02:00, 17:00–24:00'],
      ['сб, 6 июня', '00:00–02:00, 18:00–23:00'],
      ['вс, 7 июня', 'выходной'],
    ]);
    await zoneSwitch(page).click();
    // On Moscow's clock it is still Sunday night (05:00 on Monday there).
    await expectWeek(page, 'Часы работы по Москве', [
      ['пн, 1 июня', '10:00–19:00'],
      ['вт, 2 июня', '10:00–19:00'],
      ['ср, 3 июня', '10:00–19:00'],
      ['чт, 4 июня', '10:00–19:00'],
      ['пт, 5 июня', '10:00–19:00'],
      ['сб, 6 июня', '11:00–16:00'],
      ['вс, 7 июня', 'выходной'],
    ]);
  });

  test('after local midnight sees the office still open until 02:00', async ({ page }) => {
    await visitAt(page, '2026-06-02T00:30:00+10:00');
    await expect(statusLine(page)).toHaveText('Открыто · до 02:00 по вашему времени (19:00 по Москве)');
    // Written on Monday evening in Moscow: Tuesday is the whole business day, closing at 02:00 on
    // Wednesday here, which is tomorrow half an hour after midnight.
    await expect(answerBy(page, 'sales')).toHaveText(
      'Ответим в течение 1 рабочего дня: напишите сейчас — ответ завтра до 02:00 по вашему времени');
  });
});

test.describe('a visitor in Moscow reading Russian', () => {
  test.use({ timezoneId: 'Europe/Moscow', locale: 'ru-RU' });

  test('sees one clock: no Moscow time beside the status and no zone switch', async ({ page }) => {
    await visitAt(page, '2026-06-03T13:00:00+03:00');
    await expect(statusLine(page)).toHaveText('Открыто · до 19:00 по вашему времени');
    await showWeek(page);
    await expect(weekTable(page).locator('caption')).toHaveText('Часы работы по вашему времени');
    await expect(zoneSwitch(page)).toBeHidden();
  });
});

test.describe('a visitor in New York (−4 in June, seven hours behind Moscow) reading English', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('sees the hours on a 12-hour clock with Moscow time beside them', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await serveDemoInEnglish(page);
    await visitAt(page, '2026-06-03T06:00:00-04:00');
    await expect(statusLine(page)).toHaveText('Open · until 12:00 PM your time (7:00 PM Moscow time)');
    await expect(department(page, 'service').getByTestId('cw-hours-status')).toHaveText('Open 24/7');
    await expect(answerBy(page, 'sales')).toHaveText(
      'We answer within 1 business day: write now and expect an answer tomorrow by 12:00 PM your time');
    await showWeek(page);
    await expectWeek(page, 'Opening hours, your time', [
      ['Wed, June 3', '3:00 AM – 12:00 PM'],
      ['Thu, June 4', '3:00 AM – 12:00 PM'],
      ['Fri, June 5', '3:00 AM – 12:00 PM'],
      ['Sat, June 6', '4:00 AM – 9:00 AM'],
      ['Sun, June 7', 'closed'],
      ['Mon, June 8', '3:00 AM – 12:00 PM'],
      ['Tue, June 9', '3:00 AM – 12:00 PM'],
    ]);
    await expect(zoneSwitch(page)).toHaveText('Show in Moscow time');
    await zoneSwitch(page).click();
    await expect(weekTable(page).locator('caption')).toHaveText('Opening hours, Moscow time');
    expect((await weekRows(page))[0]).toEqual(['Wed, June 3', '10:00 AM – 7:00 PM']);
    await expect(zoneSwitch(page)).toHaveText('Show in your time');
    expect(errors).toEqual([]);
  });

  test('at night is told when the office opens and when the holidays are', async ({ page }) => {
    await serveDemoInEnglish(page);
    await visitAt(page, '2026-12-23T22:00:00-05:00');
    await expect(statusLine(page)).toHaveText('Closed · opens tomorrow at 2:00 AM your time (10:00 AM Moscow time)');
    await expect(holidayNotice(page)).toHaveText('Новогодние праздники Closed December 31 – January 8');
  });

  test('is promised e-mail answers after the New Year closure by date', async ({ page }) => {
    await serveDemoInEnglish(page);
    await visitAt(page, '2027-01-01T12:00:00-05:00');
    await expect(statusLine(page)).toHaveText('Closed · opens on January 9 at 3:00 AM your time (11:00 AM Moscow time)');
    await expect(answerBy(page, 'sales')).toHaveText(
      'We answer within 1 business day: write now and expect an answer on January 9 by 8:00 AM your time');
  });
});
