//! A recurring permanence's RRULE: parse for a fixed start in Europe/Paris, expand a bounded
//! window, describe in French, write back as ICS lines.
#![no_main]

use chrono::{Duration, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use galaxie_domain::recurrence::Recurrence;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(rule) = std::str::from_utf8(data) else {
        return;
    };
    // Tuesday 5 January 2027, 14:00 in Paris.
    let dtstart = Utc.with_ymd_and_hms(2027, 1, 5, 13, 0, 0).unwrap();
    match Recurrence::parse(rule, dtstart, Paris) {
        Ok(recurrence) => {
            let from = dtstart - Duration::days(1);
            let to = dtstart + Duration::days(3 * 366);
            let occurrences = recurrence.occurrences_between(from, to, 100);
            assert!(occurrences.len() <= 100);
            let _ = recurrence.next_occurrence(dtstart + Duration::days(400));
            let _ = recurrence.describe_fr();
            let lines = recurrence.to_ics_lines();
            // What we write we can read back.
            let written = lines[0].clone();
            if let Err(err) = Recurrence::parse(&written, dtstart, Paris) {
                panic!("{written:?} written from {rule:?} does not parse back: {err}");
            }
        }
        Err(err) => {
            let _ = err.to_string();
        }
    }
});
