//! The MILP strategy (good_lp with the pure-Rust microlp backend).
//!
//! The session model chooses sessions from a candidate set (course × days × venue × trainers;
//! `y_k` binary) and seats demands in them (`x_dk` binary, only where the participant's window,
//! availability and workload allow), with strong linking rows `x_dk ≤ y_k`, seats and minimum
//! group per session, one course a day per person, workload per month and round, unit absence
//! caps, trainer and venue double-booking, trainers' maximum days, course session limits and
//! prerequisites. A mixing variable per session bounds each municipality's attendees.
//!
//! On small rounds the candidate set is every possible session: the model is the full problem
//! and microlp's bound is a proven bound. On large rounds the aggregated model of
//! [`super::bound`] gives the bound and a venue plan; a guided greedy and the plain greedy
//! propose sessions, and the session model restricted to them (warm-started) re-chooses
//! sessions and re-seats everyone.

use super::bound;
use super::greedy;
use super::milp_budget::{self, Budget, Ids};
use super::milp_strength;
use super::state::{OpenSession, State};
use super::{Context, Outcome, Session, Timetable};
use crate::model::{Instance, ParticipantId};
use crate::rules::timetable::Workload;
use crate::solve::SolveError;
use good_lp::{variable, Expression, ProblemVariables, Solution, SolverModel, Variable};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Most candidate sessions for which the full model is built.
const FULL_MAX_SESSIONS: usize = 400;
/// Most attendance variables for which the full model is built.
const FULL_MAX_ATTENDANCE: usize = 4_000;
/// Most attendance variables of the restricted model on large rounds.
const RESTRICTED_MAX_ATTENDANCE: usize = 3_000;
/// The work of the restricted session model of a large round when the run has no time limit
/// (simplex pivots × model variables, see [`milp_budget`]; the full model of a small round runs
/// to its proof). A stated budget, not tuned to a round: six times [`milp_budget::EXACT_WORK`]'s
/// ten seconds of one core, the 60 s this model had before as a clock.
const RESTRICTED_WORK: u64 = 6 * milp_budget::EXACT_WORK;

/// A candidate session.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    /// Course index.
    pub course: usize,
    /// Day indices.
    pub days: Vec<usize>,
    /// Venue index.
    pub venue: usize,
    /// Trainer indices, ascending.
    pub trainers: Vec<usize>,
}

impl Candidate {
    /// The candidate a timetable's session runs as.
    pub(super) fn of(s: &Session) -> Self {
        Candidate {
            course: s.course.index(),
            days: s.days.clone(),
            venue: s.venue.index(),
            trainers: s.trainers.iter().map(|r| r.index()).collect(),
        }
    }
}

/// Every possible session, or None when there are more than `limit`.
pub fn all_candidates(inst: &Instance, limit: usize) -> Option<Vec<Candidate>> {
    let m = &inst.timetable;
    let mut out = Vec::new();
    for (c, course) in m.courses.iter().enumerate() {
        for days in &m.starts[c] {
            let free_trainers: Vec<usize> = course
                .qualified
                .iter()
                .map(|r| r.index())
                .filter(|&r| m.trainers[r].max_days >= days.len() && days.iter().all(|&t| m.trainer_free[r][t]))
                .collect();
            let venues: Vec<usize> = (0..m.venues.len())
                .filter(|&v| m.venues[v].capacity.min(course.max_size) >= course.min_size && days.iter().all(|&t| m.venue_free[v][t]))
                .collect();
            // Count the teams before listing them: there can be far more than the limit.
            if binomial(free_trainers.len(), course.trainers_per_session).saturating_mul(venues.len()) > limit - out.len() {
                return None;
            }
            let teams = combinations(&free_trainers, course.trainers_per_session);
            for &v in &venues {
                for team in &teams {
                    out.push(Candidate { course: c, days: days.clone(), venue: v, trainers: team.clone() });
                }
            }
        }
    }
    Some(out)
}

/// The number of `k`-element subsets of `n` items, saturating at `usize::MAX`.
fn binomial(n: usize, k: usize) -> usize {
    if k > n {
        return 0;
    }
    let mut r: u128 = 1;
    for i in 0..k.min(n - k) as u128 {
        r = r * (n as u128 - i) / (i + 1);
        if r > usize::MAX as u128 {
            return usize::MAX;
        }
    }
    r as usize
}

/// All `k`-element subsets of `items`, in lexicographic order.
pub(super) fn combinations(items: &[usize], k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![vec![]];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        for mut rest in combinations(&items[i + 1..], k - 1) {
            rest.insert(0, items[i]);
            out.push(rest);
        }
    }
    out
}

