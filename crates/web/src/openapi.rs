//! The OpenAPI 3.1 document of the JSON API, served at `/api/openapi.json`.
//!
//! It describes exactly what `routes::api` accepts and returns: the raw input shapes of
//! `galaxie_domain` (`RawPlace`, `RawPlaceUpdate`, `RawEvent`, `RawNote`, all refusing unknown
//! fields) and the DTOs the handlers serialise. Keep the two in step when either changes.
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
        "description": "The JSON API of a Galaxie instance: manage the places (tiers-lieux) it hosts, publish news and events to their followers, handle followers and follows, read the timeline.\n\nReads of places, objects and the timeline are public. Every write, and the follower list, needs a bearer token (`galaxie token create --name <name>`).\n\nRequest bodies are JSON (`Content-Type: application/json`, else 415), at most 1 MiB (else 413). A body that is not JSON is refused with 400; a value of the wrong type or a field the endpoint does not know with 422 naming it. Missing or invalid values are refused with 422, listing every invalid field at once. Text values are trimmed; lengths are counted in characters after trimming.\n\nEvery change is written together with its ActivityPub delivery jobs in one transaction; the delivery worker then sends them (`Create`, `Update`, `Delete`, `Follow`, `Undo`, `Accept`, `Reject`)."
    })
}

fn tags() -> Value {
    json!([
        { "name": "places", "description": "The places (tiers-lieux) this instance hosts: each is an ActivityPub `Organization` actor." },
        { "name": "publishing", "description": "News (`Note`) and events (`Event`) published by a place." },
        { "name": "followers", "description": "Who follows a place, and follow requests waiting for approval." },
        { "name": "following", "description": "Remote actors a place follows; their posts fill the timeline." },
        { "name": "timeline", "description": "Every public object known to this instance, local or received." },
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
    paths.insert("/api/v1/timeline".into(), timeline_path());
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
            "responses": responses("201", ok("The created place.", schema_ref("Place")), &["400", "401", "409", "422"])
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
            "description": "A partial update: a missing (or null) field is kept, an empty string clears an optional text field. The change is sent to the place's followers as an `Update` of the actor.",
            "security": bearer(),
            "requestBody": json_body("PlaceUpdate", "The fields to change."),
            "responses": responses("200", ok("The updated place.", schema_ref("Place")), &["400", "401", "404", "422"])
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
            "description": "Publishes a public `Note` attributed to the place and sends a `Create` to its followers.",
            "security": bearer(),
            "requestBody": json_body("NoteInput", "The note."),
            "responses": responses("201", ok("The published note.", schema_ref("Object")), &["400", "401", "404", "422"])
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
            "description": "Publishes a public `Event` (FEP-8a8e) attributed to the place and sends a `Create` to its followers. Its one-line `summary` (\"what — when — where — price\", in French, in the event's time zone) is generated, because Mastodon shows only the name, the summary and a link.",
            "security": bearer(),
            "requestBody": json_body("EventInput", "The event."),
            "responses": responses("201", ok("The published event.", schema_ref("Object")), &["400", "401", "404", "422"])
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
            "responses": responses("204", no_content("Done."), &["400", "401", "404", "422"])
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
            "responses": responses("202", ok("The follow was recorded and its `Follow` queued.", schema_ref("Following")), &["400", "401", "403", "404", "422", "502"])
        },
        "delete": {
            "tags": ["following"],
            "operationId": "unfollow",
            "summary": "Stop following a remote actor",
            "description": "Removes the follow and sends `Undo(Follow)`. 404 when the place does not follow the target.",
            "security": bearer(),
            "requestBody": json_body("TargetInput", "Whom to stop following."),
            "responses": responses("204", no_content("Unfollowed."), &["400", "401", "403", "404", "422", "502"])
        }
    })
}

fn object_get(operation: &str, what: &str) -> Value {
    json!({
        "tags": ["publishing"],
        "operationId": operation,
        "summary": format!("Show a local {what}"),
        "description": "A local, undeleted object by its row id. Both `/api/v1/notes/{id}` and `/api/v1/events/{id}` return the object whatever its type. Received (remote) and deleted objects: 404.",
        "responses": responses("200", ok("The object.", schema_ref("Object")), &["400", "404"])
    })
}

fn object_delete(operation: &str, what: &str) -> Value {
    json!({
        "tags": ["publishing"],
        "operationId": operation,
        "summary": format!("Delete a local {what}"),
        "description": "Marks the object deleted (its ActivityPub id then answers 410 with a `Tombstone`) and sends a `Delete` to the place's followers. Either path deletes a note or an event. Already deleted: 404.",
        "security": bearer(),
        "responses": responses("204", no_content("Deleted."), &["400", "401", "404"])
    })
}

fn notes_path() -> Value {
    json!({
        "parameters": [reference("parameters", "ObjectId")],
        "get": object_get("getNote", "note"),
        "put": {
            "tags": ["publishing"],
            "operationId": "updateNote",
            "summary": "Replace a note's text",
            "description": "Replaces the text and sends an `Update` to the place's followers. An id that is not a local note: 404.",
            "security": bearer(),
            "requestBody": json_body("NoteInput", "The new text."),
            "responses": responses("200", ok("The updated note.", schema_ref("Object")), &["400", "401", "404", "422"])
        },
        "delete": object_delete("deleteNote", "note")
    })
}

