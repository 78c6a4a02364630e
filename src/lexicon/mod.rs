//! The word lists every stage reads, in one place. Each list is a data file in
//! `src/lexicon/data/`, compiled in, with its source and licence in `data/SOURCES.md`, so that
//! a change of policy is made here and nowhere else.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Lines of a list file: `#` starts a comment, blank lines are skipped.
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static COUNTRIES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/countries.txt")).collect());

/// Sorted bytewise (Python's `sorted` in build_places.py), searched in place like the word list.
static FOREIGN_PLACES: &str = include_str!("data/foreign_places.txt");

/// The OpenTaal word list, one lower-case word a line, sorted bytewise: searched in place
/// (a set of its 348,844 words would cost about 9 MiB of every process's memory).
static DUTCH_WORDS: &str = include_str!("data/dutch_words.txt");

/// Whether `word` is a line of `sorted` (lines in bytewise order), by binary search over the
/// text itself: nothing is built or allocated.
fn sorted_lines_contain(sorted: &str, word: &str) -> bool {
    let bytes = sorted.as_bytes();
    // [low, high) starts at a line's start and ends at one, or at the text's end.
    let (mut low, mut high) = (0, bytes.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = bytes[low..middle]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(low, |at| low + at + 1);
        let end = bytes[start..high]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(high, |at| start + at);
        match sorted[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    false
}

static SURNAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    entries(include_str!("data/surnames.txt"))
        .map(str::to_lowercase)
        .collect()
});

static FIRST_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    entries(include_str!("data/first_names.txt"))
        .map(str::to_lowercase)
        .collect()
});

static FIRST_NAMES_ALSO_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    entries(include_str!("data/first_names_also_words.txt"))
        .map(str::to_lowercase)
        .collect()
});

static ENGLISH_FUNCTION_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/english_function_words.txt")).collect());

static ENGLISH_INSTITUTION_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/english_institution_words.txt")).collect());

static ADJECTIVES_OF_PEOPLES_AND_PLACES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/adjectives_of_peoples_and_places.txt")).collect());

static BRAND_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/brand_words.txt")).collect());

static NOT_A_PERSON_AFTER: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    entries(include_str!("data/not_a_person_after.txt"))
        .chain(BRAND_WORDS.iter().copied())
        .collect()
});

static NOT_A_PERSON_BEFORE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/not_a_person_before.txt")).collect());

static ADMINISTRATIVE_BODIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/administrative_bodies.txt")).collect());

static NEVER_A_PERSON: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/never_a_person.txt")).collect());

static WELL_KNOWN_ORGANISATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/well_known_organisations.txt")).collect());

static INSTITUTION_ENDINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/institution_endings.txt")).collect());

static HANDBOOK_SERIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/handbook_series.txt")).collect());

static CAR_MAKES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/car_makes.txt")).collect());

static DUTCH_PLACES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("data/dutch_places.txt"))
        .chain(entries(include_str!("data/dutch_municipalities.txt")))
        .collect()
});

/// (ending, class) of `data/street_suffixes.tsv`, in the file's order.
static STREET_SUFFIXES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    entries(include_str!("data/street_suffixes.tsv"))
        .map(|line| {
            let (suffix, class) = line.split_once('\t').expect("ending<TAB>class");
            (suffix.trim(), class.trim())
        })
        .collect()
});

/// Every ending of a Dutch street name that the address detector knows, in the file's order.
pub fn street_suffixes() -> impl Iterator<Item = &'static str> {
    STREET_SUFFIXES.iter().map(|(suffix, _)| *suffix)
}

/// Endings few surnames have ("straat", "laan", "plein" … but not "hof", "dijk", "weg").
pub fn unmistakable_street_suffixes() -> impl Iterator<Item = &'static str> {
    STREET_SUFFIXES
        .iter()
        .filter(|(_, class)| *class == "unmistakable")
        .map(|(suffix, _)| *suffix)
}

/// The frequent endings, the unmistakable ones included.
pub fn common_street_suffixes() -> impl Iterator<Item = &'static str> {
    STREET_SUFFIXES
        .iter()
        .filter(|(_, class)| *class != "other")
        .map(|(suffix, _)| *suffix)
}

