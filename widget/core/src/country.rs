//! Countries the phone normaliser knows, and the few numbering facts it needs about each.
//!
//! The facts live in one table, `RULES`, indexed by the [`Country`] discriminant; a test checks that
//! every row sits at its country's index. This is deliberately not a phone metadata library: it holds
//! what is needed to turn a number written the national way (`8 (495) 123-45-67`) into E.164, and no
//! more, because the crate is shipped to browsers as WebAssembly and every byte counts.

use std::fmt;

/// A country whose national phone numbering the normaliser understands, named by its ISO 3166-1
/// alpha-2 code. The default is Russia, the widget's home market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Country {
    /// Russia.
    #[default]
    Ru,
    /// Kazakhstan.
    Kz,
    /// Belarus.
    By,
    /// Ukraine.
    Ua,
    /// Uzbekistan.
    Uz,
    /// Armenia.
    Am,
    /// Georgia.
    Ge,
    /// Azerbaijan.
    Az,
    /// Kyrgyzstan.
    Kg,
    /// Tajikistan.
    Tj,
    /// Moldova.
    Md,
    /// Germany.
    De,
    /// The United Kingdom.
    Gb,
    /// France.
    Fr,
    /// The United States.
    Us,
    /// Canada.
    Ca,
    /// Turkey.
    Tr,
    /// The United Arab Emirates.
    Ae,
    /// Israel.
    Il,
    /// China.
    Cn,
}

/// How one country writes its numbers nationally.
#[derive(Debug)]
pub(crate) struct NumberingRules {
    pub(crate) country: Country,
    /// The ISO 3166-1 alpha-2 code, upper case.
    pub(crate) code: &'static str,
    /// The international calling code, without `+`.
    pub(crate) calling_code: &'static str,
    /// Digits dialled before a national number for a long-distance call (`8` in Russia, `0` in most of
    /// Europe), longest first, because Belarus writes both `8 029 …` and `8 29 …`.
    pub(crate) trunk_prefixes: &'static [&'static str],
    /// Prefixes that start an international call besides the universal `00`: `810` is the old Soviet
    /// one, still printed on many Russian business cards; `011` is North America's.
    pub(crate) international_prefixes: &'static [&'static str],
    /// The shortest and longest national significant number (without the trunk prefix).
    pub(crate) national_lengths: (usize, usize),
}

/// Every known country, at the index of its [`Country`] discriminant.
///
/// National lengths are deliberately generous where a country's plan varies (Germany, China): a
/// number that is a digit short is caught by the E.164 limits, but a real number must never be refused.
pub(crate) const RULES: [NumberingRules; 20] = [
    rules(Country::Ru, "RU", "7", &["8"], &["810"], (10, 10)),
    rules(Country::Kz, "KZ", "7", &["8"], &["810"], (10, 10)),
    rules(Country::By, "BY", "375", &["80", "8", "0"], &["810"], (9, 9)),
    rules(Country::Ua, "UA", "380", &["0"], &[], (9, 9)),
    rules(Country::Uz, "UZ", "998", &["8"], &["810"], (9, 9)),
    rules(Country::Am, "AM", "374", &["0"], &[], (8, 8)),
    rules(Country::Ge, "GE", "995", &["0"], &[], (9, 9)),
    rules(Country::Az, "AZ", "994", &["0"], &["810"], (9, 9)),
    rules(Country::Kg, "KG", "996", &["0"], &[], (9, 9)),
    rules(Country::Tj, "TJ", "992", &["8"], &["810"], (9, 9)),
    rules(Country::Md, "MD", "373", &["0"], &[], (8, 8)),
    rules(Country::De, "DE", "49", &["0"], &[], (5, 13)),
    rules(Country::Gb, "GB", "44", &["0"], &[], (9, 10)),
    rules(Country::Fr, "FR", "33", &["0"], &[], (9, 9)),
    rules(Country::Us, "US", "1", &["1"], &["011"], (10, 10)),
    rules(Country::Ca, "CA", "1", &["1"], &["011"], (10, 10)),
    rules(Country::Tr, "TR", "90", &["0"], &[], (10, 10)),
    rules(Country::Ae, "AE", "971", &["0"], &[], (8, 9)),
    rules(Country::Il, "IL", "972", &["0"], &[], (8, 9)),
    rules(Country::Cn, "CN", "86", &["0"], &[], (8, 12)),
];

const fn rules(
    country: Country,
    code: &'static str,
    calling_code: &'static str,
    trunk_prefixes: &'static [&'static str],
    international_prefixes: &'static [&'static str],
    national_lengths: (usize, usize),
) -> NumberingRules {
    NumberingRules { country, code, calling_code, trunk_prefixes, international_prefixes, national_lengths }
}

impl Country {
    /// Every known country, in table order.
    pub fn all() -> impl Iterator<Item = Country> {
        RULES.iter().map(|rules| rules.country)
    }

    /// Reads an ISO 3166-1 alpha-2 code in either case (`"RU"`, `"ru"`); surrounding spaces are ignored.
    ///
    /// ```
    /// use contact_core::country::Country;
    /// assert_eq!(Country::from_code("kz"), Some(Country::Kz));
    /// assert_eq!(Country::from_code("XX"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Country> {
        let code = code.trim();
        RULES.iter().find(|rules| rules.code.eq_ignore_ascii_case(code)).map(|rules| rules.country)
    }

    /// The ISO 3166-1 alpha-2 code, upper case (`"RU"`).
    pub fn code(self) -> &'static str {
        self.rules().code
    }

    /// The international calling code without `+` (`"7"` for Russia and Kazakhstan).
    pub fn calling_code(self) -> &'static str {
        self.rules().calling_code
    }

    pub(crate) fn rules(self) -> &'static NumberingRules {
        &RULES[self as usize]
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a text is not a known country code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCountry(pub String);

impl fmt::Display for UnknownCountry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown country code {:?}; expected one of ", self.0)?;
        for (i, country) in Country::all().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(country.code())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownCountry {}

impl std::str::FromStr for Country {
    type Err = UnknownCountry;

    fn from_str(code: &str) -> Result<Country, UnknownCountry> {
        Country::from_code(code).ok_or_else(|| UnknownCountry(code.to_owned()))
    }
}

impl<'de> serde::Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Country, D::Error> {
        let code = String::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_sits_at_its_countrys_index() {
        for (index, rules) in RULES.iter().enumerate() {
            assert_eq!(rules.country as usize, index, "{} is out of place", rules.code);
        }
    }

    #[test]
    fn codes_read_in_either_case_and_round_trip() {
        for country in Country::all() {
            assert_eq!(Country::from_code(country.code()), Some(country));
            assert_eq!(Country::from_code(&country.code().to_lowercase()), Some(country));
            assert_eq!(country.to_string().parse::<Country>(), Ok(country));
        }
        for unknown in ["", "R", "RUS", "XX", "ру"] {
            assert_eq!(Country::from_code(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn the_default_country_is_russia() {
        assert_eq!(Country::default(), Country::Ru);
    }

    #[test]
    fn national_lengths_fit_within_e164() {
        for rules in &RULES {
            let (min, max) = rules.national_lengths;
            assert!(min <= max, "{}", rules.code);
            assert!(rules.calling_code.len() + max <= 15, "{}", rules.code);
        }
    }
}
