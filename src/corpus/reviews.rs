//! Editors teach the model: reviewed rulings become gold documents (`corpus from-reviews`),
//! and a simulated editor reviews a run against gold (`corpus simulate-review`), so that the
//! gain of learning from reviews can be measured without waiting for real editors.
//!
//! A document from reviews is a gold document (same format, `eval` and training read it)
//! with three more fields: `rejected` (the spans the editor rejected: hard negatives that
//! training may weigh), `reviewer` and `reviewed_at`. Accepted and unreviewed replacements of
//! a reviewed ruling are its labels, added spans too (with their other occurrences when the
//! editor asked for them), kept professionals are PROFESSIONAL, and an entity the editor gave
//! another placeholder carries it in `placeholder` (without brackets), as refilled gold does.

use crate::corpus::gold::{is_replace_label, GoldDocument, GoldSpan};
use crate::detect::is_word_bounded;
use crate::eval::gold_label;
use crate::model::{Action, Category};
use crate::review::{
    begin_field, load_review, read_log, review_path, run_documents, save_review, Decision,
    DecisionKind, Review, ReviewError,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A reviewed ruling as a gold document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedDocument {
    #[serde(flatten)]
    pub gold: GoldDocument,
    /// Replacements the editor rejected: text that looked like a name and is not one.
    pub rejected: Vec<GoldSpan>,
    pub reviewer: Option<String>,
    pub reviewed_at: Option<String>,
}

/// The category a gold label is replaced as.
pub fn category_of_label(label: &str) -> Option<Category> {
    Some(match label {
        "PERSON" => Category::Person,
        "ADDRESS" => Category::Address,
        "PLACE" => Category::Place,
        "DATE_OF_BIRTH" => Category::DateOfBirth,
        "BSN" => Category::Bsn,
        "IBAN" => Category::Iban,
        "PHONE" => Category::Phone,
        "EMAIL" => Category::Email,
        "LICENSE_PLATE" => Category::LicensePlate,
        "ID_NUMBER" => Category::IdNumber,
        "ORGANISATION" => Category::Organisation,
        _ => return None,
    })
}

fn invalid(path: &Path, reason: String) -> ReviewError {
    ReviewError::Invalid {
        path: path.to_path_buf(),
        reason,
    }
}

/// Code point offsets of every occurrence of `needle` as a word in `text`.
fn word_occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (byte, _) in text.match_indices(needle) {
        if is_word_bounded(text, byte, byte + needle.len()) {
            let start = text[..byte].chars().count();
            found.push((start, start + needle.chars().count()));
        }
    }
    found
}

/// Gold documents from the reviewed rulings of the run folders `outs`. Only rulings marked
/// reviewed are taken unless `include_unreviewed`. A ruling whose input changed since the
/// run (its SHA-256 differs from the log's) is refused: the offsets would no longer fit.
pub fn from_reviews(
    outs: &[PathBuf],
    include_unreviewed: bool,
) -> Result<Vec<ReviewedDocument>, ReviewError> {
    let mut documents = Vec::new();
    for out in outs {
        for run_document in run_documents(out)? {
            let (Some(output), Some(log)) = (&run_document.output, &run_document.log) else {
                continue;
            };
            let (output, log) = (out.join(output), out.join(log));
            let review = load_review(&review_path(&output), &run_document.document)?;
            if !review.reviewed && !include_unreviewed {
                continue;
            }
            let input = &run_document.input;
            let bytes = std::fs::read(input).map_err(|source| crate::error::Error::Read {
                path: input.clone(),
                source,
            })?;
            if crate::write::sha256_hex(&bytes) != begin_field(&log, "input_sha256")? {
                return Err(invalid(
                    input,
                    format!(
                        "changed since the run that wrote {}; run it again before learning from its review",
                        log.display()
                    ),
                ));
            }
            let doc = crate::read::parse(input, &run_document.document, bytes, u64::MAX)?;
            documents.push(reviewed_document(&doc.text, &read_log(&log)?, &review));
        }
    }
    Ok(documents)
}

