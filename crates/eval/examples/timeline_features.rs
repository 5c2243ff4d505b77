//! Date-ranking features on Timeline17: tags every timeline's articles once (the
//! engine's timex tagger, anchored on the publication date), then scores single
//! features, hand-set linear rankings and two leave-one-topic-out rankers.
//!
//! `cargo run --release -p eval --example timeline_features -- /work/shared/eval/timeline/timeline17`
//!
//! Features per candidate date d (each log(1 + count)): documents mentioning d;
//! documents published >= 1 / >= 2 days after d mentioning it; documents published
//! on d mentioning it; documents published on d and on d+1; distinct publication
//! days of the mentioning documents; mentions; days from d to its last mention;
//! documents mentioning d in their first `LEAD` (3) sentences; documents mentioning
//! d's month at month precision; documents weighted by 1/(day dates in the
//! sentence); lead mentions from later documents; sentences dated d news-tls style
//! (first day-level date, else the publication date when the sentence has no date);
//! documents published in [d-2, d+7]; PageRank of d on the date-reference graph
//! (publication date -> mentioned date, weighted by documents).
//!
//! Environment: `W="w1,w2,...;..."` scores linear weightings; `DIV=a` keeps chosen
//! dates at least a * range/l days apart; `SHIFT=n` moves every candidate by n days
//! (an alignment check); `DEBUG=<timeline>` prints the top dates and each gold
//! date's rank; `DUMP=<file>` appends every mention (timeline, document, publication
//! date, date, sentence index and text) and each timeline's gold dates as JSON lines,
//! for studies outside Rust.
//!
//! The leave-one-topic-out rankers (a logistic regression and a grid of linear
//! weights) are trained on the timelines of every other topic (topic = folder name
//! before `_`) and tested on the held-out topic's timelines; their figures are
//! never from a timeline they were trained on.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use eval::timeline::load;
use fusion::timeline::DatedSentence;

const NAMES: &[&str] = &[
    "docs",
    "later1",
    "later2",
    "sameday",
    "pubvol",
    "nextvol",
    "pubdays",
    "mentions",
    "span",
    "lead",
    "month",
    "wdocs",
    "lead_later",
    "sentdates",
    "winvol",
    "pagerank",
];

/// A timex mention with its position.
struct Mention {
    doc: String,
    published: NaiveDate,
    /// Day value, or the first day of a month value.
    date: NaiveDate,
    month_only: bool,
    sentence: usize,
    dates_in_sentence: usize,
    text: String,
}

fn mentions(
    f: &eval::timeline::TopicFolder,
    first: NaiveDate,
    last: NaiveDate,
) -> (Vec<Mention>, Vec<NaiveDate>) {
    let mut out = Vec::new();
    let mut sentence_dates = Vec::new();
    for a in &f.articles {
        if a.published < first || a.published > last {
            continue;
        }
        let Some(midnight) = a.published.and_hms_opt(0, 0, 0) else {
            continue;
        };
        let ctx = analysis::timex::TimexContext {
            published: Some(model::Timestamp {
                utc: midnight,
                precision: model::TimePrecision::Day,
            }),
            posts: Vec::new(),
        };
        let timexes = analysis::timex::tag(&a.text, &ctx);
        for (si, span) in text::split_sentences(&a.text).into_iter().enumerate() {
            let mut found: Vec<(NaiveDate, bool)> = timexes
                .iter()
                .filter(|t| t.kind == model::TimexType::Date && span.contains(t.span))
                .filter_map(|t| {
                    if let Ok(d) = NaiveDate::parse_from_str(&t.value, "%Y-%m-%d") {
                        Some((d, false))
                    } else if t.value.len() == 7 {
                        NaiveDate::parse_from_str(&format!("{}-01", t.value), "%Y-%m-%d")
                            .ok()
                            .map(|d| (d, true))
                    } else {
                        None
                    }
                })
                .collect();
            // One date per sentence (news-tls style): its first day-level date, else
            // the publication date when it has no date expression at all.
            let in_sentence: Vec<&model::Timex> = timexes
                .iter()
                .filter(|t| t.kind == model::TimexType::Date && span.contains(t.span))
                .collect();
            let first_day = in_sentence
                .iter()
                .filter_map(|t| NaiveDate::parse_from_str(&t.value, "%Y-%m-%d").ok())
                .next();
            match first_day {
                Some(d) => sentence_dates.push(d),
                None if in_sentence.is_empty() => sentence_dates.push(a.published),
                None => {}
            }
            found.sort_unstable();
            found.dedup();
            let n = found.iter().filter(|x| !x.1).count();
            for (date, month_only) in found {
                out.push(Mention {
                    doc: a.id.clone(),
                    published: a.published,
                    date,
                    month_only,
                    sentence: si,
                    dates_in_sentence: n.max(1),
                    text: a.text[span.start..span.end].to_string(),
                });
            }
        }
    }
    (out, sentence_dates)
}