/// Whether demand `d` could attend candidate `k` on its own (window, availability, workload).
pub(super) fn compatible(inst: &Instance, servable: &[bool], d: usize, k: &Candidate) -> bool {
    let m = &inst.timetable;
    let dem = &m.demands[d];
    if dem.course.index() != k.course || !servable[d] {
        return false;
    }
    let Some((lo, hi)) = dem.window else {
        return false;
    };
    if k.days[0] < lo || k.days[k.days.len() - 1] > hi || !k.days.iter().all(|&t| m.participant_free[dem.participant.index()][t]) {
        return false;
    }
    Workload::of(m).fits_alone(&k.days)
}

/// Attendance pairs (demand, candidate) of a candidate set.
fn attendance_pairs(inst: &Instance, cands: &[Candidate]) -> Vec<(usize, usize)> {
    let m = &inst.timetable;
    let mut ok = bound::servable(inst);
    // Pinned attendees must be offered their sessions whatever the relaxation says.
    for d in inst.pins.sessions.iter().flat_map(|p| p.demands.iter().flatten()) {
        ok[d.index()] = true;
    }
    let mut by_course: Vec<Vec<usize>> = vec![Vec::new(); m.courses.len()];
    for (d, dem) in m.demands.iter().enumerate() {
        by_course[dem.course.index()].push(d);
    }
    let mut out = Vec::new();
    for (k, cand) in cands.iter().enumerate() {
        for &d in &by_course[cand.course] {
            if compatible(inst, &ok, d, cand) {
                out.push((d, k));
            }
        }
    }
    out
}

/// True when the full model (every possible session) is small enough to solve exactly.
pub fn full_model_fits(inst: &Instance) -> bool {
    match all_candidates(inst, FULL_MAX_SESSIONS) {
        Some(c) => attendance_pairs(inst, &c).len() <= FULL_MAX_ATTENDANCE,
        None => false,
    }
}

/// The MILP strategy: full model when it fits, decomposition otherwise.
pub fn solve(inst: &Instance, ctx: &Context) -> Result<Outcome, SolveError> {
    let m = &inst.timetable;
    // The pins placed on their own: reports pins that cannot hold together, and starts the
    // heuristics that warm-start the model.
    let base = super::pins::pinned_state(inst)?;
    if m.demands.is_empty() && inst.pins.sessions.is_empty() {
        return Ok(Outcome {
            timetable: Timetable::default(),
            bound: Some(0.0),
            proven_optimal: true,
            interrupted: false,
            stalled: None,
            neighbourhoods_exhausted: false,
            detail: "no demand".into(),
        });
    }
    if let Some(cands) = all_candidates(inst, FULL_MAX_SESSIONS) {
        let pairs = attendance_pairs(inst, &cands);
        if pairs.len() <= FULL_MAX_ATTENDANCE {
            let warm = plain_greedy(&base, ctx);
            // Without a time limit the full model (small by construction) runs to its proof: a
            // clock inside the solver would make the verdict depend on the machine's speed.
            let limit = Budget { work: None, seconds: ctx.remaining_secs().map(|r| r.max(0.5)) };
            let r = match session_model(inst, (&cands, &pairs), Some(&warm), limit, &[], Form::Strong) {
                Ok(r) => r,
                // Only with pins can the model fail where the greedy succeeded (numerically
                // doubtful pinned seats): keep the greedy plan, with the relaxation's bound.
                Err(_) if !inst.pins.sessions.is_empty() => {
                    return Ok(Outcome {
                        bound: Some(bound::combinatorial(inst).min(super::evaluate(inst, &warm).total)),
                        timetable: warm,
                        proven_optimal: false,
                        interrupted: false,
                        stalled: None,
                        neighbourhoods_exhausted: false,
                        detail: "greedy construction (the session model failed on the pins)".into(),
                    })
                }
                Err(e) => return Err(e),
            };
            let total = super::evaluate(inst, &r.timetable).total;
            let bound = r.bound.min(total);
            return Ok(Outcome {
                proven_optimal: r.optimal,
                bound: Some(bound),
                timetable: r.timetable,
                interrupted: r.timed_out,
                stalled: None,
                neighbourhoods_exhausted: false,
                detail: format!("full session model: {} candidate sessions, {} attendance variables", cands.len(), pairs.len()),
            });
        }
    }
    // Decomposition for large rounds.
    let master = bound::master(inst, ctx, 0.3);
    let sources = decomposition_sources(&base, master.as_ref(), ctx);
    let warm = sources
        .iter()
        .min_by(|a, b| super::evaluate(inst, a).total.total_cmp(&super::evaluate(inst, b).total))
        .cloned()
        .unwrap_or_default();
    let cands: Vec<Candidate> =
        sources.iter().flat_map(|t| t.sessions.iter().map(Candidate::of)).collect::<BTreeSet<_>>().into_iter().collect();
    let pairs = restrict_pairs(inst, &cands, attendance_pairs(inst, &cands));
    let lb = master.as_ref().map(|x| x.bound).unwrap_or(f64::NEG_INFINITY).max(bound::combinatorial(inst));
    let timetable = if ctx.expired() {
        warm
    } else {
        match session_model(
            inst,
            (&cands, &pairs),
            Some(&warm),
            Budget::restricted(ctx.remaining_secs(), RESTRICTED_WORK),
            &[],
            Form::Plain,
        ) {
            Ok(r) if super::evaluate(inst, &r.timetable).total <= super::evaluate(inst, &warm).total => r.timetable,
            Ok(_) => warm,
            Err(_) => warm,
        }
    };
    Ok(Outcome {
        timetable,
        bound: Some(lb),
        proven_optimal: false,
        interrupted: ctx.expired(),
        stalled: None,
        neighbourhoods_exhausted: false,
        detail: format!("aggregated model bound + restricted session model over {} candidate sessions", cands.len()),
    })
}

