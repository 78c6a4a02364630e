//! Guards: text that must never be replaced, so that no other detector can take it. Case
//! numbers (`C/16/512345 / HA ZA 21-345`, `ROT 21/3941`), parketnummers (`13/123456-22`,
//! `21-000844-14`, `03.216548.21`),
//! a court's document code (`Documentcode: DSR19478511`), ECLIs, article references (`artikel 6:162 BW`), amounts (`€ 1.250,00`), and bracketed
//! text: existing placeholders (`[eiser]`, `[adres 1]`) and short editorial brackets (`[…]`,
//! `[is]`; a longer bracket is the editors' sentence and is read like any text). The resolve stage logs a guard only when it overruled another detection.

use super::{Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:protected";

pub struct ProtectedDetector {
    guards: Vec<(Category, Regex, &'static str)>,
}

impl ProtectedDetector {
    pub fn new() -> ProtectedDetector {
        let case_number = [
            // Parketnummers: 13/123456-22, 05-028450-25, 13/123456-22 (P).
            r"[0-9]{2}/[0-9]{5,6}-[0-9]{2}(?:[ \t]*\(P\))?",
            r"[0-9]{2}-[0-9]{6}-[0-9]{2}",
            // Written with dots, as some courts do: 03.216548.21 (otherwise a phone number).
            r"[0-9]{2}\.[0-9]{6}[.-][0-9]{2}",
            // Civil: C/16/512345 / HA ZA 21-345, and the HA ZA part alone.
            r"[A-Z]{1,3}/[0-9]{2}/[0-9]{3,7}(?:[ \t]*/[ \t]*[A-Z]{2,4}[ \t][A-Z]{2}[ \t][0-9]{2}[-/][0-9]{1,5})?",
            r"[A-Z]{2,4}[ \t][A-Z]{2}[ \t][0-9]{2}[-/][0-9]{1,5}",
            // Courts of appeal and Raad van State: 200.123.456/01, 201901234/1/R2.
            r"[0-9]{3}\.[0-9]{3}\.[0-9]{3}(?:/[0-9]{2})?",
            r"[0-9]{9,12}/[0-9]{1,2}(?:/[A-Z][0-9])?",
            // Administrative and registry numbers: ROT 21/3941, 23/3411 WAJONG, AWB 21/1234.
            // (An ASCII word boundary: a Unicode one makes the regex engine fall back to its
            // slowest matcher on any non-ASCII text.)
            r"(?:[A-Z]{2,6}[ \t]+)?[0-9]{2}/[0-9]{1,6}(?:[ \t]+[A-Z]{2,10}(?-u:\b))?",
        ]
        .join("|");
        let guards = vec![
            (
                Category::KeepEcli,
                r"ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:[0-9]{4}:[A-Z0-9.]{1,25}",
                "ECLI",
            ),
            (
                Category::KeepCaseNumber,
                case_number.as_str(),
                "case number",
            ),
            (
                // "Documentcode: DSR19478511" in the footer of a Den Haag ruling: the court's
                // own code for the document (read as an identity number otherwise).
                Category::KeepCaseNumber,
                r"Documentcode:[ \t]*[A-Z]{2,5}[0-9]{5,12}",
                "court's document code",
            ),
            (
                Category::KeepLawReference,
                r"(?:[Aa]rtikel|[Aa]rtikelen|ARTIKEL|[Aa]rt\.|[Aa]rtt\.)[ \t]*[0-9]+[a-z]{0,2}(?::[0-9]+[a-z]{0,2})?(?:\.[0-9]+)*(?:,?[ \t]*(?:lid|leden)[ \t]+[0-9]+)?(?:[ \t]+(?:BW|Sv|Sr|Rv|Awb|Wvw|WVW|AWR|Vw|EVRM))?",
                "article reference",
            ),
            (
                Category::KeepAmount,
                r"(?:€|EUR|[Ee]uro)[ \t]*[0-9]{1,3}(?:[. ][0-9]{3})*(?:,(?:[0-9]{1,2}|-{1,2}))?|[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]{2})?[ \t]+(?:[Ee]uro|EURO)",
                "amount",
            ),
            (
                Category::KeepPlaceholder,
                r"\[[^\[\]\n]{1,80}\]",
                "existing placeholder or editorial bracket",
            ),
        ];
        ProtectedDetector {
            guards: guards
                .into_iter()
                .map(|(category, pattern, reason)| {
                    (category, Regex::new(pattern).expect("valid regex"), reason)
                })
                .collect(),
        }
    }
}

/// A bracket that is a placeholder or a short editorial insertion ("[eiser]", "[adres 1]",
/// "[appellant sub 14b]", "[is]", "[…]"): at most four words and no colon. A longer one is
/// the editors' own sentence ("[het hof begrijpt: W. Strigt]") and is read like the text
/// around it, names and all.
fn is_placeholder_shaped(bracket: &str) -> bool {
    let inner = bracket.trim_start_matches('[').trim_end_matches(']');
    inner.split_whitespace().count() <= 4 && !inner.contains(':') && !is_a_persons_name(inner)
}

/// Whether bracketed text is a person's name: initials or a surname's prefix before a
/// surname, or a listed first name before one, and no role word in it.
fn is_a_persons_name(inner: &str) -> bool {
    use crate::lexicon;
    let Some(caps) = NAME_IN_BRACKETS.captures(inner) else {
        return false;
    };
    let given_name_first = caps
        .name("given")
        .is_none_or(|given| lexicon::is_first_name(given.as_str()));
    given_name_first && !inner.split_whitespace().any(lexicon::is_role_word)
}

/// A person's name written in brackets ("[F. de Wit]", "[Mark Smit]", "[De Wit]": the terms
/// someone typed into a search engine), which no placeholder looks like: placeholders are
/// role words, numbered or not ("[eiser 2]", "[Verdachte]", "[Naam appellant]"), and letters
/// ("[X]", "[P.S.]").
static NAME_IN_BRACKETS: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:Van|De[nr]?|Te[nr]|In[ \t]+'t|'t)(?:[ \t]+(?:de[nr]?|'t))?[ \t]+|(?:(?:\p{Lu}\.){1,4}[ \t]*|(?P<given>\p{Lu}\p{Ll}+)[ \t]+)(?:(?:van|de[nr]?|te[nr]|in|op|'t)[ \t]+)*)\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s*$")
        .expect("valid regex")
});