fn month_key(d: NaiveDate) -> (i32, u32) {
    use chrono::Datelike;
    (d.year(), d.month())
}

/// Features of every candidate date of one timeline (log(1+count)).
fn features(
    ms: &[Mention],
    sd: &[NaiveDate],
    first: NaiveDate,
    last: NaiveDate,
) -> BTreeMap<NaiveDate, Vec<f64>> {
    let published_docs: BTreeSet<(NaiveDate, &str)> =
        ms.iter().map(|m| (m.published, m.doc.as_str())).collect();
    let rank = date_pagerank(ms, first, last);
    let mut sent_count: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for d in sd {
        *sent_count.entry(*d).or_insert(0.0) += 1.0;
    }
    let lead_n: usize = std::env::var("LEAD")
        .ok()
        .and_then(|x| x.parse().ok())
        .unwrap_or(3);
    let mut month_docs: BTreeMap<(i32, u32), BTreeSet<&str>> = BTreeMap::new();
    let mut lead: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
    let mut lead_later: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
    let mut wdocs: BTreeMap<NaiveDate, BTreeMap<&str, f64>> = BTreeMap::new();
    for m in ms {
        if m.month_only {
            month_docs
                .entry(month_key(m.date))
                .or_default()
                .insert(&m.doc);
            continue;
        }
        if m.sentence < lead_n {
            lead.entry(m.date).or_default().insert(&m.doc);
            if m.published > m.date {
                lead_later.entry(m.date).or_default().insert(&m.doc);
            }
        }
        let w = wdocs
            .entry(m.date)
            .or_default()
            .entry(&m.doc)
            .or_insert(0.0);
        *w = w.max(1.0 / m.dates_in_sentence as f64);
    }
    let items: Vec<DatedSentence> = ms
        .iter()
        .filter(|m| !m.month_only && m.date >= first && m.date <= last)
        .map(|m| DatedSentence {
            doc: m.doc.clone(),
            outlet: m.doc.clone(),
            sentence_span: model::Span::new(0, 0),
            text: String::new(),
            date: m.date,
            published: Some(m.published),
        })
        .collect();
    let mut base = features_base(&items);
    for (d, v) in base.iter_mut() {
        let extra = [
            lead.get(d).map_or(0, |s| s.len()) as f64,
            month_docs.get(&month_key(*d)).map_or(0, |s| s.len()) as f64,
            wdocs.get(d).map_or(0.0, |s| s.values().sum()),
            lead_later.get(d).map_or(0, |s| s.len()) as f64,
            sent_count.get(d).copied().unwrap_or(0.0),
            {
                let from = *d - chrono::Duration::days(2);
                let to = *d + chrono::Duration::days(7);
                published_docs
                    .iter()
                    .filter(|(p, _)| *p >= from && *p <= to)
                    .count() as f64
            },
            // Scaled so that log(1 + x) keeps the order: PageRank mass times the node count.
            rank.get(d).copied().unwrap_or(0.0) * rank.len() as f64,
        ];
        v.extend(extra.iter().map(|x| (1.0 + x).ln()));
    }
    base
}

