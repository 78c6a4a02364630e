//! Crash safety (issue 15): a real batch is killed with SIGKILL at random moments; after every
//! kill each output has its log, and `run --resume` finishes the batch without redoing
//! finished documents, leaves no temporary file, writes summary.json for the whole batch,
//! and gives exactly what an uninterrupted run gives.

use crate::util::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small xorshift generator: the moments of the kills, reproducible from the printed seed.
struct Moments(u64);

impl Moments {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

fn run_command(input: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_schuilnaam"));
    command
        .args(["run", "--no-model", "--jobs", "2", "--out"])
        .arg(out)
        .arg(input)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Outputs (not logs, summaries or temporary files) under `out`.
fn outputs(out: &Path) -> Vec<std::path::PathBuf> {
    files_under(out)
        .into_iter()
        .filter(|f| {
            let name = f.file_name().unwrap().to_string_lossy();
            !name.starts_with('.') && !name.ends_with(".log.jsonl") && name != "summary.json"
        })
        .collect()
}

#[test]
fn a_batch_killed_at_random_moments_resumes_to_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    schuilnaam()
        .args(["bench", "--docs", "300", "--size", "4", "--emit"])
        .arg(&input)
        .assert()
        .success();
    let reference = dir.path().join("reference");
    let started = Instant::now();
    assert!(run_command(&input, &reference, &[])
        .status()
        .unwrap()
        .success());
    let full_run = started.elapsed();

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill moments from seed {seed}");
    let mut moments = Moments(seed);
    let out = dir.path().join("out");
    let mut killed_with_outputs = 0;
    for kill in 0..8 {
        let mut child = run_command(&input, &out, &["--resume"]).spawn().unwrap();
        let wait = moments.next_below(full_run.as_millis() as u64 * 3 / 4 + 1);
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().unwrap();
        child.wait().unwrap();
        let written = outputs(&out);
        for output in &written {
            let mut log = out.join(output).into_os_string();
            log.push(".log.jsonl");
            assert!(
                Path::new(&log).exists(),
                "kill {kill} after {wait} ms: {} has no log",
                output.display()
            );
        }
        if !written.is_empty() {
            killed_with_outputs += 1;
        }
    }

    let finished = run_command(&input, &out, &["--resume"]).status().unwrap();
    assert!(finished.success());
    let all = files_under(&out);
    assert!(
        all.iter()
            .all(|f| !f.to_string_lossy().ends_with(".schuilnaam-tmp")),
        "temporary files left: {all:?}"
    );
    let summary = summary(&out);
    eprintln!(
        "{killed_with_outputs} of 8 kills left outputs; the last run kept {} of 300",
        summary["resumed"]
    );
    assert_eq!(summary["documents"], 300);
    assert_eq!(summary["failed"], 0);
    if killed_with_outputs > 0 {
        assert!(
            summary["resumed"].as_u64().unwrap() > 0,
            "--resume redid every document"
        );
    }
    // Byte for byte what an uninterrupted run wrote (summary.json has timings).
    let expected: Vec<_> = files_under(&reference)
        .into_iter()
        .filter(|f| f != Path::new("summary.json"))
        .collect();
    let got: Vec<_> = all
        .into_iter()
        .filter(|f| f != Path::new("summary.json"))
        .collect();
    assert_eq!(got, expected);
    for file in &expected {
        assert!(
            std::fs::read(out.join(file)).unwrap() == std::fs::read(reference.join(file)).unwrap(),
            "{} differs from an uninterrupted run",
            file.display()
        );
    }
}

#[test]
fn resume_redoes_a_document_whose_input_or_output_changed_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(input.join(name), "BSN 123456782.\n").unwrap();
    }
    // d: untouched, and its log holds a doubt between the substitutions and the end.
    std::fs::write(input.join("d.txt"), "BSN 123456782 van W. Strigt.\n").unwrap();
    let out = dir.path().join("out");
    assert!(run_command(&input, &out, &[]).status().unwrap().success());
    assert!(std::fs::read_to_string(out.join("d.txt.log.jsonl"))
        .unwrap()
        .contains(r#""type":"doubt""#));
    // a: the input changed; b: the output was cut short; c: untouched.
    std::fs::write(input.join("a.txt"), "Tel. 06-12345678.\n").unwrap();
    std::fs::write(out.join("b.txt"), "BSN [B").unwrap();
    assert!(run_command(&input, &out, &["--resume"])
        .status()
        .unwrap()
        .success());
    assert_eq!(
        std::fs::read_to_string(out.join("a.txt")).unwrap(),
        "Tel. [telefoonnummer 1].\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("b.txt")).unwrap(),
        "BSN [BSN].\n"
    );
    let summary = summary(&out);
    assert_eq!(summary["resumed"], 2);
    assert_eq!(summary["documents"], 4);
    let c = summary["per_document"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "c.txt")
        .unwrap();
    assert_eq!(c["resumed"], true);
    assert_eq!(c["replaced"]["bsn"], 1);
}
