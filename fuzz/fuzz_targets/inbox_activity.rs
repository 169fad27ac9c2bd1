//! An inbox body: JSON, then dispatch on its `type` to the activity's wire shape.
#![no_main]

use galaxie_federation::activities::InboxActivity;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Some(kind) = value
        .get("type")
        .and_then(|t| t.as_str())
        .map(str::to_owned)
    else {
        return;
    };
    if let Ok(activity) = InboxActivity::parse(&kind, value) {
        // Debug walks every field of what was read.
        let _ = format!("{activity:?}");
    }
});
