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
//!
//! The learned gate (`--gate learned`) narrows that choice further: logistic regression over
//! hashed features of each admitted sentence ([`NameGate::features`]), trained on the gold
//! by `training/train_gate.py`, with the threshold that keeps every dev sentence holding a
//! span the model must find.

use crate::lexicon;
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
    /// Words the ruling writes with a capital after a lower-case word ("van Huisman"): names
    /// more often than not, a feature of the learned gate.
    capitalised_inside: HashSet<String>,
}

/// How the rule gate reads one word of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordKind {
    /// Starts with a lower-case letter or a digit.
    Plain,
    /// Capitalised and holding a digit ("BOK14"), or a bare capital ("A te B", "sub I").
    Code,
    /// A capital with a full stop: "J.".
    Initial,
    /// Capitalised but accounted for: a court, body, act, heading, abbreviation, or a word
    /// the ruling also writes in lower case.
    Known,
    /// Any other capitalised word: it may be (part of) a name.
    Unknown,
}

struct Word<'a> {
    text: &'a str,
    lower: String,
    kind: WordKind,
    first: bool,
}

impl NameGate {
    pub fn new(text: &str) -> NameGate {
        let mut lowercase_words = HashSet::new();
        let mut capitalised_inside = HashSet::new();
        let mut after_lowercase = false;
        for (_, word) in words(text) {
            if word.starts_with(char::is_lowercase) {
                lowercase_words.insert(word.to_string());
                after_lowercase = true;
            } else {
                if after_lowercase && word.starts_with(char::is_uppercase) {
                    capitalised_inside.insert(word.to_string());
                }
                after_lowercase = false;
            }
        }
        NameGate {
            lowercase_words,
            capitalised_inside,
        }
    }

    /// Whether the model must read `sentence`: the rule gate admits it (it has a capitalised
    /// word that may belong to a name, or an initial) and, given a learned gate, that gate
    /// keeps it too. One scan of the sentence serves both.
    pub fn admits_with(&self, sentence: &str, learned: Option<&LearnedGate>) -> bool {
        let scanned = self.scan(sentence);
        unknown_words(&scanned) > 0
            && learned.is_none_or(|learned| learned.admits(&self.features_of(&scanned)))
    }

    /// The rule gate's verdict on `sentence` and the learned gate's features of it, from one
    /// scan (`schuilnaam corpus gate-data`).
    pub fn assess(&self, sentence: &str) -> (bool, Vec<u32>) {
        let scanned = self.scan(sentence);
        (unknown_words(&scanned) > 0, self.features_of(&scanned))
    }

