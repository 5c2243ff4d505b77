//! Live-blog detection and post splitting on clean text.
//!
//! A live blog is recognised by its shape, not by its publisher: at least
//! [`MIN_STAMPED_POSTS`] lines that stamp a post. Three stamp conventions are read:
//!
//! * a post title with its time glued on after a label
//!   ("Title textpublished at 22:33 GMT 21 November 2025");
//! * a line holding only a time ("20:41 GMT", "Updated 8:41 pm ET"), whose day comes
//!   from the latest day header line ("25 November 2025") or from the publication
//!   time, with the day rolled back (or forward) when the times wrap past midnight
//!   against the page's reading order;
//! * relative stamps ("Updated 3 hours ago"), resolved only against a publication
//!   time known to the minute (otherwise the post keeps no time).
//!
//! A post starts at its stamp line, pulled back over the header lines just above it
//! (a day header, a numbered post marker "7.", a label like "Analysis"). Below the
//! stamp, label lines are skipped, a short headline line becomes the title when the
//! stamp carried none, and a name line followed by a role line ("Reporting from
//! Washington") becomes the author. Times are converted to UTC with minute precision.

pub mod stamp;

use chrono::{Duration, NaiveDate, Timelike};
use model::{Post, PublishedTime, Span, TimePrecision, TimeProvenance, Timestamp};

use stamp::{glued_stamp, parse_relative, parse_stamp, ClockTime, PartialDate};

/// How many stamped posts make a page a live blog.
pub const MIN_STAMPED_POSTS: usize = 3;

/// A time jump against the reading order larger than this (in minutes) is read as
/// the day changing; smaller ones are out-of-order posts (pinned or corrected).
const DAY_ROLLOVER_MIN_JUMP: i64 = 3 * 60;

/// The posts of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveBlog {
    /// True when the text has the shape of a live blog.
    pub is_live_blog: bool,
    /// The posts in text order; one post covering the whole text for other documents.
    pub posts: Vec<Post>,
}

impl LiveBlog {
    /// The latest post time, if any post has one.
    pub fn latest_time(&self) -> Option<Timestamp> {
        self.posts.iter().filter_map(|p| p.time).max()
    }

    /// A publication time to use when the page gave none: the latest post time of a
    /// live blog (provenance [`TimeProvenance::Inferred`]).
    pub fn fallback_published(&self) -> Option<PublishedTime> {
        if !self.is_live_blog {
            return None;
        }
        self.latest_time().map(|at| PublishedTime {
            at,
            provenance: TimeProvenance::Inferred,
            confidence: 0.5,
        })
    }
}

/// One non-empty line of the clean text (trimmed span).
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
}

/// What a line says about post structure.
#[derive(Debug, Clone, Copy)]
enum Mark {
    /// A line naming only a day.
    DayHeader(PartialDate),
    /// A line naming only a time (and maybe its day).
    Stamp {
        date: Option<PartialDate>,
        time: ClockTime,
    },
    /// "Updated 3 hours ago".
    Relative {
        minutes_ago: i64,
    },
    /// A title with the stamp glued on after a label.
    Glued {
        title: Span,
        stamp: Span,
        date: Option<PartialDate>,
        time: ClockTime,
    },
    /// A stamp line merged into the stamp next to it ("1h ago" above "14.05 GMT").
    Consumed,
    Plain,
}

impl Mark {
    fn is_boundary(&self) -> bool {
        matches!(
            self,
            Mark::Stamp { .. } | Mark::Relative { .. } | Mark::Glued { .. }
        )
    }
}

fn lines_of(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in text.split('\n') {
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let start = pos + lead;
            out.push(Line {
                span: Span::new(start, start + trimmed.len()),
            });
        }
        pos += piece.len() + 1;
    }
    out
}

/// "12. " / "3) " at the start of a line: the number and the bytes it takes.
pub(crate) fn numbered_marker(s: &str) -> Option<(u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &s[digits..];
    let after = rest.strip_prefix(['.', ')'])?;
    if !after.starts_with(' ') && !after.is_empty() {
        return None;
    }
    let n = s[..digits].parse().ok()?;
    let ws = after.len() - after.trim_start().len();
    Some((n, digits + 1 + ws))
}

