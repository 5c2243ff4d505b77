//! Attribution: who said what.
//!
//! [`find_attributions`] finds direct quotes and reported speech in a document's
//! clean text and ties each to its source (a name, a pronoun resolved to a name, or
//! a descriptor such as "a US official"), its cue (the reporting verb or phrase)
//! and its content (the quote or the reported clause).
//!
//! The analysis is rule-based and works without named-entity input; when mentions
//! and entities are given they are used to link sources to entities and to resolve
//! pronouns. The steps:
//!
//! 1. quote regions in any quote style, chained over paragraphs when a paragraph
//!    leaves a quote open and the next one re-opens it (module `quotes`);
//! 2. units: sentences merged so that no closed quote is cut in two, and a short
//!    "he said." sentence after a quote joins it;
//! 3. per unit, cues from the reporting-verb lexicon (module `lexicon`), "according to",
//!    headline patterns ("'…' - Name", "Name: …"), with the source found before the
//!    cue ("Ann Smith said"), after it ("…, said Ann Smith") or in a nested report
//!    ("Axios cited Smith as saying");
//! 4. quotes without a cue of their own continue the previous quote attribution of
//!    the paragraph ("“X,” he said. “Y.”"); a cue ending in a colon takes the quote
//!    that follows;
//! 5. pronoun sources resolve to the last named source or name in the paragraph, the
//!    preceding paragraph or the post title;
//! 6. a learned filter (module `cue_filter`) drops candidates whose cue is unlikely
//!    to be one, with their source and content (nested stance attributions stay).
//!
//! Spans follow the PolNeAR conventions: quote content includes its quote marks,
//! reported content includes its complementiser ("that …") and leaves out the
//! sentence's final period; a source with an apposition keeps it ("Ann Smith, a
//! senator,"). A pronoun source keeps its span on the pronoun while its `text` is
//! the name it resolves to. `Direct` means every content span lies inside quote
//! marks; paraphrase with a quoted fragment is `Mixed`, never `Direct`.
//!
//! Nominal cues are found only with a possessive holder and a "that" clause
//! ("Smith's claim that …"); an attitude cue without a stance inside another
//! holder's reported content ("Smith said Jones wants …") is left to that report.
//!
//! Known limits: cues outside the lexicon are found only next to a quote or before
//! "that"; other nominal cues ("criticism of", "support for") are not attempted;
//! participle sources ("…, adding that …") come from the clause subject found by
//! heuristics.

pub mod cue_filter;
pub mod cue_model;
mod lexicon;
mod negation;
pub mod word_clusters;

use std::collections::HashMap;
use std::sync::OnceLock;

use model::{Attribution, AttributionKind, AttributionSource, Entity, EntityKind, Mention};
use model::{Post, Span, Stance};

use crate::quotes::{self, Quote};
use lexicon::{
    VerbClass, AUX, BE, NP_STOP, PREPOSITIONS, PRONOUNS, SPEAKS_FOR, SPEECH_OCCASIONS, TIME_WORDS,
    UNRELIABLE_FORMS, VERBS,
};

use cue_filter::{CueCandidate, CueFilter};
use cue_model::{CueModel, CueSequence, CueWeights, FeatureHash};
use word_clusters::WordClusters;

/// The word clusters compiled into the binary (see [`word_clusters`]).
static WORD_CLUSTERS_BYTES: &[u8] = include_bytes!("../../models/word_clusters.bin");

/// The embedded word clusters, parsed once; `None` when the embedded file is empty
/// or unreadable, in which case the cue tagger and filter get no cluster features.
pub fn embedded_word_clusters() -> Option<&'static WordClusters> {
    static CLUSTERS: OnceLock<Option<WordClusters>> = OnceLock::new();
    embedded(&CLUSTERS, WORD_CLUSTERS_BYTES, WordClusters::from_bytes)
}

/// A model compiled into the binary, parsed on first use (an immutable cache of a
/// constant); `None` when the file is empty or unreadable.
fn embedded<T>(
    cell: &'static OnceLock<Option<T>>,
    bytes: &[u8],
    parse: fn(&[u8]) -> Result<T, crate::sequence::ModelFileError>,
) -> Option<&'static T> {
    cell.get_or_init(|| parse(bytes).ok()).as_ref()
}

/// The learned cue tagger compiled into the binary (see [`cue_model`]).
static CUE_MODEL_BYTES: &[u8] = include_bytes!("../../models/cues.bin");

/// The embedded cue model, parsed once (an immutable cache of a constant); `None`
/// when the embedded file is empty or unreadable, in which case only the rules run.
pub fn embedded_cue_model() -> Option<&'static CueModel> {
    static MODEL: OnceLock<Option<CueModel>> = OnceLock::new();
    embedded(&MODEL, CUE_MODEL_BYTES, CueModel::from_bytes)
}

/// The learned cue filter compiled into the binary (see [`cue_filter`]).
static CUE_FILTER_BYTES: &[u8] = include_bytes!("../../models/cue_filter.bin");

/// The embedded cue filter, parsed once; `None` when the embedded file is empty or
/// unreadable, in which case no candidate is filtered.
pub fn embedded_cue_filter() -> Option<&'static CueFilter> {
    static FILTER: OnceLock<Option<CueFilter>> = OnceLock::new();
    embedded(&FILTER, CUE_FILTER_BYTES, CueFilter::from_bytes)
}

/// The candidate attributions of `text` (rules and learned cues, before the cue
/// filter) with the filter's features: what the filter sees (used to train it; see
/// [`cue_filter`]).
pub fn cue_candidates(text: &str, sentences: &[Span], posts: &[Post]) -> Vec<CueCandidate> {
    cue_candidates_with(text, sentences, posts, embedded_cue_model())
}

/// [`cue_candidates`] with the given cue tagger in place of the embedded one (the
/// filter is trained on candidates from taggers that did not see the article).
pub fn cue_candidates_with(
    text: &str,
    sentences: &[Span],
    posts: &[Post],
    cue_model: Option<&CueModel>,
) -> Vec<CueCandidate> {
    let mut analyzer = Analyzer::new(text, sentences, posts, &[], &[]);
    analyzer.cue_model = cue_model;
    let (drafts, learned) = analyzer.candidate_drafts();
    (0..drafts.len())
        .map(|di| CueCandidate {
            cue: drafts[di].cue,
            feats: analyzer.filter_features(&drafts, di, learned[di]),
            protected: analyzer.filter_protected(&drafts, di),
            learned: learned[di].is_some(),
        })
        .collect()
}

/// The analysis units of `text` with the cue tagger's features per token: what the
/// learned cue detector sees (used to train it; see [`cue_model`]).
pub fn cue_sequences(text: &str, sentences: &[Span]) -> Vec<CueSequence> {
    let analyzer = Analyzer::new(text, sentences, &[], &[], &[]);
    let drafts = analyzer.rule_drafts();
    analyzer
        .units
        .iter()
        .enumerate()
        .map(|(ui, u)| CueSequence {
            spans: analyzer.toks[u.t0..u.t1].iter().map(|t| t.span).collect(),
            feats: analyzer.cue_features(u),
            rule_cues: drafts.iter().any(|d| d.unit == ui),
        })
        .collect()
}

/// Finds the attributions (direct quotes, reported speech, mixed) in `text`.
///
/// `sentences` are the sentence spans of `text` (e.g. from `text::split_sentences`);
/// `posts` give live-blog post titles used to resolve "He says …" at the start of a
/// post; `mentions`/`entities` (possibly empty) link sources to entities.
pub fn find_attributions(
    text: &str,
    sentences: &[Span],
    posts: &[Post],
    mentions: &[Mention],
    entities: &[Entity],
) -> Vec<Attribution> {
    let analyzer = Analyzer::new(text, sentences, posts, mentions, entities);
    let mut found = analyzer.run();
    negation::apply(text, &mut found);
    found
}

/// The reporting-verb lexicon's forms by their first word (forms the rules do not
/// trust left out), built once: a constant index of the constant lexicon.
fn verb_index() -> &'static HashMap<&'static str, Vec<VerbHit>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<VerbHit>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut verbs_by_first_word: HashMap<&'static str, Vec<VerbHit>> = HashMap::new();
        for (vi, verb) in VERBS.iter().enumerate() {
            for (fi, form) in verb.forms.iter().enumerate() {
                if form.is_empty() || UNRELIABLE_FORMS.contains(form) {
                    continue;
                }
                let first = form.split(' ').next().unwrap_or(form);
                let hits = verbs_by_first_word.entry(first).or_default();
                let len = form.split(' ').count();
                if !hits
                    .iter()
                    .any(|h| h.len == len && VERBS[h.verb].forms[h.form] == *form)
                {
                    hits.push(VerbHit {
                        verb: vi,
                        form: fi,
                        len,
                    });
                }
            }
        }
        verbs_by_first_word
    })
}

/// A token with what the rules ask about it.
struct Tok<'a> {
    span: Span,
    text: &'a str,
    lower: String,
    /// Starts with an upper-case letter.
    cap: bool,
    /// A word (not punctuation).
    word: bool,
    /// The quote region containing it, quote marks included.
    quote: Option<usize>,
}

/// A stretch of text analysed as one: a sentence, or sentences joined by a quote.
#[derive(Debug, Clone, Copy)]
struct Unit {
    span: Span,
    /// Token range `[t0, t1)`.
    t0: usize,
    t1: usize,
    para: usize,
}

/// A lexicon hit: verb entry and which form (0 base, 1 -s, 2 past, 3 -ing).
#[derive(Debug, Clone, Copy)]
struct VerbHit {
    verb: usize,
    form: usize,
    /// Tokens the form spans ("point out" = 2).
    len: usize,
}

/// An attribution before sources are resolved.
#[derive(Debug, Clone)]
struct Draft {
    unit: usize,
    source: Option<Span>,
    cue: Span,
    content: Vec<Span>,
    stance: Option<Stance>,
    via: Option<Span>,
    /// The cue ends its unit with a colon: the next quote is the content.
    wants_next_quote: bool,
}

struct Analyzer<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    quotes: Vec<Quote>,
    paras: Vec<Span>,
    units: Vec<Unit>,
    posts: &'a [Post],
    mentions: &'a [Mention],
    entities: &'a [Entity],
    verbs_by_first_word: &'static HashMap<&'static str, Vec<VerbHit>>,
    /// The learned cue tagger (the embedded one unless training says otherwise).
    cue_model: Option<&'a CueModel>,
    /// The learned cue filter (the embedded one unless a test says otherwise).
    cue_filter: Option<&'a CueFilter>,
    /// Word clusters for the tagger's and the filter's features (None: no
    /// cluster features).
    clusters: Option<&'a WordClusters>,
}

/// Cluster class of a position outside its unit.
const CLUSTER_EDGE: u32 = 0x1_0000;
/// Cluster class of a word the cluster table does not know.
const CLUSTER_UNKNOWN: u32 = 0x1_0001;

fn is_quote_char(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'"
            | "\u{201c}"
            | "\u{201d}"
            | "\u{2018}"
            | "\u{2019}"
            | "\u{ab}"
            | "\u{bb}"
            | "\u{201e}"
            | "\u{2039}"
            | "\u{203a}"
            | "`"
    )
}

/// A quote mark that is never an apostrophe.
fn is_double_quote_mark(s: &str) -> bool {
    is_quote_char(s) && !matches!(s, "'" | "\u{2019}")
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "\u{2013}" | "\u{2014}" | "\u{2015}")
}

const OBJECT_WORDS: &[&str] = &[
    "him",
    "her",
    "them",
    "me",
    "us",
    "you",
    "reporters",
    "journalists",
    "supporters",
    "voters",
    "lawmakers",
    "congress",
    "parliament",
    "the",
    "a",
    "an",
    "his",
    "their",
    "its",
    "our",
    "my",
    "crowd",
    "audience",
    "newspaper",
    "paper",
    "agency",
    "radio",
    "television",
    "tv",
    "station",
    "channel",
    "broadcaster",
    "outlet",
    "interviewer",
    "people",
    "members",
    "officials",
    "allies",
    "leaders",
    "colleagues",
    "viewers",
    "listeners",
    "rally",
    "senators",
    "delegates",
    "donors",
    "group",
    "committee",
];

/// Frequent verbs that end a source phrase when met walking left from a cue.
const COMMON_VERBS: &[&str] = &[
    "went",
    "goes",
    "go",
    "got",
    "gets",
    "made",
    "makes",
    "took",
    "takes",
    "came",
    "comes",
    "gave",
    "gives",
    "began",
    "begins",
    "tried",
    "tries",
    "used",
    "let",
    "lets",
    "keeps",
    "kept",
    "chose",
    "choose",
    "chooses",
    "seemed",
    "seems",
    "appeared",
    "appears",
    "decided",
    "refused",
    "declined",
    "continued",
    "to",
    "returned",
    "began",
    "started",
    "wants",
    "wanted",
];

/// Nouns that name a report, belief or charge and take a "that" clause ("his claim
/// that …"); from frequent nominal cues on the PolNeAR training split.
const REPORT_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "assertions",
    "suggestion",
    "suggestions",
    "belief",
    "beliefs",
    "fear",
    "fears",
    "speculation",
    "contention",
    "argument",
    "arguments",
    "assumption",
    "notion",
    "allegation",
    "allegations",
    "complaint",
    "complaints",
    "concern",
    "concerns",
    "hope",
    "hopes",
    "warning",
    "warnings",
    "assurance",
    "assurances",
    "insistence",
    "accusation",
    "accusations",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "suspicion",
    "suspicions",
    "prediction",
    "predictions",
    "criticism",
    "reports",
    "admission",
    "acknowledgment",
    "acknowledgement",
    "promise",
    "pledge",
    "conviction",
];

/// Paragraph labels that look like speaker names before a colon but are not.
const LABEL_WORDS: &[&str] = &[
    "note",
    "contributing",
    "twitter",
    "so",
    "update",
    "updated",
    "summary",
    "analysis",
    "photo",
    "image",
    "source",
    "sources",
    "read",
    "watch",
    "editor",
    "related",
    "correction",
    "clarification",
    "disclosure",
    "warning",
    "breaking",
    "video",
    "listen",
    "more",
    "see",
    "also",
    "background",
    "context",
    "caption",
    "credit",
    "advertisement",
    "published",
    "posted",
    "date",
    "tags",
    "share",
    "opinion",
    "comment",
    "exclusive",
    "live",
    "latest",
    "why",
    "what",
    "how",
    "who",
    "when",
    "where",
    "here",
    "this",
    "the",
    "today",
    "yesterday",
    "step",
    "question",
    "answer",
    "example",
    "result",
    "results",
    "poll",
    "chart",
    "map",
    "graphic",
    "transcript",
    "full",
    "key",
    "bottom",
    "fact",
    "facts",
    // Form fields of a profile or a contact box ("Name: …", "Age: 27", "EMAIL: …").
    "name",
    "age",
    "city",
    "job",
    "pay",
    "email",
    "phone",
    "address",
    "website",
    "contact",
];

/// Sentence adverbs that may stand before a source phrase ("Even Lindsey Graham
/// said").
const LEADING_ADVERBS: &[&str] = &[
    "even",
    "now",
    "already",
    "still",
    "also",
    "ultimately",
    "eventually",
    "meanwhile",
    "however",
    "instead",
    "whereas",
    "including",
    "then",
    "finally",
    "indeed",
];

const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "prof", "lt", "col", "sgt", "capt",
    "jr", "sr", "adm", "maj", "pres", "rev", "hon",
];

const NAME_STOPWORDS: &[&str] = &[
    // Prepositions and subordinators that open a sentence capitalised ("Amid the
    // pressure to agree ..."): never a speaker.
    "amid",
    "amidst",
    "despite",
    "during",
    "following",
    "without",
    "under",
    "over",
    "since",
    "although",
    "though",
    "because",
    "among",
    "against",
    "between",
    "until",
    "unless",
    "whether",
    "neither",
    "nor",
    "either",
    "once",
    "where",
    "upon",
    "within",
    "across",
    "through",
    "towards",
    "toward",
    "ahead",
    "the",
    "a",
    "an",
    "but",
    "and",
    "in",
    "on",
    "at",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "when",
    "while",
    "as",
    "if",
    "after",
    "before",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "so",
    "yet",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "what",
    "who",
    "why",
    "how",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "analysis",
    "summary",
    "live",
    "update",
    "watch",
    "read",
    "image",
    "source",
    "published",
    "gmt",
    "utc",
];

impl<'a> Analyzer<'a> {
    fn new(
        text: &'a str,
        sentences: &[Span],
        posts: &'a [Post],
        mentions: &'a [Mention],
        entities: &'a [Entity],
    ) -> Self {
        let paras = quotes::paragraphs(text);
        let quotes = quotes::find_quotes(text, &paras);
        let mut qi = 0;
        let toks: Vec<Tok> = text::tokenize(text)
            .into_iter()
            .map(|t| {
                while qi < quotes.len() && quotes[qi].span.end <= t.span.start {
                    qi += 1;
                }
                let quote = quotes
                    .get(qi)
                    .filter(|q| q.span.contains(t.span))
                    .map(|_| qi);
                let first = t.text.chars().next().unwrap_or(' ');
                Tok {
                    span: t.span,
                    text: t.text,
                    lower: t.text.to_lowercase().replace('\u{2019}', "'"),
                    cap: first.is_uppercase(),
                    word: first.is_alphanumeric(),
                    quote,
                }
            })
            .collect();
        let mut analyzer = Analyzer {
            text,
            toks,
            quotes,
            paras,
            units: Vec::new(),
            posts,
            mentions,
            entities,
            verbs_by_first_word: verb_index(),
            cue_model: embedded_cue_model(),
            cue_filter: embedded_cue_filter(),
            clusters: embedded_word_clusters(),
        };
        analyzer.units = analyzer.build_units(sentences);
        analyzer
    }

    fn para_of(&self, offset: usize) -> usize {
        self.paras
            .partition_point(|p| p.end <= offset)
            .min(self.paras.len().saturating_sub(1))
    }

