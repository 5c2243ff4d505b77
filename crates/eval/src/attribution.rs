//! Scorer for the `attribution` benchmark: PolNeAR (see ../shared/eval/README.md §3).
//!
//! For every article in `<path>/text/*.txt` we run
//! [`analysis::attribution::find_attributions`] once and compare its output with
//! every annotation file `<path>/attributions/<article>_<annotator>.ann` of that
//! article, pooling the counts (the corpus convention for multi-annotator articles).
//!
//! * Per role (Source, Cue, Content): spans are sets of **character** ranges (brat
//!   offsets count Unicode scalar values; our spans are byte offsets and are
//!   converted). Identical span sets of one role are counted once on each side.
//!   *Exact* = identical set of ranges; *overlap* = at least one shared
//!   non-whitespace character. Matching is one-to-one (maximum bipartite matching).
//!   `P = matched / #system`, `R = matched / #gold`, pooled over all files.
//! * Relations: a system relation matches a gold relation when its Cue, Source and
//!   Content each match by overlap (an absent role matches only an absent role),
//!   again one-to-one. Gold relations are the `E` lines; roles are read from the
//!   `T` lines they reference (`Content2` counts as more Content ranges).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use model::{Attribution, Post, Span};

use crate::{read_to_string, EvalError, EvalOptions, Report};

/// A role span: sorted, non-empty character ranges `[start, end)`.
type Ranges = Vec<(usize, usize)>;

/// One relation with its three roles (each may be absent).
#[derive(Debug, Clone, Default, PartialEq)]
struct Relation {
    source: Option<Ranges>,
    cue: Option<Ranges>,
    content: Option<Ranges>,
}

/// Matched / system / gold counts of one metric.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    matched_sys: usize,
    matched_gold: usize,
    system: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, matched: usize, system: usize, gold: usize) {
        self.matched_sys += matched;
        self.matched_gold += matched;
        self.system += system;
        self.gold += gold;
    }
    fn precision(&self) -> f64 {
        ratio(self.matched_sys, self.system)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched_gold, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Parses a brat standoff file into relations. Only `T` lines of the roles and
/// `E` lines matter; text fields running over several lines are tolerated.
fn parse_ann(content: &str, path: &Path) -> Result<Vec<Relation>, EvalError> {
    let mut spans: BTreeMap<&str, (&str, Ranges)> = BTreeMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in content.lines() {
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or("");
        let Some(body) = fields.next() else { continue };
        let is_id = |prefix: char| {
            id.starts_with(prefix) && id.len() > 1 && id[1..].chars().all(|c| c.is_ascii_digit())
        };
        if is_id('T') {
            let Some((kind, ranges)) = body.split_once(' ') else {
                return Err(EvalError::format(path, format!("bad T line `{line}`")));
            };
            let mut parsed = Vec::new();
            for r in ranges.split(';') {
                let mut it = r.split_whitespace().map(str::parse::<usize>);
                match (it.next(), it.next()) {
                    (Some(Ok(a)), Some(Ok(b))) if a <= b => parsed.push((a, b)),
                    _ => {
                        return Err(EvalError::format(
                            path,
                            format!("bad range `{r}` in `{line}`"),
                        ))
                    }
                }
            }
            parsed.sort_unstable();
            spans.insert(id, (kind, parsed));
        } else if is_id('E') {
            let roles = body
                .split_whitespace()
                .filter_map(|arg| arg.split_once(':'))
                .collect();
            events.push(roles);
        }
    }
    let mut out = Vec::new();
    for roles in events {
        let mut rel = Relation::default();
        for (role, tid) in roles {
            let Some((_, ranges)) = spans.get(tid) else {
                continue;
            };
            let slot = match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Source" => &mut rel.source,
                "Cue" => &mut rel.cue,
                "Content" => &mut rel.content,
                _ => continue,
            };
            let merged = slot.get_or_insert_with(Vec::new);
            merged.extend(ranges.iter().copied());
            merged.sort_unstable();
            merged.dedup();
        }
        out.push(rel);
    }
    Ok(out)
}

