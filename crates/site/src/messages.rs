//! Validation messages for people. The domain's messages are written for the CLI and the JSON
//! API, in English ("is required", "must be five digits, like 51100"); the forms show them in
//! plain French next to each field (or as written, in English). A message this table does not
//! know is shown as written, under a French sentence that says the value was refused.

use crate::i18n::Lang;

/// One validation message, ready for a form: the sentence, and its language when it is not
/// the page's (an unknown English message on a French page).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldMessage {
    /// What to show.
    pub text: String,
    /// `lang` of the text when it differs from the page's.
    pub lang: Option<&'static str>,
}

fn number_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// A domain message in plain French, when this table knows it.
pub fn french(field: &str, message: &str) -> Option<String> {
    let m = message.trim();
    // "is required (RFC 3339, like …)": the form asks for a date and a time instead.
    let m = if m.starts_with("is required (") {
        "is required"
    } else {
        m
    };
    let fixed = match m {
        "is required" if field == "alt" || field.ends_with("_alt") => {
            "Décrivez l’image en quelques mots : c’est obligatoire, pour les personnes qui ne la voient pas."
        }
        "is required" => "Ce champ est obligatoire.",
        "must be five digits, like 51100" => "Le code postal a 5 chiffres, par exemple 51100.",
        "must be a two-letter ISO 3166 code, like FR" => {
            "Écrivez le pays en deux lettres, par exemple FR pour la France."
        }
        "must be a latitude between -90 and 90" => {
            "La latitude est un nombre entre -90 et 90, par exemple 49.25."
        }
        "must be a longitude between -180 and 180" => {
            "La longitude est un nombre entre -180 et 180, par exemple 4.03."
        }
        "is required when lat is given" => "Donnez aussi la longitude, ou effacez la latitude.",
        "is required when lon is given" => "Donnez aussi la latitude, ou effacez la longitude.",
        "must be after the start" => "La fin doit être après le début.",
        "must be a number, like 49.25" => "Écrivez un nombre, par exemple 49,25.",
        "must be a date" => "Écrivez une date, par exemple 14/03/2027.",
        "must be a time" => "Écrivez une heure, par exemple 14:30.",
        "must be a whole number" => "Écrivez un nombre entier, par exemple 12.",
        "tell until when it repeats" => {
            "Indiquez jusqu’à quelle date l’événement se répète, ou combien de fois."
        }
        "the image needs a description" => {
            "Décrivez l’image en quelques mots pour les personnes qui ne la voient pas, puis choisissez de nouveau le fichier."
        }
        "must be at least 1 when given" => "Le nombre de places doit être au moins 1.",
        "is too long: at most 64 characters" => "Ce nom est trop long : 64 caractères au maximum.",
        "may only contain lowercase letters a-z, digits, '_', '-' and '.', and must start and end with a letter or a digit" => {
            "Utilisez seulement des lettres minuscules sans accent, des chiffres, et les signes - _ . (par exemple epn-saint-clair). Le nom commence et finit par une lettre ou un chiffre."
        }
        "names an image that was not uploaded" => {
            "Cette image est introuvable : envoyez-la de nouveau."
        }
        "names an image uploaded by another place" => "Cette image appartient à un autre lieu.",
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.to_string());
    }
    if let Some(count) = number_after(m, "is too long: ") {
        let max = m
            .rsplit("at most ")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        return Some(format!(
            "Le texte est trop long : {count} caractères, {max} au maximum."
        ));
    }
    if let Some(n) = number_after(m, "is too short: at least ") {
        return Some(format!(
            "Le mot de passe est trop court : au moins {n} caractères."
        ));
    }
    if m == "is already used by another account" {
        return Some("Cette adresse e-mail a déjà un compte.".to_string());
    }
    if m == "names a place that does not exist" {
        return Some("Ce lieu n’existe pas (ou plus).".to_string());
    }
    if m == "is not a JPEG, PNG or WebP image" || m.starts_with("is not a valid ") {
        return Some(
            "Ce fichier n’est pas une image lisible : choisissez une photo JPEG, PNG ou WebP."
                .to_string(),
        );
    }
    if m.starts_with("is too large to decode") {
        return Some("Cette image est trop grande (trop de pixels) : réduisez-la.".to_string());
    }
    if let Some(rest) = m.strip_prefix("is too large") {
        let limit = rest.trim_start_matches(": at most ").trim();
        return Some(if limit.is_empty() {
            "Cette image est trop lourde.".to_string()
        } else {
            format!(
                "Cette image est trop lourde : {} au maximum.",
                limit.replace("MB", "Mo")
            )
        });
    }
    if m == "could not be saved; try again" {
        return Some("L’image n’a pas pu être enregistrée : réessayez.".to_string());
    }
    if m.starts_with("must be a web address") {
        return Some(
            "Écrivez une adresse web complète, qui commence par https:// (par exemple https://mon-lieu.fr)."
                .to_string(),
        );
    }
    if m.starts_with("must be a French telephone number") {
        return Some(
            "Écrivez un numéro de téléphone français, par exemple 01 80 05 98 80.".to_string(),
        );
    }
    if m.starts_with("must be an e-mail address") {
        return Some(
            "Écrivez une adresse e-mail complète, par exemple contact@mon-lieu.fr.".to_string(),
        );
    }
    if m.starts_with("must be a five-character INSEE commune code") {
        return Some("Le code INSEE de la commune a 5 caractères, par exemple 51454.".to_string());
    }
    if m.starts_with("must be a SIRET") || m.starts_with("is not a valid SIRE") {
        return Some(
            "Le numéro SIRET (14 chiffres), SIREN (9 chiffres) ou RNA (W et 9 caractères) n’est pas valide : vérifiez-le."
                .to_string(),
        );
    }
    if m.starts_with("is already taken") {
        return Some(
            "Ce nom est déjà pris par un autre lieu : choisissez-en un autre.".to_string(),
        );
    }
    if m.starts_with("at character ") || m.contains("opening hours") {
        let position = number_after(m, "at character ");
        return Some(match position {
            Some(p) => format!(
                "Les horaires ne sont pas compris (vers le caractère {p}). Écrivez-les comme : Mo-Fr 09:00-12:00,14:00-18:00 ; Sa 09:00-12:00"
            ),
            None => "Les horaires ne sont pas compris. Écrivez-les comme : Mo-Fr 09:00-12:00,14:00-18:00 ; Sa 09:00-12:00".to_string(),
        });
    }
    if m.contains("is not a concept of the vocabulary") {
        return Some("Ce choix n’est pas dans la liste.".to_string());
    }
    if field == "rrule" || field == "occurrence" {
        return Some(format!("La répétition n’est pas possible : {m}"));
    }
    if m.starts_with("must be at most") {
        return Some(format!(
            "Ce nombre est trop grand ({}).",
            m.trim_start_matches("must be ")
        ));
    }
    None
}

