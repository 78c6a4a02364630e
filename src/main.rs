//! The `schuilnaam` command: parses arguments, runs the library, picks the exit code.

use clap::{Args, Parser, Subcommand};
use schuilnaam::read;
use schuilnaam::shards::Shard;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes, also documented in the README.
const EXIT_OK: u8 = 0;
const EXIT_DOCUMENTS_FAILED: u8 = 1;
const EXIT_USAGE: u8 = 2;

const DEFAULT_MODEL: &str = "models/schuilnaam-ner";
const DEFAULT_RUNTIME: &str = ".ort/libonnxruntime.so";

mod cli;

#[derive(Parser)]
#[command(
    name = "schuilnaam",
    version,
    about = "Pseudonymise Dutch court rulings before publication.",
    long_about = "Pseudonymise Dutch court rulings before publication.\n\n\
schuilnaam finds personal data in rulings (names of people and companies with a NER model; \
BSN, IBAN, phone numbers, e-mail addresses, addresses, postcodes, places of residence, dates of \
birth, licence plates, V-nummers, document numbers, IP addresses with rules), replaces every \
distinct value with a Rechtspraak-style placeholder such as [verdachte], [adres 1] or \
[geboortedatum] 1987, keeps judges, clerks and lawyers, and logs every substitution so that \
an editor can review it before publication. Case numbers, ECLIs, article references, \
amounts, procedural dates and existing placeholders are never touched.",
    after_help = "Examples:\n  \
schuilnaam run corpus/samples --out out\n  \
schuilnaam run uitspraken/ --out gepubliceerd/ --jobs 2 --config schuilnaam.toml\n  \
schuilnaam run - --log vonnis.log.jsonl < vonnis.txt > vonnis.geanonimiseerd.txt\n  \
schuilnaam corpus refill ../shared/data/rulings --split dev --seed 1 --out target/gold/dev.jsonl\n  \
schuilnaam eval --gold target/gold/dev.jsonl\n\n\
The NER model needs the ONNX Runtime library: run scripts/fetch-onnxruntime.sh once, or pass \
--no-model for the rules alone. Run 'schuilnaam run --help' for the options, the output layout \
and the exit codes."
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
open-data XML (<open-rechtspraak>), Word (.docx: a ZIP with word/document.xml) or UTF-8 text \
(a BOM and CRLF line ends are kept); a PDF, RTF, Word 97-2003 (.doc), OpenDocument (.odt) or \
UTF-16 file fails by name. In XML only the text of inhoudsindicatie, uitspraak and \
conclusie changes; every element, attribute and the metadata stay byte-for-byte. In Word only \
the text of the body, headers, footers, notes and comments and the package fields that name \
people change; every other entry of the package is copied as it was.\n\n\
Outputs mirror the inputs' relative paths under --out: INPUT/a/b.xml becomes OUT/a/b.xml, \
with its substitution log in OUT/a/b.xml.log.jsonl (JSON Lines, mode 0600, it holds the \
originals) and a batch summary in OUT/summary.json. Every file is written atomically. A \
document that fails (unreadable, not UTF-8, another format, malformed XML, over --max-size) \
gets no output; \
its error is printed and recorded in summary.json, and the rest of the batch goes on.",
        after_help = "Exit codes:\n  \
0  every document was pseudonymised\n  \
1  one or more documents failed (the others were written; see summary.json)\n  \
2  nothing was processed: bad arguments or configuration, missing input, or outputs \
exist without --force\n\n\
Examples:\n  \
schuilnaam run corpus/samples --out out\n  \
schuilnaam run 2024/ 2025/ --out publicatie/ --force --jobs 2\n  \
schuilnaam run - --log vonnis.log.jsonl < vonnis.txt > vonnis.out.txt\n  \
schuilnaam run concepten/ --out review/ --docx-review"
    )]
    Run(RunArgs),
    /// Measure what leaks: run the pipeline on a gold file and score it.
    #[command(
        long_about = "Measure what leaks: run the pipeline on every document of a gold file and compare.\n\n\
Per label: precision, recall and F1 with overlap matching (and exact matching in the table), \
and the support. Micro totals over the labels to replace. The leak rate is the share of \
documents in which a span to replace survived verbatim; the kept rate is the share of \
PROFESSIONAL and KEEP_* spans left intact. The table ends with the most frequent misses.",
        after_help = "Examples:\n  \
schuilnaam eval --gold target/gold/dev.jsonl --no-model\n  \
schuilnaam eval --gold target/gold/dev.jsonl --no-model --json\n  \
schuilnaam eval --gold target/gold/dev.jsonl --no-model --baseline corpus/eval-baseline.json"
    )]
    Eval(EvalArgs),
    /// Build the gold corpus: refill placeholders, fix the split.
    #[command(subcommand)]
    Corpus(CorpusCommand),
    /// Measure what a batch costs: documents/s, MB/s, tokens/s, peak RSS, time per stage.
    #[command(
        long_about = "Measure what a batch costs.\n\nRuns the real batch path (read, detect, resolve, pseudonymise, render, write into a temporary \
folder that is removed afterwards) over a corpus --repeat times and reports documents/s, MB/s, \
model tokens/s, start-up time (loading the model), peak RSS and the time per stage (read, each \
detector, the model's tokenizer and inference, resolve, pseudonymise, render, write), each as \
the median with the minimum and maximum over the rounds, plus the thread layout.\n\n\
Without INPUT it first writes --docs synthetic rulings of about --size KB from the project's \
own templates (criminal, civil, administrative and family headers, boilerplate paragraphs with \
names, addresses, places, dates and the odd identifier), so that anyone can reproduce a \
figure. --emit DIR writes that corpus and stops, for timing other tools on the same input.",
        after_help = "Examples:\n  \
schuilnaam bench --docs 200 --size 9 --repeat 5\n  \
schuilnaam bench --no-model --docs 10000 --json\n  \
schuilnaam bench uitspraken/ --jobs 2\n  \
schuilnaam bench --docs 500 --size 9 --emit /tmp/corpus"
    )]
    Bench(BenchArgs),
    /// Publish reviewed documents: re-render them with the editors' decisions applied.
    #[command(
        long_about = "Publish reviewed documents.\n\nReads OUT_DIR (the folder that 'run' wrote, with summary.json), and for every document marked \
reviewed re-renders it from its input with the decisions saved by 'review' applied: rejected \
substitutions get their original back, added spans are replaced consistently with their \
entity, renamed entities get their new placeholder. The output and a log that records every \
decision go to --out. A document in which an original string of a replaced entity would \
survive is not published; the command says which string and where. Unreviewed documents are \
listed and left unpublished unless --include-unreviewed is given.",
        after_help = "Example:\n  schuilnaam apply out/ --out gepubliceerd/"
    )]
    Apply(ApplyArgs),
    /// Check every substitution in the browser before publication.
    #[command(
        long_about = "Check every substitution in the browser before publication.\n\nServes a page for the folder that 'run' wrote, on 127.0.0.1 at a random port (or --port), \
with a random token in the URL: print it, open it in a browser on this machine. The page \
lists the documents with their counts, doubts and review status; per document it shows the \
text with every substitution highlighted by category (kept names dashed), its detector, \
confidence, entity and reason, and the doubts first: low confidence, a string replaced in one \
place but left in another, two people with near-identical names, a capitalised word after a \
role word that was not replaced, a kept name the model read as a person. Accept or reject a \
substitution or a whole entity, add a missed name by selecting it (its other occurrences too), \
change an entity's placeholder, mark the document reviewed. Keys: j/k next/previous, a/r \
accept/reject, A/R the whole entity, p placeholder, n add the selection, v original or \
pseudonymised, m reviewed, u undo. Decisions are saved next to each log \
(<output>.review.json, mode 0600) with the reviewer's name and the time; 'apply' publishes.",
        after_help = "Example:\n  schuilnaam review out/ --reviewer 'J. de Redacteur'\n  schuilnaam apply out/ --out gepubliceerd/"
    )]
    Review(ReviewArgs),
    /// Merge the summary.json files of the shards of one run into one summary.
    #[command(
        long_about = "Merge the summary.json files of the shards of one run into one summary.\n\nEach OUT is a shard's output folder (or its summary.json). The merged summary adds up the documents, bytes, substitutions per category, failures and stage times, lists every error and document in document order, takes the slowest shard's wall time (the shards ran side by side) and lists the shards. It is printed as JSON, or written atomically to --out.\n\nIt refuses, naming the file at fault: a summary of a run without --shard, shards of another run (other inputs, version, model, style or configuration), a shard given twice, missing shards, and shards whose documents do not add up to the batch.",
        after_help = "Examples:\n  schuilnaam summary out-0 out-1 out-2 out-3\n  schuilnaam summary out-* --out summary.json"
    )]
    Summary(SummaryArgs),
    /// Check a Word document reviewed as tracked changes before it is published.
    #[command(
        long_about = "Check a Word document reviewed as tracked changes before it is published.\n\nReads FILE (the output of 'run --docx-review', after an editor accepted and rejected the changes in Word) and the log 'run' wrote for it, and reports per replaced entity whether the editor accepted it (its pseudonym is there, its original nowhere), rejected it (no pseudonym left, the original back) or changed it (neither). It refuses the document (exit 1), naming the string and the text before it, when an original of an accepted entity still stands anywhere in it (one mention of a person rejected, the others accepted: the person is named after all), and, naming part and author, when tracked changes are left unresolved.",
        after_help = "Exit codes:\n  0  the document may be published\n  1  refused: unresolved changes or a surviving original (listed)\n  2  the file or the log could not be read\n\nExample:\n  schuilnaam run concepten/ --out review/ --docx-review\n  # the editor accepts and rejects in Word, saves review/vonnis.docx\n  schuilnaam check review/vonnis.docx --log review/vonnis.docx.log.jsonl"
    )]
    Check(CheckArgs),
    /// Why a substitution or kept name is what it is, from the log (and the review).
    #[command(
        long_about = "Why a substitution or kept name is what it is, read from the log alone (and the editor's decisions when the document was reviewed).\n\nDOCUMENT is the document as the log and summary.json name it (its path relative to the run's inputs). With --at OFFSET (a code point of the input text, as in the log) it explains the substitution or kept span there: the original, what it became, the detector, its evidence and confidence, the entity, the context, every recorded reason step (the detector's, then the resolve stage's: cluster joins, roles, the place and organisation policies), the doubts on it and the review decisions. With --entity eN it does so for every mention of the entity. Without either it lists the document's entities. The frame is in Dutch (default) or English; the recorded reasons are printed as the log holds them.",
        after_help = "Examples:\n  schuilnaam explain out/ straf/vonnis.txt\n  schuilnaam explain out/ straf/vonnis.txt --entity e3\n  schuilnaam explain out/ straf/vonnis.txt --at 1204 --lang en"
    )]
    Explain(ExplainArgs),
    /// Write the man pages or shell completions (the Debian package ships both).
    #[command(after_help = "Examples:\n  \
