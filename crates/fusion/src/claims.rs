//! Claims and disagreements across the documents of one story.
//!
//! Three kinds of comparable statements are read from each document's analysis:
//!
//! - **quantity statements**: a number, what it counts, and the topic words around
//!   it ("cap the size of its army at 800,000");
//! - **attribution statements**: who said what, with the stance when known;
//! - **dated event statements**: a sentence holding a calendar date.
//!
//! Statements of the same claim are grouped across documents by general lexical
//! similarity (lemma overlap plus a small general-English table of related words,
//! so "army", "military", "armed forces" and "troops" meet); figures whose
//! sentences name only different places (location mentions) are kept apart as
//! different events. A [`Disagreement`] is
//! raised where one claim carries incompatible values: numbers that differ beyond
//! rounding or ranges that do not overlap, ratios beside absolute figures, different
//! dates, opposite stances of one speaker, or the same words given to two speakers.
//! A value a document itself says has changed ("no longer 28 but 19 to 24",
//! "from X to Y", "was X, now Y", "Y, down from X") is reported as a change over time
//! rather than a contradiction.
//!
//! Every statement carries its [`Evidence`] and who reported it: the outlet and,
//! when the sentence is inside an attribution, the cited source.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use model::{
    AttributionKind, DocumentAnalysis, Evidence, Quantity, QuantityQualifier, Span, Stance,
    TimexType,
};
use serde::Serialize;
use text::{tokenize, Token, TokenShape};

use crate::framing::name_key;

/// One document of the story with its analysis and the outlet it is credited to.
#[derive(Debug, Clone)]
pub struct DocInput<'a> {
    pub doc: &'a model::Document,
    pub analysis: &'a DocumentAnalysis,
    pub outlet: String,
}

/// All claims of a story and the disagreements among them.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ClaimSet {
    pub claims: Vec<Claim>,
    pub disagreements: Vec<Disagreement>,
}

/// What kind of proposition a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A figure: how many of something, or by what factor.
    Quantity,
    /// Something a named or described source said.
    Attribution,
    /// Something the text places on a calendar date.
    DatedEvent,
}

/// A proposition that one or more documents state, with every statement of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Stable for the same input: `claim-1`, `claim-2`, ... (quantity claims, then
    /// attribution claims, then dated events, each in order of first statement).
    pub id: String,
    pub kind: ClaimKind,
    /// A short human-readable label ("point: plan, peace"; "Zelensky: plan, deal").
    /// An attribution claim whose statements share a phrase is labelled by the
    /// one most particular to them within the story ("Zelensky: key partner").
    pub label: String,
    /// For quantity claims: what is counted, lemmatised ("troop", "point").
    pub unit: Option<String>,
    /// The topic words the statements share (lemmas or related-word groups).
    pub topic: Vec<String>,
    /// For attribution claims: who is speaking (the fullest name seen).
    pub speaker: Option<String>,
    pub statements: Vec<Statement>,
    /// The distinct outlets stating it, sorted.
    pub outlets: Vec<String>,
}

/// One document's statement of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub evidence: Evidence,
    pub reported_by: ReportedBy,
    pub value: StatedValue,
}

/// Who reports a statement: the outlet, and the source it cites when it cites one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportedBy {
    pub outlet: String,
    /// The cited source as written ("senior officials", "The Financial Times").
    pub source: Option<String>,
    /// An intermediate reporter ("Axios" in "Axios cited Yermak as saying").
    pub via: Option<String>,
    /// "Outlet citing source (via reporter)".
    pub display: String,
}

/// The value a statement gives its claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StatedValue {
    Quantity {
        /// The quantity as written ("closer to 1 million").
        text: String,
        value: f64,
        upper: Option<f64>,
        qualifier: Option<QuantityQualifier>,
        is_ratio: bool,
        unit: Option<String>,
        /// Whether the document presents this value as superseded or as its update.
        role: ValueRole,
    },
    Said {
        content: String,
        kind: AttributionKind,
        stance: Option<Stance>,
    },
    Date {
        /// The TimeML value (`2025-11-27`).
        value: String,
        end_value: Option<String>,
        /// The date as written.
        text: String,
    },
    /// A person's title as written ("Former US President"), and whether it marks
    /// the office as past.
    Title { title: String, past: bool },
}

/// How a document presents a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueRole {
    /// Stated as it is.
    Stated,
    /// The earlier value of a change the document reports ("no longer 28").
    Previous,
    /// The later value of a change the document reports ("now between 19 and 24").
    Updated,
}

/// The kind of incompatibility between statements of one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// Figures that differ beyond rounding, non-overlapping ranges, or relative
    /// descriptions ("by half") beside absolute figures or each other.
    ConflictingValues,
    /// The values differ because a document reports that the value changed.
    ChangedOverTime,
    /// Different calendar dates for the same event.
    ConflictingDates,
    /// One speaker reported as both accepting and rejecting the same thing.
    OppositeStances,
    /// The same quoted words given to different speakers.
    SameWordsDifferentSpeakers,
    /// One person's office called past ("former US President") in one place and
    /// current in another.
    ConflictingTitles,
    /// A fact one source asserts and another denies ("the government agreed to 6%"
    /// against "no figure was ever agreed").
    DisputedFact,
}

impl DisagreementKind {
    /// The kind in words, for people ("conflicting figures").
    pub fn label(self) -> &'static str {
        match self {
            DisagreementKind::ConflictingValues => "conflicting figures",
            DisagreementKind::ChangedOverTime => "changed over time",
            DisagreementKind::ConflictingDates => "conflicting dates",
            DisagreementKind::OppositeStances => "opposite stances",
            DisagreementKind::SameWordsDifferentSpeakers => "same words, different speakers",
            DisagreementKind::ConflictingTitles => "conflicting titles",
            DisagreementKind::DisputedFact => "disputed fact",
        }
    }
}

/// Incompatible statements of one claim, grouped into sides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// `disagreement-1`, ...
    pub id: String,
    pub kind: DisagreementKind,
    /// The claims involved: one for value, date and stance conflicts; the claims
    /// holding the quotes for same-words conflicts.
    pub claims: Vec<String>,
    /// One line: "troop: 600,000 (A) vs 800,000 (B citing officials)"; a change
    /// reads "point: 28 (A) -> between 19 and 24 (B)".
    pub summary: String,
    /// Each side: one value and the statements that give it.
    pub sides: Vec<DisagreementSide>,
}

/// One side of a disagreement: a value and everyone who states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisagreementSide {
    /// The value in words ("600,000–800,000", "by half (ratio)", "rejects", "2025-11-27").
    pub value: String,
    /// The distinct outlets on this side, sorted.
    pub outlets: Vec<String>,
    /// True when the side describes a relative change ("by half", "2.5 times")
    /// rather than an absolute figure.
    pub relative: bool,
    /// True when the value is too vague to take a side: it fits two or more of the
    /// other sides ("dozens" beside "31" and "more than 40"). Listed for the
    /// evidence, left out of the "vs" in the summary.
    pub vague: bool,
    pub statements: Vec<Statement>,
}

impl DisagreementSide {
    fn new(value: String, statements: Vec<Statement>) -> DisagreementSide {
        let outlets: BTreeSet<String> = statements
            .iter()
            .map(|s| s.reported_by.outlet.clone())
            .collect();
        let relative = !statements.is_empty()
            && statements
                .iter()
                .all(|s| matches!(s.value, StatedValue::Quantity { is_ratio: true, .. }));
        DisagreementSide {
            value,
            outlets: outlets.into_iter().collect(),
            relative,
            vague: false,
            statements,
        }
    }
}

// ---------------------------------------------------------------------------
// Lexical helpers shared by claims, positions and framing
// ---------------------------------------------------------------------------

/// Words that carry no topic: function words, reporting verbs, hedges, time words.
const TOPIC_STOP: &str = "\
    a an the of in on at to for from by with and or but nor as than that which who whom \
    whose this these those it its they them their he him his she her we us our you your i me \
    my is are was were be been being am has have had do does did will would could should may \
    might must can shall not no so if into onto over under after before since until while \
    when where why how what per each every more less most least also only just even still \
    ago later earlier about around across between through against during within without \
    toward towards upon via then there here now yet all both such up down out off away back \
    too very already again instead said says say saying told tell tells according reported \
    reports report reportedly cited citing cite added adds noted stated wrote writes \
    stressed claimed claims announced official officials source sources media however \
    meanwhile other another new many much some any several various few last next first \
    second one two three today yesterday tomorrow week weeks year years month months monday \
    tuesday wednesday thursday friday saturday sunday times percent cent million billion \
    thousand hundred closer close nearly almost than being because though although whether \
    well like including part way thing things make made get got take took given give don't \
    it's they're there's he's she's we're i'm let lets ever never always once twice own same \
    further longer mr ms mrs dr";

/// Groups of general-English words that name the same thing in news text. Each
/// group (one string, space-separated) maps to its first word. Deliberately small
/// and topic-neutral.
const RELATED_WORDS: &[&str] = &[
    "military army armed force troop soldier personnel serviceman servicemen",
    "limit cap ceiling restrict restriction reduce reduction cut downsize shrink curb maximum",
    "increase raise rise grow growth boost expand expansion",
    "plan proposal propose draft framework blueprint initiative roadmap",
    "deal agreement accord settlement pact treaty",
    "point clause provision item",
    "talk negotiation negotiate meeting meet summit discussion discuss dialogue",
    "kill death dead die fatality",
    "injure injury wound hurt",
    "arrest detain detention",
    "missing unaccounted",
    "evacuate evacuation displace",
    "attack raid assault bombardment shelling bombing airstrike",
    "strike stoppage walkout picket",
    "capture seize occupy overrun",
    "ship vessel boat freighter tanker",
    "missile rocket",
    "drone uav",
    "ceasefire truce armistice",
    "begin began begun start commence",
    "territory land",
    "election vote poll ballot",
    "aid assistance funding fund",
    "cost price expense",
    "country nation",
    "size strength headcount",
    "accept agree approve endorse",
    "reject refuse oppose decline",
    "guarantee assurance",
    "sanction embargo",
    "deadline ultimatum",
    "president leader",
    "person people civilian",
];

/// A crude stem for matching: singular, without -ing/-ed, final doubled consonant
/// or final e ("capped" → "cap", "reduced" → "reduc", "troops" → "troop").
pub(crate) fn stem(word: &str) -> String {
    let mut w = analysis::quantity::singular_noun(word);
    let mut stripped = false;
    for (suffix, keep) in [("ing", 4), ("ed", 3)] {
        if w.len() >= suffix.len() + keep && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            stripped = true;
            break;
        }
    }
    let b = w.as_bytes();
    if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiouls".contains(&b[b.len() - 1]) {
        w.pop();
    }
    if !stripped && w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// The word a reader sees for each concept key: stems ("peac", "negotiat") are
/// shown as the lower-case form the documents use most often ("peace",
/// "negotiations"); related-word group labels are words already.
pub(crate) struct SurfaceForms {
    words: HashMap<String, String>,
}

impl SurfaceForms {
    /// Counts every lower-case word of the documents under its concept key and
    /// keeps the most frequent form (the shorter, then the alphabetically first, on
    /// a tie), so the result does not depend on document order.
    pub(crate) fn collect(ctxs: &[DocContext], lex: &Lexicon) -> SurfaceForms {
        let mut counts: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
        for ctx in ctxs {
            for t in &ctx.tokens {
                if t.shape != TokenShape::Lower {
                    continue;
                }
                if let Some(key) = lex.concept(t.text) {
                    *counts
                        .entry(key)
                        .or_default()
                        .entry(t.text.to_string())
                        .or_default() += 1;
                }
            }
        }
        let words = counts
            .into_iter()
            .filter_map(|(key, forms)| {
                forms
                    .into_iter()
                    .max_by(|a, b| {
                        a.1.cmp(&b.1)
                            .then(b.0.len().cmp(&a.0.len()))
                            .then(b.0.cmp(&a.0))
                    })
                    .map(|(form, _)| (key, form))
            })
            .collect();
        SurfaceForms { words }
    }

    /// The display word of one concept key (the key itself when never seen).
    pub(crate) fn word<'k>(&'k self, key: &'k str) -> &'k str {
        self.words.get(key).map(String::as_str).unwrap_or(key)
    }

    /// Concept keys joined for a label: "peace, plan, talks".
    pub(crate) fn label(&self, keys: &[String]) -> String {
        let words: Vec<&str> = keys.iter().map(|k| self.word(k)).collect();
        words.join(", ")
    }
}

/// Maps stems to their related-word group label.
pub(crate) struct Lexicon {
    related: HashMap<String, &'static str>,
    stop: HashSet<&'static str>,
}

