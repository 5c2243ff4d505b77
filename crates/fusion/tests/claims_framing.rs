//! Claims, disagreements, positions and framing over invented multi-outlet
//! mini-stories, plus a run over the shared seed pages when they are present.

use std::fmt::Write as _;

use expect_test::{expect, Expect};
use fusion::claims::{build_claims, ClaimSet, DocInput, StatedValue};
use fusion::framing::{framing, name_key};
use fusion::positions::positions;
use model::{
    Attribution, AttributionKind, AttributionSource, Document, DocumentAnalysis, Entity,
    EntityKind, InputFormat, Mention, OffsetMap, Span, Stance, TimeAnchor, Timex, TimexType,
};

// ---------------------------------------------------------------------------
// Fixture: documents and hand-built analyses from short strings
// ---------------------------------------------------------------------------

/// A story under construction: each `doc` adds a document; `said` and `date` add
/// hand-made attributions and timexes to the last document (found by substring).
#[derive(Default)]
struct Story {
    docs: Vec<(Document, DocumentAnalysis, String)>,
}

fn find_span(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("fixture text lacks {needle:?}"));
    Span::new(start, start + needle.len())
}

fn document(id: &str, text: &str) -> Document {
    Document {
        id: id.to_string(),
        origin: format!("{id}.txt"),
        url: None,
        format: InputFormat::Text,
        outlet: None,
        title: None,
        authors: Vec::new(),
        published: None,
        language: Some("en".to_string()),
        credited_source: None,
        is_live_blog: false,
        text: text.to_string(),
        offsets: OffsetMap::default(),
        posts: Vec::new(),
        diagnostics: Vec::new(),
    }
}

impl Story {
    fn doc(mut self, outlet: &str, text: &str) -> Story {
        let id = format!("doc{}", self.docs.len() + 1);
        let analysis = DocumentAnalysis {
            sentences: text::split_sentences(text),
            quantities: analysis::quantity::find_quantities(text),
            ..DocumentAnalysis::default()
        };
        self.docs
            .push((document(&id, text), analysis, outlet.to_string()));
        self
    }

    fn said(
        mut self,
        source: &str,
        content: &str,
        kind: AttributionKind,
        stance: Option<Stance>,
    ) -> Story {
        let (doc, analysis, _) = self.docs.last_mut().expect("said() after doc()");
        let content_span = find_span(&doc.text, content);
        // A capitalised source of two words or more ("Anna Koval") is a person.
        let entity = (source.starts_with(char::is_uppercase) && source.contains(' ')).then(|| {
            analysis.entities.push(Entity {
                name: source.to_string(),
                kind: EntityKind::Person,
                roles: Vec::new(),
                aliases: vec![source.to_string()],
                key: source.to_lowercase(),
            });
            analysis.entities.len() - 1
        });
        analysis.attributions.push(Attribution {
            source: Some(AttributionSource {
                span: Some(find_span(&doc.text, source)),
                text: source.to_string(),
                entity,
                is_descriptor: source.starts_with(|c: char| c.is_lowercase()),
            }),
            cue: None,
            cue_text: None,
            content: vec![content_span],
            content_text: content.to_string(),
            kind,
            stance,
            via: None,
        });
        self
    }

    /// Makes the last attribution's source a group named by an adjective
    /// ("Brenish allies": an entity of kind Other, as the recogniser gives it).
    fn named_by_adjective(mut self) -> Story {
        let (_, analysis, _) = self
            .docs
            .last_mut()
            .expect("named_by_adjective() after said()");
        let entity = analysis
            .attributions
            .last()
            .and_then(|a| a.source.as_ref())
            .and_then(|s| s.entity);
        if let Some(e) = entity.and_then(|e| analysis.entities.get_mut(e)) {
            e.kind = EntityKind::Other;
        }
        self
    }

    /// Sets the cue of the last attribution to the first occurrence of `cue`.
    fn cue(mut self, cue: &str) -> Story {
        let (doc, analysis, _) = self.docs.last_mut().expect("cue() after said()");
        let span = find_span(&doc.text, cue);
        if let Some(a) = analysis.attributions.last_mut() {
            a.cue = Some(span);
            a.cue_text = Some(cue.to_string());
        }
        self
    }

    /// Marks every occurrence of `name` in the last document as a person with the
    /// given title.
    fn person(mut self, name: &str, title: &str) -> Story {
        let (doc, analysis, _) = self.docs.last_mut().expect("person() after doc()");
        let entity = analysis.entities.len();
        analysis.entities.push(Entity {
            name: name.to_string(),
            kind: EntityKind::Person,
            roles: vec![title.to_string()],
            aliases: vec![name.to_string()],
            key: name.to_lowercase(),
        });
        for (start, _) in doc.text.match_indices(name) {
            analysis.mentions.push(Mention {
                span: Span::new(start, start + name.len()),
                text: name.to_string(),
                kind: EntityKind::Person,
                entity,
                is_pronoun: false,
            });
        }
        self
    }

    /// Marks every occurrence of `name` in the last document as a place.
    fn place(mut self, name: &str) -> Story {
        let (doc, analysis, _) = self.docs.last_mut().expect("place() after doc()");
        let entity = analysis.entities.len();
        analysis.entities.push(Entity {
            name: name.to_string(),
            kind: EntityKind::Location,
            roles: Vec::new(),
            aliases: vec![name.to_string()],
            key: name.to_lowercase(),
        });
        for (start, _) in doc.text.match_indices(name) {
            analysis.mentions.push(Mention {
                span: Span::new(start, start + name.len()),
                text: name.to_string(),
                kind: EntityKind::Location,
                entity,
                is_pronoun: false,
            });
        }
        self
    }

    fn date(mut self, written: &str, value: &str) -> Story {
        let (doc, analysis, _) = self.docs.last_mut().expect("date() after doc()");
        analysis.timexes.push(Timex {
            span: find_span(&doc.text, written),
            text: written.to_string(),
            kind: TimexType::Date,
            value: value.to_string(),
            end_value: None,
            anchor: TimeAnchor {
                kind: model::AnchorKind::None,
                value: None,
            },
        });
        self
    }

    fn inputs(&self) -> Vec<DocInput<'_>> {
        self.docs
            .iter()
            .map(|(doc, analysis, outlet)| DocInput {
                doc,
                analysis,
                outlet: outlet.clone(),
            })
            .collect()
    }
}

fn short(s: &str) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() > 70 {
        let cut: String = s.chars().take(67).collect();
        format!("{cut}...")
    } else {
        s
    }
}

fn value_text(v: &StatedValue) -> String {
    match v {
        StatedValue::Quantity { text, role, .. } => format!("{text:?} {role:?}"),
        StatedValue::Said { stance, .. } => format!("said {stance:?}"),
        StatedValue::Date { value, .. } => format!("date {value}"),
        StatedValue::Title { title, .. } => format!("title {title}"),
    }
}

