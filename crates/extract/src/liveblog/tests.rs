//! Tests of live-blog splitting on invented clean texts.

use super::*;

fn ts(y: i32, m: u32, d: u32, h: u32, min: u32, precision: TimePrecision) -> Timestamp {
    let utc = NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|day| day.and_hms_opt(h, min, 0))
        .expect("valid test date");
    Timestamp { utc, precision }
}

/// Checks span invariants, then prints one line per post.
fn check(text: &str, published: Option<Timestamp>, expect: expect_test::Expect) {
    let blog = split_posts(text, published);
    let mut prev_end = 0;
    for p in &blog.posts {
        assert!(p.span.end <= text.len(), "post span inside text");
        assert!(p.span.start >= prev_end, "posts in order, not overlapping");
        assert!(p.span.contains(p.body), "body inside post");
        if let Some(t) = p.time_span {
            assert!(p.span.contains(t), "time span inside post");
        }
        if let Some(t) = p.title_span {
            assert_eq!(Some(t.slice(text)), p.title.as_deref());
        }
        prev_end = p.span.end;
    }
    let mut out = format!("live: {}\n", blog.is_live_blog);
    for p in &blog.posts {
        let body: String = p.body.slice(text).chars().take(30).collect();
        out.push_str(&format!(
            "- time={} stamp={:?} title={:?} author={:?} role={:?} body={:?}\n",
            p.time.map(|t| t.to_iso()).unwrap_or_else(|| "none".into()),
            p.time_span.map(|s| s.slice(text)),
            p.title,
            p.author,
            p.author_role,
            body.replace('\n', "/"),
        ));
    }
    if let Some(f) = blog.fallback_published() {
        out.push_str(&format!("fallback published: {}\n", f.at.to_iso()));
    }
    expect.assert_eq(&out);
}

