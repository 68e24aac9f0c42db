//! Instance format, group part: supervision groups, reflection groups and research circles,
//! with their leaders. Serde types only (see [`super::instance`] for the rest of the file).

use super::instance::{DateOrRange, Role};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kind of a group programme.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Professional supervision for new hires (yrkeshandledning): from 6 months in the
    /// profession, small groups meeting monthly for a year, 8–10 sessions, external supervisor.
    Supervision,
    /// Reflection groups mixed from all municipalities.
    Reflection,
    /// Research circle (FoU-cirkel): about ten participants around a theme, with a circle leader.
    ResearchCircle,
}

impl GroupKind {
    /// The kind's name as written in files.
    pub fn name(self) -> &'static str {
        match self {
            GroupKind::Supervision => "supervision",
            GroupKind::Reflection => "reflection",
            GroupKind::ResearchCircle => "research_circle",
        }
    }

    /// Default group size (min, max) of the kind.
    pub fn default_size(self) -> (usize, usize) {
        match self {
            GroupKind::Supervision => (5, 8),
            GroupKind::Reflection => (6, 10),
            GroupKind::ResearchCircle => (8, 12),
        }
    }
}

/// A group programme of the round.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupProgrammeSpec {
    /// Identifier, e.g. `"handledning-2027"`.
    pub id: String,
    /// Display name, e.g. "Yrkeshandledning för nyanställda".
    pub name: String,
    /// Kind of group.
    pub kind: GroupKind,
    /// Who may take part.
    #[serde(default)]
    pub eligibility: GroupEligibility,
    /// Explicit list of participant ids enrolled; when given, only these (and only if
    /// eligible) are grouped. Default: every eligible participant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolled: Option<Vec<String>>,
    /// Smallest group. Default by kind: supervision 5, reflection 6, research circle 8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_size: Option<usize>,
    /// Largest group. Default by kind: supervision 8, reflection 10, research circle 12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<usize>,
    /// Sizes of each group, when groups differ (replaces `min_size`, `max_size` and `groups`;
    /// the plan lists the groups in this order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_sizes: Option<Vec<SizeRange>>,
    /// Number of groups; default: as few as the maximum size allows (more people meet more
    /// colleagues), never more than the leaders can lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<usize>,
    /// At most this many members of one group from the same municipality. Default: no cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_municipality: Option<usize>,
    /// At most this many members of one group from the same unit. Default 2.
    #[serde(default = "default_max_per_unit", skip_serializing_if = "Option::is_none")]
    pub max_per_unit: Option<usize>,
    /// Whether every group needs a leader. Default true.
    #[serde(default = "yes")]
    pub leader_required: bool,
    /// Qualification a leader must hold. Default: the kind's name (e.g. `"supervision"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader_qualification: Option<String>,
    /// Meetings per group. Default 8–10, monthly, at least 21 days apart.
    #[serde(default)]
    pub meetings: GroupMeetingRules,
    /// Fixed meeting place (municipality id). Default: each group meets in the municipality
    /// that minimises its members' travel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Groups of earlier rounds (lists of person ids): pairs that were together before gain
    /// less from meeting again.
    #[serde(default)]
    pub together_before: Vec<Vec<String>>,
    /// Weights of the pairwise diversity benefit and of travel.
    #[serde(default)]
    pub diversity: DiversityWeights,
    /// Explicit pairwise benefits replacing the computed diversity for the listed pairs (used
    /// to load external grouping benchmarks).
    #[serde(default)]
    pub pair_weights: Vec<PairWeight>,
    /// When true, pairs missing from `pair_weights` have benefit 0 instead of the computed one.
    #[serde(default)]
    pub pair_weights_only: bool,
    /// Groups fixed by hand: their members stay together (distinct fixed groups stay distinct
    /// groups), with the given leader and meeting dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed_groups: Vec<FixedGroup>,
    /// Cohorts: new groups start during the round, at most every this many months, as people
    /// become eligible (e.g. reach `min_months`); a cohort starts when enough people for a
    /// group are eligible and not yet grouped. Default: all groups start with the round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_months: Option<u32>,
    /// Course id: the groups are drawn from the attendees of each of this course's sessions
    /// (one cohort per session, meeting from the session's first day on). Default: not linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_course: Option<String>,
    /// Leaders per group (e.g. 2: a circle leader and a researcher). Default 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub leaders_per_group: usize,
}

/// A group fixed by hand.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FixedGroup {
    /// Participant ids who are in this group together (the solver may add more members).
    pub members: Vec<String>,
    /// Leader id. Default: chosen by the solver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// Meeting dates that must be among the group's meetings. Default: none fixed.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::date::strict_list")]
    pub meetings: Vec<chrono::NaiveDate>,
}

