//! Test support shared by the integration tests: a temporary site and data directory, an
//! application on a manual clock driven with `oneshot`, valid payloads, and a minimal HTTP/1.1
//! client for the tests that run the real binary.
#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use jiff::{SignedDuration, Timestamp};
use serde_json::{json, Value};
use server_stub::clock::ManualClock;
use server_stub::db::{self, Db, StoredCallback};
use server_stub::settings::{FileConfig, Overrides, Settings};
use server_stub::{app, AppState};
use tempfile::TempDir;
use tower::ServiceExt;

/// The address every `oneshot` request comes from.
pub const PEER: [u8; 4] = [203, 0, 113, 7];

/// The widget configuration the tests run with: Russia by default, one department `sales`.
pub const CONTACT_JSON: &str = r#"{
  "company": "Южный ветер",
  "defaultCountry": "RU",
  "departments": [
    {"id": "sales", "name": "Продажи", "contacts": [{"type": "phone", "number": "8 (495) 123-45-67"}]}
  ]
}"#;

/// A `GET` of `path` with the given headers, for [`Fixture::send`].
pub fn get(path: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::empty()).unwrap()
}

/// A temporary site (`site/`), data directory (`data/`) and running application.
pub struct Fixture {
    pub dir: TempDir,
    pub clock: Arc<ManualClock>,
    pub state: AppState,
}

impl Fixture {
    /// A fixture with the default configuration.
    pub fn new() -> Fixture {
        Fixture::with_config("")
    }

    /// A fixture whose TOML configuration is `toml` (paths are filled in unless given).
    pub fn with_config(toml: &str) -> Fixture {
        Fixture::with_site(toml, CONTACT_JSON)
    }

    /// A fixture serving `contact_json` as the widget configuration, with the TOML `toml`.
    pub fn with_site(toml: &str, contact_json: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        write_site(dir.path());
        std::fs::write(dir.path().join("site/contact.json"), contact_json).unwrap();
        let file = FileConfig::parse(toml, Path::new("test.toml")).unwrap();
        let file = FileConfig {
            static_root: dir.path().join("site"),
            data_dir: dir.path().join("data"),
            widget_config: Some(dir.path().join("site/contact.json")),
            ..file
        };
        let settings = Settings::resolve(file, &Overrides::default(), dir.path(), Path::new("test.toml")).unwrap();
        let clock = Arc::new(ManualClock::new("2025-06-15T12:00:00Z".parse().unwrap()));
        let db = Db::open(&settings.database_path()).unwrap();
        let state = AppState::new(settings, db, clock.clone()).unwrap();
        Fixture { dir, clock, state }
    }

    /// The application as the binary serves it, with requests coming from [`PEER`].
    pub fn app(&self) -> Router {
        app(self.state.clone()).layer(MockConnectInfo(SocketAddr::from((PEER, 4711))))
    }

    /// Sends one request through a fresh copy of the application.
    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self.app().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        TestResponse { status, headers, body }
    }

    /// Sends `payload` as a callback request with the given extra headers.
    pub async fn post(&self, payload: &Value, headers: &[(&str, &str)]) -> TestResponse {
        let mut request = Request::post("/api/v1/callbacks").header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(payload.to_string())).unwrap()).await
    }

    /// A form token issued `seconds` before the clock's current time.
    pub fn token_issued_ago(&self, seconds: i64) -> String {
        use server_stub::clock::Clock;
        self.state.tokens.issue(self.clock.now() - SignedDuration::from_secs(seconds))
    }

    /// A valid payload from a person: new key, given consent, token issued a minute ago.
    pub fn payload(&self, phone: &str) -> Value {
        json!({
            "idempotencyKey": new_key(),
            "phone": phone,
            "name": "Анна",
            "department": "sales",
            "topic": "Тур в Сочи",
            "preferredSlot": {"utc": "2025-06-16T07:00:00.000Z", "zone": "Europe/Moscow"},
            "visitorZone": "Asia/Novosibirsk",
            "pageUrl": "https://yuzhny-veter.example/tours",
            "locale": "ru",
            "consent": {"given": true, "version": "2024-06"},
            "honeypot": "",
            "formToken": self.token_issued_ago(60),
        })
    }

    /// Every stored request, oldest first.
    pub fn stored(&self) -> Vec<StoredCallback> {
        self.state.db.run_blocking(|connection| db::list_callbacks(connection)).unwrap()
    }

    pub fn advance(&self, seconds: i64) {
        self.clock.advance(SignedDuration::from_secs(seconds));
    }

    pub fn now(&self) -> Timestamp {
        use server_stub::clock::Clock;
        self.clock.now()
    }
}

