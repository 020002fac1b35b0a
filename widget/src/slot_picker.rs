//! The callback form's preferred-time picker and the promise sentences worded in the browser.
//!
//! The picker offers only what the core's [`slots_for`] returns for the chosen department: starts
//! of 30-minute windows inside its hours and outside the visitor's quiet hours over the next week,
//! listed by day on the visitor's clock. A chosen slot is confirmed at once in both zones with the
//! promise sentence the server will also give. Without working hours there is nothing honest to
//! offer, so the picker is not shown.

use std::sync::Arc;

use crate::panel::use_messages;
use contact_core::callback::FieldError;
use contact_core::config::Config;
use contact_core::i18n::{Locale, Messages};
use contact_core::promise::{Promise, PromiseInput};
use contact_core::slots::{slots_for, DEFAULT_SLOT_MINUTES};
use contact_core::time::Timestamp;
use contact_core::wording::{worded_callback_promise, Clockface, PromiseRequest};
use leptos::prelude::*;

use crate::clock::{use_now, visitor_zone, with_zones};
use crate::form::{is_invalid, ErrorLine, Place};
use crate::time_format::IntlClockface;

/// One day of the picker: its label on the visitor's clock and its slots (instant, time label).
type SlotDay = (String, Vec<(Timestamp, String)>);

/// The sentence for a request to `department` at `now`, with the visitor's `slot` if any, worded
/// with `messages` (the owner's overrides applied) on the visitor's clock by the core's [`worded_callback_promise`], the server's own
/// wording: what the widget shows when the endpoint answered without a promise of its own, and
/// what it checks a chosen slot with before sending. `Err` is a slot the hours cannot honour.
pub fn local_promise(
    config: &Config,
    department: &str,
    now: Timestamp,
    slot: Option<Timestamp>,
    messages: &'static Messages,
) -> Result<String, Promise> {
    let visitor = visitor_zone();
    let request = PromiseRequest { department: Some(department), visitor_zone: visitor.as_ref(), slot, now };
    let face = IntlClockface::new(messages.locale);
    with_zones(|zones| worded_callback_promise(config, &request, messages, &face, zones)).map(|(_, text)| text)
}

/// The days and slots the picker offers for `department` at `now`; empty without working hours.
fn slot_days(config: &Config, department: &str, now: Timestamp, locale: Locale) -> Vec<SlotDay> {
    let Some(hours) = config.hours_for(Some(department)) else { return Vec::new() };
    let visitor = visitor_zone().unwrap_or_else(|| hours.zone().clone());
    let face = IntlClockface::new(locale);
    with_zones(|zones| {
        let slots = slots_for(&PromiseInput::callback(hours, now, &visitor), DEFAULT_SLOT_MINUTES, zones);
        let visitor_clock = contact_core::zones::Tz::new(zones, &visitor);
        let mut days: Vec<(contact_core::time::Date, SlotDay)> = Vec::new();
        for at in slots {
            let date = visitor_clock.date_at(at);
            if days.last().is_none_or(|(last, _)| *last != date) {
                days.push((date, (face.weekday_date(date), Vec::new())));
            }
            if let Some((_, (_, times))) = days.last_mut() {
                times.push((at, face.time(at, &visitor)));
            }
        }
        days.into_iter().map(|(_, day)| day).collect()
    })
}

/// The optional "when to call" select, grouped by the visitor's days, with the chosen slot
/// confirmed below it in both zones. Hidden when the department has no hours or no slot this week.
#[component]
pub fn SlotPicker(
    /// The configuration: the departments' hours.
    config: Arc<Config>,
    /// The department the request is for; its hours decide the slots.
    department: RwSignal<String>,
    /// The chosen slot; `None` is "as soon as possible". (Not named `slot`, which `view!` reserves.)
    chosen: RwSignal<Option<Timestamp>>,
    /// The form's errors; those about the slot are shown here.
    errors: RwSignal<Vec<FieldError>>,
    /// The UI language.
    locale: Locale,
) -> impl IntoView {
    let messages = use_messages();
    let texts = &messages.promise;
    let now = use_now();
    let days_config = config.clone();
    // Recomputed whenever the form is opened or the department changes, both of which set the
    // department; the clock is read then rather than on every tick, which would rebuild the list
    // under the visitor's finger.
    let days = Memo::new(move |_| slot_days(&days_config, &department.get(), now.get_untracked(), locale));
    Effect::new(move || {
        department.track();
        chosen.set(None);
    });
    let confirmation = move || {
        let at = chosen.get()?;
        local_promise(&config, &department.get_untracked(), now.get_untracked(), Some(at), messages).ok()
    };
    move || {
        let groups = days.get();
        (!groups.is_empty()).then(|| {
            let groups = groups
                .into_iter()
                .map(|(label, times)| {
                    let options = times
                        .into_iter()
                        .map(|(at, time)| view! { <option value=at.unix_seconds().to_string()>{time}</option> })
                        .collect_view();
                    view! { <optgroup label=label>{options}</optgroup> }
                })
                .collect_view();
            view! {
                <div class="cw-field">
                    <label class="cw-field-label" for="cw-slot">{texts.picker}</label>
                    <select
                        id="cw-slot"
                        class="cw-input"
                        data-testid="cw-slot"
                        name="preferred-time"
                        aria-invalid=move || is_invalid(errors, Place::Slot).to_string()
                        aria-describedby=move || is_invalid(errors, Place::Slot).then_some(Place::Slot.error_id())
                        on:change=move |event| {
                            chosen.set(event_target_value(&event).parse().ok().map(Timestamp::from_unix_seconds))
                        }
                    >
                        <option value="">{texts.as_soon_as_possible}</option>
                        {groups}
                    </select>
                    <p class="cw-hint" data-testid="cw-slot-confirmation" aria-live="polite">{confirmation.clone()}</p>
                    <ErrorLine place=Place::Slot errors />
                </div>
            }
        })
    }
}
