//! Draft-cavage HTTP signatures (`rsa-sha256` over `(request-target) host date digest`), the
//! scheme Mastodon and most of the fediverse verify, and the body `Digest`.
//!
//! Signing and verification use aws-lc-rs (several times faster than the pure-Rust `rsa`
//! crate activitypub_federation uses; see docs/benchmarks.md). Keys are parsed once and
//! cached: parsing a PEM costs more than a verification.
//! Spec: <https://datatracker.ietf.org/doc/html/draft-cavage-http-signatures-12>,
//! Mastodon's profile: <https://docs.joinmastodon.org/spec/security/#http>.

use crate::FederationError;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{self as lc, KeyPair as _};
use base64::{Engine, engine::general_purpose::STANDARD as B64};
use galaxie_db::places::KeyPair;
use http::HeaderMap;
use moka::sync::Cache;
use rsa::pkcs1::EncodeRsaPublicKey;
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey};
use rsa::{RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use url::Url;

/// How far in the past a signed `Date` may be (Mastodon allows 12 hours).
pub const MAX_AGE: Duration = Duration::from_secs(12 * 3600);
/// How far in the future a signed `Date` may be (clock skew).
pub const MAX_FUTURE: Duration = Duration::from_secs(3600);

/// Generates a 2048-bit RSA key pair, PEM-encoded.
pub fn generate_keypair() -> Result<KeyPair, FederationError> {
    let keys = activitypub_federation::http_signatures::generate_actor_keypair()
        .map_err(|e| FederationError::Internal(format!("key generation: {e}")))?;
    Ok(KeyPair {
        public_key_pem: keys.public_key,
        private_key_pem: keys.private_key,
    })
}

/// A private key ready to sign.
pub struct SigningKey(lc::RsaKeyPair);

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(..)")
    }
}

impl SigningKey {
    /// Parses a PKCS#8 PEM private key.
    pub fn from_pem(pem: &str) -> Result<Self, String> {
        let der = RsaPrivateKey::from_pkcs8_pem(pem)
            .and_then(|k| k.to_pkcs8_der())
            .map_err(|e| e.to_string())?;
        lc::RsaKeyPair::from_pkcs8(der.as_bytes())
            .map(SigningKey)
            .map_err(|e| e.to_string())
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256 of `message`.
    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, FederationError> {
        let mut signature = vec![0; self.0.public_modulus_len()];
        self.0
            .sign(
                &lc::RSA_PKCS1_SHA256,
                &SystemRandom::new(),
                message,
                &mut signature,
            )
            .map_err(|e| FederationError::Internal(format!("signing failed: {e}")))?;
        Ok(signature)
    }

    /// The public half, for tests and key checks.
    pub fn public_key(&self) -> VerifyingKey {
        VerifyingKey(self.0.public_key().as_ref().to_vec())
    }
}

/// A public key ready to verify (PKCS#1 DER).
#[derive(Debug, Clone)]
pub struct VerifyingKey(Vec<u8>);

impl VerifyingKey {
    /// Parses an SPKI PEM public key, or a PKCS#1 one (some servers publish those).
    pub fn from_pem(pem: &str) -> Result<Self, String> {
        use rsa::pkcs1::DecodeRsaPublicKey;
        let key = RsaPublicKey::from_public_key_pem(pem)
            .or_else(|_| RsaPublicKey::from_pkcs1_pem(pem))
            .map_err(|e| e.to_string())?;
        let der = key.to_pkcs1_der().map_err(|e| e.to_string())?;
        Ok(VerifyingKey(der.as_bytes().to_vec()))
    }

    /// Whether `signature` is this key's RSASSA-PKCS1-v1_5 SHA-256 signature of `message`
    /// (keys of 2048 to 8192 bits).
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        lc::UnparsedPublicKey::new(&lc::RSA_PKCS1_2048_8192_SHA256, &self.0)
            .verify(message, signature)
            .is_ok()
    }
}

/// Parsed keys, by PEM text.
#[derive(Clone)]
pub struct KeyCache {
    private: Cache<String, Arc<SigningKey>>,
    public: Cache<String, Arc<VerifyingKey>>,
}

impl Default for KeyCache {
    fn default() -> Self {
        Self {
            private: Cache::new(1_000),
            public: Cache::new(10_000),
        }
    }
}

impl KeyCache {
    /// The parsed private key of a PKCS#8 PEM.
    pub fn private(&self, pem: &str) -> Result<Arc<SigningKey>, FederationError> {
        self.private
            .try_get_with(pem.to_string(), || SigningKey::from_pem(pem).map(Arc::new))
            .map_err(|e| FederationError::Internal(format!("invalid private key: {e}")))
    }

