//! Clustering the mentions of one person: "Jan de Vries", "J. de Vries", "De Vries" and
//! "DE VRIES" become one entity, so they get one pseudonym. Two people who share a surname
//! stay apart when their initials conflict ("J. de Vries" and "M. de Vries"), and a bare
//! surname joins a person only when exactly one person in the document has that surname.

use super::residual::PREFIXES;
use crate::model::{Category, Resolution};
use std::collections::BTreeMap;

/// A person's name split into the initials of the given names and the surname key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts {
    /// Upper-case initials of the given names ("JP" for "Jan Pieter" or "J.P."), empty when
    /// only the surname was written.
    pub initials: String,
    /// The surname in lower case with its prefix ("van der meer").
    pub surname: String,
}

/// Splits a written name. Titles ("de heer", "mevrouw", "mr.") are not part of a mention.
pub fn name_parts(name: &str) -> Option<NameParts> {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':']))
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.last()?;
    if last.ends_with('.') {
        return None;
    }
    let mut first = words.len() - 1;
    while first > 0 && PREFIXES.contains(&words[first - 1].to_lowercase().as_str()) {
        first -= 1;
    }
    let initials: String = words[..first]
        .iter()
        .flat_map(|w| {
            w.split('.')
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.chars().next())
                .collect::<Vec<char>>()
        })
        .flat_map(char::to_uppercase)
        .collect();
    Some(NameParts {
        initials,
        surname: words[first..].join(" ").to_lowercase(),
    })
}

/// Initials agree when one is a prefix of the other ("J" and "JP"; not "J" and "M").
pub fn initials_compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// Merges person entities that are the same person; mentions are re-pointed and entity ids
/// renumbered in order of first mention. Each merged mention's reason says why it joined.
pub fn cluster_persons(text: &str, resolution: &mut Resolution) {
    let count = resolution.entities.len();
    let mut parent: Vec<usize> = (0..count).collect();
    let mut parts: Vec<Option<NameParts>> = vec![None; count];
    for (index, entity) in resolution.entities.iter().enumerate() {
        if entity.category != Category::Person {
            continue;
        }
        // The longest mention says most about the name.
        let longest = resolution
            .mentions
            .iter()
            .filter(|m| m.entity == Some(index))
            .map(|m| &text[m.span.start..m.span.end])
            .max_by_key(|t| t.len());
        parts[index] = longest.and_then(name_parts);
    }
    let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, p) in parts.iter().enumerate() {
        if let Some(p) = p {
            by_surname
                .entry(p.surname.as_str())
                .or_default()
                .push(index);
        }
    }
    let mut reasons: BTreeMap<usize, &'static str> = BTreeMap::new();
    for members in by_surname.values() {
        let (full, bare): (Vec<usize>, Vec<usize>) = members
            .iter()
            .partition(|&&i| !parts[i].as_ref().expect("grouped").initials.is_empty());
        // Full names with compatible initials are one person, unless two of them conflict.
        let mut heads: Vec<usize> = Vec::new();
        for &i in &full {
            let initials = &parts[i].as_ref().expect("grouped").initials;
            let compatible: Vec<usize> = heads
                .iter()
                .copied()
                .filter(|&h| {
                    initials_compatible(initials, &parts[h].as_ref().expect("grouped").initials)
                })
                .collect();
            match compatible.as_slice() {
                [head] => {
                    parent[i] = *head;
                    reasons.insert(i, "initials-compatible");
                }
                _ => heads.push(i),
            }
        }
        // A bare surname joins the only person with that surname; the bare mentions of an
        // ambiguous surname stay one entity of their own.
        let target = match heads.as_slice() {
            [only] => Some(*only),
            [] => bare.first().copied(),
            _ => None,
        };
        if let Some(target) = target {
            for &i in &bare {
                if i != target {
                    parent[i] = target;
                    reasons.insert(i, "surname-match");
                }
            }
        }
    }
    let root = |mut i: usize| {
        while parent[i] != i {
            i = parent[i];
        }
        i
    };
    for mention in &mut resolution.mentions {
        if let Some(index) = mention.entity {
            let head = root(index);
            if head != index {
                let why = reasons.get(&index).copied().unwrap_or("same person");
                mention.reason = format!(
                    "{}; joined {} ({why})",
                    mention.reason, resolution.entities[head].id
                );
                mention.entity = Some(head);
            }
        }
    }
    // Keep the entities still referred to, in order of first mention, and renumber.
    let mut order: Vec<usize> = Vec::new();
    for mention in &resolution.mentions {
        if let Some(index) = mention.entity {
            if !order.contains(&index) {
                order.push(index);
            }
        }
    }
    let renumber: BTreeMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new))
        .collect();
    let entities = std::mem::take(&mut resolution.entities);
    resolution.entities = order
        .iter()
        .enumerate()
        .map(|(new, &old)| {
            let mut entity = entities[old].clone();
            entity.id = format!("e{}", new + 1);
            entity
        })
        .collect();
    for mention in &mut resolution.mentions {
        if let Some(index) = mention.entity {
            mention.entity = Some(renumber[&index]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::resolve::testing::resolution_for;

    #[test]
    fn parts_of_names() {
        let parts = |n: &str| name_parts(n).map(|p| (p.initials, p.surname));
        assert_eq!(
            parts("Jan Pieter van der Meer"),
            Some(("JP".into(), "van der meer".into()))
        );
        assert_eq!(
            parts("J.P. van der Meer"),
            Some(("JP".into(), "van der meer".into()))
        );
        assert_eq!(
            parts("Van der Meer"),
            Some(("".into(), "van der meer".into()))
        );
        assert_eq!(parts("DE VRIES"), Some(("".into(), "de vries".into())));
        assert_eq!(parts("A.B."), None);
    }

    fn entity_of(resolution: &Resolution, text: &str, name: &str) -> usize {
        resolution
            .mentions
            .iter()
            .find(|m| &text[m.span.start..m.span.end] == name)
            .and_then(|m| m.entity)
            .unwrap()
    }

    #[test]
    fn variants_of_one_person_merge() {
        let text = "Jan de Vries, eiser. J. de Vries stelt. De Vries vordert. DE VRIES.";
        let doc = Document::from_text("c", text);
        let mut resolution = resolution_for(
            text,
            &["Jan de Vries", "J. de Vries", "De Vries", "DE VRIES"],
        );
        cluster_persons(&doc.text, &mut resolution);
        assert_eq!(resolution.entities.len(), 1);
        assert!(resolution.mentions[1]
            .reason
            .contains("initials-compatible"));
        assert!(resolution.mentions[2].reason.contains("surname-match"));
        assert_eq!(resolution.entities[0].id, "e1");
    }

    #[test]
    fn conflicting_initials_stay_apart_and_a_bare_surname_stays_ambiguous() {
        let text = "J. de Vries en M. de Vries, en De Vries. Piet Smit.";
        let doc = Document::from_text("c", text);
        let mut resolution = resolution_for(
            text,
            &["J. de Vries", "M. de Vries", "De Vries", "Piet Smit"],
        );
        cluster_persons(&doc.text, &mut resolution);
        assert_eq!(resolution.entities.len(), 4);
        let ids: Vec<usize> = ["J. de Vries", "M. de Vries", "De Vries", "Piet Smit"]
            .iter()
            .map(|n| entity_of(&resolution, text, n))
            .collect();
        assert_eq!(ids, [0, 1, 2, 3]);
    }
}
