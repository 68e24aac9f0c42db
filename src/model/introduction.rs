//! The introduction of new hires (issue 11, item 7): introduktörer of each unit, and the weekly
//! hours a hire gets in each of their first years of employment.

use super::UnitId;
use chrono::{Months, NaiveDate};

/// An introduktör.
#[derive(Debug, Clone)]
pub struct Introducer {
    /// Id from the file (the same id as another role's is the same person).
    pub id: String,
    /// Full name.
    pub name: String,
    /// The unit whose new hires they introduce.
    pub unit: UnitId,
    /// New hires at a time.
    pub capacity: usize,
}

/// The introduction part of a round; empty when the round plans none.
#[derive(Debug, Clone, Default)]
pub struct IntroductionModel {
    /// Hours per week by year of employment, first year first.
    pub hours_per_week: Vec<f64>,
    /// The introduktörer.
    pub introducers: Vec<Introducer>,
}

/// One year of employment inside the round: its number (1 for the first), first and last day
/// inside the round, and the hours per week.
pub type Period = (u32, NaiveDate, NaiveDate, f64);

impl IntroductionModel {
    /// True when the round plans no introduction.
    pub fn is_empty(&self) -> bool {
        self.hours_per_week.is_empty()
    }

    /// The years of employment of someone employed on `employed` that lie (in part) inside the
    /// round `start`–`end`, clipped to it. Empty for someone past their introduction years or
    /// hired after the round.
    pub fn periods(&self, employed: NaiveDate, (start, end): (NaiveDate, NaiveDate)) -> Vec<Period> {
        let year_start = |y: u32| employed.checked_add_months(Months::new(12 * y));
        let mut out = Vec::new();
        for (y, &hours) in self.hours_per_week.iter().enumerate() {
            let (Some(from), Some(next)) = (year_start(y as u32), year_start(y as u32 + 1)) else { break };
            let (from, to) = (from.max(start), next.pred_opt().unwrap_or(next).min(end));
            if from <= to {
                out.push((y as u32 + 1, from, to, hours));
            }
        }
        out
    }
}
