//! The server's storage: an SQLite database (`trappa.sqlite` in `--data`) for rounds, versions
//! and the audit log, with plain numbered migrations (`PRAGMA user_version`). The files of a
//! version (the uploaded workbook, the instance, the plan directory) lie beside it under
//! `rounds/<round>/v<n>/`.

use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The migrations, in order; `PRAGMA user_version` says how many have run.
const MIGRATIONS: &[&str] = &["CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds(id),
        number INTEGER NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        previous_id INTEGER REFERENCES versions(id),
        today TEXT,
        time_limit REAL,
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        finished TEXT,
        UNIQUE (round_id, number)
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        round_id INTEGER,
        version_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );"];

/// The state of a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Uploaded, not planned yet.
    Uploaded,
    /// Waiting for the planner.
    Queued,
    /// Being planned.
    Planning,
    /// Planned, checked and written.
    Done,
    /// Planning failed (or the server stopped while planning).
    Failed,
}

impl Status {
    /// The word stored in the database.
    pub fn word(self) -> &'static str {
        match self {
            Status::Uploaded => "uploaded",
            Status::Queued => "queued",
            Status::Planning => "planning",
            Status::Done => "done",
            Status::Failed => "failed",
        }
    }

    fn from_word(w: &str) -> Status {
        match w {
            "uploaded" => Status::Uploaded,
            "queued" => Status::Queued,
            "planning" => Status::Planning,
            "done" => Status::Done,
            _ => Status::Failed,
        }
    }
}

/// A round.
#[derive(Debug, Clone)]
pub struct Round {
    /// Id.
    pub id: i64,
    /// The round's name (from the workbook).
    pub name: String,
    /// When it was created (UTC, RFC 3339).
    pub created: String,
}

/// A version of a round: an uploaded instance and, once planned, its plan directory.
#[derive(Debug, Clone)]
pub struct Version {
    /// Id.
    pub id: i64,
    /// The round.
    pub round_id: i64,
    /// 1, 2, … within the round.
    pub number: i64,
    /// `plan` (a new plan) or `replan` (re-planned from `previous_id`).
    pub kind: String,
    /// State.
    pub status: Status,
    /// The version re-planned from.
    pub previous_id: Option<i64>,
    /// The re-plan date.
    pub today: Option<String>,
    /// The time limit asked for, seconds.
    pub time_limit: Option<f64>,
    /// Why it failed, or how it ended.
    pub note: String,
    /// When it was uploaded.
    pub created: String,
    /// When planning ended.
    pub finished: Option<String>,
}

/// One line of the audit log.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    /// When (UTC).
    pub at: String,
    /// The version, if any.
    pub version_id: Option<i64>,
    /// What happened: `uploaded`, `planned`, `replanned`, `downloaded`, …
    pub action: String,
    /// Details (file name, outcome).
    pub detail: String,
}

/// The database and the data directory.
pub struct Store {
    conn: Mutex<Connection>,
    data: PathBuf,
}

/// A database error as text.
pub type StoreResult<T> = Result<T, String>;

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn err(e: rusqlite::Error) -> String {
    e.to_string()
}

fn version_row(r: &rusqlite::Row) -> rusqlite::Result<Version> {
    let status: String = r.get(4)?;
    Ok(Version {
        id: r.get(0)?,
        round_id: r.get(1)?,
        number: r.get(2)?,
        kind: r.get(3)?,
        status: Status::from_word(&status),
        previous_id: r.get(5)?,
        today: r.get(6)?,
        time_limit: r.get(7)?,
        note: r.get(8)?,
        created: r.get(9)?,
        finished: r.get(10)?,
    })
}

const VERSION_COLUMNS: &str = "id, round_id, number, kind, status, previous_id, today, time_limit, note, created, finished";

