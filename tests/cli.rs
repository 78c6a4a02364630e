//! The `run` command on corpus/samples: outputs, logs, summary, batch behaviour, exit codes.

use crate::util::*;
use predicates::prelude::*;
use schuilnaam::read;
use std::path::Path;

/// Identifiers written into the samples; none may survive in any output.
const PERSONAL: [&str; 22] = [
    "908301662",
    "1318.60.914",
    "948219932",
    "NL76 TRIO 2684 6563 21",
    "DE89 3704 0044 0532 0130 00",
    "06-41872290",
    "(030) 231 44 87",
    "+31 6 2849 1173",
    "050 - 318 42 71",
    "hjvdmeulen@ziggo.nl",
    "instagram.com/mo.elamrani_020",
    "https://www.facebook.com/abdirahman.hassan.5891",
    "Kastanjelaan 44 bis",
    "Mathenesserweg 211-III",
    "3571 KD",
    "12 maart 1987",
    "12-ABC-3",
    "12ABC3",
    "1-KBB-00",
    "2948173650",
    "P04791188",
    "84.241.199.12",
];

/// Things the Rechtspraak keeps; all must survive unchanged.
const KEPT: [&str; 16] = [
    "C/13/712345 / HA ZA 22-318",
    "10/204518-23",
    "18/072934-24 (P)",
    "22-003817-20",
    "ARN 22/5817",
    "ECLI:NL:GHAMS:2021:45",
    "ECLI:NL:HR:2022:1059",
    "artikel 6:162 BW",
    "€ 18.250,00",
    "mr. A.H. Smit",
    "mr. C.M. de Graaf-Brouwer",
    "14 september 2023",
    "[...]",
    "[heb]",
    "https://www.om.nl/onderwerpen/oplichting",
    "info@cbr.nl",
];

#[test]
fn samples_cover_every_area_in_text_and_xml() {
    let files = files_under(&samples());
    let areas = [
        "civiel",
        "straf",
        "bestuur",
        "familie",
        "insolventie",
        "vreemdelingen",
    ];
    for area in areas {
        assert!(
            files.iter().any(|f| f.starts_with(area)),
            "no {area} sample"
        );
    }
    let texts = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "txt"));
    let xmls = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "xml"));
    assert!(texts.count() >= 12);
    assert!(xmls.count() >= 12);
}

#[test]
fn run_replaces_identifiers_and_keeps_what_must_stay() {
    let out = run_samples(&[]);
    let mut all_output = String::new();
    for input in files_under(&samples()) {
        let output = out.path().join(&input);
        let text = std::fs::read_to_string(&output)
            .unwrap_or_else(|e| panic!("{}: {e}", output.display()));
        all_output.push_str(&text);
        let log = out.path().join(format!("{}.log.jsonl", input.display()));
        assert!(log.is_file(), "{} has no log", input.display());
    }
    for value in PERSONAL {
        assert!(!all_output.contains(value), "{value:?} leaked");
    }
    for value in KEPT {
        assert!(all_output.contains(value), "{value:?} was removed");
    }
    let birth_year = regex::Regex::new(r"\[geboortedatum( \d+)?\] 1987").unwrap();
    assert!(
        birth_year.is_match(&all_output),
        "the year of birth must stay"
    );
    assert!(all_output.contains("[BSN]"));
}

