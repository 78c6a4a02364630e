//! Companies by their legal form: "Bouwbedrijf Van Dijk B.V.", "Kuijpers Holding N.V.",
//! "Jansen & Zn. V.O.F.". Whether such a name is replaced is not this detector's call: the
//! resolve stage applies the organisation policy of the configuration (legal persons are
//! kept by default, partnerships and companies traceable to a person are replaced, tax
//! cases replace them all; see [`crate::config::OrganisationPolicy`]).

use super::{Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

pub const ID: &str = "rule:legal-entity";

/// Legal forms as written after a company name, longest first so that "B.V." is not read
/// as "B".
pub const LEGAL_FORMS: [&str; 10] = [
    "V.O.F.", "B.V.", "N.V.", "C.V.", "VOF", "BV", "NV", "CV", "U.A.", "U.A",
];

/// The legal form that ends `name` ("B.V." in "Van Dijk  B.V."), if any, with the byte
/// offset where the name before it ends (trailing whitespace excluded).
pub fn legal_form_suffix(name: &str) -> Option<(usize, &str)> {
    let trimmed = name.trim_end();
    LEGAL_FORMS.iter().find_map(|form| {
        let rest = trimmed.strip_suffix(form)?;
        let core = rest.trim_end();
        // The form must be a word of its own ("Holding BV", not "HBV").
        (core.len() < rest.len() && !core.is_empty()).then_some((core.len(), *form))
    })
}

/// The name without its legal form, lower case, single spaces: the key that makes
/// "Handelsonderneming Kuijpers B.V." and "Handelsonderneming Kuijpers  BV" one company.
pub fn organisation_key(name: &str) -> String {
    let core = match legal_form_suffix(name) {
        Some((end, _)) => &name[..end],
        None => name,
    };
    core.split_whitespace()
        .map(|w| w.trim_matches([',', ';', ':', '"', '\'']))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub struct LegalEntityDetector {
    name: Regex,
}

impl LegalEntityDetector {
    pub fn new() -> LegalEntityDetector {
        // One to four capitalised words (with "van", "de", "&" between), then a legal form.
        let word = r"(?:[A-Z][\p{L}'\-]*\.?|&|van|de|der|den|en|'t)";
        let forms = LEGAL_FORMS
            .iter()
            .map(|f| regex::escape(f))
            .collect::<Vec<_>>()
            .join("|");
        LegalEntityDetector {
            name: Regex::new(&format!(
                r"\b[A-Z][\p{{L}}'\-]*(?:[ \t]+{word}){{0,4}}[ \t]+(?:{forms})(?:\W|$)"
            ))
            .expect("valid regex"),
        }
    }
}

impl Default for LegalEntityDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// Words that start a sentence or name a role rather than a company.
const NOT_A_NAME: [&str; 12] = [
    "De", "Het", "Een", "Deze", "Die", "Dat", "En", "Ook", "Aan", "Door", "Namens", "Tegen",
];

impl Detector for LegalEntityDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Organisation]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.name.find_iter(text) {
            let mut found = m.as_str();
            // The match may end with the character after the form.
            if let Some(last) = found.chars().next_back() {
                if !last.is_alphanumeric() && last != '.' {
                    found = &found[..found.len() - last.len_utf8()];
                }
            }
            let mut start = m.start();
            let first_word = found.split_whitespace().next().unwrap_or("");
            if NOT_A_NAME.contains(&first_word) {
                let Some(next) = found[first_word.len()..].find(|c: char| !c.is_whitespace())
                else {
                    continue;
                };
                start += first_word.len() + next;
                found = &text[start..m.start() + found.len()];
            }
            if legal_form_suffix(found).is_none() {
                continue;
            }
            spans.push(
                Finding {
                    detector: ID,
                    category: Category::Organisation,
                    start,
                    end: start + found.len(),
                    confidence: 0.8,
                    evidence: Evidence::Pattern,
                    normalised: organisation_key(found),
                    reason: "company name with a legal form".to_string(),
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
    fn names_with_a_legal_form() {
        let d = LegalEntityDetector::new();
        assert_eq!(
            found(&d, "gedaagde: Bouwbedrijf Van Dijk B.V., gevestigd te Ede"),
            ["Bouwbedrijf Van Dijk B.V."]
        );
        assert_eq!(
            found(&d, "De Kuijpers Holding BV en Jansen & Zn. V.O.F."),
            ["Kuijpers Holding BV", "Jansen & Zn. V.O.F."]
        );
    }

    #[test]
    fn keys_ignore_the_form_and_spacing() {
        assert_eq!(
            organisation_key("Handelsonderneming Kuijpers  B.V."),
            "handelsonderneming kuijpers"
        );
        assert_eq!(
            organisation_key("Handelsonderneming Kuijpers"),
            "handelsonderneming kuijpers"
        );
        assert_eq!(legal_form_suffix("Van Dijk B.V."), Some((8, "B.V.")));
        assert_eq!(legal_form_suffix("HBV"), None);
    }

    #[test]
    fn negatives() {
        let d = LegalEntityDetector::new();
        assert!(found(&d, "de bv werd opgericht; een NV is iets anders").is_empty());
        assert!(found(&d, "artikel 2:8 BW").is_empty());
    }
}
