//! Review before publication: an editor's decisions on a document's substitutions, saved
//! next to its log, and `apply`, which re-renders the document from its input with the
//! decisions applied.
//!
//! Decisions (`<output>.review.json`, written atomically with mode 0600):
//!
//! ```json
//! {"document": "a/vonnis.txt", "reviewed": true, "reviewer": "J. Editor",
//!  "reviewed_at": "2026-11-29T17:02:11Z",
//!  "decisions": [
//!    {"action": "reject", "start": 120, "end": 131, "reviewer": "J. Editor", "at": "…"},
//!    {"action": "reject_entity", "entity": "e4", …},
//!    {"action": "add", "start": 900, "end": 910, "category": "person", "all_occurrences": true, …},
//!    {"action": "rename_entity", "entity": "e2", "pseudonym": "[getuige 1]", …}]}
//! ```
//!
//! Offsets are Unicode code points into the input text, as in the log. `apply` never
//! publishes a document in which an original string of a replaced entity survives.

pub mod check;
pub mod explain;
pub mod flags;
pub mod server;

use crate::detect::is_word_bounded;
use crate::error::Error as FileError;
use crate::model::{Action, Category, Document, Entity, Evidence, Mention, Resolution, Span};
use crate::pseudonymise::rechtspraak::default_stem;
use crate::write::{self, LogRecord, Rendered, Substitution};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What an editor decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum DecisionKind {
    /// The substitution at `start..end` stands (recorded, changes nothing).
    Accept { start: usize, end: usize },
    /// The substitution at `start..end` is wrong: the original text is published.
    Reject { start: usize, end: usize },
    /// Every substitution of the entity stands.
    AcceptEntity { entity: String },
    /// No substitution of the entity stands (a judge taken for a party).
    RejectEntity { entity: String },
    /// A missed span: replaced like the entity of the same text, else as a new entity.
    Add {
        start: usize,
        end: usize,
        category: Category,
        /// Replace every other occurrence of the same text too.
        #[serde(default)]
        all_occurrences: bool,
    },
    /// The entity gets another placeholder or role ("[getuige 1]" for "[persoon 3]").
    RenameEntity { entity: String, pseudonym: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    #[serde(flatten)]
    pub kind: DecisionKind,
    pub reviewer: String,
    /// UTC, RFC 3339.
    pub at: String,
}

/// A document's review state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub document: String,
    #[serde(default)]
    pub reviewed: bool,
    #[serde(default)]
    pub reviewer: Option<String>,
    #[serde(default)]
    pub reviewed_at: Option<String>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// A file could not be read or written: the library's own error says which and why.
    #[error(transparent)]
    File(#[from] crate::error::Error),
    /// The review server could not start or stopped: what it was doing, and why.
    #[error("review server: {doing}: {source}")]
    Server {
        doing: String,
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error("{document}: {reason}")]
    Apply { document: String, reason: String },
}

/// The review file next to an output's log.
pub fn review_path(output: &Path) -> PathBuf {
    let mut name = output.file_name().unwrap_or_default().to_os_string();
    name.push(".review.json");
    output.with_file_name(name)
}

pub fn load_review(path: &Path, document: &str) -> Result<Review, ReviewError> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| ReviewError::Invalid {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Review {
            document: document.to_string(),
            ..Review::default()
        }),
        Err(source) => Err(FileError::Read {
            path: path.to_path_buf(),
            source,
        }
        .into()),
    }
}

pub fn save_review(path: &Path, review: &Review) -> Result<(), ReviewError> {
    let mut bytes = serde_json::to_vec_pretty(review).expect("serialisable");
    bytes.push(b'\n');
    write::write_atomic(path, &bytes, true).map_err(|source| {
        FileError::Write {
            path: path.to_path_buf(),
            source,
        }
        .into()
    })
}

/// The substitutions of a log file (JSON Lines).
pub fn read_log(path: &Path) -> Result<Vec<Substitution>, ReviewError> {
    let text = std::fs::read_to_string(path).map_err(|source| FileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut substitutions = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| ReviewError::Invalid {
                path: path.to_path_buf(),
                reason: format!("line {}: {e}", number + 1),
            })?;
        if value["type"] == "substitution" {
            substitutions.push(serde_json::from_value(value).map_err(|e| {
                ReviewError::Invalid {
                    path: path.to_path_buf(),
                    reason: format!("line {}: {e}", number + 1),
                }
            })?);
        }
    }
    Ok(substitutions)
}

