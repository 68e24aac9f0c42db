//! Human summaries of plans for the terminal, and the HTML report ([`html`]).

pub mod html;

use crate::io::plan_format::{Optimality, PlanFile};
use std::fmt::Write;

/// A short summary of a plan: pairs, unmatched and why, objective, optimality.
pub fn summary(plan: &PlanFile) -> String {
    let mut s = String::new();
    let m = &plan.mentorship;
    let o = &plan.objective;
    let _ = writeln!(s, "Round: {}", plan.instance.round);
    let shortfalls = m.pairs.iter().filter(|p| p.shortfall.is_some()).count();
    let meetings: usize = m.pairs.iter().map(|p| p.meetings.len()).sum();
    let _ = writeln!(s, "Mentor pairs: {} ({} meetings; {} pair(s) with too few meetings)", m.pairs.len(), meetings, shortfalls);
    let _ = writeln!(s, "Unmatched mentees: {}", m.unmatched.len());
    let mut reasons = std::collections::BTreeMap::new();
    for u in &m.unmatched {
        *reasons.entry(u.reason.as_str()).or_insert(0usize) += 1;
    }
    for (r, n) in reasons {
        let _ = writeln!(s, "  {r}: {n}");
    }
    if !m.not_eligible.is_empty() {
        let _ = writeln!(s, "Want a mentor but not eligible by phase: {}", m.not_eligible.len());
    }
    let terms = o.terms.iter().map(|(k, v)| format!("{k} {v:.1}")).collect::<Vec<_>>().join(", ");
    let _ = writeln!(s, "Objective: {} matched; cost {:.3} ({terms})", o.matched, o.cost);
    for g in &plan.groups {
        let members: usize = g.groups.iter().map(|x| x.members.len()).sum();
        let conflicts: usize = g.groups.iter().map(|x| x.conflicts.len()).sum();
        let status = match g.status.optimality {
            Optimality::Optimal => "proven optimal".to_string(),
            Optimality::Feasible => "heuristic".to_string(),
        };
        let _ = writeln!(
            s,
            "Groups {} ({}): {} groups, {members} members, {} unserved, {} not eligible; diversity {:.1}, travel {:.1}, {status}; {conflicts} member conflict(s) listed",
            g.programme,
            g.kind,
            g.groups.len(),
            g.unserved.len(),
            g.not_eligible.len(),
            g.objective.diversity,
            g.objective.travel
        );
        for note in &g.notes {
            let _ = writeln!(s, "  note: {note}");
        }
    }
    let status = match plan.status.optimality {
        Optimality::Optimal => "proven optimal".to_string(),
        Optimality::Feasible => match plan.status.gap {
            Some(g) => format!("feasible, gap {:.2} %", g * 100.0),
            None => "feasible (heuristic, no bound)".to_string(),
        },
    };
    let _ = writeln!(s, "Status: {status} [{}], {:.3} s", plan.run.strategy, plan.run.runtime_seconds);
    s
}

/// The timetable part of a summary: sessions, coverage by priority, objective and status.
pub fn timetable_summary(plan: &PlanFile) -> String {
    let mut s = String::new();
    let Some(t) = &plan.timetable else { return s };
    let days: usize = t.sessions.iter().map(|x| x.dates.len()).sum();
    let _ = writeln!(s, "Course sessions: {} ({} course days)", t.sessions.len(), days);
    for (p, c) in &t.objective.coverage {
        let _ = writeln!(s, "  {p} priority: {} of {} demands served", c.served, c.demanded);
    }
    let mut reasons = std::collections::BTreeMap::new();
    for u in &t.unserved {
        *reasons.entry(u.reason.as_str()).or_insert(0usize) += 1;
    }
    for (r, n) in reasons {
        let _ = writeln!(s, "  unserved, {r}: {n}");
    }
    let terms = t.objective.terms.iter().map(|(k, v)| format!("{k} {v:.0}")).collect::<Vec<_>>().join(", ");
    let _ = writeln!(s, "Timetable objective: {:.0} ({terms})", t.objective.total);
    let status = match (t.status.optimality, t.status.gap, t.status.bound) {
        (Optimality::Optimal, _, _) => "proven optimal".to_string(),
        (_, Some(g), Some(b)) => format!("feasible, bound {b:.0}, gap {:.2} %", g * 100.0),
        _ => "feasible (no bound)".to_string(),
    };
    let _ = writeln!(s, "Timetable status: {status} [{}]", t.strategy);
    s
}

