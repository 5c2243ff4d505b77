//! The reference case end to end: the five pages in `../shared/seeds` through
//! extraction, analysis and fusion. These tests assert what a reader of those pages
//! can check by hand; the engine itself knows nothing about them.

use extract::input::{split_input, ItemMeta};
use model::{AnchorKind, AttributionKind, Document, DocumentAnalysis};

fn seeds() -> Option<Vec<(Document, DocumentAnalysis)>> {
    let dir = testkit::shared_path("seeds")?;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("read seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let bytes = std::fs::read(&p).expect("read seed");
        let name = p.display().to_string();
        for item in split_input(&name, &bytes).expect("seed splits") {
            let doc =
                extract::document::build_document(&item.expect("seed item"), &ItemMeta::default());
            let a = analysis::analyze(&doc);
            out.push((doc, a));
        }
    }
    assert_eq!(out.len(), 5, "five seed documents");
    Some(out)
}

fn doc<'a>(
    all: &'a [(Document, DocumentAnalysis)],
    prefix: &str,
) -> &'a (Document, DocumentAnalysis) {
    all.iter()
        .find(|(d, _)| d.origin.contains(prefix))
        .expect("seed by prefix")
}

#[test]
fn relative_dates_in_live_blogs_resolve_against_their_post() {
    let Some(all) = seeds() else { return };
    // "next Thursday" in the post published at 22:33 GMT on Friday 21 November 2025.
    let (d, a) = doc(&all, "000_");
    assert!(d.is_live_blog);
    let t = a
        .timexes
        .iter()
        .find(|t| t.text.contains("next Thursday"))
        .expect("next Thursday");
    assert_eq!(t.value, "2025-11-27");
    assert!(
        matches!(t.anchor.kind, AnchorKind::Post { .. }),
        "{:?}",
        t.anchor
    );
    assert!(
        t.anchor
            .value
            .as_deref()
            .is_some_and(|v| v.starts_with("2025-11-21")),
        "{:?}",
        t.anchor
    );
    // "by this Thursday" in the post at 16:51 GMT on Tuesday 25 November 2025,
    // a page published on 26 November.
    let (d, a) = doc(&all, "004_");
    assert!(d.is_live_blog);
    let t = a
        .timexes
        .iter()
        .find(|t| t.text.contains("Thursday"))
        .expect("this Thursday");
    assert_eq!(t.value, "2025-11-27");
    let post = d.post_at(t.span.start).expect("inside a post");
    assert_eq!(
        post.time.map(|p| p.to_iso()).as_deref(),
        Some("2025-11-25T16:51Z")
    );
    assert!(
        matches!(t.anchor.kind, AnchorKind::Post { .. }),
        "{:?}",
        t.anchor
    );
}

#[test]
fn quote_speakers_named_in_the_post_title_or_earlier() {
    let Some(all) = seeds() else { return };
    let (d, a) = doc(&all, "000_");
    // A post titled "… - Putin" whose quotes open with "He says:".
    let quote = a
        .attributions
        .iter()
        .find(|q| {
            q.kind == AttributionKind::Direct
                && q.content_text
                    .contains("discussed before the meeting in Alaska")
        })
        .expect("the Alaska quote");
    let source = quote.source.as_ref().expect("a source");
    assert!(source.text.contains("Putin"), "speaker: {}", source.text);
    // Direct quotes are always inside quote marks.
    for q in a
        .attributions
        .iter()
        .filter(|q| q.kind == AttributionKind::Direct)
    {
        for span in &q.content {
            let before = d.text[..span.start].chars().next_back();
            let first = span.slice(&d.text).chars().next();
            let is_quote = |c: char| "\"'\u{201c}\u{201d}\u{2018}\u{2019}".contains(c);
            assert!(
                before.is_some_and(is_quote) || first.is_some_and(is_quote),
                "direct quote not at a quote mark: {}",
                span.slice(&d.text)
            );
        }
    }
}

#[test]
fn brief_surfaces_figures_changes_and_spellings() {
    let Some(all) = seeds() else { return };
    let brief = fusion::brief::build_brief(&all, &[]);
    let json = serde_json::to_value(&brief).expect("brief serialises");
    // The army-size figures, each side with its outlet and sentence.
    let army = brief
        .disagreements
        .iter()
        .find(|d| {
            let values: Vec<&str> = d.sides.iter().map(|s| s.value.as_str()).collect();
            values.iter().any(|v| v.contains("800,000"))
                && values.iter().any(|v| v.contains("1 million"))
        })
        .expect("army-size disagreement");
    assert!(
        army.sides.iter().any(|s| s.value.contains("600,000")),
        "{:?}",
        army.summary
    );
    assert!(army
        .sides
        .iter()
        .all(|s| s.statements.iter().all(|st| !st.evidence.text.is_empty())));
    // One aggregator calls the sitting US president "former"; the others do not.
    let title = brief
        .disagreements
        .iter()
        .find(|d| d.kind == fusion::claims::DisagreementKind::ConflictingTitles)
        .expect("a title conflict");
    assert!(title.summary.contains("Trump"), "{}", title.summary);
    assert!(title.sides.iter().all(|s| !s.statements.is_empty()));
    // A town one side claims to have seized and the other denies was captured.
    let disputes: Vec<&fusion::claims::Disagreement> = brief
        .disagreements
        .iter()
        .filter(|d| d.kind == fusion::claims::DisagreementKind::DisputedFact)
        .collect();
    assert!(
        disputes.iter().any(|d| d.sides.len() == 2
            && d.sides[0]
                .statements
                .iter()
                .any(|s| s.evidence.text.contains("claims to have seized"))
            && d.sides[1]
                .statements
                .iter()
                .any(|s| s.evidence.text.contains("denies"))),
        "{:?}",
        disputes.iter().map(|d| &d.summary).collect::<Vec<_>>()
    );
    // The number of the plan's points changed from 28 to between 19 and 24.
    assert!(
        brief
            .disagreements
            .iter()
            .any(|d| d.summary.contains("28") && d.summary.contains("19 and 24")),
        "no change in the number of points"
    );
    // Kyiv and Kiev are one place, spelled differently by different outlets.
    let kyiv = brief
        .entities
        .iter()
        .find(|e| {
            e.spellings.iter().any(|s| s.form == "Kyiv")
                && e.spellings.iter().any(|s| s.form == "Kiev")
        })
        .expect("Kyiv/Kiev merged");
    let outlets_of = |form: &str| -> Vec<String> {
        kyiv.spellings
            .iter()
            .filter(|s| s.form == form)
            .flat_map(|s| s.outlets.keys().cloned())
            .collect()
    };
    assert!(outlets_of("Kyiv")
        .iter()
        .all(|o| !outlets_of("Kiev").contains(o)));
    // Zelensky and Zelenskyy are one person.
    let z = brief
        .entities
        .iter()
        .find(|e| e.spellings.iter().any(|s| s.form.ends_with("Zelensky")))
        .expect("Zelensky");
    assert!(
        z.spellings.iter().any(|s| s.form.ends_with("Zelenskyy")),
        "{:?}",
        z.spellings
    );
    // The repost of RT is counted once.
    assert!(
        brief.reposts.iter().any(|r| r.origin_outlet == "RT"),
        "{:?}",
        json["reposts"]
    );
}
