//! `explain`: why one substitution or kept name is what it is, from the log alone (and the
//! editor's decisions when the document was reviewed). For an editor or an auditor who asks
//! "why did this become `[getuige 2]`?" without reading JSON.
//!
//! A reason in the log is the detector's reason followed by the resolve stage's decisions,
//! joined by "; " (cluster joins, roles, the place and organisation policies): each becomes
//! one line. The frame is in Dutch or English; the recorded reasons are printed as the log
//! holds them (English), since they are the audit trail.

use super::{load_review, read_log, review_path, DecisionKind, ReviewError};
use crate::write::{log_path, Substitution};
use std::fmt::Write as _;
use std::path::Path;

/// The language of the frame around the recorded reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Dutch,
    English,
}

/// What to explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The substitution or kept span at this code point of the input text.
    At(usize),
    /// Every mention of an entity (`e3`).
    Entity(String),
    /// A list of the document's entities.
    Overview,
}

struct Words {
    replaced: &'static str,
    kept: &'static str,
    by: &'static str,
    evidence: &'static str,
    confidence: &'static str,
    category: &'static str,
    entity: &'static str,
    mentions: &'static str,
    context: &'static str,
    why: &'static str,
    doubt: &'static str,
    review: &'static str,
    not_reviewed: &'static str,
    no_decision: &'static str,
    reviewed_by: &'static str,
    at: &'static str,
}

const DUTCH: Words = Words {
    replaced: "vervangen door",
    kept: "behouden",
    by: "gevonden door",
    evidence: "bewijs",
    confidence: "zekerheid",
    category: "soort",
    entity: "entiteit",
    mentions: "vermeldingen",
    context: "context",
    why: "waarom (zoals vastgelegd)",
    doubt: "twijfel",
    review: "beoordeling",
    not_reviewed: "nog niet beoordeeld",
    no_decision: "geen beslissing over deze vermelding",
    reviewed_by: "door",
    at: "op",
};

const ENGLISH: Words = Words {
    replaced: "replaced by",
    kept: "kept",
    by: "found by",
    evidence: "evidence",
    confidence: "confidence",
    category: "category",
    entity: "entity",
    mentions: "mentions",
    context: "context",
    why: "why (as recorded)",
    doubt: "doubt",
    review: "review",
    not_reviewed: "not reviewed yet",
    no_decision: "no decision on this mention",
    reviewed_by: "by",
    at: "at",
};

fn detector_name(detector: &str, language: Language) -> String {
    let dutch = language == Language::Dutch;
    match detector {
        "ner" if dutch => "het NER-model".to_string(),
        "ner" => "the NER model".to_string(),
        d if d.starts_with("rule:") && dutch => format!("de regel {}", &d[5..]),
        d if d.starts_with("rule:") => format!("the rule {}", &d[5..]),
        d if d.starts_with("resolve:") && dutch => {
            format!("het samenvoegen ({}): een eerder vervangen vorm", &d[8..])
        }
        d if d.starts_with("resolve:") => {
            format!("resolve ({}): a form replaced elsewhere", &d[8..])
        }
        d if d.starts_with("config:") && dutch => format!("de configuratie ({})", &d[7..]),
        d if d.starts_with("config:") => format!("the configuration ({})", &d[7..]),
        other => other.to_string(),
    }
}

/// Explains `target` in the document `document` (its id as the log names it) of the run
/// folder `out`.
pub fn explain(
    out: &Path,
    document: &str,
    target: &Target,
    language: Language,
) -> Result<String, ReviewError> {
    let output = out.join(document);
    let log = log_path(&output);
    let substitutions = read_log(&log)?;
    let doubts = read_doubts(&log)?;
    let review_file = review_path(&output);
    let review = review_file
        .exists()
        .then(|| load_review(&review_file, document))
        .transpose()?;
    let words = match language {
        Language::Dutch => &DUTCH,
        Language::English => &ENGLISH,
    };
    let invalid = |reason: String| ReviewError::Invalid {
        path: log.clone(),
        reason,
    };
    let mut text = String::new();
    match target {
        Target::At(offset) => {
            let found = substitutions
                .iter()
                .find(|s| s.start <= *offset && *offset < s.end)
                .ok_or_else(|| invalid(format!("no substitution or kept span at {offset}")))?;
            describe(&mut text, found, words, language);
            for (kind, start, end, message) in &doubts {
                if *start < found.end && found.start < *end {
                    let _ = writeln!(text, "  {}: {message} ({kind})", words.doubt);
                }
            }
            describe_review(&mut text, found, review.as_ref(), words);
        }
        Target::Entity(entity) => {
            let mentions: Vec<&Substitution> = substitutions
                .iter()
                .filter(|s| s.entity.as_deref() == Some(entity.as_str()))
                .collect();
            let first = mentions
                .first()
                .ok_or_else(|| invalid(format!("no entity {entity:?} in this log")))?;
            let _ = writeln!(
                text,
                "{} {entity}: {} {:?}, {} {}, {} {}",
                words.entity,
                words.replaced,
                first.replacement.as_deref().unwrap_or_default(),
                mentions.len(),
                words.mentions,
                words.category,
                serde_json::to_value(first.category)
                    .unwrap_or_default()
                    .as_str()
                    .unwrap_or_default(),
            );
            for mention in mentions {
                text.push('\n');
                describe(&mut text, mention, words, language);
                describe_review(&mut text, mention, review.as_ref(), words);
            }
        }
        Target::Overview => {
            let mut seen: Vec<(&str, &str, &str, usize)> = Vec::new();
            for s in &substitutions {
                let Some(entity) = s.entity.as_deref() else {
                    continue;
                };
                match seen.iter_mut().find(|(e, _, _, _)| *e == entity) {
                    Some(row) => row.3 += 1,
                    None => seen.push((
                        entity,
                        s.replacement.as_deref().unwrap_or_default(),
                        &s.original,
                        1,
                    )),
                }
            }
            for (entity, pseudonym, original, count) in seen {
                let _ = writeln!(
                    text,
                    "{entity}  {pseudonym}  {original:?}  {count} {}",
                    words.mentions
                );
            }
            let kept = substitutions.iter().filter(|s| s.entity.is_none()).count();
            let _ = writeln!(text, "{}: {kept}", words.kept);
        }
    }
    Ok(text)
}

