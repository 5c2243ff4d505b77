//! A dated timeline of a story, built from the event dates its sentences mention.
//!
//! Input: sentences with a day-precision event date (a timex value of type DATE, not
//! the publication date). Dates are ranked by how many outlets and documents
//! mention them ([`rank_dates`]); the best are kept and put in chronological
//! order. Each date's sentences are deduplicated (near-identical wording from
//! reposts or wire copy becomes one sentence with several sources) and ordered by
//! support. When near-identical sentences about one event are dated differently by
//! different outlets, the disagreement stays visible: both dates are kept and each
//! entry lists the conflict.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use model::{Evidence, Span};

/// A sentence with the event date it mentions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DatedSentence {
    pub doc: String,
    pub outlet: String,
    pub sentence_span: Span,
    pub text: String,
    /// The event date the sentence mentions.
    pub date: NaiveDate,
    /// The document's publication date, when known.
    pub published: Option<NaiveDate>,
}

/// One summary sentence of a date, with every document that carries it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SummarySentence {
    pub text: String,
    /// The first entry is the representative copy; the rest are near-identical copies.
    pub evidence: Vec<Evidence>,
}

/// Another date given to the same event by another outlet.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DateConflict {
    pub other_date: NaiveDate,
    /// The sentence (as dated on the other date).
    pub other: Evidence,
    /// Outlets giving this entry's date for the event.
    pub outlets_here: Vec<String>,
    /// Outlets giving the other date.
    pub outlets_other: Vec<String>,
}

/// One date of the timeline.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TimelineEntry {
    pub date: NaiveDate,
    /// The ranking score of the date (see [`rank_dates`]).
    pub score: f64,
    pub summary: Vec<SummarySentence>,
    /// Outlets mentioning the date (sorted).
    pub sources: Vec<String>,
    pub conflicting: Vec<DateConflict>,
}

/// Weights and limits of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineOptions {
    /// Keep at most this many dates (the best ranked); `None` keeps all.
    pub max_dates: Option<usize>,
    /// Summary sentences per date.
    pub max_sentences: usize,
    /// Score per distinct outlet mentioning a date.
    pub outlet_weight: f64,
    /// Score per distinct document mentioning a date.
    pub doc_weight: f64,
    /// Score per mention (sentence).
    pub mention_weight: f64,
    /// Multiplier for mentions of a document's own publication date ("today").
    pub same_day_weight: f64,
    /// Score per document published on the date (reporting volume).
    pub published_weight: f64,
    /// Score per document published on the day after the date (next-day reports).
    pub next_day_published_weight: f64,
    /// Score per distinct publication day among the documents mentioning the date
    /// (a date still referred to on many later days matters).
    pub publication_days_weight: f64,
    /// Score per document published at least two days after the date that mentions
    /// it (retrospective references).
    pub later_mention_weight: f64,
    /// Near-identical threshold (Jaccard of content words) for deduplication.
    pub duplicate_similarity: f64,
    /// Similarity above which two differently dated sentences describe one event.
    pub conflict_similarity: f64,
    /// Keep the other date of a conflict even when it ranks below `max_dates`.
    pub keep_conflicting_dates: bool,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            max_dates: None,
            max_sentences: 3,
            outlet_weight: 1.0,
            doc_weight: 0.5,
            mention_weight: 0.1,
            same_day_weight: 1.0,
            published_weight: 0.0,
            next_day_published_weight: 0.0,
            publication_days_weight: 0.0,
            later_mention_weight: 0.0,
            duplicate_similarity: 0.7,
            conflict_similarity: 0.6,
            keep_conflicting_dates: true,
        }
    }
}

/// Builds the timeline with default weights, keeping at most `max_dates` dates
/// (plus the other dates of visible conflicts).
pub fn build_timeline(items: &[DatedSentence], max_dates: Option<usize>) -> Vec<TimelineEntry> {
    build_timeline_with(
        items,
        &TimelineOptions {
            max_dates,
            ..TimelineOptions::default()
        },
    )
}

