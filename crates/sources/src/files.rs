//! Local inputs: files, folders walked recursively in a stable order, and sidecar
//! metadata files (`article.html.meta.json` beside `article.html`).

use std::path::{Path, PathBuf};

use extract::input::{parse_datetime, ItemMeta};
use model::{PublishedTime, TimeProvenance};
use serde::Deserialize;

use crate::{LoadedInput, SourceError};

/// An input named on the command line, after folders were expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputRef {
    File(PathBuf),
    Url(String),
}

impl InputRef {
    pub fn name(&self) -> String {
        match self {
            InputRef::File(p) => p.display().to_string(),
            InputRef::Url(u) => u.clone(),
        }
    }
}

/// File names that are never inputs when a folder is walked (sidecars, notes,
/// hidden files, databases such as our own store, images and other binaries).
/// A file named explicitly is always tried.
fn is_input_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    const NOT_ARTICLES: &[&str] = &[
        "sqlite", "sqlite3", "db", "wal", "shm", "journal", "jpg", "jpeg", "png", "gif", "webp",
        "svg", "ico", "pdf", "zip", "mp3", "mp4", "woff", "woff2", "ttf", "exe", "so", "rlib",
    ];
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let ext = ext.rsplit('-').next().unwrap_or(&ext).to_string(); // store.sqlite-wal
    !(name.starts_with('.')
        || NOT_ARTICLES.contains(&ext.as_str())
        || name.ends_with(".meta.json")
        || name.eq_ignore_ascii_case("README.md")
        || name.eq_ignore_ascii_case("LICENSE")
        || name.eq_ignore_ascii_case("ground-truth.json"))
}

/// Expands folders (recursively, sorted by path) and keeps URLs as they are.
/// A path that cannot be read becomes an error item; the rest still expand.
pub fn expand_inputs(inputs: &[String]) -> Vec<Result<InputRef, SourceError>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.starts_with("http://") || input.starts_with("https://") {
            out.push(Ok(InputRef::Url(input.clone())));
            continue;
        }
        let path = PathBuf::from(input);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, &mut out),
            Ok(_) => out.push(Ok(InputRef::File(path))),
            Err(source) => out.push(Err(SourceError::Io {
                path: input.clone(),
                source,
            })),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<InputRef, SourceError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            out.push(Err(SourceError::Io {
                path: dir.display().to_string(),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            if !p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
            {
                walk(&p, out);
            }
        } else if is_input_file(&p) {
            out.push(Ok(InputRef::File(p)));
        }
    }
}

/// Reads a local file with its sidecar metadata, if any.
pub fn load_file(path: &Path) -> Result<LoadedInput, SourceError> {
    let bytes = std::fs::read(path).map_err(|source| SourceError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let meta = read_sidecar(path)?.unwrap_or_default();
    Ok(LoadedInput {
        name: path.display().to_string(),
        bytes,
        meta,
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sidecar {
    url: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    language: Option<String>,
}

/// Reads `<file>.meta.json` if it exists: `{"url", "title", "outlet", "published", "authors", "language"}`.
pub fn read_sidecar(path: &Path) -> Result<Option<ItemMeta>, SourceError> {
    let mut name = path.as_os_str().to_os_string();
    name.push(".meta.json");
    let side = PathBuf::from(name);
    if !side.exists() {
        return Ok(None);
    }
    let shown = side.display().to_string();
    let text = std::fs::read_to_string(&side).map_err(|source| SourceError::Io {
        path: shown.clone(),
        source,
    })?;
    let s: Sidecar = serde_json::from_str(&text).map_err(|e| SourceError::BadSidecar {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    let published = match s.published {
        Some(p) => Some(PublishedTime {
            at: parse_datetime(&p).ok_or_else(|| SourceError::BadSidecar {
                path: shown.clone(),
                reason: format!("`published` is not a date: {p:?}"),
            })?,
            provenance: TimeProvenance::User,
            confidence: 1.0,
        }),
        None => None,
    };
    Ok(Some(ItemMeta {
        url: s.url,
        title: s.title,
        outlet: s.outlet,
        published,
        authors: s.authors,
        language: s.language,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_folders_in_order_and_reads_sidecars() {
        let dir = std::env::temp_dir().join(format!("parallax-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
        std::fs::write(dir.join("b.txt"), "B").expect("write");
        std::fs::write(dir.join("sub/a.html"), "<p>A</p>").expect("write");
        std::fs::write(
            dir.join("b.txt.meta.json"),
            r#"{"outlet":"Bee News","published":"2026-03-04"}"#,
        )
        .expect("write");
        std::fs::write(dir.join(".hidden"), "x").expect("write");
        let got: Vec<String> = expand_inputs(&[
            dir.display().to_string(),
            "https://x.example/a".into(),
            "/no/such".into(),
        ])
        .into_iter()
        .map(|r| match r {
            Ok(i) => i.name().replace(&dir.display().to_string(), "D"),
            Err(e) => format!("err {}", e.to_string().split(':').next().unwrap_or("")),
        })
        .collect();
        assert_eq!(
            got,
            vec![
                "D/b.txt",
                "D/sub/a.html",
                "https://x.example/a",
                "err /no/such"
            ]
        );
        let loaded = load_file(&dir.join("b.txt")).expect("load");
        assert_eq!(loaded.meta.outlet.as_deref(), Some("Bee News"));
        assert_eq!(
            loaded.meta.published.map(|p| p.at.to_iso()).as_deref(),
            Some("2026-03-04")
        );
        std::fs::write(dir.join("b.txt.meta.json"), r#"{"outlet":1}"#).expect("write");
        let err = load_file(&dir.join("b.txt")).expect_err("bad sidecar");
        assert!(
            err.to_string().contains("sidecar metadata is invalid"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
