//! Time to add one document to a story as the story grows (1, 10, 100, 1,000
//! documents), on invented synthetic documents. Plain timing harness (no external
//! benchmark crate): `cargo bench -p fusion --bench story_add`.

use std::time::Instant;

use fusion::stories::{StoryClusterer, StoryConfig, StoryInput};

/// A tiny deterministic generator (linear congruential) for synthetic text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

const WORDS: &[&str] = &[
    "flood",
    "river",
    "bridge",
    "rescue",
    "village",
    "water",
    "rain",
    "storm",
    "damage",
    "officials",
    "residents",
    "evacuated",
    "roads",
    "closed",
    "emergency",
    "crews",
    "power",
    "homes",
    "warning",
    "levels",
    "rising",
    "army",
    "boats",
    "shelter",
    "families",
    "mayor",
    "council",
    "budget",
    "school",
    "hospital",
    "minister",
    "aid",
    "fund",
    "insurance",
];
const NAMES: &[&str] = &[
    "Velmora", "Orrin", "Kestrel", "Lusk", "Penrick", "Varn", "Everly",
];

fn synthetic(rng: &mut Lcg, i: usize) -> StoryInput {
    let mut text = String::new();
    for s in 0..12 {
        for w in 0..14 {
            if w == 3 {
                text.push_str(NAMES[rng.next() % NAMES.len()]);
            } else {
                text.push_str(WORDS[rng.next() % WORDS.len()]);
            }
            text.push(' ');
        }
        text.push_str(&format!("{} people.\n", 10 + (s * 7 + i) % 90));
    }
    StoryInput {
        id: format!("doc{i}"),
        text,
        ..Default::default()
    }
}

fn main() {
    let mut rng = Lcg(42);
    let mut clusterer = StoryClusterer::new(StoryConfig::default());
    let mut added = 0usize;
    for &size in &[1usize, 10, 100, 1000] {
        while added < size {
            clusterer.add(&synthetic(&mut rng, added));
            added += 1;
        }
        // Time the next 20 additions (documents are built before timing).
        let docs: Vec<StoryInput> = (0..20).map(|k| synthetic(&mut rng, added + k)).collect();
        let start = Instant::now();
        for d in &docs {
            clusterer.add(d);
        }
        let per_doc = start.elapsed().as_secs_f64() / docs.len() as f64;
        added += docs.len();
        println!(
            "story_add: {size:>5} documents already in ({} stories): {:.1} µs per added document",
            clusterer.stories.len(),
            per_doc * 1e6
        );
    }
}