#[test]
fn every_logged_original_is_the_input_slice() {
    let out = run_samples(&[]);
    for input in files_under(&samples()) {
        let doc = read::read_file(&samples().join(&input), "x", read::DEFAULT_MAX_SIZE).unwrap();
        let output =
            read::read_file(&out.path().join(&input), "x", read::DEFAULT_MAX_SIZE).unwrap();
        let log = out.path().join(format!("{}.log.jsonl", input.display()));
        let records = substitutions(&log);
        assert!(!records.is_empty(), "{}: nothing found", input.display());
        for record in records {
            let (start, end) = (
                record["start"].as_u64().unwrap(),
                record["end"].as_u64().unwrap(),
            );
            assert_eq!(
                char_slice(&doc.text, start as usize, end as usize),
                record["original"].as_str().unwrap(),
                "{}",
                input.display()
            );
            let (out_start, out_end) = (
                record["output_start"].as_u64().unwrap() as usize,
                record["output_end"].as_u64().unwrap() as usize,
            );
            let written = record["replacement"]
                .as_str()
                .or(record["original"].as_str())
                .unwrap();
            assert_eq!(char_slice(&output.text, out_start, out_end), written);
            for key in [
                "category",
                "detector",
                "confidence",
                "context",
                "reason",
                "document",
            ] {
                assert!(!record[key].is_null(), "{key} missing");
            }
            if record["action"] == "replace" {
                assert!(record["entity"].as_str().unwrap().starts_with('e'));
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn logs_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let out = run_samples(&[]);
    for file in files_under(out.path()) {
        if file.to_string_lossy().ends_with(".log.jsonl") {
            let mode = std::fs::metadata(out.path().join(&file))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{}", file.display());
        }
    }
}

#[test]
fn summary_counts_per_category_and_document() {
    let out = run_samples(&[]);
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("summary.json")).unwrap()).unwrap();
    let inputs = files_under(&samples()).len();
    assert_eq!(summary["documents"], inputs);
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["per_document"].as_array().unwrap().len(), inputs);
    for category in [
        "bsn",
        "iban",
        "phone",
        "email",
        "address",
        "postcode",
        "license_plate",
        "date_of_birth",
        "id_number",
        "ip_address",
        "url",
        "place",
    ] {
        assert!(
            summary["replaced"][category].as_u64().unwrap_or(0) > 0,
            "no {category} in the samples' summary"
        );
    }
    assert!(summary["stage_ms"]["detect:rule:bsn"].as_f64().is_some());
}

#[test]
fn output_is_identical_whatever_the_jobs() {
    let one = run_samples(&["--jobs", "1"]);
    let two = run_samples(&["--jobs", "2"]);
    let files = files_under(one.path());
    assert_eq!(files, files_under(two.path()));
    for file in files.iter().filter(|f| f.as_os_str() != "summary.json") {
        assert_eq!(
            std::fs::read(one.path().join(file)).unwrap(),
            std::fs::read(two.path().join(file)).unwrap(),
            "{} differs",
            file.display()
        );
    }
}

#[test]
fn inputs_are_never_modified() {
    let before: Vec<Vec<u8>> = files_under(&samples())
        .iter()
        .map(|f| std::fs::read(samples().join(f)).unwrap())
        .collect();
    let _out = run_samples(&[]);
    let after: Vec<Vec<u8>> = files_under(&samples())
        .iter()
        .map(|f| std::fs::read(samples().join(f)).unwrap())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn existing_outputs_need_force() {
    let out = run_samples(&[]);
    schuilnaam()
        .args(["run", "--no-model", "--out"])
        .arg(out.path())
        .arg(samples())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    schuilnaam()
        .args(["run", "--no-model", "--force", "--out"])
        .arg(out.path())
        .arg(samples())
        .assert()
        .success();
}

#[test]
fn failed_documents_get_no_output_and_the_batch_goes_on() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("goed.txt"), "BSN 123456782.\n").unwrap();
    std::fs::write(input.path().join("kapot.txt"), b"BSN \xff 123456782\n").unwrap();
    std::fs::write(
        input.path().join("kapot.xml"),
        "<open-rechtspraak><uitspraak><para>x</uitspraak></open-rechtspraak>",
    )
    .unwrap();
    std::fs::write(input.path().join("groot.txt"), "x".repeat(2000)).unwrap();
    let out = tempfile::tempdir().unwrap();
    schuilnaam()
        .args(["run", "--no-model", "--max-size", "1000", "--out"])
        .arg(out.path())
        .arg(input.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("kapot.txt").and(predicate::str::contains("UTF-8")))
        .stderr(
            predicate::str::contains("kapot.xml").and(predicate::str::contains("malformed XML")),
        )
        .stderr(predicate::str::contains("groot.txt").and(predicate::str::contains("size limit")));
    assert_eq!(
        std::fs::read_to_string(out.path().join("goed.txt")).unwrap(),
        "BSN [BSN].\n"
    );
    for failed in ["kapot.txt", "kapot.xml", "groot.txt"] {
        assert!(!out.path().join(failed).exists());
        assert!(!out.path().join(format!("{failed}.log.jsonl")).exists());
    }
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["failed"], 3);
    assert_eq!(summary["errors"].as_array().unwrap().len(), 3);
}

