//! The validated, indexed model of the course timetable: courses, trainers, venues, the
//! demand derived from individual plans and phase defaults, and every possible session start.
//!
//! Days are indices into the round's working days ([`TimetableModel::days`]), so solvers work
//! on small integers. [`crate::load::build`] derives the demand and the session starts from
//! the file; this module owns the deadline and absence-cap rules they use; which sessions run
//! is [`crate::solve::timetable`]'s business.

use super::values::{DayPattern, Priority, Role, TimetableWeights};
use super::{CourseId, DemandId, Instance, MunicipalityId, ParticipantId, PhaseId, TrainerId};
use chrono::{Duration, Months, NaiveDate};
use std::collections::{BTreeSet, HashSet};

/// A course.
#[derive(Debug, Clone)]
pub struct Course {
    /// Id from the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Days of one session.
    pub days: usize,
    /// Layout of the days.
    pub pattern: DayPattern,
    /// Smallest viable group.
    pub min_size: usize,
    /// Largest group.
    pub max_size: usize,
    /// Trainers per session.
    pub trainers_per_session: usize,
    /// Prerequisite courses.
    pub prerequisites: Vec<CourseId>,
    /// Months of employment within which the course must be finished.
    pub deadline_months: Option<u32>,
    /// Most sessions in the round.
    pub max_sessions: Option<usize>,
    /// Fixed cost of a session, SEK.
    pub fixed_cost: f64,
    /// Cost per session day, SEK.
    pub day_cost: f64,
    /// For the spread pattern: fewest calendar days between course days.
    pub min_gap_days: u32,
    /// Phases allowed to take the course (empty: all).
    pub phases: Vec<PhaseId>,
    /// Roles allowed to take the course (empty: all).
    pub roles: Vec<Role>,
    /// Sub-regions (by name) whose participants may take the course (empty: the whole region).
    pub subregions: Vec<String>,
    /// The trainers qualified for the course.
    pub qualified: Vec<TrainerId>,
    /// Limits on the course's start dates (cadence).
    pub cadence: Cadence,
    /// The course's development area (index into [`TimetableModel::areas`]); a course without
    /// an area is an area of its own.
    pub area: usize,
}

impl Course {
    /// Whether the course admits participants of `role` (a course without roles admits all).
    pub fn admits_role(&self, role: Role) -> bool {
        self.roles.is_empty() || self.roles.contains(&role)
    }

    /// Whether the course admits participants from a municipality of sub-region `subregion` (a
    /// course without sub-regions admits the whole region).
    pub fn admits_subregion(&self, subregion: Option<&str>) -> bool {
        self.subregions.is_empty() || subregion.is_some_and(|s| self.subregions.iter().any(|x| x == s))
    }
}

/// Limits on a course's start dates: how often it starts per year and how far apart. Sessions
/// starting on the same date are one start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cadence {
    /// Fewest starts per year of the round.
    pub min_per_year: Option<usize>,
    /// Most starts per year of the round.
    pub max_per_year: Option<usize>,
    /// Fewest calendar days between consecutive starts.
    pub min_gap_days: Option<i64>,
    /// Most calendar days between consecutive starts.
    pub max_gap_days: Option<i64>,
}

impl Cadence {
    /// Whether the course has any cadence rule.
    pub fn is_set(&self) -> bool {
        *self != Cadence::default()
    }
}

/// A year of the round for the cadence rules: a 12-month window from the round's start (the
/// last one cut at the round's end), with the share of a full year it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CadenceYear {
    /// First date.
    pub start: NaiveDate,
    /// Last date (inclusive).
    pub end: NaiveDate,
    /// Days of the window over the days of the full 12-month window (1 for a full year).
    pub share: f64,
}

/// A term for the per-term workload limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Name shown to coordinators, e.g. "VT 2027".
    pub name: String,
    /// First date.
    pub start: NaiveDate,
    /// Last date (inclusive).
    pub end: NaiveDate,
}

/// A trainer.
#[derive(Debug, Clone)]
pub struct Trainer {
    /// Id from the file.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Most teaching days in the round.
    pub max_days: usize,
    /// SEK per teaching day.
    pub day_rate: f64,
    /// Dates the trainer cannot teach.
    pub unavailable: BTreeSet<NaiveDate>,
    /// The participant the trainer also is (the same id in both lists): one person, who
    /// never teaches on a day they attend a course.
    pub person: Option<ParticipantId>,
}

/// A venue.
#[derive(Debug, Clone)]
pub struct Venue {
    /// Id from the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The venue's municipality.
    pub municipality: MunicipalityId,
    /// Seats.
    pub capacity: usize,
    /// SEK per day.
    pub day_rate: f64,
    /// Dates the venue is not available.
    pub unavailable: BTreeSet<NaiveDate>,
}

/// Where a demand comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemandOrigin {
    /// The participant's individual plan (`demand` in the file).
    IndividualPlan,
    /// The phase's default (`phase_demand`).
    Phase,
}

/// One participant wanting one course.
#[derive(Debug, Clone)]
pub struct Demand {
    /// The participant.
    pub participant: ParticipantId,
    /// The course.
    pub course: CourseId,
    /// Priority.
    pub priority: Priority,
    /// Penalty when unserved (from the weights).
    pub penalty: f64,
    /// First and last working-day index the participant may be on this course; None when the
    /// deadline has passed or the participant starts after the round.
    pub window: Option<(usize, usize)>,
    /// Where the demand comes from.
    pub origin: DemandOrigin,
    /// False when the participant's phase may not take the course.
    pub eligible: bool,
}

