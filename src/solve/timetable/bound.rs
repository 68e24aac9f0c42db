//! Lower bounds on the timetable objective, and which demands no plan can serve.
//!
//! Two relaxations, both valid for every feasible timetable:
//! - [`combinatorial`]: each course on its own, each served demand at its nearest venue, the
//!   fewest sessions that can seat them at the cheapest session cost. Cheap, for any size.
//! - [`master`]: the aggregated MILP without time — sessions per course and venue, demand
//!   groups (municipality × priority) sent to venues, venue days and trainer days as capacities.
//!   Solved by microlp; its proven bound is the bound, its session counts guide the heuristics.

use super::Context;
use crate::model::Priority;
use crate::model::{Instance, MunicipalityId};
use crate::rules::timetable::Workload;
use good_lp::{variable, Expression, ProblemVariables, Solution, SolverModel, Variable, WithTimeLimit};
use std::collections::BTreeMap;

/// Largest number of group-to-venue variables the aggregated model is built with.
const MASTER_MAX_FLOWS: usize = 60_000;
/// Time given to the aggregated model when the run has no time limit, seconds.
const MASTER_DEFAULT_SECONDS: f64 = 20.0;

/// Whether each demand can be served by some timetable at all: it has a window with a session
/// start the participant is free for, the course has enough qualified trainers and a venue that
/// seats its minimum group, every prerequisite is completed or demanded, and the course has at
/// least a minimum group of such demands.
pub fn servable(inst: &Instance) -> Vec<bool> {
    let m = &inst.timetable;
    let mut ok: Vec<bool> = m
        .demands
        .iter()
        .map(|d| {
            let c = &m.courses[d.course];
            let has_start = d.window.is_some_and(|(lo, hi)| {
                m.starts[d.course.index()].iter().any(|days| {
                    days[0] >= lo && days[days.len() - 1] <= hi && days.iter().all(|&t| m.participant_free[d.participant.index()][t])
                })
            });
            let trainers = c.qualified.iter().filter(|&&r| m.trainers[r].max_days >= c.days).count() >= c.trainers_per_session;
            let venue = m.venues.iter().any(|v| v.capacity.min(c.max_size) >= c.min_size);
            let prereq = c.prerequisites.iter().all(|&q| {
                m.completed.contains(&(d.participant, q)) || m.demands_of[d.participant.index()].iter().any(|&e| m.demands[e].course == q)
            });
            let unit = m.workload.unit_cap[inst.participants[d.participant].unit.index()] > 0;
            let month = fits_month_cap(inst, d.course.index());
            d.eligible && month && has_start && trainers && venue && prereq && unit && c.days <= Workload::of(m).max_per_round()
        })
        .collect();
    for c in 0..m.courses.len() {
        let n = (0..m.demands.len()).filter(|&d| ok[d] && m.demands[d].course.index() == c).count();
        if n < m.courses[c].min_size {
            for (d, flag) in ok.iter_mut().enumerate() {
                if m.demands[d].course.index() == c {
                    *flag = false;
                }
            }
        }
    }
    ok
}

/// Whether some layout of the course keeps within the course days allowed per month.
pub fn fits_month_cap(inst: &Instance, course: usize) -> bool {
    Workload::of(&inst.timetable).course_fits_month(course)
}

/// The cheapest cost of one session of `course` at `venue`, or None when the venue is too
/// small or too few trainers are qualified.
fn cheapest_session(inst: &Instance, course: usize, venue: usize) -> Option<f64> {
    let m = &inst.timetable;
    let c = &m.courses[course];
    if m.venues[venue].capacity.min(c.max_size) < c.min_size {
        return None;
    }
    let mut rates: Vec<f64> = c.qualified.iter().map(|&r| m.trainers[r].day_rate).collect();
    if rates.len() < c.trainers_per_session {
        return None;
    }
    rates.sort_by(f64::total_cmp);
    let trainers: f64 = rates[..c.trainers_per_session].iter().sum();
    Some(m.weights.cost_per_sek * ((m.venues[venue].day_rate + trainers + c.day_cost) * c.days as f64 + c.fixed_cost))
}

/// Per-course relaxation (see the module docs).
pub fn combinatorial(inst: &Instance) -> f64 {
    let m = &inst.timetable;
    let ok = servable(inst);
    let total: f64 = m.demands.iter().map(|d| d.penalty).sum();
    total - (0..m.courses.len()).map(|c| combinatorial_saving(inst, &ok, c)).sum::<f64>()
}

/// The most a course's sessions can save on its own: its best demands served at their nearest
/// venues, in the fewest sessions at the cheapest session cost (see [`combinatorial`]).
fn combinatorial_saving(inst: &Instance, ok: &[bool], ci: usize) -> f64 {
    let m = &inst.timetable;
    let c = &m.courses[ci];
    let venues: Vec<usize> = (0..m.venues.len()).filter(|&v| cheapest_session(inst, ci, v).is_some()).collect();
    let Some(seats) = venues.iter().map(|&v| m.venues[v].capacity.min(c.max_size)).max() else {
        return 0.0;
    };
    let session = venues.iter().filter_map(|&v| cheapest_session(inst, ci, v)).fold(f64::INFINITY, f64::min) + m.weights.mixing;
    let mut gains: Vec<f64> = (0..m.demands.len())
        .filter(|&d| ok[d] && m.demands[d].course.index() == ci)
        .map(|d| {
            let dem = &m.demands[d];
            let t = venues.iter().map(|&v| m.travel_cost(inst, dem.participant.index(), v, c.days)).fold(f64::INFINITY, f64::min);
            dem.penalty - t
        })
        .filter(|g| *g > 0.0)
        .collect();
    gains.sort_by(|a, b| b.total_cmp(a));
    let max_n = c.max_sessions.map(|s| s * seats).unwrap_or(usize::MAX).min(gains.len());
    let mut best = 0.0f64;
    let mut sum = 0.0;
    for n in 1..=max_n {
        sum += gains[n - 1];
        if n >= c.min_size {
            best = best.max(sum - n.div_ceil(seats) as f64 * session);
        }
    }
    best
}

