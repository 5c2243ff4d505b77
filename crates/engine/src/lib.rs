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
pub const ANALYZER_VERSION: i64 = 9;

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
