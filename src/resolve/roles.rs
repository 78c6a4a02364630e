//! Procedural roles for people, so that the house style can write `[eiser]`, `[gedaagde]`,
//! `[verdachte]` or `[getuige 1]` instead of `[persoon 1]`.
//!
//! A role is read from the text around a person's mentions: a role word right after the
//! name in a party header ("Jan de Vries, wonende te Utrecht, eiser,"), in brackets after it
//! ("Sanne Kok te Heerenveen (appellante)"), or right before it ("tegen de verdachte:
//! Dennis Verhoeven", "getuige Fatima Bakkali", "aangever De Ruiter"). The first role found
//! for a person, in text order, is theirs.

use crate::detect::{context_before, floor_char_boundary};
use crate::model::{Category, Resolution};
use regex::Regex;
use std::sync::LazyLock;

/// Role words as written in rulings, each with the placeholder word it becomes.
const ROLES: [(&str, &str); 24] = [
    ("eiseres", "eiseres"),
    ("eiser", "eiser"),
    ("gedaagde", "gedaagde"),
    ("verzoekster", "verzoekster"),
    ("verzoeker", "verzoeker"),
    ("verweerster", "verweerster"),
    ("verweerder", "verweerder"),
    ("appellante", "appellante"),
    ("appellant", "appellant"),
    ("geïntimeerde", "geïntimeerde"),
    ("verdachte", "verdachte"),
    ("belanghebbende", "belanghebbende"),
    ("medeverdachte", "medeverdachte"),
    ("slachtoffer", "slachtoffer"),
    ("getuige", "getuige"),
    ("aangever", "aangever"),
    ("aangeefster", "aangeefster"),
    ("benadeelde partij", "benadeelde partij"),
    ("benadeelde", "benadeelde"),
    ("betrokkene", "betrokkene"),
    ("werknemer", "werknemer"),
    ("de man", "de man"),
    ("de vrouw", "de vrouw"),
    ("minderjarige", "minderjarige"),
];

fn role_alternation() -> String {
    ROLES.map(|(word, _)| word).join("|")
}

/// "…, eiser," or "…,\nwonende te X,\ngedaagde," or "(appellante)" after a name.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s*[,\n][^,\n()]{{0,60}}?){{0,3}}?\s*[,\n]\s*(?:hierna(?: te noemen)?:?\s*)?(?P<role>{})(?:\s*[,.;\n]|\s*$)|^(?:\s+te\s+[^()\n,.]{{1,30}}?)?\s*\((?P<bracketed>{})\)",
        role_alternation(),
        role_alternation()
    ))
    .expect("valid regex")
});

/// "getuige X", "tegen de verdachte: X", "aangever X" before a name.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s(])(?:de |het )?(?P<role>{})\s*:?\s*$",
        role_alternation()
    ))
    .expect("valid regex")
});

fn placeholder_word(found: &str) -> Option<&'static str> {
    let found = found.to_lowercase();
    ROLES
        .iter()
        .find(|(word, _)| *word == found)
        .map(|&(_, placeholder)| placeholder)
}

/// Sets `label` (the placeholder word) of every person entity whose role the text states.
pub fn assign_roles(text: &str, resolution: &mut Resolution) {
    let mut roles: Vec<Option<&'static str>> = vec![None; resolution.entities.len()];
    for mention in &resolution.mentions {
        let Some(index) = mention.entity else {
            continue;
        };
        if resolution.entities[index].category != Category::Person || roles[index].is_some() {
            continue;
        }
        let after = &text[mention.span.end..floor_char_boundary(text, mention.span.end + 120)];
        let before = context_before(text, mention.span.start, 40);
        let found = BEFORE
            .captures(before)
            .and_then(|c| c.name("role"))
            .or_else(|| {
                AFTER
                    .captures(after)
                    .and_then(|c| c.name("role").or(c.name("bracketed")))
            });
        roles[index] = found.and_then(|m| placeholder_word(m.as_str()));
    }
    for (entity, role) in resolution.entities.iter_mut().zip(roles) {
        if role.is_some() {
            entity.label = role.map(str::to_string);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::resolve::testing::resolution_for;

    fn roles_in(text: &str, names: &[&str]) -> Vec<Option<String>> {
        let doc = Document::from_text("r", text);
        let mut resolution = resolution_for(text, names);
        assign_roles(&doc.text, &mut resolution);
        let mut by_first_mention: Vec<(usize, Option<String>)> = resolution
            .mentions
            .iter()
            .map(|m| {
                (
                    m.span.start,
                    resolution.entities[m.entity.unwrap()].label.clone(),
                )
            })
            .collect();
        by_first_mention.sort();
        names
            .iter()
            .map(|n| {
                let start = text.find(n).unwrap();
                by_first_mention
                    .iter()
                    .find(|(s, _)| *s == start)
                    .unwrap()
                    .1
                    .clone()
            })
            .collect()
    }

    #[test]
    fn civil_party_header() {
        let text = "in de zaak van\n\nHendrik Jan van der Meulen,\nwonende te Utrecht,\ngedaagde,\nprocederend in persoon.\n\ntegen\n\nSandra Kok, eiseres, advocaat mr. L. Vos.";
        assert_eq!(
            roles_in(text, &["Hendrik Jan van der Meulen", "Sandra Kok"]),
            [Some("gedaagde".to_string()), Some("eiseres".to_string())]
        );
    }

    #[test]
    fn criminal_and_administrative_headers() {
        let text = "in de zaak tegen de verdachte:\n\nDennis Verhoeven,\ngeboren op 12 maart 1987. Getuige Fatima Bakkali zag het. Sanne de Vries te Heerenveen (appellante) en Piet Puk.";
        assert_eq!(
            roles_in(
                text,
                &[
                    "Dennis Verhoeven",
                    "Fatima Bakkali",
                    "Sanne de Vries",
                    "Piet Puk"
                ]
            ),
            [
                Some("verdachte".to_string()),
                Some("getuige".to_string()),
                Some("appellante".to_string()),
                None
            ]
        );
    }

    #[test]
    fn family_case() {
        let text =
            "Anouk van den Berg,\nwonende te Eindhoven,\nverzoekster, hierna te noemen: de vrouw,";
        assert_eq!(
            roles_in(text, &["Anouk van den Berg"]),
            [Some("verzoekster".to_string())]
        );
    }
}
