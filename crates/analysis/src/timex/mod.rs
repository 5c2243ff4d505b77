//! Temporal expressions: find them in English news text and normalise them to
//! TimeML values (`2025-11-27`, `2025-W47`, `P100D`, `PRESENT_REF`, ...).
//!
//! Pure and deterministic: no clock. Relative expressions resolve against an
//! anchor chosen per expression: the live-blog post it sits in (when that post has
//! a time), else the document's publication time, else the latest explicit full
//! date the text gave before it. The anchor used is recorded on each [`Timex`].
//!
//! Design: a token scanner (`scan`, with the recognisers in `dates`, `days`,
//! `relative` and `periods`) and lookup tables (`lexicon`) find the longest
//! expression at each token and say what it means; `resolve` turns that meaning
//! into a value using the anchor and the tense of the surrounding words ("said
//! Thursday" looks back, "will meet Thursday" looks ahead). Year-less dates take
//! the year nearest the anchor, four times dearer against the tense.

mod dates;
mod days;
mod lexicon;
mod periods;
mod relative;
mod resolve;
mod scan;

#[cfg(test)]
mod tests;

use chrono::NaiveDateTime;
use model::{AnchorKind, Span, TimeAnchor, TimePrecision, Timestamp, Timex};

use resolve::{day_of_value, fmt_date, resolve, start_of_value, Reference, Sem};

/// How far (in bytes) a day named in the text carries to a following bare clock
/// time ("On Oct. 23 ... at 10 p.m."): about two sentences.
const NARRATIVE_REACH: usize = 250;

/// What relative expressions in one text are resolved against.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimexContext {
    /// The document's publication time.
    pub published: Option<Timestamp>,
    /// Live-blog post spans in the text, each with its time when known.
    pub posts: Vec<(Span, Option<Timestamp>)>,
}

/// Finds and normalises the time expressions of `text`, in text order.
pub fn tag(text: &str, ctx: &TimexContext) -> Vec<Timex> {
    let lower = text.to_ascii_lowercase();
    let scanner = scan::Scanner::new(text, &lower);
    let found = scanner.scan();
    let mut out = Vec::with_capacity(found.len());
    // The latest explicit full date seen so far (a text anchor) and the last day
    // the narrative named (for "the next day").
    let mut text_date: Option<(Span, chrono::NaiveDate)> = None;
    let mut narrative: Option<chrono::NaiveDate> = None;
    let mut narrative_coarse: Option<chrono::NaiveDate> = None;
    // Where the narrative day was last set (a clock time only takes it when near).
    let mut narrative_at = 0usize;
    // The live-blog post the narrative belongs to: it does not cross posts.
    let mut narrative_post: Option<usize> = None;
    for f in found {
        let (Some(first), Some(last)) = (scanner.toks.get(f.start), scanner.toks.get(f.end - 1))
        else {
            continue;
        };
        let span = Span::new(first.start, last.end);
        let (anchor_kind, anchor_time) = choose_anchor(span.start, ctx, text_date);
        let post = post_of(span.start, ctx);
        if post != narrative_post {
            narrative = None;
            narrative_coarse = None;
            narrative_post = post;
        }
        let dir = scanner.direction(f.start, f.end);
        let reference = Reference {
            anchor: anchor_time,
            narrative,
            narrative_coarse,
            narrative_near: span.start.saturating_sub(narrative_at) <= NARRATIVE_REACH,
            dir,
        };
        let Some(resolved) = resolve(&f.sem, &reference) else {
            continue;
        };
        if f.explicit_date {
            if let Some(d) = day_of_value(&resolved.value) {
                text_date = Some((span, d));
            }
        }
        if resolved.kind != model::TimexType::Duration && resolved.kind != model::TimexType::Set {
            if !matches!(f.sem, Sem::Fixed(..)) {
                if let Some(d) = day_of_value(&resolved.value) {
                    narrative = Some(d);
                    narrative_at = span.end;
                }
            }
            if let Some(d) = start_of_value(&resolved.value) {
                narrative_coarse = Some(d);
            }
        }
        let uses_anchor = !f.explicit_date
            && !matches!(
                f.sem,
                Sem::Fixed(..)
                    | Sem::MonthDay {
                        y: Some(_),
                        d: Some(_),
                        ..
                    }
            );
        let anchor = if uses_anchor {
            TimeAnchor {
                value: anchor_time.map(anchor_value),
                kind: anchor_kind,
            }
        } else {
            TimeAnchor {
                kind: AnchorKind::None,
                value: None,
            }
        };
        out.push(Timex {
            span,
            text: span.slice(text).to_string(),
            kind: resolved.kind,
            value: resolved.value,
            end_value: resolved.end_value,
            anchor,
        });
    }
    out
}

/// The index of the post containing byte `offset`, if any.
fn post_of(offset: usize, ctx: &TimexContext) -> Option<usize> {
    ctx.posts
        .iter()
        .position(|(span, _)| span.start <= offset && offset < span.end)
}

/// The anchor for an expression starting at byte `offset`.
fn choose_anchor(
    offset: usize,
    ctx: &TimexContext,
    text_date: Option<(Span, chrono::NaiveDate)>,
) -> (AnchorKind, Option<NaiveDateTime>) {
    for (i, (span, time)) in ctx.posts.iter().enumerate() {
        if span.start <= offset && offset < span.end {
            if let Some(t) = time {
                return (AnchorKind::Post { post: i }, Some(t.utc));
            }
        }
    }
    if let Some(p) = ctx.published {
        return (AnchorKind::Published, Some(p.utc));
    }
    if let Some((span, d)) = text_date {
        return (AnchorKind::TextDate { span }, d.and_hms_opt(0, 0, 0));
    }
    (AnchorKind::None, None)
}

fn anchor_value(t: NaiveDateTime) -> String {
    let ts = Timestamp {
        utc: t,
        precision: TimePrecision::Minute,
    };
    if t.time() == chrono::NaiveTime::MIN {
        fmt_date(t.date())
    } else {
        ts.utc.format("%Y-%m-%dT%H:%M").to_string()
    }
}
