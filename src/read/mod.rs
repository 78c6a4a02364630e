//! Stage 1, **read**: turn the bytes of a file into a [`Document`].
//!
//! The format is decided by content, not by extension: after an optional UTF-8 BOM and
//! whitespace, a document that starts with `<` must be Rechtspraak open-data XML
//! (`<open-rechtspraak>` root); a ZIP archive must be a Word document (`word/document.xml`
//! inside); a PDF, RTF, Word 97–2003 or UTF-16 file is refused by name (see
//! [`OTHER_FORMATS`]); anything else must be UTF-8 text without NUL bytes, unless the file is
//! named `.docx`: then it is a broken Word document and refused.

pub mod docx;
mod text;
mod xml;

pub(crate) use xml::raw_offset;

use crate::error::{Error, Result};
use crate::model::Document;
use std::path::Path;

/// The default per-document size limit. Real rulings are rarely above 1 MB; the limit stops
/// a misplaced database dump or video from eating the batch's memory.
pub const DEFAULT_MAX_SIZE: u64 = 32 * 1024 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Formats an editor may hand over that this tool does not read, by their first bytes, and
/// what to do instead. Without this an RTF file or a PDF whose first part is plain ASCII was
/// read as text: its markup split names (`Jan \b de Vries\b0`), nothing was found and the
/// file was written out as if pseudonymised.
pub const OTHER_FORMATS: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "a Word 97-2003 document (.doc) or another OLE compound file (a Word file with a \
         password is one too: remove the password)",
    ),
    (b"\xFF\xFE", "UTF-16 text (little-endian)"),
    (b"\xFE\xFF", "UTF-16 text (big-endian)"),
];

/// The name of the format `bytes` is in when it is one of [`OTHER_FORMATS`].
fn other_format(bytes: &[u8]) -> Option<&'static str> {
    OTHER_FORMATS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, name)| name)
}

/// Whether the file's name ends in `.docx` (any case).
fn named_as_word(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("docx"))
}

/// Reads a file from disk, refusing files over `max_size` bytes before loading them.
pub fn read_file(path: &Path, id: &str, max_size: u64) -> Result<Document> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > max_size {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: max_size,
        });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    parse(path, id, bytes, max_size)
}

/// Reads one document from a stream (stdin), stopping as soon as it passes `max_size`
/// bytes: a huge stream is refused without being held in memory.
pub fn read_stream(
    stream: impl std::io::Read,
    path: &Path,
    id: &str,
    max_size: u64,
) -> Result<Document> {
    use std::io::Read;
    let mut bytes = Vec::new();
    stream
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > max_size {
        return Err(Error::StreamTooLarge {
            path: path.to_path_buf(),
            limit: max_size,
        });
    }
    parse(path, id, bytes, max_size)
}

