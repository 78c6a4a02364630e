//! The command handlers: `main.rs` parses the arguments, a handler here does the work.
//! What every command shares lives here: finding the model and the runtime, building the
//! pipeline, sharing the cores out.

pub mod bench;
pub mod check;
pub mod corpus;
pub mod eval;
pub mod explain;
pub mod generate;
pub mod review;
pub mod run;
pub mod summary;

use crate::{GateName, PipelineArgs, StyleName, DEFAULT_MODEL, DEFAULT_RUNTIME};
use anyhow::Result;
use schuilnaam::config::Config;
use schuilnaam::detect::ner::{NerOptions, SentenceGate};
use schuilnaam::pipeline::{Pipeline, PipelineError};
use schuilnaam::pseudonymise::{KeyedStyle, SurrogateStyle};
use std::path::PathBuf;

/// The first of `candidates` that exists, else the first (for the error message).
pub fn first_existing(candidates: Vec<PathBuf>) -> PathBuf {
    candidates
        .iter()
        .find(|p| p.exists())
        .cloned()
        .unwrap_or_else(|| candidates[0].clone())
}

/// `relative` next to the working directory, then next to the binary (two levels up from
/// target/release, where cargo puts it).
pub fn beside_cwd_or_binary(relative: &str) -> Vec<PathBuf> {
    let mut candidates = vec![PathBuf::from(relative)];
    if let Ok(exe) = std::env::current_exe() {
        for ancestor in exe.ancestors().skip(1).take(3) {
            candidates.push(ancestor.join(relative));
        }
    }
    candidates
}

/// The model folder: --model, else the default next to the working directory or the binary.
pub fn model_dir(args: &PipelineArgs) -> PathBuf {
    args.model
        .clone()
        .unwrap_or_else(|| first_existing(default_candidates(DEFAULT_MODEL, INSTALLED_MODEL)))
}

/// Where an installed package keeps its data, relative to the binary's folder: the Debian
/// package puts the binary in /usr/bin, the model in /usr/share/schuilnaam/models/ and the
/// ONNX Runtime library in /usr/lib/schuilnaam/ (Cargo.toml, package.metadata.deb).
const INSTALLED_MODEL: &str = "../share/schuilnaam/models/schuilnaam-ner";
const INSTALLED_RUNTIME: &str = "../lib/schuilnaam/libonnxruntime.so";

/// `relative` to the running binary's folder, if the binary can be found.
fn beside_installed_binary(relative: &str) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(relative))
}

/// The model and runtime candidates: next to the working directory or the binary (a
/// checkout), then where the package installs them.
fn default_candidates(relative: &str, installed: &str) -> Vec<PathBuf> {
    let mut candidates = beside_cwd_or_binary(relative);
    candidates.extend(beside_installed_binary(installed));
    candidates
}

/// The ONNX Runtime library: `given` (--onnxruntime), else $ORT_DYLIB_PATH, else the
/// default next to the working directory or the binary, else where the package installs it.
pub fn runtime_path(given: Option<&PathBuf>) -> PathBuf {
    given.cloned().unwrap_or_else(|| {
        match std::env::var_os("ORT_DYLIB_PATH").filter(|v| !v.is_empty()) {
            Some(path) => PathBuf::from(path),
            None => first_existing(default_candidates(DEFAULT_RUNTIME, INSTALLED_RUNTIME)),
        }
    })
}

/// Builds the pipeline; `jobs` documents run at once, so the model gets one session per job
/// and the cores are shared out between them (never more compute threads than cores).
pub fn load_pipeline(args: &PipelineArgs, jobs: usize) -> Result<Pipeline> {
    let config_path = args.config.as_deref();
    let config = match config_path {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    let ner = if args.no_model {
        None
    } else {
        let model_dir = model_dir(args);
        let mut options = NerOptions::new(model_dir, runtime_path(args.onnxruntime.as_ref()));
        options.sessions = jobs.max(1);
        options.intra_threads = intra_op_threads(jobs);
        options.gate = match args.gate() {
            GateName::Learned => SentenceGate::Learned,
            GateName::Rules => SentenceGate::Rules,
            GateName::None => SentenceGate::None,
        };
        Some(options)
    };
    let pipeline = Pipeline::new(&config, ner).map_err(|error| match (&error, config_path) {
        // The configuration is at fault: name its file.
        (PipelineError::UnknownDetector { .. }, Some(path)) => {
            anyhow::anyhow!("{}: {error}", path.display())
        }
        _ => anyhow::Error::from(error),
    })?;
    Ok(match args.style {
        StyleName::Rechtspraak => pipeline,
        StyleName::Surrogate => pipeline.with_style(Box::new(SurrogateStyle::new())),
        StyleName::Keyed => pipeline.with_style(Box::new(KeyedStyle::from_file_or_env(
            args.key_file.as_deref(),
        )?)),
    })
}

/// ONNX Runtime threads per session when `jobs` documents run at once: the cores shared out,
/// so that rayon workers × ONNX Runtime threads never exceed them.
pub fn intra_op_threads(jobs: usize) -> usize {
    (default_jobs() / jobs.max(1)).max(1)
}

pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `text` as it may go to the operator's terminal: control characters but tab and line end
/// escaped ("\u{1b}"), so that a file name in an input folder cannot drive the terminal
/// (colours, its title, the clipboard, a line overwritten by a carriage return) when a
/// message names it.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| c.is_control() && c != '\t' && c != '\n';
    if !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if escaped(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Outputs mirror the inputs' paths: one whose path holds a name replaced in its text must be
/// renamed before it goes out (`run` and `apply` say so; nothing is renamed for the operator).
pub fn warn_path_names_a_person(output: &std::path::Path) {
    eprintln!(
        "schuilnaam: warning: {}: its path holds a name replaced in the text; rename it and its \
         log before publishing",
        printable(&output.display().to_string())
    );
}
