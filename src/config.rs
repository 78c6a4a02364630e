//! The TOML configuration (`--config FILE`): keep and replace policies, extra patterns,
//! placeholder numbering. Every table rejects unknown keys, so a typo is an error rather
//! than a silently ignored policy.
//!
//! ```toml
//! [detectors]
//! disabled = ["rule:url"]           # detector ids: the README table; a wrong one is an error that lists them
//!
//! [[patterns]]                      # extra rule detectors
//! id = "dossiernummer"
//! category = "id_number"
//! regex = 'DOS-\d{6}'
//! confidence = 0.9
//! placeholder = "dossiernummer"
//!
//! [keep]
//! terms = ["Stichting Rechtsbijstand Noord"]   # never replaced, logged as keep
//!
//! [[replace]]
//! text = "Pietje Puk"
//! category = "person"
//!
//! [placeholders]
//! numbering = "house"               # house | always | when-several
//! stems = { phone = "telefoon" }    # category -> placeholder word
//!
//! [organisations]
//! policy = "traceable"              # keep | traceable | replace
//! areas = { belastingrecht = "replace" }   # area of law (XML dcterms:subject) -> policy
//! ```

use crate::error::{Error, Result};
use crate::model::Category;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub detectors: DetectorsConfig,
    pub patterns: Vec<PatternConfig>,
    pub keep: KeepConfig,
    pub replace: Vec<ReplaceTerm>,
    pub placeholders: PlaceholderConfig,
    pub organisations: OrganisationsConfig,
}

/// What happens to companies and other legal persons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrganisationPolicy {
    /// Every company name stays (logged as keep).
    Keep,
    /// The Anonimiseringsrichtlijnen's default: legal persons stay, unless the name can be
    /// traced to a natural person: the NER model tags it (it learned from the editors which
    /// companies they replace: one-man businesses, partnerships) or it holds the surname of
    /// a person replaced in the same ruling.
    Traceable,
    /// Every company name is replaced; the legal form stays (`[bedrijf 1] B.V.`), as tax
    /// cases require.
    Replace,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OrganisationsConfig {
    pub policy: OrganisationPolicy,
    /// Area of law (matched case-insensitively against the Rechtspraak XML's
    /// `dcterms:subject`, such as "Belastingrecht") -> policy for rulings of that area.
    pub areas: BTreeMap<String, OrganisationPolicy>,
}

impl Default for OrganisationsConfig {
    fn default() -> Self {
        OrganisationsConfig {
            policy: OrganisationPolicy::Traceable,
            // "The data about legal entities will be anonymized in tax cases."
            areas: BTreeMap::from([("belastingrecht".to_string(), OrganisationPolicy::Replace)]),
        }
    }
}

