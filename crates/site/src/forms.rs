//! Forms as data: the fields a template draws (`field.html`), the values typed in (kept when
//! the form is shown again), and validation messages placed next to their field, plus a list
//! of them at the top that links to each field. Submitted bodies (URL-encoded or multipart)
//! are read into [`FormData`], which keeps repeated names (checkbox lists).

use crate::SiteState;
use crate::auth::{self, CurrentUser};
use crate::error::SiteError;
use crate::i18n::Lang;
use crate::messages::{self, FieldMessage};
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, header};
use galaxie_domain::ValidationErrors;
use serde::Serialize;

/// A submitted form's fields, in order, with repeated names kept; and the files of a
/// multipart form.
#[derive(Debug, Clone, Default)]
pub struct FormData {
    fields: Vec<(String, String)>,
    files: Vec<(String, Vec<u8>)>,
}

impl FormData {
    /// Reads an `application/x-www-form-urlencoded` body.
    pub fn from_urlencoded(body: &[u8]) -> FormData {
        FormData {
            fields: url::form_urlencoded::parse(body).into_owned().collect(),
            files: Vec::new(),
        }
    }

    /// A form built from pairs (tests, query strings).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> FormData {
        FormData {
            fields: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            files: Vec::new(),
        }
    }

    /// The first value of `name`, trimmed; empty when absent.
    pub fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    }

    /// The first value of `name` as typed (passwords: spaces count).
    pub fn raw(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// The first value of `name` when not blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        let v = self.get(name);
        (!v.is_empty()).then_some(v)
    }

    /// Every non-blank value of `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }

    /// Sets `name` to one value (replacing any).
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.fields.retain(|(k, _)| k != name);
        self.fields.push((name.to_string(), value.into()));
    }

    /// Sets `name` to these values (replacing any).
    pub fn replace_all(&mut self, name: &str, values: &[String]) {
        self.fields.retain(|(k, _)| k != name);
        self.fields
            .extend(values.iter().map(|v| (name.to_string(), v.clone())));
    }

    /// Whether a checkbox `name` was ticked.
    pub fn checked(&self, name: &str) -> bool {
        self.fields.iter().any(|(k, v)| k == name && !v.is_empty())
    }

    /// The bytes of file `name`, when one was chosen.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(k, bytes)| k == name && !bytes.is_empty())
            .map(|(_, b)| b.as_slice())
    }
}

/// A form POST with its CSRF token checked against the session (or the anonymous cookie) and
/// its origin: handlers that take it never see a forged request.
pub struct CheckedForm {
    /// The fields.
    pub form: FormData,
    /// The signed-in account, if any.
    pub user: Option<CurrentUser>,
}

impl FromRequest<SiteState> for CheckedForm {
    type Rejection = SiteError;

    async fn from_request(req: Request, state: &SiteState) -> Result<Self, SiteError> {
        let headers: HeaderMap = req.headers().clone();
        let user = auth::current_user(state, &headers).await?;
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let form = if content_type.starts_with("multipart/form-data") {
            let mut multipart = Multipart::from_request(req, state)
                .await
                .map_err(|e| SiteError::BadRequest(e.body_text()))?;
            let mut form = FormData::default();
            while let Some(field) = multipart
                .next_field()
                .await
                .map_err(|e| SiteError::BadRequest(e.body_text()))?
            {
                let name = field.name().unwrap_or_default().to_string();
                if field.file_name().is_some() {
                    let bytes = field
                        .bytes()
                        .await
                        .map_err(|e| SiteError::BadRequest(e.body_text()))?;
                    form.files.push((name, bytes.to_vec()));
                } else {
                    let text = field
                        .text()
                        .await
                        .map_err(|e| SiteError::BadRequest(e.body_text()))?;
                    form.fields.push((name, text));
                }
            }
            form
        } else {
            let body = Bytes::from_request(req, state)
                .await
                .map_err(|e| SiteError::BadRequest(e.body_text()))?;
            FormData::from_urlencoded(&body)
        };
        auth::check_csrf(state, &headers, user.as_ref(), &form.get("csrf"))?;
        Ok(CheckedForm { form, user })
    }
}

