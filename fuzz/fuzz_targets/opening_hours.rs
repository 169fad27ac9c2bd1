//! Opening hours (OSM syntax) as typed in a form or imported: parse, describe in French, and
//! evaluate at fixed instants (one of them in the night of the spring DST change in Paris).
#![no_main]

use chrono::{DateTime, TimeZone, Utc};
use galaxie_domain::hours::OpeningHours;
use libfuzzer_sys::fuzz_target;

fn instants() -> [DateTime<Utc>; 3] {
    [
        Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap(),
        // 2026-03-29 01:30 UTC = 03:30 CEST, just after the clocks jump forward.
        Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 59).unwrap(),
        Utc.with_ymd_and_hms(2026, 12, 31, 23, 0, 0).unwrap(),
    ]
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match OpeningHours::parse(text) {
        Ok(hours) => {
            let _ = hours.describe_fr();
            let _ = hours.describe_en();
            for now in instants() {
                let _ = hours.state(now);
                if let Some(next) = hours.next_change(now) {
                    assert!(next > now, "next_change({now}) = {next} is not after it");
                }
                let _ = hours.state_fr(now);
            }
        }
        Err(err) => {
            // The error message is shown to people: building it must not panic.
            let _ = err.to_string();
        }
    }
});
