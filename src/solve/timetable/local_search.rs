//! Local search on a timetable and its multi-start driver.
//!
//! Moves: relocate an attendee to another session of the course, swap two attendees, insert an
//! unserved demand, close a session (re-seating its attendees), open a session (taking unserved
//! demand and nearby attendees of other sessions), open a session for an unserved demand on a
//! start it can attend (filled up to the course's minimum from other sessions), shift a session
//! to other days or another venue. A move is kept when it does not worsen the objective. Starts
//! run in parallel; each start's generator comes from (seed, start index), and results are
//! combined in start order, so the plan does not depend on the number of threads.

use super::greedy::{self, Options};
use super::state::State;
use super::{Context, Timetable};
use crate::model::Instance;
use crate::solve::SolveError;
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Number of starts of the multi-start search (fixed, so results do not depend on the machine).
pub const STARTS: u64 = 4;
/// Starts guided by the aggregated model's plan (when there is one).
const GUIDED_STARTS: u64 = 2;
/// The start whose construction is the plain greedy (noise 0, no guide); `auto` builds it
/// ahead of the aggregated model (see [`plain_start`]).
pub const PLAIN_START: u64 = GUIDED_STARTS;
/// Noise of the randomised greedy constructions of starts after the first.
const START_NOISE: f64 = 0.15;
/// Local-search iterations per demand of the round.
const ITERATIONS_PER_DEMAND: u64 = 40;
/// Fewest local-search iterations of a start.
const MIN_ITERATIONS: u64 = 5_000;
/// Share of the remaining time kept for writing the plan and explaining unserved demand.
const FINISH_SHARE: f64 = 0.05;
/// Improvements smaller than this are treated as ties.
const EPS: f64 = 1e-6;

/// A start constructed ahead of the search: its state and its generator after the construction.
pub struct Built<'a> {
    state: State<'a>,
    rng: ChaCha8Rng,
}

impl Built<'_> {
    /// The start's timetable.
    pub fn timetable(&self) -> Timetable {
        self.state.to_timetable()
    }
}

/// The construction options of start `i` (`plan` guides the first [`GUIDED_STARTS`]).
fn start_options(i: u64, plan: Option<&super::bound::Master>) -> Options {
    let guided = plan.filter(|_| i < GUIDED_STARTS);
    Options {
        noise: if i == 0 || i == GUIDED_STARTS { 0.0 } else { START_NOISE },
        quota: guided.map(|p| p.quota.clone()),
        preferred: guided.map(|p| p.preferred.clone()),
    }
}

/// Builds start [`PLAIN_START`] exactly as [`multi_start`] would (same generator, same options),
/// ahead of it, so that a timetable exists before slower work (the aggregated model) runs. The
/// time limit does not cut the construction; Ctrl-C does, keeping the sessions opened so far.
pub fn plain_start<'a>(inst: &'a Instance, ctx: &Context) -> Result<Built<'a>, SolveError> {
    let mut state = super::pins::pinned_state(inst)?;
    let mut rng = ctx.rng(PLAIN_START + 1);
    greedy::construct(&mut state, &mut rng, &start_options(PLAIN_START, None), &ctx.ctrl_c_only());
    Ok(Built { state, rng })
}

