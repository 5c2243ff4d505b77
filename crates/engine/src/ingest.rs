//! Ingest: inputs (paths, folders, URLs) → items → documents → store.
//!
//! Every item gets an outcome; a failure is recorded with the input's name and
//! the reason, and the batch goes on. Each document is committed in its own
//! transaction, so an interrupted run keeps what it finished and a re-run skips it.

use extract::dedup::{fingerprint, jaccard_estimate, Fingerprint, NEAR_DUPLICATE_JACCARD};
use extract::input::{split_input, ItemMeta};
use extract::EXTRACTOR_VERSION;
use model::Document;
use serde::Serialize;
use sources::{expand_inputs, FetchPolicy, Fetcher, InputRef, LoadedInput};
use store::{DuplicateLink, PutOutcome};

use crate::{analyze, Engine, EngineError, ANALYZER_VERSION};

/// How to ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Metadata applied to every input (from the command line); wins over all else.
    pub meta: ItemMeta,
    pub fetch: FetchPolicy,
}

/// What happened to one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ItemStatus {
    Added {
        id: String,
    },
    /// Stored before: nothing changed.
    Unchanged {
        id: String,
    },
    /// Stored before by an older extractor: extracted and analysed again from
    /// the same bytes.
    Reextracted {
        id: String,
    },
    /// Added, and linked as a near-duplicate of an earlier document.
    NearDuplicate {
        id: String,
        of: String,
        similarity: f64,
    },
    Failed {
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemOutcome {
    pub input: String,
    #[serde(flatten)]
    pub status: ItemStatus,
}

/// The outcome of a whole ingest.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    pub items: Vec<ItemOutcome>,
}

impl IngestReport {
    pub fn failed(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i.status, ItemStatus::Failed { .. }))
            .count()
    }
    pub fn succeeded(&self) -> usize {
        self.items.len() - self.failed()
    }
    /// Ids of every document the inputs resolved to (added, unchanged or duplicate).
    pub fn ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        for i in &self.items {
            let id = match &i.status {
                ItemStatus::Added { id }
                | ItemStatus::Unchanged { id }
                | ItemStatus::Reextracted { id }
                | ItemStatus::NearDuplicate { id, .. } => id,
                ItemStatus::Failed { .. } => continue,
            };
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    }
}

/// Progress events for a progress bar.
#[derive(Debug, Clone)]
pub enum Progress {
    /// The number of inputs after folders were expanded.
    Inputs(usize),
    /// One input finished.
    InputDone(String),
}

/// Serialises a fingerprint for storage: `simhash:shingles:minhash...` in hex.
pub fn encode_fingerprint(f: &Fingerprint) -> String {
    let mut s = format!("{:016x}:{:x}:", f.simhash, f.shingles);
    for m in &f.minhash {
        s.push_str(&format!("{m:08x}"));
    }
    s
}

/// Reads a stored fingerprint; `None` when it is not in the current format.
pub fn decode_fingerprint(s: &str) -> Option<Fingerprint> {
    let mut parts = s.splitn(3, ':');
    let simhash = u64::from_str_radix(parts.next()?, 16).ok()?;
    let shingles = usize::from_str_radix(parts.next()?, 16).ok()?;
    let hex = parts.next()?;
    if hex.len() % 8 != 0 {
        return None;
    }
    let minhash = (0..hex.len() / 8)
        .map(|i| u32::from_str_radix(&hex[i * 8..i * 8 + 8], 16).ok())
        .collect::<Option<Vec<u32>>>()?;
    Some(Fingerprint {
        simhash,
        minhash,
        shingles,
    })
}