/// Renders claims stated by two or more statements, and every disagreement.
fn render_claims(set: &ClaimSet) -> String {
    let mut out = String::new();
    for c in &set.claims {
        if c.statements.len() < 2 {
            continue;
        }
        let _ = writeln!(out, "{} {:?} [{}]", c.id, c.kind, c.label);
        for s in &c.statements {
            let _ = writeln!(
                out,
                "  {} <{}> {}",
                value_text(&s.value),
                s.reported_by.display,
                short(&s.evidence.text)
            );
        }
    }
    for d in &set.disagreements {
        let _ = writeln!(out, "{} {:?} {:?}: {}", d.id, d.kind, d.claims, d.summary);
        if std::env::var("PARALLAX_DUMP").is_ok() {
            for side in &d.sides {
                let _ = writeln!(out, "    side {}", side.value);
                for s in &side.statements {
                    let _ = writeln!(
                        out,
                        "      {} <{}> {}",
                        value_text(&s.value),
                        s.reported_by.display,
                        short(&s.evidence.text)
                    );
                }
            }
        }
    }
    out
}

fn check(story: Story, expect: Expect) {
    let inputs = story.inputs();
    expect.assert_eq(&render_claims(&build_claims(&inputs)));
}

fn check_framing(story: Story, expect: Expect) {
    let inputs = story.inputs();
    let mut out = String::new();
    for p in framing(&inputs) {
        let _ = writeln!(out, "{} ({} docs)", p.outlet, p.documents);
        for s in &p.spellings {
            let forms: Vec<String> = s
                .forms
                .iter()
                .map(|f| format!("{}x{}", f.form, f.count))
                .collect();
            let _ = writeln!(
                out,
                "  spelling {}: {} (others: {})",
                s.key,
                forms.join(" "),
                s.others_use.join(" ")
            );
        }
        for t in &p.loaded_terms {
            let _ = writeln!(out, "  loaded {:?} {:?} x{}", t.category, t.term, t.count);
        }
        for s in &p.sources {
            let _ = writeln!(
                out,
                "  source {} x{} (direct {}, indirect {})",
                s.name, s.count, s.direct, s.indirect
            );
        }
        let _ = writeln!(
            out,
            "  quotes {} direct share {:.2}; exclusive claims {}",
            p.quotes.total,
            p.quotes.direct_share,
            p.exclusive_claims.len()
        );
    }
    expect.assert_eq(&out);
}

// ---------------------------------------------------------------------------
// Invented stories
// ---------------------------------------------------------------------------

/// The story's positions table, one line per row that `row` makes of a position.
fn position_rows(
    story: &Story,
    row: impl Fn(&fusion::positions::Position) -> Vec<String>,
) -> String {
    positions(&story.inputs())
        .positions
        .iter()
        .flat_map(row)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn army_size_figures_conflict_across_outlets() {
    check(
        Story::default()
            .doc(
                "Northern Post",
                "Under the accord, Varnia agreed to cap the size of its army at 250,000, according to senior diplomats.",
            )
            .doc(
                "Harbour Times",
                "Varnia rejected a proposed limit of 150,000 personnel on its military and wants that number to be closer to 300,000.",
            )
            .doc(
                "Daily Ledger",
                "The draft would make Varnia reduce the size of its armed forces by half, according to The Chronicle. \
                 Separately, rebels lost more than 2,000 soldiers in the spring fighting.",
            ),
        expect![[r#"
            claim-1 Quantity [personnel: cap, draft, number, rejected]
              "250,000" Stated <Northern Post citing senior diplomats> Under the accord, Varnia agreed to cap the size of its army at 250,...
              "150,000" Stated <Harbour Times> Varnia rejected a proposed limit of 150,000 personnel on its milita...
              "closer to 300,000" Stated <Harbour Times> Varnia rejected a proposed limit of 150,000 personnel on its milita...
              "half" Stated <Daily Ledger citing The Chronicle> The draft would make Varnia reduce the size of its armed forces by ...
            disagreement-1 ConflictingValues ["claim-1"]: personnel: 150,000 personnel (Harbour Times) vs 250,000 army (Northern Post citing senior diplomats) vs closer to 300,000 personnel (Harbour Times) vs half (ratio) (Daily Ledger citing The Chronicle)
        "#]],
    );
}

#[test]
fn a_reported_change_is_not_a_contradiction() {
    check(
        Story::default()
            .doc("Alpha", "The leaked 14-point plan was sent to Ostrava on Monday.")
            .doc(
                "Beta",
                "After the talks the number of plan points was no longer 14 but, by some accounts, between 9 and 11.",
            )
            .doc("Gamma", "Officials said the plan's 14 points would be published."),
        expect![[r#"
            claim-1 Quantity [point: plan, accounts, number, talks]
              "14-point" Stated <Alpha> The leaked 14-point plan was sent to Ostrava on Monday.
              "14" Previous <Beta> After the talks the number of plan points was no longer 14 but, by ...
              "between 9 and 11" Updated <Beta> After the talks the number of plan points was no longer 14 but, by ...
              "14" Stated <Gamma> Officials said the plan's 14 points would be published.
            disagreement-1 ChangedOverTime ["claim-1"]: point: 14 point (Alpha; Beta; Gamma) -> between 9 and 11 point (Beta)
        "#]],
    );
}

#[test]
fn was_now_and_down_from_are_changes() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "The garrison was 4,000 soldiers last spring and now numbers 2,500 soldiers after the withdrawal.",
            )
            .doc(
                "Beta",
                "After the withdrawal the garrison numbers 2,500 soldiers, down from 4,000 soldiers.",
            )
            .doc("Gamma", "The garrison of 4,000 soldiers held the fort before the withdrawal."),
        expect![[r#"
            claim-1 Quantity [soldier: garrison, withdrawal, numbers, spring]
              "4,000" Previous <Alpha> The garrison was 4,000 soldiers last spring and now numbers 2,500 s...
              "2,500" Updated <Alpha> The garrison was 4,000 soldiers last spring and now numbers 2,500 s...
              "2,500" Updated <Beta> After the withdrawal the garrison numbers 2,500 soldiers, down from...
              "4,000" Previous <Beta> After the withdrawal the garrison numbers 2,500 soldiers, down from...
              "4,000" Stated <Gamma> The garrison of 4,000 soldiers held the fort before the withdrawal.
            disagreement-1 ChangedOverTime ["claim-1"]: soldier: 4,000 soldier (Alpha; Beta; Gamma) -> 2,500 soldier (Alpha; Beta)
        "#]],
    );
}

#[test]
fn tolls_in_different_places_are_different_claims() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "An overnight drone attack on Tarsk killed five people.",
            )
            .place("Tarsk")
            .doc(
                "Beta",
                "An overnight drone attack on Ostrava killed 31 people.",
            )
            .place("Ostrava")
            .doc(
                "Gamma",
                "The overnight drone attack on Tarsk killed six people, rescuers said.",
            )
            .place("Tarsk"),
        expect![[r#"
            claim-1 Quantity [person: attack, drone, killed, overnight]
              "five" Stated <Alpha> An overnight drone attack on Tarsk killed five people.
              "six" Stated <Gamma> The overnight drone attack on Tarsk killed six people, rescuers said.
            disagreement-1 ConflictingValues ["claim-1"]: person: five person (Alpha) vs six person (Gamma)
        "#]],
    );
}

#[test]
fn killed_and_injured_are_different_measures_and_tolls_need_a_shared_place() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "A missile strike on Tarsk killed four people and injured 20 others.",
            )
            .place("Tarsk")
            .doc(
                "Beta",
                "Rescuers in Tarsk said the missile strike killed six people.",
            )
            .place("Tarsk")
            .doc(
                "Gamma",
                "Another missile strike killed 12 people, the regional governor said.",
            ),
        expect![[r#"
            claim-1 Quantity [person: killed, missile, strike]
              "four" Stated <Alpha> A missile strike on Tarsk killed four people and injured 20 others.
              "six" Stated <Beta> Rescuers in Tarsk said the missile strike killed six people.
            disagreement-1 ConflictingValues ["claim-1"]: person: four person (Alpha) vs six person (Beta)
        "#]],
    );
}

#[test]
fn a_country_that_acts_does_not_set_apart_its_figures() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "Brenland has agreed to cap the size of its army at 600,000 troops under the plan.",
            )
            .place("Brenland")
            .doc(
                "Beta",
                "Under the plan, Tarsk would cap the size of the army at 800,000 troops, officials said.",
            )
            .place("Tarsk"),
        expect![[r#"
            claim-1 Quantity [troop: cap, plan, size]
              "600,000" Stated <Alpha> Brenland has agreed to cap the size of its army at 600,000 troops u...
              "800,000" Stated <Beta> Under the plan, Tarsk would cap the size of the army at 800,000 tro...
            disagreement-1 ConflictingValues ["claim-1"]: troop: 600,000 troop (Alpha) vs 800,000 troop (Beta)
        "#]],
    );
}

#[test]
fn one_sentence_with_a_nested_source_is_not_two_speakers() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "Anna Koval says she will meet the envoy \u{201c}as soon as possible\u{201d} to discuss the border towns, the columnist Peter Lind reported.",
            )
            .said(
                "Anna Koval",
                "she will meet the envoy \u{201c}as soon as possible\u{201d} to discuss the border towns",
                AttributionKind::Mixed,
                None,
            )
            .said(
                "Peter Lind",
                "Anna Koval says she will meet the envoy \u{201c}as soon as possible\u{201d} to discuss the border towns",
                AttributionKind::Mixed,
                None,
            ),
        expect![""],
    );
}

