//! Stage 5, **write**: render the pseudonymised document (plain text, or XML spliced back
//! into the original bytes) and its substitution log, and write files atomically.
//!
//! # Substitution log (JSON Lines)
//!
//! One JSON object per line, each with a `type`:
//!
//! * `begin`: `document`, `format` (`text` | `xml` | `docx`), `chars` (code points of the text),
//!   `style`, `version`, `input_sha256` (of the input file's bytes).
//! * `substitution`: one per replaced or kept span, in text order:
//!   `document`; `action` (`replace` | `keep`); `start`, `end` (Unicode code points into
//!   the input text, end exclusive; for XML into the text as extracted); `output_start`,
//!   `output_end` (code points into the output text); `element` (XML element path of the
//!   start, or null); `original`; `replacement` (null for keep); `category`; `label`
//!   (placeholder word when it differs from the category's, or null); `detector`;
//!   `confidence` (0..1); `evidence` (`pattern` | `context` | `checksum` | `model`); `context` (up
//!   to 40 code points either side of the span in the input text); `entity` (`e1`, `e2`
//!   ...; null for keep); `reason`.
//! * `end`: `document`, `replaced`, `kept`, `entities`, `output_sha256` (of the output
//!   file's bytes). A log that ends with this record belongs to a whole output.
//! * `decision` (published logs from `apply` only): `document`, `decision` (the editor's
//!   decision as saved by `review`, with `action`, `reviewer` and `at`).
//!
//! Logs contain the original personal data, so they are created with mode 0600.

mod docx;

use crate::model::{Action, Category, Document, Evidence, Format, Resolution};
use crate::read::raw_offset;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Code points of context either side of a span in the log.
pub const CONTEXT_CHARS: usize = 40;

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LogRecord {
    Begin {
        document: String,
        format: Format,
        chars: usize,
        style: String,
        version: String,
        /// SHA-256 of the input file's bytes: `run --resume` sees whether the input is
        /// still the one the log speaks of.
        input_sha256: String,
    },
    Substitution(Substitution),
    End {
        document: String,
        replaced: usize,
        kept: usize,
        entities: usize,
        /// SHA-256 of the output file's bytes: with this record the log proves that its
        /// output was written whole (`run --resume`).
        output_sha256: String,
    },
    /// Something the pipeline is unsure of ("twijfel"), as `review` shows it first: a
    /// low-confidence replacement, a capitalised word that is no Dutch word and was left, a
    /// long number no rule explains, a replaced surname left standing alone, a place kept
    /// where editors sometimes replace it. Offsets in code points of the input text. The
    /// message quotes the text it is about, so the log stays as private as the input.
    Doubt {
        document: String,
        kind: String,
        start: usize,
        end: usize,
        message: String,
    },
    /// An editor's decision, recorded by `apply`: the decision as saved by `review`.
    Decision {
        document: String,
        decision: serde_json::Value,
    },
}

/// One `substitution` line of the log; `review` and `apply` read them back.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Substitution {
    pub document: String,
    pub action: Action,
    pub start: usize,
    pub end: usize,
    pub output_start: usize,
    pub output_end: usize,
    pub element: Option<String>,
    pub original: String,
    pub replacement: Option<String>,
    pub category: Category,
    pub label: Option<String>,
    pub detector: String,
    pub confidence: f32,
    pub evidence: Evidence,
    pub context: String,
    pub entity: Option<String>,
    pub reason: String,
}

/// Whether a word of three or more letters of a replaced person's name (not a surname prefix
/// such as "van" or "der") is a word of `relative`, the input's path below its root: outputs
/// and logs mirror that path, so "zaak Hoogendoorn/vonnis.docx" would publish the name the text
/// no longer holds. `run` and `apply` warn about such a path.
pub fn path_names_a_replaced_person<'a>(
    relative: &Path,
    substitutions: impl IntoIterator<Item = &'a Substitution>,
) -> bool {
    let words_of = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.chars().count() >= 3)
            .map(str::to_lowercase)
            .filter(|word| !crate::detect::SURNAME_PREFIXES.contains(&word.as_str()))
            .collect()
    };
    let path_words = words_of(&relative.to_string_lossy());
    substitutions.into_iter().any(|substitution| {
        substitution.action == Action::Replace
            && substitution.category == Category::Person
            && words_of(&substitution.original)
                .iter()
                .any(|word| path_words.contains(word))
    })
}

