//! `schuilnaam review OUT_DIR`: a local web page to check every substitution. It binds to
//! 127.0.0.1 on a random port, and every request must carry the random token of the printed
//! URL, so that other users of the machine cannot read the originals. Everything the page
//! needs is in the binary (no CDN).
//!
//! Against web pages in the editor's browser: a request must name this server in its `Host`
//! (`127.0.0.1:PORT` or `localhost:PORT`; DNS rebinding sends another name), and a request
//! that changes anything must carry the token in the `X-Schuilnaam-Token` header (which a
//! cross-site form cannot set) and a same-origin `Origin`. Decisions are checked against the
//! log before they are stored, and one server at a time may serve a folder (a lock file).

use super::{flags, load_review, read_log, review_path, save_review, Decision, DecisionKind};
use super::{ReviewError, RunDocument};
use crate::error::Error as FileError;
use axum::extract::{Query, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

const PAGE: &str = include_str!("page.html");

struct Shared {
    documents: Vec<RunDocument>,
    /// Per document, once computed: substitutions replaced, kept, and doubts. They depend on
    /// the input and the log only, which review never changes, so the list, fetched after
    /// every decision, does not read every ruling again.
    counts: Vec<OnceLock<(usize, usize, usize)>>,
    reviewer: String,
    token: String,
    /// What `Host` may say: this server's address by IP and by name.
    hosts: [String; 2],
    /// One decision is saved at a time.
    saving: Mutex<()>,
}

/// The header that carries the token on requests that change something.
pub const TOKEN_HEADER: &str = "x-schuilnaam-token";
/// The lock file that keeps a second server off a folder.
pub const LOCK_FILE: &str = ".schuilnaam-review.lock";

#[derive(Deserialize)]
struct Params {
    token: Option<String>,
    doc: Option<String>,
}

/// A random token of 32 hex digits from the operating system.
pub fn random_token() -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Now, UTC, RFC 3339 ("2026-11-29T17:02:11Z").
pub fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64;
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

fn review_error(e: ReviewError) -> Response {
    error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

/// Refuses what a browser page of another site could send: a foreign `Host` (DNS
/// rebinding), and a state-changing request without the token header or from another
/// origin.
async fn same_site_only(
    State(state): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    let header_text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if !header_text(header::HOST.as_str()).is_some_and(|host| state.hosts.iter().any(|h| h == host))
    {
        return error(
            StatusCode::MISDIRECTED_REQUEST,
            "this server answers only to 127.0.0.1 and localhost at its own port",
        );
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let same_origin = header_text(header::ORIGIN.as_str()).is_some_and(|origin| {
            state
                .hosts
                .iter()
                .any(|h| origin.strip_prefix("http://") == Some(h.as_str()))
        });
        if !same_origin {
            return error(StatusCode::FORBIDDEN, "cross-origin request refused");
        }
        if header_text(TOKEN_HEADER) != Some(state.token.as_str()) {
            return error(
                StatusCode::FORBIDDEN,
                "a change needs the token in the X-Schuilnaam-Token header",
            );
        }
    }
    next.run(request).await
}

impl Shared {
    fn authorised(&self, params: &Params) -> bool {
        params.token.as_deref() == Some(self.token.as_str())
    }

    fn document(&self, params: &Params) -> Option<&RunDocument> {
        let id = params.doc.as_deref()?;
        self.documents.iter().find(|d| d.document == id)
    }
}

/// The text of a document's input as the detectors saw it (XML: the extracted text).
fn input_text(document: &RunDocument) -> crate::error::Result<String> {
    crate::read::read_file(
        &document.input,
        &document.document,
        crate::read::DEFAULT_MAX_SIZE,
    )
    .map(|doc| doc.text)
}

/// A document's input text and the substitutions of its log, or the error response.
fn text_and_log(
    document: &RunDocument,
    log: &std::path::Path,
) -> Result<(String, Vec<super::Substitution>), Box<Response>> {
    let text = input_text(document)
        .map_err(|e| Box::new(error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())))?;
    let substitutions = read_log(log).map_err(|e| Box::new(review_error(e)))?;
    Ok((text, substitutions))
}

macro_rules! guard {
    ($state:expr, $params:expr) => {
        if !$state.authorised(&$params) {
            return error(StatusCode::FORBIDDEN, "wrong or missing token");
        }
    };
}

async fn page(State(state): State<Arc<Shared>>, Query(params): Query<Params>) -> Response {
    guard!(state, params);
    Html(PAGE).into_response()
}

async fn document_list(State(state): State<Arc<Shared>>, Query(params): Query<Params>) -> Response {
    guard!(state, params);
    let mut list = Vec::new();
    for (document, counts) in state.documents.iter().zip(&state.counts) {
        let (Some(output), Some(log)) = (&document.output, &document.log) else {
            continue;
        };
        let (replaced, kept, doubts) = match counts.get() {
            Some(counts) => *counts,
            None => {
                let substitutions = match read_log(log) {
                    Ok(s) => s,
                    Err(e) => return review_error(e),
                };
                let text = input_text(document).unwrap_or_default();
                let replaced = substitutions
                    .iter()
                    .filter(|s| s.action == crate::model::Action::Replace)
                    .count();
                *counts.get_or_init(|| {
                    (
                        replaced,
                        substitutions.len() - replaced,
                        // As the page lists them: one per kind and text.
                        flags::distinct_doubts(&text, &flags::flags(&text, &substitutions)),
                    )
                })
            }
        };
        let review = match load_review(&review_path(output), &document.document) {
            Ok(r) => r,
            Err(e) => return review_error(e),
        };
        list.push(json!({
            "document": document.document,
            "replaced": replaced,
            "kept": kept,
            "flags": doubts,
            "decisions": review.decisions.len(),
            "reviewed": review.reviewed,
            "path_names_a_person": document.path_names_a_replaced_person,
        }));
    }
    Json(json!({ "reviewer": state.reviewer, "documents": list })).into_response()
}

async fn document(State(state): State<Arc<Shared>>, Query(params): Query<Params>) -> Response {
    guard!(state, params);
    let Some(document) = state.document(&params) else {
        return error(StatusCode::NOT_FOUND, "no such document");
    };
    let (Some(output), Some(log)) = (&document.output, &document.log) else {
        return error(StatusCode::NOT_FOUND, "document has no output");
    };
    let (text, substitutions) = match text_and_log(document, log) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    let review = match load_review(&review_path(output), &document.document) {
        Ok(r) => r,
        Err(e) => return review_error(e),
    };
    Json(json!({
        "document": document.document,
        "flags": flags::flags(&text, &substitutions),
        "text": text,
        "substitutions": substitutions,
        "review": review,
    }))
    .into_response()
}

#[derive(Deserialize)]
struct ReviewedBody {
    reviewed: bool,
}

fn update_review(
    state: &Shared,
    params: &Params,
    change: impl FnOnce(&mut super::Review),
) -> Response {
    let Some(document) = state.document(params) else {
        return error(StatusCode::NOT_FOUND, "no such document");
    };
    let Some(output) = &document.output else {
        return error(StatusCode::NOT_FOUND, "document has no output");
    };
    let _saving = state.saving.lock().expect("not poisoned");
    let path = review_path(output);
    let mut review = match load_review(&path, &document.document) {
        Ok(r) => r,
        Err(e) => return review_error(e),
    };
    change(&mut review);
    match save_review(&path, &review) {
        Ok(()) => Json(review).into_response(),
        Err(e) => review_error(e),
    }
}

async fn decide(
    State(state): State<Arc<Shared>>,
    Query(params): Query<Params>,
    Json(kind): Json<DecisionKind>,
) -> Response {
    guard!(state, params);
    let Some(document) = state.document(&params) else {
        return error(StatusCode::NOT_FOUND, "no such document");
    };
    let Some(log) = &document.log else {
        return error(StatusCode::NOT_FOUND, "document has no output");
    };
    let (text, substitutions) = match text_and_log(document, log) {
        Ok(read) => read,
        Err(response) => return *response,
    };
    if let Err(reason) = super::validate_decision(&kind, text.chars().count(), &substitutions) {
        return error(StatusCode::UNPROCESSABLE_ENTITY, reason);
    }
    let reviewer = state.reviewer.clone();
    update_review(&state, &params, |review| {
        review.decisions.push(Decision {
            kind,
            reviewer,
            at: now_utc(),
        })
    })
}

async fn undo(State(state): State<Arc<Shared>>, Query(params): Query<Params>) -> Response {
    guard!(state, params);
    update_review(&state, &params, |review| {
        review.decisions.pop();
    })
}

async fn mark_reviewed(
    State(state): State<Arc<Shared>>,
    Query(params): Query<Params>,
    Json(body): Json<ReviewedBody>,
) -> Response {
    guard!(state, params);
    let reviewer = state.reviewer.clone();
    update_review(&state, &params, |review| {
        review.reviewed = body.reviewed;
        review.reviewer = Some(reviewer);
        review.reviewed_at = Some(now_utc());
    })
}

/// Takes the folder's review lock, or says that another server holds it.
fn lock_folder(out_dir: &std::path::Path) -> Result<std::fs::File, ReviewError> {
    let path = out_dir.join(LOCK_FILE);
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(&path).map_err(|source| FileError::Write {
        path: path.clone(),
        source,
    })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(ReviewError::Invalid {
            path,
            reason: "another review server is serving this folder; use that one, or stop it first"
                .into(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(FileError::Write { path, source }.into()),
    }
}

/// The review server for the run in `out_dir`; returns the URL once listening and serves
/// until the process ends.
pub fn serve(
    out_dir: PathBuf,
    port: u16,
    reviewer: String,
    on_ready: impl FnOnce(&str),
) -> Result<(), ReviewError> {
    let documents = super::run_documents(&out_dir)?;
    // Held until the server stops: two servers on one folder would overwrite each other's
    // decisions.
    let _lock = lock_folder(&out_dir)?;
    let token = random_token().map_err(|source| FileError::Read {
        path: "/dev/urandom".into(),
        source,
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|source| ReviewError::Server {
            doing: "cannot start its runtime".into(),
            source,
        })?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|source| ReviewError::Server {
                doing: format!("cannot listen on 127.0.0.1:{port}"),
                source,
            })?;
        let address = listener
            .local_addr()
            .map_err(|source| ReviewError::Server {
                doing: "cannot read its own address".into(),
                source,
            })?;
        let shared = Arc::new(Shared {
            counts: documents.iter().map(|_| OnceLock::new()).collect(),
            documents,
            reviewer,
            token: token.clone(),
            hosts: [
                format!("127.0.0.1:{}", address.port()),
                format!("localhost:{}", address.port()),
            ],
            saving: Mutex::new(()),
        });
        let app = Router::new()
            .route("/", get(page))
            .route("/api/documents", get(document_list))
            .route("/api/document", get(document))
            .route("/api/decide", post(decide))
            .route("/api/undo", post(undo))
            .route("/api/reviewed", post(mark_reviewed))
            .layer(middleware::from_fn_with_state(
                shared.clone(),
                same_site_only,
            ))
            .with_state(shared);
        on_ready(&format!("http://{address}/?token={token}"));
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|source| ReviewError::Server {
                doing: format!("stopped serving {address}"),
                source,
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_tokens() {
        let now = now_utc();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z'));
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
