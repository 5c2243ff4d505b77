//! Diagnostics for the Timeline17 date ranking: per gold timeline, how many gold
//! dates are mentioned at all (candidate recall) and how many the top-l keeps.
//!
//! `cargo run --release -p eval --example timeline_diag -- /work/shared/eval/timeline/timeline17`

use std::collections::BTreeSet;

use eval::timeline::{dated_sentences, default_options, load};
use fusion::timeline::rank_dates;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/eval/timeline/timeline17".to_string());
    let folders = load(std::path::Path::new(&path))?;
    for f in &folders {
        for tl in &f.timelines {
            let (Some(&first), Some(&last)) = (tl.dates.first(), tl.dates.last()) else {
                continue;
            };
            let items: Vec<_> = dated_sentences(&f.articles, first, last)
                .into_iter()
                .filter(|s| s.date >= first && s.date <= last)
                .collect();
            let ranked = rank_dates(&items, &default_options());
            let cands: BTreeSet<_> = ranked.iter().map(|r| r.0).collect();
            let gold: BTreeSet<_> = tl.dates.iter().copied().collect();
            let covered = gold.intersection(&cands).count();
            let top: BTreeSet<_> = ranked.iter().take(tl.dates.len()).map(|r| r.0).collect();
            let hits = gold.intersection(&top).count();
            let top2: BTreeSet<_> = ranked
                .iter()
                .take(2 * tl.dates.len())
                .map(|r| r.0)
                .collect();
            if std::env::var("MISSING").is_ok() {
                let missing: Vec<String> = gold.difference(&cands).map(|d| d.to_string()).collect();
                println!("  missing: {}", missing.join(" "));
                let wrong: Vec<String> = top.difference(&gold).map(|d| d.to_string()).collect();
                println!("  selected but not gold: {}", wrong.join(" "));
            }
            println!(
                "{}: gold {} candidates {} gold-mentioned {} top-l hits {} top-2l hits {} span {}..{} articles-in-range {}",
                tl.name,
                gold.len(),
                cands.len(),
                covered,
                hits,
                gold.intersection(&top2).count(),
                first,
                last,
                f.articles.iter().filter(|a| a.published >= first && a.published <= last).count()
            );
        }
    }
    Ok(())
}
