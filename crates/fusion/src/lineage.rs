//! Repost lineage: which documents repeat an earlier one, and how many truly
//! independent sources a story has.
//!
//! A document is a repost when
//!
//! * it is a near-duplicate of an earlier document: word 5-shingles, MinHash
//!   signatures with banded candidate search, then the exact Jaccard similarity (or
//!   containment of the shorter text in the longer, for copies wrapped in an
//!   aggregator's own boilerplate) above a threshold; or
//! * it carries an explicit credit to another outlet ("RT", "Meduza") in
//!   `credited_source`.
//!
//! "Earlier" means an earlier publication date, then earlier in the input. Chains
//! are followed to their root, so a copy of a copy points to the original.
//! [`independent_sources`] then counts each origin outlet once.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDateTime;

/// A document as lineage needs it.
#[derive(Debug, Clone, Default)]
pub struct LineageInput {
    pub id: String,
    /// The outlet that published this copy.
    pub outlet: String,
    pub text: String,
    pub published: Option<NaiveDateTime>,
    /// An explicit credit to another outlet found in the text ("RT", "Meduza").
    pub credited_source: Option<String>,
}

/// Why a document was judged a repost.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum RepostReason {
    /// Word-shingle overlap with an earlier document.
    NearDuplicate { jaccard: f64, containment: f64 },
    /// The text credits another outlet.
    Credit { credited: String },
}

/// One repost and where it comes from.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RepostLink {
    /// The repost's id.
    pub doc: String,
    /// The original document when it is among the inputs.
    pub origin_doc: Option<String>,
    /// The outlet the content originates from.
    pub origin_outlet: String,
    pub reason: RepostReason,
}

/// Thresholds for [`find_reposts_with`].
#[derive(Debug, Clone, PartialEq)]
pub struct LineageConfig {
    /// Words per shingle.
    pub shingle_words: usize,
    /// Minimum exact Jaccard of shingle sets.
    pub min_jaccard: f64,
    /// Minimum share of the shorter text's shingles found in the longer one.
    pub min_containment: f64,
    /// Texts with fewer shingles than this are never near-duplicates.
    pub min_shingles: usize,
}

impl Default for LineageConfig {
    fn default() -> Self {
        LineageConfig {
            shingle_words: 5,
            min_jaccard: 0.5,
            min_containment: 0.8,
            min_shingles: 8,
        }
    }
}

const MINHASH_BANDS: usize = 16;
const MINHASH_ROWS: usize = 4;

/// 64-bit mixing (splitmix64 finaliser): a fixed, seedable hash.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a of a string: stable across runs and platforms.
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hashes of the word shingles of `text` (folded words, punctuation dropped).
pub fn shingles(text_in: &str, words_per_shingle: usize) -> BTreeSet<u64> {
    let words: Vec<String> = text::tokenize(text_in)
        .into_iter()
        .filter(|t| t.shape != text::TokenShape::Punct)
        .map(|t| text::normalize::fold_for_match(t.text))
        .filter(|w| !w.is_empty())
        .collect();
    let k = words_per_shingle.max(1);
    if words.len() < k {
        return BTreeSet::new();
    }
    words.windows(k).map(|w| fnv(&w.join(" "))).collect()
}

/// The MinHash signature of a shingle set.
fn signature(set: &BTreeSet<u64>) -> Vec<u64> {
    (0..MINHASH_BANDS * MINHASH_ROWS)
        .map(|i| {
            let seed = mix(i as u64 + 1);
            set.iter().map(|&h| mix(h ^ seed)).min().unwrap_or(u64::MAX)
        })
        .collect()
}

/// Exact Jaccard and containment (of the smaller set) of two shingle sets.
pub fn overlap(a: &BTreeSet<u64>, b: &BTreeSet<u64>) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let inter = a.intersection(b).count() as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    (inter / union, inter / a.len().min(b.len()) as f64)
}

fn same_outlet(a: &str, b: &str) -> bool {
    let (a, b) = (
        text::normalize::fold_for_match(a),
        text::normalize::fold_for_match(b),
    );
    !a.is_empty() && a == b
}

