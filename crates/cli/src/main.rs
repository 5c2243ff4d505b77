//! `parallax`: the command line. Glue only: parsing flags, calling the engine,
//! printing results, choosing exit codes.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod eval_cmd;

/// Parallax reads many outlets covering one developing story and turns them into one
/// sourced, comparable picture: what happened when, who said what, where outlets agree
/// and where they contradict each other.
#[derive(Parser, Debug)]
#[command(name = "parallax", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Score a pipeline stage on a public benchmark and print figures beside the anchors.
    ///
    /// Benchmarks: extraction, timex, meantime, ner, attribution, clustering, timeline.
    /// Example: parallax eval extraction ../shared/eval/extraction/scrapinghub
    Eval(eval_cmd::EvalArgs),
}

/// Exit codes scripts can rely on.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// Some inputs failed but the rest were processed.
    pub const PARTIAL: u8 = 1;
    /// Usage error or nothing could be done.
    pub const FAILURE: u8 = 2;
    /// An evaluation gate was not met.
    pub const GATE: u8 = 3;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Eval(args) => eval_cmd::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(exit::FAILURE)
        }
    }
}
