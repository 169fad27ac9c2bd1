//! The local name of a place actor, as in `@epn-saint-clair@lieu.example`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A validated local username: 1–64 characters of `a-z`, `0-9`, `_`, `-` and `.`, starting and
/// ending with a letter or a digit. Mastodon accepts these in mentions and WebFinger.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

/// Why a username was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsernameError {
    /// Nothing was given.
    #[error("is required")]
    Empty,
    /// More than 64 characters.
    #[error("is too long: at most 64 characters")]
    TooLong,
    /// A character outside the allowed set.
    #[error(
        "may only contain lowercase letters a-z, digits, '_', '-' and '.', and must start and end with a letter or a digit"
    )]
    InvalidCharacter,
}

impl Username {
    /// Parses and validates a username.
    pub fn parse(raw: &str) -> Result<Self, UsernameError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(UsernameError::Empty);
        }
        if raw.len() > 64 {
            return Err(UsernameError::TooLong);
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
        let inner_ok = raw
            .chars()
            .all(|c| allowed(c) || matches!(c, '_' | '-' | '.'));
        let first_ok = raw.chars().next().is_some_and(allowed);
        let last_ok = raw.chars().last().is_some_and(allowed);
        if inner_ok && first_ok && last_ok {
            Ok(Self(raw.to_string()))
        } else {
            Err(UsernameError::InvalidCharacter)
        }
    }

    /// The username as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Username {
    type Error = UsernameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Username> for String {
    fn from(value: Username) -> Self {
        value.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_mastodon_style_names() {
        assert!(Username::parse("epn-saint-clair").is_ok());
        assert!(Username::parse("fablab_42").is_ok());
        assert!(Username::parse("a").is_ok());
    }

    #[test]
    fn refuses_uppercase_spaces_and_edges() {
        assert_eq!(Username::parse("EPN"), Err(UsernameError::InvalidCharacter));
        assert_eq!(Username::parse("a b"), Err(UsernameError::InvalidCharacter));
        assert_eq!(
            Username::parse("-epn"),
            Err(UsernameError::InvalidCharacter)
        );
        assert_eq!(Username::parse(""), Err(UsernameError::Empty));
        assert_eq!(
            Username::parse(&"a".repeat(65)),
            Err(UsernameError::TooLong)
        );
    }
}
