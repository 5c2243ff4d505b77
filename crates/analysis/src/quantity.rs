//! Quantities: numbers in running text with what they count and how they are hedged.
//!
//! Finds digits ("600,000", "3.5", "$2.5bn"), written-out numbers ("seven",
//! "twenty-one", "a dozen", "half a thousand", "two and a half"), scale words
//! ("1 million", "several hundred", "hundreds of"), ranges ("between 19 and 24",
//! "600,000–800,000", "19 to 24"), qualifiers ("more than", "closer to", "up to"),
//! ratios ("by half", "two and a half times", "one-third") and the counted noun
//! after the number, lemmatised ("troops" → "troop", "28-point plan" → "point").
//!
//! Years, calendar dates, clock times, ordinals, list markers and labels
//! ("Article 5") are not quantities: they are left to the time-expression stage.
//!
//! When no noun follows the number, what is counted is read from the same
//! sentence: "the number of plan points was 28" counts points, and an elided
//! noun is taken from the previous quantity of the sentence ("killed seven
//! people, injured more than 20" → 20 people).

use model::{Quantity, QuantityQualifier, Span};
use text::{tokenize, Token, TokenShape};

/// Finds the quantities of `text`, in text order, without overlaps.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let toks = tokenize(text);
    let sentences = text::split_sentences(text);
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match read_quantity(text, &toks, i) {
            Step::Found(q, next) => {
                out.push(q);
                i = next.max(i + 1);
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
    }
    fill_units_from_sentence(text, &toks, &sentences, &mut out);
    out
}

// ---------------------------------------------------------------------------
// Lexicon (general English)
// ---------------------------------------------------------------------------

const ONES: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Scale abbreviations written after digits ("2.5bn", "$3 mn").
const SCALE_SUFFIXES: &[(&str, f64)] = &[
    ("bn", 1e9),
    ("mn", 1e6),
    ("mln", 1e6),
    ("tn", 1e12),
    ("trn", 1e12),
    ("k", 1e3),
    ("m", 1e6),
    ("b", 1e9),
];

/// Vague plural scales: "hundreds of", "thousands of" → (low, high).
const VAGUE_PLURALS: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 99.0),
    ("tens", 20.0, 99.0),
    ("scores", 40.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2e3, 9999.0),
    ("millions", 2e6, 9.99e6),
    ("billions", 2e9, 9.99e9),
];

const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("halves", 0.5),
    ("third", 1.0 / 3.0),
    ("thirds", 1.0 / 3.0),
    ("quarter", 0.25),
    ("quarters", 0.25),
    ("fourth", 0.25),
    ("fourths", 0.25),
    ("fifth", 0.2),
    ("fifths", 0.2),
    ("tenth", 0.1),
    ("tenths", 0.1),
];

const MONTHS: &str = "\
    january february march april may june july august september october november december \
    jan feb mar apr jun jul aug sep sept oct nov dec";

const CLOCK_WORDS: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt",
    "msk", "eet", "eest", "hrs",
];

/// Qualifier phrases (lower case, space separated) read right before a number.
const QUALIFIERS: &[(&str, QuantityQualifier)] = &[
    ("more than", QuantityQualifier::MoreThan),
    ("over", QuantityQualifier::MoreThan),
    ("well over", QuantityQualifier::MoreThan),
    ("just over", QuantityQualifier::MoreThan),
    ("upwards of", QuantityQualifier::MoreThan),
    ("in excess of", QuantityQualifier::MoreThan),
    ("above", QuantityQualifier::MoreThan),
    ("greater than", QuantityQualifier::MoreThan),
    ("higher than", QuantityQualifier::MoreThan),
    ("less than", QuantityQualifier::LessThan),
    ("fewer than", QuantityQualifier::LessThan),
    ("under", QuantityQualifier::LessThan),
    ("just under", QuantityQualifier::LessThan),
    ("below", QuantityQualifier::LessThan),
    ("lower than", QuantityQualifier::LessThan),
    ("at least", QuantityQualifier::AtLeast),
    ("no fewer than", QuantityQualifier::AtLeast),
    ("no less than", QuantityQualifier::AtLeast),
    ("a minimum of", QuantityQualifier::AtLeast),
    ("at most", QuantityQualifier::AtMost),
    ("no more than", QuantityQualifier::AtMost),
    ("not more than", QuantityQualifier::AtMost),
    ("a maximum of", QuantityQualifier::AtMost),
    ("up to", QuantityQualifier::UpTo),
    ("as many as", QuantityQualifier::UpTo),
    ("as much as", QuantityQualifier::UpTo),
    ("about", QuantityQualifier::Approximately),
    ("around", QuantityQualifier::Approximately),
    ("approximately", QuantityQualifier::Approximately),
    ("approx", QuantityQualifier::Approximately),
    ("roughly", QuantityQualifier::Approximately),
    ("nearly", QuantityQualifier::Approximately),
    ("almost", QuantityQualifier::Approximately),
    ("close to", QuantityQualifier::Approximately),
    ("closer to", QuantityQualifier::Approximately),
    ("some", QuantityQualifier::Approximately),
    ("an estimated", QuantityQualifier::Approximately),
    ("estimated", QuantityQualifier::Approximately),
    ("circa", QuantityQualifier::Approximately),
    ("~", QuantityQualifier::Approximately),
];

/// Words that end a counted noun phrase (function words and common verbs).
const NP_STOP: &str = "\
    a an the of in on at to for from by with and or but nor as than that which who whom \
    whose this these those it its they their he his she her we our you your is are was were \
    be been being has have had do does did will would could should may might must can not no \
    so if into onto over under after before since until while when where per each every more \
    less most least also only just even still ago later earlier about around across between \
    through against during within without inside outside toward towards upon via said says \
    say told according then there here now yet all both such what how why up down out off \
    away back too very already again alone instead times percent cent";

/// True for words that end a counted noun phrase.
fn is_np_stop(w: &str) -> bool {
    NP_STOP.split_whitespace().any(|s| s == w)
}

