//! All per-document stages in order, for one document.

use model::{Document, DocumentAnalysis};

use crate::{attribution, entities, quantity, timex};

/// Runs sentences → timexes → entities → attributions → quantities on `doc`.
/// Pure: the same document always gives the same analysis.
pub fn analyze(doc: &Document) -> DocumentAnalysis {
    let text = doc.text.as_str();
    let sentences = text::split_sentences(text);
    let ctx = timex::TimexContext {
        published: doc.published.as_ref().map(|p| p.at),
        posts: if doc.is_live_blog {
            doc.posts.iter().map(|p| (p.span, p.time)).collect()
        } else {
            Vec::new()
        },
    };
    let timexes = timex::tag(text, &ctx);
    let ents = entities::recognise(text, &sentences);
    let attributions = attribution::find_attributions(
        text,
        &sentences,
        &doc.posts,
        &ents.mentions,
        &ents.entities,
    );
    let quantities = quantity::find_quantities(text);
    DocumentAnalysis {
        sentences,
        timexes,
        entities: ents.entities,
        mentions: ents.mentions,
        attributions,
        quantities,
    }
}
