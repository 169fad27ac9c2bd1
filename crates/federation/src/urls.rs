//! Where things live. Every id this instance mints is built here, from the public URL.

use url::Url;

/// Builds this instance's URLs from its public base URL (`https://lieu.example`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urls {
    base: Url,
}

impl Urls {
    /// `base` is the instance's public URL; any path is ignored.
    pub fn new(base: &Url) -> Self {
        let mut base = base.clone();
        base.set_path("/");
        base.set_query(None);
        base.set_fragment(None);
        Self { base }
    }

    fn join(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(path);
        url
    }

    /// The public base URL.
    pub fn base(&self) -> &Url {
        &self.base
    }

    /// `host` or `host:port`, as in WebFinger handles and the crate's domain.
    pub fn authority(&self) -> String {
        let host = self.base.host_str().unwrap_or("localhost");
        match self.base.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        }
    }

    /// A place actor.
    pub fn place(&self, username: &str) -> Url {
        self.join(&format!("/places/{username}"))
    }
    /// A place's inbox.
    pub fn place_inbox(&self, username: &str) -> Url {
        self.join(&format!("/places/{username}/inbox"))
    }
    /// A place's outbox.
    pub fn place_outbox(&self, username: &str) -> Url {
        self.join(&format!("/places/{username}/outbox"))
    }
    /// A place's followers collection.
    pub fn place_followers(&self, username: &str) -> Url {
        self.join(&format!("/places/{username}/followers"))
    }
    /// A place's following collection.
    pub fn place_following(&self, username: &str) -> Url {
        self.join(&format!("/places/{username}/following"))
    }
    /// A place's services collection.
    pub fn place_services(&self, username: &str) -> Url {
        self.join(&format!("/places/{username}/services"))
    }
    /// A network's members collection.
    pub fn place_members(&self, username: &str) -> Url {
        self.join(&format!("/places/{username}/members"))
    }
    /// A network's public moderation log.
    pub fn place_moderation(&self, username: &str) -> Url {
        self.join(&format!("/places/{username}/moderation"))
    }
    /// A place's key id.
    pub fn place_key(&self, username: &str) -> String {
        format!("{}#main-key", self.place(username))
    }
    /// The instance's shared inbox.
    pub fn shared_inbox(&self) -> Url {
        self.join("/inbox")
    }
    /// The instance actor (`Application`).
    pub fn instance_actor(&self) -> Url {
        self.join("/actor")
    }
    /// The instance actor's inbox.
    pub fn instance_inbox(&self) -> Url {
        self.join("/actor/inbox")
    }
    /// The instance actor's outbox.
    pub fn instance_outbox(&self) -> Url {
        self.join("/actor/outbox")
    }
    /// The instance actor's key id.
    pub fn instance_key(&self) -> String {
        format!("{}#main-key", self.instance_actor())
    }
    /// A new object id.
    pub fn new_object(&self) -> Url {
        self.join(&format!("/objects/{}", uuid::Uuid::now_v7()))
    }
    /// A new activity id.
    pub fn new_activity(&self) -> Url {
        self.join(&format!("/activities/{}", uuid::Uuid::now_v7()))
    }
    /// The Galaxie JSON-LD context.
    pub fn context(&self) -> Url {
        self.join("/ns")
    }
    /// The username of a local place actor URL, if it is one.
    pub fn place_username<'a>(&self, url: &'a Url) -> Option<&'a str> {
        if url.host_str() != self.base.host_str() || url.port() != self.base.port() {
            return None;
        }
        let rest = url.path().strip_prefix("/places/")?;
        (!rest.is_empty() && !rest.contains('/')).then_some(rest)
    }
    /// Whether `url` is on this instance.
    pub fn is_local(&self, url: &Url) -> bool {
        url.host_str() == self.base.host_str()
            && url.port_or_known_default() == self.base.port_or_known_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_urls_round_trip() {
        let urls = Urls::new(&Url::parse("http://localhost:8080/ignored").expect("url"));
        let actor = urls.place("epn");
        assert_eq!(actor.as_str(), "http://localhost:8080/places/epn");
        assert_eq!(urls.place_username(&actor), Some("epn"));
        assert_eq!(urls.place_username(&urls.place_inbox("epn")), None);
        assert_eq!(urls.authority(), "localhost:8080");
        let other = Url::parse("http://localhost:9090/places/epn").expect("url");
        assert_eq!(urls.place_username(&other), None);
    }
}
