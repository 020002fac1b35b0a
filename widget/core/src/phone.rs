//! Phone numbers: parsed once from whatever a site owner or a visitor typed, kept in E.164.
//!
//! A [`PhoneNumber`] always holds 7–15 digits starting with a real calling code (never `0`), plus
//! optional extension digits, so code that receives one can build a `tel:` link or a messenger link
//! without failing. National numbers are read with the rules of a default [`Country`]
//! (`8 (495) 123-45-67` in Russia is `+74951234567`); numbers with `+`, `00` or the country's own
//! international prefix (`810` in Russia) are read as international.
//!
//! There is no phone metadata library here on purpose (the crate ships to browsers): the checks are
//! the E.164 limits, the national lengths in [`crate::country`] and the ITU's calling-code structure.

use std::fmt;

use crate::country::{Country, RULES};

/// A valid phone number in E.164 form, with an optional extension.
///
/// ```
/// use contact_core::{country::Country, phone::PhoneNumber};
/// let number = PhoneNumber::parse("8 (495) 123-45-67 доб. 204", Country::Ru).unwrap();
/// assert_eq!(number.e164(), "+74951234567");
/// assert_eq!(number.extension(), Some("204"));
/// assert_eq!(number.format_international(), "+7 495 123-45-67");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    /// The calling code and the national number, digits only, 7–15 of them.
    digits: String,
    /// Digits dialled after the call connects, if any.
    extension: Option<String>,
}

/// Why a text is not a phone number. Each variant is a separate case so that a form can show a
/// message in the visitor's language; [`fmt::Display`] gives an English one for site owners and logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    /// Nothing but spaces.
    Empty,
    /// Letters or symbols that have no place in a phone number (`+` is allowed only at the start).
    InvalidCharacters,
    /// Fewer digits than any number of this form can have.
    TooShort,
    /// More digits than any number of this form can have.
    TooLong,
    /// An international number whose calling code starts with `0`; no country has one.
    InvalidCountryCode,
    /// An extension marker (`доб.`, `ext.`, `x`, `#`, `,`) not followed by 1–10 digits.
    InvalidExtension,
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PhoneError::Empty => "the phone number is empty",
            PhoneError::InvalidCharacters => {
                "the phone number may contain only digits, spaces, ( ) - . /, a leading + and an extension"
            }
            PhoneError::TooShort => "the phone number has too few digits",
            PhoneError::TooLong => "the phone number has too many digits",
            PhoneError::InvalidCountryCode => "the country calling code cannot start with 0",
            PhoneError::InvalidExtension => "the extension must be 1 to 10 digits after its marker",
        })
    }
}

impl std::error::Error for PhoneError {}

/// The shortest and longest E.164 number, calling code included.
const E164_LENGTHS: (usize, usize) = (7, 15);

/// The longest extension accepted; office PBXs use 2–6 digits, 10 leaves room without inviting junk.
const MAX_EXTENSION_DIGITS: usize = 10;

/// Words and signs that introduce an extension, lower case, longer before their own prefixes.
const EXTENSION_MARKERS: [&str; 10] = [";ext=", "ext.", "ext", "доб.", "доб", "доп.", "доп", "x", "#", ","];