impl Lexicon {
    pub(crate) fn new() -> Lexicon {
        let mut related = HashMap::new();
        for group in RELATED_WORDS {
            let Some(label) = group.split_whitespace().next() else {
                continue;
            };
            for w in group.split_whitespace() {
                related.insert(stem(w), label);
            }
        }
        Lexicon {
            related,
            stop: TOPIC_STOP.split_whitespace().collect(),
        }
    }

    /// True for a word (lower case) that carries no topic on its own.
    pub(crate) fn is_stop(&self, lower: &str) -> bool {
        self.stop.contains(lower)
    }

    /// The concept a common word stands for: its related-word group or its stem.
    pub(crate) fn concept(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let lower = lower
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s")
            .trim_matches(|c: char| !c.is_alphanumeric());
        if lower.len() < 3 || self.stop.contains(lower) || !lower.chars().any(char::is_alphabetic) {
            return None;
        }
        // Hyphenated words count by their last part ("US-draft" → "draft").
        let last = lower.rsplit('-').next().unwrap_or(lower);
        if last.len() < 3 || self.stop.contains(last) || last.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let s = stem(last);
        Some(self.related.get(&s).map(|l| (*l).to_string()).unwrap_or(s))
    }

    /// Concepts of the word tokens of `toks` (spans relative to `text`), with
    /// proper names as `@key`: words capitalised mid-sentence, and sentence-initial
    /// words the document otherwise writes only as names (`names`, lower case).
    pub(crate) fn concepts(
        &self,
        text: &str,
        toks: &[Token],
        names: &HashSet<String>,
    ) -> Vec<Concept> {
        let mut out = Vec::new();
        for t in toks {
            if t.shape == TokenShape::Punct || t.shape == TokenShape::Number {
                continue;
            }
            let capital = matches!(t.shape, TokenShape::Capitalized | TokenShape::Upper);
            let lower = t.text.to_lowercase();
            let is_name = capital
                && !self.stop.contains(lower.as_str())
                && (!is_sentence_initial(text, t.span.start) || names.contains(&lower));
            if is_name {
                let key = name_key(t.text);
                if key.len() >= 2 {
                    out.push(Concept {
                        key: format!("@{key}"),
                        proper: true,
                    });
                }
                continue;
            }
            if let Some(c) = self.concept(t.text) {
                out.push(Concept {
                    key: c,
                    proper: false,
                });
            }
        }
        out
    }
}

/// True when byte `at` of `text` starts a sentence, line or quotation.
fn is_sentence_initial(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    if before.ends_with(['\n', '\u{2022}']) {
        return true;
    }
    let trimmed = before.trim_end_matches([' ', '\u{201c}', '"', '(', '\u{2018}']);
    trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', ':', '\n'])
}

/// Lower-cased words a document writes capitalised mid-sentence and never in
/// lower case, plus the words of its entities' names: its proper names.
fn document_names(text: &str, tokens: &[Token], analysis: &DocumentAnalysis) -> HashSet<String> {
    let mut capital: HashSet<String> = HashSet::new();
    let mut lower: HashSet<String> = HashSet::new();
    for t in tokens {
        match t.shape {
            TokenShape::Capitalized | TokenShape::Upper
                if !is_sentence_initial(text, t.span.start) =>
            {
                capital.insert(t.text.to_lowercase());
            }
            TokenShape::Lower => {
                lower.insert(t.text.to_string());
            }
            _ => {}
        }
    }
    capital.retain(|w| !lower.contains(w));
    for e in &analysis.entities {
        for name in std::iter::once(&e.name).chain(e.aliases.iter()) {
            for w in name.split_whitespace() {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    capital.insert(w.to_lowercase());
                }
            }
        }
    }
    capital
}

/// A topic word: a common-word concept or a proper-name key (`@kiv`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Concept {
    pub(crate) key: String,
    pub(crate) proper: bool,
}

/// Weighted overlap of two concept sets: common words 1, names 0.5.
/// Returns (score, shared common concepts).
fn overlap(a: &BTreeMap<String, bool>, b: &BTreeMap<String, bool>) -> (f64, usize) {
    let mut score = 0.0;
    let mut common = 0;
    for (k, proper) in a {
        if b.contains_key(k) {
            if *proper {
                score += 0.5;
            } else {
                score += 1.0;
                common += 1;
            }
        }
    }
    (score, common)
}

fn concept_map(cs: &[Concept]) -> BTreeMap<String, bool> {
    cs.iter().map(|c| (c.key.clone(), c.proper)).collect()
}

/// The common-word (not name) keys of a concept set.
pub(crate) fn common_keys(m: &BTreeMap<String, bool>) -> Vec<&str> {
    m.iter()
        .filter(|(_, proper)| !**proper)
        .map(|(k, _)| k.as_str())
        .collect()
}

/// Pairs `(i, j)`, `i < j`, of items sharing at least one key, in order. Items that
/// share nothing are never compared, which keeps grouping near-linear on real stories.
pub(crate) fn candidate_pairs(keys: &[Vec<&str>]) -> Vec<(usize, usize)> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, ks) in keys.iter().enumerate() {
        for k in ks {
            let list = index.entry(k).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut seen = vec![usize::MAX; keys.len()];
    let mut out = Vec::new();
    for (i, ks) in keys.iter().enumerate() {
        let mut mine = Vec::new();
        for k in ks {
            for &j in index.get(k).map(Vec::as_slice).unwrap_or(&[]) {
                if j > i && seen[j] != i {
                    seen[j] = i;
                    mine.push(j);
                }
            }
        }
        mine.sort_unstable();
        out.extend(mine.into_iter().map(|j| (i, j)));
    }
    out
}

/// Union-find over statement indices.
pub(crate) struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    pub(crate) fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }
    pub(crate) fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index is the root, so groups are ordered by first member.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
    /// Members of every group, groups ordered by their first member.
    pub(crate) fn members(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..self.parent.len() {
            let r = self.find(i);
            by_root.entry(r).or_default().push(i);
        }
        by_root.into_values().collect()
    }
}

// ---------------------------------------------------------------------------
// Per-document context
// ---------------------------------------------------------------------------

/// A document prepared for reading statements: sentences and the evidence maker.
pub(crate) struct DocContext<'a> {
    pub(crate) input: &'a DocInput<'a>,
    pub(crate) sentences: Vec<Span>,
    /// The tokens of the whole clean text, in order.
    pub(crate) tokens: Vec<Token<'a>>,
    /// The document's proper names, lower-cased (see [`document_names`]).
    pub(crate) names: HashSet<String>,
    /// The year the document is written in (see [`writing_year`]).
    writing_year: Option<i32>,
}

impl<'a> DocContext<'a> {
    pub(crate) fn new(input: &'a DocInput<'a>) -> DocContext<'a> {
        let sentences = if input.analysis.sentences.is_empty() {
            text::split_sentences(&input.doc.text)
        } else {
            input.analysis.sentences.clone()
        };
        let tokens = tokenize(&input.doc.text);
        let names = document_names(&input.doc.text, &tokens, input.analysis);
        DocContext {
            input,
            sentences,
            tokens,
            names,
            writing_year: writing_year(input.doc, input.analysis),
        }
    }

    pub(crate) fn text(&self) -> &'a str {
        &self.input.doc.text
    }

    /// The tokens lying inside `span`.
    pub(crate) fn tokens_in(&self, span: Span) -> &[Token<'a>] {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let last = self.tokens.partition_point(|t| t.span.end <= span.end);
        self.tokens.get(first..last.max(first)).unwrap_or(&[])
    }

    /// True when `sentence` dates what it tells two or more calendar years before
    /// the document was written ("In 1994, Ukraine agreed to give up …"): history
    /// the story recalls, not a stance taken in it.
    pub(crate) fn tells_of_years_before(&self, sentence: Span) -> bool {
        let Some(now) = self.writing_year else {
            return false;
        };
        self.input.analysis.timexes.iter().any(|t| {
            t.kind == TimexType::Date
                && sentence.contains(t.span)
                && timex_year(&t.value).is_some_and(|y| y <= now - 2)
        })
    }

    /// The sentence holding byte `offset` (or a zero-width span there).
    pub(crate) fn sentence_at(&self, offset: usize) -> Span {
        let idx = self.sentences.partition_point(|s| s.end <= offset);
        match self.sentences.get(idx) {
            Some(s) if s.start <= offset => *s,
            _ => Span::new(offset, offset),
        }
    }

    /// Evidence for the sentence holding `offset`.
    pub(crate) fn evidence_at(&self, offset: usize) -> Evidence {
        let sentence = self.sentence_at(offset);
        self.evidence_for(sentence)
    }

    pub(crate) fn evidence_for(&self, span: Span) -> Evidence {
        let doc = self.input.doc;
        let post = doc
            .posts
            .iter()
            .position(|p| p.span.start <= span.start && span.start < p.span.end);
        Evidence {
            doc: doc.id.clone(),
            outlet: self.input.outlet.clone(),
            post,
            span,
            text: span.slice(&doc.text).to_string(),
        }
    }

    /// Keys of the places where something inside `span` happened: location
    /// mentions after a locative preposition ("in Tarsk", "on the port of Vell").
    /// A place that acts or owns ("Kiev has rejected", "Ukraine's army") says who,
    /// not where, and does not tell two events apart.
    pub(crate) fn places_in(&self, span: Span) -> BTreeSet<String> {
        let text = self.text();
        self.location_keys(span, |m| after_locative(text, m.span.start))
    }

    /// Keys of every location mentioned inside `span`, in whatever role.
    pub(crate) fn locations_in(&self, span: Span) -> BTreeSet<String> {
        self.location_keys(span, |_| true)
    }

    fn location_keys(
        &self,
        span: Span,
        keep: impl Fn(&model::Mention) -> bool,
    ) -> BTreeSet<String> {
        let analysis = self.input.analysis;
        analysis
            .mentions
            .iter()
            .filter(|m| m.kind == model::EntityKind::Location && span.contains(m.span))
            .filter(|m| keep(m))
            .filter_map(|m| analysis.entities.get(m.entity))
            .map(|e| person_key(&e.name))
            .collect()
    }

    /// The attribution whose content covers `span`, if any; of several (an actor's
    /// position reported by an outlet: "Kiev has rejected a limit of 600,000, the FT
    /// reports"), the outermost one, whose source is the one reporting.
    pub(crate) fn attribution_covering(&self, span: Span) -> Option<&'a model::Attribution> {
        let reach =
            |a: &model::Attribution| -> usize { a.content.iter().map(|c| c.end - c.start).sum() };
        self.input
            .analysis
            .attributions
            .iter()
            .filter(|a| {
                a.content
                    .iter()
                    .any(|c| c.contains(span) || c.overlaps(span))
            })
            .fold(None, |best: Option<&'a model::Attribution>, a| match best {
                Some(b) if reach(b) >= reach(a) => Some(b),
                _ => Some(a),
            })
    }

    /// The sentences an attribution's content runs through, from the first one's
    /// start to the last one's end: the evidence for what it says.
    pub(crate) fn content_sentences(&self, a: &model::Attribution) -> Span {
        let Some(first) = a.content.first() else {
            return Span::new(0, 0);
        };
        let sentence = self.sentence_at(first.start);
        let last = a.content.last().copied().unwrap_or(*first);
        let end_sentence = self.sentence_at(last.end.saturating_sub(1));
        let start = sentence.start.min(first.start);
        Span::new(start, end_sentence.end.max(last.end).max(start))
    }

    /// The source is named by a nationality or other adjective ("European allies").
    pub(crate) fn is_adjectival(&self, s: &model::AttributionSource) -> bool {
        s.entity
            .and_then(|e| self.input.analysis.entities.get(e))
            .is_some_and(|e| e.kind == model::EntityKind::Other)
    }

    /// The entity a source names, unless it is a nationality or other adjective
    /// name ("European" in "European allies"): then the group as written is the
    /// speaker.
    fn source_entity(&self, s: &model::AttributionSource) -> Option<&model::Entity> {
        if self.is_adjectival(s) {
            return None;
        }
        s.entity.and_then(|e| self.input.analysis.entities.get(e))
    }

    /// The fullest name of an attribution source (its entity's name when resolved).
    pub(crate) fn source_name(&self, s: &model::AttributionSource) -> String {
        self.source_entity(s)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| without_apposition(&s.text).to_string())
    }

    /// A key that matches the same speaker across documents and spellings.
    pub(crate) fn speaker_key(&self, s: &model::AttributionSource) -> String {
        if let Some(e) = self.source_entity(s) {
            return person_key(&e.name);
        }
        let text = without_apposition(&s.text);
        if s.is_descriptor {
            return format!("~{}", text::normalize::fold_for_match(text));
        }
        person_key(text)
    }

    pub(crate) fn reported_by(&self, source: Option<String>, via: Option<String>) -> ReportedBy {
        let outlet = self.input.outlet.clone();
        let mut display = outlet.clone();
        // An outlet "citing" itself, or a bare article, is no source.
        let fold = text::normalize::fold_for_match;
        let source = source.filter(|s| {
            let f = fold(s);
            !f.is_empty()
                && f != fold(&outlet)
                && !matches!(f.as_str(), "the" | "a" | "an" | "it" | "this")
        });
        if let Some(s) = &source {
            display.push_str(" citing ");
            display.push_str(s);
        }
        if let Some(v) = &via {
            display.push_str(" via ");
            display.push_str(v);
        }
        ReportedBy {
            outlet,
            source,
            via,
            display,
        }
    }
}

