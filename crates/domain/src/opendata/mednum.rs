//! La MedNum's *lieux de médiation numérique* (Table Schema v1.0.2, `reference/`): a CSV of 32
//! columns, `,` between cells and `|` between the values of a multi-value cell.
//!
//! - [`export`] turns [`PlaceRecord`]s into [`MednumRow`]s; [`write_csv`] writes them with the
//!   header in the schema's order. A place that lacks a column the schema requires (`pivot`,
//!   `commune`, `code_postal`, `adresse`) is skipped with the reason.
//! - [`read`] reads a file (by header name, in any order; UTF-8, or Windows-1252 as Excel
//!   saves it; `,` or `;`), [`MednumRow::parse`] checks a row and says, for each refused cell,
//!   the column, the value and why, and [`merge`] lays an imported profile over a stored one.

use super::{Export, Fallback, PlaceRecord, Producer, Skipped, codes, concepts, slugify, truncate};
use crate::place::{Concepts, PlaceProfile, RawPlaceUpdate, SUMMARY_MAX};
use crate::vocab::{self, CodeList, Scheme, Standard};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The schema's columns, in its order.
pub const COLUMNS: [&str; 32] = [
    "id",
    "pivot",
    "nom",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "latitude",
    "longitude",
    "typologie",
    "telephone",
    "courriels",
    "site_web",
    "horaires",
    "presentation_resume",
    "presentation_detail",
    "source",
    "itinerance",
    "structure_parente",
    "date_maj",
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "autres_formations_labels",
    "modalites_acces",
    "modalites_accompagnement",
    "fiche_acces_libre",
    "prise_rdv",
];

/// The columns the schema requires.
pub const REQUIRED: [&str; 7] = [
    "id",
    "pivot",
    "nom",
    "commune",
    "code_postal",
    "adresse",
    "date_maj",
];

/// Between the values of a multi-value cell.
pub const MULTI_VALUE_SEPARATOR: char = '|';

/// The multi-value columns that hold vocabulary concepts, with their scheme.
pub const CONCEPT_COLUMNS: [(&str, Scheme); 9] = [
    ("typologie", Scheme::StructureType),
    ("services", Scheme::Service),
    ("publics_specifiquement_adresses", Scheme::Public),
    ("prise_en_charge_specifique", Scheme::SpecificSupport),
    ("frais_a_charge", Scheme::Fee),
    ("dispositif_programmes_nationaux", Scheme::Programme),
    ("formations_labels", Scheme::Label),
    ("modalites_acces", Scheme::AccessMode),
    ("modalites_accompagnement", Scheme::SupportMode),
];

/// One row of the CSV, cell by cell (an empty cell is an empty string). Field order is the
/// schema's column order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MednumRow {
    pub id: String,
    pub pivot: String,
    pub nom: String,
    pub commune: String,
    pub code_postal: String,
    pub code_insee: String,
    pub adresse: String,
    pub complement_adresse: String,
    pub latitude: String,
    pub longitude: String,
    pub typologie: String,
    pub telephone: String,
    pub courriels: String,
    pub site_web: String,
    pub horaires: String,
    pub presentation_resume: String,
    pub presentation_detail: String,
    pub source: String,
    pub itinerance: String,
    pub structure_parente: String,
    pub date_maj: String,
    pub services: String,
    pub publics_specifiquement_adresses: String,
    pub prise_en_charge_specifique: String,
    pub frais_a_charge: String,
    pub dispositif_programmes_nationaux: String,
    pub formations_labels: String,
    pub autres_formations_labels: String,
    pub modalites_acces: String,
    pub modalites_accompagnement: String,
    pub fiche_acces_libre: String,
    pub prise_rdv: String,
}

impl MednumRow {
    /// The cell of `column`.
    pub fn cell(&self, column: &str) -> &str {
        match column {
            "id" => &self.id,
            "pivot" => &self.pivot,
            "nom" => &self.nom,
            "commune" => &self.commune,
            "code_postal" => &self.code_postal,
            "code_insee" => &self.code_insee,
            "adresse" => &self.adresse,
            "complement_adresse" => &self.complement_adresse,
            "latitude" => &self.latitude,
            "longitude" => &self.longitude,
            "typologie" => &self.typologie,
            "telephone" => &self.telephone,
            "courriels" => &self.courriels,
            "site_web" => &self.site_web,
            "horaires" => &self.horaires,
            "presentation_resume" => &self.presentation_resume,
            "presentation_detail" => &self.presentation_detail,
            "source" => &self.source,
            "itinerance" => &self.itinerance,
            "structure_parente" => &self.structure_parente,
            "date_maj" => &self.date_maj,
            "services" => &self.services,
            "publics_specifiquement_adresses" => &self.publics_specifiquement_adresses,
            "prise_en_charge_specifique" => &self.prise_en_charge_specifique,
            "frais_a_charge" => &self.frais_a_charge,
            "dispositif_programmes_nationaux" => &self.dispositif_programmes_nationaux,
            "formations_labels" => &self.formations_labels,
            "autres_formations_labels" => &self.autres_formations_labels,
            "modalites_acces" => &self.modalites_acces,
            "modalites_accompagnement" => &self.modalites_accompagnement,
            "fiche_acces_libre" => &self.fiche_acces_libre,
            "prise_rdv" => &self.prise_rdv,
            _ => "",
        }
    }

