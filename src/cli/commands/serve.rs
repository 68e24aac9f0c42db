//! `trappa serve`.

use crate::cli::CliError;
use crate::serve::{self, ServeOptions};
use crate::text::tr;
use std::path::{Path, PathBuf};

/// `trappa serve [--data DIR] [--addr HOST:PORT] [--password P | --password-file F]`: reads
/// the options, then serves until the process is stopped.
pub fn run(data: PathBuf, addr: &str, password: Option<String>, password_file: Option<&Path>) -> Result<(), CliError> {
    let addr = addr.parse().map_err(|_| CliError::Usage(tr!("serve-bad-addr", addr = addr)))?;
    let password = match password_file {
        Some(f) => {
            let text = std::fs::read_to_string(f).map_err(|e| CliError::Usage(format!("{}: {e}", f.display())))?;
            Some(text.lines().next().unwrap_or("").to_string())
        }
        None => password,
    };
    serve::run(ServeOptions { data, addr, password }).map_err(|e| CliError::Usage(e.to_string()))
}
