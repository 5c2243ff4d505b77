//! Calendar words shared by every stage that reads dates.

/// The month named by `word`: a full English name or its common abbreviation
/// ("November", "Nov", "Nov.", "Sept"), any case.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let m = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The weekday named by `word` in full ("Tuesday"), any case: 1 for Monday to 7 for
/// Sunday. Abbreviations are left out ("sun", "wed" are words).
pub fn weekday_number(word: &str) -> Option<u32> {
    let d = match word.to_ascii_lowercase().as_str() {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some(d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn months() {
        assert_eq!(super::month_number("Nov."), Some(11));
        assert_eq!(super::month_number("SEPT"), Some(9));
        assert_eq!(super::month_number("market"), None);
        assert_eq!(super::weekday_number("TUESDAY"), Some(2));
        assert_eq!(super::weekday_number("wed"), None);
    }
}
