//! The request's language decides the language of what the server words for the visitor, and the
//! site owner's `texts` replace shipped sentences there too; driven with `oneshot`.

mod common;

use axum::http::StatusCode;
use common::{Fixture, CONTACT_JSON};
use serde_json::{json, Value};

#[tokio::test]
async fn a_ukrainian_request_gets_ukrainian_error_messages() {
    let fixture = Fixture::new();
    let mut payload = fixture.payload("+7 12");
    payload["locale"] = json!("uk-UA");
    payload["department"] = json!("marketing");
    let response = fixture.post(&payload, &[("accept-language", "ru")]).await;

    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.json(),
        json!({"errors": [
            {"field": "phone", "code": "phone_too_short", "message": "У номері телефону бракує цифр"},
            {"field": "department", "code": "unknown_department", "message": "Такого відділу немає"},
        ]})
    );
}

#[tokio::test]
async fn a_ukrainian_request_gets_a_ukrainian_promise() {
    let fixture = Fixture::new();
    let mut payload = fixture.payload("8 (916) 123-45-67");
    payload["locale"] = json!("uk");
    let response = fixture.post(&payload, &[]).await;

    assert_eq!(response.status, StatusCode::CREATED);
    let text = response.json()["promise"]["text"].as_str().unwrap().to_owned();
    assert!(text.starts_with("Зателефонуємо завтра о "), "{text}");
}

#[tokio::test]
async fn the_owners_texts_replace_the_shipped_error_messages_and_promise() {
    let mut site: Value = serde_json::from_str(CONTACT_JSON).unwrap();
    site["texts"] = json!({
        "ru": {"errors.phone_too_short": "Номер короткий", "promise.slot": "Наберём {day} в {time}"},
    });
    let fixture = Fixture::with_site("", &site.to_string());

    let response = fixture.post(&fixture.payload("+7 12"), &[]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.json()["errors"][0]["message"], "Номер короткий");

    let response = fixture.post(&fixture.payload("8 (916) 123-45-67"), &[]).await;
    assert_eq!(response.status, StatusCode::CREATED);
    let text = response.json()["promise"]["text"].as_str().unwrap().to_owned();
    assert!(text.starts_with("Наберём завтра в "), "{text}");
}
