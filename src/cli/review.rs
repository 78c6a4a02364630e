//! `schuilnaam review` and `schuilnaam apply`: the editors' review and publication.

use crate::{ApplyArgs, ReviewArgs, EXIT_DOCUMENTS_FAILED, EXIT_OK};
use anyhow::{bail, Result};
use std::io::Write;

pub fn review_server(args: ReviewArgs) -> Result<u8> {
    let reviewer = args
        .reviewer
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "reviewer".to_string());
    schuilnaam::review::server::serve(args.out_dir, args.port, reviewer, |url| {
        println!("{url}");
        // The URL is the only way in: flush it at once for scripts that wait for it.
        let _ = std::io::stdout().flush();
        eprintln!("schuilnaam: review server on 127.0.0.1; open the URL above, Ctrl-C to stop");
        if args.open {
            let _ = std::process::Command::new("xdg-open").arg(url).spawn();
        }
    })?;
    Ok(EXIT_OK)
}

pub fn apply(args: ApplyArgs) -> Result<u8> {
    if args.out == args.out_dir {
        bail!("--out must differ from OUT_DIR: the reviewed run stays as it is");
    }
    let result = schuilnaam::review::publish(&args.out_dir, &args.out, args.include_unreviewed)?;
    for failure in &result.failed {
        eprintln!(
            "schuilnaam: not published: {}",
            super::printable(&failure.to_string())
        );
    }
    for document in &result.unreviewed {
        eprintln!(
            "schuilnaam: not reviewed, not published: {}",
            super::printable(&document.to_string())
        );
    }
    for document in &result.path_names_a_person {
        super::warn_path_names_a_person(&args.out.join(document));
    }
    eprintln!(
        "schuilnaam: {} published to {}, {} not reviewed, {} failed",
        result.published.len(),
        args.out.display(),
        result.unreviewed.len(),
        result.failed.len()
    );
    Ok(if result.failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_DOCUMENTS_FAILED
    })
}
