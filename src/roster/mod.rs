//! Rosters: the round's people and region in spreadsheets, in and out.
//!
//! A coordinator keeps participants, mentors, group leaders, trainers, venues, municipalities
//! and units in a workbook (one sheet per table) or in CSV files (one per table), the round's
//! scalar settings in the key/value sheet `omgång`, and the structured rules (courses, group
//! programmes, phases, calendar closures, timetable weights) in a rules file `regler.json`
//! in the instance format. [`import`] turns them into a validated instance; [`export`] writes
//! an instance back as tables and rules file. Column names, aliases and cell formats:
//! `docs/roster.md`.

pub mod cells;
pub mod columns;
pub mod read;
pub mod write;

use crate::format::InstanceFile;
use crate::load::ValidationCode;
use crate::text::tr;
use std::fmt;
use std::path::{Path, PathBuf};

/// Everything wrong with a roster, each problem naming file, sheet, row and column.
#[derive(Debug, Clone, Default)]
pub struct RosterError {
    /// Every problem found.
    pub problems: Vec<String>,
    /// Notes collected before the problems were found.
    pub warnings: Vec<String>,
}

impl RosterError {
    /// A single problem.
    pub fn one(msg: impl Into<String>) -> RosterError {
        RosterError { problems: vec![msg.into()], warnings: vec![] }
    }
}

impl fmt::Display for RosterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", tr!("roster-problems", n = self.problems.len()))?;
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RosterError {}

/// A roster read into a validated instance.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The instance.
    pub instance: InstanceFile,
    /// The instance as pretty JSON, newline-terminated (what `--out` receives).
    pub json: String,
    /// Notes for the coordinator: ignored sheets, settings overriding the rules file.
    pub warnings: Vec<String>,
    /// The rules file used, if any.
    pub rules: Option<PathBuf>,
}

/// Reads a workbook (`.xlsx`, also `.xls`/`.ods`) or a directory of CSV files and the rules
/// file (`rules`, or `regler.json` beside the workbook / in the directory), builds the
/// instance and validates it. Every problem is reported at once: bad cells with file, sheet,
/// row and column; then, if the tables are fine, the validator's codes mapped back to the
/// row and column (or the rules file's JSON path).
pub fn import(input: &Path, rules: Option<&Path>) -> Result<Imported, RosterError> {
    let merged = read::read_and_merge(input, rules)?;
    let rules_used = merged.provenance.rules.as_ref().map(PathBuf::from);
    let prov = &merged.provenance;
    let fail = |problems: Vec<String>| RosterError { problems, warnings: merged.warnings.clone() };
    let mut file: InstanceFile = serde_path_to_error::deserialize(merged.value.clone()).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let message = e.inner().to_string();
        let code = if message.starts_with(crate::format::date::INVALID_DATE) { ValidationCode::DateFormat } else { ValidationCode::Type };
        fail(vec![format!("{}: {code} {}: {message}", prov.locate(&path), code.kind())])
    })?;
    // A rules file of version 1 is upgraded; the workbook's `kostnadsandel` without any
    // `kostnadsavtal` keeps its meaning: one agreement named after the region.
    crate::load::upgrade::upgrade(&mut file);
    crate::load::upgrade::explicit_agreement(&mut file);
    let mut json = serde_json::to_string_pretty(&file).map_err(|e| fail(vec![e.to_string()]))?;
    json.push('\n');
    let instance = crate::load::parse_and_validate(&json).map_err(|problems| fail(located(&problems, prov, input)))?;
    Ok(Imported { instance, json, warnings: merged.warnings, rules: rules_used })
}

/// The validator's problems at the sheet, row and column (or rules-file path) they come from.
/// Without a rules file, the references to courses — which only a rules file defines — become
/// one problem that says the rules file was not found, instead of one for every reference.
fn located(problems: &[crate::load::Problem], prov: &read::Provenance, input: &Path) -> Vec<String> {
    let at = |p: &crate::load::Problem| format!("{}: {} {}: {}", prov.locate(&p.path), p.code, p.kind(), p.message);
    let course_ref = |p: &crate::load::Problem| prov.rules.is_none() && p.is_unknown_course();
    let mut out = vec![];
    let refs: Vec<_> = problems.iter().filter(|p| course_ref(p)).collect();
    if let Some(first) = refs.first() {
        let place = if input.is_dir() {
            tr!("roster-place-in", path = input.display().to_string())
        } else {
            tr!("roster-place-beside", path = input.display().to_string())
        };
        let more = match refs.len() {
            1 => String::new(),
            n => tr!("roster-more-course-refs", n = n - 1),
        };
        out.push(tr!("roster-no-rules-file", problem = at(first), more = more, place = place));
    }
    out.extend(problems.iter().filter(|p| !course_ref(p)).map(|p| format!("{}. {}", at(p), p.action)));
    out
}

/// Files an export writes: (path, bytes). Rendered completely before anything is written.
pub type Files = Vec<(PathBuf, Vec<u8>)>;

/// Renders an instance as a roster. `out` ending in `.xlsx` gives a workbook plus the rules
/// file beside it (`regler.json`, or `rules_out`); any other `out` is a directory of CSV files
/// (one per table, named by the Swedish sheet name) with `regler.json` inside.
pub fn render(file: &InstanceFile, out: &Path, rules_out: Option<&Path>) -> Result<Files, String> {
    let tables = write::tables(file)?;
    let rules = write::rules_text(file)?.into_bytes();
    let is_xlsx = out.extension().map(|e| e.eq_ignore_ascii_case("xlsx")).unwrap_or(false);
    let mut files = vec![];
    if is_xlsx {
        files.push((out.to_path_buf(), write::xlsx_bytes(&tables)?));
        let dir = out.parent().map(Path::to_path_buf).unwrap_or_default();
        files.push((rules_out.map(Path::to_path_buf).unwrap_or_else(|| dir.join("regler.json")), rules));
    } else {
        for t in &tables {
            files.push((out.join(format!("{}.csv", t.sheet.name())), write::csv_bytes(t)?));
        }
        files.push((rules_out.map(Path::to_path_buf).unwrap_or_else(|| out.join("regler.json")), rules));
    }
    Ok(files)
}

/// Writes an instance as a roster (see [`render`]); each file is written atomically.
pub fn export(file: &InstanceFile, out: &Path, rules_out: Option<&Path>) -> Result<Vec<PathBuf>, String> {
    let files = render(file, out, rules_out)?;
    let is_xlsx = out.extension().map(|e| e.eq_ignore_ascii_case("xlsx")).unwrap_or(false);
    if !is_xlsx {
        std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    }
    for (path, bytes) in &files {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        crate::files::write_file_atomic(path, bytes).map_err(|e| e.to_string())?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}
