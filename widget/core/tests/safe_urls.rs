//! Which configured URLs may reach an `href`, and why the others may not.

use contact_core::safe_url::{SafeUrl, UrlError};

fn not_allowed(scheme: &str) -> UrlError {
    UrlError::SchemeNotAllowed(scheme.to_owned())
}

/// Script and data URLs in every disguise seen in the wild. Browsers strip what the first rows
/// add, so those are read as the scheme they hide; the rest never form a scheme for a browser but
/// might for an HTML parser or a careless decoder, and are refused outright.
#[test]
fn script_urls_are_rejected_however_they_are_disguised() {
    let cases: Vec<(&str, UrlError)> = vec![
        ("javascript:alert(1)", not_allowed("javascript")),
        ("data:text/html,<script>alert(1)</script>", not_allowed("data")),
        ("vbscript:msgbox(1)", not_allowed("vbscript")),
        ("file:///etc/passwd", not_allowed("file")),
        ("JaVaScRiPt:alert(1)", not_allowed("javascript")),
        (" javascript:alert(1)", not_allowed("javascript")),
        ("\u{1}\u{1F} javascript:alert(1)\u{0}", not_allowed("javascript")),
        ("java\tscript:alert(1)", not_allowed("javascript")),
        ("java\nscript:alert(1)", not_allowed("javascript")),
        ("java\r\nscript:alert(1)", not_allowed("javascript")),
        ("\u{0}javascript:alert(1)", not_allowed("javascript")),
        ("&#106;avascript:alert(1)", UrlError::UnreadableScheme),
        ("&#x6A;avascript:alert(1)", UrlError::UnreadableScheme),
        ("javascript&colon;alert(1)", UrlError::UnreadableScheme),
        ("%6Aavascript:alert(1)", UrlError::UnreadableScheme),
        ("jav&#x09;ascript:alert(1)", UrlError::UnreadableScheme),
        ("\u{200B}javascript:alert(1)", UrlError::UnreadableScheme),
        ("\u{FEFF}javascript:alert(1)", UrlError::UnreadableScheme),
        ("ｊａｖａｓｃｒｉｐｔ:alert(1)", UrlError::UnreadableScheme),
        ("java\u{0}script:alert(1)", UrlError::UnreadableScheme),
        ("jаvascript:alert(1)", UrlError::UnreadableScheme), // a Cyrillic "а"
    ];
    for (input, expected) in cases {
        assert_eq!(SafeUrl::parse(input), Err(expected), "{input:?}");
    }
}

#[test]
fn allowlisted_schemes_are_kept_with_the_scheme_lower_cased() {
    let cases = [
        ("https://max.ru/yuzhny_veter", "https://max.ru/yuzhny_veter"),
        ("HTTPS://Max.RU/Yuzhny_Veter", "https://max.ru/Yuzhny_Veter"),
        ("  https://max.ru:443/a?b=c#d \n", "https://max.ru/a?b=c#d"),
        ("https://example.com:8443/", "https://example.com:8443/"),
        ("MAILTO:sales@yuzhny-veter.example", "mailto:sales@yuzhny-veter.example"),
        ("tel:+74951234567", "tel:+74951234567"),
        ("sms:+79161234567", "sms:+79161234567"),
        ("viber://chat?number=%2B79161234567", "viber://chat?number=%2B79161234567"),
        ("skype:yuzhny.veter?chat", "skype:yuzhny.veter?chat"),
    ];
    for (input, expected) in cases {
        assert_eq!(SafeUrl::parse(input).map(|url| url.as_str().to_owned()), Ok(expected.to_owned()), "{input:?}");
    }
}

