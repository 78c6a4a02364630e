//! `schuilnaam eval`: the pipeline against a gold file.

use super::{default_jobs, load_pipeline};
use crate::{EvalArgs, EXIT_DOCUMENTS_FAILED, EXIT_OK};
use anyhow::{Context, Result};
use schuilnaam::corpus::gold::read_gold;
use schuilnaam::eval::{evaluate, regressions, Baseline};

pub fn print_spans(heading: &str, spans: &[(usize, &schuilnaam::eval::Miss)]) {
    if spans.is_empty() {
        return;
    }
    println!("\nMost frequent {heading} (count, label, text, context; ! = no doubt covers it):");
    for (count, span) in spans {
        let mark = if span.unflagged { '!' } else { ' ' };
        println!(
            "{count:>4}{mark} {:<14} {:<28} {}: …{}…",
            span.label, span.text, span.document, span.context
        );
    }
}

pub fn eval(args: EvalArgs) -> Result<u8> {
    let pipeline = load_pipeline(&args.pipeline, default_jobs())?;
    let gold = read_gold(&args.gold)?;
    let report = evaluate(&pipeline, &gold);
    let summary = report.summary();
    if args.json {
        let mut json = serde_json::to_value(&summary)?;
        if args.consistency {
            json["consistency"] = serde_json::to_value(report.consistency.scores())?;
        }
        if args.per_document {
            json["per_document"] = serde_json::to_value(&report.per_document)?;
        }
        println!("{}", serde_json::to_string_pretty(&json)?);
    } else {
        print!("{}", report.render_table());
        print_spans("misses", &report.worst_misses(args.misses));
        print_spans(
            "false alarms",
            &report.worst_false_alarms(args.false_alarms),
        );
        let role_errors = report.worst_role_errors(args.misses);
        if !role_errors.is_empty() {
            println!("\nMost frequent role errors (count, editors' role, ours, text, context):");
            for (count, editors, ours, span) in role_errors {
                println!(
                    "{count:>4}  {editors:<14} {ours:<14} {:<24} {}: …{}…",
                    span.text, span.document, span.context
                );
            }
        }
    }
    let Some(baseline_path) = &args.baseline else {
        return Ok(EXIT_OK);
    };
    let value: serde_json::Value = serde_json::from_slice(
        &std::fs::read(baseline_path)
            .with_context(|| format!("{}: cannot read", baseline_path.display()))?,
    )
    .with_context(|| format!("{}: not JSON", baseline_path.display()))?;
    let baseline = Baseline::from_json(&value).with_context(|| {
        format!(
            "{}: not a baseline ({{\"micro_recall\", \"kept_rate\"}} or an eval --json report)",
            baseline_path.display()
        )
    })?;
    let problems = regressions(&summary, &baseline, args.tolerance);
    for problem in &problems {
        eprintln!(
            "schuilnaam: regression: {problem} ({})",
            baseline_path.display()
        );
    }
    // A baseline written with --per-document: which rulings the difference lies in (the gate's
    // decision does not change; it says where to look).
    if let Some(theirs) = value.get("per_document").and_then(|v| v.as_array()) {
        let leaked_before: std::collections::HashSet<&str> = theirs
            .iter()
            .filter(|d| d["leaked"] == serde_json::Value::Bool(true))
            .filter_map(|d| d["id"].as_str())
            .collect();
        let (mut fixed, mut new) = (Vec::new(), Vec::new());
        for outcome in &report.per_document {
            match (leaked_before.contains(outcome.id.as_str()), outcome.leaked) {
                (true, false) => fixed.push(outcome.id.as_str()),
                (false, true) => new.push(outcome.id.as_str()),
                _ => {}
            }
        }
        eprintln!(
            "schuilnaam: against {}: {} rulings no longer leak{}, {} leak now{}",
            baseline_path.display(),
            fixed.len(),
            listed(&fixed),
            new.len(),
            listed(&new)
        );
    }
    Ok(if problems.is_empty() {
        EXIT_OK
    } else {
        EXIT_DOCUMENTS_FAILED
    })
}

/// " (a, b)" for a non-empty list of ruling ids, nothing for none.
fn listed(ids: &[&str]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" ({})", ids.join(", "))
    }
}
