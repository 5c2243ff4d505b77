//! What a recognised expression means ([`Sem`]) and how it becomes a TimeML value
//! given an anchor time and a tense direction. All date arithmetic lives here.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, Timelike};
use model::TimexType;

use super::lexicon::Unit;

/// The direction the surrounding words point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Past,
    Future,
    Unknown,
}

/// How an expression relates to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// No modifier: the tense decides ("on Thursday").
    Tense,
    /// "last Thursday": strictly before the anchor.
    Last,
    /// "this Thursday": the one of the anchor's week/year.
    This,
    /// "next Thursday": strictly after the anchor.
    Next,
}

/// Fixed-date holidays and those computed per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u32, u32),
    Thanksgiving,
    ElectionDay,
    Easter,
    MemorialDay,
    LaborDay,
}

/// The meaning of a recognised expression, before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// Needs no anchor: `1998`, `P3D`, `PRESENT_REF`.
    Fixed(TimexType, String),
    /// A month, optionally with day and year.
    MonthDay {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
        rel: Rel,
    },
    Weekday {
        wd: u32,
        rel: Rel,
    },
    /// Days from the anchor: today 0, yesterday -1.
    DayOffset(i64),
    /// The anchor's unit shifted by `n`: "last week" = (Week, -1).
    Shift {
        unit: Unit,
        n: i64,
    },
    /// Shifted from the time the narrative last mentioned ("the next day").
    NarrativeShift {
        unit: Unit,
        n: i64,
    },
    /// A month of the anchor's year shifted by `n` ("June last year").
    MonthOfShiftedYear {
        m: u32,
        n: i64,
    },
    /// Quarter `q` of the anchor's year shifted by `n` ("the first quarter of last year").
    QuarterOfShiftedYear {
        q: u32,
        n: i64,
    },
    /// "the weekend": the one just past, or the coming one in future contexts.
    Weekend,
    /// Quarter `q` of an explicit year or the one the anchor implies; `q == 0`
    /// is the reporting quarter (the one just ended).
    Quarter {
        q: u32,
        year: Option<i32>,
    },
    /// Quarters from the anchor's: "the quarter" (just ended) = -1, "this quarter" = 0.
    QuarterShift(i64),
    /// First or second half of a year.
    Half {
        h: u32,
        year: Option<i32>,
    },
    Season {
        code: &'static str,
        year: Option<i32>,
        rel: Rel,
    },
    Holiday {
        holiday: Holiday,
        year: Option<i32>,
        rel: Rel,
    },
    /// A clock time on a day (the anchor's day when `day` is `None`); `utc`
    /// when the text gave UTC/GMT.
    Time {
        h: u32,
        min: u32,
        utc: bool,
        day: Option<Box<Sem>>,
    },
    /// "Friday night", "this morning".
    PartOfDay {
        day: Box<Sem>,
        part: &'static str,
        kind: TimexType,
    },
    Range(Box<Sem>, Box<Sem>),
}

/// What an expression is resolved against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reference {
    pub anchor: Option<NaiveDateTime>,
    /// The last day-precise date the text mentioned (for "the next day").
    pub narrative: Option<NaiveDate>,
    /// The last point in time of any granularity the text mentioned (a year is
    /// its 1 January), for "that year" / "later that year".
    pub narrative_coarse: Option<NaiveDate>,
    /// The narrative day was named close before this expression.
    pub narrative_near: bool,
    pub dir: Dir,
}

/// A resolved value: type, value and for ranges the end value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub end_value: Option<String>,
}

pub(crate) fn fmt_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn fmt_month(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

fn quarter_of(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let n32 = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(n32))
    } else {
        d.checked_sub_months(Months::new(n32))
    }
}

/// Cost of a candidate `dist` units away from the anchor in direction `dir`:
/// the distance, four times over when it runs against the tense.
fn cost(dist: i64, dir: Dir) -> i64 {
    let factor = match dir {
        Dir::Past if dist > 0 => 4,
        Dir::Future if dist < 0 => 4,
        // News mostly reports what happened: without a cue, lean to the past.
        Dir::Unknown if dist > 0 => 2,
        _ => 1,
    };
    dist.abs() * factor
}

