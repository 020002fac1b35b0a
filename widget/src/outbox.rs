//! The outbox: callback requests kept on the device until an endpoint has answered them.
//!
//! Every submission is written here *before* it is posted, so a request survives a dropped
//! connection, a server error, a closed tab or a crashed browser. Waiting requests are sent again,
//! with their idempotency key and their body exactly as first sent, on the next page load, when the
//! browser comes back `online`, and on a backoff timer ([`retry_delay`]). The server stores one
//! request per idempotency key, so sending again after a lost answer never makes a second request.
//!
//! A request saved before its form could fetch a fill-time token (the form was opened offline) would
//! reach the server without one and be quarantined as a bot's: before its first delivery attempt
//! the outbox fetches a token, waits the fill time the server names, and writes the completed body
//! back, so that every later attempt sends the same bytes again.
//!
//! Guarantees: a request leaves the outbox only after an answer that settles it (accepted, or refused
//! for good); a request that cannot be stored on the device (private mode, full storage) is kept and
//! retried in the open page instead, and the visitor is told the difference. Tabs share the outbox:
//! before sending, a tab takes a short lease on the request so that two tabs rarely send it at once
//! (and when they do, the idempotency key makes the second send harmless), and the tab that
//! delivers it tells the others, so every open panel can say so.
//!
//! Layout in the host page's `localStorage` (one origin, every tab):
//! - `contact-widget.outbox.<key>` = `<endpoint>\n<body>`: a waiting request;
//! - `contact-widget.lease.<key>` = `<tab>\n<until, ms since the epoch>`: a tab is sending it;
//! - `contact-widget.sent.<key>` = `<number>\n<promise>`: written and removed at once on delivery,
//!   only to raise a `storage` event in the other tabs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use contact_core::callback::FieldError;
use contact_core::i18n::Locale;
use contact_core::safe_url::SafeUrl;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Storage, StorageEvent};

use crate::api::{self, Answer, Receipt};

const ITEM: &str = "contact-widget.outbox.";
const LEASE: &str = "contact-widget.lease.";
const SENT: &str = "contact-widget.sent.";
/// How long a lease keeps other tabs away: longer than a request may take (`api`'s timeout), so
/// a lease ends only when its tab is done or gone.
const LEASE_MS: u64 = 30_000;

/// How long to wait before the next attempt after `failures` failed rounds in a row: 5 s, 15 s and
/// 60 s, then every 5 minutes for as long as the page stays open.
pub fn retry_delay(failures: u32) -> Duration {
    Duration::from_secs(match failures {
        0 => 5,
        1 => 15,
        2 => 60,
        _ => 300,
    })
}

/// A fresh random UUID (version 4): the idempotency key of a submission. Built from
/// `crypto.getRandomValues`, which unlike `crypto.randomUUID` also works on plain-http pages.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    uuid_v4(bytes)
}

/// News about a request that waited in the outbox, for the panel to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// The request's idempotency key.
    pub key: String,
    /// What became of it.
    pub outcome: Delivered,
}

/// How a waiting request was settled.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivered {
    /// An endpoint took it (here or in another tab).
    Sent(Receipt),
    /// The endpoint refused it for good; the text explains why, in the server's words.
    NotAccepted(String),
}

/// What became of a submission's first attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Submitted {
    /// The endpoint took it.
    Accepted(Receipt),
    /// The endpoint refused it; nothing is retried.
    Refused(Vec<FieldError>),
    /// It could not be sent and waits to be resent: on the device when `on_device`, else only in
    /// this page.
    Waiting { on_device: bool },
}

/// The page's handle on the outbox. Cheap to clone; one per page ([`Outbox::start`]).
#[derive(Clone)]
pub struct Outbox(Rc<Shared>);

