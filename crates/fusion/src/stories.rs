//! Incremental, explainable clustering of documents into stories.
//!
//! Two levels are kept:
//!
//! * **topic** — the broad story ("an earthquake", "a celebrity enters rehab");
//! * **event** (a *story* proper) — one seminal event inside a topic. Two different
//!   earthquakes share a topic but are two stories.
//!
//! Each document is added once ([`StoryClusterer::add`]): its features are compared
//! with the running centroids of the existing topics and stories, and it joins the
//! best one above a threshold or starts a new one. Nothing already placed is
//! recomputed; document frequencies are updated as documents arrive (incremental
//! TF-IDF). Every decision comes with reasons: the shared terms that weighed most,
//! the shared names and numbers, how close the event dates are, and the similarity
//! value against its threshold.
//!
//! Topics are formed greedily (a document joins the closest topic above a fairly
//! strict threshold) and then merged: when a topic reaches two documents and each
//! time it doubles, and for all topics every `merge_sweep_every` documents, two
//! topics merge when they are each other's closest by *average link* — the mean
//! cosine between their documents, each weighted (idf to a power above one, names
//! weighted up) when it arrived — and that value reaches `topic_merge_threshold`.
//! Average link does not grow with a topic's size, so large topics do not swallow
//! their neighbours the way centroid or single-link comparisons do.
//!
//! Incremental topics depend on the order documents arrive in (an early merge
//! cannot be undone). [`StoryClusterer::settle_topics`] regroups all stories from
//! scratch — mutual-best average link over the plain words of each document's
//! headline and first four sentences, idf squared — and [`StoryClusterer::topic_of`]
//! answers from that until the next document arrives. On ECB+ this took topic B³
//! F1 from 0.906 to 0.925 in the scorer's order and from 0.870 to 0.926 averaged
//! over 8 shuffled orders (settings picked on the customary train topics).
//!
//! The event-level key weights what tells two events of one kind apart: names of
//! places and people (capitalised words inside sentences, plus any names supplied
//! by the caller), numbers, and event dates; plain words count only by how rare
//! they are within the topic. The result is deterministic: stories are compared in
//! creation order, ties go to the older story, and no hash-map order leaks out.

use std::collections::HashMap;

use chrono::NaiveDate;
use text::TokenShape;

/// A document to place into a story.
#[derive(Debug, Clone, Default)]
pub struct StoryInput {
    /// Caller's identifier, echoed in nothing but useful for the caller's maps.
    pub id: String,
    pub title: Option<String>,
    pub text: String,
    pub published: Option<NaiveDate>,
    /// Event dates found in the text (day-precision timex values), if any.
    pub dates: Vec<NaiveDate>,
    /// Entity names found in the text, if any (people, places, organisations).
    pub names: Vec<String>,
}

/// Where a document went and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The event-level story (index into [`StoryClusterer::stories`]).
    pub story: usize,
    /// The topic the story belongs to.
    pub topic: usize,
    /// The event-level similarity that decided (0 when the story is new).
    pub score: f64,
    /// True when the document started a new story.
    pub new_story: bool,
    /// Human-readable reasons for the decision.
    pub reasons: Vec<String>,
}

/// Thresholds and weights.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryConfig {
    /// Minimum cosine (TF-IDF over words and names) to join an existing topic.
    pub topic_threshold: f64,
    /// Minimum event-level score to join an existing story inside the topic.
    pub event_threshold: f64,
    /// Weight multiplier of name features relative to plain words.
    pub name_weight: f64,
    /// Weight multiplier of number features.
    pub number_weight: f64,
    /// Event dates further apart than this many days count against joining.
    pub date_window_days: i64,
    /// The event score is multiplied by this when the closest event dates of the
    /// document and the story are further apart than `date_window_days`.
    pub date_mismatch_factor: f64,
    /// How many terms a document keeps (its most weighted ones).
    pub max_terms: usize,
    /// Weight of name features at the topic level (names tell events apart more
    /// than they tell topics together).
    pub topic_name_weight: f64,
    /// Weight of number features at the topic level.
    pub topic_number_weight: f64,
    /// Compare a document with each story of a topic too, not only the topic centroid.
    pub topic_linkage_by_story: bool,
    /// Two topics merge when their average-link similarity (the mean cosine between
    /// their documents under merge weights) reaches this and each is the other's
    /// closest topic.
    pub topic_merge_threshold: f64,
    /// A topic is checked for a merge when it reaches this many documents and each
    /// time its size doubles.
    pub topic_merge_min_members: usize,
    /// Weight of name features when topics are compared for a merge.
    pub merge_name_weight: f64,
    /// Exponent of idf when topics are compared for a merge (above 1 favours the
    /// rare words that name a kind of event over common news vocabulary).
    pub merge_idf_power: f64,
    /// Every this many documents, all topics are checked for mutual-best merges
    /// (0: only when a topic reaches its check sizes).
    pub merge_sweep_every: usize,
    /// Settling (see [`StoryClusterer::settle_topics`]): the plain words of a
    /// document's headline and first this many sentences represent it (0: no
    /// settling; topics stay as formed incrementally).
    pub settle_lede_sentences: usize,
    /// Exponent of idf in the settling vectors.
    pub settle_idf_power: f64,
    /// Two groups of stories settle into one topic when they are each other's
    /// closest by average link and that reaches this.
    pub settle_threshold: f64,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            topic_threshold: 0.15,
            event_threshold: 0.12,
            name_weight: 2.0,
            number_weight: 1.0,
            date_window_days: 7,
            date_mismatch_factor: 0.5,
            max_terms: 400,
            topic_name_weight: 2.0,
            topic_number_weight: 1.0,
            topic_linkage_by_story: true,
            topic_merge_threshold: 0.095,
            topic_merge_min_members: 2,
            merge_name_weight: 3.0,
            merge_idf_power: 1.5,
            merge_sweep_every: 50,
            settle_lede_sentences: 4,
            settle_idf_power: 2.0,
            settle_threshold: 0.035,
        }
    }
}

