//! `schuilnaam eval`: run the pipeline on gold documents and measure what leaks.
//!
//! Scores per gold label, matching predictions to gold spans of the same label:
//! * **overlap**: a gold span is found when a replaced span of its label overlaps it; a
//!   prediction is correct when it overlaps a gold span of its label;
//! * **exact**: the same, but start and end must be equal.
//!
//! Predicted categories map to gold labels (`postcode` → ADDRESS, `url` and `ip_address` →
//! ID_NUMBER, the rest by name). `micro` sums over the labels to replace.
//!
//! * **leak rate**: the share of documents in which at least one gold span to replace
//!   survives verbatim, that is, no replacement touches any of its characters;
//! * **partial leak rate**: the share of documents in which a gold PERSON span was replaced
//!   in part and a word of the name survives whole: "Buran-La [verdachte]" for "Buran-La
//!   Verge" (a word of three letters or more with a capital, not a surname prefix; the leak
//!   rate does not count these);
//! * **kept rate**: the share of PROFESSIONAL and KEEP_* spans that no replacement touches.
//! * **roles**: over gold PERSON mentions whose editors' placeholder names a role
//!   (`"placeholder": "aangever 1"`), the share whose pseudonym names the same role
//!   (`agreement`), another role (`contradiction`: calling a complainant the suspect), no
//!   role (`generic`: `[persoon 1]`), or that nothing replaced (`missed`); per role and
//!   overall.

use crate::corpus::gold::{
    is_keep_label, is_replace_label, GoldDocument, GoldSpan, REPLACE_LABELS,
};
use crate::model::{Action, Category, Document, StageTimings};
use crate::pipeline::Pipeline;
use crate::resolve::roles::role_of_placeholder;
use crate::write::LogRecord;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The gold label a predicted category counts as.
pub fn gold_label(category: Category) -> Option<&'static str> {
    Some(match category {
        Category::Person => "PERSON",
        Category::Address | Category::Postcode => "ADDRESS",
        Category::Place => "PLACE",
        Category::DateOfBirth => "DATE_OF_BIRTH",
        Category::Bsn => "BSN",
        Category::Iban => "IBAN",
        Category::Phone => "PHONE",
        Category::Email => "EMAIL",
        Category::LicensePlate => "LICENSE_PLATE",
        Category::IdNumber | Category::Url | Category::IpAddress => "ID_NUMBER",
        Category::Organisation => "ORGANISATION",
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct LabelScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

/// The machine-readable report (`eval --json`): exactly these keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalSummary {
    pub per_label: BTreeMap<String, LabelScores>,
    pub micro: Scores,
    pub leak_rate: f64,
    /// The share of documents with a surviving gold span that no doubt of the review covers
    /// (by place, or by a doubt about the same text elsewhere).
    pub unflagged_leak_rate: f64,
    /// The share of documents where a word of a person's name survives a partial
    /// replacement (absent from reports written before it was measured).
    #[serde(default)]
    pub partial_leak_rate: f64,
    /// Doubts per document, one per kind and text (an editor settles "Strigt" once).
    pub doubts_per_document: f64,
    pub kept_rate: f64,
    pub documents: usize,
    pub roles: RoleSummary,
    /// Why the leaking documents leak: per cause, the share of documents with a surviving
    /// span of that cause (a document may count under several). `not found` is what no
    /// detector found; `kept: place` and the other `kept:` causes are spans the pipeline saw
    /// and kept by a stated rule (the place policy, a professional, a legal person,
    /// `kept: address` an institution's address), where this ruling's editors chose
    /// otherwise. Absent from reports written before it was measured.
    #[serde(default)]
    pub leak_causes: BTreeMap<String, f64>,
}

/// How person mentions with an editors' role fared (`roles` in `eval --json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleSummary {
    pub overall: RoleScores,
    pub per_role: BTreeMap<String, RoleScores>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleScores {
    pub role_agreement: f64,
    pub role_contradiction: f64,
    pub role_generic: f64,
    pub missed: f64,
    pub mentions: usize,
}

/// Person mentions with an editors' role, by what their pseudonym said.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RoleCounts {
    pub mentions: usize,
    pub agreement: usize,
    pub contradiction: usize,
    pub generic: usize,
    pub missed: usize,
}

impl RoleCounts {
    fn add(&mut self, other: &RoleCounts) {
        self.mentions += other.mentions;
        self.agreement += other.agreement;
        self.contradiction += other.contradiction;
        self.generic += other.generic;
        self.missed += other.missed;
    }

    pub fn scores(&self) -> RoleScores {
        RoleScores {
            role_agreement: ratio(self.agreement, self.mentions),
            role_contradiction: ratio(self.contradiction, self.mentions),
            role_generic: ratio(self.generic, self.mentions),
            missed: ratio(self.missed, self.mentions),
            mentions: self.mentions,
        }
    }
}

