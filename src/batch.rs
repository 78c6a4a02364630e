//! Batch runs: walk the inputs, process documents in parallel with rayon, write every
//! output and log atomically, and summarise. A document that fails gets no output; the
//! rest of the batch goes on.
//!
//! Output naming: a document at `INPUT/a/b.xml` is written to `OUT/a/b.xml`, its log to
//! `OUT/a/b.xml.log.jsonl`, and the batch summary to `OUT/summary.json`.

use crate::error::Error;
use crate::model::{Category, StageTimings};
use crate::pipeline::Pipeline;
use crate::read;
use crate::shards::{MergedShard, Shard, ShardReport};
use crate::write::write_atomic;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Suffix appended to an output document's file name for its log.
pub use crate::write::LOG_SUFFIX;
pub const SUMMARY_FILE: &str = "summary.json";

/// One input document and where its outputs go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the input root; also the document id.
    pub relative: PathBuf,
    /// Why this entry is not processed (a symbolic link, a device), reported as its error.
    pub refusal: Option<String>,
}

impl InputFile {
    pub fn id(&self) -> String {
        self.relative.to_string_lossy().replace('\\', "/")
    }

    pub fn output_path(&self, out: &Path) -> PathBuf {
        out.join(&self.relative)
    }

    pub fn log_path(&self, out: &Path) -> PathBuf {
        crate::write::log_path(&self.output_path(out))
    }
}

/// Problems with the run as a whole: nothing is processed.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("{0}: no such file or directory")]
    MissingInput(PathBuf),
    #[error("{path}: cannot list: {reason}")]
    Walk { path: PathBuf, reason: String },
    #[error("{first} and {second} would both be written to {output}")]
    OutputCollision {
        first: PathBuf,
        second: PathBuf,
        output: PathBuf,
    },
    #[error(
        "{count} output file(s) exist already, for example {example}; use --force to overwrite"
    )]
    OutputsExist { count: usize, example: PathBuf },
    #[error("no documents found in the inputs")]
    NoDocuments,
    #[error("{0}: --out is an input folder; write the outputs to another folder")]
    OutputIsInput(PathBuf),
    #[error("cannot start {jobs} worker threads: {reason}")]
    ThreadPool { jobs: usize, reason: String },
    #[error(transparent)]
    Document(#[from] Error),
    /// The documents were processed (their outputs and logs written or their failures
    /// recorded) but `summary.json` could not be written, for example on a full disk: the
    /// summary is still returned so that the documents' failures reach the operator.
    #[error("{source}; the documents above were processed, but the batch has no summary")]
    SummaryNotWritten {
        summary: Box<Summary>,
        source: Error,
    },
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Lists the documents under the inputs in a stable order. Directories are walked
/// recursively, skipping hidden entries and the output folder itself.
pub fn collect_inputs(
    inputs: &[PathBuf],
    out: Option<&Path>,
) -> Result<Vec<InputFile>, BatchError> {
    let out_canonical = out.and_then(|o| o.canonicalize().ok());
    let mut files = Vec::new();
    for input in inputs {
        let metadata =
            std::fs::metadata(input).map_err(|_| BatchError::MissingInput(input.clone()))?;
        if metadata.is_file() {
            let relative = input
                .file_name()
                .map(PathBuf::from)
                .ok_or_else(|| BatchError::MissingInput(input.clone()))?;
            files.push(InputFile {
                path: input.clone(),
                relative,
                refusal: None,
            });
            continue;
        }
        if out_canonical.is_some() && input.canonicalize().ok() == out_canonical {
            return Err(BatchError::OutputIsInput(input.clone()));
        }
        let walker = walkdir::WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let skip_out = out_canonical.as_ref().is_some_and(|out| {
                    entry.file_type().is_dir()
                        && entry.path().canonicalize().is_ok_and(|p| &p == out)
                });
                (entry.depth() == 0 || !is_hidden(entry.file_name())) && !skip_out
            });
        for entry in walker {
            let entry = entry.map_err(|e| BatchError::Walk {
                path: input.clone(),
                reason: e.to_string(),
            })?;
            let kind = entry.file_type();
            if kind.is_dir() {
                continue;
            }
            // Links are not followed (they may lead out of the input folder), and devices,
            // sockets and pipes are no rulings: each is reported, never skipped silently.
            let refusal = if kind.is_symlink() {
                Some(
                    "a symbolic link, not followed; give its target as an input to process it"
                        .to_string(),
                )
            } else if !kind.is_file() {
                Some("not a regular file".to_string())
            } else {
                None
            };
            let relative = entry
                .path()
                .strip_prefix(input)
                .expect("walkdir yields paths under its root")
                .to_path_buf();
            files.push(InputFile {
                path: entry.path().to_path_buf(),
                relative,
                refusal,
            });
        }
    }
    let mut seen: BTreeMap<&Path, &Path> = BTreeMap::new();
    for file in &files {
        if let Some(first) = seen.insert(&file.relative, &file.path) {
            return Err(BatchError::OutputCollision {
                first: first.to_path_buf(),
                second: file.path.clone(),
                output: file.relative.clone(),
            });
        }
    }
    Ok(files)
}

