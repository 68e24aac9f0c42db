//! Human summaries of plans for the terminal, and the HTML report ([`html`]).

pub mod forecast;
pub mod html;
pub mod joint;
pub mod roles;

use crate::format::plan::{Optimality, PlanFile, SolveStatus};
use crate::text;
use crate::text::tr;
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
    let _ = writeln!(s, "{}", tr!("summary-round", name = plan.instance.round.as_str()));
    if has_mentorship(plan) {
        mentorship_summary(plan, &mut s);
    }
    for g in &plan.groups {
        let members: usize = g.groups.iter().map(|x| x.members.len()).sum();
        let conflicts: usize = g.groups.iter().map(|x| x.conflicts.len()).sum();
        let line = tr!(
            "summary-groups",
            programme = g.programme.as_str(),
            kind = text::group_kind(&g.kind),
            groups = g.groups.len(),
            members = members,
            unserved = g.unserved.len(),
            not_eligible = g.not_eligible.len(),
            diversity = format!("{:.1}", g.objective.diversity),
            travel = format!("{:.1}", g.objective.travel),
            conflicts = conflicts
        );
        let _ = writeln!(s, "{line}");
        for note in &g.notes {
            let _ = writeln!(s, "  {}", tr!("summary-note", note = note.as_str()));
        }
    }
    if let Some(c) = plan.cost.as_ref().filter(|c| c.total != 0.0) {
        let per = if c.participants.is_empty() { 0.0 } else { c.total / c.participants.len() as f64 };
        let kr = |x: f64| html::int_sv(x.round() as i64);
        let _ = writeln!(s, "{}", tr!("summary-cost", total = kr(c.total), per_participant = kr(per)));
    }
    s
}

/// The status of one part: `optimal` only when proven, else `gap x %` when a bound exists,
/// else `heuristik`; then why the search stopped, when recorded.
pub fn part_status(st: &SolveStatus) -> String {
    let status = match (st.optimality, st.gap) {
        (Optimality::Optimal, _) => tr!("status-optimal"),
        (_, Some(g)) => tr!("status-gap", gap = format!("{:.2}", g * 100.0)),
        _ => tr!("status-heuristic"),
    };
    let mut status = match &st.stop_reason {
        Some(r) => format!("{status} ({})", text::stop_reason(r)),
        None => status,
    };
    if let Some(max) = st.matched_maximum {
        status.push_str(&tr!("status-below-maximum", max = max));
    }
    status
}

/// One status line per part (the timetable, each group programme, the mentorship when the
/// round has one), then the total time, and a line when Ctrl-C interrupted the planning.
pub fn status_summary(plan: &PlanFile) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", tr!("status-heading"));
    let mut parts: Vec<&SolveStatus> = Vec::new();
    if let Some(t) = &plan.timetable {
        let line = tr!("status-timetable", status = part_status(&t.status), strategy = text::strategy(&t.strategy));
        let _ = writeln!(s, "  {line}");
        parts.push(&t.status);
    }
    for g in &plan.groups {
        let line =
            tr!("status-groups", programme = g.programme.as_str(), status = part_status(&g.status), strategy = text::strategy(&g.strategy));
        let _ = writeln!(s, "  {line}");
        parts.push(&g.status);
    }
    if has_mentorship(plan) {
        let line = tr!("status-mentorship", status = part_status(&plan.status), strategy = text::strategy(&plan.run.strategy));
        let _ = writeln!(s, "  {line}");
        parts.push(&plan.status);
    }
    let runtime = format!("{:.3}", plan.run.runtime_seconds);
    let line = match plan.run.time_limit_seconds {
        Some(l) => tr!("status-total-time-limit", seconds = runtime, limit = l.to_string()),
        None => tr!("status-total-time", seconds = runtime),
    };
    let _ = writeln!(s, "{line}");
    if parts.iter().any(|p| p.stop_reason.as_deref().is_some_and(|r| r.starts_with("avbruten"))) {
        let _ = writeln!(s, "{}", tr!("status-interrupted"));
    }
    s
}

