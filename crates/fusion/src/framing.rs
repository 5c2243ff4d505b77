//! How each outlet frames a story: its spelling of contested names, its loaded
//! terms, whom it quotes and how, and what it reports that the others leave out.
//!
//! - **Spellings**: capitalised name tokens of all documents are grouped by a
//!   transliteration-folding key ([`name_key`]: diacritics, y/i, ie/yi/iy/yy
//!   clusters, doubled letters and doubled digraphs fold together), so "Kyiv" and
//!   "Kiev", or "Zelensky", "Zelenskyy" and "Zelenskiy", meet. A group with more than
//!   one written form is reported per outlet with counts.
//! - **Loaded terms**: a small general lexicon of delegitimising, pejorative,
//!   charged and euphemistic words ("regime", "so-called", "aggressor", "junta",
//!   "special military operation"), plus scare quotes: one to three quoted words
//!   that no attribution accounts for.
//! - **Sources**: who the outlet's attributions cite, with counts, and its share of
//!   direct quotes.
//! - **Exclusive claims**: claims only this outlet states, by claim id.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use model::{AttributionKind, Evidence, Span};
use serde::Serialize;
use text::TokenShape;

use crate::claims::{build_claims, ClaimSet, DocContext, DocInput};

/// One outlet's framing of the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FramingProfile {
    pub outlet: String,
    /// How many of the story's documents come from this outlet.
    pub documents: usize,
    /// Its spelling of names that outlets spell differently.
    pub spellings: Vec<SpellingChoice>,
    /// Loaded words and scare quotes it uses.
    pub loaded_terms: Vec<LoadedTermUse>,
    /// Whom its attributions cite, most cited first.
    pub sources: Vec<QuotedSource>,
    pub quotes: QuoteStats,
    /// Ids of claims no other outlet states (empty when the story has one outlet).
    pub exclusive_claims: Vec<String>,
}

/// An outlet's written forms of one name that the story's outlets spell differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpellingChoice {
    /// The folding key the forms share (`kiv`).
    pub key: String,
    /// This outlet's forms with counts, most used first.
    pub forms: Vec<FormCount>,
    /// Forms other outlets use that this one does not.
    pub others_use: Vec<String>,
    /// The first use of this outlet's most used form.
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormCount {
    pub form: String,
    pub count: usize,
}

/// What a loaded term does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadedCategory {
    /// Denies legitimacy: "regime", "so-called", "puppet", "junta".
    Delegitimising,
    /// Insults a group: "terrorists", "thugs", "fascists".
    Pejorative,
    /// Assigns blame or moral weight: "aggressor", "invasion", "capitulation", "backers".
    Charged,
    /// Softens: "special military operation", "liberation", "collateral damage".
    Euphemism,
    /// One to three words in quotation marks that nobody is quoted as saying.
    ScareQuote,
}

/// Uses of one loaded term by one outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadedTermUse {
    /// The term as listed (lower case), or the scare-quoted words.
    pub term: String,
    pub category: LoadedCategory,
    pub count: usize,
    /// Up to three sentences using it.
    pub evidence: Vec<Evidence>,
}

/// A source an outlet's attributions cite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotedSource {
    pub name: String,
    pub count: usize,
    pub direct: usize,
    pub indirect: usize,
    pub mixed: usize,
}

/// An outlet's attributions by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct QuoteStats {
    pub total: usize,
    pub direct: usize,
    pub indirect: usize,
    pub mixed: usize,
    /// Direct quotes (including mixed ones) as a share of all attributions, 0 when none.
    pub direct_share: f64,
}

/// A spelling-insensitive key for a name token: folds diacritics, possessives,
/// y→i, "ie"/"ei" → "i", doubled letters and doubled digraphs ("zhzh" → "zh").
/// "Kyiv" and "Kiev" → `kiv`; "Zelensky", "Zelenskyy", "Zelenskiy" → `zelenski`.
pub fn name_key(word: &str) -> String {
    let w = word.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    let folded: String = text::normalize::fold_for_match(w)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| if c == 'y' { 'i' } else { c })
        .collect();
    let mut s = folded.replace("ie", "i").replace("ei", "i");
    // Collapse doubled letters.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    s = out;
    // Collapse doubled digraphs ("zhzh").
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut k = 0;
    while k < chars.len() {
        if k + 3 < chars.len() && chars[k] == chars[k + 2] && chars[k + 1] == chars[k + 3] {
            out.push(chars[k]);
            out.push(chars[k + 1]);
            k += 4;
            continue;
        }
        out.push(chars[k]);
        k += 1;
    }
    out.into_iter().collect()
}

