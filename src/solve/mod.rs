//! Solving: the course timetable, the groups and the mentor matching with the pairs' meeting
//! series, each by a strategy chosen from its family (see [`strategy`]). The result is a
//! domain [`Plan`]; [`crate::write::plan`] turns it into the plan file.

pub mod backend;
pub mod groups;
pub mod introduction;
pub mod meetings;
pub mod mentor_matching;
pub mod plan;
pub mod status;
pub mod strategy;
pub mod timetable;

pub use groups::GroupStrategy;
pub use plan::Plan;
pub use strategy::{Strategy, UnknownStrategy};
pub use timetable::TimetableStrategy;

use crate::model::Instance;
use mentor_matching::{build_problem, Matching, MatchingProblem};
use plan::{DatedPair, Mentorship, Run, TimetableResult};
use status::StopReason;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use strategy::Method;

/// Errors of a solve.
#[derive(Debug, thiserror::Error)]
pub enum SolveError {
    /// Costs cannot be handled exactly.
    #[error("{0}")]
    Numeric(String),
    /// The problem exceeds a size limit of `docs/limits.md` (the message names it); loading
    /// refuses such instances up front, so only callers that bypass it see this.
    #[error("{0}")]
    Limit(String),
    /// Pins of the instance cannot all hold together; the message lists them.
    #[error("{}", crate::text::pins_error(.0))]
    Pins(String),
}

/// Settings of a solve, validated from the command line.
#[derive(Debug, Clone)]
pub struct SolveParams {
    /// Mentor-matching strategy.
    pub strategy: MatchingStrategy,
    /// Seed of all randomness.
    pub seed: u64,
    /// Optional time limit.
    pub time_limit: Option<Duration>,
    /// Grouping strategy.
    pub group_strategy: GroupStrategy,
    /// Timetable strategy.
    pub timetable_strategy: TimetableStrategy,
    /// Set (by the Ctrl-C handler) to stop and keep the best plan so far.
    pub stop: Arc<AtomicBool>,
    /// Told which part is being planned and how the finished parts came out.
    pub progress: Observer,
}

/// What a solve tells its [`Observer`]: the part it plans now (in the coordinator's words)
/// and, once a part is done, its objective and gap.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressEvent {
    /// The part, e.g. `kurstillfällen`.
    pub part: &'static str,
    /// The part's objective, when it is done.
    pub objective: Option<f64>,
    /// The part's relative gap to its bound, when it is done and has one.
    pub gap: Option<f64>,
}

/// Receives a solve's [`ProgressEvent`]s (the command line shows them; the library prints
/// nothing). The default ignores them.
#[derive(Clone, Default)]
pub struct Observer(Option<Arc<ObserverFn>>);

/// The function behind an [`Observer`].
type ObserverFn = dyn Fn(&ProgressEvent) + Send + Sync;

impl Observer {
    /// An observer calling `f` with every event.
    pub fn new(f: impl Fn(&ProgressEvent) + Send + Sync + 'static) -> Self {
        Observer(Some(Arc::new(f)))
    }

    fn report(&self, part: &'static str, objective: Option<f64>, gap: Option<f64>) {
        if let Some(f) = &self.0 {
            f(&ProgressEvent { part, objective, gap });
        }
    }
}

impl std::fmt::Debug for Observer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Observer(..)" } else { "Observer(none)" })
    }
}

impl Default for SolveParams {
    fn default() -> Self {
        SolveParams {
            strategy: MatchingStrategy::Exact,
            seed: 1,
            time_limit: None,
            timetable_strategy: TimetableStrategy::Auto,
            group_strategy: GroupStrategy::Auto,
            stop: Arc::new(AtomicBool::new(false)),
            progress: Observer::default(),
        }
    }
}

/// The mentor-matching strategies (`--strategy`), default first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum MatchingStrategy {
    /// Exact linear sum assignment: proven optimal.
    Exact,
    /// Greedy heuristic, a baseline.
    Greedy,
}

impl Strategy for MatchingStrategy {
    type Imp = dyn MatchingSolver;

    fn imp(self) -> &'static dyn MatchingSolver {
        match self {
            MatchingStrategy::Exact => &ExactAssignment,
            MatchingStrategy::Greedy => &Greedy,
        }
    }
}

/// The implementation of a mentor-matching strategy.
pub trait MatchingSolver: Method + Sync {
    /// Solves the matching problem.
    fn solve(&self, problem: &MatchingProblem, params: &SolveParams) -> Result<Matching, SolveError>;
}

struct ExactAssignment;

impl Method for ExactAssignment {
    fn method(&self) -> &'static str {
        "exact linear sum assignment (shortest augmenting path, Jonker–Volgenant/Crouse, lsap crate) on mentees × capacity slots; integer costs, so the optimum is proven"
    }
}