/// The mentorship lines of a summary.
fn mentorship_summary(plan: &PlanFile, s: &mut String) {
    let m = &plan.mentorship;
    let o = &plan.objective;
    let shortfalls = m.pairs.iter().filter(|p| p.shortfall.is_some()).count();
    let meetings: usize = m.pairs.iter().map(|p| p.meetings.len()).sum();
    let _ = writeln!(s, "{}", tr!("summary-pairs", pairs = m.pairs.len(), meetings = meetings, shortfalls = shortfalls));
    let _ = writeln!(s, "{}", tr!("summary-unmatched", n = m.unmatched.len()));
    let mut reasons = std::collections::BTreeMap::new();
    for u in &m.unmatched {
        *reasons.entry(u.reason.as_str()).or_insert(0usize) += 1;
    }
    for (r, n) in reasons {
        let _ = writeln!(s, "  {}: {n}", text::reason(r));
    }
    if !m.not_eligible.is_empty() {
        let _ = writeln!(s, "{}", tr!("summary-not-eligible", n = m.not_eligible.len()));
    }
    let terms = o.terms.iter().map(|(k, v)| format!("{} {v:.1}", text::term(k))).collect::<Vec<_>>().join(", ");
    let _ = writeln!(s, "{}", tr!("summary-objective", matched = o.matched, cost = format!("{:.3}", o.cost), terms = terms));
}

/// The timetable part of a summary: sessions, coverage by priority, objective and bound (its
/// status is in [`status_summary`]).
pub fn timetable_summary(plan: &PlanFile) -> String {
    let mut s = String::new();
    let Some(t) = &plan.timetable else { return s };
    let days: usize = t.sessions.iter().map(|x| x.dates.len()).sum();
    let _ = writeln!(s, "{}", tr!("summary-sessions", sessions = t.sessions.len(), days = days));
    // Highest priority first (the plan's maps are alphabetical: high, low, normal).
    let rank = |p: &str| ["high", "normal", "low"].iter().position(|q| *q == p).unwrap_or(usize::MAX);
    let mut coverage: Vec<_> = t.objective.coverage.iter().collect();
    coverage.sort_by_key(|(p, _)| (rank(p), p.as_str()));
    for (p, c) in coverage {
        let line = tr!("summary-coverage", priority = text::priority(p), served = c.served, demanded = c.demanded);
        let _ = writeln!(s, "  {line}");
    }
    let mut reasons = std::collections::BTreeMap::new();
    for u in &t.unserved {
        *reasons.entry(u.reason.as_str()).or_insert(0usize) += 1;
    }
    for (r, n) in reasons {
        let _ = writeln!(s, "  {}", tr!("summary-unserved", reason = text::reason(r), n = n));
    }
    let mut terms: Vec<_> = t.objective.terms.iter().collect();
    terms.sort_by_key(|(k, _)| match k.strip_prefix("unserved_") {
        Some(p) => ("unserved_", rank(p)),
        None => (k.as_str(), 0),
    });
    let terms = terms.iter().map(|(k, v)| format!("{} {v:.0}", text::term(k))).collect::<Vec<_>>().join(", ");
    let _ = writeln!(s, "{}", tr!("summary-timetable-objective", total = format!("{:.0}", t.objective.total), terms = terms));
    if let Some(b) = t.status.bound {
        let _ = writeln!(s, "{}", tr!("summary-timetable-bound", bound = format!("{b:.0}")));
    }
    s
}