    /// The parsed public key of an SPKI (or PKCS#1) PEM.
    pub fn public(&self, pem: &str) -> Result<Arc<VerifyingKey>, FederationError> {
        self.public
            .try_get_with(pem.to_string(), || {
                VerifyingKey::from_pem(pem).map(Arc::new)
            })
            .map_err(|e| FederationError::Unauthorized(format!("unreadable public key: {e}")))
    }
}

/// `SHA-256=<base64>` of a body.
pub fn digest_header(body: &[u8]) -> String {
    format!("SHA-256={}", B64.encode(Sha256::digest(body)))
}

/// Checks a `Digest` header against the body. Several digests may be listed; the SHA-256
/// one must be present and match.
pub fn check_digest(header: Option<&str>, body: &[u8]) -> Result<(), FederationError> {
    let header =
        header.ok_or_else(|| FederationError::Unauthorized("missing Digest header".into()))?;
    let expected = B64.encode(Sha256::digest(body));
    let mut saw_sha256 = false;
    for part in header.split(',') {
        let Some((alg, value)) = part.trim().split_once('=') else {
            continue;
        };
        if alg.eq_ignore_ascii_case("SHA-256") {
            saw_sha256 = true;
            if value.trim() != expected {
                return Err(FederationError::Unauthorized(
                    "Digest does not match the body".into(),
                ));
            }
        }
    }
    if saw_sha256 {
        Ok(())
    } else {
        Err(FederationError::Unauthorized(
            "Digest header has no SHA-256 value".into(),
        ))
    }
}

/// The `host` header value for a URL: the port is included when it is not the default.
pub fn host_header(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}

fn request_target(url: &Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

/// Headers to add to a signed request.
#[derive(Debug, Clone)]
pub struct SignedHeaders {
    /// `Host`.
    pub host: String,
    /// `Date`, RFC 7231.
    pub date: String,
    /// `Digest`, for requests with a body.
    pub digest: Option<String>,
    /// `Signature`.
    pub signature: String,
}

/// Signs a POST of `body` to `url` with `key`, over `(request-target) host date digest`.
pub fn sign_post(
    key: &SigningKey,
    key_id: &str,
    url: &Url,
    body: &[u8],
    now: SystemTime,
) -> Result<SignedHeaders, FederationError> {
    sign(key, key_id, "post", url, Some(digest_header(body)), now)
}

/// Signs a POST to `url` like [`sign_post`], with the body's `Digest` header value computed
/// once beforehand ([`digest_header`]): a delivery worker sending one activity to many inboxes
/// hashes its body once. (The signature itself covers `(request-target)` and `host`, which
/// differ per inbox, so it is computed per request.)
pub fn sign_post_with_digest(
    key: &SigningKey,
    key_id: &str,
    url: &Url,
    digest: &str,
    now: SystemTime,
) -> Result<SignedHeaders, FederationError> {
    sign(key, key_id, "post", url, Some(digest.to_string()), now)
}

/// Signs a GET of `url` with `key`, over `(request-target) host date`.
pub fn sign_get(
    key: &SigningKey,
    key_id: &str,
    url: &Url,
    now: SystemTime,
) -> Result<SignedHeaders, FederationError> {
    sign(key, key_id, "get", url, None, now)
}

fn sign(
    key: &SigningKey,
    key_id: &str,
    method: &str,
    url: &Url,
    digest: Option<String>,
    now: SystemTime,
) -> Result<SignedHeaders, FederationError> {
    let host = host_header(url);
    let date = httpdate::fmt_http_date(now);
    let mut lines = vec![
        format!("(request-target): {method} {}", request_target(url)),
        format!("host: {host}"),
        format!("date: {date}"),
    ];
    let mut covered = "(request-target) host date".to_string();
    if let Some(d) = &digest {
        lines.push(format!("digest: {d}"));
        covered.push_str(" digest");
    }
    let signing_string = lines.join("\n");
    let signature = key.sign(signing_string.as_bytes())?;
    Ok(SignedHeaders {
        host,
        date,
        digest,
        signature: format!(
            r#"keyId="{key_id}",algorithm="rsa-sha256",headers="{covered}",signature="{}""#,
            B64.encode(signature)
        ),
    })
}

/// A parsed `Signature` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureHeader {
    /// The key's URL (usually the actor's id with a `#main-key` fragment).
    pub key_id: String,
    /// The declared algorithm, if any.
    pub algorithm: Option<String>,
    /// The covered headers, lowercased.
    pub headers: Vec<String>,
    /// The signature bytes.
    pub signature: Vec<u8>,
}

