//! Form tokens: proof that a callback form was shown by this server, and when.
//!
//! `GET /api/v1/form-token` hands out `<issued-at-ms>.<hex HMAC-SHA256 over the issue time>`; the
//! widget sends it back with the form. A token that is missing, forged, older than a day, or came back
//! sooner than the minimum fill time marks the request as a bot's: it is stored quarantined, never
//! refused, so bots learn nothing. The key comes from the configuration or is generated once and kept
//! in the data directory, never hard-coded, so tokens survive restarts and differ between installs.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

use hmac::{Hmac, Mac};
use jiff::{SignedDuration, Timestamp};
use sha2::Sha256;

/// The file in the data directory that keeps a generated key.
pub const KEY_FILE: &str = "form-token.key";

/// Tokens older than this are treated like forged ones: a form left open overnight is refetched by
/// the widget when it is shown again.
const MAX_AGE: SignedDuration = SignedDuration::from_hours(24);

/// A token's issue time may be this far in the future (several server processes' clocks differ).
const CLOCK_SKEW: SignedDuration = SignedDuration::from_secs(5);

/// Domain separation: this key signs nothing else, but the label keeps it that way if it ever does.
const LABEL: &[u8] = b"contact-widget form-token v1 ";

/// Issues and checks form tokens with one key.
#[derive(Clone)]
pub struct FormTokens {
    key: Vec<u8>,
}

impl std::fmt::Debug for FormTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormTokens { key: <secret> }")
    }
}

/// Why a returned token does not vouch for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// The request carried no token.
    Missing,
    /// The token is malformed, signed with another key, expired, or from the future.
    Invalid,
    /// The form came back sooner than a person can fill it.
    TooFast,
}

impl FormTokens {
    /// Tokens signed with `key`.
    pub fn new(key: impl Into<Vec<u8>>) -> FormTokens {
        FormTokens { key: key.into() }
    }

    /// The configured secret when there is one; otherwise the key kept in `data_dir`, generated
    /// (32 random bytes, readable by the owner only) on first start.
    pub fn load_or_create(configured: Option<&str>, data_dir: &Path) -> io::Result<FormTokens> {
        if let Some(secret) = configured {
            return Ok(FormTokens::new(secret.as_bytes()));
        }
        let path = data_dir.join(KEY_FILE);
        match fs::read_to_string(&path) {
            Ok(text) => decode_hex(text.trim()).filter(|key| key.len() >= 32).map(FormTokens::new).ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "{} does not hold a 64-digit hex key; delete it to have a new one generated",
                        path.display()
                    ),
                )
            }),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let mut key = [0u8; 32];
                getrandom::fill(&mut key).map_err(io::Error::other)?;
                fs::create_dir_all(data_dir)?;
                write_private(&path, encode_hex(&key).as_bytes())?;
                Ok(FormTokens::new(key))
            }
            Err(error) => Err(error),
        }
    }

    /// A token saying "issued at `now`".
    pub fn issue(&self, now: Timestamp) -> String {
        let issued_ms = now.as_millisecond();
        format!("{issued_ms}.{}", encode_hex(&self.signature(issued_ms)))
    }

    /// Checks a returned token at `now`: signed with this key, issued at least `min_fill` ago and
    /// less than a day ago.
    pub fn check(&self, token: Option<&str>, now: Timestamp, min_fill: Duration) -> Result<(), TokenProblem> {
        let token = token.map(str::trim).filter(|token| !token.is_empty()).ok_or(TokenProblem::Missing)?;
        let (issued, signature) = token.split_once('.').ok_or(TokenProblem::Invalid)?;
        let issued_ms: i64 = issued.parse().map_err(|_| TokenProblem::Invalid)?;
        let signature = decode_hex(signature).ok_or(TokenProblem::Invalid)?;
        self.mac(issued_ms).verify_slice(&signature).map_err(|_| TokenProblem::Invalid)?;

        let issued_at = Timestamp::from_millisecond(issued_ms).map_err(|_| TokenProblem::Invalid)?;
        let age = now.duration_since(issued_at);
        if age < -CLOCK_SKEW || age > MAX_AGE {
            return Err(TokenProblem::Invalid);
        }
        let min_fill = SignedDuration::try_from(min_fill).unwrap_or(SignedDuration::MAX);
        if age < min_fill {
            return Err(TokenProblem::TooFast);
        }
        Ok(())
    }

    fn mac(&self, issued_ms: i64) -> Hmac<Sha256> {
        // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).expect("HMAC takes keys of any length");
        mac.update(LABEL);
        mac.update(issued_ms.to_string().as_bytes());
        mac
    }

    fn signature(&self, issued_ms: i64) -> Vec<u8> {
        self.mac(issued_ms).finalize().into_bytes().to_vec()
    }
}

/// Writes a new file that only its owner can read.
fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

/// Lower-case hexadecimal.
pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN_FILL: Duration = Duration::from_secs(3);

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_750_000_000 + seconds).unwrap()
    }

    #[test]
    fn tokens_are_judged_by_signature_and_age() {
        let tokens = FormTokens::new(*b"0123456789abcdef0123456789abcdef");
        let other = FormTokens::new(*b"fedcba9876543210fedcba9876543210");
        let issued = tokens.issue(at(0));
        let forged_time = format!("{}.{}", at(-60).as_millisecond(), issued.split_once('.').unwrap().1);
        type Case = (&'static str, Option<String>, Timestamp, Result<(), TokenProblem>);
        let cases: [Case; 10] = [
            ("filled in ten seconds", Some(issued.clone()), at(10), Ok(())),
            ("filled in exactly the minimum", Some(issued.clone()), at(3), Ok(())),
            ("filled in one second", Some(issued.clone()), at(1), Err(TokenProblem::TooFast)),
            ("no token", None, at(10), Err(TokenProblem::Missing)),
            ("blank token", Some("  ".into()), at(10), Err(TokenProblem::Missing)),
            ("another key's token", Some(other.issue(at(0))), at(10), Err(TokenProblem::Invalid)),
            ("issue time edited", Some(forged_time), at(10), Err(TokenProblem::Invalid)),
            ("not a token", Some("hello".into()), at(10), Err(TokenProblem::Invalid)),
            ("two days old", Some(issued.clone()), at(2 * 86_400), Err(TokenProblem::Invalid)),
            ("from the future", Some(issued), at(-60), Err(TokenProblem::Invalid)),
        ];
        for (case, token, now, expected) in cases {
            assert_eq!(tokens.check(token.as_deref(), now, MIN_FILL), expected, "{case}");
        }
    }

    #[test]
    fn a_generated_key_is_kept_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = dir.path().join("data");
        let first = FormTokens::load_or_create(None, &data_dir).unwrap();
        let second = FormTokens::load_or_create(None, &data_dir).unwrap();
        assert_eq!(first.key, second.key);
        assert_eq!(first.key.len(), 32);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(data_dir.join(KEY_FILE)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_configured_secret_wins_over_the_key_file() {
        let dir = tempfile::tempdir().unwrap();
        let tokens = FormTokens::load_or_create(Some("a configured secret of 32+ chars!"), dir.path()).unwrap();
        assert_eq!(tokens.key, b"a configured secret of 32+ chars!");
        assert!(!dir.path().join(KEY_FILE).exists());
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(encode_hex(&[0, 15, 255]), "000fff");
        assert_eq!(decode_hex("000fff"), Some(vec![0, 15, 255]));
        assert_eq!(decode_hex("0g"), None);
        assert_eq!(decode_hex("abc"), None);
    }
}
