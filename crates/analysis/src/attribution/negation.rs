//! Negated cues: "did not accept", "never rejected", "Neither Kyiv nor Paris is
//! willing to accept". A stance read from a cue verb is the verb's meaning only
//! when nothing negates it: a negated acceptance, support or proposal is a
//! rejection; a negated rejection or denial says too little to be a stance.

use model::{Attribution, Stance};

/// Words that negate the cue they precede or contain.
const NEGATORS: &[&str] = &["not", "never", "cannot", "neither", "nor", "nobody"];

/// How many words before the cue a negator may sit ("did not fully accept").
const REACH: usize = 4;

/// Adjusts the stance of every attribution whose cue is negated (see the module
/// docs). `text` is the text the spans index.
pub(super) fn apply(text: &str, attributions: &mut [Attribution]) {
    for a in attributions.iter_mut() {
        let (Some(stance), Some(cue)) = (a.stance, a.cue) else {
            continue;
        };
        let cue_words = text.get(cue.start..cue.end).unwrap_or("");
        // The clause before the cue: back to the last clause break, at most REACH
        // words ("Neither X nor Y is willing to accept" reaches "nor").
        let before = text.get(..cue.start).unwrap_or("");
        let clause = before
            .rsplit([
                '.', ';', ':', ',', '!', '?', '\n', '"', '\u{201c}', '\u{201d}',
            ])
            .next()
            .unwrap_or("");
        let near: Vec<&str> = clause.split_whitespace().rev().take(REACH).collect();
        let negated = words(cue_words).any(|w| is_negator(&w))
            || near.iter().any(|w| is_negator(&w.to_lowercase()));
        if !negated {
            continue;
        }
        a.stance = match stance {
            Stance::Accepts | Stance::Supports | Stance::Proposes => Some(Stance::Rejects),
            _ => None,
        };
    }
}

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn is_negator(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
    NEGATORS.contains(&w) || w.ends_with("n't") || w.ends_with("n\u{2019}t")
}
