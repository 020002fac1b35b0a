//! A token bucket per client address for `POST /api/v1/callbacks`.
//!
//! Each address may send `burst` requests back to back and regains `per_minute` of them per minute.
//! A refused request learns how many whole seconds to wait (`Retry-After`). The bucket is kept in its
//! GCRA form (one "theoretical arrival time" per address) so the arithmetic is exact integers, time
//! is a parameter so tests are exact, and memory stays bounded because buckets that have refilled
//! completely carry no information and are forgotten once the table grows.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use jiff::{SignedDuration, Timestamp};

use crate::settings::RateLimitConfig;

/// Buckets are pruned when the table holds more addresses than this.
const PRUNE_ABOVE: usize = 10_000;

/// The per-address limiter shared by all requests.
#[derive(Debug)]
pub struct RateLimiter {
    /// The time one token takes to come back.
    interval: SignedDuration,
    /// How far ahead of now an address may have spent: `interval × (burst − 1)`.
    tolerance: SignedDuration,
    /// Per address, the instant at which its bucket will be full again.
    full_at: Mutex<HashMap<IpAddr, Timestamp>>,
}

/// A refusal: the client may try again after this many seconds (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub u64);

impl RateLimiter {
    /// A limiter with the configured burst and refill rate (both at least 1, as settings ensure).
    pub fn new(config: RateLimitConfig) -> RateLimiter {
        let interval = SignedDuration::from_secs(60) / i32::try_from(config.per_minute.max(1)).unwrap_or(i32::MAX);
        let tolerance = interval * i32::try_from(config.burst.max(1) - 1).unwrap_or(i32::MAX);
        RateLimiter { interval, tolerance, full_at: Mutex::new(HashMap::new()) }
    }

    /// Takes one token from `client`'s bucket at `now`, or says how long until one is available.
    pub fn check(&self, client: IpAddr, now: Timestamp) -> Result<(), RetryAfter> {
        // A poisoned lock only means another request panicked mid-update; the times are still usable.
        let mut full_at = self.full_at.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if full_at.len() > PRUNE_ABOVE {
            full_at.retain(|_, at| *at > now);
        }
        let at = full_at.get(&client).copied().filter(|at| *at > now).unwrap_or(now);
        let ahead = at.duration_since(now);
        if ahead <= self.tolerance {
            full_at.insert(client, at.saturating_add(self.interval).unwrap_or(at));
            Ok(())
        } else {
            let wait = ahead - self.tolerance;
            let whole_seconds = wait.as_secs() + i64::from(wait.subsec_nanos() > 0);
            Err(RetryAfter(u64::try_from(whole_seconds).unwrap_or(1).max(1)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(burst: u32, per_minute: u32) -> RateLimiter {
        RateLimiter::new(RateLimitConfig { burst, per_minute })
    }

    fn start() -> Timestamp {
        "2025-06-15T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_burst_passes_then_the_next_request_waits_for_one_refill() {
        let limiter = limiter(3, 2);
        let ip: IpAddr = "203.0.113.7".parse().unwrap();
        for _ in 0..3 {
            assert_eq!(limiter.check(ip, start()), Ok(()));
        }
        assert_eq!(limiter.check(ip, start()), Err(RetryAfter(30)));
        assert_eq!(limiter.check(ip, start() + SignedDuration::from_secs(10)), Err(RetryAfter(20)));
        assert_eq!(limiter.check(ip, start() + SignedDuration::from_secs(30)), Ok(()));
    }

    #[test]
    fn addresses_have_separate_buckets() {
        let limiter = limiter(1, 1);
        assert_eq!(limiter.check("203.0.113.7".parse().unwrap(), start()), Ok(()));
        assert_eq!(limiter.check("203.0.113.8".parse().unwrap(), start()), Ok(()));
        assert_eq!(limiter.check("203.0.113.7".parse().unwrap(), start()), Err(RetryAfter(60)));
    }

    #[test]
    fn a_long_pause_refills_no_more_than_the_burst() {
        let limiter = limiter(2, 60);
        let ip: IpAddr = "2001:db8::1".parse().unwrap();
        let later = start() + SignedDuration::from_hours(5);
        assert_eq!(limiter.check(ip, start()), Ok(()));
        assert_eq!(limiter.check(ip, later), Ok(()));
        assert_eq!(limiter.check(ip, later), Ok(()));
        assert_eq!(limiter.check(ip, later), Err(RetryAfter(1)));
    }
}