impl MatchingSolver for ExactAssignment {
    fn solve(&self, problem: &MatchingProblem, _params: &SolveParams) -> Result<Matching, SolveError> {
        mentor_matching::solve_exact(problem)
    }
}

struct Greedy;

impl Method for Greedy {
    fn method(&self) -> &'static str {
        "greedy heuristic: mentees with fewest candidates first, each takes its cheapest mentor with a free slot; no bound"
    }
}

impl MatchingSolver for Greedy {
    fn solve(&self, problem: &MatchingProblem, _params: &SolveParams) -> Result<Matching, SolveError> {
        Ok(mentor_matching::solve_greedy(problem))
    }
}

/// Share of what is left of the time limit the timetable may use when group programmes follow
/// it (without groups it may use [`SOLO_SHARE`]).
pub const TIMETABLE_SHARE: f64 = 0.6;
/// Share of what is left of the time limit a part may use when no part but the matching
/// follows it; the rest is kept for the matching, dating the meetings and writing the plan.
pub const SOLO_SHARE: f64 = 0.9;

/// The deadline of a part that may use `share` of what is left before `deadline`.
fn part_deadline(deadline: Option<Instant>, share: f64) -> Option<Instant> {
    deadline.map(|d| {
        let now = Instant::now();
        now + d.saturating_duration_since(now).mul_f64(share)
    })
}

