//! The gold corpus: refilling published rulings' placeholders with surrogates
//! ([`refill`]), the train/dev/test split ([`split`]), and the gold format ([`gold`]).
//! Gold files are generated into ignored folders (`target/gold/`), never committed.

pub mod gold;
pub mod names;
pub mod refill;
pub mod reviews;
pub mod split;
pub mod surrogates;

use crate::read;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The id of a ruling file: its ECLI for stems such as `ECLI_NL_HR_2020_1234`, otherwise
/// the stem itself (rulings published without an ECLI).
pub fn ruling_id(stem: &str) -> String {
    if stem.starts_with("ECLI_") {
        stem.replace('_', ":")
    } else {
        stem.to_string()
    }
}

/// Rulings under `dirs`, one per id (see [`ruling_id`]), the XML version preferred over the
/// text one. Files other than `.xml` and `.txt`, and `SOURCES`/`README`/`LICENSE` files, are
/// not rulings. Sorted by id.
pub fn collect_rulings(dirs: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, String> {
    let mut rulings: BTreeMap<String, PathBuf> = BTreeMap::new();
    for dir in dirs {
        if !dir.is_dir() {
            return Err(format!("{}: not a folder of rulings", dir.display()));
        }
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let path = entry.path();
            let (Some(stem), Some(extension)) = (
                path.file_stem().and_then(|s| s.to_str()),
                path.extension().and_then(|s| s.to_str()),
            ) else {
                continue;
            };
            let upper = stem.to_uppercase();
            let not_a_ruling = ["SOURCES", "README", "LICENSE", "MANIFEST"]
                .iter()
                .any(|name| upper.starts_with(name));
            if not_a_ruling || !matches!(extension, "xml" | "txt") {
                continue;
            }
            let ecli = ruling_id(stem);
            let keep_existing = rulings
                .get(&ecli)
                .is_some_and(|existing| existing.extension().is_some_and(|e| e == "xml"));
            if !keep_existing {
                rulings.insert(ecli, path.to_path_buf());
            }
        }
    }
    Ok(rulings.into_iter().collect())
}

/// The text of a ruling as the pipeline reads it (XML: the extracted text).
pub fn ruling_text(path: &Path, id: &str) -> Result<String, String> {
    read::read_file(path, id, read::DEFAULT_MAX_SIZE)
        .map(|doc| doc.text)
        .map_err(|e| e.to_string())
}