/// PageRank on the date-reference graph: an edge from a document's publication
/// date to each day date it mentions (weight: distinct documents), damping 0.85.
fn date_pagerank(ms: &[Mention], first: NaiveDate, last: NaiveDate) -> BTreeMap<NaiveDate, f64> {
    let mut edges: BTreeMap<(NaiveDate, NaiveDate), BTreeSet<&str>> = BTreeMap::new();
    for m in ms
        .iter()
        .filter(|m| !m.month_only && m.date >= first && m.date <= last)
    {
        if m.published != m.date {
            edges
                .entry((m.published, m.date))
                .or_default()
                .insert(&m.doc);
        }
    }
    let nodes: BTreeSet<NaiveDate> = edges.keys().flat_map(|(a, b)| [*a, *b]).collect();
    let n = nodes.len().max(1) as f64;
    let mut out_w: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for ((a, _), docs) in &edges {
        *out_w.entry(*a).or_insert(0.0) += docs.len() as f64;
    }
    let mut rank: BTreeMap<NaiveDate, f64> = nodes.iter().map(|d| (*d, 1.0 / n)).collect();
    for _ in 0..40 {
        let dangling: f64 = rank
            .iter()
            .filter(|(d, _)| !out_w.contains_key(d))
            .map(|(_, r)| r)
            .sum();
        let mut next: BTreeMap<NaiveDate, f64> = nodes
            .iter()
            .map(|d| (*d, (0.15 + 0.85 * dangling) / n))
            .collect();
        for ((a, b), docs) in &edges {
            let share = rank[a] * docs.len() as f64 / out_w[a];
            if let Some(x) = next.get_mut(b) {
                *x += 0.85 * share;
            }
        }
        rank = next;
    }
    rank
}

fn features_base(items: &[DatedSentence]) -> BTreeMap<NaiveDate, Vec<f64>> {
    #[derive(Default)]
    struct T<'a> {
        docs: BTreeSet<&'a str>,
        later1: BTreeSet<&'a str>,
        later2: BTreeSet<&'a str>,
        same: BTreeSet<&'a str>,
        days: BTreeSet<NaiveDate>,
        mentions: f64,
        last: Option<NaiveDate>,
    }
    let mut by: BTreeMap<NaiveDate, T> = BTreeMap::new();
    let mut published: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
    for it in items {
        let Some(p) = it.published else { continue };
        published.entry(p).or_default().insert(&it.doc);
        let t = by.entry(it.date).or_default();
        t.docs.insert(&it.doc);
        let gap = (p - it.date).num_days();
        if gap >= 1 {
            t.later1.insert(&it.doc);
        }
        if gap >= 2 {
            t.later2.insert(&it.doc);
        }
        if gap == 0 {
            t.same.insert(&it.doc);
        }
        t.days.insert(p);
        t.mentions += 1.0;
        t.last = t.last.max(Some(p));
    }
    let vol = |d: Option<NaiveDate>| {
        d.and_then(|d| published.get(&d))
            .map_or(0.0, |s| s.len() as f64)
    };
    by.into_iter()
        .map(|(d, t)| {
            let span = t.last.map_or(0.0, |l| (l - d).num_days().max(0) as f64);
            let v = vec![
                t.docs.len() as f64,
                t.later1.len() as f64,
                t.later2.len() as f64,
                t.same.len() as f64,
                vol(Some(d)),
                vol(d.succ_opt()),
                t.days.len() as f64,
                t.mentions,
                span,
            ];
            (d, v.into_iter().map(|x| (1.0 + x).ln()).collect())
        })
        .collect()
}

struct Case {
    topic: String,
    name: String,
    gold: Vec<NaiveDate>,
    first: NaiveDate,
    last: NaiveDate,
    feats: BTreeMap<NaiveDate, Vec<f64>>,
}

