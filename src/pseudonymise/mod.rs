//! Stage 4, **pseudonymise**: a [`Style`] gives every entity its pseudonym, and may write
//! each mention in the mention's own form (a surrogate "P. Bakker" for "J. de Vries").
//!
//! * `rechtspraak` (default): the house style of published rulings, `[eiser]`, `[adres 1]`.
//! * `surrogate`: realistic Dutch substitutes that keep each mention's form.
//! * `keyed`: a short stable code from HMAC-SHA256 with a secret key, the same for one
//!   person in every document and on every machine.
//!
//! A [`Mapping`] (`--mapping FILE`) carries entity → pseudonym from one run to the next.

pub mod keyed;
pub mod mapping;
pub mod rechtspraak;
pub mod surrogate;

use crate::model::{Action, Category, Entity, Resolution};

pub use keyed::KeyedStyle;
pub use mapping::Mapping;
pub use rechtspraak::RechtspraakStyle;
pub use surrogate::SurrogateStyle;

pub trait Style: Send + Sync {
    /// Stable name used in the log and `--style`.
    fn name(&self) -> &str;
    /// Fills in `pseudonym` for every entity of one document.
    fn assign(&self, document_id: &str, entities: &mut [Entity]);
    /// How one mention is written; by default the entity's pseudonym.
    fn mention_form(&self, entity: &Entity, _original: &str) -> String {
        entity.pseudonym.clone()
    }
}

/// The key that names one entity across documents: its category and normalised value; for
/// a person the surname and first initial ("person:de vries|j"), so that "Jan de Vries" in one
/// ruling and "J. de Vries" in the next are one key.
pub fn entity_key(entity: &Entity) -> String {
    let normalised = match entity.category {
        Category::Person => {
            let mut fields = entity.normalised.split('|');
            let surname = fields.next().unwrap_or("");
            match fields.next() {
                Some(initial) => format!("{surname}|{initial}"),
                None => surname.to_string(),
            }
        }
        _ => entity.normalised.clone(),
    };
    format!("{}:{normalised}", entity.category)
}

/// Assigns pseudonyms (taking those the mapping knows), then each mention's form.
pub fn pseudonymise(
    style: &dyn Style,
    document_id: &str,
    text: &str,
    resolution: &mut Resolution,
    mapping: Option<&Mapping>,
) {
    style.assign(document_id, &mut resolution.entities);
    if let Some(mapping) = mapping {
        mapping.apply(&mut resolution.entities);
    }
    resolution.forms.clear();
    for (position, mention) in resolution.mentions.iter().enumerate() {
        let (Action::Replace, Some(index)) = (mention.action, mention.entity) else {
            continue;
        };
        let entity = &resolution.entities[index];
        let form = style.mention_form(entity, &text[mention.span.start..mention.span.end]);
        if form != entity.pseudonym {
            resolution.forms.insert(position, form);
        }
    }
}