fn describe(text: &mut String, s: &Substitution, words: &Words, language: Language) {
    let outcome = match &s.replacement {
        Some(replacement) => format!("{} {replacement:?}", words.replaced),
        None => words.kept.to_string(),
    };
    let category = serde_json::to_value(s.category).unwrap_or_default();
    let evidence = serde_json::to_value(s.evidence).unwrap_or_default();
    let _ = writeln!(text, "{:?} ({}..{}): {outcome}", s.original, s.start, s.end);
    let _ = writeln!(
        text,
        "  {}: {}; {}: {}; {}: {:.2}; {}: {}{}",
        words.by,
        detector_name(&s.detector, language),
        words.evidence,
        evidence.as_str().unwrap_or_default(),
        words.confidence,
        s.confidence,
        words.category,
        category.as_str().unwrap_or_default(),
        s.entity
            .as_deref()
            .map(|e| format!("; {} {e}", words.entity))
            .unwrap_or_default(),
    );
    if let Some(element) = &s.element {
        let _ = writeln!(text, "  element: {element}");
    }
    let _ = writeln!(text, "  {}: {:?}", words.context, s.context);
    let _ = writeln!(text, "  {}:", words.why);
    for step in s.reason.split("; ").filter(|step| !step.is_empty()) {
        let _ = writeln!(text, "    - {step}");
    }
}

fn describe_review(
    text: &mut String,
    s: &Substitution,
    review: Option<&super::Review>,
    words: &Words,
) {
    let Some(review) = review else {
        let _ = writeln!(text, "  {}: {}", words.review, words.not_reviewed);
        return;
    };
    let decisions: Vec<String> = review
        .decisions
        .iter()
        .filter(|d| match &d.kind {
            DecisionKind::Accept { start, end } | DecisionKind::Reject { start, end } => {
                *start == s.start && *end == s.end
            }
            DecisionKind::Add { start, end, .. } => *start < s.end && s.start < *end,
            DecisionKind::AcceptEntity { entity }
            | DecisionKind::RejectEntity { entity }
            | DecisionKind::RenameEntity { entity, .. } => s.entity.as_deref() == Some(entity),
        })
        .map(|d| {
            let what = serde_json::to_value(&d.kind).unwrap_or_default();
            format!(
                "{} {} {} {} {}",
                what["action"].as_str().unwrap_or_default(),
                words.reviewed_by,
                d.reviewer,
                words.at,
                d.at
            ) + &what["pseudonym"]
                .as_str()
                .map(|p| format!(" ({p:?})"))
                .unwrap_or_default()
        })
        .collect();
    if decisions.is_empty() {
        let _ = writeln!(text, "  {}: {}", words.review, words.no_decision);
    }
    for decision in decisions {
        let _ = writeln!(text, "  {}: {decision}", words.review);
    }
}

/// The `doubt` records of a log: kind, start, end, message.
fn read_doubts(log: &Path) -> Result<Vec<(String, usize, usize, String)>, ReviewError> {
    let text = std::fs::read_to_string(log).map_err(|source| crate::error::Error::Read {
        path: log.to_path_buf(),
        source,
    })?;
    Ok(text
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|v| v["type"] == "doubt")
        .map(|v| {
            (
                v["kind"].as_str().unwrap_or_default().to_string(),
                v["start"].as_u64().unwrap_or_default() as usize,
                v["end"].as_u64().unwrap_or_default() as usize,
                v["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect())
}