/// The substitution records of a log, in its order.
fn substitutions_of(log: &[LogRecord]) -> impl Iterator<Item = &Substitution> {
    log.iter().filter_map(|record| match record {
        LogRecord::Substitution(substitution) => Some(substitution),
        _ => None,
    })
}

/// A rendered document: the bytes to write, the output text and the log.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub output: Vec<u8>,
    pub output_text: String,
    pub log: Vec<LogRecord>,
}

impl Rendered {
    /// The substitution records of the log.
    pub fn substitutions(&self) -> impl Iterator<Item = &Substitution> {
        substitutions_of(&self.log)
    }

    /// The log as JSON Lines.
    pub fn log_jsonl(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for record in &self.log {
            serde_json::to_writer(&mut out, record).expect("log records serialise");
            out.push(b'\n');
        }
        out
    }
}

/// Code-point offsets of byte offsets in one text, without counting from its start each time:
/// a ruling that names one person thousands of times would otherwise cost the square of its
/// length (a 1 MB text of 8,000 mentions took 3 s in the doubts' pass).
pub(crate) struct CharOffsets<'a> {
    text: &'a str,
    /// (byte, code points before it) every [`CharOffsets::STRIDE`] bytes or so.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> CharOffsets<'a> {
    const STRIDE: usize = 1024;

    pub(crate) fn new(text: &'a str) -> CharOffsets<'a> {
        let mut checkpoints = vec![(0, 0)];
        let mut last = 0;
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            if byte - last >= Self::STRIDE {
                checkpoints.push((byte, chars));
                last = byte;
            }
        }
        CharOffsets { text, checkpoints }
    }

    /// The code points before byte `byte` (a character boundary).
    pub(crate) fn at(&self, byte: usize) -> usize {
        let index = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (from, chars) = self.checkpoints[index];
        chars + self.text[from..byte].chars().count()
    }

    /// The byte where code point `at` starts (the text's length past its end).
    pub(crate) fn byte(&self, at: usize) -> usize {
        let index = self.checkpoints.partition_point(|&(_, c)| c <= at) - 1;
        let (from, chars) = self.checkpoints[index];
        self.text[from..]
            .char_indices()
            .nth(at - chars)
            .map_or(self.text.len(), |(byte, _)| from + byte)
    }

    /// The text of code points `start..end`.
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.byte(start)..self.byte(end)]
    }
}

fn context(text: &str, start: usize, end: usize) -> String {
    let before: Vec<char> = text[..start].chars().rev().take(CONTEXT_CHARS).collect();
    let after = text[end..].chars().take(CONTEXT_CHARS);
    before
        .into_iter()
        .rev()
        .chain(text[start..end].chars())
        .chain(after)
        .collect()
}

/// Renders the output and the log of a resolved document whose entities have pseudonyms.
/// Fails only when a .docx package cannot be written back.
pub fn render(
    doc: &Document,
    resolution: &Resolution,
    style: &str,
) -> Result<Rendered, crate::error::Error> {
    render_with(doc, resolution, style, false)
}

