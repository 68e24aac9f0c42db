//! The rules of a course timetable that more than one solver states: the workload limits of a
//! participant per month, round and term ([`Workload`]) and a course's cadence ([`Cadence`]).
//! The greedy and local search (`solve::timetable::state`), the MILP (`solve::timetable::milp`),
//! the bound and the explanations all ask these types.

use crate::model::timetable::TimetableModel;
use std::collections::{BTreeMap, BTreeSet};

/// A participant's course-day limits: per calendar month and per round.
#[derive(Debug, Clone, Copy)]
pub struct Workload<'a> {
    m: &'a TimetableModel,
}

impl<'a> Workload<'a> {
    /// The limits of a timetable model.
    pub fn of(m: &'a TimetableModel) -> Self {
        Workload { m }
    }

    /// Course days per month (0 = the round's first month) of a session's working days.
    pub fn days_per_month(&self, days: &[usize]) -> BTreeMap<usize, usize> {
        let mut per_month: BTreeMap<usize, usize> = BTreeMap::new();
        for &t in days {
            *per_month.entry(self.m.day_month[t]).or_default() += 1;
        }
        per_month
    }

    /// The course days allowed per participant and month.
    pub fn max_per_month(&self) -> usize {
        self.m.workload.max_days_per_month
    }

    /// The course days allowed per participant and round.
    pub fn max_per_round(&self) -> usize {
        self.m.workload.max_days_per_round
    }

    /// Whether a session on `days` fits the monthly limit for someone who already has
    /// `already(month)` course days in each month.
    pub fn fits_month(&self, days: &[usize], already: impl Fn(usize) -> usize) -> bool {
        self.days_per_month(days).iter().all(|(&mo, &n)| already(mo) + n <= self.max_per_month())
    }

    /// Whether a session on `days` alone fits the limits per round, month and term.
    pub fn fits_alone(&self, days: &[usize]) -> bool {
        days.len() <= self.max_per_round()
            && self.fits_month(days, |_| 0)
            && self.days_per_term(days).values().all(|&n| n <= self.m.workload.max_days_per_term)
    }

    /// Whether some layout of `course` keeps within the monthly limit.
    pub fn course_fits_month(&self, course: usize) -> bool {
        self.m.starts[course].iter().any(|days| self.fits_month(days, |_| 0))
    }
}

/// What a participant already has in one term: courses, course days and the development areas
/// of those courses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermLoad {
    /// Courses starting in the term.
    pub courses: usize,
    /// Course days in the term.
    pub days: usize,
    /// Areas of the courses starting in the term.
    pub areas: BTreeSet<usize>,
}

impl<'a> Workload<'a> {
    /// Whether the round has any per-term limit.
    pub fn has_term_limits(&self) -> bool {
        let w = &self.m.workload;
        w.max_courses_per_term != usize::MAX || w.max_days_per_term != usize::MAX || w.max_areas_per_term != usize::MAX
    }

    /// The term a session on `days` counts in for courses and areas: its first day's term.
    pub fn course_term(&self, days: &[usize]) -> Option<usize> {
        days.first().and_then(|&t| self.m.day_term[t])
    }

    /// Course days per term of a session's working days (days in no term are left out).
    pub fn days_per_term(&self, days: &[usize]) -> BTreeMap<usize, usize> {
        let mut per_term: BTreeMap<usize, usize> = BTreeMap::new();
        for &t in days {
            if let Some(term) = self.m.day_term[t] {
                *per_term.entry(term).or_default() += 1;
            }
        }
        per_term
    }

    /// Whether a session of `course` on `days` keeps within the per-term limits for someone
    /// who already has `already(term)` in each term.
    pub fn fits_term(&self, course: usize, days: &[usize], already: impl Fn(usize) -> TermLoad) -> bool {
        if !self.has_term_limits() {
            return true;
        }
        let w = &self.m.workload;
        let days_ok = self.days_per_term(days).iter().all(|(&term, &n)| already(term).days + n <= w.max_days_per_term);
        let course_ok = self.course_term(days).is_none_or(|term| {
            let load = already(term);
            let area = self.m.courses[course].area;
            load.courses < w.max_courses_per_term && (load.areas.contains(&area) || load.areas.len() < w.max_areas_per_term)
        });
        days_ok && course_ok
    }
}

