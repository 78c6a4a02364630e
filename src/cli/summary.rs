//! `schuilnaam summary`: the shards' summaries of one run merged into one.

use crate::{SummaryArgs, EXIT_OK};
use anyhow::{Context, Result};
use schuilnaam::write::write_atomic;

pub fn summary(args: SummaryArgs) -> Result<u8> {
    let merged = schuilnaam::shards::merge(&args.shards)?;
    let mut json = serde_json::to_vec_pretty(&merged).expect("summary serialises");
    json.push(b'\n');
    match &args.out {
        Some(path) => write_atomic(path, &json, false)
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&json)
                .and_then(|()| stdout.flush())
                .context("<stdout>: cannot write")?;
        }
    }
    Ok(EXIT_OK)
}