/// Plural nouns that do not end in "s", and nouns with the same form in both numbers.
const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("people", "person"),
    ("persons", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("servicemen", "serviceman"),
    ("servicewomen", "servicewoman"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("personnel", "personnel"),
    ("police", "police"),
    ("staff", "staff"),
    ("aircraft", "aircraft"),
    ("cattle", "cattle"),
    ("sheep", "sheep"),
    ("fish", "fish"),
    ("deer", "deer"),
    ("livestock", "livestock"),
    ("series", "series"),
    ("species", "species"),
    ("news", "news"),
    ("media", "media"),
    ("data", "data"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("leaves", "leaf"),
    ("halves", "half"),
    ("wolves", "wolf"),
    ("shelves", "shelf"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("theses", "thesis"),
];

/// Measurement prefixes kept with their unit ("square kilometre").
const UNIT_PREFIXES: &[&str] = &["square", "cubic", "percentage", "basis"];

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// The singular of an English noun ("troops" → "troop", "people" → "person",
/// "countries" → "country"); words that do not look plural are returned lower-cased.
pub fn singular_noun(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(s) = lookup(IRREGULAR_PLURALS, &w) {
        return s.to_string();
    }
    // Hyphenated compounds inflect their last part ("mini-windows").
    if let Some((head, last)) = w.rsplit_once('-') {
        if !last.is_empty() {
            return format!("{head}-{}", singular_noun(last));
        }
    }
    if !looks_plural(&w) {
        return w;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    for suffix in ["sses", "xes", "ches", "shes", "zzes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    w[..w.len() - 1].to_string()
}

/// True for words shaped like a plural noun ("troops", "people", "mini-windows").
pub fn looks_plural(word: &str) -> bool {
    let w = word.to_lowercase();
    if let Some((_, s)) = IRREGULAR_PLURALS.iter().find(|(p, _)| *p == w) {
        // Invariant nouns count as plural too: "600,000 personnel".
        return *s != w || matches!(*s, "personnel" | "police" | "staff" | "cattle");
    }
    let last = w.rsplit('-').next().unwrap_or(&w);
    last.len() >= 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
        && !last.ends_with("'s")
        && last.chars().all(|c| c.is_alphabetic())
}

// ---------------------------------------------------------------------------
// Number reading
// ---------------------------------------------------------------------------

/// A number read at some token.
#[derive(Debug, Clone)]
struct NumberRead {
    value: f64,
    upper: Option<f64>,
    /// One past the last token of the number.
    end: usize,
    /// End byte of the number text (can be inside the last token for "28-point").
    end_byte: usize,
    /// A fraction ("one-third", "half") or "N times": a relative amount.
    is_ratio: bool,
    /// Vague amounts ("hundreds of", "several hundred") are approximate.
    vague: bool,
    /// Written with digits.
    digits: bool,
    /// A bare "one"/"a" that only counts with a qualifier or scale.
    weak: bool,
    /// A unit glued to the number ("28-point", "5km").
    glued_unit: Option<(String, Span)>,
    /// A scale word or suffix was applied ("1 million", "2.5bn").
    scaled: bool,
}

fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

fn word_at(toks: &[Token], i: usize) -> Option<String> {
    toks.get(i).map(lower)
}

fn parse_digits(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    cleaned.parse::<f64>().ok()
}

/// Splits "28-point" / "2.5bn" / "5km" into the leading number and the rest.
fn split_leading_number(s: &str) -> Option<(f64, &str, usize)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    if end == 0 {
        return None;
    }
    let num = s[..end].trim_end_matches(['.', ',']);
    let v = parse_digits(num)?;
    Some((v, &s[num.len()..], num.len()))
}

/// Reads a scale word at `i` ("million"), returning its factor.
fn scale_at(toks: &[Token], i: usize) -> Option<f64> {
    let w = word_at(toks, i)?;
    lookup(SCALES, &w)
}

/// Reads a written-out number starting at token `i`.
fn read_written(toks: &[Token], i: usize) -> Option<NumberRead> {
    let first = word_at(toks, i)?;
    // "a"/"an" only as "a dozen", "a hundred", "a third", "a quarter".
    let mut j = i;
    let mut current: f64;
    let mut total = 0.0;
    let mut any_scale = false;
    let mut weak = false;
    let mut vague = false;
    let mut upper = None;
    if first == "a" || first == "an" {
        let next = word_at(toks, i + 1)?;
        if next == "dozen" {
            current = 12.0;
            j = i + 2;
        } else if let Some(s) = lookup(SCALES, &next) {
            current = s;
            any_scale = true;
            j = i + 2;
        } else if let Some(f) = lookup(FRACTIONS, &next) {
            if next == "half" {
                return None;
            }
            return Some(ratio_read(f, i + 2, toks));
        } else {
            return None;
        }
    } else if first == "half" {
        // "half a million" = 500,000; "by half", "half of" = ratio 0.5.
        if matches!(word_at(toks, i + 1).as_deref(), Some("a") | Some("an")) {
            if let Some(s) = scale_at(toks, i + 2) {
                let mut r = NumberRead {
                    value: 0.5 * s,
                    upper: None,
                    end: i + 3,
                    end_byte: toks[i + 2].span.end,
                    is_ratio: false,
                    vague: false,
                    digits: false,
                    weak: false,
                    glued_unit: None,
                    scaled: true,
                };
                extend_scales(toks, &mut r);
                return Some(r);
            }
        }
        return Some(ratio_read(0.5, i + 1, toks));
    } else if first == "several" || first == "few" || first == "couple" {
        // "several hundred", "a few thousand": only with a scale word.
        let (lo, hi) = match first.as_str() {
            "several" => (3.0, 9.0),
            "few" => (2.0, 5.0),
            _ => (2.0, 2.0),
        };
        let mut k = i + 1;
        if first == "couple" && word_at(toks, k).as_deref() == Some("of") {
            k += 1;
        }
        let s = scale_at(toks, k)?;
        return Some(NumberRead {
            value: lo * s,
            upper: (hi > lo).then_some(hi * s),
            end: k + 1,
            end_byte: toks[k].span.end,
            is_ratio: false,
            vague: true,
            digits: false,
            weak: false,
            glued_unit: None,
            scaled: true,
        });
    } else if let Some((lo, hi)) = VAGUE_PLURALS
        .iter()
        .find(|(w, _, _)| *w == first)
        .map(|(_, lo, hi)| (*lo, *hi))
    {
        // "hundreds of", "tens of thousands of".
        let mut lo = lo;
        let mut hi = hi;
        let mut k = i + 1;
        if word_at(toks, k).as_deref() == Some("of") {
            if let Some((mult_lo, _, _)) = word_at(toks, k + 1).and_then(|w| {
                VAGUE_PLURALS
                    .iter()
                    .find(|(p, _, _)| *p == w.as_str())
                    .map(|x| (x.1, x.2, ()))
            }) {
                // "tens of thousands": scale the low/high by the base of the second.
                let base = base_of_vague(mult_lo);
                lo *= base;
                hi = (hi + 1.0) * base - 1.0;
                k += 2;
            }
        } else {
            return None;
        }
        return Some(NumberRead {
            value: lo,
            upper: Some(hi),
            end: k,
            end_byte: toks[k - 1].span.end,
            is_ratio: false,
            vague: true,
            digits: false,
            weak: false,
            glued_unit: None,
            scaled: true,
        });
    } else if let Some(f) = fraction_word(&first) {
        // "one-third", "two-thirds", "three-quarters".
        return Some(ratio_read(f, i + 1, toks));
    } else {
        current = 0.0;
    }

    let mut any = j > i;
    let mut last_end_byte = if any { toks[j - 1].span.end } else { 0 };
    while let Some(w) = word_at(toks, j) {
        if let Some(v) = word_number(&w) {
            if any && current % 100.0 != 0.0 && !any_scale {
                break; // "two three" is not one number
            }
            current += v;
            any = true;
        } else if let Some(s) = lookup(SCALES, &w) {
            if !any {
                break;
            }
            if s == 100.0 {
                current = current.max(1.0) * s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            any_scale = true;
        } else if w == "dozen" && any {
            current *= 12.0;
        } else if w == "and" && any {
            // "two and a half", "one hundred and five".
            if word_at(toks, j + 1).as_deref() == Some("a")
                && word_at(toks, j + 2).as_deref() == Some("half")
            {
                current += 0.5;
                last_end_byte = toks[j + 2].span.end;
                j += 3;
                continue;
            }
            if any_scale && word_at(toks, j + 1).and_then(|n| word_number(&n)).is_some() {
                j += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        last_end_byte = toks[j].span.end;
        j += 1;
    }
    if !any {
        return None;
    }
    let value = total + current;
    if value == 1.0 && !any_scale && first == "one" {
        weak = true;
    }
    if first == "a" || first == "an" {
        vague = false;
        upper = None;
    }
    Some(NumberRead {
        value,
        upper,
        end: j,
        end_byte: last_end_byte,
        is_ratio: false,
        vague,
        digits: false,
        weak,
        glued_unit: None,
        scaled: any_scale,
    })
}

fn base_of_vague(lo: f64) -> f64 {
    // thousands → 1e3, millions → 1e6 (their low ends are 2× the base).
    if (24.0..200.0).contains(&lo) {
        1.0
    } else {
        lo / 2.0
    }
}

/// A written number word, including hyphenated tens ("twenty-one").
fn word_number(w: &str) -> Option<f64> {
    if let Some(v) = lookup(ONES, w).or_else(|| lookup(TENS, w)) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let tens = lookup(TENS, a)?;
    let ones = lookup(ONES, b)?;
    (ones < 10.0 && ones > 0.0).then_some(tens + ones)
}

/// "one-third" → 1/3, "two-thirds" → 2/3, "three-quarters" → 3/4.
fn fraction_word(w: &str) -> Option<f64> {
    let (a, b) = w.split_once('-')?;
    let n = lookup(ONES, a)?;
    let d = lookup(FRACTIONS, b)?;
    if b == "half" || b == "halves" {
        return None;
    }
    Some(n * d)
}

fn ratio_read(value: f64, end: usize, toks: &[Token]) -> NumberRead {
    NumberRead {
        value,
        upper: None,
        end,
        end_byte: toks[end - 1].span.end,
        is_ratio: true,
        vague: false,
        digits: false,
        weak: false,
        glued_unit: None,
        scaled: false,
    }
}

/// Applies following scale words ("1 million", "2.5 billion", "one and a half million").
fn extend_scales(toks: &[Token], r: &mut NumberRead) {
    while let Some(s) = scale_at(toks, r.end) {
        r.value *= s;
        if let Some(u) = r.upper.as_mut() {
            *u *= s;
        }
        r.end_byte = toks[r.end].span.end;
        r.end += 1;
        r.scaled = true;
    }
    // Scale abbreviations as their own token: "$3 bn".
    if !r.scaled {
        if let Some(w) = word_at(toks, r.end) {
            if let Some(s) = lookup(SCALE_SUFFIXES, &w) {
                if w.len() >= 2 && w != "km" {
                    r.value *= s;
                    if let Some(u) = r.upper.as_mut() {
                        *u *= s;
                    }
                    r.end_byte = toks[r.end].span.end;
                    r.end += 1;
                    r.scaled = true;
                }
            }
        }
    }
}

/// Reads a number (digits or words) at token `i`.
fn read_number(toks: &[Token], i: usize, currency: bool) -> Option<NumberRead> {
    let t = toks.get(i)?;
    match t.shape {
        TokenShape::Number => {
            // "18-19" is one token: a range.
            let (value, upper) = if let Some((a, b)) = t.text.split_once('-') {
                (parse_digits(a)?, Some(parse_digits(b)?))
            } else {
                (parse_digits(t.text)?, None)
            };
            let mut r = NumberRead {
                value,
                upper,
                end: i + 1,
                end_byte: t.span.end,
                is_ratio: false,
                vague: false,
                digits: true,
                weak: false,
                glued_unit: None,
                scaled: false,
            };
            extend_scales(toks, &mut r);
            Some(r)
        }
        TokenShape::Alnum => {
            let (value, rest, num_len) = split_leading_number(t.text)?;
            let rest_l = rest.to_lowercase();
            if let Some(word) = rest_l.strip_prefix('-') {
                // "28-point", "30-day", "2.5-million".
                if word.is_empty() || !word.chars().all(|c| c.is_alphabetic() || c == '-') {
                    return None;
                }
                let mut r = NumberRead {
                    value,
                    upper: None,
                    end: i + 1,
                    end_byte: t.span.start + num_len,
                    is_ratio: false,
                    vague: false,
                    digits: true,
                    weak: false,
                    glued_unit: None,
                    scaled: false,
                };
                if let Some(s) = lookup(SCALES, word) {
                    r.value *= s;
                    r.scaled = true;
                    r.end_byte = t.span.end;
                    return Some(r);
                }
                if word == "fold" {
                    r.is_ratio = true;
                    r.end_byte = t.span.end;
                    return Some(r);
                }
                let unit_start = t.span.start + num_len + 1;
                r.glued_unit = Some((singular_noun(word), Span::new(unit_start, t.span.end)));
                r.end_byte = t.span.end;
                return Some(r);
            }
            if matches!(
                rest_l.as_str(),
                "st" | "nd" | "rd" | "th" | "s" | "am" | "pm" | "h"
            ) || rest_l.contains(|c: char| c.is_ascii_digit())
            {
                return None; // ordinals, decades, clock times, codes
            }
            if let Some(s) = lookup(SCALE_SUFFIXES, &rest_l) {
                // "2.5bn"; a bare "m"/"k" suffix is a scale for money or before a
                // counted plural ("1.5m people"), otherwise a unit ("100m").
                let plural_next = toks
                    .get(i + 1)
                    .is_some_and(|n| n.shape == TokenShape::Lower && looks_plural(n.text));
                if rest_l.len() >= 2 || currency || plural_next {
                    return Some(NumberRead {
                        value: value * s,
                        upper: None,
                        end: i + 1,
                        end_byte: t.span.end,
                        is_ratio: false,
                        vague: false,
                        digits: true,
                        weak: false,
                        glued_unit: None,
                        scaled: true,
                    });
                }
            }
            if rest_l.chars().all(|c| c.is_ascii_alphabetic()) && rest_l.len() <= 3 {
                // "5km", "10kg": a glued measurement unit.
                let unit_start = t.span.start + num_len;
                return Some(NumberRead {
                    value,
                    upper: None,
                    end: i + 1,
                    end_byte: t.span.end,
                    is_ratio: false,
                    vague: false,
                    digits: true,
                    weak: false,
                    glued_unit: Some((rest_l.clone(), Span::new(unit_start, t.span.end))),
                    scaled: false,
                });
            }
            None
        }
        TokenShape::Lower | TokenShape::Capitalized => {
            if let Some(r) = read_written_compound(t, i) {
                return Some(r);
            }
            let mut r = read_written(toks, i)?;
            if !r.is_ratio {
                extend_scales(toks, &mut r);
            }
            Some(r)
        }
        _ => None,
    }
}

/// "three-day", "twenty-one-point": a written number glued to its unit.
fn read_written_compound(t: &Token, i: usize) -> Option<NumberRead> {
    let w = t.text.to_lowercase();
    // "threefold", "tenfold".
    if let Some(n) = w.strip_suffix("fold").and_then(word_number) {
        return Some(NumberRead {
            value: n,
            upper: None,
            end: i + 1,
            end_byte: t.span.end,
            is_ratio: true,
            vague: false,
            digits: false,
            weak: false,
            glued_unit: None,
            scaled: false,
        });
    }
    let (num, unit) = w.rsplit_once('-')?;
    let value = word_number(num)?;
    // "a one-off payment", "a one-time fee", "a two-way street": idioms, no count.
    const IDIOM_PARTS: &[&str] = &["off", "on", "out", "up", "time", "way", "sided", "shot"];
    if IDIOM_PARTS.contains(&unit) {
        return None;
    }
    if unit.is_empty()
        || !unit.chars().all(|c| c.is_alphabetic())
        || word_number(unit).is_some()
        || lookup(FRACTIONS, unit).is_some()
    {
        return None;
    }
    if unit == "fold" {
        return Some(NumberRead {
            value,
            upper: None,
            end: i + 1,
            end_byte: t.span.end,
            is_ratio: true,
            vague: false,
            digits: false,
            weak: false,
            glued_unit: None,
            scaled: false,
        });
    }
    let unit_start = t.span.start + num.len() + 1;
    Some(NumberRead {
        value,
        upper: None,
        end: i + 1,
        end_byte: t.span.end,
        is_ratio: false,
        vague: false,
        digits: false,
        weak: false,
        glued_unit: Some((singular_noun(unit), Span::new(unit_start, t.span.end))),
        scaled: false,
    })
}

// ---------------------------------------------------------------------------
// Context: what is not a quantity
// ---------------------------------------------------------------------------

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    MONTHS.split_whitespace().any(|m| m == w)
}

/// True when `toks[i..end]` is a day of a calendar date ("November 27", "27 November").
fn is_calendar_day(toks: &[Token], i: usize, r: &NumberRead) -> bool {
    if !r.digits || r.value > 31.0 || r.value.fract() != 0.0 || r.glued_unit.is_some() {
        return false;
    }
    let before = i.checked_sub(1).and_then(|p| word_at(toks, p));
    let after = word_at(toks, r.end);
    before.is_some_and(|w| is_month(&w)) || after.is_some_and(|w| is_month(&w))
}

/// True for a year: four digits, no separators, not counting a plural noun.
fn is_year(toks: &[Token], i: usize, r: &NumberRead) -> bool {
    let t = &toks[i];
    if !r.digits || r.scaled || r.glued_unit.is_some() {
        return false;
    }
    let plain = t.text.len() == 4 && t.text.chars().all(|c| c.is_ascii_digit());
    let range_year = t.text.len() == 9 && t.text.as_bytes().get(4) == Some(&b'-');
    if !(plain || range_year) || !(1000.0..=2200.0).contains(&r.value) {
        return false;
    }
    let next_plural = toks
        .get(r.end)
        .is_some_and(|n| n.shape == TokenShape::Lower && looks_plural(n.text));
    !next_plural
}

/// True for clock times: "22:33", "5 pm", "10 GMT".
fn is_clock(toks: &[Token], i: usize, r: &NumberRead) -> bool {
    if !r.digits {
        return false;
    }
    let next_colon_digit = toks.get(r.end).is_some_and(|t| t.text == ":")
        && toks
            .get(r.end + 1)
            .is_some_and(|t| t.shape == TokenShape::Number);
    let prev_colon_digit = i >= 2
        && toks[i - 1].text == ":"
        && toks[i - 2].shape == TokenShape::Number
        && toks[i - 2].span.end == toks[i - 1].span.start;
    let clock_word = word_at(toks, r.end).is_some_and(|w| CLOCK_WORDS.contains(&w.as_str()));
    next_colon_digit || prev_colon_digit || clock_word
}

/// "24/7", "11/27": numbers joined by slashes are codes or dates.
fn is_slashed(toks: &[Token], i: usize, r: &NumberRead) -> bool {
    let next = toks
        .get(r.end)
        .is_some_and(|t| t.text == "/" && t.span.start == toks[r.end - 1].span.end);
    let prev = i >= 1 && toks[i - 1].text == "/" && toks[i - 1].span.end == toks[i].span.start;
    next || prev
}

/// A number that starts a line and is followed by "." or ")": a list marker.
fn is_list_marker(text: &str, toks: &[Token], i: usize, r: &NumberRead) -> bool {
    if !r.digits || r.end != i + 1 {
        return false;
    }
    let line_start = text[..toks[i].span.start]
        .rsplit('\n')
        .next()
        .is_some_and(|s| s.trim().is_empty());
    line_start
        && toks
            .get(i + 1)
            .is_some_and(|t| t.text == "." || t.text == ")")
}

/// True when token `i` starts its sentence (start of text, after a terminator or a line break).
fn starts_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return true;
    };
    if matches!(
        toks[p].text,
        "." | "!" | "?" | ":" | "\u{201c}" | "\"" | "(" | "\u{2022}"
    ) {
        return true;
    }
    text[toks[p].span.end..toks[i].span.start].contains('\n')
}

/// "Article 5", "Boeing 737": a number right after a capitalised word mid-sentence is a label.
fn is_label(text: &str, toks: &[Token], i: usize, r: &NumberRead) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let prev = &toks[p];
    if !r.digits
        || !matches!(
            prev.shape,
            TokenShape::Capitalized | TokenShape::Upper | TokenShape::Mixed
        )
        || starts_sentence(text, toks, p)
        || is_month(&prev.text.to_lowercase())
    {
        return false;
    }
    !toks
        .get(r.end)
        .is_some_and(|n| n.shape == TokenShape::Lower && looks_plural(n.text))
}

// ---------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------

enum Step {
    Found(Quantity, usize),
    Skip(usize),
}

fn currency_unit(sym: &str) -> Option<&'static str> {
    match sym {
        "$" => Some("dollar"),
        "€" => Some("euro"),
        "£" => Some("pound"),
        "¥" => Some("yen"),
        "₴" => Some("hryvnia"),
        "₽" => Some("ruble"),
        _ => None,
    }
}

/// The qualifier phrase ending right before token `i`: (qualifier, first token).
fn qualifier_before(toks: &[Token], i: usize) -> Option<(QuantityQualifier, usize)> {
    let mut best: Option<(QuantityQualifier, usize)> = None;
    for (phrase, q) in QUALIFIERS {
        let words: Vec<&str> = phrase.split(' ').collect();
        let n = words.len();
        if i < n {
            continue;
        }
        let start = i - n;
        let matches = words
            .iter()
            .enumerate()
            .all(|(k, w)| toks[start + k].text.eq_ignore_ascii_case(w));
        if matches && best.is_none_or(|(_, s)| start < s) {
            best = Some((*q, start));
        }
    }
    best
}

/// A cheap test, without allocating, of whether a quantity can start at `t`.
fn may_start_quantity(t: &Token) -> bool {
    let Some(first) = t.text.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() || currency_unit(t.text).is_some() {
        return true;
    }
    if !first.is_alphabetic() {
        return false;
    }
    // The part before a hyphen ("twenty-one", "three-day", "two-thirds").
    let head = t.text.split('-').next().unwrap_or(t.text);
    let is = |w: &str| head.eq_ignore_ascii_case(w);
    ONES.iter().any(|(w, _)| is(w))
        || TENS.iter().any(|(w, _)| is(w))
        || VAGUE_PLURALS.iter().any(|(w, _, _)| is(w))
        || ["a", "an", "half", "several", "few", "couple"]
            .iter()
            .any(|w| is(w))
        || (head.len() > 4
            && head.is_char_boundary(head.len() - 4)
            && head[head.len() - 4..].eq_ignore_ascii_case("fold"))
}

fn read_quantity(text: &str, toks: &[Token], i: usize) -> Step {
    if !may_start_quantity(&toks[i]) {
        return Step::Skip(i + 1);
    }
    let currency = currency_unit(toks[i].text);
    let num_at = if currency.is_some() { i + 1 } else { i };
    if currency.is_some()
        && toks
            .get(num_at)
            .is_none_or(|t| t.span.start != toks[i].span.end)
    {
        return Step::Skip(i + 1);
    }
    let Some(mut r) = read_number(toks, num_at, currency.is_some()) else {
        return Step::Skip(i + 1);
    };
    // Not quantities: dates, years, clock times, codes, list markers, labels.
    if is_calendar_day(toks, num_at, &r) {
        // Skip a following "–16" of "November 15–16" as well.
        let mut next = r.end;
        if toks.get(next).is_some_and(|t| is_range_dash(t.text))
            && toks
                .get(next + 1)
                .is_some_and(|t| t.shape == TokenShape::Number)
        {
            next += 2;
        }
        return Step::Skip(next);
    }
    if currency.is_none()
        && (is_year(toks, num_at, &r)
            || is_clock(toks, num_at, &r)
            || is_slashed(toks, num_at, &r)
            || is_list_marker(text, toks, num_at, &r)
            || is_label(text, toks, num_at, &r))
    {
        let mut next = r.end;
        if is_clock(toks, num_at, &r) && toks.get(next).is_some_and(|t| t.text == ":") {
            next += 2;
        }
        return Step::Skip(next);
    }
    // "first half of" is not a ratio.
    if r.is_ratio
        && num_at > 0
        && matches!(
            toks[num_at - 1].text.to_lowercase().as_str(),
            "first" | "second" | "last" | "other" | "latter" | "former"
        )
    {
        return Step::Skip(r.end);
    }

    let qualifier = if currency.is_some() {
        qualifier_before(toks, i)
    } else {
        qualifier_before(toks, num_at)
    };
    let mut start_tok = qualifier.map(|(_, s)| s).unwrap_or(i);
    let mut qual = qualifier.map(|(q, _)| q);

    // Ranges: "between 19 and 24", "19 to 24", "600,000–800,000", "two or three".
    let mut upper = r.upper;
    let mut end = r.end;
    let mut end_byte = r.end_byte;
    let between = start_tok > 0 && toks[start_tok - 1].text.eq_ignore_ascii_case("between");
    // "from 12 to 14" reads as a change, unless it spans a range ("ranging from").
    let from = start_tok > 0
        && toks[start_tok - 1].text.eq_ignore_ascii_case("from")
        && !(start_tok > 1
            && matches!(
                toks[start_tok - 2].text.to_lowercase().as_str(),
                "ranging" | "range" | "ranges" | "varying" | "vary" | "varies" | "anywhere"
            ));
    if upper.is_none() && !r.is_ratio && r.glued_unit.is_none() {
        if let Some(link) = word_at(toks, end) {
            let is_link = (between && link == "and")
                || (!between && !from && link == "to")
                || is_range_dash(&link)
                || (link == "or" && !r.digits);
            if is_link {
                let b_cur = currency_unit(toks.get(end + 1).map(|t| t.text).unwrap_or(""));
                let b_at = if b_cur.is_some() { end + 2 } else { end + 1 };
                if let Some(b) = read_number(toks, b_at, b_cur.is_some()) {
                    let mut lo = r.value;
                    // "1 to 2 million": the scale of the upper end applies to both.
                    if b.scaled && !r.scaled && lo < b.value {
                        let scale = b.value / read_number_unscaled(toks, b_at).unwrap_or(b.value);
                        if lo * scale <= b.value {
                            lo *= scale;
                        }
                    }
                    if !b.is_ratio && b.value > lo && !b.weak {
                        r.value = lo;
                        upper = Some(b.value);
                        end = b.end;
                        end_byte = b.end_byte;
                        r.glued_unit = b.glued_unit.clone();
                        r.weak = false;
                        if between {
                            start_tok = start_tok.min(i) - 1;
                        }
                    }
                }
            }
        }
    }
    if r.weak && qual.is_none() && upper.is_none() {
        return Step::Skip(r.end);
    }
    // Trailing qualifiers: "20 or more", "500 or so", "ten or fewer".
    if word_at(toks, end).as_deref() == Some("or") {
        let after = word_at(toks, end + 1);
        let post = match after.as_deref() {
            Some("more") => Some(QuantityQualifier::AtLeast),
            Some("so") => Some(QuantityQualifier::Approximately),
            Some("fewer") | Some("less") => Some(QuantityQualifier::AtMost),
            _ => None,
        };
        if let Some(p) = post {
            // "or more than" is a comparison with another figure, not a qualifier.
            if word_at(toks, end + 2).as_deref() != Some("than") {
                qual = qual.or(Some(p));
                end_byte = toks[end + 1].span.end;
                end += 2;
            }
        }
    }
    // Ratios: "N times", "two and a half times".
    let mut is_ratio = r.is_ratio;
    if !is_ratio && word_at(toks, end).as_deref() == Some("times") {
        is_ratio = true;
        end_byte = toks[end].span.end;
        end += 1;
    }
    // Units.
    let mut unit: Option<(String, Span)> = None;
    if let Some(c) = currency {
        unit = Some((c.to_string(), toks[i].span));
    }
    if let Some(g) = r.glued_unit.clone() {
        unit = Some(g);
    }
    if unit.is_none() {
        if toks.get(end).is_some_and(|t| t.text == "%") {
            unit = Some(("percent".to_string(), toks[end].span));
            end_byte = toks[end].span.end;
            end += 1;
        } else if word_at(toks, end).as_deref() == Some("percent") {
            unit = Some(("percent".to_string(), toks[end].span));
            end += 1;
        } else if word_at(toks, end).as_deref() == Some("per")
            && word_at(toks, end + 1).as_deref() == Some("cent")
        {
            unit = Some((
                "percent".to_string(),
                Span::new(toks[end].span.start, toks[end + 1].span.end),
            ));
            end += 2;
        }
    }
    if unit.is_none() {
        let skip_of = r.vague || is_ratio || r.scaled;
        unit = counted_noun(toks, end, skip_of, is_ratio);
    }
    if r.vague && qual.is_none() {
        qual = Some(QuantityQualifier::Approximately);
    }
    let start_byte = toks[start_tok].span.start;
    let span = Span::new(start_byte, end_byte.max(start_byte));
    let (unit, unit_span) = match unit {
        Some((u, s)) => (Some(u), Some(s)),
        None => (None, None),
    };
    let q = Quantity {
        span,
        text: span.slice(text).to_string(),
        value: r.value,
        upper,
        qualifier: qual.or(Some(QuantityQualifier::Exact)),
        unit,
        unit_span,
        is_ratio,
    };
    Step::Found(q, end)
}

fn read_number_unscaled(toks: &[Token], i: usize) -> Option<f64> {
    let t = toks.get(i)?;
    if t.shape == TokenShape::Number {
        return parse_digits(t.text);
    }
    let w = t.text.to_lowercase();
    word_number(&w)
}

fn is_range_dash(s: &str) -> bool {
    matches!(s, "-" | "\u{2013}")
}

/// The counted noun after a number: the first plural noun, or the last noun of a
/// short run of modifiers ("600,000 peacetime personnel", "one hour").
fn counted_noun(
    toks: &[Token],
    start: usize,
    skip_of: bool,
    is_ratio: bool,
) -> Option<(String, Span)> {
    let mut j = start;
    // "4,000 of its members", "fewer than 2,500 of our 6,300 dockworkers": a part
    // of a definite whole counts what the whole counts.
    let partitive = word_at(toks, j).as_deref() == Some("of")
        && word_at(toks, j + 1).is_some_and(|w| definite_determiner(&w) && w != "that");
    if (skip_of || partitive) && word_at(toks, j).as_deref() == Some("of") {
        j += 1;
        // "one-third of the Donetsk region", "hundreds of its drones".
        while word_at(toks, j).is_some_and(|w| definite_determiner(&w)) {
            j += 1;
        }
        if partitive && toks.get(j).is_some_and(|t| t.shape == TokenShape::Number) {
            j += 1;
        }
    } else if is_ratio {
        return None;
    }
    let mut run: Vec<usize> = Vec::new();
    while let Some(t) = toks.get(j) {
        if run.len() >= 4 {
            break;
        }
        let w = t.text.to_lowercase();
        let wordy = matches!(
            t.shape,
            TokenShape::Lower | TokenShape::Capitalized | TokenShape::Mixed
        ) && t
            .text
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if !wordy || is_np_stop(&w) || is_month(&w) {
            break;
        }
        // A capitalised word is a modifier ("Ukrainian troops") or a name: never the head
        // unless a plural ("3 Americans").
        let is_cap = t.shape != TokenShape::Lower;
        run.push(j);
        if looks_plural(&w) || lookup(IRREGULAR_PLURALS, &w).is_some() {
            break;
        }
        if is_cap && !looks_plural(&w) {
            // Keep looking for a lower-case head.
        }
        j += 1;
    }
    // Choose the head: the first plural, else the last lower-case word.
    let head = run
        .iter()
        .copied()
        .find(|&k| looks_plural(toks[k].text))
        .or_else(|| {
            run.iter()
                .copied()
                .rev()
                .find(|&k| toks[k].shape == TokenShape::Lower)
        })?;
    // Without a plural head, only a short run ending in a noun-like word is trusted
    // ("one hour", "the Ostrava region"), never a verb form ("1 million killed").
    let has_plural = looks_plural(toks[head].text);
    if !has_plural {
        let w = toks[head].text.to_lowercase();
        let verb_like = w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly");
        if verb_like || head != *run.last()? || run.len() > 2 {
            return None;
        }
    }
    let mut name = singular_noun(toks[head].text);
    let mut span = toks[head].span;
    if head > start {
        let prev = &toks[head - 1];
        let pw = prev.text.to_lowercase();
        if UNIT_PREFIXES.contains(&pw.as_str()) {
            name = format!("{pw} {name}");
            span = Span::new(prev.span.start, span.end);
        }
    }
    Some((name, span))
}

/// Fills missing units from the sentence: "the number of X ... N" and elided nouns
/// ("killed seven people, injured more than 20").
fn fill_units_from_sentence(
    text: &str,
    toks: &[Token],
    sentences: &[Span],
    quantities: &mut [Quantity],
) {
    for qi in 0..quantities.len() {
        if quantities[qi].unit.is_some() {
            continue;
        }
        let q_start = quantities[qi].span.start;
        let idx = sentences.partition_point(|s| s.end <= q_start);
        let Some(sent) = sentences.get(idx).filter(|s| s.start <= q_start).copied() else {
            continue;
        };
        if let Some((u, s)) = measure_noun_before(text, toks, sent, q_start) {
            quantities[qi].unit = Some(u);
            quantities[qi].unit_span = Some(s);
            continue;
        }
        if quantities[qi].is_ratio {
            continue;
        }
        // Only within one clause: a semicolon or colon starts a new statement.
        let inherited = quantities[..qi]
            .iter()
            .rev()
            .take_while(|p| {
                p.span.start >= sent.start
                    && !text
                        .get(p.span.end..q_start)
                        .is_some_and(|between| between.contains([';', ':']))
            })
            .find(|p| p.unit.is_some() && !p.is_ratio)
            .map(|p| (p.unit.clone(), p.unit_span));
        if let Some((u, s)) = inherited {
            quantities[qi].unit = u;
            quantities[qi].unit_span = s;
            continue;
        }
        if let Some((u, s)) = subject_of_change_verb(toks, sent, q_start) {
            quantities[qi].unit = Some(u);
            quantities[qi].unit_span = Some(s);
        }
    }
}

/// Verbs that report a count of their subject ("troops fell to 9,500").
const COUNT_VERBS: &str = "rose rise rises fell fall falls grew grow grows increased increase \
    increases decreased decrease decreases dropped drop drops climbed climb climbs reached \
    reach reaches numbered number numbers totalled totaled total totals stood stand stands \
    doubled halved jumped soared plunged declined declines shrank";

/// "Troops fell from 12,000 ...": the plural subject right before a count verb
/// (an adverb may sit between) that shortly precedes the figure.
fn subject_of_change_verb(toks: &[Token], sent: Span, before: usize) -> Option<(String, Span)> {
    let first = toks.partition_point(|t| t.span.start < sent.start);
    let last = toks.partition_point(|t| t.span.start < before);
    let window_start = last.saturating_sub(5).max(first);
    for v in (window_start..last).rev() {
        let w = toks[v].text.to_lowercase();
        if !COUNT_VERBS.split_whitespace().any(|c| c == w) {
            continue;
        }
        let mut s = v.checked_sub(1)?;
        if s > first && toks[s].text.to_lowercase().ends_with("ly") {
            s -= 1;
        }
        if s < first {
            return None;
        }
        let subject = &toks[s];
        let wordy = matches!(subject.shape, TokenShape::Lower | TokenShape::Capitalized);
        if wordy && looks_plural(subject.text) {
            return Some((singular_noun(subject.text), subject.span));
        }
        return None;
    }
    None
}

/// "the number of plan points", "the size of its army" before `before` in `sent`:
/// the measured noun, lemmatised.
fn measure_noun_before(
    _text: &str,
    toks: &[Token],
    sent: Span,
    before: usize,
) -> Option<(String, Span)> {
    let first = toks.partition_point(|t| t.span.start < sent.start);
    let last = toks.partition_point(|t| t.span.start < before);
    let mut found = None;
    for k in first..last {
        let w = toks[k].text.to_lowercase();
        if matches!(
            w.as_str(),
            "number" | "numbers" | "size" | "count" | "total" | "strength" | "headcount"
        ) && word_at(toks, k + 1).as_deref() == Some("of")
        {
            found = Some(k + 2);
        }
    }
    let mut j = found?;
    while j < last
        && word_at(toks, j)
            .is_some_and(|w| definite_determiner(&w) || matches!(w.as_str(), "a" | "an"))
    {
        j += 1;
    }
    let mut head = None;
    while j < last {
        let t = &toks[j];
        let w = t.text.to_lowercase();
        if t.shape != TokenShape::Lower || is_np_stop(&w) {
            break;
        }
        head = Some(j);
        if looks_plural(&w) {
            break;
        }
        j += 1;
    }
    let h = head?;
    Some((singular_noun(toks[h].text), toks[h].span))
}

/// "the", possessives and demonstratives between a figure and what it counts
/// ("hundreds of its drones").
fn definite_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "these" | "those"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn check(input: &str, expect: expect_test::Expect) {
        let mut out = String::new();
        for q in find_quantities(input) {
            let qual = match q.qualifier {
                Some(QuantityQualifier::Exact) | None => String::new(),
                Some(other) => format!(" {other:?}"),
            };
            let upper = q.upper.map(|u| format!("..{u}")).unwrap_or_default();
            let unit = q.unit.as_deref().unwrap_or("-");
            let ratio = if q.is_ratio { " ratio" } else { "" };
            let _ = writeln!(
                out,
                "{:?} = {}{upper}{qual}{ratio} [{unit}]",
                q.text, q.value
            );
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn parts_of_a_whole_and_idioms() {
        check(
            "The guild said about 3,000 of its members were out. Fewer than 1,800 of our \
             5,200 registered deckhands came in, the port said. A one-off payment and a \
             one-time fee were offered; 40 of them stayed home.",
            expect_test::expect![[r#"
                "about 3,000" = 3000 Approximately [member]
                "Fewer than 1,800" = 1800 LessThan [deckhand]
                "5,200" = 5200 [deckhand]
                "40" = 40 [-]
            "#]],
        );
    }

    #[test]
    fn digits_ranges_and_units() {
        check(
            "The ministry said 600,000 peacetime personnel would stay, not 1.5 million. \
             Between 19 and 24 points remain; officials want 700,000–900,000 troops or 12 to 14 brigades.",
            expect_test::expect![[r#"
                "600,000" = 600000 [personnel]
                "1.5 million" = 1500000 [personnel]
                "Between 19 and 24" = 19..24 [point]
                "700,000–900,000" = 700000..900000 [troop]
                "12 to 14" = 12..14 [brigade]
            "#]],
        );
    }

    #[test]
    fn written_numbers_and_qualifiers() {
        check(
            "Raiders fired more than 460 drones and over 20 missiles, killing seven people and injuring at least twenty-one. \
             Nearly a dozen towns and up to 3,000 homes lost power; more than half a thousand pupils stayed home for just under one hour.",
            expect_test::expect![[r#"
                "more than 460" = 460 MoreThan [drone]
                "over 20" = 20 MoreThan [missile]
                "seven" = 7 [person]
                "at least twenty-one" = 21 AtLeast [person]
                "Nearly a dozen" = 12 Approximately [town]
                "up to 3,000" = 3000 UpTo [home]
                "more than half a thousand" = 500 MoreThan [pupil]
                "just under one" = 1 LessThan [hour]
            "#]],
        );
    }

    #[test]
    fn scales_money_and_vague_amounts() {
        check(
            "The fund holds $2.5bn, up from €900 million, and several hundred square kilometres were lost. \
             Hundreds of flats and tens of thousands of residents were affected; the cost may be closer to 1 million.",
            expect_test::expect![[r#"
                "$2.5bn" = 2500000000 [dollar]
                "€900 million" = 900000000 [euro]
                "several hundred" = 300..900 Approximately [square kilometre]
                "Hundreds" = 200..999 Approximately [flat]
                "tens of thousands" = 20000..99999 Approximately [resident]
                "closer to 1 million" = 1000000 Approximately [-]
            "#]],
        );
    }

    #[test]
    fn ratios_and_compounds() {
        check(
            "Bravia would cut its navy by half, or by two and a half times, under the 12-point plan after a three-day summit; \
             nearly one-third of the Ostrava region is held and the budget grew 3 times.",
            expect_test::expect![[r#"
                "half" = 0.5 ratio [-]
                "two and a half times" = 2.5 ratio [-]
                "12-point" = 12 [point]
                "three-day" = 3 [day]
                "nearly one-third" = 0.3333333333333333 Approximately ratio [region]
                "3 times" = 3 ratio [-]
            "#]],
        );
    }

    #[test]
    fn skips_dates_times_years_and_labels() {
        check(
            "1. Talks published at 22:33 GMT 21 November 2025\n\
             On November 15–16, 2024, under Article 5 and in the 2004 vote, \
             teams worked 24/7 with F-16 jets; the 3rd round had 40 delegates and 5 pm was the deadline.",
            expect_test::expect![[r#"
                "40" = 40 [delegate]
            "#]],
        );
    }

    #[test]
    fn number_of_and_changes() {
        check(
            "The number of plan points was no longer 28 but, according to various sources, between 19 and 24.",
            expect_test::expect![[r#"
                "28" = 28 [point]
                "between 19 and 24" = 19..24 [point]
            "#]],
        );
    }

    #[test]
    fn changes_fractions_and_edge_cases() {
        check(
            "Troops fell from 12,000 to 9,500, ranging from 3 to 5 per cent of the force. \
             Two-thirds of voters and a quarter of towns backed it; costs rose threefold to $3 billion. \
             Sales hit 1 to 2 million units, up from 700,000 units in the 1990s, at 5km and 10:30. \
             Some 1.5m people ran 100m; 20 or more towns lost 3 percentage points, or 500 or so homes.",
            expect_test::expect![[r#"
                "12,000" = 12000 [troop]
                "9,500" = 9500 [troop]
                "3 to 5" = 3..5 [percent]
                "Two-thirds" = 0.6666666666666666 ratio [voter]
                "a quarter" = 0.25 ratio [town]
                "threefold" = 3 ratio [-]
                "$3 billion" = 3000000000 [dollar]
                "1 to 2 million" = 1000000..2000000 [unit]
                "700,000" = 700000 [unit]
                "5km" = 5 [km]
                "Some 1.5m" = 1500000 Approximately [person]
                "100m" = 100 [m]
                "20 or more" = 20 AtLeast [town]
                "3" = 3 [percentage point]
                "500 or so" = 500 Approximately [home]
            "#]],
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            "1",
            "$",
            "half",
            "a",
            "between 3 and",
            "İstanbul 3 İİ 5 ½ 12—14 ١٢ 3.5.6 1,2,3 ,,, --- 7-",
            "\u{201c}x\u{201d} 99 bottles\n\n1. list\n2) two",
            "Zero-one two-thirds-of 4-4-2 24/7 9/11 3:2",
        ] {
            let found = find_quantities(text);
            for q in &found {
                assert!(q.span.end <= text.len(), "span inside {text:?}");
            }
        }
    }

    #[test]
    fn random_token_soup_keeps_spans_valid() {
        // A fixed-seed generator: deterministic, no dependency.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let vocab = [
            "between",
            "and",
            "to",
            "from",
            "a",
            "an",
            "half",
            "more",
            "than",
            "up",
            "at",
            "least",
            "over",
            "nearly",
            "closer",
            "one",
            "two",
            "twenty-one",
            "hundred",
            "thousand",
            "million",
            "hundreds",
            "of",
            "tens",
            "several",
            "few",
            "dozen",
            "times",
            "or",
            "so",
            "$",
            "€",
            "%",
            "per",
            "cent",
            "-",
            "\u{2013}",
            ",",
            ".",
            ":",
            "/",
            "\n",
            "12",
            "2025",
            "600,000",
            "2.5bn",
            "5m",
            "28-point",
            "three-day",
            "one-third",
            "November",
            "27",
            "troops",
            "people",
            "the",
            "number",
            "size",
            "its",
            "army",
            "fell",
            "Article",
            "ranging",
            "no",
            "longer",
            "but",
            "was",
            "now",
            "down",
            "1990s",
            "3rd",
        ];
        for _ in 0..1500 {
            let len = 1 + next(14);
            let words: Vec<&str> = (0..len).map(|_| vocab[next(vocab.len())]).collect();
            let text = words.join(" ");
            let found = find_quantities(&text);
            let mut last_end = 0;
            for q in &found {
                assert!(q.span.start >= last_end, "ordered, no overlap in {text:?}");
                assert!(q.span.end <= text.len(), "inside the text {text:?}");
                assert_eq!(q.text, q.span.slice(&text));
                last_end = q.span.end;
            }
        }
    }
}