/// Finds reposts with the default thresholds.
pub fn find_reposts(docs: &[LineageInput]) -> Vec<RepostLink> {
    find_reposts_with(docs, &LineageConfig::default())
}

/// Finds reposts: near-duplicates of earlier documents and explicitly credited copies.
/// Returns at most one link per repost, in input order.
pub fn find_reposts_with(docs: &[LineageInput], config: &LineageConfig) -> Vec<RepostLink> {
    // Chronological order: published (unknown last), then input position.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| (docs[i].published.is_none(), docs[i].published, i));
    let rank: Vec<usize> = {
        let mut r = vec![0; docs.len()];
        for (pos, &i) in order.iter().enumerate() {
            r[i] = pos;
        }
        r
    };
    let sets: Vec<BTreeSet<u64>> = docs
        .iter()
        .map(|d| shingles(&d.text, config.shingle_words))
        .collect();

    // LSH buckets over earlier documents, filled in chronological order.
    let mut buckets: HashMap<(usize, Vec<u64>), Vec<usize>> = HashMap::new();
    let mut parent: Vec<Option<(usize, f64, f64)>> = vec![None; docs.len()];
    for &i in &order {
        if sets[i].len() < config.min_shingles {
            continue;
        }
        let sig = signature(&sets[i]);
        let mut candidates = BTreeSet::new();
        for band in 0..MINHASH_BANDS {
            let key = (
                band,
                sig[band * MINHASH_ROWS..(band + 1) * MINHASH_ROWS].to_vec(),
            );
            let entry = buckets.entry(key).or_default();
            candidates.extend(entry.iter().copied());
            entry.push(i);
        }
        // Candidates are earlier by construction; pick the best exact overlap,
        // ties to the earliest.
        let mut best: Option<(usize, f64, f64)> = None;
        for &j in &candidates {
            let (jac, cont) = overlap(&sets[i], &sets[j]);
            if jac >= config.min_jaccard || cont >= config.min_containment {
                let key = jac.max(cont);
                let better = match best {
                    None => true,
                    Some((bj, bjac, bcont)) => {
                        let bkey = bjac.max(bcont);
                        key > bkey || (key == bkey && rank[j] < rank[bj])
                    }
                };
                if better {
                    best = Some((j, jac, cont));
                }
            }
        }
        parent[i] = best;
    }

    let root_of = |mut i: usize| -> usize {
        let mut steps = 0;
        while let Some((p, _, _)) = parent[i] {
            i = p;
            steps += 1;
            if steps > docs.len() {
                break;
            }
        }
        i
    };

    let mut links = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(credited) = d
            .credited_source
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty() && !same_outlet(c, &d.outlet))
        {
            // The credited outlet's own copy, if it is among the inputs.
            let origin_doc = order
                .iter()
                .copied()
                .find(|&j| j != i && same_outlet(&docs[j].outlet, credited))
                .map(|j| docs[j].id.clone());
            links.push(RepostLink {
                doc: d.id.clone(),
                origin_doc,
                origin_outlet: credited.to_string(),
                reason: RepostReason::Credit {
                    credited: credited.to_string(),
                },
            });
            continue;
        }
        if let Some((_, jac, cont)) = parent[i] {
            let root = root_of(i);
            let origin = &docs[root];
            let origin_outlet = origin
                .credited_source
                .clone()
                .filter(|c| !c.trim().is_empty())
                .unwrap_or_else(|| origin.outlet.clone());
            links.push(RepostLink {
                doc: d.id.clone(),
                origin_doc: Some(origin.id.clone()),
                origin_outlet,
                reason: RepostReason::NearDuplicate {
                    jaccard: jac,
                    containment: cont,
                },
            });
        }
    }
    links
}

/// One independent source and the documents that carry its content.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SourceGroup {
    /// The originating outlet.
    pub outlet: String,
    /// Documents whose content comes from this outlet (originals and reposts).
    pub docs: Vec<String>,
    /// Other outlets that repeated it.
    pub repeated_by: Vec<String>,
}