/// `trappa explain --participant`: the participant's demands with their sessions or the reason
/// they are unserved, and their mentor meetings.
pub fn explain_participant(inst: &crate::model::Instance, plan: &PlanFile, id: &str) -> Result<String, String> {
    let Some(p) = inst.participants.iter().position(|x| x.id == id) else {
        return Err(format!("no participant \"{id}\" in the instance; give an id from \"participants\""));
    };
    let part = &inst.participants[p];
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} ({}), {} in {}, phase {} ({:.1} years in the profession), employed {}",
        part.name,
        part.id,
        inst.units[part.unit].name,
        inst.municipalities[part.municipality].name,
        inst.phases[part.phase].id,
        part.years,
        part.employment_start
    );
    let m = &inst.timetable;
    let demands = &m.demands_of[p];
    if demands.is_empty() {
        let _ = writeln!(s, "No course demand in this round.");
    }
    if let Some(t) = &plan.timetable {
        for &d in demands {
            let dem = &m.demands[d];
            let course = &m.courses[dem.course];
            let origin = match dem.origin {
                crate::model::timetable::DemandOrigin::IndividualPlan => "individual plan",
                crate::model::timetable::DemandOrigin::Phase => "phase default",
            };
            let _ = write!(s, "- {} ({}, {} priority, {origin}): ", course.name, course.id, dem.priority.name());
            if let Some(sess) = t.sessions.iter().find(|x| x.course == course.id && x.attendees.iter().any(|a| a == id)) {
                let dates = sess.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
                let _ = writeln!(s, "session {} at {} on {dates}, trainer(s) {}", sess.id, sess.venue, sess.trainers.join(", "));
            } else if let Some(u) = t.unserved.iter().find(|u| u.participant == id && u.course == course.id) {
                let _ = writeln!(s, "NOT SERVED ({}): {}", u.reason, u.message);
            } else {
                let _ = writeln!(s, "not in the plan (the plan may be for another version of the instance)");
            }
        }
    }
    for pair in plan.mentorship.pairs.iter().filter(|x| x.mentee == id) {
        let dates = pair.meetings.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
        let _ = writeln!(s, "Mentor {} in {}; meetings: {dates}", pair.mentor, pair.meeting_place);
    }
    for u in plan.mentorship.unmatched.iter().filter(|x| x.mentee == id) {
        let _ = writeln!(s, "No mentor ({}): {}", u.reason, u.message);
    }
    Ok(s)
}

/// `trappa compare`: solves the instance with each timetable strategy and prints a table of
/// the objective by term, coverage, bound, gap, time and the checker's verdict.
pub fn compare(
    loaded: &crate::io::LoadedInstance,
    strategies: &[String],
    seed: u64,
    time_limit: Option<std::time::Duration>,
) -> Result<String, crate::solve::SolveError> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<13} {:>12} {:>11} {:>10} {:>10} {:>9} {:>10} {:>9} {:>12} {:>7} {:>7} {:>6}",
        "strategy", "objective", "unserved", "travel", "cost", "mixing", "served", "sessions", "bound", "gap %", "time s", "valid"
    );
    for name in strategies {
        let params = crate::solve::SolveParams { seed, time_limit, timetable_strategy: name.clone(), ..Default::default() };
        let started = std::time::Instant::now();
        let plan = crate::solve::solve(loaded, "compare", &params)?;
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
    loaded: &crate::io::LoadedInstance,
    strategies: &[String],
    seed: u64,
    time_limit: Option<std::time::Duration>,
) -> Result<String, crate::solve::SolveError> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\n{:<13} {:<14} {:>10} {:>9} {:>10} {:>10} {:>7} {:>7} {:>9} {:>7} {:>6}",
        "group strat.", "programme", "diversity", "travel", "total", "bound", "gap %", "groups", "unserved", "time s", "valid"
    );
    for name in strategies {
        let params = crate::solve::SolveParams {
            seed,
            time_limit,
            timetable_strategy: "greedy".into(),
            group_strategy: name.clone(),
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let plan = crate::solve::solve(loaded, "compare", &params)?;
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
