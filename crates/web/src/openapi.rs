//! The OpenAPI 3.1 document of the JSON API, served at `/api/openapi.json`.
//!
//! It describes exactly what `routes::api` and `routes::media` accept and return: the raw input
//! shapes of `galaxie_domain` (`RawPlace`, `RawPlaceUpdate`, `RawEvent`, `RawNote`,
//! `RawService`, `RawShowcase`, `RawUpload`, all refusing unknown fields) and the DTOs the
//! handlers serialise (`PlaceDto`, `ObjectDto`, `MediaDto`…). Keep the two in step when either
//! changes.
//!
//! The document is built from small `json!` pieces (one per path and per schema) so that no
//! single macro call grows past the compiler's recursion limit.

use serde_json::{Map, Value, json};

/// The document.
pub fn document() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": info(),
        "servers": [{ "url": "/", "description": "This instance" }],
        "tags": tags(),
        "paths": paths(),
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API token printed once by `galaxie token create --name <name>` (only its SHA-256 is stored). Send it as `Authorization: Bearer <token>`."
                }
            },
            "parameters": parameters(),
            "responses": error_responses(),
            "schemas": schemas()
        }
    })
}

fn info() -> Value {
    json!({
        "title": "Galaxie API",
        "version": env!("CARGO_PKG_VERSION"),
        "license": { "name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later" },
        "description": "The JSON API of a Galaxie instance: manage the places (tiers-lieux) it hosts and their MedNum-aligned profiles; publish news, events (one-off or recurring permanences), services and heritage showcases to their followers; upload images; handle followers and follows; read the timeline, with territory, vocabulary, hours and date filters, and the federated directory of places.\n\nReads of places, objects, stops and the timeline are public. Every write, and the follower list, needs a bearer token (`galaxie token create --name <name>`).\n\nJSON request bodies need `Content-Type: application/json` (else 415) and at most 1 MiB (else 413). A body that is not JSON is refused with 400. A missing required key, a value of the wrong type or a key the endpoint does not know is refused with 422 and an `Error` naming it. Invalid values are refused with 422 and a `ValidationError` listing every invalid field at once. Text values are trimmed; lengths are counted in characters after trimming. Image uploads (`POST /api/v1/media`) send the raw file instead, up to `[media] max_bytes`.\n\nVocabulary fields (`services`, `publics`, `fees`…) take concepts of the shared vocabulary, served as SKOS at `/vocab`: each value may be the concept's slug (`aide-demarches-administratives`), its IRI (`https://galaxie.tiers-lieux.fr/ns#service/aide-demarches-administratives`), its `scheme/slug` path, the exact MedNum text (`Aide aux démarches administratives`) or the data.inclusion value. They are stored, and returned, as slugs; a value that matches no concept is refused with 422 on its field.\n\nEvery change is written together with its ActivityPub delivery jobs in one transaction; the delivery worker then sends them (`Create`, `Update`, `Delete`, `Follow`, `Undo`, `Accept`, `Reject`)."
    })
}

fn tags() -> Value {
    json!([
        { "name": "places", "description": "The places (tiers-lieux) this instance hosts: each is an ActivityPub `Organization` actor with a MedNum-aligned profile." },
        { "name": "publishing", "description": "News (`Note`) and events (`Event`) published by a place. An event with an `rrule` is a recurring permanence: its upcoming occurrences are published as events of their own." },
        { "name": "occurrences", "description": "One occurrence of a recurring permanence, cancelled or moved without touching the others." },
        { "name": "services", "description": "What a place offers (aide aux démarches, accès internet…), published as `Page` objects with vocabulary concepts." },
        { "name": "showcases", "description": "Heritage showcases (valorisation du patrimoine), published as `Article` objects with a licence, hashtags and images." },
        { "name": "media", "description": "Images: upload (metadata removed, thumbnail made, alternative text required) and serving." },
        { "name": "followers", "description": "Who follows a place, and follow requests waiting for approval." },
        { "name": "following", "description": "Remote actors a place follows; their posts fill the timeline." },
        { "name": "timeline", "description": "Every public object known to this instance, local or received; and where an itinerant place stops." },
        { "name": "directory", "description": "Every place known to this instance, its own and those read from other instances, deduplicated across instances (same SIRET/SIREN/RNA, same address, or within 100 m with a similar name); also as GeoJSON (`/directory.geojson`) and MedNum CSV (`/directory.csv`)." },
        { "name": "networks", "description": "Regional networks: `Group` actors (FEP-1b12) that announce their members' public activities; membership, moderation and the public moderation log." },
        { "name": "subscriptions", "description": "What the instance actor follows without a place of its own (places and networks for the timeline) and relays of both kinds (Mastodon and LitePub style)." },
        { "name": "funding", "description": "The funding watch: funding calls (`Page`s with Galaxie's funding terms) published by places and networks or imported from funders' feeds, and the calls each place may apply to." },
        { "name": "cooperation", "description": "Cooperation between places (FEP-0837 `Proposal`s, `Offer`s of `Agreement`s, `Accept`/`Reject`) and the code source of a tiers-lieu (openly licensed `Article`s in a `sourceCode` collection, forks)." },
        { "name": "meta", "description": "This document." }
    ])
}

// ---------------------------------------------------------------------------------------------
// Small builders.

fn reference(kind: &str, name: &str) -> Value {
    json!({ "$ref": format!("#/components/{kind}/{name}") })
}

fn schema_ref(name: &str) -> Value {
    reference("schemas", name)
}

fn json_content(schema: Value) -> Value {
    json!({ "application/json": { "schema": schema } })
}

fn json_body(schema: &str, description: &str) -> Value {
    json!({ "required": true, "description": description, "content": json_content(schema_ref(schema)) })
}

fn ok(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": json_content(schema) })
}

fn no_content(description: &str) -> Value {
    json!({ "description": description })
}

/// A responses object: the success response, then references to the shared error responses
/// (`"400"`, `"401"`…), plus 500, which any request can meet.
fn responses(status: &str, success: Value, errors: &[&str]) -> Value {
    let mut map = Map::new();
    map.insert(status.to_string(), success);
    for code in errors.iter().chain(std::iter::once(&"500")) {
        map.insert(
            (*code).to_string(),
            reference("responses", error_name(code)),
        );
    }
    Value::Object(map)
}

fn error_name(code: &str) -> &'static str {
    match code {
        "400" => "BadRequest",
        "401" => "Unauthorized",
        "403" => "Forbidden",
        "404" => "NotFound",
        "409" => "Conflict",
        "413" => "PayloadTooLarge",
        "415" => "UnsupportedMediaType",
        "422" => "Unprocessable",
        "502" => "BadGateway",
        _ => "Internal",
    }
}

fn bearer() -> Value {
    json!([{ "bearer": [] }])
}

fn nullable(kind: &str, description: &str) -> Value {
    json!({ "type": [kind, "null"], "description": description })
}

fn nullable_text(max: u32, description: &str) -> Value {
    json!({ "type": ["string", "null"], "maxLength": max, "description": description })
}

fn nullable_format(format: &str, description: &str) -> Value {
    json!({ "type": ["string", "null"], "format": format, "description": description })
}

fn object_schema(
    description: &str,
    required: &[&str],
    properties: Map<String, Value>,
    closed: bool,
) -> Value {
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert("description".into(), json!(description));
    if !required.is_empty() {
        schema.insert("required".into(), json!(required));
    }
    schema.insert("properties".into(), Value::Object(properties));
    if closed {
        schema.insert("additionalProperties".into(), json!(false));
    }
    Value::Object(schema)
}