/// The aggregated model's result.
#[derive(Debug, Clone)]
pub struct Master {
    /// Proven lower bound on the objective.
    pub bound: f64,
    /// Sessions per course and venue in the aggregated optimum (or best incumbent).
    pub quota: Vec<Vec<usize>>,
    /// True when the models behind the bound were solved to optimality.
    pub optimal: bool,
    /// Venue the aggregated plan sends each demand to (None: unserved or no plan).
    pub preferred: Vec<Option<usize>>,
    /// Each course's part of the plain per-course bound: its sessions, trainers, travel and
    /// mixing, plus the penalties of its servable demands left unserved — comparable with
    /// [`super::types::course_costs`] of a plan (None: the course counted with its
    /// combinatorial bound, has no servable demand, or the bound came from the joint model).
    /// The per-participant relaxation is not split by course.
    pub by_course: Vec<Option<f64>>,
}

/// Solves the aggregated model with `share` of the remaining time; None when it is too large.
pub fn master(inst: &Instance, ctx: &Context, share: f64) -> Option<Master> {
    let m = &inst.timetable;
    let ok = servable(inst);
    let constant: f64 = m.demands.iter().map(|d| d.penalty).sum();
    // Demand groups: (course, municipality, priority) → count of servable demands.
    let (start_bits, masks) = bucket_masks(inst, &ok);
    let mut groups: GroupMap = BTreeMap::new();
    for (d, dem) in m.demands.iter().enumerate() {
        if ok[d] {
            let e = groups
                .entry((dem.course.index(), inst.participants[dem.participant].municipality.index(), dem.priority, masks[d]))
                .or_default();
            add_penalty(e, dem.penalty, 1);
        }
    }
    // Session cost in the aggregated model without the trainers: their days are priced on the
    // trainer flows, each at the trainer's own rate and within the trainer's days.
    let venues_of: Vec<Vec<(usize, f64, u64)>> = (0..m.courses.len())
        .map(|c| {
            // One entry per venue and start bucket in which the venue is free for a session.
            let mut entries = Vec::new();
            for v in 0..m.venues.len() {
                if cheapest_session(inst, c, v).is_none() {
                    continue;
                }
                let course = &m.courses[c];
                let cost = m.weights.cost_per_sek * ((m.venues[v].day_rate + course.day_cost) * course.days as f64 + course.fixed_cost);
                let mut bits: Vec<u64> = m.starts[c]
                    .iter()
                    .zip(&start_bits[c])
                    .filter(|(days, _)| days.iter().all(|&t| m.venue_free[v][t]))
                    .map(|(_, &b)| b)
                    .collect();
                bits.sort_unstable();
                bits.dedup();
                entries.extend(bits.into_iter().map(|b| (v, cost, b)));
            }
            entries
        })
        .collect();
    let flows: usize = groups.keys().map(|g| venues_of[g.0].iter().filter(|e| e.2 & g.3 != 0).count()).sum();
    if groups.is_empty() {
        return None;
    }
    let seconds = ctx.remaining_secs().map(|r| r * share).unwrap_or(MASTER_DEFAULT_SECONDS).max(0.5);
    let started = std::time::Instant::now();
    let lp = if flows <= MASTER_MAX_FLOWS {
        build_master(inst, &groups, &venues_of, constant, false, seconds * 0.2).map(|a| a.bound)
    } else {
        None
    };
    // The per-course split is solved to optimality quickly and bounds better than the LP; its
    // session counts are each course's ideal venue plan. The joint model is the fallback.
    let left = (seconds - started.elapsed().as_secs_f64()).max(seconds * 0.5);
    let stop = &ctx.stop;
    // With the per-participant limits relaxed by multipliers (when some participant cannot take
    // all their demands), the per-course models run a second time on half of the time; the
    // plain models' session counts and flows still guide the heuristics.
    let persons = person_relaxation(inst, &ok);
    let plain_share = if persons.is_some() { 0.5 } else { 1.0 };
    let plain = per_course_bound(inst, &ok, &groups, &venues_of, constant, left * plain_share, stop);
    let relaxed = persons.and_then(|p| {
        let groups = groups_with_multipliers(inst, &ok, &masks, &p.mu);
        let rest = (seconds - started.elapsed().as_secs_f64()).max(left * 0.5);
        per_course_bound(inst, &ok, &groups, &venues_of, constant, rest, stop).map(|a| a.bound - p.relief)
    });
    let plain = plain.map(|a| Aggregate { bound: a.bound.max(relaxed.unwrap_or(f64::NEG_INFINITY)), ..a });
    let best = plain.or_else(|| {
        (flows <= MASTER_MAX_FLOWS && !stop.load(std::sync::atomic::Ordering::Relaxed))
            .then(|| build_master(inst, &groups, &venues_of, constant, true, seconds * 0.8))
            .flatten()
    });
    match (lp, best) {
        (lp, Some(a)) => {
            let preferred = preferred_venues(inst, &ok, &masks, &a.flows);
            let mut by_course = a.by_course;
            by_course.resize(m.courses.len(), None);
            Some(Master { bound: a.bound.max(lp.unwrap_or(f64::NEG_INFINITY)), quota: a.quota, optimal: a.optimal, preferred, by_course })
        }
        (Some(b), None) => Some(Master {
            bound: b,
            quota: vec![vec![usize::MAX; m.venues.len()]; m.courses.len()],
            optimal: false,
            preferred: vec![None; m.demands.len()],
            by_course: vec![None; m.courses.len()],
        }),
        (None, None) => None,
    }
}

