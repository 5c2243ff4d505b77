//! Recognisers for weekdays, relative days ("yesterday", "this morning") and
//! clock times ("3 p.m. ET", "22:33 GMT 21 November 2025").

use model::TimexType;

use super::lexicon::{is_zone, part_of_day, weekday_of};
use super::resolve::{Rel, Sem};
use super::scan::{fixed, longer, Hit, Scanner};

impl Scanner<'_> {
    // -----------------------------------------------------------------------
    // Weekdays, relative days, clock times
    // -----------------------------------------------------------------------

    /// "Thursday", "Thursday, Nov. 27", "Thursday 27 November", "Friday morning",
    /// "Sundays" (a set).
    pub(super) fn weekday(&self, j: usize) -> Hit {
        let (wd, plural) = weekday_of(self.w(j))?;
        let end = j + 1;
        if plural {
            let mut e = end;
            let mut v = format!("XXXX-WXX-{wd}");
            if let Some(p) = part_of_day(self.w(e).trim_end_matches('s')) {
                v.push_str(p);
                e += 1;
            }
            return Some((e, fixed(TimexType::Set, &v)));
        }
        // An explicit date after the weekday.
        let c = self.opt_comma(end);
        if let Some((e, sem)) = longer(self.month_date(c), self.day_month(c)) {
            if matches!(sem, Sem::MonthDay { d: Some(_), .. }) {
                return Some((e, sem));
            }
        }
        let sem = Sem::Weekday {
            wd,
            rel: Rel::Tense,
        };
        if part_of_day(self.w(end)).is_some() {
            return Some((end + 1, sem));
        }
        Some((end, sem))
    }

    /// today, yesterday, tomorrow, tonight, "yesterday morning", "the day before
    /// yesterday", "this morning", "last night".
    pub(super) fn relative_day(&self, j: usize) -> Hit {
        let w = self.w(j);
        let off = match w {
            "today" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            "tonight" => return Some((j + 1, Sem::DayOffset(0))),
            "overnight" => {
                return Some((
                    j + 1,
                    Sem::PartOfDay {
                        day: Box::new(Sem::DayOffset(-1)),
                        part: "TNI",
                        kind: TimexType::Time,
                    },
                ))
            }
            _ => None,
        };
        if let Some(n) = off {
            if let Some(p) = part_of_day(self.w(j + 1)) {
                return Some((
                    j + 2,
                    Sem::PartOfDay {
                        day: Box::new(Sem::DayOffset(n)),
                        part: p,
                        kind: TimexType::Time,
                    },
                ));
            }
            // "today's"
            return Some((j + 1, Sem::DayOffset(n)));
        }
        if w == "the" && self.is(j + 1, "day") {
            if self.is(j + 2, "before") && self.is(j + 3, "yesterday") {
                return Some((j + 4, Sem::DayOffset(-2)));
            }
            if self.is(j + 2, "after") && self.is(j + 3, "tomorrow") {
                return Some((j + 4, Sem::DayOffset(2)));
            }
        }
        if w == "this" {
            if let Some(p) = part_of_day(self.w(j + 1)) {
                if p != "TNI" {
                    return Some((
                        j + 2,
                        Sem::PartOfDay {
                            day: Box::new(Sem::DayOffset(0)),
                            part: p,
                            kind: TimexType::Time,
                        },
                    ));
                }
            }
        }
        if w == "last" && self.is(j + 1, "night") {
            return Some((
                j + 2,
                Sem::PartOfDay {
                    day: Box::new(Sem::DayOffset(-1)),
                    part: "TNI",
                    kind: TimexType::Time,
                },
            ));
        }
        None
    }

    /// "a.m." / "p.m." / "am" / "pm" at `k`: (is_pm, end).
    pub(super) fn am_pm(&self, k: usize) -> Option<(bool, usize)> {
        match self.w(k) {
            "am" => Some((false, k + 1)),
            "pm" => Some((true, k + 1)),
            "a" | "p" => {
                if self.is(k + 1, ".")
                    && self.is(k + 2, "m")
                    && self.glued(k + 1)
                    && self.glued(k + 2)
                {
                    let e = self.opt_dot(k + 3);
                    Some((self.w(k) == "p", e))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Clock times: "3 p.m.", "22:33 GMT", "9:30 a.m. ET Thursday", "noon".
    pub(super) fn clock(&self, j: usize) -> Hit {
        let named_hour = matches!(self.w(j), "noon" | "midday" | "midnight");
        if named_hour
            && !matches!(
                self.w(j.wrapping_sub(1)),
                "at" | "by"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "from"
                    | "around"
                    | "about"
                    | "since"
                    | "past"
                    | "to"
                    | "near"
                    | "shortly"
                    | "just"
            )
            && weekday_of(self.w(j + 1)).is_none()
            && !matches!(self.w(j + 1), "today" | "yesterday" | "tomorrow" | "on")
            && !is_zone(self.w(j + 1))
        {
            return None;
        }
        let (h, min, mut end) = match self.w(j) {
            "noon" | "midday" => (12, 0, j + 1),
            "midnight" => (24, 0, j + 1),
            _ => {
                let (h, hd) = self.num(j)?;
                // "0800 UTC": a four-digit clock time needs a zone after it.
                if hd == 4 && is_zone(self.w(j + 1)) && self.cap(j + 1) {
                    let (hh, mm) = (h / 100, h % 100);
                    if hh < 24 && mm < 60 {
                        let utc = matches!(self.w(j + 1), "utc" | "gmt" | "z");
                        return Some((
                            j + 2,
                            Sem::Time {
                                h: u32::try_from(hh).ok()?,
                                min: u32::try_from(mm).ok()?,
                                utc,
                                day: None,
                            },
                        ));
                    }
                }
                if hd > 2 {
                    return None;
                }
                let mut min = 0;
                let mut end = j + 1;
                let mut has_minutes = false;
                if matches!(self.w(end), ":" | ".") && self.glued(end) && self.glued(end + 1) {
                    if let Some((m, md)) = self.num(end + 1) {
                        if md == 2 && m < 60 {
                            min = m;
                            end += 2;
                            has_minutes = true;
                        }
                    }
                }
                let mut h = h;
                if let Some((pm, e)) = self.am_pm(end) {
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    if pm && h < 12 {
                        h += 12;
                    }
                    if !pm && h == 12 {
                        h = 0;
                    }
                    end = e;
                } else if self.is(end, "o")
                    && matches!(self.w(end + 1), "'" | "’")
                    && self.is(end + 2, "clock")
                {
                    end += 3;
                } else {
                    // A 24-hour time needs minutes and either a zone or an hour past 12.
                    if !has_minutes || h > 24 {
                        return None;
                    }
                    if !is_zone(self.w(end))
                        && h <= 12
                        && !matches!(
                            self.w(j.wrapping_sub(1)),
                            "at" | "by"
                                | "until"
                                | "from"
                                | "since"
                                | "before"
                                | "after"
                                | "around"
                        )
                    {
                        return None;
                    }
                    // "22.33" only with a zone.
                    if self.w(j + 1) == "." && !is_zone(self.w(end)) {
                        return None;
                    }
                }
                (u32::try_from(h).ok()?, u32::try_from(min).ok()?, end)
            }
        };
        let mut utc = false;
        if is_zone(self.w(end)) && self.cap(end) {
            utc = matches!(self.w(end), "utc" | "gmt" | "z");
            end += 1;
        } else if self.is(end, "local") && self.is(end + 1, "time") {
            end += 2;
        }
        // A day after the time: "4 a.m. Thursday", "3 p.m. on Friday", "noon today".
        let mut k = end;
        if self.is(k, "on") || self.is(k, ",") {
            k += 1;
        }
        let day = longer(self.weekday(k), self.relative_day(k));
        let day = longer(
            day,
            longer(self.month_date(k), self.day_month(k))
                .filter(|(_, s)| matches!(s, Sem::MonthDay { d: Some(_), .. })),
        );
        if let Some((e, sem)) = day {
            if !matches!(sem, Sem::PartOfDay { .. }) {
                return Some((
                    e,
                    Sem::Time {
                        h,
                        min,
                        utc,
                        day: Some(Box::new(sem)),
                    },
                ));
            }
        }
        Some((
            end,
            Sem::Time {
                h,
                min,
                utc,
                day: None,
            },
        ))
    }
}
