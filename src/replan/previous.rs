//! The previous plan of a re-plan, and the history of a round's plans.
//!
//! Before a re-plan builds on a plan, it makes sure the plan is what it claims to be: a trappa
//! plan of this format ([`open`]), made from an instance that is still at hand and unchanged
//! (the plan directory's `instance.json`, whose SHA-256 the plan records), of the same round as
//! the changed instance (round name and first day), valid by the independent checker against
//! that instance, and that `--today` lies within the round ([`verify`]). `trappa diff` refuses
//! plans of two rounds ([`same_round`]). A re-plan never writes over the plan it starts from:
//! by default it goes to a new sibling directory named by the planning date ([`default_out`]),
//! and it records where its predecessor is ([`relative`]), so the chain can be walked back.
//! Every refusal has a code from [`CODES`] (`docs/errors.md`).

use crate::check;
use crate::files;
use crate::format::plan::PlanFile;
use crate::format::InstanceFile;
use crate::load::{self, LoadedInstance, PlanReadError};
use crate::text::tr;
use crate::write::INSTANCE_COPY;
use chrono::NaiveDate;
use std::path::{Component, Path, PathBuf};

/// Codes of refused plans and plan directories: (code, kind, meaning).
pub const CODES: &[(&str, &str, &str)] = &[
    ("P001", "plan-format", "the plan's `format` is not \"trappa-plan\" or its `version` is not 1"),
    ("P002", "no-instance-copy", "the instance the previous plan was made from is not at hand (no instance.json beside its plan.json)"),
    ("P003", "plan-tampered", "the plan directory's instance.json does not have the SHA-256 its plan.json records"),
    ("P004", "plan-invalid", "the independent checker rejects the previous plan against the instance it was made from"),
    ("P005", "other-round", "the plan is of another round (round name or first day) than the instance, or than the other plan"),
    ("P006", "today-outside-round", "--today lies before the round's first day or after its last day"),
    ("P007", "out-is-previous", "replan's --out is the previous plan's directory, or lies inside it"),
    ("P010", "not-a-plan-directory", "--out exists and is not a trappa plan directory (it has no .trappa-plan marker)"),
    ("P011", "foreign-files", "--out is a plan directory holding files trappa did not write, or changed since it wrote them"),
];

/// How many checker violations a refusal quotes.
const QUOTED: usize = 3;

/// A plan refused by `replan` or `diff`, with its code.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{code} {kind}: {message}. {action}")]
pub struct PlanProblem {
    /// Stable code from [`CODES`].
    pub code: &'static str,
    /// Short name of the code.
    pub kind: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub action: String,
}

fn problem(code: &'static str, message: String, action: &str) -> PlanProblem {
    let kind = CODES.iter().find(|c| c.0 == code).map(|c| c.1).unwrap_or("unknown");
    PlanProblem { code, kind, message, action: action.to_string() }
}