/// The plans the decomposition chooses sessions from: the plain greedy and, with the aggregated
/// model's plan, the greedy its session quotas and venues guide.
fn decomposition_sources(base: &State, master: Option<&bound::Master>, ctx: &Context) -> Vec<Timetable> {
    let mut sources = vec![plain_greedy(base, ctx)];
    if let Some(ms) = master {
        let mut st = base.clone();
        let mut rng = ctx.rng(0);
        greedy::construct(
            &mut st,
            &mut rng,
            &greedy::Options { noise: 0.0, quota: Some(ms.quota.clone()), preferred: Some(ms.preferred.clone()) },
            ctx,
        );
        sources.push(st.to_timetable());
    }
    sources
}

/// Re-optimises a timetable with the session model restricted to its sessions and those of the
/// decomposition's starting plans (warm-started from the timetable): sessions may close, other
/// candidates open, and everyone may be re-seated. When the sessions of all these plans make
/// the model too large, only the timetable's own are used. None when the model would still be
/// too large, fails, or finds nothing better.
pub fn polish(inst: &Instance, tt: &Timetable, master: Option<&bound::Master>, ctx: &Context) -> Option<Timetable> {
    let own: BTreeSet<Candidate> = tt.sessions.iter().map(Candidate::of).collect();
    let widened: BTreeSet<Candidate> = match super::pins::pinned_state(inst) {
        Ok(base) if !ctx.expired() => decomposition_sources(&base, master, &ctx.ctrl_c_only())
            .iter()
            .flat_map(|t| t.sessions.iter().map(Candidate::of))
            .chain(own.iter().cloned())
            .collect(),
        _ => own.clone(),
    };
    let widened: Vec<Candidate> = widened.into_iter().collect();
    let wide_pairs = attendance_pairs(inst, &widened);
    // Too many seats: each demand keeps its nearest ones and the seat the timetable gives it.
    let pairs = if wide_pairs.len() <= RESTRICTED_MAX_ATTENDANCE {
        wide_pairs
    } else {
        let index: BTreeMap<&Candidate, usize> = widened.iter().enumerate().map(|(k, c)| (c, k)).collect();
        let seated: BTreeSet<(usize, usize)> = tt
            .sessions
            .iter()
            .filter_map(|s| index.get(&Candidate::of(s)).map(|&k| (s, k)))
            .flat_map(|(s, k)| s.attendees.iter().map(move |d| (d.index(), k)))
            .collect();
        let mut pairs: BTreeSet<(usize, usize)> = restrict_pairs(inst, &widened, wide_pairs).into_iter().collect();
        pairs.extend(seated);
        pairs.into_iter().collect()
    };
    let cands = widened;
    let budget = Budget::restricted(ctx.remaining_secs(), POLISH_WORK);
    if pairs.len() > 2 * RESTRICTED_MAX_ATTENDANCE || budget.seconds.is_some_and(|s| s < 1.0) || ctx.expired() {
        return None;
    }
    let r = session_model(inst, (&cands, &pairs), Some(tt), budget, &[], Form::Plain).ok()?;
    (super::evaluate(inst, &r.timetable).total < super::evaluate(inst, tt).total - 1e-6).then_some(r.timetable)
}

