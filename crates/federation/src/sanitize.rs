//! Remote HTML is cleaned before it is stored or shown: the tags Mastodon allows in toots,
//! links forced to `rel="nofollow noopener noreferrer"`, no scripts, styles or event handlers.

use std::collections::HashSet;
use std::sync::LazyLock;

static HTML: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.tags(HashSet::from([
        "p",
        "br",
        "span",
        "a",
        "del",
        "pre",
        "code",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "ul",
        "ol",
        "li",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]))
    .tag_attributes(Default::default())
    .add_tag_attributes("a", ["href"])
    .add_tag_attributes("span", ["class"])
    .url_schemes(HashSet::from(["http", "https", "mailto"]))
    .link_rel(Some("nofollow noopener noreferrer"))
    .attribute_filter(|element, attribute, value| {
        // Keep only Mastodon's microformat classes on spans (mentions, hashtags, invisible
        // URL parts); drop any other class.
        if element == "span" && attribute == "class" {
            let kept: Vec<&str> = value
                .split_whitespace()
                .filter(|c| {
                    matches!(
                        *c,
                        "h-card" | "mention" | "hashtag" | "invisible" | "ellipsis"
                    )
                })
                .collect();
            if kept.is_empty() {
                return None;
            }
            return Some(kept.join(" ").into());
        }
        Some(value.into())
    });
    b
});

/// Cleans remote HTML.
pub fn clean_html(html: &str) -> String {
    HTML.clean(html).to_string()
}

/// Turns remote text that should be plain (names) into plain text: tags removed, entities
/// kept as typed, control characters dropped, length bounded.
pub fn plain_text(text: &str, max_chars: usize) -> String {
    let stripped = ammonia::Builder::empty().clean(text).to_string();
    let unescaped = stripped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    unescaped
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .take(max_chars)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let dirty = r#"<p onclick="steal()">Bonjour <script>alert(1)</script><a href="javascript:alert(1)">x</a><a href="https://ok.example" onmouseover="x()">lien</a><img src=x onerror=alert(1)></p>"#;
        let clean = clean_html(dirty);
        assert!(!clean.contains("script"), "{clean}");
        assert!(!clean.contains("onclick"), "{clean}");
        assert!(!clean.contains("onerror"), "{clean}");
        assert!(!clean.contains("javascript"), "{clean}");
        assert!(!clean.contains("<img"), "{clean}");
        assert!(
            clean.contains(
                r#"<a href="https://ok.example" rel="nofollow noopener noreferrer">lien</a>"#
            ),
            "{clean}"
        );
    }

    #[test]
    fn mastodon_mentions_keep_their_classes() {
        let html = r#"<span class="h-card evil"><a href="https://m.example/@a" class="u-url mention">@<span>a</span></a></span>"#;
        let clean = clean_html(html);
        assert!(clean.contains(r#"<span class="h-card">"#), "{clean}");
    }

    #[test]
    fn names_become_plain_text() {
        assert_eq!(
            plain_text("<b>Atelier</b> & café <script>x</script>", 100),
            "Atelier & café "
        );
    }
}