static LEGAL_TERMS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("data/legal_terms.txt")).collect());

/// Whether `word`, in lower case, is a Dutch word (OpenTaal): "Verder", "Bakker" and
/// "Rechtbank" are; "Jansen", "Kruidvat" and "Schuilenburg" are not.
pub fn is_dutch_word(word: &str) -> bool {
    sorted_lines_contain(DUTCH_WORDS, &word.to_lowercase())
}

/// A Dutch compound of two listed words (the second of five letters or more), with or without
/// a linking "s" or "e(n)", or of any head and a listed word of eight letters or more:
/// "Zittingsplaats", "Bewijsoverwegingen", "Mogelijkhedenlijst", "Rabobankkantoren".
pub fn is_dutch_compound(word: &str) -> bool {
    let lower = word.to_lowercase();
    let boundaries: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    boundaries.iter().any(|&at| {
        let (head, tail) = lower.split_at(at);
        // A tail of at least five letters: surnames are compounds of short words too
        // ("Rietveld", "Schuilenburg", "Groenewoud") and must stay in doubt.
        if head.chars().count() < 3
            || tail.chars().count() < 5
            || !sorted_lines_contain(DUTCH_WORDS, tail)
        {
            return false;
        }
        // A long tail makes a compound whatever its head: "Rabobankkantoren",
        // "Volkswagenbestelbus", "Dublinverordening" (the surnames ending in a Dutch word end
        // in one of seven letters at most: "Hoppenbrouwer", "Verbruggen").
        tail.chars().count() >= 8
            || sorted_lines_contain(DUTCH_WORDS, head)
            || ["s", "e", "en"].iter().any(|link| {
                head.strip_suffix(link).is_some_and(|stem| {
                    stem.chars().count() >= 3 && sorted_lines_contain(DUTCH_WORDS, stem)
                })
            })
    })
}

/// Whether `name` (any case) is a common Dutch surname (faker's nl_NL list): "Bakker",
/// "Koning" and "Visser" are, though they are Dutch words too.
pub fn is_common_surname(name: &str) -> bool {
    SURNAMES.contains(&name.to_lowercase())
}

/// Whether `name` (any case) is a Dutch first name (faker's nl_NL list and pii-filter's): "Mark",
/// "Anouk", "MOHAMED".
pub fn is_first_name(name: &str) -> bool {
    FIRST_NAMES.contains(&name.to_lowercase())
}

/// Whether `word`, standing at byte `start` of `text`, reads as a given name: a first name of
/// `first_names.txt`, or one that is also a Dutch word ("Kees", "Door", "Anita") where its
/// capital cannot be a sentence's ("door Kees Groen"; not "Door Groen is betaald").
pub fn is_given_name_at(text: &str, start: usize, word: &str) -> bool {
    is_first_name(word)
        || (FIRST_NAMES_ALSO_WORDS.contains(&word.to_lowercase()) && !opens_a_sentence(text, start))
}

/// Whether the word at byte `start` opens a sentence, a line or a heading: nothing but
/// spaces, quotes or brackets between it and a full stop, colon, line end, number or the
/// text's start.
pub fn opens_a_sentence(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(', '-', '–'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '\n') || c.is_ascii_digit())
}

/// Whether a capitalised `word` is a word of the language or of the law rather than a name:
/// a Dutch word (OpenTaal) or compound, a term of law, a place at home or abroad, a country,
/// a make of car ("Peugeot"), or the genitive of a Dutch word ("Hofs").
pub fn is_known_word(word: &str) -> bool {
    is_dutch_word(word)
        || is_dutch_compound(word)
        || is_legal_term(word)
        || is_dutch_place(word)
        || is_country(word)
        || is_foreign_place(word)
        || is_car_make(&word.to_lowercase())
        || word
            .strip_suffix('s')
            .is_some_and(|stem| stem.chars().count() >= 3 && is_dutch_word(stem))
}

/// Whether a brand word stands among the three words before `at` (bytes) of `text`: "merk
/// Umarex, type Walther P22", "het middel Thanalith E" name products, not people (train
/// split: 66 such unknown-word doubts, none on a name the pipeline missed).
pub fn brand_word_before(text: &str, at: usize) -> bool {
    let before = crate::detect::context_before(text, at, 48);
    before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .any(|w| BRAND_WORDS.contains(&w.as_str()))
}

/// Whether `start..end` (bytes) of `text` stands in an English sentence: two English function
/// words within 60 bytes of it (train split: 95 unknown-word doubts so placed, one on a name
/// the pipeline missed).
pub fn in_an_english_sentence(text: &str, start: usize, end: usize) -> bool {
    let from = crate::detect::floor_char_boundary(text, start.saturating_sub(60));
    let to = crate::detect::floor_char_boundary(text, end + 60);
    text[from..to]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| is_english_function_word(&w.to_lowercase()))
        .count()
        >= 2
}