/// The loaded-term lexicon: general political vocabulary, not tied to any story.
const LOADED_TERMS: &[(&str, LoadedCategory)] = &[
    ("regime", LoadedCategory::Delegitimising),
    ("regimes", LoadedCategory::Delegitimising),
    ("so-called", LoadedCategory::Delegitimising),
    ("self-proclaimed", LoadedCategory::Delegitimising),
    ("self-styled", LoadedCategory::Delegitimising),
    ("puppet", LoadedCategory::Delegitimising),
    ("puppets", LoadedCategory::Delegitimising),
    ("junta", LoadedCategory::Delegitimising),
    ("illegitimate", LoadedCategory::Delegitimising),
    ("usurper", LoadedCategory::Delegitimising),
    ("terrorist", LoadedCategory::Pejorative),
    ("terrorists", LoadedCategory::Pejorative),
    ("thugs", LoadedCategory::Pejorative),
    ("bandits", LoadedCategory::Pejorative),
    ("fascist", LoadedCategory::Pejorative),
    ("fascists", LoadedCategory::Pejorative),
    ("nazi", LoadedCategory::Pejorative),
    ("nazis", LoadedCategory::Pejorative),
    ("neo-nazi", LoadedCategory::Pejorative),
    ("neo-nazis", LoadedCategory::Pejorative),
    ("warmonger", LoadedCategory::Pejorative),
    ("warmongers", LoadedCategory::Pejorative),
    ("mercenaries", LoadedCategory::Pejorative),
    ("extremists", LoadedCategory::Pejorative),
    ("traitors", LoadedCategory::Pejorative),
    ("collaborators", LoadedCategory::Pejorative),
    ("hordes", LoadedCategory::Pejorative),
    ("propaganda", LoadedCategory::Pejorative),
    ("aggressor", LoadedCategory::Charged),
    ("aggressors", LoadedCategory::Charged),
    ("aggression", LoadedCategory::Charged),
    ("invasion", LoadedCategory::Charged),
    ("invaders", LoadedCategory::Charged),
    ("occupiers", LoadedCategory::Charged),
    ("occupation", LoadedCategory::Charged),
    ("atrocities", LoadedCategory::Charged),
    ("massacre", LoadedCategory::Charged),
    ("genocide", LoadedCategory::Charged),
    ("war crimes", LoadedCategory::Charged),
    ("onslaught", LoadedCategory::Charged),
    ("capitulation", LoadedCategory::Charged),
    ("appeasement", LoadedCategory::Charged),
    ("sabotage", LoadedCategory::Charged),
    ("blackmail", LoadedCategory::Charged),
    ("backers", LoadedCategory::Charged),
    ("maximalist", LoadedCategory::Charged),
    ("special military operation", LoadedCategory::Euphemism),
    ("military operation", LoadedCategory::Euphemism),
    ("counter-terrorism operation", LoadedCategory::Euphemism),
    ("liberation", LoadedCategory::Euphemism),
    ("liberated", LoadedCategory::Euphemism),
    ("denazification", LoadedCategory::Euphemism),
    ("collateral damage", LoadedCategory::Euphemism),
    ("neutralised", LoadedCategory::Euphemism),
    ("neutralized", LoadedCategory::Euphemism),
    ("pacification", LoadedCategory::Euphemism),
];

/// Verbs that introduce reported speech; a short quote next to one is a partial
/// quote of a speaker, not a scare quote.
const SPEECH_VERBS: &str = "\
    said says say saying told tells tell wrote writes write described describes describing \
    called calls calling according stated states added adds claimed claims insisted insists \
    argued argues warned warns announced declared tweeted posted urged urges stressed noted \
    reported asked replied responded quoted cited citing dubbed termed labelled labeled";