schuilnaam generate man --out target/man     # schuilnaam.1, schuilnaam-run.1, ...\n  \
schuilnaam generate bash --out ~/.local/share/bash-completion/completions")]
    Generate(GenerateArgs),
}

#[derive(Args)]
struct GenerateArgs {
    /// man: a page for schuilnaam and one per command; bash, zsh, fish: a completion script.
    #[arg(value_enum, value_name = "WHAT")]
    what: GenerateWhat,

    /// Folder to write into (created when missing).
    #[arg(long, value_name = "DIR", default_value = ".")]
    out: PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GenerateWhat {
    Man,
    Bash,
    Zsh,
    Fish,
}

#[derive(Args)]
struct SummaryArgs {
    /// The shards' output folders (or their summary.json files).
    #[arg(required = true, value_name = "OUT")]
    shards: Vec<PathBuf>,

    /// Write the merged summary here instead of printing it.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Args)]
struct ExplainArgs {
    /// The folder that 'run' wrote.
    #[arg(value_name = "OUT_DIR")]
    out_dir: PathBuf,

    /// The document as the log names it (its relative path, e.g. straf/vonnis.txt).
    #[arg(value_name = "DOCUMENT")]
    document: String,

    /// Explain the substitution or kept span at this code point of the input text.
    #[arg(long, value_name = "OFFSET", conflicts_with = "entity")]
    at: Option<usize>,

