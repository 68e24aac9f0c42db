//! Human summaries of plans for the terminal, and the HTML report ([`html`]).

pub mod html;

use crate::format::plan::{Optimality, PlanFile, SolveStatus};
use std::fmt::Write;

/// True when the round has a mentorship part: pairs, or mentees without a mentor.
fn has_mentorship(plan: &PlanFile) -> bool {
    let m = &plan.mentorship;
    !(m.pairs.is_empty() && m.unmatched.is_empty() && m.not_eligible.is_empty())
}

/// A short summary of a plan: pairs, unmatched and why, objective (none of it for a round
/// without mentorship), the groups.
pub fn summary(plan: &PlanFile) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Round: {}", plan.instance.round);
    if has_mentorship(plan) {
        mentorship_summary(plan, &mut s);
    }
    for g in &plan.groups {
        let members: usize = g.groups.iter().map(|x| x.members.len()).sum();
        let conflicts: usize = g.groups.iter().map(|x| x.conflicts.len()).sum();
        let _ = writeln!(
            s,
            "Groups {} ({}): {} groups, {members} members, {} unserved, {} not eligible; diversity {:.1}, travel {:.1}; {conflicts} member conflict(s) listed",
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
    s
}

/// The status of one part: `optimal` only when proven, else `gap x %` when a bound exists,
/// else `heuristik`; then why the search stopped, when recorded.
pub fn part_status(st: &SolveStatus) -> String {
    let status = match (st.optimality, st.gap) {
        (Optimality::Optimal, _) => "optimal".to_string(),
        (_, Some(g)) => format!("gap {:.2} %", g * 100.0),
        _ => "heuristik".to_string(),
    };
    let mut status = match &st.stop_reason {
        Some(r) => format!("{status} ({r})"),
        None => status,
    };
    if let Some(max) = st.matched_maximum {
        status.push_str(&format!("; under maximum: {max} adepter hade kunnat matchas"));
    }
    status
}

/// One status line per part (the timetable, each group programme, the mentorship when the
/// round has one), then the total time, and a line when Ctrl-C interrupted the planning.
pub fn status_summary(plan: &PlanFile) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Status per del:");
    let mut parts: Vec<&SolveStatus> = Vec::new();
    if let Some(t) = &plan.timetable {
        let _ = writeln!(s, "  Kurstillfällen: {} [{}]", part_status(&t.status), t.strategy);
        parts.push(&t.status);
    }
    for g in &plan.groups {
        let _ = writeln!(s, "  Grupper {}: {} [{}]", g.programme, part_status(&g.status), g.strategy);
        parts.push(&g.status);
    }
    if has_mentorship(plan) {
        let _ = writeln!(s, "  Mentorskap: {} [{}]", part_status(&plan.status), plan.run.strategy);
        parts.push(&plan.status);
    }
    let limit = plan.run.time_limit_seconds.map(|l| format!(" (tidsgräns {l} s)")).unwrap_or_default();
    let _ = writeln!(s, "Total tid: {:.3} s{limit}", plan.run.runtime_seconds);
    if parts.iter().any(|p| p.stop_reason.as_deref().is_some_and(|r| r.starts_with("avbruten"))) {
        let _ = writeln!(s, "Planeringen avbruten (Ctrl-C): den bästa planen hittills är sparad.");
    }
    s
}

/// The mentorship lines of a summary.
fn mentorship_summary(plan: &PlanFile, s: &mut String) {
    let m = &plan.mentorship;
    let o = &plan.objective;
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
}

/// The timetable part of a summary: sessions, coverage by priority, objective and bound (its
/// status is in [`status_summary`]).
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
    if let Some(b) = t.status.bound {
        let _ = writeln!(s, "Timetable bound: {b:.0}");
    }
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
