//! IBAN for the Netherlands and the other SEPA countries, with or without spaces, checked
//! with mod 97 (ISO 13616). The country's length decides where the number ends, so a word
//! after the IBAN is never swallowed.

use super::{compact_upper, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:iban";

/// SEPA countries and their IBAN lengths.
const SEPA_LENGTHS: [(&str, usize); 36] = [
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
];

pub struct IbanDetector {
    candidate: Regex,
}

impl IbanDetector {
    pub fn new() -> IbanDetector {
        IbanDetector {
            // Only the start; the country's length decides the end. Spelling out the
            // country codes lets the regex engine jump between them (seven times faster
            // than `[A-Z]{2}` on rulings).
            candidate: Regex::new(&format!(
                "(?:{})[0-9]{{2}} ?[A-Z0-9]{{4}}",
                SEPA_LENGTHS.map(|(code, _)| code).join("|")
            ))
            .expect("valid regex"),
        }
    }
}

impl Default for IbanDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// The IBAN length for a country code, if it is a SEPA country.
pub fn sepa_length(country: &str) -> Option<usize> {
    SEPA_LENGTHS
        .iter()
        .find(|(code, _)| *code == country)
        .map(|&(_, len)| len)
}

/// The remainder mod 97 of letters and digits read as ISO 13616 numbers (A = 10 … Z = 35),
/// or `None` for any other character.
fn mod97(chars: impl Iterator<Item = char>) -> Option<u32> {
    let mut remainder: u32 = 0;
    for c in chars {
        let value = c.to_digit(36)?;
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    Some(remainder)
}

/// ISO 13616 mod-97 check on an IBAN without spaces.
pub fn passes_mod97(iban: &str) -> bool {
    iban.len() >= 5
        && iban.is_ascii()
        && mod97(iban[4..].chars().chain(iban[..4].chars())) == Some(1)
}

/// The two check digits of an IBAN with this country code and BBAN.
pub fn check_digits(country: &str, bban: &str) -> Option<u32> {
    mod97(bban.chars().chain(country.chars()).chain("00".chars())).map(|r| 98 - r)
}

impl Detector for IbanDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Iban]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.candidate.find_iter(text) {
            if text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let Some(length) = sepa_length(&m.as_str()[..2]) else {
                continue;
            };
            // Walk on until `length` letters and digits are consumed, allowing single spaces.
            let mut seen = 0;
            let mut end = m.start();
            let mut previous_space = false;
            for (offset, c) in text[m.start()..].char_indices() {
                if c.is_ascii_uppercase() || c.is_ascii_digit() {
                    seen += 1;
                    previous_space = false;
                    if seen == length {
                        end = m.start() + offset + 1;
                        break;
                    }
                } else if c == ' ' && !previous_space {
                    previous_space = true;
                } else {
                    break;
                }
            }
            if seen < length
                || text[end..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            let value = compact_upper(&text[m.start()..end]);
            if !passes_mod97(&value) {
                continue;
            }
            spans.push(
                Finding {
                    detector: ID,
                    category: Category::Iban,
                    start: m.start(),
                    end,
                    confidence: 0.99,
                    evidence: Evidence::Checksum,
                    normalised: value,
                    reason: "mod-97 check passed".to_string(),
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
    fn mod97() {
        assert!(passes_mod97("NL91ABNA0417164300"));
        assert!(passes_mod97("BE68539007547034"));
        assert!(passes_mod97("DE89370400440532013000"));
        assert!(!passes_mod97("NL91ABNA0417164301"));
    }

    #[test]
    fn found_with_and_without_spaces() {
        let d = IbanDetector::new();
        assert_eq!(
            found(&d, "op rekening NL91ABNA0417164300 ten name van"),
            ["NL91ABNA0417164300"]
        );
        assert_eq!(
            found(&d, "IBAN NL91 ABNA 0417 1643 00 ten name"),
            ["NL91 ABNA 0417 1643 00"]
        );
        assert_eq!(
            found(&d, "Belgische rekening BE68 5390 0754 7034."),
            ["BE68 5390 0754 7034"]
        );
        assert_eq!(
            found(&d, "DE89 3704 0044 0532 0130 00 EN"),
            ["DE89 3704 0044 0532 0130 00"]
        );
    }

    #[test]
    fn negatives() {
        let d = IbanDetector::new();
        assert!(found(&d, "NL91ABNA0417164301").is_empty(), "bad checksum");
        assert!(found(&d, "US91ABNA0417164300").is_empty(), "not SEPA");
        assert!(found(&d, "XNL91ABNA0417164300").is_empty(), "glued");
        assert!(found(&d, "ECLI:NL:HR:2020:1234").is_empty());
    }
}