impl PhoneNumber {
    /// Reads a phone number as people write it: spaces, dashes, dots, slashes and parentheses are
    /// ignored; a number without an international prefix is national to `default`.
    ///
    /// Accepted extension forms: `доб. 123`, `ext. 123`, `x123`, `#123`, `, 123`, `;ext=123`.
    pub fn parse(input: &str, default: Country) -> Result<PhoneNumber, PhoneError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (main, extension) = split_extension(input)?;
        let (has_plus, digits) = read_digits(main)?;
        let digits = if has_plus {
            international(&digits)?
        } else if let Some(rest) = strip_international_prefix(&digits, default) {
            international(rest)?
        } else {
            national(&digits, default)?
        };
        Ok(PhoneNumber { digits, extension })
    }

    /// The number in E.164 form with its `+`: `"+74951234567"`. The extension is not part of it.
    pub fn e164(&self) -> String {
        format!("+{}", self.digits)
    }

    /// The E.164 digits without `+`: `"74951234567"`, as WhatsApp links want them.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// The extension's digits, if the number has one.
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_deref()
    }

    /// The number written for people, without the extension: `"+7 495 123-45-67"` for Russia and
    /// Kazakhstan, `"+1 212 555-1234"` for North America, and for other countries the calling code
    /// followed by the national number in groups of about three (`"+49 301 234 567"`), because the
    /// digits alone do not say where an area code ends.
    pub fn format_international(&self) -> String {
        let (calling_code, national) = self.digits.split_at(calling_code_len(&self.digits));
        let mut out = String::with_capacity(self.digits.len() + 6);
        out.push('+');
        out.push_str(calling_code);
        out.push(' ');
        match (calling_code, national.len()) {
            ("7", 10) => push_groups(&mut out, national, &[3, 3, 2, 2], &[' ', '-', '-']),
            ("1", 10) => push_groups(&mut out, national, &[3, 3, 4], &[' ', '-']),
            _ => {
                // Threes from the left; a remainder of two leads (`10 123 456`), a lone digit
                // joins the last group (`207 946 0958`), since a single digit reads badly.
                let mut sizes = vec![3; national.len() / 3];
                match (national.len() % 3, sizes.last_mut()) {
                    (0, _) => {}
                    (1, Some(last)) => *last += 1,
                    (rest, _) => sizes.insert(0, rest),
                }
                push_groups(&mut out, national, &sizes, &[]);
            }
        }
        out
    }
}

/// Lower-cases the letters of the extension markers (Latin and Cyrillic). `str::to_lowercase`
/// would do, but it links the Unicode case tables into the wasm for four words.
fn fold_case(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => 'ё',
        _ => c.to_ascii_lowercase(),
    }
}

/// Splits `input` at the first character that cannot belong to the number itself and reads what
/// follows as an extension.
fn split_extension(input: &str) -> Result<(&str, Option<String>), PhoneError> {
    let Some(at) = input.find(|c: char| !is_number_char(c)) else {
        return Ok((input, None));
    };
    let (main, tail) = input.split_at(at);
    let tail: String = tail.chars().map(fold_case).collect();
    let Some(rest) = EXTENSION_MARKERS.iter().find_map(|marker| tail.strip_prefix(marker)) else {
        return Err(PhoneError::InvalidCharacters);
    };
    let digits = rest.trim();
    if digits.is_empty() || digits.len() > MAX_EXTENSION_DIGITS || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PhoneError::InvalidExtension);
    }
    Ok((main, Some(digits.to_owned())))
}

/// Characters people put in the number itself: digits, a `+`, spaces (any Unicode space, since
/// numbers are pasted from documents with non-breaking ones), brackets, dots, slashes and dashes.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c.is_whitespace() || matches!(c, '+' | '(' | ')' | '.' | '/' | '-' | '‐' | '‑' | '–' | '—')
}

/// Returns whether the number starts with `+`, and its digits.
fn read_digits(main: &str) -> Result<(bool, String), PhoneError> {
    let main = main.trim();
    let (has_plus, rest) = match main.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, main),
    };
    if rest.contains('+') {
        return Err(PhoneError::InvalidCharacters);
    }
    Ok((has_plus, rest.chars().filter(char::is_ascii_digit).collect()))
}

fn strip_international_prefix(digits: &str, default: Country) -> Option<&str> {
    std::iter::once("00")
        .chain(default.rules().international_prefixes.iter().copied())
        .find_map(|prefix| digits.strip_prefix(prefix))
}

/// Checks digits that start with a calling code.
fn international(digits: &str) -> Result<String, PhoneError> {
    if digits.starts_with('0') {
        return Err(PhoneError::InvalidCountryCode);
    }
    check_length(digits.len(), E164_LENGTHS)?;
    let (calling_code, national) = digits.split_at(calling_code_len(digits));
    // Where the calling code is one we know, its national length catches a digit lost in a typo.
    let known = RULES
        .iter()
        .filter(|rules| rules.calling_code == calling_code)
        .map(|rules| rules.national_lengths)
        .reduce(|(min_a, max_a), (min_b, max_b)| (min_a.min(min_b), max_a.max(max_b)));
    if let Some(lengths) = known {
        check_length(national.len(), lengths)?;
    }
    Ok(digits.to_owned())
}

