//! The pipeline: one field per stage and one function that reads top to bottom.

use crate::config::{Config, OrganisationsConfig};
use crate::detect::ner::{NerDetector, NerError, NerOptions};
use crate::detect::{self, configured, Detector, DetectorSequence};
use crate::model::{Category, Document, StageTimings};
use crate::pseudonymise::{self, Mapping, RechtspraakStyle, Style};
use crate::resolve;
use crate::write::{self, Rendered};
use std::collections::BTreeMap;

/// What one document produced.
#[derive(Debug, Clone)]
pub struct Processed {
    pub rendered: Rendered,
    /// Replaced mentions per category.
    pub replaced: BTreeMap<Category, usize>,
    pub kept: usize,
    pub timings: StageTimings,
}

/// How many detections, and how many mentions after resolve, one document may hold. The
/// longest real rulings have a few thousand; a document past this is a dump or an attack, and
/// its resolve would take long and its log much memory.
pub const MAX_DETECTIONS: usize = 200_000;

pub struct Pipeline {
    detectors: DetectorSequence,
    organisations: OrganisationsConfig,
    style: Box<dyn Style>,
    mapping: Option<Mapping>,
    docx_review: bool,
}

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A configuration names a detector that does not exist.
    #[error("unknown detector {id:?} in detectors.disabled; known: {}", known.join(", "))]
    UnknownDetector { id: String, known: Vec<String> },
    #[error(transparent)]
    Ner(#[from] NerError),
}

impl Pipeline {
    /// The rules only, built from the configuration.
    pub fn from_config(config: &Config) -> Result<Pipeline, PipelineError> {
        Pipeline::new(config, None)
    }

    /// Builds the detectors and style from the configuration, with the NER model when
    /// `ner` is given. Unknown ids in `detectors.disabled` are an error so that a typo does
    /// not leave a detector on; a model that cannot be loaded is an error too, never a
    /// silent fall-back to the rules.
    pub fn new(config: &Config, ner: Option<NerOptions>) -> Result<Pipeline, PipelineError> {
        let mut detectors: Vec<Box<dyn Detector>> = detect::rule_detectors();
        if let Some(options) = ner {
            detectors.push(Box::new(NerDetector::new(options)?));
        }
        for pattern in &config.patterns {
            detectors.push(Box::new(configured::PatternDetector::new(pattern)));
        }
        let terms = configured::TermDetector::new(config);
        if !terms.is_empty() {
            detectors.push(Box::new(terms));
        }
        let known: Vec<String> = detectors.iter().map(|d| d.id().to_string()).collect();
        if let Some(unknown) = config
            .detectors
            .disabled
            .iter()
            .find(|id| !known.contains(id))
        {
            return Err(PipelineError::UnknownDetector {
                id: unknown.clone(),
                known,
            });
        }
        detectors.retain(|d| !config.detectors.disabled.iter().any(|id| id == d.id()));
        Ok(Pipeline {
            detectors: DetectorSequence::new(detectors),
            organisations: config.organisations.clone(),
            style: Box::new(RechtspraakStyle::new(config.placeholders.clone())),
            mapping: None,
            docx_review: false,
        })
    }

    /// Replaces the default house style.
    pub fn with_style(mut self, style: Box<dyn Style>) -> Pipeline {
        self.style = style;
        self
    }

    /// Takes and records pseudonyms in `mapping`; documents must then run one at a time, in
    /// order, for the result to repeat.
    pub fn with_mapping(mut self, mapping: Mapping) -> Pipeline {
        self.mapping = Some(mapping);
        self
    }

    /// Writes Word outputs for review in Word: replacements as tracked changes, kept names
    /// and doubts as comments.
    pub fn with_docx_review(mut self) -> Pipeline {
        self.docx_review = true;
        self
    }

    /// Whether Word outputs are written for review (they then hold the originals).
    pub fn docx_review(&self) -> bool {
        self.docx_review
    }

    /// The detectors' running counters (model tokens, tokenise and model nanoseconds).
    pub fn counters(&self) -> BTreeMap<&'static str, u64> {
        self.detectors.counters()
    }

    /// The NER model's int8 matrix products and this machine's peak for them (a short
    /// measurement; `None` without the model).
    pub fn int8_probe(&self) -> Option<Result<crate::detect::ner::Int8Probe, String>> {
        self.detectors.int8_probe()
    }

    pub fn style_name(&self) -> &str {
        self.style.name()
    }

    pub fn mapping(&self) -> Option<&Mapping> {
        self.mapping.as_ref()
    }

    /// detect → resolve → pseudonymise → render, for a document already read. A document
    /// with more than [`MAX_DETECTIONS`] detections fails with a clear error instead of
    /// making the batch wait on it.
    pub fn process(
        &self,
        doc: &Document,
        mut timings: StageTimings,
    ) -> Result<Processed, crate::error::Error> {
        let spans = self.detectors.detect(doc, &mut timings, MAX_DETECTIONS);
        if spans.len() > MAX_DETECTIONS {
            return Err(crate::error::Error::TooComplex {
                path: doc.id.clone().into(),
                reason: format!(
                    "{} detections, more than the {MAX_DETECTIONS} one document may hold; split it",
                    spans.len()
                ),
            });
        }
        let mut resolution = timings.time("resolve", || {
            resolve::resolve_with(doc, spans, &self.organisations)
        });
        // Resolve adds every other occurrence of a replaced name: "Bakker" 500,000 times in
        // a 10 MB dump is one detection but 500,000 mentions, and their log held 1 GB.
        if resolution.mentions.len() > MAX_DETECTIONS {
            return Err(crate::error::Error::TooComplex {
                path: doc.id.clone().into(),
                reason: format!(
                    "more than {MAX_DETECTIONS} mentions of names and identifiers, the most one document may hold; split it"
                ),
            });
        }
        timings.time("pseudonymise", || {
            pseudonymise::pseudonymise(
                self.style.as_ref(),
                &doc.id,
                &doc.text,
                &mut resolution,
                self.mapping.as_ref(),
            )
        });
        let rendered = timings.time("render", || {
            write::render_with(doc, &resolution, self.style.name(), self.docx_review)
        })?;
        let mut replaced = BTreeMap::new();
        let mut kept = 0;
        for mention in &resolution.mentions {
            match mention.action {
                crate::model::Action::Replace => {
                    *replaced.entry(mention.span.category).or_default() += 1
                }
                crate::model::Action::Keep => kept += 1,
            }
        }
        Ok(Processed {
            rendered,
            replaced,
            kept,
            timings,
        })
    }
}
