//! Regional networks (FEP-1b12 `Group`s): five instances — three places across two
//! départements, a network, and a reader that follows only the network. Joining, announcing,
//! leaving, removal and withdrawal; nested networks and a loop of networks; forged and foreign
//! announces.

use galaxie_db::entities::network_members::MemberStatus;
use galaxie_db::networks::{self as db, JoinPolicy};
use galaxie_domain::{NewEvent, NewNote, NewPlace, RawEvent, RawNote, RawPlace};
use galaxie_federation::network::{self, MemberDecision};
use galaxie_federation::signatures::{KeyCache, sign_post};
use galaxie_federation::{relay, service};
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use serde_json::json;
use std::time::{Duration, SystemTime};

const WAIT: Duration = Duration::from_secs(30);

async fn place(instance: &Instance, username: &str, postal_code: &str, city: &str) {
    let place = NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some(username.into()),
        city: Some(city.into()),
        postal_code: Some(postal_code.into()),
        ..Default::default()
    })
    .expect("valid place");
    service::create_place(&instance.data, place)
        .await
        .expect("create place");
}

async fn network_on(instance: &Instance, username: &str, policy: JoinPolicy) {
    let new = NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some(format!("Réseau {username}")),
        ..Default::default()
    })
    .expect("valid network");
    network::create(&instance.data, new, policy)
        .await
        .expect("create network");
}

fn note(text: &str) -> NewNote {
    NewNote::parse(RawNote {
        text: Some(text.into()),
        text_falc: None,
    })
    .expect("valid note")
}

fn event(name: &str, postal_code: &str, city: &str) -> NewEvent {
    NewEvent::parse(RawEvent {
        name: Some(name.into()),
        start: Some("2027-03-09T14:00:00+01:00".into()),
        end: Some("2027-03-09T16:00:00+01:00".into()),
        postal_code: Some(postal_code.into()),
        city: Some(city.into()),
        ..Default::default()
    })
    .expect("valid event")
}

async fn has(instance: &Instance, ap_id: &str) -> bool {
    galaxie_db::objects::by_ap_id(instance.data.db().conn(), ap_id)
        .await
        .expect("query")
        .is_some_and(|o| o.deleted_at.is_none())
}

async fn count_objects(instance: &Instance) -> u64 {
    galaxie_db::objects::count_all(instance.data.db().conn())
        .await
        .expect("count")
}

/// `member` (a place of `at`) joins `network` of `net` and waits until both sides agree.
async fn join(at: &Instance, member: &str, net: &Instance, network_name: &str) {
    network::join(&at.data, member, &net.handle(network_name))
        .await
        .expect("join");
    let network_id = galaxie_db::places::get_by_username(net.data.db().conn(), network_name)
        .await
        .expect("network")
        .id;
    let member_url = at.place_url(member);
    let network_url = net.place_url(network_name);
    eventually("the membership is accepted on both sides", WAIT, || async {
        let m = db::member(net.data.db().conn(), network_id, &member_url)
            .await
            .ok()??;
        let place = galaxie_db::places::get_by_username(at.data.db().conn(), member)
            .await
            .ok()?;
        let mine = db::membership(at.data.db().conn(), place.id, &network_url)
            .await
            .ok()??;
        // The network follows the member, so the member's activities reach it.
        let followed =
            galaxie_db::follows::following(net.data.db().conn(), network_id, &member_url)
                .await
                .ok()??;
        (m.status == MemberStatus::Accepted
            && mine.status == MemberStatus::Accepted
            && followed.status == galaxie_db::entities::followers::FollowStatus::Accepted)
            .then_some(())
    })
    .await;
}

/// The instance actor of `reader` follows `network` of `net`.
async fn subscribe(reader: &Instance, net: &Instance, network_name: &str) {
    relay::follow_actor(&reader.data, &net.handle(network_name))
        .await
        .expect("subscribe");
    let target = net.place_url(network_name);
    eventually("the subscription is accepted", WAIT, || async {
        db::subscribed(reader.data.db().conn(), &target)
            .await
            .ok()?
            .then_some(())
    })
    .await;
}

