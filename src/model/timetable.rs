//! The validated, indexed model of the course timetable: courses, trainers, venues, the
//! demand derived from individual plans and phase defaults, and every possible session start.
//!
//! Days are indices into the round's working days ([`TimetableModel::days`]), so solvers work
//! on small integers. This module owns the derivation of demand and of deadlines; which
//! sessions run is [`crate::solve::timetable`]'s business.

use super::{date_set, Instance};
use crate::format::{DayPattern, InstanceFile, Priority, TimetableWeights};
use chrono::{Datelike, Duration, Months, NaiveDate};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Longest calendar gap between two successive days of a consecutive course: a long weekend
/// with a holiday on each side (Thursday → Tuesday over Easter) is five days.
pub const MAX_CONSECUTIVE_GAP_DAYS: i64 = 5;

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
    /// Prerequisite course indices.
    pub prerequisites: Vec<usize>,
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
    /// Phase indices allowed to take the course (empty: all).
    pub phases: Vec<usize>,
    /// Indices of the trainers qualified for the course.
    pub qualified: Vec<usize>,
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
}

/// A venue.
#[derive(Debug, Clone)]
pub struct Venue {
    /// Id from the file.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Index into [`Instance::municipalities`].
    pub municipality: usize,
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
    /// Participant index.
    pub participant: usize,
    /// Course index.
    pub course: usize,
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
    /// Courses.
    pub courses: Vec<Course>,
    /// Trainers.
    pub trainers: Vec<Trainer>,
    /// Venues.
    pub venues: Vec<Venue>,
    /// Demands, individual plans first (file order), then phase defaults (participant order).
    pub demands: Vec<Demand>,
    /// Demand indices of each participant.
    pub demands_of: Vec<Vec<usize>>,
    /// (participant, course) pairs completed before the round.
    pub completed: HashSet<(usize, usize)>,
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
}