struct Shared {
    /// `None` where the browser refuses storage (sandboxed frames, some private modes).
    storage: Option<Storage>,
    /// This tab's id, written into its leases.
    tab: String,
    /// The language of error messages that a refusal leaves out.
    locale: Locale,
    /// Where fill-time tokens come from, for requests saved without one.
    token_url: Option<SafeUrl>,
    /// Requests the storage could not take, retried while the page is open.
    memory: RefCell<Vec<Item>>,
    /// Keys this tab is sending right now, so that it never sends one twice at once.
    sending: RefCell<Vec<String>>,
    /// Failed rounds in a row, for [`retry_delay`].
    failures: Cell<u32>,
    timer_set: Cell<bool>,
    flushing: Cell<bool>,
    /// Set when a flush is asked for while one runs: the running one goes round again.
    again: Cell<bool>,
    news: RwSignal<Vec<Delivery>>,
}

/// A waiting request.
#[derive(Clone)]
struct Item {
    key: String,
    endpoint: String,
    body: String,
}

impl Outbox {
    /// Opens the page's outbox: sends what earlier pages left waiting, and from now on resends on
    /// `online` and hears deliveries made by other tabs. Requests without a fill-time token get one
    /// from `token_url` before they are sent. Call once per page.
    pub fn start(locale: Locale, token_url: Option<SafeUrl>) -> Outbox {
        let outbox = Outbox(Rc::new(Shared {
            storage: window().local_storage().ok().flatten(),
            tab: new_key(),
            locale,
            token_url,
            memory: RefCell::default(),
            sending: RefCell::default(),
            failures: Cell::new(0),
            timer_set: Cell::new(false),
            flushing: Cell::new(false),
            again: Cell::new(false),
            news: RwSignal::new(Vec::new()),
        }));
        let online = outbox.clone();
        // The outbox lives as long as the page, so its listeners are never removed.
        let _ = window_event_listener(ev::online, move |_| {
            online.0.failures.set(0);
            online.flush_soon();
        });
        let storage = outbox.clone();
        let _ = window_event_listener(ev::storage, move |event: StorageEvent| storage.hear(&event));
        outbox.flush_soon();
        outbox
    }

    /// Deliveries of waiting requests since the page loaded, oldest first.
    pub fn news(&self) -> ReadSignal<Vec<Delivery>> {
        self.0.news.read_only()
    }

    /// Stores a submission and makes its first attempt. `body` is the serialised request and is
    /// kept byte for byte for resending; `key` is its idempotency key.
    pub async fn submit(&self, endpoint: String, key: String, body: String) -> Submitted {
        let item = Item { key, endpoint, body };
        let on_device = self.save(&item);
        self.0.sending.borrow_mut().push(item.key.clone());
        if let Some(storage) = &self.0.storage {
            let _ = storage.set_item(&[LEASE, &item.key].concat(), &self.lease_value());
        }
        let item = self.with_form_token(item).await;
        let submitted = match api::post_callback(&item.endpoint, &item.body, self.0.locale).await {
            Answer::Accepted(receipt) => {
                self.forget(&item.key);
                Submitted::Accepted(receipt)
            }
            Answer::Refused { errors, .. } => {
                self.forget(&item.key);
                Submitted::Refused(errors)
            }
            Answer::Unreachable => {
                self.schedule_retry();
                Submitted::Waiting { on_device }
            }
        };
        self.release(&item.key);
        submitted
    }

    fn flush_soon(&self) {
        spawn_local(self.clone().flush());
    }

    /// Sends every waiting request that no other tab is sending, then schedules the next round if
    /// any is still waiting.
    async fn flush(self) {
        let shared = &self.0;
        if shared.flushing.replace(true) {
            shared.again.set(true);
            return;
        }
        let mut waiting = false;
        loop {
            for mut item in self.pending() {
                if !self.take_lease(&item.key).await {
                    waiting = true;
                    continue;
                }
                // Another tab may have delivered it while this one waited for its lease.
                if self.is_waiting(&item) {
                    item = self.with_form_token(item).await;
                    match api::post_callback(&item.endpoint, &item.body, shared.locale).await {
                        Answer::Accepted(receipt) => {
                            self.forget(&item.key);
                            self.tell_other_tabs(&item.key, &receipt);
                            self.announce(&item.key, Delivered::Sent(receipt));
                        }
                        Answer::Refused { errors, retry_later: false } => {
                            self.forget(&item.key);
                            let reason =
                                errors.iter().map(|error| error.message.as_str()).collect::<Vec<_>>().join(" ");
                            self.announce(&item.key, Delivered::NotAccepted(reason));
                        }
                        Answer::Refused { retry_later: true, .. } | Answer::Unreachable => waiting = true,
                    }
                }
                self.release(&item.key);
            }
            if !shared.again.replace(false) {
                break;
            }
        }
        shared.flushing.set(false);
        if waiting {
            self.schedule_retry();
        } else {
            shared.failures.set(0);
        }
    }