fn mark_line(text: &str, line: Line) -> Mark {
    let s = line.span.slice(text);
    if let Some(st) = parse_stamp(s) {
        return match (st.date, st.time) {
            (date, Some(time)) => Mark::Stamp { date, time },
            (Some(d), None) => Mark::DayHeader(d),
            (None, None) => Mark::Plain,
        };
    }
    if let Some(minutes_ago) = parse_relative(s) {
        return Mark::Relative { minutes_ago };
    }
    if let Some((label_at, st)) = glued_stamp(s) {
        if let Some(time) = st.time {
            let title_start = numbered_marker(s).map(|(_, n)| n).unwrap_or(0);
            let title_text = &s[title_start.min(label_at)..label_at];
            let t_lead = title_text.len() - title_text.trim_start().len();
            let t_len = title_text.trim().len();
            let base = line.span.start;
            let title = Span::new(
                base + title_start.min(label_at) + t_lead,
                base + title_start.min(label_at) + t_lead + t_len,
            );
            // The stamp itself: what follows the label word(s).
            let after_label = label_at + label_len(&s[label_at..]);
            let rest = &s[after_label..];
            let lead = rest.len() - rest.trim_start().len();
            let stamp = Span::new(base + after_label + lead, line.span.end);
            return Mark::Glued {
                title,
                stamp,
                date: st.date,
                time,
            };
        }
    }
    Mark::Plain
}

/// Length of the label ("published at") starting `s`.
fn label_len(s: &str) -> usize {
    let mut seen_words = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if c == ' ' {
            seen_words += 1;
            if seen_words == 2 {
                return i;
            }
        }
        end = i + c.len_utf8();
    }
    end
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with([
        '.', '!', '?', ':', ';', ',', '"', '\u{201d}', '\u{2019}', ')',
    ])
}

/// Labels that stand above a post without being its title or author.
fn is_label(s: &str) -> bool {
    let t = s.trim().trim_end_matches(':');
    let lower = t.to_lowercase();
    const LABELS: &[&str] = &[
        "analysis",
        "breaking",
        "breaking news",
        "live",
        "update",
        "updated",
        "pinned",
        "pinned post",
        "key event",
        "key events",
        "opinion",
        "explainer",
        "watch",
        "video",
        "listen",
        "fact check",
        "comment",
        "summary",
        "latest",
        "just in",
        "developing",
        "developing story",
        "exclusive",
        "post",
        "news",
    ];
    if LABELS.contains(&lower.as_str()) {
        return true;
    }
    // Any lone word (no punctuation) in a post header is a label, not a title.
    word_count(t) == 1 && t.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// A short header line that belongs to the post below it when it sits just above a stamp.
fn is_header_above(text: &str, line: Line, mark: &Mark) -> bool {
    if matches!(mark, Mark::DayHeader(_) | Mark::Consumed) {
        return true;
    }
    let s = line.span.slice(text);
    if let Some((_, n)) = numbered_marker(s) {
        let rest = &s[n..];
        return rest.is_empty() || is_label(rest) || word_count(rest) <= 3 && !ends_sentence(rest);
    }
    is_label(s)
}

fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "del"
            | "der"
            | "van"
            | "von"
            | "al"
            | "bin"
            | "ibn"
            | "la"
            | "le"
            | "du"
            | "Jr"
            | "Jr."
            | "Sr"
            | "Sr."
            | "II"
            | "III"
    )
}

/// "Tom Bateman", "Bernd Debusmann Jr": two to five capitalised words.
fn is_name_line(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&ws.len()) || s.len() > 60 {
        return false;
    }
    ws.iter().all(|w| {
        is_name_particle(w)
            || w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
                && !w.ends_with('.')
    })
}

/// "Reporting from Washington", "Russia editor, BBC Monitoring": a short descriptor.
fn is_role_line(s: &str) -> bool {
    let n = word_count(s);
    (1..=8).contains(&n)
        && s.len() <= 70
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.trim_end().ends_with(['.', '!', '?', ':', ';'])
        && !s.contains(['"', '\u{201c}', '\u{201d}'])
        && parse_stamp(s).is_none()
}