impl OrganisationsConfig {
    /// The policy for a ruling of `areas` (its subjects; empty when unknown).
    pub fn policy_for(&self, areas: &[String]) -> OrganisationPolicy {
        areas
            .iter()
            .find_map(|area| {
                self.areas
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(area.trim()))
                    .map(|(_, policy)| *policy)
            })
            .unwrap_or(self.policy)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DetectorsConfig {
    /// Detector ids to switch off.
    pub disabled: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternConfig {
    pub id: String,
    pub category: Category,
    pub regex: String,
    #[serde(default = "default_confidence")]
    pub confidence: f32,
    /// Placeholder word; defaults to the category's.
    #[serde(default)]
    pub placeholder: Option<String>,
}

fn default_confidence() -> f32 {
    0.9
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KeepConfig {
    /// Exact strings that are never replaced.
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplaceTerm {
    pub text: String,
    pub category: Category,
}

/// When a placeholder gets a number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Numbering {
    /// The published rulings' habit: `[BSN]`, `[geboortedatum]`, `[woonplaats]` and
    /// `[geboorteplaats]` are numbered only when a document has several; all others are
    /// always numbered (`[adres 1]`, `[IBAN 1]`).
    #[default]
    House,
    /// Always numbered: `[BSN 1]`.
    Always,
    /// Numbered only when the document has several of that kind: `[adres]`, `[adres 1]`.
    WhenSeveral,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlaceholderConfig {
    pub numbering: Numbering,
    /// Category name -> placeholder word, overriding the defaults.
    pub stems: BTreeMap<Category, String>,
}

impl Config {
    /// Loads and validates a TOML file: unknown keys, bad categories and regexes that do
    /// not compile are errors naming the file.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let config_error = |reason: String| Error::Config {
            path: path.to_path_buf(),
            reason,
        };
        let config: Config =
            toml::from_str(text).map_err(|e| config_error(describe_toml_error(text, &e)))?;
        for pattern in &config.patterns {
            regex::Regex::new(&pattern.regex)
                .map_err(|e| config_error(format!("pattern {:?}: {e}", pattern.id)))?;
            if !(0.0..=1.0).contains(&pattern.confidence) {
                return Err(config_error(format!(
                    "pattern {:?}: confidence must be between 0 and 1",
                    pattern.id
                )));
            }
        }
        if let Some(term) = config
            .keep
            .terms
            .iter()
            .chain(config.replace.iter().map(|t| &t.text))
            .find(|t| t.trim().is_empty())
        {
            return Err(config_error(format!("empty term {term:?}")));
        }
        Ok(config)
    }
}

/// A TOML error without the lines of the file that toml's own message quotes: a key file
/// passed by mistake as `--config` must not reach the terminal. Line and column say where.
fn describe_toml_error(text: &str, error: &toml::de::Error) -> String {
    let place = error.span().map(|span| {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("line {line}, column {column}: ")
    });
    format!(
        "{}{} (is this a schuilnaam TOML configuration?)",
        place.unwrap_or_default(),
        error.message().trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"
[detectors]
disabled = ["rule:url"]

[[patterns]]
id = "dossiernummer"
category = "id_number"
regex = 'DOS-\d{6}'
confidence = 0.9
placeholder = "dossiernummer"

[keep]
terms = ["Stichting Rechtsbijstand Noord"]

[[replace]]
text = "Pietje Puk"
category = "person"

[placeholders]
numbering = "when-several"
stems = { phone = "telefoon" }

[organisations]
policy = "keep"
areas = { belastingrecht = "replace", strafrecht = "traceable" }
"#;

    #[test]
    fn example_round_trips() {
        let config = Config::parse(Path::new("c.toml"), EXAMPLE).unwrap();
        assert_eq!(config.detectors.disabled, ["rule:url"]);
        assert_eq!(config.patterns[0].category, Category::IdNumber);
        assert_eq!(config.placeholders.numbering, Numbering::WhenSeveral);
        assert_eq!(config.placeholders.stems[&Category::Phone], "telefoon");
        let organisations = &config.organisations;
        assert_eq!(organisations.policy_for(&[]), OrganisationPolicy::Keep);
        assert_eq!(
            organisations.policy_for(&["Civiel recht".into(), "Belastingrecht".into()]),
            OrganisationPolicy::Replace
        );
        assert_eq!(
            Config::default()
                .organisations
                .policy_for(&["Belastingrecht".into()]),
            OrganisationPolicy::Replace
        );
        let again = toml::to_string(&config).unwrap();
        assert_eq!(Config::parse(Path::new("c.toml"), &again).unwrap(), config);
    }

    #[test]
    fn a_key_file_given_as_config_is_not_echoed() {
        for key in [
            "Zq8#pL2!vN5@xR7$wK4^mT9&",
            "sleutel Zq8pL2vN5xR7wK4mT9",
            "Zq8pL2vN5xR7wK4mT9 = ",
        ] {
            let err = Config::parse(Path::new("key.txt"), key)
                .unwrap_err()
                .to_string();
            assert!(!err.contains("Zq8"), "{err}");
            assert!(err.contains("key.txt") && err.contains("line 1"), "{err}");
        }
    }

    #[test]
    fn unknown_keys_and_bad_regexes_are_errors() {
        let err = Config::parse(Path::new("c.toml"), "[detector]\ndisabled = []")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("c.toml") && err.contains("unknown field"),
            "{err}"
        );
        let err = Config::parse(
            Path::new("c.toml"),
            "[[patterns]]\nid = \"x\"\ncategory = \"person\"\nregex = \"(\"",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("pattern \"x\""), "{err}");
        let err = Config::parse(
            Path::new("c.toml"),
            "[[replace]]\ntext = \"x\"\ncategory = \"persoon\"",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown variant"), "{err}");
    }
}