/// Picks the year for a year-less calendar point: `at(y)` gives its date in year `y`.
fn pick_year(
    anchor: NaiveDate,
    rel: Rel,
    dir: Dir,
    at: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let ay = anchor.year();
    let cands = [ay - 1, ay, ay + 1]
        .into_iter()
        .filter_map(|y| at(y).map(|d| (d, (d - anchor).num_days())));
    match rel {
        Rel::This => at(ay),
        Rel::Last => cands
            .filter(|(_, k)| *k < 0)
            .max_by_key(|(_, k)| *k)
            .map(|(d, _)| d),
        Rel::Next => cands
            .filter(|(_, k)| *k > 0)
            .min_by_key(|(_, k)| *k)
            .map(|(d, _)| d),
        Rel::Tense => cands.min_by_key(|(_, k)| cost(*k, dir)).map(|(d, _)| d),
    }
}

fn nth_weekday(y: i32, m: u32, wd: u32, nth: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let offset = (wd + 7 - first.weekday().number_from_monday()) % 7;
    add_days(first, i64::from(offset + 7 * (nth - 1)))
}

fn last_weekday(y: i32, m: u32, wd: u32) -> Option<NaiveDate> {
    let next_first = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    let last = next_first.pred_opt()?;
    let back = (last.weekday().number_from_monday() + 7 - wd) % 7;
    add_days(last, -i64::from(back))
}

fn easter(y: i32) -> Option<NaiveDate> {
    // Anonymous Gregorian algorithm.
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::Thanksgiving => nth_weekday(y, 11, 4, 4),
        Holiday::ElectionDay => nth_weekday(y, 11, 1, 1).and_then(|d| add_days(d, 1)),
        Holiday::Easter => easter(y),
        Holiday::MemorialDay => last_weekday(y, 5, 1),
        Holiday::LaborDay => nth_weekday(y, 9, 1, 1),
    }
}

/// The season ordinal (year * 4 + index) a date falls in; winter belongs to the
/// year of its December.
fn season_ordinal(d: NaiveDate) -> i64 {
    let (y, idx) = match d.month() {
        3..=5 => (d.year(), 0),
        6..=8 => (d.year(), 1),
        9..=11 => (d.year(), 2),
        12 => (d.year(), 3),
        _ => (d.year() - 1, 3),
    };
    i64::from(y) * 4 + idx
}