/// One choice of a select, radio or checkbox list.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// A pictogram shown before the label.
    pub picto: Option<String>,
    /// The label's language when it differs from the page's.
    pub lang: Option<&'static str>,
    pub checked: bool,
}

/// One form field, as `field.html` draws it.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub name: String,
    pub id: String,
    pub label: String,
    /// `text`, `email`, `password`, `url`, `tel`, `number`, `date`, `time`, `file`,
    /// `textarea`, `select`, `checkbox`, `checkboxes`, `radios`.
    pub kind: &'static str,
    pub value: String,
    pub checked: bool,
    pub options: Vec<Choice>,
    pub error: Option<FieldMessage>,
    pub hint: Option<String>,
    pub required: bool,
    pub autocomplete: Option<&'static str>,
    pub inputmode: Option<&'static str>,
    /// The language of what is typed here (easy-read fields: `fr-x-falc`).
    pub lang: Option<&'static str>,
    pub rows: u32,
    pub accept: Option<&'static str>,
    pub step: Option<&'static str>,
    pub maxlength: Option<usize>,
    /// The ids of the hint and the error, for `aria-describedby`.
    pub describedby: Option<String>,
}

impl Field {
    /// A text input.
    pub fn new(name: &str, label: impl Into<String>) -> Field {
        Field {
            name: name.to_string(),
            id: format!("f-{}", name.replace('_', "-")),
            label: label.into(),
            kind: "text",
            value: String::new(),
            checked: false,
            options: Vec::new(),
            error: None,
            hint: None,
            required: false,
            autocomplete: None,
            inputmode: None,
            lang: None,
            rows: 4,
            accept: None,
            step: None,
            maxlength: None,
            describedby: None,
        }
    }
    /// Another kind of input.
    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }
    /// Its value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = value.into();
        self
    }
    /// Ticked (a single checkbox).
    pub fn checked(mut self, checked: bool) -> Self {
        self.checked = checked;
        self
    }
    /// Required.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    /// A hint under the label.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// `autocomplete`.
    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = Some(a);
        self
    }
    /// `inputmode`.
    pub fn inputmode(mut self, m: &'static str) -> Self {
        self.inputmode = Some(m);
        self
    }
    /// The language of what is typed.
    pub fn lang(mut self, lang: &'static str) -> Self {
        self.lang = Some(lang);
        self
    }
    /// Rows of a textarea.
    pub fn rows(mut self, rows: u32) -> Self {
        self.rows = rows;
        self
    }
    /// `accept` of a file input.
    pub fn accept(mut self, accept: &'static str) -> Self {
        self.accept = Some(accept);
        self
    }
    /// `step` of a number input.
    pub fn step(mut self, step: &'static str) -> Self {
        self.step = Some(step);
        self
    }
    /// `maxlength`.
    pub fn maxlength(mut self, n: usize) -> Self {
        self.maxlength = Some(n);
        self
    }
    /// The choices.
    pub fn options(mut self, options: Vec<Choice>) -> Self {
        self.options = options;
        self
    }
}

/// A group of fields under a legend.
#[derive(Debug, Clone, Serialize)]
pub struct Fieldset {
    pub legend: String,
    pub hint: Option<String>,
    pub fields: Vec<Field>,
}

impl Fieldset {
    /// A group.
    pub fn new(legend: impl Into<String>, fields: Vec<Field>) -> Fieldset {
        Fieldset {
            legend: legend.into(),
            hint: None,
            fields,
        }
    }
}

/// A message in the list at the top of a refused form, linked to its field.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryError {
    /// The field's id (`#…`), when the message belongs to one.
    pub id: Option<String>,
    /// The field's label.
    pub label: Option<String>,
    pub message: FieldMessage,
}

/// A whole form.
#[derive(Debug, Clone, Serialize)]
pub struct Form {
    pub action: String,
    pub multipart: bool,
    pub fieldsets: Vec<Fieldset>,
    pub submit: String,
    pub errors: Vec<SummaryError>,
    /// Hidden fields besides the CSRF token.
    pub hidden: Vec<(String, String)>,
}