/// A source phrase without its apposition or relative clause: "the union, led by
/// Dario Kesselmann," → "the union".
pub(crate) fn without_apposition(source: &str) -> &str {
    let head = source.split(',').next().unwrap_or(source).trim();
    if head.is_empty() {
        source.trim().trim_end_matches(',')
    } else {
        head
    }
}

/// The key of a name: the folded last capitalised word ("Volodymyr Zelenskyy" and
/// "Zelensky" meet at `zelenski`), or the whole folded text when it has none (a
/// capitalised article does not count: "The union" and "The ministry" are two).
/// Organisations are keyed by all their capitalised words ("Financial Times" is
/// not "The Times").
pub(crate) fn person_key(name: &str) -> String {
    let capitalised: Vec<&str> = name
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| !matches!(*w, "The" | "A" | "An" | "THE"))
        .collect();
    let Some(last) = capitalised.last() else {
        return text::normalize::fold_for_match(name);
    };
    let last_key = name_key(last);
    if ORGANISATION_HEADS
        .split_whitespace()
        .any(|h| name_key(h) == last_key)
    {
        return capitalised
            .iter()
            .filter(|w| !w.eq_ignore_ascii_case("the"))
            .map(|w| name_key(w))
            .collect::<Vec<_>>()
            .join(" ");
    }
    last_key
}

/// Last words that make a name an organisation's.
const ORGANISATION_HEADS: &str = "\
    times news post journal herald tribune gazette agency ministry office council committee \
    commission party government service services house department bank fund union court army \
    forces guard police press media network group institute university foundation company \
    corporation association organisation organization league alliance coalition command \
    staff assembly parliament senate congress";

/// "according to X" or "citing X" near `span` in its sentence: the source the sentence credits
/// when no attribution analysis covers it. Prefers the mention right after the
/// figure in the same clause, then the nearest one before it.
fn according_to_source(ctx: &DocContext, sentence: Span, span: Span) -> Option<String> {
    let doc_text = ctx.text();
    let toks = ctx.tokens_in(sentence);
    // (where the cue starts, the source, whether it introduces another figure)
    let mut found: Vec<(usize, String, bool)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        // Where the source's name starts: after "according to" or "citing".
        let name_tok = if t.text.eq_ignore_ascii_case("according")
            && toks
                .get(k + 1)
                .is_some_and(|n| n.text.eq_ignore_ascii_case("to"))
        {
            k + 2
        } else if t.text.eq_ignore_ascii_case("citing") {
            k + 1
        } else {
            continue;
        };
        let Some(start) = toks.get(name_tok).map(|n| n.span.start) else {
            continue;
        };
        let after = doc_text.get(start..sentence.end).unwrap_or("");
        let end = after
            .find([',', '.', ';', '\u{2014}', '(', ')', '\n'])
            .unwrap_or(after.len());
        let mut name = after[..end].trim();
        for cut in [" who ", " that ", " which ", " and ", " as "] {
            if let Some(p) = name.find(cut) {
                name = name[..p].trim();
            }
        }
        if !name.is_empty() && name.split_whitespace().count() <= 8 {
            // A parenthetical source right before another figure belongs to that
            // figure: "no longer 28 but, according to X, between 19 and 24".
            let phrase_end = start + end;
            let rest = ctx.text().get(phrase_end..).unwrap_or("");
            let next_at = phrase_end + (rest.len() - rest.trim_start_matches([',', ' ']).len());
            let introduces_other = ctx
                .input
                .analysis
                .quantities
                .iter()
                .any(|o| o.span.start == next_at && o.span != span);
            found.push((t.span.start, name.to_string(), introduces_other));
        }
    }
    let after = found
        .iter()
        .filter(|(at, _, other)| *at >= span.end && !*other)
        .min_by_key(|(at, _, _)| *at - span.end);
    let before = found
        .iter()
        .filter(|(at, _, _)| *at < span.start)
        .min_by_key(|(at, _, _)| span.start - *at);
    after.or(before).map(|(_, n, _)| n.clone())
}

// ---------------------------------------------------------------------------
// Quantity statements
// ---------------------------------------------------------------------------

struct QuantityStatement {
    doc: usize,
    /// Index of the quantity in its document's analysis.
    index: usize,
    /// The other figure of a change the document reports, by quantity index.
    change_partner: Option<usize>,
    quantity: Quantity,
    unit_concept: Option<String>,
    concepts: BTreeMap<String, bool>,
    /// Keys of the places the sentence mentions (entity mentions of kind location).
    places: BTreeSet<String>,
    /// What happened to what the figure counts, read from the nearest outcome word
    /// ("killed five people", "20 injured"): figures with different outcomes are
    /// different measures even when they count the same kind of thing.
    outcome: Option<String>,
    /// Keys of every location the sentence mentions (actors and owners included).
    locations: BTreeSet<String>,
    /// Concepts of the topic words before the figure (what a figure without a unit
    /// measures is named before it: "cut the army by half").
    concepts_before: BTreeSet<String>,
    /// The word that governs the figure: the nearest common word among the three
    /// tokens before it ("offered a 3% rise" → offer, "promised 6%" → promise).
    governor: Option<String>,
    statement: Statement,
}

/// Related-word groups that name mutually exclusive outcomes of an event.
const OUTCOMES: &[&str] = &["kill", "injure", "arrest", "missing", "evacuate"];

/// How many tokens either side of a figure its outcome word may sit.
const OUTCOME_WINDOW: usize = 4;

/// The outcome concept nearest to the figure between `before` (tokens before it,
/// nearest last) and `after` (tokens after it, nearest first); ties go to the word
/// before ("killed seven people, injured more than 20").
fn nearest_outcome(before: &[Token], after: &[Token], lex: &Lexicon) -> Option<String> {
    let outcome_of = |t: &Token| {
        lex.concept(t.text)
            .filter(|c| OUTCOMES.contains(&c.as_str()))
    };
    let back = before
        .iter()
        .rev()
        .take(OUTCOME_WINDOW)
        .position(|t| outcome_of(t).is_some());
    let ahead = after
        .iter()
        .take(OUTCOME_WINDOW)
        .position(|t| outcome_of(t).is_some());
    match (back, ahead) {
        (Some(b), Some(a)) if a < b => outcome_of(&after[a]),
        (Some(b), _) => outcome_of(&before[before.len() - 1 - b]),
        (None, Some(a)) => outcome_of(&after[a]),
        (None, None) => None,
    }
}

/// Nouns that name a measure rather than what is done with it.
const MEASURE_WORDS: &[&str] = &[
    "number", "numbers", "figure", "figures", "total", "amount", "level", "count",
];

/// Topic window: this many topic-bearing words either side of the figure.
const TOPIC_WINDOW: usize = 8;

fn quantity_statements(ctxs: &[DocContext], lex: &Lexicon) -> Vec<QuantityStatement> {
    let mut out = Vec::new();
    for (d, ctx) in ctxs.iter().enumerate() {
        let text = ctx.text();
        let quantities = &ctx.input.analysis.quantities;
        let changes = find_changes(text, quantities, ctx);
        for (qi, q) in quantities.iter().enumerate() {
            let sentence = ctx.sentence_at(q.span.start);
            let sent_text = sentence.slice(text);
            let toks = ctx.tokens_in(sentence);
            // Window of words around the figure, excluding the figure itself.
            let first_in = toks.partition_point(|t| t.span.end <= q.span.start);
            let last_in = toks.partition_point(|t| t.span.start < q.span.end);
            // Only words that carry a topic count toward the window.
            let in_quantity = |t: &Token| {
                quantities.iter().any(|o| {
                    o.span.overlaps(t.span) && !o.unit_span.is_some_and(|u| u.overlaps(t.span))
                })
            };
            let is_word = |t: &&Token| {
                !in_quantity(t)
                    && (matches!(t.shape, TokenShape::Capitalized | TokenShape::Upper)
                        || (t.shape != TokenShape::Punct
                            && t.shape != TokenShape::Number
                            && lex.concept(t.text).is_some()))
            };
            let mut window: Vec<Token> = toks[..first_in]
                .iter()
                .rev()
                .filter(is_word)
                .take(TOPIC_WINDOW)
                .copied()
                .collect();
            window.reverse();
            let concepts_before: BTreeSet<String> =
                window.iter().filter_map(|t| lex.concept(t.text)).collect();
            let governor = toks[..first_in]
                .iter()
                .rev()
                .take(3)
                .filter(|t| t.shape == TokenShape::Lower && !in_quantity(t))
                // Words that name the measure itself govern nothing ("wants that
                // number to be closer to 1 million").
                .filter(|t| !MEASURE_WORDS.contains(&t.text.to_lowercase().as_str()))
                .find_map(|t| lex.concept(t.text));
            window.extend(
                toks[last_in..]
                    .iter()
                    .filter(is_word)
                    .take(TOPIC_WINDOW)
                    .copied(),
            );
            let concepts = lex.concepts(sent_text, &rebase(&window, sentence.start), &ctx.names);
            let unit_concept = q.unit.as_deref().map(|u| {
                lex.concept(u.rsplit(' ').next().unwrap_or(u))
                    .unwrap_or_else(|| u.to_string())
            });
            let mut concepts = concept_map(&concepts);
            if let Some(u) = &unit_concept {
                concepts.insert(u.clone(), false);
            }
            if concepts.is_empty() {
                continue;
            }
            // "by half, according to The Financial Times": a source named right
            // after the figure is the figure's own, whoever the sentence reports.
            let rest = text.get(q.span.end..sentence.end).unwrap_or("");
            let right_after = rest
                .trim_start_matches([',', ' ', '\u{2014}', '-'])
                .to_lowercase()
                .starts_with("according to ");
            let covering = if right_after {
                None
            } else {
                ctx.attribution_covering(q.span)
            };
            let (source, via) = match covering {
                Some(a) => (
                    a.source.as_ref().map(|s| ctx.source_name(s)),
                    a.via.as_ref().map(|v| v.text.clone()),
                ),
                None => (according_to_source(ctx, sentence, q.span), None),
            };
            let role = changes
                .iter()
                .find_map(|(prev, next)| {
                    if *prev == qi {
                        Some(ValueRole::Previous)
                    } else if *next == qi {
                        Some(ValueRole::Updated)
                    } else {
                        None
                    }
                })
                .unwrap_or(ValueRole::Stated);
            let change_partner = changes.iter().find_map(|(prev, next)| {
                if *prev == qi {
                    Some(*next)
                } else if *next == qi {
                    Some(*prev)
                } else {
                    None
                }
            });
            let places = ctx.places_in(sentence);
            let outcome = nearest_outcome(&toks[..first_in], &toks[last_in..], lex);
            out.push(QuantityStatement {
                doc: d,
                index: qi,
                change_partner,
                places,
                outcome,
                locations: ctx.locations_in(sentence),
                concepts_before,
                governor,
                quantity: q.clone(),
                unit_concept,
                concepts,
                statement: Statement {
                    evidence: ctx.evidence_for(sentence),
                    reported_by: ctx.reported_by(source, via),
                    value: StatedValue::Quantity {
                        text: q.text.clone(),
                        value: q.value,
                        upper: q.upper,
                        qualifier: q.qualifier,
                        is_ratio: q.is_ratio,
                        unit: q.unit.clone(),
                        role,
                    },
                },
            });
        }
    }
    out
}

/// Tokens of a sentence window re-expressed relative to the sentence text.
pub(crate) fn rebase<'t>(toks: &[Token<'t>], base: usize) -> Vec<Token<'t>> {
    toks.iter()
        .map(|t| Token {
            span: Span::new(t.span.start - base, t.span.end - base),
            ..*t
        })
        .collect()
}