/// The work of the polishing model when the run has no time limit (simplex pivots × model
/// variables): [`milp_budget::EXACT_WORK`], about the ten seconds of one core it had before as
/// a clock; stated, not tuned to a round.
const POLISH_WORK: u64 = milp_budget::EXACT_WORK;

/// Demands up to which `auto` plans a restricted MILP after the local search.
pub const POLISH_MAX_DEMANDS: usize = 1_500;

/// Keeps, for each demand, its attendance pairs at the nearest venues, so the restricted model
/// stays within [`RESTRICTED_MAX_ATTENDANCE`]; pairs already used by the warm start are kept.
fn restrict_pairs(inst: &Instance, cands: &[Candidate], pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if pairs.len() <= RESTRICTED_MAX_ATTENDANCE {
        return pairs;
    }
    let m = &inst.timetable;
    let keep = (RESTRICTED_MAX_ATTENDANCE / m.demands.len().max(1)).max(2);
    let pinned: BTreeSet<usize> = inst.pins.sessions.iter().flat_map(|p| p.demands.iter().flatten().map(|d| d.index())).collect();
    let mut by_demand: BTreeMap<usize, Vec<(f64, usize)>> = BTreeMap::new();
    let mut out = Vec::new();
    for (d, k) in pairs {
        if pinned.contains(&d) {
            out.push((d, k));
            continue;
        }
        let t = m.travel_cost(inst, m.demands[d].participant.index(), cands[k].venue, cands[k].days.len());
        by_demand.entry(d).or_default().push((t, k));
    }
    for (d, mut list) in by_demand {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        out.extend(list.into_iter().take(keep).map(|(_, k)| (d, k)));
    }
    out
}

fn plain_greedy(base: &State, ctx: &Context) -> Timetable {
    let mut st = base.clone();
    let mut rng = ctx.rng(0);
    greedy::construct(&mut st, &mut rng, &greedy::Options::default(), ctx);
    st.to_timetable()
}

/// Result of the session model.
pub(super) struct SessionResult {
    /// The model's plan, replayed through the state.
    pub timetable: Timetable,
    /// The model's proven lower bound (with the penalties of all demands added back).
    pub bound: f64,
    /// True when the model's optimum is proven.
    pub optimal: bool,
    /// The time limit, not the work budget, ended the search.
    pub timed_out: bool,
    /// Work done: simplex pivots × model variables.
    pub work: u64,
}

/// The session model's variables: candidate `k` open (`y`), the size of its largest
/// single-municipality group (`z`), seat `i` of the attendance pairs taken (`x`), and for each
/// pin, which admitting candidate realises it.
struct SessionVars {
    y: Vec<Variable>,
    z: Vec<Variable>,
    x: Vec<Variable>,
    pin_vars: Vec<Vec<(usize, Variable)>>,
    cal: super::milp_calendar::CalendarVars,
    counts: milp_strength::CostCounts,
}

/// The attendance pairs of each candidate (indices into the pairs).
type PairsOf = Vec<Vec<usize>>;

/// How the session model is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// The plain model (restricted and neighbourhood models).
    Plain,
    /// With the rows and count variables of [`milp_strength`] (the full model of a small round).
    Strong,
}

