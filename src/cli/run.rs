//! `schuilnaam run`: a batch of files and folders, or one document from stdin.

use super::{default_jobs, load_pipeline};
use crate::{ProgressName, RunArgs, StyleName, EXIT_DOCUMENTS_FAILED, EXIT_OK};
use anyhow::{bail, Context, Result};
use schuilnaam::batch::{self, BatchOptions, Progress};
use schuilnaam::model::StageTimings;
use schuilnaam::pipeline::Pipeline;
use schuilnaam::pseudonymise::Mapping;
use schuilnaam::read;
use schuilnaam::write::write_atomic;
use std::io::{IsTerminal, Write};
use std::path::Path;

pub fn run(args: RunArgs) -> Result<u8> {
    let mut jobs = match args.jobs {
        Some(0) => bail!("--jobs must be at least 1"),
        Some(n) => n,
        None => default_jobs(),
    };
    if args.pipeline.key_file.is_some() && args.pipeline.style != StyleName::Keyed {
        bail!("--key-file is for --style keyed");
    }
    if args.mapping.is_some() {
        // A mapping grows document by document: the same order every run.
        jobs = 1;
    }
    let mut pipeline = load_pipeline(&args.pipeline, jobs)?;
    if args.docx_review {
        pipeline = pipeline.with_docx_review();
    }
    if let Some(path) = &args.mapping {
        let mapping = Mapping::open(path, pipeline.style_name())?;
        pipeline = pipeline.with_mapping(mapping);
    }
    let code = run_documents(&pipeline, &args, jobs)?;
    if let Some(mapping) = pipeline.mapping() {
        mapping.save()?;
    }
    Ok(code)
}

pub fn run_documents(pipeline: &Pipeline, args: &RunArgs, jobs: usize) -> Result<u8> {
    if args.inputs.iter().any(|i| i.as_os_str() == "-") {
        return run_stdin(pipeline, args);
    }
    let Some(out) = args.out.clone() else {
        bail!("--out DIR is required (or use '-' to read stdin and write stdout)");
    };
    if args.log.is_some() {
        bail!("--log is only for stdin ('-'); batch logs go next to each output");
    }
    let files = batch::collect_inputs(&args.inputs, Some(&out))?;
    let progress = match args.progress {
        ProgressName::Auto if std::io::stderr().is_terminal() => Progress::Bar,
        ProgressName::Auto | ProgressName::None => Progress::None,
        ProgressName::Bar => Progress::Bar,
        ProgressName::Json => Progress::Json,
    };
    let options = BatchOptions {
        out,
        jobs,
        force: args.force,
        max_size: args.max_size,
        progress,
        shard: args.shard,
        settings: settings_fingerprint(args)?,
        dry_run: false,
        resume: args.resume,
        secrets: args
            .pipeline
            .key_file
            .iter()
            .chain(&args.mapping)
            .cloned()
            .collect(),
    };
    let (summary, summary_error) = match batch::run(pipeline, &files, &options) {
        Ok(summary) => (summary, None),
        // A full disk: the documents' own failures are still told, then the summary's.
        Err(batch::BatchError::SummaryNotWritten { summary, source }) => (*summary, Some(source)),
        Err(error) => return Err(error.into()),
    };
    for error in &summary.errors {
        eprintln!("schuilnaam: {}", super::printable(&error.error));
    }
    for report in &summary.per_document {
        if let (true, Some(output)) = (report.path_names_a_replaced_person, &report.output) {
            super::warn_path_names_a_person(output);
        }
    }
    if let Some(error) = summary_error {
        eprintln!(
            "schuilnaam: {}; {} of {} documents pseudonymised, {} failed",
            super::printable(&error.to_string()),
            summary.succeeded,
            summary.documents,
            summary.failed
        );
        return Ok(EXIT_DOCUMENTS_FAILED);
    }
    if progress == Progress::Bar {
        eprintln!(
            "schuilnaam: {} of {} documents pseudonymised, {} failed; see {}",
            summary.succeeded,
            summary.documents,
            summary.failed,
            options.out.join(batch::SUMMARY_FILE).display()
        );
    }
    Ok(if summary.failed > 0 {
        EXIT_DOCUMENTS_FAILED
    } else {
        EXIT_OK
    })
}

/// What decides the outputs besides the inputs, for the summary's `run` id: shards started
/// with another model, style, configuration or gate are then told apart by `summary`.
/// Paths are left out (each machine may mount the model elsewhere); contents count.
fn settings_fingerprint(args: &RunArgs) -> Result<String> {
    let pipeline = &args.pipeline;
    let hash_of = |path: &Path| -> Result<String> {
        let bytes =
            std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
        Ok(schuilnaam::write::sha256_hex(&bytes))
    };
    let model = if pipeline.no_model {
        "none".to_string()
    } else {
        let dir = super::model_dir(pipeline);
        hash_of(&dir.join("model.onnx"))?
    };
    let gate = match (pipeline.no_model, pipeline.gate()) {
        (true, _) => "none".to_string(),
        (false, crate::GateName::Learned) => {
            hash_of(&super::model_dir(pipeline).join("gate.json"))?
        }
        (false, other) => format!("{other:?}").to_lowercase(),
    };
    let config = match &pipeline.config {
        Some(path) => hash_of(path)?,
        None => "default".to_string(),
    };
    Ok(format!(
        "model={model} gate={gate} style={:?} config={config} max_size={}",
        pipeline.style, args.max_size
    ))
}

pub fn run_stdin(pipeline: &Pipeline, args: &RunArgs) -> Result<u8> {
    if args.inputs.len() != 1 {
        bail!("'-' (stdin) cannot be combined with other inputs");
    }
    if args.out.is_some() {
        bail!("'-' writes to stdout; --out is for files and folders");
    }
    let Some(log_path) = &args.log else {
        bail!("reading stdin needs --log FILE for the substitution log");
    };
    let read = read::read_stream(
        std::io::stdin().lock(),
        Path::new("<stdin>"),
        "-",
        args.max_size,
    )
    .and_then(|doc| pipeline.process(&doc, StageTimings::default()));
    let processed = match read {
        Ok(processed) => processed,
        Err(error) => {
            eprintln!("schuilnaam: {error}");
            return Ok(EXIT_DOCUMENTS_FAILED);
        }
    };
    if log_path.exists() && !args.force {
        bail!(
            "{}: log exists (use --force to overwrite)",
            log_path.display()
        );
    }
    write_atomic(log_path, &processed.rendered.log_jsonl(), true)
        .with_context(|| format!("{}: cannot write", log_path.display()))?;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&processed.rendered.output)
        .and_then(|()| stdout.flush())
        .context("<stdout>: cannot write")?;
    Ok(EXIT_OK)
}
