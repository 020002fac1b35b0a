//! `POST /api/v1/callbacks`, `GET /api/v1/form-token`, CORS and the small routes, driven with
//! `oneshot` against a real SQLite file in a temporary directory.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{Fixture, PEER};
use serde_json::{json, Value};

const PHONE: &str = "8 (916) 123-45-67";

#[tokio::test]
async fn a_valid_request_is_stored_and_answered_201_with_a_number_and_a_russian_promise() {
    let fixture = Fixture::new();
    let response = fixture.post(&fixture.payload(PHONE), &[]).await;

    assert_eq!(response.status, StatusCode::CREATED);
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(
        response.json(),
        json!({"id": "CB-000001", "promise": {
            "kind": "slot", "at": "2025-06-16T07:00:00Z", "text": "Позвоним завтра в 14:00 по вашему времени"
        }})
    );
    let stored = fixture.stored();
    assert_eq!(stored.len(), 1);
    let record = &stored[0].record;
    assert_eq!(record.phone, "+79161234567");
    assert_eq!(record.name.as_deref(), Some("Анна"));
    assert_eq!(record.department.as_deref(), Some("sales"));
    assert_eq!(
        record.preferred_slot.as_ref().map(|slot| (slot.utc.as_str(), slot.zone.as_str())),
        Some(("2025-06-16T07:00:00.000Z", "Europe/Moscow"))
    );
    assert_eq!(record.visitor_zone.as_deref(), Some("Asia/Novosibirsk"));
    assert_eq!(record.locale, "ru");
    assert_eq!(record.created_at, "2025-06-15T12:00:00.000Z");
    let consent = record.consent.as_ref().unwrap();
    assert_eq!(
        (consent.version.as_str(), consent.at.as_str(), consent.page.as_deref()),
        ("2024-06", "2025-06-15T12:00:00.000Z", Some("https://yuzhny-veter.example/tours"))
    );
    assert_eq!(consent.ip, std::net::Ipv4Addr::from(PEER).to_string());
    assert_eq!(record.quarantine, None);
}

/// The Moscow office: weekdays 10:00–19:00, a 15-minute callback target. The fixture's clock
/// reads Sunday 15 June 2025, 15:00 in Moscow.
const MOSCOW_OFFICE: &str = r#"{
  "company": "Южный ветер",
  "defaultCountry": "RU",
  "hours": {
    "zone": "Europe/Moscow",
    "weekly": { "mon": ["10:00-19:00"], "tue": ["10:00-19:00"], "wed": ["10:00-19:00"],
                "thu": ["10:00-19:00"], "fri": ["10:00-19:00"] },
    "targets": { "callbackMinutes": 15 }
  },
  "departments": [
    {"id": "sales", "name": "Продажи", "contacts": [{"type": "phone", "number": "8 (495) 123-45-67"}]}
  ]
}"#;

#[tokio::test]
async fn the_promise_comes_from_the_departments_hours_on_the_visitors_clock_in_the_request_language() {
    let fixture = Fixture::with_site("", MOSCOW_OFFICE);
    let mut sunday = fixture.payload(PHONE);
    sunday["preferredSlot"] = Value::Null;
    let response = fixture.post(&sunday, &[]).await;
    assert_eq!(response.status, StatusCode::CREATED);
    assert_eq!(
        response.json()["promise"],
        json!({
            "kind": "by", "at": "2025-06-16T07:15:00Z", "reason": "closed",
            "text": "Сейчас мы не работаем. Перезвоним завтра до 14:15 по вашему времени (10:15 по Москве)"
        })
    );

    // Monday 11:00 in Moscow: open for hours yet, so "within" the target, in English.
    fixture.advance(20 * 3600);
    let mut monday = fixture.payload("+7 916 765-43-21");
    monday["preferredSlot"] = Value::Null;
    monday["locale"] = json!("en-GB");
    let response = fixture.post(&monday, &[]).await;
    assert_eq!(
        response.json()["promise"],
        json!({"kind": "within", "minutes": 15, "text": "We will call you back within 15 minutes"})
    );
}

