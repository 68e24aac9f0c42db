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
pub mod plan;

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
    /// `SOURCE_DATE_EPOCH` is set but is not a time.
    #[error("SOURCE_DATE_EPOCH is \"{0}\", not a number of seconds since 1970-01-01 00:00 UTC; set it to e.g. 1767225600 or unset it")]
    SourceDateEpoch(String),
}

/// Name of the byte-for-byte copy of the instance that `solve` puts in the plan directory
/// (its SHA-256 is the plan's `instance.sha256`).
pub const INSTANCE_COPY: &str = "instance.json";

/// The marker file in every plan directory: it says the directory is trappa's and lists the
/// files written into it with their SHA-256 (`docs/replan.md`, "Plans are the user's").
pub const PLAN_MARKER: &str = ".trappa-plan";

/// The `format` of the marker file.
pub const PLAN_MARKER_FORMAT: &str = "trappa-plan-directory";

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

/// Refuses an `out` that [`write_plan_dir`] would refuse, before a command's long work.
pub fn check_plan_dir(out: &Path) -> Result<(), OutputError> {
    crate::files::check_replaceable(out, PLAN_MARKER).map_err(OutputError::from)
}

/// Writes the files of `plan` into `out` atomically, with the marker [`PLAN_MARKER`] (see
/// [`crate::files::write_dir_atomic`]): an existing `out` is replaced only if it is empty or a
/// plan directory holding nothing but the files trappa wrote into it.
pub fn write_plan_dir(out: &Path, plan: &PlanFile, files: &PlanFiles) -> Result<(), OutputError> {
    let mut about = serde_json::Map::new();
    about.insert("format".into(), PLAN_MARKER_FORMAT.into());
    about.insert("version".into(), 1.into());
    about.insert("plan_format".into(), plan.format.clone().into());
    about.insert("plan_version".into(), plan.version.into());
    about.insert("round".into(), plan.instance.round.clone().into());
    about.insert("instance_sha256".into(), plan.instance.sha256.clone().into());
    about.insert("trappa_version".into(), plan.trappa_version.clone().into());
    let marker = crate::files::Marker { name: PLAN_MARKER, about };
    crate::files::write_dir_atomic(out, files.iter().map(|(n, b)| (n.as_str(), b.as_slice())), &marker).map_err(OutputError::from)
}
