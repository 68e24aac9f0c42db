//! Group programmes and leaders with references resolved to indices.

use super::ids::{CourseId, MunicipalityId, ParticipantId, PhaseId};
use super::values::{DiversityWeights, GroupKind, GroupMeetingRules, Role};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A group programme.
#[derive(Debug, Clone)]
pub struct GroupProgramme {
    /// Id from the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: GroupKind,
    /// Participants considered (the enrolled list, or everyone).
    pub candidates: Vec<ParticipantId>,
    /// Eligible phases (held on a group's first meeting); empty = all.
    pub phases: HashSet<PhaseId>,
    /// Months in the profession on a group's first meeting: lower bound.
    pub min_months: Option<f64>,
    /// Upper bound.
    pub max_months: Option<f64>,
    /// Theme tags; empty = no theme.
    pub themes: Vec<String>,
    /// Eligible roles; empty = all.
    pub roles: Vec<Role>,
    /// Whether the enrolled list was explicit (then ineligible entries are reported).
    pub explicit_enrolment: bool,
    /// Group size bounds.
    pub min_size: usize,
    /// Group size bounds.
    pub max_size: usize,
    /// Fixed number of groups, if given.
    pub groups: Option<usize>,
    /// Per-group size ranges, if the groups differ (fixes the number of groups).
    pub group_sizes: Option<Vec<(usize, usize)>>,
    /// Mixing cap per municipality.
    pub max_per_municipality: Option<usize>,
    /// Mixing cap per unit.
    pub max_per_unit: Option<usize>,
    /// Every group needs a leader.
    pub leader_required: bool,
    /// Qualification tag of leaders.
    pub qualification: String,
    /// Meeting rules.
    pub meetings: GroupMeetingRules,
    /// Fixed venue (a municipality).
    pub venue: Option<MunicipalityId>,
    /// Participant pairs (i < j) that were in a group together before.
    pub together_before: HashSet<(ParticipantId, ParticipantId)>,
    /// Diversity and travel weights.
    pub diversity: DiversityWeights,
    /// Explicit pair benefits, keyed (i < j).
    pub pair_weights: HashMap<(ParticipantId, ParticipantId), f64>,
    /// Unlisted pairs have benefit 0.
    pub pair_weights_only: bool,
    /// Cohorts start at most every this many months as people become eligible; None: all
    /// groups start with the round.
    pub cohort_months: Option<u32>,
    /// The course whose sessions' attendees form the groups (one cohort per session).
    pub linked_course: Option<CourseId>,
    /// Leaders per group.
    pub leaders_per_group: usize,
}

/// A group leader.
#[derive(Debug, Clone)]
pub struct GroupLeader {
    /// Id from the file.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Home municipality.
    pub municipality: MunicipalityId,
    /// Qualification tags.
    pub qualifications: Vec<String>,
    /// Most groups in the round.
    pub max_groups: usize,
    /// Dates the leader cannot meet.
    pub unavailable: BTreeSet<NaiveDate>,
}

/// Orders a pair of ids.
pub fn ordered<T: Ord>(a: T, b: T) -> (T, T) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}
