//! A party's name in the header of a ruling, by the role word that closes it: "Mark de Groot,
//! appellant,", "Anna Bos, te Epe, appellante,", "Partijen: Rutger Bosch te Tiel
//! (betrokkene)". The model finds most of them; where it misses one, the party's own name
//! would survive at the top of the ruling (train and dev, refilled with other seeds: four
//! such headers in 1,000 refilled rulings).
//!
//! Only a name that opens its line (or follows "tussen:", "tegen", a colon or a list's
//! number) and reads as a person's is taken: initials or a given name, then a surname, no
//! word of it a word of the language or the law (a company, "CNV Bedrijvenbond, te
//! Nieuwegein, appellante", or a body) unless it is a listed name.

use super::professional::{surname_pattern, INITIALS, NAME_WORD};
use super::{context_before, Detector, Finding};
use crate::lexicon;
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:party";

/// How far before its role word a party's name (with its residence) may start.
const HEADER_BYTES: usize = 160;

pub struct PartyDetector {
    /// ", appellant,", " te Epe, appellante,", " te Tiel (betrokkene)": rare, so the name is
    /// read only in the bytes before one.
    role: Regex,
    name_at_the_end: Regex,
}

impl PartyDetector {
    pub fn new() -> PartyDetector {
        let party = super::residence::PARTY_ROLES;
        let place = format!(
            r"(?:'s-)?{NAME_WORD}(?:[ \t]+(?:aan[ \t]+de[nr]?|aan|op|bij|in|den|de)?[ \t]*{NAME_WORD})?"
        );
        let residence = format!(
            r"(?:[ \t]*,)?[ \t]+(?:(?:wonende|wonend)[ \t]+)?(?:te|in)[ \t]+{place}(?:[ \t]*\([^)\n]{{1,30}}\))?"
        );
        let surname = surname_pattern();
        PartyDetector {
            // Starting at its punctuation, so that the search jumps between commas and
            // brackets (a leading residence or blank would be tried at every space). The role
            // may stand on the next line ("J.C. Mol,\nappellant,": train seed 10).
            role: Regex::new(&format!(
                r"(?:,[ \t]*(?:\r?\n[ \t]*)?{party}[ \t]*(?:,|\.|;|\r?\n|$)|\({party}\))"
            ))
            .expect("valid regex"),
            // The name, then the residence the header may give between it and the role.
            name_at_the_end: Regex::new(&format!(
                r"(?P<name>(?:{INITIALS}|(?:{NAME_WORD}[ \t]+){{1,3}}){surname})(?:{residence})?[ \t]*$"
            ))
            .expect("valid regex"),
        }
    }
}

impl Default for PartyDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether the words before a name on its line let it open a header: nothing, a colon, a
/// list's number, or "tegen", "en", "van", "inzake", "tussen".
fn opens_a_header(before_on_line: &str) -> bool {
    let before = before_on_line.trim_end();
    if before.is_empty() || before.ends_with(':') {
        return true;
    }
    if let Some(number) = before.strip_suffix('.') {
        if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    ["tegen", "en", "van", "inzake", "tussen"].contains(&last.as_str())
}

/// Whether the words of `name` read as a person's: the first initials, a listed first name or
/// a word no list knows (not an acronym: "CNV Bedrijvenbond"), and no word a term of law, a
/// role, a title or a country (a surname may be a Dutch word: "Kamphuis", "Bakker").
fn reads_as_a_persons_name(name: &str) -> bool {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let given = first.ends_with('.')
        || lexicon::is_first_name(first)
        || !(lexicon::is_known_word(first) || first.chars().all(|c| c.is_uppercase()));
    given
        && words.len() >= 2
        && words.iter().all(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphabetic());
            w.ends_with('.')
                || crate::detect::SURNAME_PREFIXES.contains(&bare.to_lowercase().as_str())
                || lexicon::is_first_name(bare)
                || lexicon::is_common_surname(bare)
                || !(lexicon::is_legal_term(bare)
                    || lexicon::is_role_word(bare)
                    || lexicon::is_title(bare)
                    || lexicon::is_country(bare))
        })
}

impl Detector for PartyDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Person]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for role in self.role.find_iter(text) {
            let before = context_before(text, role.start(), HEADER_BYTES);
            let offset = role.start() - before.len();
            let Some(name) = self
                .name_at_the_end
                .captures(before)
                .and_then(|c| c.name("name"))
            else {
                continue;
            };
            let (start, end) = (offset + name.start(), offset + name.end());
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            if !opens_a_header(&text[line_start..start]) || !reads_as_a_persons_name(name.as_str())
            {
                continue;
            }
            spans.push(
                Finding {
                    detector: ID,
                    category: Category::Person,
                    start,
                    end,
                    confidence: 0.85,
                    evidence: Evidence::Context,
                    normalised: text[start..end].to_lowercase(),
                    reason: format!(
                        "a party's name before its role word {:?}",
                        role.as_str().trim()
                    ),
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
    fn a_partys_name_before_its_role_word_is_found() {
        let d = PartyDetector::new();
        assert_eq!(
            found(&d, "In de zaak van:\n      Jorien Kamphuis, appellant,\n"),
            ["Jorien Kamphuis"]
        );
        assert_eq!(
            found(
                &d,
                "op het hoger beroep van:\nK.D. Rijnsburg,\nappellant,\ntegen"
            ),
            ["K.D. Rijnsburg"]
        );
        assert_eq!(
            found(&d, "Partijen:\n  T.W. van Ommeren te Ulft (betrokkene)\n"),
            ["T.W. van Ommeren"]
        );
        assert_eq!(
            found(
                &d,
                "tegen Sietske Hoekstra-de Wit, wonende te Sneek, verweerster,"
            ),
            ["Sietske Hoekstra-de Wit"]
        );
    }

    #[test]
    fn a_company_a_body_or_a_sentence_is_no_partys_name() {
        let d = PartyDetector::new();
        assert!(found(&d, "CNV Bedrijvenbond, te Nieuwegein, appellante,").is_empty());
        assert!(found(&d, "Stichting Woonzorg, te Utrecht, appellante,").is_empty());
        // Not at the start of a header: a sentence that ends in a role word.
        assert!(found(&d, "Het hof volgt hierin Jan de Vries, appellant, niet.").is_empty());
        assert!(found(
            &d,
            "het college van burgemeester en wethouders van Ede, verweerder,"
        )
        .is_empty());
    }
}
