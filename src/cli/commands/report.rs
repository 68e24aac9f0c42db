//! `trappa report`.

use crate::cli::{read_plan, write_file_atomic, CliError};
use crate::format::plan::PlanFile;
use crate::report::html::{self, ReportOptions};
use std::path::{Path, PathBuf};

/// `trappa report PLAN [--out FILE] [--instance FILE] [--cost-split …]`: finds the instance
/// (`--instance`, else `instance.json` in the plan directory, else the plan's `instance.path`),
/// checks its SHA-256 against the plan, renders the page and writes it atomically.
pub fn run(plan: &Path, out: &Path, instance: Option<&Path>, opts: ReportOptions) -> Result<(), CliError> {
    let (plan_path, plan_dir) = if plan.is_dir() {
        (plan.join("plan.json"), plan.to_path_buf())
    } else {
        (plan.to_path_buf(), plan.parent().map(Path::to_path_buf).unwrap_or_default())
    };
    if !plan_path.exists() {
        return Err(CliError::Usage(format!(
            "no plan at {}: give the plan directory written by `trappa solve` or its plan.json",
            plan_path.display()
        )));
    }
    let plan_file = read_plan(&plan_path)?;
    let inst_path = find_instance(&plan_file, &plan_dir, instance)?;
    let bytes = crate::load::read_instance_bytes(&inst_path).map_err(|e| CliError::Usage(e.to_string()))?;
    let sha = crate::load::sha256_hex(&bytes);
    if sha != plan_file.instance.sha256 {
        return Err(CliError::Usage(format!(
            "{} does not belong to the plan {}: its SHA-256 is {sha}, the plan was made for {} ({}). \
             Give the instance the plan was solved from with --instance, or solve again",
            inst_path.display(),
            plan_path.display(),
            plan_file.instance.sha256,
            plan_file.instance.path
        )));
    }
    let file = crate::load::parse_and_validate_bytes(&bytes).map_err(|problems| {
        CliError::Usage(crate::load::InputError::Invalid { path: inst_path.display().to_string(), problems }.to_string())
    })?;
    let model = crate::load::build(&file);
    let html = html::render(&plan_file, &file, &model, opts);
    write_file_atomic(out, html.as_bytes())
}

/// The instance of a plan: `--instance`, else `instance.json` beside the plan, else the path
/// recorded in the plan.
fn find_instance(plan: &PlanFile, plan_dir: &Path, given: Option<&Path>) -> Result<PathBuf, CliError> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    let copy = plan_dir.join(crate::write::INSTANCE_COPY);
    if copy.is_file() {
        return Ok(copy);
    }
    let recorded = PathBuf::from(&plan.instance.path);
    if recorded.is_file() {
        return Ok(recorded);
    }
    Err(CliError::Usage(format!(
        "cannot find the instance of the plan: no {} and no {} (the path recorded in the plan); give it with --instance",
        copy.display(),
        recorded.display()
    )))
}
