//! A MedNum *lieux de médiation numérique* CSV file as uploaded for import: reading the file
//! (encoding, separator, header), then every row's cell checks.
#![no_main]

use galaxie_domain::opendata::mednum;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match mednum::read(data) {
        Ok(file) => {
            for row in &file.rows {
                match &row.row {
                    Ok(cells) => match cells.parse() {
                        Ok(imported) => {
                            let _ = format!("{imported:?}");
                        }
                        Err(errors) => {
                            for e in errors {
                                let _ = e.to_string();
                            }
                        }
                    },
                    Err(e) => {
                        let _ = e.to_string();
                    }
                }
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