/// Framing profiles of every outlet, in order of first appearance.
pub fn framing(docs: &[DocInput]) -> Vec<FramingProfile> {
    let claims = build_claims(docs);
    framing_with_claims(docs, &claims)
}

/// Like [`framing`], reusing claims already built for the same documents.
pub fn framing_with_claims(docs: &[DocInput], claims: &ClaimSet) -> Vec<FramingProfile> {
    let ctxs: Vec<DocContext> = docs.iter().map(DocContext::new).collect();
    framing_in(&ctxs, claims)
}

/// [`framing_with_claims`] over documents already read.
pub(crate) fn framing_in(ctxs: &[DocContext], claims: &ClaimSet) -> Vec<FramingProfile> {
    let mut outlets: Vec<String> = Vec::new();
    for c in ctxs {
        if !outlets.contains(&c.input.outlet) {
            outlets.push(c.input.outlet.clone());
        }
    }
    let spellings = spelling_variants(ctxs, &outlets);
    let lexicon = LoadedLexicon::new();
    outlets
        .iter()
        .enumerate()
        .map(|(outlet_index, outlet)| {
            let mine: Vec<&DocContext> =
                ctxs.iter().filter(|c| &c.input.outlet == outlet).collect();
            let (sources, quotes) = quoted_sources(&mine);
            let exclusive_claims = if outlets.len() < 2 {
                Vec::new()
            } else {
                claims
                    .claims
                    .iter()
                    .filter(|c| c.outlets.len() == 1 && &c.outlets[0] == outlet)
                    .map(|c| c.id.clone())
                    .collect()
            };
            FramingProfile {
                outlet: outlet.clone(),
                documents: mine.len(),
                spellings: spellings_of(&spellings, outlet_index, ctxs),
                loaded_terms: loaded_terms(&mine, &lexicon),
                sources,
                quotes,
                exclusive_claims,
            }
        })
        .collect()
}

/// One use of a name form.
struct FormUse {
    /// Index into the story's outlet list.
    outlet: usize,
    form: String,
    /// (document index, byte offset) of the use.
    at: (usize, usize),
}

/// Capitalised name tokens grouped by [`name_key`], keeping only keys written in
/// more than one form and not usually written in lower case (common words).
fn spelling_variants(ctxs: &[DocContext], outlets: &[String]) -> BTreeMap<String, Vec<FormUse>> {
    let mut uses: HashMap<String, Vec<FormUse>> = HashMap::new();
    let mut lower_counts: HashMap<&str, usize> = HashMap::new();
    for (d, ctx) in ctxs.iter().enumerate() {
        let outlet = outlets
            .iter()
            .position(|o| *o == ctx.input.outlet)
            .unwrap_or(0);
        for t in &ctx.tokens {
            if t.text.len() < 3 || !t.text.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            // Long all-capitals words are headline styling, not a spelling ("KREMLIN").
            let shouted = t.shape == TokenShape::Upper && t.text.chars().count() > 5;
            match t.shape {
                TokenShape::Capitalized | TokenShape::Upper | TokenShape::Mixed if !shouted => {
                    uses.entry(name_key(t.text)).or_default().push(FormUse {
                        outlet,
                        form: t.text.to_string(),
                        at: (d, t.span.start),
                    });
                }
                TokenShape::Lower => *lower_counts.entry(t.text).or_default() += 1,
                _ => {}
            }
        }
    }
    let mut out = BTreeMap::new();
    for (key, list) in uses {
        let forms: BTreeSet<&str> = list.iter().map(|u| u.form.as_str()).collect();
        if forms.len() < 2 {
            continue;
        }
        // Common words (capitalised only at sentence starts) are mostly lower case.
        let lower: usize = forms
            .iter()
            .map(|f| f.to_lowercase())
            .collect::<BTreeSet<String>>()
            .iter()
            .map(|f| lower_counts.get(f.as_str()).copied().unwrap_or(0))
            .sum();
        if lower * 2 >= list.len() {
            continue;
        }
        out.insert(key, list);
    }
    out
}

