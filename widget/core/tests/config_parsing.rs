//! Reading a configuration: what renders, what is dropped, and the exact issue for each problem.

use contact_core::config::{Channel, Config, ConfigIssue, Contact, Parsed, Placement, Side};
use contact_core::country::Country;
use contact_core::i18n::Locale;
use contact_core::schedule::Hours;
use contact_core::time::Weekday;

fn parse(json: &str) -> Parsed {
    Config::from_json(json, &contact_core::zones::JiffZones)
}

fn issue_lines(parsed: &Parsed) -> Vec<String> {
    parsed.issues.iter().map(ConfigIssue::to_string).collect()
}

/// A document with one department holding the given contacts.
fn with_contacts(contacts: &str) -> String {
    format!(r#"{{"company": "Южный ветер", "departments": [{{"name": "Продажи", "contacts": [{contacts}]}}]}}"#)
}

fn hrefs(contacts: &[Contact]) -> Vec<&str> {
    contacts.iter().map(|contact| contact.href.as_str()).collect()
}

#[test]
fn the_demo_configuration_renders_every_contact_with_its_exact_link_and_text() {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo-site/contact.json")).unwrap();
    let Parsed { config, issues } = parse(&json);
    assert_eq!(issues, vec![]);
    assert_eq!(config.company, "Южный ветер");
    assert_eq!(config.locale, Some(Locale::Ru));
    assert_eq!(config.default_country, Country::Ru);
    assert_eq!(
        config.placement,
        Placement { side: Side::Right, offset_x: 20, offset_y: 20, z_index: 1000, ..Placement::default() }
    );
    assert_eq!(config.launcher_label.as_deref(), Some("Связаться"));
    let rows: Vec<(&str, Channel, &str, &str)> = config
        .departments
        .iter()
        .flat_map(|d| d.contacts.iter().map(move |c| (d.id.as_str(), c.channel, c.href.as_str(), c.text.as_str())))
        .collect();
    let expected = [
        ("sales", Channel::Phone, "tel:+74951234567", "+7 495 123-45-67"),
        ("sales", Channel::Phone, "tel:+78001234567", "+7 800 123-45-67"),
        (
            "sales",
            Channel::Email,
            "mailto:sales@yuzhny-veter.example?subject=%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D0%BE%20%D1%82%D1%83%D1%80%D0%B5&body=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%21%20%D0%A5%D0%BE%D1%87%D1%83%20%D0%BF%D0%BE%D0%B4%D0%BE%D0%B1%D1%80%D0%B0%D1%82%D1%8C%20%D1%82%D1%83%D1%80.%0D%0A%D0%9D%D0%B0%D0%BF%D1%80%D0%B0%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5%3A%0D%0A%D0%94%D0%B0%D1%82%D1%8B%3A%0D%0A%D0%A1%D0%BA%D0%BE%D0%BB%D1%8C%D0%BA%D0%BE%20%D1%87%D0%B5%D0%BB%D0%BE%D0%B2%D0%B5%D0%BA%3A",
            "sales@yuzhny-veter.example",
        ),
        (
            "sales",
            Channel::WhatsApp,
            "https://wa.me/79161234567?text=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%21%20%D0%A5%D0%BE%D1%87%D1%83%20%D0%BF%D0%BE%D0%B4%D0%BE%D0%B1%D1%80%D0%B0%D1%82%D1%8C%20%D1%82%D1%83%D1%80.",
            "+7 916 123-45-67",
        ),
        ("sales", Channel::Telegram, "https://t.me/yuzhny_veter", "@yuzhny_veter"),
        ("sales", Channel::Viber, "viber://chat?number=%2B79161234567", "+7 916 123-45-67"),
        ("sales", Channel::Max, "https://max.ru/yuzhny_veter", "max.ru/yuzhny_veter"),
        ("service", Channel::Phone, "tel:+74951234568,204", "+7 495 123-45-68, доб. 204"),
        (
            "service",
            Channel::Email,
            "mailto:service@yuzhny-veter.example?subject=%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D0%BF%D0%BE%20%D0%B7%D0%B0%D0%B1%D1%80%D0%BE%D0%BD%D0%B8%D1%80%D0%BE%D0%B2%D0%B0%D0%BD%D0%BD%D0%BE%D0%B9%20%D0%BF%D0%BE%D0%B5%D0%B7%D0%B4%D0%BA%D0%B5",
            "service@yuzhny-veter.example",
        ),
        ("service", Channel::Vk, "https://vk.me/yuzhny_veter", "yuzhny_veter"),
        (
            "service",
            Channel::Sms,
            "sms:+79161234568?body=%D0%9D%D0%BE%D0%BC%D0%B5%D1%80%20%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7%D0%B0%3A%20",
            "+7 916 123-45-68",
        ),
        ("accounting", Channel::Phone, "tel:+74951234569", "+7 495 123-45-69"),
        (
            "accounting",
            Channel::Email,
            "mailto:buh@yuzhny-veter.example?subject=%D0%A1%D1%87%D1%91%D1%82%20%D0%B8%20%D0%B7%D0%B0%D0%BA%D1%80%D1%8B%D0%B2%D0%B0%D1%8E%D1%89%D0%B8%D0%B5%20%D0%B4%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82%D1%8B",
            "buh@yuzhny-veter.example",
        ),
    ];
    assert_eq!(rows, expected);
    let first = &config.departments[0].contacts[0];
    assert_eq!(first.label.as_deref(), Some("Подбор тура"));
    assert_eq!(first.note.as_deref(), Some("многоканальный"));
}

#[test]
fn a_document_that_is_not_json_gives_an_empty_config_and_one_issue_with_the_position() {
    let cases = [
        ("", "$: not valid JSON: EOF while parsing a value at line 1 column 0"),
        ("{\n  \"company\": \"Южный ветер\",\n}", "$: not valid JSON: trailing comma at line 3 column 1"),
        ("{'company': 1}", "$: not valid JSON: key must be a string at line 1 column 2"),
        ("[1, 2]", "$: cannot read the configuration: invalid type: sequence, expected a configuration object"),
    ];
    for (json, issue) in cases {
        let parsed = parse(json);
        assert_eq!(issue_lines(&parsed), [issue], "{json:?}");
        assert!(parsed.config.departments.is_empty());
        assert_eq!(parsed.config.placement, Placement::default());
    }
}

/// One forbidden or broken contact costs only itself; the issue names the field that is wrong.
#[test]
fn a_bad_contact_is_dropped_with_one_issue_at_its_field_and_the_rest_renders() {
    let json = r#"{
        "departments": [
            {"name": "Продажи", "contacts": [{"type": "phone", "number": "+7 812 555-01-02"}]},
            {"name": "Заказы", "contacts": [
                {"type": "phone", "number": "+7 812 555-01-03"},
                {"type": "email", "address": "orders@print.example"},
                {"type": "max", "url": "javascript:alert(1)"},
                {"type": "max", "url": " JaVaScRiPt:alert(document.domain)"},
                {"type": "max", "url": "&#106;avascript:alert(1)"},
                {"type": "max", "url": "https://max.ru.evil.example/"},
                {"type": "phone", "number": "8 800 FLOWERS"},
                {"type": "email", "address": "orders at print.example"},
                {"type": "telegram", "username": "bad-name"},
                {"type": "whatsapp", "phone": "+7 495 123-45-67 доб. 5"},
                {"type": "fax", "number": "+7 812 555-01-04"},
                {"type": "phone"},
                {"type": "phone", "number": 78125550105},
                "tel:+78125550106"
            ]}
        ]
    }"#;
    let parsed = parse(json);
    let expected = [
        r#"departments[1].contacts[2].url: scheme "javascript" is not allowed"#,
        r#"departments[1].contacts[3].url: scheme "javascript" is not allowed"#,
        "departments[1].contacts[4].url: the URL scheme is disguised or malformed (character references, percent-escapes, invisible or non-ASCII characters are not allowed in it)",
        r#"departments[1].contacts[5].url: host "max.ru.evil.example" is not allowed; expected max.ru or one of its subdomains"#,
        "departments[1].contacts[6].number: the phone number may contain only digits, spaces, ( ) - . /, a leading + and an extension",
        r#"departments[1].contacts[7].address: an e-mail address has exactly one "@""#,
        r#"departments[1].contacts[8].username: a Telegram username may contain only Latin letters, digits and "_""#,
        "departments[1].contacts[9].phone: this channel cannot dial an extension; give a direct number",
        "departments[1].contacts[10]: unknown variant `fax`, expected one of `phone`, `email`, `whatsapp`, `telegram`, `viber`, `vk`, `messenger`, `skype`, `sms`, `signal`, `instagram`, `max`",
        "departments[1].contacts[11]: missing field `number`",
        "departments[1].contacts[12]: invalid type: integer `78125550105`, expected a string",
        "departments[1].contacts[13]: invalid type: string \"tel:+78125550106\", expected a contact object with a \"type\"",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    let departments = &parsed.config.departments;
    assert_eq!(hrefs(&departments[0].contacts), ["tel:+78125550102"]);
    assert_eq!(hrefs(&departments[1].contacts), ["tel:+78125550103", "mailto:orders@print.example"]);
}

#[test]
fn departments_without_usable_contacts_are_dropped_and_said_so() {
    let json = r#"{"departments": [
        {"name": "Пустой", "contacts": []},
        {"name": "Продажи", "contacts": [{"type": "telegram", "username": "yuzhny_veter"}]},
        {"name": "Сломанный", "contacts": [{"type": "max", "url": "data:text/html,hi"}]},
        {"contacts": [{"type": "telegram", "username": "yuzhny_veter"}]},
        "Бухгалтерия",
        {"name": " ", "contacts": [{"type": "telegram", "username": "yuzhny_veter"}]}
    ]}"#;
    let parsed = parse(json);
    let expected = [
        "departments[0]: has no usable contacts, so it is not shown",
        r#"departments[2].contacts[0].url: scheme "data" is not allowed"#,
        "departments[2]: has no usable contacts, so it is not shown",
        "departments[3]: missing field `name`; the department is skipped",
        "departments[4]: invalid type: string \"Бухгалтерия\", expected a department object; the department is skipped",
        "departments[5].name: the name is empty, so the department has no heading",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    let names: Vec<&str> = parsed.config.departments.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Продажи", ""]);
}