/// Changes a document itself reports between two figures of one sentence:
/// "no longer X but Y", "from X to Y", "was X, now Y", "Y, down/up from X".
/// Returns (previous, updated) quantity indices.
fn find_changes(text: &str, quantities: &[Quantity], ctx: &DocContext) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..quantities.len() {
        let Some(j) = (i + 1 < quantities.len()).then_some(i + 1) else {
            continue;
        };
        let (a, b) = (&quantities[i], &quantities[j]);
        if a.is_ratio != b.is_ratio {
            continue;
        }
        let sentence = ctx.sentence_at(a.span.start);
        if b.span.start >= sentence.end || a.span.end > b.span.start {
            continue;
        }
        if let (Some(ua), Some(ub)) = (&a.unit, &b.unit) {
            if ua != ub {
                continue;
            }
        }
        let before = text
            .get(sentence.start..a.span.start)
            .unwrap_or("")
            .to_lowercase();
        // The counted noun of the first figure is not part of the link words.
        let a_end = a
            .unit_span
            .filter(|u| u.start >= a.span.end && u.end <= b.span.start)
            .map(|u| u.end)
            .unwrap_or(a.span.end);
        let between = text.get(a_end..b.span.start).unwrap_or("").to_lowercase();
        let before_words: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let tail = |n: usize| before_words[before_words.len().saturating_sub(n)..].join(" ");
        let between_words: Vec<&str> = between
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let no_longer_but = tail(4).contains("no longer") && between_words.contains(&"but");
        let from_to = before_words.last() == Some(&"from") && between_words == ["to"];
        let was_now = tail(4)
            .split(' ')
            .any(|w| matches!(w, "was" | "were" | "been"))
            && between_words.contains(&"now");
        let down_from = matches!(
            between_words.as_slice(),
            ["down", "from"] | ["up", "from"] | ["compared", "with"] | ["compared", "to"]
        );
        if no_longer_but || from_to || was_now {
            out.push((i, j));
        } else if down_from {
            out.push((j, i));
        }
    }
    out
}

/// Minimum weighted topic overlap for two figures to be the same claim.
const QUANTITY_MATCH_SCORE: f64 = 3.0;

fn quantity_similarity(a: &QuantityStatement, b: &QuantityStatement) -> f64 {
    let percent = |q: &QuantityStatement| q.quantity.unit.as_deref() == Some("percent");
    if percent(a) != percent(b) {
        return 0.0;
    }
    // Tolls of different attacks are the norm in war and disaster coverage: two
    // outcome figures ("five killed", "31 killed") are one measure only when their
    // sentences name a place in common.
    match (&a.outcome, &b.outcome) {
        (Some(x), Some(y)) if x != y || a.locations.is_disjoint(&b.locations) => return 0.0,
        _ => {}
    }
    // A figure without a unit measures another's unit only when the words before it
    // name that kind of thing ("reduce its armed forces by half"; "pay offer cut by
    // half" is not a count of ships, nor of the days in "half ... third day").
    for (x, y) in [(a, b), (b, a)] {
        if let (None, Some(unit)) = (&x.unit_concept, &y.unit_concept) {
            if !x.concepts_before.contains(unit) {
                return 0.0;
            }
        }
    }
    let unit_bonus = match (&a.unit_concept, &b.unit_concept) {
        (Some(x), Some(y)) if x != y => return 0.0,
        (Some(_), Some(_)) => 1.5,
        _ => 0.0,
    };
    let (score, common) = overlap(&a.concepts, &b.concepts);
    // Besides the unit, one shared topic word suffices for figures that agree;
    // figures that differ need two before they are read as the same measure.
    let unit_shared = usize::from(
        a.unit_concept.is_some()
            && a.unit_concept == b.unit_concept
            && a.concepts
                .contains_key(a.unit_concept.as_deref().unwrap_or("")),
    );
    let needed = if compatible(&a.statement.value, &b.statement.value) {
        1
    } else {
        2
    };
    let common = common.saturating_sub(unit_shared);
    if common < needed {
        return 0.0;
    }
    // Figures whose sentences name only different places are about different
    // events ("five killed in Tarsk", "31 killed in Ostrava").
    if !a.places.is_empty() && !b.places.is_empty() && a.places.is_disjoint(&b.places) {
        return 0.0;
    }
    score + unit_bonus
}

/// The interval of values a figure allows, with a relative rounding tolerance.
fn value_interval(value: f64, upper: Option<f64>, q: Option<QuantityQualifier>) -> (f64, f64) {
    // Each end is widened by half the ~5% rounding allowance, so two figures conflict
    // when they differ by more than about 5%.
    const ROUNDING: f64 = 0.025;
    const APPROX: f64 = 0.05;
    let hi = upper.unwrap_or(value);
    let (lo, hi) = match q {
        Some(QuantityQualifier::MoreThan) | Some(QuantityQualifier::AtLeast) => {
            (value, f64::INFINITY)
        }
        Some(QuantityQualifier::LessThan)
        | Some(QuantityQualifier::AtMost)
        | Some(QuantityQualifier::UpTo) => (0.0, hi),
        Some(QuantityQualifier::Approximately) => (value * (1.0 - APPROX), hi * (1.0 + APPROX)),
        _ => (value, hi),
    };
    (lo * (1.0 - ROUNDING), hi * (1.0 + ROUNDING))
}

fn compatible(a: &StatedValue, b: &StatedValue) -> bool {
    match (a, b) {
        (
            StatedValue::Quantity {
                value: va,
                upper: ua,
                qualifier: qa,
                is_ratio: ra,
                ..
            },
            StatedValue::Quantity {
                value: vb,
                upper: ub,
                qualifier: qb,
                is_ratio: rb,
                ..
            },
        ) => {
            if ra != rb {
                return false;
            }
            let (alo, ahi) = value_interval(*va, *ua, *qa);
            let (blo, bhi) = value_interval(*vb, *ub, *qb);
            alo <= bhi && blo <= ahi
        }
        _ => false,
    }
}

/// A figure in words: "600,000–800,000", "more than 460", "by half (ratio)".
fn value_words(v: &StatedValue) -> String {
    match v {
        StatedValue::Quantity {
            text,
            is_ratio,
            unit,
            ..
        } => {
            let mut s = text.clone();
            if *is_ratio {
                s.push_str(" (ratio)");
            } else if let Some(u) = unit {
                let said = text.to_lowercase();
                let written = said.contains(u.as_str()) || (u == "percent" && said.contains('%'));
                if !written {
                    s.push(' ');
                    s.push_str(u);
                }
            }
            s
        }
        StatedValue::Said { stance, .. } => stance
            .map(|s| format!("{s:?}").to_lowercase())
            .unwrap_or_else(|| "no stance".to_string()),
        StatedValue::Title { title, .. } => title.clone(),
        StatedValue::Date {
            value, end_value, ..
        } => match end_value {
            Some(e) => format!("{value}/{e}"),
            None => value.clone(),
        },
    }
}

/// Splits statements into sides of mutually compatible values, in value order.
fn sides_by_value(statements: &[Statement]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..statements.len()).collect();
    // Ratios after absolute figures; within each, precise values before vague ones
    // and ranges ("31" and "more than 40" form the sides that "dozens" is then read
    // against).
    let key = |s: &Statement| match &s.value {
        StatedValue::Quantity {
            value,
            upper,
            qualifier,
            is_ratio,
            ..
        } => {
            let (lo, hi) = value_interval(*value, *upper, *qualifier);
            let bounded = hi.is_finite() && lo.is_finite();
            let width = if bounded {
                (hi - lo) / lo.abs().max(1.0)
            } else {
                0.5
            };
            // A stated range ("600,000–800,000") is read against point figures
            // like a vague value: when it spans two sides it takes neither.
            (
                u8::from(*is_ratio),
                u8::from(width > 0.5 || upper.is_some()),
                *value,
            )
        }
        _ => (2, 0, 0.0),
    };
    order.sort_by(|&a, &b| {
        key(&statements[a])
            .partial_cmp(&key(&statements[b]))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    let mut sides: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let fits = |side: &Vec<usize>| {
            side.iter()
                .all(|&j| compatible(&statements[i].value, &statements[j].value))
        };
        // A vague value that fits two sides already formed joins neither.
        let is_vague = key(&statements[i]).1 == 1;
        if is_vague && sides.iter().filter(|side| fits(side)).count() >= 2 {
            let own = sides
                .iter_mut()
                .find(|side| side.iter().all(|&j| key(&statements[j]).1 == 1) && fits(side));
            match own {
                Some(side) => side.push(i),
                None => sides.push(vec![i]),
            }
            continue;
        }
        match sides.iter_mut().find(|side| fits(side)) {
            Some(side) => side.push(i),
            None => sides.push(vec![i]),
        }
    }
    sides
}

fn role_of(s: &Statement) -> ValueRole {
    match &s.value {
        StatedValue::Quantity { role, .. } => *role,
        _ => ValueRole::Stated,
    }
}

// ---------------------------------------------------------------------------
// Attribution statements
// ---------------------------------------------------------------------------

struct SaidStatement {
    speaker_key: String,
    speaker_name: String,
    is_descriptor: bool,
    /// The source resolves to a person entity (not an organisation, a place or an
    /// unresolved phrase).
    is_person: bool,
    concepts: BTreeMap<String, bool>,
    words: Vec<String>,
    statement: Statement,
}

/// What a speaker's statement says (empty for other kinds of value).
fn said_content(s: &SaidStatement) -> &str {
    match &s.statement.value {
        StatedValue::Said { content, .. } => content,
        _ => "",
    }
}

fn said_statements(ctxs: &[DocContext], lex: &Lexicon) -> Vec<SaidStatement> {
    let mut out = Vec::new();
    for ctx in ctxs {
        for a in &ctx.input.analysis.attributions {
            let Some(source) = &a.source else { continue };
            if a.content.is_empty() {
                continue;
            }
            let toks = tokenize(&a.content_text);
            let concepts = concept_map(&lex.concepts(&a.content_text, &toks, &ctx.names));
            let words: Vec<String> = toks
                .iter()
                .filter(|t| t.shape != TokenShape::Punct)
                .map(|t| t.text.to_lowercase())
                .collect();
            let span = ctx.content_sentences(a);
            let name = ctx.source_name(source);
            let is_person = source
                .entity
                .and_then(|e| ctx.input.analysis.entities.get(e))
                .is_some_and(|e| e.kind == model::EntityKind::Person);
            out.push(SaidStatement {
                speaker_key: ctx.speaker_key(source),
                speaker_name: name.clone(),
                // A group named by an adjective ("European allies") is several
                // people, like "officials".
                is_descriptor: source.is_descriptor || ctx.is_adjectival(source),
                is_person,
                concepts,
                words,
                statement: Statement {
                    evidence: ctx.evidence_for(span),
                    reported_by: ctx
                        .reported_by(Some(name), a.via.as_ref().map(|v| v.text.clone())),
                    value: StatedValue::Said {
                        content: a.content_text.clone(),
                        kind: a.kind,
                        stance: reported_stance(ctx, a),
                    },
                },
            });
        }
    }
    out
}

/// Content overlap for "the same speaker saying the same thing".
fn said_similar(a: &SaidStatement, b: &SaidStatement) -> bool {
    let (score, common) = overlap(&a.concepts, &b.concepts);
    let smaller = a.concepts.len().min(b.concepts.len()).max(1) as f64;
    common >= 2 && score / smaller >= 0.3
}

/// The stance an attribution reports, or none when its cue sits in a condition
/// or a question ("If Ukraine rejects these terms, ...", "whether Kyiv accepts"):
/// a hypothetical is nobody's position; nor is a stance the sentence dates years
/// before the document ("In 1994, Ukraine agreed …", see
/// [`DocContext::tells_of_years_before`]), nor a conditional one another source
/// reports ([`conditional_reported_by_another`]). Falls back to the stance in the
/// speaker's own words ([`stance_in_own_words`]).
pub(crate) fn reported_stance(ctx: &DocContext, a: &model::Attribution) -> Option<Stance> {
    if let Some(cue) = a.cue {
        let sentence = ctx.sentence_at(cue.start);
        let before = ctx
            .text()
            .get(sentence.start.min(cue.start)..cue.start)
            .unwrap_or("");
        // Only the clause the cue is in: after the last clause break.
        let clause = before
            .rsplit([',', ';', ':', '\u{2014}', '(', '"', '\u{201c}'])
            .next()
            .unwrap_or(before);
        let hypothetical = clause.split(|c: char| !c.is_alphanumeric()).any(|w| {
            ["if", "unless", "whether"]
                .iter()
                .any(|h| w.eq_ignore_ascii_case(h))
        });
        // A question asks, it takes no stance: "does the plan call for …?" (a
        // quoted question ends on its closing quote mark and is not one).
        let question = sentence.slice(ctx.text()).trim_end().ends_with('?');
        if hypothetical
            || question
            || before.trim_end().ends_with('?')
            || is_title_case(sentence.slice(ctx.text()))
            || ctx.tells_of_years_before(sentence)
            || conditional_reported_by_another(ctx, a, cue)
        {
            return None;
        }
    }
    a.stance
        .or_else(|| stance_in_own_words(&a.content_text, a.kind))
}

