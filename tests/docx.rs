//! Word documents: the package is changed inside text only, names split over runs are found
//! whole, the package's own fields that name people are replaced, and LibreOffice opens
//! what is written with no original left in it; the other formats it saves fail by name.

use crate::util::*;
use regex::Regex;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The Word samples, made from text samples by `corpus/tools/txt_to_docx.py`.
fn docx_samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/samples-docx")
}

/// Every entry of a package: name → (compression method, decompressed bytes), in order.
fn entries(bytes: &[u8]) -> Vec<(String, String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            (
                entry.name().unwrap().to_string(),
                format!("{:?}", entry.compression()),
                content,
            )
        })
        .collect()
}

fn entry(bytes: &[u8], name: &str) -> String {
    let found = entries(bytes).into_iter().find(|(n, _, _)| n == name);
    String::from_utf8(found.unwrap_or_else(|| panic!("no {name}")).2).unwrap()
}

fn run_one(input: &[u8], extra: &[&str]) -> (Vec<u8>, Vec<serde_json::Value>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vonnis.docx");
    std::fs::write(&path, input).unwrap();
    let out = dir.path().join("out");
    schuilnaam()
        .arg("run")
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .args(extra)
        .assert()
        .success();
    let output = std::fs::read(out.join("vonnis.docx")).unwrap();
    (output, substitutions(&out.join("vonnis.docx.log.jsonl")))
}

