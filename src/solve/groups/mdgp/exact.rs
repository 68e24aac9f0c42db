//! Exact MILP for small grouping problems (good_lp with the pure-Rust microlp
//! backend), as a **set-partitioning** model.
//!
//! Groups with the same bounds and the same allowed column are interchangeable;
//! they form a *class* `c` with `k_c` groups. Every subset `S` of the elements
//! allowed in class `c` whose size lies within the class's bounds and which
//! respects every cap is a column with one binary variable and the exact value
//!
//! ```text
//! value(S) = sum_{i<j in S} w_ij - min_p sum_{i in S} cost[i][p]
//! ```
//!
//! Rows: every element is covered exactly once; class `c` uses exactly `k_c`
//! columns (at most `k_c` when its groups may be empty). So caps, allowed groups
//! and the travel term are all exact, the model has no symmetry between
//! interchangeable groups, and its LP relaxation is very tight: every n=10/12
//! MDGPLIB instance is proven optimal in well under a second.
//!
//! A compact model with pair variables `z_ij`, triangle inequalities, degree
//! bounds and symmetry breaking was tried first: microlp needed up to ~26 s on
//! the RanInt n=12 `ds` instances and did not finish Geo_n012_ds_01 in 60 s,
//! because its LP bound is weak when group sizes may vary.
//!
//! The number of columns grows like `C(n, max group size)`; instances needing
//! more than [`EXACT_MAX_COLUMNS`] are refused with [`GroupingError::TooLarge`]
//! (in practice the limit is n ≈ 14–16). A short deterministic
//! [`local_search`](super::local_search) run provides the starting incumbent.

use super::{local_search, GroupingError, GroupingProblem, Objective, Prepared, SearchParams};
use crate::solve::backend;
use good_lp::{
    variable, Expression, ProblemVariables, ResolutionError, Solution as _, SolutionStatus, SolverModel, Variable, WithInitialSolution,
    WithTimeLimit,
};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Largest number of set-partitioning columns [`exact_milp`] accepts.
pub const EXACT_MAX_COLUMNS: usize = 60_000;

/// How the exact solver stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExactStatus {
    /// Optimality proven.
    Optimal,
    /// The time limit stopped the search; the assignment is the best found.
    TimeLimit,
}

/// Result of [`exact_milp`].
#[derive(Debug, Clone, PartialEq)]
pub struct ExactSolution {
    /// `assignment[i]` = group of element `i`.
    pub assignment: Vec<usize>,
    /// Exact value of the assignment.
    pub objective: Objective,
    /// Whether optimality was proven.
    pub status: ExactStatus,
    /// Proven upper bound on the optimum (equal to the objective when
    /// optimal); `None` if the solver stopped before having one.
    pub bound: Option<f64>,
    /// Number of set-partitioning columns (candidate groups) in the model.
    pub columns: usize,
    /// Branch-and-bound nodes solved.
    pub nodes: u64,
    /// Wall-clock time of the whole call.
    pub elapsed: Duration,
}