/// [`render`], with a Word document's replacements written as tracked changes and its kept
/// names and doubts as comments when `docx_review` (other formats are not affected).
pub fn render_with(
    doc: &Document,
    resolution: &Resolution,
    style: &str,
    docx_review: bool,
) -> Result<Rendered, crate::error::Error> {
    let text = &doc.text;
    let mut output_text = String::with_capacity(text.len());
    let input_chars = CharOffsets::new(text);
    let mut output_chars = 0usize;
    let mut copied_to = 0usize;
    let mut log = vec![LogRecord::Begin {
        document: doc.id.clone(),
        format: doc.format,
        chars: text.chars().count(),
        style: style.to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        input_sha256: sha256_hex(&doc.source),
    }];
    let (mut replaced, mut kept) = (0, 0);
    for (position, mention) in resolution.mentions.iter().enumerate() {
        let span = &mention.span;
        let gap = &text[copied_to..span.start];
        output_text.push_str(gap);
        output_chars += gap.chars().count();
        let original = &text[span.start..span.end];
        let entity = mention.entity.map(|i| &resolution.entities[i]);
        let written = match (mention.action, entity) {
            (Action::Replace, Some(entity)) => {
                replaced += 1;
                resolution
                    .forms
                    .get(&position)
                    .map_or(entity.pseudonym.as_str(), String::as_str)
            }
            _ => {
                kept += 1;
                original
            }
        };
        output_text.push_str(written);
        let output_start = output_chars;
        output_chars += written.chars().count();
        copied_to = span.end;
        log.push(LogRecord::Substitution(Substitution {
            document: doc.id.clone(),
            action: mention.action,
            start: input_chars.at(span.start),
            end: input_chars.at(span.end),
            output_start,
            output_end: output_chars,
            element: doc.element_path_at(span.start),
            original: original.to_string(),
            replacement: entity.map(|_| written.to_string()),
            category: span.category,
            label: span.label.clone(),
            detector: span.detector.clone(),
            confidence: span.confidence,
            evidence: span.evidence,
            context: context(text, span.start, span.end),
            entity: entity.map(|e| e.id.clone()),
            reason: mention.reason.clone(),
        }));
    }
    output_text.push_str(&text[copied_to..]);
    // The doubts the review will show first, logged so that whoever reads the log sees
    // what the pipeline was unsure of.
    let substitutions: Vec<Substitution> = substitutions_of(&log).cloned().collect();
    for flag in crate::review::flags::flags(&doc.text, &substitutions) {
        log.push(LogRecord::Doubt {
            document: doc.id.clone(),
            kind: flag.kind.to_string(),
            start: flag.start,
            end: flag.end,
            message: flag.message,
        });
    }
    let output = match doc.format {
        Format::Text => {
            let mut bytes = Vec::with_capacity(output_text.len() + 3);
            if doc.has_bom {
                bytes.extend_from_slice(b"\xEF\xBB\xBF");
            }
            bytes.extend_from_slice(output_text.as_bytes());
            bytes
        }
        Format::Xml => apply_edits(
            &doc.source,
            &xml_edits(doc, resolution, &doc.source, escape_xml),
        ),
        Format::Docx => {
            let package = doc
                .package
                .as_deref()
                .expect("a .docx document has its package");
            if docx_review {
                let notes = review_notes(doc, resolution, &log);
                let date = crate::review::server::now_utc();
                docx::write_tracked(doc, package, resolution, &notes, &date)?
            } else {
                let edits = xml_edits(doc, resolution, &package.xml, escape_xml_attribute);
                docx::write_package(doc, package, &edits)?
            }
        }
    };
    log.push(LogRecord::End {
        document: doc.id.clone(),
        replaced,
        kept,
        entities: resolution.entities.len(),
        output_sha256: sha256_hex(&output),
    });
    Ok(Rendered {
        output,
        output_text,
        log,
    })
}

/// The comments of a Word review: every kept name with why it was kept, and every doubt.
fn review_notes(doc: &Document, resolution: &Resolution, log: &[LogRecord]) -> Vec<docx::Note> {
    let mut notes: Vec<docx::Note> = resolution
        .mentions
        .iter()
        .filter(|m| {
            m.action == Action::Keep
                && matches!(
                    m.span.category,
                    Category::Person
                        | Category::Professional
                        | Category::Place
                        | Category::Organisation
                )
        })
        .map(|m| docx::Note {
            at: m.span.start,
            text: format!("kept: {}", m.reason),
        })
        .collect();
    let starts: Vec<usize> = doc.text.char_indices().map(|(at, _)| at).collect();
    for record in log {
        if let LogRecord::Doubt { start, message, .. } = record {
            if let Some(&at) = starts.get(*start) {
                notes.push(docx::Note {
                    at,
                    text: format!("twijfel: {message}"),
                });
            }
        }
    }
    notes.sort_by_key(|note| note.at);
    notes
}

/// SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes for text and for attribute values in either quote (a .docx author).
fn escape_xml_attribute(text: &str) -> String {
    escape_xml(text)
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// One piece of a replaced mention: the part of the text range `start..end` that lies in
/// segment `segment`, with the pseudonym on the mention's first piece only (the later pieces
/// lose their part of the span).
struct ReplacedPiece<'a> {
    segment: usize,
    start: usize,
    end: usize,
    pseudonym: Option<&'a str>,
}

/// Every piece of every replaced mention, mention by mention, in segment order.
fn replaced_pieces<'a>(
    doc: &'a Document,
    resolution: &'a Resolution,
) -> impl Iterator<Item = ReplacedPiece<'a>> + 'a {
    resolution
        .mentions
        .iter()
        .enumerate()
        .filter_map(|(position, mention)| {
            let entity = &resolution.entities[mention.entity?];
            let written = resolution.forms.get(&position).unwrap_or(&entity.pseudonym);
            Some((mention.span.start, mention.span.end, written.as_str()))
        })
        .flat_map(move |(start, end, written)| {
            let first = doc.segments.partition_point(|s| s.text_end <= start);
            doc.segments[first..]
                .iter()
                .take_while(move |s| s.text_start < end)
                .enumerate()
                .map(move |(k, _)| ReplacedPiece {
                    segment: first + k,
                    start,
                    end,
                    pseudonym: (k == 0).then_some(written),
                })
        })
}

/// Where the replacements go in XML source bytes (`source`: the file for Rechtspraak XML,
/// the laid-out parts for .docx): the first text node a span touches gets the pseudonym,
/// later ones lose their part of the span, and every tag stays where it was. Edits are
/// byte ranges of `source` with their new text, in source order.
fn xml_edits(
    doc: &Document,
    resolution: &Resolution,
    source: &[u8],
    escape: fn(&str) -> String,
) -> Vec<(usize, usize, String)> {
    let mut edits: Vec<(usize, usize, String)> = replaced_pieces(doc, resolution)
        .map(|piece| {
            segment_edit(
                source,
                &doc.segments[piece.segment],
                piece.start,
                piece.end,
                piece.pseudonym,
                escape,
            )
        })
        .collect();
    edits.sort_by_key(|&(start, _, _)| start);
    edits
}

/// The edit that writes `replacement` (or nothing, for the later pieces of a span) over the
/// part of the text range `start..end` that lies in `segment`.
fn segment_edit(
    source: &[u8],
    segment: &crate::model::Segment,
    start: usize,
    end: usize,
    replacement: Option<&str>,
    escape: fn(&str) -> String,
) -> (usize, usize, String) {
    let raw = std::str::from_utf8(&source[segment.source_start..segment.source_end])
        .expect("validated as UTF-8 when read");
    let to_source = |offset: usize| {
        let local = offset.clamp(segment.text_start, segment.text_end) - segment.text_start;
        segment.source_start
            + if segment.escaped {
                raw_offset(raw, local)
            } else {
                local
            }
    };
    let replacement = match replacement {
        None => String::new(),
        Some(written) if segment.cdata => written.replace("]]>", "]] >"),
        Some(written) => escape(written),
    };
    (to_source(start), to_source(end), replacement)
}