    fn cell_mut(&mut self, column: &str) -> Option<&mut String> {
        Some(match column {
            "typologie" => &mut self.typologie,
            "services" => &mut self.services,
            "publics_specifiquement_adresses" => &mut self.publics_specifiquement_adresses,
            "prise_en_charge_specifique" => &mut self.prise_en_charge_specifique,
            "frais_a_charge" => &mut self.frais_a_charge,
            "dispositif_programmes_nationaux" => &mut self.dispositif_programmes_nationaux,
            "formations_labels" => &mut self.formations_labels,
            "modalites_acces" => &mut self.modalites_acces,
            "modalites_accompagnement" => &mut self.modalites_accompagnement,
            _ => return None,
        })
    }
}

/// The MedNum list of a scheme's concepts.
fn mednum_list(scheme: Scheme) -> Option<CodeList> {
    scheme
        .code_lists()
        .find(|l| l.standard() == Standard::MedNum)
}

/// A place's concept slugs in `scheme`.
fn slugs_of(c: &Concepts, scheme: Scheme) -> &[String] {
    match scheme {
        Scheme::StructureType => &c.structure_types,
        Scheme::Service => &c.services,
        Scheme::Public => &c.publics,
        Scheme::SpecificSupport => &c.specific_support,
        Scheme::Fee => &c.fees,
        Scheme::Programme => &c.programmes,
        Scheme::Label => &c.labels,
        Scheme::AccessMode => &c.access_modes,
        Scheme::SupportMode => &c.support_modes,
        _ => &[],
    }
}

fn slugs_of_mut(c: &mut Concepts, scheme: Scheme) -> Option<&mut Vec<String>> {
    Some(match scheme {
        Scheme::StructureType => &mut c.structure_types,
        Scheme::Service => &mut c.services,
        Scheme::Public => &mut c.publics,
        Scheme::SpecificSupport => &mut c.specific_support,
        Scheme::Fee => &mut c.fees,
        Scheme::Programme => &mut c.programmes,
        Scheme::Label => &mut c.labels,
        Scheme::AccessMode => &mut c.access_modes,
        Scheme::SupportMode => &mut c.support_modes,
        _ => return None,
    })
}

/// The place's concepts together with those of its services (a place that publishes an
/// "Aide aux démarches" service offers that service).
fn place_concepts(place: &PlaceRecord) -> Concepts {
    let mut all = place.profile.concepts.clone();
    for service in &place.services {
        let s = &service.concepts;
        for (target, more) in [
            (&mut all.services, &s.services),
            (&mut all.publics, &s.publics),
            (&mut all.fees, &s.fees),
            (&mut all.access_modes, &s.access_modes),
            (&mut all.support_modes, &s.support_modes),
        ] {
            for slug in more {
                if !target.contains(slug) {
                    target.push(slug.clone());
                }
            }
        }
    }
    all
}

fn join<I: IntoIterator<Item = S>, S: AsRef<str>>(values: I) -> String {
    values
        .into_iter()
        .map(|v| v.as_ref().to_string())
        .collect::<Vec<_>>()
        .join("|")
}

fn matches_phone_pattern(phone: &str) -> bool {
    const PREFIXES: [&str; 10] = [
        "+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681",
    ];
    PREFIXES.iter().any(|p| {
        phone.strip_prefix(p).is_some_and(|rest| {
            (6..=9).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_digit())
        })
    })
}

fn is_postal_code(code: &str) -> bool {
    code.len() == 5 && code.chars().all(|c| c.is_ascii_digit())
}