/// A headline: a few words on their own line that do not read as a sentence.
fn is_headline(s: &str) -> bool {
    let n = word_count(s);
    (2..=25).contains(&n) && !s.trim_end().ends_with(['.', ',', ';', ':']) && !is_label(s)
}

/// Splits clean `text` into posts. `published` anchors relative stamps and time-only
/// stamps when the text names no day of its own.
pub fn split_posts(text: &str, published: Option<Timestamp>) -> LiveBlog {
    let lines = lines_of(text);
    let mut marks: Vec<Mark> = lines.iter().map(|l| mark_line(text, *l)).collect();
    // A time line directly followed by a day line is one stamp ("20:41 GMT" /
    // "25 November 2025"): the day belongs to that post, unless a time line follows
    // the day line (then it heads the next post).
    for i in 0..marks.len().saturating_sub(1) {
        let heads_next = matches!(marks.get(i + 2), Some(Mark::Stamp { date: None, .. }));
        if let (Mark::Stamp { date: None, time }, Mark::DayHeader(d), false) =
            (marks[i], marks[i + 1], heads_next)
        {
            marks[i] = Mark::Stamp {
                date: Some(d),
                time,
            };
        }
    }
    // Two stamp lines in a row stamp one post; the absolute one counts.
    for i in 1..marks.len() {
        let stamp_like = |m: &Mark| matches!(m, Mark::Stamp { .. } | Mark::Relative { .. });
        if stamp_like(&marks[i - 1]) && stamp_like(&marks[i]) {
            if matches!(
                (marks[i - 1], marks[i]),
                (Mark::Relative { .. }, Mark::Stamp { .. })
            ) {
                marks[i - 1] = Mark::Consumed;
            } else {
                marks[i] = Mark::Consumed;
            }
        }
    }
    let boundaries: Vec<usize> = (0..lines.len())
        .filter(|&i| marks[i].is_boundary())
        .collect();
    if boundaries.len() < MIN_STAMPED_POSTS {
        return whole_text(text);
    }

    // Each post starts at its stamp line pulled back over header lines above it.
    // A stamp line that starts with its label ("Published at 10:02") follows its
    // post's headline, which then belongs to the post.
    let mut starts = Vec::with_capacity(boundaries.len());
    let mut titles_above: Vec<Option<usize>> = Vec::with_capacity(boundaries.len());
    let mut prev_boundary: Option<usize> = None;
    for &b in &boundaries {
        let mut s = b;
        let mut title_above = None;
        let free = |i: usize| prev_boundary.is_none_or(|p| i > p);
        if b > 0
            && free(b - 1)
            && !matches!(marks[b], Mark::Glued { .. })
            && starts_with_stamp_label(lines[b].span.slice(text))
        {
            let above = lines[b - 1].span.slice(text);
            // A question can head a post ("What happened in Alaska?"); a statement
            // ending in a full stop is the end of the post before.
            let question = above.trim_end().ends_with(['?', '!']);
            if matches!(marks[b - 1], Mark::Plain)
                && is_headline(above)
                && (!ends_sentence(above) || question)
            {
                title_above = Some(b - 1);
                s = b - 1;
            }
        }
        let top = s;
        while s > 0
            && top - (s - 1) <= 2
            && free(s - 1)
            && is_header_above(text, lines[s - 1], &marks[s - 1])
        {
            s -= 1;
        }
        starts.push(s);
        titles_above.push(title_above);
        prev_boundary = Some(b);
    }

    let times = post_times(&marks, &boundaries, published);

    let mut posts = Vec::with_capacity(boundaries.len() + 1);
    // Text above the first post: its own post when it has substance, else part of it.
    let mut first_start = starts[0];
    if first_start > 0 {
        let intro = &lines[..first_start];
        let substantive = intro
            .iter()
            .any(|l| l.span.len() >= 40 || ends_sentence(l.span.slice(text)));
        if substantive {
            let end = intro[intro.len() - 1].span.end;
            posts.push(plain_post(Span::new(intro[0].span.start, end)));
        } else {
            first_start = 0;
        }
    }
    for (k, &b) in boundaries.iter().enumerate() {
        let from = if k == 0 { first_start } else { starts[k] };
        let to = starts.get(k + 1).copied().unwrap_or(lines.len());
        let post = build_post(
            text,
            &lines,
            &marks,
            (from, b, to),
            times[k],
            titles_above[k],
        );
        posts.push(post);
    }
    LiveBlog {
        is_live_blog: true,
        posts,
    }
}