/// A course's cadence rules over its start dates (working-day indices; sessions starting on
/// the same day are one start): starts per year of the round and days between starts.
#[derive(Debug, Clone, Copy)]
pub struct Cadence<'a> {
    m: &'a TimetableModel,
}

impl<'a> Cadence<'a> {
    /// The cadence rules of a timetable model.
    pub fn of(m: &'a TimetableModel) -> Self {
        Cadence { m }
    }

    /// The fewest and most starts of `course` in cadence year `year`: the per-year numbers
    /// scaled by the year's share, the minimum rounded down and the maximum up.
    pub fn starts_allowed(&self, course: usize, year: usize) -> (usize, usize) {
        let c = &self.m.courses[course].cadence;
        let share = self.m.years.get(year).map_or(1.0, |y| y.share);
        let lo = c.min_per_year.map_or(0, |n| (n as f64 * share + 1e-9).floor() as usize);
        let hi = c.max_per_year.map_or(usize::MAX, |n| (n as f64 * share - 1e-9).ceil() as usize);
        (lo, hi)
    }

    /// Calendar days between two working days.
    pub fn gap(&self, a: usize, b: usize) -> i64 {
        (self.m.days[b] - self.m.days[a]).num_days().abs()
    }

    /// Whether `course` may start on day `t` besides its `starts`: the year keeps within its
    /// maximum and no other start is nearer than the minimum gap. A day that already is a
    /// start is always allowed (a parallel session).
    pub fn allows_start(&self, course: usize, starts: &BTreeSet<usize>, t: usize) -> bool {
        if starts.contains(&t) {
            return true;
        }
        let c = &self.m.courses[course].cadence;
        let year = self.m.day_year[t];
        let in_year = starts.iter().filter(|&&s| self.m.day_year[s] == year).count();
        let year_ok = in_year < self.starts_allowed(course, year).1;
        let gap_ok = c.min_gap_days.is_none_or(|g| {
            let before = starts.range(..t).next_back().is_none_or(|&s| self.gap(s, t) >= g);
            let after = starts.range(t..).next().is_none_or(|&s| self.gap(t, s) >= g);
            before && after
        });
        year_ok && gap_ok
    }

    /// How far `starts` fall short of the covering rules: starts missing below each year's
    /// minimum, plus one per gap between consecutive starts longer than the maximum.
    pub fn shortfall(&self, course: usize, starts: &BTreeSet<usize>) -> usize {
        let c = &self.m.courses[course].cadence;
        let mut missing = 0;
        if c.min_per_year.is_some() {
            for year in 0..self.m.years.len() {
                let n = starts.iter().filter(|&&s| self.m.day_year[s] == year).count();
                missing += self.starts_allowed(course, year).0.saturating_sub(n);
            }
        }
        if let Some(g) = c.max_gap_days {
            let list: Vec<usize> = starts.iter().copied().collect();
            missing += list.windows(2).filter(|w| self.gap(w[0], w[1]) > g).count();
        }
        missing
    }

    /// Whether `starts` break a packing rule (more starts in a year than allowed, or two
    /// starts nearer than the minimum gap).
    pub fn excess(&self, course: usize, starts: &BTreeSet<usize>) -> bool {
        let c = &self.m.courses[course].cadence;
        let list: Vec<usize> = starts.iter().copied().collect();
        let too_near = c.min_gap_days.is_some_and(|g| list.windows(2).any(|w| self.gap(w[0], w[1]) < g));
        let too_many = (0..self.m.years.len())
            .any(|year| list.iter().filter(|&&s| self.m.day_year[s] == year).count() > self.starts_allowed(course, year).1);
        too_near || too_many
    }
}
