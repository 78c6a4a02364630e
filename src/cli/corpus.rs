//! `schuilnaam corpus refill` and `corpus split`: gold files and splits from the rulings.

use crate::{
    FromReviewsArgs, GateDataArgs, RefillArgs, SimulateReviewArgs, SplitArgs, TextsArgs,
    EXIT_DOCUMENTS_FAILED, EXIT_OK,
};
use anyhow::{bail, Context, Result};
use schuilnaam::corpus::gold::to_jsonl;
use schuilnaam::corpus::names::{Names, Pool};
use schuilnaam::corpus::refill::refill as refill_ruling;
use schuilnaam::corpus::split::{extend_splits, read_manifest, read_split, Split};
use schuilnaam::corpus::{collect_rulings, ruling_text};
use schuilnaam::write::write_atomic;

pub fn refill(args: RefillArgs) -> Result<u8> {
    if args.out.exists() && !args.force {
        bail!("{}: exists (use --force to overwrite)", args.out.display());
    }
    let rulings = collect_rulings(&args.dirs).map_err(anyhow::Error::msg)?;
    let split = match &args.split {
        Some(name) => Some(
            Split::from_name(name)
                .with_context(|| format!("--split {name:?}: expected train, dev or test"))?,
        ),
        None => None,
    };
    let train = read_split(&args.splits, Split::Train).map_err(anyhow::Error::msg)?;
    let selected: Option<std::collections::BTreeSet<String>> = match split {
        Some(split) => Some(read_split(&args.splits, split).map_err(anyhow::Error::msg)?),
        None => None,
    };
    let names_for = |pool: Pool| -> Result<Names> {
        match &args.name_lists {
            Some(dir) => Names::with_lists(pool, dir).map_err(anyhow::Error::msg),
            None => Ok(Names::builtin(pool)),
        }
    };
    let (train_names, eval_names) = (names_for(Pool::Train)?, names_for(Pool::Eval)?);
    let mut documents = Vec::new();
    let mut failures = 0;
    for (ecli, path) in &rulings {
        if selected.as_ref().is_some_and(|s| !s.contains(ecli)) {
            continue;
        }
        let text = match ruling_text(path, ecli) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("schuilnaam: {error}");
                failures += 1;
                continue;
            }
        };
        let names = if train.contains(ecli) {
            &train_names
        } else {
            &eval_names
        };
        documents.push(refill_ruling(ecli, &text, args.seed, names));
    }
    if documents.is_empty() {
        bail!("no rulings found for that split in {:?}", args.dirs);
    }
    if let Some(selected) = &selected {
        let missing = selected.len() - documents.len() - failures;
        if missing > 0 {
            eprintln!("schuilnaam: note: {missing} rulings of the split have no file in the folders given");
        }
    }
    write_atomic(&args.out, to_jsonl(&documents).as_bytes(), false)
        .with_context(|| format!("{}: cannot write", args.out.display()))?;
    let spans: usize = documents.iter().map(|d| d.entities.len()).sum();
    eprintln!(
        "schuilnaam: {} rulings, {spans} gold spans written to {}",
        documents.len(),
        args.out.display()
    );
    Ok(if failures > 0 {
        EXIT_DOCUMENTS_FAILED
    } else {
        EXIT_OK
    })
}

pub fn split(args: SplitArgs) -> Result<u8> {
    let mut rulings = Vec::new();
    for dir in &args.dirs {
        rulings.extend(read_manifest(&dir.join("manifest.tsv")).map_err(anyhow::Error::msg)?);
    }
    // Rulings already in the split files stay where they are; only new ones are assigned.
    let mut existing = std::collections::BTreeMap::new();
    for split in Split::ALL {
        if args.out.join(format!("{}.txt", split.name())).exists() {
            existing.insert(
                split,
                read_split(&args.out, split).map_err(anyhow::Error::msg)?,
            );
        }
    }
    let kept: usize = existing.values().map(|s| s.len()).sum();
    if kept > 0 {
        eprintln!(
            "schuilnaam: keeping the {kept} rulings already in {}; assigning only new ones",
            args.out.display()
        );
    }
    let splits = extend_splits(&rulings, &existing);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create", args.out.display()))?;
    for (split, eclis) in &splits {
        let mut text = format!(
            "# {} split: {} rulings, stratified by area of law and decade (schuilnaam corpus split)\n",
            split.name(),
            eclis.len()
        );
        for ecli in eclis {
            text.push_str(ecli);
            text.push('\n');
        }
        let path = args.out.join(format!("{}.txt", split.name()));
        write_atomic(&path, text.as_bytes(), false)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        eprintln!("schuilnaam: {}: {} rulings", path.display(), eclis.len());
    }
    Ok(EXIT_OK)
}

