//! Object integrity proofs: FEP-8b32 with the W3C `eddsa-jcs-2022` cryptosuite
//! (<https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022>), and Ed25519 keys written as
//! FEP-521a `Multikey`s.
//!
//! Signing a document `d` with proof options `o` (the proof without `proofValue`; as in
//! FEP-8b32, without `@context`, see [`sign`]):
//! `proofValue = "z" + base58btc(Ed25519(SHA-256(JCS(o)) ‖ SHA-256(JCS(d without proof))))`.
//! JCS is RFC 8785 (`serde_json_canonicalizer`). The W3C recommendation's test vector (with
//! [`sign_w3c`]) and FEP-8b32's own example (with [`sign`]) are reproduced byte for byte and
//! verify here (tests at the bottom).

use aws_lc_rs::signature::{self, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use base64::Engine;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The proof type.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The only cryptosuite we sign and verify with.
pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";
/// The proof purpose of an attestation.
pub const ASSERTION_METHOD: &str = "assertionMethod";
/// The data-integrity context, for documents that carry proofs.
pub const DATA_INTEGRITY_CONTEXT: &str = "https://w3id.org/security/data-integrity/v2";
/// The multikey context (FEP-521a), for actors that publish `assertionMethod`.
pub const MULTIKEY_CONTEXT: &str = "https://w3id.org/security/multikey/v1";
/// The multicodec prefix of an Ed25519 public key (`ed25519-pub`, 0xed as a varint).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];
/// The multicodec prefix of an Ed25519 secret key (`ed25519-priv`, 0x1300 as a varint).
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];

/// Why a proof does not verify, or cannot be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IntegrityError {
    /// There is no `proof`.
    #[error("le document n'a pas de preuve / the document has no proof")]
    NoProof,
    /// The proof is not one we understand (type, cryptosuite, several proofs…).
    #[error("preuve non prise en charge / unsupported proof: {0}")]
    Unsupported(String),
    /// The proof is malformed.
    #[error("preuve mal formée / malformed proof: {0}")]
    Malformed(String),
    /// The key is not an Ed25519 multikey.
    #[error("clé invalide / invalid key: {0}")]
    BadKey(String),
    /// The signature does not match the document and the key: the document was changed, or
    /// signed by another key.
    #[error(
        "la signature ne correspond pas : document modifié ou autre clé / the signature does not match: the document was altered or signed by another key"
    )]
    BadSignature,
}

/// An Ed25519 key pair that signs proofs.
pub struct SigningKey {
    pair: Ed25519KeyPair,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", self.public_multibase())
    }
}

impl SigningKey {
    /// A new random key.
    pub fn generate() -> Result<Self, IntegrityError> {
        let pair = Ed25519KeyPair::generate().map_err(|_| {
            IntegrityError::BadKey("génération impossible / cannot generate".into())
        })?;
        Ok(Self { pair })
    }

    /// The key as stored: its PKCS#8 v1 document, in base64.
    pub fn to_stored(&self) -> Result<String, IntegrityError> {
        let doc = self
            .pair
            .to_pkcs8v1()
            .map_err(|_| IntegrityError::BadKey("PKCS#8".into()))?;
        Ok(base64::engine::general_purpose::STANDARD.encode(doc.as_ref()))
    }

    /// Reads a stored key ([`Self::to_stored`]).
    pub fn from_stored(stored: &str) -> Result<Self, IntegrityError> {
        let der = base64::engine::general_purpose::STANDARD
            .decode(stored.trim())
            .map_err(|e| IntegrityError::BadKey(e.to_string()))?;
        let pair = Ed25519KeyPair::from_pkcs8_maybe_unchecked(&der)
            .map_err(|e| IntegrityError::BadKey(e.to_string()))?;
        Ok(Self { pair })
    }

    /// Reads a `secretKeyMultibase` (multicodec `ed25519-priv` + the 32-byte seed).
    pub fn from_secret_multibase(multibase: &str) -> Result<Self, IntegrityError> {
        let bytes = decode_multibase(multibase)?;
        let seed = bytes
            .strip_prefix(&ED25519_PRIV)
            .filter(|s| s.len() == 32)
            .ok_or_else(|| IntegrityError::BadKey("not an ed25519-priv multikey".into()))?;
        let pair = Ed25519KeyPair::from_seed_unchecked(seed)
            .map_err(|e| IntegrityError::BadKey(e.to_string()))?;
        Ok(Self { pair })
    }