impl Engine {
    /// Ingests every input; never stops at a bad one.
    pub fn ingest(
        &mut self,
        inputs: &[String],
        opts: &IngestOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<IngestReport, EngineError> {
        let mut report = IngestReport::default();
        let expanded = expand_inputs(inputs);
        progress(Progress::Inputs(expanded.len()));
        let mut fetcher: Option<Fetcher> = None;
        let mut known: Vec<(String, Fingerprint)> = self
            .store
            .fingerprints()?
            .into_iter()
            .filter_map(|(id, f)| decode_fingerprint(&f).map(|f| (id, f)))
            .collect();
        for input in expanded {
            let input = match input {
                Ok(i) => i,
                Err(e) => {
                    let name = match &e {
                        sources::SourceError::Io { path, .. } => path.clone(),
                        _ => String::new(),
                    };
                    report.items.push(ItemOutcome {
                        input: name.clone(),
                        status: ItemStatus::Failed {
                            reason: e.to_string(),
                        },
                    });
                    progress(Progress::InputDone(name));
                    continue;
                }
            };
            let name = input.name();
            let loaded: Result<LoadedInput, sources::SourceError> = match &input {
                InputRef::File(p) => sources::files::load_file(p),
                InputRef::Url(u) => fetcher
                    .get_or_insert_with(|| Fetcher::new(opts.fetch.clone()))
                    .fetch(u),
            };
            match loaded {
                Ok(loaded) => self.ingest_loaded(&loaded, opts, &mut known, &mut report)?,
                Err(e) => report.items.push(ItemOutcome {
                    input: name.clone(),
                    status: ItemStatus::Failed {
                        reason: e.to_string(),
                    },
                }),
            }
            progress(Progress::InputDone(name));
        }
        Ok(report)
    }

    fn ingest_loaded(
        &mut self,
        loaded: &LoadedInput,
        opts: &IngestOptions,
        known: &mut Vec<(String, Fingerprint)>,
        report: &mut IngestReport,
    ) -> Result<(), EngineError> {
        let items = match split_input(&loaded.name, &loaded.bytes) {
            Ok(items) => items,
            Err(e) => {
                report.items.push(ItemOutcome {
                    input: loaded.name.clone(),
                    status: ItemStatus::Failed {
                        reason: e.to_string(),
                    },
                });
                return Ok(());
            }
        };
        let mut overrides = opts.meta.clone();
        overrides.fill_from(&loaded.meta);
        for item in items {
            let item = match item {
                Ok(i) => i,
                Err(e) => {
                    report.items.push(ItemOutcome {
                        input: e.origin.clone(),
                        status: ItemStatus::Failed { reason: e.reason },
                    });
                    continue;
                }
            };
            let doc = extract::document::build_document(&item, &overrides);
            let status = self.store_document(&doc, &item.body, known)?;
            report.items.push(ItemOutcome {
                input: item.origin.clone(),
                status,
            });
        }
        Ok(())
    }

    /// Stores one extracted document (with its analysis and near-duplicate link).
    fn store_document(
        &mut self,
        doc: &Document,
        raw: &[u8],
        known: &mut Vec<(String, Fingerprint)>,
    ) -> Result<ItemStatus, EngineError> {
        if doc.text.trim().is_empty() {
            let why = doc
                .diagnostics
                .iter()
                .map(|d| d.message.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            return Ok(ItemStatus::Failed {
                reason: format!("no article text could be extracted ({why})"),
            });
        }
        let stored_version = self.store.extractor_version(&doc.id)?;
        if stored_version == Some(EXTRACTOR_VERSION) {
            return Ok(ItemStatus::Unchanged { id: doc.id.clone() });
        }
        let fp = fingerprint(&doc.text);
        if stored_version.is_some() {
            // Same bytes, older extraction: replace it (and its analysis).
            let analysis = analyze(doc);
            self.store.replace_extraction(
                doc,
                EXTRACTOR_VERSION,
                (&analysis, ANALYZER_VERSION),
                Some(&encode_fingerprint(&fp)),
            )?;
            if let Some(k) = known.iter_mut().find(|(id, _)| *id == doc.id) {
                k.1 = fp;
            }
            return Ok(ItemStatus::Reextracted { id: doc.id.clone() });
        }
        // Link to the earliest near-duplicate already stored.
        let dup = known
            .iter()
            .map(|(id, f)| (id, jaccard_estimate(&fp, f)))
            .find(|(_, j)| *j >= NEAR_DUPLICATE_JACCARD)
            .map(|(id, j)| DuplicateLink {
                of: id.clone(),
                similarity: j,
            });
        // The earliest published copy is the original: when the stored match was
        // published after this document, the stored one becomes the repost.
        let published = |d: &Document| d.published.as_ref().map(|p| p.at.utc);
        let mut flipped = None;
        let dup = match dup {
            Some(d) => {
                let stored = self.store.document(&d.of)?;
                match (published(doc), published(&stored)) {
                    (Some(new), Some(old)) if new < old => {
                        flipped = Some(d);
                        None
                    }
                    _ => Some(d),
                }
            }
            None => None,
        };
        let analysis = analyze(doc);
        let outcome = self.store.put(
            doc,
            raw,
            EXTRACTOR_VERSION,
            Some((&analysis, ANALYZER_VERSION)),
            dup.as_ref(),
            Some(&encode_fingerprint(&fp)),
        )?;
        if let (PutOutcome::Inserted, Some(f)) = (outcome, &flipped) {
            self.store.set_duplicate(
                &f.of,
                &DuplicateLink {
                    of: doc.id.clone(),
                    similarity: f.similarity,
                },
            )?;
        }
        known.push((doc.id.clone(), fp));
        Ok(match (outcome, dup) {
            (PutOutcome::AlreadyPresent, _) => ItemStatus::Unchanged { id: doc.id.clone() },
            (PutOutcome::Inserted, Some(d)) => ItemStatus::NearDuplicate {
                id: doc.id.clone(),
                of: d.of,
                similarity: d.similarity,
            },
            (PutOutcome::Inserted, None) => ItemStatus::Added { id: doc.id.clone() },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_codec_round_trips() {
        let f = fingerprint("One two three four five six seven eight nine ten.");
        assert_eq!(decode_fingerprint(&encode_fingerprint(&f)), Some(f));
        assert_eq!(decode_fingerprint("zz"), None);
    }
}