/// The row of one place, or why it cannot be exported.
pub fn to_row(
    place: &PlaceRecord,
    producer: &Producer,
    warnings: &mut Vec<String>,
) -> Result<MednumRow, String> {
    let p = &place.profile;
    let who = place.url.as_str();
    let mut missing = Vec::new();
    if p.pivot.is_none() {
        missing.push("pivot (SIRET, SIREN or RNA number)");
    }
    if p.address
        .locality
        .as_deref()
        .is_none_or(|c| c.trim().is_empty())
    {
        missing.push("commune");
    }
    if !p.address.postal_code.as_deref().is_some_and(is_postal_code) {
        missing.push("code_postal");
    }
    if p.address
        .street_address
        .as_deref()
        .is_none_or(|a| a.trim().is_empty())
    {
        missing.push("adresse");
    }
    if !missing.is_empty() {
        return Err(format!(
            "lacks what the MedNum schema requires: {}",
            missing.join(", ")
        ));
    }
    let mut row = MednumRow {
        id: place.url.to_string(),
        pivot: p.pivot.as_ref().map(|v| v.to_string()).unwrap_or_default(),
        nom: p.name.trim().to_string(),
        commune: p.address.locality.clone().unwrap_or_default(),
        code_postal: p.address.postal_code.clone().unwrap_or_default(),
        adresse: p.address.street_address.clone().unwrap_or_default(),
        complement_adresse: p.address_complement.clone().unwrap_or_default(),
        date_maj: place.updated.format("%Y-%m-%d").to_string(),
        source: place
            .source
            .clone()
            .unwrap_or_else(|| producer.name.clone()),
        ..MednumRow::default()
    };
    if let Some(code) = &p.insee_code {
        match crate::identity::parse_insee_code(code) {
            Ok(code) => row.code_insee = code,
            Err(e) => warnings.push(format!("{who}: code_insee left out: {e}")),
        }
    }
    if let Some(geo) = p.geo {
        row.latitude = geo.latitude.to_string();
        row.longitude = geo.longitude.to_string();
    }
    if let Some(phone) = &p.phone {
        if matches_phone_pattern(phone) {
            row.telephone = phone.clone();
        } else {
            warnings.push(format!(
                "{who}: telephone {phone:?} left out: not in the E.164 form MedNum requires"
            ));
        }
    }
    row.courriels = join(&p.emails);
    row.site_web = join(
        p.website
            .iter()
            .chain(&p.other_websites)
            .map(|u| u.to_string()),
    );
    row.horaires = p.opening_hours.clone().unwrap_or_default();
    if let Some(summary) = &p.summary {
        if summary.chars().count() > SUMMARY_MAX {
            warnings.push(format!(
                "{who}: presentation_resume cut to {SUMMARY_MAX} characters"
            ));
        }
        row.presentation_resume = truncate(summary, SUMMARY_MAX);
    }
    row.presentation_detail = p.description.clone().unwrap_or_default();
    row.itinerance = p
        .mobility
        .map(|m| m.mednum().to_string())
        .unwrap_or_default();
    row.structure_parente = p.parent_structure.clone().unwrap_or_default();
    row.autres_formations_labels = p.other_labels.clone().unwrap_or_default();
    row.fiche_acces_libre = p
        .acceslibre_url
        .as_ref()
        .map(|u| u.to_string())
        .unwrap_or_default();
    row.prise_rdv = p
        .booking_url
        .as_ref()
        .or_else(|| place.services.iter().find_map(|s| s.booking_url.as_ref()))
        .map(|u| u.to_string())
        .unwrap_or_default();
    let all = place_concepts(place);
    for (column, scheme) in CONCEPT_COLUMNS {
        let Some(list) = mednum_list(scheme) else {
            continue;
        };
        let (values, left_out) = codes(
            concepts(scheme, slugs_of(&all, scheme)),
            list,
            Fallback::Broader,
        );
        for c in left_out {
            warnings.push(format!(
                "{who}: {column}: «{}» has no MedNum value and was left out",
                c.label_fr
            ));
        }
        if let Some(cell) = row.cell_mut(column) {
            *cell = join(values);
        }
    }
    Ok(row)
}

/// Every exportable place as a MedNum row; the others are skipped with the reason.
pub fn export(places: &[PlaceRecord], producer: &Producer) -> Export<MednumRow> {
    let mut out = Export::default();
    for place in places {
        match to_row(place, producer, &mut out.warnings) {
            Ok(row) => out.items.push(row),
            Err(reason) => out.skipped.push(Skipped {
                id: place.url.to_string(),
                reason,
            }),
        }
    }
    out
}

