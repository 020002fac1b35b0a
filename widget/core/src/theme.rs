//! Colours: the configured accent, WCAG 2.x contrast, and the shades derived from the accent so
//! that the widget never renders text below 4.5:1.
//!
//! The accent is a fill (the launcher, the send button, the channel icons) and, on the panel, a
//! text colour (links, the "call me back" button) and the focus ring. As a fill it keeps exactly the
//! configured colour and gets whichever of white and [`DARK_TEXT`] contrasts more on it
//! ([`text_on`]); as text it is darkened on the light panel, or lightened on the dark one, just
//! enough to reach [`MIN_TEXT_CONTRAST`] ([`readable_on`]). Validation names every shortfall of the
//! configured colour itself, so the site owner sees why the panel's links look different.
//!
//! The JS loader draws the launcher before the wasm arrives, so it carries a copy of [`text_on`] and
//! of the hover shade ([`Theme::accent_hover`]); `tests/e2e/theme.spec.mjs` holds the copies to
//! the same answers.

use std::fmt;

/// WCAG 2.x level AA for normal text.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;
/// The dark text colour used on light fills and light surfaces (`--cw-text` in `widget.css`).
pub const DARK_TEXT: Color = Color::rgb(0x1b, 0x1c, 0x1f);
/// White, the text colour on dark fills.
pub const WHITE: Color = Color::rgb(0xff, 0xff, 0xff);
/// The accent when none is configured: a blue that takes white text at 6.4:1.
pub const DEFAULT_ACCENT: Color = Color::rgb(0x0b, 0x57, 0xd0);

/// An opaque sRGB colour, 8 bits per channel, as site owners write it: `#0b57d0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    red: u8,
    green: u8,
    blue: u8,
}

impl Color {
    /// The colour with these channel values.
    pub const fn rgb(red: u8, green: u8, blue: u8) -> Color {
        Color { red, green, blue }
    }

    /// Reads `#RRGGBB` (hex digits in either case; surrounding spaces are ignored). Short forms,
    /// names and `rgb()` are refused so that the loader, which applies the colour before the wasm
    /// starts, needs no parser of its own beyond one regular expression.
    ///
    /// ```
    /// use contact_core::theme::Color;
    /// assert_eq!(Color::parse("#0B57D0").unwrap().to_string(), "#0b57d0");
    /// assert!(Color::parse("blue").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Color, String> {
        let digits = text
            .trim()
            .strip_prefix('#')
            .filter(|digits| digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_hexdigit()));
        let channel = |index: usize| digits.and_then(|digits| u8::from_str_radix(&digits[index..index + 2], 16).ok());
        match (channel(0), channel(2), channel(4)) {
            (Some(red), Some(green), Some(blue)) => Ok(Color { red, green, blue }),
            _ => Err(format!("{text:?} is not a colour: write it as #RRGGBB, e.g. \"#0b57d0\"")),
        }
    }

    /// The relative luminance of WCAG 2.x: 0 for black, 1 for white.
    pub fn relative_luminance(self) -> f64 {
        fn linear(channel: u8) -> f64 {
            let c = f64::from(channel) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        }
        0.2126 * linear(self.red) + 0.7152 * linear(self.green) + 0.0722 * linear(self.blue)
    }

    /// This colour moved `steps` twentieths of the way towards `target`, channel by channel.
    fn towards(self, target: Color, steps: u8) -> Color {
        let mix = |from: u8, to: u8| {
            let (from, to, steps) = (i32::from(from), i32::from(to), i32::from(steps));
            // The rounding division of `from + (to - from) * steps / 20`, in integers.
            (from + ((to - from) * steps * 2 + (to - from).signum() * 20) / 40) as u8
        };
        Color {
            red: mix(self.red, target.red),
            green: mix(self.green, target.green),
            blue: mix(self.blue, target.blue),
        }
    }
}

/// `x^2.4` for `x` in (0, 1] without `f64::powf`, which would link libm's `pow` (kilobytes of wasm
/// for every visitor): `x² · x^0.4`, the fifth root of `x²` found by Newton's method. Starting from 1 it
/// descends monotonically onto the root; 30 steps reach f64 precision for every 8-bit channel.
fn pow_2_4(x: f64) -> f64 {
    let square = x * x;
    let mut root = 1.0;
    for _ in 0..30 {
        root = (4.0 * root + square / (root * root * root * root)) / 5.0;
    }
    square * root
}

impl fmt::Display for Color {
    /// `#rrggbb`, lowercase: what CSS takes and what the loader writes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }
}

/// A WCAG contrast ratio, from 1 (none) to 21 (black on white).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Contrast(pub f64);

