//! The brief: everything fusion knows about a set of documents, in one versioned
//! structure that the renderers (terminal, Markdown, HTML) and the JSON output share.
//!
//! Schema: `docs/brief-schema.md`. Bump [`BRIEF_SCHEMA`] when a field changes meaning
//! or disappears; adding a field is compatible.

use std::collections::{BTreeMap, BTreeSet};

use analysis::entities::EntityKeys;
use chrono::NaiveDate;
use model::{Document, DocumentAnalysis, EntityKind, Evidence, Span, TimexType};
use serde::Serialize;

use crate::claims::{build_claims_in, Claim, Disagreement, DocInput, Reading};
use crate::framing::{framing_in, FramingProfile};
use crate::lineage::{find_reposts, independent_sources, LineageInput, RepostLink, SourceGroup};
use crate::positions::{positions_in, PositionTable};
use crate::stories::{StoryClusterer, StoryConfig, StoryInput};
use crate::timeline::{build_timeline, DatedSentence, TimelineEntry};

/// The schema identifier written into every brief.
pub const BRIEF_SCHEMA: &str = "parallax.brief/1";

/// One document as the brief lists it.
#[derive(Debug, Clone, Serialize)]
pub struct BriefDocument {
    pub id: String,
    pub outlet: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub origin: String,
    /// The first sentence of the clean text (at most 200 bytes): what a reader
    /// shows for a page without a headline.
    pub lede: Option<String>,
    pub published: Option<String>,
    /// True when `published` is only a lower bound (the newest article the page
    /// links to), not a time the page states.
    pub published_not_before: bool,
    pub is_live_blog: bool,
    pub posts: usize,
    /// The story (index into `stories`) it belongs to.
    pub story: usize,
    /// Set when the document repeats another outlet's text.
    pub repost_of: Option<String>,
}

/// A cluster of documents about one developing event.
#[derive(Debug, Clone, Serialize)]
pub struct BriefStory {
    pub id: usize,
    /// Broad topic (stories about similar events share one).
    pub topic: usize,
    pub headline: String,
    pub documents: Vec<String>,
    /// Why documents were joined (from the clusterer).
    pub reasons: Vec<String>,
}

/// One spelling of a name and who uses it.
#[derive(Debug, Clone, Serialize)]
pub struct Spelling {
    pub form: String,
    /// Outlet → number of mentions with this spelling.
    pub outlets: BTreeMap<String, usize>,
}

/// An entity merged across documents and outlets.
#[derive(Debug, Clone, Serialize)]
pub struct CrossEntity {
    pub name: String,
    pub kind: EntityKind,
    pub key: String,
    pub roles: Vec<String>,
    pub spellings: Vec<Spelling>,
    pub mentions: usize,
    pub outlets: Vec<String>,
}

/// A statement attributed to a source, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct BriefQuote {
    pub outlet: String,
    /// The source as the sentence names it ("Trump, who was taking questions").
    pub source: String,
    /// Who that is, named the same way across the brief: the name most of the
    /// speaker's statements give (its entity's name when resolved, "Donald Trump";
    /// on a tie the longer), as claims name speakers.
    pub speaker: String,
    /// The spelling-insensitive key matching the speaker across outlets (empty
    /// when unattributed or an unresolved pronoun, "he").
    pub speaker_key: String,
    pub via: Option<String>,
    pub cue: Option<String>,
    pub kind: model::AttributionKind,
    pub stance: Option<model::Stance>,
    pub content: String,
    pub evidence: Evidence,
}

/// The whole picture.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    pub schema: &'static str,
    pub documents: Vec<BriefDocument>,
    /// Outlets with how many documents each and how many are reposts.
    pub outlets: Vec<OutletSummary>,
    /// Independent sources: each origin counted once, with who repeated it.
    pub independent_sources: Vec<SourceGroup>,
    pub reposts: Vec<RepostLink>,
    pub stories: Vec<BriefStory>,
    pub entities: Vec<CrossEntity>,
    pub timeline: Vec<TimelineEntry>,
    pub claims: Vec<Claim>,
    pub disagreements: Vec<Disagreement>,
    pub positions: PositionTable,
    pub framing: Vec<FramingProfile>,
    pub quotes: Vec<BriefQuote>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutletSummary {
    pub name: String,
    pub documents: usize,
    pub reposts: usize,
}

/// The outlet name a document is shown under.
pub fn outlet_name(doc: &Document) -> String {
    doc.outlet
        .as_ref()
        .map(|o| o.name.clone())
        .unwrap_or_else(|| {
            let stem = doc.origin.rsplit('/').next().unwrap_or(&doc.origin);
            let stem = stem.split('#').next().unwrap_or(stem);
            stem.rsplit_once('.')
                .map(|(s, _)| s)
                .unwrap_or(stem)
                .to_string()
        })
}