#[tokio::test]
async fn a_chosen_slot_is_confirmed_in_both_zones_and_one_outside_hours_is_refused_with_nothing_stored() {
    let fixture = Fixture::with_site("", MOSCOW_OFFICE);
    // Monday 16 June 2025, 12:30 in Moscow: 16:30 in Novosibirsk.
    let response = fixture.post(&fixture.payload(PHONE), &[]).await;
    assert_eq!(response.status, StatusCode::CREATED);
    assert_eq!(
        response.json()["promise"],
        json!({
            "kind": "slot", "at": "2025-06-16T07:00:00Z",
            "text": "Позвоним завтра в 14:00 по вашему времени (10:00 по Москве)"
        })
    );

    // Saturday is closed.
    let mut saturday = fixture.payload("+7 916 765-43-21");
    saturday["preferredSlot"] = json!({"utc": "2025-06-21T09:00:00Z", "zone": "Asia/Novosibirsk"});
    let response = fixture.post(&saturday, &[]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.json()["errors"],
        json!([{
            "field": "preferredSlot.utc", "code": "slot_unavailable",
            "message": "В это время мы не сможем позвонить, выберите другое"
        }])
    );
    assert_eq!(fixture.stored().len(), 1);
}

#[tokio::test]
async fn without_working_hours_the_promise_is_the_default_target() {
    let fixture = Fixture::new();
    let mut payload = fixture.payload(PHONE);
    payload["preferredSlot"] = Value::Null;
    payload["locale"] = json!("en-GB");
    let response = fixture.post(&payload, &[]).await;
    assert_eq!(
        response.json()["promise"],
        json!({"kind": "within", "minutes": 15, "text": "We will call you back within 15 minutes"})
    );
}

#[tokio::test]
async fn bodies_that_are_not_a_json_object_are_400_in_the_accept_language() {
    let fixture = Fixture::new();
    for body in ["{\"phone\": ", "[1, 2]", "\"text\"", ""] {
        let request = Request::post("/api/v1/callbacks")
            .header("content-type", "application/json")
            .header("accept-language", "ru-RU,ru;q=0.9")
            .body(Body::from(body))
            .unwrap();
        let response = fixture.send(request).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(
            response.json(),
            json!({"errors": [{"field": null, "code": "malformed_json", "message": "Запрос повреждён, обновите страницу"}]}),
            "{body:?}"
        );
    }
}

#[tokio::test]
async fn a_body_over_16_kib_is_413() {
    let fixture = Fixture::new();
    let mut payload = fixture.payload(PHONE);
    payload["topic"] = json!("x".repeat(17 * 1024));
    let response = fixture.post(&payload, &[]).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.error_codes(), [(None, "payload_too_large".to_owned())]);
    assert!(fixture.stored().is_empty());
}

#[tokio::test]
async fn a_body_not_declared_as_json_is_415() {
    let fixture = Fixture::new();
    let body = fixture.payload(PHONE).to_string();
    for content_type in [Some("text/plain"), Some("application/x-www-form-urlencoded"), None] {
        let mut request = Request::post("/api/v1/callbacks");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = fixture.send(request.body(Body::from(body.clone())).unwrap()).await;
        assert_eq!(response.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{content_type:?}");
        assert_eq!(response.error_codes(), [(None, "unsupported_media_type".to_owned())]);
    }
}

#[tokio::test]
async fn invalid_fields_are_422_with_codes_and_messages_in_the_payload_language() {
    let fixture = Fixture::new();
    let mut payload = fixture.payload("+7 12");
    payload["department"] = json!("marketing");
    payload["consent"] = json!({"given": false, "version": "2024-06"});
    let response = fixture.post(&payload, &[("accept-language", "en")]).await;

    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.json(),
        json!({"errors": [
            {"field": "phone", "code": "phone_too_short", "message": "В номере телефона не хватает цифр"},
            {"field": "department", "code": "unknown_department", "message": "Такого отдела нет"},
            {"field": "consent", "code": "consent_required", "message": "Нужно согласие на обработку персональных данных"},
        ]})
    );
    assert!(fixture.stored().is_empty());
}