/// Scores every mentioned date: distinct outlets, distinct documents and mentions,
/// each weighted; best first (ties: earlier date first).
pub fn rank_dates(items: &[DatedSentence], opts: &TimelineOptions) -> Vec<(NaiveDate, f64)> {
    struct Tally<'a> {
        outlets: BTreeSet<&'a str>,
        docs: BTreeMap<&'a str, f64>,
        mentions: f64,
        publication_days: BTreeSet<NaiveDate>,
        later_docs: BTreeSet<&'a str>,
    }
    let mut by_date: BTreeMap<NaiveDate, Tally> = BTreeMap::new();
    for it in items {
        let w = if it.published == Some(it.date) {
            opts.same_day_weight
        } else {
            1.0
        };
        let t = by_date.entry(it.date).or_insert_with(|| Tally {
            outlets: BTreeSet::new(),
            docs: BTreeMap::new(),
            mentions: 0.0,
            publication_days: BTreeSet::new(),
            later_docs: BTreeSet::new(),
        });
        if let Some(p) = it.published {
            t.publication_days.insert(p);
            if (p - it.date).num_days() >= 2 {
                t.later_docs.insert(&it.doc);
            }
        }
        t.outlets.insert(&it.outlet);
        let d = t.docs.entry(&it.doc).or_insert(0.0);
        *d = d.max(w);
        t.mentions += w;
    }
    // Reporting volume: distinct documents per publication date.
    let mut published: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
    for it in items {
        if let Some(p) = it.published {
            published.entry(p).or_default().insert(&it.doc);
        }
    }
    let volume = |d: Option<NaiveDate>| -> f64 {
        d.and_then(|d| published.get(&d))
            .map_or(0.0, |s| s.len() as f64)
    };
    let mut ranked: Vec<(NaiveDate, f64)> = by_date
        .into_iter()
        .map(|(date, t)| {
            let docs: f64 = t.docs.values().sum();
            let score = opts.outlet_weight * t.outlets.len() as f64
                + opts.doc_weight * docs
                + opts.mention_weight * t.mentions
                + opts.published_weight * volume(Some(date))
                + opts.next_day_published_weight * volume(date.succ_opt())
                + opts.publication_days_weight * t.publication_days.len() as f64
                + opts.later_mention_weight * t.later_docs.len() as f64;
            (date, score)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

/// Content words of a sentence (folded, stop words and digits-only tokens kept out).
fn content_words(s: &str) -> BTreeSet<String> {
    text::tokenize(s)
        .into_iter()
        .filter(|t| t.shape != text::TokenShape::Punct && t.shape != text::TokenShape::Number)
        .map(|t| text::normalize::fold_for_match(t.text))
        .filter(|w| w.len() > 2 && !is_date_word(w) && !STOP.contains(&w.as_str()))
        .collect()
}

/// The content words of every item as sorted word ids (one id per distinct word
/// across the items), so set comparisons are merges of integer slices.
fn word_id_sets(items: &[DatedSentence]) -> Vec<Vec<u32>> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    items
        .iter()
        .map(|it| {
            let mut set: Vec<u32> = content_words(&it.text)
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            set.sort_unstable();
            set
        })
        .collect()
}

const STOP: &[&str] = &[
    "the", "and", "for", "was", "were", "that", "this", "with", "from", "has", "had", "have",
    "his", "her", "its", "their", "are", "but", "not", "been", "who", "which", "said", "says",
    "after", "before", "into", "about", "they", "she", "him", "will", "would",
];

/// Date words differ between conflicting versions of one sentence; ignore them:
/// month and weekday names (`text::calendar`) and these relative ones.
const RELATIVE_DATE_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tomorrow",
    "last",
    "night",
    "morning",
    "evening",
    "afternoon",
    "earlier",
    "later",
    "week",
    "day",
];

fn is_date_word(w: &str) -> bool {
    RELATIVE_DATE_WORDS.contains(&w)
        || text::calendar::month_number(w).is_some()
        || text::calendar::weekday_number(w).is_some()
}

