//! Images: a place uploads a photo with its alternative text; the server keeps the format,
//! strips the metadata (GPS position included), turns it upright, makes a thumbnail and serves
//! both as immutable files. Anything that is not a JPEG, PNG or WebP image is refused, and a
//! refused upload leaves nothing behind.

use base64::Engine;
use galaxie::{App, Config};
use galaxie_domain::{NewNote, NewPlace, RawNote, RawPlace};
use galaxie_federation::{Data, service};
use galaxie_tests::{Backend, TestDb, fast_worker, on_both_backends, test_config};
use serde_json::Value;
use std::path::PathBuf;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A 16×8 JPEG (left half red, right half blue), as the `image` crate encodes it.
const JPEG_16X8: &str = "/9j/4AAQSkZJRgABAgAAAQABAAD/wAARCAAIABADAREAAhEBAxEB/9sAQwAIBgYHBgUIBwcHCQkICgwUDQwLCwwZEhMPFB0aHx4dGhwcICQuJyAiLCMcHCg3KSwwMTQ0NB8nOT04MjwuMzQy/9sAQwEJCQkMCwwYDQ0YMiEcITIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIy/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDl68c/RzBr9fPyw//Z";

/// A 16×8 lossless WebP, same picture.
const WEBP_16X8: &str = "UklGRpoAAABXRUJQVlA4TI0AAAAvD8ABAM1VICICHsgmAAAAAIABAAAAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEAAB8ADkQAAAAAAOP8AAAAAAAAAAAAAAAADAAAAAAAAAAYAAAAAAAAAAAAAAHggAQAAAAAA5x8AAAAAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAELnhFVUA";

fn base64(text: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .expect("base64")
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend(kind);
    out.extend(data);
    let crc = crc32(&out[start..]);
    out.extend(crc.to_be_bytes());
}

/// An RGB PNG made by hand (stored, uncompressed zlib blocks), with `extra` chunks before the
/// pixels; `pixels: false` writes the header only, as a decompression bomb would.
fn png(width: u32, height: u32, extra: &[(&[u8; 4], &[u8])], pixels: bool) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    png_chunk(&mut out, b"IHDR", &ihdr);
    for (kind, data) in extra {
        png_chunk(&mut out, kind, data);
    }
    let raw: Vec<u8> = if pixels {
        (0..height)
            .flat_map(|y| {
                std::iter::once(0u8).chain(
                    (0..width).flat_map(move |x| [(x * 7 % 256) as u8, (y * 5 % 256) as u8, 128]),
                )
            })
            .collect()
    } else {
        vec![0; 64]
    };
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend(*block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend(((b << 16) | a).to_be_bytes());
    png_chunk(&mut out, b"IDAT", &zlib);
    png_chunk(&mut out, b"IEND", &[]);
    out
}

