//! The `schuilnaam` command: parses arguments, runs the library, picks the exit code.

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use schuilnaam::batch::{self, BatchOptions};
use schuilnaam::config::Config;
use schuilnaam::model::StageTimings;
use schuilnaam::pipeline::Pipeline;
use schuilnaam::read;
use schuilnaam::write::write_atomic;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes, also documented in the README.
const EXIT_OK: u8 = 0;
const EXIT_DOCUMENTS_FAILED: u8 = 1;
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "schuilnaam",
    version,
    about = "Pseudonymise Dutch court rulings before publication.",
    long_about = "Pseudonymise Dutch court rulings before publication.\n\n\
schuilnaam finds personal data in rulings (BSN, IBAN, phone numbers, e-mail addresses, \
addresses, postcodes, places of residence, dates of birth, licence plates, V-nummers, \
document numbers, IP addresses), replaces every distinct value with a Rechtspraak-style \
placeholder such as [adres 1] or [geboortedatum] 1987, and logs every substitution so that \
an editor can review it before publication. Case numbers, ECLIs, article references, \
amounts, procedural dates and existing placeholders are never touched.",
    after_help = "Examples:\n  \
schuilnaam run corpus/samples --out out\n  \
schuilnaam run uitspraken/ --out gepubliceerd/ --jobs 2 --config schuilnaam.toml\n  \
schuilnaam run - --log vonnis.log.jsonl < vonnis.txt > vonnis.geanonimiseerd.txt\n\n\
Run 'schuilnaam run --help' for the options, the output layout and the exit codes."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Pseudonymise rulings: files, folders (walked recursively) or '-' for stdin.
    #[command(
        long_about = "Pseudonymise rulings.\n\n\
Each INPUT is a file, a folder (walked recursively, hidden entries skipped) or '-' to read one \
document from stdin and write it to stdout. The format is recognised by content: Rechtspraak \
open-data XML (<open-rechtspraak>) or UTF-8 text (a BOM and CRLF line ends are kept). In XML \
only the text of inhoudsindicatie, uitspraak and conclusie changes; every element, attribute \
and the metadata stay byte-for-byte.\n\n\
Outputs mirror the inputs' relative paths under --out: INPUT/a/b.xml becomes OUT/a/b.xml, \
with its substitution log in OUT/a/b.xml.log.jsonl (JSON Lines, mode 0600, it holds the \
originals) and a batch summary in OUT/summary.json. Every file is written atomically. A \
document that fails (unreadable, not UTF-8, malformed XML, over --max-size) gets no output; \
its error is printed and recorded in summary.json, and the rest of the batch goes on.",
        after_help = "Exit codes:\n  \
0  every document was pseudonymised\n  \
1  one or more documents failed (the others were written; see summary.json)\n  \
2  nothing was processed: bad arguments or configuration, missing input, or outputs \
exist without --force\n\n\
Examples:\n  \
schuilnaam run corpus/samples --out out\n  \
schuilnaam run 2024/ 2025/ --out publicatie/ --force --jobs 2\n  \
schuilnaam run - --log vonnis.log.jsonl < vonnis.txt > vonnis.out.txt"
    )]
    Run(RunArgs),
}

#[derive(Args)]
struct RunArgs {
    /// Files or folders to pseudonymise, or '-' for one document on stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Folder for the outputs, their logs and summary.json (required unless INPUT is '-').
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,

    /// Where to write the substitution log when reading from stdin.
    #[arg(long, value_name = "FILE")]
    log: Option<PathBuf>,

    /// Documents processed in parallel [default: the number of cores]. The output is the
    /// same for every value.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,

    /// Rules only: do not run the NER model. (This version has no model yet, so runs are
    /// rules-only either way; the flag silences the notice that says so.)
    #[arg(long)]
    no_model: bool,

    /// TOML file with keep and replace policies, extra patterns and placeholder numbering
    /// (see the README, section Configuration).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Overwrite outputs that exist already. Without it, the run refuses to start.
    #[arg(long)]
    force: bool,

    /// Refuse documents larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = read::DEFAULT_MAX_SIZE)]
    max_size: u64,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("schuilnaam: {error:#}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn load_pipeline(config_path: Option<&Path>) -> Result<Pipeline> {
    let config = match config_path {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    Pipeline::from_config(&config).map_err(|reason| match config_path {
        Some(path) => anyhow::anyhow!("{}: {reason}", path.display()),
        None => anyhow::anyhow!(reason),
    })
}

fn run(args: RunArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.config.as_deref())?;
    if !args.no_model {
        eprintln!("schuilnaam: note: this version has no NER model; running rules only (--no-model silences this)");
    }
    if args.inputs.iter().any(|i| i.as_os_str() == "-") {
        return run_stdin(&pipeline, &args);
    }
    let Some(out) = args.out.clone() else {
        bail!("--out DIR is required (or use '-' to read stdin and write stdout)");
    };
    if args.log.is_some() {
        bail!("--log is only for stdin ('-'); batch logs go next to each output");
    }
    let jobs = match args.jobs {
        Some(0) => bail!("--jobs must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let files = batch::collect_inputs(&args.inputs, Some(&out))?;
    let options = BatchOptions {
        out,
        jobs,
        force: args.force,
        max_size: args.max_size,
        progress: std::io::stderr().is_terminal(),
    };
    let summary = batch::run(&pipeline, &files, &options)?;
    for error in &summary.errors {
        eprintln!("schuilnaam: {}", error.error);
    }
    if std::io::stderr().is_terminal() {
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

fn run_stdin(pipeline: &Pipeline, args: &RunArgs) -> Result<u8> {
    if args.inputs.len() != 1 {
        bail!("'-' (stdin) cannot be combined with other inputs");
    }
    if args.out.is_some() {
        bail!("'-' writes to stdout; --out is for files and folders");
    }
    let Some(log_path) = &args.log else {
        bail!("reading stdin needs --log FILE for the substitution log");
    };
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("<stdin>: cannot read")?;
    let doc = match read::parse(Path::new("<stdin>"), "-", bytes, args.max_size) {
        Ok(doc) => doc,
        Err(error) => {
            eprintln!("schuilnaam: {error}");
            return Ok(EXIT_DOCUMENTS_FAILED);
        }
    };
    let processed = pipeline.process(&doc, StageTimings::default());
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
