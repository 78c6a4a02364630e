//! Professionals by their role word: judges, clerks, lawyers, representatives, interpreters
//! and experts keep their names (Anonimiseringsrichtlijnen 1(c): "namen van rechters,
//! advocaten, gemachtigden, tolken, deskundigen"). The role names the person right before
//! ("N.E. Halma, reclasseringswerker") or right after ("advocaat-generaal J.L.R.A.
//! Huydecoper", "deskundige De Blaeij", "deskundigen Nicolai en Hent",
//! "mrs. E.E. van Tuyll, J.M.J. Chorus en N. van Lingen"). The NER model knows most of them;
//! this rule catches the rest, and the resolve stage keeps later mentions of the same name.
//! "gemachtigde" and "ambtenaar" are not role words here: a representative who is not a
//! lawyer ("gemachtigde R.F. Oosterhuis") and an official acting for a public body are
//! replaced in some rulings and kept in others, and recall comes first.

use super::{Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

pub(crate) const ID: &str = "rule:professional";

/// How a name found after its role word ("advocaat X") begins its reason.
pub(crate) const AFTER_A_ROLE_WORD: &str = "named after the role word";

/// Role words written before a name. Plural ones (and "mrs.") may head a list of names.
const ROLES_BEFORE: [&str; 40] = [
    // A ruling's closing: "Deze uitspraak is gedaan door X, in tegenwoordigheid van Y als
    // griffier" (the Centrale Raad van Beroep; on the train split 49 names, none replaced).
    "uitspraak is gedaan door",
    "in tegenwoordigheid van de griffier",
    "in tegenwoordigheid van",
    // "Het Uwv heeft zich laten vertegenwoordigen door X": the formula of an appearance at
    // the hearing (train split: 13 names, all kept; a bare "vertegenwoordigd door" is not
    // taken, the editors replaced 2 of its names).
    "laten vertegenwoordigen door",
    "doen vertegenwoordigen door",
    "raadsheren",
    // An annotator or an advocate-general cited: "BNB 1982/323* m.nt. J. P. Scheltens", "met
    // noot van Kleijn", "A-G Wissink" (train split: 79 such names, none replaced).
    "m.nt.",
    "met noot van",
    "met noot",
    "noot van",
    "a.-g.",
    "a-g",
    // A judgment cited with its advocate-general's opinion: "HR 24 juni 2011, nr. 09/05115,
    // na conclusie Wattel", "C-446/03 (Marks & Spencer II), na conclusie Poiares Maduro"
    // (train split: 23 such names, none replaced by the editors).
    "na conclusie van",
    "na conclusie",
    "rechters",
    "leden",
    "advocaat-generaal",
    "advocaten-generaal",
    "deskundigen",
    "deskundige",
    "psychiater",
    "psycholoog",
    "tolk",
    "notaris",
    "curator",
    "reclasseringswerker",
    // The Raad voor de Kinderbescherming's investigator and a valuer, experts who write a
    // report for the court like the probation officer (train and dev: 3 names, all kept).
    "raadsonderzoeker",
    "taxateur",
    "griffier",
    "voorzitter",
    "raadsheer",
    "kantonrechter",
    "politierechter",
    "rechter-commissaris",
    "officier van justitie",
    "advocaat",
    "advocaten",
    "raadsman",
    "raadsvrouw",
    "bewindvoerder",
];

/// Whether a professional's role word stands within a few words of the name at
/// `start..end` (bytes): "in tegenwoordigheid van B. Dijk als griffier", "mr. Kok, advocaat".
pub(crate) fn a_role_word_around(text: &str, start: usize, end: usize) -> bool {
    // Within the sentence only ("… als griffier. Hij zag X" says nothing about X).
    let before = super::context_before(text, start, 40).to_lowercase();
    let sentence_start = [". ", "? ", "! ", "\n"]
        .iter()
        .filter_map(|end| before.rfind(end).map(|at| at + end.len()))
        .max()
        .unwrap_or(0);
    let before = &before[sentence_start..];
    let after = text[end..super::floor_char_boundary(text, end + 30)].to_lowercase();
    let after = after.split(['.', '?', '!', '\n']).next().unwrap_or("");
    let has = |window: &str, word: &str| {
        window
            .match_indices(word)
            .any(|(at, _)| super::is_word_bounded(window, at, at + word.len()))
    };
    ROLES_BEFORE.iter().any(|w| has(before, w)) || ROLES_AFTER.iter().any(|w| has(after, w))
}

/// Role words written after a name and a comma ("J. Jansen, griffier").
const ROLES_AFTER: [&str; 20] = [
    "advocaat-generaal",
    "advocaat",
    "griffier",
    "voorzitter",
    "rechter",
    "raadsheer",
    "kantonrechter",
    "politierechter",
    "rechter-commissaris",
    "officier van justitie",
    "tolk",
    "deskundige",
    "reclasseringswerker",
    "raadsonderzoeker",
    "taxateur",
    "notaris",
    "curator",
    "psychiater",
    "psycholoog",
    "bewindvoerder",
];

/// The signatures under a ruling: "(getekend) J.L. Boxum", "(get.) K.J.S. Spaas." (the judge
/// and the clerk; on the train split 33 such names, one replaced by its editors).
const SIGNED: &str = r"\((?:getekend|get\.)\)";

/// Lower-case words that may open a sentence before a name ("Volgens J. Jansen, advocaat").
const NOT_GIVEN_NAMES: [&str; 10] = [
    "Volgens", "Toen", "Door", "Namens", "Ook", "Daarna", "Verder", "Aldus", "Tegen", "Met",
];

pub struct ProfessionalDetector {
    before: Regex,
    /// ", griffier": found first, because a role word is rare and a capital is not; the name
    /// is then read in the few bytes before it with `name_before`.
    role_after: Regex,
    name_before: Regex,
    next_in_list: Regex,
}

/// Initials before a surname: "A.I.M. ", "S.D. ", "Ph. ".
pub(crate) const INITIALS: &str = r"(?:[A-ZÀ-ÖØ-Þ][a-z]?\.[ \t]?){1,6}[ \t]*";

/// A capital of a name, in the Latin script ("Ö", "Š"; Latin Extended-A whole).
pub(crate) const NAME_CAPITAL: &str = r"[A-ZÀ-ÖØ-ÞĀ-ſ]";

/// A capitalised word of a name: "Huydecoper", "D'Hondt", "Kruškić". The Latin script only:
/// Unicode's letter classes make automata megabytes larger per name a pattern repeats (the
/// professional and literature rules cost 7 and 20 MiB of every run with them), and Dutch
/// rulings write every name in Latin letters.
pub(crate) const NAME_WORD: &str = r"[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ɏ'’]+";

/// A capitalised surname with its prefixes, double-barrelled or not: "De Blaeij", "van
/// Tuyll van Serooskerken-Röell", "in 't Veld", "Wesseling-Van Gent" (as a regex). "in" is a
/// prefix only before "'t", "de", "den" or "der": "in Brasovic" is a preposition.
pub(crate) fn surname_pattern() -> String {
    let prefix = r"(?:(?:[vV]an|[dD]e|[dD]er|[dD]en|[tT]er|[tT]en|'t|[hH]et|in[ \t]+(?:'t|de[nr]?)|[vV]on|[eE]l)[ \t]+)";
    format!(r"{prefix}{{0,3}}{NAME_WORD}(?:-{prefix}{{0,2}}{NAME_WORD})*")
}

/// How far before ", griffier" a name may start ("E.E. van Tuyll van Serooskerken-Röell").
const NAME_BYTES: usize = 100;

/// "J.L.R.A. Huydecoper", "E.E. van Tuyll van Serooskerken-Röell", "De Blaeij", "Anna de
/// Vries": optional initials or one given name, surname prefixes, a capitalised surname
/// (double-barrelled, or with a second prefixed part). With `introduced`, initials or a
/// given name are required: a bare capitalised word before ", advocaat" may be a town
/// ("wonende te Utrecht, advocaat mr. …").
fn name_pattern(introduced: bool) -> String {
    let word = NAME_WORD;
    let surname = surname_pattern();
    let optional = if introduced { "" } else { "?" };
    // Capitals run on: "R.J. GRAAF SCHIMMELPENNINCK", "M.Ph. VAN SINT TRUIDEN".
    let more_capitals = format!(r"(?:[ \t]+{NAME_CAPITAL}{{2,}}(?:{NAME_CAPITAL}|['’\-])*){{0,2}}");
    format!(
        r"(?:(?:{NAME_CAPITAL}[a-z]?\.[ \t]?){{1,6}}|{word}[ \t]+){optional}{surname}{more_capitals}(?:[ \t]+[vV]an[ \t]+{word}(?:-{word})*)?"
    )
}

/// "(?i:griffier|rechter …)": role words in any case ("Advocaat-Generaal", "GRIFFIER").
fn alternatives(words: &[&str]) -> String {
    let words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("(?i:{})", words.join("|"))
}

impl ProfessionalDetector {
    pub fn new() -> ProfessionalDetector {
        let name = name_pattern(false);
        let introduced_name = name_pattern(true);
        let before = alternatives(&ROLES_BEFORE);
        let after = alternatives(&ROLES_AFTER);
        ProfessionalDetector {
            before: Regex::new(&format!(
                r"(?P<role>(?-u:\b)(?:{before}|[mM]rs?\.|MRS?\.|mr|[dD]rs?\.|[pP]rof\.|w\.[ \t]?g\.)|{SIGNED})[ \t]*:?[ \t]*(?P<title>mr\.[ \t]*)?(?P<name>{name})"
            ))
            .expect("valid regex"),
            role_after: Regex::new(&format!(
                r"(?:[ \t]*,[ \t]*(?:als[ \t]+|de[ \t]+)?(?:{after})|[ \t]+als[ \t]+(?i:griffier|leden|tolk|deskundige))(?-u:\b)[ \t]*(?P<colon>:)?"
            ))
            .expect("valid regex"),
            name_before: Regex::new(&format!(r"(?P<name>{introduced_name})$"))
                .expect("valid regex"),
            next_in_list: Regex::new(&format!(
                r"^(?:[ \t]*,[ \t]*(?:en[ \t]+)?|[ \t]+en[ \t]+)(?:mr\.[ \t]*)?(?P<name>{name})"
            ))
            .expect("valid regex"),
        }
    }
}

impl ProfessionalDetector {
    /// The name (initials or a given name required) that ends right at `at` (bytes), without
    /// a sentence word taken for a given name: before ", griffier" and before a list's
    /// separator.
    fn name_ending_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let window = super::context_before(text, at, NAME_BYTES);
        let offset = at - window.len();
        let name = self.name_before.captures(window)?.name("name")?;
        Some(without_sentence_word(
            text,
            offset + name.start(),
            offset + name.end(),
        ))
    }
}

