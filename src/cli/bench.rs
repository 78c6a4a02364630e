//! `schuilnaam bench`: throughput and memory on a generated or given corpus.

use super::{default_jobs, intra_op_threads, load_pipeline};
use crate::{BenchArgs, EXIT_DOCUMENTS_FAILED, EXIT_OK};
use anyhow::{bail, Context, Result};
use schuilnaam::batch::{self};

pub fn bench(args: BenchArgs) -> Result<u8> {
    if args.docs == 0 || args.size == 0 || args.repeat == 0 {
        bail!("--docs, --size and --repeat must be at least 1");
    }
    if let Some(dir) = &args.emit {
        if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
            bail!("{}: exists and is not empty", dir.display());
        }
        schuilnaam::bench::write_corpus(dir, args.seed, args.docs, args.size)
            .with_context(|| format!("{}: cannot write the corpus", dir.display()))?;
        eprintln!(
            "schuilnaam: {} rulings of about {} KB written to {}",
            args.docs,
            args.size,
            dir.display()
        );
        return Ok(EXIT_OK);
    }
    let jobs = match args.jobs {
        Some(0) => bail!("--jobs must be at least 1"),
        Some(n) => n,
        None => default_jobs(),
    };
    let started = std::time::Instant::now();
    let pipeline = load_pipeline(&args.pipeline, jobs)?;
    let startup_ms = started.elapsed().as_secs_f64() * 1000.0;
    let scratch = std::env::temp_dir().join(format!("schuilnaam-bench-{}", std::process::id()));
    let generated = args.inputs.is_empty();
    let inputs = if generated {
        let dir = scratch.join("in");
        schuilnaam::bench::write_corpus(&dir, args.seed, args.docs, args.size)
            .with_context(|| format!("{}: cannot write the corpus", dir.display()))?;
        vec![dir]
    } else {
        args.inputs.clone()
    };
    let files = batch::collect_inputs(&inputs, None)?;
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
        .sum();
    let rounds = schuilnaam::bench::measure(
        &pipeline,
        &files,
        jobs,
        args.repeat,
        &scratch,
        !args.no_write,
    );
    let _ = std::fs::remove_dir_all(&scratch);
    let rounds = rounds?;
    let cores = default_jobs();
    let intra_op_threads = if args.pipeline.no_model {
        0
    } else {
        intra_op_threads(jobs)
    };
    // The pipeline's peak memory, before the probe adds its own session.
    let peak_rss_mib = schuilnaam::bench::peak_rss_bytes().map(|b| b as f64 / 1024.0 / 1024.0);
    // The machine's int8 peak, measured after the rounds so that it does not disturb them.
    let efficiency = match pipeline.int8_probe() {
        Some(Ok(probe)) => {
            schuilnaam::bench::Efficiency::of(probe, &rounds, intra_op_threads, cores)
        }
        Some(Err(reason)) => {
            eprintln!("schuilnaam: bench: no efficiency report: {reason}");
            None
        }
        None => None,
    };
    let spread = |figure: fn(&schuilnaam::bench::Round) -> f64| {
        schuilnaam::bench::Spread::of(&rounds.iter().map(figure).collect::<Vec<_>>())
    };
    let report = schuilnaam::bench::BenchReport {
        version: env!("CARGO_PKG_VERSION").to_string(),
        model: !args.pipeline.no_model,
        style: pipeline.style_name().to_string(),
        writes_files: !args.no_write,
        corpus: schuilnaam::bench::CorpusReport {
            source: if generated { "generated" } else { "inputs" }.to_string(),
            documents: files.len(),
            bytes,
            seed: generated.then_some(args.seed),
            size_kb: generated.then_some(args.size),
        },
        threads: schuilnaam::bench::Threads {
            cores,
            jobs,
            intra_op_threads,
        },
        startup_ms,
        documents_per_s: spread(|r| r.documents_per_s),
        mb_per_s: spread(|r| r.mb_per_s),
        tokens_per_s: spread(|r| r.tokens_per_s),
        model_read_share: spread(|r| r.model_read_share).median,
        stage_ms: schuilnaam::bench::median_stages(&rounds),
        peak_rss_mib,
        efficiency,
        rounds,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", schuilnaam::bench::render(&report));
    }
    let failed: usize = report.rounds.iter().map(|r| r.failed).sum();
    Ok(if failed > 0 {
        EXIT_DOCUMENTS_FAILED
    } else {
        EXIT_OK
    })
}