impl Form {
    /// A form posting to `action`.
    pub fn new(
        action: impl Into<String>,
        submit: impl Into<String>,
        fieldsets: Vec<Fieldset>,
    ) -> Form {
        Form {
            action: action.into(),
            multipart: false,
            fieldsets,
            submit: submit.into(),
            errors: Vec::new(),
            hidden: Vec::new(),
        }
    }

    /// Sent as `multipart/form-data` (it has a file input).
    pub fn multipart(mut self) -> Self {
        self.multipart = true;
        self
    }

    /// Places each validation error next to its field. `aliases` maps the domain's field names
    /// to the form's when they differ (`start` → `start_date`). An error no field takes stays
    /// in the list at the top.
    pub fn with_errors(
        mut self,
        lang: Lang,
        errors: &ValidationErrors,
        aliases: &[(&str, &str)],
    ) -> Self {
        for e in &errors.errors {
            let name = aliases
                .iter()
                .find(|(from, _)| *from == e.field)
                .map(|(_, to)| *to)
                .unwrap_or(e.field.as_str());
            let message = messages::for_field(lang, &e.field, &e.message);
            let field = self
                .fieldsets
                .iter_mut()
                .flat_map(|s| s.fields.iter_mut())
                .find(|f| f.name == name);
            match field {
                Some(f) => {
                    if f.error.is_none() {
                        f.error = Some(message.clone());
                    }
                    self.errors.push(SummaryError {
                        id: Some(f.id.clone()),
                        label: Some(f.label.clone()),
                        message,
                    });
                }
                None => self.errors.push(SummaryError {
                    id: None,
                    label: None,
                    message,
                }),
            }
        }
        self.link_descriptions();
        self
    }

    /// Sets every field's `aria-describedby` from its hint and error.
    pub fn link_descriptions(&mut self) {
        for f in self.fieldsets.iter_mut().flat_map(|s| s.fields.iter_mut()) {
            let mut ids = Vec::new();
            if f.hint.is_some() {
                ids.push(format!("{}-hint", f.id));
            }
            if f.error.is_some() {
                ids.push(format!("{}-error", f.id));
            }
            f.describedby = (!ids.is_empty()).then(|| ids.join(" "));
        }
    }

    /// Adds a hidden field.
    pub fn hidden(mut self, name: &str, value: impl Into<String>) -> Self {
        self.hidden.push((name.to_string(), value.into()));
        self
    }
}

/// Validation errors of one field.
pub fn error(field: &str, message: &str) -> ValidationErrors {
    ValidationErrors::single(field, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_names_and_blank_values() {
        let f = FormData::from_urlencoded(b"services=a&services=b&services=&name=+Lieu+&x=");
        assert_eq!(f.all("services"), ["a", "b"]);
        assert_eq!(f.get("name"), "Lieu");
        assert_eq!(f.opt("x"), None);
        assert!(f.checked("name"));
        assert!(!f.checked("missing"));
    }

    #[test]
    fn errors_go_next_to_their_field_and_in_the_summary() {
        let form = Form::new(
            "/x",
            "Envoyer",
            vec![Fieldset::new(
                "Le lieu",
                vec![Field::new("name", "Nom"), Field::new("start_date", "Date")],
            )],
        );
        let mut errors = ValidationErrors::new();
        errors.add("name", "is required");
        errors.add(
            "start",
            "is required (RFC 3339, like 2027-01-10T14:00:00+01:00)",
        );
        errors.add("other", "something else");
        let form = form.with_errors(Lang::Fr, &errors, &[("start", "start_date")]);
        let fields = &form.fieldsets[0].fields;
        assert_eq!(
            fields[0].error.as_ref().map(|e| e.text.as_str()),
            Some("Ce champ est obligatoire.")
        );
        assert!(fields[1].error.is_some());
        assert_eq!(fields[0].describedby.as_deref(), Some("f-name-error"));
        assert_eq!(form.errors.len(), 3);
        assert!(form.errors[2].id.is_none());
    }
}
