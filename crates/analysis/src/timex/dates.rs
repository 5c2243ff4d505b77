//! Recognisers for calendar dates: month-first and day-first dates, numeric
//! dates, years, year ranges, decades, centuries and fiscal years.

use model::TimexType;

use super::lexicon::{month_of, number_word, ordinal_word};
use super::resolve::{Rel, Sem};
use super::scan::{counted_noun, fixed, Hit, Scanner};

impl Scanner<'_> {
    // -----------------------------------------------------------------------
    // Calendar dates
    // -----------------------------------------------------------------------

    /// A month name at `j` (capitalised; "May" only in a date-like context).
    pub(super) fn month_word(&self, j: usize) -> Option<(u32, usize)> {
        let (m, abbr) = month_of(self.w(j))?;
        if !self.cap(j) {
            return None;
        }
        let mut end = j + 1;
        if abbr {
            end = self.opt_dot(end);
        }
        if self.w(j) == "may" || self.w(j) == "march" {
            let next_is_number = self.num(self.opt_comma(end)).is_some();
            let prev = if j > 0 { self.w(j - 1) } else { "" };
            let prev_ok = matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "last"
                    | "next"
                    | "this"
                    | "by"
                    | "during"
                    | "from"
                    | "through"
                    | "before"
                    | "after"
                    | "on"
                    | "till"
                    | "and"
                    | "to"
                    | "the"
            );
            if !next_is_number && !prev_ok {
                return None;
            }
        }
        Some((m, end))
    }

    /// A day-of-month number at `j` with an optional ordinal suffix.
    pub(super) fn day_number(&self, j: usize) -> Option<(u32, usize)> {
        let (v, digits) = self.num(j)?;
        if digits > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let mut end = j + 1;
        if matches!(self.w(end), "st" | "nd" | "rd" | "th") && self.glued(end) {
            end += 1;
        }
        // "19:30" or "19.5" is not a day.
        if self.is(end, "%")
            || (matches!(self.w(end), ":" | ".")
                && self.num(end + 1).is_some()
                && self.glued(end + 1))
        {
            return None;
        }
        Some((u32::try_from(v).ok()?, end))
    }

    /// A 4-digit year at `j`, plausible as a year.
    pub(super) fn year_number(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.spelled_year(j) {
            return Some(y);
        }
        let (v, digits) = self.num(j)?;
        if digits != 4 || !(1000..=2199).contains(&v) {
            return None;
        }
        Some((i32::try_from(v).ok()?, j + 1))
    }

    /// "nineteen ninety-four", "nineteen eighty".
    pub(super) fn spelled_year(&self, j: usize) -> Option<(i32, usize)> {
        let century = match self.w(j) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            _ => return None,
        };
        let tens = number_word(self.w(j + 1))?;
        if !(20..=90).contains(&tens) || tens % 10 != 0 {
            return None;
        }
        let mut end = j + 2;
        let mut v = tens;
        let k = if self.is_dash(end) { end + 1 } else { end };
        if let Some(u) = number_word(self.w(k)) {
            if (1..10).contains(&u) {
                v += u;
                end = k + 1;
            }
        }
        Some((century + i32::try_from(v).ok()?, end))
    }

    /// Month-first dates: "Nov. 19", "November 19, 2025", "November 2025",
    /// "November 20-21, 2025", "November".
    pub(super) fn month_date(&self, j: usize) -> Hit {
        let (m, after_month) = self.month_word(j)?;
        let mut k = after_month;
        if let Some((d, after_day)) = self.day_number(k) {
            // A range "20-21" / "20 to 21".
            let mut end = after_day;
            let mut end_day = None;
            let sep = end;
            if self.is_dash(sep) || matches!(self.w(sep), "to" | "through") {
                if let Some((d2, after2)) = self.day_number(sep + 1) {
                    if d2 > d {
                        end_day = Some(d2);
                        end = after2;
                    }
                }
            }
            let mut y = None;
            let c = self.opt_comma(end);
            if let Some((yy, after_year)) = self.year_number(c) {
                y = Some(yy);
                end = after_year;
            }
            chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
            let start = Sem::MonthDay {
                y,
                m,
                d: Some(d),
                rel: Rel::Tense,
            };
            return Some(match end_day {
                Some(d2) => (
                    end,
                    Sem::Range(
                        Box::new(start),
                        Box::new(Sem::MonthDay {
                            y,
                            m,
                            d: Some(d2),
                            rel: Rel::Tense,
                        }),
                    ),
                ),
                None => (end, start),
            });
        }
        // "November 2025", "November, 2025", "November of 2025"
        if self.is(k, ",") || self.is(k, "of") {
            if let Some((y, e)) = self.year_number(k + 1) {
                return Some((
                    e,
                    Sem::MonthDay {
                        y: Some(y),
                        m,
                        d: None,
                        rel: Rel::Tense,
                    },
                ));
            }
        }
        if let Some((y, e)) = self.year_number(k) {
            return Some((
                e,
                Sem::MonthDay {
                    y: Some(y),
                    m,
                    d: None,
                    rel: Rel::Tense,
                },
            ));
        }
        // "June last year", "January this year"
        if matches!(self.w(k), "last" | "this" | "next") && self.is(k + 1, "year") {
            let n = match self.w(k) {
                "last" => -1,
                "this" => 0,
                _ => 1,
            };
            return Some((k + 2, Sem::MonthOfShiftedYear { m, n }));
        }
        // A bare abbreviation without a dot ("Mar", "Jan") is too ambiguous alone.
        if month_of(self.w(j)).is_some_and(|(_, abbr)| abbr) && !self.is(j + 1, ".") {
            return None;
        }
        k = after_month;
        Some((
            k,
            Sem::MonthDay {
                y: None,
                m,
                d: None,
                rel: Rel::Tense,
            },
        ))
    }

    /// Day-first dates: "19 November 2025", "19th of November".
    pub(super) fn day_month(&self, j: usize) -> Hit {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
        }
        let (d, after_day) = match self.day_number(k) {
            Some(x) => x,
            None => {
                let o = ordinal_word(self.w(k))?;
                (o, k + 1)
            }
        };
        let mut k = after_day;
        if self.is(k, "of") {
            k += 1;
        }
        let (m, after_month) = self.month_word(k)?;
        let mut end = after_month;
        let mut y = None;
        let c = self.opt_comma(end);
        if let Some((yy, e)) = self.year_number(c) {
            y = Some(yy);
            end = e;
        }
        chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
        Some((
            end,
            Sem::MonthDay {
                y,
                m,
                d: Some(d),
                rel: Rel::Tense,
            },
        ))
    }

    /// "2025-11-19", "11/19/2025", "19/11/2025", "11/19/25".
    pub(super) fn numeric_date(&self, j: usize) -> Hit {
        let (a, da) = self.num(j)?;
        let sep = self.w(j + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.glued(j + 1) || !self.glued(j + 2) {
            return None;
        }
        let (b, _) = self.num(j + 2)?;
        if self.w(j + 3) != sep || !self.glued(j + 3) || !self.glued(j + 4) {
            return None;
        }
        let (c, dc) = self.num(j + 4)?;
        let end = j + 5;
        // Not part of a longer run of numbers ("1-2-3-4").
        if matches!(self.w(end), "-" | "/") && self.glued(end) && self.num(end + 1).is_some() {
            return None;
        }
        let to_u = |v: i64| u32::try_from(v).ok();
        let (y, m, d) = if da == 4 && sep == "-" {
            (a, to_u(b)?, to_u(c)?)
        } else if sep == "/" && (dc == 4 || dc == 2) {
            let y = if dc == 2 {
                if c < 50 {
                    2000 + c
                } else {
                    1900 + c
                }
            } else {
                c
            };
            if a > 12 {
                (y, to_u(b)?, to_u(a)?)
            } else {
                (y, to_u(a)?, to_u(b)?)
            }
        } else if sep == "." && dc == 4 {
            (c, to_u(b)?, to_u(a)?)
        } else {
            return None;
        };
        let y = i32::try_from(y).ok()?;
        chrono::NaiveDate::from_ymd_opt(y, m, d)?;
        Some((
            end,
            Sem::MonthDay {
                y: Some(y),
                m,
                d: Some(d),
                rel: Rel::Tense,
            },
        ))
    }

    /// A bare year ("in 2022", "1990"), decades ("1990s"), year ranges
    /// ("2015-2022").
    pub(super) fn year(&self, j: usize) -> Hit {
        let (y, end) = self.year_number(j)?;
        if j > 0 && matches!(self.w(j - 1), "$" | "£" | "€" | "#" | "no" | "number") {
            return None;
        }
        if j > 0 && self.is(j - 1, ",") && self.glued(j) && self.num(j.wrapping_sub(2)).is_some() {
            return None;
        }
        let next = self.w(end);
        // "1990s"
        if next == "s" && self.glued(end) {
            return Some((end + 1, fixed(TimexType::Date, &format!("{:03}", y / 10))));
        }
        if matches!(next, "%" | ":") || counted_noun(next) {
            return None;
        }
        if (next == "," || next == ".")
            && self.glued(end)
            && self.num(end + 1).is_some()
            && self.glued(end + 1)
        {
            return None;
        }
        if !(1800..=2100).contains(&y) {
            return None;
        }
        // "2015-2022", "1998–99"
        if self.is_dash(end) && self.glued(end) && self.glued(end + 1) {
            if let Some((v2, d2)) = self.num(end + 1) {
                let y2 = match d2 {
                    4 => Some(v2),
                    2 => Some(i64::from(y) / 100 * 100 + v2),
                    _ => None,
                };
                if let Some(y2) = y2.filter(|y2| *y2 > i64::from(y) && *y2 < i64::from(y) + 100) {
                    return Some((
                        end + 2,
                        Sem::Range(
                            Box::new(fixed(TimexType::Date, &format!("{y:04}"))),
                            Box::new(fixed(TimexType::Date, &format!("{y2:04}"))),
                        ),
                    ));
                }
            }
        }
        Some((end, fixed(TimexType::Date, &format!("{y:04}"))))
    }

    /// "between 2015 and 2022", "from 2009 to 2011".
    pub(super) fn year_range(&self, j: usize) -> Hit {
        let joiner = match self.w(j) {
            "between" => "and",
            "from" => "to",
            _ => return None,
        };
        let (y1, e1) = self.year_number(j + 1)?;
        let sep = self.w(e1);
        if !(sep == joiner || joiner == "to" && matches!(sep, "until" | "through" | "till")) {
            return None;
        }
        let (y2, e2) = self.year_number(e1 + 1)?;
        if y2 <= y1 || counted_noun(self.w(e2)) || self.is(e2, "%") {
            return None;
        }
        Some((
            e2,
            Sem::Range(
                Box::new(fixed(TimexType::Date, &format!("{y1:04}"))),
                Box::new(fixed(TimexType::Date, &format!("{y2:04}"))),
            ),
        ))
    }

    /// "the '90s".
    /// "the 70s", "the 70s and 80s": a two-digit decade after a cue word.
    pub(super) fn bare_decade(&self, j: usize) -> Hit {
        let (v, digits) = self.num(j)?;
        if digits != 2 || v % 10 != 0 || !self.is(j + 1, "s") || !self.glued(j + 1) {
            return None;
        }
        if !matches!(
            self.w(j.wrapping_sub(1)),
            "the" | "and" | "early" | "late" | "mid" | "-" | "or" | "to"
        ) {
            return None;
        }
        let century = if v <= 20 { 20 } else { 19 };
        Some((
            j + 2,
            fixed(TimexType::Date, &format!("{}{}", century, v / 10)),
        ))
    }

    pub(super) fn short_decade(&self, j: usize) -> Hit {
        let (v, digits) = self.num(j + 1)?;
        if digits != 2 || !self.is(j + 2, "s") || v % 10 != 0 {
            return None;
        }
        let century = if v <= 20 { 20 } else { 19 };
        Some((
            j + 3,
            fixed(TimexType::Date, &format!("{}{}", century, v / 10)),
        ))
    }

    /// "the nineties", "the 20th century", "the twenty-first century".
    pub(super) fn decade_word(&self, j: usize) -> Hit {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
            // "the 1990s"
            if let Some((y, e)) = self.year_number(k) {
                if self.is(e, "s") && self.glued(e) {
                    return Some((e + 1, fixed(TimexType::Date, &format!("{:03}", y / 10))));
                }
            }
        }
        let dec = match self.w(k) {
            "twenties" => Some(2),
            "thirties" => Some(3),
            "forties" => Some(4),
            "fifties" => Some(5),
            "sixties" => Some(6),
            "seventies" => Some(7),
            "eighties" => Some(8),
            "nineties" => Some(9),
            _ => None,
        };
        if let Some(d) = dec {
            if k == j {
                return None;
            }
            return Some((k + 1, fixed(TimexType::Date, &format!("19{d}"))));
        }
        // "the 20th century"
        let (c, after) = if let Some((v, _)) = self.num(k) {
            if matches!(self.w(k + 1), "st" | "nd" | "rd" | "th") {
                (v, k + 2)
            } else {
                return None;
            }
        } else if self.w(k) == "twenty" && self.is_dash(k + 1) && self.w(k + 2) == "first" {
            (21, k + 3)
        } else {
            (i64::from(ordinal_word(self.w(k))?), k + 1)
        };
        if !self.is(after, "century") || !(1..=22).contains(&c) {
            return None;
        }
        Some((after + 1, fixed(TimexType::Date, &format!("{:02}", c - 1))))
    }

    /// "fiscal 1989", "fiscal year 1990", "FY2025".
    pub(super) fn fiscal(&self, j: usize) -> Hit {
        let mut k = j;
        if self.is(k, "fy") {
            let (y, e) = self.year_number(k + 1)?;
            return Some((e, fixed(TimexType::Date, &format!("{y:04}"))));
        }
        if !self.is(k, "fiscal") {
            return None;
        }
        k += 1;
        if self.is(k, "year") {
            k += 1;
        }
        let (y, e) = self.year_number(k)?;
        Some((e, fixed(TimexType::Date, &format!("{y:04}"))))
    }
}
