//! The real binary on a loopback port: start-up from a configuration file, a stored request,
//! graceful shutdown on SIGTERM, and `callbacks list` reading what was stored.

mod common;

use common::{http, new_key, write_binary_config, Server};
use serde_json::{json, Value};

#[test]
fn a_posted_request_is_listed_by_the_command_line_after_a_graceful_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_binary_config(dir.path(), "[callbacks]\nmin_fill_seconds = 0\n");
    let mut server = Server::start(dir.path(), &config);

    let token: Value =
        serde_json::from_str(&http(server.address, "GET", "/api/v1/form-token", &[], "").unwrap().body).unwrap();
    let key = new_key();
    let payload = json!({
        "idempotencyKey": key,
        "phone": "8 (916) 123-45-67 доб. 12",
        "name": "Анна",
        "department": "sales",
        "locale": "ru",
        "pageUrl": "https://yuzhny-veter.example/",
        "consent": {"given": true, "version": "2024-06"},
        "honeypot": "",
        "formToken": token["token"],
    });
    let response = http(
        server.address,
        "POST",
        "/api/v1/callbacks",
        &[("Content-Type", "application/json")],
        &payload.to_string(),
    )
    .unwrap();
    assert_eq!(response.status, 201, "{}", response.body);
    let answer: Value = serde_json::from_str(&response.body).unwrap();
    assert_eq!(answer["id"], "CB-000001");

    let terminated =
        std::process::Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status().unwrap();
    assert!(terminated.success());
    let status = server.child.wait().unwrap();
    assert!(status.success(), "SIGTERM ends the server cleanly, got {status}");
    assert!(dir.path().join("data/callbacks.sqlite3").is_file());
    assert!(dir.path().join("data/form-token.key").is_file());

    let listed: Value =
        serde_json::from_str(&Server::run(dir.path(), &["--config", "server.toml", "callbacks", "list", "--json"]))
            .unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let entry = &listed[0];
    assert_eq!(entry["id"], "CB-000001");
    assert_eq!(entry["phone"], "+79161234567");
    assert_eq!(entry["phoneExtension"], "12");
    assert_eq!(entry["name"], "Анна");
    assert_eq!(entry["department"], "sales");
    assert_eq!(entry["locale"], "ru");
    assert_eq!(entry["idempotencyKey"], key.as_str());
    assert_eq!(entry["quarantine"], Value::Null);
    assert_eq!(entry["consent"]["version"], "2024-06");
    assert_eq!(entry["consent"]["ip"], "127.0.0.1");
    assert_eq!(entry["consent"]["page"], "https://yuzhny-veter.example/");

    let table = Server::run(dir.path(), &["--config", "server.toml", "callbacks", "list"]);
    assert!(table.contains("CB-000001") && table.contains("+79161234567 ext. 12") && table.contains("lead"), "{table}");
}

#[test]
fn a_bad_configuration_stops_the_server_at_start_up_with_the_key_named() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_binary_config(dir.path(), "[rate_limit]\nburst = 0\n");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server-stub"))
        .current_dir(dir.path())
        .args(["--config", config.to_str().unwrap(), "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("rate_limit.burst"), "{stderr}");
}

#[test]
fn listing_before_the_first_start_explains_instead_of_creating_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_binary_config(dir.path(), "");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server-stub"))
        .current_dir(dir.path())
        .args(["--config", config.to_str().unwrap(), "callbacks", "list"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("start the server once"));
    assert!(!dir.path().join("data").exists());
}
