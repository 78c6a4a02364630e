//! Detectors that come from the configuration file: extra patterns (`[[patterns]]`), and
//! exact terms to keep (`[keep] terms`) or to replace (`[[replace]]`).

use super::{Detector, Finding};
use crate::config::{Config, PatternConfig};
use crate::model::{Category, Document, Evidence, Span};
use regex::Regex;

/// One `[[patterns]]` entry; its id is `config:<id>`.
pub struct PatternDetector {
    id: String,
    category: [Category; 1],
    regex: Regex,
    confidence: f32,
    placeholder: Option<String>,
}

impl PatternDetector {
    /// The config was validated when loaded, so the regex compiles.
    pub fn new(pattern: &PatternConfig) -> PatternDetector {
        PatternDetector {
            id: format!("config:{}", pattern.id),
            category: [pattern.category],
            regex: Regex::new(&pattern.regex).expect("validated when the config was loaded"),
            confidence: pattern.confidence,
            placeholder: pattern.placeholder.clone(),
        }
    }
}

impl Detector for PatternDetector {
    fn id(&self) -> &str {
        &self.id
    }

    fn categories(&self) -> &[Category] {
        &self.category
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        self.regex
            .find_iter(&doc.text)
            .filter(|m| !m.is_empty())
            .map(|m| {
                let mut span = Finding {
                    detector: &self.id,
                    category: self.category[0],
                    start: m.start(),
                    end: m.end(),
                    confidence: self.confidence,
                    evidence: Evidence::Pattern,
                    normalised: m.as_str().to_string(),
                    reason: "pattern from the configuration".to_string(),
                }
                .into_span();
                span.label = self.placeholder.clone();
                span
            })
            .collect()
    }
}

/// The `[keep] terms` and `[[replace]]` lists, matched as whole words.
pub struct TermDetector {
    terms: Vec<(String, Category)>,
}

const TERM_ID: &str = "config:terms";

impl TermDetector {
    pub fn new(config: &Config) -> TermDetector {
        let keep = config
            .keep
            .terms
            .iter()
            .map(|t| (t.clone(), Category::KeepTerm));
        let replace = config.replace.iter().map(|t| (t.text.clone(), t.category));
        TermDetector {
            terms: keep.chain(replace).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

impl Detector for TermDetector {
    fn id(&self) -> &str {
        TERM_ID
    }

    fn categories(&self) -> &[Category] {
        &[Category::KeepTerm]
    }

    fn detect(&self, doc: &Document) -> Vec<Span> {
        let text = &doc.text;
        let mut spans = Vec::new();
        for (term, category) in &self.terms {
            for (start, _) in text.match_indices(term.as_str()) {
                let end = start + term.len();
                if !super::is_word_bounded(text, start, end) {
                    continue;
                }
                let reason = if category.is_keep() {
                    "keep term from the configuration"
                } else {
                    "replace term from the configuration"
                };
                spans.push(
                    Finding {
                        detector: TERM_ID,
                        category: *category,
                        start,
                        end,
                        confidence: 1.0,
                        evidence: Evidence::Context,
                        normalised: term.clone(),
                        reason: reason.to_string(),
                    }
                    .into_span(),
                );
            }
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::testing::found;
    use std::path::Path;

    #[test]
    fn pattern_and_terms_from_config() {
        let config = Config::parse(
            Path::new("c.toml"),
            "[[patterns]]\nid = \"dos\"\ncategory = \"id_number\"\nregex = 'DOS-\\d{3}'\n\n[keep]\nterms = [\"Jan Steen\"]\n\n[[replace]]\ntext = \"Puk\"\ncategory = \"person\"\n",
        )
        .unwrap();
        let patterns = PatternDetector::new(&config.patterns[0]);
        assert_eq!(patterns.id(), "config:dos");
        assert_eq!(found(&patterns, "dossier DOS-123."), ["DOS-123"]);
        let terms = TermDetector::new(&config);
        assert_eq!(
            found(&terms, "Jan Steen en Puk, niet Pukkel"),
            ["Jan Steen", "Puk"]
        );
    }
}
