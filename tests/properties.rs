//! Property tests on generated rulings: every logged original is the input slice, and no
//! replaced original survives anywhere in the output, in text and in XML with inline
//! elements cutting through the identifiers.
//!
//! Failing cases are not persisted to a file: proptest prints the minimal input, which
//! belongs in a named regression test.
//!
//! The generator's seed is fixed, so that every machine and every CI run tries the same 200
//! rulings per property (as the fuzz pass does); `PROPTEST_RNG_SEED=N` explores others.

use proptest::prelude::*;
use schuilnaam::config::Config;
use schuilnaam::detect::bsn::check_digit;
use schuilnaam::detect::iban::check_digits;
use schuilnaam::model::{Category, Document, StageTimings};
use schuilnaam::pipeline::Pipeline;
use schuilnaam::read;
use schuilnaam::write::{LogRecord, Rendered};
use std::path::Path;

fn bsn() -> impl Strategy<Value = String> {
    (proptest::collection::vec(0u32..10, 8), 0usize..3).prop_filter_map(
        "11-test",
        |(digits, format)| {
            let check = check_digit(&digits).filter(|_| digits[0] != 0)?;
            let all: String = digits
                .iter()
                .chain([&check])
                .map(|d| d.to_string())
                .collect();
            Some(match format {
                0 => all,
                1 => format!("{}.{}.{}", &all[..4], &all[4..6], &all[6..]),
                _ => format!("{} {} {}", &all[..3], &all[3..6], &all[6..]),
            })
        },
    )
}

fn iban() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["ABNA", "RABO", "INGB", "SNSB"]),
        0u64..10_000_000_000,
        any::<bool>(),
    )
        .prop_map(|(bank, account, spaced)| {
            let bban = format!("{bank}{account:010}");
            let iban = format!("NL{:02}{bban}", check_digits("NL", &bban).unwrap());
            if spaced {
                iban.as_bytes()
                    .chunks(4)
                    .map(|c| std::str::from_utf8(c).unwrap())
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                iban
            }
        })
}

fn phone() -> impl Strategy<Value = String> {
    (10_000_000u32..99_999_999, 0usize..4).prop_map(|(n, format)| match format {
        0 => format!("06-{n:08}"),
        1 => format!("+31 6 {} {}", n / 10_000, n % 10_000),
        2 => format!("020-{}", n % 10_000_000 + 1_000_000),
        _ => format!(
            "(010) {} {:02} {:02}",
            n % 900 + 100,
            n % 100,
            (n / 100) % 100
        ),
    })
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "de rechtbank", "overweegt", "verdachte", "eiser", "op 12 maart 2021", "Jansen",
            "de zitting", "te Utrecht", "is", "gehoord", "het hof", "mr. A.B. de Vries, griffier",
        ]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "C/13/712345 / HA ZA 22-318", "ROT 21/3941", "13/123456-22", "ECLI:NL:HR:2022:1059",
            "artikel 6:162 BW", "€ 1.250,00", "[eiser]", "[…]",
        ]).prop_map(str::to_string),
        1 => bsn().prop_map(|b| format!("BSN {b}")),
        1 => iban(),
        1 => phone().prop_map(|p| format!("tel. {p}")),
        1 => "[a-z]{2,8}\\.[a-z]{2,8}@(gmail|ziggo|kpnmail)\\.(nl|com)",
        1 => "[A-Z]{2}-[0-9]{3}-[A-Z]",
        1 => "[1-9][0-9]{3} [A-RT-Z][A-Z]",
        1 => "(Kerk|Molen|Dorps)(straat|laan|weg) [1-9][0-9]{0,2}",
        1 => "geboren op [1-2][0-9]-0[1-9]-19[5-9][0-9]",
    ]
}

fn ruling() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            fragment(),
            prop::sample::select(vec![" ", ", ", ".\n", " en "]),
        ),
        1..30,
    )
    .prop_map(|parts| parts.into_iter().map(|(f, sep)| f + sep).collect())
}

static PIPELINE: std::sync::LazyLock<Pipeline> =
    std::sync::LazyLock::new(|| Pipeline::from_config(&Config::default()).unwrap());

fn process(doc: &Document) -> Rendered {
    PIPELINE
        .process(doc, StageTimings::default())
        .unwrap()
        .rendered
}

fn check_log_against(input: &str, output: &str, rendered: &Rendered) -> Result<(), TestCaseError> {
    for record in &rendered.log {
        let LogRecord::Substitution(s) = record else {
            continue;
        };
        let slice: String = input.chars().skip(s.start).take(s.end - s.start).collect();
        prop_assert_eq!(&slice, &s.original);
        // A place name is personal only in its context ("wonende te Utrecht"); the same word
        // elsewhere ("rechtbank Utrecht") stays, so places are exempt from the survival
        // check. Replacing residual mentions belongs to entity resolution.
        if s.replacement.is_some() && s.category != Category::Place {
            prop_assert!(
                !output.contains(&s.original),
                "{:?} survives in {:?}",
                s.original,
                output
            );
        }
    }
    Ok(())
}

