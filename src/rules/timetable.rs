//! The rules of a course timetable that more than one solver states: the workload limits of a
//! participant ([`Workload`]). The greedy and local search (`solve::timetable::state`), the
//! MILP (`solve::timetable::milp`), the bound and the explanations all ask this type.

use crate::model::timetable::TimetableModel;
use std::collections::BTreeMap;

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

    /// Whether a session on `days` alone fits both limits.
    pub fn fits_alone(&self, days: &[usize]) -> bool {
        days.len() <= self.max_per_round() && self.fits_month(days, |_| 0)
    }

    /// Whether some layout of `course` keeps within the monthly limit.
    pub fn course_fits_month(&self, course: usize) -> bool {
        self.m.starts[course].iter().any(|days| self.fits_month(days, |_| 0))
    }
}
