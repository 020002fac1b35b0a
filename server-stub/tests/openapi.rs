//! `docs/openapi.json` against the server: every response the server gives in a table of exchanges
//! is documented (path, method, status, required headers) and its JSON body validates against the
//! documented schema; every documented response is one the table produced; the request schema lists
//! exactly the fields of `contact_core::callback::CallbackRequest`; the error codes are exactly
//! `ErrorCode::ALL`; the documented example request is accepted.
//!
//! Schemas are checked by a small validator written for this document: it knows `$ref`, `type`,
//! `enum`, `const`, `properties`, `required`, `additionalProperties: false`, `items`, `minItems`,
//! `minimum`, `minLength`, `maxLength` and `oneOf`, and fails on any other keyword except the
//! annotations `description`, `format`, `pattern` and `example`, which it does not check.

mod common;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{get, Fixture, TestResponse};
use contact_core::callback::{CallbackRequest, Consent, ErrorCode, PreferredSlot};
use serde_json::{json, Value};

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/openapi.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// One request the server answered, under the documented path template it belongs to.
struct Exchange {
    template: &'static str,
    method: &'static str,
    response: TestResponse,
}

fn json_post(body: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::post("/api/v1/callbacks").header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from(body.to_owned())).unwrap()
}

async fn exchanges(spec: &Value) -> Vec<Exchange> {
    const CALLBACKS: &str = "/api/v1/callbacks";
    let mut seen = Vec::new();
    let mut record = |template, method, response: TestResponse| seen.push(Exchange { template, method, response });

    let fixture = Fixture::with_config("allowed_origins = [\"https://shop.example\"]\n[rate_limit]\nburst = 100");
    let example = &spec["paths"][CALLBACKS]["post"]["requestBody"]["content"]["application/json"]["example"];
    record(CALLBACKS, "post", fixture.post(example, &[]).await);
    record(CALLBACKS, "post", fixture.post(&fixture.payload("+7 495 000-00-01"), &[]).await);
    record(CALLBACKS, "post", fixture.post(&fixture.payload("+7 495 000-00-01"), &[]).await);
    record(CALLBACKS, "post", fixture.send(json_post("{", &[])).await);
    record(
        CALLBACKS,
        "post",
        fixture.post(&fixture.payload("+7 495 000-00-02"), &[("origin", "https://evil.example")]).await,
    );
    record(CALLBACKS, "post", fixture.send(json_post(&"x".repeat(20_000), &[])).await);
    let wrong_type = Request::post(CALLBACKS).header("content-type", "text/plain").body(Body::from("{}")).unwrap();
    record(CALLBACKS, "post", fixture.send(wrong_type).await);
    record(CALLBACKS, "post", fixture.post(&json!({"phone": "12"}), &[]).await);
    let preflight = |origin: &str| {
        Request::options(CALLBACKS)
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .body(Body::empty())
            .unwrap()
    };
    record(CALLBACKS, "options", fixture.send(preflight("https://shop.example")).await);
    record(CALLBACKS, "options", fixture.send(preflight("https://evil.example")).await);
    record("/api/v1/form-token", "get", fixture.send(get("/api/v1/form-token", &[])).await);
    record(
        "/api/v1/form-token",
        "get",
        fixture.send(get("/api/v1/form-token", &[("origin", "https://evil.example")])).await,
    );
    record("/contact.json", "get", fixture.send(get("/contact.json", &[])).await);
    record("/healthz", "get", fixture.send(get("/healthz", &[])).await);
    record("/", "get", fixture.send(get("/", &[])).await);
    record("/demo-site/{path}", "get", fixture.send(get("/demo-site/hostile.html", &[])).await);
    record("/demo-site/{path}", "get", fixture.send(get("/demo-site/missing.html", &[])).await);
    record("/widget/{file}", "get", fixture.send(get("/widget/contact-widget.js", &[("accept-encoding", "br")])).await);
    record("/widget/{file}", "get", fixture.send(get("/widget/missing.js", &[])).await);

    let limited = Fixture::with_config("[rate_limit]\nburst = 1");
    limited.post(&limited.payload("+7 495 000-00-03"), &[]).await;
    record(CALLBACKS, "post", limited.post(&limited.payload("+7 495 000-00-04"), &[]).await);

    let broken = Fixture::new();
    broken.state.db.run_blocking(|c| Ok(c.execute_batch("DROP TABLE idempotency_keys")?)).unwrap();
    record(CALLBACKS, "post", broken.post(&broken.payload("+7 495 000-00-05"), &[]).await);
    seen
}