async fn network_galaxy(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let reims = Instance::start(&dbs[0].url).await;
    let epernay = Instance::start(&dbs[1].url).await;
    let sedan = Instance::start(&dbs[2].url).await;
    let net = Instance::start(&dbs[3].url).await;
    let reader = Instance::start(&dbs[4].url).await;
    place(&reims, "epn", "51100", "Reims").await;
    place(&epernay, "mediatheque", "51200", "Épernay").await;
    place(&sedan, "france-services", "08200", "Sedan").await;
    network_on(&net, "grand-est", JoinPolicy::Open).await;

    join(&reims, "epn", &net, "grand-est").await;
    join(&epernay, "mediatheque", &net, "grand-est").await;
    join(&sedan, "france-services", &net, "grand-est").await;
    subscribe(&reader, &net, "grand-est").await;

    // The network is a Group with its members collection.
    let actor: serde_json::Value = reqwest::Client::new()
        .get(net.place_url("grand-est"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(actor["type"], "Group");
    assert_eq!(actor["joinPolicy"], "open");
    let members: serde_json::Value = reqwest::Client::new()
        .get(actor["members"].as_str().expect("members"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(members["totalItems"], 3);

    // A place posts; the network announces it; the reader, who follows only the network,
    // stores it once.
    let workshop = service::publish_event(
        &reims.data,
        "epn",
        event("Atelier smartphone", "51100", "Reims"),
    )
    .await
    .expect("publish");
    let news = service::publish_note(&sedan.data, "france-services", note("Permanence CAF jeudi"))
        .await
        .expect("publish");
    for id in [&workshop.ap_id, &news.ap_id] {
        eventually("the reader gets the members' posts", WAIT, || async {
            has(&reader, id).await.then_some(())
        })
        .await;
    }
    let sources = reader.sources_recorded(&workshop.ap_id).await;
    assert_eq!(sources.len(), 1, "one path: the network");
    assert_eq!(sources[0].via_ap_id, net.place_url("grand-est"));
    // The network announced the activity (FEP-1b12) and boosted the object: still one row.
    let before = count_objects(&reader).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(count_objects(&reader).await, before);
    let timeline: serde_json::Value = reqwest::get(format!("{}/api/v1/timeline", reader.base))
        .await
        .expect("timeline")
        .json()
        .await
        .expect("json");
    let ids: Vec<&str> = timeline["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["ap_id"].as_str())
        .collect();
    assert_eq!(
        ids.iter().filter(|i| **i == workshop.ap_id).count(),
        1,
        "{ids:?}"
    );

    // The reader's filters select them by territory and type: the EPN's event is in the
    // Marne (51), the France Services' note in the Ardennes (08), placed through its author.
    let select = |query: &'static str| {
        let base = reader.base.clone();
        async move {
            let page: serde_json::Value = reqwest::get(format!("{base}/api/v1/timeline?{query}"))
                .await
                .expect("timeline")
                .json()
                .await
                .expect("json");
            page["items"]
                .as_array()
                .expect("items")
                .iter()
                .filter_map(|i| i["ap_id"].as_str().map(str::to_string))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(select("departement=51").await, vec![workshop.ap_id.clone()]);
    assert_eq!(select("type=Event").await, vec![workshop.ap_id.clone()]);
    assert_eq!(
        select("region=44&type=Note").await,
        vec![news.ap_id.clone()]
    );
    eventually("the note is placed through its author", WAIT, || async {
        (select("departement=08").await == vec![news.ap_id.clone()]).then_some(())
    })
    .await;

    // Leaving stops the flow.
    network::leave(&epernay.data, "mediatheque", &net.handle("grand-est"))
        .await
        .expect("leave");
    let network_id = galaxie_db::places::get_by_username(net.data.db().conn(), "grand-est")
        .await
        .expect("network")
        .id;
    let mediatheque = epernay.place_url("mediatheque");
    eventually("the network sees the member leave", WAIT, || async {
        let m = db::member(net.data.db().conn(), network_id, &mediatheque)
            .await
            .ok()??;
        (m.status == MemberStatus::Left).then_some(())
    })
    .await;
    let after_leaving = service::publish_note(&epernay.data, "mediatheque", note("Fermé lundi"))
        .await
        .expect("publish");

    // Removal with a block stops the flow and bars a new request.
    network::decide_member(
        &net.data,
        "grand-est",
        &sedan.place_url("france-services"),
        MemberDecision::Block,
        Some("publications hors sujet"),
    )
    .await
    .expect("block");
    let sedan_place =
        galaxie_db::places::get_by_username(sedan.data.db().conn(), "france-services")
            .await
            .expect("place");
    let network_url = net.place_url("grand-est");
    eventually("the place learns it was barred", WAIT, || async {
        let m = db::membership(sedan.data.db().conn(), sedan_place.id, &network_url)
            .await
            .ok()??;
        (m.status == MemberStatus::Blocked).then_some(())
    })
    .await;
    let after_block = service::publish_note(&sedan.data, "france-services", note("Hors sujet"))
        .await
        .expect("publish");
    network::join(&sedan.data, "france-services", &net.handle("grand-est"))
        .await
        .expect("join again");
    eventually("a barred place's new request is refused", WAIT, || async {
        let m = db::membership(sedan.data.db().conn(), sedan_place.id, &network_url)
            .await
            .ok()??;
        (m.status == MemberStatus::Refused).then_some(())
    })
    .await;

    // The reader also follows the EPN directly: a later post arrives by two paths, and is
    // stored once. Those of the former members did not come at all.
    relay::follow_actor(&reader.data, &reims.handle("epn"))
        .await
        .expect("subscribe");
    let epn_url = reims.place_url("epn");
    eventually("the reader follows the EPN", WAIT, || async {
        db::subscribed(reader.data.db().conn(), &epn_url)
            .await
            .ok()?
            .then_some(())
    })
    .await;
    let later = service::publish_note(&reims.data, "epn", note("Nouveau créneau"))
        .await
        .expect("publish");
    eventually("the later post arrives by both paths", WAIT, || async {
        let sources = db::sources_of(reader.data.db().conn(), &later.ap_id)
            .await
            .ok()?;
        (sources.len() == 2).then_some(())
    })
    .await;
    let stored = galaxie_db::objects::by_ap_id(reader.data.db().conn(), &later.ap_id)
        .await
        .expect("query");
    assert!(stored.is_some());
    for gone in [&after_leaving.ap_id, &after_block.ap_id] {
        assert!(!has(&reader, gone).await, "{gone} reached the reader");
        let announced = db::announces_of_object(net.data.db().conn(), network_id, gone)
            .await
            .expect("announces");
        assert!(announced.is_empty(), "{gone} was announced");
    }

    // A moderator withdraws a post: the reader, who got it only through the network, drops
    // it. A withdrawn post of an author the reader follows directly stays.
    for post in [&news.ap_id, &workshop.ap_id] {
        network::withdraw_post(&net.data, "grand-est", post, Some("doublon"))
            .await
            .expect("withdraw");
    }
    eventually(
        "the withdrawn post leaves the reader's timeline",
        WAIT,
        || async { (!has(&reader, &news.ap_id).await).then_some(()) },
    )
    .await;
    eventually(
        "the network's path to the other is forgotten",
        WAIT,
        || async {
            let sources = db::sources_of(reader.data.db().conn(), &workshop.ap_id)
                .await
                .ok()?;
            // The EPN's path (backfilled when the reader followed it) remains.
            let network_url = net.place_url("grand-est");
            (!sources.iter().any(|s| s.via_ap_id == network_url)).then_some(())
        },
    )
    .await;
    assert!(
        has(&reader, &workshop.ap_id).await,
        "its author is followed"
    );
    assert!(has(&reader, &later.ap_id).await);
    let err = network::withdraw_post(&net.data, "grand-est", "pas une adresse", None)
        .await
        .expect_err("bad input");
    assert!(err.to_string().contains("URL"), "{err}");

    // The public moderation log tells it all.
    let log: serde_json::Value =
        reqwest::get(format!("{}/api/v1/networks/grand-est/moderation", net.base))
            .await
            .expect("log")
            .json()
            .await
            .expect("json");
    let actions: Vec<&str> = log
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for expected in ["accept", "leave", "block-member", "refuse", "withdraw-post"] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }

    for i in [reims, epernay, sedan, net, reader] {
        i.stop().await;
    }
    for d in dbs {
        d.cleanup().await;
    }
}
on_both_backends!(network_galaxy);

async fn nested_networks_and_a_loop(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let local = Instance::start(&dbs[0].url).await;
    let dept = Instance::start(&dbs[1].url).await;
    let region = Instance::start(&dbs[2].url).await;
    let reader = Instance::start(&dbs[3].url).await;
    place(&local, "tiers-lieu", "08000", "Charleville-Mézières").await;
    network_on(&dept, "ardennes", JoinPolicy::Open).await;
    network_on(&region, "grand-est", JoinPolicy::Approval).await;

    join(&local, "tiers-lieu", &dept, "ardennes").await;
    // The région approves its département by hand.
    network::join(&dept.data, "ardennes", &region.handle("grand-est"))
        .await
        .expect("join");
    let ardennes = dept.place_url("ardennes");
    let region_id = galaxie_db::places::get_by_username(region.data.db().conn(), "grand-est")
        .await
        .expect("network")
        .id;
    eventually("the request waits for a moderator", WAIT, || async {
        let m = db::member(region.data.db().conn(), region_id, &ardennes)
            .await
            .ok()??;
        (m.status == MemberStatus::Pending).then_some(())
    })
    .await;
    network::decide_member(
        &region.data,
        "grand-est",
        &ardennes,
        MemberDecision::Approve,
        None,
    )
    .await
    .expect("approve");
    let dept_row = galaxie_db::places::get_by_username(dept.data.db().conn(), "ardennes")
        .await
        .expect("network");
    let region_url = region.place_url("grand-est");
    eventually(
        "the département is a member of the région",
        WAIT,
        || async {
            let m = db::membership(dept.data.db().conn(), dept_row.id, &region_url)
                .await
                .ok()??;
            let followed =
                galaxie_db::follows::following(region.data.db().conn(), region_id, &ardennes)
                    .await
                    .ok()??;
            (m.status == MemberStatus::Accepted
                && followed.status == galaxie_db::entities::followers::FollowStatus::Accepted)
                .then_some(())
        },
    )
    .await;
    subscribe(&reader, &region, "grand-est").await;

    let post = service::publish_note(&local.data, "tiers-lieu", note("Repair café samedi"))
        .await
        .expect("publish");
    eventually(
        "the région passes on its département's post",
        WAIT,
        || async { has(&reader, &post.ap_id).await.then_some(()) },
    )
    .await;

    // A loop: the région joins its département too. The next post is announced once by each.
    join(&region, "grand-est", &dept, "ardennes").await;
    let second = service::publish_note(&local.data, "tiers-lieu", note("Fête du numérique"))
        .await
        .expect("publish");
    eventually("the reader gets the second post", WAIT, || async {
        has(&reader, &second.ap_id).await.then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    for (instance, name) in [(&dept, "ardennes"), (&region, "grand-est")] {
        let id = galaxie_db::places::get_by_username(instance.data.db().conn(), name)
            .await
            .expect("network")
            .id;
        let announced = db::announces_of_object(instance.data.db().conn(), id, &second.ap_id)
            .await
            .expect("announces");
        assert_eq!(announced.len(), 1, "{name} announced it once");
    }
    assert_eq!(reader.sources_recorded(&second.ap_id).await.len(), 1);

    for i in [local, dept, region, reader] {
        i.stop().await;
    }
    for d in dbs {
        d.cleanup().await;
    }
}
on_both_backends!(nested_networks_and_a_loop);

/// Signs and POSTs `body` to `inbox` as `key_id`.
async fn signed_post(inbox: &str, key_pem: &str, key_id: &str, body: &serde_json::Value) -> u16 {
    let url = url::Url::parse(inbox).expect("url");
    let body = serde_json::to_vec(body).expect("json");
    let key = KeyCache::default().private(key_pem).expect("key");
    let signed = sign_post(&key, key_id, &url, &body, SystemTime::now()).expect("sign");
    reqwest::Client::new()
        .post(url)
        .header("content-type", "application/activity+json")
        .header("host", signed.host)
        .header("date", signed.date)
        .header("digest", signed.digest.expect("digest"))
        .header("signature", signed.signature)
        .body(body)
        .send()
        .await
        .expect("send")
        .status()
        .as_u16()
}

async fn forged_and_foreign_announces(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let members = Instance::start(&dbs[0].url).await;
    let net = Instance::start(&dbs[1].url).await;
    let outsider = Instance::start(&dbs[2].url).await;
    place(&members, "epn", "51100", "Reims").await;
    network_on(&members, "sous-reseau", JoinPolicy::Open).await;
    place(&outsider, "intrus", "75001", "Paris").await;
    network_on(&net, "grand-est", JoinPolicy::Open).await;
    join(&members, "epn", &net, "grand-est").await;
    join(&members, "sous-reseau", &net, "grand-est").await;
    let network_id = galaxie_db::places::get_by_username(net.data.db().conn(), "grand-est")
        .await
        .expect("network")
        .id;

    // A non-member the network happens to follow posts: stored, never announced.
    service::follow(&net.data, "grand-est", &outsider.handle("intrus"))
        .await
        .expect("follow");
    let outsider_url = outsider.place_url("intrus");
    eventually("the network follows the outsider", WAIT, || async {
        galaxie_db::follows::is_followed_locally(net.data.db().conn(), &outsider_url)
            .await
            .ok()?
            .then_some(())
    })
    .await;
    let foreign = service::publish_note(&outsider.data, "intrus", note("Pub"))
        .await
        .expect("publish");
    eventually("the network stores the outsider's post", WAIT, || async {
        has(&net, &foreign.ap_id).await.then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        db::announces_of_object(net.data.db().conn(), network_id, &foreign.ap_id)
            .await
            .expect("announces")
            .is_empty(),
        "a non-member's post was announced"
    );

    // A member network wraps a Create the stated author never made: the object does not exist
    // at its origin, so the network does not pass it on.
    let sub = galaxie_db::places::get_by_username(members.data.db().conn(), "sous-reseau")
        .await
        .expect("sub-network");
    let fake_object = format!("{}/objects/never-published", members.base);
    let forged = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/forged-1", members.base),
        "type": "Announce",
        "actor": members.place_url("sous-reseau"),
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "object": {
            "id": format!("{}/activities/forged-create", members.base),
            "type": "Create",
            "actor": members.place_url("epn"),
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "object": {
                "id": fake_object,
                "type": "Note",
                "attributedTo": members.place_url("epn"),
                "content": "faux",
                "to": ["https://www.w3.org/ns/activitystreams#Public"],
            }
        }
    });
    let inbox = format!("{}/inbox", net.base);
    let status = signed_post(
        &inbox,
        &sub.private_key_pem,
        &format!("{}#main-key", members.place_url("sous-reseau")),
        &forged,
    )
    .await;
    assert_eq!(
        status, 202,
        "a well-signed Announce is accepted for checking"
    );

    // A forged Announce: the network's name, someone else's key.
    let epn = galaxie_db::places::get_by_username(members.data.db().conn(), "epn")
        .await
        .expect("place");
    let impostor = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/forged-2", net.base),
        "type": "Announce",
        "actor": net.place_url("grand-est"),
        "object": fake_object,
    });
    let status = signed_post(
        &format!("{}/inbox", members.base),
        &epn.private_key_pem,
        &format!("{}#main-key", members.place_url("epn")),
        &impostor,
    )
    .await;
    assert!(
        matches!(status, 401 | 403),
        "a forged Announce is refused, got {status}"
    );

    // An actor that is neither a place nor a network (here an instance actor, an
    // `Application`) asking to join is refused and logged.
    let join = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/join-app", outsider.base),
        "type": "Join",
        "actor": format!("{}/actor", outsider.base),
        "object": net.place_url("grand-est"),
    });
    let status = signed_post(
        &format!("{}/inbox", net.base),
        &outsider.data.instance().private_key_pem,
        &format!("{}/actor#main-key", outsider.base),
        &join,
    )
    .await;
    assert_eq!(status, 202);
    let app_actor = format!("{}/actor", outsider.base);
    eventually("the application's request is refused", WAIT, || async {
        let log = db::log_page(net.data.db().conn(), network_id, 100, None)
            .await
            .ok()?;
        log.iter()
            .any(|e| e.target == app_actor && e.action == "refuse")
            .then_some(())
    })
    .await;
    assert!(
        db::member(net.data.db().conn(), network_id, &app_actor)
            .await
            .expect("member")
            .is_none()
    );

    // A genuine post of the sub-network's member still goes through afterwards.
    let genuine = service::publish_note(&members.data, "epn", note("Vrai"))
        .await
        .expect("publish");
    eventually("the genuine post is announced", WAIT, || async {
        (!db::announces_of_object(net.data.db().conn(), network_id, &genuine.ap_id)
            .await
            .ok()?
            .is_empty())
        .then_some(())
    })
    .await;
    assert!(
        db::announces_of_object(net.data.db().conn(), network_id, &fake_object)
            .await
            .expect("announces")
            .is_empty(),
        "the forged object was announced"
    );
    assert!(
        !has(&net, &fake_object).await,
        "the forged object was stored"
    );

    for i in [members, net, outsider] {
        i.stop().await;
    }
    for d in dbs {
        d.cleanup().await;
    }
}
on_both_backends!(forged_and_foreign_announces);

async fn a_network_and_its_members_on_one_instance(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let home = Instance::start(&db_a.url).await;
    let reader = Instance::start(&db_b.url).await;
    place(&home, "epn", "51100", "Reims").await;
    network_on(&home, "reims-metropole", JoinPolicy::Open).await;
    // A local place joins a local network: no message travels, both sides are written.
    let row = network::join(&home.data, "epn", "reims-metropole")
        .await
        .expect("join");
    assert_eq!(row.status, MemberStatus::Accepted);
    let err = network::join(&home.data, "reims-metropole", "reims-metropole")
        .await
        .expect_err("a network cannot join itself");
    assert!(err.to_string().contains("lui-même"), "{err}");
    subscribe(&reader, &home, "reims-metropole").await;
    let post = service::publish_note(&home.data, "epn", note("Café numérique"))
        .await
        .expect("publish");
    eventually("the reader gets the local member's post", WAIT, || async {
        has(&reader, &post.ap_id).await.then_some(())
    })
    .await;
    let via = reader.sources_recorded(&post.ap_id).await;
    assert_eq!(via[0].via_ap_id, home.place_url("reims-metropole"));
    // Bad input: joining something that is not a network.
    let err = network::join(&home.data, "epn", &reader.handle("nobody"))
        .await
        .expect_err("not a network");
    assert!(!err.to_string().is_empty());
    home.stop().await;
    reader.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}
on_both_backends!(a_network_and_its_members_on_one_instance);
