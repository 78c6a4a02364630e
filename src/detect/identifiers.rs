//! Numbers that identify a person only in context: the V-nummer of the immigration service
//! (ten digits after "V-nummer" or "vreemdelingennummer"), and passport, identity-card and
//! driving-licence numbers after their document's name.

use super::{compact_upper, context_before, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const V_NUMBER_ID: &str = "rule:v-number";
const DOCUMENT_NUMBER_ID: &str = "rule:document-number";

pub struct VNumberDetector {
    number: Regex,
    context: Regex,
}

impl VNumberDetector {
    pub fn new() -> VNumberDetector {
        VNumberDetector {
            number: Regex::new(r"\d{10}|\d{4}[ .]\d{3}[ .]\d{3}|\d{2}\.\d{2}\.\d{2}\.\d{2}\.\d{2}")
                .expect("valid regex"),
            context: Regex::new(r"(?i)\b(v-?nummer|v-?nr\.?|vreemdelingennummer)")
                .expect("valid regex"),
        }
    }
}

impl Default for VNumberDetector {
    fn default() -> Self {
        Self::new()
    }
}

fn is_isolated(text: &str, start: usize, end: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.'))
        && !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

impl Detector for VNumberDetector {
    fn id(&self) -> &str {
        V_NUMBER_ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::IdNumber]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.number.find_iter(text) {
            if !is_isolated(text, m.start(), m.end())
                || !self.context.is_match(context_before(text, m.start(), 40))
            {
                continue;
            }
            let mut span = Finding {
                detector: V_NUMBER_ID,
                category: Category::IdNumber,
                start: m.start(),
                end: m.end(),
                confidence: 0.95,
                evidence: Evidence::Context,
                normalised: compact_upper(m.as_str()),
                reason: "ten digits after \"V-nummer\"".to_string(),
            }
            .into_span();
            span.label = Some("V-nummer".to_string());
            spans.push(span);
        }
        spans
    }
}

pub struct DocumentNumberDetector {
    number: Regex,
    context: Regex,
}

impl DocumentNumberDetector {
    pub fn new() -> DocumentNumberDetector {
        DocumentNumberDetector {
            number: Regex::new(r"[A-Z0-9]{6,12}").expect("valid regex"),
            context: Regex::new(r"(?i)\b(paspoort\w*|identiteitskaart\w*|id-kaart\w*|identiteitsbewijs\w*|rijbewijs\w*|reisdocument\w*|documentnummer|verblijfsdocument\w*|verblijfsvergunning\w*)\b")
                .expect("valid regex"),
        }
    }
}

impl Default for DocumentNumberDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector for DocumentNumberDetector {
    fn id(&self) -> &str {
        DOCUMENT_NUMBER_ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::IdNumber]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.number.find_iter(text) {
            let digit_count = m.as_str().chars().filter(char::is_ascii_digit).count();
            if digit_count < 3
                || !is_isolated(text, m.start(), m.end())
                || !self.context.is_match(context_before(text, m.start(), 48))
            {
                continue;
            }
            let mut span = Finding {
                detector: DOCUMENT_NUMBER_ID,
                category: Category::IdNumber,
                start: m.start(),
                end: m.end(),
                confidence: 0.9,
                evidence: Evidence::Context,
                normalised: m.as_str().to_string(),
                reason: "code after the name of an identity document".to_string(),
            }
            .into_span();
            span.label = Some("documentnummer".to_string());
            spans.push(span);
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found;

    #[test]
    fn v_numbers() {
        let d = VNumberDetector::new();
        assert_eq!(found(&d, "V-nummer 1234567890)"), ["1234567890"]);
        assert_eq!(
            found(&d, "vreemdelingennummer: 2345.678.901"),
            ["2345.678.901"]
        );
        assert!(found(&d, "nummer 1234567890").is_empty());
        assert!(found(&d, "V-nummer 12345678901").is_empty());
    }

    #[test]
    fn document_numbers() {
        let d = DocumentNumberDetector::new();
        assert_eq!(
            found(&d, "paspoort met nummer NXC4R7T51 getoond"),
            ["NXC4R7T51"]
        );
        assert_eq!(found(&d, "rijbewijsnummer 5012345678"), ["5012345678"]);
        assert!(found(&d, "paspoort met nummer ABCDEF").is_empty());
        assert!(found(&d, "het paspoort is in 2019 verlopen").is_empty());
    }
}