#[tokio::test]
async fn every_response_the_server_gives_is_documented_and_matches_its_schema() {
    let spec = spec();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"), "OpenAPI 3.1");
    let exchanges = exchanges(&spec).await;
    assert_eq!(exchanges[0].response.status, StatusCode::CREATED, "the documented example request is accepted");

    let mut produced = BTreeSet::new();
    for exchange in &exchanges {
        let status = exchange.response.status.as_u16().to_string();
        let label = format!("{} {} → {status}", exchange.method, exchange.template);
        let documented = &spec["paths"][exchange.template][exchange.method]["responses"][&status];
        assert!(!documented.is_null(), "{label} is not documented");
        let documented = resolve(&spec, documented);
        produced.insert((exchange.template.to_owned(), exchange.method.to_owned(), status.clone()));

        if let Some(headers) = documented["headers"].as_object() {
            for (name, header) in headers.iter().filter(|(_, header)| header["required"] == true) {
                let actual = exchange.response.header(name).unwrap_or_else(|| panic!("{label}: missing header {name}"));
                let value = match actual.parse::<i64>() {
                    Ok(number) if header["schema"]["type"] == "integer" => json!(number),
                    _ => json!(actual),
                };
                assert_valid(&spec, &header["schema"], &value, &format!("{label} header {name}"));
            }
        }
        if let Some(content) = documented["content"].as_object() {
            let content_type = exchange.response.header("content-type").unwrap_or_default();
            let (media_type, media) = content.iter().next().unwrap();
            assert!(
                content_type.starts_with(media_type.as_str()),
                "{label}: content type {content_type}, documented {media_type}"
            );
            if media_type == "application/json" {
                assert_valid(&spec, &media["schema"], &exchange.response.json(), &label);
            }
        }
    }

    for (path, operations) in spec["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            for status in operation["responses"].as_object().unwrap().keys() {
                let key = (path.clone(), method.clone(), status.clone());
                assert!(
                    produced.contains(&key),
                    "{method} {path} → {status} is documented but no exchange produced it"
                );
            }
        }
    }
}

#[test]
fn the_request_schema_lists_exactly_the_payload_fields() {
    let spec = spec();
    let full = CallbackRequest {
        idempotency_key: "k".into(),
        phone: "p".into(),
        name: Some("n".into()),
        department: Some("d".into()),
        topic: Some("t".into()),
        preferred_slot: Some(PreferredSlot { utc: "u".into(), zone: "z".into() }),
        visitor_zone: Some("z".into()),
        page_url: Some("u".into()),
        locale: Some("l".into()),
        consent: Some(Consent { given: true, version: "v".into() }),
        honeypot: String::new(),
        form_token: Some("f".into()),
    };
    let serialised = serde_json::to_value(&full).unwrap();
    let schemas = &spec["components"]["schemas"];
    for (schema, value) in [
        ("CallbackRequest", &serialised),
        ("PreferredSlot", &serialised["preferredSlot"]),
        ("Consent", &serialised["consent"]),
    ] {
        let documented: BTreeSet<&String> = schemas[schema]["properties"].as_object().unwrap().keys().collect();
        let actual: BTreeSet<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(documented, actual, "{schema}");
    }
    assert_valid(&spec, &json!({"$ref": "#/components/schemas/CallbackRequest"}), &serialised, "a full payload");
}