/// In the gold name at `start..end` (code points), the first word that no replacement
/// `covered` at all: letters (a hyphen ends a word), three or more, starting with a capital,
/// not a surname prefix ("Van", "La"). `None` when every such word was replaced at least in
/// part.
fn surviving_name_word(
    chars: &[char],
    start: usize,
    end: usize,
    covered: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let mut at = start;
    while at < end {
        if !chars[at].is_alphabetic() {
            at += 1;
            continue;
        }
        let word_start = at;
        while at < end && chars[at].is_alphabetic() {
            at += 1;
        }
        let word: String = chars[word_start..at].iter().collect();
        let name_like = word.chars().count() >= 3
            && word.starts_with(char::is_uppercase)
            && !crate::detect::SURNAME_PREFIXES.contains(&word.to_lowercase().as_str());
        if name_like && !(word_start..at).any(&covered) {
            return Some((word_start, at));
        }
    }
    None
}

/// A gold span to replace that survived verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub document: String,
    pub label: String,
    pub text: String,
    pub context: String,
    /// For a miss: whether no doubt of the review covers it (an editor reading only the
    /// doubts would not see it). Always false for a false alarm.
    pub unflagged: bool,
}

impl Miss {
    /// The span `start..end` (code points) of a gold document, with its context.
    fn at(gold: &GoldDocument, label: &str, chars: &[char], start: usize, end: usize) -> Miss {
        Miss {
            document: gold.id.clone(),
            label: label.to_string(),
            text: chars[start..end].iter().collect(),
            context: context(chars, start, end),
            unflagged: false,
        }
    }
}

/// Groups spans by label and lower-cased text, most frequent first, one context each.
fn most_frequent(spans: &[Miss], limit: usize) -> Vec<(usize, &Miss)> {
    // Unflagged misses group apart: they are what review would not show.
    let mut groups: BTreeMap<(String, String, bool), (usize, &Miss)> = BTreeMap::new();
    for span in spans {
        let key = (span.label.clone(), span.text.to_lowercase(), span.unflagged);
        groups.entry(key).or_insert((0, span)).0 += 1;
    }
    let mut ranked: Vec<(usize, &Miss)> = groups.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.label.cmp(&b.1.label)));
    ranked.truncate(limit);
    ranked
}

/// `part / whole`, or 0 for an empty whole.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Counts for one label under one matching rule.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub gold_found: usize,
    pub predicted: usize,
    pub predicted_correct: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.gold_found += other.gold_found;
        self.predicted += other.predicted;
        self.predicted_correct += other.predicted_correct;
    }

    pub fn scores(&self) -> Scores {
        let precision = ratio(self.predicted_correct, self.predicted);
        let recall = ratio(self.gold_found, self.gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Scores {
            precision,
            recall,
            f1,
        }
    }
}

/// Everything eval measured; [`EvalReport::summary`] is the `--json` form.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    pub overlap: BTreeMap<String, Counts>,
    pub exact: BTreeMap<String, Counts>,
    pub documents: usize,
    pub leaking_documents: usize,
    /// Documents with a surviving gold span that no doubt covers.
    pub unflagged_leaking_documents: usize,
    /// Documents where a word of a person's name survives a partial replacement.
    pub partially_leaking_documents: usize,
    /// Per leak cause ([`leak_cause`]), the documents with a surviving span of that cause.
    pub leak_causes: BTreeMap<String, usize>,
    /// Doubts over all documents, one per kind and text in each.
    pub doubts: usize,
    pub kept_total: usize,
    pub kept_intact: usize,
    pub misses: Vec<Miss>,
    /// Replaced spans that no gold span of the same label overlaps (precision's losses).
    pub false_alarms: Vec<Miss>,
    pub consistency: ConsistencyCounts,
    /// Per editors' role.
    pub roles: BTreeMap<String, RoleCounts>,
    /// Mentions whose pseudonym named another role than the editors', or none:
    /// (editors' role, ours or "(none)", the mention).
    pub role_errors: Vec<(String, String, Miss)>,
    /// Each document's outcome, in the gold file's order (`eval --json --per-document`).
    pub per_document: Vec<DocumentOutcome>,
}

/// What one document's evaluation came to: enough to compare two models ruling by ruling
/// (which rulings one of them leaks and the other does not).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOutcome {
    pub id: String,
    /// A gold span to replace survived verbatim.
    pub leaked: bool,
    /// One survived that no doubt covers.
    pub unflagged_leak: bool,
    /// Gold spans to replace, and those of them that survived.
    pub spans: usize,
    pub missed: usize,
    /// Replaced spans that no gold span of the same label overlaps.
    pub false_alarms: usize,
    pub doubts: usize,
}

fn micro(counts: &BTreeMap<String, Counts>) -> Counts {
    let mut total = Counts::default();
    for (label, c) in counts {
        if is_replace_label(label) {
            total.add(c);
        }
    }
    total
}

