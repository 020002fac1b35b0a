//! Static serving: pages, the widget with precompressed files and cache rules, `/contact.json`,
//! and no way out of the served directories.

mod common;

use axum::http::StatusCode;
use common::{get, Fixture, CONTACT_JSON};

#[tokio::test]
async fn pages_are_served_as_html_and_revalidated() {
    let fixture = Fixture::new();
    for (path, title) in [("/", "demo"), ("/demo-site/hostile.html", "hostile")] {
        let response = fixture.send(get(path, &[])).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert_eq!(response.header("content-type"), Some("text/html"), "{path}");
        assert_eq!(response.header("cache-control"), Some("no-cache"), "{path}");
        assert!(String::from_utf8_lossy(&response.body).contains(title), "{path}");
    }
}

#[tokio::test]
async fn widget_files_come_precompressed_per_accept_encoding_with_brotli_preferred() {
    let fixture = Fixture::new();
    let cases = [
        (Some("gzip, deflate, br, zstd"), Some("br"), "br:\0asm"),
        (Some("br;q=0.5, gzip"), Some("gzip"), "gz:\0asm"),
        (Some("gzip"), Some("gzip"), "gz:\0asm"),
        (Some("identity"), None, "\0asm"),
        (None, None, "\0asm"),
    ];
    for (accept, encoding, body) in cases {
        let headers: Vec<_> = accept.map(|value| ("accept-encoding", value)).into_iter().collect();
        let response = fixture.send(get("/widget/contact-widget-3f2a9c1b.wasm", &headers)).await;
        assert_eq!(response.status, StatusCode::OK, "{accept:?}");
        assert_eq!(response.header("content-encoding"), encoding, "{accept:?}");
        assert_eq!(response.header("content-type"), Some("application/wasm"), "{accept:?}");
        assert!(response.header_all("vary").contains("accept-encoding"), "{accept:?}");
        assert_eq!(&response.body[..], body.as_bytes(), "{accept:?}");
    }
}

#[tokio::test]
async fn the_loader_is_cached_briefly_and_hashed_files_for_a_year() {
    let fixture = Fixture::new();
    let cases = [
        ("contact-widget.js", "text/javascript", "public, max-age=300"),
        ("contact-widget-3f2a9c1b.js", "text/javascript", "public, max-age=31536000, immutable"),
        ("contact-widget-3f2a9c1b.wasm", "application/wasm", "public, max-age=31536000, immutable"),
        ("contact-widget-3f2a9c1b.css", "text/css", "public, max-age=31536000, immutable"),
        ("icon.svg", "image/svg+xml", "no-cache"),
        ("icon.png", "image/png", "no-cache"),
        ("manifest.json", "application/json", "no-cache"),
    ];
    for (file, content_type, cache) in cases {
        let response = fixture.send(get(&format!("/widget/{file}"), &[("accept-encoding", "br")])).await;
        assert_eq!(response.status, StatusCode::OK, "{file}");
        assert_eq!(response.header("content-type"), Some(content_type), "{file}");
        assert_eq!(response.header("cache-control"), Some(cache), "{file}");
    }
}

#[tokio::test]
async fn a_missing_widget_file_is_404_and_never_cached() {
    let fixture = Fixture::new();
    let response = fixture.send(get("/widget/contact-widget-00000000.wasm", &[])).await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(response.header("cache-control"), None);
}

#[tokio::test]
async fn paths_cannot_climb_out_of_the_served_directories() {
    let fixture = Fixture::new();
    let attempts = [
        "/widget/../secret.txt",
        "/widget/../../secret.txt",
        "/widget/%2e%2e/%2e%2e/secret.txt",
        "/widget/..%2f..%2fsecret.txt",
        "/widget/%2E%2E%5C%2E%2E%5Csecret.txt",
        "/demo-site/../secret.txt",
        "/demo-site/%2e%2e/secret.txt",
        "/demo-site//etc/passwd",
        "/demo-site/%2fetc%2fpasswd",
        "/widget/....//secret.txt",
    ];
    for path in attempts {
        let response = fixture.send(get(path, &[])).await;
        assert!(response.status.is_client_error(), "{path}: {}", response.status);
        let body = String::from_utf8_lossy(&response.body);
        assert!(!body.contains("TOP-SECRET") && !body.contains("root:"), "{path} leaked a file");
    }
}

#[tokio::test]
async fn the_widget_configuration_is_served_as_json_and_revalidated() {
    let fixture = Fixture::new();
    let response = fixture.send(get("/contact.json", &[])).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(response.header("cache-control"), Some("no-cache"));
    assert_eq!(response.header("content-encoding"), None);
    assert_eq!(&response.body[..], CONTACT_JSON.as_bytes());
}

/// `body` decoded per its `Content-Encoding` (`br`, `gzip` or none).
fn decoded(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut plain = Vec::new();
    match encoding {
        Some("br") => brotli::Decompressor::new(body, 4096).read_to_end(&mut plain).unwrap(),
        Some("gzip") => flate2::read::GzDecoder::new(body).read_to_end(&mut plain).unwrap(),
        None => return body.to_vec(),
        Some(other) => panic!("unexpected content-encoding {other}"),
    };
    plain
}

#[tokio::test]
async fn the_configuration_and_the_fallback_links_are_compressed_per_accept_encoding() {
    let fixture = Fixture::new();
    let plain_fallback = fixture.send(get("/widget/fallback.json", &[])).await.body;
    for (path, plain) in [("/contact.json", CONTACT_JSON.as_bytes()), ("/widget/fallback.json", &plain_fallback[..])] {
        for (accept, encoding) in [("gzip, deflate, br, zstd", Some("br")), ("gzip", Some("gzip")), ("identity", None)]
        {
            let response = fixture.send(get(path, &[("accept-encoding", accept)])).await;
            assert_eq!(response.status, StatusCode::OK, "{path} {accept}");
            assert_eq!(response.header("content-encoding"), encoding, "{path} {accept}");
            assert_eq!(response.header("content-type"), Some("application/json"), "{path} {accept}");
            assert_eq!(response.header("cache-control"), Some("no-cache"), "{path} {accept}");
            assert!(response.header_all("vary").contains("accept-encoding"), "{path} {accept}");
            if encoding.is_some() {
                assert!(
                    response.body.len() < plain.len(),
                    "{path} {accept}: {} of {} bytes",
                    response.body.len(),
                    plain.len()
                );
            }
            assert_eq!(decoded(encoding, &response.body), plain, "{path} {accept}");
        }
    }
}

#[tokio::test]
async fn widget_files_carry_cors_headers_only_for_allowed_origins() {
    let fixture = Fixture::with_config("allowed_origins = [\"https://shop.example\"]");
    let cases = [("https://shop.example", Some("https://shop.example")), ("https://evil.example", None)];
    for (origin, expected) in cases {
        for path in ["/widget/contact-widget-3f2a9c1b.js", "/contact.json"] {
            let response = fixture.send(get(path, &[("origin", origin)])).await;
            assert_eq!(response.status, StatusCode::OK, "{path} from {origin}");
            assert_eq!(response.header("access-control-allow-origin"), expected, "{path} from {origin}");
            assert!(response.header_all("vary").contains("origin"), "{path} from {origin}");
        }
    }
}
