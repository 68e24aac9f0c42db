//! Pins: parts of a round fixed by hand in the instance file (`mentorship.fixed_pairs`,
//! `fixed_sessions`, `group_programmes[].fixed_groups`), with references resolved to indices.
//!
//! Every solver honours them; [`crate::load::validate`] rejects pins that cannot hold on their own,
//! and the solvers report pins that cannot hold together. Each pin keeps the JSON path it came
//! from, so messages name it the way the coordinator wrote it.

use super::{CourseId, DemandId, LeaderId, MentorId, ParticipantId, TrainerId, VenueId};
use chrono::NaiveDate;

/// A mentor–mentee pair fixed by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedPair {
    /// The mentor.
    pub mentor: MentorId,
    /// The mentee.
    pub mentee: ParticipantId,
    /// Dates that must be among the pair's meetings, ascending.
    pub meetings: Vec<NaiveDate>,
    /// Where the pin is written, e.g. `mentorship.fixed_pairs[0]`.
    pub path: String,
}

/// A course session fixed by hand; `None`/empty fields are the solver's choice.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedSession {
    /// The course.
    pub course: CourseId,
    /// The pin's label for messages: its `id`, or its JSON path.
    pub label: String,
    /// Working-day indices of the session, when the dates are pinned.
    pub days: Option<Vec<usize>>,
    /// The venue, when pinned.
    pub venue: Option<VenueId>,
    /// Trainers who must teach the session (possibly fewer than the course needs).
    pub trainers: Vec<TrainerId>,
    /// Participants who must attend.
    pub attendees: Vec<ParticipantId>,
    /// The demand of each attendee (same order), for the course; `None` when the attendee has
    /// no demand for it (validation rejects that).
    pub demands: Vec<Option<DemandId>>,
    /// Where the pin is written, e.g. `fixed_sessions[2]`.
    pub path: String,
}

impl PinnedSession {
    /// Whether a session of the pin's course on `days` at `venue` taught by `trainers` fits the
    /// pinned dates, venue and trainers (attendees not considered).
    pub fn admits(&self, course: usize, days: &[usize], venue: usize, trainers: &[usize]) -> bool {
        course == self.course.index()
            && self.days.as_deref().is_none_or(|d| d == days)
            && self.venue.is_none_or(|v| v.index() == venue)
            && self.trainers.iter().all(|r| trainers.contains(&r.index()))
    }
}

/// A group fixed by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedGroup {
    /// Participants who are in the group together.
    pub members: Vec<ParticipantId>,
    /// The leader, when pinned.
    pub leader: Option<LeaderId>,
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
    /// Fixed groups, per group programme (same order as [`crate::model::Instance::group_programmes`]).
    pub groups: Vec<Vec<PinnedGroup>>,
}

impl Pins {
    /// True when nothing is pinned.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty() && self.sessions.is_empty() && self.groups.iter().all(Vec::is_empty)
    }
}
