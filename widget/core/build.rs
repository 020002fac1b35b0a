//! Turns the language files `locales/<tag>.toml` into Rust: the [`Locale`] enum (one variant per
//! file), a `static` `Messages` per language with `&'static str` fields (no parsing at run time, no
//! bytes beyond the texts), the tags each language answers to, the owner-override accessors
//! `Messages::text` and `Messages::set` (both through one index `match`), and the loader's launcher
//! table as JSON (`LOADER_LOCALES`, which `scripts/build-widget.sh` writes into `contact-widget.js`).
//!
//! Guarantees: the build stops, naming the file and the key, when a file lacks a key of `en.toml`
//! (the reference language), has one that `en.toml` has not, holds a value of the wrong shape, or
//! writes a text with other `{placeholders}` than English does. So adding `kk.toml` is all it takes
//! to ship a language, and a half-translated file never ships.
//!
//! The shape of `en.toml` decides the Rust: a text is a `&'static str`; a table of `one`, `few`,
//! `many`, `other` is a `Plural`; a table of `mon`…`sun` or `jan`…`dec` an array in calendar order;
//! a table of zone names (`"Europe/Moscow"`) an array of `(zone, phrase)` pairs; the sections listed
//! in [`SECTIONS`] their structs in `src/i18n.rs`. `[language]` holds the language's own data.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

/// The language every other file is checked against, and the visitors' fallback.
const REFERENCE: &str = "en";
/// The struct each section of a language file becomes (fields of `Messages` in `src/i18n.rs`).
const SECTIONS: &[(&str, &str)] = &[
    ("hours", "HoursTexts"),
    ("callback", "CallbackTexts"),
    ("promise", "PromiseTexts"),
    ("errors", "ErrorTexts"),
    ("clock", "ClockTexts"),
];
const PLURAL: [&str; 4] = ["one", "few", "many", "other"];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/// The loader draws the launcher before the wasm arrives, with these texts.
const LOADER_KEYS: [&str; 2] = ["launcher", "loading"];

/// What a key of `en.toml` holds, and so what every language must hold there.
enum Shape {
    Text,
    /// A struct, by its Rust name, with its fields.
    Section(&'static str, Vec<(String, Shape)>),
    /// Texts under fixed keys, generated as `Plural { … }` or as an array in the keys' order.
    Fixed(Fixed),
    /// Zone phrases: an array of `(zone, phrase)` in `en.toml`'s (sorted) order.
    Zones(Vec<String>),
}

#[derive(Clone, Copy)]
enum Fixed {
    Plural,
    Weekdays,
    Months,
}

impl Fixed {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Fixed::Plural => &PLURAL,
            Fixed::Weekdays => &WEEKDAYS,
            Fixed::Months => &MONTHS,
        }
    }
}

/// One language file, read.
struct Language {
    tag: String,
    variant: String,
    file: String,
    table: Table,
    /// Its own name (`[language] name`).
    name: String,
    /// Other primary subtags it answers to (`[language] covers`).
    covers: Vec<String>,
}

/// Every problem found, reported together before the build fails.
#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn add(&mut self, file: &str, key: &str, message: impl std::fmt::Display) {
        let at = if key.is_empty() { String::new() } else { format!(" key `{key}`") };
        self.0.push(format!("{file}{at}: {message}"));
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = manifest.join("locales");
    // A directory: cargo re-runs the script when any file in it is added, removed or changed.
    println!("cargo::rerun-if-changed=locales");

    let mut problems = Problems::default();
    let languages = read_languages(&dir, &mut problems);
    let reference = languages.iter().find(|language| language.tag == REFERENCE);
    let shape = match reference {
        Some(reference) => section_shape("", &reference.table, &reference.file, &mut problems),
        None => {
            problems.add(&format!("locales/{REFERENCE}.toml"), "", "missing: it is the reference language");
            Vec::new()
        }
    };
    if let Some(reference) = reference {
        for language in &languages {
            let mut table = language.table.clone();
            table.remove("language");
            check(&table, &reference.table, &shape, "", &language.file, &mut problems);
        }
    }
    if !problems.0.is_empty() {
        eprintln!("the language files in {} are not usable:", dir.display());
        for problem in &problems.0 {
            eprintln!("  {problem}");
        }
        std::process::exit(1);
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let loader = loader_json(&languages);
    std::fs::write(out.join("loader-locales.json"), &loader).expect("OUT_DIR is writable");
    std::fs::write(out.join("locales.rs"), rust(&languages, &shape, &loader)).expect("OUT_DIR is writable");
}

