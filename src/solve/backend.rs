//! The LP/MILP backend every good_lp model is solved with: the timetable's session and
//! aggregated models, the matching's flow programme and the groups' exact model call
//! `.using(backend::solver)`, so the model-building code names no solver.
//!
//! By default the pure-Rust microlp. With the cargo feature `highs` (opt-in: building HiGHS
//! needs cmake, a C++ compiler and libclang) HiGHS, run deterministically: one thread, no
//! parallel search, a fixed random seed, a zero relative gap (like microlp, "optimal" means
//! proven optimal), its `time_limit` when the caller gives one and otherwise a branch-and-bound
//! node limit ([`NODE_LIMIT`]) instead of a clock.
//!
//! The solution of either backend answers `into_inner().objective()` and
//! `into_inner().stats()` (`best_bound`, `nodes_solved`) as microlp's does.

/// The backend's name, shown in `trappa --version`, in plan methods and in benchmark headers.
#[cfg(not(feature = "highs"))]
pub const NAME: &str = "microlp";
/// The backend's name, shown in `trappa --version`, in plan methods and in benchmark headers.
#[cfg(feature = "highs")]
pub const NAME: &str = "HiGHS";

/// trappa's version with the backend, for `trappa --version` and benchmark headers.
#[cfg(not(feature = "highs"))]
pub const VERSION_TEXT: &str = concat!(env!("CARGO_PKG_VERSION"), " (LP/MILP: microlp)");
/// trappa's version with the backend, for `trappa --version` and benchmark headers.
#[cfg(feature = "highs")]
pub const VERSION_TEXT: &str = concat!(env!("CARGO_PKG_VERSION"), " (LP/MILP: HiGHS)");

/// A method text with the backend that solved its models.
pub fn method_text(method: &str) -> String {
    format!("{method} (LP/MILP: {NAME})")
}

#[cfg(not(feature = "highs"))]
pub use good_lp::solvers::microlp::microlp as solver;

#[cfg(feature = "highs")]
pub use highs_backend::{solver, Model, Outcome, NODE_LIMIT};

#[cfg(feature = "highs")]
mod highs_backend {
    use good_lp::solvers::highs::HighsProblem;
    use good_lp::solvers::{ResolutionError, SolutionStatus};
    use good_lp::{Constraint, Solution, SolverModel, Variable, WithInitialSolution, WithTimeLimit};
    use highs::{HighsModelStatus, HighsSolutionStatus};
    use std::hash::{Hash, Hasher};

    /// Branch-and-bound nodes a run without a time limit may use. The models trappa builds are
    /// proven in hundreds to a few thousand nodes; a million (hours of work) only ends a search
    /// that would not end otherwise, and ends it at the same point on every machine.
    pub const NODE_LIMIT: i32 = 1_000_000;

    /// Creates a HiGHS model for `.using(...)`.
    pub fn solver(to_solve: good_lp::variable::UnsolvedProblem) -> Model {
        Model { problem: good_lp::solvers::highs::highs(to_solve), initial: Vec::new(), time_limit: None }
    }

    /// A HiGHS model with trappa's fixed options, solved so that the objective and the proven
    /// bound can be read back (good_lp's own HiGHS solution carries only the values).
    pub struct Model {
        problem: HighsProblem,
        initial: Vec<(Variable, f64)>,
        time_limit: Option<f64>,
    }

    /// A solution: the status, the column values, the objective and the dual bound.
    pub struct Outcome {
        status: SolutionStatus,
        columns: Vec<f64>,
        inner: Inner,
    }

    /// What microlp's solution also answers: the objective (without constant terms) and stats.
    pub struct Inner {
        objective: f64,
        best_bound: Option<f64>,
    }

    /// The search's statistics. HiGHS's node count is not exposed by the `highs` crate:
    /// `nodes_solved` is 0.
    pub struct Stats {
        /// The proven bound of the objective, when HiGHS gives one.
        pub best_bound: Option<f64>,
        /// Always 0: the `highs` crate does not expose HiGHS's node count.
        pub nodes_solved: u64,
    }

    impl Inner {
        /// The objective at the solution.
        pub fn objective(&self) -> f64 {
            self.objective
        }
        /// The search's statistics.
        pub fn stats(&self) -> Stats {
            Stats { best_bound: self.best_bound, nodes_solved: 0 }
        }
    }

    impl Outcome {
        /// The objective and the bound.
        pub fn into_inner(self) -> Inner {
            self.inner
        }
        /// The objective and the bound, borrowed.
        pub fn inner(&self) -> &Inner {
            &self.inner
        }
    }

