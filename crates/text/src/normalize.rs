//! Character-level normalisation: what each odd character becomes in clean text.

/// What to do with one input character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharFix {
    Keep,
    /// Becomes (collapsible) white space.
    Space,
    /// Removed (zero-width and control characters, soft hyphens).
    Drop,
    /// Replaced by this string.
    Replace(&'static str),
}

/// Decides how a character appears in clean text. Quotes keep their direction:
/// low and guillemet quotes become the curly English pair, so quote pairing can
/// still tell opening from closing marks.
pub fn normalize_char(ch: char) -> CharFix {
    match ch {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => {
            CharFix::Space
        }
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => CharFix::Drop,
        '\r' => CharFix::Drop,
        c if c.is_control() && c != '\n' => CharFix::Drop,
        '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{2033}' => CharFix::Replace("\u{201c}"),
        '\u{bb}' => CharFix::Replace("\u{201d}"),
        '\u{201a}' | '\u{201b}' | '\u{2039}' => CharFix::Replace("\u{2018}"),
        '\u{203a}' | '\u{2032}' | '\u{b4}' => CharFix::Replace("\u{2019}"),
        '\u{ff02}' => CharFix::Replace("\""),
        '\u{2028}' | '\u{2029}' | '\u{85}' => CharFix::Space,
        '\u{2212}' => CharFix::Replace("-"),
        '\u{2010}' | '\u{2011}' => CharFix::Replace("-"),
        '\u{2026}' => CharFix::Replace("..."),
        _ => CharFix::Keep,
    }
}

/// Normalises a whole string (no offset map); white space runs are collapsed to one
/// space, newlines kept.
pub fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match normalize_char(ch) {
            CharFix::Keep => {
                if ch == '\n' {
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    out.push('\n');
                } else if ch.is_whitespace() {
                    if !out.ends_with([' ', '\n']) && !out.is_empty() {
                        out.push(' ');
                    }
                } else {
                    out.push(ch);
                }
            }
            CharFix::Space => {
                if !out.ends_with([' ', '\n']) && !out.is_empty() {
                    out.push(' ');
                }
            }
            CharFix::Drop => {}
            CharFix::Replace(r) => out.push_str(r),
        }
    }
    out
}

/// Folds a name for matching across spellings: lowercase ASCII letters, with
/// diacritics removed for Latin letters and punctuation dropped.
pub fn fold_for_match(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        let c = match ch {
            'à'..='å' | 'À'..='Å' | 'ā' | 'Ā' => 'a',
            'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => 'c',
            'è'..='ë' | 'È'..='Ë' | 'ē' | 'ě' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' | 'ī' => 'i',
            'ñ' | 'Ñ' | 'ń' => 'n',
            'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' | 'ū' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'š' | 'Š' | 'ś' | 'ş' => 's',
            'ž' | 'Ž' | 'ź' | 'ż' => 'z',
            'ł' | 'Ł' => 'l',
            'ğ' => 'g',
            'ı' | 'İ' => 'i',
            c if c.is_alphanumeric() => {
                for l in c.to_lowercase() {
                    out.push(l);
                }
                continue;
            }
            ' ' | '-' => ' ',
            _ => continue,
        };
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_spaces_and_quotes() {
        assert_eq!(
            normalize_text("a\u{a0}\u{a0}b \u{ab}c\u{bb}"),
            "a b \u{201c}c\u{201d}"
        );
        assert_eq!(normalize_text("x\u{200b}y"), "xy");
    }

    #[test]
    fn folds_names() {
        assert_eq!(fold_for_match("Erdoğan"), "erdogan");
        assert_eq!(fold_for_match("Zelenskyy's"), "zelenskyys");
    }
}
