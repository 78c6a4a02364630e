//! `schuilnaam check`: a Word document reviewed as tracked changes, against its log.

use crate::{CheckArgs, EXIT_DOCUMENTS_FAILED, EXIT_OK};
use anyhow::Result;
use schuilnaam::review::check::check_docx;
use schuilnaam::write::log_path;

pub fn check(args: CheckArgs) -> Result<u8> {
    let log = args.log.clone().unwrap_or_else(|| log_path(&args.file));
    let report = check_docx(&args.file, &log, schuilnaam::read::DEFAULT_MAX_SIZE)?;
    let file = args.file.display();
    println!(
        "{file}: {} entities accepted, {} rejected, {} changed",
        report.accepted.len(),
        report.rejected.len(),
        report.changed.len()
    );
    for entity in &report.rejected {
        println!("  rejected: {entity}");
    }
    for entity in &report.changed {
        println!("  changed: {entity}");
    }
    for change in &report.unresolved {
        eprintln!("schuilnaam: {file}: unresolved tracked change in {change}");
    }
    for (original, before) in &report.surviving {
        eprintln!(
            "schuilnaam: {file}: {original:?} of an accepted entity is still in the text after {before:?}"
        );
    }
    if report.passes() {
        Ok(EXIT_OK)
    } else {
        eprintln!("schuilnaam: {file}: not ready for publication");
        Ok(EXIT_DOCUMENTS_FAILED)
    }
}