/// Runs [`STARTS`] starts in parallel and returns the best timetable (ties: lowest start index)
/// and whether the search was cut short. A `plan` from the aggregated model guides the first two
/// starts' constructions (sessions per venue, the venue of each demand); `built` is start
/// [`PLAIN_START`] constructed ahead by [`plain_start`].
/// Returns the best timetable, whether the deadline or Ctrl-C cut the search, and the stall
/// window when every start stopped for want of improvement (only under a time limit: the
/// window is max(2 s, 10 % of the time left at the call)).
///
/// With a proven lower bound `target`, a start stops once its plan meets it, and so does every
/// later start (by index): the plan returned is the first start's, by index, to meet the bound,
/// whichever thread gets there first, so the result stays the same on every machine.
pub fn multi_start(
    inst: &Instance,
    ctx: &Context,
    (plan, target): (Option<&super::bound::Master>, Option<f64>),
    built: Option<Built<'_>>,
) -> Result<(Timetable, bool, Option<Duration>), SolveError> {
    let base = super::pins::pinned_state(inst)?;
    let first_at_target = AtomicU64::new(u64::MAX);
    let whole_start = if built.is_some() { PLAIN_START } else { 0 };
    let built = std::sync::Mutex::new(built);
    // With a time limit the starts share it wave by wave (as many at once as threads) and search
    // until their slice ends; without one, each start does a fixed number of iterations, so the
    // plan depends on the seed only.
    let waves = (STARTS as usize).div_ceil(rayon::current_num_threads().max(1)) as f64;
    let slice = ctx.remaining_secs().map(|r| std::time::Duration::from_secs_f64((r * (1.0 - FINISH_SHARE)).max(0.0) / waves));
    let stall = ctx.remaining_secs().map(|r| crate::solve::status::stall_window(Duration::from_secs_f64(r.max(0.0))));
    let results: Vec<(f64, Timetable, bool)> = (0..STARTS)
        .into_par_iter()
        .map(|i| {
            let own = match slice {
                Some(d) => Context {
                    deadline: Some((std::time::Instant::now() + d).min(ctx.deadline.unwrap_or_else(std::time::Instant::now))),
                    ..ctx.clone()
                },
                None => ctx.clone(),
            };
            let goal = target.map(|value| Target { value, start: i, first: &first_at_target });
            let ahead = if i == PLAIN_START { built.lock().ok().and_then(|mut b| b.take()) } else { None };
            let (mut st, mut rng) = match ahead {
                Some(b) => (b.state, b.rng),
                None => {
                    let (mut st, mut rng) = (base.clone(), ctx.rng(i + 1));
                    // One start builds its timetable whole under a time limit (Ctrl-C stops
                    // it with what it has), so a run cut by the clock never returns an empty
                    // timetable; the others stop at their deadline.
                    if i == whole_start {
                        greedy::construct(&mut st, &mut rng, &start_options(i, plan), &ctx.ctrl_c_only());
                    } else if !own.expired() {
                        greedy::construct(&mut st, &mut rng, &start_options(i, plan), &own);
                    }
                    (st, rng)
                }
            };

            let budget = if slice.is_some() { u64::MAX } else { iteration_budget(inst) };
            let stalled = improve_until(&mut st, &mut rng, &own, (budget, stall), goal.as_ref());
            st.repair();
            let total = super::evaluate(inst, &st.to_timetable()).total;
            (total, st.to_timetable(), stalled)
        })
        .collect();
    let all_stalled = results.iter().all(|r| r.2);
    let best =
        results.into_iter().enumerate().min_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(a.0.cmp(&b.0))).map(|x| x.1 .1).unwrap_or_default();
    Ok((best, ctx.expired(), stall.filter(|_| all_stalled)))
}

/// Iterations of one start: proportional to the demand.
pub fn iteration_budget(inst: &Instance) -> u64 {
    (inst.timetable.demands.len() as u64 * ITERATIONS_PER_DEMAND).max(MIN_ITERATIONS)
}

/// Improves `st` for `iterations` moves or until the context expires.
pub fn improve(st: &mut State, rng: &mut ChaCha8Rng, ctx: &Context, iterations: u64) {
    improve_until(st, rng, ctx, (iterations, None), None);
}

/// A proven lower bound that ends the starts of [`multi_start`] once one of them meets it.
struct Target<'a> {
    /// The bound.
    value: f64,
    /// This start's index.
    start: u64,
    /// The lowest index of a start that has met the bound.
    first: &'a AtomicU64,
}

impl Target<'_> {
    /// True when this start can stop: its plan of objective `total` meets the bound (it records
    /// so), or an earlier start's did, whose plan is then chosen whatever this one finds.
    fn reached(&self, total: f64) -> bool {
        if super::types::meets_bound(total, self.value) {
            self.first.fetch_min(self.start, Ordering::SeqCst);
            return true;
        }
        self.first.load(Ordering::SeqCst) < self.start
    }
}