impl EvalReport {
    pub fn summary(&self) -> EvalSummary {
        EvalSummary {
            per_label: self
                .overlap
                .iter()
                .map(|(label, c)| {
                    let s = c.scores();
                    (
                        label.clone(),
                        LabelScores {
                            precision: s.precision,
                            recall: s.recall,
                            f1: s.f1,
                            support: c.gold,
                        },
                    )
                })
                .collect(),
            micro: micro(&self.overlap).scores(),
            leak_rate: ratio(self.leaking_documents, self.documents),
            unflagged_leak_rate: ratio(self.unflagged_leaking_documents, self.documents),
            partial_leak_rate: ratio(self.partially_leaking_documents, self.documents),
            doubts_per_document: ratio(self.doubts, self.documents),
            kept_rate: if self.kept_total == 0 {
                1.0
            } else {
                ratio(self.kept_intact, self.kept_total)
            },
            documents: self.documents,
            leak_causes: self
                .leak_causes
                .iter()
                .map(|(cause, documents)| (cause.clone(), ratio(*documents, self.documents)))
                .collect(),
            roles: RoleSummary {
                overall: self.all_roles().scores(),
                per_role: self
                    .roles
                    .iter()
                    .map(|(role, counts)| (role.clone(), counts.scores()))
                    .collect(),
            },
        }
    }

    fn all_roles(&self) -> RoleCounts {
        let mut total = RoleCounts::default();
        for counts in self.roles.values() {
            total.add(counts);
        }
        total
    }

    /// The most frequent missed strings, with one context each.
    pub fn worst_misses(&self, limit: usize) -> Vec<(usize, &Miss)> {
        most_frequent(&self.misses, limit)
    }

    /// The most frequent wrongly replaced strings, with one context each.
    pub fn worst_false_alarms(&self, limit: usize) -> Vec<(usize, &Miss)> {
        most_frequent(&self.false_alarms, limit)
    }

    /// A table for people: per label, overlap and exact scores, then the totals.
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "{:<16} {:>7}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}\n",
            "label", "support", "P", "R", "F1", "P=", "R=", "F1="
        ));
        let row = |name: &str, support: usize, o: Scores, e: Scores| {
            format!(
                "{:<16} {:>7}   {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}\n",
                name, support, o.precision, o.recall, o.f1, e.precision, e.recall, e.f1
            )
        };
        for (label, counts) in &self.overlap {
            let exact = self.exact.get(label).copied().unwrap_or_default();
            out.push_str(&row(label, counts.gold, counts.scores(), exact.scores()));
        }
        let total = micro(&self.overlap);
        out.push_str(&row(
            "micro (replace)",
            total.gold,
            total.scores(),
            micro(&self.exact).scores(),
        ));
        let summary = self.summary();
        out.push_str(&format!(
            "\nP/R/F1: overlap match; P=/R=/F1=: exact match.\ndocuments {}, leak rate {:.3} ({} documents with a span that survived verbatim), kept rate {:.3} ({} of {} professional and KEEP_* spans intact)\n",
            self.documents,
            summary.leak_rate,
            self.leaking_documents,
            summary.kept_rate,
            self.kept_intact,
            self.kept_total
        ));
        out.push_str(&format!(
            "unflagged leak rate {:.3} ({} documents with a surviving span no doubt covers), {:.2} doubts per document\n",
            summary.unflagged_leak_rate, self.unflagged_leaking_documents, summary.doubts_per_document
        ));
        if !self.leak_causes.is_empty() {
            let causes: Vec<String> = self
                .leak_causes
                .iter()
                .map(|(cause, documents)| format!("{cause} {documents}"))
                .collect();
            out.push_str(&format!(
                "leaking documents by cause (a document may have several): {}\n",
                causes.join(", ")
            ));
        }
        out.push_str(&format!(
            "partial leak rate {:.3} ({} documents where a word of a replaced person's name survives; \"PERSON (part)\" in the misses)\n",
            summary.partial_leak_rate, self.partially_leaking_documents
        ));
        let consistency = self.consistency.scores();
        out.push_str(&format!(
            "consistency over {} gold entities with a replaced mention: {:.3} got one pseudonym for all their mentions, {:.3} a pseudonym no other entity got\n",
            consistency.entities,
            consistency.same_entity_same_pseudonym,
            consistency.distinct_entities_distinct_pseudonyms
        ));
        out.push_str(&format!(
            "\n{:<16} {:>8} {:>9} {:>13} {:>8} {:>7}\n",
            "editors' role", "mentions", "agreement", "contradiction", "generic", "missed"
        ));
        let role_row = |name: &str, c: &RoleCounts| {
            let s = c.scores();
            format!(
                "{:<16} {:>8} {:>9.3} {:>13.3} {:>8.3} {:>7.3}\n",
                name, c.mentions, s.role_agreement, s.role_contradiction, s.role_generic, s.missed
            )
        };
        let mut by_size: Vec<(&String, &RoleCounts)> = self.roles.iter().collect();
        by_size.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
        for (role, counts) in by_size {
            out.push_str(&role_row(role, counts));
        }
        out.push_str(&role_row("all roles", &self.all_roles()));
        out
    }

    /// The most frequent role errors: (count, editors' role, ours, one example).
    pub fn worst_role_errors(&self, limit: usize) -> Vec<(usize, String, String, &Miss)> {
        let mut groups: BTreeMap<(&str, &str), (usize, &Miss)> = BTreeMap::new();
        for (editors, ours, miss) in &self.role_errors {
            groups.entry((editors, ours)).or_insert((0, miss)).0 += 1;
        }
        let mut ranked: Vec<(usize, String, String, &Miss)> = groups
            .into_iter()
            .map(|((e, o), (n, m))| (n, e.to_string(), o.to_string(), m))
            .collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
        ranked.truncate(limit);
        ranked
    }
}