/// Byte offset -> character offset for every char boundary of `text`.
struct CharIndex {
    byte_to_char: Vec<usize>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut byte_to_char = vec![0; text.len() + 1];
        let mut n = 0;
        for (i, c) in text.char_indices() {
            for slot in &mut byte_to_char[i..i + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        byte_to_char[text.len()] = n;
        CharIndex { byte_to_char }
    }
    fn span(&self, s: Span) -> Option<(usize, usize)> {
        let a = *self.byte_to_char.get(s.start)?;
        let b = *self.byte_to_char.get(s.end)?;
        (a < b).then_some((a, b))
    }
    fn spans(&self, spans: &[Span]) -> Option<Ranges> {
        let mut out: Ranges = spans.iter().filter_map(|s| self.span(*s)).collect();
        out.sort_unstable();
        (!out.is_empty()).then_some(out)
    }
}

/// The system's relations in character ranges.
fn system_relations(attrs: &[Attribution], index: &CharIndex) -> Vec<Relation> {
    attrs
        .iter()
        .map(|a| Relation {
            source: a
                .source
                .as_ref()
                .and_then(|s| s.span)
                .and_then(|s| index.spans(&[s])),
            cue: a.cue.and_then(|c| index.spans(&[c])),
            content: index.spans(&a.content),
        })
        .collect()
}

/// True when the two range sets share a non-whitespace character.
fn overlaps(a: &Ranges, b: &Ranges, is_space: &[bool]) -> bool {
    a.iter().any(|&(s1, e1)| {
        b.iter().any(|&(s2, e2)| {
            let (s, e) = (s1.max(s2), e1.min(e2));
            s < e && (s..e).any(|i| !is_space.get(i).copied().unwrap_or(true))
        })
    })
}

/// Size of a maximum one-to-one matching between `n_left` and `n_right` items
/// (Kuhn's augmenting paths).
fn max_matching(n_left: usize, n_right: usize, edge: impl Fn(usize, usize) -> bool) -> usize {
    let adj: Vec<Vec<usize>> = (0..n_left)
        .map(|i| (0..n_right).filter(|&j| edge(i, j)).collect())
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; n_right];
    fn augment(
        i: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &j in &adj[i] {
            if seen[j] {
                continue;
            }
            seen[j] = true;
            let free = match owner[j] {
                None => true,
                Some(k) => augment(k, adj, seen, owner),
            };
            if free {
                owner[j] = Some(i);
                return true;
            }
        }
        false
    }
    let mut matched = 0;
    for i in 0..n_left {
        let mut seen = vec![false; n_right];
        if augment(i, &adj, &mut seen, &mut owner) {
            matched += 1;
        }
    }
    matched
}

/// Distinct span sets of one role.
fn role_spans(rels: &[Relation], pick: fn(&Relation) -> &Option<Ranges>) -> Vec<Ranges> {
    let set: BTreeSet<Ranges> = rels.iter().filter_map(|r| pick(r).clone()).collect();
    set.into_iter().collect()
}

fn role_matches(opt_a: &Option<Ranges>, opt_b: &Option<Ranges>, is_space: &[bool]) -> bool {
    match (opt_a, opt_b) {
        (None, None) => true,
        (Some(a), Some(b)) => overlaps(a, b, is_space),
        _ => false,
    }
}

type RolePick = fn(&Relation) -> &Option<Ranges>;

const ROLES: [(&str, RolePick); 3] = [
    ("source", |r| &r.source),
    ("cue", |r| &r.cue),
    ("content", |r| &r.content),
];

/// The article's single post: the first line is the headline, the rest the body.
pub fn article_post(text: &str) -> Post {
    let title_end = text.find('\n').unwrap_or(text.len());
    let body_start = text[title_end..]
        .find(|c: char| !c.is_whitespace())
        .map_or(text.len(), |i| title_end + i);
    Post {
        span: Span::new(0, text.len()),
        body: Span::new(body_start, text.len()),
        time: None,
        time_span: None,
        title: Some(text[..title_end].to_string()),
        title_span: Some(Span::new(0, title_end)),
        author: None,
        author_role: None,
    }
}