/// [`improve`] that also stops when the objective has not improved for `stall`, or when the
/// plan meets `target`; returns true when it stopped for want of improvement.
fn improve_until(
    st: &mut State,
    rng: &mut ChaCha8Rng,
    ctx: &Context,
    (iterations, stall): (u64, Option<Duration>),
    target: Option<&Target>,
) -> bool {
    if st.m.demands.is_empty() {
        return false;
    }
    let mut best = st.total();
    let mut improved_at = Instant::now();
    for it in 0..iterations {
        if it % 64 == 0 {
            if ctx.expired() || target.is_some_and(|t| t.reached(st.total())) {
                return false;
            }
            if let Some(w) = stall {
                let now = st.total();
                if now < best - 1e-9 * best.abs().max(1.0) {
                    best = now;
                    improved_at = Instant::now();
                } else if improved_at.elapsed() >= w {
                    return true;
                }
            }
        }
        match rng.gen_range(0..100) {
            0..=26 => relocate(st, rng),
            27..=44 => swap(st, rng),
            45..=56 => insert(st, rng),
            57..=66 => close(st, rng),
            67..=72 => open(st, rng),
            73..=78 => open_for_unserved(st, rng),
            79..=84 => shift(st, rng),
            85..=87 => move_venue(st, rng),
            88..=90 => merge(st, rng),
            91..=95 => retrain(st, rng),
            _ => trade_trainers(st, rng),
        }
    }
    false
}

/// A random served demand whose attendance no other course depends on.
fn random_served(st: &State, rng: &mut ChaCha8Rng) -> Option<usize> {
    for _ in 0..8 {
        let d = rng.gen_range(0..st.m.demands.len());
        if st.assigned[d].is_some() && !st.pinned_demand[d] && !st.has_dependents(d) {
            return Some(d);
        }
    }
    None
}

/// Moves one attendee to the best other session of its course.
fn relocate(st: &mut State, rng: &mut ChaCha8Rng) {
    let Some(d) = random_served(st, rng) else {
        return;
    };
    let s1 = st.assigned[d].expect("served");
    let course = st.m.demands[d].course;
    if st.size(s1) <= st.m.courses[course].min_size {
        return;
    }
    let before = st.total();
    st.remove(d);
    let best = st
        .slots_of_course(course.index())
        .into_iter()
        .filter(|&s| s != s1 && st.attend_check(d, s).is_ok())
        .map(|s| (st.add_delta(d, s), s))
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    match best {
        Some((delta, s2)) if st.total() + delta <= before + EPS => st.add(d, s2),
        _ => st.add(d, s1),
    }
}

/// Swaps two attendees of one course between their sessions.
fn swap(st: &mut State, rng: &mut ChaCha8Rng) {
    let Some(d1) = random_served(st, rng) else {
        return;
    };
    let s1 = st.assigned[d1].expect("served");
    let course = st.m.demands[d1].course;
    let others: Vec<usize> = st.slots_of_course(course.index()).into_iter().filter(|&s| s != s1).collect();
    let Some(&s2) = others.choose(rng) else {
        return;
    };
    let Some(&d2) = st.slot(s2).session.attendees.choose(rng) else {
        return;
    };
    if st.pinned_demand[d2] || st.has_dependents(d2) {
        return;
    }
    let before = st.total();
    st.remove(d1);
    st.remove(d2);
    let undo = |st: &mut State| {
        st.add(d1, s1);
        st.add(d2, s2);
    };
    if st.attend_check(d1, s2).is_err() {
        undo(st);
        return;
    }
    st.add(d1, s2);
    if st.attend_check(d2, s1).is_err() {
        st.remove(d1);
        undo(st);
        return;
    }
    st.add(d2, s1);
    if st.total() > before + EPS {
        st.remove(d1);
        st.remove(d2);
        undo(st);
    }
}

/// Seats one unserved demand in the best session of its course, if that gains.
fn insert(st: &mut State, rng: &mut ChaCha8Rng) {
    let unserved: Vec<usize> = (0..8).map(|_| rng.gen_range(0..st.m.demands.len())).filter(|&d| st.assigned[d].is_none()).collect();
    for d in unserved {
        if let Some((_, s)) = st.best_seat(d).filter(|(delta, _)| *delta < 0.0) {
            st.add(d, s);
        }
    }
}

/// Re-seats attendees of the course in other sessions, best gain first (used after a session
/// was closed or moved).
fn reseat(st: &mut State, demands: &[usize], exclude: Option<usize>) {
    for &d in demands {
        let course = st.m.demands[d].course;
        let best = st
            .slots_of_course(course.index())
            .into_iter()
            .filter(|&s| Some(s) != exclude && st.attend_check(d, s).is_ok())
            .map(|s| (st.add_delta(d, s), s))
            .filter(|x| x.0 < 0.0)
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        if let Some((_, s)) = best {
            st.add(d, s);
        }
    }
}

