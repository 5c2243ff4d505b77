//! The token scanner: the driver that tries every recogniser at each token and
//! keeps the longest reading, the prefixes ("early", "the end of", "about"), the
//! tense cues around an expression and the helpers the recognisers share.
//!
//! The recognisers themselves (small hand-written parsers over lowercase tokens
//! returning where an expression ends and what it means, a [`Sem`]) live in the
//! sibling modules `dates`, `days`, `relative` and `periods`. A cheap first-word
//! filter skips most tokens; nothing backtracks more than a few tokens, so scanning
//! is linear in the text.

use model::TimexType;

use super::lexicon::{
    is_ed_exception, is_future_cue, is_past_cue, month_of, number_word, ordinal_word, season_of,
    unit_of, vague_number, weekday_of, Tok, TokKind,
};
use super::resolve::{Dir, Rel, Sem};

/// A recognised expression: token range `[start, end)` and its meaning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// The text gives day, month and year explicitly (usable as a text anchor).
    pub explicit_date: bool,
}

/// Scans one text.
pub(crate) struct Scanner<'a> {
    pub lower: &'a str,
    pub toks: Vec<Tok>,
    /// The text reports quarterly figures (then "a year ago" names a quarter).
    pub(super) quarterly_text: bool,
}

pub(super) type Hit = Option<(usize, Sem)>;