#[test]
fn web_links_must_be_plain_https_on_a_real_host() {
    let cases = [
        ("", UrlError::Empty),
        (" \t ", UrlError::Empty),
        ("http://max.ru/yuzhny_veter", not_allowed("http")),
        ("max.ru/yuzhny_veter", UrlError::MissingScheme),
        ("https:max.ru/yuzhny_veter", UrlError::MissingHost),
        ("https:///yuzhny_veter", UrlError::MissingHost),
        ("https://wa.me@evil.example/", UrlError::UserInfo),
        ("https://user:pass@max.ru/", UrlError::UserInfo),
        ("https:\\\\evil.example", UrlError::Backslash),
        ("https://evil.example\\@max.ru/", UrlError::Backslash),
        ("https://max .ru/", UrlError::InvalidCharacters),
        ("https://max.ru/a b", UrlError::InvalidCharacters),
        ("https://max.ru/\u{202E}evil", UrlError::InvalidCharacters),
        ("https://макс.рф/", UrlError::InvalidHost),
        ("https://max.ru%2eevil.example/", UrlError::InvalidHost),
        ("https://max.ru:http/", UrlError::InvalidHost),
        ("https://max.ru:0/", UrlError::InvalidHost),
        ("https://-max.ru/", UrlError::InvalidHost),
        ("https://max..ru/", UrlError::InvalidHost),
    ];
    for (input, expected) in cases {
        assert_eq!(SafeUrl::parse(input), Err(expected), "{input:?}");
    }
}

/// MAX profile links, the one kind of contact the site owner gives as a whole URL.
#[test]
fn host_rule_accepts_only_the_expected_host_and_its_subdomains() {
    let accepted = [
        ("https://max.ru/yuzhny_veter", "https://max.ru/yuzhny_veter"),
        ("https://web.max.ru/u/f9LHodD0cOI", "https://web.max.ru/u/f9LHodD0cOI"),
        ("HTTPS://MAX.RU/yuzhny_veter", "https://max.ru/yuzhny_veter"),
    ];
    for (input, expected) in accepted {
        assert_eq!(SafeUrl::parse_https(input, "max.ru").unwrap().as_str(), expected, "{input:?}");
    }
    let host_not_allowed =
        |host: &str| UrlError::HostNotAllowed { host: host.to_owned(), expected: "max.ru".to_owned() };
    let rejected = [
        ("https://evilmax.ru/yuzhny_veter", host_not_allowed("evilmax.ru")),
        ("https://max.ru.evil.example/", host_not_allowed("max.ru.evil.example")),
        ("https://max.ru@evil.example/", UrlError::UserInfo),
        ("mailto:someone@max.ru", UrlError::NotHttps("mailto".to_owned())),
        ("javascript://max.ru/%0Aalert(1)", not_allowed("javascript")),
    ];
    for (input, expected) in rejected {
        assert_eq!(SafeUrl::parse_https(input, "max.ru"), Err(expected), "{input:?}");
    }
}

/// Endpoints and privacy-policy links: a path on the same site, or a full https link.
#[test]
fn site_paths_or_https_links_are_accepted_but_never_protocol_relative_ones() {
    let accepted = [
        ("/privacy", "/privacy"),
        ("/api/v1/callbacks?x=1", "/api/v1/callbacks?x=1"),
        (" https://yuzhny-veter.example/privacy ", "https://yuzhny-veter.example/privacy"),
    ];
    for (input, expected) in accepted {
        assert_eq!(SafeUrl::parse_path_or_https(input).unwrap().as_str(), expected, "{input:?}");
    }
    let rejected = [
        ("//evil.example/privacy", UrlError::ProtocolRelative),
        ("/\\evil.example/privacy", UrlError::ProtocolRelative),
        ("/priv\\acy", UrlError::Backslash),
        ("privacy", UrlError::MissingScheme),
        ("http://yuzhny-veter.example/privacy", not_allowed("http")),
        ("tel:+74951234567", UrlError::NotHttps("tel".to_owned())),
        ("javascript:alert(1)", not_allowed("javascript")),
    ];
    for (input, expected) in rejected {
        assert_eq!(SafeUrl::parse_path_or_https(input), Err(expected), "{input:?}");
    }
}

#[test]
fn errors_tell_the_site_owner_what_is_wrong() {
    let cases = [
        (not_allowed("javascript"), "scheme \"javascript\" is not allowed"),
        (
            UrlError::HostNotAllowed { host: "evil.example".into(), expected: "max.ru".into() },
            "host \"evil.example\" is not allowed; expected max.ru or one of its subdomains",
        ),
        (UrlError::UserInfo, "the URL has a user name before \"@\", which hides the real host"),
    ];
    for (error, message) in cases {
        assert_eq!(error.to_string(), message);
    }
}
