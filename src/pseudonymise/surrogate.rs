//! `--style surrogate`: realistic Dutch substitutes instead of placeholders, one per entity,
//! written in each mention's own form. "Jan de Vries" becomes "Piet Bakker", "J. de Vries"
//! "P. Bakker", "De Vries" "Bakker" and "DE VRIES" "BAKKER"; a woman's name stays a woman's
//! where the role or the given name says so; BSNs and IBANs stay checksum-valid and a date of
//! birth keeps its year.
//!
//! Surrogates are drawn from the project's own name lists with a generator seeded by the
//! document and the entity's place in it, never by the name itself: a surrogate computed from
//! the name could be reversed by trying every name. For the same surrogate across the
//! documents of one case file, use `--mapping`.

use super::rechtspraak::birth_year;
use super::Style;
use crate::corpus::names::{Names, Pool, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES};
use crate::corpus::surrogates::{self, capitalise_prefix, Gender, Person, Rng};
use crate::detect::MONTHS;
use crate::model::{Category, Entity};
use crate::resolve::cluster::name_parts;

/// Role words that say a person is a woman.
const FEMALE_ROLES: [&str; 8] = [
    "eiseres",
    "verzoekster",
    "verweerster",
    "appellante",
    "aangeefster",
    "de vrouw",
    "gedaagde sub 2",
    "moeder",
];
const MALE_ROLES: [&str; 7] = [
    "eiser",
    "verzoeker",
    "verweerder",
    "appellant",
    "aangever",
    "de man",
    "vader",
];

pub struct SurrogateStyle {
    names: Names,
}

impl Default for SurrogateStyle {
    fn default() -> Self {
        SurrogateStyle::new()
    }
}

impl SurrogateStyle {
    pub fn new() -> SurrogateStyle {
        // The evaluation half: names the model never saw in training, so a surrogate is
        // never mistaken for a memorised real name by a later run.
        SurrogateStyle {
            names: Names::builtin(Pool::Eval),
        }
    }

    fn gender(entity: &Entity, original_given: Option<&str>) -> Option<Gender> {
        if let Some(label) = entity.label.as_deref() {
            if FEMALE_ROLES.contains(&label) {
                return Some(Gender::Female);
            }
            if MALE_ROLES.contains(&label) {
                return Some(Gender::Male);
            }
        }
        let given = original_given?;
        let known = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(given));
        match (known(FEMALE_FIRST_NAMES), known(MALE_FIRST_NAMES)) {
            (true, false) => Some(Gender::Female),
            (false, true) => Some(Gender::Male),
            _ => None,
        }
    }

    fn surrogate(&self, rng: &mut Rng, entity: &Entity) -> String {
        let names = &self.names;
        match entity.category {
            Category::Person => {
                let given = entity
                    .normalised
                    .split('|')
                    .nth(2)
                    .filter(|g| !g.is_empty());
                let person = Person::generate(rng, names, Self::gender(entity, given));
                person.full()
            }
            Category::Address => surrogates::address(rng, names),
            Category::Postcode => surrogates::postcode(rng),
            Category::Place => surrogates::place(rng, names),
            Category::DateOfBirth => {
                let day = 1 + rng.below(28);
                let month = MONTHS[rng.below(12)];
                match birth_year(&entity.normalised) {
                    Some(year) => format!("{day} {month} {year}"),
                    None => format!("{day} {month}"),
                }
            }
            Category::Bsn => surrogates::bsn(rng),
            Category::Iban => surrogates::iban(rng),
            Category::Phone => surrogates::phone(rng),
            Category::Email => {
                let person = Person::generate(rng, names, None);
                surrogates::email(rng, &person)
            }
            Category::LicensePlate => surrogates::license_plate(rng),
            Category::Organisation => surrogates::company(rng, names, false),
            Category::IpAddress => format!(
                "192.0.2.{}",
                1 + rng.below(254) // TEST-NET-1: never a real host.
            ),
            Category::Url => format!("https://voorbeeld.nl/{}", surrogates::number(rng)),
            _ => surrogates::number(rng),
        }
    }
}

