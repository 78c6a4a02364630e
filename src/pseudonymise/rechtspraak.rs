//! The house style of published rulings: bracketed placeholders such as `[adres 1]`,
//! `[telefoonnummer 2]` and `[geboortedatum] 1987` (the year of birth stays). Placeholders
//! are numbered per distinct value in order of first mention; see [`Numbering`] for which
//! ones carry a number when a document has only one.

use super::Style;
use crate::config::{Numbering, PlaceholderConfig};
use crate::model::{Category, Entity};
use std::collections::BTreeMap;

/// Placeholder stems that the published rulings leave unnumbered when there is only one
/// (see `placeholder_catalogue.tsv`: `[woonplaats]` 82×, `[woonplaats 1]` once).
const HOUSE_UNNUMBERED: [&str; 4] = ["BSN", "geboortedatum", "woonplaats", "geboorteplaats"];

/// The default placeholder word of a category.
pub fn default_stem(category: Category) -> &'static str {
    match category {
        Category::Person => "persoon",
        Category::Address => "adres",
        Category::Postcode => "postcode",
        Category::Place => "plaats",
        Category::DateOfBirth => "geboortedatum",
        Category::Bsn => "BSN",
        Category::Iban => "IBAN",
        Category::Phone => "telefoonnummer",
        Category::Email => "e-mailadres",
        Category::Url => "website",
        Category::LicensePlate => "kenteken",
        Category::IdNumber => "nummer",
        Category::IpAddress => "IP-adres",
        Category::Organisation => "bedrijf",
        keep => keep.name(),
    }
}

/// The year in a date of birth: the ISO form of the rule detector ("1987-03-12"), or the
/// last four-digit year in the text a model found ("12 maart 1987").
pub fn birth_year(normalised: &str) -> Option<String> {
    let chars: Vec<char> = normalised.chars().collect();
    (0..chars.len().saturating_sub(3))
        .rev()
        .map(|i| chars[i..i + 4].iter().collect::<String>())
        .find(|c| {
            c.chars().all(|d| d.is_ascii_digit())
                && ["18", "19", "20"].iter().any(|p| c.starts_with(p))
        })
}

pub struct RechtspraakStyle {
    config: PlaceholderConfig,
}

impl RechtspraakStyle {
    pub fn new(config: PlaceholderConfig) -> RechtspraakStyle {
        RechtspraakStyle { config }
    }

    fn stem(&self, entity: &Entity) -> String {
        if let Some(stem) = self.config.stems.get(&entity.category) {
            return stem.clone();
        }
        entity
            .label
            .clone()
            .unwrap_or_else(|| default_stem(entity.category).to_string())
    }

    fn numbered(&self, entity: &Entity, stem: &str, count: usize) -> bool {
        // A role is written bare when one person has it ("[eiser]"), as the published
        // rulings do; "[persoon 1]" is always numbered.
        let role = entity.category == Category::Person && entity.label.is_some();
        match self.config.numbering {
            Numbering::Always => true,
            Numbering::WhenSeveral => count > 1,
            Numbering::House => count > 1 || !(role || HOUSE_UNNUMBERED.contains(&stem)),
        }
    }
}

impl Default for RechtspraakStyle {
    fn default() -> Self {
        RechtspraakStyle::new(PlaceholderConfig::default())
    }
}

impl Style for RechtspraakStyle {
    fn name(&self) -> &str {
        "rechtspraak"
    }

    fn assign(&self, _document_id: &str, entities: &mut [Entity]) {
        let stems: Vec<String> = entities.iter().map(|e| self.stem(e)).collect();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for stem in &stems {
            *counts.entry(stem).or_default() += 1;
        }
        let mut next_number: BTreeMap<&str, usize> = BTreeMap::new();
        for (entity, stem) in entities.iter_mut().zip(&stems) {
            let number = next_number.entry(stem).or_default();
            *number += 1;
            let placeholder = if self.numbered(entity, stem, counts[stem.as_str()]) {
                format!("[{stem} {number}]")
            } else {
                format!("[{stem}]")
            };
            entity.pseudonym = match (entity.category, birth_year(&entity.normalised)) {
                // The year of birth stays.
                (Category::DateOfBirth, Some(year)) => format!("{placeholder} {year}"),
                _ => placeholder,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(category: Category, label: Option<&str>, normalised: &str) -> Entity {
        Entity {
            id: String::new(),
            category,
            label: label.map(str::to_string),
            normalised: normalised.to_string(),
            pseudonym: String::new(),
        }
    }

    fn pseudonyms(style: &RechtspraakStyle, mut entities: Vec<Entity>) -> Vec<String> {
        style.assign("d", &mut entities);
        entities.into_iter().map(|e| e.pseudonym).collect()
    }

    #[test]
    fn house_numbering() {
        let style = RechtspraakStyle::default();
        assert_eq!(
            pseudonyms(
                &style,
                vec![
                    entity(Category::Bsn, None, "123456782"),
                    entity(Category::Iban, None, "NL91ABNA0417164300"),
                    entity(Category::Phone, None, "0612345678"),
                    entity(Category::Phone, None, "0201234567"),
                    entity(Category::DateOfBirth, Some("geboortedatum"), "1987-03-12"),
                    entity(Category::Place, Some("woonplaats"), "utrecht"),
                ]
            ),
            [
                "[BSN]",
                "[IBAN 1]",
                "[telefoonnummer 1]",
                "[telefoonnummer 2]",
                "[geboortedatum] 1987",
                "[woonplaats]"
            ]
        );
    }

    #[test]
    fn year_of_birth_from_either_form() {
        assert_eq!(birth_year("1987-03-12").as_deref(), Some("1987"));
        assert_eq!(birth_year("12 maart 1987").as_deref(), Some("1987"));
        assert_eq!(birth_year("12 maart"), None);
    }

    #[test]
    fn roles_are_bare_when_single_and_numbered_when_shared() {
        let style = RechtspraakStyle::default();
        assert_eq!(
            pseudonyms(
                &style,
                vec![
                    entity(Category::Person, Some("eiser"), "jan"),
                    entity(Category::Person, Some("slachtoffer"), "piet"),
                    entity(Category::Person, Some("slachtoffer"), "klaas"),
                    entity(Category::Person, None, "kees"),
                ]
            ),
            [
                "[eiser]",
                "[slachtoffer 1]",
                "[slachtoffer 2]",
                "[persoon 1]"
            ]
        );
    }

    #[test]
    fn several_bsns_are_numbered() {
        let style = RechtspraakStyle::default();
        assert_eq!(
            pseudonyms(
                &style,
                vec![
                    entity(Category::Bsn, None, "123456782"),
                    entity(Category::Bsn, None, "111222333")
                ]
            ),
            ["[BSN 1]", "[BSN 2]"]
        );
    }

    #[test]
    fn configured_numbering_and_stems() {
        let mut config = PlaceholderConfig {
            numbering: Numbering::WhenSeveral,
            ..Default::default()
        };
        config.stems.insert(Category::Phone, "telefoon".to_string());
        let style = RechtspraakStyle::new(config);
        assert_eq!(
            pseudonyms(
                &style,
                vec![
                    entity(Category::Address, None, "kerkstraat 1"),
                    entity(Category::Phone, None, "0612345678")
                ]
            ),
            ["[adres]", "[telefoon]"]
        );
    }
}
