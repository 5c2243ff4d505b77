//! One self-contained HTML page: no external assets, no scripts needed to read it.

use std::fmt::Write;

use fusion::brief::{contested_spellings, Brief};

use crate::{disagreement_heading, key_claims, shorten, value_text};

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{--ink:#1d2433;--muted:#5b6475;--line:#dfe3ea;--bg:#f7f8fb;--card:#fff;--warn:#b42318;--warnbg:#fef3f2;--ok:#067647;--accent:#3538cd}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--ink);color:#fff;padding:20px 32px}header h1{margin:0 0 6px;font-size:22px}header p{margin:0;color:#c9cfdb}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;z-index:2}nav a{margin-right:16px;color:var(--accent);text-decoration:none;font-weight:600}
main{padding:16px 32px;max-width:1300px}section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0}
h2{margin:0 0 12px;font-size:18px}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f8;font-size:13px}.muted{color:var(--muted)}.tag{display:inline-block;padding:1px 8px;border-radius:99px;background:#eef0ff;color:var(--accent);font-size:12px;margin-right:4px}
.warn{color:var(--warn)}.dis{border-left:4px solid var(--warn);background:var(--warnbg);padding:10px 14px;margin:10px 0;border-radius:6px}
.side{margin:6px 0 6px 8px}.ev{color:var(--muted);font-size:13px;margin-left:14px}.ev q{color:var(--ink)}
.tl{border-left:3px solid var(--accent);margin-left:8px;padding-left:16px}.tl .date{font-weight:700}.tl .item{margin:0 0 12px}
.matrix td.cell{text-align:center}.yes{background:#ecfdf3;color:var(--ok);font-weight:700}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px}.card h3{margin:0 0 6px;font-size:15px}
.grid{margin-bottom:8px}.grid td.cell{text-align:center;font-size:13px}.grid a{color:inherit;text-decoration:none}
.grid .pos{background:#ecfdf3;color:var(--ok);font-weight:600}.grid .neg{background:var(--warnbg);color:var(--warn);font-weight:600}.grid .ask{background:#fffaeb;color:#b54708;font-weight:600}
"#;

fn evidence_html(o: &mut String, outlet: &str, text: &str) {
    let _ = write!(
        o,
        "<div class=ev>{}: {}</div>",
        esc(outlet),
        quote_html(&shorten(text, 240))
    );
}

/// A sentence in quotation marks (`<q>`), unless it opens with its own.
pub(crate) fn quote_html(text: &str) -> String {
    if crate::opens_with_quote(text) {
        esc(text)
    } else {
        format!("<q>{}</q>", esc(text))
    }
}

/// Most issues the positions grid shows as columns.
const GRID_ISSUES: usize = 8;

/// The actors × issues grid: the issues two actors or more take a stance on are the
/// columns (most actors first, at most [`GRID_ISSUES`]), every actor with a stance
/// on one of them is a row, and each cell shows the stance and links to its
/// evidence below. Nothing when no issue has two actors.
fn positions_grid(o: &mut String, t: &fusion::positions::PositionTable) {
    let mut columns: Vec<(&fusion::positions::Issue, usize)> = t
        .issues
        .iter()
        .map(|i| (i, t.positions.iter().filter(|p| p.issue == i.id).count()))
        .filter(|(_, actors)| *actors >= 2)
        .collect();
    // Stable: on a tie, the issue met first.
    columns.sort_by_key(|c| std::cmp::Reverse(c.1));
    columns.truncate(GRID_ISSUES);
    if columns.is_empty() {
        return;
    }
    let mut actors: Vec<&str> = Vec::new();
    for p in &t.positions {
        if columns.iter().any(|(i, _)| i.id == p.issue) && !actors.contains(&p.actor.as_str()) {
            actors.push(&p.actor);
        }
    }
    o.push_str("<table class=grid><tr><th>Actor</th>");
    for (i, _) in &columns {
        let _ = write!(o, "<th>{}</th>", esc(&shorten(&i.label, 40)));
    }
    o.push_str("</tr>");
    for actor in actors {
        let _ = write!(o, "<tr><td>{}</td>", esc(actor));
        for (i, _) in &columns {
            let found = t
                .positions
                .iter()
                .enumerate()
                .find(|(_, p)| p.actor == actor && p.issue == i.id);
            match found {
                Some((n, p)) => {
                    let class = match p.stance {
                        model::Stance::Rejects | model::Stance::Denies => "neg",
                        model::Stance::Demands | model::Stance::Warns => "ask",
                        model::Stance::Claims => "",
                        model::Stance::Proposes
                        | model::Stance::Supports
                        | model::Stance::Accepts => "pos",
                    };
                    let _ = write!(
                        o,
                        "<td class=\"cell {class}\"><a href=\"#pos-{n}\">{:?}{}</a></td>",
                        p.stance,
                        if p.mixed { " (mixed)" } else { "" }
                    );
                }
                None => o.push_str("<td class=cell></td>"),
            }
        }
        o.push_str("</tr>");
    }
    o.push_str("</table><p class=muted>Each stance links to its evidence below.</p>");
}

/// Most speakers the who-said-what table shows.
const SPEAKER_ROWS: usize = 30;

/// Who said what: one row per speaker (matched across outlets and spellings),
/// most attributions first, with how many each outlet gives them, how the
/// sentences name them, and their statements behind a disclosure (no script).
fn speakers_table(o: &mut String, quotes: &[fusion::brief::BriefQuote], outlets: &[&str]) {
    let rows = crate::speakers(quotes);
    if rows.is_empty() {
        o.push_str("<p class=muted>No attributed statements found.</p>");
        return;
    }
    let shown = rows.len().min(SPEAKER_ROWS);
    o.push_str("<table class=matrix><tr><th>Speaker</th>");
    for name in outlets {
        let _ = write!(o, "<th>{}</th>", esc(name));
    }
    o.push_str("<th>Named as</th><th>Statements</th></tr>");
    for (_, qs) in &rows[..shown] {
        let _ = write!(o, "<tr><td>{}</td>", esc(&qs[0].speaker));
        for name in outlets {
            let n = qs.iter().filter(|q| q.outlet == *name).count();
            if n == 0 {
                o.push_str("<td class=cell>·</td>");
            } else {
                let _ = write!(o, "<td class='cell yes'>{n}</td>");
            }
        }
        let mut forms: Vec<&str> = Vec::new();
        for q in qs {
            if !forms.contains(&q.source.as_str()) {
                forms.push(&q.source);
            }
        }
        let forms: Vec<String> = forms.iter().take(4).map(|f| shorten(f, 60)).collect();
        let _ = write!(
            o,
            "<td class=muted>{}</td><td><details><summary>{} ({} direct)</summary>",
            esc(&forms.join(" · ")),
            qs.len(),
            qs.iter()
                .filter(|q| q.kind == model::AttributionKind::Direct)
                .count()
        );
        for q in qs.iter().take(6) {
            evidence_html(o, &q.outlet, &q.evidence.text);
        }
        o.push_str("</details></td></tr>");
    }
    o.push_str("</table>");
    if rows.len() > shown {
        let _ = write!(
            o,
            "<p class=muted>{} more speakers; <code>parallax quotes</code> lists every attribution.</p>",
            rows.len() - shown
        );
    }
}

/// The whole page.
pub fn page(b: &Brief) -> String {
    let mut o = String::with_capacity(64 * 1024);
    let headline = b
        .stories
        .first()
        .map(|s| s.headline.as_str())
        .unwrap_or("Brief");
    let _ = write!(
        o,
        "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content='width=device-width,initial-scale=1'>\
         <title>Parallax brief — {}</title><style>{STYLE}</style></head><body>",
        esc(headline)
    );
    let _ = write!(
        o,
        "<header><h1>{}</h1><p>{} documents · {} outlets · {} independent sources · {} disagreements · schema {}</p></header>",
        esc(headline),
        b.documents.len(),
        b.outlets.len(),
        b.independent_sources.len(),
        b.disagreements.len(),
        esc(b.schema)
    );
    o.push_str("<nav><a href=#disagreements>Disagreements</a><a href=#timeline>Timeline</a><a href=#matrix>Outlets × claims</a><a href=#positions>Positions</a><a href=#framing>Framing</a><a href=#speakers>Who said what</a><a href=#sources>Sources</a></nav><main>");

    // Disagreements
    o.push_str("<section id=disagreements><h2>Where outlets disagree</h2>");
    if b.disagreements.is_empty() {
        o.push_str("<p class=muted>No disagreements found.</p>");
    }
    for d in &b.disagreements {
        let _ = write!(
            o,
            "<div class=dis><b>{}</b> <span class=tag>{}</span>",
            esc(&disagreement_heading(d)),
            d.kind.label()
        );
        for side in &d.sides {
            let _ = write!(
                o,
                "<div class=side><b>{}</b>{} — {}",
                esc(&side.value),
                esc(crate::vague_note(side)),
                esc(&side.outlets.join(", "))
            );
            for s in side.statements.iter().take(3) {
                evidence_html(&mut o, &s.reported_by.display, &s.evidence.text);
            }
            o.push_str("</div>");
        }
        o.push_str("</div>");
    }
    o.push_str("</section>");

    // Timeline
    o.push_str("<section id=timeline><h2>Timeline <span class=muted>(event dates read from the text)</span></h2><div class=tl>");
    if b.timeline.is_empty() {
        o.push_str("<p class=muted>No dated events found.</p>");
    }
    for e in &b.timeline {
        let _ = write!(o, "<div class=item><div class=date>{}</div>", e.date);
        for s in e.summary.iter().take(3) {
            let outlets: Vec<&str> = s.evidence.iter().map(|ev| ev.outlet.as_str()).collect();
            let _ = write!(
                o,
                "<div>{} <span class=muted>— {}</span></div>",
                esc(&shorten(&s.text, 300)),
                esc(&outlets.join(", "))
            );
        }
        for c in &e.conflicting {
            let _ = write!(
                o,
                "<div class=warn>⚠ {} date this {}: {}</div>",
                esc(&c.outlets_other.join(", ")),
                c.other_date,
                quote_html(&shorten(&c.other.text, 200))
            );
        }
        o.push_str("</div>");
    }
    o.push_str("</div></section>");

    // Outlets × claims matrix
    let claims = key_claims(b, 25);
    let outlets: Vec<&str> = b.outlets.iter().map(|o| o.name.as_str()).collect();
    o.push_str(
        "<section id=matrix><h2>Outlets × key claims</h2><table class=matrix><tr><th>Claim</th>",
    );
    for name in &outlets {
        let _ = write!(o, "<th>{}</th>", esc(name));
    }
    o.push_str("</tr>");
    for c in &claims {
        let _ = write!(o, "<tr><td>{}</td>", esc(&shorten(&c.label, 120)));
        for name in &outlets {
            let vals: Vec<String> = c
                .statements
                .iter()
                .filter(|s| s.reported_by.outlet == *name)
                .map(|s| value_text(&s.value))
                .collect();
            if vals.is_empty() {
                o.push_str("<td class=cell>·</td>");
            } else {
                let mut uniq = vals.clone();
                uniq.dedup();
                let _ = write!(
                    o,
                    "<td class='cell yes' title='{}'>{}</td>",
                    esc(&vals.join(" | ")),
                    esc(&shorten(&uniq.join("; "), 60))
                );
            }
        }
        o.push_str("</tr>");
    }
    o.push_str("</table></section>");

    // Positions
    o.push_str("<section id=positions><h2>Positions (actors × issues)</h2>");
    if b.positions.positions.is_empty() {
        o.push_str("<p class=muted>No stances found.</p>");
    } else {
        positions_grid(&mut o, &b.positions);
        o.push_str("<table><tr><th>Actor</th><th>Issue</th><th>Stance</th><th>Evidence</th></tr>");
        for (n, p) in b.positions.positions.iter().enumerate() {
            let issue = b
                .positions
                .issues
                .iter()
                .find(|i| i.id == p.issue)
                .map(|i| i.label.as_str())
                .unwrap_or(&p.issue);
            let _ = write!(
                o,
                "<tr id=pos-{n}><td>{}</td><td>{}</td><td>{:?}{}</td><td>",
                esc(&p.actor),
                esc(issue),
                p.stance,
                if p.mixed {
                    " <span class=warn>(mixed)</span>"
                } else {
                    ""
                }
            );
            for s in p.statements.iter().take(2) {
                evidence_html(&mut o, &s.reported_by.display, &s.evidence.text);
            }
            o.push_str("</td></tr>");
        }
        o.push_str("</table>");
    }
    o.push_str("</section>");

    // Framing
    o.push_str("<section id=framing><h2>Framing by outlet</h2>");
    let contested = contested_spellings(&b.entities);
    if !contested.is_empty() {
        o.push_str("<table><tr><th>Name</th><th>Spellings by outlet</th></tr>");
        for e in contested {
            let forms: Vec<String> = e
                .spellings
                .iter()
                .map(|s| {
                    let who: Vec<String> =
                        s.outlets.iter().map(|(o, n)| format!("{o} ×{n}")).collect();
                    format!("<b>{}</b> ({})", esc(&s.form), esc(&who.join(", ")))
                })
                .collect();
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td></tr>",
                esc(&e.name),
                forms.join("<br>")
            );
        }
        o.push_str("</table>");
    }
    o.push_str("<div class=cards>");
    for f in &b.framing {
        let _ = write!(o, "<div class=card><h3>{}</h3>", esc(&f.outlet));
        if !f.spellings.is_empty() {
            let sp: Vec<String> = f
                .spellings
                .iter()
                .map(|s| {
                    s.forms
                        .iter()
                        .map(|fc| format!("{} ×{}", fc.form, fc.count))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect();
            let _ = write!(o, "<div><b>Spellings:</b> {}</div>", esc(&sp.join("; ")));
        }
        if !f.loaded_terms.is_empty() {
            let lt: Vec<String> = f
                .loaded_terms
                .iter()
                .map(|l| format!("“{}” ×{}", l.term, l.count))
                .collect();
            let _ = write!(o, "<div><b>Loaded terms:</b> {}</div>", esc(&lt.join(", ")));
        }
        let _ = write!(
            o,
            "<div><b>Attributions:</b> {} ({:.0}% direct)</div>",
            f.quotes.total,
            f.quotes.direct_share * 100.0
        );
        if !f.sources.is_empty() {
            let top: Vec<String> = f
                .sources
                .iter()
                .take(5)
                .map(|s| format!("{} ×{}", s.name, s.count))
                .collect();
            let _ = write!(o, "<div><b>Quotes most:</b> {}</div>", esc(&top.join(", ")));
        }
        if !f.exclusive_claims.is_empty() {
            let labels: Vec<String> = f
                .exclusive_claims
                .iter()
                .filter_map(|id| b.claims.iter().find(|c| &c.id == id))
                .take(5)
                .map(|c| shorten(&c.label, 80))
                .collect();
            let _ = write!(
                o,
                "<div><b>Only here:</b> {}</div>",
                esc(&labels.join(" · "))
            );
        }
        o.push_str("</div>");
    }
    o.push_str("</div></section>");

    // Who said what
    o.push_str("<section id=speakers><h2>Who said what</h2>");
    speakers_table(&mut o, &b.quotes, &outlets);
    o.push_str("</section>");

    // Sources
    o.push_str("<section id=sources><h2>Documents and independent sources</h2><table><tr><th>Outlet</th><th>Title</th><th>Published</th><th>Kind</th><th>Lineage</th></tr>");
    for d in &b.documents {
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&d.outlet),
            esc(d
                .title
                .as_deref()
                .or(d.lede.as_deref())
                .unwrap_or(&d.origin)),
            esc(&crate::published_words(d)),
            if d.is_live_blog {
                format!("live blog, {} posts", d.posts)
            } else {
                "article".into()
            },
            d.repost_of
                .as_ref()
                .map(|r| format!("<span class=warn>repost of {}</span>", esc(r)))
                .unwrap_or_default()
        );
    }
    o.push_str("</table></section></main></body></html>\n");
    o
}

#[cfg(test)]
mod tests {
    /// A statement as the brief lists it, for the speaker-table tests.
    fn brief_quote(
        outlet: &str,
        source: &str,
        speaker: &str,
        key: &str,
        kind: model::AttributionKind,
        evidence: &str,
    ) -> fusion::brief::BriefQuote {
        fusion::brief::BriefQuote {
            outlet: outlet.to_string(),
            source: source.to_string(),
            speaker: speaker.to_string(),
            speaker_key: key.to_string(),
            via: None,
            cue: None,
            kind,
            stance: None,
            content: "the levy".to_string(),
            evidence: model::Evidence {
                doc: "d".into(),
                outlet: outlet.to_string(),
                post: None,
                span: model::Span::default(),
                text: evidence.to_string(),
            },
        }
    }

    #[test]
    fn the_positions_grid_shows_issues_two_actors_take_a_stance_on() {
        use fusion::positions::{Issue, Position, PositionTable};
        use model::Stance;
        let issue = |id: &str, label: &str| Issue {
            id: id.to_string(),
            label: label.to_string(),
            terms: Vec::new(),
        };
        let position = |actor: &str, issue: &str, stance: Stance, mixed: bool| Position {
            actor: actor.to_string(),
            actor_key: actor.to_lowercase(),
            issue: issue.to_string(),
            stance,
            mixed,
            statements: Vec::new(),
        };
        let table = PositionTable {
            issues: vec![
                issue("issue-1", "port levy"),
                issue("issue-2", "night shifts"),
            ],
            actors: Vec::new(),
            positions: vec![
                position("Brenland", "issue-1", Stance::Rejects, false),
                position("Brenland", "issue-2", Stance::Demands, false),
                position("Varnia", "issue-1", Stance::Accepts, true),
            ],
        };
        let mut o = String::new();
        super::positions_grid(&mut o, &table);
        // One column (only the levy has two actors), a row per actor, and each
        // cell links to its row of evidence.
        let cells: Vec<&str> = o.split("<td").skip(1).collect();
        assert!(
            o.contains("<th>port levy</th>") && !o.contains("night shifts"),
            "{o}"
        );
        assert_eq!(cells.len(), 4, "{o}");
        assert!(
            cells[1].contains("class=\"cell neg\"><a href=\"#pos-0\">Rejects</a>"),
            "{o}"
        );
        assert!(
            cells[3].contains("class=\"cell pos\"><a href=\"#pos-2\">Accepts (mixed)</a>"),
            "{o}"
        );
        // No issue with two actors: no grid.
        let mut o = String::new();
        let one = PositionTable {
            positions: table.positions[..2].to_vec(),
            ..table
        };
        super::positions_grid(&mut o, &one);
        assert!(o.is_empty(), "{o}");
    }

    #[test]
    fn speakers_are_rows_matched_across_outlets_with_counts_per_outlet() {
        use model::AttributionKind;
        let quote = |outlet: &str, source: &str, speaker: &str, key: &str, kind| {
            brief_quote(
                outlet,
                source,
                speaker,
                key,
                kind,
                &format!("{source} said the levy would stay."),
            )
        };
        let quotes = vec![
            quote(
                "Quay News",
                "Mara Quill",
                "Mara Quill",
                "quill",
                AttributionKind::Indirect,
            ),
            quote(
                "Lantern Post",
                "Edda Korr",
                "Edda Korr",
                "korr",
                AttributionKind::Direct,
            ),
            quote(
                "Lantern Post",
                "Quill, who leads the union",
                "Mara Quill",
                "quill",
                AttributionKind::Direct,
            ),
            quote(
                "Quay News",
                "(unattributed)",
                "(unattributed)",
                "",
                AttributionKind::Indirect,
            ),
        ];
        let mut o = String::new();
        super::speakers_table(&mut o, &quotes, &["Lantern Post", "Quay News"]);
        let rows: Vec<&str> = o.split("<tr>").skip(2).collect();
        // Mara Quill first (two statements, one per outlet), both spellings shown;
        // the unattributed statement is nobody's row.
        assert_eq!(rows.len(), 2, "{o}");
        assert!(
            rows[0].starts_with(
                "<td>Mara Quill</td><td class='cell yes'>1</td><td class='cell yes'>1</td>"
            ),
            "{o}"
        );
        assert!(
            rows[0].contains("Mara Quill · Quill, who leads the union"),
            "{o}"
        );
        assert!(rows[0].contains("<summary>2 (1 direct)</summary>"), "{o}");
        assert!(
            rows[1]
                .starts_with("<td>Edda Korr</td><td class='cell yes'>1</td><td class=cell>·</td>"),
            "{o}"
        );
        let mut o = String::new();
        super::speakers_table(&mut o, &quotes[3..], &["Quay News"]);
        assert!(o.contains("No attributed statements"), "{o}");
    }

    #[test]
    fn a_description_is_one_speaker_per_outlet_and_every_text_is_escaped() {
        use model::AttributionKind;
        let quote = |outlet: &str, source: &str, key: &str| {
            let evidence = format!("{source} said <the> levy & 'more'.");
            brief_quote(
                outlet,
                source,
                source,
                key,
                AttributionKind::Indirect,
                &evidence,
            )
        };
        let quotes = vec![
            quote("Quay <News>", "a senior official", "~a senior official"),
            quote("Lantern & Post", "a senior official", "~a senior official"),
            quote("Lantern & Post", "O'Hara <Jr>", "o'hara"),
        ];
        let mut o = String::new();
        super::speakers_table(&mut o, &quotes, &["Lantern & Post", "Quay <News>"]);
        // Two officials of two outlets are two rows; O'Hara is a third.
        assert_eq!(o.split("<tr>").count() - 2, 3, "{o}");
        for raw in ["<News>", "<Jr>", "<the>", "Lantern & Post", "O'Hara"] {
            assert!(!o.contains(raw), "unescaped {raw}: {o}");
        }
        assert!(
            o.contains("O&#39;Hara &lt;Jr&gt;") && o.contains("Quay &lt;News&gt;"),
            "{o}"
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
