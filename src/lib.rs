//! schuilnaam pseudonymises Dutch court rulings before publication.
//!
//! A document goes through five stages, each in its own module:
//!
//! 1. [`read`]: bytes → [`model::Document`] (plain text, or Rechtspraak open-data XML with a
//!    map from the extracted text back to the source bytes);
//! 2. [`detect`]: independent detectors report [`model::Span`]s (rules today; gazetteers and
//!    the NER model implement the same [`detect::Detector`] trait);
//! 3. [`resolve`]: overlaps are settled by explicit precedence, guards keep case numbers and
//!    placeholders, and mentions of one value become one [`model::Entity`];
//! 4. [`pseudonymise`]: a [`pseudonymise::Style`] gives each entity its pseudonym;
//! 5. [`write`]: the output (text, or XML spliced byte-for-byte) and the substitution log.
//!
//! [`pipeline::Pipeline`] strings the stages together; [`batch`] runs it over many files, [`shards`] over many machines.
//!
//! ```
//! use schuilnaam::{config::Config, model::{Document, StageTimings}, pipeline::Pipeline};
//!
//! let pipeline = Pipeline::from_config(&Config::default()).unwrap();
//! let doc = Document::from_text("vonnis.txt", "Eiser, BSN 123456782, bankrekening NL91 ABNA 0417 1643 00.");
//! let processed = pipeline.process(&doc, StageTimings::default())?;
//! assert_eq!(processed.rendered.output_text, "Eiser, BSN [BSN], bankrekening [IBAN 1].");
//! # Ok::<(), schuilnaam::error::Error>(())
//! ```

pub mod batch;
pub mod bench;
pub mod config;
pub mod corpus;
pub mod detect;
pub mod error;
pub mod eval;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod pseudonymise;
pub mod read;
pub mod resolve;
pub mod review;
pub mod shards;
pub mod stable_hash;
pub mod write;
