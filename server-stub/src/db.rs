//! Durable storage of callback requests in one SQLite file.
//!
//! Guarantees: the file is in WAL mode with `synchronous=FULL`, so a committed transaction survives a
//! crash or power loss; the schema is brought up to date by numbered migrations tracked in
//! `PRAGMA user_version`, each applied in its own transaction; an idempotency key is stored at most
//! once (a `UNIQUE` constraint, not only a check). All work runs on the blocking thread pool with the
//! one connection behind a mutex, which also serialises writers so check-then-insert sequences
//! inside a transaction cannot race.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use serde::Serialize;

/// Schema changes, in order. Entry `n` moves the schema from version `n` to `n + 1`. Never edit an
/// entry that has shipped; add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: callback requests and the responses given per idempotency key.
    "CREATE TABLE callbacks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        phone_e164 TEXT NOT NULL,
        phone_extension TEXT,
        name TEXT,
        department TEXT,
        topic TEXT,
        slot_utc TEXT,
        slot_zone TEXT,
        visitor_zone TEXT,
        page_url TEXT,
        locale TEXT NOT NULL,
        consent_version TEXT,
        consent_at TEXT,
        consent_ip TEXT,
        consent_page TEXT,
        quarantined INTEGER NOT NULL CHECK (quarantined IN (0, 1)),
        quarantine_reason TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        CHECK ((quarantined = 1) = (quarantine_reason IS NOT NULL))
    );
    CREATE INDEX callbacks_leads_by_phone ON callbacks (phone_e164, created_at) WHERE quarantined = 0;
    CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY,
        body_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        response TEXT NOT NULL,
        callback_id INTEGER NOT NULL REFERENCES callbacks (id),
        created_at TEXT NOT NULL
    ) WITHOUT ROWID;",
];