    /// First token index whose start is `>= offset`.
    fn tok_at(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < offset)
    }

    fn make_unit(&self, span: Span) -> Unit {
        Unit {
            span,
            t0: self.tok_at(span.start),
            t1: self.tok_at(span.end),
            para: self.para_of(span.start),
        }
    }

    fn build_units(&self, sentences: &[Span]) -> Vec<Unit> {
        let mut sents: Vec<Span> = sentences
            .iter()
            .copied()
            .filter(|s| s.end <= self.text.len() && s.start < s.end)
            .collect();
        if sents.is_empty() {
            sents = self.paras.clone();
        }
        sents.sort();
        let mut spans: Vec<Span> = Vec::new();
        for s in sents {
            if let Some(last) = spans.last_mut() {
                let same_para = self.para_of(last.start) == self.para_of(s.start);
                let cut_quote = self
                    .quotes
                    .iter()
                    .any(|q| q.closed && q.span.start < last.end && q.span.end > last.end);
                if same_para && s.start >= last.end && cut_quote {
                    last.end = s.end;
                    continue;
                }
            }
            spans.push(s);
        }
        // A short "Smith asked." sentence right after a pure quote joins it.
        let mut units: Vec<Unit> = Vec::new();
        for s in spans {
            let unit = self.make_unit(s);
            if let Some(prev) = units.last_mut() {
                if prev.para == unit.para
                    && self.is_pure_quote(prev)
                    && unit.t1 - unit.t0 <= 14
                    && unit.t0 < unit.t1
                    && self.toks[unit.t0].quote.is_none()
                    && (self.has_speech_cue(unit.t0, unit.t1) || self.name_and_verb(&unit))
                {
                    prev.span.end = unit.span.end;
                    prev.t1 = unit.t1;
                    continue;
                }
            }
            units.push(unit);
        }
        units
    }

    /// The unit is a name or pronoun and one past-tense verb: "Beck questioned."
    fn name_and_verb(&self, u: &Unit) -> bool {
        let words: Vec<&Tok> = self.toks[u.t0..u.t1].iter().filter(|t| t.word).collect();
        let rest_is_stop = self.toks[u.t0..u.t1]
            .iter()
            .all(|t| t.word || matches!(t.text, "." | "!" | "?"));
        let Some((verb, subject)) = words.split_last() else {
            return false;
        };
        rest_is_stop
            && (1..=3).contains(&subject.len())
            && !verb.cap
            && verb.lower.len() > 3
            && verb.lower.ends_with("ed")
            && (subject.iter().all(|t| t.cap)
                || (subject.len() == 1
                    && matches!(subject[0].lower.as_str(), "he" | "she" | "they")))
    }

    /// The unit is one quote (and perhaps closing punctuation).
    fn is_pure_quote(&self, u: &Unit) -> bool {
        if u.t0 >= u.t1 {
            return false;
        }
        let Some(q) = self.toks[u.t0].quote else {
            return false;
        };
        let end = self.quotes[q].span.end;
        self.toks[u.t0..u.t1]
            .iter()
            .all(|t| t.quote == Some(q) || (t.span.start >= end && !t.word))
    }

    fn has_speech_cue(&self, t0: usize, t1: usize) -> bool {
        (t0..t1).any(|i| {
            self.verb_at(i)
                .is_some_and(|h| VERBS[h.verb].class != VerbClass::Attitude)
        })
    }

    /// The longest lexicon form starting at token `i`.
    fn verb_at(&self, i: usize) -> Option<VerbHit> {
        let tok = self.toks.get(i)?;
        let hits = self.verbs_by_first_word.get(tok.lower.as_str())?;
        let mut best: Option<VerbHit> = None;
        for h in hits {
            let form = VERBS[h.verb].forms[h.form];
            let ok = form
                .split(' ')
                .enumerate()
                .all(|(k, w)| self.toks.get(i + k).is_some_and(|t| t.lower == w));
            if ok && best.is_none_or(|b| h.len > b.len) {
                best = Some(*h);
            }
        }
        best
    }

    fn span_of(&self, a: usize, b: usize) -> Span {
        // Token range [a, b) -> byte span.
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    fn is_open_quote_tok(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.quote
                .is_some_and(|q| self.quotes[q].span.start == t.span.start)
        })
    }

    fn is_close_quote_tok(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            is_quote_char(t.text)
                && t.quote
                    .is_some_and(|q| self.quotes[q].closed && self.quotes[q].span.end == t.span.end)
        })
    }

    /// The attributions the hand-written rules find, before sorting and filtering.
    fn rule_drafts(&self) -> Vec<Draft> {
        let mut drafts: Vec<Draft> = Vec::new();
        for (ui, unit) in self.units.iter().enumerate() {
            self.analyze_unit(ui, unit, &mut drafts);
        }
        self.attach_free_quotes(&mut drafts);
        self.cut_trailing_reporters(&mut drafts);
        // Content is words: a stray ")" or "—" is nothing said.
        for d in drafts.iter_mut() {
            d.content.retain(|&c| self.has_words(c));
        }
        drafts.retain(|d| !d.content.is_empty());
        self.drop_quotes_claimed_after(&mut drafts);
        drafts
    }

    /// "The strike continued, “we will not stop,” the union said.": a "continue"
    /// or "add" before a quote gives the quote up when a cue after it takes the
    /// whole sentence, that verb included, as its content (the quote is the
    /// union's; "The strike continued" is part of what the union said). Other
    /// cues stay nested: in "Trump said: “…,” the Times reported" the quote is
    /// Trump's, reported by the Times.
    fn drop_quotes_claimed_after(&self, drafts: &mut Vec<Draft>) {
        let claimed: Vec<bool> = drafts
            .iter()
            .map(|d| {
                let Some(last) = d.content.last() else {
                    return false;
                };
                let verb = &self.toks[self.tok_at(d.cue.start)].lower;
                d.cue.end <= d.content[0].start
                    && (verb.starts_with("continu") || verb.starts_with("add"))
                    && self.kind_of(&d.content) == AttributionKind::Direct
                    && drafts.iter().any(|o| {
                        o.cue.start >= last.end
                            && o.source.is_some_and(|s| s.start >= last.end)
                            && o.content.iter().any(|c| c.contains(d.cue))
                            && d.content
                                .iter()
                                .all(|q| o.content.iter().any(|c| c.contains(*q)))
                    })
            })
            .collect();
        let mut k = 0;
        drafts.retain(|_| {
            k += 1;
            !claimed[k - 1]
        });
    }

    /// "Kiev rejected the limit and wants 1 million, the FT's correspondent, Ann
    /// Smith, reports": the content of "rejected" ends before the reporter who
    /// tells the whole clause (a draft of the same unit whose source and cue sit at
    /// the end of that content, its own content before them); and "She thanked
    /// the staff and said …": a content ends before its speaker's next cue.
    fn cut_trailing_reporters(&self, drafts: &mut [Draft]) {
        let mut cuts: Vec<(usize, usize, usize)> = Vec::new();
        for (di, d) in drafts.iter().enumerate() {
            for (ci, c) in d.content.iter().enumerate() {
                let Some(cut) = drafts
                    .iter()
                    .filter(|o| o.unit == d.unit && o.cue != d.cue)
                    .filter_map(|o| {
                        let src = o.source?;
                        let trailing = c.start < src.start
                            && c.contains(o.cue)
                            && o.content.iter().all(|oc| oc.end <= src.start)
                            && self
                                .text
                                .get(o.cue.end..c.end)
                                .is_some_and(|rest| rest.trim().is_empty());
                        if trailing {
                            return Some(src.start);
                        }
                        // "The groups who wrote to her say …": the cue of a
                        // relative clause inside another source; its content ends
                        // with that source.
                        if src.contains(d.cue) && c.contains(o.cue) && c.start < src.end {
                            return Some(src.end);
                        }
                        // The token right before the other cue.
                        let before = &self.toks[self.tok_at(o.cue.start).checked_sub(1)?];
                        // "Trump - who said he would … - said at a rally": an aside
                        // between dashes ends at the dash before the main cue.
                        if src.end <= d.cue.start
                            && c.contains(o.cue)
                            && is_dash(before.text)
                            && c.start < before.span.start
                        {
                            return Some(before.span.start);
                        }
                        // "She thanked the staff and said …": the same speaker's next
                        // cue after "and" ends the first content.
                        let same_speaker = d.source.is_some_and(|s| s == src);
                        (same_speaker
                            && c.start < o.cue.start
                            && c.contains(o.cue)
                            && matches!(before.lower.as_str(), "and" | "but"))
                        .then_some(before.span.start)
                    })
                    .min()
                else {
                    continue;
                };
                cuts.push((di, ci, cut));
            }
        }
        for (di, ci, cut) in cuts {
            let c = drafts[di].content[ci];
            if let Some(trimmed) = self.trim_span(c.start, cut) {
                drafts[di].content[ci] = trimmed;
            }
        }
    }

    /// Rule and learned-cue attributions, sorted by cue, before the cue filter;
    /// with, for each cue the learned tagger found, its margin (see
    /// [`Analyzer::learned_cues`]; None for a rule's cue).
    fn candidate_drafts(&self) -> (Vec<Draft>, Vec<Option<f32>>) {
        let mut drafts = self.rule_drafts();
        let rule_cues: Vec<Span> = drafts.iter().map(|d| d.cue).collect();
        let margins = self.learned_cues(&mut drafts);
        drafts.sort_by_key(|d| (d.cue.start, d.cue.end));
        drafts.dedup_by(|b, a| a.cue == b.cue);
        for d in drafts.iter_mut() {
            self.cut_contrast_tail(d);
        }
        self.drop_nested_attitudes(&mut drafts);
        let learned = drafts
            .iter()
            .map(|d| {
                if rule_cues.contains(&d.cue) {
                    return None;
                }
                margins.iter().find(|(c, _)| *c == d.cue).map(|&(_, m)| m)
            })
            .collect();
        (drafts, learned)
    }

    fn run(&self) -> Vec<Attribution> {
        let (mut drafts, learned) = self.candidate_drafts();
        if let Some(filter) = self.cue_filter {
            let keep: Vec<bool> = (0..drafts.len())
                .map(|di| {
                    self.filter_protected(&drafts, di)
                        || filter.keeps(&self.filter_features(&drafts, di, learned[di]))
                })
                .collect();
            let mut k = 0;
            drafts.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
        // "he should have acknowledged “…”": the quote is not his words; "could
        // have requested a recount" is said of him but takes no stance. (After the
        // filter, which was trained on the candidates as they were.)
        drafts.retain_mut(|d| {
            if !self.is_counterfactual(d.cue) {
                return true;
            }
            d.stance = None;
            self.kind_of(&d.content) == AttributionKind::Indirect
        });
        // "You can watch what the prime minister had to say below": the page
        // speaking to its reader. (Also after the filter; PolNeAR annotates "you
        // can see for yourself that …", which stays.)
        drafts.retain(|d| !self.addresses_reader(d));
        self.finish(drafts)
    }

    /// A draft whose holder is the reader, told where to watch, read or listen
    /// ("You can watch … below", "you can read more here").
    fn addresses_reader(&self, d: &Draft) -> bool {
        let Some(source) = d.source else {
            return false;
        };
        if !source.slice(self.text).eq_ignore_ascii_case("you") {
            return false;
        }
        let cue = d.cue.slice(self.text).to_lowercase();
        let media_verb = ["watch", "read", "listen", "follow", "find", "hear"]
            .iter()
            .any(|v| cue.split_whitespace().any(|w| w == *v));
        let last_word = |c: &Span| {
            c.slice(self.text)
                .trim_end_matches(|ch: char| !ch.is_alphanumeric())
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .next()
                .map(str::to_lowercase)
        };
        let pointer = d
            .content
            .last()
            .and_then(last_word)
            .is_some_and(|w| matches!(w.as_str(), "below" | "above" | "here" | "there"))
            || d.content.is_empty();
        cue.contains("can") && media_verb && pointer
    }

    /// The draft's cue lies inside another holder's content.
    fn nested_in_other(&self, drafts: &[Draft], di: usize) -> bool {
        let d = &drafts[di];
        drafts.iter().enumerate().any(|(oi, o)| {
            oi != di
                && !o.cue.overlaps(d.cue)
                && o.content
                    .iter()
                    .any(|c| c.start <= d.cue.start && d.cue.end <= c.end)
        })
    }

    /// Never filtered: a stance attribution (the positions table reads them), a
    /// report relayed by another holder ("Axios
    /// cited Smith as saying") and one whose content quotes (a quote is rarely
    /// misattributed, and transcripts and signed quotes are too rare in the
    /// training corpus to judge).
    fn filter_protected(&self, drafts: &[Draft], di: usize) -> bool {
        let d = &drafts[di];
        d.stance.is_some()
            || d.via.is_some()
            || self.kind_of(&d.content) != AttributionKind::Indirect
    }

    /// Hashed features of candidate `di` for the cue filter (see [`cue_filter`]);
    /// `learned` is the tagger's margin for a learned cue (None for a rule's cue).
    fn filter_features(&self, drafts: &[Draft], di: usize, learned: Option<f32>) -> Vec<u64> {
        let d = &drafts[di];
        let u = &self.units[d.unit];
        let c0 = self
            .tok_at(d.cue.start)
            .min(self.toks.len().saturating_sub(1));
        let c1 = self.tok_at(d.cue.end).max(c0 + 1).min(self.toks.len());
        let cue_words: Vec<&str> = self.toks[c0..c1].iter().map(|t| t.lower.as_str()).collect();
        let cue_text = cue_words.join(" ");
        let first = cue_words.first().copied().unwrap_or("");
        let last = cue_words.last().copied().unwrap_or("");
        let lemma = ["ing", "ed", "es", "s", "ion", "ment"]
            .iter()
            .find_map(|e| last.strip_suffix(e).filter(|s| s.len() >= 3))
            .unwrap_or(last);
        let (class, form) = match self.verb_at(c0) {
            Some(h) => (
                match VERBS[h.verb].class {
                    VerbClass::Speech => "sp",
                    VerbClass::Tell => "tell",
                    VerbClass::Attitude => "att",
                },
                ["0", "s", "ed", "ing"].get(h.form).copied().unwrap_or("?"),
            ),
            None => ("none", "-"),
        };
        let word = |k: isize| -> &str {
            if k < u.t0 as isize {
                "<s>"
            } else if k >= u.t1 as isize {
                "</s>"
            } else {
                self.toks[k as usize].lower.as_str()
            }
        };
        let shape = |k: isize| -> &str {
            if k < u.t0 as isize || k >= u.t1 as isize {
                return "edge";
            }
            let t = &self.toks[k as usize];
            if t.quote.is_some() && is_quote_char(t.text) {
                "q"
            } else if !t.word {
                t.text
            } else if t.cap {
                "X"
            } else {
                "x"
            }
        };
        let in_quote = self.quotes.iter().any(|q| q.span.contains(d.cue));
        let nested = self.nested_in_other(drafts, di);
        let source_kind = match d.source {
            None => "none",
            Some(s) => {
                let t = s.slice(self.text);
                if is_pronoun_text(t) {
                    "pron"
                } else if t.ends_with("'s") || t.ends_with('\u{2019}') {
                    "poss"
                } else if is_descriptor(self, s) {
                    "desc"
                } else {
                    "name"
                }
            }
        };
        let source_side = match d.source {
            None => "none",
            Some(s) if s.end <= d.cue.start => "before",
            Some(_) => "after",
        };
        let content_toks: usize = d
            .content
            .iter()
            .map(|c| self.tok_at(c.end).saturating_sub(self.tok_at(c.start)))
            .sum();
        let content_len = match content_toks {
            0..=3 => "0-3",
            4..=8 => "4-8",
            9..=16 => "9-16",
            17..=32 => "17-32",
            _ => "33+",
        };
        let kind = match self.kind_of(&d.content) {
            AttributionKind::Direct => "direct",
            AttributionKind::Indirect => "indirect",
            AttributionKind::Mixed => "mixed",
        };
        let content_first = d
            .content
            .first()
            .map(|c| self.tok_at(c.start))
            .and_then(|k| self.toks.get(k))
            .map_or("", |t| t.lower.as_str());
        let content_first = if content_first.starts_with(|c: char| c.is_alphanumeric()) {
            match content_first {
                "that" | "to" | "of" | "for" | "about" | "on" | "in" => content_first,
                _ => "w",
            }
        } else {
            "p"
        };
        let content_side = match d.content.first() {
            Some(c) if c.end <= d.cue.start => "before",
            Some(_) => "after",
            None => "none",
        };
        let pos_s = match c0.saturating_sub(u.t0) {
            0 => "0",
            1..=3 => "1-3",
            4..=8 => "4-8",
            _ => "9+",
        };
        let head = if d.unit == 0 { "head" } else { "body" };
        let para_first = d.unit == 0 || self.units[d.unit - 1].para != u.para;
        let origin = if learned.is_some() { "model" } else { "rule" };
        let stance = if d.stance.is_some() { "stance" } else { "-" };
        let nested_s = if nested { "nested" } else { "-" };
        let quote_s = if in_quote { "inq" } else { "-" };
        let same_unit = drafts.iter().filter(|o| o.unit == d.unit).count().min(3);
        let same_unit = ["0", "1", "2", "3+"][same_unit];
        let n_words = ["0", "1", "2", "3", "4+"][cue_words.len().min(4)];
        let (ii, jj) = (c0 as isize, c1 as isize);
        let mut f: Vec<u64> = Vec::with_capacity(40);
        let mut add = |template: u8, parts: &[&str]| {
            let mut h = FeatureHash::new(template);
            for p in parts {
                h = h.str(p);
            }
            f.push(h.finish());
        };
        add(0, &[]);
        add(1, &[&cue_text]);
        add(2, &[lemma]);
        add(3, &[first]);
        add(4, &[class, form]);
        add(5, &[origin]);
        add(6, &[origin, class]);
        add(7, &[origin, lemma]);
        add(8, &[word(ii - 1)]);
        add(9, &[word(ii - 2)]);
        add(10, &[word(jj)]);
        add(11, &[word(jj + 1)]);
        add(12, &[word(ii - 1), lemma]);
        add(13, &[lemma, word(jj)]);
        add(14, &[shape(ii - 1), shape(jj)]);
        add(15, &[quote_s, nested_s]);
        add(16, &[quote_s, nested_s, class]);
        add(17, &[source_kind]);
        add(18, &[source_kind, source_side]);
        add(19, &[source_kind, lemma]);
        add(20, &[content_len]);
        add(21, &[content_len, kind]);
        add(22, &[kind]);
        add(23, &[kind, lemma]);
        add(24, &[content_first, content_side]);
        add(25, &[content_first, lemma]);
        add(26, &[pos_s, source_side]);
        add(27, &[head]);
        add(28, &[if para_first { "pfirst" } else { "plater" }, head]);
        add(29, &[stance]);
        add(30, &[stance, nested_s]);
        add(31, &[nested_s, lemma]);
        add(32, &[if d.via.is_some() { "via" } else { "-" }]);
        add(33, &[same_unit, origin]);
        add(34, &[n_words]);
        add(35, &[class, source_kind, kind]);
        add(36, &[origin, source_kind, content_first]);
        add(37, &[head, class]);
        // How sure the tagger was of a learned cue (its margin, in bands).
        if let Some(margin) = learned {
            let band = match margin {
                m if m < -30.0 => 0,
                m if m < -10.0 => 1,
                m if m < 0.0 => 2,
                m if m < 15.0 => 3,
                m if m < 40.0 => 4,
                _ => 5,
            };
            f.push(FeatureHash::new(42).num(band).finish());
            f.push(FeatureHash::new(43).num(band).str(class).finish());
        }
        // Distributional classes of the cue's last word and of the words around
        // it, so that a rare cue word is judged like the words of its class.
        let last_k = jj - 1;
        for (template, k) in [(38u8, last_k), (40, ii - 1), (41, jj)] {
            let [coarse, mid, _] = self.cluster_classes(u, k);
            f.push(FeatureHash::new(template).num(mid).str(origin).finish());
            if template == 38 {
                f.push(
                    FeatureHash::new(39)
                        .num(coarse)
                        .str(origin)
                        .str(class)
                        .finish(),
                );
            }
        }
        f
    }

    /// Drops attitude cues without a stance of their own ("wants", "believes",
    /// "plans") standing inside the reported (unquoted) content of another
    /// attribution: "Smith said Jones wants a deal" reports Smith's claim; the inner
    /// attitude is part of what was said. On the PolNeAR training split about a
    /// quarter of such inner attitude cues were annotated, against three quarters of
    /// top-level ones. Stance verbs ("welcomed", "rejected") stay: they carry a
    /// position; so does a cue of the same holder ("Smith blasted the plan,
    /// calling it …").
    fn drop_nested_attitudes(&self, drafts: &mut Vec<Draft>) {
        let nested: Vec<bool> = drafts
            .iter()
            .enumerate()
            .map(|(di, d)| {
                d.stance.is_none()
                    && self.is_attitude_cue(d.cue)
                    // "A: I think …": a first person inside a transcript's answer
                    // is the speaker's own view.
                    && !d.source.is_some_and(|s| self.is_first_person(s))
                    && drafts.iter().enumerate().any(|(oi, o)| {
                        oi != di
                            && !o.cue.overlaps(d.cue)
                            && (o.source != d.source || d.source.is_none())
                            && o.content.iter().any(|c| {
                                c.start <= d.cue.start
                                    && d.cue.end <= c.end
                                    && !self.quotes.iter().any(|q| q.span.contains(d.cue))
                            })
                    })
            })
            .collect();
        let mut k = 0;
        drafts.retain(|_| {
            k += 1;
            !nested[k - 1]
        });
    }

    /// "he should have acknowledged …", "they could also have said …": a modal
    /// perfect of should / could / would / ought tells what was not said (the
    /// writer's view of what the holder ought to have said): no quote of the
    /// holder's and no stance.
    fn is_counterfactual(&self, cue: Span) -> bool {
        let (t0, t1) = (self.tok_at(cue.start), self.tok_at(cue.end));
        let words: Vec<&str> = self.toks[t0..t1.min(self.toks.len())]
            .iter()
            .filter(|t| t.word)
            .map(|t| t.lower.as_str())
            .collect();
        let Some(modal) = words
            .iter()
            .position(|w| matches!(*w, "should" | "could" | "would" | "ought"))
        else {
            return false;
        };
        // "should have", "should not have", "should also have", "ought to have".
        words[modal + 1..]
            .iter()
            .take(3)
            .any(|w| matches!(*w, "have" | "\u{2019}ve" | "'ve"))
    }

    /// True when the cue's lexicon verb is an attitude verb (and the cue has no
    /// speech verb).
    fn is_attitude_cue(&self, cue: Span) -> bool {
        let t0 = self.tok_at(cue.start);
        let mut any_attitude = false;
        let mut i = t0;
        while i < self.toks.len() && self.toks[i].span.start < cue.end {
            if let Some(h) = self.verb_at(i) {
                if VERBS[h.verb].class != VerbClass::Attitude {
                    return false;
                }
                any_attitude = true;
                i += h.len;
            } else {
                i += 1;
            }
        }
        any_attitude
    }

    // ---------------------------------------------------------------------
    // Learned cues
    // ---------------------------------------------------------------------

    /// The cluster classes (coarse to fine, three levels) of token `k` of unit `u`:
    /// [`CLUSTER_EDGE`] outside the unit, [`CLUSTER_UNKNOWN`] for a word the table
    /// does not know or a non-word.
    fn cluster_classes(&self, u: &Unit, k: isize) -> [u32; 3] {
        if k < u.t0 as isize || k >= u.t1 as isize {
            return [CLUSTER_EDGE; 3];
        }
        let t = &self.toks[k as usize];
        match self.clusters.and_then(|c| Some((c, c.leaf(&t.lower)?))) {
            Some((c, leaf)) => [0, 1, 2].map(|level| u32::from(c.prefix(leaf, level))),
            None => [CLUSTER_UNKNOWN; 3],
        }
    }

    /// Hashed features of every token of unit `u` for the cue tagger.
    fn cue_features(&self, u: &Unit) -> Vec<Vec<u64>> {
        let (t0, t1) = (u.t0, u.t1);
        // Lexicon class per token: the form starting there, or one it continues.
        let mut lex: Vec<(u8, u8)> = vec![(0, 0); t1 - t0];
        let mut i = t0;
        while i < t1 {
            if let Some(h) = self.verb_at(i) {
                let class = match VERBS[h.verb].class {
                    VerbClass::Speech => 1,
                    VerbClass::Tell => 2,
                    VerbClass::Attitude => 3,
                };
                lex[i - t0] = (class, h.form as u8 + 1);
                for k in 1..h.len {
                    if i + k < t1 {
                        lex[i + k - t0] = (class + 3, 0);
                    }
                }
                i += h.len.max(1);
            } else {
                i += 1;
            }
        }
        let word = |k: isize| -> &str {
            if k < t0 as isize {
                "<s>"
            } else if k >= t1 as isize {
                "</s>"
            } else {
                self.toks[k as usize].lower.as_str()
            }
        };
        // Cluster classes of the unit's tokens with an edge on either side.
        let classes: Vec<[u32; 3]> = if self.clusters.is_some() {
            (t0 as isize - 1..=t1 as isize)
                .map(|k| self.cluster_classes(u, k))
                .collect()
        } else {
            Vec::new()
        };
        let mut out = Vec::with_capacity(t1 - t0);
        let mut seen_quote = false;
        for i in t0..t1 {
            let t = &self.toks[i];
            let ii = i as isize;
            let w = t.lower.as_str();
            let mut f: Vec<u64> = Vec::with_capacity(32);
            let mut add = |template: u8, parts: &[&str]| {
                let mut h = FeatureHash::new(template);
                for p in parts {
                    h = h.str(p);
                }
                f.push(h.finish());
            };
            add(0, &[]);
            add(1, &[w]);
            add(2, &[word(ii - 1)]);
            add(3, &[word(ii - 2)]);
            add(4, &[word(ii + 1)]);
            add(5, &[word(ii + 2)]);
            add(6, &[word(ii - 1), w]);
            add(7, &[w, word(ii + 1)]);
            let suffix = |k: usize| -> &str {
                let at = w.char_indices().rev().nth(k - 1).map_or(0, |(b, _)| b);
                &w[at..]
            };
            add(8, &[suffix(3)]);
            add(9, &[suffix(2)]);
            let stem = ["ing", "ed", "es", "s", "ion", "ment"]
                .iter()
                .find_map(|e| w.strip_suffix(e).filter(|s| s.len() >= 3))
                .unwrap_or(w);
            add(10, &[stem]);
            let shape = if !t.word {
                "p"
            } else if t.cap {
                if i == t0 {
                    "X0"
                } else {
                    "X"
                }
            } else if w.chars().all(|c| c.is_ascii_digit()) {
                "d"
            } else {
                "x"
            };
            add(11, &[shape]);
            let in_quote = if t.quote.is_some() { "q" } else { "-" };
            add(12, &[in_quote]);
            if t.quote.is_some() {
                seen_quote = true;
            }
            add(13, &[in_quote, if seen_quote { "after" } else { "before" }]);
            let (class, form) = lex[i - t0];
            let class_s = ["", "sp", "tell", "att", "sp+", "tell+", "att+"][class as usize];
            let form_s = ["", "0", "s", "ed", "ing"][form as usize];
            add(14, &[class_s, form_s]);
            add(15, &[class_s, in_quote]);
            let prev_class = if i > t0 {
                ["", "sp", "tell", "att", "sp+", "tell+", "att+"][lex[i - 1 - t0].0 as usize]
            } else {
                "<s>"
            };
            add(16, &[prev_class, class_s]);
            add(17, &[class_s, w]);
            // What follows within a few tokens.
            let ahead = (i + 1..(i + 5).min(t1)).map(|k| &self.toks[k]);
            let mut that = false;
            let mut quote = false;
            for a in ahead {
                that |= a.lower == "that";
                quote |= a.quote.is_some();
            }
            let next = self.toks.get(i + 1).filter(|_| i + 1 < t1);
            let next_s = match next {
                Some(n) if n.text == ":" => ":",
                Some(n) if n.text == "," => ",",
                Some(n) if n.lower == "to" => "to",
                Some(n) if n.lower == "of" => "of",
                Some(n) if n.quote.is_some() => "q",
                Some(_) => "w",
                None => "end",
            };
            add(
                18,
                &[
                    if that { "that" } else { "-" },
                    if quote { "q" } else { "-" },
                ],
            );
            add(19, &[next_s, class_s]);
            add(20, &[w, if that { "that" } else { "-" }]);
            // What stands before.
            let prev = if i > t0 {
                Some(&self.toks[i - 1])
            } else {
                None
            };
            let prev_s = match prev {
                None => "start",
                Some(p) if PRONOUNS.contains(&p.lower.as_str()) => "pron",
                Some(p) if p.cap && p.word => "cap",
                Some(p) if p.text == "," => ",",
                Some(p) if p.quote.is_some() => "q",
                Some(p) if AUX.contains(&p.lower.as_str()) || BE.contains(&p.lower.as_str()) => {
                    "aux"
                }
                Some(_) => "w",
            };
            add(21, &[prev_s]);
            add(22, &[prev_s, stem]);
            add(23, &[prev_s, next_s]);
            if self.clusters.is_some() {
                // Word classes: the token's at three levels, its neighbours', and
                // the mid class with what stands around it.
                let here = classes[i - t0 + 1];
                let before = classes[i - t0];
                let after = classes[i - t0 + 2];
                let mut addc = |template: u8, parts: &[&str], nums: &[u32]| {
                    let mut h = FeatureHash::new(template);
                    for p in parts {
                        h = h.str(p);
                    }
                    for &n in nums {
                        h = h.num(n);
                    }
                    f.push(h.finish());
                };
                addc(24, &[], &[here[0]]);
                addc(25, &[], &[here[1]]);
                addc(26, &[], &[here[2]]);
                addc(27, &[], &[before[1]]);
                addc(28, &[], &[after[1]]);
                addc(29, &[], &[before[1], here[1]]);
                addc(30, &[next_s], &[here[2]]);
                addc(31, &[prev_s], &[here[1]]);
                addc(32, &[if that { "that" } else { "-" }], &[here[1]]);
                addc(33, &[class_s], &[here[1]]);
            }
            out.push(f);
        }
        out
    }

    /// Adds attributions for learned cues that no rule attribution covers (in a
    /// unit with rule attributions, the learned cue must lie outside their roles,
    /// see `draft_roles`): the source is the noun phrase before the cue (a cue
    /// without one is dropped: on PolNeAR dev those were mostly wrong), the content
    /// the clause after it (or the rest of the unit).
    fn learned_cues(&self, drafts: &mut Vec<Draft>) -> Vec<(Span, f32)> {
        let Some(model) = self.cue_model else {
            return Vec::new();
        };
        let mut added: Vec<Draft> = Vec::new();
        let mut margins: Vec<(Span, f32)> = Vec::new();
        for (ui, u) in self.units.iter().enumerate() {
            if u.t0 >= u.t1 || self.is_pure_quote(u) {
                continue;
            }
            let has_rule = drafts.iter().any(|d| d.unit == ui);
            let feats = self.cue_features(u);
            let tags = model.tag(&feats);
            for (a, b) in cue_model::chunks(&tags) {
                let (a, b) = (u.t0 + a, u.t0 + b);
                if (a..b).any(|k| self.toks[k].quote.is_some() || !self.toks[k].word) {
                    continue;
                }
                let cue = self.span_of(a, b);
                // Outside every rule attribution's cue and, in the same unit, its
                // other roles.
                if drafts.iter().any(|d| {
                    d.cue.overlaps(cue)
                        || (has_rule && d.unit == ui && draft_roles(d).any(|r| r.overlaps(cue)))
                }) {
                    continue;
                }
                let mut content: Vec<Span> = self
                    .content_after(u, b, VerbClass::Attitude)
                    .into_iter()
                    .collect();
                if content.is_empty() {
                    content = self.rest_of_unit(u, b).into_iter().collect();
                }
                // "Trump then takes another question and says: “…”": the content
                // stops before a rule's cue of the same unit.
                for c in content.iter_mut() {
                    if let Some(cut) = drafts
                        .iter()
                        .filter(|d| d.unit == ui && c.contains(d.cue) && d.cue.start > c.start)
                        .map(|d| d.cue.start)
                        .min()
                    {
                        let mut end = self.tok_at(cut);
                        while end > 0
                            && self.toks[end - 1].span.start > c.start
                            && matches!(
                                self.toks[end - 1].lower.as_str(),
                                "and" | "or" | "but" | "," | "then"
                            )
                        {
                            end -= 1;
                        }
                        if let Some(t) = self.trim_span(c.start, self.toks[end].span.start) {
                            *c = t;
                        }
                    }
                }
                content.retain(|&c| self.has_words(c));
                if content.is_empty()
                    || content.iter().any(|&c| {
                        self.asks_anonymity(c) || self.relative_that(self.tok_at(c.start))
                    })
                {
                    continue;
                }
                let Some(source) = self.learned_holder(u, a) else {
                    continue;
                };
                added.push(Draft {
                    unit: ui,
                    source,
                    cue,
                    content,
                    stance: None,
                    via: None,
                    wants_next_quote: false,
                });
                // How sure the tagger was of the cue's first word: its begin score
                // over its outside score, before the recall bias (a filter feature).
                let mut scores = [0f32; cue_model::NTAGS];
                for &feat in &feats[a - u.t0] {
                    model.add_emission(feat, &mut scores);
                }
                margins.push((
                    cue,
                    scores[cue_model::TAG_B as usize] - scores[cue_model::TAG_O as usize],
                ));
            }
        }
        drafts.extend(added);
        margins
    }

    /// The holder of a learned cue that starts at token `a`: `None` drops the
    /// cue, `Some(None)` keeps it without a source.
    ///
    /// - A noun phrase before the cue is its source when it can hold one
    ///   (`is_learned_holder`), else the cue is dropped.
    /// - With no noun phrase before it, a participle after a comma or a verb
    ///   after "and" takes the main clause's subject ("Mayor Ilg spoke for an
    ///   hour, praising the bridge" → "Mayor Ilg"), and a cue after an
    ///   apposition takes the phrase it describes ("Ann Dorn, the port's
    ///   lawyer, sharply rebuked …" → "Ann Dorn, the port's lawyer,"); a
    ///   phrase found so that cannot hold a cue leaves it without a source.
    /// - Otherwise the cue stands without a source ("Citing the tolls, …",
    ///   "has faced sharp criticism for …"), as PolNeAR annotates such cues. On
    ///   PolNeAR train, keeping them raised the cue filter's out-of-fold F1 from
    ///   0.7758 to 0.7846.
    fn learned_holder(&self, u: &Unit, a: usize) -> Option<Option<Span>> {
        match self.left_np(u, a) {
            Some((s, e)) => {
                let source = self.span_of(s, e);
                self.is_learned_holder(u, source).then_some(Some(source))
            }
            None => {
                let prev = (a > u.t0).then(|| self.toks[a - 1].lower.as_str());
                let participle = prev == Some(",") && self.toks[a].lower.ends_with("ing");
                let source = if participle || prev == Some("and") {
                    self.main_subject(u, a)
                } else if prev == Some(",") {
                    self.apposition_source(u, a)
                        .map(|(s, e)| self.span_of(s, e))
                } else {
                    None
                };
                Some(source.filter(|&s| self.is_learned_holder(u, s)))
            }
        }
    }

    /// The phrase before a learned cue can hold it: not a clause, a phrase cut
    /// after a preposition, a preposition's object, a bare determiner, the
    /// reader or a lone opener ("Besides").
    fn is_learned_holder(&self, u: &Unit, source: Span) -> bool {
        let (s0, s1) = (self.tok_at(source.start), self.tok_at(source.end));
        // "European countries introduce an alternative framework
        // emphasizing …": a verb with its object is a clause, no holder
        // (a lower-case word other than a preposition, conjunction or
        // quantifier right before an article).
        let clause = (s0 + 1..s1).any(|k| {
            let prev = &self.toks[k - 1];
            matches!(self.toks[k].lower.as_str(), "a" | "an" | "the")
                && prev.word
                && !prev.cap
                && !PREPOSITIONS.contains(&prev.lower.as_str())
                && !is_determiner(&prev.lower)
                && !matches!(
                    prev.lower.as_str(),
                    "and" | "or" | "but" | "all" | "both" | "half" | "of"
                )
        });
        // "28 points of · proposed plan": a phrase cut after its preposition;
        // "… by relaxing restrictions and removing · demands": a gerund
        // after a preposition or "and" makes it a clause.
        let cut_short = s1.checked_sub(1).is_some_and(|k| {
            let w = self.toks[k].lower.as_str();
            PREPOSITIONS.contains(&w) || matches!(w, "and" | "or" | "but")
        });
        let gerund_clause = (s0 + 1..s1).any(|k| {
            let t = &self.toks[k];
            !t.cap && t.lower.len() > 5 && t.lower.ends_with("ing") && {
                let p = self.toks[k - 1].lower.as_str();
                PREPOSITIONS.contains(&p) || matches!(p, "and" | "or")
            }
        });
        // "gave his backing to the White House plan saying …": the object of
        // a preposition is no holder.
        let prepositional_object =
            s0 > u.t0 && PREPOSITIONS.contains(&self.toks[s0 - 1].lower.as_str());
        // "The claim that …": a bare determiner is no holder; "everything
        // you need to know": the reader is no source.
        let bare_determiner =
            (s0..s1).all(|k| is_determiner(&self.toks[k].lower) || !self.toks[k].word);
        let reader = s1
            .checked_sub(1)
            .is_some_and(|k| self.toks[k].lower == "you");
        // "Besides promising talks and continued aid, …", "Perhaps recognizing
        // …": one word that opens an adverbial phrase is no holder.
        let lone_opener = s1 == s0 + 1 && {
            let w = self.toks[s0].lower.as_str();
            NP_STOP.contains(&w)
                || PREPOSITIONS.contains(&w)
                || LEADING_ADVERBS.contains(&w)
                || matches!(w, "perhaps" | "maybe" | "probably" | "possibly")
        };
        !(clause
            || cut_short
            || gerund_clause
            || prepositional_object
            || bare_determiner
            || reader
            || lone_opener)
    }

    /// "… - who asked not to be named - …", "who declined to be identified": the
    /// content of a condition of anonymity, not of a statement. ("requested
    /// anonymity to discuss …" is not one: it tells what was said.)
    fn asks_anonymity(&self, content: Span) -> bool {
        let t = content.slice(self.text).to_lowercase();
        t.starts_with("not to be ")
            || t.starts_with("to be named")
            || t.starts_with("to be identified")
            || t.starts_with("for anonymity")
    }

    /// The rest of unit `u` from token `k`, without the final punctuation.
    fn rest_of_unit(&self, u: &Unit, k: usize) -> Option<Span> {
        let mut end = u.t1;
        while end > k && !self.toks[end - 1].word && self.toks[end - 1].quote.is_none() {
            end -= 1;
        }
        if end <= k {
            return None;
        }
        Some(self.span_of(k, end))
    }

    // ---------------------------------------------------------------------
    // Per-unit cue detection
    // ---------------------------------------------------------------------

    fn analyze_unit(&self, ui: usize, u: &Unit, out: &mut Vec<Draft>) {
        if u.t0 >= u.t1 {
            return;
        }
        if let Some(d) = self.headline_dash(ui, u) {
            // "Rajoy said Monday that he will … --Kim Hjelmgaard.": a name after a
            // dash that ends a sentence with cues of its own signs the report; the
            // sentence's own attributions stand. A headline without a cue ("Plan
            // can form 'basis of peace' - Putin") and a signed quote keep the dash.
            if self.kind_of(&d.content) != AttributionKind::Direct {
                let before = out.len();
                self.analyze_unit_cues(ui, u, out);
                if out.len() > before {
                    // Their contents stop before the signature.
                    let sign = d.source.map_or(d.cue.start, |s| s.start.min(d.cue.start));
                    for o in &mut out[before..] {
                        self.cut_contents_at(&mut o.content, sign);
                    }
                    return;
                }
            }
            out.push(d);
            return;
        }
        self.analyze_unit_cues(ui, u, out);
    }

    /// The cues of unit `u` (everything but a headline dash).
    fn analyze_unit_cues(&self, ui: usize, u: &Unit, out: &mut Vec<Draft>) {
        let first_draft = out.len();
        if let Some(d) = self.colon_source(ui, u) {
            out.push(d);
        }
        let mut consumed_until = u.t0;
        let mut i = u.t0;
        while i < u.t1 {
            let t = &self.toks[i];
            if t.quote.is_some() || !t.word || i < consumed_until {
                i += 1;
                continue;
            }
            if t.lower == "according" && self.toks.get(i + 1).is_some_and(|n| n.lower == "to") {
                if let Some(d) = self.according_to(ui, u, i) {
                    out.push(d);
                }
                i += 2;
                continue;
            }
            if let Some(hit) = self.verb_at(i) {
                if self.reduced_relative(u, i, hit) {
                    i += hit.len;
                    continue;
                }
                if let Some((d, consumed)) = self.verb_cue(ui, u, i, hit, &out[first_draft..]) {
                    // "A US official that I've asked about … has said": a cue in a
                    // relative clause leaves the main verb after it to be read.
                    let in_relative = d.source.is_some_and(|s| {
                        let k = self.tok_at(s.start);
                        k > u.t0 + 1
                            && matches!(self.toks[k - 1].lower.as_str(), "that" | "whom")
                            && self.toks[u.t0..k - 1].iter().all(|t| t.word)
                    });
                    // "… reports - that the US has threatened … - has said this": a
                    // cue inside an aside between dashes reads no further than it.
                    let open_dash = (u.t0..i).rev().find(|&k| is_dash(self.toks[k].text));
                    let close_dash = (i + hit.len..u.t1).find(|&k| is_dash(self.toks[k].text));
                    // "Ann Ross, who calls the plan “a trap,” said …", "Ross, citing
                    // the memo, said …": a cue inside an aside between commas ends
                    // with the aside, and the main verb after it is read.
                    let aside = self
                        .comma_aside_end(u, i, hit)
                        .or_else(|| self.subordinate_clause_end(u, &d));
                    consumed_until = match (open_dash, close_dash) {
                        _ if in_relative => i + hit.len,
                        _ if aside.is_some() => aside.map_or(consumed, |(k, _)| k),
                        (Some(_), Some(c)) => consumed.min(c),
                        _ => consumed,
                    };
                    let mut d = d;
                    if let Some((_, cut)) = aside {
                        self.cut_contents_at(&mut d.content, cut);
                    }
                    // Its content ends with the aside too ("- which Russia claims to
                    // have seized - Putin says …").
                    if let (Some(_), Some(c), false) = (open_dash, close_dash, in_relative) {
                        self.cut_contents_at(&mut d.content, self.toks[c].span.start);
                    }
                    out.push(d);
                } else if let Some(d) = self.nominal_that_cue(ui, u, i) {
                    // "his claim that …": a verb form used as a noun.
                    out.push(d);
                }
                i += hit.len;
                continue;
            }
            if let Some(d) = self
                .nominal_that_cue(ui, u, i)
                .or_else(|| self.that_clause_cue(ui, u, i))
            {
                out.push(d);
            }
            i += 1;
        }
        // "“…?” Beck questioned.": a cue the rules above read without content
        // gives way to the quote next to it.
        let contentless =
            |d: &Draft| !d.wants_next_quote && !d.content.iter().any(|&c| self.has_words(c));
        if out[first_draft..].iter().all(contentless) {
            if let Some(d) = self.quote_adjacent_cue(ui, u) {
                out.truncate(first_draft);
                out.push(d);
            }
        }
        if let Some(d) = self.perspective_cue(ui, u) {
            out.push(d);
        }
        let bare = out[first_draft..]
            .iter()
            .all(|d| d.content.is_empty() && !d.wants_next_quote);
        match self.poll_cue(ui, u) {
            // "In a new Ridge survey, 40 percent said …": a poll that opens the
            // sentence frames everything after it, reports inside included.
            Some((d, true)) => out.push(d),
            Some((d, false)) if bare => out.push(d),
            _ if bare => out.extend(self.reportedly_cue(ui, u)),
            _ => {}
        }
    }

    /// "To Ms. Reyes, the vote was a warning.": a sentence told from a named
    /// person's view. The cue is "To", the source the name and the content the
    /// clause after the comma (after a "who …," aside when one follows the name).
    fn perspective_cue(&self, ui: usize, u: &Unit) -> Option<Draft> {
        let first = self.toks.get(u.t0)?;
        if first.text != "To" || first.quote.is_some() || self.title_case(u) {
            return None;
        }
        let mut k = u.t0 + 1;
        while k < u.t1 && k < u.t0 + 6 {
            let t = &self.toks[k];
            let title_dot = t.text == "."
                && self.toks[k - 1].cap
                && self.toks[k - 1].text.len() <= 3
                && k > u.t0 + 1;
            let name_word = t.word && t.cap && t.quote.is_none();
            if !(name_word || title_dot) {
                break;
            }
            k += 1;
        }
        if k == u.t0 + 1 || k >= u.t1 || self.toks[k].text != "," {
            return None;
        }
        let source = self.span_of(u.t0 + 1, k);
        let mut rest = k + 1;
        if self
            .toks
            .get(rest)
            .is_some_and(|t| matches!(t.lower.as_str(), "who" | "whose"))
        {
            rest = (rest..u.t1).find(|&j| self.toks[j].text == ",")? + 1;
        }
        let next = self.toks.get(rest).filter(|_| rest < u.t1)?;
        let content = self.trim_span(next.span.start, u.span.end)?;
        Some(Draft {
            unit: ui,
            source: Some(source),
            cue: self.span_of(u.t0, u.t0 + 1),
            content: vec![content],
            stance: None,
            via: None,
            wants_next_quote: false,
        })
    }

    /// "A statement posted on the website said …": a past participle right after
    /// the subject's noun, with a preposition after it and a reporting verb later
    /// in the clause, modifies the noun; it is no cue of its own.
    fn reduced_relative(&self, u: &Unit, i: usize, hit: VerbHit) -> bool {
        if hit.form != 2 || hit.len != 1 || i < u.t0 + 2 {
            return false;
        }
        let noun = &self.toks[i - 1];
        let det = &self.toks[i - 2];
        let subject_np = noun.word
            && !noun.cap
            && !is_determiner(&noun.lower)
            && !AUX.contains(&noun.lower.as_str())
            && !is_pronoun_text(noun.text)
            && matches!(det.lower.as_str(), "a" | "an" | "the")
            && i - 2 == u.t0;
        let preposition = self
            .toks
            .get(i + 1)
            .is_some_and(|t| PREPOSITIONS.contains(&t.lower.as_str()) || t.lower == "by");
        subject_np
            && preposition
            && (i + 2..(i + 14).min(u.t1))
                .take_while(|&k| !matches!(self.toks[k].text, "," | ";" | ":"))
                .any(|k| self.verb_at(k).is_some_and(|h| h.form == 1 || h.form == 2))
    }

    /// The whole subject "A statement posted on the website" when the verb at `cs`
    /// follows such a reduced relative clause (see `reduced_relative`).
    fn reduced_relative_subject(&self, u: &Unit, cs: usize) -> Option<(usize, usize)> {
        let p = u.t0 + 2;
        if p + 1 >= cs {
            return None;
        }
        let hit = self.verb_at(p)?;
        let plain = (u.t0..cs).all(|k| {
            let t = &self.toks[k];
            t.quote.is_none() && !matches!(t.text, "," | ";" | ":" | "(" | ")")
        });
        (plain && self.reduced_relative(u, p, hit)).then_some((u.t0, cs))
    }

    /// "While Mayor Oduya said the plan was fair, unions disagreed": a report in a
    /// clause opened by a subordinator ends at the clause's comma. Returns the
    /// token after the comma and the byte offset of the comma.
    fn subordinate_clause_end(&self, u: &Unit, d: &Draft) -> Option<(usize, usize)> {
        let s0 = self.tok_at(d.source?.start);
        let opener = s0.checked_sub(1).filter(|&k| k >= u.t0)?;
        let opens = matches!(
            self.toks[opener].lower.as_str(),
            "while"
                | "if"
                | "when"
                | "although"
                | "though"
                | "after"
                | "before"
                | "since"
                | "because"
                | "unless"
                | "until"
                | "whereas"
                | "once"
        ) && (opener == u.t0 || self.toks[opener - 1].text == ",");
        if !opens || self.kind_of(&d.content) != AttributionKind::Indirect {
            return None;
        }
        let comma = (self.tok_at(d.cue.end)..u.t1)
            .find(|&k| self.toks[k].text == "," && self.toks[k].quote.is_none())?;
        (comma + 1 < u.t1).then(|| (comma + 1, self.toks[comma].span.start))
    }

    /// "… said the plan was fair, but did not vote for it": a contrasting clause
    /// after a comma (but / while / although / though / whereas, not followed by
    /// "that") is the writer's, not part of what was reported. Unquoted
    /// stretches only.
    fn cut_contrast_tail(&self, d: &mut Draft) {
        for c in d.content.iter_mut() {
            let (k0, k1) = (
                self.tok_at(c.start),
                self.tok_at(c.end).min(self.toks.len()),
            );
            let cut = (k0 + 1..k1.saturating_sub(2)).find(|&k| {
                self.toks[k].text == ","
                    && self.toks[k].quote.is_none()
                    && matches!(
                        self.toks[k + 1].lower.as_str(),
                        "but" | "while" | "although" | "though" | "whereas"
                    )
                    && self.toks[k + 2].lower != "that"
            });
            if let Some(k) = cut {
                self.cut_contents_at(std::slice::from_mut(c), self.toks[k].span.start);
            }
        }
    }

    /// Ends every content span that runs across byte offset `cut` there (trimmed
    /// of the punctuation before it).
    fn cut_contents_at(&self, content: &mut [Span], cut: usize) {
        for span in content.iter_mut() {
            if span.start < cut && cut < span.end {
                if let Some(t) = self.trim_span(span.start, cut) {
                    *span = t;
                }
            }
        }
    }

    /// For a cue opening an aside between commas after the subject (", who calls
    /// …," / ", which argues …," / ", citing …,"), when the aside's closing comma
    /// is followed by a reporting verb outside quote marks: the token to read on
    /// from (that verb) and the byte offset the aside's content ends at (after a
    /// closing quote mark that follows the comma).
    fn comma_aside_end(&self, u: &Unit, i: usize, hit: VerbHit) -> Option<(usize, usize)> {
        let before = |k: usize| (k > u.t0).then(|| &self.toks[k - 1]);
        let opens = match before(i) {
            Some(p) if p.text == "," => hit.form == 3,
            Some(p) if matches!(p.lower.as_str(), "who" | "which") => {
                before(i - 1).is_some_and(|q| q.text == ",")
            }
            _ => false,
        };
        if !opens {
            return None;
        }
        let comma = (i + hit.len..u.t1).find(|&k| self.toks[k].text == ",")?;
        let mut next = comma + 1;
        let mut end = self.toks[comma].span.start;
        // Closing marks after the comma (“…,” or ''…,'').
        while next < u.t1 && is_quote_char(self.toks[next].text) && self.toks[next].quote.is_some()
        {
            end = self.toks[next].span.end;
            next += 1;
        }
        let verb = self.toks.get(next).filter(|_| next < u.t1)?;
        if verb.quote.is_some() || self.verb_at(next).is_none() {
            return None;
        }
        Some((next, end))
    }

    /// "The firm reportedly paid $2 million": a report with no stated source; the
    /// content is the clause around the adverb.
    fn reportedly_cue(&self, ui: usize, u: &Unit) -> Option<Draft> {
        let i = (u.t0..u.t1).find(|&i| {
            let t = &self.toks[i];
            t.quote.is_none() && t.lower == "reportedly"
        })?;
        let mut content = Vec::new();
        if i > u.t0 {
            content.extend(self.trim_span(u.span.start, self.toks[i - 1].span.end));
        }
        if i + 1 < u.t1 {
            content.extend(self.trim_span(self.toks[i + 1].span.start, u.span.end));
        }
        if content.is_empty() {
            return None;
        }
        Some(Draft {
            unit: ui,
            source: None,
            cue: self.span_of(i, i + 1),
            content,
            stance: None,
            via: None,
            wants_next_quote: false,
        })
    }

    /// A finding placed in a poll: "In a new Ridge County survey, 40 percent
    /// backed …", "Smith leads in the polls". The cue is "in", the source the
    /// poll phrase and the content the rest of the clause.
    /// Also says whether the poll phrase opens the sentence.
    fn poll_cue(&self, ui: usize, u: &Unit) -> Option<(Draft, bool)> {
        let i = (u.t0..u.t1).find(|&i| {
            let t = &self.toks[i];
            t.lower == "in" && t.quote.is_none() && self.poll_head(u, i + 1).is_some()
        })?;
        let mut src_end = self.poll_head(u, i + 1)? + 1;
        let cue = self.span_of(i, i + 1);
        let fronted = i == u.t0 || (i == u.t0 + 1 && !self.toks[u.t0].word);
        let content = if fronted {
            // Fronted: the source runs to the comma, the content follows it.
            while src_end < u.t1
                && !matches!(self.toks[src_end].text, "," | ";" | ":")
                && src_end < i + 16
            {
                src_end += 1;
            }
            if src_end >= u.t1 || self.toks[src_end].text != "," {
                return None;
            }
            let next = self.toks.get(src_end + 1)?;
            self.trim_span(next.span.start, u.span.end)?
        } else {
            // Mid-sentence, only a named poll ("… in a Ridge Herald poll"): "a lead in
            // the polls" is mostly not annotated as a report.
            if !self.toks[i + 2..src_end - 1].iter().any(|t| t.cap) {
                return None;
            }
            let mut end = i;
            while end > u.t0 && !self.toks[end - 1].word {
                end -= 1;
            }
            if end <= u.t0 + 1 {
                return None;
            }
            self.trim_span(self.toks[u.t0].span.start, self.toks[end - 1].span.end)?
        };
        if content
            .slice(self.text)
            .starts_with(['“', '"', '‘', '\'', '«'])
        {
            return None;
        }
        let draft = Draft {
            unit: ui,
            source: Some(self.span_of(i + 1, src_end)),
            cue,
            content: vec![content],
            stance: None,
            via: None,
            wants_next_quote: false,
        };
        Some((draft, fronted))
    }

    /// The token index of "poll"/"survey" ending a short noun phrase that starts at
    /// `start` with a determiner ("a new national poll", "the polls").
    fn poll_head(&self, u: &Unit, start: usize) -> Option<usize> {
        let first = self.toks.get(start)?;
        if !matches!(
            first.lower.as_str(),
            "a" | "an"
                | "the"
                | "this"
                | "that"
                | "these"
                | "their"
                | "its"
                | "recent"
                | "latest"
                | "new"
                | "national"
                | "public"
                | "most"
                | "several"
                | "many"
                | "two"
                | "three"
        ) && !first.cap
        {
            return None;
        }
        for k in start..(start + 9).min(u.t1) {
            let t = &self.toks[k];
            if t.quote.is_some() || matches!(t.text, "," | ";" | ":" | "." | "(" | ")") {
                return None;
            }
            let head = matches!(
                t.lower.as_str(),
                "poll" | "polls" | "survey" | "surveys" | "polling"
            );
            let modifier = k == start
                || head
                || t.cap
                || !t.word
                || t.lower.chars().any(|c| c.is_ascii_digit())
                || matches!(
                    t.lower.as_str(),
                    "new"
                        | "latest"
                        | "recent"
                        | "national"
                        | "state"
                        | "statewide"
                        | "public"
                        | "opinion"
                        | "exit"
                        | "same"
                        | "early"
                        | "late"
                        | "several"
                        | "two"
                        | "three"
                        | "many"
                        | "most"
                        | "other"
                        | "online"
                        | "telephone"
                        | "phone"
                        | "independent"
                        | "separate"
                        | "similar"
                        | "previous"
                        | "earlier"
                        | "last"
                        | "first"
                        | "second"
                        | "another"
                        | "poll"
                        | "s"
                );
            if !modifier {
                return None;
            }
            if head && k > start {
                // "polling place", "poll workers": a noun modifier, not the head.
                let next = self.toks.get(k + 1).map(|n| n.lower.as_str());
                if matches!(
                    next,
                    Some(
                        "place"
                            | "places"
                            | "station"
                            | "stations"
                            | "workers"
                            | "numbers"
                            | "data"
                            | "average"
                            | "averages"
                            | "of"
                            | "closing"
                    )
                ) {
                    return None;
                }
                return Some(k);
            }
        }
        None
    }

    /// A verb outside the lexicon that takes a "that" clause after a subject:
    /// "Ann Smith conceded that …", "The memo asserts that …".
    fn that_clause_cue(&self, ui: usize, u: &Unit, i: usize) -> Option<Draft> {
        let t = &self.toks[i];
        let w = t.lower.as_str();
        let verb_shape = !t.cap && t.word && w.len() > 4 && w.ends_with("ed");
        if !verb_shape || self.toks.get(i + 1).is_none_or(|n| n.lower != "that") || i + 2 >= u.t1 {
            return None;
        }
        let cs = self.chain_start(u, i);
        let prev = cs.checked_sub(1).filter(|&p| p >= u.t0)?;
        if matches!(
            self.toks[prev].lower.as_str(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "of"
                | "s"
                | "so"
                | "such"
        ) {
            return None;
        }
        let (a, b) = self.left_np(u, cs)?;
        let content = self.content_after(u, i + 1, VerbClass::Speech)?;
        Some(Draft {
            unit: ui,
            source: Some(self.span_of(a, b)),
            cue: self.span_of(cs, i + 1),
            content: vec![content],
            stance: None,
            via: None,
            wants_next_quote: false,
        })
    }

    /// A report named by a noun with its clause: "his claim that …", "Smith's
    /// assertion that …". The cue is the noun, the source the possessive before it,
    /// the content the "that" clause.
    /// "the claim that was made": the "that" at token `that` is the subject of
    /// a relative clause (its next token is no word, an auxiliary, a form of
    /// "be" or a past form), not the opening of a reported clause.
    fn relative_that(&self, that: usize) -> bool {
        self.toks.get(that).is_some_and(|t| t.lower == "that")
            && self.toks.get(that + 1).is_some_and(|after| {
                !after.word
                    || is_aux_verb(&after.lower)
                    || BE.contains(&after.lower.as_str())
                    || after.lower.ends_with("ed")
            })
    }

    fn nominal_that_cue(&self, ui: usize, u: &Unit, i: usize) -> Option<Draft> {
        let t = &self.toks[i];
        if !t.word || t.cap || !REPORT_NOUNS.contains(&t.lower.as_str()) {
            return None;
        }
        let that = i + 1;
        if that + 2 >= u.t1 || self.toks[that].lower != "that" {
            return None;
        }
        if self.relative_that(that) {
            return None;
        }
        // The possessive: "his claim", "Smith's repeated claim".
        let mut p = i;
        while p > u.t0 && i - p < 2 && {
            let w = &self.toks[p - 1];
            w.word && !w.cap && !is_determiner(&w.lower) && w.lower != "s" && w.quote.is_none()
        } {
            p -= 1;
        }
        let source = p.checked_sub(1).filter(|&q| q >= u.t0).and_then(|q| {
            let w = &self.toks[q];
            if matches!(
                w.lower.as_str(),
                "his" | "her" | "their" | "its" | "our" | "my"
            ) {
                return Some(w.span);
            }
            let apostrophe = q.checked_sub(1).filter(|&a| a > u.t0)?;
            if w.lower != "s" || !matches!(self.toks[apostrophe].text, "'" | "\u{2019}") {
                return None;
            }
            let mut a = apostrophe;
            while a > u.t0 && self.toks[a - 1].cap && self.toks[a - 1].word {
                a -= 1;
            }
            (a < apostrophe).then(|| self.span_of(a, q + 1))
        });
        // Without a possessive the holder stands elsewhere ("Ann made the argument
        // that …") and is not attempted.
        let source = source?;
        let content = self.content_after(u, that, VerbClass::Speech)?;
        Some(Draft {
            unit: ui,
            source: Some(source),
            cue: t.span,
            content: vec![content],
            stance: None,
            via: None,
            wants_next_quote: false,
        })
    }

    /// A verb outside the lexicon right beside a quote: "“Wonderful!” beamed Ann
    /// Smith.", "“No,” Smith snapped.", "Smith countered: “No.”".
    fn quote_adjacent_cue(&self, ui: usize, u: &Unit) -> Option<Draft> {
        let verb_like = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                let w = t.lower.as_str();
                k < u.t1
                    && t.word
                    && !t.cap
                    && t.quote.is_none()
                    && ((w.len() > 3
                        && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"))))
                        // Irregular past forms that follow quotes.
                        || matches!(
                            w,
                            "read"
                                | "wrote"
                                | "spoke"
                                | "sang"
                                | "shot"
                                | "began"
                                | "swore"
                                | "went"
                        ))
            })
        };
        // The sentence ends at `k`, perhaps after a particle or manner adverb
        // ("screamed back.", "said quietly.").
        let unit_end = |k: usize| {
            let rest = &self.toks[k.min(u.t1)..u.t1];
            let particle = rest.first().is_some_and(|t| {
                t.word
                    && !t.cap
                    && (matches!(t.lower.as_str(), "back" | "again" | "aloud" | "out" | "on")
                        || (t.lower.len() > 4 && t.lower.ends_with("ly")))
            });
            let rest = if particle { &rest[1..] } else { rest };
            rest.iter().all(|t| matches!(t.text, "." | "!" | "?"))
        };
        // Quote first.
        if self.is_open_quote_tok(u.t0) {
            let q = self.toks[u.t0].quote?;
            let qs = self.quotes[q].span;
            let mut k = self.tok_at(qs.end);
            if k < u.t1 && self.toks[k].text == "," {
                k += 1;
            }
            // "“…,” beamed Ann Smith.", "“…,” read one.", "“…,” read the statement."
            if verb_like(k)
                && self.toks.get(k + 1).is_some_and(|t| {
                    t.cap
                        || is_determiner(&t.lower)
                        || matches!(t.lower.as_str(), "one" | "another")
                })
            {
                let (a, b) = self.right_np(u, k + 1)?;
                if b - a <= 12 {
                    return Some(self.simple_draft(ui, (a, b), k, vec![qs]));
                }
            }
            // "“…,” Ann Smith snapped."
            let mut v = k;
            while v < u.t1 && v < k + 5 && (self.toks[v].cap || self.toks[v].text == ".") {
                v += 1;
            }
            let pronoun = self.toks.get(k).is_some_and(|t| {
                matches!(t.lower.as_str(), "he" | "she" | "they" | "we" | "i" | "it")
            });
            if pronoun {
                v = k + 1;
            }
            // "“…,” the editorial read.": a determiner and up to three lower-case
            // words.
            if v == k && self.toks.get(k).is_some_and(|t| is_determiner(&t.lower)) {
                let mut e = k + 1;
                while e < u.t1 && e < k + 4 && self.toks[e].word && !verb_like(e) {
                    e += 1;
                }
                if e > k + 1 {
                    v = e;
                }
            }
            if v > k && verb_like(v) && unit_end(v + 1) {
                return Some(self.simple_draft(ui, (k, v), v, vec![qs]));
            }
            return None;
        }
        // "Ann Smith countered: “…”"
        let colon =
            (u.t0..u.t1).find(|&k| self.toks[k].text == ":" && self.toks[k].quote.is_none())?;
        if colon < u.t0 + 1 || !self.is_open_quote_tok(colon + 1) {
            return None;
        }
        let q = self.toks[colon + 1].quote?;
        if colon >= u.t0 + 2 && verb_like(colon - 1) {
            let (a, b) = self.left_np(u, colon - 1)?;
            return Some(self.simple_draft(ui, (a, b), colon - 1, vec![self.quotes[q].span]));
        }
        // "Pollsters agree - Carl Bialik: “…”": a name and a colon before a quote.
        let (a, b) = self.left_np(u, colon)?;
        if !self.toks[a..b].iter().any(|t| t.cap && t.word) {
            return None;
        }
        Some(self.simple_draft(ui, (a, b), colon, vec![self.quotes[q].span]))
    }

    fn simple_draft(
        &self,
        ui: usize,
        source: (usize, usize),
        verb: usize,
        content: Vec<Span>,
    ) -> Draft {
        Draft {
            unit: ui,
            source: Some(self.span_of(source.0, source.1)),
            cue: self.toks[verb].span,
            content,
            stance: None,
            via: None,
            wants_next_quote: false,
        }
    }

    /// "'…' - Name says" / "Plan can form 'basis of peace' - Putin" (a headline
    /// paragraph), and a signed quote: a paragraph ending "“…” ― Ann Smith", or a
    /// line "- Ann Smith." right after a paragraph that is one quote. The cue is the
    /// dash (or "says"), the source the name, the content the text before the dash
    /// (the quote of a signed quote).
    fn headline_dash(&self, ui: usize, u: &Unit) -> Option<Draft> {
        let para = self.paras.get(u.para)?;
        if para.end != u.span.end {
            return None;
        }
        let whole_para = para.start == u.span.start;
        let mut end = u.t1;
        while end > u.t0 && !self.toks[end - 1].word {
            end -= 1;
        }
        let mut says = None;
        if end > u.t0 && matches!(self.toks[end - 1].lower.as_str(), "says" | "said") {
            says = Some(end - 1);
            end -= 1;
        }
        let mut start = end;
        while start > u.t0 && (self.toks[start - 1].cap || self.toks[start - 1].text == ".") {
            start -= 1;
        }
        if start == end || end - start > 5 || start <= u.t0 {
            return None;
        }
        let dash = start - 1;
        if !is_dash(self.toks[dash].text) || self.toks[dash].quote.is_some() {
            return None;
        }
        // "“…” ― Ann Smith": the quote just before the dash.
        let quote_before = dash
            .checked_sub(1)
            .filter(|&k| k >= u.t0 && self.is_close_quote_tok(k))
            .and_then(|k| self.toks[k].quote)
            .map(|q| self.quotes[q].span);
        let content = if dash == u.t0 {
            // "- Ann Smith." alone on its line signs the quote paragraph before it.
            if !whole_para {
                return None;
            }
            self.signed_quote_before(u)?
        } else if whole_para && start >= u.t0 + 2 {
            self.trim_span(self.toks[u.t0].span.start, self.toks[dash].span.start)?
        } else {
            quote_before?
        };
        Some(Draft {
            unit: ui,
            source: Some(self.span_of(start, end)),
            cue: says.map_or(self.toks[dash].span, |s| self.toks[s].span),
            content: vec![content],
            stance: None,
            via: None,
            wants_next_quote: false,
        })
    }

    /// The quote filling the paragraph before unit `u`'s, when that paragraph is
    /// one closed quote (perhaps followed by a period).
    fn signed_quote_before(&self, u: &Unit) -> Option<Span> {
        let prev = self.paras.get(u.para.checked_sub(1)?)?;
        let q = self.quotes.iter().find(|q| {
            q.closed
                && q.span.start == prev.start
                && self
                    .text
                    .get(q.span.end..prev.end)
                    .is_some_and(|rest| rest.chars().all(|c| c == '.'))
        })?;
        Some(q.span)
    }

    /// "Ann Smith: 'We will not give up'" at the start of a unit. At the start of
    /// a paragraph (a transcript line "SMITH: …", perhaps opened by a quote mark
    /// that runs over the paragraph) the content runs to the paragraph's end.
    fn colon_source(&self, ui: usize, u: &Unit) -> Option<Draft> {
        let para = self.paras.get(u.para)?;
        let para_start = para.start == u.span.start;
        // '"SMITH: …' opens a quoted transcript line.
        let first = if para_start && u.t0 + 1 < u.t1 && self.is_open_quote_tok(u.t0) {
            u.t0 + 1
        } else {
            u.t0
        };
        let limit = (first + 6).min(u.t1);
        let colon = (first..limit).find(|&i| self.toks[i].text == ":")?;
        if colon == first {
            return None;
        }

        let names = &self.toks[first..colon];
        let all_caps = names
            .iter()
            .all(|t| t.cap || t.text == "." || t.lower == "s");
        let quote_follows = self.is_open_quote_tok(colon + 1);
        let words = names.iter().filter(|t| t.word).count();
        // "Q:", "A:", "SMITH:" in interview transcripts.
        let speaker_label = para_start
            && words == 1
            && names.first().is_some_and(|t| {
                t.text.chars().count() == 1
                    || (t.text.chars().all(|c| c.is_uppercase()) && t.text.len() > 2)
                    || !LABEL_WORDS.contains(&t.lower.as_str())
            });
        // "Poll: Clinton and Trump in dead heat" reports a finding (unless what
        // follows is a question: "Poll: Do you back the plan?", a page widget).
        let finding = words == 1
            && matches!(
                names.first().map(|t| t.lower.as_str()),
                Some("poll" | "survey" | "study")
            );
        if !all_caps || !(words >= 2 || quote_follows || speaker_label || finding) {
            return None;
        }
        if !speaker_label
            && names
                .iter()
                .any(|t| NAME_STOPWORDS.contains(&t.lower.as_str()))
        {
            return None;
        }
        let next = self.toks.get(colon + 1)?;
        if next.text.chars().next().is_some_and(|c| c.is_ascii_digit()) || colon + 1 >= u.t1 {
            return None;
        }
        let end = if para_start { para.end } else { u.span.end };
        let content = self.trim_span(next.span.start, end)?;
        if is_roster(content.slice(self.text)) {
            return None;
        }
        let finding = finding && !content.slice(self.text).trim_end().ends_with('?');
        if !finding
            && names
                .iter()
                .any(|t| LABEL_WORDS.contains(&t.lower.as_str()))
        {
            return None;
        }
        // "Said Ellis: “…”": the verb before the name is the cue.
        let inverted = names.len() >= 2
            && self
                .verb_at(first)
                .is_some_and(|h| VERBS[h.verb].class == VerbClass::Speech && h.len == 1);
        let (source, cue) = if inverted {
            (
                self.span_of(first + 1, colon),
                self.span_of(first, first + 1),
            )
        } else {
            (self.span_of(first, colon), self.toks[colon].span)
        };
        Some(Draft {
            unit: ui,
            source: Some(source),
            cue,
            content: vec![content],
            stance: None,
            via: None,
            wants_next_quote: false,
        })
    }

    /// "according to X, …" / "…, according to X."
    fn according_to(&self, ui: usize, u: &Unit, i: usize) -> Option<Draft> {
        let src_start = i + 2;
        let mut src_end = src_start;
        while src_end < u.t1 {
            let t = &self.toks[src_end];
            let possessive = matches!(t.text, "'" | "\u{2019}")
                && self.toks.get(src_end + 1).is_some_and(|n| n.lower == "s");
            if matches!(t.text, "," | ";" | ":" | "(" | ")")
                || is_dash(t.text)
                || (is_quote_char(t.text) && !possessive)
                || (t.quote.is_some() && !possessive)
            {
                break;
            }
            src_end += 1;
        }
        while src_end > src_start && matches!(self.toks[src_end - 1].text, "." | "!" | "?") {
            src_end -= 1;
        }
        if src_end == src_start {
            return None;
        }
        let source = self.span_of(src_start, src_end);
        let cue = self.span_of(i, i + 2);
        let before_has_content = i > u.t0 + 1;
        let mut content = Vec::new();
        if before_has_content {
            let mut end = i;
            if end > u.t0 && self.toks[end - 1].text == "," {
                end -= 1;
            }
            content.push(self.trim_span(self.toks[u.t0].span.start, self.toks[end - 1].span.end)?);
            // "The plan, according to Axios, includes …": the clause goes on.
            let comma_before = i > u.t0 && self.toks[i - 1].text == ",";
            if comma_before && src_end + 1 < u.t1 && self.toks[src_end].text == "," {
                let rest = &self.toks[src_end + 1];
                if rest.word && !rest.cap {
                    content.extend(self.trim_span(rest.span.start, u.span.end));
                }
            }
        } else {
            let mut start = src_end;
            if start < u.t1 && self.toks[start].text == "," {
                start += 1;
            }
            if start >= u.t1 {
                return None;
            }
            content.push(self.trim_span(self.toks[start].span.start, u.span.end)?);
        }
        Some(Draft {
            unit: ui,
            source: Some(source),
            cue,
            content,
            stance: None,
            via: None,
            wants_next_quote: false,
        })
    }

    /// Cuts white space and a final sentence period (not inside a quote) off a span.
    fn trim_span(&self, start: usize, end: usize) -> Option<Span> {
        let s = self.text.get(start..end)?;
        let body = s.trim_start_matches([',', ';', ':', ' ', '\n', '\t']);
        let lead = s.len() - body.len();
        let mut t = body.trim();
        loop {
            let before = t.len();
            t = t.trim_end_matches(['.', ';', ',', ':', ' ']).trim_end();
            if t.ends_with('-') || t.ends_with('\u{2013}') || t.ends_with('\u{2014}') {
                t = t.trim_end_matches(['-', '\u{2013}', '\u{2014}']).trim_end();
            }
            if t.len() == before {
                break;
            }
        }
        if t.is_empty() {
            return None;
        }
        Some(Span::new(start + lead, start + lead + t.len()))
    }

    /// The cue group around a verb: auxiliaries and adverbs before it.
    fn chain_start(&self, u: &Unit, i: usize) -> usize {
        let mut k = i;
        while k > u.t0 {
            let t = &self.toks[k - 1];
            // A manner adverb between auxiliaries and the verb ("is widely
            // expected", "has sharply criticized").
            let adverb_after_aux = !t.cap
                && ((t.lower.len() > 4 && t.lower.ends_with("ly")) || t.lower == "long")
                && k >= u.t0 + 2
                && {
                    let b = &self.toks[k - 2].lower;
                    AUX.contains(&b.as_str()) || is_aux_verb(b)
                };
            // A capitalised "May" inside a sentence is a name ("Theresa May said").
            let name_word = t.cap && k - 1 > u.t0;
            if t.quote.is_none()
                && !name_word
                && (AUX.contains(&t.lower.as_str()) || is_aux_verb(&t.lower) || adverb_after_aux)
            {
                k -= 1;
            } else if t.lower == "s"
                && k >= u.t0 + 2
                && matches!(self.toks[k - 2].text, "'" | "\u{2019}")
                && k >= u.t0 + 3
                && PRONOUNS.contains(&self.toks[k - 3].lower.as_str())
            {
                // "He's suggesting"
                k -= 2;
            } else {
                break;
            }
        }
        // A chain starts with an auxiliary or a manner adverb ("repeatedly
        // insisted"), not with "then" or "first".
        while k < i
            && !is_aux_verb(&self.toks[k].lower)
            && !(self.toks[k].lower.ends_with("ly") || self.toks[k].lower == "also")
        {
            if self.toks[k].lower == "s" || matches!(self.toks[k].text, "'" | "\u{2019}") {
                break;
            }
            k += 1;
        }
        // A time adjunct right before the verb belongs to the cue: "Smith on
        // Monday announced", "the chairman, this past week, announced".
        let when = |w: &str| {
            text::calendar::weekday_number(w).is_some()
                || matches!(
                    w,
                    "week" | "month" | "year" | "night" | "morning" | "weekend"
                )
        };
        if k >= u.t0 + 2 && when(&self.toks[k - 1].lower) {
            let mut j = k - 1;
            while j > u.t0
                && matches!(
                    self.toks[j - 1].lower.as_str(),
                    "on" | "this" | "last" | "past" | "earlier" | "late"
                )
            {
                j -= 1;
            }
            if j < k - 1 && j > u.t0 {
                k = j;
            }
        }
        k
    }

    /// A verb cue at token `i`. Returns the draft and the token index up to which
    /// later cues are part of this one (nested reports).
    fn verb_cue(
        &self,
        ui: usize,
        u: &Unit,
        i: usize,
        hit: VerbHit,
        earlier: &[Draft],
    ) -> Option<(Draft, usize)> {
        let verb = &VERBS[hit.verb];
        let after = i + hit.len;
        // The token right after the verb, inside the unit.
        let next = self.toks.get(after).filter(|_| after < u.t1);
        let cs = self.chain_start(u, i);
        let chain: Vec<&str> = self.toks[cs..i].iter().map(|t| t.lower.as_str()).collect();
        let prev = cs
            .checked_sub(1)
            .filter(|&p| p >= u.t0)
            .map(|p| &self.toks[p]);
        let prev_lower = prev.map_or("", |t| t.lower.as_str());
        // "is worried about", "was focused on": states of the subject, not passives.
        let stative = matches!(
            self.toks[i].lower.as_str(),
            "worried"
                | "concerned"
                | "focused"
                | "convinced"
                | "pleased"
                | "disappointed"
                | "frustrated"
                | "confident"
                | "committed"
                | "determined"
                | "opposed"
                | "assured"
                | "supportive"
                | "enamored"
                | "eager"
        );
        let has_aux = chain.iter().any(|w| is_aux_verb(w));
        // The "by" of a passive's agent: right after the participle or after an
        // adverb ("supported in part by", "first proposed by").
        let by_at = {
            let word = |k: usize| {
                self.toks
                    .get(k)
                    .filter(|_| k < u.t1)
                    .map(|t| t.lower.as_str())
            };
            match (word(after), word(after + 1), word(after + 2)) {
                (Some("by"), _, _) => Some(after),
                (
                    Some("partly" | "largely" | "jointly" | "mainly" | "first" | "originally"),
                    Some("by"),
                    _,
                ) => Some(after + 1),
                (Some("in"), Some("part"), Some("by")) => Some(after + 2),
                _ => None,
            }
        };
        // "…, the objectives outlined by Putin": a reduced passive with its agent;
        // not "Trump responded by using …", where "by" tells the means.
        let by_means = by_at.is_some_and(|k| {
            self.toks
                .get(k + 1)
                .is_some_and(|t| !t.cap && t.lower.ends_with("ing"))
        });
        let reduced_passive = hit.form == 2 && !has_aux && by_at.is_some() && !by_means;
        let passive =
            hit.form == 2 && !stative && (chain.iter().any(|w| BE.contains(w)) || reduced_passive);
        // Adjectival or nominal uses.
        if (is_determiner(prev_lower) || matches!(prev_lower, "every" | "of" | "whose" | "such"))
            && !has_aux
        {
            return None;
        }
        // "a US-draft proposed limit": a participle after a determiner and one
        // hyphenated modifier, before a lower-case word, modifies that noun.
        let hyphenated_modifier = prev.is_some_and(|t| t.word && t.text.contains('-'))
            && cs >= u.t0 + 2
            && is_determiner(&self.toks[cs - 2].lower);
        let noun_next = next.is_some_and(|t| {
            t.word
                && !t.cap
                && !NP_STOP.contains(&t.lower.as_str())
                && !PREPOSITIONS.contains(&t.lower.as_str())
                && !is_determiner(&t.lower)
        });
        if hit.form == 2 && !has_aux && hyphenated_modifier && noun_next {
            return None;
        }
        // "270 pledged delegates": a participle between a number and its noun is
        // an adjective.
        // Not "Ann Smith, 45, said he …" (an age) nor "4 in 10 said" (a share).
        let number_before = cs > u.t0
            && self.toks[cs - 1]
                .text
                .starts_with(|c: char| c.is_ascii_digit())
            && !(cs >= u.t0 + 2 && matches!(self.toks[cs - 2].lower.as_str(), "," | "in" | "of"));
        if number_before
            && hit.form == 2
            && !has_aux
            && self.toks.get(after).is_some_and(|t| {
                t.word
                    && !t.cap
                    && t.quote.is_none()
                    && !is_determiner(&t.lower)
                    && !PRONOUNS.contains(&t.lower.as_str())
                    && !matches!(t.lower.as_str(), "him" | "her" | "them" | "me" | "us")
                    && !NP_STOP.contains(&t.lower.as_str())
                    && !PREPOSITIONS.contains(&t.lower.as_str())
                    && t.lower != "to"
            })
        {
            return None;
        }
        // "another show", but "another said".
        if matches!(prev_lower, "another" | "each") && verb.noun_like && !has_aux {
            return None;
        }
        // A capitalised verb inside a sentence that is not in title case is part of
        // a name: "The Tonight Show", "Meet the Press".
        if self.toks[i].cap && i > u.t0 && !self.title_case(u) {
            return None;
        }
        // Phrasal verbs of another sense: "show up", "back down", "point out" aside.
        if matches!(verb.forms[0], "show" | "back" | "call" | "find")
            && self.toks.get(after).is_some_and(|t| {
                matches!(t.lower.as_str(), "up" | "down" | "off" | "in")
                    || (verb.forms[0] == "back" && t.lower == "out")
            })
        {
            return None;
        }
        // Discourse markers: "That said, …", "Having said that", "no better than,
        // say, …", "let's say", "needless to say", "so to speak".
        if verb.forms[0] == "say" {
            let word = |k: usize| {
                if (u.t0..u.t1).contains(&k) {
                    self.toks[k].lower.as_str()
                } else {
                    ""
                }
            };
            let before = |n: usize| i.checked_sub(n).map_or("", word);
            let marker = (before(1) == "that" && word(after) == ",")
                || (before(1) == "having" && word(after) == "that")
                || (before(1) == "," && word(after) == "," && hit.form == 0)
                || (before(1) == "s"
                    && matches!(before(2), "'" | "\u{2019}")
                    && before(3) == "let")
                || (before(1) == "to"
                    && matches!(before(2), "needless" | "suffice" | "is" | "so" | "speak"))
                || (before(1) == "so" && word(after) == "to");
            if marker {
                return None;
            }
        }
        // "the reality show", "an MSNBC show": the base form "show" is a verb only
        // after a plural subject, a pronoun, "to" or an auxiliary ("polls show").
        if verb.forms[0] == "show" && hit.form == 0 && !has_aux {
            let verbal = prev.is_some_and(|t| {
                (t.word && !t.cap && t.lower.ends_with('s') && t.lower.len() > 3)
                    || (t.cap && t.lower.ends_with('s') && !t.lower.ends_with("ss"))
                    || matches!(
                        t.lower.as_str(),
                        "to" | "they" | "we" | "you" | "i" | "data" | "evidence" | "not"
                    )
            });
            if !verbal {
                return None;
            }
        }
        // "appeared at a hearing", "appearing after Clinton": in person, not an
        // impression.
        if verb.forms[0] == "appear"
            && next.is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "at" | "on"
                        | "in"
                        | "before"
                        | "after"
                        | "with"
                        | "behind"
                        | "alongside"
                        | "during"
                        | "onstage"
                )
            })
        {
            return None;
        }
        // "found himself in", "found ways to", "helped found the party", "can be
        // found here": other senses of "found".
        if verb.forms[1] == "finds"
            && hit.form == 2
            && (next.is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "himself"
                        | "herself"
                        | "themselves"
                        | "itself"
                        | "myself"
                        | "ourselves"
                        | "yourself"
                        | "ways"
                        | "way"
                        | "here"
                        | "there"
                        | "sanctuary"
                        | "refuge"
                        | "time"
                )
            }) || matches!(prev_lower, "help" | "helped" | "helps" | "to"))
        {
            return None;
        }
        // "chemicals found in refrigerants": a participle after a plural noun.
        if verb.forms[1] == "finds"
            && hit.form == 2
            && !has_aux
            && next.is_some_and(|t| matches!(t.lower.as_str(), "in" | "on" | "at" | "inside"))
            && prev.is_some_and(|t| {
                t.word && !t.cap && t.lower.ends_with('s') && !PRONOUNS.contains(&t.lower.as_str())
            })
        {
            return None;
        }
        // "a Donald Trump tweet": a noun-like form after "a" and names ("The
        // Journal reports" is a subject and its verb).
        if verb.noun_like && hit.form <= 1 && !has_aux && cs > u.t0 {
            let mut k = cs;
            while k > u.t0 && self.toks[k - 1].cap && self.toks[k - 1].word {
                k -= 1;
            }
            if k < cs && k > u.t0 && matches!(self.toks[k - 1].lower.as_str(), "a" | "an") {
                return None;
            }
        }
        // "there were reports", "is says": a present form never follows "be".
        if hit.form <= 1 && chain.iter().any(|w| BE.contains(w)) {
            return None;
        }
        if hit.form == 3 {
            let participle = prev.is_some_and(|t| t.text == ",")
                || self.is_close_quote_tok(cs.wrapping_sub(1))
                || matches!(prev_lower, "as" | "before" | "while" | "after");
            let progressive = chain.iter().any(|w| BE.contains(w));
            // "with 30 percent of voters saying …", "– Ryan saying …".
            let gerund_subject = self.left_np(u, cs).is_some_and(|(a, b)| {
                let numeric = self.toks[a..b].iter().any(|t| {
                    t.text.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(
                            t.lower.as_str(),
                            "percent" | "%" | "half" | "third" | "majority"
                        )
                });
                let opener = a.checked_sub(1).filter(|&p| p >= u.t0).is_some_and(|p| {
                    matches!(
                        self.toks[p].lower.as_str(),
                        "with" | "," | "\u{2014}" | "\u{2013}" | "-"
                    )
                });
                numeric || opener
            });
            let opening = cs == u.t0 && self.toks[i].cap;
            if !participle
                && !progressive
                && !gerund_subject
                && !opening
                && !matches!(prev_lower, "by" | "and")
            {
                return None;
            }
        }
        // "a controversial comment that angered …", "left little doubt that …":
        // the noun, before a relative "that" or after a quantifier (after a
        // determiner such as "no" or "any", the subject test below refuses it).
        if verb.noun_like
            && hit.form <= 1
            && !has_aux
            && (self.relative_that(after) || matches!(prev_lower, "little" | "much" | "without"))
        {
            return None;
        }
        if verb.noun_like && hit.form <= 1 && !has_aux {
            let clause_next = next.is_some_and(|t| {
                matches!(t.lower.as_str(), "that" | ":") || self.is_open_quote_tok(after)
            });
            let determiner = |w: &str| is_determiner(w) || w == "some";
            let subject_ok = prev.is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "he" | "she" | "it" | "they" | "we" | "i" | "you" | "who" | "to"
                ) || (t.word
                    // "About three-quarters support …", "majorities favor …"
                    && (t.lower.ends_with("quarters")
                        || t.lower.ends_with("thirds")
                        || matches!(
                            t.lower.as_str(),
                            "majority" | "majorities" | "most" | "many" | "half" | "percent"
                                | "%"
                        )))
                    || (t.word && !determiner(&t.lower) && clause_next && t.quote.is_none())
                    || (t.word
                        && !determiner(&t.lower)
                        && (t.cap
                            || t.lower.ends_with('s')
                            || t.lower.starts_with(|c: char| c.is_ascii_digit())))
            });
            let object_ok = next.is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "that"
                        | "to"
                        | ":"
                        | "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "he"
                        | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "i"
                        | "whether"
                        | "how"
                ) || (t.cap && t.word)
                    || t.lower.ends_with("ing")
                    || self.is_open_quote_tok(after)
            });
            // "…, The Wall Street Journal reports." / "…, the paper's correspondent,
            // Ann Smith, reports, citing …": a trailing cue after a comma-led
            // subject ends the sentence or opens a participle.
            let tail = &self.toks[after..u.t1];
            // "Democrats, Frank notes, applaud …": a cue between commas.
            let between_commas = tail.first().is_some_and(|t| t.text == ",")
                && tail.len() > 2
                && (cs.saturating_sub(3).max(u.t0)..cs).any(|k| self.toks[k].text == ",");
            let trailing = between_commas
                || (tail.iter().all(|t| matches!(t.text, "." | "!" | "?"))
                    || (tail.first().is_some_and(|t| t.text == ",")
                        && tail
                            .get(1)
                            .is_some_and(|t| t.lower.ends_with("ing") || t.lower == "according")))
                    && (cs.saturating_sub(12).max(u.t0 + 1)..cs).any(|k| self.toks[k].text == ",");
            // "…, notes the news outlet Varta.", "…, reports Reuters.": an
            // inverted cue whose source runs to the end of the sentence.
            let inverted_tail = prev.is_some_and(|t| t.text == ",")
                && cs > u.t0 + 2
                && next.is_some_and(|t| {
                    (t.cap && t.word) || matches!(t.lower.as_str(), "the" | "a" | "an")
                })
                && self.right_np(u, after).is_some_and(|(_, b)| {
                    self.toks[b..u.t1]
                        .iter()
                        .all(|t| matches!(t.text, "." | "!" | "?"))
                });
            // "Sanders, meanwhile, hopes that …", "Her aide, Jake Sullivan, calls …".
            let subject_ok = subject_ok
                || inverted_tail
                || ((trailing || object_ok)
                    && prev.is_some_and(|t| t.text == ",")
                    && self.apposition_source(u, cs).is_some());
            if !subject_ok || !(object_ok || trailing) {
                return None;
            }
        }
        if hit.form == 2 && matches!(prev_lower, "," | "and") && !has_aux && verb.noun_like {
            // "…, backed by…" reads as a participle phrase, not a cue.
            if next.is_some_and(|t| t.lower == "by") {
                return None;
            }
        }
        // "Axios cited Smith as saying": the cue is "as saying", handled there.
        if matches!(verb.forms[0], "cite" | "quote")
            && (after..(after + 10).min(u.t1)).any(|k| {
                self.toks[k].lower == "as"
                    && self
                        .toks
                        .get(k + 1)
                        .is_some_and(|n| n.lower.ends_with("ing"))
            })
        {
            return None;
        }
        // "said:" — the colon belongs to the cue.
        let mut cue_end = after;
        // "said in a statement", "wrote in an email": the medium belongs to the cue.
        if verb.class == VerbClass::Speech
            && hit.form == 2
            && self.toks.get(after).is_some_and(|t| t.lower == "in")
            && self
                .toks
                .get(after + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"))
            && self.toks.get(after + 2).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "statement" | "tweet" | "email" | "letter" | "post"
                )
            })
            && after + 3 <= u.t1
        {
            cue_end = after + 3;
        }
        let next_lower = self
            .toks
            .get(cue_end)
            .filter(|_| cue_end < u.t1)
            .map_or("", |t| t.lower.as_str());
        let weekday = text::calendar::weekday_number(next_lower).is_some();
        // "said of Trump, …", "asked about", "responded to", "said Tuesday".
        if cue_end == after
            && ((verb.class == VerbClass::Speech && hit.form == 2 && weekday)
                || (next_lower == "of" && matches!(verb.forms[0], "say" | "write"))
                || (next_lower == "about" && matches!(verb.forms[0], "ask" | "talk" | "speak"))
                || (next_lower == "to" && matches!(verb.forms[0], "respond" | "reply")))
        {
            cue_end += 1;
        }
        if self
            .toks
            .get(cue_end)
            .is_some_and(|t| t.text == ":" && t.quote.is_none())
            && cue_end < u.t1
        {
            cue_end += 1;
        }
        let cue = self.span_of(cs, cue_end);
        let stance = verb.stance;
        let base = Draft {
            unit: ui,
            source: None,
            cue,
            content: Vec::new(),
            stance,
            via: None,
            wants_next_quote: false,
        };

        // Nested: "Axios cited Yermak as saying (that) …".
        if hit.form == 3 && prev_lower == "as" && cs >= u.t0 + 2 {
            let look_from = cs.saturating_sub(10).max(u.t0);
            if let Some(k) = (look_from..cs - 1).rev().find(|&k| {
                matches!(
                    self.toks[k].lower.as_str(),
                    "cited" | "quoted" | "citing" | "quoting" | "cites" | "quotes"
                )
            }) {
                // "Smith is quoted as saying": the subject is the source.
                if k + 1 == cs - 1 && k > u.t0 && BE.contains(&self.toks[k - 1].lower.as_str()) {
                    let subject = self.left_np(u, self.chain_start(u, k))?;
                    let content = self.content_after(u, cue_end, verb.class)?;
                    return Some((
                        Draft {
                            source: Some(self.span_of(subject.0, subject.1)),
                            content: vec![content],
                            cue: self.span_of(self.chain_start(u, k), after),
                            ..base
                        },
                        after,
                    ));
                }
                if k + 1 < cs - 1 {
                    let source = self.span_of(k + 1, cs - 1);
                    let via_toks = self.left_np(u, self.chain_start(u, k));
                    let via = via_toks.map(|(a, b)| self.span_of(a, b));
                    // "“…,” Axios cited Yermak as saying.": with nothing after the
                    // cue, what was said stands before the reporter.
                    let content: Vec<Span> = match self.content_after(u, cue_end, verb.class) {
                        Some(c) => vec![c],
                        None => via_toks
                            .filter(|&(a, _)| a > u.t0)
                            .map(|(a, _)| {
                                let mut b = a - 1;
                                if self.toks[b].text == "," && b > u.t0 {
                                    b -= 1;
                                }
                                self.content_before(u, b)
                            })
                            .unwrap_or_default(),
                    };
                    let cue = self.span_of(cs - 1, after);
                    return Some((
                        Draft {
                            source: Some(source),
                            via,
                            content,
                            cue,
                            ..base
                        },
                        after,
                    ));
                }
            }
            return None;
        }

        // "Asked by Ann Smith whether …, she said" / "…, as first reported by the
        // Times.": a reduced passive opening a clause; its agent is the source.
        // The clause openers before "(When) asked …" / "as reported …".
        let after_opener = cs == u.t0
            || matches!(
                prev_lower,
                "when" | "if" | "after" | "once" | "while" | "as"
            );
        let opens_clause = after_opener
            || (matches!(prev_lower, "first" | "originally" | "previously")
                && cs >= u.t0 + 2
                && self.toks[cs - 2].lower == "as");
        if reduced_passive && opens_clause {
            let k = by_at?;
            let (sa, sb) = self.agent_np(u, k + 1)?;
            let source = Some(self.span_of(sa, sb));
            let content = if verb.forms[0] == "ask" {
                // "Asked by Smith to respond to …,": what was asked.
                let mut e = sb;
                while e < u.t1 && self.toks[e].text != "," {
                    e += 1;
                }
                (e > sb).then(|| self.span_of(sb, e)).into_iter().collect()
            } else {
                // "as reported by the Times": the clause before the comma, or the
                // one after it when the phrase opens the sentence.
                let comma_before = (u.t0..cs).rev().find(|&k| self.toks[k].text == ",");
                match comma_before {
                    Some(c) if c + 3 >= cs => self.content_before(u, c),
                    _ => {
                        let comma_after = (sb..u.t1).find(|&k| self.toks[k].text == ",");
                        comma_after
                            .and_then(|c| self.rest_of_unit(u, c + 1))
                            .into_iter()
                            .collect()
                    }
                }
            };
            if content.is_empty() {
                return None;
            }
            return Some((
                Draft {
                    source,
                    content,
                    cue: self.span_of(i, after),
                    ..base
                },
                sb,
            ));
        }
        // Passive: "it was reported that …", "X is expected to …".
        if passive {
            let by_source = by_at.and_then(|k| {
                if reduced_passive {
                    self.agent_np(u, k + 1)
                } else {
                    // "was assailed by Trump and called ungrateful by Vance": the
                    // agent ends before a coordinated verb.
                    self.right_np(u, k + 1).map(|(a, b)| {
                        let verb_after = |j: usize| {
                            self.toks.get(j + 1).is_some_and(|n| {
                                n.word
                                    && !n.cap
                                    && (self.verb_at(j + 1).is_some() || n.lower.ends_with("ed"))
                            })
                        };
                        let cut = (a + 1..b).find(|&j| {
                            matches!(self.toks[j].lower.as_str(), "and" | "or") && verb_after(j)
                        });
                        (a, cut.unwrap_or(b))
                    })
                }
            });
            // "The bank, which has held rates, is expected to …".
            let subject = self
                .left_np(u, cs)
                .or_else(|| self.apposition_source(u, cs));
            let subj_is_it = subject.is_some_and(|(a, b)| b == a + 1 && self.toks[a].lower == "it");
            let mut content = Vec::new();
            let rest_from = by_source.map_or(after, |(_, b)| b);
            if subj_is_it {
                content.extend(self.content_after(u, rest_from, verb.class));
            } else if let Some((a, b)) = subject {
                // A reduced passive modifies the nearest noun phrase: "compromise
                // on the core objectives outlined by …" → "the core objectives".
                let a = if reduced_passive {
                    (a..b)
                        .rev()
                        .find(|&k| PREPOSITIONS.contains(&self.toks[k].lower.as_str()))
                        .map_or(a, |k| k + 1)
                } else {
                    a
                };
                if a < b {
                    content.push(self.span_of(a, b));
                }
                if !reduced_passive
                    && self
                        .toks
                        .get(rest_from)
                        .is_some_and(|t| matches!(t.lower.as_str(), "to" | "as" | "that"))
                {
                    content.extend(self.content_after(u, rest_from, verb.class));
                }
            }
            let cue = if subj_is_it {
                cue
            } else {
                self.span_of(cs, after)
            };
            return Some((
                Draft {
                    source: by_source.map(|(a, b)| self.span_of(a, b)),
                    content,
                    cue,
                    ..base
                },
                after,
            ));
        }

        // "Noting that the policy failed, Trump called for …": a participle
        // opening the sentence; the main clause's subject is its source.
        if hit.form == 3 && cs == u.t0 && self.toks[i].cap {
            let comma = (after..u.t1).find(|&k| self.toks[k].text == ",")?;
            let content =
                self.trim_span(self.toks[after].span.start, self.toks[comma].span.start)?;
            let (sa, sb) = self.agent_np(u, comma + 1)?;
            let first = &self.toks[sa];
            if !(first.cap || PRONOUNS.contains(&first.lower.as_str())) {
                return None;
            }
            return Some((
                Draft {
                    source: Some(self.span_of(sa, sb)),
                    content: vec![content],
                    ..base
                },
                comma,
            ));
        }
        // "Said Dorothy Poynter, who grew up with him, “…”": an inverted cue
        // opening the sentence; the source's quote follows it.
        if cs == u.t0
            && self.toks[i].cap
            && verb.class == VerbClass::Speech
            && hit.form == 2
            && next.is_some_and(|t| t.cap && t.word)
        {
            let (a, b) = self.right_np(u, after)?;
            let q = (b..u.t1).find(|&k| self.is_open_quote_tok(k))?;
            let quote = self.toks[q].quote?;
            return Some((
                Draft {
                    source: Some(self.span_of(a, b)),
                    content: vec![self.quotes[quote].span],
                    ..base
                },
                b,
            ));
        }
        let before_boundary = prev.is_some_and(|t| t.text == "," || is_dash(t.text))
            || self.is_close_quote_tok(cs.wrapping_sub(1));

        // "When asked about …," / "Asked whether …": no source.
        if hit.form == 2 && VERBS[hit.verb].forms[0] == "ask" && after_opener {
            let mut e = after;
            while e < u.t1 && self.toks[e].text != "," {
                e += 1;
            }
            if e > after {
                let content = self.span_of(after, e);
                return Some((
                    Draft {
                        content: vec![content],
                        ..base
                    },
                    after,
                ));
            }
            return None;
        }
        // Participle: "…, adding that …" — the source is the clause's subject.
        if hit.form == 3
            && (prev.is_some_and(|t| t.text == ",")
                || self.is_close_quote_tok(cs.wrapping_sub(1))
                || matches!(prev_lower, "by" | "before" | "while" | "after"))
        {
            let source = earlier
                .iter()
                .rev()
                .find(|d| d.unit == ui && d.source.is_some())
                .and_then(|d| d.source)
                .or_else(|| self.main_subject(u, cs));
            let content = self.content_after(u, cue_end, verb.class)?;
            return Some((
                Draft {
                    source,
                    content: vec![content],
                    ..base
                },
                after,
            ));
        }

        // Inverted: "…,” said Ann Smith, a senator." Not after a subject with its
        // apposition: "Ann Smith, a senator, said Clinton …".
        let subject_with_apposition = || {
            !self.is_close_quote_tok(cs.wrapping_sub(1))
                && self
                    .apposition_source(u, cs)
                    .is_some_and(|(a, _)| a == u.t0)
        };
        // "“…?” asked Mr. Manafort": after a quote a Tell verb inverts too.
        let inverts = verb.class == VerbClass::Speech
            || (verb.class == VerbClass::Tell
                && verb.forms[0] == "ask"
                && self.is_close_quote_tok(cs.wrapping_sub(1)));
        if before_boundary && inverts && hit.form != 3 && !has_aux && !subject_with_apposition() {
            let after_quote = self.is_close_quote_tok(cs.wrapping_sub(1))
                || (prev.is_some_and(|t| t.text == ",")
                    && self.is_close_quote_tok(cs.wrapping_sub(2)))
                || (after + 1..(after + 4).min(u.t1))
                    .any(|k| self.toks[k].cap && self.toks[k].word);
            let starts_np = next.is_some_and(|t| {
                (t.cap && t.word && !TIME_WORDS.contains(&t.lower.as_str()))
                    || matches!(
                        t.lower.as_str(),
                        "a" | "an" | "the" | "another" | "one" | "he" | "she"
                    )
                    || (after_quote
                        && t.word
                        && !matches!(t.lower.as_str(), "that" | "it" | "to" | "in" | "on" | "of")
                        && !TIME_WORDS.contains(&t.lower.as_str()))
            }) && next.is_some_and(|t| !PREPOSITIONS.contains(&t.lower.as_str()));
            if starts_np {
                // "Chris Ode, who runs the group, says the plan …" is an apposition
                // before a plain cue, not an inverted one: the right side is a clause.
                let inverted = self
                    .right_np(u, after)
                    .filter(|&(a, b)| {
                        // The head of the phrase (before ", who …") must not be a clause.
                        // (or before a parenthesis: "said Mr. Burman (a view echoed by …)").
                        // (or before a relative clause: "said a Mexican official
                        // who was not authorized to speak").
                        let head_end = (a..b)
                            .find(|&k| {
                                matches!(self.toks[k].text, "," | "(")
                                    || (k > a
                                        && matches!(
                                            self.toks[k].lower.as_str(),
                                            "who" | "whose" | "which"
                                        ))
                                    // After a quote, "said one owner of a shop that
                                    // sells …": a relative clause on the source.
                                    || (after_quote
                                        && k > a + 1
                                        && self.toks[k].lower == "that"
                                        && self.toks[k - 1].word
                                        && !self.toks[k - 1].cap)
                            })
                            .unwrap_or(b);
                        let head = &self.toks[a..head_end];
                        let clause_like = head.iter().enumerate().any(|(k, t)| {
                            (is_aux_verb(&t.lower) && !self.aux_in_name(u, a + k))
                            // "said the videos show …": a present reporting verb
                            // makes the right side a clause; as the head's last
                            // word it is a noun ("said another leading Supreme
                            // Court advocate, Andrew Pincus").
                            || (k > 0
                                && a + k + 1 < head_end
                                && self.verb_at(a + k).is_some_and(|h| h.form <= 1))
                            || t.lower == "that"
                            || (k > 0
                                && matches!(
                                    t.lower.as_str(),
                                    "he" | "she" | "they" | "we" | "i" | "it"
                                ))
                        }) || (head.len() > 12 && !head[0].cap);
                        // "tweeted a warning": a determiner phrase must name a person.
                        let vague = head.first().is_some_and(|t| {
                            matches!(t.lower.as_str(), "a" | "an" | "the" | "another" | "one")
                        }) && !head.iter().skip(1).any(|t| {
                            t.cap
                                || lexicon::DESCRIPTOR_HEADS.contains(&t.lower.as_str())
                                || crate::entities::ROLE_HEADS.contains(&t.lower.as_str())
                        });
                        !clause_like && (!vague || after_quote)
                    })
                    .map(|(a, b)| {
                        // A long parenthesis after the name is a comment on the
                        // quote, not part of the source ("(D-Md.)" is).
                        match (a..b).find(|&k| self.toks[k].text == "(") {
                            Some(p) if p > a && b - p > 6 => (a, p),
                            _ => (a, b),
                        }
                    });
                if let Some((a, b)) = inverted {
                    let mut content = self.content_before(u, cs - 1);
                    match self.quote_after(u, b) {
                        Some(q) => content.push(q),
                        None => {
                            if b < u.t1 && self.toks[b].text == "," && !content.is_empty() {
                                content.extend(self.parenthetical_rest(u, b));
                            }
                        }
                    }
                    if !content.is_empty() {
                        return Some((
                            Draft {
                                source: Some(self.span_of(a, b)),
                                content,
                                ..base
                            },
                            b,
                        ));
                    }
                }
            }
        }

        let left = self
            .reduced_relative_subject(u, cs)
            .or_else(|| self.relative_subject(u, cs))
            .or_else(|| self.left_np(u, cs))
            .or_else(|| self.before_dash_aside(u, cs))
            .or_else(|| self.before_comma_aside(u, cs))
            .or_else(|| self.apposition_source(u, cs))
            .or_else(|| self.long_subject(u, cs, prev));
        // Coordinated: "She blamed … and said it was …"; also when the phrase left
        // of "and" is the object of an earlier cue of this unit ("She thanked the
        // staff and called them …").
        let continues_earlier = earlier.iter().any(|d| {
            d.unit == ui
                && d.source.is_some()
                && d.content.iter().any(|c| c.contains(self.toks[i].span))
        });
        // "has been widely leaked and reported on": a participle coordinated with a
        // passive one is passive too, with no speaker of its own here.
        // Also "was assailed by Trump and called ungrateful by Vance": a
        // participle with its own "by" agent after a passive.
        let own_agent = (after..(after + 6).min(u.t1))
            .take_while(|&k| self.toks[k].word)
            .any(|k| self.toks[k].lower == "by");
        let passive_pair = hit.form == 2
            && cs >= u.t0 + 2
            && (self.toks[cs - 2].lower.ends_with("ed") || own_agent)
            && (cs.saturating_sub(8).max(u.t0)..cs - 2)
                .any(|k| BE.contains(&self.toks[k].lower.as_str()));
        if (left.is_none() || continues_earlier)
            && matches!(prev_lower, "and" | "but")
            && !passive_pair
        {
            let source = earlier
                .iter()
                .rev()
                .find(|d| d.unit == ui && d.source.is_some())
                .and_then(|d| d.source)
                .or_else(|| self.main_subject(u, cs))?;
            let content = self.content_after(u, cue_end, verb.class)?;
            // "promised more meetings and continued talks": "continue" reports
            // speech only before a quotation or a colon, here as before a subject.
            if verb.forms[0] == "continue" && !self.opens_quote_or_colon(cue_end, Some(content)) {
                return None;
            }
            return Some((
                Draft {
                    source: Some(source),
                    content: vec![content],
                    ..base
                },
                after,
            ));
        }
        // Infinitive after a verb phrase: "He went on to say …", "She took pains to
        // explain …": the source is the clause subject.
        if left.is_none()
            && prev_lower == "to"
            && hit.form == 0
            // "went to see the ice": a trip, not a view.
            && !(verb.class == VerbClass::Attitude
                && matches!(
                    self.toks[cs - 2].lower.as_str(),
                    "went" | "go" | "goes" | "going" | "came" | "come" | "flew" | "traveled"
                        | "travelled" | "headed"
                ))
            && cs >= u.t0 + 2
            && self.verb_at(cs - 2).is_none()
            && !OBJECT_WORDS.contains(&self.toks[cs - 2].lower.as_str())
            && !self.toks[cs - 2].cap
            && !earlier
                .iter()
                .any(|d| d.unit == ui && d.content.iter().any(|c| c.contains(self.toks[i].span)))
        {
            let source = self.main_subject(u, cs - 1)?;
            let content = self.content_after(u, cue_end, verb.class)?;
            // The cue is the whole verb phrase, which must follow the subject
            // closely ("went out of his way to say").
            let phrase_start = self.tok_at(source.end);
            let close = phrase_start < cs
                && cs - phrase_start <= 8
                && self.toks[phrase_start..cs]
                    .iter()
                    .all(|t| t.word && t.quote.is_none());
            if !close {
                return None;
            }
            let cue = self.span_of(phrase_start, cue_end);
            return Some((
                Draft {
                    source: Some(source),
                    content: vec![content],
                    cue,
                    ..base
                },
                after,
            ));
        }
        // Post-position: "…, a source said." / "“…,” he said."
        if let Some((a, b)) = left {
            let boundary = a.checked_sub(1).filter(|&p| p >= u.t0);
            let after_boundary = boundary.is_some_and(|p| {
                let t = &self.toks[p];
                t.text == "," || is_dash(t.text) || self.is_close_quote_tok(p)
            });
            let after_quote = boundary.is_some_and(|p| self.is_close_quote_tok(p))
                || boundary.is_some_and(|p| {
                    p > u.t0 && self.toks[p].text == "," && self.is_close_quote_tok(p - 1)
                });
            // "Noting that …, Trump called for …": a participle opening the
            // sentence is no content of the main verb.
            let participle_opener = self.toks[u.t0].cap
                && self.toks[u.t0].lower.ends_with("ing")
                && self.toks[u.t0].lower.len() > 5;
            let subordinate_opener = !after_quote
                && (participle_opener
                    || matches!(
                        self.toks[u.t0].lower.as_str(),
                        "when"
                            | "if"
                            | "after"
                            | "before"
                            | "asked"
                            | "while"
                            | "since"
                            | "because"
                            | "although"
                            | "though"
                            | "once"
                            | "unless"
                    ))
                && self.toks[after..u.t1].iter().any(|t| t.word);
            // An attitude or evidence verb reports what came before only when
            // it ends the sentence: "…, other studies have shown."
            let ends_sentence = self.toks[after..u.t1]
                .iter()
                .all(|t| matches!(t.text, "." | "!" | "?"));
            if after_boundary
                && !subordinate_opener
                && (verb.class != VerbClass::Attitude || ends_sentence)
                && self.tail_is_adjunct(u, after, after_quote, verb.class == VerbClass::Tell)
            {
                let content = self.content_before(u, a - 1);
                let mut content = content;
                // "Later, the union agreed to resume talks": a lone adverbial before
                // the comma is no content.
                let adverbial = content.len() == 1 && {
                    let (k0, k1) = (self.tok_at(content[0].start), self.tok_at(content[0].end));
                    let words: Vec<usize> = (k0..k1).filter(|&k| self.toks[k].word).collect();
                    words.iter().all(|&k| {
                        let w = self.toks[k].lower.as_str();
                        self.is_time_tok(k)
                            || w.ends_with("ly")
                            || TIME_WORDS.contains(&w)
                            || LEADING_ADVERBS.contains(&w)
                            || PREPOSITIONS.contains(&w)
                            || is_determiner(w)
                    })
                };
                if !content.is_empty() && !adverbial {
                    if let Some(q) = self.quote_after(u, cue_end) {
                        content.push(q);
                    } else if let Some(rest) = self.parenthetical_rest(u, after) {
                        content.push(rest);
                    }
                    return Some((
                        Draft {
                            source: Some(self.span_of(a, b)),
                            content,
                            ..base
                        },
                        after,
                    ));
                }
            }
            // "a company called Sansun", "a group dubbed …": naming, not speech.
            if matches!(
                self.toks[i].lower.as_str(),
                "called" | "named" | "dubbed" | "titled" | "labeled"
            ) && (matches!(self.toks[a].lower.as_str(), "a" | "an")
                || self.toks[a..b].iter().all(|t| !t.cap))
                && !matches!(
                    self.toks[a].lower.as_str(),
                    "he" | "she" | "they" | "we" | "i" | "who"
                )
            {
                return None;
            }
            // Pre-position: "Ann Smith said (that) …".
            let source = self.span_of(a, b);
            let impersonal = b == a + 1
                && self.toks[a].lower == "it"
                && matches!(verb.forms[0], "seem" | "appear");
            // "… has said this:" / "… said the following:" announce the quote
            // that comes next, like a bare colon.
            let announces = |t: &Tok| {
                matches!(t.text, ":" | "," | ".")
                    || matches!(t.lower.as_str(), "this" | "the" | "following")
            };
            let ends_with_colon = self.toks[after..u.t1].iter().all(announces)
                && self.toks[after..u.t1].iter().any(|t| t.text == ":");
            let content = if ends_with_colon {
                None
            } else {
                self.content_after(u, cue_end, verb.class)
            };
            if content.is_none() && !ends_with_colon {
                return None;
            }
            if matches!(verb.forms[0], "ask" | "decline" | "refuse" | "want")
                && content.is_some_and(|c| self.asks_anonymity(c))
            {
                return None;
            }
            // Verbs that report speech only with a clause ("maintained that …"),
            // not with an object ("maintained support", "continues to lead").
            // "… if the war continues, “therefore …”": in a conditional or
            // temporal clause the verb goes on, it does not speak.
            let subordinate = (a.saturating_sub(2).max(u.t0)..a).any(|k| {
                matches!(
                    self.toks[k].lower.as_str(),
                    "if" | "unless" | "while" | "until" | "as" | "when" | "once"
                )
            });
            let speaks = self.opens_quote_or_colon(cue_end, content);
            if verb.forms[0] == "continue" && (subordinate || !speaks) {
                return None;
            }
            if matches!(verb.forms[0], "maintain" | "repeat")
                && content.is_some_and(|c| {
                    let t = c.slice(self.text);
                    !(t.starts_with("that ")
                        || t.starts_with(['“', '"', '‘', '\'', '«'])
                        || self
                            .text
                            .get(cue.end..c.start)
                            .is_some_and(|between| between.contains(':')))
                })
            {
                return None;
            }
            // "Axios reported, citing two officials, that …"
            let mut draft = Draft {
                source: (!impersonal).then_some(source),
                content: content.into_iter().collect(),
                wants_next_quote: ends_with_colon,
                ..base
            };
            if let Some((src, rest)) = self.citing(u, after) {
                draft.via = draft.source;
                draft.source = Some(src);
                draft.content = rest.into_iter().collect();
            }
            // "The plan seems to work": an impression with no stated holder; the
            // subject is part of what seems so.
            if matches!(verb.forms[0], "seem" | "appear") && !impersonal {
                draft.source = None;
                draft.content.insert(0, source);
            }
            return Some((draft, after));
        }
        None
    }

    /// "…, citing two officials, that …" right after a cue.
    fn citing(&self, u: &Unit, after: usize) -> Option<(Span, Option<Span>)> {
        if self.toks.get(after)?.text != "," || self.toks.get(after + 1)?.lower != "citing" {
            return None;
        }
        let start = after + 2;
        let mut end = start;
        while end < u.t1 && self.toks[end].text != "," && self.toks[end].lower != "that" {
            end += 1;
        }
        if end == start {
            return None;
        }
        let mut rest = end;
        if rest < u.t1 && self.toks[rest].text == "," {
            rest += 1;
        }
        let content = if rest < u.t1 {
            self.trim_span(self.toks[rest].span.start, u.span.end)
        } else {
            None
        };
        Some((self.span_of(start, end), content))
    }

    /// After a post-position cue: only adjuncts ("on Tuesday", "in a statement",
    /// "to reporters") up to the end of the unit or a comma.
    fn tail_is_adjunct(&self, u: &Unit, after: usize, after_quote: bool, tell: bool) -> bool {
        // After a quote, a long adjunct may follow: "“…,” she said during a speech
        // at the council in New York." / "“…,” she told a crowd of supporters …".
        let limit = if after_quote
            && self.toks.get(after).is_some_and(|t| {
                tell || PREPOSITIONS.contains(&t.lower.as_str())
                    || TIME_WORDS.contains(&t.lower.as_str())
                    || matches!(
                        t.lower.as_str(),
                        "while" | "when" | "as" | "after" | "before"
                    )
                    || t.cap
            }) {
            30
        } else {
            7
        };
        if self.toks.get(after).is_some_and(|t| t.text == ":") {
            return false;
        }
        if limit == 30 {
            // "“…,” Smith said when asked whether …": anything but another quote.
            // A full stop before the next quote ends the adjunct ("“…,” she said
            // on X. “…”", where the splitter took "X." for an initial).
            for (k, t) in self.toks[after..u.t1].iter().enumerate() {
                if t.text == "," {
                    return true;
                }
                if t.quote.is_some() || is_double_quote_mark(t.text) {
                    return false;
                }
                if matches!(t.text, "." | "!" | "?")
                    && k > 0
                    && self.is_open_quote_tok(after + k + 1)
                {
                    return true;
                }
            }
            return true;
        }
        let mut n = 0;
        for (k, t) in self.toks[after..u.t1].iter().enumerate() {
            if t.text == "," || t.text == ";" {
                return true;
            }
            if matches!(t.text, "." | "!" | "?") {
                continue;
            }
            // A reporting verb of its own after a word: "…, X said the footage
            // shows …" is a clause.
            let inner_verb = k > 0 && self.verb_at(after + k).is_some();
            if t.quote.is_some()
                || inner_verb
                || t.lower == "that"
                || is_double_quote_mark(t.text)
                || (is_aux_verb(&t.lower) && !self.aux_in_name(u, after + k))
                || matches!(t.lower.as_str(), "he" | "she" | "they" | "we" | "i" | "it")
            {
                return false;
            }
            n += 1;
            if n > limit {
                return false;
            }
        }
        true
    }

    /// A quote opening right after token `k` (after an optional comma or colon):
    /// the second half of "“X,” she said, “Y.”".
    fn quote_after(&self, u: &Unit, k: usize) -> Option<Span> {
        let mut j = k;
        // Skip a short addressee or adjunct: "he told reporters, “…”".
        while j < u.t1 && j < k + 4 && self.toks[j].word && self.toks[j].quote.is_none() {
            j += 1;
        }
        // "“…,” she said on X. “…”": a full stop the splitter took for an
        // initial's, then the next quote.
        let stop_then_quote = j < u.t1 && self.toks[j].text == "." && self.is_open_quote_tok(j + 1);
        if j < u.t1 && !matches!(self.toks[j].text, "," | ":") && j > k && !stop_then_quote {
            return None;
        }
        while j < u.t1
            && (matches!(self.toks[j].text, "," | ":")
                || (stop_then_quote && self.toks[j].text == "."))
        {
            j += 1;
        }
        if j < u.t1 && self.is_open_quote_tok(j) {
            let q = self.toks[j].quote?;
            return Some(self.quotes[q].span);
        }
        None
    }

    /// "The plan, he said, is unworkable": the part after the second comma.
    fn parenthetical_rest(&self, u: &Unit, after: usize) -> Option<Span> {
        let comma = (after..u.t1).find(|&k| self.toks[k].text == ",")?;
        let next = self.toks.get(comma + 1).filter(|_| comma + 1 < u.t1)?;
        // ("Democrats, Frank says, applaud …" goes on with the main clause's
        // verb; "…, she said, adding …" starts a cue of its own.)
        if self.verb_at(comma + 1).is_some_and(|h| h.form == 3)
            || matches!(
                next.lower.as_str(),
                "according" | "who" | "which" | "and" | "but"
            )
            || self.is_open_quote_tok(comma + 1)
        {
            return None;
        }
        // "…, said Ann Smith, pointing at the hall": a participle of her own.
        if next.word && !next.cap && next.lower.ends_with("ing") {
            return None;
        }
        // "…, said Ann Smith, on Monday.": a short time or place adjunct.
        let words = self.toks[comma + 1..u.t1].iter().filter(|t| t.word).count();
        if words <= 5
            && (PREPOSITIONS.contains(&next.lower.as_str())
                || TIME_WORDS.contains(&next.lower.as_str()))
        {
            return None;
        }
        // Only when what came before the source was not a complete quote.
        self.trim_span(next.span.start, u.span.end)
    }

    /// The content before a boundary token `b` (a comma, a dash or a closing quote
    /// mark) that precedes a post-position source.
    fn content_before(&self, u: &Unit, b: usize) -> Vec<Span> {
        if b < u.t0 || b >= u.t1 {
            return Vec::new();
        }
        let bt = &self.toks[b];
        // Boundary inside a quote: “…,” said X → the whole quote.
        if let Some(q) = bt.quote {
            let qs = self.quotes[q].span;
            if qs.end == bt.span.end {
                let start = qs.start.max(u.span.start);
                if start == u.span.start || self.text[u.span.start..start].trim().is_empty() {
                    return vec![Span::new(start, qs.end)];
                }
                // Text before the quote belongs to the content too (mixed).
                return self
                    .trim_span(u.span.start, qs.end)
                    .map(|s| Span::new(s.start, qs.end))
                    .into_iter()
                    .collect();
            }
        }
        if b == u.t0 {
            return Vec::new();
        }
        // The clause runs from the unit start (or after a colon) to the boundary.
        let mut start = u.t0;
        for k in (u.t0..b).rev() {
            let t = &self.toks[k];
            if t.quote.is_none() && (t.text == ":" || t.text == ";") {
                start = k + 1;
                break;
            }
        }
        if start >= b {
            return Vec::new();
        }
        let end_tok = &self.toks[b - 1];
        let end = end_tok.span.end;
        let s = self.toks[start].span.start;
        if s >= end {
            return Vec::new();
        }
        vec![Span::new(s, end)]
    }

    /// The noun phrase ending right before token `end` (exclusive), walking left.
    fn left_np(&self, u: &Unit, end: usize) -> Option<(usize, usize)> {
        let (mut a, mut b) = self.left_np_with_adverbs(u, end)?;
        // "Trump, Huckabee and Christie all said": the quantifier after a
        // coordination is not part of it, and the list's earlier names are.
        if b > a + 1 && matches!(self.toks[b - 1].lower.as_str(), "all" | "both") {
            b -= 1;
        }
        if (a..b).any(|k| self.toks[k].lower == "and") {
            a = self.list_start(u, a);
        }
        // "Even Lindsey Graham said", "Ultimately 54.6 percent of the electorate
        // backed …": a sentence adverb before the phrase is not part of it.
        while a + 1 < b
            && self.toks[a].word
            && LEADING_ADVERBS.contains(&self.toks[a].lower.as_str())
        {
            a += 1;
        }
        Some((a, b))
    }

    /// "Hillary Clinton, Bernie Sanders and Martin O'Malley": from the start `a` of
    /// a coordination, the start of the list of names before it, each item after
    /// a comma (a name of at most four words, not a time, a preposition or a
    /// sentence adverb).
    fn list_start(&self, u: &Unit, mut a: usize) -> usize {
        while a >= u.t0 + 2 && self.toks[a - 1].text == "," {
            let comma = a - 1;
            let mut start = comma;
            while start > u.t0 {
                let t = &self.toks[start - 1];
                let title_dot = t.text == "."
                    && start >= u.t0 + 2
                    && TITLE_ABBREVIATIONS.contains(&self.toks[start - 2].lower.as_str());
                if (t.word && t.cap && t.quote.is_none()) || title_dot {
                    start -= 1;
                } else {
                    break;
                }
            }
            let opens = start == u.t0 || self.toks[start - 1].text == ",";
            let plain_name = (start..comma).all(|k| {
                let w = self.toks[k].lower.as_str();
                !PREPOSITIONS.contains(&w)
                    && !NP_STOP.contains(&w)
                    && !TIME_WORDS.contains(&w)
                    && !LEADING_ADVERBS.contains(&w)
                    && !self.is_time_tok(k)
            });
            // "Subsequently, the US and Ukraine agree": one capitalised word
            // opening the sentence before a comma is a sentence adverb.
            let lone_opener = start == u.t0 && comma - start == 1;
            let adverb = (start..comma).any(|k| self.toks[k].lower.ends_with("ly"));
            if start == comma || comma - start > 4 || !opens || !plain_name || lone_opener || adverb
            {
                break;
            }
            a = start;
        }
        a
    }

    /// [`Analyzer::left_np`] before its edges are settled: a sentence adverb
    /// opening the phrase is still in, a list's earlier names are not yet.
    fn left_np_with_adverbs(&self, u: &Unit, end: usize) -> Option<(usize, usize)> {
        if end <= u.t0 {
            return None;
        }
        // Trailing adverbs and time words are not part of the source
        // ("Ann Smith on Tuesday said", "Smith openly said").
        let mut end = end;
        while end > u.t0 + 1 {
            let t = &self.toks[end - 1];
            let w = t.lower.as_str();
            let adverb = !t.cap
                && w.len() > 4
                && w.ends_with("ly")
                && !matches!(
                    w,
                    "family" | "ally" | "italy" | "supply" | "rally" | "assembly"
                );
            // "who in 2010 said": a year, with its preposition.
            let time_prep = |k: usize| {
                matches!(
                    self.toks[k].lower.as_str(),
                    "in" | "on" | "during" | "since"
                )
            };
            let year = (is_year(t.text) && end >= u.t0 + 3 && time_prep(end - 2))
                || (time_prep(end - 1) && self.toks.get(end).is_some_and(|n| is_year(n.text)));
            if t.quote.is_none()
                && t.word
                && (adverb
                    || year
                    || TIME_WORDS.contains(&w)
                    || (AUX.contains(&w) && !is_aux_verb(w)))
            {
                end -= 1;
            } else {
                break;
            }
        }
        let last = &self.toks[end - 1];
        if last.quote.is_some() {
            return None;
        }
        if matches!(last.lower.as_str(), "who" | "which") {
            return Some((end - 1, end));
        }
        // "families, many of whom say …": the quantifier and its relative.
        if last.lower == "whom"
            && end >= u.t0 + 3
            && self.toks[end - 2].lower == "of"
            && self.toks[end - 3].word
        {
            return Some((end - 3, end));
        }
        let mut a = end;
        while a > u.t0 {
            let t = &self.toks[a - 1];
            if t.quote.is_some() {
                break;
            }
            if !t.word {
                let keep = match t.text {
                    "." => {
                        a >= u.t0 + 2 && {
                            let p = &self.toks[a - 2];
                            TITLE_ABBREVIATIONS.contains(&p.lower.as_str())
                                || (p.cap && p.text.chars().count() == 1)
                        }
                    }
                    "'" | "\u{2019}" => {
                        a < end
                            && ((self.toks[a].lower == "s"
                                && self.toks[a].span.start == t.span.end)
                                // a plural possessive: "the Financial Times’ correspondent"
                                || (a >= u.t0 + 2
                                    && self.toks[a - 2].word
                                    && self.toks[a - 2].lower.ends_with('s')
                                    && self.toks[a - 2].span.end == t.span.start
                                    && self.toks[a].word))
                    }
                    "&" | "%" | "$" => a < end || t.text == "%",
                    // "A USA Today/Suffolk University poll": a slash inside a name.
                    "/" => {
                        a < end
                            && a >= u.t0 + 2
                            && self.toks[a].word
                            && self.toks[a - 2].word
                            && self.toks[a - 2].span.end == t.span.start
                            && t.span.end == self.toks[a].span.start
                    }
                    ")" => {
                        // "Sen. Ann Smith (D-Utah) said": jump over a short parenthesis.
                        if let Some(open) = (a.saturating_sub(8).max(u.t0)..a - 1)
                            .rev()
                            .find(|&k| self.toks[k].text == "(")
                        {
                            a = open + 1;
                            true
                        } else {
                            false
                        }
                    }
                    _ => false,
                };
                if !keep {
                    break;
                }
                a -= 1;
                continue;
            }
            let w = t.lower.as_str();
            // "That person said": a demonstrative opening the phrase.
            let demonstrative = matches!(w, "that" | "this" | "these" | "those")
                && a < end
                && self.toks[a].word
                && !self.toks[a].cap
                && !is_determiner(&self.toks[a].lower)
                && (a - 1 == u.t0 || !self.toks[a - 2].word);
            if demonstrative {
                a -= 1;
                break;
            }
            // "Theresa May said", "Will Hurd said": a capitalised word inside a
            // name is part of it.
            // (Only a verb-like word can be a name: "Will", "May"; "If Ukraine
            // rejects …" opens a clause.)
            let in_name = is_aux_verb(w)
                && ((t.cap && a >= u.t0 + 2 && self.toks[a - 2].cap && self.toks[a - 2].word)
                    || self.aux_in_name(u, a - 1));
            if (NP_STOP.contains(&w) || is_aux_verb(w)) && !in_name {
                break;
            }
            if w == "and" || w == "or" {
                let left_word =
                    a >= u.t0 + 2 && self.toks[a - 2].word && self.verb_at(a - 2).is_none();
                let right_ok = a < end
                    && self.toks[a].word
                    && !PRONOUNS.contains(&self.toks[a].lower.as_str())
                    && (self.toks[a].cap || end - a <= 3);
                if !(left_word && right_ok) {
                    break;
                }
            }
            if let Some(h) = self.verb_at(a - 1) {
                // "the planning", "his reporting": a gerund after a determiner is a
                // noun.
                let gerund_noun =
                    h.form == 3 && a >= u.t0 + 2 && is_determiner(&self.toks[a - 2].lower);
                // "the Ridge Herald reported": a capitalised verb form after a
                // capitalised word, outside a title-case line, is part of a name.
                let in_name = t.cap
                    && a >= u.t0 + 2
                    && self.toks[a - 2].cap
                    && self.toks[a - 2].word
                    && !self.title_case(u);
                if (!VERBS[h.verb].noun_like || h.form >= 2) && !gerund_noun && !in_name {
                    break;
                }
            }
            // A lower-case past form after a name or pronoun is a verb: "Smith went
            // on Twitter to say", "Schlafly invoked the title …".
            if a < end && !t.cap && a >= u.t0 + 2 {
                let before = &self.toks[a - 2];
                let verbish = w.ends_with("ed") || COMMON_VERBS.contains(&w);
                // "people briefed on the talks", "officials involved in it" are
                // noun phrases with a participle.
                let participle_modifier = self.toks.get(a).is_some_and(|n| {
                    matches!(
                        n.lower.as_str(),
                        "on" | "by" | "with" | "in" | "about" | "to" | "for"
                    )
                });
                if verbish
                    && !participle_modifier
                    && (before.cap || PRONOUNS.contains(&before.lower.as_str()))
                    && before.word
                {
                    break;
                }
            }
            // "a source close to him", "an adviser to the governor": "to" inside a
            // noun phrase.
            let np_to = w == "to"
                && a >= u.t0 + 2
                && matches!(
                    self.toks[a - 2].lower.as_str(),
                    "close"
                        | "closer"
                        | "loyal"
                        | "next"
                        | "adviser"
                        | "advisor"
                        | "aide"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "ambassador"
                        | "secretary"
                        | "counselor"
                        | "envoy"
                        | "successor"
                        | "heir"
                        | "ties"
                        | "links"
                        | "connections"
                        | "linked"
                        | "connected"
                        | "allied"
                );
            // "we heard Putin say": the perception verb's object is the source.
            let perception = !t.cap
                && matches!(
                    w,
                    "heard" | "hear" | "hears" | "saw" | "see" | "sees" | "watched" | "watch"
                );
            if (COMMON_VERBS.contains(&w) && !np_to) || perception {
                break;
            }
            if end - a >= 20 {
                return None;
            }
            a -= 1;
        }
        // Drop a leading adverbial ("On Monday night Smith said"), but keep "about
        // three in 10", "over half".
        let quantity_follows = self.toks.get(a + 1).is_some_and(|t| {
            t.text.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    t.lower.as_str(),
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "half"
                        | "a"
                        | "a third"
                        | "dozen"
                        | "dozens"
                )
        });
        // "In 2015 Smith said": a year after the preposition is a time, not a
        // quantity.
        let year_follows = self.toks.get(a + 1).is_some_and(|t| is_year(t.text));
        if a < end
            && PREPOSITIONS.contains(&self.toks[a].lower.as_str())
            && (!quantity_follows || year_follows)
        {
            let mut b = end;
            while b > a && (self.toks[b - 1].cap || self.toks[b - 1].text == ".") {
                b -= 1;
            }
            if b == end {
                // "In September she said": the subject pronoun after the adverbial.
                let last = self.toks[end - 1].lower.as_str();
                if end >= a + 2 && matches!(last, "he" | "she" | "i" | "we" | "they") {
                    return Some((end - 1, end));
                }
                return None;
            }
            a = b;
        }
        // A subject pronoun inside the chunk is the source: "naturally he said".
        if let Some(p) = (a + 1..end).rev().find(|&k| {
            matches!(
                self.toks[k].lower.as_str(),
                "he" | "she" | "i" | "we" | "they" | "me"
            )
        }) {
            return Some((p, p + 1));
        }
        // Drop a leading conjunction, interjection or time word ("Earlier Smith said").
        while a + 1 < end
            && (matches!(self.toks[a].lower.as_str(), "and" | "so" | "but" | "yet")
                || (TIME_WORDS.contains(&self.toks[a].lower.as_str()) && self.toks[a + 1].cap))
        {
            a += 1;
        }
        while a < end && !self.toks[a].word && !is_quote_char(self.toks[a].text) {
            a += 1;
        }
        if a >= end || !self.toks[a..end].iter().any(|t| t.word) {
            return None;
        }
        // A lone lower-case word that is not a pronoun or a plural is rarely a source
        // (but a role is, in headline style: "Investment, official says, helped").
        if end - a == 1 {
            let w = self.toks[a].lower.as_str();
            let t = &self.toks[a];
            if !t.cap
                && !PRONOUNS.contains(&w)
                && !crate::entities::ROLE_HEADS.contains(&w)
                && !w.ends_with('s')
                && !matches!(
                    w,
                    "who"
                        | "many"
                        | "some"
                        | "most"
                        | "few"
                        | "all"
                        | "both"
                        | "one"
                        | "another"
                        | "several"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "police"
                        | "staff"
                        | "government"
                        | "military"
                        | "management"
                        | "leadership"
                        | "administration"
                        | "prosecution"
                        | "defense"
                        | "half"
                        | "others"
                )
                && !w.starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
        }
        Some((a, end))
    }

    /// "Donald Trump - who said he would … - said at a rally": the noun phrase
    /// before an aside set off by dashes right before the cue.
    fn before_dash_aside(&self, u: &Unit, cs: usize) -> Option<(usize, usize)> {
        let close = cs.checked_sub(1).filter(|&p| p > u.t0)?;
        if !is_dash(self.toks[close].text) {
            return None;
        }
        let open = (close.saturating_sub(40).max(u.t0 + 1)..close)
            .rev()
            .find(|&k| is_dash(self.toks[k].text))?;
        // "A US official that I've asked about the reports - that … - has said
        // this:": the sentence's opening noun phrase, before a relative clause
        // that runs up to the aside.
        let relative = (open.saturating_sub(12).max(u.t0 + 1)..open)
            .rev()
            .take_while(|&k| {
                let t = &self.toks[k];
                t.quote.is_none() && !matches!(t.text, "," | ";" | ":" | "(" | ")")
            })
            .filter(|&k| matches!(self.toks[k].lower.as_str(), "that" | "who" | "whom"))
            .last();
        if let Some((a, b)) = relative.and_then(|k| self.left_np(u, k)) {
            if a == u.t0 {
                return Some((a, b));
            }
        }
        let (a, b) = self.left_np(u, open)?;
        self.toks[a..b]
            .iter()
            .any(|t| t.cap && t.word)
            .then_some((a, b))
    }

    /// "The groups who wrote to her on Thursday say …", "organizations that have
    /// endorsed him say …": a subject with a relative clause of its own (the
    /// relative pronoun followed by its verb, no punctuation up to the cue).
    fn relative_subject(&self, u: &Unit, cs: usize) -> Option<(usize, usize)> {
        let lo = cs.saturating_sub(15).max(u.t0 + 1);
        for k in (lo..cs).rev() {
            let t = &self.toks[k];
            if t.quote.is_some() || !t.word {
                return None;
            }
            if !matches!(t.lower.as_str(), "who" | "that") {
                continue;
            }
            // The relative's own verb right after it, perhaps after an adverb.
            let mut v = k + 1;
            if v < cs && (self.toks[v].lower.ends_with("ly") || self.toks[v].lower == "also") {
                v += 1;
            }
            // A subject relative ("who wrote", "that have endorsed"), not an object
            // one ("that the report said", "that he said").
            let verb = |k: usize| {
                let t = &self.toks[k];
                let w = t.lower.as_str();
                t.word
                    && !t.cap
                    && !is_determiner(w)
                    && !matches!(
                        w,
                        "many" | "some" | "most" | "all" | "few" | "several" | "both" | "each"
                    )
                    && !PREPOSITIONS.contains(&w)
                    && !PRONOUNS.contains(&w)
                    && !w.starts_with(|c: char| c.is_ascii_digit())
            };
            // Not an infinitive cue ("who risked their lives to defend").
            let infinitive = self.toks[cs].lower == "to" || self.toks[cs - 1].lower == "to";
            if v + 1 >= cs || !verb(v) || infinitive {
                return None;
            }
            // One clause up to the cue: after the relative's verb group ("have
            // long endorsed"), no cue verb or subject pronoun of its own.
            let mut g = v + 1;
            while g < cs && {
                let w = self.toks[g].lower.as_str();
                is_aux_verb(w) || w.ends_with("ly") || self.verb_at(g).is_some()
            } {
                g += 1;
            }
            // A passive after "be" is no cue of its own ("who asked not to be
            // named").
            let passive =
                |j: usize| matches!(self.toks[j - 1].lower.as_str(), "be" | "been" | "being");
            if (g..cs).any(|j| {
                (self.verb_at(j).is_some() && !passive(j))
                    || matches!(
                        self.toks[j].lower.as_str(),
                        "he" | "she" | "they" | "we" | "i" | "it" | "and" | "or" | "but"
                    )
            }) {
                return None;
            }
            // The head noun before the pronoun: a word, not a verb ("said that").
            let before = &self.toks[k - 1];
            if !before.word
                || self.verb_at(k - 1).is_some()
                || COMMON_VERBS.contains(&before.lower.as_str())
                || is_aux_verb(&before.lower)
                || PRONOUNS.contains(&before.lower.as_str()) && before.lower != "those"
            {
                return None;
            }
            let (a, _) = self.left_np(u, k)?;
            return Some((a, cs));
        }
        None
    }

    /// "Ann Smith, a senator from Utah, said": the subject with its apposition,
    /// trailing comma included, when the cue follows a comma.
    /// "Ann Ross, who calls the plan “a trap,” said …", "Ross, citing the memo,
    /// said …": the subject before an aside between commas that opens with a
    /// relative pronoun or a participle (the aside's own cue is read separately).
    fn before_comma_aside(&self, u: &Unit, cs: usize) -> Option<(usize, usize)> {
        let mut close = cs.checked_sub(1).filter(|&k| k > u.t0)?;
        while close > u.t0 && is_quote_char(self.toks[close].text) {
            close -= 1;
        }
        if self.toks[close].text != "," {
            return None;
        }
        let open = (u.t0 + 1..close).rev().find(|&j| {
            self.toks[j].text == ","
                && self.toks[j].quote.is_none()
                && (matches!(self.toks[j + 1].lower.as_str(), "who" | "which")
                    || self.verb_at(j + 1).is_some_and(|h| h.form == 3))
        })?;
        self.left_np(u, open)
    }

    fn apposition_source(&self, u: &Unit, cs: usize) -> Option<(usize, usize)> {
        let comma = cs.checked_sub(1).filter(|&p| p >= u.t0)?;
        if self.toks[comma].text != "," || self.toks[comma].quote.is_some() {
            return None;
        }
        let mut a = comma;
        while a > u.t0 {
            let t = &self.toks[a - 1];
            if t.quote.is_some() || matches!(t.text, ":" | ";") || is_dash(t.text) {
                break;
            }
            a -= 1;
        }
        // Try the clause start, then each point after a comma ("On Monday,
        // however, the director of the agency, Ann Smith, said").
        let mut starts = vec![a];
        starts.extend(
            (a..comma)
                .filter(|&k| self.toks[k].text == ",")
                .map(|k| k + 1),
        );
        for s in starts {
            if comma - s > 40 || comma <= s + 1 {
                continue;
            }
            let first = &self.toks[s];
            if PREPOSITIONS.contains(&first.lower.as_str())
                || (NP_STOP.contains(&first.lower.as_str()) && !self.aux_in_name(u, s))
            {
                continue;
            }
            let inner_comma = (s..comma).any(|k| self.toks[k].text == ",");
            // The phrase before the first comma is a noun phrase, not a clause
            // ("Kiev has rejected …, the paper's correspondent, Ann Smith, reports").
            let clause_before = (s..comma)
                .take_while(|&k| self.toks[k].text != ",")
                .any(|k| {
                    // "One delegate not on the slate, Kelly Smith, told …": a
                    // negation alone is no verb.
                    let w = self.toks[k].lower.as_str();
                    (is_aux_verb(w) && !matches!(w, "not" | "never") && !self.aux_in_name(u, k))
                        || self.verb_at(k).is_some_and(|h| h.form <= 2)
                });
            if clause_before {
                continue;
            }
            // "the director, Ann Smith,", "her lawyer, …", "one of the family's
            // attorneys, …".
            let opens_np = first.cap
                || is_determiner(&first.lower)
                // "81-year-old Parker Eaton, a retired nurse, said".
                || first.text.starts_with(|c: char| c.is_ascii_digit())
                || (matches!(first.lower.as_str(), "one" | "two" | "some" | "several")
                    && self.toks.get(s + 1).is_some_and(|t| t.lower == "of"));
            if opens_np && inner_comma && first.word {
                // "Ann Smith, meanwhile, said" / "Smith, in her dissent, said": the
                // part between the commas is an adverbial, not an apposition.
                let first_comma = (s..comma)
                    .find(|&k| self.toks[k].text == ",")
                    .unwrap_or(comma);
                let middle = &self.toks[first_comma + 1..comma];
                let adverbial = middle.first().is_some_and(|t| {
                    PREPOSITIONS.contains(&t.lower.as_str())
                        || matches!(
                            t.lower.as_str(),
                            "meanwhile"
                                | "according"
                                | "however"
                                | "too"
                                | "though"
                                | "also"
                                | "instead"
                                | "however,"
                                | "in"
                                | "for"
                                | "like"
                                | "unlike"
                                | "as"
                                | "when"
                                | "while"
                                | "after"
                                | "before"
                                | "speaking"
                        )
                        || (middle.len() <= 2 && t.lower.ends_with("ly"))
                        // "Mr. Manafort, citing the polls, said": a participle
                        // phrase.
                        || (!t.cap && t.lower.len() > 4 && t.lower.ends_with("ing"))
                });
                // "The talks come after the union, led by Ann Smith, refused":
                // the phrase before the apposition is a noun phrase ("the union"),
                // not the clause around it.
                let s = self.left_np(u, first_comma).map_or(s, |(a, _)| a.max(s));
                // "Democrats, Frank notes, applaud …": a parenthetical report, not
                // an apposition.
                let reported =
                    (first_comma + 1..comma).any(|k| self.verb_at(k).is_some_and(|h| h.form <= 2));
                if adverbial || reported {
                    return Some((s, first_comma));
                }
                return Some((s, cs));
            }
        }
        None
    }

    /// Most words of the unit are capitalised (a headline).
    fn title_case(&self, u: &Unit) -> bool {
        let words = self.toks[u.t0..u.t1]
            .iter()
            .filter(|t| t.word && t.text.len() > 3);
        let (mut n, mut caps) = (0, 0);
        for t in words {
            n += 1;
            if t.cap {
                caps += 1;
            }
        }
        n > 0 && caps * 10 >= n * 6
    }

    /// "Many speakers at the service — including …, — said": a long subject from
    /// the start of the unit to a comma or dash right before the cue.
    fn long_subject(&self, u: &Unit, cs: usize, prev: Option<&Tok>) -> Option<(usize, usize)> {
        let boundary = prev?;
        if !(boundary.text == "," || is_dash(boundary.text)) || boundary.quote.is_some() {
            return None;
        }
        let mut a = u.t0;
        while a < cs && matches!(self.toks[a].lower.as_str(), "yet" | "but" | "and" | "so") {
            a += 1;
        }
        let first = self.toks.get(a).filter(|_| a + 1 < cs)?;
        let opens = first.cap
            || matches!(
                first.lower.as_str(),
                "a" | "an" | "the" | "many" | "some" | "most" | "several" | "both" | "all"
            );
        let quoted = self.toks[a..cs].iter().any(|t| t.quote.is_some());
        let verbish = self.toks[a..cs]
            .iter()
            .enumerate()
            .any(|(k, t)| k < 3 && (is_aux_verb(&t.lower) || self.verb_at(a + k).is_some()));
        (opens
            && !quoted
            && !verbish
            && cs - a <= 30
            && !PREPOSITIONS.contains(&first.lower.as_str()))
        .then_some((a, cs))
    }

    /// The source after an inverted cue: up to the end of the unit, a quote, or a
    /// participle clause.
    /// The agent after a reduced passive's "by" ("outlined by President Vladimir
    /// Putin to Trump" → "President Vladimir Putin"): up to eight words, ending
    /// before punctuation, a preposition (an "of" before a capitalised word
    /// stays: "the Ministry of Defence"), a clause word or a verb.
    fn agent_np(&self, u: &Unit, start: usize) -> Option<(usize, usize)> {
        let mut end = start;
        while end < u.t1 && end - start < 8 {
            let t = &self.toks[end];
            let of_name = t.lower == "of"
                && end > start
                && self.toks.get(end + 1).is_some_and(|n| n.cap && n.word);
            if !t.word
                || t.quote.is_some()
                || (PREPOSITIONS.contains(&t.lower.as_str()) && !of_name)
                || NP_STOP.contains(&t.lower.as_str())
                || (end > start && self.verb_at(end).is_some())
            {
                break;
            }
            end += 1;
        }
        // "presented by the US and backed by Russia": the conjunction before the
        // next participle is not part of the agent.
        while end > start + 1 && matches!(self.toks[end - 1].lower.as_str(), "and" | "or") {
            end -= 1;
        }
        (end > start).then_some((start, end))
    }

    fn right_np(&self, u: &Unit, start: usize) -> Option<(usize, usize)> {
        let mut end = start;
        while end < u.t1 {
            let t = &self.toks[end];
            if t.quote.is_some() || t.text == ";" || t.text == ":" {
                break;
            }
            // "said Sean Spicer in a Friday tweet", "said Smith on Tuesday": the
            // medium or the time belongs to the verb, not to the source.
            // Only in the head phrase, not in an apposition or relative clause
            // after it ("Ann Lee, who spoke at a rally on Tuesday").
            if end > start
                && self.verb_adjunct_at(end)
                && !self.toks[start..end].iter().any(|t| {
                    matches!(t.text, "," | "(")
                        || matches!(t.lower.as_str(), "who" | "which" | "that")
                })
            {
                break;
            }
            if t.text == ","
                && self.toks.get(end + 1).is_some_and(|n| n.lower == "who")
                && self.verb_at(end + 2).is_some()
            {
                break;
            }
            if t.text == ","
                && self.toks.get(end + 1).is_some_and(|n| {
                    n.lower == "according"
                        || self
                            .verb_at(end + 1)
                            .is_some_and(|h| VERBS[h.verb].forms[3] == n.lower)
                        || (n.word
                            && !n.cap
                            && !n.text.starts_with(|c: char| c.is_ascii_digit())
                            // "Morton Klein, president of the group": a role.
                            && !crate::entities::ROLE_HEADS.contains(&n.lower.as_str())
                            && !matches!(
                                n.lower.as_str(),
                                "who"
                                    | "which"
                                    | "whose"
                                    | "a"
                                    | "an"
                                    | "the"
                                    | "one"
                                    | "his"
                                    | "her"
                                    | "their"
                                    | "its"
                                    | "former"
                                    | "now"
                                    | "then"
                                    | "also"
                                    | "both"
                                    | "another"
                                    | "external"
                            ))
                })
            {
                break;
            }
            end += 1;
        }
        while end > start && !self.toks[end - 1].word && self.toks[end - 1].text != ")" {
            end -= 1;
        }
        (end > start).then_some((start, end))
    }

    /// Token `k` opens an adjunct of a speech verb rather than a part of the
    /// phrase before it: a time ("Tuesday", "on Friday", "last week") or a
    /// preposition before a medium or occasion of speaking ("in a statement", "in a
    /// Friday tweet", "during his speech", "at a news conference").
    fn verb_adjunct_at(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        let w = t.lower.as_str();
        let is_day = |w: &str| {
            text::calendar::weekday_number(w).is_some()
                || matches!(w, "yesterday" | "today" | "tonight")
        };
        // A bare time follows a name ("said Ann Lee Tuesday", "said Ann Lee last
        // week"), not a determiner ("a Wednesday editorial") or a verb ("experts
        // I spoke to this week").
        let after_name = k
            .checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .is_some_and(|p| p.cap && p.word);
        if after_name && (is_day(w) || matches!(w, "earlier" | "later" | "recently" | "previously"))
        {
            return true;
        }
        let next = |j: usize| self.toks.get(k + j).map(|n| n.lower.as_str());
        if after_name
            && matches!(w, "last" | "this")
            && next(1).is_some_and(|n| is_day(n) || matches!(n, "week" | "month" | "year"))
        {
            return true;
        }
        if !matches!(w, "in" | "on" | "during" | "at") {
            return false;
        }
        if w == "on" && next(1).is_some_and(is_day) {
            return true;
        }
        let mut j = 1;
        if next(j).is_some_and(|n| {
            matches!(
                n,
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my" | "this"
            )
        }) {
            j += 1;
        }
        // Up to three modifiers before the medium ("a Friday tweet", "a
        // telephone interview", "a Fox News interview").
        for _ in 0..4 {
            let Some(n) = self.toks.get(k + j) else {
                return false;
            };
            if !n.word || n.quote.is_some() {
                return false;
            }
            if SPEECH_OCCASIONS.contains(&n.lower.as_str()) {
                return true;
            }
            j += 1;
        }
        false
    }

    /// Token `k` is a time word ("Tuesday", "last", "week") or a capitalised
    /// month ("agreed last October to …"; "May" only after "last", "next", "this",
    /// "in", "since" or "early"/"late", where it is no name or modal).
    fn is_time_tok(&self, k: usize) -> bool {
        let t = &self.toks[k];
        // "this week" is a time; "accept this:" is an object.
        if t.lower == "this" {
            return self.toks.get(k + 1).is_some_and(|n| {
                TIME_WORDS.contains(&n.lower.as_str()) && n.lower != "on" && n.lower != "this"
                    || matches!(
                        n.lower.as_str(),
                        "weekend" | "spring" | "summer" | "autumn" | "fall" | "winter"
                    )
            });
        }
        if TIME_WORDS.contains(&t.lower.as_str()) {
            return true;
        }
        // Full month names only: "Mar", "Jan" are words or names too.
        let full_month = text::calendar::month_number(&t.lower).is_some()
            && (t.lower.len() > 4 || matches!(t.lower.as_str(), "may" | "june" | "july"));
        if !t.cap || !full_month {
            return false;
        }
        t.lower != "may"
            || k.checked_sub(1).is_some_and(|p| {
                matches!(
                    self.toks[p].lower.as_str(),
                    "last" | "next" | "this" | "in" | "since" | "early" | "late"
                )
            })
    }

    /// Token `k` opens a possessive ending ("’s", "'s").
    fn possessive_at(&self, k: usize) -> bool {
        k + 1 < self.toks.len()
            && matches!(self.toks[k].text, "'" | "\u{2019}")
            && self.toks[k + 1].lower == "s"
            && self.toks[k].span.end == self.toks[k + 1].span.start
    }

    /// The span holds a word (a stray ")" or "—" is nothing said).
    fn has_words(&self, span: Span) -> bool {
        span.slice(self.text).chars().any(char::is_alphanumeric)
    }

    /// The span is a first-person pronoun ("I", "we").
    fn is_first_person(&self, span: Span) -> bool {
        matches!(span.slice(self.text), "I" | "we" | "We")
    }

    /// A capitalised modal inside a unit that runs into a name is the name's
    /// first word: "said Will Doyle", "Rep. Will Hurd", "Theresa May".
    fn aux_in_name(&self, u: &Unit, k: usize) -> bool {
        let is_name_word =
            |j: usize| (u.t0..u.t1).contains(&j) && self.toks[j].cap && self.toks[j].word;
        let question = self.toks[..u.t1].last().is_some_and(|t| t.text == "?");
        // "Will wrote": a modal is never followed by a past or -s form.
        let finite_next = (u.t0..u.t1).contains(&(k + 1))
            && self.verb_at(k + 1).is_some_and(|h| matches!(h.form, 1 | 2));
        is_name_word(k)
            && (is_name_word(k + 1) && (k > u.t0 || !question)
                || k > u.t0 && is_name_word(k - 1)
                || k > u.t0 && finite_next)
    }

    /// Token `k` reads as a finite verb: an auxiliary, a present or past form of
    /// a lexicon verb, a common verb, or a lower-case word in "-ed" after a word.
    fn is_finite_at(&self, k: usize) -> bool {
        let t = &self.toks[k];
        if t.quote.is_some() || !t.word {
            return false;
        }
        let w = t.lower.as_str();
        is_aux_verb(w)
            || self.verb_at(k).is_some_and(|h| matches!(h.form, 1 | 2))
            || COMMON_VERBS.contains(&w) && w != "to"
            || (!t.cap && k > 0 && w.len() > 3 && w.ends_with("ed") && self.toks[k - 1].word)
    }

    /// The first noun phrase of a unit (subject of its main clause).
    /// The subject of the unit's main clause, for a participle or coordinated cue
    /// at `cs`: the phrase before the first finite verb ("Trump was blunt,
    /// claiming …" → "Trump"), else the first name of the unit.
    fn main_subject(&self, u: &Unit, cs: usize) -> Option<Span> {
        for k in u.t0 + 1..cs {
            if self.is_finite_at(k) {
                let start = self.chain_start(u, k);
                // "All of Ukraine's partners—Britain, Germany and others—are
                // working": the subject stands before the aside between dashes.
                let start = self.dash_aside_start(u, start).unwrap_or(start);
                if let Some((a, b)) = self.left_np(u, start) {
                    return Some(self.span_of(a, b));
                }
                break;
            }
        }
        self.clause_subject(u)
    }

    /// The cue ending before token `cue_end` ends with a colon, or its content
    /// opens with a quotation mark: what a verb such as "continue" needs to
    /// report speech ("He continued: …", "continued, “we will not stop”").
    fn opens_quote_or_colon(&self, cue_end: usize, content: Option<Span>) -> bool {
        let colon = self
            .toks
            .get(cue_end.saturating_sub(1))
            .is_some_and(|t| t.text == ":");
        colon || content.is_some_and(|c| c.slice(self.text).starts_with(['“', '"', '‘', '\'', '«']))
    }

    /// When a dash ends just before token `end` and another dash opens an aside
    /// earlier in the unit, the first token of that opening dash ("—", "–", or
    /// "--").
    fn dash_aside_start(&self, u: &Unit, end: usize) -> Option<usize> {
        // The first token of a dash that ends before token `at`, if one does.
        let dash_ending_at = |at: usize| -> Option<usize> {
            let t = self.toks.get(at.checked_sub(1)?)?;
            match t.text {
                "\u{2014}" | "\u{2013}" => Some(at - 1),
                "-" if at >= 2 && self.toks[at - 2].text == "-" => Some(at - 2),
                _ => None,
            }
        };
        let closing = dash_ending_at(end)?;
        (u.t0 + 1..closing)
            .rev()
            .find_map(|k| dash_ending_at(k + 1).filter(|&d| d > u.t0))
    }

    fn clause_subject(&self, u: &Unit) -> Option<Span> {
        // The first pronoun or name of the unit, skipping openers such as
        // "Instead,", "Speaking at a rally,", "WASHINGTON —".
        let mut a = u.t0;
        while a < u.t1 {
            let t = &self.toks[a];
            if t.quote.is_some() {
                return None;
            }
            let w = t.lower.as_str();
            if matches!(w, "he" | "she" | "they" | "we" | "i") {
                return Some(t.span);
            }
            let dateline = t.text.chars().all(|c| c.is_uppercase()) && t.text.len() > 3;
            let name_like = t.cap
                && t.word
                && !dateline
                && !w.ends_with("ing")
                && !w.ends_with("ly")
                && !NAME_STOPWORDS.contains(&w)
                && !matches!(
                    w,
                    "instead"
                        | "meanwhile"
                        | "however"
                        | "still"
                        | "yet"
                        | "also"
                        | "then"
                        | "later"
                        | "earlier"
                        | "hours"
                        | "days"
                        | "minutes"
                        | "asked"
                );
            if name_like {
                let mut b = a;
                while b < u.t1
                    && (self.toks[b].cap || self.toks[b].text == ".")
                    && self.toks[b].quote.is_none()
                {
                    b += 1;
                }
                return Some(self.span_of(a, b));
            }
            if self.verb_at(a).is_some() && a > u.t0 {
                return None;
            }
            a += 1;
        }
        None
    }

    /// The content after a pre-position cue ending at token `k`.
    fn content_after(&self, u: &Unit, k: usize, class: VerbClass) -> Option<Span> {
        let mut j = k;
        // "said: “…”" / "said, “…”"
        let colon = j < u.t1 && self.toks[j].text == ":";
        let comma_quote = j < u.t1 && self.toks[j].text == "," && self.is_open_quote_tok(j + 1);
        if colon || comma_quote {
            j += 1;
        }
        // "said this: …" announces what follows; "accept this: …" keeps "this"
        // (its object) with the explanation after the colon.
        if j + 1 < u.t1
            && self.toks[j].lower == "this"
            && self.toks[j + 1].text == ":"
            && class != VerbClass::Attitude
        {
            j += 2;
        }
        if j < u.t1 && self.toks[j].quote.is_none() {
            // A complementiser within a short stretch of adjuncts/objects.
            let limit = (j + 12).min(u.t1);
            let mut that = None;
            for m in j..limit {
                let t = &self.toks[m];
                if t.lower == "that" || t.lower == "whether" || t.lower == "if" {
                    that = Some(m);
                    break;
                }
                // "said on the MSNBC show “Morning Joe” that …": the occasion.
                // (A noun: "wants to show that …" is a verb.)
                let occasion_at = |n: usize| {
                    SPEECH_OCCASIONS.contains(&self.toks[n].lower.as_str())
                        && n > j
                        && self.toks[n - 1].lower != "to"
                };
                let occasion = occasion_at(m)
                    || (matches!(t.lower.as_str(), "on" | "the" | "his" | "her" | "their")
                        && (m + 1..limit).any(occasion_at));
                let adjunct = t.cap
                    || occasion
                    || TIME_WORDS.contains(&t.lower.as_str())
                    || OBJECT_WORDS.contains(&t.lower.as_str())
                    || matches!(
                        t.lower.as_str(),
                        "in" | "an"
                            | "a"
                            | "interview"
                            | "statement"
                            | "with"
                            | "to"
                            | "at"
                            | "during"
                            | "s"
                            | "'"
                            | "\u{2019}"
                            | "speech"
                            | "press"
                            | "conference"
                            | "news"
                            | "briefing"
                            | "tweet"
                            | "post"
                            | "letter"
                            | "video"
                            | "message"
                            | "also"
                            | "then"
                            | "again"
                            | "repeatedly"
                            | "publicly"
                            | "privately"
                            | "recently"
                            | "flatly"
                            | "late"
                            | "early"
                    );
                if !adjunct || t.quote.is_some() {
                    break;
                }
            }
            if let Some(m) = that {
                j = m;
            } else if class == VerbClass::Tell {
                // Skip the addressee: "told CNN …", "urged Congress to …",
                // "urged Russians and Ukrainians to …".
                let addressee_word = |k: usize| {
                    let t = &self.toks[k];
                    (t.cap && t.word) || OBJECT_WORDS.contains(&t.lower.as_str())
                };
                let mut m = j;
                while m < u.t1 && m < j + 4 {
                    let joins = m > j
                        && matches!(self.toks[m].lower.as_str(), "and" | "or")
                        && m + 1 < u.t1
                        && addressee_word(m + 1);
                    if addressee_word(m) || joins {
                        m += 1;
                    } else {
                        break;
                    }
                }
                // A determiner ends no addressee: "told Fox Radio the plan …".
                while m > j
                    && matches!(
                        self.toks[m - 1].lower.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
                    )
                {
                    m -= 1;
                }
                while m < u.t1 && self.is_time_tok(m) {
                    m += 1;
                }
                // "told reporters Saturday’s vote …": a possessive time is part of
                // what follows.
                if self.possessive_at(m) {
                    m = j;
                }
                if m < u.t1 && matches!(self.toks[m].text, ":" | ",") {
                    m += 1;
                }
                if m < u.t1 {
                    j = m;
                }
            } else {
                // Skip plain time adjuncts: "said Tuesday the plan…".
                let mut m = j;
                while m < u.t1 && self.is_time_tok(m) {
                    m += 1;
                }
                // "said November’s election …": a possessive time is part of what
                // follows.
                if self.possessive_at(m) {
                    m = j;
                }
                // "“…,” he said on X. “…”": the platform ends the sentence; what
                // was said is not after it.
                if m > j && self.toks[m - 1].lower == "on" {
                    let mut n = m;
                    while n < u.t1 && n < m + 3 && self.toks[n].cap && self.toks[n].word {
                        n += 1;
                    }
                    let ends = n == u.t1 || matches!(self.toks[n].text, "." | "!" | "?");
                    if n > m && ends {
                        return None;
                    }
                }
                if m > j && m < u.t1 && self.toks[m].text == "," {
                    m += 1;
                }
                j = m;
            }
        }
        if j >= u.t1 {
            return None;
        }
        // A quote left open at the end of its paragraph is the content as it is.
        if let Some(q) = self.toks[j].quote.filter(|_| self.is_open_quote_tok(j)) {
            let qs = self.quotes[q].span;
            if !self.quotes[q].closed && qs.end <= u.span.end {
                return Some(qs);
            }
        }
        // End: before ", according to …" or a participle cue, else the unit end.
        let mut e = u.t1;
        for m in j..u.t1 {
            let t = &self.toks[m];
            if t.text == "," && t.quote.is_none() {
                let next = self.toks.get(m + 1).filter(|_| m + 1 < u.t1);
                let stop = next.is_some_and(|n| {
                    n.lower == "according"
                        || self.verb_at(m + 1).is_some_and(|h| {
                            VERBS[h.verb].class != VerbClass::Attitude
                                && (h.form == 3
                                    || (matches!(h.form, 1 | 2)
                                        && self.toks.get(m + 2).is_some_and(|t| t.word)))
                        })
                });
                if stop {
                    e = m;
                    break;
                }
            }
        }
        if e <= j {
            return None;
        }
        let start = self.toks[j].span.start;
        let end = if e == u.t1 {
            u.span.end
        } else {
            self.toks[e - 1].span.end
        };
        self.trim_span(start, end)
    }

    // ---------------------------------------------------------------------
    // Quotes without a cue of their own
    // ---------------------------------------------------------------------

    fn attach_free_quotes(&self, drafts: &mut [Draft]) {
        let mut by_unit: Vec<Vec<usize>> = vec![Vec::new(); self.units.len()];
        for (di, d) in drafts.iter().enumerate() {
            by_unit[d.unit].push(di);
        }
        let mut claimed: Vec<bool> = vec![false; self.quotes.len()];
        for d in drafts.iter() {
            for c in &d.content {
                for (qi, q) in self.quotes.iter().enumerate() {
                    if c.overlaps(q.span) {
                        claimed[qi] = true;
                    }
                }
            }
        }
        // The draft the next free quote of a paragraph continues.
        let mut open: Option<usize> = None;
        let mut open_para = usize::MAX;
        for (ui, u) in self.units.iter().enumerate() {
            if u.para != open_para && !(open.is_some_and(|d| drafts[d].wants_next_quote)) {
                open = None;
            }
            if by_unit[ui].is_empty() {
                if self.is_pure_quote(u) {
                    let q = self.toks[u.t0].quote.unwrap_or(0);
                    let quote_span = self.quotes[q].span;
                    if let Some(d) = open {
                        if !claimed[q] && !self.quotes[q].is_continuation {
                            let d = &mut drafts[d];
                            d.content.push(quote_span);
                            d.wants_next_quote = false;
                            claimed[q] = true;
                            open_para = u.para;
                            continue;
                        }
                    }
                }
                // "Limbaugh added:" ending a paragraph, then the words without
                // quote marks (a block quote that lost its markup): the next
                // paragraph is what was said.
                if let Some(di) = open.filter(|&d| {
                    drafts[d].wants_next_quote
                        && drafts[d].content.is_empty()
                        && u.para == self.units[drafts[d].unit].para + 1
                        && u.span.start == self.paras[u.para].start
                }) {
                    if let Some(p) =
                        self.trim_span(self.paras[u.para].start, self.paras[u.para].end)
                    {
                        let d = &mut drafts[di];
                        d.content.push(p);
                        d.wants_next_quote = false;
                    }
                }
                if !self.is_pure_quote(u) {
                    open = None;
                }
                continue;
            }
            // Remember the last draft of this unit that quotes (or awaits a quote).
            let last = by_unit[ui]
                .iter()
                .rev()
                .copied()
                .find(|&d| drafts[d].wants_next_quote || self.quotes_in(&drafts[d].content));
            open = last;
            open_para = u.para;
        }
        // Quotes running over paragraphs: add the earlier and later parts.
        for d in drafts.iter_mut() {
            let mut extra = Vec::new();
            for c in &d.content {
                let Some(first) = self.quotes.iter().position(|q| q.span == *c) else {
                    continue;
                };
                let mut q = first;
                while let Some(prev) = self.quotes.iter().position(|p| p.continues == Some(q)) {
                    extra.push(self.quotes[prev].span);
                    q = prev;
                }
                let mut q = first;
                while let Some(next) = self.quotes[q].continues {
                    extra.push(self.quotes[next].span);
                    q = next;
                }
            }
            d.content.extend(extra);
            d.content.sort();
            d.content.dedup();
        }
    }

    fn quotes_in(&self, content: &[Span]) -> bool {
        content
            .iter()
            .any(|c| self.quotes.iter().any(|q| c.contains(q.span)))
    }

    // ---------------------------------------------------------------------
    // Sources, kinds, output
    // ---------------------------------------------------------------------

    fn kind_of(&self, content: &[Span]) -> AttributionKind {
        let mut all_quoted = true;
        let mut any_quote = false;
        for c in content {
            let inside = self.quotes.iter().any(|q| {
                q.span.contains(*c)
                    && (q.span.start == c.start
                        || self.text[q.span.start..c.start].trim().is_empty())
            });
            if inside {
                any_quote = true;
            } else {
                all_quoted = false;
                if self.quotes.iter().any(|q| q.span.overlaps(*c)) {
                    any_quote = true;
                }
            }
        }
        match (all_quoted && !content.is_empty(), any_quote) {
            (true, _) => AttributionKind::Direct,
            (false, true) => AttributionKind::Mixed,
            (false, false) => AttributionKind::Indirect,
        }
    }

    fn finish(&self, drafts: Vec<Draft>) -> Vec<Attribution> {
        let mut out: Vec<Attribution> = Vec::with_capacity(drafts.len());
        // Named sources seen so far: (offset, name, entity).
        let mut named: Vec<(usize, String, Option<usize>)> = Vec::new();
        // "A: I think …": a first person inside a transcript line speaks for the
        // line's speaker (the source of the colon cue whose content holds it).
        let line_speakers: Vec<Option<Span>> = drafts
            .iter()
            .enumerate()
            .map(|(di, d)| {
                d.source.filter(|&s| self.is_first_person(s))?;
                drafts
                    .iter()
                    .enumerate()
                    .find(|&(oi, o)| {
                        oi != di
                            && o.cue.slice(self.text) == ":"
                            && o.content.iter().any(|c| c.contains(d.cue))
                    })
                    .and_then(|(_, o)| o.source)
            })
            .collect();
        // The last singular descriptor source ("A source for The Bell …"): where it
        // was and what it says.
        let mut last_descriptor: Option<(usize, String)> = None;
        for (d, line_speaker) in drafts.into_iter().zip(line_speakers) {
            let mut source = d.source.map(|s| self.make_source(s, &named));
            if let (Some(src), Some(outer)) = (source.as_mut(), line_speaker) {
                let outer = self.make_source(outer, &named);
                src.text = outer.text;
                src.entity = outer.entity;
            }
            // "A source for The Bell said …. …, he said.": a pronoun no name
            // resolves goes on with the descriptor that spoke just before (this
            // paragraph or the one before).
            if let (Some(src), Some((at, desc))) = (source.as_mut(), &last_descriptor) {
                let bare = src.entity.is_none()
                    && matches!(src.text.to_lowercase().as_str(), "he" | "she");
                let near = src
                    .span
                    .is_some_and(|s| self.para_of(s.start) <= self.para_of(*at) + 1);
                if bare && near {
                    src.text = desc.clone();
                    src.is_descriptor = true;
                }
            }
            if let Some(src) = source.as_ref().filter(|s| s.is_descriptor) {
                let lower = src.text.to_lowercase();
                if let (Some(span), true) = (
                    src.span,
                    lower.starts_with("a ") || lower.starts_with("an "),
                ) {
                    last_descriptor = Some((span.start, src.text.clone()));
                }
            } else if source.as_ref().is_some_and(|s| s.entity.is_some()) {
                last_descriptor = None;
            }
            if let Some(src) = &source {
                if !src.is_descriptor {
                    if let Some(span) = src.span {
                        if !is_pronoun_text(span.slice(self.text)) {
                            named.push((span.start, src.text.clone(), src.entity));
                        }
                    }
                }
            }
            let via = d.via.map(|s| self.make_source(s, &named));
            let kind = self.kind_of(&d.content);
            let content_text = d
                .content
                .iter()
                .map(|s| s.slice(self.text))
                .collect::<Vec<_>>()
                .join(" … ");
            let cue_text = d.cue.slice(self.text).to_string();
            let stance = match d.stance {
                Some(Stance::Proposes) if suggests_a_fact(&cue_text, &content_text) => {
                    Some(Stance::Claims)
                }
                Some(Stance::Supports) if self.welcomes_a_person(&cue_text, &d.content) => None,
                Some(Stance::Demands) if insists_on_a_fact(&cue_text, &content_text) => {
                    Some(Stance::Claims)
                }
                other => other,
            };
            out.push(Attribution {
                source,
                cue: Some(d.cue),
                cue_text: Some(cue_text),
                content: d.content,
                content_text,
                kind,
                stance,
                via,
            });
        }
        out
    }

    /// "welcoming Putin with a red carpet" greets a person; "welcomed Smith's plan"
    /// and "welcomed the plan" support a matter.
    fn welcomes_a_person(&self, cue: &str, content: &[Span]) -> bool {
        let Some(first) = content.first() else {
            return false;
        };
        if !cue.to_lowercase().contains("welcom") {
            return false;
        }
        self.mentions.iter().any(|m| {
            m.span.start == first.start
                && !m.is_pronoun
                && self
                    .entities
                    .get(m.entity)
                    .is_some_and(|e| e.kind == EntityKind::Person)
                && !self.text[m.span.end.min(self.text.len())..].starts_with(['\'', '\u{2019}'])
        })
    }

    fn make_source(
        &self,
        span: Span,
        named: &[(usize, String, Option<usize>)],
    ) -> AttributionSource {
        let written = span.slice(self.text);
        let lower = written.to_lowercase();
        let entity = self.entity_at(span);
        if lower == "who" {
            // "Ann Smith, who said …": the name right before ", who".
            let k = self.tok_at(span.start);
            if k >= 2 && self.toks[k - 1].text == "," {
                let mut a = k - 1;
                while a > 0 && (self.toks[a - 1].cap || self.toks[a - 1].text == ".") {
                    a -= 1;
                }
                if a < k - 1 && self.toks[a].word {
                    let antecedent = self.span_of(a, k - 1);
                    return AttributionSource {
                        span: Some(span),
                        text: antecedent.slice(self.text).to_string(),
                        entity: self.entity_at(antecedent),
                        is_descriptor: false,
                    };
                }
            }
            // "European leaders who advocated …": the noun phrase right before
            // a restrictive "who" (back to a preposition, verb or clause word).
            if k >= 1 && self.toks[k - 1].word {
                let mut a = k;
                while a > 0 && k - a < 5 {
                    let t = &self.toks[a - 1];
                    if !t.word
                        || PREPOSITIONS.contains(&t.lower.as_str())
                        || NP_STOP.contains(&t.lower.as_str())
                        || self.verb_at(a - 1).is_some()
                    {
                        break;
                    }
                    a -= 1;
                }
                if a < k && !is_pronoun_text(self.toks[k - 1].text) {
                    let antecedent = self.span_of(a, k);
                    return AttributionSource {
                        span: Some(span),
                        text: antecedent.slice(self.text).to_string(),
                        entity: self.entity_at(antecedent),
                        is_descriptor: self.entity_at(antecedent).is_none(),
                    };
                }
            }
        }
        // "I" is who the entity pass says it is (a quote's speaker), else the
        // writer: the post's author when the live blog names one, else it stays
        // "I" (not the last name written before it).
        if lower == "i" {
            if let Some((e, ent)) = self
                .entity_at(span)
                .and_then(|e| self.entities.get(e).map(|ent| (e, ent)))
            {
                return AttributionSource {
                    span: Some(span),
                    text: ent.name.clone(),
                    entity: Some(e),
                    is_descriptor: false,
                };
            }
            let author = self
                .posts
                .iter()
                .find(|p| p.span.start <= span.start && span.start < p.span.end)
                .and_then(|p| p.author.clone());
            return AttributionSource {
                span: Some(span),
                text: author.unwrap_or_else(|| written.to_string()),
                entity: None,
                is_descriptor: false,
            };
        }
        if matches!(lower.as_str(), "he" | "she" | "who" | "his" | "her") {
            let (name, ent) = self
                .resolve_pronoun(span, named)
                .unwrap_or_else(|| (written.to_string(), entity));
            return AttributionSource {
                span: Some(span),
                text: name,
                entity: ent,
                is_descriptor: false,
            };
        }
        // "Smith's claim": the holder is Smith.
        let name = written
            .strip_suffix("'s")
            .or_else(|| written.strip_suffix("\u{2019}s"))
            .unwrap_or(written);
        AttributionSource {
            span: Some(span),
            text: name.to_string(),
            entity: entity
                .filter(|&e| self.heads_source(span, e))
                .or_else(|| self.heading_entity(span)),
            is_descriptor: is_descriptor(self, span),
        }
    }

    /// The entity of a mention inside `span` that heads the phrase (longest first):
    /// "the union, led by Dario Kesselmann," is the union, not Kesselmann.
    fn heading_entity(&self, span: Span) -> Option<usize> {
        let mut candidates: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| span.contains(m.span) && m.entity < self.entities.len())
            .collect();
        candidates.sort_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start));
        candidates
            .into_iter()
            .map(|m| m.entity)
            .find(|&e| self.heads_source(span, e))
    }

    /// Entity `e` is what the source phrase `span` names, not a name inside one of
    /// its modifiers: "Dockworkers at Estravia's busiest port" is not Estravia,
    /// but "a spokesperson for the Port Authority" speaks for the Port Authority.
    fn heads_source(&self, span: Span, e: usize) -> bool {
        let (t0, t1) = (self.tok_at(span.start), self.tok_at(span.end));
        let Some(m) = self
            .mentions
            .iter()
            .filter(|m| m.entity == e && m.span.overlaps(span))
            .min_by_key(|m| m.span.start)
        else {
            return true;
        };
        // "the Kremlin leader": the office word after the name heads the phrase.
        let after_name = self.tok_at(m.span.end);
        if after_name + 1 == t1
            && matches!(
                self.toks[after_name].lower.as_str(),
                "leader" | "president" | "premier" | "chancellor"
            )
        {
            return false;
        }
        let first = self.tok_at(m.span.start).max(t0);
        // The last preposition before the name, inside the phrase.
        match (t0..first)
            .rev()
            .find(|&k| PREPOSITIONS.contains(&self.toks[k].lower.as_str()))
        {
            None => true,
            Some(k) => (t0..k).any(|j| SPEAKS_FOR.contains(&self.toks[j].lower.as_str())) && k < t1,
        }
    }

    fn entity_at(&self, span: Span) -> Option<usize> {
        self.mentions
            .iter()
            .filter(|m| m.span.overlaps(span) && m.entity < self.entities.len())
            .max_by_key(|m| {
                (
                    m.span.end.min(span.end) - m.span.start.max(span.start),
                    !m.is_pronoun,
                )
            })
            .map(|m| m.entity)
    }

    /// The person a "he"/"she"/"who" source refers to: a mention resolved by
    /// coreference, the last named source nearby, or the last name in the
    /// paragraph, the preceding paragraph or the post title.
    fn resolve_pronoun(
        &self,
        span: Span,
        named: &[(usize, String, Option<usize>)],
    ) -> Option<(String, Option<usize>)> {
        if let Some(e) = self.entity_at(span) {
            return self.entities.get(e).map(|ent| (ent.name.clone(), Some(e)));
        }
        let para = self.para_of(span.start);
        let window_start = self.paras[para.saturating_sub(1)].start;
        let post = self
            .posts
            .iter()
            .find(|p| p.span.start <= span.start && span.start < p.span.end.max(p.span.start + 1));
        let lower_bound = post.map_or(window_start, |p| p.span.start.max(window_start));
        let first_para_of_post = post.is_some_and(|p| {
            let body_para = self.para_of(p.body.start);
            para <= body_para + 1
        });
        // Entity mentions (from NER) before the pronoun.
        if let Some(m) = self
            .mentions
            .iter()
            .filter(|m| {
                m.kind == EntityKind::Person
                    && !m.is_pronoun
                    && m.span.end <= span.start
                    && m.span.start >= lower_bound
            })
            .max_by_key(|m| m.span.start)
        {
            let name = self
                .entities
                .get(m.entity)
                .map_or(m.text.clone(), |e| e.name.clone());
            return Some((name, Some(m.entity)));
        }
        // The nearer of: the last named source (not a plural like "Ukrainians"),
        // and the last full name in the text.
        // "he" and "she" are people, never an organisation the NER has typed.
        let personal = matches!(
            span.slice(self.text).to_lowercase().as_str(),
            "he" | "she" | "him" | "her"
        );
        // A name starting at `at` that the NER typed as something else.
        let typed_not_person = |at: usize| {
            self.mentions
                .iter()
                .any(|m| m.span.start == at && m.kind != EntityKind::Person && !m.is_pronoun)
        };
        let not_a_person = |at: usize, name: &str, ent: &Option<usize>| match ent
            .and_then(|e| self.entities.get(e))
        {
            Some(e) => e.kind != EntityKind::Person,
            None => self
                .text
                .get(at..span.start)
                .and_then(|t| t.find(name))
                .is_some_and(|k| typed_not_person(at + k)),
        };
        let source = named.iter().rev().find(|(at, name, ent)| {
            let plural_word = name.ends_with('s') && !name.contains(' ');
            *at < span.start
                && *at >= lower_bound
                && !plural_word
                && !(personal && not_a_person(*at, name, ent))
        });
        let run = self
            .last_name_run(Span::new(lower_bound, span.start))
            .filter(|(at, text, words)| {
                (*words >= 2 || named.iter().any(|(_, n, _)| n.ends_with(text.as_str())))
                    && !(personal && typed_not_person(*at))
            });
        match (source, run) {
            (Some((at, name, ent)), Some((run_at, run_text, _))) => {
                return Some(if run_at > *at && !name.ends_with(run_text.as_str()) {
                    (run_text, None)
                } else {
                    (name.clone(), *ent)
                });
            }
            (Some((_, name, ent)), None) => return Some((name.clone(), *ent)),
            (None, Some((_, run_text, _))) => return Some((run_text, None)),
            (None, None) => {}
        }
        // A single capitalised word after a preposition is a place, outlet or
        // platform ("said on X", "told CNN", "wrote on Telegram"), not a person.
        let after_preposition = |at: usize| {
            let k = self.tok_at(at);
            k > 0 && PREPOSITIONS.contains(&self.toks[k - 1].lower.as_str())
        };
        let tell_object = |at: usize| {
            let k = self.tok_at(at);
            k > 0
                && self
                    .verb_at(k - 1)
                    .is_some_and(|h| VERBS[h.verb].class == VerbClass::Tell)
        };
        if let Some((_, name, _)) = self
            .last_name_run(Span::new(lower_bound, span.start))
            .filter(|(at, _, words)| {
                !(personal && typed_not_person(*at))
                    && !(personal && *words == 1 && (after_preposition(*at) || tell_object(*at)))
            })
        {
            return Some((name, None));
        }
        if first_para_of_post {
            if let Some(title) = post.and_then(|p| p.title_span) {
                if let Some((_, name, ent)) = named
                    .iter()
                    .rev()
                    .find(|(at, _, _)| title.start <= *at && *at < title.end)
                {
                    return Some((name.clone(), *ent));
                }
                return self.last_name_in(title).map(|n| (n, None));
            }
        }
        None
    }

    /// The last run of capitalised words in `span` that looks like a name.
    fn last_name_in(&self, span: Span) -> Option<String> {
        self.last_name_run(span).map(|(_, text, _)| text)
    }

    /// The last name-like run in `span`: (offset, text, number of words).
    fn last_name_run(&self, span: Span) -> Option<(usize, String, usize)> {
        let a = self.tok_at(span.start);
        let b = self.tok_at(span.end);
        let mut best: Option<(usize, usize)> = None;
        let mut k = a;
        while k < b {
            let t = &self.toks[k];
            let sentence_initial = k == a
                || matches!(
                    self.toks[k - 1].text,
                    "." | "!" | "?" | ":" | "\u{201c}" | "\""
                )
                || self.text[self.toks[k - 1].span.end..t.span.start].contains('\n');
            if t.cap && t.word && t.quote.is_none() && !NAME_STOPWORDS.contains(&t.lower.as_str()) {
                let mut e = k + 1;
                // A name does not run over a line break ("Talks\n\nOn 17 October").
                while e < b
                    && self.toks[e].quote.is_none()
                    && !self.text[self.toks[e - 1].span.end..self.toks[e].span.start].contains('\n')
                    && ((self.toks[e].cap && self.toks[e].word)
                        || (self.toks[e].text == "."
                            && TITLE_ABBREVIATIONS.contains(&self.toks[e - 1].lower.as_str())))
                {
                    e += 1;
                }
                let single_initial = e == k + 1 && sentence_initial;
                if !(single_initial || e == k + 1 && self.verb_at(k).is_some()) {
                    best = Some((k, e));
                }
                k = e;
            } else {
                k += 1;
            }
        }
        best.map(|(s, e)| {
            let words = self.toks[s..e].iter().filter(|t| t.word).count();
            let sp = self.span_of(s, e);
            (sp.start, sp.slice(self.text).to_string(), words)
        })
    }
}