/// Words right before a capitalised word that make it no person ("rechtbank", "merk",
/// "basisschool", "onderzoek"), lower case.
pub fn not_a_person_after() -> &'static [&'static str] {
    &NOT_A_PERSON_AFTER
}

static TITLES: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    entries(include_str!("data/titles.tsv"))
        .map(|line| {
            let (form, gender) = line.split_once('\t').expect("titles.tsv: two columns");
            (form, gender.trim() == "v")
        })
        .collect()
});

/// Whether `word` (any case, with or without its dot) is a form of address before a surname:
/// "heer", "mevrouw", "mw.", "Dhr.".
pub fn is_title(word: &str) -> bool {
    title_is_female(word).is_some()
}

/// For a form of address, whether it is a woman's ("mevrouw", "mw.") or a man's ("heer",
/// "dhr."); `None` for any other word.
pub fn title_is_female(word: &str) -> Option<bool> {
    let lower = word.to_lowercase();
    TITLES
        .iter()
        .find(|(form, _)| *form == lower)
        .map(|&(_, female)| female)
}

/// Whether `word` (lower case) is an English function word Dutch does not use ("the",
/// "which"): see `data/english_function_words.txt`.
pub fn is_english_function_word(word: &str) -> bool {
    ENGLISH_FUNCTION_WORDS.contains(word)
}

/// Whether `word` (any case) is an English word of companies, courts and publications that no
/// person bears ("Capital", "Supreme", "Journal"): see `data/english_institution_words.txt`.
pub fn is_english_institution_word(word: &str) -> bool {
    ENGLISH_INSTITUTION_WORDS.contains(word.to_lowercase().as_str())
}

/// Whether `word` (any case) is the adjective of a people, a country or a Dutch place that the
/// word list lacks ("Britse", "Iraakse", "Haagse"): see
/// `data/adjectives_of_peoples_and_places.txt`.
pub fn is_adjective_of_a_people_or_place(word: &str) -> bool {
    ADJECTIVES_OF_PEOPLES_AND_PLACES.contains(word.to_lowercase().as_str())
}

/// Whether `word`, capitalised, is the adjective of a people or a country: one of the list's
/// ([`is_adjective_of_a_people_or_place`]), or a word of eight letters or more ending in
/// "-ische" ("Tsjechische", "Syrische"): of the Meertens Institute's 322,000 family names
/// three are so written ("Detische"), none among the thousand most frequent.
pub fn is_adjective_of_a_people(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && !word.contains(char::is_whitespace)
        && (is_adjective_of_a_people_or_place(word)
            || (word.ends_with("ische") && word.chars().count() >= 8))
}

/// Words right before a capitalised word that make it a brand ("merk", "type"), lower case;
/// part of [`not_a_person_after`] too.
pub fn brand_words() -> &'static [&'static str] {
    &BRAND_WORDS
}

/// Words right after a capitalised word that make it no person ("MC" of "Bandidos MC"),
/// lower case.
pub fn not_a_person_before() -> &'static [&'static str] {
    &NOT_A_PERSON_BEFORE
}

/// Names that are never a natural person, lower case, without their article: "staat" (the
/// State as a party), "staat der nederlanden".
pub fn never_a_person() -> &'static [&'static str] {
    &NEVER_A_PERSON
}

