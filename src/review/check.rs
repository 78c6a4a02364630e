//! `check`: reads a Word document an editor reviewed (the output of `run --docx-review`,
//! changes accepted or rejected in Word) against its log, reports what became of each
//! replaced entity, and refuses the document when tracked changes are left unresolved or
//! when an original of an entity whose replacement the editor accepted still stands in it
//! (the editor rejected one mention of a person and accepted the others: the person is
//! named after all).
//!
//! An entity is *accepted* when its pseudonym stands in the text and none of its originals
//! does, *rejected* when no pseudonym of it is left and its original is back (the editor
//! decided it is no personal data: their call), and *changed* when neither its pseudonym
//! nor its original is there (the editor wrote something else).

use super::{read_log, surviving_original, ReviewError};
use crate::model::{Action, Format};
use std::collections::BTreeMap;
use std::path::Path;

/// What `check` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub accepted: Vec<String>,
    pub rejected: Vec<String>,
    pub changed: Vec<String>,
    /// Tracked changes still in the document: part and author of each.
    pub unresolved: Vec<String>,
    /// Originals of accepted entities that still stand: the string and the text before it.
    pub surviving: Vec<(String, String)>,
}

impl CheckReport {
    /// Whether the document may be published.
    pub fn passes(&self) -> bool {
        self.unresolved.is_empty() && self.surviving.is_empty()
    }
}

/// Checks the reviewed Word document at `path` against the log `run` wrote for it.
pub fn check_docx(path: &Path, log: &Path, max_size: u64) -> Result<CheckReport, ReviewError> {
    let id = path.display().to_string();
    let doc = crate::read::read_file(path, &id, max_size)?;
    if doc.format != Format::Docx {
        return Err(ReviewError::Invalid {
            path: path.to_path_buf(),
            reason: "not a Word document; check reads the .docx an editor reviewed".to_string(),
        });
    }
    let substitutions = read_log(log)?;
    let mut report = CheckReport::default();
    let package = doc
        .package
        .as_deref()
        .expect("a .docx document has its package");
    let author = regex::Regex::new(r#"<w:(ins|del|moveFrom|moveTo)\b[^>]*?w:author="([^"]*)""#)
        .expect("valid regex");
    for part in &package.parts {
        let xml = String::from_utf8_lossy(&package.xml[part.start..part.end]);
        for change in author.captures_iter(&xml) {
            report.unresolved.push(format!(
                "{}: w:{} by {:?}",
                part.name, &change[1], &change[2]
            ));
        }
    }
    // Each replaced entity: its pseudonyms, its originals and its category.
    let mut entities: BTreeMap<String, (Vec<String>, Vec<String>, crate::model::Category)> =
        BTreeMap::new();
    for substitution in &substitutions {
        if substitution.action != Action::Replace {
            continue;
        }
        let (Some(entity), Some(replacement)) = (&substitution.entity, &substitution.replacement)
        else {
            continue;
        };
        let (pseudonyms, originals, _) = entities.entry(entity.clone()).or_insert((
            Vec::new(),
            Vec::new(),
            substitution.category,
        ));
        if !pseudonyms.contains(replacement) {
            pseudonyms.push(replacement.clone());
        }
        if !originals.contains(&substitution.original) {
            originals.push(substitution.original.clone());
        }
    }
    let text = &doc.text;
    for (entity, (pseudonyms, originals, category)) in &entities {
        let pseudonym_left = pseudonyms.iter().any(|p| text.contains(p.as_str()));
        let survivors: Vec<(String, String)> = originals
            .iter()
            .filter_map(|original| {
                surviving_original(text, original, *category).map(|at| {
                    let context = crate::detect::context_before(text, at, 30).to_string();
                    (original.clone(), context)
                })
            })
            .collect();
        let name = format!("{entity} ({})", pseudonyms.join(", "));
        match (pseudonym_left, survivors.is_empty()) {
            (true, true) => report.accepted.push(name),
            (true, false) => report.surviving.extend(survivors),
            (false, false) => report.rejected.push(name),
            (false, true) => report.changed.push(name),
        }
    }
    Ok(report)
}
