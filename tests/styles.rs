//! The styles end to end with the committed NER model: each style names one person alike
//! everywhere, keyed codes repeat across --jobs and processes, a mapping carries over.

use crate::ner::{root, runtime};
use crate::util::*;
use std::path::{Path, PathBuf};

const CASE: &str = "in de zaak van\n\nJan Pieter de Vries,\nwonende te Utrecht,\neiser,\n\ntegen\n\nSanne Kok-Jansen,\ngedaagde, geboren op 12 maart 1987, BSN 123456782.\n\n2. De vordering\n\nJ.P. de Vries vordert dat Kok-Jansen betaalt. De Vries stelt dat mevrouw Kok niet heeft betaald.\n";

const APPEAL: &str = "Uitspraak in hoger beroep van\n\nSanne Kok-Jansen,\nappellante,\n\ntegen\n\nJan Pieter de Vries,\ngeïntimeerde.\n\nEen nieuwe getuige, Ahmed el Amrani, verklaarde dat De Vries loog.\n";

fn write_case(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("vonnis.txt"), CASE).unwrap();
    std::fs::write(input.join("arrest.txt"), APPEAL).unwrap();
    input
}

fn run(input: &Path, out: &Path, extra: &[&str]) {
    schuilnaam()
        .arg("run")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--model")
        .arg(root().join("models/schuilnaam-ner"))
        .arg("--onnxruntime")
        .arg(runtime())
        .args(extra)
        .assert()
        .success();
}