    /// Explain every mention of this entity (e1, e2 ... as in the log).
    #[arg(long, value_name = "ID")]
    entity: Option<String>,

    /// Language of the explanation.
    #[arg(long, value_enum, default_value_t = LanguageName::Nl)]
    lang: LanguageName,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LanguageName {
    Nl,
    En,
}

#[derive(Args)]
struct CheckArgs {
    /// The reviewed Word document.
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The log 'run --docx-review' wrote for it [default: FILE.log.jsonl].
    #[arg(long, value_name = "LOG")]
    log: Option<PathBuf>,
}

#[derive(Args)]
struct ReviewArgs {
    /// The folder that 'run' wrote.
    #[arg(value_name = "OUT_DIR")]
    out_dir: PathBuf,

    /// Port on 127.0.0.1 [default: a free one].
    #[arg(long, default_value_t = 0)]
    port: u16,

    /// Name recorded with every decision [default: $USER].
    #[arg(long, value_name = "NAME")]
    reviewer: Option<String>,

    /// Open the page in the default browser (xdg-open).
    #[arg(long)]
    open: bool,
}

#[derive(Args)]
struct ApplyArgs {
    /// The folder that 'run' wrote.
    #[arg(value_name = "OUT_DIR")]
    out_dir: PathBuf,

