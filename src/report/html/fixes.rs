//! Suggested fixes for the unserved: per reason code, what would serve them, with the numbers
//! computed from the plan and the instance ("open 2 more groups", "raise the cap per
//! municipality to 3"). A reason without a fix the data can give has no entry.

use super::Lookup;
use crate::format::plan::{GroupProgrammePlan, PlanFile, TimetablePlan};
use crate::model::groups::GroupProgramme;
use crate::text::tr;
use std::collections::BTreeMap;

/// A suggested fix and its numbers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fix {
    /// `mentees` more mentee places with the `mentors` full eligible mentors (`per_mentor`
    /// more each).
    MentorPlaces { mentees: usize, mentors: usize, per_mentor: usize },
    /// Recruit `mentors` eligible mentors (taking `capacity` mentees each).
    RecruitMentors { mentors: usize, capacity: usize },
    /// Open `groups` more groups of at most `max_size`; `leaders_short` more leaders needed.
    MoreGroups { groups: usize, max_size: usize, leaders_short: usize },
    /// `missing` more enrolled participants would make a group of `min_size`.
    MoreForAGroup { missing: usize, min_size: usize },
    /// Raise the cap per municipality from `from` to `to`, with `groups` groups.
    MunicipalityCap { from: usize, to: usize, groups: usize },
    /// Raise the cap per unit from `from` to `to`, with `groups` groups.
    UnitCap { from: usize, to: usize, groups: usize },
    /// Recruit `leaders` group leaders with the qualification.
    MoreLeaders { leaders: usize, qualification: String },
    /// Open `sessions` more sessions of the course (`seats` each).
    MoreSessions { course: String, sessions: usize, seats: usize },
    /// Raise the course's highest number of sessions to `to`.
    MaxSessions { course: String, to: usize },
    /// `missing` more participants for one session of the course (`min_size`).
    MoreCourseParticipants { course: String, missing: usize, min_size: usize },
    /// `days` more trainer days for the course.
    TrainerDays { course: String, days: usize },
    /// Qualify `trainers` more trainers for the course.
    QualifyTrainers { course: String, trainers: usize },
    /// Book a venue with at least `seats` seats for the course.
    Venue { course: String, seats: usize },
}

/// The Swedish text of a fix.
pub(crate) fn fix_sv(f: &Fix) -> String {
    match f {
        Fix::MentorPlaces { mentees, mentors, per_mentor } => {
            tr!("fix-mentor-places", mentors = *mentors, mentees = *mentees, per_mentor = *per_mentor)
        }
        Fix::RecruitMentors { mentors, capacity } => tr!("fix-recruit-mentors", mentors = *mentors, capacity = *capacity),
        Fix::MoreGroups { groups, max_size, leaders_short } => {
            let mut s = tr!("fix-more-groups", groups = *groups, max_size = *max_size);
            if *leaders_short > 0 {
                s.push_str(&tr!("fix-more-groups-leaders", leaders = *leaders_short));
            }
            s
        }
        Fix::MoreForAGroup { missing, min_size } => tr!("fix-more-for-a-group", missing = *missing, min_size = *min_size),
        Fix::MunicipalityCap { from, to, groups } => tr!("fix-municipality-cap", from = *from, to = *to, groups = *groups),
        Fix::UnitCap { from, to, groups } => tr!("fix-unit-cap", from = *from, to = *to, groups = *groups),
        Fix::MoreLeaders { leaders, qualification } => {
            tr!("fix-more-leaders", leaders = *leaders, qualification = crate::text::group_kind(qualification))
        }
        Fix::MoreSessions { course, sessions, seats } => {
            tr!("fix-more-sessions", course = course.as_str(), sessions = *sessions, seats = *seats)
        }
        Fix::MaxSessions { course, to } => tr!("fix-max-sessions", course = course.as_str(), to = *to),
        Fix::MoreCourseParticipants { course, missing, min_size } => {
            tr!("fix-more-course-participants", course = course.as_str(), missing = *missing, min_size = *min_size)
        }
        Fix::TrainerDays { course, days } => tr!("fix-trainer-days", course = course.as_str(), days = *days),
        Fix::QualifyTrainers { course, trainers } => tr!("fix-qualify-trainers", course = course.as_str(), trainers = *trainers),
        Fix::Venue { course, seats } => tr!("fix-venue", course = course.as_str(), seats = *seats),
    }
}