/// The longest placeholder an editor may give an entity.
pub const MAX_PSEUDONYM_CHARS: usize = 100;

/// Checks a decision against the document it is for: offsets inside its text (`chars` code
/// points), a substitution that exists where one is accepted or rejected, an entity that
/// exists, a category that is replaced, a placeholder without control characters. The
/// review server stores only decisions that pass, so `apply` never trips over one.
pub fn validate_decision(
    kind: &DecisionKind,
    chars: usize,
    logged: &[Substitution],
) -> Result<(), String> {
    let entity_exists = |id: &str| logged.iter().any(|s| s.entity.as_deref() == Some(id));
    match kind {
        DecisionKind::Accept { start, end } | DecisionKind::Reject { start, end } => {
            if !logged.iter().any(|s| s.start == *start && s.end == *end) {
                return Err(format!("no substitution at {start}..{end}"));
            }
        }
        DecisionKind::AcceptEntity { entity } | DecisionKind::RejectEntity { entity } => {
            if !entity_exists(entity) {
                return Err(format!("no entity {entity:?}"));
            }
        }
        DecisionKind::RenameEntity { entity, pseudonym } => {
            if !entity_exists(entity) {
                return Err(format!("no entity {entity:?}"));
            }
            if pseudonym.trim().is_empty()
                || pseudonym.chars().count() > MAX_PSEUDONYM_CHARS
                || pseudonym.chars().any(char::is_control)
            {
                return Err(format!(
                    "a placeholder must be 1 to {MAX_PSEUDONYM_CHARS} characters without control characters"
                ));
            }
        }
        DecisionKind::Add {
            start,
            end,
            category,
            ..
        } => {
            if start >= end || *end > chars {
                return Err(format!(
                    "{start}..{end} is not a span of the text (0..{chars})"
                ));
            }
            if category.is_keep() || category.is_guard() {
                return Err(format!(
                    "{category} is not replaced; add a category that is"
                ));
            }
        }
    }
    Ok(())
}

/// Byte offset of every code point, plus the end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The next free "[stem N]" given the pseudonyms in use.
fn next_placeholder(stem: &str, in_use: &[String]) -> String {
    let highest = in_use
        .iter()
        .filter_map(|p| {
            let inner = p.strip_prefix('[')?.split(']').next()?;
            let (s, n) = inner.rsplit_once(' ')?;
            (s == stem).then(|| n.parse::<usize>().ok()).flatten()
        })
        .max()
        .unwrap_or(0);
    format!("[{stem} {}]", highest + 1)
}

