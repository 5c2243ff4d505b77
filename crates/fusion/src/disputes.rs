//! Facts one source asserts and another denies: "the union says the government
//! agreed to a 6% rise" against "the ministry says no figure was ever agreed";
//! "a town Russia claims to have seized" against "Ukraine denies that the town has
//! been captured".
//!
//! A statement *denies* when its cue says so (stance `denies`) or when its content
//! negates a fact ("no figure was ever agreed", "the talks did not take place")
//! rather than a future act ("we will not accept it" is a position, read by the
//! positions table). A statement *asserts* when it reports something as fact, with
//! no stance or the stance `claims`. A denial and an assertion are one dispute
//! when their sources differ, their contents share a content word (lemma or
//! related-word group, so "seized" meets "captured"), and they are about the same
//! thing: their sentences share a name other than the two sources', or they stand
//! within two sentences of each other in one document (the "X says …; Y says …"
//! of a he-said-she-said paragraph).
//!
//! Statements linked by disputes are grouped (union-find), so a repost of the same
//! exchange joins the original's dispute instead of adding another.

use std::collections::BTreeSet;

use model::Stance;
use text::{tokenize, TokenShape};

use crate::claims::{
    rebase, reported_stance, DocContext, Groups, Lexicon, StatedValue, Statement, SurfaceForms,
};

/// Words that negate the clause they stand in.
/// Words that make a clause about the future or about what is possible or wanted:
/// a negation after one of them states a position, not a fact.
const MODALS: &[&str] = &[
    "will", "would", "can", "could", "should", "must", "may", "might", "shall", "wo", "ca", "'ll",
    "want", "wants", "intend", "intends", "plan", "plans", "going",
];

/// Which way a statement goes on the fact it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Polarity {
    Asserts,
    Denies,
}

struct FactStatement {
    doc: usize,
    /// Index of the sentence the content starts in.
    sentence: usize,
    speaker_key: String,
    speaker_name: String,
    polarity: Polarity,
    /// Content words of the content (lemmas or related-word groups), no names.
    words: BTreeSet<String>,
    /// For a denial, the words of what it denies (see `fact_statements`).
    core: BTreeSet<String>,
    /// Name keys of the sentence other than the source's own.
    names: BTreeSet<String>,
    statement: Statement,
}

/// A dispute: who asserts and who denies, with the content words they share.
pub(crate) struct Dispute {
    pub(crate) topic: Vec<String>,
    pub(crate) asserted: Vec<Statement>,
    pub(crate) asserted_by: Vec<String>,
    pub(crate) denied: Vec<Statement>,
    pub(crate) denied_by: Vec<String>,
}

/// Auxiliaries a negated main verb leans on ("was not", "did not", "has never").
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had",
];

/// True when `content` negates a fact: the verb of a clause negated after an
/// auxiliary ("it did not happen", "has never been", "hasn't received"), a subject
/// with "no" ("no figure was ever agreed"), or "has yet to" — and no modal or verb
/// of intent earlier in the clause ("we will never accept" is a position).
/// "Not just", "not only" and "but not" do not negate the clause.
#[cfg(test)]
fn negates_fact(content: &str) -> bool {
    negated_rest(content).is_some()
}

