//! Greedy construction: course by course, repeatedly open the session that saves the most
//! (served penalties minus travel, cost and mixing), then fill seats with whoever is left.
//!
//! Randomised by a noise factor for the multi-start search; with noise 0 it is deterministic
//! and independent of the generator.

use super::state::State;
use super::Context;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// Start days tried per course and placement; more are sampled evenly with a random offset.
const MAX_STARTS_PER_PLACEMENT: usize = 40;
/// Venues a participant is considered for: the nearest few that can hold the course.
const NEAREST_VENUES: usize = 4;

/// Options of a construction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Relative noise on candidate scores (0: plain greedy).
    pub noise: f64,
    /// Sessions allowed per course and venue (from the aggregated MILP); None: no limit.
    pub quota: Option<Vec<Vec<usize>>>,
    /// Venue each demand should be seated at (from the aggregated MILP), tried first.
    pub preferred: Option<Vec<Option<usize>>>,
}

/// The nearest venues (by travel) able to seat the course's minimum group, per demand.
pub fn near_venues(st: &State) -> Vec<Vec<usize>> {
    let m = st.m;
    m.demands
        .iter()
        .map(|d| {
            let muni = st.inst.participants[d.participant].municipality;
            let mut vs: Vec<usize> =
                (0..m.venues.len()).filter(|&v| st.seats(d.course.index(), v) >= m.courses[d.course].min_size).collect();
            vs.sort_by(|&a, &b| {
                st.inst.travel(muni, m.venues[a].municipality).total_cmp(&st.inst.travel(muni, m.venues[b].municipality)).then(a.cmp(&b))
            });
            vs.truncate(NEAREST_VENUES);
            vs
        })
        .collect()
}

/// A candidate session with the attendees it would take and its score.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Course index.
    pub course: usize,
    /// Day indices.
    pub days: Vec<usize>,
    /// Venue.
    pub venue: usize,
    /// Trainers.
    pub trainers: Vec<usize>,
    /// Demands taken.
    pub attendees: Vec<usize>,
    /// Objective decrease if opened.
    pub saving: f64,
}

/// Evaluates a session of `course` on `days` at `venue` for the `pending` demands: takes the
/// best-gaining feasible ones up to the seats, respecting unit caps among themselves.
pub fn evaluate_candidate(
    st: &State,
    course: usize,
    days: &[usize],
    venue: usize,
    trainers: Vec<usize>,
    pending: &[usize],
) -> Option<Candidate> {
    let m = st.m;
    let c = &m.courses[course];
    let seats = st.seats(course, venue);
    let mut gains: Vec<(f64, usize)> = Vec::new();
    for &d in pending {
        let dem = &m.demands[d];
        let gain = dem.penalty - m.travel_cost(st.inst, dem.participant.index(), venue, days.len());
        if gain <= 0.0 || st.attend_check_days(d, days).is_err() {
            continue;
        }
        gains.push((gain, d));
    }
    if gains.len() < c.min_size {
        return None;
    }
    gains.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut taken = Vec::new();
    let mut per_unit: BTreeMap<usize, usize> = BTreeMap::new();
    let mut per_muni: BTreeMap<usize, usize> = BTreeMap::new();
    let mut saving = 0.0;
    for (gain, d) in gains {
        if taken.len() >= seats {
            break;
        }
        let p = m.demands[d].participant.index();
        let unit = st.inst.participants[p].unit.index();
        let extra = per_unit.get(&unit).copied().unwrap_or(0);
        if extra > 0 && extra + 1 > st.unit_room(p, days) {
            continue;
        }
        *per_unit.entry(unit).or_default() += 1;
        *per_muni.entry(st.inst.participants[p].municipality.index()).or_default() += 1;
        taken.push(d);
        saving += gain;
    }
    if taken.len() < c.min_size {
        return None;
    }
    saving -= m.session_cost(course, venue, &trainers);
    saving -= m.weights.mixing * per_muni.values().copied().max().unwrap_or(0) as f64;
    Some(Candidate { course, days: days.to_vec(), venue, trainers, attendees: taken, saving })
}

