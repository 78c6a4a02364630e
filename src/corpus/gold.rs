//! The gold format (JSON Lines), shared by the refill generator and `eval`:
//!
//! `{"id": "...", "text": "...", "entities": [{"start": 10, "end": 26, "label": "PERSON",
//! "entity": "e1", "placeholder": "aangever 1"}]}`
//!
//! Offsets are Unicode code points, end exclusive (as in spaCy and Doccano span files).
//! Labels to replace: PERSON, ADDRESS, PLACE, DATE_OF_BIRTH, BSN, IBAN, PHONE, EMAIL,
//! LICENSE_PLATE, ID_NUMBER, ORGANISATION. Labels to keep: PROFESSIONAL and any label that
//! starts with `KEEP_`. Any other label is an error. `entity` is optional: spans with the same
//! id are the same person or thing. `placeholder` is optional too: what the court's editors
//! wrote where the refill put the span (the bracket's text, "aangever 1", or a letter, "X"),
//! so that `eval` can tell whether a person got the editors' role.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// Labels whose spans must be replaced.
pub const REPLACE_LABELS: [&str; 11] = [
    "PERSON",
    "ADDRESS",
    "PLACE",
    "DATE_OF_BIRTH",
    "BSN",
    "IBAN",
    "PHONE",
    "EMAIL",
    "LICENSE_PLATE",
    "ID_NUMBER",
    "ORGANISATION",
];

/// True for PROFESSIONAL and KEEP_* labels.
pub fn is_keep_label(label: &str) -> bool {
    label == "PROFESSIONAL" || (label.starts_with("KEEP_") && label.len() > 5)
}

pub fn is_replace_label(label: &str) -> bool {
    REPLACE_LABELS.contains(&label)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldDocument {
    pub id: String,
    pub text: String,
    pub entities: Vec<GoldSpan>,
}

#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {reason}")]
    Invalid {
        path: String,
        line: usize,
        reason: String,
    },
}

impl GoldDocument {
    /// Checks offsets and labels; `Err` holds the reason.
    pub fn validate(&self) -> Result<(), String> {
        let chars = self.text.chars().count();
        for span in &self.entities {
            if !is_replace_label(&span.label) && !is_keep_label(&span.label) {
                return Err(format!(
                    "document {:?}: unknown label {:?} (known: {}, PROFESSIONAL, KEEP_*)",
                    self.id,
                    span.label,
                    REPLACE_LABELS.join(", ")
                ));
            }
            if span.start >= span.end || span.end > chars {
                return Err(format!(
                    "document {:?}: span {}..{} ({}) is empty or outside the text of {chars} characters",
                    self.id, span.start, span.end, span.label
                ));
            }
        }
        Ok(())
    }

    /// The text of a span (code-point offsets).
    pub fn span_text(&self, span: &GoldSpan) -> String {
        self.text
            .chars()
            .skip(span.start)
            .take(span.end - span.start)
            .collect()
    }
}

/// Reads and validates a gold file; the error names the file and line.
/// The code-point offset of each of `byte_offsets` in `text` (gold offsets count code
/// points, the pipeline's bytes), in one pass over the text.
pub fn code_points_at(
    text: &str,
    byte_offsets: impl IntoIterator<Item = usize>,
) -> std::collections::BTreeMap<usize, usize> {
    let mut offsets: Vec<usize> = byte_offsets.into_iter().collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut at = std::collections::BTreeMap::new();
    let (mut chars, mut last) = (0, 0);
    for offset in offsets {
        chars += text[last..offset].chars().count();
        last = offset;
        at.insert(offset, chars);
    }
    at
}

pub fn read_gold(path: &Path) -> Result<Vec<GoldDocument>, GoldError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Read {
        path: shown.clone(),
        source,
    })?;
    let mut documents = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let invalid = |reason: String| GoldError::Invalid {
            path: shown.clone(),
            line: index + 1,
            reason,
        };
        let document: GoldDocument =
            serde_json::from_str(line).map_err(|e| invalid(e.to_string()))?;
        document.validate().map_err(invalid)?;
        documents.push(document);
    }
    Ok(documents)
}

/// One JSON line per document.
pub fn to_jsonl(documents: &[GoldDocument]) -> String {
    let mut out = String::new();
    for document in documents {
        out.push_str(&serde_json::to_string(document).expect("gold serialises"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_labels_and_bad_offsets_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.jsonl");
        std::fs::write(
            &path,
            r#"{"id":"a","text":"Jan","entities":[{"start":0,"end":3,"label":"NAME"}]}"#,
        )
        .unwrap();
        let err = read_gold(&path).unwrap_err().to_string();
        assert!(
            err.contains("g.jsonl:1") && err.contains("unknown label \"NAME\""),
            "{err}"
        );
        std::fs::write(
            &path,
            "\n{\"id\":\"a\",\"text\":\"Jan\",\"entities\":[{\"start\":0,\"end\":4,\"label\":\"PERSON\"}]}",
        )
        .unwrap();
        let err = read_gold(&path).unwrap_err().to_string();
        assert!(
            err.contains("g.jsonl:2") && err.contains("outside"),
            "{err}"
        );
    }

    #[test]
    fn keep_labels() {
        assert!(is_keep_label("PROFESSIONAL"));
        assert!(is_keep_label("KEEP_DATE"));
        assert!(!is_keep_label("KEEP_"));
        assert!(!is_keep_label("PERSON"));
    }

    #[test]
    fn round_trip_with_optional_entity() {
        let doc = GoldDocument {
            id: "x".into(),
            text: "Café Jan".into(),
            entities: vec![GoldSpan {
                start: 5,
                end: 8,
                label: "PERSON".into(),
                entity: None,
                placeholder: None,
            }],
        };
        let line = to_jsonl(std::slice::from_ref(&doc));
        assert!(!line.contains("entity"));
        assert_eq!(
            serde_json::from_str::<GoldDocument>(line.trim()).unwrap(),
            doc
        );
        assert_eq!(doc.span_text(&doc.entities[0]), "Jan");
    }
}
