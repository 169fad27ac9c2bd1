//! Signing in and who may do what.
//!
//! - Passwords are hashed with argon2id (the `argon2` crate's defaults, OWASP's minimum:
//!   19 MiB, 2 passes) on a blocking thread; only the PHC string is stored.
//! - A session is a random 256-bit token in an `HttpOnly`, `SameSite=Lax` cookie (`Secure` when
//!   the public URL is https); the database keeps its SHA-256 and the session's CSRF token.
//! - Every form carries a CSRF token: the session's when signed in, otherwise the anonymous
//!   `gx_csrf` cookie's (double submit); a POST whose `Origin` is another site is refused too.
//! - Roles: an instance administrator does everything; an editor edits the places they were
//!   given.
//! - Failed sign-ins are counted per e-mail: after [`MAX_FAILURES`] in [`FAILURE_WINDOW`], that
//!   e-mail must wait.

use crate::SiteState;
use crate::error::SiteError;
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::http::{HeaderMap, header};
use galaxie_db::PlaceId;
use galaxie_db::entities::accounts::{self, sessions};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The session cookie.
pub const SESSION_COOKIE: &str = "gx_session";
/// The anonymous CSRF cookie (sign-in and remote-follow forms).
pub const CSRF_COOKIE: &str = "gx_csrf";
/// How long a session lasts.
pub const SESSION_DAYS: i64 = 14;
/// The shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Failed sign-ins allowed per e-mail in [`FAILURE_WINDOW`].
pub const MAX_FAILURES: u32 = 5;
/// The window of [`MAX_FAILURES`].
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Why a password was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Too short.
    #[error("the password must have at least {PASSWORD_MIN_CHARS} characters")]
    TooShort,
    /// Hashing failed (out of memory…).
    #[error("cannot hash the password: {0}")]
    Hash(String),
}

/// Checks a new password's length and hashes it (argon2id, random salt).
pub async fn hash_password(password: &str) -> Result<String, PasswordError> {
    if password.chars().count() < PASSWORD_MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| PasswordError::Hash(e.to_string()))
    })
    .await
    .map_err(|e| PasswordError::Hash(e.to_string()))?
}

/// Whether `password` matches the PHC string `hash`.
pub async fn verify_password(password: &str, hash: &str) -> bool {
    let password = password.to_string();
    let hash = hash.to_string();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash of no one's password, checked when the e-mail is unknown so that answering takes as
/// long as for a known one.
const DECOY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$Wm8Oq4Vn0oIu2b4fbEqQmV2xqvC9U5xH2m3Jx1m5cZ0";

/// Checks an e-mail and password; the account when they match.
pub async fn sign_in(
    state: &SiteState,
    email: &str,
    password: &str,
) -> Result<Option<accounts::Model>, SiteError> {
    let conn = state.data().db().conn().clone();
    let account = galaxie_db::accounts::by_email(&conn, email).await?;
    let hash = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| DECOY_HASH.to_string());
    let ok = verify_password(password, &hash).await;
    match account {
        Some(a) if ok => Ok(Some(galaxie_db::accounts::touch_login(&conn, a).await?)),
        _ => Ok(None),
    }
}

/// The signed-in account of a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// Its account.
    pub account: accounts::Model,
    /// Its session.
    pub session: sessions::Model,
    /// The places it edits (empty for an administrator, who edits all).
    pub places: Vec<PlaceId>,
}

impl CurrentUser {
    /// Whether it may edit `place`.
    pub fn can_edit(&self, place: PlaceId) -> bool {
        self.account.is_admin || self.places.contains(&place)
    }
}

/// Whether a cookie value has the shape of our tokens (64 hex digits).
pub fn looks_like_token(value: &str) -> bool {
    value.len() == 64 && value.chars().all(|c| c.is_ascii_hexdigit())
}

/// The account signed in with the request's session cookie, if any.
pub async fn current_user(
    state: &SiteState,
    headers: &HeaderMap,
) -> Result<Option<CurrentUser>, SiteError> {
    let Some(token) =
        crate::context::cookie(headers, SESSION_COOKIE).filter(|t| looks_like_token(t))
    else {
        return Ok(None);
    };
    let conn = state.data().db().conn().clone();
    let Some((session, account)) = galaxie_db::accounts::session(&conn, &token).await? else {
        return Ok(None);
    };
    let places = galaxie_db::accounts::places_of(&conn, account.id).await?;
    Ok(Some(CurrentUser {
        account,
        session,
        places,
    }))
}

/// Compares two strings in a time that does not depend on where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Refuses a form POST whose CSRF token does not match, or whose `Origin` is another site.
pub fn check_csrf(
    state: &SiteState,
    headers: &HeaderMap,
    user: Option<&CurrentUser>,
    submitted: &str,
) -> Result<(), SiteError> {
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok())
        && origin != "null"
    {
        let ours = state.data().urls().base().origin().ascii_serialization();
        if origin != ours {
            return Err(SiteError::Csrf);
        }
    }
    let expected = match user {
        Some(u) => Some(u.session.csrf_token.clone()),
        None => crate::context::cookie(headers, CSRF_COOKIE),
    };
    match expected {
        Some(expected) if !submitted.is_empty() && constant_time_eq(&expected, submitted) => Ok(()),
        _ => Err(SiteError::Csrf),
    }
}

/// Failed sign-ins per e-mail.
#[derive(Debug, Default)]
pub struct Throttle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl Throttle {
    /// Whether `email` must wait before trying again.
    pub fn is_locked(&self, email: &str) -> bool {
        let key = email.trim().to_lowercase();
        let Ok(map) = self.failures.lock() else {
            return false;
        };
        map.get(&key)
            .is_some_and(|(n, since)| *n >= MAX_FAILURES && since.elapsed() < FAILURE_WINDOW)
    }

    /// Records a failed sign-in.
    pub fn failed(&self, email: &str) {
        let key = email.trim().to_lowercase();
        if let Ok(mut map) = self.failures.lock() {
            // Bounded: old entries go first when the table grows.
            if map.len() > 10_000 {
                map.retain(|_, (_, since)| since.elapsed() < FAILURE_WINDOW);
            }
            let entry = map.entry(key).or_insert((0, Instant::now()));
            if entry.1.elapsed() >= FAILURE_WINDOW {
                *entry = (0, Instant::now());
            }
            entry.0 += 1;
        }
    }

    /// Forgets the failures of `email` (after a successful sign-in).
    pub fn succeeded(&self, email: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&email.trim().to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_hash_and_verify() {
        let hash = hash_password("correct horse battery").await.expect("hash");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("correct horse battery", &hash).await);
        assert!(!verify_password("wrong horse battery", &hash).await);
        assert_eq!(hash_password("court").await, Err(PasswordError::TooShort));
        assert!(!verify_password("anything", DECOY_HASH).await);
        assert!(!verify_password("anything", "not a hash").await);
    }

    #[test]
    fn the_throttle_locks_after_repeated_failures() {
        let t = Throttle::default();
        for _ in 0..MAX_FAILURES - 1 {
            t.failed("A@example.org");
        }
        assert!(!t.is_locked("a@example.org"));
        t.failed("a@example.org");
        assert!(t.is_locked("a@example.org "));
        t.succeeded("a@example.org");
        assert!(!t.is_locked("a@example.org"));
    }

    #[test]
    fn tokens_compare_in_full() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
        assert!(looks_like_token(&"a".repeat(64)));
        assert!(!looks_like_token("a;b"));
    }
}
