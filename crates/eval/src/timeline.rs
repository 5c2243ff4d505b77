//! Scorer for the `timeline` benchmark: Timeline17 developer topics, Date-F1 of the
//! news-tls protocol (see ../shared/eval/README.md, section 7).
//!
//! For each gold timeline, the folder's articles published between the timeline's
//! first and last date (inclusive) are read; the event dates their sentences
//! mention are found; [`fusion::timeline`] ranks the dates and keeps at most `l`
//! (the number of gold dates) inside the timeline's range. Precision and recall of
//! the dates are computed per timeline, averaged over timelines, and F1 is taken of
//! the two means.
//!
//! Date mentions come from the engine's timex tagger (`analysis::timex::tag`, DATE
//! values of day precision) by default; [`find_dates`] is a small internal finder
//! for explicit day-level dates ("June 25 , 2009", "25 June", "2009-06-25") and
//! weekday names, "yesterday", "today", "tomorrow", "last night" relative to the
//! publication date, kept as [`DateSource::Internal`] for comparison and for the
//! ECB+ scorer's explicit dates.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use fusion::timeline::{build_timeline_with, DatedSentence, TimelineOptions};

use crate::{EvalError, EvalOptions, Report};

/// One gold timeline: its dates in order.
#[derive(Debug, Clone)]
pub struct GoldTimeline {
    pub name: String,
    pub dates: Vec<NaiveDate>,
    /// Summary sentences per date (kept for AR metrics and inspection).
    pub sentences: Vec<Vec<String>>,
}

/// One input article.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub published: NaiveDate,
    pub text: String,
}

/// A topic folder: its articles and gold timelines.
#[derive(Debug, Clone)]
pub struct TopicFolder {
    pub name: String,
    pub articles: Vec<Article>,
    pub timelines: Vec<GoldTimeline>,
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Parses a `timelines/*.txt` file: a date line, its sentences, a line of dashes.
pub fn parse_gold(name: &str, text: &str) -> Result<GoldTimeline, String> {
    let mut dates = Vec::new();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut expecting_date = true;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with("----") {
            expecting_date = true;
            continue;
        }
        if expecting_date {
            let d = parse_date(line)
                .ok_or_else(|| format!("line {}: expected a date, found {line:?}", n + 1))?;
            dates.push(d);
            sentences.push(Vec::new());
            expecting_date = false;
        } else if let Some(last) = sentences.last_mut() {
            last.push(line.to_string());
        }
    }
    if dates.is_empty() {
        return Err("no dates".to_string());
    }
    // Merge repeated dates, keep chronological order.
    let mut merged: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    for (d, s) in dates.into_iter().zip(sentences) {
        merged.entry(d).or_default().extend(s);
    }
    Ok(GoldTimeline {
        name: name.to_string(),
        dates: merged.keys().copied().collect(),
        sentences: merged.into_values().collect(),
    })
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

/// Reads one `<topic>_<outlet>` folder.
pub fn load_folder(dir: &Path) -> Result<TopicFolder, EvalError> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Gold timelines from `timelines.jsonl` (what the news-tls loader reads; the
    // `.txt` copies have at least one malformed date line).
    let jsonl = dir.join("timelines.jsonl");
    let mut timelines = Vec::new();
    for (n, line) in crate::read_to_string(&jsonl)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let items: Vec<(String, Vec<String>)> = serde_json::from_str(line)
            .map_err(|e| EvalError::format(&jsonl, format!("line {}: {e}", n + 1)))?;
        let mut merged: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
        for (date, sents) in items {
            let d = parse_date(&date).ok_or_else(|| {
                EvalError::format(&jsonl, format!("line {}: bad date {date:?}", n + 1))
            })?;
            merged
                .entry(d)
                .or_default()
                .extend(sents.into_iter().map(|s| s.trim().to_string()));
        }
        timelines.push(GoldTimeline {
            name: format!("{name}#{}", timelines.len() + 1),
            dates: merged.keys().copied().collect(),
            sentences: merged.into_values().collect(),
        });
    }
    let mut articles = Vec::new();
    let docs_dir = dir.join("InputDocs");
    for day_dir in sorted_entries(&docs_dir)? {
        let Some(published) = day_dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(parse_date)
        else {
            continue;
        };
        for f in sorted_entries(&day_dir)? {
            if !f.is_file() {
                continue;
            }
            let bytes = std::fs::read(&f).map_err(|e| EvalError::io(&f, e))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let id = f
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            articles.push(Article {
                id,
                published,
                text,
            });
        }
    }
    Ok(TopicFolder {
        name,
        articles,
        timelines,
    })
}