#[test]
fn titles_with_glued_stamps_and_numbered_markers() {
    let text = "Summary\n\n1. Council backs the new bridgepublished at 22:40 GMT 3 May 2026\n\nThe vote was 31 to 9 after a long debate.\n\n2. Analysis\n\nWhy the vote mattered to the old town published at 21:05 BST 3 May 2026\n\nLena Holm\n\nReporting from Northvale\n\nThe old town has waited twenty years for the bridge.\n\n3. Ferry staff fear for their jobspublished at 20:15 GMT 3 May 2026\nBreaking\n\nThe ferry union said 40 jobs were at risk.";
    check(
        text,
        None,
        expect_test::expect![[r#"
            live: true
            - time=2026-05-03T22:40Z stamp=Some("22:40 GMT 3 May 2026") title=Some("Council backs the new bridge") author=None role=None body="The vote was 31 to 9 after a l"
            - time=2026-05-03T20:05Z stamp=Some("21:05 BST 3 May 2026") title=Some("Why the vote mattered to the old town") author=Some("Lena Holm") role=Some("Reporting from Northvale") body="The old town has waited twenty"
            - time=2026-05-03T20:15Z stamp=Some("20:15 GMT 3 May 2026") title=Some("Ferry staff fear for their jobs") author=None role=None body="The ferry union said 40 jobs w"
            fallback published: 2026-05-03T22:40Z
        "#]],
    );
}

#[test]
fn numbered_titles_on_their_own_line_above_a_labelled_stamp() {
    // What the plain-text cleaner makes of "2. What happened at the pier?published at …":
    // the title on a line of its own, the stamp on the next.
    let text = "1. Council backs the new bridge\npublished at 22:40 GMT 3 May 2026\n\nThe vote was 31 to 9.\n\n2. What happened at the pier?\npublished at 21:05 GMT 3 May 2026\n\nA crane toppled in the wind.\n\n3. Ferries run again\npublished at 20:15 GMT 3 May 2026\n\nThe first boat left at eight.";
    check(
        text,
        None,
        expect_test::expect![[r#"
            live: true
            - time=2026-05-03T22:40Z stamp=Some("published at 22:40 GMT 3 May 2026") title=Some("Council backs the new bridge") author=None role=None body="The vote was 31 to 9."
            - time=2026-05-03T21:05Z stamp=Some("published at 21:05 GMT 3 May 2026") title=Some("What happened at the pier?") author=None role=None body="A crane toppled in the wind."
            - time=2026-05-03T20:15Z stamp=Some("published at 20:15 GMT 3 May 2026") title=Some("Ferries run again") author=None role=None body="The first boat left at eight."
            fallback published: 2026-05-03T22:40Z
        "#]],
    );
}

#[test]
fn day_headers_and_bare_time_lines() {
    // Newest first; a second day header moves the day back. The intro is its own post.
    let text = "Harbour strike: live updates\n\nDock workers walked out at dawn over pay, halting cargo traffic in the port.\n\n4 March 2026\n\n20:41 GMT\n\nThe union said talks would resume tomorrow.\n\n18:02 GMT\n\nStrike committee\n\nAnna Berg\n\nHarbour reporter\n\nPickets gathered at the north gate.\n\n3 March 2026\n\n23:15 GMT\n\nUnion leaders met late into the night.";
    check(
        text,
        None,
        expect_test::expect![[r#"
            live: true
            - time=none stamp=None title=None author=None role=None body="Harbour strike: live updates//"
            - time=2026-03-04T20:41Z stamp=Some("20:41 GMT") title=None author=None role=None body="The union said talks would res"
            - time=2026-03-04T18:02Z stamp=Some("18:02 GMT") title=Some("Strike committee") author=Some("Anna Berg") role=Some("Harbour reporter") body="Pickets gathered at the north "
            - time=2026-03-03T23:15Z stamp=Some("23:15 GMT") title=None author=None role=None body="Union leaders met late into th"
            fallback published: 2026-03-04T20:41Z
        "#]],
    );
}

#[test]
fn midnight_is_crossed_against_reading_order() {
    // No day headers: the day comes from the publication time and rolls back when
    // the (newest-first) times jump up.
    let text = "00:40 GMT\n\nPolls closed.\n\n00:05 GMT\n\nCounting began.\n\n23:50 GMT\n\nQueues outside the last stations.\n\n22:10 GMT\n\nTurnout reached 60%.";
    check(
        text,
        Some(ts(2026, 6, 8, 1, 0, TimePrecision::Minute)),
        expect_test::expect![[r#"
            live: true
            - time=2026-06-08T00:40Z stamp=Some("00:40 GMT") title=None author=None role=None body="Polls closed."
            - time=2026-06-08T00:05Z stamp=Some("00:05 GMT") title=None author=None role=None body="Counting began."
            - time=2026-06-07T23:50Z stamp=Some("23:50 GMT") title=None author=None role=None body="Queues outside the last statio"
            - time=2026-06-07T22:10Z stamp=Some("22:10 GMT") title=None author=None role=None body="Turnout reached 60%."
            fallback published: 2026-06-08T00:40Z
        "#]],
    );
    // Oldest first: the day moves forward.
    let text = "Sunday 7 June 2026\n\n22:10 GMT\n\nTurnout reached 60%.\n\n23:50 GMT\n\nQueues outside.\n\n00:05 GMT\n\nCounting began.";
    check(
        text,
        None,
        expect_test::expect![[r#"
            live: true
            - time=2026-06-07T22:10Z stamp=Some("22:10 GMT") title=None author=None role=None body="Turnout reached 60%."
            - time=2026-06-07T23:50Z stamp=Some("23:50 GMT") title=None author=None role=None body="Queues outside."
            - time=2026-06-08T00:05Z stamp=Some("00:05 GMT") title=None author=None role=None body="Counting began."
            fallback published: 2026-06-08T00:05Z
        "#]],
    );
}

#[test]
fn labelled_stamp_lines_below_headlines() {
    // As HTML extraction lays posts out: headline, then "Published at ..." on its own line.
    let text = "Storm reaches the coast\n\nPublished at 14:20 UTC 2 October 2026\n\nBy Anna Berg\n\nWinds of 120 km/h hit the harbour.\n\nFerries cancelled\n\nPublished at 13:05 UTC 2 October 2026\n\nAll crossings were called off.\n\nPublished at 12:00 UTC 2 October 2026\n\nThe weather office issued a red warning.";
    check(
        text,
        None,
        expect_test::expect![[r#"
            live: true
            - time=2026-10-02T14:20Z stamp=Some("Published at 14:20 UTC 2 October 2026") title=Some("Storm reaches the coast") author=Some("Anna Berg") role=None body="Winds of 120 km/h hit the harb"
            - time=2026-10-02T13:05Z stamp=Some("Published at 13:05 UTC 2 October 2026") title=Some("Ferries cancelled") author=None role=None body="All crossings were called off."
            - time=2026-10-02T12:00Z stamp=Some("Published at 12:00 UTC 2 October 2026") title=None author=None role=None body="The weather office issued a re"
            fallback published: 2026-10-02T14:20Z
        "#]],
    );
}

#[test]
fn time_line_then_day_line() {
    let text = "20:41 GMT\n9 March 2026\n\nThe vote was delayed.\n\n23:10 GMT\n8 March 2026\n\nTalks went on late.\n\n18:00 GMT\n8 March 2026\n\nDelegates arrived.";
    check(
        text,
        None,
        expect_test::expect![[r#"
            live: true
            - time=2026-03-09T20:41Z stamp=Some("20:41 GMT") title=None author=None role=None body="The vote was delayed."
            - time=2026-03-08T23:10Z stamp=Some("23:10 GMT") title=None author=None role=None body="Talks went on late."
            - time=2026-03-08T18:00Z stamp=Some("18:00 GMT") title=None author=None role=None body="Delegates arrived."
            fallback published: 2026-03-09T20:41Z
        "#]],
    );
}

#[test]
fn relative_and_absolute_stamp_lines_make_one_post() {
    let text = "1h ago\n14.05 GMT\n\nFerries resume\n\nThe first boat left at two.\n\n2h ago\n13.10 GMT\n\nThe port reopened.\n\n3h ago\n12.00 GMT\n\nWinds dropped overnight.";
    check(
        text,
        Some(ts(2026, 4, 1, 15, 5, TimePrecision::Minute)),
        expect_test::expect![[r#"
            live: true
            - time=2026-04-01T14:05Z stamp=Some("14.05 GMT") title=Some("Ferries resume") author=None role=None body="The first boat left at two."
            - time=2026-04-01T13:10Z stamp=Some("13.10 GMT") title=None author=None role=None body="The port reopened."
            - time=2026-04-01T12:00Z stamp=Some("12.00 GMT") title=None author=None role=None body="Winds dropped overnight."
            fallback published: 2026-04-01T14:05Z
        "#]],
    );
}

#[test]
fn time_zones_become_utc() {
    let text = "10 January 2026\n\n9:30 am ET\n\nMarkets opened lower.\n\n16:00 MSK\n\nThe central bank spoke.\n\n14:00 +03:00\n\nA second statement followed.\n\n12:15 CET\n\nEuropean markets reacted.";
    check(
        text,
        None,
        expect_test::expect![[r#"
            live: true
            - time=2026-01-10T14:30Z stamp=Some("9:30 am ET") title=None author=None role=None body="Markets opened lower."
            - time=2026-01-10T13:00Z stamp=Some("16:00 MSK") title=None author=None role=None body="The central bank spoke."
            - time=2026-01-10T11:00Z stamp=Some("14:00 +03:00") title=None author=None role=None body="A second statement followed."
            - time=2026-01-10T11:15Z stamp=Some("12:15 CET") title=None author=None role=None body="European markets reacted."
            fallback published: 2026-01-10T14:30Z
        "#]],
    );
    // US Eastern time in summer is four hours behind UTC.
    let text = "1 July 2026\n\n8:00 pm ET\n\nA.\n\n7:00 pm ET\n\nB.\n\n6:00 pm ET\n\nC.";
    let blog = split_posts(text, None);
    assert_eq!(
        blog.posts.first().and_then(|p| p.time).map(|t| t.to_iso()),
        Some("2026-07-02T00:00Z".to_string())
    );
}

#[test]
fn relative_stamps_need_an_anchor() {
    let text = "Updated 5 minutes ago\n\nThe train is moving again.\n\n2 hours ago\n\nA signal failure stopped the line.\n\nUpdated 1 day ago\n\nEngineers warned of old signals.";
    check(
        text,
        Some(ts(2026, 2, 10, 12, 0, TimePrecision::Minute)),
        expect_test::expect![[r#"
            live: true
            - time=2026-02-10T11:55Z stamp=Some("Updated 5 minutes ago") title=None author=None role=None body="The train is moving again."
            - time=2026-02-10T10:00Z stamp=Some("2 hours ago") title=None author=None role=None body="A signal failure stopped the l"
            - time=2026-02-09T12:00Z stamp=Some("Updated 1 day ago") title=None author=None role=None body="Engineers warned of old signal"
            fallback published: 2026-02-10T11:55Z
        "#]],
    );
    // A publication day without a clock time is no anchor for "2 hours ago".
    check(
        text,
        Some(ts(2026, 2, 10, 0, 0, TimePrecision::Day)),
        expect_test::expect![[r#"
            live: true
            - time=none stamp=Some("Updated 5 minutes ago") title=None author=None role=None body="The train is moving again."
            - time=none stamp=Some("2 hours ago") title=None author=None role=None body="A signal failure stopped the l"
            - time=none stamp=Some("Updated 1 day ago") title=None author=None role=None body="Engineers warned of old signal"
        "#]],
    );
}

#[test]
fn articles_are_one_post() {
    // A dated article with one time in it, and a numbered list, is not a live blog.
    let text = "Bridge Plan Approved\n\n4 May 2026\n\nThe council approved the plan at 22:40 GMT.\n\n1. Two new lanes.\n\n2. A cycle path.\n\n3. A new ferry pier.";
    check(
        text,
        None,
        expect_test::expect![[r#"
            live: false
            - time=none stamp=None title=None author=None role=None body="Bridge Plan Approved//4 May 20"
        "#]],
    );
    check(
        "",
        None,
        expect_test::expect![[r#"
            live: false
            - time=none stamp=None title=None author=None role=None body=""
        "#]],
    );
}