/// Writes rows as the MedNum CSV: UTF-8, `,`, the header in the schema's order (even with no
/// row), quotes where needed.
pub fn write_csv(rows: &[MednumRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for row in rows {
        writer.serialize(row)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}

/// A cell refused on import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellError {
    /// The MedNum column (empty when the whole row is wrong).
    pub column: String,
    /// The cell's value.
    pub value: String,
    /// Why, in plain words.
    pub message: String,
}

impl CellError {
    fn new(column: &str, value: &str, message: impl Into<String>) -> CellError {
        CellError {
            column: column.to_string(),
            value: value.to_string(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.column.is_empty(), self.value.is_empty()) {
            (true, _) => write!(f, "{}", self.message),
            (false, true) => write!(f, "{}: {}", self.column, self.message),
            (false, false) => write!(f, "{} = {:?}: {}", self.column, self.value, self.message),
        }
    }
}

/// A row read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    /// Its line in the file (the header is line 1).
    pub line: u64,
    /// Its cells, or why they could not be read.
    pub row: Result<MednumRow, CellError>,
}

/// A MedNum file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MednumFile {
    /// Its rows (blank lines skipped).
    pub rows: Vec<FileRow>,
    /// What was odd about the file as a whole (separator, encoding, unknown columns…).
    pub warnings: Vec<String>,
}

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// No header line.
    #[error("the file is empty: a MedNum CSV starts with a header line naming its columns")]
    Empty,
    /// Required columns are missing from the header.
    #[error(
        "the header lacks columns the MedNum schema requires: {}; it names: {}",
        .missing.join(", "),
        .found.join(", ")
    )]
    MissingColumns {
        /// The missing columns.
        missing: Vec<String>,
        /// The columns found.
        found: Vec<String>,
    },
    /// A column named twice.
    #[error("the header names the column {0:?} twice")]
    DuplicateColumn(String),
    /// Not CSV.
    #[error("cannot read the CSV: {0}")]
    Csv(String),
}

/// Windows-1252's characters for the bytes 0x80–0x9F (the others are Latin-1's).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), None),
        Err(_) => {
            let text: String = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
                    b => char::from(b),
                })
                .collect();
            (
                Cow::Owned(text),
                Some(
                    "the file is not UTF-8: it was read as Windows-1252 (Excel's « CSV » format); \
                     the MedNum schema asks for UTF-8"
                        .to_string(),
                ),
            )
        }
    }
}

/// Reads a MedNum CSV. Columns are matched by name (case and surrounding spaces ignored), in
/// any order; columns outside the schema are reported and ignored, missing optional ones are
/// read as empty.
pub fn read(bytes: &[u8]) -> Result<MednumFile, FileError> {
    let (text, encoding_warning) = decode(bytes);
    let mut warnings: Vec<String> = encoding_warning.into_iter().collect();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let first_line = text.lines().next().unwrap_or_default();
    if first_line.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        warnings.push(
            "the file separates cells with ';': read as such, though the MedNum schema asks for ','"
                .to_string(),
        );
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| FileError::Csv(e.to_string()))?
        .clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(FileError::DuplicateColumn(name.clone()));
        }
    }
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|c| !names.iter().any(|n| n == *c))
        .map(|c| c.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(FileError::MissingColumns {
            missing,
            found: names,
        });
    }
    let unknown: Vec<&str> = names
        .iter()
        .filter(|n| !COLUMNS.contains(&n.as_str()))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        warnings.push(format!(
            "columns outside the MedNum schema were ignored: {}",
            unknown.join(", ")
        ));
    }
    let absent: Vec<&str> = COLUMNS
        .iter()
        .filter(|c| !names.iter().any(|n| n == *c))
        .copied()
        .collect();
    if !absent.is_empty() {
        warnings.push(format!(
            "optional columns absent from the file were read as empty: {}",
            absent.join(", ")
        ));
    }
    let header = csv::StringRecord::from(names.clone());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FileError::Csv(e.to_string()))?;
        let line = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .map(|b| line_at(text, b))
            .unwrap_or_default();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = if record.len() != names.len() {
            Err(CellError::new(
                "",
                "",
                format!(
                    "has {} cells where the header names {} columns",
                    record.len(),
                    names.len()
                ),
            ))
        } else {
            record
                .deserialize::<MednumRow>(Some(&header))
                .map_err(|e| CellError::new("", "", format!("cannot be read: {e}")))
        };
        rows.push(FileRow { line, row });
    }
    Ok(MednumFile { rows, warnings })
}

