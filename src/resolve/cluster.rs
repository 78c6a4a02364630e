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
    /// The first given name when written in full, lower case ("jan"); empty for initials.
    pub first_given: String,
}

/// Splits a written name. Titles ("de heer", "mevrouw", "mr.") are not part of a mention.
pub fn name_parts(name: &str) -> Option<NameParts> {
    let words = name_words(name);
    let last = words.last()?;
    // "Osta van" (the model's cut of "van Osta van de AID") has no surname: "van" is none.
    if last.ends_with('.') || is_surname_prefix(last) {
        return None;
    }
    let mut first = words.len() - 1;
    while first > 0 && is_surname_prefix(words[first - 1]) {
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
    let first_given = words[..first]
        .first()
        .filter(|w| !w.contains('.') && w.chars().count() > 1)
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    Some(NameParts {
        initials,
        surname: words[first..].join(" ").to_lowercase(),
        first_given,
    })
}

/// Two names of one surname can be one person: compatible initials, and the same first
/// given name where both write it out ("Anna" and "Arie Jan" share an initial, not a name).
fn same_person_possible(a: &NameParts, b: &NameParts) -> bool {
    initials_compatible(&a.initials, &b.initials)
        && (a.first_given.is_empty() || b.first_given.is_empty() || a.first_given == b.first_given)
}

/// "van", "de" ..., and a married name's first part glued to a prefix ("Hofman-Van" in
/// "Hofman-Van den Berg").
pub(crate) fn is_surname_prefix(word: &str) -> bool {
    let lower = word.to_lowercase();
    let last_part = lower.rsplit('-').next().unwrap_or("");
    PREFIXES.contains(&lower.as_str()) || (lower.contains('-') && PREFIXES.contains(&last_part))
}

/// A name's words in lower case.
fn written_words(name: &str) -> Vec<String> {
    name_words(name).iter().map(|w| w.to_lowercase()).collect()
}

/// A name's words as written, without trailing punctuation.
fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':']))
        .filter(|w| !w.is_empty())
        .collect()
}