/// Rebuilds the document's resolution from its log, applies the decisions, renders it and
/// checks that no original of a replaced entity survives. The log of the result records
/// every decision.
pub fn apply(
    doc: &Document,
    logged: &[Substitution],
    review: &Review,
    style: &str,
) -> Result<Rendered, ReviewError> {
    let text = &doc.text;
    let starts = char_starts(text);
    let byte = |char_offset: usize| -> Result<usize, ReviewError> {
        starts
            .get(char_offset)
            .copied()
            .ok_or_else(|| ReviewError::Apply {
                document: doc.id.clone(),
                reason: format!("offset {char_offset} is past the end of the text"),
            })
    };
    let mut resolution = Resolution::default();
    let mut entity_index: BTreeMap<String, usize> = BTreeMap::new();
    for sub in logged {
        let (start, end) = (byte(sub.start)?, byte(sub.end)?);
        if text[start..end] != sub.original {
            return Err(ReviewError::Apply {
                document: doc.id.clone(),
                reason: format!(
                    "the input changed since the run: {:?} expected at {}",
                    sub.original, sub.start
                ),
            });
        }
        let entity = match (&sub.entity, sub.action) {
            (Some(id), Action::Replace) => {
                let next = resolution.entities.len();
                let index = *entity_index.entry(id.clone()).or_insert(next);
                if index == next {
                    resolution.entities.push(Entity {
                        id: id.clone(),
                        category: sub.category,
                        label: sub.label.clone(),
                        normalised: sub.original.to_lowercase(),
                        pseudonym: sub.replacement.clone().unwrap_or_default(),
                    });
                }
                Some(index)
            }
            _ => None,
        };
        resolution.mentions.push(Mention {
            span: Span {
                start,
                end,
                category: sub.category,
                detector: sub.detector.clone(),
                confidence: sub.confidence,
                evidence: sub.evidence,
                normalised: sub.original.to_lowercase(),
                label: sub.label.clone(),
                reason: sub.reason.clone(),
            },
            action: sub.action,
            entity,
            reason: sub.reason.clone(),
        });
    }
    let mut decision_records = Vec::new();
    for decision in &review.decisions {
        let by = format!("{} ({})", decision.reviewer, decision.at);
        match &decision.kind {
            DecisionKind::Accept { .. } | DecisionKind::AcceptEntity { .. } => {}
            DecisionKind::Reject { start, end } => {
                let (start, end) = (byte(*start)?, byte(*end)?);
                let mention = resolution
                    .mentions
                    .iter_mut()
                    .find(|m| m.span.start == start && m.span.end == end)
                    .ok_or_else(|| ReviewError::Apply {
                        document: doc.id.clone(),
                        reason: format!("no substitution at {start}..{end} to reject"),
                    })?;
                mention.action = Action::Keep;
                mention.entity = None;
                mention.reason = format!("{}; rejected by {by}", mention.reason);
            }
            DecisionKind::RejectEntity { entity } => {
                let index = entity_index.get(entity).copied();
                for mention in &mut resolution.mentions {
                    if mention.entity.is_some() && mention.entity == index {
                        mention.action = Action::Keep;
                        mention.entity = None;
                        mention.reason = format!("{}; entity rejected by {by}", mention.reason);
                    }
                }
            }
            DecisionKind::RenameEntity { entity, pseudonym } => {
                let index = *entity_index.get(entity).ok_or_else(|| ReviewError::Apply {
                    document: doc.id.clone(),
                    reason: format!("no entity {entity} to rename"),
                })?;
                resolution.entities[index].pseudonym = pseudonym.clone();
            }
            DecisionKind::Add {
                start,
                end,
                category,
                all_occurrences,
            } => {
                let (start, end) = (byte(*start)?, byte(*end)?);
                let added = &text[start..end];
                if added.trim().is_empty() {
                    continue;
                }
                // The entity of the same text and category, else a new one.
                let same = resolution.mentions.iter().find_map(|m| {
                    let index = m.entity?;
                    (&text[m.span.start..m.span.end] == added
                        && resolution.entities[index].category == *category)
                        .then_some(index)
                });
                let index = match same {
                    Some(index) => index,
                    None => {
                        let in_use: Vec<String> = resolution
                            .entities
                            .iter()
                            .map(|e| e.pseudonym.clone())
                            .collect();
                        let id = format!("e{}", resolution.entities.len() + 1);
                        resolution.entities.push(Entity {
                            id: id.clone(),
                            category: *category,
                            label: None,
                            normalised: added.to_lowercase(),
                            pseudonym: next_placeholder(default_stem(*category), &in_use),
                        });
                        entity_index.insert(id, resolution.entities.len() - 1);
                        resolution.entities.len() - 1
                    }
                };
                let mut ranges = vec![(start, end)];
                if *all_occurrences {
                    ranges.extend(
                        text.match_indices(added)
                            .map(|(s, _)| (s, s + added.len()))
                            .filter(|&(s, e)| s != start && is_word_bounded(text, s, e)),
                    );
                }
                for (s, e) in ranges {
                    // A replaced span there already stands; a kept one gives way.
                    if resolution
                        .mentions
                        .iter()
                        .any(|m| m.action == Action::Replace && m.span.start < e && s < m.span.end)
                    {
                        continue;
                    }
                    resolution
                        .mentions
                        .retain(|m| !(m.span.start < e && s < m.span.end));
                    let reason = format!("added by {by}");
                    resolution.mentions.push(Mention {
                        span: Span {
                            start: s,
                            end: e,
                            category: *category,
                            detector: "review".into(),
                            confidence: 1.0,
                            evidence: Evidence::Context,
                            normalised: added.to_lowercase(),
                            label: None,
                            reason: reason.clone(),
                        },
                        action: Action::Replace,
                        entity: Some(index),
                        reason,
                    });
                }
            }
        }
        decision_records.push(LogRecord::Decision {
            document: doc.id.clone(),
            decision: serde_json::to_value(decision).expect("serialisable"),
        });
    }
    resolution.mentions.sort_by_key(|m| m.span.start);
    let mut rendered = write::render(doc, &resolution, style)?;
    // The published text must not hold any original of a replaced entity. Rejected mentions
    // no longer point to their entity, so every mention that does is still replaced.
    let output = &rendered.output_text;
    for (index, entity) in resolution.entities.iter().enumerate() {
        let originals: std::collections::BTreeSet<&str> = resolution
            .mentions
            .iter()
            .filter(|m| m.entity == Some(index))
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        for original in originals {
            if let Some(at) = surviving_original(output, original, entity.category) {
                let context = crate::detect::context_before(output, at, 30);
                return Err(ReviewError::Apply {
                    document: doc.id.clone(),
                    reason: format!(
                        "{original:?} of entity {} ({}) is still in the output after {context:?}; add it or reject the entity",
                        entity.id, entity.pseudonym
                    ),
                });
            }
        }
    }
    let end = rendered.log.pop();
    rendered.log.extend(decision_records);
    rendered.log.extend(end);
    Ok(rendered)
}

