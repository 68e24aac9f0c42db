//! Reading: instance files (parse → validate → build), plan files and benchmark formats.
//!
//! [`read_instance`] returns either a validated [`crate::model::Instance`] or every problem
//! found, each with a stable [`ValidationCode`]; [`build()`] turns a validated file into the
//! model.

pub mod adapters;
pub mod build;
mod codes;
pub mod json;
pub mod jsonpos;
pub mod limits;
pub mod mdgplib;
pub mod upgrade;
pub mod validate;
pub mod validate_pins;

pub use build::build;
pub use codes::ValidationCode;

use crate::format::InstanceFile;
use crate::model::Instance;
use crate::text::tr;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::fmt;
use std::path::Path;

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// What kind of problem: its stable code, listed in `docs/errors.md`, e.g. `E021`.
    pub code: ValidationCode,
    /// JSON path of the offending value, e.g. `participants[12].unit`; empty for the whole file.
    pub path: String,
    /// Line (1-based) of the offending value, when known.
    pub line: Option<usize>,
    /// Column (1-based), when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub action: String,
}

impl Problem {
    /// Short name of the code, e.g. `unknown-reference`.
    pub fn kind(&self) -> &'static str {
        self.code.kind()
    }

    /// Whether this is a reference to a course the file does not define (`E021` at a course
    /// reference: a demand's or a history entry's `course`, a trainer's `courses`, a course's
    /// `prerequisites`, a programme's `linked_course`, a fixed session's `course`). Decided by
    /// the path, so it holds in every language.
    pub fn is_unknown_course(&self) -> bool {
        let field = self.path.rsplit('.').next().unwrap_or("");
        let field = field.split('[').next().unwrap_or("");
        self.code == ValidationCode::UnknownReference
            && self.path.contains('.')
            && matches!(field, "course" | "courses" | "prerequisites" | "linked_course")
    }
}

/// Written as `{"code", "kind", "path", "line", "column", "message", "action"}`, the code and
/// its short name as text.
impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Problem", 7)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("action", &self.action)?;
        s.end()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.kind())?;
        if !self.path.is_empty() {
            write!(f, " {}", tr!("load-at-path", path = self.path.as_str()))?;
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, " ({})", tr!("load-line-column", line = l.to_string(), column = c.to_string()))?,
            (Some(l), None) => write!(f, " ({})", tr!("load-line", line = l.to_string()))?,
            _ => {}
        }
        write!(f, ": {}. {}", self.message, self.action)
    }
}

/// Errors while reading input files.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be read at all.
    #[error("{}", cannot_read(.path, .source))]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The path is not an instance file at all: a workbook, CSV files, a plan directory.
    #[error("{}", not_an_instance(.path, .what, .action))]
    NotAnInstance {
        /// The path.
        path: String,
        /// What it is, e.g. "a workbook".
        what: String,
        /// What to do.
        action: String,
    },
    /// The file was read but has problems; all of them are listed.
    #[error("{}", invalid(.path, .problems))]
    Invalid {
        /// The file.
        path: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

fn cannot_read(path: &str, source: &std::io::Error) -> String {
    tr!("load-cannot-read", path = path, error = crate::text::io_reason(source))
}

fn not_an_instance(path: &str, what: &str, action: &str) -> String {
    tr!("load-not-an-instance", path = path, what = what, action = action)
}

fn invalid(path: &str, problems: &[Problem]) -> String {
    let head = tr!("load-problems", path = path, n = problems.len());
    format!("{head}\n{}", problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))
}

impl InputError {
    /// The problems, if the file was readable.
    pub fn problems(&self) -> &[Problem] {
        match self {
            InputError::Io { .. } | InputError::NotAnInstance { .. } => &[],
            InputError::Invalid { problems, .. } => problems,
        }
    }
}

/// An instance as read from disk: the file types, the validated model and the file's hash.
#[derive(Debug, Clone)]
pub struct LoadedInstance {
    /// The file as written.
    pub file: InstanceFile,
    /// The validated, indexed model.
    pub model: Instance,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

/// SHA-256 of bytes as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::files::sha256_hex(bytes)
}

/// Reads, validates and builds an instance from a file. The file is read no further than
/// [`limits::MAX_FILE_BYTES`]; every problem (encoding, structure, syntax, types, rules, size
/// limits) comes back coded, with a position.
pub fn read_instance(path: &Path) -> Result<LoadedInstance, InputError> {
    let bytes = read_instance_bytes(path)?;
    load_instance_bytes(&bytes, &path.display().to_string())
}

