//! Addresses: Dutch postcodes (`1234 AB`) and street plus house number with additions
//! (`Kerkstraat 12`, `Dorpsweg 4 bis`, `Van Baerlestraat 211-III`, `Lange Voorhout 88b`).
//! Postcodes of a "Postbus" belong to organisations and are left alone.
//! Streets are recognised by their suffix (`-straat`, `-laan`, `-gracht` ...) or by a short
//! list of well-known streets without one, written for this project.

use super::{char_after, char_before, context_before, residence::POSTBUS, Detector, Finding};
use super::{floor_char_boundary, MONTHS};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const POSTCODE_ID: &str = "rule:postcode";
const STREET_ID: &str = "rule:street-address";

/// Words after a four-digit year that make `2014 NV` or `1982 DE STAATSSECRETARIS`
/// something other than a postcode.
const YEAR_ABBREVIATIONS: [&str; 14] = [
    "BV", "NV", "EU", "EG", "VS", "OK", "NL", "EN", "DE", "HET", "TE", "OP", "IN", "AAN",
];

pub struct PostcodeDetector {
    postcode: Regex,
}

impl PostcodeDetector {
    pub fn new() -> PostcodeDetector {
        PostcodeDetector {
            postcode: Regex::new(r"[1-9][0-9]{3} ?[A-Z]{2}").expect("valid regex"),
        }
    }
}

impl Default for PostcodeDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector for PostcodeDetector {
    fn id(&self) -> &str {
        POSTCODE_ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Postcode]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for m in self.postcode.find_iter(text) {
            let before = char_before(text, m.start());
            let after = char_after(text, m.end());
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | ','))
                || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            {
                continue;
            }
            if POSTBUS.is_match(context_before(text, m.start(), 48)) {
                continue;
            }
            let value: String = m.as_str().chars().filter(|c| *c != ' ').collect();
            let (number, letters) = value.split_at(4);
            // SA, SD and SS are never issued.
            if matches!(letters, "SA" | "SD" | "SS") {
                continue;
            }
            let year_like = ("1800".."2100").contains(&number);
            if year_like && YEAR_ABBREVIATIONS.contains(&letters) {
                continue;
            }
            spans.push(
                Finding {
                    detector: POSTCODE_ID,
                    category: Category::Postcode,
                    start: m.start(),
                    end: m.end(),
                    confidence: 0.9,
                    evidence: Evidence::Pattern,
                    normalised: value,
                    reason: "Dutch postcode shape".to_string(),
                }
                .into_span(),
            );
        }
        spans
    }
}

/// Suffixes that make a capitalised word a street name, as a regex alternation
/// (`src/lexicon/data/street_suffixes.tsv`).
static STREET_SUFFIXES: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    crate::lexicon::street_suffixes()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join("|")
});

/// Words that may stand before a street word: "Prins Hendrikkade", "Burg. de Withstraat".
const STREET_PREFIXES: &str = "De|Den|Het|'t|Burgemeester|Burg\\.|Prins|Prinses|Koning|Koningin|Graaf|Gravin|Hertog|Generaal|Gen\\.|Dokter|Dr\\.|Professor|Prof\\.|Sint|St\\.|Van|Oude|Nieuwe|Lange|Korte|Hoge|Lage|Grote|Kleine|Groot|Klein|Eerste|Tweede|Derde|Vierde|1e|2e|3e|4e|President|Kapitein|Admiraal|Pastoor|Jonkheer|Jhr\\.|Mr\\.|Meester|Oudezijds|Nieuwezijds|Willem|Hendrik|Johan|Jan|Pieter";

/// True when the last word of `text` is a street name: "... aan de Meesplein" (used by the
/// residence detector for "Meesplein 24 in Zaltbommel").
pub(crate) fn ends_with_street_word(text: &str) -> bool {
    let Some(word) = text.split_whitespace().next_back() else {
        return false;
    };
    word.starts_with(char::is_uppercase)
        && (crate::lexicon::street_suffixes()
            .any(|suffix| word.len() > suffix.len() && word.ends_with(suffix))
            || SUFFIXLESS_STREETS
                .split('|')
                .any(|street| text.ends_with(street)))
}

/// True when the name at `start..end` of `text` is a street: its last word ends in an
/// unmistakable street suffix and an article ("de", "het") stands before it.
pub(crate) fn is_a_street_after_an_article(text: &str, start: usize, end: usize) -> bool {
    let Some(word) = text[start..end].split_whitespace().next_back() else {
        return false;
    };
    let lower = word.to_lowercase();
    // Few surnames end in these ("Dunhof", "Oudendijk", "Helweg" do end in others).
    let street = crate::lexicon::unmistakable_street_suffixes()
        .any(|suffix| lower.len() > suffix.len() + 1 && lower.ends_with(suffix));
    let before = text[..start].trim_end_matches([' ', '\t']);
    let article = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w == "de" || w == "het");
    street && article
}

