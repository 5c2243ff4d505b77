//! Speed benchmark for HTML main-content extraction (run by `bench/extraction.sh`).
//!
//! Usage: `bench_extraction SCRAPINGHUB_DIR [--reps N] [--score-json PREDICTIONS.json]`
//!
//! Decompresses every page first (not timed), then runs `extract_html` over all pages
//! on one thread `N` times and prints the best and median wall time and pages/s,
//! followed by our F1 on the same pages. With `--score-json`, also scores another
//! system's output (`{id: text}` or `{id: {"articleBody": text}}`) with the same metric.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("bench_extraction: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut reps = 5usize;
    let mut score_json: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reps" => reps = args.next().ok_or("--reps needs a number")?.parse()?,
            "--score-json" => {
                score_json = Some(args.next().ok_or("--score-json needs a file")?.into())
            }
            _ => dir = Some(a.into()),
        }
    }
    let dir =
        dir.ok_or("usage: bench_extraction SCRAPINGHUB_DIR [--reps N] [--score-json FILE]")?;
    let pages = eval::extraction::load_pages(&dir, None)?;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();

    // Warm-up run, also the output we score.
    let predictions: Vec<String> = pages
        .iter()
        .map(|p| extract::html::extract_html(&p.html, p.url.as_deref()).text)
        .collect();
    let mut times = Vec::with_capacity(reps);
    let cpu_before = process_cpu_seconds();
    for _ in 0..reps.max(1) {
        let start = Instant::now();
        let mut chars = 0usize;
        for p in &pages {
            chars += extract::html::extract_html(&p.html, p.url.as_deref())
                .text
                .len();
        }
        times.push(start.elapsed().as_secs_f64());
        std::hint::black_box(chars);
    }
    let cpu_per_rep = match (cpu_before, process_cpu_seconds()) {
        (Some(a), Some(b)) => Some((b - a) / times.len() as f64),
        _ => None,
    };
    times.sort_by(f64::total_cmp);
    let best = times[0];
    let median = times[times.len() / 2];
    println!(
        "parallax extract_html: {} pages, {:.1} MB, {} reps: best {:.3} s ({:.1} pages/s), median {:.3} s ({:.1} pages/s)",
        pages.len(),
        bytes as f64 / 1e6,
        times.len(),
        best,
        pages.len() as f64 / best,
        median,
        pages.len() as f64 / median
    );
    println!("PARALLAX_SECONDS={median:.6}");
    if let Some(cpu) = cpu_per_rep {
        println!(
            "parallax CPU time per pass: {cpu:.3} s ({:.1} pages/s of CPU)",
            pages.len() as f64 / cpu
        );
        println!("PARALLAX_CPU_SECONDS={cpu:.6}");
    }
    println!("PAGES={}", pages.len());
    let ours = eval::extraction::report_for(&pages, &predictions, "parallax");
    println!(
        "parallax F1 {:.4} (P {:.4}, R {:.4})",
        ours.get("f1").unwrap_or(0.0),
        ours.get("precision").unwrap_or(0.0),
        ours.get("recall").unwrap_or(0.0)
    );
    if let Some(path) = score_json {
        let text = std::fs::read_to_string(&path)?;
        let v: serde_json::Value = serde_json::from_str(&text)?;
        let theirs: Vec<String> = pages
            .iter()
            .map(|p| match v.get(&p.id) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(o) => o
                    .get("articleBody")
                    .and_then(|b| b.as_str())
                    .unwrap_or_default()
                    .to_string(),
                None => String::new(),
            })
            .collect();
        let r = eval::extraction::report_for(&pages, &theirs, "other");
        println!(
            "{} F1 {:.4} (P {:.4}, R {:.4})",
            path.display(),
            r.get("f1").unwrap_or(0.0),
            r.get("precision").unwrap_or(0.0),
            r.get("recall").unwrap_or(0.0)
        );
        println!("OTHER_F1={:.6}", r.get("f1").unwrap_or(0.0));
    }
    println!("PARALLAX_F1={:.6}", ours.get("f1").unwrap_or(0.0));
    Ok(())
}

/// User + system CPU time of this process so far, from `/proc/self/stat` (Linux;
/// clock ticks of 1/100 s). `None` elsewhere.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 14th and
    // 15th fields of the whole line, i.e. the 12th and 13th after the name.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