/// The aggregated model split by course (sessions, venues and trainer days of each course on
/// their own, the courses' competition for trainers and venues dropped), each part solved as
/// a small MILP. Integrality per course (sessions come whole) makes it stronger than the
/// aggregated model's LP relaxation.
///
/// A course whose demands have different windows is solved twice: without time (every window
/// widened to the whole round, a relaxation that microlp proves in a fraction of a second) and
/// with its start buckets (stronger, but its branch and bound may not finish); the course's
/// bound is the better of the two proven bounds. Courses are solved in parallel.
fn per_course_bound(
    inst: &Instance,
    ok: &[bool],
    groups: &GroupMap,
    venues_of: &[Vec<(usize, f64, u64)>],
    constant: f64,
    seconds: f64,
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Aggregate> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let started = std::time::Instant::now();
    let deadline = started + std::time::Duration::from_secs_f64(seconds);
    let n = venues_of.len();
    let own: Vec<GroupMap> = (0..n).map(|c| groups.iter().filter(|(g, _)| g.0 == c).map(|(g, v)| (*g, v.clone())).collect()).collect();
    let only = |c: usize, entries: Vec<(usize, f64, u64)>| -> Vec<Vec<(usize, f64, u64)>> {
        let mut out = vec![Vec::new(); n];
        out[c] = entries;
        out
    };
    let too_large = |c: usize, g: &GroupMap, e: &[(usize, f64, u64)]| -> bool {
        g.keys().map(|k| e.iter().filter(|x| x.2 & k.3 != 0).count()).sum::<usize>() > MASTER_MAX_FLOWS || own[c].is_empty()
    };
    // A course's MILP is not begun after Ctrl-C or once the time is up: the course then counts
    // with its combinatorial bound (begun MILPs end at their own time limit).
    let cut = || stop.load(Ordering::Relaxed) || std::time::Instant::now() >= deadline;
    // First pass: every course without time (fast), in parallel.
    let untimed: Vec<Option<Aggregate>> = (0..n)
        .into_par_iter()
        .map(|c| {
            if cut() {
                return None;
            }
            let (g, e) = without_time(&own[c], &undominated(inst, c, &own[c], &venues_of[c]));
            if too_large(c, &g, &e) || cut() {
                return None;
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now()).as_secs_f64().max(0.2);
            build_master(inst, &g, &only(c, e), 0.0, true, left)
        })
        .collect();
    // Second pass: the courses with windows, with their buckets, sharing the time left.
    let timed: Vec<usize> = (0..n).filter(|&c| !own[c].is_empty() && own[c].keys().any(|g| g.3 != 1)).collect();
    let threads = rayon::current_num_threads().max(1);
    let begun = AtomicUsize::new(0);
    let bucketed: Vec<(usize, Option<Aggregate>)> = timed
        .par_iter()
        .map(|&c| {
            let k = begun.fetch_add(1, Ordering::Relaxed);
            // After Ctrl-C the untimed pass's bound stands for the courses not yet begun.
            if cut() || too_large(c, &own[c], &venues_of[c]) {
                return (c, None);
            }
            let waves = (timed.len() - k).div_ceil(threads).max(1) as f64;
            let allot = (deadline.saturating_duration_since(std::time::Instant::now()).as_secs_f64() / waves).max(0.2);
            (c, build_master(inst, &own[c], &only(c, undominated(inst, c, &own[c], &venues_of[c])), 0.0, true, allot))
        })
        .collect();
    let mut by_course: Vec<Option<Aggregate>> = untimed;
    for (c, b) in bucketed {
        by_course[c] = match (by_course[c].take(), b) {
            // The stronger bound; the bucketed plan guides the heuristics (it keeps windows).
            (Some(u), Some(b)) => Some(Aggregate { bound: u.bound.max(b.bound), optimal: b.optimal || u.bound >= b.bound, ..b }),
            (u, b) => b.or(u),
        };
    }
    let mut total = constant;
    let mut quota = vec![vec![0usize; inst.timetable.venues.len()]; n];
    let mut all_optimal = true;
    let mut sent = Vec::new();
    let mut parts = vec![None; n];
    for (c, solved) in by_course.into_iter().enumerate() {
        if own[c].is_empty() {
            continue;
        }
        match solved {
            Some(a) => {
                let penalties: f64 = own[c].values().flat_map(|g| g.1.iter().map(|&(p, k)| p * k as f64)).sum();
                parts[c] = Some(a.bound + penalties);
                total += a.bound;
                quota[c] = a.quota[c].clone();
                all_optimal &= a.optimal;
                sent.extend(a.flows);
            }
            None => {
                // Too large or not solved in time: the course's combinatorial bound instead.
                total -= combinatorial_saving(inst, ok, c);
                quota[c] = vec![usize::MAX; inst.timetable.venues.len()];
                all_optimal = false;
            }
        }
    }
    Some(Aggregate { bound: total, quota, optimal: all_optimal, flows: sent, by_course: parts })
}

