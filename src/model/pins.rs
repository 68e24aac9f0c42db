//! Pins: parts of a round fixed by hand in the instance file (`mentorship.fixed_pairs`,
//! `fixed_sessions`, `group_programmes[].fixed_groups`), with references resolved to indices.
//!
//! Every solver honours them; [`crate::load::validate`] rejects pins that cannot hold on their own,
//! and the solvers report pins that cannot hold together. Each pin keeps the JSON path it came
//! from, so messages name it the way the coordinator wrote it.

use super::Instance;
use crate::format::InstanceFile;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A mentor–mentee pair fixed by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedPair {
    /// Mentor index.
    pub mentor: usize,
    /// Participant index of the mentee.
    pub mentee: usize,
    /// Dates that must be among the pair's meetings, ascending.
    pub meetings: Vec<NaiveDate>,
    /// Where the pin is written, e.g. `mentorship.fixed_pairs[0]`.
    pub path: String,
}

/// A course session fixed by hand; `None`/empty fields are the solver's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedSession {
    /// Course index.
    pub course: usize,
    /// The pin's label for messages: its `id`, or its JSON path.
    pub label: String,
    /// Working-day indices of the session, when the dates are pinned.
    pub days: Option<Vec<usize>>,
    /// Venue index, when pinned.
    pub venue: Option<usize>,
    /// Trainer indices that must teach the session (possibly fewer than the course needs).
    pub trainers: Vec<usize>,
    /// Participant indices who must attend.
    pub attendees: Vec<usize>,
    /// Demand index of each attendee (same order), for the course; `None` when the attendee has
    /// no demand for it (validation rejects that).
    pub demands: Vec<Option<usize>>,
    /// Where the pin is written, e.g. `fixed_sessions[2]`.
    pub path: String,
}

impl PinnedSession {
    /// Whether a session of the pin's course on `days` at `venue` taught by `trainers` fits the
    /// pinned dates, venue and trainers (attendees not considered).
    pub fn admits(&self, course: usize, days: &[usize], venue: usize, trainers: &[usize]) -> bool {
        course == self.course
            && self.days.as_deref().is_none_or(|d| d == days)
            && self.venue.is_none_or(|v| v == venue)
            && self.trainers.iter().all(|r| trainers.contains(r))
    }
}

/// A group fixed by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedGroup {
    /// Participant indices who are in the group together.
    pub members: Vec<usize>,
    /// Leader index, when pinned.
    pub leader: Option<usize>,
    /// Dates that must be among the group's meetings, ascending.
    pub meetings: Vec<NaiveDate>,
    /// Where the pin is written, e.g. `group_programmes[0].fixed_groups[1]`.
    pub path: String,
}

/// Every pin of a round.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pins {
    /// Fixed mentor–mentee pairs.
    pub pairs: Vec<PinnedPair>,
    /// Fixed course sessions.
    pub sessions: Vec<PinnedSession>,
    /// Fixed groups, per group programme (same order as [`Instance::group_programmes`]).
    pub groups: Vec<Vec<PinnedGroup>>,
}

impl Pins {
    /// True when nothing is pinned.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty() && self.sessions.is_empty() && self.groups.iter().all(Vec::is_empty)
    }

    /// Resolves the pins of a validated file against its model (which must have its timetable
    /// built). Unknown references cannot occur after validation; should one slip through, that
    /// reference is left out rather than panicking.
    pub fn build(f: &InstanceFile, inst: &Instance) -> Pins {
        let participant: HashMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mentor: HashMap<&str, usize> = inst.mentors.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
        let leader: HashMap<&str, usize> = inst.group_leaders.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
        let tm = &inst.timetable;
        let course: HashMap<&str, usize> = tm.courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let venue: HashMap<&str, usize> = tm.venues.iter().enumerate().map(|(i, v)| (v.id.as_str(), i)).collect();
        let trainer: HashMap<&str, usize> = tm.trainers.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
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
                    mentor: *mentor.get(p.mentor.as_str())?,
                    mentee: *participant.get(p.mentee.as_str())?,
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
                let c = *course.get(s.course.as_str())?;
                let attendees: Vec<usize> = s.attendees.iter().flatten().filter_map(|a| participant.get(a.as_str()).copied()).collect();
                let demands = attendees.iter().map(|&p| tm.demands_of[p].iter().copied().find(|&d| tm.demands[d].course == c)).collect();
                let path = format!("fixed_sessions[{i}]");
                Some(PinnedSession {
                    course: c,
                    label: s.id.clone().unwrap_or_else(|| path.clone()),
                    days: s.dates.as_ref().map(|ds| sorted(ds).iter().filter_map(|d| day.get(d).copied()).collect()),
                    venue: s.venue.as_ref().and_then(|v| venue.get(v.as_str()).copied()),
                    trainers: s.trainers.iter().flatten().filter_map(|t| trainer.get(t.as_str()).copied()).collect(),
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
                        members: fg.members.iter().filter_map(|m| participant.get(m.as_str()).copied()).collect(),
                        leader: fg.leader.as_ref().and_then(|l| leader.get(l.as_str()).copied()),
                        meetings: sorted(&fg.meetings),
                        path: format!("group_programmes[{pi}].fixed_groups[{k}]"),
                    })
                    .collect()
            })
            .collect();
        Pins { pairs, sessions, groups }
    }
}