pub(super) fn longer(a: Hit, b: Hit) -> Hit {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

pub(super) fn fixed(kind: TimexType, v: &str) -> Sem {
    Sem::Fixed(kind, v.to_string())
}

/// Nouns that show a 4-digit number counts things rather than naming a year.
pub(super) fn counted_noun(w: &str) -> bool {
    matches!(
        w,
        "percent"
            | "people"
            | "persons"
            | "troops"
            | "shares"
            | "workers"
            | "dollars"
            | "meters"
            | "metres"
            | "feet"
            | "miles"
            | "tons"
            | "tonnes"
            | "cases"
            | "points"
            | "votes"
            | "jobs"
            | "employees"
            | "students"
            | "members"
            | "men"
            | "women"
            | "soldiers"
            | "vehicles"
            | "units"
            | "pounds"
            | "marks"
            | "yen"
            | "cars"
            | "acres"
            | "rooms"
            | "homes"
            | "km"
            | "kilometers"
            | "kilometres"
            | "cents"
            | "barrels"
            | "hours"
            | "gmt"
            | "hrs"
            | "children"
            | "deaths"
            | "dead"
            | "refugees"
            | "civilians"
            | "police"
            | "officers"
            | "residents"
            | "delegates"
            | "seats"
            | "flights"
            | "passengers"
            | "copies"
            | "words"
            | "pages"
            | "stores"
            | "plants"
            | "companies"
            | "firms"
            | "banks"
            | "kg"
            | "lbs"
            | "mw"
    )
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(original: &'a str, lower: &'a str) -> Self {
        let toks = super::lexicon::tokenize(original);
        let quarterly_text = toks
            .iter()
            .filter(|t| {
                lower
                    .get(t.start..t.end)
                    .is_some_and(|w| w.starts_with("quarter"))
            })
            .count()
            >= 2;
        Scanner {
            lower,
            toks,
            quarterly_text,
        }
    }

    /// The lowercase text of token `i`, `""` past the end.
    pub(super) fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.lower.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    pub(super) fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(super) fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` follows token `i - 1` with no space in between.
    pub(super) fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// A digit token's value and digit count.
    pub(super) fn num(&self, i: usize) -> Option<(i64, usize)> {
        if self.kind(i) != Some(TokKind::Num) {
            return None;
        }
        let s = self.w(i);
        if s.len() > 9 {
            return None;
        }
        s.parse::<i64>().ok().map(|v| (v, s.len()))
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        matches!(self.w(i), "-" | "–" | "—")
    }

    /// Skips an optional full stop glued to token `i - 1`.
    pub(super) fn opt_dot(&self, i: usize) -> usize {
        if self.is(i, ".") && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// Skips an optional comma.
    pub(super) fn opt_comma(&self, i: usize) -> usize {
        if self.is(i, ",") {
            i + 1
        } else {
            i
        }
    }

    /// Token `i` ends a sentence ("." "!" "?" followed by a capital or line break).
    pub(super) fn sentence_break(&self, i: usize) -> bool {
        match self.w(i) {
            "!" | "?" | ";" => true,
            "." => {
                // A dot after an abbreviation such as "Nov." or "a.m." does not count
                // unless a capitalised word follows on a new line.
                self.toks
                    .get(i + 1)
                    .is_none_or(|t| t.newline_before || t.cap)
            }
            _ => self.toks.get(i).is_some_and(|t| t.newline_before),
        }
    }

    // -----------------------------------------------------------------------
    // Numbers
    // -----------------------------------------------------------------------

    /// A count: digits, number words ("twenty four", "twenty-four"), "a"/"an",
    /// or a vague quantity ("several", "a few"). Returns (value, end); value
    /// `None` means unspecified.
    pub(super) fn count(&self, i: usize) -> Option<(Option<i64>, usize)> {
        let w = self.w(i);
        if let Some((v, digits)) = self.num(i) {
            if digits > 6 {
                return None;
            }
            // "1.5" and "1,000" are not clean counts for durations; accept plain digits.
            if self.is(i + 1, ".")
                && self.glued(i + 1)
                && self.num(i + 2).is_some()
                && self.glued(i + 2)
            {
                return None;
            }
            if self.is(i + 1, ",")
                && self.glued(i + 1)
                && self.num(i + 2).is_some()
                && self.glued(i + 2)
            {
                return None;
            }
            return Some((Some(v), i + 1));
        }
        if w == "a" || w == "an" {
            if self.is(i + 1, "few") {
                return Some((None, i + 2));
            }
            if self.is(i + 1, "couple") {
                let e = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((Some(2), e));
            }
            return Some((Some(1), i + 1));
        }
        if vague_number(w) {
            return Some((None, i + 1));
        }
        let v = number_word(w)?;
        let mut end = i + 1;
        let mut total = v;
        // "twenty four", "twenty-four"
        if (20..100).contains(&v) && v % 10 == 0 {
            let j = if self.is_dash(end) { end + 1 } else { end };
            if let Some(u) = number_word(self.w(j)) {
                if u < 10 {
                    total += u;
                    end = j + 1;
                }
            }
        }
        if self.is(end, "hundred") && total < 10 {
            total *= 100;
            end += 1;
        }
        Some((Some(total), end))
    }

    // -----------------------------------------------------------------------
    // Tense
    // -----------------------------------------------------------------------

    /// The direction the words around tokens `[start, end)` point to: the nearest
    /// tense cue within the sentence wins, the left side first on ties.
    pub(crate) fn direction(&self, start: usize, end: usize) -> Dir {
        // "by Friday", "until March": a deadline ahead.
        if start > 0 && matches!(self.w(start - 1), "by") {
            return Dir::Future;
        }
        const WINDOW: usize = 10;
        let mut left_open = true;
        let mut right_open = true;
        // The right side first stops at a comma ("on Tuesday, will be sent" is
        // another clause); it is read past the comma only when nothing else was
        // found ("On Thursday, a delegation was in Kyiv").
        let mut comma: Option<usize> = None;
        for dist in 1..=WINDOW {
            if left_open {
                if start < dist {
                    left_open = false;
                } else {
                    let i = start - dist;
                    let crosses_line = self.toks.get(i + 1).is_some_and(|t| t.newline_before);
                    if crosses_line || matches!(self.w(i), "." | "!" | "?" | ";") {
                        left_open = false;
                    } else if let Some(d) = self.cue(i) {
                        return d;
                    }
                }
            }
            if right_open {
                let i = end + dist - 1;
                if i >= self.toks.len() || self.sentence_break(i) {
                    right_open = false;
                } else if self.is(i, ",") {
                    right_open = false;
                    comma = Some(i);
                } else if let Some(d) = self.right_cue(i) {
                    return d;
                }
            }
            if !left_open && !right_open {
                break;
            }
        }
        if let Some(c) = comma {
            for i in c + 1..(c + 1 + WINDOW).min(self.toks.len()) {
                if self.sentence_break(i) {
                    break;
                }
                if let Some(d) = self.right_cue(i) {
                    return d;
                }
            }
        }
        Dir::Unknown
    }

    /// A tense cue after the expression. A reporting verb there dates the
    /// report, not the event ("will leave Thursday, Castro said").
    pub(super) fn right_cue(&self, i: usize) -> Option<Dir> {
        if matches!(
            self.w(i),
            "said" | "told" | "added" | "announced" | "reported" | "stated" | "says"
        ) {
            return None;
        }
        self.cue(i)
    }

    pub(super) fn cue(&self, i: usize) -> Option<Dir> {
        let w = self.w(i);
        if self.kind(i) != Some(TokKind::Word) {
            return None;
        }
        if w == "won" && self.w(i + 1) == "'" {
            return Some(Dir::Future);
        }
        if w == "ll" && matches!(self.w(i.saturating_sub(1)), "'" | "’") {
            return Some(Dir::Future);
        }
        if w == "ll" {
            return None;
        }
        if w == "to" {
            // "to meet Thursday": an infinitive after plans or agreement points ahead.
            return None;
        }
        if w == "early" && self.is(i + 1, "as") {
            return Some(Dir::Future);
        }
        if is_future_cue(w) {
            return Some(Dir::Future);
        }
        let past_form =
            is_past_cue(w) || (w.len() >= 5 && w.ends_with("ed") && !is_ed_exception(w));
        if past_form {
            // A participle after "be"/"being" is passive, not past ("will be held").
            if i > 0 && matches!(self.w(i - 1), "be" | "being") {
                return None;
            }
            return Some(Dir::Past);
        }
        None
    }

    // -----------------------------------------------------------------------
    // Driver
    // -----------------------------------------------------------------------

    /// All expressions, left to right, longest match at each position.
    pub(crate) fn scan(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.match_at(i) {
                Some(f) if f.end > i => {
                    i = f.end;
                    out.push(f);
                }
                _ => i += 1,
            }
        }
        out
    }

    /// A cheap filter: can an expression (or one of its prefixes) start at token
    /// `i`? Most words cannot, and are skipped without running the recognisers.
    pub(super) fn may_start(&self, i: usize) -> bool {
        if self.strong_start(i) {
            return true;
        }
        // Function words and prefixes only matter before a strong word.
        self.kind(i) == Some(TokKind::Word)
            && self.is_weak_start(self.w(i))
            && (i + 1..i + 5).any(|k| self.strong_start(k))
    }

    pub(super) fn is_weak_start(&self, w: &str) -> bool {
        matches!(
            w,
            "the"
                | "a"
                | "an"
                | "at"
                | "by"
                | "until"
                | "since"
                | "over"
                | "under"
                | "about"
                | "around"
                | "up"
                | "more"
                | "less"
                | "fewer"
                | "that"
                | "these"
                | "new"
                | "end"
                | "start"
                | "middle"
                | "beginning"
                | "early"
                | "late"
                | "earlier"
                | "later"
                | "per"
                | "each"
                | "every"
                | "nearly"
                | "almost"
                | "roughly"
                | "approximately"
                | "within"
                | "mid"
                | "some"
                | "once"
                | "twice"
                | "this"
                | "last"
                | "next"
                | "past"
                | "final"
                | "between"
                | "from"
        )
    }

    pub(super) fn strong_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.kind {
            TokKind::Num => true,
            TokKind::Punct => matches!(self.w(i), "'" | "’"),
            TokKind::Word => {
                let w = self.w(i);
                month_of(w).is_some()
                    || weekday_of(w).is_some()
                    || number_word(w).is_some()
                    || ordinal_word(w).is_some()
                    || unit_of(w).is_some()
                    || season_of(w).is_some()
                    || vague_number(w)
                    || matches!(
                        w,
                        "the"
                            | "this"
                            | "last"
                            | "next"
                            | "past"
                            | "previous"
                            | "prior"
                            | "coming"
                            | "upcoming"
                            | "current"
                            | "present"
                            | "following"
                            | "latest"
                            | "recent"
                            | "same"
                            | "comparable"
                            | "that"
                            | "today"
                            | "yesterday"
                            | "tomorrow"
                            | "tonight"
                            | "overnight"
                            | "now"
                            | "currently"
                            | "nowadays"
                            | "recently"
                            | "lately"
                            | "these"
                            | "at"
                            | "a"
                            | "an"
                            | "daily"
                            | "hourly"
                            | "nightly"
                            | "weekly"
                            | "monthly"
                            | "yearly"
                            | "every"
                            | "each"
                            | "per"
                            | "once"
                            | "twice"
                            | "q"
                            | "fiscal"
                            | "fy"
                            | "christmas"
                            | "thanksgiving"
                            | "easter"
                            | "halloween"
                            | "election"
                            | "independence"
                            | "labor"
                            | "labour"
                            | "memorial"
                            | "valentine"
                            | "new"
                            | "twenties"
                            | "thirties"
                            | "forties"
                            | "fifties"
                            | "sixties"
                            | "seventies"
                            | "eighties"
                            | "nineties"
                            | "noon"
                            | "midnight"
                            | "midday"
                            | "early"
                            | "late"
                            | "earlier"
                            | "later"
                            | "about"
                            | "around"
                            | "nearly"
                            | "almost"
                            | "roughly"
                            | "approximately"
                            | "over"
                            | "under"
                            | "within"
                            | "mid"
                            | "more"
                            | "less"
                            | "fewer"
                            | "up"
                            | "by"
                            | "until"
                            | "since"
                            | "end"
                            | "beginning"
                            | "start"
                            | "middle"
                            | "final"
                            | "fortnight"
                    )
            }
        }
    }

    /// Prefix lengths that may stand before an expression at `i` ("the end of",
    /// "early", "about"). Always includes 0.
    pub(super) fn prefixes(&self, i: usize) -> [usize; 3] {
        let w0 = self.w(i);
        let w1 = self.w(i + 1);
        let w2 = self.w(i + 2);
        let mut out = [0usize; 3];
        let mut k = 1;
        let mut push = |n: usize| {
            if k < 3 && n > 0 {
                out[k] = n;
                k += 1;
            }
        };
        match w0 {
            "early" | "late" | "earlier" | "later" | "about" | "around" | "nearly" | "almost"
            | "roughly" | "approximately" | "some" | "over" | "under" | "within" => push(1),
            "mid" => push(if self.is_dash(i + 1) { 2 } else { 1 }),
            "more" | "less" | "fewer" if w1 == "than" => push(2),
            "at" if w1 == "least" || w1 == "most" => push(2),
            "up" if w1 == "to" => push(2),
            "the" | "at" | "by" | "until" | "since"
                if matches!(
                    w1,
                    "end" | "beginning" | "start" | "middle" | "turn" | "close" | "rest"
                ) && w2 == "of" =>
            {
                push(3)
            }
            "end" | "beginning" | "start" | "middle" if w1 == "of" => push(2),
            _ => {}
        }
        if matches!(w0, "early" | "late" | "earlier" | "later") && w1 == "in" && w2 == "the" {
            push(2);
        }
        if w0 == "the" && matches!(w1, "early" | "late" | "mid") {
            push(if self.is_dash(i + 2) { 3 } else { 2 });
        }
        out
    }

    pub(super) fn match_at(&self, i: usize) -> Option<Found> {
        let mut best: Option<(usize, usize, Sem)> = None; // (prefix, end, sem)
        for (k, p) in self.prefixes(i).into_iter().enumerate() {
            if k > 0 && p == 0 {
                continue;
            }
            if let Some((end, sem)) = self.core(i + p) {
                let better = best.as_ref().is_none_or(|(_, e, _)| end > *e);
                if better {
                    best = Some((p, end, sem));
                }
            }
        }
        let (p, end, sem) = best?;
        // Prefixes of degree ("about", "more than") only belong to amounts of time;
        // "early", "late", "the end of" only to points in time.
        let prefix_word = self.w(i);
        let is_amount = matches!(&sem, Sem::Fixed(TimexType::Duration, _));
        let degree_prefix = matches!(
            prefix_word,
            "about"
                | "around"
                | "nearly"
                | "almost"
                | "roughly"
                | "approximately"
                | "some"
                | "over"
                | "under"
                | "within"
                | "more"
                | "less"
                | "fewer"
                | "at"
                | "up"
        ) && !(prefix_word == "at"
            && matches!(
                self.w(i + 1),
                "end" | "beginning" | "start" | "middle" | "turn" | "close" | "rest"
            ));
        let amount_like = is_amount
            || matches!(
                &sem,
                Sem::Shift { .. } | Sem::NarrativeShift { .. } | Sem::QuarterShift(_)
            )
            || matches!(&sem, Sem::Fixed(TimexType::Date, v) if v.ends_with("_REF"));
        let start = if p == 0 {
            i
        } else if degree_prefix {
            if amount_like
            // Degree words belong to "N units ago" and to "about a decade",
            // not to plain counted durations ("about [three days]").
            let counted_duration = is_amount && !matches!(self.w(i + p), "a" | "an" | "the");
                && !counted_duration
                && prefix_word != "within"
                && !(prefix_word == "over" && self.is(i + 1, "the"))
            {
                i
            } else {
                i + p
            }
        } else if is_amount
            && !matches!(
                prefix_word,
                "the" | "end" | "beginning" | "start" | "middle"
            )
        {
            i + p
        } else {
            i
        };
        let explicit_date = p == 0
            && match &sem {
                Sem::MonthDay {
                    y: Some(_),
                    d: Some(_),
                    ..
                } => true,
                Sem::Time { day: Some(day), .. } => matches!(
                    **day,
                    Sem::MonthDay {
                        y: Some(_),
                        d: Some(_),
                        ..
                    }
                ),
                _ => false,
            };
        Some(Found {
            start,
            end,
            sem,
            explicit_date,
        })
    }

    /// The longest reading of any recogniser at `j`.
    pub(super) fn core(&self, j: usize) -> Hit {
        let t = self.toks.get(j)?;
        let w = self.w(j);
        match t.kind {
            TokKind::Num => {
                let mut h = self.numeric_date(j);
                h = longer(h, self.bare_decade(j));
                h = longer(h, self.day_month(j));
                h = longer(h, self.year(j));
                h = longer(h, self.clock(j));
                h = longer(h, self.amount(j));
                h = longer(h, self.ordinal_quarter(j));
                h = longer(h, self.decade_word(j));
                h
            }
            TokKind::Punct => {
                if matches!(w, "'" | "’") {
                    self.short_decade(j)
                } else {
                    None
                }
            }
            TokKind::Word => {
                let mut h = None;
                if weekday_of(w).is_some() {
                    h = longer(h, self.weekday(j));
                }
                if month_of(w).is_some() {
                    h = longer(h, self.month_date(j));
                }
                h = longer(h, self.relative_day(j));
                h = longer(h, self.modified(j));
                h = longer(h, self.amount(j));
                h = longer(h, self.set(j));
                h = longer(h, self.vague_ref(j));
                h = longer(h, self.ordinal_quarter(j));
                h = longer(h, self.season(j));
                h = longer(h, self.holiday(j, Rel::Tense));
                h = longer(h, self.decade_word(j));
                h = longer(h, self.fiscal(j));
                h = longer(h, self.year_end(j));
                if matches!(w, "between" | "from") {
                    h = longer(h, self.year_range(j));
                }
                if matches!(w, "nineteen" | "eighteen") {
                    h = longer(h, self.year(j));
                }
                h = longer(h, self.day_month(j));
                if w == "noon" || w == "midnight" || w == "midday" {
                    h = longer(h, self.clock(j));
                }
                h
            }
        }
    }

    // -----------------------------------------------------------------------
    // Calendar dates
    // -----------------------------------------------------------------------

    /// A month name at `j` (capitalised; "May" only in a date-like context).
    fn month_word(&self, j: usize) -> Option<(u32, usize)> {
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
    fn day_number(&self, j: usize) -> Option<(u32, usize)> {
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
    fn year_number(&self, j: usize) -> Option<(i32, usize)> {
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
    fn spelled_year(&self, j: usize) -> Option<(i32, usize)> {
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
    fn month_date(&self, j: usize) -> Hit {
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
            if chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d).is_none() {
                return None;
            }
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
    fn day_month(&self, j: usize) -> Hit {
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
    fn numeric_date(&self, j: usize) -> Hit {
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
    fn year(&self, j: usize) -> Hit {
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
            return Some((end + 1, fixed(TimexType::Date, &format!("{:03}X", y / 10))));
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
        Some((end, fixed(TimexType::Date, &format!("{y:04}"))))
    }

    /// "the '90s".
    fn short_decade(&self, j: usize) -> Hit {
        let (v, digits) = self.num(j + 1)?;
        if digits != 2 || !self.is(j + 2, "s") || v % 10 != 0 {
            return None;
        }
        let century = if v <= 20 { 20 } else { 19 };
        Some((
            j + 3,
            fixed(TimexType::Date, &format!("{}{}X", century, v / 10)),
        ))
    }

    /// "the nineties", "the 20th century", "the twenty-first century".
    fn decade_word(&self, j: usize) -> Hit {
        let mut k = j;
        if self.is(k, "the") {
            k += 1;
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
            return Some((k + 1, fixed(TimexType::Date, &format!("19{d}X"))));
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
    fn fiscal(&self, j: usize) -> Hit {
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

    // -----------------------------------------------------------------------
    // Weekdays, relative days, clock times
    // -----------------------------------------------------------------------

    /// "Thursday", "Thursday, Nov. 27", "Thursday 27 November", "Friday morning",
    /// "Sundays" (a set).
    fn weekday(&self, j: usize) -> Hit {
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
        if let Some(part) = part_of_day(self.w(end)) {
            return Some((
                end + 1,
                Sem::PartOfDay {
                    day: Box::new(sem),
                    part,
                    kind: TimexType::Date,
                },
            ));
        }
        // "Friday's"
        if matches!(self.w(end), "'" | "’") && self.is(end + 1, "s") && self.glued(end) {
            return Some((end + 2, sem));
        }
        Some((end, sem))
    }

    /// today, yesterday, tomorrow, tonight, "yesterday morning", "the day before
    /// yesterday", "this morning", "last night".
    fn relative_day(&self, j: usize) -> Hit {
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
    fn am_pm(&self, k: usize) -> Option<(bool, usize)> {
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
    fn clock(&self, j: usize) -> Hit {
        let (h, min, mut end) = match self.w(j) {
            "noon" | "midday" => (12, 0, j + 1),
            "midnight" => (24, 0, j + 1),
            _ => {
                let (h, hd) = self.num(j)?;
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
        if is_zone(self.w(end)) && self.cap(end) {
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
            self.month_date(k)
                .filter(|(_, s)| matches!(s, Sem::MonthDay { d: Some(_), .. })),
        );
        if let Some((e, sem)) = day {
            if !matches!(sem, Sem::PartOfDay { .. }) {
                return Some((
                    e,
                    Sem::Time {
                        h,
                        min,
                        day: Some(Box::new(sem)),
                    },
                ));
            }
        }
        Some((end, Sem::Time { h, min, day: None }))
    }

    // -----------------------------------------------------------------------
    // Relative expressions with a modifier
    // -----------------------------------------------------------------------

    /// "last week", "this month", "next year", "the past year", "last Thursday",
    /// "next March", "this summer", "the following day", "the quarter",
    /// "the year-earlier period".
    fn modified(&self, j: usize, _rel: Rel) -> Hit {
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
            if !has_the && end == e {
                return Some((e, sem));
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
        let narrative = matches!(m, "following" | "previous" | "prior") && has_the;
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
                    return Some((
                        e,
                        Sem::MonthDay {
                            y: None,
                            m: mo,
                            d: None,
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
                        return self.unit_shift(j, u + 2, unit, n, narrative, has_the, m);
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
        self.unit_shift(j, u + 1, unit, n, narrative, has_the, m)
    }

    #[allow(clippy::too_many_arguments)]
    fn unit_shift(
        &self,
        _j: usize,
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
    fn year_end(&self, j: usize) -> Hit {
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
    fn year_ago_adj(&self, k: usize) -> Option<usize> {
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
    fn quarter_context(&self, j: usize) -> bool {
        if self.quarterly_text {
            return true;
        }
        let lo = j.saturating_sub(40);
        let hi = (j + 15).min(self.toks.len());
        (lo..hi).any(|i| self.w(i).starts_with("quarter"))
    }

    /// Whether the sentence around token `j` contains the word `w`.
    fn sentence_mentions(&self, j: usize, w: &str) -> bool {
        let mut i = j;
        let mut steps = 0;
        while i > 0 && steps < 40 && !self.sentence_break(i - 1) {
            i -= 1;
            steps += 1;
            if self.is(i, w) || self.w(i).starts_with(w) {
                return true;
            }
        }
        let mut i = j;
        let mut steps = 0;
        while i < self.toks.len() && steps < 40 && !self.sentence_break(i) {
            if self.is(i, w) || self.w(i).starts_with(w) {
                return true;
            }
            i += 1;
            steps += 1;
        }
        false
    }

    /// "the quarter", "the weekend", "the year 2000", "the next day" (narrative).
    fn the_unit(&self, j: usize, k: usize) -> Hit {
        let w = self.w(k);
        // "the full year", "the fiscal year"
        let (w, k) = if matches!(w, "full" | "fiscal") && self.is(k + 1, "year") {
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
        let _ = j;
        None
    }

    // -----------------------------------------------------------------------
    // Amounts of time: durations and "N units ago"
    // -----------------------------------------------------------------------

    /// "three days", "the past two months", "five-year", "within 100 days",
    /// "three months ago", "a year later", "for years".
    fn amount(&self, j: usize) -> Hit {
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
        let (n, after_count, unit, plural, end) = if let Some((n, after_count)) = self.count(k) {
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
            (n, after_count, unit, plural, u + 1)
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
            let cue_ok = modifier != ""
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
            (None, k, unit, true, k + 1)
        };
        let _ = after_count;
        // "a day" with n = 1 must be singular; "one years" is not English but harmless.
        if n.is_some_and(|v| v > 1) && !plural && !self.is_dash(end - 2) {
            // "five year low" is an adjective; allowed. Numbers > 1 with a singular
            // unit otherwise only when used attributively; accept.
        }
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
                "earlier" | "before"
                    if !matches!(
                        self.w(end + 1),
                        "the" | "a" | "his" | "her" | "its" | "their"
                    ) || next == "earlier" =>
                {
                    if next == "earlier" {
                        return Some((end + 1, shift(-1)));
                    }
                }
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
        if n == Some(1) && !plural && matches!(self.w(k), "a" | "an") && j > 0 {
            let prev = self.w(j - 1);
            if self.kind(j - 1) == Some(TokKind::Num)
                || matches!(
                    prev,
                    "%" | "percent" | "cents" | "dollars" | "times" | "twice" | "once" | "thrice"
                )
            {
                return Some((end, fixed(TimexType::Set, &unit.duration(Some(1)))));
            }
        }
        // "the first nine months" etc. keep the article; a bare "the day" is not an amount.
        if has_the && modifier.is_empty() && n.is_none() {
            return None;
        }
        // "the last year" reads as a shift, handled elsewhere; require a number.
        if n == Some(1) && !plural && modifier != "" && matches!(self.w(k), "a" | "an") {
            return None;
        }
        // Unspecified amounts in the recent past or near future are vague references.
        if n.is_none() && plural {
            if modifier == "recent" || (k > 0 && self.is(k - 1, "recent")) {
                return Some((end, fixed(TimexType::Date, "PAST_REF")));
            }
            if modifier == "coming" || (k > 0 && matches!(self.w(k - 1), "coming" | "upcoming")) {
                return Some((end, fixed(TimexType::Date, "FUTURE_REF")));
            }
            if matches!(modifier, "past" | "last") && has_the && unit != Unit::Week {
                return Some((end, fixed(TimexType::Date, "PAST_REF")));
            }
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

    // -----------------------------------------------------------------------
    // Sets, vague references, quarters, seasons, holidays
    // -----------------------------------------------------------------------

    /// daily, weekly, "every week", "each Monday", "twice a year".
    fn set(&self, j: usize) -> Hit {
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
    fn vague_ref(&self, j: usize) -> Hit {
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
                "near" | "short" if matches!(n2, "term" | "future") => {
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
    fn ordinal_quarter(&self, j: usize) -> Hit {
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
        Some((e, Sem::Quarter { q: o, year }))
    }

    /// "summer", "the summer of 2025", "summer 2025".
    fn season(&self, j: usize) -> Hit {
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
    fn holiday(&self, j: usize, rel: Rel) -> Hit {
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