#[tokio::test]
async fn a_field_of_the_wrong_json_type_is_422_naming_its_path() {
    let fixture = Fixture::new();
    let mut payload = fixture.payload(PHONE);
    payload["consent"] = json!({"given": "yes", "version": "2024-06"});
    let response = fixture.post(&payload, &[]).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.error_codes(), [(Some("consent.given".to_owned()), "invalid_type".to_owned())]);
}

#[tokio::test]
async fn missing_consent_is_422_when_the_configuration_requires_it_and_fine_otherwise() {
    for (config, expected) in
        [("", StatusCode::UNPROCESSABLE_ENTITY), ("[callbacks]\nconsent_required = false", StatusCode::CREATED)]
    {
        let fixture = Fixture::with_config(config);
        let mut payload = fixture.payload(PHONE);
        payload.as_object_mut().unwrap().remove("consent");
        assert_eq!(fixture.post(&payload, &[]).await.status, expected, "{config:?}");
    }
}

#[tokio::test]
async fn a_retry_with_the_same_key_and_body_gets_the_first_response_again() {
    let fixture = Fixture::new();
    let payload = fixture.payload(PHONE);
    let first = fixture.post(&payload, &[]).await;
    fixture.advance(3600);
    let retry = Request::post("/api/v1/callbacks")
        .header("content-type", "application/json; charset=utf-8")
        .header("accept-language", "en")
        .body(Body::from(serde_json::to_string_pretty(&payload).unwrap()))
        .unwrap();
    let second = fixture.send(retry).await;

    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!((second.status, &second.body), (first.status, &first.body));
    assert_eq!(fixture.stored().len(), 1);
}

#[tokio::test]
async fn the_same_key_with_another_body_is_422() {
    let fixture = Fixture::new();
    let payload = fixture.payload(PHONE);
    fixture.post(&payload, &[]).await;
    let mut changed = payload.clone();
    changed["name"] = json!("Борис");
    let response = fixture.post(&changed, &[]).await;

    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.error_codes(), [(Some("idempotencyKey".to_owned()), "idempotency_conflict".to_owned())]);
    assert_eq!(fixture.stored().len(), 1);
}

