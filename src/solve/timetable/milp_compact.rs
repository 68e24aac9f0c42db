//! The compact exact model of a small round: one binary per session (course, start, venue)
//! without its trainers, and a binary per (trainer, course start) saying the trainer teaches a
//! session of that course starting then. It states the same rules and objective as the full
//! model of [`super::milp`] (whose rows it reuses for attendance, participants, units, venues,
//! course limits and the calendar), but a session no longer exists once per trainer team, so the
//! model is smaller and far less symmetric.
//!
//! Trainer rules: the trainers of a course start number `trainers_per_session` times its open
//! sessions, each is qualified, free on every day of the start and within the maximum days;
//! a trainer teaches at most one session a day and at most the maximum days in the round. A
//! trainer's day rate enters the session cost linearly, so it is paid per (trainer, start).
//! Given such an assignment, the trainers of a start can be dealt out to its sessions in any
//! way: all of them are free on the same days and none is counted twice.
//!
//! Pins name trainers and venues of fixed sessions: a round with pins uses the full model.

use super::milp::{self, Candidate};
use super::state::OpenSession;
use super::{Context, Outcome, Timetable};
use crate::model::Instance;
use crate::solve::SolveError;
use good_lp::{variable, Expression, Solution, SolverModel, Variable, WithInitialSolution, WithTimeLimit};
use std::collections::BTreeMap;

/// Most sessions (course × start × venue) for which the compact model is built.
pub const COMPACT_MAX_SESSIONS: usize = 600;
/// Most attendance variables for which the compact model is built.
pub const COMPACT_MAX_ATTENDANCE: usize = 6_000;

/// A compact model's size: its sessions and attendance pairs.
pub struct Compact {
    cands: Vec<Candidate>,
    pairs: Vec<(usize, usize)>,
}

impl Compact {
    /// The compact model of a round, or None when the round has pins or the model would be
    /// larger than [`COMPACT_MAX_SESSIONS`] / [`COMPACT_MAX_ATTENDANCE`].
    pub fn of(inst: &Instance) -> Option<Compact> {
        Compact::within(inst, COMPACT_MAX_SESSIONS, COMPACT_MAX_ATTENDANCE)
    }

    /// The compact model of a round without pins with at most `max_sessions` sessions and
    /// `max_attendance` attendance variables.
    pub fn within(inst: &Instance, max_sessions: usize, max_attendance: usize) -> Option<Compact> {
        if !inst.pins.sessions.is_empty() {
            return None;
        }
        let cands = sessions(inst, max_sessions)?;
        let pairs = milp::attendance_pairs(inst, &cands);
        (pairs.len() <= max_attendance).then_some(Compact { cands, pairs })
    }

    /// Sessions in the model.
    pub fn sessions(&self) -> usize {
        self.cands.len()
    }

    /// Attendance variables in the model.
    pub fn attendance(&self) -> usize {
        self.pairs.len()
    }
}

/// The trainers who could teach `course` on `days`: qualified, free every day, within their
/// maximum days.
fn free_trainers(inst: &Instance, course: usize, days: &[usize]) -> Vec<usize> {
    let m = &inst.timetable;
    m.courses[course]
        .qualified
        .iter()
        .map(|r| r.index())
        .filter(|&r| m.trainers[r].max_days >= days.len() && days.iter().all(|&t| m.trainer_free[r][t]))
        .collect()
}