fn season_index(code: &str) -> i64 {
    match code {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

fn ref_for_sign(n: i64) -> &'static str {
    match n.signum() {
        -1 => "PAST_REF",
        1 => "FUTURE_REF",
        _ => "PRESENT_REF",
    }
}

fn date(kind: TimexType, value: String) -> Option<Resolved> {
    Some(Resolved {
        kind,
        value,
        end_value: None,
    })
}

/// The day a [`Sem`] denotes, when it denotes one day.
fn resolve_day(sem: &Sem, r: &Reference) -> Option<NaiveDate> {
    // Explicit dates need no anchor.
    match sem {
        Sem::MonthDay {
            y: Some(y),
            m,
            d: Some(d),
            ..
        } => return NaiveDate::from_ymd_opt(*y, *m, *d),
        Sem::Holiday {
            holiday,
            year: Some(y),
            ..
        } => return holiday_date(*holiday, *y),
        _ => {}
    }
    let anchor = r.anchor?.date();
    match sem {
        Sem::MonthDay {
            y: Some(y),
            m,
            d: Some(d),
            ..
        } => NaiveDate::from_ymd_opt(*y, *m, *d),
        Sem::MonthDay {
            y: None,
            m,
            d: Some(d),
            rel,
        } => pick_year(anchor, *rel, r.dir, |y| NaiveDate::from_ymd_opt(y, *m, *d)),
        Sem::Weekday { wd, rel } => {
            let awd = anchor.weekday().number_from_monday();
            let back = i64::from((awd + 7 - wd) % 7);
            let fwd = i64::from((wd + 7 - awd) % 7);
            let delta = match (rel, r.dir) {
                (Rel::Last, _) => -(if back == 0 { 7 } else { back }),
                (Rel::Next, _) => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                (_, Dir::Future) => fwd,
                (Rel::Tense, Dir::Unknown) => {
                    // Without a cue news reports the past, unless the coming
                    // weekday is much closer ("Monday" in a Saturday paper).
                    if 2 * fwd < back {
                        fwd
                    } else {
                        -back
                    }
                }
                (Rel::This, Dir::Unknown) => {
                    if fwd <= back {
                        fwd
                    } else {
                        -back
                    }
                }
                _ => -back,
            };
            add_days(anchor, delta)
        }
        Sem::DayOffset(n) => add_days(anchor, *n),
        Sem::Shift { unit: Unit::Day, n } => add_days(anchor, *n),
        Sem::NarrativeShift { unit: Unit::Day, n } => add_days(r.narrative.unwrap_or(anchor), *n),
        Sem::Holiday {
            holiday,
            year: Some(y),
            ..
        } => holiday_date(*holiday, *y),
        Sem::Holiday {
            holiday,
            year: None,
            rel,
        } => pick_year(anchor, *rel, r.dir, |y| holiday_date(*holiday, y)),
        _ => None,
    }
}

/// A shifted calendar unit as a TimeML value.
fn shifted(base: NaiveDateTime, unit: Unit, n: i64) -> Option<(TimexType, String)> {
    let d = base.date();
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => {
            let secs = match unit {
                Unit::Second => n,
                Unit::Minute => n * 60,
                _ => n * 3600,
            };
            let t = base.checked_add_signed(chrono::TimeDelta::try_seconds(secs)?)?;
            (
                TimexType::Time,
                format!("{}T{:02}:{:02}", fmt_date(t.date()), t.hour(), t.minute()),
            )
        }
        Unit::Day => (TimexType::Date, fmt_date(add_days(d, n)?)),
        Unit::Week => (TimexType::Date, fmt_week(add_days(d, 7 * n)?)),
        Unit::Fortnight => (TimexType::Date, fmt_week(add_days(d, 14 * n)?)),
        Unit::Weekend => (
            TimexType::Date,
            format!("{}-WE", fmt_week(add_days(d, 7 * n)?)),
        ),
        Unit::Month => {
            let t = add_months(d, n)?;
            (TimexType::Date, fmt_month(t.year(), t.month()))
        }
        Unit::Quarter => {
            let t = add_months(d, 3 * n)?;
            (
                TimexType::Date,
                format!("{:04}-Q{}", t.year(), quarter_of(t.month())),
            )
        }
        Unit::Year => (TimexType::Date, format!("{:04}", i64::from(d.year()) + n)),
        Unit::Decade => (
            TimexType::Date,
            format!("{:03}", i64::from(d.year()) / 10 + n),
        ),
        Unit::Century => (
            TimexType::Date,
            format!("{:02}", i64::from(d.year()) / 100 + n),
        ),
    })
}

