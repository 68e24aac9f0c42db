//! Writing a plan directory: `plan.json`, the spreadsheets ([`csv`]) and one `.ics` calendar
//! per person ([`calendar`]).
//!
//! The directory is written atomically: everything goes into a fresh sibling directory that
//! replaces the old plan in one `renameat2(RENAME_EXCHANGE)` (or, where the filesystem lacks
//! it, two renames with the old plan kept until the new one is in place). A failed or
//! interrupted run leaves the previous plan untouched; a directory that is not a trappa plan is
//! never replaced. Files are not fsynced one by one: a national round writes thousands of
//! calendars, and on a busy disk forcing each to the device took seconds to tens of seconds,
//! for protection against power loss rather than against an interrupted run.

pub mod calendar;
pub mod csv;
mod ics;

pub use self::calendar::{person_calendars, person_entries, person_names, CalendarEntry, EntryKind};
pub use self::csv::{attendance_csv, groups_csv, pairs_csv, sessions_csv};

use crate::format::plan::PlanFile;
use crate::format::InstanceFile;
use crate::model::Instance;
use std::collections::BTreeMap;
use std::path::Path;

/// Errors while writing output.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// Writing the plan directory failed.
    #[error(transparent)]
    File(#[from] crate::files::FileError),
    /// Serialisation failed.
    #[error("cannot serialise the plan: {0}")]
    Serialise(String),
}

/// Name of the byte-for-byte copy of the instance that `solve` puts in the plan directory
/// (its SHA-256 is the plan's `instance.sha256`).
pub const INSTANCE_COPY: &str = "instance.json";

/// The files of a plan directory, name → bytes.
pub type PlanFiles = BTreeMap<String, Vec<u8>>;

/// Renders every file of the plan directory in memory.
pub fn render_plan_files(plan: &PlanFile, file: &InstanceFile, inst: &Instance) -> Result<PlanFiles, OutputError> {
    let mut files = PlanFiles::new();
    let mut json = serde_json::to_vec_pretty(plan).map_err(|e| OutputError::Serialise(e.to_string()))?;
    json.push(b'\n');
    files.insert("plan.json".into(), json);
    files.insert("pairs.csv".into(), pairs_csv(plan, inst)?);
    if !plan.groups.is_empty() {
        files.insert("groups.csv".into(), groups_csv(plan, inst)?);
    }
    if let Some(tt) = &plan.timetable {
        files.insert("sessions.csv".into(), sessions_csv(tt, inst)?);
        files.insert("attendance.csv".into(), attendance_csv(tt, inst)?);
    }
    for (id, ics) in person_calendars(plan, file, inst) {
        files.insert(format!("calendars/{}.ics", safe_file_name(&id)), ics.into_bytes());
    }
    Ok(files)
}

/// A file name made from a person id: letters, digits, `-` and `_` kept, the rest `_`.
pub fn safe_file_name(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// Writes the files into `out` atomically (see [`crate::files::write_dir_atomic`]).
pub fn write_plan_dir(out: &Path, files: &PlanFiles) -> Result<(), OutputError> {
    crate::files::write_dir_atomic(out, files.iter().map(|(n, b)| (n.as_str(), b.as_slice())), "plan.json").map_err(OutputError::from)
}