fn spellings_of(
    variants: &BTreeMap<String, Vec<FormUse>>,
    outlet: usize,
    ctxs: &[DocContext],
) -> Vec<SpellingChoice> {
    let mut out = Vec::new();
    for (key, uses) in variants {
        let mut mine: BTreeMap<&str, usize> = BTreeMap::new();
        let mut others: BTreeSet<&str> = BTreeSet::new();
        for u in uses {
            if u.outlet == outlet {
                *mine.entry(u.form.as_str()).or_default() += 1;
            } else {
                others.insert(u.form.as_str());
            }
        }
        if mine.is_empty() {
            continue;
        }
        let mut forms: Vec<FormCount> = mine
            .iter()
            .map(|(f, c)| FormCount {
                form: (*f).to_string(),
                count: *c,
            })
            .collect();
        forms.sort_by(|a, b| b.count.cmp(&a.count).then(a.form.cmp(&b.form)));
        let top = forms[0].form.as_str();
        let others_use: Vec<String> = others
            .into_iter()
            .filter(|f| !mine.contains_key(f))
            .map(str::to_string)
            .collect();
        // Only a choice when the story's outlets actually differ.
        if others_use.is_empty() && forms.len() < 2 {
            continue;
        }
        let Some(first) = uses.iter().find(|u| u.outlet == outlet && u.form == top) else {
            continue;
        };
        let Some(ctx) = ctxs.get(first.at.0) else {
            continue;
        };
        out.push(SpellingChoice {
            key: key.clone(),
            evidence: ctx.evidence_at(first.at.1),
            forms,
            others_use,
        });
    }
    out
}

/// The loaded-term lexicon split into words and indexed by first word.
struct LoadedLexicon {
    by_first: HashMap<&'static str, Vec<(Vec<&'static str>, LoadedCategory)>>,
}

impl LoadedLexicon {
    fn new() -> LoadedLexicon {
        let mut by_first: HashMap<&'static str, Vec<(Vec<&'static str>, LoadedCategory)>> =
            HashMap::new();
        for (term, cat) in LOADED_TERMS {
            let parts: Vec<&'static str> = term.split(' ').collect();
            by_first.entry(parts[0]).or_default().push((parts, *cat));
        }
        LoadedLexicon { by_first }
    }

    /// The lexicon's terms in `toks`, the longest where two start at one word:
    /// (span, the term as listed, its category).
    fn matches(&self, toks: &[text::Token]) -> Vec<(Span, String, LoadedCategory)> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < toks.len() {
            let first = toks[k].text.to_lowercase();
            let best = self.by_first.get(first.as_str()).and_then(|entries| {
                entries
                    .iter()
                    .filter(|(parts, _)| {
                        k + parts.len() <= toks.len()
                            && parts
                                .iter()
                                .enumerate()
                                .all(|(n, p)| toks[k + n].text.eq_ignore_ascii_case(p))
                    })
                    .max_by_key(|(parts, _)| parts.len())
            });
            if let Some((parts, cat)) = best {
                let end = toks[k + parts.len() - 1].span.end;
                out.push((Span::new(toks[k].span.start, end), parts.join(" "), *cat));
                k += parts.len();
                continue;
            }
            k += 1;
        }
        out
    }
}

/// The loaded-term lexicon's terms in one text (for scoring the lexicon alone; a
/// profile also counts scare quotes): (span, the term as listed, its category).
pub fn lexicon_terms_in(text: &str) -> Vec<(Span, String, LoadedCategory)> {
    static LEXICON: std::sync::OnceLock<LoadedLexicon> = std::sync::OnceLock::new();
    LEXICON
        .get_or_init(LoadedLexicon::new)
        .matches(&text::tokenize(text))
}

