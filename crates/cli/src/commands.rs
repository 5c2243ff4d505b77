//! The subcommands other than `eval`: flag structs and their glue.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use engine::{Engine, IngestOptions, ItemStatus, Progress};
use extract::input::{parse_datetime, split_input, ItemMeta};
use model::{Document, DocumentAnalysis, PublishedTime, Span, TimeProvenance};
use serde_json::{json, Value};
use sources::{FetchPolicy, Fetcher, LoadedInput};
use store::SqliteStore;

use crate::exit;

#[derive(clap::Args, Debug, Clone)]
pub struct StoreArgs {
    /// The store file (default: $PARALLAX_STORE, else .parallax/store.sqlite).
    #[arg(long, value_name = "PATH")]
    pub store: Option<PathBuf>,
}

impl StoreArgs {
    fn path(&self) -> PathBuf {
        self.store
            .clone()
            .or_else(|| std::env::var_os("PARALLAX_STORE").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from(".parallax/store.sqlite"))
    }
    fn open(&self) -> anyhow::Result<Engine> {
        let path = self.path();
        let store = SqliteStore::open(&path)
            .with_context(|| format!("opening the store {}", path.display()))?;
        Ok(Engine::new(store))
    }
}

#[derive(clap::Args, Debug, Clone, Default)]
pub struct MetaArgs {
    /// Outlet name for every input (wins over what the page says).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Canonical URL (only sensible with one input).
    #[arg(long)]
    pub url: Option<String>,
    /// Title for every input.
    #[arg(long)]
    pub title: Option<String>,
    /// Publication time, RFC 3339 or YYYY-MM-DD (the anchor for relative dates).
    #[arg(long, value_name = "TIME")]
    pub published: Option<String>,
}

impl MetaArgs {
    fn to_meta(&self) -> anyhow::Result<ItemMeta> {
        let published = match &self.published {
            Some(p) => Some(PublishedTime {
                at: parse_datetime(p).with_context(|| {
                    format!("--published `{p}` is not a date (use RFC 3339 or YYYY-MM-DD)")
                })?,
                provenance: TimeProvenance::User,
                confidence: 1.0,
            }),
            None => None,
        };
        Ok(ItemMeta {
            url: self.url.clone(),
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            published,
            ..ItemMeta::default()
        })
    }
}

#[derive(clap::Args, Debug, Clone)]
pub struct FetchArgs {
    /// Allow fetching from loopback and private addresses.
    #[arg(long)]
    pub allow_private: bool,
    /// Ignore robots.txt (only for sites you are permitted to crawl).
    #[arg(long)]
    pub ignore_robots: bool,
    /// Give up on a URL after this many seconds.
    #[arg(long, default_value_t = 20)]
    pub timeout_secs: u64,
    /// Refuse responses larger than this.
    #[arg(long, default_value_t = 20 * 1024 * 1024)]
    pub max_bytes: u64,
}

impl FetchArgs {
    fn policy(&self) -> FetchPolicy {
        FetchPolicy {
            timeout_secs: self.timeout_secs,
            max_bytes: self.max_bytes,
            allow_private: self.allow_private,
            respect_robots: !self.ignore_robots,
            ..FetchPolicy::default()
        }
    }
}

// ---------------------------------------------------------------------------
// ingest
// ---------------------------------------------------------------------------

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// Files, folders or URLs.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub meta: MetaArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Print the per-item report as JSON.
    #[arg(long)]
    pub json: bool,
}

fn run_ingest(
    engine: &mut Engine,
    inputs: &[String],
    meta: &MetaArgs,
    fetch: &FetchArgs,
    quiet: bool,
) -> anyhow::Result<engine::IngestReport> {
    let opts = IngestOptions {
        meta: meta.to_meta()?,
        fetch: fetch.policy(),
    };
    let bar = if quiet || !std::io::stderr().is_terminal() {
        indicatif::ProgressBar::hidden()
    } else {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    };
    let report = engine.ingest(inputs, &opts, &mut |p| match p {
        Progress::Inputs(n) => bar.set_length(n as u64),
        Progress::InputDone(name) => {
            bar.set_message(name);
            bar.inc(1);
        }
    })?;
    bar.finish_and_clear();
    Ok(report)
}

