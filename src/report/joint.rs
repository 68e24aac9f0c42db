//! One person, several roles, in the coordinator's words: the roles a participant also holds
//! (the same id among the mentors, group leaders or trainers) and what the plan gives them in
//! each, for `explain`.

use crate::format::plan::PlanFile;
use crate::model::Instance;
use crate::text::tr;

/// A hire's weekly hours with their introduktör, period by period.
fn hours(a: &crate::format::plan::IntroductionAssignment) -> String {
    let period = |p: &crate::format::plan::IntroductionPeriod| {
        tr!("explain-introduction-period", hours = p.hours_per_week, from = p.from.to_string(), to = p.to.to_string())
    };
    a.periods.iter().map(period).collect::<Vec<_>>().join("; ")
}

/// The line of a new hire about their introduktör (or why they have none), if they are one.
pub fn introduction(inst: &Instance, plan: &PlanFile, id: &str) -> Option<String> {
    let intro = plan.introduction.as_ref()?;
    if let Some(a) = intro.assignments.iter().find(|a| a.hire == id) {
        let x =
            inst.introduction.introducers.iter().find(|x| x.id == a.introducer).map(|x| x.name.as_str()).unwrap_or(a.introducer.as_str());
        return Some(tr!("explain-introducer", introducer = x, hours = hours(a)));
    }
    let u = intro.unserved.iter().find(|u| u.hire == id)?;
    Some(tr!("explain-no-introducer", message = u.message.as_str()))
}

/// `explain` of an introduktör who takes no part in the round: who they are and whom they
/// introduce, with the hours. `None` when `id` is no introduktör.
pub fn introducer_only(inst: &Instance, plan: &PlanFile, id: &str) -> Option<String> {
    let x = inst.introduction.introducers.iter().find(|x| x.id == id)?;
    let mut lines = vec![tr!("explain-introducer-person", name = x.name.as_str(), id = id, unit = inst.units[x.unit].name.as_str())];
    let hires: Vec<_> = plan.introduction.iter().flat_map(|i| &i.assignments).filter(|a| a.introducer == id).collect();
    if hires.is_empty() {
        lines.push(tr!("explain-as-introducer-none"));
    }
    for a in hires {
        let hire = inst.participants.iter().find(|p| p.id == a.hire).map(|p| p.name.as_str()).unwrap_or(a.hire.as_str());
        lines.push(format!("- {}", tr!("explain-as-introducer", hire = hire, hours = hours(a))));
    }
    Some(lines.join("\n") + "\n")
}

/// Lines naming the roles participant `id` holds besides taking part, and what they do in each:
/// their mentees and meetings, the groups they lead, the sessions they teach. Empty for someone
/// who only takes part.
pub fn other_roles(inst: &Instance, plan: &PlanFile, id: &str) -> Vec<String> {
    let name = |who: &str| -> String {
        let known = inst.participants.iter().map(|p| (&p.id, &p.name)).chain(inst.mentors.iter().map(|m| (&m.id, &m.name)));
        known.filter(|(i, _)| *i == who).map(|(_, n)| n.clone()).next().unwrap_or_else(|| who.to_string())
    };
    let mut roles = vec![tr!("explain-role-participant")];
    let mut lines = Vec::new();
    if inst.mentors.iter().any(|m| m.id == id) {
        roles.push(tr!("people-role-mentor"));
        let pairs: Vec<_> = plan.mentorship.pairs.iter().filter(|p| p.mentor == id).collect();
        if pairs.is_empty() {
            lines.push(tr!("explain-as-mentor-none"));
        }
        for p in pairs {
            let dates = p.meetings.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
            lines.push(tr!("explain-as-mentor", mentee = name(&p.mentee), n = p.meetings.len(), dates = dates));
        }
    }
    if inst.group_leaders.iter().any(|l| l.id == id) {
        roles.push(tr!("people-role-leader"));
        let led: Vec<_> = plan
            .groups
            .iter()
            .flat_map(|gp| gp.groups.iter().map(move |g| (gp, g)))
            .filter(|(_, g)| g.leader.as_deref() == Some(id) || g.co_leaders.iter().any(|l| l == id))
            .collect();
        if led.is_empty() {
            lines.push(tr!("explain-as-leader-none"));
        }
        for (gp, g) in led {
            let programme =
                inst.group_programmes.iter().find(|p| p.id == gp.programme).map(|p| p.name.as_str()).unwrap_or(gp.programme.as_str());
            lines.push(tr!("explain-as-leader", group = g.id.as_str(), programme = programme, n = g.meetings.len()));
        }
    }
    if inst.timetable.trainers.iter().any(|t| t.id == id) {
        roles.push(tr!("people-role-trainer"));
        let taught: Vec<_> = plan.timetable.iter().flat_map(|t| &t.sessions).filter(|s| s.trainers.iter().any(|t| t == id)).collect();
        if taught.is_empty() {
            lines.push(tr!("explain-as-trainer-none"));
        }
        for s in taught {
            let course = inst.timetable.courses.iter().find(|c| c.id == s.course).map(|c| c.name.as_str()).unwrap_or(s.course.as_str());
            let dates = s.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
            lines.push(tr!("explain-as-trainer", course = course, session = s.id.as_str(), dates = dates));
        }
    }
    if inst.introduction.introducers.iter().any(|x| x.id == id) {
        roles.push(tr!("explain-role-introducer"));
        let hires: Vec<_> = plan.introduction.iter().flat_map(|i| &i.assignments).filter(|a| a.introducer == id).collect();
        if hires.is_empty() {
            lines.push(tr!("explain-as-introducer-none"));
        }
        for a in hires {
            lines.push(tr!("explain-as-introducer", hire = name(&a.hire), hours = hours(a)));
        }
    }
    if roles.len() == 1 {
        return vec![];
    }
    let mut out = vec![tr!("explain-roles", roles = roles.join(", "))];
    out.extend(lines.into_iter().map(|l| format!("- {l}")));
    out
}
