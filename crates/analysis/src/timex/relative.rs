//! Recognisers for relative expressions with a modifier ("last week", "the
//! following day", "the year-earlier quarter") and amounts of time ("three days",
//! "two years ago", "a year later").

use model::TimexType;

use super::lexicon::{
    month_of, number_word, part_of_day, season_of, unit_of, weekday_of, TokKind, Unit,
};
use super::resolve::{Rel, Sem};
use super::scan::{fixed, Hit, Scanner};

impl Scanner<'_> {
    // -----------------------------------------------------------------------
    // Relative expressions with a modifier
    // -----------------------------------------------------------------------

    /// "last week", "this month", "next year", "the past year", "last Thursday",
    /// "next March", "this summer", "the following day", "the quarter",
    /// "the year-earlier period".
    pub(super) fn modified(&self, j: usize) -> Hit {
        let mut k = j;
        let has_the = self.is(k, "the");
        if has_the {
            k += 1;
        }
        let m = self.w(k);
        // The year-earlier / year-ago comparisons of financial reports.
        if let Some(e) = self.year_ago_adj(k) {
            let mut end = e;
            let mut quarterly = self.quarter_context(j);
            loop {
                match self.w(end) {
                    "quarter" | "period" => {
                        if self.is(end, "quarter") {
                            quarterly = true;
                        }
                        end += 1;
                        break;
                    }
                    "third" | "second" | "first" | "fourth" | "fiscal" => end += 1,
                    _ => break,
                }
            }
            let sem = if quarterly {
                Sem::QuarterShift(-5)
            } else {
                Sem::Shift {
                    unit: Unit::Year,
                    n: -1,
                }
            };
            if end == e && has_the {
                // "the year-earlier loss": the article belongs to the noun.
                return None;
            }
            return Some((end, sem));
        }
        if has_the && (m == "next" || m == "latest" && self.is(k + 1, "period")) {
            return self.the_unit(j, if m == "latest" { k + 1 } else { k });
        }
        if !has_the && m == "that" {
            // "that year", "that day": the time the narrative is at.
            return match self.w(k + 1) {
                "year" | "day" | "month" | "week" => {
                    let unit = unit_of(self.w(k + 1)).map(|(u, _)| u)?;
                    Some((k + 2, Sem::NarrativeShift { unit, n: 0 }))
                }
                "quarter" => None,
                _ => None,
            };
        }
        let n: i64 = match m {
            "last" | "past" | "previous" | "prior" => -1,
            "this" | "current" | "present" => 0,
            "next" | "coming" | "upcoming" => 1,
            "following" if has_the => 1,
            "latest" | "recent" if has_the => -1,
            "same" | "comparable" if has_the => 0,
            _ => {
                if has_the {
                    return self.the_unit(j, k);
                }
                return None;
            }
        };
        let narrative = matches!(m, "following" | "previous" | "prior" | "same") && has_the;
        let u = k + 1;
        let uw = self.w(u);
        // "last Thursday", "next March", "this summer", "last Thanksgiving".
        let rel = match n {
            -1 => Rel::Last,
            0 => Rel::This,
            _ => Rel::Next,
        };
        if !has_the {
            if let Some((wd, false)) = weekday_of(uw) {
                let mut e = u + 1;
                if part_of_day(self.w(e)).is_some() {
                    e += 1;
                }
                return Some((e, Sem::Weekday { wd, rel }));
            }
            if let Some((mo, _)) = month_of(uw) {
                if self.cap(u) {
                    let e = if month_of(uw).is_some_and(|(_, a)| a) {
                        self.opt_dot(u + 1)
                    } else {
                        u + 1
                    };
                    // "last Oct. 23"
                    let (d, e) = match self.day_number(e) {
                        Some((d, de)) if chrono::NaiveDate::from_ymd_opt(2000, mo, d).is_some() => {
                            (Some(d), de)
                        }
                        _ => (None, e),
                    };
                    return Some((
                        e,
                        Sem::MonthDay {
                            y: None,
                            m: mo,
                            d,
                            rel,
                        },
                    ));
                }
            }
            if let Some(code) = season_of(uw) {
                return Some((
                    u + 1,
                    Sem::Season {
                        code,
                        year: None,
                        rel,
                    },
                ));
            }
            if let Some(h) = self.holiday(u, rel) {
                return Some(h);
            }
        }
        let (unit, plural) = match unit_of(uw) {
            Some(x) => x,
            None => {
                // "the current fiscal year", "the latest fiscal quarter"
                if uw == "fiscal" {
                    if let Some((unit, false)) = unit_of(self.w(u + 1)) {
                        return self.unit_shift(u + 2, unit, n, narrative, has_the, m);
                    }
                }
                return None;
            }
        };
        if plural {
            return None;
        }
        if matches!(unit, Unit::Decade | Unit::Century) && n == -1 && matches!(m, "past" | "last") {
            return Some((
                u + 1,
                Sem::Fixed(TimexType::Duration, unit.duration(Some(1))),
            ));
        }
        self.unit_shift(u + 1, unit, n, narrative, has_the, m)
    }

    /// "last week" and friends once the unit is known: quarters, narrative
    /// shifts ("the following week") and plain shifts from the anchor.
    pub(super) fn unit_shift(
        &self,
        end: usize,
        unit: Unit,
        n: i64,
        narrative: bool,
        has_the: bool,
        modifier: &str,
    ) -> Hit {
        if unit == Unit::Quarter {
            // "the latest quarter" / "last quarter" = the quarter just ended.
            let q = match modifier {
                "this" | "current" | "present" | "same" | "comparable" => 0,
                "next" | "coming" | "upcoming" | "following" => 1,
                _ => -1,
            };
            return Some((end, Sem::QuarterShift(q)));
        }
        if narrative {
            return Some((end, Sem::NarrativeShift { unit, n }));
        }
        if has_the && modifier == "latest" {
            return None;
        }
        Some((end, Sem::Shift { unit, n }))
    }

    /// "year-end", "year end", "year's end".
    pub(super) fn year_end(&self, j: usize) -> Hit {
        if !self.is(j, "year") {
            return None;
        }
        let e = if self.is_dash(j + 1) && self.is(j + 2, "end") {
            j + 3
        } else if self.is(j + 1, "end") {
            j + 2
        } else if matches!(self.w(j + 1), "'" | "’") && self.is(j + 2, "s") && self.is(j + 3, "end")
        {
            j + 4
        } else {
            return None;
        };
        Some((
            e,
            Sem::Shift {
                unit: Unit::Year,
                n: 0,
            },
        ))
    }

    /// "year-earlier", "year-ago" (with the hyphen as its own token).
    pub(super) fn year_ago_adj(&self, k: usize) -> Option<usize> {
        if self.is(k, "year")
            && self.is_dash(k + 1)
            && matches!(self.w(k + 2), "earlier" | "ago" | "before")
        {
            return Some(k + 3);
        }
        None
    }

    /// Whether quarterly figures are being discussed around token `j` (then "a year
    /// ago" means the same quarter a year earlier).
    pub(super) fn quarter_context(&self, j: usize) -> bool {
        if self.quarterly_text {
            return true;
        }
        let lo = j.saturating_sub(40);
        let hi = (j + 15).min(self.toks.len());
        (lo..hi).any(|i| self.w(i).starts_with("quarter"))
    }

    /// "the quarter", "the weekend", "the year 2000", "the next day" (narrative).
    pub(super) fn the_unit(&self, j: usize, k: usize) -> Hit {
        let w = self.w(k);
        // "the full year", "the fiscal year"
        let (w, k) =
            if matches!(w, "full" | "fiscal" | "entire" | "whole") && self.is(k + 1, "year") {
                ("year", k + 1)
            } else {
                (w, k)
            };
        match w {
            "quarter" => return Some((k + 1, Sem::QuarterShift(-1))),
            "weekend" => return Some((k + 1, Sem::Weekend)),
            "period" if self.quarterly_text && j + 2 == k && self.is(j + 1, "latest") => {
                return Some((k + 1, Sem::Quarter { q: 0, year: None }))
            }
            "week" | "month" if !matches!(self.w(k + 1), "before" | "after") => {
                let unit = unit_of(w).map(|(u, _)| u)?;
                return Some((k + 1, Sem::Shift { unit, n: 0 }));
            }
            "year" if matches!(self.w(k + 1), "ended" | "ending") => {
                return Some((k + 1, fixed(TimexType::Duration, "P1Y")));
            }
            "year"
                if !matches!(self.w(k + 1), "before" | "after")
                    && self.year_number(k + 1).is_none()
                    && !(self.is(k + 1, "two") && self.is(k + 2, "thousand")) =>
            {
                return Some((
                    k + 1,
                    Sem::Shift {
                        unit: Unit::Year,
                        n: 0,
                    },
                ));
            }
            "year" => {
                if let Some((y, e)) = self.year_number(k + 1) {
                    return Some((e, fixed(TimexType::Date, &format!("{y:04}"))));
                }
                if self.is(k + 1, "two") && self.is(k + 2, "thousand") {
                    return Some((k + 3, fixed(TimexType::Date, "2000")));
                }
            }
            "next" => {
                if let Some((unit, false)) = unit_of(self.w(k + 1)) {
                    return Some((k + 2, Sem::NarrativeShift { unit, n: 1 }));
                }
                if let Some(p) = part_of_day(self.w(k + 1)) {
                    return Some((
                        k + 2,
                        Sem::PartOfDay {
                            day: Box::new(Sem::NarrativeShift {
                                unit: Unit::Day,
                                n: 1,
                            }),
                            part: p,
                            kind: TimexType::Date,
                        },
                    ));
                }
            }
            _ => {}
        }
        if matches!(w, "day" | "week" | "month" | "year") {
            let unit = unit_of(w).map(|(u, _)| u)?;
            if self.is(k + 1, "before") {
                return Some((k + 2, Sem::NarrativeShift { unit, n: -1 }));
            }
            if self.is(k + 1, "after")
                && !matches!(self.w(k + 2), "the" | "a" | "his" | "her" | "their")
            {
                return Some((k + 2, Sem::NarrativeShift { unit, n: 1 }));
            }
        }
        None
    }

    // -----------------------------------------------------------------------
    // Amounts of time: durations and "N units ago"
    // -----------------------------------------------------------------------

    /// "three days", "the past two months", "five-year", "within 100 days",
    /// "three months ago", "a year later", "for years".
    pub(super) fn amount(&self, j: usize) -> Hit {
        let mut k = j;
        let mut has_the = false;
        if self.is(k, "the") {
            has_the = true;
            k += 1;
        }
        let mut modifier = "";
        if matches!(
            self.w(k),
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "final"
                | "latest"
                | "recent"
                | "following"
                | "initial"
        ) {
            modifier = self.w(k);
            k += 1;
        }
        let mut half = false;
        let (n, unit, plural, end) = if let Some((n, after_count)) = self.count(k) {
            // A year-like number is not a count ("the 1988 second quarter").
            if self
                .num(k)
                .is_some_and(|(v, d)| d == 4 && (1800..=2100).contains(&v))
            {
                return None;
            }
            let mut u = after_count;
            // "5 1/2 hours"
            if self.is(u, "1")
                && self.is(u + 1, "/")
                && self.is(u + 2, "2")
                && self.glued(u + 1)
                && self.glued(u + 2)
            {
                half = true;
                u += 3;
            }
            if self.is_dash(u) && self.glued(u) {
                u += 1;
            }
            if matches!(
                self.w(u),
                "more"
                    | "additional"
                    | "extra"
                    | "further"
                    | "straight"
                    | "consecutive"
                    | "trading"
                    | "business"
                    | "full"
            ) {
                u += 1;
            }
            let (unit, plural) = unit_of(self.w(u))?;
            // "a second group" is an ordinal; "three-quarters of" a fraction.
            if unit == Unit::Second
                && matches!(self.w(k), "a" | "an")
                && self.kind(u + 1) == Some(TokKind::Word)
                && !matches!(self.w(u + 1), "later" | "ago" | "or" | "and" | "earlier")
            {
                return None;
            }
            if unit == Unit::Quarter && self.is(u + 1, "of") {
                return None;
            }
            // "a year-earlier loss" is a comparison, read elsewhere.
            if self.is_dash(u + 1) && matches!(self.w(u + 2), "earlier" | "ago" | "before") {
                return None;
            }
            (n, unit, plural, u + 1)
        } else {
            // Bare plural units after a cue: "for years", "in recent years".
            let (unit, plural) = unit_of(self.w(k))?;
            // "decades-long", "day-long"
            if self.is_dash(k + 1) && self.is(k + 2, "long") && self.glued(k + 1) {
                let v = if plural {
                    unit.duration(None)
                } else {
                    unit.duration(Some(1))
                };
                return Some((k + 3, Sem::Fixed(TimexType::Duration, v)));
            }
            if !plural {
                return None;
            }
            let prev = if k > 0 { self.w(k - 1) } else { "" };
            let cue_ok = !modifier.is_empty()
                || matches!(
                    prev,
                    "for"
                        | "in"
                        | "over"
                        | "within"
                        | "after"
                        | "few"
                        | "several"
                        | "many"
                        | "coming"
                        | "recent"
                        | "past"
                );
            if !cue_ok || has_the && modifier.is_empty() {
                return None;
            }
            (None, unit, true, k + 1)
        };
        let mut next = self.w(end);
        let mut end = end;
        // "a week or so ago"
        if next == "or"
            && self.is(end + 1, "so")
            && matches!(self.w(end + 2), "ago" | "earlier" | "later")
        {
            end += 2;
            next = self.w(end);
        }
        // Ages: "five years old", "a 30-year-old".
        if next == "old" || (self.is_dash(end) && self.is(end + 1, "old")) {
            return None;
        }
        // "N units ago / earlier / later / from now"
        if !has_the && modifier.is_empty() {
            let quarterly = n == Some(1) && unit == Unit::Year && self.quarter_context(j);
            let shift = |sign: i64| -> Sem {
                if quarterly && sign < 0 {
                    return Sem::QuarterShift(-5);
                }
                match n {
                    Some(v) => Sem::Shift {
                        unit: shift_unit(unit),
                        n: sign * v * unit_factor(unit),
                    },
                    None => fixed(
                        TimexType::Date,
                        if sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
                    ),
                }
            };
            match next {
                "ago" => return Some((end + 1, shift(-1))),
                "earlier" => return Some((end + 1, shift(-1))),
                "later" => {
                    return Some((
                        end + 1,
                        match n {
                            Some(v) => Sem::NarrativeShift {
                                unit: shift_unit(unit),
                                n: v * unit_factor(unit),
                            },
                            None => fixed(TimexType::Date, "FUTURE_REF"),
                        },
                    ))
                }
                "from" if self.is(end + 1, "now") => return Some((end + 2, shift(1))),
                "hence" => return Some((end + 1, shift(1))),
                _ => {}
            }
        }
        // Not a duration: "a day" after an amount of money is a rate (a set).
        if n == Some(1) && !plural && matches!(self.w(k), "a" | "an") && j > 0 && self.is_rate(j) {
            return Some((end, fixed(TimexType::Set, &unit.duration(Some(1)))));
        }
        // "the first nine months" etc. keep the article; a bare "the day" is not an amount.
        if has_the && modifier.is_empty() && n.is_none() {
            return None;
        }
        // "the last year" reads as a shift, handled elsewhere; require a number.
        if n == Some(1) && !plural && !modifier.is_empty() && matches!(self.w(k), "a" | "an") {
            return None;
        }
        // Unspecified amounts in the recent past or near future are vague references.
        if n.is_none()
            && plural
            && matches!(modifier, "past" | "last")
            && has_the
            && unit != Unit::Week
        {
            return Some((end, fixed(TimexType::Date, "PAST_REF")));
        }
        let value = match (unit, n, half) {
            (Unit::Weekend, _, _) => "P2D".to_string(),
            (Unit::Hour, Some(v), true) => format!("PT{v}H30M"),
            (Unit::Minute, Some(v), true) => format!("PT{v}M30S"),
            (Unit::Day, Some(v), true) => format!("P{v}DT12H"),
            (Unit::Year, Some(v), true) => format!("P{v}Y6M"),
            (Unit::Month, Some(v), true) => format!("P{v}M15D"),
            _ => unit.duration(n),
        };
        // "decades-long", "two-year-long"
        if self.is_dash(end) && self.is(end + 1, "long") {
            end += 2;
        }
        Some((end, Sem::Fixed(TimexType::Duration, value)))
    }

    /// "a" at `j` starts a rate ("$2 million a year", "four flights a week"):
    /// an amount stands just before it and no preposition governs it.
    pub(super) fn is_rate(&self, j: usize) -> bool {
        let prev = self.w(j.wrapping_sub(1));
        if matches!(
            prev,
            "in" | "within"
                | "for"
                | "after"
                | "than"
                | "over"
                | "about"
                | "around"
                | "of"
                | "nearly"
                | "almost"
                | "just"
                | "only"
                | "least"
                | "under"
                | "by"
                | "once"
        ) {
            return prev == "once";
        }
        (1..=4).any(|back| {
            let i = j.wrapping_sub(back);
            self.kind(i) == Some(TokKind::Num)
                || matches!(
                    self.w(i),
                    "%" | "percent"
                        | "cents"
                        | "dollars"
                        | "million"
                        | "billion"
                        | "thousand"
                        | "times"
                        | "twice"
                        | "thrice"
                        | "dozens"
                        | "hundreds"
                        | "thousands"
                        | "millions"
                )
                || number_word(self.w(i)).is_some()
        })
    }
}

/// The calendar unit a shift of `u` is expressed in ("a decade ago" is a year).
fn shift_unit(u: Unit) -> Unit {
    match u {
        Unit::Fortnight => Unit::Week,
        Unit::Decade | Unit::Century => Unit::Year,
        other => other,
    }
}

fn unit_factor(u: Unit) -> i64 {
    match u {
        Unit::Fortnight => 2,
        Unit::Decade => 10,
        Unit::Century => 100,
        _ => 1,
    }
}