    /// Folder for the published documents and their logs.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// Publish documents nobody marked as reviewed too.
    #[arg(long)]
    include_unreviewed: bool,
}

#[derive(Args)]
struct BenchArgs {
    /// Files or folders to time [default: a generated corpus].
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Generated rulings.
    #[arg(long, value_name = "N", default_value_t = 200)]
    docs: usize,

    /// Approximate size of each generated ruling, in KB (1,000 bytes).
    #[arg(long, value_name = "KB", default_value_t = 9)]
    size: usize,

    /// Seed of the generated corpus: the same seed, docs and size give the same files.
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,

    /// Rounds over the corpus; the report gives the median and the spread.
    #[arg(long, value_name = "N", default_value_t = 3)]
    repeat: usize,

    /// Documents processed in parallel [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,

    /// Print the report as JSON.
    #[arg(long)]
    json: bool,

    /// Render outputs and logs in memory but write no files: the pipeline's own cost,
    /// without the file system's (which dominates on slow disks).
    #[arg(long)]
    no_write: bool,

    /// Write the generated corpus into DIR and stop.
    #[arg(long, value_name = "DIR")]
    emit: Option<PathBuf>,

    #[command(flatten)]
    pipeline: PipelineArgs,
}

/// Options that build the pipeline, shared by `run` and `eval`.
#[derive(Args)]
struct PipelineArgs {
    /// Rules only: do not run the NER model. Without this flag a missing model or runtime
    /// library is an error, never a silent fall-back to the rules.
    #[arg(long)]
    no_model: bool,

    /// Which sentences the model reads: `rules` (one with a capitalised word that is not a
    /// court, body, act, heading or abbreviation, or with an initial), `learned` (of those,
    /// the ones a sentence classifier trained on the gold keeps: gate.json in the model
    /// folder; 7 % less text, not the default: README, speed table) or `none` (every
    /// sentence; slowest). The rule detectors read everything whatever the gate.
    #[arg(long, value_enum, default_value_t = GateName::Rules, conflicts_with = "no_model")]
    gate: GateName,