/// A random open session that may be closed (not pinned, no attendee another course depends
/// on), with its attendees.
fn closable(st: &State, rng: &mut ChaCha8Rng) -> Option<(usize, Vec<usize>)> {
    let open = st.open_slots();
    let &s = open.choose(rng)?;
    if st.is_pinned(s) || !st.can_close_for_cadence(s) {
        return None;
    }
    let attendees = st.slot(s).session.attendees.clone();
    if attendees.iter().any(|&d| st.has_dependents(d)) {
        return None;
    }
    Some((s, attendees))
}

/// Unseats the attendees of session `s`, closes it and re-seats them elsewhere.
fn close_and_reseat(st: &mut State, s: usize, attendees: &[usize]) {
    for &d in attendees {
        st.remove(d);
    }
    st.close(s);
    reseat(st, attendees, None);
}

/// Closes a random session and re-seats its attendees elsewhere.
fn close(st: &mut State, rng: &mut ChaCha8Rng) {
    let Some((s, attendees)) = closable(st, rng) else { return };
    let snapshot = st.clone();
    let before = st.total();
    close_and_reseat(st, s, &attendees);
    if st.total() > before - EPS {
        *st = snapshot;
    }
}

/// Merges a session into the other sessions of its course: closes it, moves other sessions of
/// the course to larger venues free on their days where its attendees do not fit otherwise, and
/// re-seats them. Lets the search trade a small session for fuller ones when every other session
/// sits in a room too small to take the extra attendees.
fn merge(st: &mut State, rng: &mut ChaCha8Rng) {
    let Some((s, attendees)) = closable(st, rng) else { return };
    let course = st.slot(s).session.course;
    let snapshot = st.clone();
    let before = st.total();
    close_and_reseat(st, s, &attendees);
    let mut others = st.slots_of_course(course);
    others.shuffle(rng);
    for s2 in others {
        let left: Vec<usize> = attendees.iter().copied().filter(|&d| st.assigned[d].is_none()).collect();
        if left.is_empty() {
            break;
        }
        // Only a session the left attendees could join but for its seats is worth enlarging.
        if st.is_pinned(s2)
            || st.size(s2) < st.seats(course, st.slot(s2).session.venue)
            || !left.iter().any(|&d| st.attend_check_days(d, &st.slot(s2).session.days).is_ok())
        {
            continue;
        }
        if enlarge(st, s2, left.len()).is_some() {
            reseat(st, &left, None);
        }
    }
    if st.total() > before - EPS {
        *st = snapshot;
    }
}

/// Moves a random session to another venue free on its days and re-seats all of its course's
/// movable attendees (and unserved demand) across the course's sessions by an exact assignment
/// (travel and penalties; mixing is judged on acceptance). A session moved towards a cluster of
/// participants can take them over from the other sessions in one step.
fn move_venue(st: &mut State, rng: &mut ChaCha8Rng) {
    let open = st.open_slots();
    let Some(&s) = open.choose(rng) else { return };
    if st.is_pinned(s) {
        return;
    }
    let sess = st.slot(s).session.clone();
    let m = st.m;
    let venue = rng.gen_range(0..m.venues.len());
    if venue == sess.venue
        || st.seats(sess.course, venue) < m.courses[sess.course].min_size
        || sess.attendees.iter().any(|&d| st.pinned_demand[d] || st.has_dependents(d))
    {
        return;
    }
    let snapshot = st.clone();
    let before = st.total();
    let movable: Vec<usize> = (0..m.demands.len())
        .filter(|&d| m.demands[d].course.index() == sess.course && !st.pinned_demand[d])
        .filter(|&d| st.assigned[d].is_none() || !st.has_dependents(d))
        .collect();
    for &d in &movable {
        if st.assigned[d].is_some() {
            st.remove(d);
        }
    }
    st.close(s);
    if !st.can_place(sess.course, &sess.days, venue, &sess.trainers) {
        *st = snapshot;
        return;
    }
    st.open(sess.course, sess.days.clone(), venue, sess.trainers.clone());
    assign_exactly(st, sess.course, &movable);
    let small = st.slots_of_course(sess.course).into_iter().any(|x| st.size(x) < m.courses[sess.course].min_size && !st.is_pinned(x));
    if small || st.total() > before - EPS {
        *st = snapshot;
    }
}