/// Reads every topic folder under `root`.
pub fn load(root: &Path) -> Result<Vec<TopicFolder>, EvalError> {
    let mut out = Vec::new();
    for dir in sorted_entries(root)? {
        if dir.join("timelines").is_dir() && dir.join("InputDocs").is_dir() {
            out.push(load_folder(&dir)?);
        }
    }
    if out.is_empty() {
        return Err(EvalError::format(
            root,
            "no <topic>_<outlet> folders with timelines/ and InputDocs/",
        ));
    }
    Ok(out)
}

fn month_of(word: &str) -> Option<u32> {
    text::calendar::month_number(word)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    Some(match word.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn day_number(word: &str) -> Option<u32> {
    let w = word
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        word.parse().ok().filter(|y| (1900..=2100).contains(y))
    } else {
        None
    }
}

/// The year that puts `month`/`day` closest to `anchor`.
fn closest_year(month: u32, day: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    [anchor.year() - 1, anchor.year(), anchor.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
}

/// Day-level event dates mentioned in `sentence`, resolved against `published`.
pub fn find_dates(sentence: &str, published: NaiveDate) -> Vec<NaiveDate> {
    find_dates_with(sentence, published, DateFinder::default())
}

/// Which kinds of date mention [`find_dates_with`] resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateFinder {
    /// "yesterday", "today", "tomorrow", "last night".
    pub deictic: bool,
    /// Weekday names.
    pub weekdays: bool,
    /// Month-day dates without a year resolve to the year nearest the publication
    /// date; `false` drops them (for texts without a known publication date).
    pub yearless: bool,
}

impl DateFinder {
    /// Only dates written in full (day, month and year, or ISO): needs no anchor.
    pub const EXPLICIT_ONLY: DateFinder = DateFinder {
        deictic: false,
        weekdays: false,
        yearless: false,
    };
}

impl Default for DateFinder {
    fn default() -> Self {
        DateFinder {
            deictic: true,
            weekdays: true,
            yearless: true,
        }
    }
}

/// Like [`find_dates`], with a choice of which relative mentions count.
pub fn find_dates_with(sentence: &str, published: NaiveDate, finder: DateFinder) -> Vec<NaiveDate> {
    let tokens: Vec<&str> = text::tokenize(sentence)
        .into_iter()
        .map(|t| t.text)
        .filter(|t| *t != "," && *t != "the" && *t != "of")
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        // ISO 2009-06-25 (the tokenizer keeps it together or splits on '-').
        if let Some(d) = parse_date(t) {
            out.push(d);
            i += 1;
            continue;
        }
        if let (Some(y), Some("-"), Some(m), Some("-"), Some(d)) = (
            year_number(t),
            tokens.get(i + 1).copied(),
            tokens.get(i + 2).and_then(|x| x.parse::<u32>().ok()),
            tokens.get(i + 3).copied(),
            tokens.get(i + 4).and_then(|x| x.parse::<u32>().ok()),
        ) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                out.push(date);
                i += 5;
                continue;
            }
        }
        let capital = t.chars().next().is_some_and(char::is_uppercase);
        // Month Day [Year]
        if let (true, Some(m)) = (capital, month_of(t)) {
            if let Some(day) = tokens.get(i + 1).and_then(|x| day_number(x)) {
                let year = tokens.get(i + 2).and_then(|x| year_number(x));
                let date = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, day),
                    None if finder.yearless => closest_year(m, day, published),
                    None => None,
                };
                if let Some(d) = date {
                    out.push(d);
                }
                i += if year.is_some() { 3 } else { 2 };
                continue;
            }
        }
        // Day Month [Year]
        if let Some(day) = day_number(t) {
            if let Some(m) = tokens
                .get(i + 1)
                .filter(|x| x.chars().next().is_some_and(char::is_uppercase))
                .and_then(|x| month_of(x))
            {
                let year = tokens.get(i + 2).and_then(|x| year_number(x));
                let date = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, day),
                    None if finder.yearless => closest_year(m, day, published),
                    None => None,
                };
                if let Some(d) = date {
                    out.push(d);
                }
                i += if year.is_some() { 3 } else { 2 };
                continue;
            }
        }
        let lower = t.to_ascii_lowercase();
        let before = out.len();
        match lower.as_str() {
            "yesterday" => out.push(published - Duration::days(1)),
            "today" | "tonight" => out.push(published),
            "tomorrow" => out.push(published + Duration::days(1)),
            "last"
                if tokens
                    .get(i + 1)
                    .is_some_and(|n| n.eq_ignore_ascii_case("night")) =>
            {
                out.push(published - Duration::days(1));
                i += 1;
            }
            _ => {
                if let (true, true, Some(wd)) = (finder.weekdays, capital, weekday_of(t)) {
                    // "next Monday" looks ahead; otherwise the latest such day up to today.
                    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
                    let ahead = prev.is_some_and(|p| p.eq_ignore_ascii_case("next"));
                    let pub_wd = published.weekday().num_days_from_monday() as i64;
                    let target = wd.num_days_from_monday() as i64;
                    let date = if ahead {
                        let delta = (target - pub_wd).rem_euclid(7);
                        published + Duration::days(if delta == 0 { 7 } else { delta })
                    } else {
                        published - Duration::days((pub_wd - target).rem_euclid(7))
                    };
                    out.push(date);
                }
            }
        }
        if !finder.deictic && weekday_of(t).is_none() {
            out.truncate(before);
        }
        i += 1;
    }
    out
}

