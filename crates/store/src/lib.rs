//! Persistence. The embedded default is one SQLite file: no server to start.
//!
//! - The schema is versioned (`PRAGMA user_version`) and upgraded by ordered
//!   migrations, each in its own transaction.
//! - Raw input bytes are kept content-addressed (SHA-256) so every document can be
//!   re-analysed when the code improves. Each document records the extractor
//!   version that produced it and each analysis its analyzer version, so either
//!   can be redone from the stored bytes when it is out of date.
//! - A document, its raw bytes and its analysis are written in one transaction:
//!   an interrupted ingest leaves either the whole document or nothing.
//! - Writing the same bytes again changes nothing.
//!
//! Stored records are separate from the in-memory model types: documents and
//! analyses are stored as versioned JSON beside indexed columns.

use std::path::Path;

use model::{Document, DocumentAnalysis};
use rusqlite::{params, Connection, OptionalExtension};

/// What went wrong in the store. Every variant says what it was doing.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("opening store {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("store {what}: {source}")]
    Sql {
        what: &'static str,
        source: rusqlite::Error,
    },
    #[error("store record {id} is unreadable: {reason}")]
    Corrupt { id: String, reason: String },
    #[error("store schema version {found} is newer than this program understands ({known})")]
    TooNew { found: i64, known: i64 },
    #[error("no document matches `{0}`")]
    NotFound(String),
    #[error("`{prefix}` matches several documents: {candidates}")]
    Ambiguous { prefix: String, candidates: String },
}

fn sql(what: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |source| StoreError::Sql { what, source }
}

/// A stored record as JSON; an unserialisable one names its document.
fn to_json<T: serde::Serialize>(id: &str, value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt {
        id: id.to_string(),
        reason: e.to_string(),
    })
}

/// The columns of a document row that do not come from the document itself.
struct DocumentRow<'a> {
    seq: i64,
    blob: &'a str,
    duplicate: Option<&'a DuplicateLink>,
    fingerprint: Option<&'a str>,
    extractor_version: i64,
    record: &'a str,
}

/// Writes a document row; an existing row with the same id keeps its place in
/// the ingestion order, its raw bytes and its near-duplicate link, and takes
/// everything else from `doc`.
fn write_document(conn: &Connection, doc: &Document, row: &DocumentRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO documents (id, seq, blob, origin, url, outlet, title, published, format, is_live_blog,
            posts, text_len, duplicate_of, duplicate_similarity, fingerprint, record_version, record,
            extractor_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
         ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, url = excluded.url,
            outlet = excluded.outlet, title = excluded.title, published = excluded.published,
            format = excluded.format, is_live_blog = excluded.is_live_blog, posts = excluded.posts,
            text_len = excluded.text_len, fingerprint = excluded.fingerprint,
            record_version = excluded.record_version, record = excluded.record,
            extractor_version = excluded.extractor_version",
        params![
            doc.id,
            row.seq,
            row.blob,
            doc.origin,
            doc.url,
            doc.outlet.as_ref().map(|o| o.name.clone()),
            doc.title,
            doc.published.as_ref().map(|p| p.at.to_iso()),
            format!("{:?}", doc.format).to_lowercase(),
            doc.is_live_blog,
            doc.posts.len() as i64,
            doc.text.len() as i64,
            row.duplicate.map(|d| d.of.clone()),
            row.duplicate.map(|d| d.similarity),
            row.fingerprint,
            RECORD_VERSION,
            row.record,
            row.extractor_version
        ],
    )
    .map_err(sql("writing a document"))?;
    Ok(())
}

/// Writes (or replaces) a document's analysis record.
fn write_analysis(
    conn: &Connection,
    id: &str,
    version: i64,
    record: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO analyses (doc_id, analyzer_version, record) VALUES (?1, ?2, ?3)
         ON CONFLICT(doc_id) DO UPDATE SET analyzer_version = excluded.analyzer_version, record = excluded.record",
        params![id, version, record],
    )
    .map_err(sql("writing an analysis"))?;
    Ok(())
}

/// Ordered schema migrations; index + 1 is the version each one produces.
const MIGRATIONS: &[&str] = &[
    // v1: raw bytes, documents, analyses.
    "CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        len INTEGER NOT NULL,
        bytes BLOB NOT NULL
     );
     CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        blob TEXT NOT NULL REFERENCES blobs(sha256),
        origin TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        format TEXT NOT NULL,
        is_live_blog INTEGER NOT NULL,
        posts INTEGER NOT NULL,
        text_len INTEGER NOT NULL,
        duplicate_of TEXT,
        duplicate_similarity REAL,
        fingerprint TEXT,
        record_version INTEGER NOT NULL,
        record TEXT NOT NULL
     );
     CREATE INDEX documents_seq ON documents(seq);
     CREATE TABLE analyses (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        analyzer_version INTEGER NOT NULL,
        record TEXT NOT NULL
     );",
    // v2: the extractor version of each document (0: written before v2).
    "ALTER TABLE documents ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 0;",
];