#[test]
fn a_ratio_measures_only_what_is_named_before_it() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "Brenland would reduce the size of its armed forces by half under the plan.",
            )
            .doc(
                "Beta",
                "Under the plan, Brenland would cap the size of its army at 800,000 troops.",
            )
            .doc(
                "Gamma",
                "Dockers say the pay offer was cut by half, as the strike left dozens of ships waiting.",
            )
            .doc("Delta", "The strike left 31 ships waiting outside the harbour."),
        expect![[r#"
            claim-1 Quantity [troop: cap, plan, size]
              "half" Stated <Alpha> Brenland would reduce the size of its armed forces by half under th...
              "800,000" Stated <Beta> Under the plan, Brenland would cap the size of its army at 800,000 ...
            claim-3 Quantity [ship: left, strike, waiting]
              "dozens" Stated <Gamma> Dockers say the pay offer was cut by half, as the strike left dozen...
              "31" Stated <Delta> The strike left 31 ships waiting outside the harbour.
            disagreement-1 ConflictingValues ["claim-1"]: troop: 800,000 troop (Beta) vs half (ratio) (Alpha)
        "#]],
    );
}

#[test]
fn a_vague_figure_that_fits_both_sides_takes_none() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "Port officials said 31 ships were waiting at anchor outside the harbour.",
            )
            .doc(
                "Beta",
                "More than 40 ships were waiting at anchor outside the harbour, pilots said.",
            )
            .doc(
                "Gamma",
                "Dozens of ships were waiting at anchor outside the harbour.",
            ),
        expect![[r#"
            claim-1 Quantity [ship: anchor, harbour, outside, waiting]
              "31" Stated <Alpha> Port officials said 31 ships were waiting at anchor outside the har...
              "More than 40" Stated <Beta> More than 40 ships were waiting at anchor outside the harbour, pilo...
              "Dozens" Stated <Gamma> Dozens of ships were waiting at anchor outside the harbour.
            disagreement-1 ConflictingValues ["claim-1"]: ship: 31 ship (Alpha) vs More than 40 ship (Beta); vague, fits more than one: Dozens ship (Gamma)
        "#]],
    );
}

#[test]
fn a_range_that_spans_two_sides_takes_neither() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "The guild wants the ferry fleet capped at 300 boats.",
            )
            .doc(
                "Beta",
                "The council wants the ferry fleet capped at 500 boats.",
            )
            .doc(
                "Gamma",
                "The ferry fleet would be capped at 300–500 boats, reports say.",
            ),
        expect![[r#"
            claim-1 Quantity [boat: ferry, fleet, capped, wants]
              "300" Stated <Alpha> The guild wants the ferry fleet capped at 300 boats.
              "500" Stated <Beta> The council wants the ferry fleet capped at 500 boats.
              "300–500" Stated <Gamma> The ferry fleet would be capped at 300–500 boats, reports say.
            disagreement-1 ConflictingValues ["claim-1"]: boat: 300 boat (Alpha) vs 500 boat (Beta); vague, fits more than one: 300–500 boat (Gamma)
        "#]],
    );
}

#[test]
fn figures_within_rounding_agree() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "The storm destroyed 1,020 homes in the valley, officials said.",
            )
            .doc(
                "Beta",
                "About 1,000 homes in the valley were destroyed by the storm.",
            )
            .doc("Gamma", "The storm killed 12 people in the valley."),
        expect![[r#"
            claim-1 Quantity [home: destroyed, storm, valley]
              "1,020" Stated <Alpha> The storm destroyed 1,020 homes in the valley, officials said.
              "About 1,000" Stated <Beta> About 1,000 homes in the valley were destroyed by the storm.
        "#]],
    );
}