/// A response with its body read.
#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("{error}: {:?}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }

    /// Every value of a possibly repeated header, joined with ", ".
    pub fn header_all(&self, name: &str) -> String {
        self.headers.get_all(name).iter().map(|value| value.to_str().unwrap()).collect::<Vec<_>>().join(", ")
    }

    /// `(field, code)` of every error in an error body.
    pub fn error_codes(&self) -> Vec<(Option<String>, String)> {
        self.json()["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|error| (error["field"].as_str().map(str::to_owned), error["code"].as_str().unwrap().to_owned()))
            .collect()
    }
}

/// A random UUID in canonical form, as `crypto.randomUUID()` makes.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).unwrap();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// The demo site the tests serve: pages, a built widget with precompressed siblings, a secret
/// file outside every served directory.
pub fn write_site(root: &Path) {
    let site = root.join("site");
    let widget = site.join("dist/widget");
    std::fs::create_dir_all(site.join("demo-site")).unwrap();
    std::fs::create_dir_all(&widget).unwrap();
    std::fs::write(root.join("secret.txt"), "TOP-SECRET").unwrap();
    std::fs::write(site.join("secret.txt"), "TOP-SECRET").unwrap();
    std::fs::write(site.join("index.html"), "<!doctype html><title>demo</title>").unwrap();
    std::fs::write(site.join("demo-site/hostile.html"), "<!doctype html><title>hostile</title>").unwrap();
    std::fs::write(site.join("contact.json"), CONTACT_JSON).unwrap();
    for (name, body) in [
        ("contact-widget.js", "/* loader */"),
        ("contact-widget-3f2a9c1b.js", "/* glue */"),
        ("contact-widget-3f2a9c1b.wasm", "\0asm"),
        ("contact-widget-3f2a9c1b.css", ":host{}"),
        ("icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("icon.png", "\u{89}PNG"),
        ("manifest.json", "{}"),
    ] {
        std::fs::write(widget.join(name), body).unwrap();
        std::fs::write(widget.join(format!("{name}.br")), format!("br:{body}")).unwrap();
        std::fs::write(widget.join(format!("{name}.gz")), format!("gz:{body}")).unwrap();
    }
}

/// A running `server-stub` binary, killed when dropped.
pub struct Server {
    pub child: std::process::Child,
    pub address: SocketAddr,
}

impl Server {
    /// Starts the binary with `--config config --listen 127.0.0.1:<free port>` in `dir`, and waits
    /// until `/healthz` answers.
    pub fn start(dir: &Path, config: &Path) -> Server {
        let address = free_address();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_server-stub"))
            .current_dir(dir)
            .args(["--config", config.to_str().unwrap(), "--listen", &address.to_string()])
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::inherit())
            .spawn()
            .unwrap();
        let mut server = Server { child, address };
        for _ in 0..200 {
            if let Ok(response) = http(address, "GET", "/healthz", &[], "") {
                assert_eq!(response.status, 200);
                return server;
            }
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("server-stub exited during start-up: {status}");
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        server.child.kill().ok();
        panic!("server-stub did not answer /healthz within 5 s");
    }

    /// Runs `server-stub` with `args` in `dir` to completion and returns its standard output.
    pub fn run(dir: &Path, args: &[&str]) -> String {
        let output =
            std::process::Command::new(env!("CARGO_BIN_EXE_server-stub")).current_dir(dir).args(args).output().unwrap();
        assert!(output.status.success(), "server-stub {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// A loopback address whose port was free a moment ago.
pub fn free_address() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap()
}

/// A response from [`http`].
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub body: String,
}

/// One HTTP/1.1 request over a fresh connection (`Connection: close`), enough for JSON endpoints.
pub fn http(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<RawResponse> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").ok_or_else(|| std::io::Error::other("no complete response"))?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))?;
    Ok(RawResponse { status, body: body.to_owned() })
}

/// Writes a server configuration for the real binary into `dir` and returns its path.
pub fn write_binary_config(dir: &Path, extra: &str) -> PathBuf {
    write_site(dir);
    let config = dir.join("server.toml");
    std::fs::write(
        &config,
        format!("static_root = \"site\"\nwidget_config = \"site/contact.json\"\ndata_dir = \"data\"\n{extra}"),
    )
    .unwrap();
    config
}