/// Whether `name` is a well-known organisation or brand ("Kruidvat", "de Rabobank", "Albert
/// Heijn B.V."): compared in lower case, without a leading article or a trailing legal form.
pub fn is_well_known_organisation(name: &str) -> bool {
    WELL_KNOWN_ORGANISATIONS.contains(organisation_core(name).as_str())
}

/// Whether a company's name begins with a well-known organisation's ("Rabobank Utrecht",
/// "Shell Nederland Verkoopmaatschappij B.V."): a branch or subsidiary of it.
pub fn begins_with_a_well_known_organisation(name: &str) -> bool {
    let core = organisation_core(name);
    // The whole name, or its words up to any space.
    core.match_indices(' ')
        .map(|(at, _)| at)
        .chain([core.len()])
        .any(|end| WELL_KNOWN_ORGANISATIONS.contains(&core[..end]))
}

/// Where well-known organisations' names stand in `text` (byte ranges, whole words, any case).
pub fn well_known_organisations_in(text: &str) -> Vec<(usize, usize)> {
    static PATTERN: LazyLock<regex::Regex> = LazyLock::new(|| {
        let mut names: Vec<&str> = WELL_KNOWN_ORGANISATIONS.iter().copied().collect();
        // The longest first, so that "ahold delhaize" wins over "ahold".
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let alternatives: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
        regex::Regex::new(&format!(
            r"(?i)(?:^|[^\p{{L}}\p{{N}}])({})(?:$|[^\p{{L}}\p{{N}}])",
            alternatives.join("|")
        ))
        .expect("valid regex")
    });
    // Not captures_iter: a match takes the character after the name, which may be the one
    // before the next name ("KPN KPN"); each search starts right after the name instead.
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(caps) = PATTERN.captures_at(text, from) {
        let name = caps.get(1).expect("group 1");
        found.push((name.start(), name.end()));
        from = name.end();
    }
    found
}

/// Whether a word of `name` is an institution's or ends like one ("Willibrordschool", "Da
/// Vinci College", "Antoniusziekenhuis"): a school's or a hospital's name, no person's.
pub fn names_an_institution(name: &str) -> bool {
    name.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .any(|word| {
            INSTITUTION_ENDINGS
                .iter()
                .any(|ending| word.ends_with(ending))
        })
}

/// A company's name in lower case without a leading article and a trailing legal form.
fn organisation_core(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let mut core = lower
        .strip_prefix("de ")
        .or_else(|| lower.strip_prefix("het "))
        .unwrap_or(&lower)
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    for form in [" b.v.", " n.v.", " bv", " nv", " b.v", " n.v"] {
        if let Some(stripped) = core.strip_suffix(form) {
            core = stripped.trim_end_matches(|c: char| c == ',' || c.is_whitespace());
            break;
        }
    }
    core.to_string()
}

/// How a header names a public body on the other side of an administrative case, lower case
/// with the article: "het college", "de raad", "de minister".
pub fn administrative_bodies() -> &'static [&'static str] {
    &ADMINISTRATIVE_BODIES
}

/// Series of legal handbooks cited with their authors after a slash ("Asser/Hartkamp &
/// Sieburgh"): the authors are kept.
pub fn handbook_series() -> &'static [&'static str] {
    &HANDBOOK_SERIES
}

/// Whether `word` (lower case) is a make of car ("toyota", "renault").
pub fn is_car_make(word: &str) -> bool {
    CAR_MAKES.contains(word)
}

/// A place in the Netherlands of 500 inhabitants or more (GeoNames).
pub fn is_dutch_place(name: &str) -> bool {
    DUTCH_PLACES.contains(name)
}

/// "gedetineerd in de P.I. Nieuwegein", "PI Krimpen aan den IJssel": whether the name
/// written at `start..end` is a prison's abbreviation before a Dutch place, which reads like
/// initials but names the prison (whose town the editors keep); no train or dev ruling names
/// a person with the initials P.I. before a place.
pub fn names_a_prison(text: &str, start: usize, end: usize) -> bool {
    let written = &text[start..end];
    let Some(rest) = ["P.I. ", "P.I.", "PI "]
        .iter()
        .find_map(|abbreviation| written.strip_prefix(abbreviation))
    else {
        return false;
    };
    // The place may run past the name: "P.I. Krimpen" of "P.I. Krimpen aan den IJssel".
    let from = end - rest.len();
    let words: Vec<&str> = text[from..crate::detect::floor_char_boundary(text, from + 40)]
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.', ';', ':', ')']))
        .collect();
    (1..=words.len().min(4)).any(|n| is_dutch_place(&words[..n].join(" ")))
}

