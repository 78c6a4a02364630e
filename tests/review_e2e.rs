//! Review end to end in a real headless browser (Debian's chromium, driven by playwright-core
//! from Node): `run` a sample, start `review`, reject one substitution, add one missed name,
//! mark the document reviewed, `apply`, and check the published text. The screenshot is kept
//! in target/e2e/review.png (not committed). Needs `apt-get install chromium` and
//! `npm ci --prefix tests/e2e`, which .ci/run does.

use crate::util::*;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Kills the review server when the test ends, however it ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn an_editor_rejects_adds_reviews_and_publishes() {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} missing: run scripts/setup-tests.sh (the README test command does), or set CHROMIUM"
    );
    assert!(
        root()
            .join("tests/e2e/node_modules/playwright-core")
            .is_dir(),
        "playwright-core missing: run scripts/setup-tests.sh (the README test command does)"
    );
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let sample = "ghdha-verkeer-hoger-beroep-2021.txt";
    std::fs::copy(samples().join("straf").join(sample), input.join(sample)).unwrap();
    let out = dir.path().join("out");
    schuilnaam()
        .args(["run", "--no-model", "--out"])
        .arg(&out)
        .arg(&input)
        .assert()
        .success();

    let mut child = Command::new(env!("CARGO_BIN_EXE_schuilnaam"))
        .args(["review", "--reviewer", "E2E Redacteur"])
        .arg(&out)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut url = String::new();
    BufReader::new(stdout).read_line(&mut url).unwrap();
    let url = url.trim().to_string();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.contains("?token="),
        "{url}"
    );

    // Without the token the server says no.
    let bare = url.split('?').next().unwrap();
    let forbidden = Command::new("node")
        .arg("-e")
        .arg(format!(
            "fetch('{bare}api/documents').then(r => process.exit(r.status === 403 ? 0 : 1))"
        ))
        .status()
        .unwrap();
    assert!(
        forbidden.success(),
        "a request without the token was served"
    );

    let screenshots = root().join("target/e2e");
    std::fs::create_dir_all(&screenshots).unwrap();
    let driven = Command::new("node")
        .arg(root().join("tests/e2e/review.mjs"))
        .arg(&url)
        .arg(screenshots.join("review.png"))
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    assert!(
        driven.status.success(),
        "browser run failed: {}{}",
        String::from_utf8_lossy(&driven.stdout),
        String::from_utf8_lossy(&driven.stderr)
    );
    drop(server);

    let review: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join(format!("{sample}.review.json"))).unwrap())
            .unwrap();
    assert_eq!(review["reviewed"], true);
    assert_eq!(review["reviewer"], "E2E Redacteur");
    let actions: Vec<&str> = review["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["reject", "add"]);

    let published = dir.path().join("published");
    apply(&out, &published).assert().success();
    let text = std::fs::read_to_string(published.join(sample)).unwrap();
    // The rejected e-mail address is back, the added name is gone everywhere, and the
    // other substitutions stand.
    assert!(text.contains("a.yildiz75@outlook.com"), "{text}");
    assert!(!text.contains("Ahmet Yildiz"), "{text}");
    assert!(text.contains("[persoon 1]"), "{text}");
    assert!(
        !text.contains("1-KBB-00") && !text.contains("5012847733"),
        "{text}"
    );
    let log = substitutions(&published.join(format!("{sample}.log.jsonl")));
    assert!(log.iter().any(|r| r["detector"] == "review"));
    let decisions = std::fs::read_to_string(published.join(format!("{sample}.log.jsonl")))
        .unwrap()
        .lines()
        .filter(|l| l.contains("\"type\":\"decision\""))
        .count();
    assert_eq!(decisions, 2);
}