fn plain_post(span: Span) -> Post {
    Post {
        span,
        body: span,
        time: None,
        time_span: None,
        title: None,
        title_span: None,
        author: None,
        author_role: None,
    }
}

fn whole_text(text: &str) -> LiveBlog {
    LiveBlog {
        is_live_blog: false,
        posts: vec![plain_post(Span::new(0, text.len()))],
    }
}

/// "Published at ...", "Updated 5 minutes ago": a stamp line led by its label.
fn starts_with_stamp_label(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.trim_end_matches(':'),
        "published" | "posted" | "updated" | "last"
    )
}

/// Builds the post made of lines `[from, to)` whose stamp is line `b`
/// (`lines_at` = `(from, b, to)`); `title_above` is a headline line above the stamp.
fn build_post(
    text: &str,
    lines: &[Line],
    marks: &[Mark],
    lines_at: (usize, usize, usize),
    time: Option<Timestamp>,
    title_above: Option<usize>,
) -> Post {
    let (from, b, to) = lines_at;
    let span = Span::new(lines[from].span.start, lines[to - 1].span.end);
    let (mut title_span, time_span) = match marks[b] {
        Mark::Glued { title, stamp, .. } => ((!title.is_empty()).then_some(title), stamp),
        _ => (
            title_above.map(|t| {
                // "1. Title": the post's number is not part of its title.
                let line = lines[t].span;
                let slice = line.slice(text);
                let skip = numbered_marker(slice).map_or(0, |(_, n)| n);
                let rest = &slice[skip.min(slice.len())..];
                let lead = rest.len() - rest.trim_start().len();
                Span::new((line.start + skip + lead).min(line.end), line.end)
            }),
            lines[b].span,
        ),
    };
    let mut k = b + 1;
    // The day line of a split stamp ("20:41 GMT" / "9 March 2026") and a merged
    // second stamp line are header.
    while k < to && matches!(marks[k], Mark::DayHeader(_) | Mark::Consumed) {
        k += 1;
    }
    let skip_labels = |k: &mut usize| {
        while *k < to && is_label(lines[*k].span.slice(text)) {
            *k += 1;
        }
    };
    skip_labels(&mut k);
    let mut author = None;
    let mut author_role = None;
    let author_at = |k: usize| -> Option<(String, String)> {
        // A name line and a role line, both inside the post.
        if k + 1 < to {
            let name = lines[k].span.slice(text);
            let role = lines[k + 1].span.slice(text);
            if is_name_line(name) && is_role_line(role) {
                return Some((name.to_string(), role.to_string()));
            }
        }
        None
    };
    if title_span.is_none() && k < to {
        let cand = lines[k].span.slice(text);
        // A headline needs body text below it and must not be an author's name.
        if is_headline(cand) && k + 1 < to && author_at(k).is_none() {
            title_span = Some(lines[k].span);
            k += 1;
            skip_labels(&mut k);
        }
    }
    if let Some((name, role)) = author_at(k) {
        author = Some(name);
        author_role = Some(role);
        k += 2;
    } else if let Some(name) = (k + 1 < to)
        .then(|| lines[k].span.slice(text))
        .and_then(|l| l.strip_prefix("By "))
        .filter(|n| is_name_line(n))
    {
        // "By Anna Berg" alone.
        author = Some(name.to_string());
        k += 1;
    }
    let body = if k < to {
        Span::new(lines[k].span.start, span.end)
    } else {
        Span::new(span.end, span.end)
    };
    Post {
        span,
        body,
        time,
        time_span: Some(time_span),
        title: title_span.map(|s| s.slice(text).to_string()),
        title_span,
        author,
        author_role,
    }
}

/// The local day and clock time each boundary names before UTC conversion.
#[derive(Debug, Clone, Copy)]
struct LocalStamp {
    date: Option<NaiveDate>,
    time: ClockTime,
    /// True when the day was written in the stamp itself.
    explicit_day: bool,
    /// Which stretch of day-context the stamp was read in (changes at every header).
    run: usize,
}