impl SignatureHeader {
    /// Parses `keyId="…",algorithm="…",headers="…",signature="…"`.
    pub fn parse(value: &str) -> Result<Self, FederationError> {
        let bad =
            |why: &str| FederationError::Unauthorized(format!("malformed Signature header: {why}"));
        let mut key_id = None;
        let mut algorithm = None;
        let mut headers = None;
        let mut signature = None;
        let mut rest = value.trim();
        while !rest.is_empty() {
            let (name, after) = rest
                .split_once('=')
                .ok_or_else(|| bad("expected name=\"value\""))?;
            let after = after.trim_start();
            let after = after
                .strip_prefix('"')
                .ok_or_else(|| bad("values must be quoted"))?;
            let end = after.find('"').ok_or_else(|| bad("unterminated value"))?;
            let val = &after[..end];
            match name.trim().to_ascii_lowercase().as_str() {
                "keyid" => key_id = Some(val.to_string()),
                "algorithm" => algorithm = Some(val.to_ascii_lowercase()),
                "headers" => {
                    headers = Some(
                        val.split_whitespace()
                            .map(str::to_ascii_lowercase)
                            .collect(),
                    )
                }
                "signature" => {
                    signature = Some(
                        B64.decode(val)
                            .map_err(|_| bad("signature is not base64"))?,
                    )
                }
                _ => {}
            }
            rest = after[end + 1..]
                .trim_start()
                .trim_start_matches(',')
                .trim_start();
        }
        Ok(SignatureHeader {
            key_id: key_id.ok_or_else(|| bad("no keyId"))?,
            algorithm,
            headers: headers.unwrap_or_else(|| vec!["date".to_string()]),
            signature: signature.ok_or_else(|| bad("no signature"))?,
        })
    }

    /// The actor the key belongs to by URL convention (the key id without its fragment).
    pub fn key_owner_guess(&self) -> Option<Url> {
        let mut url = Url::parse(&self.key_id).ok()?;
        url.set_fragment(None);
        Some(url)
    }
}

/// A request as received, enough to verify its signature.
pub struct IncomingRequest<'a> {
    /// `post`, `get`…
    pub method: &'a str,
    /// Path and query as received.
    pub path_and_query: &'a str,
    /// The request headers.
    pub headers: &'a HeaderMap,
    /// Used for `host` when the request has no `Host` header.
    pub default_host: &'a str,
}