/// "Ukraine would agree to halve its army, according to the FT": a conditional
/// stance (would / could / might) inside what another source reports is a plan's
/// term or a forecast, not the actor's position. "Smith said she would back the
/// bill" keeps its stance: the one reporting it is the actor.
fn conditional_reported_by_another(ctx: &DocContext, a: &model::Attribution, cue: Span) -> bool {
    let conditional = a
        .cue_text
        .as_deref()
        .and_then(|c| c.split_whitespace().next())
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "would" | "could" | "might"));
    let Some(source) = a.source.as_ref().filter(|_| conditional) else {
        return false;
    };
    let same = |o: &model::AttributionSource| {
        (o.entity.is_some() && o.entity == source.entity)
            || o.text.eq_ignore_ascii_case(&source.text)
    };
    ctx.input.analysis.attributions.iter().any(|o| {
        o.cue != a.cue
            && o.content.iter().any(|c| c.contains(cue))
            && o.source.as_ref().is_some_and(|s| !same(s))
    })
}

/// The year a document is written in: its publication year, else the latest year
/// it writes out (the year an undated page's year-less days take).
pub(crate) fn writing_year(doc: &model::Document, analysis: &DocumentAnalysis) -> Option<i32> {
    match &doc.published {
        Some(p) => Some(chrono::Datelike::year(&p.at.utc)),
        None => analysis
            .timexes
            .iter()
            .filter(|t| t.kind == TimexType::Date)
            .filter_map(|t| timex_year(&t.value))
            .max(),
    }
}

/// The year of a DATE value ("1994", "2025-11-27"); none for "XXXX-11-19" or
/// "PRESENT_REF".
fn timex_year(value: &str) -> Option<i32> {
    let y = value.get(..4)?;
    if y.bytes().all(|b| b.is_ascii_digit()) {
        y.parse().ok()
    } else {
        None
    }
}

/// True for a headline in Title Case ("Dockworkers Reject 4.5% Pay Offer As Port
/// Strike Enters Second Day"): with every word capitalised, who does what cannot be
/// read from the words, so no stance is taken from it.
fn is_title_case(sentence: &str) -> bool {
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && capitalised * 5 >= words.len() * 4
}

/// The stance a speaker takes in their own words, when the cue gives none: a
/// first-person subject with a stance verb ("we reject it", "a deal we can accept",
/// "we will not accept less"). Only for quoted words (direct or mixed), where "I"
/// and "we" are the speaker. A negated acceptance or support is a rejection; a
/// negated rejection says too little and gives nothing.
pub(crate) fn stance_in_own_words(content: &str, kind: AttributionKind) -> Option<Stance> {
    if kind == AttributionKind::Indirect {
        return None;
    }
    const AUXILIARIES: &[&str] = &[
        "will",
        "would",
        "can",
        "could",
        "do",
        "does",
        "did",
        "shall",
        "should",
        "must",
        "fully",
        "totally",
        "strongly",
        "firmly",
        "also",
        "still",
        "now",
        "therefore",
        "simply",
        "ca",
        "wo",
        "'ll",
        "'d",
    ];
    const NEGATIONS: &[&str] = &["not", "never", "cannot", "n't", "won't", "don't", "can't"];
    let words: Vec<String> = tokenize(content)
        .iter()
        .filter(|t| t.shape != TokenShape::Punct || t.text == "'")
        .map(|t| t.text.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    for (i, w) in words.iter().enumerate() {
        let subject = w == "i"
            || w == "we"
            || ["i'", "we'"]
                .iter()
                .any(|p| w.starts_with(p) && !w.ends_with("n't"));
        if !subject {
            continue;
        }
        let mut negated = false;
        for next in words.iter().skip(i + 1).take(4) {
            let next = next.as_str();
            if NEGATIONS.contains(&next) || next.ends_with("n't") {
                negated = true;
                continue;
            }
            if AUXILIARIES.contains(&next) {
                continue;
            }
            let stance = match stem(next).as_str() {
                "accept" | "agre" | "approv" => Some(Stance::Accepts),
                "support" | "back" | "welcom" | "endors" => Some(Stance::Supports),
                "reject" | "oppos" | "refus" => Some(Stance::Rejects),
                "deny" | "deni" => Some(Stance::Denies),
                "demand" | "insist" => Some(Stance::Demands),
                "propos" => Some(Stance::Proposes),
                "warn" => Some(Stance::Warns),
                _ => None,
            };
            match (stance, negated) {
                (Some(Stance::Accepts | Stance::Supports), true) => return Some(Stance::Rejects),
                (Some(found), false) => return Some(found),
                // The subject's verb is another one: look for the next subject.
                _ => break,
            }
        }
    }
    None
}

pub(crate) fn is_positive(s: Stance) -> bool {
    matches!(s, Stance::Proposes | Stance::Supports | Stance::Accepts)
}

pub(crate) fn is_negative(s: Stance) -> bool {
    matches!(s, Stance::Rejects | Stance::Denies)
}

/// Prepositions that put what follows as the place where something happens.
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "on",
    "outside",
    "inside",
    "around",
    "across",
    "throughout",
    "over",
    "into",
    "across",
    "towards",
    "toward",
];

/// True when the words before byte `at` end with a locative preposition, optionally
/// followed by "the" ("in the city of" counts through its own preposition).
fn after_locative(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty());
    let mut word = words.next().map(str::to_lowercase);
    if word.as_deref() == Some("the") {
        word = words.next().map(str::to_lowercase);
    }
    word.is_some_and(|w| LOCATIVES.contains(&w.as_str()))
}

/// True when two pieces of evidence are the same passage of one document: one
/// sentence that names two sources ("X says …, Y reported") is nesting, not two
/// speakers given the same words.
fn one_passage(a: &Evidence, b: &Evidence) -> bool {
    a.doc == b.doc && a.span.overlaps(b.span)
}

/// True when two quotes carry the same words: nearly the same word set, or the
/// shorter one (six words or more) running almost whole inside the longer one (a
/// quote that one outlet continues with another sentence).
fn same_words(a: &[String], b: &[String]) -> bool {
    if quote_similarity(a, b) >= 0.8 {
        return true;
    }
    let shorter = a.len().min(b.len());
    shorter >= 6 && longest_common_run(a, b) as f64 >= 0.9 * shorter as f64
}

/// A cheap necessary condition for [`same_words`], from each quote's word set:
/// the shorter quote's words are mostly in the longer one (at most a fifth of its
/// distinct words missing, as a word-set similarity of 0.8 needs, or at most a
/// tenth of its words, as a common run of 90% needs).
fn may_share_words(
    a: &[String],
    b: &[String],
    set_a: &HashSet<&str>,
    set_b: &HashSet<&str>,
) -> bool {
    let (short, short_set, long_set) = if a.len() <= b.len() {
        (a, set_a, set_b)
    } else {
        (b, set_b, set_a)
    };
    let distinct_missing = short_set.iter().filter(|w| !long_set.contains(*w)).count();
    if distinct_missing * 5 <= short_set.len() {
        return true;
    }
    let missing = short
        .iter()
        .filter(|w| !long_set.contains(w.as_str()))
        .count();
    missing * 10 <= short.len()
}

/// Length of the longest run of consecutive words the two sequences share.
fn longest_common_run(a: &[String], b: &[String]) -> usize {
    let mut best = 0;
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = if x == y { previous[j] + 1 } else { 0 };
            best = best.max(current[j + 1]);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

/// Word-set similarity of two quotes (Jaccard over lower-cased words).
fn quote_similarity(a: &[String], b: &[String]) -> f64 {
    let sa: BTreeSet<&String> = a.iter().collect();
    let sb: BTreeSet<&String> = b.iter().collect();
    let inter = sa.intersection(&sb).count() as f64;
    let union = sa.union(&sb).count() as f64;
    if union == 0.0 {
        0.0
    } else {
        inter / union
    }
}

// ---------------------------------------------------------------------------
// Dated event statements
// ---------------------------------------------------------------------------

struct DatedStatement {
    concepts: BTreeMap<String, bool>,
    places: BTreeSet<String>,
    /// The event whose start this date gives ("the strike, which began on
    /// Monday", "a walkout that has dragged on since Tuesday"): its concept.
    start_of: Option<String>,
    statement: Statement,
}

/// Nouns of events that start and go on (strikes, wars, talks, sieges...), by
/// related-word concept or stem: what "began on" or "since" dates.
const ONGOING_EVENTS: &[&str] = &[
    "strike",
    "attack",
    "war",
    "talk",
    "ceasefire",
    "protest",
    "siege",
    "blockade",
    "campaign",
    "offensive",
    "invasion",
    "occupation",
    "shutdown",
    "lockdown",
    "crisis",
    "operation",
    "trial",
    "investigation",
    "inquiry",
    "outage",
    "evacuate",
];

/// The concept of the ongoing event whose start the date at tokens `[first, _)`
/// of `toks` gives: "since" or a begin verb just before the date (past "on"/"at"
/// and clock times), then the nearest event noun within six words before that.
fn start_of_event(toks: &[Token], first: usize, lex: &Lexicon) -> Option<String> {
    let mut k = first;
    let mut marker = None;
    for _ in 0..4 {
        k = k.checked_sub(1)?;
        let w = toks[k].text.to_lowercase();
        if w == "since" || lex.concept(&w).as_deref() == Some("begin") {
            marker = Some(k);
            break;
        }
        let skippable = matches!(w.as_str(), "on" | "at" | "from")
            || toks[k].shape == TokenShape::Number
            || w.chars().all(|c| c.is_ascii_digit() || c == ':');
        if !skippable {
            return None;
        }
    }
    let marker = marker?;
    toks[marker.saturating_sub(6)..marker]
        .iter()
        .rev()
        .filter_map(|t| lex.concept(t.text))
        .find(|c| ONGOING_EVENTS.contains(&c.as_str()))
}

/// Topic words either side of a date that say what happened on it.
const DATE_WINDOW: usize = 5;

fn dated_statements(ctxs: &[DocContext], lex: &Lexicon) -> Vec<DatedStatement> {
    let mut out = Vec::new();
    for ctx in ctxs {
        let text = ctx.text();
        for t in &ctx.input.analysis.timexes {
            // Calendar days only: "2025-11-27" or "XXXX-11-27", with any part of
            // day ("2025-11-27TMO") dropped: the day is what outlets disagree on.
            let Some(day) = calendar_day(&t.value) else {
                continue;
            };
            if t.kind != TimexType::Date && t.kind != TimexType::Time {
                continue;
            }
            let sentence = ctx.sentence_at(t.span.start);
            let sent_text = sentence.slice(text);
            // The words about this date: up to DATE_WINDOW topic words either side,
            // stopping at another date of the sentence ("rejected the offer on
            // Wednesday, as the strike that began on Tuesday" is two events).
            let all = ctx.tokens_in(sentence);
            // A quote mark ends the window too: quoted and reporting words are two
            // clauses ("'... a deal we can accept,' said X, who two days ago called
            // the offer an insult").
            let other_date = |tok: &Token| {
                matches!(tok.text, "\"" | "\u{201c}" | "\u{201d}")
                    || matches!(
                        tok.text.to_lowercase().as_str(),
                        "as" | "while" | "when" | "whereas" | "because" | "although" | "but"
                    )
                    || ctx.input.analysis.timexes.iter().any(|o| {
                        o.span != t.span && o.span.overlaps(tok.span) && sentence.contains(o.span)
                    })
            };
            let topical = |tok: &&Token| {
                tok.shape != TokenShape::Punct
                    && tok.shape != TokenShape::Number
                    && lex.concept(tok.text).is_some()
            };
            let first_in = all.partition_point(|tok| tok.span.end <= t.span.start);
            let last_in = all.partition_point(|tok| tok.span.start < t.span.end);
            let mut toks: Vec<Token> = all[..first_in]
                .iter()
                .rev()
                .take_while(|tok| !other_date(tok))
                .filter(topical)
                .take(DATE_WINDOW)
                .copied()
                .collect();
            toks.reverse();
            toks.extend(
                all[last_in..]
                    .iter()
                    .take_while(|tok| !other_date(tok))
                    .filter(topical)
                    .take(DATE_WINDOW)
                    .copied(),
            );
            let concepts =
                concept_map(&lex.concepts(sent_text, &rebase(&toks, sentence.start), &ctx.names));
            let start_of = start_of_event(all, first_in, lex);
            if start_of.is_none() && concepts.values().filter(|p| !**p).count() < 3 {
                continue;
            }
            // The event started is a topic word even when the window missed it.
            let mut concepts = concepts;
            if let Some(e) = &start_of {
                concepts.insert(e.clone(), false);
            }
            out.push(DatedStatement {
                concepts,
                start_of,
                places: ctx.places_in(sentence),
                statement: Statement {
                    evidence: ctx.evidence_for(sentence),
                    reported_by: ctx.reported_by(
                        ctx.attribution_covering(t.span)
                            .and_then(|a| a.source.as_ref())
                            .map(|s| ctx.source_name(s)),
                        None,
                    ),
                    value: StatedValue::Date {
                        value: day.to_string(),
                        end_value: t
                            .end_value
                            .as_deref()
                            .and_then(calendar_day)
                            .map(str::to_string),
                        text: t.text.clone(),
                    },
                },
            });
        }
    }
    out
}

/// The `YYYY-MM-DD` (or `XXXX-MM-DD`) day at the start of a TimeML value.
fn calendar_day(value: &str) -> Option<&str> {
    let day = value.get(..10)?;
    let b = day.as_bytes();
    let year_ok = b[..4].iter().all(u8::is_ascii_digit) || &day[..4] == "XXXX";
    let rest_ok =
        b[4] == b'-' && b[7] == b'-' && [5, 6, 8, 9].iter().all(|&i| b[i].is_ascii_digit());
    (year_ok
        && rest_ok
        && value
            .get(10..)
            .is_none_or(|r| r.is_empty() || r.starts_with('T')))
    .then_some(day)
}

/// Same event: most of the smaller sentence's common words are shared.
fn same_event(a: &DatedStatement, b: &DatedStatement) -> bool {
    // Two dates in one sentence are two times by construction.
    let (ea, eb) = (&a.statement.evidence, &b.statement.evidence);
    if ea.doc == eb.doc && ea.span == eb.span {
        return false;
    }
    // Two documents dating the start of the same ongoing event ("the strike began
    // on Monday", "a walkout that has dragged on since Tuesday"), wherever else
    // their sentences are.
    if a.start_of.is_some() && a.start_of == b.start_of && ea.doc != eb.doc {
        return true;
    }
    if !a.places.is_empty() && !b.places.is_empty() && a.places.is_disjoint(&b.places) {
        return false;
    }
    let (_, common) = overlap(&a.concepts, &b.concepts);
    let count = |m: &BTreeMap<String, bool>| m.values().filter(|p| !**p).count();
    let smaller = count(&a.concepts).min(count(&b.concepts)).max(1);
    common >= 3 && common as f64 / smaller as f64 >= 0.5
}

/// Two date values agree when one is a prefix of the other or their ranges meet.
fn dates_compatible(a: &StatedValue, b: &StatedValue) -> bool {
    let range = |v: &StatedValue| match v {
        StatedValue::Date {
            value, end_value, ..
        } => Some((
            value.clone(),
            end_value.clone().unwrap_or_else(|| value.clone()),
        )),
        _ => None,
    };
    let (Some((a0, a1)), Some((b0, b1))) = (range(a), range(b)) else {
        return false;
    };
    let unknown_year = |s: &str| s.starts_with("XXXX");
    let strip = |s: &str, other: &str| {
        if unknown_year(s) || unknown_year(other) {
            s.get(4..).unwrap_or("").to_string()
        } else {
            s.to_string()
        }
    };
    let (a0, a1, b0, b1) = (
        strip(&a0, &b0),
        strip(&a1, &b1),
        strip(&b0, &a0),
        strip(&b1, &a1),
    );
    a0.starts_with(&b0) || b0.starts_with(&a0) || (a0 <= b1 && b0 <= a1)
}

// ---------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------

/// Reads every document's statements, groups them into claims and finds the
/// disagreements. Output order is deterministic: quantity claims, then
/// attribution claims, then dated events, each in order of first statement.
pub fn build_claims(docs: &[DocInput]) -> ClaimSet {
    build_claims_in(&Reading::new(docs))
}

/// What every fusion pass reads of a story, built once per brief: the documents'
/// tokens and sentences, the related-word lexicon and the display words.
pub(crate) struct Reading<'a> {
    pub(crate) lex: Lexicon,
    pub(crate) ctxs: Vec<DocContext<'a>>,
    pub(crate) surface: SurfaceForms,
}

