//! The exact link each channel's app expects: one table per builder.

use contact_core::country::Country;
use contact_core::links::{
    self, EmailAddress, EmailError, Handle, HandleProblem, Instagram, Messenger, Skype, Telegram, Vk,
};
use contact_core::phone::PhoneNumber;
use contact_core::safe_url::UrlError;

fn number(text: &str) -> PhoneNumber {
    PhoneNumber::parse(text, Country::Ru).unwrap()
}

#[test]
fn phone_links_are_e164_with_a_comma_pause_before_the_extension() {
    let cases = [
        ("8 (495) 123-45-67", "tel:+74951234567"),
        ("+7 495 123 45 67", "tel:+74951234567"),
        ("8-800-555-35-35", "tel:+78005553535"),
        ("00 49 30 1234567", "tel:+49301234567"),
        ("+7 495 123-45-67 доб. 123", "tel:+74951234567,123"),
        ("+74951234567;ext=5", "tel:+74951234567,5"),
    ];
    for (input, href) in cases {
        assert_eq!(links::phone(&number(input)).as_str(), href, "{input:?}");
    }
}

#[test]
fn email_links_percent_encode_utf8_subject_and_body() {
    let address = EmailAddress::parse("sales@yuzhny-veter.example").unwrap();
    let cases = [
        (None, None, "mailto:sales@yuzhny-veter.example"),
        (Some(""), Some(""), "mailto:sales@yuzhny-veter.example"),
        (
            Some("Вопрос о туре"),
            None,
            "mailto:sales@yuzhny-veter.example?subject=%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D0%BE%20%D1%82%D1%83%D1%80%D0%B5",
        ),
        (None, Some("Hi & bye?"), "mailto:sales@yuzhny-veter.example?body=Hi%20%26%20bye%3F"),
        (
            Some("a+b=c"),
            Some("line 1\nline 2"),
            "mailto:sales@yuzhny-veter.example?subject=a%2Bb%3Dc&body=line%201%0D%0Aline%202",
        ),
        (Some("100% #1"), None, "mailto:sales@yuzhny-veter.example?subject=100%25%20%231"),
    ];
    for (subject, body, href) in cases {
        assert_eq!(links::email(&address, subject, body).as_str(), href, "{subject:?} {body:?}");
    }
}

#[test]
fn email_addresses_are_checked_before_they_reach_a_link() {
    let accepted = [
        ("sales@yuzhny-veter.example", "sales@yuzhny-veter.example"),
        (" Buh@Yuzhny-Veter.Example ", "Buh@yuzhny-veter.example"),
        ("mailto:first.last+tours@mail.example", "first.last+tours@mail.example"),
        ("info@xn--80ak6aa92e.xn--p1ai", "info@xn--80ak6aa92e.xn--p1ai"),
    ];
    for (input, expected) in accepted {
        assert_eq!(EmailAddress::parse(input).unwrap().as_str(), expected, "{input:?}");
    }
    let rejected = [
        ("", EmailError::Empty),
        ("sales.yuzhny-veter.example", EmailError::NotOneAt),
        ("sales@@yuzhny-veter.example", EmailError::NotOneAt),
        ("a@b@yuzhny-veter.example", EmailError::NotOneAt),
        ("sales team@yuzhny-veter.example", EmailError::InvalidLocalPart),
        ("sales?cc=evil@evil.example", EmailError::InvalidLocalPart),
        ("sales&x@yuzhny-veter.example", EmailError::InvalidLocalPart),
        ("sales#1@yuzhny-veter.example", EmailError::InvalidLocalPart),
        ("sales%40@yuzhny-veter.example", EmailError::InvalidLocalPart),
        (".sales@yuzhny-veter.example", EmailError::InvalidLocalPart),
        ("sales..team@yuzhny-veter.example", EmailError::InvalidLocalPart),
        ("sales@localhost", EmailError::InvalidDomain),
        ("sales@yuzhny-veter.example?subject=x", EmailError::InvalidDomain),
        ("sales@южный-ветер.рф", EmailError::InvalidDomain),
    ];
    for (input, expected) in rejected {
        assert_eq!(EmailAddress::parse(input), Err(expected), "{input:?}");
    }
}