fn print_failures(report: &engine::IngestReport) {
    for item in &report.items {
        if let ItemStatus::Failed { reason } = &item.status {
            if reason.starts_with(&item.input) || item.input.is_empty() {
                eprintln!("failed: {reason}");
            } else {
                eprintln!("failed: {}: {reason}", item.input);
            }
        }
    }
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<u8> {
    let mut engine = args.store.open()?;
    let report = run_ingest(
        &mut engine,
        &args.inputs,
        &args.meta,
        &args.fetch,
        args.json,
    )?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for item in &report.items {
            match &item.status {
                ItemStatus::Added { id } => println!("added      {}  {}", &id[..12], item.input),
                ItemStatus::Unchanged { id } => {
                    println!("unchanged  {}  {}", &id[..12], item.input)
                }
                ItemStatus::Reextracted { id } => {
                    println!(
                        "updated    {}  {}  (extracted again by a newer extractor)",
                        &id[..12],
                        item.input
                    )
                }
                ItemStatus::NearDuplicate { id, of, similarity } => println!(
                    "added      {}  {}  (near-duplicate of {}, similarity {:.2})",
                    &id[..12],
                    item.input,
                    &of[..12.min(of.len())],
                    similarity
                ),
                ItemStatus::Failed { .. } => {}
            }
        }
        print_failures(&report);
        println!("{} ok, {} failed", report.succeeded(), report.failed());
    }
    Ok(if report.failed() > 0 {
        if report.succeeded() > 0 {
            exit::PARTIAL
        } else {
            exit::FAILURE
        }
    } else {
        exit::OK
    })
}

// ---------------------------------------------------------------------------
// docs, show
// ---------------------------------------------------------------------------

#[derive(clap::Args, Debug)]
pub struct DocsArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn docs(args: DocsArgs) -> anyhow::Result<u8> {
    let engine = args.store.open()?;
    let list = engine.store.list()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(exit::OK);
    }
    if list.is_empty() {
        println!("The store is empty. Add documents with: parallax ingest <files|folders|URLs>");
        return Ok(exit::OK);
    }
    println!(
        "{:>3}  {:<12}  {:<20}  {:<17}  {:>5}  title",
        "#", "id", "outlet", "published", "posts"
    );
    for d in list {
        let mut title = d.title.clone().unwrap_or_else(|| d.origin.clone());
        if title.chars().count() > 60 {
            title = title.chars().take(59).collect::<String>() + "…";
        }
        let dup = d
            .duplicate_of
            .as_ref()
            .map(|o| format!("  [repost of {}]", &o[..12.min(o.len())]))
            .unwrap_or_default();
        println!(
            "{:>3}  {:<12}  {:<20}  {:<17}  {:>5}  {title}{dup}",
            d.seq,
            &d.id[..12],
            truncate(d.outlet.as_deref().unwrap_or("?"), 20),
            d.published.as_deref().unwrap_or("-"),
            if d.is_live_blog {
                format!("{}L", d.posts)
            } else {
                d.posts.to_string()
            },
        );
    }
    Ok(exit::OK)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// A document: id or id prefix, its number in `parallax docs`, or its path/URL.
    pub doc: String,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Mark time expressions in the text as [[text|VALUE]].
    #[arg(long)]
    pub timex: bool,
    /// Print the document and its analysis as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn show(args: ShowArgs) -> anyhow::Result<u8> {
    let mut engine = args.store.open()?;
    let id = engine.store.resolve(&args.doc)?;
    let (doc, analysis) = engine.document_with_analysis(&id)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&analysis_json(&doc, &analysis, &doc.origin))?
        );
        return Ok(exit::OK);
    }
    print_header(&doc);
    let marks: Vec<(Span, String)> = if args.timex {
        analysis
            .timexes
            .iter()
            .map(|t| (t.span, t.value.clone()))
            .collect()
    } else {
        Vec::new()
    };
    for (i, post) in doc.posts.iter().enumerate() {
        if doc.is_live_blog {
            println!(
                "\n── post {} · {} · {}{}",
                i + 1,
                post.time
                    .map(|t| t.to_iso())
                    .unwrap_or_else(|| "no time".into()),
                post.title.as_deref().unwrap_or("(untitled)"),
                post.author
                    .as_ref()
                    .map(|a| format!(" · {a}"))
                    .unwrap_or_default()
            );
        } else {
            println!();
        }
        println!("{}", marked(&doc.text, post.body, &marks));
    }
    Ok(exit::OK)
}

