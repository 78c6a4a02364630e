//! Writes a `.docx` package back: the parts whose text changed are recompressed, every other
//! entry is copied with its compressed bytes and metadata as they were, in the same order.
//! A document with nothing replaced is written back byte for byte.
//!
//! For review in Word (`run --docx-review`) the replacements are tracked changes instead: the
//! run holding a replaced span is cut around it, the original goes into a `w:del` and the
//! pseudonym into a `w:ins`, both by author [`REVIEW_AUTHOR`]; kept names and doubts become
//! comments on their run. Spans Word cannot track (package fields, text already inside a
//! tracked change) are replaced as in a plain output.

use super::{apply_edits, escape_xml_attribute};
use crate::error::Error;
use crate::model::{Document, Package, Resolution, RunPlace};
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};

/// The author of schuilnaam's tracked changes and comments.
pub const REVIEW_AUTHOR: &str = "schuilnaam";
/// Ids of schuilnaam's tracked changes and comments start here, far above what Word gives.
const FIRST_ID: usize = 900_000;
const COMMENTS_PART: &str = "word/comments.xml";
/// Deflate level of rewritten parts: the fastest; XML still shrinks to about a fifth, and
/// the package stays a little larger than Word's own instead of costing more than the
/// pipeline.
const FAST_DEFLATE: i64 = 1;
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const COMMENTS_RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

/// The package with `edits` (byte ranges of [`Package::xml`], sorted) made.
pub(super) fn write_package(
    doc: &Document,
    package: &Package,
    edits: &[(usize, usize, String)],
) -> Result<Vec<u8>, Error> {
    let changed = changed_parts(package, edits);
    repackage(doc, changed, Vec::new())
}

/// The parts whose bytes `edits` change, with their new bytes.
fn changed_parts(package: &Package, edits: &[(usize, usize, String)]) -> HashMap<String, Vec<u8>> {
    let mut changed = HashMap::new();
    for part in &package.parts {
        let local: Vec<(usize, usize, String)> = edits
            .iter()
            .filter(|(start, _, _)| (part.start..part.end).contains(start))
            .map(|(start, end, text)| (start - part.start, end - part.start, text.clone()))
            .collect();
        let original = &package.xml[part.start..part.end];
        let rewritten = apply_edits(original, &local);
        if rewritten != original {
            changed.insert(part.name.clone(), rewritten);
        }
    }
    changed
}

fn write_failed(doc: &Document, reason: String) -> Error {
    Error::MalformedDocx {
        path: doc.id.clone().into(),
        reason: format!("cannot write the package back: {reason}"),
    }
}

/// The package with `changed` entries rewritten and `added` ones appended; the rest copied
/// raw. Nothing changed or added: the input's bytes.
fn repackage(
    doc: &Document,
    changed: HashMap<String, Vec<u8>>,
    added: Vec<(String, Vec<u8>)>,
) -> Result<Vec<u8>, Error> {
    let failed = |reason: String| write_failed(doc, reason);
    if changed.is_empty() && added.is_empty() {
        return Ok(doc.source.clone());
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(doc.source.as_slice()))
        .map_err(|e| failed(e.to_string()))?;
    let mut writer =
        zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(doc.source.len())));
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| failed(e.to_string()))?;
        let name = entry
            .name()
            .map_err(|e| failed(e.to_string()))?
            .into_owned();
        match changed.get(name.as_str()) {
            Some(bytes) => {
                let mut options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated)
                    .compression_level(Some(FAST_DEFLATE));
                if let Some(modified) = entry.last_modified() {
                    options = options.last_modified_time(modified);
                }
                drop(entry);
                writer
                    .start_file(name.as_str(), options)
                    .map_err(|e| failed(format!("{name}: {e}")))?;
                writer
                    .write_all(bytes)
                    .map_err(|e| failed(format!("{name}: {e}")))?;
            }
            None => writer
                .raw_copy_file(entry)
                .map_err(|e| failed(format!("{name}: {e}")))?,
        }
    }
    for (name, bytes) in added {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(FAST_DEFLATE));
        writer
            .start_file(name.as_str(), options)
            .map_err(|e| failed(format!("{name}: {e}")))?;
        writer
            .write_all(&bytes)
            .map_err(|e| failed(format!("{name}: {e}")))?;
    }
    let output = writer.finish().map_err(|e| failed(e.to_string()))?;
    Ok(output.into_inner())
}

