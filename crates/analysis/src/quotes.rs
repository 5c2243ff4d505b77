//! Quote regions: pairs of quote marks in any style (“ ” " " ‘ ’ ' ' « » „ “),
//! found paragraph by paragraph, with quotes that run over paragraphs chained.

use model::Span;

/// One quoted stretch of text, quote marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote {
    /// From the opening mark to just after the closing mark (or to the end of
    /// the paragraph when the quote continues into the next one).
    pub span: Span,
    /// False when the paragraph ended before the quote closed.
    pub closed: bool,
    /// The quote continues in this later quote (the next paragraph re-opens it).
    pub continues: Option<usize>,
    /// True for quotes continued from an earlier paragraph.
    pub is_continuation: bool,
}

fn is_double_open(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{ab}' | '\u{201e}')
}

fn is_double_close(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{bb}')
}

/// The paragraphs of `text`: its non-empty lines, trimmed (clean text puts each
/// paragraph on its own line).
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    text::sentences::lines(text)
}

/// Finds the quote regions of `text` (top level only: a quote inside a quote is
/// part of the outer one).
pub(crate) fn find_quotes(text: &str, paras: &[Span]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    for para in paras {
        let s = para.slice(text);
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        // (byte offset of the opening mark, is double)
        let mut open: Option<(usize, bool)> = None;
        let mut skip = 0usize;
        for (k, &(i, c)) in chars.iter().enumerate() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let prev = k.checked_sub(1).map(|p| chars[p].1);
            let mut next = chars.get(k + 1).map(|x| x.1);
            let mut c = c;
            let mut mark_len = c.len_utf8();
            // Two apostrophes or two back-ticks stand for a double quote mark.
            if (c == '\'' && next == Some('\'')) || (c == '`' && next == Some('`')) {
                c = if c == '`' { '\u{201c}' } else { '"' };
                mark_len = 2;
                skip = 1;
                // "…'We'll bomb them,'''": an inner single quote closing with the
                // outer double one.
                if c == '"'
                    && open.is_some_and(|(_, double)| double)
                    && chars.get(k + 2).is_some_and(|x| x.1 == '\'')
                {
                    mark_len = 3;
                    skip = 2;
                }
                next = chars.get(k + skip + 1).map(|x| x.1);
            }
            let prev_is_boundary = prev.is_none_or(|p| {
                p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':')
            });
            let next_is_word = next.is_some_and(|n| n.is_alphanumeric());
            let next_is_text = next.is_some_and(|n| !n.is_whitespace());
            let abs = para.start + i;
            match open {
                None => {
                    let opens = if is_double_open(c) {
                        true
                    } else if c == '\u{201d}' {
                        // A wrong-way ” opening a paragraph or following a space;
                        // at a paragraph's start also before a space or an
                        // ellipsis when another ” closes it later ("” … what I
                        // learned …,” he said.").
                        ((prev_is_boundary
                            || prev.is_some_and(|p| p.is_control() || p == '\u{202a}'))
                            && next_is_word)
                            || (k == 0 && s[i + mark_len..].contains('\u{201d}'))
                    } else if c == '"' {
                        next_is_text
                    } else if c == '\u{2018}' || c == '\u{2039}' {
                        prev_is_boundary && next_is_text
                    } else if c == '\'' {
                        prev_is_boundary && next_is_word
                    } else {
                        false
                    };
                    if opens {
                        open = Some((abs, !matches!(c, '\u{2018}' | '\u{2039}' | '\'')));
                    }
                }
                Some((start, double)) => {
                    let closes = if double {
                        is_double_close(c)
                            || c == '"'
                            // A wrong-way “ used as a closing mark: “It is,“ said Ann.
                            || (c == '\u{201c}'
                                && prev.is_some_and(|p| !p.is_whitespace())
                                && !next_is_word)
                    } else {
                        matches!(c, '\u{2019}' | '\'' | '\u{203a}')
                            && !next_is_word
                            && prev.is_some_and(|p| !p.is_whitespace())
                    };
                    if closes {
                        let end = abs + mark_len;
                        out.push(Quote {
                            span: Span::new(start, end),
                            closed: true,
                            continues: None,
                            is_continuation: false,
                        });
                        open = None;
                    }
                }
            }
        }
        if let Some((start, true)) = open {
            out.push(Quote {
                span: Span::new(start, para.end),
                closed: false,
                continues: None,
                is_continuation: false,
            });
        }
    }
    // Chain unclosed quotes with the quote opening the next paragraph.
    for k in 0..out.len() {
        if out[k].closed {
            continue;
        }
        let end = out[k].span.end;
        let Some(pi) = paras.iter().position(|p| p.end == end) else {
            continue;
        };
        let Some(next_para) = paras.get(pi + 1) else {
            continue;
        };
        if let Some(j) = out.iter().position(|q| q.span.start == next_para.start) {
            out[k].continues = Some(j);
            out[j].is_continuation = true;
        }
    }
    out
}