/// `source` with `edits` (sorted, not overlapping, offsets relative to `source`) made.
fn apply_edits(source: &[u8], edits: &[(usize, usize, String)]) -> Vec<u8> {
    let mut output = Vec::with_capacity(source.len());
    let mut copied_to = 0;
    for (start, end, replacement) in edits {
        output.extend_from_slice(&source[copied_to..*start]);
        output.extend_from_slice(replacement.as_bytes());
        copied_to = *end;
    }
    output.extend_from_slice(&source[copied_to..]);
    output
}

/// What a document's log is called: its output's name plus this.
pub const LOG_SUFFIX: &str = ".log.jsonl";

/// Where the log of `output` goes.
pub fn log_path(output: &Path) -> PathBuf {
    let mut name = output.as_os_str().to_os_string();
    name.push(LOG_SUFFIX);
    PathBuf::from(name)
}

/// Writes a rendered document's log and then its output beside it, each atomically; the
/// log has mode 0600, the output 0644 unless `private` (an input others may not read gives
/// an output they may not read either). The log comes first, so that an output never
/// stands without its log, even after `kill -9`; if the output cannot be written the log is
/// taken back.
pub fn write_document(
    output: &Path,
    rendered: &Rendered,
    private: bool,
) -> Result<(), crate::error::Error> {
    let log = log_path(output);
    write_atomic(&log, &rendered.log_jsonl(), true).map_err(|source| {
        crate::error::Error::Write {
            path: log.clone(),
            source,
        }
    })?;
    write_atomic(output, &rendered.output, private).map_err(|source| {
        let _ = std::fs::remove_file(&log);
        crate::error::Error::Write {
            path: output.to_path_buf(),
            source,
        }
    })
}

/// Whether others than the owner may not read a file (no group or other read bit): the
/// output of such an input is written private too.
pub fn is_private(metadata: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        metadata.permissions().mode() & 0o044 == 0
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        false
    }
}

/// How the temporary files of [`write_atomic`] end.
pub const TEMP_SUFFIX: &str = ".schuilnaam-tmp";

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader never sees half a file. The temporary file has an unpredictable name and is
/// created exclusively (`O_EXCL`): a symlink or file planted there is never followed or
/// reused. `private` creates the file with mode 0600, else 0644.
pub fn write_atomic(path: &Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX).rand_bytes(12);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(if private {
            0o600
        } else {
            0o644
        }));
    }
    let mut temp = builder.tempfile_in(dir).map_err(without_temporary_name)?;
    // Through the file itself: the temporary file's own writer adds its random name to every
    // error, and the caller names the path that matters ("OUT/a.txt: cannot write: No space
    // left on device"). Dropping `temp` on an error removes it.
    temp.as_file_mut().write_all(bytes)?;
    temp.as_file_mut().flush()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The operating system's error without the temporary file's random name `tempfile` adds to
/// it ("Permission denied (os error 13) at path \"OUT/.a.txt.x7Qk….schuilnaam-tmp\""): the
/// caller names the file the operator asked for.
fn without_temporary_name(error: std::io::Error) -> std::io::Error {
    let os_error = error
        .get_ref()
        .and_then(std::error::Error::source)
        .and_then(|source| source.downcast_ref::<std::io::Error>())
        .and_then(std::io::Error::raw_os_error);
    match os_error {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => error,
    }
}