pub fn texts(args: TextsArgs) -> Result<u8> {
    let gold = schuilnaam::corpus::gold::read_gold(&args.gold)?;
    let take = args.limit.unwrap_or(gold.len());
    for document in gold.iter().take(take) {
        let name = format!("{}.txt", document.id.replace([':', '/'], "_"));
        let path = args.out.join(name);
        write_atomic(&path, document.text.as_bytes(), true)
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    eprintln!(
        "schuilnaam: {} documents written to {}",
        take.min(gold.len()),
        args.out.display()
    );
    Ok(EXIT_OK)
}

/// Labels of the spans the model must find (its `labels.json`): a sentence holding one must
/// be read. Not DATE_OF_BIRTH: the birth-date rule reads every sentence for "geboren op".
const MODEL_LABELS: [&str; 5] = ["PERSON", "PROFESSIONAL", "ORGANISATION", "PLACE", "ADDRESS"];

pub fn gate_data(args: GateDataArgs) -> Result<u8> {
    use schuilnaam::detect::ner::{NerDetector, NerOptions, SentenceGate};
    use schuilnaam::detect::Detector;
    let teacher = match &args.teacher {
        Some(dir) => {
            let mut options =
                NerOptions::new(dir.clone(), super::runtime_path(args.onnxruntime.as_ref()));
            options.gate = SentenceGate::None;
            Some(NerDetector::new(options)?)
        }
        None => None,
    };
    let mut lines = String::new();
    let (mut sentences, mut positive) = (0usize, 0usize);
    for path in &args.gold {
        for document in schuilnaam::corpus::gold::read_gold(path)? {
            let sentences_here = schuilnaam::detect::ner::gate_sentences(&document.text);
            // Gold offsets count code points; the gate's count bytes.
            let char_at = schuilnaam::corpus::gold::code_points_at(
                &document.text,
                sentences_here.iter().flat_map(|s| [s.start, s.end]),
            );
            let found = match &teacher {
                Some(detector) => detector.detect(&schuilnaam::model::Document::from_text(
                    document.id.clone(),
                    document.text.clone(),
                )),
                None => Vec::new(),
            };
            for sentence in sentences_here {
                let (start, end) = (char_at[&sentence.start], char_at[&sentence.end]);
                let label = document.entities.iter().any(|span| {
                    MODEL_LABELS.contains(&span.label.as_str())
                        && span.start < end
                        && start < span.end
                }) || found
                    .iter()
                    .any(|span| span.start < sentence.end && sentence.start < span.end);
                sentences += 1;
                positive += usize::from(label);
                let line = serde_json::json!({
                    "doc": document.id,
                    "start": start,
                    "end": end,
                    "label": u8::from(label),
                    "rule": sentence.rule_admits,
                    "features": sentence.features,
                });
                lines.push_str(&line.to_string());
                lines.push('\n');
            }
        }
    }
    write_atomic(&args.out, lines.as_bytes(), true)
        .with_context(|| format!("{}: cannot write", args.out.display()))?;
    eprintln!(
        "schuilnaam: {sentences} sentences ({positive} to read) written to {}",
        args.out.display()
    );
    Ok(EXIT_OK)
}

pub fn simulate_review(args: SimulateReviewArgs) -> Result<u8> {
    let gold = schuilnaam::corpus::gold::read_gold(&args.gold)?;
    let at = schuilnaam::review::server::now_utc();
    let report =
        schuilnaam::corpus::reviews::simulate_review(&args.out_dir, &gold, &args.reviewer, &at)?;
    eprintln!(
        "schuilnaam: {} documents reviewed: {} replacements accepted, {} rejected, {} spans added",
        report.documents, report.accepted, report.rejected, report.added
    );
    for document in &report.unmatched {
        eprintln!("schuilnaam: no gold for {document}: left unreviewed");
    }
    Ok(EXIT_OK)
}

pub fn from_reviews(args: FromReviewsArgs) -> Result<u8> {
    if args.out.exists() && !args.force {
        bail!("{}: exists (use --force to overwrite)", args.out.display());
    }
    let documents = schuilnaam::corpus::reviews::from_reviews(&args.outs, args.include_unreviewed)?;
    if documents.is_empty() {
        bail!(
            "no reviewed rulings in {:?} (use --include-unreviewed to take the others)",
            args.outs
        );
    }
    let mut bytes = Vec::new();
    for document in &documents {
        serde_json::to_writer(&mut bytes, document).expect("serialisable");
        bytes.push(b'\n');
    }
    write_atomic(&args.out, &bytes, true)
        .with_context(|| format!("{}: cannot write", args.out.display()))?;
    eprintln!(
        "schuilnaam: {} reviewed rulings written to {}",
        documents.len(),
        args.out.display()
    );
    Ok(EXIT_OK)
}
