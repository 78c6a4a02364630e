//! Authors of the legal literature a ruling cites, and the applicants whose names a European
//! court's case bears: published names that no editor replaces (they are no party to the case
//! and not involved in it). An advocate-general's conclusion cites handbooks and articles by
//! the dozen; without this rule the model takes their authors for persons.
//!
//! Only the written forms of a citation are read, never a bare name:
//! * a handbook series and its authors: "Asser/Hartkamp & Sieburgh 6-II", "Asser
//!   Procesrecht/Bakels, Hammerstein & Wesseling-Van Gent 4";
//! * a commentary's author in brackets before the article: "Losbl. Rechtsvordering (A.I.M.
//!   van Mierlo), art. 612", "Schadevergoeding (S.D. Lindenbergh), art. 97";
//! * authors with initials, a title and a year with a page, number or journal after it: "H.J.
//!   Snijders en A. Wendels, Civiel appel, 2009, nrs. 207-20", "R.A. Dozy en W.L. Valk,
//!   Innovatief instrueren in hoger beroep, TCR 2010, p. 155", or surnames joined by slashes:
//!   "Corstens/Borgers, Het Nederlands strafproces, Deventer: Kluwer 2011, p. 753";
//! * a case of the European Court of Human Rights: "Kruškić tegen Kroatië", "Salduz t.
//!   Turkije" (the applicant and a country).
//!
//! The annotator of a case note ("m.nt. J. Legemaate") is the professional detector's.

use super::professional::INITIALS;
use super::{Detector, Finding};
use crate::lexicon;
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:literature";

/// A year a work was published in, and after it a page, a number or an issue: "2009, nrs.
/// 207", "2010, p. 155", "2011/123", "2009 (diss.)".
const YEAR_IN_PRINT: &str = r"\b(?:19|20)[0-9]{2}(?:/[0-9]{2})?[ \t]*(?:,[ \t]*(?:p\.|pp\.|blz\.|nrs?\.|par\.|§|afl\.|[0-9])|/[0-9]|\((?:diss|oratie))";

/// How long a title may run before its year in print.
const TITLE_CHARS: usize = 160;

/// How far before a year in print its authors may start.
const WORK_BYTES: usize = 240;

/// What separates authors: ", ", " en ", " & ".
const AND: &str = r"[ \t]*(?:,|&|\ben\b)[ \t]*";

pub struct LiteratureDetector {
    handbook: Regex,
    commentary: Regex,
    /// A year in print ("2009, nrs.", "2011/123"): rare, so the authors and title are read
    /// only in the bytes before one (a name pattern run over the whole text costs more than
    /// every other rule together).
    year_in_print: Regex,
    work: Regex,
    /// "tegen Kroatië", " t. het Verenigd Koninkrijk": the applicant is read right before.
    against_a_country: Regex,
    name_at_the_end: Regex,
}

