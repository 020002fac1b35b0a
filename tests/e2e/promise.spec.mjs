// The callback promise and the preferred-time picker as visitors in other zones see them, on the demo
// page's Moscow office (Mon–Fri 10–19, Sat 11–16, closed 31 December – 8 January, callback target 15
// minutes, quiet hours 22:00–08:00 visitor time).
//
// The page's clock stands still at chosen instants, so the promise cannot come from our server (which
// runs on real time): the endpoint answers like a site owner's own backend, 201 with a number and no
// promise, and the widget words the promise itself with the core's `callback_promise` and the browser's
// Intl. The server's own promise is asserted in server-stub's tests and in callback.spec.mjs.
import { test, expect } from '@playwright/test';
import {
  openCallbackForm, fillCallbackForm, submitCallbackForm, uniquePhone, collectConsoleErrors, saveScreenshot,
} from './widget.mjs';

// find
const slotPicker = (page) => page.getByTestId('cw-slot');
const slotConfirmation = (page) => page.getByTestId('cw-slot-confirmation');
const promise = (page) => page.getByTestId('cw-promise');

/** The picker's choices as [day label, [times]] in order, the "as soon as possible" choice left out. */
async function pickerDays(page) {
  return slotPicker(page).locator('optgroup').evaluateAll((groups) =>
    groups.map((group) => [group.label, [...group.querySelectorAll('option')].map((option) => option.textContent)]));
}

// act
/** Answers callback requests like a third-party endpoint: 201, a number, no promise; returns the bodies sent. */
async function answerWithoutPromise(page) {
  const bodies = [];
  await page.route('**/api/v1/callbacks', async (route) => {
    bodies.push(JSON.parse(route.request().postData()));
    await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ id: 'A-17' }) });
  });
  return bodies;
}

/** Loads the demo with the page clock standing at `instant` (English when `english`) and opens the form. */
async function openFormAt(page, instant, { english = false } = {}) {
  await page.clock.setFixedTime(new Date(instant));
  if (english) {
    await page.route('**/contact.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), locale: 'en' } });
    });
  }
  await page.goto('/');
  return openCallbackForm(page, 'sales');
}

async function sendForm(page, openedAt) {
  await fillCallbackForm(page, { phone: uniquePhone().typed });
  await submitCallbackForm(page, openedAt);
  await expect(page.getByTestId('cw-success')).toContainText('A-17');
}

test.describe('a visitor in Yekaterinburg (+5) reading Russian, on Friday evening after closing', () => {
  test.use({ timezoneId: 'Asia/Yekaterinburg', locale: 'ru-RU' });
  // Friday 5 June 2026, 19:30 in Moscow, 21:30 in Yekaterinburg.
  const FRIDAY_EVENING = '2026-06-05T19:30:00+03:00';

  test('is promised Saturday\'s opening plus the target, on both clocks', async ({ page }) => {
    const errors = collectConsoleErrors(page);
    const bodies = await answerWithoutPromise(page);
    const openedAt = await openFormAt(page, FRIDAY_EVENING);
    await sendForm(page, openedAt);
    await expect(promise(page)).toHaveText(
      'Сейчас мы не работаем. Перезвоним завтра до 13:15 по вашему времени (11:15 по Москве)');
    expect(bodies).toHaveLength(1);
    expect(bodies[0].preferredSlot).toBeUndefined();
    expect(bodies[0].visitorZone).toBe('Asia/Yekaterinburg');
    expect(errors).toEqual([]);
  });

  test('is offered only slots in office hours on their own clock, and the chosen one is confirmed and sent as UTC', async ({ page }) => {
    const bodies = await answerWithoutPromise(page);
    const openedAt = await openFormAt(page, FRIDAY_EVENING);
    await expect(slotPicker(page)).toHaveValue('');
    const days = await pickerDays(page);
    // Saturday 11:00–16:00 Moscow is 13:00–18:00 here; Sunday is closed; Monday 10–19 is 12:00–21:00.
    expect(days[0]).toEqual(['сб, 6 июня',
      ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00', '17:30']]);
    expect(days[1][0]).toBe('пн, 8 июня');
    expect(days[1][1][0]).toBe('12:00');
    expect(days[1][1].at(-1)).toBe('20:30');
    expect(days.map(([day]) => day)).not.toContain('вс, 7 июня');

    await slotPicker(page).selectOption({ label: '14:30' });
    await expect(slotConfirmation(page)).toHaveText('Позвоним завтра в 14:30 по вашему времени (12:30 по Москве)');
    await saveScreenshot(page, 'callback-slot-picker-360x740');
    await sendForm(page, openedAt);
    await expect(promise(page)).toHaveText('Позвоним завтра в 14:30 по вашему времени (12:30 по Москве)');
    expect(bodies[0].preferredSlot).toEqual({ utc: '2026-06-06T09:30:00Z', zone: 'Asia/Yekaterinburg' });
  });
});

test.describe('a visitor in Vladivostok (+10) reading English, at 01:00 their time while Moscow is open', () => {
  test.use({ timezoneId: 'Asia/Vladivostok', locale: 'en-GB' });

  test('is not called at night: the promise moves to the office\'s next morning, and says why', async ({ page }) => {
    await answerWithoutPromise(page);
    // Monday 1 June 2026, 18:00 in Moscow: open, but 01:00 on Tuesday in Vladivostok.
    const openedAt = await openFormAt(page, '2026-06-01T18:00:00+03:00', { english: true });
    const days = await pickerDays(page);
    // Nothing before 08:00 or after 22:00 their time: Moscow's 10:00–15:00 only.
    expect(days[0]).toEqual(['Tue 2 June',
      ['17:00', '17:30', '18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30']]);
    await sendForm(page, openedAt);
    await expect(promise(page)).toHaveText(
      'We do not call at night your time. We will call you back today by 17:15 your time (10:15 Moscow time)');
  });
});

test.describe('a visitor in Moscow before the New Year holidays', () => {
  test.use({ timezoneId: 'Europe/Moscow', locale: 'ru-RU' });

  test('is promised the first working day after the closure, and offered no slot in the closed week', async ({ page }) => {
    await answerWithoutPromise(page);
    // Wednesday 30 December 2026, 20:00: closed until Saturday 9 January.
    const openedAt = await openFormAt(page, '2026-12-30T20:00:00+03:00');
    await expect(slotPicker(page)).toHaveCount(0);
    await sendForm(page, openedAt);
    await expect(promise(page)).toHaveText('Сейчас мы не работаем. Перезвоним 9 января до 11:15 по вашему времени');
  });
});