impl Contrast {
    /// Whether text of this contrast meets [`MIN_TEXT_CONTRAST`].
    pub fn is_readable(self) -> bool {
        self.0 >= MIN_TEXT_CONTRAST
    }
}

impl fmt::Display for Contrast {
    /// Two decimals, cut rather than rounded, so that a ratio below 4.5 never reads "4.50:1".
    /// Integer formatting only: printing a float would link float formatting into the widget.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The epsilon absorbs rounding in the luminance sums (white on black is 20.999… otherwise).
        let hundredths = (self.0 * 100.0 + 1e-9) as u32;
        write!(f, "{}.{:02}:1", hundredths / 100, hundredths % 100)
    }
}

/// The contrast ratio between two colours; the order does not matter.
///
/// ```
/// use contact_core::theme::{contrast, Color, WHITE};
/// assert_eq!(contrast(WHITE, Color::rgb(0x76, 0x76, 0x76)).to_string(), "4.54:1");
/// ```
pub fn contrast(a: Color, b: Color) -> Contrast {
    let (a, b) = (a.relative_luminance(), b.relative_luminance());
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    Contrast((light + 0.05) / (dark + 0.05))
}

/// The text colour for a `fill`: white or [`DARK_TEXT`], whichever contrasts more (white on a tie).
pub fn text_on(fill: Color) -> Color {
    if contrast(fill, WHITE) >= contrast(fill, DARK_TEXT) {
        WHITE
    } else {
        DARK_TEXT
    }
}

/// `color` when it reads as text on `surface`, else the nearest shade of it that does: moved
/// towards the surface's own text colour (black on light surfaces, white on dark ones) in steps
/// of 5 %, so a brand blue stays a blue.
pub fn readable_on(color: Color, surface: Color) -> Color {
    let target = if text_on(surface) == WHITE { WHITE } else { Color::rgb(0, 0, 0) };
    (0..=20)
        .map(|steps| color.towards(target, steps))
        .find(|shade| contrast(*shade, surface).is_readable())
        .unwrap_or(target)
}

/// The panel's colour schemes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// Follows the visitor's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// A panel background the accent may be shown on as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// The light scheme's panel (`--cw-surface`).
    Light,
    /// The dark scheme's panel.
    Dark,
}

impl Surface {
    /// The panel background of this scheme, as in `widget.css`.
    pub fn color(self) -> Color {
        match self {
            Surface::Light => WHITE,
            Surface::Dark => Color::rgb(0x20, 0x21, 0x24),
        }
    }

    /// The word for this surface in messages to site owners.
    pub fn name(self) -> &'static str {
        match self {
            Surface::Light => "light",
            Surface::Dark => "dark",
        }
    }
}

/// The widget's colours: the configured accent and scheme, and everything derived from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The brand colour: the launcher's and the send button's fill, links on the panel.
    pub accent: Color,
    /// Light, dark, or the visitor's choice.
    pub scheme: Scheme,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { accent: DEFAULT_ACCENT, scheme: Scheme::Auto }
    }
}

impl Theme {
    /// The text colour on the accent (launcher, send button, selected topic, channel icons).
    pub fn on_accent(&self) -> Color {
        text_on(self.accent)
    }

    /// The accent under the pointer: 15 % further from its text colour, so contrast only grows.
    pub fn accent_hover(&self) -> Color {
        let away = if self.on_accent() == WHITE { Color::rgb(0, 0, 0) } else { WHITE };
        self.accent.towards(away, 3)
    }

    /// The accent as a text and focus colour on `surface`: the accent itself when it reads there,
    /// else its nearest readable shade ([`readable_on`]).
    pub fn accent_text(&self, surface: Surface) -> Color {
        readable_on(self.accent, surface.color())
    }