/// Options of a batch run (the CLI's `run`, minus argument parsing).
#[derive(Debug, Clone)]
pub struct BatchOptions {
    pub out: PathBuf,
    pub jobs: usize,
    pub force: bool,
    pub max_size: u64,
    pub progress: Progress,
    /// Render outputs and logs in memory but write no files (for `bench --no-write`).
    pub dry_run: bool,
    /// Finish a batch that was stopped: documents whose log proves a whole output for the
    /// same input are kept as they are, the others are (re)done.
    pub resume: bool,
    /// Files that hold secrets (the key file, the mapping): never read as a document.
    pub secrets: Vec<PathBuf>,
    /// Only this share of the documents (`--shard I/N`); the others are left to other machines.
    pub shard: Option<Shard>,
    /// What decides the output besides the inputs (the model's hash, the style, the
    /// configuration ...), folded into the summary's `run` id so that shards of one run can
    /// be told from shards of another.
    pub settings: String,
}

/// How a batch reports progress on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Progress {
    /// Nothing.
    #[default]
    None,
    /// A progress bar (for a terminal).
    Bar,
    /// One JSON line per finished document (for schedulers and log collectors).
    Json,
}

/// The outcome of one document, as recorded in `summary.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentReport {
    pub document: String,
    pub input: PathBuf,
    pub output: Option<PathBuf>,
    pub log: Option<PathBuf>,
    pub bytes: u64,
    pub replaced: BTreeMap<Category, usize>,
    pub kept: usize,
    pub error: Option<String>,
    /// Done by an earlier, stopped run and kept by `--resume`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
    /// The input's path (a folder's or the file's name) holds a word of a person's name that
    /// was replaced in the text ("vonnis Hoogendoorn.docx"): the output mirrors that path, so
    /// it must be renamed before publication. `run` warns about it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub path_names_a_replaced_person: bool,
    #[serde(skip)]
    pub timings: StageTimings,
}

/// `path` made absolute against the working directory, so that `summary.json` can be read
/// from anywhere (`review` from another folder).
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

