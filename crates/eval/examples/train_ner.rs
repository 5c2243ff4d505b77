//! Trains the named-entity tagger and writes the model file.
//!
//! `cargo run --release -p eval --example train_ner -- <train> <dev> <out> [epochs]`
//!
//! e.g. `cargo run --release -p eval --example train_ner -- \
//!   ../shared/eval/ner/conllpp/conllpp_train.txt ../shared/eval/ner/conllpp/conllpp_dev.txt \
//!   crates/analysis/models/ner.bin`

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: train_ner <train.txt> <dev.txt> <out.bin> [epochs]");
        return ExitCode::from(2);
    }
    let epochs = match args.get(3).map(|s| s.parse::<usize>()) {
        None => 15,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("epochs must be a positive integer");
            return ExitCode::from(2);
        }
    };
    let (train, dev, out) = (
        PathBuf::from(&args[0]),
        PathBuf::from(&args[1]),
        PathBuf::from(&args[2]),
    );
    match eval::ner::train(&train, &dev, &out, epochs) {
        Ok(s) => {
            println!(
                "best epoch {} of {epochs}; dev F1 (quantised model) {:.4}; model {} bytes; {:.0}s",
                s.best_epoch, s.dev_f1, s.model_bytes, s.seconds
            );
            println!("dev F1 per epoch: {:?}", s.dev_f1_per_epoch);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("training failed: {e}");
            ExitCode::FAILURE
        }
    }
}