impl<'a> Reading<'a> {
    pub(crate) fn new(docs: &'a [DocInput<'a>]) -> Reading<'a> {
        let lex = Lexicon::new();
        let ctxs: Vec<DocContext> = docs.iter().map(DocContext::new).collect();
        let surface = SurfaceForms::collect(&ctxs, &lex);
        Reading { lex, ctxs, surface }
    }
}

/// [`build_claims`] over a story already read.
pub(crate) fn build_claims_in(reading: &Reading) -> ClaimSet {
    let (lex, ctxs, surface) = (&reading.lex, &reading.ctxs[..], &reading.surface);
    let mut set = ClaimSet::default();
    let mut found: Vec<Found> = Vec::new();
    quantity_claims(
        &mut set,
        &mut found,
        quantity_statements(ctxs, lex),
        surface,
    );
    attribution_claims(
        &mut set,
        &mut found,
        said_statements(ctxs, lex),
        lex,
        surface,
    );
    dated_claims(&mut set, &mut found, dated_statements(ctxs, lex), surface);
    for t in crate::titles::title_conflicts(ctxs) {
        let name_side = |statements: Vec<Statement>| {
            let mut titles: BTreeMap<String, usize> = BTreeMap::new();
            for s in &statements {
                *titles.entry(value_words(&s.value)).or_default() += 1;
            }
            let value = titles
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(w, _)| w)
                .unwrap_or_default();
            DisagreementSide::new(value, statements)
        };
        let (past, current) = (name_side(t.past), name_side(t.current));
        let summary = format!("{}: {} vs {}", t.person, past.value, current.value);
        found.push((
            DisagreementKind::ConflictingTitles,
            Vec::new(),
            summary,
            vec![past, current],
        ));
    }
    for d in crate::disputes::disputes(ctxs, lex, surface) {
        let summary = format!(
            "{}: {} asserts vs {} denies",
            d.topic.join(", "),
            d.asserted_by.join(", "),
            d.denied_by.join(", ")
        );
        let asserts = DisagreementSide::new(
            format!("asserted by {}", d.asserted_by.join(", ")),
            d.asserted,
        );
        let denies =
            DisagreementSide::new(format!("denied by {}", d.denied_by.join(", ")), d.denied);
        found.push((
            DisagreementKind::DisputedFact,
            Vec::new(),
            summary,
            vec![asserts, denies],
        ));
    }
    for (n, (kind, claims, summary, sides)) in found.into_iter().enumerate() {
        set.disagreements.push(Disagreement {
            id: format!("disagreement-{}", n + 1),
            kind,
            claims,
            summary,
            sides,
        });
    }
    set
}

/// Per group root: its statements by (document, sentence start), for the figures
/// a sentence sets apart.
type SentenceMates = HashMap<usize, BTreeMap<(usize, usize), Vec<usize>>>;