impl DocumentReport {
    /// A report for `file` before anything is known about it.
    fn pending(file: &InputFile) -> DocumentReport {
        DocumentReport {
            document: file.id(),
            // Lossy for a path that is not UTF-8 (refused), so that the summary can be written.
            input: PathBuf::from(absolute(&file.path).to_string_lossy().into_owned()),
            output: None,
            log: None,
            bytes: 0,
            replaced: BTreeMap::new(),
            kept: 0,
            error: None,
            resumed: false,
            path_names_a_replaced_person: false,
            timings: StageTimings::default(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ErrorReport {
    pub document: String,
    pub input: PathBuf,
    pub error: String,
}

/// `summary.json`: counts per category and per document, errors and timings.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Summary {
    pub version: String,
    /// The batch's id: SHA-256 of the version, the settings and the ids of all documents of
    /// the batch (before sharding). Every shard of one run has the same.
    pub run: String,
    /// This summary's shard (`run --shard I/N`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<ShardReport>,
    /// The shards a merged summary (`schuilnaam summary`) was made of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shards: Vec<MergedShard>,
    pub documents: usize,
    pub succeeded: usize,
    pub failed: usize,
    /// Documents an earlier, stopped run had finished (`--resume`).
    pub resumed: usize,
    pub bytes: u64,
    pub replaced: BTreeMap<Category, usize>,
    pub kept: usize,
    pub jobs: usize,
    pub wall_ms: f64,
    /// Milliseconds per stage, summed over documents (so over wall time when jobs > 1).
    pub stage_ms: BTreeMap<String, f64>,
    pub errors: Vec<ErrorReport>,
    pub per_document: Vec<DocumentReport>,
}

fn process_file(pipeline: &Pipeline, file: &InputFile, options: &BatchOptions) -> DocumentReport {
    let mut timings = StageTimings::default();
    let mut report = DocumentReport::pending(file);
    if let Some(refusal) = &file.refusal {
        report.error = Some(format!("{}: {refusal}", file.path.display()));
        return report;
    }
    let metadata = std::fs::metadata(&file.path).ok();
    report.bytes = metadata.as_ref().map_or(0, |m| m.len());
    let output_path = file.output_path(&options.out);
    let log_path = file.log_path(&options.out);
    if options.resume {
        if let Some(done) = finished_earlier(file, &output_path, &log_path) {
            report.output = Some(output_path.clone());
            report.log = Some(log_path.clone());
            report.replaced = done.replaced;
            report.kept = done.kept;
            report.path_names_a_replaced_person = done.path_names_a_replaced_person;
            report.resumed = true;
            return report;
        }
    }
    let read = timings.time("read", || {
        read::read_file(&file.path, &file.id(), options.max_size)
    });
    let doc = match read {
        Ok(doc) => doc,
        Err(error) => {
            report.error = Some(error.to_string());
            report.timings = timings;
            return report;
        }
    };
    let processed = match pipeline.process(&doc, timings) {
        Ok(processed) => processed,
        Err(error) => {
            report.error = Some(error.to_string());
            return report;
        }
    };
    let mut timings = processed.timings;
    // A Word review output holds the originals in its tracked deletions: as private as a log.
    let private = metadata.as_ref().is_some_and(crate::write::is_private)
        || (pipeline.docx_review() && doc.format == crate::model::Format::Docx);
    let written = timings.time("write", || -> Result<(), Error> {
        if options.dry_run {
            std::hint::black_box(processed.rendered.log_jsonl());
            return Ok(());
        }
        crate::write::write_document(&output_path, &processed.rendered, private)
    });
    report.timings = timings;
    match written {
        Ok(()) => {
            report.output = Some(output_path.clone());
            report.log = Some(log_path.clone());
            report.replaced = processed.replaced;
            report.kept = processed.kept;
            report.path_names_a_replaced_person = crate::write::path_names_a_replaced_person(
                &file.relative,
                processed.rendered.substitutions(),
            );
        }
        Err(error) => report.error = Some(error.to_string()),
    }
    report
}

/// What an earlier run's log says of a finished document.
struct Finished {
    replaced: BTreeMap<Category, usize>,
    kept: usize,
    /// Said again of a resumed document, so that `run --resume` warns as the first run did.
    path_names_a_replaced_person: bool,
}

/// The earlier run's result for `file`, if its log proves it whole: a `begin` record with
/// the SHA-256 of the input as it is now, and an `end` record with the SHA-256 of the
/// output as it is now. Anything else (no log, a log cut short, a changed input, an output
/// from another run) means the document is done again.
fn finished_earlier(file: &InputFile, output: &Path, log: &Path) -> Option<Finished> {
    use crate::write::sha256_hex;
    let text = std::fs::read_to_string(log).ok()?;
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .ok()?;
    let (begin, end) = (records.first()?, records.last()?);
    if begin["type"] != "begin" || end["type"] != "end" {
        return None;
    }
    if begin["input_sha256"].as_str()? != sha256_hex(&std::fs::read(&file.path).ok()?)
        || end["output_sha256"].as_str()? != sha256_hex(&std::fs::read(output).ok()?)
    {
        return None;
    }
    let mut finished = Finished {
        replaced: BTreeMap::new(),
        kept: 0,
        path_names_a_replaced_person: false,
    };
    // Doubts stand between the substitutions and the end: only substitutions count.
    let mut substitutions = Vec::new();
    for record in records[1..records.len() - 1]
        .iter()
        .filter(|r| r["type"] == "substitution")
    {
        let substitution: crate::write::Substitution =
            serde_json::from_value(record.clone()).ok()?;
        match substitution.action {
            crate::model::Action::Replace => {
                *finished.replaced.entry(substitution.category).or_default() += 1
            }
            crate::model::Action::Keep => finished.kept += 1,
        }
        substitutions.push(substitution);
    }
    finished.path_names_a_replaced_person =
        crate::write::path_names_a_replaced_person(&file.relative, &substitutions);
    Some(finished)
}

/// Runs a batch and writes `summary.json`. Per-document failures are in the summary (and
/// make `failed` non-zero); only problems with the run as a whole are errors.
pub fn run(
    pipeline: &Pipeline,
    files: &[InputFile],
    options: &BatchOptions,
) -> Result<Summary, BatchError> {
    if files.is_empty() {
        return Err(BatchError::NoDocuments);
    }
    // Absolute, so that every output and log path in the summary is too.
    let options = &BatchOptions {
        out: absolute(&options.out),
        ..options.clone()
    };
    let run_id = run_id(files, &options.settings);
    let batch_documents = files.len();
    let shard_files: Vec<InputFile>;
    let files = match options.shard {
        Some(shard) => {
            shard_files = files
                .iter()
                .filter(|f| shard.contains(&f.id()))
                .cloned()
                .collect();
            &shard_files
        }
        None => files,
    };
    let files = &refuse_secrets(files, &options.secrets);
    let files = &refuse_paths_not_in_utf8(files, &options.out);
    if !options.force && !options.resume {
        let existing: Vec<PathBuf> = files
            .iter()
            .flat_map(|f| [f.output_path(&options.out), f.log_path(&options.out)])
            .filter(|p| p.exists())
            .collect();
        if let Some(example) = existing.first() {
            return Err(BatchError::OutputsExist {
                count: existing.len(),
                example: example.clone(),
            });
        }
    }
    if !options.dry_run {
        // A run killed before had no chance to remove its temporary files.
        crate::write::remove_stale_temporaries(&options.out).map_err(|source| Error::Write {
            path: options.out.clone(),
            source,
        })?;
    }
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(|e| BatchError::ThreadPool {
            jobs: options.jobs,
            reason: e.to_string(),
        })?;
    let progress = (options.progress == Progress::Bar).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} documents, {per_sec}, eta {eta}",
            )
            .expect("valid template"),
        );
        bar
    });
    // Stage times are added up as documents finish rather than kept per document, so that
    // memory does not grow with the batch by a map of stage names per document.
    let total_timings = std::sync::Mutex::new(StageTimings::default());
    let reports: Vec<DocumentReport> = pool.install(|| {
        files
            .par_iter()
            .map(|file| {
                let document_started = Instant::now();
                // A detector that panics fails its document, not the batch.
                let mut report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    process_file(pipeline, file, options)
                }))
                .unwrap_or_else(|panic| failed_report(file, panic_message(panic.as_ref())));
                let timings = std::mem::take(&mut report.timings);
                total_timings.lock().expect("not poisoned").merge(&timings);
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                if options.progress == Progress::Json {
                    report_json_line(&report, document_started.elapsed());
                }
                report
            })
            .collect()
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut summary = summarise(
        reports,
        total_timings.into_inner().expect("not poisoned"),
        options.jobs,
        started.elapsed().as_secs_f64() * 1000.0,
    );
    summary.run = run_id;
    summary.shard = options.shard.map(|shard| ShardReport {
        index: shard.index,
        count: shard.count,
        batch_documents,
    });
    if options.dry_run {
        return Ok(summary);
    }
    let summary_path = options.out.join(SUMMARY_FILE);
    let json = serde_json::to_vec_pretty(&summary).expect("summary serialises");
    match write_atomic(&summary_path, &json, false) {
        Ok(()) => Ok(summary),
        Err(source) => Err(BatchError::SummaryNotWritten {
            summary: Box::new(summary),
            source: Error::Write {
                path: summary_path,
                source,
            },
        }),
    }
}

