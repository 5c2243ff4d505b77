//! Short phrases that name what a group of statements is about, in the
//! statements' own words ("peace plan", "being left out of NATO"), for labels a
//! reader can take in at a glance. Key-word lists stay the fallback when no phrase
//! qualifies.

use std::collections::BTreeMap;

use text::{tokenize, Token, TokenShape};

use crate::claims::Lexicon;

/// Most words (figure marks aside) in a phrase [`lead_phrase`] returns.
const MAX_LEAD_WORDS: usize = 8;
/// Most topic words in a phrase [`lead_phrase`] returns.
const MAX_LEAD_CONTENT_WORDS: usize = 5;

/// Words a content opens with that name nothing ("to update the plan", "that …",
/// "for alternative frameworks").
const LEADING_FUNCTION_WORDS: &[&str] = &[
    "to", "that", "for", "and", "this", "these", "those", "it", "on", "about", "with", "of", "the",
    "a", "an", "in", "by", "from", "into",
];

/// Words that end the phrase a content opens with: the start of a clause or of a
/// circumstance ("megaphone diplomacy as Kiev claims …").
const CLAUSE_WORDS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "following",
    "amid",
    "after",
    "before",
    "while",
    "because",
    "including",
    "as",
    "if",
    "when",
    "where",
    "but",
    "so",
    "since",
    "despite",
    "until",
];

/// Words that end the phrase only once it holds two words or more ("terms that
/// resemble capitulation" stays whole; "talks that would include …" is cut).
const LATE_CLAUSE_WORDS: &[&str] = &["that", "and", "or"];

/// Marks that belong to a figure rather than end a phrase.
const NUMBER_MARKS: &[&str] = &["%", "$", "\u{20ac}", "\u{a3}"];

/// Words of someone speaking in their own voice: a quotation, not a label.
const SPEAKER_WORDS: &[&str] = &["i", "we", "you", "me", "us", "my", "our", "your"];

/// Words that say how many or which, not what ("several other provisions").
const QUANTIFIERS: &[&str] = &[
    "several", "other", "some", "many", "such", "each", "every", "these", "those", "more", "most",
    "less", "much", "both", "either", "neither", "another", "further",
];

/// A word that names something in a label: one the lexicon reads as a topic word or
/// a name, or a general word of four letters or more ("give") that is not a
/// quantifier or a function word.
fn names_something(w: &Word) -> bool {
    w.content
        || (w.key.len() >= 4
            && w.key.chars().all(char::is_alphabetic)
            && !QUANTIFIERS.contains(&w.key.as_str())
            && !SPEAKER_WORDS.contains(&w.key.as_str())
            && !CLAUSE_WORDS.contains(&w.key.as_str())
            && !LEADING_FUNCTION_WORDS.contains(&w.key.as_str()))
}

/// A word of a phrase: its match key (the lexicon's concept, a name's lower-case
/// form, or the bare word for function words) and whether it carries meaning.
struct Word<'a> {
    token: Token<'a>,
    key: String,
    content: bool,
    proper: bool,
}

fn words<'a>(lex: &Lexicon, text: &'a str) -> Vec<Option<Word<'a>>> {
    tokenize(text)
        .into_iter()
        .map(|t| {
            if t.shape == TokenShape::Number || NUMBER_MARKS.contains(&t.text) {
                // "a 6% rise": figures belong to the phrase.
                return Some(Word {
                    token: t,
                    key: t.text.to_string(),
                    content: t.shape == TokenShape::Number,
                    proper: false,
                });
            }
            if t.shape == TokenShape::Punct {
                return None;
            }
            let lower = t.text.to_lowercase();
            // "We’re", "it's": a function word with its contraction.
            let base = lower.split(['\'', '\u{2019}']).next().unwrap_or("");
            if base.len() < lower.len() && (SPEAKER_WORDS.contains(&base) || lex.is_stop(base)) {
                return Some(Word {
                    token: t,
                    key: base.to_string(),
                    content: false,
                    proper: false,
                });
            }
            let capital = matches!(t.shape, TokenShape::Capitalized | TokenShape::Upper);
            match lex.concept(t.text) {
                Some(key) => Some(Word {
                    token: t,
                    key,
                    content: true,
                    proper: capital,
                }),
                None if capital && lower.len() >= 2 && !lex.is_stop(&lower) => Some(Word {
                    token: t,
                    key: lower,
                    content: true,
                    proper: true,
                }),
                None => Some(Word {
                    token: t,
                    key: lower,
                    content: false,
                    proper: false,
                }),
            }
        })
        .collect()
}

