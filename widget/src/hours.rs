//! Working hours as the visitor sees them: the status line, the week table with its zone switch,
//! holiday notices and the e-mail answer time, all on the visitor's own clock.
//!
//! Every answer comes from `contact-core` ([`Hours::status`], [`Hours::week_in_zone`],
//! [`Hours::overrides_ahead`], [`Hours::email_answer_by`]) at the instant of the shared tick
//! ([`use_now`]), so the texts stay true while the panel is open. This module only chooses the
//! sentence and fills it: times, dates and zone names are written by a [`Clockface`] (the
//! browser's `Intl`), the words around them come from [`HoursTexts`]. The company's clock is
//! shown beside the visitor's whenever their offsets differ at the moment in question.
//! Configured labels are rendered as text only.

use contact_core::config::{Channel, Contact};
use contact_core::i18n::{fill, Messages};
use contact_core::schedule::{Hours, Status, ANNOUNCE_DAYS};
use contact_core::time::{Date, LocalTime, Timestamp};
use contact_core::wording::Viewpoint;
use contact_core::zones::ZoneName;
use leptos::html;
use leptos::prelude::*;

use crate::clock::{use_now, visitor_zone, with_zones};
use crate::deferred::build_when_needed;
use crate::time_format::IntlClockface;

/// Within this many seconds of a change the status counts down ("закроемся через 25 минут").
const COUNTDOWN_SECONDS: i64 = 60 * 60;

/// The status line and whether the hours are open now.
fn status_text(hours: &Hours, view: &Viewpoint<'_>) -> (bool, String) {
    let texts = view.hours_texts();
    match hours.status(view.now, view.zones) {
        Status::Open { until: None } => (true, texts.open_always.to_owned()),
        Status::Closed { opens_at: None } => (false, texts.closed.to_owned()),
        Status::Open { until: Some(at) } => (true, change_text(hours, at, true, view)),
        Status::Closed { opens_at: Some(at) } => (false, change_text(hours, at, false, view)),
    }
}

/// "до 21:00 по вашему времени (19:00 по Москве)" and its kin, for the next close (`closes`) or
/// opening at `at`.
fn change_text(hours: &Hours, at: Timestamp, closes: bool, view: &Viewpoint<'_>) -> String {
    let texts = view.hours_texts();
    let time = view.time(at, view.visitor, closes);
    let seconds_left = view.now.seconds_until(at);
    let mut line = if seconds_left <= COUNTDOWN_SECONDS {
        // Rounded up: with 30 seconds left it is still "1 минуту", never "0 минут".
        let minutes = u32::try_from((seconds_left + 59) / 60).unwrap_or(1).max(1);
        let minutes = texts.minutes.count(minutes, view.face.plural(minutes));
        let template = if closes { texts.closes_in } else { texts.opens_in };
        fill(template, &[("minutes", &minutes), ("time", &time)])
    } else {
        let day = view.day_of(at, closes);
        if closes && day == texts.today {
            fill(texts.open_until, &[("time", &time)])
        } else {
            let template = if closes { texts.closes_on } else { texts.opens_on };
            fill(template, &[("day", &day), ("time", &time)])
        }
    };
    line.push_str(&view.company_time_suffix(hours.zone(), at, closes));
    line
}

/// One row of the week table.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WeekRow {
    /// "пн, 1 июня".
    label: String,
    /// "17:00–24:00", "выходной", "круглосуточно".
    hours: String,
    /// Whether the row is today on the table's clock.
    today: bool,
}

