//! The plan file format (`plan.json`, version 1): serde types only.
//!
//! Written by `trappa solve`, read by `trappa check`. The checker sees nothing else of a
//! solve than this file and the instance.

use super::instance::{ClockTime, Priority};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A plan for one programme round.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// Always `"trappa-plan"`.
    pub format: String,
    /// Plan format version (1).
    pub version: u32,
    /// Version of trappa that wrote the plan.
    pub trappa_version: String,
    /// The instance the plan was made for.
    pub instance: InstanceRef,
    /// How the plan was obtained.
    pub run: RunInfo,
    /// Optimality status of the plan.
    pub status: SolveStatus,
    /// Objective broken down by term.
    pub objective: ObjectiveReport,
    /// Mentor–mentee pairs, meeting series and unmatched mentees.
    pub mentorship: MentorshipPlan,
    /// Group programmes: groups with leaders and meetings, unserved participants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupProgrammePlan>,
    /// The course timetable; absent when the round has no courses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timetable: Option<TimetablePlan>,
    /// Present when the plan was made by `trappa replan` from a previous plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replan: Option<ReplanInfo>,
    /// What the plan's calendar files say: the times and places of every meeting series, and
    /// what re-plans moved or cancelled, so that a re-planned round's `.ics` files update the
    /// events people imported from earlier ones. Absent in plans made before calendars had
    /// times (their events are then taken as at the instance's times).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarRecord>,
    /// New hires and their introduktörer, when the instance plans an introduction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<IntroductionPlan>,
    /// What the plan costs in SEK, computed from the instance's cost items and the plan (see
    /// `docs/format.md`, "Costs and cost-sharing agreements"). Absent in plans made before it
    /// was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<CostRecord>,
}

/// Who introduces whom: every new hire of the round (in their first years of employment, as
/// many as `introduction.hours_per_week` has entries) is assigned or listed with a reason.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IntroductionPlan {
    /// One entry per new hire with an introduktör.
    pub assignments: Vec<IntroductionAssignment>,
    /// New hires without one, each with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unserved: Vec<IntroductionUnserved>,
}

/// A new hire's introduktör and the weekly hours, period by period.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IntroductionAssignment {
    /// Participant id of the new hire.
    pub hire: String,
    /// Introducer id.
    pub introducer: String,
    /// The hire's years of employment inside the round, each with its hours per week.
    pub periods: Vec<IntroductionPeriod>,
}

/// Part of a year of employment inside the round, with its weekly hours.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IntroductionPeriod {
    /// Year of employment, 1 for the first.
    pub year: u32,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Hours per week.
    pub hours_per_week: f64,
}

/// A new hire without an introduktör.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IntroductionUnserved {
    /// Participant id.
    pub hire: String,
    /// `no_introducer_in_unit` or `introducers_full`.
    pub reason: String,
    /// The reason in words.
    pub message: String,
}

/// The plan's cost in SEK (rounded to öre), by part, by participant and by paying municipality.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CostRecord {
    /// The sum of the parts.
    pub total: f64,
    /// By part: `programme_fees`, `course_fees`, `sessions` (fixed and day costs, trainers'
    /// and venues' day rates), `group_leaders`, `mentors`, `travel`. Parts that are zero are
    /// left out.
    pub parts: BTreeMap<String, f64>,
    /// What each municipality pays (every municipality of the instance, by id): its own
    /// participants' costs, or its share of its agreement's pooled costs.
    pub municipalities: BTreeMap<String, f64>,
    /// The costs each participant causes (every participant of the instance, by id): their
    /// fees and travel, and their equal part of their sessions' and groups' shared costs.
    pub participants: BTreeMap<String, f64>,
    /// Shared costs of activities nobody attends (a session without attendees), by the
    /// municipality that pays them (the venue's). Left out when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unattended: BTreeMap<String, f64>,
}