    fn scan<'a>(&self, sentence: &'a str) -> Vec<Word<'a>> {
        let mut scanned = Vec::new();
        let mut previous_is_plain = false;
        for (start, word) in words(sentence) {
            let first = scanned.is_empty();
            let lower = word.to_lowercase();
            let capitalised = word.starts_with(char::is_uppercase);
            let kind = if !capitalised {
                WordKind::Plain
            } else if word.contains(|c: char| c.is_ascii_digit()) {
                WordKind::Code
            } else if word.chars().count() == 1 {
                if sentence[start + word.len()..].starts_with('.') {
                    WordKind::Initial
                } else {
                    WordKind::Code
                }
            } else {
                let known = is_a_legal_term(word, &lower)
                    || first
                        && (SENTENCE_OPENERS.contains(&lower.as_str())
                            || super::FUNCTION_WORDS.contains(&lower.as_str()))
                    || (first || previous_is_plain) && self.lowercase_words.contains(&lower);
                if known {
                    WordKind::Known
                } else {
                    WordKind::Unknown
                }
            };
            // A surname prefix ("van", "de") may lead into a name: "Jan de Boer".
            previous_is_plain = kind == WordKind::Plain && !super::is_prefix(word);
            scanned.push(Word {
                text: word,
                lower,
                kind,
                first,
            });
        }
        scanned
    }

    /// The learned gate's features of a scanned sentence: hashed indicator features, each
    /// index below [`FEATURE_BUCKETS`], duplicates removed. The rule gate's verdict is one of
    /// them; the others describe each capitalised word (its lower-case form, the word before
    /// and after it, whether the Dutch word list, the surname list, the gazetteers or the role
    /// words know it), the initials, and the sentence's lower-case words.
    /// `training/train_gate.py` learns their weights from `schuilnaam corpus gate-data`.
    fn features_of(&self, scanned: &[Word]) -> Vec<u32> {
        let mut features = Vec::with_capacity(scanned.len() * 4 + 4);
        let mut add = |kind: &str, value: &str| features.push(feature(kind, value));
        let unknown = unknown_words(scanned);
        add("rule", if unknown > 0 { "admits" } else { "passes" });
        add("unknown", &unknown.min(4).to_string());
        add("length", &(scanned.len().max(1).ilog2().min(7)).to_string());
        for (i, word) in scanned.iter().enumerate() {
            let before = i.checked_sub(1).map_or("^", |j| scanned[j].lower.as_str());
            let after = scanned.get(i + 1).map_or("$", |w| w.lower.as_str());
            match word.kind {
                WordKind::Plain => {
                    if !word.text.starts_with(|c: char| c.is_ascii_digit()) {
                        add("word", &word.lower);
                    }
                }
                WordKind::Code => add("code", ""),
                WordKind::Initial => {
                    add("initial", "");
                    add("initial-before", before);
                }
                WordKind::Known => {
                    add("known", &word.lower);
                    add("known-before", before);
                }
                WordKind::Unknown => {
                    let text = word.text;
                    add("cap", &word.lower);
                    add("cap-before", before);
                    add("cap-after", after);
                    add("cap-first", if word.first { "yes" } else { "no" });
                    let inside = self.capitalised_inside.contains(text);
                    add("cap-inside-elsewhere", if inside { "yes" } else { "no" });
                    let letters = text.chars().count();
                    add("cap-length", &letters.min(12).to_string());
                    if !text.chars().any(char::is_lowercase) {
                        add("cap-shape", "capitals");
                    }
                    if text.contains('-') {
                        add("cap-shape", "hyphen");
                    }
                    let dutch = lexicon::is_dutch_word(text) || lexicon::is_dutch_compound(text);
                    add("cap-dutch", if dutch { "yes" } else { "no" });
                    for (list, known) in [
                        ("surname", lexicon::is_common_surname(text)),
                        ("dutch-place", lexicon::is_dutch_place(text)),
                        ("country", lexicon::is_country(text)),
                        ("foreign-place", lexicon::is_foreign_place(text)),
                        ("legal-term", lexicon::is_legal_term(text)),
                        ("role", lexicon::is_role_word(text)),
                        ("title", lexicon::is_title(text)),
                    ] {
                        if known {
                            add("cap-list", list);
                        }
                    }
                    if lexicon::is_title(before) || lexicon::is_role_word(before) {
                        add("cap-after-title-or-role", "");
                    }
                }
            }
        }
        features.sort_unstable();
        features.dedup();
        features
    }
}

/// The words that send a sentence to the model under the rule gate: initials and capitalised
/// words it cannot account for.
fn unknown_words(scanned: &[Word]) -> usize {
    scanned
        .iter()
        .filter(|w| matches!(w.kind, WordKind::Initial | WordKind::Unknown))
        .count()
}

/// The learned gate: logistic regression over [`NameGate::assess`]'s features, trained by
/// `training/train_gate.py` on the train split's gold and shipped as `gate.json` beside the
/// model. A sentence is read when its score reaches the threshold chosen on dev (by default
/// the one that keeps every dev sentence holding a span the model must find).
pub struct LearnedGate {
    weights: Vec<f32>,
    bias: f32,
    threshold: f32,
}

#[derive(serde::Deserialize)]
struct GateFile {
    format: String,
    buckets: u32,
    bias: f32,
    threshold: f32,
    indices: Vec<u32>,
    weights: Vec<f32>,
}

impl LearnedGate {
    /// Reads `gate.json`; the error says what is wrong with it.
    pub fn from_json(bytes: &[u8]) -> Result<LearnedGate, String> {
        let file: GateFile = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if file.format != "schuilnaam-gate/1" {
            return Err(format!(
                "format {:?}, expected \"schuilnaam-gate/1\"",
                file.format
            ));
        }
        if file.buckets != FEATURE_BUCKETS {
            return Err(format!(
                "{} feature buckets, this schuilnaam computes {FEATURE_BUCKETS}",
                file.buckets
            ));
        }
        if file.indices.len() != file.weights.len() {
            return Err("indices and weights differ in length".to_string());
        }
        let mut weights = vec![0.0; FEATURE_BUCKETS as usize];
        for (&index, &weight) in file.indices.iter().zip(&file.weights) {
            let slot = weights
                .get_mut(index as usize)
                .ok_or_else(|| format!("feature index {index} out of range"))?;
            *slot = weight;
        }
        Ok(LearnedGate {
            weights,
            bias: file.bias,
            threshold: file.threshold,
        })
    }

