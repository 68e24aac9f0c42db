//! The LP/MILP backend seam (`trappa::solve::backend`): whichever backend the build selects
//! (microlp by default, HiGHS with `--features highs`), a small MILP is solved to its proven
//! optimum, variables read back their own values, the objective and the bound are those of the
//! optimum, and the version text names the backend.

use good_lp::{variable, ProblemVariables, Solution, SolverModel, WithInitialSolution, WithTimeLimit};
use trappa::solve::backend;

#[test]
fn a_small_mip_is_proven_optimal_with_its_objective_and_bound() {
    // max 3a + 2b + 4c + d/2 with a + b + c ≤ 2, b + c ≤ 1, d ≤ 1.5a (d continuous in [0, 2]):
    // a, c and d = 1.5, objective 7.75.
    let mut vars = ProblemVariables::new();
    let a = vars.add(variable().binary());
    let b = vars.add(variable().binary());
    let c = vars.add(variable().binary());
    let d = vars.add(variable().min(0.0).max(2.0));
    let solution = vars
        .maximise(3 * a + 2 * b + 4 * c + 0.5 * d)
        .using(backend::solver)
        .with((a + b + c).leq(2))
        .with((b + c).leq(1))
        .with((d - 1.5 * a).leq(0))
        .with_initial_solution([(a, 1.0), (b, 1.0), (c, 0.0), (d, 0.0)])
        .solve()
        .expect("the model is feasible");
    assert!(matches!(solution.status(), good_lp::SolutionStatus::Optimal));
    let values = [solution.value(a), solution.value(b), solution.value(c), solution.value(d)];
    assert!(values.iter().zip([1.0, 0.0, 1.0, 1.5]).all(|(v, w)| (v - w).abs() < 1e-6), "{values:?}");
    let inner = solution.into_inner();
    assert!((inner.objective() - 7.75).abs() < 1e-6, "{}", inner.objective());
    let bound = inner.stats().best_bound;
    assert!(bound.is_none_or(|b| (b - 7.75).abs() < 1e-6), "{bound:?}");
}

#[test]
fn an_infeasible_model_is_reported_infeasible() {
    let mut vars = ProblemVariables::new();
    let a = vars.add(variable().binary());
    let b = vars.add(variable().binary());
    let result = vars.minimise(a + b).using(backend::solver).with((a + b).geq(3)).with_time_limit(10.0).solve();
    assert!(matches!(result, Err(good_lp::ResolutionError::Infeasible)), "{:?}", result.err());
}

#[test]
fn the_version_text_names_the_backend() {
    assert!(backend::VERSION_TEXT.starts_with(trappa::VERSION));
    assert!(backend::VERSION_TEXT.contains(backend::NAME));
    assert!(backend::method_text("exact").contains(backend::NAME));
}
