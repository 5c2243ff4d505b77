//! Benchmark (not a test): the time to fuse a story as it grows.
//!
//! Builds synthetic documents about one invented story (varying outlets, figures,
//! dates, speakers and spellings), analyses them once, then times
//! `fusion::brief::build_brief` over the first 1, 10, 100, 300, 1,000 and 3,000 of them
//! (up to MAX), so the
//! cost of adding documents to a story is known.
//!
//! `cargo run --release -p engine --example bench_brief [-- MAX]`

use std::time::Instant;

use extract::input::{BodyKind, ItemMeta, RawItem};

const OUTLETS: &[&str] = &[
    "Lantern Post",
    "Quay News",
    "Harbour Gazette",
    "Valley Wire",
    "Tessaly Times",
];
const SPEAKERS: &[(&str, &str)] = &[
    ("Mara Quill", "union spokeswoman"),
    ("Ilse Brandt", "the city's mayor"),
    ("Tomas Wren", "a harbour pilot"),
    ("Edda Korr", "the transport minister"),
];

fn synthetic(i: usize) -> RawItem {
    let outlet = OUTLETS[i % OUTLETS.len()];
    let (speaker, role) = SPEAKERS[i % SPEAKERS.len()];
    let workers = 2000 + (i % 7) * 250;
    let day = 2 + i % 5;
    let city = if i.is_multiple_of(3) {
        "Tessaly"
    } else {
        "Tesaly"
    };
    let text = format!(
        "Strike at {city} port enters day {n}\n\n\
         About {workers} dock workers stayed away from the port of {city} on Tuesday, {outlet} reported. \
         The strike began on {day} March 2026, according to the union.\n\n\
         \"We will not go back for less than {pct}%,\" said {speaker}, {role}. \
         {speaker} told reporters the offer of {offer}% was an insult and rejected it.\n\n\
         Ships waiting outside the harbour numbered {ships} by the evening, port officials said. \
         Talks are expected to resume next Friday.",
        n = 1 + i % 4,
        pct = 5 + i % 3,
        offer = 2 + i % 2,
        ships = 20 + i % 11,
    );
    RawItem {
        origin: format!("synthetic-{i}.txt"),
        body: text.into_bytes(),
        kind: BodyKind::Text,
        meta: ItemMeta {
            outlet: Some(outlet.to_string()),
            published: extract::input::parse_datetime(&format!(
                "2026-03-0{}T{:02}:00:00Z",
                3 + i % 5,
                i % 24
            ))
            .map(|at| model::PublishedTime {
                at,
                provenance: model::TimeProvenance::User,
                confidence: 1.0,
            }),
            ..ItemMeta::default()
        },
    }
}

fn main() {
    let max: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let started = Instant::now();
    let docs: Vec<_> = (0..max)
        .map(|i| {
            let d = extract::document::build_document(&synthetic(i), &ItemMeta::default());
            let a = analysis::analyze(&d);
            (d, a)
        })
        .collect();
    println!(
        "extracted and analysed {max} documents in {:.2?}",
        started.elapsed()
    );
    println!(
        "{:>6}  {:>12}  {:>14}  {:>11}",
        "docs", "fuse time", "per document", "claims"
    );
    for n in [1, 10, 100, 300, 1000, 3000] {
        if n > max {
            break;
        }
        let reps = if n <= 10 {
            20
        } else if n <= 100 {
            5
        } else {
            1
        };
        let t = Instant::now();
        let mut claims = 0;
        for _ in 0..reps {
            let b = fusion::brief::build_brief(&docs[..n], &[]);
            claims = b.claims.len();
        }
        let each = t.elapsed() / reps;
        println!(
            "{n:>6}  {each:>12.2?}  {:>14.2?}  {claims:>11}",
            each / n as u32
        );
    }
}