/// Fixes per reason code, in words.
pub(crate) type Fixes = BTreeMap<String, String>;

fn texts(fixes: BTreeMap<&str, Vec<Fix>>) -> Fixes {
    fixes
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(r, v)| (r.to_string(), v.iter().map(fix_sv).collect::<Vec<_>>().join("; ")))
        .collect()
}

/// The fixes of the mentorship's unmatched mentees.
pub(crate) fn mentorship(plan: &PlanFile, look: &Lookup) -> Fixes {
    let mut out: BTreeMap<&str, Vec<Fix>> = BTreeMap::new();
    let full: Vec<_> = plan.mentorship.unmatched.iter().filter(|u| u.reason == "eligible_mentors_full").collect();
    if !full.is_empty() {
        let mut mentors: Vec<&str> = full.iter().flat_map(|u| u.full_mentors.iter().map(String::as_str)).collect();
        mentors.sort_unstable();
        mentors.dedup();
        let n = full.len();
        let fix = if mentors.is_empty() {
            Fix::RecruitMentors { mentors: n.div_ceil(typical_capacity(look)), capacity: typical_capacity(look) }
        } else {
            Fix::MentorPlaces { mentees: n, mentors: mentors.len(), per_mentor: n.div_ceil(mentors.len()) }
        };
        out.entry("eligible_mentors_full").or_default().push(fix);
    }
    let none = plan.mentorship.unmatched.iter().filter(|u| u.reason == "no_eligible_mentor").count();
    if none > 0 {
        let capacity = typical_capacity(look);
        out.entry("no_eligible_mentor").or_default().push(Fix::RecruitMentors { mentors: none.div_ceil(capacity), capacity });
    }
    texts(out)
}

/// The median mentor capacity of the instance (at least 1; 2 without mentors).
fn typical_capacity(look: &Lookup) -> usize {
    let mut caps: Vec<usize> = look.inst.mentors.iter().map(|m| m.capacity).collect();
    caps.sort_unstable();
    caps.get(caps.len() / 2).copied().unwrap_or(2).max(1)
}

/// The fixes of one group programme's unserved participants.
pub(crate) fn groups(plan: &PlanFile, prog_plan: &GroupProgrammePlan, look: &Lookup) -> Fixes {
    let mut out: BTreeMap<&str, Vec<Fix>> = BTreeMap::new();
    let Some(prog) = look.inst.group_programmes.iter().find(|p| p.id == prog_plan.programme) else { return Fixes::new() };
    let count = |reason: &str| prog_plan.unserved.iter().filter(|u| u.reason == reason).count();
    let max_size = prog.group_sizes.as_ref().and_then(|s| s.iter().map(|r| r.1).max()).unwrap_or(prog.max_size).max(1);
    let full = count("groups_full");
    if full > 0 {
        let groups = full.div_ceil(max_size);
        let leaders_short = if prog.leader_required { groups.saturating_sub(spare_leaders(plan, prog, look)) } else { 0 };
        out.entry("groups_full").or_default().push(Fix::MoreGroups { groups, max_size, leaders_short });
    }
    let few = count("too_few_for_a_group");
    if few > 0 && few < prog.min_size {
        out.entry("too_few_for_a_group").or_default().push(Fix::MoreForAGroup { missing: prog.min_size - few, min_size: prog.min_size });
    }
    if count("mixing_cap") > 0 {
        out.insert("mixing_cap", mixing_fixes(prog_plan, prog, look, max_size));
    }
    let no_leader = count("no_leader");
    if no_leader > 0 {
        out.entry("no_leader")
            .or_default()
            .push(Fix::MoreLeaders { leaders: no_leader.div_ceil(max_size).max(1), qualification: prog.qualification.clone() });
    }
    texts(out)
}

/// Groups the qualified leaders could still lead, over what they lead in the plan.
fn spare_leaders(plan: &PlanFile, prog: &GroupProgramme, look: &Lookup) -> usize {
    let mut led: BTreeMap<&str, usize> = BTreeMap::new();
    for g in plan.groups.iter().flat_map(|p| p.groups.iter()) {
        for l in g.leader.iter().chain(&g.co_leaders) {
            *led.entry(l.as_str()).or_default() += 1;
        }
    }
    look.inst
        .group_leaders
        .iter()
        .filter(|l| l.qualifications.contains(&prog.qualification))
        .map(|l| l.max_groups.saturating_sub(led.get(l.id.as_str()).copied().unwrap_or(0)))
        .sum()
}

