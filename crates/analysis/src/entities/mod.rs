//! Named entities: recognition with our own trained tagger, roles and titles,
//! within-document aliases and pronoun coreference, and cross-document name keys.
//!
//! [`recognise`] tokenises each sentence with `text::tokenize`, tags it with the
//! embedded averaged-perceptron model ([`tagger`], trained by `eval::ner::train` on
//! CoNLL-2003/CoNLL++ train), turns IOB2 runs into name mentions, strips possessives
//! and leading titles, attaches roles from premodifiers ("Kremlin spokesman Dmitry
//! Peskov") and appositions ("Peskov, the Kremlin spokesman,"), groups mentions into
//! entities (exact spelling key, surname/first-name containment for people, acronyms
//! for organisations) and resolves he/she/his/her to a recent person, "the
//! Ukrainian leader" to a recent person whose role fits, and "the union" to the
//! organisation named most recently with that word in its name.
//! [`keys`] holds the cross-document name keys ([`name_key`], [`same_entity`]).

pub mod keys;
pub mod tagger;

use std::sync::OnceLock;

use model::{Entity, EntityKind, Mention, Span};

pub use keys::{name_key, same_entity, EntityKeys};

/// The trained model compiled into the binary (see [`tagger`] for the format).
static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

/// The embedded model, parsed once (an immutable cache of a constant).
pub fn embedded_model() -> Result<&'static tagger::Model, crate::sequence::ModelFileError> {
    static MODEL: OnceLock<Result<tagger::Model, crate::sequence::ModelFileError>> =
        OnceLock::new();
    MODEL
        .get_or_init(|| tagger::Model::from_bytes(MODEL_BYTES))
        .as_ref()
        .map_err(Clone::clone)
}

/// What [`recognise`] found in one document.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct EntityAnalysis {
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Name and pronoun mentions in text order; `Mention::entity` indexes `entities`.
    pub mentions: Vec<Mention>,
}

/// Words that head a role or title ("spokesman", "President", "correspondent").
pub(crate) const ROLE_HEADS: &[&str] = &[
    "president",
    "vice-president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "envoy",
    "correspondent",
    "editor",
    "reporter",
    "journalist",
    "adviser",
    "advisor",
    "aide",
    "chief",
    "leader",
    "ambassador",
    "general",
    "commander",
    "official",
    "senator",
    "governor",
    "mayor",
    "director",
    "negotiator",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "analyst",
    "lawmaker",
    "mp",
    "representative",
    "speaker",
    "commissioner",
    "prosecutor",
    "judge",
    "colonel",
    "lieutenant",
    "captain",
    "admiral",
    "marshal",
    "officer",
    "diplomat",
    "emissary",
    "attorney",
    "coordinator",
    "professor",
    "king",
    "queen",
    "prince",
    "pope",
    "patriarch",
    "deputy",
    "sergeant",
    "major",
    "economist",
    "expert",
    "presenter",
    "host",
    "commentator",
    "blogger",
    "member",
    "candidate",
];

/// Lower-case words that may modify a role head ("security correspondent").
const ROLE_MODIFIERS: &[&str] = &[
    "security",
    "foreign",
    "defence",
    "defense",
    "deputy",
    "former",
    "chief",
    "senior",
    "top",
    "special",
    "press",
    "political",
    "diplomatic",
    "military",
    "economic",
    "national",
    "international",
    "presidential",
    "prime",
    "vice",
    "acting",
    "interim",
    "lead",
    "peace",
    "army",
    "state",
    "news",
    "affairs",
    "intelligence",
    "general",
    "first",
    "interior",
    "finance",
    "justice",
    "health",
    "trade",
    "energy",
    "opposition",
    "parliamentary",
    "regional",
    "local",
    "executive",
    "managing",
    "assistant",
    "associate",
    "white",
    "house",
    "europe",
    "world",
    "defence",
    "staff",
    "joint",
    "chiefs",
    "of",
];

/// Prepositions after which a one-word name is a place ("in Dravik").
const LOCATIVE: &[&str] = &["in", "near", "outside", "across", "around", "throughout"];

/// Capitalised sentence openers that are never part of a role.
const LEADING_NON_ROLE: &[&str] = &[
    "only",
    "but",
    "and",
    "as",
    "when",
    "after",
    "then",
    "now",
    "also",
    "even",
    "while",
    "meanwhile",
    "if",
    "so",
    "yet",
    "today",
    "earlier",
    "later",
    "here",
    "there",
    "in",
    "on",
];

/// Honorifics: dropped from names, not kept as roles.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mr.", "mrs.", "ms.", "dr.",
];

/// Personal pronouns resolved to people, with their gender (true = masculine).
const PRONOUNS: &[(&str, bool)] = &[
    ("he", true),
    ("him", true),
    ("his", true),
    ("himself", true),
    ("she", false),
    ("her", false),
    ("hers", false),
    ("herself", false),
];

/// One token of a sentence as the tagger sees it.
#[derive(Debug, Clone)]
struct Tok {
    span: Span,
    /// Model text: curly apostrophes and quotes made ASCII, `'` + `s` merged.
    word: String,
}

fn sentence_tokens(text: &str, sentence: Span) -> Vec<Tok> {
    let slice = sentence.slice(text);
    let raw = text::tokenize(slice);
    let mut out: Vec<Tok> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i];
        let span = Span::new(t.span.start + sentence.start, t.span.end + sentence.start);
        let is_apos = t.text == "'" || t.text == "\u{2019}";
        if is_apos
            && i + 1 < raw.len()
            && (raw[i + 1].text == "s" || raw[i + 1].text == "S")
            && raw[i + 1].span.start == t.span.end
            && i > 0
            && raw[i - 1].span.end == t.span.start
        {
            out.push(Tok {
                span: Span::new(span.start, raw[i + 1].span.end + sentence.start),
                word: "'s".to_string(),
            });
            i += 2;
            continue;
        }
        let word: String = t
            .text
            .chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                c => c,
            })
            .collect();
        out.push(Tok { span, word });
        i += 1;
    }
    out
}

fn kind_of(ty: usize) -> EntityKind {
    match ty {
        0 => EntityKind::Person,
        1 => EntityKind::Organization,
        2 => EntityKind::Location,
        _ => EntityKind::Other,
    }
}

fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        EntityKind::Other => 3,
    }
}

