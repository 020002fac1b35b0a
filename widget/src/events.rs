//! What the widget tells the host page: `open`, `close`, `channel_click`, `callback_submitted`,
//! `callback_failed` and `callback_saved_offline`, each with a flat detail object of strings.
//!
//! Components emit through [`use_events`]; where the events go is decided once, by whoever mounts
//! the widget ([`provide_events`]): the script-tag loader passes a function that dispatches a DOM
//! `CustomEvent` on the `<contact-widget>` host and calls the handlers registered with
//! `ContactWidget.on`. Without a sink (a Leptos app that did not ask for events) emitting does
//! nothing. Details carry no personal data: channel, department name, request number.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The event sink in context: a JavaScript `function (name, detail)`, or none.
#[derive(Clone, Copy)]
pub struct Events(Option<StoredValue<js_sys::Function, LocalStorage>>);

impl Events {
    /// Sends `name` with `detail` (key, value pairs) to the sink, if there is one. A throwing
    /// handler is the host page's business and never breaks the widget.
    pub fn emit(self, name: &str, detail: &[(&str, &str)]) {
        let Some(sink) = self.0 else { return };
        let object = js_sys::Object::new();
        for (key, value) in detail {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        sink.with_value(|sink| {
            let _ = sink.call2(&JsValue::NULL, &JsValue::from_str(name), &object);
        });
    }
}

/// Makes `sink` receive the events of every component below; `None` for no events.
pub fn provide_events(sink: Option<js_sys::Function>) {
    provide_context(Events(sink.map(StoredValue::new_local)));
}

/// The events of the current widget; a sink that drops everything when none was provided.
pub fn use_events() -> Events {
    use_context::<Events>().unwrap_or(Events(None))
}