/// The caps per municipality and per unit that would let the groups hold everyone who now
/// lacks a seat or is kept out by a cap: the members and those unserved (`groups_full`,
/// `mixing_cap`) from the same place spread over as many groups as they fill (at least the
/// plan's), rounded up, never above the group size.
fn mixing_fixes(prog_plan: &GroupProgrammePlan, prog: &GroupProgramme, look: &Lookup, max_size: usize) -> Vec<Fix> {
    let waiting = prog_plan.unserved.iter().filter(|u| u.reason == "mixing_cap" || u.reason == "groups_full").map(|u| &u.participant);
    let ids: Vec<&String> = prog_plan.groups.iter().flat_map(|g| g.members.iter()).chain(waiting).collect();
    let m = ids.len().div_ceil(max_size).max(prog_plan.groups.len());
    if m == 0 {
        return vec![];
    }
    let people = ids.into_iter().filter_map(|id| look.participant.get(id.as_str()).map(|&i| &look.inst.participants[i]));
    let mut by_muni: BTreeMap<usize, usize> = BTreeMap::new();
    let mut by_unit: BTreeMap<usize, usize> = BTreeMap::new();
    for p in people {
        *by_muni.entry(p.municipality.index()).or_default() += 1;
        *by_unit.entry(p.unit.index()).or_default() += 1;
    }
    let need = |counts: &BTreeMap<usize, usize>| counts.values().map(|n| n.div_ceil(m)).max().unwrap_or(0).min(max_size);
    let mut out = Vec::new();
    if let Some(cap) = prog.max_per_municipality {
        let to = need(&by_muni);
        if to > cap {
            out.push(Fix::MunicipalityCap { from: cap, to, groups: m });
        }
    }
    if let Some(cap) = prog.max_per_unit {
        let to = need(&by_unit);
        if to > cap {
            out.push(Fix::UnitCap { from: cap, to, groups: m });
        }
    }
    out
}

/// The fixes of the timetable's unserved demands, per reason and course.
pub(crate) fn timetable(t: &TimetablePlan, look: &Lookup) -> Fixes {
    let mut counts: BTreeMap<(&str, usize), usize> = BTreeMap::new();
    for u in &t.unserved {
        if let Some(&c) = look.course.get(u.course.as_str()) {
            *counts.entry((u.reason.as_str(), c)).or_default() += 1;
        }
    }
    let mut out: BTreeMap<&str, Vec<Fix>> = BTreeMap::new();
    for ((reason, c), n) in counts {
        let course = &look.inst.timetable.courses[c];
        let name = course.name.clone();
        let seats = course.max_size.max(1);
        let fix = match reason {
            "sessions_full" => {
                let sessions = n.div_ceil(seats);
                let existing = t.sessions.iter().filter(|s| s.course == course.id).count();
                match course.max_sessions {
                    Some(most) if existing + sessions > most => Fix::MaxSessions { course: name, to: existing + sessions },
                    _ => Fix::MoreSessions { course: name, sessions, seats },
                }
            }
            "too_few_participants" if n < course.min_size => {
                Fix::MoreCourseParticipants { course: name, missing: course.min_size - n, min_size: course.min_size }
            }
            "trainers_fully_booked" => {
                Fix::TrainerDays { course: name, days: n.div_ceil(seats) * course.days * course.trainers_per_session.max(1) }
            }
            "no_qualified_trainer" if course.qualified.len() < course.trainers_per_session => {
                Fix::QualifyTrainers { course: name, trainers: course.trainers_per_session - course.qualified.len() }
            }
            "no_venue" => Fix::Venue { course: name, seats: course.min_size },
            _ => continue,
        };
        out.entry(reason).or_default().push(fix);
    }
    texts(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_carry_the_numbers() {
        assert_eq!(fix_sv(&Fix::MoreGroups { groups: 2, max_size: 8, leaders_short: 0 }), "öppna 2 grupper till (högst 8 per grupp)");
        assert_eq!(
            fix_sv(&Fix::MunicipalityCap { from: 2, to: 3, groups: 4 }),
            "höj taket per kommun från 2 till 3 (med 4 grupper i programmet)"
        );
        assert!(fix_sv(&Fix::MoreGroups { groups: 1, max_size: 8, leaders_short: 1 }).contains("1 grupp till"));
    }
}