/// The calendar files' memory across re-plans. Event UIDs are derived from the round's name,
/// the series (pair, group or session) and the meeting's number in it, so the n-th meeting of a
/// series keeps its UID however often it moves.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CalendarRecord {
    /// Time zone of all times (`Europe/Stockholm`).
    pub time_zone: String,
    /// Each meeting series' times of day and place as written into the calendars.
    pub series: Vec<SeriesRecord>,
    /// The iCalendar `SEQUENCE` of events whose date, time or place changed since the first
    /// plan (how many times), by UID; every other event has 0.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sequences: BTreeMap<String, u32>,
    /// Events an earlier plan of the round gave a person and this one does not (from the
    /// re-plan's date on: earlier meetings took place and stay in people's calendars). They are
    /// written as cancelled into the person's calendar, in every later plan too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cancelled: Vec<CancelledEvent>,
}

/// When and where one meeting series meets.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeriesRecord {
    /// The series: `["pair", mentor, mentee]`, `["group", programme, group]` or
    /// `["session", session]`.
    pub series: Vec<String>,
    /// Start time of its meetings (local time).
    pub start: ClockTime,
    /// End time of its meetings (local time).
    pub end: ClockTime,
    /// The place as written in the calendars.
    pub location: String,
}

/// An event taken out of a person's calendar.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CancelledEvent {
    /// The event's UID.
    pub uid: String,
    /// Person id of the calendar.
    pub person: String,
    /// `SEQUENCE` of the cancellation (above the one the person was last sent).
    pub sequence: u32,
    /// Local start of the event as last sent.
    pub start: NaiveDateTime,
    /// Local end of the event as last sent.
    pub end: NaiveDateTime,
    /// The event's title as last sent.
    pub summary: String,
    /// The event's place as last sent.
    pub location: String,
    /// A whole-day event (an introduction week): `start` and `end` are midnights, `end` the
    /// day after the last day.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all_day: bool,
}

/// How a re-planned round differs from the plan it was made from.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReplanInfo {
    /// SHA-256 of the previous plan's `plan.json`.
    pub previous_plan_sha256: String,
    /// The previous plan's directory, relative to this plan's directory (e.g. `../plan`) or,
    /// where that cannot be said, absolute: with the SHA-256 above, the history of a round's
    /// plans can be walked back. Absent in plans re-planned before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_plan: Option<String>,
    /// The planning date: everything dated before it is kept exactly as it was.
    pub today: NaiveDate,
    /// Weight of a changed person by role (`participant`, `mentor`, `trainer`, `leader`).
    pub change_weights: BTreeMap<String, f64>,
    /// The weighted number of people whose planned dates from `today` on were changed or
    /// removed (the first term re-planning minimises).
    pub weighted_changes: f64,
    /// People whose planned dates from `today` on were changed or removed.
    pub changed: Vec<ChangedPerson>,
    /// People who only got new dates (newcomers, someone taking an extra mentee or session).
    pub added: Vec<String>,
    /// Pairs of the previous plan that run on (the checker keeps them fixed when it asks
    /// whether more mentees could be matched).
    pub kept_pairs: Vec<KeptPair>,
    /// What was changed and why, for the coordinator.
    pub notes: Vec<String>,
}

/// A person whose planned dates changed in a re-plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChangedPerson {
    /// Person id.
    pub person: String,
    /// Role the weight was taken from.
    pub role: String,
    /// Weight of the change.
    pub weight: f64,
    /// Planned entries (from `today` on) removed or changed.
    pub removed: usize,
    /// New entries.
    pub added: usize,
}

/// A mentor–mentee pair kept from the previous plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct KeptPair {
    /// Mentor id.
    pub mentor: String,
    /// Mentee id.
    pub mentee: String,
}

/// Identifies the instance file a plan belongs to.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct InstanceRef {
    /// Path as given on the command line.
    pub path: String,
    /// SHA-256 of the instance file's bytes (hex).
    pub sha256: String,
    /// The round's name.
    pub round: String,
}

/// Run metadata.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RunInfo {
    /// Strategy name as chosen with `--strategy`.
    pub strategy: String,
    /// Seed of all randomness in the run.
    pub seed: u64,
    /// Wall-clock seconds of the solve (reading and writing excluded).
    pub runtime_seconds: f64,
    /// Time limit in seconds, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_seconds: Option<f64>,
    /// When the plan was made (RFC 3339, UTC, whole seconds): the clock, or
    /// `SOURCE_DATE_EPOCH` when set. The calendars' `DTSTAMP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<DateTime<Utc>>,
}

