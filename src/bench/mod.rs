//! `schuilnaam bench`: what a batch will cost. Runs the real batch path (read, detect,
//! resolve, pseudonymise, render, write into a temporary folder) over a corpus several
//! times and reports documents/s, MB/s, model tokens/s, start-up time, peak RSS and the time
//! per stage, as the median and spread over the rounds.
//!
//! Without inputs it writes a corpus of synthetic rulings ([`generator`]) first, so that a
//! figure can be reproduced anywhere: `schuilnaam bench --docs 200 --size 9` is 200 rulings
//! of about 9 KB.

pub mod generator;

use crate::batch::{self, BatchOptions, InputFile};
use crate::pipeline::Pipeline;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One round over the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Round {
    pub wall_ms: f64,
    pub documents_per_s: f64,
    pub mb_per_s: f64,
    /// Model tokens per second of wall time (0 without the model).
    pub tokens_per_s: f64,
    /// Share of the tokens the model labelled; the name gate passes the rest by.
    pub model_read_share: f64,
    /// Milliseconds per stage summed over documents (CPU-like when jobs > 1), plus
    /// `detect:ner:tokenise` and `detect:ner:model` inside the NER detector.
    pub stage_ms: BTreeMap<String, f64>,
    /// Token positions ONNX Runtime computed (windows × padded length; 0 without the model).
    pub model_tokens_computed: u64,
    pub failed: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CorpusReport {
    /// "generated" or "inputs".
    pub source: String,
    pub documents: usize,
    pub bytes: u64,
    pub seed: Option<u64>,
    pub size_kb: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Threads {
    pub cores: usize,
    /// Documents in parallel (rayon workers).
    pub jobs: usize,
    /// ONNX Runtime intra-op threads per session (0 without the model).
    pub intra_op_threads: usize,
}

/// Median, minimum and maximum of one figure over the rounds.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Spread {
    pub fn of(values: &[f64]) -> Spread {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let median = match sorted.len() {
            0 => 0.0,
            n if n % 2 == 1 => sorted[n / 2],
            n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        };
        Spread {
            median,
            min: sorted.first().copied().unwrap_or(0.0),
            max: sorted.last().copied().unwrap_or(0.0),
        }
    }
}

/// Everything `bench` measured; `--json` prints it as is.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub version: String,
    pub model: bool,
    pub style: String,
    /// False with `--no-write`: outputs and logs were rendered but not written.
    pub writes_files: bool,
    pub corpus: CorpusReport,
    pub threads: Threads,
    /// Loading the pipeline: the model, the tokenizer, ONNX Runtime sessions.
    pub startup_ms: f64,
    pub documents_per_s: Spread,
    pub mb_per_s: Spread,
    pub tokens_per_s: Spread,
    /// Share of the tokens the model labelled (the same in every round).
    pub model_read_share: f64,
    /// Median milliseconds per stage over the rounds.
    pub stage_ms: BTreeMap<String, f64>,
    /// The process's peak resident set (VmHWM), in MiB.
    pub peak_rss_mib: Option<f64>,
    /// How near the model runs to the machine's int8 limit (with the model only).
    pub efficiency: Option<Efficiency>,
    pub rounds: Vec<Round>,
}

/// The model's achieved int8 operations against the machine's int8 matrix-product peak,
/// measured through the same ONNX Runtime on the same cores.
#[derive(Debug, Clone, Serialize)]
pub struct Efficiency {
    pub probe: crate::detect::ner::Int8Probe,
    /// The model's int8 matrix-product operations (2 per multiply-add, over every token
    /// position computed, padding included) per second of ONNX Runtime time per thread, in
    /// the median round. Attention scores, normalisation and the rest are in the time but not
    /// in the operations, so this is a lower bound of the model's use of the machine.
    pub model_ops_per_s_per_thread: f64,
    /// The probe's peak per thread.
    pub peak_ops_per_s_per_thread: f64,
    /// The first over the second.
    pub share_of_peak: f64,
    /// The peak times the cores: the machine's int8 limit.
    pub machine_peak_ops_per_s: f64,
}