fn print_header(doc: &Document) {
    println!("id:        {}", doc.id);
    println!("origin:    {}", doc.origin);
    if let Some(u) = &doc.url {
        println!("url:       {u}");
    }
    println!(
        "outlet:    {}",
        doc.outlet.as_ref().map(|o| o.name.as_str()).unwrap_or("?")
    );
    println!("title:     {}", doc.title.as_deref().unwrap_or("-"));
    if !doc.authors.is_empty() {
        println!("authors:   {}", doc.authors.join(", "));
    }
    match &doc.published {
        Some(p) => println!(
            "published: {} ({:?}, confidence {:.2})",
            p.at.to_iso(),
            p.provenance,
            p.confidence
        ),
        None => println!("published: unknown"),
    }
    if let Some(c) = &doc.credited_source {
        println!("credits:   {c}");
    }
    println!(
        "kind:      {}{}",
        if doc.is_live_blog {
            "live blog, posts: "
        } else {
            "article, posts: "
        },
        doc.posts.len()
    );
    for d in &doc.diagnostics {
        println!("note:      [{:?}] {}: {}", d.severity, d.code, d.message);
    }
}

/// The text of `span` with `marks` inserted as [[text|label]].
fn marked(text: &str, span: Span, marks: &[(Span, String)]) -> String {
    let mut out = String::new();
    let mut pos = span.start;
    let mut sorted: Vec<&(Span, String)> =
        marks.iter().filter(|(s, _)| span.contains(*s)).collect();
    sorted.sort_by_key(|(s, _)| s.start);
    for (s, label) in sorted {
        if s.start < pos {
            continue;
        }
        out.push_str(text.get(pos..s.start).unwrap_or(""));
        out.push_str(&format!("[[{}|{label}]]", s.slice(text)));
        pos = s.end;
    }
    out.push_str(text.get(pos..span.end).unwrap_or(""));
    out
}

// ---------------------------------------------------------------------------
// extract, analyze (no store)
// ---------------------------------------------------------------------------

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// A file or URL.
    pub input: String,
    #[command(flatten)]
    pub meta: MetaArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Print metadata, posts (with times) and the clean→input offset map as JSON.
    #[arg(long)]
    pub json: bool,
}

fn load_one(input: &str, fetch: &FetchArgs) -> anyhow::Result<LoadedInput> {
    if input.starts_with("http://") || input.starts_with("https://") {
        Ok(Fetcher::new(fetch.policy()).fetch(input)?)
    } else {
        Ok(sources::files::load_file(Path::new(input))?)
    }
}

/// Loads and extracts every document of one input (a feed or WARC gives several).
fn documents_of(
    input: &str,
    meta: &MetaArgs,
    fetch: &FetchArgs,
) -> anyhow::Result<(Vec<Document>, usize)> {
    let loaded = load_one(input, fetch)?;
    let mut overrides = meta.to_meta()?;
    overrides.fill_from(&loaded.meta);
    let items = split_input(&loaded.name, &loaded.bytes)?;
    let mut docs = Vec::new();
    let mut failed = 0;
    for item in items {
        match item {
            Ok(item) => {
                docs.push(extract::document::build_document(&item, &overrides));
            }
            Err(e) => {
                eprintln!("failed: {e}");
                failed += 1;
            }
        }
    }
    Ok((docs, failed))
}

fn span_json(doc: &Document, span: Span) -> Value {
    let raw = doc.offsets.span_to_raw(span);
    json!({ "clean": [span.start, span.end], "input": [raw.start, raw.end] })
}

fn document_json(doc: &Document) -> Value {
    json!({
        "id": doc.id,
        "origin": doc.origin,
        "url": doc.url,
        "format": doc.format,
        "outlet": doc.outlet,
        "title": doc.title,
        "authors": doc.authors,
        "published": doc.published,
        "language": doc.language,
        "credited_source": doc.credited_source,
        "is_live_blog": doc.is_live_blog,
        "diagnostics": doc.diagnostics,
    })
}

fn posts_json(doc: &Document) -> Value {
    Value::Array(
        doc.posts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                json!({
                    "index": i,
                    "time": p.time.map(|t| t.to_iso()),
                    "title": p.title,
                    "author": p.author,
                    "author_role": p.author_role,
                    "span": span_json(doc, p.span),
                    "body": span_json(doc, p.body),
                })
            })
            .collect(),
    )
}

