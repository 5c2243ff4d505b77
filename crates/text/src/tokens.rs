//! Word tokens with byte offsets.
//!
//! A token is a run of letters/digits (with inner apostrophes, hyphens, periods of
//! abbreviations and digit separators kept: "Zelensky's" is split as "Zelensky" +
//! "'s", "600,000" and "U.S." stay whole), or a single punctuation character.

use model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenShape {
    /// All lower case letters.
    Lower,
    /// First letter upper case, the rest lower ("Kyiv").
    Capitalized,
    /// All upper case letters, two or more ("NATO").
    Upper,
    /// Mixed case ("McDonald", "iPhone").
    Mixed,
    /// Digits, possibly with separators ("600,000", "2025", "3.5").
    Number,
    /// Letters and digits ("G7", "28-point").
    Alnum,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
    pub shape: TokenShape,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into tokens. Offsets are byte offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            let end = start + c.len_utf8();
            out.push(Token {
                text: &text[start..end],
                span: Span::new(start, end),
                shape: TokenShape::Punct,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, ch)) = chars.peek() {
            if is_word_char(ch) {
                end = i + ch.len_utf8();
                chars.next();
                continue;
            }
            // Inner joiners: one of . , - ' followed by a word character.
            let next = text[i + ch.len_utf8()..].chars().next();
            let next_is_word = next.is_some_and(is_word_char);
            let joins = match ch {
                '-' | '\u{2011}' => next_is_word,
                ',' => {
                    // Digit grouping: 600,000
                    let prev_digit = bytes[end - 1].is_ascii_digit();
                    let rest = &bytes[i + 1..];
                    prev_digit
                        && rest.len() >= 3
                        && rest[..3].iter().all(u8::is_ascii_digit)
                        && rest.get(3).is_none_or(|b| !b.is_ascii_digit())
                }
                '.' => {
                    // 3.5, U.S., a.m.
                    let prev = text[..i].chars().next_back();
                    next_is_word
                        && (prev.is_some_and(|p| p.is_ascii_digit())
                            && next.is_some_and(|n| n.is_ascii_digit())
                            || is_abbrev_run(&text[start..i])
                                && next.is_some_and(|n| n.is_alphabetic()))
                }
                c if is_apostrophe(c) => {
                    // Keep "don't", "O'Brien"; split possessive 's.
                    let after = &text[i + ch.len_utf8()..];
                    let possessive = after.starts_with(['s', 'S'])
                        && after[1..].chars().next().is_none_or(|n| !is_word_char(n));
                    next_is_word && !possessive
                }
                _ => false,
            };
            if !joins {
                break;
            }
            chars.next();
            end = i + ch.len_utf8();
        }
        // A trailing period of a dotted abbreviation ("U.S.") belongs to it.
        if text[end..].starts_with('.')
            && text[start..end].contains('.')
            && is_abbrev_run(&text[start..end])
        {
            end += 1;
            chars.next();
        }
        let tok = &text[start..end];
        out.push(Token {
            text: tok,
            span: Span::new(start, end),
            shape: shape_of(tok),
        });
    }
    out
}

/// True for runs like "U", "U.S", "a.m": single letters separated by periods.
fn is_abbrev_run(s: &str) -> bool {
    s.split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// The shape of a word token.
pub fn shape_of(tok: &str) -> TokenShape {
    let mut upper = 0;
    let mut lower = 0;
    let mut digit = 0;
    let mut first_upper = false;
    for (i, c) in tok.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            if i == 0 {
                first_upper = true;
            }
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        }
    }
    if upper + lower + digit == 0 {
        return TokenShape::Punct;
    }
    if digit > 0 && upper + lower == 0 {
        return TokenShape::Number;
    }
    if digit > 0 {
        return TokenShape::Alnum;
    }
    if upper == 0 {
        TokenShape::Lower
    } else if lower == 0 {
        if upper == 1 {
            TokenShape::Capitalized
        } else {
            TokenShape::Upper
        }
    } else if first_upper && upper == 1 {
        TokenShape::Capitalized
    } else {
        TokenShape::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: expect_test::Expect) {
        let toks: Vec<&str> = tokenize(input).iter().map(|t| t.text).collect();
        expect.assert_eq(&toks.join("|"));
    }

    #[test]
    fn tokens() {
        check(
            "Zelensky's U.S. plan: 600,000 troops, 3.5% (28-point) don't.",
            expect_test::expect![
                "Zelensky|'|s|U.S.|plan|:|600,000|troops|,|3.5|%|(|28-point|)|don't|."
            ],
        );
        check("Kiev\u{2019}s", expect_test::expect!["Kiev|’|s"]);
        check(
            "1,2 and 12,3456",
            expect_test::expect!["1|,|2|and|12|,|3456"],
        );
    }
}