impl LiteratureDetector {
    pub fn new() -> LiteratureDetector {
        let surname = super::professional::surname_pattern();
        let name = format!("(?:{INITIALS})?{surname}");
        let initialled = format!("{INITIALS}{surname}");
        let series = lexicon::handbook_series()
            .iter()
            .map(|s| regex::escape(s))
            .collect::<Vec<_>>()
            .join("|");

        LiteratureDetector {
            // "Asser/Hartkamp & Sieburgh", "Asser Procesrecht/Bakels, Hammerstein & …",
            // "Asser-Maeijer": authors joined by commas only before a last "&" or "en", so
            // that the title after a comma ("Asser-Meijers-van der Ploeg, Erfrecht") is not
            // read as one.
            handbook: Regex::new(&format!(
                r"\b(?:{series})(?:[ \t]+[A-Z][a-z]+)?[ \t]*[/-][ \t]*(?P<names>{name}(?:[ \t]*,[ \t]*{name}){{0,3}}[ \t]*(?:&|\ben\b)[ \t]*{name}|{name}(?:[ \t]*/[ \t]*{name}){{0,3}})"
            ))
            .expect("valid regex"),
            // "(A.I.M. van Mierlo), art. 612", "(Wesseling-van Gent), art. 22".
            commentary: Regex::new(&format!(
                r"\((?P<names>{name}(?:{AND}{name}){{0,3}})\),?[ \t]*(?:art\.|art,|artikel|aant\.|[iI]nleiding)"
            ))
            .expect("valid regex"),
            year_in_print: Regex::new(YEAR_IN_PRINT).expect("valid regex"),
            // "H.J. Snijders en A. Wendels, Civiel appel, 2009", "Corstens/Borgers, Het
            // Nederlands strafproces, Deventer: Kluwer 2011": the authors and the start of the
            // title; the year is looked for after it.
            work: Regex::new(&format!(
                r"(?P<names>{initialled}(?:{AND}{initialled}){{0,3}}|{surname}(?:[ \t]*/[ \t]*{surname}){{1,3}}),[ \t]+(?P<title>[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ'’-]*)"
            ))
            .expect("valid regex"),
            // "Kruškić tegen Kroatië", "Salduz t. Turkije", "Ibrahim e.a. tegen het Verenigd
            // Koninkrijk": the country is checked against the list of countries.
            against_a_country: Regex::new(
                r"(?:[ \t]+e\.a\.)?[ \t]+(?:tegen|t\.|v\.)[ \t]+(?:het[ \t]+|de[ \t]+)?(?P<country>[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ]+(?:[ \t]+[A-Za-zÀ-ÖØ-öø-ɏ]+){0,2})",
            )
            .expect("valid regex"),
            name_at_the_end: Regex::new(&format!(r"(?:^|[^A-Za-zÀ-ÖØ-öø-ɏ])(?P<name>{surname})$"))
                .expect("valid regex"),
        }
    }
}

impl Default for LiteratureDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// The names of a list of authors, with their byte ranges relative to the list: split at
/// ", ", " en ", " & " and "/".
fn authors(list: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = 0;
    // A comma's blank is trimmed off the name after it.
    let separators = [",", " en ", " & ", "/"];
    let mut rest = list;
    loop {
        let next = separators
            .iter()
            .filter_map(|s| rest.find(s).map(|at| (at, s.len())))
            .min();
        let (at, len) = next.unwrap_or((rest.len(), 0));
        let piece = &rest[..at];
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let offset = start + (piece.len() - piece.trim_start().len());
            found.push((offset, offset + trimmed.len()));
        }
        if next.is_none() {
            break;
        }
        start += at + len;
        rest = &rest[at + len..];
    }
    found
}

/// Whether a name read as an author is a term or a place rather than a name: "(Rv), art. 3",
/// "(Utrecht), art. 2". A Dutch word is not enough: authors are called Valk, Drost and Bakels.
fn is_a_word(name: &str) -> bool {
    let has_initials = name.contains('.');
    !has_initials
        && name.split_whitespace().count() == 1
        && (lexicon::is_legal_term(name)
            || lexicon::is_dutch_place(name)
            || lexicon::is_country(name)
            || lexicon::is_foreign_place(name))
}

/// Where the applicant's name starts when a given name stands before the surname at `start`
/// ("Salah Sheek tegen Nederland"): a first name of the list, or a capitalised word that is
/// no known word ("In", "Ook" and "Zaak" are).
fn given_name_before(text: &str, start: usize) -> usize {
    let before = &text[..start];
    let Some(rest) = before.strip_suffix(' ') else {
        return start;
    };
    let word_start = rest
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[word_start..];
    let capitalised = word.starts_with(char::is_uppercase) && word.chars().count() >= 2;
    let at_a_boundary = !rest[..word_start].ends_with(|c: char| c.is_alphanumeric());
    if capitalised
        && at_a_boundary
        && (lexicon::is_first_name(word) || !lexicon::is_known_word(word))
        && !lexicon::is_title(&word.to_lowercase())
    {
        word_start
    } else {
        start
    }
}