/// The batch's id: the same for every shard of one run, different when the version, the
/// settings or the set of documents differ.
fn run_id(files: &[InputFile], settings: &str) -> String {
    let mut identity = format!("schuilnaam {}\n{settings}\n", env!("CARGO_PKG_VERSION"));
    let mut ids: Vec<String> = files.iter().map(InputFile::id).collect();
    ids.sort();
    for id in ids {
        identity.push_str(&id);
        identity.push('\n');
    }
    crate::write::sha256_hex(identity.as_bytes())
}

/// `run --progress json`: one line on stderr per finished document, written whole so that
/// lines of parallel workers never interleave.
fn report_json_line(report: &DocumentReport, elapsed: std::time::Duration) {
    use std::io::Write;
    let status = if report.error.is_some() {
        "failed"
    } else if report.resumed {
        "resumed"
    } else {
        "ok"
    };
    let line = serde_json::json!({
        "document": report.document,
        "status": status,
        "ms": (elapsed.as_secs_f64() * 1000.0 * 10.0).round() / 10.0,
        "bytes": report.bytes,
        "replaced": report.replaced.values().sum::<usize>(),
        "replaced_by_category": report.replaced,
        "kept": report.kept,
        "error": report.error,
    });
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{line}");
}

/// The files that are a secret given on the command line, refused by name.
fn refuse_secrets(files: &[InputFile], secrets: &[PathBuf]) -> Vec<InputFile> {
    let secrets: Vec<PathBuf> = secrets
        .iter()
        .filter_map(|s| s.canonicalize().ok())
        .collect();
    files
        .iter()
        .map(|file| {
            let mut file = file.clone();
            if !secrets.is_empty()
                && file
                    .path
                    .canonicalize()
                    .is_ok_and(|path| secrets.contains(&path))
            {
                file.refusal = Some(
                    "holds a secret of this run (--key-file or --mapping); never processed or copied"
                        .to_string(),
                );
            }
            file
        })
        .collect()
}

