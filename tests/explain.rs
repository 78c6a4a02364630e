//! `explain`: one substitution or entity explained from its log, with the review's decisions.

use crate::util::*;

fn explain(out: &std::path::Path, args: &[&str]) -> (bool, String) {
    success_and_output(
        schuilnaam()
            .arg("explain")
            .arg(out)
            .arg("rbrot-mishandeling-2024.txt")
            .args(args),
    )
}

#[test]
fn explain_tells_detector_confidence_reasons_doubts_and_the_review_decision() {
    let out = tempfile::tempdir().unwrap();
    schuilnaam()
        .arg("run")
        .arg(samples().join("straf/rbrot-mishandeling-2024.txt"))
        .arg("--out")
        .arg(out.path())
        .arg("--no-model")
        .assert()
        .success();
    let log = substitutions(&out.path().join("rbrot-mishandeling-2024.txt.log.jsonl"));
    let bsn = log.iter().find(|r| r["category"] == "bsn").expect("a BSN");
    let at = bsn["start"].as_u64().unwrap() + 1;

    let (ok, said) = explain(out.path(), &["--at", &at.to_string()]);
    assert!(ok, "{said}");
    assert!(
        said.contains(&format!("{:?}", bsn["original"].as_str().unwrap())),
        "{said}"
    );
    assert!(said.contains("vervangen door \"[BSN]\""), "{said}");
    assert!(
        said.contains("de regel bsn") && said.contains("zekerheid: "),
        "{said}"
    );
    for step in bsn["reason"].as_str().unwrap().split("; ") {
        assert!(
            said.contains(&format!("    - {step}")),
            "{step:?} missing: {said}"
        );
    }
    assert!(said.contains("nog niet beoordeeld"), "{said}");

    // A kept name says so, in English on request.
    let kept = log
        .iter()
        .find(|r| r["action"] == "keep" && r["category"] == "professional");
    let kept = kept.expect("a kept professional");
    let (ok, said) = explain(
        out.path(),
        &["--at", &kept["start"].to_string(), "--lang", "en"],
    );
    assert!(
        ok && said.contains(": kept") && said.contains("found by"),
        "{said}"
    );

    // After review the decision is part of the explanation.
    let count = |entity: &serde_json::Value| log.iter().filter(|r| r["entity"] == *entity).count();
    let named_twice = log
        .iter()
        .find(|r| r["entity"].is_string() && count(&r["entity"]) > 1)
        .expect("an entity named twice");
    let entity = named_twice["entity"].as_str().unwrap();
    let review = serde_json::json!({
        "document": "rbrot-mishandeling-2024.txt", "reviewed": true, "reviewer": "J. Redacteur",
        "reviewed_at": "2026-12-03T10:00:00Z",
        "decisions": [{"action": "rename_entity", "entity": entity, "pseudonym": "[aangever]",
                       "reviewer": "J. Redacteur", "at": "2026-12-03T10:00:00Z"}]});
    std::fs::write(
        out.path().join("rbrot-mishandeling-2024.txt.review.json"),
        serde_json::to_vec(&review).unwrap(),
    )
    .unwrap();
    let (ok, said) = explain(out.path(), &["--entity", entity]);
    let mentions = log.iter().filter(|r| r["entity"] == entity).count();
    assert!(ok, "{said}");
    assert!(said.contains(&format!("{mentions} vermeldingen")), "{said}");
    assert_eq!(
        said.matches(
            "beoordeling: rename_entity door J. Redacteur op 2026-12-03T10:00:00Z (\"[aangever]\")"
        )
        .count(),
        mentions,
        "{said}"
    );

    // The overview lists every entity; an unknown one is an error naming it.
    let (ok, said) = explain(out.path(), &[]);
    let pseudonym = named_twice["replacement"].as_str().unwrap();
    assert!(
        ok && said.contains(entity) && said.contains(pseudonym),
        "{said}"
    );
    let (ok, said) = explain(out.path(), &["--entity", "e999"]);
    assert!(!ok && said.contains("no entity \"e999\""), "{said}");
    let (ok, said) = explain(out.path(), &["--at", "0"]);
    assert!(
        !ok && said.contains("no substitution or kept span at 0"),
        "{said}"
    );
}