/// Every session that could open (trainers left empty): a venue free on its days seating the
/// minimum group, enough free trainers, and at least a minimum group of demands that could
/// attend it. None when there are more than `limit`.
fn sessions(inst: &Instance, limit: usize) -> Option<Vec<Candidate>> {
    let m = &inst.timetable;
    let ok = super::bound::servable(inst);
    let mut out = Vec::new();
    for (c, course) in m.courses.iter().enumerate() {
        let demands: Vec<usize> = (0..m.demands.len()).filter(|&d| ok[d] && m.demands[d].course.index() == c).collect();
        if demands.len() < course.min_size {
            continue;
        }
        for days in &m.starts[c] {
            if free_trainers(inst, c, days).len() < course.trainers_per_session {
                continue;
            }
            let probe = Candidate { course: c, days: days.clone(), venue: 0, trainers: Vec::new() };
            if demands.iter().filter(|&&d| milp::compatible(inst, &ok, d, &probe)).count() < course.min_size {
                continue;
            }
            for v in 0..m.venues.len() {
                if m.venues[v].capacity.min(course.max_size) >= course.min_size && days.iter().all(|&t| m.venue_free[v][t]) {
                    if out.len() == limit {
                        return None;
                    }
                    out.push(Candidate { course: c, days: days.clone(), venue: v, trainers: Vec::new() });
                }
            }
        }
    }
    Some(out)
}

/// The trainer variables: (trainer, course, start's days) → teaches a session of that start.
type TrainerVars = BTreeMap<(usize, usize, Vec<usize>), Variable>;

/// Solves the compact model to its proof (or until `ctx`'s deadline), warm-started from the
/// plain greedy timetable.
pub fn solve(inst: &Instance, model_size: Compact, ctx: &Context) -> Result<Outcome, SolveError> {
    let m = &inst.timetable;
    let Compact { cands, pairs } = model_size;
    let base = super::pins::pinned_state(inst)?;
    let warm = milp::plain_greedy(&base, ctx);
    let constant: f64 = m.demands.iter().map(|d| d.penalty).sum();
    let (mut vars, mut objective, sv) = milp::session_variables(inst, &cands, &pairs);
    let mut tv: TrainerVars = BTreeMap::new();
    for c in &cands {
        for r in free_trainers(inst, c.course, &c.days) {
            tv.entry((r, c.course, c.days.clone())).or_insert_with(|| {
                let v = vars.add(variable().binary());
                objective += m.weights.cost_per_sek * m.trainers[r].day_rate * c.days.len() as f64 * v;
                v
            });
        }
    }
    let stripped = Timetable { sessions: warm.sessions.iter().map(|s| super::Session { trainers: Vec::new(), ..s.clone() }).collect() };
    let mut initial = milp::warm_start(inst, &cands, &pairs, &sv, &stripped);
    if !initial.is_empty() {
        let taught: std::collections::BTreeSet<(usize, usize, Vec<usize>)> =
            warm.sessions.iter().flat_map(|s| s.trainers.iter().map(move |r| (r.index(), s.course.index(), s.days.clone()))).collect();
        initial.extend(tv.iter().map(|(key, &v)| (v, if taught.contains(key) { 1.0 } else { 0.0 })));
    }
    let mut model = vars.minimise(objective).using(good_lp::microlp);
    if let Some(r) = ctx.remaining_secs() {
        model = model.with_time_limit(r.max(0.5));
    }
    if !initial.is_empty() {
        model = model.with_initial_solution(initial);
    }
    let of_cand = milp::session_rows(&mut model, inst, &cands, &pairs, &sv);
    milp::participant_rows(&mut model, inst, (&cands, &pairs), &sv.x, &sv.cal);
    milp::unit_rows(&mut model, inst, &cands, &pairs, &sv.x);
    milp::trainer_venue_rows(&mut model, inst, &cands, &sv.y);
    super::milp_calendar::cadence_rows(&mut model, inst, &cands, &sv.y, &sv.cal);
    trainer_rows(&mut model, inst, &cands, &sv.y, &tv);
    let solution = model.solve().map_err(|e| SolveError::Numeric(format!("the compact session model failed: {e}")))?;
    let optimal = matches!(solution.status(), good_lp::SolutionStatus::Optimal);
    let mut sessions: Vec<OpenSession> = Vec::new();
    let mut session_cand = Vec::new();
    for (k, c) in cands.iter().enumerate().filter(|&(k, _)| solution.value(sv.y[k]) > 0.5) {
        session_cand.push(k);
        let attendees: Vec<usize> = of_cand[k].iter().filter(|&&i| solution.value(sv.x[i]) > 0.5).map(|&i| pairs[i].0).collect();
        sessions.push(OpenSession { course: c.course, days: c.days.clone(), venue: c.venue, trainers: Vec::new(), attendees });
    }
    deal_trainers(inst, &mut sessions, &tv, |v| solution.value(v) > 0.5);
    let inner = solution.into_inner();
    let bound = constant + if optimal { inner.objective() } else { inner.stats().best_bound.unwrap_or(f64::NEG_INFINITY) };
    let timetable = milp::replay(inst, &sessions, &session_cand, &[])?;
    let total = super::evaluate(inst, &timetable).total;
    // The replay applies every rule once more; a seat it had to drop (numerics) shows as a
    // total above the model's optimum, and then the optimum is not claimed.
    let proven = optimal && total <= bound + 1e-6 * bound.abs().max(1.0);
    Ok(Outcome {
        proven_optimal: proven,
        bound: Some(bound.min(total)),
        timetable,
        interrupted: !optimal,
        stalled: None,
        detail: format!(
            "compact session model: {} sessions, {} trainer variables, {} attendance variables",
            cands.len(),
            tv.len(),
            pairs.len()
        ),
    })
}