/// Jaccard similarity of two sorted id sets.
fn jaccard_exact(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = (a.len() + b.len() - inter) as f64;
    if union == 0.0 {
        0.0
    } else {
        inter as f64 / union
    }
}

/// Pairs `(i, j)`, `i < j`, of word sets with Jaccard >= `min`, found through an
/// inverted index (sets with fewer than four words are left out: too short to judge).
/// Shared-word counts are kept in one flat array reset after each row, so the cost
/// is the number of shared postings, not a map operation per posting.
fn similar_pairs(words: &[Vec<u32>], min: f64) -> Vec<(usize, usize)> {
    let vocabulary = words.iter().flatten().max().map_or(0, |&m| m as usize + 1);
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); vocabulary];
    for (i, w) in words.iter().enumerate() {
        if w.len() < 4 {
            continue;
        }
        for &x in w {
            index[x as usize].push(i as u32);
        }
    }
    let mut out = Vec::new();
    let mut shared: Vec<u32> = vec![0; words.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.len() < 4 {
            continue;
        }
        for &x in w {
            // Postings are in increasing order: skip to the ones after `i`.
            let list = &index[x as usize];
            let start = list.partition_point(|&j| j as usize <= i);
            for &j in &list[start..] {
                let j = j as usize;
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            let n = shared[j] as usize;
            let union = (w.len() + words[j].len() - n) as f64;
            if n as f64 / union >= min {
                out.push((i, j));
            }
            shared[j] = 0;
        }
        touched.clear();
    }
    out
}

fn evidence(it: &DatedSentence) -> Evidence {
    Evidence {
        doc: it.doc.clone(),
        outlet: it.outlet.clone(),
        post: None,
        span: it.sentence_span,
        text: it.text.clone(),
    }
}

