//! The fixed train / dev / test split, by ruling, stratified by area of law and decade.
//! It is recorded in the repository as ECLI lists (`corpus/splits/{train,dev,test}.txt`);
//! the test split is never used for training or tuning.

use crate::stable_hash::fnv1a;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Split {
    Train,
    Dev,
    Test,
}

impl Split {
    pub const ALL: [Split; 3] = [Split::Train, Split::Dev, Split::Test];

    pub fn name(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }

    pub fn from_name(name: &str) -> Option<Split> {
        Split::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// 70 / 15 / 15 in a fixed order of twenty; each stratum starts at its own offset so that
/// small strata do not all land in train.
const PATTERN: [Split; 20] = {
    use Split::{Dev as D, Test as S, Train as T};
    [T, D, T, T, S, T, T, D, T, T, S, T, T, T, D, T, S, T, T, T]
};

/// One ruling's stratum: area of law and decade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ruling {
    pub ecli: String,
    pub area: String,
    pub decade: String,
}

/// The broad area of a Rechtspraak "rechtsgebied" value.
pub fn area_class(rechtsgebied: &str) -> &'static str {
    let lower = rechtsgebied.to_lowercase();
    if lower.contains("belasting") {
        "belasting"
    } else if lower.contains("straf") {
        "straf"
    } else if lower.contains("civiel") || lower.contains("familie") {
        "civiel"
    } else {
        "bestuur"
    }
}

/// Reads a `manifest.tsv` (columns `ecli`, `date`, and `rechtsgebied` or `area`; rulings
/// without an ECLI are named by their `file` column).
pub fn read_manifest(path: &Path) -> Result<Vec<Ruling>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |names: &[&str]| header.iter().position(|h| names.contains(h));
    let file = column(&["file"]);
    let (Some(ecli), Some(date), Some(area)) = (
        column(&["ecli"]),
        column(&["date"]),
        column(&["rechtsgebied", "area"]),
    ) else {
        return Err(format!(
            "{}: needs columns ecli, date and rechtsgebied (or area)",
            path.display()
        ));
    };
    Ok(lines
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let field = |i: usize| fields.get(i).copied().unwrap_or("");
            let id = match (field(ecli), file) {
                ("", Some(file)) => super::ruling_id(field(file)),
                (ecli, _) => ecli.to_string(),
            };
            Ruling {
                ecli: id,
                area: area_class(field(area)).to_string(),
                decade: format!("{}0s", field(date).get(..3).unwrap_or("????")),
            }
        })
        .collect())
}

/// Assigns every ruling to a split, deterministically.
pub fn make_splits(rulings: &[Ruling]) -> BTreeMap<Split, BTreeSet<String>> {
    extend_splits(rulings, &BTreeMap::new())
}

/// Keeps every ruling of `existing` where it is and assigns only the rulings new to it, so
/// that adding a folder of rulings never moves a ruling between train, dev and test (a
/// model trained on the old train split stays honest on the old test split). Within each
/// stratum the new rulings continue the stratum's pattern after the rulings it already holds.
pub fn extend_splits(
    rulings: &[Ruling],
    existing: &BTreeMap<Split, BTreeSet<String>>,
) -> BTreeMap<Split, BTreeSet<String>> {
    let assigned = |ecli: &str| {
        existing
            .iter()
            .find(|(_, eclis)| eclis.contains(ecli))
            .map(|(split, _)| *split)
    };
    let mut splits: BTreeMap<Split, BTreeSet<String>> = existing.clone();
    let mut strata: BTreeMap<(String, String), (usize, Vec<&Ruling>)> = BTreeMap::new();
    for ruling in rulings {
        let stratum = strata
            .entry((ruling.area.clone(), ruling.decade.clone()))
            .or_default();
        match assigned(&ruling.ecli) {
            Some(_) => stratum.0 += 1,
            None => stratum.1.push(ruling),
        }
    }
    for ((area, decade), (already, mut members)) in strata {
        members.sort_by_key(|r| (fnv1a(&r.ecli), r.ecli.clone()));
        members.dedup_by(|a, b| a.ecli == b.ecli);
        let offset = (fnv1a(&format!("{area}/{decade}")) % PATTERN.len() as u64) as usize;
        for (i, ruling) in members.into_iter().enumerate() {
            let split = PATTERN[(offset + already + i) % PATTERN.len()];
            splits.entry(split).or_default().insert(ruling.ecli.clone());
        }
    }
    splits
}

/// Reads `dir/<split>.txt`: one ECLI per line, `#` starts a comment.
pub fn read_split(dir: &Path, split: Split) -> Result<BTreeSet<String>, String> {
    let path = dir.join(format!("{}.txt", split.name()));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ruling(i: usize, area: &str, decade: &str) -> Ruling {
        Ruling {
            ecli: format!("ECLI:NL:X:2000:{i}"),
            area: area.into(),
            decade: decade.into(),
        }
    }

    #[test]
    fn split_is_deterministic_disjoint_and_roughly_70_15_15() {
        let rulings: Vec<Ruling> = (0..200)
            .map(|i| {
                ruling(
                    i,
                    ["straf", "bestuur"][i % 2],
                    ["1990s", "2010s"][i % 3 % 2],
                )
            })
            .collect();
        let splits = make_splits(&rulings);
        assert_eq!(splits, make_splits(&rulings));
        let total: usize = splits.values().map(BTreeSet::len).sum();
        assert_eq!(total, 200);
        let train = splits[&Split::Train].len();
        let dev = splits[&Split::Dev].len();
        assert!((130..=150).contains(&train), "{train}");
        assert!((22..=38).contains(&dev), "{dev}");
        for a in Split::ALL {
            for b in Split::ALL {
                if a != b {
                    assert!(splits[&a].is_disjoint(&splits[&b]));
                }
            }
        }
    }

    #[test]
    fn extending_a_split_never_moves_a_ruling_and_assigns_the_new_ones() {
        let old: Vec<Ruling> = (0..100)
            .map(|i| ruling(i, ["straf", "bestuur"][i % 2], "2020s"))
            .collect();
        let before = make_splits(&old);
        let mut all = old.clone();
        all.extend((100..200).map(|i| ruling(i, ["straf", "bestuur"][i % 2], "2020s")));
        let after = extend_splits(&all, &before);
        for (split, eclis) in &before {
            assert!(eclis.is_subset(&after[split]), "{split:?} lost rulings");
        }
        // a fresh split of all 200 would move some of the old rulings: the point of extending
        assert_ne!(
            make_splits(&all)[&Split::Test]
                .intersection(&before[&Split::Test])
                .count(),
            before[&Split::Test].len()
        );
        let total: usize = after.values().map(BTreeSet::len).sum();
        assert_eq!(total, 200);
        let new_in_train = after[&Split::Train].len() - before[&Split::Train].len();
        assert!((60..=80).contains(&new_in_train), "{new_in_train}");
        assert_eq!(after, extend_splits(&all, &before));
    }

    #[test]
    fn areas() {
        assert_eq!(area_class("Bestuursrecht; Belastingrecht"), "belasting");
        assert_eq!(area_class("Strafrecht (inferred from text)"), "straf");
        assert_eq!(
            area_class("Civiel recht; Personen- en familierecht"),
            "civiel"
        );
        assert_eq!(area_class("Bestuursrecht; Vreemdelingenrecht"), "bestuur");
    }
}
