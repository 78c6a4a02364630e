//! Stage 4, **pseudonymise**: a [`Style`] gives every entity its pseudonym. Styles see
//! entities only, never the text, so the same entities always get the same pseudonyms.

pub mod rechtspraak;

use crate::model::Entity;

pub use rechtspraak::RechtspraakStyle;

pub trait Style: Send + Sync {
    /// Stable name used in the log and `--style`.
    fn name(&self) -> &str;
    /// Fills in `pseudonym` for every entity of one document.
    fn assign(&self, entities: &mut [Entity]);
}