/// Well-known streets without a street suffix (written for this project).
const SUFFIXLESS_STREETS: &str = "Dam|Damrak|Rokin|Spui|Overtoom|Amstel|Lange Voorhout|Korte Voorhout|Lange Vijverberg|Korte Vijverberg|Kneuterdijk|Weena|Blaak|Meent|Neude|Vredenburg|Drift|Vrijthof|Buitenhof|Binnenhof|Plein|Noordeinde|Westeinde|Oosteinde|Zuideinde|Brink|Heuvel|Grote Markt|Oude Markt|Laan van Meerdervoort|Laan van Nieuw Oost-Indië|Laan van Vollenhove|Laan van Ypenburg|Laan op Zuid|Kruiskade|Hofplein|Boompjes|Coolsingel";

pub struct StreetAddressDetector {
    /// A street-name ending followed by a house number: a literal alternation the regex
    /// engine finds fast. (Joined with the capitalised suffix-less streets into one
    /// pattern, it is four times slower.)
    suffix_anchor: Regex,
    /// A suffix-less street followed by a house number.
    suffixless_anchor: Regex,
    /// The full pattern, run only on a window around each anchor.
    address: Regex,
}

/// Bytes before an anchor in which the street name and its prefix words must start.
const WINDOW_BEFORE: usize = 96;
/// Bytes after an anchor for the house number and its addition.
const WINDOW_AFTER: usize = 24;

impl StreetAddressDetector {
    pub fn new() -> StreetAddressDetector {
        let street_word = format!(r"\p{{Lu}}[\p{{L}}'\-]*(?:{})", *STREET_SUFFIXES);
        let prefixed = format!(
            r"(?:(?:{STREET_PREFIXES})[ \t]+(?:(?:van|de|der|den|het|ter|ten|'t)[ \t]+)*)?{street_word}"
        );
        // An addition must end a word: "Kerkweg 5 Kerkweg 5" must not read " K" as the
        // first address's addition and so hide the second address.
        let pattern = format!(
            r"(?P<street>{SUFFIXLESS_STREETS}|{prefixed})[ \t]+(?P<number>[0-9]{{1,4}})(?P<addition>(?:[ \t]?-[ \t]?(?:[IVX]{{1,4}}|[0-9]{{1,4}}|[A-Za-z]{{1,3}})|[ \t](?:bis|hs|huis|bg|rd|zw|I{{1,3}})|[ \t]?[A-Za-z])(?-u:\b))?"
        );
        StreetAddressDetector {
            suffix_anchor: Regex::new(&format!(r"(?:{})[ \t]+[0-9]", *STREET_SUFFIXES))
                .expect("valid regex"),
            suffixless_anchor: Regex::new(&format!(r"(?:{SUFFIXLESS_STREETS})[ \t]+[0-9]"))
                .expect("valid regex"),
            address: Regex::new(&pattern).expect("valid regex"),
        }
    }
}

impl Default for StreetAddressDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// The comparison key of an address: lower case, single spaces, `str.` spelled out.
/// One key for one address however it is written: "Kerkstraat 5 A", "kerkstr. 5-a" and
/// "Kerkstraat nr. 5a" are "kerkstraat 5a".
pub fn normalise_address(address: &str) -> String {
    static ADDITION: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(r"(\d)[ -]([a-z])\b").expect("valid regex"));
    let lower = address
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace("str. ", "straat ")
        .replace(" nr. ", " ")
        .replace(" nummer ", " ")
        .replace(" - ", "-");
    ADDITION.replace_all(&lower, "$1$2").into_owned()
}

impl Detector for StreetAddressDetector {
    fn id(&self) -> &str {
        STREET_ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Address]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans: Vec<Span> = Vec::new();
        let mut anchors: Vec<regex::Match> = self.suffix_anchor.find_iter(text).collect();
        anchors.extend(self.suffixless_anchor.find_iter(text));
        anchors.sort_by_key(|m| m.start());
        for anchor in anchors {
            let window_start =
                floor_char_boundary(text, anchor.start().saturating_sub(WINDOW_BEFORE));
            let window_end =
                floor_char_boundary(text, (anchor.end() + WINDOW_AFTER).min(text.len()));
            for caps in self.address.captures_iter(&text[window_start..window_end]) {
                let whole = caps.get(0).expect("group 0");
                let (start, end) = (window_start + whole.start(), window_start + whole.end());
                let covers_anchor = start <= anchor.start() && anchor.start() < end;
                let seen = spans.iter().rev().take(4).any(|s| s.start == start);
                if !covers_anchor || seen {
                    continue;
                }
                if let Some(span) = self.check(text, &caps, window_start) {
                    spans.push(span);
                }
            }
        }
        spans
    }
}

