//! The engine: the one API both front ends (CLI, HTTP) use.
//!
//! It wires the stages together — sources (bytes in), extract (documents),
//! analysis (per-document items), store (persistence) and fusion (the brief) —
//! and owns the policies around them: one bad item never aborts a batch, each
//! document is written whole or not at all, and re-ingesting changes nothing.

pub mod ingest;

pub use ingest::{IngestOptions, IngestReport, ItemOutcome, ItemStatus, Progress};

use model::{Document, DocumentAnalysis};
use store::SqliteStore;

/// Bumped whenever analysis output changes shape or meaning; stored analyses with
/// an older version are recomputed on read.
pub const ANALYZER_VERSION: i64 = 36;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// Runs every per-document stage on one document.
pub fn analyze(doc: &Document) -> DocumentAnalysis {
    analysis::analyze(doc)
}

/// The engine over one store.
pub struct Engine {
    pub store: SqliteStore,
}

impl Engine {
    pub fn new(store: SqliteStore) -> Engine {
        Engine { store }
    }

    /// A stored document with its analysis, recomputing (and storing) the analysis
    /// when it is missing or older than this program's analyzer.
    pub fn document_with_analysis(
        &mut self,
        id: &str,
    ) -> Result<(Document, DocumentAnalysis), EngineError> {
        let doc = self.store.document(id)?;
        match self.store.analysis(id)? {
            Some((a, v)) if v == ANALYZER_VERSION => Ok((doc, a)),
            _ => {
                let a = analyze(&doc);
                self.store.put_analysis(id, &a, ANALYZER_VERSION)?;
                Ok((doc, a))
            }
        }
    }

    /// Fuses the given stored documents (all when `ids` is empty) into a brief.
    pub fn brief(&mut self, ids: &[String]) -> Result<fusion::brief::Brief, EngineError> {
        let ids: Vec<String> = if ids.is_empty() {
            self.store.list()?.into_iter().map(|d| d.id).collect()
        } else {
            ids.to_vec()
        };
        let mut docs = Vec::with_capacity(ids.len());
        for id in &ids {
            docs.push(self.document_with_analysis(id)?);
        }
        let dups: Vec<(String, Option<String>)> = self
            .store
            .list()?
            .into_iter()
            .filter(|d| ids.contains(&d.id))
            .map(|d| (d.id, d.duplicate_of))
            .collect();
        Ok(fusion::brief::build_brief(&docs, &dups))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An analysis stored by an older analyzer is recomputed on read and stored
    /// again under this version; a current one is read as stored.
    /// A store in a fresh temporary folder `name` with one small note ingested:
    /// the engine, the note's input path, the document id and the folder.
    fn engine_with_note(name: &str, text: &str) -> (Engine, String, String, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("note.txt");
        std::fs::write(&file, text).expect("write input");
        let store = SqliteStore::open(&dir.join("store.sqlite")).expect("open store");
        let mut engine = Engine::new(store);
        let input = file.display().to_string();
        let report = engine
            .ingest(
                std::slice::from_ref(&input),
                &ingest::IngestOptions::default(),
                &mut |_| {},
            )
            .expect("ingest");
        let id = match &report.items[0].status {
            ingest::ItemStatus::Added { id } => id.clone(),
            other => panic!("not added: {other:?}"),
        };
        (engine, input, id, dir)
    }

    #[test]
    fn older_analyses_are_recomputed() {
        let (mut engine, _, id, dir) = engine_with_note(
            "plx-reanalyse",
            "Harbour talks\n\n“We will not sign,” said Mara Lind, the union's leader, on Monday.\n",
        );
        let (_, fresh) = engine.document_with_analysis(&id).expect("read");
        assert!(!fresh.attributions.is_empty(), "the quote is found");

        // An older analyzer stored an empty analysis: it is replaced.
        let stale = DocumentAnalysis::default();
        engine
            .store
            .put_analysis(&id, &stale, ANALYZER_VERSION - 1)
            .expect("store stale");
        let (_, again) = engine.document_with_analysis(&id).expect("read again");
        assert_eq!(again, fresh);
        let (_, version) = engine
            .store
            .analysis(&id)
            .expect("stored")
            .expect("present");
        assert_eq!(version, ANALYZER_VERSION);

        // The same empty analysis under this version is taken as it is.
        engine
            .store
            .put_analysis(&id, &stale, ANALYZER_VERSION)
            .expect("store current");
        let (_, kept) = engine.document_with_analysis(&id).expect("read kept");
        assert_eq!(kept, stale);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A document stored by an older extractor is extracted again from the same
    /// bytes when its input comes in again; with the current extractor it is left
    /// as it is.
    #[test]
    fn older_extractions_are_redone_on_ingest() {
        let (mut engine, input, id, dir) = engine_with_note(
            "plx-reextract",
            "Harbour talks resume\n\n“We will not sign,” said Mara Lind, the union's leader, on Monday.\n",
        );
        let input = [input];
        let opts = ingest::IngestOptions::default();
        let fresh = engine.store.document(&id).expect("stored");

        // What an older extractor had stored: another title, version 0.
        let mut stale = fresh.clone();
        stale.title = Some("stale title".to_string());
        assert!(engine
            .store
            .replace_extraction(
                &stale,
                0,
                (&DocumentAnalysis::default(), ANALYZER_VERSION),
                None
            )
            .expect("store stale"));
        assert_eq!(engine.store.extractor_version(&id).expect("read"), Some(0));

        let report = engine
            .ingest(&input, &opts, &mut |_| {})
            .expect("ingest again");
        assert_eq!(
            report.items[0].status,
            ingest::ItemStatus::Reextracted { id: id.clone() }
        );
        assert_eq!(engine.store.document(&id).expect("stored"), fresh);
        let (_, analysis) = engine.document_with_analysis(&id).expect("analysis");
        assert!(!analysis.attributions.is_empty(), "analysed again");

        let report = engine
            .ingest(&input, &opts, &mut |_| {})
            .expect("third ingest");
        assert_eq!(
            report.items[0].status,
            ingest::ItemStatus::Unchanged { id: id.clone() }
        );
        assert_eq!(engine.store.list().expect("list").len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