/// Where `original` of a replaced entity still stands in `output` as a word, if anywhere: a
/// place that names a court or public body ("rechtbank Den Haag") does not count, nor any
/// occurrence of a town the output names as the seat of a court, body or lawyer ("advocaat te
/// Breda"): that town is public in the ruling, and the place policy keeps it wherever it is
/// nobody's home.
pub(crate) fn surviving_original(
    output: &str,
    original: &str,
    category: Category,
) -> Option<usize> {
    let occurrences = || {
        output
            .match_indices(original)
            .map(|(s, _)| s)
            .filter(|&s| is_word_bounded(output, s, s + original.len()))
    };
    if category != Category::Place {
        return occurrences().next();
    }
    let context = |s: usize| crate::resolve::places::context_of(output, s, s + original.len());
    if occurrences().any(|s| context(s).names_a_public_seat()) {
        return None;
    }
    occurrences().find(|&s| !context(s).names_an_institution())
}

/// A document of a run's summary, as review and apply need it.
#[derive(Debug, Clone, Deserialize)]
pub struct RunDocument {
    pub document: String,
    pub input: PathBuf,
    pub output: Option<PathBuf>,
    pub log: Option<PathBuf>,
    /// Its path holds a name replaced in its text (`run` warned): the review says so too.
    #[serde(default)]
    pub path_names_a_replaced_person: bool,
}

#[derive(Debug, Clone, Deserialize)]
struct RunSummary {
    per_document: Vec<RunDocument>,
}

/// The documents a `run` wrote into `out_dir` (from its summary.json).
pub fn run_documents(out_dir: &Path) -> Result<Vec<RunDocument>, ReviewError> {
    let path = out_dir.join(crate::batch::SUMMARY_FILE);
    let bytes = std::fs::read(&path).map_err(|source| FileError::Read {
        path: path.clone(),
        source,
    })?;
    let summary: RunSummary = serde_json::from_slice(&bytes).map_err(|e| ReviewError::Invalid {
        path: path.clone(),
        reason: format!("not a schuilnaam summary: {e}"),
    })?;
    Ok(summary
        .per_document
        .into_iter()
        .filter(|d| d.output.is_some() && d.log.is_some())
        .collect())
}

