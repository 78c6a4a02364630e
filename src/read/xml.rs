//! Rechtspraak open-data XML (`<open-rechtspraak>`): the text of `inhoudsindicatie`,
//! `uitspraak` and `conclusie` becomes the document text; the `rdf:RDF` metadata is never
//! looked at and so stays byte-for-byte.
//!
//! Inline elements (`emphasis`, `superscript` ...) join their text to the surrounding
//! text so that a name split as `<emphasis>Jan</emphasis>sen` is seen whole. Block elements
//! (`para`, `title`, `section` ...) are separated by a newline that exists only in the
//! extracted text.

use crate::error::{Error, Result};
use crate::model::{Document, ElementNode, Format, Segment};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

const ROOT: &str = "open-rechtspraak";
const BODY_ELEMENTS: [&str; 3] = ["inhoudsindicatie", "uitspraak", "conclusie"];
const INLINE_ELEMENTS: [&str; 19] = [
    "emphasis",
    "superscript",
    "subscript",
    "sup",
    "sub",
    "link",
    "ulink",
    "xref",
    "phrase",
    "span",
    "footnoteref",
    "inlinemediaobject",
    "b",
    "i",
    "u",
    "em",
    "strong",
    "a",
    "nr",
];

/// How deep elements may nest. Rechtspraak rulings nest about ten deep; the limit keeps a
/// hostile file from costing time and memory with every level.
pub const MAX_DEPTH: usize = 256;
/// How many elements one document may hold (a long ruling has a few thousand).
pub const MAX_ELEMENTS: usize = 1_000_000;

struct OpenElement {
    /// Index into [`ElementStack::names`].
    name: u32,
    /// Position among the parent's children of the same name, 1-based.
    index: usize,
    /// Its node in the document's element tree, once text inside it needed one.
    node: Option<usize>,
    /// Where its children's counts start in [`ElementStack::counts`].
    counts_start: usize,
    /// Name → place in [`ElementStack::counts`], made once the element has many child
    /// names: a linear search then would make a hostile file quadratic.
    count_index: Option<HashMap<u32, usize>>,
}

/// How many distinct child names an element may have before its counts get an index.
const LINEAR_CHILD_NAMES: usize = 16;

/// The open elements of an XML file and the tree of those that hold text, with the limits
/// of [`MAX_DEPTH`] and [`MAX_ELEMENTS`]. Shared by the Rechtspraak XML reader and the
/// .docx reader, whose parts hang under one node per part. Element names are interned and
/// the children's counts live in one list, so that opening an element allocates nothing
/// (a Word body opens tens of thousands).
pub(super) struct ElementStack {
    pub elements: Vec<ElementNode>,
    stack: Vec<OpenElement>,
    opened: usize,
    /// The node the outermost elements hang under (a .docx part), if any.
    root_parent: Option<usize>,
    root_count: usize,
    names: Vec<Arc<str>>,
    name_ids: HashMap<Arc<str>, u32>,
    /// (name, how many children of that name) of every open element, innermost last.
    counts: Vec<(u32, usize)>,
}

/// A limit of [`MAX_DEPTH`] or [`MAX_ELEMENTS`] was passed.
pub(super) struct OverLimit(pub String);

impl ElementStack {
    pub fn new() -> ElementStack {
        ElementStack {
            elements: Vec::new(),
            stack: Vec::new(),
            opened: 0,
            root_parent: None,
            root_count: 0,
            names: Vec::new(),
            name_ids: HashMap::new(),
            counts: Vec::new(),
        }
    }