/// Workload limits with each unit's absence cap computed.
#[derive(Debug, Clone, Default)]
pub struct Workload {
    /// Course days per participant and calendar month.
    pub max_days_per_month: usize,
    /// Course days per participant in the round.
    pub max_days_per_round: usize,
    /// Courses per participant in the round.
    pub max_courses: usize,
    /// Courses per participant and term (`usize::MAX`: no limit).
    pub max_courses_per_term: usize,
    /// Course days per participant and term (`usize::MAX`: no limit).
    pub max_days_per_term: usize,
    /// Development areas per participant and term (`usize::MAX`: no limit).
    pub max_areas_per_term: usize,
    /// Most people of each unit away on course on one day.
    pub unit_cap: Vec<usize>,
}

/// The most people of a unit with `headcount` staff who may be away on course on one day:
/// `share × headcount` rounded down, at least one, and never the whole unit.
pub fn unit_absence_cap(headcount: i64, share: f64) -> usize {
    if headcount < 2 {
        return 0;
    }
    let by_share = (share * headcount as f64 + 1e-9).floor() as i64;
    by_share.max(1).min(headcount - 1) as usize
}

/// Last day a course may end for someone employed on `employment_start` with a deadline of
/// `months` months of employment: the day before the same date `months` months later.
pub fn deadline_date(employment_start: NaiveDate, months: u32) -> NaiveDate {
    employment_start.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX) - Duration::days(1)
}

/// The timetable part of a round.
#[derive(Debug, Clone, Default)]
pub struct TimetableModel {
    /// The round's working days; day indices refer to this list.
    pub days: Vec<NaiveDate>,
    /// Month number (0 = the round's first month) of each working day.
    pub day_month: Vec<usize>,
    /// Number of months touched by the round.
    pub months: usize,
    /// The terms the round touches (explicit ones from the file, else VT/HT half-years).
    pub terms: Vec<Term>,
    /// Term of each working day (None: the day lies in no explicit term).
    pub day_term: Vec<Option<usize>>,
    /// The cadence years of the round.
    pub years: Vec<CadenceYear>,
    /// Cadence year of each working day.
    pub day_year: Vec<usize>,
    /// Development areas: the named ones, then one per course without an area.
    pub areas: Vec<String>,
    /// Courses.
    pub courses: Vec<Course>,
    /// Trainers.
    pub trainers: Vec<Trainer>,
    /// Venues.
    pub venues: Vec<Venue>,
    /// Demands, individual plans first (file order), then phase defaults (participant order).
    pub demands: Vec<Demand>,
    /// The demands of each participant (indexed by participant).
    pub demands_of: Vec<Vec<DemandId>>,
    /// (participant, course) pairs completed before the round.
    pub completed: HashSet<(ParticipantId, CourseId)>,
    /// Phase defaults the participant's role rules out: (participant, course) pairs that are
    /// not demands because the course is for other roles.
    pub role_excluded: Vec<(ParticipantId, CourseId)>,
    /// Workload limits.
    pub workload: Workload,
    /// Objective weights.
    pub weights: TimetableWeights,
    /// Every possible session of each course as its list of day indices, by first day.
    pub starts: Vec<Vec<Vec<usize>>>,
    /// `trainer_free[r][t]`: trainer r is available on day t.
    pub trainer_free: Vec<Vec<bool>>,
    /// `venue_free[v][t]`: venue v is available on day t.
    pub venue_free: Vec<Vec<bool>>,
    /// `participant_free[p][t]`: participant p is available on day t.
    pub participant_free: Vec<Vec<bool>>,
    /// `trainer_of[p]`: the trainer participant p also is, if any (see [`Trainer::person`]).
    pub trainer_of: Vec<Option<TrainerId>>,
}

impl TimetableModel {
    /// True when the round has courses to plan.
    pub fn is_empty(&self) -> bool {
        self.courses.is_empty()
    }

    /// Round-trip travel cost of one participant attending `days` course days at a venue.
    pub fn travel_cost(&self, inst: &Instance, participant: usize, venue: usize, days: usize) -> f64 {
        let t = inst.travel(inst.participants[participant].municipality, self.venues[venue].municipality);
        self.weights.travel_per_minute * 2.0 * t * days as f64
    }

    /// Cost of a session: venue rent and trainers' day rates for its days plus the fixed cost.
    pub fn session_cost(&self, course: usize, venue: usize, trainers: &[usize]) -> f64 {
        let c = &self.courses[course];
        let per_day = self.venues[venue].day_rate + trainers.iter().map(|&r| self.trainers[r].day_rate).sum::<f64>();
        self.weights.cost_per_sek * ((per_day + c.day_cost) * c.days as f64 + c.fixed_cost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absence_cap_keeps_one_home_and_lets_one_go() {
        assert_eq!(unit_absence_cap(1, 0.25), 0);
        assert_eq!(unit_absence_cap(2, 0.25), 1);
        assert_eq!(unit_absence_cap(12, 0.25), 3);
        assert_eq!(unit_absence_cap(3, 1.0), 2);
    }

    #[test]
    fn deadline_is_the_day_before_the_anniversary() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(deadline_date(d(2027, 1, 15), 3), d(2027, 4, 14));
        assert_eq!(deadline_date(d(2026, 11, 30), 3), d(2027, 2, 27));
    }
}
