//! Editors teach the model (issue 18), end to end with the real training code: the tiny fixture
//! model pseudonymises hand-written rulings, a simulated editor reviews them, `corpus
//! from-reviews` turns the reviews into gold, and `training/train_ner.py` fine-tunes the
//! fixture on it (from its own checkpoint, `tests/fixtures/ner-tiny/best.pt`). The fine-tuned
//! model must find more of the reviewed names than the fixture did, and schuilnaam must load it.
//!
//! Needs the training environment (`training/requirements.txt`: PyTorch, transformers, ONNX
//! Runtime for Python); `scripts/setup-tests.sh` makes it in `training/work/venv`, or set
//! `TRAINING_PYTHON` to a Python that has it.

use crate::corpus::{refill, run_gold_texts, CIVIL, CRIMINAL};
use crate::ner::{root, runtime};
use crate::util::*;
use schuilnaam::corpus::gold::read_gold;
use std::path::{Path, PathBuf};
use std::process::Command;

fn training_python() -> PathBuf {
    let python = std::env::var_os("TRAINING_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("training/work/venv/bin/python"));
    assert!(
        python.is_file(),
        "{}: the training environment is missing; run scripts/setup-tests.sh (the README's test \
         command does: it installs training/requirements.txt there), or set TRAINING_PYTHON",
        python.display()
    );
    python
}

/// Runs the training environment's Python with `args` (a script of training/ and its
/// arguments, or `-c` and code), asserts that it succeeded, and returns its standard output.
fn run_python<I, S>(args: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::new(training_python())
        .args(args)
        .output()
        .expect("the training Python starts");
    assert!(output.status.success(), "{output:?}");
    output.stdout
}

/// Runs a Python `check` on two checkpoints (its `sys.argv[1]` and `[2]`) that prints two
/// figures, and returns them.
fn compare_checkpoints(check: &str, first: &Path, second: &Path) -> (String, String) {
    let stdout = run_python([
        "-c".as_ref(),
        check.as_ref(),
        first.as_os_str(),
        second.as_os_str(),
    ]);
    let stdout = String::from_utf8(stdout).unwrap();
    let (a, b) = stdout.trim().split_once(' ').expect("two figures");
    (a.to_string(), b.to_string())
}

/// Runs `train_ner.py` on the tiny fixture (`--tiny --init-from` the fixture, all its layers)
/// with `args`, asserts that it succeeded, and returns its log.
fn train_the_tiny_fixture(args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(training_python())
        .arg(root().join("training/train_ner.py"))
        .args(["--tiny", "--init-from"])
        .arg(root().join("tests/fixtures/ner-tiny/best.pt"))
        .args(["--keep-layers", "0,1"])
        .args(args)
        .output()
        .expect("train_ner.py starts");
    let log = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "train_ner.py failed:\n{log}");
    log
}

/// `train_ner.py` continuing the tiny fixture on `reviews` (also its dev set: what the test
/// asks is whether the model learns the editors' decisions); returns training.json.
fn fine_tune(reviews: &Path, work: &Path, out: &Path, minutes: &str) -> serde_json::Value {
    let log = train_the_tiny_fixture(&[
        "--reviews".as_ref(),
        reviews.as_os_str(),
        "--dev".as_ref(),
        reviews.as_os_str(),
        "--work".as_ref(),
        work.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--epochs".as_ref(),
        "8".as_ref(),
        "--batch".as_ref(),
        "8".as_ref(),
        "--lr".as_ref(),
        "5e-3".as_ref(),
        "--checkpoint-every".as_ref(),
        "25".as_ref(),
        "--minutes".as_ref(),
        minutes.as_ref(),
    ]);
    assert!(
        log.contains("student: layers [0, 1] of")
            && log.contains("reviewed rulings, each counted 3 times"),
        "not a fine-tune of the fixture on the reviews:\n{log}"
    );
    let record = std::fs::read_to_string(out.join("training.json")).unwrap();
    serde_json::from_str(&record).unwrap()
}

