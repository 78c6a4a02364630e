//! Plain-text rulings: the text is the file minus its BOM; CRLF stays as it is.

use crate::model::{Document, Format};

pub(super) fn document(id: &str, text: String, source: Vec<u8>, has_bom: bool) -> Document {
    Document {
        id: id.to_string(),
        format: Format::Text,
        text,
        source,
        has_bom,
        segments: Vec::new(),
        elements: Vec::new(),
        package: None,
    }
}