/// The phrase of two to four words that most of `texts` share (matched by concept,
/// so "peace plans" meets "peace plan"): it opens and ends on a word that carries
/// meaning, holds only such words and [`INNER_WORDS`] between, and is not only names. `None`
/// unless at least two distinct texts hold it. Ties go to the longer phrase, then to
/// the one met first. The phrase is shown as the first text writes it.
pub(crate) fn shared_phrase(lex: &Lexicon, texts: &[&str]) -> Option<String> {
    phrases_of(lex, texts)
        .into_iter()
        .filter(|(_, v)| v.0 >= 2)
        .max_by(|(ka, a), (kb, b)| {
            a.0.cmp(&b.0)
                .then(ka.len().cmp(&kb.len()))
                .then(b.1.cmp(&a.1))
                .then(b.2.cmp(&a.2))
        })
        .map(|(_, v)| v.3)
}

/// How often each phrase occurs in a story: what [`distinctive_phrase`] weighs a
/// group's phrases against. Built once per story.
pub(crate) struct PhraseBackground {
    counts: Phrases,
    texts: usize,
}

impl PhraseBackground {
    pub(crate) fn new(lex: &Lexicon, texts: &[&str]) -> PhraseBackground {
        PhraseBackground {
            counts: phrases_of(lex, texts),
            texts: distinct(texts).len(),
        }
    }
}

/// Like [`shared_phrase`], but a phrase counts by how many of `texts` hold it
/// times how rare it is in the story (one plus the log of the story's number of
/// texts over those holding it): "key partner" names what one speaker's
/// statements share better than the "peace plan" the whole story talks about.
pub(crate) fn distinctive_phrase(
    lex: &Lexicon,
    texts: &[&str],
    background: &PhraseBackground,
) -> Option<String> {
    let n = background.texts as f64;
    let score = |key: &Vec<String>, count: usize| {
        let df = background.counts.get(key).map_or(0, |v| v.0).max(count) as f64;
        count as f64 * ((n.max(df) / df).ln() + 1.0)
    };
    phrases_of(lex, texts)
        .into_iter()
        .filter(|(_, v)| v.0 >= 2)
        .max_by(|(ka, a), (kb, b)| {
            score(ka, a.0)
                .total_cmp(&score(kb, b.0))
                .then(ka.len().cmp(&kb.len()))
                .then(b.1.cmp(&a.1))
                .then(b.2.cmp(&a.2))
        })
        .map(|(_, v)| v.3)
}

/// `texts` without repeats, in order.
fn distinct<'a>(texts: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for t in texts {
        if !out.contains(t) {
            out.push(t);
        }
    }
    out
}

/// Every phrase [`phrase_shape`] allows in `texts` (copies counted once): its
/// concept keys → (texts holding it, first text holding it, its start there, its
/// surface there).
type Phrases = BTreeMap<Vec<String>, (usize, usize, usize, String)>;

fn phrases_of(lex: &Lexicon, texts: &[&str]) -> Phrases {
    let mut seen: Phrases = BTreeMap::new();
    for (ti, text) in distinct(texts).iter().enumerate() {
        let ws = words(lex, text);
        let mut here: Vec<Vec<String>> = Vec::new();
        for start in 0..ws.len() {
            for n in 2..=4 {
                let Some(run) = ws.get(start..start + n) else {
                    break;
                };
                let run: Option<Vec<&Word>> = run.iter().map(Option::as_ref).collect();
                let Some(run) = run else { break };
                if !phrase_shape(&run) {
                    continue;
                }
                let key: Vec<String> = run.iter().map(|w| w.key.clone()).collect();
                if here.contains(&key) {
                    continue;
                }
                here.push(key.clone());
                let (Some(first), Some(last)) = (run.first(), run.last()) else {
                    continue;
                };
                let surface = display(&text[first.token.span.start..last.token.span.end], first);
                let e = seen
                    .entry(key)
                    .or_insert((0, ti, first.token.span.start, surface));
                e.0 += 1;
            }
        }
    }
    seen
}

/// Function words a shared phrase may hold inside ("cap on army size").
const INNER_WORDS: &[&str] = &["of", "on"];

/// Opens and ends on a meaningful word, holds only those and [`INNER_WORDS`], and
/// is not names only.
fn phrase_shape(run: &[&Word]) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    first.content
        && last.content
        && run
            .iter()
            .all(|w| w.content || INNER_WORDS.contains(&w.key.as_str()))
        && run.iter().any(|w| w.content && !w.proper)
}

