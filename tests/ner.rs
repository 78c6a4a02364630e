//! The NER detector through the real ONNX Runtime and the real tokenizer: the tiny fixture
//! model (tests/fixtures/ner-tiny, made by `training/train_ner.py --tiny`) exercises loading,
//! windowing and batching; the committed model is checked on sentences from the samples.
//! These tests need the runtime library: `scripts/fetch-onnxruntime.sh` puts it in .ort/.

use crate::util::*;
use predicates::prelude::*;
use schuilnaam::config::Config;
use schuilnaam::detect::ner::{NerDetector, NerOptions, SentenceGate};
use schuilnaam::detect::Detector;
use schuilnaam::model::{Category, Document};
use std::path::{Path, PathBuf};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The runtime library; a missing one fails the test with the way to get it.
pub fn runtime() -> PathBuf {
    let path = std::env::var_os("ORT_DYLIB_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".ort/libonnxruntime.so"));
    assert!(
        path.is_file(),
        "{}: ONNX Runtime library missing; run scripts/fetch-onnxruntime.sh first",
        path.display()
    );
    path
}

fn tiny() -> PathBuf {
    root().join("tests/fixtures/ner-tiny")
}

#[test]
fn tiny_model_runs_end_to_end_on_the_samples() {
    let out = tempfile::tempdir().unwrap();
    schuilnaam()
        .args(["run", "--jobs", "2", "--out"])
        .arg(out.path())
        .arg("--model")
        .arg(tiny())
        .arg("--onnxruntime")
        .arg(runtime())
        .arg(samples())
        .assert()
        .success();
    assert_eq!(
        files_under(out.path()).len(),
        files_under(&samples()).len() * 2 + 1
    );
}

/// `--no-name-gate`, the option's older spelling, still runs (as `--gate none`: bench
/// reports that the model read every token) and cannot be combined with `--gate`.
#[test]
fn the_older_no_name_gate_option_reads_every_sentence() {
    let bench = |extra: &[&str]| {
        let mut command = schuilnaam();
        command
            .args([
                "bench", "--docs", "2", "--size", "2", "--repeat", "1", "--json",
            ])
            .args(extra)
            .arg("--model")
            .arg(tiny())
            .arg("--onnxruntime")
            .arg(runtime());
        command
    };
    for extra in [&["--no-name-gate"][..], &["--gate", "none"]] {
        let report = json_stdout(&mut bench(extra));
        assert_eq!(report["model_read_share"], 1.0, "{extra:?}: {report}");
    }
    bench(&["--no-name-gate", "--gate", "rules"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn bench_reports_the_model_s_int8_work_against_the_machine_s_peak() {
    let report = json_stdout(
        schuilnaam()
            .args([
                "bench", "--docs", "3", "--size", "2", "--repeat", "1", "--json",
            ])
            .arg("--model")
            .arg(tiny())
            .arg("--onnxruntime")
            .arg(runtime()),
    );
    let efficiency = &report["efficiency"];
    // The tiny model: 2 layers of hidden size 32 and feed-forward 64 (4·32·32 + 2·32·64
    // multiply-adds per token each) and a head of 13 labels, 13 int8 products in all.
    assert_eq!(
        efficiency["probe"]["macs_per_token"],
        2 * (4 * 32 * 32 + 2 * 32 * 64) + 32 * 13
    );
    assert_eq!(efficiency["probe"]["products"], 13);
    assert_eq!(
        efficiency["probe"]["shape"],
        serde_json::json!([126, 32, 64])
    );
    let peak = efficiency["peak_ops_per_s_per_thread"].as_f64().unwrap();
    let achieved = efficiency["model_ops_per_s_per_thread"].as_f64().unwrap();
    assert!(peak > 1e8, "an int8 peak of {peak} ops/s is no measurement");
    assert!(
        achieved > 0.0 && achieved < peak * 1.5,
        "{achieved} against {peak}"
    );
    assert!(
        report["rounds"][0]["model_tokens_computed"]
            .as_u64()
            .unwrap()
            > 0
    );

    // Rules only: nothing to measure.
    let report = json_stdout(schuilnaam().args([
        "bench",
        "--no-model",
        "--docs",
        "2",
        "--size",
        "2",
        "--repeat",
        "1",
        "--json",
    ]));
    assert!(report["efficiency"].is_null());
}

#[test]
fn long_documents_are_windowed_and_every_span_is_a_word() {
    let mut options = NerOptions::new(tiny(), runtime());
    options.window = 30;
    options.overlap = 8;
    options.batch = 3;
    let detector = NerDetector::new(options).unwrap();
    let text =
        std::fs::read_to_string(samples().join("straf/rbrot-mishandeling-2024.txt")).unwrap();
    let doc = Document::from_text("lang", text.repeat(3));
    let spans = detector.detect(&doc);
    for span in &spans {
        let found = &doc.text[span.start..span.end];
        assert!(!found.is_empty() && found.trim() == found, "{found:?}");
        assert!((0.0..=1.0).contains(&span.confidence));
    }
}

#[test]
fn a_missing_model_or_runtime_is_an_error_that_says_what_to_do() {
    schuilnaam()
        .args(["run", "--out", "x", "--model", "/no/model"])
        .arg("--onnxruntime")
        .arg(runtime())
        .arg(samples())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/model").and(predicate::str::contains("--no-model")));
    schuilnaam()
        .args([
            "run",
            "--out",
            "x",
            "--onnxruntime",
            "/no/libonnxruntime.so",
            "--model",
        ])
        .arg(tiny())
        .arg(samples())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fetch-onnxruntime.sh"));
}

/// `--gate learned` with a model folder that has no gate.json says which file is missing
/// and how to go on.
#[test]
fn a_missing_learned_gate_is_an_error_that_says_what_to_do() {
    schuilnaam()
        .args(["run", "--out", "x", "--gate", "learned", "--onnxruntime"])
        .arg(runtime())
        .arg("--model")
        .arg(tiny())
        .arg(samples())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("gate.json")
                .and(predicate::str::contains("--gate rules"))
                .and(predicate::str::contains("ner-tiny")),
        );
}

/// The committed model on sentences from the samples: parties are replaced, the judge and
/// the lawyer are kept.
#[test]
fn the_committed_model_tags_persons_and_professionals() {
    let model = root().join("models/schuilnaam-ner");
    let mut options = NerOptions::new(model, runtime());
    options.sessions = 1;
    let pipeline = schuilnaam::pipeline::Pipeline::new(&Config::default(), Some(options)).unwrap();
    let text = "Vonnis in de zaak van Hendrik Jan van der Meulen, wonende te Utrecht, gedaagde, tegen Sandra Maria Kok, eiseres, advocaat mr. L.J. Vos te Amsterdam.\nDit vonnis is gewezen door mr. A.H. Smit, rechter, bijgestaan door mr. K. de Boer, griffier.";
    let doc = Document::from_text("zinnen", text);
    let processed = pipeline.process(&doc, Default::default()).unwrap();
    let output = &processed.rendered.output_text;
    for party in ["Hendrik Jan van der Meulen", "Sandra Maria Kok"] {
        assert!(!output.contains(party), "{party} leaked: {output}");
    }
    for professional in ["L.J. Vos", "A.H. Smit", "K. de Boer"] {
        assert!(
            output.contains(professional),
            "{professional} removed: {output}"
        );
    }
    let kept: Vec<&str> = processed
        .rendered
        .log
        .iter()
        .filter_map(|r| match r {
            schuilnaam::write::LogRecord::Substitution(s)
                if s.category == Category::Professional =>
            {
                Some(s.original.as_str())
            }
            _ => None,
        })
        .collect();
    assert!(!kept.is_empty(), "no professional logged as keep");
}

/// With windows far smaller than the ruling, the parties are still found, and found once:
/// no two spans overlap, whatever window edges cut through the names.
#[test]
fn the_committed_model_finds_names_across_small_windows_once() {
    let mut options = NerOptions::new(root().join("models/schuilnaam-ner"), runtime());
    options.window = 48;
    options.overlap = 12;
    options.batch = 4;
    let detector = NerDetector::new(options).unwrap();
    let text =
        std::fs::read_to_string(samples().join("straf/rbrot-mishandeling-2024.txt")).unwrap();
    let doc = Document::from_text("klein", text);
    let mut spans = detector.detect(&doc);
    spans.sort_by_key(|s| s.start);
    for pair in spans.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "overlapping spans {:?} {:?}",
            pair[0],
            pair[1]
        );
    }
    for name in [
        "Dennis Gerardus Verhoeven",
        "Kevin de Ruiter",
        "Fatima Bakkali",
    ] {
        let found = doc.text.match_indices(name).any(|(start, _)| {
            let end = start + name.len();
            spans
                .iter()
                .any(|s| s.category == Category::Person && s.start <= start + 1 && s.end >= end - 1)
        });
        assert!(
            found,
            "{name} not found whole: {:?}",
            spans
                .iter()
                .map(|s| &doc.text[s.start..s.end])
                .collect::<Vec<_>>()
        );
    }
}

/// The name gate lets the model pass by the sentences that cannot hold a name, and the
/// parties in the others are still found; without the gate the model reads every token.
#[test]
fn the_name_gate_skips_sentences_without_names_but_not_the_names() {
    let text =
        std::fs::read_to_string(samples().join("straf/rbrot-mishandeling-2024.txt")).unwrap();
    let doc = Document::from_text("poort", text);
    let read_share = |gate: SentenceGate| {
        let mut options = NerOptions::new(root().join("models/schuilnaam-ner"), runtime());
        options.gate = gate;
        let detector = NerDetector::new(options).unwrap();
        let spans = detector.detect(&doc);
        let counters: std::collections::HashMap<_, _> = detector.counters().into_iter().collect();
        let persons: Vec<String> = spans
            .iter()
            .filter(|s| s.category == Category::Person)
            .map(|s| doc.text[s.start..s.end].to_string())
            .collect();
        (
            counters["model_tokens_read"] as f64 / counters["model_tokens"] as f64,
            persons,
        )
    };
    let (gated, persons) = read_share(SentenceGate::Rules);
    assert!(gated > 0.1 && gated < 0.9, "the gate let {gated} through");
    let (learned, learned_persons) = read_share(SentenceGate::Learned);
    // The learned gate narrows the rule gate's choice: it reads less, never more.
    assert!(
        learned > 0.05 && learned < gated,
        "learned gate {learned}, rules {gated}"
    );
    for found in [&persons, &learned_persons] {
        for name in [
            "Dennis Gerardus Verhoeven",
            "Kevin de Ruiter",
            "Fatima Bakkali",
        ] {
            assert!(
                found
                    .iter()
                    .any(|p| p.contains(name) || name.contains(p.as_str())),
                "{name} not found behind the gate: {found:?}"
            );
        }
    }
    let (ungated, _) = read_share(SentenceGate::None);
    assert_eq!(ungated, 1.0);
}

/// The regression gate of a retrain: `eval --baseline` given the shipped model's whole
/// report refuses a worse model (the tiny fixture), per label and on the leak rate, and lets
/// the shipped model itself through.
#[test]
fn the_regression_gate_refuses_a_worse_model() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        ("De rechtbank heeft gehoord de getuige Marloes van der Heijden, de aangever Pieter Jansen en de verdachte Karim El Amrani.", vec!["Marloes van der Heijden", "Pieter Jansen", "Karim El Amrani"]),
        ("Verdachte heeft op 3 mei 2021 Sanne de Boer geslagen. Getuige Daan Willemsen zag Sanne de Boer vallen.", vec!["Sanne de Boer", "Daan Willemsen"]),
        ("In de zaak van Fatima Bouzid, eiseres, tegen Hendrik Mulder, gedaagde.", vec!["Fatima Bouzid", "Hendrik Mulder"]),
    ];
    let mut gold = String::new();
    for (i, (text, names)) in texts.iter().enumerate() {
        let mut entities = Vec::new();
        for name in names {
            for (byte, _) in text.match_indices(name) {
                let start = text[..byte].chars().count();
                entities.push(serde_json::json!({"start": start, "end": start + name.chars().count(), "label": "PERSON"}));
            }
        }
        gold.push_str(
            &serde_json::json!({"id": format!("gate-{i}"), "text": text, "entities": entities})
                .to_string(),
        );
        gold.push('\n');
    }
    let gold_path = dir.path().join("held-out.jsonl");
    std::fs::write(&gold_path, gold).unwrap();
    let report = schuilnaam()
        .args(["eval", "--json", "--gold"])
        .arg(&gold_path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let baseline = dir.path().join("shipped.json");
    std::fs::write(&baseline, &report).unwrap();
    let shipped: serde_json::Value = serde_json::from_slice(&report).unwrap();
    assert!(
        shipped["per_label"]["PERSON"]["recall"].as_f64().unwrap() > 0.8,
        "{shipped}"
    );
    schuilnaam()
        .args(["eval", "--tolerance", "0", "--gold"])
        .arg(&gold_path)
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .success();
    schuilnaam()
        .args(["eval", "--tolerance", "0", "--gold"])
        .arg(&gold_path)
        .arg("--model")
        .arg(tiny())
        .arg("--baseline")
        .arg(&baseline)
        .assert()
        .failure()
        .stderr(predicate::str::contains("regression: PERSON recall"))
        .stderr(predicate::str::contains("regression: leak rate"));
}

#[test]
fn the_model_does_not_read_a_document_the_rules_already_found_too_much_in() {
    let pipeline = schuilnaam::pipeline::Pipeline::new(
        &Config::default(),
        Some(NerOptions::new(tiny(), runtime())),
    )
    .unwrap();
    // More e-mail addresses than one document may hold, each a rule detection.
    let many = schuilnaam::pipeline::MAX_DETECTIONS + 10;
    let text = "Mail naar a@b.nl. ".repeat(many);
    let doc = Document::from_text("dump", text);
    let error = pipeline
        .process(&doc, schuilnaam::model::StageTimings::default())
        .expect_err("too many detections")
        .to_string();
    assert!(error.contains("one document may hold"), "{error}");
    assert_eq!(pipeline.counters().get("model_tokens"), Some(&0), "{error}");
}