/// Optimality of a plan.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Optimality {
    /// Proven optimal: bound equals objective.
    Optimal,
    /// Feasible, optimality not proven (a heuristic, or a time limit was hit).
    Feasible,
}

/// Optimality status, with the method that established it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SolveStatus {
    /// `optimal` or `feasible`.
    pub optimality: Optimality,
    /// The method used, in words.
    pub method: String,
    /// Lower bound on the cost (minimisation), when the method provides one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<f64>,
    /// Relative gap between cost and bound, when a bound exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gap: Option<f64>,
    /// Why the search stopped, in the coordinator's words: `bevisad optimal`, `ingen
    /// förbättring på N s` (no improvement for N seconds), `tidsgränsen` (the time limit),
    /// `avbruten (Ctrl-C)` or `arbetsbudgeten klar` (the method's fixed work ran out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<String>,
    /// The mentorship's status only, set by a heuristic that matched fewer mentees than could
    /// be matched: that maximum. A plan below the maximum is valid only when it says so here
    /// (checker rule C031); absent when the plan matches the maximum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_maximum: Option<usize>,
}

/// The objective: first the number of matched mentees (maximised), then the cost (minimised)
/// as the sum of named terms.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveReport {
    /// Mentees matched to a mentor (maximised first).
    pub matched: usize,
    /// Eligible mentees left without a mentor.
    pub unmatched: usize,
    /// Total weighted cost of the pairs (minimised second).
    pub cost: f64,
    /// The cost by term (weighted): `travel`, `same_municipality`, `interest_mismatch`,
    /// `repeat_pair`, `balance`, `explicit_pair_cost`.
    pub terms: BTreeMap<String, f64>,
}

/// The mentorship part of a plan.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MentorshipPlan {
    /// Pairs with their meeting series, sorted by mentor then mentee id.
    pub pairs: Vec<PairPlan>,
    /// Eligible mentees without a mentor, with the reason.
    pub unmatched: Vec<UnmatchedMentee>,
    /// Participants who want a mentor but are not eligible, with the reason.
    pub not_eligible: Vec<NotEligible>,
}

/// One mentor–mentee pair.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PairPlan {
    /// Mentor id.
    pub mentor: String,
    /// Participant id.
    pub mentee: String,
    /// One-way travel minutes between the two municipalities.
    pub travel_minutes: f64,
    /// The pair's weighted cost by term (the balance term is reported per mentor in the
    /// objective, not per pair).
    pub cost: BTreeMap<String, f64>,
    /// Municipality id where the pair meets.
    pub meeting_place: String,
    /// Meeting dates, ascending.
    pub meetings: Vec<NaiveDate>,
    /// Set when fewer than the minimum number of meetings fit, with the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<String>,
}

/// An eligible mentee left without a mentor.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UnmatchedMentee {
    /// Participant id.
    pub mentee: String,
    /// `no_eligible_mentor` or `eligible_mentors_full`.
    pub reason: String,
    /// The reason in words.
    pub message: String,
    /// For `eligible_mentors_full`: the eligible mentors, all at capacity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub full_mentors: Vec<String>,
    /// For `no_eligible_mentor`: how many mentors each rule excluded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub excluded_by: BTreeMap<String, usize>,
}

/// A participant who wants a mentor but may not have one in this programme.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct NotEligible {
    /// Participant id.
    pub participant: String,
    /// The participant's phase at the round's start.
    pub phase: String,
    /// The reason in words.
    pub message: String,
}