    /// `item` with a fill-time token: as it is when it has one or none can be fetched now,
    /// otherwise completed with a fresh token once the server's fill time has passed, and kept so.
    async fn with_form_token(&self, item: Item) -> Item {
        let Some(url) = &self.0.token_url else { return item };
        let Ok(request) = js_sys::JSON::parse(&item.body) else { return item };
        let field = JsValue::from_str("formToken");
        if js_sys::Reflect::get(&request, &field).is_ok_and(|token| token.is_string()) {
            return item;
        }
        let Some(fetched) = api::fetch_form_token(url.as_str()).await else { return item };
        pause(i32::try_from(fetched.fill_seconds * 1000).unwrap_or(i32::MAX)).await;
        let completed = js_sys::Reflect::set(&request, &field, &JsValue::from_str(&fetched.token))
            .ok()
            .and_then(|_| js_sys::JSON::stringify(&request).ok())
            .and_then(|body| body.as_string());
        let Some(body) = completed else { return item };
        let item = Item { body, ..item };
        self.keep(&item);
        item
    }

    /// Replaces a waiting request's body where it waits: on the device or in the page.
    fn keep(&self, item: &Item) {
        if let Some(kept) = self.0.memory.borrow_mut().iter_mut().find(|kept| kept.key == item.key) {
            kept.body.clone_from(&item.body);
            return;
        }
        if let Some(storage) = &self.0.storage {
            let _ = storage.set_item(&[ITEM, &item.key].concat(), &encode_item(&item.endpoint, &item.body));
        }
    }

    fn schedule_retry(&self) {
        let shared = &self.0;
        if shared.timer_set.replace(true) {
            return;
        }
        let delay = retry_delay(shared.failures.get());
        shared.failures.set(shared.failures.get().saturating_add(1));
        let outbox = self.clone();
        set_timeout(
            move || {
                outbox.0.timer_set.set(false);
                outbox.flush_soon();
            },
            delay,
        );
    }

    /// Every waiting request: the device's (from any tab) and this page's own.
    fn pending(&self) -> Vec<Item> {
        let mut items = self.0.memory.borrow().clone();
        let Some(storage) = &self.0.storage else { return items };
        let count = storage.length().unwrap_or(0);
        let names: Vec<String> = (0..count).filter_map(|index| storage.key(index).ok().flatten()).collect();
        for name in names {
            let Some(key) = name.strip_prefix(ITEM) else { continue };
            let Some(value) = storage.get_item(&name).ok().flatten() else { continue };
            // Anything else on the page can write to this storage: resend only what this widget
            // could have written, to an endpoint that passes the configuration's own check.
            match decode_item(&value) {
                Some((endpoint, body)) if SafeUrl::parse_path_or_https(endpoint).is_ok() => {
                    items.push(Item { key: key.to_owned(), endpoint: endpoint.to_owned(), body: body.to_owned() });
                }
                _ => {
                    let _ = storage.remove_item(&name);
                }
            }
        }
        items
    }

    /// Writes the request to the device, or keeps it in the page when the device refuses; `true`
    /// when it is on the device.
    fn save(&self, item: &Item) -> bool {
        let stored = self.0.storage.as_ref().is_some_and(|storage| {
            storage.set_item(&[ITEM, &item.key].concat(), &encode_item(&item.endpoint, &item.body)).is_ok()
        });
        if !stored {
            self.0.memory.borrow_mut().push(item.clone());
        }
        stored
    }

    fn is_waiting(&self, item: &Item) -> bool {
        let in_memory = self.0.memory.borrow().iter().any(|kept| kept.key == item.key);
        in_memory
            || self
                .0
                .storage
                .as_ref()
                .is_some_and(|storage| storage.get_item(&[ITEM, &item.key].concat()).ok().flatten().is_some())
    }