fn events_path() -> Value {
    json!({
        "parameters": [reference("parameters", "ObjectId")],
        "get": object_get("getEvent", "event"),
        "put": {
            "tags": ["publishing"],
            "operationId": "updateEvent",
            "summary": "Replace an event",
            "description": "Every field is given again, as at creation (a field left out is cleared). Sends an `Update` to the place's followers. An id that is not a local event: 404.",
            "security": bearer(),
            "requestBody": json_body("EventInput", "The whole event."),
            "responses": responses("200", ok("The updated event.", schema_ref("Object")), &["400", "401", "404", "422"])
        },
        "delete": object_delete("deleteEvent", "event")
    })
}

fn timeline_path() -> Value {
    json!({
        "get": {
            "tags": ["timeline"],
            "operationId": "timeline",
            "summary": "The timeline",
            "description": "Every public, undeleted object this instance holds — published by its places or received from the actors they follow — newest received first.",
            "parameters": [
                {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "Page size, 1 to 100 (default 20). Out of range: 422 on `limit`; not a number: 400 (plain text).",
                    "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 }
                },
                {
                    "name": "before",
                    "in": "query",
                    "required": false,
                    "description": "The `next` cursor of the previous page, to get older items. Anything else: 422 on `before`.",
                    "schema": { "type": "string", "pattern": "^-?[0-9]+_-?[0-9]+$" }
                }
            ],
            "responses": responses("200", ok("One page.", schema_ref("TimelinePage")), &["400", "422"])
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
            "The request cannot be read: the body is not JSON, lacks `Content-Type: application/json`, is larger than 1 MiB, has a value of the wrong type or an unknown field. Malformed path or query parameters (a non-numeric id or limit) get a plain-text 400 instead.",
            "Error",
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
            "No such place, object, follower or follow (`{\"error\": \"place not found\"}`…).",
            "Error",
        ),
    );
    map.insert(
        "Conflict".into(),
        error_response("It already exists.", "Error"),
    );
    map.insert(
        "Unprocessable".into(),
        error_response(
            "Invalid input: every invalid field is named with what is expected.",
            "ValidationError",
        ),
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
    map.insert("Object".into(), object_dto_schema());
    map.insert("Follower".into(), follower_schema());
    map.insert("Following".into(), following_schema());
    map.insert("ActorInput".into(), actor_input_schema());
    map.insert("TargetInput".into(), target_input_schema());
    map.insert("TimelinePage".into(), timeline_page_schema());
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
        ("icon", nullable_format("uri", "Avatar image URL.")),
        (
            "manually_approves_followers",
            json!({ "type": "boolean", "description": "Whether follow requests wait for approval." }),
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
        "A place (tiers-lieu) hosted by this instance. Every key is always present; unknown values are null.",
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
    vec![
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
                    "Opening hours in the OpenStreetMap `opening_hours` syntax, like `Tu-Fr 14:00-18:00; Sa 10:00-12:00`.{clear}"
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
        "A new place (`RawPlace`). `username` and `name` are required: when missing they are reported with 422, like any invalid field. Unknown fields are refused with 400.",
        &["username", "name"],
        props(entries),
        true,
    )
}

fn place_update_schema() -> Value {
    object_schema(
        "A partial update of a place's profile (`RawPlaceUpdate`): a missing or null field is kept; an empty string clears an optional text field. Unknown fields (including `username`) are refused with 400.",
        &[],
        props(profile_properties(true)),
        true,
    )
}

fn note_input_schema() -> Value {
    object_schema(
        "A note (`RawNote`). Unknown fields are refused with 400.",
        &["text"],
        props(vec![(
            "text",
            json!({
                "type": ["string", "null"],
                "minLength": 1,
                "maxLength": 5000,
                "description": "Plain text (required). Blank lines make paragraphs, newlines line breaks; bare http(s) links become links; everything else is escaped.",
                "examples": ["La salle informatique est ouverte samedi matin."]
            }),
        )]),
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
            json!({ "type": ["string", "null"], "description": "Where to follow it online (an `http://` or `https://` address); makes `isOnline` true." }),
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
            json!({ "type": ["string", "null"], "description": "Where to register, when registration happens elsewhere (an `http://` or `https://` address); sets `joinMode` to `external`." }),
        ),
    ]);
    object_schema(
        "An event (`RawEvent`). `name` and `start` are required: when missing they are reported with 422. Unknown fields are refused with 400.",
        &["name", "start"],
        properties,
        true,
    )
}

fn object_dto_schema() -> Value {
    let properties = props(vec![
        (
            "id",
            json!({ "type": "integer", "format": "int64", "description": "Row id, for `/api/v1/notes/{id}` and `/api/v1/events/{id}`." }),
        ),
        (
            "ap_id",
            json!({ "type": "string", "format": "uri", "description": "The ActivityPub id.", "examples": ["https://lieu.example/objects/0190f3c2-7b1e-7cc0-9a35-3b0c8f0d4e21"] }),
        ),
        (
            "type",
            json!({ "type": "string", "enum": ["Note", "Article", "Page", "Event"], "description": "Local objects are `Note` or `Event`; received ones may also be `Article` or `Page`." }),
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
            nullable("string", "Title (events, articles, pages)."),
        ),
        (
            "summary",
            nullable(
                "string",
                "For local events, the generated one-line summary (\"Atelier smartphone — sam. 9 janv. 14h–16h — Médiathèque de Saint-Clair — gratuit\"); for received objects, sanitised HTML.",
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
        ("price", nullable("string", "Price in plain words.")),
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
        "A note, event, article or page. Every key is always present; unknown values are null.",
        &required,
        properties.clone(),
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
        "A follower, by actor URL. Unknown fields are refused with 400.",
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
        "A remote actor. Unknown fields are refused with 400.",
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

#[cfg(test)]
mod tests {
    use super::*;

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
            "/api/v1/timeline",
        ] {
            assert!(paths.contains_key(path), "{path} is not documented");
        }
    }
}
