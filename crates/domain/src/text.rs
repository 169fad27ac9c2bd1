//! Text helpers: HTML escaping and plain text to simple, safe HTML.

/// Escapes the five HTML-significant characters.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Turns plain text into paragraphs (`<p>`) and line breaks (`<br>`), escaping everything and
/// making bare `http(s)://` links clickable, as Mastodon does for toots.
pub fn plain_text_to_html(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines: Vec<String> = p.trim().lines().map(linkify_line).collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect()
}

fn linkify_line(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            let is_link = (word.starts_with("https://") || word.starts_with("http://"))
                && url::Url::parse(word).is_ok();
            if is_link {
                let href = escape_html(word);
                format!(r#"<a href="{href}" rel="nofollow noopener noreferrer">{href}</a>"#)
            } else {
                escape_html(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_escaped_paragraphs_with_links() {
        assert_eq!(
            plain_text_to_html("Bonjour <b>\nVoir https://exemple.fr/a?b=1&c=2\n\nFin"),
            "<p>Bonjour &lt;b&gt;<br>Voir <a href=\"https://exemple.fr/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">https://exemple.fr/a?b=1&amp;c=2</a></p><p>Fin</p>"
        );
    }
}
