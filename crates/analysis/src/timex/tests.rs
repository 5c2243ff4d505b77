//! Data-driven tests for the temporal tagger: invented sentences, one `check` helper.

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

/// Tags `text` published at `published` and lists `[extent] TYPE value` lines.
fn check(published: Option<&str>, text: &str, expect: Expect) {
    let ctx = TimexContext {
        published: published.map(ts),
        posts: Vec::new(),
    };
    render(text, &ctx, expect);
}

fn render(text: &str, ctx: &TimexContext, expect: Expect) {
    let mut out = String::new();
    for t in tag(text, ctx) {
        let end = t.end_value.map(|e| format!(" .. {e}")).unwrap_or_default();
        let anchor = match t.anchor.kind {
            model::AnchorKind::Post { post } => format!(" @post{post}"),
            model::AnchorKind::Published => " @published".to_string(),
            model::AnchorKind::TextDate { .. } => " @text".to_string(),
            model::AnchorKind::None => String::new(),
        };
        out.push_str(&format!(
            "[{}] {:?} {}{end}{anchor}\n",
            t.text, t.kind, t.value
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn explicit_dates() {
    check(
        Some("2025-11-22"),
        "Talks began on November 19 and on Nov. 19, 2025 too; 19 November 2025, 2025-11-19 and 11/19/2025 agree.",
        expect![[r#""#]],
    );
}