impl Efficiency {
    /// From the median round's work and model time (summed over the workers, each running
    /// `intra_op_threads` threads) and a probe.
    pub fn of(
        probe: crate::detect::ner::Int8Probe,
        rounds: &[Round],
        intra_op_threads: usize,
        cores: usize,
    ) -> Option<Efficiency> {
        let per_round: Vec<f64> = rounds
            .iter()
            .filter_map(|r| {
                let model_s = r.stage_ms.get("detect:ner:model")? / 1000.0;
                let ops = 2.0 * probe.macs_per_token as f64 * r.model_tokens_computed as f64;
                (model_s > 0.0).then(|| ops / (model_s * intra_op_threads.max(1) as f64))
            })
            .collect();
        if per_round.is_empty() || probe.peak_ops_per_s <= 0.0 {
            return None;
        }
        let achieved = Spread::of(&per_round).median;
        Some(Efficiency {
            probe,
            model_ops_per_s_per_thread: achieved,
            peak_ops_per_s_per_thread: probe.peak_ops_per_s,
            share_of_peak: achieved / probe.peak_ops_per_s,
            machine_peak_ops_per_s: probe.peak_ops_per_s * cores as f64,
        })
    }
}

/// The process's peak resident set in bytes (Linux: VmHWM in /proc/self/status).
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Writes `documents` synthetic rulings of about `size_kb` KB into `dir`.
pub fn write_corpus(
    dir: &Path,
    seed: u64,
    documents: usize,
    size_kb: usize,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for index in 0..documents {
        let text = generator::ruling(seed, index, size_kb * 1000);
        std::fs::write(dir.join(format!("uitspraak-{index:06}.txt")), text)?;
    }
    Ok(())
}

/// Runs `rounds` rounds of the batch over `files`, writing into folders under `scratch`
/// (removed afterwards).
pub fn measure(
    pipeline: &Pipeline,
    files: &[InputFile],
    jobs: usize,
    rounds: usize,
    scratch: &Path,
    write_files: bool,
) -> Result<Vec<Round>, batch::BatchError> {
    let mut results = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let out: PathBuf = scratch.join(format!("out-{round}"));
        let before = pipeline.counters();
        let options = BatchOptions {
            out: out.clone(),
            jobs,
            force: true,
            max_size: crate::read::DEFAULT_MAX_SIZE,
            progress: batch::Progress::None,
            dry_run: !write_files,
            resume: false,
            secrets: Vec::new(),
            shard: None,
            settings: String::new(),
        };
        let summary = batch::run(pipeline, files, &options)?;
        let after = pipeline.counters();
        let delta = |name: &str| {
            after.get(name).copied().unwrap_or(0) - before.get(name).copied().unwrap_or(0)
        };
        let seconds = summary.wall_ms / 1000.0;
        let mut stage_ms = summary.stage_ms.clone();
        if delta("model_ns") > 0 {
            stage_ms.insert(
                "detect:ner:tokenise".into(),
                delta("tokenise_ns") as f64 / 1e6,
            );
            stage_ms.insert("detect:ner:model".into(), delta("model_ns") as f64 / 1e6);
        }
        results.push(Round {
            wall_ms: summary.wall_ms,
            documents_per_s: summary.documents as f64 / seconds,
            mb_per_s: summary.bytes as f64 / 1e6 / seconds,
            tokens_per_s: delta("model_tokens") as f64 / seconds,
            model_read_share: delta("model_tokens_read") as f64
                / delta("model_tokens").max(1) as f64,
            stage_ms,
            model_tokens_computed: delta("model_tokens_computed"),
            failed: summary.failed,
        });
        let _ = std::fs::remove_dir_all(&out);
    }
    Ok(results)
}

/// The median of each stage's milliseconds over the rounds.
pub fn median_stages(rounds: &[Round]) -> BTreeMap<String, f64> {
    let mut stages: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for round in rounds {
        for (stage, ms) in &round.stage_ms {
            stages.entry(stage.clone()).or_default().push(*ms);
        }
    }
    stages
        .into_iter()
        .map(|(stage, values)| (stage, Spread::of(&values).median))
        .collect()
}