/// A comment to anchor on the run holding a byte offset of the text.
pub(super) struct Note {
    pub at: usize,
    pub text: String,
}

/// One replaced piece of a `w:t`: byte range in the segment's text, and the pseudonym
/// (only on the first piece of a span).
struct Cut {
    start: usize,
    end: usize,
    pseudonym: Option<String>,
}

/// The package for review in Word: replacements as tracked changes, `notes` as comments.
pub(super) fn write_tracked(
    doc: &Document,
    package: &Package,
    resolution: &Resolution,
    notes: &[Note],
    date: &str,
) -> Result<Vec<u8>, Error> {
    let run_of = |segment: usize| -> Option<&RunPlace> {
        package
            .runs
            .get(segment)
            .and_then(Option::as_ref)
            .filter(|run| run.trackable)
    };
    let mut plain: Vec<(usize, usize, String)> = Vec::new();
    let mut cuts: BTreeMap<usize, Vec<Cut>> = BTreeMap::new();
    for piece in super::replaced_pieces(doc, resolution) {
        let segment = &doc.segments[piece.segment];
        if run_of(piece.segment).is_some() {
            cuts.entry(piece.segment).or_default().push(Cut {
                start: piece.start.max(segment.text_start) - segment.text_start,
                end: piece.end.min(segment.text_end) - segment.text_start,
                pseudonym: piece.pseudonym.map(str::to_string),
            });
        } else {
            plain.push(super::segment_edit(
                &package.xml,
                segment,
                piece.start,
                piece.end,
                piece.pseudonym,
                escape_xml_attribute,
            ));
        }
    }
    let mut next_id = FIRST_ID;
    let mut edits = plain;
    for (index, pieces) in cuts {
        let run = run_of(index).expect("cut only where a run may be cut");
        let segment = &doc.segments[index];
        let text = &doc.text[segment.text_start..segment.text_end];
        edits.push((
            run.run_start,
            run.run_end,
            cut_run(&package.xml, run, text, &pieces, date, &mut next_id),
        ));
    }
    // Comments: anchored on the run (of the main document) that holds each note's start.
    let mut comments = String::new();
    let main = package
        .parts
        .iter()
        .find(|p| p.name == crate::read::docx::MAIN_PART);
    for note in notes {
        let index = doc.segments.partition_point(|s| s.text_end <= note.at);
        let Some(run) = run_of(index) else {
            continue;
        };
        if !main.is_some_and(|p| (p.start..p.end).contains(&run.run_start)) {
            continue;
        }
        let id = next_id;
        next_id += 1;
        edits.push((
            run.run_start,
            run.run_start,
            format!("<w:commentRangeStart w:id=\"{id}\"/>"),
        ));
        edits.push((
            run.run_end,
            run.run_end,
            format!(
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
            ),
        ));
        comments.push_str(&format!(
            "<w:comment w:id=\"{id}\" w:author=\"{REVIEW_AUTHOR}\" w:date=\"{date}\" w:initials=\"SN\"><w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:comment>",
            escape_xml_attribute(&note.text)
        ));
    }
    let mut added = Vec::new();
    let mut extra: HashMap<String, Vec<u8>> = HashMap::new();
    if !comments.is_empty() {
        match package.parts.iter().find(|p| p.name == COMMENTS_PART) {
            Some(part) => {
                let xml = &package.xml[part.start..part.end];
                if let Some(close) = find_last(xml, b"</w:comments>") {
                    edits.push((part.start + close, part.start + close, comments));
                }
            }
            None => {
                let content_types = read_entry(doc, "[Content_Types].xml");
                let relationships = read_entry(doc, "word/_rels/document.xml.rels");
                if let (Some(types), Some(rels)) = (content_types, relationships) {
                    let types = insert_before_last(&types, "</Types>", &format!("<Override PartName=\"/{COMMENTS_PART}\" ContentType=\"{COMMENTS_TYPE}\"/>"));
                    let rels = insert_before_last(&rels, "</Relationships>", &format!("<Relationship Id=\"rIdSchuilnaamComments\" Type=\"{COMMENTS_RELATIONSHIP}\" Target=\"comments.xml\"/>"));
                    if let (Some(types), Some(rels)) = (types, rels) {
                        extra.insert("[Content_Types].xml".to_string(), types.into_bytes());
                        extra.insert(
                            "word/_rels/document.xml.rels".to_string(),
                            rels.into_bytes(),
                        );
                        added.push((
                            COMMENTS_PART.to_string(),
                            format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{comments}</w:comments>").into_bytes(),
                        ));
                    }
                }
                if added.is_empty() {
                    // No place for comments: drop their anchors too.
                    edits.retain(|(start, end, text)| !(start == end && text.contains("comment")));
                }
            }
        }
    }
    edits.sort_by_key(|&(start, end, _)| (start, end));
    let mut changed = changed_parts(package, &edits);
    changed.extend(extra);
    repackage(doc, changed, added)
}

