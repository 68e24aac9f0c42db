//! `trappa compare`: strategies side by side on one instance, every plan checked.

use crate::format::plan::Optimality;
use crate::format::plan::PlanFile;
use crate::load::LoadedInstance;
use crate::solve::{GroupStrategy, SolveError, SolveParams, TimetableStrategy};
use std::fmt::Write;

/// Solves the instance with `params` and builds the plan file (checked by the callers).
fn solve_file(loaded: &LoadedInstance, params: &SolveParams) -> Result<PlanFile, SolveError> {
    let plan = crate::solve::solve(&loaded.model, params)?;
    Ok(crate::write::plan::plan_file(loaded, "compare", &plan))
}

/// `trappa compare`: solves the instance with each timetable strategy and prints a table of
/// the objective by term, coverage, bound, gap, time and the checker's verdict.
pub fn compare(
    loaded: &LoadedInstance,
    strategies: &[TimetableStrategy],
    seed: u64,
    time_limit: Option<std::time::Duration>,
) -> Result<String, SolveError> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<13} {:>12} {:>11} {:>10} {:>10} {:>9} {:>10} {:>9} {:>12} {:>7} {:>7} {:>6}",
        "strategy", "objective", "unserved", "travel", "cost", "mixing", "served", "sessions", "bound", "gap %", "time s", "valid"
    );
    for name in strategies {
        let params = SolveParams { seed, time_limit, timetable_strategy: *name, ..Default::default() };
        let started = std::time::Instant::now();
        let plan = solve_file(loaded, &params)?;
        let secs = started.elapsed().as_secs_f64();
        let report = crate::check::check(&loaded.file, &loaded.sha256, &plan);
        let Some(t) = &plan.timetable else {
            let _ = writeln!(s, "{name:<13} (the instance has no courses)");
            continue;
        };
        let served: usize = t.objective.coverage.values().map(|c| c.served).sum();
        let demanded: usize = t.objective.coverage.values().map(|c| c.demanded).sum();
        let bound = t.status.bound.map(|b| format!("{b:.0}")).unwrap_or_else(|| "-".into());
        let gap = match t.status.optimality {
            Optimality::Optimal => "opt".to_string(),
            _ => t.status.gap.map(|g| format!("{:.2}", g * 100.0)).unwrap_or_else(|| "-".into()),
        };
        let valid = if report.is_valid() { "yes".to_string() } else { format!("NO ({})", report.violations.len()) };
        let term = |k: &str| t.objective.terms.get(k).copied().unwrap_or(0.0);
        let unserved = term("unserved_high") + term("unserved_normal") + term("unserved_low");
        let _ = writeln!(
            s,
            "{name:<13} {:>12.0} {:>11.0} {:>10.0} {:>10.0} {:>9.0} {:>10} {:>9} {:>12} {:>7} {:>7.1} {:>6}",
            t.objective.total,
            unserved,
            term("travel"),
            term("session_cost"),
            term("mixing"),
            format!("{served}/{demanded}"),
            t.sessions.len(),
            bound,
            gap,
            secs,
            valid
        );
    }
    Ok(s)
}

/// A table comparing grouping strategies on every group programme of an instance: diversity,
/// travel, total, bound, gap, groups, unserved, time and the checker's verdict. Each strategy
/// runs a whole solve (the timetable with `greedy`, for speed) so the plan can be checked.
pub fn compare_groups(
    loaded: &LoadedInstance,
    strategies: &[GroupStrategy],
    seed: u64,
    time_limit: Option<std::time::Duration>,
) -> Result<String, SolveError> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\n{:<13} {:<14} {:>10} {:>9} {:>10} {:>10} {:>7} {:>7} {:>9} {:>7} {:>6}",
        "group strat.", "programme", "diversity", "travel", "total", "bound", "gap %", "groups", "unserved", "time s", "valid"
    );
    for name in strategies {
        let params =
            SolveParams { seed, time_limit, timetable_strategy: TimetableStrategy::Greedy, group_strategy: *name, ..Default::default() };
        let started = std::time::Instant::now();
        let plan = solve_file(loaded, &params)?;
        let secs = started.elapsed().as_secs_f64();
        let report = crate::check::check(&loaded.file, &loaded.sha256, &plan);
        let valid = if report.is_valid() { "yes".to_string() } else { format!("NO ({})", report.violations.len()) };
        if plan.groups.is_empty() {
            let _ = writeln!(s, "{name:<13} (the instance has no group programmes)");
        }
        for g in &plan.groups {
            let gap = match g.status.optimality {
                Optimality::Optimal => "opt".to_string(),
                _ => g.status.gap.map(|x| format!("{:.2}", x * 100.0)).unwrap_or_else(|| "-".into()),
            };
            let _ = writeln!(
                s,
                "{name:<13} {:<14} {:>10.1} {:>9.1} {:>10.1} {:>10} {:>7} {:>7} {:>9} {:>7.1} {:>6}",
                g.programme,
                g.objective.diversity,
                g.objective.travel,
                g.objective.total,
                g.status.bound.map(|b| format!("{b:.1}")).unwrap_or_else(|| "-".into()),
                gap,
                g.groups.len(),
                g.unserved.len(),
                secs,
                valid
            );
        }
    }
    Ok(s)
}