fn read_languages(dir: &Path, problems: &mut Problems) -> Vec<Language> {
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
            .collect(),
        Err(error) => {
            problems.add(&dir.display().to_string(), "", format!("cannot read the folder: {error}"));
            Vec::new()
        }
    };
    paths.sort();
    let mut languages = Vec::new();
    for path in paths {
        let tag = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default().to_owned();
        let file = format!("locales/{}", path.file_name().and_then(|name| name.to_str()).unwrap_or_default());
        if !is_primary_subtag(&tag) {
            problems.add(
                &file,
                "",
                "name the file by its language's primary subtag: 2 or 3 lowercase letters (uk.toml)",
            );
            continue;
        }
        let table = match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| text.parse::<Table>().map_err(|e| e.to_string()))
        {
            Ok(table) => table,
            Err(error) => {
                problems.add(&file, "", format!("not readable TOML: {error}"));
                continue;
            }
        };
        let (name, covers) = language_data(&table, &file, problems);
        let variant = [tag[..1].to_uppercase(), tag[1..].to_owned()].concat();
        languages.push(Language { tag, variant, file, table, name, covers });
    }
    // A language with its own file answers to its own tag, whatever another file covers.
    let own: BTreeSet<String> = languages.iter().map(|language| language.tag.clone()).collect();
    let mut covered = BTreeMap::new();
    for language in &mut languages {
        language.covers.retain(|tag| !own.contains(tag));
        for tag in &language.covers {
            if let Some(other) = covered.insert(tag.clone(), language.file.clone()) {
                problems.add(&language.file, "language.covers", format!("{tag:?} is covered by {other} as well"));
            }
        }
    }
    languages
}

fn is_primary_subtag(tag: &str) -> bool {
    (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase())
}

/// `[language] name` and `covers`.
fn language_data(table: &Table, file: &str, problems: &mut Problems) -> (String, Vec<String>) {
    let Some(Value::Table(language)) = table.get("language") else {
        problems.add(file, "language", "missing: a [language] table with `name` and `covers`");
        return (String::new(), Vec::new());
    };
    for key in language.keys().filter(|key| !["name", "covers"].contains(&key.as_str())) {
        problems.add(file, &format!("language.{key}"), "unknown key");
    }
    let name = match language.get("name") {
        Some(Value::String(name)) if !name.trim().is_empty() => name.clone(),
        _ => {
            problems.add(file, "language.name", "missing: the language's own name as text");
            String::new()
        }
    };
    let covers = match language.get("covers") {
        Some(Value::Array(tags)) => tags
            .iter()
            .filter_map(|tag| match tag.as_str() {
                Some(tag) if is_primary_subtag(tag) => Some(tag.to_owned()),
                _ => {
                    problems.add(file, "language.covers", format!("{tag} is not a primary subtag (\"be\")"));
                    None
                }
            })
            .collect(),
        _ => {
            problems.add(file, "language.covers", "missing: a list of other primary subtags, maybe empty");
            Vec::new()
        }
    };
    (name, covers)
}

/// The shape of a table of `en.toml` at `path` (`""` for the top level, whose `[language]` is data).
fn section_shape(path: &str, table: &Table, file: &str, problems: &mut Problems) -> Vec<(String, Shape)> {
    let mut fields = Vec::new();
    for (key, value) in table {
        if path.is_empty() && key == "language" {
            continue;
        }
        let full = join(path, key);
        let shape = match value {
            Value::String(_) => Shape::Text,
            Value::Table(inner) => {
                let keys: BTreeSet<&str> = inner.keys().map(String::as_str).collect();
                let fixed = [Fixed::Plural, Fixed::Weekdays, Fixed::Months]
                    .into_iter()
                    .find(|fixed| keys == fixed.keys().iter().copied().collect());
                if let Some(fixed) = fixed {
                    Shape::Fixed(fixed)
                } else if !keys.is_empty() && keys.iter().all(|key| key.contains('/')) {
                    Shape::Zones(inner.keys().cloned().collect())
                } else if let Some((_, name)) = SECTIONS.iter().find(|(section, _)| path.is_empty() && section == key) {
                    Shape::Section(name, section_shape(&full, inner, file, problems))
                } else {
                    problems.add(file, &full, "a table that is no known section (see SECTIONS in build.rs), plural (one, few, many, other), weekdays (mon…sun), months (jan…dec) or zone list");
                    continue;
                }
            }
            _ => {
                problems.add(file, &full, "expected a text or a table");
                continue;
            }
        };
        fields.push((key.clone(), shape));
    }
    for (section, _) in SECTIONS {
        if path.is_empty() && !table.contains_key(*section) {
            problems.add(file, section, "missing section");
        }
    }
    fields
}

