//! `trappa import roster` and `trappa export roster`.

use crate::cli::{note, say, write_file_atomic, CliError};
use crate::roster;
use crate::text::tr;
use std::path::Path;

/// `trappa import roster`: reads, validates and writes the instance (atomically to `out`, or
/// to standard output); notes go to standard error.
pub fn run_import(input: &Path, rules: Option<&Path>, out: Option<&Path>) -> Result<(), CliError> {
    let imported = roster::import(input, rules).map_err(|e| {
        for w in &e.warnings {
            note(&tr!("summary-note", note = w.as_str()));
        }
        CliError::Usage(format!("{}: {e}", input.display()))
    })?;
    for w in &imported.warnings {
        note(&tr!("summary-note", note = w.as_str()));
    }
    if let Some(r) = &imported.rules {
        note(&tr!("import-rules-from", path = r.display().to_string()));
    }
    match out {
        Some(p) => {
            write_file_atomic(p, imported.json.as_bytes())?;
            let i = &imported.instance;
            note(&tr!(
                "import-summary",
                round = i.round.name.as_str(),
                participants = i.participants.len(),
                mentors = i.mentors.len(),
                leaders = i.group_leaders.len(),
                trainers = i.trainers.len(),
                venues = i.venues.len(),
                path = p.display().to_string()
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
    say(&written.iter().map(|p| format!("{}\n", tr!("export-wrote", path = p.display().to_string()))).collect::<String>())
}
