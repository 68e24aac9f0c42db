//! Pins: every part of the plan fixed by hand in the instance (`mentorship.fixed_pairs`,
//! `fixed_sessions`, `group_programmes[].fixed_groups`) must be in the plan as written.
//! Independent of the solvers: reads the file types only.

use super::derive::augmenting_matching;
use super::{violation, CheckCode, CheckReport};
use crate::format::plan::{PlanFile, SessionPlan};
use crate::format::{FixedSession, InstanceFile};
use crate::text::tr;

/// Checks every pin of the instance against the plan (C090–C092).
pub fn check(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    check_pairs(f, plan, report);
    check_sessions(f, plan, report);
    check_groups(f, plan, report);
}

fn check_pairs(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    for (i, fp) in f.mentorship.fixed_pairs.iter().enumerate() {
        let path = format!("mentorship.fixed_pairs[{i}]");
        match plan.mentorship.pairs.iter().find(|p| p.mentor == fp.mentor && p.mentee == fp.mentee) {
            None => report.violations.push(violation(
                CheckCode::PinnedPair,
                tr!("check-pin-pair-missing", path = path.as_str(), mentor = fp.mentor.as_str(), mentee = fp.mentee.as_str()),
            )),
            Some(pair) => {
                for d in &fp.meetings {
                    if !pair.meetings.contains(d) {
                        report.violations.push(violation(
                            CheckCode::PinnedPair,
                            tr!(
                                "check-pin-pair-meeting",
                                path = path.as_str(),
                                date = d.to_string(),
                                mentor = fp.mentor.as_str(),
                                mentee = fp.mentee.as_str()
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// Whether a session of the plan realises a fixed session.
fn realises(pin: &FixedSession, s: &SessionPlan) -> bool {
    let mut dates = pin.dates.clone();
    if let Some(d) = dates.as_mut() {
        d.sort();
        d.dedup();
    }
    let mut plan_dates = s.dates.clone();
    plan_dates.sort();
    s.course == pin.course
        && dates.is_none_or(|d| d == plan_dates)
        && pin.venue.as_ref().is_none_or(|v| *v == s.venue)
        && pin.trainers.iter().flatten().all(|t| s.trainers.contains(t))
        && pin.attendees.iter().flatten().all(|a| s.attendees.contains(a))
}

fn check_sessions(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    if f.fixed_sessions.is_empty() {
        return;
    }
    let sessions: &[SessionPlan] = plan.timetable.as_ref().map_or(&[], |t| t.sessions.as_slice());
    // Distinct pins need distinct sessions: a bipartite matching of pins to sessions.
    let adj: Vec<Vec<usize>> =
        f.fixed_sessions.iter().map(|pin| (0..sessions.len()).filter(|&k| realises(pin, &sessions[k])).collect()).collect();
    let matched = augmenting_matching(&adj, &vec![1; sessions.len()]);
    for j in (0..adj.len()).filter(|&j| matched[j].is_none()) {
        let pin = &f.fixed_sessions[j];
        let label = pin.id.clone().unwrap_or_else(|| format!("fixed_sessions[{j}]"));
        let why = if adj[j].is_empty() {
            tr!("check-pin-session-none")
        } else {
            let fitting = adj[j].iter().map(|&k| sessions[k].id.as_str()).collect::<Vec<_>>();
            tr!("check-pin-session-taken", n = fitting.len(), sessions = fitting.join(", "))
        };
        report.violations.push(violation(
            CheckCode::PinnedSession,
            tr!("check-pin-session", label = label.as_str(), course = pin.course.as_str(), why = why),
        ));
    }
}

fn check_groups(f: &InstanceFile, plan: &PlanFile, report: &mut CheckReport) {
    for (pi, prog) in f.group_programmes.iter().enumerate() {
        if prog.fixed_groups.is_empty() {
            continue;
        }
        let Some(pp) = plan.groups.iter().find(|g| g.programme == prog.id) else {
            report.violations.push(violation(CheckCode::PinnedGroup, tr!("check-pin-group-no-plan", programme = prog.id.as_str())));
            continue;
        };
        let mut used: Vec<Option<usize>> = vec![None; pp.groups.len()];
        for (k, fg) in prog.fixed_groups.iter().enumerate() {
            let path = format!("group_programmes[{pi}].fixed_groups[{k}]");
            let homes: Vec<usize> = (0..pp.groups.len()).filter(|&g| fg.members.iter().any(|m| pp.groups[g].members.contains(m))).collect();
            let whole = homes.len() == 1 && fg.members.iter().all(|m| pp.groups[homes[0]].members.contains(m));
            if !whole {
                report.violations.push(violation(
                    CheckCode::PinnedGroup,
                    tr!("check-pin-group-split", path = path.as_str(), members = fg.members.join(", "), programme = prog.id.as_str()),
                ));
                continue;
            }
            let g = &pp.groups[homes[0]];
            if let Some(other) = used[homes[0]] {
                report.violations.push(violation(
                    CheckCode::PinnedGroup,
                    tr!(
                        "check-pin-group-shared",
                        path = path.as_str(),
                        other = format!("group_programmes[{pi}].fixed_groups[{other}]"),
                        group = g.id.as_str()
                    ),
                ));
            }
            used[homes[0]] = Some(k);
            if let Some(l) = &fg.leader {
                if g.leader.as_ref() != Some(l) {
                    report.violations.push(violation(
                        CheckCode::PinnedGroup,
                        match g.leader.as_deref() {
                            Some(by) => {
                                tr!("check-pin-group-leader", path = path.as_str(), group = g.id.as_str(), by = by, leader = l.as_str())
                            }
                            None => tr!("check-pin-group-no-leader", path = path.as_str(), group = g.id.as_str(), leader = l.as_str()),
                        },
                    ));
                }
            }
            for d in &fg.meetings {
                if !g.meetings.contains(d) {
                    report.violations.push(violation(
                        CheckCode::PinnedGroup,
                        tr!("check-pin-group-meeting", path = path.as_str(), date = d.to_string(), group = g.id.as_str()),
                    ));
                }
            }
        }
    }
}