/// A name mention before grouping.
#[derive(Debug, Clone)]
struct NameMention {
    sentence: usize,
    /// Token range in its sentence.
    start: usize,
    end: usize,
    span: Span,
    text: String,
    kind: EntityKind,
    roles: Vec<String>,
    /// Written after a locative preposition ("in Dravik"), not as a possessive.
    locative: bool,
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_role_head(w: &str) -> bool {
    let l = lower(w);
    ROLE_HEADS.contains(&l.as_str())
}

/// Can this token be part of a role phrase?
fn role_token(w: &str) -> bool {
    if w == "'s" || w == "-" {
        return true;
    }
    if !w.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let l = lower(w);
    is_capitalised(w) || ROLE_HEADS.contains(&l.as_str()) || ROLE_MODIFIERS.contains(&l.as_str())
}

/// Words that make a capitalised phrase an organisation or place, not a name.
const NON_NAME_WORDS: &[&str] = &[
    "council",
    "office",
    "committee",
    "ministry",
    "department",
    "agency",
    "union",
    "party",
    "house",
    "court",
    "assembly",
    "parliament",
    "government",
    "administration",
    "army",
    "forces",
    "force",
    "bank",
    "fund",
    "group",
    "commission",
    "service",
    "state",
    "states",
];

/// A capitalised name word or initials ("Vance", "JD", "J.D."), not an institution word.
fn looks_like_name_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    is_capitalised(w)
        && letters >= 1
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        && !NON_NAME_WORDS.contains(&lower(w).as_str())
        && !is_role_head(w)
}

/// Joins a token range back into the text it covers.
fn span_text(text: &str, toks: &[Tok]) -> (Span, String) {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => {
            let span = Span::new(a.span.start, b.span.end);
            (span, span.slice(text).to_string())
        }
        _ => (Span::default(), String::new()),
    }
}

/// The role phrase just before a person's name: "Kremlin spokesman [Dmitry Peskov]".
fn premodifier_role(text: &str, toks: &[Tok], start: usize, person: &[bool]) -> Option<String> {
    let mut first = start;
    while first > 0 && start - first < 7 {
        let w = &toks[first - 1].word;
        let possessor = toks.get(first).is_some_and(|t| t.word == "'s");
        if person[first - 1] && !possessor || !role_token(w) {
            break;
        }
        first -= 1;
    }
    // The phrase must end in (or be) a role head, allowing "Secretary of State".
    let phrase = &toks[first..start];
    let last_head = phrase.iter().rposition(|t| is_role_head(&t.word))?;
    let tail = &phrase[last_head + 1..];
    if !tail
        .iter()
        .all(|t| is_capitalised(&t.word) || t.word == "of")
    {
        return None;
    }
    // Trim leading connectors and capitalised sentence adverbs ("Only President X").
    let mut lead = 0;
    while lead < phrase.len()
        && (matches!(phrase[lead].word.as_str(), "of" | "'s" | "-")
            || LEADING_NON_ROLE.contains(&lower(&phrase[lead].word).as_str()))
    {
        lead += 1;
    }
    if lead >= phrase.len() {
        return None;
    }
    let (_, s) = span_text(text, &phrase[lead..]);
    Some(s)
}

/// The apposition after a person's name: "[Peskov], the Kremlin spokesman,".
fn apposition_role(
    text: &str,
    toks: &[Tok],
    end: usize,
    taken: &[bool],
    person: &[bool],
) -> Option<String> {
    if toks.get(end)?.word != "," {
        return None;
    }
    let mut i = end + 1;
    if let Some(t) = toks.get(i) {
        if matches!(lower(&t.word).as_str(), "the" | "a" | "an") {
            i += 1;
        }
    }
    let start = i;
    while i < toks.len() && i - start < 8 {
        let w = &toks[i].word;
        if taken[i] && !is_capitalised(w) {
            break;
        }
        let connector = w == "the" && i > start && toks[i - 1].word == "of";
        if !(role_token(w) || connector) {
            break;
        }
        i += 1;
    }
    if i == start {
        return None;
    }
    // The phrase must be closed by punctuation or the sentence end.
    if let Some(t) = toks.get(i) {
        if !matches!(t.word.as_str(), "," | "." | ";" | ")" | ":" | "-") {
            return None;
        }
    }
    let phrase = &toks[start..i];
    if !phrase.iter().any(|t| is_role_head(&t.word)) {
        return None;
    }
    // A phrase holding another person's name is a list, not a role (but a
    // possessor is fine: "Peskov, Putin's spokesman,").
    if (start..i).any(|k| person[k] && toks.get(k + 1).is_none_or(|t| t.word != "'s")) {
        return None;
    }
    let (_, s) = span_text(text, phrase);
    Some(s)
}

/// Finds entities, their mentions, roles and pronoun references in `text`.
///
/// `sentences` are the document's sentence spans (as from `text::split_sentences`);
/// when empty, the text is split here.
pub fn recognise(text: &str, sentences: &[Span]) -> EntityAnalysis {
    let Ok(model) = embedded_model() else {
        return EntityAnalysis::default();
    };
    let owned;
    let sentences = if sentences.is_empty() {
        owned = text::split_sentences(text);
        &owned[..]
    } else {
        sentences
    };
    let sentences: Vec<Span> = sentences
        .iter()
        .copied()
        .filter(|s| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
        .collect();
    let toks: Vec<Vec<Tok>> = sentences
        .iter()
        .map(|&s| sentence_tokens(text, s))
        .collect();
    let words = model_words(&toks);
    let tags = model.tag_document(&words);

    // 1. Name mentions with roles.
    let mut single_names = std::collections::HashSet::new();
    for (ts, tg) in toks.iter().zip(&tags) {
        for (a, b, _) in chunk_runs(tg) {
            if b == a + 1 {
                single_names.insert(ts[a].word.as_str());
            }
        }
    }
    let mut names: Vec<NameMention> = Vec::new();
    for (si, (ts, tg)) in toks.iter().zip(&tags).enumerate() {
        let mut taken = vec![false; ts.len()];
        let mut found = Vec::new();
        for (a, b, ty) in split_runs(ts, chunk_runs(tg), &single_names) {
            let mut a = a;
            let mut b = b;
            let mut kind = kind_of(ty);
            // "US Vice President JD Vance" tagged as one organisation: the name after
            // a capitalised role head is a person, the rest is the role.
            if kind != EntityKind::Person {
                if let Some(h) = (a..b)
                    .rev()
                    .find(|&i| is_role_head(&ts[i].word) && is_capitalised(&ts[i].word))
                {
                    let tail = &ts[h + 1..b];
                    if !tail.is_empty()
                        && tail.len() <= 3
                        && tail.iter().all(|t| looks_like_name_word(&t.word))
                    {
                        a = h + 1;
                        kind = EntityKind::Person;
                    }
                }
            }
            while b > a && matches!(ts[b - 1].word.as_str(), "'s" | "'" | "-" | "," | ".") {
                b -= 1;
            }
            let mut roles = Vec::new();
            if kind == EntityKind::Person {
                while b - a > 1 {
                    let w = lower(&ts[a].word);
                    if HONORIFICS.contains(&w.as_str()) {
                        a += 1;
                    } else if is_role_head(&ts[a].word) && is_capitalised(&ts[a].word) {
                        roles.push(ts[a].word.clone());
                        a += 1;
                    } else {
                        break;
                    }
                }
            }
            if b <= a {
                continue;
            }
            for t in taken.iter_mut().take(b).skip(a) {
                *t = true;
            }
            found.push((a, b, kind, roles));
        }
        let mut person = vec![false; ts.len()];
        for (a, b, kind, _) in &found {
            if *kind == EntityKind::Person {
                for p in person.iter_mut().take(*b).skip(*a) {
                    *p = true;
                }
            }
        }
        for (a, b, kind, mut roles) in found {
            if kind == EntityKind::Person {
                if let Some(r) = premodifier_role(text, ts, a, &person) {
                    roles.insert(0, r);
                }
                if let Some(r) = apposition_role(text, ts, b, &taken, &person) {
                    roles.push(r);
                }
            }
            let (span, name) = span_text(text, &ts[a..b]);
            let locative = a > 0
                && LOCATIVE.contains(&lower(&ts[a - 1].word).as_str())
                && ts.get(b).is_none_or(|t| t.word != "'s");
            names.push(NameMention {
                locative,
                sentence: si,
                start: a,
                end: b,
                span,
                text: name,
                kind,
                roles,
            });
        }
    }

    // 2. Group name mentions into entities.
    let mut groups: Vec<Group> = Vec::new();
    let mut assigned: Vec<usize> = Vec::with_capacity(names.len());
    for (mi, m) in names.iter().enumerate() {
        let g = find_group(&groups, m).unwrap_or_else(|| {
            groups.push(Group::default());
            groups.len() - 1
        });
        groups[g].add(mi, m);
        assigned.push(g);
    }
    merge_short_person_groups(&mut groups, &mut assigned);
    merge_across_kinds(&mut groups, &mut assigned);

    // 3. Entities in order of first mention.
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| !groups[g].members.is_empty())
        .collect();
    order.sort_by_key(|&g| groups[g].members.first().copied().unwrap_or(usize::MAX));
    let mut index_of = vec![usize::MAX; groups.len()];
    let mut entities = Vec::with_capacity(order.len());
    for (ei, &g) in order.iter().enumerate() {
        index_of[g] = ei;
        entities.push(groups[g].to_entity(&names));
    }
    let mut mentions: Vec<Mention> = names
        .iter()
        .zip(&assigned)
        .map(|(m, &g)| Mention {
            span: m.span,
            text: m.text.clone(),
            kind: entities[index_of[g]].kind,
            entity: index_of[g],
            is_pronoun: false,
        })
        .collect();

    // 4. Pronouns.
    let pronouns = resolve_pronouns(text, &toks, &names, &assigned, &index_of, &entities);
    mentions.extend(pronouns);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    EntityAnalysis { entities, mentions }
}