#[test]
fn a_short_fine_tune_of_the_tiny_model_on_simulated_reviews_learns_them() {
    // Sixteen rulings of each kind, each refilled with other names.
    let dir = tempfile::tempdir().unwrap();
    let (rulings, splits) = (dir.path().join("rulings"), dir.path().join("splits"));
    std::fs::create_dir_all(&rulings).unwrap();
    std::fs::create_dir_all(&splits).unwrap();
    let mut ids = String::new();
    for n in 1..=16 {
        std::fs::write(rulings.join(format!("ECLI_NL_TEST_2021_{n}.txt")), CIVIL).unwrap();
        std::fs::write(rulings.join(format!("ECLI_NL_TEST_2022_{n}.xml")), CRIMINAL).unwrap();
        ids += &format!("ECLI:NL:TEST:2021:{n}\nECLI:NL:TEST:2022:{n}\n");
    }
    std::fs::write(splits.join("dev.txt"), ids).unwrap();
    std::fs::write(splits.join("train.txt"), "").unwrap();
    std::fs::write(splits.join("test.txt"), "").unwrap();
    let gold = dir.path().join("gold.jsonl");
    refill(&rulings, &splits, &gold, "1");

    let fixture = root().join("tests/fixtures/ner-tiny");
    let out = run_gold_texts(
        &gold,
        dir.path(),
        [
            "--model".as_ref(),
            fixture.as_os_str(),
            "--onnxruntime".as_ref(),
            runtime().as_os_str(),
        ],
    );
    schuilnaam()
        .args(["corpus", "simulate-review"])
        .arg(&out)
        .arg("--gold")
        .arg(&gold)
        .assert()
        .success();
    let reviews = dir.path().join("reviews.jsonl");
    schuilnaam()
        .args(["corpus", "from-reviews"])
        .arg(&out)
        .arg("--out")
        .arg(&reviews)
        .assert()
        .success();

    // --minutes 0 scores the fixture itself on the reviews; then a few seconds of training.
    let before = fine_tune(
        &reviews,
        &dir.path().join("w0"),
        &dir.path().join("m0"),
        "0",
    );
    let model = dir.path().join("model");
    let after = fine_tune(&reviews, &dir.path().join("w1"), &model, "2");
    let f1 = |record: &serde_json::Value| record["dev_scores"]["micro"]["f1"].as_f64().unwrap();
    assert!(
        f1(&after) > f1(&before) + 0.05,
        "the fine-tune learned nothing from the reviews: window F1 {} before, {} after",
        f1(&before),
        f1(&after)
    );
    assert!(after["init_from"]["checkpoint"]
        .as_str()
        .unwrap()
        .ends_with("ner-tiny/best.pt"));
    assert_ne!(
        std::fs::read(model.join("model.onnx")).unwrap(),
        std::fs::read(root().join("tests/fixtures/ner-tiny/model.onnx")).unwrap()
    );

    // schuilnaam loads and runs the model the training code wrote.
    schuilnaam()
        .args(["eval", "--json", "--gold"])
        .arg(&reviews)
        .arg("--model")
        .arg(&model)
        .arg("--onnxruntime")
        .arg(runtime())
        .assert()
        .success();
}

#[test]
fn hard_cases_unlabel_organisations_and_training_leaves_them_out_of_the_loss() {
    // An invented ruling whose run replaced nothing: a hard case. With `--unlabel
    // ORGANISATION` its company is written as UNLABELLED, which train_ner.py's windows leave
    // out of the loss (-100) while the person keeps its B-/I-PERSON tags.
    let dir = tempfile::tempdir().unwrap();
    let text = "Gedaagde is Bakkerij Wolters B.V., vertegenwoordigd door Anneke Dijkhuis.";
    let span = |word: &str, label: &str| {
        let start = text.find(word).unwrap();
        serde_json::json!({"start": start, "end": start + word.len(), "label": label})
    };
    let ruling = serde_json::json!({
        "id": "ECLI:NL:TEST:2024:7",
        "text": text,
        "entities": [span("Bakkerij Wolters B.V.", "ORGANISATION"), span("Anneke Dijkhuis", "PERSON")],
    });
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, format!("{ruling}\n")).unwrap();
    let run = dir.path().join("run");
    std::fs::create_dir_all(&run).unwrap();
    std::fs::write(run.join("ECLI_NL_TEST_2024_7.txt.log.jsonl"), "").unwrap();
    let hard = dir.path().join("hard.jsonl");
    run_python([
        root().join("training/hard_cases.py").as_os_str(),
        "--unlabel".as_ref(),
        "ORGANISATION".as_ref(),
        hard.as_os_str(),
        gold.as_os_str(),
        run.as_os_str(),
    ]);
    let written: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&hard).unwrap().trim()).unwrap();
    let labels: Vec<&str> = written["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["UNLABELLED", "PERSON"]);

    // The token tags train_ner.py trains on, as label names ("-" where the loss ignores one).
    let script = "import json, sys\n\
        sys.path.insert(0, sys.argv[1])\n\
        import train_ner\n\
        from tokenizers import Tokenizer\n\
        docs = train_ner.read_gold([sys.argv[2]])\n\
        ids, tags = train_ner.bio_windows(Tokenizer.from_file(sys.argv[3]), docs, 128, 64)[0]\n\
        print(json.dumps(['-' if t == -100 else train_ner.LABELS[t] for t in tags[1:-1]]))\n";
    let stdout = run_python([
        "-c".as_ref(),
        script.as_ref(),
        root().join("training").as_os_str(),
        hard.as_os_str(),
        root()
            .join("tests/fixtures/ner-tiny/tokenizer.json")
            .as_os_str(),
    ]);
    let tags: Vec<String> = serde_json::from_slice(&stdout).unwrap();
    assert!(tags.iter().any(|t| t == "-"), "{tags:?}");
    assert!(
        !tags.iter().any(|t| t.ends_with("ORGANISATION")),
        "{tags:?}"
    );
    assert_eq!(
        tags.iter().filter(|t| *t == "B-PERSON").count(),
        1,
        "{tags:?}"
    );
    assert!(tags.iter().any(|t| t == "I-PERSON"), "{tags:?}");
    assert!(tags.iter().any(|t| t == "O"), "{tags:?}");
}

