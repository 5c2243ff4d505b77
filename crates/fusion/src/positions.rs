//! Positions: which actor takes which stance on which issue.
//!
//! Built from attributions that carry a stance toward a matter (proposes, supports,
//! accepts, rejects, demands; what a source claims, warns of or denies is a report,
//! compared as claims and disputes instead). Issues are discovered from the
//! text, not taken from a list: the key words of each attributed content (common
//! words and names, with stance verbs left out; of a reported content, only the
//! matter it opens with, not the circumstances after a clause word or comma) are
//! compared, and contents that share enough of them form one issue (a matter
//! marked as another instance of its kind, "alternative frameworks" or "its own
//! plan", only with contents marked the same way). An issue is
//! labelled in the statements' own words when it can be (`phrases`: the phrase
//! they share, "peace plan", or the short phrase a single statement opens with,
//! "being left out of NATO"), else by its most frequent key words (on a tie,
//! first the words more of the story's statements use).
//! Actors are matched across documents and spellings by their name key.

use std::collections::BTreeMap;

use model::{Evidence, Stance};
use serde::Serialize;
use text::tokenize;

use crate::claims::{
    is_negative, is_positive, reported_stance, DocInput, Groups, Reading, ReportedBy,
};
use crate::phrases;

/// Actors × issues with each actor's stance and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct PositionTable {
    pub issues: Vec<Issue>,
    pub actors: Vec<Actor>,
    /// One entry per actor and issue, sorted by actor name then issue.
    pub positions: Vec<Position>,
}

/// A matter actors take positions on, discovered from attributed content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// `issue-1`, ... in order of first mention.
    pub id: String,
    /// The phrase the issue's statements share ("ceasefire plan"), the short
    /// phrase its one statement opens with ("new elections in the capital"), or
    /// else its most frequent key words joined ("border, ceasefire, plan"; on a
    /// tie, the words more of the story's statements use come first).
    pub label: String,
    /// The key words (up to three of the most frequent), in alphabetical order.
    pub terms: Vec<String>,
}

/// Someone who takes positions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// The spelling-insensitive key used to match the actor across outlets.
    pub key: String,
    /// The fullest name seen.
    pub name: String,
}

/// One actor's stance on one issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    /// The actor's display name.
    pub actor: String,
    pub actor_key: String,
    /// The issue id.
    pub issue: String,
    /// The most frequently reported stance (the latest one on a tie).
    pub stance: Stance,
    /// True when the actor is reported both for and against.
    pub mixed: bool,
    pub statements: Vec<PositionStatement>,
}

/// One report of an actor's stance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionStatement {
    pub stance: Stance,
    pub content: String,
    pub evidence: Evidence,
    pub reported_by: ReportedBy,
}

struct Stated {
    actor_key: String,
    actor_name: String,
    terms: BTreeMap<String, bool>,
    /// What marks the matter as another instance of its kind ("alternative").
    other: Option<String>,
    statement: PositionStatement,
}

/// Builds the position table of a story.
pub fn positions(docs: &[DocInput]) -> PositionTable {
    positions_in(&Reading::new(docs))
}

