//! The name gate: the model reads only the sentences that can hold a name.
//!
//! Everything the model must find (people, places, addresses, companies, professionals) is
//! written with a capital, so a sentence whose capitalised words are all accounted for needs
//! no model: the sentence's first word when the ruling also writes it in lower case ("Het",
//! "Verdachte"), the names of courts, bodies and acts ("Rechtbank", "Hoge Raad", "Opiumwet",
//! "Awb"), abbreviations in capitals ("NFI"), codes with digits ("BOK14") and compounds that end
//! in a common noun ("Wob-verzoek"). Any other capitalised word, and every initial ("J."),
//! sends the sentence to the model. On the refilled dev and test rulings the model reads 48 %
//! of the tokens, and dev recall is the same with and without the gate (README, speed table).

use std::collections::HashSet;

/// Capitalised words of legal prose that are never a name or part of one, lower-cased.
/// Courts and public bodies, headings of a ruling, and the law reports. Not "Hof" or
/// "Koning": "Van 't Hof" and "De Koning" are names (a ruling that writes "het hof" in lower
/// case elsewhere still lets "het Hof" pass).
const LEGAL_TERMS: [&str; 114] = [
    "rechtbank",
    "gerechtshof",
    "hoge",
    "raad",
    "college",
    "afdeling",
    "bestuursrechtspraak",
    "bedrijfsleven",
    "centrale",
    "staat",
    "der",
    "nederlanden",
    "nederland",
    "nederlandse",
    "koninkrijk",
    "europese",
    "unie",
    "verdrag",
    "openbaar",
    "ministerie",
    "minister",
    "staatssecretaris",
    "justitie",
    "veiligheid",
    "financiën",
    "inspecteur",
    "belastingdienst",
    "belastingdienst/toeslagen",
    "douane",
    "gemeente",
    "burgemeester",
    "wethouders",
    "gemeenteraad",
    "provincie",
    "politie",
    "officier",
    "advocaat-generaal",
    "procureur-generaal",
    "kantonrechter",
    "voorzieningenrechter",
    "kinderrechter",
    "president",
    "vicepresident",
    "strafrecht",
    "strafvordering",
    "wetboek",
    "burgerlijk",
    "burgerlijke",
    "rechtsvordering",
    "algemene",
    "bestuursrecht",
    "uitspraak",
    "vonnis",
    "arrest",
    "beschikking",
    "beslissing",
    "beoordeling",
    "motivering",
    "procesverloop",
    "overwegingen",
    "inhoudsindicatie",
    "feiten",
    "geschil",
    "procedure",
    "bijlage",
    "datum",
    "zaaknummer",
    "rolnummer",
    "parketnummer",
    "griffie",
    "ecli",
    "uw",
    "u",
    "mr",
    "mrs",
    "prof",
    "dr",
    "stb",
    "stcrt",
    "kamerstukken",
    "nj",
    "ab",
    "jb",
    "bnb",
    "hr",
    "wet",
    "besluit",
    "verordening",
    "regeling",
    "beroep",
    "lid-staten",
    "lid-staat",
    "verenigde",
    "europees",
    "tweede",
    "eerste",
    "kamer",
    "gerechtelijk",
    "titel",
    "tuchtgerecht",
    "kinderbescherming",
    "gouverneur",
    "plaatsvervangend",
    "state",
    "waterschap",
    "middelonderdeel",
    "cassatiemiddel",
    "middel",
    "onderdeel",
    "artikel",
    "hoofdstuk",
    "paragraaf",
    "richtlijn",
    "grondwet",
];

/// Words that open a sentence of legal prose and are never a name, lower-cased; the
/// sentence's first word is also known when the ruling writes it in lower case elsewhere.
/// Surname particles ("Ter", "Van", "De") are not here: "Ter Horst heeft verklaard".
const SENTENCE_OPENERS: [&str; 44] = [
    "aan",
    "alle",
    "anders",
    "beveelt",
    "bepaalt",
    "blijkens",
    "daaraan",
    "daarbij",
    "daarnaast",
    "daartoe",
    "evenmin",
    "gelet",
    "hierdoor",
    "hieruit",
    "hiervan",
    "ingevolge",
    "indien",
    "nu",
    "onze",
    "staan",
    "subsidiair",
    "primair",
    "tenzij",
    "uitgangspunt",
    "uitgaande",
    "verklaart",
    "veroordeelt",
    "vernietigt",
    "verwerpt",
    "bevestigt",
    "wijst",
    "wat",
    "welke",
    "zo",
    "zij",
    "gezien",
    "hoewel",
    "immers",
    "overigens",
    "voorts",
    "weliswaar",
    "wanneer",
    "waar",
    "daarom",
];

/// Decides, per sentence, whether the model must read it.
pub struct NameGate {
    /// Words the ruling writes with a lower-case initial, lower-cased.
    lowercase_words: HashSet<String>,
}