/// The best candidate session for `course` among sampled start days and all venues.
pub fn best_candidate(
    st: &State,
    course: usize,
    pending: &[usize],
    near: &[Vec<usize>],
    rng: &mut ChaCha8Rng,
    opts: &Options,
    used: &[Vec<usize>],
) -> Option<Candidate> {
    let m = st.m;
    let starts = &m.starts[course];
    if starts.is_empty() {
        return None;
    }
    let step = starts.len().div_ceil(MAX_STARTS_PER_PLACEMENT).max(1);
    let offset = if step > 1 { rng.gen_range(0..step) } else { 0 };
    // Pending demands by the venues they may be seated at.
    let mut by_venue: Vec<Vec<usize>> = vec![Vec::new(); m.venues.len()];
    for &d in pending {
        match opts.preferred.as_ref().and_then(|p| p[d]) {
            Some(v) => by_venue[v].push(d),
            None => {
                for &v in &near[d] {
                    by_venue[v].push(d);
                }
            }
        }
    }
    // The trainers of a start do not depend on the venue: picked once per start.
    let sampled: Vec<usize> = (offset..starts.len()).step_by(step).collect();
    let trainers_of: Vec<Option<Vec<usize>>> = sampled.iter().map(|&k| st.pick_trainers(course, &starts[k])).collect();
    let mut best: Option<(f64, Candidate)> = None;
    for v in 0..m.venues.len() {
        if by_venue[v].len() < m.courses[course].min_size {
            continue;
        }
        if let Some(q) = &opts.quota {
            if used[course][v] >= q[course][v] {
                continue;
            }
        }
        for (&k, trainers) in sampled.iter().zip(&trainers_of) {
            let days = &starts[k];
            let Some(trainers) = trainers else {
                continue;
            };
            if !st.can_place(course, days, v, trainers) {
                continue;
            }
            if let Some(cand) = evaluate_candidate(st, course, days, v, trainers.clone(), &by_venue[v]) {
                let score = cand.saving * (1.0 + opts.noise * rng.gen_range(-1.0..1.0));
                if cand.saving > 0.0 && best.as_ref().is_none_or(|b| score > b.0) {
                    best = Some((score, cand));
                }
            }
        }
    }
    best.map(|b| b.1)
}

/// Builds a timetable into `st` (normally empty).
pub fn construct(st: &mut State, rng: &mut ChaCha8Rng, opts: &Options, ctx: &Context) {
    let m = st.m;
    let near = near_venues(st);
    // Courses with deadlines first (their windows are narrow), then by demand, largest first.
    let mut demand_of_course = vec![0usize; m.courses.len()];
    for d in &m.demands {
        demand_of_course[d.course.index()] += 1;
    }
    let mut order: Vec<(f64, usize)> = (0..m.courses.len())
        .map(|c| {
            let urgency = if m.courses[c].deadline_months.is_some() { 1e9 } else { 0.0 };
            let key = urgency + demand_of_course[c] as f64 * (1.0 + opts.noise * rng.gen_range(-1.0..1.0));
            (key, c)
        })
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut used = vec![vec![0usize; m.venues.len()]; m.courses.len()];
    for s in st.open_slots() {
        let sess = &st.slot(s).session;
        used[sess.course][sess.venue] += 1;
    }
    for (_, c) in order {
        if !ctx.expired() {
            super::cadence::place_starts(st, c);
        }
        loop {
            if ctx.expired() {
                break;
            }
            let pending: Vec<usize> = (0..m.demands.len())
                .filter(|&d| m.demands[d].course.index() == c && st.assigned[d].is_none() && m.demands[d].window.is_some())
                .collect();
            if pending.len() < m.courses[c].min_size {
                break;
            }
            let Some(cand) = best_candidate(st, c, &pending, &near, rng, opts, &used) else {
                break;
            };
            used[c][cand.venue] += 1;
            let slot = st.open(cand.course, cand.days, cand.venue, cand.trainers);
            for d in cand.attendees {
                st.add(d, slot);
            }
        }
    }
    fill(st);
}

/// Seats every unserved demand that can join an open session with a gain, best session first.
pub fn fill(st: &mut State) {
    for d in st.unserved() {
        if let Some((_, s)) = st.best_seat(d).filter(|(delta, _)| *delta < 0.0) {
            st.add(d, s);
        }
    }
}
