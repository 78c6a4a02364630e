//! Format handling: Rechtspraak XML is changed inside text nodes only, and text and XML
//! versions of one ruling get the same substitutions.

use crate::util::*;
use regex::Regex;
use std::collections::BTreeSet;

fn tags(xml: &str) -> Vec<String> {
    let tag = Regex::new(r"<[^>]+>").unwrap();
    tag.find_iter(xml).map(|m| m.as_str().to_string()).collect()
}

#[test]
fn xml_keeps_every_element_attribute_and_the_metadata() {
    let out = run_samples(&[]);
    for input in files_under(&samples()) {
        if input.extension().is_none_or(|e| e != "xml") {
            continue;
        }
        let original = std::fs::read_to_string(samples().join(&input)).unwrap();
        let output = std::fs::read_to_string(out.path().join(&input)).unwrap();
        assert_ne!(original, output, "{}: nothing replaced", input.display());
        assert_eq!(tags(&original), tags(&output), "{}", input.display());
        let metadata_end = original.find("<inhoudsindicatie").unwrap();
        assert_eq!(
            &original[..metadata_end],
            &output[..metadata_end],
            "{}: metadata changed",
            input.display()
        );
    }
}

#[test]
fn a_street_split_by_an_inline_element_is_found_whole() {
    let out = run_samples(&[]);
    let input = "civiel/rbmne-huurachterstand-2023.xml";
    let original = std::fs::read_to_string(samples().join(input)).unwrap();
    assert!(original.contains("<emphasis>Kastanjelaan</emphasis> 44 bis"));
    let output = std::fs::read_to_string(out.path().join(input)).unwrap();
    assert!(
        output.contains("wonende aan de <emphasis>[adres 1]</emphasis>, [postcode 1]"),
        "{output}"
    );
    let log = substitutions(&out.path().join(format!("{input}.log.jsonl")));
    let street = log
        .iter()
        .find(|r| r["original"] == "Kastanjelaan 44 bis")
        .unwrap();
    assert!(street["element"]
        .as_str()
        .unwrap()
        .ends_with("/emphasis[1]"));
}

#[test]
fn escaped_text_stays_escaped() {
    let out = run_samples(&[]);
    let output =
        std::fs::read_to_string(out.path().join("civiel/rbams-onrechtmatige-daad-2022.xml"))
            .unwrap();
    assert!(output.contains("Van Wijk &amp; Partners B.V."));
}

#[test]
fn text_and_xml_versions_get_the_same_substitutions() {
    let out = run_samples(&[]);
    for input in files_under(&samples()) {
        if input.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let summarise = |name: String| -> BTreeSet<(String, String, String)> {
            substitutions(&out.path().join(name))
                .iter()
                .map(|r| {
                    (
                        r["category"].as_str().unwrap().to_string(),
                        r["original"].as_str().unwrap().to_string(),
                        r["replacement"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        };
        let text = summarise(format!("{}.log.jsonl", input.display()));
        let xml = summarise(format!(
            "{}.log.jsonl",
            input.with_extension("xml").display()
        ));
        assert_eq!(text, xml, "{}", input.display());
    }
}

#[test]
fn rtf_and_pdf_fail_by_name_and_the_batch_goes_on() {
    let input = tempfile::tempdir().unwrap();
    // Both are valid UTF-8: before the fix they were read as text and written out with the
    // name inside the RTF markup unfound.
    std::fs::write(
        input.path().join("vonnis.rtf"),
        "{\\rtf1\\ansi De verdachte Jan \\b de Vries\\b0, BSN 123456782.}",
    )
    .unwrap();
    std::fs::write(input.path().join("vonnis.pdf"), "%PDF-1.4\nBSN 123456782\n").unwrap();
    std::fs::write(input.path().join("goed.txt"), "BSN 123456782.\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let stderr = run_failing_batch(input.path(), out.path());
    for expected in [
        "vonnis.rtf: unsupported format: an RTF document",
        "vonnis.pdf: unsupported format: a PDF document",
    ] {
        assert!(stderr.contains(expected), "{stderr}");
    }
    assert!(out.path().join("goed.txt").exists());
    assert!(!out.path().join("vonnis.rtf").exists());
    assert!(!out.path().join("vonnis.pdf").exists());
    assert_eq!(summary(out.path())["failed"], 2);
}
