//! Tokens and word lists for the temporal tagger.
//!
//! The tokenizer works on an ASCII-lowercased copy of the text (same byte offsets
//! as the original) and yields words, digit runs and single punctuation marks. The
//! lookup functions are plain `match` tables on lowercase words.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (ASCII or not).
    Word,
    /// ASCII digits.
    Num,
    /// One other non-space character.
    Punct,
}

/// A token: byte range into the text, its kind and layout flags.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// The first character is upper case in the original text.
    pub cap: bool,
    /// Whitespace precedes the token.
    pub space_before: bool,
    /// A line break precedes the token.
    pub newline_before: bool,
}

/// Splits `text` into tokens. `text` may be the original or its ASCII-lowercased
/// copy; `original` is read only for capitalisation.
pub(crate) fn tokenize(original: &str) -> Vec<Tok> {
    let bytes = original.as_bytes();
    let mut toks = Vec::with_capacity(original.len() / 5);
    let mut i = 0;
    let mut space_before = false;
    let mut newline_before = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space_before = true;
            if b == b'\n' {
                newline_before = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            kind = TokKind::Num;
        } else if b.is_ascii_alphabetic() || b >= 0x80 {
            // A run of letters; non-ASCII characters count as letters unless they
            // are punctuation or spaces we know about.
            let mut j = i;
            let mut any = false;
            while j < bytes.len() {
                let c = bytes[j];
                if c.is_ascii_alphabetic() {
                    j += 1;
                    any = true;
                } else if c >= 0x80 {
                    let ch = original[j..].chars().next().unwrap_or(' ');
                    if ch.is_alphabetic() {
                        j += ch.len_utf8();
                        any = true;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if any {
                i = j;
                kind = TokKind::Word;
            } else {
                // A non-letter, non-ASCII character (dash, quote, space...).
                let ch = original[i..].chars().next().unwrap_or(' ');
                i += ch.len_utf8().max(1);
                if ch.is_whitespace() {
                    space_before = true;
                    continue;
                }
                kind = TokKind::Punct;
            }
        } else {
            i += 1;
            kind = TokKind::Punct;
        }
        let cap = original[start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase());
        toks.push(Tok {
            start,
            end: i,
            kind,
            cap,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
    }
    toks
}

/// Month number for a month name or abbreviation; the flag is true for an
/// abbreviation (which may take a full stop).
pub(crate) fn month_of(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// ISO weekday number (Monday = 1) for a weekday name; plural forms flagged.
pub(crate) fn weekday_of(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "monday" => (1, false),
        "tuesday" => (2, false),
        "wednesday" => (3, false),
        "thursday" => (4, false),
        "friday" => (5, false),
        "saturday" => (6, false),
        "sunday" => (7, false),
        "mondays" => (1, true),
        "tuesdays" => (2, true),
        "wednesdays" => (3, true),
        "thursdays" => (4, true),
        "fridays" => (5, true),
        "saturdays" => (6, true),
        "sundays" => (7, true),
        _ => return None,
    })
}

/// Cardinal number words.
pub(crate) fn number_word(w: &str) -> Option<i64> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words and abbreviations ("third", "3rd" is handled by the scanner).
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Words meaning an unspecified number ("several years" -> `PXY`).
pub(crate) fn vague_number(w: &str) -> bool {
    matches!(
        w,
        "several" | "few" | "many" | "some" | "numerous" | "couple"
    )
}

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TimeML duration designator for `n` of this unit (`P3D`, `PT5H`, `P20Y`).
    pub(crate) fn duration(self, n: Option<i64>) -> String {
        let num = |k: i64| match n {
            Some(v) => (v * k).to_string(),
            None => "X".to_string(),
        };
        match self {
            Unit::Second => format!("PT{}S", num(1)),
            Unit::Minute => format!("PT{}M", num(1)),
            Unit::Hour => format!("PT{}H", num(1)),
            Unit::Day => format!("P{}D", num(1)),
            Unit::Week => format!("P{}W", num(1)),
            Unit::Weekend => format!("P{}WE", num(1)),
            Unit::Fortnight => format!("P{}W", num(2)),
            Unit::Month => format!("P{}M", num(1)),
            Unit::Quarter => format!("P{}Q", num(1)),
            Unit::Year => format!("P{}Y", num(1)),
            Unit::Decade => match n {
                Some(v) => format!("P{}Y", v * 10),
                None => "PXY".to_string(),
            },
            Unit::Century => match n {
                Some(v) => format!("P{}Y", v * 100),
                None => "PXY".to_string(),
            },
        }
    }
}

/// A unit word; the flag is true for a plural.
pub(crate) fn unit_of(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "fortnight" => (Unit::Fortnight, false),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A season's TimeML code.
pub(crate) fn season_of(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A part of the day's TimeML code.
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" => "TNI",
        _ => return None,
    })
}

/// Time-zone abbreviations that may follow a clock time.
pub(crate) fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "et"
            | "est"
            | "edt"
            | "ct"
            | "cst"
            | "cdt"
            | "mt"
            | "mst"
            | "mdt"
            | "pt"
            | "pst"
            | "pdt"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "msk"
            | "ist"
            | "jst"
            | "kst"
            | "aest"
            | "hkt"
            | "sgt"
            | "z"
    )
}

/// Cue words that put the event around a time expression in the future.
pub(crate) fn is_future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "next"
            | "upcoming"
            | "coming"
            | "scheduled"
            | "expected"
            | "expects"
            | "expect"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "due"
            | "slated"
            | "soon"
            | "intends"
            | "aims"
            | "hopes"
            | "going"
            | "tomorrow"
            | "begins"
            | "starts"
            | "ll"
    )
}

/// Irregular past-tense verbs and other cue words for the past.
pub(crate) fn is_past_cue(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "did"
            | "had"
            | "has"
            | "have"
            | "said"
            | "told"
            | "ago"
            | "last"
            | "yesterday"
            | "met"
            | "went"
            | "came"
            | "took"
            | "gave"
            | "made"
            | "held"
            | "began"
            | "led"
            | "left"
            | "won"
            | "lost"
            | "fell"
            | "rose"
            | "sold"
            | "bought"
            | "paid"
            | "sent"
            | "spoke"
            | "wrote"
            | "saw"
            | "got"
            | "became"
            | "brought"
            | "found"
            | "thought"
            | "ran"
            | "struck"
            | "broke"
            | "chose"
            | "drew"
            | "flew"
            | "fought"
            | "grew"
            | "knew"
            | "meant"
            | "shot"
            | "stood"
            | "spent"
            | "taught"
            | "threw"
            | "wore"
            | "withdrew"
            | "hit"
            | "quit"
            | "cut"
    )
}

/// Words ending in `-ed` that are not past forms.
pub(crate) fn is_ed_exception(w: &str) -> bool {
    matches!(
        w,
        "need"
            | "indeed"
            | "hundred"
            | "speed"
            | "seed"
            | "proceed"
            | "exceed"
            | "succeed"
            | "breed"
            | "feed"
            | "greed"
            | "bed"
            | "red"
            | "shed"
            | "wed"
            | "ted"
            | "fed"
            | "med"
            | "creed"
            | "weed"
            | "bleed"
            | "embed"
            | "united"
            | "limited"
            | "based"
            | "related"
            | "concerned"
            | "interested"
            | "supposed"
            | "used"
            | "scheduled"
            | "expected"
            | "planned"
    )
}
