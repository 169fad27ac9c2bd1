//! Galaxie's pure types and rules: usernames, places, events, notes, the one-line summaries
//! that make our objects legible on Mastodon, and input validation. No IO happens here.
//!
//! Modules:
//! - [`validation`]: field-level validation errors shared by the CLI and the API.
//! - [`username`]: the local name of a place actor (`@username@host`).
//! - [`place`]: a place's profile and its parsing from raw input.
//! - [`event`]: events, their validation and their one-line human summary.
//! - [`note`]: short news and plain text to safe HTML.
//! - [`service`]: services a place offers (`Page`).
//! - [`showcase`]: heritage showcases (`Article`).
//! - [`cooperation`]: offers and requests between places (FEP-0837), agreements.
//! - [`source_code`]: the "code source" of a tiers-lieu: openly licensed articles, forks.
//! - [`text`]: HTML escaping and text helpers.
//! - [`identity`]: SIRET/SIREN/RNA, INSEE codes, e-mails.
//! - [`label`]: regional labels: definitions, answers to criteria, grant dates, summaries.
//! - [`hours`]: opening hours (OSM syntax): validation, open now, plain-language descriptions.
//! - [`vocab`]: the shared plain-language vocabulary (services, publics, fees…) with pictograms.
//! - [`recurrence`]: recurring permanences (RRULE), occurrences and their exceptions.
//! - [`territory`]: départements and régions of postal and INSEE codes, distances, boxes.
//! - [`directory`]: when two places published by different instances are the same place.
//! - [`timeline`]: the vocabulary filters of the timeline and the directory.
//! - [`orientation`]: the Passeport numérique: a person's answers and the ranking rules.

pub mod cooperation;
pub mod directory;
pub mod event;
pub mod funding;
pub mod hours;
pub mod identity;
pub mod label;
pub mod media;
pub mod note;
pub mod opendata;
pub mod orientation;
pub mod place;
pub mod recurrence;
pub mod service;
pub mod showcase;
pub mod source_code;
pub mod territory;
pub mod text;
pub mod timeline;
pub mod username;
pub mod validation;
pub mod vocab;

pub use event::{EventLocation, NewEvent, RawEvent};
pub use note::{NewNote, RawNote};
pub use place::{
    Concepts, GeoPoint, Mobility, NewPlace, PlaceProfile, PostalAddress, RawPlace, RawPlaceUpdate,
};
pub use service::{NewService, RawService, ServiceConcepts};
pub use showcase::{NewShowcase, RawShowcase};
pub use username::Username;
pub use validation::{FieldError, ValidationErrors};