    fn forget(&self, key: &str) {
        self.0.memory.borrow_mut().retain(|item| item.key != key);
        if let Some(storage) = &self.0.storage {
            let _ = storage.remove_item(&[ITEM, key].concat());
        }
    }

    /// Claims `key` for this tab; `false` when this tab or another one is sending it.
    async fn take_lease(&self, key: &str) -> bool {
        let shared = &self.0;
        if shared.sending.borrow().iter().any(|busy| busy == key) {
            return false;
        }
        shared.sending.borrow_mut().push(key.to_owned());
        let Some(storage) = &shared.storage else { return true };
        let name = [LEASE, key].concat();
        if lease_holds(storage.get_item(&name).ok().flatten().as_deref(), now_ms()) {
            self.release(key);
            return false;
        }
        let mine = self.lease_value();
        let _ = storage.set_item(&name, &mine);
        // Tabs that wake up together (an `online` event reaches all of them) may both find the lease
        // free; a random pause lets one tab's write reach the other before either reads it back.
        pause(20 + (100.0 * js_sys::Math::random()) as i32).await;
        let still_mine = storage.get_item(&name).ok().flatten().as_deref() == Some(mine.as_str());
        if !still_mine {
            shared.sending.borrow_mut().retain(|busy| busy != key);
        }
        still_mine
    }

    fn lease_value(&self) -> String {
        [&self.0.tab, "\n", &(now_ms() + LEASE_MS).to_string()].concat()
    }

    /// Ends this tab's claim on `key`.
    fn release(&self, key: &str) {
        self.0.sending.borrow_mut().retain(|busy| busy != key);
        if let Some(storage) = &self.0.storage {
            let name = [LEASE, key].concat();
            let ours = storage.get_item(&name).ok().flatten().is_some_and(|lease| lease_tab(&lease) == self.0.tab);
            if ours {
                let _ = storage.remove_item(&name);
            }
        }
    }

    fn tell_other_tabs(&self, key: &str, receipt: &Receipt) {
        if let Some(storage) = &self.0.storage {
            let name = [SENT, key].concat();
            let _ = storage.set_item(&name, &encode_receipt(receipt));
            let _ = storage.remove_item(&name);
        }
    }

    /// Another tab changed the storage: a delivery there is news here too.
    fn hear(&self, event: &StorageEvent) {
        let key = event.key().unwrap_or_default();
        if let (Some(key), Some(value)) = (key.strip_prefix(SENT), event.new_value()) {
            self.announce(key, Delivered::Sent(decode_receipt(&value)));
        }
    }

    fn announce(&self, key: &str, outcome: Delivered) {
        let _ = self.0.news.try_update(|news| record(news, Delivery { key: key.to_owned(), outcome }));
    }
}

/// Adds `delivery` to the news unless its request is already there: when two tabs both sent it
/// (the lease is a courtesy, not a lock), each tab hears of it twice but shows one note.
fn record(news: &mut Vec<Delivery>, delivery: Delivery) {
    if news.iter().all(|known| known.key != delivery.key) {
        news.push(delivery);
    }
}

/// The wall clock in whole milliseconds, as leases are written: every tab reads the same clock, and
/// integers keep float formatting and parsing out of the wasm.
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Resolves after `ms` milliseconds.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

fn encode_item(endpoint: &str, body: &str) -> String {
    [endpoint, "\n", body].concat()
}

/// The endpoint and the body; an endpoint never holds a line break (URL parsing removes them).
fn decode_item(value: &str) -> Option<(&str, &str)> {
    value.split_once('\n').filter(|(endpoint, body)| !endpoint.is_empty() && !body.is_empty())
}

fn encode_receipt(receipt: &Receipt) -> String {
    let part = |text: &Option<String>| text.as_deref().unwrap_or_default().replace('\n', " ");
    [part(&receipt.number), "\n".into(), part(&receipt.promise)].concat()
}

fn decode_receipt(value: &str) -> Receipt {
    let (number, promise) = value.split_once('\n').unwrap_or((value, ""));
    let part = |text: &str| Some(text.to_owned()).filter(|text| !text.trim().is_empty());
    Receipt { number: part(number), promise: part(promise) }
}