/// A plan that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The plan file cannot be read or is not a plan.
    #[error(transparent)]
    Read(#[from] PlanReadError),
    /// The plan was read and is refused.
    #[error(transparent)]
    Problem(#[from] PlanProblem),
}

/// A plan as found on disk.
#[derive(Debug, Clone)]
pub struct PlanOnDisk {
    /// The plan directory (the directory holding `plan.json`).
    pub dir: PathBuf,
    /// The `plan.json`.
    pub json_path: PathBuf,
    /// SHA-256 of the `plan.json` bytes.
    pub sha256: String,
    /// The plan.
    pub plan: PlanFile,
}

/// Reads a plan argument (a plan directory or its `plan.json`) and checks its format and version.
pub fn open(path: &Path) -> Result<PlanOnDisk, PlanError> {
    let json_path = files::plan_json_path(path);
    let shown = json_path.display().to_string();
    let bytes = load::read_plan_bytes(&json_path)?;
    let plan = load::parse_plan(&bytes, &json_path)?;
    if plan.format != "trappa-plan" || plan.version != 1 {
        return Err(problem(
            "P001",
            tr!("plan-p001", path = shown.as_str(), format = plan.format.as_str(), version = plan.version.to_string()),
            &tr!("plan-p001-hint"),
        )
        .into());
    }
    Ok(PlanOnDisk { dir: files::plan_dir_path(path), json_path, sha256: load::sha256_hex(&bytes), plan })
}

/// Verifies that `prev` can be re-planned into the changed instance on `today`: its instance
/// is at hand and unchanged (P002, P003), of the same round (P005), `today` lies within the
/// round (P006), and the checker accepts the plan against its instance (P004).
pub fn verify(prev: &PlanOnDisk, changed: &LoadedInstance, today: NaiveDate) -> Result<(), PlanProblem> {
    let made_from = made_from(prev, changed)?;
    let (was, is) = (&made_from.round, &changed.file.round);
    if was.name != is.name || was.start != is.start || prev.plan.instance.round != is.name {
        return Err(problem(
            "P005",
            tr!(
                "plan-p005-instance",
                path = prev.json_path.display().to_string(),
                round = prev.plan.instance.round.as_str(),
                start = was.start.to_string(),
                other = is.name.as_str(),
                other_start = is.start.to_string()
            ),
            &tr!("plan-p005-instance-hint"),
        ));
    }
    if today < is.start || today > is.end {
        return Err(problem(
            "P006",
            tr!("plan-p006", today = today.to_string(), round = is.name.as_str(), start = is.start.to_string(), end = is.end.to_string()),
            &tr!("plan-p006-hint"),
        ));
    }
    let report = check::check(&made_from, &prev.plan.instance.sha256, &prev.plan);
    if !report.is_valid() {
        let n = report.violations.len();
        let quoted: Vec<String> = report.violations.iter().take(QUOTED).map(|v| v.to_string()).collect();
        let more = if n > QUOTED { tr!("plan-p004-more", n = n - QUOTED) } else { String::new() };
        return Err(problem(
            "P004",
            tr!("plan-p004", path = prev.json_path.display().to_string(), n = n, quoted = quoted.join("; "), more = more),
            &tr!("plan-p004-hint"),
        ));
    }
    Ok(())
}

/// The instance a plan was made from: the plan directory's `instance.json` (refused when its
/// SHA-256 is not the plan's), else the changed instance if it is that very file.
fn made_from(prev: &PlanOnDisk, changed: &LoadedInstance) -> Result<InstanceFile, PlanProblem> {
    let copy = prev.dir.join(INSTANCE_COPY);
    let recorded = &prev.plan.instance.sha256;
    let Ok(read) = load::json::read_bounded(&copy, load::limits::MAX_FILE_BYTES) else {
        if &changed.sha256 == recorded {
            return Ok(changed.file.clone());
        }
        return Err(problem(
            "P002",
            tr!("plan-p002", copy = copy.display().to_string(), path = prev.json_path.display().to_string()),
            &tr!("plan-p002-hint"),
        ));
    };
    let Ok(bytes) = read else {
        return Err(problem(
            "P003",
            tr!("plan-p003-size", copy = copy.display().to_string(), path = prev.json_path.display().to_string()),
            &tr!("plan-p003-hint"),
        ));
    };
    let sha = load::sha256_hex(&bytes);
    if &sha != recorded {
        return Err(problem(
            "P003",
            tr!(
                "plan-p003-sha",
                copy = copy.display().to_string(),
                sha = sha.as_str(),
                path = prev.json_path.display().to_string(),
                recorded = recorded.as_str()
            ),
            &tr!("plan-p003-hint"),
        ));
    }
    load::parse_and_validate_bytes(&bytes).map_err(|problems| {
        problem(
            "P004",
            tr!(
                "plan-p004-instance",
                copy = copy.display().to_string(),
                n = problems.len(),
                first = problems.first().map(|p| p.to_string()).unwrap_or_default()
            ),
            &tr!("plan-p004-instance-hint"),
        )
    })
}

/// The round name and first day of a plan: the name from the plan, the first day from the
/// plan directory's `instance.json` when it is there and unchanged.
fn round_of(p: &PlanOnDisk) -> (String, Option<NaiveDate>) {
    let start = load::json::read_bounded(&p.dir.join(INSTANCE_COPY), load::limits::MAX_FILE_BYTES)
        .ok()
        .and_then(Result::ok)
        .filter(|b| load::sha256_hex(b) == p.plan.instance.sha256)
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v.get("round")?.get("start")?.as_str()?.parse::<NaiveDate>().ok());
    (p.plan.instance.round.clone(), start)
}

/// The instance a plan was made from, read from the copy in its directory when that copy is
/// unchanged (its SHA-256 is the one the plan records) and valid; `None` otherwise. Used for
/// names, so a missing copy costs names, not the command.
pub fn instance_copy(p: &PlanOnDisk) -> Option<InstanceFile> {
    let bytes = std::fs::read(p.dir.join(INSTANCE_COPY)).ok()?;
    if load::sha256_hex(&bytes) != p.plan.instance.sha256 {
        return None;
    }
    load::parse_and_validate(std::str::from_utf8(&bytes).ok()?).ok()
}

/// Refuses two plans of different rounds (P005): names differ, or both first days are known
/// and differ.
pub fn same_round(a: &PlanOnDisk, b: &PlanOnDisk) -> Result<(), PlanProblem> {
    let ((na, sa), (nb, sb)) = (round_of(a), round_of(b));
    let starts_differ = matches!((sa, sb), (Some(x), Some(y)) if x != y);
    if na == nb && !starts_differ {
        return Ok(());
    }
    let show = |n: &str, s: Option<NaiveDate>| match s {
        Some(s) => tr!("plan-round-starting", round = n, start = s.to_string()),
        None => tr!("plan-round", round = n),
    };
    Err(problem(
        "P005",
        tr!(
            "plan-p005-plans",
            a = a.json_path.display().to_string(),
            round_a = show(&na, sa),
            b = b.json_path.display().to_string(),
            round_b = show(&nb, sb)
        ),
        &tr!("plan-p005-plans-hint"),
    ))
}