    /// The former spelling of `--gate none`, kept so that existing scripts run.
    #[arg(long, hide = true, conflicts_with_all = ["gate", "no_model"])]
    no_name_gate: bool,

    /// The NER model folder (model.onnx, tokenizer.json, labels.json)
    /// [default: models/schuilnaam-ner, next to the working directory or the binary, else
    /// /usr/share/schuilnaam/models/schuilnaam-ner as the Debian package installs it].
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,

    /// The ONNX Runtime library [default: $ORT_DYLIB_PATH, else .ort/libonnxruntime.so as
    /// written by scripts/fetch-onnxruntime.sh, else /usr/lib/schuilnaam/libonnxruntime.so
    /// from the Debian package].
    #[arg(long, value_name = "FILE")]
    onnxruntime: Option<PathBuf>,

    /// TOML file with keep and replace policies, extra patterns, placeholder numbering and
    /// the organisation policy per area of law (see the README, section Configuration).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// How replacements are written: rechtspraak ([eiser], [adres 1], [geboortedatum] 1987),
    /// surrogate (realistic Dutch substitutes in each mention's form: "J. de Vries" becomes
    /// "P. Bakker"), or keyed ([persoon K7F3QX]: a code from HMAC-SHA256 with a secret key,
    /// the same for one person in every document and on every machine).
    #[arg(long, value_enum, default_value_t = StyleName::Rechtspraak)]
    style: StyleName,