/// Reads digits written the national way in `country`: with a trunk prefix, without one, or with the
/// calling code but no `+` (`7 495 …`, common in Russia).
fn national(digits: &str, country: Country) -> Result<String, PhoneError> {
    let rules = country.rules();
    let fits = |national: &str| check_length(national.len(), rules.national_lengths).is_ok();
    let national = rules
        .trunk_prefixes
        .iter()
        .find_map(|prefix| digits.strip_prefix(prefix).filter(|rest| fits(rest)))
        .or_else(|| Some(digits).filter(|all| fits(all)))
        .or_else(|| digits.strip_prefix(rules.calling_code).filter(|rest| fits(rest)));
    match national {
        Some(national) => Ok(format!("{}{}", rules.calling_code, national)),
        None if digits.len() < rules.national_lengths.0 => Err(PhoneError::TooShort),
        None => Err(PhoneError::TooLong),
    }
}

fn check_length(len: usize, (min, max): (usize, usize)) -> Result<(), PhoneError> {
    if len < min {
        Err(PhoneError::TooShort)
    } else if len > max {
        Err(PhoneError::TooLong)
    } else {
        Ok(())
    }
}

/// Two-digit calling codes. With the one-digit `1` and `7`, every other calling code has three
/// digits: the ITU assigns codes so that none is a prefix of another.
const TWO_DIGIT_CALLING_CODES: [&str; 44] = [
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51",
    "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90",
    "91", "92", "93", "94", "95", "98",
];

/// How many leading digits of an E.164 number are its calling code.
fn calling_code_len(digits: &str) -> usize {
    if digits.starts_with(['1', '7']) {
        1
    } else if TWO_DIGIT_CALLING_CODES.iter().any(|code| digits.starts_with(code)) {
        2
    } else {
        3
    }
}

/// Appends `digits` cut into groups of `sizes`; the n-th separator goes after the n-th group, and
/// groups past the listed separators are divided by spaces.
fn push_groups(out: &mut String, digits: &str, sizes: &[usize], separators: &[char]) {
    let mut start = 0;
    for (i, size) in sizes.iter().enumerate() {
        if i > 0 {
            out.push(separators.get(i - 1).copied().unwrap_or(' '));
        }
        out.push_str(&digits[start..start + size]);
        start += size;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calling_codes_are_split_by_the_itu_structure() {
        let cases = [
            ("74951234567", "7"),
            ("12125551234", "1"),
            ("49301234567", "49"),
            ("441234567890", "44"),
            ("375291234567", "375"),
            ("380441234567", "380"),
            ("8613812345678", "86"),
            ("97141234567", "971"),
            ("420212345678", "420"),
            ("35312345678", "353"),
        ];
        for (digits, code) in cases {
            assert_eq!(&digits[..calling_code_len(digits)], code, "{digits}");
        }
    }

    #[test]
    fn every_known_countrys_calling_code_is_split_whole() {
        for country in Country::all() {
            let code = country.calling_code();
            let digits = format!("{code}123456789");
            assert_eq!(calling_code_len(&digits), code.len(), "{country}");
        }
    }

    /// `fold_case` replaced `str::to_lowercase` to keep the Unicode case tables out of the wasm;
    /// extension markers must still read in any letter case.
    #[test]
    fn extension_markers_read_in_any_letter_case_without_unicode_tables() {
        for marker in ["доб.", "Доб.", "ДОБ.", "ДоП", "EXT.", "Ext", "X", ";EXT="] {
            let number = PhoneNumber::parse(&format!("+7 495 123-45-67 {marker}204"), Country::Ru);
            assert_eq!(number.ok().and_then(|n| n.extension().map(str::to_owned)).as_deref(), Some("204"), "{marker}");
        }
        assert_eq!(fold_case('Ё'), 'ё');
        assert_eq!(fold_case('Я'), 'я');
    }
}