/// [`positions`] over a story already read.
pub(crate) fn positions_in(reading: &Reading) -> PositionTable {
    let (lex, ctxs, surface) = (&reading.lex, &reading.ctxs[..], &reading.surface);
    let stance_words: Vec<String> = ["accept", "reject"]
        .iter()
        .filter_map(|w| lex.concept(w))
        .collect();
    let mut stated: Vec<Stated> = Vec::new();
    for ctx in ctxs {
        for a in &ctx.input.analysis.attributions {
            let stance = reported_stance(ctx, a);
            let (Some(source), Some(stance)) = (&a.source, stance) else {
                continue;
            };
            // What a source claims, warns of or denies is a report about the world,
            // not a position on a matter (those are claims and disputes).
            if matches!(stance, Stance::Claims | Stance::Warns | Stance::Denies) {
                continue;
            }
            let terms_of = |text: &str| -> BTreeMap<String, bool> {
                lex.concepts(text, &tokenize(text), &ctx.names)
                    .into_iter()
                    .filter(|c| !stance_words.contains(&c.key))
                    .map(|c| (c.key, c.proper))
                    .collect()
            };
            // The matter of a reported content is what it opens with, not the
            // circumstances after it ("megaphone diplomacy, amid claims … a draft
            // peace plan"), unless that names too little. A quotation is speech,
            // read whole ("It is not everything we asked for, but it is a deal").
            let head_text = match a.kind {
                model::AttributionKind::Direct => "",
                _ => phrases::matter_head(lex, &a.content_text),
            };
            let head = terms_of(head_text);
            let (terms, other) = if head.len() >= 2 {
                (head, phrases::other_instance(head_text))
            } else {
                (terms_of(&a.content_text), None)
            };
            // "called ungrateful by X" leaves "Zelensky"; "that Ukraine:" a
            // headline's colon: one word names no matter to take a stance on.
            if terms.len() < 2 {
                continue;
            }
            let at = a.content.first().map(|s| s.start).unwrap_or(0);
            for actor in coordinated_actors(ctx, source) {
                let name = ctx.source_name(&actor);
                stated.push(Stated {
                    actor_key: ctx.speaker_key(&actor),
                    actor_name: name.clone(),
                    terms: terms.clone(),
                    other: other.clone(),
                    statement: PositionStatement {
                        stance,
                        content: a.content_text.clone(),
                        evidence: ctx.evidence_at(at),
                        reported_by: ctx
                            .reported_by(Some(name), a.via.as_ref().map(|v| v.text.clone())),
                    },
                });
            }
        }
    }

    // Issues: contents sharing two common key words, or most of the smaller one.
    let mut groups = Groups::new(stated.len());
    for i in 0..stated.len() {
        for j in i + 1..stated.len() {
            // "alternative frameworks" is not the framework others back, and one
            // actor's "own plan" is not another's.
            let (a, b) = (&stated[i], &stated[j]);
            let own_of_another = a.other.as_deref() == Some("own") && a.actor_key != b.actor_key;
            if a.other == b.other && !own_of_another && same_issue(&a.terms, &b.terms) {
                groups.union(i, j);
            }
        }
    }
    // How many statements of the story hold each common key word: among words
    // an issue's own statements hold equally often, the label prefers the ones
    // the story keeps returning to ("territory") over incidental ones.
    // (Each statement once, however many actors a coordination gave it.)
    let mut story_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut seen: std::collections::BTreeSet<(&str, usize)> = Default::default();
    for st in &stated {
        let ev = &st.statement.evidence;
        if !seen.insert((ev.doc.as_str(), ev.span.start)) {
            continue;
        }
        for (t, proper) in &st.terms {
            if !*proper {
                *story_counts.entry(t.as_str()).or_default() += 1;
            }
        }
    }
    let mut table = PositionTable::default();
    let mut issue_of = vec![String::new(); stated.len()];
    for members in groups.members() {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &m in &members {
            for (t, proper) in &stated[m].terms {
                if !*proper {
                    *counts.entry(t.as_str()).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        let in_story = |t: &str| story_counts.get(t).copied().unwrap_or(0);
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(in_story(b.0).cmp(&in_story(a.0)))
                .then(a.0.cmp(b.0))
        });
        let top = ranked.first().map(|r| r.1).unwrap_or(0);
        let need = if members.len() > 1 { 2.min(top) } else { 1 };
        let mut terms: Vec<String> = ranked
            .iter()
            .filter(|(_, c)| *c >= need)
            .take(3)
            .map(|(t, _)| (*t).to_string())
            .collect();
        terms.sort();
        // In the statements' own words when they share a phrase, or when the one
        // thing said opens with a short one; else the key words.
        let contents: Vec<&str> = members
            .iter()
            .map(|&m| stated[m].statement.content.as_str())
            .collect();
        let label = phrases::phrase_label(lex, &contents).unwrap_or_else(|| surface.label(&terms));
        let id = format!("issue-{}", table.issues.len() + 1);
        for &m in &members {
            issue_of[m] = id.clone();
        }
        table.issues.push(Issue { id, label, terms });
    }

    // Actors and their positions.
    let mut by_actor: BTreeMap<String, String> = BTreeMap::new();
    // The fullest name, preferring one that is not a coordination ("Port officials
    // and Brenland" keys as Brenland).
    let rank = |n: &str| (!n.contains(" and "), n.len());
    for s in &stated {
        let name = by_actor.entry(s.actor_key.clone()).or_default();
        if name.is_empty() || rank(&s.actor_name) > rank(name) {
            *name = s.actor_name.clone();
        }
    }
    let mut cells: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, s) in stated.iter().enumerate() {
        cells
            .entry((s.actor_key.clone(), issue_of[i].clone()))
            .or_default()
            .push(i);
    }
    for ((actor_key, issue), members) in cells {
        let mut counts: BTreeMap<Stance, (usize, usize)> = BTreeMap::new();
        for (order, &m) in members.iter().enumerate() {
            let e = counts.entry(stated[m].statement.stance).or_default();
            e.0 += 1;
            e.1 = order;
        }
        let Some(stance) = counts
            .iter()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(a.1 .1.cmp(&b.1 .1)))
            .map(|(s, _)| *s)
        else {
            continue;
        };
        let mixed =
            counts.keys().any(|s| is_positive(*s)) && counts.keys().any(|s| is_negative(*s));
        table.positions.push(Position {
            actor: by_actor.get(&actor_key).cloned().unwrap_or_default(),
            actor_key,
            issue,
            stance,
            mixed,
            statements: members
                .iter()
                .map(|&m| stated[m].statement.clone())
                .collect(),
        });
    }
    table.positions.sort_by(|a, b| {
        a.actor
            .cmp(&b.actor)
            .then(issue_number(&a.issue).cmp(&issue_number(&b.issue)))
    });
    table.actors = by_actor
        .into_iter()
        .map(|(key, name)| Actor { key, name })
        .collect();
    table.actors.sort_by(|a, b| a.name.cmp(&b.name));
    table
}

