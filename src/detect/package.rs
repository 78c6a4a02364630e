//! Fields of a Word package that name someone whatever they say: the author and initials of
//! a tracked change or comment, the document's creator and last editor, the company and
//! manager of `docProps/app.xml` (see `read::docx`). The reader marks where their values
//! stand in the text; this detector reports each as a person or organisation with the
//! field as its reason, so that they are replaced and logged like any other span, with the
//! same pseudonym as the same name in the body.

use super::Detector;
use crate::model::{Category, Document, Evidence, Span};

pub const ID: &str = "rule:docx-property";

#[derive(Default)]
pub struct PackagePropertyDetector;

impl PackagePropertyDetector {
    pub fn new() -> PackagePropertyDetector {
        PackagePropertyDetector
    }
}

impl Detector for PackagePropertyDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Person, Category::Organisation]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let Some(package) = doc.package.as_deref() else {
            return Vec::new();
        };
        package
            .properties
            .iter()
            .map(|property| {
                let value = &doc.text[property.start..property.end];
                // Only the value's words, so that a value with padding maps to its name.
                let trimmed = value.trim();
                let start = property.start + (value.len() - value.trim_start().len());
                Span {
                    start,
                    end: start + trimmed.len(),
                    category: property.category,
                    detector: ID.to_string(),
                    confidence: 1.0,
                    evidence: Evidence::Pattern,
                    normalised: trimmed.to_string(),
                    label: None,
                    reason: format!(
                        "names a person or body in the Word package: {}",
                        property.what
                    ),
                }
            })
            .collect()
    }
}
