//! Field-level validation errors: each names the field and says, in plain words, what is wrong.

use serde::Serialize;
use std::fmt;

/// One invalid field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The input field's name as the user typed it (`start`, `postal_code`…).
    pub field: String,
    /// What is wrong and what is expected.
    pub message: String,
}

/// Every invalid field of one input, so a form or a CLI call can show them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, thiserror::Error)]
pub struct ValidationErrors {
    /// The invalid fields, in input order.
    pub errors: Vec<FieldError>,
}

impl ValidationErrors {
    /// No error yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// One error on one field.
    pub fn single(field: &str, message: impl Into<String>) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    /// Records an error on `field`.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.to_string(),
            message: message.into(),
        });
    }

    /// Whether no field is invalid.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(value)` when no field is invalid, the errors otherwise.
    pub fn into_result<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Runs `parse`, recording its error on `field`; returns the value when valid.
    pub fn check<T, E: fmt::Display>(&mut self, field: &str, parsed: Result<T, E>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(err) => {
                self.add(field, err.to_string());
                None
            }
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        write!(f, "invalid input: {}", parts.join("; "))
    }
}

/// Trims a value; an empty result becomes `None`.
pub fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// Checks a required, bounded text field.
pub fn required_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max_chars: usize,
) -> Option<String> {
    match non_empty(value) {
        None => {
            errors.add(field, "is required");
            None
        }
        Some(v) => bounded(errors, field, v, max_chars),
    }
}

/// Checks an optional, bounded text field.
pub fn optional_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: Option<&str>,
    max_chars: usize,
) -> Option<String> {
    non_empty(value).and_then(|v| bounded(errors, field, v, max_chars))
}

fn bounded(
    errors: &mut ValidationErrors,
    field: &str,
    value: String,
    max_chars: usize,
) -> Option<String> {
    let count = value.chars().count();
    if count > max_chars {
        errors.add(
            field,
            format!("is too long: {count} characters, at most {max_chars}"),
        );
        None
    } else {
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_every_field() {
        let mut errors = ValidationErrors::new();
        errors.add("name", "is required");
        errors.add("lat", "must be between -90 and 90");
        assert_eq!(
            errors.to_string(),
            "invalid input: name: is required; lat: must be between -90 and 90"
        );
    }

    #[test]
    fn too_long_text_is_refused_with_its_length() {
        let mut errors = ValidationErrors::new();
        assert_eq!(required_text(&mut errors, "name", Some("abcdef"), 3), None);
        assert_eq!(
            errors.errors[0].message,
            "is too long: 6 characters, at most 3"
        );
    }
}
