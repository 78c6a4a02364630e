//! One batch over many machines: which documents a shard takes (`run --shard I/N`), and
//! merging the shards' `summary.json` files into one (`schuilnaam summary`).
//!
//! Every summary carries the batch's `run` id (the SHA-256 of the version, the pipeline's
//! settings and the ids of all documents of the batch, before sharding) and, for a shard,
//! its index, the shard count and the number of documents in the whole batch. The merge
//! refuses anything that would give a summary that does not add up: shards of another run,
//! a shard given twice, a shard missing, documents missing or counted twice.

use crate::batch::{Summary, SUMMARY_FILE};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One machine's share of a batch: shard `index` of `count` (0-based), as given by
/// `--shard I/N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(value: &str) -> Result<Shard, String> {
        let (index, count) = value
            .split_once('/')
            .ok_or_else(|| format!("{value:?}: expected I/N, such as 0/4"))?;
        let index: u64 = index
            .trim()
            .parse()
            .map_err(|_| format!("{value:?}: I is not a number"))?;
        let count: u64 = count
            .trim()
            .parse()
            .map_err(|_| format!("{value:?}: N is not a number"))?;
        if count == 0 || index >= count {
            return Err(format!("{value:?}: need 0 <= I < N"));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether a document belongs to this shard: a stable hash of its id (the relative
    /// path), so every machine decides the same without sharing any state.
    pub fn contains(&self, id: &str) -> bool {
        // FNV-1a modulo a power of two sees only the low bits of each byte ("a" and "e"
        // fall alike): a finaliser (splitmix64's) spreads every bit over the remainder.
        let mut hash = crate::stable_hash::fnv1a(id);
        hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        hash ^= hash >> 31;
        hash % self.count == self.index
    }
}

/// What a shard's `summary.json` says of its place in the batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardReport {
    pub index: u64,
    pub count: u64,
    /// Documents in the whole batch, over all shards.
    pub batch_documents: usize,
}

/// One shard in a merged summary.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MergedShard {
    pub index: u64,
    pub summary: PathBuf,
    pub documents: usize,
    pub failed: usize,
    pub wall_ms: f64,
}

/// Why shard summaries cannot be merged. Each names the summary file at fault.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("{path}: cannot read: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("{path}: not a schuilnaam summary: {reason}")]
    Parse { path: PathBuf, reason: String },
    #[error("nothing to merge: give the output folders (or summary.json files) of the shards")]
    Empty,
    #[error(
        "{path}: not a shard (run without --shard); merge only the summaries of one sharded run"
    )]
    NotAShard { path: PathBuf },
    #[error("{path}: from another run ({run}) than {first} ({first_run}): the inputs, the version or the settings differ")]
    OtherRun {
        path: PathBuf,
        run: String,
        first: PathBuf,
        first_run: String,
    },
    #[error("{path}: shard {index} of {count}, but {first} is one of {first_count}")]
    OtherCount {
        path: PathBuf,
        index: u64,
        count: u64,
        first: PathBuf,
        first_count: u64,
    },
    #[error("shard {index} is given twice: {first} and {second}")]
    Duplicate {
        index: u64,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("shard(s) {missing} of {count} missing (have {have})")]
    Missing {
        missing: String,
        count: u64,
        have: String,
    },
    #[error("document {document} is in two shards: {first} and {second}")]
    DocumentTwice {
        document: String,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("the shards hold {documents} documents, but the batch had {batch_documents}")]
    Incomplete {
        documents: usize,
        batch_documents: usize,
    },
}

/// The summary file of `path`: `path` itself if it is a file, else `path/summary.json`.
pub fn summary_path(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join(SUMMARY_FILE)
    } else {
        path.to_path_buf()
    }
}

