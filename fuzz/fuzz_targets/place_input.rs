//! A new place as a JSON body of the API or CLI: deserialization, then every field's validation.
#![no_main]

use galaxie_domain::{NewPlace, RawPlace};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_json::from_slice::<RawPlace>(data) else {
        return;
    };
    match NewPlace::parse(raw) {
        Ok(place) => {
            let _ = format!("{place:?}");
        }
        Err(errors) => {
            let _ = format!("{errors:?}");
        }
    }
});