impl Store {
    /// Opens (or creates) the database in `data`, runs the migrations not yet run, and marks
    /// every version that was queued or being planned when the server stopped as failed.
    pub fn open(data: &Path) -> StoreResult<Store> {
        std::fs::create_dir_all(data.join("rounds")).map_err(|e| format!("{}: {e}", data.display()))?;
        let conn = Connection::open(data.join("trappa.sqlite")).map_err(err)?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;").map_err(err)?;
        let done: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(done.max(0) as usize) {
            conn.execute_batch(&format!("BEGIN; {m}; PRAGMA user_version = {}; COMMIT;", i + 1)).map_err(err)?;
        }
        let store = Store { conn: Mutex::new(conn), data: data.to_path_buf() };
        store.fail_unfinished()?;
        Ok(store)
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn fail_unfinished(&self) -> StoreResult<()> {
        let unfinished: Vec<Version> = {
            let conn = self.conn();
            let mut st =
                conn.prepare(&format!("SELECT {VERSION_COLUMNS} FROM versions WHERE status IN ('queued', 'planning')")).map_err(err)?;
            let rows = st.query_map([], version_row).map_err(err)?;
            rows.collect::<Result<_, _>>().map_err(err)?
        };
        for v in unfinished {
            let note = crate::text::tr!("serve-failed-restart");
            self.finish(v.id, Status::Failed, &note)?;
            self.audit(Some(v.round_id), Some(v.id), "failed", &note)?;
        }
        Ok(())
    }

    /// The data directory.
    pub fn data(&self) -> &Path {
        &self.data
    }

    /// The directory of a version's files.
    pub fn version_dir(&self, v: &Version) -> PathBuf {
        self.data.join("rounds").join(v.round_id.to_string()).join(format!("v{}", v.number))
    }

    /// The plan directory of a version.
    pub fn plan_dir(&self, v: &Version) -> PathBuf {
        self.version_dir(v).join("plan")
    }

    /// Creates a round.
    pub fn create_round(&self, name: &str) -> StoreResult<i64> {
        let conn = self.conn();
        conn.execute("INSERT INTO rounds (name, created) VALUES (?1, ?2)", params![name, now()]).map_err(err)?;
        Ok(conn.last_insert_rowid())
    }

    /// Deletes a round that has no versions (a creation that failed half-way).
    pub fn delete_empty_round(&self, id: i64) -> StoreResult<()> {
        let conn = self.conn();
        conn.execute("DELETE FROM rounds WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM versions WHERE round_id = ?1)", params![id])
            .map_err(err)?;
        Ok(())
    }

    /// Every round, newest first.
    pub fn rounds(&self) -> StoreResult<Vec<Round>> {
        let conn = self.conn();
        let mut st = conn.prepare("SELECT id, name, created FROM rounds ORDER BY id DESC").map_err(err)?;
        let rows = st.query_map([], |r| Ok(Round { id: r.get(0)?, name: r.get(1)?, created: r.get(2)? })).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// One round.
    pub fn round(&self, id: i64) -> StoreResult<Option<Round>> {
        let conn = self.conn();
        conn.query_row("SELECT id, name, created FROM rounds WHERE id = ?1", params![id], |r| {
            Ok(Round { id: r.get(0)?, name: r.get(1)?, created: r.get(2)? })
        })
        .optional()
        .map_err(err)
    }

    /// Adds a version to a round (the next number), in state `uploaded`.
    pub fn add_version(&self, round_id: i64, kind: &str, previous_id: Option<i64>, today: Option<&str>) -> StoreResult<Version> {
        let id = {
            let conn = self.conn();
            let number: i64 = conn
                .query_row("SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE round_id = ?1", params![round_id], |r| r.get(0))
                .map_err(err)?;
            conn.execute(
                "INSERT INTO versions (round_id, number, kind, status, previous_id, today, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![round_id, number, kind, Status::Uploaded.word(), previous_id, today, now()],
            )
            .map_err(err)?;
            conn.last_insert_rowid()
        };
        self.version(id)?.ok_or_else(|| "version vanished".to_string())
    }

    /// Deletes a version that was never stored completely.
    pub fn delete_version(&self, id: i64) -> StoreResult<()> {
        self.conn().execute("DELETE FROM versions WHERE id = ?1", params![id]).map_err(err)?;
        Ok(())
    }

    /// One version.
    pub fn version(&self, id: i64) -> StoreResult<Option<Version>> {
        let conn = self.conn();
        conn.query_row(&format!("SELECT {VERSION_COLUMNS} FROM versions WHERE id = ?1"), params![id], version_row).optional().map_err(err)
    }

    /// The versions of a round, by number.
    pub fn versions(&self, round_id: i64) -> StoreResult<Vec<Version>> {
        let conn = self.conn();
        let mut st = conn.prepare(&format!("SELECT {VERSION_COLUMNS} FROM versions WHERE round_id = ?1 ORDER BY number")).map_err(err)?;
        let rows = st.query_map(params![round_id], version_row).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Sets a version's state (and time limit) when it is queued or starts planning.
    pub fn set_status(&self, id: i64, status: Status, time_limit: Option<f64>) -> StoreResult<()> {
        self.conn()
            .execute(
                "UPDATE versions SET status = ?2, time_limit = COALESCE(?3, time_limit) WHERE id = ?1",
                params![id, status.word(), time_limit],
            )
            .map_err(err)?;
        Ok(())
    }

    /// Ends a version's planning with a state and a note.
    pub fn finish(&self, id: i64, status: Status, note: &str) -> StoreResult<()> {
        self.conn()
            .execute("UPDATE versions SET status = ?2, note = ?3, finished = ?4 WHERE id = ?1", params![id, status.word(), note, now()])
            .map_err(err)?;
        Ok(())
    }

    /// Writes a line into the audit log.
    pub fn audit(&self, round_id: Option<i64>, version_id: Option<i64>, action: &str, detail: &str) -> StoreResult<()> {
        self.conn()
            .execute(
                "INSERT INTO audit (at, round_id, version_id, action, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![now(), round_id, version_id, action, detail],
            )
            .map_err(err)?;
        Ok(())
    }

    /// The audit log of a round, newest first.
    pub fn audit_log(&self, round_id: i64) -> StoreResult<Vec<AuditEntry>> {
        let conn = self.conn();
        let mut st =
            conn.prepare("SELECT at, version_id, action, detail FROM audit WHERE round_id = ?1 ORDER BY id DESC LIMIT 200").map_err(err)?;
        let rows = st
            .query_map(params![round_id], |r| Ok(AuditEntry { at: r.get(0)?, version_id: r.get(1)?, action: r.get(2)?, detail: r.get(3)? }))
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }
}