/// Checks a language's table against `en.toml`'s at `path`: the same keys, the same shapes, each
/// text with English's placeholders and none empty.
fn check(table: &Table, reference: &Table, shape: &[(String, Shape)], path: &str, file: &str, problems: &mut Problems) {
    for key in table.keys().filter(|key| !reference.contains_key(*key)) {
        problems.add(file, &join(path, key), format!("unknown key: {REFERENCE}.toml has none such"));
    }
    for (key, field) in shape {
        let full = join(path, key);
        let (Some(value), Some(english)) = (table.get(key), reference.get(key)) else {
            problems.add(file, &full, "missing");
            continue;
        };
        match (field, value, english) {
            (Shape::Text, Value::String(text), Value::String(english)) => {
                check_text(text, english, &full, file, problems)
            }
            (Shape::Section(_, fields), Value::Table(inner), Value::Table(english)) => {
                check(inner, english, fields, &full, file, problems)
            }
            (Shape::Fixed(_) | Shape::Zones(_), Value::Table(inner), Value::Table(english)) => {
                for leaf in inner.keys().filter(|leaf| !english.contains_key(*leaf)) {
                    problems.add(file, &join(&full, leaf), format!("unknown key: {REFERENCE}.toml has none such"));
                }
                for (leaf, english) in english {
                    match (inner.get(leaf), english) {
                        (Some(Value::String(text)), Value::String(english)) => {
                            check_text(text, english, &join(&full, leaf), file, problems)
                        }
                        (Some(_), _) => problems.add(file, &join(&full, leaf), "expected a text"),
                        (None, _) => problems.add(file, &join(&full, leaf), "missing"),
                    }
                }
            }
            (Shape::Text, _, _) => problems.add(file, &full, "expected a text"),
            _ => problems.add(file, &full, "expected a table"),
        }
    }
}

fn check_text(text: &str, english: &str, key: &str, file: &str, problems: &mut Problems) {
    if text.trim().is_empty() {
        problems.add(file, key, "empty text");
    }
    let (own, reference) = (placeholders(text), placeholders(english));
    if own != reference {
        let list = |set: &BTreeSet<String>| set.iter().map(|name| format!("{{{name}}}")).collect::<Vec<_>>().join(" ");
        problems.add(
            file,
            key,
            format!("placeholders [{}] differ from {REFERENCE}.toml's [{}]", list(&own), list(&reference)),
        );
    }
}

/// The `{name}` placeholders of a text, as `contact_core::i18n::fill` reads them.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}'))
        .map(|(name, _)| name)
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .map(str::to_owned)
        .collect()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        [path, ".", key].concat()
    }
}

fn text_at<'t>(table: &'t Table, path: &[&str]) -> &'t str {
    let mut node = table;
    for key in &path[..path.len() - 1] {
        node = node[*key].as_table().expect("checked against en.toml");
    }
    node[path[path.len() - 1]].as_str().expect("checked against en.toml")
}

/// `{"fallback":"en","tags":{"be":"ru",…},"text":{"en":{"launcher":…,"loading":…},…}}`
fn loader_json(languages: &[Language]) -> String {
    let mut tags = BTreeMap::new();
    for language in languages {
        tags.insert(language.tag.clone(), language.tag.clone());
        for tag in &language.covers {
            tags.insert(tag.clone(), language.tag.clone());
        }
    }
    let tags: Vec<String> = tags.iter().map(|(tag, to)| format!("{}:{}", json(tag), json(to))).collect();
    let text: Vec<String> = languages
        .iter()
        .map(|language| {
            let fields: Vec<String> = LOADER_KEYS
                .iter()
                .map(|key| format!("{}:{}", json(key), json(text_at(&language.table, &[key]))))
                .collect();
            format!("{}:{{{}}}", json(&language.tag), fields.join(","))
        })
        .collect();
    format!("{{\"fallback\":{},\"tags\":{{{}}},\"text\":{{{}}}}}", json(REFERENCE), tags.join(","), text.join(","))
}