fn show(text_chars: &[char], r: &Ranges) -> String {
    r.iter()
        .map(|&(a, b)| {
            text_chars
                .get(a..b.min(text_chars.len()))
                .map(|s| s.iter().collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" … ")
        .replace('\n', "¶")
}

/// Scores PolNeAR-style data at `path` (a folder with `text/` and `attributions/`).
pub fn run(path: &Path, opts: &EvalOptions) -> Result<Report, EvalError> {
    let text_dir = path.join("text");
    let ann_dir = path.join("attributions");
    let mut articles: Vec<PathBuf> = list_dir(&text_dir)?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    if let Some(limit) = opts.limit {
        articles.truncate(limit);
    }
    let mut anns: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for p in list_dir(&ann_dir)? {
        let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if p.extension().and_then(|e| e.to_str()) != Some("ann") {
            continue;
        }
        if let Some((article, _annotator)) = stem.rsplit_once('_') {
            anns.entry(article.to_string()).or_default().push(p.clone());
        }
    }
    if let Some(dir) = &opts.details_dir {
        std::fs::create_dir_all(dir).map_err(|e| EvalError::io(dir, e))?;
    }

    let mut exact: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut overlap: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut relations = Counts::default();
    let mut relations_cue_exact = Counts::default();
    let mut ann_files = 0usize;
    let mut analysis_secs = 0.0f64;
    let mut total_bytes = 0usize;
    for article_path in &articles {
        let Some(name) = article_path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Some(files) = anns.get(name) else {
            continue;
        };
        let text = read_to_string(article_path)?;
        total_bytes += text.len();
        let started = Instant::now();
        let sentences = text::split_sentences(&text);
        let posts = [article_post(&text)];
        let attrs = analysis::attribution::find_attributions(&text, &sentences, &posts, &[], &[]);
        analysis_secs += started.elapsed().as_secs_f64();

        let index = CharIndex::new(&text);
        let chars: Vec<char> = text.chars().collect();
        let is_space: Vec<bool> = chars.iter().map(|c| c.is_whitespace()).collect();
        let sys = system_relations(&attrs, &index);
        let mut details = String::new();
        for file in files {
            ann_files += 1;
            let gold = parse_ann(&read_to_string(file)?, file)?;
            let _ = writeln!(details, "=== {}", file.display());
            for (role, pick) in ROLES {
                let s = role_spans(&sys, pick);
                let g = role_spans(&gold, pick);
                let n_exact = s.iter().filter(|x| g.binary_search(x).is_ok()).count();
                exact
                    .entry(role)
                    .or_default()
                    .add(n_exact, s.len(), g.len());
                let n_over =
                    max_matching(s.len(), g.len(), |i, j| overlaps(&s[i], &g[j], &is_space));
                overlap
                    .entry(role)
                    .or_default()
                    .add(n_over, s.len(), g.len());
                if opts.details_dir.is_some() {
                    for x in &s {
                        if g.binary_search(x).is_err() {
                            let near = g.iter().find(|y| overlaps(x, y, &is_space));
                            let _ = writeln!(
                                details,
                                "{role} SYS-ONLY {:?} [{}]{}",
                                x,
                                show(&chars, x),
                                near.map(|y| format!("  ~gold [{}]", show(&chars, y)))
                                    .unwrap_or_default()
                            );
                        }
                    }
                    for y in &g {
                        if s.binary_search(y).is_err()
                            && !s.iter().any(|x| overlaps(x, y, &is_space))
                        {
                            let _ =
                                writeln!(details, "{role} MISSED {:?} [{}]", y, show(&chars, y));
                        }
                    }
                }
            }
            let n_rel = max_matching(sys.len(), gold.len(), |i, j| {
                role_matches(&sys[i].cue, &gold[j].cue, &is_space)
                    && role_matches(&sys[i].source, &gold[j].source, &is_space)
                    && role_matches(&sys[i].content, &gold[j].content, &is_space)
            });
            relations.add(n_rel, sys.len(), gold.len());
            let n_rel_exact = max_matching(sys.len(), gold.len(), |i, j| {
                sys[i].cue == gold[j].cue
                    && role_matches(&sys[i].source, &gold[j].source, &is_space)
                    && role_matches(&sys[i].content, &gold[j].content, &is_space)
            });
            relations_cue_exact.add(n_rel_exact, sys.len(), gold.len());
        }
        if let Some(dir) = &opts.details_dir {
            let _ = writeln!(details, "=== system attributions");
            for a in &attrs {
                let _ = writeln!(
                    details,
                    "{:?} src=[{}] cue=[{}] content=[{}] stance={:?} via={:?}",
                    a.kind,
                    a.source
                        .as_ref()
                        .and_then(|s| s.span)
                        .map(|s| s.slice(&text))
                        .unwrap_or(""),
                    a.cue.map(|s| s.slice(&text)).unwrap_or(""),
                    a.content_text.replace('\n', "¶"),
                    a.stance,
                    a.via.as_ref().map(|v| v.text.as_str()),
                );
            }
            let out = dir.join(format!("{name}.txt"));
            std::fs::write(&out, details).map_err(|e| EvalError::io(&out, e))?;
            // The system relations in character ranges, one JSON object a line.
            let mut jsonl = String::new();
            for r in &sys {
                let line = serde_json::json!({
                    "source": r.source, "cue": r.cue, "content": r.content,
                });
                let _ = writeln!(jsonl, "{line}");
            }
            let out = dir.join(format!("{name}.sys.jsonl"));
            std::fs::write(&out, jsonl).map_err(|e| EvalError::io(&out, e))?;
        }
    }

    let mut report = Report::new(
        "attribution",
        format!(
            "{} articles / {} annotation files",
            articles.len(),
            ann_files
        ),
    );
    const CITRON: &str = "BBC Citron, PARC 3.0 [published]";
    for (role, _) in ROLES {
        let e = exact.get(role).copied().unwrap_or_default();
        let o = overlap.get(role).copied().unwrap_or_default();
        let exact_anchor = match role {
            "source" => Some(0.820),
            "cue" => Some(0.823),
            _ => Some(0.593),
        };
        let overlap_anchor = match role {
            "source" => Some(0.853),
            "content" => Some(0.833),
            _ => None,
        };
        for (kind, c, anchor) in [("exact", e, exact_anchor), ("overlap", o, overlap_anchor)] {
            let name = format!("{role}_{kind}");
            match anchor {
                Some(v) => report.metric_with_anchor(&format!("{name}_f1"), c.f1(), CITRON, v),
                None => report.metric(&format!("{name}_f1"), c.f1()),
            };
            report.metric(&format!("{name}_p"), c.precision());
            report.metric(&format!("{name}_r"), c.recall());
        }
    }
    report.metric("relation_f1", relations.f1());
    report.metric("relation_p", relations.precision());
    report.metric("relation_r", relations.recall());
    report.metric("relation_cue_exact_f1", relations_cue_exact.f1());
    report.note(format!(
        "relations: {} gold, {} system (pooled over annotation files); relation = cue, source and content match by overlap",
        relations.gold, relations.system
    ));
    report.note(
        "spans are character ranges; identical span sets of a role count once per side; overlap = a shared non-whitespace character, one-to-one matching",
    );
    report.note(
        "PolNeAR annotates attitude and evidence cues (support, want, show, poll numbers) beyond speech verbs; PARC 3.0 anchors are orientation only",
    );
    if analysis_secs > 0.0 {
        report.note(format!(
            "analysis speed: {:.0} articles/s, {:.1} MB/s (sentence split + attribution, one core)",
            articles.len() as f64 / analysis_secs,
            total_bytes as f64 / 1e6 / analysis_secs
        ));
    }
    Ok(report)
}

fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut out = Vec::new();
    for entry in entries {
        out.push(entry.map_err(|e| EvalError::io(dir, e))?.path());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_discontinuous_spans_and_relations() {
        let ann = "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 10 20;25 30\tx\nmore text\nT4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let rels = parse_ann(ann, Path::new("x.ann")).expect("valid ann");
        assert_eq!(rels.len(), 1);
        assert_eq!(rels[0].content, Some(vec![(10, 20), (25, 30)]));
        assert_eq!(rels[0].source, Some(vec![(0, 3)]));
    }

    #[test]
    fn overlap_ignores_shared_whitespace_only() {
        let text: Vec<bool> = "ab cd".chars().map(char::is_whitespace).collect();
        assert!(!overlaps(&vec![(0, 3)], &vec![(2, 5)], &text));
        assert!(overlaps(&vec![(0, 4)], &vec![(2, 5)], &text));
    }

    #[test]
    fn matching_is_one_to_one() {
        // Two system spans both overlap the only gold span: one match.
        assert_eq!(max_matching(2, 1, |_, _| true), 1);
        assert_eq!(max_matching(2, 2, |i, j| i == 0 || j == 0), 2);
    }

    /// End to end on an invented article with one annotation file.
    #[test]
    fn scores_an_invented_article() {
        let dir = std::env::temp_dir().join(format!("parallax-attr-eval-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("text")).expect("temp dir");
        std::fs::create_dir_all(dir.join("attributions")).expect("temp dir");
        // Character offsets: “ and ” are one character each.
        let text = "Headline\n\n“We will win,” Ann Smith said.";
        std::fs::write(dir.join("text/a1.txt"), text).expect("write text");
        let chars: Vec<char> = text.chars().collect();
        let find = |needle: &str| {
            let n: Vec<char> = needle.chars().collect();
            let start = (0..chars.len())
                .find(|&i| chars[i..].starts_with(&n))
                .expect("needle is in the text");
            (start, start + n.len())
        };
        let (cs, ce) = find("“We will win,”");
        let (ss, se) = find("Ann Smith");
        let (qs, qe) = find("said");
        let ann = format!(
            "T1\tContent {cs} {ce}\t“We will win,”\nT2\tSource {ss} {se}\tAnn Smith\nT3\tCue {qs} {qe}\tsaid\nT4\tAttribution {qs} {qe}\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
        );
        std::fs::write(dir.join("attributions/a1_x1.ann"), ann).expect("write ann");
        let report = run(&dir, &EvalOptions::default()).expect("scores");
        for metric in [
            "source_exact_f1",
            "cue_exact_f1",
            "content_exact_f1",
            "relation_f1",
        ] {
            assert_eq!(
                report.get(metric),
                Some(1.0),
                "{metric}: {}",
                report.to_table()
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn byte_offsets_become_char_offsets() {
        let idx = CharIndex::new("“ab” c");
        // “ is 3 bytes: byte 3 is char 1.
        assert_eq!(idx.span(Span::new(3, 5)), Some((1, 3)));
    }
}