#[test]
fn holdout_keeps_the_same_manifest_rulings_out_of_every_refill() {
    let dir = tempfile::tempdir().unwrap();
    // Forty invented rulings, thirty of them in the manifest; two "refills" of them whose
    // texts differ, as two seeds' surrogates do.
    let id = |n: usize| format!("ECLI:NL:TEST:2022:{n}");
    let mut manifest = String::from("ecli\tfile\n");
    for n in 0..30 {
        manifest += &format!("{}\tECLI_NL_TEST_2022_{n}\n", id(n));
    }
    std::fs::write(dir.path().join("manifest.tsv"), manifest).unwrap();
    for seed in [1, 2] {
        let lines: String = (0..40)
            .map(|n| {
                let ruling = serde_json::json!({
                    "id": id(n),
                    "text": format!("Eiser {seed} tegen gedaagde {n}."),
                    "entities": [],
                });
                format!("{ruling}\n")
            })
            .collect();
        std::fs::write(dir.path().join(format!("train-{seed}.jsonl")), lines).unwrap();
    }
    let split = |seed: usize, share: &str| -> (Vec<String>, Vec<String>) {
        let path = |name: String| dir.path().join(name);
        let (fit, held) = (
            path(format!("fit-{seed}-{share}.jsonl")),
            path(format!("held-{seed}-{share}.jsonl")),
        );
        run_python([
            root().join("training/holdout.py").as_os_str(),
            "--manifest".as_ref(),
            path("manifest.tsv".into()).as_os_str(),
            "--share".as_ref(),
            share.as_ref(),
            path(format!("train-{seed}.jsonl")).as_os_str(),
            fit.as_os_str(),
            held.as_os_str(),
        ]);
        let ids = |gold: &Path| -> Vec<String> {
            read_gold(gold)
                .unwrap()
                .into_iter()
                .map(|ruling| ruling.id)
                .collect()
        };
        (ids(&fit), ids(&held))
    };

    let (fit, held) = split(1, "0.25");
    assert!(
        !held.is_empty() && held.len() < 30,
        "a quarter of thirty, by hash: {held:?}"
    );
    assert_eq!(fit.len() + held.len(), 40);
    assert!(held.iter().all(|h| !fit.contains(h)));
    assert!(
        (30..40).all(|n| fit.contains(&id(n))),
        "rulings outside the manifest are never held out"
    );
    assert_eq!(
        split(2, "0.25").1,
        held,
        "another refill holds out the same rulings"
    );
    assert!(split(1, "0").1.is_empty());
    assert_eq!(split(1, "1").1, (0..30).map(id).collect::<Vec<_>>());
}

