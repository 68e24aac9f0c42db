//! File-system primitives every command shares: atomic writes of a file or a whole directory,
//! and the resolution of a plan argument (a plan directory or its `plan.json`). This module
//! imports nothing from the rest of the crate.

use std::fs;
use std::path::{Path, PathBuf};

/// Errors while writing files.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A file system operation failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The target exists and is not a directory trappa wrote.
    #[error("{path} exists and is not a trappa plan directory (no {marker}); choose another --out or remove it")]
    NotOurs {
        /// The directory.
        path: String,
        /// The file that marks trappa's directories.
        marker: String,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> FileError + '_ {
    move |source| FileError::Io { path: path.display().to_string(), source }
}

/// The `plan.json` of a plan argument: the file itself, or the one inside a plan directory.
pub fn plan_json_path(plan: &Path) -> PathBuf {
    if plan.is_dir() {
        plan.join("plan.json")
    } else {
        plan.to_path_buf()
    }
}

/// Writes a file through a temporary sibling and a rename, so a failure never leaves half a file.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = io_err(path);
    let mut tmp = match tempfile::NamedTempFile::new_in(&dir) {
        Ok(t) => t,
        Err(e) => return Err(fail(e)),
    };
    let written = std::io::Write::write_all(&mut tmp, bytes).and_then(|_| tmp.as_file().sync_all()).and_then(|_| {
        // Temporary files are created private (0600); a written file is an ordinary one.
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(fs::Permissions::from_mode(0o644))
    });
    if let Err(e) = written {
        return Err(fail(e));
    }
    tmp.persist(path).map_err(|e| io_err(path)(e.error))?;
    Ok(())
}

/// Writes a directory of files atomically: the files are staged in a hidden sibling and swapped
/// in by one rename (an atomic exchange where the file system has one), so a reader sees the old
/// directory or the new one, never half. `out` must be absent, empty, or hold `marker` (the file
/// that says the directory is one trappa wrote); anything else is refused.
pub fn write_dir_atomic<'a>(out: &Path, files: impl IntoIterator<Item = (&'a str, &'a [u8])>, marker: &str) -> Result<(), FileError> {
    if out.exists() && !(out.is_dir() && (out.join(marker).exists() || is_empty_dir(out))) {
        return Err(FileError::NotOurs { path: out.display().to_string(), marker: marker.to_string() });
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    let base = out.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "plan".into());
    let staging = tempfile::Builder::new().prefix(&format!(".{base}.new-")).tempdir_in(&parent).map_err(io_err(&parent))?;
    for (name, bytes) in files {
        let path = staging.path().join(name);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        fs::write(&path, bytes).map_err(io_err(&path))?;
    }
    let staged = staging.keep();
    // Temporary directories are created private (0700); a plan is meant to be shared.
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&staged, fs::Permissions::from_mode(0o755)).map_err(io_err(&staged))?;
    if !out.exists() {
        return fs::rename(&staged, out).map_err(io_err(out));
    }
    if is_empty_dir(out) {
        fs::remove_dir(out).map_err(io_err(out))?;
        return fs::rename(&staged, out).map_err(io_err(out));
    }
    match rustix::fs::renameat_with(rustix::fs::CWD, &staged, rustix::fs::CWD, out, rustix::fs::RenameFlags::EXCHANGE) {
        Ok(()) => {
            // `staged` now holds the previous plan.
            let _ = fs::remove_dir_all(&staged);
            Ok(())
        }
        Err(_) => {
            // No atomic exchange here: move the old plan aside, then the new one in.
            let old = parent.join(format!(".{base}.old-{}", std::process::id()));
            fs::rename(out, &old).map_err(io_err(out))?;
            if let Err(e) = fs::rename(&staged, out) {
                let _ = fs::rename(&old, out);
                return Err(io_err(out)(e));
            }
            let _ = fs::remove_dir_all(&old);
            Ok(())
        }
    }
}

fn is_empty_dir(p: &Path) -> bool {
    fs::read_dir(p).map(|mut d| d.next().is_none()).unwrap_or(false)
}