#[test]
fn the_documented_error_codes_are_exactly_the_servers() {
    let spec = spec();
    let documented: BTreeSet<&str> = spec["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|code| code.as_str().unwrap())
        .collect();
    let actual: BTreeSet<&str> = ErrorCode::ALL.iter().map(|code| code.as_str()).collect();
    assert_eq!(documented, actual);
}

#[test]
fn the_validator_rejects_what_it_should() {
    let spec = spec();
    let accepted = |schema: &str, value: Value| {
        errors(&spec, &json!({"$ref": format!("#/components/schemas/{schema}")}), &value).is_empty()
    };
    assert!(accepted(
        "CallbackAccepted",
        json!({"id": "CB-000001", "promise": {"kind": "within", "minutes": 15, "text": "t"}})
    ));
    assert!(!accepted("CallbackAccepted", json!({"id": "CB-000001"})), "missing promise");
    assert!(
        !accepted("CallbackAccepted", json!({"id": 1, "promise": {"kind": "within", "minutes": 15, "text": "t"}})),
        "id not a string"
    );
    assert!(!accepted("CallbackPromise", json!({"kind": "later", "minutes": 15, "text": "t"})), "unknown kind");
    assert!(!accepted("CallbackPromise", json!({"kind": "within", "minutes": 0, "text": "t"})), "below minimum");
    assert!(!accepted("ErrorBody", json!({"errors": []})), "no errors");
    assert!(
        !accepted("ErrorBody", json!({"errors": [{"field": null, "code": "nope", "message": "m"}]})),
        "unknown code"
    );
    assert!(
        !accepted("FieldError", json!({"field": null, "code": "internal", "message": "m", "detail": "x"})),
        "extra field"
    );
    assert!(
        !accepted("CallbackRequest", json!({"idempotencyKey": "k", "phone": "p", "name": "я".repeat(101)})),
        "name too long"
    );
    assert!(
        !accepted("CallbackRequest", json!({"idempotencyKey": "k", "phone": "p", "consent": "yes"})),
        "consent not an object"
    );
}

fn resolve<'a>(spec: &'a Value, node: &'a Value) -> &'a Value {
    match node["$ref"].as_str() {
        Some(reference) => {
            let pointer = reference.strip_prefix('#').unwrap_or_else(|| panic!("only local references: {reference}"));
            resolve(spec, spec.pointer(pointer).unwrap_or_else(|| panic!("dangling reference {reference}")))
        }
        None => node,
    }
}

fn assert_valid(spec: &Value, schema: &Value, value: &Value, label: &str) {
    let problems = errors(spec, schema, value);
    assert!(problems.is_empty(), "{label}: {problems:?} in {value}");
}

fn errors(spec: &Value, schema: &Value, value: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    check(spec, schema, value, "$", &mut problems);
    problems
}

fn check(spec: &Value, schema: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
    let schema = resolve(spec, schema);
    for (keyword, argument) in schema.as_object().unwrap() {
        match keyword.as_str() {
            "description" | "format" | "pattern" | "example" => {}
            "type" => {
                let types: Vec<&str> = match argument {
                    Value::Array(types) => types.iter().map(|t| t.as_str().unwrap()).collect(),
                    single => vec![single.as_str().unwrap()],
                };
                let matches = |kind: &str| match kind {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "integer" => value.is_i64() || value.is_u64(),
                    "number" => value.is_number(),
                    "boolean" => value.is_boolean(),
                    "null" => value.is_null(),
                    other => panic!("unknown type {other}"),
                };
                if !types.iter().any(|kind| matches(kind)) {
                    problems.push(format!("{at}: not of type {types:?}"));
                }
            }
            "enum" if !argument.as_array().unwrap().contains(value) => {
                problems.push(format!("{at}: not one of {argument}"))
            }
            "const" if argument != value => problems.push(format!("{at}: not {argument}")),
            "enum" | "const" => {}
            "properties" => {
                for (name, property) in argument.as_object().unwrap() {
                    if let Some(item) = value.get(name) {
                        check(spec, property, item, &format!("{at}.{name}"), problems);
                    }
                }
            }
            "required" => {
                for name in argument.as_array().unwrap() {
                    if value.is_object() && value.get(name.as_str().unwrap()).is_none() {
                        problems.push(format!("{at}: missing {name}"));
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(argument, &Value::Bool(false), "only `additionalProperties: false` is supported");
                let known = schema["properties"].as_object().unwrap();
                for name in value.as_object().into_iter().flat_map(|object| object.keys()) {
                    if !known.contains_key(name) {
                        problems.push(format!("{at}: unexpected {name}"));
                    }
                }
            }
            "items" => {
                for (index, item) in value.as_array().into_iter().flatten().enumerate() {
                    check(spec, argument, item, &format!("{at}[{index}]"), problems);
                }
            }
            "minItems" if value.as_array().is_some_and(|items| (items.len() as u64) < argument.as_u64().unwrap()) => {
                problems.push(format!("{at}: fewer than {argument} items"));
            }
            "minimum" if value.as_f64().is_some_and(|number| number < argument.as_f64().unwrap()) => {
                problems.push(format!("{at}: below {argument}"));
            }
            "minLength"
                if value.as_str().is_some_and(|text| (text.chars().count() as u64) < argument.as_u64().unwrap()) =>
            {
                problems.push(format!("{at}: shorter than {argument}"));
            }
            "maxLength"
                if value.as_str().is_some_and(|text| (text.chars().count() as u64) > argument.as_u64().unwrap()) =>
            {
                problems.push(format!("{at}: longer than {argument}"));
            }
            "minItems" | "minimum" | "minLength" | "maxLength" => {}
            "oneOf" => {
                let matching =
                    argument.as_array().unwrap().iter().filter(|option| errors(spec, option, value).is_empty()).count();
                if matching != 1 {
                    problems.push(format!("{at}: matches {matching} of oneOf"));
                }
            }
            other => panic!("the validator does not support the keyword {other:?}; extend it or simplify the schema"),
        }
    }
}