    impl Solution for Outcome {
        fn status(&self) -> SolutionStatus {
            self.status
        }
        fn value(&self, variable: Variable) -> f64 {
            column_of(variable).and_then(|c| self.columns.get(c).copied()).unwrap_or(0.0)
        }
    }

    /// Reads a variable's column: good_lp numbers a problem's variables 0, 1, … in the order
    /// they were added and HiGHS's columns follow that order, but good_lp keeps the number
    /// private; a `Variable` hashes exactly that number (its only field), which this hasher keeps.
    #[derive(Default)]
    struct ColumnOf(Option<usize>);

    impl Hasher for ColumnOf {
        fn finish(&self) -> u64 {
            0
        }
        fn write(&mut self, _: &[u8]) {}
        fn write_usize(&mut self, i: usize) {
            self.0 = Some(i);
        }
    }

    pub(super) fn column_of(v: Variable) -> Option<usize> {
        let mut h = ColumnOf::default();
        v.hash(&mut h);
        h.0
    }

    impl WithInitialSolution for Model {
        fn with_initial_solution(mut self, solution: impl IntoIterator<Item = (Variable, f64)>) -> Self {
            self.initial = solution.into_iter().collect();
            self
        }
    }

    impl WithTimeLimit for Model {
        fn with_time_limit<T: Into<f64>>(mut self, seconds: T) -> Self {
            self.time_limit = Some(seconds.into());
            self
        }
    }

    fn option_error<E: std::fmt::Debug>(e: E) -> ResolutionError {
        ResolutionError::Str(format!("HiGHS refused an option: {e:?}"))
    }

    impl SolverModel for Model {
        type Solution = Outcome;
        type Error = ResolutionError;

        fn solve(self) -> Result<Outcome, ResolutionError> {
            let mut model = self.problem.try_into_inner()?;
            model.try_set_option("output_flag", false).map_err(option_error)?;
            model.try_set_option("threads", 1).map_err(option_error)?;
            model.try_set_option("parallel", "off").map_err(option_error)?;
            model.try_set_option("random_seed", 0).map_err(option_error)?;
            model.try_set_option("mip_rel_gap", 0.0).map_err(option_error)?;
            match self.time_limit {
                Some(t) => model.try_set_option("time_limit", t.max(0.0)).map_err(option_error)?,
                None => model.try_set_option("mip_max_nodes", NODE_LIMIT).map_err(option_error)?,
            }
            if !self.initial.is_empty() {
                let mut cols = vec![0.0; model.num_cols()];
                for &(v, x) in &self.initial {
                    if let Some(slot) = column_of(v).and_then(|c| cols.get_mut(c)) {
                        *slot = x;
                    }
                }
                model.set_solution(Some(&cols), None, None, None);
            }
            let solved = model.try_solve().map_err(|e| ResolutionError::Str(format!("HiGHS failed: {e:?}")))?;
            let status = match solved.status() {
                HighsModelStatus::Optimal | HighsModelStatus::ModelEmpty => SolutionStatus::Optimal,
                HighsModelStatus::Infeasible | HighsModelStatus::UnboundedOrInfeasible => return Err(ResolutionError::Infeasible),
                HighsModelStatus::Unbounded => return Err(ResolutionError::Unbounded),
                HighsModelStatus::ReachedTimeLimit
                | HighsModelStatus::ReachedIterationLimit
                | HighsModelStatus::ReachedSolutionLimit
                | HighsModelStatus::ReachedInterrupt
                | HighsModelStatus::ReachedMemoryLimit => SolutionStatus::TimeLimit,
                other => return Err(ResolutionError::Str(format!("HiGHS stopped with status {other:?}"))),
            };
            let empty = solved.status() == HighsModelStatus::ModelEmpty;
            if !empty && solved.primal_solution_status() != HighsSolutionStatus::Feasible {
                // The same words as microlp's, which callers recognise.
                return Err(ResolutionError::Other("Time limit reached before finding a feasible solution"));
            }
            let objective = if empty { 0.0 } else { solved.objective_value() };
            let best_bound = match status {
                SolutionStatus::Optimal => Some(objective),
                _ => solved.double_info_value(c"mip_dual_bound").ok().filter(|b| b.is_finite()),
            };
            let columns = solved.get_solution().columns().to_vec();
            Ok(Outcome { status, columns, inner: Inner { objective, best_bound } })
        }

        fn add_constraint(&mut self, constraint: Constraint) -> good_lp::constraint::ConstraintReference {
            self.problem.add_constraint(constraint)
        }

        fn name() -> &'static str {
            "HiGHS"
        }
    }
}