/// Solves a round: the timetable, then the groups, then the pairs' meetings. The pairs
/// themselves depend on neither (only their meeting dates do): the matching runs beside the
/// timetable and the groups, so that a Ctrl-C never waits for it.
///
/// One deadline (start + the time limit) is shared: the timetable may use 60 % of the limit
/// when group programmes follow, else 90 %; the groups then 90 % of what is left (split evenly
/// between the programmes, and within one between its cohorts); the exact matching and the
/// meetings take the rest. Each part stops at its share, on Ctrl-C (keeping its best result;
/// the parts after it still run their quick constructions), when it is proven optimal or,
/// under a time limit, when it has not improved for max(2 s, 10 % of its share).
pub fn solve(inst: &Instance, params: &SolveParams) -> Result<Plan, SolveError> {
    let started = Instant::now();
    let problem = build_problem(inst);
    let strat = params.strategy;
    // The matching's thread writes its messages in the caller's language.
    let lang = crate::text::lang();
    let (parts, matched) = std::thread::scope(|scope| {
        let matching = scope.spawn(|| {
            crate::text::in_lang(lang, || {
                let matching = mentor_matching::solve_with_pins(inst, &problem, |p| strat.imp().solve(p, params))?;
                let matched_maximum = below_maximum(inst, &problem, &matching)?;
                Ok::<_, SolveError>((matching, matched_maximum))
            })
        });
        let parts = timetable_and_groups(inst, params, started);
        (parts, matching.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    // Errors in the order the parts are planned: timetable, groups, matching.
    let (timetable, groups, mut busy) = parts?;
    params.progress.report("mentorskap och mötesdagar", None, None);
    let (matching, matched_maximum) = matched?;
    let pairs = plan::ordered_pairs(inst, &problem, &matching);
    let series = meetings::schedule_series(inst, &pairs.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), &mut busy);
    let pairs = pairs.into_iter().zip(series).map(|((mentor, mentee, cost), series)| DatedPair { mentor, mentee, cost, series }).collect();
    Ok(Plan {
        run: Run {
            strategy: strat.name(),
            method: strat.method().into(),
            seed: params.seed,
            time_limit: params.time_limit,
            runtime: started.elapsed(),
        },
        mentorship: Mentorship {
            pairs,
            unmatched: plan::unmatched_mentees(&problem, &matching),
            not_eligible: problem.not_eligible.clone(),
            cost: Some(matching.cost),
            proven_optimal: matching.proven_optimal,
            stop: Some(StopReason::of(matching.proven_optimal, false, false, None)),
            matched_maximum,
        },
        groups,
        timetable,
        introduction: introduction::assign(inst),
    })
}

/// The people's busy dates (course and group days), by person id.
type Busy = BTreeMap<String, BTreeSet<chrono::NaiveDate>>;

/// The timetable and the groups of [`solve`] (see there for the shares of the time limit), with
/// the course and group days booked in the people's busy dates.
fn timetable_and_groups(
    inst: &Instance,
    params: &SolveParams,
    started: Instant,
) -> Result<(Option<TimetableResult>, Vec<groups::ProgrammeOutcome>, Busy), SolveError> {
    let deadline = params.time_limit.map(|t| started + t);
    // Timetable first: mentor meetings are then dated around everyone's course days.
    let mut busy: Busy = BTreeMap::new();
    let timetable = if inst.timetable.is_empty() {
        None
    } else {
        let strat = params.timetable_strategy;
        params.progress.report("kurstillfällen", None, None);
        let share = if inst.group_programmes.is_empty() { SOLO_SHARE } else { TIMETABLE_SHARE };
        let ctx = timetable::Context { seed: params.seed, deadline: part_deadline(deadline, share), stop: params.stop.clone() };
        let mut outcome = strat.solve(inst, &ctx)?;
        book_timetable(inst, &outcome.timetable, &mut busy);
        let total = timetable::evaluate(inst, &outcome.timetable).total;
        // A proven lower bound that the plan reaches proves the plan optimal, whichever method
        // found it (a heuristic's plan at the aggregated bound, say), within the relative
        // tolerance of 10⁻⁶ that MILP solvers also report optimality with.
        if outcome.bound.is_some_and(|b| b >= total - 1e-6 * total.abs().max(1.0)) {
            outcome.proven_optimal = true;
        }
        let stop = StopReason::of(outcome.proven_optimal, stopped(params), outcome.interrupted, outcome.stalled)
            .or_exhausted(outcome.neighbourhoods_exhausted);
        let gap = if outcome.proven_optimal { Some(0.0) } else { outcome.bound.map(|b| timetable::relative_gap(total, b.min(total))) };
        params.progress.report("kurstillfällen", Some(total), gap);
        Some(TimetableResult { strategy: strat.name(), method: backend::method_text(strat.method()), outcome, stop: Some(stop) })
    };
    // Groups next (they avoid course days where they can): a group of eight has fewer common
    // free days than a pair, so the pairs' meetings are dated around the groups' last.
    let group_params = groups::GroupParams {
        deadline: part_deadline(deadline, SOLO_SHARE),
        stop: params.stop.clone(),
        ..groups::GroupParams::new(params.group_strategy, params.seed)
    };
    if !inst.group_programmes.is_empty() {
        params.progress.report("grupper", None, None);
    }
    let sessions = timetable.as_ref().map(|t| groups::course_cohorts(inst, &t.outcome.timetable)).unwrap_or_default();
    let groups = groups::solve_groups(inst, &group_params, &mut busy, &sessions)?;
    Ok((timetable, groups, busy))
}

/// True when Ctrl-C asked the solve to stop.
fn stopped(params: &SolveParams) -> bool {
    params.stop.load(Ordering::Relaxed)
}

/// For a matching not proven optimal (a heuristic's): the most mentees that could be matched
/// with the pinned pairs in place, when the matching has fewer. The plan states it, so that a
/// heuristic below the maximum says so rather than passing for a maximum matching.
fn below_maximum(inst: &Instance, problem: &MatchingProblem, matching: &Matching) -> Result<Option<usize>, SolveError> {
    if matching.proven_optimal {
        return Ok(None);
    }
    let best = mentor_matching::solve_with_pins(inst, problem, mentor_matching::solve_exact)?.matched;
    Ok((best > matching.matched).then_some(best))
}

/// Books a timetable's course days in `busy` for its attendees and trainers, and blocks the
/// dates on which a unit's absence cap is filled (see [`block_full_units`]).
pub fn book_timetable(inst: &Instance, tt: &timetable::Timetable, busy: &mut BTreeMap<String, BTreeSet<chrono::NaiveDate>>) {
    let m = &inst.timetable;
    for s in &tt.sessions {
        let dates = s.days.iter().map(|&t| m.days[t]);
        let attendees = s.attendees.iter().map(|&d| &inst.participants[m.demands[d].participant].id);
        for who in attendees.chain(s.trainers.iter().map(|&r| &m.trainers[r].id)) {
            busy.entry(who.clone()).or_default().extend(dates.clone());
        }
    }
    block_full_units(inst, tt, busy);
}

/// Marks, for every unit whose absence cap is already filled by course days on a date, that
/// date as busy for all its participants and mentors, so mentor meetings do not take more
/// people away from a unit that is at its cap.
fn block_full_units(inst: &Instance, tt: &timetable::Timetable, busy: &mut BTreeMap<String, BTreeSet<chrono::NaiveDate>>) {
    let m = &inst.timetable;
    let mut away: BTreeMap<(usize, chrono::NaiveDate), usize> = BTreeMap::new();
    for s in &tt.sessions {
        for &a in &s.attendees {
            for &t in &s.days {
                *away.entry((inst.participants[m.demands[a].participant].unit.index(), m.days[t])).or_default() += 1;
            }
        }
    }
    let people = inst.participants.iter().map(|p| (p.unit.index(), &p.id)).chain(inst.mentors.iter().map(|m| (m.unit.index(), &m.id)));
    let mut of_unit: BTreeMap<usize, Vec<&String>> = BTreeMap::new();
    for (u, id) in people {
        of_unit.entry(u).or_default().push(id);
    }
    for ((u, d), n) in away {
        if n >= m.workload.unit_cap[u] {
            for id in of_unit.get(&u).into_iter().flatten() {
                busy.entry((*id).clone()).or_default().insert(d);
            }
        }
    }
}