    /// The panel backgrounds this theme can show: light unless the scheme is dark, dark unless it is
    /// light.
    pub fn surfaces(&self) -> impl Iterator<Item = Surface> {
        let scheme = self.scheme;
        [(Surface::Light, Scheme::Dark), (Surface::Dark, Scheme::Light)]
            .into_iter()
            .filter(move |(_, excluded)| scheme != *excluded)
            .map(|(surface, _)| surface)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Color {
        Color::parse(text).unwrap()
    }

    #[test]
    fn contrast_ratios_match_the_wcag_reference_values() {
        let table = [
            // (text, background, ratio as shown)
            ("#000000", "#ffffff", "21.00:1"),
            ("#ffffff", "#ffffff", "1.00:1"),
            ("#ffffff", "#767676", "4.54:1"), // the lightest grey that passes AA on white
            ("#ffffff", "#777777", "4.47:1"), // one step lighter fails: 4.478…, cut, not rounded
            ("#ffffff", "#0b57d0", "6.38:1"),
            ("#1b1c1f", "#ffff00", "15.86:1"),
            ("#ffffff", "#ff0000", "3.99:1"),
            ("#0b57d0", "#202124", "2.52:1"),
        ];
        for (text, background, shown) in table {
            assert_eq!(contrast(hex(text), hex(background)).to_string(), shown, "{text} on {background}");
        }
    }

    #[test]
    fn the_power_without_libm_agrees_with_powf_on_every_channel_value() {
        for channel in 11..=255u8 {
            let x = (f64::from(channel) / 255.0 + 0.055) / 1.055;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{channel}");
        }
    }

    #[test]
    fn contrast_at_the_aa_threshold_is_decided_on_the_exact_ratio() {
        assert!(contrast(WHITE, hex("#767676")).is_readable());
        let almost = contrast(WHITE, hex("#777777"));
        assert!(!almost.is_readable());
        assert!((almost.0 - 4.48).abs() < 0.005, "{}", almost.0);
    }

    #[test]
    fn text_on_a_fill_is_white_or_dark_whichever_contrasts_more() {
        let table = [
            ("#0b57d0", WHITE),
            ("#000000", WHITE),
            ("#777777", WHITE), // 4.48 against 3.8 for dark text
            ("#ffffff", DARK_TEXT),
            ("#ffff00", DARK_TEXT),
            ("#ffc107", DARK_TEXT), // amber
            ("#2e7d32", WHITE),
            ("#00bcd4", DARK_TEXT), // cyan
            ("#e91e63", WHITE),
        ];
        for (fill, expected) in table {
            assert_eq!(text_on(hex(fill)), expected, "{fill}");
        }
    }

    #[test]
    fn a_readable_accent_is_kept_as_the_text_colour() {
        assert_eq!(readable_on(DEFAULT_ACCENT, WHITE), DEFAULT_ACCENT);
        assert_eq!(readable_on(hex("#767676"), WHITE), hex("#767676"));
    }

    #[test]
    fn a_pale_accent_is_darkened_on_light_panels_and_lightened_on_dark_ones_just_enough() {
        let table = [
            ("#ffc107", Surface::Light),
            ("#00bcd4", Surface::Light),
            ("#777777", Surface::Light),
            ("#0b57d0", Surface::Dark),
            ("#000000", Surface::Dark),
            ("#ffffff", Surface::Light),
        ];
        for (accent, surface) in table {
            let theme = Theme { accent: hex(accent), scheme: Scheme::Auto };
            let shade = theme.accent_text(surface);
            assert!(contrast(shade, surface.color()).is_readable(), "{accent} on {surface:?} gave {shade}");
            // Just enough: one step less would not read.
            let target = if surface == Surface::Light { Color::rgb(0, 0, 0) } else { WHITE };
            let steps = (0..=20).find(|steps| theme.accent.towards(target, *steps) == shade).unwrap();
            assert!(steps == 0 || !contrast(theme.accent.towards(target, steps - 1), surface.color()).is_readable());
        }
        assert_eq!(readable_on(hex("#ffc107"), WHITE).to_string(), "#8c6a04");
        assert_eq!(readable_on(DEFAULT_ACCENT, Surface::Dark.color()).to_string(), "#5489de");
    }

    #[test]
    fn hovering_moves_the_accent_away_from_its_text_so_contrast_grows() {
        for accent in ["#0b57d0", "#ffc107", "#777777", "#e91e63", "#00bcd4"] {
            let theme = Theme { accent: hex(accent), scheme: Scheme::Auto };
            let text = theme.on_accent();
            assert!(contrast(text, theme.accent_hover()) > contrast(text, theme.accent), "{accent}");
        }
        assert_eq!(Theme::default().accent_hover().to_string(), "#094ab1");
    }

    #[test]
    fn surfaces_follow_the_scheme() {
        let surfaces = |scheme| Theme { accent: DEFAULT_ACCENT, scheme }.surfaces().collect::<Vec<_>>();
        assert_eq!(surfaces(Scheme::Auto), [Surface::Light, Surface::Dark]);
        assert_eq!(surfaces(Scheme::Light), [Surface::Light]);
        assert_eq!(surfaces(Scheme::Dark), [Surface::Dark]);
    }

    #[test]
    fn colours_are_read_only_as_six_hex_digits() {
        assert_eq!(hex(" #0B57d0 ").to_string(), "#0b57d0");
        for bad in ["0b57d0", "#0b57d", "#0b57d0ff", "#fff", "blue", "#0b57dz", "#+b57d0", "#ё57d0"] {
            assert!(Color::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Color::parse("blue").unwrap_err(),
            r##""blue" is not a colour: write it as #RRGGBB, e.g. "#0b57d0""##
        );
    }
}
