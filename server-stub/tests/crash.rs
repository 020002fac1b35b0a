//! The crash test: concurrent clients submit while the server is killed with SIGKILL at random
//! moments, restarted, ten times over. Every request acknowledged with 201 must be in the database
//! exactly once, and `PRAGMA integrity_check` must say `ok`.
//!
//! Ignored by default (it takes some seconds and spawns processes): run it with
//! `scripts/crash-test.sh` or `cargo test -p server-stub --test crash -- --ignored --nocapture`.

mod common;

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{http, new_key, write_binary_config, Server};
use serde_json::{json, Value};

const ROUNDS: usize = 10;
const CLIENTS: usize = 4;

/// A request whose fate is known to its client, or not yet.
#[derive(Debug, Clone)]
struct Submission {
    key: String,
    phone: String,
    body: String,
}

#[derive(Default)]
struct Ledger {
    /// Key → request number, for every 201.
    acknowledged: HashMap<String, String>,
    /// Requests cut off by a kill; retried with the same key and body after the restart.
    unknown: Vec<Submission>,
}

#[test]
#[ignore = "spawns and kills the server repeatedly; run with --ignored (scripts/crash-test.sh)"]
fn acknowledged_requests_survive_kill_9_without_duplicates() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let config = write_binary_config(
        dir.path(),
        "[rate_limit]\nburst = 100000\nper_minute = 100000\n[callbacks]\nmin_fill_seconds = 0\nconsent_required = false\n",
    );
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let phones = Arc::new(AtomicU64::new(0));
    let mut random = Random::seeded();

    for round in 1..=ROUNDS {
        let server = Server::start(dir.path(), &config);
        let stop = Arc::new(AtomicBool::new(false));
        let retries = std::mem::take(&mut ledger.lock().unwrap().unknown);
        let clients: Vec<_> = (0..CLIENTS)
            .map(|client| {
                let mine: Vec<Submission> = retries.iter().skip(client).step_by(CLIENTS).cloned().collect();
                let (ledger, phones, stop, address) =
                    (Arc::clone(&ledger), Arc::clone(&phones), Arc::clone(&stop), server.address);
                std::thread::spawn(move || run_client(address, mine, &ledger, &phones, &stop))
            })
            .collect();

        std::thread::sleep(Duration::from_millis(150 + random.below(500)));
        let mut server = server;
        server.child.kill().unwrap(); // SIGKILL: no shutdown, no flush, mid-transaction.
        server.child.wait().unwrap();
        stop.store(true, Ordering::SeqCst);
        for client in clients {
            client.join().unwrap();
        }
        let ledger = ledger.lock().unwrap();
        println!(
            "round {round:2}: {} acknowledged so far, {} in flight at the kill",
            ledger.acknowledged.len(),
            ledger.unknown.len()
        );
    }

    let connection = rusqlite::Connection::open(dir.path().join("data/callbacks.sqlite3")).unwrap();
    let integrity: String = connection.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    let mut statement = connection.prepare("SELECT idempotency_key, id, phone_e164 FROM callbacks").unwrap();
    let rows: Vec<(String, i64, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let stored: HashMap<&str, String> = rows.iter().map(|(key, id, _)| (key.as_str(), format!("CB-{id:06}"))).collect();
    let distinct_phones: HashSet<&str> = rows.iter().map(|(_, _, phone)| phone.as_str()).collect();
    let quarantined: i64 =
        connection.query_row("SELECT count(*) FROM callbacks WHERE quarantined = 1", [], |row| row.get(0)).unwrap();

    let ledger = ledger.lock().unwrap();
    let lost: Vec<_> =
        ledger.acknowledged.iter().filter(|(key, number)| stored.get(key.as_str()) != Some(*number)).collect();
    println!(
        "acknowledged {}, stored {}, lost {}, unacknowledged at the end {}, integrity_check {integrity}, {:.1} s",
        ledger.acknowledged.len(),
        rows.len(),
        lost.len(),
        ledger.unknown.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(integrity, "ok");
    assert_eq!(quarantined, 0, "form tokens stay valid across restarts");
    assert!(lost.is_empty(), "acknowledged but not stored: {lost:?}");
    assert_eq!(stored.len(), rows.len(), "an idempotency key is stored twice");
    assert_eq!(distinct_phones.len(), rows.len(), "a request was stored twice under different keys");
    assert!(ledger.acknowledged.len() >= ROUNDS, "too few requests got through to mean anything");
}

/// Retries `retries`, then submits new requests until `stop`, recording every outcome.
fn run_client(
    address: SocketAddr,
    retries: Vec<Submission>,
    ledger: &Mutex<Ledger>,
    phones: &AtomicU64,
    stop: &AtomicBool,
) {
    let mut queue = retries;
    // The token key persists in the data directory, so one token stays valid across restarts.
    let token = match http(address, "GET", "/api/v1/form-token", &[], "") {
        Ok(response) => serde_json::from_str::<Value>(&response.body).unwrap()["token"].clone(),
        Err(_) => {
            ledger.lock().unwrap().unknown.extend(queue);
            return;
        }
    };
    loop {
        let submission = match queue.pop() {
            Some(retry) => retry,
            None if stop.load(Ordering::SeqCst) => return,
            None => {
                let phone = format!("+7 916 {:07}", phones.fetch_add(1, Ordering::SeqCst));
                let key = new_key();
                let body =
                    json!({"idempotencyKey": key, "phone": phone, "honeypot": "", "formToken": token}).to_string();
                Submission { key, phone, body }
            }
        };
        match http(address, "POST", "/api/v1/callbacks", &[("Content-Type", "application/json")], &submission.body) {
            Ok(response) if response.status == 201 => {
                let answer: Value = serde_json::from_str(&response.body).unwrap();
                let number = answer["id"].as_str().unwrap().to_owned();
                let previous = ledger.lock().unwrap().acknowledged.insert(submission.key.clone(), number.clone());
                assert!(previous.is_none_or(|previous| previous == number), "a replay changed the request number");
            }
            Ok(response) => panic!("unexpected {} for {}: {}", response.status, submission.phone, response.body),
            Err(_) => {
                // The server died with this request in flight: it may or may not be stored.
                let mut ledger = ledger.lock().unwrap();
                ledger.unknown.push(submission);
                ledger.unknown.extend(queue);
                return;
            }
        }
    }
}

/// A small xorshift generator: kill times need to vary, not to be unpredictable.
struct Random(u64);

impl Random {
    fn seeded() -> Random {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
        Random(u64::from(nanos) | 1)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}
