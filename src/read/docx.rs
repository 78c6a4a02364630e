//! Word documents (`.docx`, Office Open XML): a ZIP package whose `word/document.xml` holds
//! the body. Text comes from `w:t` (and `w:delText`, text an earlier tracked change deleted
//! but the file still holds) in the body with its tables and text boxes, the headers and
//! footers, footnotes, endnotes and comments, in that order, each part starting on a new
//! line. A paragraph ends with a newline, `w:tab` is a tab and `w:br`/`w:cr` a newline, all
//! of them only in the extracted text, so that offsets in the log are code points of that
//! text. Runs join: a name split over runs (`Jan de </w:t></w:r><w:r><w:t>Vries`) is one
//! name.
//!
//! After the parts come the package's fields that can name someone, one per line: the
//! authors and initials of tracked changes and comments (`w:author`, `w:initials`), the
//! people of `word/people.xml`, `docProps/core.xml` (creator, last modified by: always
//! replaced; title, subject, description, keywords: read like the body),
//! `docProps/app.xml` (company and manager: always replaced) and the values of
//! `docProps/custom.xml` (read like the body).
//!
//! Only the XML parts that hold text are decompressed; the rest of the package is copied
//! byte for byte when the output is written (`write::docx`).

use super::xml::{
    check_attributes, decode_references, end_line, local_name, push_segment, too_complex,
};
use super::xml::{ElementStack, OverLimit};
use crate::error::{Error, Result};
use crate::model::{
    Category, Document, Format, Package, PackagePart, PackageProperty, RunPlace, Segment,
};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;
use std::path::Path;

/// The part that makes a ZIP a Word document.
pub const MAIN_PART: &str = "word/document.xml";
/// How many entries a package may hold; a real ruling has a few dozen.
pub const MAX_ENTRIES: usize = 10_000;

/// Two entries every OpenDocument package has (its MIME type and its content): an editor who
/// works in LibreOffice may hand over its own format instead of Word's.
const OPEN_DOCUMENT_ENTRIES: [&str; 2] = ["mimetype", "content.xml"];

/// Whether `bytes` start like a ZIP archive (a local file header).
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// What a part is read for, in the order the text lays them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PartKind {
    Body,
    Header,
    Footer,
    Footnotes,
    Endnotes,
    Comments,
    People,
    CoreProperties,
    AppProperties,
    CustomProperties,
}

impl PartKind {
    fn of(name: &str) -> Option<PartKind> {
        let numbered = |prefix: &str| {
            name.strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix(".xml"))
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        };
        Some(match name {
            MAIN_PART => PartKind::Body,
            "word/footnotes.xml" => PartKind::Footnotes,
            "word/endnotes.xml" => PartKind::Endnotes,
            "word/comments.xml" => PartKind::Comments,
            "word/people.xml" => PartKind::People,
            "docProps/core.xml" => PartKind::CoreProperties,
            "docProps/app.xml" => PartKind::AppProperties,
            "docProps/custom.xml" => PartKind::CustomProperties,
            _ if numbered("word/header") => PartKind::Header,
            _ if numbered("word/footer") => PartKind::Footer,
            _ => return None,
        })
    }

    fn has_running_text(self) -> bool {
        self <= PartKind::Comments
    }
}

/// What a package field is, when its value is replaced whatever it says.
fn always_replaced(kind: PartKind, element: &str) -> Option<(Category, &'static str)> {
    match (kind, element) {
        (PartKind::CoreProperties, "creator") => Some((Category::Person, "creator")),
        (PartKind::CoreProperties, "lastModifiedBy") => {
            Some((Category::Person, "last modified by"))
        }
        (PartKind::AppProperties, "Company") => Some((Category::Organisation, "company")),
        (PartKind::AppProperties, "Manager") => Some((Category::Person, "manager")),
        _ => None,
    }
}

/// Package fields read like the body (they may name a party, or not).
fn read_as_text(kind: PartKind, element: &str, in_property: bool) -> bool {
    match kind {
        PartKind::CoreProperties => {
            matches!(element, "title" | "subject" | "description" | "keywords")
        }
        PartKind::CustomProperties => in_property,
        _ => false,
    }
}