#[test]
fn whatsapp_links_use_bare_digits_and_an_encoded_prefill() {
    let cases = [
        ("+7 916 123-45-67", None, "https://wa.me/79161234567"),
        ("8 916 123-45-67", Some(""), "https://wa.me/79161234567"),
        (
            "+7 916 123-45-67",
            Some("Здравствуйте! Хочу тур."),
            "https://wa.me/79161234567?text=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%21%20%D0%A5%D0%BE%D1%87%D1%83%20%D1%82%D1%83%D1%80.",
        ),
        ("+49 30 1234567", Some("Hello + bye"), "https://wa.me/49301234567?text=Hello%20%2B%20bye"),
    ];
    for (phone, text, href) in cases {
        assert_eq!(links::whatsapp(&number(phone), text).as_str(), href, "{phone:?} {text:?}");
    }
}

/// Viber reads a bare `+` in its query as a space; Signal reads its fragment verbatim and needs it bare.
#[test]
fn viber_encodes_the_plus_and_signal_keeps_it() {
    let cases = [
        ("+7 916 123-45-67", "viber://chat?number=%2B79161234567", "https://signal.me/#p/+79161234567"),
        ("8 (495) 123-45-67", "viber://chat?number=%2B74951234567", "https://signal.me/#p/+74951234567"),
        ("+375 29 123-45-67", "viber://chat?number=%2B375291234567", "https://signal.me/#p/+375291234567"),
    ];
    for (phone, viber, signal) in cases {
        assert_eq!(links::viber(&number(phone)).as_str(), viber, "{phone:?}");
        assert_eq!(links::signal(&number(phone)).as_str(), signal, "{phone:?}");
    }
}

#[test]
fn sms_links_carry_the_plus_and_an_encoded_body() {
    let cases = [
        ("+7 916 123-45-68", None, "sms:+79161234568"),
        (
            "+7 916 123-45-68",
            Some("Номер заказа: "),
            "sms:+79161234568?body=%D0%9D%D0%BE%D0%BC%D0%B5%D1%80%20%D0%B7%D0%B0%D0%BA%D0%B0%D0%B7%D0%B0%3A%20",
        ),
        ("8 916 123 45 68", Some("a&b"), "sms:+79161234568?body=a%26b"),
    ];
    for (phone, body, href) in cases {
        assert_eq!(links::sms(&number(phone), body).as_str(), href, "{phone:?} {body:?}");
    }
}

#[test]
fn telegram_usernames_are_read_from_any_pasted_form() {
    let cases = [
        ("yuzhny_veter", "https://t.me/yuzhny_veter", "@yuzhny_veter"),
        ("@yuzhny_veter", "https://t.me/yuzhny_veter", "@yuzhny_veter"),
        ("t.me/yuzhny_veter", "https://t.me/yuzhny_veter", "@yuzhny_veter"),
        ("https://t.me/yuzhny_veter", "https://t.me/yuzhny_veter", "@yuzhny_veter"),
        (" HTTPS://T.ME/YuzhnyVeterBot/ ", "https://t.me/YuzhnyVeterBot", "@YuzhnyVeterBot"),
        ("https://telegram.me/yuzhny_veter?start=site", "https://t.me/yuzhny_veter", "@yuzhny_veter"),
    ];
    for (input, href, text) in cases {
        let user: Handle<Telegram> = Handle::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(links::telegram(&user).as_str(), href, "{input:?}");
        assert_eq!(user.to_string(), text, "{input:?}");
    }
}

#[test]
fn telegram_usernames_outside_the_rules_are_rejected() {
    let cases = [
        ("", HandleProblem::Empty),
        ("@", HandleProblem::Empty),
        ("yuzh", HandleProblem::WrongLength),
        ("a_very_long_username_that_exceeds_32", HandleProblem::WrongLength),
        ("1yuzhny", HandleProblem::MustStartWithLetter),
        ("yuzhny-veter", HandleProblem::InvalidCharacters),
        ("южный_ветер", HandleProblem::InvalidCharacters),
        ("t.me/yuzhny_veter/12", HandleProblem::InvalidCharacters),
        ("yuzhny_veter?start=<script>", HandleProblem::InvalidCharacters),
        ("https://evil.example/yuzhny_veter", HandleProblem::OtherSite),
        ("javascript:alert(1)", HandleProblem::InvalidCharacters),
    ];
    for (input, problem) in cases {
        let error = Handle::<Telegram>::parse(input).unwrap_err();
        assert_eq!(error.problem(), problem, "{input:?}");
    }
}

