//! File-system primitives every command shares: atomic writes of a file or a whole directory,
//! the marker that says a directory is one trappa wrote, and the resolution of a plan argument
//! (a plan directory or its `plan.json`). This module imports only the message catalogue
//! ([`crate::text`], the other ground-floor module) for its error texts.
//!
//! **A directory is trappa's only if its marker says so.** [`write_dir_atomic`] writes a marker
//! file into every directory it writes, listing each file with its SHA-256. It replaces a
//! directory only when the directory is absent, empty, or marked and holding nothing but the
//! files the marker lists, unchanged: a directory that merely holds a `plan.json`, or a plan
//! into which someone put a file of their own (or edited one), is refused with the files
//! named, and nothing is deleted.
//!
//! **Leftovers of a killed run are cleaned.** Staging directories are named
//! `.NAME.new-PID-…` (and `.NAME.old-PID` where the file system cannot exchange two
//! directories); the next write into the same parent removes those whose process is gone,
//! and only if they hold trappa's marker (or nothing at all).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::text::{self, tr};

/// How many foreign files a refusal names before it counts the rest.
const LISTED: usize = 8;

/// Errors while writing files. Their text comes from the message catalogue ([`crate::text`],
/// the other ground-floor module).
#[derive(Debug)]
pub enum FileError {
    /// A file system operation failed.
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The target exists and is not a directory trappa wrote.
    NotOurs {
        /// The directory.
        path: String,
        /// The file that marks trappa's directories.
        marker: String,
    },
    /// The target is trappa's, but holds files trappa did not write or that were changed since.
    Foreign {
        /// The directory.
        path: String,
        /// The foreign or changed entries, relative to the directory.
        files: Vec<String>,
    },
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            FileError::Io { path, source } => tr!("files-io", path = path.as_str(), reason = text::io_reason(source)),
            FileError::NotOurs { path, marker } => tr!("files-p010", path = path.as_str(), marker = marker.as_str()),
            FileError::Foreign { path, files } => {
                tr!("files-p011", path = path.as_str(), n = files.len(), files = list(files))
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FileError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn list(files: &[String]) -> String {
    let text = files.iter().take(LISTED).cloned().collect::<Vec<_>>().join(", ");
    if files.len() > LISTED {
        return tr!("files-and-more", list = text, n = files.len() - LISTED);
    }
    text
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> FileError + '_ {
    move |source| FileError::Io { path: path.display().to_string(), source }
}

/// SHA-256 of bytes as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(bytes))
}

/// The `plan.json` of a plan argument: the file itself, or the one inside a plan directory.
pub fn plan_json_path(plan: &Path) -> PathBuf {
    if plan.is_dir() {
        plan.join("plan.json")
    } else {
        plan.to_path_buf()
    }
}

/// The directory a plan argument stands for: the directory itself, or the one holding the
/// given `plan.json` (`.` for a bare file name).
pub fn plan_dir_path(plan: &Path) -> PathBuf {
    if plan.is_dir() {
        return plan.to_path_buf();
    }
    match plan.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A path made absolute and free of `.`, `..` and links as far as it exists; the part that
/// does not exist yet is appended as given. Two spellings of one directory compare equal.
pub fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = fs::canonicalize(path) {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
            resolved(parent).join(name)
        }
        _ => std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf()),
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

/// The marker [`write_dir_atomic`] writes into a directory: its file name and what it says
/// about the directory (a JSON object; the list of files is added under `files`).
#[derive(Debug, Clone)]
pub struct Marker<'a> {
    /// File name of the marker inside the directory, e.g. `.trappa-plan`.
    pub name: &'a str,
    /// What the marker says besides the files, e.g. format, version and round.
    pub about: serde_json::Map<String, serde_json::Value>,
}

/// The files a marker lists, relative path → SHA-256; `None` when `dir` has no readable marker.
pub fn marked_files(dir: &Path, marker: &str) -> Option<BTreeMap<String, String>> {
    let text = fs::read(dir.join(marker)).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&text).ok()?;
    value.get("files")?.as_object()?.iter().map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect()
}

/// Writes a directory of files atomically: the files are staged in a hidden sibling and swapped
/// in by one rename (an atomic exchange where the file system has one), so a reader sees the old
/// directory or the new one, never half. The marker is written into the staging directory
/// first. `out` must be absent, empty, or marked by `marker.name` and hold nothing but the
/// files its marker lists, unchanged; anything else is refused and nothing is deleted.
pub fn write_dir_atomic<'a>(out: &Path, files: impl IntoIterator<Item = (&'a str, &'a [u8])>, marker: &Marker) -> Result<(), FileError> {
    check_replaceable(out, marker.name)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    let base = out.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "plan".into());
    remove_stale_staging(&parent, &base, out, marker.name);
    let files: Vec<(&str, &[u8])> = files.into_iter().collect();
    let mut about = marker.about.clone();
    let listed: serde_json::Map<String, serde_json::Value> = files.iter().map(|(n, b)| (n.to_string(), sha256_hex(b).into())).collect();
    about.insert("files".into(), listed.into());
    let mut marker_bytes = serde_json::to_vec_pretty(&about).map_err(|e| io_err(out)(std::io::Error::other(e)))?;
    marker_bytes.push(b'\n');

    let pid = std::process::id();
    let staging = tempfile::Builder::new().prefix(&format!(".{base}.new-{pid}-")).tempdir_in(&parent).map_err(io_err(&parent))?;
    // Atomically, so a staging directory killed at any moment holds either no marker (only the
    // writer's temporary file) or a whole one, and is recognised and cleaned by a later run.
    write_file_atomic(&staging.path().join(marker.name), &marker_bytes)?;
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
    swap_in(&staged, out, &parent.join(format!(".{base}.old-{pid}")))
}

