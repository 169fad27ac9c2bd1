//! Images: upload (`POST /api/v1/media`) and serving (`GET /media/{name}` and
//! `GET /media/{name}/thumbnail`).
//!
//! The upload body is the raw image (axum's multipart support is not built in); the alternative
//! text, focal point and place come in the query string. The format is read from the file's
//! first bytes, never from a name or a `Content-Type`. The image is decoded (after its header
//! dimensions are checked, so decompression bombs are refused cheaply), turned upright from its
//! EXIF orientation, and encoded again in the same format: EXIF (GPS position, camera, date),
//! XMP and text chunks are not carried over. The colour profile (ICC) is kept. Files are named
//! by the SHA-256 of their cleaned bytes, under `<data_dir>/media/`.

use super::AppState;
use super::api::Authenticated;
use crate::error::{AppError, AppResult};
use axum::body::{Body, HttpBody};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use galaxie_db::entities::media;
use galaxie_domain::ValidationErrors;
use galaxie_domain::media::{
    ImageType, MediaLimits, NewUpload, RawUpload, describe_unknown, is_content_name, thumbnail_size,
};
use galaxie_federation::FederationError;
use galaxie_federation::protocol::attachment::{media_url, thumbnail_url};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader};
use serde::Serialize;
use std::io::Cursor;
use std::path::{Path as FsPath, PathBuf};
use std::pin::Pin;
use url::Url;

/// JPEG quality of re-encoded photos.
const JPEG_QUALITY: u8 = 90;

/// Where media files live and how large uploads may be; added to requests as an
/// [`Extension`] by the application (`galaxie::App::router`).
#[derive(Debug, Clone)]
pub struct MediaSettings {
    /// `<data_dir>/media`.
    pub dir: PathBuf,
    /// `[media]` in the configuration.
    pub limits: MediaLimits,
}

pub(super) fn router() -> Router<AppState> {
    // The upload reads its body itself, bounded by `[media] max_bytes`: the global 1 MiB
    // `DefaultBodyLimit` only applies to buffering extractors (`Json`, `Bytes`…), and a
    // per-route `DefaultBodyLimit::max` would need the configured limit when the router is
    // built, which the `Extension` only gives per request.
    Router::new()
        .route("/api/v1/media", post(upload))
        .route("/media/{name}", get(original))
        .route("/media/{name}/thumbnail", get(thumbnail))
}

/// An uploaded image, as the API shows it.
#[derive(Debug, Serialize)]
pub struct MediaDto {
    /// The id to attach it to a post.
    pub id: String,
    pub url: Url,
    pub thumbnail_url: Url,
    pub media_type: String,
    pub width: i32,
    pub height: i32,
    pub alt: String,
    /// `[x, y]`, each from -1 to 1 (Mastodon's `focalPoint`).
    pub focal_point: Option<[f64; 2]>,
}

fn media_dto(state: &AppState, m: media::Model) -> MediaDto {
    let data = state.data();
    MediaDto {
        id: m.public_id.to_string(),
        url: media_url(data.urls(), &m.sha256),
        thumbnail_url: thumbnail_url(data.urls(), &m.sha256),
        media_type: m.media_type,
        width: m.width,
        height: m.height,
        alt: m.alt,
        focal_point: m.focal_x.zip(m.focal_y).map(|(x, y)| [x, y]),
    }
}

fn internal(what: impl std::fmt::Display) -> AppError {
    AppError::Federation(FederationError::Internal(what.to_string()))
}

fn settings(found: Option<Extension<MediaSettings>>) -> AppResult<MediaSettings> {
    found
        .map(|Extension(s)| s)
        .ok_or_else(|| internal("media settings are not configured on the router"))
}

async fn upload(
    State(state): State<AppState>,
    found: Option<Extension<MediaSettings>>,
    _auth: Authenticated,
    headers: HeaderMap,
    query: Result<Query<RawUpload>, QueryRejection>,
    body: Body,
) -> AppResult<(StatusCode, Json<MediaDto>)> {
    let settings = settings(found)?;
    refuse_form_uploads(&headers)?;
    let bytes = read_body(body, &headers, settings.limits.max_bytes).await?;
    // An unknown parameter (a typo such as `alt_text`) is a 422, as unknown JSON fields are.
    let Query(raw) =
        query.map_err(|r| AppError::Rejected(StatusCode::UNPROCESSABLE_ENTITY, r.body_text()))?;
    let upload = NewUpload::parse(raw)?;
    let row = save_image(&state.data(), &settings, bytes, upload).await?;
    Ok((StatusCode::CREATED, Json(media_dto(&state, row))))
}