/// Every line of `text` as three XML-escaped pieces: before `cut`, the characters
/// `cut..cut+len`, and after, wherever that falls.
fn lines_cut(text: &str, cut: usize, len: usize) -> Vec<[String; 3]> {
    let escape = |chars: &[char]| {
        chars
            .iter()
            .collect::<String>()
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    text.split('\n')
        .map(|line| {
            let chars: Vec<char> = line.chars().collect();
            let a = cut.min(chars.len());
            let b = (cut + len).min(chars.len());
            [
                escape(&chars[..a]),
                escape(&chars[a..b]),
                escape(&chars[b..]),
            ]
        })
        .collect()
}

/// Wraps text in Rechtspraak XML: one <para> per line, and an <emphasis> around the
/// characters `cut..cut+len` of every line, wherever that falls.
fn to_xml(text: &str, cut: usize, len: usize) -> String {
    let paras: String = lines_cut(text, cut, len)
        .iter()
        .map(|[before, inside, after]| {
            format!("<para>{before}<emphasis>{inside}</emphasis>{after}</para>\n")
        })
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<open-rechtspraak><rdf:RDF>BSN 123456782</rdf:RDF>\n<uitspraak>\n{paras}</uitspraak>\n</open-rechtspraak>\n")
}

/// Wraps text in a Word package: one paragraph per line, the characters `cut..cut+len` of
/// every line in a run of their own (bold, as formatting leaves it), wherever that falls.
fn to_docx(text: &str, cut: usize, len: usize) -> Vec<u8> {
    let paragraphs: String = lines_cut(text, cut, len)
        .iter()
        .map(|[before, inside, after]| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{before}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{inside}</w:t></w:r><w:r><w:t xml:space=\"preserve\">{after}</w:t></w:r></w:p>"
            )
        })
        .collect();
    crate::util::docx_package(&[
        ("[Content_Types].xml", "<Types/>".to_string()),
        ("word/document.xml", crate::util::document_xml(&paragraphs)),
    ])
}

/// Found by the Word property test: a street after "griffier" was taken for the clerk's name
/// and kept, so the address was replaced in one place and left in the other.
#[test]
fn an_address_after_a_role_word_is_replaced_everywhere() {
    let text = "Dorpsstraat 7 mr. A.B. de Vries, griffier Dorpsstraat 7 ";
    let doc = Document::from_text("p", text);
    let rendered = process(&doc);
    check_log_against(text, &rendered.output_text, &rendered).unwrap();
    let docx = to_docx(text, 0, 0);
    let doc = read::parse(Path::new("p.docx"), "p", docx, 1 << 20).unwrap();
    let rendered = process(&doc);
    check_log_against(&doc.text, &rendered.output_text, &rendered).unwrap();
}

/// A fixed seed unless `PROPTEST_RNG_SEED` asks for another.
fn seed() -> proptest::test_runner::RngSeed {
    if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        ProptestConfig::default().rng_seed
    } else {
        proptest::test_runner::RngSeed::Fixed(20261203)
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        rng_seed: seed(),
        ..ProptestConfig::default()
    })]

    #[test]
    fn text_log_matches_input_and_nothing_replaced_survives(text in ruling()) {
        let doc = Document::from_text("p", text.clone());
        let rendered = process(&doc);
        check_log_against(&text, &rendered.output_text, &rendered)?;
        prop_assert_eq!(String::from_utf8(rendered.output.clone()).unwrap(), rendered.output_text.clone());
    }

    #[test]
    fn xml_with_inline_cuts_splices_consistently(text in ruling(), cut in 0usize..40, len in 0usize..12) {
        let xml = to_xml(&text, cut, len);
        let doc = read::parse(Path::new("p.xml"), "p", xml.clone().into_bytes(), 1 << 20).unwrap();
        let rendered = process(&doc);
        check_log_against(&doc.text, &rendered.output_text, &rendered)?;
        // The written XML, read back, has exactly the rendered text.
        let reread = read::parse(Path::new("o.xml"), "o", rendered.output.clone(), 1 << 20).unwrap();
        prop_assert_eq!(&reread.text, &rendered.output_text);
        // Metadata untouched.
        let output = String::from_utf8(rendered.output.clone()).unwrap();
        prop_assert!(output.starts_with(&xml[..xml.find("<uitspraak>").unwrap()]));
    }

    #[test]
    fn docx_with_runs_cut_anywhere_splices_consistently(text in ruling(), cut in 0usize..40, len in 0usize..12) {
        let docx = to_docx(&text, cut, len);
        let doc = read::parse(Path::new("p.docx"), "p", docx, 1 << 20).unwrap();
        prop_assert_eq!(doc.text.trim_end_matches('\n'), text.trim_end_matches('\n'));
        let rendered = process(&doc);
        check_log_against(&doc.text, &rendered.output_text, &rendered)?;
        // The written package, read back, has exactly the rendered text.
        let reread = read::parse(Path::new("o.docx"), "o", rendered.output.clone(), 1 << 20).unwrap();
        prop_assert_eq!(&reread.text, &rendered.output_text);
    }
}