impl GroupProgrammeSpec {
    /// A programme with the defaults a file gets when it names only the id, name and kind:
    /// everyone eligible, at most two of a unit per group, a leader required, default meetings
    /// and weights.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: GroupKind) -> Self {
        GroupProgrammeSpec {
            id: id.into(),
            name: name.into(),
            kind,
            eligibility: GroupEligibility::default(),
            enrolled: None,
            min_size: None,
            max_size: None,
            group_sizes: None,
            groups: None,
            max_per_municipality: None,
            max_per_unit: default_max_per_unit(),
            leader_required: true,
            leader_qualification: None,
            meetings: GroupMeetingRules::default(),
            venue: None,
            together_before: vec![],
            diversity: DiversityWeights::default(),
            pair_weights: vec![],
            pair_weights_only: false,
            fixed_groups: vec![],
            cohort_months: None,
            linked_course: None,
            leaders_per_group: 1,
        }
    }
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

fn default_max_per_unit() -> Option<usize> {
    Some(2)
}

fn yes() -> bool {
    true
}

/// Who may join a group programme. Empty lists mean "no restriction".
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupEligibility {
    /// Eligible phases (phase ids), held on the group's first meeting.
    #[serde(default)]
    pub phases: Vec<String>,
    /// Fewest months in the profession on the group's first meeting (supervision: 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_months: Option<f64>,
    /// Most months in the profession on the group's first meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_months: Option<f64>,
    /// Theme tags: a participant needs at least one of them among their interests.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Eligible roles.
    #[serde(default)]
    pub roles: Vec<Role>,
}

/// Meeting rules of a group programme.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupMeetingRules {
    /// Fewest meetings. Default 8.
    #[serde(default = "eight")]
    pub min: u32,
    /// Most meetings. Default 10.
    #[serde(default = "ten")]
    pub max: u32,
    /// Smallest gap between meetings, days. Default 21.
    #[serde(default = "twenty_one")]
    pub min_days_between: u32,
    /// Prefer the same weekday for all meetings of a group. Default true.
    #[serde(default = "yes")]
    pub same_weekday: bool,
    /// Largest gap between consecutive meetings, days (a compact series). Default: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days_between: Option<u32>,
    /// Days after the round's start (when the groups are formed) before a group's first
    /// meeting, for groups that start with the round (a group with its own start meets from
    /// that start on). Default 14; 0 allows the round's first day.
    #[serde(
        default = "super::instance::default_first_meeting_after_days",
        skip_serializing_if = "super::instance::is_default_first_meeting_after_days"
    )]
    pub first_meeting_after_days: u32,
}

impl Default for GroupMeetingRules {
    fn default() -> Self {
        GroupMeetingRules {
            min: 8,
            max: 10,
            min_days_between: 21,
            same_weekday: true,
            max_days_between: None,
            first_meeting_after_days: super::instance::default_first_meeting_after_days(),
        }
    }
}

fn eight() -> u32 {
    8
}
fn ten() -> u32 {
    10
}
fn twenty_one() -> u32 {
    21
}

/// Weights of the benefit of putting two people in one group, and of members' travel.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DiversityWeights {
    /// Benefit when the two work in different municipalities. Default 4.
    #[serde(default = "w_municipality")]
    pub different_municipality: f64,
    /// Benefit when the two work in different units. Default 2.
    #[serde(default = "w_unit")]
    pub different_unit: f64,
    /// Benefit when the two have different roles. Default 1.
    #[serde(default = "w_role")]
    pub different_role: f64,
    /// Benefit when the two were not in a group together before. Default 3.
    #[serde(default = "w_new")]
    pub not_together_before: f64,
    /// Cost per minute of a member's one-way travel to the group's meeting place. Default 0.1.
    #[serde(default = "w_travel")]
    pub travel_per_minute: f64,
}

impl Default for DiversityWeights {
    fn default() -> Self {
        DiversityWeights {
            different_municipality: w_municipality(),
            different_unit: w_unit(),
            different_role: w_role(),
            not_together_before: w_new(),
            travel_per_minute: w_travel(),
        }
    }
}

fn w_municipality() -> f64 {
    4.0
}
fn w_unit() -> f64 {
    2.0
}
fn w_role() -> f64 {
    1.0
}
fn w_new() -> f64 {
    3.0
}
fn w_travel() -> f64 {
    0.1
}

/// An explicit pairwise benefit.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PairWeight {
    /// Participant id.
    pub a: String,
    /// Participant id.
    pub b: String,
    /// Benefit of the two being in the same group.
    pub w: f64,
}

/// A group leader: external supervisor, circle leader or facilitator.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupLeaderSpec {
    /// Identifier, unique among all people.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Home municipality id (for travel).
    pub municipality: String,
    /// Qualifications, e.g. `["supervision"]`, `["research_circle"]`.
    pub qualifications: Vec<String>,
    /// Most groups the leader takes in this round. Default 2.
    #[serde(default = "two")]
    pub max_groups: i64,
    /// Dates and ranges the leader cannot meet.
    #[serde(default)]
    pub unavailable: Vec<DateOrRange>,
}

fn two() -> i64 {
    2
}

/// A size range of one group.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SizeRange {
    /// Fewest members.
    pub min: usize,
    /// Most members.
    pub max: usize,
}