/// Resolves `sem` against `r`. `None` only when arithmetic overflows.
pub(crate) fn resolve(sem: &Sem, r: &Reference) -> Option<Resolved> {
    use TimexType::*;
    let anchor = r.anchor;
    match sem {
        Sem::Fixed(kind, value) => date(*kind, value.clone()),
        Sem::MonthDay { y, m, d, rel } => {
            if d.is_some() {
                if let Some(day) = resolve_day(sem, r) {
                    return date(Date, fmt_date(day));
                }
                let d = d.unwrap_or(1);
                return date(
                    Date,
                    match y {
                        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                        None => format!("XXXX-{m:02}-{d:02}"),
                    },
                );
            }
            if let Some(y) = y {
                return date(Date, fmt_month(*y, *m));
            }
            let Some(a) = anchor else {
                return date(Date, format!("XXXX-{m:02}"));
            };
            let a = a.date();
            let at = |y: i32| NaiveDate::from_ymd_opt(y, *m, 1);
            // Month granularity: compare month indices, not days.
            let am = i64::from(a.year()) * 12 + i64::from(a.month());
            let cands = [a.year() - 1, a.year(), a.year() + 1]
                .into_iter()
                .filter_map(|y| at(y).map(|_| (y, i64::from(y) * 12 + i64::from(*m) - am)));
            let pick = match rel {
                Rel::This => Some(a.year()),
                Rel::Last => cands
                    .filter(|(_, k)| *k < 0)
                    .max_by_key(|(_, k)| *k)
                    .map(|(y, _)| y),
                Rel::Next => cands
                    .filter(|(_, k)| *k > 0)
                    .min_by_key(|(_, k)| *k)
                    .map(|(y, _)| y),
                Rel::Tense => cands.min_by_key(|(_, k)| cost(*k, r.dir)).map(|(y, _)| y),
            };
            date(Date, fmt_month(pick.unwrap_or(a.year()), *m))
        }
        Sem::Weekday { wd, .. } => match resolve_day(sem, r) {
            Some(day) => date(Date, fmt_date(day)),
            None => date(Date, format!("XXXX-WXX-{wd}")),
        },
        Sem::DayOffset(_) | Sem::Holiday { .. } => match resolve_day(sem, r) {
            Some(day) => date(Date, fmt_date(day)),
            None => date(Date, "XXXX-XX-XX".to_string()),
        },
        Sem::Shift { unit, n } => match anchor {
            Some(a) => {
                let (kind, value) = shifted(a, *unit, *n)?;
                date(kind, value)
            }
            None => date(Date, ref_for_sign(*n).to_string()),
        },
        Sem::NarrativeShift { unit, n } => {
            let point = match unit {
                Unit::Year | Unit::Decade | Unit::Century | Unit::Month | Unit::Quarter => {
                    r.narrative_coarse.or(r.narrative)
                }
                _ => r.narrative,
            };
            let base = point.and_then(|d| d.and_hms_opt(0, 0, 0)).or(anchor);
            match base {
                Some(b) => {
                    let (kind, value) = shifted(b, *unit, *n)?;
                    date(kind, value)
                }
                None => date(Date, ref_for_sign(*n).to_string()),
            }
        }
        Sem::MonthOfShiftedYear { m, n } => match anchor {
            Some(a) => date(Date, fmt_month(a.year() + i32::try_from(*n).ok()?, *m)),
            None => date(Date, format!("XXXX-{m:02}")),
        },
        Sem::QuarterOfShiftedYear { q, n } => match anchor {
            Some(a) => date(Date, format!("{:04}-Q{q}", i64::from(a.year()) + n)),
            None => date(Date, format!("XXXX-Q{q}")),
        },
        Sem::Weekend => match anchor {
            Some(a) => {
                let d = a.date();
                let wd = d.weekday().number_from_monday();
                let n = match r.dir {
                    Dir::Future => 0,
                    _ if wd >= 6 => 0,
                    _ => -1,
                };
                date(Date, format!("{}-WE", fmt_week(add_days(d, 7 * n)?)))
            }
            None => date(Date, "XXXX-WXX-WE".to_string()),
        },
        Sem::Quarter { q: 0, year } => match anchor {
            Some(a) => {
                let prev = add_months(a.date(), -3)?;
                let y = year.unwrap_or(prev.year());
                date(Date, format!("{y:04}-Q{}", quarter_of(prev.month())))
            }
            None => date(Date, "XXXX-QX".to_string()),
        },
        Sem::Quarter { q, year } => {
            let y = match (year, anchor) {
                (Some(y), _) => *y,
                (None, Some(a)) => {
                    let aq = quarter_of(a.month());
                    if *q <= aq || r.dir == Dir::Future {
                        a.year()
                    } else {
                        a.year() - 1
                    }
                }
                (None, None) => return date(Date, format!("XXXX-Q{q}")),
            };
            date(Date, format!("{y:04}-Q{q}"))
        }
        Sem::QuarterShift(n) => match anchor {
            Some(a) => {
                let (kind, value) = shifted(a, Unit::Quarter, *n)?;
                date(kind, value)
            }
            None => date(Date, "XXXX-QX".to_string()),
        },
        Sem::Half { h, year } => {
            let y = match (year, anchor) {
                (Some(y), _) => *y,
                (None, Some(a)) => {
                    let ah = if a.month() <= 6 { 1 } else { 2 };
                    if *h <= ah || r.dir == Dir::Future {
                        a.year()
                    } else {
                        a.year() - 1
                    }
                }
                (None, None) => return date(Date, format!("XXXX-H{h}")),
            };
            date(Date, format!("{y:04}-H{h}"))
        }
        Sem::Season { code, year, rel } => {
            if let Some(y) = year {
                return date(Date, format!("{y:04}-{code}"));
            }
            let Some(a) = anchor else {
                return date(Date, format!("XXXX-{code}"));
            };
            let cur = season_ordinal(a.date());
            let idx = season_index(code);
            let this = i64::from(a.year()) * 4 + idx;
            let cands = [this - 4, this, this + 4];
            let pick = match (rel, r.dir) {
                (Rel::Last, _) => cands.into_iter().filter(|o| *o < cur).max(),
                (Rel::Next, _) => cands.into_iter().filter(|o| *o > cur).min(),
                (Rel::This, _) | (Rel::Tense, Dir::Unknown) => Some(this),
                (Rel::Tense, Dir::Past) => cands.into_iter().filter(|o| *o <= cur).max(),
                (Rel::Tense, Dir::Future) => cands.into_iter().filter(|o| *o >= cur).min(),
            };
            let o = pick.unwrap_or(this);
            date(Date, format!("{:04}-{code}", o.div_euclid(4)))
        }
        Sem::Time { h, min, utc, day } => {
            let d = match day {
                Some(s) => resolve_day(s, r),
                None => r
                    .narrative
                    .filter(|_| r.narrative_near)
                    .or(anchor.map(|a| a.date())),
            };
            let mut time = if *h == 24 {
                "T24:00".to_string()
            } else {
                format!("T{h:02}:{min:02}")
            };
            if *utc {
                time.push('Z');
            }
            match d {
                Some(d) => date(Time, format!("{}{time}", fmt_date(d))),
                None => date(Time, format!("XXXX-XX-XX{time}")),
            }
        }
        Sem::PartOfDay { day, part, kind } => match resolve_day(day, r) {
            Some(d) => date(*kind, format!("{}{part}", fmt_date(d))),
            None => date(*kind, format!("XXXX-XX-XX{part}")),
        },
        Sem::Range(a, b) => {
            let start = resolve(a, r)?;
            // The end takes the start's year when it has none of its own.
            let end = match (&**a, &**b) {
                (
                    Sem::MonthDay { y: Some(y), .. },
                    Sem::MonthDay {
                        y: None,
                        m,
                        d: Some(d),
                        ..
                    },
                ) => NaiveDate::from_ymd_opt(*y, *m, *d).map(fmt_date),
                _ => None,
            };
            let end = match end {
                Some(e) => e,
                None => resolve(b, r)?.value,
            };
            Some(Resolved {
                kind: start.kind,
                value: start.value,
                end_value: Some(end),
            })
        }
    }
}

/// The first day of the period a resolved value names (`1998` -> 1998-01-01,
/// `1998-06` -> 1998-06-01, `1998-06-12` -> itself).
pub(crate) fn start_of_value(value: &str) -> Option<NaiveDate> {
    if let Some(d) = day_of_value(value) {
        return Some(d);
    }
    let y: i32 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    if rest.is_empty() {
        return NaiveDate::from_ymd_opt(y, 1, 1);
    }
    let m: u32 = rest.strip_prefix('-')?.get(..2)?.parse().ok()?;
    if rest.len() == 3 {
        return NaiveDate::from_ymd_opt(y, m, 1);
    }
    None
}

/// The single day a resolved value names, if it names one (`2025-11-19`, with or
/// without a time part).
pub(crate) fn day_of_value(value: &str) -> Option<NaiveDate> {
    let d = value.get(..10)?;
    NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
}