impl Default for ProtectedDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector for ProtectedDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[
            Category::KeepEcli,
            Category::KeepCaseNumber,
            Category::KeepLawReference,
            Category::KeepAmount,
            Category::KeepPlaceholder,
        ]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for (category, regex, reason) in &self.guards {
            for m in regex.find_iter(text) {
                let glued_before = text[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric());
                let mut after = text[m.end()..].chars();
                let next = after.next();
                let glued_after = next.is_some_and(char::is_alphanumeric)
                    || (next == Some('/') && after.next().is_some_and(|c| c.is_ascii_digit()));
                if *category != Category::KeepPlaceholder && (glued_before || glued_after) {
                    continue;
                }
                // "€12-ABC-3" and "€192.168.1.20" are a plate and an IP address after a
                // currency sign, not amounts: the code runs on past the amount's end.
                let after: Vec<char> = text[m.end()..].chars().take(2).collect();
                let code_follows = match after[..] {
                    ['-', c] => c.is_alphanumeric(),
                    ['.' | ':', c] => c.is_ascii_digit(),
                    _ => false,
                };
                if *category == Category::KeepAmount && code_follows {
                    continue;
                }
                // "177.128.162.140": an IP address runs on past a court-of-appeal number's
                // shape ("200.123.456").
                if *category == Category::KeepCaseNumber
                    && matches!(after[..], ['.', c] if c.is_ascii_digit())
                {
                    continue;
                }
                if *category == Category::KeepPlaceholder && !is_placeholder_shaped(m.as_str()) {
                    continue;
                }
                spans.push(
                    Finding {
                        detector: ID,
                        category: *category,
                        start: m.start(),
                        end: m.end(),
                        confidence: 1.0,
                        evidence: Evidence::Pattern,
                        normalised: m.as_str().to_string(),
                        reason: reason.to_string(),
                    }
                    .into_span(),
                );
            }
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guarded(text: &str) -> Vec<(String, Category)> {
        let doc = Document::from_text("t", text);
        let mut spans = ProtectedDetector::new().detect(&doc);
        spans.sort_by_key(|s| s.start);
        spans
            .into_iter()
            .map(|s| (text[s.start..s.end].to_string(), s.category))
            .collect()
    }

    #[test]
    fn case_numbers() {
        for number in [
            "C/16/512345 / HA ZA 21-345",
            "ROT 21/3941",
            "13/123456-22",
            "05-028450-25",
            "21-000844-14",
            "16/661619-13",
            "03.216548.21",
            "200.123.456/01",
            "201901234/1/R2",
            "23/3411 WAJONG",
            "KG ZA 22-123",
        ] {
            assert_eq!(
                guarded(&format!("zaak {number} ,")),
                [(number.to_string(), Category::KeepCaseNumber)],
                "{number}"
            );
        }
    }

    #[test]
    fn other_guards() {
        assert_eq!(
            guarded("ECLI:NL:HR:2020:1234"),
            [("ECLI:NL:HR:2020:1234".to_string(), Category::KeepEcli)]
        );
        assert_eq!(
            guarded("op grond van artikel 6:162 BW"),
            [("artikel 6:162 BW".to_string(), Category::KeepLawReference)]
        );
        assert_eq!(
            guarded("een bedrag van € 1.250,00"),
            [("€ 1.250,00".to_string(), Category::KeepAmount)]
        );
        assert_eq!(guarded("kenteken €12-ABC-3, IP €192.168.1.20"), []);
        // Three-digit octets have a court of appeal's number's shape, and run on.
        assert_eq!(guarded("vanaf het IP-adres 177.128.162.140 op"), []);
        assert_eq!(
            guarded("[eiser] en [adres 1], [...] [is]"),
            [
                ("[eiser]".to_string(), Category::KeepPlaceholder),
                ("[adres 1]".to_string(), Category::KeepPlaceholder),
                ("[...]".to_string(), Category::KeepPlaceholder),
                ("[is]".to_string(), Category::KeepPlaceholder),
            ]
        );
        // The editors' own sentence in brackets is read like the text around it.
        assert_eq!(
            guarded("[het hof begrijpt: W. Strigt] en [appellant sub 14b]"),
            [("[appellant sub 14b]".to_string(), Category::KeepPlaceholder)]
        );
        // A person's name in brackets (search terms) is no placeholder; letters, role words
        // and "[Naam appellant]" are.
        let names = "de zoektermen [R. ter Wolde], [Van Assendelft], [Ilse Brink] en [P.S.], \
                     [Verdachte], [Naam Appellant], [Metro Bouw]";
        assert_eq!(
            guarded(names)
                .into_iter()
                .map(|(text, _)| text)
                .collect::<Vec<_>>(),
            ["[P.S.]", "[Verdachte]", "[Naam Appellant]", "[Metro Bouw]"]
        );
    }

    #[test]
    fn a_courts_document_code_is_guarded() {
        assert_eq!(
            guarded("bekendgemaakt op:\nDocumentcode: DSR19478511\nRechtsmiddel"),
            [(
                "Documentcode: DSR19478511".to_string(),
                Category::KeepCaseNumber
            )]
        );
    }

    #[test]
    fn dates_are_not_case_numbers() {
        assert!(guarded("op 12/03/2021 verzonden").is_empty());
    }
}