/// Groups figures into claims and records their value disagreements.
fn quantity_claims(
    set: &mut ClaimSet,
    found: &mut Vec<Found>,
    qs: Vec<QuantityStatement>,
    surface: &SurfaceForms,
) {
    let mut groups = Groups::new(qs.len());
    let keys: Vec<Vec<&str>> = qs.iter().map(|q| common_keys(&q.concepts)).collect();
    // What each group counts: a figure without a unit may join a group, but never
    // bridge two groups that count different things ("5 days" and "31 ships").
    let mut group_unit: HashMap<usize, String> = HashMap::new();
    let mut group_outcome: HashMap<usize, String> = HashMap::new();
    for (n, q) in qs.iter().enumerate() {
        if let Some(u) = &q.unit_concept {
            group_unit.insert(n, u.clone());
        }
        if let Some(o) = &q.outcome {
            group_outcome.insert(n, o.clone());
        }
    }
    // A sentence that gives two different figures of one kind, each governed by
    // its own word, tells them apart ("offered 3%; it was promised 6%"): such
    // figures never share a claim. Figures under one word ("a limit of 600,000 …
    // a cap closer to 1 million"), alternatives ("by half, according to A, or by
    // two and a half times") and a reported change stay comparable. Each figure
    // joins its own value's statements first and then the figures most like it,
    // before that rule bites.
    // Only figures that share their sentence with another can be set apart.
    let mut per_sentence: HashMap<(usize, usize), usize> = HashMap::new();
    for q in &qs {
        *per_sentence
            .entry((q.doc, q.statement.evidence.span.start))
            .or_default() += 1;
    }
    let mut by_sentence: SentenceMates = HashMap::new();
    for (n, q) in qs.iter().enumerate() {
        if per_sentence.get(&(q.doc, q.statement.evidence.span.start)) < Some(&2) {
            continue;
        }
        by_sentence
            .entry(n)
            .or_default()
            .entry((q.doc, q.statement.evidence.span.start))
            .or_default()
            .push(n);
    }
    let apart = |a: usize, b: usize| {
        let (x, y) = (&qs[a], &qs[b]);
        x.change_partner != Some(y.index)
            && y.change_partner != Some(x.index)
            && !compatible(&x.statement.value, &y.statement.value)
            && matches!((&x.governor, &y.governor), (Some(g), Some(h)) if g != h)
    };
    let blocked = |by_sentence: &SentenceMates, ri: usize, rj: usize| {
        let (Some(a), Some(b)) = (by_sentence.get(&ri), by_sentence.get(&rj)) else {
            return false;
        };
        a.iter().any(|(key, xs)| {
            b.get(key)
                .is_some_and(|ys| xs.iter().any(|&x| ys.iter().any(|&y| apart(x, y))))
        })
    };
    let join = |groups: &mut Groups, by_sentence: &mut SentenceMates, i: usize, j: usize| {
        let (ri, rj) = (groups.find(i), groups.find(j));
        if ri == rj || blocked(by_sentence, ri, rj) {
            return false;
        }
        groups.union(i, j);
        let root = groups.find(i);
        let gone = if root == ri { rj } else { ri };
        if let Some(moved) = by_sentence.remove(&gone) {
            let into = by_sentence.entry(root).or_default();
            for (key, mut ns) in moved {
                into.entry(key).or_default().append(&mut ns);
            }
        }
        true
    };
    // Joins the groups of `i` and `j` unless they count different things, name
    // different outcomes, or hold figures their own sentence sets apart.
    let mut try_join =
        |groups: &mut Groups, by_sentence: &mut SentenceMates, i: usize, j: usize| {
            let (ri, rj) = (groups.find(i), groups.find(j));
            let (ui, uj) = (group_unit.get(&ri).cloned(), group_unit.get(&rj).cloned());
            if matches!((&ui, &uj), (Some(a), Some(b)) if a != b) {
                return;
            }
            // Nor may a figure without an outcome bridge "killed" and "injured".
            let (oi, oj) = (
                group_outcome.get(&ri).cloned(),
                group_outcome.get(&rj).cloned(),
            );
            if matches!((&oi, &oj), (Some(a), Some(b)) if a != b) {
                return;
            }
            if !join(groups, by_sentence, i, j) {
                return;
            }
            let root = groups.find(i);
            if let Some(u) = ui.or(uj) {
                group_unit.insert(root, u);
            }
            if let Some(o) = oi.or(oj) {
                group_outcome.insert(root, o);
            }
        };
    // Pairs giving the same figure first, in document order; then the pairs of
    // different figures whose groups are still apart, best first.
    let (same, different): (Vec<_>, Vec<_>) = candidate_pairs(&keys)
        .into_iter()
        .partition(|&(i, j)| compatible(&qs[i].statement.value, &qs[j].statement.value));
    for (i, j) in same {
        // Already joined through other figures: nothing to learn from this pair.
        if groups.find(i) == groups.find(j)
            || quantity_similarity(&qs[i], &qs[j]) < QUANTITY_MATCH_SCORE
        {
            continue;
        }
        try_join(&mut groups, &mut by_sentence, i, j);
    }
    let mut scored: Vec<(f64, usize, usize)> = different
        .into_iter()
        .filter(|&(i, j)| groups.find(i) != groups.find(j))
        .filter_map(|(i, j)| {
            let sim = quantity_similarity(&qs[i], &qs[j]);
            (sim >= QUANTITY_MATCH_SCORE).then_some((sim, i, j))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in scored {
        if groups.find(i) != groups.find(j) {
            try_join(&mut groups, &mut by_sentence, i, j);
        }
    }
    // Second pass, group against group: figures that count the same thing and
    // whose sentences, taken together, share two topic words describe one measure
    // even when no single pair of sentences matched closely enough.
    let groups_now = groups.members();
    let words_of = |ms: &[usize]| -> BTreeSet<&str> {
        ms.iter()
            .flat_map(|&m| {
                let unit = qs[m].unit_concept.as_deref();
                qs[m]
                    .concepts
                    .iter()
                    .filter(move |(k, proper)| !**proper && Some(k.as_str()) != unit)
                    .map(|(k, _)| k.as_str())
            })
            .collect()
    };
    let unit_of = |ms: &[usize]| ms.iter().find_map(|&m| qs[m].unit_concept.clone());
    let places_of = |ms: &[usize]| -> BTreeSet<String> {
        ms.iter()
            .flat_map(|&m| qs[m].places.iter().cloned())
            .collect()
    };
    let outcome_of = |ms: &[usize]| ms.iter().find_map(|&m| qs[m].outcome.clone());
    struct GroupSummary<'w> {
        first: usize,
        unit: Option<String>,
        outcome: Option<String>,
        words: BTreeSet<&'w str>,
        places: BTreeSet<String>,
        locations: BTreeSet<String>,
    }
    let summaries: Vec<GroupSummary> = groups_now
        .iter()
        .map(|ms| GroupSummary {
            first: ms[0],
            unit: unit_of(ms),
            outcome: outcome_of(ms),
            words: words_of(ms),
            places: places_of(ms),
            locations: ms
                .iter()
                .flat_map(|&m| qs[m].locations.iter().cloned())
                .collect(),
        })
        .collect();
    for a in 0..summaries.len() {
        for b in a + 1..summaries.len() {
            let (ga, gb) = (&summaries[a], &summaries[b]);
            let (ia, ua, wa, pa) = (&ga.first, &ga.unit, &ga.words, &ga.places);
            let (ib, ub, wb, pb) = (&gb.first, &gb.unit, &gb.words, &gb.places);
            // Figures about different places stay apart, as in the pairwise test,
            // and so do different outcomes.
            let other_places = !pa.is_empty() && !pb.is_empty() && pa.is_disjoint(pb);
            let other_outcomes = matches!((&ga.outcome, &gb.outcome),
                (Some(x), Some(y)) if x != y || ga.locations.is_disjoint(&gb.locations));
            if ua.is_some()
                && ua == ub
                && !other_places
                && !other_outcomes
                && wa.intersection(wb).count() >= 2
            {
                join(&mut groups, &mut by_sentence, *ia, *ib);
            }
        }
    }
    // The two figures of a reported change are one claim by construction.
    let by_position: HashMap<(usize, usize), usize> = qs
        .iter()
        .enumerate()
        .map(|(n, q)| ((q.doc, q.index), n))
        .collect();
    for (n, q) in qs.iter().enumerate() {
        if let Some(&m) = q.change_partner.and_then(|p| by_position.get(&(q.doc, p))) {
            groups.union(n, m);
        }
    }
    for members in groups.members() {
        let topic = shared_topic(
            members.iter().map(|&m| &qs[m].concepts),
            qs[members[0]].unit_concept.as_deref(),
        );
        // The most used unit, absolute figures counting double (ratios name the
        // measure less directly).
        let mut unit_counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (order, &m) in members.iter().enumerate() {
            if let Some(u) = qs[m].quantity.unit.as_deref() {
                let e = unit_counts.entry(u).or_insert((0, order));
                e.0 += if qs[m].quantity.is_ratio { 1 } else { 2 };
            }
        }
        let unit = unit_counts
            .into_iter()
            .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
            .map(|(u, _)| u.to_string());
        let label = match &unit {
            Some(u) if topic.is_empty() => u.clone(),
            Some(u) => format!("{u}: {}", surface.label(&topic)),
            None => surface.label(&topic),
        };
        let statements: Vec<Statement> = members.iter().map(|&m| qs[m].statement.clone()).collect();
        push_claim(
            set,
            ClaimKind::Quantity,
            label,
            unit,
            topic,
            None,
            statements,
        );
        if let Some(claim) = set.claims.last() {
            found.extend(value_disagreement(claim));
        }
    }
}

/// Groups what each speaker said into claims; records opposite stances of one
/// named speaker and the same quoted words given to different speakers.
fn attribution_claims(
    set: &mut ClaimSet,
    found: &mut Vec<Found>,
    said: Vec<SaidStatement>,
    lex: &Lexicon,
    surface: &SurfaceForms,
) {
    let story_contents: Vec<&str> = said.iter().map(said_content).collect();
    let background = crate::phrases::PhraseBackground::new(lex, &story_contents);
    let mut groups = Groups::new(said.len());
    let keys: Vec<Vec<&str>> = said.iter().map(|s| common_keys(&s.concepts)).collect();
    for (i, j) in candidate_pairs(&keys) {
        if said[i].speaker_key == said[j].speaker_key
            && groups.find(i) != groups.find(j)
            && said_similar(&said[i], &said[j])
        {
            groups.union(i, j);
        }
    }
    let mut claim_of: Vec<String> = vec![String::new(); said.len()];
    for members in groups.members() {
        let topic = shared_topic(members.iter().map(|&m| &said[m].concepts), None);
        let speaker = usual_name(members.iter().map(|&m| said[m].speaker_name.as_str()));
        let contents: Vec<&str> = members.iter().map(|&m| said_content(&said[m])).collect();
        let phrase = crate::phrases::distinctive_phrase(lex, &contents, &background);
        let label = match phrase {
            Some(p) => format!("{speaker}: {p}"),
            None if topic.is_empty() => speaker.clone(),
            None => format!("{speaker}: {}", surface.label(&topic)),
        };
        let statements: Vec<Statement> =
            members.iter().map(|&m| said[m].statement.clone()).collect();
        let id = push_claim(
            set,
            ClaimKind::Attribution,
            label,
            None,
            topic,
            Some(speaker.clone()),
            statements,
        );
        for &m in &members {
            claim_of[m] = id.clone();
        }
        // Opposite stances: only for named speakers (two "officials" may be two people).
        if members.iter().any(|&m| said[m].is_descriptor) {
            continue;
        }
        let stance_of = |m: usize| match &said[m].statement.value {
            StatedValue::Said { stance, .. } => *stance,
            _ => None,
        };
        let pick = |f: fn(Stance) -> bool| -> Vec<Statement> {
            members
                .iter()
                .filter(|&&m| stance_of(m).is_some_and(f))
                .map(|&m| said[m].statement.clone())
                .collect()
        };
        let (pro, contra) = (pick(is_positive), pick(is_negative));
        if !pro.is_empty() && !contra.is_empty() {
            let words = |v: &[Statement]| {
                let mut w: Vec<String> = v.iter().map(|s| value_words(&s.value)).collect();
                w.dedup();
                w.join("/")
            };
            let (pro_words, contra_words) = (words(&pro), words(&contra));
            found.push((
                DisagreementKind::OppositeStances,
                vec![id.clone()],
                format!("{speaker}: {pro_words} vs {contra_words}"),
                vec![
                    DisagreementSide::new(pro_words, pro),
                    DisagreementSide::new(contra_words, contra),
                ],
            ));
        }
    }

    // The same quoted words given to different named speakers, once per pair of speakers.
    let word_keys: Vec<Vec<&str>> = said
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(String::as_str)
                .filter(|w| w.len() >= 4)
                .collect()
        })
        .collect();
    let direct = |s: &SaidStatement| {
        matches!(
            s.statement.value,
            StatedValue::Said {
                kind: AttributionKind::Direct | AttributionKind::Mixed,
                ..
            }
        )
    };
    let word_sets: Vec<HashSet<&str>> = said
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let mut by_speakers: BTreeMap<(usize, usize), (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    let mut first_of_speaker: HashMap<&str, usize> = HashMap::new();
    for (n, s) in said.iter().enumerate() {
        first_of_speaker.entry(s.speaker_key.as_str()).or_insert(n);
    }
    for (i, j) in candidate_pairs(&word_keys) {
        let (a, b) = (&said[i], &said[j]);
        // Two people given the same words; an organisation and its spokesperson
        // saying the same thing is no contradiction.
        if a.is_descriptor
            || b.is_descriptor
            || !a.is_person
            || !b.is_person
            || a.speaker_key == b.speaker_key
            || !direct(a)
            || !direct(b)
            || a.words.len().min(b.words.len()) < 5
            || !may_share_words(&a.words, &b.words, &word_sets[i], &word_sets[j])
            || !same_words(&a.words, &b.words)
            || one_passage(&a.statement.evidence, &b.statement.evidence)
        {
            continue;
        }
        let (ka, kb) = (
            first_of_speaker[a.speaker_key.as_str()],
            first_of_speaker[b.speaker_key.as_str()],
        );
        let (key, (x, y)) = if ka < kb {
            ((ka, kb), (i, j))
        } else {
            ((kb, ka), (j, i))
        };
        let entry = by_speakers.entry(key).or_default();
        if !entry.0.contains(&x) {
            entry.0.push(x);
        }
        if !entry.1.contains(&y) {
            entry.1.push(y);
        }
    }
    for ((ka, kb), (xs, ys)) in by_speakers {
        // Name each side as its quoting statements do.
        let name = |ms: &[usize], fallback: usize| {
            usual_name(
                ms.iter()
                    .map(|&m| said[m].speaker_name.as_str())
                    .chain(ms.is_empty().then(|| said[fallback].speaker_name.as_str())),
            )
        };
        let (na, nb) = (name(&xs, ka), name(&ys, kb));
        let (na, nb) = (&na, &nb);
        let mut claims: Vec<String> = xs.iter().chain(&ys).map(|&m| claim_of[m].clone()).collect();
        claims.sort_by_key(|c| claim_number(c));
        claims.dedup();
        let side_of = |name: &str, ms: &[usize]| {
            DisagreementSide::new(
                name.to_string(),
                ms.iter().map(|&m| said[m].statement.clone()).collect(),
            )
        };
        found.push((
            DisagreementKind::SameWordsDifferentSpeakers,
            claims,
            format!("the same words attributed to {na} and to {nb}"),
            vec![side_of(na, &xs), side_of(nb, &ys)],
        ));
    }
}

fn claim_number(id: &str) -> usize {
    id.rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Groups dated sentences into events and records conflicting dates.
fn dated_claims(
    set: &mut ClaimSet,
    found: &mut Vec<Found>,
    dated: Vec<DatedStatement>,
    surface: &SurfaceForms,
) {
    let mut groups = Groups::new(dated.len());
    let keys: Vec<Vec<&str>> = dated.iter().map(|d| common_keys(&d.concepts)).collect();
    // Statements that directly describe one event with dates that do not meet, from
    // two documents. A chain of looser matches (accepting an offer ~ calling it an
    // insult ~ tabling it) groups statements into one claim but is no conflict.
    let mut conflicting = vec![false; dated.len()];
    for (i, j) in candidate_pairs(&keys) {
        if same_event(&dated[i], &dated[j]) {
            groups.union(i, j);
            let (a, b) = (&dated[i].statement, &dated[j].statement);
            if a.evidence.doc != b.evidence.doc && !dates_compatible(&a.value, &b.value) {
                conflicting[i] = true;
                conflicting[j] = true;
            }
        }
    }
    for members in groups.members() {
        let topic = shared_topic(members.iter().map(|&m| &dated[m].concepts), None);
        let label = surface.label(&topic);
        let statements: Vec<Statement> = members
            .iter()
            .map(|&m| dated[m].statement.clone())
            .collect();
        push_claim(
            set,
            ClaimKind::DatedEvent,
            label,
            None,
            topic,
            None,
            statements,
        );
        if let (Some(claim), true) = (set.claims.last(), members.iter().any(|&m| conflicting[m])) {
            found.extend(date_disagreement(claim));
        }
    }
}

fn push_claim(
    set: &mut ClaimSet,
    kind: ClaimKind,
    label: String,
    unit: Option<String>,
    topic: Vec<String>,
    speaker: Option<String>,
    mut statements: Vec<Statement>,
) -> String {
    // A sentence that speaks to the reader ("You can head here to catch up on the
    // 28-point plan") is the weakest evidence: it goes last.
    statements.sort_by_cached_key(|s| crate::timeline::addresses_reader(&s.evidence.text));
    let id = format!("claim-{}", set.claims.len() + 1);
    let outlets: BTreeSet<String> = statements
        .iter()
        .map(|s| s.reported_by.outlet.clone())
        .collect();
    set.claims.push(Claim {
        id: id.clone(),
        kind,
        label,
        unit,
        topic,
        speaker,
        statements,
        outlets: outlets.into_iter().collect(),
    });
    id
}

/// Sources that name nobody when nothing resolved them.
const UNRESOLVED_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];

/// True when a source's name is a pronoun nothing resolved ("he"): nobody to
/// match across the story.
pub(crate) fn is_unresolved_pronoun(name: &str) -> bool {
    UNRESOLVED_PRONOUNS.contains(&name.to_lowercase().as_str())
}

/// The name a speaker goes by most often among `names` (all one speaker key); on
/// a tie, the fullest (longest), then the first in alphabetical order. The most
/// frequent form keeps a rare long phrase the key also caught ("public sentiment
/// in Ukraine" beside "Ukraine") from naming the speaker.
pub(crate) fn usual_name<'s>(names: impl Iterator<Item = &'s str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names {
        *counts.entry(n).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then(a.len().cmp(&b.len())).then(b.cmp(a)))
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}