/// Refuses an `out` that [`write_dir_atomic`] would refuse: one that exists and is not an
/// empty directory or a directory marked by `marker` holding nothing but the files its marker
/// lists, unchanged. Commands call it before their long work too, so a refusal comes at once.
pub fn check_replaceable(out: &Path, marker: &str) -> Result<(), FileError> {
    if !out.exists() && !out.is_symlink() {
        return Ok(());
    }
    let replaceable = out.is_dir() && !out.is_symlink() && (is_empty_dir(out) || marked_files(out, marker).is_some());
    if !replaceable {
        return Err(FileError::NotOurs { path: out.display().to_string(), marker: marker.to_string() });
    }
    let foreign = foreign_entries(out, marker).map_err(io_err(out))?;
    if !foreign.is_empty() {
        return Err(FileError::Foreign { path: out.display().to_string(), files: foreign });
    }
    Ok(())
}

/// Puts the staged directory at `out`, replacing what is there (already checked to be ours).
fn swap_in(staged: &Path, out: &Path, old: &Path) -> Result<(), FileError> {
    if !out.exists() {
        return fs::rename(staged, out).map_err(io_err(out));
    }
    if is_empty_dir(out) {
        fs::remove_dir(out).map_err(io_err(out))?;
        return fs::rename(staged, out).map_err(io_err(out));
    }
    match rustix::fs::renameat_with(rustix::fs::CWD, staged, rustix::fs::CWD, out, rustix::fs::RenameFlags::EXCHANGE) {
        Ok(()) => {
            // `staged` now holds the previous plan.
            remove_marked_dir(staged);
            Ok(())
        }
        Err(_) => {
            // No atomic exchange here: move the old plan aside, then the new one in.
            fs::rename(out, old).map_err(io_err(out))?;
            if let Err(e) = fs::rename(staged, out) {
                let _ = fs::rename(old, out);
                return Err(io_err(out)(e));
            }
            remove_marked_dir(old);
            Ok(())
        }
    }
}

/// Entries of a marked directory that its marker does not account for: files it does not list
/// or whose content changed, links, and directories holding no listed file (relative paths,
/// sorted). The marker itself is trappa's.
fn foreign_entries(dir: &Path, marker: &str) -> std::io::Result<Vec<String>> {
    let listed = marked_files(dir, marker).unwrap_or_default();
    let mut found = vec![];
    walk(dir, "", &mut found)?;
    let mut foreign = vec![];
    for (rel, kind) in found {
        let ours = match kind {
            EntryKind::File => {
                rel == marker
                    || listed.get(&rel).is_some_and(|sha| fs::read(dir.join(&rel)).map(|b| &sha256_hex(&b) == sha).unwrap_or(false))
            }
            EntryKind::Dir => listed.keys().any(|f| f.starts_with(&format!("{rel}/"))),
            EntryKind::Other => false,
        };
        if !ours {
            foreign.push(if kind == EntryKind::Dir { format!("{rel}/") } else { rel });
        }
    }
    Ok(foreign)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    File,
    Dir,
    Other,
}

/// Every entry below `dir`, with its path relative to the walk's root (`/`-separated).
fn walk(dir: &Path, prefix: &str, found: &mut Vec<(String, EntryKind)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let rel = format!("{prefix}{}", e.file_name().to_string_lossy());
        let kind = e.file_type()?;
        if kind.is_dir() {
            found.push((rel.clone(), EntryKind::Dir));
            walk(&e.path(), &format!("{rel}/"), found)?;
        } else if kind.is_file() {
            found.push((rel, EntryKind::File));
        } else {
            found.push((rel, EntryKind::Other));
        }
    }
    Ok(())
}

