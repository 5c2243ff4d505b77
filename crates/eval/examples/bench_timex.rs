//! Speed of the temporal tagger: MB/s of text tagged and normalised on one core.
//!
//! `cargo run --release -p eval --example bench_timex -- [TEMPEVAL_DIR] [SECONDS]`
//! (default: `shared/eval/timex/tempeval3-train` beside the repository or its parent
//! folder, or under `$PARALLAX_SHARED_DIR`; 3 s).
//! Tags every document of the corpus again and again until the time is up and
//! reports bytes per second of wall time, plus timexes per second.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use analysis::timex::{tag, TimexContext};

/// `$PARALLAX_SHARED_DIR/eval/...`, else a `shared/` folder beside the repository
/// or beside its parent folder.
fn default_dir() -> Option<PathBuf> {
    const REL: &str = "eval/timex/tempeval3-train";
    if let Ok(d) = std::env::var("PARALLAX_SHARED_DIR") {
        return Some(PathBuf::from(d).join(REL));
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    [repo.join("../shared"), repo.join("../../shared")]
        .into_iter()
        .map(|s| s.join(REL))
        .find(|p| p.is_dir())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = match args.next() {
        Some(d) => PathBuf::from(d),
        None => default_dir().ok_or("give the tempeval3-train folder as the first argument")?,
    };
    let seconds: f64 = match args.next() {
        Some(s) => s.parse()?,
        None => 3.0,
    };
    let docs = eval::timex::tempeval_texts(&dir)?;
    if docs.is_empty() {
        return Err(format!("no documents under {}", dir.display()).into());
    }
    let contexts: Vec<TimexContext> = docs
        .iter()
        .map(|(_, dct)| TimexContext {
            published: *dct,
            posts: Vec::new(),
        })
        .collect();
    let corpus_bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    // Warm up once.
    let mut timexes = 0usize;
    for ((text, _), ctx) in docs.iter().zip(&contexts) {
        timexes += tag(text, ctx).len();
    }
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut passes = 0usize;
    while start.elapsed() < budget {
        for ((text, _), ctx) in docs.iter().zip(&contexts) {
            std::hint::black_box(tag(std::hint::black_box(text), ctx));
        }
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let bytes = corpus_bytes * passes;
    println!(
        "timex tagging: {} docs, {} bytes per pass, {} timexes per pass, {} passes in {:.2} s",
        docs.len(),
        corpus_bytes,
        timexes,
        passes,
        secs
    );
    println!(
        "throughput: {:.1} MB/s, {:.0} timexes/s (one core)",
        bytes as f64 / 1e6 / secs,
        (timexes * passes) as f64 / secs
    );
    Ok(())
}