/// Refuses a document whose path, or its output's, is not UTF-8 (a Latin-1 name from an old
/// file share, "vonnis-M\xfcller.txt"): the summary and the log name every document by its
/// path, and a name that cannot be written there cannot be found again by `review`, `apply`
/// or `--resume`.
fn refuse_paths_not_in_utf8(files: &[InputFile], out: &Path) -> Vec<InputFile> {
    files
        .iter()
        .map(|file| {
            let mut file = file.clone();
            let unwritable = file.path.to_str().is_none()
                || file.output_path(out).to_str().is_none();
            if file.refusal.is_none() && unwritable {
                file.refusal = Some(
                    "its path is not valid UTF-8; rename it (the summary and the logs name every document by its path)"
                        .to_string(),
                );
            }
            file
        })
        .collect()
}

fn failed_report(file: &InputFile, reason: String) -> DocumentReport {
    let mut report = DocumentReport::pending(file);
    report.error = Some(format!("{}: {reason}", file.path.display()));
    report
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "internal error".to_string())
}

fn summarise(
    reports: Vec<DocumentReport>,
    timings: StageTimings,
    jobs: usize,
    wall_ms: f64,
) -> Summary {
    let mut replaced = BTreeMap::new();
    let mut errors = Vec::new();
    for report in &reports {
        for (category, count) in &report.replaced {
            *replaced.entry(*category).or_default() += count;
        }
        if let Some(error) = &report.error {
            errors.push(ErrorReport {
                document: report.document.clone(),
                input: report.input.clone(),
                error: error.clone(),
            });
        }
    }
    Summary {
        version: env!("CARGO_PKG_VERSION").to_string(),
        run: String::new(),
        shard: None,
        shards: Vec::new(),
        documents: reports.len(),
        succeeded: reports.len() - errors.len(),
        failed: errors.len(),
        resumed: reports.iter().filter(|r| r.resumed).count(),
        bytes: reports.iter().map(|r| r.bytes).sum(),
        replaced,
        kept: reports.iter().map(|r| r.kept).sum(),
        jobs,
        wall_ms,
        stage_ms: timings
            .stages
            .iter()
            .map(|(stage, d)| (stage.clone(), d.as_secs_f64() * 1000.0))
            .collect(),
        errors,
        per_document: reports,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_and_log_names() {
        let file = InputFile {
            path: PathBuf::from("in/civiel/a.xml"),
            relative: PathBuf::from("civiel/a.xml"),
            refusal: None,
        };
        assert_eq!(
            file.output_path(Path::new("out")),
            PathBuf::from("out/civiel/a.xml")
        );
        assert_eq!(
            file.log_path(Path::new("out")),
            PathBuf::from("out/civiel/a.xml.log.jsonl")
        );
        assert_eq!(file.id(), "civiel/a.xml");
    }

    #[test]
    fn walk_is_sorted_skips_hidden_and_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["b.txt", "a/c.txt", ".hidden.txt", "out/x.txt"] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let files = collect_inputs(&[root.to_path_buf()], Some(&root.join("out"))).unwrap();
        let ids: Vec<String> = files.iter().map(InputFile::id).collect();
        assert_eq!(ids, ["a/c.txt", "b.txt"]);
    }

    #[test]
    fn colliding_inputs_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["x", "y"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
            std::fs::write(dir.path().join(sub).join("a.txt"), "x").unwrap();
        }
        let err = collect_inputs(
            &[dir.path().join("x/a.txt"), dir.path().join("y/a.txt")],
            None,
        )
        .unwrap_err();
        assert!(matches!(err, BatchError::OutputCollision { .. }));
    }
}