/// The words the tagger sees. A Title Case heading ("Minister Prepares For Talks")
/// is shown in upper case, the way the training data writes headlines, when at
/// least two of its capitalised words appear in lower case elsewhere in the text.
fn model_words(toks: &[Vec<Tok>]) -> Vec<Vec<String>> {
    let mut lower_seen = std::collections::HashSet::new();
    for ts in toks {
        for t in ts {
            if t.word.chars().next().is_some_and(char::is_lowercase) {
                lower_seen.insert(t.word.as_str());
            }
        }
    }
    toks.iter()
        .map(|ts| {
            let long: Vec<&str> = ts
                .iter()
                .map(|t| t.word.as_str())
                .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
                .collect();
            let all_capitalised = long.iter().all(|w| is_capitalised(w));
            let common = long
                .iter()
                .filter(|w| lower_seen.contains(lower(w).as_str()))
                .count();
            let heading = long.len() >= 3 && all_capitalised && common >= 2;
            ts.iter()
                .map(|t| {
                    if heading {
                        t.word.to_uppercase()
                    } else {
                        t.word.clone()
                    }
                })
                .collect()
        })
        .collect()
}

/// Splits entity runs at commas and drops leading or trailing punctuation tokens.
/// A run "X and Y" is split in two when the document also names X or Y alone
/// ("Donetsk and Luhansk" beside "Donetsk").
fn split_runs(
    toks: &[Tok],
    runs: Vec<(usize, usize, usize)>,
    single_names: &std::collections::HashSet<&str>,
) -> Vec<(usize, usize, usize)> {
    let wordlike = |i: usize| toks[i].word.chars().any(char::is_alphanumeric);
    let mut pieces = Vec::new();
    for (a, b, ty) in runs {
        let mut start = a;
        for i in a..=b {
            if i == b || toks[i].word == "," {
                let mut s = start;
                let mut e = i;
                while s < e && !wordlike(s) {
                    s += 1;
                }
                while e > s && !wordlike(e - 1) && toks[e - 1].word != "." {
                    e -= 1;
                }
                if s < e {
                    pieces.push((s, e, ty));
                }
                start = i + 1;
            }
        }
    }
    let mut out = Vec::with_capacity(pieces.len());
    for (a, b, ty) in pieces {
        let pair = b == a + 3
            && toks[a + 1].word == "and"
            && is_capitalised(&toks[a].word)
            && is_capitalised(&toks[a + 2].word)
            && (single_names.contains(toks[a].word.as_str())
                || single_names.contains(toks[a + 2].word.as_str()));
        if pair {
            out.push((a, a + 1, ty));
            out.push((a + 2, b, ty));
        } else {
            out.push((a, b, ty));
        }
    }
    out
}

/// Entity runs of a tag sequence (conlleval semantics).
fn chunk_runs(tags: &[tagger::Tag]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = tagger::tag_type(t);
        let continues =
            matches!((open, ty), (Some((_, o)), Some(ty)) if tagger::is_inside(t) && o == ty);
        if continues {
            continue;
        }
        if let Some((s, o)) = open.take() {
            out.push((s, i, o));
        }
        if let Some(ty) = ty {
            open = Some((i, ty));
        }
    }
    if let Some((s, o)) = open {
        out.push((s, tags.len(), o));
    }
    out
}

/// Mentions grouped as one entity while reading the document.
#[derive(Debug, Clone, Default)]
struct Group {
    members: Vec<usize>,
    votes: [usize; 4],
    /// Name keys of the surface forms.
    keys: Vec<String>,
    is_person: bool,
    last_seen: usize,
}

impl Group {
    fn add(&mut self, mi: usize, m: &NameMention) {
        if self.members.is_empty() {
            self.is_person = m.kind == EntityKind::Person;
        }
        self.members.push(mi);
        self.votes[kind_index(m.kind)] += 1;
        let k = name_key(&m.text, m.kind);
        if !self.keys.contains(&k) {
            self.keys.push(k);
        }
        self.last_seen = mi;
    }

    fn multi_word_keys(&self) -> impl Iterator<Item = &String> {
        self.keys.iter().filter(|k| k.contains(' '))
    }

