//! Short news (`Note`).

use crate::text::plain_text_to_html;
use crate::validation::{ValidationErrors, required_text};
use serde::Deserialize;

/// Mastodon's default limit is 500; we allow longer news but keep it bounded.
pub const NOTE_MAX: usize = 5000;

/// A validated note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    /// The text as typed.
    pub text: String,
    /// Its easy-read (FALC) version, published as the `fr-x-falc` variant.
    pub text_falc: Option<String>,
}

/// Raw input for a note.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub text: Option<String>,
    pub text_falc: Option<String>,
}

impl NewNote {
    /// Parses raw input.
    pub fn parse(raw: RawNote) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let text = required_text(&mut errors, "text", raw.text.as_deref(), NOTE_MAX);
        let text_falc = crate::validation::optional_text(
            &mut errors,
            "text_falc",
            raw.text_falc.as_deref(),
            NOTE_MAX,
        );
        match text {
            Some(text) if errors.is_empty() => Ok(NewNote { text, text_falc }),
            _ => Err(errors),
        }
    }

    /// The note as safe HTML.
    pub fn html(&self) -> String {
        plain_text_to_html(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_note_is_refused() {
        let errors = NewNote::parse(RawNote {
            text: Some("   ".into()),
            text_falc: None,
        })
        .expect_err("invalid");
        assert_eq!(errors.errors[0].field, "text");
    }
}