#[test]
fn a_config_with_nothing_to_show_says_so() {
    let cases = [
        ("{}", vec!["departments: no department has a usable contact, so the widget has nothing to show"]),
        (
            r#"{"departments": {"name": "Продажи"}}"#,
            vec![
                "departments: invalid type: map, expected a sequence; no contacts are shown",
                "departments: no department has a usable contact, so the widget has nothing to show",
            ],
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(issue_lines(&parse(json)), expected, "{json}");
    }
}

/// Typos must not pass silently, but they must not cost the contact either.
#[test]
fn unknown_fields_are_reported_at_their_path_and_ignored() {
    let json = r#"{
        "company": "Южный ветер",
        "compnay": "typo",
        "placement": {"side": "left", "offset": 10},
        "departments": [{"name": "Продажи", "icon": "phone.svg", "contacts": [
            {"type": "phone", "number": "8 (495) 123-45-67", "lable": "Отдел продаж", "note": "многоканальный"}
        ]}]
    }"#;
    let parsed = parse(json);
    let expected = [
        "placement.offset: unknown field, ignored",
        "departments[0].contacts[0].lable: unknown field, ignored",
        "departments[0].icon: unknown field, ignored",
        "compnay: unknown field, ignored",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    let contact = &parsed.config.departments[0].contacts[0];
    assert_eq!(contact.href.as_str(), "tel:+74951234567");
    assert_eq!(contact.label, None);
    assert_eq!(contact.note.as_deref(), Some("многоканальный"));
    assert_eq!(parsed.config.placement.side, Side::Left);
}

#[test]
fn bad_options_fall_back_to_their_defaults_with_an_issue() {
    let json = with_contacts(r#"{"type": "phone", "number": "495 123-45-67"}"#).replacen(
        "{",
        r#"{"locale": "de", "defaultCountry": "XX", "launcherLabel": 5,
            "placement": {"side": "center", "offsetX": -5, "offsetY": "20px", "zIndex": 1e12},"#,
        1,
    );
    let parsed = parse(&json);
    // The languages are the files in widget/core/locales/; a new file must not break this test.
    let languages: Vec<String> = Locale::ALL.iter().map(|locale| format!("`{}`", locale.tag())).collect();
    let unknown_locale = format!(
        "locale: unknown variant `de`, expected one of {}; the visitor's language is used",
        languages.join(", ")
    );
    let expected = [
        unknown_locale.as_str(),
        "defaultCountry: unknown country code \"XX\"; expected one of RU, KZ, BY, UA, UZ, AM, GE, AZ, KG, TJ, MD, DE, GB, FR, US, CA, TR, AE, IL, CN; using RU",
        "placement.side: unknown variant `center`, expected `left` or `right`; using the default",
        "placement.offsetX: invalid value: integer `-5`, expected u16; using the default",
        "placement.offsetY: invalid type: string \"20px\", expected u16; using the default",
        // Never a float in a message: formatting one would link float printing into the widget.
        "placement.zIndex: must be a whole number; using the default",
        "launcherLabel: invalid type: integer `5`, expected a string; the launcher shows its icon only",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    let config = parsed.config;
    assert_eq!(config.locale, None);
    assert_eq!(config.default_country, Country::Ru);
    assert_eq!(config.placement, Placement::default());
    assert_eq!(config.launcher_label, None);
    assert_eq!(hrefs(&config.departments[0].contacts), ["tel:+74951234567"]);
}

#[test]
fn the_default_country_decides_how_national_numbers_are_read() {
    let cases = [
        ("RU", "8 (495) 123-45-67", "tel:+74951234567"),
        ("kz", "8 (727) 123-45-67", "tel:+77271234567"),
        ("BY", "8 029 123-45-67", "tel:+375291234567"),
        ("DE", "030 1234567", "tel:+49301234567"),
        ("US", "(212) 555-1234", "tel:+12125551234"),
    ];
    for (country, number, href) in cases {
        let json = with_contacts(&format!(r#"{{"type": "phone", "number": "{number}"}}"#)).replacen(
            '{',
            &format!(r#"{{"defaultCountry": "{country}", "#),
            1,
        );
        let parsed = parse(&json);
        assert_eq!(parsed.issues, vec![], "{country}");
        assert_eq!(hrefs(&parsed.config.departments[0].contacts), [href], "{country}");
    }
}

#[test]
fn visible_texts_follow_each_channels_convention() {
    let cases = [
        (r#"{"type": "phone", "number": "8 (495) 123-45-67"}"#, "+7 495 123-45-67"),
        (r#"{"type": "phone", "number": "8 (495) 123-45-67", "display": " 8 (495) 123-45-67 "}"#, "8 (495) 123-45-67"),
        (r#"{"type": "phone", "number": "8 (495) 123-45-67", "display": "  "}"#, "+7 495 123-45-67"),
        (r#"{"type": "phone", "number": "+7 495 123-45-67 ext. 12"}"#, "+7 495 123-45-67, 12"),
        (r#"{"type": "email", "address": "Sales@Yuzhny-Veter.example"}"#, "Sales@yuzhny-veter.example"),
        (r#"{"type": "whatsapp", "phone": "89161234567"}"#, "+7 916 123-45-67"),
        (r#"{"type": "telegram", "username": "https://t.me/yuzhny_veter"}"#, "@yuzhny_veter"),
        (r#"{"type": "signal", "phone": "+7 916 123 45 67"}"#, "+7 916 123-45-67"),
        (r#"{"type": "vk", "id": "vk.com/yuzhny_veter"}"#, "yuzhny_veter"),
        (r#"{"type": "messenger", "page": "yuzhny.veter"}"#, "yuzhny.veter"),
        (r#"{"type": "skype", "name": "live:.cid.8f3a2b1c9d"}"#, "live:.cid.8f3a2b1c9d"),
        (r#"{"type": "instagram", "user": "yuzhny.veter"}"#, "@yuzhny.veter"),
        (r#"{"type": "max", "url": "https://max.ru/yuzhny_veter/"}"#, "max.ru/yuzhny_veter"),
    ];
    for (contact, text) in cases {
        let parsed = parse(&with_contacts(contact));
        assert_eq!(parsed.issues, vec![], "{contact}");
        assert_eq!(parsed.config.departments[0].contacts[0].text, text, "{contact}");
    }
}

#[test]
fn blank_labels_and_notes_are_absent_and_others_trimmed() {
    let contact = r#"{"type": "phone", "number": "84951234567", "label": "  ", "note": " бесплатно по России "}"#;
    let parsed = parse(&with_contacts(contact));
    let contact = &parsed.config.departments[0].contacts[0];
    assert_eq!(contact.label, None);
    assert_eq!(contact.note.as_deref(), Some("бесплатно по России"));
}

#[test]
fn department_ids_default_to_their_position_and_stay_unique() {
    let contact = r#"{"type": "phone", "number": "84951234567"}"#;
    let json = format!(
        r#"{{"departments": [
            {{"name": "A", "contacts": [{contact}]}},
            {{"id": "sales", "name": "B", "contacts": [{contact}]}},
            {{"id": "sales", "name": "C", "contacts": [{contact}]}},
            {{"id": "отдел продаж", "name": "D", "contacts": [{contact}]}},
            {{"id": "dept-6", "name": "E", "contacts": [{contact}]}},
            {{"name": "F", "contacts": [{contact}]}}
        ]}}"#
    );
    let parsed = parse(&json);
    let expected_issues = [
        r#"departments[3].id: "отдел продаж" is not an id: use 1 to 64 Latin letters, digits, - and _"#,
        r#"departments[2].id: "sales" is already used by an earlier department"#,
    ];
    assert_eq!(issue_lines(&parsed), expected_issues);
    let ids: Vec<&str> = parsed.config.departments.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["dept-1", "sales", "dept-3", "dept-4", "dept-6", "dept-6-2"]);
}

#[test]
fn null_reads_as_absent() {
    let json = with_contacts(r#"{"type": "phone", "number": "84951234567", "label": null}"#).replacen(
        '{',
        r#"{"locale": null, "placement": null, "launcherLabel": null, "#,
        1,
    );
    let parsed = parse(&json);
    assert_eq!(parsed.issues, vec![]);
    assert_eq!(parsed.config.locale, None);
    assert_eq!(parsed.config.placement, Placement::default());
}

fn interval_texts(hours: &Hours, day: Weekday) -> Vec<String> {
    hours.weekly(day).iter().map(ToString::to_string).collect()
}

#[test]
fn the_demo_configuration_has_moscow_hours_a_round_the_clock_service_and_a_callback_form() {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo-site/contact.json")).unwrap();
    let config = parse(&json).config;
    let company = config.hours.as_ref().unwrap();
    assert_eq!(company.zone().as_str(), "Europe/Moscow");
    assert_eq!(interval_texts(company, Weekday::Friday), ["10:00-19:00"]);
    assert_eq!(interval_texts(company, Weekday::Saturday), ["11:00-16:00"]);
    assert_eq!(interval_texts(company, Weekday::Sunday), Vec::<String>::new());
    assert_eq!(company.overrides()[0].label(), Some("Новогодние праздники"));
    assert_eq!((company.targets().callback_minutes, company.targets().email_business_days), (15, 1));

    let [sales, service, accounting] = &config.departments[..] else { panic!("three departments") };
    assert_eq!(sales.hours.as_ref(), Some(company));
    assert_eq!(accounting.hours.as_ref(), Some(company));
    let service = service.hours.as_ref().unwrap();
    assert_eq!(service.zone(), company.zone());
    assert_eq!(interval_texts(service, Weekday::Sunday), ["00:00-24:00"]);
    assert!(service.overrides().is_empty(), "travel support works through the New Year holidays");

    let callback = config.callback.unwrap();
    assert_eq!(callback.endpoint.as_str(), "/api/v1/callbacks");
    assert_eq!(callback.form_token_url.as_ref().map(|url| url.as_str()), Some("/api/v1/form-token"));
    assert_eq!(callback.topics, ["Подбор тура", "Горящие туры", "Вопрос по брони"]);
    assert!(callback.ask_name);
    let consent = callback.consent.unwrap();
    assert_eq!((consent.policy_url.as_str(), consent.version.as_str()), ("/demo-site/privacy.html", "2026-11"));
}

#[test]
fn hours_issues_carry_their_full_path_and_departments_inherit_the_company_hours() {
    let contact = r#"{"type": "phone", "number": "84951234567"}"#;
    let json = format!(
        r#"{{"hours": {{"zone": "Europe/Moscow", "weekly": {{"mon": ["10:00-13:00", "12:00-19:00"]}}}},
            "departments": [
                {{"name": "A", "contacts": [{contact}], "hours": {{"zone": "Europe/Moscw"}}}},
                {{"name": "B", "contacts": [{contact}], "hours": {{"weekly": {{"sun": ["10:00-16:00"]}}}}}},
                {{"name": "C", "contacts": [{contact}]}},
                {{"name": "D", "contacts": [{contact}], "hours": "24/7"}}
            ]}}"#
    );
    let parsed = parse(&json);
    let expected = [
        "hours.weekly.mon[1]: overlaps 10:00-13:00",
        "departments[0].hours.zone: unknown time zone `Europe/Moscw`; use an IANA name such as Europe/Moscow",
        "departments[3].hours: invalid type: string \"24/7\", expected an hours object; the company's hours apply",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    let company = parsed.config.hours.as_ref().unwrap();
    assert_eq!(interval_texts(company, Weekday::Monday), ["10:00-13:00"]);
    let departments = &parsed.config.departments;
    assert_eq!(
        departments[0].hours.as_ref(),
        Some(company),
        "a department's unusable hours fall back to the company's"
    );
    let own = departments[1].hours.as_ref().unwrap();
    assert_eq!((own.zone(), interval_texts(own, Weekday::Sunday)), (company.zone(), vec!["10:00-16:00".to_owned()]));
    assert_eq!(departments[2].hours.as_ref(), Some(company));
    assert_eq!(departments[3].hours.as_ref(), Some(company));
}

#[test]
fn company_hours_without_a_zone_are_not_shown() {
    let json = with_contacts(r#"{"type": "phone", "number": "84951234567"}"#).replacen(
        '{',
        r#"{"hours": {"weekly": {"mon": ["10:00-19:00"]}}, "#,
        1,
    );
    let parsed = parse(&json);
    assert_eq!(
        issue_lines(&parsed),
        ["hours.zone: missing; name the IANA time zone of these hours, e.g. Europe/Moscow"]
    );
    assert_eq!(parsed.config.hours, None);
    assert_eq!(parsed.config.departments[0].hours, None);
}

#[test]
fn the_callback_form_takes_its_defaults_and_reports_each_bad_setting() {
    // The settings read: endpoint, form-token URL, topic count, askName, whether consent is asked.
    type Settings<'a> = Option<(&'a str, Option<&'a str>, usize, bool, bool)>;
    let cases: &[(&str, &[&str], Settings)] = &[
        (r#"{"endpoint": "/api/v1/callbacks"}"#, &[], Some(("/api/v1/callbacks", Some("/api/v1/form-token"), 0, true, false))),
        (
            r#"{"endpoint": "https://crm.example/hooks/callback", "askName": false}"#,
            &[],
            Some(("https://crm.example/hooks/callback", None, 0, false, false)),
        ),
        (
            r#"{"endpoint": "/callbacks", "formTokenUrl": "/token", "consent": {"policyUrl": "https://example.ru/privacy", "version": "v1"}}"#,
            &[],
            Some(("/callbacks", Some("/token"), 0, true, true)),
        ),
        (r#"{"endpoint": "javascript:alert(1)"}"#, &[r#"callback.endpoint: scheme "javascript" is not allowed; the callback form is not shown"#], None),
        (r#"{"endpoint": "//evil.example/x"}"#, &["callback.endpoint: a URL starting with // leads to another site; write a path starting with a single / or a full https:// link; the callback form is not shown"], None),
        (r#"{"topics": ["Подбор тура"]}"#, &["callback: missing field `endpoint`; the callback form is not shown"], None),
        (
            r#"{"endpoint": "/api/v1/callbacks", "formTokenUrl": "http://example.ru/token", "tpoics": []}"#,
            &[
                r#"callback.formTokenUrl: scheme "http" is not allowed; the form is sent without a token"#,
                "callback.tpoics: unknown field, ignored",
            ],
            Some(("/api/v1/callbacks", None, 0, true, false)),
        ),
        (
            r#"{"endpoint": "/api/v1/callbacks", "consent": {"policyUrl": "data:text/html,x", "version": "2026-11"}}"#,
            &[r#"callback.consent.policyUrl: scheme "data" is not allowed; the callback form is not shown without its consent checkbox"#],
            None,
        ),
        (
            r#"{"endpoint": "/api/v1/callbacks", "consent": {"policyUrl": "/privacy", "version": " "}}"#,
            &["callback.consent.version: use 1 to 64 characters; the callback form is not shown without its consent checkbox"],
            None,
        ),
    ];
    for (callback, expected_issues, expected) in cases {
        let json = with_contacts(r#"{"type": "phone", "number": "84951234567"}"#).replacen(
            '{',
            &format!(r#"{{"callback": {callback}, "#),
            1,
        );
        let parsed = parse(&json);
        assert_eq!(issue_lines(&parsed), *expected_issues, "{callback}");
        let actual = parsed.config.callback.as_ref().map(|c| {
            (
                c.endpoint.as_str(),
                c.form_token_url.as_ref().map(|url| url.as_str()),
                c.topics.len(),
                c.ask_name,
                c.consent.is_some(),
            )
        });
        assert_eq!(actual, *expected, "{callback}");
    }
}

#[test]
fn topics_that_would_not_fit_a_chip_are_left_out_with_an_issue() {
    let long = "Очень длинная тема, которая не поместится в кнопку";
    let callback = format!(
        r#"{{"endpoint": "/api/v1/callbacks", "topics": [" Подбор тура ", "", "{long}", "4", "5", "6", "7", "8", "9"]}}"#
    );
    let json = with_contacts(r#"{"type": "phone", "number": "84951234567"}"#).replacen(
        '{',
        &format!(r#"{{"callback": {callback}, "#),
        1,
    );
    let parsed = parse(&json);
    let expected = [
        "callback.topics: more than 8 topics; only the first 8 are shown",
        "callback.topics[1]: the topic is empty; it is not shown",
        "callback.topics[2]: longer than 40 characters; it is not shown",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    assert_eq!(parsed.config.callback.unwrap().topics, ["Подбор тура", "4", "5", "6", "7", "8"]);
}

#[test]
fn the_load_option_accepts_the_three_loader_modes_only() {
    for (load, expected) in [
        (r#""idle""#, vec![]),
        (r#""interaction""#, vec![]),
        (r#""eager""#, vec![]),
        (
            r#""lazy""#,
            vec!["load: unknown variant `lazy`, expected one of `idle`, `interaction`, `eager`; the widget loads when the browser is idle"],
        ),
    ] {
        let json = with_contacts(r#"{"type": "phone", "number": "84951234567"}"#)
            .replacen('{', &format!(r#"{{"load": {load}, "#), 1);
        assert_eq!(issue_lines(&parse(&json)), expected, "{load}");
    }
}

/// Wrong JSON types inside `hours` are not guessed at: each is reported at its own path and the
/// hours object is ignored, so no opening times are shown that the owner did not write.
#[test]
fn a_wrongly_typed_value_in_hours_is_reported_at_its_path_and_the_hours_are_ignored() {
    let contact = r#"{"type": "phone", "number": "84951234567"}"#;
    let json = format!(
        r#"{{"hours": {{"zone": "Europe/Moscow", "weekly": {{"mon": ["10:00-19:00"]}}}},
            "departments": [
                {{"name": "A", "contacts": [{contact}],
                  "hours": {{"weekly": {{"mon": ["10:00-19:00", 1900]}}, "targets": {{"callbackMinutes": 7.5}}}}}}
            ]}}"#
    );
    let parsed = parse(&json);
    let expected = [
        "departments[0].hours.weekly.mon[1]: invalid type: integer `1900`, expected a string; the company's hours apply",
        "departments[0].hours.targets.callbackMinutes: must be a whole number; the company's hours apply",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    assert_eq!(parsed.config.departments[0].hours, parsed.config.hours);

    let company = with_contacts(contact).replacen('{', r#"{"hours": {"zone": 3, "weekly": []}, "#, 1);
    let parsed = parse(&company);
    let expected = [
        "hours.zone: invalid type: integer `3`, expected a string; no working hours are shown",
        "hours.weekly: invalid type: sequence, expected a weekly object; no working hours are shown",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    assert_eq!(parsed.config.hours, None);
}

/// Formatting a float would link float printing into the widget's wasm, so a number is named,
/// never echoed, when it is not a whole one.
#[test]
fn messages_never_echo_a_fractional_number() {
    let json = with_contacts(r#"{"type": "phone", "number": 8.5}"#).replacen(
        '{',
        r#"{"launcherLabel": 1.5, "placement": {"offsetX": 2.5}, "#,
        1,
    );
    let expected = [
        "placement.offsetX: must be a whole number; using the default",
        "launcherLabel: invalid type: floating point number, expected a string; the launcher shows its icon only",
        "departments[0].contacts[0]: invalid type: floating point number, expected a string",
        "departments[0]: has no usable contacts, so it is not shown",
        "departments: no department has a usable contact, so the widget has nothing to show",
    ];
    assert_eq!(issue_lines(&parse(&json)), expected);
}