/// The kind of a feature: drives its weight and how it is explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum FeatureKind {
    Word,
    Name,
    Number,
}

/// A running sum of document vectors.
#[derive(Debug, Clone, Default)]
struct Centroid {
    /// term id -> sum over members of the member's normalised term frequency.
    weights: HashMap<u32, f64>,
    members: usize,
    /// The norm under topic-level weights and the corpus size it was computed at.
    /// Refreshed when the centroid changes or the corpus has grown by a tenth
    /// (idf drifts slowly), so comparing with many stories stays cheap.
    topic_norm: std::cell::Cell<Option<(u32, f64)>>,
}

impl Centroid {
    fn add(&mut self, doc: &[(u32, f64)]) {
        for &(t, w) in doc {
            *self.weights.entry(t).or_insert(0.0) += w;
        }
        self.members += 1;
        self.topic_norm.set(None);
    }
}

/// One event-level story.
#[derive(Debug, Clone)]
pub struct Story {
    /// The topic this story belongs to.
    pub topic: usize,
    /// The ids of its documents, in arrival order.
    pub members: Vec<String>,
    /// Event dates seen in its documents (sorted, deduplicated).
    pub dates: Vec<NaiveDate>,
    centroid: Centroid,
    /// Each member's settling lede (term, sublinear count), when settling is on.
    ledes: Vec<Vec<(u32, f64)>>,
}

#[derive(Debug, Clone, Default)]
struct Topic {
    centroid: Centroid,
    /// Document frequency of each term among the topic's documents.
    df: HashMap<u32, u32>,
    stories: Vec<usize>,
    /// Set when this topic was merged into another one.
    merged_into: Option<usize>,
    /// Sum of the members' unit vectors under merge weights, as weighted when each
    /// arrived: `dot(a, b) / (|a| |b|)` over members is the average-link similarity.
    linked: HashMap<u32, f64>,
}

/// The incremental clusterer.
#[derive(Debug, Clone, Default)]
pub struct StoryClusterer {
    pub config: StoryConfig,
    /// Event-level stories in creation order.
    pub stories: Vec<Story>,
    topics: Vec<Topic>,
    vocabulary: HashMap<String, u32>,
    terms: Vec<(String, FeatureKind)>,
    df: Vec<u32>,
    /// `ln(df + 1)` per term, kept in step with `df` (idf without logarithms in loops).
    ln_df: Vec<f64>,
    /// `ln(documents + 1)`, kept in step with `documents`.
    ln_documents: f64,
    documents: u32,
    /// The topic of each story from the last [`StoryClusterer::settle_topics`],
    /// cleared when a document is added.
    settled: Option<Vec<usize>>,
}

/// A document's features: sorted by term id, each with its normalised frequency.
struct DocFeatures {
    terms: Vec<(u32, f64)>,
    /// The plain words of the headline and the first `settle_lede_sentences`
    /// sentences (sublinear counts, not normalised; empty when that is 0).
    settle_lede: Vec<(u32, f64)>,
}

impl StoryClusterer {
    /// A clusterer with the given configuration.
    pub fn new(config: StoryConfig) -> Self {
        StoryClusterer {
            config,
            ..Default::default()
        }
    }

    /// How many topics exist (merged topics not counted).
    pub fn topic_count(&self) -> usize {
        self.topics
            .iter()
            .filter(|t| t.merged_into.is_none())
            .count()
    }

