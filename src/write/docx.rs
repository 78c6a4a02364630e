//! Writes a `.docx` package back: the parts whose text changed are recompressed, every other
//! entry is copied with its compressed bytes and metadata as they were, in the same order.
//! A document with nothing replaced is written back byte for byte.

use super::apply_edits;
use crate::error::Error;
use crate::model::{Document, Package};
use std::collections::HashMap;
use std::io::Write;

/// The package with `edits` (byte ranges of [`Package::xml`], sorted) made.
pub(super) fn write_package(
    doc: &Document,
    package: &Package,
    edits: &[(usize, usize, String)],
) -> Result<Vec<u8>, Error> {
    let failed = |reason: String| Error::MalformedDocx {
        path: doc.id.clone().into(),
        reason: format!("cannot write the package back: {reason}"),
    };
    let mut changed: HashMap<&str, Vec<u8>> = HashMap::new();
    for part in &package.parts {
        let local: Vec<(usize, usize, String)> = edits
            .iter()
            .filter(|(start, _, _)| (part.start..part.end).contains(start))
            .map(|(start, end, text)| (start - part.start, end - part.start, text.clone()))
            .collect();
        let original = &package.xml[part.start..part.end];
        let rewritten = apply_edits(original, &local);
        if rewritten != original {
            changed.insert(part.name.as_str(), rewritten);
        }
    }
    if changed.is_empty() {
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
                    .compression_method(zip::CompressionMethod::Deflated);
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
    let output = writer.finish().map_err(|e| failed(e.to_string()))?;
    Ok(output.into_inner())
}