#[test]
fn other_handle_based_links_take_the_form_their_apps_expect() {
    let vk = |input: &str| links::vk(&Handle::<Vk>::parse(input).unwrap()).as_str().to_owned();
    let messenger = |input: &str| links::messenger(&Handle::<Messenger>::parse(input).unwrap()).as_str().to_owned();
    let skype = |input: &str| links::skype(&Handle::<Skype>::parse(input).unwrap()).as_str().to_owned();
    let instagram = |input: &str| links::instagram(&Handle::<Instagram>::parse(input).unwrap()).as_str().to_owned();
    let cases = [
        (vk("yuzhny_veter"), "https://vk.me/yuzhny_veter"),
        (vk("https://vk.com/club123456"), "https://vk.me/club123456"),
        (vk("vk.me/yuzhny.veter"), "https://vk.me/yuzhny.veter"),
        (messenger("YuzhnyVeter"), "https://m.me/YuzhnyVeter"),
        (messenger("https://www.facebook.com/yuzhny.veter/"), "https://m.me/yuzhny.veter"),
        (messenger("m.me/100012345678"), "https://m.me/100012345678"),
        (skype("yuzhny.veter"), "skype:yuzhny.veter?chat"),
        (skype("live:.cid.8f3a2b1c9d"), "skype:live:.cid.8f3a2b1c9d?chat"),
        (instagram("@yuzhny.veter"), "https://ig.me/m/yuzhny.veter"),
        (instagram("https://www.instagram.com/yuzhny.veter/?hl=ru"), "https://ig.me/m/yuzhny.veter"),
    ];
    for (href, expected) in cases {
        assert_eq!(href, expected);
    }
}

#[test]
fn handles_of_other_services_are_rejected_with_the_broken_rule() {
    let cases = [
        (Handle::<Vk>::parse("vk.com/id 1").map(drop), HandleProblem::InvalidCharacters),
        (Handle::<Vk>::parse("https://ok.ru/yuzhny_veter").map(drop), HandleProblem::OtherSite),
        (Handle::<Messenger>::parse("page").map(drop), HandleProblem::WrongLength),
        (Handle::<Skype>::parse("skype:yuzhny.veter?chat").map(drop), HandleProblem::InvalidCharacters),
        (Handle::<Skype>::parse("1veter").map(drop), HandleProblem::MustStartWithLetter),
        (Handle::<Instagram>::parse("yuzhny veter").map(drop), HandleProblem::InvalidCharacters),
    ];
    for (result, problem) in cases {
        assert_eq!(result.unwrap_err().problem(), problem);
    }
}

#[test]
fn max_links_are_the_pasted_profile_link_on_max_ru_only() {
    let accepted = [
        ("https://max.ru/yuzhny_veter", "https://max.ru/yuzhny_veter"),
        (" https://MAX.ru/u/f9LHodD0cOI ", "https://max.ru/u/f9LHodD0cOI"),
    ];
    for (input, href) in accepted {
        assert_eq!(links::max(input).unwrap().as_str(), href, "{input:?}");
    }
    let rejected = [
        ("javascript:alert(1)", UrlError::SchemeNotAllowed("javascript".into())),
        (" JaVaScRiPt:alert(document.domain)", UrlError::SchemeNotAllowed("javascript".into())),
        ("http://max.ru/yuzhny_veter", UrlError::SchemeNotAllowed("http".into())),
        (
            "https://max.ru.evil.example/",
            UrlError::HostNotAllowed { host: "max.ru.evil.example".into(), expected: "max.ru".into() },
        ),
        ("https://max.ru@evil.example/", UrlError::UserInfo),
    ];
    for (input, error) in rejected {
        assert_eq!(links::max(input), Err(error), "{input:?}");
    }
}
