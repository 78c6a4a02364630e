//! Fuzzing on stable Rust (issue 15): proptest mutates the bytes of a seed corpus (the
//! samples, the Word samples, `tests/fuzz/seeds/` and every crasher in `tests/fuzz/crashers/`) with bit flips,
//! deletions, duplications, truncations and tokens that break readers (`&`, `<![CDATA[`,
//! `&#0;`, a second root, multi-byte characters), and checks one invariant per target:
//!
//! * **readers** (text, XML and Word): no panic; a document read renders back to its source byte
//!   for byte when nothing is replaced.
//! * **pipeline** (every rule detector, resolve, pseudonymise, render): no panic; every logged
//!   original is its input slice; no replaced original survives as a word in the output
//!   unless it touches a span the log records as kept (places excepted, see
//!   tests/properties.rs); the output of well-formed XML reads back
//!   as well-formed XML with exactly the rendered text.
//! * **decisions** (the review API's body parser and its check against the log): no panic;
//!   a decision the check lets through never makes `apply` fail for anything but a
//!   surviving original.
//!
//! `cargo test` runs a few cases per target; `SCHUILNAAM_FUZZ_CASES=N` runs N, and
//! `SCHUILNAAM_FUZZ_SECONDS=S` runs rounds of them until S seconds have passed, and prints
//! the executions. The inputs are the same on every run (seed 0, or `SCHUILNAAM_FUZZ_SEED`)
//! unless `SCHUILNAAM_FUZZ_SEED=random` (the README says how to run a long pass). A failure is printed minimised; its input goes into
//! `tests/fuzz/crashers/` and so becomes a regression test of every target.

use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, RngAlgorithm, TestRng, TestRunner};

use schuilnaam::config::Config;
use schuilnaam::model::{Category, Document, Format, Resolution, StageTimings};
use schuilnaam::pipeline::Pipeline;
use schuilnaam::read;
use schuilnaam::review::{self, Decision, DecisionKind, Review};
use schuilnaam::write::{self, LogRecord, Substitution};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

const MAX_SIZE: u64 = 1 << 20;

/// Tokens that readers and detectors treat specially.
const TOKENS: &[&str] = &[
    "&",
    "&amp;",
    "&#0;",
    "&#x1;",
    "&#x10FFFF;",
    "&#55296;",
    "&ééé;",
    "&unknown;",
    "<",
    ">",
    "<para>",
    "</para>",
    "<emphasis>",
    "</emphasis>",
    "<![CDATA[",
    "]]>",
    "<!-- x -->",
    "<!DOCTYPE x [<!ENTITY a 'b'>]>",
    "<uitspraak>",
    "</uitspraak>",
    "</open-rechtspraak>",
    "<open-rechtspraak>",
    "<?xml version=\"1.0\"?>",
    " id=\"a&b\"",
    "\u{FEFF}",
    "é",
    "€",
    "\r\n",
    "\0",
    "\u{2028}",
    "BSN 123456782",
    "NL91ABNA0417164300",
    "06-12345678",
    "Jan de Vries",
    "J. de Vries",
    "wonende te Utrecht",
    "geboren op 1 januari 1990 te Emmen",
    "[eiser]",
    "[…]",
    "mr. ",
    "Kerkstraat 12",
    "1234 AB",
    "C/16/512345",
    "13/123456-22",
    "192.168.1.1",
    "\"",
];