/// Builds and solves the session model over `cands` with attendance `pairs`, within `budget`
/// (no work and no seconds: until the proof). The candidates `fixed` are kept open (the
/// sessions a neighbourhood search does not free).
pub(super) fn session_model(
    inst: &Instance,
    (cands, pairs): (&[Candidate], &[(usize, usize)]),
    warm: Option<&Timetable>,
    budget: Budget,
    fixed: &[usize],
    form: Form,
) -> Result<SessionResult, SolveError> {
    let m = &inst.timetable;
    let constant: f64 = m.demands.iter().map(|d| d.penalty).sum();
    let (vars, objective, sv) = session_variables(inst, cands, pairs, form);
    let initial = warm.map(|tt| warm_start(inst, cands, pairs, &sv, tt)).unwrap_or_default();
    let ids = Ids::of(&vars);
    let variables = ids.len() as u64;
    let mut model = vars.minimise(objective).using(milp_budget::solver);
    for &k in fixed {
        model.add_constraint(Expression::from(sv.y[k]).geq(1.0));
    }
    let of_cand = session_rows(&mut model, inst, cands, pairs, &sv);
    participant_rows(&mut model, inst, (cands, pairs), &sv.x, &sv.cal);
    unit_rows(&mut model, inst, cands, pairs, &sv.x);
    sv.counts.rows(&mut model, &sv.y);
    if form == Form::Strong {
        milp_strength::unit_session_rows(&mut model, inst, pairs, &sv.x, &sv.y);
    }
    trainer_venue_rows(&mut model, inst, cands, &sv.y);
    joint_person_rows(&mut model, inst, (cands, pairs), &sv);
    super::milp_calendar::cadence_rows(&mut model, inst, cands, &sv.y, &sv.cal);
    pin_rows(&mut model, inst, pairs, &sv);
    let solution = milp_budget::solve(model, ids, &initial, budget)?;
    let optimal = solution.optimal();
    let mut sessions = Vec::new();
    let mut session_cand = Vec::new();
    let pin_choice: Vec<Option<usize>> =
        sv.pin_vars.iter().map(|list| list.iter().find(|&&(_, v)| solution.value(v) > 0.5).map(|&(k, _)| k)).collect();
    for (k, c) in cands.iter().enumerate() {
        if solution.value(sv.y[k]) > 0.5 {
            session_cand.push(k);
            let attendees: Vec<usize> = of_cand[k].iter().filter(|&&i| solution.value(sv.x[i]) > 0.5).map(|&i| pairs[i].0).collect();
            sessions.push(OpenSession { course: c.course, days: c.days.clone(), venue: c.venue, trainers: c.trainers.clone(), attendees });
        }
    }
    let bound = constant + solution.best_bound();
    let timetable = replay(inst, &sessions, &session_cand, &pin_choice)?;
    let work = solution.pivots().saturating_mul(variables);
    Ok(SessionResult { timetable, bound, optimal, timed_out: solution.timed_out(), work })
}

/// The model's variables and objective: session costs and mixing, travel minus the penalty
/// saved per seat (the penalties of all demands are the constant microlp drops).
fn session_variables(
    inst: &Instance,
    cands: &[Candidate],
    pairs: &[(usize, usize)],
    form: Form,
) -> (ProblemVariables, Expression, SessionVars) {
    let m = &inst.timetable;
    let w = &m.weights;
    let mut vars = ProblemVariables::new();
    let mut objective = Expression::from(0.0);
    let y: Vec<Variable> = cands.iter().map(|_| vars.add(variable().binary())).collect();
    let z: Vec<Variable> = cands.iter().map(|_| vars.add(variable().min(0))).collect();
    for &zk in &z {
        objective += w.mixing * zk;
    }
    let counts = match form {
        Form::Plain => {
            for (k, c) in cands.iter().enumerate() {
                objective += m.session_cost(c.course, c.venue, &c.trainers) * y[k];
            }
            milp_strength::CostCounts::default()
        }
        Form::Strong => {
            let (costs, counts) = milp_strength::cost_counts(&mut vars, inst, cands, &y);
            objective += costs;
            counts
        }
    };
    let x: Vec<Variable> = pairs.iter().map(|_| vars.add(variable().binary())).collect();
    for (i, &(d, k)) in pairs.iter().enumerate() {
        let dem = &m.demands[d];
        objective += (m.travel_cost(inst, dem.participant.index(), cands[k].venue, cands[k].days.len()) - dem.penalty) * x[i];
    }
    let pin_vars: Vec<Vec<(usize, Variable)>> = inst
        .pins
        .sessions
        .iter()
        .map(|pin| {
            cands
                .iter()
                .enumerate()
                .filter(|(_, c)| pin.admits(c.course, &c.days, c.venue, &c.trainers))
                .map(|(k, _)| (k, vars.add(variable().binary())))
                .collect()
        })
        .collect();
    let cal = super::milp_calendar::variables(&mut vars, inst, cands, pairs);
    (vars, objective, SessionVars { y, z, x, pin_vars, cal, counts })
}