/// The line of the first character at or after byte `offset` that is not a line break
/// (csv places a record after the blank lines before it, and counts no blank line).
fn line_at(text: &str, offset: usize) -> u64 {
    let bytes = text.as_bytes();
    let mut start = offset.min(bytes.len());
    while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
        start += 1;
    }
    let breaks = bytes[..start].iter().filter(|&&b| b == b'\n').count();
    u64::try_from(breaks).unwrap_or(u64::MAX).saturating_add(1)
}

/// A row that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// Its MedNum `id`, unique in its file.
    pub id: String,
    /// Its MedNum `source`, if given.
    pub source: Option<String>,
    /// Its `date_maj`.
    pub updated_on: NaiveDate,
    /// The profile it describes (MedNum's fields only; see [`merge`]).
    pub profile: PlaceProfile,
    /// A username made from `nom` (lower-case ASCII words joined by `-`, at most 60
    /// characters, `lieu` when nothing is left); the importer makes it unique.
    pub username: String,
}

/// Our profile's field for each MedNum column, to name the column of a refused value.
const FIELD_COLUMNS: [(&str, &str); 31] = [
    ("name", "nom"),
    ("summary", "presentation_resume"),
    ("address", "adresse"),
    ("postal_code", "code_postal"),
    ("city", "commune"),
    ("lat", "latitude"),
    ("lon", "longitude"),
    ("phone", "telephone"),
    ("website", "site_web"),
    ("other_websites", "site_web"),
    ("hours", "horaires"),
    ("pivot", "pivot"),
    ("address_complement", "complement_adresse"),
    ("insee_code", "code_insee"),
    ("emails", "courriels"),
    ("description", "presentation_detail"),
    ("mobility", "itinerance"),
    ("parent_structure", "structure_parente"),
    ("structure_types", "typologie"),
    ("services", "services"),
    ("publics", "publics_specifiquement_adresses"),
    ("specific_support", "prise_en_charge_specifique"),
    ("fees", "frais_a_charge"),
    ("programmes", "dispositif_programmes_nationaux"),
    ("labels", "formations_labels"),
    ("access_modes", "modalites_acces"),
    ("support_modes", "modalites_accompagnement"),
    ("other_labels", "autres_formations_labels"),
    ("acceslibre_url", "fiche_acces_libre"),
    ("booking_url", "prise_rdv"),
    ("country", "commune"),
];

fn column_of(field: &str) -> &str {
    FIELD_COLUMNS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, c)| *c)
        .unwrap_or(field)
}