/// The report for people.
pub fn render(report: &BenchReport) -> String {
    let mut out = String::new();
    let corpus = &report.corpus;
    out.push_str(&format!(
        "schuilnaam {} bench: {} documents, {:.1} MB ({}{}), {} rounds, {} model, style {}{}\n",
        report.version,
        corpus.documents,
        corpus.bytes as f64 / 1e6,
        corpus.source,
        match (corpus.seed, corpus.size_kb) {
            (Some(seed), Some(kb)) => format!(", seed {seed}, ~{kb} KB each"),
            _ => String::new(),
        },
        report.rounds.len(),
        if report.model {
            "with the"
        } else {
            "without the"
        },
        report.style,
        if report.writes_files {
            ""
        } else {
            ", no files written"
        },
    ));
    out.push_str(&format!(
        "threads: {} cores, {} documents in parallel, {} ONNX Runtime threads per session\n\n",
        report.threads.cores, report.threads.jobs, report.threads.intra_op_threads
    ));
    let row = |name: &str, s: &Spread, unit: &str| {
        format!(
            "{name:<14} {:>10.1} {unit:<6} (min {:.1}, max {:.1})\n",
            s.median, s.min, s.max
        )
    };
    out.push_str(&row("documents/s", &report.documents_per_s, ""));
    out.push_str(&row("throughput", &report.mb_per_s, "MB/s"));
    if report.model {
        out.push_str(&row("model tokens", &report.tokens_per_s, "/s"));
        out.push_str(&format!(
            "{:<14} {:>10.1} %      of the tokens (the name gate passed the rest by)\n",
            "model read",
            report.model_read_share * 100.0
        ));
    }
    out.push_str(&format!(
        "{:<14} {:>10.1} ms\n",
        "start-up", report.startup_ms
    ));
    if let Some(rss) = report.peak_rss_mib {
        out.push_str(&format!("{:<14} {:>10.1} MiB\n", "peak RSS", rss));
    }
    if let Some(e) = &report.efficiency {
        let [m, k, n] = e.probe.shape;
        out.push_str(&format!(
            "{:<14} {:>10.2} GOPS   per thread in the model's int8 products ({:.1} M multiply-adds per token, {} products), {:.0} % of the peak\n",
            "model int8",
            e.model_ops_per_s_per_thread / 1e9,
            e.probe.macs_per_token as f64 / 1e6,
            e.probe.products,
            e.share_of_peak * 100.0
        ));
        out.push_str(&format!(
            "{:<14} {:>10.2} GOPS   per thread (MatMulInteger {m}×{k}·{k}×{n} through ONNX Runtime, one thread; {:.2} GOPS on {} cores)\n",
            "int8 peak",
            e.peak_ops_per_s_per_thread / 1e9,
            e.machine_peak_ops_per_s / 1e9,
            report.threads.cores
        ));
    }
    let total: f64 = report
        .stage_ms
        .iter()
        .filter(|(stage, _)| !stage.starts_with("detect:ner:"))
        .map(|(_, ms)| ms)
        .sum();
    out.push_str("\nTime per stage (median, summed over documents):\n");
    let mut stages: Vec<(&String, &f64)> = report.stage_ms.iter().collect();
    stages.sort_by(|a, b| b.1.total_cmp(a.1));
    for (stage, ms) in stages {
        out.push_str(&format!(
            "  {stage:<28} {ms:>10.1} ms {:>5.1} %\n",
            if total > 0.0 { ms / total * 100.0 } else { 0.0 }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_takes_the_middle() {
        let s = Spread::of(&[3.0, 1.0, 2.0]);
        assert_eq!((s.median, s.min, s.max), (2.0, 1.0, 3.0));
        assert_eq!(Spread::of(&[1.0, 2.0, 3.0, 10.0]).median, 2.5);
    }

    #[test]
    fn peak_rss_is_read_on_linux() {
        assert!(peak_rss_bytes().is_some_and(|b| b > 1_000_000));
    }
}
