//! `trappa replan` and `trappa diff`.

use crate::cli::{input_error, say, CliError};
use crate::diff;
use crate::load;
use crate::replan::previous::{self, PlanOnDisk};
use crate::replan::{self, ChangeWeights, ReplanParams};
use crate::text::tr;
use crate::write;
use chrono::NaiveDate;
use std::fmt::Write;
use std::path::Path;

fn parse_date(what: &str, s: &str) -> Result<NaiveDate, CliError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| CliError::Usage(format!("{what} \"{s}\" is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01")))
}

fn usage(e: impl std::fmt::Display) -> CliError {
    CliError::Usage(e.to_string())
}

fn open_plan(path: &Path) -> Result<PlanOnDisk, CliError> {
    previous::open(path).map_err(usage)
}

/// Runs `trappa replan`. Without `out` the plan goes to a new directory beside the previous
/// one ([`previous::default_out`]); the previous plan is verified first and never replaced.
pub fn run_replan(
    instance: &Path,
    previous: &Path,
    today: &str,
    out: Option<&Path>,
    seed: u64,
    weights: &str,
    quiet: bool,
) -> Result<(), CliError> {
    let today = parse_date("--today", today)?;
    let weights = ChangeWeights::parse(weights).map_err(CliError::Usage)?;
    let prev_dir = crate::files::plan_dir_path(previous);
    let out = out.map(Path::to_path_buf).unwrap_or_else(|| previous::default_out(&prev_dir, today));
    previous::check_out(&out, &prev_dir).map_err(usage)?;
    write::check_plan_dir(&out).map_err(usage)?;
    // When the plan is made (the calendars' DTSTAMP): a bad SOURCE_DATE_EPOCH is refused first.
    let created = write::plan::creation_time().map_err(usage)?;
    let prev = open_plan(previous)?;
    // Read once: the new plan's SHA-256 and its instance.json copy are of the bytes planned.
    let bytes = load::read_instance_bytes(instance).map_err(input_error)?;
    let loaded = load::load_instance_bytes(&bytes, &instance.display().to_string()).map_err(input_error)?;
    previous::verify(&prev, &loaded, today).map_err(usage)?;
    let stop = crate::cli::ctrl_c_flag();
    let params = ReplanParams { today, weights, seed, stop };
    let mut plan = replan::replan(&loaded, &instance.display().to_string(), &prev.plan, &prev.sha256, &params).map_err(usage)?;
    plan.run.created = Some(created);
    if let Some(r) = plan.replan.as_mut() {
        r.previous_plan = Some(previous::relative(&out, &prev.dir));
    }
    let mut files = write::render_plan_files(&plan, &loaded.file, &loaded.model).map_err(usage)?;
    files.insert(write::INSTANCE_COPY.into(), bytes);
    write::write_plan_dir(&out, &plan, &files).map_err(usage)?;
    let mut text = String::new();
    if !quiet {
        text.push_str(&crate::report::summary(&plan));
        text.push_str(&crate::report::timetable_summary(&plan));
        text.push_str(&crate::report::status_summary(&plan));
    }
    if let Some(r) = &plan.replan {
        let line = tr!(
            "replan-summary",
            today = r.today.to_string(),
            changed = r.changed.len(),
            weighted = r.weighted_changes.to_string(),
            added = r.added.len()
        );
        let _ = writeln!(text, "{line}");
        for n in &r.notes {
            let _ = writeln!(text, "  {}", tr!("summary-note", note = n.as_str()));
        }
    }
    let line = tr!(
        "replan-written",
        dir = out.display().to_string(),
        previous_dir = prev.dir.display().to_string(),
        previous = previous.display().to_string()
    );
    let _ = writeln!(text, "{line}");
    say(&text)
}

/// Runs `trappa diff`: both plans must be of one round. Without `--from`, the changes from
/// the later plan's re-plan date on (a re-plan never changes the past); people and places are
/// named from the instances kept in the plan directories.
pub fn run_diff(a: &Path, b: &Path, from: Option<&str>, json: bool) -> Result<(), CliError> {
    let from = from.map(|s| parse_date("--from", s)).transpose()?;
    let (pa, pb) = (open_plan(a)?, open_plan(b)?);
    previous::same_round(&pa, &pb).map_err(usage)?;
    let from = from.or_else(|| pb.plan.replan.as_ref().map(|r| r.today));
    let (ia, ib) = (previous::instance_copy(&pa), previous::instance_copy(&pb));
    let names = diff::Names::of(ia.as_ref(), ib.as_ref());
    let diffs = diff::diff(&pa.plan, &pb.plan, from, &names);
    if json {
        let text = serde_json::to_string_pretty(&diffs).map_err(usage)?;
        say(&format!("{text}\n"))
    } else {
        say(&diff::render_text(&diffs, &names, from))
    }
}
