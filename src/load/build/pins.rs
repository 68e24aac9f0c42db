//! Pins (`mentorship.fixed_pairs`, `fixed_sessions`, `group_programmes[].fixed_groups`) with
//! references resolved to indices; each keeps the JSON path it came from.

use super::index_by_id;
use crate::format::InstanceFile;
use crate::model::pins::{PinnedGroup, PinnedPair, PinnedSession, Pins};
use crate::model::{CourseId, Instance, LeaderId, MentorId, ParticipantId, TrainerId, VenueId};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Resolves the pins of a validated file against its model (which must have its timetable
/// built). Unknown references cannot occur after validation; should one slip through, that
/// reference is left out rather than panicking.
pub(super) fn build(f: &InstanceFile, inst: &Instance) -> Pins {
    let participant = index_by_id(&inst.participants, |p| &p.id);
    let mentor = index_by_id(&inst.mentors, |m| &m.id);
    let leader = index_by_id(&inst.group_leaders, |l| &l.id);
    let tm = &inst.timetable;
    let course = index_by_id(&tm.courses, |c| &c.id);
    let venue = index_by_id(&tm.venues, |v| &v.id);
    let trainer = index_by_id(&tm.trainers, |t| &t.id);
    let day: HashMap<NaiveDate, usize> = tm.days.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let sorted = |v: &[NaiveDate]| {
        let mut v = v.to_vec();
        v.sort();
        v.dedup();
        v
    };
    let pairs = f
        .mentorship
        .fixed_pairs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            Some(PinnedPair {
                mentor: MentorId(*mentor.get(p.mentor.as_str())?),
                mentee: ParticipantId(*participant.get(p.mentee.as_str())?),
                meetings: sorted(&p.meetings),
                path: format!("mentorship.fixed_pairs[{i}]"),
            })
        })
        .collect();
    let sessions = f
        .fixed_sessions
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let c = CourseId(*course.get(s.course.as_str())?);
            let attendees: Vec<ParticipantId> =
                s.attendees.iter().flatten().filter_map(|a| participant.get(a.as_str()).copied().map(ParticipantId)).collect();
            let demands =
                attendees.iter().map(|&p| tm.demands_of[p.index()].iter().copied().find(|&d| tm.demands[d].course == c)).collect();
            let path = format!("fixed_sessions[{i}]");
            Some(PinnedSession {
                course: c,
                label: s.id.clone().unwrap_or_else(|| path.clone()),
                days: s.dates.as_ref().map(|ds| sorted(ds).iter().filter_map(|d| day.get(d).copied()).collect()),
                venue: s.venue.as_ref().and_then(|v| venue.get(v.as_str()).copied().map(VenueId)),
                trainers: s.trainers.iter().flatten().filter_map(|t| trainer.get(t.as_str()).copied().map(TrainerId)).collect(),
                attendees,
                demands,
                path,
            })
        })
        .collect();
    let groups = f
        .group_programmes
        .iter()
        .enumerate()
        .map(|(pi, g)| {
            g.fixed_groups
                .iter()
                .enumerate()
                .map(|(k, fg)| PinnedGroup {
                    members: fg.members.iter().filter_map(|m| participant.get(m.as_str()).map(|&i| ParticipantId(i))).collect(),
                    leader: fg.leader.as_ref().and_then(|l| leader.get(l.as_str()).map(|&i| LeaderId(i))),
                    meetings: sorted(&fg.meetings),
                    path: format!("group_programmes[{pi}].fixed_groups[{k}]"),
                })
                .collect()
        })
        .collect();
    Pins { pairs, sessions, groups }
}
