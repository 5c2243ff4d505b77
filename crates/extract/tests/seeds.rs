//! The five reference pages in `shared/seeds` (scraped text with boilerplate):
//! every one cleans without residue or lost sentences, the two live blogs split into
//! correctly timed posts, and none is a near-duplicate of another.
//!
//! The facts asserted here were read from the seed pages; the engine code knows
//! nothing about them.

use std::path::PathBuf;

use extract::dedup;
use extract::liveblog::split_posts;
use extract::plaintext::{clean_text, CleanedText};

fn seeds() -> Option<Vec<(String, String)>> {
    let dir: PathBuf = testkit::shared_path("seeds")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds folder readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "five seed pages");
    Some(
        files
            .into_iter()
            .map(|p| {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let raw = std::fs::read_to_string(&p).expect("seed is UTF-8 text");
                (name, raw)
            })
            .collect(),
    )
}

/// The page whose file name starts with `prefix`.
fn seed<'a>(all: &'a [(String, String)], prefix: &str) -> &'a str {
    &all.iter()
        .find(|(n, _)| n.starts_with(prefix))
        .expect("seed present")
        .1
}

/// Text reduced to what a sentence says: tags and the inline link marker
/// ", external" removed, then only letters and digits, lowercased (so normalised
/// quotes, spaces and an inserted space before a glued stamp do not matter).
fn comparable(s: &str) -> String {
    let s = s.replace(", external", "");
    let mut out = String::new();
    let mut in_tag = false;
    for ch in s.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    out.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn trimmed_lines(raw: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    raw.split('\n').map(move |l| {
        let start = pos + (l.len() - l.trim_start().len());
        pos += l.len() + 1;
        (start, l.trim())
    })
}

/// Generic residue that must not survive cleaning.
const RESIDUE: &[&str] = &[
    "image source",
    "image caption",
    "<a ",
    "</a>",
    "href=",
    ".jpg",
    ".jpeg",
    "newsletter",
    "recaptcha",
    "skip to main content",
    "related:",
    "getty images",
    "file photo",
    "your support",
    "currently reading",
    "privacy policy",
    "\u{a0}",
    ", external",
];

#[test]
fn every_seed_cleans_without_residue() {
    let Some(all) = seeds() else { return };
    for (name, raw) in &all {
        let c = clean_text(raw);
        let lower = c.text.to_lowercase();
        for r in RESIDUE {
            assert!(
                !lower.contains(r),
                "{name}: residue {r:?} left in clean text"
            );
        }
        assert!(
            !c.text.contains("\n\n\n"),
            "{name}: paragraph breaks doubled"
        );
        // The tag cloud at the end of a page is gone.
        let last = c.text.lines().last().unwrap_or("");
        assert!(
            last.split_whitespace().count() > 3,
            "{name}: ends with {last:?}"
        );
    }
}

/// Reasons for which a long line (a sentence-sized one) may leave the text.
const LONG_LINE_REASONS: &[&str] = &[
    extract::plaintext::reason::IMAGE_CAPTION,
    extract::plaintext::reason::PROMOTION,
    extract::plaintext::reason::REPEATED,
];

#[test]
fn no_article_sentence_is_lost() {
    let Some(all) = seeds() else { return };
    for (name, raw) in &all {
        let c: CleanedText = clean_text(raw);
        let clean = comparable(&c.text);
        for (start, line) in trimmed_lines(raw) {
            if line.chars().count() <= 100 {
                continue;
            }
            let dropped = c
                .dropped
                .iter()
                .find(|d| d.raw.start <= start && start < d.raw.end.max(d.raw.start + 1));
            match dropped {
                Some(d) => {
                    assert!(
                        LONG_LINE_REASONS.contains(&d.reason),
                        "{name}: long line dropped as {:?}: {line}",
                        d.reason
                    );
                    if d.reason == extract::plaintext::reason::REPEATED {
                        assert!(
                            clean.contains(&comparable(line)),
                            "{name}: repeat kept once"
                        );
                    }
                }
                None => {
                    // A bullet's text is kept without the bullet.
                    let body = line.trim_start_matches(['\u{2022}', '-', '*']).trim();
                    assert!(
                        clean.contains(&comparable(body)),
                        "{name}: line missing from clean text: {line}"
                    );
                }
            }
        }
    }
}

#[test]
fn clean_offsets_map_back_to_the_raw_pages() {
    let Some(all) = seeds() else { return };
    for (name, raw) in &all {
        let c = clean_text(raw);
        for tok in text::tokenize(&c.text) {
            let r = c.offsets.span_to_raw(tok.span);
            let mut start = r.start.min(raw.len());
            while !raw.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = r.end.min(raw.len()).max(start);
            while !raw.is_char_boundary(end) {
                end += 1;
            }
            let back = text::normalize_text(&raw[start..end]).replace("&amp;", "&");
            assert!(
                back.contains(tok.text),
                "{name}: token {:?} maps to {:?}",
                tok.text,
                &raw[start..end]
            );
        }
    }
}

#[test]
fn bbc_style_live_blog_posts() {
    let Some(all) = seeds() else { return };
    let c = clean_text(seed(&all, "000_"));
    let blog = split_posts(&c.text, c.published.as_ref().map(|p| p.at));
    assert!(blog.is_live_blog);
    assert_eq!(blog.posts.len(), 20);
    let times: Vec<String> = blog
        .posts
        .iter()
        .map(|p| p.time.map(|t| t.to_iso()).expect("every post has a time"))
        .collect();
    assert_eq!(times[0], "2025-11-21T22:33Z");
    assert_eq!(times[19], "2025-11-21T16:24Z");
    assert!(times.windows(2).all(|w| w[0] > w[1]), "times descend");
    let first = &blog.posts[0];
    assert_eq!(
        first.title.as_deref(),
        Some("Trump sets a deadline for Ukraine as Zelensky warns that he risks losing US support")
    );
    assert_eq!(blog.posts[1].author.as_deref(), Some("Tom Bateman"));
    assert_eq!(
        blog.posts[1].author_role.as_deref(),
        Some("Reporting from Washington")
    );
    assert_eq!(blog.posts[2].author.as_deref(), Some("Frank Gardner"));
    assert_eq!(
        blog.posts[2].author_role.as_deref(),
        Some("Security correspondent")
    );
    for p in &blog.posts {
        let title = p.title.as_deref().expect("every post has a title");
        assert!(!matches!(title, "Analysis" | "Breaking"));
        assert!(p.author.as_deref() != Some("Analysis") && p.author.as_deref() != Some("Breaking"));
        let body = p.body.slice(&c.text);
        assert!(!body.starts_with("Breaking"), "label left in body");
        assert!(!body.contains("published at"), "one post per stamp");
    }
    assert_eq!(
        blog.fallback_published().map(|p| p.at.to_iso()),
        Some("2025-11-21T22:33Z".to_string())
    );
}

#[test]
fn rt_style_live_blog_posts() {
    let Some(all) = seeds() else { return };
    let c = clean_text(seed(&all, "004_"));
    assert_eq!(c.credited_source.as_deref(), Some("RT"));
    assert_eq!(
        c.published.as_ref().map(|p| p.at.to_iso()),
        Some("2025-11-26".to_string())
    );
    assert!(c
        .title
        .as_deref()
        .is_some_and(|t| t.ends_with("LIVE UPDATES")));
    let blog = split_posts(&c.text, c.published.as_ref().map(|p| p.at));
    assert!(blog.is_live_blog);
    let times: Vec<String> = blog
        .posts
        .iter()
        .filter_map(|p| p.time.map(|t| t.to_iso()))
        .collect();
    let expected: Vec<String> = [
        "20:41", "20:03", "19:43", "19:06", "17:16", "17:08", "16:51", "16:30", "16:22", "15:49",
    ]
    .iter()
    .map(|t| format!("2025-11-25T{t}Z"))
    .collect();
    assert_eq!(times, expected);
    // The lead above the first stamp is its own, untimed post.
    assert_eq!(blog.posts.len(), 11);
    assert!(blog.posts[0].time.is_none());
    for p in &blog.posts[1..] {
        assert!(p.title.is_none() && p.author.is_none());
    }
}

#[test]
fn article_seeds_are_single_posts_with_metadata() {
    let Some(all) = seeds() else { return };
    for prefix in ["001_", "002_", "003_"] {
        let c = clean_text(seed(&all, prefix));
        let blog = split_posts(&c.text, None);
        assert!(!blog.is_live_blog, "{prefix}");
        assert_eq!(blog.posts.len(), 1);
        assert!(blog.posts[0].time.is_none());
    }
    let meduza = clean_text(seed(&all, "001_"));
    assert_eq!(meduza.credited_source.as_deref(), Some("Meduza"));
    // The photo caption (three copies, the last above its Getty credit) is gone;
    // the standfirst opens the text.
    assert_eq!(meduza.text.matches("A view of Pokrovsk").count(), 0);
    assert!(meduza
        .text
        .starts_with("The Trump administration has another peace plan"));
    let ukr = clean_text(seed(&all, "002_"));
    assert_eq!(
        ukr.title.as_deref(),
        Some("As Ukraine Prepares for Peace Talks, Russia Escalates the Attacks")
    );
    let agg = clean_text(seed(&all, "003_"));
    assert!(!agg.text.contains("Duct Tape"));
    assert!(!agg.text.contains("Compass"));
}

#[test]
fn seeds_are_not_near_duplicates_of_each_other() {
    let Some(all) = seeds() else { return };
    let prints: Vec<dedup::Fingerprint> = all
        .iter()
        .map(|(_, raw)| dedup::fingerprint(&clean_text(raw).text))
        .collect();
    for i in 0..prints.len() {
        for j in i + 1..prints.len() {
            assert!(
                !dedup::is_near_duplicate(&prints[i], &prints[j]),
                "{} vs {}",
                all[i].0,
                all[j].0
            );
        }
    }
    // A repost of a seed with a new first paragraph is still recognised.
    let c = clean_text(seed(&all, "001_"));
    let repost = format!(
        "Reposted from a partner outlet.\n\n{}",
        c.text.split_once("\n\n").map(|x| x.1).unwrap_or("")
    );
    assert!(dedup::is_near_duplicate(
        &dedup::fingerprint(&c.text),
        &dedup::fingerprint(&repost)
    ));
}
