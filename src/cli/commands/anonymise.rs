//! `trappa anonymise`.

use crate::cli::{note, say, write_file_atomic, CliError};
use std::path::Path;

/// `trappa anonymise`: reads and validates the instance, writes the pseudonymised copy
/// (atomically to `out`, or to standard output). Without a key a random one is drawn, so the
/// output cannot be linked to the original even by someone who has it.
pub fn run(instance: &Path, out: Option<&Path>, key: Option<&str>) -> Result<(), CliError> {
    let loaded = crate::load::read_instance(instance).map_err(|e| CliError::Usage(e.to_string()))?;
    let key: Vec<u8> = match key {
        Some("") => return Err(CliError::Usage("--key must not be empty; give a secret, or leave --key out for a random one".into())),
        Some(k) => k.as_bytes().to_vec(),
        None => {
            use rand::RngCore;
            note("note: no --key given; a random key was used (give --key SECRET for the same pseudonyms on every run)");
            let mut k = vec![0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut k);
            k
        }
    };
    let anon = crate::anonymise::anonymise(&loaded.file, &key);
    let mut text = serde_json::to_string_pretty(&anon).map_err(|e| CliError::Usage(e.to_string()))?;
    text.push('\n');
    // The copy must still be a valid instance: check before writing.
    crate::load::parse_and_validate(&text).map_err(|problems| {
        CliError::Usage(format!(
            "the pseudonymised copy does not validate ({} problem(s), first: {}); nothing was written",
            problems.len(),
            problems.first().map(|p| p.to_string()).unwrap_or_default()
        ))
    })?;
    match out {
        Some(p) => write_file_atomic(p, text.as_bytes()),
        None => say(&text),
    }
}
