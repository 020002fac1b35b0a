//! Browser tests of the mounted widget: what the native tests cannot see (the DOM the panel
//! renders, focus, keyboard). Run in headless Chromium with `wasm-bindgen-test-runner`; see
//! `widget/Cargo.toml` for the command.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

use crate::{mount, read_config, WidgetHandle};

wasm_bindgen_test_configure!(run_in_browser);

const CONFIG: &str = r#"{
  "company": "Южный ветер",
  "locale": "ru",
  "departments": [{ "id": "sales", "name": "Продажи", "contacts": [
    { "type": "phone", "number": "8 (495) 123-45-67", "note": "<img src=x onerror=alert(1)>" },
    { "type": "telegram", "username": "@yuzhny_veter" }
  ] }]
}"#;

/// A mounted widget in its own element, removed again when the test ends.
struct Widget {
    root: Element,
    launcher: HtmlElement,
    handle: WidgetHandle,
}

impl Widget {
    fn mount(config: &str) -> Widget {
        let document = leptos::prelude::document();
        let element = |name: &str| document.create_element(name).unwrap();
        let root = element("div");
        let container: HtmlElement = element("div").unchecked_into();
        let launcher: HtmlElement = element("button").unchecked_into();
        root.append_with_node_2(&container, &launcher).unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = mount(container, launcher.clone(), read_config(config.to_owned(), Some("ru".into())), None);
        Widget { root, launcher, handle }
    }

    fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.root.query_selector(selector).unwrap().map(JsCast::unchecked_into)
    }

    fn find_all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.get(i)).map(JsCast::unchecked_into).collect()
    }

    fn focused_testid(&self) -> Option<String> {
        leptos::prelude::document().active_element()?.get_attribute("data-testid")
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Waits for effects and the focus that waits for a frame.
async fn settle() {
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            leptos::prelude::window().request_animation_frame(&resolve).unwrap();
        });
        JsFuture::from(frame).await.unwrap();
    }
}

fn is_focused(element: &HtmlElement) -> bool {
    leptos::prelude::document().active_element().is_some_and(|active| active.is_same_node(Some(element)))
}

fn press(target: &HtmlElement, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
fn contacts_are_built_a_part_per_step_in_order_and_the_rest_on_opening() {
    let widget = Widget::mount(
        r#"{ "company": "X", "departments": [
          { "id": "a", "name": "A", "contacts": [{ "type": "telegram", "username": "@a_team" }] },
          { "id": "b", "name": "B", "contacts": [{ "type": "telegram", "username": "@b_team" }] },
          { "id": "c", "name": "C", "contacts": [{ "type": "telegram", "username": "@c_team" }] }
        ] }"#,
    );
    let sections =
        || widget.find_all(".cw-dept").iter().map(|s| s.get_attribute("data-testid").unwrap()).collect::<Vec<_>>();
    assert!(sections().is_empty(), "the mount builds only the skeleton");
    assert!(widget.handle.build_next(), "two departments remain after the first");
    assert_eq!(sections(), ["cw-dept-a"]);
    assert!(widget.handle.build_next());
    assert_eq!(sections(), ["cw-dept-a", "cw-dept-b"]);
    widget.handle.open();
    assert_eq!(sections(), ["cw-dept-a", "cw-dept-b", "cw-dept-c"], "opening builds the rest, in order");
    assert!(!widget.handle.build_next(), "nothing is left to build");
    assert_eq!(widget.find_all(".cw-dept").len(), 3, "nothing is built twice");
}

#[wasm_bindgen_test]
async fn the_callback_form_is_built_ahead_in_idle_steps_after_an_opening_and_never_by_an_opening() {
    let widget = Widget::mount(
        r#"{ "company": "X", "callback": { "endpoint": "/api/v1/callbacks" }, "departments": [
          { "id": "a", "name": "A", "contacts": [{ "type": "telegram", "username": "@a_team" }] }
        ] }"#,
    );
    let form = || widget.find("[data-testid=cw-form]");
    assert!(!widget.handle.build_next(), "the one department is built, and nothing else waits before any opening");
    assert_eq!(widget.find_all(".cw-dept").len(), 1);
    assert!(form().is_none(), "nobody has opened the panel: no form");
    widget.handle.open();
    settle().await;
    assert!(form().is_none(), "the opening itself does not build the form");
    widget.handle.close();
    widget.handle.open();
    settle().await;
    assert!(form().is_none(), "nor does a second opening");
    assert!(!widget.handle.build_next(), "the form was the last part waiting");
    let built = form().expect("an idle step builds the form");
    assert!(built.closest("[hidden]").unwrap().is_some(), "built hidden");
    widget.handle.open_callback(None);
    settle().await;
    assert!(form().unwrap().closest("[hidden]").unwrap().is_none(), "asking for it shows it");
    assert_eq!(widget.find_all("[data-testid=cw-form]").len(), 1, "built once");
}