/// The words from the negated verb of a fact on (see [`negates_fact`]), or `None`
/// when the content negates no fact. "Not a …" and "not …, but …" characterise or
/// contrast ("not a plan, but a wish list") and negate no fact.
fn negated_rest(content: &str) -> Option<Vec<String>> {
    let words: Vec<String> = tokenize(content)
        .iter()
        .filter(|t| t.shape != TokenShape::Punct || t.text == "'")
        .map(|t| t.text.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let mut modal = false;
    for (i, w) in words.iter().enumerate() {
        let w = w.as_str();
        let prev = i.checked_sub(1).map(|p| words[p].as_str());
        let next = words.get(i + 1).map(String::as_str);
        if MODALS.contains(&w) {
            modal = true;
            continue;
        }
        let negated = match w {
            "not" | "never" => {
                let leans = prev.is_some_and(|p| AUXILIARIES.contains(&p))
                    // "it never happened", "was never agreed"
                    || (w == "never"
                        && next.is_some_and(|n| n.ends_with("ed") || AUXILIARIES.contains(&n)));
                leans && !matches!(next, Some("just" | "only" | "least" | "yet"))
            }
            "no" | "nothing" | "nobody" | "none" => {
                // A negated subject at the clause start: "no figure was agreed".
                prev.is_none_or(|p| matches!(p, "that" | "and" | "but"))
            }
            "yet" => {
                prev.is_some_and(|p| matches!(p, "has" | "have" | "had")) && next == Some("to")
            }
            "n't" => prev.is_some_and(|p| AUXILIARIES.contains(&p)),
            _ if w.ends_with("n't") => AUXILIARIES.contains(&w.trim_end_matches("n't")),
            _ => false,
        };
        if negated {
            let rest = &words[i + 1..];
            let contrast = matches!(next, Some("a" | "an")) || rest.iter().any(|w| w == "but");
            if modal || contrast {
                return None;
            }
            // "no figure was ever agreed": the verb comes after the subject's auxiliary.
            let from = if matches!(w, "no" | "nothing" | "nobody" | "none") {
                rest.iter()
                    .position(|w| AUXILIARIES.contains(&w.as_str()))
                    .map_or(0, |p| p + 1)
            } else {
                0
            };
            return Some(rest[from..].to_vec());
        }
    }
    None
}

fn fact_statements(ctxs: &[DocContext], lex: &Lexicon) -> Vec<FactStatement> {
    let mut out = Vec::new();
    for (d, ctx) in ctxs.iter().enumerate() {
        for a in &ctx.input.analysis.attributions {
            let (Some(source), Some(first)) = (&a.source, a.content.first()) else {
                continue;
            };
            let stance = reported_stance(ctx, a);
            let toks = tokenize(&a.content_text);
            let words: BTreeSet<String> = lex
                .concepts(&a.content_text, &toks, &ctx.names)
                .into_iter()
                .filter(|c| !c.proper)
                .map(|c| c.key)
                .collect();
            // What is denied: a denial's whole content; a negated fact's verb, the
            // first content word after the negation ("no figure was ever agreed").
            let (polarity, core) = match stance {
                Some(Stance::Denies) => (Polarity::Denies, words.clone()),
                None | Some(Stance::Claims) => match negated_rest(&a.content_text) {
                    Some(rest) => (
                        Polarity::Denies,
                        rest.iter().filter_map(|w| lex.concept(w)).take(1).collect(),
                    ),
                    None => (Polarity::Asserts, BTreeSet::new()),
                },
                _ => continue,
            };
            // A question or a condition is nobody's fact.
            if a.stance.is_some() && stance.is_none() {
                continue;
            }
            if words.is_empty() {
                continue;
            }
            let sentence_index = ctx.sentences.partition_point(|s| s.end <= first.start);
            let sentence = ctx.sentence_at(first.start);
            let speaker_key = ctx.speaker_key(source);
            let source_name = ctx.source_name(source);
            let own: BTreeSet<String> = tokenize(&source_name)
                .iter()
                .map(|t| format!("@{}", crate::framing::name_key(t.text)))
                .collect();
            let text = ctx.text();
            let sentence_text = sentence.slice(text);
            let sentence_toks = rebase(ctx.tokens_in(sentence), sentence.start);
            let names: BTreeSet<String> = lex
                .concepts(sentence_text, &sentence_toks, &ctx.names)
                .into_iter()
                .filter(|c| c.proper && !own.contains(&c.key))
                .map(|c| c.key)
                .collect();
            let span = ctx.content_sentences(a);
            out.push(FactStatement {
                doc: d,
                sentence: sentence_index,
                speaker_key,
                speaker_name: source_name.clone(),
                polarity,
                words,
                core,
                names,
                statement: Statement {
                    evidence: ctx.evidence_for(span),
                    reported_by: ctx
                        .reported_by(Some(source_name), a.via.as_ref().map(|v| v.text.clone())),
                    value: StatedValue::Said {
                        content: a.content_text.clone(),
                        kind: a.kind,
                        stance,
                    },
                },
            });
        }
    }
    out
}

/// The content words an assertion and a denial share when they are about the
/// same fact, or nothing: the assertion must hold a word of what is denied, and
/// either stand next to the denial in one document ("X says …. Y says …") or share
/// with it a name the story rarely uses (`rare_names`), since the names every
/// sentence of a story repeats tell nothing about which fact is meant.
fn disputed_words(
    a: &FactStatement,
    denial: &FactStatement,
    rare_names: &BTreeSet<&str>,
) -> Vec<String> {
    if a.speaker_key == denial.speaker_key {
        return Vec::new();
    }
    let shared: Vec<String> = a.words.intersection(&denial.core).cloned().collect();
    if shared.is_empty() {
        return Vec::new();
    }
    let adjacent = a.doc == denial.doc && a.sentence.abs_diff(denial.sentence) <= 1;
    let named = a
        .names
        .intersection(&denial.names)
        .any(|n| rare_names.contains(n.as_str()));
    if adjacent || named {
        shared
    } else {
        Vec::new()
    }
}

/// Names that appear in few of the story's statements: at most two, or a tenth of
/// them in a large story.
fn rare_names(facts: &[FactStatement]) -> BTreeSet<&str> {
    let mut df: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for f in facts {
        for n in &f.names {
            *df.entry(n.as_str()).or_default() += 1;
        }
    }
    let limit = (facts.len() / 10).max(2);
    df.into_iter()
        .filter(|&(_, n)| n <= limit)
        .map(|(k, _)| k)
        .collect()
}

/// True when two statements of one side are one statement repeated (a repost, or
/// one outlet quoting another): the same speaker and nearly the same words.
fn repeated(a: &FactStatement, b: &FactStatement) -> bool {
    let shared = a.words.intersection(&b.words).count();
    let all = a.words.union(&b.words).count().max(1);
    a.polarity == b.polarity && a.speaker_key == b.speaker_key && shared * 5 >= all * 3
}

/// Every dispute in the story, in order of its first denial. Each denial is
/// matched with the assertions it disputes; denials that repeat one another
/// (reposts) are one dispute. Assertions are not chained: two denials meet only
/// through being the same statement, never through a shared assertion.
pub(crate) fn disputes(ctxs: &[DocContext], lex: &Lexicon, surface: &SurfaceForms) -> Vec<Dispute> {
    let facts = fact_statements(ctxs, lex);
    let rare = rare_names(&facts);
    // Assertions by content word, so each denial meets only those holding a word
    // of what it denies.
    let mut by_word: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        if f.polarity == Polarity::Asserts {
            for w in &f.words {
                by_word.entry(w.as_str()).or_default().push(i);
            }
        }
    }
    // Each denial with the assertions it disputes and the words they share.
    let mut matched: Vec<(usize, Vec<usize>, BTreeSet<String>)> = Vec::new();
    for (d, denial) in facts.iter().enumerate() {
        if denial.polarity != Polarity::Denies {
            continue;
        }
        let candidates: BTreeSet<usize> = denial
            .core
            .iter()
            .flat_map(|w| by_word.get(w.as_str()).into_iter().flatten().copied())
            .collect();
        let mut asserted = Vec::new();
        let mut words = BTreeSet::new();
        for i in candidates {
            let shared = disputed_words(&facts[i], denial, &rare);
            if !shared.is_empty() {
                asserted.push(i);
                words.extend(shared);
            }
        }
        if !asserted.is_empty() {
            matched.push((d, asserted, words));
        }
    }
    let mut groups = Groups::new(matched.len());
    for i in 0..matched.len() {
        for j in i + 1..matched.len() {
            if repeated(&facts[matched[i].0], &facts[matched[j].0]) {
                groups.union(i, j);
            }
        }
    }
    let mut out = Vec::new();
    for members in groups.members() {
        let mut denials: Vec<usize> = Vec::new();
        let mut assertions: BTreeSet<usize> = BTreeSet::new();
        let mut topic: BTreeSet<String> = BTreeSet::new();
        for &m in &members {
            let (d, asserted, words) = &matched[m];
            denials.push(*d);
            assertions.extend(asserted.iter().copied());
            topic.extend(words.iter().cloned());
        }
        let mut dispute = Dispute {
            topic: topic.iter().map(|k| surface.word(k).to_string()).collect(),
            asserted: Vec::new(),
            asserted_by: Vec::new(),
            denied: Vec::new(),
            denied_by: Vec::new(),
        };
        for (indices, statements, names) in [
            (
                assertions.into_iter().collect::<Vec<_>>(),
                &mut dispute.asserted,
                &mut dispute.asserted_by,
            ),
            (denials, &mut dispute.denied, &mut dispute.denied_by),
        ] {
            for i in indices {
                statements.push(facts[i].statement.clone());
                if !names.contains(&facts[i].speaker_name) {
                    names.push(facts[i].speaker_name.clone());
                }
            }
        }
        out.push(dispute);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::negates_fact;

    #[test]
    fn facts_are_negated_positions_are_not() {
        let cases = [
            ("no figure was ever agreed", true),
            ("the talks did not take place", true),
            ("it never happened", true),
            ("the town hasn't been captured", true),
            ("we will never accept it", false),
            ("they won't sign", false),
            ("Kyiv cannot agree to this", false),
            ("the offer is fair", false),
            ("he wants no part of it", false),
            ("it has yet to receive anything", true),
            ("they feel under attack not just from the north", false),
            ("he confirmed the date (but not the deadline)", false),
            ("the team didn't arrive", true),
            ("the proposal is not a plan, but a wish list", false),
            ("it was not signed but initialled", false),
        ];
        let got: Vec<(&str, bool)> = cases.iter().map(|(s, _)| (*s, negates_fact(s))).collect();
        assert_eq!(got, cases.to_vec());
    }
}