/// The warm start of a feasible timetable: its sessions, seats, mixing and pins. Empty when
/// the timetable uses a seat outside the pairs or does not realise every pin.
fn warm_start(inst: &Instance, cands: &[Candidate], pairs: &[(usize, usize)], sv: &SessionVars, tt: &Timetable) -> Vec<(Variable, f64)> {
    let m = &inst.timetable;
    let mut initial: Vec<(Variable, f64)> = Vec::new();
    let index: HashMap<(usize, usize, usize, &[usize]), usize> =
        cands.iter().enumerate().map(|(k, c)| ((c.course, c.days[0], c.venue, c.trainers.as_slice()), k)).collect();
    let mut seat: HashMap<(usize, usize), bool> = HashMap::new();
    let mut open = vec![false; cands.len()];
    let mut mixing = vec![0.0; cands.len()];
    for s in &tt.sessions {
        let c = Candidate::of(s);
        if let Some(&k) = index.get(&(c.course, c.days[0], c.venue, c.trainers.as_slice())) {
            open[k] = true;
            let mut per_muni: BTreeMap<usize, usize> = BTreeMap::new();
            for d in s.attendees.iter().map(|d| d.index()) {
                seat.insert((d, k), true);
                *per_muni.entry(inst.participants[m.demands[d].participant].municipality.index()).or_default() += 1;
            }
            mixing[k] = per_muni.values().copied().max().unwrap_or(0) as f64;
        }
    }
    let pair_set: BTreeSet<(usize, usize)> = pairs.iter().copied().collect();
    // Which open candidate realises each pin in the warm start.
    let mut used = vec![false; cands.len()];
    let mut pin_start: Vec<(Variable, f64)> = Vec::new();
    let mut pins_ok = true;
    for (pin, list) in inst.pins.sessions.iter().zip(&sv.pin_vars) {
        let pick = list
            .iter()
            .find(|(k, _)| open[*k] && !used[*k] && pin.demands.iter().flatten().all(|d| seat.contains_key(&(d.index(), *k))))
            .map(|&(k, _)| k);
        pins_ok &= pick.is_some();
        if let Some(k) = pick {
            used[k] = true;
        }
        pin_start.extend(list.iter().map(|&(k, v)| (v, if Some(k) == pick { 1.0 } else { 0.0 })));
    }
    if pins_ok && seat.keys().all(|p| pair_set.contains(p)) {
        initial.extend(pin_start);
        initial.extend(sv.y.iter().enumerate().map(|(k, &v)| (v, if open[k] { 1.0 } else { 0.0 })));
        initial.extend(sv.z.iter().enumerate().map(|(k, &v)| (v, mixing[k])));
        initial.extend(sv.counts.warm(&open));
        initial.extend(pairs.iter().enumerate().map(|(i, p)| (sv.x[i], if seat.contains_key(p) { 1.0 } else { 0.0 })));
        initial.extend(super::milp_calendar::warm(inst, cands, &sv.cal, &open, &seat));
    }
    initial
}

/// One session per demand; strong linking x ≤ y; seats, minimum group and mixing per session.
/// Returns the attendance pairs of each candidate.
fn session_rows(model: &mut impl SolverModel, inst: &Instance, cands: &[Candidate], pairs: &[(usize, usize)], sv: &SessionVars) -> PairsOf {
    let m = &inst.timetable;
    let (x, y, z) = (&sv.x, &sv.y, &sv.z);
    let mut of_demand: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut of_cand: PairsOf = vec![Vec::new(); cands.len()];
    for (i, &(d, k)) in pairs.iter().enumerate() {
        of_demand.entry(d).or_default().push(i);
        of_cand[k].push(i);
    }
    for list in of_demand.values() {
        let sum: Expression = list.iter().map(|&i| x[i]).sum();
        model.add_constraint(sum.leq(1.0));
    }
    for (i, &(_, k)) in pairs.iter().enumerate() {
        model.add_constraint((Expression::from(x[i]) - y[k]).leq(0.0));
    }
    for (k, c) in cands.iter().enumerate() {
        let seated: Expression = of_cand[k].iter().map(|&i| x[i]).sum();
        let seats = m.venues[c.venue].capacity.min(m.courses[c.course].max_size) as f64;
        model.add_constraint((seated.clone() - seats * y[k]).leq(0.0));
        model.add_constraint((seated - m.courses[c.course].min_size as f64 * y[k]).geq(0.0));
        let mut by_muni: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &of_cand[k] {
            by_muni.entry(inst.participants[m.demands[pairs[i].0].participant].municipality.index()).or_default().push(i);
        }
        for list in by_muni.values() {
            let group: Expression = list.iter().map(|&i| x[i]).sum();
            model.add_constraint((Expression::from(z[k]) - group).geq(0.0));
        }
    }
    of_cand
}