/// Whether `text` ends with the day and month of a date: "12 maart ", "12-03-", "12/3/".
fn ends_with_a_day_and_month(text: &str) -> bool {
    let rest = text.trim_end();
    let Some(last) = rest.rsplit([' ', '\t']).next() else {
        return false;
    };
    let last = last.to_lowercase();
    super::MONTHS.contains(&last.as_str())
        || (last.ends_with(['-', '/']) && last.starts_with(|c: char| c.is_ascii_digit()))
        || text.ends_with(['-', '/'])
}

/// Whether the title's first word, with `after` it, is no title: a street, a role, a place
/// with a number after it ("J. Jansen, Kerkstraat 4", "P. de Vries, Utrecht 2019"); "Appel
/// in civiele zaken" is a title though Appel is a village.
fn is_no_title(word: &str, after: &str) -> bool {
    let place = lexicon::is_dutch_place(word) || lexicon::is_foreign_place(word);
    let number_next = after
        .trim_start_matches([',', ' ', '\t'])
        .starts_with(|c: char| c.is_ascii_digit());
    (place && number_next)
        || lexicon::is_role_word(&word.to_lowercase())
        || lexicon::is_title(&word.to_lowercase())
        || lexicon::street_suffixes().any(|e| word.to_lowercase().ends_with(e))
}