/// A phrase's display form: a common word that opens it capitalised (at the start
/// of the text it came from) is shown in lower case.
fn display(surface: &str, first: &Word) -> String {
    if first.proper || first.token.shape != TokenShape::Capitalized {
        return surface.to_string();
    }
    let mut chars = surface.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The phrase a content opens with, when it is short enough to name the matter:
/// leading function words and marks skipped ("to give up any new territory or
/// recognise …" → "give up any new territory"), cut at the first mark or clause
/// word, trailing function words dropped. `None` unless it keeps at most
/// [`MAX_LEAD_WORDS`] words, at most [`MAX_LEAD_CONTENT_WORDS`] topic words, two
/// words that name something ("any deal" names too little), one common topic word,
/// and none that speaks ("we were promised").
pub(crate) fn lead_phrase(lex: &Lexicon, text: &str) -> Option<String> {
    let ws = words(lex, text);
    let mut i = 0;
    while let Some(w) = ws.get(i) {
        match w {
            None => i += 1,
            Some(w) if !w.content && LEADING_FUNCTION_WORDS.contains(&w.key.as_str()) => i += 1,
            Some(_) => break,
        }
    }
    let mut run: Vec<&Word> = Vec::new();
    for w in &ws[i.min(ws.len())..] {
        let Some(w) = w else { break };
        let key = w.key.as_str();
        if !w.content
            && (CLAUSE_WORDS.contains(&key) || (run.len() >= 2 && LATE_CLAUSE_WORDS.contains(&key)))
        {
            break;
        }
        run.push(w);
        let marks = run
            .iter()
            .filter(|w| NUMBER_MARKS.contains(&w.key.as_str()));
        let content = run.iter().filter(|w| w.content).count();
        if run.len() - marks.count() > MAX_LEAD_WORDS || content > MAX_LEAD_CONTENT_WORDS {
            return None;
        }
    }
    while run.last().is_some_and(|w| !w.content) {
        run.pop();
    }
    let spoken = run.iter().any(|w| SPEAKER_WORDS.contains(&w.key.as_str()));
    let naming = run.iter().filter(|w| names_something(w)).count();
    if spoken || naming < 2 || !run.iter().any(|w| w.content && !w.proper) {
        return None;
    }
    let (first, last) = (run.first()?, run.last()?);
    Some(display(
        &text[first.token.span.start..last.token.span.end],
        first,
    ))
}

/// Marks that end the matter a content names ("megaphone diplomacy, amid claims
/// …"); quotation marks do not ("a “large part” of the deal").
const MATTER_ENDS: &[&str] = &[",", ";", "\u{2014}", "\u{2013}", "("];

/// The part of a content that names its matter: up to the first clause word or
/// mark after a topic word ("megaphone diplomacy being practised in the West" of
/// "…, amid claims that officials changed a draft peace plan"). The whole text
/// when nothing ends it.
pub(crate) fn matter_head<'a>(lex: &Lexicon, text: &'a str) -> &'a str {
    let mut seen_topic = false;
    for t in tokenize(text) {
        let lower = t.text.to_lowercase();
        if seen_topic && (MATTER_ENDS.contains(&t.text) || CLAUSE_WORDS.contains(&lower.as_str())) {
            return &text[..t.span.start];
        }
        seen_topic |= t.shape != TokenShape::Punct && lex.concept(t.text).is_some();
    }
    text
}

/// Words that make a matter another instance of its kind ("alternative
/// frameworks", "a rival plan", "a counter-proposal", "its own peace plan"):
/// taking a stance on one is not taking it on the plain matter.
const OTHER_INSTANCE_WORDS: &[&str] = &["alternative", "alternate", "rival", "competing"];
/// What a "counter-" word must go on with to name a rival matter.
const COUNTER_NOUNS: &[&str] = &["proposal", "proposals", "offer", "offers", "plan", "plans"];
/// Possessives before "own" ("its own plan").
const POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our", "my", "your"];

/// The word in a matter that marks it as another instance of its kind, in lower
/// case ("alternative", "counter-proposal", "own"), if any.
pub(crate) fn other_instance(text: &str) -> Option<String> {
    let tokens = tokenize(text);
    tokens.iter().enumerate().find_map(|(i, t)| {
        let lower = t.text.to_lowercase();
        // "counter-proposal", "counteroffer"; not "counter-offensive".
        let counter = lower
            .strip_prefix("counter")
            .is_some_and(|rest| COUNTER_NOUNS.contains(&rest.strip_prefix('-').unwrap_or(rest)));
        let own = lower == "own"
            && i > 0
            && POSSESSIVES.contains(&tokens[i - 1].text.to_lowercase().as_str());
        (OTHER_INSTANCE_WORDS.contains(&lower.as_str()) || counter || own).then_some(lower)
    })
}

