//! Tests of plain-text cleaning: one invented fixture per rule, each run through
//! [`check`], which also verifies that every clean token maps back to raw bytes
//! that say the same thing.

use super::*;

/// Raw text as the cleaner reads it: tags removed, entities decoded, characters
/// normalised.
fn raw_equivalent(s: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        if let Some((len, _)) = s[i..].starts_with('<').then(|| tag_at(&s[i..])).flatten() {
            i += len;
            continue;
        }
        if let Some(len) = link_marker_at(&s[..i], &s[i..]) {
            i += len;
            continue;
        }
        if let Some((len, rep)) = s[i..]
            .starts_with('&')
            .then(|| entity_at(&s[i..]))
            .flatten()
        {
            out.push_str(rep);
            i += len;
            continue;
        }
        let ch = s[i..].chars().next().expect("in bounds");
        out.push(ch);
        i += ch.len_utf8();
    }
    text::normalize_text(&out)
}

/// Every word of the clean text maps back to raw bytes holding the same word.
fn assert_round_trip(raw: &str, c: &CleanedText) {
    for tok in text::tokenize(&c.text) {
        let r = c.offsets.span_to_raw(tok.span);
        // A replacement as long as what it replaced ("…" -> "...") maps like a copy;
        // widen to whole characters.
        let mut start = r.start.min(raw.len());
        while !raw.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = r.end.min(raw.len()).max(start);
        while !raw.is_char_boundary(end) {
            end += 1;
        }
        let back = raw_equivalent(&raw[start..end]);
        assert!(
            back.contains(tok.text),
            "clean token {:?} at {:?} maps to raw {:?}",
            tok.text,
            tok.span,
            r.slice(raw)
        );
    }
}

fn check(raw: &str, expect: expect_test::Expect) {
    let c = clean_text(raw);
    assert_round_trip(raw, &c);
    let mut out = String::new();
    out.push_str(&c.text);
    out.push_str("\n---\n");
    if let Some(t) = &c.title {
        out.push_str(&format!("title: {t}\n"));
    }
    if let Some(b) = &c.byline {
        out.push_str(&format!("byline: {b}\n"));
    }
    if let Some(p) = &c.published {
        out.push_str(&format!(
            "published: {} ({:?})\n",
            p.at.to_iso(),
            p.provenance
        ));
    }
    if let Some(s) = &c.credited_source {
        out.push_str(&format!("credited: {s}\n"));
    }
    for d in &c.dropped {
        out.push_str(&format!("dropped [{}]: {}\n", d.reason, d.raw.slice(raw)));
    }
    expect.assert_eq(&out);
}

