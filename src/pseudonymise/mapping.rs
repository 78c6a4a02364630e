//! `--mapping FILE`: entity → pseudonym, carried from one run to the next so that the
//! rulings of one case file (first instance, appeal, cassation) name each person alike.
//!
//! The file is JSON, written atomically with mode 0600 (it holds normalised names):
//!
//! ```json
//! {"schuilnaam_mapping": 1, "style": "rechtspraak",
//!  "entries": {"person:de vries|j": "[eiser]", "address:kerkstraat 5": "[adres 1]"}}
//! ```
//!
//! An entity the mapping knows gets its recorded pseudonym. A new entity keeps what the
//! style gave it unless another entity of the mapping already has that pseudonym; then the
//! placeholder's number moves on (`[adres 1]` → `[adres 2]`).

use super::entity_key;
use crate::model::Entity;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct MappingFile {
    schuilnaam_mapping: u32,
    style: String,
    entries: BTreeMap<String, String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MappingError {
    #[error("{path}: cannot read the mapping: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a schuilnaam mapping: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error("{path}: the mapping was made with --style {found}; this run uses --style {wanted}")]
    StyleMismatch {
        path: PathBuf,
        found: String,
        wanted: String,
    },
    #[error("{path}: cannot write the mapping: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug)]
pub struct Mapping {
    path: PathBuf,
    style: String,
    entries: Mutex<BTreeMap<String, String>>,
}

impl Mapping {
    /// Reads `path`, or starts an empty mapping when it does not exist yet.
    pub fn open(path: &Path, style: &str) -> Result<Mapping, MappingError> {
        let entries = match std::fs::read(path) {
            Ok(bytes) => {
                let file: MappingFile =
                    serde_json::from_slice(&bytes).map_err(|e| MappingError::Invalid {
                        path: path.to_path_buf(),
                        reason: e.to_string(),
                    })?;
                if file.schuilnaam_mapping != VERSION {
                    return Err(MappingError::Invalid {
                        path: path.to_path_buf(),
                        reason: format!("version {} (expected {VERSION})", file.schuilnaam_mapping),
                    });
                }
                if file.style != style {
                    return Err(MappingError::StyleMismatch {
                        path: path.to_path_buf(),
                        found: file.style,
                        wanted: style.to_string(),
                    });
                }
                file.entries
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(source) => {
                return Err(MappingError::Read {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        Ok(Mapping {
            path: path.to_path_buf(),
            style: style.to_string(),
            entries: Mutex::new(entries),
        })
    }

    pub fn len(&self) -> usize {
        self.entries.lock().expect("not poisoned").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Gives known entities their recorded pseudonym, keeps new ones clear of the recorded
    /// ones, and records the new ones.
    pub fn apply(&self, entities: &mut [Entity]) {
        let mut entries = self.entries.lock().expect("not poisoned");
        let keys: Vec<String> = entities.iter().map(entity_key).collect();
        // Pseudonyms of this document that are already taken: the recorded ones of other
        // entities, and the ones this document keeps.
        let mut taken: BTreeSet<String> = entries.values().cloned().collect();
        for (entity, key) in entities.iter_mut().zip(&keys) {
            if let Some(known) = entries.get(key) {
                entity.pseudonym = known.clone();
            }
        }
        for (entity, key) in entities.iter_mut().zip(&keys) {
            if entries.contains_key(key) {
                continue;
            }
            while taken.contains(&entity.pseudonym) {
                entity.pseudonym = next_pseudonym(&entity.pseudonym);
            }
            taken.insert(entity.pseudonym.clone());
            entries.insert(key.clone(), entity.pseudonym.clone());
        }
    }

    /// Writes the mapping atomically with mode 0600.
    pub fn save(&self) -> Result<(), MappingError> {
        let file = MappingFile {
            schuilnaam_mapping: VERSION,
            style: self.style.clone(),
            entries: self.entries.lock().expect("not poisoned").clone(),
        };
        let mut bytes = serde_json::to_vec_pretty(&file).expect("serialisable");
        bytes.push(b'\n');
        crate::write::write_atomic(&self.path, &bytes, true).map_err(|source| MappingError::Write {
            path: self.path.clone(),
            source,
        })
    }
}

/// The next pseudonym of the same kind: "[adres 1]" → "[adres 2]", "[eiser]" → "[eiser 2]",
/// "[geboortedatum] 1987" → "[geboortedatum 2] 1987", anything else gets " (2)", " (3)" ...
fn next_pseudonym(pseudonym: &str) -> String {
    if let Some(close) = pseudonym.find(']').filter(|_| pseudonym.starts_with('[')) {
        let inner = &pseudonym[1..close];
        let rest = &pseudonym[close + 1..];
        let (stem, number) = match inner.rsplit_once(' ') {
            Some((stem, n)) if n.parse::<u32>().is_ok() => (stem, n.parse::<u32>().unwrap_or(1)),
            _ => (inner, 1),
        };
        return format!("[{stem} {}]{rest}", number + 1);
    }
    match pseudonym.rsplit_once(" (") {
        Some((base, n)) if n.trim_end_matches(')').parse::<u32>().is_ok() => {
            let n: u32 = n.trim_end_matches(')').parse().unwrap_or(1);
            format!("{base} ({})", n + 1)
        }
        _ => format!("{pseudonym} (2)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    fn entity(category: Category, normalised: &str, pseudonym: &str) -> Entity {
        Entity {
            id: "e".into(),
            category,
            label: None,
            normalised: normalised.into(),
            pseudonym: pseudonym.into(),
        }
    }

    #[test]
    fn numbers_move_on() {
        assert_eq!(next_pseudonym("[adres 1]"), "[adres 2]");
        assert_eq!(next_pseudonym("[eiser]"), "[eiser 2]");
        assert_eq!(
            next_pseudonym("[geboortedatum] 1987"),
            "[geboortedatum 2] 1987"
        );
        assert_eq!(next_pseudonym("Piet Bakker"), "Piet Bakker (2)");
        assert_eq!(next_pseudonym("Piet Bakker (2)"), "Piet Bakker (3)");
    }

    #[test]
    fn known_entities_keep_their_pseudonym_and_new_ones_stay_clear() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("zaak.mapping.json");
        let first = Mapping::open(&path, "rechtspraak").unwrap();
        let mut entities = vec![
            entity(Category::Person, "de vries|j", "[eiser]"),
            entity(Category::Address, "kerkstraat 5", "[adres 1]"),
        ];
        first.apply(&mut entities);
        first.save().unwrap();
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);

        let second = Mapping::open(&path, "rechtspraak").unwrap();
        let mut next = vec![
            entity(Category::Address, "dorpsweg 1", "[adres 1]"),
            entity(Category::Person, "de vries|j", "[appellant]"),
        ];
        second.apply(&mut next);
        assert_eq!(next[0].pseudonym, "[adres 2]");
        assert_eq!(next[1].pseudonym, "[eiser]");
        assert_eq!(second.len(), 3);
        let error = Mapping::open(&path, "keyed").unwrap_err().to_string();
        assert!(error.contains("--style rechtspraak"), "{error}");
    }
}
