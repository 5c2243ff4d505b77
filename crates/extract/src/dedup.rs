//! Near-duplicate fingerprints: the same article reposted by an aggregator, with a
//! changed headline, lead or boilerplate, should be recognised as one text.
//!
//! A text is reduced to its set of word shingles: runs of [`SHINGLE_WORDS`]
//! consecutive word tokens, each folded to lowercase without diacritics
//! (punctuation is ignored). Two sketches are kept:
//!
//! * a MinHash signature of [`MINHASH_LEN`] slots, which estimates the Jaccard
//!   similarity of two shingle sets (the share of slots that agree);
//! * a 64-bit SimHash, whose Hamming distance is a cheap first filter.
//!
//! Two texts are near-duplicates when their estimated Jaccard similarity is high,
//! or when the shorter is mostly contained in the longer (an excerpt). The excerpt
//! rule makes the relation non-transitive: a short box of text repeated inside
//! several articles is a near-duplicate of each, while they may not be of one
//! another, so callers that group documents should not chain pairs blindly.
//!
//! Every hash function is fixed and seeded by constants (FNV-1a over the shingle,
//! then SplitMix64 finalisers keyed by the slot number), so fingerprints are the
//! same on every run and machine and can be stored.

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;

/// Slots in a MinHash signature (standard error of the estimate about 1/sqrt(128) = 0.09).
pub const MINHASH_LEN: usize = 128;

/// Estimated Jaccard similarity of word 3-shingles at or above which two texts are
/// near-duplicates. A repost that changes a headline, a lead sentence or the
/// boilerplate around an article keeps most of its shingles (typically above 0.7);
/// two different articles on the same story share almost none (typically below 0.1).
pub const NEAR_DUPLICATE_JACCARD: f64 = 0.5;

/// Containment of the shorter text in the longer at or above which the shorter is
/// an excerpt (a repost of part of the article).
pub const EXCERPT_CONTAINMENT: f64 = 0.8;

/// The shortest text (in shingles) judged by containment; shorter texts share
/// stock phrases too easily.
pub const EXCERPT_MIN_SHINGLES: usize = 40;

/// The largest size ratio (in shingles) at which containment is judged. Containment
/// is derived from the Jaccard estimate, whose resolution (1/[`MINHASH_LEN`]) is too
/// coarse when one text is many times the other.
pub const EXCERPT_MAX_SIZE_RATIO: usize = 4;

/// The sketch of one text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    /// 64-bit SimHash of the shingles.
    pub simhash: u64,
    /// MinHash signature: per slot, the least slot-hash over all shingles.
    pub minhash: Vec<u32>,
    /// How many distinct shingles the text had (0 for a text without words).
    pub shingles: usize,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// The SplitMix64 finaliser: a fixed bijective mix of 64 bits.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The key of MinHash slot `i` (fixed for all time).
fn slot_key(i: usize) -> u64 {
    mix64(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1))
}

/// Scripts written without spaces between words: each character counts as a word.
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // CJK compatibility ideographs
        | '\u{0e00}'..='\u{0e7f}' // Thai
    )
}

/// Folded word tokens of `text`. A token is a word when it holds a letter or digit
/// in any script (token shapes are case-based and say nothing about caseless scripts).
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in text::tokenize(text) {
        if !t.text.chars().any(char::is_alphanumeric) {
            continue;
        }
        if t.text.chars().any(is_unspaced_script) {
            out.extend(
                t.text
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .map(|c| c.to_lowercase().collect::<String>()),
            );
            continue;
        }
        let w = text::normalize::fold_for_match(t.text);
        if !w.is_empty() {
            out.push(w);
        }
    }
    out
}

