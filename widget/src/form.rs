//! The callback form: the visitor leaves a phone number and is called back.
//!
//! Guarantees: a request is checked with the core's own [`CallbackRequest::validate`] (the code the
//! server runs again) before it is sent, and every problem is shown under its field in the
//! visitor's language and announced; inputs are never cleared or re-rendered, so a correction keeps
//! everything typed. Once sent, the visitor is told exactly what happened: the request number and
//! the promise, or that the request waits on this device (with the department's phone and messenger
//! links right there) until the [`Outbox`] delivers it, and then that it has been sent.
//!
//! Spam is left to the server: a honeypot field hidden from people, screen readers and autofill,
//! and the fill-time token fetched when the form opens.

use std::sync::Arc;

use contact_core::callback::{
    CallbackRequest, CallbackRules, Consent, ErrorCode, FieldError, PreferredSlot, MAX_PAGE_URL_CHARS,
};
use contact_core::config::{CallbackSettings, Channel, Config};
use contact_core::i18n::{CallbackTexts, Locale, Messages, NumberedSentence};
use contact_core::time::Timestamp;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Receipt};
use crate::clock::{use_now, visitor_zone, with_zones};
use crate::events::use_events;
use crate::icons::icon;
use crate::outbox::{self, Delivered, Delivery, Outbox, Submitted};
use crate::panel::{use_messages, ContactLink};
use crate::slot_picker::{local_promise, SlotPicker};

/// A handset with an incoming arrow: "we call you".
const CALLBACK: &str = "M6.5 3.5h3l1.5 4.5-2 1.5a11 11 0 0 0 5.5 5.5l1.5-2 4.5 1.5v3a2 2 0 0 1-2 2A15.5 15.5 0 0 1 4.5 5.5a2 2 0 0 1 2-2zM20.5 3.5l-5.5 5.5M15 5v4h4";
/// A left arrow.
const BACK: &str = "M19 12H5M11 6l-6 6 6 6";

/// The button that opens the form from a department's section, with that department preselected.
#[component]
pub fn CallbackOpen(
    /// The id of the department the button belongs to.
    department: String,
    /// The text of the button.
    texts: &'static CallbackTexts,
    /// Which department's form is shown; the button sets it.
    form_for: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <button
            class="cw-callback-open"
            data-testid="cw-callback-open"
            type="button"
            on:click=move |_| form_for.set(Some(department.clone()))
        >
            {icon(CALLBACK)}
            <span>{texts.open}</span>
        </button>
    }
}