fn split(cell: &str) -> Vec<String> {
    cell.split(MULTI_VALUE_SEPARATOR)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_number(cell: &str) -> Option<Result<f64, ()>> {
    let cell = cell.trim();
    (!cell.is_empty()).then(|| cell.replace(',', ".").parse::<f64>().map_err(|_| ()))
}

impl MednumRow {
    /// Checks every cell; the row is accepted whole or refused with every reason.
    pub fn parse(&self) -> Result<Imported, Vec<CellError>> {
        let mut errors: Vec<CellError> = Vec::new();
        for column in REQUIRED {
            if self.cell(column).trim().is_empty() {
                errors.push(CellError::new(
                    column,
                    "",
                    "is required by the MedNum schema",
                ));
            }
        }
        let date_maj = self.date_maj.trim();
        let updated_on = if date_maj.is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(date_maj, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(CellError::new(
                        "date_maj",
                        date_maj,
                        "must be a date written YYYY-MM-DD, like 2024-04-02",
                    ));
                    None
                }
            }
        };
        let mut number = |column: &str, cell: &str| match parse_number(cell) {
            None => None,
            Some(Ok(n)) => Some(n),
            Some(Err(())) => {
                errors.push(CellError::new(
                    column,
                    cell.trim(),
                    "must be a number in decimal degrees, like 49.2583",
                ));
                None
            }
        };
        let lat = number("latitude", &self.latitude);
        let lon = number("longitude", &self.longitude);
        let mut lists: Vec<(Scheme, Vec<String>)> = Vec::new();
        for (column, scheme) in CONCEPT_COLUMNS {
            let cell = self.cell(column);
            let mut slugs = Vec::new();
            for value in split(cell) {
                match vocab::from_mednum(scheme, &value) {
                    Some(c) => {
                        if !slugs.iter().any(|s| s == c.slug) {
                            slugs.push(c.slug.to_string());
                        }
                    }
                    None => errors.push(CellError::new(
                        column,
                        &value,
                        format!(
                            "is not a value of the MedNum list {column}{}",
                            expected_values(scheme)
                        ),
                    )),
                }
            }
            lists.push((scheme, slugs));
        }
        let text = |cell: &str| Some(cell.trim().to_string());
        let websites = split(&self.site_web);
        let update = RawPlaceUpdate {
            name: text(&self.nom),
            summary: text(&self.presentation_resume),
            address: text(&self.adresse),
            postal_code: text(&self.code_postal),
            city: text(&self.commune),
            lat,
            lon,
            phone: text(&self.telephone),
            website: Some(websites.first().cloned().unwrap_or_default()),
            hours: text(&self.horaires),
            pivot: text(&self.pivot),
            address_complement: text(&self.complement_adresse),
            insee_code: text(&self.code_insee),
            emails: Some(split(&self.courriels)),
            other_websites: Some(websites.iter().skip(1).cloned().collect()),
            description: text(&self.presentation_detail),
            mobility: text(&self.itinerance),
            parent_structure: text(&self.structure_parente),
            other_labels: text(&self.autres_formations_labels),
            acceslibre_url: text(&self.fiche_acces_libre),
            booking_url: text(&self.prise_rdv),
            ..RawPlaceUpdate::default()
        };
        let mut profile = match update.apply(PlaceProfile::default()) {
            Ok(profile) => Some(profile),
            Err(invalid) => {
                for e in invalid.errors {
                    let column = column_of(&e.field);
                    if !errors.iter().any(|x| x.column == column) {
                        errors.push(CellError::new(column, self.cell(column).trim(), e.message));
                    }
                }
                None
            }
        };
        if let Some(profile) = profile.as_mut() {
            for (scheme, slugs) in lists {
                if let Some(target) = slugs_of_mut(&mut profile.concepts, scheme) {
                    *target = slugs;
                }
            }
        }
        match (profile, updated_on) {
            (Some(profile), Some(updated_on)) if errors.is_empty() => {
                let mut username: String = slugify(&profile.name).chars().take(60).collect();
                username = username.trim_end_matches('-').to_string();
                if username.is_empty() {
                    username = "lieu".to_string();
                }
                Ok(Imported {
                    id: self.id.trim().to_string(),
                    source: Some(self.source.trim().to_string()).filter(|s| !s.is_empty()),
                    updated_on,
                    profile,
                    username,
                })
            }
            _ => {
                let order = |c: &CellError| {
                    COLUMNS
                        .iter()
                        .position(|x| *x == c.column)
                        .unwrap_or(usize::MAX)
                };
                errors.sort_by_key(order);
                Err(errors)
            }
        }
    }
}

/// "; expected: A, B or C" for short lists, a pointer to the schema for long ones.
fn expected_values(scheme: Scheme) -> String {
    let Some(list) = mednum_list(scheme) else {
        return String::new();
    };
    let values: Vec<&str> = scheme
        .concepts()
        .iter()
        .filter_map(|c| c.code(list))
        .collect();
    if values.len() > 12 {
        return " (see the MedNum schema for its values; they are case- and accent-sensitive)"
            .to_string();
    }
    match values.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("; expected: {} or {last}", rest.join(", "))
        }
        Some((last, _)) => format!("; expected: {last}"),
        None => String::new(),
    }
}