/// `short` is a surname of two or more words and `long` the same surname after one given
/// name or initials ("tavares fortes" and "rami tavares fortes" or "r. tavares fortes"), or
/// after any given names when `short` opens with a surname prefix, so that no word of it can
/// be a given name ("le bron de vexela" and "gerjan özhan le bron de vexela": split at its
/// last prefixes, the name reads as initials "LB" and surname "de vexela").
fn surname_of_several_words(short: &[String], long: &[String]) -> bool {
    let given = long.len().saturating_sub(short.len());
    short.len() >= 2
        && given >= 1
        && long.ends_with(short)
        && !short[0].ends_with('.')
        && if is_surname_prefix(&short[0]) {
            short[1..].iter().any(|w| !is_surname_prefix(w))
                && !long[..given].iter().any(|w| is_surname_prefix(w))
        } else {
            given == 1
        }
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
    // The longest mention says most about the name (the first of equal length).
    let mut longest: Vec<Option<&str>> = vec![None; count];
    for mention in &resolution.mentions {
        let Some(index) = mention.entity else {
            continue;
        };
        let written = &text[mention.span.start..mention.span.end];
        if longest[index].is_none_or(|l| written.len() >= l.len()) {
            longest[index] = Some(written);
        }
    }
    let words: Vec<Vec<String>> = longest
        .iter()
        .map(|l| l.map(written_words).unwrap_or_default())
        .collect();
    for (index, entity) in resolution.entities.iter().enumerate() {
        if entity.category == Category::Person {
            parts[index] = longest[index].and_then(name_parts);
        }
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
    let mut ambiguous: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
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
                    same_person_possible(
                        parts[i].as_ref().expect("grouped"),
                        parts[h].as_ref().expect("grouped"),
                    )
                })
                .collect();
            let identical: Vec<usize> = compatible
                .iter()
                .copied()
                .filter(|&h| parts[h].as_ref().expect("grouped").initials == *initials)
                .collect();
            // "Brouwer Popkens-Meyrili" beside "Relinde Brouwer Popkens-Meyrili": a surname
            // of several words written without the given name reads as initials "B".
            let tails: Vec<usize> = heads
                .iter()
                .copied()
                .filter(|&h| {
                    let (a, b) = (&words[i], &words[h]);
                    surname_of_several_words(a, b) || surname_of_several_words(b, a)
                })
                .collect();
            match (
                compatible.as_slice(),
                identical.as_slice(),
                tails.as_slice(),
            ) {
                ([head], _, _) | (_, [head], _) => {
                    parent[i] = *head;
                    reasons.insert(i, "initials-compatible");
                }
                ([], [], [head]) => {
                    parent[i] = *head;
                    reasons.insert(i, "the same surname of several words");
                }
                _ => heads.push(i),
            }
        }
        // A bare surname joins the only person with that surname. When several people share
        // it, each bare mention joins the one named most recently before it (as a reader
        // takes it); the bare mentions of a surname nobody is named in full by stay one
        // entity of their own.
        match heads.as_slice() {
            [] if possessive_owner(&parts, &bare, &by_surname).is_some() => {
                let owner = possessive_owner(&parts, &bare, &by_surname).expect("checked");
                for &i in &bare {
                    parent[i] = owner;
                    reasons.insert(i, "possessive");
                }
            }
            [] if married_name_holders(&parts, &bare).len() == 1 => {
                let holder = married_name_holders(&parts, &bare)[0];
                for &i in &bare {
                    parent[i] = holder;
                    reasons.insert(i, "part of a hyphenated surname");
                }
            }
            [] => {
                if let Some(&target) = bare.first() {
                    for &i in &bare[1..] {
                        parent[i] = target;
                        reasons.insert(i, "surname-match");
                    }
                }
            }
            [only] => {
                for &i in &bare {
                    parent[i] = *only;
                    reasons.insert(i, "surname-match");
                }
            }
            _ => {
                for &i in &bare {
                    ambiguous.insert(i, heads.clone());
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
    // Where each person named in full is mentioned, for the ambiguous bare surnames.
    let named_at: Vec<(usize, usize)> = resolution
        .mentions
        .iter()
        .filter_map(|m| m.entity.map(|e| (m.span.start, root(e))))
        .filter(|(_, e)| !ambiguous.contains_key(e))
        .collect();
    let mut per_mention: BTreeMap<usize, (usize, &'static str)> = BTreeMap::new();
    for (position, mention) in resolution.mentions.iter().enumerate() {
        let Some(heads) = mention.entity.and_then(|e| ambiguous.get(&e)) else {
            continue;
        };
        // Mentions are in text order, so named_at is sorted by start.
        let at = named_at.partition_point(|(start, _)| *start < mention.span.start);
        let nearest_before = named_at[..at].iter().rev().find(|(_, e)| heads.contains(e));
        let nearest_after = named_at[at..]
            .iter()
            .find(|(start, e)| *start > mention.span.start && heads.contains(e));
        if let Some(&(_, head)) = nearest_before {
            per_mention.insert(
                position,
                (head, "surname-match, nearest person named before"),
            );
        } else if let Some(&(_, head)) = nearest_after {
            per_mention.insert(
                position,
                (head, "surname-match, nearest person named after"),
            );
        }
    }
    let heads: Vec<usize> = (0..count).map(root).collect();
    merge_entities(resolution, &heads, &reasons, &per_mention);
    canonical_person_keys(text, resolution);
}

/// Sets each person's `normalised` to "surname|first initial|first given name" from the
/// most complete mention of the cluster: the key that the keyed style and the mapping use
/// across documents, and the given name that tells the surrogate style a gender.
fn canonical_person_keys(text: &str, resolution: &mut Resolution) {
    let mut best: Vec<Option<NameParts>> = vec![None; resolution.entities.len()];
    for mention in &resolution.mentions {
        let Some(index) = mention.entity else {
            continue;
        };
        if resolution.entities[index].category != Category::Person {
            continue;
        }
        let Some(parts) = name_parts(&text[mention.span.start..mention.span.end]) else {
            continue;
        };
        // The last of equally complete mentions wins, as max_by_key would choose.
        let key = |p: &NameParts| (p.initials.len(), p.first_given.len());
        if best[index].as_ref().is_none_or(|b| key(&parts) >= key(b)) {
            best[index] = Some(parts);
        }
    }
    for (index, best) in best.into_iter().enumerate() {
        if let Some(parts) = best {
            let initial: String = parts.initials.chars().take(1).collect();
            resolution.entities[index].normalised =
                format!("{}|{initial}|{}", parts.surname, parts.first_given);
        }
    }
}

/// "Bakkers" (as in "Bakkers auto") for the only person named in full "Bakker", when nobody
/// is named "Bakkers" in full.
fn possessive_owner(
    parts: &[Option<NameParts>],
    bare: &[usize],
    by_surname: &BTreeMap<&str, Vec<usize>>,
) -> Option<usize> {
    let surname = bare
        .first()
        .and_then(|&i| parts[i].as_ref())?
        .surname
        .as_str();
    let owner_surname = surname.strip_suffix('s')?;
    let named: Vec<usize> = by_surname
        .get(owner_surname)?
        .iter()
        .copied()
        .filter(|&i| parts[i].as_ref().is_some_and(|p| !p.initials.is_empty()))
        .collect();
    match named.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// The entities named in full whose hyphenated surname has the bare surname of `bare` as
/// one of its parts ("Visser" and "Smit" of "A. Visser-Smit").
fn married_name_holders(parts: &[Option<NameParts>], bare: &[usize]) -> Vec<usize> {
    let Some(surname) = bare
        .first()
        .and_then(|&i| parts[i].as_ref())
        .map(|p| &p.surname)
    else {
        return Vec::new();
    };
    parts
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.as_ref().is_some_and(|p| {
                !p.initials.is_empty()
                    && p.surname != *surname
                    && p.surname.split('-').any(|part| part.trim() == surname)
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// Merges company entities whose name is the end of a longer one that is unique:
/// "Van Dijk B.V." joins "Bouwbedrijf Van Dijk B.V." (keys without the legal form).
pub fn cluster_organisations(resolution: &mut Resolution) {
    let count = resolution.entities.len();
    let words: Vec<Option<Vec<&str>>> = resolution
        .entities
        .iter()
        .map(|e| {
            (e.category == Category::Organisation)
                .then(|| e.normalised.split(' ').filter(|w| !w.is_empty()).collect())
        })
        .collect();
    let mut heads: Vec<usize> = (0..count).collect();
    let mut reasons: BTreeMap<usize, &'static str> = BTreeMap::new();
    // A name that ends with another ends with its last word: compare within those groups.
    let mut by_last_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, name) in words.iter().enumerate() {
        if let Some(last) = name.as_ref().and_then(|w| w.last()) {
            by_last_word.entry(last).or_default().push(i);
        }
    }
    for (i, short) in words.iter().enumerate() {
        let Some(short) = short.as_ref().filter(|w| !w.is_empty()) else {
            continue;
        };
        let group = &by_last_word[short.last().expect("not empty")];
        let longer: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&j| {
                j != i
                    && words[j]
                        .as_ref()
                        .is_some_and(|long| long.len() > short.len() && long.ends_with(short))
            })
            .collect();
        if let [only] = longer.as_slice() {
            heads[i] = *only;
            reasons.insert(i, "name-contained");
        }
    }
    // One level is enough for chains such as "Dijk" → "Van Dijk" → "Bouwbedrijf Van Dijk".
    let roots: Vec<usize> = (0..count)
        .map(|mut i| {
            while heads[i] != i {
                i = heads[i];
            }
            i
        })
        .collect();
    merge_entities(resolution, &roots, &reasons, &BTreeMap::new());
}

/// Re-points every mention to its entity's head (or to the head chosen for that very
/// mention), notes why it joined, and renumbers the entities still referred to in order of
/// first mention.
fn merge_entities(
    resolution: &mut Resolution,
    heads: &[usize],
    reasons: &BTreeMap<usize, &'static str>,
    per_mention: &BTreeMap<usize, (usize, &'static str)>,
) {
    for (position, mention) in resolution.mentions.iter_mut().enumerate() {
        let Some(index) = mention.entity else {
            continue;
        };
        let (head, why) = match per_mention.get(&position) {
            Some(&(head, why)) => (head, why),
            None => (
                heads[index],
                reasons.get(&index).copied().unwrap_or("same entity"),
            ),
        };
        if head != index {
            mention.reason = format!(
                "{}; joined {} ({why})",
                mention.reason, resolution.entities[head].id
            );
            mention.entity = Some(head);
        }
    }
    let mut order: Vec<usize> = Vec::new();
    let mut ordered = vec![false; resolution.entities.len()];
    for mention in &resolution.mentions {
        if let Some(index) = mention.entity {
            if !ordered[index] {
                ordered[index] = true;
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
        assert_eq!(parts("Osta van"), None, "a surname prefix is no surname");
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
    fn conflicting_initials_stay_apart_and_a_bare_surname_joins_the_nearest_before() {
        let text = "J. de Vries en M. de Vries, en De Vries. Piet Smit.";
        let doc = Document::from_text("c", text);
        let mut resolution = resolution_for(
            text,
            &["J. de Vries", "M. de Vries", "De Vries", "Piet Smit"],
        );
        cluster_persons(&doc.text, &mut resolution);
        assert_eq!(resolution.entities.len(), 3);
        let ids: Vec<usize> = ["J. de Vries", "M. de Vries", "De Vries", "Piet Smit"]
            .iter()
            .map(|n| entity_of(&resolution, text, n))
            .collect();
        assert_eq!(ids, [0, 1, 1, 2]);
        assert!(resolution.mentions[2]
            .reason
            .contains("nearest person named before"));
    }

    #[test]
    fn father_and_son_stay_apart_and_identical_initials_win() {
        // "A. Bakker" could be either Bakker by its initial; it is Anna's by both.
        let text = "Anna Bakker en Arie Jan Bakker. A.J. Bakker zei dat Anna Bakker loog.";
        let doc = Document::from_text("c", text);
        let mut resolution =
            resolution_for(text, &["Anna Bakker", "Arie Jan Bakker", "A.J. Bakker"]);
        cluster_persons(&doc.text, &mut resolution);
        assert_eq!(resolution.entities.len(), 2);
        assert_eq!(
            entity_of(&resolution, text, "A.J. Bakker"),
            entity_of(&resolution, text, "Arie Jan Bakker")
        );
        assert_ne!(
            entity_of(&resolution, text, "Anna Bakker"),
            entity_of(&resolution, text, "Arie Jan Bakker")
        );
    }

    #[test]
    fn married_names_join_under_either_part_and_prefixed_parts() {
        let text = "Julia Hofman-Van den Berg, eiseres. Hofman-Van den Berg stelt. Mevrouw Hofman zegt. VAN DEN BERG.";
        let doc = Document::from_text("c", text);
        let mut resolution = resolution_for(
            text,
            &["Julia Hofman-Van den Berg", "Hofman-Van den Berg", "Hofman"],
        );
        cluster_persons(&doc.text, &mut resolution);
        assert_eq!(resolution.entities.len(), 1, "{:?}", resolution.mentions);
        assert!(resolution.mentions[2].reason.contains("hyphenated"));
    }

    #[test]
    fn a_surname_of_several_words_joins_the_person_it_names() {
        // Short forms first: the test helper places each name at its first occurrence.
        let text = "Tavares Fortes stelt. Fierst van Wijnandsbergen zegt. Rami Tavares Fortes, gedaagde. Pieter Fierst van Wijnandsbergen en P.J. van Wijnandsbergen. Volgens Le Bron de Vexela niet. Gerjan Özhan Le Bron de Vexela woont ernaast.";
        let doc = Document::from_text("c", text);
        let mut resolution = resolution_for(
            text,
            &[
                "Rami Tavares Fortes",
                "Tavares Fortes",
                "Pieter Fierst van Wijnandsbergen",
                "P.J. van Wijnandsbergen",
                "Fierst van Wijnandsbergen",
                "Gerjan Özhan Le Bron de Vexela",
                "Le Bron de Vexela",
            ],
        );
        cluster_persons(&doc.text, &mut resolution);
        // The entity of the mention that starts where `context` does.
        let of = |context: &str| {
            let start = text.find(context).unwrap();
            let mention = resolution.mentions.iter().find(|m| m.span.start == start);
            mention.and_then(|m| m.entity).unwrap()
        };
        assert_eq!(of("Tavares Fortes stelt"), of("Rami Tavares Fortes"));
        assert_eq!(
            of("Fierst van Wijnandsbergen zegt"),
            of("Pieter Fierst van Wijnandsbergen")
        );
        assert_ne!(
            of("P.J. van Wijnandsbergen"),
            of("Pieter Fierst van Wijnandsbergen")
        );
        assert_eq!(
            of("Le Bron de Vexela niet"),
            of("Gerjan Özhan Le Bron de Vexela")
        );
        assert!(resolution
            .mentions
            .iter()
            .any(|m| m.reason.contains("several words")));
    }

    #[test]
    fn a_possessive_joins_its_owner() {
        let text =
            "Henk Bakker reed. Bakkers auto stond er. De Vries' fiets ook, van Jan de Vries.";
        let doc = Document::from_text("c", text);
        let mut resolution = resolution_for(
            text,
            &["Henk Bakker", "Bakkers", "De Vries", "Jan de Vries"],
        );
        cluster_persons(&doc.text, &mut resolution);
        assert_eq!(resolution.entities.len(), 2);
        assert!(resolution.mentions[1].reason.contains("possessive"));
        assert_eq!(
            entity_of(&resolution, text, "De Vries"),
            entity_of(&resolution, text, "Jan de Vries")
        );
    }

    #[test]
    fn companies_by_the_end_of_their_name() {
        let text = "Bouwbedrijf Van Dijk en Van Dijk en Garage Smit.";
        let mut resolution =
            resolution_for(text, &["Bouwbedrijf Van Dijk", "Van Dijk", "Garage Smit"]);
        for (entity, key) in
            resolution
                .entities
                .iter_mut()
                .zip(["bouwbedrijf van dijk", "van dijk", "garage smit"])
        {
            entity.category = Category::Organisation;
            entity.normalised = key.into();
        }
        cluster_organisations(&mut resolution);
        assert_eq!(resolution.entities.len(), 2);
        assert_eq!(resolution.mentions[1].entity, Some(0));
        assert!(resolution.mentions[1].reason.contains("name-contained"));
    }
}