/// The form and, once sent, its outcome. Rendered once and shown while `open` names a department:
/// each opening preselects that department, fetches a fresh fill-time token and offers the form
/// again, with what the visitor typed before still in it.
#[component]
pub fn CallbackForm<F>(
    /// The whole configuration: departments (for the select, validation and the fallback links) and
    /// the default country.
    config: Arc<Config>,
    /// The form's settings (`config.callback`).
    settings: CallbackSettings,
    /// The department the form was opened from; `None` hides the form.
    open: RwSignal<Option<String>>,
    /// The UI language.
    locale: Locale,
    /// The page's outbox, through which every request is sent.
    outbox: Outbox,
    /// Called when the visitor goes back to the contacts.
    on_back: F,
) -> impl IntoView
where
    F: Fn() + 'static,
{
    let messages = use_messages();
    let texts = &messages.callback;
    let phone = NodeRef::<html::Input>::new();
    let name = NodeRef::<html::Input>::new();
    let consent = NodeRef::<html::Input>::new();
    let honeypot = NodeRef::<html::Input>::new();
    let department = RwSignal::new(String::new());
    let topic = RwSignal::new(None::<String>);
    let slot = RwSignal::new(None::<Timestamp>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let token = RwSignal::new(None::<String>);
    let result_area = NodeRef::<html::Div>::new();
    let form = NodeRef::<html::Form>::new();

    // An on-screen keyboard shrinks the viewport, and the sheet with it, under the field being typed
    // in: scroll that field back into sight (a browser that already panned to it leaves nothing to do).
    let keep_field_in_sight = window_event_listener(leptos::ev::resize, move |_| {
        if open.with_untracked(Option::is_none) {
            return; // the form is hidden: nothing in it can have focus
        }
        let focused = form.get_untracked().and_then(|form| form.query_selector(":focus").ok().flatten());
        if let Some(field) = focused {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            field.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    on_cleanup(move || keep_field_in_sight.remove());

    let events = use_events();
    let endpoint = settings.endpoint.as_str().to_owned();
    let send_outbox = outbox.clone();
    let submit = Action::new_local(move |request: &CallbackRequest| {
        let outbox = send_outbox.clone();
        let endpoint = endpoint.clone();
        let key = request.idempotency_key.clone();
        // Serialising plain strings cannot fail.
        let body = serde_json::to_string(request).unwrap_or_default();
        async move {
            let submitted = outbox.submit(endpoint, key.clone(), body).await;
            match &submitted {
                Submitted::Accepted(receipt) => {
                    events.emit("callback_submitted", &[("number", receipt.number.as_deref().unwrap_or_default())])
                }
                Submitted::Waiting { .. } => events.emit("callback_saved_offline", &[]),
                Submitted::Refused(_) => events.emit("callback_failed", &[]),
            }
            match &submitted {
                Submitted::Refused(refused) => {
                    let _ = errors.try_set(refused.clone());
                }
                // The form, and the focused button with it, is about to be hidden: focus moves to
                // the outcome, which a screen reader then reads.
                Submitted::Accepted(_) | Submitted::Waiting { .. } => request_animation_frame(move || {
                    if let Some(area) = result_area.get_untracked() {
                        let _ = area.focus();
                    }
                }),
            }
            (key, submitted)
        }
    });
    let pending = submit.pending();
    let outcome = submit.value();

    let token_url = settings.form_token_url.clone();
    Effect::new(move || {
        let Some(opened_from) = open.get() else { return };
        department.set(opened_from);
        submit.clear();
        errors.set(Vec::new());
        // The server measures the fill time from the token's issue, so each opening gets its own.
        if let Some(url) = token_url.clone() {
            spawn_local(async move {
                if let Some(fetched) = api::fetch_form_token(url.as_str()).await {
                    token.set(Some(fetched.token));
                }
            });
        }
        // The phone field is what the visitor came for; it can take focus once shown.
        request_animation_frame(move || {
            if let Some(input) = phone.get_untracked() {
                let _ = input.focus();
            }
        });
    });

    let now = use_now();
    let rules_config = config.clone();
    let consent_settings = settings.consent.clone();
    let ask_name = settings.ask_name;
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let value = |input: NodeRef<html::Input>| input.get_untracked().map(|input| input.value());
        let request = CallbackRequest {
            idempotency_key: outbox::new_key(),
            phone: value(phone).unwrap_or_default(),
            name: value(name).filter(|_| ask_name),
            department: Some(department.get_untracked()).filter(|id| !id.is_empty()),
            topic: topic.get_untracked(),
            preferred_slot: slot.get_untracked().map(|at| PreferredSlot {
                utc: at.to_string(),
                zone: visitor_zone().map_or_else(|| "UTC".to_owned(), |zone| zone.as_str().to_owned()),
            }),
            visitor_zone: visitor_zone().map(|zone| zone.as_str().to_owned()),
            page_url: window().location().href().ok(),
            locale: Some(locale.tag().to_owned()),
            consent: consent_settings.as_ref().map(|settings| Consent {
                given: consent.get_untracked().is_some_and(|input| input.checked()),
                version: settings.version.clone(),
            }),
            honeypot: value(honeypot).unwrap_or_default(),
            form_token: token.get_untracked(),
        };
        // The panel's clock, fresh to within its tick: ample for a slot check with minutes of grace.
        let now = now.get_untracked();
        let checked = with_zones(|zones| {
            let rules = CallbackRules {
                default_country: rules_config.default_country,
                departments: &rules_config.departments,
                consent_required: consent_settings.is_some(),
                zones,
                now,
            };
            prepared(request, &rules, locale)
        })
        .and_then(|request| {
            // The server refuses a slot its hours cannot honour; the same core code says so first.
            match local_promise(&rules_config, &department.get_untracked(), now, slot.get_untracked(), messages) {
                Ok(_) => Ok(request),
                Err(_) => Err(vec![FieldError::new(Some("preferredSlot.utc"), ErrorCode::SlotUnavailable, locale)]),
            }
        })
        .map_err(|errors| worded(errors, messages));
        match checked {
            Ok(request) => {
                errors.set(Vec::new());
                submit.dispatch_local(request);
            }
            Err(found) => {
                let first = found.iter().map(|error| place_of(error.field.as_deref())).min();
                errors.set(found);
                let target = match first {
                    Some(Place::Phone) => phone.get_untracked(),
                    Some(Place::Name) => name.get_untracked(),
                    Some(Place::Consent) => consent.get_untracked(),
                    _ => None,
                };
                if let Some(input) = target {
                    let _ = input.focus();
                }
            }
        }
    };

    let finished = move || {
        outcome.with(|outcome| matches!(outcome, Some((_, Submitted::Accepted(_) | Submitted::Waiting { .. }))))
    };

    let name_field = ask_name.then(|| {
        view! { <TextField id="cw-name" label=texts.name kind="text" autofill="name" place=Place::Name errors node_ref=name /> }
    });

    let department_field = (config.departments.len() > 1).then(|| {
        let options = config
            .departments
            .iter()
            .map(|choice| {
                view! {
                    <option value=choice.id.clone()>
                        {choice.name.clone()}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="cw-field">
                <label class="cw-field-label" for="cw-department">{texts.department}</label>
                <select
                    id="cw-department"
                    class="cw-input"
                    data-testid="cw-department"
                    name="department"
                    prop:value=move || department.get()
                    aria-invalid=move || is_invalid(errors, Place::Department).to_string()
                    aria-describedby=move || is_invalid(errors, Place::Department).then_some(Place::Department.error_id())
                    on:change=move |event| department.set(event_target_value(&event))
                >
                    {options}
                </select>
                <ErrorLine place=Place::Department errors />
            </div>
        }
    });

    let topic_field = (!settings.topics.is_empty()).then(|| {
        let chips = settings
            .topics
            .iter()
            .map(|label| {
                let this = label.clone();
                let pressed = this.clone();
                view! {
                    <button
                        class="cw-chip"
                        data-testid="cw-topic"
                        type="button"
                        aria-pressed=move || topic.with(|chosen| chosen.as_ref() == Some(&pressed)).to_string()
                        on:click=move |_| {
                            topic.update(|chosen| {
                                *chosen = if chosen.as_ref() == Some(&this) { None } else { Some(this.clone()) }
                            })
                        }
                    >
                        {label.clone()}
                    </button>
                }
            })
            .collect_view();
        view! {
            <div class="cw-field" role="group" aria-labelledby="cw-topic-label">
                <span class="cw-field-label" id="cw-topic-label">{texts.topic}</span>
                <div class="cw-chips">{chips}</div>
                <ErrorLine place=Place::Topic errors />
            </div>
        }
    });

    let consent_field = settings.consent.map(|settings| {
        view! {
            <div class="cw-field cw-consent">
                <input
                    id="cw-consent"
                    class="cw-check"
                    data-testid="cw-consent"
                    type="checkbox"
                    name="consent"
                    aria-invalid=move || is_invalid(errors, Place::Consent).to_string()
                    aria-describedby=move || is_invalid(errors, Place::Consent).then_some(Place::Consent.error_id())
                    node_ref=consent
                />
                <span class="cw-consent-text">
                    <label for="cw-consent">{texts.consent}</label>
                    " "
                    <a
                        class="cw-policy"
                        data-testid="cw-policy"
                        href=settings.policy_url.as_str().to_owned()
                        target="_blank"
                        rel="noopener noreferrer"
                    >
                        {texts.policy}
                    </a>
                </span>
                <ErrorLine place=Place::Consent errors />
            </div>
        }
    });

    let picker_config = config.clone();
    let news = outbox.news();
    let result = move || {
        outcome.get().map(|(key, submitted)| match submitted {
            Submitted::Accepted(receipt) => {
                let promise = receipt.promise.clone().or_else(|| {
                    let at = now.get_untracked();
                    local_promise(&config, &department.get_untracked(), at, slot.get_untracked(), messages).ok()
                });
                view! { <Accepted receipt promise /> }.into_any()
            }
            Submitted::Waiting { on_device } => {
                let config = config.clone();
                let department = department.get_untracked();
                (move || match news.with(|news| news.iter().rev().find(|d| d.key == key).cloned()) {
                    Some(delivery) => view! { <DeliveryNote delivery /> }.into_any(),
                    None => {
                        view! { <Waiting on_device config=config.clone() department=department.clone() /> }.into_any()
                    }
                })
                .into_any()
            }
            Submitted::Refused(_) => ().into_any(),
        })
    };

    view! {
        <section class="cw-callback" aria-labelledby="cw-callback-title" hidden=move || open.with(Option::is_none)>
            <div class="cw-callback-head">
                <button class="cw-back" data-testid="cw-back" type="button" on:click=move |_| on_back()>
                    {icon(BACK)}
                    <span>{texts.back}</span>
                </button>
            </div>
            <h3 class="cw-callback-title" id="cw-callback-title">{texts.open}</h3>
            <form class="cw-form" data-testid="cw-form" novalidate hidden=finished on:submit=on_submit node_ref=form>
                <TextField id="cw-phone" label=texts.phone kind="tel" autofill="tel" place=Place::Phone errors node_ref=phone />
                {name_field}
                {department_field}
                {topic_field}
                <SlotPicker config=picker_config errors chosen=slot department locale />
                {consent_field}
                <input
                    class="cw-trap"
                    type="text"
                    name="website"
                    tabindex="-1"
                    aria-hidden="true"
                    autocomplete="off"
                    node_ref=honeypot
                />
                <ErrorLine place=Place::Form errors />
                <button class="cw-submit" data-testid="cw-submit" type="submit" disabled=move || pending.get()>
                    {move || if pending.get() { texts.sending } else { texts.submit }}
                </button>
            </form>
            <div class="cw-result" role="status" tabindex="-1" node_ref=result_area>{result}</div>
        </section>
    }
}

/// A labelled text input with its error line: the phone (required; `tel` keyboards and autofill) or
/// the name.
#[component]
fn TextField(
    /// The input's id and test id.
    id: &'static str,
    label: &'static str,
    /// The input type: `tel` or `text`.
    kind: &'static str,
    /// The autofill hint (`tel`, `name`), also the field's name.
    autofill: &'static str,
    /// Where this field's errors are filed.
    place: Place,
    errors: RwSignal<Vec<FieldError>>,
    node_ref: NodeRef<html::Input>,
) -> impl IntoView {
    let phone = place == Place::Phone;
    view! {
        <div class="cw-field">
            <label class="cw-field-label" for=id>{label}</label>
            <input
                id=id
                class="cw-input"
                data-testid=id
                type=kind
                name=autofill
                autocomplete=autofill
                inputmode=phone.then_some("tel")
                aria-required=phone.then_some("true")
                aria-invalid=move || is_invalid(errors, place).to_string()
                aria-describedby=move || is_invalid(errors, place).then_some(place.error_id())
                node_ref=node_ref
            />
            <ErrorLine place errors />
        </div>
    }
}

/// The messages filed at `place`, announced as they change. Present (and empty) while there are
/// none, so that screen readers have a live region to watch.
#[component]
pub(crate) fn ErrorLine(place: Place, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let text = move || {
        errors.with(|errors| {
            errors
                .iter()
                .filter(|error| place_of(error.field.as_deref()) == place)
                .map(|error| error.message.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let id = place.error_id();
    view! { <p class="cw-error" class:cw-form-error=place == Place::Form id=id data-testid=id aria-live="polite">{text}</p> }
}

pub(crate) fn is_invalid(errors: RwSignal<Vec<FieldError>>, place: Place) -> bool {
    errors.with(|errors| errors.iter().any(|error| place_of(error.field.as_deref()) == place))
}

/// The request was accepted at the first attempt: its number and the promise (the endpoint's, else
/// the widget's own).
#[component]
fn Accepted(receipt: Receipt, promise: Option<String>) -> impl IntoView {
    let texts = &use_messages().callback;
    view! {
        <div class="cw-outcome cw-outcome-ok" data-testid="cw-success">
            {numbered(texts.accepted(receipt.number.as_deref()))}
            <p class="cw-promise" data-testid="cw-promise">{promise}</p>
        </div>
    }
}

/// The request could not be sent and waits: the honest sentence, and the department's phone and
/// messenger links for a visitor who cannot wait.
#[component]
fn Waiting(on_device: bool, config: Arc<Config>, department: String) -> impl IntoView {
    let messages = use_messages();
    let texts = &messages.callback;
    let chosen = config.departments.iter().find(|d| d.id == department).or(config.departments.first());
    let links = chosen.map(|department| {
        department
            .contacts
            .iter()
            .filter(|contact| contact.channel != Channel::Email)
            .enumerate()
            .map(|(index, contact)| {
                let id = ["cw-w", &index.to_string()].concat();
                view! { <li><ContactLink contact=contact.clone() department_name=department.name.clone() id messages /></li> }
            })
            .collect_view()
    });
    view! {
        <div class="cw-outcome cw-outcome-wait" data-testid="cw-saved-offline">
            <p class="cw-outcome-title">{if on_device { texts.saved_on_device } else { texts.kept_in_page }}</p>
            <p class="cw-meanwhile">{texts.meanwhile}</p>
            <ul class="cw-list">{links}</ul>
        </div>
    }
}

/// What became of a request that waited on the device: sent (with its number and promise) or
/// refused.
#[component]
pub fn DeliveryNote(
    /// The news from the [`Outbox`].
    delivery: Delivery,
) -> impl IntoView {
    let texts = &use_messages().callback;
    match delivery.outcome {
        Delivered::Sent(receipt) => view! {
            <div class="cw-outcome cw-outcome-ok" data-testid="cw-sent">
                {numbered(texts.sent(receipt.number.as_deref()))}
                {receipt.promise.map(|promise| view! { <p class="cw-promise">{promise}</p> })}
            </div>
        }
        .into_any(),
        Delivered::NotAccepted(reason) => view! {
            <div class="cw-outcome cw-outcome-error" data-testid="cw-not-accepted">
                <p class="cw-outcome-title">{texts.not_accepted(&reason)}</p>
            </div>
        }
        .into_any(),
    }
}

/// `errors` with the sentences of `messages` (the owner's overrides), where validation wrote the
/// language file's.
fn worded(errors: Vec<FieldError>, messages: &Messages) -> Vec<FieldError> {
    errors.into_iter().map(|error| error.worded_with(&messages.errors)).collect()
}

/// The outcome's first line, its request number kept whole on one line.
fn numbered(sentence: NumberedSentence) -> impl IntoView {
    let number = sentence.number.map(|number| view! { <span class="cw-number">{number}</span> });
    view! { <p class="cw-outcome-title">{sentence.before}{number}{sentence.after}</p> }
}

/// The deliveries of requests from earlier pages (or other tabs) since this page loaded, announced
/// in the contacts view.
#[component]
pub fn OutboxNews(
    /// The page's outbox.
    outbox: Outbox,
) -> impl IntoView {
    let news = outbox.news();
    // Deliveries only ever add to the list, a few per page at most: re-rendering it whole is cheaper
    // in wasm size than a keyed list.
    let notes = move || news.get().into_iter().map(|delivery| view! { <DeliveryNote delivery /> }).collect_view();
    view! { <div class="cw-news" role="status">{notes}</div> }
}

/// Where an error is shown; in this order, the first invalid field takes focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    Phone,
    Name,
    Department,
    Topic,
    Slot,
    Consent,
    /// Above the submit button: problems with the request as a whole, and with fields the visitor
    /// did not fill in (the key, the page, the zone).
    Form,
}

impl Place {
    /// The id (and test id) of the place's error line, which its field's `aria-describedby` names.
    pub(crate) fn error_id(self) -> &'static str {
        match self {
            Place::Phone => "cw-phone-error",
            Place::Name => "cw-name-error",
            Place::Department => "cw-department-error",
            Place::Topic => "cw-topic-error",
            Place::Slot => "cw-slot-error",
            Place::Consent => "cw-consent-error",
            Place::Form => "cw-form-error",
        }
    }
}

fn place_of(field: Option<&str>) -> Place {
    match field {
        Some("phone") => Place::Phone,
        Some("name") => Place::Name,
        Some("department") => Place::Department,
        Some("topic") => Place::Topic,
        Some("preferredSlot" | "preferredSlot.utc" | "preferredSlot.zone") => Place::Slot,
        Some("consent" | "consent.version") => Place::Consent,
        _ => Place::Form,
    }
}

/// Fields the widget fills in by itself; the visitor cannot correct them, so a value the rules
/// refuse (an over-long page address, a zone the browser named oddly) is left out instead of
/// blocking the request.
const AUTOMATIC: [&str; 2] = ["pageUrl", "visitorZone"];

/// The request ready to send, or the problems the visitor must fix.
fn prepared(
    mut request: CallbackRequest,
    rules: &CallbackRules<'_>,
    locale: Locale,
) -> Result<CallbackRequest, Vec<FieldError>> {
    if request.page_url.as_ref().is_some_and(|url| url.chars().count() > MAX_PAGE_URL_CHARS) {
        request.page_url = None;
    }
    match request.validate(rules, locale) {
        Ok(_) => Ok(request),
        Err(errors) => {
            let automatic = |error: &FieldError| error.field.as_deref().is_some_and(|field| AUTOMATIC.contains(&field));
            if !errors.iter().any(automatic) {
                return Err(errors);
            }
            for error in errors.iter().filter(|error| automatic(error)) {
                match error.field.as_deref() {
                    Some("pageUrl") => request.page_url = None,
                    _ => request.visitor_zone = None,
                }
            }
            request.validate(rules, locale).map(|_| request)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use contact_core::callback::ErrorCode;
    use contact_core::country::Country;
    use contact_core::time::{Offset, Timestamp};
    use contact_core::zones::{ZoneName, Zones};

    /// Knows only Moscow, as a browser with a trimmed zone list would.
    struct MoscowOnly;
    impl Zones for MoscowOnly {
        fn offset_at(&self, zone: &ZoneName, _at: Timestamp) -> Option<Offset> {
            (zone.as_str() == "Europe/Moscow").then_some(Offset::from_seconds(3 * 3600))
        }
    }

    fn rules() -> CallbackRules<'static> {
        CallbackRules {
            default_country: Country::Ru,
            departments: &[],
            consent_required: true,
            zones: &MoscowOnly,
            now: Timestamp::from_unix_seconds(1_750_000_000),
        }
    }

    fn request() -> CallbackRequest {
        CallbackRequest {
            idempotency_key: "0b7e5a4c-3f1d-4a8e-9c2b-6d5f4e3a2b1c".into(),
            phone: "8 916 123-45-67".into(),
            visitor_zone: Some("Europe/Moscow".into()),
            page_url: Some("https://yuzhny-veter.example/".into()),
            locale: Some("ru".into()),
            consent: Some(Consent { given: true, version: "2024-06".into() }),
            ..CallbackRequest::default()
        }
    }

    #[test]
    fn errors_are_shown_under_the_field_they_name_and_the_rest_under_the_form() {
        let cases = [
            (Some("phone"), Place::Phone),
            (Some("name"), Place::Name),
            (Some("department"), Place::Department),
            (Some("topic"), Place::Topic),
            (Some("consent"), Place::Consent),
            (Some("consent.version"), Place::Consent),
            (Some("preferredSlot.utc"), Place::Slot),
            (Some("preferredSlot.zone"), Place::Slot),
            (Some("visitorZone"), Place::Form),
            (Some("idempotencyKey"), Place::Form),
            (None, Place::Form),
        ];
        for (field, place) in cases {
            assert_eq!(place_of(field), place, "{field:?}");
        }
    }

    #[test]
    fn a_valid_request_is_sent_as_typed() {
        assert_eq!(prepared(request(), &rules(), Locale::Ru), Ok(request()));
    }

    #[test]
    fn a_bad_phone_is_reported_in_the_visitors_language() {
        let typed = CallbackRequest { phone: "8 916".into(), ..request() };
        let errors = prepared(typed, &rules(), Locale::En).unwrap_err();
        let found: Vec<_> = errors.iter().map(|e| (e.field.as_deref(), e.code, e.message.as_str())).collect();
        assert_eq!(found, [(Some("phone"), ErrorCode::PhoneTooShort, "В номере телефона не хватает цифр")]);
    }

    #[test]
    fn automatic_fields_the_rules_refuse_are_left_out_rather_than_blocking_the_visitor() {
        let cases = [
            (
                "a zone the rules do not know",
                CallbackRequest { visitor_zone: Some("Mars/Olympus".into()), ..request() },
            ),
            (
                "a page that is not on the web",
                CallbackRequest { page_url: Some("file:///tmp/a.html".into()), ..request() },
            ),
            (
                "a page address over the limit",
                CallbackRequest { page_url: Some(["https://a.example/?q=", &"x".repeat(3000)].concat()), ..request() },
            ),
        ];
        for (case, typed) in cases {
            let sent = prepared(typed.clone(), &rules(), Locale::Ru).unwrap_or_else(|e| panic!("{case}: {e:?}"));
            let dropped = (sent.visitor_zone.is_none(), sent.page_url.is_none());
            let expected = (typed.visitor_zone != request().visitor_zone, typed.page_url != request().page_url);
            assert_eq!(dropped, expected, "{case}");
        }
    }

    #[test]
    fn missing_consent_still_blocks_even_when_an_automatic_field_is_dropped() {
        let typed = CallbackRequest {
            visitor_zone: Some("Mars/Olympus".into()),
            consent: Some(Consent { given: false, version: "2024-06".into() }),
            ..request()
        };
        let errors = prepared(typed, &rules(), Locale::Ru).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.code).collect::<Vec<_>>(), [ErrorCode::ConsentRequired]);
    }
}