/// A stored profile with the MedNum fields of `imported` laid over it. What MedNum does not
/// carry (icon, easy-read summary, legal form, follower approval, country) is kept.
pub fn merge(current: PlaceProfile, imported: &PlaceProfile) -> PlaceProfile {
    let i = imported.clone();
    let country = current.address.country.clone().or(i.address.country);
    PlaceProfile {
        name: i.name,
        summary: i.summary,
        address: crate::place::PostalAddress {
            street_address: i.address.street_address,
            postal_code: i.address.postal_code,
            locality: i.address.locality,
            country,
        },
        geo: i.geo,
        phone: i.phone,
        website: i.website,
        opening_hours: i.opening_hours,
        pivot: i.pivot,
        address_complement: i.address_complement,
        insee_code: i.insee_code,
        emails: i.emails,
        other_websites: i.other_websites,
        description: i.description,
        mobility: i.mobility,
        parent_structure: i.parent_structure,
        concepts: Concepts {
            structure_types: i.concepts.structure_types,
            services: i.concepts.services,
            publics: i.concepts.publics,
            specific_support: i.concepts.specific_support,
            fees: i.concepts.fees,
            programmes: i.concepts.programmes,
            labels: i.concepts.labels,
            access_modes: i.concepts.access_modes,
            support_modes: i.concepts.support_modes,
        },
        other_labels: i.other_labels,
        acceslibre_url: i.acceslibre_url,
        booking_url: i.booking_url,
        ..current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opendata::ServiceRecord;
    use crate::service::ServiceConcepts;
    use crate::{NewPlace, RawPlace};
    use std::path::PathBuf;
    use url::Url;

    fn reference(path: &str) -> Vec<u8> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/reference");
        std::fs::read(dir.join(path)).expect("reference file")
    }

    fn schema_columns() -> Vec<String> {
        let schema: serde_json::Value =
            serde_json::from_slice(&reference("mednum-lieux-mediation-numerique.schema.json"))
                .expect("json");
        schema["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| f["name"].as_str().expect("name").to_string())
            .collect()
    }

    fn full_place() -> PlaceRecord {
        let profile = NewPlace::parse(RawPlace {
            username: Some("quincaillerie".into()),
            name: Some("La Quincaillerie".into()),
            summary: Some("Tiers-lieu numérique".into()),
            address: Some("12 bis rue de Leclercq".into()),
            postal_code: Some("51100".into()),
            city: Some("Reims".into()),
            lat: Some(49.25),
            lon: Some(4.03),
            phone: Some("01 80 05 98 80".into()),
            website: Some("https://www.laquincaillerie.tl/".into()),
            other_websites: Some(vec!["https://m.facebook.com/q/".into()]),
            emails: Some(vec![
                "contact@laquincaillerie.tl".into(),
                "b@laquincaillerie.tl".into(),
            ]),
            hours: Some("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00".into()),
            pivot: Some("43493312300029".into()),
            insee_code: Some("51454".into()),
            mobility: Some("both".into()),
            structure_types: Some(vec!["tiers-lieux".into(), "asso".into()]),
            fees: Some(vec!["adhesion".into(), "gratuit-sous-condition".into()]),
            publics: Some(vec!["jeunes".into(), "demandeurs-emploi".into()]),
            ..Default::default()
        })
        .expect("place")
        .profile;
        PlaceRecord {
            username: "quincaillerie".into(),
            url: Url::parse("https://lieux.example/places/quincaillerie").expect("url"),
            profile,
            updated: NaiveDate::from_ymd_opt(2026, 11, 29).expect("date"),
            source: None,
            services: vec![ServiceRecord {
                key: "0193".into(),
                url: Url::parse("https://lieux.example/objects/0193").expect("url"),
                name: "Aide aux démarches".into(),
                description: None,
                summary: None,
                concepts: ServiceConcepts {
                    services: vec!["aide-demarches-administratives".into()],
                    ..Default::default()
                },
                opening_hours: None,
                booking_url: Some(Url::parse("https://rdv.example/q").expect("url")),
                price: None,
                updated: NaiveDate::from_ymd_opt(2026, 11, 29).expect("date"),
            }],
        }
    }

    fn producer() -> Producer {
        Producer::for_instance(&Url::parse("https://lieux.example").expect("url"))
    }

    #[test]
    fn columns_are_the_schemas_in_its_order() {
        assert_eq!(COLUMNS.to_vec(), schema_columns());
        let csv = write_csv(&[]).expect("csv");
        let header = String::from_utf8(csv).expect("utf-8");
        assert_eq!(header.trim_end(), COLUMNS.join(","));
    }

    #[test]
    fn a_full_profile_becomes_a_row() {
        let mut warnings = Vec::new();
        let row = to_row(&full_place(), &producer(), &mut warnings).expect("row");
        assert_eq!(row.id, "https://lieux.example/places/quincaillerie");
        assert_eq!(row.pivot, "43493312300029");
        assert_eq!(row.telephone, "+33180059880");
        assert_eq!(row.typologie, "TIERS_LIEUX|ASSO");
        assert_eq!(row.frais_a_charge, "Payant|Gratuit sous condition");
        assert_eq!(row.publics_specifiquement_adresses, "Jeunes");
        assert_eq!(row.services, "Aide aux démarches administratives");
        assert_eq!(row.itinerance, "Fixe|Itinérant");
        assert_eq!(
            row.courriels,
            "contact@laquincaillerie.tl|b@laquincaillerie.tl"
        );
        assert_eq!(
            row.site_web,
            "https://www.laquincaillerie.tl/|https://m.facebook.com/q/"
        );
        assert_eq!(row.prise_rdv, "https://rdv.example/q");
        assert_eq!(row.date_maj, "2026-11-29");
        assert_eq!(row.source, "https://lieux.example");
        assert_eq!(row.latitude, "49.25");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("Demandeurs d’emploi") || w.contains("emploi")),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_place_without_the_required_fields_is_skipped_with_the_reason() {
        let mut place = full_place();
        place.profile.pivot = None;
        place.profile.address.street_address = None;
        let out = export(&[place], &producer());
        assert!(out.items.is_empty());
        assert!(out.skipped[0].reason.contains("pivot"));
        assert!(out.skipped[0].reason.contains("adresse"));
    }

    #[test]
    fn the_reference_example_reads_and_parses() {
        let file = read(&reference(
            "mednum-lieux-mediation-numerique.exemple-valide.csv",
        ))
        .expect("file");
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
        assert_eq!(file.rows.len(), 1);
        assert_eq!(file.rows[0].line, 2);
        let row = file.rows[0].row.clone().expect("row");
        let imported = row.parse().expect("valid");
        assert_eq!(imported.id, "structure-1");
        assert_eq!(imported.source.as_deref(), Some("Hubik"));
        assert_eq!(imported.username, "anonymal");
        let p = &imported.profile;
        assert_eq!(p.phone.as_deref(), Some("+33180059880"));
        assert_eq!(p.emails.len(), 2);
        assert_eq!(p.other_websites.len(), 1);
        assert_eq!(p.concepts.structure_types, ["tiers-lieux", "asso"]);
        assert_eq!(p.concepts.support_modes.len(), 4);
        assert_eq!(p.mobility, Some(crate::Mobility::Itinerant));
        assert_eq!(p.geo.map(|g| g.latitude), Some(43.52609));
    }

    #[test]
    fn a_row_round_trips_through_export_and_import() {
        let mut warnings = Vec::new();
        let place = full_place();
        let row = to_row(&place, &producer(), &mut warnings).expect("row");
        let csv = write_csv(std::slice::from_ref(&row)).expect("csv");
        let file = read(&csv).expect("file");
        let back = file.rows[0].row.clone().expect("row");
        assert_eq!(back, row);
        let imported = back.parse().expect("valid");
        let merged = merge(place.profile.clone(), &imported.profile);
        assert_eq!(merged.name, place.profile.name);
        assert_eq!(merged.pivot, place.profile.pivot);
        assert_eq!(merged.geo, place.profile.geo);
        assert_eq!(merged.concepts.fees, ["payant", "gratuit-sous-condition"]);
        assert_eq!(merged.concepts.services, ["aide-demarches-administratives"]);
    }

    #[test]
    fn bad_cells_are_named_with_their_value_and_why() {
        let row = MednumRow {
            id: "x".into(),
            pivot: "43493312300028".into(),
            nom: "Lieu".into(),
            commune: "Reims".into(),
            code_postal: "5110".into(),
            adresse: "1 rue".into(),
            date_maj: "02/04/2024".into(),
            telephone: "12".into(),
            frais_a_charge: "Gratuit|gratuit".into(),
            latitude: "nord".into(),
            ..MednumRow::default()
        };
        let errors = row.parse().expect_err("invalid");
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            columns,
            [
                "pivot",
                "code_postal",
                "latitude",
                "telephone",
                "date_maj",
                "frais_a_charge"
            ]
        );
        assert!(errors[0].message.contains("check digit"), "{}", errors[0]);
        assert_eq!(errors[5].value, "gratuit");
        assert!(
            errors[5].message.contains("Gratuit sous condition"),
            "{}",
            errors[5]
        );
        let missing = MednumRow::default().parse().expect_err("invalid");
        assert_eq!(missing.len(), REQUIRED.len());
    }

    #[test]
    fn semicolons_and_windows_1252_are_read_with_a_warning() {
        let text = "id;pivot;nom;commune;code_postal;adresse;date_maj\n1;43493312300029;Caf\u{e9};Reims;51100;1 rue;2024-01-01\n";
        let latin: Vec<u8> = text.chars().map(|c| c as u8).collect();
        let file = read(&latin).expect("file");
        assert_eq!(file.warnings.len(), 3, "{:?}", file.warnings);
        let row = file.rows[0].row.clone().expect("row");
        assert_eq!(row.nom, "Café");
        assert!(row.parse().is_ok());
    }

    #[test]
    fn a_header_without_required_columns_is_refused() {
        let err = read(b"id,nom\n1,x\n").expect_err("invalid");
        assert!(matches!(err, FileError::MissingColumns { .. }));
        assert!(err.to_string().contains("pivot"));
        assert_eq!(read(b"").expect_err("empty"), FileError::Empty);
    }

    #[test]
    fn a_short_row_is_reported_on_its_line() {
        let file =
            read(b"id,pivot,nom,commune,code_postal,adresse,date_maj\n\n1,2,3\n").expect("file");
        assert_eq!(file.rows[0].line, 3);
        assert!(file.rows[0].row.is_err());
    }
}