#[test]
fn outputs_that_cannot_be_written_are_told_per_document_and_the_summary_last() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("goed.txt"), "BSN 123456782.\n").unwrap();
    std::fs::create_dir(input.path().join("map")).unwrap();
    std::fs::write(input.path().join("map/stuk.txt"), "BSN 123456782.\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    // What a full disk or a folder in the way does: "map" is a file where the outputs need a
    // folder, and "summary.json" a folder where the summary goes.
    std::fs::write(out.path().join("map"), "").unwrap();
    std::fs::create_dir(out.path().join("summary.json")).unwrap();
    let stderr = run_failing_batch(input.path(), out.path());
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].contains("map/stuk.txt") && lines[0].contains("cannot write"),
        "{stderr}"
    );
    assert!(
        lines[1].contains("summary.json: cannot write")
            && lines[1].contains("1 of 2 documents pseudonymised, 1 failed"),
        "{stderr}"
    );
    // The operator reads the file they asked for, not a temporary name.
    assert!(!stderr.contains("schuilnaam-tmp"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.path().join("goed.txt")).unwrap(),
        "BSN [BSN].\n"
    );
    let left: Vec<std::path::PathBuf> = files_under(out.path())
        .into_iter()
        .filter(|file| file.to_string_lossy().ends_with("schuilnaam-tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn stdin_to_stdout_keeps_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("stdin.log.jsonl");
    let output = schuilnaam()
        .args(["run", "-", "--no-model", "--log"])
        .arg(&log)
        .write_stdin(b"\xEF\xBB\xBFtel. 06-12345678\r\nBSN 123456782\r\n".to_vec())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        output,
        b"\xEF\xBB\xBFtel. [telefoonnummer 1]\r\nBSN [BSN]\r\n"
    );
    let records = substitutions(&log);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["document"], "-");
}

#[test]
fn usage_errors_exit_2_with_a_reason() {
    schuilnaam()
        .args(["run", "--no-model", "--out", "x", "/no/such/ruling.xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/ruling.xml"));
    schuilnaam()
        .args(["run", "--no-model", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--log"));
    schuilnaam()
        .args(["run", "--no-model"])
        .arg(samples())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out"));
}

#[test]
fn config_disables_detectors_and_rejects_unknown_ones() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "[detectors]\ndisabled = [\"rule:phone\"]\n").unwrap();
    let output = schuilnaam()
        .args(["run", "-", "--no-model", "--log"])
        .arg(dir.path().join("l.jsonl"))
        .arg("--config")
        .arg(&config)
        .write_stdin("tel. 06-12345678, BSN 123456782")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(output).unwrap(),
        "tel. 06-12345678, BSN [BSN]"
    );
    std::fs::write(&config, "[detectors]\ndisabled = [\"rule:telefoon\"]\n").unwrap();
    schuilnaam()
        .args(["run", "-", "--no-model", "--force", "--log"])
        .arg(dir.path().join("l.jsonl"))
        .arg("--config")
        .arg(&config)
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("c.toml").and(predicate::str::contains("rule:telefoon")));
}

