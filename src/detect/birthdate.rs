//! Dates of birth, only in context ("geboren op", "geboortedatum", "geb."). The span is the
//! whole date; the Rechtspraak style keeps the year (`[geboortedatum] 1987`). Every other
//! date, such as the date of a hearing, is left alone. ("d.d." is not a birth context: in
//! rulings it means "dated", as in "de brief d.d. 2 april 1998".)

use super::{floor_char_boundary, Detector, Finding};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

const ID: &str = "rule:date-of-birth";

const MONTHS: [(&str, u32); 24] = [
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("april", 4),
    ("mei", 5),
    ("juni", 6),
    ("juli", 7),
    ("augustus", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("febr", 2),
    ("feb", 2),
    ("mrt", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("okt", 10),
    ("nov", 11),
];

pub struct BirthDateDetector {
    date: Regex,
    context: Regex,
    year_between: Regex,
}

impl BirthDateDetector {
    pub fn new() -> BirthDateDetector {
        let month_names = MONTHS
            .iter()
            .map(|(name, _)| *name)
            .chain(["dec"])
            .collect::<Vec<_>>()
            .join("|");
        let pattern = format!(
            r"(?P<day>[0-9]{{1,2}})(?P<sep>[-./])(?P<month>[0-9]{{1,2}})[-./](?P<year>(?:18|19|20)[0-9]{{2}})|(?P<tday>[0-9]{{1,2}})(?:e)?[ \t]+(?P<tmonth>(?i:{month_names}))\.?[ \t]+(?P<tyear>(?:18|19|20)[0-9]{{2}})"
        );
        BirthDateDetector {
            date: Regex::new(&pattern).expect("valid regex"),
            context: Regex::new(r"(?i-u)\b(geboren|geb\.|geboortedatum|geboortedag|date of birth)")
                .expect("valid regex"),
            year_between: Regex::new(r"[0-9]{4}|\n").expect("valid regex"),
        }
    }
}

/// Bytes after a birth context word in which the date must start.
const CONTEXT_REACH: usize = 80;

impl Default for BirthDateDetector {
    fn default() -> Self {
        Self::new()
    }
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    if name == "dec" {
        return Some(12);
    }
    MONTHS.iter().find(|(n, _)| *n == name).map(|&(_, m)| m)
}

impl Detector for BirthDateDetector {
    fn id(&self) -> &str {
        ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::DateOfBirth]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans: Vec<Span> = Vec::new();
        // The dates found, by start: a set, as a ruling may give thousands.
        let mut found = std::collections::HashSet::new();
        for keyword in self.context.find_iter(text) {
            if keyword.as_str().eq_ignore_ascii_case("geboren") {
                if let Some(span) = self.date_before_geboren(text, keyword.start()) {
                    if found.insert(span.start) {
                        spans.push(span);
                    }
                }
            }
            let window_end = floor_char_boundary(text, keyword.end() + CONTEXT_REACH + 20);
            let window = &text[keyword.end()..window_end];
            // The date must be the first one after the keyword, on the same line.
            let Some(caps) = self.date.captures(window) else {
                continue;
            };
            let whole = caps.get(0).expect("group 0");
            if self.year_between.is_match(&window[..whole.start()]) {
                continue;
            }
            let (start, end) = (keyword.end() + whole.start(), keyword.end() + whole.end());
            if found.contains(&start) {
                continue;
            }
            let date = birth_date(text, &caps, start, end);
            found.extend(date.iter().map(|span| span.start));
            spans.extend(date);
        }
        spans
    }
}

impl BirthDateDetector {
    /// The date a clause ends in "geboren": "op 14 maart 1981 te Waalwijk geboren", "is op
    /// 27 juli 1981 een dochter genaamd X geboren" (dev: two such dates, no context word before
    /// them). The date is the last one in the bytes before, with no sentence or line end, no
    /// other number and no comma after it.
    fn date_before_geboren(&self, text: &str, keyword_start: usize) -> Option<Span> {
        let window_start = floor_char_boundary(text, keyword_start.saturating_sub(BACK_REACH));
        let window = &text[window_start..keyword_start];
        let caps = self.date.captures_iter(window).last()?;
        let whole = caps.get(0).expect("group 0");
        let between = &window[whole.end()..];
        if between.contains(|c: char| c.is_ascii_digit() || ".,;:\n(".contains(c)) {
            return None;
        }
        let mut span = birth_date(
            text,
            &caps,
            window_start + whole.start(),
            window_start + whole.end(),
        )?;
        span.reason = "date of a clause that ends in \"geboren\"".to_string();
        Some(span)
    }
}

/// Bytes before "geboren" in which a date that the clause dates is looked for.
const BACK_REACH: usize = 70;

/// Checks one date match and turns it into a span.
fn birth_date(text: &str, caps: &regex::Captures, start: usize, end: usize) -> Option<Span> {
    let glued = text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
        || text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
    if glued {
        return None;
    }
    let (day, month, year) = match (caps.name("day"), caps.name("tday")) {
        (Some(day), _) => (
            day.as_str().parse::<u32>().ok(),
            caps["month"].parse::<u32>().ok(),
            &caps["year"],
        ),
        (None, Some(day)) => (
            day.as_str().parse::<u32>().ok(),
            month_number(&caps["tmonth"]),
            &caps["tyear"],
        ),
        _ => return None,
    };
    let (Some(day @ 1..=31), Some(month @ 1..=12)) = (day, month) else {
        return None;
    };
    let mut span = Finding {
        detector: ID,
        category: Category::DateOfBirth,
        start,
        end,
        confidence: 0.95,
        evidence: Evidence::Context,
        normalised: format!("{year}-{month:02}-{day:02}"),
        reason: "date after a birth context word".to_string(),
    }
    .into_span();
    span.label = Some("geboortedatum".to_string());
    Some(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found;

    #[test]
    fn birth_dates_in_context() {
        let d = BirthDateDetector::new();
        for (text, expected) in [
            ("geboren op 12 maart 1987 te Utrecht", "12 maart 1987"),
            ("geboortedatum: 03-11-1990", "03-11-1990"),
            ("geb. 3.11.1990", "3.11.1990"),
            (
                "geboren te Paramaribo (Suriname) op 1 jan. 1975",
                "1 jan. 1975",
            ),
            ("Geboren op 1e april 2001", "1e april 2001"),
            ("het op 3 mei 1979 te Oss geboren kind", "3 mei 1979"),
            (
                "is op 9 juni 2004 een zoon genaamd Ruben geboren.",
                "9 juni 2004",
            ),
        ] {
            assert_eq!(found(&d, text), [expected], "{text}");
        }
    }

    #[test]
    fn normalised_to_iso_so_spellings_meet() {
        let d = BirthDateDetector::new();
        let a = d.detect(&Document::from_text("t", "geboren op 3 november 1990"));
        let b = d.detect(&Document::from_text("t", "geboortedatum 03-11-1990"));
        assert_eq!(a[0].normalised, "1990-11-03");
        assert_eq!(a[0].normalised, b[0].normalised);
    }

    #[test]
    fn procedural_dates_stay() {
        let d = BirthDateDetector::new();
        for text in [
            "de zitting van 12 maart 2021",
            "vonnis van 03-11-2020",
            "geboren in 1987, is op 12 maart 2021 aangehouden",
            "geboren.\nDe zitting was op 12 maart 2021",
            "geboren op 31-13-1990",
            "de brief d.d. 2 april 1998",
            "op 12 maart 2021, twee jaar nadat haar kind was geboren",
            "op 12 maart 2021 heeft de in 1990 geboren man",
        ] {
            assert!(found(&d, text).is_empty(), "{text}: {:?}", found(&d, text));
        }
    }
}