    fn to_entity(&self, names: &[NameMention]) -> Entity {
        let first_kind = self
            .members
            .first()
            .map_or(EntityKind::Other, |&m| names[m].kind);
        let mut best = kind_index(first_kind);
        for k in 0..4 {
            if self.votes[k] > self.votes[best] {
                best = k;
            }
        }
        // A name given a title or role as a person ("President Marsh") is a person
        // even when the tagger called its other mentions something else.
        let titled = self
            .members
            .iter()
            .any(|&m| names[m].kind == EntityKind::Person && !names[m].roles.is_empty());
        let mut kind = if self.is_person || titled {
            EntityKind::Person
        } else {
            kind_of(best)
        };
        // A one-word "person" or "organisation" the text puts "in" or "near" is a
        // place (unseen place names are the tagger's commonest mistake on news).
        let locative = self.members.iter().filter(|&&m| names[m].locative).count();
        let one_word = self.keys.iter().all(|k| !k.contains(' '));
        let first_text = self.members.first().map_or("", |&m| names[m].text.as_str());
        if matches!(kind, EntityKind::Person | EntityKind::Organization)
            && !titled
            && one_word
            && !is_acronym(first_text)
            && locative > 0
            && locative * 3 >= self.members.len()
        {
            kind = EntityKind::Location;
        }
        let mut aliases: Vec<String> = Vec::new();
        let mut roles: Vec<String> = Vec::new();
        for &m in &self.members {
            let t = names[m].text.clone();
            if !aliases.contains(&t) {
                aliases.push(t);
            }
            for r in &names[m].roles {
                if !roles.iter().any(|x| x.eq_ignore_ascii_case(r)) {
                    roles.push(r.clone());
                }
            }
        }
        // Fullest name: most words, then most often used, then longest, then first seen.
        let uses = |a: &str| self.members.iter().filter(|&&m| names[m].text == a).count();
        let name = aliases
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| {
                (
                    a.split_whitespace().count(),
                    uses(a),
                    a.len(),
                    usize::MAX - i,
                )
            })
            .map(|(_, a)| a.clone())
            .unwrap_or_default();
        let key = name_key(&name, kind);
        Entity {
            name,
            kind,
            roles,
            aliases,
            key,
        }
    }
}

/// Initials of the capitalised words of a name ("European Grain Council" -> "EGC").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !matches!(lower(w).as_str(), "of" | "the" | "and" | "for" | "&"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n) && s.chars().all(|c| c.is_uppercase())
}

fn find_group(groups: &[Group], m: &NameMention) -> Option<usize> {
    let key = name_key(&m.text, m.kind);
    if key.is_empty() {
        return None;
    }
    let recent = |cands: Vec<usize>| cands.into_iter().max_by_key(|&g| groups[g].last_seen);
    if m.kind == EntityKind::Person {
        let people: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].is_person).collect();
        let exact: Vec<usize> = people
            .iter()
            .copied()
            .filter(|&g| groups[g].keys.contains(&key))
            .collect();
        if !exact.is_empty() {
            return recent(exact);
        }
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() == 1 {
            // A surname (or first name) of a fuller name seen before.
            let cands: Vec<usize> = people
                .iter()
                .copied()
                .filter(|&g| {
                    groups[g].multi_word_keys().any(|k| {
                        let ws: Vec<&str> = k.split(' ').collect();
                        ws.last() == Some(&words[0]) || ws.first() == Some(&words[0])
                    })
                })
                .collect();
            return recent(cands);
        }
        let cands: Vec<usize> = people
            .iter()
            .copied()
            .filter(|&g| {
                // A group known by full names is matched on those only, so that
                // "Petra Lind" does not join "Arno Lind" through the alias "Lind".
                let has_full = groups[g].multi_word_keys().next().is_some();
                groups[g]
                    .keys
                    .iter()
                    .filter(|k| !has_full || k.contains(' '))
                    .any(|k| {
                        let e = Entity {
                            name: String::new(),
                            kind: EntityKind::Person,
                            roles: vec![],
                            aliases: vec![],
                            key: k.clone(),
                        };
                        let n = Entity {
                            key: key.clone(),
                            ..e.clone()
                        };
                        same_entity(&e, &n) || near_spelling(k, &key)
                    })
            })
            .collect();
        return recent(cands);
    }
    let others: Vec<usize> = (0..groups.len())
        .filter(|&g| !groups[g].is_person)
        .collect();
    let exact: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&g| groups[g].keys.contains(&key))
        .collect();
    if !exact.is_empty() {
        return recent(exact);
    }
    if is_acronym(&m.text) {
        let cands: Vec<usize> = others
            .iter()
            .copied()
            .filter(|&g| {
                groups[g]
                    .keys
                    .iter()
                    .any(|k| initials(&title_case_words(k)) == m.text && k.contains(' '))
            })
            .collect();
        return recent(cands);
    }
    None
}

