//! A stronger session model for the exact MILP of a small round: the same plans and the same
//! optimum, a tighter LP relaxation and a branching that microlp (which adds no cuts of its
//! own) can use.
//!
//! - **Costs on counts.** A session's cost is a sum of parts, each shared by many candidates:
//!   the course's own (per day and fixed), the venue's day rate, each trainer's day rate. Each
//!   part with two or more candidates gets an integer variable, the number of open sessions
//!   that pay it (`n = Σ y`), and the part's cost moves from the session variables to it. The
//!   objective is the same for every plan. microlp branches by pseudocosts seeded with a
//!   variable's objective coefficient, so it now branches first on "how many sessions of this
//!   course does this trainer teach" rather than on single sessions, which the LP spreads
//!   thinly over many starts: on the shipped small round the proof took 9,882 nodes before
//!   and takes 252 with the unit rows below.
//! - **Unit caps per session.** Everyone from a unit attending one session is away from the
//!   unit on the same days, so at most the unit's absence cap of them attend any one session:
//!   `Σ x(unit, session) ≤ cap · y`. The rows by unit and day already hold this for a plan; by
//!   scaling the cap with `y`, the relaxation can no longer seat a unit's people a little in
//!   many thinly opened sessions. On the shipped small round the root bound rises from 24,154
//!   to 44,681 (optimum 52,681).

use super::milp::Candidate;
use crate::model::Instance;
use good_lp::{variable, Expression, ProblemVariables, SolverModel, Variable};
use std::collections::BTreeMap;

/// The counts of open sessions that pay each shared cost part.
#[derive(Debug, Default)]
pub(super) struct CostCounts {
    /// A count variable and the candidates it counts.
    counts: Vec<(Variable, Vec<usize>)>,
}

/// What a part of a session's cost is charged for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    /// The course's cost per day and fixed cost.
    Course(usize),
    /// The venue's day rate for a course's days.
    Venue(usize, usize),
    /// A trainer's day rate for a course's days.
    Trainer(usize, usize),
}

/// Declares the count variables and returns the objective of the sessions' costs: on the
/// counts where two or more candidates share a part, else on the candidate's `y`.
pub(super) fn cost_counts(vars: &mut ProblemVariables, inst: &Instance, cands: &[Candidate], y: &[Variable]) -> (Expression, CostCounts) {
    let m = &inst.timetable;
    let w = m.weights.cost_per_sek;
    let mut parts: BTreeMap<Part, (f64, Vec<usize>)> = BTreeMap::new();
    for (k, c) in cands.iter().enumerate() {
        let course = &m.courses[c.course];
        let days = course.days as f64;
        let mut charge = |part: Part, cost: f64| parts.entry(part).or_insert((cost, Vec::new())).1.push(k);
        charge(Part::Course(c.course), w * (course.day_cost * days + course.fixed_cost));
        charge(Part::Venue(c.course, c.venue), w * m.venues[c.venue].day_rate * days);
        for &r in &c.trainers {
            charge(Part::Trainer(c.course, r), w * m.trainers[r].day_rate * days);
        }
    }
    let mut objective = Expression::from(0.0);
    let mut out = CostCounts::default();
    for (cost, list) in parts.into_values().filter(|(cost, _)| *cost != 0.0) {
        if let [k] = list[..] {
            objective += cost * y[k];
        } else {
            let n = vars.add(variable().integer().min(0).max(list.len() as f64));
            objective += cost * n;
            out.counts.push((n, list));
        }
    }
    (objective, out)
}

impl CostCounts {
    /// The rows `n = Σ y`.
    pub(super) fn rows(&self, model: &mut impl SolverModel, y: &[Variable]) {
        for (n, list) in &self.counts {
            let open: Expression = list.iter().map(|&k| y[k]).sum();
            model.add_constraint((open - *n).eq(0.0));
        }
    }

    /// The counts' values in a plan whose open candidates are `open`.
    pub(super) fn warm(&self, open: &[bool]) -> Vec<(Variable, f64)> {
        self.counts.iter().map(|(n, list)| (*n, list.iter().filter(|&&k| open[k]).count() as f64)).collect()
    }
}

/// Per session and unit: at most the unit's absence cap of its people attend, and none when
/// the session is closed (`Σ x ≤ cap · y`).
pub(super) fn unit_session_rows(model: &mut impl SolverModel, inst: &Instance, pairs: &[(usize, usize)], x: &[Variable], y: &[Variable]) {
    let m = &inst.timetable;
    let mut of_unit: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, &(d, k)) in pairs.iter().enumerate() {
        of_unit.entry((k, inst.participants[m.demands[d].participant].unit.index())).or_default().push(i);
    }
    for (&(k, u), list) in &of_unit {
        let cap = m.workload.unit_cap[u];
        if list.len() > cap {
            let seated: Expression = list.iter().map(|&i| x[i]).sum();
            model.add_constraint((seated - cap as f64 * y[k]).leq(0.0));
        }
    }
}
