//! Channel icons and names: a small inline SVG per channel, drawn for this widget (no third-party
//! artwork, no requests), and the stable channel name used in `data-channel` for styling and tests.
//!
//! Icons are decorative: the link's accessible name already says what it does, so every icon is
//! `aria-hidden`. They use `currentColor`, so the stylesheet decides their colour.
//!
//! Every icon goes through [`icon`], whose path data is an expression: a `view!` subtree made only
//! of literals becomes an "inert" template that Leptos inserts with `innerHTML`, which pages with
//! Trusted Types (`require-trusted-types-for 'script'`) block.

use contact_core::config::Channel;
use leptos::prelude::*;

/// The channel's stable lower-case name, as written in the configuration's `type` field
/// (`phone`, `email`, `whatsapp`, …). Rendered as `data-channel` on each contact link.
pub fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Phone => "phone",
        Channel::Email => "email",
        Channel::WhatsApp => "whatsapp",
        Channel::Telegram => "telegram",
        Channel::Viber => "viber",
        Channel::Vk => "vk",
        Channel::Messenger => "messenger",
        Channel::Skype => "skype",
        Channel::Sms => "sms",
        Channel::Signal => "signal",
        Channel::Instagram => "instagram",
        Channel::Max => "max",
    }
}

/// One 24×24 stroked outline per kind of contact. Messengers share the speech bubble (their colour,
/// set by the stylesheet, tells them apart) except where a simpler shape is unmistakable.
fn glyph(channel: Channel) -> &'static str {
    const HANDSET: &str = "M6.5 3.5h3l1.5 4.5-2 1.5a11 11 0 0 0 5.5 5.5l1.5-2 4.5 1.5v3a2 2 0 0 1-2 2A15.5 15.5 0 0 1 4.5 5.5a2 2 0 0 1 2-2z";
    const ENVELOPE: &str =
        "M4 5.5h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM3.5 7l8.5 6 8.5-6";
    const BUBBLE: &str = "M12 3.5c4.7 0 8.5 3.2 8.5 7.3s-3.8 7.2-8.5 7.2c-1 0-2-.1-2.9-.4L4.5 20l1.2-4A6.9 6.9 0 0 1 3.5 10.8c0-4.1 3.8-7.3 8.5-7.3z";
    const TEXT_BUBBLE: &str = "M4 4.5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-9l-5 4v-4H4a1 1 0 0 1-1-1v-10a1 1 0 0 1 1-1zM8 10.5h.01M12 10.5h.01M16 10.5h.01";
    const PLANE: &str = "M20.5 4 3.5 10.8l6 2.2 2.2 6.5 3.3-4.3 4.5 3.3zM9.5 13l7-5.5";
    const CAMERA: &str = "M8 3.5h8A4.5 4.5 0 0 1 20.5 8v8a4.5 4.5 0 0 1-4.5 4.5H8A4.5 4.5 0 0 1 3.5 16V8A4.5 4.5 0 0 1 8 3.5zM12 8.3a3.7 3.7 0 1 0 0 7.4 3.7 3.7 0 0 0 0-7.4zM16.8 7.2h.01";
    match channel {
        Channel::Phone => HANDSET,
        Channel::Email => ENVELOPE,
        Channel::Sms => TEXT_BUBBLE,
        Channel::Telegram => PLANE,
        Channel::Instagram => CAMERA,
        Channel::WhatsApp
        | Channel::Viber
        | Channel::Vk
        | Channel::Messenger
        | Channel::Skype
        | Channel::Signal
        | Channel::Max => BUBBLE,
    }
}

/// The close button's cross.
pub(crate) const CLOSE: &str = "M6 6l12 12M18 6L6 18";

/// The decorative icon for a channel.
#[component]
pub fn ChannelIcon(
    /// The channel whose icon to draw.
    channel: Channel,
) -> impl IntoView {
    icon(glyph(channel))
}

/// A decorative 24×24 outline icon drawn from SVG path data.
pub(crate) fn icon(path: &'static str) -> impl IntoView {
    view! {
        <svg class="cw-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_names_are_the_configuration_type_names() {
        let cases = [
            (Channel::Phone, "phone"),
            (Channel::Email, "email"),
            (Channel::WhatsApp, "whatsapp"),
            (Channel::Telegram, "telegram"),
            (Channel::Viber, "viber"),
            (Channel::Vk, "vk"),
            (Channel::Messenger, "messenger"),
            (Channel::Skype, "skype"),
            (Channel::Sms, "sms"),
            (Channel::Signal, "signal"),
            (Channel::Instagram, "instagram"),
            (Channel::Max, "max"),
        ];
        for (channel, name) in cases {
            assert_eq!(channel_name(channel), name);
        }
    }

    #[test]
    fn glyphs_hold_only_plain_path_commands() {
        let glyphs =
            [Channel::Phone, Channel::Email, Channel::Sms, Channel::Telegram, Channel::Instagram, Channel::Max]
                .map(glyph);
        for d in glyphs.into_iter().chain([CLOSE]) {
            assert!(d.starts_with('M'), "{d:?} starts with a move");
            assert!(
                d.chars().all(|c| c.is_ascii_digit() || " .-,MmLlHhVvCcSsAaZz".contains(c)),
                "{d:?} holds only path data"
            );
        }
    }
}
