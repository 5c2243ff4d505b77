//! `parallax eval`: run a benchmark scorer, print the table, check gates.

use std::path::PathBuf;

use anyhow::{bail, Context};

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Which benchmark: extraction, timex, meantime, ner, attribution, clustering, timeline, basil, similarity.
    pub benchmark: String,
    /// The benchmark's folder (or file), e.g. ../shared/eval/extraction/scrapinghub.
    pub path: PathBuf,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 3) when a metric is below a floor, e.g. --gate f1=0.96. Repeatable.
    #[arg(long, value_name = "METRIC=MIN")]
    pub gate: Vec<String>,
    /// Write per-item details into this folder.
    #[arg(long)]
    pub details: Option<PathBuf>,
    /// Score only the first N items (quick runs).
    #[arg(long)]
    pub limit: Option<usize>,
}

pub fn run(args: EvalArgs) -> anyhow::Result<u8> {
    let opts = eval::EvalOptions {
        details_dir: args.details.clone(),
        limit: args.limit,
    };
    let report = eval::run(&args.benchmark, &args.path, &opts)
        .with_context(|| format!("evaluating {} on {}", args.benchmark, args.path.display()))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_table());
    }
    let mut failed = false;
    for gate in &args.gate {
        let Some((name, min)) = gate.split_once('=') else {
            bail!("--gate expects METRIC=MIN, got `{gate}`");
        };
        let min: f64 = min
            .parse()
            .with_context(|| format!("--gate {gate}: `{min}` is not a number"))?;
        match report.get(name) {
            Some(v) if v + 1e-9 >= min => eprintln!("gate ok: {name} = {v:.4} >= {min}"),
            Some(v) => {
                eprintln!("GATE FAILED: {name} = {v:.4} < {min}");
                failed = true;
            }
            None => bail!("--gate {gate}: the report has no metric `{name}`"),
        }
    }
    Ok(if failed {
        crate::exit::GATE
    } else {
        crate::exit::OK
    })
}