    /// The secret key for --style keyed (at least 16 bytes; surrounding whitespace is
    /// ignored) [default: the SCHUILNAAM_KEY environment variable]. The key is never logged.
    #[arg(long, value_name = "FILE")]
    key_file: Option<PathBuf>,
}

impl PipelineArgs {
    /// The gate asked for, by `--gate` or the older `--no-name-gate`.
    fn gate(&self) -> GateName {
        if self.no_name_gate {
            GateName::None
        } else {
            self.gate
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GateName {
    Rules,
    Learned,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum StyleName {
    Rechtspraak,
    Surrogate,
    Keyed,
}

#[derive(Args)]
struct EvalArgs {
    /// Gold file (JSON Lines: {"id", "text", "entities": [{"start", "end", "label"}]}),
    /// from `schuilnaam corpus refill` or any tool that writes the same format.
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,

    /// Print one JSON object (per_label, micro, leak_rate, unflagged_leak_rate,
    /// partial_leak_rate, doubts_per_document, kept_rate, documents, roles, leak_causes)
    /// instead of the table.
    #[arg(long)]
    json: bool,

    /// With --json: add one more key, `consistency` (same_entity_same_pseudonym,
    /// distinct_entities_distinct_pseudonyms, entities). The table always shows it.
    #[arg(long, requires = "json")]
    consistency: bool,

    /// With --json: add one more key, `per_document`, one object per ruling in the gold
    /// file's order (id, leaked, unflagged_leak, spans, missed, false_alarms, doubts), to
    /// compare two models ruling by ruling (training/dev_refills.sh does).
    #[arg(long, requires = "json")]
    per_document: bool,

    /// How many of the most frequent missed strings to list (table output only).
    #[arg(long, value_name = "N", default_value_t = 25)]
    misses: usize,

    /// How many of the most frequent wrongly replaced strings (no gold span of that label
    /// overlaps them) to list (table output only).
    #[arg(long, value_name = "N", default_value_t = 0)]
    false_alarms: usize,

    /// Fail (exit 1) when micro recall or the kept rate falls more than --tolerance below
    /// this recorded baseline (JSON: {"micro_recall": .., "kept_rate": ..}). Given a whole
    /// `eval --json` report (of the model in use, on a fixed held-out set) it is the
    /// regression gate of a retrain: every label's recall and the leak rate must hold too.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,

    /// Allowed drop below the baseline.
    #[arg(long, value_name = "X", default_value_t = 0.02)]
    tolerance: f64,

    #[command(flatten)]
    pipeline: PipelineArgs,
}

#[derive(Subcommand)]
enum CorpusCommand {
    /// Refill the placeholders of published rulings with surrogates: gold annotations.
    #[command(
        long_about = "Refill the placeholders of published rulings with surrogates, giving gold annotations.\n\n\
Published rulings were pseudonymised by court editors: their placeholders ([eiser], [adres 1], \
[geboortedatum] 1987, [bedrijf 1], letters such as X) mark what the editors removed. Each is \
replaced by a realistic surrogate of its kind, the same one for every mention, and annotated. \
Professionals already named (mr. A.B. Jansen), ECLIs, case numbers, procedural dates and court \
seats are annotated PROFESSIONAL and KEEP_*. Train and dev/test use different name pools.\n\n\
Write gold files into an ignored folder such as target/gold/: they are derived from the \
rulings and are never committed.",
        after_help = "Examples:\n  \
schuilnaam corpus refill ../shared/data/rulings ../shared/data/rulings-modern --split dev --seed 1 --out target/gold/dev.jsonl\n  \
schuilnaam corpus refill ../shared/data/rulings ../shared/data/rulings-modern --split train --seed 7 --out target/gold/train-7.jsonl"
    )]
    Refill(RefillArgs),
    /// Write the train/dev/test split (ECLI lists) from the rulings' manifest.tsv files.
    /// Rulings already listed in the split files of --out keep their split; only rulings new
    /// to them are assigned, so adding a folder never moves a ruling between splits.
    #[command(
        after_help = "Example:\n  schuilnaam corpus split ../shared/data/rulings ../shared/data/rulings-modern ../shared/data/rulings-extra --out corpus/splits"
    )]
    Split(SplitArgs),
    /// Write each document of a gold file as a text file named after its id, to run on.
    #[command(
        after_help = "Example:\n  schuilnaam corpus texts target/gold/train-1.jsonl --out /tmp/to-review --limit 25"
    )]
    Texts(TextsArgs),
    /// Sentences of gold rulings with the name gate's features, to train the learned gate.
    #[command(
        long_about = "Sentences of gold rulings with the name gate's features: the training data of the learned gate (training/train_gate.py).\n\nOne JSON line per sentence, cut where the NER detector cuts: the document id, the sentence's byte range, \"label\" (1 when it overlaps a gold span the model must find: a person, place, address, organisation or a professional to keep; with --teacher also when that model finds any span in it), \"rule\" (whether the rule gate admits it) and \"features\" (hashed feature indices). Derived from the rulings: write it into an ignored folder such as target/gold/.",
        after_help = "Example:\n  schuilnaam corpus gate-data target/gold/train-1.jsonl --teacher models/schuilnaam-ner --out target/gold/gate-train.jsonl"
    )]
    GateData(GateDataArgs),
    /// Review a run as an editor who knows the gold would: a measurable stand-in for editors.
    #[command(
        long_about = "Review a run as an editor who knows the gold would, writing the review files 'review' writes.\n\nFor every document of OUT_DIR (the folder 'run' wrote) whose gold document is in --gold (matched by id, or by the id's file-name form ECLI_NL_... against the document's file stem): accept every replacement that overlaps a span to replace, reject the others, add every span to replace that nothing replaced, and mark the ruling reviewed. Documents without gold are left unreviewed and listed. With 'corpus from-reviews' and a fine-tune this measures what learning from editors gains.",
        after_help = "Example:\n  schuilnaam corpus texts target/gold/train-1.jsonl --out /tmp/rulings --limit 25\n  schuilnaam run /tmp/rulings --out /tmp/run\n  schuilnaam corpus simulate-review /tmp/run --gold target/gold/train-1.jsonl\n  schuilnaam corpus from-reviews /tmp/run --out target/gold/reviews-25.jsonl"
    )]
    SimulateReview(SimulateReviewArgs),
    /// Gold documents from reviewed rulings: what editors decided, as training data.
    #[command(
        long_about = "Gold documents (the corpus format) from reviewed rulings: the input text from summary.json, the log and <output>.review.json of each.\n\nAccepted and unreviewed replacements of a reviewed ruling become its labels, added spans too (all their occurrences when the editor asked for that), kept professionals PROFESSIONAL; rejected replacements are left out of the labels and listed under \"rejected\" (hard negatives for training); an entity the editor renamed keeps its new placeholder in \"placeholder\". Each document records its reviewer and time. Only rulings marked reviewed are taken unless --include-unreviewed. A ruling whose input changed since the run (its SHA-256 is in the log's begin record) is refused.",
        after_help = "Example:\n  schuilnaam corpus from-reviews out-2026-11/ out-2026-12/ --out target/gold/reviews.jsonl"
    )]
    FromReviews(FromReviewsArgs),
}