/// Seats unserved demands of one course in its open sessions by a linear sum assignment over
/// the free seats (cost: travel minus penalty; a demand may stay unserved), then adds them in
/// that order where every rule still holds (colleagues can share a unit's absence cap), and
/// re-seats greedily whoever could not be added.
fn assign_exactly(st: &mut State, course: usize, demands: &[usize]) {
    let m = st.m;
    let slots = st.slots_of_course(course);
    let mut seats: Vec<usize> = Vec::new();
    for &x in &slots {
        let free = st.seats(course, st.slot(x).session.venue).saturating_sub(st.size(x));
        seats.extend(std::iter::repeat_n(x, free));
    }
    let rows: Vec<usize> = demands.iter().copied().filter(|&d| st.assigned[d].is_none()).collect();
    if rows.is_empty() || seats.is_empty() {
        return;
    }
    const NEVER: f64 = 1e12;
    let cols = seats.len() + rows.len();
    let mut cost = vec![0.0; rows.len() * cols];
    for (i, &d) in rows.iter().enumerate() {
        let dem = &m.demands[d];
        let per_slot: Vec<f64> = slots
            .iter()
            .map(|&x| {
                let sess = &st.slot(x).session;
                if st.attend_check_days(d, &sess.days).is_ok() {
                    m.travel_cost(st.inst, dem.participant.index(), sess.venue, sess.days.len()) - dem.penalty
                } else {
                    NEVER
                }
            })
            .collect();
        for (j, &x) in seats.iter().enumerate() {
            let k = slots.iter().position(|&y| y == x).unwrap_or(0);
            cost[i * cols + j] = per_slot[k];
        }
    }
    let Ok((r, c)) = lsap::solve(rows.len(), cols, &cost, false) else {
        return;
    };
    for (&i, &j) in r.iter().zip(&c) {
        if j < seats.len() && cost[i * cols + j] < NEVER / 2.0 && st.attend_check(rows[i], seats[j]).is_ok() {
            st.add(rows[i], seats[j]);
        }
    }
    let left: Vec<usize> = rows.iter().copied().filter(|&d| st.assigned[d].is_none()).collect();
    reseat(st, &left, None);
}

/// Moves open slot `s` to the venue with more seats (up to `extra` more) that is free on its
/// days and costs least for its attendees' travel and rent; keeps trainers and attendees.
/// Returns the new slot, or None (nothing changed) when no larger venue is free.
fn enlarge(st: &mut State, s: usize, extra: usize) -> Option<usize> {
    let sess = st.slot(s).session.clone();
    let m = st.m;
    let now = st.seats(sess.course, sess.venue);
    for &d in &sess.attendees {
        st.remove(d);
    }
    st.close(s);
    // Among the larger venues free on the session's days: those adding the most seats needed
    // (up to `extra`), the cheapest of them for the attendees' travel and the rent.
    let free: Vec<usize> = (0..m.venues.len())
        .filter(|&v| v != sess.venue && st.seats(sess.course, v) > now && st.can_place(sess.course, &sess.days, v, &sess.trainers))
        .collect();
    let gain = |v: usize| (st.seats(sess.course, v) - now).min(extra);
    let cost = |v: usize| {
        let travel: f64 =
            sess.attendees.iter().map(|&d| m.travel_cost(st.inst, m.demands[d].participant.index(), v, sess.days.len())).sum();
        travel + m.weights.cost_per_sek * m.venues[v].day_rate * sess.days.len() as f64
    };
    let target = free.iter().copied().min_by(|&a, &b| gain(b).cmp(&gain(a)).then(cost(a).total_cmp(&cost(b))).then(a.cmp(&b)));
    let venue = target.unwrap_or(sess.venue);
    let s2 = st.open(sess.course, sess.days.clone(), venue, sess.trainers.clone());
    for &d in &sess.attendees {
        st.add(d, s2);
    }
    target.map(|_| s2)
}

