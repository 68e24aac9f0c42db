//! The validated, indexed model the solvers work on.
//!
//! Built by [`crate::load::build`] from a file that has passed validation: every reference is
//! an index, every derived quantity (phase, travel time, municipality of a person) is computed
//! once. The model knows nothing of the file types (its values are [`values`]). The checker does
//! not use this module: it re-derives what it needs from the file.

pub mod calendar;
pub mod cost;
pub mod forecast;
pub mod groups;
pub mod ids;
pub mod introduction;
pub mod pins;
pub mod timetable;
pub mod values;

use calendar::Calendar;
use chrono::NaiveDate;
pub use ids::{CourseId, DemandId, LeaderId, MentorId, MunicipalityId, ParticipantId, PhaseId, TrainerId, UnitId, VenueId};
use std::collections::{BTreeSet, HashMap, HashSet};
pub use values::{
    DayPattern, DiversityWeights, GroupKind, GroupMeetingRules, MeetingPlace, Priority, Role, SameMunicipality, TimetableWeights, Weights,
};

/// A municipality.
#[derive(Debug, Clone)]
pub struct Municipality {
    /// Id from the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Inhabitants.
    pub population: i64,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Cost share 0–1, if given.
    pub cost_share: Option<f64>,
    /// The sub-region's name, if given.
    pub subregion: Option<String>,
    /// The cost-sharing agreement it belongs to, if it names one.
    pub cost_split: Option<String>,
}

/// A unit inside a municipality.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Id from the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The unit's municipality.
    pub municipality: MunicipalityId,
    /// Staff in the unit.
    pub headcount: i64,
}

/// A participant with derived phase and municipality.
#[derive(Debug, Clone)]
pub struct Participant {
    /// Id from the file.
    pub id: String,
    /// Full name.
    pub name: String,
    /// The participant's unit.
    pub unit: UnitId,
    /// The unit's municipality.
    pub municipality: MunicipalityId,
    /// Role.
    pub role: Role,
    /// Years in the profession at the round's start.
    pub years: f64,
    /// The participant's phase at the round's start (mentorship and groups, which start with
    /// the round). Courses follow the phase on their dates ([`Participant::phase_on`]).
    pub phase: PhaseId,
    /// Date the participant entered the profession.
    pub profession_start: NaiveDate,
    /// Date the participant joined the employer.
    pub employment_start: NaiveDate,
    /// Dates the participant cannot attend.
    pub unavailable: BTreeSet<NaiveDate>,
    /// Interest tags.
    pub interests: Vec<String>,
    /// Wants a mentor.
    pub wants_mentor: bool,
    /// For a placeholder of a forecast hire: its entry in [`Instance::forecast`]. None: a
    /// named participant.
    pub forecast: Option<usize>,
}

/// A mentor.
#[derive(Debug, Clone)]
pub struct Mentor {
    /// Id from the file.
    pub id: String,
    /// Full name.
    pub name: String,
    /// The mentor's unit.
    pub unit: UnitId,
    /// The unit's municipality.
    pub municipality: MunicipalityId,
    /// Mentees at a time.
    pub capacity: usize,
    /// Took the mentor training.
    pub trained: bool,
    /// Years in the profession.
    pub years: f64,
    /// Expertise tags.
    pub expertise: Vec<String>,
    /// Dates the mentor cannot meet.
    pub unavailable: BTreeSet<NaiveDate>,
    /// Longest acceptable one-way travel, minutes.
    pub max_travel_minutes: Option<f64>,
    /// Earlier mentees present in this round.
    pub history: HashSet<ParticipantId>,
}

/// A phase of the staircase.
#[derive(Debug, Clone)]
pub struct Phase {
    /// Phase id.
    pub id: String,
    /// Years from which it applies.
    pub min_years: f64,
}

/// Years between two dates, as the profession counts them (365.25-day years).
pub fn years_between(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64 / 365.25
}

/// The phase (index into `phases`, ascending by `min_years`) of someone with `years` in the
/// profession: the last phase whose `min_years` they reach, the first when none is reached.
pub fn phase_of_years(phases: &[Phase], years: f64) -> PhaseId {
    PhaseId(phases.iter().rposition(|p| years >= p.min_years).unwrap_or(0))
}