fn props(entries: Vec<(&str, Value)>) -> Map<String, Value> {
    entries
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// A list of concept slugs of the vocabulary scheme `scheme`, as the API returns it.
fn slug_list(scheme: &str, description: &str) -> Value {
    json!({
        "type": "array",
        "items": { "type": "string" },
        "description": format!("{description} Concept slugs of the `{scheme}` scheme (`https://galaxie.tiers-lieux.fr/ns#{scheme}/<slug>`, listed at `/vocab`).")
    })
}

/// A list of vocabulary concepts of `scheme`, as the API accepts it.
fn concept_input(scheme: &str, description: &str, update: bool) -> Value {
    let clear = if update {
        " The list replaces the current one; `[]` clears it."
    } else {
        ""
    };
    json!({
        "type": ["array", "null"],
        "items": { "type": "string" },
        "description": format!("{description} Concepts of the `{scheme}` scheme: each value is a concept slug, its IRI (`https://galaxie.tiers-lieux.fr/ns#{scheme}/<slug>`), the exact MedNum text or the data.inclusion value (see `/vocab`). Stored as slugs, each once, in order; a value that matches no concept is refused with 422 on this field.{clear}")
    })
}

// ---------------------------------------------------------------------------------------------
// Paths.

fn paths() -> Value {
    let mut paths = Map::new();
    paths.insert("/api/openapi.json".into(), openapi_path());
    paths.insert("/api/v1/places".into(), places_path());
    paths.insert("/api/v1/places/{username}".into(), place_path());
    paths.insert("/api/v1/places/{username}/notes".into(), place_notes_path());
    paths.insert(
        "/api/v1/places/{username}/events".into(),
        place_events_path(),
    );
    paths.insert(
        "/api/v1/places/{username}/followers".into(),
        followers_path(),
    );
    paths.insert(
        "/api/v1/places/{username}/followers/{decision}".into(),
        follower_decision_path(),
    );
    paths.insert(
        "/api/v1/places/{username}/following".into(),
        following_path(),
    );
    paths.insert("/api/v1/notes/{id}".into(), notes_path());
    paths.insert("/api/v1/events/{id}".into(), events_path());
    paths.insert("/api/v1/events/{id}/cancel".into(), cancel_path());
    paths.insert("/api/v1/events/{id}/move".into(), move_path());
    paths.insert(
        "/api/v1/places/{username}/services".into(),
        place_services_path(),
    );
    paths.insert("/api/v1/services/{id}".into(), services_path());
    paths.insert(
        "/api/v1/places/{username}/showcases".into(),
        place_showcases_path(),
    );
    paths.insert("/api/v1/showcases/{id}".into(), showcases_path());
    paths.insert("/api/v1/places/{username}/stops".into(), stops_path());
    paths.insert("/api/v1/media".into(), media_upload_path());
    paths.insert("/media/{name}".into(), media_file_path(false));
    paths.insert("/media/{name}/thumbnail".into(), media_file_path(true));
    paths.insert("/api/v1/timeline".into(), timeline_path());
    paths.insert("/api/v1/directory".into(), directory_path());
    paths.insert(
        "/api/v1/orientation".into(),
        crate::routes::orientation::openapi_path(),
    );
    for (path, item) in network_paths() {
        paths.insert(path.into(), item);
    }
    for (path, item) in crate::routes::cooperation::openapi_paths() {
        paths.insert(path.into(), item);
    }
    for (path, item) in crate::routes::labels::openapi_paths() {
        paths.insert(path.into(), item);
    }
    for (path, item) in crate::routes::funding::openapi_paths() {
        paths.insert(path.into(), item);
    }
    Value::Object(paths)
}

fn openapi_path() -> Value {
    json!({
        "get": {
            "tags": ["meta"],
            "operationId": "openapi",
            "summary": "This OpenAPI document",
            "responses": { "200": ok("The OpenAPI 3.1 document.", json!({ "type": "object" })) }
        }
    })
}

fn places_path() -> Value {
    json!({
        "get": {
            "tags": ["places"],
            "operationId": "listPlaces",
            "summary": "List the places of this instance",
            "responses": responses("200", ok("Every local place.", json!({ "type": "array", "items": schema_ref("Place") })), &[])
        },
        "post": {
            "tags": ["places"],
            "operationId": "createPlace",
            "summary": "Create a place",
            "description": "Creates a place and its RSA key pair; it is immediately reachable as `@username@host` by WebFinger. A username already in use is refused with 422 on `username`.",
            "security": bearer(),
            "requestBody": json_body("PlaceInput", "The new place."),
            "responses": responses("201", ok("The created place.", schema_ref("Place")), &["400", "401", "409", "413", "415", "422"])
        }
    })
}

fn place_path() -> Value {
    json!({
        "parameters": [reference("parameters", "Username")],
        "get": {
            "tags": ["places"],
            "operationId": "getPlace",
            "summary": "Show a place",
            "responses": responses("200", ok("The place.", schema_ref("Place")), &["404"])
        },
        "patch": {
            "tags": ["places"],
            "operationId": "updatePlace",
            "summary": "Update a place's profile",
            "description": "A partial update: a missing (or null) field is kept, an empty string clears an optional text field, and a list replaces the current one (an empty list clears it). The change is sent to the place's followers as an `Update` of the actor.",
            "security": bearer(),
            "requestBody": json_body("PlaceUpdate", "The fields to change."),
            "responses": responses("200", ok("The updated place.", schema_ref("Place")), &["400", "401", "404", "413", "415", "422"])
        }
    })
}

fn place_notes_path() -> Value {
    json!({
        "parameters": [reference("parameters", "Username")],
        "post": {
            "tags": ["publishing"],
            "operationId": "publishNote",
            "summary": "Publish a news item (Note)",
            "description": "Publishes a public `Note` attributed to the place and sends a `Create` to its followers. With `text_falc`, the note also carries an easy-read variant (`contentMap` under `fr-x-falc`).",
            "security": bearer(),
            "requestBody": json_body("NoteInput", "The note."),
            "responses": responses("201", ok("The published note.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        }
    })
}

fn place_events_path() -> Value {
    json!({
        "parameters": [reference("parameters", "Username")],
        "post": {
            "tags": ["publishing"],
            "operationId": "publishEvent",
            "summary": "Publish an event",
            "description": "Publishes a public `Event` (FEP-8a8e) attributed to the place and sends a `Create` to its followers. Its one-line `summary` (\"what — when — where — price\", in French, in the event's time zone) is generated, because Mastodon shows only the name, the summary and a link; it starts with `ANNULÉ`, `REPORTÉ` or `EN LIGNE` when the status says so.\n\nWith an `rrule`, the event is a recurring permanence: the returned object is the series, which keeps the rule and is not sent itself. Its occurrences from now to 8 weeks ahead (at most 20) are published as events of their own, with ids `<series id>-<YYYYMMDDTHHMMSSZ>` (the original start in UTC), and the horizon moves forward every hour while the server runs. Occurrences are listed by the timeline and by `stops`; cancel or move one with `/api/v1/events/{id}/cancel` and `/move`.\n\nA `banner` must name an image uploaded by this place (or without a place): otherwise 422 (reported on `media`).",
            "security": bearer(),
            "requestBody": json_body("EventInput", "The event."),
            "responses": responses("201", ok("The published event.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        }
    })
}

fn followers_path() -> Value {
    json!({
        "parameters": [reference("parameters", "Username")],
        "get": {
            "tags": ["followers"],
            "operationId": "listFollowers",
            "summary": "List a place's followers",
            "description": "Followers and follow requests. Requests wait as `pending` when the place approves followers manually; otherwise they are accepted on arrival.",
            "security": bearer(),
            "parameters": [{
                "name": "status",
                "in": "query",
                "required": false,
                "description": "Which followers to list (default `all`). Any other value is refused with 422 on `status`.",
                "schema": { "type": "string", "enum": ["pending", "accepted", "all"], "default": "all" }
            }],
            "responses": responses("200", ok("The followers.", json!({ "type": "array", "items": schema_ref("Follower") })), &["401", "404", "422"])
        }
    })
}

fn follower_decision_path() -> Value {
    json!({
        "parameters": [
            reference("parameters", "Username"),
            {
                "name": "decision",
                "in": "path",
                "required": true,
                "description": "`approve` accepts a pending follower (sends `Accept`; approving an accepted follower does nothing). `reject` refuses a pending follower (sends `Reject`; a follower that is not pending is refused with 422 on `actor`). `remove` removes a pending or accepted follower (sends `Reject`). Any other value: 404.",
                "schema": { "type": "string", "enum": ["approve", "reject", "remove"] }
            }
        ],
        "post": {
            "tags": ["followers"],
            "operationId": "decideFollower",
            "summary": "Approve, reject or remove a follower",
            "security": bearer(),
            "requestBody": json_body("ActorInput", "The follower, by actor URL."),
            "responses": responses("204", no_content("Done."), &["400", "401", "404", "413", "415", "422"])
        }
    })
}

fn following_path() -> Value {
    json!({
        "parameters": [reference("parameters", "Username")],
        "post": {
            "tags": ["following"],
            "operationId": "follow",
            "summary": "Follow a remote actor",
            "description": "Resolves the target (WebFinger for `@user@host`, a fetch for an actor URL), records the follow as `pending` and sends a `Follow`. It becomes `accepted` when the target's `Accept` arrives. Following again re-sends the `Follow`.",
            "security": bearer(),
            "requestBody": json_body("TargetInput", "Whom to follow."),
            "responses": responses("202", ok("The follow was recorded and its `Follow` queued.", schema_ref("Following")), &["400", "401", "403", "404", "413", "415", "422", "502"])
        },
        "delete": {
            "tags": ["following"],
            "operationId": "unfollow",
            "summary": "Stop following a remote actor",
            "description": "Removes the follow and sends `Undo(Follow)`. 404 when the place does not follow the target.",
            "security": bearer(),
            "requestBody": json_body("TargetInput", "Whom to stop following."),
            "responses": responses("204", no_content("Unfollowed."), &["400", "401", "403", "404", "413", "415", "422", "502"])
        }
    })
}

/// `GET` of a local object of one type: `kind` is its ActivityStreams type, `path` its API path.
fn object_get(tag: &str, operation: &str, what: &str, kind: &str, path: &str) -> Value {
    json!({
        "tags": [tag],
        "operationId": operation,
        "summary": format!("Show a local {what}"),
        "description": format!("A local, undeleted `{kind}` by its row id. `{path}` answers only for a `{kind}`: another type, a received (remote) object or a deleted one gives 404."),
        "responses": responses("200", ok("The object.", schema_ref("Object")), &["400", "404"])
    })
}

/// `DELETE` of a local object of one type.
fn object_delete(tag: &str, operation: &str, what: &str, kind: &str, extra: &str) -> Value {
    json!({
        "tags": [tag],
        "operationId": operation,
        "summary": format!("Delete a local {what}"),
        "description": format!("Marks the `{kind}` deleted (its ActivityPub id then answers 410 with a `Tombstone`) and sends a `Delete` to the place's followers. Another type, or an object already deleted: 404.{extra}"),
        "security": bearer(),
        "responses": responses("204", no_content("Deleted."), &["400", "401", "404"])
    })
}

fn notes_path() -> Value {
    json!({
        "parameters": [reference("parameters", "ObjectId")],
        "get": object_get("publishing", "getNote", "note", "Note", "/api/v1/notes/{id}"),
        "put": {
            "tags": ["publishing"],
            "operationId": "updateNote",
            "summary": "Replace a note's text",
            "description": "Replaces the text (and its easy-read variant: left out, it is cleared) and sends an `Update` to the place's followers. An id that is not a local note: 404.",
            "security": bearer(),
            "requestBody": json_body("NoteInput", "The new text."),
            "responses": responses("200", ok("The updated note.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        },
        "delete": object_delete("publishing", "deleteNote", "note", "Note", "")
    })
}

fn events_path() -> Value {
    json!({
        "parameters": [reference("parameters", "ObjectId")],
        "get": object_get("publishing", "getEvent", "event", "Event", "/api/v1/events/{id}"),
        "put": {
            "tags": ["publishing"],
            "operationId": "updateEvent",
            "summary": "Replace an event",
            "description": "Every field is given again, as at creation (a field left out is cleared). Sends an `Update` to the place's followers. An id that is not a local event: 404. The `banner` is attached when an event is published. When the event is a recurring series, its published occurrences are brought in line with it by the hourly maintenance task; to change one occurrence, cancel or move it instead.",
            "security": bearer(),
            "requestBody": json_body("EventInput", "The whole event."),
            "responses": responses("200", ok("The updated event.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        },
        "delete": object_delete("publishing", "deleteEvent", "event", "Event", " Deleting a recurring series withdraws its upcoming occurrences instead (a `Delete` for each; the series itself was never sent).")
    })
}

fn cancel_path() -> Value {
    json!({
        "parameters": [reference("parameters", "ObjectId")],
        "post": {
            "tags": ["occurrences"],
            "operationId": "cancelOccurrence",
            "summary": "Cancel one occurrence of a recurring permanence",
            "description": "`id` is the occurrence's row id (listed by the timeline and by `stops`), not the series'. The series records the cancellation (an `EXDATE` in iCalendar), and the occurrence is sent again as an `Update` with `eventStatus: EventCancelled` and a summary starting with `ANNULÉ`. An id that is not a local occurrence of a recurring series (a one-off event, the series itself): 404.",
            "security": bearer(),
            "responses": responses("200", ok("The cancelled occurrence.", schema_ref("Object")), &["400", "401", "404", "422"])
        }
    })
}

fn move_path() -> Value {
    json!({
        "parameters": [reference("parameters", "ObjectId")],
        "post": {
            "tags": ["occurrences"],
            "operationId": "moveOccurrence",
            "summary": "Move one occurrence of a recurring permanence",
            "description": "`id` is the occurrence's row id. The occurrence keeps its ActivityPub id (built from its original start) and is sent again as an `Update` with the new times, `eventStatus: EventRescheduled` and a new summary. Moving it again replaces the previous move; a cancelled occurrence can be moved back into the programme. An id that is not a local occurrence: 404; `end` not after `start`: 422 on `end`.",
            "security": bearer(),
            "requestBody": json_body("MoveInput", "The new times."),
            "responses": responses("200", ok("The moved occurrence.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        }
    })
}

fn place_services_path() -> Value {
    json!({
        "parameters": [reference("parameters", "Username")],
        "post": {
            "tags": ["services"],
            "operationId": "publishService",
            "summary": "Publish a service the place offers (Page)",
            "description": "Publishes a public `Page` attributed to the place, with the vocabulary concepts as concept IRIs (`serviceTypes`, `publics`, `fees`, `accessModes`, `supportModes`), and sends a `Create` to its followers. It appears in the place's `services` collection (`/places/{username}/services`). Its location is the place's. Its one-line `summary` is generated: \"name — place — hours in plain French — price\", with the service's own hours, or else the place's.",
            "security": bearer(),
            "requestBody": json_body("ServiceInput", "The service."),
            "responses": responses("201", ok("The published service.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        }
    })
}

fn services_path() -> Value {
    json!({
        "parameters": [reference("parameters", "ObjectId")],
        "get": object_get("services", "getService", "service", "Page", "/api/v1/services/{id}"),
        "put": {
            "tags": ["services"],
            "operationId": "updateService",
            "summary": "Replace a service",
            "description": "Every field is given again, as at creation (a field left out is cleared). Sends an `Update` to the place's followers. An id that is not a local service: 404.",
            "security": bearer(),
            "requestBody": json_body("ServiceInput", "The whole service."),
            "responses": responses("200", ok("The updated service.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        },
        "delete": object_delete("services", "deleteService", "service", "Page", "")
    })
}

fn place_showcases_path() -> Value {
    json!({
        "parameters": [reference("parameters", "Username")],
        "post": {
            "tags": ["showcases"],
            "operationId": "publishShowcase",
            "summary": "Publish a heritage showcase (Article)",
            "description": "Publishes a public `Article` attributed to the place, with its licence (`license`, CC BY-SA 4.0 unless said otherwise), `Hashtag` tags, heritage kinds as concept IRIs and its images (each an `Image` attachment with its alternative text in `name`; the first is also the `image`), and sends a `Create` to its followers. Images are uploaded first with `POST /api/v1/media`; a `media` id that names no upload, or an image uploaded by another place: 422 on `media`.",
            "security": bearer(),
            "requestBody": json_body("ShowcaseInput", "The showcase."),
            "responses": responses("201", ok("The published showcase.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        }
    })
}

fn showcases_path() -> Value {
    json!({
        "parameters": [reference("parameters", "ObjectId")],
        "get": object_get("showcases", "getShowcase", "showcase", "Article", "/api/v1/showcases/{id}"),
        "put": {
            "tags": ["showcases"],
            "operationId": "updateShowcase",
            "summary": "Replace a showcase",
            "description": "Every field is given again, as at creation (a field left out is cleared; the images are replaced by `media`). Sends an `Update` to the place's followers. An id that is not a local showcase: 404.",
            "security": bearer(),
            "requestBody": json_body("ShowcaseInput", "The whole showcase."),
            "responses": responses("200", ok("The updated showcase.", schema_ref("Object")), &["400", "401", "404", "413", "415", "422"])
        },
        "delete": object_delete("showcases", "deleteShowcase", "showcase", "Article", "")
    })
}

fn stops_path() -> Value {
    json!({
        "parameters": [reference("parameters", "Username")],
        "get": {
            "tags": ["timeline"],
            "operationId": "stops",
            "summary": "Where an itinerant place stops",
            "description": "The place's events (one-off events and occurrences of recurring permanences, not the series themselves) that overlap the period and have a location (a venue name, a street or coordinates), earliest first. Cancelled events are left out. Made for a \"truck numérique\" (`mobility: itinerant`), but answers for any place.",
            "parameters": [
                {
                    "name": "from",
                    "in": "query",
                    "required": false,
                    "description": "Start of the period, RFC 3339 (URL-encode the `+` of an offset as `%2B`). Default: this Monday 00:00, Paris time. Not a date and time: 400 (plain text).",
                    "schema": { "type": "string", "format": "date-time" }
                },
                {
                    "name": "to",
                    "in": "query",
                    "required": false,
                    "description": "End of the period, RFC 3339, after `from` (else 422 on `to`). Default: the next Monday 00:00, Paris time.",
                    "schema": { "type": "string", "format": "date-time" }
                }
            ],
            "responses": responses("200", ok("The stops, earliest first.", json!({ "type": "array", "items": schema_ref("Object") })), &["400", "404", "422"])
        }
    })
}

fn media_upload_path() -> Value {
    let query = |name: &str, required: bool, description: &str, schema: Value| json!({ "name": name, "in": "query", "required": required, "description": description, "schema": schema });
    let image = json!({ "schema": { "type": "string", "format": "binary" } });
    json!({
        "post": {
            "tags": ["media"],
            "operationId": "uploadMedia",
            "summary": "Upload an image",
            "description": "The request body is the image file itself (`curl --data-binary @facade.jpg`), not a form: `multipart/form-data` and `application/x-www-form-urlencoded` are refused with 415 saying how to send it. The format (JPEG, PNG or WebP) is read from the file's first bytes, never from its name or `Content-Type`; anything else (HTML, SVG, GIF, PDF, text…) is refused with 415 saying what it looks like. The body may be at most `[media] max_bytes` (8 MiB by default; 413 beyond) and the image at most `[media] max_pixels` (40 megapixels by default; 422 on `file`), checked from its header before decoding. An empty body or a broken image: 422 on `file`. An unknown query parameter: 422 naming it.\n\nThe image is turned upright from its EXIF orientation and encoded again in the same format: EXIF (GPS position, camera, date), XMP and text chunks are removed; the colour profile is kept. A thumbnail fitting in 400 × 400 is made. Both are served from `/media/{sha256}`. The returned `id` is what a showcase's `media` or an event's `banner` names. A refused upload stores nothing. See docs/media.md.",
            "security": bearer(),
            "parameters": [
                query("alt", true, "Alternative text: what the image shows, for people who cannot see it (required, at most 1500 characters, trimmed).", json!({ "type": "string", "minLength": 1, "maxLength": 1500 })),
                query("focal", false, "Focal point `x,y`, each from -1 to 1 (`x` from the left edge to the right, `y` from the bottom to the top; `0,0` is the centre), as Mastodon's `focalPoint`: crops keep it in view.", json!({ "type": "string", "examples": ["0,0.3"] })),
                query("place", false, "The username of the local place the image belongs to; an unknown place: 422 on `place`. An image without a place can be attached by any place.", schema_ref("Username"))
            ],
            "requestBody": {
                "required": true,
                "description": "The image file, as is.",
                "content": { "image/jpeg": image.clone(), "image/png": image.clone(), "image/webp": image.clone(), "application/octet-stream": image }
            },
            "responses": responses("201", ok("The stored image.", schema_ref("Media")), &["401", "413", "415", "422"])
        }
    })
}

fn media_file_path(thumbnail: bool) -> Value {
    let (operation, summary, what) = if thumbnail {
        (
            "getMediaThumbnail",
            "An uploaded image's thumbnail",
            "The thumbnail (fits in 400 × 400, same format)",
        )
    } else {
        ("getMedia", "An uploaded image", "The cleaned image")
    };
    let image = json!({ "schema": { "type": "string", "format": "binary" } });
    json!({
        "parameters": [{
            "name": "name",
            "in": "path",
            "required": true,
            "description": "The SHA-256 of the cleaned image (as in `Media.url`), 64 lowercase hexadecimal digits; anything else: 404.",
            "schema": { "type": "string", "pattern": "^[0-9a-f]{64}$" }
        }],
        "get": {
            "tags": ["media"],
            "operationId": operation,
            "summary": summary,
            "description": "Public. Files never change (their name is a hash): `Cache-Control: public, max-age=31536000, immutable`, `ETag` (`If-None-Match` gives 304), `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'none'`.",
            "responses": {
                "200": {
                    "description": what,
                    "content": { "image/jpeg": image.clone(), "image/png": image.clone(), "image/webp": image }
                },
                "304": no_content("Not modified (`If-None-Match` matched the `ETag`)."),
                "404": reference("responses", "NotFound"),
                "500": reference("responses", "Internal")
            }
        }
    })
}

/// A query parameter.
fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

/// The filters the timeline and the directory share (`routes::filters`).
fn filter_parameters(timeline: bool) -> Vec<Value> {
    let whose = if timeline {
        "the object's territory: its own location (postal code), or else its author place's directory entry"
    } else {
        "the place's territory"
    };
    let vocabulary = if timeline {
        "the object's own vocabulary tags (a service's services, publics, fees, access and support modes; a showcase's heritage kinds; an event's FEP-8a8e category)"
    } else {
        "the place's vocabulary concepts (every scheme of its profile)"
    };
    vec![
        query(
            "limit",
            "Page size, 1 to 100 (default 20). Anything else: 400 on `limit`.",
            json!({ "type": "integer", "minimum": 1, "maximum": 100, "default": 20 }),
        ),
        query(
            "commune",
            &format!(
                "INSEE commune code (`51454`, `2A004`) of {whose}. Not a commune code: 400 on `commune`."
            ),
            json!({ "type": "string", "pattern": "^([013-9][0-9]|2[AB1-9])[0-9]{3}$" }),
        ),
        query(
            "departement",
            &format!(
                "Département code (`51`, `2A`, `974`) of {whose}. Unknown: 400 on `departement`."
            ),
            json!({ "type": "string", "examples": ["51", "2A", "974"] }),
        ),
        query(
            "region",
            &format!(
                "INSEE région code (`44` Grand Est, `94` Corse, `04` La Réunion…) of {whose}. Unknown: 400 on `region`."
            ),
            json!({ "type": "string", "examples": ["44"] }),
        ),
        query(
            "bbox",
            "Only what lies in this box: `minLon,minLat,maxLon,maxLat` (west, south, east, north; WGS 84). Not four numbers, out of range or inverted: 400 on `bbox`.",
            json!({ "type": "string", "examples": ["3.8,49.1,4.2,49.4"] }),
        ),
        query(
            "near",
            "Only what lies within `radius_km` of this point, `lat,lon` (great-circle distance). Requires `radius_km` (else 400 on `radius_km`).",
            json!({ "type": "string", "examples": ["49.2583,4.0317"] }),
        ),
        query(
            "radius_km",
            "The radius around `near`, in kilometres, more than 0 and at most 1000. Without `near`: 400 on `radius_km`.",
            json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 1000 }),
        ),
        query(
            "concept",
            &format!(
                "A vocabulary concept, any scheme: its `scheme/slug` path (`service/numerique`), IRI, slug, MedNum or data.inclusion value. Matches {vocabulary}, the concept or a narrower one. Repeat it to require several. Unknown: 400 on `concept` (the concepts are at `/vocab`); a slug of several schemes: 400 listing them."
            ),
            json!({ "type": "string", "examples": ["service/aide-demarches-administratives"] }),
        ),
        query(
            "public",
            "A concept of the `public` scheme (`seniors`), as `concept` but read in that scheme. Repeatable. Unknown: 400 on `public`.",
            json!({ "type": "string" }),
        ),
        query(
            "fee",
            "A concept of the `fee` scheme (`gratuit`), as `concept` but read in that scheme. Repeatable. Unknown: 400 on `fee`.",
            json!({ "type": "string" }),
        ),
        query(
            "label",
            if timeline {
                "A concept of the `label` scheme: only objects whose author place carries it (through the directory, any entry of the same place). Repeatable. Unknown: 400 on `label`."
            } else {
                "A concept of the `label` scheme the place carries. Repeatable. Unknown: 400 on `label`."
            },
            json!({ "type": "string" }),
        ),
        query(
            "open_now",
            if timeline {
                "`true`: only what is open now: a service by its own opening hours, anything else (or a service without hours) by its author place's. Hours are evaluated in the place's time zone (overseas départements keep theirs); `unknown` does not count as open. Not `true`/`false`: 400."
            } else {
                "`true`: only places open now by their opening hours (in their time zone). Not `true`/`false`: 400."
            },
            json!({ "type": "boolean" }),
        ),
    ]
}

fn invalid_query_responses(success: Value) -> Value {
    let mut map = Map::new();
    map.insert("200".into(), success);
    map.insert("400".into(), reference("responses", "InvalidQuery"));
    map.insert("500".into(), reference("responses", "Internal"));
    Value::Object(map)
}

fn timeline_path() -> Value {
    let mut parameters = filter_parameters(true);
    parameters.extend([
        query("type", "Object types: `Event`, `Note`, `Article`, `Page` (any case), comma-separated or repeated. Anything else: 400 on `type`.", json!({ "type": "string", "examples": ["Event", "Event,Page"] })),
        query("from", "Only events starting at or after this: RFC 3339 (URL-encode the `+` of an offset as `%2B`), or a date (`2027-01-09`: from 00:00, Paris time). Not a date: 400 on `from`.", json!({ "type": "string", "examples": ["2027-01-09", "2027-01-09T14:00:00Z"] })),
        query("to", "Only events starting at or before this: RFC 3339, or a date (until the end of that day, Paris time). Before `from`: 400 on `to`.", json!({ "type": "string", "examples": ["2027-01-31"] })),
        query("upcoming", "`true`: events starting from now, soonest first, paged with `after` (instead of newest received first, paged with `before`).", json!({ "type": "boolean" })),
        query("before", "The `next` cursor of the previous page, newest-first order. With `upcoming=true`, or not a cursor: 400 on `before`.", json!({ "type": "string", "pattern": "^-?[0-9]+_-?[0-9]+$" })),
        query("after", "The `next` cursor of the previous page with `upcoming=true`. Without it, or not a cursor: 400 on `after`.", json!({ "type": "string", "pattern": "^-?[0-9]+_-?[0-9]+$" })),
    ]);
    json!({
        "get": {
            "tags": ["timeline"],
            "operationId": "timeline",
            "summary": "The timeline, with filters",
            "description": "Every public, undeleted object this instance holds — published by its places or received from what they follow — newest received first, or with `upcoming=true` events from now, soonest first. An object that arrived by several paths appears once. Recurring series are left out (their occurrences are listed).\n\nFilters combine (all must match): territory (`commune`, `departement`, `region`, `bbox`, `near` + `radius_km`), `type`, vocabulary (`concept`, `public`, `fee`, `label`), `open_now`, event dates (`from`, `to`). Every invalid or unknown parameter is refused at once with 400 and a `QueryError` naming each one and why.\n\nPages are keyset pages: pass `next` back (as `before`, or `after` with `upcoming=true`); no item is skipped or repeated between pages. With `near` or `open_now`, which are checked on the rows read, at most 2,000 rows are read per page: a page may then hold fewer items than `limit` and still have a `next`.",
            "parameters": parameters,
            "responses": invalid_query_responses(ok("One page.", schema_ref("TimelinePage")))
        }
    })
}

fn directory_path() -> Value {
    let mut parameters = filter_parameters(false);
    parameters.push(query(
        "after",
        "The `next` cursor of the previous page. Not a cursor: 400 on `after`.",
        json!({ "type": "string", "pattern": "^-?[0-9]+_[a-z0-9-]*$" }),
    ));
    json!({
        "get": {
            "tags": ["directory"],
            "operationId": "directory",
            "summary": "The federated directory",
            "description": "Every place this instance knows: its own, and each remote `Organization` actor it has read (profiles are refreshed whenever the actor is fetched or sends an `Update`; an older profile never replaces a newer one, by the actor's `updated`). The same place published by several instances — the same SIRET, SIREN or RNA number; or the same address (postal code, street and number); or within 100 m with similar names — is listed once: the freshest record, with the others' actor ids in `same_as`. Two different SIRETs are never merged.\n\nBy name, then id; keyset pages (pass `next` as `after`). Filters as the timeline's; every invalid or unknown parameter: 400 with a `QueryError`. The whole directory is also served as GeoJSON at `/directory.geojson` and as La MedNum's CSV at `/directory.csv`.",
            "parameters": parameters,
            "responses": invalid_query_responses(ok("One page.", schema_ref("DirectoryPage")))
        }
    })
}

fn parameters() -> Value {
    json!({
        "Username": {
            "name": "username",
            "in": "path",
            "required": true,
            "description": "The place's local username, as in `@username@host`. Unknown: 404.",
            "schema": { "$ref": "#/components/schemas/Username" }
        },
        "ObjectId": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The object's row id (`id` in `Object`). Not an integer: 400 (plain text).",
            "schema": { "type": "integer", "format": "int64" }
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Error responses.

fn error_response(description: &str, schema: &str) -> Value {
    json!({ "description": description, "content": json_content(schema_ref(schema)) })
}

fn error_responses() -> Value {
    let mut map = Map::new();
    map.insert(
        "BadRequest".into(),
        error_response(
            "The request cannot be read: the JSON body is not valid JSON. Malformed path or query parameters (a non-numeric id or limit, a `from` that is not a date) get a plain-text 400 instead.",
            "Error",
        ),
    );
    map.insert(
        "InvalidQuery".into(),
        error_response(
            "Query parameters that cannot be used: each invalid or unknown parameter is named, with the reason.",
            "QueryError",
        ),
    );
    map.insert(
        "Unauthorized".into(),
        json!({
            "description": "No valid bearer token.",
            "headers": { "WWW-Authenticate": { "schema": { "type": "string", "const": "Bearer" } } },
            "content": json_content(schema_ref("Error"))
        }),
    );
    map.insert(
        "Forbidden".into(),
        error_response(
            "Refused, for example because the target's domain is blocked.",
            "Error",
        ),
    );
    map.insert(
        "NotFound".into(),
        error_response(
            "No such place, object, occurrence, image, follower or follow (`{\"error\": \"place not found\"}`…).",
            "Error",
        ),
    );
    map.insert(
        "Conflict".into(),
        error_response("It already exists.", "Error"),
    );
    map.insert(
        "PayloadTooLarge".into(),
        error_response(
            "The body is too large: more than 1 MiB for a JSON body, more than `[media] max_bytes` for an image.",
            "Error",
        ),
    );
    map.insert(
        "UnsupportedMediaType".into(),
        error_response(
            "A JSON body without `Content-Type: application/json`; or, for an upload, a form instead of the raw file, or a file that is not a JPEG, PNG or WebP image (the message says what it looks like).",
            "Error",
        ),
    );
    map.insert(
        "Unprocessable".into(),
        json!({
            "description": "Invalid input. Invalid values give a `ValidationError` naming every invalid field with what is expected. A body that does not fit the shape (a missing required key, a value of the wrong type, a key the endpoint does not know) or an unknown upload parameter gives an `Error` whose message names it.",
            "content": json_content(json!({ "anyOf": [schema_ref("ValidationError"), schema_ref("Error")] }))
        }),
    );
    map.insert(
        "BadGateway".into(),
        error_response(
            "A remote server could not be reached or answered with an error.",
            "Error",
        ),
    );
    map.insert(
        "Internal".into(),
        error_response(
            "An internal error; it is logged on the server with `error_id`.",
            "Error",
        ),
    );
    Value::Object(map)
}

// ---------------------------------------------------------------------------------------------
// Schemas.

fn schemas() -> Value {
    let mut map = Map::new();
    map.insert("Username".into(), username_schema());
    map.insert("Place".into(), place_schema());
    map.insert("PlaceInput".into(), place_input_schema());
    map.insert("PlaceUpdate".into(), place_update_schema());
    map.insert("NoteInput".into(), note_input_schema());
    map.insert("EventInput".into(), event_input_schema());
    map.insert("MoveInput".into(), move_input_schema());
    map.insert("ServiceInput".into(), service_input_schema());
    map.insert("ShowcaseInput".into(), showcase_input_schema());
    map.insert("Object".into(), object_dto_schema());
    map.insert("Media".into(), media_schema());
    map.insert("Follower".into(), follower_schema());
    map.insert("Following".into(), following_schema());
    map.insert("ActorInput".into(), actor_input_schema());
    map.insert("TargetInput".into(), target_input_schema());
    map.insert("TimelinePage".into(), timeline_page_schema());
    map.insert("DirectoryEntry".into(), directory_entry_schema());
    map.insert("DirectoryPage".into(), directory_page_schema());
    for (name, schema) in crate::routes::orientation::openapi_schemas() {
        map.insert(name.into(), schema);
    }
    map.insert("QueryError".into(), query_error_schema());
    map.insert("Error".into(), error_schema());
    map.insert("ValidationError".into(), validation_error_schema());
    map.insert("FieldError".into(), field_error_schema());
    Value::Object(map)
}

fn username_schema() -> Value {
    json!({
        "type": "string",
        "minLength": 1,
        "maxLength": 64,
        "pattern": "^[a-z0-9]([a-z0-9_.-]*[a-z0-9])?$",
        "description": "1–64 characters of `a-z`, `0-9`, `_`, `-` and `.`, starting and ending with a letter or a digit.",
        "examples": ["epn-saint-clair"]
    })
}

fn place_schema() -> Value {
    let properties = props(vec![
        ("username", schema_ref("Username")),
        (
            "handle",
            json!({ "type": "string", "description": "The fediverse handle.", "examples": ["@epn-saint-clair@lieu.example"] }),
        ),
        (
            "actor",
            json!({ "type": "string", "format": "uri", "description": "The ActivityPub actor id (`Organization`).", "examples": ["https://lieu.example/places/epn-saint-clair"] }),
        ),
        (
            "name",
            json!({ "type": "string", "description": "Display name." }),
        ),
        (
            "summary",
            nullable("string", "Short presentation (plain text)."),
        ),
        ("address", nullable("string", "Street and number.")),
        ("postal_code", nullable("string", "Five-digit postal code.")),
        ("city", nullable("string", "Commune.")),
        (
            "country",
            nullable(
                "string",
                "ISO 3166 two-letter code; `FR` when an address is given without one.",
            ),
        ),
        ("lat", nullable("number", "Latitude, WGS 84.")),
        ("lon", nullable("number", "Longitude, WGS 84.")),
        (
            "phone",
            nullable("string", "Telephone in E.164 form (`+33180059880`)."),
        ),
        ("website", nullable_format("uri", "Website.")),
        (
            "hours",
            nullable(
                "string",
                "Opening hours, OpenStreetMap `opening_hours` syntax.",
            ),
        ),
        (
            "hours_fr",
            json!({ "type": ["string", "null"], "description": "The opening hours in plain French, as the `Horaires` profile field shows them.", "examples": ["du mardi au vendredi, de 14 h à 18 h ; le samedi, de 10 h à 12 h ; fermé les jours fériés"] }),
        ),
        (
            "open_now_fr",
            json!({ "type": ["string", "null"], "description": "Whether it is open now, in plain French, with the next change (computed at the time of the request, in the place's time zone, with French public holidays).", "examples": ["Ouvert maintenant — ferme à 18 h", "Fermé — ouvre mardi à 14 h"] }),
        ),
        (
            "open_now",
            json!({ "type": ["string", "null"], "enum": ["open", "closed", "unknown", null], "description": "Open or closed now; `unknown` when the rules say it may be open (`unknown`, or a rule with only a comment such as \"sur rendez-vous\"). Null without hours." }),
        ),
        ("icon", nullable_format("uri", "Avatar image URL.")),
        (
            "manually_approves_followers",
            json!({ "type": "boolean", "description": "Whether follow requests wait for approval." }),
        ),
        (
            "pivot",
            nullable(
                "string",
                "SIRET (14 digits), SIREN (9 digits) or RNA number (`W` + 9), without spaces (MedNum `pivot`).",
            ),
        ),
        (
            "legal_form",
            nullable(
                "string",
                "Legal form, a concept slug of the `legal-form` scheme (`association`, `scic`, `commune`…).",
            ),
        ),
        (
            "address_complement",
            nullable(
                "string",
                "Address complement (MedNum `complement_adresse`).",
            ),
        ),
        (
            "insee_code",
            nullable("string", "INSEE commune code (MedNum `code_insee`)."),
        ),
        (
            "emails",
            json!({ "type": "array", "items": { "type": "string", "format": "email" }, "description": "Contact e-mails (MedNum `courriels`)." }),
        ),
        (
            "other_websites",
            json!({ "type": "array", "items": { "type": "string", "format": "uri" }, "description": "Further websites beyond `website`." }),
        ),
        (
            "description",
            nullable(
                "string",
                "Detailed presentation, plain text (MedNum `presentation_detail`); published as the actor's `content`.",
            ),
        ),
        (
            "summary_falc",
            nullable(
                "string",
                "Easy-read (FALC) summary, published under `fr-x-falc` in the actor's `summaryMap`.",
            ),
        ),
        (
            "mobility",
            json!({ "type": ["string", "null"], "enum": ["fixed", "itinerant", "both", null], "description": "Whether the place stays put, travels between stops (a \"truck numérique\"), or both (MedNum `itinerance`)." }),
        ),
        (
            "parent_structure",
            nullable("string", "Parent structure (MedNum `structure_parente`)."),
        ),
        (
            "structure_types",
            slug_list("structure-type", "Structure types (MedNum `typologie`)."),
        ),
        (
            "services",
            slug_list(
                "service",
                "Services offered (MedNum `services`). Not the published services (`Page`s): those are listed by `/places/{username}/services`.",
            ),
        ),
        (
            "publics",
            slug_list(
                "public",
                "Publics specifically addressed (MedNum `publics_specifiquement_adresses`).",
            ),
        ),
        (
            "specific_support",
            slug_list(
                "specific-support",
                "Specific support (MedNum `prise_en_charge_specifique`).",
            ),
        ),
        ("fees", slug_list("fee", "Fees (MedNum `frais_a_charge`).")),
        (
            "programmes",
            slug_list(
                "programme",
                "National programmes (MedNum `dispositif_programmes_nationaux`).",
            ),
        ),
        (
            "labels",
            slug_list(
                "label",
                "Trainings and labels (MedNum `formations_labels`).",
            ),
        ),
        (
            "access_modes",
            slug_list("access-mode", "Access modes (MedNum `modalites_acces`)."),
        ),
        (
            "support_modes",
            slug_list(
                "support-mode",
                "Support modes (MedNum `modalites_accompagnement`).",
            ),
        ),
        (
            "other_labels",
            nullable(
                "string",
                "Other trainings and labels, free text (MedNum `autres_formations_labels`).",
            ),
        ),
        (
            "acceslibre_url",
            nullable_format("uri", "Its acceslibre record (MedNum `fiche_acces_libre`)."),
        ),
        (
            "booking_url",
            nullable_format("uri", "Where to book an appointment (MedNum `prise_rdv`)."),
        ),
        (
            "created_at",
            json!({ "type": "string", "format": "date-time" }),
        ),
        (
            "updated_at",
            json!({ "type": "string", "format": "date-time" }),
        ),
    ]);
    let required: Vec<&str> = properties.keys().map(String::as_str).collect();
    object_schema(
        "A place (tiers-lieu) hosted by this instance. Every key is always present; unknown values are null and empty lists `[]`.",
        &required,
        properties.clone(),
        false,
    )
}

/// The profile fields shared by `PlaceInput` (`RawPlace`) and `PlaceUpdate` (`RawPlaceUpdate`).
fn profile_properties(update: bool) -> Vec<(&'static str, Value)> {
    let clear = if update {
        " An empty string clears it."
    } else {
        ""
    };
    let mut properties = vec![
        (
            "name",
            json!({ "type": ["string", "null"], "maxLength": 120, "description": if update { "Display name; cannot be cleared." } else { "Display name (required)." }, "examples": ["EPN de Saint-Clair"] }),
        ),
        (
            "summary",
            nullable_text(
                280,
                &format!("Short presentation, plain text (MedNum `presentation_resume`).{clear}"),
            ),
        ),
        (
            "address",
            nullable_text(200, &format!("Street and number.{clear}")),
        ),
        (
            "postal_code",
            json!({ "type": ["string", "null"], "pattern": "^\\s*([0-9]{5})?\\s*$", "description": format!("Five digits, like `51100`.{clear}") }),
        ),
        ("city", nullable_text(120, &format!("Commune.{clear}"))),
        (
            "country",
            json!({ "type": ["string", "null"], "pattern": "^\\s*([A-Za-z]{2})?\\s*$", "description": format!("ISO 3166 two-letter code, stored uppercase; `FR` when any address part is known and no country is given.{clear}") }),
        ),
        (
            "lat",
            json!({ "type": ["number", "null"], "minimum": -90, "maximum": 90, "description": "Latitude, WGS 84. Give `lat` and `lon` together." }),
        ),
        (
            "lon",
            json!({ "type": ["number", "null"], "minimum": -180, "maximum": 180, "description": "Longitude, WGS 84. Give `lat` and `lon` together." }),
        ),
        (
            "phone",
            json!({ "type": ["string", "null"], "description": format!("A French telephone number (`01 80 05 98 80`, `+33 1 80 05 98 80`, overseas prefixes accepted), stored in E.164 form.{clear}"), "examples": ["01 80 05 98 80"] }),
        ),
        (
            "website",
            json!({ "type": ["string", "null"], "description": format!("An `http://` or `https://` address.{clear}") }),
        ),
        (
            "hours",
            nullable_text(
                500,
                &format!(
                    "Opening hours in the OpenStreetMap `opening_hours` syntax, like `Tu-Fr 14:00-18:00; Sa 10:00-12:00; PH off` (`PH`: French public holidays). Hours that do not parse are refused with 422 saying at which character.{clear}"
                ),
            ),
        ),
        (
            "icon",
            json!({ "type": ["string", "null"], "description": format!("Avatar image, an `http://` or `https://` address.{clear}") }),
        ),
        (
            "manually_approves_followers",
            json!({ "type": ["boolean", "null"], "description": if update { "Whether follow requests wait for approval." } else { "Whether follow requests wait for approval (default false)." } }),
        ),
    ];
    properties.extend(mednum_properties(update));
    properties.extend(concept_properties(update));
    properties
}

/// The MedNum identity and presentation fields of a place's profile.
fn mednum_properties(update: bool) -> Vec<(&'static str, Value)> {
    let clear = if update {
        " An empty string clears it."
    } else {
        ""
    };
    let list_clear = if update {
        " The list replaces the current one; `[]` clears it."
    } else {
        ""
    };
    vec![
        (
            "pivot",
            json!({ "type": ["string", "null"], "description": format!("SIRET (14 digits), SIREN (9 digits) or RNA number (`W` followed by 9 letters or digits); spaces are ignored. SIRET and SIREN are checked with their key (Luhn; La Poste's SIRETs with theirs), so a typo is refused (MedNum `pivot`).{clear}"), "examples": ["434 933 123 00029"] }),
        ),
        (
            "legal_form",
            json!({ "type": ["string", "null"], "description": format!("Legal form: a concept of the `legal-form` scheme (slug such as `association`, `scic`, `scop`, `commune`, or its IRI or label; see `/vocab`). Unknown: 422.{clear}"), "examples": ["association"] }),
        ),
        (
            "address_complement",
            nullable_text(
                200,
                &format!(
                    "Address complement, like `Bâtiment B` (MedNum `complement_adresse`).{clear}"
                ),
            ),
        ),
        (
            "insee_code",
            json!({ "type": ["string", "null"], "pattern": "^\\s*(([013-9][0-9]|2[ABab1-9])[0-9]{3})?\\s*$", "description": format!("INSEE commune code, five characters (`51454`, Corsica `2A004`), stored uppercase (MedNum `code_insee`).{clear}"), "examples": ["51454"] }),
        ),
        (
            "emails",
            json!({ "type": ["array", "null"], "items": { "type": "string" }, "description": format!("Contact e-mails: each one `@`, a dotted domain, no spaces, commas or `|` (MedNum `courriels`). Blank entries are skipped.{list_clear}"), "examples": [["contact@epn-saint-clair.fr"]] }),
        ),
        (
            "other_websites",
            json!({ "type": ["array", "null"], "items": { "type": "string" }, "description": format!("Further websites beyond `website`, each `http://` or `https://`.{list_clear}") }),
        ),
        (
            "description",
            nullable_text(
                10_000,
                &format!(
                    "Detailed presentation, plain text (MedNum `presentation_detail`); published as the actor's `content`.{clear}"
                ),
            ),
        ),
        (
            "summary_falc",
            nullable_text(
                280,
                &format!(
                    "Easy-read (FALC, *facile à lire et à comprendre*) version of `summary`, published under `fr-x-falc` in the actor's `summaryMap`.{clear}"
                ),
            ),
        ),
        (
            "mobility",
            json!({ "type": ["string", "null"], "description": format!("`fixed`, `itinerant` (a \"truck numérique\" that travels between stops) or `both`; MedNum's `Fixe`, `Itinérant` and `Fixe|Itinérant` are accepted too (MedNum `itinerance`).{clear}"), "examples": ["itinerant"] }),
        ),
        (
            "parent_structure",
            nullable_text(
                200,
                &format!(
                    "Parent structure, like the commune or the association that runs the place (MedNum `structure_parente`).{clear}"
                ),
            ),
        ),
        (
            "other_labels",
            nullable_text(
                500,
                &format!(
                    "Other trainings and labels, free text (MedNum `autres_formations_labels`).{clear}"
                ),
            ),
        ),
        (
            "acceslibre_url",
            json!({ "type": ["string", "null"], "description": format!("Its acceslibre record, an `http://` or `https://` address (MedNum `fiche_acces_libre`).{clear}") }),
        ),
        (
            "booking_url",
            json!({ "type": ["string", "null"], "description": format!("Where to book an appointment, an `http://` or `https://` address (MedNum `prise_rdv`).{clear}") }),
        ),
    ]
}

/// The vocabulary fields of a place's profile.
fn concept_properties(update: bool) -> Vec<(&'static str, Value)> {
    vec![
        (
            "structure_types",
            concept_input(
                "structure-type",
                "Structure types, like `tiers-lieux`, `epn`, `fablab` (MedNum `typologie`).",
                update,
            ),
        ),
        (
            "services",
            concept_input(
                "service",
                "Services offered, like `aide-demarches-administratives` (MedNum `services`). These tag the place; publish a service itself with `POST /api/v1/places/{username}/services`.",
                update,
            ),
        ),
        (
            "publics",
            concept_input(
                "public",
                "Publics specifically addressed, like `tous-publics`, `jeunes` (MedNum `publics_specifiquement_adresses`).",
                update,
            ),
        ),
        (
            "specific_support",
            concept_input(
                "specific-support",
                "Specific support, like `surdite`, `illettrisme` (MedNum `prise_en_charge_specifique`).",
                update,
            ),
        ),
        (
            "fees",
            concept_input(
                "fee",
                "Fees, like `gratuit`, `payant`, `adhesion` (MedNum `frais_a_charge`).",
                update,
            ),
        ),
        (
            "programmes",
            concept_input(
                "programme",
                "National programmes, like `conseillers-numeriques`, `france-services` (MedNum `dispositif_programmes_nationaux`).",
                update,
            ),
        ),
        (
            "labels",
            concept_input(
                "label",
                "Trainings and labels (MedNum `formations_labels`).",
                update,
            ),
        ),
        (
            "access_modes",
            concept_input(
                "access-mode",
                "Access modes, like `se-presenter`, `telephoner`, `prendre-rdv-en-ligne` (MedNum `modalites_acces`).",
                update,
            ),
        ),
        (
            "support_modes",
            concept_input(
                "support-mode",
                "Support modes, like `accompagnement-individuel`, `atelier-collectif`, `a-distance` (MedNum `modalites_accompagnement`).",
                update,
            ),
        ),
    ]
}

fn place_input_schema() -> Value {
    let mut entries = vec![(
        "username",
        json!({
            "type": ["string", "null"],
            "description": "The local username (required), as in `@username@host`: 1–64 characters of `a-z`, `0-9`, `_`, `-` and `.`, starting and ending with a letter or a digit. It cannot be changed later.",
            "examples": ["epn-saint-clair"]
        }),
    )];
    entries.extend(profile_properties(false));
    object_schema(
        "A new place (`RawPlace`). `username` and `name` are required: when missing they are reported with 422, like any invalid field. Unknown fields are refused with 422.",
        &["username", "name"],
        props(entries),
        true,
    )
}

fn place_update_schema() -> Value {
    object_schema(
        "A partial update of a place's profile (`RawPlaceUpdate`): a missing or null field is kept; an empty string clears an optional text field; a list replaces the current one (`[]` clears it). Unknown fields (including `username`) are refused with 422.",
        &[],
        props(profile_properties(true)),
        true,
    )
}

fn note_input_schema() -> Value {
    object_schema(
        "A note (`RawNote`). Unknown fields are refused with 422.",
        &["text"],
        props(vec![
            (
                "text",
                json!({
                    "type": ["string", "null"],
                    "minLength": 1,
                    "maxLength": 5000,
                    "description": "Plain text (required). Blank lines make paragraphs, newlines line breaks; bare http(s) links become links; everything else is escaped.",
                    "examples": ["La salle informatique est ouverte samedi matin."]
                }),
            ),
            (
                "text_falc",
                nullable_text(
                    5000,
                    "Its easy-read (FALC) version, plain text like `text`; published under `fr-x-falc` in the note's `contentMap`.",
                ),
            ),
        ]),
        true,
    )
}

fn event_input_schema() -> Value {
    let properties = props(vec![
        (
            "name",
            json!({ "type": ["string", "null"], "maxLength": 200, "description": "What it is (required).", "examples": ["Atelier smartphone"] }),
        ),
        (
            "summary",
            nullable_text(
                5000,
                "A longer plain-text description; becomes the event's `content`. (The one-line ActivityPub `summary` is generated.)",
            ),
        ),
        (
            "start",
            json!({ "type": ["string", "null"], "format": "date-time", "description": "Start, RFC 3339 with an offset (required).", "examples": ["2027-01-09T14:00:00+01:00"] }),
        ),
        (
            "end",
            json!({ "type": ["string", "null"], "format": "date-time", "description": "End, RFC 3339, after `start`.", "examples": ["2027-01-09T16:00:00+01:00"] }),
        ),
        (
            "timezone",
            json!({ "type": ["string", "null"], "description": "IANA time zone in which times are shown (default `Europe/Paris`).", "examples": ["Europe/Paris"] }),
        ),
        ("location_name", nullable_text(200, "Name of the venue.")),
        ("address", nullable_text(200, "Street and number.")),
        (
            "postal_code",
            json!({ "type": ["string", "null"], "pattern": "^\\s*([0-9]{5})?\\s*$", "description": "Five digits, like `51100`." }),
        ),
        ("city", nullable_text(120, "Commune.")),
        (
            "lat",
            json!({ "type": ["number", "null"], "minimum": -90, "maximum": 90, "description": "Latitude, WGS 84. Give `lat` and `lon` together." }),
        ),
        (
            "lon",
            json!({ "type": ["number", "null"], "minimum": -180, "maximum": 180, "description": "Longitude, WGS 84. Give `lat` and `lon` together." }),
        ),
        (
            "online_url",
            json!({ "type": ["string", "null"], "description": "Where to follow it online (an `http://` or `https://` address): published as a `VirtualLocation` (next to the `Place` for a hybrid event), `onlineUrl`, and `isOnline: true`." }),
        ),
        (
            "price",
            nullable_text(80, "Price in plain words (`gratuit`, `5 €`)."),
        ),
        (
            "capacity",
            json!({ "type": ["integer", "null"], "minimum": 1, "maximum": 1000000, "description": "Maximum number of participants." }),
        ),
        (
            "registration_url",
            json!({ "type": ["string", "null"], "description": "Where to register, when registration happens elsewhere (an `http://` or `https://` address); sets `joinMode` to `external` and `externalParticipationUrl`." }),
        ),
        (
            "status",
            json!({ "type": ["string", "null"], "description": "FEP-8a8e status: `scheduled` (default), `cancelled`, `postponed`, `rescheduled` or `moved-online` (the FEP names `EventScheduled`… are accepted too). `cancelled`, `postponed` and `moved-online` put `ANNULÉ`, `REPORTÉ` or `EN LIGNE` at the start of the generated summary.", "examples": ["postponed"] }),
        ),
        (
            "category",
            json!({ "type": ["string", "null"], "description": "FEP-8a8e category, stored and published as its code: `WORKSHOPS_SKILL_SHARING`, `MEETING`, `LEARNING`, `COMMUNITY`, `SCIENCE_TECH`… (case does not matter), or a concept of the `event-category` scheme (slug, IRI or label; see `/vocab`). Anything else: 422.", "examples": ["WORKSHOPS_SKILL_SHARING"] }),
        ),
        (
            "summary_falc",
            nullable_text(
                280,
                "Easy-read (FALC) one-line summary, published under `fr-x-falc` in `summaryMap` next to the generated summary.",
            ),
        ),
        (
            "description_falc",
            nullable_text(
                5000,
                "Easy-read (FALC) description, plain text; published under `fr-x-falc` in `contentMap`.",
            ),
        ),
        (
            "rrule",
            json!({ "type": ["string", "null"], "description": "Makes the event a recurring permanence: an iCalendar RRULE value (RFC 5545), with or without the `RRULE:` prefix, like `FREQ=WEEKLY;BYDAY=TU;COUNT=10`. `start` and `end` give the first occurrence; every occurrence lasts as long (at most 31 days) and keeps its local time across daylight-saving changes. Refused with 422 on `rrule`: `FREQ` missing or finer than `DAILY`; several times a day (`BYHOUR=9,14`: make one permanence per time slot); `COUNT` with `UNTIL`; `UNTIL` before `start`; an unknown or malformed part. `UNTIL` may be a UTC time, a local time or a date. The rule is stored normalised.", "examples": ["FREQ=WEEKLY;BYDAY=TU;COUNT=10", "FREQ=MONTHLY;BYDAY=1MO"] }),
        ),
        (
            "banner",
            json!({ "type": ["string", "null"], "description": "The `id` of an image uploaded with `POST /api/v1/media`, shown as the event's banner (`image`, and an `Image` attachment with its alternative text). Attached when the event is published; the occurrences of a recurring permanence share it.", "examples": ["9474a357-66c2-464f-b326-0d68cb80d90c"] }),
        ),
    ]);
    object_schema(
        "An event (`RawEvent`). `name` and `start` are required: when missing they are reported with 422. Unknown fields are refused with 422.",
        &["name", "start"],
        properties,
        true,
    )
}

fn object_dto_schema() -> Value {
    let properties = props(vec![
        (
            "id",
            json!({ "type": "integer", "format": "int64", "description": "Row id, for `/api/v1/notes/{id}`, `/api/v1/events/{id}` (and `/cancel`, `/move` for an occurrence), `/api/v1/services/{id}` and `/api/v1/showcases/{id}`." }),
        ),
        (
            "ap_id",
            json!({ "type": "string", "format": "uri", "description": "The ActivityPub id.", "examples": ["https://lieu.example/objects/0190f3c2-7b1e-7cc0-9a35-3b0c8f0d4e21"] }),
        ),
        (
            "type",
            json!({ "type": "string", "enum": ["Note", "Article", "Page", "Event"], "description": "Local objects: `Note` (news), `Event` (events, recurring series and their occurrences), `Page` (services), `Article` (heritage showcases). Received objects may be any of the four." }),
        ),
        (
            "local",
            json!({ "type": "boolean", "description": "Published by a place of this instance." }),
        ),
        (
            "attributed_to",
            json!({ "type": "string", "format": "uri", "description": "The author's actor id." }),
        ),
        (
            "name",
            nullable("string", "Title (events, services, showcases)."),
        ),
        (
            "summary",
            nullable(
                "string",
                "For local events, the generated one-line summary (\"Atelier smartphone — sam. 9 janv. 14h–16h — Médiathèque de Saint-Clair — gratuit\", prefixed `ANNULÉ — `, `REPORTÉ — ` or `EN LIGNE — ` by status); for local services, the generated \"name — place — hours — price\" line; for showcases, the one line given; for received objects, sanitised HTML.",
            ),
        ),
        (
            "content",
            nullable("string", "HTML; received HTML is sanitised."),
        ),
        (
            "url",
            nullable_format("uri", "Link to the object's page, for received objects."),
        ),
        (
            "start_time",
            nullable_format("date-time", "Event start (UTC)."),
        ),
        ("end_time", nullable_format("date-time", "Event end (UTC).")),
        (
            "timezone",
            nullable("string", "IANA time zone of an event."),
        ),
        ("location_name", nullable("string", "Venue.")),
        ("address", nullable("string", "Street and number.")),
        ("postal_code", nullable("string", "Postal code.")),
        ("city", nullable("string", "Commune.")),
        ("lat", nullable("number", "Latitude.")),
        ("lon", nullable("number", "Longitude.")),
        (
            "insee_code",
            nullable(
                "string",
                "INSEE commune code of where it is: from its own location when its postal code is its author place's and the commune the same, else its author place's when it has no location of its own.",
            ),
        ),
        (
            "departement",
            nullable(
                "string",
                "Département code of where it is: from its own postal code, or else its author place's.",
            ),
        ),
        (
            "region",
            nullable("string", "INSEE région code of where it is."),
        ),
        ("price", nullable("string", "Price in plain words.")),
        (
            "summary_falc",
            nullable(
                "string",
                "Easy-read (FALC) summary, the `fr-x-falc` entry of `summaryMap`.",
            ),
        ),
        (
            "content_falc",
            nullable(
                "string",
                "Easy-read (FALC) content, HTML, the `fr-x-falc` entry of `contentMap`.",
            ),
        ),
        (
            "event_status",
            json!({ "type": ["string", "null"], "description": "FEP-8a8e `eventStatus` of an event: `EventScheduled`, `EventCancelled`, `EventPostponed`, `EventRescheduled` (also a moved occurrence) or `EventMovedOnline`. Received objects keep what they were sent.", "examples": ["EventCancelled"] }),
        ),
        (
            "category",
            nullable(
                "string",
                "FEP-8a8e category code of an event (`WORKSHOPS_SKILL_SHARING`).",
            ),
        ),
        (
            "license",
            nullable_format(
                "uri",
                "Licence URL of a showcase (default `https://creativecommons.org/licenses/by-sa/4.0/`).",
            ),
        ),
        (
            "hashtags",
            json!({ "type": "array", "items": { "type": "string" }, "description": "Hashtags, without `#` (showcases, and received objects' `Hashtag` tags)." }),
        ),
        (
            "booking_url",
            nullable_format("uri", "Where to book a service."),
        ),
        (
            "opening_hours",
            nullable(
                "string",
                "A service's own opening hours, OpenStreetMap syntax (null when it follows the place's).",
            ),
        ),
        (
            "published",
            json!({ "type": "string", "format": "date-time" }),
        ),
        (
            "updated",
            nullable_format("date-time", "Last update, if any."),
        ),
        (
            "received_at",
            json!({ "type": "string", "format": "date-time", "description": "When this instance stored it (timeline order)." }),
        ),
    ]);
    let required: Vec<&str> = properties.keys().map(String::as_str).collect();
    object_schema(
        "A note, event, service (`Page`), showcase (`Article`), local or received. Every key is always present; unknown values are null and empty lists `[]`.",
        &required,
        properties.clone(),
        false,
    )
}

fn move_input_schema() -> Value {
    object_schema(
        "New times for one occurrence. Both are required. Unknown fields are refused with 422.",
        &["start", "end"],
        props(vec![
            (
                "start",
                json!({ "type": "string", "format": "date-time", "description": "New start, RFC 3339 with an offset.", "examples": ["2027-01-13T14:00:00+01:00"] }),
            ),
            (
                "end",
                json!({ "type": "string", "format": "date-time", "description": "New end, after `start` (else 422 on `end`).", "examples": ["2027-01-13T17:00:00+01:00"] }),
            ),
        ]),
        true,
    )
}

/// The location fields shared by showcases (events have their own copy, with the same rules).
fn location_properties() -> Vec<(&'static str, Value)> {
    vec![
        (
            "location_name",
            nullable_text(200, "Name of the site or venue."),
        ),
        ("address", nullable_text(200, "Street and number.")),
        (
            "postal_code",
            json!({ "type": ["string", "null"], "pattern": "^\\s*([0-9]{5})?\\s*$", "description": "Five digits, like `51100`." }),
        ),
        ("city", nullable_text(120, "Commune.")),
        (
            "lat",
            json!({ "type": ["number", "null"], "minimum": -90, "maximum": 90, "description": "Latitude, WGS 84. Give `lat` and `lon` together." }),
        ),
        (
            "lon",
            json!({ "type": ["number", "null"], "minimum": -180, "maximum": 180, "description": "Longitude, WGS 84. Give `lat` and `lon` together." }),
        ),
    ]
}

fn service_input_schema() -> Value {
    let properties = props(vec![
        (
            "name",
            json!({ "type": ["string", "null"], "maxLength": 200, "description": "Its name (required).", "examples": ["Aide aux démarches administratives"] }),
        ),
        (
            "description",
            nullable_text(
                10_000,
                "What it offers, in plain words; becomes the `Page`'s `content`.",
            ),
        ),
        (
            "description_falc",
            nullable_text(
                10_000,
                "Easy-read (FALC) description, published under `fr-x-falc` in `contentMap`.",
            ),
        ),
        (
            "summary_falc",
            nullable_text(
                280,
                "Easy-read one-line summary, published under `fr-x-falc` in `summaryMap`.",
            ),
        ),
        (
            "services",
            concept_input(
                "service",
                "What it is about (published as `serviceTypes`).",
                false,
            ),
        ),
        ("publics", concept_input("public", "Who it is for.", false)),
        ("fees", concept_input("fee", "What it costs.", false)),
        (
            "access_modes",
            concept_input(
                "access-mode",
                "How to get it (se présenter, téléphoner, prendre rendez-vous…).",
                false,
            ),
        ),
        (
            "support_modes",
            concept_input(
                "support-mode",
                "How it is given (individuel, atelier collectif, à distance…).",
                false,
            ),
        ),
        (
            "hours",
            nullable_text(
                500,
                "Its own opening hours, OpenStreetMap syntax, when they differ from the place's (published as `openingHours`). Hours that do not parse: 422 saying at which character.",
            ),
        ),
        (
            "booking_url",
            json!({ "type": ["string", "null"], "description": "Where to book it, an `http://` or `https://` address (published as `bookingUrl`)." }),
        ),
        (
            "price",
            nullable_text(80, "Price in plain words (`gratuit`)."),
        ),
    ]);
    object_schema(
        "A service a place offers (`RawService`), published as a `Page`. `name` is required. Unknown fields are refused with 422.",
        &["name"],
        properties,
        true,
    )
}

fn showcase_input_schema() -> Value {
    let mut entries = vec![
        (
            "name",
            json!({ "type": ["string", "null"], "maxLength": 200, "description": "Its title (required).", "examples": ["La façade Art déco de la rue de Leclercq"] }),
        ),
        (
            "summary",
            json!({ "type": ["string", "null"], "maxLength": 280, "description": "One line that says what it shows (required); Mastodon shows it with the title and a link.", "examples": ["Une façade de 1928 restaurée par les habitants du quartier."] }),
        ),
        (
            "content",
            json!({ "type": ["string", "null"], "maxLength": 50_000, "description": "The text (required), plain text made into HTML paragraphs like a note's." }),
        ),
        (
            "summary_falc",
            nullable_text(
                280,
                "Easy-read one-line summary, under `fr-x-falc` in `summaryMap`.",
            ),
        ),
        (
            "content_falc",
            nullable_text(50_000, "Easy-read text, under `fr-x-falc` in `contentMap`."),
        ),
    ];
    entries.extend(location_properties());
    entries.extend([
        (
            "license",
            json!({ "type": ["string", "null"], "description": "Licence URL, `http://` or `https://` (default `https://creativecommons.org/licenses/by-sa/4.0/`); published as `license` (schema.org).", "examples": ["https://creativecommons.org/licenses/by/4.0/"] }),
        ),
        (
            "hashtags",
            json!({ "type": ["array", "null"], "items": { "type": "string" }, "description": "Hashtags, with or without `#`: letters, digits and `_` only, at most 60 characters; kept once regardless of case. Published as `Hashtag` tags.", "examples": [["patrimoine", "ArtDeco"]] }),
        ),
        (
            "heritage_kinds",
            concept_input("heritage", "Kinds of heritage, like `bati`, `immateriel`, `savoir-faire` (published as `heritageKinds`).", false),
        ),
        (
            "media",
            json!({ "type": ["array", "null"], "items": { "type": "string" }, "description": "Images uploaded with `POST /api/v1/media`, by `id`, in order: each published as an `Image` attachment with its alternative text; the first is also the `image`. An id that names no upload, or an image uploaded by another place: 422 on `media`." }),
        ),
    ]);
    object_schema(
        "A heritage showcase (`RawShowcase`), published as an `Article`. `name`, `summary` and `content` are required. Unknown fields are refused with 422.",
        &["name", "summary", "content"],
        props(entries),
        true,
    )
}

fn media_schema() -> Value {
    object_schema(
        "An uploaded image (`MediaDto`).",
        &[
            "id",
            "url",
            "thumbnail_url",
            "media_type",
            "width",
            "height",
            "alt",
            "focal_point",
        ],
        props(vec![
            (
                "id",
                json!({ "type": "string", "format": "uuid", "description": "What a showcase's `media` or an event's `banner` names." }),
            ),
            (
                "url",
                json!({ "type": "string", "format": "uri", "description": "The cleaned image, `/media/{sha256}`." }),
            ),
            (
                "thumbnail_url",
                json!({ "type": "string", "format": "uri", "description": "Its thumbnail, `/media/{sha256}/thumbnail`." }),
            ),
            (
                "media_type",
                json!({ "type": "string", "enum": ["image/jpeg", "image/png", "image/webp"], "description": "The format read from the file's content." }),
            ),
            (
                "width",
                json!({ "type": "integer", "description": "Width of the cleaned image, once turned upright." }),
            ),
            (
                "height",
                json!({ "type": "integer", "description": "Height of the cleaned image, once turned upright." }),
            ),
            (
                "alt",
                json!({ "type": "string", "description": "The alternative text." }),
            ),
            (
                "focal_point",
                json!({ "type": ["array", "null"], "items": { "type": "number", "minimum": -1, "maximum": 1 }, "minItems": 2, "maxItems": 2, "description": "`[x, y]`, each from -1 to 1 (Mastodon's `focalPoint`); null when not given." }),
            ),
        ]),
        false,
    )
}

fn follower_schema() -> Value {
    object_schema(
        "A follower of a place.",
        &["actor", "status", "since"],
        props(vec![
            (
                "actor",
                json!({ "type": "string", "format": "uri", "description": "The follower's actor id." }),
            ),
            (
                "status",
                json!({ "type": "string", "enum": ["pending", "accepted", "rejected"], "description": "`pending` while waiting for approval, then `accepted`; rejected and removed followers are deleted, so `rejected` is not listed in practice." }),
            ),
            (
                "since",
                json!({ "type": "string", "format": "date-time", "description": "When the follow request arrived." }),
            ),
        ]),
        false,
    )
}

fn following_schema() -> Value {
    object_schema(
        "A follow by a place.",
        &["target", "status"],
        props(vec![
            (
                "target",
                json!({ "type": "string", "format": "uri", "description": "The followed actor's id." }),
            ),
            (
                "status",
                json!({ "type": "string", "enum": ["pending", "accepted", "rejected"], "description": "`pending` until the target answers; a new follow is always `pending`." }),
            ),
        ]),
        false,
    )
}

fn actor_input_schema() -> Value {
    object_schema(
        "A follower, by actor URL. Unknown fields are refused with 422.",
        &["actor"],
        props(vec![(
            "actor",
            json!({ "type": "string", "format": "uri", "examples": ["https://mastodon.example/users/alice"] }),
        )]),
        true,
    )
}

fn target_input_schema() -> Value {
    object_schema(
        "A remote actor. Unknown fields are refused with 422.",
        &["target"],
        props(vec![(
            "target",
            json!({
                "type": "string",
                "description": "`@user@host` (or `user@host`, `acct:user@host`), resolved by WebFinger, or an actor URL. Anything else: 422 on `target`.",
                "examples": ["@mediatheque@autre-lieu.example", "https://mastodon.example/users/alice"]
            }),
        )]),
        true,
    )
}

fn timeline_page_schema() -> Value {
    object_schema(
        "One page of the timeline, newest first.",
        &["items", "next"],
        props(vec![
            (
                "items",
                json!({ "type": "array", "items": schema_ref("Object") }),
            ),
            (
                "next",
                json!({ "type": ["string", "null"], "description": "Pass as `before` to get the next (older) page; null on the last page." }),
            ),
        ]),
        false,
    )
}

fn directory_entry_schema() -> Value {
    let entries = vec![
        (
            "id",
            json!({ "type": "string", "format": "uri", "description": "The place's actor id (its canonical record: the freshest of the same place's records)." }),
        ),
        (
            "local",
            json!({ "type": "boolean", "description": "One of this instance's places." }),
        ),
        ("name", json!({ "type": "string" })),
        (
            "summary",
            nullable("string", "Short presentation, plain text."),
        ),
        ("address", nullable("string", "Street and number.")),
        (
            "address_complement",
            nullable("string", "Address complement."),
        ),
        ("postal_code", nullable("string", "Postal code.")),
        ("city", nullable("string", "Commune.")),
        ("insee_code", nullable("string", "INSEE commune code.")),
        (
            "departement",
            nullable(
                "string",
                "Département code, from the INSEE code or else the postal code.",
            ),
        ),
        (
            "departement_name",
            nullable("string", "Its French name (`Marne`)."),
        ),
        ("region", nullable("string", "INSEE région code.")),
        (
            "region_name",
            nullable("string", "Its French name (`Grand Est`)."),
        ),
        ("lat", nullable("number", "Latitude.")),
        ("lon", nullable("number", "Longitude.")),
        ("pivot", nullable("string", "SIRET, SIREN or RNA number.")),
        (
            "legal_form",
            nullable(
                "string",
                "Legal form, a concept slug of the `legal-form` scheme.",
            ),
        ),
        ("phone", nullable("string", "Telephone.")),
        ("website", nullable_format("uri", "Website.")),
        (
            "emails",
            json!({ "type": "array", "items": { "type": "string" }, "description": "Contact e-mails." }),
        ),
        (
            "hours",
            nullable("string", "Opening hours, OpenStreetMap syntax."),
        ),
        ("hours_fr", nullable("string", "The hours in plain French.")),
        (
            "open_now",
            json!({ "type": ["string", "null"], "enum": ["open", "closed", "unknown", null], "description": "Now, by the hours in the place's time zone." }),
        ),
        (
            "open_now_fr",
            nullable("string", "\"Ouvert maintenant — ferme à 12 h\"."),
        ),
        (
            "mobility",
            json!({ "type": ["string", "null"], "enum": ["fixed", "itinerant", "both", null], "description": "Fixed, itinerant or both." }),
        ),
        (
            "structure_types",
            slug_list("structure-type", "Structure types."),
        ),
        ("services", slug_list("service", "Services offered.")),
        (
            "publics",
            slug_list("public", "Publics specifically addressed."),
        ),
        (
            "specific_support",
            slug_list("specific-support", "Specific support."),
        ),
        ("fees", slug_list("fee", "Fees.")),
        ("programmes", slug_list("programme", "National programmes.")),
        ("labels", slug_list("label", "Trainings and labels.")),
        ("access_modes", slug_list("access-mode", "Access modes.")),
        ("support_modes", slug_list("support-mode", "Support modes.")),
        (
            "updated",
            json!({ "type": "string", "format": "date-time", "description": "When the place says its profile last changed (its actor's `updated`)." }),
        ),
        (
            "last_seen",
            json!({ "type": "string", "format": "date-time", "description": "When this instance last read the profile." }),
        ),
        (
            "same_as",
            json!({ "type": "array", "items": { "type": "string", "format": "uri" }, "description": "The actor ids of the same place as published by other instances." }),
        ),
    ];
    let properties = props(entries);
    let required: Vec<&str> = properties.keys().map(String::as_str).collect();
    object_schema(
        "A place of the federated directory. Every key is always present; unknown values are null and empty lists `[]`.",
        &required,
        properties.clone(),
        false,
    )
}

fn directory_page_schema() -> Value {
    object_schema(
        "One page of the directory, by name.",
        &["items", "next"],
        props(vec![
            (
                "items",
                json!({ "type": "array", "items": schema_ref("DirectoryEntry") }),
            ),
            (
                "next",
                json!({ "type": ["string", "null"], "description": "Pass as `after` to get the next page; null on the last page." }),
            ),
        ]),
        false,
    )
}

fn query_error_schema() -> Value {
    json!({
        "type": "object",
        "description": "Query parameters that cannot be used: every one of them, with the reason.",
        "required": ["error", "fields"],
        "properties": {
            "error": { "type": "string", "const": "invalid query parameters" },
            "fields": { "type": "array", "minItems": 1, "items": schema_ref("FieldError") }
        },
        "examples": [{
            "error": "invalid query parameters",
            "fields": [
                { "field": "bbox", "message": "must be 4 comma-separated numbers (minLon,minLat,maxLon,maxLat), found 3" },
                { "field": "radius_km", "message": "needs near: give the centre as near=lat,lon (near=49.25,4.03&radius_km=10)" }
            ]
        }]
    })
}

fn error_schema() -> Value {
    object_schema(
        "An error.",
        &["error"],
        props(vec![
            (
                "error",
                json!({ "type": "string", "description": "What went wrong, in plain words.", "examples": ["place not found"] }),
            ),
            (
                "error_id",
                json!({ "type": "string", "description": "Only on 500: the id under which the cause is logged." }),
            ),
        ]),
        false,
    )
}

fn validation_error_schema() -> Value {
    json!({
        "type": "object",
        "description": "Invalid input: every invalid field, in input order.",
        "required": ["error", "fields"],
        "properties": {
            "error": { "type": "string", "const": "invalid input" },
            "fields": { "type": "array", "minItems": 1, "items": schema_ref("FieldError") }
        },
        "examples": [{
            "error": "invalid input",
            "fields": [
                { "field": "end", "message": "must be after the start" },
                { "field": "postal_code", "message": "must be five digits, like 51100" }
            ]
        }]
    })
}

fn field_error_schema() -> Value {
    object_schema(
        "One invalid field.",
        &["field", "message"],
        props(vec![
            (
                "field",
                json!({ "type": "string", "description": "The input field's name (`start`, `postal_code`…).", "examples": ["end"] }),
            ),
            (
                "message",
                json!({ "type": "string", "description": "What is wrong and what is expected.", "examples": ["must be after the start"] }),
            ),
        ]),
        false,
    )
}

// ---------------------------------------------------------------------------------------------
// Networks, memberships, relays and subscriptions.

fn inline_object(required: &[&str], properties: Value) -> Value {
    json!({ "type": "object", "additionalProperties": false, "required": required, "properties": properties })
}

fn network_schema() -> Value {
    inline_object(
        &[
            "username", "handle", "name", "url", "policy", "members", "pending",
        ],
        json!({
            "username": { "type": "string" },
            "handle": { "type": "string", "description": "`@username@host`." },
            "name": { "type": "string" },
            "summary": nullable("string", "A one-line presentation."),
            "url": { "type": "string", "format": "uri", "description": "The `Group` actor." },
            "policy": { "type": "string", "enum": ["open", "approval"] },
            "members": { "type": "integer", "description": "Accepted members." },
            "pending": { "type": "integer", "description": "Requests waiting for a moderator." }
        }),
    )
}

fn member_schema() -> Value {
    inline_object(
        &["actor", "status", "since"],
        json!({
            "actor": { "type": "string", "format": "uri" },
            "kind": nullable("string", "The member's actor type (`Organization`, `Group`)."),
            "status": { "type": "string", "enum": ["pending", "accepted", "refused", "left", "removed", "blocked"] },
            "since": { "type": "string", "format": "date-time" }
        }),
    )
}

fn subscription_schema() -> Value {
    inline_object(
        &["target", "kind", "status", "since"],
        json!({
            "target": { "type": "string", "format": "uri" },
            "kind": { "type": "string", "enum": ["actor", "relay-mastodon", "relay-litepub"] },
            "status": { "type": "string", "enum": ["pending", "accepted", "rejected"] },
            "since": { "type": "string", "format": "date-time" }
        }),
    )
}

fn network_param() -> Value {
    json!({ "name": "username", "in": "path", "required": true, "description": "The network's username.", "schema": { "type": "string" } })
}

fn body(required: &[&str], properties: Value, description: &str) -> Value {
    json!({ "required": true, "description": description, "content": json_content(inline_object(required, properties)) })
}

fn network_paths() -> Vec<(&'static str, Value)> {
    let writes = &["400", "401", "404", "413", "415", "422", "502"];
    vec![
        (
            "/api/v1/networks",
            json!({
                "get": {
                    "tags": ["networks"], "operationId": "listNetworks", "summary": "This instance's networks",
                    "responses": responses("200", ok("The networks, by username.", json!({ "type": "array", "items": network_schema() })), &[])
                },
                "post": {
                    "tags": ["networks"], "operationId": "createNetwork", "summary": "Create a network (a `Group` actor)",
                    "security": bearer(),
                    "requestBody": body(&["username", "name"], json!({
                        "username": { "type": "string" }, "name": { "type": "string" },
                        "summary": nullable("string", "A one-line presentation."),
                        "policy": { "type": "string", "enum": ["open", "approval"], "default": "open" }
                    }), "The new network."),
                    "responses": responses("201", ok("Created.", network_schema()), &["400", "401", "409", "413", "415", "422"])
                }
            }),
        ),
        (
            "/api/v1/networks/{username}",
            json!({
                "parameters": [network_param()],
                "get": {
                    "tags": ["networks"], "operationId": "getNetwork", "summary": "One network",
                    "responses": responses("200", ok("The network.", network_schema()), &["404", "422"])
                }
            }),
        ),
        (
            "/api/v1/networks/{username}/members",
            json!({
                "parameters": [network_param()],
                "get": {
                    "tags": ["networks"], "operationId": "listMembers", "summary": "A network's members, in every state",
                    "responses": responses("200", ok("Members, oldest first.", json!({ "type": "array", "items": member_schema() })), &["404", "422"])
                }
            }),
        ),
        (
            "/api/v1/networks/{username}/members/{decision}",
            json!({
                "parameters": [network_param(), { "name": "decision", "in": "path", "required": true, "schema": { "type": "string", "enum": ["approve", "refuse", "remove", "block"] } }],
                "post": {
                    "tags": ["networks"], "operationId": "decideMember",
                    "summary": "Approve or refuse a request; remove (`Remove`) or bar (`Block`) a member",
                    "security": bearer(),
                    "requestBody": body(&["member"], json!({
                        "member": { "type": "string", "description": "`@place@host` or the actor's URL." },
                        "reason": nullable("string", "Why: public, in the moderation log.")
                    }), "The decision."),
                    "responses": responses("200", ok("The member's new state.", member_schema()), writes)
                }
            }),
        ),
        (
            "/api/v1/networks/{username}/withdraw",
            json!({
                "parameters": [network_param()],
                "post": {
                    "tags": ["networks"], "operationId": "withdrawPost",
                    "summary": "Withdraw an announced post (`Undo(Announce)`); it is not announced again",
                    "security": bearer(),
                    "requestBody": body(&["object"], json!({
                        "object": { "type": "string", "format": "uri" },
                        "reason": nullable("string", "Why: public, in the moderation log.")
                    }), "The post."),
                    "responses": responses("200", ok("How many announcements were withdrawn.", json!({ "type": "object", "properties": { "object": { "type": "string" }, "withdrawn": { "type": "integer" } } })), writes)
                }
            }),
        ),
        (
            "/api/v1/networks/{username}/moderation",
            json!({
                "parameters": [network_param()],
                "get": {
                    "tags": ["networks"], "operationId": "moderationLog", "summary": "The public moderation log, newest first",
                    "responses": responses("200", ok("Decisions.", json!({ "type": "array", "items": inline_object(&["id", "action", "label", "target", "at"], json!({
                        "id": { "type": "integer" },
                        "action": { "type": "string", "enum": ["accept", "refuse", "leave", "remove-member", "block-member", "withdraw-post", "reject-activity"] },
                        "label": { "type": "string", "description": "The decision in plain French." },
                        "target": { "type": "string" },
                        "reason": nullable("string", "Why."),
                        "activity": nullable("string", "The activity that told it."),
                        "at": { "type": "string", "format": "date-time" }
                    })) })), &["404", "422"])
                }
            }),
        ),
        (
            "/api/v1/places/{username}/memberships",
            json!({
                "parameters": [reference("parameters", "Username")],
                "get": {
                    "tags": ["networks"], "operationId": "listMemberships", "summary": "The networks a place belongs to or asked to join",
                    "responses": responses("200", ok("Memberships.", json!({ "type": "array", "items": inline_object(&["network", "status", "since"], json!({
                        "network": { "type": "string", "format": "uri" },
                        "status": { "type": "string", "enum": ["pending", "accepted", "refused", "left", "removed", "blocked"] },
                        "since": { "type": "string", "format": "date-time" }
                    })) })), &["404"])
                },
                "post": {
                    "tags": ["networks"], "operationId": "joinNetwork", "summary": "Ask to join a network (`Join`)",
                    "security": bearer(),
                    "requestBody": body(&["network"], json!({ "network": { "type": "string", "description": "`@network@host`, its URL, or a local network's username." } }), "The network."),
                    "responses": responses("202", ok("The request was recorded and sent.", json!({ "type": "object" })), writes)
                },
                "delete": {
                    "tags": ["networks"], "operationId": "leaveNetwork", "summary": "Leave a network (`Leave`)",
                    "security": bearer(),
                    "requestBody": body(&["network"], json!({ "network": { "type": "string" } }), "The network."),
                    "responses": responses("204", no_content("Left."), writes)
                }
            }),
        ),
        (
            "/api/v1/relays",
            json!({
                "get": {
                    "tags": ["subscriptions"], "operationId": "listRelays", "summary": "Relay subscriptions, and this instance's own subscribers when it is a relay",
                    "responses": responses("200", ok("Relays.", json!({ "type": "object", "properties": {
                        "relay": { "type": "boolean", "description": "Whether this instance acts as a relay (`federation.relay`)." },
                        "subscriptions": { "type": "array", "items": subscription_schema() },
                        "subscribers": { "type": "array", "items": { "type": "object" } }
                    } })), &[])
                },
                "post": {
                    "tags": ["subscriptions"], "operationId": "subscribeRelay", "summary": "Subscribe to a relay",
                    "description": "A URL ending in `/inbox` is a Mastodon-style relay (a `Follow` of Public sent there); anything else a LitePub relay actor (a `Follow` of it).",
                    "security": bearer(),
                    "requestBody": body(&["url"], json!({
                        "url": { "type": "string", "format": "uri" },
                        "protocol": { "type": "string", "enum": ["mastodon", "litepub"] }
                    }), "The relay."),
                    "responses": responses("202", ok("The subscription was recorded and its `Follow` sent.", subscription_schema()), writes)
                },
                "delete": {
                    "tags": ["subscriptions"], "operationId": "unsubscribeRelay", "summary": "End a relay subscription (`Undo(Follow)`)",
                    "security": bearer(),
                    "requestBody": body(&["target"], json!({ "target": { "type": "string" } }), "The relay's URL as subscribed (`url` is accepted too)."),
                    "responses": responses("204", no_content("Unsubscribed."), writes)
                }
            }),
        ),
        (
            "/api/v1/subscriptions",
            json!({
                "get": {
                    "tags": ["subscriptions"], "operationId": "listSubscriptions", "summary": "Places and networks the instance actor follows",
                    "responses": responses("200", ok("Subscriptions.", json!({ "type": "array", "items": subscription_schema() })), &[])
                },
                "post": {
                    "tags": ["subscriptions"], "operationId": "subscribe", "summary": "Follow a place or a network as the instance (for the timeline)",
                    "security": bearer(),
                    "requestBody": body(&["target"], json!({ "target": { "type": "string", "description": "`@name@host` or the actor's URL." } }), "Whom to follow."),
                    "responses": responses("202", ok("Recorded; the `Follow` was sent.", subscription_schema()), writes)
                },
                "delete": {
                    "tags": ["subscriptions"], "operationId": "unsubscribe", "summary": "Stop following (`Undo(Follow)`)",
                    "security": bearer(),
                    "requestBody": body(&["target"], json!({ "target": { "type": "string" } }), "Whom to stop following."),
                    "responses": responses("204", no_content("Unsubscribed."), writes)
                }
            }),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every `$ref` points to something defined in the document.
    #[test]
    fn every_reference_resolves() {
        fn walk(v: &Value, doc: &Value, missing: &mut Vec<String>) {
            match v {
                Value::Object(map) => {
                    if let Some(Value::String(r)) = map.get("$ref") {
                        let pointer = r.trim_start_matches('#');
                        if doc.pointer(pointer).is_none() {
                            missing.push(r.clone());
                        }
                    }
                    map.values().for_each(|v| walk(v, doc, missing));
                }
                Value::Array(items) => items.iter().for_each(|v| walk(v, doc, missing)),
                _ => {}
            }
        }
        let doc = document();
        let mut missing = Vec::new();
        walk(&doc, &doc, &mut missing);
        assert!(missing.is_empty(), "unresolved: {missing:?}");
    }

    #[test]
    fn every_api_route_is_documented() {
        let doc = document();
        let paths = doc.get("paths").and_then(Value::as_object).expect("paths");
        for path in [
            "/api/v1/places",
            "/api/v1/places/{username}",
            "/api/v1/places/{username}/notes",
            "/api/v1/places/{username}/events",
            "/api/v1/places/{username}/followers",
            "/api/v1/places/{username}/followers/{decision}",
            "/api/v1/places/{username}/following",
            "/api/v1/notes/{id}",
            "/api/v1/events/{id}",
            "/api/v1/events/{id}/cancel",
            "/api/v1/events/{id}/move",
            "/api/v1/places/{username}/services",
            "/api/v1/services/{id}",
            "/api/v1/places/{username}/showcases",
            "/api/v1/showcases/{id}",
            "/api/v1/places/{username}/stops",
            "/api/v1/media",
            "/media/{name}",
            "/media/{name}/thumbnail",
            "/api/v1/timeline",
            "/api/v1/directory",
            "/api/v1/orientation",
            "/api/v1/networks",
            "/api/v1/networks/{username}",
            "/api/v1/networks/{username}/members",
            "/api/v1/networks/{username}/members/{decision}",
            "/api/v1/networks/{username}/withdraw",
            "/api/v1/networks/{username}/moderation",
            "/api/v1/places/{username}/memberships",
            "/api/v1/relays",
            "/api/v1/subscriptions",
            "/api/v1/funding",
            "/api/v1/places/{username}/funding",
            "/api/v1/funding/{id}",
            "/api/v1/proposals",
            "/api/v1/places/{username}/proposals",
            "/api/v1/places/{username}/agreements",
            "/api/v1/agreements/{id}/{decision}",
            "/api/v1/places/{username}/source-code",
            "/api/v1/places/{username}/forks",
            "/api/v1/places/{username}/frameworks",
            "/api/v1/forks",
        ] {
            assert!(paths.contains_key(path), "{path} is not documented");
        }
    }

    fn schema_keys(name: &str) -> BTreeSet<String> {
        let doc = document();
        doc.pointer(&format!("/components/schemas/{name}/properties"))
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// The fields a `deny_unknown_fields` input type knows, from serde's own error message
    /// for an unknown one ("unknown field `…`, expected one of `a`, `b`…").
    fn known_fields<T: serde::de::DeserializeOwned>() -> BTreeSet<String> {
        let Err(error) = serde_json::from_value::<T>(json!({ "__probe__": null })) else {
            return BTreeSet::new();
        };
        let message = error.to_string();
        let expected = message
            .split_once("expected")
            .map(|(_, rest)| rest)
            .unwrap_or_default();
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    /// Every field of every raw input is documented, and nothing else.
    #[test]
    fn input_schemas_list_exactly_the_input_fields() {
        use galaxie_domain::{
            RawEvent, RawNote, RawPlace, RawPlaceUpdate, RawService, RawShowcase,
        };
        let cases = [
            ("PlaceInput", known_fields::<RawPlace>()),
            ("PlaceUpdate", known_fields::<RawPlaceUpdate>()),
            ("EventInput", known_fields::<RawEvent>()),
            ("NoteInput", known_fields::<RawNote>()),
            ("ServiceInput", known_fields::<RawService>()),
            ("ShowcaseInput", known_fields::<RawShowcase>()),
        ];
        for (schema, fields) in cases {
            assert!(!fields.is_empty(), "{schema}: no fields read");
            assert_eq!(schema_keys(schema), fields, "{schema}");
        }
        let doc = document();
        let upload: BTreeSet<String> = doc
            .pointer("/paths/~1api~1v1~1media/post/parameters")
            .and_then(Value::as_array)
            .map(|ps| {
                ps.iter()
                    .filter_map(|p| p.get("name").and_then(Value::as_str))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            upload,
            known_fields::<galaxie_domain::media::RawUpload>(),
            "upload parameters"
        );
    }

    /// Every key the handlers serialise is documented, and nothing else.
    #[test]
    fn output_schemas_list_exactly_the_dto_keys() {
        use crate::routes::api::{ObjectDto, PlaceDto};
        use crate::routes::media::MediaDto;
        let now = chrono::Utc::now();
        let place = PlaceDto {
            username: String::new(),
            handle: String::new(),
            actor: String::new(),
            name: String::new(),
            summary: None,
            address: None,
            postal_code: None,
            city: None,
            country: None,
            lat: None,
            lon: None,
            phone: None,
            website: None,
            hours: None,
            hours_fr: None,
            open_now_fr: None,
            open_now: None,
            icon: None,
            manually_approves_followers: false,
            pivot: None,
            legal_form: None,
            address_complement: None,
            insee_code: None,
            emails: Vec::new(),
            other_websites: Vec::new(),
            description: None,
            summary_falc: None,
            mobility: None,
            parent_structure: None,
            concepts: Default::default(),
            other_labels: None,
            acceslibre_url: None,
            booking_url: None,
            created_at: now,
            updated_at: now,
        };
        let object = ObjectDto {
            id: 1,
            ap_id: String::new(),
            kind: "Note".into(),
            local: true,
            attributed_to: String::new(),
            name: None,
            summary: None,
            content: None,
            url: None,
            start_time: None,
            end_time: None,
            timezone: None,
            location_name: None,
            address: None,
            postal_code: None,
            city: None,
            lat: None,
            lon: None,
            insee_code: None,
            departement: None,
            region: None,
            price: None,
            summary_falc: None,
            content_falc: None,
            event_status: None,
            category: None,
            license: None,
            hashtags: Vec::new(),
            booking_url: None,
            opening_hours: None,
            published: now,
            updated: None,
            received_at: now,
        };
        let url = url::Url::parse("https://lieu.example/media/x").expect("url");
        let media = MediaDto {
            id: String::new(),
            url: url.clone(),
            thumbnail_url: url,
            media_type: "image/png".into(),
            width: 1,
            height: 1,
            alt: String::new(),
            focal_point: None,
        };
        let keys = |v: Value| -> BTreeSet<String> {
            v.as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        let entry = crate::routes::directory::DirectoryEntryDto {
            id: String::new(),
            local: true,
            name: String::new(),
            summary: None,
            address: None,
            address_complement: None,
            postal_code: None,
            city: None,
            insee_code: None,
            departement: None,
            departement_name: None,
            region: None,
            region_name: None,
            lat: None,
            lon: None,
            pivot: None,
            legal_form: None,
            phone: None,
            website: None,
            emails: Vec::new(),
            hours: None,
            hours_fr: None,
            open_now: None,
            open_now_fr: None,
            mobility: None,
            concepts: Default::default(),
            updated: now,
            last_seen: now,
            same_as: Vec::new(),
        };
        for (schema, value) in [
            ("Place", serde_json::to_value(place)),
            ("Object", serde_json::to_value(object)),
            ("Media", serde_json::to_value(media)),
            ("DirectoryEntry", serde_json::to_value(entry)),
        ] {
            let value = value.expect("serialise");
            assert_eq!(schema_keys(schema), keys(value), "{schema}");
        }
    }
}