    /// The public key as a `publicKeyMultibase` (`z6Mk…`).
    pub fn public_multibase(&self) -> String {
        public_key_multibase(self.pair.public_key().as_ref())
    }

    fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.pair.sign(message).as_ref().to_vec()
    }
}

/// The `publicKeyMultibase` of raw Ed25519 public key bytes.
pub fn public_key_multibase(key: &[u8]) -> String {
    let mut bytes = ED25519_PUB.to_vec();
    bytes.extend_from_slice(key);
    format!("z{}", bs58::encode(bytes).into_string())
}

/// The raw Ed25519 public key of a `publicKeyMultibase`.
pub fn decode_public_multibase(multibase: &str) -> Result<Vec<u8>, IntegrityError> {
    let bytes = decode_multibase(multibase)?;
    bytes
        .strip_prefix(&ED25519_PUB)
        .filter(|k| k.len() == 32)
        .map(<[u8]>::to_vec)
        .ok_or_else(|| IntegrityError::BadKey("not an ed25519-pub multikey".into()))
}

fn decode_multibase(multibase: &str) -> Result<Vec<u8>, IntegrityError> {
    let body = multibase
        .strip_prefix('z')
        .ok_or_else(|| IntegrityError::BadKey("multibase must be base58btc (z…)".into()))?;
    bs58::decode(body)
        .into_vec()
        .map_err(|e| IntegrityError::BadKey(e.to_string()))
}

fn jcs_hash(value: &Value) -> Result<[u8; 32], IntegrityError> {
    let bytes = serde_json_canonicalizer::to_vec(value)
        .map_err(|e| IntegrityError::Malformed(format!("JCS: {e}")))?;
    Ok(Sha256::digest(&bytes).into())
}

fn hash_data(options: &Value, document: &Value) -> Result<Vec<u8>, IntegrityError> {
    let mut data = jcs_hash(options)?.to_vec();
    data.extend_from_slice(&jcs_hash(document)?);
    Ok(data)
}

/// Signs `document` (a JSON object, without `proof`) and returns it with its `proof`, as
/// FEP-8b32 shows: the proof options carry no `@context`. `verification_method` is the key's
/// id (`<actor>#ed25519-key`).
///
/// Why not the W3C form ([`sign_w3c`]), whose options repeat the document's `@context`: bovine
/// (an independent FEP-8b32 implementation, run by `tests/e2e/labels.rs`) drops a proof's
/// `@context` when it hashes the options, so it cannot verify that form; verifiers that hash
/// the proof as given (ours, Mitra's) accept both.
pub fn sign(
    document: &Value,
    key: &SigningKey,
    verification_method: &str,
    created: DateTime<Utc>,
) -> Result<Value, IntegrityError> {
    sign_with(document, key, verification_method, created, false)
}

/// Signs as the W3C recommendation says: the proof options carry the document's `@context`.
pub fn sign_w3c(
    document: &Value,
    key: &SigningKey,
    verification_method: &str,
    created: DateTime<Utc>,
) -> Result<Value, IntegrityError> {
    sign_with(document, key, verification_method, created, true)
}

fn sign_with(
    document: &Value,
    key: &SigningKey,
    verification_method: &str,
    created: DateTime<Utc>,
    with_context: bool,
) -> Result<Value, IntegrityError> {
    let Value::Object(fields) = document else {
        return Err(IntegrityError::Malformed("not a JSON object".into()));
    };
    let mut unsecured = fields.clone();
    unsecured.remove("proof");
    let mut options = Map::new();
    options.insert("type".into(), PROOF_TYPE.into());
    options.insert("cryptosuite".into(), CRYPTOSUITE.into());
    options.insert("verificationMethod".into(), verification_method.into());
    options.insert("proofPurpose".into(), ASSERTION_METHOD.into());
    options.insert(
        "created".into(),
        created.to_rfc3339_opts(SecondsFormat::Secs, true).into(),
    );
    if with_context && let Some(context) = unsecured.get("@context") {
        options.insert("@context".into(), context.clone());
    }
    let options = Value::Object(options);
    let unsecured = Value::Object(unsecured);
    let signature = key.sign(&hash_data(&options, &unsecured)?);
    let Value::Object(mut proof) = options else {
        return Err(IntegrityError::Malformed("proof options".into()));
    };
    proof.insert(
        "proofValue".into(),
        format!("z{}", bs58::encode(signature).into_string()).into(),
    );
    let Value::Object(mut secured) = unsecured else {
        return Err(IntegrityError::Malformed("document".into()));
    };
    secured.insert("proof".into(), Value::Object(proof));
    Ok(Value::Object(secured))
}