/// A course's venue entries without those another entry dominates for the course on its own:
/// a venue in the same municipality (same travel for everyone), free in the same start bucket,
/// with at least as many seats, no higher cost, and free days for every session the course could
/// ever run. Moving a dominated entry's sessions there keeps every row of the per-course model
/// and costs no more, so the per-course optimum is unchanged.
fn undominated(inst: &Instance, c: usize, groups: &GroupMap, entries: &[(usize, f64, u64)]) -> Vec<(usize, f64, u64)> {
    let m = &inst.timetable;
    let course = &m.courses[c];
    let demand: usize = groups.values().map(|g| g.0).sum();
    let most = course.max_sessions.unwrap_or(usize::MAX).min(demand / course.min_size.max(1));
    let seats = |v: usize| m.venues[v].capacity.min(course.max_size);
    let roomy = |v: usize| m.venue_free[v].iter().filter(|&&f| f).count() / course.days.max(1) >= most;
    let better = |a: &(usize, f64, u64), b: &(usize, f64, u64)| {
        a.0 != b.0
            && a.2 == b.2
            && m.venues[a.0].municipality == m.venues[b.0].municipality
            && roomy(a.0)
            && seats(a.0) >= seats(b.0)
            && a.1 <= b.1
            && (seats(a.0) > seats(b.0) || a.1 < b.1 || a.0 < b.0)
    };
    entries.iter().filter(|b| !entries.iter().any(|a| better(a, b))).copied().collect()
}

/// A course's groups and venue entries with time dropped: every group may use every venue that
/// is free for some start (bucket bit 1 for all).
fn without_time(groups: &GroupMap, entries: &[(usize, f64, u64)]) -> (GroupMap, Vec<(usize, f64, u64)>) {
    let mut g: GroupMap = BTreeMap::new();
    for (k, (_, tiers)) in groups {
        // Groups that differ only by window merge, keeping their members' penalties.
        let e = g.entry((k.0, k.1, k.2, 1)).or_default();
        for &(penalty, count) in tiers {
            add_penalty(e, penalty, count);
        }
    }
    let mut e: Vec<(usize, f64, u64)> = Vec::new();
    for &(v, cost, _) in entries {
        if !e.iter().any(|x| x.0 == v) {
            e.push((v, cost, u64::MAX));
        }
    }
    (g, e)
}

/// The venue the aggregated plan sends each servable demand to: each group's demands (in
/// demand order) are spread over its venues by the rounded flows.
fn preferred_venues(inst: &Instance, ok: &[bool], masks: &[u64], flows: &[(GroupKey, usize, f64)]) -> Vec<Option<usize>> {
    let m = &inst.timetable;
    let mut members: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
    for (d, dem) in m.demands.iter().enumerate() {
        if ok[d] {
            members
                .entry((dem.course.index(), inst.participants[dem.participant].municipality.index(), dem.priority, masks[d]))
                .or_default()
                .push(d);
        }
    }
    let mut out = vec![None; m.demands.len()];
    for (g, list) in members {
        let mut next = 0;
        for f in flows.iter().filter(|f| f.0 == g) {
            let take = f.2.round() as usize;
            for &d in list.iter().skip(next).take(take) {
                out[d] = Some(f.1);
            }
            next += take;
        }
    }
    out
}

/// A demand group: course, municipality, priority and the start buckets its members can use.
type GroupKey = (usize, usize, Priority, u64);

/// Each group's number of servable demands and their penalties: (penalty, count), ascending by
/// penalty. Penalties differ inside a group by deadline urgency; the model serves the highest
/// first, so the bound is exact for what each served demand saves.
type GroupMap = BTreeMap<GroupKey, (usize, Vec<(f64, usize)>)>;