/// "the US and Ukraine agree to …": each member of a coordinated source of names
/// takes the position. Only names are split (every word of each part capitalised
/// after an optional "the", at most three words); "European leaders and Kyiv" and
/// an organisation or place whose own name holds "and" stay whole.
fn coordinated_actors(
    ctx: &crate::claims::DocContext,
    source: &model::AttributionSource,
) -> Vec<model::AttributionSource> {
    let whole = vec![source.clone()];
    // One organisation or place named with "and" ("Bosnia and Herzegovina") is
    // one entity; a person entity never is.
    let one_named_thing = source
        .entity
        .and_then(|e| ctx.input.analysis.entities.get(e))
        .is_some_and(|e| e.kind != model::EntityKind::Person && e.name.contains(" and "));
    if source.is_descriptor || one_named_thing {
        return whole;
    }
    if let Some(first) = neither_partner(ctx, source) {
        return vec![first, source.clone()];
    }
    let parts: Vec<&str> = source
        .text
        .split(" and ")
        .flat_map(|p| p.split(", "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 || !parts.iter().all(|p| is_short_name(p)) {
        return whole;
    }
    parts.into_iter().map(named_source).collect()
}

/// A name of at most three words, each capitalised (after an optional "the").
fn is_short_name(p: &str) -> bool {
    let words: Vec<&str> = p
        .strip_prefix("the ")
        .or_else(|| p.strip_prefix("The "))
        .unwrap_or(p)
        .split_whitespace()
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A source that is only a name read from the text (no span, no entity).
fn named_source(name: &str) -> model::AttributionSource {
    model::AttributionSource {
        span: None,
        text: name.to_string(),
        entity: None,
        is_descriptor: false,
    }
}

/// "Neither Ukraine nor Europe is willing to accept this": the source found is the
/// name after "nor"; the name between "Neither" and "nor" shares its position.
fn neither_partner(
    ctx: &crate::claims::DocContext,
    source: &model::AttributionSource,
) -> Option<model::AttributionSource> {
    let span = source.span?;
    let before = ctx.text().get(..span.start)?.trim_end();
    let before = before.strip_suffix("nor")?.trim_end();
    // The partner: the words back to "Neither" (a name of at most three words).
    let at = before
        .rfind("Neither ")
        .or_else(|| before.rfind("neither "))?;
    let name = before[at + "neither ".len()..].trim();
    is_short_name(name).then(|| named_source(name))
}

fn issue_number(id: &str) -> usize {
    id.rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn same_issue(a: &BTreeMap<String, bool>, b: &BTreeMap<String, bool>) -> bool {
    let common: usize = a
        .iter()
        .filter(|(k, proper)| !**proper && b.contains_key(*k))
        .count();
    let size = |m: &BTreeMap<String, bool>| m.values().filter(|p| !**p).count();
    let smaller = size(a).min(size(b)).max(1);
    common >= 2 || (common >= 1 && smaller <= 2 && common * 2 >= smaller)
}
