//! Reading the date and time stamps that pages print beside posts and bylines.
//!
//! A *stamp* is a short run of words that names a day ("25 November 2025",
//! "Nov 26, 2025", "2025-11-25"), a clock time ("20:41 GMT", "8:41 pm ET",
//! "14:05 +03:00") or both, possibly wrapped in label words ("Updated", "published
//! at", "Posted on") and separators ("|", "-", ","). Time zones are read as UTC
//! offsets; US zone names without a daylight marker ("ET", "PT") follow the US
//! daylight-saving calendar of the day they are attached to.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// A calendar day as written; the year may be left out ("25 November").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// The year, when written.
    pub year: Option<i32>,
    /// 1 ..= 12.
    pub month: u32,
    /// 1 ..= 31.
    pub day: u32,
}

impl PartialDate {
    /// The full date, borrowing the year from `context` when the stamp has none.
    pub fn resolve(&self, context: Option<NaiveDate>) -> Option<NaiveDate> {
        let year = self.year.or_else(|| context.map(|c| c.year()))?;
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// How a stamp names its time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset east of UTC, in minutes (GMT = 0, MSK = 180, EST = -300).
    Fixed(i32),
    /// A US zone name without a daylight marker: standard offset in minutes,
    /// one hour more during US daylight-saving time.
    UsLocal(i32),
}

impl Zone {
    /// Minutes east of UTC on `date`.
    pub fn offset_minutes(&self, date: NaiveDate) -> i32 {
        match *self {
            Zone::Fixed(m) => m,
            Zone::UsLocal(standard) => {
                if us_daylight_saving(date) {
                    standard + 60
                } else {
                    standard
                }
            }
        }
    }
}

/// US daylight-saving time: from the second Sunday of March to the first Sunday
/// of November (decided per day, which is exact except for the changeover nights).
fn us_daylight_saving(date: NaiveDate) -> bool {
    let year = date.year();
    let start = NaiveDate::from_weekday_of_month_opt(year, 3, Weekday::Sun, 2);
    let end = NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Sun, 1);
    match (start, end) {
        (Some(s), Some(e)) => date >= s && date < e,
        _ => false,
    }
}

/// A time of day as written, with its zone when one was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime {
    /// 0 ..= 23 (am/pm already applied).
    pub hour: u32,
    /// 0 ..= 59.
    pub minute: u32,
    /// The zone written with the time, if any.
    pub zone: Option<Zone>,
}

impl ClockTime {
    /// The UTC instant of this clock time on local day `date`. A missing zone is read as UTC.
    pub fn to_utc(&self, date: NaiveDate) -> Option<NaiveDateTime> {
        let local = date.and_time(NaiveTime::from_hms_opt(self.hour, self.minute, 0)?);
        let offset = self.zone.map(|z| z.offset_minutes(date)).unwrap_or(0);
        Some(local - Duration::minutes(i64::from(offset)))
    }
}

/// A stamp found in a piece of text: a day, a time, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The day, when the stamp names one.
    pub date: Option<PartialDate>,
    /// The clock time, when the stamp names one.
    pub time: Option<ClockTime>,
}

/// One whitespace-separated word with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
}

fn words(s: &str) -> Vec<Word<'_>> {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|text| Word { text })
        .collect()
}

/// Strips punctuation that may cling to a word inside a stamp ("2025,", "(GMT)").
fn bare(w: &str) -> &str {
    w.trim_matches([',', ';', '(', ')', '[', ']', '|'])
}

/// Words that may surround a stamp without carrying meaning of their own.
fn is_stamp_filler(w: &str) -> bool {
    let b = bare(w).trim_end_matches(':');
    if b.is_empty() {
        return true;
    }
    if b.chars().all(|c| {
        matches!(
            c,
            '-' | '\u{2013}' | '\u{2014}' | '\u{b7}' | '\u{2022}' | '/' | '|'
        )
    }) {
        return true;
    }
    matches!(
        b.to_ascii_lowercase().as_str(),
        "at" | "on"
            | "updated"
            | "published"
            | "posted"
            | "last"
            | "first"
            | "edited"
            | "modified"
            | "created"
            | "date"
            | "time"
    )
}