/// Builds the timeline with explicit options.
pub fn build_timeline_with(items: &[DatedSentence], opts: &TimelineOptions) -> Vec<TimelineEntry> {
    let ranked = rank_dates(items, opts);
    let score_of: BTreeMap<NaiveDate, f64> = ranked.iter().copied().collect();
    let mut chosen: BTreeSet<NaiveDate> = ranked
        .iter()
        .take(opts.max_dates.unwrap_or(usize::MAX))
        .map(|r| r.0)
        .collect();
    let words = word_id_sets(items);

    // Conflicts: near-identical sentences from different outlets with different dates,
    // where neither outlet also gives the other's date.
    let mut conflicts: BTreeMap<NaiveDate, Vec<DateConflict>> = BTreeMap::new();
    let pairs = similar_pairs(&words, opts.conflict_similarity);
    // Each item's similar items (itself included), to name the outlets that give
    // each side's date for the same sentence.
    let mut similar_to: Vec<Vec<usize>> = (0..items.len()).map(|i| vec![i]).collect();
    for &(i, j) in &pairs {
        similar_to[i].push(j);
        similar_to[j].push(i);
    }
    for (i, j) in pairs {
        let (a, b) = (&items[i], &items[j]);
        if a.date == b.date || a.outlet == b.outlet {
            continue;
        }
        // Each pair of dates is recorded once, from the first pair of sentences
        // that shows it; later pairs only cost this lookup.
        let known = |x: NaiveDate, y: NaiveDate| {
            conflicts
                .get(&x)
                .is_some_and(|list| list.iter().any(|c| c.other_date == y))
        };
        if known(a.date, b.date) && known(b.date, a.date) {
            continue;
        }
        let outlets_for = |date: NaiveDate| -> Vec<String> {
            let mut v: Vec<String> = similar_to[i]
                .iter()
                .filter(|&&k| items[k].date == date)
                .map(|&k| items[k].outlet.clone())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let (oa, ob) = (outlets_for(a.date), outlets_for(b.date));
        // An outlet that gives both dates for this sentence is telling two times
        // ("keeps the rise from 1 April, the minister said on Friday"), not
        // disagreeing with itself.
        if oa.iter().any(|o| ob.contains(o)) {
            continue;
        }
        for (x, y, ox, oy) in [(a, b, &oa, &ob), (b, a, &ob, &oa)] {
            let list = conflicts.entry(x.date).or_default();
            if !list.iter().any(|c| c.other_date == y.date) {
                list.push(DateConflict {
                    other_date: y.date,
                    other: evidence(y),
                    outlets_here: ox.clone(),
                    outlets_other: oy.clone(),
                });
            }
        }
    }
    if opts.keep_conflicting_dates {
        let extra: Vec<NaiveDate> = chosen
            .iter()
            .filter_map(|d| conflicts.get(d))
            .flatten()
            .map(|c| c.other_date)
            .collect();
        chosen.extend(extra);
    }

    let mut by_date: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        by_date.entry(it.date).or_default().push(i);
    }
    let mut out = Vec::new();
    for date in chosen {
        let idx: Vec<usize> = by_date.remove(&date).unwrap_or_default();
        // Deduplicate: greedy grouping in input order.
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        for &i in &idx {
            if let Some(g) = groups.iter_mut().find(|(rep, _)| {
                jaccard_exact(&words[*rep], &words[i]) >= opts.duplicate_similarity
            }) {
                g.1.push(i);
            } else {
                groups.push((i, vec![i]));
            }
        }
        let support = |g: &(usize, Vec<usize>)| -> usize {
            g.1.iter()
                .map(|&i| items[i].doc.as_str())
                .collect::<BTreeSet<_>>()
                .len()
        };
        // A bare date line ("Friday 6 March 2026") and a sentence that speaks to the
        // reader ("You can head here to catch up on …") report no event: they come
        // after sentences that do, then support decides.
        groups.sort_by_cached_key(|g| {
            (
                words[g.0].len() < 3,
                addresses_reader(&items[g.0].text),
                std::cmp::Reverse(support(g)),
                g.0,
            )
        });
        let summary = groups
            .iter()
            .take(opts.max_sentences)
            .map(|(rep, members)| SummarySentence {
                text: items[*rep].text.clone(),
                evidence: members.iter().map(|&i| evidence(&items[i])).collect(),
            })
            .collect();
        let sources: BTreeSet<String> = idx.iter().map(|&i| items[i].outlet.clone()).collect();
        let mut conflicting = conflicts.remove(&date).unwrap_or_default();
        conflicting.sort_by_key(|c| c.other_date);
        out.push(TimelineEntry {
            date,
            score: score_of.get(&date).copied().unwrap_or(0.0),
            summary,
            sources: sources.into_iter().collect(),
            conflicting,
        });
    }
    out
}