/// Checks the declared algorithm, the covered headers and the `Date`, and returns the signing
/// string to verify.
pub fn signing_string(
    sig: &SignatureHeader,
    req: &IncomingRequest<'_>,
    require_digest: bool,
    now: SystemTime,
) -> Result<String, FederationError> {
    if let Some(alg) = &sig.algorithm
        && !matches!(alg.as_str(), "rsa-sha256" | "hs2019")
    {
        return Err(FederationError::Unauthorized(format!(
            "unsupported signature algorithm {alg:?}"
        )));
    }
    let mut required = vec!["(request-target)", "host", "date"];
    if require_digest {
        required.push("digest");
    }
    for name in required {
        if !sig.headers.iter().any(|h| h == name) {
            return Err(FederationError::Unauthorized(format!(
                "the signature must cover {name}"
            )));
        }
    }
    let header = |name: &str| -> Option<String> {
        req.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let date = header("date")
        .ok_or_else(|| FederationError::Unauthorized("missing Date header".into()))?;
    let when = httpdate::parse_http_date(&date)
        .map_err(|_| FederationError::Unauthorized(format!("unreadable Date {date:?}")))?;
    if when + MAX_AGE < now {
        return Err(FederationError::Unauthorized(format!(
            "Date {date:?} is more than 12 hours old"
        )));
    }
    if when > now + MAX_FUTURE {
        return Err(FederationError::Unauthorized(format!(
            "Date {date:?} is in the future"
        )));
    }
    let mut lines = Vec::with_capacity(sig.headers.len());
    for name in &sig.headers {
        let value = match name.as_str() {
            "(request-target)" => {
                format!("{} {}", req.method.to_ascii_lowercase(), req.path_and_query)
            }
            "host" => header("host").unwrap_or_else(|| req.default_host.to_string()),
            other => {
                let values: Vec<&str> = req
                    .headers
                    .get_all(other)
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .collect();
                if values.is_empty() {
                    return Err(FederationError::Unauthorized(format!(
                        "signed header {other} is missing"
                    )));
                }
                values.join(", ")
            }
        };
        lines.push(format!("{name}: {value}"));
    }
    Ok(lines.join("\n"))
}

/// Whether `signature` is `key`'s RSA-SHA256 signature of `signing_string`.
pub fn verify(key: &VerifyingKey, signing_string: &str, signature: &[u8]) -> bool {
    key.verify(signing_string.as_bytes(), signature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn keypair() -> (SigningKey, VerifyingKey) {
        let k = generate_keypair().expect("keys");
        (
            SigningKey::from_pem(&k.private_key_pem).expect("private"),
            VerifyingKey::from_pem(&k.public_key_pem).expect("public"),
        )
    }

    #[test]
    fn aws_lc_signatures_match_the_rsa_crate_ones() {
        // The same key signs the same bytes identically (PKCS#1 v1.5 is deterministic), so
        // peers using either library verify us.
        let k = generate_keypair().expect("keys");
        let ours = SigningKey::from_pem(&k.private_key_pem)
            .expect("key")
            .sign(b"hello")
            .expect("sign");
        let rsa_key = RsaPrivateKey::from_pkcs8_pem(&k.private_key_pem).expect("key");
        let theirs = rsa_key
            .sign(
                rsa::Pkcs1v15Sign::new::<Sha256>(),
                &Sha256::digest(b"hello"),
            )
            .expect("sign");
        assert_eq!(ours, theirs);
        let public = VerifyingKey::from_pem(&k.public_key_pem).expect("public");
        assert!(public.verify(b"hello", &theirs));
        assert!(!public.verify(b"hellO", &theirs));
    }

    fn received(signed: &SignedHeaders) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("host", HeaderValue::from_str(&signed.host).expect("h"));
        headers.insert("date", HeaderValue::from_str(&signed.date).expect("h"));
        if let Some(d) = &signed.digest {
            headers.insert("digest", HeaderValue::from_str(d).expect("h"));
        }
        headers.insert(
            "signature",
            HeaderValue::from_str(&signed.signature).expect("h"),
        );
        headers
    }

    #[test]
    fn a_signed_post_verifies_and_a_tampered_one_does_not() {
        let (private, public) = keypair();
        let url = Url::parse("http://localhost:8081/places/epn/inbox").expect("url");
        let now = SystemTime::now();
        let signed = sign_post(
            &private,
            "http://localhost:8080/places/a#main-key",
            &url,
            b"{}",
            now,
        )
        .expect("sign");
        assert_eq!(signed.host, "localhost:8081");
        let headers = received(&signed);
        let sig = SignatureHeader::parse(&signed.signature).expect("parse");
        assert_eq!(sig.key_id, "http://localhost:8080/places/a#main-key");
        let req = IncomingRequest {
            method: "POST",
            path_and_query: "/places/epn/inbox",
            headers: &headers,
            default_host: "x",
        };
        let s = signing_string(&sig, &req, true, now).expect("string");
        assert!(verify(&public, &s, &sig.signature));
        let other = IncomingRequest {
            path_and_query: "/places/other/inbox",
            ..req
        };
        let s = signing_string(&sig, &other, true, now).expect("string");
        assert!(!verify(&public, &s, &sig.signature));
        check_digest(signed.digest.as_deref(), b"{}").expect("digest");
        assert!(check_digest(signed.digest.as_deref(), b"{ }").is_err());
    }

    #[test]
    fn a_stale_date_is_refused() {
        let (private, _) = keypair();
        let url = Url::parse("http://localhost:8081/inbox").expect("url");
        let then = SystemTime::now() - Duration::from_secs(13 * 3600);
        let signed = sign_post(&private, "k", &url, b"{}", then).expect("sign");
        let headers = received(&signed);
        let sig = SignatureHeader::parse(&signed.signature).expect("parse");
        let req = IncomingRequest {
            method: "POST",
            path_and_query: "/inbox",
            headers: &headers,
            default_host: "x",
        };
        let err = signing_string(&sig, &req, true, SystemTime::now()).expect_err("stale");
        assert!(err.to_string().contains("12 hours"));
    }

    #[test]
    fn signature_header_parsing_tolerates_spaces_and_order() {
        let sig = SignatureHeader::parse(
            r#"signature="AAAA", keyId="https://a.example/u#k", headers="(request-target) Host date""#,
        )
        .expect("parse");
        assert_eq!(sig.key_id, "https://a.example/u#k");
        assert_eq!(sig.headers, ["(request-target)", "host", "date"]);
        assert_eq!(
            sig.key_owner_guess().expect("url").as_str(),
            "https://a.example/u"
        );
        assert!(SignatureHeader::parse("keyId=nope").is_err());
    }
}
