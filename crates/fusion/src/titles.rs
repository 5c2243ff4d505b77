//! Titles one outlet gets wrong: the same person called "former US President" in
//! one place and "US President" in another.
//!
//! Roles come from the per-document entity analysis ("Kremlin spokesman Dmitry
//! Peskov"). People are matched across documents by their surname key, as claims
//! match speakers. Two roles conflict when one is the other's office marked as
//! past ("former", "ex-"): "former US President" against "US President" or
//! "President" (one ends with the other). Different offices ("Former Prime
//! Minister", "Foreign Minister") are not compared: a person can hold several,
//! and one outlet naming another of them is not a contradiction.

use std::collections::BTreeMap;

use model::EntityKind;

use crate::claims::{person_key, DocContext, StatedValue, Statement};

/// A role as written, with whether it marks the office as past, its head word
/// and its words without "former"/"ex-" ("us president").
struct Role<'a> {
    written: &'a str,
    past: bool,
    head: String,
    office: Vec<String>,
}

fn read_role(written: &str) -> Option<Role<'_>> {
    let lower = written.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let past =
        matches!(words.first(), Some(&"former")) || words.iter().any(|w| w.starts_with("ex-"));
    words.retain(|w| *w != "former");
    let office: Vec<String> = words
        .iter()
        .map(|w| w.trim_start_matches("ex-").to_string())
        .collect();
    let head = office.last()?.clone();
    (head.len() >= 3).then_some(Role {
        written,
        past,
        head,
        office,
    })
}

/// One office named two ways: "us president" and "president" are one office
/// (one ends with the other), "prime minister" and "foreign minister" are two.
fn same_office(a: &[String], b: &[String]) -> bool {
    a.ends_with(b) || b.ends_with(a)
}

/// One side of a title conflict: the titles as written and their statements.
pub(crate) struct TitleSides {
    pub(crate) person: String,
    pub(crate) past: Vec<Statement>,
    pub(crate) current: Vec<Statement>,
}

/// Every person named with one office both as past and as current, in two
/// documents or more (one document contradicting itself counts when another
/// document is involved).
pub(crate) fn title_conflicts(ctxs: &[DocContext]) -> Vec<TitleSides> {
    // person key → head word → (past statements, current statements), plus the
    // fullest name seen.
    type Sides = (
        Vec<(usize, Vec<String>, Statement)>,
        Vec<(usize, Vec<String>, Statement)>,
    );
    let mut by_person: BTreeMap<String, (String, BTreeMap<String, Sides>)> = BTreeMap::new();
    for (d, ctx) in ctxs.iter().enumerate() {
        let text = ctx.text();
        for (index, e) in ctx.input.analysis.entities.iter().enumerate() {
            if e.kind != EntityKind::Person || e.roles.is_empty() {
                continue;
            }
            let key = person_key(&e.name);
            let entry = by_person
                .entry(key)
                .or_insert_with(|| (String::new(), BTreeMap::new()));
            if e.name.len() > entry.0.len() {
                entry.0 = e.name.clone();
            }
            for role in e.roles.iter().filter_map(|r| read_role(r)) {
                // Evidence: the first place the title is written next to a mention
                // of this person ("US President Donald Trump", "Peskov, Kremlin
                // spokesman"); a title never seen beside the name is left out.
                let beside = |at: usize| {
                    let end = at + role.written.len();
                    ctx.input.analysis.mentions.iter().any(|m| {
                        m.entity == index
                            && ((m.span.start >= end && m.span.start <= end + 3)
                                || (m.span.end <= at && m.span.end + 3 >= at))
                    })
                };
                let Some(at) = text
                    .match_indices(role.written)
                    .map(|(at, _)| at)
                    .find(|&at| beside(at))
                else {
                    continue;
                };
                let sentence = ctx.sentence_at(at);
                let statement = Statement {
                    evidence: ctx.evidence_for(sentence),
                    reported_by: ctx.reported_by(None, None),
                    value: StatedValue::Title {
                        title: role.written.to_string(),
                        past: role.past,
                    },
                };
                let sides = entry.1.entry(role.head.clone()).or_default();
                let list = if role.past {
                    &mut sides.0
                } else {
                    &mut sides.1
                };
                if !list
                    .iter()
                    .any(|(od, _, s)| *od == d && s.evidence.span == statement.evidence.span)
                {
                    list.push((d, role.office.clone(), statement));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (_, (person, heads)) in by_person {
        for (_, (past, current)) in heads {
            // Keep the statements whose office the other side also names.
            let past: Vec<_> = past
                .into_iter()
                .filter(|(_, o, _)| current.iter().any(|(_, c, _)| same_office(o, c)))
                .collect();
            let current: Vec<_> = current
                .into_iter()
                .filter(|(_, c, _)| past.iter().any(|(_, o, _)| same_office(o, c)))
                .collect();
            let (Some(first), false) = (past.first(), current.is_empty()) else {
                continue;
            };
            let two_documents = past.iter().chain(&current).any(|(d, _, _)| *d != first.0);
            if !two_documents {
                continue;
            }
            out.push(TitleSides {
                person: person.clone(),
                past: past.into_iter().map(|(_, _, s)| s).collect(),
                current: current.into_iter().map(|(_, _, s)| s).collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_read_as_past_or_current_with_a_head_word() {
        let shown: Vec<String> = [
            "Former US President",
            "US President",
            "ex-Defence Secretary",
            "Kremlin spokesman",
            "BBC's security correspondent",
            "UN",
        ]
        .iter()
        .map(|r| match read_role(r) {
            Some(role) => format!("{r} => past {} head {}", role.past, role.head),
            None => format!("{r} => -"),
        })
        .collect();
        expect_test::expect![[r#"
            Former US President => past true head president
            US President => past false head president
            ex-Defence Secretary => past true head secretary
            Kremlin spokesman => past false head spokesman
            BBC's security correspondent => past false head correspondent
            UN => -"#]]
        .assert_eq(&shown.join("\n"));
    }
}
