//! Doubts ("twijfel") that the review page shows first, computed from the input text and the
//! log.

use crate::detect::is_word_bounded;
use crate::model::{Action, Category};
use crate::write::Substitution;
use serde::Serialize;

/// Confidence below which a substitution is flagged.
pub const LOW_CONFIDENCE: f32 = 0.6;

/// Role words after which a capitalised word is probably a name.
const ROLE_WORDS: [&str; 10] = [
    "eiser",
    "eiseres",
    "gedaagde",
    "getuige",
    "verdachte",
    "slachtoffer",
    "aangever",
    "aangeefster",
    "appellant",
    "appellante",
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    /// `low_confidence`, `left_elsewhere`, `similar_entities`, `role_word_name`,
    /// `kept_private_person`.
    pub kind: &'static str,
    /// Code points into the input text.
    pub start: usize,
    pub end: usize,
    pub message: String,
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

/// Word-bounded occurrences of `needle` in `text`: the byte offset of each, and its
/// code-point range.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize, usize)> {
    text.match_indices(needle)
        .filter(|&(s, _)| is_word_bounded(text, s, s + needle.len()))
        .map(|(s, _)| {
            let start = text[..s].chars().count();
            (s, start, start + needle.chars().count())
        })
        .collect()
}

/// Every doubt about one document.
pub fn flags(text: &str, substitutions: &[Substitution]) -> Vec<Flag> {
    let mut flags = Vec::new();
    let replaced: Vec<&Substitution> = substitutions
        .iter()
        .filter(|s| s.action == Action::Replace)
        .collect();
    for s in &replaced {
        if s.confidence < LOW_CONFIDENCE {
            flags.push(Flag {
                kind: "low_confidence",
                start: s.start,
                end: s.end,
                message: format!("{} gevonden met zekerheid {:.2}", s.category, s.confidence),
            });
        }
    }
    // A string replaced somewhere but left somewhere else.
    let mut seen: Vec<&str> = Vec::new();
    for s in &replaced {
        if seen.contains(&s.original.as_str()) || s.original.chars().count() < 3 {
            continue;
        }
        seen.push(&s.original);
        for (byte, start, end) in occurrences(text, &s.original) {
            let covered = substitutions
                .iter()
                .any(|o| o.start <= start && end <= o.end);
            // "rechtbank Den Haag" names the court, not the residence.
            let institution = s.category == Category::Place
                && crate::resolve::residual::names_an_institution(text, byte);
            if !covered && !institution {
                flags.push(Flag {
                    kind: "left_elsewhere",
                    start,
                    end,
                    message: format!("{:?} is elders vervangen, hier niet", s.original),
                });
            }
        }
    }
    // Two people whose names differ by a letter or two: one person, or a typo?
    let mut names: Vec<(&str, &str, usize, usize)> = Vec::new();
    for s in replaced.iter().filter(|s| s.category == Category::Person) {
        if let Some(entity) = &s.entity {
            if !names.iter().any(|(e, ..)| e == entity) {
                names.push((entity, &s.original, s.start, s.end));
            }
        }
    }
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            let distance = edit_distance(&a.1.to_lowercase(), &b.1.to_lowercase());
            if distance > 0 && distance <= 2 && a.1.chars().count() > 4 {
                flags.push(Flag {
                    kind: "similar_entities",
                    start: b.2,
                    end: b.3,
                    message: format!(
                        "{:?} ({}) en {:?} ({}) verschillen {distance} letter(s)",
                        a.1, a.0, b.1, b.0
                    ),
                });
            }
        }
    }
    // "getuige Bakker" with Bakker not replaced.
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    for pair in words.windows(2) {
        let role = pair[0]
            .1
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        let (offset, word) = pair[1];
        let name = word.trim_end_matches(|c: char| !c.is_alphabetic());
        if ROLE_WORDS.contains(&role.as_str())
            && name.starts_with(char::is_uppercase)
            && name.chars().count() > 1
        {
            let start = text[..offset].chars().count();
            let end = start + name.chars().count();
            let covered = substitutions.iter().any(|s| s.start < end && start < s.end);
            if !covered {
                flags.push(Flag {
                    kind: "role_word_name",
                    start,
                    end,
                    message: format!("{name:?} volgt op {role:?} maar is niet vervangen"),
                });
            }
        }
    }
    // A name kept although the model read a private person there.
    for s in substitutions.iter().filter(|s| s.action == Action::Keep) {
        if s.reason.contains("ner person") {
            flags.push(Flag {
                kind: "kept_private_person",
                start: s.start,
                end: s.end,
                message: format!("behouden ({}), maar het model las een persoon", s.reason),
            });
        }
    }
    flags.sort_by_key(|f| (f.start, f.kind));
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evidence;

    fn sub(text: &str, needle: &str, entity: &str, confidence: f32) -> Substitution {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        Substitution {
            document: "d".into(),
            action: Action::Replace,
            start,
            end: start + needle.chars().count(),
            output_start: 0,
            output_end: 0,
            element: None,
            original: needle.into(),
            replacement: Some("[persoon 1]".into()),
            category: Category::Person,
            label: None,
            detector: "ner".into(),
            confidence,
            evidence: Evidence::Model,
            context: String::new(),
            entity: Some(entity.into()),
            reason: String::new(),
        }
    }

    #[test]
    fn doubts_are_found() {
        let text = "Jan Jansen en Jan Janssen. De getuige Bakker zag Jan Jansen.";
        let subs = vec![
            sub(text, "Jan Jansen", "e1", 0.4),
            sub(text, "Jan Janssen", "e2", 0.9),
        ];
        let kinds: Vec<&str> = flags(text, &subs).iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                "low_confidence",
                "similar_entities",
                "role_word_name",
                "left_elsewhere"
            ]
        );
        assert_eq!(edit_distance("jansen", "janssen"), 1);
    }
}
