//! The contact panel: a modal dialog listing each department's contacts as real links, under the
//! working hours (status, holidays, week table; see [`crate::hours`]) on the visitor's clock.
//!
//! Guarantees: configured text only ever becomes text nodes or attribute values; every link's `href`
//! is an [`contact_core::links::Href`] (built and allowlisted by the core); the dialog is named by its
//! heading, takes focus when it opens, keeps Tab inside while open, closes on Escape, and gives focus
//! back to the launcher when the visitor closes it. The theme reaches it as custom properties (see
//! `widget.css`), never as a style attribute in markup.

use std::sync::Arc;

use contact_core::config::{Config, Contact, Department};
use contact_core::i18n::{Locale, Messages};
use contact_core::theme::Surface;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, Node};

use crate::clock::{provide_now, UseNowOptions};
use crate::deferred::{build_when_needed, BuildQueue};
use crate::events::use_events;
use crate::form::{CallbackForm, CallbackOpen, OutboxNews};
use crate::hours::{email_answer_for, HoursSummary};
use crate::icons::{channel_name, icon, ChannelIcon, CLOSE};
use crate::outbox::Outbox;

/// The `id` of the dialog element; the launcher's `aria-controls` points at it.
const PANEL_ID: &str = "cw-panel";
const TITLE_ID: &str = "cw-title";

/// The panel's messages, with the owner's overrides: [`ContactPanel`] provides them to everything
/// it renders.
pub(crate) fn use_messages() -> &'static Messages {
    use_context::<&'static Messages>().expect("rendered inside ContactPanel, which provides the messages")
}

/// The panel together with its open state and launcher: what the loader mounts, and what a Leptos
/// application renders to get the whole widget behaviour with its own launcher button.
#[component]
pub fn ContactWidget(
    /// The validated configuration to render.
    config: Config,
    /// The UI language (see [`Locale::for_visitor`] for choosing one).
    locale: Locale,
    /// Whether the panel is open; the caller's launcher sets it, the panel clears it on close.
    open: RwSignal<bool>,
    /// The button that opens the panel. Its `aria-expanded` follows the panel, and it gets focus back
    /// when the visitor closes the panel from inside (Escape or the close button).
    #[prop(optional)]
    launcher: Option<HtmlElement>,
    /// The department whose callback form is shown instead of the contacts; `None` shows the
    /// contacts. Given by a caller that opens the form itself (`ContactWidget.openCallback`).
    #[prop(optional)]
    form_for: Option<RwSignal<Option<String>>>,
    /// Where the panel queues its contacts (see [`crate::deferred`]), for a caller that builds them
    /// ahead of the first open by stepping the queue in idle time. Without it, they are built when
    /// the panel first opens.
    #[prop(optional)]
    build_queue: BuildQueue,
) -> impl IntoView {
    let form_for = form_for.unwrap_or_else(|| RwSignal::new(None));
    if let Some(launcher) = launcher.clone() {
        Effect::new(move || {
            let expanded = if open.get() { "true" } else { "false" };
            // Setting an attribute on a live button cannot fail.
            let _ = launcher.set_attribute("aria-expanded", expanded);
        });
    }
    let on_close = move || {
        open.set(false);
        if let Some(launcher) = &launcher {
            let _ = launcher.focus();
        }
    };
    view! { <ContactPanel config locale open=open.read_only() form_for on_close build_queue /> }
}

