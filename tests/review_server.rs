//! The review server against a local attacker and a web page in the editor's browser
//! (issue 15): raw HTTP over loopback, so that every header is the test's to choose.

use crate::util::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A review server on a folder, killed when the test ends however it ends.
struct Server {
    child: Child,
    port: u16,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(out: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_schuilnaam"))
        .args(["review", "--reviewer", "Tester"])
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut url = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut url)
        .unwrap();
    let url = url.trim();
    let rest = url.strip_prefix("http://127.0.0.1:").expect(url);
    let (port, query) = rest.split_once('/').unwrap();
    Server {
        child,
        port: port.parse().unwrap(),
        token: query.strip_prefix("?token=").unwrap().to_string(),
    }
}

/// One HTTP/1.1 request; returns the status and the body.
fn request(port: u16, head: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

impl Server {
    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn get(&self, path: &str, host: &str) -> (u16, String) {
        request(
            self.port,
            &format!("GET {path}&token={} HTTP/1.1\r\nHost: {host}", self.token),
            "",
        )
    }

    fn post(&self, path: &str, extra_headers: &str, body: &str) -> (u16, String) {
        request(
            self.port,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json{extra_headers}",
                self.host()
            ),
            body,
        )
    }

    /// A POST as the review page sends it: token header, same origin.
    fn post_as_page(&self, path: &str, body: &str) -> (u16, String) {
        let headers = format!(
            "\r\nOrigin: http://{}\r\nX-Schuilnaam-Token: {}",
            self.host(),
            self.token
        );
        self.post(path, &headers, body)
    }
}

/// A rules-only run of `files` (name, text), written into a fresh folder's `in/`, into its
/// `out/`.
fn run_of(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, text) in files {
        std::fs::write(input.join(name), text).unwrap();
    }
    schuilnaam()
        .args(["run", "--no-model", "--out"])
        .arg(dir.path().join("out"))
        .arg(&input)
        .assert()
        .success();
    dir
}

/// A run of one sample into a fresh folder.
fn reviewed_run() -> (tempfile::TempDir, String) {
    let sample = "ghdha-verkeer-hoger-beroep-2021.txt";
    let text = std::fs::read_to_string(samples().join("straf").join(sample)).unwrap();
    (run_of(&[(sample, &text)]), sample.to_string())
}

#[test]
fn foreign_hosts_cross_site_posts_and_query_tokens_on_changes_are_refused() {
    let (dir, sample) = reviewed_run();
    let server = start(&dir.path().join("out"));
    let list = "/api/documents?x=1";
    assert_eq!(server.get(list, &server.host()).0, 200);
    assert_eq!(
        server.get(list, &format!("localhost:{}", server.port)).0,
        200
    );
    // DNS rebinding: the browser sends the attacker's name as Host.
    assert_eq!(server.get(list, "evil.example").0, 421);
    assert_eq!(
        server.get(list, &format!("evil.example:{}", server.port)).0,
        421
    );

    let subs = substitutions(&dir.path().join("out").join(format!("{sample}.log.jsonl")));
    let decision = format!(
        r#"{{"action":"reject","start":{},"end":{}}}"#,
        subs[0]["start"], subs[0]["end"]
    );
    let path = format!("/api/decide?doc={sample}&token={}", server.token);
    // A cross-site form can put the token in the URL, but not in a header.
    let origin = format!("\r\nOrigin: http://{}", server.host());
    assert_eq!(server.post(&path, &origin, &decision).0, 403);
    // Another origin, even with the token header.
    let foreign = format!(
        "\r\nOrigin: http://evil.example\r\nX-Schuilnaam-Token: {}",
        server.token
    );
    assert_eq!(server.post(&path, &foreign, &decision).0, 403);
    let no_origin = format!("\r\nX-Schuilnaam-Token: {}", server.token);
    assert_eq!(server.post(&path, &no_origin, &decision).0, 403);
    let review = dir.path().join("out").join(format!("{sample}.review.json"));
    assert!(!review.exists(), "a refused request stored a decision");
    // As the page sends it.
    let (status, body) = server.post_as_page(&path, &decision);
    assert_eq!(status, 200, "{body}");
    assert!(review.exists());
}

#[test]
fn decisions_that_do_not_fit_the_log_are_refused() {
    let (dir, sample) = reviewed_run();
    let out = dir.path().join("out");
    let server = start(&out);
    let subs = substitutions(&out.join(format!("{sample}.log.jsonl")));
    let (start, end) = (
        subs[0]["start"].as_u64().unwrap(),
        subs[0]["end"].as_u64().unwrap(),
    );
    let path = format!("/api/decide?doc={sample}&token={}", server.token);
    for bad in [
        format!(r#"{{"action":"reject","start":{end},"end":{start}}}"#),
        r#"{"action":"add","start":10,"end":99999999,"category":"person"}"#.to_string(),
        r#"{"action":"reject_entity","entity":"e999"}"#.to_string(),
        r#"{"action":"rename_entity","entity":"e1","pseudonym":""}"#.to_string(),
    ] {
        let (status, body) = server.post_as_page(&path, &bad);
        assert_eq!(status, 422, "{bad}: {body}");
    }
    assert!(!out.join(format!("{sample}.review.json")).exists());
    // What was refused cannot trip apply later.
    apply(&out, &dir.path().join("pub"))
        .arg("--include-unreviewed")
        .assert()
        .success();
}

#[test]
fn one_server_per_folder_and_concurrent_decisions_are_all_kept() {
    let (dir, sample) = reviewed_run();
    let out = dir.path().join("out");
    let server = start(&out);
    // A second server on the same folder refuses to start and says why.
    let second = schuilnaam()
        .args(["review"])
        .arg(&out)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&second).contains("another review server"),
        "{}",
        String::from_utf8_lossy(&second)
    );
    let subs = substitutions(&out.join(format!("{sample}.log.jsonl")));
    let decision = format!(
        r#"{{"action":"accept","start":{},"end":{}}}"#,
        subs[0]["start"], subs[0]["end"]
    );
    let path = format!("/api/decide?doc={sample}&token={}", server.token);
    let server = &server;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    for _ in 0..25 {
                        assert_eq!(server.post_as_page(&path, &decision).0, 200);
                    }
                })
            })
            .collect();
        for handle in handles {
            handle.join().unwrap();
        }
    });
    let review: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join(format!("{sample}.review.json"))).unwrap())
            .unwrap();
    assert_eq!(review["decisions"].as_array().unwrap().len(), 100);
}

/// A document whose path holds a name replaced in its text is marked in the list the page
/// shows ("naam in bestandsnaam"), as `run` warned.
#[test]
fn the_document_list_marks_a_path_that_names_a_replaced_person() {
    let dir = run_of(&[
        ("vonnis Hoogendoorn.txt", A_PARTY),
        ("vonnis 17.txt", A_PARTY),
    ]);
    let server = start(&dir.path().join("out"));
    let (status, body) = server.get("/api/documents?x=1", &server.host());
    assert_eq!(status, 200, "{body}");
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    let marked: Vec<(&str, bool)> = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["document"].as_str().unwrap(),
                d["path_names_a_person"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        marked,
        [("vonnis 17.txt", false), ("vonnis Hoogendoorn.txt", true)]
    );
}
