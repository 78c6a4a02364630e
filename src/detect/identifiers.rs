//! Numbers that identify a person only in context: the V-nummer of the immigration service
//! (eight to ten digits after "V-nummer" or "vreemdelingennummer"), passport, identity-card
//! and driving-licence numbers after their document's name, and the numbers editors replace
//! after a word that says whose they are: a bicycle's or car's frame number, a customer's,
//! a tax assessment's or a telephone's IMEI number ("framenummer 59044006", "klantnummer
//! 74365970", "aanslagnummer 31846851.F.01"), and the "Documentcode" of a letter-style ruling
//! (its code leads to the party's file), and old bank or giro account numbers and sofi
//! numbers ("bankrekening 19910926", "sofi-nummer 69795494"). On the train split every
//! number of six digits or more after these words was replaced by the editors (7 frame
//! numbers, 1 each of the others; on train and dev 10 account numbers and a sofi number);
//! case numbers, invoice and report numbers after their own words were kept. A plot of land's
//! cadastral section and parcel numbers ("kadastraal bekend …, sectie D, nr. 786") too.

use super::{compact_upper, matches_near, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const V_NUMBER_ID: &str = "rule:v-number";
const DOCUMENT_NUMBER_ID: &str = "rule:document-number";
/// Bytes after a context word in which the number must start (the window adds the longest
/// number's length).
const CONTEXT_REACH: usize = 40;

pub struct VNumberDetector {
    number: Regex,
    context: Regex,
}

impl VNumberDetector {
    pub fn new() -> VNumberDetector {
        VNumberDetector {
            number: Regex::new(r"[0-9]{8,10}|[0-9]{4}[ .][0-9]{3}[ .][0-9]{3}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{2}")
                .expect("valid regex"),
            context: Regex::new(r"(?i-u)\b(v-?nummer|v-?nr\.?|vreemdelingennummer)")
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
        let anchors = self.context.find_iter(text).map(|m| m.end());
        for (start, end) in matches_near(text, anchors, 0, CONTEXT_REACH + 14, &self.number) {
            if !is_isolated(text, start, end) {
                continue;
            }
            let mut span = Finding {
                detector: V_NUMBER_ID,
                category: Category::IdNumber,
                start,
                end,
                confidence: 0.95,
                evidence: Evidence::Context,
                normalised: compact_upper(&text[start..end]),
                reason: "a number after \"V-nummer\"".to_string(),
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
            context: Regex::new(r"(?-u:\b)(?:(?P<document>[Pp]aspoort|[Ii]dentiteitskaart|I[Dd]-kaart|id-kaart|[Ii]dentiteitsbewijs|[Rr]ijbewijs|[Rr]eisdocument|[Dd]ocumentnummer|[Vv]erblijfsdocument|[Vv]erblijfsvergunning)|(?P<owned>[Ff]rame|[Cc]hassis|[Kk]lant|[Aa]anslag|IMEI|[Ii]mei|[Ss]ofi)-?(?:nummer|nr\.?)|(?P<account>[Bb]ankrekening(?:nummer)?|[Rr]ekeningnummer|[Rr]ekeningnr\.?|[Gg]ironummer)|(?P<code>[Dd]ocumentcode))")
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
        // Where each anchor ends, and the word its number is named after ("framenummer"),
        // or none for an identity document.
        let anchors: Vec<(usize, Option<String>)> = self
            .context
            .captures_iter(text)
            .map(|c| {
                let whole = c.get(0).expect("match");
                let owned = c.name("owned").or(c.name("code")).map(|_| {
                    whole
                        .as_str()
                        .to_lowercase()
                        .replace('-', "")
                        .replace("nr.", "nummer")
                        .replace("nr", "nummer")
                });
                // "bankrekening 19910926", "gironummer 1234567": an account number.
                let owned = owned.or(c.name("account").map(|_| "rekeningnummer".to_string()));
                (whole.end(), owned)
            })
            .collect();
        let ends = anchors.iter().map(|(end, _)| *end);
        for (start, end) in matches_near(text, ends, 0, CONTEXT_REACH + 12, &self.number) {
            let value = &text[start..end];
            let digit_count = value.chars().filter(char::is_ascii_digit).count();
            // The nearest anchor before the number names it.
            let owned = anchors
                .iter()
                .rev()
                .find(|(anchor_end, _)| *anchor_end <= start)
                .and_then(|(_, owned)| owned.clone());
            let enough_digits = if owned.is_some() { 6 } else { 3 };
            if digit_count < enough_digits || !is_isolated(text, start, end) {
                continue;
            }
            let mut span = Finding {
                detector: DOCUMENT_NUMBER_ID,
                category: Category::IdNumber,
                start,
                end,
                confidence: 0.9,
                evidence: Evidence::Context,
                normalised: value.to_string(),
                reason: match &owned {
                    Some(word) => format!("number after \"{word}\""),
                    None => "code after the name of an identity document".to_string(),
                },
            }
            .into_span();
            span.label = Some(owned.unwrap_or_else(|| "documentnummer".to_string()));
            spans.push(span);
        }
        spans
    }
}

const CADASTRAL_ID: &str = "rule:cadastral-parcel";

/// A plot of land as the Kadaster names it, after "kadastraal bekend (als) (gemeente) X":
/// its section ("sectie K") and parcel numbers ("nummer 1234", "nrs. 786 (ged.) en 1040"),
/// which lead to the owner as an address does. In the shared rulings the editors replaced
/// them in four rulings ("sectie [letter], nummer [nummer]", "[sectieletter] nummer
/// [sectienummer]") and kept them in two; recall comes first.
pub struct CadastralParcelDetector {
    kadastraal: Regex,
    parcel: Regex,
    number: Regex,
}

/// How far after "kadastraal" the section may stand ("kadastraal bekend als gemeente
/// Wervershoof, sectie …"), in one sentence. Read in code: a counted stretch in the regex
/// ("[^.\n]{0,80}") would cost megabytes of automaton.
const SECTION_REACH: usize = 80;

impl CadastralParcelDetector {
    pub fn new() -> CadastralParcelDetector {
        CadastralParcelDetector {
            kadastraal: Regex::new(r"(?i)kadastraal").expect("valid regex"),
            parcel: Regex::new(
                r"[ \t,]sectie[ \t]+(?P<section>[A-Z]{1,2})(?-u:\b)(?:[ \t]*,)?(?:[ \t]*(?:nummers?|nrs?\.?)[ \t]*(?P<numbers>[0-9]{1,6}(?:[ \t]*\([a-z.]{1,6}\))?(?:[ \t]*(?:,|en)[ \t]*[0-9]{1,6}(?:[ \t]*\([a-z.]{1,6}\))?){0,8}))?",
            )
            .expect("valid regex"),
            number: Regex::new(r"[0-9]{1,6}").expect("valid regex"),
        }
    }
}

impl Default for CadastralParcelDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector for CadastralParcelDetector {
    fn id(&self) -> &str {
        CADASTRAL_ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::IdNumber]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut found = Vec::new();
        for anchor in self.kadastraal.find_iter(text) {
            let window = &text[anchor.end()..super::floor_char_boundary(text, anchor.end() + 400)];
            let Some(caps) = self.parcel.captures(window) else {
                continue;
            };
            let before = &window[..caps.get(0).expect("match").start()];
            if before.contains(['.', '\n']) || before.chars().count() > SECTION_REACH {
                continue;
            }
            let offset = anchor.end();
            let section = caps.name("section").expect("section group");
            // "sectie E.H. Jonker": initials, not a section.
            if window[section.end()..].starts_with('.') {
                continue;
            }
            found.push((
                offset + section.start(),
                offset + section.end(),
                "a cadastral section",
            ));
            if let Some(numbers) = caps.name("numbers") {
                for n in self.number.find_iter(numbers.as_str()) {
                    found.push((
                        offset + numbers.start() + n.start(),
                        offset + numbers.start() + n.end(),
                        "a cadastral parcel number",
                    ));
                }
            }
        }
        found
            .into_iter()
            .map(|(start, end, reason)| {
                Finding {
                    detector: CADASTRAL_ID,
                    category: Category::IdNumber,
                    start,
                    end,
                    confidence: 0.9,
                    evidence: Evidence::Context,
                    normalised: text[start..end].to_string(),
                    reason: reason.to_string(),
                }
                .into_span()
            })
            .collect()
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
        assert_eq!(found(&d, "V-nummer: 56441859 (gemachtigde"), ["56441859"]);
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
        assert_eq!(
            found(&d, "van bankrekening 19910926; sofi-nummer 69795494."),
            ["19910926", "69795494"]
        );
        assert!(found(&d, "bankrekening van 12 maart 2019").is_empty());
        assert!(found(&d, "paspoort met nummer ABCDEF").is_empty());
        assert_eq!(found(&d, "een fiets, framenummer 59044006 )"), ["59044006"]);
        assert_eq!(found(&d, "Klantnummer: 74365970 Van Dalen"), ["74365970"]);
        assert_eq!(found(&d, "Documentcode: 24428284 Bent u"), ["24428284"]);
        assert!(found(&d, "klantnummer 1234 is kort").is_empty());
        assert!(found(&d, "factuurnummer 20190512 van mei").is_empty());
        assert!(found(&d, "het paspoort is in 2019 verlopen").is_empty());
    }
    #[test]
    fn a_plot_of_land_is_its_section_and_parcel_numbers() {
        let d = CadastralParcelDetector::new();
        assert_eq!(
            found(
                &d,
                "het perceel, kadastraal bekend gemeente Blaricum, sectie D, nrs. 786 (ged.) en \
                 1040 (ged.) (hierna: het perceel)"
            ),
            ["D", "786", "1040"]
        );
        assert_eq!(
            found(
                &d,
                "kadastraal bekend als Veenendaal, sectie K, nummer 4471 en het object"
            ),
            ["K", "4471"]
        );
        // A section of a report or an act is no plot of land.
        assert!(found(&d, "zie sectie B, nummer 4 van het rapport").is_empty());
        assert!(found(&d, "kadastraal bekend gemeente Bladel, sectie E.H. Jonker").is_empty());
    }
}
