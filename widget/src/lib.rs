//! The contact widget's browser UI: Leptos components that render a validated
//! [`contact_core::config::Config`] as an accessible dialog of contact links, and the `mount` entry
//! point the loader script calls.
//!
//! This crate only renders. Parsing, validation, link building and the choice of language all live in
//! `contact-core`; what arrives here cannot be wrong for input reasons. All configured text is
//! rendered as text nodes and attribute values, never as HTML.
//!
//! Two ways in:
//! - the loader (`widget/loader/contact-widget.js`) draws the launcher, then, once the wasm has
//!   arrived, calls [`read_config`] with the configuration JSON and [`mount`] with what it read, and
//!   drives the returned [`WidgetHandle`];
//! - a Leptos application renders [`ContactWidget`] (or just [`ContactPanel`]) with a typed config,
//!   parsed with `with_zones(|zones| Config::from_json(json, zones))` ([`with_zones`]: the browser's
//!   time zones, whose formatters the panel then reuses); `demo-site/leptos-embed/` is such an
//!   application.

mod api;
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;
mod clock;
mod deferred;
mod events;
mod form;
mod hours;
mod icons;
mod mount;
mod outbox;
mod panel;
mod slot_picker;
mod time_format;

pub use clock::{provide_now, use_now, with_zones, UseNowOptions};
pub use deferred::BuildQueue;
pub use events::{provide_events, use_events, Events};
pub use hours::{EmailAnswerBy, HolidayNotice, HoursSummary, HoursTable, StatusLine};
pub use icons::{channel_name, ChannelIcon};
pub use mount::{mount, read_config, ReadConfig, WidgetHandle};
pub use panel::{ContactLink, ContactPanel, ContactWidget, DepartmentSection};

#[cfg(test)]
mod tests {
    use contact_core::i18n::Locale;

    const LOADER: &str = include_str!("../loader/contact-widget.js");
    const STYLESHEET: &str = include_str!("../style/widget.css");
    /// The rendering modules (this file holds the tests and would find its own needles).
    const RENDERING: [(&str, &str); 5] = [
        ("icons.rs", include_str!("icons.rs")),
        ("mount.rs", include_str!("mount.rs")),
        ("panel.rs", include_str!("panel.rs")),
        ("hours.rs", include_str!("hours.rs")),
        ("form.rs", include_str!("form.rs")),
    ];

    #[test]
    fn loader_takes_its_launcher_texts_and_language_rule_from_the_language_files() {
        assert!(LOADER.contains("const LOCALES = __CW_LOCALES__;"), "the loader lost its generated table");
        for locale in Locale::ALL {
            let launcher = ["'", locale.messages().launcher, "'"].concat();
            assert!(!LOADER.contains(&launcher), "the loader carries a hand copy of {launcher}");
        }
        let table: serde_json::Value = serde_json::from_str(contact_core::i18n::LOADER_LOCALES).unwrap();
        for locale in Locale::ALL {
            let (m, text) = (locale.messages(), &table["text"][locale.tag()]);
            assert_eq!((text["launcher"].as_str(), text["loading"].as_str()), (Some(m.launcher), Some(m.loading)));
        }
        let tags = table["tags"].as_object().unwrap();
        for (tag, language) in tags {
            assert_eq!(Some(Locale::from_tag(tag).unwrap().tag()), language.as_str(), "{tag}");
        }
        for tag in ["ru", "en", "uk", "be", "kk"] {
            assert!(tags.contains_key(tag), "{tag}");
        }
        assert_eq!(table["fallback"], Locale::for_visitor(Some("de"), None).tag(), "the loader falls back as the core");
    }

    #[test]
    fn loader_writes_no_html_and_no_style_attributes_so_strict_csp_pages_work() {
        for forbidden in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "'style'",
            ".cssText",
            "eval(",
            "new Function",
        ] {
            assert!(!LOADER.contains(forbidden), "the loader uses {forbidden}");
        }
    }

    #[test]
    fn rendering_code_never_injects_html() {
        for (file, source) in RENDERING {
            for forbidden in ["inner_html", "outer_html", "insert_adjacent_html"] {
                assert!(!source.contains(forbidden), "{file} uses {forbidden}");
            }
        }
    }

    #[test]
    fn stylesheet_sizes_ignore_the_host_page_root_font_size() {
        assert!(
            !STYLESHEET.contains("rem;") && !STYLESHEET.contains("rem "),
            "rem units follow the host page's html font size"
        );
    }
}