/// Opens a session of a random course on random days at a random venue, with the unserved
/// demand that gains from it and attendees of other sessions who travel less there.
fn open(st: &mut State, rng: &mut ChaCha8Rng) {
    let m = st.m;
    let course = m.demands[rng.gen_range(0..m.demands.len())].course.index();
    let Some(days) = m.starts[course].choose(rng).cloned() else {
        return;
    };
    let venue = rng.gen_range(0..m.venues.len());
    let Some(trainers) = st.pick_trainers(course, &days) else {
        return;
    };
    if !st.can_place(course, &days, venue, &trainers) {
        return;
    }
    let snapshot = st.clone();
    let before = st.total();
    let s = st.open(course, days, venue, trainers);
    let mut movers: Vec<(f64, usize)> = Vec::new();
    for d in 0..m.demands.len() {
        if m.demands[d].course.index() != course {
            continue;
        }
        match st.assigned[d] {
            None => movers.push((-m.demands[d].penalty, d)),
            Some(s1) if !st.pinned_demand[d] && !st.has_dependents(d) => {
                let here = m.travel_cost(st.inst, m.demands[d].participant.index(), venue, m.courses[course].days);
                let there = m.travel_cost(st.inst, m.demands[d].participant.index(), st.slot(s1).session.venue, m.courses[course].days);
                if here < there {
                    movers.push((here - there, d));
                }
            }
            _ => {}
        }
    }
    movers.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (_, d) in movers {
        if st.size(s) >= st.seats(course, venue) {
            break;
        }
        match st.assigned[d] {
            None => {
                if st.attend_check(d, s).is_ok() && st.add_delta(d, s) < 0.0 {
                    st.add(d, s);
                }
            }
            Some(s1) => {
                if st.size(s1) <= m.courses[course].min_size {
                    continue;
                }
                move_over(st, d, s1, s);
            }
        }
    }
    if st.size(s) < m.courses[course].min_size || st.total() > before - EPS {
        *st = snapshot;
    }
}

/// Moves a random session to other days (near its current start) or another venue, keeping the
/// attendees who can follow and re-seating the others.
fn shift(st: &mut State, rng: &mut ChaCha8Rng) {
    let open = st.open_slots();
    let Some(&s) = open.choose(rng) else { return };
    if st.is_pinned(s) {
        return;
    }
    let sess = st.slot(s).session.clone();
    if sess.attendees.iter().any(|&d| st.has_dependents(d)) {
        return;
    }
    let m = st.m;
    let starts = &m.starts[sess.course];
    let here = starts.iter().position(|x| x[0] == sess.days[0]).unwrap_or(0);
    let (days, venue) = if rng.gen_bool(0.5) {
        let k = (here as i64 + rng.gen_range(-10..=10)).clamp(0, starts.len() as i64 - 1) as usize;
        (starts[k].clone(), sess.venue)
    } else {
        (sess.days.clone(), rng.gen_range(0..m.venues.len()))
    };
    if days == sess.days && venue == sess.venue {
        return;
    }
    let snapshot = st.clone();
    let before = st.total();
    let shortfall = st.cadence_shortfall(sess.course);
    for &d in &sess.attendees {
        st.remove(d);
    }
    st.close(s);
    let trainers = if st.can_place(sess.course, &days, venue, &sess.trainers) {
        Some(sess.trainers.clone())
    } else {
        st.pick_trainers(sess.course, &days)
    };
    let Some(trainers) = trainers.filter(|t| st.can_place(sess.course, &days, venue, t)) else {
        *st = snapshot;
        return;
    };
    let s2 = st.open(sess.course, days, venue, trainers);
    let mut left = Vec::new();
    for &d in &sess.attendees {
        if st.attend_check(d, s2).is_ok() {
            st.add(d, s2);
        } else {
            left.push(d);
        }
    }
    reseat(st, &left, None);
    if st.size(s2) < m.courses[sess.course].min_size || st.total() > before - EPS || st.cadence_shortfall(sess.course) > shortfall {
        *st = snapshot;
    }
}

/// Gives a random session the cheapest trainers free on its days, if that is cheaper.
fn retrain(st: &mut State, rng: &mut ChaCha8Rng) {
    let open = st.open_slots();
    let Some(&s) = open.choose(rng) else { return };
    if st.is_pinned(s) {
        return;
    }
    let Some(best) = st.cheapest_trainers_for(s) else {
        return;
    };
    let before = st.total();
    let old = st.slot(s).session.trainers.clone();
    if best != old && st.set_trainers(s, best) && st.total() > before - EPS {
        st.set_trainers(s, old);
    }
}