/// Why storage failed. Never shown to clients; logged without personal data.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot create the data directory {path}: {source}")]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("no database at {0}; start the server once to create it")]
    Missing(PathBuf),
    #[error("the database has schema version {found}, newer than this server's {known}; upgrade the server")]
    TooNew { found: i64, known: usize },
    #[error("the database worker panicked or was cancelled: {0}")]
    Worker(#[from] tokio::task::JoinError),
    #[error("cannot encode the response to store: {0}")]
    Encode(#[from] serde_json::Error),
}

/// The one connection to the callbacks database, shared by all requests.
#[derive(Clone, Debug)]
pub struct Db {
    connection: Arc<Mutex<Connection>>,
}

impl Db {
    /// Opens (creating the file and its directory when needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Db, DbError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| DbError::CreateDir { path: dir.to_path_buf(), source })?;
        }
        Db::configure(Connection::open(path)?)
    }

    /// Opens and migrates an existing database; refuses to create one (for `callbacks list`).
    pub fn open_existing(path: &Path) -> Result<Db, DbError> {
        if !path.is_file() {
            return Err(DbError::Missing(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Db::configure(Connection::open_with_flags(path, flags)?)
    }

    fn configure(mut connection: Connection) -> Result<Db, DbError> {
        // WAL lets `callbacks list` read while the server writes; FULL syncs the WAL on every commit,
        // which is what makes "201 only after commit" mean "stored even if the machine dies now".
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", true)?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut connection)?;
        Ok(Db { connection: Arc::new(Mutex::new(connection)) })
    }

    /// Runs `work` with the connection on the blocking thread pool, so the async workers never
    /// wait on disk.
    pub async fn run<T, F>(&self, work: F) -> Result<T, DbError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, DbError> + Send + 'static,
    {
        let connection = Arc::clone(&self.connection);
        tokio::task::spawn_blocking(move || work(&mut lock(&connection))).await?
    }

    /// Runs `work` with the connection on the current thread (for the command line).
    pub fn run_blocking<T>(&self, work: impl FnOnce(&mut Connection) -> Result<T, DbError>) -> Result<T, DbError> {
        work(&mut lock(&self.connection))
    }
}

fn lock(connection: &Mutex<Connection>) -> std::sync::MutexGuard<'_, Connection> {
    // A panic while holding the lock rolled back its transaction when the guard dropped; the
    // connection itself is still sound.
    connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Applies the migrations the database has not seen yet.
pub fn migrate(connection: &mut Connection) -> Result<(), DbError> {
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version > MIGRATIONS.len() as i64 {
        return Err(DbError::TooNew { found: version, known: MIGRATIONS.len() });
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(migration)?;
        transaction.pragma_update(None, "user_version", index as i64 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

/// How instants are stored: UTC, millisecond precision, fixed width, so text order is time order.
pub fn db_time(instant: Timestamp) -> String {
    instant.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The request number visitors quote on the phone: `CB-000123`.
pub fn request_number(id: i64) -> String {
    format!("CB-{id:06}")
}

/// One callback request as stored (and as `callbacks list --json` prints it, camelCase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallbackRecord {
    /// When the request was stored (see [`db_time`]).
    pub created_at: String,
    /// E.164 with the plus: `+74951234567`.
    pub phone: String,
    pub phone_extension: Option<String>,
    pub name: Option<String>,
    pub department: Option<String>,
    pub topic: Option<String>,
    pub preferred_slot: Option<SlotRecord>,
    pub visitor_zone: Option<String>,
    pub page_url: Option<String>,
    /// `ru` or `en`.
    pub locale: String,
    pub consent: Option<ConsentRecord>,
    /// Why the request is quarantined (`honeypot`, `too_fast`, ...); `None` for a lead.
    pub quarantine: Option<String>,
    pub idempotency_key: String,
}

/// The preferred time of a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlotRecord {
    /// UTC (see [`db_time`]).
    pub utc: String,
    /// The IANA zone the visitor chose it in.
    pub zone: String,
}

/// The proof of consent: which text, when, from which address, on which page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentRecord {
    pub version: String,
    pub at: String,
    pub ip: String,
    pub page: Option<String>,
}

/// A stored request with its number, for listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredCallback {
    /// `CB-000123`.
    pub id: String,
    #[serde(flatten)]
    pub record: CallbackRecord,
}

/// The response given for an idempotency key, kept to be given again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    /// SHA-256 of the canonical request body, hex.
    pub body_hash: String,
    pub status: u16,
    /// The exact JSON body sent.
    pub body: String,
}

/// The response stored for `key`, if any.
pub fn find_response(transaction: &Transaction<'_>, key: &str) -> Result<Option<StoredResponse>, DbError> {
    let response = transaction
        .query_row("SELECT body_hash, status, response FROM idempotency_keys WHERE key = ?1", [key], |row| {
            Ok(StoredResponse { body_hash: row.get(0)?, status: row.get(1)?, body: row.get(2)? })
        })
        .optional()?;
    Ok(response)
}

/// Remembers `response` for `key`; it belongs to the callback `callback_id`.
pub fn save_response(
    transaction: &Transaction<'_>,
    key: &str,
    response: &StoredResponse,
    callback_id: i64,
    now: Timestamp,
) -> Result<(), DbError> {
    transaction.execute(
        "INSERT INTO idempotency_keys (key, body_hash, status, response, callback_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![key, response.body_hash, response.status, response.body, callback_id, db_time(now)],
    )?;
    Ok(())
}

/// The id of the latest lead (not quarantined) for this phone stored at or after `since`.
pub fn find_recent_lead(
    transaction: &Transaction<'_>,
    phone: &str,
    extension: Option<&str>,
    since: Timestamp,
) -> Result<Option<i64>, DbError> {
    let id = transaction
        .query_row(
            "SELECT id FROM callbacks
             WHERE quarantined = 0 AND phone_e164 = ?1 AND phone_extension IS ?2 AND created_at >= ?3
             ORDER BY id DESC LIMIT 1",
            params![phone, extension, db_time(since)],
            |row| row.get(0),
        )
        .optional()?;
    Ok(id)
}

/// Stores a new request and returns its id.
pub fn insert_callback(transaction: &Transaction<'_>, record: &CallbackRecord) -> Result<i64, DbError> {
    let slot = record.preferred_slot.as_ref();
    let consent = record.consent.as_ref();
    transaction.execute(
        "INSERT INTO callbacks (created_at, phone_e164, phone_extension, name, department, topic, slot_utc,
            slot_zone, visitor_zone, page_url, locale, consent_version, consent_at, consent_ip, consent_page,
            quarantined, quarantine_reason, idempotency_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            record.created_at,
            record.phone,
            record.phone_extension,
            record.name,
            record.department,
            record.topic,
            slot.map(|slot| &slot.utc),
            slot.map(|slot| &slot.zone),
            record.visitor_zone,
            record.page_url,
            record.locale,
            consent.map(|consent| &consent.version),
            consent.map(|consent| &consent.at),
            consent.map(|consent| &consent.ip),
            consent.and_then(|consent| consent.page.as_ref()),
            record.quarantine.is_some(),
            record.quarantine,
            record.idempotency_key,
        ],
    )?;
    Ok(transaction.last_insert_rowid())
}

