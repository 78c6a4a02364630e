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
/// as "B". Foreign forms too, after the Dutch ones (from [`FIRST_FOREIGN_LEGAL_FORM`]):
/// rulings name German, British and American parties ("Kiffe Söhne GmbH", "Caerus Fund
/// Limited").
pub const LEGAL_FORMS: [&str; 21] = [
    "V.O.F.", "B.V.", "N.V.", "C.V.", "VOF", "BV", "NV", "CV", "U.A.", "U.A", "GmbH", "LIMITED",
    "Limited", "Ltd.", "Ltd", "Inc.", "INC.", "Inc", "S.A.", "LLC", "PLC",
];

/// Where the forms of companies under foreign law begin in [`LEGAL_FORMS`].
const FIRST_FOREIGN_LEGAL_FORM: usize = 10;

/// The legal forms of [`LEGAL_FORMS`] as a word without its closing full stop ("Inc", "Ltd",
/// "B.V"): how a word list or a name's parts meet them.
pub fn legal_form_words() -> impl Iterator<Item = &'static str> {
    LEGAL_FORMS.iter().map(|form| form.trim_end_matches('.'))
}

/// Whether a legal form of [`LEGAL_FORMS`] is one of a company under foreign law ("Ltd.",
/// "GmbH", "Inc", "S.A"), not a Dutch one ("B.V.", "N.V.", "V.O.F.").
pub fn is_foreign_legal_form(form: &str) -> bool {
    let form = form.trim_end_matches('.');
    LEGAL_FORMS[FIRST_FOREIGN_LEGAL_FORM..]
        .iter()
        .any(|foreign| foreign.trim_end_matches('.') == form)
}

/// The legal form written right after a name that ends at byte `end` ("DREAM BID LIMITED",
/// "Caerus Fund, Ltd."), if any.
pub fn legal_form_after(text: &str, end: usize) -> Option<&'static str> {
    let rest = text[end..].trim_start_matches([' ', '\t', ',']);
    LEGAL_FORMS.iter().copied().find(|form| {
        rest.strip_prefix(form)
            .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
    })
}

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
    form: Regex,
}

impl LegalEntityDetector {
    pub fn new() -> LegalEntityDetector {
        let forms = LEGAL_FORMS
            .iter()
            .map(|f| regex::escape(f))
            .collect::<Vec<_>>()
            .join("|");
        LegalEntityDetector {
            // The legal form is rare and cheap to find; the name is read backwards from it,
            // which is many times faster than a regex that tries every capitalised word.
            form: Regex::new(&format!(r"\b(?:{forms})")).expect("valid regex"),
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

/// Lower-case words that may sit inside a company name ("Bouwbedrijf van Dijk").
const CONNECTORS: [&str; 8] = ["van", "de", "der", "den", "en", "'t", "&", "von"];

fn is_name_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '-' | '.' | '&'))
}

/// Where the company name that ends at `end` (just before its legal form) starts: up to five
/// words, separated by spaces, the first capitalised and not a sentence word.
fn name_start(text: &str, end: usize) -> Option<usize> {
    let mut start = None;
    let mut position = end;
    for _ in 0..5 {
        let before = &text[..position];
        let trimmed = before.trim_end_matches([' ', '\t']);
        if trimmed.len() == before.len() {
            break;
        }
        let word_start = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | ',' | ';' | ':'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &trimmed[word_start..];
        if LEGAL_FORMS.contains(&word) {
            // The end of the company before ("X BV en Y B.V.").
            break;
        }
        if is_name_word(word) {
            if !NOT_A_NAME.contains(&word) {
                start = Some(word_start);
            }
        } else if !CONNECTORS.contains(&word) {
            break;
        }
        position = word_start;
    }
    start
}

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
        for m in self.form.find_iter(text) {
            // The form must end a word: "BV" not "BVB", "B.V." may be followed by anything.
            if !m.as_str().ends_with('.')
                && text[m.end()..].starts_with(|c: char| c.is_alphanumeric())
            {
                continue;
            }
            let Some(start) = name_start(text, m.start()) else {
                continue;
            };
            let found = &text[start..m.end()];
            if legal_form_suffix(found).is_none() {
                continue;
            }
            spans.push(
                Finding {
                    detector: ID,
                    category: Category::Organisation,
                    start,
                    end: m.end(),
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
    fn foreign_legal_forms_are_the_tail_of_the_list() {
        for dutch in ["V.O.F.", "B.V.", "BV", "N.V.", "C.V.", "U.A.", "U.A"] {
            assert!(!is_foreign_legal_form(dutch), "{dutch}");
        }
        for foreign in [
            "GmbH", "LIMITED", "Ltd.", "Ltd", "Inc", "INC", "S.A", "S.A.", "PLC",
        ] {
            assert!(is_foreign_legal_form(foreign), "{foreign}");
        }
        assert!(!is_foreign_legal_form("Holding"));
    }

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
        assert_eq!(
            found(
                &d,
                "met FahrzeugFabrik F.Kiffe Söhne GmbH & Co (hierna: Kiffe)"
            ),
            ["FahrzeugFabrik F.Kiffe Söhne GmbH"]
        );
        assert_eq!(
            found(&d, "de Kaaiman Eilanden, CAERUS FUND LIMITED, gevestigd te"),
            ["CAERUS FUND LIMITED"]
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