/// A text field of a log's `begin` record (its first line): `style`, `input_sha256` ...
pub fn begin_field(path: &Path, field: &str) -> Result<String, ReviewError> {
    let text = std::fs::read_to_string(path).map_err(|source| FileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    text.lines()
        .next()
        .and_then(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .and_then(|v| v[field].as_str().map(str::to_string))
        .ok_or_else(|| ReviewError::Invalid {
            path: path.to_path_buf(),
            reason: format!("the first line is not a begin record with {field}"),
        })
}

/// The style a log was written with (its `begin` record).
pub fn log_style(path: &Path) -> Result<String, ReviewError> {
    begin_field(path, "style")
}

/// What `apply` did with each document.
#[derive(Debug, Default)]
pub struct Published {
    pub published: Vec<String>,
    pub unreviewed: Vec<String>,
    pub failed: Vec<String>,
    /// Published documents whose path holds a word of a person's name replaced in the text
    /// (`write::path_names_a_replaced_person`): to be renamed before they go out.
    pub path_names_a_person: Vec<String>,
}

/// Publishes every reviewed document of `out_dir` into `publish_dir` (and the unreviewed
/// ones too with `include_unreviewed`): output and log, written atomically.
pub fn publish(
    out_dir: &Path,
    publish_dir: &Path,
    include_unreviewed: bool,
) -> Result<Published, ReviewError> {
    let mut result = Published::default();
    for document in run_documents(out_dir)? {
        let (Some(output), Some(log)) = (&document.output, &document.log) else {
            continue;
        };
        let review = load_review(&review_path(output), &document.document)?;
        if !review.reviewed && !include_unreviewed {
            result.unreviewed.push(document.document.clone());
            continue;
        }
        let published = (|| -> Result<bool, ReviewError> {
            let doc = crate::read::read_file(
                &document.input,
                &document.document,
                crate::read::DEFAULT_MAX_SIZE,
            )
            .map_err(|e| ReviewError::Apply {
                document: document.document.clone(),
                reason: e.to_string(),
            })?;
            let rendered = apply(&doc, &read_log(log)?, &review, &log_style(log)?)?;
            let private = std::fs::metadata(&document.input)
                .as_ref()
                .is_ok_and(write::is_private);
            write::write_document(&publish_dir.join(&document.document), &rendered, private)
                .map_err(|error| ReviewError::Apply {
                    document: document.document.clone(),
                    reason: error.to_string(),
                })?;
            Ok(write::path_names_a_replaced_person(
                Path::new(&document.document),
                rendered.substitutions(),
            ))
        })();
        match published {
            Ok(names_a_person) => {
                result.published.push(document.document.clone());
                if names_a_person {
                    result.path_names_a_person.push(document.document.clone());
                }
            }
            Err(error) => result.failed.push(error.to_string()),
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::pipeline::Pipeline;
    use crate::write::LogRecord;

    const TEXT: &str = "Jan Kwakernaak, BSN 123456782, woont op Kerkstraat 5. Het BSN 123456782 is van Jan Kwakernaak. Getuige Piet Puk zag Piet Puk.";

    fn logged(text: &str) -> (Document, Vec<Substitution>) {
        let doc = Document::from_text("d.txt", text);
        let pipeline = Pipeline::from_config(&Config::default()).unwrap();
        let rendered = pipeline.process(&doc, Default::default()).unwrap().rendered;
        // Through the log file, as apply reads it.
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("d.txt.log.jsonl");
        std::fs::write(&log, rendered.log_jsonl()).unwrap();
        (doc, read_log(&log).unwrap())
    }

    fn decision(kind: DecisionKind) -> Decision {
        Decision {
            kind,
            reviewer: "tester".into(),
            at: "2026-11-29T17:00:00Z".into(),
        }
    }

    fn chars_of(text: &str, needle: &str) -> (usize, usize) {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    #[test]
    fn accept_changes_nothing_and_reject_restores_the_original() {
        let (doc, subs) = logged(TEXT);
        let untouched = apply(&doc, &subs, &Review::default(), "rechtspraak").unwrap();
        assert!(untouched.output_text.contains("BSN [BSN]"));
        let address = subs.iter().find(|s| s.original == "Kerkstraat 5").unwrap();
        let review = Review {
            decisions: vec![
                decision(DecisionKind::Accept {
                    start: subs[0].start,
                    end: subs[0].end,
                }),
                decision(DecisionKind::Reject {
                    start: address.start,
                    end: address.end,
                }),
            ],
            ..Review::default()
        };
        let rendered = apply(&doc, &subs, &review, "rechtspraak").unwrap();
        assert!(rendered.output_text.contains("woont op Kerkstraat 5."));
        let decisions = rendered
            .log
            .iter()
            .filter(|r| matches!(r, LogRecord::Decision { .. }))
            .count();
        assert_eq!(decisions, 2);
    }

    #[test]
    fn an_entity_is_rejected_everywhere() {
        let (doc, subs) = logged(TEXT);
        let bsn = subs.iter().find(|s| s.original == "123456782").unwrap();
        let review = Review {
            decisions: vec![decision(DecisionKind::RejectEntity {
                entity: bsn.entity.clone().unwrap(),
            })],
            ..Review::default()
        };
        let rendered = apply(&doc, &subs, &review, "rechtspraak").unwrap();
        assert_eq!(rendered.output_text.matches("123456782").count(), 2);
    }

    #[test]
    fn added_names_are_replaced_everywhere_consistently() {
        let (doc, subs) = logged(TEXT);
        let (start, end) = chars_of(TEXT, "Jan Kwakernaak");
        let (puk_start, puk_end) = chars_of(TEXT, "Piet Puk");
        let review = Review {
            decisions: vec![
                decision(DecisionKind::Add {
                    start,
                    end,
                    category: Category::Person,
                    all_occurrences: true,
                }),
                decision(DecisionKind::Add {
                    start: puk_start,
                    end: puk_end,
                    category: Category::Person,
                    all_occurrences: true,
                }),
                decision(DecisionKind::RenameEntity {
                    entity: "e4".into(),
                    pseudonym: "[getuige]".into(),
                }),
            ],
            ..Review::default()
        };
        let rendered = apply(&doc, &subs, &review, "rechtspraak").unwrap();
        let out = &rendered.output_text;
        assert!(!out.contains("Kwakernaak") && !out.contains("Puk"), "{out}");
        assert_eq!(out.matches("[persoon 1]").count(), 2, "{out}");
        assert_eq!(out.matches("[getuige]").count(), 2, "{out}");
    }

    #[test]
    fn a_surviving_original_fails_the_document() {
        let (doc, subs) = logged(TEXT);
        let (start, end) = chars_of(TEXT, "Jan Kwakernaak");
        let review = Review {
            decisions: vec![decision(DecisionKind::Add {
                start,
                end,
                category: Category::Person,
                all_occurrences: false,
            })],
            ..Review::default()
        };
        let error = apply(&doc, &subs, &review, "rechtspraak")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("\"Jan Kwakernaak\"") && error.contains("still in the output"),
            "{error}"
        );
    }

    #[test]
    fn a_town_the_output_names_as_a_public_seat_survives_as_the_policy_keeps_it() {
        let survives = |output: &str| surviving_original(output, "Tiel", Category::Place);
        assert_eq!(
            survives("wonende te [woonplaats], gereden in Tiel."),
            Some(36)
        );
        assert_eq!(
            survives("wonende te [woonplaats], de rechtbank Tiel."),
            None
        );
        assert_eq!(
            survives("wonende te [woonplaats], advocaat te Tiel, gereden in Tiel."),
            None
        );
        // A person's name is never public so.
        assert_eq!(
            surviving_original("advocaat te Tiel, Tiel zei", "Tiel", Category::Person),
            Some(12)
        );
    }

    #[test]
    fn decisions_are_checked_against_the_log() {
        let (doc, subs) = logged(TEXT);
        let chars = doc.text.chars().count();
        let first = &subs[0];
        let entity = first.entity.clone().unwrap();
        let valid = [
            DecisionKind::Reject {
                start: first.start,
                end: first.end,
            },
            DecisionKind::RejectEntity {
                entity: entity.clone(),
            },
            DecisionKind::RenameEntity {
                entity: entity.clone(),
                pseudonym: "[getuige 1]".into(),
            },
            DecisionKind::Add {
                start: 0,
                end: 3,
                category: Category::Person,
                all_occurrences: true,
            },
        ];
        for kind in &valid {
            assert_eq!(validate_decision(kind, chars, &subs), Ok(()), "{kind:?}");
        }
        let invalid = [
            DecisionKind::Reject {
                start: first.end,
                end: first.start,
            },
            DecisionKind::Accept {
                start: first.start,
                end: first.end + 1,
            },
            DecisionKind::AcceptEntity {
                entity: "e999".into(),
            },
            DecisionKind::RenameEntity {
                entity,
                pseudonym: "[a]\n".into(),
            },
            DecisionKind::Add {
                start: 5,
                end: 5,
                category: Category::Person,
                all_occurrences: false,
            },
            DecisionKind::Add {
                start: 0,
                end: chars + 1,
                category: Category::Person,
                all_occurrences: false,
            },
            DecisionKind::Add {
                start: 0,
                end: 3,
                category: Category::KeepCaseNumber,
                all_occurrences: false,
            },
        ];
        for kind in &invalid {
            assert!(validate_decision(kind, chars, &subs).is_err(), "{kind:?}");
        }
    }

    #[test]
    fn placeholders_number_on() {
        let in_use = vec![
            "[persoon 1]".to_string(),
            "[adres 3]".into(),
            "[eiser]".into(),
        ];
        assert_eq!(next_placeholder("persoon", &in_use), "[persoon 2]");
        assert_eq!(next_placeholder("adres", &in_use), "[adres 4]");
        assert_eq!(next_placeholder("kenteken", &in_use), "[kenteken 1]");
    }
}
