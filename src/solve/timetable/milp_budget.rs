//! Solving a session model with a deterministic work budget.
//!
//! The models are written with good_lp (whose rows [`super::milp`] shares between them) and
//! solved by microlp. good_lp's microlp wrapper offers a time limit but not microlp's node
//! limit, so the model good_lp built is handed to microlp here: the branch and bound runs in
//! steps of [`STEP_NODES`] nodes ([`microlp::SolveOptions::node_limit`], then
//! [`microlp::SolveOutcome::resume_with`]) and stops, between steps, once its simplex pivots
//! times the model's variables reach the budget. Pivots, not nodes, measure the work: a node of
//! a larger model takes more pivots, and each pivot costs about in proportion to the model's
//! size. The count has no clock in it, so the same model and budget give the same plan on any
//! machine under any load. A time limit (the user's `--time-limit`) may be set as well; the
//! first to run out stops the search.

use crate::solve::SolveError;
use good_lp::{ProblemVariables, Variable};
use std::collections::HashMap;

/// The work an exact session model may do when the run has no time limit: simplex pivots ×
/// model variables. A stated budget, not tuned to a round: about ten seconds of one core on
/// the development machine (for a model of 300 variables, some 400,000 pivots); a round that
/// needs more ends with its best plan and bound, and a gap.
pub const EXACT_WORK: u64 = 120_000_000;

/// Branch-and-bound nodes between two looks at the work done.
pub const STEP_NODES: u64 = 50;

/// The work a model may do: pivots × variables, and seconds (None: no limit).
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Most simplex pivots × model variables; the root relaxation is always solved, and the
    /// search stops at the first look ([`STEP_NODES`]) past the budget.
    pub work: Option<u64>,
    /// Most seconds.
    pub seconds: Option<f64>,
}

impl Budget {
    /// The budget of a heuristic model: the time left when the run has a time limit, else
    /// `work` (pivots × variables), so that the plan depends on the seed only.
    pub fn restricted(remaining_secs: Option<f64>, work: u64) -> Budget {
        match remaining_secs {
            Some(r) => Budget { work: None, seconds: Some(r.max(0.5)) },
            None => Budget { work: Some(work), seconds: None },
        }
    }
}

/// microlp's variables for good_lp's: good_lp's microlp model creates one microlp variable per
/// good_lp variable, in good_lp's order, and microlp numbers its variables in creation order
/// ([`microlp::Variable::idx`]).
pub struct Ids {
    of: HashMap<Variable, usize>,
    lp: Vec<microlp::Variable>,
}

impl Ids {
    /// The numbering of `vars`; read before the variables go into the model.
    pub fn of(vars: &ProblemVariables) -> Ids {
        let of: HashMap<Variable, usize> = vars.iter_variables_with_def().enumerate().map(|(i, (v, _))| (v, i)).collect();
        // microlp hands out its variables only when they are created: a scratch problem with
        // as many variables gives the same numbers.
        let mut scratch = microlp::Problem::new(microlp::OptimizationDirection::Minimize);
        let lp = (0..of.len()).map(|_| scratch.add_var(0.0, (0.0, 0.0))).collect();
        Ids { of, lp }
    }

    /// Variables in the model.
    pub fn len(&self) -> usize {
        self.lp.len()
    }

    /// True when the model has no variables.
    pub fn is_empty(&self) -> bool {
        self.lp.is_empty()
    }

    #[cfg_attr(feature = "highs", allow(dead_code))]
    fn lp(&self, v: Variable) -> microlp::Variable {
        self.lp[self.of[&v]]
    }
}

/// The model type the session models are built in and [`solve`] takes.
#[cfg(not(feature = "highs"))]
pub type Model = good_lp::solvers::microlp::MicroLpProblem;
#[cfg(not(feature = "highs"))]
pub use good_lp::solvers::microlp::microlp as solver;
#[cfg(not(feature = "highs"))]
pub use microlp_run::{solve, Solved};

/// The model type the session models are built in and [`solve`] takes.
#[cfg(feature = "highs")]
pub type Model = crate::solve::backend::Model;
#[cfg(feature = "highs")]
pub use crate::solve::backend::solver;
#[cfg(feature = "highs")]
pub use highs_run::{solve, Solved};

/// microlp, in steps of [`STEP_NODES`] nodes until the work budget is spent.
#[cfg(not(feature = "highs"))]
mod microlp_run {
    use super::*;
    use microlp::{ResumeOptions, SolveOptions, SolveOutcome, TerminationReason};
    use std::time::{Duration, Instant};

    /// A solved model: its best assignment, why it stopped and the search's statistics.
    pub struct Solved {
        solution: microlp::Solution,
        ids: Ids,
    }

    impl Solved {
        /// True when the optimum is proven.
        pub fn optimal(&self) -> bool {
            self.solution.termination_reason() == TerminationReason::ProvenOptimal
        }

        /// True when the time limit (not the node budget) stopped the search.
        pub fn timed_out(&self) -> bool {
            self.solution.termination_reason() == TerminationReason::TimeLimit
        }

        /// The model's objective at the best assignment.
        pub fn objective(&self) -> f64 {
            self.solution.objective()
        }