/// Counts `count` more demands of `penalty` in a group.
fn add_penalty(group: &mut (usize, Vec<(f64, usize)>), penalty: f64, count: usize) {
    group.0 += count;
    match group.1.iter_mut().find(|t| t.0 == penalty) {
        Some(t) => t.1 += count,
        None => {
            group.1.push((penalty, count));
            group.1.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
    }
}

/// Working days per start bucket of a course whose demands have different windows.
const BUCKET_DAYS: usize = 20;

/// Start buckets: for each course, the bucket bit of each start (one bucket when every demand
/// may use every start), and for each demand the bits of the buckets holding a start inside
/// its window (employment start, deadline; personal absences are left out so that groups stay
/// few). A relaxation that keeps "when" only coarsely.
fn bucket_masks(inst: &Instance, ok: &[bool]) -> (Vec<Vec<u64>>, Vec<u64>) {
    let m = &inst.timetable;
    let width = BUCKET_DAYS.max(m.days.len().div_ceil(64)).max(1);
    let mut start_bits: Vec<Vec<u64>> =
        m.starts.iter().map(|st| st.iter().map(|days| 1u64 << (days[0] / width).min(63)).collect()).collect();
    let mut masks: Vec<u64> = m
        .demands
        .iter()
        .enumerate()
        .map(|(d, dem)| {
            if !ok[d] {
                return 0;
            }
            let (lo, hi) = dem.window.unwrap_or((1, 0));
            m.starts[dem.course.index()]
                .iter()
                .zip(&start_bits[dem.course.index()])
                .filter(|(days, _)| days[0] >= lo && days[days.len() - 1] <= hi)
                .fold(0, |acc, (_, &b)| acc | b)
        })
        .collect();
    for (c, bits) in start_bits.iter_mut().enumerate() {
        let all = bits.iter().fold(0, |a, &b| a | b);
        let timed = (0..m.demands.len()).any(|d| m.demands[d].course.index() == c && ok[d] && masks[d] != all);
        if !timed {
            bits.iter_mut().for_each(|b| *b = 1);
            for d in 0..m.demands.len() {
                if m.demands[d].course.index() == c && ok[d] {
                    masks[d] = 1;
                }
            }
            continue;
        }
        // Exact when the windows allow: each class of starts that every window takes or leaves
        // alike is a bucket of its own.
        if let Some((exact, of_demand)) = exact_classes(inst, ok, c) {
            *bits = exact;
            for (d, mask) in of_demand {
                masks[d] = mask;
            }
            continue;
        }
        // Buckets no window tells apart (every demand may use both or neither) merge into one:
        // fewer, equivalent entries make the model smaller and its branching shorter.
        let mut distinct: Vec<u64> =
            (0..m.demands.len()).filter(|&d| m.demands[d].course.index() == c && ok[d]).map(|d| masks[d]).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut rep = [0u32; 64];
        for b in 0..64u32 {
            rep[b as usize] = (0..b).find(|&a| distinct.iter().all(|&k| (k >> a) & 1 == (k >> b) & 1)).unwrap_or(b);
        }
        let remap = |x: u64| (0..64).filter(|&b| (x >> b) & 1 == 1).fold(0u64, |acc, b| acc | (1u64 << rep[b]));
        bits.iter_mut().for_each(|b| *b = remap(*b));
        for d in 0..m.demands.len() {
            if m.demands[d].course.index() == c && ok[d] {
                masks[d] = remap(masks[d]);
            }
        }
    }
    (start_bits, masks)
}

/// A course's start classes: the bucket bit of each start, and (demand, mask) for each of its
/// servable demands.
type StartClasses = (Vec<u64>, Vec<(usize, u64)>);

/// Most group-to-venue flows of a course's model with exact start classes; a larger course
/// keeps the coarser buckets of [`BUCKET_DAYS`]. The exact classes of a year's introduction
/// course on a 600-participant round give 35,000–42,000 flows: that model does not finish in
/// the bound's time, and the course would fall back to its bound without time.
const EXACT_MAX_FLOWS: usize = 5_000;

/// The exact start classes of course `c`, a course with a deadline: starts that every servable
/// demand's window takes or leaves alike form one class (between two window ends), each class a
/// bucket bit; None for a course without a deadline, when there are more than 64 classes, or
/// when the course's model would have more than [`EXACT_MAX_FLOWS`] flows. Courses without a
/// deadline (windows from the terms of a round with one area per term) keep the 20-day
/// buckets: their exact classes raised the bound little and changed the aggregated plan that
/// guides the local search, for better on one round and for worse on another (measured in
/// `docs/timetable.md`, "Small rounds"). Returns the bit of each start and the mask of each of
/// the course's servable demands.
fn exact_classes(inst: &Instance, ok: &[bool], c: usize) -> Option<StartClasses> {
    let m = &inst.timetable;
    m.courses[c].deadline_months?;
    let demands: Vec<usize> = (0..m.demands.len()).filter(|&d| m.demands[d].course.index() == c && ok[d]).collect();
    let inside = |d: usize, days: &[usize]| {
        let (lo, hi) = m.demands[d].window.unwrap_or((1, 0));
        days[0] >= lo && days[days.len() - 1] <= hi
    };
    let mut classes: BTreeMap<Vec<bool>, u32> = BTreeMap::new();
    let mut bits = Vec::with_capacity(m.starts[c].len());
    for days in &m.starts[c] {
        let column: Vec<bool> = demands.iter().map(|&d| inside(d, days)).collect();
        let next = classes.len() as u32;
        let class = *classes.entry(column).or_insert(next);
        if class >= 64 {
            return None;
        }
        bits.push(1u64 << class);
    }
    let of_demand: Vec<(usize, u64)> = demands
        .iter()
        .map(|&d| (d, m.starts[c].iter().zip(&bits).filter(|(days, _)| inside(d, days)).fold(0, |acc, (_, &b)| acc | b)))
        .collect();
    // The course's model size: demand groups (municipality, priority, mask) × the venues' free
    // start classes they may use.
    let groups: std::collections::BTreeSet<(usize, Priority, u64)> = of_demand
        .iter()
        .map(|&(d, mask)| (inst.participants[m.demands[d].participant].municipality.index(), m.demands[d].priority, mask))
        .collect();
    let entries: Vec<u64> = (0..m.venues.len())
        .flat_map(|v| {
            let mut free: Vec<u64> =
                m.starts[c].iter().zip(&bits).filter(|(days, _)| days.iter().all(|&t| m.venue_free[v][t])).map(|(_, &b)| b).collect();
            free.sort_unstable();
            free.dedup();
            free
        })
        .collect();
    let flows: usize = groups.iter().map(|g| entries.iter().filter(|&&b| b & g.2 != 0).count()).sum();
    (flows <= EXACT_MAX_FLOWS).then_some((bits, of_demand))
}

/// A solved aggregated model: bound, sessions per course and venue, optimality, and the
/// demand sent from each group to each venue.
struct Aggregate {
    bound: f64,
    quota: Vec<Vec<usize>>,
    optimal: bool,
    flows: Vec<(GroupKey, usize, f64)>,
    /// Each course's part of a per-course bound (see [`Master::by_course`]); empty for the
    /// joint model.
    by_course: Vec<Option<f64>>,
}

/// The aggregated model's variables: sessions per course and venue (`y`) and their mixing,
/// group → venue flows, served counts per penalty tier of groups with several penalties,
/// trainer days per course (`teach`) and the sessions of each course.
struct MasterVars {
    y: Vec<Vec<Variable>>,
    mix: Vec<Vec<Variable>>,
    flows: Vec<(GroupKey, usize, Variable)>,
    tiers: Vec<(GroupKey, Vec<Variable>)>,
    teach: Vec<Vec<(usize, Variable)>>,
    sessions_of_course: Vec<Variable>,
}

/// Builds and solves the aggregated model (integer session counts, or their LP relaxation).
/// Returns the proven bound, the session counts, whether optimality was proven and the flows.
fn build_master(
    inst: &Instance,
    groups: &GroupMap,
    venues_of: &[Vec<(usize, f64, u64)>],
    constant: f64,
    integer: bool,
    seconds: f64,
) -> Option<Aggregate> {
    let m = &inst.timetable;
    let (vars, objective, mv) = master_variables(inst, groups, venues_of, integer);
    let mut model = vars.minimise(objective).using(crate::solve::backend::solver).with_time_limit(seconds);
    master_rows(&mut model, inst, groups, venues_of, integer, &mv);
    let MasterVars { y, flows, .. } = mv;
    let solution = model.solve().ok()?;
    let quota: Vec<Vec<usize>> = venues_of
        .iter()
        .enumerate()
        .map(|(c, vs)| {
            let mut row = vec![0usize; m.venues.len()];
            for (i, &(v, _, _)) in vs.iter().enumerate() {
                row[v] += solution.value(y[c][i]).round().max(0.0) as usize;
            }
            row
        })
        .collect();
    let optimal = matches!(solution.status(), good_lp::SolutionStatus::Optimal);
    let sent: Vec<(GroupKey, usize, f64)> =
        flows.iter().map(|f| (f.0, venues_of[f.0 .0][f.1].0, solution.value(f.2))).filter(|f| f.2 > 1e-6).collect();
    let inner = solution.into_inner();
    let bound = if optimal { inner.objective() } else { inner.stats().best_bound? };
    Some(Aggregate { bound: constant + bound, quota, optimal, flows: sent, by_course: Vec::new() })
}

/// The aggregated model's variables and objective (microlp drops constant terms: the caller
/// adds the constant back).
fn master_variables(
    inst: &Instance,
    groups: &GroupMap,
    venues_of: &[Vec<(usize, f64, u64)>],
    integer: bool,
) -> (ProblemVariables, Expression, MasterVars) {
    let m = &inst.timetable;
    let mut vars = ProblemVariables::new();
    let mut objective = Expression::from(0.0);
    let mut demand_of_course = vec![0usize; m.courses.len()];
    for (g, (n, _)) in groups {
        demand_of_course[g.0] += n;
    }
    // y[c][i]: sessions of course c at its i-th venue; mix[c][i]: mixing of those sessions.
    let mut y: Vec<Vec<Variable>> = Vec::new();
    let mut mix: Vec<Vec<Variable>> = Vec::new();
    for (c, vs) in venues_of.iter().enumerate() {
        let course = &m.courses[c];
        let mut yc = Vec::new();
        let mut mc = Vec::new();
        for &(v, cost, _) in vs {
            let free_days = m.venue_free[v].iter().filter(|&&f| f).count();
            let mut ub = (free_days / course.days.max(1)).min(demand_of_course[c] / course.min_size.max(1));
            if let Some(mx) = course.max_sessions {
                ub = ub.min(mx);
            }
            let var =
                if integer { vars.add(variable().integer().min(0).max(ub as f64)) } else { vars.add(variable().min(0).max(ub as f64)) };
            objective += cost * var;
            yc.push(var);
            let mv = vars.add(variable().min(0));
            objective += m.weights.mixing * mv;
            mc.push(mv);
        }
        y.push(yc);
        mix.push(mc);
    }
    // x: group → venue flows.
    let mut flows: Vec<(GroupKey, usize, Variable)> = Vec::new();
    // A group of one penalty saves it per flow; a group of several has one served-count
    // variable per penalty (`tiers`), tied to its flows below.
    let mut tiers: Vec<(GroupKey, Vec<Variable>)> = Vec::new();
    for (g, (n, pens)) in groups {
        let single = if pens.len() == 1 { pens[0].0 } else { 0.0 };
        for (i, &(v, _, bit)) in venues_of[g.0].iter().enumerate() {
            if g.3 & bit == 0 {
                continue;
            }
            let var = vars.add(variable().min(0).max(*n as f64));
            let travel = inst.timetable.weights.travel_per_minute
                * 2.0
                * inst.travel(MunicipalityId(g.1), m.venues[v].municipality)
                * m.courses[g.0].days as f64;
            objective += (travel - single) * var;
            flows.push((*g, i, var));
        }
        if pens.len() > 1 {
            let zs: Vec<Variable> = pens.iter().map(|&(_, count)| vars.add(variable().min(0).max(count as f64))).collect();
            for (z, &(penalty, _)) in zs.iter().zip(pens) {
                objective -= penalty * *z;
            }
            tiers.push((*g, zs));
        }
    }
    // Trainer days: w[c][r] days of course c taught by trainer r.
    let mut teach: Vec<Vec<(usize, Variable)>> = Vec::new();
    for c in 0..m.courses.len() {
        // A trainer teaches whole sessions: at most ⌊available days / course days⌋ of them.
        let days = m.courses[c].days.max(1);
        let row: Vec<(usize, Variable)> = m.courses[c]
            .qualified
            .iter()
            .map(|&r| {
                let r = r.index();
                let avail = m.trainer_free[r].iter().filter(|&&f| f).count().min(m.trainers[r].max_days);
                (r, vars.add(variable().min(0).max((avail / days * days) as f64)))
            })
            .collect();
        for &(r, var) in &row {
            objective += m.weights.cost_per_sek * m.trainers[r].day_rate * var;
        }
        teach.push(row);
    }
    let sessions_of_course: Vec<Variable> = (0..m.courses.len()).map(|_| vars.add(variable().integer().min(0))).collect();
    (vars, objective, MasterVars { y, mix, flows, tiers, teach, sessions_of_course })
}

/// The aggregated model's rows: groups send at most their demand, tiers serve what is sent,
/// strong linking, seats, minimum group and mixing per course and venue, session limits,
/// trainer days, venue days and trainers' available days.
fn master_rows(
    model: &mut impl SolverModel,
    inst: &Instance,
    groups: &GroupMap,
    venues_of: &[Vec<(usize, f64, u64)>],
    integer: bool,
    mv: &MasterVars,
) {
    let m = &inst.timetable;
    let MasterVars { y, mix, flows, tiers, teach, sessions_of_course } = mv;
    // Each group sends at most its demand.
    for (g, (n, _)) in groups {
        let sum: Expression = flows.iter().filter(|f| f.0 == *g).map(|f| f.2).sum();
        model.add_constraint(sum.leq(*n as f64));
    }
    // Served demands of a group of several penalties: as many as it sends, each tier at most
    // its count (the model serves the highest penalties first).
    for (g, zs) in tiers {
        let sent: Expression = flows.iter().filter(|f| f.0 == *g).map(|f| f.2).sum();
        let served: Expression = zs.iter().copied().sum();
        model.add_constraint((sent - served).eq(0.0));
    }
    // Strong linking: a group seats at most min(its size, the seats) per session at a venue.
    for &(g, i, var) in flows {
        let (v, n) = (venues_of[g.0][i].0, groups[&g].0);
        let per_session = (m.venues[v].capacity.min(m.courses[g.0].max_size)).min(n) as f64;
        model.add_constraint((Expression::from(var) - per_session * y[g.0][i]).leq(0.0));
    }
    for (c, vs) in venues_of.iter().enumerate() {
        let course = &m.courses[c];
        // The course's total number of sessions as its own integer variable: a strong branching
        // candidate (the count of sessions rounds up per course).
        if integer && !vs.is_empty() {
            let total: Expression = y[c].iter().copied().sum();
            model.add_constraint((total - sessions_of_course[c]).eq(0.0));
        }
        for (i, &(v, _, _)) in vs.iter().enumerate() {
            let seated: Expression = flows.iter().filter(|f| f.0 .0 == c && f.1 == i).map(|f| f.2).sum();
            let seats = m.venues[v].capacity.min(course.max_size) as f64;
            model.add_constraint((seated.clone() - seats * y[c][i]).leq(0.0));
            model.add_constraint((seated - course.min_size as f64 * y[c][i]).geq(0.0));
            // Mixing: at least the largest municipality's attendees, and one per session.
            let mut munis: Vec<usize> = flows.iter().filter(|f| f.0 .0 == c && f.1 == i).map(|f| f.0 .1).collect();
            munis.dedup();
            for muni in munis {
                let group: Expression = flows.iter().filter(|f| f.0 .0 == c && f.1 == i && f.0 .1 == muni).map(|f| f.2).sum();
                model.add_constraint((Expression::from(mix[c][i]) - group).geq(0.0));
            }
            model.add_constraint((Expression::from(mix[c][i]) - y[c][i]).geq(0.0));
        }
        if let Some(mx) = course.max_sessions {
            let all: Expression = y[c].iter().copied().sum();
            model.add_constraint(all.leq(mx as f64));
        }
        // Trainer days needed by the course's sessions.
        let need: Expression = y[c].iter().map(|&var| (course.days * course.trainers_per_session) as f64 * var).sum();
        let given: Expression = teach[c].iter().map(|x| x.1).sum();
        model.add_constraint((given - need).eq(0.0));
    }
    for v in 0..m.venues.len() {
        let used: Expression = venues_of
            .iter()
            .enumerate()
            .flat_map(|(c, vs)| vs.iter().enumerate().filter(|x| x.1 .0 == v).map(move |(i, _)| (c, i)))
            .map(|(c, i)| m.courses[c].days as f64 * y[c][i])
            .sum();
        let free_days = m.venue_free[v].iter().filter(|&&f| f).count();
        model.add_constraint(used.leq(free_days as f64));
    }
    for r in 0..m.trainers.len() {
        let days: Expression = teach.iter().flat_map(|t| t.iter().filter(|x| x.0 == r).map(|x| x.1)).sum();
        let avail = m.trainer_free[r].iter().filter(|&&f| f).count().min(m.trainers[r].max_days);
        model.add_constraint(days.leq(avail as f64));
    }
}

/// Participants with more servable demands than this keep a zero multiplier in
/// [`person_relaxation`] (their subsets are enumerated: 2^12 = 4,096 at most, each checked by a
/// small search). A size limit on the enumeration, not a property of any round.
const PERSON_MAX_DEMANDS: usize = 12;

/// A Lagrangian relaxation of the per-participant limits, which the per-course models drop.
///
/// The per-course models serve demand d with `x_d`; a participant takes a set `z` of their
/// demands that keeps within their limits. Relaxing `x_d ≤ z_d` with a multiplier `μ_d ≥ 0`
/// gives, for any μ, the lower bound
/// `Σ_courses min(course part − Σ (penalty_d − μ_d)·x_d) − Σ_participants max_z Σ μ_d·z_d`:
/// each course model sees demand d saving `penalty_d − μ_d` (`mu`), and `relief` is the sum of
/// the participants' best sets. The sets are judged on a relaxation of the limits (course days
/// and courses per round; courses and areas per term, each course placed in a term where its
/// window has a start), so the bound stays valid.
///
/// Multipliers: zero for a participant who can take all their servable demands (no gain is
/// possible there); otherwise each demand's net saving at its nearest venue, less a full
/// session's cost per seat. A course then still serves the demand when it can fill sessions,
/// and the bound gains what the participant must leave out.
struct PersonRelaxation {
    mu: Vec<f64>,
    relief: f64,
}

/// The relaxation of the per-participant limits (see [`PersonRelaxation`]); None when every
/// participant can take all their servable demands.
fn person_relaxation(inst: &Instance, ok: &[bool]) -> Option<PersonRelaxation> {
    let m = &inst.timetable;
    let mut mu = vec![0.0; m.demands.len()];
    let mut relief = 0.0;
    for list in &m.demands_of {
        let own: Vec<usize> = list.iter().map(|d| d.index()).filter(|&d| ok[d]).collect();
        if own.len() < 2 || own.len() > PERSON_MAX_DEMANDS {
            continue;
        }
        let limits = PersonLimits::of(inst, &own);
        let all = (1u32 << own.len()) - 1;
        if limits.takes(all) {
            continue;
        }
        let weights: Vec<f64> = own.iter().map(|&d| multiplier(inst, d)).collect();
        let weight = |s: u32| (0..own.len()).filter(|i| s >> i & 1 == 1).map(|i| weights[i]).sum::<f64>();
        let best = (0..all).filter(|&s| s.count_ones() < own.len() as u32).fold(0.0f64, |best, s| {
            let w = weight(s);
            if w > best && limits.takes(s) {
                w
            } else {
                best
            }
        });
        for (i, &d) in own.iter().enumerate() {
            mu[d] = weights[i];
        }
        relief += best;
    }
    let gain: f64 = mu.iter().sum::<f64>() - relief;
    (gain > 0.0).then_some(PersonRelaxation { mu, relief })
}

/// A demand's multiplier: its penalty less the travel to its nearest venue and a full
/// session's cost per seat at the cheapest venue (never negative).
fn multiplier(inst: &Instance, d: usize) -> f64 {
    let m = &inst.timetable;
    let dem = &m.demands[d];
    let c = dem.course.index();
    let seats = |v: usize| m.venues[v].capacity.min(m.courses[c].max_size).max(1) as f64;
    let (travel, per_seat) = (0..m.venues.len()).filter_map(|v| cheapest_session(inst, c, v).map(|cost| (v, cost))).fold(
        (f64::INFINITY, f64::INFINITY),
        |(t, s), (v, cost)| {
            (t.min(m.travel_cost(inst, dem.participant.index(), v, m.courses[c].days)), s.min((cost + m.weights.mixing) / seats(v)))
        },
    );
    (dem.penalty - travel - per_seat).max(0.0)
}

/// One participant's limits over their servable demands, relaxed to what a set of demands can
/// be checked against without dates: course days and courses per round, and courses and areas
/// per term with each course placed in a term where its window has a start.
struct PersonLimits<'a> {
    inst: &'a Instance,
    own: &'a [usize],
    /// Per demand: the terms (bits) where a start of the course inside the window begins; bit
    /// 63 stands for "in no term" (or a term past the 63rd), which no term limit counts.
    terms: Vec<u64>,
}

