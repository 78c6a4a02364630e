//! `schuilnaam generate`: man pages and shell completions from the clap definitions, so they
//! never drift from `--help`.

use crate::{Cli, GenerateArgs, GenerateWhat, EXIT_OK};
use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

pub fn generate(args: GenerateArgs) -> Result<u8> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create", args.out.display()))?;
    let mut command = without_help_command(Cli::command());
    command.build();
    let written = match args.what {
        GenerateWhat::Man => {
            clap_mangen::generate_to(command, &args.out)
                .with_context(|| format!("{}: cannot write the man pages", args.out.display()))?;
            args.out.join("schuilnaam.1")
        }
        GenerateWhat::Bash => complete(Shell::Bash, &mut command, &args)?,
        GenerateWhat::Zsh => complete(Shell::Zsh, &mut command, &args)?,
        GenerateWhat::Fish => complete(Shell::Fish, &mut command, &args)?,
    };
    eprintln!("schuilnaam: wrote {}", written.display());
    Ok(EXIT_OK)
}

fn complete(
    shell: Shell,
    command: &mut clap::Command,
    args: &GenerateArgs,
) -> Result<std::path::PathBuf> {
    clap_complete::generate_to(shell, command, "schuilnaam", &args.out).with_context(|| {
        format!(
            "{}: cannot write the {shell} completions",
            args.out.display()
        )
    })
}

/// `command` and its subcommands without clap's `help` subcommand, which would otherwise get
/// a man page of its own at every level (`schuilnaam-help-run.1` ...).
fn without_help_command(command: clap::Command) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    names
        .iter()
        .fold(command.disable_help_subcommand(true), |command, name| {
            command.mut_subcommand(name, without_help_command)
        })
}