/// Acts, codes, courts' and bodies' abbreviations and Latin terms of law that no Dutch word
/// list holds ("Awb", "EVRM", "Sr", "ECLI").
pub fn is_legal_term(word: &str) -> bool {
    LEGAL_TERMS.contains(word)
}

static ROLE_FORMS: LazyLock<Vec<(&'static str, &'static str, &'static str)>> =
    LazyLock::new(|| {
        entries(include_str!("data/role_words.tsv"))
            .map(|line| {
                let mut fields = line.split('\t');
                let mut next = || fields.next().expect("role_words.tsv: three columns");
                (next(), next(), next())
            })
            .collect()
    });

/// The role words: (form as written, role, placeholder word), "eiseres" → ("eiseres",
/// "eiser", "eiseres"). Read by resolve (roles) and by the review's doubts.
pub fn role_forms() -> &'static [(&'static str, &'static str, &'static str)] {
    &ROLE_FORMS
}

/// Whether `word` (any case) is a form of a role word.
pub fn is_role_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    ROLE_FORMS.iter().any(|(form, _, _)| *form == lower)
}

/// A country or territory by its Dutch name ("Jemen", "Verenigde Staten", "Curaçao"; Unicode
/// CLDR), the Netherlands excepted.
pub fn is_country(name: &str) -> bool {
    COUNTRIES.contains(name)
}

