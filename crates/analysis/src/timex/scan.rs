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
        const WINDOW: usize = 10;
        // "by Friday": a deadline ahead.
        if start > 0 && matches!(self.w(start - 1), "by") {
            return Dir::Future;
        }
        // "open until Sunday": the end of something still running, unless the
        // clause says it is over.
        let mut until = false;
        if start > 0
            && matches!(self.w(start - 1), "until" | "till")
            && weekday_of(self.w(start)).is_some()
        {
            // Reporting verbs date the report, not how long the thing runs.
            for i in (start.saturating_sub(WINDOW)..start - 1).rev() {
                if matches!(self.w(i), "." | "!" | "?" | ";") {
                    break;
                }
                if is_reporting_verb(self.w(i)) {
                    continue;
                }
                // "would remain open until Sunday": a future seen from the report.
                if self.w(i) == "would" {
                    return Dir::Future;
                }
                if let Some(d) = self.cue(i) {
                    return d;
                }
            }
            // Nothing before it ("Until Thursday, they had not ..."): the words
            // after decide, and ahead is the default.
            until = true;
        }
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
                    } else if dist <= 3 && self.w(i) == "would" {
                        // "said they would resume on Friday": ahead of the report.
                        return Dir::Future;
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
        if until {
            return Dir::Future;
        }
        Dir::Unknown
    }

    /// A tense cue after the expression. A reporting verb there dates the
    /// report, not the event ("will leave Thursday, Castro said").
    pub(super) fn right_cue(&self, i: usize) -> Option<Dir> {
        if is_reporting_verb(self.w(i)) {
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
            // Degree words belong to "N units ago" and to "about a decade",
            // not to plain counted durations ("about [three days]").
            let counted_duration = is_amount && !matches!(self.w(i + p), "a" | "an" | "the");
            if amount_like
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
}

/// Verbs that date a report rather than the event reported.
fn is_reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "told" | "added" | "announced" | "reported" | "stated" | "says"
    )
}