/// Hashes of the distinct shingles of `text`.
fn shingle_hashes(text: &str) -> Vec<u64> {
    let ws = words(text);
    if ws.is_empty() {
        return Vec::new();
    }
    let n = SHINGLE_WORDS.min(ws.len());
    let mut out: Vec<u64> = ws
        .windows(n)
        .map(|win| {
            let h = win
                .iter()
                .fold(FNV_OFFSET, |h, w| fnv1a(fnv1a(h, w.as_bytes()), &[0xff]));
            mix64(h)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Computes the fingerprint of `text`.
pub fn fingerprint(text: &str) -> Fingerprint {
    let hashes = shingle_hashes(text);
    let keys: Vec<u64> = (0..MINHASH_LEN).map(slot_key).collect();
    let mut minhash = vec![u32::MAX; MINHASH_LEN];
    let mut votes = [0i64; 64];
    for &h in &hashes {
        for (bit, v) in votes.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *v += 1;
            } else {
                *v -= 1;
            }
        }
        for (slot, key) in minhash.iter_mut().zip(&keys) {
            let s = (mix64(h ^ key) >> 32) as u32;
            if s < *slot {
                *slot = s;
            }
        }
    }
    let simhash = votes
        .iter()
        .enumerate()
        .filter(|(_, &v)| v > 0)
        .fold(0u64, |acc, (bit, _)| acc | 1 << bit);
    Fingerprint {
        simhash,
        minhash,
        shingles: hashes.len(),
    }
}

/// Estimated Jaccard similarity of the two texts' shingle sets, in `[0, 1]`.
/// Two texts without words are identical (1.0); a text without words and one with
/// words share nothing (0.0).
pub fn jaccard_estimate(a: &Fingerprint, b: &Fingerprint) -> f64 {
    match (a.shingles, b.shingles) {
        (0, 0) => return 1.0,
        (0, _) | (_, 0) => return 0.0,
        _ => {}
    }
    let n = a.minhash.len().min(b.minhash.len());
    if n == 0 {
        return 0.0;
    }
    let same = a
        .minhash
        .iter()
        .zip(&b.minhash)
        .filter(|(x, y)| x == y)
        .count();
    same as f64 / n as f64
}

/// Number of differing SimHash bits (0 = same sketch, about 32 = unrelated).
pub fn simhash_distance(a: &Fingerprint, b: &Fingerprint) -> u32 {
    (a.simhash ^ b.simhash).count_ones()
}

/// Estimated share of the shorter text's shingles that also occur in the longer
/// one, from the Jaccard estimate and the set sizes: |A∩B| = J(|A|+|B|)/(1+J).
/// Unreliable when the sizes differ many times (see [`EXCERPT_MAX_SIZE_RATIO`]).
pub fn containment_estimate(a: &Fingerprint, b: &Fingerprint) -> f64 {
    let smaller = a.shingles.min(b.shingles);
    if smaller == 0 {
        return 0.0;
    }
    let j = jaccard_estimate(a, b);
    let inter = j * (a.shingles + b.shingles) as f64 / (1.0 + j);
    (inter / smaller as f64).min(1.0)
}

/// True when the estimated Jaccard similarity reaches [`NEAR_DUPLICATE_JACCARD`],
/// or when a text of at least [`EXCERPT_MIN_SHINGLES`] shingles, at most
/// [`EXCERPT_MAX_SIZE_RATIO`] times shorter than the other, is contained in it to at
/// least [`EXCERPT_CONTAINMENT`] (an aggregator's excerpt of an article).
/// Texts without words are never near-duplicates (failed extractions must not merge).
pub fn is_near_duplicate(a: &Fingerprint, b: &Fingerprint) -> bool {
    if a.shingles == 0 || b.shingles == 0 {
        return false;
    }
    let (small, large) = (a.shingles.min(b.shingles), a.shingles.max(b.shingles));
    jaccard_estimate(a, b) >= NEAR_DUPLICATE_JACCARD
        || small >= EXCERPT_MIN_SHINGLES
            && large <= small * EXCERPT_MAX_SIZE_RATIO
            && containment_estimate(a, b) >= EXCERPT_CONTAINMENT
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        "The council of Northvale voted on Tuesday to rebuild the old river bridge. \
        Mayor Ilse Varga said the work would start in spring and last two years. \
        Engineers from the regional office found cracks in three of the five piers last winter. \
        The plan costs 40 million crowns, half of it paid by the province. \
        Shop owners on Quay Street fear a long detour will keep customers away. \
        A ferry will run every twenty minutes while the bridge is closed, the council said. \
        Opposition members called the timetable optimistic but voted in favour.";

    fn check(a: &str, b: &str, expect: expect_test::Expect) {
        let (fa, fb) = (fingerprint(a), fingerprint(b));
        let j = jaccard_estimate(&fa, &fb);
        let verdict = if is_near_duplicate(&fa, &fb) {
            "near-duplicate"
        } else {
            "distinct"
        };
        // Rounded to one decimal so the snapshot does not pin hash noise.
        expect.assert_eq(&format!("{verdict} j~{:.1}", (j * 10.0).round() / 10.0));
    }

    #[test]
    fn repost_with_new_first_line_is_near_duplicate() {
        let repost = ARTICLE.replacen(
            "The council of Northvale voted on Tuesday to rebuild the old river bridge.",
            "REPOSTED: Northvale gets a new bridge, officials confirm after a long debate.",
            1,
        );
        check(
            ARTICLE,
            &repost,
            expect_test::expect!["near-duplicate j~0.8"],
        );
        // Case, punctuation and typography do not matter.
        let retyped = ARTICLE.to_uppercase().replace('.', " ;");
        check(
            ARTICLE,
            &retyped,
            expect_test::expect!["near-duplicate j~1.0"],
        );
    }

    #[test]
    fn excerpt_of_a_longer_text_is_near_duplicate() {
        let longer = format!(
            "{ARTICLE} The bridge was opened in 1921 and carried trams until 1960. \
             Its iron railings will be restored and put back in place. \
             A new lighting scheme will make the arches visible at night. \
             The council will publish the full contract next month."
        );
        let excerpt: String = ARTICLE.split(". ").take(6).collect::<Vec<_>>().join(". ");
        let (fl, fe) = (fingerprint(&longer), fingerprint(&excerpt));
        assert!(jaccard_estimate(&fl, &fe) < NEAR_DUPLICATE_JACCARD + 0.2);
        assert!(containment_estimate(&fl, &fe) >= EXCERPT_CONTAINMENT);
        assert!(is_near_duplicate(&fl, &fe));
    }

    #[test]
    fn different_articles_are_distinct() {
        let other = "Northvale's football club signed a striker from the capital on Friday. \
            The coach said the team needed goals after a poor start to the season. \
            Fans gathered at the stadium to welcome the new player, who scored twice last year. \
            The club did not say how much it paid for the transfer.";
        check(ARTICLE, other, expect_test::expect!["distinct j~0.0"]);
        check("", "", expect_test::expect!["distinct j~1.0"]);
        // Scripts without letter case, and without spaces.
        check(
            "\u{645}\u{64a}\u{631}\u{643}\u{644} \u{62f}\u{639}\u{627} \u{627}\u{644}\u{645}\u{648}\u{627}\u{637}\u{646}\u{64a}\u{646}",
            "\u{645}\u{64a}\u{631}\u{643}\u{644} \u{62a}\u{62d}\u{630}\u{631} \u{627}\u{644}\u{62c}\u{645}\u{64a}\u{639}",
            expect_test::expect!["distinct j~0.0"],
        );
        check(
            "\u{6cb3}\u{6d41}\u{4e0a}\u{7684}\u{65b0}\u{6865}\u{4eca}\u{5929}\u{5f00}\u{901a}",
            "\u{65b0}\u{6865}\u{4eca}\u{5929}\u{5f00}\u{901a}\u{4e86}\u{6cb3}\u{6d41}",
            expect_test::expect!["distinct j~0.3"],
        );
        check("", ARTICLE, expect_test::expect!["distinct j~0.0"]);
    }

    #[test]
    fn fingerprints_are_deterministic() {
        let a = fingerprint(ARTICLE);
        let b = fingerprint(ARTICLE);
        assert_eq!(a, b);
        assert_eq!(a.minhash.len(), MINHASH_LEN);
        assert_eq!(simhash_distance(&a, &b), 0);
        // Pinned: a change of hash functions would silently invalidate stored fingerprints.
        expect_test::expect!["03407bfe7f28488e 91"]
            .assert_eq(&format!("{:016x} {}", a.simhash, a.shingles));
    }
}