/// The sentence speaks to the reader ("you", "your") outside quotation marks.
pub(crate) fn addresses_reader(sentence: &str) -> bool {
    let mut quoted = false;
    let mut outside = String::with_capacity(sentence.len());
    for c in sentence.chars() {
        match c {
            '"' => quoted = !quoted,
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            _ if !quoted => outside.push(c),
            _ => {}
        }
    }
    outside
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "you" | "your" | "you're" | "you'll"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn item(doc: &str, outlet: &str, text: &str, date: (i32, u32, u32)) -> DatedSentence {
        DatedSentence {
            doc: doc.to_string(),
            outlet: outlet.to_string(),
            sentence_span: Span::new(0, text.len()),
            text: text.to_string(),
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("valid test date"),
            published: NaiveDate::from_ymd_opt(2031, 6, 30),
        }
    }

    /// Prints the timeline: dates in order, sentences with sources, conflicts.
    fn check(items: &[DatedSentence], max_dates: Option<usize>, expect: Expect) {
        let mut out = String::new();
        for e in build_timeline(items, max_dates) {
            out.push_str(&format!(
                "{} score {:.2} sources {:?}\n",
                e.date, e.score, e.sources
            ));
            for s in &e.summary {
                let docs: Vec<&str> = s.evidence.iter().map(|x| x.doc.as_str()).collect();
                out.push_str(&format!("    {} {:?}\n", s.text, docs));
            }
            for c in &e.conflicting {
                out.push_str(&format!(
                    "    CONFLICT: {:?} date it {}: {}\n",
                    c.outlets_other, c.other_date, c.other.text
                ));
            }
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn dates_in_order_duplicates_merged_and_conflicts_kept() {
        check(
            &[
                item(
                    "d1",
                    "Velmora Post",
                    "The dam at Orrin Lake failed on June 12, flooding two villages.",
                    (2031, 6, 12),
                ),
                item(
                    "d2",
                    "Coast Radio",
                    "The dam at Orrin Lake failed on June 13, flooding two villages.",
                    (2031, 6, 13),
                ),
                item(
                    "d3",
                    "Daily Digest",
                    "The dam at Orrin Lake failed on June 12 , flooding two villages .",
                    (2031, 6, 12),
                ),
                item(
                    "d1",
                    "Velmora Post",
                    "Engineers had warned about cracks in the dam on May 2.",
                    (2031, 5, 2),
                ),
                item(
                    "d4",
                    "Northern Wire",
                    "Minister Ilse Varn visited the flooded villages on June 20.",
                    (2031, 6, 20),
                ),
                item(
                    "d5",
                    "Coast Radio",
                    "Minister Ilse Varn toured the flooded villages on June 20 and promised aid.",
                    (2031, 6, 20),
                ),
                item(
                    "d5",
                    "Coast Radio",
                    "A fishing festival was held on April 1.",
                    (2031, 4, 1),
                ),
            ],
            Some(2),
            expect![[r#"
                2031-06-12 score 3.20 sources ["Daily Digest", "Velmora Post"]
                    The dam at Orrin Lake failed on June 12, flooding two villages. ["d1", "d3"]
                    CONFLICT: ["Coast Radio"] date it 2031-06-13: The dam at Orrin Lake failed on June 13, flooding two villages.
                2031-06-13 score 1.60 sources ["Coast Radio"]
                    The dam at Orrin Lake failed on June 13, flooding two villages. ["d2"]
                    CONFLICT: ["Daily Digest", "Velmora Post"] date it 2031-06-12: The dam at Orrin Lake failed on June 12, flooding two villages.
                2031-06-20 score 3.20 sources ["Coast Radio", "Northern Wire"]
                    Minister Ilse Varn visited the flooded villages on June 20. ["d4"]
                    Minister Ilse Varn toured the flooded villages on June 20 and promised aid. ["d5"]
            "#]],
        );
    }

    #[test]
    fn an_outlet_giving_both_dates_tells_two_times_and_bare_or_reader_lines_come_last() {
        let both = "The revised offer keeps the rise from July 1, the minister said on June 14.";
        check(
            &[
                item(
                    "d1",
                    "Velmora Post",
                    "The revised offer keeps the rise from July 1, the minister says.",
                    (2031, 7, 1),
                ),
                item("d2", "Coast Radio", both, (2031, 7, 1)),
                item("d2", "Coast Radio", both, (2031, 6, 14)),
                item(
                    "d3",
                    "Northern Wire",
                    "Saturday 14 June 2031",
                    (2031, 6, 14),
                ),
                item(
                    "d4",
                    "Harbour Blog",
                    "You can read everything you need to know about the offer here.",
                    (2031, 7, 1),
                ),
                item(
                    "d5",
                    "Harbour Blog",
                    "\"You will get the rise from July 1,\" the minister told the union.",
                    (2031, 7, 1),
                ),
            ],
            None,
            expect![[r#"
                2031-06-14 score 3.20 sources ["Coast Radio", "Northern Wire"]
                    The revised offer keeps the rise from July 1, the minister said on June 14. ["d2"]
                    Saturday 14 June 2031 ["d3"]
                2031-07-01 score 5.40 sources ["Coast Radio", "Harbour Blog", "Velmora Post"]
                    The revised offer keeps the rise from July 1, the minister says. ["d1", "d2"]
                    "You will get the rise from July 1," the minister told the union. ["d5"]
                    You can read everything you need to know about the offer here. ["d4"]
            "#]],
        );
    }
}
