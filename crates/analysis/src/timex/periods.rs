//! Recognisers for sets ("every week", "daily"), vague references ("now",
//! "the past"), quarters and halves, seasons and holidays.

use model::TimexType;

use super::lexicon::{month_of, number_word, ordinal_word, season_of, unit_of, weekday_of};
use super::resolve::{Holiday, Rel, Sem};
use super::scan::{fixed, Hit, Scanner};

impl Scanner<'_> {
    // -----------------------------------------------------------------------
    // Sets, vague references, quarters, seasons, holidays
    // -----------------------------------------------------------------------

    /// daily, weekly, "every week", "each Monday", "twice a year".
    pub(super) fn set(&self, j: usize) -> Hit {
        let w = self.w(j);
        let v = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = v {
            if w == "annual" {
                return None;
            }
            return Some((j + 1, fixed(TimexType::Set, v)));
        }
        if matches!(w, "every" | "each" | "per") {
            let mut k = j + 1;
            if self.is(k, "other") {
                k += 1;
            }
            if let Some((wd, _)) = weekday_of(self.w(k)) {
                return Some((k + 1, fixed(TimexType::Set, &format!("XXXX-WXX-{wd}"))));
            }
            if let Some(code) = season_of(self.w(k)) {
                return Some((k + 1, fixed(TimexType::Set, &format!("XXXX-{code}"))));
            }
            if let Some((m, abbr)) = month_of(self.w(k)) {
                if self.cap(k) {
                    let e = if abbr { self.opt_dot(k + 1) } else { k + 1 };
                    return Some((e, fixed(TimexType::Set, &format!("XXXX-{m:02}"))));
                }
            }
            let (n, after) = match self.count(k) {
                Some((Some(n), a)) if !matches!(self.w(k), "a" | "an") => (n, a),
                _ => (1, k),
            };
            let (unit, _) = unit_of(self.w(after))?;
            let n = if self.is(j + 1, "other") { n * 2 } else { n };
            return Some((after + 1, fixed(TimexType::Set, &unit.duration(Some(n)))));
        }
        if matches!(w, "once" | "twice")
            || (self.num(j).is_some() || number_word(w).is_some()) && self.is(j + 1, "times")
        {
            let k = if matches!(w, "once" | "twice") {
                j + 1
            } else {
                j + 2
            };
            if matches!(self.w(k), "a" | "an" | "per" | "each" | "every") {
                let (unit, false) = unit_of(self.w(k + 1))? else {
                    return None;
                };
                return Some((k + 2, fixed(TimexType::Set, &unit.duration(Some(1)))));
            }
        }
        None
    }

    /// now, currently, recently, the past, the future, soon, ...
    pub(super) fn vague_ref(&self, j: usize) -> Hit {
        let w = self.w(j);
        let present = "PRESENT_REF";
        let past = "PAST_REF";
        let future = "FUTURE_REF";
        let v = match w {
            "now" => {
                // "now-defunct" still counts; "just now", "right now" keep only "now".
                Some(present)
            }
            "currently" | "nowadays" => Some(present),
            "current" => {
                // Only as a time adjective before a few nouns' contexts is too subtle;
                // tag it when it stands before a noun phrase head that is not a unit.
                if unit_of(self.w(j + 1)).is_some() || self.w(j + 1) == "fiscal" {
                    None
                } else {
                    Some(present)
                }
            }
            "recently" | "lately" => Some(past),
            _ => None,
        };
        if let Some(v) = v {
            return Some((j + 1, fixed(TimexType::Date, v)));
        }
        if w == "the" {
            let n = self.w(j + 1);
            let n2 = self.w(j + 2);
            match n {
                "past" if self.count(j + 2).is_none() && unit_of(n2).is_none() => {
                    return Some((j + 2, fixed(TimexType::Date, past)))
                }
                "future" => return Some((j + 2, fixed(TimexType::Date, future))),
                "near" | "short" | "long" if matches!(n2, "term" | "future") => {
                    return Some((j + 3, fixed(TimexType::Date, future)))
                }
                "present" if !matches!(n2, "day" | "time") => {
                    return Some((j + 2, fixed(TimexType::Date, present)))
                }
                _ => {}
            }
        }
        if w == "these" && self.is(j + 1, "days") {
            return Some((j + 2, fixed(TimexType::Date, present)));
        }
        if w == "at" && self.is(j + 1, "present") {
            return Some((j + 2, fixed(TimexType::Date, present)));
        }
        None
    }

    /// "the third quarter", "third-quarter", "Q3 2025", "the fiscal first quarter",
    /// "the first half of 2025", "the second half".
    pub(super) fn ordinal_quarter(&self, j: usize) -> Hit {
        let mut k = j;
        let has_the = self.is(k, "the");
        if has_the {
            k += 1;
        }
        // "the 1988 quarter", "the 1989 period", "the 1988 second quarter"
        let mut year_before = None;
        if has_the {
            if let Some((y, e)) = self.year_number(k) {
                if matches!(self.w(e), "quarter" | "period") {
                    return Some((
                        e + 1,
                        Sem::Quarter {
                            q: 0,
                            year: Some(y),
                        },
                    ));
                }
                year_before = Some(y);
                k = e;
            }
        }
        if self.is(k, "fiscal") {
            k += 1;
            if self.is_dash(k) {
                k += 1;
            }
        }
        // "Q3", "Q3 2025"
        if self.is(k, "q") {
            let (q, _) = self.num(k + 1)?;
            if !(1..=4).contains(&q) || !self.glued(k + 1) {
                return None;
            }
            let q = u32::try_from(q).ok()?;
            let mut e = k + 2;
            let mut year = None;
            if let Some((y, ye)) = self.year_number(e) {
                year = Some(y);
                e = ye;
            }
            return Some((e, Sem::Quarter { q, year }));
        }
        let (o, after) = if let Some((v, _)) = self.num(k) {
            if matches!(self.w(k + 1), "st" | "nd" | "rd" | "th") && self.glued(k + 1) {
                (u32::try_from(v).ok()?, k + 2)
            } else {
                return None;
            }
        } else if self.is(k, "final") || (self.is(k, "last") && self.is(k + 2, "of")) {
            (4, k + 1)
        } else {
            (ordinal_word(self.w(k))?, k + 1)
        };
        let mut u = after;
        if self.is_dash(u) {
            u += 1;
        }
        if self.is(u, "fiscal") {
            u += 1;
        }
        let is_half = match self.w(u) {
            "quarter" => false,
            "half" => true,
            _ => return None,
        };
        let o = if is_half && o == 4 && matches!(self.w(k), "final" | "last") {
            2
        } else {
            o
        };
        if !is_half && !(1..=4).contains(&o) || is_half && !(1..=2).contains(&o) {
            return None;
        }
        let mut e = u + 1;
        let mut year = None;
        let of = if self.is(e, "of") { e + 1 } else { e };
        if let Some((y, ye)) = self.year_number(of) {
            year = Some(y);
            e = ye;
        } else if self.is(e, "of")
            && (self.is(e + 1, "this") || self.is(e + 1, "the"))
            && self.is(e + 2, "year")
        {
            e += 3;
        } else if !is_half
            && self.is(e, "of")
            && matches!(self.w(e + 1), "last" | "next")
            && self.is(e + 2, "year")
        {
            let n = if self.is(e + 1, "last") { -1 } else { 1 };
            return Some((e + 3, Sem::QuarterOfShiftedYear { q: o, n }));
        } else if let Some((y, ye)) = self.year_number(if self.is(e, ",") { e + 1 } else { e }) {
            year = Some(y);
            e = ye;
        }
        if year.is_none() {
            year = year_before;
        } else if year_before.is_some() {
            return None;
        }
        if is_half {
            if !has_the && year.is_none() {
                return None;
            }
            return Some((e, Sem::Half { h: o, year }));
        }
        // "the third-quarter results": the article belongs to the noun.
        if has_the && self.is_dash(after) && year.is_none() && k == j + 1 {
            return None;
        }
        Some((e, Sem::Quarter { q: o, year }))
    }

    /// "summer", "the summer of 2025", "summer 2025".
    pub(super) fn season(&self, j: usize) -> Hit {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
        }
        let code = season_of(self.w(k))?;
        // "fall" is a verb and noun too: only take it with a year or an article.
        let mut e = k + 1;
        let mut year = None;
        let of = if self.is(e, "of") { e + 1 } else { e };
        if let Some((y, ye)) = self.year_number(of) {
            year = Some(y);
            e = ye;
        }
        if code == "FA" && year.is_none() {
            return None;
        }
        if year.is_none() && k == j && matches!(code, "SP") {
            // "spring" as a verb or noun ("hot spring") is common; need an article.
            return None;
        }
        Some((
            e,
            Sem::Season {
                code,
                year,
                rel: Rel::Tense,
            },
        ))
    }

    /// Holidays: Christmas, Thanksgiving, New Year's Day, Election Day...
    pub(super) fn holiday(&self, j: usize, rel: Rel) -> Hit {
        let w = self.w(j);
        let (h, mut e) = match w {
            "christmas" => {
                if self.is(j + 1, "eve") {
                    (Holiday::Fixed(12, 24), j + 2)
                } else {
                    (
                        Holiday::Fixed(12, 25),
                        if self.is(j + 1, "day") { j + 2 } else { j + 1 },
                    )
                }
            }
            "thanksgiving" => (
                Holiday::Thanksgiving,
                if self.is(j + 1, "day") { j + 2 } else { j + 1 },
            ),
            "easter" => (
                Holiday::Easter,
                if self.is(j + 1, "sunday") {
                    j + 2
                } else {
                    j + 1
                },
            ),
            "halloween" => (Holiday::Fixed(10, 31), j + 1),
            "election" if self.is(j + 1, "day") && self.cap(j) => (Holiday::ElectionDay, j + 2),
            "independence" if self.is(j + 1, "day") && self.cap(j) => (Holiday::Fixed(7, 4), j + 2),
            "labor" | "labour" if self.is(j + 1, "day") && self.cap(j) => {
                (Holiday::LaborDay, j + 2)
            }
            "memorial" if self.is(j + 1, "day") && self.cap(j) => (Holiday::MemorialDay, j + 2),
            "valentine" if matches!(self.w(j + 1), "'" | "’") => (Holiday::Fixed(2, 14), j + 4),
            "new"
                if self.is(j + 1, "year")
                    && matches!(self.w(j + 2), "'" | "’")
                    && self.is(j + 3, "s") =>
            {
                match self.w(j + 4) {
                    "eve" => (Holiday::Fixed(12, 31), j + 5),
                    "day" => (Holiday::Fixed(1, 1), j + 5),
                    _ => return None,
                }
            }
            _ => return None,
        };
        if !self.cap(j) {
            return None;
        }
        let mut year = None;
        let c = self.opt_comma(e);
        if let Some((y, ye)) = self.year_number(c) {
            year = Some(y);
            e = ye;
        }
        Some((
            e,
            Sem::Holiday {
                holiday: h,
                year,
                rel,
            },
        ))
    }
}