/// Dated sentences of the articles published within `[first, last]`.
pub fn dated_sentences(
    articles: &[Article],
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<DatedSentence> {
    dated_sentences_with(articles, first, last, DateFinder::default())
}

/// Like [`dated_sentences`] with a choice of date finder.
pub fn dated_sentences_with(
    articles: &[Article],
    first: NaiveDate,
    last: NaiveDate,
    finder: DateFinder,
) -> Vec<DatedSentence> {
    let mut out = Vec::new();
    for a in articles {
        if a.published < first || a.published > last {
            continue;
        }
        for span in text::split_sentences(&a.text) {
            let sentence = span.slice(&a.text);
            let mut dates = find_dates_with(sentence, a.published, finder);
            dates.sort_unstable();
            dates.dedup();
            push_dated(&mut out, a, span, sentence, dates);
        }
    }
    out
}

fn push_dated(
    out: &mut Vec<DatedSentence>,
    a: &Article,
    span: model::Span,
    sentence: &str,
    dates: Vec<NaiveDate>,
) {
    for date in dates {
        out.push(DatedSentence {
            doc: a.id.clone(),
            outlet: a.id.clone(),
            sentence_span: span,
            text: sentence.to_string(),
            date,
            published: Some(a.published),
        });
    }
}

/// Dated sentences from the engine's timex tagger (`analysis::timex::tag`): DATE
/// timexes whose value is a single day, resolved against the publication date.
pub fn dated_sentences_timex(
    articles: &[Article],
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<DatedSentence> {
    let mut out = Vec::new();
    for a in articles {
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
        let sentences = text::split_sentences(&a.text);
        for span in sentences {
            let mut dates: Vec<NaiveDate> = timexes
                .iter()
                .filter(|t| t.kind == model::TimexType::Date && span.contains(t.span))
                .filter_map(|t| parse_date(&t.value))
                .collect();
            dates.sort_unstable();
            dates.dedup();
            push_dated(&mut out, a, span, span.slice(&a.text), dates);
        }
    }
    out
}

/// Where the scorer's date mentions come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateSource {
    /// This module's small finder ([`find_dates_with`]).
    Internal(DateFinder),
    /// The engine's timex tagger.
    #[default]
    Timex,
}

/// Per-timeline date precision and recall.
fn date_pr(pred: &[NaiveDate], gold: &[NaiveDate]) -> (f64, f64) {
    let hits = pred.iter().filter(|d| gold.contains(d)).count() as f64;
    let p = if pred.is_empty() {
        0.0
    } else {
        hits / pred.len() as f64
    };
    let r = if gold.is_empty() {
        0.0
    } else {
        hits / gold.len() as f64
    };
    (p, r)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The dates our timeline selects for one gold timeline's range and length.
pub fn predict_dates(
    articles: &[Article],
    gold: &GoldTimeline,
    options: &TimelineOptions,
    source: DateSource,
) -> Vec<NaiveDate> {
    let (Some(&first), Some(&last)) = (gold.dates.first(), gold.dates.last()) else {
        return Vec::new();
    };
    let found = match source {
        DateSource::Internal(finder) => dated_sentences_with(articles, first, last, finder),
        DateSource::Timex => dated_sentences_timex(articles, first, last),
    };
    let items: Vec<DatedSentence> = found
        .into_iter()
        .filter(|s| s.date >= first && s.date <= last)
        .collect();
    let opts = TimelineOptions {
        max_dates: Some(gold.dates.len()),
        keep_conflicting_dates: false,
        max_sentences: 1,
        ..options.clone()
    };
    build_timeline_with(&items, &opts)
        .into_iter()
        .map(|e| e.date)
        .collect()
}

/// Mean P, mean R and F1 of the means, for `options`, over all timelines.
pub fn score_folders(
    folders: &[TopicFolder],
    options: &TimelineOptions,
    source: DateSource,
) -> (f64, f64, f64, Vec<(String, f64, f64)>) {
    let mut per = Vec::new();
    for f in folders {
        for tl in &f.timelines {
            let pred = predict_dates(&f.articles, tl, options, source);
            let (p, r) = date_pr(&pred, &tl.dates);
            per.push((tl.name.clone(), p, r));
        }
    }
    let n = per.len().max(1) as f64;
    let mp = per.iter().map(|x| x.1).sum::<f64>() / n;
    let mr = per.iter().map(|x| x.2).sum::<f64>() / n;
    (mp, mr, f1(mp, mr), per)
}

/// Baseline: the `l` dates with most published articles within the range.
fn most_published(folders: &[TopicFolder]) -> f64 {
    let (mut sp, mut sr, mut n) = (0.0, 0.0, 0.0);
    for f in folders {
        for tl in &f.timelines {
            let (Some(&first), Some(&last)) = (tl.dates.first(), tl.dates.last()) else {
                continue;
            };
            let mut counts: BTreeMap<NaiveDate, usize> = BTreeMap::new();
            for a in &f.articles {
                if a.published >= first && a.published <= last {
                    *counts.entry(a.published).or_insert(0) += 1;
                }
            }
            let mut ranked: Vec<(NaiveDate, usize)> = counts.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let pred: Vec<NaiveDate> = ranked.iter().take(tl.dates.len()).map(|x| x.0).collect();
            let (p, r) = date_pr(&pred, &tl.dates);
            sp += p;
            sr += r;
            n += 1.0;
        }
    }
    if n == 0.0 {
        0.0
    } else {
        f1(sp / n, sr / n)
    }
}

/// The options the scorer uses: the engine's defaults plus retrospective mentions
/// (documents published two or more days after a date that still mention it),
/// which helped a little on the Timeline17 dev topics (`timeline_sweep` example).
pub fn default_options() -> TimelineOptions {
    TimelineOptions {
        publication_days_weight: 0.0,
        later_mention_weight: 1.0,
        ..TimelineOptions::default()
    }
}

/// Runs the scorer on `path` (the `timeline17` folder).
pub fn run(path: &Path, opts: &EvalOptions) -> Result<Report, EvalError> {
    let mut folders = load(path)?;
    if let Some(limit) = opts.limit {
        folders.truncate(limit);
    }
    let start = std::time::Instant::now();
    let (p, r, f, per) = score_folders(&folders, &default_options(), DateSource::default());
    let elapsed = start.elapsed();
    let articles: usize = folders.iter().map(|f| f.articles.len()).sum();
    let mut report = Report::new(
        "timeline",
        format!(
            "Timeline17 dev: {} folders, {} gold timelines, {} articles",
            folders.len(),
            per.len(),
            articles
        ),
    );
    report
        .metric_with_anchor(
            "date_f1",
            f,
            "Datewise (Ghalandari & Ifrim 2020), full T17 [approximate]",
            0.544,
        )
        .metric_with_anchor(
            "date_f1_vs_mentions",
            f,
            "most-mentioned dates, HeidelTime, full T17 [re-run]",
            0.548,
        )
        .metric("date_precision", p)
        .metric("date_recall", r)
        .metric_with_anchor(
            "most_published_date_f1",
            most_published(&folders),
            "most-published dates, full T17 [re-run]",
            0.501,
        );
    for (name, p, r) in &per {
        report.note(format!("{name}: P {p:.3} R {r:.3} F1 {:.3}", f1(*p, *r)));
    }
    report.note(format!(
        "date mentions: DATE timexes with a day value from analysis::timex::tag, anchored on the publication date (DateSource::Internal is the fallback finder); {:.0} ms",
        elapsed.as_secs_f64() * 1000.0
    ));
    report.note("AR-1/AR-2 not computed (date selection only)");
    if let Some(dir) = &opts.details_dir {
        std::fs::create_dir_all(dir).map_err(|e| EvalError::io(dir, e))?;
        let mut out = String::new();
        for fo in &folders {
            for tl in &fo.timelines {
                let pred =
                    predict_dates(&fo.articles, tl, &default_options(), DateSource::default());
                out.push_str(&format!("# {}\n", tl.name));
                for d in &pred {
                    out.push_str(&format!(
                        "{d}\t{}\n",
                        if tl.dates.contains(d) { "hit" } else { "miss" }
                    ));
                }
            }
        }
        let p = dir.join("timeline_dates.tsv");
        std::fs::write(&p, out).map_err(|e| EvalError::io(&p, e))?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn finds_explicit_and_relative_dates() {
        let pubd = d(2031, 4, 10); // a Thursday
        let got = find_dates(
            "On June 25 , 2030 the mayor resigned ; on 3 April officials met , yesterday talks ended and on Monday the port reopened , May be later .",
            pubd,
        );
        assert_eq!(
            got,
            vec![d(2030, 6, 25), d(2031, 4, 3), d(2031, 4, 9), d(2031, 4, 7)]
        );
    }

    #[test]
    fn gold_parses_dates_and_sentences() {
        let g = parse_gold(
            "x",
            "2031-01-02\nA thing happens .\n-----\n2031-01-05\nB .\nC .\n-----\n",
        )
        .expect("valid gold");
        assert_eq!(g.dates, vec![d(2031, 1, 2), d(2031, 1, 5)]);
        assert_eq!(g.sentences[1].len(), 2);
    }
}