/// The plan of one group programme.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupProgrammePlan {
    /// Programme id.
    pub programme: String,
    /// Kind (`supervision`, `reflection`, `research_circle`).
    pub kind: String,
    /// Grouping strategy.
    pub strategy: String,
    /// Optimality of the grouping and the method.
    pub status: SolveStatus,
    /// Objective of the programme (maximised): `diversity − travel`.
    pub objective: GroupObjective,
    /// The groups.
    pub groups: Vec<GroupPlan>,
    /// Eligible participants without a group, with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unserved: Vec<GroupUnserved>,
    /// Enrolled participants who are not eligible.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_eligible: Vec<GroupUnserved>,
    /// Notes for the coordinator (e.g. fewer groups than asked for, and why).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A group programme's objective by term.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupObjective {
    /// Sum of the pairwise benefits within groups.
    pub diversity: f64,
    /// Members' weighted one-way travel to their group's meeting place.
    pub travel: f64,
    /// `diversity − travel`, maximised.
    pub total: f64,
    /// Leaders' one-way travel minutes to their groups (minimised when choosing leaders).
    pub leader_travel_minutes: f64,
}

/// One group.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupPlan {
    /// Group id, e.g. `handledning-03`.
    pub id: String,
    /// Leader id, if the group has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// Further leaders, when the programme has more than one per group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_leaders: Vec<String>,
    /// The group's start, for a programme whose groups start during the round (cohorts, a
    /// linked course): the members are eligible on it and the meetings fall on or after it.
    /// Absent: the group starts with the round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// For a programme linked to a course: the session whose attendees the group is drawn from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// Municipality id where the group meets.
    pub meeting_place: String,
    /// Participant ids.
    pub members: Vec<String>,
    /// Meeting dates, ascending.
    pub meetings: Vec<NaiveDate>,
    /// Meetings that a member cannot attend, listed so they can be told.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<GroupConflict>,
    /// Set when fewer than the minimum number of meetings fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<String>,
}

/// A member who cannot attend a group meeting.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupConflict {
    /// The date.
    pub date: NaiveDate,
    /// Participant id.
    pub participant: String,
    /// `unavailable` or `another programme activity`.
    pub reason: String,
}

/// A participant without a group, or not eligible.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GroupUnserved {
    /// Participant id.
    pub participant: String,
    /// Reason code: `groups_full`, `too_few_for_a_group`, `mixing_cap`, `no_leader`,
    /// `eligible_later`, `not_eligible`.
    pub reason: String,
    /// The reason in words.
    pub message: String,
}

/// The course timetable of a plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TimetablePlan {
    /// Timetable strategy as chosen with `--timetable-strategy`.
    pub strategy: String,
    /// Optimality of the timetable: method, lower bound and gap.
    pub status: SolveStatus,
    /// The timetable's objective by term.
    pub objective: TimetableObjective,
    /// Sessions, by course, first day and venue.
    pub sessions: Vec<SessionPlan>,
    /// Demands left unserved, with the reason.
    pub unserved: Vec<UnservedDemand>,
}

/// The timetable objective (minimised): penalties of unserved demand by priority, travel,
/// session cost and mixing, all in SEK-equivalents.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TimetableObjective {
    /// Sum of the terms.
    pub total: f64,
    /// Weighted terms: `unserved_high`, `unserved_normal`, `unserved_low`, `travel`,
    /// `session_cost`, `mixing`.
    pub terms: BTreeMap<String, f64>,
    /// Demands and served demands by priority (`high`, `normal`, `low`).
    pub coverage: BTreeMap<String, Coverage>,
}

/// Coverage of one priority.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Demands of the priority.
    pub demanded: usize,
    /// Of which served.
    pub served: usize,
}

/// One course session.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SessionPlan {
    /// Session id: course id and a number, e.g. `barnratt-02`.
    pub id: String,
    /// Course id.
    pub course: String,
    /// Course days, ascending.
    pub dates: Vec<NaiveDate>,
    /// Venue id.
    pub venue: String,
    /// Trainer ids.
    pub trainers: Vec<String>,
    /// Participant ids of the attendees, ascending.
    pub attendees: Vec<String>,
    /// Placeholder ids of forecast hires holding seats in the session (not yet known by name;
    /// see the instance's `forecast`), ascending. Not among `attendees`. Default: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forecast: Vec<String>,
}

/// A demand the timetable does not serve.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UnservedDemand {
    /// Participant id.
    pub participant: String,
    /// Course id.
    pub course: String,
    /// Priority of the demand.
    pub priority: Priority,
    /// Reason code (see `docs/timetable.md`).
    pub reason: String,
    /// The reason in words.
    pub message: String,
}
