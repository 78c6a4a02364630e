//! Rechtspraak open-data XML (`<open-rechtspraak>`): the text of `inhoudsindicatie`,
//! `uitspraak` and `conclusie` becomes the document text; the `rdf:RDF` metadata is never
//! looked at and so stays byte-for-byte.
//!
//! Inline elements (`emphasis`, `superscript` ...) join their text to the surrounding
//! text so that a name split as `<emphasis>Jan</emphasis>sen` is seen whole. Block elements
//! (`para`, `title`, `section` ...) are separated by a newline that exists only in the
//! extracted text.

use crate::error::{Error, Result};
use crate::model::{Document, Format, Segment};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::path::Path;

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

struct OpenElement {
    name: String,
    path: String,
    child_counts: Vec<(String, usize)>,
    is_body: bool,
}

struct Extractor {
    text: String,
    segments: Vec<Segment>,
    element_paths: Vec<String>,
    stack: Vec<OpenElement>,
    body_depth: usize,
}

impl Extractor {
    fn in_body(&self) -> bool {
        self.body_depth > 0
    }

    fn separate(&mut self) {
        if self.in_body() && !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn open(&mut self, name: &str) -> String {
        let parent_path = self
            .stack
            .last()
            .map(|e| e.path.clone())
            .unwrap_or_default();
        let index = match self.stack.last_mut() {
            Some(parent) => match parent.child_counts.iter_mut().find(|(n, _)| n == name) {
                Some((_, count)) => {
                    *count += 1;
                    *count
                }
                None => {
                    parent.child_counts.push((name.to_string(), 1));
                    1
                }
            },
            None => 1,
        };
        let path = if self.stack.is_empty() {
            format!("/{name}")
        } else {
            format!("{parent_path}/{name}[{index}]")
        };
        let is_body = self.stack.len() == 1 && BODY_ELEMENTS.contains(&name);
        if is_body {
            self.body_depth += 1;
        }
        if !INLINE_ELEMENTS.contains(&name) {
            self.separate();
        }
        self.stack.push(OpenElement {
            name: name.to_string(),
            path: path.clone(),
            child_counts: Vec::new(),
            is_body,
        });
        path
    }

    fn close(&mut self) {
        if let Some(element) = self.stack.pop() {
            if !INLINE_ELEMENTS.contains(&element.name.as_str()) {
                self.separate();
            }
            if element.is_body {
                self.body_depth -= 1;
            }
        }
    }

    fn add_text(&mut self, decoded: &str, source_start: usize, source_end: usize, kind: TextKind) {
        if !self.in_body() || decoded.is_empty() {
            return;
        }
        let path = self
            .stack
            .last()
            .map(|e| e.path.clone())
            .unwrap_or_default();
        let path_index = match self.element_paths.last() {
            Some(last) if *last == path => self.element_paths.len() - 1,
            _ => {
                self.element_paths.push(path);
                self.element_paths.len() - 1
            }
        };
        let text_start = self.text.len();
        self.text.push_str(decoded);
        self.segments.push(Segment {
            text_start,
            text_end: self.text.len(),
            source_start,
            source_end,
            escaped: kind == TextKind::Escaped,
            cdata: kind == TextKind::CData,
            path: path_index,
        });
    }
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum TextKind {
    Plain,
    Escaped,
    CData,
}

fn local_name(qualified: &[u8]) -> String {
    let name = String::from_utf8_lossy(qualified);
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.into_owned(),
    }
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
        element_paths: Vec::new(),
        stack: Vec::new(),
        body_depth: 0,
    };
    let mut saw_root = false;
    let mut saw_body = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| malformed(body_start as u64 + reader.error_position(), e.to_string()))?;
        let end = body_start + reader.buffer_position() as usize;
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
            Event::Start(ref start) | Event::Empty(ref start) if !saw_root => {
                let name = local_name(start.name().as_ref());
                if name != ROOT {
                    return Err(Error::UnsupportedFormat {
                        path: path.to_path_buf(),
                        reason: format!(
                            "XML with root <{name}>; expected Rechtspraak open data (<{ROOT}>)"
                        ),
                    });
                }
                saw_root = true;
                extractor.open(&name);
                if matches!(event, Event::Empty(_)) {
                    extractor.close();
                }
            }
            Event::Start(start) => {
                let name = local_name(start.name().as_ref());
                saw_body |= extractor.stack.len() == 1 && BODY_ELEMENTS.contains(&name.as_str());
                extractor.open(&name);
            }
            Event::Empty(start) => {
                let name = local_name(start.name().as_ref());
                extractor.open(&name);
                extractor.close();
            }
            Event::End(_) => extractor.close(),
            Event::Text(raw) => {
                let raw_text = std::str::from_utf8(raw.as_ref()).expect("validated as UTF-8");
                let start = end - raw_text.len();
                if raw_text.contains('&') {
                    let decoded = decode_references(raw_text)
                        .map_err(|reason| malformed(start as u64, reason))?;
                    extractor.add_text(&decoded, start, end, TextKind::Escaped);
                } else {
                    extractor.add_text(raw_text, start, end, TextKind::Plain);
                }
            }
            Event::CData(raw) => {
                let raw_text = std::str::from_utf8(raw.as_ref()).expect("validated as UTF-8");
                let content_end = end - "]]>".len();
                extractor.add_text(
                    raw_text,
                    content_end - raw_text.len(),
                    content_end,
                    TextKind::CData,
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = extractor.stack.last() {
        return Err(malformed(
            bytes.len() as u64,
            format!("unexpected end of file inside <{}>", open.name),
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
    let mut element_paths = extractor.element_paths;
    segments.shrink_to_fit();
    element_paths.shrink_to_fit();
    Ok(Document {
        id: id.to_string(),
        format: Format::Xml,
        text: extractor.text,
        source: bytes.to_vec(),
        has_bom: body_start > 0,
        segments,
        element_paths,
    })
}

/// Decodes one XML reference starting at `raw[0] == '&'`: returns the character and the
/// reference's length in bytes.
fn decode_reference(raw: &str) -> Result<(char, usize), String> {
    let end = raw
        .find(';')
        .filter(|&end| end <= 12)
        .ok_or_else(|| format!("unterminated reference {:?}", &raw[..raw.len().min(12)]))?;
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
            number.and_then(char::from_u32)
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
            Some("/open-rechtspraak/uitspraak[1]/para[1]/emphasis[1]")
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
}