/// The spans a learned cue must stay out of: the draft's cue, source and content,
/// and the stretch from its "via" holder to its cue ("Axios cited Smith as saying").
/// The first `n` words of `text`, lower-cased (apostrophes kept: "don't").
/// "Tim Albrecht, Brad Anderson, Rob Barron, …": a list of four or more names
/// (each item one to four capitalised words), which no one says.
fn is_roster(text: &str) -> bool {
    let items: Vec<&str> = text
        .trim_end_matches(['.', ' ', '\n'])
        .split([',', ';'])
        .map(|s| s.trim())
        .map(|s| s.strip_prefix("and ").unwrap_or(s))
        .collect();
    items.len() >= 4
        && items.iter().all(|item| {
            let words: Vec<&str> = item.split_whitespace().collect();
            (1..=4).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
}

fn first_words(text: &str, n: usize) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// "suggested that accepting the plan would cost Ukraine its dignity": "suggest"
/// with a clause (a "that", a modal or a form of "be") puts a view forward, not a
/// proposal; "suggested a land swap" stays a proposal.
fn suggests_a_fact(cue: &str, content: &str) -> bool {
    if !cue.to_lowercase().contains("suggest") {
        return false;
    }
    let words = first_words(content, 10);
    words.first().is_some_and(|w| w == "that")
        || words.iter().any(|w| {
            matches!(
                w.as_str(),
                "may" | "might" | "would" | "could" | "will" | "can" | "must" | "should"
            ) || BE.contains(&w.as_str())
        })
}

/// "insisted that her party was still first" asserts a fact; "insisted that
/// the talks be held in Geneva" or "insisted that Kyiv must sign" demands, as does
/// "insisted on …".
fn insists_on_a_fact(cue: &str, content: &str) -> bool {
    let cue = cue.to_lowercase();
    if !cue.contains("insist") || cue.ends_with(" on") {
        return false;
    }
    let words = first_words(content, 12);
    let demand = words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "should" | "must" | "shall" | "needs" | "need")
            || (w == "be"
                && i > 0
                && !matches!(
                    words[i - 1].as_str(),
                    "will" | "would" | "could" | "can" | "may" | "might" | "to"
                ))
            || (matches!(w.as_str(), "has" | "have" | "had")
                && words.get(i + 1).is_some_and(|n| n == "to"))
    });
    !demand && words.len() >= 3
}