/// The XML that takes the place of `run` (bytes of `xml`), its text cut at `cuts`: plain
/// runs for the kept text, `w:del` with the original and `w:ins` with the pseudonym for each
/// cut, all with the run's properties.
fn cut_run(
    xml: &[u8],
    run: &RunPlace,
    text: &str,
    cuts: &[Cut],
    date: &str,
    next_id: &mut usize,
) -> String {
    let slice = |start: usize, end: usize| String::from_utf8_lossy(&xml[start..end]).into_owned();
    let properties = run.properties.map_or(String::new(), |(s, e)| slice(s, e));
    let kept = |from: usize, to: usize| {
        format!(
            "<w:t xml:space=\"preserve\">{}</w:t>",
            escape_xml_attribute(&text[from..to])
        )
    };
    let mut id = || {
        *next_id += 1;
        *next_id - 1
    };
    let mut out = slice(run.run_start, run.text_start);
    let mut at = 0;
    for cut in cuts {
        let (start, end) = (cut.start.max(at), cut.end.max(cut.start.max(at)));
        out.push_str(&kept(at, start));
        out.push_str("</w:r>");
        if end > start {
            out.push_str(&format!(
                "<w:del w:id=\"{}\" w:author=\"{REVIEW_AUTHOR}\" w:date=\"{date}\"><w:r>{properties}<w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>",
                id(),
                escape_xml_attribute(&text[start..end])
            ));
        }
        if let Some(pseudonym) = &cut.pseudonym {
            out.push_str(&format!(
                "<w:ins w:id=\"{}\" w:author=\"{REVIEW_AUTHOR}\" w:date=\"{date}\"><w:r>{properties}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:ins>",
                id(),
                escape_xml_attribute(pseudonym)
            ));
        }
        out.push_str(&format!("<w:r>{properties}"));
        at = end;
    }
    out.push_str(&kept(at, text.len()));
    out.push_str(&slice(run.text_end, run.run_end));
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn insert_before_last(xml: &str, close: &str, insert: &str) -> Option<String> {
    let at = xml.rfind(close)?;
    Some(format!("{}{insert}{}", &xml[..at], &xml[at..]))
}

/// A UTF-8 entry of the input package that is not among the text parts.
fn read_entry(doc: &Document, name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(doc.source.as_slice())).ok()?;
    let mut entry = archive.by_name(name).ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).ok()?;
    Some(text)
}