/// A predicted replacement in code points.
struct Predicted {
    start: usize,
    end: usize,
    label: Option<&'static str>,
    replacement: String,
}

/// Counts behind the consistency score, over gold entities (spans sharing an `entity` id)
/// with at least one replaced mention.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ConsistencyCounts {
    pub entities: usize,
    /// Entities whose replaced mentions all received the same pseudonym.
    pub uniform: usize,
    /// Entities whose pseudonym no other gold entity of the document received.
    pub distinct: usize,
}

impl ConsistencyCounts {
    fn add(&mut self, other: &ConsistencyCounts) {
        self.entities += other.entities;
        self.uniform += other.uniform;
        self.distinct += other.distinct;
    }

    pub fn scores(&self) -> Consistency {
        Consistency {
            same_entity_same_pseudonym: ratio(self.uniform, self.entities),
            distinct_entities_distinct_pseudonyms: ratio(self.distinct, self.entities),
            entities: self.entities,
        }
    }
}

/// The consistency score (`eval --json --consistency`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Consistency {
    pub same_entity_same_pseudonym: f64,
    pub distinct_entities_distinct_pseudonyms: f64,
    pub entities: usize,
}

/// For each gold entity, the pseudonyms its mentions received (the replacement that
/// overlaps each mention most), then whether they agree and whether another entity got the
/// same one. Mentions that nothing replaced are leaks, counted by recall, not here.
fn consistency(gold: &GoldDocument, predicted: &[Predicted]) -> ConsistencyCounts {
    let mut received: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for span in &gold.entities {
        let Some(entity) = span.entity.as_deref() else {
            continue;
        };
        if !is_replace_label(&span.label) {
            continue;
        }
        if let Some(p) = best_replacement(predicted, span) {
            received
                .entry(entity)
                .or_default()
                .push(p.replacement.as_str());
        }
    }
    let majority = |pseudonyms: &Vec<&str>| -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for p in pseudonyms {
            *counts.entry(p).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|&(p, n)| (n, std::cmp::Reverse(p)))
            .map(|(p, _)| p.to_string())
            .unwrap_or_default()
    };
    let majorities: BTreeMap<&str, String> =
        received.iter().map(|(e, p)| (*e, majority(p))).collect();
    let mut counts = ConsistencyCounts::default();
    for (entity, pseudonyms) in &received {
        counts.entities += 1;
        counts.uniform += usize::from(pseudonyms.iter().all(|p| *p == pseudonyms[0]));
        let own = &majorities[entity];
        counts.distinct += usize::from(
            !majorities
                .iter()
                .any(|(other, theirs)| other != entity && theirs == own),
        );
    }
    counts
}

/// The replacement that overlaps a gold span most.
fn best_replacement<'a>(predicted: &'a [Predicted], span: &GoldSpan) -> Option<&'a Predicted> {
    predicted
        .iter()
        .filter(|p| overlaps((p.start, p.end), (span.start, span.end)))
        .max_by_key(|p| p.end.min(span.end) - p.start.max(span.start))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn context(chars: &[char], start: usize, end: usize) -> String {
    let from = start.saturating_sub(40);
    let to = (end + 40).min(chars.len());
    chars[from..to]
        .iter()
        .collect::<String>()
        .replace('\n', " ")
}