/// Validates and builds an instance from the bytes of its file (`name` is used in messages):
/// UTF-8 text, then [`parse_and_validate`], then the model and its size limits
/// ([`limits::check_model`]). The SHA-256 is of these bytes, so a caller that keeps them has
/// exactly what was planned.
pub fn load_instance_bytes(bytes: &[u8], name: &str) -> Result<LoadedInstance, InputError> {
    let invalid = |problems: Vec<Problem>| InputError::Invalid { path: name.to_string(), problems };
    let text = json::text_of(bytes).map_err(invalid)?;
    let file = parse_validate_upgrade(text, Some(name)).map_err(invalid)?;
    let model = build(&file);
    let problems = limits::check_model(&model);
    if !problems.is_empty() {
        return Err(invalid(with_positions(text, problems)));
    }
    Ok(LoadedInstance { file, model, sha256: sha256_hex(bytes) })
}

/// Reads the bytes of an instance file, once, no further than [`limits::MAX_FILE_BYTES`] (a
/// larger file is `E070`). A workbook, a CSV file or a directory (of CSV files, or a plan) is
/// recognised by its extension or its first bytes and refused with what to do instead, rather
/// than reported as broken JSON.
pub fn read_instance_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    let shown = path.display().to_string();
    let not = |what: String, action: String| InputError::NotAnInstance { path: shown.clone(), what, action };
    let import = tr!("load-import-first", path = shown.as_str());
    if path.is_dir() {
        if path.join("plan.json").is_file() {
            let copy = path.join("instance.json");
            return Err(not(tr!("load-what-plan-directory"), tr!("load-give-plan-instance", copy = copy.display().to_string())));
        }
        let has_csv = std::fs::read_dir(path)
            .map(|d| d.flatten().any(|e| e.path().extension().is_some_and(|x| x.eq_ignore_ascii_case("csv"))))
            .unwrap_or(false);
        if has_csv {
            return Err(not(tr!("load-what-csv-directory"), import));
        }
        return Err(not(tr!("load-what-directory"), tr!("load-give-instance-json")));
    }
    let bytes = json::read_bounded(path, limits::MAX_FILE_BYTES)
        .map_err(|source| InputError::Io { path: shown.clone(), source })?
        .map_err(|problems| InputError::Invalid { path: shown.clone(), problems })?;
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    // Zip (xlsx, ods) and OLE2 (xls) containers.
    let container = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if container || matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        return Err(not(tr!("load-what-workbook"), import));
    }
    if ext == "csv" {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
            _ => ".".into(),
        };
        return Err(not(tr!("load-what-csv-file"), tr!("load-import-dir-first", dir = dir)));
    }
    Ok(bytes)
}

/// Reads, validates and builds an instance from JSON text (`name` is used in messages).
pub fn load_instance_text(text: &str, name: &str) -> Result<LoadedInstance, InputError> {
    load_instance_bytes(text.as_bytes(), name)
}

/// [`parse_and_validate`] for the bytes of a file: text that is not UTF-8 is `E004`.
pub fn parse_and_validate_bytes(bytes: &[u8]) -> Result<InstanceFile, Vec<Problem>> {
    parse_and_validate(json::text_of(bytes)?)
}

/// [`parse_and_validate_bytes`] for the file `name`: an upgraded version-1 file is announced
/// once on standard error when the command line asked for it ([`upgrade::announce_upgrades`]).
pub fn parse_and_validate_file(bytes: &[u8], name: &str) -> Result<InstanceFile, Vec<Problem>> {
    parse_validate_upgrade(json::text_of(bytes)?, Some(name))
}

/// Parses instance JSON text and validates it, returning every problem found. A version-1
/// file is upgraded to the current version ([`upgrade`]) before validation.
pub fn parse_and_validate(text: &str) -> Result<InstanceFile, Vec<Problem>> {
    parse_validate_upgrade(text, None)
}

/// Parse, upgrade (announced when `name` is given), validate.
fn parse_validate_upgrade(text: &str, name: Option<&str>) -> Result<InstanceFile, Vec<Problem>> {
    let (file, up) = parse_upgrade_validate(text)?;
    if let (Some(up), Some(name)) = (up, name) {
        upgrade::announce(name, &up);
    }
    Ok(file)
}