impl Participant {
    /// The participant's phase on `date`: people move up the staircase during a round.
    pub fn phase_on(&self, phases: &[Phase], date: NaiveDate) -> PhaseId {
        phase_of_years(phases, years_between(self.profession_start, date).max(0.0))
    }

    /// The phases the participant is in at some time between `from` and `to` (both included):
    /// phases only rise with time, so these are the indices from the first to the last.
    pub fn phases_between(&self, phases: &[Phase], from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = PhaseId> {
        (self.phase_on(phases, from).0..=self.phase_on(phases, to.max(from)).0).map(PhaseId)
    }
}

/// Mentorship rules: the file's section whole ([`MentorshipModel::file`]), so a new flag or
/// number of the file reaches `rules` without an edit here or in `load/build`, and beside it the
/// fields that need resolving (references to indices) or converting (a file's spelling of a value
/// to the model's vocabulary).
#[derive(Debug, Clone)]
pub struct MentorshipModel {
    /// The instance file's `mentorship` section as read (plain flags and numbers are read here).
    pub file: crate::format::MentorshipRules,
    /// Fewest meetings per pair.
    pub min_meetings: usize,
    /// Most meetings per pair.
    pub max_meetings: usize,
    /// Smallest gap between meetings, days.
    pub min_days_between: i64,
    /// Eligible mentee phases.
    pub eligible_phases: HashSet<PhaseId>,
    /// Same-municipality policy.
    pub same_municipality: SameMunicipality,
    /// Meeting place policy.
    pub meeting_place: MeetingPlace,
    /// Excluded (mentor, participant) pairs.
    pub exclusions: HashSet<(MentorId, ParticipantId)>,
    /// Explicit costs of (mentor, participant) pairs.
    pub pair_costs: HashMap<(MentorId, ParticipantId), f64>,
}

/// A validated programme round.
#[derive(Debug, Clone)]
pub struct Instance {
    /// The round's name.
    pub name: String,
    /// The round's calendar.
    pub calendar: Calendar,
    /// Municipalities.
    pub municipalities: Vec<Municipality>,
    /// Units.
    pub units: Vec<Unit>,
    /// Travel minutes, row-major `municipalities × municipalities`.
    pub travel_minutes: Vec<f64>,
    /// Phases.
    pub phases: Vec<Phase>,
    /// Participants.
    pub participants: Vec<Participant>,
    /// Mentors.
    pub mentors: Vec<Mentor>,
    /// Mentorship rules.
    pub mentorship: MentorshipModel,
    /// Objective weights.
    pub weights: Weights,
    /// Group programmes.
    pub group_programmes: Vec<groups::GroupProgramme>,
    /// Group leaders.
    pub group_leaders: Vec<groups::GroupLeader>,
    /// Round start (for months in the profession).
    pub round_start: NaiveDate,
    /// The course timetable part (empty when the round has no courses).
    pub timetable: timetable::TimetableModel,
    /// Parts of the plan fixed by hand (empty when nothing is pinned).
    pub pins: pins::Pins,
    /// New hires' introduktörer (empty when the round plans no introduction).
    pub introduction: introduction::IntroductionModel,
    /// Cost items and cost-sharing agreements.
    pub costs: cost::CostModel,
    /// The forecast of hires not yet named; its placeholders are the last participants.
    pub forecast: Vec<forecast::ForecastEntry>,
}

impl Instance {
    /// The named participants (placeholders of forecast hires left out), with their ids.
    pub fn named_participants(&self) -> impl Iterator<Item = (ParticipantId, &Participant)> {
        self.participants.iter().enumerate().filter(|(_, p)| p.forecast.is_none()).map(|(i, p)| (ParticipantId(i), p))
    }

    /// True when participant `p` is a placeholder of a forecast hire.
    pub fn is_placeholder(&self, p: ParticipantId) -> bool {
        self.participants.get(p.index()).is_some_and(|x| x.forecast.is_some())
    }

    /// One-way travel minutes between two municipalities.
    pub fn travel(&self, a: MunicipalityId, b: MunicipalityId) -> f64 {
        self.travel_minutes[a.0 * self.municipalities.len() + b.0]
    }
}