/// Cleans, stores and records an uploaded image: what `POST /api/v1/media` does after reading
/// the request, shared with the web interface's forms (`galaxie-site`). Refuses files over
/// `[media] max_bytes` (413) and anything that is not a JPEG, PNG or WebP (415).
pub async fn save_image(
    data: &galaxie_federation::Data,
    settings: &MediaSettings,
    bytes: Vec<u8>,
    upload: NewUpload,
) -> AppResult<media::Model> {
    if bytes.len() > settings.limits.max_bytes {
        return Err(too_large(settings.limits.max_bytes));
    }
    let conn = data.db().conn().clone();
    let place_id = match &upload.place {
        None => None,
        Some(username) => Some(
            galaxie_db::places::by_username(&conn, username.as_str())
                .await?
                .ok_or_else(|| {
                    ValidationErrors::single("place", "no place on this instance has this username")
                })?
                .id,
        ),
    };
    let limits = settings.limits;
    let cleaned = tokio::task::spawn_blocking(move || clean(&bytes, &limits))
        .await
        .map_err(internal)??;

    // Files first: a failed insert leaves an unreferenced, content-addressed file, harmless.
    for file in [&cleaned.image, &cleaned.thumbnail] {
        store(&settings.dir, &file.sha256, &file.bytes)
            .await
            .map_err(|e| internal(format!("cannot write to the media folder: {e}")))?;
    }
    let row = galaxie_db::media::insert(
        &conn,
        galaxie_db::media::NewMedia {
            place_id,
            media_type: cleaned.kind,
            width: cleaned.image.width,
            height: cleaned.image.height,
            bytes: cleaned.image.bytes.len() as u64,
            sha256: cleaned.image.sha256,
            alt: upload.alt,
            focal_point: upload.focal_point,
            thumbnail_sha256: cleaned.thumbnail.sha256,
            thumbnail_width: cleaned.thumbnail.width,
            thumbnail_height: cleaned.thumbnail.height,
        },
    )
    .await?;
    Ok(row)
}

/// A form upload would be stored as a file that starts with a multipart boundary: say how to
/// send the image instead.
fn refuse_form_uploads(headers: &HeaderMap) -> AppResult<()> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/")
        || content_type.starts_with("application/x-www-form-urlencoded")
    {
        return Err(AppError::Rejected(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the image file itself as the request body (for example `curl --data-binary @photo.jpg`), not a form; put alt, focal and place in the query string".to_string(),
        ));
    }
    Ok(())
}

fn too_large(max: usize) -> AppError {
    AppError::Rejected(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "the file is too large: at most {max} bytes ({:.1} MiB) are accepted",
            max as f64 / (1024.0 * 1024.0)
        ),
    )
}

/// Reads the body, refusing it with 413 as soon as it is known to exceed `max` bytes.
async fn read_body(mut body: Body, headers: &HeaderMap, max: usize) -> AppResult<Vec<u8>> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max as u64) {
        return Err(too_large(max));
    }
    let mut buf = Vec::with_capacity(declared.map_or(0, |len| len as usize));
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame
            .map_err(|e| AppError::BadRequest(format!("cannot read the request body: {e}")))?;
        if let Ok(data) = frame.into_data() {
            if buf.len() + data.len() > max {
                return Err(too_large(max));
            }
            buf.extend_from_slice(&data);
        }
    }
    Ok(buf)
}

/// One encoded file.
struct Encoded {
    bytes: Vec<u8>,
    sha256: String,
    width: u32,
    height: u32,
}

/// A cleaned image and its thumbnail, in the uploaded format.
struct Cleaned {
    kind: ImageType,
    image: Encoded,
    thumbnail: Encoded,
}

fn file_error(message: impl Into<String>) -> AppError {
    ValidationErrors::single("file", message).into()
}

/// Checks, decodes, turns upright and re-encodes an upload, and makes its thumbnail.
fn clean(bytes: &[u8], limits: &MediaLimits) -> AppResult<Cleaned> {
    if bytes.is_empty() {
        return Err(file_error(
            "is required: send the image file as the request body",
        ));
    }
    let Some(kind) = ImageType::sniff(bytes) else {
        return Err(AppError::Rejected(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "the file is not a JPEG, PNG or WebP image: it looks like {}. The type is read from the file's content, not from its name or Content-Type",
                describe_unknown(bytes)
            ),
        ));
    };
    let format = match kind {
        ImageType::Jpeg => ImageFormat::Jpeg,
        ImageType::Png => ImageFormat::Png,
        ImageType::Webp => ImageFormat::WebP,
    };
    let undecodable = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => file_error(format!(
            "is too large to decode: at most {} pixels are accepted",
            limits.max_pixels
        )),
        e => file_error(format!("is not a valid {kind} image: {e}")),
    };
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .map_err(undecodable)?;
    // Only the header has been read so far.
    let (width, height) = decoder.dimensions();
    limits
        .check_dimensions(width, height)
        .map_err(|e| file_error(e.to_string()))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(undecodable)?;
    image.apply_orientation(orientation);

    let (thumb_width, thumb_height) = thumbnail_size(image.width(), image.height());
    let thumbnail = if (thumb_width, thumb_height) == (image.width(), image.height()) {
        image.clone()
    } else {
        image.resize_exact(thumb_width, thumb_height, FilterType::Triangle)
    };
    Ok(Cleaned {
        kind,
        image: encode(&image, kind, icc.as_deref())?,
        thumbnail: encode(&thumbnail, kind, icc.as_deref())?,
    })
}

