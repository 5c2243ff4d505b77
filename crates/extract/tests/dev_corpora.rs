//! Checks of the cleaner, the live-blog splitter and the fingerprints on the
//! developer halves of two shared evaluation sets (read-only, never copied):
//!
//! * Timeline17 input documents (plain-text news articles, one sentence per line):
//!   no article is taken for a live blog, and the cleaner drops almost no lines
//!   other than repeated ones;
//! * SemEval-2022 Task 8 training pairs: every pair flagged as near-duplicate
//!   really shares most of its word 3-shingles (checked exactly).
//!
//! They read 18 MB and run for seconds in release mode, so they are ignored by
//! default: `cargo test --release -p extract --test dev_corpora -- --ignored --nocapture`.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use extract::{dedup, liveblog, plaintext};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else if p.to_string_lossy().ends_with(".htm.txt") {
            out.push(p);
        }
    }
}

#[test]
#[ignore = "reads the Timeline17 developer documents (seconds in release mode)"]
fn timeline17_articles_are_not_live_blogs_and_keep_their_lines() {
    let Some(root) = testkit::shared_path("eval/timeline/timeline17") else {
        return;
    };
    let mut files = Vec::new();
    files_under(&root, &mut files);
    files.sort();
    assert!(files.len() > 1000, "Timeline17 documents found");
    let mut lines = 0usize;
    let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
    let mut live = Vec::new();
    for p in &files {
        let Ok(raw) = std::fs::read_to_string(p) else {
            continue;
        };
        lines += raw.lines().filter(|l| !l.trim().is_empty()).count();
        let c = plaintext::clean_text(&raw);
        for d in &c.dropped {
            *by_reason.entry(d.reason).or_default() += 1;
        }
        if liveblog::split_posts(&c.text, None).is_live_blog {
            live.push(p.display().to_string());
        }
    }
    eprintln!("documents {} non-empty lines {lines}", files.len());
    for (r, n) in &by_reason {
        eprintln!("dropped as {r}: {n}");
    }
    assert!(live.is_empty(), "articles taken for live blogs: {live:?}");
    let not_repeats: usize = by_reason
        .iter()
        .filter(|(r, _)| **r != plaintext::reason::REPEATED)
        .map(|(_, n)| n)
        .sum();
    assert!(
        not_repeats * 1000 <= lines,
        "{not_repeats} of {lines} lines dropped for other reasons than repetition"
    );
}

/// Minimal CSV reader (quoted fields with doubled quotes and newlines).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\r' => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Exact Jaccard similarity of lowercased whitespace-word 3-shingles.
fn exact_jaccard(a: &str, b: &str) -> f64 {
    let shingles = |t: &str| -> HashSet<String> {
        let ws: Vec<String> = t
            .split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        ws.windows(3.min(ws.len()).max(1))
            .map(|w| w.join(" "))
            .collect()
    };
    let (sa, sb) = (shingles(a), shingles(b));
    let union = sa.union(&sb).count();
    if union == 0 {
        return 0.0;
    }
    sa.intersection(&sb).count() as f64 / union as f64
}

#[test]
#[ignore = "reads the SemEval-2022 Task 8 training pairs"]
fn semeval_near_duplicates_share_their_text() {
    let Some(path) = testkit::shared_path("eval/similarity/semeval2022t8/training_set.csv") else {
        return;
    };
    let csv = std::fs::read_to_string(path).expect("readable CSV");
    let rows = parse_csv(&csv);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    let (t1, t2, overall) = (col("text1"), col("text2"), col("Overall"));
    let mut flagged = 0;
    let mut pairs = 0;
    for r in rows[1..].iter().filter(|r| r.len() == header.len()) {
        pairs += 1;
        let (a, b) = (dedup::fingerprint(&r[t1]), dedup::fingerprint(&r[t2]));
        if !dedup::is_near_duplicate(&a, &b) {
            continue;
        }
        flagged += 1;
        let exact = exact_jaccard(&r[t1], &r[t2]);
        eprintln!(
            "near-duplicate: estimate {:.2}, exact {exact:.2}, gold Overall {}",
            dedup::jaccard_estimate(&a, &b),
            r[overall]
        );
        assert!(
            exact >= 0.35 || dedup::containment_estimate(&a, &b) >= dedup::EXCERPT_CONTAINMENT,
            "flagged pair shares little text (exact Jaccard {exact:.2})"
        );
    }
    eprintln!("pairs {pairs}, flagged {flagged}");
    assert!(pairs > 1000);
}