/// Parses bytes already in memory (stdin, tests). `path` is only used in error messages.
pub fn parse(path: &Path, id: &str, bytes: Vec<u8>, max_size: u64) -> Result<Document> {
    if bytes.len() as u64 > max_size {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: max_size,
        });
    }
    if docx::is_zip(&bytes) {
        return docx::parse(path, id, bytes, max_size);
    }
    if named_as_word(path) {
        // The content decides the format, but a file named .docx that is no ZIP archive is a
        // broken copy (an interrupted download, a failed export), not text: read as text it
        // was written back under its .docx name, an "output" that Word cannot open either.
        let what = if bytes.is_empty() {
            "an empty file"
        } else {
            other_format(&bytes).unwrap_or("no ZIP archive")
        };
        return Err(Error::UnsupportedFormat {
            path: path.to_path_buf(),
            reason: format!(
                "named .docx but {what}, so no Word document; open the original in Word and \
                 save it again as .docx, or rename it .txt if it is text"
            ),
        });
    }
    if let Some(format) = other_format(&bytes) {
        return Err(Error::UnsupportedFormat {
            path: path.to_path_buf(),
            reason: format!(
                "{format}; save it as UTF-8 text or Word (.docx), or give the Rechtspraak XML"
            ),
        });
    }
    let has_bom = bytes.starts_with(BOM);
    let body_start = if has_bom { BOM.len() } else { 0 };
    let body = std::str::from_utf8(&bytes[body_start..]).map_err(|e| Error::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: body_start + e.valid_up_to(),
    })?;
    if body.trim_start().starts_with('<') {
        xml::parse(path, id, &bytes, body_start)
    } else {
        if let Some(offset) = body.find('\0') {
            return Err(Error::UnsupportedFormat {
                path: path.to_path_buf(),
                reason: format!(
                    "binary data (NUL byte at offset {}); expected UTF-8 text or Rechtspraak XML",
                    body_start + offset
                ),
            });
        }
        let text = body.to_string();
        Ok(text::document(id, text, bytes, has_bom))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(bytes: &[u8]) -> Result<Document> {
        parse(Path::new("t.txt"), "t", bytes.to_vec(), DEFAULT_MAX_SIZE)
    }

    #[test]
    fn text_keeps_crlf_and_strips_bom_from_text() {
        let doc = parse_str(b"\xEF\xBB\xBFEerste regel\r\nTweede").unwrap();
        assert!(doc.has_bom);
        assert_eq!(doc.text, "Eerste regel\r\nTweede");
    }

    #[test]
    fn invalid_utf8_names_offset() {
        let err = parse_str(b"abc\xFFdef").unwrap_err().to_string();
        assert!(err.contains("t.txt") && err.contains("offset 3"), "{err}");
        assert!(
            err.contains("iconv -f WINDOWS-1252"),
            "the error says how to convert: {err}"
        );
    }

    #[test]
    fn a_file_named_docx_that_is_no_zip_archive_is_a_broken_word_document() {
        for (name, bytes, what) in [
            ("leeg.docx", &b""[..], "an empty file"),
            (
                "Uitspraak.DOCX",
                b"Jan de Vries woont te Utrecht.",
                "no ZIP archive",
            ),
            (
                "oud.docx",
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
                "Word 97-2003",
            ),
        ] {
            let err = parse(Path::new(name), "t", bytes.to_vec(), DEFAULT_MAX_SIZE)
                .unwrap_err()
                .to_string();
            assert!(err.contains(name) && err.contains(what), "{err}");
            assert!(err.contains("save it again as .docx"), "{err}");
        }
        // Named otherwise, the same bytes are text.
        let doc = parse(
            Path::new("uitspraak.txt"),
            "t",
            b"Jan de Vries woont te Utrecht.".to_vec(),
            DEFAULT_MAX_SIZE,
        )
        .unwrap();
        assert_eq!(doc.text, "Jan de Vries woont te Utrecht.");
    }

    #[test]
    fn binary_is_refused() {
        let err = parse_str(b"abc\0def").unwrap_err().to_string();
        assert!(err.contains("binary"), "{err}");
    }

    #[test]
    fn pdf_rtf_doc_and_utf16_are_refused_by_name() {
        for (bytes, name) in [
            (&b"%PDF-1.7\nJan de Vries"[..], "PDF"),
            (b"{\\rtf1\\ansi Jan \\b de Vries\\b0}", "RTF"),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", "Word 97-2003"),
            (b"\xFF\xFEJ\0a\0n\0", "UTF-16"),
        ] {
            let err = parse_str(bytes).unwrap_err().to_string();
            assert!(err.contains("t.txt") && err.contains(name), "{err}");
        }
    }

    #[test]
    fn text_that_mentions_a_format_is_still_text() {
        let doc = parse_str(b"Bijlage: brief.pdf en {\\rtf} als voorbeeld").unwrap();
        assert!(doc.text.starts_with("Bijlage"));
    }

    #[test]
    fn other_xml_is_refused() {
        let err = parse_str(b"<?xml version=\"1.0\"?><html><p>x</p></html>")
            .unwrap_err()
            .to_string();
        assert!(err.contains("open-rechtspraak"), "{err}");
    }

    #[test]
    fn a_stream_is_read_no_further_than_the_limit() {
        struct Endless(u64);
        impl std::io::Read for Endless {
            fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
                buffer.fill(b'a');
                self.0 += buffer.len() as u64;
                Ok(buffer.len())
            }
        }
        let mut endless = Endless(0);
        let err = read_stream(&mut endless, Path::new("<stdin>"), "-", 1000)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("<stdin>") && err.contains("size limit"),
            "{err}"
        );
        assert!(endless.0 < 100_000, "read {} bytes", endless.0);
        let doc = read_stream(&b"kort"[..], Path::new("<stdin>"), "-", 1000).unwrap();
        assert_eq!(doc.text, "kort");
    }

    #[test]
    fn size_limit() {
        let err = parse(Path::new("big.txt"), "big", vec![b'a'; 11], 10)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("big.txt") && err.contains("size limit"),
            "{err}"
        );
    }
}
