//! The configuration document as written: the serde model of the JSON, before any validation.
//!
//! Every place where one bad value should not sink its neighbours holds a [`Lenient`] value, which
//! keeps either the parsed value or serde's complaint about it; unknown keys are collected rather
//! than refused. So deserialising a [`RawConfig`] fails only when the text is not a JSON object, and
//! `validate` reports everything else with its path. With the `schema` feature these types also
//! describe the document as JSON Schema: the `///` comments below are what editors show site owners.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::country::Country;

/// Keys a writer put in an object that the widget does not know, kept so that typos are reported.
pub(super) type Unknown = BTreeMap<String, Value>;

/// The contact widget's configuration document.
#[derive(Debug, Default, Deserialize)]
#[serde(rename = "Configuration", rename_all = "camelCase", expecting = "a configuration object")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Contact widget configuration", deny_unknown_fields))]
pub struct RawConfig {
    /// The JSON Schema this document follows, for editors; the widget ignores it.
    #[serde(rename = "$schema")]
    pub(super) schema: Option<Lenient<String>>,
    /// The business name, shown as the panel's heading and used as the dialog's accessible name.
    #[cfg_attr(feature = "schema", schemars(example = &"Южный ветер"))]
    pub(super) company: Option<Lenient<String>>,
    /// The panel's language. When absent, the host page's `lang` decides, then the browser's.
    pub(super) locale: Option<Lenient<RawLocale>>,
    /// The country assumed for phone numbers written without `+` or an international prefix
    /// (`8 (495) 123-45-67`). Default: `RU`.
    pub(super) default_country: Option<Lenient<Country>>,
    /// Where the launcher button sits on the page.
    pub(super) placement: Option<Lenient<RawPlacement>>,
    /// Text on the launcher button. When absent the button shows only its icon.
    #[cfg_attr(feature = "schema", schemars(example = &"Связаться"))]
    pub(super) launcher_label: Option<Lenient<String>>,
    /// Groups of contacts, in the order they are shown ("Продажи", "Сервис", "Бухгалтерия").
    #[cfg_attr(feature = "schema", schemars(required, length(min = 1)))]
    pub(super) departments: Option<Lenient<Vec<Lenient<RawDepartment>>>>,
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(super) unknown: Unknown,
}

#[cfg(feature = "schema")]
impl RawConfig {
    /// The JSON Schema of the configuration document, as committed in `widget/core/config.schema.json`.
    pub fn json_schema() -> Value {
        let mut schema = schemars::schema_for!(RawConfig).to_value();
        // The widget reads `null` in an optional field as "absent", but documenting that would only
        // invite it: optional fields are described as their value alone.
        drop_null_alternatives(&mut schema);
        schema
    }
}

/// Rewrites `"type": ["string", "null"]` as `"type": "string"` and `"anyOf": [X, {"type": "null"}]` as X.
#[cfg(feature = "schema")]
fn drop_null_alternatives(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if let Some(Value::Array(types)) = object.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    object.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(alternatives)) = object.get_mut("anyOf") {
                alternatives.retain(|alternative| alternative.get("type").is_none_or(|t| t != "null"));
                if let [Value::Object(only)] = alternatives.as_slice() {
                    let only = only.clone();
                    object.remove("anyOf");
                    object.extend(only);
                }
            }
            object.values_mut().for_each(drop_null_alternatives);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null_alternatives),
        _ => {}
    }
}

/// A UI language the widget ships.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename = "Locale", rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(super) enum RawLocale {
    /// Russian.
    Ru,
    /// English.
    En,
}

/// The launcher's position: a corner at the bottom of the viewport, and the distance from its edges.
#[derive(Debug, Deserialize)]
#[serde(rename = "Placement", rename_all = "camelCase", expecting = "a placement object")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct RawPlacement {
    /// The bottom corner the launcher sits in. Default: `right`.
    pub(super) side: Option<Lenient<RawSide>>,
    /// Distance in CSS pixels from the left or right edge. Default: 20.
    pub(super) offset_x: Option<Lenient<u16>>,
    /// Distance in CSS pixels from the bottom edge. Default: 20.
    pub(super) offset_y: Option<Lenient<u16>>,
    /// The CSS `z-index` of the launcher and panel, to stay above (or below) the page's own layers.
    /// Default: 2147483000.
    pub(super) z_index: Option<Lenient<i32>>,
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(super) unknown: Unknown,
}

/// Which side of the viewport the launcher sits on.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename = "Side", rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(super) enum RawSide {
    /// The bottom-left corner.
    Left,
    /// The bottom-right corner.
    Right,
}

/// A group of contacts that answers one kind of question.
#[derive(Debug, Deserialize)]
#[serde(rename = "Department", expecting = "a department object")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct RawDepartment {
    /// A stable identifier for tests and analytics: Latin letters, digits, `-` and `_`, unique in the
    /// document. Default: `dept-<position>` (`dept-1` for the first department).
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[A-Za-z0-9_-]{1,64}$"), example = &"sales"))]
    pub(super) id: Option<String>,
    /// The heading shown above the department's contacts.
    #[cfg_attr(feature = "schema", schemars(example = &"Продажи"))]
    pub(super) name: String,
    /// The department's contacts, in the order they are shown.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub(super) contacts: Vec<Lenient<RawContact>>,
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(super) unknown: Unknown,
}