/// A proof read from a document, before its key is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    /// The key's id, which names its controller.
    pub verification_method: String,
    /// When it was signed.
    pub created: Option<DateTime<Utc>>,
}

/// Reads the proof of `document` and checks its shape: one `DataIntegrityProof`,
/// `eddsa-jcs-2022`, purpose `assertionMethod`, and a `@context` (if any) equal to the
/// document's.
pub fn read_proof(document: &Value) -> Result<Proof, IntegrityError> {
    let proof = document.get("proof").ok_or(IntegrityError::NoProof)?;
    let Value::Object(proof) = proof else {
        return Err(IntegrityError::Unsupported(
            "exactly one proof object is expected".into(),
        ));
    };
    let text = |k: &str| proof.get(k).and_then(Value::as_str);
    if text("type") != Some(PROOF_TYPE) {
        return Err(IntegrityError::Unsupported(format!(
            "type {:?}",
            proof.get("type")
        )));
    }
    if text("cryptosuite") != Some(CRYPTOSUITE) {
        return Err(IntegrityError::Unsupported(format!(
            "cryptosuite {:?}",
            proof.get("cryptosuite")
        )));
    }
    if text("proofPurpose") != Some(ASSERTION_METHOD) {
        return Err(IntegrityError::Unsupported(format!(
            "proofPurpose {:?}",
            proof.get("proofPurpose")
        )));
    }
    if let Some(context) = proof.get("@context")
        && document.get("@context") != Some(context)
    {
        return Err(IntegrityError::Malformed(
            "the proof's @context differs from the document's".into(),
        ));
    }
    let verification_method = text("verificationMethod")
        .ok_or_else(|| IntegrityError::Malformed("no verificationMethod".into()))?
        .to_string();
    let created = match text("created") {
        Some(c) => Some(
            DateTime::parse_from_rfc3339(c)
                .map_err(|e| IntegrityError::Malformed(format!("created: {e}")))?
                .with_timezone(&Utc),
        ),
        None => None,
    };
    if text("proofValue").is_none() {
        return Err(IntegrityError::Malformed("no proofValue".into()));
    }
    Ok(Proof {
        verification_method,
        created,
    })
}

