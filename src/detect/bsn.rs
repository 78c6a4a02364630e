//! BSN (burgerservicenummer): nine digits that pass the 11-test, written as `123456782`,
//! `1234.56.782` or `123 456 782`. A number that fails the test is only reported when the
//! context says it is a BSN, and then with lower confidence. The `123.456.789` form is also
//! the shape of court-of-appeal case numbers (`200.123.456/01`), so it needs context too.

use super::{context_before, digits, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:bsn";

pub struct BsnDetector {
    candidate: Regex,
    context: Regex,
}

impl BsnDetector {
    pub fn new() -> BsnDetector {
        BsnDetector {
            candidate: Regex::new(r"[0-9]{4}\.[0-9]{2}\.[0-9]{3}|[0-9]{3}[ .][0-9]{3}[ .][0-9]{3}|[0-9]{9}")
                .expect("valid regex"),
            context: Regex::new(r"(?i-u)\b(bsn|burgerservicenummer|burgerservice-nummer|sofi-?nummer|persoonsnummer|a-nummer)\b")
                .expect("valid regex"),
        }
    }
}

impl Default for BsnDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// The ninth digit that makes eight BSN digits pass the 11-test (weights 9..2 for the first
/// eight, -1 for the last), or `None` when no digit can (the weighted sum is 10 mod 11).
pub fn check_digit(first_eight: &[u32]) -> Option<u32> {
    let sum: u32 = first_eight
        .iter()
        .enumerate()
        .map(|(i, &d)| (9 - i as u32) * d)
        .sum();
    Some(sum % 11).filter(|&check| check < 10)
}

/// The 11-test (elfproef) for BSNs.
pub fn passes_eleven_test(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    digits.len() == 9
        && digits.iter().any(|&d| d != 0)
        && check_digit(&digits[..8]) == Some(digits[8])
}

fn glued_to_number(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let next = after.next();
    let next_next = after.next();
    before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | ','))
        || next.is_some_and(char::is_alphanumeric)
        || (matches!(next, Some('/' | '-' | '.' | ','))
            && next_next.is_some_and(|c| c.is_ascii_digit()))
}

impl Detector for BsnDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Bsn]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.candidate.find_iter(text) {
            if glued_to_number(text, m.start(), m.end()) {
                continue;
            }
            let value = digits(m.as_str());
            let has_context = self.context.is_match(context_before(text, m.start(), 48));
            let valid = passes_eleven_test(&value);
            let dotted_triplet = m.as_str().as_bytes()[3] == b'.';
            let (confidence, evidence, reason) = match (valid, has_context) {
                (true, true) => (0.99, Evidence::Checksum, "11-test passed, BSN context"),
                (true, false) if !dotted_triplet => (0.9, Evidence::Checksum, "11-test passed"),
                (false, true) => (0.6, Evidence::Context, "BSN context, 11-test failed"),
                _ => continue,
            };
            spans.push(
                Finding {
                    detector: ID,
                    category: Category::Bsn,
                    start: m.start(),
                    end: m.end(),
                    confidence,
                    evidence,
                    normalised: value,
                    reason: reason.to_string(),
                }
                .into_span(),
            );
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found;

    #[test]
    fn eleven_test() {
        assert!(passes_eleven_test("123456782"));
        assert!(passes_eleven_test("111222333"));
        assert!(!passes_eleven_test("123456789"));
        assert!(!passes_eleven_test("000000000"));
    }

    #[test]
    fn valid_in_all_formats() {
        let d = BsnDetector::new();
        assert_eq!(found(&d, "nummer 123456782."), ["123456782"]);
        assert_eq!(found(&d, "bsn: 1234.56.782,"), ["1234.56.782"]);
        assert_eq!(found(&d, "bekend onder 123 456 782"), ["123 456 782"]);
        assert_eq!(found(&d, "BSN 123.456.782"), ["123.456.782"]);
    }

    #[test]
    fn invalid_only_with_context_and_lower_confidence() {
        let d = BsnDetector::new();
        assert!(found(&d, "kenmerk 123456789 van").is_empty());
        let doc = Document::from_text("t", "burgerservicenummer 123456789");
        let spans = d.detect(&doc);
        assert_eq!(spans.len(), 1);
        assert!(spans[0].confidence < 0.7);
        assert_eq!(spans[0].evidence, Evidence::Context);
    }

    #[test]
    fn negatives() {
        let d = BsnDetector::new();
        // Court-of-appeal case numbers share the dotted shape and may pass the 11-test.
        assert!(found(&d, "zaaknummer 200.123.456/01").is_empty());
        assert!(found(&d, "zaak 123.456.782 hof").is_empty());
        // Part of a longer number, a parketnummer, an amount.
        assert!(found(&d, "1234567820").is_empty());
        assert!(found(&d, "13/123456782-22").is_empty());
        assert!(found(&d, "€ 123.456.782,00").is_empty());
        assert!(found(&d, "telefoon 0612345678").is_empty());
    }
}
