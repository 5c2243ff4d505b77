//! Sweeps the timeline's date-ranking weights on Timeline17 and prints Date-F1.
//!
//! `cargo run --release -p eval --example timeline_sweep -- /work/shared/eval/timeline/timeline17`

use eval::timeline::{default_options, load, score_folders, DateFinder, DateSource};
use fusion::timeline::TimelineOptions;

fn list(i: usize, default: &[f64]) -> Vec<f64> {
    std::env::args()
        .nth(i)
        .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| default.to_vec())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/eval/timeline/timeline17".to_string());
    let folders = load(std::path::Path::new(&path))?;
    for &mention in &list(2, &[0.0, 0.1, 0.5]) {
        for &same_day in &list(3, &[0.25, 0.5, 1.0]) {
            for &publ in &list(4, &[0.0, 0.1]) {
                for &next in &list(5, &[0.0, 0.1]) {
                    for &days in &list(6, &[0.0]) {
                        for &later in &list(7, &[0.0]) {
                            let o = TimelineOptions {
                                publication_days_weight: days,
                                later_mention_weight: later,
                                mention_weight: mention,
                                same_day_weight: same_day,
                                published_weight: publ,
                                next_day_published_weight: next,
                                ..default_options()
                            };
                            let finder = DateFinder {
                                deictic: std::env::var("DEICTIC").as_deref() != Ok("0"),
                                weekdays: std::env::var("WEEKDAYS").as_deref() != Ok("0"),
                                yearless: true,
                            };
                            let source = if std::env::var("INTERNAL").is_ok() {
                                DateSource::Internal(finder)
                            } else {
                                DateSource::Timex
                            };
                            let (p, r, f, _) = score_folders(&folders, &o, source);
                            println!("mention {mention} same_day {same_day} published {publ} next_day {next} days {days} later {later}: P {p:.4} R {r:.4} F1 {f:.4}");
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