/// The seven days from today on `zone`'s clock.
fn week_rows(hours: &Hours, zone: &ZoneName, view: &Viewpoint<'_>) -> Vec<WeekRow> {
    let texts = view.hours_texts();
    hours
        .week_in_zone(view.now, zone, view.zones)
        .into_iter()
        .enumerate()
        .map(|(index, day)| {
            let all_day = matches!(day.intervals.as_slice(),
                [only] if only.start == LocalTime::MIDNIGHT && only.end == LocalTime::END_OF_DAY);
            let hours = if day.intervals.is_empty() {
                texts.day_closed.to_owned()
            } else if all_day {
                texts.all_day.to_owned()
            } else {
                day.intervals
                    .iter()
                    .map(|interval| {
                        let start = view.time(interval.span.start, zone, false);
                        let end = view.time(interval.span.end, zone, true);
                        fill(texts.interval, &[("start", &start), ("end", &end)])
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            WeekRow { label: view.face.weekday_date(day.date), hours, today: index == 0 }
        })
        .collect()
}

/// One announced override: the site owner's label and the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    label: Option<String>,
    text: String,
}

/// Closures and changed hours within [`ANNOUNCE_DAYS`], in date order.
fn notices(hours: &Hours, view: &Viewpoint<'_>) -> Vec<Notice> {
    let texts = view.hours_texts();
    let written = |date: Date| view.face.date(date);
    hours
        .overrides_ahead(view.now, ANNOUNCE_DAYS, view.zones)
        .into_iter()
        .map(|announced| {
            let dates = if announced.first() == announced.last() {
                written(announced.first())
            } else {
                fill(texts.date_range, &[("first", &written(announced.first())), ("last", &written(announced.last()))])
            };
            let template = if announced.is_closed() { texts.closed_dates } else { texts.special_dates };
            Notice { label: announced.label().map(str::to_owned), text: fill(template, &[("dates", &dates)]) }
        })
        .collect()
}

/// "Ответим в течение 1 рабочего дня: …", or `None` when no answer time can be promised.
fn email_text(hours: &Hours, view: &Viewpoint<'_>) -> Option<String> {
    let texts = view.hours_texts();
    let at = hours.email_answer_by(view.now, view.zones)?;
    let count = hours.targets().email_business_days;
    let days = texts.business_days.count(count, view.face.plural(count));
    let time = view.time(at, view.visitor, true);
    Some(fill(texts.email_answer, &[("days", &days), ("day", &view.day_of(at, true)), ("time", &time)]))
}

/// Runs `read` from the visitor's viewpoint in the browser at `now`.
fn in_browser<T>(
    messages: &'static Messages,
    visitor: &ZoneName,
    now: Timestamp,
    read: impl FnOnce(&Viewpoint<'_>) -> T,
) -> T {
    let face = IntlClockface::new(messages.locale);
    with_zones(|zones| read(&Viewpoint { now, visitor, messages, face: &face, zones }))
}

/// The visitor's zone, or the hours' own when the browser names none it knows: the best guess,
/// since most visitors of a site live on its company's clock.
fn visitor_or(hours: &Hours) -> ZoneName {
    visitor_zone().unwrap_or_else(|| hours.zone().clone())
}

/// The hours of the company or of one department: the status line, holiday notices, and the week
/// table behind a disclosure button (hidden while the hours do not close within a week, when every
/// row would read "round the clock").
#[component]
pub fn HoursSummary(
    /// The hours to show.
    hours: Hours,
    /// The texts in the panel's language.
    messages: &'static Messages,
    /// A prefix unique within the panel, for the table's id.
    id: String,
) -> impl IntoView {
    let now = use_now();
    let table_id = [&id, "-week"].concat();
    let (expanded, set_expanded) = signal(false);
    let always_open = {
        let hours = hours.clone();
        move || with_zones(|zones| matches!(hours.status(now.get(), zones), Status::Open { until: None }))
    };
    // Toggling `hidden` rather than creating and dropping views keeps the wasm small; a hidden
    // wrapper also keeps its button out of the dialog's Tab cycle. The table itself is built on the
    // first expansion (see crate::deferred): a week of formatted times most visitors never look at.
    let week_box = NodeRef::<html::Div>::new();
    let week = hours.clone();
    build_when_needed(move || expanded.get(), week_box, move || view! { <HoursTable hours=week messages /> });
    view! {
        <div class="cw-hours" data-testid="cw-hours">
            <StatusLine hours=hours.clone() messages />
            <HolidayNotice hours=hours.clone() messages />
            <div hidden=always_open>
                <button
                    class="cw-hours-toggle"
                    data-testid="cw-hours-toggle"
                    type="button"
                    aria-expanded=move || if expanded.get() { "true" } else { "false" }
                    aria-controls=table_id.clone()
                    on:click=move |_| set_expanded.update(|shown| *shown = !*shown)
                >
                    {messages.hours.disclosure}
                </button>
                <div class="cw-week-box" id=table_id hidden=move || !expanded.get() node_ref=week_box></div>
            </div>
        </div>
    }
}

/// "Открыто · до 21:00 по вашему времени (19:00 по Москве)": open or closed now and the next
/// change, on the visitor's clock, with the company's beside it when they differ. Recomputed on
/// every tick; not a live region, so screen readers are not interrupted twice a minute.
#[component]
pub fn StatusLine(
    /// The hours whose status is shown.
    hours: Hours,
    /// The texts in the panel's language.
    messages: &'static Messages,
) -> impl IntoView {
    let now = use_now();
    let visitor = visitor_or(&hours);
    let status = move || in_browser(messages, &visitor, now.get(), |view| status_text(&hours, view));
    let open = status.clone();
    view! {
        <p
            class=move || if open().0 { "cw-hours-status cw-open" } else { "cw-hours-status" }
            data-testid="cw-hours-status"
        >
            {move || status().1}
        </p>
    }
}

/// The week from today in the visitor's zone, with a switch to the company's zone when the two
/// clocks differ. An interval that crosses the shown clock's midnight appears on both dates.
#[component]
pub fn HoursTable(
    /// The hours to tabulate.
    hours: Hours,
    /// The texts in the panel's language.
    messages: &'static Messages,
) -> impl IntoView {
    let now = use_now();
    let visitor = visitor_or(&hours);
    let company = hours.zone().clone();
    let (in_company_zone, set_in_company_zone) = signal(false);
    let texts = &messages.hours;
    // Reads from the visitor's viewpoint the phrase of the shown clock (`shown`) or of the other.
    let phrase = {
        let (visitor, company) = (visitor.clone(), company.clone());
        move |shown: bool| {
            let zone = if in_company_zone.get() == shown { &company } else { &visitor };
            in_browser(messages, &visitor, now.get(), |view| view.zone_phrase(zone))
        }
    };
    let other = phrase.clone();
    let clocks_differ = {
        let (visitor, company) = (visitor.clone(), company.clone());
        move || in_browser(messages, &visitor, now.get(), |view| view.clocks_differ(&company, view.now))
    };
    let rows = move || {
        let zone = if in_company_zone.get() { &company } else { &visitor };
        in_browser(messages, &visitor, now.get(), |view| week_rows(&hours, zone, view))
            .into_iter()
            .map(|row| {
                view! {
                    <tr aria-current=row.today.then_some("date")>
                        <th scope="row">{row.label}</th>
                        <td>{row.hours}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div hidden=move || !clocks_differ()>
            <button
                class="cw-zone-switch"
                data-testid="cw-zone-switch"
                type="button"
                on:click=move |_| set_in_company_zone.update(|company| *company = !*company)
            >
                {move || fill(texts.show_in, &[("zone", &other(false))])}
            </button>
        </div>
        <table class="cw-week" data-testid="cw-week">
            <caption>{move || fill(texts.table_caption, &[("zone", &phrase(true))])}</caption>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Closures and changed hours in the next 14 days ("31 декабря – 8 января не работаем"), under
/// the site owner's label.
#[component]
pub fn HolidayNotice(
    /// The hours whose date overrides are announced.
    hours: Hours,
    /// The texts in the panel's language.
    messages: &'static Messages,
) -> impl IntoView {
    let now = use_now();
    let visitor = visitor_or(&hours);
    move || {
        in_browser(messages, &visitor, now.get(), |view| notices(&hours, view))
            .into_iter()
            .map(|notice| {
                view! {
                    <p class="cw-holiday" data-testid="cw-holiday">
                        <span class="cw-holiday-label">{notice.label}</span>
                        " "
                        {notice.text}
                    </p>
                }
            })
            .collect_view()
    }
}

/// "Ответим в течение 1 рабочего дня: напишите сейчас — ответ завтра до 21:00 по вашему времени",
/// under an e-mail contact of a department with hours.
#[component]
pub fn EmailAnswerBy(
    /// The department's effective hours.
    hours: Hours,
    /// The texts in the panel's language.
    messages: &'static Messages,
) -> impl IntoView {
    let now = use_now();
    let visitor = visitor_or(&hours);
    let text = move || in_browser(messages, &visitor, now.get(), |view| email_text(&hours, view));
    let known = text.clone();
    view! {
        <p class="cw-answer-by" data-testid="cw-answer-by" hidden=move || known().is_none()>
            {move || text().unwrap_or_default()}
        </p>
    }
}

/// The answer-time line for `contact` if it is an e-mail and its department has hours.
pub fn email_answer_for(
    contact: &Contact,
    hours: Option<&Hours>,
    messages: &'static Messages,
) -> Option<impl IntoView> {
    let hours = hours.filter(|_| contact.channel == Channel::Email)?.clone();
    Some(view! { <EmailAnswerBy hours messages /> })
}

#[cfg(test)]
mod tests {
    use contact_core::i18n::{Locale, PluralCategory};
    use contact_core::schedule::{RawHours, RawOverride, RawWeekly};
    use contact_core::time::{Date, Offset, Timestamp};

    use super::*;
    use contact_core::wording::Clockface;
    use contact_core::zones::{Tz, Zones};

    /// Fixed offsets for zones without DST, enough for the Russian cases; the real `Intl` runs in
    /// the browser tests and end-to-end.
    struct FixedZones;

    impl Zones for FixedZones {
        fn offset_at(&self, zone: &ZoneName, _at: Timestamp) -> Option<Offset> {
            let hours = match zone.as_str() {
                "Europe/Moscow" => 3,
                "Asia/Yekaterinburg" => 5,
                "Asia/Vladivostok" => 10,
                "Europe/Minsk" => 3,
                "UTC" => 0,
                _ => return None,
            };
            Some(Offset::from_seconds(hours * 3600))
        }
    }

    /// Writes times as "HH:MM" (an end at midnight as "24:00"), dates as "D.MM", zones by id, and
    /// picks Russian plural categories: a stand-in for `Intl` with a Russian locale.
    struct TestFace;

    impl Clockface for TestFace {
        fn time(&self, at: Timestamp, zone: &ZoneName) -> String {
            Tz::new(&FixedZones, zone).to_civil(at).time().to_string()
        }

        fn end_time(&self, at: Timestamp, zone: &ZoneName) -> String {
            let time = Tz::new(&FixedZones, zone).to_civil(at).time();
            if time == LocalTime::MIDNIGHT {
                "24:00".into()
            } else {
                time.to_string()
            }
        }

        fn weekday_date(&self, date: Date) -> String {
            format!("{} {}", date.weekday(), self.date(date))
        }

        fn date(&self, date: Date) -> String {
            format!("{}.{:02}", date.day(), date.month())
        }

        fn zone_name(&self, zone: &ZoneName) -> String {
            zone.to_string()
        }

        fn plural(&self, n: u32) -> PluralCategory {
            match (n % 10, n % 100) {
                (1, 11) => PluralCategory::Many,
                (1, _) => PluralCategory::One,
                (2..=4, 12..=14) => PluralCategory::Many,
                (2..=4, _) => PluralCategory::Few,
                _ => PluralCategory::Many,
            }
        }
    }

    fn intervals(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(|text| text.to_string()).collect())
    }

    /// The demo's Moscow office: Mon–Fri 10–19, Sat 11–16, closed 31 December – 8 January.
    fn moscow_office() -> Hours {
        let weekday = intervals(&["10:00-19:00"]);
        let raw = RawHours {
            zone: Some("Europe/Moscow".into()),
            weekly: Some(RawWeekly {
                mon: weekday.clone(),
                tue: weekday.clone(),
                wed: weekday.clone(),
                thu: weekday.clone(),
                fri: weekday,
                sat: intervals(&["11:00-16:00"]),
                ..RawWeekly::default()
            }),
            overrides: Some(vec![RawOverride {
                from: Some("2026-12-31".into()),
                to: Some("2027-01-08".into()),
                closed: Some(true),
                label: Some("Новогодние праздники".into()),
                ..RawOverride::default()
            }]),
            ..RawHours::default()
        };
        let parsed = Hours::from_raw(&raw, None, &FixedZones);
        assert!(parsed.issues.is_empty(), "{:?}", parsed.issues);
        parsed.hours.unwrap()
    }

    fn round_the_clock() -> Hours {
        let all_day = intervals(&["00:00-24:00"]);
        let raw = RawHours {
            zone: Some("Europe/Moscow".into()),
            weekly: Some(RawWeekly {
                mon: all_day.clone(),
                tue: all_day.clone(),
                wed: all_day.clone(),
                thu: all_day.clone(),
                fri: all_day.clone(),
                sat: all_day.clone(),
                sun: all_day,
                ..RawWeekly::default()
            }),
            ..RawHours::default()
        };
        Hours::from_raw(&raw, None, &FixedZones).hours.unwrap()
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    fn read<T>(locale: Locale, now: &str, visitor: &str, read: impl FnOnce(&Viewpoint<'_>) -> T) -> T {
        let visitor = ZoneName::new(visitor);
        read(&Viewpoint {
            now: at(now),
            visitor: &visitor,
            messages: locale.messages(),
            face: &TestFace,
            zones: &FixedZones,
        })
    }

    #[test]
    fn status_lines_read_on_the_visitors_clock_with_the_companys_beside_when_they_differ() {
        let office = moscow_office();
        let cases = [
            // Monday 1 June 2026, 15:00 in Yekaterinburg (13:00 in Moscow).
            (
                "2026-06-01T15:00+05:00",
                "Asia/Yekaterinburg",
                true,
                "Открыто · до 21:00 по вашему времени (19:00 по Москве)",
            ),
            ("2026-06-01T13:00+03:00", "Europe/Moscow", true, "Открыто · до 19:00 по вашему времени"),
            // Minsk keeps Moscow's clock: nothing to add.
            ("2026-06-01T13:00+03:00", "Europe/Minsk", true, "Открыто · до 19:00 по вашему времени"),
            (
                "2026-06-01T23:30+05:00",
                "Asia/Yekaterinburg",
                false,
                "Закрыто · откроемся завтра в 12:00 по вашему времени (10:00 по Москве)",
            ),
            (
                "2026-06-01T05:00+05:00",
                "Asia/Yekaterinburg",
                false,
                "Закрыто · откроемся сегодня в 12:00 по вашему времени (10:00 по Москве)",
            ),
            // Friday evening: Saturday's short day.
            (
                "2026-06-05T22:00+05:00",
                "Asia/Yekaterinburg",
                false,
                "Закрыто · откроемся завтра в 13:00 по вашему времени (11:00 по Москве)",
            ),
            // Saturday after closing: Monday.
            (
                "2026-06-06T19:00+05:00",
                "Asia/Yekaterinburg",
                false,
                "Закрыто · откроемся в понедельник в 12:00 по вашему времени (10:00 по Москве)",
            ),
            // Vladivostok: Moscow's 19:00 is 02:00 the next day there.
            (
                "2026-06-01T23:00+10:00",
                "Asia/Vladivostok",
                true,
                "Открыто · закроемся завтра в 02:00 по вашему времени (19:00 по Москве)",
            ),
            // The New Year closure: the next opening is Saturday 9 January, more than a week ahead…
            (
                "2027-01-01T12:00+05:00",
                "Asia/Yekaterinburg",
                false,
                "Закрыто · откроемся 9.01 в 13:00 по вашему времени (11:00 по Москве)",
            ),
            // …and named by its weekday once it is within the week.
            (
                "2027-01-03T12:00+05:00",
                "Asia/Yekaterinburg",
                false,
                "Закрыто · откроемся в субботу в 13:00 по вашему времени (11:00 по Москве)",
            ),
        ];
        for (now, visitor, open, expected) in cases {
            assert_eq!(
                read(Locale::Ru, now, visitor, |view| status_text(&office, view)),
                (open, expected.to_owned()),
                "{now} in {visitor}"
            );
        }
    }

    #[test]
    fn status_counts_down_the_last_hour_in_russian_plural_forms() {
        let office = moscow_office();
        let cases = [
            ("2026-06-01T18:59:30+03:00", "Открыто · закроемся через 1 минуту, в 19:00 по вашему времени"),
            ("2026-06-01T18:58+03:00", "Открыто · закроемся через 2 минуты, в 19:00 по вашему времени"),
            ("2026-06-01T18:55+03:00", "Открыто · закроемся через 5 минут, в 19:00 по вашему времени"),
            ("2026-06-01T18:39+03:00", "Открыто · закроемся через 21 минуту, в 19:00 по вашему времени"),
            ("2026-06-01T18:00+03:00", "Открыто · закроемся через 60 минут, в 19:00 по вашему времени"),
            ("2026-06-01T09:48+03:00", "Закрыто · откроемся через 12 минут, в 10:00 по вашему времени"),
        ];
        for (now, expected) in cases {
            assert_eq!(read(Locale::Ru, now, "Europe/Moscow", |view| status_text(&office, view).1), expected, "{now}");
        }
    }

    #[test]
    fn status_in_english_names_the_company_clock_by_city() {
        let office = moscow_office();
        let line =
            read(Locale::En, "2026-06-06T19:00+05:00", "Asia/Yekaterinburg", |view| status_text(&office, view).1);
        assert_eq!(line, "Closed · opens on Monday at 12:00 your time (10:00 Moscow time)");
        let always = read(Locale::En, "2026-06-06T19:00+05:00", "Asia/Yekaterinburg", |view| {
            status_text(&round_the_clock(), view)
        });
        assert_eq!(always, (true, "Open 24/7".to_owned()));
    }

    #[test]
    fn week_in_vladivostok_splits_moscow_days_across_the_visitors_midnight() {
        let office = moscow_office();
        let vladivostok = ZoneName::new("Asia/Vladivostok");
        let rows = read(Locale::Ru, "2026-06-01T12:00+10:00", "Asia/Vladivostok", |view| {
            week_rows(&office, &vladivostok, view)
        });
        let table: Vec<(&str, &str, bool)> =
            rows.iter().map(|row| (row.label.as_str(), row.hours.as_str(), row.today)).collect();
        assert_eq!(
            table,
            [
                ("mon 1.06", "17:00–24:00", true),
                ("tue 2.06", "00:00–02:00, 17:00–24:00", false),
                ("wed 3.06", "00:00–02:00, 17:00–24:00", false),
                ("thu 4.06", "00:00–02:00, 17:00–24:00", false),
                ("fri 5.06", "00:00–02:00, 17:00–24:00", false),
                ("sat 6.06", "00:00–02:00, 18:00–23:00", false),
                ("sun 7.06", "выходной", false),
            ]
        );
    }

    #[test]
    fn week_in_the_company_zone_reads_as_configured_and_round_the_clock_says_so() {
        let office = moscow_office();
        let moscow = ZoneName::new("Europe/Moscow");
        let rows =
            read(Locale::Ru, "2026-06-06T12:00+10:00", "Asia/Vladivostok", |view| week_rows(&office, &moscow, view));
        let hours: Vec<&str> = rows.iter().map(|row| row.hours.as_str()).collect();
        assert_eq!(
            hours,
            ["11:00–16:00", "выходной", "10:00–19:00", "10:00–19:00", "10:00–19:00", "10:00–19:00", "10:00–19:00"]
        );
        let rows = read(Locale::En, "2026-06-06T12:00+03:00", "Europe/Moscow", |view| {
            week_rows(&round_the_clock(), &moscow, view)
        });
        assert!(rows.iter().all(|row| row.hours == "24 hours"), "{rows:?}");
    }

    #[test]
    fn closures_are_announced_two_weeks_ahead_and_while_they_last() {
        let office = moscow_office();
        let cases = [
            ("2026-12-10T12:00+03:00", vec![]),
            ("2026-12-20T12:00+03:00", vec!["31.12 – 8.01 не работаем"]),
            ("2027-01-05T12:00+03:00", vec!["31.12 – 8.01 не работаем"]),
            ("2027-01-09T12:00+03:00", vec![]),
        ];
        for (now, expected) in cases {
            let notices = read(Locale::Ru, now, "Asia/Yekaterinburg", |view| notices(&office, view));
            let texts: Vec<&str> = notices.iter().map(|notice| notice.text.as_str()).collect();
            assert_eq!(texts, expected, "{now}");
            assert!(notices.iter().all(|notice| notice.label.as_deref() == Some("Новогодние праздники")));
        }
    }

    #[test]
    fn email_answer_time_counts_business_days_on_the_visitors_clock() {
        let office = moscow_office();
        let cases = [
            (
                Locale::Ru,
                "2026-06-01T15:00+05:00",
                "Ответим в течение 1 рабочего дня: напишите сейчас — ответ завтра до 21:00 по вашему времени",
            ),
            (
                Locale::Ru,
                "2026-06-06T15:00+05:00",
                "Ответим в течение 1 рабочего дня: напишите сейчас — ответ в понедельник до 21:00 по вашему времени",
            ),
            (
                Locale::Ru,
                "2027-01-03T12:00+05:00",
                "Ответим в течение 1 рабочего дня: напишите сейчас — ответ в субботу до 18:00 по вашему времени",
            ),
            (
                Locale::En,
                "2026-06-01T08:00+05:00",
                "We answer within 1 business day: write now and expect an answer today by 21:00 your time",
            ),
        ];
        for (locale, now, expected) in cases {
            assert_eq!(
                read(locale, now, "Asia/Yekaterinburg", |view| email_text(&office, view)).as_deref(),
                Some(expected),
                "{now}"
            );
        }
    }

    #[test]
    fn an_end_at_the_visitors_midnight_belongs_to_the_day_it_ends() {
        let evening = {
            let raw = RawHours {
                zone: Some("Europe/Moscow".into()),
                weekly: Some(RawWeekly { mon: intervals(&["18:00-24:00"]), ..RawWeekly::default() }),
                ..RawHours::default()
            };
            Hours::from_raw(&raw, None, &FixedZones).hours.unwrap()
        };
        let line = read(Locale::Ru, "2026-06-01T20:00+03:00", "Europe/Moscow", |view| status_text(&evening, view).1);
        assert_eq!(line, "Открыто · до 24:00 по вашему времени");
    }
}
