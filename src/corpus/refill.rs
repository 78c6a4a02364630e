//! The refill generator: published rulings are already pseudonymised, so their placeholders
//! mark exactly what the court's editors removed. Filling each placeholder with a realistic
//! surrogate gives a text with gold annotations that follow the editors' own policy.
//!
//! * Bracket placeholders (`[eiser]`, `[slachtoffer 1]`, `[adres 1]`, `[geboortedatum] 1987`,
//!   `[bedrijf 1]`, `[A]`) are classified by their words; brackets that name no kind
//!   (`[…]`, `[is]`, `[heeft]`, footnote numbers) are editorial and stay.
//! * Letter pseudonyms of older rulings ("belanghebbende X", "X B.V.", "te Z") are filled when
//!   the letter stands alone after a plausible word and occurs at least twice.
//! * One placeholder is one entity: the same surrogate throughout the ruling, in the first
//!   mention as a full name or initials, later often as the surname only.
//! * Professionals already named in the text (after "mr.", or before "griffier", "rechter"
//!   ...) are annotated PROFESSIONAL; ECLIs, case numbers, procedural dates and court seats
//!   KEEP_*.

use super::gold::{GoldDocument, GoldSpan};
use super::names::Names;
#[cfg(test)]
use super::names::Pool;
use super::surrogates::{self as surrogate, Gender, Person, Rng};
use crate::detect::context_before;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What a placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person(Option<Gender>),
    Organisation,
    Place,
    Address,
    Postcode,
    DateOfBirth,
    Bsn,
    Iban,
    Phone,
    Email,
    LicensePlate,
    Number,
    /// "[IP-adres]": an IPv4 address, as the ruling wrote it.
    IpAddress,
    /// "sectie [sectie 1]": a cadastral section, one or two capitals.
    CadastralSection,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person(_) => "PERSON",
            Kind::Organisation => "ORGANISATION",
            Kind::Place => "PLACE",
            Kind::Address | Kind::Postcode => "ADDRESS",
            Kind::DateOfBirth => "DATE_OF_BIRTH",
            Kind::Bsn => "BSN",
            Kind::Iban => "IBAN",
            Kind::Phone => "PHONE",
            Kind::Email => "EMAIL",
            Kind::LicensePlate => "LICENSE_PLATE",
            Kind::Number | Kind::IpAddress | Kind::CadastralSection => "ID_NUMBER",
        }
    }
}

/// Keyword tables, most specific first: "telefoonnummer" must not fall to "nummer", nor
/// "geboorteplaats" to "plaats", nor "bedrijfsnaam" to "naam".
const KIND_KEYWORDS: &[(&str, Kind)] = &[
    ("geboortedatum", Kind::DateOfBirth),
    ("geboortedag", Kind::DateOfBirth),
    ("geboortejaar", Kind::DateOfBirth),
    ("e-mail", Kind::Email),
    ("email", Kind::Email),
    ("mailadres", Kind::Email),
    ("telefo", Kind::Phone),
    ("mobiel", Kind::Phone),
    ("gsm", Kind::Phone),
    ("iban", Kind::Iban),
    ("rekeningnummer", Kind::Iban),
    ("bankrekening", Kind::Iban),
    ("burgerservicenummer", Kind::Bsn),
    ("bsn", Kind::Bsn),
    ("sofinummer", Kind::Bsn),
    ("kenteken", Kind::LicensePlate),
    ("framenummer", Kind::Number),
    ("v-nummer", Kind::Number),
    ("registratienummer", Kind::Number),
    ("dossiernummer", Kind::Number),
    ("klantnummer", Kind::Number),
    ("polisnummer", Kind::Number),
    ("kvk", Kind::Number),
    ("paspoort", Kind::Number),
    ("sectie", Kind::CadastralSection),
    ("ip-adres", Kind::IpAddress),
    ("documentcode", Kind::Number),
    ("postcode", Kind::Postcode),
    ("woonplaats", Kind::Place),
    ("geboorteplaats", Kind::Place),
    ("vestigingsplaats", Kind::Place),
    ("verblijfplaats", Kind::Place),
    ("plaats", Kind::Place),
    ("gemeente", Kind::Place),
    ("omgeving", Kind::Place),
    ("geboorteland", Kind::Place),
    ("adres", Kind::Address),
    ("straat", Kind::Address),
    ("-weg", Kind::Address),
    ("locatie", Kind::Address),
    ("perceel", Kind::Address),
    ("woning", Kind::Address),
    ("huisnummer", Kind::Address),
    ("bedrijf", Kind::Organisation),
    ("v.o.f", Kind::Organisation),
    ("vof", Kind::Organisation),
    // "[naam b.v.]" loses its last full stop to the trim above.
    ("b.v", Kind::Organisation),
    ("bureau", Kind::Organisation),
    ("coffeeshop", Kind::Organisation),
    ("horeca", Kind::Organisation),
    ("winkel", Kind::Organisation),
    ("supermarkt", Kind::Organisation),
    ("camping", Kind::Organisation),
    ("instelling", Kind::Organisation),
    ("rechtspersoon", Kind::Organisation),
    ("onderneming", Kind::Organisation),
    ("stichting", Kind::Organisation),
    ("vennootschap", Kind::Organisation),
    ("holding", Kind::Organisation),
    ("restaurant", Kind::Organisation),
    ("café", Kind::Organisation),
    ("garage", Kind::Organisation),
    ("handelsnaam", Kind::Organisation),
    ("werkgever", Kind::Organisation),
    ("ziekenhuis", Kind::Organisation),
];