    /// Places `doc` into the best story, or starts a new one.
    pub fn add(&mut self, doc: &StoryInput) -> Assignment {
        self.settled = None;
        let features = self.features(doc);
        // Update document frequencies first so the new document's own rare words
        // are weighted with the corpus that now includes it.
        self.documents += 1;
        self.ln_documents = (f64::from(self.documents) + 1.0).ln();
        for &(t, _) in &features.terms {
            self.df[t as usize] += 1;
            self.ln_df[t as usize] = (f64::from(self.df[t as usize]) + 1.0).ln();
        }
        let mut reasons = Vec::new();

        // Topic level.
        let mut best_topic: Option<(usize, f64)> = None;
        for (i, topic) in self.topics.iter().enumerate() {
            if topic.merged_into.is_some() {
                continue;
            }
            // A topic is as close as its closest story (siblings differ in names
            // and dates; a mixed centroid would blur the one that matches).
            let mut s = self.cosine(&features.terms, &topic.centroid, None);
            if self.config.topic_linkage_by_story {
                for &si in &topic.stories {
                    s = s.max(self.cosine(&features.terms, &self.stories[si].centroid, None));
                }
            }
            if !matches!(best_topic, Some((_, b)) if s <= b) {
                best_topic = Some((i, s));
            }
        }
        let topic = match best_topic {
            Some((i, s)) if s >= self.config.topic_threshold => {
                reasons.push(format!(
                    "topic {i}: similarity {s:.3} >= threshold {:.3}",
                    self.config.topic_threshold
                ));
                i
            }
            other => {
                if let Some((i, s)) = other {
                    reasons.push(format!(
                        "new topic: best topic {i} similarity {s:.3} < threshold {:.3}",
                        self.config.topic_threshold
                    ));
                } else {
                    reasons.push("new topic: first document".to_string());
                }
                self.topics.push(Topic::default());
                self.topics.len() - 1
            }
        };

        // Event level, inside the topic.
        let mut best_story: Option<(usize, f64)> = None;
        for &si in &self.topics[topic].stories {
            let s = self.event_score(&features.terms, doc, si, topic);
            if !matches!(best_story, Some((_, b)) if s <= b) {
                best_story = Some((si, s));
            }
        }
        let (story, score, new_story) = match best_story {
            Some((si, s)) if s >= self.config.event_threshold => {
                reasons.push(format!(
                    "story {si}: event similarity {s:.3} >= threshold {:.3}",
                    self.config.event_threshold
                ));
                reasons.extend(self.explain(&features.terms, doc, si, topic));
                (si, s, false)
            }
            other => {
                if let Some((si, s)) = other {
                    reasons.push(format!(
                        "new story: best story {si} event similarity {s:.3} < threshold {:.3}",
                        self.config.event_threshold
                    ));
                    reasons.extend(self.explain(&features.terms, doc, si, topic));
                }
                self.stories.push(Story {
                    topic,
                    members: Vec::new(),
                    ledes: Vec::new(),
                    dates: Vec::new(),
                    centroid: Centroid::default(),
                });
                let si = self.stories.len() - 1;
                self.topics[topic].stories.push(si);
                (si, 0.0, true)
            }
        };

        // Update the chosen topic and story.
        let linked = self.merge_vector(&features.terms);
        let t = &mut self.topics[topic];
        for (term, w) in linked {
            *t.linked.entry(term).or_insert(0.0) += w;
        }
        t.centroid.add(&features.terms);
        for &(term, _) in &features.terms {
            *t.df.entry(term).or_insert(0) += 1;
        }
        let s = &mut self.stories[story];
        s.centroid.add(&features.terms);
        s.members.push(doc.id.clone());
        if self.config.settle_lede_sentences > 0 {
            s.ledes.push(features.settle_lede);
        }
        s.dates.extend(doc.dates.iter().copied());
        s.dates.sort_unstable();
        s.dates.dedup();

        if self.config.merge_sweep_every > 0
            && (self.documents as usize).is_multiple_of(self.config.merge_sweep_every)
        {
            for (into, sim, other) in self.merge_sweep() {
                reasons.push(format!(
                    "topics {other} and {into} merged: average link {sim:.3}, each the other's closest (>= {:.3})",
                    self.config.topic_merge_threshold
                ));
            }
        }
        if let Some((into, sim, other)) = self.merge_topic_centroids(self.stories[story].topic) {
            reasons.push(format!(
                "topics {other} and {into} merged: average link {sim:.3}, each the other's closest (>= {:.3})",
                self.config.topic_merge_threshold
            ));
        }
        let topic = self.stories[story].topic;

        Assignment {
            story,
            topic,
            score,
            new_story,
            reasons,
        }
    }

    /// The current topic of a story (topics can merge as stories grow).
    pub fn topic_of(&self, story: usize) -> Option<usize> {
        if let Some(t) = self.settled.as_ref().and_then(|s| s.get(story)) {
            return Some(*t);
        }
        self.stories.get(story).map(|s| s.topic)
    }

