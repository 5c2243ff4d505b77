//! Renders a [`Brief`] for people: terminal text, Markdown, one self-contained
//! HTML page — and JSON for programs. Every item shown carries its outlet and the
//! sentence it came from.

use std::fmt::Write;

use fusion::brief::{contested_spellings, Brief};
use fusion::claims::{Claim, Disagreement, StatedValue, Statement};
use model::Evidence;

mod html;

/// Output formats of `parallax brief`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable summary for the terminal.
    Text,
    /// The full brief as versioned JSON (docs/brief-schema.md).
    Json,
    /// Markdown, for notes and tickets.
    Md,
    /// One self-contained HTML page.
    Html,
}

/// Renders `brief` in `format`.
pub fn render(brief: &Brief, format: Format) -> String {
    match format {
        Format::Json => {
            serde_json::to_string_pretty(brief)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
                + "\n"
        }
        Format::Text => text(brief, false),
        Format::Md => text(brief, true),
        Format::Html => html::page(brief),
    }
}

pub(crate) fn shorten(s: &str, n: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// `text` in quote marks, unless it opens with its own (a direct quote).
pub(crate) fn quoted(text: &str) -> String {
    if opens_with_quote(text) {
        text.to_string()
    } else {
        format!("\u{201c}{text}\u{201d}")
    }
}

/// True when `text` starts with its own quote mark (a sentence that opens with a
/// quote, a direct quote): shown as it is, without a second pair.
pub(crate) fn opens_with_quote(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\'', '\u{2018}', '\u{ab}'])
}

/// A statement's value as a short phrase.
pub(crate) fn value_text(v: &StatedValue) -> String {
    match v {
        StatedValue::Quantity { text, .. } => text.clone(),
        StatedValue::Said { content, .. } => quoted(&shorten(content, 90)),
        StatedValue::Date { value, text, .. } => format!("{value} ({text})"),
        StatedValue::Title { title, .. } => title.clone(),
    }
}

/// A disagreement's heading: what is disputed and the values, without the list of
/// who said each (the sides below show that with the sentences).
pub(crate) fn disagreement_heading(d: &Disagreement) -> String {
    let label = d.summary.split(": ").next().unwrap_or(&d.summary);
    let joiner = if d.kind == fusion::claims::DisagreementKind::ChangedOverTime {
        " → "
    } else {
        " vs "
    };
    let values: Vec<&str> = d
        .sides
        .iter()
        .filter(|s| !s.vague)
        .map(|s| s.value.as_str())
        .collect();
    if values.is_empty() || label == d.summary {
        d.summary.clone()
    } else {
        format!("{label}: {}", values.join(joiner))
    }
}

/// A document's publication time in words: "2025-11-21T22:33Z", "not before
/// 2025-11-19 (linked articles)" for a lower bound, or "time unknown".
pub(crate) fn published_words(d: &fusion::brief::BriefDocument) -> String {
    match (&d.published, d.published_not_before) {
        (Some(p), true) => format!("not before {p} (linked articles)"),
        (Some(p), false) => p.clone(),
        (None, _) => "time unknown".to_string(),
    }
}

/// What a renderer adds after a side's value when it takes no side.
pub(crate) fn vague_note(side: &fusion::claims::DisagreementSide) -> &'static str {
    if side.vague {
        " (vague: fits more than one side)"
    } else {
        ""
    }
}

pub(crate) fn statement_line(s: &Statement) -> String {
    format!(
        "{} — {}: {}",
        value_text(&s.value),
        s.reported_by.display,
        quoted(&shorten(&s.evidence.text, 160))
    )
}

pub(crate) fn evidence_line(e: &Evidence) -> String {
    format!("{}: {}", e.outlet, quoted(&shorten(&e.text, 160)))
}

/// Claims worth showing first: reported by several outlets, or with several statements.
pub(crate) fn key_claims(brief: &Brief, n: usize) -> Vec<&Claim> {
    let mut claims: Vec<&Claim> = brief.claims.iter().collect();
    claims.sort_by(|a, b| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then(b.statements.len().cmp(&a.statements.len()))
            .then(a.id.cmp(&b.id))
    });
    claims
        .into_iter()
        .filter(|c| c.outlets.len() > 1 || c.statements.len() > 1)
        .take(n)
        .collect()
}