impl Default for ProfessionalDetector {
    fn default() -> Self {
        Self::new()
    }
}

fn is_plural(role: &str) -> bool {
    let role = role.to_lowercase();
    role == "mrs."
        || role.ends_with("en")
        || role.starts_with("advocaten")
        || role.ends_with("gedaan door")
}

/// "Dear Mrs. Joosen", "Ms. Smith": an English letter or quote addresses a person, not a
/// lawyer. Only the salutation and the forms Dutch does not use are taken as English: a
/// Dutch ruling opens a sentence with the lawyer's "Mr. Dik" and the plural "Mrs. Van den
/// Berg" (27 times in the shared rulings).
pub fn is_english_salutation(text: &str, role_start: usize, role: &str) -> bool {
    let before = super::context_before(text, role_start, 12).trim_end();
    let after_dear = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("dear"));
    let english_only = matches!(role.trim_end_matches('.'), "Ms" | "Miss");
    after_dear || english_only
}

/// The English form of address written right before `start` ("Dear Mrs. ", "for Ms. "), or
/// inside the span's head ("Ms. Wendel"): its byte range, if the name at `start..end` is
/// addressed in English (see [`is_english_salutation`]).
pub fn english_form_of_address(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    static FORM: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"(?:^|[^\p{L}])(?P<form>(?i:mrs|ms|miss|mr)\.?)[ \t]+$").expect("valid regex")
    });
    let head = ["Mrs. ", "Mr. ", "Ms. ", "Miss "]
        .into_iter()
        .find(|h| text[start..end].starts_with(h));
    let (form_start, form_end) = match head {
        Some(h) => (start, start + h.len() - 1),
        None => {
            let before = super::context_before(text, start, 24);
            let caps = FORM.captures(before)?;
            let form = caps.name("form")?;
            let offset = start - before.len();
            (offset + form.start(), offset + form.end())
        }
    };
    let form = &text[form_start..form_end];
    is_english_salutation(text, form_start, form).then_some((form_start, form_end))
}