/// Attributes that name the person who made a change or a comment.
fn person_attribute(local: &str) -> Option<&'static str> {
    match local {
        "author" => Some("author"),
        "initials" => Some("initials"),
        "userId" => Some("user id"),
        _ => None,
    }
}

/// A field found while the parts are read, laid out after them.
struct Field {
    decoded: String,
    source_start: usize,
    source_end: usize,
    escaped: bool,
    element: usize,
    replaced: Option<(Category, String)>,
}

struct Extractor {
    text: String,
    segments: Vec<Segment>,
    tree: ElementStack,
    fields: Vec<Field>,
    /// The name of the part being read.
    part: String,
    /// The run of each running-text segment, once its end is known.
    runs: Vec<Option<RunPlace>>,
    /// The open `w:r`: its start, its properties, whether a tracked change may cut it, and
    /// the segments it holds so far.
    open_run: Option<OpenRun>,
    /// Where the open `w:t` started, and how many segments there were then.
    open_text: Option<(usize, usize)>,
}

struct OpenRun {
    start: usize,
    properties: Option<(usize, usize)>,
    properties_start: Option<usize>,
    trackable: bool,
    /// Segment index and `w:t` range of each text it holds.
    texts: Vec<(usize, usize, usize)>,
}

impl Extractor {
    fn new_line(&mut self) {
        end_line(&mut self.text);
    }

    fn add_text(&mut self, decoded: &str, source_start: usize, source_end: usize, escaped: bool) {
        if decoded.is_empty() {
            return;
        }
        let element = self.tree.current_node();
        push_segment(
            &mut self.text,
            &mut self.segments,
            decoded,
            element,
            source_start..source_end,
            escaped,
            false,
        );
    }
}

/// Parses a Word package. `bytes` is the whole file.
pub(super) fn parse(path: &Path, id: &str, bytes: Vec<u8>, max_size: u64) -> Result<Document> {
    let malformed = |reason: String| Error::MalformedDocx {
        path: path.to_path_buf(),
        reason,
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice()))
        .map_err(|e| malformed(format!("not a readable ZIP archive: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(too_complex(
            path,
            format!(
                "{} entries in the package, more than {MAX_ENTRIES}",
                archive.len()
            ),
        ));
    }
    let mut parts: Vec<(PartKind, String)> = Vec::new();
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| malformed(format!("entry {index}: {e}")))?;
        let name = entry
            .name()
            .map_err(|e| malformed(format!("entry {index}: {e}")))?;
        if let Some(kind) = PartKind::of(&name) {
            parts.push((kind, name.into_owned()));
        }
    }
    if !parts.iter().any(|(kind, _)| *kind == PartKind::Body) {
        let is_open_document = OPEN_DOCUMENT_ENTRIES
            .iter()
            .all(|name| archive.index_for_name(name).is_some());
        let reason = if is_open_document {
            "an OpenDocument file (.odt, LibreOffice's own format); save it as Word (.docx)"
                .to_string()
        } else {
            format!("a ZIP archive without {MAIN_PART}; expected a Word document (.docx)")
        };
        return Err(Error::UnsupportedFormat {
            path: path.to_path_buf(),
            reason,
        });
    }
    parts.sort();
    let mut package = Package::default();
    let mut extractor = Extractor {
        text: String::new(),
        segments: Vec::new(),
        tree: ElementStack::new(),
        fields: Vec::new(),
        part: String::new(),
        runs: Vec::new(),
        open_run: None,
        open_text: None,
    };
    for (kind, name) in &parts {
        let mut entry = archive
            .by_name(name)
            .map_err(|e| malformed(format!("{name}: {e}")))?;
        let budget = max_size.saturating_sub(package.xml.len() as u64);
        let start = package.xml.len();
        (&mut entry)
            .take(budget.saturating_add(1))
            .read_to_end(&mut package.xml)
            .map_err(|e| malformed(format!("{name}: {e}")))?;
        if package.xml.len() as u64 > max_size {
            return Err(too_complex(
                path,
                format!("its text parts decompress to more than {max_size} bytes (at {name})"),
            ));
        }
        package.parts.push(PackagePart {
            name: name.clone(),
            start,
            end: package.xml.len(),
        });
        extractor.tree.start_root(name);
        extractor.part = name.clone();
        if kind.has_running_text() {
            extractor.new_line();
        }
        read_part(&package.xml, start, *kind, &mut extractor)
            .map_err(|(offset, reason)| malformed(format!("{name} at byte {offset}: {reason}")))?;
    }
    let Extractor {
        mut text,
        mut segments,
        tree,
        fields,
        mut runs,
        ..
    } = extractor;
    runs.resize(segments.len(), None);
    package.runs = runs;
    for field in fields {
        end_line(&mut text);
        let text_start = text.len();
        push_segment(
            &mut text,
            &mut segments,
            &field.decoded,
            field.element,
            field.source_start..field.source_end,
            field.escaped,
            false,
        );
        if let Some((category, what)) = field.replaced {
            package.properties.push(PackageProperty {
                start: text_start,
                end: text.len(),
                category,
                what,
            });
        }
    }
    let mut elements = tree.elements;
    elements.shrink_to_fit();
    segments.shrink_to_fit();
    Ok(Document {
        id: id.to_string(),
        format: Format::Docx,
        text,
        source: bytes,
        has_bom: false,
        segments,
        elements,
        package: Some(Box::new(package)),
    })
}

