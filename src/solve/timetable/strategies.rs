//! The timetable strategies: `auto` (the default), `milp`, `greedy` and `local-search`, each
//! a [`TimetableStrategy`] choice backed by a [`TimetableSolver`].

use super::types::{Context, Outcome};
use super::{bound, greedy, lns, local_search, milp, pins};
use crate::model::Instance;
use crate::solve::strategy::{Method, Strategy};
use crate::solve::SolveError;
use std::time::{Duration, Instant};

/// The timetable strategies (`--timetable-strategy`, `compare --strategies`), default first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum TimetableStrategy {
    /// Exact MILP when the full model is small, else the aggregated bound and a local search.
    Auto,
    /// MILP: the full session model on small rounds, decomposed on large ones.
    Milp,
    /// Greedy construction.
    Greedy,
    /// Multi-start randomised greedy and local search.
    LocalSearch,
}

impl Strategy for TimetableStrategy {
    type Imp = dyn TimetableSolver;

    fn imp(self) -> &'static dyn TimetableSolver {
        match self {
            TimetableStrategy::Auto => &Auto,
            TimetableStrategy::Milp => &Milp,
            TimetableStrategy::Greedy => &Greedy,
            TimetableStrategy::LocalSearch => &LocalSearch,
        }
    }
}

impl TimetableStrategy {
    /// Plans the timetable with this strategy.
    pub fn solve(self, inst: &Instance, ctx: &Context) -> Result<Outcome, SolveError> {
        self.imp().solve(inst, ctx)
    }
}

/// The implementation of a timetable strategy.
pub trait TimetableSolver: Method + Sync {
    /// Plans the timetable.
    fn solve(&self, inst: &Instance, ctx: &Context) -> Result<Outcome, SolveError>;
}

/// Builds the timetable of a greedy construction (noise 0: the plain greedy).
fn greedy_outcome(inst: &Instance, ctx: &Context) -> Result<Outcome, SolveError> {
    let mut st = pins::pinned_state(inst)?;
    let mut rng = ctx.rng(0);
    // Built whole under a time limit; Ctrl-C stops it with the sessions opened so far.
    greedy::construct(&mut st, &mut rng, &greedy::Options::default(), &ctx.ctrl_c_only());
    Ok(Outcome {
        timetable: st.to_timetable(),
        bound: Some(bound::combinatorial(inst)),
        proven_optimal: false,
        interrupted: ctx.expired(),
        stalled: None,
        neighbourhoods_exhausted: false,
        detail: "greedy construction".into(),
    })
}

struct Greedy;

impl Method for Greedy {
    fn method(&self) -> &'static str {
        "greedy heuristic: course by course, open the session (days, venue, trainers) that serves the most demand at the least travel and cost; bound from a per-course relaxation"
    }
}

impl TimetableSolver for Greedy {
    fn solve(&self, inst: &Instance, ctx: &Context) -> Result<Outcome, SolveError> {
        greedy_outcome(inst, ctx)
    }
}

struct LocalSearch;

impl Method for LocalSearch {
    fn method(&self) -> &'static str {
        "heuristic: multi-start randomised greedy + local search (move, swap, insert, open, close, shift sessions), starts in parallel, combined in start order; bound from a per-course relaxation"
    }
}

impl TimetableSolver for LocalSearch {
    fn solve(&self, inst: &Instance, ctx: &Context) -> Result<Outcome, SolveError> {
        let (tt, interrupted, stalled) = local_search::multi_start(inst, ctx, (None, None), None)?;
        Ok(Outcome {
            timetable: tt,
            bound: Some(bound::combinatorial(inst)),
            proven_optimal: false,
            interrupted,
            stalled,
            neighbourhoods_exhausted: false,
            detail: "multi-start local search".into(),
        })
    }
}

struct Milp;

impl Method for Milp {
    fn method(&self) -> &'static str {
        "MILP (good_lp): on small rounds the full model over every possible session (course × days × venue × trainers), exact; on large rounds a time-free aggregated model for the bound and the venues, then a restricted model over candidate sessions"
    }
}

impl TimetableSolver for Milp {
    fn solve(&self, inst: &Instance, ctx: &Context) -> Result<Outcome, SolveError> {
        milp::solve(inst, ctx)
    }
}

/// The outcome of a plan whose objective meets the proven lower bound `lb`
/// ([`super::types::meets_bound`]), or None. A search that reaches its bound has nothing left to
/// find, so `auto` stops there: on a round where no demand can be served the plain greedy plan
/// already meets the per-course bound.
fn proven(inst: &Instance, tt: &super::Timetable, lb: f64, how: &str) -> Option<Outcome> {
    let total = super::evaluate(inst, tt).total;
    super::types::meets_bound(total, lb).then(|| Outcome {
        timetable: tt.clone(),
        bound: Some(lb.min(total)),
        proven_optimal: true,
        interrupted: false,
        stalled: None,
        neighbourhoods_exhausted: false,
        detail: format!("{how}; the plan meets the bound"),
    })
}

