//! Reading and writing: file formats, validation, plan output and benchmark adapters.
//!
//! Reading is parse → validate → build: [`read_instance`] returns either a validated
//! [`crate::model::Instance`] or every problem found, each with a stable code.

pub mod adapters;
pub mod json;
pub mod jsonpos;
pub mod limits;
pub mod mdgplib;
pub mod validate;
pub mod validate_pins;

use crate::format::InstanceFile;
use crate::model::Instance;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt;
use std::path::Path;

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Stable code, listed in `docs/errors.md`, e.g. `E021`.
    pub code: &'static str,
    /// Short name of the code, e.g. `unknown-reference`.
    pub kind: &'static str,
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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.kind)?;
        if !self.path.is_empty() {
            write!(f, " at {}", self.path)?;
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, " (line {l}, column {c})")?,
            (Some(l), None) => write!(f, " (line {l})")?,
            _ => {}
        }
        write!(f, ": {}. {}", self.message, self.action)
    }
}

/// Errors while reading input files.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be read at all.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file was read but has problems; all of them are listed.
    #[error("{path}: {} problem(s):\n{}", problems.len(), problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// The file.
        path: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

impl InputError {
    /// The problems, if the file was readable.
    pub fn problems(&self) -> &[Problem] {
        match self {
            InputError::Io { .. } => &[],
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
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    out
}

/// Reads, validates and builds an instance from a file. The file is read no further than
/// [`limits::MAX_FILE_BYTES`]; every problem (encoding, structure, syntax, types, rules, size
/// limits) comes back coded, with a position.
pub fn read_instance(path: &Path) -> Result<LoadedInstance, InputError> {
    let name = path.display().to_string();
    let bytes = json::read_bounded(path, limits::MAX_FILE_BYTES)
        .map_err(|source| InputError::Io { path: name.clone(), source })?
        .map_err(|problems| InputError::Invalid { path: name.clone(), problems })?;
    load_instance_bytes(&bytes, &name)
}

/// Reads, validates and builds an instance from the bytes of a file (`name` is used in
/// messages): UTF-8 text, then [`parse_and_validate`], then the model and its size limits
/// ([`limits::check_model`]).
pub fn load_instance_bytes(bytes: &[u8], name: &str) -> Result<LoadedInstance, InputError> {
    let invalid = |problems: Vec<Problem>| InputError::Invalid { path: name.to_string(), problems };
    let text = json::text_of(bytes).map_err(invalid)?;
    let file = parse_and_validate(text).map_err(invalid)?;
    let model = Instance::build(&file);
    let problems = limits::check_model(&model);
    if !problems.is_empty() {
        return Err(invalid(with_positions(text, problems)));
    }
    Ok(LoadedInstance { file, model, sha256: sha256_hex(bytes) })
}

/// Reads, validates and builds an instance from JSON text (`name` is used in messages).
pub fn load_instance_text(text: &str, name: &str) -> Result<LoadedInstance, InputError> {
    load_instance_bytes(text.as_bytes(), name)
}

/// [`parse_and_validate`] for the bytes of a file: text that is not UTF-8 is `E004`.
pub fn parse_and_validate_bytes(bytes: &[u8]) -> Result<InstanceFile, Vec<Problem>> {
    parse_and_validate(json::text_of(bytes)?)
}

/// Parses instance JSON text and validates it, returning every problem found.
pub fn parse_and_validate(text: &str) -> Result<InstanceFile, Vec<Problem>> {
    let problems = match validate::parse(text) {
        Ok(file) => {
            let problems = validate::validate(&file);
            if problems.is_empty() {
                return Ok(file);
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
    #[error("cannot read plan {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a trappa plan: too large, not UTF-8, not JSON, or not of the plan format.
    #[error("{path}: not a trappa plan: {}. Give the plan directory written by `trappa solve` or its plan.json", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    NotAPlan {
        /// The file.
        path: String,
        /// What is wrong, coded as in `docs/errors.md` (E001, E002, E004–E006, E070), with
        /// the JSON path, line and column.
        problems: Vec<Problem>,
    },
}

/// Reads a plan.json: at most [`limits::MAX_FILE_BYTES`], UTF-8, nesting and repeated keys
/// checked, then the plan format, each problem coded with its line and column.
pub fn read_plan(path: &Path) -> Result<crate::format::plan::PlanFile, PlanReadError> {
    let name = path.display().to_string();
    let not_a_plan = |problems| PlanReadError::NotAPlan { path: name.clone(), problems };
    let bytes = json::read_bounded(path, limits::MAX_FILE_BYTES)
        .map_err(|source| PlanReadError::Io { path: name.clone(), source })?
        .map_err(not_a_plan)?;
    let text = json::text_of(&bytes).map_err(not_a_plan)?;
    json::parse_typed(text).map_err(not_a_plan)
}