/// Parses instance JSON text, upgrades a version-1 file to the current version (before
/// validation, so the problems' positions point into `text`) and validates it: the file and
/// what the upgrade changed (`None` for a current file), or every problem found.
pub fn parse_upgrade_validate(text: &str) -> Result<(InstanceFile, Option<upgrade::Upgrade>), Vec<Problem>> {
    let problems = match validate::parse(text) {
        Ok(mut file) => {
            let up = upgrade::upgrade(&mut file);
            let problems = validate::validate(&file);
            if problems.is_empty() {
                return Ok((file, up));
            }
            problems
        }
        Err(problems) => problems,
    };
    Err(with_positions(text, problems))
}

/// Gives each problem without a line the line and column of its JSON path in `text`.
fn with_positions(text: &str, mut problems: Vec<Problem>) -> Vec<Problem> {
    let wanted: Vec<&str> = problems.iter().filter(|p| p.line.is_none()).map(|p| p.path.as_str()).collect();
    if wanted.is_empty() {
        return problems;
    }
    let positions = jsonpos::positions_of(text, &wanted);
    for p in &mut problems {
        if p.line.is_none() {
            if let Some(&(l, c)) = positions.get(&p.path) {
                p.line = Some(l);
                p.column = Some(c);
            }
        }
    }
    problems
}

/// A plan file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum PlanReadError {
    /// The file could not be read at all.
    #[error("{}", cannot_read_plan(.path, .source))]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a trappa plan: too large, not UTF-8, not JSON, or not of the plan format.
    #[error("{}", not_a_plan(.path, .problems))]
    NotAPlan {
        /// The file.
        path: String,
        /// What is wrong, coded as in `docs/errors.md` (E001, E002, E004–E006, E070), with
        /// the JSON path, line and column.
        problems: Vec<Problem>,
    },
}

fn cannot_read_plan(path: &str, source: &std::io::Error) -> String {
    tr!("load-plan-cannot-read", path = path, error = crate::text::io_reason(source))
}

fn not_a_plan(path: &str, problems: &[Problem]) -> String {
    tr!("load-not-a-plan", path = path, problems = problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))
}

/// Reads a plan.json: at most [`limits::MAX_FILE_BYTES`], UTF-8, nesting and repeated keys
/// checked, then the plan format, each problem coded with its line and column.
pub fn read_plan(path: &Path) -> Result<crate::format::plan::PlanFile, PlanReadError> {
    parse_plan(&read_plan_bytes(path)?, path)
}

/// Reads the bytes of a plan.json, no further than [`limits::MAX_FILE_BYTES`] (a larger file
/// is not a plan: `E070`).
pub fn read_plan_bytes(path: &Path) -> Result<Vec<u8>, PlanReadError> {
    let name = path.display().to_string();
    json::read_bounded(path, limits::MAX_FILE_BYTES)
        .map_err(|source| PlanReadError::Io { path: name.clone(), source })?
        .map_err(|problems| PlanReadError::NotAPlan { path: name, problems })
}

/// Parses the bytes of a plan.json (`path` is used in messages): UTF-8, nesting and repeated
/// keys checked, then the plan format, each problem coded with its line and column.
pub fn parse_plan(bytes: &[u8], path: &Path) -> Result<crate::format::plan::PlanFile, PlanReadError> {
    let not_a_plan = |problems| PlanReadError::NotAPlan { path: path.display().to_string(), problems };
    let text = json::text_of(bytes).map_err(not_a_plan)?;
    json::parse_typed(text).map_err(not_a_plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_written_with_its_code_and_kind_as_text() {
        crate::text::set_thread_lang(Some(crate::text::Lang::En));
        let mut p = validate::problem(ValidationCode::UnknownReference, "participants[0].unit", "unknown unit \"x\"", "use an id");
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"code":"E021","kind":"unknown-reference","path":"participants[0].unit","line":null,"column":null,"message":"unknown unit \"x\"","action":"use an id"}"#
        );
        assert_eq!(p.to_string(), "E021 unknown-reference at participants[0].unit: unknown unit \"x\". use an id");
        (p.line, p.column) = (Some(3), Some(7));
        assert!(serde_json::to_string(&p).unwrap().contains(r#""line":3,"column":7,"#));
        assert_eq!(p.to_string(), "E021 unknown-reference at participants[0].unit (line 3, column 7): unknown unit \"x\". use an id");
    }
}