/// One ruling's gold from its log and review.
fn reviewed_document(
    text: &str,
    logged: &[crate::write::Substitution],
    review: &Review,
) -> ReviewedDocument {
    let mut rejected_spans: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut rejected_entities: BTreeSet<&str> = BTreeSet::new();
    let mut placeholders: BTreeMap<&str, String> = BTreeMap::new();
    let mut added: Vec<GoldSpan> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for decision in &review.decisions {
        match &decision.kind {
            DecisionKind::Reject { start, end } => {
                rejected_spans.insert((*start, *end));
            }
            DecisionKind::RejectEntity { entity } => {
                rejected_entities.insert(entity);
            }
            DecisionKind::RenameEntity { entity, pseudonym } => {
                let bare = pseudonym.trim_start_matches('[').trim_end_matches(']');
                placeholders.insert(entity, bare.to_string());
            }
            DecisionKind::Add {
                start,
                end,
                category,
                all_occurrences,
            } => {
                let Some(label) = gold_label(*category) else {
                    continue;
                };
                let span = |(start, end): (usize, usize)| GoldSpan {
                    start,
                    end,
                    label: label.to_string(),
                    entity: None,
                    placeholder: None,
                };
                if *all_occurrences {
                    let needle: String = chars[*start..(*end).min(chars.len())].iter().collect();
                    added.extend(word_occurrences(text, &needle).into_iter().map(span));
                } else {
                    added.push(span((*start, *end)));
                }
            }
            DecisionKind::Accept { .. } | DecisionKind::AcceptEntity { .. } => {}
        }
    }
    let mut entities = Vec::new();
    let mut rejected = Vec::new();
    for s in logged {
        let label = match s.action {
            Action::Replace => gold_label(s.category),
            Action::Keep if s.category == Category::Professional => Some("PROFESSIONAL"),
            Action::Keep => None,
        };
        let Some(label) = label else {
            continue;
        };
        let span = GoldSpan {
            start: s.start,
            end: s.end,
            label: label.to_string(),
            entity: s.entity.clone(),
            placeholder: s
                .entity
                .as_deref()
                .and_then(|e| placeholders.get(e).cloned()),
        };
        let is_rejected = rejected_spans.contains(&(s.start, s.end))
            || s.entity
                .as_deref()
                .is_some_and(|e| rejected_entities.contains(e));
        if is_rejected && s.action == Action::Replace {
            rejected.push(span);
        } else {
            entities.push(span);
        }
    }
    // An added span that a logged one already covers adds nothing.
    for span in added {
        if !entities
            .iter()
            .any(|e| e.start < span.end && span.start < e.end)
        {
            entities.push(span);
        }
    }
    entities.sort_by_key(|s| (s.start, s.end));
    ReviewedDocument {
        gold: GoldDocument {
            id: review.document.clone(),
            text: text.to_string(),
            entities,
        },
        rejected,
        reviewer: review.reviewer.clone(),
        reviewed_at: review.reviewed_at.clone(),
    }
}

/// What a simulated review did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SimulatedReview {
    pub documents: usize,
    pub accepted: usize,
    pub rejected: usize,
    pub added: usize,
    /// Documents of the run no gold document matched (left unreviewed).
    pub unmatched: Vec<String>,
}

/// The gold document of a run's document: the same id, or an id whose file-name form
/// (`ECLI:NL:HR:2022:1` → `ECLI_NL_HR_2022_1`) is the document's file stem.
fn matching_gold<'g>(gold: &'g [GoldDocument], document: &str) -> Option<&'g GoldDocument> {
    let stem = Path::new(document)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    gold.iter()
        .find(|g| g.id == document)
        .or_else(|| gold.iter().find(|g| g.id.replace(':', "_") == stem))
}

/// Reviews every document of the run folder `out` as an editor who knows the gold would:
/// accepts the replacements that overlap a span to replace, rejects the others, adds the
/// spans to replace that nothing replaced, marks the ruling reviewed. Writes the same
/// `<output>.review.json` files `review` writes.
pub fn simulate_review(
    out: &Path,
    gold: &[GoldDocument],
    reviewer: &str,
    at: &str,
) -> Result<SimulatedReview, ReviewError> {
    let mut report = SimulatedReview::default();
    for run_document in run_documents(out)? {
        let (Some(output), Some(log)) = (&run_document.output, &run_document.log) else {
            continue;
        };
        let Some(gold) = matching_gold(gold, &run_document.document) else {
            report.unmatched.push(run_document.document.clone());
            continue;
        };
        let (output, log) = (out.join(output), out.join(log));
        let logged = read_log(&log)?;
        let chars = gold.text.chars().count();
        if let Some(past) = logged.iter().find(|s| s.end > chars) {
            return Err(invalid(
                &log,
                format!(
                    "a substitution ends at {} but gold {:?} has {chars} characters: not the same text",
                    past.end, gold.id
                ),
            ));
        }
        let to_replace: Vec<&GoldSpan> = gold
            .entities
            .iter()
            .filter(|e| is_replace_label(&e.label))
            .collect();
        let decide = |kind: DecisionKind| Decision {
            kind,
            reviewer: reviewer.to_string(),
            at: at.to_string(),
        };
        let mut decisions = Vec::new();
        let replaced: Vec<&crate::write::Substitution> = logged
            .iter()
            .filter(|s| s.action == Action::Replace)
            .collect();
        for s in &replaced {
            let right = to_replace
                .iter()
                .any(|g| g.start < s.end && s.start < g.end);
            let (start, end) = (s.start, s.end);
            if right {
                report.accepted += 1;
                decisions.push(decide(DecisionKind::Accept { start, end }));
            } else {
                report.rejected += 1;
                decisions.push(decide(DecisionKind::Reject { start, end }));
            }
        }
        for g in &to_replace {
            if replaced.iter().any(|s| s.start < g.end && g.start < s.end) {
                continue;
            }
            let Some(category) = category_of_label(&g.label) else {
                continue;
            };
            report.added += 1;
            decisions.push(decide(DecisionKind::Add {
                start: g.start,
                end: g.end,
                category,
                all_occurrences: false,
            }));
        }
        let review = Review {
            document: run_document.document.clone(),
            reviewed: true,
            reviewer: Some(reviewer.to_string()),
            reviewed_at: Some(at.to_string()),
            decisions,
        };
        save_review(&review_path(&output), &review)?;
        report.documents += 1;
    }
    Ok(report)
}
