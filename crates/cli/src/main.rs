//! `parallax`: the command line. Glue only: parsing flags, calling the engine,
//! printing results, choosing exit codes.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;
mod eval_cmd;

/// Parallax reads many outlets covering one developing story and turns them into one
/// sourced, comparable picture: what happened when, who said what, where outlets agree
/// and where they contradict each other, and how each one frames it.
///
/// Start with:  parallax brief samples/harbor-strike/
#[derive(Parser, Debug)]
#[command(name = "parallax", version, about, long_about, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const AFTER_HELP: &str = "\
Exit codes: 0 all good, 1 some inputs failed (the rest were processed), 2 usage error or
nothing could be done, 3 an evaluation gate was not met.
The store is a SQLite file: --store PATH, else $PARALLAX_STORE, else .parallax/store.sqlite.";

#[derive(Subcommand, Debug)]
enum Command {
    /// Ingest files, folders (recursively) and URLs into the store.
    ///
    /// Accepts .html/.htm (also .gz), .txt, .json (an article or an array), .jsonl
    /// (one article per line: url, title, outlet, published, and text or html),
    /// RSS/Atom/JSON Feed files or URLs, and WARC files (.warc, .warc.gz).
    /// Metadata can be given here (applies to every input) or in a sidecar file
    /// `<input>.meta.json`. Re-ingesting the same bytes changes nothing.
    Ingest(commands::IngestArgs),
    /// List stored documents.
    Docs(commands::DocsArgs),
    /// Show one stored document: metadata, posts and clean text.
    Show(commands::ShowArgs),
    /// Extract one input's clean text without the store (like trafilatura's CLI).
    Extract(commands::ExtractArgs),
    /// Analyse one input without the store: posts, timexes, entities, quantities, attributions.
    Analyze(commands::AnalyzeArgs),
    /// List who said what in stored documents (all when none is named).
    Quotes(commands::QuotesArgs),
    /// The main job: ingest inputs and print the story: outlets, timeline, claims,
    /// disagreements, positions and framing, each with its evidence.
    Brief(commands::BriefArgs),
    /// Score a pipeline stage on a public benchmark and print figures beside the anchors.
    ///
    /// Benchmarks: extraction, timex, meantime, ner, attribution, clustering, timeline, basil, similarity.
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
        Command::Ingest(a) => commands::ingest(a),
        Command::Docs(a) => commands::docs(a),
        Command::Show(a) => commands::show(a),
        Command::Extract(a) => commands::extract(a),
        Command::Analyze(a) => commands::analyze(a),
        Command::Quotes(a) => commands::quotes(a),
        Command::Brief(a) => commands::brief(a),
        Command::Eval(a) => eval_cmd::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(exit::FAILURE)
        }
    }
}