/// Encodes in `kind`, writing nothing but the pixels and the colour profile. WebP is encoded
/// losslessly: that is the only WebP encoder the `image` crate has.
fn encode(image: &DynamicImage, kind: ImageType, icc: Option<&[u8]>) -> AppResult<Encoded> {
    fn with_profile<E: ImageEncoder>(mut encoder: E, icc: Option<&[u8]>) -> E {
        if let Some(icc) = icc {
            // A format that cannot carry the profile simply goes without.
            let _ = encoder.set_icc_profile(icc.to_vec());
        }
        encoder
    }
    let mut bytes = Vec::new();
    let written = match kind {
        ImageType::Jpeg => image.write_with_encoder(with_profile(
            JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY),
            icc,
        )),
        ImageType::Png => image.write_with_encoder(with_profile(PngEncoder::new(&mut bytes), icc)),
        ImageType::Webp => {
            image.write_with_encoder(with_profile(WebPEncoder::new_lossless(&mut bytes), icc))
        }
    };
    written.map_err(|e| internal(format!("cannot encode a {kind} image: {e}")))?;
    Ok(Encoded {
        sha256: galaxie_db::media::content_name(&bytes),
        bytes,
        width: image.width(),
        height: image.height(),
    })
}

/// Writes `bytes` as `dir/name` unless it is already there (same name, same content),
/// through a temporary file so that a reader never sees half a file.
async fn store(dir: &FsPath, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let path = dir.join(name);
    if tokio::fs::try_exists(&path).await? {
        return Ok(());
    }
    let temporary = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4()));
    tokio::fs::write(&temporary, bytes).await?;
    if let Err(e) = tokio::fs::rename(&temporary, &path).await {
        let _ = tokio::fs::remove_file(&temporary).await;
        return Err(e);
    }
    Ok(())
}

async fn original(
    State(state): State<AppState>,
    found: Option<Extension<MediaSettings>>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    serve(&state, settings(found)?, &name, &headers, false).await
}

async fn thumbnail(
    State(state): State<AppState>,
    found: Option<Extension<MediaSettings>>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    serve(&state, settings(found)?, &name, &headers, true).await
}

/// Serves an image or its thumbnail. Files never change (their name is their hash), so they
/// are cached for a year; `nosniff` and a CSP that allows nothing keep a browser from ever
/// running them as a page.
async fn serve(
    state: &AppState,
    settings: MediaSettings,
    name: &str,
    headers: &HeaderMap,
    thumbnail: bool,
) -> AppResult<Response> {
    if !is_content_name(name) {
        return Err(AppError::NotFound);
    }
    let row = galaxie_db::media::by_sha256(state.data().db().conn(), name)
        .await?
        .ok_or(AppError::NotFound)?;
    let file = if thumbnail {
        row.thumbnail_sha256
    } else {
        row.sha256
    };
    if !is_content_name(&file) {
        return Err(AppError::NotFound);
    }
    let content_type = ImageType::from_mime(&row.media_type)
        .map(ImageType::mime)
        .unwrap_or("application/octet-stream");
    let etag = format!("\"{file}\"");
    let mut response_headers = HeaderMap::new();
    for (name, value) in [
        (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        (header::ETAG, etag.as_str()),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::CONTENT_SECURITY_POLICY, "default-src 'none'"),
        (header::CONTENT_TYPE, content_type),
    ] {
        if let Ok(value) = HeaderValue::from_str(value) {
            response_headers.insert(name, value);
        }
    }
    let not_modified = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().trim_start_matches("W/"))
        .any(|v| v == etag || v == "*");
    if not_modified {
        response_headers.remove(header::CONTENT_TYPE);
        return Ok((StatusCode::NOT_MODIFIED, response_headers).into_response());
    }
    let bytes = match tokio::fs::read(settings.dir.join(&file)).await {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            tracing::warn!(file = %file, "media file missing from the media folder");
            return Err(AppError::NotFound);
        }
        Err(e) => return Err(internal(format!("cannot read a media file: {e}"))),
    };
    Ok((response_headers, bytes).into_response())
}