/// Per participant: one course a day, workload per month, term and round, courses per round,
/// and prerequisites attended in this round ending before the course starts.
fn participant_rows(
    model: &mut impl SolverModel,
    inst: &Instance,
    (cands, pairs): (&[Candidate], &[(usize, usize)]),
    x: &[Variable],
    cal: &super::milp_calendar::CalendarVars,
) {
    let m = &inst.timetable;
    let workload = Workload::of(m);
    let mut of_participant: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &(d, _)) in pairs.iter().enumerate() {
        of_participant.entry(m.demands[d].participant.index()).or_default().push(i);
    }
    for (&p, list) in &of_participant {
        let demands: BTreeSet<usize> = list.iter().map(|&i| pairs[i].0).collect();
        if demands.len() < 2 {
            continue;
        }
        super::milp_calendar::term_rows(model, inst, (cands, pairs), (p, list), x, cal);
        let mut by_day: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut by_month: BTreeMap<usize, Vec<(usize, f64)>> = BTreeMap::new();
        for &i in list {
            let k = &cands[pairs[i].1];
            for &t in &k.days {
                by_day.entry(t).or_default().push(i);
            }
            for (mo, n) in workload.days_per_month(&k.days) {
                by_month.entry(mo).or_default().push((i, n as f64));
            }
        }
        for list_t in by_day.values() {
            let ds: BTreeSet<usize> = list_t.iter().map(|&i| pairs[i].0).collect();
            if ds.len() >= 2 {
                let sum: Expression = list_t.iter().map(|&i| x[i]).sum();
                model.add_constraint(sum.leq(1.0));
            }
        }
        for terms in by_month.values() {
            let sum: Expression = terms.iter().map(|&(i, n)| n * x[i]).sum();
            model.add_constraint(sum.leq(workload.max_per_month() as f64));
        }
        let days: Expression = list.iter().map(|&i| cands[pairs[i].1].days.len() as f64 * x[i]).sum();
        model.add_constraint(days.leq(workload.max_per_round() as f64));
        if demands.len() > m.workload.max_courses {
            let n: Expression = list.iter().map(|&i| x[i]).sum();
            model.add_constraint(n.leq(m.workload.max_courses as f64));
        }
        for &i in list {
            let (d, k) = pairs[i];
            for &q in &m.courses[m.demands[d].course].prerequisites {
                if m.completed.contains(&(ParticipantId(p), q)) {
                    continue;
                }
                let before: Expression = list
                    .iter()
                    .filter(|&&j| m.demands[pairs[j].0].course == q && cands[pairs[j].1].days.last() < cands[k].days.first())
                    .map(|&j| x[j])
                    .sum();
                model.add_constraint((Expression::from(x[i]) - before).leq(0.0));
            }
        }
    }
}

/// Unit absence caps.
fn unit_rows(model: &mut impl SolverModel, inst: &Instance, cands: &[Candidate], pairs: &[(usize, usize)], x: &[Variable]) {
    let m = &inst.timetable;
    let mut unit_day: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, &(d, k)) in pairs.iter().enumerate() {
        let u = inst.participants[m.demands[d].participant].unit.index();
        for &t in &cands[k].days {
            unit_day.entry((u, t)).or_default().push(i);
        }
    }
    for (&(u, _), list) in &unit_day {
        let people: BTreeSet<usize> = list.iter().map(|&i| m.demands[pairs[i].0].participant.index()).collect();
        if people.len() > m.workload.unit_cap[u] {
            let sum: Expression = list.iter().map(|&i| x[i]).sum();
            model.add_constraint(sum.leq(m.workload.unit_cap[u] as f64));
        }
    }
}

/// Trainers and venues: one session a day; trainers' maximum days; sessions per course.
fn trainer_venue_rows(model: &mut impl SolverModel, inst: &Instance, cands: &[Candidate], y: &[Variable]) {
    let m = &inst.timetable;
    let mut trainer_day: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    let mut venue_day: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    let mut trainer_days: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut course_sessions: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, c) in cands.iter().enumerate() {
        for &t in &c.days {
            venue_day.entry((c.venue, t)).or_default().push(k);
            for &r in &c.trainers {
                trainer_day.entry((r, t)).or_default().push(k);
            }
        }
        for &r in &c.trainers {
            trainer_days.entry(r).or_default().push(k);
        }
        course_sessions.entry(c.course).or_default().push(k);
    }
    for list in trainer_day.values().chain(venue_day.values()) {
        if list.len() >= 2 {
            let sum: Expression = list.iter().map(|&k| y[k]).sum();
            model.add_constraint(sum.leq(1.0));
        }
    }
    for (&r, list) in &trainer_days {
        let sum: Expression = list.iter().map(|&k| cands[k].days.len() as f64 * y[k]).sum();
        model.add_constraint(sum.leq(m.trainers[r].max_days as f64));
    }
    for (&c, list) in &course_sessions {
        if let Some(mx) = m.courses[c].max_sessions {
            let sum: Expression = list.iter().map(|&k| y[k]).sum();
            model.add_constraint(sum.leq(mx as f64));
        }
    }
}