/// Refuses an `--out` that is the previous plan's directory or lies inside it (P007): a
/// re-plan never writes over or into the plan it starts from.
pub fn check_out(out: &Path, previous_dir: &Path) -> Result<(), PlanProblem> {
    let (o, p) = (files::resolved(out), files::resolved(previous_dir));
    if o.starts_with(&p) {
        return Err(problem(
            "P007",
            tr!("plan-p007", out = out.display().to_string(), previous = previous_dir.display().to_string()),
            &tr!("plan-p007-hint"),
        ));
    }
    Ok(())
}

/// Where a re-plan goes by default: a new directory beside the previous plan, named after it
/// and the planning date — `plan` → `plan-2027-03-01`; a dated name is not dated twice
/// (`plan-2027-03-01` → `plan-2027-04-01`); `-2`, `-3` … are added while the name is taken.
pub fn default_out(previous_dir: &Path, today: NaiveDate) -> PathBuf {
    let (parent, name) = match previous_dir.file_name() {
        Some(n) => (previous_dir.parent().map(Path::to_path_buf).unwrap_or_default(), n.to_string_lossy().to_string()),
        None => {
            let abs = files::resolved(previous_dir);
            let name = abs.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "plan".into());
            (abs.parent().map(Path::to_path_buf).unwrap_or_default(), name)
        }
    };
    let stem = undated(&name);
    let free = |p: &PathBuf| !p.exists() && !p.is_symlink();
    std::iter::once(parent.join(format!("{stem}-{today}")))
        .chain((2u32..).map(|n| parent.join(format!("{stem}-{today}-{n}"))))
        .find(free)
        .unwrap_or_else(|| parent.join(format!("{stem}-{today}")))
}

/// A directory name without a trailing `-YYYY-MM-DD` or `-YYYY-MM-DD-N`.
fn undated(name: &str) -> &str {
    let strip_date = |s: &str| -> Option<usize> {
        let cut = s.len().checked_sub(11)?;
        let tail = s.get(cut..)?;
        (cut > 0 && tail.starts_with('-') && NaiveDate::parse_from_str(&tail[1..], "%Y-%m-%d").is_ok()).then_some(cut)
    };
    if let Some(cut) = strip_date(name) {
        return &name[..cut];
    }
    if let Some((head, n)) = name.rsplit_once('-') {
        if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(cut) = strip_date(head) {
                return &name[..cut];
            }
        }
    }
    name
}

/// The path of `target` seen from directory `from`, e.g. `../plan` for two siblings; absolute
/// when they share nothing but the root.
pub fn relative(from: &Path, target: &Path) -> String {
    let (from, target) = (files::resolved(from), files::resolved(target));
    let (f, t): (Vec<Component>, Vec<Component>) = (from.components().collect(), target.components().collect());
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    if common <= 1 {
        return target.display().to_string();
    }
    let mut rel = PathBuf::new();
    for _ in common..f.len() {
        rel.push("..");
    }
    for c in &t[common..] {
        rel.push(c);
    }
    if rel.as_os_str().is_empty() {
        ".".into()
    } else {
        rel.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_names_are_not_dated_twice() {
        assert_eq!(undated("plan"), "plan");
        assert_eq!(undated("plan-2027-03-01"), "plan");
        assert_eq!(undated("plan-2027-03-01-3"), "plan");
        assert_eq!(undated("plan-3"), "plan-3");
        assert_eq!(undated("2027-03-01"), "2027-03-01");
        assert_eq!(undated("omgång-vår-2027-13-01"), "omgång-vår-2027-13-01");
        assert_eq!(undated("plan-åäö-2027-03-01"), "plan-åäö");
    }

    #[test]
    fn default_out_is_a_free_sibling() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let prev = dir.path().join("plan");
        assert_eq!(default_out(&prev, today), dir.path().join("plan-2027-03-01"));
        std::fs::create_dir(dir.path().join("plan-2027-03-01")).unwrap();
        assert_eq!(default_out(&prev, today), dir.path().join("plan-2027-03-01-2"));
        assert_eq!(default_out(&dir.path().join("plan-2027-03-01"), today), dir.path().join("plan-2027-03-01-2"));
        assert_eq!(default_out(Path::new("plan"), today), Path::new("plan-2027-03-01"));
    }

    #[test]
    fn relative_paths_walk_up_to_the_common_directory() {
        let dir = tempfile::tempdir().unwrap();
        let root = files::resolved(dir.path());
        assert_eq!(relative(&root.join("b"), &root.join("a")), "../a");
        assert_eq!(relative(&root.join("x/y"), &root.join("a")), "../../a");
        assert_eq!(relative(Path::new("/"), &root), root.display().to_string());
    }
}