/// The month named by `w` ("November", "Nov", "Nov.", "Sept"), punctuation around it ignored.
pub fn month_number(w: &str) -> Option<u32> {
    text::calendar::month_number(bare(w))
}

fn is_weekday(w: &str) -> bool {
    let b = bare(w).trim_end_matches('.').to_ascii_lowercase();
    matches!(
        b.as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// A day of the month: "25", "25th", "1st".
fn day_number(w: &str) -> Option<u32> {
    let b = bare(w).trim_end_matches('.');
    let digits = b.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &b[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i32> {
    let b = bare(w).trim_end_matches('.');
    if b.len() != 4 || !b.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = b.parse().ok()?;
    (1900..=2200).contains(&y).then_some(y)
}

/// Numeric dates: `2025-11-25` and `25.11.2025`.
fn numeric_date(w: &str) -> Option<PartialDate> {
    let b = bare(w).trim_end_matches('.');
    let parts: Vec<&str> = b.split(['-', '.', '/']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let (y, m, d) = if parts[0].len() == 4 && b.contains('-') {
        (parts[0], parts[1], parts[2])
    } else if parts[2].len() == 4 && b.contains('.') {
        (parts[2], parts[1], parts[0])
    } else {
        return None;
    };
    let date = PartialDate {
        year: Some(y.parse().ok()?),
        month: m.parse().ok()?,
        day: d.parse().ok()?,
    };
    NaiveDate::from_ymd_opt(date.year?, date.month, date.day).map(|_| date)
}

/// Tries to read a date at word `i`; returns it and the number of words used.
fn date_at(ws: &[Word<'_>], i: usize) -> Option<(PartialDate, usize)> {
    let mut j = i;
    if ws.get(j).is_some_and(|w| is_weekday(w.text)) {
        j += 1;
    }
    let w0 = ws.get(j)?.text;
    if let Some(d) = numeric_date(w0) {
        return Some((d, j + 1 - i));
    }
    // 25 November [2025]
    if let Some(day) = day_number(w0) {
        if let Some(month) = ws.get(j + 1).and_then(|w| month_number(w.text)) {
            let year = ws.get(j + 2).and_then(|w| year_number(w.text));
            let used = j + 2 + usize::from(year.is_some()) - i;
            return valid(PartialDate { year, month, day }).map(|d| (d, used));
        }
        return None;
    }
    // November 25[,] [2025]
    if let Some(month) = month_number(w0) {
        if let Some(day) = ws.get(j + 1).and_then(|w| day_number(w.text)) {
            let year = ws.get(j + 2).and_then(|w| year_number(w.text));
            let used = j + 2 + usize::from(year.is_some()) - i;
            return valid(PartialDate { year, month, day }).map(|d| (d, used));
        }
    }
    None
}

fn valid(d: PartialDate) -> Option<PartialDate> {
    let year = d.year.unwrap_or(2000);
    NaiveDate::from_ymd_opt(year, d.month, d.day).map(|_| d)
}

/// A zone name or offset: "GMT", "UTC+3", "+03:00", "ET", "(MSK)".
pub fn zone_of(w: &str) -> Option<Zone> {
    let b = bare(w).trim_end_matches(['.', ':']);
    let upper = b.to_ascii_uppercase();
    let fixed = |m: i32| Some(Zone::Fixed(m));
    match upper.as_str() {
        "GMT" | "UTC" | "UT" | "Z" | "WET" => return fixed(0),
        "BST" | "CET" | "WEST" => return fixed(60),
        "CEST" | "EET" | "SAST" => return fixed(120),
        "EEST" | "MSK" => return fixed(180),
        "EST" => return fixed(-300),
        "EDT" => return fixed(-240),
        "CST" => return fixed(-360),
        "CDT" => return fixed(-300),
        "MST" => return fixed(-420),
        "MDT" => return fixed(-360),
        "PST" => return fixed(-480),
        "PDT" => return fixed(-420),
        "JST" | "KST" => return fixed(540),
        "AEST" => return fixed(600),
        "AEDT" => return fixed(660),
        "ET" => return Some(Zone::UsLocal(-300)),
        "CT" => return Some(Zone::UsLocal(-360)),
        "MT" => return Some(Zone::UsLocal(-420)),
        "PT" => return Some(Zone::UsLocal(-480)),
        _ => {}
    }
    let rest = upper
        .strip_prefix("GMT")
        .or_else(|| upper.strip_prefix("UTC"))
        .unwrap_or(&upper);
    numeric_offset(rest).map(Zone::Fixed)
}

/// "+03:00", "+0300", "+3", "-05" as minutes east of UTC.
fn numeric_offset(s: &str) -> Option<i32> {
    let (sign, digits) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !m.bytes().all(|c| c.is_ascii_digit()) || m.len() > 2 {
        return None;
    }
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Reads "20:41", "8:41pm", "8.41 a.m." at word `i`, with an optional zone.
fn time_at(ws: &[Word<'_>], i: usize) -> Option<(ClockTime, usize)> {
    let w = bare(ws.get(i)?.text);
    // ISO date-times are handled by the caller; here only clock times.
    let lower = w.to_ascii_lowercase();
    let (clock, mut meridiem) = split_meridiem(&lower);
    let sep = if clock.contains(':') { ':' } else { '.' };
    let (h, rest) = clock.split_once(sep)?;
    let m = rest.get(..2)?;
    let tail = &rest[2..];
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !m.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // Seconds are allowed after a colon ("20:41:07").
    let attached_zone = if tail.is_empty() {
        None
    } else if let Some(sec) = tail.strip_prefix(':') {
        let (s, z) = sec.split_at(sec.len().min(2));
        if !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if z.is_empty() {
            None
        } else {
            Some(zone_of(z)?)
        }
    } else {
        Some(zone_of(tail)?)
    };
    let mut used = 1;
    if meridiem.is_none() {
        if let Some(next) = ws.get(i + 1) {
            let n = bare(next.text).to_ascii_lowercase();
            meridiem = match n.as_str() {
                "am" | "a.m." | "a.m" => Some(false),
                "pm" | "p.m." | "p.m" => Some(true),
                _ => None,
            };
            if meridiem.is_some() {
                used += 1;
            }
        }
    }
    // "20.41" alone is too easily a number: require a meridiem or a zone.
    let mut zone = attached_zone;
    if zone.is_none() {
        if let Some(z) = ws.get(i + used).and_then(|w| zone_of(w.text)) {
            zone = Some(z);
            used += 1;
        }
    }
    if sep == '.' && meridiem.is_none() && zone.is_none() {
        return None;
    }
    let mut hour: u32 = h.parse().ok()?;
    let minute: u32 = m.parse().ok()?;
    if minute > 59 {
        return None;
    }
    match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour %= 12;
            if pm {
                hour += 12;
            }
        }
        None if hour > 23 => return None,
        None => {}
    }
    Some((ClockTime { hour, minute, zone }, used))
}

fn split_meridiem(w: &str) -> (&str, Option<bool>) {
    for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(c) = w.strip_suffix(suffix) {
            return (c, Some(pm));
        }
    }
    (w, None)
}

/// ISO 8601 date-times: `2025-11-25T20:41`, `2025-11-25T20:41:00+03:00`, `...Z`.
fn iso_datetime(w: &str) -> Option<Stamp> {
    let b = bare(w);
    let (d, t) = b.split_once('T')?;
    let date = numeric_date(d)?;
    let zone_at = t.find(['Z', '+', '-']).unwrap_or(t.len());
    let (clock, zone) = t.split_at(zone_at);
    let mut parts = clock.split(':');
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    let zone = if zone.is_empty() {
        None
    } else {
        Some(zone_of(zone)?)
    };
    (hour < 24 && minute < 60).then_some(Stamp {
        date: Some(date),
        time: Some(ClockTime { hour, minute, zone }),
    })
}

/// Reads `s` as nothing but a stamp (with filler words and separators).
/// Returns `None` when any word is not part of a date, a time or filler, or when
/// there is neither a date nor a time.
pub fn parse_stamp(s: &str) -> Option<Stamp> {
    if s.len() > 80 {
        return None;
    }
    let ws = words(s);
    let mut stamp = Stamp {
        date: None,
        time: None,
    };
    let mut i = 0;
    while i < ws.len() {
        if let Some(st) = iso_datetime(ws[i].text) {
            if stamp.date.is_some() || stamp.time.is_some() {
                return None;
            }
            stamp = st;
            i += 1;
            continue;
        }
        if stamp.time.is_none() {
            if let Some((t, used)) = time_at(&ws, i) {
                stamp.time = Some(t);
                i += used;
                continue;
            }
        }
        if stamp.date.is_none() {
            if let Some((d, used)) = date_at(&ws, i) {
                stamp.date = Some(d);
                i += used;
                continue;
            }
        }
        // A zone written after the date ("20:41, 25 Nov 2025 GMT").
        if let Some(t) = stamp.time.as_mut() {
            if t.zone.is_none() {
                if let Some(z) = zone_of(ws[i].text) {
                    t.zone = Some(z);
                    i += 1;
                    continue;
                }
            }
        }
        if is_stamp_filler(ws[i].text) {
            i += 1;
            continue;
        }
        return None;
    }
    (stamp.date.is_some() || stamp.time.is_some()).then_some(stamp)
}

/// Reads `s` as a relative stamp ("Updated 3 hours ago", "5 mins ago", "just now")
/// and returns how many minutes before the page's own time it names.
pub fn parse_relative(s: &str) -> Option<i64> {
    if s.len() > 60 {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let ws: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '|' | ':')))
        .filter(|w| !w.is_empty())
        .collect();
    let ago = ws.iter().position(|w| *w == "ago");
    if ago.is_none() {
        let rest: Vec<&&str> = ws.iter().filter(|w| !is_stamp_filler(w)).collect();
        return (rest.len() == 2 && *rest[0] == "just" && *rest[1] == "now").then_some(0);
    }
    let ago = ago?;
    if ago + 1 != ws.len() || ago < 1 {
        return None;
    }
    // "<n> <unit> ago" or "<n><unit> ago"
    let (n, unit, head) = if ago >= 2 && amount(ws[ago - 2]).is_some() {
        (amount(ws[ago - 2])?, ws[ago - 1], ago - 2)
    } else {
        let w = ws[ago - 1];
        let split = w.find(|c: char| !c.is_ascii_digit())?;
        let (num, unit) = w.split_at(split);
        (num.parse().ok()?, unit, ago - 1)
    };
    if !ws[..head].iter().all(|w| is_stamp_filler(w)) {
        return None;
    }
    let per = match unit {
        "m" | "min" | "mins" | "minute" | "minutes" => 1,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60,
        "d" | "day" | "days" => 24 * 60,
        _ => return None,
    };
    Some(n * per)
}

fn amount(w: &str) -> Option<i64> {
    match w {
        "a" | "an" | "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        _ => w.parse().ok().filter(|n: &i64| *n < 10_000),
    }
}

/// Finds a stamp glued to the end of a line after a label such as "published at"
/// ("Title textpublished at 22:33 GMT 21 November 2025"). Returns the byte offset
/// where the label starts and the stamp; the stamp must contain a time.
pub fn glued_stamp(line: &str) -> Option<(usize, Stamp)> {
    // Every stamp with a time has a digit; most lines can be rejected at once.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // The stamp is at most 80 bytes (see `parse_stamp`), so only the tail can hold it.
    let mut tail = line.len().saturating_sub(100);
    while !line.is_char_boundary(tail) {
        tail += 1;
    }
    let lower = line[tail..].to_ascii_lowercase();
    const LABELS: [&str; 6] = [
        "published at",
        "updated at",
        "posted at",
        "published on",
        "updated on",
        "posted on",
    ];
    let mut best: Option<(usize, Stamp)> = None;
    for label in LABELS {
        let Some(at) = lower.rfind(label).map(|at| at + tail) else {
            continue;
        };
        let rest = &line[at + label.len()..];
        if let Some(stamp) = parse_stamp(rest) {
            if stamp.time.is_some() && best.is_none_or(|(b, _)| at > b) {
                best = Some((at, stamp));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        match parse_stamp(s) {
            None => "none".to_string(),
            Some(st) => {
                let d = st
                    .date
                    .map(|d| format!("{:?}-{}-{}", d.year, d.month, d.day))
                    .unwrap_or_else(|| "-".into());
                let t = st
                    .time
                    .map(|t| {
                        let day = st
                            .date
                            .and_then(|d| d.resolve(NaiveDate::from_ymd_opt(2025, 1, 1)))
                            .or_else(|| NaiveDate::from_ymd_opt(2025, 1, 1));
                        let utc = day.and_then(|day| t.to_utc(day));
                        format!(
                            "{:02}:{:02} -> {}",
                            t.hour,
                            t.minute,
                            utc.map(|u| u.format("%Y-%m-%dT%H:%MZ").to_string())
                                .unwrap_or_default()
                        )
                    })
                    .unwrap_or_else(|| "-".into());
                format!("{d} {t}")
            }
        }
    }

    fn check(cases: &[&str], expect: expect_test::Expect) {
        let out: Vec<String> = cases
            .iter()
            .map(|c| format!("{c} => {}", show(c)))
            .collect();
        expect.assert_eq(&out.join("\n"));
    }

    #[test]
    fn stamps_and_zones() {
        check(
            &[
                "20:41 GMT",
                "25 November 2025",
                "Tuesday, 3 March",
                "Nov 26, 2025",
                "Updated 8:41 pm ET, March 10, 2026",
                "09:15 EST 3 Feb 2026",
                "23:30 MSK 1 Jan 2026",
                "12:00 +03:00 5 May 2026",
                "7.05am BST 6 June 2026",
                "2026-04-02T10:30:00+02:00",
                "14:00 CET 20 December 2025",
                "Posted at 16:10 UTC",
                "The vote on 25 November",
                "12.5 million",
                "20:41 Kyiv",
            ],
            expect_test::expect![[r#"
                20:41 GMT => - 20:41 -> 2025-01-01T20:41Z
                25 November 2025 => Some(2025)-11-25 -
                Tuesday, 3 March => None-3-3 -
                Nov 26, 2025 => Some(2025)-11-26 -
                Updated 8:41 pm ET, March 10, 2026 => Some(2026)-3-10 20:41 -> 2026-03-11T00:41Z
                09:15 EST 3 Feb 2026 => Some(2026)-2-3 09:15 -> 2026-02-03T14:15Z
                23:30 MSK 1 Jan 2026 => Some(2026)-1-1 23:30 -> 2026-01-01T20:30Z
                12:00 +03:00 5 May 2026 => Some(2026)-5-5 12:00 -> 2026-05-05T09:00Z
                7.05am BST 6 June 2026 => Some(2026)-6-6 07:05 -> 2026-06-06T06:05Z
                2026-04-02T10:30:00+02:00 => Some(2026)-4-2 10:30 -> 2026-04-02T08:30Z
                14:00 CET 20 December 2025 => Some(2025)-12-20 14:00 -> 2025-12-20T13:00Z
                Posted at 16:10 UTC => - 16:10 -> 2025-01-01T16:10Z
                The vote on 25 November => none
                12.5 million => none
                20:41 Kyiv => none"#]],
        );
    }

    #[test]
    fn relative_and_glued() {
        let rel: Vec<String> = [
            "Updated 3 hours ago",
            "5 mins ago",
            "2h ago",
            "an hour ago",
            "just now",
            "years ago we met",
        ]
        .iter()
        .map(|s| format!("{s} => {:?}", parse_relative(s)))
        .collect();
        expect_test::expect![[r#"
            Updated 3 hours ago => Some(180)
            5 mins ago => Some(5)
            2h ago => Some(120)
            an hour ago => Some(60)
            just now => Some(0)
            years ago we met => None"#]]
        .assert_eq(&rel.join("\n"));
        let line = "Mayor opens the bridgepublished at 09:02 GMT 4 April 2026";
        let (at, st) = glued_stamp(line).expect("glued stamp");
        assert_eq!(&line[..at], "Mayor opens the bridge");
        assert_eq!(st.time.map(|t| (t.hour, t.minute)), Some((9, 2)));
        assert!(glued_stamp("The report was published at last").is_none());
    }
}