/// A city abroad of 100,000 inhabitants or more, by any Latin-script name GeoNames gives it
/// ("Mogadishu", "Parijs"), unless that name is also a Dutch place.
pub fn is_foreign_place(name: &str) -> bool {
    sorted_lines_contain(FOREIGN_PLACES, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_name_that_is_also_a_word_is_a_given_name_only_mid_sentence() {
        let text =
            "Door Veldkamp is betaald. Het werd door Kees Veldkamp en Anita Veldkamp gezegd.";
        let at = |word: &str, nth: usize| text.match_indices(word).nth(nth).unwrap().0;
        assert!(!is_given_name_at(text, at("Door", 0), "Door"));
        assert!(is_given_name_at(text, at("Kees", 0), "Kees"));
        assert!(is_given_name_at(text, at("Anita", 0), "Anita"));
        assert!(!is_given_name_at(text, at("betaald", 0), "betaald"));
        assert!(is_given_name_at("Mark kwam.", 0, "Mark"));
    }

    #[test]
    fn the_word_list_is_sorted_and_searched_in_place() {
        // The binary search needs bytewise order (build_dutch_words.sh sorts with LC_ALL=C).
        let words: Vec<&str> = entries(DUTCH_WORDS).collect();
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "dutch_words.txt unsorted"
        );
        for word in [words[0], words[words.len() / 2], words[words.len() - 1]] {
            assert!(sorted_lines_contain(DUTCH_WORDS, word), "{word}");
        }
        for absent in ["", "schuilenburg", "zzzzzz", "a a"] {
            assert!(!sorted_lines_contain(DUTCH_WORDS, absent), "{absent}");
        }
        let small = "appel\nbeer\ncitroen";
        for (word, listed) in [
            ("appel", true),
            ("beer", true),
            ("citroen", true),
            ("bee", false),
            ("dadel", false),
            ("aap", false),
        ] {
            assert_eq!(sorted_lines_contain(small, word), listed, "{word}");
        }
    }

    #[test]
    fn countries_and_cities_abroad() {
        for country in [
            "Jemen",
            "Somalië",
            "Marokko",
            "Duitsland",
            "Curaçao",
            "Groot-Brittannië",
            "Engeland",
        ] {
            assert!(is_country(country), "{country}");
        }
        assert!(!is_country("Nederland"));
        // English country names are first names in Dutch rulings more often than countries.
        assert!(!is_country("Jordan"));
        for city in ["Mogadishu", "Parijs", "Antwerpen", "Istanbul"] {
            assert!(is_foreign_place(city), "{city}");
        }
        for dutch in ["Amsterdam", "Bergen", "Hengelo", "Utrecht"] {
            assert!(!is_foreign_place(dutch), "{dutch}");
            assert!(is_dutch_place(dutch), "{dutch}");
        }
        // Municipalities GeoNames' small places do not name, and The Hague in Dutch.
        for dutch in ["Haarlemmermeer", "Etten-Leur", "Den Haag", "'s-Gravenhage"] {
            assert!(is_dutch_place(dutch), "{dutch}");
        }
        for municipality in entries(include_str!("data/dutch_municipalities.txt")) {
            assert!(!is_foreign_place(municipality), "{municipality}");
            assert!(!is_country(municipality), "{municipality}");
        }
    }

    #[test]
    fn dutch_words_and_legal_terms() {
        for word in ["Verder", "bakker", "Rechtbank", "overwegingen"] {
            assert!(is_dutch_word(word), "{word}");
        }
        for name in ["Jansen", "Schuilenburg", "Kruidvat"] {
            assert!(!is_dutch_word(name), "{name}");
            assert!(!is_dutch_compound(name), "{name}");
        }
        for compound in [
            "Zittingsplaats",
            "Bewijsoverwegingen",
            "Mogelijkhedenlijst",
            "Rabobankkantoren",
        ] {
            assert!(is_dutch_compound(compound), "{compound}");
        }
        for term in ["Awb", "EVRM", "Sr", "ECLI"] {
            assert!(is_legal_term(term), "{term}");
        }
        assert!(is_role_word("Eiseres") && is_role_word("verbalisant"));
        // Surnames that are Dutch words too; weekdays and nouns are not surnames.
        for surname in ["Bakker", "koning", "Visser"] {
            assert!(
                is_common_surname(surname) && is_dutch_word(surname),
                "{surname}"
            );
        }
        for word in ["Maandag", "Slank", "Gesprek"] {
            assert!(!is_common_surname(word), "{word}");
        }
        assert!(is_car_make("renault") && !is_car_make("trafic"));
        assert!(never_a_person().contains(&"staat der nederlanden"));
        assert!(not_a_person_after().contains(&"basisschool"));
        assert!(role_forms().iter().all(|(form, role, word)| {
            !form.is_empty() && !role.is_empty() && !word.is_empty()
        }));
    }
    #[test]
    fn well_known_organisations_are_found_and_no_first_name_or_place_is_among_them() {
        assert!(is_well_known_organisation("Kruidvat"));
        assert!(is_well_known_organisation("de Rabobank"));
        assert!(is_well_known_organisation("Albert Heijn B.V."));
        // Care institutions a suspect is sent to under special conditions.
        assert!(is_well_known_organisation("Transfore"));
        assert!(is_well_known_organisation("YOUZ"));
        assert!(!is_well_known_organisation("Jansen"));
        assert!(names_an_institution("Montessorischool Den Dolder"));
        assert!(names_an_institution("het Da Vinci College"));
        assert!(!names_an_institution("Jan Schoolderman"));
        assert!(!is_well_known_organisation("Albert"));
        assert!(begins_with_a_well_known_organisation(
            "Shell Nederland Verkoopmaatschappij B.V."
        ));
        assert!(!begins_with_a_well_known_organisation(
            "Shellfish Trading B.V."
        ));
        let text = "aangifte namens ALBERT HEIJN en Kpnx; bij de KPN.";
        let found: Vec<&str> = well_known_organisations_in(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(found, ["ALBERT HEIJN", "KPN"]);
        for name in WELL_KNOWN_ORGANISATIONS.iter() {
            let capitalised: String = name
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(name.chars().skip(1))
                .collect();
            assert!(
                !is_first_name(&capitalised)
                    && !FIRST_NAMES_ALSO_WORDS.contains(*name)
                    && !is_dutch_place(&capitalised),
                "{name}: a first name or a Dutch place; a person or town of that name would be dropped"
            );
        }
    }
}
