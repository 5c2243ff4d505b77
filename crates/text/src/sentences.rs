//! Rule-based sentence splitting for English news text.
//!
//! A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or
//! brackets) when the next non-space character starts a new sentence (an upper-case
//! letter, a digit, an opening quote), unless the period belongs to a known
//! abbreviation or an initial. Paragraph breaks (blank lines) always end a sentence,
//! and so do single newlines (clean text puts list items and headings on their own
//! lines).

use model::Span;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "mt", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no",
    "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "est", "fig", "pres", "rev", "hon",
    "ft", "dept", "univ", "assn", "bros", "ave", "blvd", "rd",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return false;
    }
    // Single letters are initials ("Donald J. Trump").
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = w.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}'
    )
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\'' | '\u{2022}' | '-' | '\u{2014}'
        )
}

/// Splits `text` into sentence spans (trimmed of surrounding white space).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '\n' {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Swallow repeated terminators and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?') || is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let Some(next) = rest.chars().find(|c| *c != ' ') else {
            continue;
        };
        if !rest.starts_with([' ', '\n']) {
            continue;
        }
        if next != '\n' && !starts_sentence(next) {
            continue;
        }
        if c == '.' {
            let word = text[start..i].rsplit([' ', '\n', '(']).next().unwrap_or("");
            if is_abbreviation(word) && next != '\n' {
                // "Mr. Smith", "U.S. officials": not an end unless the abbreviation
                // is a month or "U.S" followed by a clearly new sentence is too rare to guess.
                continue;
            }
        }
        push_trimmed(text, start, end, &mut out);
        start = end;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The non-empty lines of `text`, trimmed of surrounding white space.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: expect_test::Expect) {
        let parts: Vec<&str> = split_sentences(input)
            .iter()
            .map(|s| s.slice(input))
            .collect();
        expect.assert_eq(&parts.join("|"));
    }

    #[test]
    fn splits_news_sentences() {
        check(
            "Mr. Smith met U.S. officials on Nov. 3. They agreed. \"Good,\" he said. Then 5 left.",
            expect_test::expect![[
                r#"Mr. Smith met U.S. officials on Nov. 3.|They agreed.|"Good," he said.|Then 5 left."#
            ]],
        );
        check(
            "He said: \u{201c}We agree.\u{201d} Later Donald J. Trump spoke.\n\nNew para",
            expect_test::expect!["He said: “We agree.”|Later Donald J. Trump spoke.|New para"],
        );
    }

    #[test]
    fn lines_are_trimmed_and_blank_ones_dropped() {
        let text = "  First line \n\n\t\nSecond. Still second\n last";
        let got: Vec<&str> = lines(text).iter().map(|s| s.slice(text)).collect();
        expect_test::expect![[r#"["First line", "Second. Still second", "last"]"#]]
            .assert_eq(&format!("{got:?}"));
    }
}