/// Share of the time limit `auto` gives the aggregated bound.
const MASTER_SHARE: f64 = 0.3;
/// Share of the time left after the aggregated bound that `auto` keeps from the local search
/// for the closing restricted MILP (which may use all the time the search leaves; the
/// neighbourhood search has what the closing MILP leaves).
const POLISH_SHARE: f64 = 0.15;

struct Auto;

impl Method for Auto {
    fn method(&self) -> &'static str {
        "exact MILP when the full model is small; otherwise the aggregated MILP's bound and venue plan seed a multi-start local search, then a large-neighbourhood search re-solves one course, month or venue at a time with the session MILP"
    }
}

impl TimetableSolver for Auto {
    fn solve(&self, inst: &Instance, ctx: &Context) -> Result<Outcome, SolveError> {
        pins::pinned_state(inst)?;
        if milp::full_model_fits(inst) {
            let out = milp::solve(inst, ctx)?;
            if out.proven_optimal || ctx.expired() {
                return Ok(out);
            }
        }
        // A timetable from the first seconds: the plain greedy start is built before the
        // aggregated model, so Ctrl-C during the model keeps it (and the search reuses it).
        let built = local_search::plain_start(inst, ctx)?;
        let combinatorial = bound::combinatorial(inst);
        // Each stage stops the search once the plan meets a proven bound: no plan is better.
        if let Some(out) = proven(inst, &built.timetable(), combinatorial, "greedy construction") {
            return Ok(out);
        }
        // The MILPs run where Ctrl-C can leave them behind (see `Context::unless_stopped`).
        let master = {
            let (inst, mctx) = (inst.clone(), ctx.clone());
            ctx.unless_stopped(move || bound::master(&inst, &mctx, MASTER_SHARE)).flatten()
        };
        let lb = master.as_ref().map_or(combinatorial, |m| m.bound.max(combinatorial));
        if let Some(out) = proven(inst, &built.timetable(), lb, "greedy construction + aggregated MILP bound") {
            return Ok(out);
        }
        // construct → improve → restricted MILP where the size allows → neighbourhoods.
        let polish = inst.timetable.demands.len() <= milp::POLISH_MAX_DEMANDS;
        let after_master = ctx.remaining_secs();
        let search_ctx = match (polish, after_master) {
            (true, Some(r)) => {
                Context { deadline: Some(Instant::now() + Duration::from_secs_f64(r * (1.0 - POLISH_SHARE))), ..ctx.clone() }
            }
            _ => ctx.clone(),
        };
        let (mut tt, interrupted, stalled) = local_search::multi_start(inst, &search_ctx, (master.as_ref(), Some(lb)), Some(built))?;
        if let Some(out) = proven(inst, &tt, lb, "aggregated MILP bound + multi-start local search") {
            return Ok(out);
        }
        if polish && !interrupted {
            // Measured on the 600-participant rounds: capping the closing MILP at 15 % of the
            // time to leave more to the neighbourhoods lost more than they gained.
            let (pinst, ptt, pctx, pmaster) = (inst.clone(), tt.clone(), ctx.clone(), master.clone());
            if let Some(better) = ctx.unless_stopped(move || milp::polish(&pinst, &ptt, pmaster.as_ref(), &pctx)).flatten() {
                tt = better;
            }
        }
        if let Some(out) = proven(inst, &tt, lb, "aggregated MILP bound + multi-start local search + restricted MILP") {
            return Ok(out);
        }
        // The neighbourhoods take the time the search and the closing MILP leave (without a
        // time limit: their work budget). Ctrl-C keeps the incumbent.
        let (lns, stalled) = if ctx.expired() {
            (None, stalled)
        } else {
            let work = ctx.deadline.is_none().then_some(lns::LNS_WORK);
            let report = lns::improve(inst, &tt, ctx, work);
            tt = report.timetable.clone();
            (Some(report), None)
        };
        let detail = match &lns {
            Some(r) => {
                format!("aggregated MILP bound + multi-start local search + neighbourhood MILPs ({} of {} improved)", r.improved, r.tried)
            }
            None => "aggregated MILP bound + multi-start local search".into(),
        };
        if let Some(out) = proven(inst, &tt, lb, &detail) {
            return Ok(out);
        }
        Ok(Outcome {
            timetable: tt,
            bound: Some(lb),
            proven_optimal: false,
            interrupted: interrupted || ctx.expired(),
            stalled,
            neighbourhoods_exhausted: lns.is_some_and(|r| r.stop == lns::Stop::Exhausted),
            detail,
        })
    }
}