#[test]
fn navigation_and_crumbs() {
    check(
        "Skip to main content\nHome > Regions > Coastline\n- Category\n- Harbour News\nworld\n\nFerry Line to Westport Resumes After Storm Repairs\n\nThe ferry between Eastport and Westport sailed again on Monday after two weeks of repairs to the pier damaged in the October storm, the operator said.\n\nRead\n",
        expect_test::expect![[r#"
            Ferry Line to Westport Resumes After Storm Repairs

            The ferry between Eastport and Westport sailed again on Monday after two weeks of repairs to the pier damaged in the October storm, the operator said.
            ---
            title: Ferry Line to Westport Resumes After Storm Repairs
            dropped [navigation]: Skip to main content
            dropped [navigation]: Home > Regions > Coastline
            dropped [navigation]: - Category
            dropped [category crumbs]: - Harbour News
            dropped [navigation]: world
            dropped [navigation]: Read
        "#]],
    );
}

#[test]
fn promotion_newsletter_and_donations() {
    check(
        "The water board raised prices by four percent.\n\nGood journalism costs money. Your support keeps our reporters on the road.\n\nSign up for the Valley Ledger's weekly newsletter\n\nThe best of our reporting, every Friday.\n\nProtected by reCAPTCHA and the Privacy Policy and Terms of Service apply.\n\nThe board said the money would repair old pipes. \"Your support matters,\" the chair told residents.\n",
        expect_test::expect![[r#"
            The water board raised prices by four percent.

            The board said the money would repair old pipes. "Your support matters," the chair told residents.
            ---
            dropped [promotion]: Good journalism costs money. Your support keeps our reporters on the road.
            dropped [promotion]: Sign up for the Valley Ledger's weekly newsletter
            dropped [inside a promotion block]: The best of our reporting, every Friday.
            dropped [promotion]: Protected by reCAPTCHA and the Privacy Policy and Terms of Service apply.
        "#]],
    );
}

#[test]
fn article_sentences_that_mention_support_or_deals_stay() {
    check(
        "June 14 - The mayor says he will press the builders to reach a deal quickly.\nCan they expect your support in doing that?\nHe says he is currently reading a biography of the admiral.\n`` We call on our friends to support us , '' the union said .\nCitizens donate to many charities, and we are proud of that.\nHARBOUR FEES - UNLIKELY TO RISE Officials said on Monday fees would stay flat.\nSubscribe to the Harbour Bulletin and be first to know.\n",
        expect_test::expect![[r#"
            June 14 - The mayor says he will press the builders to reach a deal quickly.

            Can they expect your support in doing that?

            He says he is currently reading a biography of the admiral.

            `` We call on our friends to support us , '' the union said .

            Citizens donate to many charities, and we are proud of that.

            HARBOUR FEES - UNLIKELY TO RISE Officials said on Monday fees would stay flat.
            ---
            dropped [promotion]: Subscribe to the Harbour Bulletin and be first to know.
        "#]],
    );
}

#[test]
fn related_links_and_affiliate_lines() {
    check(
        "The mountain pass reopened after the avalanche.\nHiking Boots Pro \u{2013} Stay dry on every trail \u{2014} grab a pair before the season starts.\nRelated: Ski Resorts Brace for Short Winter\nRead more on this story here\nSnow ploughs worked through the night to clear the road - officials said.\n",
        expect_test::expect![[r#"
            The mountain pass reopened after the avalanche.

            Snow ploughs worked through the night to clear the road - officials said.
            ---
            dropped [affiliate or ad]: Hiking Boots Pro – Stay dry on every trail — grab a pair before the season starts.
            dropped [related link]: Related: Ski Resorts Brace for Short Winter
            dropped [related link]: Read more on this story here
        "#]],
    );
}

#[test]
fn picture_residue_and_credits() {
    check(
        "Firefighters at the warehouseImage source, Lakeside Photo Agency\nImage caption,\n\nFirefighters worked until dawn to control the blaze at the old warehouse\n\nMarta Kovalenko / Harbour Images / Getty Images\n\nWire: FILE PHOTO: A warehouse on the river. \u{a9} Lakeside Photo Agency\n\nNo one was hurt in the fire, the city said on Sunday.\nIn this May 2, 2026 file photo, smoke rises over the old warehouse.\nThe police released a file photo of the missing boat on Monday.\n",
        expect_test::expect![[r#"
            Firefighters worked until dawn to control the blaze at the old warehouse

            No one was hurt in the fire, the city said on Sunday.

            The police released a file photo of the missing boat on Monday.
            ---
            title: Firefighters worked until dawn to control the blaze at the old warehouse
            credited: Wire
            dropped [image source or caption residue]: Firefighters at the warehouseImage source, Lakeside Photo Agency
            dropped [image source or caption residue]: Image caption,
            dropped [photo credit]: Marta Kovalenko / Harbour Images / Getty Images
            dropped [image source or caption residue]: Wire: FILE PHOTO: A warehouse on the river. © Lakeside Photo Agency
            dropped [image source or caption residue]: In this May 2, 2026 file photo, smoke rises over the old warehouse.
        "#]],
    );
}

#[test]
fn captions_above_a_photo_credit() {
    // A caption ending on a bare date, above its credit, goes with its earlier
    // copy (a link inside); a repeated caption goes too. A body paragraph above a
    // credit stays.
    check(
        "The ferry <a href=\"https://example.org/f\">waits</a> at the north pier after the storm. March 3, 2026.\n\nThe harbour reopened on Monday after three days of closure.\n\nThe ferry waits at the north pier after the storm. March 3, 2026.\n\nIda Berg / Coastline / Reuters\n\nDivers check the hull of a cargo ship.\n\nTom Ek / Harbour Photo / Getty Images\n\nDivers check the hull of a cargo ship.\n\nCrews cleared the channel by noon, the port said, and traffic resumed.\n\nLena Moss / Harbour Photo / Getty Images\n\nThe port expects full service by Friday.\n",
        expect_test::expect![[r#"
            The harbour reopened on Monday after three days of closure.

            Crews cleared the channel by noon, the port said, and traffic resumed.

            The port expects full service by Friday.
            ---
            dropped [image source or caption residue]: The ferry <a href="https://example.org/f">waits</a> at the north pier after the storm. March 3, 2026.
            dropped [image source or caption residue]: The ferry waits at the north pier after the storm. March 3, 2026.
            dropped [photo credit]: Ida Berg / Coastline / Reuters
            dropped [image source or caption residue]: Divers check the hull of a cargo ship.
            dropped [photo credit]: Tom Ek / Harbour Photo / Getty Images
            dropped [image source or caption residue]: Divers check the hull of a cargo ship.
            dropped [photo credit]: Lena Moss / Harbour Photo / Getty Images
        "#]],
    );
}

#[test]
fn markup_and_image_files() {
    check(
        "The <a href=\"https://example.org/report\" target=\"_blank\">annual report</a> was published &amp; praised.<br>Critics were quiet.\n![chart](https://example.org/chart.png)\n-0a1b2c3d4e5f.jpg)\n<div></div>\nSales rose in the north.\n",
        expect_test::expect![[r#"
            The annual report was published & praised. Critics were quiet.

            Sales rose in the north.
            ---
            dropped [image file residue]: ![chart](https://example.org/chart.png)
            dropped [image file residue]: -0a1b2c3d4e5f.jpg)
            dropped [markup residue]: <div></div>
        "#]],
    );
}

#[test]
fn link_markers_are_removed() {
    check(
        "The plan is weak, says analyst Mara Lind, external, a former minister.\n\nAnother critic argues, external that it fails. Read the report (opens in new window).\n\nThe army faces threats both internal, external and hybrid, and external, lasting pressure.\n",
        expect_test::expect![[r#"
            The plan is weak, says analyst Mara Lind, a former minister.

            Another critic argues that it fails. Read the report.

            The army faces threats both internal, external and hybrid, and external, lasting pressure.
            ---
        "#]],
    );
}

#[test]
fn trailing_tag_cloud() {
    check(
        "The museum reopens on Saturday with a new wing for maritime history.\n\nHistory\nMuseums\nCity Life\nAvatar\n",
        expect_test::expect![[r#"
            The museum reopens on Saturday with a new wing for maritime history.
            ---
            dropped [trailing tag residue]: History
            dropped [trailing tag residue]: Museums
            dropped [trailing tag residue]: City Life
            dropped [trailing tag residue]: Avatar
        "#]],
    );
}

#[test]
fn repeated_paragraphs_keep_the_first_copy() {
    check(
        "A fisherman mends his nets in the harbour of <a href=\"/x\">Port Elin</a> at dawn.\n\nThe fishing season opened late this year.\n\nA fisherman mends his nets in the harbour of Port Elin at dawn.\nA fisherman mends his nets in the harbour of <a href=\"/x\">Port Elin</a> at dawn.\n\nAnna Berg\nHarbour reporter\n\nCatches were smaller than last year.\n\nAnna Berg\nHarbour reporter\n\nPrices at the market rose.\n",
        expect_test::expect![[r#"
            A fisherman mends his nets in the harbour of Port Elin at dawn.

            The fishing season opened late this year.

            Anna Berg

            Harbour reporter

            Catches were smaller than last year.

            Anna Berg

            Harbour reporter

            Prices at the market rose.
            ---
            dropped [repeated paragraph]: A fisherman mends his nets in the harbour of Port Elin at dawn.
            dropped [repeated paragraph]: A fisherman mends his nets in the harbour of <a href="/x">Port Elin</a> at dawn.
        "#]],
    );
}

#[test]
fn byline_date_and_credit_lines() {
    check(
        "Read\n\nTown Hall Approves New Bus Routes\n\n  \u{2022} City Desk By City Desk\n  \u{2022} Mar 3, 2026\n\nSource: Valley Ledger\n\nNORTHVALE (Coast Wire) - The town hall approved three new bus routes on Tuesday, the transport office said in a statement to residents.\n",
        expect_test::expect![[r#"
            Town Hall Approves New Bus Routes

            NORTHVALE (Coast Wire) - The town hall approved three new bus routes on Tuesday, the transport office said in a statement to residents.
            ---
            title: Town Hall Approves New Bus Routes
            byline: City Desk
            published: 2026-03-03 (Byline)
            credited: Valley Ledger
            dropped [navigation]: Read
            dropped [byline]: • City Desk By City Desk
            dropped [byline date]: • Mar 3, 2026
            dropped [source credit line]: Source: Valley Ledger
        "#]],
    );
    check(
        "By Jane Roe and Tomas Ek\n\nThe harbour toll will double next year, the port authority said in its budget for the coming year.\n\nOriginally published by Coast Weekly.\n",
        expect_test::expect![[r#"
            The harbour toll will double next year, the port authority said in its budget for the coming year.
            ---
            byline: Jane Roe and Tomas Ek
            credited: Coast Weekly
            dropped [byline]: By Jane Roe and Tomas Ek
            dropped [source credit line]: Originally published by Coast Weekly.
        "#]],
    );
    // A wire dateline credits the agency and stays in the text.
    check(
        "KESTREL BAY (Gull Agency) \u{2014} Rescuers found the missing sailors alive on Friday.\n",
        expect_test::expect![[r#"
            KESTREL BAY (Gull Agency) — Rescuers found the missing sailors alive on Friday.
            ---
            credited: Gull Agency
        "#]],
    );
}

#[test]
fn unicode_is_normalised_and_maps_back() {
    let raw = "The\u{a0}mayor said \u{ab}we\u{a0}will\u{a0}build\u{bb} \u{2014} and\u{200b} left\u{2026}\n";
    check(
        raw,
        expect_test::expect![[r#"
            The mayor said “we will build” — and left...
            ---
        "#]],
    );
    let c = clean_text(raw);
    let at = c.text.find("build").expect("word kept");
    let r = c.offsets.span_to_raw(Span::new(at, at + 5));
    assert_eq!(r.slice(raw), "build");
}

#[test]
fn lists_stamps_and_post_headers_are_kept() {
    check(
        "Summary\n\n  1. Bridge vote passespublished at 09:10 GMT 4 May 2026\n\n    Lena Holm\n    Reporting from Northvale\n\n    The council backed the plan:\n\n    \u{2022} Two new lanes\n    \u{2022} A cycle path\n\n  \u{2022} 08:45 GMT\n\n    Debate began with a minute of silence.\n",
        expect_test::expect![[r#"
            Summary

            1. Bridge vote passes
            published at 09:10 GMT 4 May 2026

            Lena Holm

            Reporting from Northvale

            The council backed the plan:

            Two new lanes
            A cycle path

            08:45 GMT

            Debate began with a minute of silence.
            ---
        "#]],
    );
}

#[test]
fn hard_wrapped_text_is_rejoined() {
    check(
        "The regional court ruled on Thursday that the new harbour fees were\nlawful, rejecting a complaint by three fishing cooperatives who said\nthe increase had been decided without consulting them.\n\nThe cooperatives said they would appeal the decision to the supreme\ncourt and asked members to keep paying the old rate until a ruling\nis made on the appeal, which could take more than a year.\n",
        expect_test::expect![[r#"
            The regional court ruled on Thursday that the new harbour fees were lawful, rejecting a complaint by three fishing cooperatives who said the increase had been decided without consulting them.

            The cooperatives said they would appeal the decision to the supreme court and asked members to keep paying the old rate until a ruling is made on the appeal, which could take more than a year.
            ---
        "#]],
    );
}

#[test]
fn odd_input_never_panics() {
    for raw in [
        "",
        "\n\n\n",
        "<",
        "&",
        "&#;",
        "&am\u{2013}p;",
        "<a href=\"x\"",
        "![x](",
        "\u{2022}",
        "- ",
        "1.",
        "\r\n\r\nText line.\r\n",
        "\u{feff}\u{200b}",
        "é<b>é</b>&amp;é",
        "a <b>< c",
        "![a](b",
    ] {
        let c = clean_text(raw);
        assert_round_trip(raw, &c);
        assert!(!c.text.contains("\n\n\n"), "{raw:?}");
    }
    // Text full of '<' and "![" without closers is read in linear time and kept.
    let long = "a < b ![x] ".repeat(20_000);
    let c = clean_text(&long);
    assert_eq!(c.text.len(), long.trim_end().len());
}

/// Deterministic pseudo-random documents stitched from tricky pieces: cleaning,
/// post splitting and fingerprinting never panic, and every clean word maps back.
#[test]
fn stitched_documents_keep_invariants() {
    const PIECES: &[&str] = &[
        "<a href=\"x\">",
        "</a>",
        "<br>",
        "&amp;",
        "&",
        "<",
        "\u{a0}",
        "\u{2022} ",
        "- ",
        "1. ",
        "20:41 GMT",
        "Title textpublished at 10:00 GMT 1 May 2026",
        "\n",
        "\n\n",
        "Image source, Agency",
        "\u{e9}",
        "Word",
        "harbour",
        " ",
        ".",
        "Related: ",
        "\u{2026}",
        "\u{ab}",
        "\r\n",
        "2h ago",
        "25 November 2025",
        "![x](y.png)",
        "-0a1b.jpg)",
        ", external",
        "By Anna Berg",
        "Sign up for our newsletter",
        "\u{200b}",
        "\u{4e2d}\u{6587}",
    ];
    let mut state: u64 = 0x5eed;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) as usize
    };
    for _ in 0..300 {
        let n = next() % 60;
        let raw: String = (0..n).map(|_| PIECES[next() % PIECES.len()]).collect();
        let c = clean_text(&raw);
        assert_round_trip(&raw, &c);
        assert!(!c.text.contains("\n\n\n"), "{raw:?}");
        // The splitter also reads text that was never cleaned.
        for text in [c.text.as_str(), raw.as_str()] {
            let blog = crate::liveblog::split_posts(text, None);
            let mut prev_end = 0;
            for p in &blog.posts {
                assert!(
                    p.span.start >= prev_end && p.span.end <= text.len(),
                    "{raw:?}"
                );
                assert!(p.span.contains(p.body), "{raw:?}");
                prev_end = p.span.end;
            }
        }
        let _ = crate::dedup::fingerprint(&c.text);
    }
}

#[test]
fn single_paragraph_judgements() {
    let out: Vec<String> = [
        "Skip to main content",
        "Sign up for the Valley Ledger's weekly newsletter",
        "Harbour at duskImage source, Lakeside Photo Agency",
        "Related: Ski Resorts Brace for Short Winter",
        "![chart](https://example.org/chart.png)",
        "Source: Valley Ledger",
        "The council approved the bridge on Tuesday.",
    ]
    .iter()
    .map(|p| format!("{p} => {:?}", boilerplate_reason(p)))
    .collect();
    expect_test::expect![[r#"
        Skip to main content => Some("navigation")
        Sign up for the Valley Ledger's weekly newsletter => Some("promotion")
        Harbour at duskImage source, Lakeside Photo Agency => Some("image source or caption residue")
        Related: Ski Resorts Brace for Short Winter => Some("related link")
        ![chart](https://example.org/chart.png) => Some("image file residue")
        Source: Valley Ledger => Some("source credit line")
        The council approved the bridge on Tuesday. => None"#]].assert_eq(&out.join("\n"));
}