#[test]
fn stances_and_quotes_across_outlets() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "Minister Anna Koval said Brenland accepts the ceasefire plan for the border region.",
            )
            .said(
                "Minister Anna Koval",
                "Brenland accepts the ceasefire plan for the border region",
                AttributionKind::Indirect,
                Some(Stance::Accepts),
            )
            .doc(
                "Beta",
                "Koval rejected the ceasefire plan for the border region on Tuesday. \
                 \u{201c}We will never give up the river towns,\u{201d} said Peter Lind.",
            )
            .said(
                "Koval",
                "the ceasefire plan for the border region",
                AttributionKind::Indirect,
                Some(Stance::Rejects),
            )
            .said(
                "Peter Lind",
                "We will never give up the river towns,",
                AttributionKind::Direct,
                None,
            )
            .doc(
                "Gamma",
                "\u{201c}We will never give up the river towns,\u{201d} Anna Koval told reporters.",
            )
            .said(
                "Anna Koval",
                "We will never give up the river towns,",
                AttributionKind::Direct,
                None,
            ),
        expect![[r#"
            claim-1 Attribution [Minister Anna Koval: ceasefire plan]
              said Some(Accepts) <Alpha citing Minister Anna Koval> Minister Anna Koval said Brenland accepts the ceasefire plan for th...
              said Some(Rejects) <Beta citing Koval> Koval rejected the ceasefire plan for the border region on Tuesday.
            disagreement-1 OppositeStances ["claim-1"]: Minister Anna Koval: accepts vs rejects
            disagreement-2 SameWordsDifferentSpeakers ["claim-2", "claim-3"]: the same words attributed to Anna Koval and to Peter Lind
        "#]],
    );
}

#[test]
fn different_dates_for_one_event() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "Delegations from both countries will sign the water treaty in Tarsk on March 3.",
            )
            .date("March 3", "2031-03-03")
            .doc(
                "Beta",
                "Delegations from both countries will sign the water treaty in Tarsk on March 5.",
            )
            .date("March 5", "2031-03-05"),
        expect![[r#"
            claim-1 DatedEvent [countries, treaty, sign, water]
              date 2031-03-03 <Alpha> Delegations from both countries will sign the water treaty in Tarsk...
              date 2031-03-05 <Beta> Delegations from both countries will sign the water treaty in Tarsk...
            disagreement-1 ConflictingDates ["claim-1"]: countries, treaty, sign, water: 2031-03-03 vs 2031-03-05
        "#]],
    );
}