fn post_times(
    marks: &[Mark],
    boundaries: &[usize],
    published: Option<Timestamp>,
) -> Vec<Option<Timestamp>> {
    let mut day = published.map(|p| p.date());
    let mut run = 0usize;
    let mut local: Vec<Option<LocalStamp>> = Vec::with_capacity(boundaries.len());
    let mut out: Vec<Option<Timestamp>> = vec![None; boundaries.len()];
    let mut next_boundary = 0;
    for (i, mark) in marks.iter().enumerate() {
        match *mark {
            Mark::DayHeader(d) => {
                if let Some(resolved) = d.resolve(day) {
                    day = Some(resolved);
                    run += 1;
                }
            }
            Mark::Stamp { date, time } | Mark::Glued { date, time, .. } => {
                let explicit = date.and_then(|d| d.resolve(day));
                if let Some(e) = explicit {
                    day = Some(e);
                    run += 1;
                }
                local.push(Some(LocalStamp {
                    date: explicit.or(day),
                    time,
                    explicit_day: explicit.is_some(),
                    run,
                }));
            }
            Mark::Relative { minutes_ago } => {
                local.push(None);
                out[next_boundary] =
                    published
                        .filter(|p| p.precision != TimePrecision::Day)
                        .map(|p| Timestamp {
                            utc: p.utc.with_second(0).unwrap_or(p.utc)
                                - Duration::minutes(minutes_ago),
                            precision: TimePrecision::Minute,
                        });
            }
            Mark::Plain | Mark::Consumed => {}
        }
        if mark.is_boundary() {
            debug_assert_eq!(boundaries.get(next_boundary), Some(&i));
            next_boundary += 1;
        }
    }

    // Minutes past the (borrowed) day's UTC midnight, zone applied, so stamps in
    // different zones compare correctly.
    let utc_minutes = |l: &LocalStamp| -> Option<i64> {
        let day = l.date.or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1))?;
        let utc = l.time.to_utc(day)?;
        Some((utc - day.and_hms_opt(0, 0, 0)?).num_minutes())
    };
    // Reading order: do times mostly go down (newest first) or up? Small steps
    // decide; large ones may be midnight crossings and only count when nothing else does.
    let mut steps: Vec<i64> = Vec::new();
    for pair in local.windows(2) {
        if let [Some(a), Some(b)] = pair {
            if a.run == b.run {
                if let (Some(x), Some(y)) = (utc_minutes(a), utc_minutes(b)) {
                    steps.push(y - x);
                }
            }
        }
    }
    let small: Vec<i64> = steps
        .iter()
        .copied()
        .filter(|d| d.abs() < DAY_ROLLOVER_MIN_JUMP)
        .collect();
    let voters = if small.iter().any(|&d| d != 0) {
        &small
    } else {
        &steps
    };
    let down = voters.iter().filter(|&&d| d < 0).count();
    let up = voters.iter().filter(|&&d| d > 0).count();
    let newest_first = down >= up;

    // Within a run of stamps that borrowed their day, a large jump against the
    // reading order means midnight was crossed.
    let mut shift_days = 0i64;
    let mut prev: Option<LocalStamp> = None;
    for (k, l) in local.iter().enumerate() {
        let Some(l) = l else { continue };
        if l.explicit_day || prev.is_none_or(|p| p.run != l.run) {
            shift_days = 0;
        } else if let Some(p) = prev {
            if let (Some(x), Some(y)) = (utc_minutes(&p), utc_minutes(l)) {
                let jump = y - x;
                if newest_first && jump >= DAY_ROLLOVER_MIN_JUMP {
                    shift_days -= 1;
                } else if !newest_first && -jump >= DAY_ROLLOVER_MIN_JUMP {
                    shift_days += 1;
                }
            }
        }
        prev = Some(*l);
        let date = l.date.map(|d| d + Duration::days(shift_days));
        out[k] = date.and_then(|d| l.time.to_utc(d)).map(|utc| Timestamp {
            utc,
            precision: TimePrecision::Minute,
        });
    }
    out
}

#[cfg(test)]
mod tests;
