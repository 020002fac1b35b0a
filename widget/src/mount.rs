//! The wasm entry point the loader calls, and the handle it drives the widget with.
//!
//! This is the only place that reads the browser (the language, the console); everything it decides
//! is delegated to `contact-core`. A configuration with problems still mounts: the valid rest renders
//! and the problems are reported once, together, to the site owner's console.

use contact_core::config::{Config, ConfigIssue, Parsed};
use contact_core::i18n::Locale;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::clock::with_zones;
use crate::deferred::BuildQueue;
use crate::events::{provide_events, use_events};
use crate::panel::ContactWidget;
use crate::time_format::browser_language;

/// Controls a mounted widget from JavaScript (`window.ContactWidget` in the loader).
#[wasm_bindgen]
pub struct WidgetHandle {
    open: RwSignal<bool>,
    form_for: RwSignal<Option<String>>,
    /// The department ids, in order, for [`WidgetHandle::open_callback`]; empty without a form.
    callback_departments: Vec<String>,
    /// The panel's contacts not built yet (see [`crate::deferred`]).
    build_queue: BuildQueue,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Opens the panel and moves focus into it, building first what idle time has not.
    pub fn open(&self) {
        self.build_queue.build_all();
        self.open.set(true);
    }

    /// Closes the panel.
    pub fn close(&self) {
        self.open.set(false);
    }

    /// Opens the panel on the callback form for `department` (an id; the first department when it
    /// is absent or unknown). Without a callback form in the configuration, opens the contacts.
    #[wasm_bindgen(js_name = openCallback)]
    pub fn open_callback(&self, department: Option<String>) {
        let known = department.filter(|id| self.callback_departments.contains(id));
        self.form_for.set(known.or_else(|| self.callback_departments.first().cloned()));
        self.open();
    }

    /// Builds the next queued part of the panel, so that opening it, or asking for its callback form,
    /// has less left to do; returns whether parts remain. The loader calls it in idle time, one part
    /// per task, after the start and after each opening (see [`crate::deferred`]).
    #[wasm_bindgen(js_name = buildNext)]
    pub fn build_next(&self) -> bool {
        self.build_queue.build_next()
    }

    /// Whether the panel is open, so the launcher can toggle it.
    #[wasm_bindgen(js_name = isOpen)]
    pub fn is_open(&self) -> bool {
        self.open.get_untracked()
    }
}

/// A configuration read by [`read_config`], ready for [`mount`].
#[wasm_bindgen]
pub struct ReadConfig {
    config: Config,
    locale: Locale,
}

/// Parses `config_json`, reports its problems to the console, and chooses the language: the
/// configured one, else from `page_lang` (the host page's `<html lang>`) and the browser's. The first
/// of the loader's two steps, each a main-thread task of its own when the page is idle. A
/// configuration with problems still mounts: the valid rest renders.
#[wasm_bindgen]
pub fn read_config(config_json: String, page_lang: Option<String>) -> ReadConfig {
    // The shared zones: the formatters made while reading the configuration serve the panel too.
    let Parsed { config, issues } = with_zones(|zones| Config::from_json(&config_json, zones));
    if !issues.is_empty() {
        web_sys::console::error_1(&issues_report(&issues).into());
    }
    let locale =
        config.locale.unwrap_or_else(|| Locale::for_visitor(page_lang.as_deref(), browser_language().as_deref()));
    ReadConfig { config, locale }
}

/// Renders the panel of `read` into `container` (inside the loader's shadow root): its skeleton at
/// once, its contacts as they are stepped through [`WidgetHandle::build_next`] or when it opens.
/// `launcher` is the loader's button: the panel keeps its `aria-expanded` current and returns focus
/// to it on close; it is hidden when the configuration leaves nothing to show. `events`, a
/// `function (name, detail)`, receives the widget's events (see [`crate::events`]).
#[wasm_bindgen]
pub fn mount(
    container: HtmlElement,
    launcher: HtmlElement,
    read: ReadConfig,
    events: Option<js_sys::Function>,
) -> WidgetHandle {
    let ReadConfig { config, locale } = read;
    launcher.set_hidden(config.departments.is_empty());
    let open = RwSignal::new(false);
    let form_for = RwSignal::new(None);
    let callback_departments = match config.callback {
        Some(_) => config.departments.iter().map(|department| department.id.clone()).collect(),
        None => Vec::new(),
    };
    let build_queue = BuildQueue::default();
    let queue = build_queue.clone();
    // The widget lives as long as the page, so the mount is never undone.
    leptos::mount::mount_to(container, move || {
        provide_events(events);
        let events = use_events();
        Effect::new(move |was_open: Option<bool>| {
            let is_open = open.get();
            if was_open.is_some_and(|was| was != is_open) {
                events.emit(if is_open { "open" } else { "close" }, &[]);
            }
            is_open
        });
        view! { <ContactWidget config locale open launcher form_for build_queue=queue /> }
    })
    .forget();
    WidgetHandle { open, form_for, callback_departments, build_queue }
}

/// The single console message listing every configuration problem, one per line, for the site
/// owner. Paths and messages only: the core's messages never quote phone numbers or names, so no
/// personal data reaches the console.
fn issues_report(issues: &[ConfigIssue]) -> String {
    let mut report = String::from("[contact-widget] configuration problems:");
    for issue in issues {
        report.push_str("\n  ");
        report.push_str(&issue.path);
        report.push_str(": ");
        report.push_str(&issue.message);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(path: &str, message: &str) -> ConfigIssue {
        ConfigIssue { path: path.into(), message: message.into() }
    }

    #[test]
    fn report_lists_every_issue_on_its_own_line_under_one_heading() {
        let issues = [
            issue("departments[0].contacts[1].url", "scheme \"javascript\" is not allowed"),
            issue("placement.side", "expected \"left\" or \"right\""),
        ];
        assert_eq!(
            issues_report(&issues),
            "[contact-widget] configuration problems:\n  departments[0].contacts[1].url: scheme \"javascript\" is not allowed\n  placement.side: expected \"left\" or \"right\""
        );
    }
}
