//! Reading the keys that fit the widget to a site: `theme`, `launcherStyle`, the placement's
//! `offsetYMobile`, `hideOnPaths` and `collapse`, and `analytics`. Each bad value falls back to its
//! default with one issue; a low-contrast accent is kept and reported with its ratio.

use contact_core::config::{Analytics, Collapse, Config, ConfigIssue, LauncherStyle, Parsed, PathPattern, Placement};
use contact_core::theme::{Color, Scheme, Theme, DEFAULT_ACCENT};

/// A document with one valid department and `extra` top-level keys (`"key": value, …`).
fn parse_with(extra: &str) -> Parsed {
    let json = format!(
        r#"{{{extra}, "departments": [{{"name": "Продажи", "contacts": [{{"type": "phone", "number": "8 495 123-45-67"}}]}}]}}"#
    );
    Config::from_json(&json, &contact_core::zones::JiffZones)
}

fn issue_lines(parsed: &Parsed) -> Vec<String> {
    parsed.issues.iter().map(ConfigIssue::to_string).collect()
}

fn color(hex: &str) -> Color {
    Color::parse(hex).unwrap()
}

#[test]
fn a_configuration_without_the_new_keys_gets_their_defaults_and_no_issues() {
    let parsed = parse_with(r#""company": "Южный ветер""#);
    assert_eq!(issue_lines(&parsed), Vec::<String>::new());
    let config = parsed.config;
    assert_eq!(config.theme, Theme { accent: DEFAULT_ACCENT, scheme: Scheme::Auto });
    assert_eq!(config.launcher_style, LauncherStyle::Label);
    assert_eq!(config.analytics, Analytics { data_layer: None, metrika: None });
    assert_eq!(config.placement, Placement::default());
    assert_eq!(config.placement.collapse, Collapse::Scroll);
    assert_eq!(config.placement.offset_y_mobile, None);
}

#[test]
fn every_new_key_is_read_when_valid() {
    let parsed = parse_with(
        r##""theme": {"accent": "#8AB4F8", "scheme": "dark"}, "launcherStyle": "icon",
            "analytics": {"dataLayer": "shopLayer", "metrika": 98765432},
            "placement": {"offsetY": 90, "offsetYMobile": 140, "hideOnPaths": ["/checkout", "/cart/*"], "collapse": "never"}"##,
    );
    assert_eq!(issue_lines(&parsed), Vec::<String>::new());
    let config = parsed.config;
    assert_eq!(config.theme, Theme { accent: color("#8ab4f8"), scheme: Scheme::Dark });
    assert_eq!(config.launcher_style, LauncherStyle::Icon);
    assert_eq!(config.analytics, Analytics { data_layer: Some("shopLayer".into()), metrika: Some(98_765_432) });
    assert_eq!(config.placement.offset_y, 90);
    assert_eq!(config.placement.offset_y_mobile, Some(140));
    let patterns: Vec<&str> = config.placement.hide_on_paths.iter().map(PathPattern::as_str).collect();
    assert_eq!(patterns, ["/checkout", "/cart/*"]);
    assert_eq!(config.placement.collapse, Collapse::Never);
}

#[test]
fn data_layer_true_means_google_tag_managers_data_layer_and_false_means_none() {
    let analytics = |value: &str| parse_with(&format!(r#""analytics": {{"dataLayer": {value}}}"#)).config.analytics;
    assert_eq!(analytics("true").data_layer.as_deref(), Some("dataLayer"));
    assert_eq!(analytics("false").data_layer, None);
}

#[test]
fn bad_values_of_the_new_keys_fall_back_to_their_defaults_with_one_issue_each() {
    let parsed = parse_with(
        r##""theme": {"accent": "blue", "scheme": "night", "font": "Arial"}, "launcherStyle": "text",
            "analytics": {"dataLayer": "window.dataLayer", "metrika": 0, "ga": true},
            "placement": {"offsetYMobile": -1, "hideOnPaths": ["checkout", "/a*/b", 5, "/ok"], "collapse": "always"}"##,
    );
    let expected = [
        "placement.offsetYMobile: invalid value: integer `-1`, expected u16; using offsetY",
        "placement.hideOnPaths[0]: \"checkout\" is not a path: start it with /, e.g. \"/checkout\"; it is ignored",
        "placement.hideOnPaths[1]: \"/a*/b\" is not a path pattern: no spaces, ? or #, and * only at the end; it is ignored",
        "placement.hideOnPaths[2]: invalid type: integer `5`, expected a string; it is ignored",
        "placement.collapse: unknown variant `always`, expected `scroll` or `never`; using the default",
        "launcherStyle: unknown variant `text`, expected `label` or `icon`; the launcher shows its label",
        "theme.accent: \"blue\" is not a colour: write it as #RRGGBB, e.g. \"#0b57d0\"; using the default accent",
        "theme.scheme: unknown variant `night`, expected one of `auto`, `light`, `dark`; following the visitor's system setting",
        "theme.font: unknown field, ignored",
        "analytics.dataLayer: \"window.dataLayer\" is not a global variable name such as \"dataLayer\"; nothing is pushed to a data layer",
        "analytics.metrika: invalid value: integer `0`, expected a Metrica counter number; no goals are sent to Yandex Metrica",
        "analytics.ga: unknown field, ignored",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    let config = parsed.config;
    assert_eq!(config.theme, Theme::default());
    assert_eq!(config.launcher_style, LauncherStyle::Label);
    assert_eq!(config.analytics, Analytics::default());
    assert_eq!(config.placement.offset_y_mobile, None);
    let patterns: Vec<&str> = config.placement.hide_on_paths.iter().map(PathPattern::as_str).collect();
    assert_eq!(patterns, ["/ok"], "the valid patterns are kept");
    assert_eq!(config.placement.collapse, Collapse::Scroll);
}

#[test]
fn objects_of_the_wrong_type_are_reported_and_their_defaults_used() {
    let parsed = parse_with(r##""theme": "#c2185b", "analytics": true"##);
    let expected = [
        "theme: invalid type: string \"#c2185b\", expected a theme object; using the default colours",
        "analytics: invalid type: boolean `true`, expected an analytics object; events are not sent to analytics",
    ];
    assert_eq!(issue_lines(&parsed), expected);
    assert_eq!(parsed.config.theme, Theme::default());
}

#[test]
fn a_pale_accent_is_kept_and_reported_with_its_ratio_on_each_panel_it_can_be_shown_on() {
    // Amber: dark text on it reads well, but as link text it reaches only 1.63:1 on white.
    let parsed = parse_with(r##""theme": {"accent": "#ffc107", "scheme": "light"}"##);
    assert_eq!(
        issue_lines(&parsed),
        ["theme.accent: as text on the light panel it reaches only 1.63:1, below 4.5:1; the colour is kept for the launcher and buttons, and links on that panel use #8c6a04"]
    );
    assert_eq!(parsed.config.theme.accent, color("#ffc107"));
}

#[test]
fn the_default_blue_configured_with_the_automatic_scheme_is_reported_for_the_dark_panel_only() {
    let parsed = parse_with(r##""theme": {"accent": "#0b57d0"}"##);
    assert_eq!(
        issue_lines(&parsed),
        ["theme.accent: as text on the dark panel it reaches only 2.52:1, below 4.5:1; the colour is kept for the launcher and buttons, and links on that panel use #5489de"]
    );
    let light_only = parse_with(r##""theme": {"accent": "#0b57d0", "scheme": "light"}"##);
    assert_eq!(issue_lines(&light_only), Vec::<String>::new());
}

#[test]
fn a_mid_grey_accent_is_reported_for_the_text_on_it_as_well() {
    // White on #777777 is 4.48:1, the best either text colour can do on it.
    let parsed = parse_with(r##""theme": {"accent": "#777777", "scheme": "light"}"##);
    assert_eq!(
        issue_lines(&parsed),
        [
            "theme.accent: text on it (the launcher, the send button) reaches only 4.47:1 with #ffffff, below 4.5:1; the colour is kept",
            "theme.accent: as text on the light panel it reaches only 4.47:1, below 4.5:1; the colour is kept for the launcher and buttons, and links on that panel use #717171",
        ]
    );
    let passing = parse_with(r##""theme": {"accent": "#767676", "scheme": "light"}"##);
    assert_eq!(issue_lines(&passing), Vec::<String>::new());
}

#[test]
fn hide_on_paths_patterns_match_pages_as_documented() {
    let table = [
        // (pattern, path, hidden)
        ("/checkout", "/checkout", true),
        ("/checkout", "/checkout/", true),
        ("/checkout/", "/checkout", true),
        ("/checkout", "/checkout/done", false),
        ("/checkout", "/Checkout", false),
        ("/", "/", true),
        ("/", "/about", false),
        ("/cart/*", "/cart", true),
        ("/cart/*", "/cart/", true),
        ("/cart/*", "/cart/items/2", true),
        ("/cart/*", "/cartoon", false),
        ("/blog*", "/blog", true),
        ("/blog*", "/blog-post", true),
        ("/blog*", "/news/blog", false),
        ("/*", "/anything/at/all", true),
    ];
    for (pattern, path, hidden) in table {
        assert_eq!(PathPattern::parse(pattern).unwrap().matches(path), hidden, "{pattern} on {path}");
    }
}