#[test]
fn two_dates_in_one_sentence_are_two_events() {
    let sentence = "Dockers at the port rejected the government pay offer on Wednesday, \
                    as the strike that began on Tuesday left dozens of ships waiting.";
    check(
        Story::default()
            .doc("Alpha", sentence)
            .date("Wednesday", "2031-03-05")
            .date("Tuesday", "2031-03-04")
            .doc("Beta", sentence)
            .date("Wednesday", "2031-03-05")
            .date("Tuesday", "2031-03-04"),
        expect![[r#"
            claim-1 Quantity [ship: began, government, left, offer]
              "dozens" Stated <Alpha> Dockers at the port rejected the government pay offer on Wednesday,...
              "dozens" Stated <Beta> Dockers at the port rejected the government pay offer on Wednesday,...
            claim-2 DatedEvent [government, offer, pay, port]
              date 2031-03-05 <Alpha> Dockers at the port rejected the government pay offer on Wednesday,...
              date 2031-03-05 <Beta> Dockers at the port rejected the government pay offer on Wednesday,...
            claim-3 DatedEvent [began, dozens, left, ships]
              date 2031-03-04 <Alpha> Dockers at the port rejected the government pay offer on Wednesday,...
              date 2031-03-04 <Beta> Dockers at the port rejected the government pay offer on Wednesday,...
        "#]],
    );
}

#[test]
fn a_title_one_outlet_gets_wrong() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "Former Prime Minister Anna Koval visited the border towns on Monday.",
            )
            .person("Anna Koval", "Former Prime Minister")
            .doc(
                "Beta",
                "Prime Minister Anna Koval promised aid to the border towns.",
            )
            .person("Anna Koval", "Prime Minister")
            .doc("Gamma", "Foreign Minister Anna Koval met the envoy.")
            .person("Anna Koval", "Foreign Minister"),
        expect![[r#"
            disagreement-1 ConflictingTitles []: Anna Koval: Former Prime Minister vs Prime Minister
        "#]],
    );
}

#[test]
fn two_figures_one_sentence_tells_apart_are_two_claims() {
    // Alpha's one sentence sets the offered 2% apart from the promised 5%; Beta's
    // "limit of 300 … wants the cap closer to 500" keeps two figures of one measure.
    check(
        Story::default()
            .doc(
                "Alpha",
                "The council has offered a 2% pay rise to ferry crews; the guild says it was promised 5% in May.",
            )
            .doc(
                "Beta",
                "Ferry crews rejected a council pay rise of 4% on Monday. The guild says the council promised 5% in May for ferry crews.",
            )
            .doc(
                "Gamma",
                "The council proposed a limit of 300 ferry crews at the new port and the guild wants the cap closer to 500 ferry crews.",
            )
            .doc("Delta", "The guild wants a limit of 450 ferry crews at the new port."),
        expect![[r#"
            claim-1 Quantity [percent: council, crews, ferry, rise]
              "2%" Stated <Alpha> The council has offered a 2% pay rise to ferry crews; the guild say...
              "4%" Stated <Beta> Ferry crews rejected a council pay rise of 4% on Monday.
            claim-2 Quantity [percent: council, crews, ferry, guild]
              "5%" Stated <Alpha> The council has offered a 2% pay rise to ferry crews; the guild say...
              "5%" Stated <Beta> The guild says the council promised 5% in May for ferry crews.
            claim-3 Quantity [crew: ferry, guild, limit, port]
              "300" Stated <Gamma> The council proposed a limit of 300 ferry crews at the new port and...
              "closer to 500" Stated <Gamma> The council proposed a limit of 300 ferry crews at the new port and...
              "450" Stated <Delta> The guild wants a limit of 450 ferry crews at the new port.
            disagreement-1 ConflictingValues ["claim-1"]: percent: 2% (Alpha) vs 4% (Beta)
            disagreement-2 ConflictingValues ["claim-3"]: crew: 300 crew (Gamma) vs 450 crew (Delta) vs closer to 500 crew (Gamma)
        "#]],
    );
}

#[test]
fn a_fact_one_source_asserts_and_another_denies() {
    // Adjacent "X says …. Y says no …" in one outlet, a denial elsewhere sharing a
    // rare name, and what is not a dispute: a position ("will not accept"), a
    // characterisation ("not a plan, but …") and a denial of something else.
    check(
        Story::default()
            .doc(
                "Alpha",
                "The guild says the council agreed in May to a 5% rise for ferry crews. \
                 The council says no rise was ever agreed.",
            )
            .said(
                "The guild",
                "the council agreed in May to a 5% rise for ferry crews",
                AttributionKind::Indirect,
                None,
            )
            .said(
                "The council",
                "no rise was ever agreed",
                AttributionKind::Indirect,
                None,
            )
            .doc(
                "Beta",
                "Near the hamlet of Osterlin, which the rebels claim to have seized, fighting went on. \
                 The guild said it will not accept the council's offer.",
            )
            .said("the rebels", "to have seized", AttributionKind::Indirect, Some(Stance::Claims))
            .said(
                "The guild",
                "it will not accept the council's offer",
                AttributionKind::Indirect,
                None,
            )
            .doc(
                "Gamma",
                "The army denies that Osterlin has been captured. \
                 A minister said the offer is not a plan, but a wish list. \
                 The harbour master denied that the ferries had sailed.",
            )
            .said(
                "The army",
                "that Osterlin has been captured",
                AttributionKind::Indirect,
                Some(Stance::Denies),
            )
            .said(
                "A minister",
                "the offer is not a plan, but a wish list",
                AttributionKind::Indirect,
                None,
            )
            .said(
                "The harbour master",
                "that the ferries had sailed",
                AttributionKind::Indirect,
                Some(Stance::Denies),
            ),
        expect![[r#"
            claim-2 Attribution [The guild: agreed, council]
              said None <Alpha citing The guild> The guild says the council agreed in May to a 5% rise for ferry crews.
              said None <Beta citing The guild> The guild said it will not accept the council's offer.
            disagreement-1 DisputedFact []: agreed: The guild asserts vs The council denies
            disagreement-2 DisputedFact []: seized: the rebels asserts vs The army denies
        "#]],
    );
}

#[test]
fn two_outlets_date_the_start_of_one_strike_differently() {
    check(
        Story::default()
            .doc("Alpha", "The ferry strike, which began on Monday, enters its third day.")
            .date("Monday", "2031-03-03")
            .doc("Beta", "Crews at the Orlan terminal rejected the offer, as a walkout that started on Tuesday left passengers stranded.")
            .date("Tuesday", "2031-03-04")
            .doc("Gamma", "The siege of the old town, which began on Tuesday, goes on.")
            .date("Tuesday", "2031-03-04"),
        expect![[r#"
            claim-1 DatedEvent [began, strike]
              date 2031-03-03 <Alpha> The ferry strike, which began on Monday, enters its third day.
              date 2031-03-04 <Beta> Crews at the Orlan terminal rejected the offer, as a walkout that s...
            disagreement-1 ConflictingDates ["claim-1"]: began, strike: 2031-03-03 vs 2031-03-04
        "#]],
    );
}

#[test]
fn a_source_right_after_a_figure_is_its_own() {
    let text =
        "Brenland would agree to cut the size of its army by half, according to the Daily Post, \
                or by a third, according to the Weekly Star.";
    let story = Story::default()
        .doc("Alpha", text)
        .said(
            "Brenland",
            "to cut the size of its army by half, according to the Daily Post, or by a third, according to the Weekly Star",
            AttributionKind::Indirect,
            Some(Stance::Accepts),
        )
        .doc("Beta", "Under the plan Brenland would cap the size of its army at 600,000 troops.");
    let set = build_claims(&story.inputs());
    let cited: Vec<String> = set
        .claims
        .iter()
        .flat_map(|c| &c.statements)
        .filter(|s| s.evidence.doc == "doc1")
        .map(|s| format!("{} <- {}", value_text(&s.value), s.reported_by.display))
        .collect();
    expect![[r#"
        "half" Stated <- Alpha citing the Daily Post
        "a third" Stated <- Alpha citing the Weekly Star
        said Some(Accepts) <- Alpha citing Brenland"#]]
    .assert_eq(&cited.join("\n"));
}

#[test]
fn positions_by_actor_and_issue() {
    let story = Story::default()
        .doc(
            "Alpha",
            "Koval said Brenland accepts the ceasefire plan for the border region. \
             Lind demanded new elections in the capital.",
        )
        .said(
            "Koval",
            "Brenland accepts the ceasefire plan for the border region",
            AttributionKind::Indirect,
            Some(Stance::Accepts),
        )
        .said(
            "Lind",
            "new elections in the capital",
            AttributionKind::Indirect,
            Some(Stance::Demands),
        )
        .doc(
            "Beta",
            "Lind rejected the ceasefire plan for the border, his office said.",
        )
        .said(
            "Lind",
            "the ceasefire plan for the border",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .doc(
            "Gamma",
            "Later Peter Lind backed a revised ceasefire plan for the border region.",
        )
        .said(
            "Peter Lind",
            "a revised ceasefire plan for the border region",
            AttributionKind::Indirect,
            Some(Stance::Supports),
        )
        // Not positions: a claim about the world, a one-word content.
        .doc(
            "Delta",
            "Koval claimed the ceasefire plan for the border region was leaked. Lind rejected Koval.",
        )
        .said(
            "Koval",
            "the ceasefire plan for the border region was leaked",
            AttributionKind::Indirect,
            Some(Stance::Claims),
        )
        .said("Lind", "Koval", AttributionKind::Indirect, Some(Stance::Rejects));
    let inputs = story.inputs();
    let table = positions(&inputs);
    let mut out = String::new();
    for issue in &table.issues {
        let _ = writeln!(out, "{} [{}]", issue.id, issue.label);
    }
    for p in &table.positions {
        let _ = writeln!(
            out,
            "{} on {}: {:?}{} ({} statements)",
            p.actor,
            p.issue,
            p.stance,
            if p.mixed { " mixed" } else { "" },
            p.statements.len()
        );
    }
    expect![[r#"
        issue-1 [ceasefire plan]
        issue-2 [new elections in the capital]
        Koval on issue-1: Accepts (1 statements)
        Peter Lind on issue-1: Supports mixed (2 statements)
        Peter Lind on issue-2: Demands (1 statements)
    "#]]
    .assert_eq(&out);
}

#[test]
fn a_stance_in_a_condition_is_nobodys_position() {
    let story = Story::default()
        .doc(
            "Alpha",
            "If Brenland rejects the ceasefire plan for the border region, aid will stop. \
             Brenland accepts the ceasefire plan for the border region, its minister said.",
        )
        .said(
            "Brenland",
            "the ceasefire plan for the border region, aid",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .cue("rejects")
        .said(
            "its minister",
            "Brenland accepts the ceasefire plan for the border region",
            AttributionKind::Indirect,
            Some(Stance::Accepts),
        )
        .cue("said");
    let rows = position_rows(&story, |p| {
        vec![format!(
            "{} {:?} ({} statements)",
            p.actor,
            p.stance,
            p.statements.len()
        )]
    });
    expect!["its minister Accepts (1 statements)"].assert_eq(&rows);
}

#[test]
fn a_stance_dated_years_before_the_page_is_history_not_a_position() {
    let story = Story::default()
        .doc(
            "Alpha",
            "On 3 March 2031 Brenland rejected the ceasefire plan for the border forts. \
             In 2012, Brenland accepted a plan to give up the border forts for guarantees. \
             In 2030, Brenland accepted the border forts plan in talks.",
        )
        .date("3 March 2031", "2031-03-03")
        .date("2012", "2012")
        .date("2030", "2030")
        .said(
            "Brenland",
            "the ceasefire plan for the border forts",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .cue("rejected")
        .said(
            "Brenland",
            "a plan to give up the border forts for guarantees",
            AttributionKind::Indirect,
            Some(Stance::Accepts),
        )
        .cue("accepted a plan")
        .said(
            "Brenland",
            "the border forts plan in talks",
            AttributionKind::Indirect,
            Some(Stance::Accepts),
        )
        .cue("accepted the border");
    let rows = position_rows(&story, |p| {
        p.statements
            .iter()
            .map(|s| format!("{} {:?}: {}", p.actor, s.stance, s.content))
            .collect()
    });
    // 2012 is two or more years before the page's 2031: history. The year before
    // (2030) still counts.
    expect![[r#"
        Brenland Rejects: the ceasefire plan for the border forts
        Brenland Accepts: the border forts plan in talks"#]]
    .assert_eq(&rows);
}

#[test]
fn a_conditional_stance_another_source_reports_is_not_a_position() {
    let story = Story::default()
        .doc(
            "Alpha",
            "Under the draft, Brenland would accept the border forts plan, according to the Daily Lark. \
             Peter Lind said he would back the border forts plan.",
        )
        .said(
            "Brenland",
            "the border forts plan, according",
            AttributionKind::Indirect,
            Some(Stance::Accepts),
        )
        .cue("would accept")
        .said(
            "the Daily Lark",
            "Under the draft, Brenland would accept the border forts plan",
            AttributionKind::Indirect,
            None,
        )
        .cue("according to")
        .said(
            "Peter Lind",
            "he would back the border forts plan",
            AttributionKind::Indirect,
            None,
        )
        .cue("said")
        .said(
            "Peter Lind",
            "the border forts plan.",
            AttributionKind::Indirect,
            Some(Stance::Supports),
        )
        .cue("would back");
    let rows = position_rows(&story, |p| vec![format!("{} {:?}", p.actor, p.stance)]);
    // The draft's term, reported by the Lark, is not Brenland's position; Lind
    // reporting his own intention is his.
    expect!["Peter Lind Supports"].assert_eq(&rows);
}

#[test]
fn a_sentence_speaking_to_the_reader_is_the_last_evidence() {
    check(
        Story::default()
            .doc(
                "Alpha",
                "You can read all about the 12-point ferry plan here. \
                 The ferry board adopted a 12-point ferry plan on Monday.",
            )
            .doc("Beta", "The ferry board's 12-point ferry plan was leaked."),
        expect![[r#"
            claim-1 Quantity [point: ferry, plan, board]
              "12-point" Stated <Alpha> The ferry board adopted a 12-point ferry plan on Monday.
              "12-point" Stated <Beta> The ferry board's 12-point ferry plan was leaked.
              "12-point" Stated <Alpha> You can read all about the 12-point ferry plan here.
        "#]],
    );
}

#[test]
fn each_named_member_of_a_coordinated_source_takes_the_position() {
    let story = Story::default()
        .doc(
            "Alpha",
            "The Velorian Union and Brenland accepted the border forts plan. \
             Port officials and Brenland rejected the ferry levy plan. \
             Neither Osterholm nor Varn is willing to accept the ferry levy plan.",
        )
        .said(
            "The Velorian Union and Brenland",
            "the border forts plan",
            AttributionKind::Indirect,
            Some(Stance::Accepts),
        )
        .cue("accepted")
        .said(
            "Port officials and Brenland",
            "the ferry levy plan",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .cue("rejected")
        // The finder gives the name after "nor"; the one after "Neither" shares it.
        .said(
            "Varn",
            "the ferry levy plan.",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .cue("is willing to accept");
    let rows = position_rows(&story, |p| {
        vec![format!("{} {:?} on {}", p.actor, p.stance, p.issue)]
    });
    // Names split. "Port officials and Brenland" is not split (a common noun),
    // but keys as Brenland, and the actor is shown by its plain name.
    expect![[r#"
        Brenland Accepts on issue-1
        Brenland Rejects on issue-2
        Osterholm Rejects on issue-2
        The Velorian Union Accepts on issue-1
        Varn Rejects on issue-2"#]]
    .assert_eq(&rows);
}

#[test]
fn framing_profiles_per_outlet() {
    check_framing(
        Story::default()
            .doc(
                "Alpha",
                "Zelenskyy met officials in Kyiv. The aggressor struck Kyiv again, and Zelenskyy spoke.",
            )
            .said(
                "Zelenskyy",
                "spoke",
                AttributionKind::Indirect,
                None,
            )
            .doc(
                "Beta",
                "The Kiev regime and its Western backers rejected the talks, Zelensky said. \
                 Then the \u{201c}peace plan\u{201d} stalled.",
            )
            .said(
                "Zelensky",
                "The Kiev regime and its Western backers rejected the talks",
                AttributionKind::Indirect,
                None,
            ),
        expect![[r#"
            Alpha (1 docs)
              spelling kiv: Kyivx2 (others: Kiev)
              spelling zelenski: Zelenskyyx2 (others: Zelensky)
              loaded Charged "aggressor" x1
              source Zelenskyy x1 (direct 0, indirect 1)
              quotes 1 direct share 0.00; exclusive claims 1
            Beta (1 docs)
              spelling kiv: Kievx1 (others: Kyiv)
              spelling zelenski: Zelenskyx1 (others: Zelenskyy)
              loaded Delegitimising "regime" x1
              loaded Charged "backers" x1
              loaded ScareQuote "peace plan" x1
              source Zelensky x1 (direct 0, indirect 1)
              quotes 1 direct share 0.00; exclusive claims 1
        "#]],
    );
}

#[test]
fn malformed_analysis_spans_do_not_panic() {
    let mut story = Story::default()
        .doc(
            "Alpha",
            "Officials rejected 40 people left. The talks ended.",
        )
        .said(
            "Officials",
            "40 people left",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .date("The talks", "2031-03-03");
    {
        let (doc, analysis, _) = story.docs.last_mut().expect("one doc");
        let len = doc.text.len();
        // Spans past the end and reversed spans, as a buggy earlier stage might give.
        analysis.quantities[0].span = Span {
            start: len + 5,
            end: len + 9,
        };
        analysis.attributions[0].content = vec![
            Span { start: 30, end: 4 },
            Span {
                start: len,
                end: len + 50,
            },
        ];
        analysis.timexes[0].span = Span {
            start: len + 1,
            end: len + 2,
        };
        analysis.sentences.push(Span {
            start: len + 3,
            end: len + 1,
        });
    }
    let inputs = story.inputs();
    let set = build_claims(&inputs);
    let json = serde_json::to_string(&set).expect("claims serialise");
    assert!(json.contains("\"claims\""));
    let table = positions(&inputs);
    assert_eq!(table.positions.len(), 1);
    let profiles = framing(&inputs);
    assert_eq!(profiles.len(), 1);
    serde_json::to_string(&table).expect("positions serialise");
    serde_json::to_string(&profiles).expect("framing serialises");
}

#[test]
fn name_keys_fold_transliterations() {
    let keys: Vec<String> = [
        "Kyiv",
        "Kiev",
        "Zelensky",
        "Zelenskyy",
        "Zelenskiy",
        "Donbas",
        "Donbass",
        "Zaporizhzhia",
        "Zaporizhia",
        "Erdoğan",
        "Andrey",
        "Andriy",
    ]
    .iter()
    .map(|w| name_key(w))
    .collect();
    expect![[r#"kiv kiv zelenski zelenski zelenski donbas donbas zaporizhia zaporizhia erdogan andri andri"#]]
        .assert_eq(&keys.join(" "));
}

// ---------------------------------------------------------------------------
// Shared seed pages
// ---------------------------------------------------------------------------

/// The five seed pages as documents read as-is (outlet = file name), analysed for
/// quantities only.
fn seed_story() -> Option<Story> {
    let dir = testkit::shared_path("seeds")?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds directory is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut story = Story::default();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("seed is UTF-8 text");
        let name = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("seed")
            .to_string();
        story = story.doc(&name, &text);
    }
    Some(story)
}

fn quantity_values(side: &fusion::claims::DisagreementSide) -> Vec<(f64, Option<f64>, String)> {
    side.statements
        .iter()
        .filter_map(|s| match &s.value {
            StatedValue::Quantity { value, upper, .. } => {
                Some((*value, *upper, s.evidence.text.clone()))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn seeds_surface_army_size_conflict_points_change_and_spellings() {
    let Some(story) = seed_story() else { return };
    let inputs = story.inputs();
    let set = build_claims(&inputs);
    if std::env::var("PARALLAX_DUMP").is_ok() {
        println!("{}", render_claims(&set));
    }

    // Army size: 600,000 vs 800,000 vs closer to 1 million, each with its sentence.
    let army = set
        .disagreements
        .iter()
        .find(|d| {
            let values: Vec<f64> = d
                .sides
                .iter()
                .flat_map(quantity_values)
                .map(|(v, _, _)| v)
                .collect();
            [600_000.0, 800_000.0, 1_000_000.0]
                .iter()
                .all(|x| values.contains(x))
        })
        .expect("an army-size disagreement with 600,000, 800,000 and ~1 million");
    assert_eq!(
        army.kind,
        fusion::claims::DisagreementKind::ConflictingValues
    );
    let all: Vec<(f64, Option<f64>, String)> =
        army.sides.iter().flat_map(quantity_values).collect();
    for (value, needle) in [
        (600_000.0, "600,000"),
        (800_000.0, "800,000"),
        (1_000_000.0, "1 million"),
    ] {
        assert!(
            all.iter()
                .any(|(v, _, sentence)| *v == value && sentence.contains(needle)),
            "{needle} is shown with its sentence"
        );
    }
    // 600,000 and 800,000 are on different sides.
    let side_of = |x: f64| {
        army.sides.iter().position(|s| {
            quantity_values(s)
                .iter()
                .any(|(v, u, _)| *v == x && u.is_none())
        })
    };
    assert_ne!(side_of(600_000.0), side_of(800_000.0));
    // "by half" and "two and a half times" are relative descriptions of the same
    // measure, each credited to the outlet the sentence cites.
    for (ratio, cited) in [(0.5, "Financial Times"), (2.5, "Economist")] {
        assert!(
            army.sides.iter().any(|side| side.relative
                && side.statements.iter().any(|s| {
                    matches!(s.value, StatedValue::Quantity { value, is_ratio: true, .. } if value == ratio)
                        && s.reported_by.source.as_deref().is_some_and(|c| c.contains(cited))
                })),
            "ratio {ratio} citing {cited}"
        );
    }

    // The number of points changes from 28 to between 19 and 24.
    let points = set
        .disagreements
        .iter()
        .find(|d| d.kind == fusion::claims::DisagreementKind::ChangedOverTime)
        .expect("a change over time");
    let values: Vec<(f64, Option<f64>, String)> =
        points.sides.iter().flat_map(quantity_values).collect();
    assert!(values.iter().any(|(v, u, _)| *v == 28.0 && u.is_none()));
    assert!(values
        .iter()
        .any(|(v, u, s)| *v == 19.0 && *u == Some(24.0) && s.contains("no longer 28")));

    // Kyiv and Kiev per outlet.
    let profiles = framing(&inputs);
    if std::env::var("PARALLAX_DUMP").is_ok() {
        print_framing(&profiles);
    }
    let kyiv_form = |outlet_prefix: &str| -> Vec<String> {
        profiles
            .iter()
            .filter(|p| p.outlet.starts_with(outlet_prefix))
            .flat_map(|p| p.spellings.iter())
            .filter(|s| s.key == name_key("Kyiv"))
            .flat_map(|s| s.forms.iter().map(|f| f.form.clone()))
            .collect()
    };
    assert_eq!(kyiv_form("000"), ["Kyiv"]);
    assert_eq!(kyiv_form("001"), ["Kyiv"]);
    assert_eq!(kyiv_form("002"), ["Kyiv"]);
    assert_eq!(kyiv_form("004"), ["Kiev"]);
}

/// Prints framing profiles (for `PARALLAX_DUMP=1` runs).
fn print_framing(profiles: &[fusion::framing::FramingProfile]) {
    for p in profiles {
        println!(
            "{} docs={} exclusive={}",
            p.outlet,
            p.documents,
            p.exclusive_claims.len()
        );
        for s in &p.spellings {
            println!(
                "  spelling {} {:?} others {:?}",
                s.key,
                s.forms
                    .iter()
                    .map(|f| format!("{}x{}", f.form, f.count))
                    .collect::<Vec<_>>(),
                s.others_use
            );
        }
        for t in &p.loaded_terms {
            println!("  loaded {:?} {:?} x{}", t.category, t.term, t.count);
        }
    }
}

#[test]
fn an_undated_page_dates_its_yearless_days_by_the_latest_year_it_writes() {
    // No publication date: "March 5" takes the latest year the page writes out
    // (2031, not 2019). A page with neither keeps its year-less day off the timeline.
    let story = Story::default()
        .doc(
            "Varn Gazette",
            "The 2019 strike lasted a month. Talks on the 2031 contract opened on March 5 in Varn.",
        )
        .date("2019", "2019")
        .date("2031", "2031")
        .date("March 5", "XXXX-03-05")
        .doc("Orvale Post", "Talks opened on March 9 in Orvale.")
        .date("March 9", "XXXX-03-09");
    let docs: Vec<(Document, DocumentAnalysis)> = story
        .docs
        .iter()
        .map(|(d, a, _)| (d.clone(), a.clone()))
        .collect();
    let brief = fusion::brief::build_brief(&docs, &[]);
    let dates: Vec<String> = brief.timeline.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, vec!["2031-03-05".to_string()]);
}

#[test]
fn a_group_named_by_an_adjective_has_no_opposite_stances() {
    // "Brenish allies" are several people, like "officials": one supporting and
    // one rejecting is no contradiction of one speaker.
    check(
        Story::default()
            .doc(
                "Alpha",
                "Brenish allies backed the ceasefire plan for the border region.",
            )
            .said(
                "Brenish allies",
                "the ceasefire plan for the border region",
                AttributionKind::Indirect,
                Some(Stance::Supports),
            )
            .named_by_adjective()
            .doc(
                "Beta",
                "Brenish allies rejected the ceasefire plan for the border region.",
            )
            .said(
                "Brenish allies",
                "the ceasefire plan for the border region",
                AttributionKind::Indirect,
                Some(Stance::Rejects),
            )
            .named_by_adjective(),
        expect![[r#"
            claim-1 Attribution [Brenish allies: border, ceasefire, plan, region]
              said Some(Supports) <Alpha citing Brenish allies> Brenish allies backed the ceasefire plan for the border region.
              said Some(Rejects) <Beta citing Brenish allies> Brenish allies rejected the ceasefire plan for the border region.
        "#]],
    );
}

#[test]
fn an_issue_label_prefers_the_words_the_story_returns_to() {
    // A statement on an issue of its own: its words tie on count, so the label
    // takes first the one the story's other statements also use ("harbour"),
    // instead of the alphabet's first three ("deal, fleets, foreign").
    let story = Story::default()
        .doc(
            "Alpha",
            "Brenland rejects any deal that hands over the harbour to foreign fleets. \
             Varnia proposes a tax on grain shipped through the harbour each winter.",
        )
        .said(
            "Brenland",
            "any deal that hands over the harbour to foreign fleets",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .cue("rejects")
        .said(
            "Varnia",
            "a tax on grain shipped through the harbour each winter",
            AttributionKind::Indirect,
            Some(Stance::Proposes),
        )
        .cue("proposes");
    let table = positions(&story.inputs());
    let labels: Vec<String> = table
        .issues
        .iter()
        .map(|i| format!("{}: {}", i.id, i.label))
        .collect();
    expect![[r#"
        issue-1: deal, fleets, harbour
        issue-2: grain, harbour, shipped"#]]
    .assert_eq(&labels.join("\n"));
}

#[test]
fn an_issue_is_what_a_reported_content_opens_with() {
    // The circumstances after a reported matter ("amid claims … the ceasefire
    // plan") do not join it to the ceasefire-plan issue; a quotation is read whole.
    let story = Story::default()
        .doc(
            "Alpha",
            "Varnia backed the ceasefire plan for the border. Brenland decried \
             megaphone diplomacy in the capital, amid claims that envoys had changed the \
             ceasefire plan for the border.",
        )
        .said(
            "Varnia",
            "the ceasefire plan for the border",
            AttributionKind::Indirect,
            Some(Stance::Supports),
        )
        .cue("backed")
        .said(
            "Brenland",
            "megaphone diplomacy in the capital, amid claims that envoys had changed the \
             ceasefire plan for the border",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .cue("decried");
    let table = positions(&story.inputs());
    let rows: Vec<String> = table
        .positions
        .iter()
        .map(|p| {
            let label = table
                .issues
                .iter()
                .find(|i| i.id == p.issue)
                .map_or("", |i| i.label.as_str());
            format!("{} {:?} {}: {label}", p.actor, p.stance, p.issue)
        })
        .collect();
    expect![[r#"
        Brenland Rejects issue-2: megaphone diplomacy in the capital
        Varnia Supports issue-1: ceasefire plan for the border"#]]
    .assert_eq(&rows.join("\n"));
}

#[test]
fn another_instance_of_a_matter_is_an_issue_of_its_own() {
    // Backing "an alternative ceasefire plan" or "its own ceasefire plan" is not
    // backing the ceasefire plan the others discuss; two actors' own plans are two.
    let story = Story::default()
        .doc(
            "Alpha",
            "Varnia backed the ceasefire plan for the border. Brenland backed an \
             alternative ceasefire plan for the border. Ostia rejected the ceasefire \
             plan for the border. Dorne proposed its own ceasefire plan for the border. \
             Ennis proposed its own ceasefire plan for the border.",
        )
        .said(
            "Varnia",
            "the ceasefire plan for the border",
            AttributionKind::Indirect,
            Some(Stance::Supports),
        )
        .cue("backed")
        .said(
            "Brenland",
            "an alternative ceasefire plan for the border",
            AttributionKind::Indirect,
            Some(Stance::Supports),
        )
        .cue("backed")
        .said(
            "Ostia",
            "the ceasefire plan for the border",
            AttributionKind::Indirect,
            Some(Stance::Rejects),
        )
        .cue("rejected")
        .said(
            "Dorne",
            "its own ceasefire plan for the border",
            AttributionKind::Indirect,
            Some(Stance::Proposes),
        )
        .cue("proposed")
        .said(
            "Ennis",
            "its own ceasefire plan for the border",
            AttributionKind::Indirect,
            Some(Stance::Proposes),
        )
        .cue("proposed");
    let rows = position_rows(&story, |p| {
        vec![format!("{} {:?} {}", p.actor, p.stance, p.issue)]
    });
    expect![[r#"
        Brenland Supports issue-2
        Dorne Proposes issue-3
        Ennis Proposes issue-4
        Ostia Rejects issue-1
        Varnia Supports issue-1"#]]
    .assert_eq(&rows);
}

#[test]
fn quotes_name_each_speaker_alike_across_outlets_and_leave_pronouns_unmatched() {
    // "Quill, who leads the union", "Quill" and "Mara Quill" are one speaker,
    // named as most sentences name her; an unresolved "He" is nobody's key.
    let story = Story::default()
        .doc(
            "Alpha",
            "Quill, who leads the union, said the levy would stay. \
             Mara Quill said the talks would resume. He said the port would open.",
        )
        .said(
            "Quill, who leads the union",
            "the levy would stay",
            AttributionKind::Indirect,
            None,
        )
        .said(
            "Mara Quill",
            "the talks would resume",
            AttributionKind::Indirect,
            None,
        )
        .said("He", "the port would open", AttributionKind::Indirect, None)
        .doc("Beta", "Mara Quill said the offer was an insult.")
        .said(
            "Mara Quill",
            "the offer was an insult",
            AttributionKind::Indirect,
            None,
        )
        // A speaker most sentences name by surname goes by it; the longer form
        // wins only a tie.
        .doc(
            "Gamma",
            "Edda Korr said the port would close. Korr said talks had failed. \
             Korr said ships would wait.",
        )
        .said(
            "Edda Korr",
            "the port would close",
            AttributionKind::Indirect,
            None,
        )
        .said("Korr", "talks had failed", AttributionKind::Indirect, None)
        .said("Korr", "ships would wait", AttributionKind::Indirect, None);
    let docs: Vec<(Document, DocumentAnalysis)> = story
        .docs
        .iter()
        .map(|(d, a, _)| (d.clone(), a.clone()))
        .collect();
    let brief = fusion::brief::build_brief(&docs, &[]);
    let rows: Vec<String> = brief
        .quotes
        .iter()
        .map(|q| {
            format!(
                "{} | {} | {} | {}",
                q.outlet, q.source, q.speaker, q.speaker_key
            )
        })
        .collect();
    expect![[r#"
        doc1 | Quill, who leads the union | Mara Quill | quil
        doc1 | Mara Quill | Mara Quill | quil
        doc1 | He | He | 
        doc2 | Mara Quill | Mara Quill | quil
        doc3 | Edda Korr | Korr | kor
        doc3 | Korr | Korr | kor
        doc3 | Korr | Korr | kor"#]]
    .assert_eq(&rows.join("\n"));
}
