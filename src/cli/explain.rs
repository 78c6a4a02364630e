//! `schuilnaam explain`: one substitution or entity, explained from its log.

use crate::{ExplainArgs, LanguageName, EXIT_OK};
use anyhow::Result;
use schuilnaam::review::explain::{explain as explain_document, Language, Target};

pub fn explain(args: ExplainArgs) -> Result<u8> {
    let target = match (args.at, args.entity) {
        (Some(offset), _) => Target::At(offset),
        (None, Some(entity)) => Target::Entity(entity),
        (None, None) => Target::Overview,
    };
    let language = match args.lang {
        LanguageName::Nl => Language::Dutch,
        LanguageName::En => Language::English,
    };
    print!(
        "{}",
        explain_document(&args.out_dir, &args.document, &target, language)?
    );
    Ok(EXIT_OK)
}