#[tokio::test]
async fn requests_beyond_the_burst_are_429_with_retry_after_until_the_bucket_refills() {
    let fixture = Fixture::with_config("[rate_limit]\nburst = 2\nper_minute = 1");
    for phone in ["+7 916 000-00-01", "+7 916 000-00-02"] {
        assert_eq!(fixture.post(&fixture.payload(phone), &[]).await.status, StatusCode::CREATED);
    }
    let refused = fixture.post(&fixture.payload("+7 916 000-00-03"), &[("accept-language", "ru")]).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.header("retry-after"), Some("60"));
    assert_eq!(refused.error_codes(), [(None, "rate_limited".to_owned())]);

    fixture.advance(60);
    assert_eq!(fixture.post(&fixture.payload("+7 916 000-00-03"), &[]).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn forwarded_for_decides_the_bucket_only_when_trusted() {
    for (trusted, expected_second) in [(false, StatusCode::TOO_MANY_REQUESTS), (true, StatusCode::CREATED)] {
        let fixture =
            Fixture::with_config(&format!("trust_forwarded_for = {trusted}\n[rate_limit]\nburst = 1\nper_minute = 1"));
        let first = fixture.post(&fixture.payload("+7 916 000-00-01"), &[("x-forwarded-for", "198.51.100.1")]).await;
        let second = fixture.post(&fixture.payload("+7 916 000-00-02"), &[("x-forwarded-for", "198.51.100.2")]).await;
        assert_eq!((first.status, second.status), (StatusCode::CREATED, expected_second), "trusted = {trusted}");
        if trusted {
            assert_eq!(fixture.stored()[0].record.consent.as_ref().unwrap().ip, "198.51.100.1");
        }
    }
}

#[tokio::test]
async fn the_same_phone_within_ten_minutes_gets_the_earlier_number_with_200() {
    let fixture = Fixture::new();
    let first = fixture.post(&fixture.payload("+7 916 123-45-67"), &[]).await;
    fixture.advance(9 * 60);
    let again = fixture.payload("8 916 123 45 67");
    let repeated = fixture.post(&again, &[]).await;

    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(repeated.status, StatusCode::OK);
    assert_eq!(repeated.json()["id"], "CB-000001");
    assert_eq!(fixture.stored().len(), 1);
    let replay = fixture.post(&again, &[]).await;
    assert_eq!(
        (replay.status, &replay.body),
        (StatusCode::OK, &repeated.body),
        "the repeat's key replays the repeat's answer"
    );

    fixture.advance(2 * 60);
    let later = fixture.post(&fixture.payload("+7 916 123-45-67"), &[]).await;
    assert_eq!((later.status, later.json()["id"].as_str()), (StatusCode::CREATED, Some("CB-000002")));
}

#[tokio::test]
async fn bot_signs_are_stored_quarantined_and_answered_like_a_lead() {
    let fixture = Fixture::new();
    type Edit = fn(&Fixture, &mut Value);
    let cases: [(&str, Edit, &str); 5] = [
        ("honeypot filled", |_, p| p["honeypot"] = json!("http://spam.example"), "honeypot"),
        ("sent one second after the token", |f, p| p["formToken"] = json!(f.token_issued_ago(1)), "too_fast"),
        (
            "no token",
            |_, p| {
                p.as_object_mut().unwrap().remove("formToken");
            },
            "missing_token",
        ),
        ("forged token", |_, p| p["formToken"] = json!("1750000000000.00ff"), "invalid_token"),
        (
            "honeypot and too fast",
            |f, p| {
                p["honeypot"] = json!("x");
                p["formToken"] = json!(f.token_issued_ago(0));
            },
            "honeypot,too_fast",
        ),
    ];
    for (index, (case, edit, reason)) in cases.into_iter().enumerate() {
        let mut payload = fixture.payload(PHONE);
        edit(&fixture, &mut payload);
        let response = fixture.post(&payload, &[]).await;
        assert_eq!(response.status, StatusCode::CREATED, "{case}");
        assert_eq!(response.json()["id"], format!("CB-{:06}", index + 1), "{case}");
        assert_eq!(response.json()["promise"]["text"], "Позвоним завтра в 14:00 по вашему времени", "{case}");
        assert_eq!(fixture.stored()[index].record.quarantine.as_deref(), Some(reason), "{case}");
    }
}

#[tokio::test]
async fn quarantined_requests_do_not_count_as_the_phones_earlier_lead() {
    let fixture = Fixture::new();
    let mut bot = fixture.payload(PHONE);
    bot["honeypot"] = json!("x");
    fixture.post(&bot, &[]).await;
    let person = fixture.post(&fixture.payload(PHONE), &[]).await;
    assert_eq!((person.status, person.json()["id"].as_str()), (StatusCode::CREATED, Some("CB-000002")));
}

#[tokio::test]
async fn storage_failures_are_500_without_internals_and_the_key_stays_usable() {
    let fixture = Fixture::new();
    fixture.state.db.run_blocking(|c| Ok(c.execute_batch("ALTER TABLE idempotency_keys RENAME TO gone")?)).unwrap();
    let payload = fixture.payload(PHONE);
    let response = fixture.post(&payload, &[("accept-language", "en")]).await;
    assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        response.json(),
        json!({"errors": [{"field": null, "code": "internal", "message": "Не удалось отправить заявку, попробуйте ещё раз"}]}),
        "the payload's locale wins over Accept-Language, and no SQLite text leaks"
    );

    fixture.state.db.run_blocking(|c| Ok(c.execute_batch("ALTER TABLE gone RENAME TO idempotency_keys")?)).unwrap();
    assert!(fixture.stored().is_empty(), "the failed transaction left nothing behind");
    assert_eq!(fixture.post(&payload, &[]).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_form_token_is_issued_uncached_and_accepted_after_the_fill_time() {
    let fixture = Fixture::new();
    let response = fixture.send(Request::get("/api/v1/form-token").body(Body::empty()).unwrap()).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header("cache-control"), Some("no-store"));
    let token = response.json()["token"].as_str().unwrap().to_owned();
    // The default minimum fill time, which a widget delivering an offline request waits out.
    assert_eq!(response.json()["fillSeconds"], 3);

    fixture.advance(3);
    let mut payload = fixture.payload(PHONE);
    payload["formToken"] = json!(token);
    fixture.post(&payload, &[]).await;
    assert_eq!(fixture.stored()[0].record.quarantine, None);
}

#[tokio::test]
async fn an_allowed_origin_is_echoed_never_a_wildcard() {
    let fixture = Fixture::with_config("allowed_origins = [\"https://shop.example\"]");
    let response = fixture.post(&fixture.payload(PHONE), &[("origin", "https://shop.example")]).await;
    assert_eq!(response.status, StatusCode::CREATED);
    assert_eq!(response.header("access-control-allow-origin"), Some("https://shop.example"));
    assert!(response.header_all("vary").contains("origin"));
    assert_eq!(response.header("access-control-expose-headers"), Some("retry-after"));
}

#[tokio::test]
async fn a_foreign_origin_is_403_without_cors_headers_and_nothing_is_stored() {
    let fixture = Fixture::with_config("allowed_origins = [\"https://shop.example\"]");
    for origin in ["https://evil.example", "null", "https://shop.example.evil.example"] {
        let response = fixture.post(&fixture.payload(PHONE), &[("origin", origin), ("accept-language", "ru")]).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{origin}");
        assert_eq!(response.header("access-control-allow-origin"), None, "{origin}");
        assert_eq!(response.json()["errors"][0]["message"], "Этот сайт не может отправлять заявки");
    }
    assert!(fixture.stored().is_empty());
}

#[tokio::test]
async fn same_origin_requests_pass_without_cors_headers() {
    let fixture = Fixture::new();
    for headers in [vec![], vec![("origin", "http://127.0.0.1:8080"), ("host", "127.0.0.1:8080")]] {
        let response = fixture.post(&fixture.payload(&format!("+7 916 000-00-0{}", headers.len())), &headers).await;
        assert_eq!(response.status, StatusCode::CREATED, "{headers:?}");
        assert_eq!(response.header("access-control-allow-origin"), None);
    }
}

#[tokio::test]
async fn preflights_are_answered_for_allowed_origins_and_refused_for_others() {
    let fixture = Fixture::with_config("allowed_origins = [\"https://shop.example\"]");
    let preflight = |origin: &str| {
        Request::options("/api/v1/callbacks")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .body(Body::empty())
            .unwrap()
    };
    let allowed = fixture.send(preflight("https://shop.example")).await;
    assert_eq!(allowed.status, StatusCode::NO_CONTENT);
    assert_eq!(allowed.header("access-control-allow-origin"), Some("https://shop.example"));
    assert_eq!(allowed.header("access-control-allow-methods"), Some("GET, POST"));
    assert!(allowed.header("access-control-allow-headers").unwrap().contains("content-type"));
    assert_eq!(allowed.header("access-control-max-age"), Some("600"));

    let refused = fixture.send(preflight("https://evil.example")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn healthz_answers_ok() {
    let fixture = Fixture::new();
    let response = fixture.send(Request::get("/healthz").body(Body::empty()).unwrap()).await;
    assert_eq!((response.status, &response.body[..]), (StatusCode::OK, &b"ok"[..]));
}

#[tokio::test]
async fn unknown_paths_and_methods_are_refused() {
    let fixture = Fixture::new();
    let cases = [
        ("GET", "/api/v1/nothing", StatusCode::NOT_FOUND),
        ("GET", "/wp-admin", StatusCode::NOT_FOUND),
        ("GET", "/api/v1/callbacks", StatusCode::METHOD_NOT_ALLOWED),
    ];
    for (method, path, expected) in cases {
        let response = fixture.send(Request::builder().method(method).uri(path).body(Body::empty()).unwrap()).await;
        assert_eq!(response.status, expected, "{method} {path}");
    }
    let response = fixture.send(Request::get("/nope").body(Body::empty()).unwrap()).await;
    assert_eq!(response.error_codes(), [(None, "not_found".to_owned())]);
}

#[tokio::test]
async fn every_response_forbids_content_sniffing() {
    let fixture = Fixture::new();
    for path in ["/", "/healthz", "/contact.json", "/nope", "/widget/contact-widget.js"] {
        let response = fixture.send(Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"), "{path}");
    }
}