/// Scores one document.
fn evaluate_document(pipeline: &Pipeline, gold: &GoldDocument) -> EvalReport {
    let doc = Document::from_text(gold.id.clone(), gold.text.clone());
    // A document the pipeline refuses (over a limit) replaces nothing: every span leaks.
    let log = match pipeline.process(&doc, StageTimings::default()) {
        Ok(processed) => processed.rendered.log,
        Err(error) => {
            eprintln!("schuilnaam: eval: {error}");
            Vec::new()
        }
    };
    let predicted: Vec<Predicted> = log
        .iter()
        .filter_map(|record| match record {
            LogRecord::Substitution(s) if s.action == Action::Replace => Some(Predicted {
                start: s.start,
                end: s.end,
                label: gold_label(s.category),
                replacement: s.replacement.clone().unwrap_or_default(),
            }),
            _ => None,
        })
        .collect();
    let kept: Vec<(usize, usize, Category)> = log
        .iter()
        .filter_map(|record| match record {
            LogRecord::Substitution(s) if s.action == Action::Keep => {
                Some((s.start, s.end, s.category))
            }
            _ => None,
        })
        .collect();
    let chars: Vec<char> = gold.text.chars().collect();
    // The doubts as the log records them (the review's first list).
    let doubts: Vec<crate::review::flags::Flag> = log
        .iter()
        .filter_map(|record| match record {
            LogRecord::Doubt {
                kind,
                start,
                end,
                message,
                ..
            } => Some(crate::review::flags::Flag {
                kind: crate::review::flags::kind_name(kind),
                start: *start,
                end: *end,
                message: message.clone(),
            }),
            _ => None,
        })
        .collect();
    let doubted_texts: std::collections::BTreeSet<String> = doubts
        .iter()
        .map(|d| {
            chars[d.start.min(chars.len())..d.end.min(chars.len())]
                .iter()
                .collect()
        })
        .collect();
    let doubted = |start: usize, end: usize| {
        doubts.iter().any(|d| d.start < end && start < d.end)
            || doubted_texts.contains(&chars[start..end].iter().collect::<String>())
    };
    let mut report = EvalReport {
        documents: 1,
        doubts: crate::review::flags::distinct_doubts(&gold.text, &doubts),
        ..EvalReport::default()
    };
    let mut leaked_unflagged = false;
    for label in REPLACE_LABELS {
        report.overlap.entry(label.to_string()).or_default();
        report.exact.entry(label.to_string()).or_default();
    }
    let mut leaked = false;
    let mut partly_leaked = false;
    let mut missed = 0;
    for span in &gold.entities {
        let range = (span.start, span.end);
        let touched = predicted.iter().any(|p| overlaps((p.start, p.end), range));
        if is_keep_label(&span.label) {
            report.kept_total += 1;
            report.kept_intact += usize::from(!touched);
            continue;
        }
        let same_label = |p: &&Predicted| p.label == Some(span.label.as_str());
        let overlap = report.overlap.entry(span.label.clone()).or_default();
        overlap.gold += 1;
        overlap.gold_found += usize::from(
            predicted
                .iter()
                .filter(same_label)
                .any(|p| overlaps((p.start, p.end), range)),
        );
        let exact = report.exact.entry(span.label.clone()).or_default();
        exact.gold += 1;
        exact.gold_found += usize::from(
            predicted
                .iter()
                .filter(same_label)
                .any(|p| (p.start, p.end) == range),
        );
        if touched && span.label == "PERSON" {
            let covered = |at: usize| predicted.iter().any(|p| p.start <= at && at < p.end);
            if let Some((start, end)) = surviving_name_word(&chars, span.start, span.end, covered) {
                partly_leaked = true;
                report.misses.push(Miss {
                    unflagged: !doubted(start, end),
                    ..Miss::at(gold, "PERSON (part)", &chars, start, end)
                });
            }
        }
        if !touched {
            leaked = true;
            missed += 1;
            report.leak_causes.insert(leak_cause(&kept, range), 1);
            let unflagged = !doubted(span.start, span.end);
            leaked_unflagged |= unflagged;
            report.misses.push(Miss {
                unflagged,
                ..Miss::at(gold, &span.label, &chars, span.start, span.end)
            });
        }
    }
    for p in &predicted {
        let Some(label) = p.label else { continue };
        let same_label = gold.entities.iter().filter(|g| g.label == label);
        let correct_overlap = same_label
            .clone()
            .any(|g| overlaps((g.start, g.end), (p.start, p.end)));
        let correct_exact = same_label
            .clone()
            .any(|g| (g.start, g.end) == (p.start, p.end));
        if !correct_overlap {
            report
                .false_alarms
                .push(Miss::at(gold, label, &chars, p.start, p.end));
        }
        let overlap = report.overlap.entry(label.to_string()).or_default();
        overlap.predicted += 1;
        overlap.predicted_correct += usize::from(correct_overlap);
        let exact = report.exact.entry(label.to_string()).or_default();
        exact.predicted += 1;
        exact.predicted_correct += usize::from(correct_exact);
    }
    report.leaking_documents = usize::from(leaked);
    report.unflagged_leaking_documents = usize::from(leaked_unflagged);
    report.partially_leaking_documents = usize::from(partly_leaked);
    report.per_document.push(DocumentOutcome {
        id: gold.id.clone(),
        leaked,
        unflagged_leak: leaked_unflagged,
        spans: report.overlap.values().map(|c| c.gold).sum(),
        missed,
        false_alarms: report.false_alarms.len(),
        doubts: report.doubts,
    });
    report.consistency = consistency(gold, &predicted);
    score_roles(gold, &predicted, &chars, &mut report);
    report
}

/// Why a gold span to replace survived: what the pipeline kept over it (the first kept
/// mention that overlaps it, by its category), or `not found` when nothing covers it.
fn leak_cause(kept: &[(usize, usize, Category)], span: (usize, usize)) -> String {
    match kept.iter().find(|k| overlaps((k.0, k.1), span)) {
        None => "not found".to_string(),
        Some((_, _, category)) => format!("kept: {}", category.name()),
    }
}

/// What each gold person mention with an editors' role received: the replacement that
/// overlaps it most, and the role its pseudonym names.
fn score_roles(
    gold: &GoldDocument,
    predicted: &[Predicted],
    chars: &[char],
    report: &mut EvalReport,
) {
    for span in &gold.entities {
        if span.label != "PERSON" {
            continue;
        }
        let Some(editors) = span.placeholder.as_deref().and_then(role_of_placeholder) else {
            continue;
        };
        let counts = report.roles.entry(editors.to_string()).or_default();
        counts.mentions += 1;
        let Some(best) = best_replacement(predicted, span) else {
            counts.missed += 1;
            continue;
        };
        let ours = match role_of_placeholder(&best.replacement) {
            Some(ours) if ours == editors => {
                counts.agreement += 1;
                continue;
            }
            Some(ours) => {
                counts.contradiction += 1;
                ours
            }
            None => {
                counts.generic += 1;
                "(none)"
            }
        };
        report.role_errors.push((
            editors.to_string(),
            ours.to_string(),
            Miss::at(gold, &span.label, chars, span.start, span.end),
        ));
    }
}

