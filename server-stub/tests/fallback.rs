//! `GET /widget/fallback.json`: the served configuration's contacts as plain links, computed by the
//! server (not a file in `widget_dist`), revalidated like `/contact.json`, and public like every
//! widget file.

mod common;

use axum::http::StatusCode;
use common::{get, Fixture};
use serde_json::json;

#[tokio::test]
async fn fallback_lists_the_served_configurations_links_in_both_languages_and_is_revalidated() {
    let fixture = Fixture::new();
    let response = fixture.send(get("/widget/fallback.json", &[])).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(response.header("cache-control"), Some("no-cache"));
    let sales = json!([{"name": "Продажи", "links": [
        {"label": "Позвонить: +7 495 123-45-67", "href": "tel:+74951234567"}
    ]}]);
    let document = response.json();
    assert_eq!(document["ru"], json!({"title": "Южный ветер", "close": "Закрыть", "departments": sales}));
    assert_eq!(document["en"]["close"], "Close");
    assert_eq!(document["en"]["departments"][0]["links"][0]["label"], "Call: +7 495 123-45-67");
}

#[tokio::test]
async fn fallback_is_served_to_an_allowed_origin_with_cors_like_the_other_widget_files() {
    let fixture = Fixture::with_config(r#"allowed_origins = ["https://shop.example"]"#);
    let response = fixture.send(get("/widget/fallback.json", &[("origin", "https://shop.example")])).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header("access-control-allow-origin"), Some("https://shop.example"));
}