/// Role words of natural persons (substring match), with the gender they imply.
const PERSON_ROLES: &[(&str, Option<Gender>)] = &[
    ("eiseres", Some(Gender::Female)),
    ("appellante", Some(Gender::Female)),
    ("verzoekster", Some(Gender::Female)),
    ("verweerster", Some(Gender::Female)),
    ("aangeefster", Some(Gender::Female)),
    ("echtgenote", Some(Gender::Female)),
    ("moeder", Some(Gender::Female)),
    ("dochter", Some(Gender::Female)),
    ("vrouw", Some(Gender::Female)),
    ("zuster", Some(Gender::Female)),
    ("tante", Some(Gender::Female)),
    ("eiser", Some(Gender::Male)),
    ("appellant", Some(Gender::Male)),
    ("verzoeker", Some(Gender::Male)),
    ("verweerder", Some(Gender::Male)),
    ("aangever", Some(Gender::Male)),
    ("echtgenoot", Some(Gender::Male)),
    ("vader", Some(Gender::Male)),
    ("broer", Some(Gender::Male)),
    ("buurman", Some(Gender::Male)),
    ("verdachte", None),
    ("slachtoffer", None),
    ("ntimeerde", None),
    ("gedaagde", None),
    ("verbalisant", None),
    ("getuige", None),
    ("naam", None),
    ("betrokkene", None),
    ("benadeelde", None),
    ("belanghebbende", None),
    ("gefailleerde", None),
    ("failliet", None),
    ("vennoot", None),
    ("minderjarige", None),
    ("persoon", None),
    ("alias", None),
    ("legator", None),
    ("erflater", None),
    ("erfgenaam", None),
    ("erven", None),
    ("aandeelhouder", None),
    ("bestuurder", None),
    ("directeur", None),
    ("werknemer", None),
    ("huurder", None),
    ("verhuurder", None),
    ("bewoner", None),
    ("buurvrouw", Some(Gender::Female)),
    ("manager", None),
    ("taxateur", None),
    ("eigenaar", None),
    ("partner", None),
    ("gemachtigde", None),
    ("wederpartij", None),
    ("crediteur", None),
    ("schuldeiser", None),
    ("schuldenaar", None),
    ("cliënt", None),
    ("patiënt", None),
    ("ouder", None),
    ("klager", Some(Gender::Male)),
    ("klaagster", Some(Gender::Female)),
    ("klant", None),
    ("medewerker", None),
    ("personeelslid", None),
    ("notaris", None),
    ("arts", None),
    ("gynaecoloog", None),
    ("namen", None),
];

/// Short role words that must match a whole word ("man" is not "romance").
const PERSON_WORDS: &[(&str, Option<Gender>)] = &[
    ("man", Some(Gender::Male)),
    ("zoon", Some(Gender::Male)),
    ("oom", Some(Gender::Male)),
    ("opa", Some(Gender::Male)),
    ("neef", Some(Gender::Male)),
    ("zus", Some(Gender::Female)),
    ("oma", Some(Gender::Female)),
    ("nicht", Some(Gender::Female)),
    ("kind", None),
    ("maat", None),
    ("dga", None),
    ("bijnaam", None),
    ("voornaam", None),
    ("ex", None),
    ("land", None),
];

/// Words before a lone capital that make it a list label, not a pseudonym ("bijlage A").
const NOT_BEFORE_LETTER: &[&str] = &[
    "sub",
    "bijlage",
    "bijlagen",
    "onderdeel",
    "categorie",
    "lid",
    "afdeling",
    "type",
    "klasse",
    "fase",
    "schema",
    "productie",
    "variant",
    "optie",
    "model",
    "blok",
    "kamer",
    "letter",
    "punt",
    "serie",
    "groep",
    "zone",
    "vak",
    "tabel",
    "artikel",
    "hoofdstuk",
    "paragraaf",
    "titel",
    "boek",
    "deel",
    "annex",
    "vitamine",
    "plan",
    "stap",
    "scenario",
    "situatie",
    "periode",
    "gebied",
    "hepatitis",
    "klasse",
    "route",
    "appendix",
    "figuur",
    "kolom",
    "rij",
    "regel",
    "wet",
    "sector",
    "niveau",
    "stadium",
];

/// A placeholder found in the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Placeholder {
    start: usize,
    end: usize,
    kind: Kind,
    /// Which entity: the normalised bracket text or the letter.
    key: String,
    /// The bracket text was in capitals ("[GEÏNTIMEERDE]").
    capitals: bool,
    /// For a date of birth: where the kept year ends (`[geboortedatum] 1987`).
    year_end: Option<usize>,
    /// What the editors wrote: the bracket's text ("aangever 1") or the letter ("X").
    written: String,
}