fn json(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(quoted, "\\u{:04x}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// How one text of a language file is reached from a `Messages` value (`hours.on_weekdays[1]`).
struct Accessor {
    key: String,
    place: String,
}

fn accessors(shape: &[(String, Shape)], path: &str, place: &str, out: &mut Vec<Accessor>) {
    for (key, field) in shape {
        let (full, here) = (join(path, key), format!("{place}.{key}"));
        match field {
            Shape::Text => out.push(Accessor { key: full, place: here }),
            Shape::Section(_, fields) => accessors(fields, &full, &here, out),
            Shape::Fixed(Fixed::Plural) => {
                for form in PLURAL {
                    out.push(Accessor { key: join(&full, form), place: format!("{here}.{form}") });
                }
            }
            Shape::Fixed(fixed) => {
                for (index, name) in fixed.keys().iter().enumerate() {
                    out.push(Accessor { key: join(&full, name), place: format!("{here}[{index}]") });
                }
            }
            Shape::Zones(zones) => {
                for (index, zone) in zones.iter().enumerate() {
                    out.push(Accessor { key: join(&full, zone), place: format!("{here}[{index}].1") });
                }
            }
        }
    }
}

/// A `Messages { … }` (or section struct) literal for `table`, shaped like `en.toml`.
fn literal(name: &str, shape: &[(String, Shape)], table: &Table, variant: Option<&str>) -> String {
    let mut fields = Vec::new();
    for (key, field) in shape {
        let value = &table[key.as_str()];
        let text = |key: &str| format!("{:?}", value[key].as_str().expect("checked against en.toml"));
        let rust = match field {
            Shape::Text => format!("{:?}", value.as_str().expect("checked against en.toml")),
            Shape::Section(name, inner) => literal(name, inner, value.as_table().expect("checked"), None),
            Shape::Fixed(Fixed::Plural) => {
                let forms: Vec<String> = PLURAL.iter().map(|form| format!("{form}: {}", text(form))).collect();
                format!("Plural {{ {} }}", forms.join(", "))
            }
            Shape::Fixed(fixed) => {
                format!("[{}]", fixed.keys().iter().map(|key| text(key)).collect::<Vec<_>>().join(", "))
            }
            Shape::Zones(zones) => {
                let pairs: Vec<String> = zones.iter().map(|zone| format!("({zone:?}, {})", text(zone))).collect();
                format!("[{}]", pairs.join(", "))
            }
        };
        fields.push(format!("{key}: {rust}"));
    }
    if let Some(variant) = variant {
        fields.push(format!("locale: Locale::{variant}"));
    }
    format!("{name} {{ {} }}", fields.join(", "))
}

fn rust(languages: &[Language], shape: &[(String, Shape)], loader: &str) -> String {
    let mut out = String::from("// Generated by widget/core/build.rs from widget/core/locales/*.toml: edit those.\n\n");
    let variants: Vec<&str> = languages.iter().map(|language| language.variant.as_str()).collect();
    let arms = |value: &dyn Fn(&Language) -> String| -> String {
        languages.iter().map(|language| format!("Locale::{} => {},", language.variant, value(language))).collect()
    };
    let _ = writeln!(out, "/// A UI language the widget ships: one per file in `widget/core/locales/`.");
    let _ = writeln!(out, "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Locale {{");
    for language in languages {
        let _ =
            writeln!(out, "    /// {} (`locales/{}.toml`).\n    {},", language.name, language.tag, language.variant);
    }
    let _ = writeln!(out, "}}\n");
    let _ = writeln!(out, "impl Locale {{");
    let _ = writeln!(out, "    /// Every shipped language, in the order of their tags.");
    let _ = writeln!(
        out,
        "    pub const ALL: [Locale; {}] = [{}];",
        languages.len(),
        variants.iter().map(|v| format!("Locale::{v}")).collect::<Vec<_>>().join(", ")
    );
    let _ = writeln!(
        out,
        "    /// The reference language (`{REFERENCE}.toml`), for visitors whose language is not shipped."
    );
    let reference = languages.iter().find(|language| language.tag == REFERENCE).expect("checked");
    let _ = writeln!(out, "    pub const FALLBACK: Locale = Locale::{};", reference.variant);
    let _ = writeln!(out, "    /// Each language by its own tag: the values the configuration's `locale` takes.");
    let shipped: Vec<String> = languages.iter().map(|l| format!("({:?}, Locale::{})", l.tag, l.variant)).collect();
    let _ = writeln!(out, "    pub const SHIPPED: &'static [(&'static str, Locale)] = &[{}];", shipped.join(", "));
    let _ = writeln!(out, "    /// The language's short tag, for the `lang` attribute of the rendered panel.");
    let _ = writeln!(
        out,
        "    pub fn tag(self) -> &'static str {{ match self {{ {} }} }}",
        arms(&|l| format!("{:?}", l.tag))
    );
    let _ = writeln!(
        out,
        "    /// Every message in this language, as its file has them (see `TextOverrides` for the owner's)."
    );
    let _ = writeln!(
        out,
        "    pub fn messages(self) -> &'static Messages {{ match self {{ {} }} }}",
        arms(&|l| format!("&{}", l.tag.to_uppercase()))
    );
    let _ = writeln!(out, "}}\n");

    let mut tags: Vec<(String, &str)> = Vec::new();
    for language in languages {
        tags.push((language.tag.clone(), &language.variant));
        tags.extend(language.covers.iter().map(|tag| (tag.clone(), language.variant.as_str())));
    }
    tags.sort();
    let tags: Vec<String> = tags.iter().map(|(tag, variant)| format!("({tag:?}, Locale::{variant})")).collect();
    let _ =
        writeln!(out, "/// Every primary language subtag a shipped language answers to: its own, and those it covers.");
    let _ = writeln!(out, "const TAGS: &[(&str, Locale)] = &[{}];\n", tags.join(", "));
    let _ = writeln!(
        out,
        "/// The loader's launcher texts and language rule, as JSON: `{{\"fallback\", \"tags\", \"text\"}}`."
    );
    let _ = writeln!(out, "pub const LOADER_LOCALES: &str = {loader:?};\n");
    let zones = shape.iter().find_map(|(key, field)| match field {
        Shape::Section(_, fields) if key == "hours" => fields.iter().find_map(|(_, f)| match f {
            Shape::Zones(zones) => Some(zones.len()),
            _ => None,
        }),
        _ => None,
    });
    let _ = writeln!(out, "/// How many zones every language names in its own words (`hours.zone_times`).");
    let _ = writeln!(out, "pub const ZONE_PHRASES: usize = {};\n", zones.unwrap_or(0));
    for language in languages {
        let _ = writeln!(
            out,
            "static {}: Messages = {};\n",
            language.tag.to_uppercase(),
            literal("Messages", shape, &language.table, Some(&language.variant))
        );
    }

    let mut all = Vec::new();
    accessors(shape, "", "self", &mut all);
    let _ = writeln!(out, "impl Messages {{");
    let keys: Vec<String> = all.iter().map(|accessor| format!("{:?}", accessor.key)).collect();
    let _ = writeln!(out, "    /// Every key of the language files, each naming one text (`callback.submit`).");
    let _ = writeln!(out, "    pub const KEYS: &'static [&'static str] = &[{}];\n", keys.join(", "));
    // One `match` from key index to field, shared by both accessors, rather than a `match` over the
    // key strings in each: string `match`es of ~140 arms compiled to ~4.6 KB of wasm apiece, the index
    // `match` to one jump table of tiny arms. `text` reads through a copy (a few hundred bytes of
    // pointers, copied only when an owner override is checked) so that one `&mut` match serves both.
    let _ = writeln!(out, "    /// The text under a language file's dotted `key` (`callback.submit`), or `None` for a key the files do not have.");
    let _ = writeln!(out, "    pub fn text(&self, key: &str) -> Option<&'static str> {{");
    let _ = writeln!(out, "        self.clone().slot(key).map(|text| *text)\n    }}\n");
    let _ = writeln!(
        out,
        "    /// Replaces the text under `key`; `false` (and nothing changed) for a key the files do not have."
    );
    let _ = writeln!(out, "    pub fn set(&mut self, key: &str, value: &'static str) -> bool {{");
    let _ = writeln!(out, "        self.slot(key).map(|text| *text = value).is_some()\n    }}\n");
    let _ = writeln!(out, "    /// The field that holds the text under `key`.");
    let _ = writeln!(out, "    fn slot(&mut self, key: &str) -> Option<&mut &'static str> {{");
    let _ = writeln!(out, "        Some(match Self::KEYS.iter().position(|known| *known == key)? {{");
    for (index, accessor) in all.iter().enumerate() {
        let _ = writeln!(out, "            {index} => &mut {},", accessor.place);
    }
    let _ = writeln!(out, "            _ => return None,\n        }})\n    }}\n}}");
    out
}