/// The dialog itself: the company heading, a close button and one section per department. Hidden
/// (but present, so `aria-controls` always resolves) while `open` is false.
#[component]
pub fn ContactPanel<F>(
    /// The validated configuration to render.
    config: Config,
    /// The UI language.
    locale: Locale,
    /// Whether the dialog is shown. A plain signal rather than `Signal<T>`: the wrapper's dispatch
    /// over memos and derived signals costs wasm size that every visitor downloads.
    open: ReadSignal<bool>,
    /// The department whose callback form replaces the contacts; `None` shows the contacts.
    form_for: RwSignal<Option<String>>,
    /// Called when the visitor asks to close the dialog (Escape or the close button).
    on_close: F,
    /// Where the company's hours and the departments are queued (see [`crate::deferred`]); whatever
    /// is still queued is built when the dialog opens. Without it, all of it is built then.
    #[prop(optional)]
    build_queue: BuildQueue,
) -> impl IntoView
where
    F: Fn() + Clone + 'static,
{
    // The owner's texts (`texts` in the configuration) in place of the shipped ones, for every part
    // of the panel; built once, since the panel is.
    let messages = config.texts.messages(locale);
    provide_context(messages);
    let dialog = NodeRef::<html::Div>::new();
    let close_button = NodeRef::<html::Button>::new();
    // One clock for every time shown in the panel, ticking only while it is open.
    provide_now(open, UseNowOptions::default());

    // The dialog becomes visible in the render pass after `open` changes; focusing waits for the
    // next frame because a hidden element cannot take focus.
    Effect::new(move || {
        if open.get() {
            request_animation_frame(move || {
                if let Some(button) = close_button.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    });

    let close = on_close.clone();
    let on_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            close();
        }
        "Tab" => {
            if let Some(dialog) = dialog.get_untracked() {
                keep_tab_inside(&dialog, &event);
            }
        }
        _ => {}
    };

    // The page's one outbox: requests left waiting by earlier pages are resent as the widget starts.
    let token_url = config.callback.as_ref().and_then(|settings| settings.form_token_url.clone());
    let outbox = StoredValue::new_local(Outbox::start(locale, token_url));
    // The department whose callback form replaces the contacts; `None` shows the contacts.
    let callback = config.callback.clone().map(|settings| (settings, Arc::new(config.clone())));
    let has_form = callback.is_some();

    // The theme's colours as custom properties on the dialog (set through CSSOM, so strict CSP allows
    // them): the loader paints only the launcher, and a Leptos app has no loader at all.
    let theme = config.theme;
    let (link_light, link_dark) = (theme.accent_text(Surface::Light), theme.accent_text(Surface::Dark));
    let title = if config.company.trim().is_empty() { messages.contacts.to_owned() } else { config.company };
    // The contacts are queued (see crate::deferred): built in idle time or when the dialog opens.
    let contacts = NodeRef::<html::Div>::new();
    let company_hours = config.hours;
    if let Some(hours) = company_hours.clone() {
        build_queue.push(contacts, move || view! { <HoursSummary hours messages id="cw-company".to_owned() /> });
    }
    for (index, department) in config.departments.into_iter().enumerate() {
        let id = ["cw-d", &index.to_string()].concat();
        // The company's summary above already speaks for departments that keep its hours.
        let show_hours = department.hours.is_some() && department.hours != company_hours;
        build_queue.push(contacts, move || {
            let open_form = has_form
                .then(|| view! { <CallbackOpen department=department.id.clone() texts=&messages.callback form_for /> });
            view! { <DepartmentSection department id messages show_hours>{open_form}</DepartmentSection> }
        });
    }
    // The form, into the panel's body: built the first time it is asked for, or in idle time once
    // the panel has been opened (see crate::deferred).
    let body = NodeRef::<html::Div>::new();
    let form = callback.map(|(settings, config)| {
        let on_back = move || {
            form_for.set(None);
            request_animation_frame(move || {
                if let Some(button) = close_button.get_untracked() {
                    let _ = button.focus();
                }
            });
        };
        let outbox = outbox.get_value();
        build_when_needed(
            move || form_for.with(Option::is_some),
            body,
            move || view! { <CallbackForm config settings open=form_for locale outbox on_back /> },
        )
    });
    Effect::new(move || {
        if open.get() {
            build_queue.build_all();
            if let Some(form) = &form {
                build_queue.queue_ahead(form);
            }
        }
    });

    view! {
        <div
            id=PANEL_ID
            class="cw-panel"
            data-testid="cw-panel"
            role="dialog"
            aria-modal="true"
            aria-labelledby=TITLE_ID
            lang=locale.tag()
            hidden=move || !open.get()
            style:--cw-accent=theme.accent.to_string()
            style:--cw-on-accent=theme.on_accent().to_string()
            style:--cw-accent-hover=theme.accent_hover().to_string()
            style:--cw-link-light=link_light.to_string()
            style:--cw-link-dark=link_dark.to_string()
            node_ref=dialog
            on:keydown=on_keydown
        >
            <div class="cw-header">
                <h2 class="cw-title" id=TITLE_ID>{title}</h2>
                <button
                    class="cw-close"
                    data-testid="cw-close"
                    type="button"
                    aria-label=messages.close
                    node_ref=close_button
                    on:click=move |_| on_close()
                >
                    {icon(CLOSE)}
                </button>
            </div>
            <div class="cw-body" node_ref=body>
                <div class="cw-contacts" hidden=move || form_for.with(Option::is_some) node_ref=contacts>
                    <OutboxNews outbox=outbox.get_value() />
                </div>
            </div>
        </div>
    }
}

/// Wraps Tab and Shift+Tab around the dialog's first and last focusable elements, so keyboard focus
/// cannot wander into the host page behind a modal dialog.
fn keep_tab_inside(dialog: &HtmlElement, event: &KeyboardEvent) {
    // Elements inside a hidden view (the contacts behind the form, the form behind its outcome)
    // cannot take focus and must not count as edges.
    let focusable = "a[href]:not([hidden] *), button:not([disabled]):not([hidden] *)";
    let Ok(items) = dialog.query_selector_all(focusable) else { return };
    let (Some(first), Some(last)) = (items.get(0), items.length().checked_sub(1).and_then(|i| items.get(i))) else {
        return;
    };
    let from = event.target();
    let (edge, wrap_to, beyond) = if event.shift_key() {
        (&first, &last, Node::DOCUMENT_POSITION_PRECEDING)
    } else {
        (&last, &first, Node::DOCUMENT_POSITION_FOLLOWING)
    };
    // Focus on the dialog itself, or on a non-stop past the edge (the callback outcome, which takes
    // focus when it replaces the form), also wraps: the browser's next stop there is outside.
    let at_edge = from.as_ref().is_some_and(|target| {
        target == edge.as_ref()
            || target == dialog.as_ref()
            || target.dyn_ref::<Node>().is_some_and(|node| edge.compare_document_position(node) & beyond != 0)
    });
    if at_edge {
        if let Some(target) = wrap_to.dyn_ref::<HtmlElement>() {
            event.prevent_default();
            let _ = target.focus();
        }
    }
}

/// One department: its name as a heading and its contacts as a list of links.
#[component]
pub fn DepartmentSection(
    /// The department to render; never empty (the core drops empty departments).
    department: Department,
    /// A prefix unique within the panel, for the ids that headings and descriptions are referred to
    /// by. Derived from positions, not from configured ids, which need not be valid id references.
    id: String,
    /// The texts in the panel's language.
    messages: &'static Messages,
    /// Whether to show the department's own hours summary under its name: when its hours differ
    /// from the company's, which the panel shows once at the top.
    #[prop(optional)]
    show_hours: bool,
    /// Shown after the contacts: the button that opens the callback form for this department.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let heading_id = [&id, "-name"].concat();
    let summary = department
        .hours
        .clone()
        .filter(|_| show_hours)
        .map(|hours| view! { <HoursSummary hours messages id=[&id, "-hours"].concat() /> });
    let labelled_by = heading_id.clone();
    let contacts = department
        .contacts
        .into_iter()
        .enumerate()
        .map(|(index, contact)| {
            let id = [&id, "-c", &index.to_string()].concat();
            let department_name = department.name.clone();
            let answer_by = email_answer_for(&contact, department.hours.as_ref(), messages);
            view! { <li><ContactLink contact department_name id messages />{answer_by}</li> }
        })
        .collect_view();
    view! {
        <section
            class="cw-dept"
            data-testid=["cw-dept-", &department.id].concat()
            aria-labelledby=labelled_by
        >
            <h3 class="cw-dept-name" id=heading_id>{department.name}</h3>
            {summary}
            <ul class="cw-list">{contacts}</ul>
            {children.map(|children| children())}
        </section>
    }
}

/// One contact as a real `<a href>`: icon, optional label, the selectable text, optional note. Its
/// accessible name says the action, the target and the department ("Позвонить: +7 495 123-45-67,
/// Продажи"); the label and note become its description.
#[component]
pub fn ContactLink(
    /// The contact to render.
    contact: Contact,
    /// The department's name, part of the link's accessible name.
    department_name: String,
    /// A prefix unique within the panel, for the ids the description refers to.
    id: String,
    /// The texts in the panel's language.
    messages: &'static Messages,
) -> impl IntoView {
    let name = messages.contact_name(contact.channel, &contact.text, &department_name);
    let label_id = [&id, "-label"].concat();
    let note_id = [&id, "-note"].concat();
    // The app's name leads the small line for messengers, so two chats on one number (WhatsApp,
    // Viber) differ in text and not only in icon colour.
    let label = match (messages.app_name(contact.channel), contact.label) {
        (Some(app), Some(label)) => Some([app, " · ", &label].concat()),
        (Some(app), None) => Some(app.to_owned()),
        (None, label) => label,
    };
    let described_by = [label.as_ref().map(|_| label_id.as_str()), contact.note.as_ref().map(|_| note_id.as_str())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let href = contact.href.as_str().to_owned();
    let events = use_events();
    let channel = channel_name(contact.channel);
    let on_click = move |_| events.emit("channel_click", &[("channel", channel), ("department", &department_name)]);
    // Web links (messengers) open beside the page; tel:, mailto: and app schemes hand over to an app.
    let opens_tab = href.starts_with("https:") || href.starts_with("http:");
    // The spaces between the lines are invisible in the flex column but keep copied text and
    // textContent readable ("Подбор тура +7 495 123-45-67 многоканальный").
    view! {
        <a
            class="cw-contact"
            data-testid="cw-contact"
            data-channel=channel
            href=href
            on:click=on_click
            target=opens_tab.then_some("_blank")
            rel=opens_tab.then_some("noopener noreferrer")
            aria-label=name
            aria-describedby=(!described_by.is_empty()).then_some(described_by)
        >
            <ChannelIcon channel=contact.channel />
            <span class="cw-contact-body">
                {label.map(|label| view! { <span class="cw-label" id=label_id>{label}</span>" " })}
                <span class="cw-text">{contact.text}</span>
                {contact.note.map(|note| view! { " "<span class="cw-note" id=note_id>{note}</span> })}
            </span>
        </a>
    }
}
