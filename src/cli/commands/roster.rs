//! `trappa import roster` and `trappa export roster`.

use crate::cli::{note, say, write_file_atomic, CliError};
use crate::roster;
use std::path::Path;

/// `trappa import roster`: reads, validates and writes the instance (atomically to `out`, or
/// to standard output); notes go to standard error.
pub fn run_import(input: &Path, rules: Option<&Path>, out: Option<&Path>) -> Result<(), CliError> {
    let imported = roster::import(input, rules).map_err(|e| {
        for w in &e.warnings {
            note(&format!("note: {w}"));
        }
        CliError::Usage(format!("{}: {e}", input.display()))
    })?;
    for w in &imported.warnings {
        note(&format!("note: {w}"));
    }
    if let Some(r) = &imported.rules {
        note(&format!("rules from {}", r.display()));
    }
    match out {
        Some(p) => {
            write_file_atomic(p, imported.json.as_bytes())?;
            let i = &imported.instance;
            note(&format!(
                "{}: {} participants, {} mentors, {} group leaders, {} trainers, {} venues → {}",
                i.round.name,
                i.participants.len(),
                i.mentors.len(),
                i.group_leaders.len(),
                i.trainers.len(),
                i.venues.len(),
                p.display()
            ));
            Ok(())
        }
        None => say(&imported.json),
    }
}

/// `trappa export roster`: reads and validates the instance, writes the workbook or CSV files
/// and the rules file.
pub fn run_export(instance: &Path, out: &Path, rules_out: Option<&Path>) -> Result<(), CliError> {
    let loaded = crate::load::read_instance(instance).map_err(|e| CliError::Usage(e.to_string()))?;
    let written = roster::export(&loaded.file, out, rules_out)
        .map_err(|e| CliError::Usage(format!("{}: {e}; nothing useful was written", instance.display())))?;
    say(&written.iter().map(|p| format!("wrote {}\n", p.display())).collect::<String>())
}
