//! End-to-end tests of the `parallax` binary: real files, a real SQLite store,
//! real HTTP over loopback.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(args: &[&str], store: &Path) -> Output {
    bin()
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .expect("run parallax")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ARTICLE: &str = "<!doctype html><html lang=en><head><title>Bridge reopens in Tessaly</title>\
<meta property=\"og:site_name\" content=\"Lantern Post\">\
<meta property=\"article:published_time\" content=\"2026-02-10T09:00:00Z\"></head><body>\
<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Bridge reopens in Tessaly</h1>\
<p>The Tessaly river bridge reopened on Monday after eight months of repairs, the city council said.</p>\
<p>Mayor Ilse Brandt said the work cost 4.2 million crowns, more than the 3 million first planned.</p>\
<p>\u{201c}We are glad to have it back,\u{201d} said Tomas Wren, who runs a bakery near the bridge.</p>\
</article><footer>\u{a9} 2026 Lantern Post</footer></body></html>";

#[test]
fn ingest_reports_bad_items_and_keeps_going() {
    let dir = temp_dir("bad");
    let store = dir.join("store.sqlite");
    std::fs::write(dir.join("good.html"), ARTICLE).expect("write");
    // A gzip header with nothing after it.
    std::fs::write(dir.join("truncated.html.gz"), [0x1f, 0x8b, 8, 0, 0, 0]).expect("write");
    std::fs::write(dir.join("feed.rss"), "this is not xml at all").expect("write");
    std::fs::write(
        dir.join("lines.jsonl"),
        "{\"title\":\"A\",\"outlet\":\"Quay News\",\"published\":\"2026-02-11\",\"text\":\"The ferry to Orlan resumed service on Tuesday, the operator said.\"}\n{broken\n",
    )
    .expect("write");
    std::fs::write(dir.join("broken.html"), "<html><body><p>Unclosed <b>tags <i>everywhere <div>The council met on Friday to discuss the budget for the harbour and the new school.").expect("write");

    let out = run(&["ingest", dir.to_str().expect("utf8")], &store);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "partial failure exit code; stderr: {err}"
    );
    assert!(
        err.contains("truncated.html.gz: gzip data is corrupt"),
        "{err}"
    );
    assert!(err.contains("feed.rss: not a feed"), "{err}");
    assert!(
        err.contains("lines.jsonl#line-2: not a JSON article"),
        "{err}"
    );
    let text = stdout(&out);
    assert!(text.contains("3 ok, 3 failed"), "{text}");

    // Re-ingesting changes nothing.
    let again = run(&["ingest", dir.to_str().expect("utf8"), "--json"], &store);
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).expect("json report");
    let statuses: Vec<&str> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["status"].as_str())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == "unchanged").count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == "added").count(),
        0,
        "{statuses:?}"
    );

    let docs = run(&["docs", "--json"], &store);
    let list: serde_json::Value = serde_json::from_slice(&docs.stdout).expect("json list");
    assert_eq!(list.as_array().map(Vec::len), Some(3));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extract_json_maps_clean_offsets_to_input_bytes() {
    let dir = temp_dir("extract");
    let path = dir.join("a.html");
    std::fs::write(&path, ARTICLE).expect("write");
    let out = bin()
        .args(["extract", path.to_str().expect("utf8"), "--json"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["outlet"]["name"], "Lantern Post");
    assert_eq!(v["published"]["at"]["utc"], "2026-02-10T09:00:00");
    let text = v["text"].as_str().expect("text");
    assert!(text.contains("Mayor Ilse Brandt said"), "{text}");
    assert!(!text.contains("Home"), "navigation kept: {text}");
    // Every word of the clean text is found at its mapped input offset.
    let segments = v["offsets"]["segments"].as_array().expect("segments");
    let word = "Brandt";
    let at = text.find(word).expect("word");
    let seg = segments
        .iter()
        .map(|s| s.as_array().expect("segment"))
        .find(|s| {
            let (c, l) = (
                s[0].as_u64().unwrap_or(0) as usize,
                s[1].as_u64().unwrap_or(0) as usize,
            );
            c <= at && at < c + l
        })
        .expect("segment covering the word");
    let raw_at =
        seg[2].as_u64().unwrap_or(0) as usize + (at - seg[0].as_u64().unwrap_or(0) as usize);
    assert_eq!(
        &ARTICLE.as_bytes()[raw_at..raw_at + word.len()],
        word.as_bytes()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn analyze_json_gives_spans_in_both_coordinates() {
    let dir = temp_dir("analyze");
    let path = dir.join("a.txt");
    let body = "Harbour talks stall\n\nThe port authority said on Tuesday that talks would resume next Friday. \u{201c}We are not giving up,\u{201d} said Mara Quill, the union's spokeswoman.";
    std::fs::write(&path, body).expect("write");
    let out = bin()
        .args([
            "analyze",
            path.to_str().expect("utf8"),
            "--published",
            "2026-03-04T10:00:00Z",
            "--json",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let timexes = v["timexes"].as_array().expect("timexes");
    let friday = timexes
        .iter()
        .find(|t| t["text"].as_str().is_some_and(|s| s.contains("Friday")))
        .expect("Friday");
    assert_eq!(friday["value"], "2026-03-06");
    let input = friday["span"]["input"].as_array().expect("input span");
    let (s, e) = (
        input[0].as_u64().unwrap_or(0) as usize,
        input[1].as_u64().unwrap_or(0) as usize,
    );
    assert!(body[s..e].contains("Friday"), "{}", &body[s..e]);
    let quotes = v["attributions"].as_array().expect("attributions");
    assert!(
        quotes.iter().any(|q| q["kind"] == "direct"
            && q["source"]["text"]
                .as_str()
                .is_some_and(|s| s.contains("Mara Quill"))),
        "{quotes:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ingest_urls_over_loopback() {
    let dir = temp_dir("http");
    let store = dir.join("store.sqlite");
    let base = testkit::serve_http(
        vec![
            (
                "/robots.txt",
                testkit::http_ok("User-agent: *\nDisallow: /private\n"),
            ),
            ("/a", testkit::http_ok(ARTICLE)),
        ],
        16,
    );
    let url = format!("{base}/a");

    let refused = run(&["ingest", &url], &store);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("private or loopback address"),
        "{}",
        stderr(&refused)
    );

    let ok = run(&["ingest", &url, "--allow-private"], &store);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let robots = run(
        &["ingest", &format!("{base}/private/x"), "--allow-private"],
        &store,
    );
    assert!(
        stderr(&robots).contains("disallowed by"),
        "{}",
        stderr(&robots)
    );
    let missing = run(
        &["ingest", &format!("{base}/missing"), "--allow-private"],
        &store,
    );
    assert!(
        stderr(&missing).contains("HTTP status 404"),
        "{}",
        stderr(&missing)
    );

    let show = run(&["show", &url], &store);
    assert!(
        stdout(&show).contains("outlet:    Lantern Post"),
        "{}",
        stdout(&show)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn brief_renders_every_format() {
    let dir = temp_dir("brief");
    let store = dir.join("store.sqlite");
    std::fs::write(dir.join("a.html"), ARTICLE).expect("write");
    std::fs::write(
        dir.join("b.jsonl"),
        "{\"title\":\"Tessaly bridge back\",\"outlet\":\"Quay News\",\"published\":\"2026-02-10T12:00:00Z\",\"text\":\"The Tessaly river bridge reopened on Monday. Mayor Ilse Brandt said the repairs cost 6 million crowns.\"}\n",
    )
    .expect("write");
    for (format, marker) in [
        ("text", "BRIEF"),
        ("md", "# Brief"),
        ("html", "<!doctype html>"),
        ("json", "parallax.brief/1"),
    ] {
        let out = run(
            &["brief", dir.to_str().expect("utf8"), "--format", format],
            &store,
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(stdout(&out).contains(marker), "{format}: {}", stdout(&out));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_document_is_a_clear_error() {
    let dir = temp_dir("unknown");
    let out = run(&["show", "ffffffff"], &dir.join("s.sqlite"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no document matches `ffffffff`"),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_earliest_published_copy_is_the_original() {
    let dir = temp_dir("repost");
    let store = dir.join("store.sqlite");
    let body = "The Tessaly river bridge reopened on Monday after eight months of repairs, the city council said. \
        Mayor Ilse Brandt said the work cost 4.2 million crowns, more than the 3 million first planned. \
        Traffic on the ring road eased within hours, and the ferry service that had replaced the crossing will stop on Friday.";
    // The repost (published later) arrives first.
    let lines = format!(
        "{{\"title\":\"Bridge back\",\"outlet\":\"Digest Hub\",\"published\":\"2026-02-10T15:00:00Z\",\"text\":\"Reposted. {body}\"}}\n\
         {{\"title\":\"Bridge reopens\",\"outlet\":\"Lantern Post\",\"published\":\"2026-02-10T09:00:00Z\",\"text\":\"{body}\"}}\n"
    );
    std::fs::write(dir.join("copies.jsonl"), lines).expect("write");
    let out = run(
        &["ingest", dir.join("copies.jsonl").to_str().expect("utf8")],
        &store,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = run(&["docs", "--json"], &store);
    let list: serde_json::Value = serde_json::from_slice(&docs.stdout).expect("json list");
    let by_outlet = |o: &str| {
        list.as_array()
            .and_then(|l| l.iter().find(|d| d["outlet"] == o))
            .cloned()
            .expect("doc")
    };
    let (repost, original) = (by_outlet("Digest Hub"), by_outlet("Lantern Post"));
    assert_eq!(repost["duplicate_of"], original["id"], "{list}");
    assert!(original["duplicate_of"].is_null(), "{list}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn quotes_of_one_story() {
    let dir = temp_dir("story-quotes");
    let store = dir.join("store.sqlite");
    std::fs::write(dir.join("bridge.html"), ARTICLE).expect("write");
    std::fs::write(
        dir.join("ferry.txt"),
        "Ferry strike halts crossings to Orlan\n\n\
         Ferry crews on the Orlan line walked out on Thursday over night-shift pay. \
         \u{201c}We will sail again when the rota is fixed,\u{201d} said crew delegate Mara Quill. \
         The operator said talks would resume next week.\n",
    )
    .expect("write");
    let out = run(&["ingest", dir.to_str().expect("utf8")], &store);
    assert!(out.status.success(), "{}", stderr(&out));
    let brief = run(&["brief"], &store);
    let text = stdout(&brief);
    assert!(
        text.contains("story 0:") && text.contains("story 1:"),
        "{text}"
    );
    // The story holding the bridge article lists its quotes and not the ferry's.
    let bridge_story = text
        .lines()
        .find(|l| l.contains("story ") && l.contains("Bridge"))
        .and_then(|l| l.split("story ").nth(1))
        .and_then(|l| l.split(':').next())
        .expect("a story line for the bridge article")
        .to_string();
    let quotes = run(&["quotes", "--story", &bridge_story], &store);
    let q = stdout(&quotes);
    assert!(q.contains("Tomas Wren"), "{q}");
    assert!(!q.contains("Mara Quill"), "{q}");
    // A page without an outlet is headed as the brief names it (its file name).
    let all = stdout(&run(&["quotes"], &store));
    assert!(
        all.contains("\nferry \u{2014} Ferry strike halts crossings to Orlan ("),
        "{all}"
    );
    let missing = run(&["quotes", "--story", "99"], &store);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no story 99"),
        "{}",
        stderr(&missing)
    );
}

/// The shipped sample's built-in findings (`samples/README.md`) as the brief shows
/// them: each disagreement's kind and sides. Findings the brief does not surface
/// yet (the strikers' numbers under three different nouns) are absent here.
#[test]
fn the_sample_brief_surfaces_its_built_in_findings() {
    let dir = temp_dir("sample");
    let store = dir.join("store.sqlite");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/harbor-strike");
    let out = run(
        &["brief", sample.to_str().expect("utf8"), "--format", "json"],
        &store,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let brief: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("brief JSON");
    let mut lines = Vec::new();
    for d in brief["disagreements"].as_array().expect("disagreements") {
        let sides: Vec<String> = d["sides"]
            .as_array()
            .expect("sides")
            .iter()
            .map(|s| {
                let outlets: Vec<&str> = s["outlets"]
                    .as_array()
                    .expect("outlets")
                    .iter()
                    .filter_map(|o| o.as_str())
                    .collect();
                format!(
                    "{}{} [{}]",
                    s["value"].as_str().unwrap_or(""),
                    if s["vague"].as_bool() == Some(true) {
                        " (vague)"
                    } else {
                        ""
                    },
                    outlets.join(", ")
                )
            })
            .collect();
        lines.push(format!(
            "{}: {}",
            d["kind"].as_str().unwrap_or(""),
            sides.join(" | ")
        ));
    }
    expect_test::expect![[r#"
        conflicting_values: 3% [Brightwater Times, Harbour Courier, The Northern Ledger, Valmora Daily - Port & City] | 4.5% [Coastal Wire, NewsDigest Hub]
        conflicting_values: 31 ship [Brightwater Times] | More than 40 vessel [Valmora Daily - Port & City] | dozens ship (vague) [Coastal Wire, NewsDigest Hub]
        opposite_stances: accepts [Brightwater Times] | rejects [Coastal Wire, NewsDigest Hub]
        same_words_different_speakers: Dario Kesselmann [Brightwater Times] | Sabina Rell [Harbour Courier]
        conflicting_dates: 2026-03-03 [Coastal Wire, NewsDigest Hub, The Northern Ledger] | 2026-03-02 [Harbour Courier, Valmora Daily - Port & City]
        disputed_fact: asserted by Valmora Dockworkers' Union [Coastal Wire, NewsDigest Hub] | denied by Ministry of Labour [Coastal Wire, NewsDigest Hub]"#]]
    .assert_eq(&lines.join("\n"));
    let _ = std::fs::remove_dir_all(&dir);
}