/// Runs the pipeline on every gold document (in parallel) and adds up the scores.
pub fn evaluate(pipeline: &Pipeline, gold: &[GoldDocument]) -> EvalReport {
    let reports: Vec<EvalReport> = gold
        .par_iter()
        .map(|document| evaluate_document(pipeline, document))
        .collect();
    let mut total = EvalReport::default();
    for report in reports {
        for (label, counts) in &report.overlap {
            total.overlap.entry(label.clone()).or_default().add(counts);
        }
        for (label, counts) in &report.exact {
            total.exact.entry(label.clone()).or_default().add(counts);
        }
        total.documents += report.documents;
        total.leaking_documents += report.leaking_documents;
        total.unflagged_leaking_documents += report.unflagged_leaking_documents;
        total.partially_leaking_documents += report.partially_leaking_documents;
        for (cause, documents) in &report.leak_causes {
            *total.leak_causes.entry(cause.clone()).or_default() += documents;
        }
        total.doubts += report.doubts;
        total.kept_total += report.kept_total;
        total.kept_intact += report.kept_intact;
        total.misses.extend(report.misses);
        total.false_alarms.extend(report.false_alarms);
        total.consistency.add(&report.consistency);
        for (role, counts) in &report.roles {
            total.roles.entry(role.clone()).or_default().add(counts);
        }
        total.role_errors.extend(report.role_errors);
        total.per_document.extend(report.per_document);
    }
    total
}

/// A recorded baseline: the run fails when micro recall or the kept rate falls more than
/// `tolerance` below it. Read from a whole `eval --json` report it is a regression gate for a
/// new model as well: the recall of every label and the leak rate must hold too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub micro_recall: f64,
    pub kept_rate: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leak_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub per_label_recall: BTreeMap<String, f64>,
}

impl Baseline {
    /// From a baseline file (`{"micro_recall", "kept_rate"}`, optionally `leak_rate` and
    /// `per_label_recall`) or from a whole `eval --json` report.
    pub fn from_json(value: &serde_json::Value) -> Option<Baseline> {
        if let Ok(baseline) = serde_json::from_value::<Baseline>(value.clone()) {
            return Some(baseline);
        }
        let report: EvalSummary = serde_json::from_value(value.clone()).ok()?;
        Some(Baseline {
            micro_recall: report.micro.recall,
            kept_rate: report.kept_rate,
            leak_rate: Some(report.leak_rate),
            per_label_recall: report
                .per_label
                .iter()
                .filter(|(_, scores)| scores.support > 0)
                .map(|(label, scores)| (label.clone(), scores.recall))
                .collect(),
        })
    }
}