/// Writes `surrogate` ("Piet Jan Bakker") in the form of `original` ("J. de Vries").
fn person_form(surrogate: &str, original: &str) -> String {
    let Some(target) = name_parts(surrogate) else {
        return surrogate.to_string();
    };
    let given_words: Vec<&str> = surrogate
        .split_whitespace()
        .take_while(|w| !target.surname.starts_with(&w.to_lowercase()))
        .collect();
    let surname_written = surrogate
        .split_whitespace()
        .skip(given_words.len())
        .collect::<Vec<_>>()
        .join(" ");
    let form = match name_parts(original) {
        Some(parts) if parts.initials.is_empty() => capitalise_prefix(&surname_written),
        Some(parts) if parts.first_given.is_empty() => {
            let initials: String = given_words
                .iter()
                .take(parts.initials.chars().count().max(1))
                .filter_map(|w| w.chars().next())
                .map(|c| format!("{c}."))
                .collect();
            format!("{initials} {surname_written}")
        }
        Some(parts) => {
            let written_given =
                original.split_whitespace().count() - parts.surname.split_whitespace().count();
            let given = given_words
                .iter()
                .take(written_given.max(1))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            format!("{given} {surname_written}")
        }
        None => surrogate.to_string(),
    };
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        form.to_uppercase()
    } else {
        form
    }
}

impl Style for SurrogateStyle {
    fn name(&self) -> &str {
        "surrogate"
    }

    fn assign(&self, document_id: &str, entities: &mut [Entity]) {
        for (index, entity) in entities.iter_mut().enumerate() {
            let mut rng = Rng::for_document(index as u64, document_id);
            entity.pseudonym = self.surrogate(&mut rng, entity);
        }
    }

    fn mention_form(&self, entity: &Entity, original: &str) -> String {
        match entity.category {
            Category::Person => person_form(&entity.pseudonym, original),
            _ => entity.pseudonym.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_follow_the_original() {
        let surrogate = "Piet Jan Bakker";
        assert_eq!(person_form(surrogate, "J. de Vries"), "P. Bakker");
        assert_eq!(person_form(surrogate, "J.M. de Vries"), "P.J. Bakker");
        assert_eq!(person_form(surrogate, "Jan de Vries"), "Piet Bakker");
        assert_eq!(person_form(surrogate, "De Vries"), "Bakker");
        assert_eq!(person_form(surrogate, "DE VRIES"), "BAKKER");
        assert_eq!(person_form("Anna van der Meer", "Vries"), "Van der Meer");
    }

    #[test]
    fn entities_get_consistent_realistic_values() {
        let style = SurrogateStyle::new();
        let entity = |category, normalised: &str, label: Option<&str>| Entity {
            id: "e".into(),
            category,
            label: label.map(str::to_string),
            normalised: normalised.into(),
            pseudonym: String::new(),
        };
        let mut entities = vec![
            entity(Category::Person, "de vries|s|sanne", Some("eiseres")),
            entity(Category::Bsn, "123456782", None),
            entity(Category::Iban, "NL91ABNA0417164300", None),
            entity(Category::DateOfBirth, "1987-03-12", None),
        ];
        let mut again = entities.clone();
        style.assign("doc-1", &mut entities);
        style.assign("doc-1", &mut again);
        assert_eq!(entities, again);
        let given = entities[0].pseudonym.split(' ').next().unwrap();
        assert!(FEMALE_FIRST_NAMES.contains(&given), "{given}");
        assert!(crate::detect::bsn::passes_eleven_test(
            &entities[1].pseudonym
        ));
        assert!(crate::detect::iban::passes_mod97(
            &entities[2].pseudonym.replace(' ', "")
        ));
        assert!(entities[3].pseudonym.ends_with(" 1987"));
    }
}