/// One person, two roles: a trainer who is also a participant teaches or attends one session a
/// day at most.
fn joint_person_rows(model: &mut impl SolverModel, inst: &Instance, (cands, pairs): (&[Candidate], &[(usize, usize)]), sv: &SessionVars) {
    let m = &inst.timetable;
    let mut day_of: BTreeMap<(usize, usize), Vec<Variable>> = BTreeMap::new();
    for (k, c) in cands.iter().enumerate() {
        for r in c.trainers.iter().filter(|&&r| m.trainers[r].person.is_some()) {
            for &t in &c.days {
                day_of.entry((*r, t)).or_default().push(sv.y[k]);
            }
        }
    }
    if day_of.is_empty() {
        return;
    }
    for (i, &(d, k)) in pairs.iter().enumerate() {
        if let Some(r) = m.trainer_of[m.demands[d].participant.index()] {
            for &t in &cands[k].days {
                day_of.entry((r.index(), t)).or_default().push(sv.x[i]);
            }
        }
    }
    for list in day_of.values().filter(|l| l.len() >= 2) {
        let sum: Expression = list.iter().copied().sum();
        model.add_constraint(sum.leq(1.0));
    }
}

/// Pins: each fixed session is realised by one admitting candidate, a candidate realises at
/// most one pin and only when open, and the pin's attendees sit in it.
fn pin_rows(model: &mut impl SolverModel, inst: &Instance, pairs: &[(usize, usize)], sv: &SessionVars) {
    let pair_index: HashMap<(usize, usize), usize> = pairs.iter().enumerate().map(|(i, &p)| (p, i)).collect();
    let mut realises: BTreeMap<usize, Vec<Variable>> = BTreeMap::new();
    for (pin, list) in inst.pins.sessions.iter().zip(&sv.pin_vars) {
        for &(k, v) in list {
            realises.entry(k).or_default().push(v);
            for d in pin.demands.iter().flatten() {
                match pair_index.get(&(d.index(), k)) {
                    Some(&i) => model.add_constraint((Expression::from(v) - sv.x[i]).leq(0.0)),
                    None => model.add_constraint(Expression::from(v).leq(0.0)),
                };
            }
        }
        let sum: Expression = list.iter().map(|&(_, v)| v).sum();
        model.add_constraint(sum.eq(1.0));
    }
    for (&k, vs) in &realises {
        let sum: Expression = vs.iter().copied().sum();
        model.add_constraint((sum - sv.y[k]).leq(0.0));
    }
}

/// Replays the model's sessions through the state so that every rule is applied once more by
/// the solver's own rule code; a numerically doubtful seat is dropped rather than kept. Every
/// pinned attendee must be re-seated in its pinned session.
fn replay(
    inst: &Instance,
    sessions: &[OpenSession],
    session_cand: &[usize],
    pin_choice: &[Option<usize>],
) -> Result<Timetable, SolveError> {
    let m = &inst.timetable;
    let mut st = State::new(inst);
    let mut pending: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut slot_of_cand: HashMap<usize, usize> = HashMap::new();
    for (s, &k) in sessions.iter().zip(session_cand) {
        if st.can_place(s.course, &s.days, s.venue, &s.trainers) {
            let slot = st.open(s.course, s.days.clone(), s.venue, s.trainers.clone());
            slot_of_cand.insert(k, slot);
            pending.push((slot, s.attendees.clone()));
        }
    }
    for (pin, choice) in inst.pins.sessions.iter().zip(pin_choice) {
        let Some(&slot) = choice.and_then(|k| slot_of_cand.get(&k)) else {
            return Err(SolveError::Numeric(format!("the session model left {} ({}) unrealised", pin.label, pin.path)));
        };
        st.pin_slot(slot);
        for d in pin.demands.iter().flatten() {
            st.pinned_demand[d.index()] = true;
        }
    }
    // Seat in order of the first session day so prerequisites attended earlier are seen.
    let mut seats: Vec<(usize, usize, usize)> = pending
        .iter()
        .flat_map(|(slot, ds)| ds.iter().map(move |&d| (*slot, d)))
        .map(|(slot, d)| (st.slot(slot).session.days[0], slot, d))
        .collect();
    seats.sort();
    for (_, slot, d) in seats {
        if st.attend_check(d, slot).is_ok() {
            st.add(d, slot);
        }
    }
    st.repair();
    for (pin, choice) in inst.pins.sessions.iter().zip(pin_choice) {
        let slot = choice.and_then(|k| slot_of_cand.get(&k).copied());
        if pin.demands.iter().flatten().any(|d| st.assigned[d.index()] != slot)
            || slot.is_some_and(|s| st.size(s) < m.courses[pin.course].min_size)
        {
            return Err(SolveError::Numeric(format!("the session model's seats for {} ({}) did not replay", pin.label, pin.path)));
        }
    }
    Ok(st.to_timetable())
}