/// Within one document, two full-name keys with the same surname whose given names
/// differ by at most two edits ("Volodomyr" / "Volodymyr") are taken as a misspelling.
fn near_spelling(a: &str, b: &str) -> bool {
    let (Some((fa, la)), Some((fb, lb))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else {
        return false;
    };
    la == lb
        && fa.len().min(fb.len()) >= 4
        && fa.chars().next() == fb.chars().next()
        && edit_distance(fa, fb) <= 2
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The group to merge into among candidates: the only one, or one with at least
/// twice as many mentions as any other.
fn dominant(groups: &[Group], cands: &[usize]) -> Option<usize> {
    let mut sorted: Vec<usize> = cands.to_vec();
    sorted.sort_by_key(|&g| std::cmp::Reverse(groups[g].members.len()));
    match sorted[..] {
        [] => None,
        [g] => Some(g),
        [g, h, ..] => (groups[g].members.len() >= 2 * groups[h].members.len()).then_some(g),
    }
}

/// "velorian union" -> "Velorian Union" (keys are lower case; initials need capitals).
fn title_case_words(key: &str) -> String {
    key.split(' ')
        .map(|w| {
            if matches!(w, "of" | "the" | "and" | "for") {
                return w.to_string();
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person known only by one word before their full name appeared ("Zelensky warns"
/// in a headline, "President Volodymyr Zelensky" later) joins the full name when
/// exactly one person group has that word as surname.
fn merge_short_person_groups(groups: &mut [Group], assigned: &mut [usize]) {
    for g in 0..groups.len() {
        if !groups[g].is_person || groups[g].members.is_empty() {
            continue;
        }
        if groups[g].keys.iter().any(|k| k.contains(' ')) {
            continue;
        }
        let Some(word) = groups[g].keys.first().cloned() else {
            continue;
        };
        let targets: Vec<usize> = (0..groups.len())
            .filter(|&h| h != g && groups[h].is_person && !groups[h].members.is_empty())
            .filter(|&h| {
                groups[h]
                    .multi_word_keys()
                    .any(|k| k.rsplit(' ').next() == Some(word.as_str()))
            })
            .collect();
        if let Some(h) = dominant(groups, &targets) {
            merge_groups(groups, assigned, g, h);
        }
    }
}

/// Moves every mention of group `from` into group `into`.
fn merge_groups(groups: &mut [Group], assigned: &mut [usize], from: usize, into: usize) {
    let moved = std::mem::take(&mut groups[from].members);
    for &m in &moved {
        assigned[m] = into;
    }
    let keys = std::mem::take(&mut groups[from].keys);
    let votes = std::mem::take(&mut groups[from].votes);
    let target = &mut groups[into];
    target.members.extend(moved);
    target.members.sort_unstable();
    for k in keys {
        if !target.keys.contains(&k) {
            target.keys.push(k);
        }
    }
    for (t, v) in target.votes.iter_mut().zip(votes) {
        *t += v;
    }
}

/// The tagger sometimes gives one name different kinds in one document ("Trump" as
/// a person and as MISC in "Trump administration"). A one-word group of another
/// kind joins the person whose surname it is when exactly one person fits; two
/// one-word groups with the same key join, the larger deciding whether it is a person.
fn merge_across_kinds(groups: &mut [Group], assigned: &mut [usize]) {
    // Full names spelt the same way under two kinds ("JD Vance" as a person and as
    // an organisation) join the person.
    for g in 0..groups.len() {
        if groups[g].members.is_empty() || groups[g].is_person {
            continue;
        }
        let cands: Vec<usize> = (0..groups.len())
            .filter(|&h| groups[h].is_person && !groups[h].members.is_empty())
            .filter(|&h| {
                groups[g]
                    .multi_word_keys()
                    .any(|k| groups[h].keys.contains(k))
            })
            .collect();
        if let Some(h) = dominant(groups, &cands) {
            merge_groups(groups, assigned, g, h);
        }
    }
    for g in 0..groups.len() {
        if groups[g].members.is_empty() || groups[g].keys.iter().any(|k| k.contains(' ')) {
            continue;
        }
        let Some(word) = groups[g].keys.first().cloned() else {
            continue;
        };
        let cands: Vec<usize> = (0..groups.len())
            .filter(|&h| {
                h != g
                    && !groups[h].members.is_empty()
                    && groups[h].is_person != groups[g].is_person
            })
            .filter(|&h| {
                groups[h].keys.iter().any(|k| {
                    k == &word || (groups[h].is_person && k.rsplit(' ').next() == Some(&word))
                })
            })
            .collect();
        let Some(h) = dominant(groups, &cands) else {
            continue;
        };
        let h_multi = groups[h].keys.iter().any(|k| k.contains(' '));
        if h_multi || groups[h].members.len() >= groups[g].members.len() {
            merge_groups(groups, assigned, g, h);
        } else {
            merge_groups(groups, assigned, h, g);
        }
    }
}

/// Tokens that end a clause for the object-pronoun rule.
const CLAUSE_BREAKS: &[&str] = &[
    ",", ";", ":", "(", "\"", "and", "but", "that", "which", "who", "after", "before", "when",
    "while", "because", "as", "said", "says", "told", "if", "although",
];

/// Words after which "her" is an object, not a possessive ("thanked her for").
const AFTER_OBJECT_HER: &[&str] = &[
    "to", "for", "with", "that", "about", "on", "in", "at", "the", "a", "an", "and", "as", "from",
    "by", "of", "into", "over", "again", "back", "last", "this", "on",
];

/// Office words a definite description of a person can end in ("the Ukrainian
/// leader", "the president").
const OFFICE_HEADS: &[&str] = &["leader", "president", "premier", "chancellor"];

/// "the [Modifier] leader" at token `ti` (not part of a name, not followed by one):
/// the end of the description, its capitalised modifier and its office word.
fn leader_descriptor(
    ts: &[Tok],
    ti: usize,
    inside: &[bool],
) -> Option<(usize, Option<String>, &'static str)> {
    let word = |k: usize| ts.get(k).map(|t| t.word.as_str());
    let head_at = |k: usize| {
        let w = lower(word(k)?);
        OFFICE_HEADS.iter().copied().find(|h| *h == w)
    };
    let capitalised =
        |k: usize| word(k).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let (end, modifier, head) = if let Some(h) = head_at(ti + 1) {
        (ti + 2, None, h)
    } else if capitalised(ti + 1) {
        (ti + 3, word(ti + 1).map(lower), head_at(ti + 2)?)
    } else {
        return None;
    };
    // "the Ukrainian leader Volodymyr Zelensky" names the person itself.
    // The modifier may itself be a name ("Slovenian"); the office word may not.
    let named = |k: usize| inside.get(k).copied().unwrap_or(true);
    if capitalised(end) || named(ti) || named(end - 1) {
        return None;
    }
    Some((end, modifier, head))
}

/// Nouns that head an organisation's name ("Valmora Dockworkers' Union", "Ministry
/// of Labour") and stand for it after "the" once it has been named.
const ORG_HEADS: &[&str] = &[
    "union",
    "ministry",
    "company",
    "party",
    "agency",
    "authority",
    "council",
    "commission",
    "committee",
    "association",
    "federation",
    "department",
    "bank",
    "alliance",
    "coalition",
    "university",
];

/// Words that may follow "the union" when it is the whole noun phrase ("the union
/// said", "the union's offer", "the union, which"), not a modifier ("the union
/// leader").
const AFTER_ORG_HEAD: &[&str] = &[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "can",
    "did",
    "does",
    "also",
    "and",
    "which",
    "who",
    "that",
    "rejected",
    "accepted",
    "agreed",
    "offered",
    "announced",
    "called",
    "insisted",
    "warned",
    "denied",
    "confirmed",
    "wants",
    "wanted",
    "added",
    "told",
    "declined",
    "refused",
];

/// "the union" at token `ti` (not inside a name): the head noun, when the phrase
/// ends there.
fn org_descriptor<'t>(ts: &'t [Tok], ti: usize, inside: &[bool]) -> Option<&'t str> {
    let head = ts.get(ti + 1)?;
    if inside.get(ti + 1).copied().unwrap_or(true) {
        return None;
    }
    let h = ORG_HEADS
        .iter()
        .copied()
        .find(|w| *w == lower(&head.word))?;
    let ends_phrase = ts.get(ti + 2).is_none_or(|n| {
        let w = lower(&n.word);
        !n.word.chars().next().is_some_and(char::is_alphabetic)
            || AFTER_ORG_HEAD.contains(&w.as_str())
    });
    ends_phrase.then_some(h)
}

/// The organisation named most recently before token `ti` of sentence `si` whose
/// name holds `head` as a word ("union" in "Valmora Dockworkers' Union").
fn latest_org_with(
    orgs: &[(usize, usize, usize)],
    entities: &[Entity],
    head: &str,
    si: usize,
    ti: usize,
) -> Option<usize> {
    orgs.iter()
        .rev()
        .filter(|&&(s, end, _)| s < si || (s == si && end <= ti))
        .map(|&(_, _, e)| e)
        .find(|&e| {
            entities.get(e).is_some_and(|ent| {
                ent.name
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(head))
            })
        })
}

/// Whether a person's roles in the document fit a description: a role word sharing
/// its first four letters with the modifier ("Ukrainian President" for "the
/// Ukrainian leader"; a modifier shorter than four letters must be a whole role
/// word: "US President" for "the US president"), or, without a modifier, the
/// office word itself.
fn holds_office(entity: &Entity, modifier: Option<&str>, head: &str) -> bool {
    let words = || {
        entity
            .roles
            .iter()
            .flat_map(|r| r.split_whitespace())
            .map(lower)
    };
    match modifier {
        Some(m) if m.chars().count() >= 4 => {
            let stem: String = m.chars().take(4).collect();
            words().any(|w| w.starts_with(&stem))
        }
        // "the US president": a short modifier must be a whole role word.
        Some(m) => words().any(|w| w == m),
        None => words().any(|w| w == head),
    }
}

/// Which tokens of a sentence stand in an aside: between parentheses, or between
/// two spaced dashes (" - ", " – ", " — "); a dash without a partner opens no aside.
/// Verbs of saying a pronoun or name is the subject of ("he added", "Lind said").
const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "noted",
    "notes",
    "explained",
    "continued",
    "stressed",
    "wrote",
    "writes",
    "argued",
    "argues",
    "insisted",
    "warned",
    "claimed",
    "recalled",
    "acknowledged",
    "admitted",
    "replied",
    "responded",
];

fn is_speech_word(t: &Tok) -> bool {
    SPEECH_WORDS.contains(&lower(&t.word).as_str())
}

/// True when a verb of saying follows token `end` of `ts`, directly or after one
/// adverb ("Lind reportedly said").
fn speaks(ts: &[Tok], end: usize) -> bool {
    match (ts.get(end), ts.get(end + 1)) {
        (Some(a), _) if is_speech_word(a) => true,
        (Some(a), Some(b)) => lower(&a.word).ends_with("ly") && is_speech_word(b),
        _ => false,
    }
}

/// For each token of a sentence, whether it lies inside a quote region of the
/// text (`crate::quotes`: any quote-mark style, quotes that run over
/// paragraphs; the marks themselves are outside).
fn quoted(regions: &[crate::quotes::Quote], ts: &[Tok]) -> Vec<bool> {
    ts.iter()
        .map(|t| {
            regions.iter().any(|q| {
                q.span.start < t.span.start
                    && (t.span.end < q.span.end || (!q.closed && t.span.end <= q.span.end))
            })
        })
        .collect()
}

fn asides(text: &str, ts: &[Tok]) -> Vec<bool> {
    let mut inside = vec![false; ts.len()];
    let spaced = |t: &Tok| {
        let before = text[..t.span.start.min(text.len())].chars().next_back();
        let after = text.get(t.span.end..).and_then(|r| r.chars().next());
        before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace)
    };
    let dashes: Vec<usize> = (0..ts.len())
        .filter(|&k| matches!(ts[k].word.as_str(), "-" | "\u{2013}" | "\u{2014}") && spaced(&ts[k]))
        .collect();
    for pair in dashes.chunks_exact(2) {
        for slot in &mut inside[pair[0]..=pair[1]] {
            *slot = true;
        }
    }
    let mut depth = 0usize;
    for (k, t) in ts.iter().enumerate() {
        match t.word.as_str() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            inside[k] = true;
        }
    }
    inside
}

fn resolve_pronouns(
    text: &str,
    toks: &[Vec<Tok>],
    names: &[NameMention],
    assigned: &[usize],
    index_of: &[usize],
    entities: &[Entity],
) -> Vec<Mention> {
    // Person mentions per sentence: (token start, token end, entity), pronouns
    // included as they are resolved.
    let mut per_sentence: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); toks.len()];
    let mut inside: Vec<Vec<bool>> = toks.iter().map(|t| vec![false; t.len()]).collect();
    for (m, &g) in names.iter().zip(assigned) {
        for slot in inside[m.sentence].iter_mut().take(m.end).skip(m.start) {
            *slot = true;
        }
        let e = index_of[g];
        if entities[e].kind == EntityKind::Person {
            per_sentence[m.sentence].push((m.start, m.end, e));
        }
    }
    // Organisations named so far, in text order: (sentence, token end, entity).
    let mut orgs: Vec<(usize, usize, usize)> = names
        .iter()
        .zip(assigned)
        .map(|(m, &g)| (m.sentence, m.end, index_of[g]))
        .filter(|&(_, _, e)| entities[e].kind == EntityKind::Organization)
        .collect();
    orgs.sort_unstable();
    for v in per_sentence.iter_mut() {
        v.sort_unstable();
    }
    let mut gender: Vec<Option<bool>> = vec![None; entities.len()];
    let mut out = Vec::new();
    // Which tokens of each sentence lie inside quotation marks (read once).
    let regions = crate::quotes::find_quotes(text, &crate::quotes::paragraphs(text));
    let in_quotes: Vec<Vec<bool>> = toks.iter().map(|ts| quoted(&regions, ts)).collect();
    for (si, ts) in toks.iter().enumerate() {
        let quotes_here = &in_quotes[si];
        for (ti, t) in ts.iter().enumerate() {
            if inside[si][ti] {
                continue;
            }
            let l = lower(&t.word);
            if l == "the" {
                if let Some((end, modifier, head)) = leader_descriptor(ts, ti, &inside[si]) {
                    let earlier = per_sentence[si]
                        .iter()
                        .rev()
                        .filter(|(_, e, _)| *e <= ti)
                        .chain(
                            (1..=2)
                                .filter_map(|back| si.checked_sub(back))
                                .flat_map(|p| per_sentence[p].iter().rev()),
                        )
                        .map(|&(_, _, e)| e)
                        .find(|&e| {
                            entities.get(e).is_some_and(|ent| {
                                ent.kind == EntityKind::Person
                                    && holds_office(ent, modifier.as_deref(), head)
                            })
                        });
                    if let (Some(e), Some(last)) = (earlier, ts.get(end - 1)) {
                        let span = Span::new(t.span.start, last.span.end);
                        per_sentence[si].push((ti, end, e));
                        per_sentence[si].sort_unstable();
                        out.push(Mention {
                            span,
                            text: span.slice(text).to_string(),
                            kind: EntityKind::Person,
                            entity: e,
                            is_pronoun: true,
                        });
                    }
                } else if let Some(e) = org_descriptor(ts, ti, &inside[si])
                    .and_then(|head| latest_org_with(&orgs, entities, head, si, ti))
                {
                    let head = &ts[ti + 1];
                    let span = Span::new(t.span.start, head.span.end);
                    out.push(Mention {
                        span,
                        text: span.slice(text).to_string(),
                        kind: EntityKind::Organization,
                        entity: e,
                        is_pronoun: true,
                    });
                }
                continue;
            }
            let Some(&(_, masculine)) = PRONOUNS.iter().find(|(p, _)| *p == l) else {
                continue;
            };
            // "him" and object "her" do not refer to a person in their own clause
            // ("Petra Lind joined him").
            let next = ts.get(ti + 1).map(|n| lower(&n.word));
            let is_object = l == "him"
                || l == "her"
                    && next.as_deref().is_none_or(|n| {
                        !n.chars().next().is_some_and(char::is_alphanumeric)
                            || AFTER_OBJECT_HER.contains(&n)
                    });
            let same_clause = |end: usize| {
                !ts[end..ti]
                    .iter()
                    .any(|x| CLAUSE_BREAKS.contains(&lower(&x.word).as_str()))
            };
            let fits = |e: usize| gender[e].is_none_or(|g| g == masculine);
            // A person named inside a quote is not what a pronoun outside it
            // refers to: in "“… meet President Putin soon,” he added" the speaker
            // added it.
            let outside_quote = !quotes_here.get(ti).copied().unwrap_or(false);
            let same_voice =
                |start: usize| !outside_quote || !quotes_here.get(start).copied().unwrap_or(false);
            // Most recent compatible person earlier in this sentence ...
            let mut chosen = per_sentence[si]
                .iter()
                .rev()
                .filter(|(start, end, _)| *start < ti && *end <= ti)
                .filter(|(start, _, _)| same_voice(*start))
                .filter(|(_, end, _)| !(is_object && same_clause(*end)))
                .map(|&(_, _, e)| e)
                .find(|&e| fits(e));
            // ... else the first (subject) person of the previous sentence, passing
            // over people named in an aside ("On 17 October - during a visit by
            // Anna Berg - I asked Ivo Lind if he ...").
            if chosen.is_none() && si > 0 {
                let aside = asides(text, &toks[si - 1]);
                let quoted_before = &in_quotes[si - 1];
                let spoken = |start: usize| {
                    outside_quote && quoted_before.get(start).copied().unwrap_or(false)
                };
                // "his chief of staff, Ivo Lind, said …": a possessive is a
                // modifier, not the subject.
                let possessive = |start: usize| {
                    toks[si - 1]
                        .get(start)
                        .is_some_and(|t| matches!(lower(&t.word).as_str(), "his" | "her" | "their"))
                };
                let previous = &per_sentence[si - 1];
                // "…, Ivo Lind said. … , he added": a speaking pronoun goes on
                // with the previous sentence's speaker.
                let speaker = |start: usize, end: usize| {
                    let ts = &toks[si - 1];
                    speaks(ts, end) || start.checked_sub(1).is_some_and(|k| is_speech_word(&ts[k]))
                };
                if speaks(ts, ti + 1) {
                    chosen = previous
                        .iter()
                        .filter(|&&(start, end, _)| !spoken(start) && speaker(start, end))
                        .map(|&(_, _, e)| e)
                        .find(|&e| fits(e));
                }
                chosen = chosen.or_else(|| {
                    previous
                        .iter()
                        .filter(|(start, _, _)| !aside.get(*start).copied().unwrap_or(false))
                        .filter(|(start, _, _)| !spoken(*start) && !possessive(*start))
                        .map(|&(_, _, e)| e)
                        .find(|&e| fits(e))
                        .or_else(|| {
                            previous
                                .iter()
                                .filter(|(start, _, _)| !spoken(*start))
                                .map(|&(_, _, e)| e)
                                .find(|&e| fits(e))
                        })
                });
            }
            let Some(e) = chosen else { continue };
            gender[e] = Some(masculine);
            per_sentence[si].push((ti, ti + 1, e));
            per_sentence[si].sort_unstable();
            out.push(Mention {
                span: t.span,
                text: t.span.slice(text).to_string(),
                kind: EntityKind::Person,
                entity: e,
                is_pronoun: true,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders what `recognise` found: one line per entity, then the pronoun links.
    fn render(text: &str) -> String {
        let a = recognise(text, &text::split_sentences(text));
        let mut out = String::new();
        for (i, e) in a.entities.iter().enumerate() {
            out.push_str(&format!("{i} {:?} {:?}", e.kind, e.name));
            if e.aliases.len() > 1 {
                out.push_str(&format!(" aliases={:?}", e.aliases));
            }
            if !e.roles.is_empty() {
                out.push_str(&format!(" roles={:?}", e.roles));
            }
            out.push('\n');
        }
        for m in a.mentions.iter().filter(|m| m.is_pronoun) {
            out.push_str(&format!("{:?}@{} -> {}\n", m.text, m.span.start, m.entity));
        }
        out
    }

    fn check(text: &str, expect: expect_test::Expect) {
        expect.assert_eq(&render(text));
    }

    #[test]
    fn embedded_model_loads() {
        let m = embedded_model().expect("the embedded model parses");
        assert!(m.emissions.len() > 1000);
    }

    #[test]
    fn recognises_people_places_organisations() {
        check(
            "Marta Kovalenko met officials of the Nordic Grain Council in Berlin on Monday.",
            expect_test::expect![[r#"
                0 Person "Marta Kovalenko"
                1 Organization "Nordic Grain Council"
                2 Location "Berlin"
            "#]],
        );
    }

    #[test]
    fn roles_from_premodifiers_and_appositions() {
        check(
            "Velorian Army Secretary Tomas Brandt arrived in Oslo. \
             Kremlin spokesman Anatoly Verin said talks would continue. \
             Verin, the Kremlin spokesman, declined to comment. \
             President Ilona Varga spoke later, writes the BBC's security correspondent Hugh Tennant. \
             Varga's envoy Oleg Sarn met Pavlo Dorin, Varga's chief of staff, in Vienna.",
            expect_test::expect![[r#"
                0 Person "Tomas Brandt" roles=["Velorian Army Secretary"]
                1 Location "Oslo"
                2 Location "Kremlin"
                3 Person "Anatoly Verin" aliases=["Anatoly Verin", "Verin"] roles=["Kremlin spokesman"]
                4 Person "Ilona Varga" aliases=["Ilona Varga", "Varga"] roles=["President"]
                5 Organization "BBC"
                6 Person "Hugh Tennant" roles=["BBC's security correspondent"]
                7 Person "Oleg Sarn" roles=["Varga's envoy"]
                8 Person "Pavlo Dorin" roles=["Varga's chief of staff"]
                9 Location "Vienna"
            "#]],
        );
    }

    #[test]
    fn aliases_merge_within_a_document() {
        check(
            "Bohdan Ostrovsky warned on Friday. Ostrovsky's office said the Ministry of Rivers \
             would respond. Later, Ostrovsky met Greta Holm and Anders Holm in Vilnius.",
            expect_test::expect![[r#"
                0 Person "Bohdan Ostrovsky" aliases=["Bohdan Ostrovsky", "Ostrovsky"]
                1 Organization "Ministry of Rivers"
                2 Person "Greta Holm"
                3 Person "Anders Holm"
                4 Location "Vilnius"
            "#]],
        );
    }

    #[test]
    fn namesakes_stay_apart() {
        check(
            "Arno Lind arrived in Tallinn on Monday. Lind said the talks went well. \
             Later, Petra Lind joined him, and Lind thanked her.",
            expect_test::expect![[r#"
                0 Person "Arno Lind" aliases=["Arno Lind", "Lind"]
                1 Location "Tallinn"
                2 Person "Petra Lind"
                "him"@96 -> 0
                "her"@118 -> 2
            "#]],
        );
    }

    #[test]
    fn short_name_before_full_name_joins_it() {
        check(
            "Ostrovsky warns of delays.\n\nPrime Minister Bohdan Ostrovsky said on Tuesday that the plan was late.",
            expect_test::expect![[r#"
                0 Person "Bohdan Ostrovsky" roles=["Prime Minister"]
            "#]],
        );
    }

    #[test]
    fn title_case_headings_and_kind_disagreements() {
        check(
            "Ostrovsky Warns Farmers About Harvest Delays\n\nMany farmers fear delays to the harvest, \
             the minister warns. Bohdan Ostrovsky met the Velorian Farmers Union in Dravik. \
             The Ostrovsky government later said Ostrovsky would travel.",
            expect_test::expect![[r#"
                0 Person "Bohdan Ostrovsky" aliases=["Bohdan Ostrovsky", "Ostrovsky"]
                1 Organization "Velorian Farmers Union"
                2 Location "Dravik"
            "#]],
        );
    }

    #[test]
    fn one_word_names_used_as_places_become_locations() {
        // "Dravik", seen once and never after "in"/"near", stays what the tagger
        // says (a person): unseen place names are its known weak spot.
        check(
            "Shelling hit Voronivka overnight. Residents in Voronivka said the Tarnel \
             Council met near Voronivka. Troops left Dravik and Voronivka on Sunday.",
            expect_test::expect![[r#"
                0 Location "Voronivka"
                1 Organization "Tarnel Council"
                2 Person "Dravik"
            "#]],
        );
    }

    #[test]
    fn names_inside_institution_runs() {
        check(
            "The talks were led by Velorian Vice President Jon Marek and Foreign Minister \
             Ilse Brandauer.",
            expect_test::expect![[r#"
                0 Other "Velorian"
                1 Person "Jon Marek" roles=["Velorian Vice President"]
                2 Person "Ilse Brandauer" roles=["Foreign Minister"]
            "#]],
        );
    }

    #[test]
    fn pronouns_resolve_to_recent_people() {
        check(
            "Marta Kovalenko said she would travel to Paris. He disagreed, said Pavel Dorin. \
             His office did not comment.",
            expect_test::expect![[r#"
                0 Person "Marta Kovalenko"
                1 Location "Paris"
                2 Person "Pavel Dorin"
                "she"@21 -> 0
                "His"@80 -> 2
            "#]],
        );
    }

    #[test]
    fn a_person_in_an_aside_is_not_the_next_sentences_subject() {
        check(
            "On 3 May - during a visit by Anna Berg - I asked Ivo Lind if he still agreed. \
             He sounded doubtful. \"Maybe,\" he said.",
            expect_test::expect![[r#"
                0 Person "Anna Berg"
                1 Person "Ivo Lind"
                "he"@61 -> 1
                "He"@78 -> 1
                "he"@108 -> 1
            "#]],
        );
    }

    #[test]
    fn a_speaking_pronoun_goes_on_with_the_speaker_not_a_name_in_a_quote() {
        // A name inside the quote is not who "he" is; a possessive is not the
        // previous sentence's subject; "he added" goes on with the last speaker.
        check(
            "Talks went well, Ivo Lind said. \u{201c}I hope to meet Pavel Dorin soon,\u{201d} he added. \
             Later his aide, Marko Tamm, said the vote was close. He added that it could slip. \
             Ana Berg would then call, Tamm reportedly said. The delay was short, he added.",
            expect_test::expect![[r#"
                0 Person "Ivo Lind"
                1 Person "Pavel Dorin"
                2 Person "Marko Tamm" aliases=["Marko Tamm", "Tamm"]
                3 Person "Ana Berg"
                "he"@71 -> 0
                "his"@87 -> 0
                "He"@134 -> 2
                "he"@232 -> 2
            "#]],
        );
    }

    #[test]
    fn a_leader_described_by_office_is_the_person_holding_it() {
        check(
            "Slovenian President Mira Kos met Prime Minister Ivo Lind on Monday. \
             \"We agree,\" the Slovenian leader said. The president left early. \
             The Danish leader did not attend.",
            expect_test::expect![[r#"
                0 Other "Slovenian"
                1 Person "Mira Kos" roles=["Slovenian President"]
                2 Person "Ivo Lind" roles=["Prime Minister"]
                3 Other "Danish"
                "the Slovenian leader"@80 -> 1
                "The president"@107 -> 1
            "#]],
        );
    }

    #[test]
    fn bad_sentence_spans_do_not_panic() {
        let text = "Marta Kovalenko spoke.";
        let a = recognise(text, &[Span::new(0, 500), Span { start: 3, end: 2 }]);
        assert!(a.entities.is_empty());
        let b = recognise("", &[]);
        assert!(b.mentions.is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "'s",
            "\u{2019}s Mira",
            "President",
            "Kremlin spokesman ,",
            "He said. She said. His.",
            "Zoë Ångström-Øberg met Ivo in Łódź 🙂 \u{301}A, the chief,",
            "A, ,, ;; ... \n\n\n",
            "UPPER CASE HEADLINE ABOUT NOTHING\n\nthen lower text only",
        ] {
            let a = recognise(text, &text::split_sentences(text));
            for m in &a.mentions {
                assert!(m.entity < a.entities.len());
                assert_eq!(m.span.slice(text), m.text);
            }
        }
    }

    /// Prints what the model finds in the seed pages (no document-specific gold), and
    /// checks that the Zelensky spellings used across the seeds share one key.
    #[test]
    fn seeds_report() {
        let Some(dir) = testkit::shared_path("seeds") else {
            return;
        };
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("seeds folder is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let mut zelensky_keys = std::collections::BTreeSet::new();
        let mut zelensky_entities: Vec<Entity> = Vec::new();
        for p in &paths {
            let raw = std::fs::read_to_string(p).expect("seed is UTF-8");
            let text = text::normalize_text(&raw);
            let started = std::time::Instant::now();
            let a = recognise(&text, &text::split_sentences(&text));
            println!(
                "== {} : {} bytes, {} entities, {} mentions ({:.1} ms)",
                p.display(),
                text.len(),
                a.entities.len(),
                a.mentions.len(),
                started.elapsed().as_secs_f64() * 1000.0
            );
            for e in a.entities.iter().take(200) {
                println!(
                    "  {:?} {:?} key={:?} aliases={:?} roles={:?}",
                    e.kind, e.name, e.key, e.aliases, e.roles
                );
            }
            for m in a.mentions.iter().filter(|m| m.is_pronoun).take(12) {
                let from = (0..=m.span.start.saturating_sub(60))
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                println!(
                    "  pronoun {:?} -> {:?} in {:?}",
                    m.text,
                    a.entities[m.entity].name,
                    text.get(from..m.span.end).unwrap_or("")
                );
            }
            for e in &a.entities {
                if e.kind == EntityKind::Person
                    && e.aliases
                        .iter()
                        .any(|s| s.to_lowercase().starts_with("zelensk"))
                {
                    zelensky_entities.push(e.clone());
                    zelensky_keys.insert(name_key(
                        e.name.rsplit(' ').next().unwrap_or(&e.name),
                        EntityKind::Person,
                    ));
                }
            }
        }
        println!("zelensky surname keys: {zelensky_keys:?}");
        assert!(zelensky_keys.len() <= 1, "{zelensky_keys:?}");
        for a in &zelensky_entities {
            for b in &zelensky_entities {
                assert!(same_entity(a, b), "{:?} vs {:?}", a.name, b.name);
            }
        }
    }
}