    /// Starts a new tree under a node called `name` (a .docx part): paths then begin
    /// with the part's name.
    pub fn start_root(&mut self, name: &str) {
        self.stack.clear();
        self.counts.clear();
        self.elements.push(ElementNode {
            parent: None,
            name: name.into(),
            index: 1,
        });
        self.root_parent = Some(self.elements.len() - 1);
        self.root_count = 0;
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// The local name of the element `up` levels above the innermost (0: the innermost).
    pub fn name_above(&self, up: usize) -> Option<&str> {
        let at = self.stack.len().checked_sub(up + 1)?;
        Some(&self.names[self.stack[at].name as usize])
    }

    fn intern(&mut self, name: &str) -> u32 {
        // A file uses a few dozen names: comparing them beats hashing.
        if self.names.len() <= 64 {
            if let Some(id) = self.names.iter().position(|n| &**n == name) {
                return id as u32;
            }
        } else if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        let shared: Arc<str> = name.into();
        self.names.push(shared.clone());
        self.name_ids.insert(shared, id);
        id
    }

    pub fn open(&mut self, name: &str) -> Result<(), OverLimit> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(OverLimit(format!(
                "elements nest deeper than {MAX_DEPTH} levels"
            )));
        }
        self.opened += 1;
        if self.opened > MAX_ELEMENTS {
            return Err(OverLimit(format!("more than {MAX_ELEMENTS} elements")));
        }
        let id = self.intern(name);
        let index = match self.stack.last_mut() {
            Some(parent) => {
                let start = parent.counts_start;
                let at = match &parent.count_index {
                    Some(index) => index.get(&id).copied(),
                    None => self.counts[start..]
                        .iter()
                        .position(|(n, _)| *n == id)
                        .map(|at| start + at),
                };
                match at {
                    Some(at) => {
                        self.counts[at].1 += 1;
                        self.counts[at].1
                    }
                    None => {
                        self.counts.push((id, 1));
                        let at = self.counts.len() - 1;
                        match &mut parent.count_index {
                            Some(index) => {
                                index.insert(id, at);
                            }
                            None if at - start >= LINEAR_CHILD_NAMES => {
                                parent.count_index =
                                    Some((start..=at).map(|i| (self.counts[i].0, i)).collect());
                            }
                            None => {}
                        }
                        1
                    }
                }
            }
            None => {
                self.root_count += 1;
                self.root_count
            }
        };
        self.stack.push(OpenElement {
            name: id,
            index,
            node: None,
            counts_start: self.counts.len(),
            count_index: None,
        });
        Ok(())
    }

    /// Closes the innermost element and returns its name.
    pub fn close(&mut self) -> Option<Arc<str>> {
        let element = self.stack.pop()?;
        self.counts.truncate(element.counts_start);
        Some(self.names[element.name as usize].clone())
    }

    /// The tree node of the innermost open element, made (with its ancestors') on first use.
    pub fn current_node(&mut self) -> usize {
        let first_missing = self
            .stack
            .iter()
            .rposition(|e| e.node.is_some())
            .map_or(0, |i| i + 1);
        for depth in first_missing..self.stack.len() {
            let parent = match depth.checked_sub(1) {
                Some(d) => self.stack[d].node,
                None => self.root_parent,
            };
            let element = &mut self.stack[depth];
            self.elements.push(ElementNode {
                parent,
                name: self.names[element.name as usize].clone(),
                index: element.index,
            });
            element.node = Some(self.elements.len() - 1);
        }
        self.stack
            .last()
            .and_then(|e| e.node)
            .expect("text is inside an element")
    }

    /// A node for an attribute of the innermost element (`@author`), so that its value has
    /// a path of its own.
    pub fn attribute_node(&mut self, name: &str) -> usize {
        let parent = self.current_node();
        self.elements.push(ElementNode {
            parent: Some(parent),
            name: format!("@{name}").into(),
            index: 1,
        });
        self.elements.len() - 1
    }
}

struct Extractor {
    text: String,
    segments: Vec<Segment>,
    tree: ElementStack,
    /// Which open elements are body elements, innermost last.
    body_flags: Vec<bool>,
    body_depth: usize,
}

impl Extractor {
    fn in_body(&self) -> bool {
        self.body_depth > 0
    }

    fn separate(&mut self) {
        if self.in_body() {
            end_line(&mut self.text);
        }
    }