/// Verifies the proof of `document` with the raw Ed25519 public key `public_key`.
pub fn verify(document: &Value, public_key: &[u8]) -> Result<Proof, IntegrityError> {
    let read = read_proof(document)?;
    let Value::Object(fields) = document else {
        return Err(IntegrityError::Malformed("not a JSON object".into()));
    };
    let mut unsecured = fields.clone();
    let Some(Value::Object(mut options)) = unsecured.remove("proof") else {
        return Err(IntegrityError::NoProof);
    };
    let proof_value = options
        .remove("proofValue")
        .and_then(|v| v.as_str().map(str::to_string))
        .ok_or_else(|| IntegrityError::Malformed("no proofValue".into()))?;
    let signature = proof_value
        .strip_prefix('z')
        .and_then(|b| bs58::decode(b).into_vec().ok())
        .ok_or_else(|| IntegrityError::Malformed("proofValue is not base58btc".into()))?;
    let data = hash_data(&Value::Object(options), &Value::Object(unsecured))?;
    UnparsedPublicKey::new(&signature::ED25519, public_key)
        .verify(&data, &signature)
        .map_err(|_| IntegrityError::BadSignature)?;
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SECRET: &str = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    const PUBLIC: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    fn created() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2023-02-24T23:36:38Z")
            .expect("valid")
            .with_timezone(&Utc)
    }

    /// The test vector of the W3C recommendation (Data Integrity EdDSA Cryptosuites v1.0,
    /// § B.3 "Representation: eddsa-jcs-2022"): same key, same document, same signature.
    #[test]
    fn w3c_eddsa_jcs_2022_vector_is_reproduced_and_verifies() {
        let key = SigningKey::from_secret_multibase(SECRET).expect("valid");
        assert_eq!(key.public_multibase(), PUBLIC);
        let context = json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2"
        ]);
        let document = json!({
            "@context": context,
            "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
            "type": ["VerifiableCredential", "AlumniCredential"],
            "name": "Alumni Credential",
            "description": "A minimum viable example of an Alumni Credential.",
            "issuer": "https://vc.example/issuers/5678",
            "validFrom": "2023-01-01T00:00:00Z",
            "credentialSubject": {
                "id": "did:example:abcdefgh",
                "alumniOf": "The School of Examples"
            }
        });
        let method = format!("did:key:{PUBLIC}#{PUBLIC}");
        let signed = sign_w3c(&document, &key, &method, created()).expect("valid");
        assert_eq!(
            signed["proof"]["proofValue"],
            "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX"
        );
        assert_eq!(signed["proof"]["@context"], context);
        let public = decode_public_multibase(PUBLIC).expect("valid");
        assert_eq!(
            verify(&signed, &public).expect("valid").verification_method,
            method
        );
    }

    /// FEP-8b32's example (a `Create` whose proof options carry no `@context`) is reproduced
    /// byte for byte by [`sign`], and verifies.
    #[test]
    fn fep_8b32_example_is_reproduced_and_verifies() {
        let document = json!({
            "@context": [
                "https://www.w3.org/ns/activitystreams",
                "https://w3id.org/security/data-integrity/v1"
            ],
            "type": "Create",
            "actor": "https://server.example/users/alice",
            "object": { "type": "Note", "content": "Hello world" },
            "proof": {
                "type": "DataIntegrityProof",
                "cryptosuite": "eddsa-jcs-2022",
                "verificationMethod": "https://server.example/users/alice#ed25519-key",
                "proofPurpose": "assertionMethod",
                "proofValue": "z3sXaxjKs4M3BRicwWA9peyNPJvJqxtGsDmpt1jjoHCjgeUf71TRFz56osPSfDErszyLp5Ks1EhYSgpDaNM977Rg2",
                "created": "2023-02-24T23:36:38Z"
            }
        });
        let public = decode_public_multibase(PUBLIC).expect("valid");
        verify(&document, &public).expect("valid");
        let key = SigningKey::from_secret_multibase(SECRET).expect("valid");
        let mut unsigned = document.clone();
        unsigned.as_object_mut().expect("object").remove("proof");
        let signed = sign(
            &unsigned,
            &key,
            "https://server.example/users/alice#ed25519-key",
            created(),
        )
        .expect("valid");
        assert_eq!(
            signed["proof"]["proofValue"],
            document["proof"]["proofValue"]
        );
        assert!(signed["proof"].get("@context").is_none());
        let mut altered = document.clone();
        altered["object"]["content"] = json!("Hello world!");
        assert_eq!(verify(&altered, &public), Err(IntegrityError::BadSignature));
    }

    #[test]
    fn a_changed_field_or_another_key_fails() {
        let key = SigningKey::generate().expect("valid");
        let other = SigningKey::generate().expect("valid");
        let doc = json!({ "@context": ["https://www.w3.org/ns/activitystreams"], "id": "https://a.example/x", "endTime": "2027-01-01T00:00:00Z" });
        let signed =
            sign(&doc, &key, "https://a.example/g#ed25519-key", Utc::now()).expect("valid");
        let public = decode_public_multibase(&key.public_multibase()).expect("valid");
        verify(&signed, &public).expect("valid");
        let mut changed = signed.clone();
        changed["endTime"] = json!("2099-01-01T00:00:00Z");
        assert_eq!(verify(&changed, &public), Err(IntegrityError::BadSignature));
        let other_public = decode_public_multibase(&other.public_multibase()).expect("valid");
        assert_eq!(
            verify(&signed, &other_public),
            Err(IntegrityError::BadSignature)
        );
        let mut no_proof = signed.clone();
        no_proof.as_object_mut().expect("valid").remove("proof");
        assert_eq!(verify(&no_proof, &public), Err(IntegrityError::NoProof));
        let mut suite = signed.clone();
        suite["proof"]["cryptosuite"] = json!("eddsa-rdfc-2022");
        assert!(matches!(
            verify(&suite, &public),
            Err(IntegrityError::Unsupported(_))
        ));
    }

    #[test]
    fn stored_keys_round_trip() {
        let key = SigningKey::generate().expect("valid");
        let again = SigningKey::from_stored(&key.to_stored().expect("valid")).expect("valid");
        assert_eq!(key.public_multibase(), again.public_multibase());
        assert!(key.public_multibase().starts_with("z6Mk"));
    }
}
