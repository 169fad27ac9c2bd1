//! `Signature` and `Digest` headers of a signed inbox POST.
//!
//! Input: the header value, then optionally a line break and a request body. The header is
//! read as a `Signature` header (and, when it parses, its signing string is built for a fixed
//! request) and as a `Digest` header checked against the body.
#![no_main]

use galaxie_federation::signatures::{
    IncomingRequest, SignatureHeader, check_digest, signing_string,
};
use http::{HeaderMap, HeaderValue};
use libfuzzer_sys::fuzz_target;

const DATE: &str = "Tue, 10 Mar 2026 09:30:00 GMT";

fuzz_target!(|data: &[u8]| {
    let (header, body) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let Ok(header) = std::str::from_utf8(header) else {
        return;
    };
    if let Ok(parsed) = SignatureHeader::parse(header) {
        for h in &parsed.headers {
            assert_eq!(h, &h.to_ascii_lowercase(), "covered header not lowercased");
        }
        let _ = parsed.key_owner_guess();
        let mut headers = HeaderMap::new();
        headers.insert("host", HeaderValue::from_static("galaxie.example"));
        headers.insert("date", HeaderValue::from_static(DATE));
        headers.insert(
            "digest",
            HeaderValue::from_static("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
        );
        if let Ok(value) = HeaderValue::from_str(header) {
            headers.insert("signature", value);
        }
        let request = IncomingRequest {
            method: "POST",
            path_and_query: "/users/epn/inbox",
            headers: &headers,
            default_host: "galaxie.example",
        };
        let now = httpdate::parse_http_date(DATE).expect("fixed date");
        let _ = signing_string(&parsed, &request, true, now);
    }
    let _ = check_digest(Some(header), body);
    let _ = check_digest(None, body);
});