/// Reads one part (`all[start..]`), adding its text and fields. Errors are a byte offset in
/// the part and a reason.
fn read_part(
    all: &[u8],
    start: usize,
    kind: PartKind,
    extractor: &mut Extractor,
) -> std::result::Result<(), (u64, String)> {
    let xml = &all[start..];
    std::str::from_utf8(xml).map_err(|e| (e.valid_up_to() as u64, "not UTF-8".to_string()))?;
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    // Whether the innermost open element's text belongs to the running text, to a field,
    // or to nothing.
    let mut collecting: Vec<Option<Option<(Category, String)>>> = Vec::new();
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| (reader.error_position(), e.to_string()))?;
        let end = reader.buffer_position() as usize;
        match event {
            Event::Decl(decl) => {
                if let Some(Ok(encoding)) = decl.encoding() {
                    let encoding = String::from_utf8_lossy(&encoding).to_ascii_lowercase();
                    if encoding != "utf-8" && encoding != "utf8" {
                        return Err((position, format!("encoding {encoding}; only UTF-8")));
                    }
                }
            }
            Event::Start(ref element) | Event::Empty(ref element) => {
                check_attributes(element).map_err(|reason| (position, reason))?;
                let qualified = element.name();
                let name = local_name(qualified.as_ref());
                let parent = extractor.tree.name_above(0);
                let in_run = parent == Some("r");
                let in_property = parent == Some("property");
                // A tracked change cannot go inside another one.
                let in_tracked_change =
                    matches!(parent, Some("ins" | "del" | "moveTo" | "moveFrom"));
                extractor
                    .tree
                    .open(name)
                    .map_err(|OverLimit(reason)| (position, reason))?;
                let names_someone = [&b"author="[..], b"initials=", b"userId="]
                    .iter()
                    .any(|key| memchr::memmem::find(element, key).is_some());
                for attribute in element.attributes().flatten().filter(|_| names_someone) {
                    let local = local_name(attribute.key.as_ref());
                    let Some(what) = person_attribute(local) else {
                        continue;
                    };
                    let raw = std::str::from_utf8(&attribute.value).expect("validated as UTF-8");
                    if raw.trim().is_empty() {
                        continue;
                    }
                    // The value borrows from the part, so its place is a pointer difference.
                    let offset = raw.as_ptr() as usize - xml.as_ptr() as usize;
                    let decoded = decode_references(raw).map_err(|reason| (position, reason))?;
                    let element_node = extractor.tree.attribute_node(local);
                    extractor.fields.push(Field {
                        decoded,
                        source_start: start + offset,
                        source_end: start + offset + raw.len(),
                        escaped: raw.contains('&'),
                        element: element_node,
                        replaced: Some((Category::Person, format!("{what} in {}", extractor.part))),
                    });
                }
                let tag_start = start + position as usize;
                if kind.has_running_text() && in_run {
                    match name {
                        "tab" => extractor.text.push('\t'),
                        "br" | "cr" => extractor.text.push('\n'),
                        "rPr" => {
                            if let Some(run) = extractor.open_run.as_mut() {
                                run.properties_start = Some(tag_start);
                            }
                        }
                        "t" | "delText" => {
                            extractor.open_text = Some((tag_start, extractor.segments.len()))
                        }
                        _ => {}
                    }
                }
                if kind.has_running_text() && name == "r" && matches!(event, Event::Start(_)) {
                    extractor.open_run = Some(OpenRun {
                        start: tag_start,
                        properties: None,
                        properties_start: None,
                        trackable: !in_tracked_change,
                        texts: Vec::new(),
                    });
                }
                let target = if kind.has_running_text() {
                    matches!(name, "t" | "delText").then_some(None)
                } else if let Some((category, what)) = always_replaced(kind, name) {
                    Some(Some((category, what.to_string())))
                } else if read_as_text(kind, name, in_property) {
                    Some(None)
                } else {
                    None
                };
                collecting.push(target);
                if matches!(event, Event::Empty(_)) {
                    close(kind, extractor, &mut collecting, start + end);
                }
            }
            Event::End(_) => close(kind, extractor, &mut collecting, start + end),
            Event::Text(raw) => {
                let Some(Some(target)) = collecting.last() else {
                    continue;
                };
                let raw_text = std::str::from_utf8(raw.as_ref()).expect("validated as UTF-8");
                let text_start = start + end - raw_text.len();
                let escaped = raw_text.contains('&');
                let decoded = if escaped {
                    decode_references(raw_text).map_err(|reason| (position, reason))?
                } else {
                    raw_text.to_string()
                };
                if kind.has_running_text() {
                    extractor.add_text(&decoded, text_start, start + end, escaped);
                } else if !decoded.trim().is_empty() {
                    let element = extractor.tree.current_node();
                    extractor.fields.push(Field {
                        decoded,
                        source_start: text_start,
                        source_end: start + end,
                        escaped,
                        element,
                        replaced: target.clone().map(|(category, what)| {
                            (category, format!("{what} in {}", extractor.part))
                        }),
                    });
                }
            }
            Event::CData(_) => {
                return Err((position, "CDATA in a Word part".to_string()));
            }
            Event::DocType(_) => {
                return Err((position, "a DOCTYPE in a Word part".to_string()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = extractor.tree.name_above(0) {
        return Err((xml.len() as u64, format!("unexpected end inside <{open}>")));
    }
    Ok(())
}

/// Closes the innermost element, which ends at byte `end` of [`Package::xml`].
fn close(
    kind: PartKind,
    extractor: &mut Extractor,
    collecting: &mut Vec<Option<Option<(Category, String)>>>,
    end: usize,
) {
    collecting.pop();
    let Some(name) = extractor.tree.close() else {
        return;
    };
    if !kind.has_running_text() {
        return;
    }
    match &*name {
        "p" => extractor.new_line(),
        "rPr" => {
            if let Some(run) = extractor.open_run.as_mut() {
                if let Some(start) = run.properties_start.take() {
                    run.properties = Some((start, end));
                }
            }
        }
        "t" | "delText" => {
            if let (Some((start, first_segment)), Some(run)) =
                (extractor.open_text.take(), extractor.open_run.as_mut())
            {
                let segments = extractor.segments.len() - first_segment;
                if segments == 1 {
                    run.texts.push((first_segment, start, end));
                    run.trackable &= &*name == "t";
                } else if segments > 1 {
                    run.trackable = false;
                }
            }
        }
        "r" => {
            if let Some(run) = extractor.open_run.take() {
                extractor.runs.resize(extractor.segments.len(), None);
                for (segment, text_start, text_end) in run.texts {
                    extractor.runs[segment] = Some(RunPlace {
                        run_start: run.start,
                        run_end: end,
                        properties: run.properties,
                        text_start,
                        text_end,
                        trackable: run.trackable,
                    });
                }
            }
        }
        _ => {}
    }
}