#[test]
fn help_teaches_with_examples() {
    schuilnaam().arg("--help").assert().success().stdout(
        predicate::str::contains("Examples:").and(predicate::str::contains("schuilnaam run")),
    );
    schuilnaam()
        .args(["run", "--help"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Exit codes:")
                .and(predicate::str::contains("log.jsonl"))
                .and(predicate::str::contains("--force")),
        );
}

#[test]
fn a_single_file_input_is_named_after_the_file() {
    let out = tempfile::tempdir().unwrap();
    let input = samples().join("civiel/rbmne-huurachterstand-2023.txt");
    schuilnaam()
        .args(["run", "--no-model", "--out"])
        .arg(out.path())
        .arg(&input)
        .assert()
        .success();
    assert!(Path::new(&out.path().join("rbmne-huurachterstand-2023.txt")).is_file());
}

/// Outputs mirror the inputs' paths, so a file or folder named after a party would publish
/// the name its text no longer holds: `run` warns and the summary marks the document.
#[test]
fn a_path_named_after_a_replaced_person_is_warned_about() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("vonnis Hoogendoorn 2024.txt"), A_PARTY).unwrap();
    // "van" and "der" are words of the folder, but no person's name: no warning.
    std::fs::create_dir(input.path().join("zaken van der Berg")).unwrap();
    std::fs::write(input.path().join("zaken van der Berg/stuk.txt"), A_PARTY).unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = schuilnaam()
        .args(["run", "--no-model", "--jobs", "1", "--out"])
        .arg(out.path())
        .arg(input.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains("vonnis Hoogendoorn 2024.txt") && warnings[0].contains("rename"),
        "{stderr}"
    );
    let output = std::fs::read_to_string(out.path().join("vonnis Hoogendoorn 2024.txt")).unwrap();
    assert!(!output.contains("Hoogendoorn"), "{output}");
    let marked: Vec<String> = summary(out.path())["per_document"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path_names_a_replaced_person"] == true)
        .map(|d| d["document"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(marked, ["vonnis Hoogendoorn 2024.txt"]);
    // A resumed batch keeps the finished document and says it again.
    let assert = schuilnaam()
        .args(["run", "--no-model", "--jobs", "1", "--resume", "--out"])
        .arg(out.path())
        .arg(input.path())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(summary(out.path())["resumed"], 2, "{stderr}");
    assert_eq!(
        stderr.lines().filter(|l| l.contains("warning")).count(),
        1,
        "{stderr}"
    );
    // Publication says it again, for the published copy.
    let published = tempfile::tempdir().unwrap();
    let assert = apply(out.path(), published.path())
        .arg("--include-unreviewed")
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    let published_copy = published.path().join("vonnis Hoogendoorn 2024.txt");
    assert!(
        warnings[0].contains(&published_copy.display().to_string()),
        "{stderr}"
    );
}

#[test]
fn shards_together_cover_every_document_once() {
    let outputs: Vec<Vec<std::path::PathBuf>> = ["0/2", "1/2"]
        .iter()
        .map(|shard| {
            let out = run_samples(&["--shard", shard]);
            files_under(out.path())
                .into_iter()
                .filter(|f| f.extension().is_some_and(|e| e == "txt" || e == "xml"))
                .collect()
        })
        .collect();
    assert!(!outputs[0].is_empty() && !outputs[1].is_empty());
    assert!(outputs[0].iter().all(|f| !outputs[1].contains(f)));
    let mut all: Vec<_> = outputs.concat();
    all.sort();
    assert_eq!(all, files_under(&samples()));
}

/// `schuilnaam summary OUT...`, its stdout as JSON on success, else its stderr.
fn merge_summaries(outs: &[&Path]) -> Result<serde_json::Value, String> {
    let output = schuilnaam().arg("summary").args(outs).output().unwrap();
    if output.status.success() {
        Ok(serde_json::from_slice(&output.stdout).unwrap())
    } else {
        assert_eq!(output.status.code(), Some(2));
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

#[test]
fn shard_summaries_merge_into_the_single_run_and_refuse_what_does_not_add_up() {
    let single = run_samples(&[]);
    let single: serde_json::Value =
        serde_json::from_slice(&std::fs::read(single.path().join("summary.json")).unwrap())
            .unwrap();
    let shards: Vec<tempfile::TempDir> = ["0/3", "1/3", "2/3"]
        .iter()
        .map(|shard| run_samples(&["--shard", shard]))
        .collect();
    let paths: Vec<&Path> = shards.iter().map(|d| d.path()).collect();
    // Any order.
    let merged = merge_summaries(&[paths[2], paths[0], paths[1]]).unwrap();
    for key in [
        "documents",
        "succeeded",
        "failed",
        "bytes",
        "replaced",
        "kept",
    ] {
        assert_eq!(merged[key], single[key], "{key}");
    }
    assert_eq!(merged["run"], single["run"]);
    assert_eq!(merged["shards"].as_array().unwrap().len(), 3);
    let documents = |summary: &serde_json::Value| -> Vec<String> {
        summary["per_document"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["document"].as_str().unwrap().to_string())
            .collect()
    };
    let mut expected = documents(&single);
    expected.sort();
    assert_eq!(documents(&merged), expected);

    let missing = merge_summaries(&[paths[0], paths[2]]).unwrap_err();
    assert!(missing.contains("shard(s) 1 of 3 missing"), "{missing}");
    let twice = merge_summaries(&[paths[0], paths[1], paths[1], paths[2]]).unwrap_err();
    assert!(twice.contains("shard 1 is given twice"), "{twice}");
    let unsharded = tempfile::tempdir().unwrap();
    std::fs::write(
        unsharded.path().join("summary.json"),
        serde_json::to_vec(&single).unwrap(),
    )
    .unwrap();
    let not_a_shard = merge_summaries(&[paths[0], unsharded.path()]).unwrap_err();
    assert!(not_a_shard.contains("not a shard"), "{not_a_shard}");
    // The same shard of a run with other settings is another run.
    let surrogate = run_samples(&["--shard", "1/3", "--style", "surrogate"]);
    let other = merge_summaries(&[paths[0], surrogate.path(), paths[2]]).unwrap_err();
    assert!(other.contains("from another run"), "{other}");
}

#[test]
fn progress_json_writes_one_line_per_document() {
    let out = tempfile::tempdir().unwrap();
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("a.txt"),
        "Eiser, BSN 123456782, woont te Utrecht.",
    )
    .unwrap();
    std::fs::write(input.path().join("b.txt"), b"\xff\xfe not UTF-8").unwrap();
    let output = schuilnaam()
        .arg("run")
        .arg(input.path())
        .arg("--out")
        .arg(out.path())
        .args(["--no-model", "--progress", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<serde_json::Value> = stderr
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    let line = |document: &str| lines.iter().find(|l| l["document"] == document).unwrap();
    assert_eq!(line("a.txt")["status"], "ok");
    assert_eq!(line("a.txt")["replaced_by_category"]["bsn"], 1);
    assert!(line("a.txt")["replaced"].as_u64().unwrap() >= 1);
    assert!(line("a.txt")["ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(line("b.txt")["status"], "failed");
    assert!(line("b.txt")["error"].as_str().unwrap().contains("b.txt"));
}

#[test]
fn bench_reports_rates_stages_and_memory_and_emits_its_corpus() {
    let report = json_stdout(schuilnaam().args([
        "bench",
        "--no-model",
        "--docs",
        "6",
        "--size",
        "4",
        "--repeat",
        "2",
        "--json",
    ]));
    assert_eq!(report["corpus"]["documents"], 6);
    assert!(report["corpus"]["bytes"].as_u64().unwrap() >= 6 * 4000);
    assert_eq!(report["rounds"].as_array().unwrap().len(), 2);
    let rate = &report["documents_per_s"];
    assert!(rate["min"].as_f64().unwrap() <= rate["median"].as_f64().unwrap());
    assert!(rate["median"].as_f64().unwrap() > 0.0);
    for stage in ["read", "detect:rule:bsn", "resolve", "render", "write"] {
        assert!(report["stage_ms"].get(stage).is_some(), "{stage} missing");
    }
    assert!(report["peak_rss_mib"].as_f64().unwrap() > 1.0);
    assert_eq!(report["threads"]["intra_op_threads"], 0);

    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    schuilnaam()
        .args(["bench", "--docs", "3", "--size", "2", "--emit"])
        .arg(&corpus)
        .assert()
        .success();
    let files = files_under(&corpus);
    assert_eq!(files.len(), 3);
    let first = std::fs::read_to_string(corpus.join(&files[0])).unwrap();
    assert!(
        first.starts_with("RECHTBANK") && first.len() >= 2000,
        "{first}"
    );
    // A second emit into a non-empty folder is refused rather than mixed.
    schuilnaam()
        .args(["bench", "--docs", "3", "--emit"])
        .arg(&corpus)
        .assert()
        .code(2);
}

#[test]
fn apply_publishes_reviewed_documents_only_unless_told() {
    let out = run_samples(&[]);
    let dir = tempfile::tempdir().unwrap();
    let published = dir.path().join("published");
    apply(out.path(), &published)
        .assert()
        .success()
        .stderr(predicates::str::contains("not reviewed, not published"));
    assert!(!published.exists() || files_under(&published).is_empty());

    // One document reviewed by hand, with one substitution rejected.
    let document = "straf/ghdha-verkeer-hoger-beroep-2021.txt";
    let log = substitutions(&out.path().join(format!("{document}.log.jsonl")));
    let email = log
        .iter()
        .find(|r| r["category"] == "email" && r["action"] == "replace")
        .unwrap();
    let review = serde_json::json!({
        "document": document, "reviewed": true, "reviewer": "test", "reviewed_at": "2026-11-29T17:00:00Z",
        "decisions": [{"action": "reject", "start": email["start"], "end": email["end"], "reviewer": "test", "at": "2026-11-29T17:00:00Z"}]
    });
    std::fs::write(
        out.path().join(format!("{document}.review.json")),
        serde_json::to_vec(&review).unwrap(),
    )
    .unwrap();
    apply(out.path(), &published).assert().success();
    assert_eq!(files_under(&published).len(), 2, "the document and its log");
    let text = std::fs::read_to_string(published.join(document)).unwrap();
    assert!(text.contains(email["original"].as_str().unwrap()));
    assert!(!text.contains("1-KBB-00"));

    let everything = dir.path().join("everything");
    apply(out.path(), &everything)
        .arg("--include-unreviewed")
        .assert()
        .success();
    assert_eq!(
        files_under(&everything).len(),
        files_under(&samples()).len() * 2
    );
}

#[test]
fn parketnummers_written_with_dots_are_not_phone_numbers() {
    let out = pseudonymise_stdin(
        "Parketnummers: 03.216548.21, 03.149601.21 en 21-000844-14. Tel. 06-12345678.\n",
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "Parketnummers: 03.216548.21, 03.149601.21 en 21-000844-14. Tel. [telefoonnummer 1].\n"
    );
}

#[test]
fn generate_writes_a_man_page_per_command_and_completions() {
    let dir = tempfile::tempdir().unwrap();
    schuilnaam()
        .args(["generate", "man", "--out"])
        .arg(dir.path().join("man"))
        .assert()
        .success();
    let pages: Vec<String> = files_under(&dir.path().join("man"))
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    for page in ["schuilnaam.1", "schuilnaam-run.1", "schuilnaam-summary.1"] {
        assert!(pages.contains(&page.to_string()), "{pages:?}");
    }
    // clap's own `help` subcommand gets no pages.
    assert!(pages.iter().all(|p| !p.contains("-help")), "{pages:?}");
    let run_page = std::fs::read_to_string(dir.path().join("man/schuilnaam-run.1")).unwrap();
    assert!(run_page.contains("shard I of N"));
    schuilnaam()
        .args(["generate", "bash", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let bash = std::fs::read_to_string(dir.path().join("schuilnaam.bash")).unwrap();
    assert!(bash.contains("--progress") && bash.contains("summary"));
}