/// Solves a small instance to proven optimality (or until `time_limit`).
///
/// Supports everything in [`GroupingProblem`]: size bounds, caps, allowed groups
/// and site costs.
///
/// Errors: [`GroupingError::TooLarge`] when the model would need more than
/// [`EXACT_MAX_COLUMNS`] columns (or `n > 64`), [`GroupingError::InvalidProblem`],
/// [`GroupingError::Infeasible`], and [`GroupingError::Solver`] if microlp fails.
pub fn exact_milp(p: &GroupingProblem, time_limit: Duration) -> Result<ExactSolution, GroupingError> {
    let t0 = Instant::now();
    let prep = Prepared::new(p)?;
    let n = prep.n;
    if n > 64 {
        return Err(GroupingError::TooLarge(format!("n = {n} > 64; use local_search")));
    }
    if n == 0 {
        return Ok(ExactSolution {
            assignment: Vec::new(),
            objective: Objective::default(),
            status: ExactStatus::Optimal,
            bound: Some(0.0),
            columns: 0,
            nodes: 0,
            elapsed: t0.elapsed(),
        });
    }
    let (class_of, classes) = interchangeable_classes(&prep);
    let estimate = column_estimate(&prep, &classes);
    if estimate > EXACT_MAX_COLUMNS as u128 {
        return Err(GroupingError::TooLarge(format!(
            "the set-partitioning model would have about {estimate} columns (limit {EXACT_MAX_COLUMNS}); use local_search"
        )));
    }
    // Incumbent from a short, deterministic local search.
    let heur = local_search(
        p,
        &SearchParams {
            seed: 0,
            time_limit: time_limit / 4,
            starts: 1,
            max_iterations: Some(100 * n as u64 + 500),
            max_iterations_without_improvement: Some(20 * n as u64 + 50),
        },
    )?;

    // Enumerate the columns.
    let mut cols: Vec<Column> = Vec::new();
    for (c, class) in classes.iter().enumerate() {
        let g = class[0];
        let elems: Vec<usize> = (0..n).filter(|&i| prep.allowed(i, g)).collect();
        let mut cur = Vec::new();
        enumerate(&prep, &elems, 0, &mut cur, (prep.lo[g].max(1), prep.hi[g]), c, &mut cols);
    }
    let mut vars = ProblemVariables::new();
    let xs: Vec<Variable> = cols.iter().map(|_| vars.add(variable().binary())).collect();
    let mut objective = Expression::with_capacity(cols.len());
    for (col, &x) in cols.iter().zip(&xs) {
        if col.value != 0.0 {
            objective.add_mul(col.value, x);
        }
    }
    let mut model = vars.maximise(objective).using(backend::solver);
    let mut cover: Vec<Expression> = vec![Expression::default(); n];
    let mut per_class: Vec<Expression> = vec![Expression::default(); classes.len()];
    for (col, &x) in cols.iter().zip(&xs) {
        let mut mask = col.mask;
        while mask != 0 {
            let i = mask.trailing_zeros() as usize;
            cover[i].add_mul(1.0, x);
            mask &= mask - 1;
        }
        per_class[col.class].add_mul(1.0, x);
    }
    for e in cover {
        model.add_constraint(e.eq(1.0));
    }
    for (c, e) in per_class.into_iter().enumerate() {
        let k = classes[c].len() as f64;
        if prep.lo[classes[c][0]] == 0 {
            model.add_constraint(e.leq(k));
        } else {
            model.add_constraint(e.eq(k));
        }
    }
    let hint = warm_start(&cols, &xs, &class_of, &heur.assignment);
    let columns = cols.len();
    let remaining = time_limit.saturating_sub(t0.elapsed()).as_secs_f64().max(0.01);
    let model = model.with_initial_solution(hint).with_time_limit(remaining);
    let fallback = |bound: Option<f64>, nodes: u64| ExactSolution {
        assignment: heur.assignment.clone(),
        objective: heur.objective,
        status: ExactStatus::TimeLimit,
        bound,
        columns,
        nodes,
        elapsed: t0.elapsed(),
    };
    let sol = match model.solve() {
        Ok(s) => s,
        Err(ResolutionError::Infeasible) => {
            return Err(GroupingError::Infeasible("the set-partitioning model has no feasible solution".into()))
        }
        // No incumbent at all before the time limit: report the heuristic.
        Err(ResolutionError::Other(msg)) if msg.contains("Time limit") => {
            return Ok(fallback(None, 0));
        }
        Err(e) => return Err(GroupingError::Solver(e.to_string())),
    };
    let status = match sol.status() {
        SolutionStatus::Optimal => ExactStatus::Optimal,
        _ => ExactStatus::TimeLimit,
    };
    let chosen: Vec<bool> = xs.iter().map(|&x| sol.value(x) > 0.5).collect();
    let assignment = assignment_of(n, &cols, &chosen, &classes);
    let stats = sol.into_inner().stats();
    if !p.violations(&assignment).is_empty() {
        return Err(GroupingError::Solver("the LP/MILP backend returned an assignment that breaks a constraint".into()));
    }
    let objective = p.evaluate(&assignment);
    if objective.total < heur.objective.total {
        // Only possible through numerical trouble; keep the better plan.
        return Ok(fallback(stats.best_bound, stats.nodes_solved));
    }
    let bound = match status {
        ExactStatus::Optimal => Some(objective.total),
        ExactStatus::TimeLimit => stats.best_bound,
    };
    Ok(ExactSolution { assignment, objective, status, bound, columns, nodes: stats.nodes_solved, elapsed: t0.elapsed() })
}

/// Classes of interchangeable groups (same bounds, same allowed elements), in index order:
/// the class of each group, and the groups of each class.
fn interchangeable_classes(prep: &Prepared) -> (Vec<usize>, Vec<Vec<usize>>) {
    let (n, m) = (prep.n, prep.m);
    let same = |g: usize, h: usize| {
        prep.lo[g] == prep.lo[h] && prep.hi[g] == prep.hi[h] && (0..n).all(|i| prep.allowed(i, g) == prep.allowed(i, h))
    };
    let mut class_of = vec![usize::MAX; m];
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for g in 0..m {
        if class_of[g] == usize::MAX {
            let c: Vec<usize> = (g..m).filter(|&h| class_of[h] == usize::MAX && same(g, h)).collect();
            for &h in &c {
                class_of[h] = classes.len();
            }
            classes.push(c);
        }
    }
    (class_of, classes)
}