/// Every stored request, oldest first.
pub fn list_callbacks(connection: &Connection) -> Result<Vec<StoredCallback>, DbError> {
    let mut statement = connection.prepare(
        "SELECT id, created_at, phone_e164, phone_extension, name, department, topic, slot_utc, slot_zone,
            visitor_zone, page_url, locale, consent_version, consent_at, consent_ip, consent_page,
            quarantine_reason, idempotency_key
         FROM callbacks ORDER BY id",
    )?;
    let rows = statement.query_map([], |row| {
        let slot = match (row.get::<_, Option<String>>(7)?, row.get::<_, Option<String>>(8)?) {
            (Some(utc), Some(zone)) => Some(SlotRecord { utc, zone }),
            _ => None,
        };
        let consent = match (
            row.get::<_, Option<String>>(12)?,
            row.get::<_, Option<String>>(13)?,
            row.get::<_, Option<String>>(14)?,
        ) {
            (Some(version), Some(at), Some(ip)) => Some(ConsentRecord { version, at, ip, page: row.get(15)? }),
            _ => None,
        };
        Ok(StoredCallback {
            id: request_number(row.get(0)?),
            record: CallbackRecord {
                created_at: row.get(1)?,
                phone: row.get(2)?,
                phone_extension: row.get(3)?,
                name: row.get(4)?,
                department: row.get(5)?,
                topic: row.get(6)?,
                preferred_slot: slot,
                visitor_zone: row.get(9)?,
                page_url: row.get(10)?,
                locale: row.get(11)?,
                consent,
                quarantine: row.get(16)?,
                idempotency_key: row.get(17)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(key: &str, phone: &str, created_at: &str) -> CallbackRecord {
        CallbackRecord {
            created_at: created_at.into(),
            phone: phone.into(),
            phone_extension: None,
            name: Some("Анна".into()),
            department: None,
            topic: None,
            preferred_slot: Some(SlotRecord { utc: "2025-06-16T07:00:00.000Z".into(), zone: "Europe/Moscow".into() }),
            visitor_zone: None,
            page_url: None,
            locale: "ru".into(),
            consent: Some(ConsentRecord {
                version: "2024-06".into(),
                at: created_at.into(),
                ip: "203.0.113.7".into(),
                page: None,
            }),
            quarantine: None,
            idempotency_key: key.into(),
        }
    }

    #[test]
    fn a_new_file_is_created_in_wal_mode_at_the_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/data/callbacks.sqlite3");
        let db = Db::open(&path).unwrap();
        let (mode, sync, version): (String, i64, i64) = db
            .run_blocking(|c| {
                Ok((
                    c.pragma_query_value(None, "journal_mode", |r| r.get(0))?,
                    c.pragma_query_value(None, "synchronous", |r| r.get(0))?,
                    c.pragma_query_value(None, "user_version", |r| r.get(0))?,
                ))
            })
            .unwrap();
        assert_eq!((mode.as_str(), sync, version), ("wal", 2, MIGRATIONS.len() as i64));
        drop(db);
        assert!(Db::open(&path).is_ok(), "reopening an up-to-date database changes nothing");
    }

    #[test]
    fn a_database_from_a_newer_server_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("callbacks.sqlite3");
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(Db::open(&path), Err(DbError::TooNew { found: 99, .. })));
    }

    #[test]
    fn listing_without_a_database_says_so_instead_of_creating_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("callbacks.sqlite3");
        assert!(matches!(Db::open_existing(&path), Err(DbError::Missing(_))));
        assert!(!path.exists());
    }

    #[test]
    fn records_round_trip_and_keys_are_unique() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("callbacks.sqlite3")).unwrap();
        let first = record("k1", "+74951234567", "2025-06-15T12:00:00.000Z");
        let stored = db
            .run_blocking(|c| {
                let tx = c.transaction()?;
                let id = insert_callback(&tx, &first)?;
                tx.commit()?;
                Ok(id)
            })
            .unwrap();
        assert_eq!(request_number(stored), "CB-000001");
        let duplicate = db.run_blocking(|c| insert_callback(&c.transaction()?, &first));
        assert!(duplicate.is_err(), "a second row with the same idempotency key is refused");
        let listed = db.run_blocking(|c| list_callbacks(c)).unwrap();
        assert_eq!(listed, vec![StoredCallback { id: "CB-000001".into(), record: first }]);
    }

    #[test]
    fn recent_leads_are_found_by_phone_and_time_but_never_quarantined_ones() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("callbacks.sqlite3")).unwrap();
        let found = db
            .run_blocking(|c| {
                let tx = c.transaction()?;
                insert_callback(&tx, &record("k1", "+74951234567", "2025-06-15T12:00:00.000Z"))?;
                let bot = CallbackRecord {
                    quarantine: Some("honeypot".into()),
                    ..record("k2", "+74951112233", "2025-06-15T12:00:00.000Z")
                };
                insert_callback(&tx, &bot)?;
                let at = |text: &str| text.parse::<Timestamp>().unwrap();
                Ok([
                    find_recent_lead(&tx, "+74951234567", None, at("2025-06-15T11:55:00Z"))?,
                    find_recent_lead(&tx, "+74951234567", None, at("2025-06-15T12:00:00.001Z"))?,
                    find_recent_lead(&tx, "+74951234567", Some("12"), at("2025-06-15T11:55:00Z"))?,
                    find_recent_lead(&tx, "+74951112233", None, at("2025-06-15T11:55:00Z"))?,
                ])
            })
            .unwrap();
        assert_eq!(found, [Some(1), None, None, None]);
    }

    #[test]
    fn stored_times_sort_as_text_in_time_order() {
        let earlier: Timestamp = "2025-06-15T12:00:00Z".parse().unwrap();
        let later: Timestamp = "2025-06-15T12:00:00.5Z".parse().unwrap();
        assert_eq!(db_time(earlier), "2025-06-15T12:00:00.000Z");
        assert!(db_time(earlier) < db_time(later));
    }
}