fn lease_tab(lease: &str) -> &str {
    lease.split_once('\n').map_or(lease, |(tab, _)| tab)
}

/// Whether a lease (as stored) still keeps other tabs away at `now` (ms since the epoch).
fn lease_holds(lease: Option<&str>, now: u64) -> bool {
    lease
        .and_then(|lease| lease.split_once('\n'))
        .and_then(|(_, until)| until.parse::<u64>().ok())
        .is_some_and(|until| until > now)
}

/// Formats 16 random bytes as a version 4, variant 1 UUID.
fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(36);
    for (index, byte) in bytes.iter().enumerate() {
        if matches!(index, 4 | 6 | 8 | 10) {
            text.push('-');
        }
        text.push(char::from(HEX[usize::from(byte >> 4)]));
        text.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_looks_for_waiting_requests_under_the_outbox_prefix() {
        let loader = include_str!("../loader/contact-widget.js");
        assert!(loader.contains(&["startsWith('", ITEM, "')"].concat()), "the loader's outbox prefix drifted");
    }

    #[test]
    fn retries_back_off_to_every_five_minutes() {
        let seconds: Vec<u64> = (0..6).map(|failures| retry_delay(failures).as_secs()).collect();
        assert_eq!(seconds, [5, 15, 60, 300, 300, 300]);
        assert_eq!(retry_delay(u32::MAX).as_secs(), 300);
    }

    #[test]
    fn keys_are_canonical_version_4_uuids() {
        let cases = [
            ([0u8; 16], "00000000-0000-4000-8000-000000000000"),
            ([0xff; 16], "ffffffff-ffff-4fff-bfff-ffffffffffff"),
            (
                [0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0],
                "12345678-9abc-4ef0-9234-56789abcdef0",
            ),
        ];
        for (bytes, expected) in cases {
            assert_eq!(uuid_v4(bytes), expected);
        }
    }

    #[test]
    fn a_stored_request_reads_back_as_its_endpoint_and_exact_body() {
        let body = r#"{"idempotencyKey":"k","name":"Анна\nСмирнова","phone":"8 916"}"#;
        let stored = encode_item("/api/v1/callbacks", body);
        assert_eq!(decode_item(&stored), Some(("/api/v1/callbacks", body)));
        for broken in ["", "/api/v1/callbacks", "\n{}", "/api/v1/callbacks\n"] {
            assert_eq!(decode_item(broken), None, "{broken:?}");
        }
    }

    #[test]
    fn receipts_pass_between_tabs_with_or_without_number_and_promise() {
        let cases = [
            Receipt {
                number: Some("CB-000007".into()), promise: Some("Перезвоним в течение 15 минут".into())
            },
            Receipt { number: Some("CB-000007".into()), promise: None },
            Receipt { number: None, promise: None },
        ];
        for receipt in cases {
            assert_eq!(decode_receipt(&encode_receipt(&receipt)), receipt);
        }
    }

    #[test]
    fn a_request_delivered_by_two_tabs_is_news_once() {
        let sent = |key: &str, number: &str| Delivery {
            key: key.into(),
            outcome: Delivered::Sent(Receipt { number: Some(number.into()), promise: None }),
        };
        let mut news = Vec::new();
        record(&mut news, sent("a", "CB-000001"));
        record(&mut news, sent("b", "CB-000002"));
        record(&mut news, sent("a", "CB-000001"));
        assert_eq!(news, [sent("a", "CB-000001"), sent("b", "CB-000002")]);
    }

    #[test]
    fn a_lease_keeps_other_tabs_away_only_until_it_ends() {
        let cases = [
            (None, false),
            (Some("tab\n2000"), true),
            (Some("tab\n1000"), false),
            (Some("tab\n500"), false),
            (Some("tab"), false),
            (Some("tab\nsoon"), false),
        ];
        for (lease, holds) in cases {
            assert_eq!(lease_holds(lease, 1000), holds, "{lease:?}");
        }
        assert_eq!(lease_tab("tab-1\n2000"), "tab-1");
    }
}