#[derive(Args)]
struct TextsArgs {
    /// The gold file (JSON Lines).
    #[arg(value_name = "FILE.jsonl")]
    gold: PathBuf,

    /// Folder to write <id>.txt into (':' in ids becomes '_').
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// Only the first N documents.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

#[derive(Args)]
struct GateDataArgs {
    /// Gold files (JSON Lines).
    #[arg(value_name = "FILE.jsonl", required = true)]
    gold: Vec<PathBuf>,

    /// The file to write (JSON Lines).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,

    /// Also label positive the sentences in which this model (read without a gate) finds
    /// anything: the companies and places it must see for the policy to keep them, which
    /// the gold does not mark.
    #[arg(long, value_name = "MODEL_DIR")]
    teacher: Option<PathBuf>,

    /// The ONNX Runtime library for --teacher [default: as for run].
    #[arg(long, value_name = "FILE", requires = "teacher")]
    onnxruntime: Option<PathBuf>,
}

#[derive(Args)]
struct SimulateReviewArgs {
    /// The folder that 'run' wrote.
    #[arg(value_name = "OUT_DIR")]
    out_dir: PathBuf,

    /// The gold file whose documents the run processed.
    #[arg(long, value_name = "FILE.jsonl")]
    gold: PathBuf,

    /// The name the review files record.
    #[arg(long, value_name = "NAME", default_value = "simulated editor")]
    reviewer: String,
}

#[derive(Args)]
struct FromReviewsArgs {
    /// Folders that 'run' wrote and editors reviewed.
    #[arg(required = true, value_name = "OUT_DIR")]
    outs: Vec<PathBuf>,

    /// The gold file to write (JSON Lines; mode 0600, it holds the rulings' originals).
    #[arg(long, value_name = "FILE.jsonl")]
    out: PathBuf,

    /// Take rulings nobody marked as reviewed too.
    #[arg(long)]
    include_unreviewed: bool,

    /// Overwrite the output file.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct RefillArgs {
    /// Folders of rulings (XML or text files named ECLI_NL_...; XML is preferred).
    #[arg(required = true, value_name = "RULINGS_DIR")]
    dirs: Vec<PathBuf>,

    /// The gold file to write (JSON Lines).
    #[arg(long, value_name = "FILE.jsonl")]
    out: PathBuf,

    /// Seed for the surrogates: the same seed gives the same file.
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,

    /// Only the rulings of this split (train, dev or test).
    #[arg(long, value_name = "SPLIT")]
    split: Option<String>,

    /// Folder with train.txt, dev.txt and test.txt.
    #[arg(long, value_name = "DIR", default_value = "corpus/splits")]
    splits: PathBuf,

    /// Extend the surrogate name pools with the lists in this folder (laid out as
    /// ../shared/data/gazetteers: first_names_gendered/voornamen.tsv and
    /// meertens_family_names/family_names_freq_5_or_more.lst). Thousands of names instead of
    /// a few hundred keep a model from memorising them. The lists are read at run time and
    /// split into training and evaluation halves like the built-in ones.
    #[arg(long, value_name = "DIR")]
    name_lists: Option<PathBuf>,

