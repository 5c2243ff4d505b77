//! HTML character references: numeric ones and the named ones that occur in news pages.

/// Decodes the character reference at the start of `s` (which begins with `&`).
/// Returns the character and the number of bytes consumed, or `None` when `s` does
/// not start with a reference we know (the `&` is then kept as text).
pub fn decode_at(s: &[u8]) -> Option<(char, usize)> {
    if s.first() != Some(&b'&') {
        return None;
    }
    if s.get(1) == Some(&b'#') {
        return decode_numeric(s);
    }
    // Named: letters and digits, up to 10 long, then ';' (optional for legacy names).
    let mut end = 1;
    while end < s.len() && end <= 11 && s[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == 1 {
        return None;
    }
    let name = std::str::from_utf8(&s[1..end]).ok()?;
    let has_semi = s.get(end) == Some(&b';');
    if let Some(c) = named(name) {
        if has_semi {
            return Some((c, end + 1));
        }
        if is_legacy(name) {
            return Some((c, end));
        }
        return None;
    }
    if !has_semi {
        // "&copy2019" style: a legacy name as a prefix.
        for len in (2..name.len()).rev() {
            let prefix = &name[..len];
            if is_legacy(prefix) {
                return named(prefix).map(|c| (c, 1 + len));
            }
        }
    }
    None
}

fn decode_numeric(s: &[u8]) -> Option<(char, usize)> {
    let (radix, mut i) = match s.get(2) {
        Some(b'x') | Some(b'X') => (16, 3),
        _ => (10, 2),
    };
    let digits_start = i;
    let mut value: u32 = 0;
    while i < s.len() {
        let d = match (s[i] as char).to_digit(radix) {
            Some(d) => d,
            None => break,
        };
        // Out-of-range values become U+FFFD; saturate instead of overflowing.
        value = value.saturating_mul(radix).saturating_add(d);
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    if s.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match value {
        0 => '\u{fffd}',
        0x80..=0x9f => windows_1252(value),
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    };
    Some((c, i))
}

/// The characters Windows-1252 puts at 0x80..0x9F (browsers map `&#150;` this way).
pub(crate) fn windows_1252(v: u32) -> char {
    match v {
        0x80 => '€',
        0x82 => '‚',
        0x83 => 'ƒ',
        0x84 => '„',
        0x85 => '…',
        0x86 => '†',
        0x87 => '‡',
        0x88 => 'ˆ',
        0x89 => '‰',
        0x8a => 'Š',
        0x8b => '‹',
        0x8c => 'Œ',
        0x8e => 'Ž',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x95 => '•',
        0x96 => '–',
        0x97 => '—',
        0x98 => '˜',
        0x99 => '™',
        0x9a => 'š',
        0x9b => '›',
        0x9c => 'œ',
        0x9e => 'ž',
        0x9f => 'Ÿ',
        _ => '\u{fffd}',
    }
}

/// Names that browsers also accept without the closing semicolon (a common subset).
fn is_legacy(name: &str) -> bool {
    matches!(
        name,
        "amp"
            | "AMP"
            | "lt"
            | "LT"
            | "gt"
            | "GT"
            | "quot"
            | "QUOT"
            | "nbsp"
            | "copy"
            | "COPY"
            | "reg"
            | "REG"
    )
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "shy" => '\u{ad}',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" | "COPY" => '©',
        "reg" | "REG" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "para" => '¶',
        "sect" => '§',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "prime" => '′',
        "Prime" => '″',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "curren" => '¤',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "acute" => '´',
        "uml" => '¨',
        "cedil" => '¸',
        "macr" => '¯',
        "brvbar" => '¦',
        "not" => '¬',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "hyphen" => '‐',
        "dash" => '‐',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Zcaron" => 'Ž',
        "zcaron" => 'ž',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Yuml" => 'Ÿ',
        "circ" => 'ˆ',
        "tilde" => '˜',
        "alpha" => 'α',
        "beta" => 'β',
        "gamma" => 'γ',
        "delta" => 'δ',
        "pi" => 'π',
        "mu" => 'μ',
        "Omega" => 'Ω',
        "star" => '☆',
        "check" => '✓',
        _ => return None,
    })
}

/// Decodes all references in `s` (for attribute values and JSON-LD text).
pub fn decode_str(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut run = 0;
    while i < b.len() {
        if b[i] == b'&' {
            if let Some((c, n)) = decode_at(&b[i..]) {
                out.push_str(&s[run..i]);
                out.push(c);
                i += n;
                run = i;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&s[run..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_numeric_and_legacy() {
        assert_eq!(
            decode_str("a&amp;b &lt;c&gt; &#8220;q&#x201D; &nbsp;&copy2019 &#150; &bogus; & x"),
            "a&b <c> \u{201c}q\u{201d} \u{a0}\u{a9}2019 \u{2013} &bogus; & x"
        );
        assert_eq!(decode_at(b"&ampx"), Some(('&', 4)));
        assert_eq!(decode_at(b"&#"), None);
        assert_eq!(decode_at(b"&#99999999999;"), Some(('\u{fffd}', 14)));
    }
}