pub fn extract(args: ExtractArgs) -> anyhow::Result<u8> {
    let (docs, failed) = documents_of(&args.input, &args.meta, &args.fetch)?;
    if args.json {
        let out: Vec<Value> = docs
            .iter()
            .map(|d| {
                let mut v = document_json(d);
                v["text"] = json!(d.text);
                v["posts"] = posts_json(d);
                v["offsets"] = json!({
                    "note": "segments [clean_start, clean_len, input_start, input_len]; equal lengths map byte for byte, otherwise the clean piece replaces the input range",
                    "segments": d.offsets.segments.iter().map(|s| [s.clean, s.clean_len, s.raw, s.raw_len]).collect::<Vec<_>>(),
                });
                v
            })
            .collect();
        let out = if out.len() == 1 {
            out.into_iter().next().unwrap_or(Value::Null)
        } else {
            Value::Array(out)
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        let mut stdout = std::io::stdout().lock();
        for (i, d) in docs.iter().enumerate() {
            if docs.len() > 1 {
                writeln!(
                    stdout,
                    "{}== {} ==",
                    if i > 0 { "\n" } else { "" },
                    d.origin
                )?;
            }
            if let Some(t) = &d.title {
                writeln!(stdout, "{t}\n")?;
            }
            writeln!(stdout, "{}", d.text)?;
        }
    }
    Ok(if failed > 0 {
        exit::PARTIAL
    } else if docs.is_empty() {
        exit::FAILURE
    } else {
        exit::OK
    })
}

#[derive(clap::Args, Debug)]
pub struct AnalyzeArgs {
    /// A file or URL.
    pub input: String,
    #[command(flatten)]
    pub meta: MetaArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
    /// Print JSON (the default output is a readable summary).
    #[arg(long)]
    pub json: bool,
}

/// The per-document analysis as JSON, every span given in clean-text and input offsets.
pub fn analysis_json(doc: &Document, a: &DocumentAnalysis, input: &str) -> Value {
    let text = &doc.text;
    json!({
        "schema": "parallax.analysis/1",
        "input": input,
        "offsets_note": "span.clean = byte range in the clean text; span.input = byte range in the input item (the file, or the feed item / JSON line / WARC record body named by `origin`)",
        "document": document_json(doc),
        "text": text,
        "posts": posts_json(doc),
        "sentences": a.sentences.len(),
        "timexes": a.timexes.iter().map(|t| json!({
            "text": t.text, "type": t.kind, "value": t.value, "end_value": t.end_value,
            "anchor": t.anchor, "span": span_json(doc, t.span),
        })).collect::<Vec<_>>(),
        "entities": a.entities.iter().enumerate().map(|(i, e)| json!({
            "index": i, "name": e.name, "kind": e.kind, "roles": e.roles, "aliases": e.aliases, "key": e.key,
            "mentions": a.mentions.iter().filter(|m| m.entity == i).map(|m| json!({
                "text": m.text, "pronoun": m.is_pronoun, "span": span_json(doc, m.span)
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "attributions": a.attributions.iter().map(|at| json!({
            "kind": at.kind,
            "stance": at.stance,
            "source": at.source.as_ref().map(|s| json!({
                "text": s.text, "entity": s.entity, "descriptor": s.is_descriptor,
                "span": s.span.map(|sp| span_json(doc, sp)),
            })),
            "via": at.via.as_ref().map(|s| json!({"text": s.text, "span": s.span.map(|sp| span_json(doc, sp))})),
            "cue": at.cue.map(|c| json!({"text": c.slice(text), "span": span_json(doc, c)})),
            "content": {"text": at.content_text, "spans": at.content.iter().map(|c| span_json(doc, *c)).collect::<Vec<_>>()},
        })).collect::<Vec<_>>(),
        "quantities": a.quantities.iter().map(|q| json!({
            "text": q.text, "value": q.value, "upper": q.upper, "qualifier": q.qualifier,
            "unit": q.unit, "ratio": q.is_ratio, "span": span_json(doc, q.span),
        })).collect::<Vec<_>>(),
    })
}

pub fn analyze(args: AnalyzeArgs) -> anyhow::Result<u8> {
    let (docs, failed) = documents_of(&args.input, &args.meta, &args.fetch)?;
    let mut out = Vec::new();
    for doc in &docs {
        let a = engine::analyze(doc);
        if args.json {
            out.push(analysis_json(doc, &a, &args.input));
        } else {
            print_header(doc);
            println!(
                "found:     {} timexes, {} entities, {} attributions, {} quantities",
                a.timexes.len(),
                a.entities.len(),
                a.attributions.len(),
                a.quantities.len()
            );
            for t in &a.timexes {
                println!(
                    "  time   {:<28} {:<10} {}",
                    truncate(&t.text, 28),
                    format!("{:?}", t.kind),
                    t.value
                );
            }
            for at in &a.attributions {
                print_attribution(doc, at);
            }
        }
    }
    if args.json {
        let v = if out.len() == 1 {
            out.into_iter().next().unwrap_or(Value::Null)
        } else {
            Value::Array(out)
        };
        println!("{}", serde_json::to_string_pretty(&v)?);
    }
    Ok(if failed > 0 {
        exit::PARTIAL
    } else if docs.is_empty() {
        exit::FAILURE
    } else {
        exit::OK
    })
}

fn print_attribution(doc: &Document, at: &model::Attribution) {
    let source = at
        .source
        .as_ref()
        .map(|s| s.text.as_str())
        .unwrap_or("(unattributed)");
    let via = at
        .via
        .as_ref()
        .map(|v| format!(" via {}", v.text))
        .unwrap_or_default();
    let cue = at
        .cue
        .map(|c| c.slice(&doc.text).to_string())
        .unwrap_or_default();
    let stance = at.stance.map(|s| format!(" [{s:?}]")).unwrap_or_default();
    println!("  {:?}{stance} · {source}{via} · {cue}", at.kind);
    println!("      {}", truncate(&at.content_text, 200));
}

// ---------------------------------------------------------------------------
// quotes
// ---------------------------------------------------------------------------

#[derive(clap::Args, Debug)]
pub struct QuotesArgs {
    /// Documents (id, prefix, number or path); all stored documents when omitted.
    pub docs: Vec<String>,
    /// Only the documents of this story (the number `parallax brief` shows for it
    /// when briefing every stored document).
    #[arg(long)]
    pub story: Option<usize>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn quotes(args: QuotesArgs) -> anyhow::Result<u8> {
    let mut engine = args.store.open()?;
    let mut ids: Vec<String> = if args.docs.is_empty() {
        engine.store.list()?.into_iter().map(|d| d.id).collect()
    } else {
        args.docs
            .iter()
            .map(|d| engine.store.resolve(d))
            .collect::<Result<_, _>>()?
    };
    if let Some(n) = args.story {
        let brief = engine.brief(&[])?;
        let Some(story) = brief.stories.iter().find(|s| s.id == n) else {
            anyhow::bail!(
                "no story {n}: the stored documents form stories 0 to {}",
                brief.stories.len().saturating_sub(1)
            );
        };
        ids.retain(|id| story.documents.contains(id));
    }
    let mut all = Vec::new();
    for id in ids {
        let (doc, a) = engine.document_with_analysis(&id)?;
        if args.json {
            let v = analysis_json(&doc, &a, &doc.origin);
            all.push(json!({"document": v["document"], "attributions": v["attributions"]}));
        } else {
            // The outlet and heading as the brief names them.
            let heading = doc
                .title
                .clone()
                .or_else(|| fusion::brief::first_sentence(&doc.text))
                .unwrap_or_else(|| doc.origin.clone());
            println!(
                "\n{} — {} ({} attributions)",
                fusion::brief::outlet_name(&doc),
                heading,
                a.attributions.len()
            );
            for at in &a.attributions {
                print_attribution(&doc, at);
            }
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&all)?);
    }
    Ok(exit::OK)
}

// ---------------------------------------------------------------------------
// brief
// ---------------------------------------------------------------------------

#[derive(clap::Args, Debug)]
pub struct BriefArgs {
    /// Files, folders or URLs to ingest and brief; when none are given, every stored document.
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = render::Format::Text)]
    pub format: render::Format,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub meta: MetaArgs,
    #[command(flatten)]
    pub fetch: FetchArgs,
}

pub fn brief(args: BriefArgs) -> anyhow::Result<u8> {
    let mut engine = args.store.open()?;
    let mut code = exit::OK;
    let ids = if args.inputs.is_empty() {
        Vec::new()
    } else {
        let report = run_ingest(&mut engine, &args.inputs, &args.meta, &args.fetch, false)?;
        print_failures(&report);
        if report.failed() > 0 {
            code = exit::PARTIAL;
        }
        let ids = report.ids();
        if ids.is_empty() {
            bail!("none of the inputs gave a document");
        }
        ids
    };
    let brief = engine.brief(&ids)?;
    let text = render::render(&brief, args.format);
    match &args.out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(code)
}