    /// Overwrite the output file.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct SplitArgs {
    /// Folders with a manifest.tsv (columns ecli, date, rechtsgebied or area).
    #[arg(required = true, value_name = "RULINGS_DIR")]
    dirs: Vec<PathBuf>,

    /// Folder to write train.txt, dev.txt and test.txt into.
    #[arg(long, value_name = "DIR", default_value = "corpus/splits")]
    out: PathBuf,
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

    #[command(flatten)]
    pipeline: PipelineArgs,

    /// Overwrite outputs that exist already. Without it, the run refuses to start.
    #[arg(long, conflicts_with = "resume")]
    force: bool,

    /// Finish a batch that was stopped (killed, a machine that went down): a document whose
    /// log proves a whole output for the same input (the SHA-256 of both in its log) is kept
    /// as it is, every other one is done; summary.json then covers the whole batch.
    #[arg(long)]
    resume: bool,

    /// Refuse documents larger than this many bytes (on stdin: reading stops there).
    #[arg(long, value_name = "BYTES", default_value_t = read::DEFAULT_MAX_SIZE)]
    max_size: u64,

    /// Entity → pseudonym for one case file, reused and extended by every run: the rulings
    /// of first instance and appeal then name each person alike. Created when missing,
    /// written atomically with mode 0600. Documents then run one at a time, in path order.
    #[arg(long, value_name = "FILE")]
    mapping: Option<PathBuf>,

    /// Process only shard I of N (0-based): a stable hash of each document's relative path
    /// decides, so N machines given the same inputs each take a disjoint share and together
    /// cover every document once, with no shared state. For a Kubernetes Indexed Job use
    /// --shard $JOB_COMPLETION_INDEX/N; for a Slurm array, --shard $SLURM_ARRAY_TASK_ID/N
    /// with --array=0-(N-1).
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,

    /// Progress on stderr: a bar on a terminal (auto), always a bar, none, or json: one
    /// JSON line per finished document ({"document", "status": ok|failed|resumed, "ms",
    /// "bytes", "replaced", "replaced_by_category", "kept", "error"}) for schedulers and log
    /// collectors.
    #[arg(long, value_enum, value_name = "HOW", default_value_t = ProgressName::Auto)]
    progress: ProgressName,

    /// For Word inputs: write every replacement as a tracked change by author "schuilnaam"
    /// (the original deleted, the pseudonym inserted) and every kept name and doubt as a
    /// comment, so that an editor accepts or rejects in Word; then `schuilnaam check`. Such
    /// outputs hold the originals and are written with mode 0600, like the logs.
    #[arg(long)]
    docx_review: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ProgressName {
    Auto,
    Bar,
    None,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => cli::run::run(args),
        Command::Eval(args) => cli::eval::eval(args),
        Command::Corpus(CorpusCommand::Refill(args)) => cli::corpus::refill(args),
        Command::Corpus(CorpusCommand::Split(args)) => cli::corpus::split(args),
        Command::Corpus(CorpusCommand::Texts(args)) => cli::corpus::texts(args),
        Command::Corpus(CorpusCommand::GateData(args)) => cli::corpus::gate_data(args),
        Command::Corpus(CorpusCommand::SimulateReview(args)) => cli::corpus::simulate_review(args),
        Command::Corpus(CorpusCommand::FromReviews(args)) => cli::corpus::from_reviews(args),
        Command::Bench(args) => cli::bench::bench(args),
        Command::Apply(args) => cli::review::apply(args),
        Command::Review(args) => cli::review::review_server(args),
        Command::Summary(args) => cli::summary::summary(args),
        Command::Check(args) => cli::check::check(args),
        Command::Explain(args) => cli::explain::explain(args),
        Command::Generate(args) => cli::generate::generate(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("schuilnaam: {}", cli::printable(&format!("{error:#}")));
            ExitCode::from(EXIT_USAGE)
        }
    }
}