impl TimetableModel {
    /// Builds the timetable model from a validated file and its [`Instance`].
    pub fn build(f: &InstanceFile, inst: &Instance) -> TimetableModel {
        let days = inst.calendar.working_days();
        let first_month = inst.calendar.start.year() * 12 + inst.calendar.start.month0() as i32;
        let day_month: Vec<usize> = days.iter().map(|d| (d.year() * 12 + d.month0() as i32 - first_month) as usize).collect();
        let months = (inst.calendar.end.year() * 12 + inst.calendar.end.month0() as i32 - first_month + 1).max(1) as usize;
        let day_index: HashMap<NaiveDate, usize> = days.iter().enumerate().map(|(i, d)| (*d, i)).collect();
        let course_index: HashMap<&str, usize> = f.courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let participant_index: HashMap<&str, usize> = inst.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let muni_index: HashMap<&str, usize> = inst.municipalities.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();

        let trainers: Vec<Trainer> = f
            .trainers
            .iter()
            .map(|t| Trainer {
                id: t.id.clone(),
                name: t.name.clone(),
                max_days: t.max_days as usize,
                day_rate: t.day_rate,
                unavailable: date_set(&t.unavailable, (inst.calendar.start, inst.calendar.end)),
            })
            .collect();
        let courses: Vec<Course> = f
            .courses
            .iter()
            .map(|c| Course {
                id: c.id.clone(),
                name: c.name.clone(),
                days: c.days as usize,
                pattern: c.pattern,
                min_size: c.min_size as usize,
                max_size: c.max_size as usize,
                trainers_per_session: c.trainers_per_session as usize,
                prerequisites: c.prerequisites.iter().filter_map(|p| course_index.get(p.as_str()).copied()).collect(),
                deadline_months: c.deadline_months,
                max_sessions: c.max_sessions.map(|m| m as usize),
                fixed_cost: c.fixed_cost,
                day_cost: c.day_cost,
                min_gap_days: c.min_gap_days,
                phases: c.phases.iter().filter_map(|ph| inst.phases.iter().position(|x| &x.id == ph)).collect(),
                qualified: f.trainers.iter().enumerate().filter(|(_, t)| t.courses.iter().any(|x| x == &c.id)).map(|(i, _)| i).collect(),
            })
            .collect();
        let venues: Vec<Venue> = f
            .venues
            .iter()
            .map(|v| Venue {
                id: v.id.clone(),
                name: v.name.clone(),
                municipality: muni_index.get(v.municipality.as_str()).copied().unwrap_or(0),
                capacity: v.capacity as usize,
                day_rate: v.day_rate,
                unavailable: date_set(&v.unavailable, (inst.calendar.start, inst.calendar.end)),
            })
            .collect();

        let completed: HashSet<(usize, usize)> = f
            .course_history
            .iter()
            .filter_map(|r| Some((*participant_index.get(r.participant.as_str())?, *course_index.get(r.course.as_str())?)))
            .collect();
        let window = |p: usize, c: usize| -> Option<(usize, usize)> {
            let part = &inst.participants[p];
            let earliest = part.employment_start.max(inst.calendar.start);
            let latest = match courses[c].deadline_months {
                Some(m) => deadline_date(part.employment_start, m).min(inst.calendar.end),
                None => inst.calendar.end,
            };
            let lo = days.partition_point(|d| *d < earliest);
            let hi = days.partition_point(|d| *d <= latest);
            (lo < hi).then(|| (lo, hi - 1))
        };
        let w = &f.weights.timetable;
        let round_len = (inst.calendar.end - inst.calendar.start).num_days().max(1) as f64;
        // Unserved penalty: by priority, plus the deadline urgency (earlier deadlines first).
        let penalty = |p: usize, c: usize, priority: Priority| -> f64 {
            let urgency = courses[c].deadline_months.map_or(0.0, |mo| {
                let deadline = deadline_date(inst.participants[p].employment_start, mo);
                ((inst.calendar.end - deadline).num_days() as f64 / round_len).clamp(0.0, 1.0)
            });
            w.unserved(priority) + w.deadline_urgency * urgency
        };
        let eligible = |p: usize, c: usize| courses[c].phases.is_empty() || courses[c].phases.contains(&inst.participants[p].phase);
        let mut demands = Vec::new();
        let mut explicit = HashSet::new();
        for d in &f.demand {
            let (Some(&p), Some(&c)) = (participant_index.get(d.participant.as_str()), course_index.get(d.course.as_str())) else {
                continue;
            };
            explicit.insert((p, c));
            demands.push(Demand {
                participant: p,
                course: c,
                priority: d.priority,
                penalty: penalty(p, c, d.priority),
                window: window(p, c).filter(|_| eligible(p, c)),
                origin: DemandOrigin::IndividualPlan,
                eligible: eligible(p, c),
            });
        }
        for (p, part) in inst.participants.iter().enumerate() {
            for pd in &f.phase_demand {
                let Some(&c) = course_index.get(pd.course.as_str()) else {
                    continue;
                };
                if inst.phases[part.phase].id != pd.phase || explicit.contains(&(p, c)) || completed.contains(&(p, c)) {
                    continue;
                }
                // A phase default whose deadline passed before the round is not a demand: the
                // participant is past that step of the staircase.
                if courses[c].deadline_months.is_some() && window(p, c).is_none() {
                    continue;
                }
                demands.push(Demand {
                    participant: p,
                    course: c,
                    priority: pd.priority,
                    penalty: penalty(p, c, pd.priority),
                    window: window(p, c).filter(|_| eligible(p, c)),
                    origin: DemandOrigin::Phase,
                    eligible: eligible(p, c),
                });
            }
        }
        let mut demands_of = vec![Vec::new(); inst.participants.len()];
        for (i, d) in demands.iter().enumerate() {
            demands_of[d.participant].push(i);
        }

        let starts = courses.iter().map(|c| session_starts(&days, &day_index, c)).collect();
        let free = |unavailable: &BTreeSet<NaiveDate>| days.iter().map(|d| !unavailable.contains(d)).collect::<Vec<bool>>();
        let wl = &f.workload;
        TimetableModel {
            day_month,
            months,
            trainer_free: trainers.iter().map(|t| free(&t.unavailable)).collect(),
            venue_free: venues.iter().map(|v| free(&v.unavailable)).collect(),
            participant_free: inst.participants.iter().map(|p| free(&p.unavailable)).collect(),
            courses,
            trainers,
            venues,
            demands,
            demands_of,
            completed,
            workload: Workload {
                max_days_per_month: wl.max_course_days_per_month as usize,
                max_days_per_round: wl.max_course_days_per_round as usize,
                max_courses: wl.max_courses_per_round.map_or(usize::MAX, |n| n as usize),
                unit_cap: inst.units.iter().map(|u| unit_absence_cap(u.headcount, wl.unit_absence_share)).collect(),
            },
            weights: w.clone(),
            starts,
            days,
        }
    }

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

/// Every layout of a course's days in the round, as working-day indices.
fn session_starts(days: &[NaiveDate], day_index: &HashMap<NaiveDate, usize>, c: &Course) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    if c.days == 0 {
        return out;
    }
    for first in 0..days.len() {
        let seq = match c.pattern {
            DayPattern::Consecutive => consecutive_days(days, first, c.days),
            DayPattern::Weekly => weekly_days(days, day_index, first, c.days),
            DayPattern::Spread => spread_days(days, first, c.days, c.min_gap_days as i64),
        };
        if let Some(seq) = seq {
            out.push(seq);
        }
    }
    out
}

/// `n` consecutive working days from `first`, none further than
/// [`MAX_CONSECUTIVE_GAP_DAYS`] from the previous one (so a closure is never spanned).
fn consecutive_days(days: &[NaiveDate], first: usize, n: usize) -> Option<Vec<usize>> {
    if first + n > days.len() {
        return None;
    }
    let seq: Vec<usize> = (first..first + n).collect();
    seq.windows(2).all(|w| (days[w[1]] - days[w[0]]).num_days() <= MAX_CONSECUTIVE_GAP_DAYS).then_some(seq)
}

/// `n` days from `first`, each the first working day at least `gap` calendar days after the
/// previous one.
fn spread_days(days: &[NaiveDate], first: usize, n: usize, gap: i64) -> Option<Vec<usize>> {
    let mut seq = vec![first];
    while seq.len() < n {
        let last = days[*seq.last()?];
        let next = days.partition_point(|d| (*d - last).num_days() < gap.max(1));
        if next >= days.len() {
            return None;
        }
        seq.push(next);
    }
    Some(seq)
}

/// `n` days on the weekday of `first`, one a week; a closed week is skipped, two are not.
fn weekly_days(days: &[NaiveDate], day_index: &HashMap<NaiveDate, usize>, first: usize, n: usize) -> Option<Vec<usize>> {
    let mut seq = vec![first];
    let mut current = days[first];
    while seq.len() < n {
        let next = [7, 14].iter().find_map(|&k| day_index.get(&(current + Duration::days(k))).copied())?;
        current = days[next];
        seq.push(next);
    }
    Some(seq)
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