/// The number of columns before enumerating them (caps only remove columns).
fn column_estimate(prep: &Prepared, classes: &[Vec<usize>]) -> u128 {
    let mut estimate: u128 = 0;
    for class in classes {
        let g = class[0];
        let k = (0..prep.n).filter(|&i| prep.allowed(i, g)).count();
        for s in prep.lo[g].max(1)..=prep.hi[g].min(k) {
            estimate += binomial(k, s);
        }
    }
    estimate
}

/// Warm start: the columns of an assignment's groups set to 1, all others to 0.
fn warm_start(cols: &[Column], xs: &[Variable], class_of: &[usize], assignment: &[usize]) -> Vec<(Variable, f64)> {
    let index: HashMap<(usize, u64), usize> = cols.iter().enumerate().map(|(k, col)| ((col.class, col.mask), k)).collect();
    let mut masks = vec![0u64; class_of.len()];
    for (i, &g) in assignment.iter().enumerate() {
        masks[g] |= 1u64 << i;
    }
    let mut chosen = vec![false; cols.len()];
    for g in 0..class_of.len() {
        if masks[g] != 0 {
            if let Some(&k) = index.get(&(class_of[g], masks[g])) {
                chosen[k] = true;
            }
        }
    }
    xs.iter().zip(&chosen).map(|(&x, &c)| (x, if c { 1.0 } else { 0.0 })).collect()
}

/// The assignment of the chosen columns: each class's columns go to its groups in order.
fn assignment_of(n: usize, cols: &[Column], chosen: &[bool], classes: &[Vec<usize>]) -> Vec<usize> {
    let mut assignment = vec![usize::MAX; n];
    let mut next_in_class = vec![0usize; classes.len()];
    for (col, _) in cols.iter().zip(chosen).filter(|(_, &c)| c) {
        let c = col.class;
        let Some(&g) = classes[c].get(next_in_class[c]) else {
            continue;
        };
        next_in_class[c] += 1;
        let mut mask = col.mask;
        while mask != 0 {
            assignment[mask.trailing_zeros() as usize] = g;
            mask &= mask - 1;
        }
    }
    assignment
}

/// One candidate group: a member set usable by one class of groups.
struct Column {
    class: usize,
    mask: u64,
    value: f64,
}

/// Adds every cap-feasible subset of `elems[from..]` extending `cur` with a
/// size in `lo..=hi`.
fn enumerate(
    p: &Prepared,
    elems: &[usize],
    from: usize,
    cur: &mut Vec<usize>,
    (lo, hi): (usize, usize),
    class: usize,
    out: &mut Vec<Column>,
) {
    if cur.len() >= lo {
        out.push(column(p, cur, class));
    }
    if cur.len() == hi {
        return;
    }
    for k in from..elems.len() {
        // Not enough elements left to reach the minimum size.
        if cur.len() + (elems.len() - k) < lo {
            break;
        }
        let i = elems[k];
        let over_cap = p.caps.iter().any(|c| cur.iter().filter(|&&j| c.label[j] == c.label[i]).count() >= c.max as usize);
        if over_cap {
            continue;
        }
        cur.push(i);
        enumerate(p, elems, k + 1, cur, (lo, hi), class, out);
        cur.pop();
    }
}

fn column(p: &Prepared, members: &[usize], class: usize) -> Column {
    let mut value = 0.0;
    let mut mask = 0u64;
    for (a, &i) in members.iter().enumerate() {
        mask |= 1u64 << i;
        for &j in &members[a + 1..] {
            value += p.w(i, j);
        }
    }
    let ns = p.n_sites;
    if ns > 0 {
        let travel = (0..ns).map(|q| members.iter().map(|&i| p.cost[i * ns + q]).sum::<f64>()).fold(f64::INFINITY, f64::min);
        value -= travel;
    }
    Column { class, mask, value }
}

fn binomial(n: usize, k: usize) -> u128 {
    if k > n {
        return 0;
    }
    let k = k.min(n - k);
    let mut r: u128 = 1;
    for t in 0..k {
        r = r * (n - t) as u128 / (t + 1) as u128;
    }
    r
}
