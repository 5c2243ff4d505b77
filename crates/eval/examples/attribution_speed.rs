//! Attribution speed: documents per second on one core, for attributions alone and
//! for entities + attributions together (what the pipeline runs).
//!
//! `cargo run --release -p eval --example attribution_speed -- [FOLDER_OF_TXT] [--dump]`
//! runs `analysis::attribution::find_attributions` (with sentence splitting) over
//! every `.txt` file of the folder (default: the PolNeAR dev texts) several times on
//! the calling thread and prints documents/s and MB/s. `--dump` prints each
//! attribution instead (for eyeballing output on pages such as the seeds).

use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--dump");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/attribution/polnear/dev/text"));
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            docs.push((path.clone(), std::fs::read_to_string(&path)?));
        }
    }
    docs.sort();
    if docs.is_empty() {
        return Err(format!("no .txt files in {}", dir.display()).into());
    }
    if dump {
        for (path, text) in &docs {
            println!("=== {}", path.display());
            let sentences = text::split_sentences(text);
            for a in analysis::attribution::find_attributions(text, &sentences, &[], &[], &[]) {
                println!(
                    "{:?} src=[{}] cue=[{}] stance={:?} via={:?}\n    {}",
                    a.kind,
                    a.source.as_ref().map_or("-", |s| s.text.as_str()),
                    a.cue_text.as_deref().unwrap_or(""),
                    a.stance,
                    a.via.as_ref().map(|v| v.text.as_str()),
                    a.content_text.replace('\n', " ")
                );
            }
        }
        return Ok(());
    }
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let rounds = 5;
    let mut found = 0usize;
    let started = Instant::now();
    for _ in 0..rounds {
        for (_, text) in &docs {
            let sentences = text::split_sentences(text);
            found +=
                analysis::attribution::find_attributions(text, &sentences, &[], &[], &[]).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = docs.len() * rounds;
    println!(
        "attributions alone: {} documents x {rounds} rounds, {} attributions: {:.0} documents/s, {:.1} MB/s (one core)",
        docs.len(),
        found / rounds,
        n as f64 / secs,
        (bytes * rounds) as f64 / 1e6 / secs
    );
    // Entities and attributions together, as the pipeline runs them (the
    // attributions then resolve pronouns and descriptors to entities).
    let mut entities = 0usize;
    let started = Instant::now();
    for _ in 0..rounds {
        for (_, text) in &docs {
            let sentences = text::split_sentences(text);
            let ents = analysis::entities::recognise(text, &sentences);
            entities += ents.entities.len();
            analysis::attribution::find_attributions(
                text,
                &sentences,
                &[],
                &ents.mentions,
                &ents.entities,
            );
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "entities + attributions: {} entities: {:.0} documents/s, {:.1} MB/s (one core)",
        entities / rounds,
        n as f64 / secs,
        (bytes * rounds) as f64 / 1e6 / secs
    );
    Ok(())
}