impl NameGate {
    pub fn new(text: &str) -> NameGate {
        let lowercase_words = words(text)
            .filter(|(_, word)| word.starts_with(char::is_lowercase))
            .map(|(_, word)| word.to_string())
            .collect();
        NameGate { lowercase_words }
    }

    /// Whether `sentence` has a capitalised word that may belong to a name.
    pub fn admits(&self, sentence: &str) -> bool {
        let mut first = true;
        let mut previous_is_plain = false;
        for (start, word) in words(sentence) {
            let capitalised = word.starts_with(char::is_uppercase);
            let is_first = std::mem::replace(&mut first, false);
            if !capitalised {
                // A surname prefix ("van", "de") may lead into a name: "Jan de Boer".
                previous_is_plain = !super::is_prefix(word);
                continue;
            }
            let plain = previous_is_plain;
            previous_is_plain = false;
            if word.contains(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if word.chars().count() == 1 {
                // "J." is an initial; a bare letter ("A te B", "sub I") is an editor's.
                if sentence[start + word.len()..].starts_with('.') {
                    return true;
                }
                continue;
            }
            let lower = word.to_lowercase();
            let known = is_a_legal_term(word, &lower)
                || is_first
                    && (SENTENCE_OPENERS.contains(&lower.as_str())
                        || super::FUNCTION_WORDS.contains(&lower.as_str()))
                || (is_first || plain) && self.lowercase_words.contains(&lower);
            if !known {
                return true;
            }
        }
        false
    }
}

/// Runs of letters, digits, apostrophes and hyphens, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
        .filter(|word| word.chars().next().is_some_and(char::is_alphanumeric))
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

fn is_a_legal_term(word: &str, lower: &str) -> bool {
    if LEGAL_TERMS.contains(&lower) || super::ACT_ABBREVIATIONS.contains(&word) {
        return true;
    }
    if super::is_an_institution_word(word) || super::is_the_name_of_an_act(word) {
        return true;
    }
    // "NFI", "KCB": abbreviations in capitals; longer words in capitals are headings and
    // names ("RECHTBANK", "JANSEN") and are judged like any other word.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if (2..=5).contains(&letters) && !word.chars().any(char::is_lowercase) {
        return true;
    }
    // "Wob-verzoek", "DNA-onderzoek": a compound that ends in a common noun.
    word.rsplit_once('-')
        .is_some_and(|(_, last)| last.starts_with(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admits(text: &str, sentence: &str) -> bool {
        NameGate::new(text).admits(sentence)
    }

    #[test]
    fn sentences_without_names_are_skipped() {
        let ruling = "het beroep is gegrond. de verdachte heeft verklaard; zie ook hierna.";
        for sentence in [
            "Het beroep is gegrond.",
            "De Rechtbank vernietigt het bestreden besluit (artikel 8:72 Awb).",
            "Verdachte is bij het NFI onderzocht in het kader van de Opiumwet.",
            "Het Wob-verzoek van 12 mei 2020 is afgewezen door de Minister van Justitie.",
            "Het voertuig met kenteken 12-ABC-3 stond bij BOK14.",
            "A te B, appellant.",
            "Zie HR 12 maart 2019, ECLI:NL:HR:2019:123, NJ 2019/45.",
        ] {
            assert!(!admits(ruling, sentence), "{sentence}");
        }
    }

    #[test]
    fn sentences_that_can_hold_a_name_are_read() {
        let ruling = "de boer heeft het land verkocht. het hof oordeelt.";
        for sentence in [
            "Het hof hoorde Jansen.",
            "De verklaring van J. de Vries is betrouwbaar.",
            "Jansen heeft verklaard.",
            "Zij woont in Oirschot.",
            // "boer" is a word of this ruling, but not after a name particle or a name.
            "De getuige De Boer heeft verklaard.",
            "De getuige Jan Boer heeft verklaard.",
            "Het kind woont in Midden-Nederland.",
            "Ter zitting is KOSTERMANS verschenen.",
            "Ter zitting is Van 't Hof verschenen.",
        ] {
            assert!(admits(ruling, sentence), "{sentence}");
        }
    }

    #[test]
    fn a_sentence_opening_word_is_known_if_the_ruling_writes_it_in_lower_case_or_it_opens_prose() {
        assert!(!admits("bovendien is het zo.", "Bovendien is het zo."));
        assert!(admits("het is zo.", "Stoffer is het zo."));
        // Words that open sentences of legal prose are known without that.
        assert!(!admits("het is zo.", "Bovendien is het zo."));
        assert!(!admits("het is zo.", "Ingevolge artikel 8 is het zo."));
        // A surname particle opening a sentence is not such a word.
        assert!(admits("het is zo.", "Ter Horst is het zo."));
    }
}