/// Removes the temporary files a killed run left under `dir` (names that start with `.`
/// and end with [`TEMP_SUFFIX`]; links are not followed). Returns how many it removed.
pub fn remove_stale_temporaries(dir: &Path) -> std::io::Result<usize> {
    let mut removed = 0;
    if !dir.is_dir() {
        return Ok(0);
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(std::io::Error::other)?;
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && name.starts_with('.') && name.ends_with(TEMP_SUFFIX) {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Mention, Span};
    use std::path::Path;

    #[test]
    fn char_offsets_count_code_points_across_checkpoints() {
        // Two-byte and three-byte characters, over several checkpoints.
        let text = "é€a".repeat(2000);
        let offsets = CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate().step_by(7) {
            assert_eq!(offsets.at(byte), chars);
            assert_eq!(offsets.byte(chars), byte);
        }
        assert_eq!(offsets.at(text.len()), 6000);
        assert_eq!(offsets.byte(6000), text.len());
        assert_eq!(offsets.slice(2999, 3002), "aé€");
    }

    fn replace_all(doc: &Document, needle: &str, pseudonym: &str) -> Resolution {
        let mut resolution = Resolution::default();
        resolution.entities.push(Entity {
            id: "e1".into(),
            category: Category::Person,
            label: None,
            normalised: needle.into(),
            pseudonym: pseudonym.into(),
        });
        for (start, _) in doc.text.match_indices(needle) {
            resolution.mentions.push(Mention {
                span: Span {
                    start,
                    end: start + needle.len(),
                    category: Category::Person,
                    detector: "test".into(),
                    confidence: 1.0,
                    evidence: Evidence::Pattern,
                    normalised: needle.into(),
                    label: None,
                    reason: "test".into(),
                },
                action: Action::Replace,
                entity: Some(0),
                reason: "test".into(),
            });
        }
        resolution
    }

    #[test]
    fn text_offsets_are_code_points() {
        let doc = Document::from_text("t", "Café Jansen én Jansen");
        let rendered = render(
            &doc,
            &replace_all(&doc, "Jansen", "[persoon 1]"),
            "rechtspraak",
        )
        .unwrap();
        assert_eq!(rendered.output_text, "Café [persoon 1] én [persoon 1]");
        let LogRecord::Substitution(first) = &rendered.log[1] else {
            panic!("expected a substitution");
        };
        assert_eq!((first.start, first.end), (5, 11));
        let chars: Vec<char> = rendered.output_text.chars().collect();
        let written: String = chars[first.output_start..first.output_end].iter().collect();
        assert_eq!(written, "[persoon 1]");
    }

    #[test]
    fn xml_splice_keeps_tags_and_metadata() {
        let xml = "<open-rechtspraak><rdf:RDF>Jansen</rdf:RDF><uitspraak><para>De heer <emphasis>Jan</emphasis>sen &amp; Jansen</para></uitspraak></open-rechtspraak>";
        let doc =
            crate::read::parse(Path::new("x.xml"), "x", xml.as_bytes().to_vec(), 1 << 20).unwrap();
        let rendered = render(&doc, &replace_all(&doc, "Jansen", "[A&B]"), "rechtspraak").unwrap();
        let output = String::from_utf8(rendered.output).unwrap();
        assert_eq!(
            output,
            "<open-rechtspraak><rdf:RDF>Jansen</rdf:RDF><uitspraak><para>De heer <emphasis>[A&amp;B]</emphasis> &amp; [A&amp;B]</para></uitspraak></open-rechtspraak>"
        );
    }

    #[test]
    fn atomic_write_creates_private_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/log.jsonl");
        write_atomic(&path, b"x", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"x");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(
            std::fs::read_dir(dir.path().join("sub")).unwrap().count(),
            1
        );
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_never_follows_a_planted_link_or_reuses_a_planted_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "untouched").unwrap();
        // What the old, predictable name was: links and 0644 files planted there.
        let log = dir.path().join("vonnis.log");
        let predictable = dir
            .path()
            .join(format!(".vonnis.log.{}.schuilnaam-tmp", std::process::id()));
        std::os::unix::fs::symlink(&target, &predictable).unwrap();
        write_atomic(&log, b"originals", true).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"untouched");
        let mode = std::fs::metadata(&log).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(std::fs::symlink_metadata(&predictable)
            .unwrap()
            .is_symlink());
    }

    #[test]
    fn stale_temporaries_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/.x.txt.abc.schuilnaam-tmp"), "half").unwrap();
        std::fs::write(dir.path().join("a/x.txt"), "whole").unwrap();
        assert_eq!(remove_stale_temporaries(dir.path()).unwrap(), 1);
        assert!(dir.path().join("a/x.txt").exists());
        assert_eq!(std::fs::read_dir(dir.path().join("a")).unwrap().count(), 1);
    }
}