/// Removes staging directories of `base` in `parent` left by a killed run: named
/// `.BASE.new-PID-…` (or `.BASE.old-PID`, only once `out` is in place again), of a process
/// that is gone, holding `marker` or nothing. Anything else is left alone; failures are ignored
/// (the leftover stays, the write goes on).
fn remove_stale_staging(parent: &Path, base: &str, out: &Path, marker: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let new_prefix = format!(".{base}.new-");
    let old_prefix = format!(".{base}.old-");
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let pid = if let Some(rest) = name.strip_prefix(&new_prefix) {
            rest.split_once('-').and_then(|(pid, _)| pid.parse::<u32>().ok())
        } else if let Some(rest) = name.strip_prefix(&old_prefix) {
            // The old plan set aside: it is the only copy until the new one is in place.
            rest.parse::<u32>().ok().filter(|_| out.is_dir())
        } else {
            None
        };
        let Some(pid) = pid else { continue };
        let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
        let path = e.path();
        if is_dir && pid != std::process::id() && !process_alive(pid) && (only_temporaries(&path) || marked_files(&path, marker).is_some())
        {
            // Marker last: a run killed while cleaning leaves a directory the next run still
            // recognises.
            remove_marked_dir(&path);
        }
    }
}

/// Whether a process runs (where `/proc` cannot tell, it is assumed to run: keep its files).
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Removes a replaced plan directory with its marker last, so that a run killed half way
/// leaves a directory that still carries its marker, which the next run recognises and cleans.
fn remove_marked_dir(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        let mut last = Vec::new();
        for e in entries.flatten() {
            let p = e.path();
            // Hidden files (the marker among them) go last.
            if e.file_type().is_ok_and(|t| t.is_file()) && e.file_name().to_string_lossy().starts_with('.') {
                last.push(p);
            } else if e.file_type().is_ok_and(|t| t.is_dir()) {
                let _ = fs::remove_dir_all(&p);
            } else {
                let _ = fs::remove_file(&p);
            }
        }
        for p in last {
            let _ = fs::remove_file(&p);
        }
    }
    let _ = fs::remove_dir_all(dir);
}

/// A directory that is empty or holds nothing but temporary files of [`write_file_atomic`]
/// (a staging directory killed before its marker was in place).
fn only_temporaries(p: &Path) -> bool {
    fs::read_dir(p)
        .map(|d| d.flatten().all(|e| e.file_type().is_ok_and(|t| t.is_file()) && e.file_name().to_string_lossy().starts_with(".tmp")))
        .unwrap_or(false)
}

fn is_empty_dir(p: &Path) -> bool {
    fs::read_dir(p).map(|mut d| d.next().is_none()).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker() -> Marker<'static> {
        let mut about = serde_json::Map::new();
        about.insert("format".into(), "test-directory".into());
        Marker { name: ".marker", about }
    }

    #[test]
    fn a_marked_directory_is_replaced_whole_and_lists_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("d");
        write_dir_atomic(&out, [("a.txt", &b"one"[..]), ("sub/b.txt", &b"two"[..])], &marker()).unwrap();
        let listed = marked_files(&out, ".marker").unwrap();
        assert_eq!(listed.keys().collect::<Vec<_>>(), ["a.txt", "sub/b.txt"]);
        assert_eq!(listed["a.txt"], sha256_hex(b"one"));
        write_dir_atomic(&out, [("c.txt", &b"three"[..])], &marker()).unwrap();
        assert!(!out.join("a.txt").exists() && !out.join("sub").exists());
        assert_eq!(fs::read_to_string(out.join("c.txt")).unwrap(), "three");
    }

    #[test]
    fn foreign_and_changed_files_are_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("d");
        write_dir_atomic(&out, [("a.txt", &b"one"[..]), ("sub/b.txt", &b"two"[..])], &marker()).unwrap();
        fs::write(out.join("mine.docx"), "thesis").unwrap();
        fs::write(out.join("a.txt"), "edited").unwrap();
        fs::create_dir(out.join("empty")).unwrap();
        let err = write_dir_atomic(&out, [("c.txt", &b"three"[..])], &marker()).unwrap_err();
        match &err {
            FileError::Foreign { files, .. } => assert_eq!(files, &["a.txt", "empty/", "mine.docx"]),
            other => panic!("{other}"),
        }
        assert!(err.to_string().contains("P011"), "{err}");
        assert_eq!(fs::read_to_string(out.join("mine.docx")).unwrap(), "thesis");
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "edited");
    }

    #[test]
    fn stale_staging_of_a_dead_process_is_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("d");
        // pid_max is at most 2^22 on Linux: this process cannot run.
        let dead = dir.path().join(".d.new-99999999-abc");
        write_dir_atomic(&dead, [("a.txt", &b"one"[..])], &marker()).unwrap();
        let unmarked = dir.path().join(".d.new-99999999-xyz");
        fs::create_dir(&unmarked).unwrap();
        fs::write(unmarked.join("keep.txt"), "not trappa's").unwrap();
        let alive = dir.path().join(format!(".d.new-{}-def", std::process::id()));
        fs::create_dir(&alive).unwrap();
        let other = dir.path().join(".e.new-99999999-abc");
        fs::create_dir(&other).unwrap();
        write_dir_atomic(&out, [("a.txt", &b"one"[..])], &marker()).unwrap();
        assert!(!dead.exists());
        assert!(unmarked.join("keep.txt").exists() && alive.exists() && other.exists());
    }
}