    /// Regroups all stories into topics from scratch, independent of the order the
    /// documents came in: each story starts alone, represented by the mean of its
    /// documents' lede vectors (plain words of the headline and first
    /// `settle_lede_sentences` sentences, idf to `settle_idf_power`, current corpus
    /// statistics); then, round after round, groups that are each other's closest
    /// by average link at or above `settle_threshold` join. Incremental topics
    /// decide on whatever has arrived and cannot undo an early merge; this pass
    /// can. [`topic_of`](Self::topic_of) answers from it until the next document
    /// is added. Returns the joins made (kept story, joined story, average link),
    /// for explanation. A topic is labelled by its first story.
    pub fn settle_topics(&mut self) -> Vec<(usize, usize, f64)> {
        if self.config.settle_lede_sentences == 0 || self.stories.is_empty() {
            return Vec::new();
        }
        let power = self.config.settle_idf_power;
        // Per group: the sum of its documents' unit vectors and their number.
        let mut sums: Vec<HashMap<u32, f64>> = Vec::with_capacity(self.stories.len());
        let mut sizes: Vec<f64> = Vec::with_capacity(self.stories.len());
        for story in &self.stories {
            let mut sum: HashMap<u32, f64> = HashMap::new();
            for lede in &story.ledes {
                let v: Vec<(u32, f64)> = lede
                    .iter()
                    .map(|&(t, c)| (t, c * self.idf_of(t).powf(power)))
                    .collect();
                let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
                if norm > 0.0 {
                    for (t, x) in v {
                        *sum.entry(t).or_insert(0.0) += x / norm;
                    }
                }
            }
            sums.push(sum);
            sizes.push(story.ledes.len() as f64);
        }
        let mut label: Vec<usize> = (0..self.stories.len()).collect();
        let mut live: Vec<usize> = (0..self.stories.len())
            .filter(|&g| sizes[g] > 0.0)
            .collect();
        let link = |sums: &[HashMap<u32, f64>], sizes: &[f64], a: usize, b: usize| {
            let (small, large) = if sums[a].len() <= sums[b].len() {
                (&sums[a], &sums[b])
            } else {
                (&sums[b], &sums[a])
            };
            let dot: f64 = small
                .iter()
                .filter_map(|(t, w)| large.get(t).map(|v| w * v))
                .sum();
            dot / (sizes[a] * sizes[b])
        };
        let mut joins = Vec::new();
        loop {
            let best: Vec<Option<(usize, f64)>> = live
                .iter()
                .map(|&a| {
                    let mut best: Option<(usize, f64)> = None;
                    for &b in &live {
                        if b == a {
                            continue;
                        }
                        let l = link(&sums, &sizes, a, b);
                        if !matches!(best, Some((_, x)) if l <= x) {
                            best = Some((b, l));
                        }
                    }
                    best
                })
                .collect();
            let position = |g: usize| live.iter().position(|&x| x == g);
            let mut gone: Vec<usize> = Vec::new();
            for (i, &a) in live.iter().enumerate() {
                let Some((b, l)) = best[i] else { continue };
                let mutual = position(b)
                    .and_then(|j| best[j])
                    .is_some_and(|(back, _)| back == a);
                if a < b && mutual && l >= self.config.settle_threshold {
                    let moved = std::mem::take(&mut sums[b]);
                    for (t, w) in moved {
                        *sums[a].entry(t).or_insert(0.0) += w;
                    }
                    sizes[a] += sizes[b];
                    for l in label.iter_mut() {
                        if *l == b {
                            *l = a;
                        }
                    }
                    gone.push(b);
                    joins.push((a, b, l));
                }
            }
            if gone.is_empty() {
                break;
            }
            live.retain(|g| !gone.contains(g));
        }
        self.settled = Some(label);
        joins
    }

    /// After `topic` grew: when it and another topic are each other's closest by
    /// average link and at least `topic_merge_threshold` similar, the two merge.
    /// Checked when the topic reaches the minimum size and each time it doubles.
    fn merge_topic_centroids(&mut self, topic: usize) -> Option<(usize, f64, usize)> {
        let m = self.topics[topic].centroid.members;
        if m < self.config.topic_merge_min_members
            || !(m == self.config.topic_merge_min_members || m.is_power_of_two())
        {
            return None;
        }
        let (other, sim) = self.closest_topic(topic)?;
        if sim < self.config.topic_merge_threshold {
            return None;
        }
        // Both ways: the other topic's closest must be this one (no chaining
        // through a large topic that is a little similar to everything).
        if self.closest_topic(other).map(|(t, _)| t) != Some(topic) {
            return None;
        }
        Some(self.merge_topic_pair(topic, other, sim))
    }

    /// Each live topic with its closest other topic and their average-link
    /// similarity (the value a merge is decided on), in topic order.
    pub fn topic_neighbours(&self) -> Vec<(usize, usize, f64)> {
        (0..self.topics.len())
            .filter(|&t| {
                self.topics[t].merged_into.is_none() && self.topics[t].centroid.members > 0
            })
            .filter_map(|t| self.closest_topic(t).map(|(o, sim)| (t, o, sim)))
            .collect()
    }

    /// The live topic closest to `topic` by average link.
    fn closest_topic(&self, topic: usize) -> Option<(usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        for (oi, other) in self.topics.iter().enumerate() {
            if oi == topic || other.merged_into.is_some() || other.centroid.members == 0 {
                continue;
            }
            let sim = self.average_link(topic, oi);
            if !matches!(best, Some((_, b)) if sim <= b) {
                best = Some((oi, sim));
            }
        }
        best
    }

    /// The weight of a term when topics are compared for a merge.
    fn merge_weight(&self, t: u32) -> f64 {
        let kind = match self.terms[t as usize].1 {
            FeatureKind::Word => 1.0,
            FeatureKind::Name => self.config.merge_name_weight,
            FeatureKind::Number => self.config.topic_number_weight,
        };
        self.idf_of(t).powf(self.config.merge_idf_power) * kind
    }

