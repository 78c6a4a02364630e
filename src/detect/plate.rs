//! Dutch licence plates (kentekens) in all fourteen sidecodes (`12-ABC-3`, `VZ-812-L`,
//! `1-KBB-00` ...). With dashes the exact sidecode shape is enough; written without dashes
//! (`12ABC3`) a plate needs a context word such as "kenteken" or "gekentekend".

use super::{byte_positions, compact_upper, context_before, matches_near, Detector, Finding};
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
                        r"[0-9]"
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
            context: Regex::new(r"(?-u:\b)(?:[Kk]enteken|[Gg]ekentekend|[Nn]ummerplaat|[Vv]oertuig|[Pp]ersonenauto|[Bb]estelauto|[Vv]rachtauto|[Aa]uto|[Bb]estelbus|[Ss]cooter|[Mm]otor|[Mm]otorfiets|[Vv]rachtwagen)")
                .expect("valid regex"),
        }
    }

    fn push_matches(
        &self,
        text: &str,
        candidates: Vec<(usize, usize)>,
        needs_context: bool,
        spans: &mut Vec<Span>,
    ) {
        for (start, end) in candidates {
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | ':'))
                || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/'))
            {
                continue;
            }
            let has_context = self.context.is_match(context_before(text, start, 48));
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
                    start,
                    end,
                    confidence,
                    evidence,
                    normalised: compact_upper(&text[start..end]),
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
        let text = &doc.text;
        let mut spans = Vec::new();
        // Every dashed sidecode has a dash at most three characters in: search near dashes.
        let dashed = matches_near(text, byte_positions(text, b'-'), 3, 9, &self.dashed);
        self.push_matches(text, dashed, false, &mut spans);
        // Without dashes, only shortly after a vehicle word.
        let anchors = self.context.find_iter(text).map(|m| m.end());
        let undashed = matches_near(text, anchors, 0, 48, &self.undashed);
        self.push_matches(text, undashed, true, &mut spans);
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