impl StreetAddressDetector {
    /// Boundary, year and date checks on one match; offsets are relative to `base`.
    fn check(&self, text: &str, caps: &regex::Captures, base: usize) -> Option<Span> {
        let whole = caps.get(0).expect("group 0");
        let street = caps.name("street").expect("street group");
        let number = caps.name("number").expect("number group");
        let street_start = base + street.start();
        if char_before(text, street_start).is_some_and(char::is_alphanumeric) {
            return None;
        }
        // An addition glued to a following word ("12 te") was not an addition, nor is the
        // first letter of a case number ("1 C/13/712345").
        let mut end = base + whole.end();
        if char_after(text, end).is_some_and(|c| c.is_alphanumeric() || c == '/') {
            end = base + number.end();
            if char_after(text, end).is_some_and(char::is_alphanumeric) {
                return None;
            }
        }
        let number_text = number.as_str();
        if number_text.len() == 4 && ("1800".."2100").contains(&number_text) {
            return None;
        }
        if text[end..].trim_start().starts_with('%') {
            return None;
        }
        let following = text[end..].trim_start();
        let following = &following[..floor_char_boundary(following, following.len().min(12))];
        let following = following.to_lowercase();
        if MONTHS.iter().any(|month| following.starts_with(month)) {
            return None;
        }
        Some(
            Finding {
                detector: STREET_ID,
                category: Category::Address,
                start: street_start,
                end,
                confidence: 0.85,
                evidence: Evidence::Pattern,
                normalised: normalise_address(&text[street_start..end]),
                reason: "street name with house number".to_string(),
            }
            .into_span(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found;

    #[test]
    fn one_address_one_key() {
        let key = normalise_address("Kerkstraat 5a");
        for written in [
            "Kerkstraat 5 A",
            "kerkstr. 5-a",
            "Kerkstraat nr. 5a",
            "Kerkstraat  5a",
        ] {
            assert_eq!(normalise_address(written), key, "{written}");
        }
        assert_ne!(normalise_address("Kerkstraat 15a"), key);
    }

    #[test]
    fn postcodes() {
        let d = PostcodeDetector::new();
        assert_eq!(found(&d, "Kerkstraat 1, 1234 AB Utrecht"), ["1234 AB"]);
        assert_eq!(found(&d, "postcode 9712CP"), ["9712CP"]);
        assert!(found(&d, "1234 SS").is_empty());
        assert!(found(&d, "in 2014 NV Holding").is_empty());
        assert!(found(&d, "Vennootschapsbelasting 1982 DE STAATSSECRETARIS").is_empty());
        assert!(found(&d, "0123 AB").is_empty());
        assert!(found(&d, "AB1234 CD").is_empty());
        assert!(found(&d, "1234 ABC").is_empty());
        assert!(found(&d, "Postbus 1210, 6201 BE Maastricht").is_empty());
        assert!(found(&d, "Postbus 70583,\n  5201 CZ 's-Hertogenbosch").is_empty());
    }

    #[test]
    fn street_addresses_with_additions() {
        let d = StreetAddressDetector::new();
        for (text, expected) in [
            ("wonende aan de Kerkstraat 12 te Utrecht", "Kerkstraat 12"),
            ("aan de Dorpsweg 4 bis te Ede", "Dorpsweg 4 bis"),
            (
                "Van Baerlestraat 211-III, Amsterdam",
                "Van Baerlestraat 211-III",
            ),
            ("Lange Voorhout 88b", "Lange Voorhout 88b"),
            (
                "Burgemeester de Withstraat 3A.",
                "Burgemeester de Withstraat 3A",
            ),
            ("op de Prins Hendrikkade 104 -2", "Prins Hendrikkade 104 -2"),
            ("Kerkstr. 5, Zwolle", "Kerkstr. 5"),
            ("Müllerstraat 7", "Müllerstraat 7"),
            (
                "wonende te Enschede, De Ruyterlaan 3 -1,",
                "De Ruyterlaan 3 -1",
            ),
        ] {
            assert_eq!(found(&d, text), [expected], "{text}");
        }
    }

    #[test]
    fn an_addition_does_not_swallow_the_next_street() {
        let d = StreetAddressDetector::new();
        assert_eq!(found(&d, "Kerkweg 5 Kerkweg 5"), ["Kerkweg 5", "Kerkweg 5"]);
        assert_eq!(
            found(&d, "Kerkweg 5 Dorpsstraat 2a"),
            ["Kerkweg 5", "Dorpsstraat 2a"]
        );
        assert_eq!(
            found(&d, "Molenlaan 1 C/13/712345 / HA ZA 22-318"),
            ["Molenlaan 1"]
        );
    }

    #[test]
    fn street_negatives() {
        let d = StreetAddressDetector::new();
        for text in [
            "de rechtbank Rotterdam 12 maart 2021",
            "Gerechtshof 12 maart",
            "de Kerkstraat is smal",
            "Hof 3",
            "in Nieuwegein 2019",
            "de Kerkstraat 2019 werd",
            "artikel 6:162 BW",
            "de WAO-uitkering 70% van het loon",
            "Bladzijde 14 Nader gehoor",
        ] {
            assert!(found(&d, text).is_empty(), "{text}: {:?}", found(&d, text));
        }
    }

    #[test]
    fn normalisation_joins_spellings() {
        assert_eq!(
            normalise_address("Kerkstr.  12"),
            normalise_address("kerkstraat 12")
        );
    }
}
