//! Feeds mutated copies of real inputs through the whole per-document pipeline
//! (input split, extraction, analysis) and the brief, and reports every panic
//! with the mutation that caused it. No figure comes out of it: a clean run
//! prints the number of mutants and "no panics".
//!
//! `cargo run --release -p eval --example mutate_pipeline -- [--rounds N] <files…>`
//!
//! Mutations (deterministic, seeded by file index and round): cut at a random
//! character, delete a random stretch, insert stray quote marks, brackets, dashes
//! or colons, duplicate a line, join all lines, and splice two inputs together.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use eval::rng::Rng;

const INSERTS: &[&str] = &[
    "\u{201c}",
    "\u{201d}",
    "\"",
    "'",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    "(",
    ")",
    " - ",
    "\u{2014}",
    ":",
    ";",
    "\n",
    "\n\n",
    ",",
    ".",
    "said",
    " said ",
    "According to",
    "who",
    " that ",
    "Tuesday",
    "2025",
    "Nov. 21",
    "600,000",
    "by half",
    "\u{feff}",
    "\u{200b}",
    "\t",
    "<p>",
    "</p>",
    "&amp;",
    "\u{0301}",
    "Mr.",
    "U.S.",
    "?",
    "!",
    "…",
];

fn mutate(text: &str, rng: &mut Rng, other: &str) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len().max(1);
    let pick = |rng: &mut Rng, k: usize| (rng.next_u64() as usize) % k.max(1);
    match pick(rng, 7) {
        0 => {
            let at = pick(rng, n);
            (
                chars[..at.min(chars.len())].iter().collect(),
                format!("cut at char {at}"),
            )
        }
        1 => {
            let a = pick(rng, n);
            let len = pick(rng, 400);
            let b = (a + len).min(chars.len());
            let mut s: String = chars[..a.min(chars.len())].iter().collect();
            s.extend(&chars[b..]);
            (s, format!("delete chars {a}..{b}"))
        }
        2 => {
            let mut s = chars.clone();
            let mut what = Vec::new();
            for _ in 0..1 + pick(rng, 20) {
                let at = pick(rng, s.len() + 1);
                let ins = INSERTS[pick(rng, INSERTS.len())];
                what.push(format!("{at}:{ins:?}"));
                for (k, c) in ins.chars().enumerate() {
                    s.insert(at.min(s.len()) + k, c);
                }
            }
            (
                s.into_iter().collect(),
                format!("insert {}", what.join(" ")),
            )
        }
        3 => {
            let lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return (text.to_string(), "unchanged".into());
            }
            let k = pick(rng, lines.len());
            let mut out: Vec<&str> = lines.clone();
            for _ in 0..1 + pick(rng, 5) {
                out.insert(k, lines[k]);
            }
            (out.join("\n"), format!("duplicate line {k}"))
        }
        4 => (text.replace('\n', " "), "join lines".into()),
        5 => {
            let a = pick(rng, n);
            let o: Vec<char> = other.chars().collect();
            let b = pick(rng, o.len().max(1));
            let mut s: String = chars[..a.min(chars.len())].iter().collect();
            s.extend(&o[b.min(o.len())..]);
            (s, format!("splice at {a} with other from {b}"))
        }
        _ => {
            // Every quote mark flipped to another style.
            let s: String = chars
                .iter()
                .map(|&c| match c {
                    '\u{201c}' => '"',
                    '\u{201d}' => '\u{201c}',
                    '"' => '\u{201d}',
                    '\'' => '\u{2018}',
                    c => c,
                })
                .collect();
            (s, "flip quote styles".into())
        }
    }
}

fn run_one(name: &str, bytes: &[u8]) -> usize {
    let items = match extract::input::split_input(name, bytes) {
        Ok(items) => items,
        Err(_) => return 0,
    };
    let mut docs = Vec::new();
    for item in items.into_iter().flatten() {
        let doc = extract::document::build_document(&item, &Default::default());
        let an = analysis::analyze(&doc);
        docs.push((doc, an));
    }
    let n = docs.len();
    let _ = fusion::brief::build_brief(&docs, &[]);
    n
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 50usize;
    if let Some(p) = args.iter().position(|a| a == "--rounds") {
        rounds = args.get(p + 1).and_then(|s| s.parse().ok()).unwrap_or(50);
        args.drain(p..(p + 2).min(args.len()));
    }
    let files: Vec<(String, String)> = args
        .iter()
        .filter_map(|p| {
            std::fs::read(p)
                .ok()
                .map(|b| (p.clone(), String::from_utf8_lossy(&b).into_owned()))
        })
        .collect();
    std::panic::set_hook(Box::new(|_| {}));
    let mut panics = 0;
    let mut mutants = 0;
    for (fi, (path, text)) in files.iter().enumerate() {
        let other = &files[(fi + 1) % files.len()].1;
        for round in 0..rounds {
            let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ ((fi as u64) << 32) ^ round as u64);
            let (m, what) = mutate(text, &mut rng, other);
            mutants += 1;
            let name = std::path::Path::new(path)
                .file_name()
                .map_or("input".into(), |f| f.to_string_lossy().into_owned());
            let r = catch_unwind(AssertUnwindSafe(|| run_one(&name, m.as_bytes())));
            if let Err(e) = r {
                panics += 1;
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                println!("PANIC {path} round {round} ({what}): {msg}");
                let dump = format!("/tmp/mutant-{fi}-{round}.txt");
                let _ = std::fs::write(&dump, &m);
            }
        }
    }
    println!("{mutants} mutants, {panics} panics");
    if panics > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
