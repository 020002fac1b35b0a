//! The visitor's "now" and "where": the one place that reads the browser's clock and time zone.
//!
//! [`provide_now`] starts a single tick signal for the panel; every component that shows time reads
//! it through [`use_now`], so all of them agree on the instant and all recompute together. The
//! clock is read when the panel opens and then every [`UseNowOptions::interval_ms`] while it stays
//! open, and not at all while it is closed: a hidden panel costs the host page nothing. The
//! visitor's zone comes from `Intl` once ([`visitor_zone`]); time-zone offsets come from one shared
//! [`IntlZones`] ([`with_zones`]), so the formatters it caches serve every component.

use std::cell::OnceCell;
use std::time::Duration;

use contact_core::time::Timestamp;
use contact_core::zones::{ZoneName, Zones};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use contact_intl_zones::IntlZones;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat()` with the browser's defaults, only to ask for its zone.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DefaultFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new() -> DefaultFormat;

    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &DefaultFormat) -> DefaultOptions;

    type DefaultOptions;

    /// `undefined` in engines that cannot tell; `Option` keeps that from becoming a panic.
    #[wasm_bindgen(method, getter, js_name = timeZone)]
    fn time_zone(this: &DefaultOptions) -> Option<String>;
}

thread_local! {
    static ZONES: IntlZones = IntlZones::default();
    static VISITOR_ZONE: OnceCell<Option<ZoneName>> = const { OnceCell::new() };
}

/// Options of [`provide_now`].
#[derive(Debug, Clone, Copy)]
pub struct UseNowOptions {
    /// Milliseconds between ticks while the panel is open. Default: 30 000. Every displayed time
    /// has minute precision, so half a minute keeps "закроемся через 1 минуту" true to within
    /// 30 seconds while costing two small recomputations a minute.
    pub interval_ms: u64,
}

impl Default for UseNowOptions {
    fn default() -> Self {
        UseNowOptions { interval_ms: 30_000 }
    }
}

/// The shared tick in context.
#[derive(Clone, Copy)]
struct Now(ReadSignal<Timestamp>);

/// Starts the panel's clock and puts it in context for [`use_now`]. `running` is the panel's open
/// state: opening reads the clock at once (the page may have been open for hours), then it ticks
/// every `options.interval_ms` until the panel closes. A reading in the minute already shown is not
/// passed on: every displayed time has minute precision, so nothing would change but the work of
/// recomputing it (about 13 ms of a tap at 8x CPU when the panel was built in the same minute).
pub fn provide_now(running: ReadSignal<bool>, options: UseNowOptions) {
    let (now, set_now) = signal(read_clock());
    provide_context(Now(now));
    let interval = Duration::from_millis(options.interval_ms);
    let tick = move || {
        let fresh = read_clock();
        if changes_minute(now.get_untracked(), fresh) {
            set_now.set(fresh);
        }
    };
    Effect::new(move |ticking: Option<Option<IntervalHandle>>| {
        if let Some(Some(handle)) = ticking {
            handle.clear();
        }
        if !running.get() {
            return None;
        }
        tick();
        set_interval_with_handle(tick, interval).ok()
    });
}

/// Whether `fresh` falls in another minute than `shown` (minutes of Unix time, which are the
/// minutes of every zone the widget shows: no zone's offset has seconds).
fn changes_minute(shown: Timestamp, fresh: Timestamp) -> bool {
    shown.unix_seconds().div_euclid(60) != fresh.unix_seconds().div_euclid(60)
}

/// The current instant, ticking while the panel is open. Call it inside the panel, whose
/// [`provide_now`] started the clock.
pub fn use_now() -> ReadSignal<Timestamp> {
    expect_context::<Now>().0
}

/// The browser's clock. The only call of `Date.now()` in the widget.
fn read_clock() -> Timestamp {
    // Whole milliseconds since the epoch fit an i64 for the next 290 million years.
    Timestamp::from_unix_millis(js_sys::Date::now() as i64)
}

/// The visitor's time zone as the browser reports it, resolved to its current IANA name
/// (Chromium may still say `Asia/Katmandu`); `None` if the browser names none it knows.
pub fn visitor_zone() -> Option<ZoneName> {
    VISITOR_ZONE.with(|zone| {
        zone.get_or_init(|| {
            let name = DefaultFormat::new().resolved_options().time_zone()?;
            with_zones(|zones| zones.resolve(&name))
        })
        .clone()
    })
}

/// Runs `read` with the widget's shared [`Zones`] (the browser's `Intl`).
pub fn with_zones<T>(read: impl FnOnce(&dyn Zones) -> T) -> T {
    ZONES.with(|zones| read(zones))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_reading_in_another_minute_changes_the_clock() {
        let at = |seconds| Timestamp::from_unix_seconds(seconds);
        let cases = [
            (at(1_780_000_020), at(1_780_000_079), false),
            (at(1_780_000_020), at(1_780_000_080), true),
            (at(1_780_000_079), at(1_780_000_080), true),
            (at(1_780_000_080), at(1_780_000_020), true),
            (at(-61), at(-120), false),
            (at(-61), at(-60), true),
        ];
        for (shown, fresh, changes) in cases {
            assert_eq!(changes_minute(shown, fresh), changes, "{shown:?} -> {fresh:?}");
        }
    }
}