/// `trappa explain --participant`: the participant's demands with their sessions or the reason
/// they are unserved, and their mentor meetings; for an introduktör who is no participant, the
/// hires they introduce.
pub fn explain_participant(inst: &crate::model::Instance, plan: &PlanFile, id: &str) -> Result<String, String> {
    let Some(p) = inst.participants.iter().position(|x| x.id == id) else {
        // An introduktör who is no participant, or a municipality's id: its forecast hires and
        // the seats held for them.
        return joint::introducer_only(inst, plan, id)
            .or_else(|| forecast::explain_municipality(inst, plan, id))
            .ok_or_else(|| tr!("explain-no-participant", id = id));
    };
    let part = &inst.participants[p];
    let mut s = String::new();
    let line = tr!(
        "explain-person",
        name = part.name.as_str(),
        id = part.id.as_str(),
        unit = inst.units[part.unit].name.as_str(),
        municipality = inst.municipalities[part.municipality].name.as_str(),
        phase = crate::text::phase(&inst.phases[part.phase].id),
        years = format!("{:.1}", part.years),
        employed = part.employment_start.to_string()
    );
    let _ = writeln!(s, "{line}");
    if let Some(line) = forecast::placeholder_line(inst, p) {
        let _ = writeln!(s, "{line}");
    }
    for line in joint::other_roles(inst, plan, id) {
        let _ = writeln!(s, "{line}");
    }
    let m = &inst.timetable;
    let demands = &m.demands_of[p];
    if demands.is_empty() {
        let _ = writeln!(s, "{}", tr!("explain-no-demand"));
    }
    if let Some(t) = &plan.timetable {
        for &d in demands {
            let dem = &m.demands[d];
            let course = &m.courses[dem.course];
            let origin = match dem.origin {
                crate::model::timetable::DemandOrigin::IndividualPlan => tr!("explain-origin-plan"),
                crate::model::timetable::DemandOrigin::Phase => tr!("explain-origin-phase"),
            };
            let demand = tr!(
                "explain-demand",
                course = course.name.as_str(),
                id = course.id.as_str(),
                priority = text::priority(dem.priority.name()),
                origin = origin
            );
            let _ = write!(s, "- {demand}: ");
            if let Some(sess) = t.sessions.iter().find(|x| x.course == course.id && x.attendees.iter().chain(&x.forecast).any(|a| a == id))
            {
                let dates = sess.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
                let line = tr!(
                    "explain-session",
                    session = sess.id.as_str(),
                    venue = sess.venue.as_str(),
                    dates = dates,
                    trainers = sess.trainers.join(", "),
                    n = sess.trainers.len()
                );
                let _ = writeln!(s, "{line}");
            } else if let Some(u) = t.unserved.iter().find(|u| u.participant == id && u.course == course.id) {
                let _ = writeln!(
                    s,
                    "{}",
                    tr!("explain-not-served", reason = text::reason(&u.reason), code = u.reason.as_str(), message = u.message.as_str())
                );
            } else {
                let _ = writeln!(s, "{}", tr!("explain-not-in-plan"));
            }
        }
    }
    for line in roles::role_exclusions(inst, crate::model::ParticipantId(p)) {
        let _ = writeln!(s, "- {line}");
    }
    for pair in plan.mentorship.pairs.iter().filter(|x| x.mentee == id) {
        let dates = pair.meetings.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
        let line = tr!("explain-mentor", mentor = pair.mentor.as_str(), place = pair.meeting_place.as_str(), dates = dates);
        let _ = writeln!(s, "{line}");
    }
    for u in plan.mentorship.unmatched.iter().filter(|x| x.mentee == id) {
        let _ = writeln!(s, "{}", tr!("explain-no-mentor", reason = text::reason(&u.reason), message = u.message.as_str()));
    }
    if let Some(line) = joint::introduction(inst, plan, id) {
        let _ = writeln!(s, "{line}");
    }
    if let Some(x) = plan.cost.as_ref().and_then(|c| c.participants.get(id)).filter(|x| **x != 0.0) {
        let _ = writeln!(s, "{}", tr!("explain-cost", kr = html::int_sv(x.round() as i64)));
    }
    Ok(s)
}