/// The regressions of `summary` against `baseline`, in words; empty when none.
pub fn regressions(summary: &EvalSummary, baseline: &Baseline, tolerance: f64) -> Vec<String> {
    let mut problems = Vec::new();
    if summary.micro.recall < baseline.micro_recall - tolerance {
        problems.push(format!(
            "micro recall {:.4} is below the baseline {:.4} minus {tolerance}",
            summary.micro.recall, baseline.micro_recall
        ));
    }
    if summary.kept_rate < baseline.kept_rate - tolerance {
        problems.push(format!(
            "kept rate {:.4} is below the baseline {:.4} minus {tolerance}",
            summary.kept_rate, baseline.kept_rate
        ));
    }
    if let Some(leak_rate) = baseline.leak_rate {
        if summary.leak_rate > leak_rate + tolerance {
            problems.push(format!(
                "leak rate {:.4} is above the baseline {leak_rate:.4} plus {tolerance}",
                summary.leak_rate
            ));
        }
    }
    for (label, recall) in &baseline.per_label_recall {
        let now = summary
            .per_label
            .get(label)
            .map_or(0.0, |scores| scores.recall);
        if now < recall - tolerance {
            problems.push(format!(
                "{label} recall {now:.4} is below the baseline {recall:.4} minus {tolerance}"
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::corpus::gold::GoldSpan;

    fn span(text: &str, needle: &str, label: &str) -> GoldSpan {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        GoldSpan {
            start,
            end: start + needle.chars().count(),
            label: label.to_string(),
            entity: None,
            placeholder: None,
        }
    }

    /// A gold document of `text` with a span for each `(needle, label)`.
    fn document(id: &str, text: &str, spans: &[(&str, &str)]) -> GoldDocument {
        GoldDocument {
            id: id.into(),
            text: text.into(),
            entities: spans
                .iter()
                .map(|&(needle, label)| span(text, needle, label))
                .collect(),
        }
    }

    #[test]
    fn scores_leaks_and_kept_spans() {
        let pipeline = Pipeline::from_config(&Config::default()).unwrap();
        // A surname no list holds: the rules read no name.
        let first = "Jan Kwakernaak, BSN 123456782, woont in Zwolle. De griffier mr. K. Bos.";
        let second = "Tel. 06-12345678. Geen persoonsgegevens.";
        let gold = vec![
            document(
                "a",
                first,
                &[
                    ("Jan Kwakernaak", "PERSON"),
                    ("123456782", "BSN"),
                    ("mr. K. Bos", "PROFESSIONAL"),
                ],
            ),
            document("b", second, &[("06-12345678", "PHONE")]),
        ];
        let report = evaluate(&pipeline, &gold);
        let summary = report.summary();
        assert_eq!(summary.documents, 2);
        // The rules find the BSN and the phone number but no names: one of two leaks.
        assert_eq!(summary.per_label["BSN"].recall, 1.0);
        assert_eq!(summary.per_label["PHONE"].recall, 1.0);
        assert_eq!(summary.per_label["PERSON"].recall, 0.0);
        assert_eq!(summary.per_label["PERSON"].support, 1);
        assert!((summary.micro.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(summary.micro.precision, 1.0);
        assert_eq!(summary.leak_rate, 0.5);
        assert_eq!(summary.kept_rate, 1.0);
        assert_eq!(report.misses.len(), 1);
        assert_eq!(report.misses[0].text, "Jan Kwakernaak");
        // The miss's own mark agrees with the document count of unflagged leaks.
        assert_eq!(
            report.misses[0].unflagged,
            summary.unflagged_leak_rate > 0.0,
            "{summary:?}"
        );
        // The exact keys are the CLI's contract, tested in tests/corpus.rs.
        let json = serde_json::to_value(&summary).unwrap();
        assert!(json["roles"]["overall"]["mentions"].is_number());
        // Ruling by ruling, in the gold file's order: the first leaks its name.
        let outcomes: Vec<(&str, bool, usize, usize)> = report
            .per_document
            .iter()
            .map(|d| (d.id.as_str(), d.leaked, d.spans, d.missed))
            .collect();
        assert_eq!(outcomes, [("a", true, 2, 1), ("b", false, 1, 0)]);
        assert_eq!(
            report.per_document[0].unflagged_leak,
            report.misses[0].unflagged
        );
    }

    #[test]
    fn roles_agree_contradict_or_stay_generic() {
        let mut config = Config::default();
        for name in ["Jan Jansen", "Piet Puk", "Kees Bos", "Anna Smit"] {
            config.replace.push(crate::config::ReplaceTerm {
                text: name.into(),
                category: Category::Person,
            });
        }
        let pipeline = Pipeline::from_config(&config).unwrap();
        let text = "De getuige Jan Jansen zag dat verbalisant Piet Puk werd geslagen. Kees Bos was er ook. Anna Smit";
        let with_placeholder = |needle: &str, placeholder: Option<&str>| GoldSpan {
            placeholder: placeholder.map(str::to_string),
            ..span(text, needle, "PERSON")
        };
        let gold = vec![GoldDocument {
            id: "r".into(),
            text: text.into(),
            entities: vec![
                with_placeholder("Jan Jansen", Some("getuige 1")),
                with_placeholder("Piet Puk", Some("slachtoffer")),
                with_placeholder("Kees Bos", Some("verdachte")),
                // Not a role: not counted.
                with_placeholder("Anna Smit", Some("naam 2")),
            ],
        }];
        let report = evaluate(&pipeline, &gold);
        let roles = report.summary().roles;
        assert_eq!(roles.overall.mentions, 3);
        assert_eq!(roles.per_role["getuige"].role_agreement, 1.0);
        assert_eq!(roles.per_role["slachtoffer"].role_contradiction, 1.0);
        assert_eq!(roles.per_role["verdachte"].role_generic, 1.0);
        assert!((roles.overall.role_agreement - 1.0 / 3.0).abs() < 1e-9);
        let errors = report.worst_role_errors(5);
        assert!(errors
            .iter()
            .any(|(_, editors, ours, m)| editors == "slachtoffer"
                && ours == "verbalisant"
                && m.text == "Piet Puk"));
    }

    #[test]
    fn leaks_are_told_apart_by_what_the_pipeline_kept_over_them() {
        let pipeline = Pipeline::from_config(&Config::default()).unwrap();
        // Editors who replaced the judge: the rules keep a professional there. The surname no
        // list holds is found by nothing.
        let seen = "De zaak is behandeld door mr. P. Smit, rechter.";
        let unseen = "Jan Kwakernaak kwam niet.";
        let clean = "Tel. 06-12345678.";
        let gold = vec![
            document("seen", seen, &[("P. Smit", "PERSON")]),
            document("unseen", unseen, &[("Jan Kwakernaak", "PERSON")]),
            document("clean", clean, &[("06-12345678", "PHONE")]),
        ];
        let report = evaluate(&pipeline, &gold);
        let causes = report.summary().leak_causes;
        assert_eq!(causes.len(), 2, "{causes:?}");
        assert!((causes["kept: professional"] - 1.0 / 3.0).abs() < 1e-9);
        assert!((causes["not found"] - 1.0 / 3.0).abs() < 1e-9);
        assert!(report
            .render_table()
            .contains("kept: professional 1, not found 1"));
    }

    #[test]
    fn a_wrongly_replaced_keep_span_lowers_the_kept_rate() {
        let pipeline = Pipeline::from_config(&Config::default()).unwrap();
        let text = "De zaak is behandeld door mr. P. Smit, rechter, wonende te Utrecht.";
        let gold = vec![document("k", text, &[("Utrecht", "KEEP_PLACE")])];
        let report = evaluate(&pipeline, &gold);
        let summary = report.summary();
        assert_eq!(summary.kept_rate, 0.0);
        assert_eq!(summary.per_label["PLACE"].precision, 0.0);
        let false_alarms = report.worst_false_alarms(5);
        assert_eq!(false_alarms.len(), 1);
        assert_eq!(false_alarms[0].0, 1);
        assert_eq!(false_alarms[0].1.label, "PLACE");
        assert_eq!(false_alarms[0].1.text, "Utrecht");
    }

    #[test]
    fn a_name_word_that_survives_a_partial_replacement_is_found() {
        let chars: Vec<char> = "door Buran-La Verge en Jan van Dam.".chars().collect();
        let name = |from: &str| {
            let text: String = chars.iter().collect();
            let at = text.find(from).unwrap();
            (at, at + from.len())
        };
        let (start, end) = name("Buran-La Verge");
        let verge = name("Verge");
        // "Verge" replaced, "Buran" left whole: a partial leak ("La" is a prefix).
        let covered = |at: usize| (verge.0..verge.1).contains(&at);
        assert_eq!(
            surviving_name_word(&chars, start, end, covered),
            Some(name("Buran"))
        );
        // Replaced in part, every name word touched: none.
        let covered = |at: usize| at == name("Buran").0 || at == verge.0;
        assert_eq!(surviving_name_word(&chars, start, end, covered), None);
        // "van" survives "Jan van [persoon]": a prefix is no name word.
        let (start, end) = name("Jan van Dam");
        let replaced = |at: usize| at == name("Jan").0 || at == name("Dam").0;
        assert_eq!(surviving_name_word(&chars, start, end, replaced), None);
    }

    #[test]
    fn regressions_against_a_baseline() {
        let summary = EvalSummary {
            per_label: BTreeMap::new(),
            micro: Scores {
                precision: 0.9,
                recall: 0.5,
                f1: 0.6,
            },
            leak_rate: 0.5,
            unflagged_leak_rate: 0.0,
            partial_leak_rate: 0.0,
            doubts_per_document: 1.0,
            kept_rate: 0.98,
            documents: 3,
            roles: RoleSummary::default(),
            leak_causes: BTreeMap::new(),
        };
        let baseline = Baseline {
            micro_recall: 0.51,
            kept_rate: 0.995,
            leak_rate: None,
            per_label_recall: BTreeMap::new(),
        };
        assert!(regressions(&summary, &baseline, 0.02).is_empty());
        let stricter = Baseline {
            micro_recall: 0.53,
            ..baseline.clone()
        };
        assert_eq!(regressions(&summary, &stricter, 0.02).len(), 1);
        // A whole report as the baseline: the leak rate and every label's recall count.
        let mut report = serde_json::to_value(&summary).unwrap();
        report["leak_rate"] = serde_json::json!(0.4);
        report["per_label"] = serde_json::json!({"PERSON": {"precision": 1.0, "recall": 0.9,
            "f1": 0.9, "precision_exact": 1.0, "recall_exact": 0.9, "f1_exact": 0.9, "support": 10}});
        let gate = Baseline::from_json(&report).expect("an eval report is a baseline");
        let problems = regressions(&summary, &gate, 0.02);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("leak rate 0.5000"), "{problems:?}");
        assert!(
            problems[1].starts_with("PERSON recall 0.0000"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_report_read_back_as_its_own_baseline_shows_no_regression() {
        // The gate compares at tolerance 0: a report written by `eval --json` and read back
        // must give the same numbers to the last bit ("ADDRESS recall 0.9949 is below the
        // baseline 0.9949" was a model refused against its own report, 195/196 read back one
        // unit in the last place higher by serde_json's fast float parser).
        let per_label: BTreeMap<String, LabelScores> = (1..=196)
            .map(|found| {
                let recall = found as f64 / 196.0;
                let scores = LabelScores {
                    precision: recall,
                    recall,
                    f1: recall,
                    support: 196,
                };
                (format!("LABEL{found}"), scores)
            })
            .collect();
        let summary = EvalSummary {
            per_label,
            micro: Scores {
                precision: 0.8767699115044247,
                recall: 3054.0 / 3137.0,
                f1: 0.9226167780925817,
            },
            leak_rate: 19.0 / 74.0,
            unflagged_leak_rate: 11.0 / 74.0,
            partial_leak_rate: 3.0 / 74.0,
            doubts_per_document: 442.0 / 74.0,
            kept_rate: 1178.0 / 1179.0,
            documents: 74,
            roles: RoleSummary::default(),
            leak_causes: BTreeMap::new(),
        };
        let written = serde_json::to_string_pretty(&summary).unwrap();
        let read: serde_json::Value = serde_json::from_str(&written).unwrap();
        let baseline = Baseline::from_json(&read).expect("a report is a baseline");
        assert_eq!(baseline.per_label_recall.len(), 196);
        assert_eq!(regressions(&summary, &baseline, 0.0), Vec::<String>::new());
    }
}
