//! `trappa replan` and `trappa diff`.

use crate::cli::{input_error, read_plan, CliError};
use crate::diff;
use crate::load;
use crate::replan::{self, ChangeWeights, ReplanParams};
use crate::write;
use chrono::NaiveDate;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn parse_date(what: &str, s: &str) -> Result<NaiveDate, CliError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| CliError::Usage(format!("{what} \"{s}\" is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01")))
}

/// Runs `trappa replan`.
pub fn run_replan(
    instance: &Path,
    previous: &Path,
    today: &str,
    out: &Path,
    seed: u64,
    weights: &str,
    quiet: bool,
) -> Result<(), CliError> {
    let today = parse_date("--today", today)?;
    let weights = ChangeWeights::parse(weights).map_err(CliError::Usage)?;
    let loaded = load::read_instance(instance).map_err(input_error)?;
    let prev_path = crate::files::plan_json_path(previous);
    // read_plan first: it reads no further than the size limit.
    let prev = read_plan(&prev_path)?;
    let prev_bytes =
        std::fs::read(&prev_path).map_err(|e| CliError::Usage(format!("cannot read the previous plan {}: {e}", prev_path.display())))?;
    let cal = &loaded.model.calendar;
    if today > cal.end {
        return Err(CliError::Usage(format!("--today {today} is after the round's end {}: nothing is left to re-plan", cal.end)));
    }
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::Relaxed));
    }
    let params = ReplanParams { today, weights, seed, stop };
    let plan = replan::replan(&loaded, &instance.display().to_string(), &prev, &load::sha256_hex(&prev_bytes), &params)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let mut files = write::render_plan_files(&plan, &loaded.file, &loaded.model).map_err(|e| CliError::Usage(e.to_string()))?;
    let bytes = std::fs::read(instance).map_err(|e| CliError::Usage(format!("cannot read {}: {e}", instance.display())))?;
    files.insert(write::INSTANCE_COPY.into(), bytes);
    write::write_plan_dir(out, &files).map_err(|e| CliError::Usage(e.to_string()))?;
    if !quiet {
        print!("{}", crate::report::summary(&plan));
        print!("{}", crate::report::timetable_summary(&plan));
    }
    if let Some(r) = &plan.replan {
        println!(
            "Re-planned from {}: {} person(s) with changed dates (weighted {}), {} with new dates only",
            r.today,
            r.changed.len(),
            r.weighted_changes,
            r.added.len()
        );
        for n in &r.notes {
            println!("  note: {n}");
        }
    }
    println!(
        "Plan written to {}; `trappa diff {} {}` lists the changes person by person",
        out.display(),
        previous.display(),
        out.display()
    );
    Ok(())
}

/// Runs `trappa diff`.
pub fn run_diff(a: &Path, b: &Path, from: Option<&str>, json: bool) -> Result<(), CliError> {
    let from = from.map(|s| parse_date("--from", s)).transpose()?;
    let pa = read_plan(&crate::files::plan_json_path(a))?;
    let pb = read_plan(&crate::files::plan_json_path(b))?;
    let diffs = diff::diff(&pa, &pb, from);
    if json {
        let text = serde_json::to_string_pretty(&diffs).map_err(|e| CliError::Usage(e.to_string()))?;
        println!("{text}");
    } else {
        print!("{}", diff::render_text(&diffs));
    }
    Ok(())
}