    /// A document's unit vector under the current merge weights.
    fn merge_vector(&self, doc: &[(u32, f64)]) -> Vec<(u32, f64)> {
        let mut v: Vec<(u32, f64)> = doc
            .iter()
            .map(|&(t, w)| (t, w * self.merge_weight(t)))
            .collect();
        let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, x) in &mut v {
                *x /= norm;
            }
        }
        v
    }

    /// Average-link similarity of two topics: the mean cosine over pairs of their documents.
    fn average_link(&self, a: usize, b: usize) -> f64 {
        let (ta, tb) = (&self.topics[a], &self.topics[b]);
        let n = (ta.centroid.members * tb.centroid.members) as f64;
        if n <= 0.0 {
            return 0.0;
        }
        let (small, large) = if ta.linked.len() <= tb.linked.len() {
            (&ta.linked, &tb.linked)
        } else {
            (&tb.linked, &ta.linked)
        };
        let dot: f64 = small
            .iter()
            .filter_map(|(t, &w)| large.get(t).map(|&v| w * v))
            .sum();
        dot / n
    }

    /// Checks every live topic for a mutual-best partner above the merge threshold
    /// and merges such pairs (oldest topics first). Returns the merges made.
    fn merge_sweep(&mut self) -> Vec<(usize, f64, usize)> {
        let mut done = Vec::new();
        for topic in 0..self.topics.len() {
            if self.topics[topic].merged_into.is_some() {
                continue;
            }
            let Some((other, sim)) = self.closest_topic(topic) else {
                continue;
            };
            if sim < self.config.topic_merge_threshold {
                continue;
            }
            if self.closest_topic(other).map(|(t, _)| t) != Some(topic) {
                continue;
            }
            done.push(self.merge_topic_pair(topic, other, sim));
        }
        done
    }

    /// Merges the younger of two topics into the older; returns `(kept, sim, gone)`.
    fn merge_topic_pair(&mut self, a: usize, b: usize, sim: f64) -> (usize, f64, usize) {
        let (keep, gone) = (a.min(b), a.max(b));
        let moved = std::mem::take(&mut self.topics[gone]);
        for &si in &moved.stories {
            self.stories[si].topic = keep;
        }
        let k = &mut self.topics[keep];
        for (t, w) in moved.centroid.weights {
            *k.centroid.weights.entry(t).or_insert(0.0) += w;
        }
        k.centroid.members += moved.centroid.members;
        k.centroid.topic_norm.set(None);
        for (t, n) in moved.df {
            *k.df.entry(t).or_insert(0) += n;
        }
        for (t, w) in moved.linked {
            *k.linked.entry(t).or_insert(0.0) += w;
        }
        k.stories.extend(moved.stories);
        k.stories.sort_unstable();
        self.topics[gone].merged_into = Some(keep);
        (keep, sim, gone)
    }

    fn intern(&mut self, key: String, kind: FeatureKind) -> u32 {
        if let Some(&id) = self.vocabulary.get(&key) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
        self.vocabulary.insert(key.clone(), id);
        self.terms.push((key, kind));
        self.df.push(0);
        self.ln_df.push(0.0);
        id
    }

    /// Extracts words, names and numbers; returns L2-normalised sublinear counts.
    fn features(&mut self, doc: &StoryInput) -> DocFeatures {
        let mut counts: HashMap<u32, f64> = HashMap::new();
        let mut raw = Vec::new();
        if let Some(title) = &doc.title {
            // The headline counts twice: it names the event.
            raw.extend(extract_terms(title));
            raw.extend(extract_terms(title));
        }
        let title_terms = raw.len();
        raw.extend(extract_terms(&doc.text));
        // The settling lede: plain words of the headline and first sentences.
        let settle_n = self.config.settle_lede_sentences;
        let in_lede = |i: usize, kind: FeatureKind, sentence: usize| {
            settle_n > 0 && kind == FeatureKind::Word && (i < title_terms || sentence < settle_n)
        };
        let mut settle_lede: HashMap<u32, f64> = HashMap::new();
        for (i, (key, kind, sentence)) in raw.into_iter().enumerate() {
            let id = self.intern(key, kind);
            *counts.entry(id).or_insert(0.0) += 1.0;
            if in_lede(i, kind, sentence) {
                *settle_lede.entry(id).or_insert(0.0) += 1.0;
            }
        }
        let settle_lede = sublinear(settle_lede);
        for name in &doc.names {
            let folded = text::normalize::fold_for_match(name);
            for part in folded.split_whitespace() {
                if part.len() > 1 && !is_stopword(part) {
                    let id = self.intern(format!("N:{part}"), FeatureKind::Name);
                    *counts.entry(id).or_insert(0.0) += 1.0;
                }
            }
        }
        let mut terms: Vec<(u32, f64)> = counts
            .into_iter()
            .map(|(t, c)| (t, 1.0 + f64::ln(c)))
            .collect();
        terms.sort_unstable_by_key(|&(t, _)| t);
        if terms.len() > self.config.max_terms {
            // Keep the most weighted terms (by current global idf), deterministic ties.
            let n = f64::from(self.documents + 1);
            let mut ranked: Vec<(u32, f64)> = terms
                .iter()
                .map(|&(t, w)| (t, w * idf(n, self.df[t as usize])))
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked.truncate(self.config.max_terms);
            let keep: std::collections::BTreeSet<u32> = ranked.iter().map(|r| r.0).collect();
            terms.retain(|(t, _)| keep.contains(t));
        }
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut terms {
                *w /= norm;
            }
        }
        DocFeatures { terms, settle_lede }
    }

    fn kind_weight(&self, kind: FeatureKind) -> f64 {
        match kind {
            FeatureKind::Word => 1.0,
            FeatureKind::Name => self.config.name_weight,
            FeatureKind::Number => self.config.number_weight,
        }
    }

    fn topic_kind_weight(&self, kind: FeatureKind) -> f64 {
        match kind {
            FeatureKind::Word => 1.0,
            FeatureKind::Name => self.config.topic_name_weight,
            FeatureKind::Number => self.config.topic_number_weight,
        }
    }

    fn idf_of(&self, t: u32) -> f64 {
        // Same value as `idf(documents, df)`, with the logarithm of df cached.
        self.ln_documents - self.ln_df[t as usize] + 1.0
    }

    /// The global weight of a term: idf over all documents times its kind weight.
    fn global_weight(&self, t: u32) -> f64 {
        self.idf_of(t) * self.kind_weight(self.terms[t as usize].1)
    }

    /// The topic-level weight of a term: idf times its topic-level kind weight.
    fn topic_weight(&self, t: u32) -> f64 {
        self.idf_of(t) * self.topic_kind_weight(self.terms[t as usize].1)
    }

    /// The event-level weight of a term inside `topic`: rare-within-the-topic terms
    /// weigh more (what one event has and its sibling lacks).
    fn event_weight(&self, t: u32, topic: usize) -> f64 {
        let tp = &self.topics[topic];
        let n = tp.centroid.members as f64 + 1.0;
        let df = f64::from(*tp.df.get(&t).unwrap_or(&0)) + 1.0;
        let within = (n / df).ln() + 0.5;
        self.global_weight(t) * within
    }

    /// Weighted cosine between a document and a centroid; `topic` selects event weights.
    fn cosine(&self, doc: &[(u32, f64)], c: &Centroid, topic: Option<usize>) -> f64 {
        if c.members == 0 {
            return 0.0;
        }
        let weight = |t: u32| match topic {
            Some(tp) => self.event_weight(t, tp),
            None => self.topic_weight(t),
        };
        let mut dot = 0.0;
        let mut dn = 0.0;
        for &(t, w) in doc {
            let g = weight(t);
            let x = w * g;
            dn += x * x;
            if let Some(&cw) = c.weights.get(&t) {
                dot += x * cw * g;
            }
        }
        let cached = match (topic, c.topic_norm.get()) {
            (None, Some((at, norm))) if u64::from(self.documents) * 10 <= u64::from(at) * 11 => {
                Some(norm)
            }
            _ => None,
        };
        let cn = match cached {
            Some(norm) => norm,
            None => {
                let mut cn = 0.0;
                for (&t, &cw) in &c.weights {
                    let y = cw * weight(t);
                    cn += y * y;
                }
                if topic.is_none() {
                    c.topic_norm.set(Some((self.documents, cn)));
                }
                cn
            }
        };
        if dn <= 0.0 || cn <= 0.0 {
            return 0.0;
        }
        dot / (dn.sqrt() * cn.sqrt())
    }

    /// Event score: event-weighted cosine, adjusted by date agreement.
    fn event_score(
        &self,
        doc: &[(u32, f64)],
        input: &StoryInput,
        story: usize,
        topic: usize,
    ) -> f64 {
        let s = &self.stories[story];
        let base = self.cosine(doc, &s.centroid, Some(topic));
        match date_gap(&input.dates, &s.dates) {
            Some(0) => base + 0.05,
            Some(g) if g > self.config.date_window_days => base * self.config.date_mismatch_factor,
            _ => base,
        }
    }

    /// Reasons: the shared terms that weigh most, shared names and numbers, dates.
    fn explain(
        &self,
        doc: &[(u32, f64)],
        input: &StoryInput,
        story: usize,
        topic: usize,
    ) -> Vec<String> {
        let s = &self.stories[story];
        let mut shared: Vec<(f64, u32)> = doc
            .iter()
            .filter_map(|&(t, w)| {
                s.centroid
                    .weights
                    .get(&t)
                    .map(|&cw| (w * cw * self.event_weight(t, topic).powi(2), t))
            })
            .collect();
        shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out = Vec::new();
        let list = |kind: FeatureKind| -> Vec<String> {
            shared
                .iter()
                .filter(|(_, t)| self.terms[*t as usize].1 == kind)
                .take(5)
                .map(|(_, t)| display_term(&self.terms[*t as usize].0))
                .collect()
        };
        let words = list(FeatureKind::Word);
        if !words.is_empty() {
            out.push(format!("shared rare terms: {}", words.join(", ")));
        }
        let names = list(FeatureKind::Name);
        if !names.is_empty() {
            out.push(format!("shared names: {}", names.join(", ")));
        }
        let numbers = list(FeatureKind::Number);
        if !numbers.is_empty() {
            out.push(format!("shared numbers: {}", numbers.join(", ")));
        }
        match date_gap(&input.dates, &s.dates) {
            Some(0) => out.push("same event date".to_string()),
            Some(g) if g > self.config.date_window_days => out.push(format!(
                "event dates {g} days apart (> {} day window)",
                self.config.date_window_days
            )),
            Some(g) => out.push(format!("event dates {g} days apart")),
            None => {}
        }
        out
    }
}

