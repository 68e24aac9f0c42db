//! The validated, indexed model the solvers work on.
//!
//! Built from an [`InstanceFile`] that has passed validation: every reference is an index,
//! every derived quantity (phase, travel time, municipality of a person) is computed once.
//! The checker does not use this module: it re-derives what it needs from the file.

pub mod calendar;
pub mod groups;
pub mod pins;
pub mod timetable;

use crate::format::{DateOrRange, InstanceFile, MeetingPlace, Role, SameMunicipality, Weights};
use calendar::{expand_range, Calendar};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Mean Earth radius in km.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in km between two points given in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

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
}

/// A unit inside a municipality.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Id from the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Index into [`Instance::municipalities`].
    pub municipality: usize,
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
    /// Index into [`Instance::units`].
    pub unit: usize,
    /// Index into [`Instance::municipalities`] (the unit's).
    pub municipality: usize,
    /// Role.
    pub role: Role,
    /// Years in the profession at the round's start.
    pub years: f64,
    /// Index into [`Instance::phases`].
    pub phase: usize,
    /// Date the participant joined the employer.
    pub employment_start: NaiveDate,
    /// Dates the participant cannot attend.
    pub unavailable: BTreeSet<NaiveDate>,
    /// Interest tags.
    pub interests: Vec<String>,
    /// Wants a mentor.
    pub wants_mentor: bool,
}

/// A mentor.
#[derive(Debug, Clone)]
pub struct Mentor {
    /// Id from the file.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Index into [`Instance::units`].
    pub unit: usize,
    /// Index into [`Instance::municipalities`].
    pub municipality: usize,
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
    /// Participant indices of earlier mentees present in this round.
    pub history: HashSet<usize>,
}

/// A phase of the staircase.
#[derive(Debug, Clone)]
pub struct Phase {
    /// Phase id.
    pub id: String,
    /// Years from which it applies.
    pub min_years: f64,
}

/// Mentorship rules with references resolved to indices.
#[derive(Debug, Clone)]
pub struct MentorshipModel {
    /// Fewest meetings per pair.
    pub min_meetings: usize,
    /// Most meetings per pair.
    pub max_meetings: usize,
    /// Smallest gap between meetings, days.
    pub min_days_between: i64,
    /// Eligible mentee phases (indices).
    pub eligible_phases: HashSet<usize>,
    /// Mentor minimum years in the profession.
    pub mentor_min_years: f64,
    /// Mentors must be trained.
    pub require_training: bool,
    /// Same-municipality policy.
    pub same_municipality: SameMunicipality,
    /// Meeting place policy.
    pub meeting_place: MeetingPlace,
    /// Excluded (mentor, participant) pairs.
    pub exclusions: HashSet<(usize, usize)>,
    /// Explicit costs of (mentor, participant) pairs.
    pub pair_costs: HashMap<(usize, usize), f64>,
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
}

/// Expands a list of dates and ranges into the set of its dates within `within` (the round):
/// dates outside the round never matter to a plan, and only a range's part inside the round
/// is expanded, so a range over decades costs no more than the round's days.
pub fn date_set(list: &[DateOrRange], within: (NaiveDate, NaiveDate)) -> BTreeSet<NaiveDate> {
    let (first, last) = within;
    let mut out = BTreeSet::new();
    for item in list {
        match item {
            DateOrRange::Date(d) => {
                if (first..=last).contains(d) {
                    out.insert(*d);
                }
            }
            DateOrRange::Range { from, to, .. } => out.extend(expand_range((*from).max(first), (*to).min(last))),
        }
    }
    out
}

/// Years between two dates, as the profession counts them (365.25-day years).
pub fn years_between(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64 / 365.25
}

