//! How phone numbers are read and written: one table per format, read as a specification.

use contact_core::country::Country;
use contact_core::phone::{PhoneError, PhoneNumber};

/// Numbers as site owners and visitors write them, the country assumed when no international prefix
/// is given, and the E.164 number plus extension they mean.
#[test]
fn numbers_written_the_usual_ways_normalise_to_e164() {
    let cases: &[(&str, Country, &str, Option<&str>)] = &[
        // Russia: trunk prefix 8, with or without it, with +7 or a bare 7.
        ("8 (495) 123-45-67", Country::Ru, "+74951234567", None),
        ("+7 495 123 45 67", Country::Ru, "+74951234567", None),
        ("+7(495)1234567", Country::Ru, "+74951234567", None),
        ("7 495 123-45-67", Country::Ru, "+74951234567", None),
        ("(495) 123-45-67", Country::Ru, "+74951234567", None),
        ("495.123.45.67", Country::Ru, "+74951234567", None),
        ("8-800-555-35-35", Country::Ru, "+78005553535", None),
        ("800 555 35 35", Country::Ru, "+78005553535", None),
        ("8\u{a0}916\u{a0}123–45–67", Country::Ru, "+79161234567", None),
        ("  +7 812 555-01-02  ", Country::Ru, "+78125550102", None),
        // International prefixes: the universal 00 and the old Soviet 810.
        ("00 49 30 1234567", Country::Ru, "+49301234567", None),
        ("810 49 30 1234567", Country::Ru, "+49301234567", None),
        ("011 44 20 7946 0958", Country::Us, "+442079460958", None),
        // A + always wins over the default country.
        ("+49 30 1234567", Country::Us, "+49301234567", None),
        ("+375 29 123-45-67", Country::Ru, "+375291234567", None),
        // Other countries' national forms.
        ("8 029 123-45-67", Country::By, "+375291234567", None),
        ("8 (727) 123-45-67", Country::Kz, "+77271234567", None),
        ("044 123 45 67", Country::Ua, "+380441234567", None),
        ("030 1234567", Country::De, "+49301234567", None),
        ("020 7946 0958", Country::Gb, "+442079460958", None),
        ("01 23 45 67 89", Country::Fr, "+33123456789", None),
        ("(212) 555-1234", Country::Us, "+12125551234", None),
        ("1-416-555-0123", Country::Ca, "+14165550123", None),
        ("010 123456", Country::Am, "+37410123456", None),
        // Extensions, in every accepted spelling.
        ("+7 495 123-45-67 доб. 123", Country::Ru, "+74951234567", Some("123")),
        ("+7 495 123-45-67 Доб 123", Country::Ru, "+74951234567", Some("123")),
        ("+7 495 123-45-67 ext. 123", Country::Ru, "+74951234567", Some("123")),
        ("+7 495 123-45-67 EXT 123", Country::Ru, "+74951234567", Some("123")),
        ("+7 495 123-45-67 x123", Country::Ru, "+74951234567", Some("123")),
        ("+7 495 123-45-67 #123", Country::Ru, "+74951234567", Some("123")),
        ("+7 495 123-45-67, 123", Country::Ru, "+74951234567", Some("123")),
        ("+74951234567;ext=123", Country::Ru, "+74951234567", Some("123")),
        ("8 (495) 123-45-67 доб.204", Country::Ru, "+74951234567", Some("204")),
    ];
    for &(input, country, e164, extension) in cases {
        let number = PhoneNumber::parse(input, country).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(number.e164(), e164, "{input:?}");
        assert_eq!(number.digits(), &e164[1..], "{input:?}");
        assert_eq!(number.extension(), extension, "{input:?}");
    }
}

/// Texts that are not phone numbers, and the reason a form would show.
#[test]
fn malformed_numbers_are_rejected_with_a_reason() {
    let cases: &[(&str, Country, PhoneError)] = &[
        ("", Country::Ru, PhoneError::Empty),
        ("   ", Country::Ru, PhoneError::Empty),
        ("8 800 FLOWERS", Country::Ru, PhoneError::InvalidCharacters),
        ("+7 495 123-45-67 call me", Country::Ru, PhoneError::InvalidCharacters),
        ("+7 (495) 123+45-67", Country::Ru, PhoneError::InvalidCharacters),
        ("tel:+74951234567", Country::Ru, PhoneError::InvalidCharacters),
        ("８ ４９５ １２３ ４５ ６７", Country::Ru, PhoneError::InvalidCharacters),
        ("+7 495 123-45", Country::Ru, PhoneError::TooShort),
        ("8 495 123-45", Country::Ru, PhoneError::TooShort),
        ("123", Country::Ru, PhoneError::TooShort),
        ("+12 345", Country::Ru, PhoneError::TooShort),
        ("+7 495 123-45-678", Country::Ru, PhoneError::TooLong),
        ("8 495 123-45-678", Country::Ru, PhoneError::TooLong),
        ("+123 4567 8901 2345 6", Country::Ru, PhoneError::TooLong),
        ("+0 495 123 45 67", Country::Ru, PhoneError::InvalidCountryCode),
        ("+7 495 123-45-67 доб.", Country::Ru, PhoneError::InvalidExtension),
        ("+7 495 123-45-67 ext. 12a", Country::Ru, PhoneError::InvalidExtension),
        ("+7 495 123-45-67 x 12345678901", Country::Ru, PhoneError::InvalidExtension),
    ];
    for &(input, country, expected) in cases {
        assert_eq!(PhoneNumber::parse(input, country), Err(expected), "{input:?}");
    }
}

/// How numbers are shown when the configuration gives no display text of its own.
#[test]
fn international_format_groups_digits_for_reading() {
    let cases = [
        ("8 (495) 123-45-67", "+7 495 123-45-67"),
        ("8-800-555-35-35", "+7 800 555-35-35"),
        ("+7 727 123 45 67", "+7 727 123-45-67"),
        ("+1 212 555 1234", "+1 212 555-1234"),
        ("+49 30 1234567", "+49 301 234 567"),
        ("+44 20 7946 0958", "+44 207 946 0958"),
        ("+375 29 123-45-67", "+375 291 234 567"),
        ("+374 10 123456", "+374 10 123 456"),
        ("+86 138 1234 5678", "+86 13 812 345 678"),
        ("+7 495 123-45-67 доб. 123", "+7 495 123-45-67"),
    ];
    for (input, expected) in cases {
        let number = PhoneNumber::parse(input, Country::Ru).unwrap();
        assert_eq!(number.format_international(), expected, "{input:?}");
    }
}

#[test]
fn errors_read_as_english_sentences_for_site_owners() {
    assert_eq!(PhoneError::TooShort.to_string(), "the phone number has too few digits");
    assert_eq!(PhoneError::InvalidExtension.to_string(), "the extension must be 1 to 10 digits after its marker");
}