fn draft_roles(d: &Draft) -> impl Iterator<Item = Span> + '_ {
    let via_stretch = d
        .via
        .map(|v| Span::new(v.start.min(d.cue.start), v.end.max(d.cue.end)));
    std::iter::once(d.cue)
        .chain(d.source)
        .chain(via_stretch)
        .chain(d.content.iter().copied())
}

/// A year written as four digits ("2015").
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

fn is_aux_verb(w: &str) -> bool {
    if let Some(stem) = w.strip_suffix("n't") {
        return matches!(
            stem,
            "has"
                | "have"
                | "had"
                | "is"
                | "was"
                | "are"
                | "were"
                | "did"
                | "does"
                | "do"
                | "wo"
                | "would"
                | "could"
                | "ca"
                | "should"
                | "must"
                | "might"
                | "need"
        );
    }
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "never"
    )
}

fn is_pronoun_text(s: &str) -> bool {
    let l = s.to_lowercase();
    PRONOUNS.contains(&l.as_str()) || matches!(l.as_str(), "who" | "which")
}

/// True when the source phrase describes rather than names ("a US official",
/// "sources", "Western journalists").
fn is_descriptor(an: &Analyzer, span: Span) -> bool {
    let a = an.tok_at(span.start);
    let b = an.tok_at(span.end);
    let words: Vec<&Tok> = an.toks[a..b].iter().filter(|t| t.word).collect();
    let Some(first) = words.first() else {
        return false;
    };
    if is_pronoun_text(first.text) && words.len() == 1 {
        return false;
    }
    if lexicon::DESCRIPTOR_OPENERS.contains(&first.lower.as_str()) {
        return true;
    }
    let last = words.last().map_or("", |t| t.lower.as_str());
    let last_is_lower = words.last().is_some_and(|t| !t.cap);
    if (last_is_lower || words.len() == 1) && lexicon::DESCRIPTOR_HEADS.contains(&last) {
        return true;
    }
    // No capitalised word after a leading determiner: "the source", "officials".
    words.iter().skip(1).all(|t| !t.cap) && (!first.cap || first.lower == "the")
}

/// Articles, possessives, demonstratives and quantifier-like determiners ("the",
/// "his", "these", "no", possessive "s"): a word after one of them is a noun use.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "no"
            | "any"
            | "s"
    )
}

#[cfg(test)]
mod tests;