impl Instance {
    /// Builds the model from a file that passed [`crate::load::validate::validate`].
    ///
    /// Unresolvable references cannot occur after validation; should one slip through, the
    /// item is attached to index 0 rather than panicking.
    pub fn build(f: &InstanceFile) -> Instance {
        let calendar = Calendar::new(f.round.start, f.round.end, date_set(&f.calendar.closed, (f.round.start, f.round.end)));
        let municipalities: Vec<Municipality> = f
            .region
            .municipalities
            .iter()
            .map(|m| Municipality {
                id: m.id.clone(),
                name: m.name.clone(),
                population: m.population,
                lat: m.lat,
                lon: m.lon,
                cost_share: m.cost_share,
            })
            .collect();
        let muni_index: HashMap<&str, usize> = municipalities.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
        let units: Vec<Unit> = f
            .region
            .units
            .iter()
            .map(|u| Unit {
                id: u.id.clone(),
                name: u.name.clone().unwrap_or_else(|| u.id.clone()),
                municipality: muni_index.get(u.municipality.as_str()).copied().unwrap_or(0),
                headcount: u.headcount,
            })
            .collect();
        let unit_index: HashMap<&str, usize> = units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();

        let n = municipalities.len();
        let mut travel_minutes = vec![0.0; n * n];
        let t = &f.region.travel;
        for i in 0..n {
            for j in 0..n {
                let (a, b) = (&municipalities[i], &municipalities[j]);
                let km = haversine_km(a.lat, a.lon, b.lat, b.lon) * t.road_factor;
                travel_minutes[i * n + j] = km / t.speed_kmh * 60.0;
            }
        }
        for e in &t.table {
            if let (Some(&i), Some(&j)) = (muni_index.get(e.from.as_str()), muni_index.get(e.to.as_str())) {
                travel_minutes[i * n + j] = e.minutes;
                travel_minutes[j * n + i] = e.minutes;
            }
        }

        let phases: Vec<Phase> = f.phases.iter().map(|p| Phase { id: p.id.clone(), min_years: p.min_years }).collect();
        let phase_of = |years: f64| phases.iter().rposition(|p| years >= p.min_years).unwrap_or(0);

        let participants: Vec<Participant> = f
            .participants
            .iter()
            .map(|p| {
                let unit = unit_index.get(p.unit.as_str()).copied().unwrap_or(0);
                let years = years_between(p.profession_start, f.round.start).max(0.0);
                Participant {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    unit,
                    municipality: units.get(unit).map(|u| u.municipality).unwrap_or(0),
                    role: p.role,
                    years,
                    phase: phase_of(years),
                    employment_start: p.employment_start,
                    unavailable: date_set(&p.unavailable, (f.round.start, f.round.end)),
                    interests: p.interests.clone(),
                    wants_mentor: p.wants_mentor,
                }
            })
            .collect();
        let participant_index: HashMap<&str, usize> = participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();

        let mentors: Vec<Mentor> = f
            .mentors
            .iter()
            .map(|m| {
                let unit = unit_index.get(m.unit.as_str()).copied().unwrap_or(0);
                Mentor {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    unit,
                    municipality: units.get(unit).map(|u| u.municipality).unwrap_or(0),
                    capacity: m.capacity.max(0) as usize,
                    trained: m.trained,
                    years: m.years_in_profession,
                    expertise: m.expertise.clone(),
                    unavailable: date_set(&m.unavailable, (f.round.start, f.round.end)),
                    max_travel_minutes: m.max_travel_minutes,
                    history: m.history.iter().filter_map(|h| participant_index.get(h.as_str()).copied()).collect(),
                }
            })
            .collect();
        let mentor_index: HashMap<&str, usize> = mentors.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();

        let r = &f.mentorship;
        let resolve = |mentor: &str, mentee: &str| Some((*mentor_index.get(mentor)?, *participant_index.get(mentee)?));
        let mentorship = MentorshipModel {
            min_meetings: r.min_meetings as usize,
            max_meetings: r.max_meetings as usize,
            min_days_between: r.min_days_between as i64,
            eligible_phases: r.eligible_phases.iter().filter_map(|id| phases.iter().position(|p| &p.id == id)).collect(),
            mentor_min_years: r.mentor_min_years,
            require_training: r.require_training,
            same_municipality: r.same_municipality,
            meeting_place: r.meeting_place,
            exclusions: r.exclusions.iter().filter_map(|e| resolve(&e.mentor, &e.mentee)).collect(),
            pair_costs: r.pair_costs.iter().filter_map(|c| Some((resolve(&c.mentor, &c.mentee)?, c.cost))).collect(),
        };

        let (group_programmes, group_leaders) = groups::build(f, &muni_index);
        let mut inst = Instance {
            group_programmes,
            group_leaders,
            round_start: f.round.start,
            name: f.round.name.clone(),
            calendar,
            municipalities,
            units,
            travel_minutes,
            phases,
            participants,
            mentors,
            mentorship,
            weights: f.weights.clone(),
            timetable: timetable::TimetableModel::default(),
            pins: pins::Pins::default(),
        };
        inst.timetable = timetable::TimetableModel::build(f, &inst);
        inst.pins = pins::Pins::build(f, &inst);
        // A participant's pinned mentor and group meetings keep them from courses on those days.
        let pinned_meetings: Vec<(usize, NaiveDate)> = inst
            .pins
            .pairs
            .iter()
            .flat_map(|p| p.meetings.iter().map(move |&d| (p.mentee, d)))
            .chain(
                inst.pins
                    .groups
                    .iter()
                    .flatten()
                    .flat_map(|g| g.members.iter().flat_map(move |&p| g.meetings.iter().map(move |&d| (p, d)))),
            )
            .collect();
        for (p, d) in pinned_meetings {
            if let (Ok(t), Some(free)) = (inst.timetable.days.binary_search(&d), inst.timetable.participant_free.get_mut(p)) {
                free[t] = false;
            }
        }
        inst
    }

    /// One-way travel minutes between two municipalities.
    pub fn travel(&self, a: usize, b: usize) -> f64 {
        self.travel_minutes[a * self.municipalities.len() + b]
    }
}
