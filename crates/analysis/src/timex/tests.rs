//! Data-driven tests for the temporal tagger: invented sentences, one `check` helper
//! (plus `check_ctx` for live-blog posts). Each line of a snapshot is
//! `[extent] TYPE value [.. end value] @anchor`.

use expect_test::{expect, Expect};
use model::{Span, TimePrecision, Timestamp};

use super::{tag, TimexContext};

fn ts(s: &str) -> Timestamp {
    let (utc, precision) = if s.len() > 10 {
        (
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("test time"),
            TimePrecision::Minute,
        )
    } else {
        (
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .expect("test date")
                .and_hms_opt(0, 0, 0)
                .expect("midnight"),
            TimePrecision::Day,
        )
    };
    Timestamp { utc, precision }
}

/// Tags `text` published at `published` (none when `None`).
fn check(published: Option<&str>, text: &str, expect: Expect) {
    let ctx = TimexContext {
        published: published.map(ts),
        posts: Vec::new(),
    };
    check_ctx(text, &ctx, expect);
}

fn check_ctx(text: &str, ctx: &TimexContext, expect: Expect) {
    let mut out = String::new();
    for t in tag(text, ctx) {
        assert_eq!(t.span.slice(text), t.text, "span and text agree");
        let end = t.end_value.map(|e| format!(" .. {e}")).unwrap_or_default();
        let anchor = match (&t.anchor.kind, &t.anchor.value) {
            (model::AnchorKind::Post { post }, Some(v)) => format!(" @post{post}={v}"),
            (model::AnchorKind::Published, Some(v)) => format!(" @published={v}"),
            (model::AnchorKind::TextDate { span }, Some(v)) => {
                format!(" @text[{}]={v}", span.slice(text))
            }
            _ => String::new(),
        };
        out.push_str(&format!(
            "[{}] {:?} {}{end}{anchor}\n",
            t.text, t.kind, t.value
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn explicit_dates_in_every_layout() {
    check(
        Some("2025-11-22"),
        "Talks opened on November 19 and on Nov. 19, 2025; the memo is dated 19 November 2025, \
         2025-11-19 and 11/19/2025. Thursday 27 November and Monday, Dec. 1 follow.",
        expect![[r#"
            [November 19] Date 2025-11-19 @published=2025-11-22
            [Nov. 19, 2025] Date 2025-11-19
            [19 November 2025] Date 2025-11-19
            [2025-11-19] Date 2025-11-19
            [11/19/2025] Date 2025-11-19
            [Thursday 27 November] Date 2025-11-27 @published=2025-11-22
            [Monday, Dec. 1] Date 2025-12-01 @published=2025-11-22
        "#]],
    );
}

#[test]
fn months_years_decades_seasons_quarters() {
    check(
        Some("2025-11-22"),
        "In 2022 the plan slipped to November 2025, then to the summer of 2026. \
         Growth in the third quarter beat the 1990s average; the fourth-quarter forecast \
         and the first half of 2026 look weaker. Fiscal 2024 was better. He arrived in March.",
        expect![[r#"
            [2022] Date 2022
            [November 2025] Date 2025-11 @published=2025-11-22
            [the summer of 2026] Date 2026-SU @published=2025-11-22
            [the third quarter] Date 2025-Q3 @published=2025-11-22
            [the 1990s] Date 199
            [fourth-quarter] Date 2025-Q4 @published=2025-11-22
            [the first half of 2026] Date 2026-H1 @published=2025-11-22
            [Fiscal 2024] Date 2024
            [March] Date 2025-03 @published=2025-11-22
        "#]],
    );
}

#[test]
fn relative_days_weeks_months_years() {
    check(
        Some("2025-11-20T09:30"),
        "Today the mayor of Dunmore said yesterday's vote stands; tomorrow the council meets. \
         Last week the budget passed, this month it is audited, and next year it expires. \
         Last weekend was quiet. Earlier this year prices rose.",
        expect![[r#"
            [Today] Date 2025-11-20 @published=2025-11-20T09:30
            [yesterday] Date 2025-11-19 @published=2025-11-20T09:30
            [tomorrow] Date 2025-11-21 @published=2025-11-20T09:30
            [Last week] Date 2025-W46 @published=2025-11-20T09:30
            [this month] Date 2025-11 @published=2025-11-20T09:30
            [next year] Date 2026 @published=2025-11-20T09:30
            [Last weekend] Date 2025-W46-WE @published=2025-11-20T09:30
            [Earlier this year] Date 2025 @published=2025-11-20T09:30
        "#]],
    );
}

#[test]
fn amounts_of_time_ago_and_later() {
    check(
        Some("2025-11-20"),
        "The ceasefire must hold within 100 days. Three months ago the envoy resigned; \
         she returned a year later. The siege lasted three days, the talks four years, \
         the dispute a decade. The next day the envoy left.",
        expect![[r#"
            [100 days] Duration P100D
            [Three months ago] Date 2025-08 @published=2025-11-20
            [a year later] Date 2026 @published=2025-11-20
            [three days] Duration P3D
            [four years] Duration P4Y
            [a decade] Duration P10Y
            [The next day] Date 2025-11-21 @published=2025-11-20
        "#]],
    );
}

#[test]
fn sets_and_vague_references() {
    check(
        Some("2025-11-20"),
        "Patrols run every week and reports arrive daily. The bridge is now closed and was \
         recently repaired; it is currently guarded. In the past it was open; the future is unclear.",
        expect![[r#"
            [every week] Set P1W
            [daily] Set P1D
            [now] Date PRESENT_REF
            [recently] Date PAST_REF
            [currently] Date PRESENT_REF
            [the past] Date PAST_REF
            [the future] Date FUTURE_REF
        "#]],
    );
}

#[test]
fn clock_times_with_zones() {
    check(
        Some("2025-11-21"),
        "The statement came at 22:33 GMT, and the vote is due at 3 p.m. ET on Friday. \
         Flights resume at 9:30 a.m.",
        expect![[r#"
            [22:33 GMT] Time 2025-11-21T22:33Z @published=2025-11-21
            [3 p.m. ET on Friday] Time 2025-11-21T15:00 @published=2025-11-21
            [9:30 a.m.] Time 2025-11-21T09:30 @published=2025-11-21
        "#]],
    );
}

#[test]
fn ranges() {
    check(
        Some("2025-11-10"),
        "The summit runs November 20-21, 2025, and the follow-up November 15–16.",
        expect![[r#"
            [November 20-21, 2025] Date 2025-11-20 .. 2025-11-21 @published=2025-11-10
            [November 15–16] Date 2025-11-15 .. 2025-11-16 @published=2025-11-10
        "#]],
    );
}

#[test]
fn weekday_direction_follows_tense() {
    // 2025-11-26 is a Wednesday.
    check(
        Some("2025-11-26"),
        "On Thursday, a delegation was in Karsk. The ministers will meet next Thursday. \
         The report is due by Friday. Officials said Monday that the road was cleared. \
         This Thursday the council votes.",
        expect![[r#"
            [Thursday] Date 2025-11-20 @published=2025-11-26
            [next Thursday] Date 2025-11-27 @published=2025-11-26
            [Friday] Date 2025-11-28 @published=2025-11-26
            [Monday] Date 2025-11-24 @published=2025-11-26
            [This Thursday] Date 2025-11-27 @published=2025-11-26
        "#]],
    );
}

#[test]
fn until_a_weekday_points_ahead_unless_the_clause_is_past() {
    // 2026-03-04 is a Wednesday.
    check(
        Some("2026-03-04"),
        "The minister said the offer was final and would remain open until Sunday. \
         Until Monday, the pickets had not blocked the gate. \
         A spokesman said they would resume on Friday morning.",
        expect![[r#"
            [Sunday] Date 2026-03-08 @published=2026-03-04
            [Monday] Date 2026-03-02 @published=2026-03-04
            [Friday morning] Date 2026-03-06 @published=2026-03-04
        "#]],
    );
}

#[test]
fn yearless_dates_near_a_year_boundary() {
    check(
        Some("2026-01-03"),
        "The accord was signed on December 28. Elections will be held on January 10. \
         The mission is expected to start in February, after a review in December.",
        expect![[r#"
            [December 28] Date 2025-12-28 @published=2026-01-03
            [January 10] Date 2026-01-10 @published=2026-01-03
            [February] Date 2026-02 @published=2026-01-03
            [December] Date 2025-12 @published=2026-01-03
        "#]],
    );
}

#[test]
fn live_blog_posts_anchor_their_own_expressions() {
    let text = "Talks continue today in Velmora.\nYesterday the envoys met. Today they rest.";
    let second = text.find("Yesterday").expect("fixture");
    let ctx = TimexContext {
        published: Some(ts("2025-11-24T08:00")),
        posts: vec![
            (Span::new(0, second), None),
            (Span::new(second, text.len()), Some(ts("2025-11-21T22:33"))),
        ],
    };
    check_ctx(
        text,
        &ctx,
        expect![[r#"
        [today] Date 2025-11-24 @published=2025-11-24T08:00
        [Yesterday] Date 2025-11-20 @post1=2025-11-21T22:33
        [Today] Date 2025-11-21 @post1=2025-11-21T22:33
    "#]],
    );
}

#[test]
fn without_publication_time_the_text_date_anchors() {
    check(
        None,
        "Velmora, March 3, 2024 - The mayor resigned yesterday. On Friday the council will meet. \
         Thursday is a holiday in Brenn.",
        expect![[r#"
            [March 3, 2024] Date 2024-03-03
            [yesterday] Date 2024-03-02 @text[March 3, 2024]=2024-03-03
            [Friday] Date 2024-03-08 @text[March 3, 2024]=2024-03-03
            [Thursday] Date 2024-02-29 @text[March 3, 2024]=2024-03-03
        "#]],
    );
}

#[test]
fn no_anchor_leaves_values_underspecified() {
    check(
        None,
        "The festival opens on November 19 and closes on a Sunday; tomorrow is sold out.",
        expect![[r#"
            [November 19] Date XXXX-11-19
            [Sunday] Date XXXX-WXX-7
            [tomorrow] Date XXXX-XX-XX
        "#]],
    );
}

#[test]
fn numbers_that_are_not_years_or_times() {
    check(
        Some("2025-11-20"),
        "The convoy carried 1500 troops and 2000 tonnes of grain; the score was 3:1 and \
         a second group of three-quarters of the staff left. He may attend.",
        expect![[r#""#]],
    );
}

#[test]
fn odd_input_does_not_panic() {
    let ctx = TimexContext::default();
    for text in [
        "",
        " ",
        "Nov.",
        "31 February 2025",
        "9999-99-99",
        "Thursday, the",
        "at 99:99 GMT",
        "’’’ — – … 2025-",
        "nineteen ninety-",
    ] {
        let _ = tag(text, &ctx);
    }
    check(
        None,
        "31 February 2025 and 2025-02-30 are not dates.",
        expect![[r#"
        [February 2025] Date 2025-02
        [2025] Date 2025
    "#]],
    );
}

#[test]
fn a_timestamped_line_anchors_what_follows() {
    check(
        None,
        "Posted at 09:15 GMT 3 March 2024\nThe Brenn council said yesterday it will vote next Thursday. \
         The same day, the mayor resigned.",
        expect![[r#"
            [09:15 GMT 3 March 2024] Time 2024-03-03T09:15Z
            [yesterday] Date 2024-03-02 @text[09:15 GMT 3 March 2024]=2024-03-03
            [next Thursday] Date 2024-03-07 @text[09:15 GMT 3 March 2024]=2024-03-03
            [The same day] Date 2024-03-07 @text[09:15 GMT 3 March 2024]=2024-03-03
        "#]],
    );
}

#[test]
fn year_ranges() {
    check(
        Some("2025-11-20"),
        "Output fell between 2015 and 2022, rose from 2009 to 2011 and in the 1998–99 season.",
        expect![[r#"
            [between 2015 and 2022] Date 2015 .. 2022 @published=2025-11-20
            [from 2009 to 2011] Date 2009 .. 2011 @published=2025-11-20
            [1998–99] Date 1998 .. 1999 @published=2025-11-20
        "#]],
    );
}

#[test]
fn the_narrative_date_does_not_leak_into_the_next_post() {
    let text = "On Monday the envoys met in Karsk.\nAt 14:00 GMT the talks resume.";
    let second = text.find("At 14:00").expect("fixture");
    let ctx = TimexContext {
        published: Some(ts("2025-11-24T08:00")),
        posts: vec![
            (Span::new(0, second), Some(ts("2025-11-20T10:00"))),
            (Span::new(second, text.len()), Some(ts("2025-11-21T22:33"))),
        ],
    };
    check_ctx(
        text,
        &ctx,
        expect![[r#"
        [Monday] Date 2025-11-17 @post0=2025-11-20T10:00
        [14:00 GMT] Time 2025-11-21T14:00Z @post1=2025-11-21T22:33
    "#]],
    );
}

#[test]
fn short_decades_and_four_digit_clock_times() {
    check(
        Some("2025-11-20"),
        "Cars of the 70s and 80s were boxy; in the '90s they changed. Trading resumed at 0800 UTC, \
         and 1500 workers returned.",
        expect![[r#"
            [70s] Date 197
            [80s] Date 198
            ['90s] Date 199
            [0800 UTC] Time 2025-11-20T08:00Z @published=2025-11-20
        "#]],
    );
}

/// Deterministic token soups of trigger words, numbers and punctuation: the tagger
/// must not panic, and every span must slice the text to the reported extent.
#[test]
fn token_soups_never_panic_and_spans_stay_valid() {
    const VOCAB: &[&str] = &[
        "the",
        "last",
        "next",
        "this",
        "week",
        "weekend",
        "year",
        "years",
        "ago",
        "later",
        "earlier",
        "Monday",
        "Friday",
        "November",
        "Nov",
        ".",
        ",",
        "-",
        "–",
        "/",
        ":",
        "'",
        "’",
        "s",
        "19",
        "2025",
        "1998",
        "99",
        "0800",
        "22",
        "33",
        "a",
        "p",
        "m",
        "GMT",
        "ET",
        "quarter",
        "third",
        "first",
        "half",
        "of",
        "fiscal",
        "every",
        "daily",
        "a",
        "few",
        "several",
        "twenty",
        "four",
        "nineteen",
        "ninety",
        "between",
        "and",
        "from",
        "to",
        "by",
        "until",
        "the",
        "end",
        "mid",
        "early",
        "late",
        "now",
        "recently",
        "today",
        "tomorrow",
        "yesterday",
        "morning",
        "night",
        "noon",
        "at",
        "Christmas",
        "New",
        "Year",
        "day",
        "Q",
        "3",
        "1",
        "2",
        "th",
        "summer",
        "fall",
        "decade",
        "century",
        "20",
        "é",
        "Ünter",
        "\n",
        "  ",
        "?",
        "!",
        ";",
        "May",
        "March",
        "will",
        "said",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let ctx = TimexContext {
        published: Some(ts("2025-11-20T12:00")),
        posts: vec![(Span::new(5, 40), Some(ts("2025-11-19T08:00")))],
    };
    let mut tagged = 0usize;
    for _ in 0..2000 {
        let len = 1 + next() % 25;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(VOCAB[next() % VOCAB.len()]);
            if next() % 3 != 0 {
                text.push(' ');
            }
        }
        for t in tag(&text, &ctx) {
            assert!(
                t.span.start < t.span.end && t.span.end <= text.len(),
                "{text:?}"
            );
            assert_eq!(t.span.slice(&text), t.text, "{text:?}");
            assert!(!t.value.is_empty(), "{text:?}");
            tagged += 1;
        }
    }
    assert!(
        tagged > 1000,
        "the soups should contain many expressions, got {tagged}"
    );
}

#[test]
fn clause_boundaries_and_reporting_verbs_in_tense_cues() {
    // 2025-11-26 is a Wednesday.
    check(
        Some("2025-11-26"),
        "The envoy, who held talks in Karsk on Monday, will travel on. \
         The envoy will leave Friday, the ministry said. \
         On Tuesday, the convoy was stopped.",
        expect![[r#"
            [Monday] Date 2025-11-24 @published=2025-11-26
            [Friday] Date 2025-11-28 @published=2025-11-26
            [Tuesday] Date 2025-11-25 @published=2025-11-26
        "#]],
    );
}

#[test]
fn vague_amounts_of_time() {
    check(
        Some("2025-11-20"),
        "The town changed over the years; talks dragged on for weeks, and in recent years \
         several months passed between rounds.",
        expect![[r#"
            [the years] Duration PXY
            [weeks] Duration PXW
            [recent years] Duration PXY
            [several months] Duration PXM
        "#]],
    );
}