/// The common-word concepts most statements of a group share (at most four),
/// most frequent first; the unit itself is left out.
fn shared_topic<'m>(
    sets: impl Iterator<Item = &'m BTreeMap<String, bool>>,
    unit: Option<&str>,
) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut n = 0;
    for set in sets {
        n += 1;
        for (k, proper) in set {
            if !*proper && Some(k.as_str()) != unit {
                *counts.entry(k.as_str()).or_default() += 1;
            }
        }
    }
    let need = if n == 1 { 1 } else { 2 };
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().filter(|(_, c)| *c >= need).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(4)
        .map(|(k, _)| k.to_string())
        .collect()
}

type Found = (DisagreementKind, Vec<String>, String, Vec<DisagreementSide>);

/// Conflicting figures in one quantity claim, or a change the documents report.
fn value_disagreement(claim: &Claim) -> Option<Found> {
    let idx_sides = sides_by_value(&claim.statements);
    if idx_sides.len() < 2 {
        return None;
    }
    // A side every one of whose statements fits all members of two or more other
    // sides is vague: it sides with no one.
    let fits_side = |i: usize, side: &[usize]| {
        side.iter()
            .all(|&j| compatible(&claim.statements[i].value, &claim.statements[j].value))
    };
    let vague: Vec<bool> = idx_sides
        .iter()
        .enumerate()
        .map(|(n, side)| {
            let fitted = idx_sides
                .iter()
                .enumerate()
                .filter(|(m, other)| *m != n && side.iter().all(|&i| fits_side(i, other)))
                .count();
            fitted >= 2
        })
        .collect();
    if vague.iter().filter(|v| !**v).count() < 2 {
        return None;
    }
    let sides: Vec<DisagreementSide> = idx_sides
        .iter()
        .map(|members| {
            let statements: Vec<Statement> = members
                .iter()
                .map(|&m| claim.statements[m].clone())
                .collect();
            // Name the side by its most common wording.
            let mut words: BTreeMap<String, usize> = BTreeMap::new();
            for s in &statements {
                *words.entry(value_words(&s.value)).or_default() += 1;
            }
            let value = words
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(w, _)| w)
                .unwrap_or_default();
            DisagreementSide::new(value, statements)
        })
        .zip(&vague)
        .map(|(mut side, &v)| {
            side.vague = v;
            side
        })
        .collect();
    // A reported change explains the split when every side holds the previous or
    // the updated value of a change some document states.
    let explained = sides.iter().all(|side| {
        side.statements
            .iter()
            .any(|s| role_of(s) != ValueRole::Stated)
            || side.statements.iter().all(|s| {
                claim
                    .statements
                    .iter()
                    .any(|p| role_of(p) == ValueRole::Previous && compatible(&p.value, &s.value))
            })
    }) && claim
        .statements
        .iter()
        .any(|s| role_of(s) == ValueRole::Updated);
    // Figures in different sentences of one page are usually about different
    // things; a conflict needs two documents, or two figures in one sentence.
    let crosses = |a: &Statement, b: &Statement| {
        a.evidence.doc != b.evidence.doc
            || (a.evidence.span == b.evidence.span
                && !part_of_whole(&a.evidence.text, &a.value, &b.value))
    };
    let conflicting_pair = sides.iter().enumerate().any(|(i, si)| {
        sides[i + 1..].iter().any(|sj| {
            !si.vague
                && !sj.vague
                && si
                    .statements
                    .iter()
                    .any(|a| sj.statements.iter().any(|b| crosses(a, b)))
        })
    });
    if !conflicting_pair && !explained {
        return None;
    }
    let mut sides = sides;
    if explained {
        // Earlier values first, the updated value last.
        sides.sort_by_key(|side| {
            side.statements
                .iter()
                .any(|s| role_of(s) == ValueRole::Updated)
        });
    }
    let kind = if explained {
        DisagreementKind::ChangedOverTime
    } else {
        DisagreementKind::ConflictingValues
    };
    let what = claim.unit.clone().unwrap_or_else(|| claim.label.clone());
    let described = |s: &DisagreementSide| {
        // Each reporter once, in order of appearance.
        let mut who: Vec<&str> = Vec::new();
        for st in &s.statements {
            if !who.contains(&st.reported_by.display.as_str()) {
                who.push(&st.reported_by.display);
            }
        }
        format!("{} ({})", s.value, who.join("; "))
    };
    let parts: Vec<String> = sides.iter().filter(|s| !s.vague).map(described).collect();
    let loose: Vec<String> = sides.iter().filter(|s| s.vague).map(described).collect();
    let joiner = if explained { " -> " } else { " vs " };
    let mut summary = format!("{what}: {}", parts.join(joiner));
    if !loose.is_empty() {
        summary.push_str(&format!(
            "; vague, fits more than one: {}",
            loose.join(", ")
        ));
    }
    Some((kind, vec![claim.id.clone()], summary, sides))
}

/// "Fewer than 2,500 of our 6,300 workers": a part and its whole in one sentence
/// are two measures, not two values of one.
fn part_of_whole(sentence: &str, a: &StatedValue, b: &StatedValue) -> bool {
    let text_of = |v: &StatedValue| match v {
        StatedValue::Quantity { text, .. } => Some(text.clone()),
        _ => None,
    };
    let (Some(a), Some(b)) = (text_of(a), text_of(b)) else {
        return false;
    };
    let between = |first: &str, second: &str| {
        let start = sentence.find(first)? + first.len();
        let end = start + sentence.get(start..)?.find(second)?;
        Some(sentence[start..end].trim().to_lowercase())
    };
    [between(&a, &b), between(&b, &a)]
        .into_iter()
        .flatten()
        .any(|gap| {
            let words: Vec<&str> = gap.split_whitespace().collect();
            words.first() == Some(&"of")
                && words.len() <= 2
                && words.get(1).is_none_or(|w| {
                    matches!(*w, "the" | "our" | "its" | "their" | "his" | "her" | "all")
                })
        })
}

/// Different dates for one event.
fn date_disagreement(claim: &Claim) -> Option<Found> {
    let mut sides: Vec<Vec<&Statement>> = Vec::new();
    for s in &claim.statements {
        match sides
            .iter_mut()
            .find(|side| side.iter().all(|o| dates_compatible(&o.value, &s.value)))
        {
            Some(side) => side.push(s),
            None => sides.push(vec![s]),
        }
    }
    if sides.len() < 2 {
        return None;
    }
    // Only across documents: one page giving two dates in similar sentences is
    // usually two events.
    let docs: BTreeSet<&str> = claim
        .statements
        .iter()
        .map(|s| s.evidence.doc.as_str())
        .collect();
    if docs.len() < 2 {
        return None;
    }
    let sides: Vec<DisagreementSide> = sides
        .into_iter()
        .map(|ss| {
            DisagreementSide::new(value_words(&ss[0].value), ss.into_iter().cloned().collect())
        })
        .collect();
    let summary = format!(
        "{}: {}",
        claim.label,
        sides
            .iter()
            .map(|s| s.value.clone())
            .collect::<Vec<_>>()
            .join(" vs ")
    );
    Some((
        DisagreementKind::ConflictingDates,
        vec![claim.id.clone()],
        summary,
        sides,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(items: &[&str], f: impl Fn(&str) -> String, expect: expect_test::Expect) {
        let out: Vec<String> = items.iter().map(|i| format!("{i} => {}", f(i))).collect();
        expect.assert_eq(&out.join("\n"));
    }

    #[test]
    fn speaker_keys_match_people_by_surname_and_organisations_whole() {
        check(
            &[
                "Volodymyr Zelenskyy",
                "Zelensky",
                "the Financial Times",
                "The Times",
                "Kremlin spokesman Dmitry Peskov",
                "a senior official",
            ],
            person_key,
            expect_test::expect![[r#"
                Volodymyr Zelenskyy => zelenski
                Zelensky => zelenski
                the Financial Times => financial times
                The Times => times
                Kremlin spokesman Dmitry Peskov => peskov
                a senior official => a senior official"#]],
        );
    }

    #[test]
    fn stance_in_the_speakers_own_words() {
        check(
            &[
                "The offer is an insult and we reject it.",
                "It is not everything we asked for, but it is a deal we can accept.",
                "We will not accept a cent less than six percent.",
                "We do not reject anything yet.",
                "I fully support the ceasefire.",
                "We'll oppose it in parliament.",
                "They reject it.",
                "We met the minister twice.",
            ],
            |c| format!("{:?}", stance_in_own_words(c, AttributionKind::Direct)),
            expect_test::expect![[r#"
                The offer is an insult and we reject it. => Some(Rejects)
                It is not everything we asked for, but it is a deal we can accept. => Some(Accepts)
                We will not accept a cent less than six percent. => Some(Rejects)
                We do not reject anything yet. => None
                I fully support the ceasefire. => Some(Supports)
                We'll oppose it in parliament. => Some(Rejects)
                They reject it. => None
                We met the minister twice. => None"#]],
        );
        check(
            &["we reject it"],
            |c| format!("{:?}", stance_in_own_words(c, AttributionKind::Indirect)),
            expect_test::expect!["we reject it => None"],
        );
    }

    #[test]
    fn title_case_headlines() {
        check(
            &[
                "Valmora Dockworkers Reject 4.5% Pay Offer As Port Strike Enters Second Day",
                "Exporters warn of empty shelves as dockers reject a generous pay rise",
                "Union will recommend the deal to members",
                "Kremlin Says No",
            ],
            |s| is_title_case(s).to_string(),
            expect_test::expect![[r#"
                Valmora Dockworkers Reject 4.5% Pay Offer As Port Strike Enters Second Day => true
                Exporters warn of empty shelves as dockers reject a generous pay rise => false
                Union will recommend the deal to members => false
                Kremlin Says No => false"#]],
        );
    }

    #[test]
    fn quotes_with_the_same_words() {
        let words =
            |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
        check(
            &[
                "we will not be bullied back to the cranes | we will not be bullied back to the cranes most of us have not had a real rise in four years",
                "we will not accept this | we will not accept this offer or any other offer from them today",
                "the talks went well today | the talks went badly today",
            ],
            |pair| {
                let (a, b) = pair.split_once(" | ").unwrap_or((pair, ""));
                same_words(&words(a), &words(b)).to_string()
            },
            expect_test::expect![[r#"
                we will not be bullied back to the cranes | we will not be bullied back to the cranes most of us have not had a real rise in four years => true
                we will not accept this | we will not accept this offer or any other offer from them today => false
                the talks went well today | the talks went badly today => false"#]],
        );
    }

    #[test]
    fn related_words_share_a_concept() {
        let lex = Lexicon::new();
        check(
            &[
                "army",
                "troops",
                "personnel",
                "capped",
                "reduced",
                "limits",
                "agreed",
                "proposal",
                "the",
                "Kyiv's",
            ],
            |w| lex.concept(w).unwrap_or_else(|| "-".to_string()),
            expect_test::expect![[r#"
                army => military
                troops => military
                personnel => military
                capped => limit
                reduced => limit
                limits => limit
                agreed => accept
                proposal => plan
                the => -
                Kyiv's => kyiv"#]],
        );
    }

    #[test]
    fn figures_compare_within_rounding() {
        let q =
            |value: f64, upper: Option<f64>, qualifier: QuantityQualifier| StatedValue::Quantity {
                text: String::new(),
                value,
                upper,
                qualifier: Some(qualifier),
                is_ratio: false,
                unit: None,
                role: ValueRole::Stated,
            };
        use QuantityQualifier::*;
        let cases = [
            (
                "1000 ~ about 1020",
                q(1000.0, None, Exact),
                q(1020.0, None, Approximately),
            ),
            ("600k vs 800k", q(6e5, None, Exact), q(8e5, None, Exact)),
            (
                "600k-800k ~ 800k",
                q(6e5, Some(8e5), Exact),
                q(8e5, None, Exact),
            ),
            (
                "800k vs closer to 1m",
                q(8e5, None, Exact),
                q(1e6, None, Approximately),
            ),
            (
                "more than 460 ~ 500",
                q(460.0, None, MoreThan),
                q(500.0, None, Exact),
            ),
            ("up to 20 vs 30", q(20.0, None, UpTo), q(30.0, None, Exact)),
        ];
        let out: Vec<String> = cases
            .iter()
            .map(|(name, a, b)| format!("{name}: {}", compatible(a, b)))
            .collect();
        expect_test::expect![[r#"
            1000 ~ about 1020: true
            600k vs 800k: false
            600k-800k ~ 800k: true
            800k vs closer to 1m: false
            more than 460 ~ 500: true
            up to 20 vs 30: false"#]]
        .assert_eq(&out.join("\n"));
    }
}