    /// Whether the model must read the sentence with these features.
    pub fn admits(&self, features: &[u32]) -> bool {
        let score: f32 = self.bias
            + features
                .iter()
                .map(|&i| self.weights[i as usize])
                .sum::<f32>();
        score >= self.threshold
    }
}

/// Size of the learned gate's hashed feature space.
pub const FEATURE_BUCKETS: u32 = 1 << 18;

/// The index of feature `kind`=`value`: FNV-1a, so the same on every machine and in
/// `training/train_gate.py`, which only reads the indices.
fn feature(kind: &str, value: &str) -> u32 {
    let mut key = String::with_capacity(kind.len() + value.len() + 1);
    key.push_str(kind);
    key.push('=');
    key.push_str(value);
    (crate::stable_hash::fnv1a(&key) % u64::from(FEATURE_BUCKETS)) as u32
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
        NameGate::new(text).admits_with(sentence, None)
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
    fn features_describe_the_capitalised_words_and_repeat() {
        let ruling = "de getuige heeft verklaard. het hof oordeelt.";
        let gate = NameGate::new(ruling);
        let features = |sentence: &str| gate.assess(sentence).1;
        let named = features("De getuige Jansen heeft verklaard.");
        let plain = features("De getuige heeft verklaard.");
        assert_eq!(named, features("De getuige Jansen heeft verklaard."));
        assert!(named.iter().all(|&f| f < FEATURE_BUCKETS));
        assert!(
            named.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        for (kind, value) in [
            ("rule", "admits"),
            ("cap", "jansen"),
            ("cap-before", "getuige"),
            ("cap-after", "heeft"),
        ] {
            assert!(named.contains(&feature(kind, value)), "{kind}={value}");
            assert!(!plain.contains(&feature(kind, value)), "{kind}={value}");
        }
        assert!(plain.contains(&feature("rule", "passes")));
        // The surname list and the Dutch word list are read: "Bakker" is both.
        let baker = features("De getuige Bakker heeft verklaard.");
        assert!(baker.contains(&feature("cap-list", "surname")));
        assert!(baker.contains(&feature("cap-dutch", "yes")));
        assert!(named.contains(&feature("cap-dutch", "no")));
    }

    fn gate_json(bias: f32, threshold: f32, weights: &[(u32, f32)]) -> String {
        let indices: Vec<u32> = weights.iter().map(|w| w.0).collect();
        let values: Vec<f32> = weights.iter().map(|w| w.1).collect();
        serde_json::json!({"format": "schuilnaam-gate/1", "buckets": FEATURE_BUCKETS,
            "bias": bias, "threshold": threshold, "indices": indices, "weights": values})
        .to_string()
    }

    #[test]
    fn the_learned_gate_admits_a_sentence_whose_score_reaches_the_threshold() {
        let name = feature("cap", "jansen");
        let heading = feature("known", "rechtbank");
        let json = gate_json(-1.0, 0.5, &[(name, 2.0), (heading, -3.0)]);
        let learned = LearnedGate::from_json(json.as_bytes()).unwrap();
        assert!(learned.admits(&[name]));
        assert!(!learned.admits(&[name, heading]));
        assert!(!learned.admits(&[]));
    }

    #[test]
    fn a_broken_gate_file_is_refused_with_the_reason() {
        let bad = |json: String| LearnedGate::from_json(json.as_bytes()).err().unwrap();
        assert!(bad("{}".to_string()).contains("missing field"));
        let other_format = gate_json(0.0, 0.0, &[]).replace("gate/1", "gate/9");
        assert!(bad(other_format).contains("format"));
        let other_size = gate_json(0.0, 0.0, &[]).replace(&FEATURE_BUCKETS.to_string(), "16");
        assert!(bad(other_size).contains("feature buckets"));
        assert!(bad(gate_json(0.0, 0.0, &[(FEATURE_BUCKETS, 1.0)])).contains("out of range"));
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