fn pr(case: &Case, w: &[f64]) -> (f64, f64) {
    let mut ranked: Vec<(NaiveDate, f64)> = case
        .feats
        .iter()
        .map(|(d, f)| (*d, f.iter().zip(w).map(|(a, b)| a * b).sum::<f64>()))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let l = case.gold.len();
    let alpha: f64 = std::env::var("DIV")
        .ok()
        .and_then(|x| x.parse().ok())
        .unwrap_or(0.0);
    let span = (case.last - case.first).num_days() as f64 + 1.0;
    let radius = (alpha * span / l.max(1) as f64).floor() as i64;
    let mut pred: Vec<NaiveDate> = Vec::new();
    let mut skipped = Vec::new();
    for (d, _) in &ranked {
        if pred.len() == l {
            break;
        }
        if pred.iter().any(|p| (*p - *d).num_days().abs() <= radius) {
            skipped.push(*d);
        } else {
            pred.push(*d);
        }
    }
    for d in skipped {
        if pred.len() == l {
            break;
        }
        pred.push(d);
    }
    let hits = pred.iter().filter(|d| case.gold.contains(d)).count() as f64;
    let p = if pred.is_empty() {
        0.0
    } else {
        hits / pred.len() as f64
    };
    (p, hits / case.gold.len().max(1) as f64)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn score(cases: &[&Case], w: &[f64]) -> f64 {
    let n = cases.len().max(1) as f64;
    let (mut sp, mut sr) = (0.0, 0.0);
    for c in cases {
        let (p, r) = pr(c, w);
        sp += p;
        sr += r;
    }
    f1(sp / n, sr / n)
}

/// Logistic regression (gradient descent, features standardised per timeline).
fn train(cases: &[&Case]) -> Vec<f64> {
    let dim = NAMES.len() + 1;
    let mut rows: Vec<(Vec<f64>, f64, f64)> = Vec::new();
    for c in cases {
        // Balance: weight each timeline equally.
        let wt = 1.0 / c.feats.len().max(1) as f64;
        for (d, f) in &c.feats {
            let mut x = f.clone();
            x.push(1.0);
            rows.push((x, if c.gold.contains(d) { 1.0 } else { 0.0 }, wt));
        }
    }
    let mut w = vec![0.0; dim];
    for _ in 0..3000 {
        let mut g = vec![0.0; dim];
        for (x, y, wt) in &rows {
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for k in 0..dim {
                g[k] += wt * (p - y) * x[k];
            }
        }
        for k in 0..dim {
            w[k] -= 0.5 * (g[k] / cases.len() as f64 + 1e-3 * w[k]);
        }
    }
    w.truncate(NAMES.len());
    w
}

/// A weighting worth trying: at least one feature counts.
fn any_positive(w: &[f64]) -> bool {
    w.iter().any(|x| *x > 0.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/eval/timeline/timeline17".to_string());
    let folders = load(std::path::Path::new(&path))?;
    let mut cases = Vec::new();
    for f in &folders {
        for tl in &f.timelines {
            let (Some(&first), Some(&last)) = (tl.dates.first(), tl.dates.last()) else {
                continue;
            };
            let ms = mentions(f, first, last);
            let cands: BTreeSet<NaiveDate> =
                ms.0.iter()
                    .filter(|m| !m.month_only && m.date >= first && m.date <= last)
                    .map(|m| m.date)
                    .collect();
            if let Ok(dump) = std::env::var("DUMP") {
                use std::io::Write;
                let mut out = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&dump)?;
                for m in &ms.0 {
                    let row = serde_json::json!({"tl": tl.name, "doc": m.doc,
                        "pub": m.published.to_string(), "date": m.date.to_string(),
                        "month": m.month_only, "sent": m.sentence, "text": m.text});
                    writeln!(out, "{row}")?;
                }
                let row = serde_json::json!({"tl": tl.name, "gold": tl.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>(), "first": first.to_string(), "last": last.to_string()});
                writeln!(out, "{row}")?;
            }
            let reach = tl.dates.iter().filter(|d| cands.contains(d)).count();
            println!(
                "{}: gold {} candidates {} gold reachable {}",
                tl.name,
                tl.dates.len(),
                cands.len(),
                reach
            );
            cases.push(Case {
                topic: f.name.split('_').next().unwrap_or_default().to_string(),
                name: tl.name.clone(),
                gold: tl.dates.clone(),
                first,
                last,
                feats: {
                    let shift: i64 = std::env::var("SHIFT")
                        .ok()
                        .and_then(|x| x.parse().ok())
                        .unwrap_or(0);
                    features(&ms.0, &ms.1, first, last)
                        .into_iter()
                        .map(|(d, f)| (d + chrono::Duration::days(shift), f))
                        .collect()
                },
            });
        }
    }
    let all: Vec<&Case> = cases.iter().collect();
    // DEBUG=<timeline name>: the top dates by documents and the rank of each gold date.
    if let Ok(name) = std::env::var("DEBUG") {
        for c in cases.iter().filter(|c| c.name == name) {
            let mut ranked: Vec<(NaiveDate, f64)> =
                c.feats.iter().map(|(d, f)| (*d, f[0])).collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            for (i, (d, v)) in ranked.iter().enumerate().take(2 * c.gold.len()) {
                let gold = if c.gold.contains(d) { "GOLD" } else { "" };
                println!("  #{i} {d} docs {:.0} {gold}", v.exp() - 1.0);
            }
            for g in &c.gold {
                let rank = ranked.iter().position(|x| x.0 == *g);
                let docs = c.feats.get(g).map_or(0.0, |f| f[0].exp() - 1.0);
                println!("  gold {g}: rank {rank:?} docs {docs:.0}");
            }
        }
    }
    for (k, n) in NAMES.iter().enumerate() {
        let mut w = vec![0.0; NAMES.len()];
        w[k] = 1.0;
        let per: Vec<String> = all.iter().map(|c| format!("{:.2}", pr(c, &w).0)).collect();
        println!("only {n:9}: F1 {:.4}  {}", score(&all, &w), per.join(" "));
    }
    // Hand-set combinations from env: W="1,0,..."
    if let Ok(s) = std::env::var("W") {
        for spec in s.split(';') {
            let w: Vec<f64> = spec.split(',').filter_map(|x| x.parse().ok()).collect();
            let per: Vec<String> = all.iter().map(|c| format!("{:.2}", pr(c, &w).0)).collect();
            println!("W {spec}: F1 {:.4}  {}", score(&all, &w), per.join(" "));
        }
    }
    // Leave one topic out.
    let topics: BTreeSet<&str> = cases.iter().map(|c| c.topic.as_str()).collect();
    let (mut sp, mut sr, mut n) = (0.0, 0.0, 0.0);
    for t in &topics {
        let train_set: Vec<&Case> = cases.iter().filter(|c| c.topic != *t).collect();
        let w = train(&train_set);
        let ws: Vec<String> = w.iter().map(|x| format!("{x:.2}")).collect();
        for c in cases.iter().filter(|c| c.topic == *t) {
            let (p, r) = pr(c, &w);
            println!("LOTO {t}: {} P {p:.3} w [{}]", c.name, ws.join(","));
            sp += p;
            sr += r;
            n += 1.0;
        }
    }
    println!("LOTO logistic: F1 {:.4}", f1(sp / n, sr / n));
    // Grid of linear weights, chosen on the other topics (leave one topic out).
    let slots = [0usize, 1, 3, 4, 6, 9, 10];
    let mut grid: Vec<Vec<f64>> = Vec::new();
    for code in 0..3usize.pow(slots.len() as u32) {
        let mut w = vec![0.0; NAMES.len()];
        let mut c = code;
        for &k in &slots {
            w[k] = [0.0, 0.5, 1.0][c % 3];
            c /= 3;
        }
        if any_positive(&w) {
            grid.push(w);
        }
    }
    let (mut sp, mut sr, mut n) = (0.0, 0.0, 0.0);
    for t in &topics {
        let train_set: Vec<&Case> = cases.iter().filter(|c| c.topic != *t).collect();
        let best = grid
            .iter()
            .max_by(|a, b| score(&train_set, a).total_cmp(&score(&train_set, b)))
            .cloned()
            .unwrap_or_default();
        for c in cases.iter().filter(|c| c.topic == *t) {
            let (p, r) = pr(c, &best);
            println!("GRID-LOTO {t}: {} P {p:.3} w {:?}", c.name, best);
            sp += p;
            sr += r;
            n += 1.0;
        }
    }
    println!("LOTO grid: F1 {:.4}", f1(sp / n, sr / n));
    let best = grid
        .iter()
        .max_by(|a, b| score(&all, a).total_cmp(&score(&all, b)))
        .cloned()
        .unwrap_or_default();
    println!(
        "grid best on all dev (not a test figure): F1 {:.4} w {:?}",
        score(&all, &best),
        best
    );
    let w = train(&all);
    let ws: Vec<String> = w.iter().map(|x| format!("{x:.2}")).collect();
    println!("all-data weights (not a test figure): [{}]", ws.join(","));
    Ok(())
}