#[wasm_bindgen_test]
fn contacts_render_as_links_named_by_action_target_and_department() {
    let widget = Widget::mount(CONFIG);
    widget.handle.open();
    let links = widget.find_all("[data-testid=cw-contact]");
    let seen: Vec<_> = links
        .iter()
        .map(|a| {
            (
                a.get_attribute("data-channel").unwrap(),
                a.get_attribute("href").unwrap(),
                a.get_attribute("aria-label").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("phone".into(), "tel:+74951234567".into(), "Позвонить: +7 495 123-45-67, Продажи".into()),
            (
                "telegram".into(),
                "https://t.me/yuzhny_veter".into(),
                "Написать в Telegram: @yuzhny_veter, Продажи".into()
            ),
        ]
    );
    assert!(widget.find("[data-testid=cw-dept-sales]").is_some());
    let title = widget.find("#cw-title").unwrap();
    assert_eq!(title.text_content().as_deref(), Some("Южный ветер"));
}

#[wasm_bindgen_test]
fn configured_markup_is_shown_as_text_and_never_parsed() {
    let widget = Widget::mount(CONFIG);
    widget.handle.open();
    assert!(widget.find("img").is_none(), "a note became an element");
    let note = widget.find(".cw-note").unwrap();
    assert_eq!(note.text_content().as_deref(), Some("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn opening_focuses_the_close_button_and_escape_returns_focus_to_the_launcher() {
    let widget = Widget::mount(CONFIG);
    let panel = widget.find("[data-testid=cw-panel]").unwrap();
    assert!(panel.hidden());
    widget.handle.open();
    settle().await;
    assert!(!panel.hidden());
    assert_eq!(widget.launcher.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(widget.focused_testid().as_deref(), Some("cw-close"));

    press(&widget.find("[data-testid=cw-close]").unwrap(), "Escape", false);
    settle().await;
    assert!(panel.hidden());
    assert!(!widget.handle.is_open());
    assert_eq!(widget.launcher.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(is_focused(&widget.launcher), "focus went back to the launcher");
}

#[wasm_bindgen_test]
async fn tab_from_the_last_link_wraps_to_the_close_button_and_back() {
    let widget = Widget::mount(CONFIG);
    widget.handle.open();
    settle().await;
    let links = widget.find_all("[data-testid=cw-contact]");
    let last = links.last().unwrap();
    last.focus().unwrap();
    press(last, "Tab", false);
    assert_eq!(widget.focused_testid().as_deref(), Some("cw-close"));

    press(&widget.find("[data-testid=cw-close]").unwrap(), "Tab", true);
    assert!(is_focused(last), "Shift+Tab on the close button wraps to the last link");
}

#[wasm_bindgen_test]
fn launcher_is_hidden_when_no_contact_survives_validation() {
    let widget = Widget::mount(
        r#"{ "company": "X", "departments": [{ "name": "A", "contacts": [{ "type": "max", "url": "javascript:alert(1)" }] }] }"#,
    );
    assert!(widget.launcher.hidden());
    while widget.handle.build_next() {}
    assert!(widget.find_all("[data-testid=cw-contact]").is_empty());
}

/// The case table the native tz implementation passes (`widget/core/tests/zone_cases.json`), run
/// through the browser's `Intl`: both implementations must give identical answers.
#[wasm_bindgen_test]
fn intl_zones_agree_with_the_shared_case_table() {
    use contact_core::conformance::CaseTable;
    let table = CaseTable::from_json(include_str!("../core/tests/zone_cases.json")).unwrap();
    let mismatches = table.mismatches(&contact_intl_zones::IntlZones::default());
    assert!(mismatches.is_empty(), "Intl disagrees with the case table:\n{}", mismatches.join("\n"));
}