/// The message to show next to `field`, in the page's language.
pub fn for_field(lang: Lang, field: &str, message: &str) -> FieldMessage {
    match lang {
        Lang::En => FieldMessage {
            text: english(message),
            lang: None,
        },
        Lang::Fr => match french(field, message) {
            Some(text) => FieldMessage { text, lang: None },
            None => FieldMessage {
                text: format!("Valeur refusée : {message}"),
                lang: None,
            },
        },
    }
}

/// The domain's message as an English sentence ("is required" → "This field is required.").
fn english(message: &str) -> String {
    let m = message.trim();
    let sentence = if m.starts_with("is ") || m.starts_with("must ") || m.starts_with("may ") {
        format!("This field {m}")
    } else {
        m.to_string()
    };
    if sentence.ends_with('.') {
        sentence
    } else {
        format!("{sentence}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_messages_read_as_plain_french() {
        assert_eq!(
            french("name", "is required").as_deref(),
            Some("Ce champ est obligatoire.")
        );
        assert_eq!(
            french("summary", "is too long: 300 characters, at most 280").as_deref(),
            Some("Le texte est trop long : 300 caractères, 280 au maximum.")
        );
        assert!(
            french(
                "hours",
                "at character 7: expected a time like 09:00 (found \"9h\")"
            )
            .expect("known")
            .contains("caractère 7")
        );
        assert!(
            french(
                "website",
                "must be a web address starting with https:// or http:// (found \"x\")"
            )
            .expect("known")
            .contains("https://")
        );
    }

    #[test]
    fn unknown_messages_are_kept_and_english_pages_read_english() {
        let m = for_field(Lang::Fr, "x", "something odd");
        assert_eq!(m.text, "Valeur refusée : something odd");
        assert_eq!(
            for_field(Lang::En, "name", "is required").text,
            "This field is required."
        );
    }
}
