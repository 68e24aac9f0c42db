//! The plan as the solvers decided it, on the instance's indices: the pairs and their dated
//! meetings with their cost terms, who is left without a mentor and why, the timetable and the
//! groups with their statuses, and how the plan was made. [`crate::write::plan`] turns it into
//! the plan file; a solve and a re-plan both produce one.

use super::groups::ProgrammeOutcome;
use super::meetings::Series;
use super::mentor_matching::{Matching, MatchingProblem, PairCostTerms};
use super::status::StopReason;
use super::timetable;
use crate::model::Instance;
use crate::rules::mentorship::PairRule;
use std::collections::BTreeMap;
use std::time::Duration;

/// A solved (or re-planned) round.
#[derive(Debug, Clone)]
pub struct Plan {
    /// How the plan was made.
    pub run: Run,
    /// The mentor pairs and the mentees without one.
    pub mentorship: Mentorship,
    /// One outcome per group programme, in the instance's order.
    pub groups: Vec<ProgrammeOutcome>,
    /// The course timetable, when the round has courses.
    pub timetable: Option<TimetableResult>,
    /// The new hires' introduktörer, when the round plans an introduction.
    pub introduction: Option<super::introduction::Outcome>,
}

/// How a plan was made.
#[derive(Debug, Clone)]
pub struct Run {
    /// The matching strategy's name (`replan` for a re-plan).
    pub strategy: String,
    /// How the pairs were found, in a few words.
    pub method: String,
    /// Seed of all randomness.
    pub seed: u64,
    /// The time limit of the run, if any.
    pub time_limit: Option<Duration>,
    /// Wall-clock time of the run.
    pub runtime: Duration,
}

/// The mentorship part of a plan.
#[derive(Debug, Clone)]
pub struct Mentorship {
    /// The pairs in the plan's order (by mentor id, then mentee id).
    pub pairs: Vec<DatedPair>,
    /// Mentees who want a mentor and are eligible but have none.
    pub unmatched: Vec<UnmatchedMentee>,
    /// Participants who want a mentor but whose phase is not eligible.
    pub not_eligible: Vec<usize>,
    /// The matching's cost as the solver computed it; None when the cost is the sum of the
    /// pairs' terms (a re-plan).
    pub cost: Option<f64>,
    /// True when the matching is proven optimal (its cost is then also the bound).
    pub proven_optimal: bool,
    /// Why the matching stopped; None for a re-plan.
    pub stop: Option<StopReason>,
    /// Set when the matching (a heuristic's) leaves out mentees who could be matched: the most
    /// mentees that could be, pinned pairs included.
    pub matched_maximum: Option<usize>,
}

/// A pair with its cost terms and its dated meetings.
#[derive(Debug, Clone)]
pub struct DatedPair {
    /// Mentor index.
    pub mentor: usize,
    /// Participant index of the mentee.
    pub mentee: usize,
    /// The pair's cost by term.
    pub cost: PairCostTerms,
    /// The meeting series.
    pub series: Series,
}

/// An eligible mentee without a mentor.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmatchedMentee {
    /// Participant index.
    pub mentee: usize,
    /// Why.
    pub reason: Unmatched,
}

/// Why an eligible mentee has no mentor.
#[derive(Debug, Clone, PartialEq)]
pub enum Unmatched {
    /// No mentor is eligible under the hard rules: how many mentors each rule excluded.
    NoEligibleMentor {
        /// Mentors excluded, by rule.
        excluded_by: BTreeMap<PairRule, usize>,
    },
    /// Every eligible mentor is at capacity with other mentees.
    EligibleMentorsFull {
        /// The eligible mentors (indices).
        mentors: Vec<usize>,
    },
}

/// The timetable part of a plan.
#[derive(Debug, Clone)]
pub struct TimetableResult {
    /// The strategy's name (`replan` for a re-plan).
    pub strategy: String,
    /// The strategy's method in words.
    pub method: String,
    /// The strategy's result.
    pub outcome: timetable::Outcome,
    /// Why the search stopped; None for a re-plan.
    pub stop: Option<StopReason>,
}

/// The unmatched mentees of a matching, each with the reason: no eligible mentor (with how
/// many mentors each rule excluded) or every eligible mentor full.
pub fn unmatched_mentees(problem: &MatchingProblem, matching: &Matching) -> Vec<UnmatchedMentee> {
    matching
        .mentor_of
        .iter()
        .enumerate()
        .filter(|(_, m)| m.is_none())
        .map(|(i, _)| {
            let cands = &problem.candidates[i];
            let reason = if cands.is_empty() {
                Unmatched::NoEligibleMentor { excluded_by: problem.excluded_by[i].clone() }
            } else {
                Unmatched::EligibleMentorsFull { mentors: cands.iter().map(|(m, _)| *m).collect() }
            };
            UnmatchedMentee { mentee: problem.mentees[i], reason }
        })
        .collect()
}

/// The pairs of a matching in the plan's order (by mentor id, then mentee id): (mentor,
/// participant, cost terms).
pub fn ordered_pairs(inst: &Instance, problem: &MatchingProblem, matching: &Matching) -> Vec<(usize, usize, PairCostTerms)> {
    let mut pairs: Vec<(usize, usize, PairCostTerms)> = matching
        .mentor_of
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let m = (*m)?;
            let cost = problem.candidates[i].iter().find(|c| c.0 == m).map(|c| c.1.clone()).unwrap_or_default();
            Some((m, problem.mentees[i], cost))
        })
        .collect();
    pairs.sort_by(|a, b| (&inst.mentors[a.0].id, &inst.participants[a.1].id).cmp(&(&inst.mentors[b.0].id, &inst.participants[b.1].id)));
    pairs
}
