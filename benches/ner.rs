//! NER stage throughput in tokens/s on the text samples, for thread layouts that never use
//! more compute threads than cores: one document at a time with 2 ONNX Runtime threads, and
//! two documents at once (rayon) with 1 thread each. Needs the runtime library
//! (scripts/fetch-onnxruntime.sh) and the committed model; set SCHUILNAAM_NER_MODEL to time
//! another model folder (for example the fp32 export in training/work/).
//!
//! `cargo bench --bench ner`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;
use schuilnaam::detect::ner::{NerDetector, NerOptions};
use schuilnaam::detect::Detector;
use schuilnaam::model::Document;
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn documents() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/samples");
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            Document::from_text(
                e.path().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

fn ner(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let model = std::env::var_os("SCHUILNAAM_NER_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("models/schuilnaam-ner"));
    let runtime = std::env::var_os("ORT_DYLIB_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(".ort/libonnxruntime.so"));
    let docs = documents();
    let tokenizer =
        tokenizers::Tokenizer::from_file(model.join("tokenizer.json")).expect("model tokenizer");
    let tokens: usize = docs
        .iter()
        .map(|d| tokenizer.encode(d.text.as_str(), false).unwrap().len())
        .sum();
    let mut group = c.benchmark_group(format!(
        "ner/{}",
        model.file_name().unwrap().to_string_lossy()
    ));
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    for (workers, batch) in [(1, 1), (1, 8), (2, 1), (2, 8)] {
        let mut options = NerOptions::new(model.clone(), runtime.clone());
        options.sessions = workers;
        options.intra_threads = 2 / workers;
        options.batch = batch;
        let detector = NerDetector::new(options).expect("model loads");
        let name = format!(
            "{workers} worker(s) x {} thread(s), batch {batch}",
            2 / workers
        );
        group.bench_function(name, |b| {
            b.iter(|| {
                if workers == 1 {
                    docs.iter()
                        .map(|d| black_box(detector.detect(d)).len())
                        .sum::<usize>()
                } else {
                    pool.install(|| {
                        docs.par_iter()
                            .map(|d| black_box(detector.detect(d)).len())
                            .sum::<usize>()
                    })
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, ner);
criterion_main!(benches);