/// Smoothed inverse document frequency.
fn idf(n: f64, df: u32) -> f64 {
    ((n + 1.0) / (f64::from(df) + 1.0)).ln() + 1.0
}

/// The smallest distance in days between any date of `a` and any of `b` (both sorted or not).
fn date_gap(a: &[NaiveDate], b: &[NaiveDate]) -> Option<i64> {
    let mut best: Option<i64> = None;
    for x in a {
        for y in b {
            let g = (*x - *y).num_days().abs();
            best = Some(best.map_or(g, |b: i64| b.min(g)));
        }
    }
    best
}

fn display_term(key: &str) -> String {
    key.split_once(':')
        .map_or(key, |(_, rest)| rest)
        .to_string()
}

/// Words that carry no topic.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "me",
    "more",
    "most",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "new",
    "one",
    "two",
    "first",
    "last",
    "year",
    "years",
    "told",
    "according",
    "s",
    "mr",
    "mrs",
    "ms",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "news",
    "report",
    "reported",
    "reports",
    "http",
    "https",
    "www",
    "com",
    "html",
    "htm",
    "like",
    "may",
    "might",
    "must",
    "get",
    "got",
    "us",
    "well",
    "even",
    "still",
    "since",
    "per",
    "via",
    "de",
    "say",
    "week",
];

fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// Sublinear counts (1 + ln c), sorted by term.
fn sublinear(counts: HashMap<u32, f64>) -> Vec<(u32, f64)> {
    let mut v: Vec<(u32, f64)> = counts
        .into_iter()
        .map(|(t, c)| (t, 1.0 + f64::ln(c)))
        .collect();
    v.sort_unstable_by_key(|&(t, _)| t);
    v
}

/// Light suffix stripping so "earthquakes"/"earthquake" and "killed"/"kills" meet.
fn stem(w: &str) -> String {
    let n = w.len();
    if n > 5 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 5 && w.ends_with("ing") {
        return w[..n - 3].to_string();
    }
    if n > 4 && w.ends_with("ed") {
        return w[..n - 2].to_string();
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// Words, names and numbers of a text, with their kinds and the index of the
/// sentence (or line) each stands in.
fn extract_terms(text_in: &str) -> Vec<(String, FeatureKind, usize)> {
    let tokens = text::tokenize(text_in);
    let mut out = Vec::with_capacity(tokens.len());
    let mut sentence_start = true;
    let mut sentence = 0usize;
    let mut words_in_sentence = false;
    let mut prev_end = 0usize;
    for tok in &tokens {
        let gap = text_in.get(prev_end..tok.span.start).unwrap_or("");
        if gap.contains('\n') {
            sentence_start = true;
        }
        prev_end = tok.span.end;
        match tok.shape {
            TokenShape::Punct => {
                if matches!(tok.text, "." | "!" | "?") {
                    sentence_start = true;
                }
                continue;
            }
            _ if sentence_start && words_in_sentence => sentence += 1,
            _ => {}
        }
        words_in_sentence = true;
        match tok.shape {
            TokenShape::Punct => continue,
            TokenShape::Number => {
                let digits: String = tok.text.chars().filter(char::is_ascii_digit).collect();
                // Small counts ("3 people") are weak keys; keep numbers with two+ digits.
                if digits.len() >= 2 {
                    out.push((format!("#:{digits}"), FeatureKind::Number, sentence));
                }
            }
            shape => {
                let lower = text::normalize::fold_for_match(tok.text);
                if lower.len() < 2 || is_stopword(&lower) {
                    sentence_start = false;
                    continue;
                }
                let capital = matches!(
                    shape,
                    TokenShape::Capitalized | TokenShape::Upper | TokenShape::Mixed
                );
                if capital && !sentence_start {
                    out.push((format!("N:{lower}"), FeatureKind::Name, sentence));
                } else {
                    out.push((format!("W:{}", stem(&lower)), FeatureKind::Word, sentence));
                }
            }
        }
        sentence_start = false;
    }
    out
}

/// Clusters `docs` in the given order with the default configuration; returns
/// each document's event-level story index.
pub fn cluster_all(docs: &[StoryInput]) -> Vec<usize> {
    let mut c = StoryClusterer::new(StoryConfig::default());
    docs.iter().map(|d| c.add(d).story).collect()
}

/// Like [`cluster_all`], returning `(topic, story)` per document.
pub fn cluster_all_levels(docs: &[StoryInput], config: StoryConfig) -> Vec<(usize, usize)> {
    let mut c = StoryClusterer::new(config);
    docs.iter()
        .map(|d| {
            let a = c.add(d);
            (a.topic, a.story)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn doc(id: &str, text: &str, date: Option<(i32, u32, u32)>) -> StoryInput {
        StoryInput {
            id: id.to_string(),
            text: text.to_string(),
            dates: date
                .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
                .into_iter()
                .collect(),
            ..Default::default()
        }
    }

    /// Adds the documents in order; prints each one's topic, story and reasons.
    fn check(docs: &[StoryInput], expect: Expect) {
        let mut c = StoryClusterer::new(StoryConfig::default());
        let mut out = String::new();
        for d in docs {
            let a = c.add(d);
            out.push_str(&format!(
                "{} -> topic {} story {}{}\n",
                d.id,
                a.topic,
                a.story,
                if a.new_story { " (new)" } else { "" }
            ));
            for r in &a.reasons {
                out.push_str(&format!("    {r}\n"));
            }
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn topic_neighbours_are_mutual_for_two_topics() {
        let mut c = StoryClusterer::new(StoryConfig::default());
        c.add(&doc(
            "a",
            "A magnitude 6.8 earthquake struck near Varnholm on Sunday, collapsing 40 houses.",
            None,
        ));
        c.add(&doc("b", "The central bank of Norvia raised its interest rate to 4.5 percent to fight inflation.", None));
        let n = c.topic_neighbours();
        assert_eq!(n.len(), 2, "{n:?}");
        assert_eq!((n[0].0, n[0].1, n[1].0, n[1].1), (0, 1, 1, 0));
        assert!(
            n[0].2 == n[1].2 && n[0].2 < c.config.topic_merge_threshold,
            "{n:?}"
        );
    }

    /// Settled topics do not depend on the feeding order: two quakes share a topic
    /// (as two stories) and a rate decision stays apart, forwards and backwards.
    #[test]
    fn settled_topics_do_not_depend_on_order() {
        let docs = [
            doc("q1", "A magnitude 6.8 earthquake struck near the town of Varnholm on Sunday, collapsing 40 houses. Rescuers in Varnholm searched the rubble, said governor Ada Penrick.", Some((2031, 5, 4))),
            doc("q2", "A magnitude 5.9 earthquake struck near the port of Lusk Harbour on Thursday, collapsing 12 houses. Rescuers in Lusk Harbour searched the rubble, said mayor Tomas Everly.", Some((2031, 9, 18))),
            doc("f1", "The central bank of Norvia raised its interest rate to 4.5 percent to fight inflation, bank governor Lena Strom announced.", None),
            doc("f2", "Norvia's central bank lifted interest rates to 4.5 percent on Tuesday, its governor Lena Strom said, to cool inflation.", None),
        ];
        let partition = |order: &[usize]| {
            let mut c = StoryClusterer::new(StoryConfig::default());
            let mut story = vec![0; docs.len()];
            for &i in order {
                story[i] = c.add(&docs[i]).story;
            }
            let joins = c.settle_topics();
            let topic: Vec<usize> = story
                .iter()
                .map(|&s| c.topic_of(s).unwrap_or(usize::MAX))
                .collect();
            // Which documents share a topic, and a story (labels differ by order).
            let pairs = |v: &[usize]| -> Vec<bool> {
                (0..v.len())
                    .flat_map(|a| (a + 1..v.len()).map(move |b| (a, b)))
                    .map(|(a, b)| v[a] == v[b])
                    .collect()
            };
            (pairs(&topic), pairs(&story), joins.len())
        };
        let forwards = partition(&[0, 1, 2, 3]);
        let backwards = partition(&[3, 2, 1, 0]);
        assert_eq!(forwards.0, backwards.0, "same topics either way");
        // Pairs in order: q1-q2, q1-f1, q1-f2, q2-f1, q2-f2, f1-f2.
        assert_eq!(forwards.0, vec![true, false, false, false, false, true]);
        assert!(!forwards.1[0], "two quakes, two stories");
        assert!(forwards.2 >= 1, "the quakes were joined by settling");
    }

    #[test]
    fn distinct_quakes_stay_apart_and_same_quake_joins() {
        check(
            &[
                doc("q1", "A magnitude 6.8 earthquake struck near the town of Varnholm on Sunday, collapsing 40 houses. Rescuers in Varnholm searched the rubble of the earthquake, said governor Ada Penrick.", Some((2031, 5, 4))),
                doc("q2", "A magnitude 5.9 earthquake struck near the port of Lusk Harbour on Thursday, collapsing 12 houses. Rescuers in Lusk Harbour searched the rubble, said mayor Tomas Everly.", Some((2031, 9, 18))),
                doc("q3", "Governor Ada Penrick said rescuers pulled survivors from 40 houses that collapsed in the earthquake near Varnholm. The magnitude 6.8 quake struck Varnholm early Sunday.", Some((2031, 5, 4))),
                doc("f1", "The central bank of Norvia raised its interest rate to 4.5 percent to fight inflation, bank governor Lena Strom announced.", None),
            ],
            expect![[r#"
                q1 -> topic 0 story 0 (new)
                    new topic: first document
                q2 -> topic 1 story 1 (new)
                    new topic: best topic 0 similarity 0.145 < threshold 0.150
                q3 -> topic 0 story 0
                    topic 0: similarity 0.833 >= threshold 0.150
                    story 0: event similarity 0.644 >= threshold 0.120
                    shared rare terms: earthquake, governor, magnitude, struck, near
                    shared names: varnholm, ada, penrick
                    shared numbers: 68, 40
                    same event date
                f1 -> topic 2 story 2 (new)
                    new topic: best topic 0 similarity 0.019 < threshold 0.150
            "#]],
        );
    }

    #[test]
    fn shootings_in_two_towns_stay_apart_same_shooting_joins() {
        let shooting = |id: &str, title: &str, text: &str, names: &[&str], day: u32| StoryInput {
            id: id.to_string(),
            title: Some(title.to_string()),
            text: text.to_string(),
            published: NaiveDate::from_ymd_opt(2032, 2, day),
            dates: NaiveDate::from_ymd_opt(2032, 2, day).into_iter().collect(),
            names: names.iter().map(|n| n.to_string()).collect(),
        };
        check(
            &[
                shooting("s1", "Gunman opens fire at Dunmore mall", "A gunman opened fire at a shopping mall in Dunmore, wounding five shoppers before police arrested him, chief Rhea Kolt said.", &["Dunmore", "Rhea Kolt"], 3),
                shooting("s2", "Gunman opens fire at Pellham school", "A gunman opened fire outside a school in Pellham, wounding two teachers before police arrested him, chief Owen Marsh said.", &["Pellham", "Owen Marsh"], 14),
                shooting("s3", "Dunmore mall gunman charged", "Police chief Rhea Kolt said the Dunmore mall gunman who wounded five shoppers was charged with attempted murder.", &["Dunmore", "Rhea Kolt"], 3),
            ],
            expect![[r#"
                s1 -> topic 0 story 0 (new)
                    new topic: first document
                s2 -> topic 1 story 1 (new)
                    new topic: best topic 0 similarity 0.142 < threshold 0.150
                s3 -> topic 0 story 0
                    topic 0: similarity 0.773 >= threshold 0.150
                    story 0: event similarity 0.568 >= threshold 0.120
                    shared rare terms: mall, gunman, five, shopper, wound
                    shared names: dunmore, rhea, kolt
                    same event date
            "#]],
        );
    }
}
