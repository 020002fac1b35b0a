//! A small Leptos application of its own (a bicycle shop's page) that embeds the contact widget as a
//! library component, the way a front-end developer would: `contact-widget` as a dependency, the
//! configuration parsed once into the same typed [`Config`] the script-tag build uses, and
//! [`ContactWidget`] rendered in the app's own view tree beside the app's own launcher button.
//!
//! Built by `scripts/build-embed.sh` into `demo-site/leptos-embed/pkg/` and served by server-stub at
//! `/demo-site/leptos-embed/`; `tests/e2e/embed.spec.mjs` opens it in Chromium.

use contact_core::config::{Channel, Config, Parsed};
use contact_core::i18n::Locale;
use contact_widget::{with_zones, ChannelIcon, ContactWidget};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// The shop's widget configuration: the same JSON a site owner would give the script tag.
const CONFIG: &str = include_str!("../contact.json");

/// Mounts the page when the wasm module is instantiated (`main.js` calls the glue's `init`).
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// The whole page: the shop's own content, and the contact widget in its corner.
#[component]
fn App() -> impl IntoView {
    view! {
        <header class="shop-header">
            <p class="shop-logo">"Volga Cycles"</p>
        </header>
        <main class="shop-main">
            <h1>"Bicycles, repairs and fitting in Kazan"</h1>
            <p>
                "This page is a Leptos application of its own. The contact button in the corner is the "
                "contact widget's Leptos component, rendered by this app with a typed configuration."
            </p>
            <ul class="shop-offers">
                <li>"City and touring bikes from stock"</li>
                <li>"Same-day repairs in the workshop"</li>
                <li>"Bike fitting by appointment"</li>
            </ul>
        </main>
        <SupportCorner />
    }
}

/// The widget in the page's corner: the app's own launcher button and the library's dialog above it.
///
/// [`ContactWidget`] takes the launcher as a DOM element (it keeps the button's `aria-expanded` in
/// step and gives it focus back when the visitor closes the dialog), so the dialog is rendered once
/// the button exists: the `NodeRef` is filled when the button is created.
#[component]
fn SupportCorner() -> impl IntoView {
    let Parsed { config, issues } = with_zones(|zones| Config::from_json(CONFIG, zones));
    // Problems in the configuration are the developer's to fix; the valid rest still renders.
    for issue in &issues {
        leptos::logging::error!("[leptos-embed-demo] contact.json: {issue}");
    }
    let locale = config.locale.unwrap_or(Locale::En);
    let label = config.launcher_label.clone().unwrap_or_else(|| config.texts.messages(locale).launcher.to_owned());
    let open = RwSignal::new(false);
    let launcher = NodeRef::<html::Button>::new();
    let dialog = move || {
        launcher
            .get()
            .map(|button| view! { <ContactWidget config=config.clone() locale open launcher=button.into() /> })
    };
    view! {
        <div class="shop-support">
            <div class="cw-root">
                {dialog}
                <button
                    class="cw-launcher"
                    data-testid="cw-launcher"
                    type="button"
                    aria-haspopup="dialog"
                    aria-controls="cw-panel"
                    aria-expanded="false"
                    node_ref=launcher
                    on:click=move |_| open.update(|open| *open = !*open)
                >
                    <ChannelIcon channel=Channel::Phone />
                    <span>{label}</span>
                </button>
            </div>
        </div>
    }
}