/// The JPEG with an APP1 Exif segment saying "rotate 90° clockwise" (orientation 6) and
/// where it was taken (GPS latitude 48°51' N), as a phone writes it.
fn jpeg_with_gps() -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: Orientation = 6, GPSInfo -> 38.
    tiff.extend(2u16.to_be_bytes());
    tiff.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]);
    tiff.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1]);
    tiff.extend(38u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    // GPS IFD at 38: GPSLatitudeRef = "N", GPSLatitude = 48/1, 51/1, 0/1 at 68.
    tiff.extend(2u16.to_be_bytes());
    tiff.extend([0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]);
    tiff.extend([0, 2, 0, 5, 0, 0, 0, 3]);
    tiff.extend(68u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    assert_eq!(tiff.len(), 68);
    for (num, den) in [(48u32, 1u32), (51, 1), (0, 1)] {
        tiff.extend(num.to_be_bytes());
        tiff.extend(den.to_be_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let jpeg = base64(JPEG_16X8);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// An instance whose data folder (hence media folder) is a temporary directory.
struct MediaInstance {
    base: String,
    data: Data,
    media_dir: PathBuf,
    token: String,
    _data_dir: tempfile::TempDir,
    stop: oneshot::Sender<()>,
    handle: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl MediaInstance {
    async fn start(db_url: &str, tweak: impl FnOnce(&mut Config)) -> MediaInstance {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let data_dir = tempfile::tempdir().expect("data folder");
        let mut config = test_config(port, db_url);
        config.data_dir = data_dir.path().to_path_buf();
        tweak(&mut config);
        let app = App::build(config)
            .await
            .expect("build app")
            .with_worker_options(fast_worker());
        let data = app.data();
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(app.serve(listener, async {
            let _ = stopped.await;
        }));
        let conn = data.db().conn();
        let (_, token) = galaxie_db::tokens::create(conn, "media test")
            .await
            .expect("token");
        let place = NewPlace::parse(RawPlace {
            username: Some("epn".into()),
            name: Some("EPN de Saint-Clair".into()),
            ..Default::default()
        })
        .expect("place");
        service::create_place(&data, place)
            .await
            .expect("create place");
        MediaInstance {
            base: format!("http://localhost:{port}"),
            data,
            media_dir: data_dir.path().join("media"),
            token,
            _data_dir: data_dir,
            stop,
            handle,
        }
    }

    async fn upload(&self, query: &str, content_type: &str, body: Vec<u8>) -> (u16, Value) {
        let res = reqwest::Client::new()
            .post(format!("{}/api/v1/media{query}", self.base))
            .bearer_auth(&self.token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("upload");
        let status = res.status().as_u16();
        let text = res.text().await.expect("text");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    fn stored_files(&self) -> usize {
        std::fs::read_dir(&self.media_dir).map_or(0, |dir| dir.count())
    }

    async fn media_rows(&self) -> u64 {
        galaxie_db::media::count_all(self.data.db().conn())
            .await
            .expect("count")
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.handle.await;
    }
}

struct Served {
    status: u16,
    headers: reqwest::header::HeaderMap,
    bytes: Vec<u8>,
}

async fn fetch(url: &str, if_none_match: Option<&str>) -> Served {
    let mut request = reqwest::Client::new().get(url);
    if let Some(etag) = if_none_match {
        request = request.header("if-none-match", etag);
    }
    let res = request.send().await.expect("get");
    Served {
        status: res.status().as_u16(),
        headers: res.headers().clone(),
        bytes: res.bytes().await.expect("bytes").to_vec(),
    }
}

fn header<'a>(served: &'a Served, name: &str) -> &'a str {
    served
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let word =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (word(16), word(20))
}

async fn a_place_uploads_photos_that_are_cleaned_and_served(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = MediaInstance::start(&db.url, |_| {}).await;

    // Without a token, nothing happens.
    let res = reqwest::Client::new()
        .post(format!("{}/api/v1/media?alt=x", alpha.base))
        .body(base64(WEBP_16X8))
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status().as_u16(), 401);

    // A PNG sent as "image/jpeg" is a PNG; its text chunk does not survive.
    let photo = png(
        32,
        24,
        &[(b"tEXt", b"Comment\0secret-location: 48.85,2.35")],
        true,
    );
    let (status, png_media) = alpha
        .upload(
            "?alt=La%20salle%20des%20ateliers&focal=0.5,-0.25&place=epn",
            "image/jpeg",
            photo,
        )
        .await;
    assert_eq!(status, 201, "{png_media}");
    assert_eq!(png_media["media_type"], "image/png");
    assert_eq!(png_media["width"], 32);
    assert_eq!(png_media["height"], 24);
    assert_eq!(png_media["alt"], "La salle des ateliers");
    assert_eq!(png_media["focal_point"], serde_json::json!([0.5, -0.25]));
    let url = png_media["url"].as_str().expect("url");
    assert!(url.starts_with(&format!("{}/media/", alpha.base)), "{url}");

    let served = fetch(url, None).await;
    assert_eq!(served.status, 200);
    assert_eq!(header(&served, "content-type"), "image/png");
    assert_eq!(
        header(&served, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(header(&served, "x-content-type-options"), "nosniff");
    assert_eq!(
        header(&served, "content-security-policy"),
        "default-src 'none'"
    );
    let etag = header(&served, "etag").to_string();
    assert!(
        etag.len() == 66 && url.ends_with(etag.trim_matches('"')),
        "{etag}"
    );
    assert!(served.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(!contains(&served.bytes, b"secret-location"));
    assert!(!contains(&served.bytes, b"tEXt"));
    assert_eq!(png_size(&served.bytes), (32, 24));
    assert_eq!(fetch(url, Some(&etag)).await.status, 304);

    let thumb_url = png_media["thumbnail_url"].as_str().expect("thumbnail url");
    assert_eq!(thumb_url, format!("{url}/thumbnail"));
    let thumb = fetch(thumb_url, None).await;
    assert_eq!(thumb.status, 200);
    assert_eq!(header(&thumb, "content-type"), "image/png");
    assert_eq!(
        header(&thumb, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        png_size(&thumb.bytes),
        (32, 24),
        "small images keep their size"
    );

    // A phone photo: EXIF with GPS and "rotate 90°". It comes back upright, without EXIF.
    let (status, jpeg_media) = alpha
        .upload(
            "?alt=Le%20jardin%20partag%C3%A9",
            "image/png",
            jpeg_with_gps(),
        )
        .await;
    assert_eq!(status, 201, "{jpeg_media}");
    assert_eq!(jpeg_media["media_type"], "image/jpeg");
    assert_eq!(
        (jpeg_media["width"].as_i64(), jpeg_media["height"].as_i64()),
        (Some(8), Some(16))
    );
    assert_eq!(jpeg_media["alt"], "Le jardin partagé");
    assert_eq!(jpeg_media["focal_point"], Value::Null);
    let served = fetch(jpeg_media["url"].as_str().expect("url"), None).await;
    assert_eq!(served.status, 200);
    assert_eq!(header(&served, "content-type"), "image/jpeg");
    assert!(served.bytes.starts_with(&[0xFF, 0xD8, 0xFF]));
    assert!(!contains(&served.bytes, b"Exif"), "EXIF must be stripped");
    assert!(!contains(&served.bytes, b"MM\0\x2a"), "no TIFF header left");
    let thumb = fetch(jpeg_media["thumbnail_url"].as_str().expect("url"), None).await;
    assert_eq!(thumb.status, 200);
    assert_eq!(header(&thumb, "content-type"), "image/jpeg");
    assert!(!contains(&thumb.bytes, b"Exif"));

    // WebP stays WebP.
    let (status, webp_media) = alpha
        .upload("?alt=Logo", "application/octet-stream", base64(WEBP_16X8))
        .await;
    assert_eq!(status, 201, "{webp_media}");
    assert_eq!(webp_media["media_type"], "image/webp");
    assert_eq!(
        (webp_media["width"].as_i64(), webp_media["height"].as_i64()),
        (Some(16), Some(8))
    );
    let served = fetch(webp_media["url"].as_str().expect("url"), None).await;
    assert_eq!(header(&served, "content-type"), "image/webp");
    assert!(served.bytes.starts_with(b"RIFF") && &served.bytes[8..12] == b"WEBP");

    // Larger than the 1 MiB limit of other routes; the thumbnail fits in 400 pixels.
    let big = png(800, 700, &[], true);
    assert!(big.len() > 1024 * 1024);
    let (status, big_media) = alpha.upload("?alt=Grand%20plan", "image/png", big).await;
    assert_eq!(status, 201, "{big_media}");
    let thumb = fetch(big_media["thumbnail_url"].as_str().expect("url"), None).await;
    assert_eq!(png_size(&thumb.bytes), (400, 350));

    // Rows, lookups and attachments to an object, in order.
    let conn = alpha.data.db().conn();
    assert_eq!(alpha.media_rows().await, 4);
    let png_row = galaxie_db::media::by_public_id(conn, png_media["id"].as_str().expect("id"))
        .await
        .expect("query")
        .expect("found");
    assert_eq!(png_row.alt, "La salle des ateliers");
    assert!(png_row.place_id.is_some());
    let jpeg_row = galaxie_db::media::by_public_id(conn, jpeg_media["id"].as_str().expect("id"))
        .await
        .expect("query")
        .expect("found");
    assert!(jpeg_row.place_id.is_none());
    assert!(
        galaxie_db::media::by_public_id(conn, "not-a-uuid")
            .await
            .expect("query")
            .is_none()
    );
    let note = service::publish_note(
        &alpha.data,
        "epn",
        NewNote::parse(RawNote {
            text: Some("Nouvelles photos".into()),
            text_falc: None,
        })
        .expect("note"),
    )
    .await
    .expect("publish");
    galaxie_db::media::attach(conn, note.id, &[jpeg_row.id, png_row.id, jpeg_row.id])
        .await
        .expect("attach");
    let attached = galaxie_db::media::for_object(conn, note.id)
        .await
        .expect("for object");
    assert_eq!(
        attached.iter().map(|m| m.id).collect::<Vec<_>>(),
        [jpeg_row.id, png_row.id]
    );
    galaxie_db::media::attach(conn, note.id, &[png_row.id])
        .await
        .expect("re-attach");
    let attached = galaxie_db::media::for_object(conn, note.id)
        .await
        .expect("for object");
    assert_eq!(
        attached.iter().map(|m| m.id).collect::<Vec<_>>(),
        [png_row.id]
    );
    assert!(
        galaxie_db::media::attach(conn, note.id, &[i64::MAX])
            .await
            .is_err()
    );

    // Only content names are served; nothing escapes the media folder.
    let unknown = format!("{}/media/{}", alpha.base, "0".repeat(64));
    assert_eq!(fetch(&unknown, None).await.status, 404);
    let name = url.rsplit('/').next().expect("name");
    let upper = format!("{}/media/{}", alpha.base, name.to_ascii_uppercase());
    assert_eq!(fetch(&upper, None).await.status, 404);
    for path in [
        "%2E%2E%2F%2E%2E%2Fgalaxie.sqlite",
        "..%2Fgalaxie.sqlite",
        "%2Fetc%2Fpasswd",
    ] {
        let served = fetch(&format!("{}/media/{path}", alpha.base), None).await;
        assert_eq!(served.status, 404, "{path}");
    }

    alpha.stop().await;
    db.cleanup().await;
}

on_both_backends!(a_place_uploads_photos_that_are_cleaned_and_served);

async fn bad_uploads_are_refused_and_leave_nothing_behind(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = MediaInstance::start(&db.url, |config| config.media.max_bytes = 64 * 1024).await;
    let photo = || png(16, 16, &[], true);
    let field = |body: &Value| {
        body["fields"][0]["field"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };

    // The alternative text is required, and bounded.
    let (status, body) = alpha.upload("", "image/png", photo()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(field(&body), "alt");
    let (status, body) = alpha.upload("?alt=%20%20", "image/png", photo()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(field(&body), "alt");
    let long = "a".repeat(1501);
    let (status, body) = alpha
        .upload(&format!("?alt={long}"), "image/png", photo())
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("too long"), "{body}");

    let (status, body) = alpha.upload("?alt_text=x", "image/png", photo()).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.to_string().contains("alt_text"), "{body}");

    // Focal point and place are checked.
    let (status, body) = alpha.upload("?alt=x&focal=2,0", "image/png", photo()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(field(&body), "focal");
    let (status, body) = alpha
        .upload("?alt=x&place=nowhere", "image/png", photo())
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(field(&body), "place");

    // Disguised files: the content decides, not the Content-Type.
    let (status, body) = alpha
        .upload(
            "?alt=x",
            "image/png",
            b"<!DOCTYPE html><script>alert(1)</script>".to_vec(),
        )
        .await;
    assert_eq!(status, 415, "{body}");
    assert!(
        body["error"].as_str().unwrap_or_default().contains("HTML"),
        "{body}"
    );
    let (status, body) = alpha
        .upload(
            "?alt=x",
            "image/png",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".to_vec(),
        )
        .await;
    assert_eq!(status, 415, "{body}");
    assert!(
        body["error"].as_str().unwrap_or_default().contains("SVG"),
        "{body}"
    );
    let (status, body) = alpha
        .upload("?alt=x", "image/png", b"just text".to_vec())
        .await;
    assert_eq!(status, 415, "{body}");

    // A PNG signature on a broken file, and an empty body.
    let mut broken = photo();
    broken.truncate(40);
    let (status, body) = alpha.upload("?alt=x", "image/png", broken).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(field(&body), "file");
    let (status, body) = alpha.upload("?alt=x", "image/png", Vec::new()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(field(&body), "file");

    // A decompression bomb: a small file whose header announces 48 megapixels.
    let bomb = png(8000, 6000, &[], false);
    assert!(bomb.len() < 1024);
    let (status, body) = alpha.upload("?alt=x", "image/png", bomb).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(field(&body), "file");
    assert!(body.to_string().contains("48000000 pixels"), "{body}");

    // A form upload gets told how to send the file.
    let (status, body) = alpha
        .upload("?alt=x", "multipart/form-data; boundary=xyz", photo())
        .await;
    assert_eq!(status, 415, "{body}");

    // Over the configured limit.
    let (status, body) = alpha
        .upload("?alt=x", "image/png", vec![0u8; 100 * 1024])
        .await;
    assert_eq!(status, 413, "{body}");

    assert_eq!(alpha.media_rows().await, 0);
    assert_eq!(alpha.stored_files(), 0, "no file may be written");

    // The same instance still takes a good upload.
    let (status, body) = alpha.upload("?alt=x", "image/png", photo()).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(alpha.media_rows().await, 1);

    alpha.stop().await;
    db.cleanup().await;
}

on_both_backends!(bad_uploads_are_refused_and_leave_nothing_behind);

/// A showcase with a photo reaches a follower with the photo's URL and alt text; another
/// place's photo cannot be attached.
async fn a_showcase_with_a_photo_reaches_a_follower(backend: Backend) {
    use galaxie_domain::{NewShowcase, RawShowcase};
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = MediaInstance::start(&db_a.url, |_| {}).await;
    let beta = galaxie_tests::Instance::start(&db_b.url).await;
    let fablab = NewPlace::parse(RawPlace {
        username: Some("fablab".into()),
        name: Some("Fablab".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&beta.data, fablab)
        .await
        .expect("create");
    service::follow(&beta.data, "fablab", &format!("{}/places/epn", alpha.base))
        .await
        .expect("follow");
    galaxie_tests::eventually(
        "beta follows",
        std::time::Duration::from_secs(20),
        || async {
            galaxie_db::follows::is_followed_locally(
                beta.data.db().conn(),
                &format!("{}/places/epn", alpha.base),
            )
            .await
            .ok()?
            .then_some(())
        },
    )
    .await;
    let (status, uploaded) = alpha
        .upload(
            "?alt=Le%20lavoir%20restaur%C3%A9&place=epn",
            "image/png",
            png(8, 6, &[], true),
        )
        .await;
    assert_eq!(status, 201, "{uploaded}");
    let media_id = uploaded["id"].as_str().expect("id").to_string();
    let article = service::publish_showcase(
        &alpha.data,
        "epn",
        NewShowcase::parse(RawShowcase {
            name: Some("Le lavoir".into()),
            summary: Some("Un lavoir restauré".into()),
            content: Some("Histoire…".into()),
            media: Some(vec![media_id.clone()]),
            ..Default::default()
        })
        .expect("showcase"),
    )
    .await
    .expect("publish");
    let received = galaxie_tests::eventually(
        "beta receives the showcase",
        std::time::Duration::from_secs(20),
        || async {
            galaxie_db::objects::by_ap_id(beta.data.db().conn(), &article.ap_id)
                .await
                .ok()?
        },
    )
    .await;
    let extra: Value =
        serde_json::from_str(received.extra.as_deref().expect("extra")).expect("json");
    assert_eq!(extra["attachment"][0]["name"], "Le lavoir restauré");
    assert_eq!(extra["attachment"][0]["mediaType"], "image/png");
    assert_eq!(extra["attachment"][0]["url"], uploaded["url"]);

    // Unknown media is refused and nothing is published.
    let before = galaxie_db::objects::count_all(alpha.data.db().conn())
        .await
        .expect("count");
    let err = service::publish_showcase(
        &alpha.data,
        "epn",
        NewShowcase::parse(RawShowcase {
            name: Some("Autre".into()),
            summary: Some("Autre".into()),
            content: Some("Autre".into()),
            media: Some(vec!["00000000-0000-0000-0000-000000000000".into()]),
            ..Default::default()
        })
        .expect("showcase"),
    )
    .await
    .expect_err("unknown media");
    assert!(err.to_string().contains("media"), "{err}");
    assert_eq!(
        galaxie_db::objects::count_all(alpha.data.db().conn())
            .await
            .expect("count"),
        before
    );

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(a_showcase_with_a_photo_reaches_a_follower);