fn word_match(stem: &str, word: &str) -> bool {
    stem.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word)
}

/// The kind of a bracket's content, or `None` for editorial brackets.
pub fn classify(inner: &str) -> Option<Kind> {
    let stem = inner.trim().trim_end_matches('.').trim().to_lowercase();
    if stem.is_empty() || !stem.chars().any(char::is_alphabetic) {
        return None;
    }
    // [A], [X], [Z.], [X1], [AA], [M.S.]: letter pseudonyms and initials.
    let doubled_letter = {
        let chars: Vec<char> = stem.chars().collect();
        chars.len() == 2 && chars[0] == chars[1] && chars[0].is_ascii_lowercase()
    };
    if doubled_letter || LETTER_PSEUDONYM.is_match(&stem) {
        return Some(Kind::Person(None));
    }
    // [AA-00-BB]: a plate written as its shape.
    if inner.contains('-')
        && inner
            .chars()
            .all(|c| c == '-' || c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Some(Kind::LicensePlate);
    }
    if let Some(&(_, kind)) = KIND_KEYWORDS.iter().find(|(k, _)| stem.contains(k)) {
        return Some(kind);
    }
    if let Some(&(_, gender)) = PERSON_ROLES.iter().find(|(k, _)| stem.contains(k)) {
        return Some(Kind::Person(gender));
    }
    if word_match(&stem, "land") {
        return Some(Kind::Place);
    }
    if let Some(&(_, gender)) = PERSON_WORDS.iter().find(|(w, _)| word_match(&stem, w)) {
        return Some(Kind::Person(gender));
    }
    // "[persoon A]", "[maat b]": role words with a letter were caught above; a bare
    // "[nummer]" is an identifying number.
    if stem.ends_with("nummer") || word_match(&stem, "nr") {
        return Some(Kind::Number);
    }
    None
}

static LETTER_PSEUDONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[a-z][0-9]*|[a-z]\.(?:[a-z]\.?)+)$").expect("valid regex"));
static BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]\n]{1,60})\]").expect("valid regex"));
static YEAR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]?((?:18|19|20)[0-9]{2})").expect("valid regex"));
static LEGAL_FORM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:B\.?V\.?|N\.?V\.?|V\.?O\.?F\.?|C\.?V\.?|Holding|h\.o\.d\.n\.|Inc\.?|INC\.?|Ltd\.?|LTD\.?|GmbH|S\.A\.|AG|LLC|Corp\.?)(?-u:\b)")
        .expect("valid regex")
});
static COMPANY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // A compound of "vennootschap", "maatschappij" or "coöperatie" is a company too
    // ("dochtermaatschappij", "franchisecoöperatie"); one of "stichting" or "vereniging" is not
    // ("brandstichting"). A header may put the word on a line of its own ("de vereniging\n\n
    // [naam eiseres]").
    Regex::new(r"(?i)(vennootschap(?:pen)?(?: onder firma)?|maatschap(?:pij(?:en)?)?|coöperatie|rechtspersoon|\bstichting(?:en)?|\bvereniging(?:en)?)\b(\s*|[^.\n]{0,30})$")
        .expect("valid regex")
});
/// Words between a company's word and a placeholder that make the placeholder someone else:
/// "de stichting, vertegenwoordigd door [gemachtigde]", "de vereniging, namelijk met
/// medeverdachte [medeverdachte 2]", "bestuurders van die vennootschap zijn [persoon A]".
const NOT_THE_COMPANY: [&str; 13] = [
    "door",
    "heer",
    "mevrouw",
    "namelijk",
    "tegen",
    "van",
    "aan",
    "heeft",
    "verdachte",
    "is",
    "zijn",
    "was",
    "waren",
];

/// Whether a company's word stands shortly before a placeholder ("de besloten vennootschap
/// [X]", "de vereniging [Y]", "de maatschap [X] en [Y]"), not inside another word
/// ("brandstichting"). "in vereniging" is no association: "tezamen en in vereniging
/// met [medeverdachte]", "in vereniging geweld heeft gepleegd tegen [slachtoffer 3]". Read so,
/// these made the persons of 12 rulings companies in the gold until 5 December 2026.
fn company_word_before(context: &str) -> bool {
    COMPANY_BEFORE.captures(context).is_some_and(|found| {
        let word = found.get(1).expect("group 1");
        let jointly = word.as_str().eq_ignore_ascii_case("vereniging")
            && context[..word.start()]
                .trim_end()
                .to_lowercase()
                .rsplit(char::is_whitespace)
                .next()
                == Some("in");
        let gap = found[2].to_lowercase();
        let someone_else = gap
            .split(|c: char| !c.is_alphabetic())
            .any(|w| NOT_THE_COMPANY.contains(&w));
        !jointly && !someone_else
    })
}