impl Detector for LiteratureDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::Professional]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut found: Vec<(usize, usize, &'static str)> = Vec::new();
        let mut add_list = |names: std::ops::Range<usize>, reason: &'static str| {
            let list = &text[names.clone()];
            for (start, end) in authors(list) {
                if !is_a_word(&list[start..end]) {
                    found.push((names.start + start, names.start + end, reason));
                }
            }
        };
        let mut handbooks = Vec::new();
        for caps in self.handbook.captures_iter(text) {
            handbooks.push(caps.get(0).expect("match").range());
            add_list(
                caps.name("names").expect("names group").range(),
                "an author in a handbook series' citation",
            );
        }
        for caps in self.commentary.captures_iter(text) {
            add_list(
                caps.name("names").expect("names group").range(),
                "a commentary's author in brackets before the article cited",
            );
        }
        let mut windows_read = 0;
        for year in self.year_in_print.find_iter(text) {
            // Read each stretch once: the window starts where the last one ended.
            let window = super::context_before(text, year.start(), WORK_BYTES);
            let offset = (year.start() - window.len()).max(windows_read);
            windows_read = year.start();
            for caps in self.work.captures_iter(&text[offset..year.start()]) {
                let names = caps.name("names").expect("names group");
                let title = caps.name("title").expect("title group");
                let (names_start, names_end) = (offset + names.start(), offset + names.end());
                let (title_start, title_end) = (offset + title.start(), offset + title.end());
                if is_no_title(title.as_str(), &text[title_end..]) {
                    continue;
                }
                // The title runs to the first year in print, in the same sentence and not
                // far: a regex with a counted stretch before the year ("[^;\n]{0,160}") would
                // cost megabytes of automaton.
                let rest = &text[title_start..super::floor_char_boundary(text, title_start + 800)];
                let Some(year) = self.year_in_print.find(rest) else {
                    continue;
                };
                let before = &rest[..year.start()];
                if before.contains([';', '\n']) || before.chars().count() > TITLE_CHARS {
                    continue;
                }
                // "Hoofdagent van politie, op 12 maart 2019, p. 4": the year of a date.
                if ends_with_a_day_and_month(before) {
                    continue;
                }
                // "Asser Procesrecht/Bakels, Hammerstein …": the handbook rule has read it, and
                // "Procesrecht" is the series' volume, not an author.
                if handbooks.iter().any(|r| r.contains(&names_start)) {
                    continue;
                }
                add_list(
                    names_start..names_end,
                    "an author before the title and year of a cited work",
                );
            }
        }
        // Searched again right after each country's first word: a country that runs on into
        // the next case's name ("Kroatië en in Mendel …") must not hide it.
        let mut from = 0;
        while let Some(caps) = self.against_a_country.captures_at(text, from) {
            let whole = caps.get(0).expect("match");
            from = caps.name("country").expect("country group").start() + 1;
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let country = caps.name("country").expect("country group").as_str();
            // The country may run on into the sentence: "Turkije van 27 november 2008".
            // (The list of countries holds every country but the Netherlands.)
            let words: Vec<&str> = country.split_whitespace().collect();
            let named = (1..=words.len()).rev().any(|n| {
                let name = words[..n].join(" ");
                name == "Nederland" || lexicon::is_country(&name)
            });
            if !named {
                continue;
            }
            let before = super::context_before(text, whole.start(), 80);
            let Some(name) = self
                .name_at_the_end
                .captures(before)
                .and_then(|c| c.name("name"))
            else {
                continue;
            };
            let start = whole.start() - before.len() + name.start();
            if !is_a_word(name.as_str()) {
                found.push((
                    given_name_before(text, start),
                    whole.start(),
                    "the applicant in a European case's name",
                ));
            }
        }
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
                    reason: format!("cited: {reason}"),
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
    fn authors_of_handbooks_and_commentaries_are_found() {
        let d = LiteratureDetector::new();
        assert_eq!(
            found(
                &d,
                "Anders: Asser/Kolder & Vinkelaar 6-II 2019/301 en Asser Procesrecht/Drost, \
                 Mertel & Ooijen-Van Berk 4 2020, nr. 12."
            ),
            ["Kolder", "Vinkelaar", "Drost", "Mertel", "Ooijen-Van Berk"]
        );
        assert_eq!(
            found(
                &d,
                "uitvoerig Asser-Kolder-van der Brink, Erfrecht, 11e druk (1992)"
            ),
            ["Kolder-van der Brink"]
        );
        assert_eq!(
            found(
                &d,
                "Zie Losbl. Rechtsvordering (P.Q. van Sleeuwen), art. 22, aant. 3 en \
                 Groene Serie Verbintenissenrecht (Tammeling en R.R. Kuiper), art. 6:74."
            ),
            ["P.Q. van Sleeuwen", "Tammeling", "R.R. Kuiper"]
        );
    }

    #[test]
    fn authors_of_a_work_with_title_and_year_are_found() {
        let d = LiteratureDetector::new();
        assert_eq!(
            found(
                &d,
                "Vgl. K.L. Brommer en T. Adema, Appel in civiele zaken, 2015, nrs. 30-34; \
                 Verstappen/Hoekzema, Het Nederlandse strafproces, Deventer: Kluwer 2019, p. 80."
            ),
            ["K.L. Brommer", "T. Adema", "Verstappen", "Hoekzema"]
        );
    }

    #[test]
    fn a_european_courts_applicant_is_found() {
        let d = LiteratureDetector::new();
        assert_eq!(
            found(
                &d,
                "Het EHRM overwoog in Brasovic tegen Kroatië en in Mendel e.a. t. het Verenigd \
                 Koninkrijk van 2016 anders. Zie ook Salah Brasovic tegen Nederland."
            ),
            ["Brasovic", "Mendel", "Salah Brasovic"]
        );
    }

    #[test]
    fn a_party_a_date_or_an_address_after_a_name_is_no_citation() {
        let d = LiteratureDetector::new();
        // A person with a role, an address or a date: no title and year in print.
        for text in [
            "verklaring van J. Kolder, Hoofdagent van politie, op 12 maart 2019, p. 4",
            "A. Vinkelaar, Dorpsstraat 4, 1234 AB Emmen, 2019, p. 3",
            "P. de Wit, Utrecht 2019, p. 3",
            "J. Kolder, Verdachte heeft op 12 maart 2019 verklaard",
            "de vordering van Kolder tegen de Staat der Nederlanden",
            "(Rv), art. 3",
        ] {
            assert!(found(&d, text).is_empty(), "{text}: {:?}", found(&d, text));
        }
    }
}