/// The version of the stored JSON records this program writes.
pub const RECORD_VERSION: i64 = 1;

/// A row of the document list.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DocSummary {
    pub id: String,
    pub seq: i64,
    pub origin: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub format: String,
    pub is_live_blog: bool,
    pub posts: i64,
    pub text_len: i64,
    pub duplicate_of: Option<String>,
    pub duplicate_similarity: Option<f64>,
}

/// Near-duplicate link of a new document to an earlier one.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateLink {
    pub of: String,
    pub similarity: f64,
}

/// What `put` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    Inserted,
    /// The document was already stored: nothing changed.
    AlreadyPresent,
}

/// The embedded SQLite store.
pub struct SqliteStore {
    conn: Connection,
}

pub use model::content_id;

impl SqliteStore {
    /// Opens (creating if needed) the store file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let shown = path.display().to_string();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Open {
                path: shown.clone(),
                source: rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: shown,
            source,
        })?;
        Self::init(conn)
    }

    /// An in-memory store (tests, `parallax analyze`-style one-shot work).
    pub fn in_memory() -> Result<SqliteStore, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: ":memory:".into(),
            source,
        })?;
        Self::init(conn)
    }

    fn init(conn: Connection) -> Result<SqliteStore, StoreError> {
        conn.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;")
            .map_err(sql("setting pragmas"))?;
        let mut store = SqliteStore { conn };
        store.migrate()?;
        Ok(store)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(sql("reading schema version"))
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let current = self.schema_version()?;
        let known = MIGRATIONS.len() as i64;
        if current > known {
            return Err(StoreError::TooNew {
                found: current,
                known,
            });
        }
        for (i, step) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            let tx = self.conn.transaction().map_err(sql("starting migration"))?;
            tx.execute_batch(step).map_err(sql("applying migration"))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(sql("recording schema version"))?;
            tx.commit().map_err(sql("committing migration"))?;
        }
        Ok(())
    }

    /// Whether a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|o| o.is_some())
            .map_err(sql("looking up a document"))
    }

    /// The extractor version a stored document was written with (0 for documents
    /// stored before versions were kept), or None when it is not stored.
    pub fn extractor_version(&self, id: &str) -> Result<Option<i64>, StoreError> {
        self.conn
            .query_row(
                "SELECT extractor_version FROM documents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql("reading a document's extractor version"))
    }

    /// Replaces a stored document's extraction and analysis (same id, so the same
    /// raw bytes) in one transaction; its place in the ingestion order and its
    /// near-duplicate link stay. Returns false when no such document is stored.
    pub fn replace_extraction(
        &mut self,
        doc: &Document,
        extractor_version: i64,
        analysis: (&DocumentAnalysis, i64),
        fingerprint: Option<&str>,
    ) -> Result<bool, StoreError> {
        let record = to_json(&doc.id, doc)?;
        let rec = to_json(&doc.id, analysis.0)?;
        let tx = self.conn.transaction().map_err(sql("starting a write"))?;
        let Some((seq, blob)) = tx
            .query_row(
                "SELECT seq, blob FROM documents WHERE id = ?1",
                [&doc.id],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()
            .map_err(sql("looking up a document"))?
        else {
            return Ok(false);
        };
        let row = DocumentRow {
            seq,
            blob: &blob,
            duplicate: None,
            fingerprint,
            extractor_version,
            record: &record,
        };
        write_document(&tx, doc, &row)?;
        write_analysis(&tx, &doc.id, analysis.1, &rec)?;
        tx.commit().map_err(sql("committing a document"))?;
        Ok(true)
    }

    /// Stores a document with its raw bytes and analysis in one transaction.
    /// A document already present is left untouched.
    pub fn put(
        &mut self,
        doc: &Document,
        raw: &[u8],
        extractor_version: i64,
        analysis: Option<(&DocumentAnalysis, i64)>,
        duplicate: Option<&DuplicateLink>,
        fingerprint: Option<&str>,
    ) -> Result<PutOutcome, StoreError> {
        if self.contains(&doc.id)? {
            return Ok(PutOutcome::AlreadyPresent);
        }
        let blob = content_id(raw);
        let record = to_json(&doc.id, doc)?;
        let tx = self.conn.transaction().map_err(sql("starting a write"))?;
        tx.execute(
            "INSERT OR IGNORE INTO blobs (sha256, len, bytes) VALUES (?1, ?2, ?3)",
            params![blob, raw.len() as i64, raw],
        )
        .map_err(sql("writing raw bytes"))?;
        let seq: i64 = tx
            .query_row("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents", [], |r| {
                r.get(0)
            })
            .map_err(sql("numbering a document"))?;
        let row = DocumentRow {
            seq,
            blob: &blob,
            duplicate,
            fingerprint,
            extractor_version,
            record: &record,
        };
        write_document(&tx, doc, &row)?;
        if let Some((analysis, version)) = analysis {
            write_analysis(&tx, &doc.id, version, &to_json(&doc.id, analysis)?)?;
        }
        tx.commit().map_err(sql("committing a document"))?;
        Ok(PutOutcome::Inserted)
    }

    /// Replaces the analysis of a stored document (after re-analysis).
    pub fn put_analysis(
        &mut self,
        id: &str,
        analysis: &DocumentAnalysis,
        version: i64,
    ) -> Result<(), StoreError> {
        write_analysis(&self.conn, id, version, &to_json(id, analysis)?)
    }

    /// Marks stored document `id` as a near-duplicate of `link.of` (used when a copy
    /// published earlier arrives after its repost).
    pub fn set_duplicate(&mut self, id: &str, link: &DuplicateLink) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE documents SET duplicate_of = ?2, duplicate_similarity = ?3 WHERE id = ?1",
                params![id, link.of, link.similarity],
            )
            .map_err(sql("linking a near-duplicate"))?;
        Ok(())
    }

    /// All documents in ingestion order.
    pub fn list(&self) -> Result<Vec<DocSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, seq, origin, url, outlet, title, published, format, is_live_blog, posts, text_len,
                        duplicate_of, duplicate_similarity FROM documents ORDER BY seq",
            )
            .map_err(sql("listing documents"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(DocSummary {
                    id: r.get(0)?,
                    seq: r.get(1)?,
                    origin: r.get(2)?,
                    url: r.get(3)?,
                    outlet: r.get(4)?,
                    title: r.get(5)?,
                    published: r.get(6)?,
                    format: r.get(7)?,
                    is_live_blog: r.get(8)?,
                    posts: r.get(9)?,
                    text_len: r.get(10)?,
                    duplicate_of: r.get(11)?,
                    duplicate_similarity: r.get(12)?,
                })
            })
            .map_err(sql("listing documents"))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(sql("listing documents"))
    }

    /// Resolves a document reference: a full id, an id prefix (4+ chars), a
    /// sequence number, or an origin (path or URL) as ingested.
    pub fn resolve(&self, reference: &str) -> Result<String, StoreError> {
        if let Ok(seq) = reference.parse::<i64>() {
            if let Some(id) = self
                .conn
                .query_row("SELECT id FROM documents WHERE seq = ?1", [seq], |r| {
                    r.get::<_, String>(0)
                })
                .optional()
                .map_err(sql("resolving a document"))?
            {
                return Ok(id);
            }
        }
        if let Some(id) = self
            .conn
            .query_row(
                "SELECT id FROM documents WHERE origin = ?1 OR url = ?1 ORDER BY seq LIMIT 1",
                [reference],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map_err(sql("resolving a document"))?
        {
            return Ok(id);
        }
        if reference.len() >= 4 && reference.chars().all(|c| c.is_ascii_hexdigit()) {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM documents WHERE id LIKE ?1 || '%' ORDER BY seq LIMIT 6")
                .map_err(sql("resolving a document"))?;
            let ids: Vec<String> = stmt
                .query_map([reference.to_lowercase()], |r| r.get(0))
                .map_err(sql("resolving a document"))?
                .collect::<Result<_, _>>()
                .map_err(sql("resolving a document"))?;
            match ids.len() {
                0 => {}
                1 => return Ok(ids[0].clone()),
                _ => {
                    return Err(StoreError::Ambiguous {
                        prefix: reference.to_string(),
                        candidates: ids.iter().map(|i| &i[..12]).collect::<Vec<_>>().join(", "),
                    })
                }
            }
        }
        Err(StoreError::NotFound(reference.to_string()))
    }

    /// Loads a stored document.
    pub fn document(&self, id: &str) -> Result<Document, StoreError> {
        let rec: String = self
            .conn
            .query_row("SELECT record FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql("reading a document"))?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        serde_json::from_str(&rec).map_err(|e| StoreError::Corrupt {
            id: id.to_string(),
            reason: e.to_string(),
        })
    }

    /// Loads a stored analysis, if any, with its analyzer version.
    pub fn analysis(&self, id: &str) -> Result<Option<(DocumentAnalysis, i64)>, StoreError> {
        let row: Option<(String, i64)> = self
            .conn
            .query_row(
                "SELECT record, analyzer_version FROM analyses WHERE doc_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(sql("reading an analysis"))?;
        match row {
            None => Ok(None),
            Some((rec, v)) => serde_json::from_str(&rec)
                .map(|a| Some((a, v)))
                .map_err(|e| StoreError::Corrupt {
                    id: id.to_string(),
                    reason: e.to_string(),
                }),
        }
    }

    /// The raw bytes a document was extracted from.
    pub fn raw(&self, id: &str) -> Result<Vec<u8>, StoreError> {
        self.conn
            .query_row(
                "SELECT b.bytes FROM documents d JOIN blobs b ON b.sha256 = d.blob WHERE d.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql("reading raw bytes"))?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    /// (id, fingerprint) of every document that has one, in ingestion order.
    pub fn fingerprints(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, fingerprint FROM documents WHERE fingerprint IS NOT NULL ORDER BY seq",
            )
            .map_err(sql("reading fingerprints"))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql("reading fingerprints"))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(sql("reading fingerprints"))
    }

    /// Number of stored documents and raw blobs.
    pub fn counts(&self) -> Result<(i64, i64), StoreError> {
        let docs = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
            .map_err(sql("counting"))?;
        let blobs = self
            .conn
            .query_row("SELECT COUNT(*) FROM blobs", [], |r| r.get(0))
            .map_err(sql("counting"))?;
        Ok((docs, blobs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{InputFormat, OffsetMap};

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            origin: format!("{id}.txt"),
            url: None,
            format: InputFormat::Text,
            outlet: None,
            title: Some("T".into()),
            authors: vec![],
            published: None,
            language: None,
            credited_source: None,
            is_live_blog: false,
            text: text.to_string(),
            offsets: OffsetMap::default(),
            posts: vec![],
            diagnostics: vec![],
        }
    }

    #[test]
    fn put_is_idempotent_and_round_trips() {
        let mut s = SqliteStore::in_memory().expect("open");
        assert_eq!(s.schema_version().expect("v"), MIGRATIONS.len() as i64);
        let d = doc("abcd1234", "Hello.");
        let a = DocumentAnalysis::default();
        assert_eq!(
            s.put(&d, b"raw", 1, Some((&a, 1)), None, None)
                .expect("put"),
            PutOutcome::Inserted
        );
        assert_eq!(
            s.put(&d, b"raw", 1, Some((&a, 1)), None, None)
                .expect("put"),
            PutOutcome::AlreadyPresent
        );
        assert_eq!(s.counts().expect("counts"), (1, 1));
        assert_eq!(s.document("abcd1234").expect("doc"), d);
        assert_eq!(s.raw("abcd1234").expect("raw"), b"raw");
        assert_eq!(s.resolve("abcd").expect("prefix"), "abcd1234");
        assert_eq!(s.resolve("1").expect("seq"), "abcd1234");
        assert_eq!(s.resolve("abcd1234.txt").expect("origin"), "abcd1234");
        assert!(matches!(s.resolve("ffff"), Err(StoreError::NotFound(_))));
        assert!(s.analysis("abcd1234").expect("analysis").is_some());
    }

    #[test]
    fn reopening_a_file_keeps_documents() {
        let dir = std::env::temp_dir().join(format!("parallax-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("s.sqlite");
        {
            let mut s = SqliteStore::open(&path).expect("open");
            s.put(&doc("aaaa0001", "x"), b"x", 1, None, None, None)
                .expect("put");
        }
        let s = SqliteStore::open(&path).expect("reopen");
        assert_eq!(s.list().expect("list").len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_version_1_store_gains_extractor_versions() {
        // A store written before extractor versions were kept: its documents read
        // as version 0, so the next ingest of their bytes extracts them again.
        let conn = Connection::open_in_memory().expect("open");
        conn.execute_batch(MIGRATIONS[0]).expect("v1 schema");
        conn.pragma_update(None, "user_version", 1).expect("set");
        conn.execute(
            "INSERT INTO blobs (sha256, len, bytes) VALUES ('b', 1, x'78')",
            [],
        )
        .expect("blob");
        let record = serde_json::to_string(&doc("aaaa0001", "x")).expect("json");
        conn.execute(
            "INSERT INTO documents (id, seq, blob, origin, format, is_live_blog, posts, text_len,
                record_version, record) VALUES ('aaaa0001', 1, 'b', 'a.txt', 'text', 0, 0, 1, 1, ?1)",
            [record],
        )
        .expect("v1 document");
        let s = SqliteStore::init(conn).expect("upgrade");
        assert_eq!(s.extractor_version("aaaa0001").expect("read"), Some(0));
        assert_eq!(s.extractor_version("ffff").expect("read"), None);
        assert_eq!(s.document("aaaa0001").expect("doc"), doc("aaaa0001", "x"));
    }

    #[test]
    fn refuses_newer_schema() {
        let conn = Connection::open_in_memory().expect("open");
        conn.pragma_update(None, "user_version", 99).expect("set");
        assert!(matches!(
            SqliteStore::init(conn),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }
}