static LONE_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[A-HJ-UWXYZ](?-u:\b)").expect("valid regex"));
static PLATE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)kenteken[^.\n]{0,12}$").expect("valid regex"));
static BIRTH_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)geboren[^.\n]{0,20}$").expect("valid regex"));
static MR_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:mr|dr|drs|prof|ing|ir|Mr|Dr|Drs|Prof)\.[ \t]*)+(?P<name>(?:[A-Z][a-z]{0,2}\.[ \t]?)*(?:(?:van|de|der|den|ter|ten|het|'t|in|op|la|le|du|da)[ \t]+)*\p{Lu}[\p{L}'\-]+(?:-\p{Lu}[\p{L}'\-]+)?)")
        .expect("valid regex")
});
static NAME_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<name>(?:[A-Z]\.[ \t]?)+(?:(?:van|de|der|den|ter|ten|het|'t)[ \t]+)*\p{Lu}[\p{L}'\-]+),?[ \t]+(?:als[ \t]+)?(?:griffier|rechter|voorzitter|raadsheer|kantonrechter|politierechter|kinderrechter|rechter-commissaris|advocaat-generaal|officier van justitie|advocaat|tolk|deskundige|curator|bewindvoerder|notaris|deurwaarder|lid|leden)")
        .expect("valid regex")
});
static ECLI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:[0-9]{4}:[A-Z0-9.]{1,25}").expect("valid regex")
});
static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[0-9]{2}/[0-9]{5,6}-[0-9]{2}|[0-9]{2}-[0-9]{6}-[0-9]{2}|[A-Z]/[0-9]{2}/[0-9]{3,7}|[A-Z]{2,5}[ \t][0-9]{2}/[0-9]{1,6}|[0-9]{3}\.[0-9]{3}\.[0-9]{3}(?:/[0-9]{2})?|[0-9]{2}/[0-9]{3,6}|[0-9]{9,12}/[0-9]{1,2})(?-u:\b)")
        .expect("valid regex")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)[0-9]{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) [0-9]{4}(?-u:\b)")
        .expect("valid regex")
});
static COURT_SEAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Rr]echtbank|[Gg]erechtshof|[Zz]ittingsplaats|[Hh]of|RECHTBANK|GERECHTSHOF)[ \t]+(?P<seat>'s-\p{Lu}[\p{L}\-]+|Den Haag|\p{Lu}[\p{L}]+(?:-\p{Lu}[\p{L}]+)*)")
        .expect("valid regex")
});

