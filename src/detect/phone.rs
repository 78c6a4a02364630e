//! Dutch phone numbers: landline and mobile, national (`06-12345678`, `(020) 555 12 34`,
//! `050 - 318 42 71`) and international (`+31 6 1234 5678`, `0031 20 555 1234`). A candidate
//! must reduce to ten national digits; dates and case numbers are rejected by shape.

use super::{context_before, digits, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:phone";

pub struct PhoneDetector {
    candidate: Regex,
    not_phone: Regex,
    context: Regex,
}

impl PhoneDetector {
    pub fn new() -> PhoneDetector {
        // A separator is a space, a dash (optionally spaced) or a dot.
        let sep = r"(?:[ \t]?-[ \t]?|[ \t]|\.)?";
        let international = format!(r"(?:\+|00)31{sep}(?:\(0\){sep})?[1-9](?:{sep}[0-9]){{8}}");
        let bracketed = format!(r"\(0[0-9]{{1,3}}\){sep}[0-9](?:{sep}[0-9]){{4,7}}");
        let national = format!(r"0[1-9](?:{sep}[0-9]){{8}}");
        PhoneDetector {
            candidate: Regex::new(&format!("{international}|{bracketed}|{national}"))
                .expect("valid regex"),
            not_phone: Regex::new(r"^[0-9]{1,2}[-./ ][0-9]{1,2}[-./ ][0-9]{2,4}(?:\D|$)|^[0-9]{2}-[0-9]{6}-[0-9]{2}$")
                .expect("valid regex"),
            context: Regex::new(r"(?i-u)\b(tel|telefoon|telefoonnummer|mobiel|mobiele|gsm|gebeld|belde|sms|whatsapp|nummer)\b")
                .expect("valid regex"),
        }
    }
}

impl Default for PhoneDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// The national form (`0612345678`) of a candidate, if it has exactly ten national digits.
pub fn national_form(candidate: &str) -> Option<String> {
    let all = digits(candidate);
    let national = if let Some(rest) = candidate.trim_start().strip_prefix('+') {
        let rest_digits = digits(rest);
        let without_country = rest_digits.strip_prefix("31")?;
        let without_zero = if rest.contains("(0)") {
            without_country.strip_prefix('0')?
        } else {
            without_country
        };
        format!("0{without_zero}")
    } else if let Some(rest) = all.strip_prefix("0031") {
        let rest = if candidate.contains("(0)") {
            rest.strip_prefix('0')?
        } else {
            rest
        };
        format!("0{rest}")
    } else {
        all
    };
    (national.len() == 10 && national.starts_with('0') && !national.starts_with("00"))
        .then_some(national)
}

impl Detector for PhoneDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Phone]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.candidate.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            if before.is_some_and(|c| {
                c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | ',' | ':' | '+')
            }) {
                continue;
            }
            let mut after = text[m.end()..].chars();
            let next = after.next();
            if next.is_some_and(char::is_alphanumeric)
                || (matches!(next, Some('-' | '/' | '.' | ',' | ':'))
                    && after.next().is_some_and(|c| c.is_ascii_digit()))
            {
                continue;
            }
            if self.not_phone.is_match(m.as_str()) {
                continue;
            }
            let Some(national) = national_form(m.as_str()) else {
                continue;
            };
            let has_context = self.context.is_match(context_before(text, m.start(), 40));
            let (confidence, evidence, reason) = if has_context {
                (
                    0.95,
                    Evidence::Context,
                    "Dutch phone number shape, phone context",
                )
            } else {
                (0.85, Evidence::Pattern, "Dutch phone number shape")
            };
            spans.push(
                Finding {
                    detector: ID,
                    category: Category::Phone,
                    start: m.start(),
                    end: m.end(),
                    confidence,
                    evidence,
                    normalised: national,
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
    fn formats() {
        let d = PhoneDetector::new();
        for number in [
            "06-12345678",
            "06 1234 5678",
            "0612345678",
            "+31 6 1234 5678",
            "+31 (0)6 1234 5678",
            "+31612345678",
            "0031 6 12345678",
            "(020) 555 12 34",
            "050 - 318 42 71",
            "020-5551234",
            "0575-123456",
            "010.412.34.56",
        ] {
            let text = format!("bereikbaar op {number}, zei hij");
            assert_eq!(found(&d, &text), [number], "{number}");
        }
    }

    #[test]
    fn same_number_same_normal_form() {
        assert_eq!(national_form("+31 6 1234 5678").unwrap(), "0612345678");
        assert_eq!(national_form("0031 6 12345678").unwrap(), "0612345678");
        assert_eq!(national_form("06-12345678").unwrap(), "0612345678");
        assert_eq!(national_form("+31 (0)20 555 1234").unwrap(), "0205551234");
    }

    #[test]
    fn negatives() {
        let d = PhoneDetector::new();
        for text in [
            "op 01-02-2023 12 uur",
            "op 01-02-2023 om 12.30 uur",
            "parketnummer 13/123456-22",
            "parketnummer 05-028450-25",
            "zaaknummer C/16/512345 / HA ZA 21-345",
            "ROT 21/3941",
            "bedrag van € 1.234,56",
            "nummer 061234567",
            "nummer 06123456789",
            "ECLI:NL:HR:2020:0612345678",
        ] {
            assert!(found(&d, text).is_empty(), "{text}: {:?}", found(&d, text));
        }
    }
}