impl<'a> PersonLimits<'a> {
    fn of(inst: &'a Instance, own: &'a [usize]) -> Self {
        let m = &inst.timetable;
        let terms = own
            .iter()
            .map(|&d| {
                let dem = &m.demands[d];
                let Some((lo, hi)) = dem.window else { return 0 };
                m.starts[dem.course.index()]
                    .iter()
                    .filter(|days| days[0] >= lo && days[days.len() - 1] <= hi)
                    .fold(0u64, |acc, days| acc | 1u64 << m.day_term[days[0]].unwrap_or(63).min(63))
            })
            .collect();
        PersonLimits { inst, own, terms }
    }

    /// Whether the demands in `set` (bits over `own`) keep within the relaxed limits.
    fn takes(&self, set: u32) -> bool {
        let m = &self.inst.timetable;
        let w = &m.workload;
        let chosen: Vec<usize> = (0..self.own.len()).filter(|i| set >> i & 1 == 1).collect();
        let days: usize = chosen.iter().map(|&i| m.courses[m.demands[self.own[i]].course].days).sum();
        if days > w.max_days_per_round || chosen.len() > w.max_courses {
            return false;
        }
        if w.max_courses_per_term == usize::MAX && w.max_areas_per_term == usize::MAX {
            return true;
        }
        let mut load: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); 64];
        self.place(&chosen, 0, &mut load)
    }

    /// Places the chosen demands from the `k`-th on in terms, each course counted in its term
    /// with its area, keeping the per-term limits (a small depth-first search).
    fn place(&self, chosen: &[usize], k: usize, load: &mut [(usize, Vec<usize>)]) -> bool {
        let Some(&i) = chosen.get(k) else { return true };
        let m = &self.inst.timetable;
        let w = &m.workload;
        let area = m.courses[m.demands[self.own[i]].course].area;
        for term in (0..64).filter(|b| self.terms[i] >> b & 1 == 1) {
            if term == 63 {
                if self.place(chosen, k + 1, load) {
                    return true;
                }
                continue;
            }
            let (courses, areas) = &load[term];
            let new_area = !areas.contains(&area);
            if *courses >= w.max_courses_per_term || (new_area && areas.len() >= w.max_areas_per_term) {
                continue;
            }
            load[term].0 += 1;
            if new_area {
                load[term].1.push(area);
            }
            let placed = self.place(chosen, k + 1, load);
            load[term].0 -= 1;
            if new_area {
                load[term].1.pop();
            }
            if placed {
                return true;
            }
        }
        false
    }
}

/// The groups with each demand's saving lowered by its multiplier (the course side of the
/// relaxation in [`PersonRelaxation`]).
fn groups_with_multipliers(inst: &Instance, ok: &[bool], masks: &[u64], mu: &[f64]) -> GroupMap {
    let m = &inst.timetable;
    let mut groups: GroupMap = BTreeMap::new();
    for (d, dem) in m.demands.iter().enumerate() {
        if ok[d] {
            let key = (dem.course.index(), inst.participants[dem.participant].municipality.index(), dem.priority, masks[d]);
            add_penalty(groups.entry(key).or_default(), dem.penalty - mu[d], 1);
        }
    }
    groups
}