/// Reads one `summary.json`.
pub fn read_summary(path: &Path) -> Result<Summary, MergeError> {
    let text = std::fs::read_to_string(path).map_err(|e| MergeError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|e| MergeError::Parse {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// Merges the summaries of every shard of one run (folders or files, in any order) into one
/// summary of the whole batch: counts and bytes added up, errors and documents in document
/// order, stage times summed, `wall_ms` the slowest shard's (the shards run side by side),
/// `jobs` the workers of all shards, and `shards` listing each shard.
pub fn merge(paths: &[PathBuf]) -> Result<Summary, MergeError> {
    let mut shards: Vec<(PathBuf, Summary, ShardReport)> = Vec::new();
    for path in paths {
        let path = summary_path(path);
        let mut summary = read_summary(&path)?;
        let Some(report) = summary.shard.take() else {
            return Err(MergeError::NotAShard { path });
        };
        shards.push((path, summary, report));
    }
    let Some((first_path, first, first_report)) = shards.first() else {
        return Err(MergeError::Empty);
    };
    let (count, batch_documents) = (first_report.count, first_report.batch_documents);
    let mut by_index: BTreeMap<u64, &PathBuf> = BTreeMap::new();
    for (path, summary, report) in &shards {
        if summary.run != first.run {
            return Err(MergeError::OtherRun {
                path: path.clone(),
                run: summary.run.clone(),
                first: first_path.clone(),
                first_run: first.run.clone(),
            });
        }
        if report.count != count {
            return Err(MergeError::OtherCount {
                path: path.clone(),
                index: report.index,
                count: report.count,
                first: first_path.clone(),
                first_count: count,
            });
        }
        if let Some(earlier) = by_index.insert(report.index, path) {
            return Err(MergeError::Duplicate {
                index: report.index,
                first: earlier.clone(),
                second: path.clone(),
            });
        }
    }
    let missing: Vec<String> = (0..count)
        .filter(|i| !by_index.contains_key(i))
        .map(|i| i.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(MergeError::Missing {
            missing: missing.join(", "),
            count,
            have: by_index
                .keys()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let (version, run) = (first.version.clone(), first.run.clone());
    shards.sort_by_key(|(_, _, report)| report.index);

    let mut merged = Summary {
        version,
        run,
        shard: None,
        shards: Vec::new(),
        documents: 0,
        succeeded: 0,
        failed: 0,
        resumed: 0,
        bytes: 0,
        replaced: BTreeMap::new(),
        kept: 0,
        jobs: 0,
        wall_ms: 0.0,
        stage_ms: BTreeMap::new(),
        errors: Vec::new(),
        per_document: Vec::new(),
    };
    // Each document's shard (its position in `merged.shards`), to name both when one is
    // in two.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (path, summary, report) in shards {
        let position = merged.shards.len();
        for document in &summary.per_document {
            if let Some(earlier) = seen.insert(document.document.clone(), position) {
                return Err(MergeError::DocumentTwice {
                    document: document.document.clone(),
                    first: merged.shards[earlier].summary.clone(),
                    second: path,
                });
            }
        }
        merged.documents += summary.documents;
        merged.succeeded += summary.succeeded;
        merged.failed += summary.failed;
        merged.resumed += summary.resumed;
        merged.bytes += summary.bytes;
        merged.kept += summary.kept;
        merged.jobs += summary.jobs;
        merged.wall_ms = merged.wall_ms.max(summary.wall_ms);
        for (category, count) in summary.replaced {
            *merged.replaced.entry(category).or_insert(0) += count;
        }
        for (stage, ms) in summary.stage_ms {
            *merged.stage_ms.entry(stage).or_insert(0.0) += ms;
        }
        merged.errors.extend(summary.errors);
        merged.per_document.extend(summary.per_document);
        merged.shards.push(MergedShard {
            index: report.index,
            summary: path,
            documents: summary.documents,
            failed: summary.failed,
            wall_ms: summary.wall_ms,
        });
    }
    if merged.documents != batch_documents {
        return Err(MergeError::Incomplete {
            documents: merged.documents,
            batch_documents,
        });
    }
    merged
        .per_document
        .sort_by(|a, b| a.document.cmp(&b.document));
    merged.errors.sort_by(|a, b| a.document.cmp(&b.document));
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_every_document_exactly_once() {
        let ids: Vec<String> = (0..1000).map(|i| format!("dir/doc-{i}.xml")).collect();
        for count in [1, 2, 3, 7] {
            let shards: Vec<Shard> = (0..count).map(|index| Shard { index, count }).collect();
            for id in &ids {
                assert_eq!(shards.iter().filter(|s| s.contains(id)).count(), 1, "{id}");
            }
            for shard in &shards {
                let share = ids.iter().filter(|id| shard.contains(id)).count();
                assert!(
                    share > 1000 / count as usize / 2,
                    "{share} of 1000 in {shard:?}"
                );
            }
        }
        // Ids that differ only in bytes with the same low bits still spread.
        let spread: std::collections::BTreeSet<u64> = ["a", "e", "i", "m", "q", "u", "y"]
            .iter()
            .filter_map(|letter| {
                let id = format!("uitspraak-{letter}.txt");
                (0..4).find(|&index| Shard { index, count: 4 }.contains(&id))
            })
            .collect();
        assert!(spread.len() > 1, "{spread:?}");
        assert_eq!("1/4".parse::<Shard>(), Ok(Shard { index: 1, count: 4 }));
        assert!("4/4".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
    }
}