/// Loaded lexicon terms and scare quotes in one outlet's documents.
fn loaded_terms(ctxs: &[&DocContext], lexicon: &LoadedLexicon) -> Vec<LoadedTermUse> {
    let mut found: BTreeMap<(LoadedCategory, String), Vec<Evidence>> = BTreeMap::new();
    for ctx in ctxs {
        let text = ctx.text();
        for (span, term, cat) in lexicon.matches(&ctx.tokens) {
            found
                .entry((cat, term))
                .or_default()
                .push(ctx.evidence_at(span.start));
        }
        for (span, words) in scare_quotes(text) {
            let covered = ctx
                .input
                .analysis
                .attributions
                .iter()
                .any(|a| a.content.iter().any(|c| c.overlaps(span)));
            // A short quote in a sentence with a speech verb is a partial quote.
            let sentence = ctx.sentence_at(span.start).slice(text).to_lowercase();
            let reported = sentence
                .split(|c: char| !c.is_alphabetic())
                .any(|w| SPEECH_VERBS.split_whitespace().any(|v| v == w));
            if !covered && !reported {
                found
                    .entry((LoadedCategory::ScareQuote, words))
                    .or_default()
                    .push(ctx.evidence_at(span.start));
            }
        }
    }
    let mut out: Vec<LoadedTermUse> = found
        .into_iter()
        .map(|((category, term), mut evidence)| {
            let count = evidence.len();
            evidence.dedup();
            evidence.truncate(3);
            LoadedTermUse {
                term,
                category,
                count,
                evidence,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.category.cmp(&b.category))
            .then(a.term.cmp(&b.term))
    });
    out
}

/// Quoted runs of one to three lower-case-led words: “peace plan”, "counter-plan".
fn scare_quotes(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let pairs = [
        ('\u{201c}', '\u{201d}'),
        ('"', '"'),
        ('\u{2018}', '\u{2019}'),
    ];
    for (open, close) in pairs {
        let mut from = 0;
        while let Some(p) = text[from..].find(open) {
            let start = from + p + open.len_utf8();
            let Some(q) = text[start..].find(close) else {
                break;
            };
            let inner = &text[start..start + q];
            from = start + q + close.len_utf8();
            // A closing single quote followed by a letter is an apostrophe.
            let words: Vec<&str> = inner.split_whitespace().collect();
            // `rel="noopener"`: markup left in the text, not a quote.
            let markup = text[..start - open.len_utf8()].ends_with('=');
            let ok = !markup
                && !words.is_empty()
                && words.len() <= 3
                && inner.len() <= 40
                && !inner.contains(['\n', '.', ',', '!', '?'])
                && inner.chars().next().is_some_and(char::is_lowercase);
            if ok {
                out.push((
                    Span::new(start - open.len_utf8(), from),
                    inner.to_lowercase(),
                ));
            }
        }
    }
    out.sort_by_key(|(s, _)| s.start);
    out
}

/// Sources of one outlet's attributions with counts by kind.
fn quoted_sources(ctxs: &[&DocContext]) -> (Vec<QuotedSource>, QuoteStats) {
    let mut by_key: BTreeMap<String, (QuotedSource, Vec<String>)> = BTreeMap::new();
    let mut stats = QuoteStats::default();
    for ctx in ctxs {
        for a in &ctx.input.analysis.attributions {
            stats.total += 1;
            match a.kind {
                AttributionKind::Direct => stats.direct += 1,
                AttributionKind::Indirect => stats.indirect += 1,
                AttributionKind::Mixed => stats.mixed += 1,
            }
            let Some(source) = &a.source else { continue };
            let name = ctx.source_name(source);
            // A pronoun nothing resolved ("he") is nobody in particular.
            if crate::claims::is_unresolved_pronoun(&name) {
                continue;
            }
            let (entry, names) = by_key.entry(ctx.speaker_key(source)).or_insert_with(|| {
                (
                    QuotedSource {
                        name: String::new(),
                        count: 0,
                        direct: 0,
                        indirect: 0,
                        mixed: 0,
                    },
                    Vec::new(),
                )
            });
            names.push(name);
            entry.count += 1;
            match a.kind {
                AttributionKind::Direct => entry.direct += 1,
                AttributionKind::Indirect => entry.indirect += 1,
                AttributionKind::Mixed => entry.mixed += 1,
            }
        }
    }
    if stats.total > 0 {
        stats.direct_share = (stats.direct + stats.mixed) as f64 / stats.total as f64;
    }
    // Each source by the name most of its statements give, as claims name them.
    let mut sources: Vec<QuotedSource> = by_key
        .into_values()
        .map(|(mut source, names)| {
            source.name = crate::claims::usual_name(names.iter().map(String::as_str));
            source
        })
        .collect();
    sources.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    (sources, stats)
}