#[test]
fn soup_interpolates_two_checkpoints_weight_by_weight() {
    // The fixture and a copy with every weight raised by 1: a quarter of the way from the
    // first to the second is the fixture plus 0.25 everywhere; a checkpoint with other
    // tensors is refused.
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/ner-tiny/best.pt");
    let shifted = dir.path().join("shifted.pt");
    let other = dir.path().join("other.pt");
    let script = "import sys, torch\n\
        w = torch.load(sys.argv[1], weights_only=True)\n\
        torch.save({k: v + 1 if v.is_floating_point() else v for k, v in w.items()}, sys.argv[2])\n\
        w.pop(next(iter(w)))\n\
        torch.save(w, sys.argv[3])\n";
    run_python([
        "-c".as_ref(),
        script.as_ref(),
        fixture.as_os_str(),
        shifted.as_os_str(),
        other.as_os_str(),
    ]);
    let out = dir.path().join("soup");
    run_python([
        root().join("training/soup.py").as_os_str(),
        fixture.as_os_str(),
        shifted.as_os_str(),
        "--weight".as_ref(),
        "0.25".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let check = "import sys, torch\n\
        a = torch.load(sys.argv[1], weights_only=True)\n\
        m = torch.load(sys.argv[2], weights_only=True)\n\
        floats = [k for k, v in a.items() if v.is_floating_point()]\n\
        print(len(floats), max(float((m[k] - a[k] - 0.25).abs().max()) for k in floats))\n";
    let (tensors, deviation) = compare_checkpoints(check, &fixture, &out.join("best.pt"));
    assert!(
        tensors.parse::<usize>().unwrap() > 0,
        "{tensors} {deviation}"
    );
    assert!(
        deviation.parse::<f64>().unwrap() < 1e-5,
        "{tensors} {deviation}"
    );
    for name in ["kept_ids.json", "tokenizer.json"] {
        assert_eq!(
            std::fs::read(out.join(name)).unwrap(),
            std::fs::read(root().join("tests/fixtures/ner-tiny").join(name)).unwrap(),
            "{name}"
        );
    }
    let refused = Command::new(training_python())
        .arg(root().join("training/soup.py"))
        .arg(&fixture)
        .arg(&other)
        .arg("--out")
        .arg(dir.path().join("refused"))
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("different tensors"),
        "{refused:?}"
    );
}

#[test]
fn a_student_learns_text_without_gold_from_its_teacher_alone() {
    // Issue 19's distillation over text that has no gold: every token of an `--unlabelled`
    // text is out of the gold loss, so a batch of such windows has no gold tokens at all.
    // The gold loss must then be zero, not the mean over nothing (NaN in the loss the log
    // reports); only the teacher's labels teach it.
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/ner-tiny/best.pt");
    let text = "De rechtbank heeft gehoord Anneke Dijkhuis, wonende te Zwolle, en haar \
        advocaat mr. P. de Wit. Bakkerij Wolters B.V. was niet verschenen.";
    std::fs::write(dir.path().join("ruling.txt"), text).unwrap();
    let start = text.find("Anneke Dijkhuis").unwrap();
    let dev = serde_json::json!({
        "id": "dev-1",
        "text": text,
        "entities": [{"start": start, "end": start + "Anneke Dijkhuis".len(), "label": "PERSON"}],
    });
    let dev_path = dir.path().join("dev.jsonl");
    std::fs::write(&dev_path, format!("{dev}\n")).unwrap();
    let work = dir.path().join("work");
    let ruling = dir.path().join("ruling.txt");
    let out = dir.path().join("out");
    let log = train_the_tiny_fixture(&[
        "--teacher".as_ref(),
        fixture.as_os_str(),
        "--unlabelled".as_ref(),
        ruling.as_os_str(),
        "--dev".as_ref(),
        dev_path.as_os_str(),
        "--work".as_ref(),
        work.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--epochs".as_ref(),
        "60".as_ref(),
        "--batch".as_ref(),
        "1".as_ref(),
        "--lr".as_ref(),
        "5e-3".as_ref(),
        "--checkpoint-every".as_ref(),
        "25".as_ref(),
        "--minutes".as_ref(),
        "2".as_ref(),
    ]);
    assert!(
        log.contains("1 unlabelled texts, labelled by the teacher only"),
        "{log}"
    );
    let step_50 = log
        .lines()
        .find(|line| line.contains("step 50/"))
        .unwrap_or_else(|| panic!("no step 50 in the log:\n{log}"));
    let loss: f64 = step_50
        .split("loss ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("no loss in {step_50}"));
    assert!(loss.is_finite() && loss >= 0.0, "{step_50}");
    // The trained weights are finite and moved away from the fixture's.
    let check = "import sys, torch\n\
        a = torch.load(sys.argv[1], weights_only=True)\n\
        b = torch.load(sys.argv[2], weights_only=False)['model']\n\
        floats = [k for k, v in a.items() if v.is_floating_point()]\n\
        finite = all(bool(torch.isfinite(b[k]).all()) for k in floats)\n\
        moved = max(float((b[k] - a[k]).abs().max()) for k in floats)\n\
        print(finite, moved)\n";
    let (finite, moved) = compare_checkpoints(check, &fixture, &work.join("checkpoint.pt"));
    assert_eq!(finite, "True", "{finite} {moved}");
    assert!(moved.parse::<f64>().unwrap() > 0.0, "{finite} {moved}");
}
