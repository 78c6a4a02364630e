//! Library errors. Every variant names the file it concerns and the reason, so that a batch
//! report line is useful on its own.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {size} bytes is over the size limit of {limit} bytes (see --max-size)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: more than {limit} bytes, over the size limit (see --max-size); reading stopped there")]
    StreamTooLarge { path: PathBuf, limit: u64 },
    #[error(
        "{path}: not valid UTF-8 (first bad byte at offset {offset}); save it as UTF-8 \
         (text from Windows: iconv -f WINDOWS-1252 -t UTF-8)"
    )]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: unsupported format: {reason}")]
    UnsupportedFormat { path: PathBuf, reason: String },
    #[error("{path}: malformed XML at byte {offset}: {reason}")]
    MalformedXml {
        path: PathBuf,
        offset: u64,
        reason: String,
    },
    #[error("{path}: malformed Word document: {reason}")]
    MalformedDocx { path: PathBuf, reason: String },
    #[error("{path}: too complex to process safely: {reason}")]
    TooComplex { path: PathBuf, reason: String },
    #[error("{path}: output exists (use --force to overwrite)")]
    OutputExists { path: PathBuf },
    #[error("{path}: invalid configuration: {reason}")]
    Config { path: PathBuf, reason: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