    fn open(&mut self, name: &str) -> Result<(), OverLimit> {
        let is_body = self.tree.depth() == 1 && BODY_ELEMENTS.contains(&name);
        self.tree.open(name)?;
        if is_body {
            self.body_depth += 1;
        }
        if !INLINE_ELEMENTS.contains(&name) {
            self.separate();
        }
        self.body_flags.push(is_body);
        Ok(())
    }

    fn close(&mut self) {
        if let Some(name) = self.tree.close() {
            if !INLINE_ELEMENTS.contains(&&*name) {
                self.separate();
            }
            if self.body_flags.pop() == Some(true) {
                self.body_depth -= 1;
            }
        }
    }

    fn add_text(&mut self, decoded: &str, source_start: usize, source_end: usize, kind: TextKind) {
        if !self.in_body() || decoded.is_empty() {
            return;
        }
        let element = self.tree.current_node();
        push_segment(
            &mut self.text,
            &mut self.segments,
            decoded,
            element,
            source_start..source_end,
            kind == TextKind::Escaped,
            kind == TextKind::CData,
        );
    }
}

/// Ends the extracted text's line unless it is empty or the line is ended already: the
/// separator between blocks, which exists only in the extracted text.
pub(super) fn end_line(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// Appends `decoded` (read from `source` bytes of the file or package) to the extracted text
/// as one segment held by `element`.
pub(super) fn push_segment(
    text: &mut String,
    segments: &mut Vec<Segment>,
    decoded: &str,
    element: usize,
    source: std::ops::Range<usize>,
    escaped: bool,
    cdata: bool,
) {
    let text_start = text.len();
    text.push_str(decoded);
    segments.push(Segment {
        text_start,
        text_end: text.len(),
        source_start: source.start,
        source_end: source.end,
        escaped,
        cdata,
        element,
    });
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum TextKind {
    Plain,
    Escaped,
    CData,
}

/// The name without its namespace prefix. Files are checked to be UTF-8 before they are
/// parsed, so a name is always text.
pub(super) fn local_name(qualified: &[u8]) -> &str {
    let name = std::str::from_utf8(qualified).unwrap_or_default();
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// Checks the attributes of a start tag: well-formed, no duplicates, and only known
/// references in their values (a raw `&` is malformed).
pub(super) fn check_attributes(start: &quick_xml::events::BytesStart) -> Result<(), String> {
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        let value = std::str::from_utf8(&attribute.value).map_err(|e| e.to_string())?;
        if value.contains('&') {
            decode_references(value)?;
        }
        if value.contains('<') {
            return Err("'<' in an attribute value".to_string());
        }
    }
    Ok(())
}

pub(super) fn parse(path: &Path, id: &str, bytes: &[u8], body_start: usize) -> Result<Document> {
    let malformed = |offset: u64, reason: String| Error::MalformedXml {
        path: path.to_path_buf(),
        offset,
        reason,
    };
    let mut reader = Reader::from_reader(&bytes[body_start..]);
    reader.config_mut().check_end_names = true;
    let mut extractor = Extractor {
        text: String::new(),
        segments: Vec::new(),
        tree: ElementStack::new(),
        body_flags: Vec::new(),
        body_depth: 0,
    };
    let mut saw_root = false;
    let mut saw_body = false;
    loop {
        let position = body_start as u64 + reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| malformed(body_start as u64 + reader.error_position(), e.to_string()))?;
        let end = body_start + reader.buffer_position() as usize;
        let root_closed = saw_root && extractor.tree.depth() == 0;
        match event {
            Event::Decl(decl) => {
                if let Some(Ok(encoding)) = decl.encoding() {
                    let encoding = String::from_utf8_lossy(&encoding).to_ascii_lowercase();
                    if encoding != "utf-8" && encoding != "utf8" {
                        return Err(Error::UnsupportedFormat {
                            path: path.to_path_buf(),
                            reason: format!("XML encoding {encoding}; only UTF-8 is supported"),
                        });
                    }
                }
            }
            Event::Start(ref start) | Event::Empty(ref start) => {
                if root_closed {
                    return Err(malformed(
                        position,
                        "a second root element after </open-rechtspraak>".to_string(),
                    ));
                }
                let qualified = start.name();
                let name = local_name(qualified.as_ref());
                if !saw_root {
                    if name != ROOT {
                        return Err(Error::UnsupportedFormat {
                            path: path.to_path_buf(),
                            reason: format!(
                                "XML with root <{name}>; expected Rechtspraak open data (<{ROOT}>)"
                            ),
                        });
                    }
                    saw_root = true;
                }
                check_attributes(start).map_err(|reason| malformed(position, reason))?;
                saw_body |= extractor.tree.depth() == 1 && BODY_ELEMENTS.contains(&name);
                extractor
                    .open(name)
                    .map_err(|OverLimit(reason)| too_complex(path, reason))?;
                if matches!(event, Event::Empty(_)) {
                    extractor.close();
                }
            }
            Event::End(_) => extractor.close(),
            Event::Text(raw) => {
                let raw_text = std::str::from_utf8(raw.as_ref()).expect("validated as UTF-8");
                let start = end - raw_text.len();
                if extractor.tree.depth() == 0 {
                    // Outside the root only whitespace may stand.
                    if !raw_text
                        .trim_matches(['\u{20}', '\t', '\r', '\n'])
                        .is_empty()
                    {
                        let place = if saw_root { "after" } else { "before" };
                        return Err(malformed(
                            start as u64,
                            format!("text {place} the root element"),
                        ));
                    }
                    continue;
                }
                if raw_text.contains('&') {
                    let decoded = decode_references(raw_text)
                        .map_err(|reason| malformed(start as u64, reason))?;
                    extractor.add_text(&decoded, start, end, TextKind::Escaped);
                } else {
                    extractor.add_text(raw_text, start, end, TextKind::Plain);
                }
            }
            Event::CData(raw) => {
                if extractor.tree.depth() == 0 {
                    return Err(malformed(
                        position,
                        "CDATA outside the root element".to_string(),
                    ));
                }
                let raw_text = std::str::from_utf8(raw.as_ref()).expect("validated as UTF-8");
                let content_end = end - "]]>".len();
                extractor.add_text(
                    raw_text,
                    content_end - raw_text.len(),
                    content_end,
                    TextKind::CData,
                );
            }
            Event::DocType(_) if saw_root => {
                return Err(malformed(
                    position,
                    "a DOCTYPE inside the document".to_string(),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = extractor.tree.name_above(0) {
        return Err(malformed(
            bytes.len() as u64,
            format!("unexpected end of file inside <{open}>"),
        ));
    }
    if !saw_root {
        return Err(Error::UnsupportedFormat {
            path: path.to_path_buf(),
            reason: format!("no <{ROOT}> element"),
        });
    }
    if !saw_body {
        return Err(Error::UnsupportedFormat {
            path: path.to_path_buf(),
            reason: "no <uitspraak>, <conclusie> or <inhoudsindicatie> element".to_string(),
        });
    }
    let mut segments = extractor.segments;
    let mut elements = extractor.tree.elements;
    segments.shrink_to_fit();
    elements.shrink_to_fit();
    Ok(Document {
        id: id.to_string(),
        format: Format::Xml,
        text: extractor.text,
        source: bytes.to_vec(),
        has_bom: body_start > 0,
        segments,
        elements,
        package: None,
    })
}

pub(super) fn too_complex(path: &Path, reason: String) -> Error {
    Error::TooComplex {
        path: path.to_path_buf(),
        reason,
    }
}

/// Whether `c` may stand in an XML document (XML 1.0, production 2 `Char`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Decodes one XML reference starting at `raw[0] == '&'`: returns the character and the
/// reference's length in bytes.
fn decode_reference(raw: &str) -> Result<(char, usize), String> {
    let end = raw.find(';').filter(|&end| end <= 12).ok_or_else(|| {
        let shown: String = raw.chars().take(12).collect();
        format!("unterminated reference {shown:?}")
    })?;
    let name = &raw[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(decimal) = name.strip_prefix('#') {
                decimal.parse().ok()
            } else {
                None
            };
            number.and_then(char::from_u32).filter(|&c| is_xml_char(c))
        }
    };
    decoded
        .map(|c| (c, end + 1))
        .ok_or_else(|| format!("unknown reference &{name};"))
}

/// Decodes the five predefined entities and character references.
pub(crate) fn decode_references(raw: &str) -> Result<String, String> {
    let mut decoded = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        let (c, len) = decode_reference(&rest[amp..])?;
        decoded.push(c);
        rest = &rest[amp + len..];
    }
    decoded.push_str(rest);
    Ok(decoded)
}

/// Maps a byte offset in the decoded text of an escaped segment to a byte offset in its raw
/// source text.
pub(crate) fn raw_offset(raw: &str, decoded_offset: usize) -> usize {
    let mut decoded_position = 0;
    let mut raw_position = 0;
    while decoded_position < decoded_offset && raw_position < raw.len() {
        if raw.as_bytes()[raw_position] == b'&' {
            if let Ok((c, len)) = decode_reference(&raw[raw_position..]) {
                decoded_position += c.len_utf8();
                raw_position += len;
                continue;
            }
        }
        let c = raw[raw_position..].chars().next().expect("in bounds");
        decoded_position += c.len_utf8();
        raw_position += c.len_utf8();
    }
    raw_position
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<open-rechtspraak xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:RDF><rdf:Description>Jan Jansen in metadata</rdf:Description></rdf:RDF>
  <uitspraak id="x"><para>De heer <emphasis>Jan</emphasis>sen &amp; zoon</para><para>Tweede</para></uitspraak>
</open-rechtspraak>"#;

    fn parse_sample(xml: &str) -> Result<Document> {
        parse(Path::new("s.xml"), "s", xml.as_bytes(), 0)
    }

    #[test]
    fn extracts_body_only_and_joins_inline_elements() {
        let doc = parse_sample(SAMPLE).unwrap();
        assert!(!doc.text.contains("metadata"));
        assert!(
            doc.text.contains("De heer Jansen & zoon\nTweede"),
            "{:?}",
            doc.text
        );
    }

    #[test]
    fn segments_map_back_to_source() {
        let doc = parse_sample(SAMPLE).unwrap();
        for segment in &doc.segments {
            let source = &SAMPLE[segment.source_start..segment.source_end];
            let text = &doc.text[segment.text_start..segment.text_end];
            if segment.escaped {
                assert_eq!(decode_references(source).unwrap(), text);
            } else {
                assert_eq!(source, text);
            }
        }
        let offset = doc.text.find("Jan").unwrap();
        assert_eq!(
            doc.element_path_at(offset),
            Some("/open-rechtspraak/uitspraak[1]/para[1]/emphasis[1]".to_string())
        );
    }

    #[test]
    fn raw_offset_skips_references() {
        let raw = "a &amp; b&#233;c";
        let decoded = decode_references(raw).unwrap();
        assert_eq!(decoded, "a & béc");
        let c = decoded.find('c').unwrap();
        assert_eq!(&raw[raw_offset(raw, c)..], "c");
    }

    #[test]
    fn malformed_xml_names_offset() {
        let err = parse_sample("<open-rechtspraak><uitspraak><para>x</uitspraak>")
            .unwrap_err()
            .to_string();
        assert!(err.contains("s.xml") && err.contains("malformed"), "{err}");
    }

    #[test]
    fn unclosed_root_is_malformed() {
        let err = parse_sample("<open-rechtspraak><uitspraak><para>x</para>")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unexpected end"), "{err}");
    }

    #[test]
    fn missing_body_is_an_error() {
        let err = parse_sample("<open-rechtspraak><rdf:RDF/></open-rechtspraak>")
            .unwrap_err()
            .to_string();
        assert!(err.contains("uitspraak"), "{err}");
    }

    #[test]
    fn a_malformed_reference_before_multibyte_text_is_an_error_not_a_panic() {
        let err = parse_sample(
            "<open-rechtspraak><uitspraak><para>Jan &ééééééé;</para></uitspraak></open-rechtspraak>",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("malformed") && err.contains("reference"),
            "{err}"
        );
    }

    #[test]
    fn content_after_the_root_and_a_second_root_are_malformed() {
        for tail in ["BSN 123456782", "<open-rechtspraak/>", "<![CDATA[x]]>"] {
            let xml = format!(
                "<open-rechtspraak><uitspraak><para>x</para></uitspraak></open-rechtspraak>{tail}"
            );
            let err = parse_sample(&xml).unwrap_err().to_string();
            assert!(err.contains("malformed"), "{tail}: {err}");
        }
        let err =
            parse_sample("tekst<open-rechtspraak><uitspraak>x</uitspraak></open-rechtspraak>")
                .unwrap_err()
                .to_string();
        assert!(err.contains("malformed"), "{err}");
        // Whitespace and comments after the root are fine.
        parse_sample(
            "<open-rechtspraak><uitspraak>x</uitspraak></open-rechtspraak>\n<!-- einde -->\n",
        )
        .unwrap();
    }

    #[test]
    fn characters_xml_forbids_and_raw_ampersands_in_attributes_are_malformed() {
        for xml in [
            "<open-rechtspraak><uitspraak>a&#0;b</uitspraak></open-rechtspraak>",
            "<open-rechtspraak><uitspraak>a&#x1;b</uitspraak></open-rechtspraak>",
            "<open-rechtspraak><uitspraak id=\"a&b\">x</uitspraak></open-rechtspraak>",
            "<open-rechtspraak><uitspraak id=\"a\" id=\"b\">x</uitspraak></open-rechtspraak>",
        ] {
            let err = parse_sample(xml).unwrap_err().to_string();
            assert!(err.contains("malformed"), "{xml}: {err}");
        }
        parse_sample(
            "<open-rechtspraak><uitspraak id=\"a&amp;b\">a&#233;</uitspraak></open-rechtspraak>",
        )
        .unwrap();
    }

    #[test]
    fn nesting_past_the_limit_is_a_clear_error() {
        let depth = 100_000;
        let xml = format!(
            "<open-rechtspraak><uitspraak>{}x{}</uitspraak></open-rechtspraak>",
            "<para>".repeat(depth),
            "</para>".repeat(depth)
        );
        let err = parse_sample(&xml).unwrap_err().to_string();
        assert!(
            err.contains("s.xml") && err.contains(&format!("deeper than {MAX_DEPTH}")),
            "{err}"
        );
        // Just inside the limit is read, with its full element path.
        let inside = MAX_DEPTH - 2;
        let xml = format!(
            "<open-rechtspraak><uitspraak>{}Jansen{}</uitspraak></open-rechtspraak>",
            "<para>".repeat(inside),
            "</para>".repeat(inside)
        );
        let doc = parse_sample(&xml).unwrap();
        let path = doc
            .element_path_at(doc.text.find("Jansen").unwrap())
            .unwrap();
        assert_eq!(path.matches("/para[1]").count(), inside);
    }

    #[test]
    fn many_distinct_child_names_are_read_in_linear_time() {
        let seconds_for = |count: usize| {
            let children: String = (0..count).map(|i| format!("<c{i}/>")).collect();
            let xml = format!(
                "<open-rechtspraak><uitspraak><para>x{children}</para></uitspraak></open-rechtspraak>"
            );
            // The best of three, against a busy machine.
            (0..3)
                .map(|_| {
                    let started = std::time::Instant::now();
                    parse_sample(&xml).unwrap();
                    started.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min)
        };
        let small = seconds_for(10_000);
        let large = seconds_for(40_000);
        // Four times the children: about four times the work when the names are looked up in
        // a map, sixteen with the linear search of the children's names this replaced (80,000
        // took about 9 s). A ratio, not a time limit, so that a loaded machine does not fail it.
        assert!(
            large / small < 9.0,
            "{small:.4} s for 10,000 children, {large:.4} s for 40,000"
        );
    }
}