fn text(brief: &Brief, md: bool) -> String {
    let mut o = String::new();
    let h1 = |o: &mut String, t: &str| {
        if md {
            let _ = writeln!(o, "\n## {t}\n");
        } else {
            let _ = writeln!(o, "\n{t}\n{}", "─".repeat(t.chars().count()));
        }
    };
    let bullet = if md { "- " } else { "  • " };
    let sub = if md { "  - " } else { "      " };
    // A side's evidence, one level below the side.
    let subsub = if md { "    - " } else { "          " };

    let headline = brief
        .stories
        .first()
        .map(|s| s.headline.as_str())
        .unwrap_or("(no documents)");
    if md {
        let _ = writeln!(o, "# Brief: {headline}");
    } else {
        let _ = writeln!(o, "BRIEF · {headline}");
    }
    let independent = brief.independent_sources.len();
    let _ = writeln!(
        o,
        "{} from {} · {} · {} · {}",
        count(brief.documents.len(), "document", "documents"),
        count(brief.outlets.len(), "outlet", "outlets"),
        count(independent, "independent source", "independent sources"),
        count(brief.stories.len(), "story", "stories"),
        count(brief.disagreements.len(), "disagreement", "disagreements")
    );

    h1(&mut o, "Outlets");
    for d in &brief.documents {
        let repost = d
            .repost_of
            .as_ref()
            .map(|r| format!("  [repost of {r}]"))
            .unwrap_or_default();
        let kind = if d.is_live_blog {
            format!("live blog, {} posts", d.posts)
        } else {
            "article".to_string()
        };
        let _ = writeln!(
            o,
            "{bullet}{} — {} ({kind}; {}){repost}",
            d.outlet,
            shorten(
                d.title
                    .as_deref()
                    .or(d.lede.as_deref())
                    .unwrap_or(&d.origin),
                80
            ),
            published_words(d),
        );
    }
    for g in &brief.independent_sources {
        if !g.repeated_by.is_empty() {
            let _ = writeln!(
                o,
                "{bullet}{} is repeated by {} (counted once)",
                g.outlet,
                g.repeated_by.join(", ")
            );
        }
    }

    if brief.stories.len() > 1 {
        h1(&mut o, "Stories");
        for s in &brief.stories {
            let _ = writeln!(
                o,
                "{bullet}story {}: {} ({})",
                s.id,
                shorten(&s.headline, 90),
                count(s.documents.len(), "document", "documents")
            );
            // Why a story of the same topic stands apart from the others.
            let same_topic = brief
                .stories
                .iter()
                .any(|t| t.id != s.id && t.topic == s.topic);
            if let Some(why) = s.reasons.iter().find(|r| r.starts_with("new story:")) {
                if same_topic {
                    let _ = writeln!(
                        o,
                        "      same topic, kept apart: {}",
                        &why["new story: ".len()..]
                    );
                }
            }
        }
    }

    h1(&mut o, "Disagreements");
    if brief.disagreements.is_empty() {
        let _ = writeln!(o, "{bullet}none found");
    }
    for d in &brief.disagreements {
        disagreement(&mut o, d, bullet, sub, subsub);
    }

    h1(&mut o, "Timeline (event dates from the text)");
    if brief.timeline.is_empty() {
        let _ = writeln!(o, "{bullet}no dated events found");
    }
    for e in &brief.timeline {
        let first = e
            .summary
            .first()
            .map(|s| shorten(&s.text, 150))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "{bullet}{} — {first}  [{}]",
            e.date,
            e.sources.join(", ")
        );
        for c in &e.conflicting {
            let _ = writeln!(
                o,
                "{sub}⚠ {} date it {}: {}",
                c.outlets_other.join(", "),
                c.other_date,
                quoted(&shorten(&c.other.text, 120))
            );
        }
    }

    h1(&mut o, "Key claims");
    let claims = key_claims(brief, 12);
    if claims.is_empty() {
        let _ = writeln!(o, "{bullet}no claim is made by more than one statement");
    }
    for c in claims {
        let _ = writeln!(
            o,
            "{bullet}{} — reported by {}",
            shorten(&c.label, 100),
            c.outlets.join(", ")
        );
        // One line per evidence sentence: two attributions read from one
        // sentence show it once.
        let mut seen: Vec<(&str, model::Span)> = Vec::new();
        for s in &c.statements {
            let at = (s.evidence.doc.as_str(), s.evidence.span);
            if seen.contains(&at) {
                continue;
            }
            seen.push(at);
            let _ = writeln!(o, "{sub}{}", statement_line(s));
            if seen.len() == 4 {
                break;
            }
        }
    }

    h1(&mut o, "Positions");
    if brief.positions.positions.is_empty() {
        let _ = writeln!(o, "{bullet}no stances found");
    }
    for p in brief.positions.positions.iter().take(20) {
        let issue = brief
            .positions
            .issues
            .iter()
            .find(|i| i.id == p.issue)
            .map(|i| i.label.as_str())
            .unwrap_or(&p.issue);
        let mixed = if p.mixed { " (mixed)" } else { "" };
        let _ = writeln!(
            o,
            "{bullet}{} {:?}{mixed} — {}",
            p.actor,
            p.stance,
            shorten(issue, 60)
        );
        if p.mixed {
            // One line per stance, in the order they were stated.
            let mut shown: Vec<model::Stance> = Vec::new();
            for s in &p.statements {
                if !shown.contains(&s.stance) {
                    shown.push(s.stance);
                    let _ = writeln!(o, "{sub}{:?}: {}", s.stance, evidence_line(&s.evidence));
                }
            }
        } else if let Some(s) = p.statements.first() {
            let _ = writeln!(o, "{sub}{}", evidence_line(&s.evidence));
        }
    }

    h1(&mut o, "Framing");
    let contested = contested_spellings(&brief.entities);
    for e in contested.iter().take(10) {
        let forms: Vec<String> = e
            .spellings
            .iter()
            .map(|s| {
                let who: Vec<String> = s.outlets.iter().map(|(o, n)| format!("{o} ×{n}")).collect();
                format!("“{}” ({})", s.form, who.join(", "))
            })
            .collect();
        let _ = writeln!(o, "{bullet}{}: {}", e.name, forms.join("; "));
    }
    for f in &brief.framing {
        let mut parts = Vec::new();
        if !f.spellings.is_empty() {
            let sp: Vec<String> = f
                .spellings
                .iter()
                .take(4)
                .map(|s| {
                    s.forms
                        .iter()
                        .map(|fc| fc.form.clone())
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .collect();
            parts.push(format!("writes {}", sp.join(", ")));
        }
        if !f.loaded_terms.is_empty() {
            let lt: Vec<String> = f
                .loaded_terms
                .iter()
                .take(5)
                .map(|l| format!("“{}” ×{}", l.term, l.count))
                .collect();
            parts.push(format!("loaded terms {}", lt.join(", ")));
        }
        if f.quotes.total > 0 {
            let top: Vec<String> = f
                .sources
                .iter()
                .take(3)
                .map(|s| format!("{} ×{}", s.name, s.count))
                .collect();
            parts.push(format!(
                "{} attributions ({:.0}% direct), most quoted: {}",
                f.quotes.total,
                f.quotes.direct_share * 100.0,
                top.join(", ")
            ));
        }
        if !f.exclusive_claims.is_empty() {
            parts.push(format!(
                "{} claims no other outlet reports",
                f.exclusive_claims.len()
            ));
        }
        let _ = writeln!(
            o,
            "{bullet}{}: {}",
            f.outlet,
            if parts.is_empty() {
                "—".to_string()
            } else {
                parts.join("; ")
            }
        );
    }

    h1(&mut o, "Who said what");
    let by_speaker = speakers(&brief.quotes);
    let _ = writeln!(
        o,
        "{bullet}{} attributions from {} speakers (parallax quotes lists them all){}",
        brief.quotes.len(),
        by_speaker.len(),
        if by_speaker.is_empty() {
            ""
        } else {
            "; most quoted:"
        }
    );
    for (_, qs) in by_speaker.iter().take(5) {
        let mut by_outlet: Vec<(&str, usize)> = Vec::new();
        for q in qs {
            match by_outlet.iter_mut().find(|(o, _)| *o == q.outlet) {
                Some((_, n)) => *n += 1,
                None => by_outlet.push((&q.outlet, 1)),
            }
        }
        by_outlet.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let outlets: Vec<String> = by_outlet.iter().map(|(o, n)| format!("{o} {n}")).collect();
        let _ = writeln!(
            o,
            "{sub}{}: {} ({})",
            qs[0].speaker,
            qs.len(),
            outlets.join(", ")
        );
    }
    for q in brief
        .quotes
        .iter()
        .filter(|q| q.kind == model::AttributionKind::Direct)
        .take(8)
    {
        // A direct quote's content carries its own quote marks.
        let _ = writeln!(
            o,
            "{bullet}{} ({}): {}",
            q.speaker,
            q.outlet,
            shorten(&q.content, 140)
        );
    }
    o
}

/// The attributed statements grouped by speaker, most statements first, on a tie
/// the speaker met first: (speaker key, statements). A named speaker is matched
/// across outlets and spellings by its key (a person by surname); a description
/// ("a senior official", keyed `~…`) is one speaker only within one outlet.
/// Unattributed statements and unresolved pronouns are left out.
pub(crate) fn speakers(
    quotes: &[fusion::brief::BriefQuote],
) -> Vec<(&str, Vec<&fusion::brief::BriefQuote>)> {
    let mut rows: Vec<((&str, &str), Vec<&fusion::brief::BriefQuote>)> = Vec::new();
    for q in quotes.iter().filter(|q| !q.speaker_key.is_empty()) {
        let outlet = if q.speaker_key.starts_with('~') {
            q.outlet.as_str()
        } else {
            ""
        };
        let key = (q.speaker_key.as_str(), outlet);
        match rows.iter_mut().find(|(k, _)| *k == key) {
            Some((_, qs)) => qs.push(q),
            None => rows.push((key, vec![q])),
        }
    }
    rows.sort_by_key(|(_, qs)| std::cmp::Reverse(qs.len()));
    rows.into_iter().map(|((k, _), qs)| (k, qs)).collect()
}

fn disagreement(o: &mut String, d: &Disagreement, bullet: &str, sub: &str, subsub: &str) {
    let _ = writeln!(
        o,
        "{bullet}{} [{}]",
        disagreement_heading(d),
        d.kind.label()
    );
    for side in &d.sides {
        let _ = writeln!(
            o,
            "{sub}{}{} — {}",
            side.value,
            vague_note(side),
            side.outlets.join(", ")
        );
        for s in side.statements.iter().take(2) {
            let _ = writeln!(
                o,
                "{subsub}{}: {}",
                s.reported_by.display,
                quoted(&shorten(&s.evidence.text, 150))
            );
        }
    }
}

/// "1 story", "2 stories".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod quoting_tests {
    use super::quoted;

    #[test]
    fn a_direct_quote_keeps_its_own_marks() {
        assert_eq!(quoted("\"We will win,\""), "\"We will win,\"");
        assert_eq!(quoted("“We will win”"), "“We will win”");
        assert_eq!(quoted("that the plan is dead"), "“that the plan is dead”");
    }

    #[test]
    fn markdown_nests_a_sides_evidence_under_the_side() {
        use fusion::claims::{
            Disagreement, DisagreementKind, DisagreementSide, ReportedBy, StatedValue, Statement,
        };
        let statement = |outlet: &str, text: &str| Statement {
            evidence: model::Evidence {
                doc: "d".to_string(),
                outlet: outlet.to_string(),
                post: None,
                span: model::Span::new(0, 10),
                text: text.to_string(),
            },
            reported_by: ReportedBy {
                outlet: outlet.to_string(),
                source: None,
                via: None,
                display: outlet.to_string(),
            },
            value: StatedValue::Date {
                value: "2026-03-02".to_string(),
                end_value: None,
                text: "Monday".to_string(),
            },
        };
        let side = |value: &str, outlet: &str, text: &str| DisagreementSide {
            value: value.to_string(),
            outlets: vec![outlet.to_string()],
            relative: false,
            vague: false,
            statements: vec![statement(outlet, text)],
        };
        let d = Disagreement {
            id: "disagreement-1".to_string(),
            kind: DisagreementKind::ConflictingDates,
            claims: Vec::new(),
            summary: "strike began: 2026-03-02 vs 2026-03-03".to_string(),
            sides: vec![
                side("2026-03-02", "Lark", "The strike began on Monday."),
                side("2026-03-03", "Quay News", "The strike began on Tuesday."),
            ],
        };
        let mut o = String::new();
        super::disagreement(&mut o, &d, "- ", "  - ", "    - ");
        let lines: Vec<&str> = o.lines().collect();
        assert!(lines[0].starts_with("- "), "{o}");
        assert_eq!(lines[1], "  - 2026-03-02 — Lark", "{o}");
        assert_eq!(lines[2], "    - Lark: “The strike began on Monday.”", "{o}");
        assert_eq!(
            lines[4], "    - Quay News: “The strike began on Tuesday.”",
            "{o}"
        );
    }

    #[test]
    fn an_evidence_sentence_opening_with_a_quote_gets_no_second_pair() {
        let e = model::Evidence {
            doc: "d".to_string(),
            outlet: "Lark".to_string(),
            post: None,
            span: model::Span::new(0, 10),
            text: "“We will sail again,” the union said.".to_string(),
        };
        assert_eq!(
            super::evidence_line(&e),
            "Lark: “We will sail again,” the union said."
        );
        assert_eq!(
            crate::html::quote_html("“We will sail,” she said."),
            "“We will sail,” she said."
        );
        assert_eq!(
            crate::html::quote_html("The ferry sailed."),
            "<q>The ferry sailed.</q>"
        );
    }
}