/// Groups documents by origin outlet: each origin counts once however many outlets
/// repeat it. The number of independent sources is the length of the result.
pub fn independent_sources(docs: &[LineageInput], links: &[RepostLink]) -> Vec<SourceGroup> {
    let by_doc: HashMap<&str, &RepostLink> = links.iter().map(|l| (l.doc.as_str(), l)).collect();
    let mut groups: BTreeMap<String, SourceGroup> = BTreeMap::new();
    for d in docs {
        let origin = by_doc
            .get(d.id.as_str())
            .map_or(d.outlet.as_str(), |l| l.origin_outlet.as_str());
        let key = text::normalize::fold_for_match(origin);
        let g = groups.entry(key).or_insert_with(|| SourceGroup {
            outlet: origin.to_string(),
            docs: Vec::new(),
            repeated_by: Vec::new(),
        });
        g.docs.push(d.id.clone());
        if !same_outlet(&d.outlet, origin) && !g.repeated_by.contains(&d.outlet) {
            g.repeated_by.push(d.outlet.clone());
        }
    }
    groups.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn doc(id: &str, outlet: &str, day: u32, text: &str, credit: Option<&str>) -> LineageInput {
        LineageInput {
            id: id.to_string(),
            outlet: outlet.to_string(),
            text: text.to_string(),
            published: chrono::NaiveDate::from_ymd_opt(2031, 3, day)
                .and_then(|d| d.and_hms_opt(12, 0, 0)),
            credited_source: credit.map(str::to_string),
        }
    }

    fn check(docs: &[LineageInput], expect: Expect) {
        let links = find_reposts(docs);
        let mut out = String::new();
        for l in &links {
            let reason = match &l.reason {
                RepostReason::NearDuplicate {
                    jaccard,
                    containment,
                } => {
                    format!("near-duplicate j={jaccard:.2} c={containment:.2}")
                }
                RepostReason::Credit { credited } => format!("credit {credited}"),
            };
            out.push_str(&format!(
                "{} <- {:?} ({}) {}\n",
                l.doc, l.origin_doc, l.origin_outlet, reason
            ));
        }
        for g in independent_sources(docs, &links) {
            out.push_str(&format!(
                "source {}: {:?} repeated by {:?}\n",
                g.outlet, g.docs, g.repeated_by
            ));
        }
        expect.assert_eq(&out);
    }

    const HARBOUR: &str = "The harbour authority of Velmora closed the northern pier on Tuesday after inspectors found cracks in three support columns, the mayor Ilse Varn told reporters at the town hall.";

    #[test]
    fn near_duplicate_points_to_earliest_copy() {
        check(
            &[
                doc("agg", "Daily Digest", 3, &format!("Read more news. {HARBOUR} Share this."), None),
                doc("orig", "Velmora Post", 2, HARBOUR, None),
                doc("other", "Coast Radio", 2, "Fishermen in Velmora said the pier closure would cost them a week of landings.", None),
            ],
            expect![[r#"
                agg <- Some("orig") (Velmora Post) near-duplicate j=0.83 c=1.00
                source Coast Radio: ["other"] repeated by []
                source Velmora Post: ["agg", "orig"] repeated by ["Daily Digest"]
            "#]],
        );
    }

    #[test]
    fn explicit_credit_makes_a_repost() {
        check(
            &[
                doc(
                    "a",
                    "Northern Wire",
                    4,
                    "Officials in Kestrel Bay confirmed the ferry strike will continue.",
                    Some("Harbour TV"),
                ),
                doc(
                    "b",
                    "Harbour TV",
                    3,
                    "The ferry workers' union in Kestrel Bay extended its strike.",
                    None,
                ),
                doc(
                    "c",
                    "Harbour TV",
                    5,
                    "A second report from the ferry strike.",
                    Some("Harbour TV"),
                ),
            ],
            expect![[r#"
                a <- Some("b") (Harbour TV) credit Harbour TV
                source Harbour TV: ["a", "b", "c"] repeated by ["Northern Wire"]
            "#]],
        );
    }
}