/// Replacement of every mention of `needle`'s entity in a log.
fn replacements_of(log: &Path, needle: &str) -> Vec<String> {
    let records = substitutions(log);
    let entity = records
        .iter()
        .find(|r| r["original"].as_str().is_some_and(|o| o.contains(needle)))
        .unwrap_or_else(|| panic!("{needle} not in {}", log.display()))["entity"]
        .clone();
    records
        .iter()
        .filter(|r| r["entity"] == entity)
        .map(|r| r["replacement"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn house_style_names_one_person_alike_in_every_form() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_case(dir.path());
    let out = dir.path().join("out");
    run(&input, &out, &[]);
    let text = std::fs::read_to_string(out.join("vonnis.txt")).unwrap();
    assert!(!text.contains("Vries") && !text.contains("Kok"), "{text}");
    let eiser = replacements_of(&out.join("vonnis.txt.log.jsonl"), "Jan Pieter de Vries");
    assert!(eiser.len() >= 3, "{eiser:?}");
    assert!(eiser.iter().all(|r| r == "[eiser]"), "{eiser:?}");
    let gedaagde = replacements_of(&out.join("vonnis.txt.log.jsonl"), "Sanne Kok-Jansen");
    assert!(gedaagde.iter().all(|r| r == "[gedaagde]"), "{gedaagde:?}");
}

#[test]
fn surrogates_keep_each_mentions_form_and_stay_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_case(dir.path());
    let out = dir.path().join("out");
    run(&input, &out, &["--style", "surrogate"]);
    let log = out.join("vonnis.txt.log.jsonl");
    let text = std::fs::read_to_string(out.join("vonnis.txt")).unwrap();
    assert!(
        !text.contains("Vries") && !text.contains("123456782"),
        "{text}"
    );
    let records = substitutions(&log);
    let written = |original: &str| -> String {
        records
            .iter()
            .find(|r| r["original"] == original)
            .unwrap_or_else(|| panic!("{original} not replaced: {records:?}"))["replacement"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let full = written("Jan Pieter de Vries");
    let initials = written("J.P. de Vries");
    let surname = written("De Vries");
    // "Klaas Tahiri": the initials form and the bare surname are the same person's.
    let surrogate_surname = full.split(' ').next_back().unwrap().to_string();
    assert!(
        initials.ends_with(&surrogate_surname),
        "{full} / {initials}"
    );
    assert!(initials.starts_with(&full[..1]), "{full} / {initials}");
    assert!(initials.contains('.'), "{initials}");
    assert!(surname.ends_with(&surrogate_surname), "{full} / {surname}");
    assert!(!surname.contains('.'), "{surname}");
    let bsn = written("123456782");
    assert!(schuilnaam::detect::bsn::passes_eleven_test(&bsn), "{bsn}");
    assert!(written("12 maart 1987").ends_with(" 1987"));
}

#[test]
fn keyed_codes_repeat_across_jobs_and_processes_and_need_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_case(dir.path());
    let key = dir.path().join("schuilnaam.key");
    std::fs::write(&key, "een geheime sleutel van de rechtbank\n").unwrap();
    let key_arg = key.to_str().unwrap();
    let outputs: Vec<PathBuf> = ["1", "2", "2"]
        .iter()
        .enumerate()
        .map(|(i, jobs)| {
            let out = dir.path().join(format!("out-{i}"));
            run(
                &input,
                &out,
                &["--style", "keyed", "--key-file", key_arg, "--jobs", jobs],
            );
            out
        })
        .collect();
    for file in ["vonnis.txt", "arrest.txt"] {
        let first = std::fs::read(outputs[0].join(file)).unwrap();
        for other in &outputs[1..] {
            assert_eq!(first, std::fs::read(other.join(file)).unwrap(), "{file}");
        }
    }
    // One person, one code, in both rulings.
    let in_case = replacements_of(
        &outputs[0].join("vonnis.txt.log.jsonl"),
        "Jan Pieter de Vries",
    );
    let in_appeal = replacements_of(
        &outputs[0].join("arrest.txt.log.jsonl"),
        "Jan Pieter de Vries",
    );
    assert!(in_case[0].starts_with("[persoon "), "{in_case:?}");
    assert!(in_case.iter().chain(&in_appeal).all(|c| *c == in_case[0]));
    let log = std::fs::read_to_string(outputs[0].join("vonnis.txt.log.jsonl")).unwrap();
    assert!(!log.contains("geheime sleutel"));

    schuilnaam()
        .args(["run", "--no-model", "--style", "keyed", "--out"])
        .arg(dir.path().join("no-key"))
        .arg(&input)
        .env_remove("SCHUILNAAM_KEY")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("needs a secret key"));
}

#[test]
fn a_mapping_carries_pseudonyms_to_the_next_ruling_of_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_case(dir.path());
    let mapping = dir.path().join("zaak.mapping.json");
    let first_input = dir.path().join("first");
    std::fs::create_dir_all(&first_input).unwrap();
    std::fs::copy(input.join("vonnis.txt"), first_input.join("vonnis.txt")).unwrap();
    let second_input = dir.path().join("second");
    std::fs::create_dir_all(&second_input).unwrap();
    std::fs::copy(input.join("arrest.txt"), second_input.join("arrest.txt")).unwrap();

    let mapping_arg = mapping.to_str().unwrap();
    run(
        &first_input,
        &dir.path().join("out-1"),
        &["--mapping", mapping_arg],
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&mapping).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    run(
        &second_input,
        &dir.path().join("out-2"),
        &["--mapping", mapping_arg],
    );
    // In appeal De Vries is "geïntimeerde", but the case file calls him [eiser].
    let appeal = replacements_of(
        &dir.path().join("out-2/arrest.txt.log.jsonl"),
        "Jan Pieter de Vries",
    );
    assert!(appeal.iter().all(|r| r == "[eiser]"), "{appeal:?}");
    let witness = replacements_of(
        &dir.path().join("out-2/arrest.txt.log.jsonl"),
        "Ahmed el Amrani",
    );
    assert!(
        witness.iter().all(|r| r != "[eiser]" && r != "[gedaagde]"),
        "{witness:?}"
    );
    let recorded = std::fs::read_to_string(&mapping).unwrap();
    assert!(
        recorded.contains("\"person:de vries|J\": \"[eiser]\""),
        "{recorded}"
    );
}