fn cases() -> u32 {
    std::env::var("SCHUILNAAM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// The seed corpus: the samples, the hand-made seeds and every crasher found so far.
static SEEDS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    [
        "corpus/samples",
        "corpus/samples-docx",
        "tests/fuzz/seeds",
        "tests/fuzz/crashers",
    ]
    .iter()
    .flat_map(|dir| files_in(&root().join(dir)))
    .map(|path| std::fs::read(path).unwrap())
    .collect()
});

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::from_config(&Config::default()).unwrap());

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit(usize, u8),
    InsertToken(usize, usize),
    InsertBytes(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0usize..1 << 20;
    prop_oneof![
        1 => (at.clone(), 0u8..8).prop_map(|(p, b)| Mutation::FlipBit(p, b)),
        3 => (at.clone(), 0..TOKENS.len()).prop_map(|(p, t)| Mutation::InsertToken(p, t)),
        1 => (at.clone(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(p, b)| Mutation::InsertBytes(p, b)),
        1 => (at.clone(), 1usize..64).prop_map(|(p, n)| Mutation::Delete(p, n)),
        1 => (at.clone(), 1usize..256, at.clone())
            .prop_map(|(p, n, to)| Mutation::Duplicate(p, n, to)),
        1 => at.prop_map(Mutation::Truncate),
    ]
}

fn apply_mutation(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    let at = |p: usize| if len == 0 { 0 } else { p % (len + 1) };
    match mutation {
        Mutation::FlipBit(p, bit) if len > 0 => bytes[p % len] ^= 1 << bit,
        Mutation::FlipBit(..) => {}
        Mutation::InsertToken(p, token) => {
            let at = at(*p);
            bytes.splice(at..at, TOKENS[*token].bytes());
        }
        Mutation::InsertBytes(p, inserted) => {
            let at = at(*p);
            bytes.splice(at..at, inserted.iter().copied());
        }
        Mutation::Delete(p, n) => {
            let start = at(*p);
            bytes.drain(start..(start + n).min(len));
        }
        Mutation::Duplicate(p, n, to) => {
            let start = at(*p);
            let copied: Vec<u8> = bytes[start..(start + n).min(len)].to_vec();
            let to = at(*to);
            bytes.splice(to..to, copied);
        }
        Mutation::Truncate(p) => bytes.truncate(at(*p)),
    }
}

/// A seed with mutations applied.
fn mutated_input() -> impl Strategy<Value = Vec<u8>> {
    (0..SEEDS.len(), proptest::collection::vec(mutation(), 0..12)).prop_map(|(seed, mutations)| {
        let mut bytes = SEEDS[seed].clone();
        for m in &mutations {
            apply_mutation(&mut bytes, m);
        }
        bytes
    })
}

/// The random generator of a round: from `SCHUILNAAM_FUZZ_SEED` (default 0) plus the round,
/// so that `cargo test` and CI see the same inputs on every machine, or fresh from the
/// operating system with `SCHUILNAAM_FUZZ_SEED=random` (long exploratory passes).
fn round_seed(round: u64) -> Option<TestRng> {
    let setting = std::env::var("SCHUILNAAM_FUZZ_SEED").unwrap_or_default();
    if setting == "random" {
        return None;
    }
    let base: u64 = setting.parse().unwrap_or(0);
    let mut seed = [0u8; 32];
    seed[..8].copy_from_slice(&base.wrapping_add(round).to_le_bytes());
    Some(TestRng::from_seed(RngAlgorithm::ChaCha, &seed))
}

/// Runs `check` on inputs from `strategy`: one round of `cases()` inputs, or rounds until
/// `SCHUILNAAM_FUZZ_SECONDS` have passed. Panics with the minimised input on a failure.
fn fuzz<S: Strategy>(
    target: &str,
    strategy: S,
    check: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let budget = std::env::var("SCHUILNAAM_FUZZ_SECONDS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map(std::time::Duration::from_secs);
    let started = std::time::Instant::now();
    let mut executions: u64 = 0;
    loop {
        let config = RunnerConfig {
            cases: cases(),
            failure_persistence: None,
            ..RunnerConfig::default()
        };
        let mut runner = match round_seed(executions / u64::from(cases())) {
            Some(seed) => TestRunner::new_with_rng(config, seed),
            None => TestRunner::new(config),
        };
        if let Err(failure) = runner.run(&strategy, &check) {
            panic!("{target}: {failure}");
        }
        executions += u64::from(cases());
        if budget.is_none_or(|b| started.elapsed() >= b) {
            break;
        }
    }
    eprintln!(
        "fuzz {target}: {executions} executions in {:.0} s, no failure",
        started.elapsed().as_secs_f64()
    );
}

/// Readers: no panic, and a document renders back to its source when nothing is replaced.
fn check_reader(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(doc) = read::parse(Path::new("fuzz"), "fuzz", bytes.to_vec(), MAX_SIZE) else {
        return Ok(());
    };
    let rendered = write::render(&doc, &Resolution::default(), "rechtspraak").unwrap();
    prop_assert!(
        rendered.output == bytes,
        "untouched render differs from source"
    );
    prop_assert_eq!(&rendered.output_text, &doc.text);
    Ok(())
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// The pipeline's invariants on one input.
fn check_pipeline(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(doc) = read::parse(Path::new("fuzz"), "fuzz", bytes.to_vec(), MAX_SIZE) else {
        return Ok(());
    };
    let Ok(processed) = PIPELINE.process(&doc, StageTimings::default()) else {
        return Ok(());
    };
    let rendered = processed.rendered;
    let chars: Vec<char> = doc.text.chars().collect();
    let output = &rendered.output_text;
    // Spans logged as kept (a lawyer's name, a guard that overruled a detection) are the
    // log's own decision, shown to the editor: an original that touches one has not leaked
    // unnoticed ("mr De Ruyterlaan 3": the name kept, the address in its reason).
    let output_byte = |char_offset: usize| {
        output
            .char_indices()
            .nth(char_offset)
            .map_or(output.len(), |(b, _)| b)
    };
    let kept: Vec<(usize, usize)> = rendered
        .log
        .iter()
        .filter_map(|r| match r {
            LogRecord::Substitution(s) if s.replacement.is_none() => {
                Some((output_byte(s.output_start), output_byte(s.output_end)))
            }
            _ => None,
        })
        .collect();
    let in_kept = |at: usize, end: usize| kept.iter().any(|&(s, e)| s < end && at < e);
    for record in &rendered.log {
        let LogRecord::Substitution(s) = record else {
            continue;
        };
        prop_assert!(s.start <= s.end && s.end <= chars.len());
        let slice: String = chars[s.start..s.end].iter().collect();
        prop_assert_eq!(&slice, &s.original);
        if s.replacement.is_some() && s.category != Category::Place {
            let survives = output
                .match_indices(s.original.as_str())
                .map(|(at, _)| (at, at + s.original.len()))
                .any(|(at, end)| word_bounded(output, at, end) && !in_kept(at, end));
            prop_assert!(!survives, "{:?} survives in the output", s.original);
        }
    }
    if doc.format == Format::Xml {
        let reread = read::parse(Path::new("out"), "out", rendered.output.clone(), MAX_SIZE);
        prop_assert!(
            reread.is_ok(),
            "output XML does not read back: {:?}",
            reread.err()
        );
        prop_assert_eq!(&reread.unwrap().text, output);
    }
    Ok(())
}

/// One sample, its log, and decisions made from it: the decision target's fixture.
struct DecisionFixture {
    doc: Document,
    logged: Vec<Substitution>,
    seeds: Vec<Vec<u8>>,
}

static DECISIONS: LazyLock<DecisionFixture> = LazyLock::new(|| {
    let path = root().join("corpus/samples/straf/rbrot-mishandeling-2024.txt");
    let doc = read::read_file(&path, "d", MAX_SIZE).unwrap();
    let rendered = PIPELINE
        .process(&doc, StageTimings::default())
        .unwrap()
        .rendered;
    let logged: Vec<Substitution> = rendered
        .log
        .into_iter()
        .filter_map(|r| match r {
            LogRecord::Substitution(s) => Some(s),
            _ => None,
        })
        .collect();
    let first = &logged[0];
    let entity = first.entity.clone().unwrap_or_else(|| "e1".into());
    let seeds = [
        format!(
            r#"{{"action":"reject","start":{},"end":{}}}"#,
            first.start, first.end
        ),
        format!(
            r#"{{"action":"accept","start":{},"end":{}}}"#,
            first.start, first.end
        ),
        format!(r#"{{"action":"reject_entity","entity":"{entity}"}}"#),
        format!(r#"{{"action":"rename_entity","entity":"{entity}","pseudonym":"[getuige 1]"}}"#),
        r#"{"action":"add","start":120,"end":131,"category":"person","all_occurrences":true}"#
            .to_string(),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect();
    DecisionFixture { doc, logged, seeds }
});

fn check_decision(body: &[u8]) -> Result<(), TestCaseError> {
    let Ok(kind) = serde_json::from_slice::<DecisionKind>(body) else {
        return Ok(());
    };
    let fixture = &*DECISIONS;
    let chars = fixture.doc.text.chars().count();
    if review::validate_decision(&kind, chars, &fixture.logged).is_err() {
        return Ok(());
    }
    let review = Review {
        document: "d".into(),
        decisions: vec![Decision {
            kind,
            reviewer: "fuzz".into(),
            at: "2026-12-02T00:00:00Z".into(),
        }],
        ..Review::default()
    };
    if let Err(error) = review::apply(&fixture.doc, &fixture.logged, &review, "rechtspraak") {
        let error = error.to_string();
        prop_assert!(error.contains("still in the output"), "{error}");
    }
    Ok(())
}

#[test]
fn fuzz_readers() {
    fuzz("readers", mutated_input(), |bytes| check_reader(&bytes));
}

#[test]
fn fuzz_pipeline() {
    fuzz("pipeline", mutated_input(), |bytes| check_pipeline(&bytes));
}

#[test]
fn fuzz_decisions() {
    let strategy = (
        0..DECISIONS.seeds.len(),
        proptest::collection::vec(mutation(), 0..6),
    )
        .prop_map(|(seed, mutations)| {
            let mut bytes = DECISIONS.seeds[seed].clone();
            for m in &mutations {
                apply_mutation(&mut bytes, m);
            }
            bytes
        });
    fuzz("decisions", strategy, |body| check_decision(&body));
}

/// Every input the fuzzer (or a tester) broke something with stays a test of every target.
#[test]
fn crashers_stay_fixed() {
    let crashers = files_in(&root().join("tests/fuzz/crashers"));
    assert!(!crashers.is_empty(), "tests/fuzz/crashers is empty");
    for path in crashers {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.display();
        check_reader(&bytes).unwrap_or_else(|e| panic!("{name}: reader: {e}"));
        check_pipeline(&bytes).unwrap_or_else(|e| panic!("{name}: pipeline: {e}"));
        check_decision(&bytes).unwrap_or_else(|e| panic!("{name}: decision: {e}"));
    }
}