/// A label for what `texts` say: the phrase they share, or, when they are one text
/// (copies aside), the phrase it opens with.
pub(crate) fn phrase_label(lex: &Lexicon, texts: &[&str]) -> Option<String> {
    match distinct(texts)[..] {
        [one] => lead_phrase(lex, one),
        ref many => shared_phrase(lex, many),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_instance_is_marked_by_its_modifier() {
        let cases = [
            (
                "alternative frameworks that prioritise sovereignty",
                Some("alternative"),
            ),
            ("a counter-proposal on the border", Some("counter-proposal")),
            ("its own ceasefire plan", Some("own")),
            ("the rival plan", Some("rival")),
            // A verb, and "own" without a possessive, mark nothing.
            ("to counter the claims", None),
            ("a counter-offensive in the south", None),
            ("a counteroffer", Some("counteroffer")),
            ("own goals in the talks", None),
            ("the ceasefire plan", None),
        ];
        for (text, want) in cases {
            assert_eq!(other_instance(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn shared_phrases_are_matched_by_concept_and_shown_as_written() {
        let lex = Lexicon::new();
        let texts = [
            "to Trump's peace plan",
            "the peace plans drawn up in Washington",
            "Washington's proposals for a ceasefire",
        ];
        assert_eq!(shared_phrase(&lex, &texts).as_deref(), Some("peace plan"));
        // Names alone name no matter; one text is not shared.
        assert_eq!(
            shared_phrase(&lex, &["Donald Trump's visit", "Donald Trump's call"]),
            None
        );
        assert_eq!(
            shared_phrase(&lex, &["the port levy", "the port levy"]),
            None
        );
        // A pronoun with its contraction is no name.
        assert_eq!(
            shared_phrase(
                &lex,
                &["We\u{2019}re getting there", "We\u{2019}re getting close"]
            ),
            None
        );
        // The longer of two equally shared phrases.
        assert_eq!(
            shared_phrase(&lex, &["a cap on army size now", "their cap on army size"]).as_deref(),
            Some("cap on army size")
        );
    }

    #[test]
    fn the_matter_ends_at_a_clause_or_mark_after_a_topic_word() {
        let lex = Lexicon::new();
        let cases = [
            (
                "megaphone diplomacy being practised abroad, amid claims that a draft plan changed",
                "megaphone diplomacy being practised abroad",
            ),
            (
                "to a \u{201c}large part\u{201d} of the amended deal",
                "to a \u{201c}large part\u{201d} of the amended deal",
            ),
            (
                "this: no port gives up its docks",
                "this: no port gives up its docks",
            ),
            ("the levy as written", "the levy "),
        ];
        for (text, want) in cases {
            assert_eq!(matter_head(&lex, text), want, "{text}");
        }
    }

    #[test]
    fn a_distinctive_phrase_is_rare_in_the_story() {
        let lex = Lexicon::new();
        let texts = [
            "the peace plan leaves a key partner behind",
            "losing a key partner over the peace plan",
        ];
        let story = [
            texts[0],
            texts[1],
            "the peace plan was leaked",
            "talks on the peace plan",
            "the peace plan has 28 points",
        ];
        assert_eq!(shared_phrase(&lex, &texts).as_deref(), Some("peace plan"));
        assert_eq!(
            distinctive_phrase(&lex, &texts, &PhraseBackground::new(&lex, &story)).as_deref(),
            Some("key partner")
        );
    }

    #[test]
    fn lead_phrases_stop_at_clauses_and_marks() {
        let lex = Lexicon::new();
        let cases = [
            (
                "to give up any new territory or recognise control over the coast",
                Some("give up any new territory"),
            ),
            (
                "terms that resemble capitulation",
                Some("terms that resemble capitulation"),
            ),
            (
                "broader-format talks that would include the unions",
                Some("broader-format talks"),
            ),
            (
                "sitting down at the negotiating table\u{2014}even now",
                Some("sitting down at the negotiating table"),
            ),
            ("the core objectives", Some("core objectives")),
            (
                "megaphone diplomacy as the mayor claims victory",
                Some("megaphone diplomacy"),
            ),
            // Too long to be a label, a name alone, one word.
            ("no port in the world gives up its docks to a rival", None),
            ("Brenland to \"come back to the table\"", None),
            ("this", None),
            ("any deal that hands over the docks", None),
            ("several other provisions, including a ban", None),
            (
                "to a 6% rise for port staff this year",
                Some("6% rise for port staff"),
            ),
            ("In October we were promised 6%.", None),
        ];
        for (text, want) in cases {
            assert_eq!(lead_phrase(&lex, text).as_deref(), want, "{text}");
        }
    }
}
