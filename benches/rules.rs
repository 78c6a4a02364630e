//! Rules-stage throughput on corpus/samples scaled up: MB/s single-threaded.
//!
//! `cargo bench --bench rules` reports, per group, the time per iteration and the
//! throughput over the same 1 MiB document made of the text samples repeated:
//! * `rules/detect`: every rule detector (the "rules stage");
//! * `rules/pipeline`: detect, resolve, pseudonymise and render (no file I/O);
//! * `detector/<id>`: each rule detector alone.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use schuilnaam::config::Config;
use schuilnaam::detect::{rule_detectors, DetectorSequence};
use schuilnaam::model::{Document, StageTimings};
use schuilnaam::pipeline::Pipeline;
use std::hint::black_box;
use std::path::Path;

const TARGET_BYTES: usize = 1 << 20;

/// The text samples, concatenated and repeated to about `TARGET_BYTES`.
fn scaled_samples() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/samples");
    let mut samples = String::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("samples are readable");
        if entry.path().extension().is_some_and(|e| e == "txt") {
            samples.push_str(&std::fs::read_to_string(entry.path()).expect("UTF-8 sample"));
            samples.push('\n');
        }
    }
    let mut text = String::with_capacity(TARGET_BYTES + samples.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&samples);
    }
    text
}

fn rules(c: &mut Criterion) {
    let doc = Document::from_text("bench", scaled_samples());
    let detectors = DetectorSequence::new(rule_detectors());
    let pipeline = Pipeline::from_config(&Config::default()).expect("default config");
    let mut group = c.benchmark_group("rules");
    group.throughput(Throughput::Bytes(doc.text.len() as u64));
    group.sample_size(20);
    group.bench_function("detect", |b| {
        b.iter(|| {
            let mut timings = StageTimings::default();
            black_box(detectors.detect(black_box(&doc), &mut timings, usize::MAX))
        })
    });
    group.bench_function("pipeline", |b| {
        b.iter(|| black_box(pipeline.process(black_box(&doc), StageTimings::default())))
    });
    group.finish();

    // Each detector alone, to see where the time goes.
    let mut group = c.benchmark_group("detector");
    group.throughput(Throughput::Bytes(doc.text.len() as u64));
    group.sample_size(10);
    for detector in rule_detectors() {
        group.bench_function(detector.id().to_string(), |b| {
            b.iter(|| black_box(detector.detect(black_box(&doc))))
        });
    }
    group.finish();
}

criterion_group!(benches, rules);
criterion_main!(benches);