/// The tags of a part, with the values of the attributes that name people (which are
/// replaced) blanked.
fn tags(xml: &str) -> Vec<String> {
    let tag = Regex::new(r"<[^>]+>").unwrap();
    let person = Regex::new(r#"(:author|:initials|:userId)="[^"]*""#).unwrap();
    tag.find_iter(xml)
        .map(|m| person.replace_all(m.as_str(), "$1=\"…\"").into_owned())
        .collect()
}

#[test]
fn a_document_with_nothing_to_replace_is_written_back_byte_for_byte() {
    let input = docx_package(&[(
        "word/document.xml",
        document_xml(
            "<w:p><w:r><w:t>Het hof bevestigt het vonnis waarvan beroep.</w:t></w:r></w:p>",
        ),
    )]);
    let (output, log) = run_one(&input, &["--no-model"]);
    assert!(log.is_empty(), "{log:?}");
    assert_eq!(output, input);
}

#[test]
fn a_name_split_over_runs_is_found_whole_and_written_into_the_first_run() {
    let body = "<w:p><w:r><w:t xml:space=\"preserve\">De verdachte </w:t></w:r>\
        <w:r><w:t xml:space=\"preserve\">Jan de </w:t></w:r>\
        <w:r><w:rPr><w:b/></w:rPr><w:t>Vries</w:t></w:r>\
        <w:r><w:t xml:space=\"preserve\">, geboren op 3 maart 1981 te Utrecht, verklaart.</w:t></w:r></w:p>";
    let input = docx_package(&[
        ("[Content_Types].xml", "<Types/>".to_string()),
        ("word/document.xml", document_xml(body)),
        ("word/styles.xml", "<w:styles/>".to_string()),
    ]);
    let (output, log) = run_one(&input, &[]);
    let name = log.iter().find(|r| r["original"] == "Jan de Vries");
    let name = name.unwrap_or_else(|| panic!("the split name is not one substitution: {log:?}"));
    assert_eq!(name["action"], "replace");
    assert!(name["element"]
        .as_str()
        .unwrap()
        .starts_with("/word/document.xml/document[1]/body[1]/p[1]/r[2]/t[1]"));
    let pseudonym = name["replacement"].as_str().unwrap();
    let xml = entry(&output, "word/document.xml");
    assert!(
        xml.contains(&format!("<w:r><w:t xml:space=\"preserve\">{pseudonym}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t></w:t></w:r>")),
        "{xml}"
    );
    assert!(!xml.contains("Vries"), "{xml}");
    assert_eq!(tags(&xml), tags(&entry(&input, "word/document.xml")));
    for (before, after) in entries(&input).iter().zip(entries(&output)) {
        assert_eq!(before.0, after.0, "entries keep their order");
        if before.0 != "word/document.xml" {
            assert_eq!(*before, after, "{} changed", before.0);
        }
    }
}

#[test]
fn separators_are_text_only_and_offsets_are_code_points_of_the_extracted_text() {
    let body = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\
        <w:r><w:t>Eiser:</w:t></w:r><w:r><w:tab/><w:t>Åsa Bakkali</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>wonende te Zwolle</w:t><w:br/><w:t>eiser</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let input = docx_package(&[("word/document.xml", document_xml(body))]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.docx");
    std::fs::write(&path, &input).unwrap();
    let doc = schuilnaam::read::read_file(&path, "x.docx", 1 << 20).unwrap();
    assert_eq!(doc.text, "Eiser:\tÅsa Bakkali\nwonende te Zwolle\neiser\n");
    let (_, log) = run_one(&input, &["--no-model"]);
    assert!(!log.is_empty());
    for record in &log {
        let start = record["start"].as_u64().unwrap() as usize;
        let end = record["end"].as_u64().unwrap() as usize;
        assert_eq!(char_slice(&doc.text, start, end), record["original"]);
    }
}

#[test]
fn the_package_fields_that_name_people_are_replaced_and_logged_with_their_part() {
    let author = "Hanneke Verbeek-Smit";
    let body = format!(
        "<w:p><w:ins w:id=\"1\" w:author=\"{author}\" w:date=\"2024-03-01T12:00:00Z\"><w:r><w:t>Het hof bevestigt het vonnis.</w:t></w:r></w:ins></w:p>"
    );
    let input = docx_package(&[
        ("word/document.xml", document_xml(&body)),
        (
            "word/comments.xml",
            format!("<w:comments xmlns:w=\"{W}\"><w:comment w:id=\"0\" w:author=\"{author}\" w:initials=\"HVS\"><w:p><w:r><w:t>Nagaan.</w:t></w:r></w:p></w:comment></w:comments>"),
        ),
        (
            "docProps/core.xml",
            format!("<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\"><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>3</cp:revision></cp:coreProperties>"),
        ),
        (
            "docProps/app.xml",
            "<Properties xmlns=\"e\"><Company>Verbeek &amp; Smit Juridisch Advies</Company><Pages>1</Pages></Properties>".to_string(),
        ),
    ]);
    let (output, log) = run_one(&input, &["--no-model"]);
    let replaced: BTreeMap<String, String> = log
        .iter()
        .filter(|r| r["action"] == "replace")
        .map(|r| {
            (
                r["element"].as_str().unwrap().to_string(),
                r["original"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for element in [
        "/word/document.xml/document[1]/body[1]/p[1]/ins[1]/@author[1]",
        "/word/comments.xml/comments[1]/comment[1]/@author[1]",
        "/word/comments.xml/comments[1]/comment[1]/@initials[1]",
        "/docProps/core.xml/coreProperties[1]/creator[1]",
        "/docProps/core.xml/coreProperties[1]/lastModifiedBy[1]",
        "/docProps/app.xml/Properties[1]/Company[1]",
    ] {
        assert!(
            replaced.contains_key(element),
            "{element} not replaced: {replaced:?}"
        );
    }
    assert_eq!(
        replaced["/docProps/app.xml/Properties[1]/Company[1]"],
        "Verbeek & Smit Juridisch Advies"
    );
    let same: Vec<&serde_json::Value> = log.iter().filter(|r| r["original"] == author).collect();
    assert!(
        same.iter()
            .all(|r| r["replacement"] == same[0]["replacement"]),
        "{same:?}"
    );
    for (name, _, content) in entries(&output) {
        let content = String::from_utf8(content).unwrap();
        assert!(
            !content.contains("Verbeek") && !content.contains("HVS"),
            "{name}: {content}"
        );
    }
    assert!(entry(&output, "docProps/core.xml").contains("<cp:revision>3</cp:revision>"));
}

#[test]
fn broken_packages_get_a_clear_error_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("geen-word.docx"),
        docx_package(&[("xl/workbook.xml", "<workbook/>".into())]),
    )
    .unwrap();
    std::fs::write(
        input.join("brief.odt"),
        docx_package(&[
            ("mimetype", "application/vnd.oasis.opendocument.text".into()),
            ("content.xml", "<office:document-content/>".into()),
        ]),
    )
    .unwrap();
    let mut truncated = docx_package(&[("word/document.xml", document_xml("<w:p/>"))]);
    truncated.truncate(truncated.len() - 30);
    std::fs::write(input.join("afgebroken.docx"), truncated).unwrap();
    std::fs::write(
        input.join("kapot.docx"),
        docx_package(&[("word/document.xml", document_xml("<w:p><w:r><w:t>open"))]),
    )
    .unwrap();
    std::fs::write(
        input.join("goed.txt"),
        "De verdachte Jan de Vries verklaart.",
    )
    .unwrap();
    let out = dir.path().join("out");
    let stderr = run_failing_batch(&input, &out);
    assert!(
        stderr.contains("geen-word.docx") && stderr.contains("without word/document.xml"),
        "{stderr}"
    );
    assert!(
        stderr.contains("brief.odt: unsupported format: an OpenDocument file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("afgebroken.docx") && stderr.contains("not a readable ZIP"),
        "{stderr}"
    );
    assert!(
        stderr.contains("kapot.docx") && stderr.contains("word/document.xml at byte"),
        "{stderr}"
    );
    assert!(out.join("goed.txt").exists());
    for failed in [
        "geen-word.docx",
        "brief.odt",
        "afgebroken.docx",
        "kapot.docx",
    ] {
        assert!(!out.join(failed).exists(), "{failed} got an output");
    }
}

#[test]
fn a_part_that_decompresses_past_the_size_limit_is_refused() {
    let huge = "<w:p><w:r><w:t>aaaa</w:t></w:r></w:p>".repeat(40_000);
    let input = docx_package(&[("word/document.xml", document_xml(&huge))]);
    assert!(input.len() < 100_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.docx");
    std::fs::write(&path, &input).unwrap();
    let err = schuilnaam::read::read_file(&path, "bom.docx", 1_000_000)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("bom.docx") && err.contains("decompress to more than"),
        "{err}"
    );
}

/// What LibreOffice makes of `input` (headless, as CI runs it) with the export filter
/// `filter` ("txt:Text", "odt", "doc:MS Word 97" …): the path of the file it wrote.
fn libreoffice_convert(input: &Path, scratch: &Path, filter: &str) -> PathBuf {
    let soffice = std::env::var("SOFFICE").unwrap_or_else(|_| "/usr/bin/soffice".into());
    assert!(
        Path::new(&soffice).exists(),
        "{soffice} missing: run scripts/setup-tests.sh (the README test command does, it installs libreoffice-writer-nogui), or set SOFFICE"
    );
    let profile = scratch.join("profile");
    let status = std::process::Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(scratch)
        .arg(input)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(
        status.success(),
        "LibreOffice could not convert {} with {filter}",
        input.display()
    );
    let extension = filter.split(':').next().unwrap();
    scratch.join(input.with_extension(extension).file_name().unwrap())
}

/// LibreOffice's text of a Word file.
fn libreoffice_text(docx: &Path, scratch: &Path) -> String {
    std::fs::read_to_string(libreoffice_convert(docx, scratch, "txt:Text")).unwrap()
}

#[test]
fn the_formats_libreoffice_saves_besides_docx_fail_by_name() {
    let sample = files_under(&docx_samples())
        .into_iter()
        .next()
        .expect("a Word sample");
    let scratch = tempfile::tempdir().unwrap();
    let input = scratch.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let formats = [
        ("odt", "an OpenDocument file"),
        ("rtf", "an RTF document"),
        ("doc:MS Word 97", "a Word 97-2003 document"),
        ("pdf", "a PDF document"),
    ];
    let converted: Vec<(String, &str)> = formats
        .iter()
        .map(|&(filter, name)| {
            let file = libreoffice_convert(&docx_samples().join(&sample), scratch.path(), filter);
            let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
            std::fs::rename(&file, input.join(&file_name)).unwrap();
            (file_name, name)
        })
        .collect();
    let out = scratch.path().join("out");
    let stderr = run_failing_batch(&input, &out);
    for (file, name) in converted {
        assert!(
            stderr.contains(&format!("{file}: unsupported format: {name}")),
            "{file}: {stderr}"
        );
        assert!(!out.join(&file).exists(), "{file} got an output");
    }
}

#[test]
fn libreoffice_opens_every_output_and_no_replaced_original_is_left_in_it() {
    let out = tempfile::tempdir().unwrap();
    schuilnaam()
        .arg("run")
        .arg(docx_samples())
        .arg("--out")
        .arg(out.path())
        .arg("--no-model")
        .assert()
        .success();
    let samples = files_under(&docx_samples());
    assert!(samples.len() >= 4, "{samples:?}");
    for input in samples {
        let output = out.path().join(&input);
        let log = substitutions(&out.path().join(format!("{}.log.jsonl", input.display())));
        let scratch = tempfile::tempdir().unwrap();
        let text = libreoffice_text(&output, scratch.path());
        let replaced: Vec<&str> = log
            .iter()
            // A place is personal only in its context ("wonende te Arnhem"); the same word
            // elsewhere ("zittingsplaats Arnhem") stays, as in the property tests.
            .filter(|r| r["action"] == "replace" && r["category"] != "place")
            .map(|r| r["original"].as_str().unwrap())
            .collect();
        assert!(replaced.len() > 5, "{}", input.display());
        let shown = log
            .iter()
            .filter(|r| r["action"] == "replace")
            .filter(|r| text.contains(r["replacement"].as_str().unwrap()))
            .count();
        assert!(
            shown > 5,
            "{}: LibreOffice shows {shown} pseudonyms: {text}",
            input.display()
        );
        for original in replaced {
            assert!(
                !text.contains(original),
                "{}: {original:?} left in LibreOffice's text",
                input.display()
            );
        }
        let original = std::fs::read(docx_samples().join(&input)).unwrap();
        let written = std::fs::read(&output).unwrap();
        for (before, after) in entries(&original).iter().zip(entries(&written)) {
            assert_eq!(before.0, after.0);
            if !before.0.ends_with(".xml")
                || before.0.contains("_rels")
                || before.0 == "[Content_Types].xml"
            {
                assert_eq!(*before, after, "{}: {} changed", input.display(), before.0);
            } else {
                let (a, b) = (
                    String::from_utf8_lossy(&before.2),
                    String::from_utf8_lossy(&after.2),
                );
                assert_eq!(
                    tags(&a),
                    tags(&b),
                    "{}: {} lost or gained a tag",
                    input.display(),
                    before.0
                );
            }
        }
    }
}

/// What Word's "accept all changes" does to a part: deletions go, insertions stay.
fn accept_all(xml: &str) -> String {
    let deleted = Regex::new(r"(?s)<w:del\b[^>]*>.*?</w:del>").unwrap();
    let inserted = Regex::new(r"(?s)<w:ins\b[^>]*>(.*?)</w:ins>").unwrap();
    let xml = deleted.replace_all(xml, "");
    inserted.replace_all(&xml, "$1").into_owned()
}

/// What rejecting the first tracked replacement of `original` does: the deleted run comes
/// back as a plain run and the inserted pseudonym goes.
fn reject_first(xml: &str, original: &str) -> String {
    let pair = Regex::new(&format!(
        r"(?s)<w:del\b[^>]*><w:r>(<w:rPr>.*?</w:rPr>)?<w:delText xml:space=.preserve.>{}</w:delText></w:r></w:del><w:ins\b[^>]*>.*?</w:ins>",
        regex::escape(original)
    ))
    .unwrap();
    pair.replace(
        xml,
        format!("<w:r><w:t xml:space=\"preserve\">{original}</w:t></w:r>"),
    )
    .into_owned()
}

/// `package` with its parts passed through `edit`.
fn edit_parts(package: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    let parts: Vec<(String, String)> = entries(package)
        .into_iter()
        .map(|(name, _, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            let edited = if name.starts_with("word/") && name.ends_with(".xml") {
                edit(&text)
            } else {
                text
            };
            (name, edited)
        })
        .collect();
    let borrowed: Vec<(&str, String)> =
        parts.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    docx_package(&borrowed)
}

fn run_review(input: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vonnis.docx");
    std::fs::write(&path, input).unwrap();
    schuilnaam()
        .arg("run")
        .arg(&path)
        .arg("--out")
        .arg(dir.path().join("review"))
        .arg("--docx-review")
        .assert()
        .success();
    let output = dir.path().join("review/vonnis.docx");
    (dir, output)
}

fn check(file: &Path, log: &Path) -> (bool, String) {
    success_and_output(schuilnaam().arg("check").arg(file).arg("--log").arg(log))
}

#[test]
fn review_output_accepted_in_full_is_the_pseudonymised_output() {
    for input in files_under(&docx_samples()) {
        let original = std::fs::read(docx_samples().join(&input)).unwrap();
        let (dir, review) = run_review(&original);
        let (plain, _) = run_one(&original, &[]);
        let reviewed = std::fs::read(&review).unwrap();
        let xml = entry(&reviewed, "word/document.xml");
        assert!(
            xml.contains("w:author=\"schuilnaam\""),
            "{}",
            input.display()
        );
        assert!(
            entry(&reviewed, "word/comments.xml").contains("kept: "),
            "{}",
            input.display()
        );
        // Word's "accept all" keeps comments; LibreOffice's text export leaves them out, as
        // a published ruling does.
        let accepted = dir.path().join("accepted.docx");
        std::fs::write(&accepted, edit_parts(&reviewed, accept_all)).unwrap();
        let plain_path = dir.path().join("plain.docx");
        std::fs::write(&plain_path, &plain).unwrap();
        let scratch = tempfile::tempdir().unwrap();
        let accepted_text = libreoffice_text(&accepted, scratch.path());
        let plain_text = libreoffice_text(&plain_path, scratch.path());
        assert!(plain_text.len() > 1000, "{plain_text}");
        assert_eq!(accepted_text, plain_text, "{}", input.display());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&review).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "a review output holds the originals");
        }
        // The review output itself opens, and shows the originals as deleted text.
        let text = libreoffice_text(&review, scratch.path());
        assert!(text.len() > plain_text.len(), "{text}");
    }
}

#[test]
fn check_refuses_unresolved_changes_and_a_rejected_mention_of_an_accepted_person() {
    let body = "<w:p><w:r><w:t xml:space=\"preserve\">De verdachte Jan de Vries, geboren op 3 maart 1981 te Utrecht, verklaart dat hij thuis was.</w:t></w:r></w:p>\
        <w:p><w:r><w:t xml:space=\"preserve\">De rechtbank gelooft Jan de Vries niet.</w:t></w:r></w:p>";
    let input = docx_package(&[("word/document.xml", document_xml(body))]);
    let (dir, review) = run_review(&input);
    let log = dir.path().join("review/vonnis.docx.log.jsonl");
    let reviewed = std::fs::read(&review).unwrap();
    assert!(entry(&reviewed, "word/document.xml")
        .contains("<w:delText xml:space=\"preserve\">Jan de Vries</w:delText>"));

    let (passes, said) = check(&review, &log);
    assert!(
        !passes && said.contains("unresolved tracked change"),
        "{said}"
    );

    let all_accepted = dir.path().join("accepted.docx");
    std::fs::write(&all_accepted, edit_parts(&reviewed, accept_all)).unwrap();
    let (passes, said) = check(&all_accepted, &log);
    assert!(passes && said.contains("0 rejected"), "{said}");

    let one_rejected = dir.path().join("one-rejected.docx");
    std::fs::write(
        &one_rejected,
        edit_parts(&reviewed, |xml| {
            accept_all(&reject_first(xml, "Jan de Vries"))
        }),
    )
    .unwrap();
    let (passes, said) = check(&one_rejected, &log);
    assert!(
        !passes && said.contains("\"Jan de Vries\" of an accepted entity"),
        "{said}"
    );

    // Rejecting every mention is the editor's call (no personal data after all); deleting
    // schuilnaam's comments on kept names changes nothing.
    let both_rejected = dir.path().join("both-rejected.docx");
    std::fs::write(
        &both_rejected,
        edit_parts(&reviewed, |xml| {
            accept_all(&reject_first(
                &reject_first(xml, "Jan de Vries"),
                "Jan de Vries",
            ))
        }),
    )
    .unwrap();
    let (passes, said) = check(&both_rejected, &log);
    assert!(
        passes && said.contains("1 rejected") && said.contains("rejected: e"),
        "{said}"
    );
}

#[test]
fn apply_publishes_a_reviewed_word_document_with_the_editors_decisions() {
    let out = tempfile::tempdir().unwrap();
    let input = docx_samples().join("straf/rbrot-mishandeling-2024.docx");
    schuilnaam()
        .arg("run")
        .arg(&input)
        .arg("--out")
        .arg(out.path().join("run"))
        .assert()
        .success();
    let log = substitutions(
        &out.path()
            .join("run/rbrot-mishandeling-2024.docx.log.jsonl"),
    );
    // Reject an entity named once, so that nothing else of it is left replaced.
    let mentions =
        |entity: &serde_json::Value| log.iter().filter(|r| r["entity"] == *entity).count();
    let rejected = log
        .iter()
        .find(|r| {
            r["action"] == "replace" && r["category"] == "person" && mentions(&r["entity"]) == 1
        })
        .expect("a person named once");
    let review = serde_json::json!({
        "document": "rbrot-mishandeling-2024.docx", "reviewed": true, "reviewer": "T",
        "reviewed_at": "2026-12-03T00:00:00Z",
        "decisions": [{"action": "reject", "start": rejected["start"], "end": rejected["end"],
                       "reviewer": "T", "at": "2026-12-03T00:00:00Z"}]});
    std::fs::write(
        out.path()
            .join("run/rbrot-mishandeling-2024.docx.review.json"),
        serde_json::to_vec(&review).unwrap(),
    )
    .unwrap();
    apply(&out.path().join("run"), &out.path().join("pub"))
        .assert()
        .success();
    let published = out.path().join("pub/rbrot-mishandeling-2024.docx");
    let scratch = tempfile::tempdir().unwrap();
    let text = libreoffice_text(&published, scratch.path());
    let original = rejected["original"].as_str().unwrap();
    assert!(text.contains(original), "{original:?} not back: {text}");
    assert!(
        !text.contains(rejected["replacement"].as_str().unwrap()),
        "{text}"
    );
}