/// Exchanges the trainers of two sessions (where both are qualified and free), so that cheap
/// trainers' limited days go where they save most.
fn trade_trainers(st: &mut State, rng: &mut ChaCha8Rng) {
    let open = st.open_slots();
    if open.len() < 2 {
        return;
    }
    let a = open[rng.gen_range(0..open.len())];
    let b = open[rng.gen_range(0..open.len())];
    if a == b || st.is_pinned(a) || st.is_pinned(b) {
        return;
    }
    let (ta, tb) = (st.slot(a).session.trainers.clone(), st.slot(b).session.trainers.clone());
    let snapshot = st.clone();
    let before = st.total();
    let placeholder = st.cheapest_trainers_for(b);
    // Park b on other trainers so a can take b's, then give b a's (or the cheapest left).
    let parked = placeholder.is_some_and(|p| st.set_trainers(b, p));
    let ok =
        parked && st.set_trainers(a, tb) && (st.set_trainers(b, ta) || st.cheapest_trainers_for(b).is_some_and(|p| st.set_trainers(b, p)));
    if !ok || st.total() > before - EPS {
        *st = snapshot;
    }
}

/// Opens a session for a random unserved demand: on a start inside its window that it can
/// attend, with its course's other unserved demand that can come; when that is short of the
/// course's minimum size, attendees of other sessions that stay above their minimum move over
/// (least extra travel first). Aimed at demand whose window no open session falls in (late
/// hires, a phase reached late, a term taken by another area), which [`open`]'s random days
/// seldom hit on a long round.
pub fn open_for_unserved(st: &mut State, rng: &mut ChaCha8Rng) {
    let m = st.m;
    let Some(d) = (0..8).map(|_| rng.gen_range(0..m.demands.len())).find(|&d| st.assigned[d].is_none() && !st.pinned_demand[d]) else {
        return;
    };
    let course = m.demands[d].course.index();
    let fits: Vec<&Vec<usize>> = m.starts[course].iter().filter(|days| st.attend_check_days(d, days).is_ok()).collect();
    let Some(days) = fits.choose(rng).map(|days| (*days).clone()) else {
        return;
    };
    let Some(trainers) = st.pick_trainers(course, &days) else {
        return;
    };
    let takers: Vec<usize> = (0..m.demands.len())
        .filter(|&e| m.demands[e].course.index() == course && st.assigned[e].is_none() && st.attend_check_days(e, &days).is_ok())
        .collect();
    // The venue nearest the demand that can come, among those free with these trainers.
    let travel = |v: usize| -> f64 {
        takers.iter().map(|&e| m.travel_cost(st.inst, m.demands[e].participant.index(), v, days.len())).sum::<f64>()
            + m.weights.cost_per_sek * m.venues[v].day_rate * days.len() as f64
    };
    let Some(venue) = (0..m.venues.len())
        .filter(|&v| st.can_place(course, &days, v, &trainers))
        .min_by(|&a, &b| travel(a).total_cmp(&travel(b)).then(a.cmp(&b)))
    else {
        return;
    };
    let snapshot = st.clone();
    let before = st.total();
    let s = st.open(course, days, venue, trainers);
    let mut takers = takers;
    takers.sort_by(|&a, &b| m.demands[b].penalty.total_cmp(&m.demands[a].penalty).then(a.cmp(&b)));
    for e in takers {
        if st.attend_check(e, s).is_ok() {
            st.add(e, s);
        }
    }
    let min = m.courses[course].min_size;
    if st.size(s) < min {
        let here = |e: usize| m.travel_cost(st.inst, m.demands[e].participant.index(), venue, m.courses[course].days);
        let mut movers: Vec<(f64, usize)> = (0..m.demands.len())
            .filter(|&e| m.demands[e].course.index() == course && !st.pinned_demand[e] && !st.has_dependents(e))
            .filter_map(|e| {
                st.assigned[e].filter(|&s1| s1 != s).map(|s1| {
                    (
                        here(e)
                            - m.travel_cost(st.inst, m.demands[e].participant.index(), st.slot(s1).session.venue, m.courses[course].days),
                        e,
                    )
                })
            })
            .collect();
        movers.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (_, e) in movers {
            if st.size(s) >= min {
                break;
            }
            let Some(s1) = st.assigned[e] else { continue };
            if st.size(s1) <= m.courses[course].min_size || st.is_pinned(s1) {
                continue;
            }
            move_over(st, e, s1, s);
        }
    }
    if st.size(s) < min || st.total() > before - EPS {
        *st = snapshot;
    }
}

/// Moves served demand `d` from slot `from` to slot `to` when it may join `to`; otherwise it
/// stays in `from`.
fn move_over(st: &mut State, d: usize, from: usize, to: usize) {
    st.remove(d);
    st.add(d, if st.attend_check(d, to).is_ok() { to } else { from });
}