fn previous_word(text: &str, pos: usize) -> String {
    text[..pos]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// Bracket placeholders in `text`, with kinds refined by their context.
fn bracket_placeholders(text: &str) -> Vec<Placeholder> {
    let mut found = Vec::new();
    for caps in BRACKET.captures_iter(text) {
        let whole = caps.get(0).expect("group 0");
        let inner = &caps[1];
        // "geboren op [datum] 2001": a date of birth by its context.
        let birth_date = inner.trim().to_lowercase().starts_with("datum")
            && BIRTH_BEFORE.is_match(context_before(text, whole.start(), 40));
        let Some(mut kind) = classify(inner).or(birth_date.then_some(Kind::DateOfBirth)) else {
            continue;
        };
        let after = &text[whole.end()..];
        let legal_form_after = LEGAL_FORM_AFTER.is_match(after);
        if let Kind::Person(_) = kind {
            if legal_form_after || company_word_before(context_before(text, whole.start(), 80)) {
                kind = Kind::Organisation;
            } else {
                let word = previous_word(text, whole.start());
                if inner.trim().chars().count() <= 2 && matches!(word.as_str(), "te" | "in") {
                    kind = Kind::Place;
                } else if let Some(female) = crate::lexicon::title_is_female(&word) {
                    kind = Kind::Person(Some(if female { Gender::Female } else { Gender::Male }));
                }
            }
        }
        // "met kenteken [nummer]": the number is a plate.
        if kind == Kind::Number && PLATE_BEFORE.is_match(context_before(text, whole.start(), 24)) {
            kind = Kind::LicensePlate;
        }
        let mut year_end = None;
        if kind == Kind::DateOfBirth {
            year_end = YEAR_AFTER
                .captures(after)
                .map(|c| whole.end() + c.get(0).expect("group 0").end());
        }
        let key = inner
            .trim()
            .trim_end_matches('.')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let letters: Vec<char> = inner.chars().filter(|c| c.is_alphabetic()).collect();
        found.push(Placeholder {
            start: whole.start(),
            end: whole.end(),
            kind,
            key: format!("[{key}]"),
            capitals: letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()),
            year_end,
            written: inner.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    found
}

/// Letter pseudonyms outside brackets: "belanghebbende X", "X B.V.", "te Z".
fn letter_placeholders(text: &str, brackets: &[Placeholder]) -> Vec<Placeholder> {
    let mut candidates: Vec<(usize, usize, Kind)> = Vec::new();
    for m in LONE_LETTER.find_iter(text) {
        if brackets
            .iter()
            .any(|b| b.start <= m.start() && m.end() <= b.end)
        {
            continue;
        }
        let before = text[..m.start()].chars().next_back();
        let mut after = text[m.end()..].chars();
        let next = after.next();
        let next_next = after.next();
        if before.is_some_and(|c| matches!(c, '.' | '-' | '/' | '\'' | '(' | '&' | '[' | ':'))
            || matches!(next, Some('-' | '/' | '\'' | '&' | ':' | ')'))
            || (next == Some('.')
                && (next_next.is_some_and(|c| !c.is_whitespace())
                    || !matches!(m.as_str(), "X" | "Y" | "Z")))
        {
            continue;
        }
        let word = previous_word(text, m.start());
        if NOT_BEFORE_LETTER.contains(&word.as_str()) || word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let after_text = &text[m.end()..];
        // "de gemeente Z": a place. (A company's word before a letter is not enough: "de
        // maatschap A en C", "VOF B" name the partners, persons, by their letters.)
        let kind = if LEGAL_FORM_AFTER.is_match(after_text) {
            Kind::Organisation
        } else if word == "te" || word == "gemeente" {
            Kind::Place
        } else {
            Kind::Person(None)
        };
        candidates.push((m.start(), m.end(), kind));
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (start, end, _) in &candidates {
        *counts.entry(&text[*start..*end]).or_default() += 1;
    }
    candidates
        .into_iter()
        .filter(|(start, end, _)| counts[&text[*start..*end]] >= 2)
        .map(|(start, end, kind)| Placeholder {
            start,
            end,
            kind,
            key: format!("letter {} {}", &text[start..end], kind.label()),
            capitals: false,
            year_end: None,
            written: text[start..end].to_string(),
        })
        .collect()
}

/// A surrogate chosen once per entity.
enum Profile {
    Person(Person),
    Text(String),
}

struct Refiller<'a> {
    rng: Rng,
    names: &'a Names,
    profiles: BTreeMap<String, Profile>,
    mentions: BTreeMap<String, usize>,
    entity_ids: BTreeMap<String, String>,
    text: &'a str,
}

impl Refiller<'_> {
    fn entity_id(&mut self, key: &str) -> String {
        let next = format!("e{}", self.entity_ids.len() + 1);
        self.entity_ids
            .entry(key.to_string())
            .or_insert(next)
            .clone()
    }

    /// The surrogate text for one mention.
    fn surrogate(&mut self, placeholder: &Placeholder) -> String {
        let mention = {
            let count = self.mentions.entry(placeholder.key.clone()).or_default();
            *count += 1;
            *count
        };
        if !self.profiles.contains_key(&placeholder.key) {
            let profile = self.new_profile(placeholder);
            self.profiles.insert(placeholder.key.clone(), profile);
        }
        let rng = &mut self.rng;
        let word = previous_word(self.text, placeholder.start);
        let value = match &self.profiles[&placeholder.key] {
            Profile::Person(person) => {
                if crate::lexicon::is_title(&word) {
                    person.surname_only()
                } else if mention == 1 {
                    person.first_mention(rng)
                } else {
                    person.later_mention(rng)
                }
            }
            Profile::Text(text) => text.clone(),
        };
        if placeholder.capitals {
            value.to_uppercase()
        } else {
            value
        }
    }

    fn new_profile(&mut self, placeholder: &Placeholder) -> Profile {
        let rng = &mut self.rng;
        let names = self.names;
        match placeholder.kind {
            Kind::Person(gender) => {
                // The editors' placeholders are different people: a surname shared by chance
                // would make a bare "De Vries" ambiguous even to a human reader.
                let taken: Vec<&str> = self
                    .profiles
                    .values()
                    .filter_map(|p| match p {
                        Profile::Person(other) => Some(other.surname.as_str()),
                        Profile::Text(_) => None,
                    })
                    .collect();
                let mut person = Person::generate(rng, names, gender);
                for _ in 0..20 {
                    if !taken.iter().any(|t| shares_a_surname(t, &person.surname)) {
                        break;
                    }
                    person = Person::generate(rng, names, gender);
                }
                Profile::Person(person)
            }
            Kind::Organisation => {
                let legal_form_after = LEGAL_FORM_AFTER.is_match(&self.text[placeholder.end..]);
                Profile::Text(surrogate::company(rng, names, !legal_form_after))
            }
            Kind::Place => Profile::Text(surrogate::place(rng, names)),
            Kind::Address => Profile::Text(surrogate::address(rng, names)),
            Kind::Postcode => Profile::Text(surrogate::postcode(rng)),
            Kind::DateOfBirth => Profile::Text(if placeholder.year_end.is_some() {
                surrogate::day_and_month(rng)
            } else {
                format!("{} {}", surrogate::day_and_month(rng), 1940 + rng.below(66))
            }),
            Kind::Bsn => Profile::Text(surrogate::bsn(rng)),
            Kind::Iban => Profile::Text(surrogate::iban(rng)),
            Kind::Phone => Profile::Text(surrogate::phone(rng)),
            Kind::Email => {
                let person = Person::generate(rng, names, None);
                Profile::Text(surrogate::email(rng, &person))
            }
            Kind::LicensePlate => Profile::Text(surrogate::license_plate(rng)),
            Kind::Number => Profile::Text(surrogate::number(rng)),
            Kind::IpAddress => Profile::Text(surrogate::ip_address(rng)),
            Kind::CadastralSection => Profile::Text(surrogate::cadastral_section(rng)),
        }
    }
}

/// True when two surnames have a part in common ("Visser-Smit" and "Smit").
fn shares_a_surname(a: &str, b: &str) -> bool {
    a.split('-')
        .any(|x| b.split('-').any(|y| x.eq_ignore_ascii_case(y)))
}

/// Refills one ruling with surrogates drawn from `names` (the training or the evaluation half
/// of the name pools).
pub fn refill(id: &str, text: &str, seed: u64, names: &Names) -> GoldDocument {
    let brackets = bracket_placeholders(text);
    let letters = letter_placeholders(text, &brackets);
    let mut placeholders: Vec<Placeholder> = brackets.into_iter().chain(letters).collect();
    placeholders.sort_by_key(|p| p.start);
    // One entity, one kind: "de besloten vennootschap [gedaagde]" makes every later
    // "[gedaagde]" the company too.
    let mut kinds: BTreeMap<String, Kind> = BTreeMap::new();
    for placeholder in &placeholders {
        let kind = kinds
            .entry(placeholder.key.clone())
            .or_insert(placeholder.kind);
        if placeholder.kind == Kind::Organisation {
            *kind = Kind::Organisation;
        }
    }
    for placeholder in &mut placeholders {
        placeholder.kind = kinds[&placeholder.key];
    }
    let mut refiller = Refiller {
        rng: Rng::for_document(seed, id),
        names,
        profiles: BTreeMap::new(),
        mentions: BTreeMap::new(),
        entity_ids: BTreeMap::new(),
        text,
    };
    let mut output = String::with_capacity(text.len() + text.len() / 8);
    let mut output_chars = 0usize;
    let mut copied_to = 0usize;
    let mut entities = Vec::new();
    for placeholder in &placeholders {
        if placeholder.start < copied_to {
            continue;
        }
        let gap = &text[copied_to..placeholder.start];
        output.push_str(gap);
        output_chars += gap.chars().count();
        let value = refiller.surrogate(placeholder);
        let start = output_chars;
        output.push_str(&value);
        output_chars += value.chars().count();
        copied_to = placeholder.end;
        if let Some(year_end) = placeholder.year_end {
            // "[geboortedatum] 1987": the year belongs to the date of birth.
            let year = &text[placeholder.end..year_end];
            let year = if year.starts_with(char::is_whitespace) {
                year.to_string()
            } else {
                format!(" {year}")
            };
            output.push_str(&year);
            output_chars += year.chars().count();
            copied_to = year_end;
        }
        entities.push(GoldSpan {
            start,
            end: output_chars,
            label: placeholder.kind.label().to_string(),
            entity: Some(refiller.entity_id(&placeholder.key)),
            placeholder: Some(placeholder.written.clone()),
        });
    }
    output.push_str(&text[copied_to..]);
    let keep = keep_spans(&output, &entities);
    entities.extend(keep);
    entities.sort_by_key(|s| (s.start, s.end));
    GoldDocument {
        id: id.to_string(),
        text: output,
        entities,
    }
}

/// PROFESSIONAL and KEEP_* spans in the refilled text, skipping any that overlap a span to
/// replace (the editors' decision wins).
fn keep_spans(text: &str, replaced: &[GoldSpan]) -> Vec<GoldSpan> {
    let mut byte_spans: Vec<(usize, usize, &'static str)> = Vec::new();
    for caps in MR_NAME.captures_iter(text) {
        let name = caps.name("name").expect("name group");
        byte_spans.push((name.start(), name.end(), "PROFESSIONAL"));
    }
    for caps in NAME_ROLE.captures_iter(text) {
        let name = caps.name("name").expect("name group");
        byte_spans.push((name.start(), name.end(), "PROFESSIONAL"));
    }
    for m in ECLI.find_iter(text) {
        byte_spans.push((m.start(), m.end(), "KEEP_ECLI"));
    }
    for m in CASE_NUMBER.find_iter(text) {
        byte_spans.push((m.start(), m.end(), "KEEP_CASE_NUMBER"));
    }
    for m in DATE.find_iter(text) {
        if !BIRTH_BEFORE.is_match(&text[..m.start()]) {
            byte_spans.push((m.start(), m.end(), "KEEP_DATE"));
        }
    }
    for caps in COURT_SEAT.captures_iter(text) {
        let seat = caps.name("seat").expect("seat group");
        byte_spans.push((seat.start(), seat.end(), "KEEP_PLACE"));
    }
    byte_spans.sort();
    let to_chars =
        super::gold::code_points_at(text, byte_spans.iter().flat_map(|&(s, e, _)| [s, e]));
    let mut spans: Vec<GoldSpan> = Vec::new();
    for (start, end, label) in byte_spans {
        let (start, end) = (to_chars[&start], to_chars[&end]);
        let overlaps_replaced = replaced.iter().any(|r| r.start < end && start < r.end);
        let overlaps_kept = spans.iter().any(|k| k.start < end && start < k.end);
        if !overlaps_replaced && !overlaps_kept {
            spans.push(GoldSpan {
                start,
                end,
                label: label.to_string(),
                entity: None,
                placeholder: None,
            });
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(doc: &GoldDocument) -> Vec<(String, String)> {
        doc.entities
            .iter()
            .map(|s| (doc.span_text(s), s.label.clone()))
            .collect()
    }

    fn labels_of(doc: &GoldDocument, label: &str) -> Vec<String> {
        doc.entities
            .iter()
            .filter(|s| s.label == label)
            .map(|s| doc.span_text(s))
            .collect()
    }

    #[test]
    fn classifies_every_placeholder_family() {
        for (inner, expected) in [
            ("verdachte", Some("PERSON")),
            ("medeverdachte 2", Some("PERSON")),
            ("slachtoffer 1", Some("PERSON")),
            ("appellant sub 14a", Some("PERSON")),
            ("geïntimeerde", Some("PERSON")),
            ("GEÏNTIMEERDE", Some("PERSON")),
            ("eiseres", Some("PERSON")),
            ("verbalisant 3", Some("PERSON")),
            ("naam broer", Some("PERSON")),
            ("de dochter", Some("PERSON")),
            ("het kind", Some("PERSON")),
            ("persoon A", Some("PERSON")),
            ("alias 2 verdachte", Some("PERSON")),
            ("A", Some("PERSON")),
            ("Z.", Some("PERSON")),
            ("X1", Some("PERSON")),
            ("AA", Some("PERSON")),
            ("M.S.", Some("PERSON")),
            ("klaagster", Some("PERSON")),
            ("land", Some("PLACE")),
            ("aanslagnummer", Some("ID_NUMBER")),
            ("woonplaats", Some("PLACE")),
            ("geboorteplaats", Some("PLACE")),
            ("vestigingsplaats1", Some("PLACE")),
            ("adres 1", Some("ADDRESS")),
            ("a-straat 1", Some("ADDRESS")),
            ("locatie 23", Some("ADDRESS")),
            ("postcode 2", Some("ADDRESS")),
            ("geboortedatum", Some("DATE_OF_BIRTH")),
            ("telefoonnummer", Some("PHONE")),
            ("telefoonummer", Some("PHONE")),
            ("kenteken", Some("LICENSE_PLATE")),
            ("AA-00-BB", Some("LICENSE_PLATE")),
            ("nummer", Some("ID_NUMBER")),
            ("framenummer", Some("ID_NUMBER")),
            ("bedrijf 1", Some("ORGANISATION")),
            ("naam v.o.f.", Some("ORGANISATION")),
            ("naam horecagelegenheid", Some("ORGANISATION")),
            ("coffeeshop", Some("ORGANISATION")),
            ("naam b.v.", Some("ORGANISATION")),
            ("naam uitzendbureau", Some("ORGANISATION")),
            ("e-mailadres", Some("EMAIL")),
            ("BSN", Some("BSN")),
            ("rekeningnummer", Some("IBAN")),
            ("…", None),
            ("...", None),
            ("is", None),
            ("heeft", None),
            ("het bedrag van de uitkering", None),
            ("12", None),
        ] {
            assert_eq!(classify(inner).map(Kind::label), expected, "[{inner}]");
        }
    }

    #[test]
    fn a_company_word_must_be_a_word_of_its_own_and_name_the_placeholder() {
        let text = "dat verdachte tezamen en in vereniging met [medeverdachte 1] in vereniging geweld heeft gepleegd tegen [slachtoffer 3], lid van de vereniging [naam vereniging], en de besloten vennootschap [eiseres]. Met de brandstichting heeft verdachte de heer [slachtoffer 1] bedreigd; de stichting, vertegenwoordigd door [gemachtigde], en de maatschap [naam 2] verschenen.\nde vereniging\n\n    [naam eiseres]\n";
        let doc = refill("ECLI:NL:TEST:2021:2", text, 1, &Names::builtin(Pool::Eval));
        assert_eq!(labels_of(&doc, "PERSON").len(), 4, "{}", doc.text);
        assert_eq!(labels_of(&doc, "ORGANISATION").len(), 4, "{}", doc.text);
    }

    #[test]
    fn refills_consistently_and_keeps_the_year_of_birth() {
        let text = "in de zaak tegen [verdachte], geboren op [geboortedatum] 1987 te [geboorteplaats], wonende te [adres 1]. [Verdachte] ontkent. Getuige [getuige 1] zag [verdachte] bij [bedrijf 1] B.V. De rechtbank Utrecht, mr. A.B. de Vries, voorzitter, op 12 maart 2021. Parketnummer 16/123456-21. […] [is]";
        let doc = refill("ECLI:NL:TEST:2021:1", text, 1, &Names::builtin(Pool::Eval));
        assert!(!doc.text.contains("[verdachte]") && !doc.text.contains("[Verdachte]"));
        assert!(
            doc.text.contains("[…] [is]"),
            "editorial brackets stay: {}",
            doc.text
        );
        let persons: Vec<&GoldSpan> = doc
            .entities
            .iter()
            .filter(|s| s.label == "PERSON")
            .collect();
        assert_eq!(persons.len(), 4);
        // [verdachte] and [Verdachte] are one entity; the witness another.
        assert_eq!(persons[0].entity, persons[1].entity);
        assert_eq!(persons[0].entity, persons[3].entity);
        assert_ne!(persons[0].entity, persons[2].entity);
        let birth = labels_of(&doc, "DATE_OF_BIRTH");
        assert_eq!(birth.len(), 1);
        assert!(birth[0].ends_with(" 1987"), "{birth:?}");
        assert_eq!(labels_of(&doc, "PLACE").len(), 1);
        assert_eq!(labels_of(&doc, "ADDRESS").len(), 1);
        let company = labels_of(&doc, "ORGANISATION");
        assert_eq!(company.len(), 1);
        assert!(
            !company[0].ends_with("B.V."),
            "the ruling writes the legal form: {company:?}"
        );
        assert!(doc.text.contains(&format!("{} B.V.", company[0])));
        assert_eq!(labels_of(&doc, "PROFESSIONAL"), ["A.B. de Vries"]);
        assert_eq!(labels_of(&doc, "KEEP_PLACE"), ["Utrecht"]);
        assert_eq!(labels_of(&doc, "KEEP_DATE"), ["12 maart 2021"]);
        assert_eq!(labels_of(&doc, "KEEP_CASE_NUMBER"), ["16/123456-21"]);
        doc.validate().unwrap();
        for (span_text, label) in labelled(&doc) {
            assert!(!span_text.contains('['), "{label}: {span_text}");
        }
    }

    #[test]
    fn a_date_after_geboren_is_a_date_of_birth() {
        let doc = refill(
            "d",
            "de minderjarige, geboren op [datum ] 2001, en [datum] later",
            1,
            &Names::builtin(Pool::Eval),
        );
        assert_eq!(labels_of(&doc, "DATE_OF_BIRTH").len(), 1, "{}", doc.text);
        assert!(doc.text.ends_with("en [datum] later"));
    }

    #[test]
    fn numbers_after_kenteken_are_plates() {
        let doc = refill(
            "k",
            "een taxi, met kenteken [nummer], reed",
            1,
            &Names::builtin(Pool::Eval),
        );
        assert_eq!(labels_of(&doc, "LICENSE_PLATE").len(), 1, "{}", doc.text);
    }

    #[test]
    fn role_placeholders_become_companies_by_context() {
        let text = "de besloten vennootschap [eiseres], gevestigd te Utrecht, en [gedaagde] B.V. en [X] Inc.";
        let doc = refill("x", text, 3, &Names::builtin(Pool::Eval));
        assert_eq!(labels_of(&doc, "ORGANISATION").len(), 3, "{}", doc.text);
        assert!(labels_of(&doc, "PERSON").is_empty());
    }

    #[test]
    fn letter_pseudonyms_of_older_rulings() {
        let text = "Belanghebbende X heeft in 1990 aandelen van Y B.V. gekocht. X woonde te Z. In bijlage A staat dat Y B.V. te Z is gevestigd. Sub A van het besluit noemt X.";
        let doc = refill("old", text, 5, &Names::builtin(Pool::Train));
        let persons = labels_of(&doc, "PERSON");
        assert_eq!(persons.len(), 3, "{}", doc.text);
        assert_eq!(labels_of(&doc, "ORGANISATION").len(), 2, "{}", doc.text);
        assert_eq!(labels_of(&doc, "PLACE").len(), 2, "{}", doc.text);
        assert!(
            doc.text.contains("bijlage A") && doc.text.contains("Sub A"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn a_letter_after_gemeente_is_a_place() {
        let text = "Belanghebbende Q kocht van de gemeente W grond; Q woont te W en de gemeente W tekende.";
        let doc = refill("old2", text, 5, &Names::builtin(Pool::Train));
        assert_eq!(labels_of(&doc, "PERSON").len(), 2, "{}", doc.text);
        assert_eq!(labels_of(&doc, "PLACE").len(), 3, "{}", doc.text);
    }

    #[test]
    fn capitals_stay_capitals_and_titles_take_the_surname() {
        let text = "tegen [GEÏNTIMEERDE], hierna de heer [geïntimeerde].";
        let doc = refill("caps", text, 9, &Names::builtin(Pool::Eval));
        let persons = labels_of(&doc, "PERSON");
        assert_eq!(persons.len(), 2);
        assert_eq!(persons[0], persons[0].to_uppercase());
        assert!(
            !persons[1].contains(' ')
                || persons[1]
                    .split(' ')
                    .next()
                    .unwrap()
                    .chars()
                    .next()
                    .unwrap()
                    .is_uppercase()
        );
    }

    #[test]
    fn pools_give_different_names() {
        let text = "[eiser 1], [eiser 2], [eiser 3], [eiser 4], [eiser 5], [eiser 6]";
        let train = refill("p", text, 1, &Names::builtin(Pool::Train));
        let eval = refill("p", text, 1, &Names::builtin(Pool::Eval));
        let train_names = labels_of(&train, "PERSON").join(" ");
        for name in labels_of(&eval, "PERSON") {
            let surname = name.rsplit(' ').next().unwrap();
            assert!(
                !train_names.contains(surname) || surname.len() < 4,
                "{surname} in both pools"
            );
        }
    }
}