/// One contact; `type` says which channel it opens and which other fields it takes.
#[derive(Debug, Deserialize)]
#[serde(rename = "Contact", tag = "type", rename_all = "lowercase", expecting = "a contact object with a \"type\"")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(super) enum RawContact {
    /// A phone call (`tel:` link in E.164).
    Phone(PhoneContact),
    /// An e-mail (`mailto:` link).
    Email(EmailContact),
    /// A WhatsApp chat (`https://wa.me/<digits>`).
    WhatsApp(WhatsAppContact),
    /// A Telegram chat (`https://t.me/<username>`).
    Telegram(TelegramContact),
    /// A Viber chat (`viber://chat?number=%2B<digits>`).
    Viber(PhoneOnlyContact),
    /// A VK message (`https://vk.me/<id>`).
    Vk(VkContact),
    /// A Facebook Messenger chat (`https://m.me/<page>`).
    Messenger(MessengerContact),
    /// A Skype chat (`skype:<name>?chat`).
    Skype(SkypeContact),
    /// A text message (`sms:+<digits>`).
    Sms(SmsContact),
    /// A Signal chat (`https://signal.me/#p/+<digits>`).
    Signal(PhoneOnlyContact),
    /// An Instagram direct message (`https://ig.me/m/<user>`).
    Instagram(InstagramContact),
    /// A MAX chat: the profile link copied from the MAX app.
    Max(MaxContact),
}

/// Fields every contact may have.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub(super) struct Common {
    /// A short label shown above the contact ("Отдел продаж", "Многоканальный").
    pub(super) label: Option<String>,
    /// A note shown below the contact ("бесплатно по России", "платный номер").
    pub(super) note: Option<String>,
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(super) unknown: Unknown,
}

/// A phone number to call.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct PhoneContact {
    /// The number as you would print it: `8 (495) 123-45-67`, `+7 495 123 45 67`, `8-800-555-35-35`,
    /// with an optional extension (`доб. 123`, `ext. 123`, `x123`, `#123`, `, 123`).
    #[cfg_attr(feature = "schema", schemars(example = &"8 (495) 123-45-67"))]
    pub(super) number: String,
    /// The text shown instead of the formatted number (`+7 495 123-45-67`).
    pub(super) display: Option<String>,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// An e-mail address, with an optional prefilled subject and body.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct EmailContact {
    /// The address, shown as selectable text.
    #[cfg_attr(feature = "schema", schemars(example = &"sales@yuzhny-veter.example"))]
    pub(super) address: String,
    /// The subject the visitor's mail program starts with.
    pub(super) subject: Option<String>,
    /// The message the visitor's mail program starts with.
    pub(super) body: Option<String>,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A WhatsApp number, with an optional prefilled message.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct WhatsAppContact {
    /// The number, written as for a phone contact but without an extension.
    pub(super) phone: String,
    /// The message the chat starts with.
    pub(super) text: Option<String>,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A number for a messenger that needs nothing else (Viber, Signal).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct PhoneOnlyContact {
    /// The number, written as for a phone contact but without an extension.
    pub(super) phone: String,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A number to send a text message to, with an optional prefilled message.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct SmsContact {
    /// The number, written as for a phone contact but without an extension.
    pub(super) phone: String,
    /// The message the visitor's messaging app starts with.
    pub(super) body: Option<String>,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A Telegram user, bot or channel.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct TelegramContact {
    /// The username, with or without `@`, or its link (`t.me/name`, `https://t.me/name`).
    #[cfg_attr(feature = "schema", schemars(example = &"@yuzhny_veter"))]
    pub(super) username: String,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A VK community or person.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct VkContact {
    /// The short name or id (`yuzhny_veter`, `club123`), or a `vk.com/…` link.
    pub(super) id: String,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A Facebook page that answers in Messenger.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct MessengerContact {
    /// The page's username or numeric id, or its `m.me/…` or `facebook.com/…` link.
    pub(super) page: String,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A Skype account.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct SkypeContact {
    /// The Skype name (`yuzhny.veter`) or Microsoft account name (`live:.cid.123abc`).
    pub(super) name: String,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// An Instagram account that takes direct messages.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct InstagramContact {
    /// The username, with or without `@`, or its `instagram.com/…` link.
    pub(super) user: String,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A MAX account.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub(super) struct MaxContact {
    /// The profile link from the MAX app: `https://max.ru/…` (subdomains of max.ru are accepted too).
    #[cfg_attr(feature = "schema", schemars(example = &"https://max.ru/yuzhny_veter"))]
    pub(super) url: String,
    #[serde(flatten)]
    pub(super) common: Common,
}

/// A value that did not have to be valid: either `T`, or serde's explanation of why the JSON
/// there is not a `T`. Lets one bad department, contact or option be reported and skipped while
/// the rest of the document is still read.
#[derive(Debug)]
pub(super) struct Lenient<T>(pub(super) Result<T, String>);

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(Lenient(T::deserialize(value).map_err(|error| error.to_string())))
    }
}

/// A lenient value is documented as the value it should have been.
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Lenient<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}
