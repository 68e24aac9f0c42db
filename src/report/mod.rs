//! Human summaries of plans for the terminal.

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