/// Where the name before a list's separator ends: "X, " or "X en " or "X, en " right before
/// `at` (bytes), with an optional "mr." after it. A list is walked back with the name pattern
/// the role words use, so that it adds no regular expression of its own (each costs memory
/// per thread).
fn list_separator_before(text: &str, at: usize) -> Option<usize> {
    let before = super::context_before(text, at, 16);
    let rest = before.trim_end_matches([' ', '\t']);
    let rest = rest
        .strip_suffix("mr.")
        .unwrap_or(rest)
        .trim_end_matches([' ', '\t']);
    let rest = match rest.strip_suffix(" en") {
        Some(r) => r.trim_end_matches([' ', '\t']).trim_end_matches(','),
        None => rest.strip_suffix(',')?,
    };
    let rest = rest.trim_end_matches([' ', '\t']);
    Some(at - (before.len() - rest.len()))
}

/// Drops a sentence word the name pattern took for a given name.
fn without_sentence_word(text: &str, start: usize, end: usize) -> (usize, usize) {
    let name = &text[start..end];
    match name.split_once([' ', '\t']) {
        Some((first, rest)) if NOT_GIVEN_NAMES.contains(&first) => {
            (end - rest.trim_start().len(), end)
        }
        _ => (start, end),
    }
}

impl Detector for ProfessionalDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Professional]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        for caps in self.before.captures_iter(text) {
            let role = caps.name("role").expect("role group");
            let name = caps.name("name").expect("name group");
            // "advocaat van Pieter Kramer": a lower-case start is a preposition, not a
            // prefix, except after a title ("mr. van den Berg").
            let title = role.as_str().ends_with('.')
                || role.as_str() == "mr"
                || caps.name("title").is_some();
            if !title && name.as_str().starts_with(char::is_lowercase) {
                continue;
            }
            if is_english_salutation(text, role.start(), role.as_str()) {
                continue;
            }
            // "de bestuurs-leden X": the role word is the tail of a compound broken at the
            // line end (board members, not the court's).
            if !title && text[..role.start()].ends_with('-') {
                continue;
            }
            // "griffier Dorpsstraat 7": a street with its house number, not a name.
            let after = text[name.end()..].trim_start_matches([' ', '\t']);
            if after.starts_with(|c: char| c.is_ascii_digit())
                && super::address::ends_with_street_word(name.as_str())
            {
                continue;
            }
            // "verdenkt de officier van justitie X ervan dat hij …": the prosecutor suspects
            // X, the suspect, whose name follows the role word.
            if after.starts_with("ervan") && !after[5..].starts_with(char::is_alphanumeric) {
                continue;
            }
            let reason = format!("{AFTER_A_ROLE_WORD} {:?}", role.as_str());
            found.push((name.start(), name.end(), reason.clone()));
            if !is_plural(role.as_str()) {
                continue;
            }
            let mut position = name.end();
            while let Some(next) = self.next_in_list.captures(&text[position..]) {
                let next_name = next.name("name").expect("name group");
                found.push((
                    position + next_name.start(),
                    position + next_name.end(),
                    reason.clone(),
                ));
                position += next_name.end();
            }
        }
        for role in self.role_after.captures_iter(text) {
            // "[eiser], Jan de Vries, advocaat: mr. P. Bakker": the colon introduces the
            // lawyer after it.
            if role.name("colon").is_some() {
                continue;
            }
            let comma = role.get(0).expect("match").start();
            let Some((start, end)) = self.name_ending_at(text, comma) else {
                continue;
            };
            found.push((start, end, "named before a role word".to_string()));
            // "… als voorzitter en J.P.M. Zeijen en R. Kruisdijk als leden": the members listed.
            if role.get(0).expect("match").as_str().contains("leden") {
                let mut first = start;
                while let Some((p_start, p_end)) = list_separator_before(text, first)
                    .and_then(|end_of_previous| self.name_ending_at(text, end_of_previous))
                {
                    found.push((p_start, p_end, "named before a role word".to_string()));
                    first = p_start;
                }
            }
        }
        // A clerk may be named both after "in tegenwoordigheid van" and before "als griffier".
        found.sort_by_key(|&(start, end, _)| (start, end));
        found.dedup_by_key(|&mut (start, end, _)| (start, end));
        found
            .into_iter()
            .map(|(start, end, reason)| {
                Finding {
                    detector: ID,
                    category: Category::Professional,
                    start,
                    end,
                    confidence: 0.9,
                    evidence: Evidence::Context,
                    normalised: text[start..end].to_lowercase(),
                    reason,
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
    fn the_suspect_after_verdenkt_de_officier_van_justitie_is_no_prosecutor() {
        let d = ProfessionalDetector::new();
        assert!(found(
            &d,
            "Kort gezegd verdenkt de officier van justitie Karel van Dommelen ervan dat hij"
        )
        .is_empty());
        assert_eq!(
            found(&d, "de officier van justitie mr. P. Bakker heeft gevorderd"),
            ["P. Bakker"]
        );
    }

    #[test]
    fn a_street_with_its_house_number_after_a_role_word_is_no_name() {
        let d = ProfessionalDetector::new();
        assert!(found(&d, "mr. A.B. de Vries, griffier Dorpsstraat 7")
            .contains(&"A.B. de Vries".to_string()));
        assert!(!found(&d, "mr. A.B. de Vries, griffier Dorpsstraat 7")
            .iter()
            .any(|name| name.contains("Dorpsstraat")));
        assert_eq!(found(&d, "de griffier Dorpsman verklaart"), ["Dorpsman"]);
    }

    #[test]
    fn a_role_word_ending_a_compound_broken_at_a_hyphen_names_no_professional() {
        let d = ProfessionalDetector::new();
        assert!(found(
            &d,
            "overleg tussen de vereniging-leden Hoekstra-Bloem en de penningmeester"
        )
        .is_empty());
        assert_eq!(
            found(&d, "ter zitting waren de leden Hoekstra en Bloem"),
            ["Hoekstra", "Bloem"]
        );
    }

    #[test]
    fn the_advocate_general_of_a_cited_judgment_is_kept() {
        let d = ProfessionalDetector::new();
        assert_eq!(
            found(
                &d,
                "Zie HR 24 juni 2011, nr. 09/05115, na conclusie Wattel, en HvJ 13 december \
                 2005, C-446/03, na conclusie Poiares Maduro, Jur. 2005, blz. I-10837."
            ),
            ["Wattel", "Poiares Maduro"]
        );
        // Not a conclusion the parties draw: "de conclusie van Jansen" is no A-G.
        assert!(found(&d, "Tot die conclusie kwam Jansen ook.").is_empty());
    }

    #[test]
    fn an_interpreter_or_expert_named_before_als_is_kept() {
        let d = ProfessionalDetector::new();
        assert_eq!(
            found(
                &d,
                "zijn verschenen: eiser, K. Kayadibi als tolk en dr. P. Veltman als deskundige."
            ),
            ["K. Kayadibi", "P. Veltman"]
        );
    }

    #[test]
    fn the_judges_and_clerk_who_close_a_ruling() {
        let d = ProfessionalDetector::new();
        assert_eq!(
            found(
                &d,
                "Deze uitspraak is gedaan door P.A. Wieringa, in tegenwoordigheid van \
                 K. Oosterbeek als griffier."
            ),
            ["P.A. Wieringa", "K. Oosterbeek"]
        );
        assert_eq!(
            found(
                &d,
                "Uitgesproken op 4 mei.\n\t(getekend) P.A. Wieringa\n\t(get.) K. Oosterbeek."
            ),
            ["P.A. Wieringa", "K. Oosterbeek"]
        );
        assert_eq!(
            found(
                &d,
                "Deze uitspraak is gedaan door J.W. Schuttel als voorzitter en J.P.M. Zeijen en R. Kruisdijk als \
                 leden, en de raadsheren G.J.M. Corstens, en A.M.M. Orie. BNB 1982/323* m.nt. \
                 J. P. Scheltens; zie de noot van Kleijn en A-G Wissink."
            ),
            [
                "J.W. Schuttel",
                "J.P.M. Zeijen",
                "R. Kruisdijk",
                "G.J.M. Corstens",
                "A.M.M. Orie",
                "J. P. Scheltens",
                "Kleijn",
                "Wissink"
            ]
        );
        // Without a comma only the clerk and the members: a person may act "als voorzitter"
        // of an association.
        assert!(found(
            &d,
            "waarbij Jan Terpstra als voorzitter van de vereniging optrad"
        )
        .is_empty());
    }

    #[test]
    fn names_after_a_role_word() {
        let d = ProfessionalDetector::new();
        assert_eq!(
            found(
                &d,
                "De conclusie van de Advocaat-Generaal J.L.R.A. Huydecoper strekt"
            ),
            ["J.L.R.A. Huydecoper"]
        );
        assert_eq!(
            found(&d, "Deskundige De Blaeij vermeldt in het rapport"),
            ["De Blaeij"]
        );
        assert_eq!(
            found(&d, "w.g. Van den Brink    w.g. Steinebach-de Wit"),
            ["Van den Brink", "Steinebach-de Wit"]
        );
        assert_eq!(
            found(
                &d,
                "1. MR. R.J. GRAAF SCHIMMELPENNINCK, 2. MR. M.Ph. VAN SINT TRUIDEN, beiden"
            ),
            ["R.J. GRAAF SCHIMMELPENNINCK", "M.Ph. VAN SINT TRUIDEN"]
        );
        assert_eq!(
            found(
                &d,
                "raadsheren M.A. Fierstra, J. Wortel en A.F.M.Q. Beukers-van Dooren."
            ),
            ["M.A. Fierstra", "J. Wortel", "A.F.M.Q. Beukers-van Dooren"]
        );
        assert_eq!(
            found(&d, "De deskundigen Nicolai en Hent hebben"),
            ["Nicolai", "Hent"]
        );
        assert_eq!(
            found(
                &d,
                "gewezen door mrs. E.E. van Tuyll van Serooskerken-Röell, J.M.J. Chorus en N. van Lingen en door"
            ),
            [
                "E.E. van Tuyll van Serooskerken-Röell",
                "J.M.J. Chorus",
                "N. van Lingen"
            ]
        );
    }

    #[test]
    fn an_english_salutation_names_no_lawyer() {
        let d = ProfessionalDetector::new();
        assert!(found(&d, "the letter reads: \"Dear Mrs. Holtkamp, This serves as").is_empty());
        assert_eq!(found(&d, "Mr. Holtkamp heeft betoogd"), ["Holtkamp"]);
        assert!(found(&d, "Dear Mr. T. Holtkamp,").is_empty());
        assert_eq!(found(&d, "Mr. T. Holtkamp verscheen"), ["T. Holtkamp"]);
        assert_eq!(found(&d, "bijgestaan door mr. Holtkamp"), ["Holtkamp"]);
        let text = "Dear Mrs. Holtkamp, we recommend Ms. Wendel; Mr. Bos betoogt";
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            english_form_of_address(text, start, start + needle.len()).map(|(s, e)| &text[s..e])
        };
        assert_eq!(at("Holtkamp"), Some("Mrs."));
        assert_eq!(at("Ms. Wendel"), Some("Ms."));
        assert_eq!(at("Wendel"), Some("Ms."));
        assert_eq!(at("Bos"), None);
    }

    #[test]
    fn names_before_a_role_word() {
        let d = ProfessionalDetector::new();
        assert_eq!(
            found(
                &d,
                "opgemaakt door N.E. Halma , als reclasseringswerker verbonden"
            ),
            ["N.E. Halma"]
        );
        assert!(found(
            &d,
            "vertegenwoordigd door M.C. Zondag, ambtenaar van de gemeente"
        )
        .is_empty());
        assert_eq!(
            found(
                &d,
                "een rapport, opgemaakt door K. Verhoef, raadsonderzoeker. Daaruit"
            ),
            ["K. Verhoef"]
        );
        assert_eq!(
            found(&d, "een taxatierapport van taxateur P. de Wit van 3 mei"),
            ["P. de Wit"]
        );
        assert!(found(&d, "vergezeld van zijn gemachtigde R.F. Oosterhuis").is_empty());
        assert_eq!(
            found(&d, "Volgens J. Jansen, advocaat te Utrecht"),
            ["J. Jansen"]
        );
    }

    #[test]
    fn a_single_role_heads_no_list() {
        let d = ProfessionalDetector::new();
        assert_eq!(
            found(&d, "de advocaat mr. P. Bakker en Kees de Boer kwamen"),
            ["P. Bakker"]
        );
    }

    #[test]
    fn parties_are_not_professionals() {
        let d = ProfessionalDetector::new();
        assert!(found(&d, "eiser Jan de Vries, wonende te Utrecht").is_empty());
        assert!(found(&d, "de verdachte Pieter Kramer heeft").is_empty());
        assert!(found(&d, "de advocaat van Pieter Kramer heeft").is_empty());
        assert_eq!(
            found(&d, "wonende te Utrecht, advocaat mr. P. Bakker"),
            ["P. Bakker"]
        );
        assert_eq!(
            found(&d, "Jan de Vries, advocaat: mr. van den Berg"),
            ["van den Berg"]
        );
    }
}
