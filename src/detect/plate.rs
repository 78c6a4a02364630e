//! Dutch licence plates (kentekens) in all fourteen sidecodes (`12-ABC-3`, `VZ-812-L`,
//! `1-KBB-00` ...). With dashes the exact sidecode shape is enough; written without dashes
//! (`12ABC3`) a plate needs a context word such as "kenteken" or "gekentekend".

use super::{compact_upper, context_before, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:license-plate";

/// Sidecodes 1-14, as letter (L) and digit (D) group lengths.
const SIDECODES: [&str; 14] = [
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD",
    "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
];

fn sidecode_regex(separator: &str) -> String {
    SIDECODES
        .iter()
        .map(|code| {
            code.split('-')
                .map(|group| {
                    let class = if group.starts_with('L') {
                        "[A-Z]"
                    } else {
                        r"\d"
                    };
                    format!("{class}{{{}}}", group.len())
                })
                .collect::<Vec<_>>()
                .join(separator)
        })
        .collect::<Vec<_>>()
        .join("|")
}

pub struct PlateDetector {
    dashed: Regex,
    undashed: Regex,
    context: Regex,
}

impl PlateDetector {
    pub fn new() -> PlateDetector {
        PlateDetector {
            dashed: Regex::new(&sidecode_regex("-")).expect("valid regex"),
            undashed: Regex::new(&sidecode_regex("")).expect("valid regex"),
            context: Regex::new(r"(?i)\b(kenteken\w*|gekentekend\w*|nummerplaat|voertuig|(?:personen|bestel|vracht)?auto|bestelbus|scooter|motor(?:fiets)?|vrachtwagen)\b")
                .expect("valid regex"),
        }
    }

    fn push_matches(&self, text: &str, regex: &Regex, needs_context: bool, spans: &mut Vec<Span>) {
        for m in regex.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | ':'))
                || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/'))
            {
                continue;
            }
            let has_context = self.context.is_match(context_before(text, m.start(), 48));
            if needs_context && !has_context {
                continue;
            }
            let (confidence, evidence, reason) = if has_context {
                (
                    0.97,
                    Evidence::Context,
                    "licence-plate sidecode, vehicle context",
                )
            } else {
                (0.9, Evidence::Pattern, "licence-plate sidecode shape")
            };
            spans.push(
                Finding {
                    detector: ID,
                    category: Category::LicensePlate,
                    start: m.start(),
                    end: m.end(),
                    confidence,
                    evidence,
                    normalised: compact_upper(m.as_str()),
                    reason: reason.to_string(),
                }
                .into_span(),
            );
        }
    }
}

impl Default for PlateDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector for PlateDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::LicensePlate]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let mut spans = Vec::new();
        self.push_matches(&doc.text, &self.dashed, false, &mut spans);
        self.push_matches(&doc.text, &self.undashed, true, &mut spans);
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found;

    #[test]
    fn every_sidecode_with_dashes() {
        let d = PlateDetector::new();
        for plate in [
            "AB-12-34", "12-34-AB", "12-AB-34", "AB-12-CD", "AB-CD-12", "12-AB-CD", "12-ABC-3",
            "1-KBB-00", "VZ-812-L", "K-123-BB", "ABC-12-D", "A-12-BCD", "1-AB-123", "123-AB-4",
        ] {
            assert_eq!(
                found(&d, &format!("de wagen {plate} reed")),
                [plate],
                "{plate}"
            );
        }
    }

    #[test]
    fn undashed_needs_context() {
        let d = PlateDetector::new();
        assert_eq!(found(&d, "met kenteken 12ABC3 reed"), ["12ABC3"]);
        assert!(found(&d, "code 12ABC3 in het dossier").is_empty());
    }

    #[test]
    fn same_plate_same_key() {
        assert_eq!(compact_upper("12-ABC-3"), compact_upper("12ABC3"));
    }

    #[test]
    fn negatives() {
        let d = PlateDetector::new();
        for text in [
            "zaaknummer C/16/512345 / HA ZA 21-345",
            "ROT 21/3941",
            "parketnummer 13/123456-22",
            "op 12-03-2021",
            "ECLI:NL:RBAMS:2021:1234",
            "BK-21/00123",
            "artikel 6:162 BW",
        ] {
            assert!(found(&d, text).is_empty(), "{text}: {:?}", found(&d, text));
        }
    }
}
