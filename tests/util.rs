//! Shared helpers: the samples folder, a fresh command, log parsing.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A party header whose name the rules alone replace: "Pieter Hoogendoorn" becomes [eiser].
pub const A_PARTY: &str =
    "Pieter Hoogendoorn, wonende te Sneek,\neiser,\n\ntegen\n\nde gemeente Sneek.\n";

pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/samples")
}

pub fn schuilnaam() -> Command {
    Command::cargo_bin("schuilnaam").expect("binary is built")
}

/// `schuilnaam apply OUT_DIR --out PUBLISHED`, ready for more arguments.
pub fn apply(out_dir: &Path, published: &Path) -> Command {
    let mut command = schuilnaam();
    command
        .arg("apply")
        .arg(out_dir)
        .arg("--out")
        .arg(published);
    command
}

/// `schuilnaam run --no-model --jobs 1 --out OUT INPUT` on a batch in which some documents
/// fail: asserts exit code 1 (the others were written) and returns the error output.
pub fn run_failing_batch(input: &Path, out: &Path) -> String {
    let assert = schuilnaam()
        .args(["run", "--no-model", "--jobs", "1", "--out"])
        .arg(out)
        .arg(input)
        .assert()
        .code(1);
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// Every file under `dir`, relative, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    files.sort();
    files
}

/// The substitution records of a JSONL log.
pub fn substitutions(log: &Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap_or_else(|e| panic!("{}: {e}", log.display()))
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("each log line is JSON"))
        .filter(|record| record["type"] == "substitution")
        .collect()
}

/// The `summary.json` a run wrote into `out`.
pub fn summary(out: &Path) -> Value {
    let path = out.join("summary.json");
    serde_json::from_slice(
        &std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .expect("summary.json is JSON")
}

/// Characters `start..end` (code points) of `text`.
pub fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// `schuilnaam run - --no-model` on `input`, with its log in a scratch folder: the output.
pub fn pseudonymise_stdin(input: impl Into<Vec<u8>>) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    schuilnaam()
        .args(["run", "-", "--no-model", "--log"])
        .arg(dir.path().join("stdin.log.jsonl"))
        .write_stdin(input.into())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// Runs a command to its end: whether it succeeded, and what it said on stdout and stderr.
pub fn success_and_output(command: &mut Command) -> (bool, String) {
    let output = command.output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), said)
}

/// Runs a command that must succeed and prints one JSON value (`--json`): that value.
pub fn json_stdout(command: &mut Command) -> Value {
    let output = command.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&output).unwrap()
}

/// Runs the binary on the samples into a fresh folder and returns it.
pub fn run_samples(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    schuilnaam()
        .arg("run")
        .arg(samples())
        .arg("--out")
        .arg(out.path())
        .arg("--no-model")
        .args(extra)
        .assert()
        .success();
    out
}

/// The WordprocessingML namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A Word package with the given parts, stored compressed as Word stores them.
pub fn docx_package(parts: &[(&str, String)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        writer.start_file(*name, options).unwrap();
        std::io::Write::write_all(&mut writer, content.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

pub fn document_xml(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
    )
}