        /// The proven lower bound of the model's objective (the objective itself when optimal).
        pub fn best_bound(&self) -> f64 {
            if self.optimal() {
                self.objective()
            } else {
                self.solution.stats().best_bound.unwrap_or(f64::NEG_INFINITY)
            }
        }

        /// Simplex pivots.
        pub fn pivots(&self) -> u64 {
            self.solution.stats().lp_iterations
        }
    }

    impl good_lp::Solution for Solved {
        fn status(&self) -> good_lp::SolutionStatus {
            if self.optimal() {
                good_lp::SolutionStatus::Optimal
            } else {
                good_lp::SolutionStatus::TimeLimit
            }
        }

        fn value(&self, v: Variable) -> f64 {
            self.solution.var_value(self.ids.lp(v))
        }
    }

    /// Solves `model` (built by good_lp over the variables numbered by `ids`) from the warm start
    /// `initial` within `budget`. An error when the model is infeasible or the budget ran out
    /// before any assignment was found.
    pub fn solve(model: Model, ids: Ids, initial: &[(Variable, f64)], budget: Budget) -> Result<Solved, SolveError> {
        let failed = |e: microlp::Error| SolveError::Numeric(format!("the session model failed: {e}"));
        let deadline = budget.seconds.map(|s| Instant::now() + Duration::from_secs_f64(s));
        let left = || deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let mut options = SolveOptions::default();
        options.time_limit = left();
        options.warm_start = (!initial.is_empty()).then(|| initial.iter().map(|&(v, x)| (ids.lp(v), x)).collect());
        // Without a work budget one call runs to the proof or the time limit.
        options.node_limit = budget.work.map(|_| 0);
        let mut outcome = model.as_inner().solve_with(options).map_err(failed)?;
        let variables = ids.len().max(1) as u64;
        while let Some(work) = budget.work {
            let done = outcome.stats().lp_iterations.saturating_mul(variables);
            if outcome.is_optimal() || outcome.termination_reason() == TerminationReason::TimeLimit || done >= work {
                break;
            }
            let mut step = ResumeOptions::default();
            step.node_limit = Some(STEP_NODES);
            step.time_limit = left();
            outcome = outcome.resume_with(step).map_err(failed)?;
        }
        finish(outcome, ids)
    }

    fn finish(outcome: SolveOutcome, ids: Ids) -> Result<Solved, SolveError> {
        let reason = outcome.termination_reason();
        let solution = outcome
            .into_solution()
            .map_err(|_| SolveError::Numeric(format!("the session model found no plan within its budget ({reason:?})")))?;
        Ok(Solved { solution, ids })
    }
}

/// HiGHS (feature `highs`): one run within the time limit, or without one within HiGHS's node
/// limit ([`crate::solve::backend::NODE_LIMIT`]), which is deterministic too. HiGHS does not
/// report its pivots: a run is charged its whole work budget, so a search that counts work
/// (the neighbourhood search) stops at the same point on every machine.
#[cfg(feature = "highs")]
mod highs_run {
    use super::*;
    use good_lp::{Solution, SolutionStatus, SolverModel, WithInitialSolution, WithTimeLimit};

    /// A solved model: its best assignment, why it stopped and the work charged.
    pub struct Solved {
        outcome: crate::solve::backend::Outcome,
        objective: f64,
        best_bound: Option<f64>,
        charged: u64,
    }

    impl Solved {
        /// True when the optimum is proven.
        pub fn optimal(&self) -> bool {
            matches!(self.outcome.status(), SolutionStatus::Optimal)
        }

        /// True when the time limit (or the node limit) stopped the search.
        pub fn timed_out(&self) -> bool {
            !self.optimal()
        }

        /// The model's objective at the best assignment.
        pub fn objective(&self) -> f64 {
            self.objective
        }

        /// The proven lower bound of the model's objective (the objective itself when optimal).
        pub fn best_bound(&self) -> f64 {
            if self.optimal() {
                self.objective
            } else {
                self.best_bound.unwrap_or(f64::NEG_INFINITY)
            }
        }

        /// The work charged, in pivots (the budget's work over the model's variables).
        pub fn pivots(&self) -> u64 {
            self.charged
        }
    }

    impl good_lp::Solution for Solved {
        fn status(&self) -> SolutionStatus {
            self.outcome.status()
        }

        fn value(&self, v: Variable) -> f64 {
            self.outcome.value(v)
        }
    }

    /// Solves `model` from the warm start `initial` within `budget`.
    pub fn solve(model: Model, ids: Ids, initial: &[(Variable, f64)], budget: Budget) -> Result<Solved, SolveError> {
        let mut model = model;
        if let Some(s) = budget.seconds {
            model = model.with_time_limit(s.max(0.0));
        }
        if !initial.is_empty() {
            model = model.with_initial_solution(initial.iter().copied());
        }
        let outcome = model.solve().map_err(|e| SolveError::Numeric(format!("the session model failed: {e}")))?;
        let charged = budget.work.unwrap_or(0) / ids.len().max(1) as u64;
        let (objective, best_bound) = {
            let inner = outcome.inner();
            (inner.objective(), inner.stats().best_bound)
        };
        Ok(Solved { outcome, objective, best_bound, charged })
    }
}