/// Trainers per open session of each start; one session a day and the maximum days per trainer.
fn trainer_rows(model: &mut impl SolverModel, inst: &Instance, cands: &[Candidate], y: &[Variable], tv: &TrainerVars) {
    let m = &inst.timetable;
    // (course, start's days) → (its sessions, its trainer variables).
    type OfStart<'a> = BTreeMap<(usize, &'a [usize]), (Vec<Variable>, Vec<Variable>)>;
    let mut of_start: OfStart = BTreeMap::new();
    for (k, c) in cands.iter().enumerate() {
        of_start.entry((c.course, c.days.as_slice())).or_default().0.push(y[k]);
    }
    let mut of_day: BTreeMap<(usize, usize), Vec<Variable>> = BTreeMap::new();
    let mut of_trainer: BTreeMap<usize, Vec<(Variable, f64)>> = BTreeMap::new();
    for ((r, c, days), &v) in tv {
        if let Some(e) = of_start.get_mut(&(*c, days.as_slice())) {
            e.1.push(v);
        }
        for &t in days {
            of_day.entry((*r, t)).or_default().push(v);
        }
        of_trainer.entry(*r).or_default().push((v, days.len() as f64));
    }
    for (&(c, _), (ys, rs)) in &of_start {
        let open: Expression = ys.iter().copied().sum();
        let taught: Expression = rs.iter().copied().sum();
        model.add_constraint((taught - m.courses[c].trainers_per_session as f64 * open).eq(0.0));
    }
    for list in of_day.values().filter(|l| l.len() >= 2) {
        let sum: Expression = list.iter().copied().sum();
        model.add_constraint(sum.leq(1.0));
    }
    for (&r, list) in &of_trainer {
        if list.iter().map(|&(_, n)| n).sum::<f64>() > m.trainers[r].max_days as f64 {
            let sum: Expression = list.iter().map(|&(v, n)| n * v).sum();
            model.add_constraint(sum.leq(m.trainers[r].max_days as f64));
        }
    }
}

/// Deals the trainers of each start (ascending) to its open sessions (in venue order),
/// `trainers_per_session` each.
fn deal_trainers(inst: &Instance, sessions: &mut [OpenSession], tv: &TrainerVars, taught: impl Fn(Variable) -> bool) {
    let m = &inst.timetable;
    let mut pool: BTreeMap<(usize, Vec<usize>), Vec<usize>> = BTreeMap::new();
    for ((r, c, days), &v) in tv {
        if taught(v) {
            pool.entry((*c, days.clone())).or_default().push(*r);
        }
    }
    for s in sessions.iter_mut() {
        let n = m.courses[s.course].trainers_per_session;
        if let Some(list) = pool.get_mut(&(s.course, s.days.clone())) {
            let take = n.min(list.len());
            s.trainers = list.drain(..take).collect();
            s.trainers.sort_unstable();
        }
    }
}
