//! The editors' policy on a ruling written for this repository
//! (tests/fixtures/editors-policy/uitspraak.txt), through the real pipeline with the committed
//! model: what editors keep stays (a court's seat, a prison, a lawyer's seat, the scene of an
//! offence, a municipality, a country, a city abroad, case numbers, a company's bare name and
//! its brands), what points at a person goes (residence, birthplace after a name and a date,
//! an address with a hyphenated street, co-suspects in a list, numbered appellants, a company
//! named after a person), and what stays in doubt is logged as a doubt.

use crate::ner::{root, runtime};
use crate::util::*;
use serde_json::Value;

fn run_fixture() -> (String, Vec<Value>) {
    let input = root().join("tests/fixtures/editors-policy/uitspraak.txt");
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.jsonl");
    let output = schuilnaam()
        .args(["run", "-", "--log"])
        .arg(&log)
        .arg("--onnxruntime")
        .arg(runtime())
        .write_stdin(std::fs::read(&input).unwrap())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let records = std::fs::read_to_string(&log)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (String::from_utf8(output.stdout).unwrap(), records)
}

#[test]
fn editors_keep_what_names_no_one_and_replace_what_points_at_someone() {
    let (output, records) = run_fixture();
    for kept in [
        "Zittingsplaats Zutphen",
        "05.216548.21",
        "05/149601-21",
        "P.I. Vught",
        "advocaat te Apeldoorn",
        "op 12 december 2023 te IJsselstein",
        "naar Jemen",
        "via Mogadishu",
        "wethouders van Doetinchem",
        "gevestigd te Ede",
        "Korvel verkoopt",
        "merken Tarlo en Wenzo",
        "mr. A.B. de Wit",
    ] {
        assert!(output.contains(kept), "{kept:?} should stay:\n{output}");
    }
    for replaced in [
        "Marduras",
        "Slingerland",
        "Emmen",
        "Ringbaan-West",
        "Tilburg",
        "Ilse Verkerk",
        "Rotterdam",
        "Kees Hoogland",
        "W. Strigt",
        // Co-suspects in a list after "medeverdachte(n)", a benadeelde partij named once,
        // numbered appellants with their towns, a company named after a person.
        "Dijkhuis",
        "Wolthuis",
        "Anouk Veldkamp",
        "Tijmen Brouwers",
        "Sneek",
        "Femke Aalders",
        "Vos-Lammers",
        "Verhoeven de Wildt",
        // A client number: the editors replace the numbers its word says are someone's.
        "74365970",
    ] {
        assert!(!output.contains(replaced), "{replaced:?} leaked:\n{output}");
    }
    // The first of the listed co-suspects takes the role word before the list.
    assert!(
        output.contains("medeverdachte(n) [medeverdachte"),
        "{output}"
    );
    // Personalia without "geboren": the place after the name and date is a birthplace.
    assert!(output.contains("1992 te [geboorteplaats"), "{output}");
    // Kept places where editors sometimes replace them, and a number no rule explains, are
    // doubts.
    let doubts: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r["type"] == "doubt")
        .map(|r| (r["kind"].as_str().unwrap(), r["message"].as_str().unwrap()))
        .collect();
    assert!(
        doubts
            .iter()
            .any(|(k, m)| *k == "long_number" && m.contains("55120934")),
        "{doubts:?}"
    );
    assert!(
        doubts
            .iter()
            .any(|(k, m)| *k == "kept_place" && m.contains("IJsselstein")),
        "{doubts:?}"
    );
}