/// The sentence of `analysis` that contains `span`, or the span itself.
pub fn sentence_of(analysis: &DocumentAnalysis, span: Span) -> Span {
    analysis
        .sentences
        .iter()
        .copied()
        .find(|s| s.start <= span.start && span.end <= s.end)
        .unwrap_or(span)
}

/// Evidence for `span` in `doc`: its sentence, outlet and post.
pub fn evidence(doc: &Document, analysis: &DocumentAnalysis, span: Span) -> Evidence {
    let sentence = sentence_of(analysis, span);
    Evidence {
        doc: doc.id.clone(),
        outlet: outlet_name(doc),
        post: doc
            .posts
            .iter()
            .position(|p| p.span.contains(sentence) || p.span.contains(span)),
        span: sentence,
        text: sentence.slice(&doc.text).to_string(),
    }
}

fn day_value(value: &str) -> Option<NaiveDate> {
    let v = value.get(..10)?;
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// The calendar days a document's DATE timexes name, with their spans. A page
/// without a publication date cannot anchor "November 19": such a year-less day
/// takes the latest year the page writes out ("… in 2025"), the year a news page
/// most likely means (as a narrative-mode tagger reads undated text). A dated
/// page keeps its own resolution.
fn document_days(d: &Document, a: &DocumentAnalysis) -> Vec<(Span, NaiveDate)> {
    let year = if d.published.is_some() {
        None
    } else {
        crate::claims::writing_year(d, a)
    };
    a.timexes
        .iter()
        .filter(|t| t.kind == TimexType::Date && t.value.len() == 10)
        .filter_map(|t| {
            let date = match (t.value.strip_prefix("XXXX"), year) {
                (Some(month_day), Some(y)) => day_value(&format!("{y}{month_day}")),
                _ => day_value(&t.value),
            }?;
            Some((t.span, date))
        })
        .collect()
}

/// Builds the brief. `duplicates` holds the store's near-duplicate links (doc → earlier doc).
pub fn build_brief(
    docs: &[(Document, DocumentAnalysis)],
    duplicates: &[(String, Option<String>)],
) -> Brief {
    let outlets: Vec<String> = docs.iter().map(|(d, _)| outlet_name(d)).collect();

    // Lineage: reposts and independent sources.
    let lineage_inputs: Vec<LineageInput> = docs
        .iter()
        .zip(&outlets)
        .map(|((d, _), o)| LineageInput {
            id: d.id.clone(),
            outlet: o.clone(),
            text: d.text.clone(),
            published: d.published.as_ref().map(|p| p.at.utc),
            credited_source: d.credited_source.clone(),
        })
        .collect();
    let mut reposts = find_reposts(&lineage_inputs);
    // The store links a near-duplicate to the copy ingested first; lineage above
    // orders by publication time and credits, so it wins wherever it decided.
    for (id, of) in duplicates {
        if let Some(of) = of {
            let decided = |x: &String| {
                reposts
                    .iter()
                    .any(|r| &r.doc == x || r.origin_doc.as_ref() == Some(x))
            };
            if !decided(id) && !decided(of) {
                if let Some(pos) = docs.iter().position(|(d, _)| &d.id == of) {
                    reposts.push(RepostLink {
                        doc: id.clone(),
                        origin_doc: Some(of.clone()),
                        origin_outlet: outlets[pos].clone(),
                        reason: crate::lineage::RepostReason::NearDuplicate {
                            jaccard: 1.0,
                            containment: 1.0,
                        },
                    });
                }
            }
        }
    }
    let sources = independent_sources(&lineage_inputs, &reposts);

    // Each document's calendar days, read once for the stories and the timeline.
    let days: Vec<Vec<(Span, NaiveDate)>> = docs.iter().map(|(d, a)| document_days(d, a)).collect();

    // Stories, in ingestion order (incremental clustering).
    let mut clusterer = StoryClusterer::new(StoryConfig::default());
    let mut story_of = Vec::with_capacity(docs.len());
    let mut reasons: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for ((d, a), days) in docs.iter().zip(&days) {
        let input = StoryInput {
            id: d.id.clone(),
            title: d.title.clone(),
            text: d.text.clone(),
            published: d.published.as_ref().map(|p| p.at.date()),
            dates: days.iter().map(|&(_, day)| day).collect(),
            names: a.entities.iter().map(|e| e.name.clone()).collect(),
        };
        let assignment = clusterer.add(&input);
        // Why each document joined its story, and why a story's first document
        // did not join another one.
        reasons
            .entry(assignment.story)
            .or_default()
            .extend(assignment.reasons.iter().take(3).cloned());
        story_of.push((assignment.story, assignment.topic));
    }
    // Topics regrouped from all stories at once, whatever order the documents
    // came in.
    for (kept, joined, link) in clusterer.settle_topics() {
        reasons.entry(joined).or_default().push(format!(
            "topic shared with story {kept}: headline and lede words, average link {link:.3} >= {:.3}",
            clusterer.config.settle_threshold
        ));
    }
    for entry in story_of.iter_mut() {
        entry.1 = clusterer.topic_of(entry.0).unwrap_or(entry.1);
    }
    let mut stories: Vec<BriefStory> = Vec::new();
    for (i, (d, _)) in docs.iter().enumerate() {
        let (s, topic) = story_of[i];
        match stories.iter_mut().find(|b| b.id == s) {
            Some(b) => b.documents.push(d.id.clone()),
            None => stories.push(BriefStory {
                id: s,
                topic,
                headline: d
                    .title
                    .clone()
                    .or_else(|| first_sentence(&d.text))
                    .unwrap_or_else(|| outlet_name(d)),
                documents: vec![d.id.clone()],
                reasons: reasons.get(&s).cloned().unwrap_or_default(),
            }),
        }
    }

    let documents: Vec<BriefDocument> = docs
        .iter()
        .zip(&outlets)
        .enumerate()
        .map(|(i, ((d, _), o))| BriefDocument {
            id: d.id.clone(),
            outlet: o.clone(),
            title: d.title.clone(),
            url: d.url.clone(),
            origin: d.origin.clone(),
            lede: first_sentence(&d.text),
            published: d.published.as_ref().map(|p| p.at.to_iso()),
            published_not_before: d
                .published
                .as_ref()
                .is_some_and(|p| p.provenance == model::TimeProvenance::LinkedArticles),
            is_live_blog: d.is_live_blog,
            posts: d.posts.len(),
            story: stories
                .iter()
                .position(|s| s.id == story_of[i].0)
                .unwrap_or(0),
            repost_of: reposts
                .iter()
                .find(|r| r.doc == d.id)
                .map(|r| r.origin_outlet.clone()),
        })
        .collect();
    let mut outlet_summaries: Vec<OutletSummary> = Vec::new();
    for d in &documents {
        match outlet_summaries.iter_mut().find(|o| o.name == d.outlet) {
            Some(o) => {
                o.documents += 1;
                o.reposts += usize::from(d.repost_of.is_some());
            }
            None => outlet_summaries.push(OutletSummary {
                name: d.outlet.clone(),
                documents: 1,
                reposts: usize::from(d.repost_of.is_some()),
            }),
        }
    }

    // Timeline from event dates in the text (not publication times).
    let mut dated = Vec::new();
    for (((d, a), o), days) in docs.iter().zip(&outlets).zip(&days) {
        for &(span, date) in days {
            let sentence = sentence_of(a, span);
            dated.push(DatedSentence {
                doc: d.id.clone(),
                outlet: o.clone(),
                sentence_span: sentence,
                text: sentence.slice(&d.text).to_string(),
                date,
                published: d.published.as_ref().map(|p| p.at.date()),
            });
        }
    }
    let timeline = build_timeline(&dated, None);

    let inputs: Vec<DocInput> = docs
        .iter()
        .zip(&outlets)
        .map(|((d, a), o)| DocInput {
            doc: d,
            analysis: a,
            outlet: o.clone(),
        })
        .collect();
    // Tokenised and read once for claims, positions and framing.
    let reading = Reading::new(&inputs);
    let claim_set = build_claims_in(&reading);
    let position_table = positions_in(&reading);
    let framing_profiles = framing_in(&reading.ctxs, &claim_set);

    Brief {
        schema: BRIEF_SCHEMA,
        documents,
        outlets: outlet_summaries,
        independent_sources: sources,
        reposts,
        stories,
        entities: cross_entities(docs, &outlets),
        timeline,
        claims: claim_set.claims,
        disagreements: claim_set.disagreements,
        positions: position_table,
        framing: framing_profiles,
        quotes: quotes(&reading, &outlets),
    }
}

fn quotes(reading: &Reading, outlets: &[String]) -> Vec<BriefQuote> {
    let mut out = Vec::new();
    for (ctx, o) in reading.ctxs.iter().zip(outlets) {
        let (d, a) = (ctx.input.doc, ctx.input.analysis);
        for at in &a.attributions {
            let anchor = at.content.first().copied().or(at.cue).unwrap_or_default();
            let (source, speaker, speaker_key) = match &at.source {
                Some(s) => {
                    let name = ctx.source_name(s);
                    // A pronoun nothing resolved ("he") names nobody to match.
                    let key = if crate::claims::is_unresolved_pronoun(&name) {
                        String::new()
                    } else {
                        ctx.speaker_key(s)
                    };
                    (s.text.clone(), name, key)
                }
                None => (
                    "(unattributed)".to_string(),
                    "(unattributed)".to_string(),
                    String::new(),
                ),
            };
            out.push(BriefQuote {
                outlet: o.clone(),
                source,
                speaker,
                speaker_key,
                via: at.via.as_ref().map(|v| v.text.clone()),
                cue: at.cue.map(|c| c.slice(&d.text).to_string()),
                kind: at.kind,
                stance: at.stance,
                content: at.content_text.clone(),
                evidence: evidence(d, a, anchor),
            });
        }
    }
    // One name per speaker, the one claims would give it.
    let mut forms: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for q in out.iter().filter(|q| !q.speaker_key.is_empty()) {
        forms.entry(&q.speaker_key).or_default().push(&q.speaker);
    }
    let names: BTreeMap<String, String> = forms
        .into_iter()
        .map(|(k, v)| (k.to_string(), crate::claims::usual_name(v.into_iter())))
        .collect();
    for q in &mut out {
        if let Some(name) = names.get(&q.speaker_key) {
            q.speaker.clone_from(name);
        }
    }
    out
}

/// Merges entities across documents (`analysis::entities::same_entity`: spelling
/// and transliteration variants of one name, first names that are variants or
/// missing) and counts every surface form per outlet. A one-word name the tagger
/// typed differently in two documents ("Kyiv" as a place here, a person there) is
/// still one name.
fn cross_entities(docs: &[(Document, DocumentAnalysis)], outlets: &[String]) -> Vec<CrossEntity> {
    let mut merged: Vec<CrossEntity> = Vec::new();
    // Each group's representative, with its name keys computed once.
    let mut reps: Vec<(model::Entity, EntityKeys)> = Vec::new();
    let mut kind_votes: Vec<BTreeMap<EntityKind, usize>> = Vec::new();
    for ((_, a), o) in docs.iter().zip(outlets) {
        for (ei, e) in a.entities.iter().enumerate() {
            let one_word = |x: &model::Entity| !x.name.contains(' ');
            let keys = EntityKeys::of(e);
            let idx = reps
                .iter()
                .position(|(r, r_keys)| {
                    r_keys.same(&keys)
                        || (one_word(r) && one_word(e) && !r.key.is_empty() && r.key == e.key)
                })
                .unwrap_or_else(|| {
                    reps.push((e.clone(), keys.clone()));
                    kind_votes.push(BTreeMap::new());
                    merged.push(CrossEntity {
                        name: e.name.clone(),
                        kind: e.kind,
                        key: e.key.clone(),
                        roles: Vec::new(),
                        spellings: Vec::new(),
                        mentions: 0,
                        outlets: Vec::new(),
                    });
                    merged.len() - 1
                });
            let m = &mut merged[idx];
            if e.name.split_whitespace().count() > m.name.split_whitespace().count() {
                m.name = e.name.clone();
                reps[idx] = (e.clone(), keys);
            }
            for r in &e.roles {
                if !m.roles.contains(r) {
                    m.roles.push(r.clone());
                }
            }
            if !m.outlets.contains(o) {
                m.outlets.push(o.clone());
            }
            for mention in a
                .mentions
                .iter()
                .filter(|x| x.entity == ei && !x.is_pronoun)
            {
                m.mentions += 1;
                *kind_votes[idx].entry(e.kind).or_default() += 1;
                let form = mention
                    .text
                    .trim_end_matches("'s")
                    .trim_end_matches("\u{2019}s")
                    .to_string();
                match m.spellings.iter_mut().find(|s| s.form == form) {
                    Some(s) => *s.outlets.entry(o.clone()).or_default() += 1,
                    None => m.spellings.push(Spelling {
                        form,
                        outlets: BTreeMap::from([(o.clone(), 1)]),
                    }),
                }
            }
        }
    }
    for (m, votes) in merged.iter_mut().zip(&kind_votes) {
        if let Some((k, _)) = votes.iter().max_by_key(|(_, n)| **n) {
            m.kind = *k;
        }
    }
    merged.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    merged
}

/// Entities whose spellings differ between outlets (the contested names).
pub fn contested_spellings(entities: &[CrossEntity]) -> Vec<&CrossEntity> {
    entities
        .iter()
        .filter(|e| {
            let forms: BTreeSet<String> = e
                .spellings
                .iter()
                .map(|s| s.form.split_whitespace().last().unwrap_or("").to_string())
                .collect();
            forms.len() > 1 && e.outlets.len() > 1
        })
        .collect()
}

/// The first sentence of `text`, cut at a word boundary to at most 200 bytes (a
/// document's heading when it has no title).
pub fn first_sentence(text: &str) -> Option<String> {
    let span = text::split_sentences(text).into_iter().next()?;
    let s = span.slice(text).trim();
    if s.is_empty() {
        return None;
    }
    if s.len() <= 200 {
        return Some(s.to_string());
    }
    let mut cut = 200;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let head = head.rfind(' ').map_or(head, |k| &head[..k]);
    Some(format!("{head}…"))
}
